/* The built-in village and MFI, and validation of any setup before a simulation starts. */
#include "sim_internal.h"

#include <string.h>

static void copy_name(char *dst, const char *src) {
    strncpy(dst, src, UD_NAME_LEN - 1);
    dst[UD_NAME_LEN - 1] = '\0';
}

void ud_setup_default(ud_setup *s, int households) {
    memset(s, 0, sizeof *s);
    s->seed = 1;
    s->minor_units = 0;
    strcpy(s->currency, "IDR");

    ud_village_setup *v = &s->village;
    v->households = households;
    v->hamlets = 4;
    static const char *const names[] = {"Sukamaju", "Mekarsari", "Cibodas", "Sindangsari"};
    for (int i = 0; i < 4; i++) {
        copy_name(v->hamlet_names[i], names[i]);
    }
    v->women_share = 0.5;
    const double mix[UD_BIZ_COUNT] = {0.30, 0.35, 0.10, 0.10, 0.15};
    memcpy(v->business_mix, mix, sizeof mix);
    v->median_monthly_income = 2400000;
    v->income_spread = 0.55;
    v->poverty_line_per_person_day = 17000;
    v->vulnerability = 0.4;
    v->literacy = 0.6;
    v->moneylender_annual_rate = 1.2;
    v->inflation = 0.05;
    v->going_rate = 0.40;
    v->competitor_rate = 0.30;
    v->officer_wage = 2000000;
    v->minimum_wage = 1000000;
    v->capture_rate = 0.20;

    ud_mfi_setup *m = &s->mfi;
    m->institution = UD_INST_NGO;
    /* Scale the MFI with the village: about 1,300,000 of capital a household. */
    m->paid_in_equity = (ud_money)households * 1300000;
    /* An office's fixed assets, but never more than a quarter of the equity: a hamlet-sized
     * village gets a hamlet-sized office, bought with the capital (the rest is cash). One
     * officer for 250 households, within the most an MFI can employ. */
    m->fixed_assets = m->paid_in_equity / 4 < 30000000 ? m->paid_in_equity / 4 : 30000000;
    m->cash = m->paid_in_equity - m->fixed_assets;
    int officers = households / 250;
    m->officers.count =
        officers < 1 ? 1 : (officers > UD_MAX_OFFICERS ? UD_MAX_OFFICERS : officers);
    m->officers.salary = 2000000;
    m->officers.training = 1;
    m->officers.honesty = 0.85;
    m->products = 2;
    ud_product *g = &m->product[0];
    copy_name(g->name, "Group weekly");
    g->open = true;
    g->group_liability = true;
    g->group_min = 4;
    g->group_max = 7;
    g->terms.annual_rate = UD_RATE_PERCENT(24);
    g->terms.installments = 25;
    g->terms.frequency = UD_FREQ_WEEKLY;
    g->terms.method = UD_METHOD_FLAT;
    g->terms.fee_kind = UD_FEE_PERCENT;
    g->terms.fee_rate = UD_RATE_PERCENT(1);
    g->min_amount = 500000;
    g->max_amount = 5000000;
    g->compulsory_savings = UD_RATE_PERCENT(5);
    ud_product *ind = &m->product[1];
    copy_name(ind->name, "Individual monthly");
    ind->open = true;
    ind->terms.annual_rate = UD_RATE_PERCENT(32);
    ind->terms.installments = 12;
    ind->terms.frequency = UD_FREQ_MONTHLY;
    ind->terms.method = UD_METHOD_DECLINING_ANNUITY;
    ind->terms.fee_kind = UD_FEE_PERCENT;
    ind->terms.fee_rate = UD_RATE_PERCENT(15) / 10;
    ind->min_amount = 1000000;
    ind->max_amount = 10000000;
    m->policy.first_loan_cap = 2000000;
    m->policy.repeat_step_up = UD_RATE_PERCENT(30);
    m->policy.loan_to_income_cap = UD_RATE_PERCENT(25);
    m->policy.max_past_arrears_days = 30;
    m->savings_rate = 0;
    m->market_rate = UD_RATE_PERCENT(14);
    m->bank_deposit_rate = UD_RATE_PERCENT(4);
    m->officers.experience_months = 24;
    m->costs.office_per_month = 1000000;
    m->costs.per_client_per_month = 5000;
    m->costs.hire_cost = 2000000;
    m->costs.training_cost = 3000000;
    m->costs.audit_cost = 2500000;
    m->costs.depreciation_months = 60;
    m->provisioning.rate[0] = UD_RATE_PERCENT(10);
    m->provisioning.rate[1] = UD_RATE_PERCENT(25);
    m->provisioning.rate[2] = UD_RATE_PERCENT(50);
    m->provisioning.rate[3] = UD_RATE_PERCENT(75);
    m->provisioning.writeoff_days = 180;
    m->provisioning.rescheduled_in_par = true;
    m->follow_up = 0.5;
    m->reputation = 0.6;
}

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            snprintf(err, err_size, __VA_ARGS__);                                                  \
            return false;                                                                          \
        }                                                                                          \
    } while (0)

