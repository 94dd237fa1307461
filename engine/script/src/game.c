/* The game runtime: loading a scenario, attaching a strategy, and playing month by month
 * with handlers, goals, questions, news and script problems. */
#include "game_internal.h"
#include "ud/scores.h"
#include "ud/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A stream number no engine subsystem uses ("STRATEGY" in ASCII). */
#define STRATEGY_STREAM UINT64_C(0x5354524154454759)

static char *copy_string(const char *s);

void game_warning(lua_State *L, const char *fmt, ...) {
    ud_game *g = game_of(L);
    if (g->warning_count >= MAX_PROBLEMS) {
        return;
    }
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    char line[2200];
    snprintf(line, sizeof line, "%.1000s:%d: warning: %.1000s", g->info.path, api_line(L), text);
    g->warnings[g->warning_count] = copy_string(line);
    if (g->warnings[g->warning_count] != NULL) {
        g->warning_count++;
    }
}

const char *const *ud_game_warnings(const ud_game *g, int *count) {
    *count = g->warning_count;
    return (const char *const *)g->warnings;
}

static char *copy_string(const char *s) {
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c != NULL) {
        memcpy(c, s, n);
    }
    return c;
}

void game_problem(ud_game *game, const char *text) {
    if (game->problem_count >= MAX_PROBLEMS) {
        return; /* the first ones say what is wrong; the rest would only repeat it */
    }
    char *copy = copy_string(text);
    if (copy == NULL) {
        return;
    }
    /* a script's error can carry any bytes: a problem is printed on the trainer's terminal and
     * shown on screen, so control characters (but line breaks) and bytes that are not UTF-8
     * become '?' */
    ud_utf8_plain(copy, true, '?');
    game->problems[game->problem_count++] = copy;
}

/* Fills each %d or %s of the template with the next value ("%%" stays a percent sign). */
static void fill(const char *template, int argc, const char (*args)[48], char *out, size_t size) {
    size_t n = 0;
    int next = 0;
    for (const char *p = template; *p != '\0' && n + 1 < size; p++) {
        if (p[0] == '%' && (p[1] == 'd' || p[1] == 's') && next < argc) {
            n += (size_t)snprintf(out + n, size - n, "%s", args[next++]);
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            out[n++] = '%';
            p++;
        } else {
            out[n++] = *p;
        }
        if (n >= size) {
            n = size - 1;
        }
    }
    out[n] = '\0';
    if (n + 1 >= size) {
        /* cut at the end of the room: on a character's boundary */
        char whole[UD_TEXT_LEN];
        memcpy(whole, out, n + 1);
        ud_utf8_copy(out, size, whole);
    }
}

/* The value of the template's first %d, which is what a news line counts; -1 if none. */
static long first_count(const char *template, int argc, const char (*args)[48]) {
    int next = 0;
    for (const char *p = template; *p != '\0' && next < argc; p++) {
        if (p[0] == '%' && p[1] == '%') {
            p++;
        } else if (p[0] == '%' && p[1] == 'd') {
            return strtol(args[next], NULL, 10);
        } else if (p[0] == '%' && p[1] == 's') {
            next++;
            p++;
        }
    }
    return -1;
}

void ud_game_news_text(const ud_game *g, const ud_news *news, char *out, size_t size) {
    long count = first_count(news->key, news->argc, news->args);
    fill(ud_game_text_count(g, news->key, count), news->argc, news->args, out, size);
}

void game_add_news_values(ud_game *game, const char *key, int argc, const char *const *args) {
    int before = game->news_count;
    game_add_news(game, key);
    if (game->news_count == before) {
        return;
    }
    ud_news *n = &game->news[game->news_count - 1];
    n->argc = argc < UD_NEWS_ARGS ? argc : UD_NEWS_ARGS;
    for (int i = 0; i < n->argc; i++) {
        /* a long value is cut on a character's boundary, never inside one */
        ud_utf8_copy(n->args[i], sizeof n->args[i], args[i]);
    }
    fill(n->key, n->argc, n->args, n->text, sizeof n->text);
}

const ud_news *ud_game_offer_news(const ud_game *g, int offer) {
    if (offer < 0 || offer >= UD_MAX_OFFERS || g->offer_news[offer] < 1 ||
        g->offer_news[offer] > g->news_count) {
        return NULL;
    }
    return &g->news[g->offer_news[offer] - 1];
}

void game_add_news(ud_game *game, const char *text) {
    if (game->news_count >= MAX_NEWS) {
        return; /* the API refuses first, naming the limit */
    }
    if (game->news_count == game->news_capacity) {
        int cap = game->news_capacity ? game->news_capacity * 2 : 32;
        ud_news *grown = realloc(game->news, (size_t)cap * sizeof *grown);
        if (grown == NULL) {
            return;
        }
        game->news = grown;
        game->news_capacity = cap;
    }
    ud_news *n = &game->news[game->news_count++];
    memset(n, 0, sizeof *n);
    n->month = game->current_month;
    snprintf(n->text, sizeof n->text, "%s", text);
    snprintf(n->key, sizeof n->key, "%s", text);
}

