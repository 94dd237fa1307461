/* Player commands: validation (check everything first, then act) and application. */
#include "sim_internal.h"

#include <math.h>
#include <string.h>

static const char *const command_names[UD_CMD_TYPE_COUNT] = {
    [UD_CMD_SET_PRODUCT] = "set_product",
    [UD_CMD_OPEN_PRODUCT] = "open_product",
    [UD_CMD_CLOSE_PRODUCT] = "close_product",
    [UD_CMD_SET_POLICY] = "set_policy",
    [UD_CMD_APPROVE] = "approve",
    [UD_CMD_RESIZE] = "resize",
    [UD_CMD_REJECT] = "reject",
    [UD_CMD_HIRE] = "hire",
    [UD_CMD_FIRE] = "fire",
    [UD_CMD_TRAIN] = "train",
    [UD_CMD_AUDIT] = "audit",
    [UD_CMD_ACCEPT_OFFER] = "accept_offer",
    [UD_CMD_DECLINE_OFFER] = "decline_offer",
    [UD_CMD_BORROW] = "borrow",
    [UD_CMD_REPAY] = "repay",
    [UD_CMD_SET_SAVINGS_RATE] = "set_savings_rate",
    [UD_CMD_SET_FOLLOW_UP] = "set_follow_up",
    [UD_CMD_RESCHEDULE] = "reschedule",
    [UD_CMD_WRITE_OFF] = "write_off",
    [UD_CMD_SET_SALARY] = "set_salary",
};

const char *ud_command_name(ud_command_type type) {
    return (unsigned)type < UD_CMD_TYPE_COUNT ? command_names[type] : "?";
}

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        snprintf(err, err_size, __VA_ARGS__);                                                      \
        return false;                                                                              \
    } while (0)

bool ud_product_validate(const ud_product *p, ud_rate rate_cap, char *err, size_t err_size) {
    ud_loan_terms t = p->terms;
    t.principal = p->max_amount > 0 ? p->max_amount : 1;
    ud_terms_error e = ud_terms_validate(&t);
    if (e != UD_TERMS_OK && e != UD_TERMS_PRINCIPAL) {
        FAIL("terms: %s", ud_terms_error_text(e));
    }
    /* A village unit's loans finance a business's working capital and tools: Indonesia's
     * people's business credit (KUR Mikro) lends working capital for at most three years, as
     * BRI's Kupedes does; longer terms are housing or investment finance, not this game's. */
    double months = (double)t.installments * ud_frequency_days(t.frequency) / DAYS_PER_MONTH;
    if (months > UD_MAX_TERM_MONTHS + 0.5) {
        FAIL("installments: %d %s instalments run %.0f months; a village unit's loans run at most "
             "%d months",
             t.installments, ud_frequency_name(t.frequency), months, UD_MAX_TERM_MONTHS);
    }
    if (p->min_amount <= 0 || p->max_amount < p->min_amount ||
        p->max_amount > INT64_C(1000000000000000)) {
        FAIL("max_amount: the size limits must satisfy 0 < min_amount <= max_amount");
    }
    if (p->group_liability &&
        (p->group_min < 3 || p->group_max > GROUP_MAX_MEMBERS || p->group_min > p->group_max)) {
        FAIL("group_size: groups must have 3 to %d members, min <= max (got %d..%d)",
             GROUP_MAX_MEMBERS, p->group_min, p->group_max);
    }
    if (p->compulsory_savings < 0 || p->compulsory_savings > UD_RATE_PERCENT(50)) {
        FAIL("compulsory_savings: must be 0%% to 50%% of the loan");
    }
    if (rate_cap > 0) {
        /* Regulators cap the effective rate, fees included, not the quoted one. */
        double apr = ud_product_apr(p);
        if (apr > ud_rate_to_percent(rate_cap) + 0.005) {
            FAIL("annual_rate: the APR with fees is %.2f%%, above the %.2f%% cap of the "
                 "government credit line (fees count towards the cap)",
                 apr, ud_rate_to_percent(rate_cap));
        }
    }
    if (ud_product_apr(p) > 1000.0) {
        FAIL("fee: the APR with fees would be above 1000%%");
    }
    return true;
}

