/* `unitdesa sweep` and `unitdesa compare`: many seeds of one scenario on all cores, to
 * balance a scenario and to compare two strategies on its lesson. */
#define _DEFAULT_SOURCE /* realpath */
#include "batch.h"
#include "cli_options.h"
#include "commands.h"
#include "output_file.h"
#include "runner.h"
#include "scenario_folders.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The p-th percentile (0..100) of sorted values, by the nearest-rank method. */
static double percentile(const double *sorted, int n, double p) {
    int rank = (int)((p / 100.0) * n + 0.999999);
    rank = rank < 1 ? 1 : (rank > n ? n : rank);
    return sorted[rank - 1];
}

static const char *const summary_indicators[] = {"active_borrowers",
                                                 "women_share",
                                                 "avg_loan_to_income",
                                                 "par30",
                                                 "par90",
                                                 "write_off_ratio",
                                                 "risk_coverage",
                                                 "portfolio_yield",
                                                 "opex_ratio",
                                                 "oss",
                                                 "fss",
                                                 "subsidy_dependence",
                                                 "equity",
                                                 "cash",
                                                 "households_in_poverty",
                                                 "households_in_distress",
                                                 "avg_household_income",
                                                 "staff_turnover",
                                                 NULL};

static double final_value(const ud_run_result *r, const char *name);

/* A run goes on after a script problem, but its results are not what was meant: say so. */
static void warn_problems(const char *command, const char *strategy, const ud_run_result *r,
                          int runs) {
    int troubled = 0;
    const char *first = NULL;
    for (int i = 0; i < runs; i++) {
        if (r[i].problem_count > 0) {
            troubled++;
            first = first != NULL ? first : r[i].first_problem;
        }
    }
    if (troubled > 0) {
        fprintf(stderr,
                "unitdesa %s: warning: %d of %d runs of %s met script problems; the "
                "first:\n%s\n",
                command, troubled, runs, strategy != NULL ? strategy : "the default strategy",
                first);
    }
}

/* The households at the end by gender or hamlet, averaged over the runs. */
static void print_breakdown(FILE *out, const ud_run_result *results, int runs, bool by_hamlet) {
    int groups = by_hamlet ? results[0].hamlets : 2;
    fprintf(out, "\nat the end, by %s (mean of %d runs)\n", by_hamlet ? "hamlet" : "gender", runs);
    fprintf(out, "%-20s %10s %10s %10s %14s %10s %10s\n", by_hamlet ? "hamlet" : "borrower",
            "households", "borrowers", "in arrears", "avg loan", "poor", "poor start");
    for (int g = 0; g < groups; g++) {
        double hh = 0, borrowers = 0, arrears = 0, outstanding = 0, poor = 0, poor0 = 0;
        for (int i = 0; i < runs; i++) {
            const ud_group_tally *t =
                by_hamlet ? &results[i].by_hamlet[g] : &results[i].by_gender[g];
            hh += t->households;
            borrowers += t->borrowers;
            arrears += t->in_arrears;
            outstanding += t->outstanding;
            poor += t->poor;
            poor0 += t->poor_at_start;
        }
        double scale = 1;
        for (int k = 0; k < results[0].minor_units; k++) {
            scale *= 10;
        }
        const char *name = by_hamlet ? results[0].hamlet_names[g] : (g == 1 ? "women" : "men");
        fprintf(out, "%-20s %10.1f %10.1f %9.1f%% %14.0f %10.1f %10.1f\n", name, hh / runs,
                borrowers / runs, borrowers > 0 ? 100 * arrears / borrowers : 0,
                borrowers > 0 ? outstanding / borrowers / scale : 0, poor / runs, poor0 / runs);
    }
    fprintf(out, "(avg loan: principal outstanding per borrower, in %s)\n", results[0].currency);
}

static int parse_common(const char *command, int argc, char **argv, int first, ud_option *o,
                        int count, const char **scenario) {
    const char *positional[1] = {NULL};
    int npos = 0;
    if (!ud_options_parse(command, argc, argv, first, o, count, positional, 1, &npos)) {
        return UD_EXIT_USAGE;
    }
    *scenario = positional[0];
    return -1;
}

static const char sweep_usage[] =
    "usage: unitdesa sweep SCENARIO [--strategy FILE] --runs N [--jobs J] [--csv FILE|-]\n"
    "                      [--by gender|hamlet]\n"
    "\n"
    "Plays seeds 1..N on all cores and prints the distribution of the final indicators\n"
    "(mean, 10th, 50th and 90th percentile), the share of runs that met each goal (a lose\n"
    "condition: the share that avoided it). With --by, the households at the end by the\n"
    "borrower's gender or by hamlet, averaged over the runs: how many, how many borrow,\n"
    "the share of borrowers in arrears, the average loan outstanding, and how many are\n"
    "poor now and were at the start. With --csv, one row per run. Progress goes to\n"
    "standard error.\n";

