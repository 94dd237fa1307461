/* `unitdesa tournament`: every strategy a scenario's lesson declares (sound, naive, probes)
 * over the same seeds; the pairwise win matrix on the lesson's indicator, the institution
 * and client scores, goals met, and the rules a lesson must pass. */
#include "batch.h"
#include "cli_options.h"
#include "check_texts.h"
#include "commands.h"
#include "output_file.h"
#include "runner.h"
#include "scenario_folders.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The rules a lesson must pass (scenarios/README.md, "The lesson and its tournament"). */
#define SOUND_MUST_BEAT_NAIVE 90 /* percent of seeds */
#define PROBE_MAX_ALL_GOALS 20   /* percent of runs */

static const char *const family_names[] = {"sound", "naive", "probe"};

typedef struct entry {
    const char *path;
    char label[16]; /* S1, N2, P3 */
    char name[96];  /* file name without folder and .lua */
    ud_lesson_family family;
    ud_run_result *runs;
    double mean_value, mean_institution, mean_clients;
    int all_goals; /* runs that met every goal */
    int halted;    /* runs its script stopped (a limit, an error at load): no result */
} entry;

static bool all_goals_met(const ud_run_result *r) {
    return r->goals_met == r->goal_count && r->end != UD_END_INSOLVENT;
}

/* Whether a does better than b on one seed's lesson figure (a tie is no win). */
static bool beats(double a, double b, bool higher) {
    return higher ? a > b : a < b;
}

static void base_name(const char *path, char *out, size_t size) {
    const char *slash = strrchr(path, '/');
    snprintf(out, size, "%s", slash ? slash + 1 : path);
    size_t n = strlen(out);
    if (n > 4 && strcmp(out + n - 4, ".lua") == 0) {
        out[n - 4] = '\0';
    }
}

static const char usage[] =
    "usage: unitdesa tournament SCENARIO [--runs N] [--jobs J] [--csv FILE|-]\n"
    "\n"
    "Plays every strategy of the scenario's lesson (sound, naive and probes, from\n"
    "scenario{ lesson = ... }) over seeds 1..N (default 100) and prints:\n"
    "  the win matrix: the share of seeds on which the row's strategy does better than the\n"
    "  column's on the lesson's indicator over the lesson's window;\n"
    "  each strategy's mean lesson figure, institution and client scores (0-100, defined in\n"
    "  scenarios/README.md) and the share of runs in which it met every goal;\n"
    "  what fails: a sound strategy that beats some naive one on fewer than 90% of seeds,\n"
    "  a probe that meets every goal in more than 20% of runs, or a probe that scores above\n"
    "  every sound strategy on the institution or the client axis.\n"
    "Exits 0 only if nothing fails. With --csv, one row per strategy and seed.\n"
    "\n"
    "The lesson's strategies must lie in a scenarios folder: the shipped one, your own, or\n"
    "one given with --scenarios DIR (unitdesa --scenarios DIR tournament ...).\n";

/* Opens the CSV and writes its header at once, so that a file that takes no writes is
 * reported before the games are played. NULL (said on stderr) if it cannot be written. */
static FILE *open_csv(const char *file) {
    FILE *csv = ud_output_open(file);
    if (csv == NULL) {
        fprintf(stderr, "unitdesa tournament: --csv: cannot write '%s': %s\n", file,
                strerror(errno));
        return NULL;
    }
    fprintf(csv, "strategy,family,seed,end,lesson_value,institution,clients,goals_met,goals\n");
    if (fflush(csv) != 0 || ferror(csv)) {
        fprintf(stderr, "unitdesa tournament: --csv: cannot write '%s': %s\n", file,
                strerror(errno));
        ud_output_discard(csv);
        return NULL;
    }
    return csv;
}