static bool in_unit(double v) {
    return v >= 0.0 && v <= 1.0;
}

#define MAX_AMOUNT INT64_C(1000000000000000)

bool ud_setup_validate(const ud_setup *s, char *err, size_t err_size) {
    const ud_village_setup *v = &s->village;
    const ud_mfi_setup *m = &s->mfi;
    CHECK(s->minor_units >= 0 && s->minor_units <= UD_MAX_MINOR_UNITS,
          "currency.minor_units: must be 0 to %d (got %d)", UD_MAX_MINOR_UNITS, s->minor_units);
    CHECK(v->households >= 1 && v->households <= 1000000,
          "village.households: must be 1 to 1,000,000 (got %d)", v->households);
    CHECK(v->hamlets >= 1 && v->hamlets <= UD_MAX_HAMLETS,
          "village.hamlets: must be 1 to %d (got %d)", UD_MAX_HAMLETS, v->hamlets);
    CHECK(in_unit(v->women_share), "village.women_share: must be between 0 and 1 (got %g)",
          v->women_share);
    double mix = 0;
    for (int b = 0; b < UD_BIZ_COUNT; b++) {
        CHECK(v->business_mix[b] >= 0, "village.business_mix.%s: must not be negative",
              ud_business_name((ud_business)b));
        mix += v->business_mix[b];
    }
    CHECK(mix > 0, "village.business_mix: at least one business needs a positive weight");
    CHECK(v->median_monthly_income > 0 && v->median_monthly_income <= MAX_AMOUNT / 1000,
          "village.median_income: must be positive and at most 10^12 minor units");
    CHECK(v->income_spread >= 0.0 && v->income_spread <= 1.5,
          "village.income_spread: must be between 0 and 1.5 (got %g)", v->income_spread);
    CHECK(v->poverty_line_per_person_day > 0 &&
              v->poverty_line_per_person_day <= v->median_monthly_income,
          "village.poverty_line: must be positive and below the median income");
    CHECK(in_unit(v->vulnerability), "village.vulnerability: must be between 0 and 1 (got %g)",
          v->vulnerability);
    CHECK(in_unit(v->literacy), "village.literacy: must be between 0 and 1 (got %g)", v->literacy);
    CHECK(v->moneylender_annual_rate >= 0.0 && v->moneylender_annual_rate <= 10.0,
          "village.moneylender_rate: must be 0%% to 1000%% a year");
    CHECK(v->inflation >= -0.5 && v->inflation <= 10.0,
          "village.inflation: must be -50%% to 1000%% a year");
    CHECK(v->going_rate > 0.0 && v->going_rate <= 10.0,
          "village.going_rate: must be above 0%% and at most 1000%% a year");
    CHECK(v->competitor_rate > 0.0 && v->competitor_rate <= 10.0,
          "village.competitor_rate: must be above 0%% and at most 1000%% a year");
    CHECK(v->officer_wage > 0 && v->officer_wage <= MAX_AMOUNT / 1000,
          "village.officer_wage: the market wage of a loan officer must be positive");
    CHECK(v->minimum_wage > 0 && v->minimum_wage <= v->officer_wage,
          "village.minimum_wage: must be positive and at most the officer's market wage");
    CHECK(in_unit(v->capture_rate), "village.capture_rate: must be between 0 and 1 (got %g)",
          v->capture_rate);
    CHECK(m->institution >= UD_INST_NGO && m->institution <= UD_INST_VILLAGE_BANK,
          "mfi.institution: must be ngo, cooperative or village_bank");
    CHECK(m->cash >= 0 && m->cash <= MAX_AMOUNT, "mfi.cash: must be 0 to 10^15 minor units");
    CHECK(m->paid_in_equity >= 0 && m->paid_in_equity <= MAX_AMOUNT,
          "mfi.equity: must be 0 to 10^15 minor units");
    CHECK(m->donated_equity >= 0 && m->donated_equity <= MAX_AMOUNT,
          "mfi.donated_equity: must be 0 to 10^15 minor units");
    CHECK(m->fixed_assets >= 0 && m->fixed_assets <= MAX_AMOUNT,
          "mfi.fixed_assets: must be 0 to 10^15 minor units");
    CHECK(m->borrowings >= 0 && m->borrowings <= UD_MAX_BORROWINGS, "mfi.borrowings: at most %d",
          UD_MAX_BORROWINGS);
    ud_money funds = m->paid_in_equity + m->donated_equity;
    for (int i = 0; i < m->borrowings; i++) {
        const ud_borrowing *b = &m->borrowing[i];
        CHECK(b->outstanding >= 0 && b->outstanding <= MAX_AMOUNT,
              "mfi.borrowings[%d].amount: must be 0 to 10^15 minor units", i + 1);
        CHECK(b->annual_rate >= 0 && b->annual_rate <= UD_MAX_ANNUAL_RATE,
              "mfi.borrowings[%d].rate: must be 0%% to 1000%%", i + 1);
        CHECK(b->maturity_month >= 1, "mfi.borrowings[%d].term_months: must be at least 1", i + 1);
        funds += b->outstanding;
    }
    CHECK(m->fixed_assets <= funds,
          "mfi.fixed_assets: more than the equity and borrowings could have bought");
    CHECK(m->officers.count >= 0 && m->officers.count <= UD_MAX_OFFICERS,
          "mfi.officers.count: must be 0 to %d (got %d)", UD_MAX_OFFICERS, m->officers.count);
    CHECK(m->officers.salary >= 0 && m->officers.salary <= MAX_AMOUNT / 1000,
          "mfi.officers.salary: must not be negative");
    CHECK(m->officers.count == 0 || m->officers.salary >= v->minimum_wage,
          "mfi.officers.salary: %lld is below the legal minimum wage of %lld a month",
          (long long)m->officers.salary, (long long)v->minimum_wage);
    CHECK(m->officers.salary <= 20 * v->officer_wage,
          "mfi.officers.salary: more than 20 times the market wage of %lld is not a salary",
          (long long)v->officer_wage);
    CHECK(m->officers.experience_months >= 0 && m->officers.experience_months <= 480,
          "mfi.officers.experience_months: must be 0 to 480");
    CHECK(m->officers.training >= 0 && m->officers.training <= 3,
          "mfi.officers.training: must be 0 to 3 (got %d)", m->officers.training);
    CHECK(in_unit(m->officers.honesty), "mfi.officers.honesty: must be between 0 and 1");
    CHECK(m->products >= 0 && m->products <= UD_MAX_PRODUCTS, "mfi.products: at most %d products",
          UD_MAX_PRODUCTS);
    for (int p = 0; p < m->products; p++) {
        char inner[200];
        if (!ud_product_validate(&m->product[p], 0, inner, sizeof inner)) {
            snprintf(err, err_size, "mfi.products[%d].%s", p + 1, inner);
            return false;
        }
    }
    CHECK(m->policy.first_loan_cap >= 0, "mfi.policy.first_loan_cap: must not be negative");
    CHECK(m->policy.repeat_step_up >= 0 && m->policy.repeat_step_up <= UD_RATE_PERCENT(200),
          "mfi.policy.repeat_step_up: must be 0%% to 200%%");
    CHECK(m->policy.loan_to_income_cap >= 0 && m->policy.loan_to_income_cap <= UD_RATE_PERCENT(500),
          "mfi.policy.loan_to_income_cap: must be 0%% to 500%%");
    CHECK(m->policy.max_past_arrears_days >= 0 && m->policy.max_past_arrears_days <= 365,
          "mfi.policy.max_past_arrears_days: must be 0 to 365");
    CHECK(m->savings_rate >= 0 && m->savings_rate <= UD_RATE_PERCENT(100),
          "mfi.savings_rate: must be 0%% to 100%%");
    CHECK(m->market_rate >= 0 && m->market_rate <= UD_MAX_ANNUAL_RATE,
          "mfi.market_rate: must be 0%% to 1000%%");
    CHECK(m->bank_deposit_rate >= 0 && m->bank_deposit_rate <= m->market_rate,
          "mfi.bank_deposit_rate: must be 0%% to the market lending rate (%.2f%%)",
          ud_rate_to_percent(m->market_rate));
    const ud_costs *c = &m->costs;
    CHECK(c->office_per_month >= 0 && c->per_client_per_month >= 0 && c->hire_cost >= 0 &&
              c->training_cost >= 0 && c->audit_cost >= 0,
          "mfi.costs: costs must not be negative");
    CHECK(c->depreciation_months >= 0 && c->depreciation_months <= 600,
          "mfi.costs.depreciation_months: must be 0 to 600");
    for (int i = 0; i < 4; i++) {
        CHECK(m->provisioning.rate[i] >= 0 && m->provisioning.rate[i] <= UD_RATE_SCALE,
              "mfi.provisioning.rates[%d]: must be 0%% to 100%%", i + 1);
    }
    CHECK(m->provisioning.writeoff_days >= 30 && m->provisioning.writeoff_days <= 720,
          "mfi.provisioning.write_off_days: must be 30 to 720 (got %d)",
          m->provisioning.writeoff_days);
    const ud_opening_portfolio *op = &m->opening;
    CHECK(op->clients >= 0 && op->clients <= v->households,
          "mfi.opening.clients: must be 0 to the %d households of the village", v->households);
    CHECK(op->clients == 0 || (op->product >= 0 && op->product < m->products),
          "mfi.opening.product: must be one of the %d products declared", m->products);
    CHECK(op->months_old >= 0 && op->months_old <= 120, "mfi.opening.months_old: must be 0 to 120");
    CHECK(in_unit(op->in_arrears), "mfi.opening.in_arrears: must be between 0 and 1");
    CHECK(op->savings_per_client >= 0 && op->savings_per_client <= MAX_AMOUNT / 1000000,
          "mfi.opening.savings: must be 0 to 10^9 minor units a client");
    CHECK(op->repaid_loans >= 0 && op->repaid_loans <= 50,
          "mfi.opening.repaid_loans: must be 0 to 50");
    CHECK(in_unit(m->follow_up), "mfi.follow_up: must be between 0 and 1 (got %g)", m->follow_up);
    CHECK(in_unit(m->reputation), "mfi.reputation: must be between 0 and 1 (got %g)",
          m->reputation);
    return true;
}
