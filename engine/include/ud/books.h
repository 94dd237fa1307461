/* Double-entry books of an MFI in integer minor units: chart of accounts, postings, statements. */
#ifndef UD_BOOKS_H
#define UD_BOOKS_H

#include "ud/money.h"

/* The chart of accounts. Balances are kept debit-positive: assets and expenses are
 * normally positive, liabilities, equity, income and contra-assets normally negative. */
typedef enum ud_account {
    /* assets */
    UD_ACC_CASH = 0,
    UD_ACC_LOANS,             /* gross loan portfolio: principal outstanding */
    UD_ACC_LOAN_LOSS_RESERVE, /* contra-asset: impairment allowance */
    UD_ACC_FIXED_ASSETS,
    UD_ACC_UNEARNED_FEES, /* contra-asset: up-front fees not yet earned (IFRS 9 amortised cost) */
    /* liabilities */
    UD_ACC_CLIENT_SAVINGS,
    UD_ACC_BORROWINGS,
    /* equity */
    UD_ACC_PAID_IN_EQUITY,
    UD_ACC_DONATED_EQUITY, /* grants, kept below the line as SEEP recommends */
    UD_ACC_RETAINED_EARNINGS,
    /* income */
    UD_ACC_INTEREST_INCOME,
    UD_ACC_FEE_INCOME,
    UD_ACC_INVESTMENT_INCOME, /* interest earned on idle cash placed with a bank */
    UD_ACC_RECOVERIES,        /* recoveries of loans written off earlier */
    /* expenses */
    UD_ACC_FINANCIAL_EXPENSE, /* interest on savings and borrowings */
    UD_ACC_PROVISION_EXPENSE,
    UD_ACC_OPERATING_EXPENSE,
    UD_ACC_COUNT
} ud_account;

typedef enum ud_account_class {
    UD_CLASS_ASSET,
    UD_CLASS_LIABILITY,
    UD_CLASS_EQUITY,
    UD_CLASS_INCOME,
    UD_CLASS_EXPENSE
} ud_account_class;

ud_account_class ud_account_class_of(ud_account account);
const char *ud_account_name(ud_account account);

/* One line of a posting: exactly one of debit and credit is positive. */
typedef struct ud_posting_line {
    ud_account account;
    ud_money debit;
    ud_money credit;
} ud_posting_line;

/* A posting remembered for the "explain this posting" view (memo is a static string). */
typedef struct ud_journal_entry {
    int32_t day;
    const char *memo;
    ud_account debit_account, credit_account; /* the first debit and first credit line */
    ud_money amount;                          /* total debits */
} ud_journal_entry;

#define UD_JOURNAL_RECENT 64

typedef struct ud_books {
    ud_money balance[UD_ACC_COUNT];             /* debit-positive */
    int64_t postings;                           /* accepted postings so far */
    int32_t today;                              /* stamped on journal entries */
    ud_journal_entry recent[UD_JOURNAL_RECENT]; /* ring buffer, newest at postings-1 */
} ud_books;

/* No account's balance may leave +-this, so that a statement adding up to 64 of them (a
 * balance sheet, an income statement) cannot overflow: 1.4e17 minor units, far beyond any
 * village unit in any currency. */
#define UD_BOOKS_MAX_BALANCE (INT64_MAX / 64)

typedef enum ud_post_status {
    UD_POST_OK = 0,
    UD_POST_EMPTY,      /* no lines */
    UD_POST_BAD_LINE,   /* unknown account, negative amount, or both or neither side set */
    UD_POST_UNBALANCED, /* debits differ from credits */
    UD_POST_OVERFLOW    /* a balance would leave +-UD_BOOKS_MAX_BALANCE */
} ud_post_status;

void ud_books_init(ud_books *books);

/* Posts the lines atomically: every line is applied, or (on any error) none is.
 * memo must outlive the books (a string literal). */
ud_post_status ud_books_post(ud_books *books, const char *memo, const ud_posting_line *lines,
                             int count);
/* Debit one account and credit another with the same amount (>= 0). */
ud_post_status ud_books_transfer(ud_books *books, const char *memo, ud_account debit,
                                 ud_account credit, ud_money amount);
const char *ud_post_status_text(ud_post_status status);

/* Balance of an account in its normal sign (a liability of 100 reads 100). */
ud_money ud_books_normal_balance(const ud_books *books, ud_account account);
/* Sum of all debit-positive balances: zero when the books balance. */
ud_money ud_books_trial_balance(const ud_books *books);

typedef struct ud_balance_sheet {
    ud_money cash, gross_loans, loan_loss_reserve, unearned_fees, fixed_assets, total_assets;
    ud_money client_savings, borrowings, total_liabilities;
    ud_money paid_in_equity, donated_equity, retained_earnings, current_result, total_equity;
} ud_balance_sheet;

typedef struct ud_income_statement {
    ud_money interest_income, fee_income, investment_income, financial_revenue;
    ud_money loan_revenue; /* interest and fees from loans: the numerator of yield */
    ud_money financial_expense, provision_expense, recoveries, net_provision_expense;
    ud_money operating_expense, total_expense, net_result;
} ud_income_statement;

/* The balance sheet now; total_assets == total_liabilities + total_equity always holds for
 * balanced books (the unclosed result of the period is shown within equity). */
ud_balance_sheet ud_books_balance_sheet(const ud_books *books);
/* The income statement of the period not yet closed. */
ud_income_statement ud_books_income_statement(const ud_books *books);
/* Closes the period: moves the net result into retained earnings and returns the statement
 * of the period that closed. */
ud_income_statement ud_books_close_period(ud_books *books);

#endif