ud_terms_error ud_product_cost(const ud_product *p, ud_money principal, double *apr_percent,
                               double *eir_percent) {
    ud_loan_terms t = p->terms;
    t.principal = principal;
    /* the compulsory savings withheld count in the price, as the transparency standard counts
     * them (MFTransparency's APR includes security deposits) */
    ud_money deposit = ud_money_apply_rate(principal, p->compulsory_savings);
    return ud_schedule_cost_with_deposit(&t, deposit, apr_percent, eir_percent);
}

/* The highest APR a client of the product can pay (a flat fee weighs most on the smallest
 * loan, a percentage fee the same on all sizes), with `withheld` of each loan kept back as
 * savings (0 for the instalments' price alone). */
static double worst_apr(const ud_product *p, ud_rate withheld) {
    double worst = 0;
    ud_money sizes[2] = {p->min_amount, p->max_amount};
    for (int i = 0; i < 2; i++) {
        ud_loan_terms t = p->terms;
        t.principal = sizes[i] > 0 ? sizes[i] : 1000000;
        double apr = NAN, eir = NAN;
        ud_money deposit = ud_money_apply_rate(t.principal, withheld);
        if (ud_schedule_cost_with_deposit(&t, deposit, &apr, &eir) != UD_TERMS_OK || isnan(apr)) {
            return INFINITY;
        }
        worst = apr > worst ? apr : worst;
    }
    return worst;
}

double ud_product_apr(const ud_product *p) {
    /* fees only: a credit line's cap reads the instalments' price, as the rate-cap rules
     * that define an effective rate do; the products panel shows the price with the savings
     * too (ud_product_cost), and demand reads what is withheld beyond custom
     * (ud_product_demand_apr) */
    return worst_apr(p, 0);
}

double ud_product_demand_apr(const ud_product *p) {
    /* Savings withheld up to what the field customarily asks come back with the loan's end
     * and households value them as a savings commitment (Ashraf, Karlan and Yin 2006) about
     * as much as they mind them; what is kept back beyond that is money the client pays
     * interest on and cannot use, and it enters the price as MFTransparency's APR counts a
     * security deposit (engine/MODEL.md, 2). */
    ud_rate beyond = p->compulsory_savings - UD_RATE_PERCENT(CUSTOMARY_SAVINGS_PERCENT);
    return worst_apr(p, beyond > 0 ? beyond : 0);
}

double sim_product_apr(ud_sim *sim, int p) {
    const ud_product *prod = &sim->products[p];
    apr_memo *m = &sim->apr_memo[p];
    /* the schedule behind an APR is long (a weekly loan has 50 instalments): computed again
     * only when the product's terms, limits or savings withheld change */
    if (!m->valid || memcmp(&m->terms, &prod->terms, sizeof m->terms) != 0 ||
        m->min_amount != prod->min_amount || m->max_amount != prod->max_amount ||
        m->compulsory != prod->compulsory_savings) {
        m->terms = prod->terms;
        m->min_amount = prod->min_amount;
        m->max_amount = prod->max_amount;
        m->apr = ud_product_apr(prod);
        m->compulsory = prod->compulsory_savings;
        m->demand_apr = ud_product_demand_apr(prod);
        m->valid = true;
    }
    return m->apr;
}

double sim_product_demand_apr(ud_sim *sim, int p) {
    sim_product_apr(sim, p); /* brings the memo up to date */
    return sim->apr_memo[p].demand_apr;
}

/* The largest amount of money any command field may carry (minor units), and the largest
 * monthly salary: far above any real MFI, far below where sums of them could overflow. */
#define MAX_COMMAND_MONEY INT64_C(1000000000000000)
#define MAX_SALARY INT64_C(1000000000000)

static bool policy_validate(const ud_credit_policy *p, char *err, size_t err_size) {
    if (p->first_loan_cap < 0 || p->first_loan_cap > MAX_COMMAND_MONEY) {
        FAIL("first_loan_cap: must be 0 to 10^15 minor units");
    }
    if (p->repeat_step_up < 0 || p->repeat_step_up > UD_RATE_PERCENT(200)) {
        FAIL("repeat_step_up: must be 0%% to 200%%");
    }
    if (p->loan_to_income_cap < 0 || p->loan_to_income_cap > UD_RATE_PERCENT(500)) {
        FAIL("loan_to_income_cap: must be 0%% (none) to 500%% of yearly income");
    }
    if (p->max_past_arrears_days < 0 || p->max_past_arrears_days > 365) {
        FAIL("max_past_arrears_days: must be 0 to 365");
    }
    return true;
}

