/* Headless play of a scenario, and where the shipped scenarios live. */
#define _POSIX_C_SOURCE 200809L /* opendir, stat */

#include "runner.h"
#include "scenario_folders.h"

#include "data_dirs.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *ud_scenarios_root(void) {
    return ud_scenarios_dir();
}

const char *ud_game_end_name(ud_game_end end) {
    switch (end) {
    case UD_END_RUNNING:
        return "running";
    case UD_END_FINISHED:
        return "finished";
    case UD_END_WON:
        return "won";
    case UD_END_LOST:
        return "lost";
    case UD_END_INSOLVENT:
        return "insolvent";
    case UD_END_HALTED:
        return "halted";
    }
    return "?";
}

/* The tracked indicator over the request's window. Months after the game ended (an
 * insolvent MFI) count at the last month's value: the state it ended in is where it stays.
 * The quality of a portfolio is judged on the months that had one: an empty book is not a
 * clean one (lending nothing for the first two years of a window must not count as two
 * years of 0% PAR), and a window without any loans counts as all at risk (1). */
static double ud_track_window(const ud_sim *sim, const ud_run_request *req) {
    int played = ud_sim_month(sim);
    if (played < 1) {
        return 0;
    }
    int from = req->track_from > 0 ? req->track_from : 1;
    int to = req->track_to > 0 ? req->track_to : played;
    if (req->track_take == UD_TAKE_END) {
        from = to;
    }
    double sum = 0, worst = 0, v = 0;
    int n = 0;
    for (int m = from; m <= to; m++) {
        int at = m < played ? m : played;
        if (!ud_month_judged_on(sim, req->track, at)) {
            continue;
        }
        if (!ud_indicator_value(sim, req->track, at, &v) &&
            !ud_score_value(sim, req->track, at, &v)) {
            continue;
        }
        bool worse = req->track_higher ? v < worst : v > worst;
        worst = n == 0 || worse ? v : worst;
        sum += v;
        n++;
    }
    if (n == 0) {
        return ud_is_portfolio_quality(req->track) ? UD_NO_PORTFOLIO_AT_RISK : 0;
    }
    return req->track_take == UD_TAKE_WORST ? worst : sum / n;
}

/* Households at the end by gender and by hamlet, for `sweep --by`. */
static void tally_groups(ud_sim *sim, const bool *poor_at_start, ud_run_result *out) {
    const ud_setup *setup = ud_sim_setup(sim);
    out->hamlets = setup->village.hamlets;
    for (int h = 0; h < out->hamlets; h++) {
        snprintf(out->hamlet_names[h], UD_NAME_LEN, "%s", setup->village.hamlet_names[h]);
    }
    int n = ud_sim_household_count(sim);
    for (int i = 0; i < n; i++) {
        ud_household_view h;
        if (!ud_sim_household(sim, i, &h)) {
            continue;
        }
        ud_group_tally *groups[2] = {
            &out->by_gender[h.woman ? 1 : 0],
            h.hamlet >= 0 && h.hamlet < UD_MAX_HAMLETS ? &out->by_hamlet[h.hamlet] : NULL};
        for (int g = 0; g < 2; g++) {
            ud_group_tally *t = groups[g];
            if (t == NULL) {
                continue;
            }
            t->households++;
            t->poor += h.poor;
            t->poor_at_start += poor_at_start != NULL && poor_at_start[i];
            if (h.loan != NULL) {
                t->borrowers++;
                t->outstanding += (double)h.loan->principal_outstanding;
                t->in_arrears += h.status == UD_HH_IN_ARREARS || h.status == UD_HH_DEFAULTED;
            }
        }
    }
}

/* Which households are poor now (one bool per household, malloc'd; NULL if out of memory). */
static bool *poor_now(ud_sim *sim) {
    int n = ud_sim_household_count(sim);
    bool *poor = calloc((size_t)n + 1, sizeof *poor);
    for (int i = 0; i < n && poor != NULL; i++) {
        ud_household_view h;
        poor[i] = ud_sim_household(sim, i, &h) && h.poor;
    }
    return poor;
}

/* Answers the questions still open with the request's answers, in the order they were asked
 * (the rest are left to the strategy when the next month starts). */
static void answer_as_asked(ud_game *game, const ud_run_request *req) {
    int n;
    const ud_question *q = ud_game_questions(game, &n);
    for (int i = 0; i < n && i < req->answer_count; i++) {
        int choice = req->answers[i];
        if (q[i].answer == 0 && choice >= 1 && choice <= q[i].option_count) {
            char err[256];
            ud_game_answer(game, q[i].id, choice, err, sizeof err);
        } else if (q[i].answer == 0 && req->problems != NULL) {
            /* said once: the strategy (or the question's default) answers it as the next
             * month opens, and then it is no longer open here */
            fprintf(req->problems,
                    "unitdesa run: --answers: answer %d is %d, but question %d (month %d) has "
                    "options 1 to %d; "
                    "the strategy or the question's default answers it\n",
                    i + 1, choice, q[i].id, q[i].month, q[i].option_count);
        }
    }
}

