/* Tests of loan accounts: the life of a loan and the postings it leaves in the books. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ud/loan.h"

#include <string.h>

typedef struct fixture {
    ud_books books;
    ud_loan loan;
    ud_loan_terms terms;
} fixture;

static fixture fx;

/* 1,200.00 at 12% over 12 months, equal principal: 100.00 principal a month. */
static int setup(void **state) {
    (void)state;
    memset(&fx, 0, sizeof fx);
    ud_books_init(&fx.books);
    ud_books_transfer(&fx.books, "equity", UD_ACC_CASH, UD_ACC_PAID_IN_EQUITY, 10000000);
    fx.terms.principal = 120000;
    fx.terms.annual_rate = UD_RATE_PERCENT(12);
    fx.terms.installments = 12;
    fx.terms.frequency = UD_FREQ_MONTHLY;
    fx.terms.method = UD_METHOD_DECLINING_EQUAL_PRINCIPAL;
    fx.terms.fee_kind = UD_FEE_PERCENT;
    fx.terms.fee_rate = UD_RATE_PERCENT(1);
    return 0;
}

static void assert_books_carry_loan(void) {
    assert_int_equal(ud_books_trial_balance(&fx.books), 0);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_LOANS),
                     fx.loan.principal_outstanding);
}

static void test_loan_disbursement_posts_principal_and_fee(void **state) {
    (void)state;
    assert_int_equal(ud_loan_disburse(&fx.loan, &fx.books, &fx.terms, 0), UD_TERMS_OK);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_CASH), 10000000 - 120000 + 1200);
    /* the fee is paid now but earned over the loan's life */
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_FEE_INCOME), 0);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_UNEARNED_FEES), 1200);
    assert_int_equal(ud_books_balance_sheet(&fx.books).total_assets, 10000000);
    assert_books_carry_loan();
    ud_loan_terms bad = fx.terms;
    bad.installments = 0;
    ud_books before = fx.books;
    ud_loan other;
    assert_int_equal(ud_loan_disburse(&other, &fx.books, &bad, 0), UD_TERMS_INSTALLMENTS);
    assert_memory_equal(&before, &fx.books, sizeof before);
}

static void test_loan_paid_on_time_closes_with_exact_totals(void **state) {
    (void)state;
    ud_loan_disburse(&fx.loan, &fx.books, &fx.terms, 0);
    for (int m = 1; m <= 12; m++) {
        assert_int_equal(ud_loan_fall_due(&fx.loan, m * 30), 1);
        ud_money due = ud_loan_amount_due(&fx.loan);
        assert_int_equal(due, 10000 + (1200 - 100 * (m - 1)));
        ud_payment_split s = ud_loan_pay(&fx.loan, &fx.books, due + 999); /* never overpaid */
        assert_int_equal(s.total, due);
        assert_int_equal(ud_loan_days_in_arrears(&fx.loan, m * 30 + 15), 0);
        assert_books_carry_loan();
        /* a twelfth of the principal each month earns a twelfth of the fee */
        assert_int_equal(s.fee, 100);
        assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_FEE_INCOME), 100 * m);
    }
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_UNEARNED_FEES), 0);
    assert_int_equal(fx.loan.status, UD_LOAN_CLOSED);
    assert_int_equal(fx.loan.interest_paid, 7800);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_INTEREST_INCOME), 7800);
}

static void test_loan_arrears_age_from_the_oldest_unpaid_instalment(void **state) {
    (void)state;
    ud_loan_disburse(&fx.loan, &fx.books, &fx.terms, 10);
    ud_loan_fall_due(&fx.loan, 40); /* instalment 1 due on day 40 */
    assert_int_equal(ud_loan_days_in_arrears(&fx.loan, 40), 0);
    assert_int_equal(ud_loan_days_in_arrears(&fx.loan, 75), 35);
    ud_loan_fall_due(&fx.loan, 100); /* instalments 2 (day 70) and 3 (day 100) */
    assert_int_equal(fx.loan.fallen_due, 3);
    /* A partial payment: interest of instalment 1 (12.00) then part of its principal. */
    ud_payment_split s = ud_loan_pay(&fx.loan, &fx.books, 5000);
    assert_int_equal(s.interest, 1200);
    assert_int_equal(s.principal, 3800);
    assert_int_equal(ud_loan_days_in_arrears(&fx.loan, 100), 60);
    /* Finish instalment 1 (62.00 left): the oldest unpaid is now instalment 2, due day 70. */
    ud_loan_pay(&fx.loan, &fx.books, 6200);
    assert_int_equal(fx.loan.oldest_unpaid, 2);
    assert_int_equal(ud_loan_days_in_arrears(&fx.loan, 100), 30);
    assert_books_carry_loan();
}

