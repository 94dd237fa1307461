/* Loan accounts: the life of one loan and its postings to the books. */
#include "ud/loan.h"

#include <string.h>

/* The next row of a cursor, with interest carried by a reschedule added to row 1. */
static bool next_row(const ud_loan *loan, ud_schedule_cursor *cursor, ud_installment *row) {
    if (!ud_schedule_next(&loan->plan, cursor, row)) {
        return false;
    }
    if (row->n == 1 && loan->carried_interest > 0) {
        row->interest += loan->carried_interest;
        row->payment += loan->carried_interest;
    }
    return true;
}

ud_terms_error ud_loan_disburse(ud_loan *loan, ud_books *books, const ud_loan_terms *terms,
                                int32_t day) {
    ud_schedule_plan plan;
    ud_terms_error err = ud_schedule_plan_make(terms, &plan);
    if (err != UD_TERMS_OK) {
        return err;
    }
    ud_posting_line lines[3] = {
        {UD_ACC_LOANS, terms->principal, 0},
        {UD_ACC_CASH, 0, terms->principal - plan.upfront_fee},
        {UD_ACC_UNEARNED_FEES, 0, plan.upfront_fee},
    };
    if (ud_books_post(books, "disburse a loan (fee deducted up front, earned over its life)", lines,
                      3) != UD_POST_OK) {
        return UD_TERMS_TOO_LARGE;
    }
    memset(loan, 0, sizeof *loan);
    loan->fee_unearned = plan.upfront_fee;
    loan->plan = plan;
    loan->due_cursor = ud_schedule_start(&plan);
    loan->paid_cursor = loan->due_cursor;
    loan->principal_outstanding = terms->principal;
    loan->disbursed_day = day;
    loan->status = UD_LOAN_ACTIVE;
    return UD_TERMS_OK;
}

int32_t ud_loan_due_day(const ud_loan *loan, int k) {
    return loan->disbursed_day + k * ud_frequency_days((ud_frequency)loan->plan.frequency);
}

/* Loads the next unpaid instalment into the "oldest" slot, if one has fallen due. */
static void load_oldest(ud_loan *loan) {
    ud_installment row;
    do {
        /* Rows that ask for nothing (a zero-rate grace period) are never in arrears. */
        if (loan->paid_cursor.next > loan->fallen_due ||
            !next_row(loan, &loan->paid_cursor, &row)) {
            loan->oldest_unpaid = 0;
            loan->oldest_interest_left = loan->oldest_principal_left = 0;
            return;
        }
    } while (row.payment == 0);
    loan->oldest_unpaid = (int16_t)row.n;
    loan->oldest_unpaid_due_day = ud_loan_due_day(loan, row.n);
    loan->oldest_interest_left = row.interest;
    loan->oldest_principal_left = row.principal;
}

int ud_loan_fall_due(ud_loan *loan, int32_t day) {
    if (loan->status != UD_LOAN_ACTIVE) {
        return 0;
    }
    int fell = 0;
    ud_installment row;
    while (loan->due_cursor.next <= loan->plan.installments &&
           ud_loan_due_day(loan, loan->due_cursor.next) <= day) {
        next_row(loan, &loan->due_cursor, &row);
        loan->fallen_due = (int16_t)row.n;
        loan->overdue_interest += row.interest;
        loan->overdue_principal += row.principal;
        fell++;
    }
    if (fell > 0 && loan->oldest_unpaid == 0) {
        load_oldest(loan);
    }
    return fell;
}

ud_money ud_loan_amount_due(const ud_loan *loan) {
    return loan->overdue_interest + loan->overdue_principal;
}

/* The share of the unearned fee that `principal` repaid earns: in proportion to the
 * principal, all of it with the last of the principal. Repaying the principal is how a
 * flat or declining loan runs its life, so the fee is earned about as the effective-interest
 * method would earn it, and a grace period of interest only earns none of it. */
static ud_money fee_earned(const ud_loan *loan, ud_money principal) {
    if (loan->fee_unearned <= 0 || principal <= 0) {
        return 0;
    }
    if (principal >= loan->principal_outstanding) {
        return loan->fee_unearned;
    }
    return ud_div_round_half_even((__int128)loan->fee_unearned * principal,
                                  loan->principal_outstanding);
}

static void post_payment(ud_books *books, const ud_payment_split *s) {
    ud_posting_line lines[5] = {
        {UD_ACC_CASH, s->total, 0},      {UD_ACC_INTEREST_INCOME, 0, s->interest},
        {UD_ACC_LOANS, 0, s->principal}, {UD_ACC_UNEARNED_FEES, s->fee, 0},
        {UD_ACC_FEE_INCOME, 0, s->fee},
    };
    ud_books_post(books, "repayment: interest, then principal (and the fee it earns)", lines, 5);
}

static void close_if_repaid(ud_loan *loan) {
    if (loan->principal_outstanding == 0 && ud_loan_amount_due(loan) == 0 &&
        loan->due_cursor.next > loan->plan.installments) {
        loan->status = UD_LOAN_CLOSED;
    }
}