static ud_sandbox *new_sandbox(ud_game *g) {
    ud_sandbox *sb =
        ud_sandbox_new(g->options.memory_cap, g->options.instructions, g->options.helpers_root);
    if (sb != NULL) {
        lua_pushlightuserdata(sb->L, g);
        lua_setfield(sb->L, LUA_REGISTRYINDEX, "ud.game");
    }
    return sb;
}

void ud_game_free(ud_game *g) {
    if (g == NULL) {
        return;
    }
    ud_sandbox_free(g->scenario);
    ud_sandbox_free(g->strategy);
    ud_sim_destroy(g->sim);
    for (int i = 0; i < g->problem_count; i++) {
        free(g->problems[i]);
    }
    for (int i = 0; i < g->warning_count; i++) {
        free(g->warnings[i]);
    }
    free(g->news);
    free(g->decisions);
    free(g->explanations);
    free(g->name_rank);
    free(g);
}

static bool create_sim(ud_game *g, char *err, size_t err_size) {
    const char *path = g->info.path;
    g->setup.seed = g->options.seed_set ? g->options.seed : g->info.seed;
    g->setup.minor_units = g->info.minor_units;
    snprintf(g->setup.currency, sizeof g->setup.currency, "%s", g->info.currency);
    char why[256];
    g->sim = ud_sim_create(&g->setup, NULL, why, sizeof why);
    if (g->sim == NULL) {
        /* The set-up is checked as a whole once the file has run: point at the declaration
         * the problem comes from. */
        int line = 1;
        int product = 0;
        if (strncmp(why, "village.", 8) == 0 && g->village_line > 0) {
            line = g->village_line;
        } else if (sscanf(why, "mfi.products[%d]", &product) == 1 && product >= 1 &&
                   product <= g->product_count_declared) {
            line = g->product_lines[product - 1];
        } else if (strncmp(why, "mfi.", 4) == 0 && g->mfi_line > 0) {
            line = g->mfi_line;
        } else if (strncmp(why, "mfi.", 4) == 0 && g->village_line > 0) {
            /* The author wrote no mfi{}: the MFI is the default one sized to the village. */
            snprintf(err, err_size,
                     "%s:%d: village{}: the default MFI for a village of %d households does not "
                     "hold (%s); declare mfi{ ... } with its own size",
                     path, g->village_line, g->setup.village.households, why);
            return false;
        }
        snprintf(err, err_size, "%s:%d: %s", path, line, why);
        return false;
    }
    /* names are given in turn to the women and to the men, so that a village has as many
     * distinct names as its lists allow (drawn at random, a village of 900 had two "Pak
     * Yayan Rusmana" in one hamlet, one late and one who had never borrowed) */
    int households = ud_sim_household_count(g->sim);
    g->name_rank = malloc((size_t)(households > 0 ? households : 1) * sizeof *g->name_rank);
    if (g->name_rank == NULL) {
        snprintf(err, err_size, "%s:1: out of memory for %d households' names", path, households);
        return false;
    }
    int ranks[2] = {0, 0};
    for (int i = 0; i < households; i++) {
        ud_household_view v;
        int woman = ud_sim_household(g->sim, i, &v) && v.woman;
        g->name_rank[i] = ranks[woman]++;
    }
    if (g->listed_count > g->setup.village.households) {
        snprintf(err, err_size, "%s: households{} lists %d households but the village has %d", path,
                 g->listed_count, g->setup.village.households);
        return false;
    }
    for (int i = 0; i < g->listed_count; i++) {
        if (!ud_sim_set_household(g->sim, i, &g->listed[i].spec, why, sizeof why)) {
            snprintf(err, err_size, "%s: households{}[%d]: %s", path, i + 1, why);
            return false;
        }
    }
    g->scenario->rng = ud_sim_script_rng(g->sim);
    game_plausibility(g);
    return true;
}

/* A translation may be no longer than the field its English fills: the screens are laid out
 * for a hamlet name, a product name, a title or an objective of that size, and a longer
 * translation would be cut or run over its neighbours in that language only. The texts are
 * known only once the whole file has run, so the check comes here rather than in translate(). */
static bool translation_fits(ud_game *g, const char *language, const char *english,
                             const char *field, size_t max_bytes, char *err, size_t err_size) {
    lua_State *L = g->scenario->L;
    int top = lua_gettop(L);
    size_t length = 0;
    bool one_line = true;
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.tr");
    if (lua_getfield(L, -1, language) == LUA_TTABLE &&
        lua_getfield(L, -1, english) == LUA_TSTRING) {
        length = lua_rawlen(L, -1);
        /* a title or a name is one line in every language (an objective may wrap) */
        one_line = strcmp(field, "objective") == 0 || strpbrk(lua_tostring(L, -1), "\n\t") == NULL;
    }
    lua_settop(L, top);
    if (!one_line) {
        snprintf(err, err_size,
                 "%s:%d: translate('%s'): the translation of the %s \"%.60s\" must be one line "
                 "of plain text, as the English is (a line break or a tab is in it)",
                 g->info.path, ud_game_translation_line(g, language), language, field, english);
        return false;
    }
    if (length < max_bytes) {
        return true;
    }
    snprintf(err, err_size,
             "%s:%d: translate('%s'): the translation of the %s \"%.60s\" has %zu bytes; like "
             "the English, it may have at most %zu (shorten it: the screens leave that much room)",
             g->info.path, ud_game_translation_line(g, language), language, field, english, length,
             max_bytes - 1);
    return false;
}

