/* Tests of loan schedules: published and hand-computed vectors, and properties of many loans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ud/schedule.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static ud_schedule sched; /* large: keep it off the stack */

static ud_loan_terms terms(ud_money principal, int rate_percent, int n, ud_frequency f,
                           ud_interest_method m, int grace) {
    ud_loan_terms t;
    memset(&t, 0, sizeof t);
    t.principal = principal;
    t.annual_rate = UD_RATE_PERCENT(rate_percent);
    t.installments = n;
    t.frequency = f;
    t.method = m;
    t.grace = grace;
    return t;
}

static void build(const ud_loan_terms *t) {
    ud_terms_error err = ud_schedule_build(t, &sched);
    if (err != UD_TERMS_OK) {
        fail_msg("expected valid terms, got '%s'", ud_terms_error_text(err));
    }
}

static void expect_payments(const ud_money *expected, int count) {
    assert_int_equal(sched.count, count);
    for (int i = 0; i < count; i++) {
        if (sched.rows[i].payment != expected[i]) {
            fail_msg("instalment %d: expected payment %lld, got %lld", i + 1,
                     (long long)expected[i], (long long)sched.rows[i].payment);
        }
    }
    assert_int_equal(sched.rows[count - 1].balance, 0);
}

/* The example of the loan-calculator specification: 1,000.00 at 24%, 12 monthly, 2 grace. */
static void test_schedule_annuity_with_grace_matches_reference(void **state) {
    (void)state;
    ud_loan_terms t = terms(100000, 24, 12, UD_FREQ_MONTHLY, UD_METHOD_DECLINING_ANNUITY, 2);
    build(&t);
    const ud_money expected[] = {2000,  2000,  11133, 11133, 11133, 11133,
                                 11133, 11133, 11133, 11133, 11133, 11128};
    expect_payments(expected, 12);
    assert_int_equal(sched.rows[0].principal, 0);
    assert_int_equal(sched.rows[2].principal, 9133);
    assert_int_equal(sched.total_principal, 100000);
    assert_int_equal(sched.total_interest, 15325);
    assert_int_equal(sched.total_fees, 0);
    assert_float_equal(sched.apr_percent, 23.9984, 0.00005);
    assert_float_equal(sched.eir_percent, 26.8222, 0.00005);
}

/* Apache Fineract's end-to-end scenario: 5,000 at 12% a year over 18 monthly instalments
 * (equal instalments, declining balance): 304.91 a month, the last 304.94. */
static void test_schedule_fineract_5000_at_12_over_18(void **state) {
    (void)state;
    ud_loan_terms t = terms(500000, 12, 18, UD_FREQ_MONTHLY, UD_METHOD_DECLINING_ANNUITY, 0);
    build(&t);
    for (int i = 0; i < 17; i++) {
        assert_int_equal(sched.rows[i].payment, 30491);
    }
    assert_int_equal(sched.rows[0].interest, 5000);
    assert_int_equal(sched.rows[0].principal, 25491);
    assert_int_equal(sched.rows[17].payment, 30494);
    assert_int_equal(sched.total_interest, 48841);
    assert_float_equal(sched.apr_percent, 12.0006, 0.00005);
}

static void test_schedule_flat_monthly(void **state) {
    (void)state;
    ud_loan_terms t = terms(100000, 24, 12, UD_FREQ_MONTHLY, UD_METHOD_FLAT, 0);
    build(&t);
    for (int i = 0; i < 11; i++) {
        assert_int_equal(sched.rows[i].interest, 2000);
        assert_int_equal(sched.rows[i].principal, 8333);
    }
    assert_int_equal(sched.rows[11].principal, 100000 - 11 * 8333);
    assert_int_equal(sched.total_interest, 24000);
    /* The MFTransparency example: a flat 24% costs about 41.7% APR. */
    assert_float_equal(sched.apr_percent, 41.70, 0.01);
}

