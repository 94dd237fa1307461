/* Indicators: closing each month's books, the standard ratios over their windows, and CSV. */
#include "sim_internal.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

void ud_indicators_window(ud_indicators *out, const ud_month_record *records, int month,
                          ud_rate market_rate, double inflation) {
    int w = month < 12 ? month : 12;
    if (w <= 0) {
        return;
    }
    double years = w / 12.0;
    double avg_assets = 0;
    double avg_glp = 0, avg_equity = 0, avg_fixed = 0, avg_conc = 0, avg_borrowers = 0;
    for (int m = month - w; m <= month; m++) {
        avg_glp += (double)records[m].gross_portfolio;
        avg_assets += (double)records[m].total_assets;
        avg_equity += (double)records[m].equity;
        avg_fixed += (double)records[m].fixed_assets;
        avg_conc += (double)records[m].concessional_debt;
        avg_borrowers += records[m].active_borrowers;
    }
    avg_glp /= w + 1;
    avg_assets /= w + 1;
    avg_equity /= w + 1;
    avg_fixed /= w + 1;
    avg_conc /= w + 1;
    avg_borrowers /= w + 1;
    double revenue = 0, loan_revenue = 0, fin_exp = 0, provisions = 0, opex = 0, conc_paid = 0,
           grants = 0, in_kind = 0, profit = 0, conc_market_cost = 0, write_offs = 0;
    double m_rate = ud_rate_to_percent(market_rate) / 100.0;
    for (int m = month - w + 1; m <= month; m++) {
        const ud_month_record *r = &records[m];
        revenue += (double)r->financial_revenue;
        loan_revenue += (double)r->loan_revenue;
        fin_exp += (double)r->financial_expense;
        provisions += (double)r->net_provision_expense;
        opex += (double)r->operating_expense;
        conc_paid += (double)r->concessional_interest_paid;
        grants += (double)r->grants;
        in_kind += (double)r->in_kind;
        profit += (double)r->net_result;
        write_offs += (double)r->write_offs;
        conc_market_cost += (double)r->concessional_debt * m_rate / 12.0;
    }
    out->portfolio_yield = avg_glp > 0 ? loan_revenue / years / avg_glp : 0;
    out->write_off_ratio = avg_glp > 0 ? write_offs / years / avg_glp : 0;
    /* Staff turnover over the whole game (a yearly rate): a year of three officers is too few
     * to tell one unlucky resignation from a unit that cannot keep its staff. */
    double officer_months = 0, departures = 0;
    for (int m = 1; m <= month; m++) {
        officer_months += records[m].officers;
        departures += records[m].departures;
    }
    out->staff_turnover = officer_months > 0 ? departures / (officer_months / 12.0) : 0;
    out->roa = avg_assets > 0 ? profit / years / avg_assets : 0;
    out->opex_ratio = avg_glp > 0 ? opex / years / avg_glp : 0;
    out->cost_per_borrower = avg_borrowers > 0 ? (ud_money)(opex / years / avg_borrowers) : 0;
    /* Provisions released (a net negative expense) lower the costs, but a window in which the
     * releases exceed every other cost (the opening provisions of late loans that paid up in
     * month 1) would give a ratio of 0, read as "grave" beside a profit: the release then
     * counts as no cost, not a negative one. */
    double costs = fin_exp + provisions + opex;
    if (costs <= 0 && provisions < 0) {
        costs = fin_exp + opex;
    }
    out->oss = costs > 0 ? revenue / costs : 0;
    double inflation_adj = inflation * (avg_equity - avg_fixed) * years;
    double subsidy_adj = conc_market_cost - conc_paid; /* cost of cheap funds at market price */
    double adjusted = costs + inflation_adj + subsidy_adj + in_kind;
    out->fss = adjusted > 0 ? revenue / adjusted : 0;
    /* Yaron: S = A(m - c) + (E m - P) + K, yearly; SDI = S / (LP n). */
    double s = (avg_conc * m_rate - conc_paid / years) + (avg_equity * m_rate - profit / years) +
               grants / years;
    double lp_n = avg_glp * out->portfolio_yield;
    out->subsidy_dependence = lp_n > 0 ? s / lp_n : 0;
}