static ud_application *find_application(ud_sim *sim, int id) {
    for (int i = 0; i < sim->app_count; i++) {
        if (sim->apps[i].id == id) {
            return &sim->apps[i];
        }
    }
    return NULL;
}

static bool employed_officer(const ud_sim *sim, int index) {
    return index >= 0 && index < sim->officer_count && sim->officers[index].employed;
}

static bool household_with_loan(const ud_sim *sim, int index, char *err, size_t err_size) {
    if (index < 0 || index >= sim->household_count) {
        FAIL("index: no household %lld (1..%d)", (long long)index + 1, sim->household_count);
    }
    const household *h = &sim->households[index];
    if (h->loan == NO_INDEX || sim->loans[h->loan].account.status != UD_LOAN_ACTIVE) {
        FAIL("index: household %lld has no active loan", (long long)index + 1);
    }
    return true;
}

/* Recruiting an officer who is already trained costs what the training would have cost. */
static ud_money hire_cost(const ud_sim *sim, int level) {
    return sim->setup.mfi.costs.hire_cost + level * sim->setup.mfi.costs.training_cost;
}

/* Every number a command carries, bounded before anything else looks at it, whatever the
 * state of the simulation: commands also come from saved games, which anyone can edit and
 * re-seal, so this is the one place that must hold. A new command or field adds its bounds
 * here. */
static bool command_bounds(const ud_command *c, char *err, size_t err_size) {
    if ((unsigned)c->type >= UD_CMD_TYPE_COUNT) {
        FAIL("type: unknown command %d", (int)c->type);
    }
    switch (c->type) {
    case UD_CMD_SET_PRODUCT: {
        const ud_product *p = &c->product;
        if (p->terms.fee_flat < 0 || p->terms.fee_flat > MAX_COMMAND_MONEY) {
            FAIL("fee_flat: must be 0 to 10^15 minor units");
        }
        if (p->terms.fee_rate < 0 || p->terms.fee_rate > UD_RATE_PERCENT(100)) {
            FAIL("fee_rate: must be 0%% to 100%%");
        }
        if (p->group_liability &&
            (p->group_min > GROUP_MAX_MEMBERS || p->group_max > GROUP_MAX_MEMBERS)) {
            FAIL("group_size: groups have at most %d members", GROUP_MAX_MEMBERS);
        }
        return true; /* the terms and limits: ud_product_validate, once the index is known */
    }
    case UD_CMD_SET_POLICY:
        return policy_validate(&c->policy, err, err_size);
    case UD_CMD_HIRE:
        if (c->count < 1 || c->count > 20) {
            FAIL("count: hire 1 to 20 officers at a time (got %d)", c->count);
        }
        if (c->amount <= 0 || c->amount > MAX_SALARY) {
            FAIL("amount: the monthly salary must be positive and at most 10^12 minor units");
        }
        if (c->level < 0 || c->level > 3) {
            FAIL("level: training level must be 0 to 3 (got %d)", c->level);
        }
        return true;
    case UD_CMD_SET_SALARY:
        if (c->amount <= 0 || c->amount > 1000000000000LL) {
            FAIL("amount: the monthly salary must be positive and at most 10^12 minor units");
        }
        return true;
    case UD_CMD_TRAIN:
        if (c->index < -1) {
            FAIL("index: no officer %lld", (long long)c->index + 1);
        }
        return true;
    case UD_CMD_BORROW:
        if (c->amount <= 0 || c->amount > MAX_COMMAND_MONEY) {
            FAIL("amount: must be positive and at most 10^15 minor units");
        }
        if (c->count < 1 || c->count > 240) {
            FAIL("count: the term must be 1 to 240 months (got %d)", c->count);
        }
        return true;
    case UD_CMD_SET_SAVINGS_RATE:
        if (c->rate < 0 || c->rate > UD_RATE_PERCENT(100)) {
            FAIL("rate: the savings rate must be 0%% to 100%%");
        }
        return true;
    case UD_CMD_SET_FOLLOW_UP:
        if (!(c->share >= 0.0 && c->share <= 1.0)) {
            FAIL("share: follow-up intensity must be between 0 and 1 (got %g)", c->share);
        }
        return true;
    case UD_CMD_RESCHEDULE:
        if (c->count < 1 || c->count > UD_MAX_INSTALLMENTS) {
            FAIL("count: the new schedule needs 1 to %d instalments", UD_MAX_INSTALLMENTS);
        }
        /* level: the grace period, interest-only instalments at the start of the new
         * schedule (to the next harvest, through an illness) */
        if (c->level < 0 || c->level >= c->count) {
            FAIL("level: the grace period (reschedule's third argument) must be 0 to %d "
                 "instalments, fewer than the %d of the new schedule (got %d)",
                 c->count - 1, c->count, c->level);
        }
        return true;
    default:
        /* the others carry an index, and resize and repay an amount, that only the state can
         * bound (the application's product, what is owed): validate() does */
        return true;
    }
}

