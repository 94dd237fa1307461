/* Command validation: every field of every command is bounded by ud_sim_apply itself, so a
 * command read from an edited save is held to the same rules as one from a script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim_helpers.h"
#include "ud/books.h"
#include "ud/command.h"

#include <math.h>
#include <string.h>

static void refused(ud_sim *sim, const ud_command *c, const char *field) {
    char err[256] = "";
    int before;
    ud_sim_command_log(sim, &before);
    if (ud_sim_apply(sim, c, err, sizeof err)) {
        fail_msg("%s should have been refused", ud_command_name(c->type));
    }
    if (strstr(err, field) == NULL) {
        fail_msg("%s: expected the message to name '%s', got '%s'", ud_command_name(c->type), field,
                 err);
    }
    int after;
    ud_sim_command_log(sim, &after);
    assert_int_equal(after, before);
}

static ud_command of(ud_command_type type) {
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = type;
    return c;
}

static void apply_or_fail(ud_sim *sim, const ud_command *c);

static void test_command_every_field_is_bounded(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 300);
    ud_sim *sim = make_sim(&setup);
    run_checked(sim, 2);
    ud_command c = of(UD_CMD_HIRE);
    c.count = 1;
    c.level = 0;
    c.amount = INT64_MAX; /* once passed, and overflowed the payroll */
    refused(sim, &c, "amount");
    c.amount = 1000;
    c.count = 21;
    refused(sim, &c, "count");
    c.count = 1;
    c.level = 4;
    refused(sim, &c, "level");
    c = of(UD_CMD_SET_POLICY);
    c.policy = *ud_sim_policy(sim);
    c.policy.first_loan_cap = INT64_MAX;
    refused(sim, &c, "first_loan_cap");
    c = of(UD_CMD_BORROW);
    c.amount = INT64_MAX;
    c.count = 12;
    refused(sim, &c, "amount");
    c.amount = 1000;
    c.count = 100000;
    refused(sim, &c, "count");
    c = of(UD_CMD_SET_SAVINGS_RATE);
    c.rate = INT64_MAX;
    refused(sim, &c, "rate");
    c = of(UD_CMD_SET_FOLLOW_UP);
    c.share = NAN;
    refused(sim, &c, "share");
    c = of(UD_CMD_RESCHEDULE);
    c.count = -1;
    refused(sim, &c, "count");
    c.count = 12; /* a grace period is part of the new schedule, not added to it */
    c.level = 12;
    refused(sim, &c, "level");
    c.level = -1;
    refused(sim, &c, "level");
    c = of(UD_CMD_TRAIN);
    c.index = -2;
    refused(sim, &c, "index");
    /* the largest index an edited save can hold: refused, and named from 1 without overflow */
    const ud_command_type indexed[] = {UD_CMD_TRAIN,        UD_CMD_FIRE,       UD_CMD_SET_SALARY,
                                       UD_CMD_ACCEPT_OFFER, UD_CMD_REPAY,      UD_CMD_RESCHEDULE,
                                       UD_CMD_WRITE_OFF,    UD_CMD_SET_PRODUCT};
    for (size_t i = 0; i < sizeof indexed / sizeof indexed[0]; i++) {
        c = of(indexed[i]);
        c.index = INT32_MAX;
        c.amount = 2000000;
        c.count = 1;
        refused(sim, &c, "2147483648");
    }
    c = of((ud_command_type)77);
    refused(sim, &c, "type");
    int n;
    c = of(UD_CMD_SET_PRODUCT);
    c.product = ud_sim_products(sim, &n)[0];
    c.product.terms.fee_kind = UD_FEE_FLAT;
    c.product.terms.fee_flat = INT64_MAX;
    refused(sim, &c, "fee");
    c.product = ud_sim_products(sim, &n)[0];
    c.product.terms.method = (ud_interest_method)9;
    refused(sim, &c, "terms");
    c.product = ud_sim_products(sim, &n)[0];
    c.product.group_liability = true;
    c.product.group_min = 3;
    c.product.group_max = 200;
    refused(sim, &c, "group_size");
    /* a village unit's loans run at most three years: 36 monthly instalments or 156 weekly
     * ones are accepted, a month more is refused, naming the field */
    c.product = ud_sim_products(sim, &n)[0];
    c.product.terms.frequency = UD_FREQ_MONTHLY;
    c.product.terms.grace = 0;
    c.product.terms.installments = 37;
    refused(sim, &c, "installments");
    c.product.terms.frequency = UD_FREQ_WEEKLY;
    c.product.terms.installments = 161;
    refused(sim, &c, "36 months");
    c.product.terms.installments = 156;
    apply_or_fail(sim, &c);
    c.product.terms.frequency = UD_FREQ_MONTHLY;
    c.product.terms.installments = 36;
    apply_or_fail(sim, &c);
    check_invariants(sim);
    ud_sim_destroy(sim);
}

