/* Behaviour tests: the mechanisms the training modules rely on are really in the model.
 * Each compares two villages that differ in one thing, over several seeds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim_helpers.h"

#include <string.h>

static double par30(const ud_sim *sim) {
    return ud_sim_indicators(sim, ud_sim_month(sim))->par30;
}
static double farmers_par30(const ud_sim *sim) {
    return par30_of(sim, UD_BIZ_FARMING);
}
static double traders_par30(const ud_sim *sim) {
    return par30_of(sim, UD_BIZ_TRADE);
}
static double oss(const ud_sim *sim) {
    return ud_sim_indicators(sim, ud_sim_month(sim))->oss;
}
static double sdi(const ud_sim *sim) {
    return ud_sim_indicators(sim, ud_sim_month(sim))->subsidy_dependence;
}

static void test_behaviour_drought_raises_par_among_farmers_not_traders(void **state) {
    (void)state;
    double farm_dry = mean_over_run(no_change, add_farm_drought, farmers_par30, 1500, 10, 16);
    double farm_normal = mean_over_run(no_change, NULL, farmers_par30, 1500, 10, 16);
    double trade_dry = mean_over_run(no_change, add_farm_drought, traders_par30, 1500, 10, 16);
    double trade_normal = mean_over_run(no_change, NULL, traders_par30, 1500, 10, 16);
    print_message("farmers' PAR30 %.3f with drought, %.3f without; traders' %.3f and %.3f\n",
                  farm_dry, farm_normal, trade_dry, trade_normal);
    assert_true(farm_dry > farm_normal + 0.05);
    assert_true(trade_dry < trade_normal + 0.03);
}

/* One product only: the weekly product, with or without joint liability. */
static void group_only(ud_setup *s) {
    s->mfi.product[1].open = false;
}
static void individual_only(ud_setup *s) {
    s->mfi.product[1].open = false;
    s->mfi.product[0].group_liability = false;
}

static void test_behaviour_joint_liability_lowers_par(void **state) {
    (void)state;
    double groups = mean_over_run(group_only, NULL, par30, 1000, 12, 30);
    double individuals = mean_over_run(individual_only, NULL, par30, 1000, 12, 30);
    print_message("PAR30 %.3f with joint liability, %.3f without\n", groups, individuals);
    assert_true(groups < individuals * 0.8);
}

static void expert_officers(ud_setup *s) {
    s->mfi.officers.training = 3;
    s->mfi.officers.count = 8;
    s->mfi.officers.honesty = 1.0;
}
static void overloaded_novices(ud_setup *s) {
    s->mfi.officers.training = 0;
    s->mfi.officers.count = 2;
    s->mfi.officers.honesty = 1.0;
}

static void test_behaviour_untrained_overloaded_officers_raise_par(void **state) {
    (void)state;
    double good = mean_over_run(expert_officers, NULL, par30, 1500, 12, 30);
    double poor = mean_over_run(overloaded_novices, NULL, par30, 1500, 12, 30);
    print_message("PAR30 %.3f with trained officers, %.3f with overloaded novices\n", good, poor);
    assert_true(poor > good * 1.25);
}

static void cheap_rates(ud_setup *s) {
    s->mfi.product[0].terms.annual_rate = UD_RATE_PERCENT(4);
    s->mfi.product[1].terms.annual_rate = UD_RATE_PERCENT(4);
    s->mfi.product[0].terms.fee_kind = UD_FEE_NONE;
    s->mfi.product[1].terms.fee_kind = UD_FEE_NONE;
}

static void test_behaviour_rates_below_cost_give_oss_below_one(void **state) {
    (void)state;
    double below = mean_over_run(cheap_rates, NULL, oss, 600, 24, 24);
    print_message("OSS %.3f at a 4%% rate\n", below);
    assert_true(below < 1.0);
}

/* A government credit line at 3% with a 12% cap on client rates, accepted in month 1. */
static void take_capped_line(ud_sim *sim) {
    if (ud_sim_month(sim) != 1) {
        return;
    }
    ud_offer line;
    memset(&line, 0, sizeof line);
    line.kind = UD_OFFER_CREDIT_LINE;
    line.lender = UD_LENDER_GOVERNMENT;
    line.amount = 400000000;
    line.annual_rate = UD_RATE_PERCENT(3);
    line.term_months = 60;
    line.client_rate_cap = UD_RATE_PERCENT(12);
    char err[128];
    int index = ud_sim_add_offer(sim, &line, err, sizeof err);
    assert_true(index >= 0);
    ud_command accept;
    memset(&accept, 0, sizeof accept);
    accept.type = UD_CMD_ACCEPT_OFFER;
    accept.index = index;
    if (!ud_sim_apply(sim, &accept, err, sizeof err)) {
        fail_msg("accepting the credit line: %s", err);
    }
}

static void test_behaviour_cheap_capped_credit_line_raises_subsidy_dependence(void **state) {
    (void)state;
    double with_line = mean_over_run(no_change, take_capped_line, sdi, 600, 24, 24);
    double without = mean_over_run(no_change, NULL, sdi, 600, 24, 24);
    print_message("subsidy dependence %.3f with the capped line, %.3f without\n", with_line,
                  without);
    assert_true(with_line > without + 0.2);
}

static void dishonest_staff(ud_setup *s) {
    s->mfi.officers.honesty = 0.0;
    s->mfi.officers.count = 3;
}

static void test_behaviour_audits_catch_fraud(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 600);
    dishonest_staff(&setup);
    ud_sim *sim = make_sim(&setup);
    run_checked(sim, 12);
    ud_money ghosts_before = ud_sim_portfolio_total(sim);
    char err[128];
    ud_command audit;
    memset(&audit, 0, sizeof audit);
    audit.type = UD_CMD_AUDIT;
    assert_true(ud_sim_apply(sim, &audit, err, sizeof err));
    ud_sim_step(sim);
    check_invariants(sim);
    int n, found = 0, ghosts = 0, fired = 0;
    const ud_event *ev = ud_sim_events(sim, &n);
    for (int i = 0; i < n; i++) {
        if (ev[i].type == UD_EV_OFFICER_FRAUD_FOUND) {
            found++;
            ghosts += ev[i].object;
            assert_true(ev[i].amount > 0 || ev[i].object == 0);
        }
        fired += ev[i].type == UD_EV_OFFICER_FIRED;
    }
    assert_true(found > 0);
    assert_true(ghosts > 0);
    assert_int_equal(fired, found);
    assert_true(ghosts_before > 0);
    ud_sim_destroy(sim);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_behaviour_drought_raises_par_among_farmers_not_traders),
        cmocka_unit_test(test_behaviour_joint_liability_lowers_par),
        cmocka_unit_test(test_behaviour_untrained_overloaded_officers_raise_par),
        cmocka_unit_test(test_behaviour_rates_below_cost_give_oss_below_one),
        cmocka_unit_test(test_behaviour_cheap_capped_credit_line_raises_subsidy_dependence),
        cmocka_unit_test(test_behaviour_audits_catch_fraud),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
