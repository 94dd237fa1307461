/* Tests of the institution and client scores: parts, ranges, windows, and the rules that
 * stop a degenerate play from scoring well. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim_helpers.h"
#include "ud/command.h"
#include "ud/scores.h"

#include <math.h>
#include <string.h>

static ud_sim *village(uint64_t seed) {
    ud_setup setup;
    ud_setup_default(&setup, 400);
    setup.seed = seed;
    return make_sim(&setup);
}

static void step(ud_sim *sim, int months) {
    for (int m = 0; m < months; m++) {
        ud_sim_step(sim);
        ud_sim_clear_events(sim);
    }
}

static double sum_parts(const ud_score_part *p, int n, double *weights) {
    double sum = 0;
    *weights = 0;
    for (int i = 0; i < n; i++) {
        if (p[i].points < 0 || p[i].points > p[i].weight + 1e-9) {
            fail_msg("part '%s': %.3f points is outside 0..%.0f", p[i].name, p[i].points,
                     p[i].weight);
        }
        sum += p[i].points;
        *weights += p[i].weight;
    }
    return sum;
}

static void test_scores_parts_add_up_to_the_score(void **state) {
    (void)state;
    ud_sim *sim = village(3);
    step(sim, 24);
    ud_scores s;
    ud_scores_compute(sim, &s);
    double wi, wc;
    assert_true(fabs(sum_parts(s.institution_part, s.institution_parts, &wi) - s.institution) <
                1e-9);
    assert_true(fabs(sum_parts(s.client_part, s.client_parts, &wc) - s.clients) < 1e-9);
    if (fabs(wi - 100) > 1e-9 || fabs(wc - 100) > 1e-9) {
        fail_msg("the parts' weights must add up to 100: institution %.1f, clients %.1f", wi, wc);
    }
    assert_true(s.institution > 0 && s.institution <= 100);
    assert_true(s.clients > 0 && s.clients <= 100);
    ud_sim_destroy(sim);
}

static void test_scores_are_zero_before_the_first_month(void **state) {
    (void)state;
    ud_sim *sim = village(1);
    ud_scores s;
    ud_scores_compute(sim, &s);
    assert_true(s.institution == 0 && s.clients == 0);
    ud_sim_destroy(sim);
}

/* Scores at month m of a long game equal the scores of the same game stopped at m: the
 * debrief of a saved game and the tournament's windows see the same figures. */
static void test_scores_at_a_month_equal_a_game_stopped_there(void **state) {
    (void)state;
    ud_sim *long_game = village(5), *short_game = village(5);
    step(long_game, 18);
    step(short_game, 9);
    ud_scores a, b;
    ud_scores_at(long_game, 9, &a);
    ud_scores_compute(short_game, &b);
    assert_true(a.institution == b.institution);
    assert_true(a.clients == b.clients);
    for (int i = 0; i < a.institution_parts; i++) {
        assert_true(a.institution_part[i].value == b.institution_part[i].value);
    }
    double v;
    assert_true(ud_score_value(long_game, "holistic_score", 9, &v));
    assert_true(v == (a.institution < a.clients ? a.institution : a.clients));
    assert_false(ud_score_value(long_game, "par30", 9, &v));
    ud_sim_destroy(long_game);
    ud_sim_destroy(short_game);
}

/* An MFI that never lends earns nothing for portfolio quality or outreach: an empty
 * portfolio is not a healthy one. */
static void test_scores_nothing_lent_earns_no_quality_or_outreach(void **state) {
    (void)state;
    ud_sim *sim = village(2);
    int n;
    ud_sim_products(sim, &n);
    for (int i = 0; i < n; i++) {
        ud_command c;
        memset(&c, 0, sizeof c);
        c.type = UD_CMD_CLOSE_PRODUCT;
        c.index = i;
        char err[256];
        assert_true(ud_sim_apply(sim, &c, err, sizeof err));
    }
    step(sim, 12);
    ud_scores s;
    ud_scores_compute(sim, &s);
    assert_true(s.institution_part[2].points == 0); /* portfolio quality */
    assert_true(s.institution_part[3].points == 0); /* loan losses */
    assert_true(s.institution_part[5].points == 0); /* money at work */
    assert_true(s.client_part[3].points == 0);      /* outreach */
    ud_sim_destroy(sim);
}

