/* Warnings about amounts that load but cannot be what the trainer meant: money in major
 * units where minor units are expected, salaries and loans out of proportion to the
 * village's incomes, rupiah defaults left in another currency. */
#include "game_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void warn_at(ud_game *g, int line, const char *fmt, ...) {
    if (g->warning_count >= MAX_PROBLEMS) {
        return;
    }
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    char full[2200];
    snprintf(full, sizeof full, "%.1000s:%d: warning: %s", g->info.path, line > 0 ? line : 1, text);
    size_t n = strlen(full) + 1;
    char *copy = malloc(n);
    if (copy != NULL) {
        memcpy(copy, full, n);
        g->warnings[g->warning_count++] = copy;
    }
}

static const char *money(const ud_game *g, ud_money amount, char *buf, size_t size) {
    char n[40];
    ud_money_format(amount, g->info.minor_units, ',', n, sizeof n);
    snprintf(buf, size, "%s %s", n, g->info.currency);
    return buf;
}

void game_plausibility(ud_game *g) {
    const ud_setup *s = &g->setup;
    const ud_mfi_setup *m = &s->mfi;
    ud_money income = s->village.median_monthly_income;
    char a[64], b[64];
    ud_setup pristine;
    ud_setup_default(&pristine, s->village.households);
    if (strcmp(g->info.currency, "IDR") != 0 && income == pristine.village.median_monthly_income) {
        warn_at(g, g->village_line,
                "village{} gives no median_income, so incomes are the default rupiah ones "
                "(%s a month) in %s: give median_income (and poverty_line) in %s",
                money(g, income, a, sizeof a), g->info.currency, g->info.currency);
    }
    const char *unit_hint = g->info.minor_units > 0 ? "amounts are written in minor units (cents)"
                                                    : "is it in the right currency?";
    for (int p = 0; p < m->products; p++) {
        const ud_product *prod = &m->product[p];
        int line = p < g->product_count_declared ? g->product_lines[p] : g->mfi_line;
        if (prod->max_amount < income / 20) {
            warn_at(g, line,
                    "product '%s': loans of at most %s are under a twentieth of the median "
                    "monthly income (%s): %s",
                    prod->name, money(g, prod->max_amount, a, sizeof a),
                    money(g, income, b, sizeof b), unit_hint);
        }
        if (prod->min_amount > income * 36) {
            warn_at(g, line,
                    "product '%s': loans of at least %s are more than three years of the "
                    "median income (%s): %s",
                    prod->name, money(g, prod->min_amount, a, sizeof a),
                    money(g, income, b, sizeof b), unit_hint);
        }
        if (prod->open && m->policy.first_loan_cap > 0 &&
            m->policy.first_loan_cap < prod->min_amount) {
            warn_at(g, g->mfi_line,
                    "policy.first_loan_cap (%s) is below product '%s''s min_amount (%s): no "
                    "first loan can be made with it",
                    money(g, m->policy.first_loan_cap, a, sizeof a), prod->name,
                    money(g, prod->min_amount, b, sizeof b));
        }
    }
    if (m->officers.count > 0 &&
        (m->officers.salary < income / 5 || m->officers.salary > income * 20)) {
        warn_at(g, g->mfi_line,
                "an officer's salary of %s a month is %s the median household income (%s): "
                "%s",
                money(g, m->officers.salary, a, sizeof a),
                m->officers.salary < income / 5 ? "under a fifth of" : "over twenty times",
                money(g, income, b, sizeof b), unit_hint);
    }
    ud_money smallest = 0;
    for (int p = 0; p < m->products; p++) {
        if (m->product[p].open && (smallest == 0 || m->product[p].min_amount < smallest)) {
            smallest = m->product[p].min_amount;
        }
    }
    if (smallest > 0 && m->cash < smallest * 5) {
        warn_at(g, g->mfi_line,
                "the unit's cash (%s) would not pay out five of its smallest loans (%s each)",
                money(g, m->cash, a, sizeof a), money(g, smallest, b, sizeof b));
    }
}
