/* Tests of the double-entry books: balanced postings, refusals, statements, period close. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ud/books.h"

#include <string.h>

static void test_books_start_balanced_and_stay_balanced(void **state) {
    (void)state;
    ud_books b;
    ud_books_init(&b);
    assert_int_equal(ud_books_trial_balance(&b), 0);
    assert_int_equal(ud_books_transfer(&b, "equity", UD_ACC_CASH, UD_ACC_PAID_IN_EQUITY, 500000),
                     UD_POST_OK);
    assert_int_equal(ud_books_transfer(&b, "lend", UD_ACC_LOANS, UD_ACC_CASH, 120000), UD_POST_OK);
    assert_int_equal(ud_books_transfer(&b, "rent", UD_ACC_OPERATING_EXPENSE, UD_ACC_CASH, 3000),
                     UD_POST_OK);
    ud_posting_line repay[3] = {
        {UD_ACC_CASH, 12000, 0}, {UD_ACC_INTEREST_INCOME, 0, 2000}, {UD_ACC_LOANS, 0, 10000}};
    assert_int_equal(ud_books_post(&b, "repay", repay, 3), UD_POST_OK);
    assert_int_equal(ud_books_trial_balance(&b), 0);
    ud_balance_sheet s = ud_books_balance_sheet(&b);
    assert_int_equal(s.cash, 500000 - 120000 - 3000 + 12000);
    assert_int_equal(s.gross_loans, 110000);
    assert_int_equal(s.total_assets, s.total_liabilities + s.total_equity);
    assert_int_equal(s.current_result, 2000 - 3000);
    assert_int_equal(b.postings, 4);
}

static void test_books_refuse_bad_postings_and_change_nothing(void **state) {
    (void)state;
    ud_books b;
    ud_books_init(&b);
    ud_books_transfer(&b, "equity", UD_ACC_CASH, UD_ACC_PAID_IN_EQUITY, 1000);
    ud_books before = b;
    ud_posting_line unbalanced[2] = {{UD_ACC_CASH, 100, 0}, {UD_ACC_LOANS, 0, 99}};
    assert_int_equal(ud_books_post(&b, "x", unbalanced, 2), UD_POST_UNBALANCED);
    ud_posting_line negative[2] = {{UD_ACC_CASH, -5, 0}, {UD_ACC_LOANS, 0, -5}};
    assert_int_equal(ud_books_post(&b, "x", negative, 2), UD_POST_BAD_LINE);
    ud_posting_line both[2] = {{UD_ACC_CASH, 5, 5}, {UD_ACC_LOANS, 0, 0}};
    assert_int_equal(ud_books_post(&b, "x", both, 2), UD_POST_BAD_LINE);
    ud_posting_line unknown[2] = {{UD_ACC_COUNT, 5, 0}, {UD_ACC_LOANS, 0, 5}};
    assert_int_equal(ud_books_post(&b, "x", unknown, 2), UD_POST_BAD_LINE);
    assert_int_equal(ud_books_post(&b, "x", NULL, 0), UD_POST_EMPTY);
    ud_posting_line huge[3] = {
        {UD_ACC_CASH, INT64_MAX, 0}, {UD_ACC_LOANS, 0, INT64_MAX - 10}, {UD_ACC_FEE_INCOME, 0, 10}};
    assert_int_equal(ud_books_post(&b, "x", huge, 3), UD_POST_OVERFLOW);
    assert_memory_equal(&before, &b, sizeof b);
    /* balances that each fit but whose sum in a balance sheet would not are refused: no
     * account leaves +-UD_BOOKS_MAX_BALANCE (a hostile opening portfolio overflowed the
     * balance sheet's total assets) */
    ud_books_init(&b);
    ud_posting_line at_limit[2] = {{UD_ACC_CASH, UD_BOOKS_MAX_BALANCE, 0},
                                   {UD_ACC_PAID_IN_EQUITY, 0, UD_BOOKS_MAX_BALANCE}};
    assert_int_equal(ud_books_post(&b, "x", at_limit, 2), UD_POST_OK);
    ud_posting_line past[2] = {{UD_ACC_LOANS, 1, 0}, {UD_ACC_CASH, 0, 1}};
    ud_posting_line more[2] = {{UD_ACC_CASH, 1, 0}, {UD_ACC_PAID_IN_EQUITY, 0, 1}};
    assert_int_equal(ud_books_post(&b, "x", more, 2), UD_POST_OVERFLOW);
    assert_int_equal(ud_books_post(&b, "x", past, 2), UD_POST_OK);
    ud_balance_sheet sheet = ud_books_balance_sheet(&b);
    assert_true(sheet.total_assets == UD_BOOKS_MAX_BALANCE);
}

static void test_books_close_period_moves_result_to_retained_earnings(void **state) {
    (void)state;
    ud_books b;
    ud_books_init(&b);
    ud_books_transfer(&b, "equity", UD_ACC_CASH, UD_ACC_PAID_IN_EQUITY, 100000);
    ud_books_transfer(&b, "interest", UD_ACC_CASH, UD_ACC_INTEREST_INCOME, 7000);
    ud_books_transfer(&b, "fees", UD_ACC_CASH, UD_ACC_FEE_INCOME, 500);
    ud_books_transfer(&b, "salaries", UD_ACC_OPERATING_EXPENSE, UD_ACC_CASH, 4000);
    ud_books_transfer(&b, "provision", UD_ACC_PROVISION_EXPENSE, UD_ACC_LOAN_LOSS_RESERVE, 1000);
    ud_books_transfer(&b, "recovery", UD_ACC_CASH, UD_ACC_RECOVERIES, 200);
    ud_income_statement s = ud_books_close_period(&b);
    assert_int_equal(s.financial_revenue, 7500);
    assert_int_equal(s.net_provision_expense, 800);
    assert_int_equal(s.net_result, 7500 - 800 - 4000);
    assert_int_equal(ud_books_normal_balance(&b, UD_ACC_RETAINED_EARNINGS), 2700);
    ud_income_statement after = ud_books_income_statement(&b);
    assert_int_equal(after.financial_revenue, 0);
    assert_int_equal(after.total_expense, 0);
    assert_int_equal(ud_books_trial_balance(&b), 0);
    ud_balance_sheet bs = ud_books_balance_sheet(&b);
    assert_int_equal(bs.loan_loss_reserve, 1000);
    assert_int_equal(bs.total_assets, bs.total_liabilities + bs.total_equity);
}

static void test_books_journal_remembers_recent_postings(void **state) {
    (void)state;
    ud_books b;
    ud_books_init(&b);
    b.today = 42;
    ud_books_transfer(&b, "deposit", UD_ACC_CASH, UD_ACC_CLIENT_SAVINGS, 300);
    const ud_journal_entry *e = &b.recent[0];
    assert_string_equal(e->memo, "deposit");
    assert_int_equal(e->day, 42);
    assert_int_equal(e->debit_account, UD_ACC_CASH);
    assert_int_equal(e->credit_account, UD_ACC_CLIENT_SAVINGS);
    assert_int_equal(e->amount, 300);
    assert_string_equal(ud_account_name(UD_ACC_CLIENT_SAVINGS), "client savings");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_books_start_balanced_and_stay_balanced),
        cmocka_unit_test(test_books_refuse_bad_postings_and_change_nothing),
        cmocka_unit_test(test_books_close_period_moves_result_to_retained_earnings),
        cmocka_unit_test(test_books_journal_remembers_recent_postings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