static bool validate(ud_sim *sim, const ud_command *c, char *err, size_t err_size) {
    if (!command_bounds(c, err, err_size)) {
        return false;
    }
    ud_money cash = sim_cash(sim);
    const ud_costs *costs = &sim->setup.mfi.costs;
    switch (c->type) {
    case UD_CMD_SET_PRODUCT:
        if (c->index < 0 || c->index >= sim->product_count) {
            FAIL("index: no product %lld (1..%d)", (long long)c->index + 1, sim->product_count);
        }
        return ud_product_validate(&c->product, funding_rate_cap(sim), err, err_size);
    case UD_CMD_OPEN_PRODUCT:
    case UD_CMD_CLOSE_PRODUCT:
        if (c->index < 0 || c->index >= sim->product_count) {
            FAIL("index: no product %lld (1..%d)", (long long)c->index + 1, sim->product_count);
        }
        return true;
    case UD_CMD_SET_POLICY:
        return policy_validate(&c->policy, err, err_size);
    case UD_CMD_APPROVE:
    case UD_CMD_REJECT:
    case UD_CMD_RESIZE: {
        ud_application *a = find_application(sim, c->index);
        if (a == NULL) {
            FAIL("index: no application %d this month", c->index);
        }
        if (c->type != UD_CMD_REJECT && sim->products[a->product].group_liability && a->group < 0) {
            FAIL("index: application %d has no group to join, and its product lends only to "
                 "groups",
                 c->index);
        }
        if (c->type == UD_CMD_RESIZE) {
            const ud_product *p = &sim->products[a->product];
            if (c->amount < p->min_amount || c->amount > p->max_amount) {
                FAIL("amount: must be within the product's limits %lld..%lld",
                     (long long)p->min_amount, (long long)p->max_amount);
            }
        }
        return true;
    }
    case UD_CMD_HIRE:
        if (c->count < 1 || c->count > 20) {
            FAIL("count: hire 1 to 20 officers at a time (got %d)", c->count);
        }
        if (staff_employed(sim) + c->count > UD_MAX_OFFICERS ||
            sim->officer_count + c->count > UD_MAX_OFFICERS) {
            FAIL("count: at most %d officers in all", UD_MAX_OFFICERS);
        }
        if (c->level < 0 || c->level > 3) {
            FAIL("level: training level must be 0 to 3 (got %d)", c->level);
        }
        if (c->amount < sim->setup.village.minimum_wage) {
            FAIL("amount: a salary of %lld a month is below the legal minimum wage of %lld",
                 (long long)c->amount, (long long)sim->setup.village.minimum_wage);
        }
        if (c->amount < staff_market_wage(sim, c->level) / 2) {
            FAIL("amount: no officer of training level %d takes a job at %lld a month; the "
                 "market wage for that level is %lld",
                 c->level, (long long)c->amount, (long long)staff_market_wage(sim, c->level));
        }
        if (c->amount > 20 * staff_market_wage(sim, c->level)) {
            FAIL("amount: %lld a month is more than 20 times the market wage (%lld)",
                 (long long)c->amount, (long long)staff_market_wage(sim, c->level));
        }
        if (hire_cost(sim, c->level) * c->count > cash) {
            FAIL("count: hiring costs more than the cash in hand");
        }
        return true;
    case UD_CMD_FIRE:
        if (!employed_officer(sim, c->index)) {
            FAIL("index: no employed officer %lld", (long long)c->index + 1);
        }
        ud_money severance = staff_severance(sim, &sim->officers[c->index]);
        if (severance > cash) {
            FAIL("index: the severance pay (%lld) is more than the cash in hand",
                 (long long)severance);
        }
        return true;
    case UD_CMD_SET_SALARY:
        if (!employed_officer(sim, c->index)) {
            FAIL("index: no employed officer %lld", (long long)c->index + 1);
        }
        if (c->amount < sim->setup.village.minimum_wage) {
            FAIL("amount: a salary of %lld a month is below the legal minimum wage of %lld",
                 (long long)c->amount, (long long)sim->setup.village.minimum_wage);
        }
        if (c->amount > 20 * staff_market_wage(sim, sim->officers[c->index].training)) {
            FAIL("amount: %lld a month is more than 20 times the market wage (%lld)",
                 (long long)c->amount,
                 (long long)staff_market_wage(sim, sim->officers[c->index].training));
        }
        return true;
    case UD_CMD_TRAIN: {
        if (c->index != -1 && !employed_officer(sim, c->index)) {
            FAIL("index: no employed officer %lld", (long long)c->index + 1);
        }
        if (c->index != -1 && sim->officers[c->index].training >= 3) {
            FAIL("index: officer %lld is already an expert: no course raises the level further",
                 (long long)c->index + 1);
        }
        if (c->index != -1 && sim->officers[c->index].course_month == sim->month) {
            FAIL("index: officer %lld already had a course this month (one a month)",
                 (long long)c->index + 1);
        }
        int learners = c->index == -1 ? staff_can_take_a_course(sim) : 1;
        if (learners == 0) {
            FAIL("index: no officer can take a course this month: each had one this month or "
                 "is already an expert");
        }
        if (costs->training_cost * learners > cash) {
            FAIL("index: training costs more than the cash in hand");
        }
        return true;
    }
    case UD_CMD_AUDIT:
        if (costs->audit_cost > cash) {
            FAIL("audit: an audit costs more than the cash in hand");
        }
        return true;
    case UD_CMD_ACCEPT_OFFER:
    case UD_CMD_DECLINE_OFFER:
        if (c->index < 0 || c->index >= sim->offer_count) {
            FAIL("index: no offer %lld", (long long)c->index + 1);
        }
        if (sim->offers[c->index].answered) {
            FAIL("index: offer %d has already been answered", c->index + 1);
        }
        if (sim->offers[c->index].expires_month < sim->month) {
            FAIL("index: offer %d expired in month %d", c->index + 1,
                 sim->offers[c->index].expires_month);
        }
        return true;
    case UD_CMD_BORROW:
        if (c->amount <= 0 || c->amount > INT64_C(1000000000000000)) {
            FAIL("amount: must be positive and at most 10^15 minor units");
        }
        if (c->count < 1 || c->count > 240) {
            FAIL("count: the term must be 1 to 240 months (got %d)", c->count);
        }
        if (sim->borrowing_count >= UD_MAX_BORROWINGS) {
            FAIL("amount: the MFI already has %d borrowings", UD_MAX_BORROWINGS);
        }
        return true;
    case UD_CMD_REPAY:
        if (c->index < 0 || c->index >= sim->borrowing_count || !sim->borrowings[c->index].active) {
            FAIL("index: no active borrowing %lld", (long long)c->index + 1);
        }
        if (c->amount <= 0 || c->amount > sim->borrowings[c->index].outstanding) {
            FAIL("amount: must be positive and at most what is owed (%lld)",
                 (long long)sim->borrowings[c->index].outstanding);
        }
        if (c->amount > cash) {
            FAIL("amount: more than the cash in hand (%lld)", (long long)cash);
        }
        return true;
    case UD_CMD_SET_SAVINGS_RATE:
        /* an NGO may not take voluntary deposits: a rate for them would be a decision that
         * does nothing, and the log would say it was taken */
        if (sim->setup.mfi.institution == UD_INST_NGO) {
            FAIL("rate: an NGO takes no voluntary savings, so it has no savings rate to set "
                 "(mfi{ institution = \"cooperative\" } or \"village_bank\" may take deposits)");
        }
        return true;
    case UD_CMD_SET_FOLLOW_UP:
        return true; /* its bounds are all in command_bounds */
    case UD_CMD_RESCHEDULE:
        if (!household_with_loan(sim, c->index, err, err_size)) {
            return false;
        }
        /* One rescheduling a loan: rescheduling the same loan again and again keeps arrears
         * out of sight while the debt grows (evergreening); MFIs and their supervisors allow
         * one restructuring and then treat the loan as impaired (engine/MODEL.md, 10). */
        if (sim->loans[sim->households[c->index].loan].account.rescheduled) {
            FAIL("index: household %d's loan has been rescheduled once already; rescheduling it "
                 "again would only hide its arrears: follow it up, or write it off",
                 c->index + 1);
        }
        /* A new schedule runs at most as long as the loan's original term: long enough to
         * reach the next harvest or to let a sick borrower recover, too short to turn a loan
         * into one that never has to be repaid (engine/MODEL.md, 10). */
        {
            const loan_slot *slot = &sim->loans[sim->households[c->index].loan];
            const ud_schedule_plan *plan = &slot->account.plan;
            int freq = ud_frequency_days(sim->products[slot->product].terms.frequency);
            int term = plan->installments * ud_frequency_days((ud_frequency)plan->frequency);
            int most = freq > 0 && term / freq > 1 ? term / freq : 1;
            if (c->count > most) {
                FAIL(
                    "count: household %d's loan can be rescheduled over at most its original term, "
                    "%d instalments (asked for %d)",
                    c->index + 1, most, c->count);
            }
        }
        return true;
    case UD_CMD_WRITE_OFF:
        return household_with_loan(sim, c->index, err, err_size);
    case UD_CMD_TYPE_COUNT:
        break;
    }
    FAIL("type: unknown command %d", (int)c->type);
}

