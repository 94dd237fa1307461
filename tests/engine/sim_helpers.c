/* Shared helpers for the simulation tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim_helpers.h"

void check_invariants(const ud_sim *sim) {
    const ud_books *b = ud_sim_books(sim);
    int month = ud_sim_month(sim);
    ud_money trial = ud_books_trial_balance(b);
    if (trial != 0) {
        fail_msg("month %d: trial balance is %lld, expected 0", month, (long long)trial);
    }
    ud_balance_sheet bs = ud_books_balance_sheet(b);
    if (bs.total_assets != bs.total_liabilities + bs.total_equity) {
        fail_msg("month %d: assets %lld != liabilities %lld + equity %lld", month,
                 (long long)bs.total_assets, (long long)bs.total_liabilities,
                 (long long)bs.total_equity);
    }
    if (bs.gross_loans != ud_sim_portfolio_total(sim)) {
        fail_msg("month %d: books carry loans of %lld, the loan accounts %lld", month,
                 (long long)bs.gross_loans, (long long)ud_sim_portfolio_total(sim));
    }
    if (ud_sim_money_total(sim) != ud_sim_money_opening(sim)) {
        fail_msg("month %d: money not conserved: %lld now, %lld at the start", month,
                 (long long)ud_sim_money_total(sim), (long long)ud_sim_money_opening(sim));
    }
    ud_money savings = 0;
    for (int i = 0; i < ud_sim_household_count(sim); i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.cash < 0 && h.moneylender_debt <= 0) {
            fail_msg("month %d: household %d has cash %lld without a moneylender loan", month, i,
                     (long long)h.cash);
        }
        savings += h.savings;
    }
    if (savings != bs.client_savings) {
        fail_msg("month %d: households hold savings of %lld, the books %lld", month,
                 (long long)savings, (long long)bs.client_savings);
    }
    if (month > 0) {
        const ud_indicators *ind = ud_sim_indicators(sim, month);
        assert_int_equal(ind->total_assets, ind->total_liabilities + ind->equity);
    }
}

ud_sim *make_sim(const ud_setup *setup) {
    char err[256] = "";
    ud_sim *sim = ud_sim_create(setup, NULL, err, sizeof err);
    if (sim == NULL) {
        fail_msg("could not create the simulation: %s", err);
    }
    check_invariants(sim);
    return sim;
}

void run_checked(ud_sim *sim, int months) {
    while (ud_sim_month(sim) < months) {
        ud_sim_step(sim);
        ud_sim_clear_events(sim);
        check_invariants(sim);
        if (ud_sim_insolvent(sim)) {
            return;
        }
    }
}

double par30_of(const ud_sim *sim, int business) {
    ud_money at_risk = 0, total = 0;
    int32_t today = ud_sim_month(sim) * 30;
    for (int i = 0; i < ud_sim_household_count(sim); i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.loan == NULL || (business >= 0 && (int)h.business != business)) {
            continue;
        }
        total += h.loan->principal_outstanding;
        if (ud_loan_days_in_arrears(h.loan, today) > 30) {
            at_risk += h.loan->principal_outstanding;
        }
    }
    return total > 0 ? (double)at_risk / (double)total : 0.0;
}

#ifndef MEAN_SEEDS
#define MEAN_SEEDS 8
#endif
double mean_over_run(setup_fn configure, month_fn each_month, measure_fn measure, int households,
                     int from, int to) {
    double sum = 0;
    int n = 0;
    for (uint64_t seed = 1; seed <= MEAN_SEEDS; seed++) {
        ud_setup setup;
        ud_setup_default(&setup, households);
        setup.seed = seed;
        configure(&setup);
        ud_sim *sim = make_sim(&setup);
        for (int m = 1; m <= to; m++) {
            if (each_month) {
                each_month(sim);
            }
            ud_sim_step(sim);
            check_invariants(sim);
            if (m >= from) {
                sum += measure(sim);
                n++;
            }
            ud_sim_clear_events(sim);
        }
        ud_sim_destroy(sim);
    }
    return sum / n;
}

void no_change(ud_setup *setup) {
    (void)setup;
}

void add_farm_drought(ud_sim *sim) {
    if (ud_sim_month(sim) != 0) {
        return;
    }
    ud_shock drought = {UD_SHOCK_INCOME, 0, 1u << UD_BIZ_FARMING, 1.0, 0.7, 6, 9};
    char err[128];
    assert_true(ud_sim_add_shock(sim, &drought, err, sizeof err) >= 0);
}
