/* `unitdesa class`: reads the teams' result files and writes the class report, with the
 * scenario's benchmark strategy replayed on each team's seed as a reference line. */
#define _XOPEN_SOURCE 700 /* opendir, mkstemp, realpath */

#include "class_report.h"
#include "cli_options.h"
#include "commands.h"
#include "output_file.h"
#include "data_dirs.h"
#include "runner.h"
#include "scenario_folders.h"
#include "ud/save.h"

#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_TEAMS 64

static const char usage[] =
    "usage: unitdesa class DIR|FILE... [-o report.html] [--lang fr] [--no-benchmark]\n"
    "\n"
    "Builds one HTML page for the trainer from the teams' result files (the game writes\n"
    "one when a game ends, in the data folder's results/; 'unitdesa run --result FILE'\n"
    "writes one too). A folder stands for every *.result file in it. The page compares the\n"
    "teams side by side: goals met, both scores, key indicators over time on shared axes,\n"
    "each team's decisions on a timeline, and the scenario's benchmark strategy (its\n"
    "lesson's first sound strategy) replayed on the same seed as a reference line; then a\n"
    "one-page debrief per team. It needs no network and prints one section a page.\n"
    "\n"
    "  -o, --output FILE  where to write the page (default: class-report.html)\n"
    "  --lang CODE        the page's words in this language (en, fr, id, es)\n"
    "  --no-benchmark     leave out the benchmark line\n";

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The result files a folder holds (sorted), appended to files; *found counts them all, also
 * those past `max` (which are not kept: the caller refuses the class). */
static int folder_results(const char *dir, char **files, int n, int max, int *found) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        return n;
    }
    int start = n;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] != '.' && ends_with(e->d_name, ".result")) {
            ++*found;
        }
        if (n < max && e->d_name[0] != '.' && ends_with(e->d_name, ".result")) {
            size_t len = strlen(dir) + strlen(e->d_name) + 2;
            files[n] = malloc(len);
            if (files[n] != NULL) {
                snprintf(files[n++], len, "%s/%s", dir, e->d_name);
            }
        }
    }
    closedir(d);
    qsort(files + start, (size_t)(n - start), sizeof *files, by_name);
    return n;
}

/* The scenario a result was played on: a file of the scenario folders (shipped, own,
 * --scenarios, $UNITDESA_SCENARIO_PATH) with the text it was played with, the one at the
 * recorded path first. Never a file elsewhere: a result file comes from a team's machine, and
 * the path it names is not a scenario the trainer chose to run. Empty if none. */
static void find_scenario(const ud_team_result *r, char *out, size_t size) {
    out[0] = '\0';
    static ud_scenario_entry found[256];
    int n = ud_find_scenarios(found, 256);
    char recorded[PATH_MAX], candidate[PATH_MAX];
    bool named = realpath(r->scenario, recorded) != NULL;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++) {
            bool same_path = named && realpath(found[i].path, candidate) != NULL &&
                             strcmp(candidate, recorded) == 0;
            uint64_t hash;
            if ((pass == 1 || same_path) && ud_file_hash(found[i].path, &hash) && hash == r->hash) {
                snprintf(out, size, "%.1000s", found[i].path);
                return;
            }
        }
    }
}

typedef struct bench_ctx {
    const char *path;
    bool ok;
    char err[1200];
} bench_ctx;

static void write_bench(ud_game *g, void *ctx) {
    bench_ctx *b = ctx;
    b->ok = ud_result_write(b->path, g, "benchmark", b->err, sizeof b->err);
}

/* Plays the benchmark strategy on one seed into out. False with the reason in err. */
static bool play_benchmark(const char *scenario, const char *strategy, uint64_t seed, int months,
                           ud_team_result *out, char *err, size_t err_size) {
    char tmp[] = "/tmp/unitdesa-benchmark-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, err_size, "cannot make a temporary file: %s", strerror(errno));
        return false;
    }
    close(fd);
    bench_ctx b = {tmp, false, ""};
    ud_run_request req;
    memset(&req, 0, sizeof req);
    req.scenario = scenario;
    req.strategy = strategy;
    req.seed_set = true;
    req.seed = seed;
    req.months = months;
    req.at_end = write_bench;
    req.ctx = &b;
    ud_run_result r;
    bool ok = ud_run_scenario(&req, &r, err, err_size);
    if (ok && !b.ok) {
        snprintf(err, err_size, "%s", b.err);
        ok = false;
    }
    ok = ok && ud_result_read(tmp, out, err, err_size);
    remove(tmp);
    return ok;
}

