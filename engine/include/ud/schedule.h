/* Loan repayment schedules computed exactly, to the minor unit, as a core-banking engine does. */
#ifndef UD_SCHEDULE_H
#define UD_SCHEDULE_H

#include "ud/money.h"

#define UD_MAX_INSTALLMENTS 520 /* ten years of weekly repayments */
#define UD_MAX_ANNUAL_RATE UD_RATE_PERCENT(1000)

typedef enum ud_interest_method {
    UD_METHOD_FLAT = 0,                  /* interest on the original principal every period */
    UD_METHOD_DECLINING_ANNUITY,         /* interest on the balance; equal instalments */
    UD_METHOD_DECLINING_EQUAL_PRINCIPAL, /* interest on the balance; equal principal parts */
    UD_METHOD_COUNT
} ud_interest_method;

typedef enum ud_frequency {
    UD_FREQ_WEEKLY = 0,
    UD_FREQ_FORTNIGHTLY,
    UD_FREQ_MONTHLY,
    UD_FREQ_COUNT
} ud_frequency;

typedef enum ud_fee_kind { UD_FEE_NONE = 0, UD_FEE_PERCENT, UD_FEE_FLAT } ud_fee_kind;

typedef struct ud_loan_terms {
    ud_money principal;  /* > 0, minor units */
    ud_rate annual_rate; /* 0..UD_MAX_ANNUAL_RATE, nominal yearly rate */
    int installments;    /* 1..UD_MAX_INSTALLMENTS */
    int grace;           /* 0..installments-1: first instalments pay interest only */
    ud_frequency frequency;
    ud_interest_method method;
    ud_fee_kind fee_kind; /* an up-front fee deducted at disbursement */
    ud_rate fee_rate;     /* with UD_FEE_PERCENT: share of the principal */
    ud_money fee_flat;    /* with UD_FEE_FLAT: the amount */
} ud_loan_terms;

typedef struct ud_installment {
    int n; /* 1-based number */
    ud_money principal;
    ud_money interest;
    ud_money fee;     /* fees due with this instalment (0: fees are up front) */
    ud_money payment; /* principal + interest + fee */
    ud_money balance; /* principal outstanding after it is paid */
} ud_installment;

/* The constants of a schedule, computed once from the terms (see ud_schedule_plan_make). */
typedef struct ud_schedule_plan {
    ud_money principal;
    int64_t rate_num, rate_den; /* periodic rate, an exact reduced fraction */
    ud_money regular;           /* annuity instalment, or equal principal part */
    ud_money flat_interest_total;
    ud_money flat_interest_each;
    ud_money upfront_fee;
    int16_t installments, grace;
    uint8_t frequency, method;
} ud_schedule_plan;

/* Where a walk through the schedule stands: rows are generated one at a time, so a loan
 * account need not store them all. */
typedef struct ud_schedule_cursor {
    int32_t next;     /* number of the next row (1-based) */
    ud_money balance; /* principal outstanding before that row */
    ud_money interest_so_far;
} ud_schedule_cursor;

typedef enum ud_terms_error {
    UD_TERMS_OK = 0,
    UD_TERMS_PRINCIPAL,    /* principal not positive */
    UD_TERMS_RATE,         /* rate negative or above 1000% */
    UD_TERMS_INSTALLMENTS, /* not 1..UD_MAX_INSTALLMENTS */
    UD_TERMS_GRACE,        /* negative, or not below the instalments */
    UD_TERMS_FREQUENCY,
    UD_TERMS_METHOD,
    UD_TERMS_FEE,      /* negative, or not below the principal */
    UD_TERMS_TOO_LARGE /* amounts that would overflow the arithmetic */
} ud_terms_error;

/* Checks the terms; returns which field is wrong, or UD_TERMS_OK. */
ud_terms_error ud_terms_validate(const ud_loan_terms *terms);
const char *ud_terms_error_text(ud_terms_error error);

/* Periods per year (52, 26, 12) and days per period in the simulation's calendar
 * (7, 14, 30), and names for the command line ("weekly", ...; "flat", ...). */
int ud_frequency_periods_per_year(ud_frequency f);
int ud_frequency_days(ud_frequency f);
const char *ud_frequency_name(ud_frequency f);
const char *ud_method_name(ud_interest_method m);
/* Look a name up; returns false if unknown. */
bool ud_frequency_from_name(const char *name, ud_frequency *out);
bool ud_method_from_name(const char *name, ud_interest_method *out);

/* The up-front fee for these terms, rounded half-to-even. */
ud_money ud_terms_upfront_fee(const ud_loan_terms *terms);

/* Computes the constants of the schedule. Rounding: half-to-even to the minor unit from
 * exact arithmetic. Annuity: the exact annuity over the n - g amortising periods, rounded
 * once. Equal principal: principal / (n - g), rounded. Flat: total interest =
 * principal x periodic rate x n, rounded; each period principal / (n - g) and total / n,
 * rounded. The periodic rate is the annual rate / periods per year.
 * Returns the validation error, or UD_TERMS_OK with *plan filled. */
ud_terms_error ud_schedule_plan_make(const ud_loan_terms *terms, ud_schedule_plan *plan);

/* A cursor at the start of the schedule. */
ud_schedule_cursor ud_schedule_start(const ud_schedule_plan *plan);

/* Writes the row at the cursor and advances it. Returns false when the schedule is over.
 * The last row pays the whole remaining balance and the interest still due. */
bool ud_schedule_next(const ud_schedule_plan *plan, ud_schedule_cursor *cursor,
                      ud_installment *row);

/* The interest on `balance` for one period, rounded half-to-even. */
ud_money ud_schedule_period_interest(const ud_schedule_plan *plan, ud_money balance);

/* A whole schedule with its totals and cost to the client. */
typedef struct ud_schedule {
    int count;
    ud_installment rows[UD_MAX_INSTALLMENTS];
    ud_money total_principal, total_interest, total_fees, total_paid;
    double apr_percent; /* periodic IRR of the client's cash flows x periods per year */
    double eir_percent; /* (1 + periodic IRR)^periods per year - 1 */
} ud_schedule;

/* Builds the schedule for the terms into *out. Returns the validation error, if any. */
ud_terms_error ud_schedule_build(const ud_loan_terms *terms, ud_schedule *out);

/* The APR and EIR (in percent) of the terms without keeping the rows: what the products
 * panel shows live and what households compare with the moneylender. NAN if undefined. */
ud_terms_error ud_schedule_cost(const ud_loan_terms *terms, double *apr_percent,
                                double *eir_percent);

/* The same with a compulsory deposit withheld from the loan when it is paid out and given
 * back when it ends (without interest, as the unit keeps it): the client has the use of less
 * money for the same instalments, and the transparency standard counts it in the price
 * (MFTransparency's APR and EIR include security deposits). The deposit given back is set
 * against the last instalments, latest first, so the client never receives money at an
 * instalment's date. A deposit of 0 gives ud_schedule_cost's figures. */
ud_terms_error ud_schedule_cost_with_deposit(const ud_loan_terms *terms, ud_money deposit,
                                             double *apr_percent, double *eir_percent);

/* The periodic internal rate of return of receiving `received` now and paying payments[k]
 * at the end of period k+1. Returns false if no rate in (-100%, 10000%) per period fits. */
bool ud_periodic_irr(ud_money received, const ud_money *payments, int count, double *rate);

#endif