/* Writes one row per strategy and seed and closes the CSV; `csv` is NULL without --csv. */
static int write_csv(FILE *csv, const char *file, const entry *e, int count, int runs) {
    if (csv == NULL) {
        return UD_EXIT_OK;
    }
    if (e == NULL) {
        ud_output_discard(csv); /* a tournament that could not be played leaves the old CSV */
        return UD_EXIT_OK;
    }
    {
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < runs; i++) {
                const ud_run_result *r = &e[s].runs[i];
                fprintf(csv, "%s,%s,%llu,%s,%.6f,%.2f,%.2f,%d,%d\n", e[s].name,
                        family_names[e[s].family], (unsigned long long)r->seed,
                        ud_game_end_name(r->end), r->tracked, r->scores.institution,
                        r->scores.clients, r->goals_met, r->goal_count);
            }
        }
    }
    bool written = ud_output_close(csv);
    if (!written) {
        fprintf(stderr, "unitdesa tournament: --csv: error writing '%s'\n", file);
        return UD_EXIT_FAILURE;
    }
    return UD_EXIT_OK;
}

/* Each strategy's mean points on every part of the two scores (what made the difference). */
static void print_parts(const entry *e, int count, int runs) {
    const ud_scores *first = &e[0].runs[0].scores;
    printf("\nscore parts (mean points):\n%-4s", "");
    for (int k = 0; k < first->institution_parts + first->client_parts; k++) {
        printf(" %5s", k < first->institution_parts ? "I" : "C");
    }
    printf("\n");
    for (int s = 0; s < count; s++) {
        printf("%-4s", e[s].label);
        for (int k = 0; k < first->institution_parts + first->client_parts; k++) {
            double sum = 0;
            for (int i = 0; i < runs; i++) {
                const ud_scores *sc = &e[s].runs[i].scores;
                sum += k < sc->institution_parts
                           ? sc->institution_part[k].points
                           : sc->client_part[k - sc->institution_parts].points;
            }
            printf(" %5.1f", sum / runs);
        }
        printf("\n");
    }
    for (int k = 0; k < first->institution_parts + first->client_parts; k++) {
        const ud_score_part *p = k < first->institution_parts
                                     ? &first->institution_part[k]
                                     : &first->client_part[k - first->institution_parts];
        printf("  %c%d %s (of %.0f)\n", k < first->institution_parts ? 'I' : 'C',
               k < first->institution_parts ? k + 1 : k - first->institution_parts + 1, p->name,
               p->weight);
    }
}

/* Notes that are not failures but change how to read the results: a strategy whose
 * commands were refused did not play what its file says; a sound strategy that rarely meets
 * the goals suggests goals no good manager can reach. */
static void print_notes(const entry *e, int count, int runs) {
    for (int s = 0; s < count; s++) {
        int with_problems = 0;
        const char *first = NULL;
        for (int i = 0; i < runs; i++) {
            if (e[s].runs[i].problem_count > 0) {
                with_problems++;
                first = first != NULL ? first : e[s].runs[i].first_problem;
            }
        }
        if (with_problems > 0) {
            int len = (int)strcspn(first, "\n"); /* the message, not the source lines */
            printf("note: %s (%s) had script problems in %d of %d runs; the first: %.*s\n",
                   e[s].label, e[s].name, with_problems, runs, len < 300 ? len : 300, first);
        }
        if (e[s].family == UD_FAMILY_SOUND && e[s].all_goals * 2 < runs) {
            printf("note: sound %s (%s) meets every goal in only %.0f%% of runs\n", e[s].label,
                   e[s].name, 100.0 * e[s].all_goals / runs);
        }
    }
}

/* Prints each failure of the rules; returns how many. */
/* The margins the verdict rests on, in one line each: the weakest sound-against-naive pair,
 * and the probe closest to a limit, so that a reader need not search the matrix. */
