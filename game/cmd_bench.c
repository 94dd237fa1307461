/* `unitdesa bench`: how fast the engine steps villages of growing size, and how much
 * memory a household costs. Prints numbers; judges nothing. */
#include "cli_options.h"
#include "commands.h"

#include "gui/gui.h"
#include "runner.h"
#include "ud/debrief.h"
#include "ud/game.h"
#include "ud/sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Counts the bytes a simulation asks for, so memory per household is measured, not guessed. */
typedef struct counting_heap {
    size_t live, peak;
} counting_heap;

typedef struct block_header {
    size_t size;
    max_align_t align;
} block_header;

static void *counting_alloc(void *ud, size_t size) {
    counting_heap *heap = ud;
    block_header *b = calloc(1, sizeof(block_header) + size);
    if (b == NULL) {
        return NULL;
    }
    b->size = size;
    heap->live += size;
    if (heap->live > heap->peak) {
        heap->peak = heap->live;
    }
    return b + 1;
}

static void counting_free(void *ud, void *ptr) {
    counting_heap *heap = ud;
    block_header *b = (block_header *)ptr - 1;
    heap->live -= b->size;
    free(b);
}

static double now_seconds(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC); /* C11; wall time is what a user waits */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char usage[] =
    "usage: unitdesa bench [--months M] [--sizes N,N,...] | --scenarios | --debrief | --gui\n"
    "\n"
    "Steps villages of 500, 5,000 and 50,000 households (or --sizes) for 120 months (or\n"
    "--months) with the default strategy, on one core, and prints for each size:\n"
    "households, months, household-months per second, milliseconds per month, and the\n"
    "bytes the simulation allocated per household at its peak.\n"
    "\n"
    "With --scenarios, measures instead each shipped scenario with its sound strategy (or\n"
    "the default one): milliseconds to load it, milliseconds of script time per month, and\n"
    "whole games per second on one core.\n"
    "\n"
    "With --debrief, plays each shipped scenario with its naive strategy as the trainee,\n"
    "then times the debrief's replays (without the shocks, the sound strategy on the same\n"
    "seed, and without each main decision) and prints how many there were.\n"
    "\n"
    "With --gui, measures the game with the software renderer at 1280x720: milliseconds\n"
    "from launch to the start screen, milliseconds to draw the busiest screen, CPU used\n"
    "while waiting for input, and peak resident memory through a 36-month game.\n";

static int bench_scenarios(void) {
    static char paths[64][1024];
    int n = ud_shipped_scenarios(paths, 64);
    for (int i = 0; i < n; i++) {
        const int loads = 20;
        double start = now_seconds();
        char err[4096];
        ud_game_options opt;
        memset(&opt, 0, sizeof opt);
        opt.helpers_root = ud_scenarios_root();
        for (int k = 0; k < loads; k++) {
            ud_game *g = ud_game_load(paths[i], &opt, err, sizeof err);
            if (g == NULL) {
                fprintf(stderr, "%s\n", err);
                return UD_EXIT_FAILURE;
            }
            ud_game_free(g);
        }
        double load_ms = (now_seconds() - start) * 1000.0 / loads;
        const int games = 20;
        double script = 0;
        int months = 0;
        start = now_seconds();
        for (int k = 0; k < games; k++) {
            ud_game *g = ud_game_load(paths[i], &opt, err, sizeof err);
            const char *strategy = ud_game_info(g)->sound_strategy;
            if (strategy[0] != '\0' && !ud_game_set_strategy(g, strategy, err, sizeof err)) {
                fprintf(stderr, "%s\n", err);
                ud_game_free(g);
                return UD_EXIT_FAILURE;
            }
            while (ud_game_play_month(g)) {
            }
            months += ud_sim_month(ud_game_sim(g));
            script += ud_game_script_seconds(g);
            ud_game_free(g);
        }
        double elapsed = now_seconds() - start;
        printf("scenario=%s load_ms=%.2f script_ms_per_month=%.3f games_per_s=%.1f\n", paths[i],
               load_ms, script * 1000.0 / months, games / elapsed);
        fflush(stdout);
    }
    return UD_EXIT_OK;
}