ud_payment_split ud_loan_pay(ud_loan *loan, ud_books *books, ud_money amount) {
    ud_payment_split s = {0, 0, 0, 0};
    if (loan->status != UD_LOAN_ACTIVE) {
        return s;
    }
    while (amount > 0 && loan->oldest_unpaid != 0) {
        ud_money i = amount < loan->oldest_interest_left ? amount : loan->oldest_interest_left;
        loan->oldest_interest_left -= i;
        amount -= i;
        ud_money p = amount < loan->oldest_principal_left ? amount : loan->oldest_principal_left;
        loan->oldest_principal_left -= p;
        amount -= p;
        s.interest += i;
        s.principal += p;
        if (loan->oldest_interest_left == 0 && loan->oldest_principal_left == 0) {
            load_oldest(loan);
        }
    }
    s.total = s.interest + s.principal;
    s.fee = fee_earned(loan, s.principal);
    loan->fee_unearned -= s.fee;
    loan->overdue_interest -= s.interest;
    loan->overdue_principal -= s.principal;
    loan->principal_outstanding -= s.principal;
    loan->interest_paid += s.interest;
    loan->principal_paid += s.principal;
    post_payment(books, &s);
    close_if_repaid(loan);
    return s;
}

ud_money ud_loan_payoff_amount(const ud_loan *loan) {
    if (loan->status != UD_LOAN_ACTIVE) {
        return 0;
    }
    return loan->overdue_interest + loan->principal_outstanding;
}

ud_payment_split ud_loan_prepay(ud_loan *loan, ud_books *books) {
    ud_payment_split s = {0, 0, 0, 0};
    if (loan->status != UD_LOAN_ACTIVE) {
        return s;
    }
    s.interest = loan->overdue_interest;
    s.principal = loan->principal_outstanding;
    s.total = s.interest + s.principal;
    s.fee = loan->fee_unearned; /* the whole life is over: every fee is earned */
    loan->fee_unearned = 0;
    post_payment(books, &s);
    loan->interest_paid += s.interest;
    loan->principal_paid += s.principal;
    loan->overdue_interest = loan->overdue_principal = loan->principal_outstanding = 0;
    loan->oldest_unpaid = 0;
    loan->oldest_interest_left = loan->oldest_principal_left = 0;
    loan->status = UD_LOAN_CLOSED;
    return s;
}

int32_t ud_loan_days_in_arrears(const ud_loan *loan, int32_t day) {
    if (loan->status != UD_LOAN_ACTIVE || loan->oldest_unpaid == 0 ||
        day <= loan->oldest_unpaid_due_day) {
        return 0;
    }
    return day - loan->oldest_unpaid_due_day;
}

ud_terms_error ud_loan_reschedule(ud_loan *loan, const ud_loan_terms *terms, int32_t day) {
    if (loan->status != UD_LOAN_ACTIVE) {
        return UD_TERMS_PRINCIPAL;
    }
    ud_loan_terms t = *terms;
    t.principal = loan->principal_outstanding;
    t.fee_kind = UD_FEE_NONE; /* no new money changes hands */
    ud_schedule_plan plan;
    ud_terms_error err = ud_schedule_plan_make(&t, &plan);
    if (err != UD_TERMS_OK) {
        return err;
    }
    loan->carried_interest = loan->overdue_interest;
    loan->plan = plan;
    loan->due_cursor = ud_schedule_start(&plan);
    loan->paid_cursor = loan->due_cursor;
    loan->overdue_interest = loan->overdue_principal = 0;
    loan->oldest_unpaid = 0;
    loan->oldest_interest_left = loan->oldest_principal_left = 0;
    loan->fallen_due = 0;
    loan->disbursed_day = day;
    loan->rescheduled = 1;
    return UD_TERMS_OK;
}

ud_money ud_loan_write_off(ud_loan *loan, ud_books *books) {
    if (loan->status != UD_LOAN_ACTIVE) {
        return 0;
    }
    ud_money amount = loan->principal_outstanding;
    /* The loan's carrying amount is its principal less the fee it never earned: only that
     * is lost. */
    ud_money unearned = loan->fee_unearned < amount ? loan->fee_unearned : amount;
    ud_money loss = amount - unearned;
    ud_money reserve = ud_books_normal_balance(books, UD_ACC_LOAN_LOSS_RESERVE);
    ud_money from_reserve = loss < reserve ? loss : (reserve > 0 ? reserve : 0);
    ud_posting_line lines[4] = {
        {UD_ACC_LOAN_LOSS_RESERVE, from_reserve, 0},
        {UD_ACC_PROVISION_EXPENSE, loss - from_reserve, 0},
        {UD_ACC_UNEARNED_FEES, unearned, 0},
        {UD_ACC_LOANS, 0, amount},
    };
    ud_books_post(books, "write off a loan: its unearned fee, then the reserve", lines, 4);
    loan->fee_unearned = 0;
    loan->written_off = amount;
    loan->principal_outstanding = 0;
    loan->overdue_interest = loan->overdue_principal = 0;
    loan->oldest_unpaid = 0;
    loan->status = UD_LOAN_WRITTEN_OFF;
    return amount;
}

ud_money ud_loan_recover(ud_loan *loan, ud_books *books, ud_money amount) {
    if (loan->status != UD_LOAN_WRITTEN_OFF || amount <= 0) {
        return 0;
    }
    ud_money left = loan->written_off - loan->recovered;
    ud_money booked = amount < left ? amount : left;
    if (booked > 0) {
        ud_books_transfer(books, "recovery of a written-off loan", UD_ACC_CASH, UD_ACC_RECOVERIES,
                          booked);
        loan->recovered += booked;
    }
    return booked;
}
