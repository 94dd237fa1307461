/* `unitdesa check`: loads each scenario, plays every declared strategy, walks every answer of
 * every question at least once, evaluates every lesson, and warns about what loads but
 * cannot be what the trainer meant. */
#include "check_texts.h"
#include "cli_options.h"
#include "commands.h"
#include "runner.h"
#include "scenario_folders.h"
#include "ud/regular_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

#define MAX_SCENARIOS 256
#define MAX_RUNS 24 /* answer paths explored per scenario, at most */
#define MAX_SEEN_QUESTIONS 64

/* Texts the scenario showed in some run, and the questions it asked with the answers tried. */
typedef struct seen_question {
    char text[UD_TEXT_LEN];
    int option_count;
    bool tried[UD_MAX_QUESTION_OPTIONS + 1];
    bool queued[UD_MAX_QUESTION_OPTIONS + 1];
    bool unanswered; /* asked as the game ended */
} seen_question;

typedef struct check_state {
    const char *path;
    ud_text_set shown; /* every text shown: news templates, questions, options */
    seen_question questions[MAX_SEEN_QUESTIONS];
    int question_count;
    /* the answers chosen in the run just played, in the order asked */
    int answers[64];
    int asked[64]; /* the i-th question asked: its index in questions[] */
    int answer_count;
    char *problems[256]; /* distinct problems over all runs */
    int problem_count;
} check_state;

static seen_question *question_seen(check_state *st, const ud_question *q) {
    for (int i = 0; i < st->question_count; i++) {
        if (strcmp(st->questions[i].text, q->text) == 0) {
            return &st->questions[i];
        }
    }
    if (st->question_count >= MAX_SEEN_QUESTIONS) {
        return NULL;
    }
    seen_question *s = &st->questions[st->question_count++];
    memset(s, 0, sizeof *s);
    snprintf(s->text, sizeof s->text, "%s", q->text);
    s->option_count = q->option_count;
    return s;
}

static void collect(ud_game *g, void *ctx) {
    check_state *st = ctx;
    int n;
    const ud_news *news = ud_game_news(g, &n);
    for (int i = 0; i < n; i++) {
        ud_text_set_add(&st->shown, news[i].key);
    }
    const ud_question *q = ud_game_questions(g, &n);
    st->answer_count = 0;
    for (int i = 0; i < n && i < 64; i++) {
        ud_text_set_add(&st->shown, q[i].text);
        for (int k = 0; k < q[i].option_count; k++) {
            ud_text_set_add(&st->shown, q[i].options[k]);
        }
        seen_question *s = question_seen(st, &q[i]);
        if (s == NULL) {
            break;
        }
        if (q[i].answer > 0) {
            s->tried[q[i].answer] = true;
        } else if (!s->unanswered) {
            /* asked when the game ended: no run can answer it */
            s->unanswered = true;
            for (int k = 1; k <= s->option_count; k++) {
                s->tried[k] = true;
            }
        }
        st->asked[st->answer_count] = (int)(s - st->questions);
        st->answers[st->answer_count++] = q[i].answer > 0 ? q[i].answer : 1;
    }
    const char *const *problems = ud_game_problems(g, &n);
    for (int i = 0; i < n; i++) {
        bool known = false;
        for (int k = 0; k < st->problem_count && !known; k++) {
            known = strcmp(st->problems[k], problems[i]) == 0;
        }
        if (!known && st->problem_count < 256) {
            size_t len = strlen(problems[i]) + 1;
            st->problems[st->problem_count] = malloc(len);
            if (st->problems[st->problem_count] != NULL) {
                memcpy(st->problems[st->problem_count++], problems[i], len);
            }
        }
    }
}

static void free_state(check_state *st) {
    ud_text_set_free(&st->shown);
    for (int i = 0; i < st->problem_count; i++) {
        free(st->problems[i]);
    }
}

/* Plays one run and folds what it showed into the state. False if the scenario did not load. */
static bool play(check_state *st, const char *strategy, const int *answers, int answer_count,
                 ud_run_result *r) {
    ud_run_request req;
    memset(&req, 0, sizeof req);
    req.scenario = st->path;
    req.strategy = strategy;
    req.answers = answers;
    req.answer_count = answer_count;
    req.at_end = collect;
    req.ctx = st;
    char err[4096];
    if (!ud_run_scenario(&req, r, err, sizeof err)) {
        printf("%s\n", err);
        return false;
    }
    return true;
}

/* Runs with every answer of every question tried once: a run with the default answers, then
 * for each answer not yet tried, a run that answers the questions before it as last time and
 * that one with it. Returns the runs played (0 if the scenario does not load). */
