/* Lending: applications and the credit policy, joint-liability groups, disbursement,
 * repayment with will and capacity, arrears, provisioning, write-off and recovery. */
#include "sim_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *ud_reject_reason_text(ud_reject_reason r) {
    switch (r) {
    case UD_REJECT_NONE:
        return "";
    case UD_REJECT_POLICY_WOMEN_ONLY:
        return "the policy lends to women only";
    case UD_REJECT_POLICY_PAST_ARREARS:
        return "the last loan was repaid too late";
    case UD_REJECT_POLICY_GROUPS_ONLY:
        return "the policy lends through groups only";
    case UD_REJECT_NO_GROUP:
        return "too few applicants in the hamlet to form a group";
    case UD_REJECT_SCREENED_OUT:
        return "the loan officer judged the business too risky";
    case UD_REJECT_BY_COMMAND:
        return "the manager's decision";
    case UD_REJECT_NO_CASH:
        return "the MFI had no cash left to lend";
    case UD_REJECT_NO_CAPACITY:
        return "no loan officer could take another client";
    case UD_REJECT_BY_PEERS:
        return "the group's members did not accept this neighbour";
    case UD_REJECT_GROUP_LAPSED:
        return "the forming group never found enough members";
    case UD_REJECT_UNDECIDED:
        return "left undecided when the month ended (Review every loan)";
    case UD_REJECT_POLICY_BELOW_MINIMUM:
        return "the policy's cap for this household is below the product's smallest loan";
    }
    return "?";
}

/* ---- the loan pool ---- */

/* Slot h of the pool belongs to household h, so that the monthly passes walk households and
 * their loans in the same order (the cache-friendly way); ghost loans, which have no
 * household, live beyond them and are recycled through a free list. */
bool loan_pool_init(ud_sim *sim) {
    sim->loans = sim_alloc(sim, (size_t)sim->household_count * sizeof(loan_slot));
    if (sim->loans == NULL) {
        return false;
    }
    sim->loan_capacity = sim->household_count;
    sim->loan_free = NO_INDEX;
    return true;
}

static void reset_slot(loan_slot *slot) {
    memset(slot, 0, sizeof *slot);
    slot->in_use = 1;
    slot->household = NO_INDEX;
    slot->officer = NO_INDEX;
}

int loan_alloc_for_household(ud_sim *sim, int household) {
    reset_slot(&sim->loans[household]);
    sim->loans[household].household = household;
    return household;
}

int loan_alloc(ud_sim *sim) {
    if (sim->loan_free == NO_INDEX) {
        /* Ghost loans are few: grow their region by an eighth, not by doubling the pool. */
        int old = sim->loan_capacity;
        if (!sim_resize(sim, (void **)&sim->loans, &sim->loan_capacity, old + old / 8 + 16,
                        sizeof(loan_slot))) {
            return NO_INDEX;
        }
        /* Chain the new slots so the lowest index is handed out first. */
        for (int i = sim->loan_capacity - 1; i >= old; i--) {
            sim->loans[i].in_use = 0;
            sim->loans[i].next_free = sim->loan_free;
            sim->loan_free = i;
        }
    }
    int index = sim->loan_free;
    sim->loan_free = sim->loans[index].next_free;
    reset_slot(&sim->loans[index]);
    return index;
}

void loan_release(ud_sim *sim, int index) {
    loan_slot *slot = &sim->loans[index];
    slot->in_use = 0;
    if (index >= sim->household_count) {
        slot->next_free = sim->loan_free;
        sim->loan_free = index;
    }
}

/* ---- officers' effect on loans ---- */

static const double training_factor[4] = {0.45, 0.65, 0.85, 1.0};

double officer_quality(const ud_sim *sim, int officer) {
    if (officer < 0 || officer >= sim->officer_count || !sim->officers[officer].employed) {
        return 0.2; /* an orphaned loan: nobody follows it up */
    }
    const ud_officer *o = &sim->officers[officer];
    double load = sim->officer_load[officer];
    double cap = staff_effective_capacity(sim, o);
    double overload = load > cap ? cap / load : 1.0;
    return training_factor[o->training] * staff_motivation(sim, o) * staff_experience(sim, o) *
           overload;
}

/* The share of a group member's mentoring a woman borrowing alone receives (monthly visits
 * against weekly meetings: Feigenberg, Field and Pande 2013 compared the two frequencies). */
#define MENTORING_ALONE 0.25

double mentoring_reach(const ud_sim *sim, const household *h, int officer) {
    if (!h->woman || !sim->hamlets[h->hamlet].mentoring) {
        return 0;
    }
    double reach = officer_quality(sim, officer) * (0.5 + sim->follow_up);
    /* Mentoring is taught at the weekly group meetings; a woman with an individual loan meets
     * her officer at the monthly visit only: a quarter of the contact [MENTORING_ALONE]. */
    bool in_group = h->group != NO_INDEX && !sim->groups[h->group].collapsed;
    reach *= in_group ? 1.0 : MENTORING_ALONE;
    return reach > 1.0 ? 1.0 : reach;
}

ud_money lending_capacity(const ud_sim *sim) {
    const ud_balance_sheet bs = ud_books_balance_sheet(&sim->books);
    ud_money reserve =
        sim->setup.mfi.institution == UD_INST_NGO ? bs.client_savings : bs.client_savings / 10;
    ud_money payroll = sim->setup.mfi.costs.office_per_month;
    for (int i = 0; i < sim->officer_count; i++) {
        if (sim->officers[i].employed) {
            payroll += sim->officers[i].salary;
        }
    }
    ud_money free_cash = bs.cash - reserve - payroll;
    return free_cash > 0 ? free_cash : 0;
}

/* ---- disbursement ---- */

static bool household_has_active_loan(const ud_sim *sim, const household *h) {
    return h->loan != NO_INDEX && sim->loans[h->loan].account.status == UD_LOAN_ACTIVE;
}

static void reject(ud_sim *sim, ud_application *app, ud_reject_reason reason) {
    app->decision = UD_APP_REJECTED;
    app->reason = reason;
    household *h = &sim->households[app->household];
    h->next_apply_month = (int16_t)(sim->month + 4);
    sim_event(sim, UD_EV_APPLICATION_REJECTED, app->household, (int)reason, app->amount);
}

/* Most of a loan goes into the business; some is diverted to consumption, more so without
 * business skills. A woman's loan is sometimes controlled by others in her household
 * (Goetz and Gupta 1996): it is invested less, and she still owes it. Group meetings make
 * the loan visible and disburse it in public, and mentoring backs her: both lower capture. */
static void invest_loan(ud_sim *sim, household *h, loan_slot *slot, int officer,
                        ud_money cash_received) {
    ud_rng *rng = &sim->rng[STREAM_DEMAND];
    double invested = h->literate || h->trained ? 0.85 : 0.70;
    /* A loan taken in a month of hardship goes first on food, school fees and the
     * moneylender: the share invested falls with the income lost (engine/MODEL.md,
     * "Distress borrowing"). */
    invested *= 1.0 - household_hardship(h);
    double capture = sim->setup.village.capture_rate;
    if (h->group != NO_INDEX) {
        capture *= 0.5;
    }
    capture *= 1.0 - 0.5 * mentoring_reach(sim, h, officer);
    if (h->woman && ud_rng_chance(rng, capture)) {
        invested = 0.30;
        slot->captured = 1;
    }
    ud_money to_business = (ud_money)((double)cash_received * invested);
    /* A loan larger than the business can use is not invested: money is fungible, and what
     * the business cannot absorb goes on the household's other needs (at least 30% of a loan
     * still finds some use in the business). */
    ud_money room = household_business_room(sim, h);
    ud_money floor_use = (ud_money)((double)cash_received * 0.3);
    ud_money usable = room > floor_use ? room : floor_use;
    to_business = to_business < usable ? to_business : usable;
    h->capital += to_business;
    sim_pay_outside(sim, h, to_business);
    ud_money consumed = (cash_received - to_business) / 2;
    sim_pay_outside(sim, h, consumed);
}

/* Principal repaid within fewer days than this is a bullet: a season (engine/MODEL.md, 4). */
#define BULLET_DAYS 90

/* What the instalments take of the household's income each month, in percent: the whole
 * amount to repay spread over the loan's months (or, for a bullet, its heaviest month),
 * against the household's usual income. */

static uint8_t debt_burden(const ud_loan *loan, const household *h) {
    const ud_schedule_plan *p = &loan->plan;
    double months =
        p->installments * ud_frequency_days((ud_frequency)p->frequency) / (double)DAYS_PER_MONTH;
    double interest = p->method == UD_METHOD_FLAT ? (double)p->flat_interest_total
                                                  : (double)p->principal * p->rate_num /
                                                        p->rate_den * (p->installments + 1) / 2.0;
    double monthly = ((double)p->principal + interest) / (months > 0 ? months : 1);
    /* A loan whose principal falls due within a season (a balloon, a grace period of nearly
     * the whole term) is judged by its heaviest month, not its average: the household must
     * find the principal from cash in hand, not from a season's income (Field, Pande, Papp and
     * Rigol 2013: a grace period raised default). A seasonal loan amortised over several
     * months, as farm loans are, is judged by its average; one whose grace is half its term
     * or more puts the principal in the months after it, as a balloon does, and is judged
     * by its heaviest month too (engine/MODEL.md, 4). */
    int days = ud_frequency_days((ud_frequency)p->frequency);
    int amortising = p->installments - p->grace;
    if (amortising * days < BULLET_DAYS || 2 * p->grace >= p->installments) {
        double per_month = DAYS_PER_MONTH / (double)days;
        double share = amortising > per_month ? per_month / amortising : 1.0;
        double peak = (double)p->principal * share + interest / (months > 0 ? months : 1);
        monthly = peak > monthly ? peak : monthly;
    }
    double pct = h->income_smooth > 0 ? 100.0 * monthly / (double)h->income_smooth : 255;
    return (uint8_t)(pct > 255 ? 255 : (pct < 0 ? 0 : pct));
}

/* Below this share of the going rate a loan looks like a handout; at no interest at all a
 * borrower's will to repay is this much lower (engine/MODEL.md, 4, "Cheap credit"). */
