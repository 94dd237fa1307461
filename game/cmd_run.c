/* `unitdesa run`: plays a scenario without a window, as CSV and a summary. */
#include "cli_options.h"
#include "commands.h"
#include "output_file.h"
#include "report.h"
#include "result.h"
#include "runner.h"
#include "data_dirs.h"
#include "story.h"
#include "ud/indicators.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: unitdesa run [SCENARIO] [--strategy FILE] [--seed N] [--months M] [--csv FILE|-]\n"
    "                    [--story] [--answers 2,1,3] [--lang fr] [--result FILE] [--team NAME]\n"
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
    "  --csv FILE|-     write the monthly indicators as CSV\n"
    "  --story          tell the game month by month: news, shocks, offers, decisions,\n"
    "                   questions and the answers chosen, goals, and the lessons shown\n"
    "  --answers LIST   the options chosen for the questions, in the order they are\n"
    "                   asked (2,1,3); later questions go to the strategy (or the question's "
    "default)\n"
    "  --lang CODE      the scenario's texts in this language (en, fr...)\n"
    "  --result FILE    write the team's result file for 'unitdesa class'\n"
    "  --team NAME      the team named in the result file (default: the strategy's name)\n";

enum {
    OPT_STRATEGY,
    OPT_SEED,
    OPT_MONTHS,
    OPT_CSV,
    OPT_STORY,
    OPT_ANSWERS,
    OPT_LANG,
    OPT_RESULT,
    OPT_TEAM,
    OPT_HELP,
    OPT_COUNT
};

#define MAX_ANSWERS 64

/* "2,1,3" -> {2, 1, 3}; each from 1 to 6 (the most options a question has). */
static bool parse_answers(const char *text, int *answers, int *count) {
    *count = 0;
    const char *p = text;
    while (*p != '\0') {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 1 || v > UD_MAX_QUESTION_OPTIONS || *count >= MAX_ANSWERS ||
            (*end != ',' && *end != '\0') || (*end == ',' && end[1] == '\0')) {
            fprintf(stderr,
                    "unitdesa run: --answers must list options from 1 to %d separated by "
                    "commas, at most %d (got '%s')\n",
                    UD_MAX_QUESTION_OPTIONS, MAX_ANSWERS, text);
            return false;
        }
        answers[(*count)++] = (int)v;
        p = *end == ',' ? end + 1 : end;
    }
    if (*count == 0) {
        fprintf(stderr, "unitdesa run: --answers needs at least one option (got '%s')\n", text);
        return false;
    }
    return true;
}

typedef struct run_extras {
    ud_story story;
    bool telling;
    const char *result_path, *team;
    bool result_ok;
    char result_err[1200];
} run_extras;

static void each_month(ud_game *g, int month, void *ctx) {
    run_extras *x = ctx;
    if (x->telling) {
        ud_story_month(g, month, &x->story);
    }
}

static void at_end(ud_game *g, void *ctx) {
    run_extras *x = ctx;
    if (x->telling) {
        ud_story_end(g, &x->story);
    }
    if (x->result_path != NULL) {
        x->result_ok =
            ud_result_write(x->result_path, g, x->team, x->result_err, sizeof x->result_err);
    }
}

static void print_goals(FILE *out, const ud_run_result *r, ud_i18n *tr) {
    if (r->goal_count == 0) {
        return;
    }
    fprintf(out, " %s\n", ud_tr(tr, "Goals"));
    for (int i = 0; i < r->goal_count; i++) {
        static const char *const verdict[3][2] = {
            {"missed", "met"}, {"not won", "won"}, {"happened", "avoided"}};
        /* a shipped scenario's goals are in the catalogs; a trainer's own stay as written */
        fprintf(out, "  [%s] %s\n", ud_tr(tr, verdict[r->goal_kind[i]][r->goal_met[i]]),
                ud_tr(tr, r->goal_text[i]));
    }
}