int ud_cmd_sweep(int argc, char **argv, int first) {
    ud_option o[] = {{"strategy", UD_OPT_VALUE, NULL}, {"runs", UD_OPT_VALUE, NULL},
                     {"jobs", UD_OPT_VALUE, NULL},     {"csv", UD_OPT_VALUE, NULL},
                     {"help", UD_OPT_FLAG, NULL},      {"by", UD_OPT_VALUE, NULL}};
    const char *scenario = NULL;
    int rc = parse_common("sweep", argc, argv, first, o, 6, &scenario);
    if (rc >= 0) {
        return rc;
    }
    if (o[4].value) {
        fputs(sweep_usage, stdout);
        return UD_EXIT_OK;
    }
    if (scenario == NULL) {
        fprintf(stderr, "unitdesa sweep: name a SCENARIO file (see 'unitdesa list')\n");
        return UD_EXIT_USAGE;
    }
    if (o[1].value == NULL) {
        fprintf(stderr, "unitdesa sweep: --runs is required\n");
        return UD_EXIT_USAGE;
    }
    if (o[5].value != NULL && strcmp(o[5].value, "gender") != 0 &&
        strcmp(o[5].value, "hamlet") != 0) {
        fprintf(stderr, "unitdesa sweep: --by must be gender or hamlet (got '%s')\n", o[5].value);
        return UD_EXIT_USAGE;
    }
    int64_t runs, jobs = ud_batch_default_jobs();
    if (!ud_option_int("sweep", "runs", o[1].value, 1, 100000, &runs) ||
        (o[2].value && !ud_option_int("sweep", "jobs", o[2].value, 1, 64, &jobs))) {
        return UD_EXIT_USAGE;
    }
    FILE *csv = NULL;
    if (o[3].value != NULL) {
        const char *inputs[2] = {scenario, o[0].value};
        char why[2400];
        if (!ud_output_check("--csv", o[3].value, inputs, 2, false, why, sizeof why)) {
            fprintf(stderr, "unitdesa sweep: %s\n", why);
            return UD_EXIT_FAILURE;
        }
        csv = ud_output_open(o[3].value);
        if (csv == NULL) {
            fprintf(stderr, "unitdesa sweep: --csv: cannot write '%s': %s\n", o[3].value,
                    strerror(errno));
            return UD_EXIT_FAILURE;
        }
    }
    ud_run_result *results = calloc((size_t)runs, sizeof *results);
    struct timespec t0, t1;
    timespec_get(&t0, TIME_UTC);
    ud_run_request req;
    memset(&req, 0, sizeof req);
    req.scenario = scenario;
    req.strategy = o[0].value;
    bool ok = ud_batch_run(&req, (int)runs, (int)jobs, results, "sweep", runs >= 50);
    if (ok) {
        warn_problems("sweep", req.strategy, results, (int)runs);
    }
    timespec_get(&t1, TIME_UTC);
    if (!ok) {
        free(results);
        ud_output_discard(csv);
        return UD_EXIT_FAILURE;
    }
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (csv != NULL) {
        fprintf(csv, "seed,end,months,goals_met,problems");
        for (int k = 0; summary_indicators[k] != NULL; k++) {
            fprintf(csv, ",%s", summary_indicators[k]);
        }
        fprintf(csv, "\n");
        for (int i = 0; i < runs; i++) {
            const ud_run_result *r = &results[i];
            fprintf(csv, "%llu,%s,%d,%d,%d", (unsigned long long)r->seed, ud_game_end_name(r->end),
                    r->months_played, r->goals_met, r->problem_count);
            for (int k = 0; summary_indicators[k] != NULL; k++) {
                fprintf(csv, ",%.6f", final_value(r, summary_indicators[k]));
            }
            fprintf(csv, "\n");
        }
        if (!ud_output_close(csv)) {
            fprintf(stderr, "unitdesa sweep: --csv: error writing '%s'\n", o[3].value);
            free(results);
            return UD_EXIT_FAILURE;
        }
    }
    FILE *out = csv == stdout ? stderr : stdout;
    fprintf(out, "%lld runs of %s in %.2f s (%.0f runs/s on %lld jobs)\n", (long long)runs,
            scenario, seconds, (double)runs / seconds, (long long)jobs);
    fprintf(out, "%-24s %14s %14s %14s %14s\n", "final indicator", "mean", "p10", "p50", "p90");
    double *values = calloc((size_t)runs, sizeof(double));
    for (int k = 0; summary_indicators[k] != NULL; k++) {
        double sum = 0;
        for (int i = 0; i < runs; i++) {
            values[i] = final_value(&results[i], summary_indicators[k]);
            sum += values[i];
        }
        qsort(values, (size_t)runs, sizeof(double), compare_doubles);
        /* amounts of money and counts as whole numbers (minor units), ratios with decimals */
        int decimals = ud_indicator_is_whole(summary_indicators[k]) ? 0 : 4;
        fprintf(out, "%-24s %14.*f %14.*f %14.*f %14.*f\n", summary_indicators[k], decimals,
                sum / runs, decimals, percentile(values, (int)runs, 10), decimals,
                percentile(values, (int)runs, 50), decimals, percentile(values, (int)runs, 90));
    }
    free(values);
    int ended[UD_END_HALTED + 1] = {0};
    for (int i = 0; i < runs; i++) {
        ended[results[i].end]++;
    }
    fprintf(out, "endings: %d finished, %d won, %d lost, %d insolvent", ended[UD_END_FINISHED],
            ended[UD_END_WON], ended[UD_END_LOST], ended[UD_END_INSOLVENT]);
    if (ended[UD_END_HALTED] > 0) {
        fprintf(out, ", %d halted (a script was stopped: see its problems)", ended[UD_END_HALTED]);
    }
    fprintf(out, "\n");
    for (int g = 0; g < results[0].goal_count; g++) {
        int met = 0;
        for (int i = 0; i < runs; i++) {
            met += results[i].goal_met[g];
        }
        static const char *const verdict[] = {"goal met in", "won in    ", "avoided in "};
        fprintf(out, "%s %5.1f%% of runs: %s%s\n", verdict[results[0].goal_kind[g]],
                100.0 * met / runs,
                results[0].goal_kind[g] == UD_GOAL_LOSE ? "(lose condition) " : "",
                results[0].goal_text[g]);
    }
    if (o[5].value != NULL) {
        print_breakdown(out, results, (int)runs, strcmp(o[5].value, "hamlet") == 0);
    }
    free(results);
    return UD_EXIT_OK;
}

