/* The village: household generation, monthly incomes with seasons and shocks, and spending,
 * savings and the moneylender. */
#include "sim_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Monthly return on business capital by business type, and how far a month's income moves
 * with the season (index: month of the year, 0 = January). Farmers harvest in March and
 * September; livestock sells before festivals. The factors of each row average 1. */
static const double business_return[UD_BIZ_COUNT] = {0.120, 0.080, 0.060, 0.090, 0.100};
static const double season[UD_BIZ_COUNT][12] = {
    [UD_BIZ_TRADE] = {1.0, 0.95, 1.0, 1.05, 1.0, 0.95, 1.0, 1.0, 1.05, 1.0, 0.95, 1.05},
    [UD_BIZ_FARMING] = {0.3, 0.3, 4.5, 0.3, 0.3, 0.3, 0.3, 0.3, 4.5, 0.3, 0.3, 0.3},
    [UD_BIZ_LIVESTOCK] = {0.8, 0.8, 1.0, 1.0, 0.8, 1.6, 0.8, 0.8, 1.0, 1.0, 0.8, 1.6},
    [UD_BIZ_CRAFTS] = {0.9, 0.9, 1.0, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 1.0, 0.9, 1.1},
    [UD_BIZ_SERVICES] = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0},
};

static const char *const business_names[UD_BIZ_COUNT] = {"trade", "farming", "livestock", "crafts",
                                                         "services"};

const char *ud_business_name(ud_business b) {
    return (unsigned)b < UD_BIZ_COUNT ? business_names[b] : "?";
}

#define WAGE_SHARE 0.35 /* share of a household's income earned outside its business */
/* A woman's business without support absorbs half the extra capital a man's does (de Mel,
 * McKenzie and Woodruff 2009; Fafchamps et al. 2014; engine/MODEL.md). */
#define WOMAN_ABSORPTION 1.2
/* A household's own mishaps, apart from the village's shocks: a serious illness, a death, a
 * theft, a business that fails. About 11% of households a year (1% a month) lose 80% of their
 * business income for four months (engine/MODEL.md, "Mishaps"). */
#define MISHAP_MONTHLY 0.010
#define MISHAP_MONTHS 4
#define MISHAP_LOSS 0.8
/* A grace the business does not need buys riskier ventures: its mishaps are this many times
 * more frequent again while the loan runs (Field et al. 2013; engine/MODEL.md, "Mishaps"). */
#define GRACE_MISHAP 2.0
/* A business's capital wears out by one part in this many a month (about 4% a year): the
 * equipment, some 40% of it, at about 10% a year; the stock is replaced from sales. */
#define CAPITAL_WEAR_MONTHS 300
#define SAVINGS_PULL 0.15 /* share of a month's surplus saved, at full attraction */
/* Months of needs a household keeps with a trusted MFI at full attraction (calibrated with
 * the benchmark unit to BRI's deposits, engine/MODEL.md section 8). */
#define SAVINGS_TARGET_MONTHS 1.35

