/* The village simulation: households, the MFI, its staff and funding, stepped month by month.
 *
 * A simulation is a pure function of its setup, its seed and the commands applied to it:
 * two simulations never share state, and the same inputs give the same results bit for
 * bit. Every call takes the simulation first. The monthly step never calls out; it appends
 * typed events (ud_event) to a queue that the caller reads and clears. */
#ifndef UD_SIM_H
#define UD_SIM_H

#include "ud/books.h"
#include "ud/event.h"
#include "ud/indicators.h"
#include "ud/loan.h"

#include <stddef.h>

#define UD_MAX_PRODUCTS 8
#define UD_MAX_HAMLETS 32
#define UD_MAX_OFFICERS 256
#define UD_MAX_BORROWINGS 16
#define UD_MAX_SHOCKS 64
#define UD_MAX_OFFERS 32
#define UD_NAME_LEN 32

typedef enum ud_business {
    UD_BIZ_TRADE = 0,
    UD_BIZ_FARMING,
    UD_BIZ_LIVESTOCK,
    UD_BIZ_CRAFTS,
    UD_BIZ_SERVICES,
    UD_BIZ_COUNT
} ud_business;
const char *ud_business_name(ud_business b);

typedef enum ud_institution {
    UD_INST_NGO = 0,     /* may not lend out client savings */
    UD_INST_COOPERATIVE, /* lends members' savings, keeps a 10% liquidity reserve */
    UD_INST_VILLAGE_BANK /* a regulated village unit: lends deposits, keeps a 10% reserve */
} ud_institution;

/* How households are generated. Shares are in [0,1]; money in minor units. */
typedef struct ud_village_setup {
    int households; /* 1 .. 1,000,000 */
    int hamlets;    /* 1 .. UD_MAX_HAMLETS */
    char hamlet_names[UD_MAX_HAMLETS][UD_NAME_LEN];
    double women_share;                   /* share of households whose borrower is a woman */
    double business_mix[UD_BIZ_COUNT];    /* relative weights */
    ud_money median_monthly_income;       /* of a household */
    double income_spread;                 /* log-normal sigma, 0.1 .. 1.5 */
    ud_money poverty_line_per_person_day; /* the scenario's poverty line */
    double vulnerability;                 /* mean 0..1: how hard shocks hit */
    double literacy;                      /* share with basic business skills */
    double moneylender_annual_rate;       /* e.g. 1.2 for 120% a year */
    double inflation;                     /* yearly, e.g. 0.06 */
    /* The market around the MFI (engine/MODEL.md gives each one's source and default). */
    double going_rate;      /* APR of formal microcredit in the region, e.g. 0.40 */
    double competitor_rate; /* APR a rival lender charges when one arrives, e.g. 0.30 */
    ud_money officer_wage;  /* market wage of a trained loan officer, a month */
    ud_money minimum_wage;  /* the legal minimum wage, a month */
    double capture_rate;    /* share of individual loans to women controlled by others */
} ud_village_setup;

typedef struct ud_product {
    char name[UD_NAME_LEN];
    bool open;
    bool group_liability; /* joint-liability groups of group_min..group_max of one hamlet */
    uint8_t group_min, group_max;
    ud_loan_terms terms; /* principal ignored: set per loan */
    ud_money min_amount, max_amount;
    ud_rate compulsory_savings; /* share of the loan withheld as savings at disbursement */
    uint8_t business_mask;      /* the businesses it lends to, a bit per ud_business; 0: all */
    bool women;                 /* for women only (a women's group product); set by the
                                   scenario, kept by set_product as the name is */
} ud_product;

typedef struct ud_credit_policy {
    bool women_only;
    bool groups_only;           /* individual products are closed to new clients */
    ud_money first_loan_cap;    /* largest first loan */
    ud_rate repeat_step_up;     /* a repeat loan may exceed the last by this share */
    ud_rate loan_to_income_cap; /* loan / yearly household income, at most */
    int max_past_arrears_days;  /* refuse clients whose last loan was later than this */
    bool manual_review;         /* if true, nothing is approved without a command */
    bool hide_apr; /* quote only the nominal rate: clients who find the real cost tell others */
} ud_credit_policy;

typedef struct ud_officer_setup {
    int count;
    ud_money salary;       /* a month */
    int training;          /* 0 untrained .. 3 expert */
    double honesty;        /* share of officers who never steal */
    int experience_months; /* how long the opening staff have worked as officers */
} ud_officer_setup;