static void apply_or_fail(ud_sim *sim, const ud_command *c) {
    char err[256] = "";
    if (!ud_sim_apply(sim, c, err, sizeof err)) {
        fail_msg("%s refused: %s", ud_command_name(c->type), err);
    }
}

/* One course a month for each officer: a recruit hired trained has had it, a second course
 * is refused with the reason, and the course for the whole staff trains and charges only
 * those who can take one (never an expert). */
/* An NGO takes no voluntary deposits: setting its savings rate is refused, not logged as a
 * decision that changes nothing; a cooperative may set one. */
static void test_command_an_ngo_has_no_savings_rate(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 300);
    setup.mfi.institution = UD_INST_NGO;
    ud_sim *sim = make_sim(&setup);
    run_checked(sim, 1);
    ud_command c = of(UD_CMD_SET_SAVINGS_RATE);
    c.rate = UD_RATE_PERCENT(6);
    refused(sim, &c, "an NGO takes no voluntary savings");
    ud_sim_destroy(sim);
    ud_setup_default(&setup, 300);
    setup.mfi.institution = UD_INST_COOPERATIVE;
    sim = make_sim(&setup);
    run_checked(sim, 1);
    char err[256];
    assert_true(ud_sim_apply(sim, &c, err, sizeof err));
    ud_sim_destroy(sim);
}

static void test_command_one_course_a_month(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 200);
    setup.mfi.officers.count = 2;
    setup.mfi.officers.training = 1;
    ud_sim *sim = make_sim(&setup);
    ud_command c = of(UD_CMD_HIRE);
    c.count = 1;
    c.level = 1;
    c.amount = ud_sim_market_wage(sim, 1);
    apply_or_fail(sim, &c);
    c = of(UD_CMD_TRAIN);
    c.index = 2; /* the recruit */
    refused(sim, &c, "already had a course this month");
    c.index = 0;
    apply_or_fail(sim, &c);
    refused(sim, &c, "already had a course this month");
    ud_money before = ud_books_balance_sheet(ud_sim_books(sim)).cash;
    c.index = -1; /* only officer 2 (index 1) can take one */
    apply_or_fail(sim, &c);
    assert_int_equal(before - ud_books_balance_sheet(ud_sim_books(sim)).cash,
                     setup.mfi.costs.training_cost);
    refused(sim, &c, "no officer can take a course this month");
    int n;
    const ud_officer *o = ud_sim_officers(sim, &n);
    assert_int_equal(o[0].training, 2);
    assert_int_equal(o[1].training, 2);
    assert_int_equal(o[2].training, 1);
    check_invariants(sim);
    ud_sim_destroy(sim);
}

/* Letting an officer go costs a month's salary per started year of service, at most nine
 * (Indonesia's Manpower Act); the departure counts in staff turnover. */
static void test_command_dismissal_costs_severance(void **state) {
    (void)state;
    ud_setup setup;
    ud_setup_default(&setup, 200);
    setup.mfi.officers.count = 2;
    setup.mfi.officers.experience_months = 30; /* two full years of service: three months */
    ud_sim *sim = make_sim(&setup);
    int n;
    ud_money salary = ud_sim_officers(sim, &n)[0].salary;
    assert_int_equal(ud_sim_severance(sim, 0), 3 * salary);
    ud_money before = ud_books_balance_sheet(ud_sim_books(sim)).cash;
    ud_command c = of(UD_CMD_FIRE);
    c.index = 0;
    apply_or_fail(sim, &c);
    assert_int_equal(before - ud_books_balance_sheet(ud_sim_books(sim)).cash, 3 * salary);
    assert_int_equal(ud_sim_severance(sim, 0), 0); /* gone */
    ud_sim_step(sim);
    check_invariants(sim);
    /* one departure (at least: the other may also resign) in a month of one officer: a
     * yearly rate of 12 */
    assert_true(ud_sim_indicators(sim, 1)->staff_turnover > 12.0 - 1e-9);
    ud_sim_destroy(sim);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_command_every_field_is_bounded),
        cmocka_unit_test(test_command_an_ngo_has_no_savings_rate),
        cmocka_unit_test(test_command_one_course_a_month),
        cmocka_unit_test(test_command_dismissal_costs_severance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
