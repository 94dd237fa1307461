/* Typed events that the monthly step appends to a queue for the caller to read afterwards. */
#ifndef UD_EVENT_H
#define UD_EVENT_H

#include "ud/money.h"

typedef enum ud_event_type {
    UD_EV_MONTH_CLOSED = 0,     /* amount: the month's net result */
    UD_EV_LOAN_DISBURSED,       /* subject: household, object: product, amount: principal */
    UD_EV_APPLICATION_REJECTED, /* subject: household, object: reason (ud_reject_reason) */
    UD_EV_INSTALMENT_MISSED,    /* subject: household, object: product, cause: ud_miss_cause,
                                   amount: owed (first miss of a loan) */
    UD_EV_LOAN_REPAID,          /* subject: household */
    UD_EV_GROUP_COVERED,        /* subject: group, amount: covered for a member */
    UD_EV_GROUP_COLLAPSED,      /* subject: group, object: members */
    UD_EV_LOAN_WRITTEN_OFF,     /* subject: household (-1 ghost), amount */
    UD_EV_RECOVERY,             /* subject: household, amount */
    UD_EV_OFFICER_FRAUD_FOUND,  /* subject: officer, object: ghost loans, amount: lost */
    UD_EV_AUDIT_CLEAN,          /* an audit found nothing */
    UD_EV_OFFICER_HIRED,        /* subject: officer */
    UD_EV_OFFICER_FIRED,        /* subject: officer */
    UD_EV_OFFICER_TRAINED,      /* subject: officer, object: new level */
    UD_EV_SHOCK_STARTED,        /* subject: shock index, object: ud_shock_kind */
    UD_EV_SHOCK_ENDED,          /* subject: shock index */
    UD_EV_OFFER_MADE,           /* subject: offer index, object: ud_offer_kind, amount */
    UD_EV_OFFER_ACCEPTED,       /* subject: offer index, amount */
    UD_EV_OFFER_DECLINED,       /* subject: offer index */
    UD_EV_CREDIT_LINE_RECALLED, /* subject: borrowing index, amount repaid */
    UD_EV_BORROWING_REPAID,     /* subject: borrowing index, amount */
    UD_EV_POLITICAL,            /* object: ud_political_kind */
    UD_EV_PAR_THRESHOLD,        /* object: PAR30 in basis points; crossed upward */
    UD_EV_CASH_SHORT,           /* amount: applications that could not be disbursed */
    UD_EV_INSOLVENT,            /* the MFI cannot pay what it owes */
    UD_EV_OFFICER_QUIT,         /* subject: officer, object: training lost; replaced untrained */
    UD_EV_GROUP_FORMED,         /* subject: group, object: members */
    UD_EV_TYPE_COUNT
} ud_event_type;

/* Why a borrower first fell behind, as the engine judges it when the instalment is missed:
 * the first of these that applies, in this order (engine/MODEL.md, "Attribution"). */
typedef enum ud_miss_cause {
    UD_MISS_SHOCK = 0,          /* a shock (drought, flood, illness...) hit this household */
    UD_MISS_GROUP_COLLAPSE,     /* the borrower's joint-liability group has collapsed */
    UD_MISS_CAPTURED,           /* the loan was taken over by another household member */
    UD_MISS_WAIVER_RUMOUR,      /* a promise that loans will be forgiven is in the air */
    UD_MISS_OVERLOADED_OFFICER, /* the loan officer has more loans than they can follow */
    UD_MISS_HARDSHIP,           /* income fell well below what it usually is */
    UD_MISS_CHEAP_LOAN,         /* a loan priced far below lenders' rates, taken as a handout */
    UD_MISS_UNWILLING,          /* none of the above: the borrower chose not to pay */
    UD_MISS_CAUSE_COUNT
} ud_miss_cause;

/* A stable lower-case name: "group_collapse". */
const char *ud_miss_cause_name(ud_miss_cause cause);

typedef struct ud_event {
    ud_event_type type;
    int32_t month;
    int32_t subject;
    int32_t object;
    int32_t cause; /* instalment_missed: ud_miss_cause; otherwise 0 */
    ud_money amount;
} ud_event;

/* A stable lower-case name for logs and scripts: "loan_disbursed". */
const char *ud_event_name(ud_event_type type);

#endif