static int explore_answers(check_state *st, ud_run_result *first, int *unexplored) {
    typedef struct path {
        int answers[64];
        int count;
    } path;
    static path queue[MAX_RUNS];
    int queued = 1, runs = 0;
    queue[0].count = 0;
    for (int next = 0; next < queued; next++) {
        ud_run_result r;
        if (!play(st, NULL, queue[next].answers, queue[next].count, next == 0 ? first : &r)) {
            return 0;
        }
        runs++;
        for (int i = 0; i < st->answer_count; i++) {
            seen_question *s = &st->questions[st->asked[i]];
            for (int option = 1; option <= s->option_count && queued < MAX_RUNS; option++) {
                if (s->tried[option] || s->queued[option]) {
                    continue;
                }
                path *p = &queue[queued++];
                memcpy(p->answers, st->answers, (size_t)i * sizeof(int));
                p->answers[i] = option;
                p->count = i + 1;
                s->queued[option] = true;
            }
        }
    }
    *unexplored = 0;
    for (int qi = 0; qi < st->question_count; qi++) {
        for (int option = 1; option <= st->questions[qi].option_count; option++) {
            *unexplored += !st->questions[qi].tried[option];
        }
    }
    return runs;
}

/* Warnings about a scenario that loads: its own load-time warnings, goals that can never
 * be judged, strategies that do not load, no objectives. */
static int static_warnings(ud_game *g, const char *path) {
    int count = 0, n;
    const char *const *w = ud_game_warnings(g, &n);
    for (int i = 0; i < n; i++) {
        printf("%s\n", w[i]);
        count++;
    }
    const ud_goal *goal = ud_game_goals(g, &n);
    for (int i = 0; i < n; i++) {
        if (goal[i].month > ud_game_months(g)) {
            printf("%s:%d: warning: the goal '%s' is judged in month %d but the scenario "
                   "ends in month %d, so it can never be met\n",
                   path, goal[i].line, goal[i].text, goal[i].month, ud_game_months(g));
            count++;
        }
    }
    const ud_scenario_info *in = ud_game_info(g);
    if (in->objective_count == 0) {
        printf("%s:1: warning: scenario{} lists no objectives: trainees will not know what "
               "it teaches\n",
               path);
        count++;
    }
    return count;
}

typedef struct verdict {
    int errors, warnings;
} verdict;