#define CHARITY_PRICE 0.6
#define CHARITY_WILL 0.25

/* Credit priced far below what lenders charge is seen as a handout, and handouts are repaid
 * worse: 0 at CHARITY_PRICE of the going rate or above, 1 at no interest at all. */
static double charity_seen(ud_sim *sim, int product) {
    double apr = sim_product_apr(sim, product);
    double line = CHARITY_PRICE * sim->setup.village.going_rate * 100.0;
    if (!isfinite(apr) || line <= 0 || apr >= line) {
        return 0.0;
    }
    return apr <= 0 ? 1.0 : 1.0 - apr / line;
}

static void disburse(ud_sim *sim, ud_application *app, int officer) {
    household *h = &sim->households[app->household];
    const ud_product *p = &sim->products[app->product];
    ud_loan_terms terms = p->terms;
    terms.principal = app->amount;
    /* A previous written-off loan's slot is reused: this is a fresh start. */
    int index = loan_alloc_for_household(sim, app->household);
    loan_slot *slot = &sim->loans[index];
    ud_money cash_before = sim_cash(sim);
    if (ud_loan_disburse(&slot->account, &sim->books, &terms, sim_today(sim)) != UD_TERMS_OK) {
        loan_release(sim, index);
        h->loan = NO_INDEX;
        reject(sim, app, UD_REJECT_BY_COMMAND);
        return;
    }
    ud_money received = cash_before - sim_cash(sim); /* principal less the fee */
    h->cash += received;
    h->interest_month += app->amount - received; /* the fee is a price paid, as interest is */
    slot->product = app->product;
    slot->directed = app->directed;
    slot->appraisal = (uint8_t)(app->appraisal * 255.0 + 0.5);
    slot->started_month = (uint8_t)sim->month;
    slot->burden = debt_burden(&slot->account, h);
    slot->charity = (uint8_t)(charity_seen(sim, app->product) * 255.0 + 0.5);
    h->loan = index;
    h->missed = 0;
    h->peer_covered = 0; /* a new loan: its peers have carried it no month yet */
    h->ever_borrowed = 1;
    h->group = app->group;
    ud_money compulsory = ud_money_apply_rate(app->amount, p->compulsory_savings);
    if (compulsory > h->cash) {
        compulsory = h->cash;
    }
    if (compulsory > 0) {
        ud_books_transfer(&sim->books, "compulsory savings withheld", UD_ACC_CASH,
                          UD_ACC_CLIENT_SAVINGS, compulsory);
        h->cash -= compulsory;
        h->compulsory += compulsory;
        received -= compulsory;
    }
    if (sim->hamlets[h->hamlet].training > 0) {
        h->trained = 1; /* the hamlet's training programme takes in new clients too */
    }
    invest_loan(sim, h, slot, officer, received);
    staff_assign(sim, slot, officer);
    if (app->group != NO_INDEX) {
        sim->groups[app->group].active++;
    }
    sim_event(sim, UD_EV_LOAN_DISBURSED, app->household, app->product, app->amount);
}

void lending_disburse_queue(ud_sim *sim) {
    ud_money short_of = 0;
    for (int b = 0; b < UD_BIZ_COUNT; b++) { /* about three months of memory */
        sim->repeat_served[b] *= REPEAT_MEMORY;
        sim->repeat_refused[b] *= REPEAT_MEMORY;
    }
    for (int i = 0; i < sim->app_count; i++) {
        ud_application *app = &sim->apps[i];
        household *h = &sim->households[app->household];
        bool repeat = h->loans_repaid > 0;
        if (app->decision == UD_APP_PENDING) {
            reject(sim, app, UD_REJECT_UNDECIDED); /* never decided: it lapses */
        }
        if (app->decision == UD_APP_REJECTED &&
            (app->reason == UD_REJECT_BY_COMMAND || app->reason == UD_REJECT_UNDECIDED)) {
            sim->repeat_refused[h->business] += repeat; /* the manager said no */
            continue;
        }
        if (app->decision != UD_APP_APPROVED || household_has_active_loan(sim, h) ||
            !sim->products[app->product].open) {
            continue;
        }
        if (app->amount > lending_capacity(sim)) {
            short_of += app->amount;
            reject(sim, app, UD_REJECT_NO_CASH);
            continue;
        }
        int officer = staff_pick_officer(sim);
        if (officer == NO_INDEX) {
            reject(sim, app, UD_REJECT_NO_CAPACITY);
            continue;
        }
        disburse(sim, app, officer);
        sim->repeat_served[h->business] += repeat;
    }
    if (short_of > 0) {
        sim_event(sim, UD_EV_CASH_SHORT, 0, 0, short_of);
    }
    sim->app_count = 0;
}

/* ---- applications ---- */

/* What a household weighs in a loan's price (engine/MODEL.md, "Demand answers price"). */
#define MEETING_TIME_VALUE (1.0 / 3.0) /* an hour at meetings costs a third of an hour's income */
#define WORK_HOURS_PER_MONTH 200.0
#define UNPROFITABLE_LOAN 0.3 /* demand left when a loan costs more than capital earns */
#define PRICE_FLOOR 0.02      /* above the alternative, almost nobody borrows */
#define PRICE_STEEPNESS 3.0   /* demand falls by e^-3 from the going rate to the alternative */
#define APPRAISALS_PER_OFFICER 30.0 /* new individual clients an officer appraises well a month */
#define FOLLOW_UP_TIME 0.5          /* share of an officer's month that full follow-up takes */
#define FORMING_UNITS 3.0           /* appraisal time a forming group's meetings take a month */
#define FORMING_TRAINING_MONTHS 1   /* a month of weekly training meetings before the first loan */
#define FORMING_PATIENCE 6          /* months a forming group waits for members before lapsing */
#define POOR_INDIVIDUAL_ACCESS 0.5  /* a poor first borrower's chance of the collateral asked */
#define WOMEN_INDIVIDUAL_ACCESS 0.6 /* a woman first borrower's chance of the collateral asked */
#define PEER_EXCLUSION 0.5          /* chance that neighbours keep out an applicant they distrust */
#define DISTRESS_HARDSHIP 0.2 /* income lost (share of expected) that makes borrowing distress */
#define DISTRESS_DEMAND 1.0   /* applications rise by this times the share lost */
#define DISTRESS_MONTHS 2     /* months of the income gap a household in distress asks for */

/* Hours a year that a client spends at meetings or waiting for the collector. */
static double meeting_hours(const ud_product *p) {
    double per_year = p->terms.frequency == UD_FREQ_WEEKLY
                          ? 52.0
                          : (p->terms.frequency == UD_FREQ_FORTNIGHTLY ? 26.0 : 12.0);
    return per_year * (p->group_liability ? 1.0 : 0.5);
}

/* How a household's wish to borrow answers the all-in cost it sees (percent a year):
 * inelastic below the going rate, falling steeply above it, almost nil above the
 * alternative (Karlan and Zinman 2008; Dehejia, Montgomery and Morduch 2012). */
static double price_response(double cost, double going, double alternative) {
    if (alternative < going + 10.0) {
        alternative = going + 10.0;
    }
    if (cost <= going) {
        return 1.0 + 0.1 * (1.0 - cost / going);
    }
    if (cost >= alternative) {
        return PRICE_FLOOR;
    }
    double f = exp(-PRICE_STEEPNESS * (cost - going) / (alternative - going));
    return f < PRICE_FLOOR ? PRICE_FLOOR : f;
}

/* 0..1: how safe a borrower is (honest, not vulnerable). Safe borrowers have other options
 * and leave first when the price rises (Stiglitz and Weiss 1981). */
static double safety(const household *h) {
    double s = (h->honesty / 255.0 - 0.5) / 0.5;
    s = s < 0 ? 0 : (s > 1 ? 1 : s);
    return s * (1.0 - 0.5 * h->vulnerability / 255.0);
}

/* HARVEST_GRACE_MONTHS (sim_internal.h): rice and maize grow in three to four months, and
 * seasonal farm loans pause the principal that long (BRI's and the KUR's seasonal loans). A
 * shorter grace carries a farmer part of the way. */

/* Field et al. (2013): a two-month grace on a year's loan bought riskier investments. */
#define GAMBLE_GRACE_MONTHS 2.0

double loan_grace_gamble(const ud_sim *sim, const household *h) {
    if (h->loan == NO_INDEX) {
        return 0.0;
    }
    const ud_loan *acct = &sim->loans[h->loan].account;
    if (acct->plan.grace <= 0 || acct->rescheduled) {
        return 0.0;
    }
    double months =
        acct->plan.grace * ud_frequency_days((ud_frequency)acct->plan.frequency) / DAYS_PER_MONTH;
    if (h->business == UD_BIZ_FARMING) {
        months -= HARVEST_GRACE_MONTHS;
    }
    double share = months / GAMBLE_GRACE_MONTHS;
    return share <= 0 ? 0.0 : (share > 1.0 ? 1.0 : share);
}

/* How well a product's repayment rhythm fits a business's cash flow. */
static double cash_flow_fit(const ud_product *p, int business) {
    ud_frequency f = p->terms.frequency;
    switch (business) {
    case UD_BIZ_TRADE:
    case UD_BIZ_SERVICES:
        return f == UD_FREQ_MONTHLY ? 0.9 : 1.0;
    case UD_BIZ_FARMING: {
        /* a grace fits as far as it reaches the harvest: one interest-only week on a weekly
         * loan is no farm loan (a red team's token grace drew every farmer as a real one did) */
        double base = f == UD_FREQ_MONTHLY ? 0.7 : 0.5;
        double grace_months = p->terms.grace * ud_frequency_days(f) / (double)DAYS_PER_MONTH;
        double reach = grace_months / HARVEST_GRACE_MONTHS;
        return base + (1.0 - base) * (reach > 1.0 ? 1.0 : reach);
    }
    default:
        return f == UD_FREQ_WEEKLY ? 0.8 : 1.0;
    }
}

typedef struct market_view {
    double apr[UD_MAX_PRODUCTS]; /* percent, fees included; NAN if unusable */
    double going, alternative, competitor_rate, competitor;
} market_view;

