/* Why a month turned out as it did: its new arrears by cause, its revenue and costs by line,
 * and what the manager's own decisions of the month did, from the engine's events, the
 * month's commands and the month records. The game's month summary and the tests read it. */
#ifndef UD_EXPLAIN_H
#define UD_EXPLAIN_H

#include "ud/command.h"
#include "ud/sim.h"

#define UD_EXPLAIN_LISTED 48  /* borrowers who fell behind, listed by id (the first ones) */
#define UD_EXPLAIN_EFFECTS 16 /* decisions of the month, one line each */

/* One decision of the month and what it did. `before`/`after` describe the decision itself
 * (a rate in percent, a share of officer time, a method); `measure_before/after` what it
 * moved, this month against the last (see each kind). */
typedef enum ud_effect_kind {
    UD_EFFECT_RATE = 0,     /* index: product; rate in %; measure: applications to it */
    UD_EFFECT_METHOD,       /* index: product; ud_interest_method; measure: applications */
    UD_EFFECT_TERMS,        /* index: product; other terms changed; measure: applications */
    UD_EFFECT_OPENED,       /* index: product opened; measure: applications to it */
    UD_EFFECT_CLOSED,       /* index: product closed; measure: applications to it */
    UD_EFFECT_POLICY,       /* measure: applications refused by policy */
    UD_EFFECT_DECIDED,      /* count: approved, amount: resized, index: rejected (counts) */
    UD_EFFECT_HIRED,        /* count: officers; amount: cost; measure: borrowers/officer */
    UD_EFFECT_FIRED,        /* count: officers; measure: borrowers per officer */
    UD_EFFECT_TRAINED,      /* count: officers trained; amount: the bill */
    UD_EFFECT_AUDIT,        /* amount: cost; count: ghost loans found (0: clean) */
    UD_EFFECT_FOLLOW_UP,    /* share in %; measure: new arrears last month / this month */
    UD_EFFECT_SAVINGS_RATE, /* rate in %; measure: voluntary deposits held */
    UD_EFFECT_OFFER,        /* index: offer; count: 1 accepted, 0 declined; amount */
    UD_EFFECT_BORROWED,     /* amount */
    UD_EFFECT_REPAID,       /* amount */
    UD_EFFECT_RESCHEDULED,  /* count */
    UD_EFFECT_WRITTEN_OFF,  /* count */
    UD_EFFECT_PAY,          /* count: pay changes; amount: salaries this month; measure: last */
    UD_EFFECT_KIND_COUNT
} ud_effect_kind;

typedef struct ud_effect {
    ud_effect_kind kind;
    int index, count;
    ud_money amount;
    double before, after;
    double measure_before, measure_after;
} ud_effect;

/* How many of the month's departed officers an explanation names. */
#define UD_EXPLAIN_QUITS_NAMED 8

typedef struct ud_month_explanation {
    int month;
    /* arrears: borrowers who missed an instalment for the first time this month */
    int new_arrears;
    int new_arrears_by_cause[UD_MISS_CAUSE_COUNT];
    ud_money overdue_by_cause[UD_MISS_CAUSE_COUNT]; /* what they owed when they missed */
    int fell_behind[UD_EXPLAIN_LISTED];             /* household ids, the first ones */
    ud_miss_cause fell_behind_cause[UD_EXPLAIN_LISTED];
    int fell_behind_count; /* listed: min(new_arrears, UD_EXPLAIN_LISTED) */
    int groups_collapsed, groups_covered;
    int officers_quit; /* officers who left for another job, replaced by untrained recruits */
    int quit_officer[UD_EXPLAIN_QUITS_NAMED]; /* the first of them: their 0-based numbers */
    int ghost_loans_found;
    ud_money fraud_lost;
    int written_off;
    ud_money written_off_amount;
    int written_off_household[UD_EXPLAIN_LISTED]; /* whose loans, the first ones (ghost loans,
                                                     which have no household, are not listed) */
    int written_off_listed;
    int disbursed, repaid, applications, refused_by_policy, shocks_started;
    int left_undecided; /* applications refused because nobody decided them (manual review) */
    int applications_by_product[UD_MAX_PRODUCTS];
    ud_money deposits; /* voluntary and compulsory savings held at month end */
    double borrowers_per_officer;
    double par30_before, par30_after;
    /* money: the month's statement and its expenses by line; last month's for comparison */
    ud_income_statement statement;
    ud_money cost_line[UD_COST_LINE_COUNT], cost_line_before[UD_COST_LINE_COUNT];
    /* the manager's decisions taken before this month was played */
    int effect_count;
    ud_effect effects[UD_EXPLAIN_EFFECTS];
} ud_month_explanation;

/* Explains month `month` (1..months completed) of `sim`. `events` are that month's events
 * (the queue right after the step); `previous` is the explanation of the month before, or
 * NULL. Reads only; never fails (an unknown month gives an empty explanation). */
void ud_month_explain(const ud_sim *sim, int month, const ud_event *events, int event_count,
                      const ud_month_explanation *previous, ud_month_explanation *out);

/* The cost line whose rise from last month explains most of a change in expenses, or -1. */
int ud_explain_biggest_cost_rise(const ud_month_explanation *e);

#endif
