/* The layout of a simulation, shared by the engine's own modules (never by callers). */
#ifndef UD_SIM_INTERNAL_H
#define UD_SIM_INTERNAL_H

#include "ud/command.h"
#include "ud/rng.h"
#include "ud/sim.h"

#define DAYS_PER_MONTH 30
/* Instalments above this share of income (percent) over-indebt a household (Schicks 2013;
 * field norm 30-40%, upper end; engine/MODEL.md, "Over-indebtedness"). */
#define OVERINDEBTED_BURDEN 40
/* A household counts as in default while a loan of theirs is more than 30 days late and for
 * 24 months after one is written off: the debt is still owed and pursued, and the credit
 * bureau shows it that long (engine/MODEL.md, "Depth and impact"). */
#define DEFAULT_LATE_DAYS 30
/* Dynamic incentives (engine/MODEL.md, "Repayment"): the memory of refusals decays by this a
 * month, and a trade whose repeat clients are all refused loses this much will to repay. */
#define REPEAT_MEMORY 0.7
#define CUTOFF_WILL 0.15
#define DEFAULT_MEMORY_MONTHS 24
/* Grants' effects on business returns, held within the evidence (engine/MODEL.md). */
#define MAX_TRAINING_EFFECT 0.10
#define MENTORING_EFFECT 0.05
#define MAX_INFRASTRUCTURE_EFFECT 0.15
#define MAX_INFRASTRUCTURE_TOTAL 0.25
#define NO_INDEX (-1)

/* One generator per subsystem, so that a change in one never reshuffles another. */
enum {
    STREAM_VILLAGE = 1,
    STREAM_INCOME,
    STREAM_DEMAND,
    STREAM_REPAYMENT,
    STREAM_GROUPS,
    STREAM_STAFF,
    STREAM_SAVINGS,
    STREAM_SCRIPT,
    STREAM_OPENING,
    STREAM_COUNT
};

typedef struct household {
    ud_money cash;       /* money in hand (never negative) */
    ud_money capital;    /* business assets (goods, not money) */
    ud_money savings;    /* voluntary savings held by the MFI */
    ud_money compulsory; /* compulsory savings held by the MFI */
    ud_money moneylender_debt;
    ud_money wage;            /* monthly income outside the business */
    ud_money income_last;     /* last month's total income */
    ud_money income_smooth;   /* its twelve-month moving average */
    ud_money income_expected; /* what last month would have brought without shock, mishap
                                 or luck: the yardstick of hardship */
    ud_money last_loan;       /* size of the last MFI loan (for step-ups) */
    int32_t loan;             /* index in the loan pool, or NO_INDEX */
    int32_t group;            /* NO_INDEX if none */
    int32_t last_group;       /* the group of the last loan repaid, to borrow again with it */
    uint16_t productivity;    /* business return multiplier, 1/1024 units */
    uint8_t hamlet, members, business;
    uint8_t woman, literate, trained;
    uint8_t honesty;       /* 0..255: base willingness to repay */
    uint8_t vulnerability; /* 0..255: how hard shocks hit */
    uint8_t loans_repaid, defaults;
    uint8_t last_arrears_days; /* worst lateness on the last loan, capped at 255 */
    uint8_t missed;            /* in arrears on the current loan (for the missed event) */
    uint8_t late_for_hardship; /* its arrears began with a shock or a hardship (till cured) */
    uint8_t mishap_months;     /* months left of a household's own mishap (illness...) */
    uint8_t peer_covered;      /* months in a row its group's peers paid for it */
    int16_t next_apply_month;  /* no new application before this month */
    int16_t written_off_month; /* months completed when a loan of theirs was last written off */
    /* The start of the game, for the client score: who was poor, what they earned, and
     * whether the MFI has ever lent to them since (engine/MODEL.md, "Depth and impact"). */
    uint8_t poor_at_start, ever_borrowed;
    uint8_t mentored;       /* 0..255: the most mentoring a woman client has received */
    uint8_t loan_distress;  /* set by the month's indicators: its loan is late or over-indebting */
    uint8_t start_quartile; /* 0..3: the household's place in the village's starting incomes */
    ud_money income_start;
    /* Interest and fees paid to the MFI: this month's, and their twelve-month moving average,
     * which poverty and the income gain take off the income (a household lives on what is
     * left once its lender is paid: engine/MODEL.md, "Depth and impact"). */
    ud_money interest_month, interest_smooth;
} household;