/* The chance that a household can offer what a product asks as security (0..1). An individual
 * loan asks for collateral or a guarantor that a poor household without a track record often
 * lacks, and that a woman often lacks because the land and the house are in her husband's
 * name; the group's joint liability stands in for them (Armendariz and Morduch, The
 * Economics of Microfinance, ch. 4-5 and 7). A track record of repaid loans replaces it. */
static double collateral_access(const ud_sim *sim, const household *h, const ud_product *prod) {
    if (prod->group_liability || h->loans_repaid > 0) {
        return 1.0;
    }
    double access = household_poor(sim, h) ? POOR_INDIVIDUAL_ACCESS : 1.0;
    return h->woman ? access * WOMEN_INDIVIDUAL_ACCESS : access;
}

static ud_money clamp_money(ud_money v, ud_money lo, ud_money hi) {
    return v < lo ? lo : (v > hi ? hi : v);
}

static ud_money policy_cap(const ud_sim *sim, const household *h) {
    const ud_credit_policy *pol = &sim->policy;
    ud_money cap = INT64_MAX;
    if (h->loans_repaid == 0 && pol->first_loan_cap > 0) {
        cap = pol->first_loan_cap;
    } else if (h->loans_repaid > 0 && h->last_loan > 0) {
        cap = h->last_loan + ud_money_apply_rate(h->last_loan, pol->repeat_step_up);
    }
    if (pol->loan_to_income_cap > 0) {
        ud_money lti = ud_money_apply_rate(h->income_smooth * 12, pol->loan_to_income_cap);
        cap = lti < cap ? lti : cap;
    }
    return cap;
}

/* The product a household would take, its price response and its chance of offering the
 * security it asks; NO_INDEX if none fits. */
static int choose_product(const ud_sim *sim, const household *h, const market_view *mv,
                          ud_money wanted, double *response, double *access_out) {
    int best = NO_INDEX;
    double best_score = 0;
    double hourly = (double)h->income_smooth / WORK_HOURS_PER_MONTH;
    double earns = 100.0 * household_marginal_return(sim, h); /* percent a year */
    ud_money cap = policy_cap(sim, h);                        /* the same for every product */
    for (int p = 0; p < sim->product_count; p++) {
        const ud_product *prod = &sim->products[p];
        /* A loan far larger than the household needs or can carry does not fit it. */
        if (!prod->open || isnan(mv->apr[p]) || prod->min_amount > 3 * h->income_smooth) {
            continue;
        }
        /* A unit that lends only to groups says so: villagers do not ask it for what it
         * does not offer, they join a group or stay away. */
        if (sim->policy.groups_only && !prod->group_liability) {
            continue;
        }
        /* nor for a product whose smallest loan the policy would not lend it (the officer
         * says so, and points to the products it may have) */
        if (cap < prod->min_amount) {
            continue;
        }
        /* nor for a product meant for women (a women's group loan, for a man) */
        if (prod->women && !h->woman) {
            continue;
        }
        /* nor for a product meant for other trades (a farm loan, for a trader) */
        if (prod->business_mask != 0 && !((prod->business_mask >> h->business) & 1u)) {
            continue;
        }
        double access = collateral_access(sim, h, prod);
        ud_money size = wanted < prod->min_amount
                            ? prod->min_amount
                            : (wanted > prod->max_amount ? prod->max_amount : wanted);
        double time_cost =
            size > 0 ? 100.0 * meeting_hours(prod) * hourly * MEETING_TIME_VALUE / (double)size : 0;
        double cost = mv->apr[p] + time_cost;
        double f = price_response(cost, mv->going, mv->alternative);
        if (cost > earns) {
            f *= UNPROFITABLE_LOAN; /* the loan would cost more than the business earns */
        }
        if (mv->competitor > 0) {
            /* A rival takes most of those it undercuts, a few of the others. */
            f *= 1.0 - mv->competitor * (cost > mv->competitor_rate ? 0.9 : 0.3);
        }
        double score = f * access * cash_flow_fit(prod, h->business);
        if (prod->group_liability) {
            score *= h->woman ? 1.1 : 0.85; /* women more often choose groups */
        }
        if (score > best_score) {
            best_score = score;
            best = p;
            *response = f;
            *access_out = access;
        }
    }
    return best;
}

static bool looks_risky(const household *h) {
    return h->honesty < 160 || h->vulnerability > 210;
}

/* screening_quality: how well this application's appraising officer judges risk (0..1). */
static void decide(ud_sim *sim, ud_application *app, household *h, double screening_quality) {
    const ud_credit_policy *pol = &sim->policy;
    const ud_product *p = &sim->products[app->product];
    if (app->directed) {
        app->decision = UD_APP_APPROVED; /* the patron's list bypasses the policy */
        return;
    }
    if ((pol->women_only || p->women) && !h->woman) {
        app->decision = UD_APP_REJECTED;
        app->reason = UD_REJECT_POLICY_WOMEN_ONLY;
        return;
    }
    if (pol->groups_only && !p->group_liability) {
        app->decision = UD_APP_REJECTED;
        app->reason = UD_REJECT_POLICY_GROUPS_ONLY;
        return;
    }
    if (h->defaults > 0 || h->last_arrears_days > pol->max_past_arrears_days) {
        app->decision = UD_APP_REJECTED;
        app->reason = UD_REJECT_POLICY_PAST_ARREARS;
        return;
    }
    /* The policy's caps bind: a household whose cap (first loan, step-up, share of income)
     * is below the product's smallest loan cannot borrow under this product, rather than
     * getting the smallest loan above its cap (a trainee set loans to at most 15% of income
     * and saw a 6 million loan go to a household earning 36 million a year, and go bad). */
    ud_money cap = policy_cap(sim, h);
    if (cap < p->min_amount) {
        app->decision = UD_APP_REJECTED;
        app->reason = UD_REJECT_POLICY_BELOW_MINIMUM;
        return;
    }
    app->amount = clamp_money(app->requested, p->min_amount, cap);
    /* Screening: a trained, unhurried officer spots the risky applicant. */
    if (looks_risky(h) && ud_rng_chance(&sim->rng[STREAM_DEMAND], 0.75 * screening_quality)) {
        app->decision = UD_APP_REJECTED;
        app->reason = UD_REJECT_SCREENED_OUT;
        return;
    }
    app->decision = pol->manual_review ? UD_APP_PENDING : UD_APP_APPROVED;
}

static int new_group(ud_sim *sim, int hamlet) {
    if (!sim_reserve(sim, (void **)&sim->groups, &sim->group_capacity, sim->group_count + 1,
                     sizeof(group))) {
        return NO_INDEX;
    }
    group *g = &sim->groups[sim->group_count];
    memset(g, 0, sizeof *g);
    g->hamlet = hamlet;
    return sim->group_count++;
}

/* ---- groups that form over weeks ---- */

const char *ud_forming_block_text(ud_forming_block b) {
    switch (b) {
    case UD_FORMING_NEEDS_MEMBERS:
        return "waiting for more members";
    case UD_FORMING_IN_TRAINING:
        return "holding its training meetings";
    case UD_FORMING_NO_OFFICER:
        return "no loan officer has time to run its meetings";
    case UD_FORMING_PRODUCT_CLOSED:
        return "the product it is forming for is closed";
    }
    return "?";
}

int lending_forming_count(const ud_sim *sim) {
    return sim->forming_count;
}

const ud_forming_group *ud_sim_forming_groups(const ud_sim *sim, int *count) {
    *count = sim->forming_count;
    return sim->forming;
}

/* An applicant for a group product joins the forming group of its hamlet, unless the
 * members, who know their neighbours, keep out someone they do not trust. */
static void join_forming(ud_sim *sim, ud_application *app, household *h) {
    const ud_product *prod = &sim->products[app->product];
    if (!app->directed && looks_risky(h) &&
        ud_rng_chance(&sim->rng[STREAM_GROUPS], PEER_EXCLUSION)) {
        app->decision = UD_APP_REJECTED;
        app->reason = UD_REJECT_BY_PEERS;
        return;
    }
    int max = prod->group_max < GROUP_MAX_MEMBERS ? prod->group_max : GROUP_MAX_MEMBERS;
    ud_forming_group *f = NULL;
    for (int i = 0; i < sim->forming_count; i++) {
        ud_forming_group *c = &sim->forming[i];
        if (c->hamlet == h->hamlet && c->product == app->product && c->members < max) {
            f = c;
            break;
        }
    }
    if (f == NULL) {
        if (!sim_reserve(sim, (void **)&sim->forming, &sim->forming_capacity,
                         sim->forming_count + 1, sizeof(ud_forming_group))) {
            app->decision = UD_APP_REJECTED;
            app->reason = UD_REJECT_NO_GROUP;
            return;
        }
        f = &sim->forming[sim->forming_count++];
        memset(f, 0, sizeof *f);
        f->hamlet = h->hamlet;
        f->product = app->product;
        f->started_month = sim->month;
        f->blocked = UD_FORMING_NEEDS_MEMBERS;
    }
    f->member[f->members] = app->household;
    f->amount[f->members] = app->amount;
    f->directed[f->members] = app->directed;
    f->members++;
    app->decision = UD_APP_WAITING;
    h->next_apply_month = (int16_t)(sim->month + 120); /* waits in the group, not at the desk */
}

static ud_application *add_application(ud_sim *sim, int household, int product) {
    if (!sim_reserve(sim, (void **)&sim->apps, &sim->app_capacity, sim->app_count + 1,
                     sizeof(ud_application))) {
        return NULL;
    }
    ud_application *app = &sim->apps[sim->app_count++];
    memset(app, 0, sizeof *app);
    app->id = ++sim->next_app_id; /* numbered from 1, as households, products and officers are */
    app->household = household;
    app->product = product;
    app->month = sim->month + 1;
    app->group = NO_INDEX;
    app->appraisal = 1.0;
    return app;
}

static void remove_forming(ud_sim *sim, int index) {
    sim->forming[index] = sim->forming[sim->forming_count - 1];
    sim->forming_count--;
}

/* A month of the forming groups: an officer holds their meetings if one has time; a group
 * with enough members and its training done becomes a group, and its members' loans go to
 * the desk; one that waited too long lapses. Returns the appraisal time used. */
/* A policy made "women only" after men joined a forming group: they leave it, refused as any
 * man applying now would be (the patron's list still bypasses the policy). */