/* Clients who discover that a quoted flat rate and fees cost far more than the rate said
 * tell their neighbours: with the APR hidden, the MFI's name suffers in proportion to the
 * gap and to how many clients hold such loans (engine/MODEL.md, "Transparency"). */
static double hidden_cost_penalty(ud_sim *sim, const int *by_product) {
    if (!sim->policy.hide_apr) {
        return 0;
    }
    int total = 0;
    double penalty = 0;
    for (int p = 0; p < sim->product_count; p++) {
        total += by_product[p];
    }
    for (int p = 0; p < sim->product_count && total > 0; p++) {
        const ud_product *prod = &sim->products[p];
        double nominal = ud_rate_to_percent(prod->terms.annual_rate);
        double apr = sim_product_apr(sim, p);
        if (by_product[p] == 0 || !(apr > 0) || !isfinite(apr)) {
            continue;
        }
        double gap = nominal > 0 ? apr / nominal - 1.1 : 1.0;
        gap = gap < 0 ? 0 : (gap > 0.6 ? 0.6 : gap);
        penalty += 0.5 * gap * by_product[p] / total;
    }
    return penalty;
}

/* In distress beyond poverty (engine/MODEL.md, "Depth and impact"): its loan is more than 30
 * days late, takes more than 40% of its income or was rescheduled and is not yet cured
 * (flagged by the loan pass of sim_record_month), or a loan of its was written off within the
 * last 24 months (DEFAULT_MEMORY_MONTHS). */
static bool household_in_distress(const household *h, int month) {
    return h->loan_distress || month - h->written_off_month < DEFAULT_MEMORY_MONTHS;
}

/* How a loan counts in the portfolio at risk on `today`: in PAR30 (more than 30 days late by
 * its class, or renegotiated), in PAR90, and renegotiated while current. */
typedef struct loan_risk {
    bool par30, par90, renegotiated_current;
} loan_risk;

static loan_risk classify_loan(const ud_provisioning *prov, const loan_slot *slot, int32_t today) {
    loan_risk r;
    int32_t late = loan_days_for_risk(slot, ud_loan_days_in_arrears(&slot->account, today));
    bool renegotiated = loan_in_par_as_renegotiated(slot) && prov->rescheduled_in_par;
    r.par30 = late > 30 || renegotiated;
    r.renegotiated_current = renegotiated && late <= 30;
    /* SEEP's PAR > X days adds the renegotiated loans whatever X; in PAR90 the engine adds
     * those rescheduled without a hardship (new terms for a borrower who simply paid late),
     * until repaid; one rescheduled for a hardship is classed by its arrears (engine/
     * MODEL.md, 10) */
    bool evergreen = renegotiated && !slot->rescheduled_for_hardship;
    r.par90 = late > 90 || evergreen;
    return r;
}

static bool loan_active(const loan_slot *slot) {
    return slot->in_use && slot->account.status == UD_LOAN_ACTIVE;
}

static bool borrower_is_woman(const ud_sim *sim, const loan_slot *slot) {
    return slot->household != NO_INDEX && sim->households[slot->household].woman;
}

void ud_sim_portfolio_now(const ud_sim *sim, ud_portfolio_now *out) {
    memset(out, 0, sizeof *out);
    int32_t today = sim->month * DAYS_PER_MONTH;
    ud_money par30 = 0;
    for (int i = 0; i < sim->loan_capacity; i++) {
        const loan_slot *slot = &sim->loans[i];
        if (!loan_active(slot)) {
            continue;
        }
        out->active_borrowers++;
        out->women_borrowers += borrower_is_woman(sim, slot);
        if (classify_loan(&sim->setup.mfi.provisioning, slot, today).par30) {
            par30 += slot->account.principal_outstanding;
        }
    }
    out->gross_portfolio = ud_books_balance_sheet(&sim->books).gross_loans;
    out->par30 = out->gross_portfolio > 0 ? (double)par30 / (double)out->gross_portfolio : 0;
    out->women_share =
        out->active_borrowers > 0 ? (double)out->women_borrowers / out->active_borrowers : 0;
}