typedef enum ud_lender_kind {
    UD_LENDER_GOVERNMENT = 0,
    UD_LENDER_COMMERCIAL,
    UD_LENDER_DONOR
} ud_lender_kind;

typedef struct ud_borrowing {
    ud_lender_kind lender;
    ud_money outstanding;
    ud_rate annual_rate;     /* what the MFI pays */
    int maturity_month;      /* repaid in full then (bullet) */
    ud_rate client_rate_cap; /* 0: none; otherwise products may not charge more */
    bool active;
} ud_borrowing;

typedef struct ud_costs {
    ud_money office_per_month;
    ud_money per_client_per_month; /* transport and stationery */
    ud_money hire_cost, training_cost, audit_cost;
    int depreciation_months; /* fixed assets written down over this many months */
} ud_costs;

typedef struct ud_provisioning {
    /* reserve rates for 1-30, 31-60, 61-90, 91-180 days late; write off after writeoff_days */
    ud_rate rate[4];
    int writeoff_days;
    bool rescheduled_in_par; /* count rescheduled loans in PAR30 regardless of arrears */
} ud_provisioning;

/* A unit that starts with a history: clients holding loans of various ages (disbursed and
 * partly repaid before month 1, through the same books), their groups and savings. */
typedef struct ud_opening_portfolio {
    int clients;                 /* households with a loan outstanding at the start (0: none) */
    int product;                 /* 0-based index of the product they hold */
    int months_old;              /* loan ages spread over 0..months_old months */
    double in_arrears;           /* share of them more than 30 days late at the start */
    ud_money savings_per_client; /* voluntary savings each client holds with the MFI */
    int repaid_loans;            /* loans each client has already repaid (a track record) */
} ud_opening_portfolio;

typedef struct ud_mfi_setup {
    ud_institution institution;
    ud_money cash, paid_in_equity, donated_equity, fixed_assets;
    int borrowings;
    ud_borrowing borrowing[UD_MAX_BORROWINGS]; /* cash already received */
    ud_officer_setup officers;
    int products;
    ud_product product[UD_MAX_PRODUCTS];
    ud_credit_policy policy;
    ud_rate savings_rate;      /* yearly interest paid on voluntary savings */
    ud_rate market_rate;       /* commercial borrowing rate (for FSS and SDI) */
    ud_rate bank_deposit_rate; /* what idle cash placed with a bank earns, yearly */
    ud_costs costs;
    ud_provisioning provisioning;
    double follow_up;  /* 0..1: share of officer time on arrears follow-up */
    double reputation; /* 0..1 at the start */
    ud_opening_portfolio opening;
} ud_mfi_setup;

typedef struct ud_setup {
    uint64_t seed;
    int minor_units;
    char currency[8];
    ud_village_setup village;
    ud_mfi_setup mfi;
} ud_setup;

/* The built-in village: a few hundred households in four hamlets, a small NGO MFI. */
void ud_setup_default(ud_setup *setup, int households);

/* Checks a setup; on error writes "field: what is wrong" into err and returns false. */
bool ud_setup_validate(const ud_setup *setup, char *err, size_t err_size);

/* An allocator the caller may inject (tests make the n-th allocation fail). */
typedef struct ud_allocator {
    void *(*alloc)(void *ud, size_t size); /* zeroed memory, or NULL */
    void (*free)(void *ud, void *ptr);
    void *ud;
} ud_allocator;

typedef struct ud_sim ud_sim;

/* Creates a simulation at month 0 (nothing has happened yet). alloc may be NULL for
 * calloc/free. Returns NULL on an invalid setup (message in err) or out of memory. */
ud_sim *ud_sim_create(const ud_setup *setup, const ud_allocator *alloc, char *err, size_t err_size);
void ud_sim_destroy(ud_sim *sim);

/* Runs one month through its phases in a fixed order: incomes, applications and
 * disbursements, repayments and joint liability, arrears, savings, costs and funding,
 * provisioning and write-off, fraud and recoveries, closing the books, indicators.
 * Appends events; never calls out. Returns false once the simulation has ended
 * (insolvency): the state is then frozen. */
bool ud_sim_step(ud_sim *sim);