static bool translations_fit(ud_game *g, char *err, size_t err_size) {
    const char *languages[16];
    int langs = ud_game_translation_languages(g, languages, 16);
    int products;
    const ud_product *product = ud_sim_products(g->sim, &products);
    for (int l = 0; l < langs; l++) {
        const char *lang = languages[l];
        bool ok =
            translation_fits(g, lang, g->info.title, "title", sizeof g->info.title, err, err_size);
        for (int i = 0; ok && i < g->info.objective_count; i++) {
            ok = translation_fits(g, lang, g->info.objectives[i], "objective",
                                  sizeof g->info.objectives[i], err, err_size);
        }
        for (int i = 0; ok && i < g->setup.village.hamlets; i++) {
            ok = translation_fits(g, lang, g->setup.village.hamlet_names[i], "hamlet name",
                                  UD_NAME_LEN, err, err_size);
        }
        for (int i = 0; ok && i < products; i++) {
            ok = translation_fits(g, lang, product[i].name, "product name", UD_NAME_LEN, err,
                                  err_size);
        }
        if (!ok) {
            return false;
        }
    }
    return true;
}

ud_game *ud_game_load(const char *path, const ud_game_options *options, char *err,
                      size_t err_size) {
    ud_game *g = calloc(1, sizeof *g);
    if (g == NULL) {
        snprintf(err, err_size, "%s: out of memory", path);
        return NULL;
    }
    if (options != NULL) {
        g->options = *options;
    }
    snprintf(g->language, sizeof g->language, "%s",
             g->options.language != NULL ? g->options.language : "en");
    size_t path_len = strlen(path);
    if (path_len >= sizeof g->info.path) {
        /* kept whole or not at all: a cut path would name another file in saves and results */
        snprintf(err, err_size,
                 "%.120s...: the path of this file is too long (%zu bytes; at most %zu): move "
                 "it to a folder with a shorter path",
                 path, path_len, sizeof g->info.path - 1);
        ud_game_free(g);
        return NULL;
    }
    snprintf(g->info.path, sizeof g->info.path, "%s", path);
    snprintf(g->info.currency, sizeof g->info.currency, "IDR");
    g->info.months = 36;
    g->info.seed = 1;
    ud_setup_default(&g->setup, 300);
    g->names = *ud_name_list_builtin(UD_NAMES_INDONESIAN);
    g->scenario = new_sandbox(g);
    if (g->scenario == NULL) {
        snprintf(err, err_size, "%s: out of memory", path);
        ud_game_free(g);
        return NULL;
    }
    api_register_scenario(g->scenario->L);
    ud_sandbox_make_strict(g->scenario);
    if (!ud_sandbox_run_file(g->scenario, path, err, err_size)) {
        ud_game_free(g);
        return NULL;
    }
    if (!g->declared_scenario) {
        snprintf(err, err_size,
                 "%s: scenario{} is missing: every scenario declares scenario{ id = ..., "
                 "title = ..., module = ... }",
                 path);
        ud_game_free(g);
        return NULL;
    }
    if (!create_sim(g, err, err_size) || !translations_fit(g, err, err_size)) {
        ud_game_free(g);
        return NULL;
    }
    g->months = g->options.months > 0 ? g->options.months : g->info.months;
    g->phase = PHASE_PLAYING;
    return g;
}

const ud_scenario_info *ud_game_info(const ud_game *g) {
    return &g->info;
}

uint64_t ud_game_scenario_hash(const ud_game *g) {
    return g->scenario->first_hash;
}

bool ud_game_helper(const ud_game *g, int i, const char **name, uint64_t *hash) {
    const ud_sandbox *sb = g->scenario;
    int seen = 0;
    for (int k = 1; sb != NULL && k < sb->file_count; k++) {
        if (sb->file_hashes[k] != 0 && seen++ == i) {
            *name = sb->names[k];
            *hash = sb->file_hashes[k];
            return true;
        }
    }
    return false;
}

ud_sim *ud_game_sim(ud_game *g) {
    return g->sim;
}

double ud_game_script_seconds(const ud_game *g) {
    return g->scenario->seconds + (g->strategy != NULL ? g->strategy->seconds : 0.0);
}

int ud_game_months(const ud_game *g) {
    return g->months;
}

ud_game_end ud_game_end_state(const ud_game *g) {
    return g->end;
}

static bool global_is_function(lua_State *L, const char *name) {
    lua_pushglobaltable(L);
    lua_pushstring(L, name);
    lua_rawget(L, -2);
    bool is_fn = lua_isfunction(L, -1);
    lua_pop(L, 2);
    return is_fn;
}