typedef struct loan_slot {
    ud_loan account;
    int32_t household; /* NO_INDEX for a ghost loan */
    int32_t officer;
    int32_t product;
    int32_t next_free; /* free list link when unused */
    uint8_t in_use;
    uint8_t worst_arrears_days;       /* capped at 255 */
    uint8_t directed;                 /* pushed by a political patron: seen as patronage */
    uint8_t captured;                 /* a woman's loan controlled by others in her household */
    uint8_t appraisal;                /* 0..255: how well the loan was appraised */
    uint8_t started_month;            /* months completed at disbursement (mod 256) */
    uint8_t burden;                   /* instalments a month / household income, percent (<= 255) */
    uint8_t cured;                    /* months paid on time in a row since a rescheduling */
    uint8_t late_when_rescheduled;    /* days in arrears the day it was rescheduled (<= 255) */
    uint8_t rescheduled_for_hardship; /* rescheduled when the household had a known hardship */
    uint8_t charity; /* 0..255: how far below a lender's price it was lent, as borrowers see it */
    uint8_t handed_over;    /* its officer left and another took it over (till the window ends) */
    uint8_t handover_month; /* months completed when that happened (mod 256) */
} loan_slot;

/* A rescheduled loan that has paid on time for this many months in a row leaves PAR (it
 * stays in the rescheduled ratio): CGAP / MFRS practice for restructured loans, and
 * Indonesia's three payment periods counted in months whatever the loan's frequency. A loan
 * more than 90 days late when rescheduled needs three more months for each class it had
 * fallen below "special mention": a restructured loan is classed no better than before and
 * rises one class for each three instalments paid on time (OJK POJK 40/2019 art. 53 and 55;
 * classes: 1-90 days special mention, 91-120 substandard, 121-180 doubtful, more loss). So a
 * loan rescheduled the month before its write-off is not clean three months later. */
#define RESCHEDULE_CURE_MONTHS 3
static inline int reschedule_cure_months(const loan_slot *slot) {
    return ud_reschedule_cure_months(slot->late_when_rescheduled);
}
static inline bool loan_counts_as_rescheduled_risk(const loan_slot *slot) {
    return slot->account.rescheduled && slot->cured < reschedule_cure_months(slot);
}

/* Whether a rescheduled loan counts in PAR30 (and takes the provision of a loan at risk) as a
 * renegotiated loan. The SEEP Microfinance Financial Reporting Standards and IRIS (FP2635)
 * count every renegotiated loan in PAR30 for as long as it is outstanding, and so does a loan
 * rescheduled without a hardship to explain its arrears: new terms for a borrower who simply
 * paid late hide arrears, they do not cure them. A loan rescheduled for a hardship the village
 * knows (a mishap, a month well below its usual income, a shock) leaves once cured, as
 * Indonesia's supervisors let loans restructured after a disaster be classed by their new
 * schedule (Bank Indonesia PBI 8/15/2006; OJK POJK 45/2017). */
static inline bool loan_in_par_as_renegotiated(const loan_slot *slot) {
    return slot->account.rescheduled &&
           (!slot->rescheduled_for_hardship || slot->cured < reschedule_cure_months(slot));
}

/* The days in arrears a loan is classed by (for PAR, provisions, the habit of not paying and
 * the write-off): a rescheduled loan keeps the arrears it had when it was rescheduled until it
 * is cured, and any new arrears add to them, as supervisors require of restructured loans (a new
 * schedule does not make a bad loan good by itself: Basel Committee 2017, "Prudential
 * treatment of problem assets", forborne exposures; OJK's rule that a restructured loan is
 * classed no better than before). Without it, rescheduling every late loan the day it is
 * late would hide every default from PAR90 and from the households in distress. */
static inline int32_t loan_days_for_risk(const loan_slot *slot, int32_t days_late) {
    if (loan_counts_as_rescheduled_risk(slot)) {
        return slot->late_when_rescheduled + days_late;
    }
    return days_late;
}

#define GROUP_MAX_MEMBERS UD_GROUP_MAX_MEMBERS