int ud_cmd_run(int argc, char **argv, int first) {
    ud_option o[OPT_COUNT] = {
        [OPT_STRATEGY] = {"strategy", UD_OPT_VALUE, NULL},
        [OPT_SEED] = {"seed", UD_OPT_VALUE, NULL},
        [OPT_MONTHS] = {"months", UD_OPT_VALUE, NULL},
        [OPT_CSV] = {"csv", UD_OPT_VALUE, NULL},
        [OPT_STORY] = {"story", UD_OPT_FLAG, NULL},
        [OPT_ANSWERS] = {"answers", UD_OPT_VALUE, NULL},
        [OPT_LANG] = {"lang", UD_OPT_VALUE, NULL},
        [OPT_RESULT] = {"result", UD_OPT_VALUE, NULL},
        [OPT_TEAM] = {"team", UD_OPT_VALUE, NULL},
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
    int answers[MAX_ANSWERS];
    if (o[OPT_ANSWERS].value != NULL) {
        if (!parse_answers(o[OPT_ANSWERS].value, answers, &req.answer_count)) {
            return UD_EXIT_USAGE;
        }
        req.answers = answers;
    }
    ud_i18n words;
    memset(&words, 0, sizeof words);
    if (o[OPT_LANG].value != NULL) {
        char why[1200];
        const char *lang = o[OPT_LANG].value;
        bool code = strlen(lang) >= 2 && strlen(lang) <= 5 &&
                    strspn(lang, "abcdefghijklmnopqrstuvwxyz-") == strlen(lang);
        if (!code || !ud_i18n_load(&words, ud_po_dir(), lang, why, (int)sizeof why)) {
            fprintf(stderr,
                    "unitdesa run: --lang: no translation for '%s' (languages: en, es, fr, id)\n",
                    lang);
            return UD_EXIT_USAGE;
        }
        req.language = lang;
        req.catalog = ud_i18n_catalog;
        req.catalog_data = &words;
    }
    run_extras extras;
    memset(&extras, 0, sizeof extras);
    extras.telling = o[OPT_STORY].value != NULL;
    extras.result_path = o[OPT_RESULT].value;
    char team[64];
    const char *strategy_name = req.strategy ? strrchr(req.strategy, '/') : NULL;
    snprintf(team, sizeof team, "%.*s", strategy_name ? (int)strcspn(strategy_name + 1, ".") : 7,
             strategy_name ? strategy_name + 1 : "default");
    extras.team = o[OPT_TEAM].value ? o[OPT_TEAM].value : team;
    req.each_month = each_month;
    req.at_end = at_end;
    req.ctx = &extras;
    const char *csv_path = o[OPT_CSV].value;
    /* the outputs are checked before the game is played, and never one of its inputs */
    const char *inputs[2] = {req.scenario, req.strategy};
    char why[2400];
    if ((csv_path != NULL &&
         !ud_output_check("--csv", csv_path, inputs, 2, false, why, sizeof why)) ||
        (extras.result_path != NULL &&
         !ud_output_check("--result", extras.result_path, inputs, 2, true, why, sizeof why))) {
        fprintf(stderr, "unitdesa run: %s\n", why);
        ud_i18n_free(&words);
        return UD_EXIT_FAILURE;
    }
    /* the two outputs in one file: the result would replace the CSV without a word */
    if (csv_path != NULL && extras.result_path != NULL && strcmp(csv_path, "-") != 0) {
        const char *both[1] = {csv_path};
        if (!ud_output_check("--result", extras.result_path, both, 1, true, why, sizeof why) ||
            strcmp(csv_path, extras.result_path) == 0) {
            fprintf(stderr, "unitdesa run: --result: '%s' is also the --csv file: name two files\n",
                    extras.result_path);
            ud_i18n_free(&words);
            return UD_EXIT_FAILURE;
        }
    }
    if (csv_path != NULL) {
        req.monthly_csv = ud_output_open(csv_path);
        if (req.monthly_csv == NULL) {
            fprintf(stderr, "unitdesa run: --csv: cannot write '%s': %s\n", csv_path,
                    strerror(errno));
            ud_i18n_free(&words);
            return UD_EXIT_FAILURE;
        }
        /* the header is flushed at once: a file that takes no writes (a /proc entry, a full
         * disk) is reported before the months are played, not after */
        fprintf(req.monthly_csv, "%s\n", ud_indicators_csv_header());
        if (fflush(req.monthly_csv) != 0 || ferror(req.monthly_csv)) {
            fprintf(stderr, "unitdesa run: --csv: cannot write '%s': %s\n", csv_path,
                    strerror(errno));
            ud_output_discard(req.monthly_csv);
            ud_i18n_free(&words);
            return UD_EXIT_FAILURE;
        }
    }
    ud_story_init(&extras.story, req.monthly_csv == stdout ? stderr : stdout, &words);
    ud_run_result r;
    char err[4096];
    bool ok = ud_run_scenario(&req, &r, err, sizeof err);
    int status = UD_EXIT_OK;
    /* a game that could not be played leaves the CSV that was there */
    if (req.monthly_csv != NULL && !ok) {
        ud_output_discard(req.monthly_csv);
    } else if (req.monthly_csv != NULL && !ud_output_close(req.monthly_csv)) {
        fprintf(stderr, "unitdesa run: --csv: error writing '%s'\n", csv_path);
        status = UD_EXIT_FAILURE;
    }
    if (!ok) {
        fprintf(stderr, "%s\n", err);
        ud_i18n_free(&words);
        return UD_EXIT_FAILURE;
    }
    if (extras.result_path != NULL && !extras.result_ok) {
        fprintf(stderr, "unitdesa run: --result: %s\n", extras.result_err);
        status = UD_EXIT_FAILURE;
    }
    FILE *summary = req.monthly_csv == stdout ? stderr : stdout;
    ud_report_summary(summary, &r.final, r.minor_units, r.currency, &words);
    print_goals(summary, &r, &words);
    ud_i18n_free(&words);
    fprintf(summary, "Seed %llu, %d months: %s.", (unsigned long long)r.seed, r.months_played,
            ud_game_end_name(r.end));
    if (r.problem_count > 0) {
        fprintf(summary, " %d script problem(s), printed above.", r.problem_count);
    }
    fprintf(summary, "\n");
    if (r.end == UD_END_HALTED) {
        status = UD_EXIT_FAILURE; /* the game could not be played to its end */
    }
    return status;
}