/* Pushes a global read raw (no metamethod can run outside a protected call). */
static void push_raw_global(lua_State *L, const char *name) {
    lua_pushglobaltable(L);
    lua_pushstring(L, name);
    lua_rawget(L, -2);
    lua_remove(L, -2);
}

bool ud_game_set_strategy(ud_game *g, const char *path, char *err, size_t err_size) {
    ud_sandbox_free(g->strategy);
    g->strategy = NULL;
    if (path == NULL) {
        return true;
    }
    ud_sandbox *sb = new_sandbox(g);
    if (sb == NULL) {
        snprintf(err, err_size, "%s: out of memory", path);
        return false;
    }
    api_register_strategy(sb->L);
    ud_sandbox_make_strict(sb);
    /* The strategy draws from a stream of its own: whatever it draws, the scenario's random
     * events (its own stream) and the engine's (one stream per subsystem) stay the same, so
     * every team faces the same shocks. */
    ud_rng_seed(&sb->own_rng, ud_sim_setup(g->sim)->seed, STRATEGY_STREAM);
    sb->rng = &sb->own_rng;
    if (!ud_sandbox_run_file(sb, path, err, err_size)) {
        ud_sandbox_free(sb);
        return false;
    }
    if (!global_is_function(sb->L, "decide")) {
        snprintf(err, err_size,
                 "%s: a strategy must define function decide() ... end, called every month", path);
        ud_sandbox_free(sb);
        return false;
    }
    g->strategy = sb;
    return true;
}

/* Runs a handler with the given arguments already pushed above its function. */
static bool run_handler(ud_game *g, handler *h, int nargs) {
    char err[2048];
    if (ud_sandbox_call(g->scenario, nargs, 0, err, sizeof err)) {
        h->strikes = 0;
        return true;
    }
    game_problem(g, err);
    if (++h->strikes >= HANDLER_STRIKES) {
        h->disabled = true;
        char note[1400];
        snprintf(note, sizeof note,
                 "%s:%d: the handler %s failed %d times in a row and was disabled", g->info.path,
                 h->line, h->name, HANDLER_STRIKES);
        game_problem(g, note);
    }
    return false;
}

static void push_ref(lua_State *L, int ref) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
}

static void month_handlers(ud_game *g, int month) {
    lua_State *L = g->scenario->L;
    for (int i = 0; i < g->handler_count; i++) {
        handler *h = &g->handlers[i];
        if (h->disabled || !((h->kind == HANDLER_AT_MONTH && h->month == month) ||
                             h->kind == HANDLER_EVERY_MONTH)) {
            continue;
        }
        push_ref(L, h->fn);
        lua_pushinteger(L, month);
        run_handler(g, h, 1);
    }
}

static void push_event(lua_State *L, const ud_event *e) {
    lua_createtable(L, 0, 6);
    lua_pushstring(L, ud_event_name(e->type));
    lua_setfield(L, -2, "type");
    lua_pushinteger(L, e->month);
    lua_setfield(L, -2, "month");
    lua_pushinteger(L, e->subject);
    lua_setfield(L, -2, "subject");
    lua_pushinteger(L, e->object);
    lua_setfield(L, -2, "object");
    lua_pushinteger(L, e->amount);
    lua_setfield(L, -2, "amount");
    bool about_household = e->type == UD_EV_LOAN_DISBURSED || e->type == UD_EV_LOAN_REPAID ||
                           e->type == UD_EV_INSTALMENT_MISSED ||
                           e->type == UD_EV_APPLICATION_REJECTED || e->type == UD_EV_RECOVERY ||
                           (e->type == UD_EV_LOAN_WRITTEN_OFF && e->subject >= 0);
    if (about_household) {
        lua_pushinteger(L, e->subject + 1);
        lua_setfield(L, -2, "household");
    }
}

static void event_handlers(ud_game *g) {
    bool wanted[UD_EV_TYPE_COUNT] = {false};
    bool any = false;
    for (int i = 0; i < g->handler_count; i++) {
        if (g->handlers[i].kind == HANDLER_ON && !g->handlers[i].disabled) {
            wanted[g->handlers[i].event] = any = true;
        }
    }
    if (!any) {
        return;
    }
    lua_State *L = g->scenario->L;
    int n;
    const ud_event *events = ud_sim_events(g->sim, &n);
    for (int e = 0; e < n; e++) {
        if (!wanted[events[e].type]) {
            continue;
        }
        for (int i = 0; i < g->handler_count; i++) {
            handler *h = &g->handlers[i];
            if (h->kind != HANDLER_ON || h->disabled || h->event != (int)events[e].type) {
                continue;
            }
            push_ref(L, h->fn);
            push_event(L, &events[e]);
            run_handler(g, h, 1);
        }
    }
}

static void condition_handlers(ud_game *g) {
    lua_State *L = g->scenario->L;
    for (int i = 0; i < g->handler_count; i++) {
        handler *h = &g->handlers[i];
        if (h->kind != HANDLER_WHEN || h->disabled || (h->fired && !h->repeat)) {
            continue;
        }
        push_ref(L, h->condition);
        char err[2048];
        if (!ud_sandbox_call(g->scenario, 0, 1, err, sizeof err)) {
            game_problem(g, err);
            if (++h->strikes >= HANDLER_STRIKES) {
                h->disabled = true;
            }
            continue;
        }
        bool holds = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (holds) {
            h->fired = true;
            push_ref(L, h->fn);
            run_handler(g, h, 0);
        }
    }
}

