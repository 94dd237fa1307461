/* `unitdesa run`: a headless game with the default strategy, as CSV and a summary. */
#include "cli_options.h"
#include "commands.h"
#include "report.h"

#include "ud/sim.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: unitdesa run [--seed N] [--months M] [--households H] [--csv FILE|-]\n"
    "\n"
    "Runs the built-in village without a window: the default strategy approves what the\n"
    "credit policy allows and keeps the default terms. With --csv, one row of indicators\n"
    "a month (money in minor units, ratios as decimals) goes to FILE, or to standard\n"
    "output with '-'; the summary goes to standard error then, else to standard output.\n"
    "\n"
    "  --seed N        the random seed, 0 to 2^63 (default 1)\n"
    "  --months M      months to simulate, 1 to 600 (default 36)\n"
    "  --households H  size of the village, 1 to 1,000,000 (default 300)\n"
    "  --csv FILE|-    write the monthly indicators as CSV\n";

enum { OPT_SEED, OPT_MONTHS, OPT_HOUSEHOLDS, OPT_CSV, OPT_HELP, OPT_COUNT };

int ud_cmd_run(int argc, char **argv, int first) {
    ud_option o[OPT_COUNT] = {
        [OPT_SEED] = {"seed", UD_OPT_VALUE, NULL},
        [OPT_MONTHS] = {"months", UD_OPT_VALUE, NULL},
        [OPT_HOUSEHOLDS] = {"households", UD_OPT_VALUE, NULL},
        [OPT_CSV] = {"csv", UD_OPT_VALUE, NULL},
        [OPT_HELP] = {"help", UD_OPT_FLAG, NULL},
    };
    const char *positional[1];
    int npos = 0;
    if (!ud_options_parse("run", argc, argv, first, o, OPT_COUNT, positional, 0, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[OPT_HELP].value) {
        fputs(usage, stdout);
        return UD_EXIT_OK;
    }
    int64_t seed = 1, months = 36, households = 300;
    if ((o[OPT_SEED].value &&
         !ud_option_int("run", "seed", o[OPT_SEED].value, 0, INT64_MAX, &seed)) ||
        (o[OPT_MONTHS].value &&
         !ud_option_int("run", "months", o[OPT_MONTHS].value, 1, 600, &months)) ||
        (o[OPT_HOUSEHOLDS].value &&
         !ud_option_int("run", "households", o[OPT_HOUSEHOLDS].value, 1, 1000000, &households))) {
        return UD_EXIT_USAGE;
    }
    ud_setup setup;
    ud_setup_default(&setup, (int)households);
    setup.seed = (uint64_t)seed;
    char err[256];
    ud_sim *sim = ud_sim_create(&setup, NULL, err, sizeof err);
    if (sim == NULL) {
        fprintf(stderr, "unitdesa run: %s\n", err);
        return UD_EXIT_FAILURE;
    }
    FILE *csv = NULL;
    const char *csv_path = o[OPT_CSV].value;
    if (csv_path != NULL) {
        csv = strcmp(csv_path, "-") == 0 ? stdout : fopen(csv_path, "w");
        if (csv == NULL) {
            fprintf(stderr, "unitdesa run: --csv: cannot write '%s': %s\n", csv_path,
                    strerror(errno));
            ud_sim_destroy(sim);
            return UD_EXIT_FAILURE;
        }
        fprintf(csv, "%s\n", ud_indicators_csv_header());
    }
    for (int m = 0; m < months; m++) {
        bool going = ud_sim_step(sim);
        if (csv != NULL) {
            ud_indicators_csv_row(csv, ud_sim_indicators(sim, ud_sim_month(sim)));
        }
        ud_sim_clear_events(sim);
        if (!going) {
            break;
        }
    }
    FILE *summary = (csv == stdout) ? stderr : stdout;
    ud_report_summary(summary, ud_sim_indicators(sim, ud_sim_month(sim)), setup.minor_units,
                      setup.currency);
    if (ud_sim_insolvent(sim)) {
        fprintf(summary, "The MFI became insolvent in month %d.\n", ud_sim_month(sim));
    }
    int status = UD_EXIT_OK;
    if (csv != NULL && csv != stdout && fclose(csv) != 0) {
        fprintf(stderr, "unitdesa run: --csv: error writing '%s'\n", csv_path);
        status = UD_EXIT_FAILURE;
    }
    ud_sim_destroy(sim);
    return status;
}