bool ud_run_scenario(const ud_run_request *req, ud_run_result *out, char *err, size_t err_size) {
    memset(out, 0, sizeof *out);
    ud_game_options opt;
    memset(&opt, 0, sizeof opt);
    opt.seed_set = req->seed_set;
    opt.seed = req->seed;
    opt.months = req->months;
    opt.helpers_root = ud_scenarios_root();
    opt.scenario_folders = ud_scenario_folder_list(); /* a trainer\'s own scenarios too */
    opt.language = req->language;
    opt.catalog = req->catalog;
    opt.catalog_data = req->catalog_data;
    ud_game *game = ud_game_load(req->scenario, &opt, err, err_size);
    if (game == NULL) {
        return false;
    }
    if (!ud_game_set_strategy(game, req->strategy, err, err_size)) {
        ud_game_free(game);
        return false;
    }
    ud_sim *sim = ud_game_sim(game);
    out->seed = ud_sim_setup(sim)->seed;
    out->minor_units = ud_game_info(game)->minor_units;
    snprintf(out->currency, sizeof out->currency, "%s", ud_game_info(game)->currency);
    int printed = 0;
    bool *poor_at_start = poor_now(sim);
    for (;;) {
        answer_as_asked(game, req);
        bool going = ud_game_play_month(game);
        int month = ud_sim_month(sim);
        if (month <= 6 && ud_sim_indicators(sim, month) != NULL &&
            ud_sim_indicators(sim, month)->active_borrowers > out->most_borrowers_early) {
            out->most_borrowers_early = ud_sim_indicators(sim, month)->active_borrowers;
        }
        if (req->each_month != NULL) {
            req->each_month(game, month, req->ctx);
        }
        if (req->monthly_csv != NULL) {
            ud_indicators_csv_row(req->monthly_csv, ud_sim_indicators(sim, ud_sim_month(sim)));
        }
        int n;
        const char *const *problems = ud_game_problems(game, &n);
        for (; req->problems != NULL && printed < n; printed++) {
            fprintf(req->problems, "%s\n", problems[printed]);
        }
        if (!going) {
            break;
        }
    }
    out->end = ud_game_end_state(game);
    out->months_played = ud_sim_month(sim);
    if (req->track != NULL) {
        out->tracked = ud_track_window(sim, req);
    }
    ud_scores_compute(sim, &out->scores);
    out->final = *ud_sim_indicators(sim, ud_sim_month(sim));
    const ud_goal *goals = ud_game_goals(game, &out->goal_count);
    for (int i = 0; i < out->goal_count; i++) {
        bool met = goals[i].kind == UD_GOAL_LOSE ? goals[i].state != 1 : goals[i].state == 1;
        out->goal_met[i] = met;
        out->goals_met += met;
        snprintf(out->goal_text[i], sizeof out->goal_text[i], "%s", goals[i].text);
        out->goal_kind[i] = goals[i].kind;
    }
    char lessons[32][UD_TEXT_LEN];
    out->lessons_shown = ud_game_lessons(game, lessons, 32); /* their conditions run here */
    ud_game_questions(game, &out->questions_asked);
    if (req->answer_count > out->questions_asked && req->problems != NULL) {
        /* more answers than questions: the trainer counted the questions wrong */
        fprintf(req->problems,
                "unitdesa run: --answers: %d answer(s) given, but the game asked %d question(s); "
                "the last %d were not used\n",
                req->answer_count, out->questions_asked, req->answer_count - out->questions_asked);
    }
    tally_groups(sim, poor_at_start, out);
    free(poor_at_start);
    if (req->at_end != NULL) {
        req->at_end(game, req->ctx);
    }
    int n;
    const char *const *problems = ud_game_problems(game, &n);
    for (; req->problems != NULL && printed < n; printed++) {
        fprintf(req->problems, "%s\n", problems[printed]); /* from the lessons' conditions */
    }
    out->problem_count = n;
    if (n > 0) {
        snprintf(out->first_problem, sizeof out->first_problem, "%s", problems[0]);
    }
    ud_game_free(game);
    return true;
}

void ud_display_path(const char *path, char *out, size_t size) {
    char cwd[1024];
    size_t n;
    if (getcwd(cwd, sizeof cwd) != NULL && (n = strlen(cwd)) > 0 && strncmp(path, cwd, n) == 0 &&
        path[n] == '/') {
        snprintf(out, size, "%s", path + n + 1);
    } else {
        snprintf(out, size, "%s", path);
    }
}

static int compare_paths(const void *a, const void *b) {
    return strcmp((const char *)a, (const char *)b);
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int ud_shipped_scenarios(char paths[][1024], int max) {
    const char *root = ud_scenarios_root();
    DIR *top = opendir(root);
    if (top == NULL) {
        return 0;
    }
    int n = 0;
    struct dirent *module;
    while ((module = readdir(top)) != NULL && n < max) {
        if (module->d_name[0] == '.' || strcmp(module->d_name, "lib") == 0 ||
            strcmp(module->d_name, "strategies") == 0) {
            continue;
        }
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/%s", root, module->d_name);
        if (!is_dir(dir)) {
            continue;
        }
        DIR *d = opendir(dir);
        if (d == NULL) {
            continue;
        }
        struct dirent *f;
        while ((f = readdir(d)) != NULL && n < max) {
            if (f->d_name[0] != '.' && ends_with(f->d_name, ".lua")) {
                char full[1100];
                snprintf(full, sizeof full, "%.500s/%.500s", dir, f->d_name);
                ud_display_path(full, paths[n++], 1024);
            }
        }
        closedir(d);
    }
    closedir(top);
    qsort(paths, (size_t)n, 1024, compare_paths);
    return n;
}