static void judge_goals(ud_game *g, int month) {
    for (int i = 0; i < g->goal_count; i++) {
        ud_goal *goal = &g->goals[i];
        double v;
        if (!ud_game_measure(g, goal->indicator, &v) &&
            !ud_indicator_value(g->sim, goal->indicator, month, &v)) {
            continue;
        }
        double threshold = goal->threshold, start = 0;
        if (goal->of_start) {
            /* A village drawn from another seed starts elsewhere: judge the change. */
            if (!ud_indicator_value(g->sim, goal->indicator, 0, &start)) {
                continue;
            }
            threshold *= start;
        }
        if (goal->kind == UD_GOAL_TARGET && month == goal->month) {
            /* its window's figure, or the month's own (an empty book counted as at risk) */
            double judged;
            v = ud_goal_judged_value(g, goal, month, &judged) ? judged : v;
        }
        bool holds = goal->above ? v > threshold : v < threshold;
        if (goal->kind == UD_GOAL_TARGET) {
            if (month == goal->month) {
                goal->state = holds ? 1 : 0;
            }
        } else if (month >= goal->month && holds && goal->state != 1) {
            goal->state = 1;
            if (g->end == UD_END_RUNNING) {
                g->end = goal->kind == UD_GOAL_WIN ? UD_END_WON : UD_END_LOST;
            }
        }
    }
}

bool ud_goal_judged_value(const ud_game *g, const ud_goal *goal, int last, double *value) {
    int from = goal->from > 0 && goal->from <= last ? goal->from : last;
    double sum = 0, worst = 0, x;
    int n = 0;
    for (int m = from; m <= last; m++) {
        /* a month without loans has no arrears to judge, not 0% of them */
        if (!ud_month_judged_on(g->sim, goal->indicator, m) ||
            !ud_indicator_value(g->sim, goal->indicator, m, &x)) {
            continue;
        }
        /* the worst month: the highest for a limit from above, the lowest for a floor */
        if (n == 0 || (goal->above ? x < worst : x > worst)) {
            worst = x;
        }
        sum += x;
        n++;
    }
    if (n == 0 && ud_is_portfolio_quality(goal->indicator) && from <= last) {
        *value = UD_NO_PORTFOLIO_AT_RISK; /* a window without a loan: nothing was kept safe */
        return true;
    }
    if (n == 0) {
        return false;
    }
    *value = goal->worst ? worst : sum / n;
    return true;
}

static void answer_pending_questions(ud_game *g) {
    for (int i = 0; i < g->question_count; i++) {
        if (g->questions[i].answer != 0) {
            continue;
        }
        int fallback = g->questions[i].default_option >= 1 ? g->questions[i].default_option : 1;
        int choice = fallback;
        if (g->strategy != NULL && !g->strategy_stopped &&
            global_is_function(g->strategy->L, "answer")) {
            lua_State *S = g->strategy->L;
            push_raw_global(S, "answer");
            /* where answer() is written, for a note about what it returned */
            lua_Debug ar;
            lua_pushvalue(S, -1);
            lua_getinfo(S, ">S", &ar);
            char where[300];
            snprintf(where, sizeof where, "%s:%d: ", ar.short_src, ar.linedefined);
            lua_createtable(S, 0, 3);
            lua_pushinteger(S, g->questions[i].id);
            lua_setfield(S, -2, "id");
            lua_pushstring(S, g->questions[i].text);
            lua_setfield(S, -2, "text");
            lua_createtable(S, g->questions[i].option_count, 0);
            for (int k = 0; k < g->questions[i].option_count; k++) {
                lua_pushstring(S, g->questions[i].options[k]);
                lua_rawseti(S, -2, k + 1);
            }
            lua_setfield(S, -2, "options");
            char err[2048];
            if (ud_sandbox_call(g->strategy, 1, 1, err, sizeof err)) {
                int is_int = 0;
                lua_Integer c = lua_type(S, -1) == LUA_TNUMBER ? lua_tointegerx(S, -1, &is_int) : 0;
                if (is_int && c >= 1 && c <= g->questions[i].option_count) {
                    choice = (int)c;
                } else {
                    /* said, not silently replaced: a strategy that answers wrongly is a bug
                     * (described without calling any of the script's metamethods) */
                    char gave[80];
                    if (lua_type(S, -1) == LUA_TNUMBER) {
                        snprintf(gave, sizeof gave, "%.14g", lua_tonumber(S, -1));
                    } else if (lua_type(S, -1) == LUA_TSTRING) {
                        snprintf(gave, sizeof gave, "the text \"%.40s\"", lua_tostring(S, -1));
                    } else {
                        snprintf(gave, sizeof gave, "a %s", luaL_typename(S, -1));
                    }
                    char note[800];
                    snprintf(note, sizeof note,
                             "%sthe strategy's answer() gave %s for question %d, whose options "
                             "are the whole numbers 1 to %d: option %d (the question's default) "
                             "was taken",
                             where, gave, g->questions[i].id, g->questions[i].option_count,
                             fallback);
                    game_problem(g, note);
                }
                lua_pop(S, 1);
            } else {
                game_problem(g, err);
            }
        }
        char err[256];
        ud_game_answer(g, g->questions[i].id, choice, err, sizeof err);
    }
}