static void drop_members_the_policy_refuses(ud_sim *sim, ud_forming_group *f) {
    if (!sim->policy.women_only) {
        return;
    }
    int kept = 0;
    for (int k = 0; k < f->members; k++) {
        household *h = &sim->households[f->member[k]];
        if (!h->woman && !f->directed[k]) {
            h->next_apply_month = (int16_t)(sim->month + 4);
            sim_event(sim, UD_EV_APPLICATION_REJECTED, f->member[k],
                      (int)UD_REJECT_POLICY_WOMEN_ONLY, f->amount[k]);
            continue;
        }
        f->member[kept] = f->member[k];
        f->amount[kept] = f->amount[k];
        f->directed[kept] = f->directed[k];
        kept++;
    }
    f->members = kept;
}

static double advance_forming(ud_sim *sim, double units) {
    double used = 0;
    for (int i = 0; i < sim->forming_count;) {
        ud_forming_group *f = &sim->forming[i];
        drop_members_the_policy_refuses(sim, f);
        if (f->members == 0) {
            remove_forming(sim, i);
            continue;
        }
        const ud_product *prod = &sim->products[f->product];
        bool usable = prod->open && prod->group_liability;
        if (!usable) {
            f->blocked = UD_FORMING_PRODUCT_CLOSED;
        } else if (used + FORMING_UNITS <= units) {
            used += FORMING_UNITS;
            f->training_months++;
            f->blocked =
                f->members < prod->group_min ? UD_FORMING_NEEDS_MEMBERS : UD_FORMING_IN_TRAINING;
        } else {
            f->blocked = UD_FORMING_NO_OFFICER;
        }
        if (usable && f->members >= prod->group_min &&
            f->training_months >= FORMING_TRAINING_MONTHS) {
            int g = new_group(sim, f->hamlet);
            if (g != NO_INDEX) {
                for (int k = 0; k < f->members; k++) {
                    household *h = &sim->households[f->member[k]];
                    h->next_apply_month = (int16_t)(sim->month + 2);
                    ud_application *app = add_application(sim, f->member[k], f->product);
                    if (app == NULL) {
                        break;
                    }
                    app->directed = f->directed[k];
                    app->requested = f->amount[k];
                    app->amount =
                        clamp_money(f->amount[k], prod->min_amount,
                                    policy_cap(sim, h) > prod->min_amount ? policy_cap(sim, h)
                                                                          : prod->min_amount);
                    app->amount = app->amount > prod->max_amount ? prod->max_amount : app->amount;
                    app->group = g;
                    app->decision = sim->policy.manual_review && !app->directed ? UD_APP_PENDING
                                                                                : UD_APP_APPROVED;
                    sim->groups[g].member[sim->groups[g].members++] = f->member[k];
                }
                sim_event(sim, UD_EV_GROUP_FORMED, g, f->members, 0);
                remove_forming(sim, i);
                continue;
            }
        }
        if (sim->month - f->started_month >= FORMING_PATIENCE) {
            for (int k = 0; k < f->members; k++) {
                sim->households[f->member[k]].next_apply_month = (int16_t)(sim->month + 1);
                sim_event(sim, UD_EV_APPLICATION_REJECTED, f->member[k],
                          (int)UD_REJECT_GROUP_LAPSED, f->amount[k]);
            }
            remove_forming(sim, i);
            continue;
        }
        i++;
    }
    return used;
}

/* A month's chance that a household free to borrow asks: a former client comes back for her
 * next loan, a newcomer seldom asks; both as the unit's reputation draws them. */
#define REPEAT_APPLY_CHANCE 0.5
#define FIRST_APPLY_CHANCE 0.06

static double reputation_pull(const ud_sim *sim) {
    return 0.4 + 0.8 * sim->reputation;
}

void lending_take_applications(ud_sim *sim) {
    market_view mv;
    mv.going = sim->setup.village.going_rate * 100.0;
    mv.alternative = sim->setup.village.moneylender_annual_rate * 100.0;
    mv.competitor_rate = sim->setup.village.competitor_rate * 100.0;
    mv.competitor = sim->competitor;
    for (int p = 0; p < sim->product_count; p++) {
        double apr = sim_product_demand_apr(sim, p);
        mv.apr[p] = isfinite(apr) ? apr : NAN;
    }
    /* The month's appraisal time: what the officers can look at properly. */
    double units = 0, quality_sum = 0;
    int employed = 0;
    for (int o = 0; o < sim->officer_count; o++) {
        if (sim->officers[o].employed) {
            units += APPRAISALS_PER_OFFICER * staff_motivation(sim, &sim->officers[o]);
            quality_sum += officer_quality(sim, o);
            employed++;
        }
    }
    /* Follow-up takes the same officers' days: the default half share leaves the full
     * appraisal time, following up every client leaves two thirds of it, none four thirds. */
    units *= (1.0 - FOLLOW_UP_TIME * sim->follow_up) / (1.0 - FOLLOW_UP_TIME * 0.5);
    double screening = employed > 0 ? quality_sum / employed : 0.3;
    double used = advance_forming(sim, units);

    ud_rng *rng = &sim->rng[STREAM_DEMAND];
    double pull = reputation_pull(sim);
    int first = sim->app_count;
    for (int i = 0; i < sim->household_count; i++) {
        household *h = &sim->households[i];
        if (household_has_active_loan(sim, h) || sim->month < h->next_apply_month ||
            h->defaults > 0) {
            continue;
        }
        bool directed = sim->hamlets[h->hamlet].directed_until > sim->month;
        double chance = h->loans_repaid > 0 ? REPEAT_APPLY_CHANCE : FIRST_APPLY_CHANCE;
        double hardship = household_hardship(h);
        if (hardship > DISTRESS_HARDSHIP) {
            chance *= 1.0 + DISTRESS_DEMAND * hardship;
        }
        if (directed) {
            chance = 0.25;
        }
        if (!ud_rng_chance(rng, chance * pull)) {
            continue;
        }
        double months_of_income = 1.0 + 2.0 * ud_rng_unit(rng);
        ud_money wanted = (ud_money)((double)h->income_smooth * months_of_income);
        /* Distress borrowing: a household whose income has collapsed asks for credit more
         * often, and for enough to carry it through (Udry 1994; Kaboski and Townsend 2012):
         * the loan replaces lost income, it does not build a business. */
        if (hardship > DISTRESS_HARDSHIP) {
            ud_money gap = household_need(sim, h) - h->income_last;
            wanted += gap > 0 ? DISTRESS_MONTHS * gap : 0;
        }
        if (h->loans_repaid > 0 && h->last_loan > 0) {
            /* A repeat client asks for the bigger loan the MFI promised: progressive lending
             * is taken up to its limit. */
            ud_money step =
                h->last_loan + ud_money_apply_rate(h->last_loan, sim->policy.repeat_step_up);
            wanted = step > wanted ? step : wanted;
        }
        double response = 1.0, access = 1.0;
        int p = choose_product(sim, h, &mv, wanted, &response, &access);
        if (p == NO_INDEX) {
            continue;
        }
        /* Without the collateral or guarantor asked, the household does not get past the
         * door: it stays away. */
        if (access < 1.0 && !ud_rng_chance(rng, access)) {
            continue;
        }
        /* Priced out: safe borrowers answer the price more than risky ones. A patron's
         * client is pushed to borrow whatever the price. */
        if (!directed && response < 1.0 &&
            !ud_rng_chance(rng, pow(response, 0.4 + 1.2 * safety(h)))) {
            continue;
        }
        ud_application *app = add_application(sim, i, p);
        if (app == NULL) {
            return;
        }
        app->directed = directed;
        const ud_product *prod = &sim->products[p];
        app->requested = clamp_money(wanted, prod->min_amount, prod->max_amount);
        app->amount = app->requested;
        /* Appraisal time: a new client takes a visit and a look at the business (less in a
         * group, whose members vouch), a known client little. Beyond the month's time, each
         * application gets less of it. */
        used += h->loans_repaid > 0 ? 0.25 : (prod->group_liability ? 0.5 : 1.0);
        app->appraisal = used <= units ? 1.0 : (units > 0 ? units / used : 0.0);
        decide(sim, app, h, screening * app->appraisal);
        h->next_apply_month = (int16_t)(sim->month + 2);
        if (prod->group_liability && app->decision != UD_APP_REJECTED) {
            /* A member who repaid borrows again with her group at its next meeting: groups
             * last from one loan cycle to the next (Armendariz and Morduch, ch. 4); only a
             * newcomer, or one whose group collapsed, waits in a forming group. */
            int g = h->last_group;
            if (g != NO_INDEX && !sim->groups[g].collapsed && sim->groups[g].hamlet == h->hamlet) {
                app->group = g;
            } else {
                join_forming(sim, app, h);
            }
        }
    }
    for (int i = first; i < sim->app_count; i++) {
        ud_application *a = &sim->apps[i];
        if (a->decision == UD_APP_REJECTED) {
            sim->households[a->household].next_apply_month = (int16_t)(sim->month + 4);
            sim_event(sim, UD_EV_APPLICATION_REJECTED, a->household, (int)a->reason, a->amount);
        }
    }
}

/* ---- repayment culture ---- */

#define CULTURE_MAX 0.5
#define NEXT_LOAN_DISCOUNT 0.03    /* a month: how borrowers discount the promise of a next loan */
#define GROUP_STRAIN_COVERED 0.5f  /* a month in which peers covered every miss */
#define GROUP_STRAIN_DEFAULT 1.5f  /* a month in which they could not */
#define GROUP_COLLAPSE_STRAIN 4.0f /* above it, a month of real default may end the group */
#define COLLAPSED_GROUP_WILL 0.7   /* will lost by members of a collapsed group */
#define GROUP_WILL 0.12            /* will a working group adds when it meets as it should */
/* Months in a row peers pay a member's instalments before they stop and leave the arrears to
 * her: a group's mutual insurance carries a member through a bad spell, not through a long
 * one (Sadoulet 2005, partial insurance within borrowing groups; Grameen II's flexible loan
 * exists because centres would not carry a member in difficulty for long: Dowla and Barua
 * 2006). Two months is a judgement, about eight weekly payments; it is checked against the
 * portfolio quality of group lenders (engine/MODEL.md, "Groups form"). */