int ud_sim_month(const ud_sim *sim); /* months completed */
bool ud_sim_insolvent(const ud_sim *sim);
const ud_books *ud_sim_books(const ud_sim *sim);
const ud_setup *ud_sim_setup(const ud_sim *sim);
/* Indicators at the end of month m (1..ud_sim_month), the opening position for m = 0
 * (stocks only: no flows, no ratios over time), or NULL. */
const ud_indicators *ud_sim_indicators(const ud_sim *sim, int month);

/* The event queue: events appended since the last clear. */
const ud_event *ud_sim_events(const ud_sim *sim, int *count);
void ud_sim_clear_events(ud_sim *sim);

/* Drops the first `count` events of the queue and keeps the rest, in order (those raised
 * after a month was played, by a decision taken before the next one). */
void ud_sim_drop_events(ud_sim *sim, int count);

/* ---- read-only views for the game, strategies and tests ---- */

typedef enum ud_hh_status {
    UD_HH_NOT_CLIENT = 0,
    UD_HH_CLIENT,
    UD_HH_IN_ARREARS,
    UD_HH_DEFAULTED
} ud_hh_status;

typedef struct ud_household_view {
    int id, hamlet, members;
    bool woman;
    ud_business business;
    ud_money cash, capital, savings, moneylender_debt, monthly_income;
    ud_money monthly_interest; /* interest and fees paid to the MFI, a month on average */
    bool poor; /* (monthly_income - monthly_interest) per person per day below the line */
    int loans_repaid, defaults;
    int group; /* -1 if none */
    ud_hh_status status;
    const ud_loan *loan;         /* NULL if none active */
    int loan_product;            /* the product of that loan (0-based); -1 if none */
    bool loan_captured;          /* the current loan was taken over by another household member */
    bool trained;                /* has had business training */
    ud_money poverty_line_month; /* income a month below which this household is poor */
    ud_money last_loan;          /* the last loan repaid (0: none) */
    int last_arrears_days;       /* the worst lateness on it */
} ud_household_view;

/* The portfolio as it stands now, after this month's decisions (a loan rescheduled or written
 * off moves it before the month is played), by the rules of the month's indicators. */
typedef struct ud_portfolio_now {
    int active_borrowers, women_borrowers;
    ud_money gross_portfolio;
    double par30, women_share;
} ud_portfolio_now;
void ud_sim_portfolio_now(const ud_sim *sim, ud_portfolio_now *out);

int ud_sim_household_count(const ud_sim *sim);
bool ud_sim_household(const ud_sim *sim, int id, ud_household_view *out);

/* Joint-liability groups, by index (0..ud_sim_group_count-1): their hamlet, whether they
 * collapsed, and up to `max` member household ids in `members`. Returns the member count
 * (which may exceed max), or -1 for an unknown group. */
int ud_sim_group_count(const ud_sim *sim);
int ud_sim_group(const ud_sim *sim, int group, int *hamlet, bool *collapsed, int *members, int max);

typedef enum ud_app_decision {
    UD_APP_PENDING = 0,
    UD_APP_APPROVED,
    UD_APP_REJECTED,
    UD_APP_WAITING /* joined a forming group: the loan comes when the group forms */
} ud_app_decision;

typedef enum ud_reject_reason {
    UD_REJECT_NONE = 0,
    UD_REJECT_POLICY_WOMEN_ONLY,
    UD_REJECT_POLICY_PAST_ARREARS,
    UD_REJECT_POLICY_GROUPS_ONLY,
    UD_REJECT_NO_GROUP,
    UD_REJECT_SCREENED_OUT, /* the officer judged the business too risky */
    UD_REJECT_BY_COMMAND,
    UD_REJECT_NO_CASH,
    UD_REJECT_NO_CAPACITY,         /* no loan officer free */
    UD_REJECT_BY_PEERS,            /* the forming group's members did not accept this neighbour */
    UD_REJECT_GROUP_LAPSED,        /* the forming group never reached its minimum size */
    UD_REJECT_UNDECIDED,           /* left undecided under manual review when the month ended */
    UD_REJECT_POLICY_BELOW_MINIMUM /* the policy's cap for this household is below the
                                      product's smallest loan */
} ud_reject_reason;
const char *ud_reject_reason_text(ud_reject_reason r);

typedef struct ud_application {
    int id;
    int household;
    int product;
    int month;
    ud_money requested, amount; /* amount: what will be disbursed if approved */
    ud_app_decision decision;
    ud_reject_reason reason;
    bool directed;    /* pushed by a political patron */
    int group;        /* the joint-liability group formed for it, or -1 */
    double appraisal; /* 0..1: how well the officers could appraise it this month */
} ud_application;