static void strategy_decides(ud_game *g) {
    if (g->strategy == NULL || g->strategy_stopped) {
        return;
    }
    lua_State *S = g->strategy->L;
    /* Read raw, outside any protected call: never the strict globals' error (the strategy
     * may have removed its own decide). */
    if (!global_is_function(S, "decide")) {
        char note[1300];
        snprintf(note, sizeof note,
                 "%s: the strategy no longer defines function decide() (the script replaced it); "
                 "the game goes on without its decisions",
                 g->strategy->file_count > 0 ? g->strategy->files[0] : "strategy");
        game_problem(g, note);
        g->strategy_stopped = true;
        return;
    }
    push_raw_global(S, "decide");
    lua_pushinteger(S, ud_sim_month(g->sim) + 1);
    char err[2048];
    if (ud_sandbox_call(g->strategy, 1, 0, err, sizeof err)) {
        g->strategy_strikes = 0;
        return;
    }
    game_problem(g, err);
    /* A strategy stopped by a limit month after month would cost a second each month: it
     * is stopped for good, as a failing handler is. */
    const ud_sandbox *sb = g->strategy;
    if ((sb->over_budget || sb->over_memory || sb->over_text) &&
        ++g->strategy_strikes >= HANDLER_STRIKES) {
        g->strategy_stopped = true;
        char note[256];
        snprintf(note, sizeof note,
                 "the strategy's decide() hit a limit %d months in a row and was stopped; the "
                 "game goes on without its decisions",
                 HANDLER_STRIKES);
        game_problem(g, note);
    }
}

void game_month_stage(ud_game *g, int stage) {
    if (g->end != UD_END_RUNNING) {
        return;
    }
    if (stage >= UD_PHASE_OPENING && g->stage < UD_PHASE_OPENING) {
        g->stage = UD_PHASE_OPENING;
        ud_sandbox_new_month(g->scenario);
        ud_sandbox_new_month(g->strategy);
        /* what the last month left goes; what a decision between months raised (a
         * question's answer: a political event, a grant) opens this one */
        ud_sim_drop_events(g->sim, g->events_of_month);
        g->events_of_month = 0;
        g->current_month = ud_sim_month(g->sim) + 1;
    }
    if (stage >= UD_PHASE_DECIDING && g->stage < UD_PHASE_DECIDING) {
        answer_pending_questions(g); /* logged as the month's opening */
        g->stage = UD_PHASE_DECIDING;
        month_handlers(g, g->current_month);
        game_check_halt(g);
    }
}

bool ud_game_open_month(ud_game *g) {
    if (g->end != UD_END_RUNNING || g->stage >= UD_PHASE_DECIDING) {
        return false;
    }
    game_month_stage(g, UD_PHASE_DECIDING);
    return true;
}

/* Explains the month just stepped from its events, while they are still in the queue. */
static void explain_month(ud_game *g, int month) {
    if (month >= g->explanation_capacity) {
        int cap = month + 25;
        ud_month_explanation *grown = realloc(g->explanations, (size_t)cap * sizeof *grown);
        if (grown == NULL) {
            return; /* out of memory: the month goes unexplained, the game goes on */
        }
        memset(grown + g->explanation_capacity, 0,
               (size_t)(cap - g->explanation_capacity) * sizeof *grown);
        g->explanations = grown;
        g->explanation_capacity = cap;
    }
    int n;
    const ud_event *ev = ud_sim_events(g->sim, &n);
    const ud_month_explanation *prev = month > 1 ? &g->explanations[month - 1] : NULL;
    ud_month_explain(g->sim, month, ev, n, prev, &g->explanations[month]);
}

const ud_month_explanation *ud_game_explanation(const ud_game *g, int month) {
    if (month < 1 || month >= g->explanation_capacity || g->explanations[month].month != month) {
        return NULL;
    }
    return &g->explanations[month];
}

/* Once a script has been stopped by the processor-time backstop, the game ends there: the
 * script's state depends on where the computer's speed cut it, and every month after would
 * too (the same scenario, seed and decisions must give the same game everywhere). True if
 * the game is (now) halted. */
bool game_check_halt(ud_game *g) {
    if (g->end == UD_END_RUNNING && ((g->scenario != NULL && g->scenario->halted) ||
                                     (g->strategy != NULL && g->strategy->halted))) {
        g->end = UD_END_HALTED;
        game_problem(g, "the game was stopped: a script reached a limit at a point that "
                        "depends on the computer or the run (processor time or memory: see the "
                        "problem above); make its texts shorter, its loops smaller or its "
                        "tables fewer");
    }
    return g->end == UD_END_HALTED;
}