static void print_margins(const entry *e, int count, int runs, int **wins) {
    int ws = -1, wn = -1, gp = -1;
    for (int s = 0; s < count; s++) {
        for (int n = 0; n < count; n++) {
            if (e[s].family == UD_FAMILY_SOUND && e[n].family == UD_FAMILY_NAIVE &&
                e[s].halted == 0 && e[n].halted == 0 && (ws < 0 || wins[s][n] < wins[ws][wn])) {
                ws = s;
                wn = n;
            }
        }
        if (e[s].family == UD_FAMILY_PROBE && e[s].halted == 0 &&
            (gp < 0 || e[s].all_goals > e[gp].all_goals)) {
            gp = s;
        }
    }
    if (ws >= 0) {
        printf("least sound-beats-naive: %.0f%% of seeds, %s (%s) against %s (%s); needs %d%%\n",
               100.0 * wins[ws][wn] / runs, e[ws].label, e[ws].name, e[wn].label, e[wn].name,
               SOUND_MUST_BEAT_NAIVE);
    }
    if (gp >= 0) {
        printf("most goals met by a probe: %.0f%% of runs, %s (%s); at most %d%%\n",
               100.0 * e[gp].all_goals / runs, e[gp].label, e[gp].name, PROBE_MAX_ALL_GOALS);
    }
}

/* The first problem of a stopped run, for the verdict (the message, not the source lines). */
static const char *halt_reason(const entry *e, int runs, int *len) {
    for (int i = 0; i < runs; i++) {
        if (e->runs[i].end == UD_END_HALTED && e->runs[i].problem_count > 0) {
            *len = (int)strcspn(e->runs[i].first_problem, "\n");
            if (*len > 300) { /* at a word's end, not inside one */
                *len = 300;
                while (*len > 200 && e->runs[i].first_problem[*len] != ' ') {
                    --*len;
                }
            }
            return e->runs[i].first_problem;
        }
    }
    *len = 0;
    return "";
}

static int judge(const entry *e, int count, int runs, int **wins, const char *scenario) {
    int failures = 0;
    /* a stop the scenario's own script caused is the scenario's to fix, not each strategy's */
    const char *slash = strrchr(scenario, '/');
    const char *scenario_file = slash != NULL ? slash + 1 : scenario;
    size_t scenario_len = strlen(scenario_file);
    /* A game its strategy's script stopped ended months early: its scores are those of an
     * unfinished game, not of the strategy, and comparing them would judge the lesson on a
     * broken script. The script is what fails; its comparisons are left out. */
    for (int s = 0; s < count; s++) {
        if (e[s].halted > 0) {
            int len = 0;
            const char *why = halt_reason(&e[s], runs, &len);
            bool by_scenario =
                strncmp(why, scenario_file, scenario_len) == 0 && why[scenario_len] == ':';
            printf("FAIL: %s %s (%s) was stopped in %d of %d runs, so its games did not finish "
                   "and are left out of the verdict; fix %s%s%.*s\n",
                   family_names[e[s].family], e[s].label, e[s].name, e[s].halted, runs,
                   by_scenario ? "the scenario's script, which was stopped" : "the script",
                   len > 0 ? ": " : "", len, why);
            failures++;
        }
    }
    double best_inst = -1, best_clients = -1;
    for (int s = 0; s < count; s++) {
        if (e[s].family == UD_FAMILY_SOUND && e[s].halted == 0) {
            best_inst = e[s].mean_institution > best_inst ? e[s].mean_institution : best_inst;
            best_clients = e[s].mean_clients > best_clients ? e[s].mean_clients : best_clients;
        }
    }
    for (int s = 0; s < count; s++) {
        for (int n = 0; n < count; n++) {
            if (e[s].family == UD_FAMILY_SOUND && e[n].family == UD_FAMILY_NAIVE &&
                e[s].halted == 0 && e[n].halted == 0 &&
                wins[s][n] * 100 < SOUND_MUST_BEAT_NAIVE * runs) {
                printf("FAIL: sound %s (%s) beats naive %s (%s) on %.0f%% of seeds, needs %d%%\n",
                       e[s].label, e[s].name, e[n].label, e[n].name, 100.0 * wins[s][n] / runs,
                       SOUND_MUST_BEAT_NAIVE);
                failures++;
            }
        }
        if (e[s].family != UD_FAMILY_PROBE || e[s].halted > 0) {
            continue;
        }
        if (e[s].all_goals * 100 > PROBE_MAX_ALL_GOALS * runs) {
            printf("FAIL: probe %s (%s) meets every goal in %.0f%% of runs, at most %d%% allowed\n",
                   e[s].label, e[s].name, 100.0 * e[s].all_goals / runs, PROBE_MAX_ALL_GOALS);
            failures++;
        }
        if (best_inst < 0) {
            continue; /* no sound strategy finished a game: nothing to compare the probe with */
        }
        if (e[s].mean_institution > best_inst) {
            printf("FAIL: probe %s (%s) has an institution score of %.1f, above every sound "
                   "strategy (best %.1f)\n",
                   e[s].label, e[s].name, e[s].mean_institution, best_inst);
            failures++;
        }
        if (e[s].mean_clients > best_clients) {
            printf("FAIL: probe %s (%s) has a client score of %.1f, above every sound strategy "
                   "(best %.1f)\n",
                   e[s].label, e[s].name, e[s].mean_clients, best_clients);
            failures++;
        }
    }
    return failures;
}