#define PEER_COVER_MONTHS 2
/* Officer quality x (0.5 + follow-up) at which a group holds every meeting: a trained officer
 * at the market wage with a year's experience, at the default follow-up (engine/MODEL.md,
 * "Groups meet"). */
#define MEETINGS_FULL 0.65

/* The share of its meetings a group holds: the officer runs them, so they lapse as follow-up
 * is cut or the officer is untrained, overloaded or demotivated. Groups that meet build the
 * social ties that make peers pay for each other (Feigenberg, Field and Pande 2013). */
static double meetings_held(const ud_sim *sim, int officer) {
    double m = officer_quality(sim, officer) * (0.5 + sim->follow_up) / MEETINGS_FULL;
    return m > 1.0 ? 1.0 : m;
}

/* A debt forgiven in view of the neighbours: forgiving a tenth of a hamlet's households
 * costs it 0.05 of repayment will. */
#define MANUAL_WRITE_OFF_CULTURE 0.5
#define RESCHEDULE_CULTURE 0.25 /* a rescheduling without a reason: half a debt forgiven */
#define CULTURE_SPREAD 0.5      /* share of the damage that reaches the other hamlets */
/* Will lost per unit of hardship (the share of the expected month's income that is missing): a
 * flood or drought that takes half the income cut repayment rates by about a tenth in
 * Bangladesh in 1998 (Khandker 2007); the size is a judgement (engine/MODEL.md, "Repayment"). */
#define HARDSHIP_WILL 0.8
/* The handover after an officer leaves (engine/MODEL.md, 3): the months it lasts and how much
 * likelier the client is to miss a payment meanwhile. */
#define HANDOVER_MONTHS 6
#define HANDOVER_MISS_CURRENT 1.22
#define HANDOVER_MISS_LATE 1.18

void lending_damage_culture(ud_sim *sim, int favoured, double amount) {
    for (int k = 0; k < sim->setup.village.hamlets; k++) {
        double *c = &sim->hamlets[k].culture;
        *c += k == favoured || favoured < 0 ? amount : amount * CULTURE_SPREAD;
        *c = *c > CULTURE_MAX ? CULTURE_MAX : *c;
    }
}

/* A month of politics: directed lending in force teaches the favoured hamlet, and its
 * neighbours who watch, that loans are gifts; the damage fades slowly once it stops. */
static void culture_month(ud_sim *sim) {
    for (int k = 0; k < sim->setup.village.hamlets; k++) {
        sim->hamlets[k].culture *= 0.96;
    }
    for (int k = 0; k < sim->setup.village.hamlets; k++) {
        const hamlet_state *ham = &sim->hamlets[k];
        if (ham->directed_until > sim->month) {
            lending_damage_culture(sim, k, 0.015 * ham->directed_strength);
        }
    }
}

/* ---- repayment ---- */

/* The cash a willing household can put to a loan instalment, its own or a group peer's: it
 * cuts spending down to a third of its needs or, when it already lives below its needs, to
 * 60% of the cash in hand (the 40% repayment capacity of MODEL.md, "Over-indebtedness"). In
 * a month of hardship (a shock or a mishap has struck) food comes first: the share of needs
 * it protects grows with the income lost (Morduch 1995, consumption smoothing). */
static ud_money cash_for_loans(const ud_sim *sim, const household *h) {
    ud_money need = household_need(sim, h);
    ud_money keep = need / 3 < h->cash * 3 / 5 ? need / 3 : h->cash * 3 / 5;
    double lost = household_hardship(h);
    if (lost > DISTRESS_HARDSHIP) {
        double share = 1.0 / 3.0 + lost / 2.0;
        keep = (ud_money)((double)need * (share > 1.0 ? 1.0 : share));
    }
    return h->cash - keep;
}

/* The share of repeat clients of a business that the manager served rather than refused
 * lately (1 when none asked). */
static double repeat_access(const ud_sim *sim, int business) {
    double served = sim->repeat_served[business], refused = sim->repeat_refused[business];
    return served + refused > 1.0 ? served / (served + refused) : 1.0;
}

static double repayment_will(const ud_sim *sim, const loan_slot *slot, const household *h,
                             int32_t days_late) {
    double will = h->honesty / 255.0;
    if (h->group != NO_INDEX) {
        will += sim->groups[h->group].collapsed ? -COLLAPSED_GROUP_WILL
                                                : GROUP_WILL * meetings_held(sim, slot->officer);
    }
    /* Hardship (a month's income well below what the household expected: a shock, an
     * illness, a failed harvest) tempts a borrower to put the lender last; an officer who
     * visits, listens and agrees a plan counts most then. Chronic poverty is not hardship in
     * this sense: poor borrowers repay as well as the better-off when loans fit their cash
     * flow (engine/MODEL.md, "Repayment"). */
    double hardship = household_hardship(h);
    will -= HARDSHIP_WILL * hardship;
    double q = officer_quality(sim, slot->officer);
    will += 0.35 * (q * (0.5 + sim->follow_up) - 0.6) * (1.0 + 2.0 * hardship);
    /* The next loan is what a borrower repays for (dynamic incentives): it counts as far as
     * repeat clients of the same trade get theirs; refused, they stop paying for it. */
    double access = repeat_access(sim, h->business);
    if (sim->policy.repeat_step_up > 0) {
        /* the promise of a bigger next loan, worth less the further away it is: poor rural
         * households discount the future at some 30-60% a year (Pender 1996), taken as 3% a
         * month, so a next loan two years off counts half as much as one due now (Bond and
         * Rai 2009: repayment rests on the value of future access) */
        const ud_loan *acct = &slot->account;
        double months_left = (double)(acct->plan.installments - acct->fallen_due) *
                             ud_frequency_days((ud_frequency)acct->plan.frequency) / DAYS_PER_MONTH;
        double nearness = pow(1.0 - NEXT_LOAN_DISCOUNT, months_left > 0 ? months_left : 0);
        will += 0.06 * (1.0 - sim->competitor) * access * nearness;
    }
    will -= CUTOFF_WILL * (1.0 - access);
    will += 0.15 * (sim->reputation - 0.5);
    if (sim->waiver_until > sim->month) {
        will -= sim->waiver_strength;
    } else if (sim->waiver_residual_until > sim->month) {
        will -= 0.3 * sim->waiver_strength; /* some still wait for the next waiver */
    }
    /* Patronage: a loan the patron arranged is seen as a gift, and a hamlet where that is
     * the custom repays worse (Khwaja and Mian 2005; Cole 2009). */
    if (slot->directed) {
        will -= 0.05 + 0.15 * sim->hamlets[h->hamlet].directed_strength;
    }
    will -= sim->hamlets[h->hamlet].culture;
    /* A loan appraised in a rush was sized to the application, not to the household's
     * capacity: the strain shows as the instalments pile up, months after disbursement. */
    int age = (uint8_t)((uint8_t)sim->month - slot->started_month);
    will -= 0.5 * (1.0 - slot->appraisal / 255.0) * (age >= 4 ? 1.0 : age / 4.0);
    if (slot->captured) {
        will -= 0.05; /* she repays from her own small earnings */
    }
    will -= CHARITY_WILL * slot->charity / 255.0;
    /* Over-indebtedness also weighs on the will to pay (Schicks 2013: over-indebted
     * borrowers put the lender last); the capacity rule below decides when it breaks. */
    if (slot->burden > OVERINDEBTED_BURDEN) {
        will -= (slot->burden - OVERINDEBTED_BURDEN) / 100.0;
    }
    /* The habit of not paying sets in after three months; a new schedule does not break it
     * until the borrower has paid under it for a while (loan_days_for_risk keeps the days late
     * a rescheduled loan had until it is cured): restructured loans that were seriously late
     * re-default often (OCC Mortgage Metrics Report, 2009: over half of 2008's modifications
     * were again 60 days late within a year). */
    if (loan_days_for_risk(slot, days_late) > 90) {
        will -= 0.3;
    }
    /* A client whose officer left misses more often until the new officer knows them
     * (Drexler and Schoar 2014: clients in good standing 22% likelier to become delinquent,
     * late ones 18% likelier to default, while their officer is gone). */
    if (slot->handed_over) {
        int since = (uint8_t)((uint8_t)sim->month - slot->handover_month);
        if (since < HANDOVER_MONTHS && will < 1.0) {
            double miss = (1.0 - (will > 0 ? will : 0)) *
                          (days_late > 0 ? HANDOVER_MISS_LATE : HANDOVER_MISS_CURRENT);
            will = 1.0 - (miss < 1.0 ? miss : 1.0);
        }
    }
    return will;
}

/* Why this borrower fell behind: the first cause that applies, in the order of ud_miss_cause.
 * An attribution for the month's summary; it reads the state and draws nothing. */
static ud_miss_cause miss_cause(const ud_sim *sim, const loan_slot *slot, const household *h) {
    if (slot->household != NO_INDEX && shock_income_factor(sim, slot->household, h) < 0.95) {
        return UD_MISS_SHOCK;
    }
    if (h->group != NO_INDEX && sim->groups[h->group].collapsed) {
        return UD_MISS_GROUP_COLLAPSE;
    }
    if (slot->captured) {
        return UD_MISS_CAPTURED;
    }
    if (sim->waiver_until > sim->month) {
        return UD_MISS_WAIVER_RUMOUR;
    }
    if (slot->officer >= 0 && slot->officer < sim->officer_count &&
        sim->officer_load[slot->officer] > staff_capacity(&sim->officers[slot->officer])) {
        return UD_MISS_OVERLOADED_OFFICER;
    }
    if (household_hardship(h) > 0.2) {
        return UD_MISS_HARDSHIP;
    }
    if (slot->charity > 255 / 3) { /* priced below 40% of the going rate */
        return UD_MISS_CHEAP_LOAN;
    }
    return UD_MISS_UNWILLING;
}