static double final_value(const ud_run_result *r, const char *name) {
    double v = 0;
    ud_indicator_get(&r->final, name, &v);
    return v;
}

static const char compare_usage[] =
    "usage: unitdesa compare SCENARIO [--runs N] [--jobs J] [--naive FILE] [--sound FILE]\n"
    "                        [--indicator NAME] [--better higher|lower] [--need PERCENT]\n"
    "\n"
    "Plays the scenario's naive and sound strategies (from its scenario{ lesson = ... })\n"
    "over seeds 1..N (default 100) and counts the seeds on which the sound one does better\n"
    "on the lesson's indicator over the lesson's window. Exits 0 if it does in at least\n"
    "--need percent of them (default 90). The two-strategy case of 'unitdesa tournament',\n"
    "which plays every strategy the lesson declares.\n";

int ud_cmd_compare(int argc, char **argv, int first) {
    ud_option o[] = {{"runs", UD_OPT_VALUE, NULL},      {"jobs", UD_OPT_VALUE, NULL},
                     {"naive", UD_OPT_VALUE, NULL},     {"sound", UD_OPT_VALUE, NULL},
                     {"indicator", UD_OPT_VALUE, NULL}, {"better", UD_OPT_VALUE, NULL},
                     {"need", UD_OPT_VALUE, NULL},      {"help", UD_OPT_FLAG, NULL}};
    const char *scenario = NULL;
    int rc = parse_common("compare", argc, argv, first, o, 8, &scenario);
    if (rc >= 0) {
        return rc;
    }
    if (o[7].value) {
        fputs(compare_usage, stdout);
        return UD_EXIT_OK;
    }
    if (scenario == NULL) {
        fprintf(stderr, "unitdesa compare: name a SCENARIO file\n");
        return UD_EXIT_USAGE;
    }
    int64_t runs = 100, jobs = ud_batch_default_jobs(), need = 90;
    if ((o[0].value && !ud_option_int("compare", "runs", o[0].value, 1, 100000, &runs)) ||
        (o[1].value && !ud_option_int("compare", "jobs", o[1].value, 1, 64, &jobs)) ||
        (o[6].value && !ud_option_int("compare", "need", o[6].value, 0, 100, &need))) {
        return UD_EXIT_USAGE;
    }
    const char *hint;
    if (o[4].value != NULL && !ud_lesson_indicator_known(o[4].value, &hint)) {
        /* an unknown name would score every run 0 and give a verdict on nothing */
        fprintf(stderr,
                "unitdesa compare: --indicator: unknown indicator '%s'%s%s%s; the indicators are "
                "listed in scenarios/README.md (Indicators); a lesson may also be judged on "
                "institution_score, client_score, holistic_score or adjusted_par30\n",
                o[4].value, hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
        return UD_EXIT_USAGE;
    }
    ud_game_options opt;
    memset(&opt, 0, sizeof opt);
    opt.helpers_root = ud_scenarios_root();
    opt.scenario_folders = ud_scenario_folder_list(); /* a trainer\'s own scenarios too */
    char err[4096];
    ud_game *g = ud_game_load(scenario, &opt, err, sizeof err);
    if (g == NULL) {
        fprintf(stderr, "%s\n", err);
        return UD_EXIT_FAILURE;
    }
    ud_scenario_info info = *ud_game_info(g);
    ud_game_free(g);
    const char *naive = o[2].value ? o[2].value : info.naive_strategy;
    const char *sound = o[3].value ? o[3].value : info.sound_strategy;
    const char *indicator = o[4].value ? o[4].value : info.lesson_indicator;
    bool higher = info.lesson_higher_is_better;
    if (o[5].value) {
        if (strcmp(o[5].value, "higher") != 0 && strcmp(o[5].value, "lower") != 0) {
            fprintf(stderr, "unitdesa compare: --better must be higher or lower\n");
            return UD_EXIT_USAGE;
        }
        higher = strcmp(o[5].value, "higher") == 0;
    }
    if (naive[0] == '\0' || sound[0] == '\0' || indicator[0] == '\0') {
        fprintf(stderr,
                "unitdesa compare: %s declares no lesson{ indicator, naive, sound }; "
                "give --naive, --sound and --indicator\n",
                scenario);
        return UD_EXIT_USAGE;
    }
    ud_run_result *a = calloc((size_t)runs, sizeof *a), *b = calloc((size_t)runs, sizeof *b);
    ud_run_request req;
    memset(&req, 0, sizeof req);
    req.scenario = scenario;
    req.track = indicator;
    req.track_from = info.lesson_from;
    req.track_to = info.lesson_to;
    req.track_take = info.lesson_take;
    req.track_higher = higher;
    req.strategy = naive;
    bool ok = ud_batch_run(&req, (int)runs, (int)jobs, a, "compare", runs >= 50);
    req.strategy = sound;
    ok = ok && ud_batch_run(&req, (int)runs, (int)jobs, b, "compare", runs >= 50);
    if (!ok) {
        free(a);
        free(b);
        return UD_EXIT_FAILURE;
    }
    warn_problems("compare", naive, a, (int)runs);
    warn_problems("compare", sound, b, (int)runs);
    int wins = 0;
    double sum_a = 0, sum_b = 0;
    for (int i = 0; i < runs; i++) {
        double va = a[i].tracked, vb = b[i].tracked;
        sum_a += va;
        sum_b += vb;
        wins += higher ? vb > va : vb < va;
    }
    static const char *const takes[] = {"mean", "worst month", "last month"};
    printf("%s: %s, %s of months %d-%d (%s is better)\n", scenario, indicator,
           takes[info.lesson_take], info.lesson_from > 0 ? info.lesson_from : 1,
           info.lesson_to > 0 ? info.lesson_to : info.months, higher ? "higher" : "lower");
    /* the strategies' paths without their "../": as `list` and the file manager show them */
    char shown_naive[PATH_MAX], shown_sound[PATH_MAX], real[PATH_MAX];
    ud_display_path(realpath(naive, real) ? real : naive, shown_naive, sizeof shown_naive);
    ud_display_path(realpath(sound, real) ? real : sound, shown_sound, sizeof shown_sound);
    printf("  naive %-40s mean %.4f\n", shown_naive, sum_a / runs);
    printf("  sound %-40s mean %.4f\n", shown_sound, sum_b / runs);
    printf("  the sound strategy did better on %d of %lld seeds (%.0f%%; needed %lld%%)\n", wins,
           (long long)runs, 100.0 * wins / runs, (long long)need);
    free(a);
    free(b);
    return wins * 100 >= need * runs ? UD_EXIT_OK : UD_EXIT_FAILURE;
}