/* A book of balloons whose principal falls due after the game is current, but the unit
 * provisions its expected loss (loans beyond what households can carry): the quality part
 * judges the worse of the adjusted PAR and that reserve, so the book is no healthier for
 * being current (a red team's balloon probes topped the institution axis). */
static void test_scores_quality_counts_the_expected_loss_of_balloons(void **state) {
    (void)state;
    ud_sim *sim = village(5);
    int n;
    const ud_product *p = ud_sim_products(sim, &n);
    for (int i = 0; i < n; i++) {
        ud_command c;
        memset(&c, 0, sizeof c);
        c.type = UD_CMD_SET_PRODUCT;
        c.index = i;
        c.product = p[i];
        c.product.terms.frequency = UD_FREQ_MONTHLY;
        c.product.terms.installments = 36;
        c.product.terms.grace = 35; /* all the principal in the last month */
        char err[256];
        assert_true(ud_sim_apply(sim, &c, err, sizeof err));
    }
    step(sim, 12);
    ud_scores s;
    ud_scores_compute(sim, &s);
    const ud_indicators *d = ud_sim_indicators(sim, 12);
    double reserve = (double)d->loan_loss_reserve / (double)d->gross_portfolio;
    print_message("balloons at month 12: reserve %.3f of the portfolio, PAR30 %.3f; quality "
                  "%.3f, %.1f points of 25\n",
                  reserve, d->par30, s.institution_part[2].value, s.institution_part[2].points);
    assert_true(reserve > 0.2);
    assert_true(s.institution_part[2].value >= reserve - 1e-9);
    assert_true(s.institution_part[2].points < 5);
    ud_sim_destroy(sim);
}

/* The adjusted PAR adds the last twelve months' write-offs to the PAR30 portfolio and to the
 * portfolio: a loan written off still counts against it for a year, and the ratio stays
 * between 0 and 1. */
static void test_scores_adjusted_par_counts_write_offs(void **state) {
    (void)state;
    ud_sim *sim = village(4);
    step(sim, 12);
    /* one loan written off by the manager: the year's write-offs are never empty, whatever
     * the economy's default rate */
    for (int i = 0; i < ud_sim_household_count(sim); i++) {
        ud_household_view h;
        if (ud_sim_household(sim, i, &h) && h.loan != NULL) {
            ud_command c;
            memset(&c, 0, sizeof c);
            c.type = UD_CMD_WRITE_OFF;
            c.index = i;
            char err[128];
            assert_true(ud_sim_apply(sim, &c, err, sizeof err));
            break;
        }
    }
    step(sim, 8);
    double written = 0;
    for (int m = 9; m <= 20; m++) {
        written += (double)ud_sim_indicators(sim, m)->write_offs;
    }
    const ud_indicators *d = ud_sim_indicators(sim, 20);
    assert_true(d->gross_portfolio > 0);
    assert_true(written > 0); /* the village must have written something off to test this */
    double expected = ((double)d->par30_amount + written) / ((double)d->gross_portfolio + written);
    double v;
    assert_true(ud_score_value(sim, "adjusted_par30", 20, &v));
    if (fabs(v - expected) > 1e-12 || v < d->par30) {
        fail_msg("adjusted PAR30 %.6f, expected %.6f (PAR30 %.6f)", v, expected, d->par30);
    }
    ud_sim_destroy(sim);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scores_parts_add_up_to_the_score),
        cmocka_unit_test(test_scores_are_zero_before_the_first_month),
        cmocka_unit_test(test_scores_at_a_month_equal_a_game_stopped_there),
        cmocka_unit_test(test_scores_nothing_lent_earns_no_quality_or_outreach),
        cmocka_unit_test(test_scores_adjusted_par_counts_write_offs),
        cmocka_unit_test(test_scores_quality_counts_the_expected_loss_of_balloons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