static void note_arrears(ud_sim *sim, loan_slot *slot, household *h, int32_t today) {
    int32_t late = ud_loan_days_in_arrears(&slot->account, today);
    if (late > slot->worst_arrears_days) {
        slot->worst_arrears_days = (uint8_t)(late > 255 ? 255 : late);
    }
    if (late > 0 && !h->missed) {
        h->missed = 1;
        ud_miss_cause cause = miss_cause(sim, slot, h);
        /* the reason the summary gives stays the arrears' reason until they are paid up: a
         * rescheduling a month later is still for that hardship */
        h->late_for_hardship = cause == UD_MISS_SHOCK || cause == UD_MISS_HARDSHIP;
        ud_event *e = sim_event(sim, UD_EV_INSTALMENT_MISSED, slot->household, slot->product,
                                ud_loan_amount_due(&slot->account));
        if (e != NULL) {
            e->cause = (int32_t)cause;
        }
    } else if (late == 0) {
        h->missed = 0;
        h->late_for_hardship = 0;
    }
}

static void pay_from_household(ud_sim *sim, loan_slot *slot, household *h, ud_money amount) {
    if (amount <= 0) {
        return;
    }
    ud_payment_split s = ud_loan_pay(&slot->account, &sim->books, amount);
    h->cash -= s.total;
    h->interest_month += s.interest;
}

static void loan_repaid(ud_sim *sim, int index) {
    loan_slot *slot = &sim->loans[index];
    household *h = &sim->households[slot->household];
    h->loans_repaid = (uint8_t)(h->loans_repaid < 255 ? h->loans_repaid + 1 : 255);
    h->last_loan = slot->account.plan.principal;
    h->last_arrears_days = slot->worst_arrears_days;
    if (h->compulsory > 0) {
        /* The savings withheld are the client's: paid back in cash with the loan's end (what
         * the MFI cannot pay today stays as savings the client draws when it can). Where the
         * MFI takes voluntary deposits, the client may bring some back, as any saver would. */
        ud_money back = h->compulsory;
        h->savings += back;
        h->compulsory = 0;
        village_withdraw(sim, h, back);
    }
    if (h->group != NO_INDEX) {
        sim->groups[h->group].active--;
    }
    h->last_group = h->group;
    h->group = NO_INDEX;
    h->loan = NO_INDEX;
    h->missed = 0;
    h->next_apply_month = (int16_t)(sim->month + 1);
    staff_unassign(sim, slot);
    sim_event(sim, UD_EV_LOAN_REPAID, slot->household, slot->product, h->last_loan);
    loan_release(sim, index);
}

static bool in_working_group(const ud_sim *sim, const household *h) {
    return h->group != NO_INDEX && !sim->groups[h->group].collapsed;
}

/* Peers cover members who fell short, with half of what they could put to a loan;
 * every month of covering strains the group, and a strained group can collapse. */
static void cover_shortfalls(ud_sim *sim, int g, ud_money shortfall) {
    group *grp = &sim->groups[g];
    ud_money covered = 0;
    for (int m = 0; m < grp->members; m++) {
        household *debtor = &sim->households[grp->member[m]];
        if (debtor->group != g || debtor->loan == NO_INDEX) {
            continue;
        }
        loan_slot *slot = &sim->loans[debtor->loan];
        ud_money owed =
            slot->account.status == UD_LOAN_ACTIVE ? ud_loan_amount_due(&slot->account) : 0;
        if (owed <= 0 || debtor->peer_covered >= PEER_COVER_MONTHS) {
            continue; /* nothing owed, or carried long enough: her arrears are her own now */
        }
        ud_money owed_before = owed;
        /* Peers share risk as far as the group meets: half of what each could put to a loan
         * when every meeting is held, nothing when none is. */
        double share = 0.5 * meetings_held(sim, slot->officer);
        for (int k = 0; k < grp->members && owed > 0; k++) {
            household *peer = &sim->households[grp->member[k]];
            if (k == m || peer->group != g) {
                continue;
            }
            /* A peer gives her share of what she could put to a loan: the group's pooled
             * contribution, not her whole margin (Besley and Coate 1995). */
            ud_money spare = (ud_money)((double)cash_for_loans(sim, peer) * share);
            if (spare <= 0) {
                continue;
            }
            /* The peer's cash pays the debtor's instalment: money moves peer -> MFI. */
            ud_payment_split s =
                ud_loan_pay(&slot->account, &sim->books, spare < owed ? spare : owed);
            peer->cash -= s.total;
            peer->interest_month += s.interest; /* joint liability's cost falls on the peer */
            owed -= s.total;
            covered += s.total;
        }
        if (owed < owed_before) {
            debtor->peer_covered++;
        }
    }
    if (covered > 0) {
        sim_event(sim, UD_EV_GROUP_COVERED, g, 0, covered);
    }
    /* A miss the group covers is repaid: it strains the group only as it repeats (0.5 a
     * month, while a month without shortfall relieves 0.25); a miss the group cannot cover
     * is a real default and strains it at once. */
    bool defaulted = covered < shortfall;
    grp->strain += defaulted ? GROUP_STRAIN_DEFAULT : GROUP_STRAIN_COVERED;
    if (defaulted && grp->strain > GROUP_COLLAPSE_STRAIN &&
        ud_rng_chance(&sim->rng[STREAM_GROUPS], 0.35)) {
        grp->collapsed = 1;
        sim_event(sim, UD_EV_GROUP_COLLAPSED, g, grp->members, shortfall - covered);
        /* A collapse after real defaults spreads: neighbours' groups ask why they should
         * keep paying. */
        for (int k = 0; k < sim->group_count; k++) {
            group *other = &sim->groups[k];
            if (k != g && other->hamlet == grp->hamlet && !other->collapsed && other->active > 0) {
                other->strain += 0.5f;
            }
        }
        lending_damage_culture(sim, grp->hamlet, 0.005);
    }
}

/* A rescheduled loan current at the month's end has paid the month's instalments on time;
 * one late day starts the count again. */
static void count_cured_instalments(ud_sim *sim, int32_t today) {
    for (int i = 0; i < sim->loan_capacity; i++) {
        loan_slot *slot = &sim->loans[i];
        if (!slot->in_use || !slot->account.rescheduled || slot->account.status != UD_LOAN_ACTIVE) {
            continue;
        }
        if (ud_loan_days_in_arrears(&slot->account, today) > 0) {
            slot->cured = 0;
            continue;
        }
        /* months, not instalments: three weekly payments are three weeks, too short to show
         * that a borrower can carry the new schedule */
        slot->cured = (uint8_t)(slot->cured < 255 ? slot->cured + 1 : 255);
    }
}

/* Repayment capacity (engine/MODEL.md, "Over-indebtedness"): instalments above 40% of income
 * are paid first from the household's buffers, then fail with a chance that grows with the
 * excess and with the months the loan has run: 0 at 40%, 0.25 at 65%, 0.6 at 100% and above,
 * reached after six months. */
static bool over_capacity(const ud_sim *sim, const loan_slot *slot, ud_rng *rng) {
    if (slot->burden <= OVERINDEBTED_BURDEN) {
        return false;
    }
    int age = (uint8_t)((uint8_t)sim->month - slot->started_month);
    double p = (slot->burden - OVERINDEBTED_BURDEN) / 100.0;
    p = p > 0.6 ? 0.6 : p;
    p *= age >= 6 ? 1.0 : age / 6.0;
    return ud_rng_chance(rng, p);
}

static void joint_liability(ud_sim *sim, int32_t today) {
    for (int g = 0; g < sim->group_count; g++) {
        group *grp = &sim->groups[g];
        if (grp->collapsed || grp->active == 0) {
            continue;
        }
        ud_money shortfall = 0;
        for (int m = 0; m < grp->members; m++) {
            const household *h = &sim->households[grp->member[m]];
            if (h->group == g && household_has_active_loan(sim, h)) {
                shortfall += ud_loan_amount_due(&sim->loans[h->loan].account);
            }
        }
        if (shortfall > 0) {
            cover_shortfalls(sim, g, shortfall);
        } else {
            grp->strain = grp->strain > 0.25f ? grp->strain - 0.25f : 0.0f;
        }
        for (int m = 0; m < grp->members; m++) {
            household *h = &sim->households[grp->member[m]];
            if (h->group == g && h->loan != NO_INDEX) {
                note_arrears(sim, &sim->loans[h->loan], h, today);
                if (ud_loan_amount_due(&sim->loans[h->loan].account) == 0) {
                    h->peer_covered = 0; /* she is up to date: the count starts again */
                }
            }
        }
    }
}

void lending_collect(ud_sim *sim) {
    culture_month(sim);
    int32_t today = sim_today(sim);
    ud_rng *rng = &sim->rng[STREAM_REPAYMENT];
    for (int i = 0; i < sim->loan_capacity; i++) {
        loan_slot *slot = &sim->loans[i];
        if (!slot->in_use || slot->account.status != UD_LOAN_ACTIVE) {
            continue;
        }
        ud_loan_fall_due(&slot->account, today);
        if (slot->household == NO_INDEX) {
            continue; /* a ghost loan: nobody pays */
        }
        household *h = &sim->households[slot->household];
        ud_money due = ud_loan_amount_due(&slot->account);
        /* The burden follows income: a drought raises it on loans already out. */
        slot->burden = debt_burden(&slot->account, h);
        if (due > 0) {
            int32_t late = ud_loan_days_in_arrears(&slot->account, today);
            double will = repayment_will(sim, slot, h, late);
            if (over_capacity(sim, slot, rng)) {
                /* Over-indebted this month: the household pays what its income allows (the
                 * threshold share of a month's income) and falls behind on the rest. */
                ud_money can = (ud_money)((double)h->income_smooth * OVERINDEBTED_BURDEN / 100.0);
                can = can < h->cash ? can : h->cash;
                pay_from_household(sim, slot, h, can < due ? can : due);
            } else if (ud_rng_chance(rng, will)) {
                /* An over-indebted borrower has cut spending already, and pays from what is
                 * above needs. */
                ud_money spare = slot->burden > OVERINDEBTED_BURDEN
                                     ? h->cash - household_need(sim, h)
                                     : cash_for_loans(sim, h);
                if (spare < due && will > 0.8 && h->savings > 0) {
                    /* A committed borrower draws on savings to stay current. */
                    ud_money take = due - (spare > 0 ? spare : 0);
                    take = take < h->savings ? take : h->savings;
                    ud_books_transfer(&sim->books, "savings withdrawal to repay",
                                      UD_ACC_CLIENT_SAVINGS, UD_ACC_CASH, take);
                    h->savings -= take;
                    h->cash += take;
                    spare += take;
                }
                pay_from_household(sim, slot, h, spare < due ? spare : due);
            }
        }
        if (!in_working_group(sim, h)) {
            note_arrears(sim, slot, h, today); /* group members: after their peers cover */
        }
    }
    joint_liability(sim, today);
    count_cured_instalments(sim, today);
    for (int i = 0; i < sim->loan_capacity; i++) {
        loan_slot *slot = &sim->loans[i];
        if (slot->in_use && slot->household != NO_INDEX && slot->account.status == UD_LOAN_CLOSED) {
            loan_repaid(sim, i);
        }
    }
}