/* This month's applications (decided by the policy, awaiting commands until the next step). */
const ud_application *ud_sim_applications(const ud_sim *sim, int *count);

/* A joint-liability group still forming in a hamlet: interested households wait in it
 * while an officer runs its training meetings, until it has enough members. */
#define UD_GROUP_MAX_MEMBERS 10
typedef enum ud_forming_block {
    UD_FORMING_NEEDS_MEMBERS = 0, /* fewer members than the product's minimum */
    UD_FORMING_IN_TRAINING,       /* the training meetings are not over yet */
    UD_FORMING_NO_OFFICER,        /* no officer has time to run the meetings */
    UD_FORMING_PRODUCT_CLOSED     /* the product it is forming for is closed */
} ud_forming_block;
const char *ud_forming_block_text(ud_forming_block b);

typedef struct ud_forming_group {
    int hamlet, product;
    int members;
    int member[UD_GROUP_MAX_MEMBERS];      /* household ids */
    ud_money amount[UD_GROUP_MAX_MEMBERS]; /* what each asked for */
    bool directed[UD_GROUP_MAX_MEMBERS];
    int started_month;   /* months completed when the first member joined */
    int training_months; /* meetings held so far */
    ud_forming_block blocked;
} ud_forming_group;

const ud_forming_group *ud_sim_forming_groups(const ud_sim *sim, int *count);

typedef struct ud_officer {
    bool employed;
    uint8_t training; /* 0..3 */
    bool honest;
    bool stealing; /* making ghost loans (hidden until an audit) */
    ud_money salary;
    int caseload; /* active loans */
    int hired_month;
    int months_since_audit;
    /* the month of the officer's last course (a recruit hired trained took it with the
     * hire), -1 if none: one course a month is what an officer takes in while still
     * serving clients */
    int course_month;
} ud_officer;

const ud_officer *ud_sim_officers(const ud_sim *sim, int *count);
/* What an officer of a training level (0..3) earns elsewhere: paid less, an officer works
 * less, steals more often and leaves sooner (engine/MODEL.md, 3). */
ud_money ud_sim_market_wage(const ud_sim *sim, int level);
/* The severance pay dismissing officer `index` (0-based, employed) would cost now: a month's
 * salary, one more for each full year of service, at most nine. 0 for an unknown officer. */
ud_money ud_sim_severance(const ud_sim *sim, int index);
const ud_product *ud_sim_products(const ud_sim *sim, int *count);
const ud_credit_policy *ud_sim_policy(const ud_sim *sim);
/* The credit policy as this month's applications met it: the one in force before the
 * decisions taken since the last month was played (they apply from the next month's). */
ud_credit_policy ud_sim_policy_as_month_opened(const ud_sim *sim);
/* The share of officer time spent on arrears follow-up now (0..1). */
double ud_sim_follow_up(const ud_sim *sim);
const ud_borrowing *ud_sim_borrowings(const ud_sim *sim, int *count);

/* ---- shocks, offers and political events (triggered by scenarios) ---- */

typedef enum ud_shock_kind {
    UD_SHOCK_INCOME = 0, /* drought, flood, price crash: business income falls */
    UD_SHOCK_HEALTH,     /* illness, epidemic: income falls and spending rises */
    UD_SHOCK_SPENDING,   /* festival, ceremony: spending rises */
    UD_SHOCK_PRICES,     /* inflation: living costs rise for everyone */
    UD_SHOCK_COMPETITOR, /* a rival lender: fewer applications, weaker repeat promise */
    UD_SHOCK_COUNT
} ud_shock_kind;

typedef struct ud_shock {
    ud_shock_kind kind;
    uint32_t hamlet_mask;   /* bit h: hamlet h affected (0: all) */
    uint32_t business_mask; /* bit b: business b affected (0: all) */
    double share;           /* of households in scope actually hit, 0..1 */
    double severity;        /* 0..1: income lost, or extra spending as a share of needs */
    int start_month, months;
} ud_shock;

/* The shocks scheduled so far (started or not), by index. */
int ud_sim_shock_count(const ud_sim *sim);
const ud_shock *ud_sim_shock(const ud_sim *sim, int index); /* NULL if out of range */
/* The latest income or health shock that has struck household `household` by now, or -1. */
int ud_sim_household_last_shock(const ud_sim *sim, int household);