typedef struct group {
    int32_t hamlet;
    int32_t members;
    int32_t member[GROUP_MAX_MEMBERS]; /* household indices */
    int32_t active;                    /* members with a loan outstanding */
    float strain;                      /* grows each time peers must cover, decays otherwise */
    uint8_t collapsed;
} group;

typedef struct hamlet_state {
    double infrastructure; /* business return multiplier from grants (1.0 = none) */
    double training;       /* extra return for trained clients */
    bool mentoring;        /* women's clients are mentored at group meetings */
    int directed_until;    /* directed lending is in force until this month */
    double directed_strength;
    double culture; /* 0..1: damage to the repayment culture (patronage, waivers) */
} hamlet_state;

/* A product's APR, kept until its terms or limits change (see sim_product_apr). */
typedef struct apr_memo {
    ud_loan_terms terms;
    ud_money min_amount, max_amount;
    double apr;        /* ud_product_apr */
    double demand_apr; /* ud_product_demand_apr */
    ud_rate compulsory;
    bool valid;
} apr_memo;

typedef struct shock_state {
    ud_shock shock;
    uint8_t announced, ended;
} shock_state;

struct ud_sim {
    ud_allocator alloc;
    ud_setup setup;
    int month; /* months completed */
    bool insolvent;
    ud_rng rng[STREAM_COUNT];
    ud_books books;

    int household_count;
    household *households;
    hamlet_state hamlets[UD_MAX_HAMLETS];

    loan_slot *loans;
    int loan_capacity, loan_free;

    group *groups;
    int group_count, group_capacity;

    ud_product products[UD_MAX_PRODUCTS];
    apr_memo apr_memo[UD_MAX_PRODUCTS];
    int product_count;
    ud_credit_policy policy;
    ud_credit_policy policy_as_opened; /* the policy this month's applications met */
    ud_rate savings_rate;
    double follow_up;
    double reputation; /* 0..1: the MFI's name for serving well and enforcing fairly */
    /* Repeat clients of each business served and refused by the manager lately (decaying):
     * a borrower repays for the next loan, and counts on it only if neighbours in the same
     * trade get theirs (engine/MODEL.md, "Repayment") */
    double repeat_served[UD_BIZ_COUNT], repeat_refused[UD_BIZ_COUNT];

    ud_officer officers[UD_MAX_OFFICERS];
    double officer_load[UD_MAX_OFFICERS]; /* individual loans + GROUP_LOAD x group loans */
    int officer_count;
    bool audit_ordered;

    ud_borrowing borrowings[UD_MAX_BORROWINGS];
    int borrowing_count;

    shock_state shocks[UD_MAX_SHOCKS];
    int shock_count;
    ud_offer offers[UD_MAX_OFFERS];
    int offer_count;
    int waiver_until;
    double waiver_strength;

    ud_application *apps;
    int app_count, app_capacity, next_app_id;

    ud_forming_group *forming; /* groups still forming, by hamlet and product */
    int forming_count, forming_capacity;
    int waiver_residual_until; /* after a waiver promise, expectations linger */

    ud_event *events;
    int event_count, event_capacity;

    ud_logged_command *log;
    int log_count, log_capacity;

    ud_month_record *records;  /* [0] opening, [m] month m */
    ud_indicators opening;     /* the position before the first month */
    ud_indicators *indicators; /* [m-1] month m */
    int history_capacity;

    /* flows of the month in progress */
    ud_money month_write_offs, month_grants, month_in_kind;
    int month_departures; /* officers who resigned or were let go this month (not for fraud) */
    ud_money month_concessional_interest;
    ud_money cost_line[UD_COST_LINE_COUNT]; /* expenses of the period not yet closed */
    ud_money withdrawals_refused;           /* savers turned away this month for want of cash */
    /* money that left the village and MFI for the outside world (or came in: negative) */
    ud_money outside;
    ud_money opening_money;
    double par30_last;
    bool obligation_missed; /* the MFI could not pay something it owed this month */
    double competitor;      /* 0..1: a rival's pull on clients this month */
    int active_clients;     /* loans outstanding at the last month's close */
};