static int bench_debrief(void) {
    static char paths[64][1024];
    int n = ud_shipped_scenarios(paths, 64);
    for (int i = 0; i < n; i++) {
        char err[4096];
        ud_game_options opt;
        memset(&opt, 0, sizeof opt);
        opt.helpers_root = ud_scenarios_root();
        ud_game *g = ud_game_load(paths[i], &opt, err, sizeof err);
        if (g == NULL) {
            fprintf(stderr, "%s\n", err);
            return UD_EXIT_FAILURE;
        }
        const char *strategy = ud_game_info(g)->naive_strategy;
        if (strategy[0] != '\0' && !ud_game_set_strategy(g, strategy, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            ud_game_free(g);
            return UD_EXIT_FAILURE;
        }
        while (ud_game_play_month(g)) {
        }
        int decisions;
        ud_game_decisions(g, &decisions);
        ud_debrief d;
        if (!ud_debrief_analyse(g, &d, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            ud_game_free(g);
            return UD_EXIT_FAILURE;
        }
        int replays = 1 + (d.reference != NULL) + d.replayed;
        printf("scenario=%s months=%d decisions=%d main_decisions=%d replays=%d "
               "seconds=%.3f ms_per_replay=%.1f\n",
               paths[i], d.months, decisions, d.candidates, replays, d.seconds,
               d.seconds * 1000.0 / replays);
        fflush(stdout);
        ud_debrief_free(&d);
        ud_game_free(g);
    }
    return UD_EXIT_OK;
}

#define MAX_SIZES 8

/* "500,5000" -> {500, 5000}: whole numbers from 1 to 1,000,000, none empty, at most
 * MAX_SIZES. False (message printed) otherwise. */
static bool parse_sizes(const char *text, int64_t *sizes, int *count) {
    *count = 0;
    const char *p = text;
    for (;;) {
        size_t len = strcspn(p, ",");
        char token[32];
        bool ok = len > 0 && len < sizeof token && *count < MAX_SIZES;
        if (ok) {
            memcpy(token, p, len);
            token[len] = '\0';
            char *end;
            long long v = strtoll(token, &end, 10);
            ok = token[0] >= '0' && token[0] <= '9' && *end == '\0' && v >= 1 && v <= 1000000;
            sizes[*count] = v;
        }
        if (!ok) {
            fprintf(stderr,
                    "unitdesa bench: --sizes must list household counts from 1 to 1000000 "
                    "separated by commas, at most %d (got '%s')\n",
                    MAX_SIZES, text);
            return false;
        }
        (*count)++;
        if (p[len] == '\0') {
            return true;
        }
        p += len + 1;
    }
}

int ud_cmd_bench(int argc, char **argv, int first) {
    ud_option o[] = {
        {"months", UD_OPT_VALUE, NULL}, {"sizes", UD_OPT_VALUE, NULL},
        {"help", UD_OPT_FLAG, NULL},    {"scenarios", UD_OPT_FLAG, NULL},
        {"gui", UD_OPT_FLAG, NULL},     {"debrief", UD_OPT_FLAG, NULL},
    };
    const char *positional[1];
    int npos = 0;
    if (!ud_options_parse("bench", argc, argv, first, o, 6, positional, 0, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[2].value) {
        fputs(usage, stdout);
        return UD_EXIT_OK;
    }
    /* one measure a run: the modes exclude each other, and --months and --sizes belong to
     * the village measure only (the modes would ignore them in silence) */
    const char *modes[] = {"scenarios", "gui", "debrief"};
    const char *mode = NULL;
    for (int i = 0; i < 3; i++) {
        if (o[3 + i].value == NULL) {
            continue;
        }
        if (mode != NULL) {
            fprintf(stderr,
                    "unitdesa bench: --%s and --%s exclude each other: measure one at a time\n",
                    mode, modes[i]);
            return UD_EXIT_USAGE;
        }
        mode = modes[i];
    }
    if (mode != NULL && (o[0].value != NULL || o[1].value != NULL)) {
        fprintf(stderr, "unitdesa bench: --%s applies to the villages' measure, not to --%s\n",
                o[0].value != NULL ? "months" : "sizes", mode);
        return UD_EXIT_USAGE;
    }
    if (o[3].value) {
        return bench_scenarios();
    }
    if (o[4].value) {
        return ud_bench_gui();
    }
    if (o[5].value) {
        return bench_debrief();
    }
    int64_t months = 120;
    if (o[0].value && !ud_option_int("bench", "months", o[0].value, 1, 1200, &months)) {
        return UD_EXIT_USAGE;
    }
    int64_t sizes[MAX_SIZES] = {500, 5000, 50000};
    int nsizes = 3;
    if (o[1].value && !parse_sizes(o[1].value, sizes, &nsizes)) {
        return UD_EXIT_USAGE;
    }
    for (int i = 0; i < nsizes; i++) {
        counting_heap heap = {0, 0};
        ud_allocator alloc = {counting_alloc, counting_free, &heap};
        ud_setup setup;
        ud_setup_default(&setup, (int)sizes[i]);
        char err[256];
        ud_sim *sim = ud_sim_create(&setup, &alloc, err, sizeof err);
        if (sim == NULL) {
            fprintf(stderr, "unitdesa bench: %s\n", err);
            return UD_EXIT_FAILURE;
        }
        double start = now_seconds();
        int done = 0;
        for (; done < months; done++) {
            bool going = ud_sim_step(sim);
            ud_sim_clear_events(sim);
            if (!going) {
                done++;
                break;
            }
        }
        double elapsed = now_seconds() - start;
        double hh_months = (double)sizes[i] * done;
        printf("households=%lld months=%d household_months_per_s=%.0f ms_per_month=%.2f "
               "bytes_per_household=%.0f\n",
               (long long)sizes[i], done, hh_months / elapsed, elapsed * 1000.0 / done,
               (double)heap.peak / (double)sizes[i]);
        fflush(stdout);
        ud_sim_destroy(sim);
    }
    return UD_EXIT_OK;
}