/* Whether household `household` has a hardship its neighbours know of (a mishap, a month well
 * below its usual income, a shock in its hamlet and trade in the last six months): a loan
 * rescheduled then leaves PAR30 once it has been paid on time for three months; one
 * rescheduled without stays in PAR30 until repaid. False for an index out of range. */
bool ud_sim_household_has_hardship(const ud_sim *sim, int household);

/* The months a loan rescheduled `days_late` days late must be paid on time before it leaves
 * PAR30 (if rescheduled for a hardship): 3, or 6 beyond 90 days late, 9 beyond 120. */
int ud_reschedule_cure_months(int days_late);

/* Schedules a shock; start_month must be later than the current month. Returns its index
 * or -1 with a message. */
int ud_sim_add_shock(ud_sim *sim, const ud_shock *shock, char *err, size_t err_size);

typedef enum ud_offer_kind {
    UD_OFFER_CREDIT_LINE = 0,      /* a loan to the MFI, often cheap, often with a rate cap */
    UD_OFFER_GRANT_INFRASTRUCTURE, /* roads, market stalls: business returns rise */
    UD_OFFER_GRANT_TRAINING,       /* business training for clients */
    UD_OFFER_GRANT_TA,             /* technical assistance: officers trained */
    UD_OFFER_GRANT_CASH,           /* an operating grant (donated equity) */
    UD_OFFER_GRANT_MENTORING,      /* mentoring of women clients at group meetings */
    UD_OFFER_KIND_COUNT
} ud_offer_kind;

typedef struct ud_offer {
    ud_offer_kind kind;
    ud_lender_kind lender;
    ud_money amount;
    ud_rate annual_rate;     /* credit line: what the MFI pays */
    int term_months;         /* credit line */
    ud_rate client_rate_cap; /* credit line: 0 for none */
    uint32_t hamlet_mask;    /* infrastructure/training: where (0: everywhere) */
    double effect;           /* infrastructure/training: rise in business returns */
    int expires_month;       /* must be answered by then */
    bool answered, accepted;
} ud_offer;

/* Puts an offer to the MFI (answered by a command). Returns its index or -1. */
int ud_sim_add_offer(ud_sim *sim, const ud_offer *offer, char *err, size_t err_size);
const ud_offer *ud_sim_offers(const ud_sim *sim, int *count);

/* Recalls an accepted credit line: the MFI must repay it at once (as far as its cash
 * allows; the rest stays owed at a commercial rate). */
bool ud_sim_recall_credit_line(ud_sim *sim, int borrowing, char *err, size_t err_size);

typedef enum ud_political_kind {
    UD_POLITICAL_WAIVER_PROMISE = 0, /* "loans will be forgiven": repayment will falls */
    UD_POLITICAL_DIRECTED_LENDING,   /* a patron's hamlet must get loans regardless */
    UD_POLITICAL_WAIVER_DISAVOWED,   /* the authorities say loans must be repaid after all */
    UD_POLITICAL_COUNT
} ud_political_kind;

/* A political event for `months` months; hamlet: for directed lending (else -1). */
bool ud_sim_political(ud_sim *sim, ud_political_kind kind, int hamlet, int months, double strength,
                      char *err, size_t err_size);

/* A household described by a scenario (for the loan desk's stories). */
typedef struct ud_household_spec {
    int hamlet;  /* 0-based */
    int members; /* 1..20 */
    bool woman;
    ud_business business;
    ud_money monthly_income; /* > 0 */
    double honesty;          /* 0..1: willingness to repay */
    double vulnerability;    /* 0..1 */
    bool literate;
} ud_household_spec;

/* Replaces household `id` with the described one; only before the first month. */
bool ud_sim_set_household(ud_sim *sim, int id, const ud_household_spec *spec, char *err,
                          size_t err_size);

/* The simulation's random stream reserved for scripts (math.random). */
struct ud_rng *ud_sim_script_rng(ud_sim *sim);

/* ---- invariants, for tests and the checker ---- */

/* Money held by households, the MFI and the outside world together: it never changes. */
ud_money ud_sim_money_total(const ud_sim *sim);
ud_money ud_sim_money_opening(const ud_sim *sim);
/* Principal outstanding summed over every loan account: equals the books' loans. */
ud_money ud_sim_portfolio_total(const ud_sim *sim);

#include "ud/command.h"

#endif
