/* Calibration: the benchmark village unit, run by a prudent reference strategy over 100
 * seeds, lands inside the published ranges for small rural MFIs and BRI's village units
 * (each range and its source: engine/MODEL.md, "Calibration"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ud/game.h"

#include <stdio.h>
#include <string.h>

#define SEEDS 100

typedef struct range {
    const char *indicator;
    double low, high;
    double sum;
    int inside;
} range;

static void test_calibration_benchmark_unit_within_published_ranges(void **state) {
    (void)state;
    range ranges[] = {
        {"par30", 0.01, 0.05, 0, 0},
        {"write_off_ratio", 0.005, 0.03, 0, 0},
        {"borrowers_per_officer", 150, 400, 0, 0},
        {"opex_ratio", 0.10, 0.30, 0, 0},
        {"portfolio_yield", 0.25, 0.45, 0, 0},
        {"deposits_to_loans", 0.8, 2.5, 0, 0},
        {"roa", -0.02, 0.08, 0, 0},
    };
    int count = (int)(sizeof ranges / sizeof ranges[0]);
    char err[8192];
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        ud_game_options o;
        memset(&o, 0, sizeof o);
        o.helpers_root = UD_SCENARIOS;
        o.seed_set = true;
        o.seed = seed;
        ud_game *g = ud_game_load(UD_SCENARIOS "/benchmark/village_unit.lua", &o, err, sizeof err);
        if (g == NULL) {
            fail_msg("the benchmark did not load: %s", err);
        }
        if (!ud_game_set_strategy(g, UD_SCENARIOS "/strategies/benchmark_prudent.lua", err,
                                  sizeof err)) {
            fail_msg("the reference strategy did not load: %s", err);
        }
        while (ud_game_play_month(g)) {
        }
        assert_int_equal(ud_game_end_state(g), UD_END_FINISHED);
        ud_sim *sim = ud_game_sim(g);
        /* Flow ratios over the last twelve months; stocks averaged over the same months. */
        for (int i = 0; i < count; i++) {
            double v = 0, sum = 0;
            bool stock = strcmp(ranges[i].indicator, "par30") == 0 ||
                         strcmp(ranges[i].indicator, "borrowers_per_officer") == 0 ||
                         strcmp(ranges[i].indicator, "deposits_to_loans") == 0;
            int months = ud_sim_month(sim);
            int from = stock ? months - 11 : months;
            for (int m = from; m <= months; m++) {
                assert_true(ud_indicator_value(sim, ranges[i].indicator, m, &v));
                sum += v;
            }
            v = sum / (months - from + 1);
            ranges[i].sum += v;
            ranges[i].inside += v >= ranges[i].low && v <= ranges[i].high;
        }
        ud_game_free(g);
    }
    bool ok = true;
    for (int i = 0; i < count; i++) {
        double mean = ranges[i].sum / SEEDS;
        bool good =
            mean >= ranges[i].low && mean <= ranges[i].high && ranges[i].inside >= SEEDS * 8 / 10;
        print_message("%-22s mean %8.4f  range %g..%g  seeds inside %3d/%d  %s\n",
                      ranges[i].indicator, mean, ranges[i].low, ranges[i].high, ranges[i].inside,
                      SEEDS, good ? "ok" : "OUTSIDE");
        ok &= good;
    }
    assert_true(ok);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calibration_benchmark_unit_within_published_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
