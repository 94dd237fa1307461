/* Double-entry books: atomic balanced postings, trial balance, statements and period close. */
#include "ud/books.h"

#include <string.h>

static const struct {
    const char *name;
    ud_account_class cls;
} chart[UD_ACC_COUNT] = {
    [UD_ACC_CASH] = {"cash", UD_CLASS_ASSET},
    [UD_ACC_LOANS] = {"loans outstanding", UD_CLASS_ASSET},
    [UD_ACC_LOAN_LOSS_RESERVE] = {"loan-loss reserve", UD_CLASS_ASSET},
    [UD_ACC_FIXED_ASSETS] = {"fixed assets", UD_CLASS_ASSET},
    [UD_ACC_UNEARNED_FEES] = {"unearned loan fees", UD_CLASS_ASSET},
    [UD_ACC_CLIENT_SAVINGS] = {"client savings", UD_CLASS_LIABILITY},
    [UD_ACC_BORROWINGS] = {"borrowings", UD_CLASS_LIABILITY},
    [UD_ACC_PAID_IN_EQUITY] = {"paid-in equity", UD_CLASS_EQUITY},
    [UD_ACC_DONATED_EQUITY] = {"donated equity", UD_CLASS_EQUITY},
    [UD_ACC_RETAINED_EARNINGS] = {"retained earnings", UD_CLASS_EQUITY},
    [UD_ACC_INTEREST_INCOME] = {"interest income", UD_CLASS_INCOME},
    [UD_ACC_FEE_INCOME] = {"fee income", UD_CLASS_INCOME},
    [UD_ACC_INVESTMENT_INCOME] = {"investment income", UD_CLASS_INCOME},
    [UD_ACC_RECOVERIES] = {"recoveries of written-off loans", UD_CLASS_INCOME},
    [UD_ACC_FINANCIAL_EXPENSE] = {"financial expense", UD_CLASS_EXPENSE},
    [UD_ACC_PROVISION_EXPENSE] = {"loan-loss provision expense", UD_CLASS_EXPENSE},
    [UD_ACC_OPERATING_EXPENSE] = {"operating expense", UD_CLASS_EXPENSE},
};

ud_account_class ud_account_class_of(ud_account account) {
    return chart[account].cls;
}

const char *ud_account_name(ud_account account) {
    return (unsigned)account < UD_ACC_COUNT ? chart[account].name : "?";
}

const char *ud_post_status_text(ud_post_status status) {
    switch (status) {
    case UD_POST_OK:
        return "ok";
    case UD_POST_EMPTY:
        return "a posting needs at least one line";
    case UD_POST_BAD_LINE:
        return "a line has an unknown account or a negative, double or missing amount";
    case UD_POST_UNBALANCED:
        return "debits and credits differ";
    case UD_POST_OVERFLOW:
        return "an account balance would overflow";
    }
    return "invalid posting";
}

void ud_books_init(ud_books *books) {
    memset(books, 0, sizeof *books);
}

ud_post_status ud_books_post(ud_books *books, const char *memo, const ud_posting_line *lines,
                             int count) {
    if (count <= 0) {
        return UD_POST_EMPTY;
    }
    ud_money debits = 0, credits = 0;
    ud_money next[UD_ACC_COUNT];
    memcpy(next, books->balance, sizeof next);
    int first_debit = -1, first_credit = -1;
    for (int i = 0; i < count; i++) {
        const ud_posting_line *l = &lines[i];
        if ((unsigned)l->account >= UD_ACC_COUNT || l->debit < 0 || l->credit < 0 ||
            (l->debit > 0 && l->credit > 0)) {
            return UD_POST_BAD_LINE;
        }
        if (!ud_money_add(debits, l->debit, &debits) ||
            !ud_money_add(credits, l->credit, &credits) ||
            !ud_money_add(next[l->account], l->debit, &next[l->account]) ||
            !ud_money_sub(next[l->account], l->credit, &next[l->account]) ||
            next[l->account] > UD_BOOKS_MAX_BALANCE || next[l->account] < -UD_BOOKS_MAX_BALANCE) {
            return UD_POST_OVERFLOW;
        }
        if (l->debit > 0 && first_debit < 0) {
            first_debit = i;
        }
        if (l->credit > 0 && first_credit < 0) {
            first_credit = i;
        }
    }
    if (debits != credits) {
        return UD_POST_UNBALANCED;
    }
    if (debits == 0) {
        return UD_POST_OK; /* nothing moves: no journal noise */
    }
    memcpy(books->balance, next, sizeof next);
    ud_journal_entry *e = &books->recent[books->postings % UD_JOURNAL_RECENT];
    e->day = books->today;
    e->memo = memo;
    e->debit_account = lines[first_debit].account;
    e->credit_account = lines[first_credit].account;
    e->amount = debits;
    books->postings++;
    return UD_POST_OK;
}