static void test_loan_prepayment_waives_future_interest(void **state) {
    (void)state;
    ud_loan_disburse(&fx.loan, &fx.books, &fx.terms, 0);
    ud_loan_fall_due(&fx.loan, 30);
    ud_loan_pay(&fx.loan, &fx.books, ud_loan_amount_due(&fx.loan));
    ud_loan_fall_due(&fx.loan, 60);
    assert_int_equal(ud_loan_payoff_amount(&fx.loan), 1100 + 110000);
    ud_payment_split s = ud_loan_prepay(&fx.loan, &fx.books);
    assert_int_equal(s.principal, 110000);
    assert_int_equal(s.fee, 1100); /* the rest of the fee is earned when the loan ends */
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_FEE_INCOME), 1200);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_UNEARNED_FEES), 0);
    assert_int_equal(fx.loan.status, UD_LOAN_CLOSED);
    assert_books_carry_loan();
}

static void test_loan_reschedule_carries_overdue_interest(void **state) {
    (void)state;
    ud_loan_disburse(&fx.loan, &fx.books, &fx.terms, 0);
    ud_loan_fall_due(&fx.loan, 90); /* three instalments unpaid */
    ud_loan_terms longer = fx.terms;
    longer.installments = 24;
    longer.method = UD_METHOD_DECLINING_ANNUITY;
    assert_int_equal(ud_loan_reschedule(&fx.loan, &longer, 95), UD_TERMS_OK);
    assert_true(fx.loan.rescheduled);
    assert_int_equal(ud_loan_days_in_arrears(&fx.loan, 95), 0);
    assert_int_equal(ud_loan_amount_due(&fx.loan), 0);
    ud_loan_fall_due(&fx.loan, 125);
    /* First new instalment: its own interest on 1,200.00 plus 12.00+11.00+10.00 carried. */
    assert_int_equal(fx.loan.overdue_interest, 1200 + 3300);
    longer.installments = 0;
    ud_loan copy = fx.loan;
    assert_int_equal(ud_loan_reschedule(&fx.loan, &longer, 130), UD_TERMS_INSTALLMENTS);
    assert_memory_equal(&copy, &fx.loan, sizeof copy);
}

static void test_loan_write_off_and_recovery(void **state) {
    (void)state;
    ud_loan_disburse(&fx.loan, &fx.books, &fx.terms, 0);
    ud_books_transfer(&fx.books, "provision", UD_ACC_PROVISION_EXPENSE, UD_ACC_LOAN_LOSS_RESERVE,
                      50000);
    ud_money w = ud_loan_write_off(&fx.loan, &fx.books);
    assert_int_equal(w, 120000);
    assert_int_equal(fx.loan.status, UD_LOAN_WRITTEN_OFF);
    /* the 12.00 fee never earned is not a loss: 50,000 from the reserve, the rest expense */
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_LOAN_LOSS_RESERVE), 0);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_UNEARNED_FEES), 0);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_FEE_INCOME), 0);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_PROVISION_EXPENSE), 120000 - 1200);
    assert_int_equal(ud_loan_recover(&fx.loan, &fx.books, 30000), 30000);
    assert_int_equal(ud_loan_recover(&fx.loan, &fx.books, 500000), 90000);
    assert_int_equal(ud_loan_recover(&fx.loan, &fx.books, 1), 0);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_RECOVERIES), 120000);
    assert_int_equal(ud_books_trial_balance(&fx.books), 0);
    assert_int_equal(ud_books_normal_balance(&fx.books, UD_ACC_LOANS), 0);
}

static void test_loan_weekly_instalments_fall_due_within_a_month(void **state) {
    (void)state;
    fx.terms.frequency = UD_FREQ_WEEKLY;
    fx.terms.installments = 16;
    ud_loan_disburse(&fx.loan, &fx.books, &fx.terms, 0);
    assert_int_equal(ud_loan_fall_due(&fx.loan, 30), 4); /* days 7, 14, 21, 28 */
    assert_int_equal(ud_loan_fall_due(&fx.loan, 60), 4); /* days 35 .. 56 */
    assert_int_equal(ud_loan_days_in_arrears(&fx.loan, 60), 53);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_loan_disbursement_posts_principal_and_fee, setup),
        cmocka_unit_test_setup(test_loan_paid_on_time_closes_with_exact_totals, setup),
        cmocka_unit_test_setup(test_loan_arrears_age_from_the_oldest_unpaid_instalment, setup),
        cmocka_unit_test_setup(test_loan_prepayment_waives_future_interest, setup),
        cmocka_unit_test_setup(test_loan_reschedule_carries_overdue_interest, setup),
        cmocka_unit_test_setup(test_loan_write_off_and_recovery, setup),
        cmocka_unit_test_setup(test_loan_weekly_instalments_fall_due_within_a_month, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