/* ---- provisioning, write-off, recovery ---- */

/* A defaulter with money to spare sometimes pays part of a written-off loan back, more
 * often when the MFI follows up and has a name for enforcing. */
static void try_recovery(ud_sim *sim, loan_slot *slot, double chance) {
    household *h = &sim->households[slot->household];
    ud_money spare = h->cash - household_need(sim, h);
    if (spare <= 0 || !ud_rng_chance(&sim->rng[STREAM_REPAYMENT], chance)) {
        return;
    }
    ud_money want = slot->account.written_off / 5;
    ud_money booked = ud_loan_recover(&slot->account, &sim->books, spare < want ? spare : want);
    h->cash -= booked;
    if (booked > 0) {
        sim_event(sim, UD_EV_RECOVERY, slot->household, 0, booked);
    }
}

/* The reserve rate for a loan classed at `days` late. A renegotiated loan is at risk even
 * when current (rate of the first bucket); one rescheduled without a hardship to explain it
 * drops a class further until repaid, as supervisors class a restructured loan one notch
 * worse (the Reserve Bank of India's norm: a standard asset restructured becomes
 * sub-standard; the UAE Central Bank's circular 28/2010: upgraded only after 90 days on the
 * new terms). */
static ud_rate provision_rate(const ud_provisioning *p, int32_t days, bool renegotiated,
                              bool notch) {
    int bucket = days <= 0    ? (renegotiated ? 0 : -1)
                 : days <= 30 ? 0
                 : days <= 60 ? 1
                 : days <= 90 ? 2
                              : 3;
    if (notch && bucket < 3) {
        bucket++;
    }
    return bucket < 0 ? 0 : p->rate[bucket];
}

/* A current loan whose instalments take more than the household can carry is a loan whose
 * credit risk has risen: IFRS 9 (5.5.3, B5.5.17) and Indonesia's PSAK 71 ask for its expected
 * loss before it falls behind, so that a loan that cannot be repaid costs the unit when it is
 * made, not after the game. The chance of default is the engine's own: the chance that the
 * household fails a month at that burden (over_capacity: 0 at 40%, 0.6 at 100% and above),
 * and the loss given default that of a loan 90 days late [LOSS_GIVEN_DEFAULT]
 * (engine/MODEL.md, 10). A balloon whose heaviest month takes twice the household's income
 * is provisioned at 45% the month it is made. */
#define LOSS_GIVEN_DEFAULT 0.75
static ud_rate expected_loss_rate(const loan_slot *slot) {
    if (slot->burden <= OVERINDEBTED_BURDEN) {
        return 0;
    }
    double pd = (slot->burden - OVERINDEBTED_BURDEN) / 100.0;
    pd = pd > 0.6 ? 0.6 : pd;
    return (ud_rate)(pd * LOSS_GIVEN_DEFAULT * UD_RATE_SCALE);
}

static void write_off_slot(ud_sim *sim, int index) {
    loan_slot *slot = &sim->loans[index];
    ud_money amount = ud_loan_write_off(&slot->account, &sim->books);
    sim->month_write_offs += amount;
    staff_unassign(sim, slot);
    if (slot->household == NO_INDEX) {
        sim_event(sim, UD_EV_LOAN_WRITTEN_OFF, NO_INDEX, slot->officer, amount);
        loan_release(sim, index);
        return;
    }
    household *h = &sim->households[slot->household];
    /* Compulsory savings are the MFI's first recourse: they offset the loss. */
    ud_money seized = h->compulsory < amount ? h->compulsory : amount;
    if (seized > 0) {
        ud_books_transfer(&sim->books, "compulsory savings set against a written-off loan",
                          UD_ACC_CLIENT_SAVINGS, UD_ACC_RECOVERIES, seized);
        slot->account.recovered += seized;
        h->compulsory -= seized;
    }
    h->defaults = (uint8_t)(h->defaults < 255 ? h->defaults + 1 : 255);
    h->written_off_month = (int16_t)(sim->month + 1);
    h->last_arrears_days = 255;
    if (slot->directed) {
        lending_damage_culture(sim, h->hamlet, 0.01); /* nobody paid, and nothing happened */
    }
    if (h->group != NO_INDEX) {
        sim->groups[h->group].active--;
    }
    h->group = NO_INDEX;
    sim_event(sim, UD_EV_LOAN_WRITTEN_OFF, slot->household, slot->product, amount);
}

void lending_provision_and_write_off(ud_sim *sim) {
    int32_t today = sim_today(sim);
    const ud_provisioning *prov = &sim->setup.mfi.provisioning;
    ud_money required = 0;
    double recovery_chance = 0.06 * (0.3 + sim->follow_up) * (0.5 + sim->reputation);
    for (int i = 0; i < sim->loan_capacity; i++) {
        loan_slot *slot = &sim->loans[i];
        if (!slot->in_use) {
            continue;
        }
        if (slot->account.status == UD_LOAN_WRITTEN_OFF && slot->household != NO_INDEX) {
            try_recovery(sim, slot, recovery_chance);
            continue;
        }
        if (slot->account.status != UD_LOAN_ACTIVE) {
            continue;
        }
        int32_t late = ud_loan_days_in_arrears(&slot->account, today);
        if (loan_days_for_risk(slot, late) > prov->writeoff_days) {
            write_off_slot(sim, i);
            continue;
        }
        bool notch = slot->account.rescheduled && !slot->rescheduled_for_hardship;
        ud_rate rate = provision_rate(prov, loan_days_for_risk(slot, late),
                                      loan_in_par_as_renegotiated(slot), notch);
        if (late <= 0 && slot->household != NO_INDEX) {
            ud_rate expected = expected_loss_rate(slot);
            rate = expected > rate ? expected : rate;
        }
        required += ud_money_apply_rate(slot->account.principal_outstanding, rate);
    }
    ud_money reserve = ud_books_normal_balance(&sim->books, UD_ACC_LOAN_LOSS_RESERVE);
    if (required > reserve) {
        ud_books_transfer(&sim->books, "provision for loans at risk", UD_ACC_PROVISION_EXPENSE,
                          UD_ACC_LOAN_LOSS_RESERVE, required - reserve);
    } else if (required < reserve) {
        ud_books_transfer(&sim->books, "release of provisions no longer needed",
                          UD_ACC_LOAN_LOSS_RESERVE, UD_ACC_PROVISION_EXPENSE, reserve - required);
    }
}

/* Leniency seen by the neighbours of household hh: `weight` of repayment will, shared among
 * the households of its hamlet, learnt by the hamlet (and half as much by the others). */
static void leniency_in_view(ud_sim *sim, int hh, double weight) {
    int hamlet = sim->households[hh].hamlet, neighbours = 0;
    for (int i = 0; i < sim->household_count; i++) {
        neighbours += sim->households[i].hamlet == hamlet; /* a command, not the monthly step */
    }
    lending_damage_culture(sim, hamlet, weight / neighbours);
}

/* The manager writes a loan off before the rule does: the neighbours see a debt forgiven,
 * which teaches them what a waiver teaches (Kanz 2012), a little at a time. */
void lending_write_off_household(ud_sim *sim, int hh) {
    write_off_slot(sim, sim->households[hh].loan);
    leniency_in_view(sim, hh, MANUAL_WRITE_OFF_CULTURE);
}

/* Whether a late borrower has a reason the neighbours accept: a mishap, a month well below
 * what it expected (now, or when its arrears began), or a shock in its hamlet and trade (a disaster
 * area, whether or not it was hit itself: supervisors' disaster rules, such as Bank Indonesia's PBI
 * 8/15/2006, cover the debtors of the area and sector) no more than six months ago. */
static bool late_for_a_reason(const ud_sim *sim, int hh) {
    const household *h = &sim->households[hh];
    if (h->mishap_months > 0 || h->late_for_hardship || household_hardship(h) > DISTRESS_HARDSHIP) {
        return true;
    }
    return household_in_shock_area(sim, hh, 6);
}

int ud_reschedule_cure_months(int days_late) {
    return days_late <= 90
               ? RESCHEDULE_CURE_MONTHS
               : (days_late <= 120 ? 2 * RESCHEDULE_CURE_MONTHS : 3 * RESCHEDULE_CURE_MONTHS);
}

bool ud_sim_household_has_hardship(const ud_sim *sim, int household) {
    return household >= 0 && household < sim->household_count && late_for_a_reason(sim, household);
}

bool lending_reschedule_household(ud_sim *sim, int hh, int installments, int grace, char *err,
                                  size_t err_size) {
    loan_slot *slot = &sim->loans[sim->households[hh].loan];
    ud_loan_terms t = sim->products[slot->product].terms;
    t.installments = installments;
    t.grace = grace;
    int32_t late = ud_loan_days_in_arrears(&slot->account, sim->month * DAYS_PER_MONTH);
    ud_terms_error e = ud_loan_reschedule(&slot->account, &t, sim->month * DAYS_PER_MONTH);
    if (e != UD_TERMS_OK) {
        snprintf(err, err_size, "installments: %s", ud_terms_error_text(e));
        return false;
    }
    slot->cured = 0; /* the count of on-time instalments starts with the new schedule */
    slot->late_when_rescheduled = (uint8_t)(late > 255 ? 255 : (late < 0 ? 0 : late));
    /* Easier terms for a borrower who is late for no reason the village knows teach that
     * paying late pays: half the lesson of a debt forgiven (engine/MODEL.md, 10); and the loan
     * stays in PAR30 until repaid (loan_in_par_as_renegotiated). */
    slot->rescheduled_for_hardship = late_for_a_reason(sim, hh);
    if (!slot->rescheduled_for_hardship) {
        leniency_in_view(sim, hh, RESCHEDULE_CULTURE);
    }
    return true;
}