static void test_schedule_flat_fortnightly_with_percent_fee(void **state) {
    (void)state;
    ud_loan_terms t = terms(500000, 26, 8, UD_FREQ_FORTNIGHTLY, UD_METHOD_FLAT, 0);
    t.fee_kind = UD_FEE_PERCENT;
    t.fee_rate = UD_RATE_PERCENT(2);
    build(&t);
    const ud_money expected[] = {67500, 67500, 67500, 67500, 67500, 67500, 67500, 67500};
    expect_payments(expected, 8);
    assert_int_equal(sched.total_interest, 40000);
    assert_int_equal(sched.total_fees, 10000);
    /* The fee raises the cost: the APR exceeds that of the same loan without it. */
    ud_loan_terms nofee = t;
    nofee.fee_kind = UD_FEE_NONE;
    double with_fee = sched.apr_percent;
    build(&nofee);
    assert_true(with_fee > sched.apr_percent + 5.0);
}

/* Compulsory savings withheld from the loan count in its price: one month at 2% on 1,000,000
 * with 100,000 withheld and given back against the instalment is 20,000 paid for the use of
 * 900,000, 2.222% a month (26.67% APR), where without it the APR is 24%. */
static void test_schedule_compulsory_deposit_raises_the_price(void **state) {
    (void)state;
    ud_loan_terms t = terms(1000000, 24, 1, UD_FREQ_MONTHLY, UD_METHOD_DECLINING_ANNUITY, 0);
    double apr = 0, eir = 0, plain = 0, plain_eir = 0;
    assert_int_equal(ud_schedule_cost(&t, &plain, &plain_eir), UD_TERMS_OK);
    assert_true(fabs(plain - 24.0) < 1e-6);
    assert_int_equal(ud_schedule_cost_with_deposit(&t, 100000, &apr, &eir), UD_TERMS_OK);
    assert_true(fabs(apr - 12 * 20000.0 / 900000.0 * 100) < 1e-6);
    assert_int_equal(ud_schedule_cost_with_deposit(&t, 0, &apr, &eir), UD_TERMS_OK);
    assert_true(apr == plain && eir == plain_eir);
    /* over a year of weekly instalments, a 50% deposit given back against the last half of
     * them still costs more than 5% does, and never gives an undefined rate */
    ud_loan_terms w = terms(2000000, 30, 50, UD_FREQ_WEEKLY, UD_METHOD_DECLINING_ANNUITY, 0);
    double five = 0, half = 0;
    assert_int_equal(ud_schedule_cost_with_deposit(&w, 100000, &five, &eir), UD_TERMS_OK);
    assert_int_equal(ud_schedule_cost_with_deposit(&w, 1000000, &half, &eir), UD_TERMS_OK);
    assert_false(isnan(five) || isnan(half));
    assert_true(half > five + 5.0);
}

static void test_schedule_annuity_weekly(void **state) {
    (void)state;
    ud_loan_terms t = terms(10000, 26, 10, UD_FREQ_WEEKLY, UD_METHOD_DECLINING_ANNUITY, 0);
    build(&t);
    const ud_money expected[] = {1028, 1028, 1028, 1028, 1028, 1028, 1028, 1028, 1028, 1023};
    expect_payments(expected, 10);
    assert_int_equal(sched.total_interest, 275);
}

static void test_schedule_annuity_fortnightly_with_grace(void **state) {
    (void)state;
    ud_loan_terms t = terms(250000, 18, 24, UD_FREQ_FORTNIGHTLY, UD_METHOD_DECLINING_ANNUITY, 4);
    build(&t);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(sched.rows[i].payment, 1731); /* 250,000 x 18% / 26, rounded */
        assert_int_equal(sched.rows[i].principal, 0);
    }
    for (int i = 4; i < 23; i++) {
        assert_int_equal(sched.rows[i].payment, 13428);
    }
    assert_int_equal(sched.rows[23].payment, 13436);
    assert_int_equal(sched.total_interest, 25492);
}