bool ud_game_play_month(ud_game *g) {
    if (g->end != UD_END_RUNNING) {
        return false;
    }
    game_month_stage(g, UD_PHASE_DECIDING);
    int month = g->current_month;
    strategy_decides(g);
    if (game_check_halt(g)) {
        return false; /* before the month is played: it ends where every computer agrees */
    }
    g->stage = UD_PHASE_BETWEEN;
    ud_sim_step(g->sim);
    explain_month(g, month);
    event_handlers(g);
    condition_handlers(g);
    if (game_check_halt(g)) {
        return false;
    }
    ud_game_guide_notify(g, "play_month");
    if (month >= 1 && month <= UD_MAX_GAME_MONTHS && month > g->guide_history) {
        g->guide_steps_at[month] = (uint8_t)g->guide_step; /* a replay keeps the saved ones */
    }
    judge_goals(g, month);
    if (ud_sim_insolvent(g->sim)) {
        g->end = UD_END_INSOLVENT;
    } else if (g->end == UD_END_RUNNING && month >= g->months) {
        g->end = UD_END_FINISHED;
    }
    if (g->options.month_played != NULL) {
        g->options.month_played(g, g->options.month_played_context);
    }
    int played_events;
    ud_sim_events(g->sim, &played_events);
    g->events_of_month = played_events;
    return g->end == UD_END_RUNNING;
}

/* A game keeps every decision (a save replays them): a script that issues commands in a
 * loop must not make it keep millions. */
static bool decision_room(ud_game *g, char *err, size_t err_size) {
    int month = ud_sim_month(g->sim);
    if (g->decisions_month != month) {
        g->decisions_month = month;
        g->decisions_this_month = 0;
    }
    if (g->decisions_this_month >= MAX_DECISIONS_PER_MONTH) {
        snprintf(err, err_size, "at most %d decisions in a month (limit reached)",
                 MAX_DECISIONS_PER_MONTH);
        return false;
    }
    return true;
}

static bool log_decision(ud_game *g, const ud_decision *d) {
    if (g->decision_count == g->decision_capacity) {
        int cap = g->decision_capacity ? g->decision_capacity * 2 : 64;
        ud_decision *grown = realloc(g->decisions, (size_t)cap * sizeof *grown);
        if (grown == NULL) {
            return false;
        }
        g->decisions = grown;
        g->decision_capacity = cap;
    }
    g->decisions[g->decision_count++] = *d;
    g->decisions_this_month++;
    return true;
}

bool ud_game_command(ud_game *g, const ud_command *cmd, char *err, size_t err_size) {
    if (g->end != UD_END_RUNNING) {
        snprintf(err, err_size, "the game is over");
        return false;
    }
    if (!decision_room(g, err, err_size)) {
        return false;
    }
    ud_product before;
    bool product = false;
    int product_count;
    const ud_product *products = ud_sim_products(g->sim, &product_count);
    if (cmd->type == UD_CMD_SET_PRODUCT && cmd->index >= 0 && cmd->index < product_count) {
        before = products[cmd->index];
        product = true;
    }
    if (!ud_sim_apply(g->sim, cmd, err, err_size)) {
        return false;
    }
    game_guide_command(g, cmd, product ? &before : NULL);
    ud_decision d;
    memset(&d, 0, sizeof d);
    d.month = ud_sim_month(g->sim);
    d.phase = g->stage;
    d.command = *cmd;
    d.household = -1;
    if (cmd->type == UD_CMD_APPROVE || cmd->type == UD_CMD_RESIZE || cmd->type == UD_CMD_REJECT) {
        int n;
        const ud_application *apps = ud_sim_applications(g->sim, &n);
        for (int i = 0; i < n; i++) {
            if (apps[i].id == cmd->index) {
                d.household = apps[i].household;
            }
        }
    } else if (cmd->type == UD_CMD_RESCHEDULE || cmd->type == UD_CMD_WRITE_OFF) {
        d.household = cmd->index;
    }
    log_decision(g, &d);
    return true;
}

const ud_decision *ud_game_decisions(const ud_game *g, int *count) {
    *count = g->decision_count;
    return g->decisions;
}

bool ud_game_answer(ud_game *g, int question_id, int option, char *err, size_t err_size) {
    if (question_id < 1 || question_id > g->question_count) {
        snprintf(err, err_size, "no question %d", question_id);
        return false;
    }
    ud_question *q = &g->questions[question_id - 1];
    if (q->answer != 0) {
        snprintf(err, err_size, "question %d was already answered", question_id);
        return false;
    }
    if (option < 1 || option > q->option_count) {
        snprintf(err, err_size, "question %d has options 1 to %d", question_id, q->option_count);
        return false;
    }
    q->answer = option;
    ud_game_guide_notify(g, "answer");
    ud_decision d;
    memset(&d, 0, sizeof d);
    d.month = ud_sim_month(g->sim);
    d.phase = g->stage;
    d.is_answer = true;
    d.household = -1;
    d.question = question_id;
    d.option = option;
    log_decision(g, &d);
    handler h;
    memset(&h, 0, sizeof h);
    snprintf(h.name, sizeof h.name, "ask{} answer");
    lua_State *L = g->scenario->L;
    push_ref(L, g->question_handlers[question_id - 1]);
    lua_pushinteger(L, option);
    g->answering = true;
    run_handler(g, &h, 1);
    g->answering = false;
    game_check_halt(g);
    return true;
}