static void hire(ud_sim *sim, const ud_command *c) {
    for (int k = 0; k < c->count; k++) {
        ud_officer *o = &sim->officers[sim->officer_count];
        memset(o, 0, sizeof *o);
        o->employed = true;
        o->training = (uint8_t)c->level;
        o->salary = c->amount;
        o->hired_month = sim->month;
        o->course_month = c->level > 0 ? sim->month : -1; /* the course came with the hire */
        o->honest = staff_draw_honest(sim, c->amount, c->level);
        sim->officer_load[sim->officer_count] = 0;
        sim_event(sim, UD_EV_OFFICER_HIRED, sim->officer_count, 0, c->amount);
        sim->officer_count++;
        sim_pay_cost(sim, "recruiting a loan officer", UD_COST_HIRING, hire_cost(sim, c->level));
    }
}

/* One course: the officer's level rises by one. Only for an officer below expert who has not
 * had this month's course (checked: the whole staff's course skips the others, unpaid). */
static void train(ud_sim *sim, int index) {
    ud_officer *o = &sim->officers[index];
    if (!staff_can_take_a_course_now(sim, o)) {
        return;
    }
    o->training++;
    o->course_month = sim->month;
    sim_pay_cost(sim, "training a loan officer", UD_COST_TRAINING,
                 sim->setup.mfi.costs.training_cost);
    sim_event(sim, UD_EV_OFFICER_TRAINED, index, o->training, sim->setup.mfi.costs.training_cost);
}