static double normal(ud_rng *rng) {
    /* Box-Muller; one of the pair is enough here */
    double u1 = ud_rng_unit(rng), u2 = ud_rng_unit(rng);
    if (u1 < 1e-12) {
        u1 = 1e-12;
    }
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

static int pick_weighted(ud_rng *rng, const double *weights, int count) {
    double total = 0;
    for (int i = 0; i < count; i++) {
        total += weights[i];
    }
    double x = ud_rng_unit(rng) * total;
    for (int i = 0; i < count; i++) {
        if (x < weights[i]) {
            return i;
        }
        x -= weights[i];
    }
    return count - 1;
}

static uint8_t unit_to_byte(double v) {
    return (uint8_t)(v <= 0 ? 0 : (v >= 1 ? 255 : v * 255.0));
}

/* Sets a household's income-dependent fields from its monthly income. */
static void endow(ud_sim *sim, household *h, double income) {
    h->wage = (ud_money)(income * WAGE_SHARE);
    h->capital = (ud_money)(income * (1.0 - WAGE_SHARE) / business_return[h->business]);
    h->income_last = (ud_money)income;
    h->income_smooth = (ud_money)income;
    h->income_expected = (ud_money)income;
    ud_money cash = (ud_money)(income * 0.5);
    sim_pay_outside(sim, h, h->cash); /* what it held before goes back to where it came */
    sim_receive_outside(sim, h, cash);
}

bool ud_sim_set_household(ud_sim *sim, int id, const ud_household_spec *spec, char *err,
                          size_t err_size) {
    if (sim->month != 0) {
        snprintf(err, err_size, "households can only be described before the first month");
        return false;
    }
    if (id < 0 || id >= sim->household_count) {
        snprintf(err, err_size, "there are only %d households in the village",
                 sim->household_count);
        return false;
    }
    if (spec->hamlet < 0 || spec->hamlet >= sim->setup.village.hamlets) {
        snprintf(err, err_size, "hamlet: must be one of the village's %d hamlets",
                 sim->setup.village.hamlets);
        return false;
    }
    if (spec->members < 1 || spec->members > 20) {
        snprintf(err, err_size, "members: must be 1 to 20 (got %d)", spec->members);
        return false;
    }
    if ((unsigned)spec->business >= UD_BIZ_COUNT) {
        snprintf(err, err_size, "business: unknown business");
        return false;
    }
    if (spec->monthly_income <= 0 || spec->monthly_income > INT64_C(1000000000000)) {
        snprintf(err, err_size, "income: must be positive and at most 10^12 minor units");
        return false;
    }
    if (!(spec->honesty >= 0 && spec->honesty <= 1) ||
        !(spec->vulnerability >= 0 && spec->vulnerability <= 1)) {
        snprintf(err, err_size, "honesty and vulnerability must be between 0 and 1");
        return false;
    }
    household *h = &sim->households[id];
    h->hamlet = (uint8_t)spec->hamlet;
    h->members = (uint8_t)spec->members;
    h->woman = spec->woman;
    h->business = (uint8_t)spec->business;
    h->literate = spec->literate;
    h->honesty = unit_to_byte(spec->honesty);
    h->vulnerability = unit_to_byte(spec->vulnerability);
    endow(sim, h, (double)spec->monthly_income);
    sim->opening_money = ud_sim_money_total(sim);
    return true;
}

struct ud_rng *ud_sim_script_rng(ud_sim *sim) {
    return &sim->rng[STREAM_SCRIPT];
}

bool village_generate(ud_sim *sim) {
    const ud_village_setup *v = &sim->setup.village;
    sim->households = sim_alloc(sim, (size_t)v->households * sizeof(household));
    if (sim->households == NULL) {
        return false;
    }
    sim->household_count = v->households;
    ud_rng *rng = &sim->rng[STREAM_VILLAGE];
    for (int i = 0; i < v->households; i++) {
        household *h = &sim->households[i];
        h->loan = NO_INDEX;
        h->group = NO_INDEX;
        h->last_group = NO_INDEX;
        h->written_off_month = -DEFAULT_MEMORY_MONTHS;
        h->hamlet = (uint8_t)ud_rng_below(rng, (uint32_t)v->hamlets);
        h->members = (uint8_t)(2 + ud_rng_below(rng, 5));
        h->business = (uint8_t)pick_weighted(rng, v->business_mix, UD_BIZ_COUNT);
        h->woman = (uint8_t)ud_rng_chance(rng, v->women_share);
        h->literate = (uint8_t)ud_rng_chance(rng, v->literacy);
        double income = (double)v->median_monthly_income * exp(v->income_spread * normal(rng));
        h->productivity =
            (uint16_t)(1024 * (0.8 + 0.4 * ud_rng_unit(rng)) * (h->literate ? 1.1 : 0.95));
        /* Willingness to repay: most households are reliable; women slightly more so, as
         * the workshop's field reports found. */
        double honesty = 0.86 + 0.14 * ud_rng_unit(rng) - (ud_rng_chance(rng, 0.10) ? 0.35 : 0.0);
        if (h->woman) {
            honesty += 0.05;
        }
        h->honesty = unit_to_byte(honesty);
        h->vulnerability = unit_to_byte(v->vulnerability * (0.5 + ud_rng_unit(rng)));
        endow(sim, h, income);
    }
    return true;
}

/* However many shocks a scenario stacks, a month's needs stay within this many times the
 * usual: prices and illnesses compound, and 64 overlapping ones would otherwise multiply
 * needs beyond any sum of money (a bound on absurd input, not a behaviour). */
#define MAX_NEED_MULTIPLE 10.0

ud_money household_need(const ud_sim *sim, const household *h) {
    double usual = (double)sim->setup.village.poverty_line_per_person_day * 30.0 * 0.9 * h->members;
    double need = usual;
    int month = sim->month + 1;
    for (int s = 0; s < sim->shock_count; s++) {
        const ud_shock *k = &sim->shocks[s].shock;
        if (month < k->start_month || month >= k->start_month + k->months) {
            continue;
        }
        if (k->kind == UD_SHOCK_PRICES) {
            need *= 1.0 + k->severity;
        } else if ((k->kind == UD_SHOCK_SPENDING || k->kind == UD_SHOCK_HEALTH) &&
                   (k->hamlet_mask == 0 || (k->hamlet_mask >> h->hamlet) & 1u) &&
                   ud_hash_unit((uint64_t)s + 1000, (uint64_t)(h - sim->households)) < k->share) {
            need *= 1.0 + k->severity * 0.5;
        }
    }
    return (ud_money)(need < usual * MAX_NEED_MULTIPLE ? need : usual * MAX_NEED_MULTIPLE);
}

ud_money household_poverty_line_month(const ud_sim *sim, const household *h) {
    return sim->setup.village.poverty_line_per_person_day * 30 * h->members;
}

ud_money household_net_income(const household *h) {
    return h->income_smooth - h->interest_smooth;
}

bool household_poor(const ud_sim *sim, const household *h) {
    return household_net_income(h) < household_poverty_line_month(sim, h);
}

/* Whether income or health shock s strikes household `index` (whatever the month). */
static bool shock_strikes(const ud_sim *sim, int s, int index, const household *h) {
    const ud_shock *k = &sim->shocks[s].shock;
    if (k->kind != UD_SHOCK_INCOME && k->kind != UD_SHOCK_HEALTH) {
        return false;
    }
    if (k->hamlet_mask != 0 && !((k->hamlet_mask >> h->hamlet) & 1u)) {
        return false;
    }
    if (k->business_mask != 0 && !((k->business_mask >> h->business) & 1u)) {
        return false;
    }
    /* Which households are hit is a fixed draw per shock, not a new one every month. */
    return ud_hash_unit((uint64_t)s, (uint64_t)index) < k->share;
}

bool household_in_shock_area(const ud_sim *sim, int index, int months_after) {
    const household *h = &sim->households[index];
    for (int s = 0; s < sim->shock_count; s++) {
        const ud_shock *k = &sim->shocks[s].shock;
        if ((k->kind != UD_SHOCK_INCOME && k->kind != UD_SHOCK_HEALTH) ||
            k->start_month > sim->month ||
            sim->month >= k->start_month + k->months + months_after) {
            continue;
        }
        if ((k->hamlet_mask == 0 || ((k->hamlet_mask >> h->hamlet) & 1u)) &&
            (k->business_mask == 0 || ((k->business_mask >> h->business) & 1u))) {
            return true;
        }
    }
    return false;
}

int ud_sim_household_last_shock(const ud_sim *sim, int index) {
    if (index < 0 || index >= sim->household_count) {
        return -1;
    }
    int last = -1;
    for (int s = 0; s < sim->shock_count; s++) {
        const ud_shock *k = &sim->shocks[s].shock;
        if (k->start_month <= sim->month && shock_strikes(sim, s, index, &sim->households[index]) &&
            (last < 0 || k->start_month >= sim->shocks[last].shock.start_month)) {
            last = s;
        }
    }
    return last;
}

const ud_shock *ud_sim_shock(const ud_sim *sim, int index) {
    return index >= 0 && index < sim->shock_count ? &sim->shocks[index].shock : NULL;
}

int ud_sim_shock_count(const ud_sim *sim) {
    return sim->shock_count;
}

/* The capital a household's business can use at full return: its starting capital plus 40%
 * for a man's business, plus 20% for a woman's without mentoring and up to 40% with as much
 * as she has received (engine/MODEL.md, "Women"): beyond it, capital earns a third. */
static double business_capital_cap(const ud_sim *sim, const household *h) {
    (void)sim;
    double absorb =
        h->woman ? WOMAN_ABSORPTION + (1.4 - WOMAN_ABSORPTION) * h->mentored / 255.0 : 1.4;
    return absorb * (double)h->wage * ((1.0 - WAGE_SHARE) / WAGE_SHARE) /
           business_return[h->business];
}

double shock_income_factor(const ud_sim *sim, int index, const household *h) {
    double factor = 1.0;
    int month = sim->month + 1;
    for (int s = 0; s < sim->shock_count; s++) {
        const ud_shock *k = &sim->shocks[s].shock;
        if (month < k->start_month || month >= k->start_month + k->months ||
            !shock_strikes(sim, s, index, h)) {
            continue;
        }
        double hit = k->severity * (0.5 + h->vulnerability / 255.0);
        factor *= hit >= 1.0 ? 0.0 : 1.0 - hit;
    }
    return factor;
}

static void announce_shocks(ud_sim *sim) {
    int month = sim->month + 1;
    sim->competitor = 0;
    for (int s = 0; s < sim->shock_count; s++) {
        shock_state *st = &sim->shocks[s];
        const ud_shock *k = &st->shock;
        if (k->kind == UD_SHOCK_COMPETITOR && month >= k->start_month &&
            month < k->start_month + k->months && k->severity > sim->competitor) {
            sim->competitor = k->severity;
        }
        if (!st->announced && month >= st->shock.start_month) {
            st->announced = 1;
            sim_event(sim, UD_EV_SHOCK_STARTED, s, (int)st->shock.kind, 0);
        }
        if (!st->ended && month >= st->shock.start_month + st->shock.months) {
            st->ended = 1;
            sim_event(sim, UD_EV_SHOCK_ENDED, s, (int)st->shock.kind, 0);
        }
    }
}

void village_incomes(ud_sim *sim) {
    announce_shocks(sim);
    bool any_shock = false;
    int month = sim->month + 1;
    for (int s = 0; s < sim->shock_count; s++) {
        const ud_shock *k = &sim->shocks[s].shock;
        any_shock |= month >= k->start_month && month < k->start_month + k->months;
    }
    int moy = sim->month % 12;
    ud_rng *rng = &sim->rng[STREAM_INCOME];
    for (int i = 0; i < sim->household_count; i++) {
        household *h = &sim->households[i];
        const hamlet_state *ham = &sim->hamlets[h->hamlet];
        double r = business_return[h->business] * h->productivity / 1024.0;
        /* Diminishing returns: a small business absorbs about 40% more capital than it
         * started with; beyond that, capital earns a third. */
        double k = (double)h->capital;
        double cap = business_capital_cap(sim, h);
        double earning = k <= cap ? k : cap + (k - cap) / 3.0;
        double skills = h->trained ? ham->training : 0.0;
        if (ham->mentoring && h->woman && h->loan != NO_INDEX) {
            double reach = mentoring_reach(sim, h, sim->loans[h->loan].officer);
            skills += MENTORING_EFFECT * reach;
            if (reach * 255.0 > h->mentored) {
                h->mentored = (uint8_t)(reach * 255.0);
            }
        }
        double business =
            earning * r * season[h->business][moy] * ham->infrastructure * (1.0 + skills);
        h->income_expected = h->wage + (ud_money)business;
        if (any_shock) {
            business *= shock_income_factor(sim, i, h);
        }
        if (h->mishap_months > 0) {
            business *= 1.0 - MISHAP_LOSS;
            h->mishap_months--;
        } else if (ud_rng_chance(rng, MISHAP_MONTHLY *
                                          (1.0 + GRACE_MISHAP * loan_grace_gamble(sim, h)))) {
            business *= 1.0 - MISHAP_LOSS;
            h->mishap_months = MISHAP_MONTHS - 1;
        }
        double noise = 0.8 + 0.4 * ud_rng_unit(rng);
        ud_money income = h->wage + (ud_money)(business * noise);
        h->income_last = income;
        /* What the household "earns", season aside: an average over about a year (weight 1/12
         * a month) of its income with the season's factor taken out, so that a farmer is not
         * poorer every August and richer every October than her year says; a drought, a
         * mishap or a bigger business still move it (engine/MODEL.md, "Other mechanisms"). */
        ud_money usual = h->wage + (ud_money)(business * noise / season[h->business][moy]);
        h->income_smooth += (usual - h->income_smooth) / 12;
        h->interest_smooth += (h->interest_month - h->interest_smooth) / 12;
        h->interest_month = 0;
        sim_receive_outside(sim, h, income);
        /* Business assets wear out, 4% a year: the tools, carts and sheds, not the stock,
         * which turns over from sales (engine/MODEL.md, "Other mechanisms"). */
        h->capital -= h->capital / CAPITAL_WEAR_MONTHS;
    }
}

static int compare_money(const void *a, const void *b) {
    ud_money x = *(const ud_money *)a, y = *(const ud_money *)b;
    return (x > y) - (x < y);
}

void village_snapshot_start(ud_sim *sim) {
    /* Quartile bounds of the starting incomes, from a sorted copy (sizes are bounded by the
     * village's; without the memory, every household counts as one quartile). */
    ud_money bound[3] = {INT64_MAX, INT64_MAX, INT64_MAX};
    int n = sim->household_count;
    ud_money *sorted = n > 0 ? sim_alloc(sim, (size_t)n * sizeof(ud_money)) : NULL;
    if (sorted != NULL) {
        for (int i = 0; i < n; i++) {
            sorted[i] = sim->households[i].income_smooth;
        }
        qsort(sorted, (size_t)n, sizeof(ud_money), compare_money);
        for (int q = 0; q < 3; q++) {
            bound[q] = sorted[(q + 1) * n / 4];
        }
        sim_free(sim, sorted);
    }
    for (int i = 0; i < n; i++) {
        household *h = &sim->households[i];
        h->poor_at_start = household_poor(sim, h);
        h->income_start = h->income_smooth;
        int q = 0;
        while (q < 3 && h->income_smooth >= bound[q]) {
            q++;
        }
        h->start_quartile = (uint8_t)q;
    }
}

double household_hardship(const household *h) {
    if (h->income_expected <= 0) {
        return 0;
    }
    double hardship = 1.0 - (double)h->income_last / (double)h->income_expected;
    return hardship < 0 ? 0 : (hardship > 1 ? 1 : hardship);
}

ud_money household_business_room(const ud_sim *sim, const household *h) {
    double cap = business_capital_cap(sim, h);
    double room = cap - (double)h->capital;
    return room > 0 ? (ud_money)room : 0;
}

double household_marginal_return(const ud_sim *sim, const household *h) {
    const hamlet_state *ham = &sim->hamlets[h->hamlet];
    double r = business_return[h->business] * h->productivity / 1024.0 * ham->infrastructure;
    double cap = business_capital_cap(sim, h);
    return 12.0 * (h->capital < cap ? r : r / 3.0);
}

ud_money village_withdraw(ud_sim *sim, household *h, ud_money want) {
    ud_money amount = want < h->savings ? want : h->savings;
    ud_money cash = sim_cash(sim);
    if (amount > cash) {
        sim->withdrawals_refused += amount - (cash > 0 ? cash : 0);
        amount = cash > 0 ? cash : 0;
    }
    if (amount > 0) {
        ud_books_transfer(&sim->books, "savings withdrawal", UD_ACC_CLIENT_SAVINGS, UD_ACC_CASH,
                          amount);
        h->savings -= amount;
        h->cash += amount;
    }
    return amount;
}

static void deposit(ud_sim *sim, household *h, ud_money amount) {
    if (amount > 0 && amount <= h->cash) {
        ud_books_transfer(&sim->books, "savings deposit", UD_ACC_CASH, UD_ACC_CLIENT_SAVINGS,
                          amount);
        h->cash -= amount;
        h->savings += amount;
    }
}

void village_spending_and_savings(ud_sim *sim) {
    bool deposits_allowed = sim->setup.mfi.institution != UD_INST_NGO;
    double monthly_ml = sim->setup.village.moneylender_annual_rate / 12.0;
    /* Deposits answer the MFI (engine/MODEL.md, "Savings"): its rate against the bank's, and
     * its name for paying withdrawals on demand. Households save a share of their surplus
     * until they hold a few months of needs with the MFI. */
    double bank = ud_rate_to_percent(sim->setup.mfi.bank_deposit_rate);
    double ratio = ud_rate_to_percent(sim->savings_rate) / (bank > 0.5 ? bank : 0.5);
    double attract = 0.6 + 0.2 * (ratio > 2.0 ? 2.0 : ratio);
    double trust = 0.2 + 0.8 * sim->reputation;
    double savings_pull = SAVINGS_PULL * attract * trust;
    double target_months = SAVINGS_TARGET_MONTHS * attract * trust;
    ud_rng *rng = &sim->rng[STREAM_SAVINGS];
    for (int i = 0; i < sim->household_count; i++) {
        household *h = &sim->households[i];
        ud_money need = household_need(sim, h);
        /* The moneylender's interest is added to the debt; a share of income repays it. A
         * claim beyond ten years of the household's needs is one nobody can collect: it stops
         * growing there (and the sums stay far inside the range of money however many shocks
         * a scenario stacks). */
        ud_money ml_ceiling = need > 0 ? 120 * need : 0;
        if (h->moneylender_debt > 0 && h->moneylender_debt < ml_ceiling) {
            double interest = (double)h->moneylender_debt * monthly_ml;
            double room = (double)(ml_ceiling - h->moneylender_debt);
            h->moneylender_debt += (ud_money)(interest < room ? interest : room);
        }
        if (h->moneylender_debt > 0) {
            ud_money pay = h->cash / 4 < h->moneylender_debt ? h->cash / 4 : h->moneylender_debt;
            sim_pay_outside(sim, h, pay);
            h->moneylender_debt -= pay;
        }
        if (h->cash < need && h->savings > 0) {
            village_withdraw(sim, h, need - h->cash);
        } else if (h->savings > 6 * need) {
            /* Savings beyond half a year of needs go on a roof, a wedding, school fees. */
            ud_money spend = village_withdraw(sim, h, (h->savings - 6 * need) / 5);
            sim_pay_outside(sim, h, spend);
        }
        if (h->cash < need / 2 && h->capital > 0) {
            /* In real distress (less than half of needs), sell business assets to eat:
             * income falls later. Short of that, the household tightens its belt. */
            ud_money gap = need / 2 - h->cash;
            ud_money sold = gap < h->capital / 10 ? gap : h->capital / 10;
            h->capital -= sold;
            sim_receive_outside(sim, h, sold);
        }
        if (h->cash < need && h->vulnerability > 128 && h->moneylender_debt < ml_ceiling &&
            ud_rng_chance(rng, 0.3)) {
            ud_money borrowed = need - h->cash;
            h->moneylender_debt += borrowed;
            sim_receive_outside(sim, h, borrowed);
        }
        ud_money spend = h->cash < need ? h->cash : need;
        sim_pay_outside(sim, h, spend);
        /* What is left above a month's needs: save some, reinvest some, spend some. */
        ud_money surplus = h->cash - need;
        if (surplus > 0) {
            ud_money room = (ud_money)(target_months * (double)need) - h->savings;
            if (deposits_allowed && room > 0) {
                ud_money put = (ud_money)((double)surplus * savings_pull);
                deposit(sim, h, put < room ? put : room);
                surplus = h->cash - need; /* what is left after saving */
            }
            ud_money invest = surplus / 5;
            h->capital += invest;
            sim_pay_outside(sim, h, invest + surplus / 3);
        }
    }
}