static verdict check_one(const char *path) {
    verdict v = {0, 0};
    ud_game_options opt;
    memset(&opt, 0, sizeof opt);
    opt.helpers_root = ud_scenarios_root();
    opt.scenario_folders = ud_scenario_folder_list(); /* a trainer\'s own scenarios too */
    char err[4096];
    ud_game *g = ud_game_load(path, &opt, err, sizeof err);
    if (g == NULL) {
        printf("%s\n", err);
        v.errors++;
        return v;
    }
    v.warnings += static_warnings(g, path);
    ud_scenario_info info = *ud_game_info(g);
    /* officers paid below what their training earns elsewhere work less and leave (MODEL.md
     * 3): a scenario that does it by accident (a village's incomes set without its wages)
     * loses its staff in the first months */
    const ud_setup *setup = ud_sim_setup(ud_game_sim(g));
    ud_money paid = setup->mfi.officers.salary;
    ud_money market = ud_sim_market_wage(ud_game_sim(g), setup->mfi.officers.training);
    bool underpaid = setup->mfi.officers.count > 0 && paid < market;
    ud_game_free(g);

    static check_state st;
    free_state(&st);
    memset(&st, 0, sizeof st);
    st.path = path;
    ud_run_result first;
    int unexplored = 0;
    int runs = explore_answers(&st, &first, &unexplored);
    if (runs == 0) {
        v.errors++;
        return v;
    }
    /* every sound and naive strategy the lesson declares, with its own answers (probes try
     * what no manager would, refused commands included: the tournament judges them) */
    int strategies_played = 0;
    for (int i = 0; i < info.lesson_strategy_count; i++) {
        /* a probe is not played here, but one that is not there is a mistake all the same */
        if (!ud_lesson_strategy_opens(path, &info, i, stdout)) {
            v.errors++;
            continue;
        }
        if (info.lesson_family[i] == UD_FAMILY_PROBE) {
            continue;
        }
        ud_run_result r;
        if (!play(&st, info.lesson_strategy[i], NULL, 0, &r)) {
            v.errors++;
            continue;
        }
        strategies_played++;
        runs++;
    }
    for (int i = 0; i < st.problem_count; i++) {
        printf("%s\n", st.problems[i]);
    }
    v.errors += st.problem_count;
    char *source = ud_read_source(path);
    if (underpaid) {
        /* a note, not a warning: a scenario may start underpaid on purpose (a lesson on staff),
         * and check must be able to pass it */
        printf("%s:%d: note: the officers are paid %lld a month, below the market wage of "
               "%lld for their training: they work less and leave sooner (set village{ "
               "officer_wage = ... } if the region's wage is lower, pay them more, or keep it "
               "if that is the scenario's point)\n",
               path, source ? ud_source_declaration_line(source, "mfi") : 1, (long long)paid,
               (long long)market);
    }
    if ((first.end == UD_END_INSOLVENT || first.end == UD_END_LOST) &&
        first.months_played < info.months) {
        /* what comes after is never played, so never checked */
        printf("%s:1: warning: with the default strategy (seed %llu) the game ends %s in month "
               "%d of %d: the months after it, their events, questions and translations are "
               "never checked (check the MFI's equity and costs against its products)\n",
               path, (unsigned long long)first.seed, ud_game_end_name(first.end),
               first.months_played, info.months);
        v.warnings++;
    }
    /* a game its script stopped is reported as such; its loans say nothing about the
     * products (a halt in month 1 added "no household borrowed" to the real error) */
    if (first.most_borrowers_early == 0 && first.end != UD_END_HALTED &&
        first.months_played >= (info.months < 6 ? info.months : 6)) {
        printf("%s:%d: warning: no household borrowed in the first six months (default "
               "strategy, seed %llu): check the products' sizes against the village's "
               "incomes and the credit policy\n",
               path, source ? ud_source_declaration_line(source, "product") : 1,
               (unsigned long long)first.seed);
        v.warnings++;
    }
    int asked = 0;
    for (int i = 0; i < st.question_count; i++) {
        asked += st.questions[i].option_count;
    }
    for (int i = 0; i < st.question_count; i++) {
        if (st.questions[i].unanswered) {
            int line = source ? ud_source_used_at(source, st.questions[i].text) : 0;
            printf("%s:%d: warning: the question \"%.80s\" is asked as the game ends and is "
                   "never answered\n",
                   path, line > 0 ? line : 1, st.questions[i].text);
            v.warnings++;
        }
    }
    if (unexplored > 0) {
        printf("%s:1: warning: %d answer(s) of %d were never tried in %d runs (questions asked "
               "only in the last month, or more branches than check plays)\n",
               path, unexplored, asked, runs);
        v.warnings++;
    }
    if (source != NULL) {
        g = ud_game_load(path, &opt, err, sizeof err);
        if (g != NULL) {
            v.warnings += ud_check_translations(g, path, source, &st.shown);
            ud_game_free(g);
        }
        free(source);
    }
    if (v.errors == 0 && v.warnings == 0) {
        printf("%s: ok (%d months, %s; %d game(s): %d answer(s) of %d question(s) tried, "
               "%d lesson strategy(ies), lessons evaluated)\n",
               path, first.months_played, ud_game_end_name(first.end), runs, asked,
               st.question_count, strategies_played);
    }
    return v;
}

int ud_cmd_check(int argc, char **argv, int first) {
    ud_option o[] = {{"help", UD_OPT_FLAG, NULL}};
    static const char *positional[MAX_SCENARIOS];
    int npos = 0;
    if (!ud_options_parse("check", argc, argv, first, o, 1, positional, MAX_SCENARIOS, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[0].value) {
        printf("usage: unitdesa check [FILE...] [--scenarios DIR]\n\n"
               "Loads each scenario (every one found if none is named: see 'unitdesa list'),\n"
               "plays it with the default strategy, once for every answer of every question,\n"
               "and with each strategy its lesson declares; evaluates every lesson's\n"
               "condition; and reports every problem as file:line: message. Warns about\n"
               "rates that look like shares (0.24 for 24%%), amounts out of proportion to the\n"
               "village's incomes, no borrower in the first six months, texts missing from a\n"
               "translation and translations of texts the scenario does not have. Notes\n"
               "(officers paid below the market wage) do not count. Exits 0 only if there\n"
               "are no errors and no warnings.\n");
        return UD_EXIT_OK;
    }
    static ud_scenario_entry found[MAX_SCENARIOS];
    if (npos == 0) {
        npos = ud_find_scenarios(found, MAX_SCENARIOS);
        if (npos == 0) {
            fprintf(stderr, "unitdesa check: no scenarios found in '%s' (set UNITDESA_SCENARIOS)\n",
                    ud_scenarios_root());
            return UD_EXIT_FAILURE;
        }
        for (int i = 0; i < npos; i++) {
            positional[i] = found[i].path;
        }
    }
    int bad = 0, warnings = 0;
    for (int i = 0; i < npos; i++) {
        verdict v = check_one(positional[i]);
        bad += v.errors > 0;
        warnings += v.warnings;
    }
    printf("%d scenario(s) checked: %d with errors, %d warning(s)\n", npos, bad, warnings);
    return bad == 0 && warnings == 0 ? UD_EXIT_OK : UD_EXIT_FAILURE;
}
