/* `unitdesa run`: plays a scenario without a window, as CSV and a summary. */
#include "cli_options.h"
#include "commands.h"
#include "report.h"
#include "runner.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: unitdesa run [SCENARIO] [--strategy FILE] [--seed N] [--months M] [--csv FILE|-]\n"
    "\n"
    "Plays a scenario without a window (the tutorial if none is named). The strategy, a Lua\n"
    "script, makes the decisions; without one, the default strategy approves what the\n"
    "credit policy allows and keeps the default terms. With --csv, one row of indicators a\n"
    "month (money in minor units, ratios as decimals) goes to FILE, or to standard output\n"
    "with '-'; the summary then goes to standard error. Script problems are printed as\n"
    "they happen, and the game goes on.\n"
    "\n"
    "  --strategy FILE  a strategy script (see scenarios/README.md)\n"
    "  --seed N         the random seed, 0 to 2^63 (default: the scenario's)\n"
    "  --months M       months to play, 1 to 240 (default: the scenario's length)\n"
    "  --csv FILE|-     write the monthly indicators as CSV\n";

enum { OPT_STRATEGY, OPT_SEED, OPT_MONTHS, OPT_CSV, OPT_HELP, OPT_COUNT };

static void print_goals(FILE *out, const ud_run_result *r) {
    if (r->goal_count == 0) {
        return;
    }
    fprintf(out, " Goals\n");
    for (int i = 0; i < r->goal_count; i++) {
        static const char *const verdict[3][2] = {
            {"missed", "met"}, {"not won", "won"}, {"happened", "avoided"}};
        fprintf(out, "  [%s] %s\n", verdict[r->goal_kind[i]][r->goal_met[i]], r->goal_text[i]);
    }
}

int ud_cmd_run(int argc, char **argv, int first) {
    ud_option o[OPT_COUNT] = {
        [OPT_STRATEGY] = {"strategy", UD_OPT_VALUE, NULL},
        [OPT_SEED] = {"seed", UD_OPT_VALUE, NULL},
        [OPT_MONTHS] = {"months", UD_OPT_VALUE, NULL},
        [OPT_CSV] = {"csv", UD_OPT_VALUE, NULL},
        [OPT_HELP] = {"help", UD_OPT_FLAG, NULL},
    };
    const char *positional[1] = {NULL};
    int npos = 0;
    if (!ud_options_parse("run", argc, argv, first, o, OPT_COUNT, positional, 1, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[OPT_HELP].value) {
        fputs(usage, stdout);
        return UD_EXIT_OK;
    }
    int64_t seed = 0, months = 0;
    if ((o[OPT_SEED].value &&
         !ud_option_int("run", "seed", o[OPT_SEED].value, 0, INT64_MAX, &seed)) ||
        (o[OPT_MONTHS].value &&
         !ud_option_int("run", "months", o[OPT_MONTHS].value, 1, 240, &months))) {
        return UD_EXIT_USAGE;
    }
    char full[1100], tutorial[1100];
    snprintf(full, sizeof full, "%s/tutorial/first_steps.lua", ud_scenarios_root());
    ud_display_path(full, tutorial, sizeof tutorial);
    ud_run_request req;
    memset(&req, 0, sizeof req);
    req.scenario = npos > 0 ? positional[0] : tutorial;
    req.strategy = o[OPT_STRATEGY].value;
    req.seed_set = o[OPT_SEED].value != NULL;
    req.seed = (uint64_t)seed;
    req.months = (int)months;
    req.problems = stderr;
    const char *csv_path = o[OPT_CSV].value;
    if (csv_path != NULL) {
        req.monthly_csv = strcmp(csv_path, "-") == 0 ? stdout : fopen(csv_path, "w");
        if (req.monthly_csv == NULL) {
            fprintf(stderr, "unitdesa run: --csv: cannot write '%s': %s\n", csv_path,
                    strerror(errno));
            return UD_EXIT_FAILURE;
        }
    }
    ud_run_result r;
    char err[4096];
    bool ok = ud_run_scenario(&req, &r, err, sizeof err);
    int status = UD_EXIT_OK;
    if (req.monthly_csv != NULL && req.monthly_csv != stdout && fclose(req.monthly_csv) != 0) {
        fprintf(stderr, "unitdesa run: --csv: error writing '%s'\n", csv_path);
        status = UD_EXIT_FAILURE;
    }
    if (!ok) {
        fprintf(stderr, "%s\n", err);
        return UD_EXIT_FAILURE;
    }
    FILE *summary = req.monthly_csv == stdout ? stderr : stdout;
    ud_report_summary(summary, &r.final, r.minor_units, r.currency);
    print_goals(summary, &r);
    fprintf(summary, "Seed %llu, %d months: %s.", (unsigned long long)r.seed, r.months_played,
            ud_game_end_name(r.end));
    if (r.problem_count > 0) {
        fprintf(summary, " %d script problem(s), printed above.", r.problem_count);
    }
    fprintf(summary, "\n");
    return status;
}
