/* Player decisions as typed commands: validated, applied between months, and logged.
 * The game's clicks and a strategy script's calls build the same structs. */
#ifndef UD_COMMAND_H
#define UD_COMMAND_H

#include "ud/sim.h"

typedef enum ud_command_type {
    UD_CMD_SET_PRODUCT = 0,  /* product: index, product: new terms (name kept) */
    UD_CMD_OPEN_PRODUCT,     /* index */
    UD_CMD_CLOSE_PRODUCT,    /* index */
    UD_CMD_SET_POLICY,       /* policy */
    UD_CMD_APPROVE,          /* index: application id */
    UD_CMD_RESIZE,           /* index: application id, amount */
    UD_CMD_REJECT,           /* index: application id */
    UD_CMD_HIRE,             /* count: officers, amount: salary, level: training */
    UD_CMD_FIRE,             /* index: officer */
    UD_CMD_TRAIN,            /* index: officer (-1: all) */
    UD_CMD_AUDIT,            /* an internal audit this month */
    UD_CMD_ACCEPT_OFFER,     /* index: offer */
    UD_CMD_DECLINE_OFFER,    /* index: offer */
    UD_CMD_BORROW,           /* amount at the market rate, count: term in months */
    UD_CMD_REPAY,            /* index: borrowing, amount */
    UD_CMD_SET_SAVINGS_RATE, /* rate */
    UD_CMD_SET_FOLLOW_UP,    /* share: 0..1 of officer time on arrears */
    UD_CMD_RESCHEDULE,       /* index: household, count: new instalments */
    UD_CMD_WRITE_OFF,        /* index: household */
    UD_CMD_SET_SALARY,       /* index: officer, amount: the new monthly salary */
    UD_CMD_TYPE_COUNT
} ud_command_type;

typedef struct ud_command {
    ud_command_type type;
    int index;
    int count;
    int level;
    ud_money amount;
    ud_rate rate;
    double share;
    ud_product product;
    ud_credit_policy policy;
} ud_command;

/* A stable lower-case name: "set_product". */
const char *ud_command_name(ud_command_type type);

/* Validates and applies a command to the simulation between months. On error, returns
 * false with a message naming the field in err, and nothing changes. Applied commands are
 * appended to the simulation's log with the month they were applied in. */
bool ud_sim_apply(ud_sim *sim, const ud_command *cmd, char *err, size_t err_size);

typedef struct ud_logged_command {
    int month; /* months completed when it was applied */
    ud_command command;
} ud_logged_command;

/* The log of applied commands, oldest first. */
const ud_logged_command *ud_sim_command_log(const ud_sim *sim, int *count);

/* The longest loan a product may make, in months (instalments x their period). */
#define UD_MAX_TERM_MONTHS 36

/* Checks a product's terms and limits (a term of at most UD_MAX_TERM_MONTHS), and the client
 * rate cap of any credit line (rate_cap 0: none). On error writes "field: what is wrong" into
 * err. */
bool ud_product_validate(const ud_product *p, ud_rate rate_cap, char *err, size_t err_size);

/* The APR and EIR in percent a client of the product really pays on a loan of `principal`:
 * fees and the compulsory savings withheld included (ud_schedule_cost_with_deposit). */
ud_terms_error ud_product_cost(const ud_product *p, ud_money principal, double *apr_percent,
                               double *eir_percent);

/* The APR in percent, fees included (not the compulsory savings), that the product's most
 * expensive loan costs (its smallest size for a flat fee); INFINITY if its terms are invalid.
 * What a credit line's rate cap reads. */
double ud_product_apr(const ud_product *p);

/* Compulsory savings up to this share of a loan are what the field customarily withholds
 * (Grameen and BRAC 5-10%, FINCA's village banks 20%): clients take them as a savings
 * commitment, not as a price. */
#define CUSTOMARY_SAVINGS_PERCENT 20

/* The APR households compare: ud_product_apr with the savings withheld beyond
 * CUSTOMARY_SAVINGS_PERCENT counted as a deposit (ud_schedule_cost_with_deposit). */
double ud_product_demand_apr(const ud_product *p);

/* The lowest client-rate cap imposed by an active credit line, or 0. */
ud_rate ud_sim_rate_cap(const ud_sim *sim);

#endif