void sim_record_month(ud_sim *sim, int month, ud_indicators *out) {
    ud_income_statement is = ud_books_close_period(&sim->books);
    ud_balance_sheet bs = ud_books_balance_sheet(&sim->books);
    int32_t today = month * DAYS_PER_MONTH;
    const ud_provisioning *prov = &sim->setup.mfi.provisioning;

    memset(out, 0, sizeof *out);
    out->month = month;
    ud_money par30 = 0, par90 = 0, rescheduled = 0, renegotiated_at_risk = 0;
    int women_loans[UD_MAX_PRODUCTS] = {0}, captured[UD_MAX_PRODUCTS] = {0};
    int women_all = 0, captured_all = 0, by_product[UD_MAX_PRODUCTS] = {0};
    int overindebted = 0;
    for (int i = 0; i < sim->loan_capacity; i++) {
        const loan_slot *slot = &sim->loans[i];
        if (!loan_active(slot)) {
            continue;
        }
        out->active_borrowers++;
        out->women_borrowers += borrower_is_woman(sim, slot);
        int32_t late = loan_days_for_risk(slot, ud_loan_days_in_arrears(&slot->account, today));
        ud_money outstanding = slot->account.principal_outstanding;
        loan_risk risk = classify_loan(prov, slot, today);
        par30 += risk.par30 ? outstanding : 0;
        renegotiated_at_risk += risk.renegotiated_current ? outstanding : 0;
        par90 += risk.par90 ? outstanding : 0;
        if (slot->account.rescheduled) {
            rescheduled += outstanding;
        }
        out->directed_loans += slot->directed;
        overindebted += slot->burden > OVERINDEBTED_BURDEN;
        if (slot->household != NO_INDEX) {
            /* a loan that had to be rescheduled and has not yet shown it can be carried
             * counts too: its household struggled to repay (Schicks 2013) */
            sim->households[slot->household].loan_distress = late > DEFAULT_LATE_DAYS ||
                                                             slot->burden > OVERINDEBTED_BURDEN ||
                                                             loan_counts_as_rescheduled_risk(slot);
        }
        by_product[slot->product]++;
        if (borrower_is_woman(sim, slot)) {
            women_loans[slot->product]++;
            captured[slot->product] += slot->captured;
            women_all++;
            captured_all += slot->captured;
        }
    }
    for (int p = 0; p < UD_MAX_PRODUCTS; p++) {
        out->capture_by_product[p] = women_loans[p] > 0 ? (double)captured[p] / women_loans[p] : 0;
    }
    out->capture_share = women_all > 0 ? (double)captured_all / women_all : 0;
    out->overindebted_share =
        out->active_borrowers > 0 ? (double)overindebted / out->active_borrowers : 0;
    out->forming_groups = lending_forming_count(sim);
    double income_sum = 0;
    /* The households poor at the start, by starting-income quartile: poor clients are
     * compared with poor non-clients who started alike (the mission is about the poor). */
    double client_now[4] = {0}, client_then[4] = {0}, other_now[4] = {0}, other_then[4] = {0};
    int clients_in[4] = {0};
    int poor_at_start = 0;
    for (int i = 0; i < sim->household_count; i++) {
        household *h = &sim->households[i];
        bool poor = household_poor(sim, h);
        poor_at_start += h->poor_at_start;
        if (h->loan != NO_INDEX && h->poor_at_start) {
            out->poor_clients++;
        }
        if (h->income_start > 0 && h->poor_at_start) {
            int q = h->start_quartile & 3;
            *(h->ever_borrowed ? &client_now[q] : &other_now[q]) += (double)household_net_income(h);
            *(h->ever_borrowed ? &client_then[q] : &other_then[q]) += (double)h->income_start;
            clients_in[q] += h->ever_borrowed;
        }
        out->households_in_poverty += poor;
        out->women_households += h->woman;
        out->poor_women += poor && h->woman;
        bool distress = poor || household_in_distress(h, month);
        h->loan_distress = 0; /* the loan pass sets it again next month, if the loan is there */
        out->households_in_distress += distress;
        out->women_in_distress += h->woman && distress;
        out->poor_men += poor && !h->woman;
        income_sum += (double)h->income_smooth;
    }
    out->avg_household_income =
        sim->household_count > 0 ? (ud_money)(income_sum / sim->household_count) : 0;
    out->poor_reach = poor_at_start > 0 ? (double)out->poor_clients / poor_at_start : 0;
    double gain = 0;
    int compared = 0;
    for (int q = 0; q < 4; q++) {
        if (client_then[q] > 0 && other_then[q] > 0) {
            gain += clients_in[q] * (client_now[q] / client_then[q] - other_now[q] / other_then[q]);
            compared += clients_in[q];
        }
    }
    out->poor_client_income_gain = compared > 0 ? gain / compared : 0;
    out->officers = staff_employed(sim);
    double paid = 0, market = 0;
    for (int i = 0; i < sim->officer_count; i++) {
        if (sim->officers[i].employed) {
            paid += (double)sim->officers[i].salary;
            market += (double)staff_market_wage(sim, sim->officers[i].training);
        }
    }
    out->pay_to_market = market > 0 ? paid / market : 0;
    sim->active_clients = out->active_borrowers;

    out->cash = bs.cash;
    out->gross_portfolio = bs.gross_loans;
    out->women_share =
        out->active_borrowers > 0 ? (double)out->women_borrowers / out->active_borrowers : 0;
    double avg_loan =
        out->active_borrowers > 0 ? (double)out->gross_portfolio / out->active_borrowers : 0;
    out->avg_loan_to_income =
        out->avg_household_income > 0 ? avg_loan / (12.0 * (double)out->avg_household_income) : 0;
    out->par30_amount = par30;
    out->par30_renegotiated = renegotiated_at_risk;
    out->par30 = bs.gross_loans > 0 ? (double)par30 / (double)bs.gross_loans : 0;
    out->par90 = bs.gross_loans > 0 ? (double)par90 / (double)bs.gross_loans : 0;
    out->rescheduled_ratio = bs.gross_loans > 0 ? (double)rescheduled / (double)bs.gross_loans : 0;
    out->deposits_to_loans =
        bs.gross_loans > 0 ? (double)bs.client_savings / (double)bs.gross_loans : 0;
    out->write_offs = sim->month_write_offs;
    out->recoveries = is.recoveries;
    out->loan_loss_reserve = bs.loan_loss_reserve;
    out->risk_coverage = par30 > 0 ? (double)bs.loan_loss_reserve / (double)par30 : 1.0;
    out->deposits = bs.client_savings;
    out->borrowings = bs.borrowings;
    out->equity = bs.total_equity;
    out->total_assets = bs.total_assets;
    out->total_liabilities = bs.total_liabilities;
    out->financial_revenue = is.financial_revenue;
    out->investment_income = is.investment_income;
    out->financial_expense = is.financial_expense;
    out->provision_expense = is.provision_expense;
    out->operating_expense = is.operating_expense;
    out->borrowers_per_officer =
        out->officers > 0 ? (double)out->active_borrowers / out->officers : 0;
    out->net_result = is.net_result;
    out->grants = sim->month_grants;

    ud_month_record *r = &sim->records[month];
    r->gross_portfolio = bs.gross_loans;
    r->equity = bs.total_equity;
    r->fixed_assets = bs.fixed_assets;
    r->concessional_debt = funding_concessional_debt(sim);
    r->active_borrowers = out->active_borrowers;
    r->financial_revenue = is.financial_revenue;
    r->loan_revenue = is.loan_revenue;
    r->financial_expense = is.financial_expense;
    r->net_provision_expense = is.net_provision_expense;
    r->operating_expense = is.operating_expense;
    r->concessional_interest_paid = sim->month_concessional_interest;
    r->grants = sim->month_grants;
    r->in_kind = sim->month_in_kind;
    r->net_result = is.net_result;
    r->statement = is;
    memcpy(r->cost_line, sim->cost_line, sizeof r->cost_line);
    memset(sim->cost_line, 0, sizeof sim->cost_line); /* the next period starts now */
    r->applications = month > 0 ? sim->app_count : 0;
    r->write_offs = sim->month_write_offs;
    r->total_assets = bs.total_assets;
    r->officers = out->officers;
    r->departures = sim->month_departures;
    ud_indicators_window(out, sim->records, month, sim->setup.mfi.market_rate,
                         sim->setup.village.inflation);

    if (month > 0) {
        if (sim->obligation_missed || bs.total_equity < 0) {
            sim->insolvent = true;
        }
        if (out->par30 > 0.10 && sim->par30_last <= 0.10) {
            sim_event(sim, UD_EV_PAR_THRESHOLD, 0, (int)(out->par30 * 10000), par30);
        }
        sim->par30_last = out->par30;
        /* The MFI's name moves with how well it serves and enforces, and with whether
         * clients find they pay more than they were told. */
        double target =
            0.9 - 2.0 * out->par30 - out->write_off_ratio - hidden_cost_penalty(sim, by_product);
        sim->reputation += 0.1 * (target - sim->reputation);
        if (sim->withdrawals_refused > 0) {
            /* Savers turned away at the counter: the word spreads fast (a run starts). */
            sim->reputation -= 0.1;
            sim->withdrawals_refused = 0;
        }
        if (sim->reputation < 0) {
            sim->reputation = 0;
        }
    }
}