static void test_schedule_equal_principal(void **state) {
    (void)state;
    ud_loan_terms t =
        terms(120000, 12, 12, UD_FREQ_MONTHLY, UD_METHOD_DECLINING_EQUAL_PRINCIPAL, 0);
    build(&t);
    for (int i = 0; i < 12; i++) {
        assert_int_equal(sched.rows[i].principal, 10000);
        assert_int_equal(sched.rows[i].interest, 1200 - 100 * i);
    }
    assert_int_equal(sched.total_interest, 7800);
}

static void test_schedule_equal_principal_with_grace_and_flat_fee(void **state) {
    (void)state;
    ud_loan_terms t = terms(100000, 12, 6, UD_FREQ_MONTHLY, UD_METHOD_DECLINING_EQUAL_PRINCIPAL, 2);
    t.fee_kind = UD_FEE_FLAT;
    t.fee_flat = 1500;
    build(&t);
    const ud_money expected[] = {1000, 1000, 26000, 25750, 25500, 25250};
    expect_payments(expected, 6);
    assert_int_equal(sched.total_interest, 4500);
    assert_int_equal(sched.total_fees, 1500);
}

static void test_schedule_zero_rate(void **state) {
    (void)state;
    ud_loan_terms t = terms(1000, 0, 3, UD_FREQ_MONTHLY, UD_METHOD_DECLINING_ANNUITY, 0);
    build(&t);
    const ud_money expected[] = {333, 333, 334};
    expect_payments(expected, 3);
    assert_float_equal(sched.apr_percent, 0.0, 0.0001);
}

static void test_schedule_rejects_bad_terms(void **state) {
    (void)state;
    ud_loan_terms good = terms(1000, 24, 12, UD_FREQ_MONTHLY, UD_METHOD_FLAT, 0);
    ud_loan_terms t = good;
    t.principal = 0;
    assert_int_equal(ud_terms_validate(&t), UD_TERMS_PRINCIPAL);
    t = good;
    t.annual_rate = UD_RATE_PERCENT(1001);
    assert_int_equal(ud_terms_validate(&t), UD_TERMS_RATE);
    t = good;
    t.installments = 0;
    assert_int_equal(ud_terms_validate(&t), UD_TERMS_INSTALLMENTS);
    t = good;
    t.grace = 12;
    assert_int_equal(ud_terms_validate(&t), UD_TERMS_GRACE);
    t = good;
    t.frequency = UD_FREQ_COUNT;
    assert_int_equal(ud_terms_validate(&t), UD_TERMS_FREQUENCY);
    t = good;
    t.method = UD_METHOD_COUNT;
    assert_int_equal(ud_terms_validate(&t), UD_TERMS_METHOD);
    t = good;
    t.fee_kind = UD_FEE_FLAT;
    t.fee_flat = 1000;
    assert_int_equal(ud_terms_validate(&t), UD_TERMS_FEE);
}

/* The largest computation: ten years weekly at the maximum rate and principal. */
static void test_schedule_extremes_stay_exact(void **state) {
    (void)state;
    ud_loan_terms t = terms(INT64_C(1000000000000000), 1000, UD_MAX_INSTALLMENTS, UD_FREQ_WEEKLY,
                            UD_METHOD_DECLINING_ANNUITY, 0);
    build(&t);
    assert_int_equal(sched.total_principal, t.principal);
    assert_int_equal(sched.rows[sched.count - 1].balance, 0);
    t.method = UD_METHOD_FLAT;
    build(&t);
    assert_int_equal(sched.total_principal, t.principal);
}

/* A small deterministic generator for the property tests. */
static uint64_t lcg_state = 0x9E3779B97F4A7C15u;
static uint32_t next_u32(void) {
    lcg_state = lcg_state * 6364136223846793005u + 1442695040888963407u;
    return (uint32_t)(lcg_state >> 33);
}