int ud_cmd_tournament(int argc, char **argv, int first) {
    ud_option o[] = {{"runs", UD_OPT_VALUE, NULL},
                     {"jobs", UD_OPT_VALUE, NULL},
                     {"csv", UD_OPT_VALUE, NULL},
                     {"help", UD_OPT_FLAG, NULL}};
    const char *positional[1] = {NULL};
    int npos = 0;
    if (!ud_options_parse("tournament", argc, argv, first, o, 4, positional, 1, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[3].value) {
        fputs(usage, stdout);
        return UD_EXIT_OK;
    }
    const char *scenario = positional[0];
    if (scenario == NULL) {
        fprintf(stderr, "unitdesa tournament: name a SCENARIO file (see 'unitdesa list')\n");
        return UD_EXIT_USAGE;
    }
    int64_t runs = 100, jobs = ud_batch_default_jobs();
    if ((o[0].value && !ud_option_int("tournament", "runs", o[0].value, 1, 100000, &runs)) ||
        (o[1].value && !ud_option_int("tournament", "jobs", o[1].value, 1, 64, &jobs))) {
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
    ud_scenario_info *info = malloc(sizeof *info);
    if (info == NULL) {
        ud_game_free(g);
        fprintf(stderr, "unitdesa tournament: out of memory\n");
        return UD_EXIT_FAILURE;
    }
    *info = *ud_game_info(g);
    ud_game_free(g);
    int count = info->lesson_strategy_count;
    /* every strategy is there before hours of play, or the scenario's line says which not */
    int missing = 0;
    for (int i = 0; i < count; i++) {
        missing += !ud_lesson_strategy_opens(scenario, info, i, stderr);
    }
    if (missing > 0) {
        free(info);
        return UD_EXIT_FAILURE;
    }
    /* the CSV is checked before hours of play, and may not be one of the files read */
    if (o[2].value != NULL) {
        const char *inputs[UD_MAX_LESSON_STRATEGIES + 1] = {scenario};
        for (int i = 0; i < count && i < UD_MAX_LESSON_STRATEGIES; i++) {
            inputs[i + 1] = info->lesson_strategy[i];
        }
        if (!ud_output_check("--csv", o[2].value, inputs, count + 1, false, err, sizeof err)) {
            fprintf(stderr, "unitdesa tournament: %s\n", err);
            free(info);
            return UD_EXIT_FAILURE;
        }
    }
    if (count == 0) {
        fprintf(stderr,
                "unitdesa tournament: %s declares no lesson; add scenario{ lesson = { indicator "
                "= ..., sound = {...}, naive = {...}, probes = {...} } }\n",
                scenario);
        free(info);
        return UD_EXIT_USAGE;
    }
    FILE *csv = NULL;
    if (o[2].value != NULL && (csv = open_csv(o[2].value)) == NULL) {
        free(info);
        return UD_EXIT_FAILURE;
    }
    bool higher = info->lesson_higher_is_better;
    entry *e = calloc((size_t)count, sizeof *e);
    int *win_store = calloc((size_t)count * (size_t)count, sizeof(int));
    int **wins = calloc((size_t)count, sizeof(int *));
    bool ok = e != NULL && win_store != NULL && wins != NULL;
    int numbered[3] = {0};
    ud_run_request req;
    memset(&req, 0, sizeof req);
    req.scenario = scenario;
    req.track = info->lesson_indicator;
    req.track_from = info->lesson_from;
    req.track_to = info->lesson_to;
    req.track_take = info->lesson_take;
    req.track_higher = higher;
    for (int s = 0; ok && s < count; s++) {
        e[s].path = info->lesson_strategy[s];
        e[s].family = info->lesson_family[s];
        snprintf(e[s].label, sizeof e[s].label, "%c%d", "SNP"[e[s].family],
                 ++numbered[e[s].family]);
        base_name(e[s].path, e[s].name, sizeof e[s].name);
        e[s].runs = calloc((size_t)runs, sizeof(ud_run_result));
        req.strategy = e[s].path;
        if (runs * count >= 200) {
            fprintf(stderr, "%s %s (%d of %d)\n", e[s].label, e[s].name, s + 1, count);
        }
        ok = e[s].runs != NULL &&
             ud_batch_run(&req, (int)runs, (int)jobs, e[s].runs, "tournament", false);
        wins[s] = win_store + (size_t)s * (size_t)count;
    }
    int status = UD_EXIT_FAILURE;
    if (ok) {
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < runs; i++) {
                const ud_run_result *r = &e[s].runs[i];
                e[s].mean_value += r->tracked / (double)runs;
                e[s].mean_institution += r->scores.institution / (double)runs;
                e[s].mean_clients += r->scores.clients / (double)runs;
                e[s].all_goals += all_goals_met(r);
                e[s].halted += r->end == UD_END_HALTED;
                for (int t = 0; t < count; t++) {
                    wins[s][t] += t != s && beats(r->tracked, e[t].runs[i].tracked, higher);
                }
            }
        }
        static const char *const takes[] = {"mean", "worst month", "last month"};
        printf("%s: %s, %s of months %d-%d (%s is better), seeds 1-%lld\n", scenario,
               info->lesson_indicator, takes[info->lesson_take], info->lesson_from, info->lesson_to,
               higher ? "higher" : "lower", (long long)runs);
        printf("\n%-4s %-6s %-40s %12s %6s %6s %6s\n", "", "family", "strategy", "lesson", "inst.",
               "client", "goals");
        for (int s = 0; s < count; s++) {
            printf("%-4s %-6s %-40.40s %12.4f %6.1f %6.1f %5.0f%%", e[s].label,
                   family_names[e[s].family], e[s].name, e[s].mean_value, e[s].mean_institution,
                   e[s].mean_clients, 100.0 * e[s].all_goals / runs);
            if (e[s].halted > 0) {
                printf("  STOPPED in %d runs", e[s].halted);
            }
            printf("\n");
        }
        printf("\nwin matrix: %% of seeds on which the row does better than the column\n%-4s", "");
        for (int t = 0; t < count; t++) {
            printf(" %4s", e[t].label);
        }
        printf("\n");
        for (int s = 0; s < count; s++) {
            printf("%-4s", e[s].label);
            for (int t = 0; t < count; t++) {
                if (t == s) {
                    printf(" %4s", "-");
                } else {
                    printf(" %4.0f", 100.0 * wins[s][t] / runs);
                }
            }
            printf("\n");
        }
        print_parts(e, count, (int)runs);
        printf("\n");
        print_notes(e, count, (int)runs);
        print_margins(e, count, (int)runs, wins);
        int failures = judge(e, count, (int)runs, wins, scenario);
        printf("%s: %s\n", scenario,
               failures == 0 ? "the lesson holds" : "the lesson does not hold");
        status = failures == 0 ? UD_EXIT_OK : UD_EXIT_FAILURE;
    }
    /* rows only for a tournament that was played; the file is closed either way */
    if (write_csv(csv, o[2].value, ok ? e : NULL, count, (int)runs) != UD_EXIT_OK) {
        status = UD_EXIT_FAILURE;
    }
    for (int s = 0; e != NULL && s < count; s++) {
        free(e[s].runs);
    }
    free(e);
    free(wins);
    free(win_store);
    free(info);
    return status;
}
