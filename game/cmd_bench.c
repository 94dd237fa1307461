/* `unitdesa bench`: how fast the engine steps villages of growing size, and how much
 * memory a household costs. Prints numbers; judges nothing. */
#include "cli_options.h"
#include "commands.h"

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
    "usage: unitdesa bench [--months M] [--sizes N,N,...]\n"
    "\n"
    "Steps villages of 500, 5,000 and 50,000 households (or --sizes) for 120 months (or\n"
    "--months) with the default strategy, on one core, and prints for each size:\n"
    "households, months, household-months per second, milliseconds per month, and the\n"
    "bytes the simulation allocated per household at its peak.\n";

int ud_cmd_bench(int argc, char **argv, int first) {
    ud_option o[] = {
        {"months", UD_OPT_VALUE, NULL},
        {"sizes", UD_OPT_VALUE, NULL},
        {"help", UD_OPT_FLAG, NULL},
    };
    const char *positional[1];
    int npos = 0;
    if (!ud_options_parse("bench", argc, argv, first, o, 3, positional, 0, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[2].value) {
        fputs(usage, stdout);
        return UD_EXIT_OK;
    }
    int64_t months = 120;
    if (o[0].value && !ud_option_int("bench", "months", o[0].value, 1, 1200, &months)) {
        return UD_EXIT_USAGE;
    }
    int64_t sizes[8] = {500, 5000, 50000};
    int nsizes = 3;
    if (o[1].value) {
        nsizes = 0;
        char copy[256];
        snprintf(copy, sizeof copy, "%s", o[1].value);
        for (char *tok = strtok(copy, ","); tok != NULL && nsizes < 8; tok = strtok(NULL, ",")) {
            if (!ud_option_int("bench", "sizes", tok, 1, 1000000, &sizes[nsizes])) {
                return UD_EXIT_USAGE;
            }
            nsizes++;
        }
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