/* A result's title, goals and lessons in the game's language, when the scenario translates
 * them (results keep the texts as the game showed them). */
static void translate_texts(const ud_game *g, ud_team_result *r) {
    char text[UD_TEXT_LEN]; /* ud_game_text returns its argument when untranslated */
    snprintf(text, sizeof text, "%s", ud_game_text(g, r->title));
    snprintf(r->title, sizeof r->title, "%.159s", text);
    for (int i = 0; i < r->goal_count; i++) {
        snprintf(text, sizeof text, "%s", ud_game_text(g, r->goals[i].text));
        snprintf(r->goals[i].text, sizeof r->goals[i].text, "%.255s", text);
    }
    for (int i = 0; i < r->lesson_count; i++) {
        snprintf(text, sizeof text, "%s", ud_game_text(g, r->lessons[i]));
        snprintf(r->lessons[i], UD_TEXT_LEN, "%s", text);
    }
}

int ud_cmd_class(int argc, char **argv, int first) {
    /* -o is the one short option: turn it into --output for the shared reader */
    for (int i = first; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0) {
            argv[i] = "--output";
        }
    }
    ud_option o[] = {{"output", UD_OPT_VALUE, NULL},
                     {"lang", UD_OPT_VALUE, NULL},
                     {"no-benchmark", UD_OPT_FLAG, NULL},
                     {"help", UD_OPT_FLAG, NULL}};
    static const char *positional[MAX_TEAMS];
    int npos = 0;
    if (!ud_options_parse("class", argc, argv, first, o, 4, positional, MAX_TEAMS, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[3].value) {
        fputs(usage, stdout);
        return UD_EXIT_OK;
    }
    if (npos == 0) {
        fprintf(stderr, "unitdesa class: name a folder of result files or the files themselves "
                        "(see 'unitdesa class --help')\n");
        return UD_EXIT_USAGE;
    }
    ud_i18n words;
    memset(&words, 0, sizeof words);
    if (o[1].value != NULL) {
        char why[1200];
        if (strspn(o[1].value, "abcdefghijklmnopqrstuvwxyz-") != strlen(o[1].value) ||
            !ud_i18n_load(&words, ud_po_dir(), o[1].value, why, (int)sizeof why)) {
            fprintf(stderr,
                    "unitdesa class: --lang: no translation for '%s' (languages: en, es, fr, id)\n",
                    o[1].value);
            return UD_EXIT_USAGE;
        }
        snprintf(words.language, sizeof words.language, "%s", o[1].value);
    }
    static char *files[MAX_TEAMS * 4];
    int nfiles = 0, found = 0;
    for (int i = 0; i < npos; i++) {
        struct stat st;
        if (stat(positional[i], &st) != 0) {
            fprintf(stderr, "unitdesa class: %s: no such file or folder\n", positional[i]);
            return UD_EXIT_FAILURE;
        }
        if (S_ISDIR(st.st_mode)) {
            int before = found;
            nfiles = folder_results(positional[i], files, nfiles, MAX_TEAMS, &found);
            if (found == before) {
                fprintf(stderr, "unitdesa class: %s: no *.result files in this folder\n",
                        positional[i]);
                return UD_EXIT_FAILURE;
            }
        } else if (++found <= MAX_TEAMS) {
            size_t len = strlen(positional[i]) + 1;
            files[nfiles] = malloc(len);
            if (files[nfiles] != NULL) {
                memcpy(files[nfiles++], positional[i], len);
            }
        }
    }
    if (found > MAX_TEAMS) {
        /* never a report that leaves teams out unseen */
        fprintf(stderr,
                "unitdesa class: %d result files, but a report compares at most %d teams; make "
                "one report per group (name the files, or put each group in its own folder)\n",
                found, MAX_TEAMS);
        for (int i = 0; i < nfiles; i++) {
            free(files[i]);
        }
        return UD_EXIT_FAILURE;
    }
    /* one file named twice (a.result ./a.result, a folder with a link to a file also named)
     * is one team: read once, said once */
    int kept = 0;
    for (int i = 0; i < nfiles; i++) {
        struct stat a;
        bool seen = false;
        for (int k = 0; k < kept && !seen && stat(files[i], &a) == 0; k++) {
            struct stat b;
            seen = stat(files[k], &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
            if (seen) {
                fprintf(stderr, "unitdesa class: %s is the same file as %s: read once\n", files[i],
                        files[k]);
            }
        }
        if (seen) {
            free(files[i]);
        } else {
            files[kept++] = files[i];
        }
    }
    nfiles = kept;
    /* the report may not be written over a result file it reads */
    const char *out_path = o[0].value ? o[0].value : "class-report.html";
    char refused_why[2400];
    if (!ud_output_check("--output", out_path, (const char *const *)files, nfiles, false,
                         refused_why, sizeof refused_why)) {
        fprintf(stderr, "unitdesa class: %s\n", refused_why);
        for (int i = 0; i < nfiles; i++) {
            free(files[i]);
        }
        return UD_EXIT_FAILURE;
    }
    static ud_team_result teams[MAX_TEAMS];
    static const ud_team_result *team_ptr[MAX_TEAMS];
    int n = 0, refused = 0, status = UD_EXIT_OK;
    for (int i = 0; i < nfiles; i++) {
        char err[2048];
        if (ud_result_read(files[i], &teams[n], err, sizeof err)) {
            team_ptr[n] = &teams[n];
            n++;
        } else if (strstr(err, "this game ended before its first month") != NULL) {
            /* a game its scenario's script halted in month 1 is well formed, with nothing to
             * compare: it is named and left out rather than holding up the class's report */
            fprintf(stderr,
                    "unitdesa class: %s: left out: the team's game ended before its first month "
                    "(its scenario's script was stopped)\n",
                    files[i]);
            ud_result_free(&teams[n]);
        } else {
            fprintf(stderr, "unitdesa class: %s\n", err);
            refused++;
            status = UD_EXIT_FAILURE;
        }
        free(files[i]);
    }
    if (refused > 0) {
        /* one report for the whole class: a team left out silently would look like a team
         * that did not play */
        fprintf(stderr,
                "unitdesa class: no report written: %d of %d result file(s) could not be read; "
                "fix or remove them, then run the command again\n",
                refused, nfiles);
    }
    if (status == UD_EXIT_OK && n == 0) {
        fprintf(stderr, "unitdesa class: no report written: no team's game has a month to "
                        "compare\n");
    }
    if (status != UD_EXIT_OK || n == 0) {
        for (int i = 0; i < n; i++) {
            ud_result_free(&teams[i]);
        }
        return UD_EXIT_FAILURE;
    }
    for (int i = 1; i < n; i++) {
        if (strcmp(teams[i].scenario_id, teams[0].scenario_id) != 0 ||
            teams[i].hash != teams[0].hash) {
            fprintf(stderr,
                    "unitdesa class: %s: played %s (file hash %016llx), but %s played %s "
                    "(%016llx); one report compares one scenario: build one per scenario\n",
                    teams[i].path, teams[i].scenario_id, (unsigned long long)teams[i].hash,
                    teams[0].path, teams[0].scenario_id, (unsigned long long)teams[0].hash);
            for (int k = 0; k < n; k++) {
                ud_result_free(&teams[k]);
            }
            return UD_EXIT_FAILURE;
        }
    }
    /* The benchmark: the lesson's sound strategy, replayed on each distinct seed. */
    static ud_team_result bench[MAX_TEAMS];
    static const ud_team_result *bench_ptr[MAX_TEAMS];
    int nbench = 0;
    char note[1400] = "", strategy[1024] = "";
    char scenario[1024];
    find_scenario(&teams[0], scenario, sizeof scenario);
    ud_game_options opt;
    memset(&opt, 0, sizeof opt);
    opt.helpers_root = ud_scenarios_root();
    opt.scenario_folders = ud_scenario_folder_list(); /* a trainer\'s own scenarios too */
    opt.language = words.language[0] != '\0' ? words.language : NULL;
    opt.catalog = ud_i18n_catalog;
    opt.catalog_data = &words;
    char err[4096];
    ud_game *g = scenario[0] ? ud_game_load(scenario, &opt, err, sizeof err) : NULL;
    const char *why = NULL;
    if (scenario[0] == '\0') {
        why = ud_tr(&words, "the scenario file was not found, or has changed since the games "
                            "were played");
        fprintf(stderr,
                "unitdesa class: no scenario folder holds '%.300s' as the teams played it; a "
                "scenario outside the scenario folders is run only from a folder given with "
                "--scenarios DIR ('unitdesa list' shows them)\n",
                teams[0].scenario);
    } else if (g == NULL) {
        why = err;
    } else if (ud_game_info(g)->sound_strategy[0] == '\0') {
        why = ud_tr(&words, "the scenario declares no lesson strategy");
    } else {
        snprintf(strategy, sizeof strategy, "%s", ud_game_info(g)->sound_strategy);
    }
    if (g != NULL) {
        /* the scenario's own texts in the report's language, through its translations */
        for (int i = 0; i < n; i++) {
            translate_texts(g, &teams[i]);
        }
    }
    if (o[2].value != NULL) {
        strategy[0] = '\0'; /* --no-benchmark */
    } else if (why != NULL) {
        snprintf(note, sizeof note, ud_tr(&words, "No benchmark line: %s"), why);
    }
    if (o[2].value == NULL) {
        for (int i = 0; i < n && strategy[0] != '\0'; i++) {
            bool seen = false;
            for (int b = 0; b < nbench && !seen; b++) {
                seen = bench[b].seed == teams[i].seed;
            }
            if (seen) {
                continue;
            }
            if (!play_benchmark(scenario, strategy, teams[i].seed, teams[i].months, &bench[nbench],
                                err, sizeof err)) {
                fprintf(stderr, "unitdesa class: benchmark: %s\n", err);
                snprintf(note, sizeof note, ud_tr(&words, "No benchmark line: %s"), err);
                break;
            }
            translate_texts(g, &bench[nbench]);
            bench_ptr[nbench] = &bench[nbench];
            nbench++;
        }
    }
    /* the benchmark is played with today's helpers: one changed since a team played makes
     * its line differ from what the teams played against, so it is said, once a helper */
    char said[8][64];
    int said_count = 0;
    for (int i = 0; nbench > 0 && i < n; i++) {
        for (int k = 0; k < teams[i].helper_count; k++) {
            const char *helper = teams[i].helper_names[k];
            bool same = false, already = false;
            for (int b = 0; b < bench[0].helper_count && !same; b++) {
                same = strcmp(bench[0].helper_names[b], helper) == 0 &&
                       bench[0].helper_hashes[b] == teams[i].helper_hashes[k];
            }
            for (int s = 0; s < said_count && !already; s++) {
                already = strcmp(said[s], helper) == 0;
            }
            if (same || already) {
                continue;
            }
            fprintf(stderr,
                    "unitdesa class: the helper %s has changed since %s played: the benchmark "
                    "line is played with it as it is now\n",
                    helper, teams[i].path);
            if (note[0] == '\0') {
                snprintf(note, sizeof note,
                         ud_tr(&words, "The helper %s has changed since the teams played: the "
                                       "benchmark line is played with it as it is now."),
                         helper);
            }
            if (said_count < 8) {
                snprintf(said[said_count++], sizeof said[0], "%s", helper);
            }
        }
    }
    ud_game_free(g);
    FILE *out = ud_output_open(out_path);
    if (out == NULL) {
        fprintf(stderr, "unitdesa class: --output: cannot write '%s': %s\n", out_path,
                strerror(errno));
        status = UD_EXIT_FAILURE;
    } else {
        const char *slash = strrchr(strategy, '/');
        ud_class_input in = {team_ptr, n,     bench_ptr, nbench, slash ? slash + 1 : strategy,
                             note,     &words};
        bool ok = ud_class_report_write(out, &in);
        if (ok) {
            ok = ud_output_close(out); /* the report replaces the old one only when complete */
        } else {
            ud_output_discard(out);
        }
        if (!ok) {
            fprintf(stderr, "unitdesa class: --output: error writing '%s'\n", out_path);
            status = UD_EXIT_FAILURE;
        } else {
            int halted = 0;
            for (int b = 0; b < nbench; b++) {
                halted += strcmp(bench[b].end, "halted") == 0;
            }
            printf("%s: %d team(s) of %s%s\n", out_path, n, teams[0].title,
                   nbench == 0  ? ""
                   : halted > 0 ? ", with the benchmark line (its strategy was stopped for taking "
                                  "too long in some games: see the report's table)"
                                : ", with the benchmark line");
            if (note[0] != '\0') {
                printf("%s\n", note);
            }
        }
    }
    for (int i = 0; i < n; i++) {
        ud_result_free(&teams[i]);
    }
    for (int i = 0; i < nbench; i++) {
        ud_result_free(&bench[i]);
    }
    ud_i18n_free(&words);
    return status;
}
