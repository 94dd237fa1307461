/* `unitdesa list` and `unitdesa check`: what scenarios there are, and whether they work. */
#include "cli_options.h"
#include "commands.h"
#include "runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCENARIOS 256

int ud_cmd_list(int argc, char **argv, int first) {
    ud_option o[] = {{"help", UD_OPT_FLAG, NULL}};
    const char *positional[1];
    int npos = 0;
    if (!ud_options_parse("list", argc, argv, first, o, 1, positional, 0, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[0].value) {
        printf("usage: unitdesa list\n\nPrints each shipped scenario on one line: "
               "path<TAB>id<TAB>module<TAB>title.\n");
        return UD_EXIT_OK;
    }
    static char paths[MAX_SCENARIOS][1024];
    int n = ud_shipped_scenarios(paths, MAX_SCENARIOS);
    if (n == 0) {
        fprintf(stderr, "unitdesa list: no scenarios found in '%s' (set UNITDESA_SCENARIOS)\n",
                ud_scenarios_root());
        return UD_EXIT_FAILURE;
    }
    int status = UD_EXIT_OK;
    for (int i = 0; i < n; i++) {
        char err[4096];
        ud_game_options opt;
        memset(&opt, 0, sizeof opt);
        opt.helpers_root = ud_scenarios_root();
        ud_game *g = ud_game_load(paths[i], &opt, err, sizeof err);
        if (g == NULL) {
            fprintf(stderr, "%s\n", err);
            status = UD_EXIT_FAILURE;
            continue;
        }
        const ud_scenario_info *in = ud_game_info(g);
        printf("%s\t%s\t%s\t%s\n", paths[i], in->id, in->module, in->title);
        ud_game_free(g);
    }
    return status;
}

/* Warnings about a scenario that loads: goals that can never be judged, a lesson test
 * that names missing strategies. */
static int warnings_for(const char *path, int *count) {
    ud_game_options opt;
    memset(&opt, 0, sizeof opt);
    opt.helpers_root = ud_scenarios_root();
    char err[4096];
    ud_game *g = ud_game_load(path, &opt, err, sizeof err);
    if (g == NULL) {
        return 0;
    }
    int goals;
    const ud_goal *goal = ud_game_goals(g, &goals);
    for (int i = 0; i < goals; i++) {
        if (goal[i].month > ud_game_months(g)) {
            printf("%s:%d: warning: the goal '%s' is judged in month %d but the scenario "
                   "ends in month %d, so it can never be met\n",
                   path, goal[i].line, goal[i].text, goal[i].month, ud_game_months(g));
            (*count)++;
        }
    }
    const ud_scenario_info *in = ud_game_info(g);
    for (int i = 0; i < in->lesson_strategy_count; i++) {
        char serr[4096];
        if (!ud_game_set_strategy(g, in->lesson_strategy[i], serr, sizeof serr)) {
            printf("%s\n", serr);
            (*count)++;
        }
    }
    if (in->objective_count == 0) {
        printf("%s:1: warning: scenario{} lists no objectives: trainees will not know what "
               "it teaches\n",
               path);
        (*count)++;
    }
    ud_game_free(g);
    return 0;
}

int ud_cmd_check(int argc, char **argv, int first) {
    ud_option o[] = {{"help", UD_OPT_FLAG, NULL}};
    static const char *positional[MAX_SCENARIOS];
    int npos = 0;
    if (!ud_options_parse("check", argc, argv, first, o, 1, positional, MAX_SCENARIOS, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[0].value) {
        printf("usage: unitdesa check [FILE...]\n\nLoads each scenario (every shipped one if "
               "none is named), plays it through all its months with the default strategy, "
               "and reports every problem as file:line: message, and warnings. Exits 0 only "
               "if all are clean.\n");
        return UD_EXIT_OK;
    }
    static char shipped[MAX_SCENARIOS][1024];
    if (npos == 0) {
        npos = ud_shipped_scenarios(shipped, MAX_SCENARIOS);
        if (npos == 0) {
            fprintf(stderr, "unitdesa check: no scenarios found in '%s' (set UNITDESA_SCENARIOS)\n",
                    ud_scenarios_root());
            return UD_EXIT_FAILURE;
        }
        for (int i = 0; i < npos; i++) {
            positional[i] = shipped[i];
        }
    }
    int bad = 0, warnings = 0;
    for (int i = 0; i < npos; i++) {
        ud_run_request req;
        memset(&req, 0, sizeof req);
        req.scenario = positional[i];
        req.problems = stdout;
        ud_run_result r;
        char err[4096];
        if (!ud_run_scenario(&req, &r, err, sizeof err)) {
            printf("%s\n", err);
            bad++;
            continue;
        }
        int w = 0;
        warnings_for(positional[i], &w);
        warnings += w;
        if (r.problem_count > 0) {
            bad++;
        }
        if (r.problem_count == 0 && w == 0) {
            printf("%s: ok (%d months, %s)\n", positional[i], r.months_played,
                   ud_game_end_name(r.end));
        }
    }
    printf("%d scenario(s) checked: %d with errors, %d warning(s)\n", npos, bad, warnings);
    return bad == 0 && warnings == 0 ? UD_EXIT_OK : UD_EXIT_FAILURE;
}