static const char *const cost_line_names[UD_COST_LINE_COUNT] = {
    [UD_COST_SALARIES] = "salaries",
    [UD_COST_OFFICE] = "office",
    [UD_COST_CLIENT_VISITS] = "client_visits",
    [UD_COST_HIRING] = "hiring",
    [UD_COST_TRAINING] = "training",
    [UD_COST_AUDIT] = "audit",
    [UD_COST_DEPRECIATION] = "depreciation",
    [UD_COST_SAVINGS_SERVICE] = "savings_service",
    [UD_COST_SAVINGS_INTEREST] = "savings_interest",
    [UD_COST_BORROWING_INTEREST] = "borrowing_interest",
};

const char *ud_cost_line_name(ud_cost_line line) {
    return (unsigned)line < UD_COST_LINE_COUNT ? cost_line_names[line] : "?";
}

const ud_month_record *ud_sim_month_record(const ud_sim *sim, int month) {
    if (month < 1 || month > sim->month) {
        return NULL;
    }
    return &sim->records[month];
}

const char *ud_indicators_csv_header(void) {
    return "month,cash,gross_portfolio,active_borrowers,women_share,avg_loan_to_income,par30,"
           "par90,write_offs,recoveries,loan_loss_reserve,risk_coverage,deposits,borrowings,"
           "equity,total_assets,total_liabilities,financial_revenue,financial_expense,"
           "provision_expense,operating_expense,portfolio_yield,opex_ratio,cost_per_borrower,"
           "borrowers_per_officer,oss,fss,subsidy_dependence,households_in_poverty,"
           "avg_household_income,rescheduled_ratio,write_off_ratio,deposits_to_loans,"
           "capture_share,roa,women_borrowers,officers,poor_women,poor_men,women_in_distress,"
           "overindebted_share,poor_clients,poor_reach,poor_client_income_gain,"
           "households_in_distress,staff_turnover,pay_to_market";
}