static void test_schedule_properties_hold_for_many_loans(void **state) {
    (void)state;
    for (int i = 0; i < 3000; i++) {
        ud_loan_terms t;
        memset(&t, 0, sizeof t);
        t.principal = 100000 + next_u32() % 100000000;
        t.annual_rate = (ud_rate)(next_u32() % 6000) * 10000; /* 0 to 60% in basis points */
        t.installments = 1 + (int)(next_u32() % 104);
        t.grace = (int)(next_u32() % (unsigned)t.installments) / 3;
        t.frequency = (ud_frequency)(next_u32() % UD_FREQ_COUNT);
        t.method = (ud_interest_method)(next_u32() % UD_METHOD_COUNT);
        build(&t);
        ud_money principal = 0;
        for (int k = 0; k < sched.count; k++) {
            const ud_installment *r = &sched.rows[k];
            if (r->principal < 0 || r->interest < 0 || r->balance < 0) {
                fail_msg("loan %d row %d has a negative amount", i, k + 1);
            }
            principal += r->principal;
        }
        assert_int_equal(sched.count, t.installments);
        assert_int_equal(principal, t.principal);
        assert_int_equal(sched.rows[sched.count - 1].balance, 0);
        double nominal = ud_rate_to_percent(t.annual_rate);
        if (t.method != UD_METHOD_FLAT) {
            if (fabs(sched.apr_percent - nominal) > 0.01) {
                fail_msg("loan %d: declining-balance APR %.4f should equal the nominal %.4f", i,
                         sched.apr_percent, nominal);
            }
        } else if (t.annual_rate >= UD_RATE_PERCENT(1) && t.installments - t.grace >= 2) {
            if (!(sched.apr_percent > nominal)) {
                fail_msg("loan %d: flat APR %.4f should exceed the nominal %.4f", i,
                         sched.apr_percent, nominal);
            }
        }
        if (!(sched.eir_percent >= sched.apr_percent - 1e-9)) {
            fail_msg("loan %d: EIR %.4f below APR %.4f", i, sched.eir_percent, sched.apr_percent);
        }
    }
}

/* Walking the plan with a cursor gives exactly the rows of the built schedule. */
static void test_schedule_cursor_matches_build(void **state) {
    (void)state;
    ud_loan_terms t = terms(777777, 31, 26, UD_FREQ_WEEKLY, UD_METHOD_FLAT, 3);
    build(&t);
    ud_schedule_plan plan;
    assert_int_equal(ud_schedule_plan_make(&t, &plan), UD_TERMS_OK);
    ud_schedule_cursor c = ud_schedule_start(&plan);
    ud_installment row;
    int k = 0;
    while (ud_schedule_next(&plan, &c, &row)) {
        const ud_installment *want = &sched.rows[k];
        assert_int_equal(row.n, want->n);
        assert_int_equal(row.principal, want->principal);
        assert_int_equal(row.interest, want->interest);
        assert_int_equal(row.payment, want->payment);
        assert_int_equal(row.balance, want->balance);
        k++;
    }
    assert_int_equal(k, 26);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schedule_annuity_with_grace_matches_reference),
        cmocka_unit_test(test_schedule_fineract_5000_at_12_over_18),
        cmocka_unit_test(test_schedule_flat_monthly),
        cmocka_unit_test(test_schedule_flat_fortnightly_with_percent_fee),
        cmocka_unit_test(test_schedule_compulsory_deposit_raises_the_price),
        cmocka_unit_test(test_schedule_annuity_weekly),
        cmocka_unit_test(test_schedule_annuity_fortnightly_with_grace),
        cmocka_unit_test(test_schedule_equal_principal),
        cmocka_unit_test(test_schedule_equal_principal_with_grace_and_flat_fee),
        cmocka_unit_test(test_schedule_zero_rate),
        cmocka_unit_test(test_schedule_rejects_bad_terms),
        cmocka_unit_test(test_schedule_extremes_stay_exact),
        cmocka_unit_test(test_schedule_properties_hold_for_many_loans),
        cmocka_unit_test(test_schedule_cursor_matches_build),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