/* ---- the opening portfolio ---- */

/* One client's loan, disbursed `age` months before month 1 and repaid as it fell due (or, for
 * a client in arrears, short of the last two or three instalments). The household's cash for it
 * comes from outside and goes back outside, so the village's money is conserved. */
static bool open_loan(ud_sim *sim, int hh, int product, int age, bool late, int officer,
                      bool *behind) {
    household *h = &sim->households[hh];
    const ud_product *p = &sim->products[product];
    ud_loan_terms terms = p->terms;
    terms.principal = clamp_money(h->income_smooth * 2, p->min_amount, p->max_amount);
    int index = loan_alloc_for_household(sim, hh);
    loan_slot *slot = &sim->loans[index];
    ud_money cash_before = sim_cash(sim);
    if (ud_loan_disburse(&slot->account, &sim->books, &terms, -age * DAYS_PER_MONTH) !=
        UD_TERMS_OK) {
        loan_release(sim, index);
        return false;
    }
    ud_money received = cash_before - sim_cash(sim);
    h->cash += received;
    h->capital += received * 85 / 100; /* it went into the business long ago */
    sim_pay_outside(sim, h, received);
    int32_t paid_until = late ? -75 : 0; /* two months unpaid */
    ud_loan_fall_due(&slot->account, paid_until);
    ud_money due = ud_loan_amount_due(&slot->account);
    if (due > 0) {
        sim_receive_outside(sim, h, due);
        ud_payment_split s = ud_loan_pay(&slot->account, &sim->books, due);
        h->cash -= s.total;
        /* the interest it has been paying a month: its net income at the start counts it */
        h->interest_smooth = age > 0 ? s.interest / age : 0;
    }
    ud_loan_fall_due(&slot->account, 0);
    slot->product = product;
    slot->appraisal = 255;
    slot->started_month = (uint8_t)(-age);
    /* a young loan had nothing to miss yet: only one with instalments overdue is behind */
    *behind = late && ud_loan_days_in_arrears(&slot->account, 0) > 0;
    slot->worst_arrears_days = (uint8_t)(*behind ? ud_loan_days_in_arrears(&slot->account, 0) : 0);
    if (*behind) {
        /* Arrears have a cause: a client behind when the game opens is in the middle of a
         * mishap (an illness, a theft, a failed business) with one to three months still to
         * run, and has spent its cash on it (a week of needs is left), not a household that
         * pays up the moment it is watched. Its arrears are not news in month 1: it was late
         * already, for its hardship. */
        h->mishap_months = (uint8_t)(1 + ud_rng_below(&sim->rng[STREAM_OPENING], 3));
        ud_money left = household_need(sim, h) / 4;
        if (h->cash > left) {
            sim_pay_outside(sim, h, h->cash - left);
        }
        h->missed = 1;
        h->late_for_hardship = 1;
    }
    h->loan = index;
    h->ever_borrowed = 1;
    /* the loan before this one, repaid on time: as large as this one less the step-up the
     * policy allows (the card showed the current, overdue loan as "the last loan, at most 0
     * days late"); the next repayment sets it to this loan, as for every client */
    double step = sim->policy.repeat_step_up > 0
                      ? (double)sim->policy.repeat_step_up / (double)UD_RATE_SCALE
                      : 0.0;
    h->last_loan = (ud_money)((double)terms.principal / (1.0 + step));
    staff_assign(sim, slot, officer);
    return true;
}

/* A unit that has lent for years has former clients between loans as well as borrowers: as
 * many as the loans that mature in the months a client takes to come back for the next one
 * (a twelfth of a year's loans a month, each client asking with REPEAT_APPLY_CHANCE x the
 * reputation's pull a month). Without them the unit would lose a tenth of its clients in its
 * first months, as loans matured before their owners came back. They repaid on time; their
 * next loan is the unit's repeat loan. */
static void open_former_clients(ud_sim *sim, const ud_opening_portfolio *op, int term_months) {
    const ud_product *p = &sim->products[op->product];
    ud_rng *rng = &sim->rng[STREAM_OPENING];
    double monthly_return = REPEAT_APPLY_CHANCE * reputation_pull(sim);
    int needed = (int)lround((double)op->clients / (term_months > 0 ? term_months : 1) /
                             (monthly_return > 0.05 ? monthly_return : 0.05));
    int left = 0;
    for (int i = 0; i < sim->household_count; i++) {
        left += sim->households[i].loan == NO_INDEX;
    }
    for (int i = 0; i < sim->household_count && needed > 0; i++) {
        household *h = &sim->households[i];
        if (h->loan != NO_INDEX) {
            continue;
        }
        if (ud_rng_below(rng, (uint32_t)left--) >= (uint32_t)needed) {
            continue;
        }
        needed--;
        h->loans_repaid = (uint8_t)(op->repaid_loans + 1);
        h->last_loan = clamp_money(h->income_smooth * 2, p->min_amount, p->max_amount);
        h->last_arrears_days = 0;
        h->ever_borrowed = 1;
    }
}

/* The opening groups were filled in turn to the product's largest size, which can leave a
 * hamlet's last group with a member or two (a "group of 1"): each hamlet's opening members are
 * shared evenly among its groups, as a unit that formed them would have. A hamlet with fewer
 * opening members than a group's smallest size keeps its one small group. */
static void balance_opening_groups(ud_sim *sim, int first_group) {
    for (int k = 0; k < sim->setup.village.hamlets; k++) {
        int groups = 0, n = 0;
        for (int g = first_group; g < sim->group_count; g++) {
            groups += sim->groups[g].hamlet == k;
        }
        if (groups < 2) {
            continue;
        }
        int32_t *members = malloc((size_t)groups * GROUP_MAX_MEMBERS * sizeof *members);
        if (members == NULL) {
            continue; /* the groups stay as filled: uneven, not wrong */
        }
        for (int g = first_group; g < sim->group_count; g++) {
            group *grp = &sim->groups[g];
            for (int m = 0; grp->hamlet == k && m < grp->members; m++) {
                members[n++] = grp->member[m];
            }
        }
        int next = 0, j = 0;
        for (int g = first_group; g < sim->group_count; g++) {
            group *grp = &sim->groups[g];
            if (grp->hamlet != k) {
                continue;
            }
            int size = n / groups + (j++ < n % groups);
            grp->members = size;
            grp->active = size; /* every opening member has her loan */
            for (int m = 0; m < size; m++) {
                grp->member[m] = members[next];
                sim->households[members[next++]].group = g;
            }
        }
        free(members);
    }
}

bool lending_open_portfolio(ud_sim *sim, char *err, size_t err_size) {
    const ud_opening_portfolio *op = &sim->setup.mfi.opening;
    if (op->clients <= 0) {
        return true;
    }
    const ud_product *p = &sim->products[op->product];
    ud_rng *rng = &sim->rng[STREAM_OPENING];
    int max_age = op->months_old;
    int term_months =
        (int)(p->terms.installments * ud_frequency_days(p->terms.frequency) / DAYS_PER_MONTH);
    if (max_age >= term_months) {
        max_age = term_months > 1 ? term_months - 1 : 0;
    }
    int open_group[UD_MAX_HAMLETS];
    for (int k = 0; k < UD_MAX_HAMLETS; k++) {
        open_group[k] = NO_INDEX;
    }
    int first_group = sim->group_count;
    /* Selection sampling: each household is taken with the chance that leaves exactly
     * `clients` taken, in household order (deterministic for a seed). */
    int needed = op->clients, left = sim->household_count;
    for (int i = 0; i < sim->household_count && needed > 0; i++, left--) {
        if (ud_rng_below(rng, (uint32_t)left) >= (uint32_t)needed) {
            continue;
        }
        needed--;
        household *h = &sim->households[i];
        int age = (int)ud_rng_below(rng, (uint32_t)max_age + 1);
        bool late = ud_rng_chance(rng, op->in_arrears);
        ud_money want = clamp_money(h->income_smooth * 2, p->min_amount, p->max_amount);
        if (want > lending_capacity(sim)) {
            snprintf(err, err_size,
                     "mfi.opening.clients: the MFI's cash cannot fund %d opening loans of "
                     "about %lld each; raise mfi.cash or declare fewer clients",
                     op->clients, (long long)want);
            return false;
        }
        int officer = staff_pick_officer(sim);
        if (p->group_liability) {
            int g = open_group[h->hamlet];
            if (g == NO_INDEX || sim->groups[g].members >= p->group_max) {
                g = new_group(sim, h->hamlet);
                open_group[h->hamlet] = g;
            }
            if (g != NO_INDEX) {
                h->group = g;
                sim->groups[g].member[sim->groups[g].members++] = i;
                sim->groups[g].active++;
            }
        }
        bool behind = false;
        if (!open_loan(sim, i, op->product, age, late, officer, &behind)) {
            snprintf(err, err_size,
                     "mfi.opening: the product's terms cannot make an opening loan, or the "
                     "opening loans and their interest would pass the books' limit of %lld "
                     "minor units in one account (fewer clients, smaller loans or a lower rate)",
                     (long long)UD_BOOKS_MAX_BALANCE);
            return false;
        }
        h->loans_repaid = (uint8_t)op->repaid_loans;
        if (op->savings_per_client > 0 && !behind) { /* a client behind has drawn them */
            sim_receive_outside(sim, h, op->savings_per_client);
            ud_books_transfer(&sim->books, "opening: client savings", UD_ACC_CASH,
                              UD_ACC_CLIENT_SAVINGS, op->savings_per_client);
            h->cash -= op->savings_per_client;
            if (sim->setup.mfi.institution == UD_INST_NGO) {
                h->compulsory += op->savings_per_client; /* an NGO holds only compulsory */
            } else {
                h->savings += op->savings_per_client;
            }
        }
    }
    balance_opening_groups(sim, first_group);
    open_former_clients(sim, op, term_months);
    return true;
}
