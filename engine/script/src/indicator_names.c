/* Indicators by name, as scripts, goals and the CSV name them. */
#include "sandbox.h"
#include "ud/game.h"

#include <stddef.h>
#include <string.h>

typedef enum value_type { AS_INT, AS_MONEY, AS_RATIO } value_type;

/* One list, expanded twice: into the names and into where each value lives. */
#define INDICATORS(X)                                                                              \
    X(cash, AS_MONEY)                                                                              \
    X(gross_portfolio, AS_MONEY)                                                                   \
    X(active_borrowers, AS_INT)                                                                    \
    X(women_share, AS_RATIO)                                                                       \
    X(avg_loan_to_income, AS_RATIO)                                                                \
    X(par30, AS_RATIO)                                                                             \
    X(par90, AS_RATIO)                                                                             \
    X(write_offs, AS_MONEY)                                                                        \
    X(recoveries, AS_MONEY)                                                                        \
    X(loan_loss_reserve, AS_MONEY)                                                                 \
    X(risk_coverage, AS_RATIO)                                                                     \
    X(deposits, AS_MONEY)                                                                          \
    X(borrowings, AS_MONEY)                                                                        \
    X(equity, AS_MONEY)                                                                            \
    X(total_assets, AS_MONEY)                                                                      \
    X(total_liabilities, AS_MONEY)                                                                 \
    X(financial_revenue, AS_MONEY)                                                                 \
    X(financial_expense, AS_MONEY)                                                                 \
    X(provision_expense, AS_MONEY)                                                                 \
    X(operating_expense, AS_MONEY)                                                                 \
    X(portfolio_yield, AS_RATIO)                                                                   \
    X(opex_ratio, AS_RATIO)                                                                        \
    X(cost_per_borrower, AS_MONEY)                                                                 \
    X(borrowers_per_officer, AS_RATIO)                                                             \
    X(oss, AS_RATIO)                                                                               \
    X(fss, AS_RATIO)                                                                               \
    X(subsidy_dependence, AS_RATIO)                                                                \
    X(households_in_poverty, AS_INT)                                                               \
    X(avg_household_income, AS_MONEY)                                                              \
    X(women_borrowers, AS_INT)                                                                     \
    X(officers, AS_INT)                                                                            \
    X(poor_women, AS_INT)                                                                          \
    X(poor_men, AS_INT)                                                                            \
    X(par30_amount, AS_MONEY)                                                                      \
    X(net_result, AS_MONEY)                                                                        \
    X(rescheduled_ratio, AS_RATIO)                                                                 \
    X(write_off_ratio, AS_RATIO)                                                                   \
    X(deposits_to_loans, AS_RATIO)                                                                 \
    X(capture_share, AS_RATIO)                                                                     \
    X(forming_groups, AS_INT)                                                                      \
    X(directed_loans, AS_INT)                                                                      \
    X(roa, AS_RATIO)                                                                               \
    X(overindebted_share, AS_RATIO)                                                                \
    X(poor_clients, AS_INT)                                                                        \
    X(poor_reach, AS_RATIO)                                                                        \
    X(poor_client_income_gain, AS_RATIO)                                                           \
    X(women_in_distress, AS_INT)                                                                   \
    X(households_in_distress, AS_INT)                                                              \
    X(staff_turnover, AS_RATIO)                                                                    \
    X(pay_to_market, AS_RATIO)

#define AS_NAME(field, type) #field,
#define AS_ENTRY(field, type) {offsetof(ud_indicators, field), type},

static const char *const names[] = {INDICATORS(AS_NAME) NULL};

static const struct {
    size_t offset;
    value_type type;
} table[] = {INDICATORS(AS_ENTRY)};

#define COUNT (sizeof table / sizeof table[0])

const char *const *ud_indicator_names(void) {
    return names;
}

bool ud_indicator_value(const ud_sim *sim, const char *name, int month, double *value) {
    const ud_indicators *ind = ud_sim_indicators(sim, month);
    return ind != NULL && ud_indicator_get(ind, name, value);
}

bool ud_indicator_is_whole(const char *name) {
    for (size_t i = 0; i < COUNT; i++) {
        if (strcmp(names[i], name) == 0) {
            return table[i].type != AS_RATIO;
        }
    }
    return false;
}

bool ud_indicator_is_money(const char *name) {
    for (size_t i = 0; i < COUNT; i++) {
        if (strcmp(names[i], name) == 0) {
            return table[i].type == AS_MONEY;
        }
    }
    return false;
}

bool ud_indicator_get(const ud_indicators *ind, const char *name, double *value) {
    const char *base = (const char *)ind;
    for (size_t i = 0; i < COUNT; i++) {
        if (strcmp(names[i], name) != 0) {
            continue;
        }
        switch (table[i].type) {
        case AS_INT:
            *value = *(const int *)(base + table[i].offset);
            break;
        case AS_MONEY:
            *value = (double)*(const ud_money *)(base + table[i].offset);
            break;
        case AS_RATIO:
            *value = *(const double *)(base + table[i].offset);
            break;
        }
        return true;
    }
    return false;
}

/* The figures of ud_score_value that a lesson may also be judged on. */
static const char *const score_names[] = {"institution_score", "client_score", "holistic_score",
                                          "adjusted_par30", NULL};

const char *ud_indicator_hint(const char *name) {
    const char *close = ud_closest_word(name, names);
    if (close != NULL) {
        return close;
    }
    /* the long names trainers write for the short ones the game uses */
    static const char *const synonyms[][2] = {
        {"operational_self_sufficiency", "oss"},
        {"financial_self_sufficiency", "fss"},
        {"portfolio_at_risk", "par30"},
        {"portfolio_at_risk_30", "par30"},
        {"portfolio_at_risk_90", "par90"},
        {"borrowers", "active_borrowers"},
        {"clients", "active_borrowers"},
        {"active_clients", "active_borrowers"},
        {"poverty", "households_in_poverty"},
        {"poor_households", "households_in_poverty"},
        {"distress", "households_in_distress"},
        {"women", "women_share"},
        {"women_clients", "women_share"},
        {"loan_portfolio", "gross_portfolio"},
        {"portfolio", "gross_portfolio"},
        {"write_off_rate", "write_off_ratio"},
        {"sdi", "subsidy_dependence"},
        {"subsidy_dependence_index", "subsidy_dependence"},
        {"return_on_assets", "roa"},
        {"yield", "portfolio_yield"},
        {"operating_expense_ratio", "opex_ratio"},
    };
    for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++) {
        if (strcmp(name, synonyms[i][0]) == 0) {
            return synonyms[i][1];
        }
    }
    return NULL;
}

bool ud_lesson_indicator_known(const char *name, const char **hint) {
    const char *const *lists[] = {names, score_names};
    for (int l = 0; l < 2; l++) {
        for (const char *const *n = lists[l]; *n != NULL; n++) {
            if (strcmp(*n, name) == 0) {
                *hint = NULL;
                return true;
            }
        }
    }
    *hint = ud_indicator_hint(name);
    *hint = *hint != NULL ? *hint : ud_closest_word(name, score_names);
    return false;
}