const ud_news *ud_game_news(const ud_game *g, int *count) {
    *count = g->news_count;
    return g->news;
}

const ud_question *ud_game_questions(const ud_game *g, int *count) {
    *count = g->question_count;
    return g->questions;
}

const ud_goal *ud_game_goals(const ud_game *g, int *count) {
    *count = g->goal_count;
    return g->goals;
}

const char *const *ud_game_problems(const ud_game *g, int *count) {
    *count = g->problem_count;
    return (const char *const *)g->problems;
}

int ud_game_lessons(ud_game *g, char out[][UD_TEXT_LEN], int max) {
    int n = 0;
    lua_State *L = g->scenario->L;
    /* every condition is judged, whatever `max`: a caller that shows fewer lessons must not
     * leave the verdict open, or each call (each frame of the debrief) would run the
     * conditions again */
    for (int i = 0; i < g->lesson_count; i++) {
        lesson *les = &g->lessons[i];
        if (g->lessons_judged) {
            if ((g->lessons_met & (1u << i)) && n < max) {
                snprintf(out[n++], UD_TEXT_LEN, "%s", ud_game_text(g, les->text));
            }
            continue;
        }
        bool show = true;
        if (les->condition != LUA_NOREF) {
            push_ref(L, les->condition);
            char err[2048];
            if (ud_sandbox_call(g->scenario, 0, 1, err, sizeof err)) {
                show = lua_toboolean(L, -1);
                lua_pop(L, 1);
            } else {
                game_problem(g, err);
                show = false;
            }
        }
        if (show) {
            g->lessons_met |= 1u << i;
            if (n < max) {
                snprintf(out[n++], UD_TEXT_LEN, "%s", ud_game_text(g, les->text));
            }
        }
    }
    /* A condition judged twice could differ only by a script's own state: the debrief,
     * the story and the class report must agree, so an ended game's verdict is kept. */
    g->lessons_judged = g->end != UD_END_RUNNING;
    return n;
}

void ud_game_set_language(ud_game *g, const char *language) {
    snprintf(g->language, sizeof g->language, "%s", language);
}

bool ud_game_household_story(const ud_game *g, int household, const char **name,
                             const char **story) {
    if (household < 0 || household >= g->listed_count) {
        return false;
    }
    *name = g->listed[household].name;
    *story = g->listed[household].story;
    return true;
}

int ud_game_all_lessons(const ud_game *g, const char **out, int max) {
    int n = 0;
    for (int i = 0; i < g->lesson_count && n < max; i++) {
        out[n++] = g->lessons[i].text;
    }
    return n;
}

bool ud_game_has_translation(const ud_game *g, const char *english) {
    return strcmp(g->language, "en") == 0 || ud_game_text(g, english) != english;
}

const char *ud_game_text(const ud_game *g, const char *english) {
    return ud_game_text_count(g, english, -1);
}

const char *ud_game_text_count(const ud_game *g, const char *english, long count) {
    if (strcmp(g->language, "en") == 0 || g->scenario == NULL) {
        return english;
    }
    lua_State *L = g->scenario->L;
    int top = lua_gettop(L);
    const char *result = english;
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.tr");
    if (lua_getfield(L, -1, g->language) == LUA_TTABLE &&
        lua_getfield(L, -1, english) == LUA_TSTRING) {
        result = lua_tostring(L, -1); /* stays alive: the translation table holds it */
    }
    lua_settop(L, top);
    if (result == english && g->options.catalog != NULL) {
        const char *shipped =
            g->options.catalog(g->options.catalog_data, g->language, english, count);
        result = shipped != NULL ? shipped : english;
    }
    return result;
}

static int compare_texts(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The string keys of the table on top of the stack, sorted (Lua's order is not stable). */
static int sorted_keys(lua_State *L, const char **out, int max) {
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING && n < max) {
            out[n++] = lua_tostring(L, -1); /* stays alive: the table holds it */
        }
    }
    qsort(out, (size_t)n, sizeof *out, compare_texts);
    return n;
}

int ud_game_translation_languages(const ud_game *g, const char **out, int max) {
    lua_State *L = g->scenario->L;
    int top = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.tr");
    int n = sorted_keys(L, out, max);
    lua_settop(L, top);
    return n;
}

int ud_game_translation_keys(const ud_game *g, const char *language, const char **out, int max) {
    lua_State *L = g->scenario->L;
    int top = lua_gettop(L);
    int n = 0;
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.tr");
    if (lua_getfield(L, -1, language) == LUA_TTABLE) {
        n = sorted_keys(L, out, max);
    }
    lua_settop(L, top);
    return n;
}

int ud_game_translation_line(const ud_game *g, const char *language) {
    lua_State *L = g->scenario->L;
    int top = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.trline");
    lua_getfield(L, -1, language);
    int line = (int)lua_tointeger(L, -1);
    lua_settop(L, top);
    return line;
}
