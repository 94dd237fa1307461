/* A loan account: disbursement, instalments falling due, payments, arrears, rescheduling,
 * prepayment, write-off and recovery, each posted to the MFI's books. */
#ifndef UD_LOAN_H
#define UD_LOAN_H

#include "ud/books.h"
#include "ud/schedule.h"

typedef enum ud_loan_status {
    UD_LOAN_NONE = 0, /* never disbursed */
    UD_LOAN_ACTIVE,
    UD_LOAN_CLOSED, /* repaid in full */
    UD_LOAN_WRITTEN_OFF
} ud_loan_status;

/* The account keeps a compact state rather than the whole schedule: rows are regenerated
 * from the plan by two cursors, one at the next instalment to fall due and one at the
 * oldest instalment not yet fully paid. About 200 bytes a loan. */
typedef struct ud_loan {
    ud_schedule_plan plan;
    ud_schedule_cursor due_cursor;  /* next instalment to fall due */
    ud_schedule_cursor paid_cursor; /* the instalment after the oldest unpaid one */
    ud_money oldest_interest_left;  /* what is left of the oldest unpaid instalment */
    ud_money oldest_principal_left;
    ud_money carried_interest;      /* overdue interest moved into row 1 by a reschedule */
    ud_money principal_outstanding; /* not yet repaid (what the books carry as loans) */
    ud_money overdue_principal;     /* fallen due and unpaid */
    ud_money overdue_interest;
    ud_money interest_paid, principal_paid;
    ud_money written_off, recovered;
    ud_money fee_unearned; /* up-front fee not yet earned: earned as the principal is repaid */
    int32_t disbursed_day;
    int32_t oldest_unpaid_due_day; /* due day of the oldest unpaid instalment, if any */
    int16_t fallen_due;            /* instalments that have fallen due */
    int16_t oldest_unpaid;         /* its number, 0 when nothing is overdue */
    uint8_t status;                /* ud_loan_status */
    uint8_t rescheduled;           /* ever rescheduled (counts in PAR, per CGAP) */
} ud_loan;

/* What one payment was applied to. Allocation order, within each instalment and oldest
 * instalment first: interest -> principal. The fee is taken up front, at disbursement; `fee`
 * is the part of it earned with this payment's principal (not part of `total`). */
typedef struct ud_payment_split {
    ud_money fee, interest, principal, total;
} ud_payment_split;

/* Disburses a loan on `day`: plans the schedule, books the principal as loans outstanding,
 * pays the client the principal less the up-front fee and books the fee as unearned: it
 * becomes income as the principal is repaid (IFRS 9: an origination fee is part of the
 * effective interest, earned over the loan's life, not on the day it is paid).
 * Returns UD_TERMS_OK, a terms error, or UD_TERMS_TOO_LARGE if the books would overflow.
 * On error nothing changes. */
ud_terms_error ud_loan_disburse(ud_loan *loan, ud_books *books, const ud_loan_terms *terms,
                                int32_t day);

/* The day instalment k (1-based) falls due. */
int32_t ud_loan_due_day(const ud_loan *loan, int k);

/* Every instalment due on or before `day` falls due (becomes owed). Returns how many fell. */
int ud_loan_fall_due(ud_loan *loan, int32_t day);

/* What is owed now: overdue interest + overdue principal. */
ud_money ud_loan_amount_due(const ud_loan *loan);

/* Applies up to `amount` to what is owed (never more) and posts it. Returns the split. */
ud_payment_split ud_loan_pay(ud_loan *loan, ud_books *books, ud_money amount);

/* What it takes to close the loan today: everything owed + the principal not yet due
 * (interest not yet due is not charged). */
ud_money ud_loan_payoff_amount(const ud_loan *loan);

/* Pays the loan off in full (ud_loan_payoff_amount) and closes it. */
ud_payment_split ud_loan_prepay(ud_loan *loan, ud_books *books);

/* Days the oldest unpaid instalment is overdue on `day` (0 if none). */
int32_t ud_loan_days_in_arrears(const ud_loan *loan, int32_t day);

/* Replaces the schedule by a new one over the principal outstanding, starting on `day`
 * (terms->principal is ignored). Overdue interest is carried into the first new instalment.
 * The loan is marked rescheduled. Nothing is posted (no money moves). Returns the terms
 * error, and changes nothing on error. */
ud_terms_error ud_loan_reschedule(ud_loan *loan, const ud_loan_terms *terms, int32_t day);

/* Writes the principal outstanding off: the fee not yet earned first (it was never income),
 * the rest against the loan-loss reserve (any shortfall in the reserve goes to provision
 * expense). Returns the principal written off. */
ud_money ud_loan_write_off(ud_loan *loan, ud_books *books);

/* Books a recovery on a written-off loan, at most what is still unrecovered. Returns the
 * amount booked. */
ud_money ud_loan_recover(ud_loan *loan, ud_books *books, ud_money amount);

#endif