/* ---- helpers shared by the modules ---- */
/* ud_product_apr of product p, memoised. */
double sim_product_apr(ud_sim *sim, int p);
/* The price households compare (ud_product_demand_apr), kept as sim_product_apr keeps its. */
double sim_product_demand_apr(ud_sim *sim, int p);
void *sim_alloc(ud_sim *sim, size_t size);
void sim_free(ud_sim *sim, void *ptr);
/* Grows *array (elements of elem_size) to hold at least need; false on out of memory. */
bool sim_reserve(ud_sim *sim, void **array, int *capacity, int need, size_t elem_size);
/* Grows *array to exactly cap elements (cap > *capacity), keeping its contents. */
bool sim_resize(ud_sim *sim, void **array, int *capacity, int cap, size_t elem_size);
/* Appends an event; returns it (for extra fields), or NULL when memory ran out. */
ud_event *sim_event(ud_sim *sim, ud_event_type type, int subject, int object, ud_money amount);
int32_t sim_today(const ud_sim *sim); /* the last day of the month in progress */

/* Money moving between holders; every unit lands somewhere. */
void sim_pay_outside(ud_sim *sim, household *h, ud_money amount);     /* household spends */
void sim_receive_outside(ud_sim *sim, household *h, ud_money amount); /* household earns */
/* The MFI pays the outside world / receives from it, posting against `account`. */
void sim_mfi_pays(ud_sim *sim, const char *memo, ud_account debit, ud_money amount);
void sim_mfi_receives(ud_sim *sim, const char *memo, ud_account credit, ud_money amount);
ud_money sim_cash(const ud_sim *sim);
/* Pays an expense and remembers which cost line it belongs to (for the month's summary). */
void sim_pay_cost(ud_sim *sim, const char *memo, ud_cost_line line, ud_money amount);

/* village.c */
bool village_generate(ud_sim *sim);
void village_incomes(ud_sim *sim);
/* Notes who is poor and what each household earns as the first month starts. */
void village_snapshot_start(ud_sim *sim);
/* 0..1: the share of the month's expected income (its own business in this season, without
 * shock, mishap or luck) that did not come. Against this, not against its needs, a month is
 * a hardship: chronic poverty is not a shock. */
double household_hardship(const household *h);
void village_spending_and_savings(ud_sim *sim);
/* The MFI pays a household up to `want` of its free savings in cash, as far as its own cash
 * goes (the rest is a saver turned away). Returns what was paid. */
ud_money village_withdraw(ud_sim *sim, household *h, ud_money want);
ud_money household_need(const ud_sim *sim, const household *h);
bool household_poor(const ud_sim *sim, const household *h);
/* What the household lives on: its usual income less the interest and fees it pays the MFI. */
ud_money household_net_income(const household *h);
/* Whether household `index` lives and works where an income or health shock struck (its
 * hamlet and its business in the shock's scope, hit or not) within the last `months_after`
 * months after the shock ended: a disaster area, as supervisors define one. */
bool household_in_shock_area(const ud_sim *sim, int index, int months_after);
ud_money household_poverty_line_month(const ud_sim *sim, const household *h);
double shock_income_factor(const ud_sim *sim, int hh_index, const household *h);
/* What one more unit of capital earns the household's business in a year (1.2 = 120%),
 * with the diminishing returns beyond its usual size. */
double household_marginal_return(const ud_sim *sim, const household *h);
/* How much more capital the household's business can put to work at its full return. */
ud_money household_business_room(const ud_sim *sim, const household *h);

/* lending.c */
void lending_disburse_queue(ud_sim *sim);
void lending_take_applications(ud_sim *sim);
void lending_collect(ud_sim *sim);
/* Provisions by arrears bucket, writes off what is too late, and books recoveries. */
void lending_provision_and_write_off(ud_sim *sim);
ud_money lending_capacity(const ud_sim *sim); /* cash the MFI may lend now */
double officer_quality(const ud_sim *sim, int officer);
/* How much of the mentoring a woman client receives, 0..1: none without mentoring in her
 * hamlet; otherwise it comes at the group meetings her officer holds, so it scales with the
 * officer's quality (training, load) and the follow-up time (engine/MODEL.md, "Women"). */
double mentoring_reach(const ud_sim *sim, const household *h, int officer);

/* Months of interest-only grace that carry a crop to its harvest (engine/MODEL.md, 1). */
#define HARVEST_GRACE_MONTHS 3.0