static bool apply(ud_sim *sim, const ud_command *c, char *err, size_t err_size) {
    switch (c->type) {
    case UD_CMD_SET_PRODUCT: {
        ud_product *p = &sim->products[c->index];
        char name[UD_NAME_LEN];
        memcpy(name, p->name, sizeof name);
        bool women = p->women;
        *p = c->product;
        memcpy(p->name, name, sizeof name); /* a product keeps its name */
        p->women = women;                   /* and whom it is for */
        break;
    }
    case UD_CMD_OPEN_PRODUCT:
        sim->products[c->index].open = true;
        break;
    case UD_CMD_CLOSE_PRODUCT:
        sim->products[c->index].open = false;
        break;
    case UD_CMD_SET_POLICY:
        sim->policy = c->policy;
        break;
    case UD_CMD_APPROVE:
    case UD_CMD_REJECT:
    case UD_CMD_RESIZE: {
        ud_application *a = find_application(sim, c->index);
        if (c->type == UD_CMD_REJECT) {
            a->decision = UD_APP_REJECTED;
            a->reason = UD_REJECT_BY_COMMAND;
        } else {
            a->decision = UD_APP_APPROVED;
            a->reason = UD_REJECT_NONE;
            if (c->type == UD_CMD_RESIZE) {
                a->amount = c->amount;
            }
        }
        break;
    }
    case UD_CMD_HIRE:
        hire(sim, c);
        break;
    case UD_CMD_SET_SALARY:
        /* a raise keeps a trained officer from the better-paid job (engine/MODEL.md, 3) */
        sim->officers[c->index].salary = c->amount;
        break;
    case UD_CMD_FIRE:
        sim_pay_cost(sim, "severance pay for a dismissed officer", UD_COST_SALARIES,
                     staff_severance(sim, &sim->officers[c->index]));
        sim->officers[c->index].employed = false;
        sim->month_departures++;
        sim_event(sim, UD_EV_OFFICER_FIRED, c->index, 0, 0);
        staff_reassign(sim, c->index);
        break;
    case UD_CMD_TRAIN:
        for (int i = 0; i < sim->officer_count; i++) {
            if ((c->index == -1 && sim->officers[i].employed) || i == c->index) {
                train(sim, i);
            }
        }
        break;
    case UD_CMD_AUDIT:
        sim->audit_ordered = true;
        sim_pay_cost(sim, "internal audit", UD_COST_AUDIT, sim->setup.mfi.costs.audit_cost);
        break;
    case UD_CMD_ACCEPT_OFFER:
        if (!funding_accept_offer(sim, c->index, err, err_size)) {
            return false;
        }
        sim->offers[c->index].answered = true;
        sim->offers[c->index].accepted = true;
        sim_event(sim, UD_EV_OFFER_ACCEPTED, c->index, (int)sim->offers[c->index].kind,
                  sim->offers[c->index].amount);
        break;
    case UD_CMD_DECLINE_OFFER:
        sim->offers[c->index].answered = true;
        sim_event(sim, UD_EV_OFFER_DECLINED, c->index, (int)sim->offers[c->index].kind, 0);
        break;
    case UD_CMD_BORROW: {
        ud_borrowing *b = &sim->borrowings[sim->borrowing_count++];
        memset(b, 0, sizeof *b);
        b->lender = UD_LENDER_COMMERCIAL;
        b->outstanding = c->amount;
        b->annual_rate = sim->setup.mfi.market_rate;
        b->maturity_month = sim->month + 1 + c->count;
        b->active = true;
        sim_mfi_receives(sim, "commercial loan drawn", UD_ACC_BORROWINGS, c->amount);
        break;
    }
    case UD_CMD_REPAY: {
        ud_borrowing *b = &sim->borrowings[c->index];
        sim_mfi_pays(sim, "borrowing repaid early", UD_ACC_BORROWINGS, c->amount);
        b->outstanding -= c->amount;
        if (b->outstanding == 0) {
            b->active = false;
            sim_event(sim, UD_EV_BORROWING_REPAID, c->index, 0, c->amount);
        }
        break;
    }
    case UD_CMD_SET_SAVINGS_RATE:
        sim->savings_rate = c->rate;
        break;
    case UD_CMD_SET_FOLLOW_UP:
        sim->follow_up = c->share;
        break;
    case UD_CMD_RESCHEDULE:
        return lending_reschedule_household(sim, c->index, c->count, c->level, err, err_size);
    case UD_CMD_WRITE_OFF:
        lending_write_off_household(sim, c->index);
        break;
    case UD_CMD_TYPE_COUNT:
        return false;
    }
    return true;
}

bool ud_sim_apply(ud_sim *sim, const ud_command *cmd, char *err, size_t err_size) {
    if (sim->insolvent) {
        FAIL("the MFI is insolvent: the game is over");
    }
    if (!validate(sim, cmd, err, err_size)) {
        return false;
    }
    if (!sim_reserve(sim, (void **)&sim->log, &sim->log_capacity, sim->log_count + 1,
                     sizeof(ud_logged_command))) {
        FAIL("out of memory");
    }
    sim->books.today = sim->month * DAYS_PER_MONTH;
    if (!apply(sim, cmd, err, err_size)) {
        return false;
    }
    sim->log[sim->log_count].month = sim->month;
    sim->log[sim->log_count].command = *cmd;
    sim->log_count++;
    return true;
}

const ud_logged_command *ud_sim_command_log(const ud_sim *sim, int *count) {
    *count = sim->log_count;
    return sim->log;
}