void ud_indicators_csv_row(FILE *out, const ud_indicators *d) {
    fprintf(out,
            "%d,%" PRId64 ",%" PRId64 ",%d,%.6f,%.6f,%.6f,%.6f,%" PRId64 ",%" PRId64 ",%" PRId64
            ",%.6f,%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64
            ",%" PRId64 ",%" PRId64 ",%.6f,%.6f,%" PRId64 ",%.6f,%.6f,%.6f,%.6f,%d,"
            "%" PRId64 ",%.6f,%.6f,%.6f,%.6f,%.6f,%d,%d,%d,%d,%d,%.6f,%d,%.6f,%.6f,%d,%.6f,%.6f\n",
            d->month, d->cash, d->gross_portfolio, d->active_borrowers, d->women_share,
            d->avg_loan_to_income, d->par30, d->par90, d->write_offs, d->recoveries,
            d->loan_loss_reserve, d->risk_coverage, d->deposits, d->borrowings, d->equity,
            d->total_assets, d->total_liabilities, d->financial_revenue, d->financial_expense,
            d->provision_expense, d->operating_expense, d->portfolio_yield, d->opex_ratio,
            d->cost_per_borrower, d->borrowers_per_officer, d->oss, d->fss, d->subsidy_dependence,
            d->households_in_poverty, d->avg_household_income, d->rescheduled_ratio,
            d->write_off_ratio, d->deposits_to_loans, d->capture_share, d->roa, d->women_borrowers,
            d->officers, d->poor_women, d->poor_men, d->women_in_distress, d->overindebted_share,
            d->poor_clients, d->poor_reach, d->poor_client_income_gain, d->households_in_distress,
            d->staff_turnover, d->pay_to_market);
}