/* 0..1: how far the grace of the household's current loan goes beyond what its business's
 * cash flow needs (none for a trader or a craftsman, up to the harvest for a farmer), two
 * months or more counting in full; 0 without a loan, without a grace, or for a grace granted
 * by a rescheduling (relief, not a way to invest). Such a grace buys riskier investments
 * (engine/MODEL.md, "Mishaps"). */
double loan_grace_gamble(const ud_sim *sim, const household *h);
bool loan_pool_init(ud_sim *sim);
/* The slot of a household's new loan (its own), reset. */
int loan_alloc_for_household(ud_sim *sim, int household);
/* A slot for a ghost loan, or NO_INDEX when out of memory. */
int loan_alloc(ud_sim *sim);
void loan_release(ud_sim *sim, int index);
/* Write off / reschedule the active loan of household hh (the command layer has checked
 * that it has one). Rescheduling fails, with a message, only on invalid new terms. */
void lending_write_off_household(ud_sim *sim, int hh);
/* Books the scenario's opening portfolio before month 1; false with a message if the MFI's
 * cash cannot fund it. */
bool lending_open_portfolio(ud_sim *sim, char *err, size_t err_size);
int lending_forming_count(const ud_sim *sim);
/* The repayment culture worsens: `favoured` hamlet by amount, the others by a share of it. */
void lending_damage_culture(ud_sim *sim, int favoured, double amount);
bool lending_reschedule_household(ud_sim *sim, int hh, int installments, int grace, char *err,
                                  size_t err_size);

/* staff.c */
void staff_fraud(ud_sim *sim);
void staff_run_audit(ud_sim *sim);
/* Recounts every officer's load from the loan pool (after a reassignment). */
void staff_update_caseloads(ud_sim *sim);
/* Keep officers' loads current as loans are assigned and leave (repaid, written off). */
void staff_assign(ud_sim *sim, loan_slot *slot, int officer);
void staff_unassign(ud_sim *sim, loan_slot *slot);
int staff_employed(const ud_sim *sim);
int staff_pick_officer(const ud_sim *sim);
/* How many loans an officer can follow properly (a group loan counts GROUP_LOAD). */
#define GROUP_LOAD 0.5
double staff_capacity(const ud_officer *o);
ud_money staff_market_wage(const ud_sim *sim, int level);
double staff_wage_ratio(const ud_sim *sim, const ud_officer *o);
double staff_motivation(const ud_sim *sim, const ud_officer *o);
double staff_effective_capacity(const ud_sim *sim, const ud_officer *o);
double staff_experience(const ud_sim *sim, const ud_officer *o);
double staff_quit_chance(const ud_sim *sim, const ud_officer *o);
/* Whether an officer can take a course now: employed, below expert, no course this month. */
bool staff_can_take_a_course_now(const ud_sim *sim, const ud_officer *o);
/* How many officers can (what a course for the whole staff trains and costs). */
int staff_can_take_a_course(const ud_sim *sim);
bool staff_draw_honest(ud_sim *sim, ud_money salary, int level);
/* What dismissing an officer costs (not for misconduct): a month's salary, one more for each
 * full year of service, at most nine (Indonesia's Manpower Act, UU 13/2003 art. 156(2)). */
ud_money staff_severance(const ud_sim *sim, const ud_officer *o);
/* Marks a loan whose officer left: its client lost the officer who knew them (the
 * handover window of engine/MODEL.md, 3). */
void staff_hand_over(ud_sim *sim, loan_slot *slot);
/* Hands an officer's loans to the others (after a dismissal). */
void staff_reassign(ud_sim *sim, int officer);

/* funding.c */
void funding_month(ud_sim *sim);
void funding_costs(ud_sim *sim);
void funding_savings_interest(ud_sim *sim);
void funding_treasury(ud_sim *sim);
bool funding_accept_offer(ud_sim *sim, int index, char *err, size_t err_size);
ud_money funding_concessional_debt(const ud_sim *sim);
ud_rate funding_rate_cap(const ud_sim *sim);

/* indicators (sim side) */
/* Closes the month's books and fills the indicators of `month` (0: the opening position). */
void sim_record_month(ud_sim *sim, int month, ud_indicators *out);

#endif