ud_post_status ud_books_transfer(ud_books *books, const char *memo, ud_account debit,
                                 ud_account credit, ud_money amount) {
    ud_posting_line lines[2] = {{debit, amount, 0}, {credit, 0, amount}};
    return ud_books_post(books, memo, lines, 2);
}

ud_money ud_books_normal_balance(const ud_books *books, ud_account account) {
    ud_account_class cls = chart[account].cls;
    ud_money b = books->balance[account];
    bool debit_normal = (cls == UD_CLASS_ASSET || cls == UD_CLASS_EXPENSE);
    /* The reserve and unearned fees are contra-assets: shown as positive amounts deducted
     * from assets. */
    if (account == UD_ACC_LOAN_LOSS_RESERVE || account == UD_ACC_UNEARNED_FEES) {
        return -b;
    }
    return debit_normal ? b : -b;
}

ud_money ud_books_trial_balance(const ud_books *books) {
    ud_money sum = 0;
    for (int i = 0; i < UD_ACC_COUNT; i++) {
        sum += books->balance[i];
    }
    return sum;
}

ud_income_statement ud_books_income_statement(const ud_books *books) {
    ud_income_statement s;
#define NB(acc) ud_books_normal_balance(books, acc)
    s.interest_income = NB(UD_ACC_INTEREST_INCOME);
    s.fee_income = NB(UD_ACC_FEE_INCOME);
    s.investment_income = NB(UD_ACC_INVESTMENT_INCOME);
    s.loan_revenue = s.interest_income + s.fee_income;
    s.financial_revenue = s.loan_revenue + s.investment_income;
    s.financial_expense = NB(UD_ACC_FINANCIAL_EXPENSE);
    s.provision_expense = NB(UD_ACC_PROVISION_EXPENSE);
    s.recoveries = NB(UD_ACC_RECOVERIES);
    s.net_provision_expense = s.provision_expense - s.recoveries;
    s.operating_expense = NB(UD_ACC_OPERATING_EXPENSE);
#undef NB
    s.total_expense = s.financial_expense + s.net_provision_expense + s.operating_expense;
    s.net_result = s.financial_revenue - s.total_expense;
    return s;
}

ud_balance_sheet ud_books_balance_sheet(const ud_books *books) {
    ud_balance_sheet s;
#define NB(acc) ud_books_normal_balance(books, acc)
    s.cash = NB(UD_ACC_CASH);
    s.gross_loans = NB(UD_ACC_LOANS);
    s.loan_loss_reserve = NB(UD_ACC_LOAN_LOSS_RESERVE);
    s.unearned_fees = NB(UD_ACC_UNEARNED_FEES);
    s.fixed_assets = NB(UD_ACC_FIXED_ASSETS);
    s.total_assets =
        s.cash + s.gross_loans - s.loan_loss_reserve - s.unearned_fees + s.fixed_assets;
    s.client_savings = NB(UD_ACC_CLIENT_SAVINGS);
    s.borrowings = NB(UD_ACC_BORROWINGS);
    s.total_liabilities = s.client_savings + s.borrowings;
    s.paid_in_equity = NB(UD_ACC_PAID_IN_EQUITY);
    s.donated_equity = NB(UD_ACC_DONATED_EQUITY);
    s.retained_earnings = NB(UD_ACC_RETAINED_EARNINGS);
#undef NB
    s.current_result = ud_books_income_statement(books).net_result;
    s.total_equity = s.paid_in_equity + s.donated_equity + s.retained_earnings + s.current_result;
    return s;
}

ud_income_statement ud_books_close_period(ud_books *books) {
    ud_income_statement s = ud_books_income_statement(books);
    /* Zero every income and expense account against retained earnings: one posting. */
    ud_posting_line lines[UD_ACC_COUNT];
    int n = 0;
    ud_money net_debit = 0;
    for (int i = 0; i < UD_ACC_COUNT; i++) {
        ud_account_class cls = chart[i].cls;
        ud_money b = books->balance[i];
        if ((cls != UD_CLASS_INCOME && cls != UD_CLASS_EXPENSE) || b == 0) {
            continue;
        }
        lines[n].account = (ud_account)i;
        lines[n].debit = b < 0 ? -b : 0;
        lines[n].credit = b > 0 ? b : 0;
        net_debit += b; /* what the closing lines leave to balance */
        n++;
    }
    if (n > 0) {
        lines[n].account = UD_ACC_RETAINED_EARNINGS;
        lines[n].debit = net_debit > 0 ? net_debit : 0;
        lines[n].credit = net_debit < 0 ? -net_debit : 0;
        ud_books_post(books, "close the month: result to retained earnings", lines,
                      net_debit != 0 ? n + 1 : n);
    }
    return s;
}
