/* The scenario's declarations: scenario{}, village{}, households{}, mfi{}, product{},
 * goal{}, win_if{}, lose_if{}, lesson{} and translate(). Only at the top of a scenario. */
#define _XOPEN_SOURCE 700 /* realpath */

#include "game_internal.h"

#include <math.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_MONEY 1e15

static const char *const business_names[] = {"trade",  "farming",  "livestock",
                                             "crafts", "services", NULL};
static const char *const institution_names[] = {"ngo", "cooperative", "village_bank", NULL};
static const char *const method_names[] = {"flat", "declining-annuity", "declining-equal-principal",
                                           NULL};
static const char *const frequency_names[] = {"weekly", "fortnightly", "monthly", NULL};
static const char *const lender_names[] = {"government", "commercial", "donor", NULL};

static ud_game *loading_game(lua_State *L, const char *what) {
    ud_game *g = game_of(L);
    if (g->phase != PHASE_LOADING) {
        luaL_error(L, "%s can only be used at the top of a scenario, not in a handler", what);
    }
    return g;
}

static void copy_text(char *dst, size_t size, const char *src) {
    snprintf(dst, size, "%s", src != NULL ? src : "");
}

/* Resolves a path written in a scenario relative to the scenario's own folder. */
static void relative_to_scenario(const ud_game *g, const char *rel, char *out, size_t size) {
    if (rel[0] == '/') {
        copy_text(out, size, rel);
        return;
    }
    const char *slash = strrchr(g->info.path, '/');
    int dir = slash != NULL ? (int)(slash - g->info.path) + 1 : 0;
    snprintf(out, size, "%.*s%s", dir, g->info.path, rel);
}

/* Whether the file `real` (a resolved path) lies below the folder `folder`. The root of the
 * file system is never such a folder: below it is every file on the computer. */
static bool below(const char *real, const char *folder) {
    char root[PATH_MAX];
    if (folder == NULL || realpath(folder, root) == NULL || strcmp(root, "/") == 0) {
        return false;
    }
    size_t n = strlen(root);
    return strncmp(real, root, n) == 0 && real[n] == '/';
}

/* The folder a lesson's strategies may also come from: the one above the scenario's own folder
 * (a trainer's scenario in <folder>/<module>/ keeps its strategies in <folder>/strategies/, as
 * the shipped ones do; one in <folder>/ keeps them beside it or below). */
static bool below_scenario_folder(const ud_game *g, const char *real) {
    char folder[PATH_MAX + 8], own[PATH_MAX + 8];
    const char *slash = strrchr(g->info.path, '/');
    if (slash == NULL) {
        snprintf(folder, sizeof folder, "..");
        snprintf(own, sizeof own, ".");
    } else {
        snprintf(folder, sizeof folder, "%.*s/..", (int)(slash - g->info.path), g->info.path);
        snprintf(own, sizeof own, "%.*s", (int)(slash - g->info.path) + 1, g->info.path);
    }
    /* beside the scenario, even where the folder above is the root of the file system */
    return below(real, folder) || below(real, own);
}

/* The lesson's strategies are run by `tournament` and `compare`: only files in the scenarios
 * folders (the shipped one, the trainer's own, --scenarios) or next to the scenario, never any
 * file on the computer a scenario names. */
static void check_strategy_path(lua_State *L, const ud_game *g, const char *key, const char *path) {
    char real[PATH_MAX];
    const char *helpers = g->options.helpers_root;
    size_t len = strlen(path);
    if (len <= 4 || strcmp(path + len - 4, ".lua") != 0) {
        luaL_error(L, "scenario{}.lesson: %s must name a strategy file ending in .lua (got %s)",
                   key, path);
    }
    if (helpers == NULL) {
        return; /* the game is loaded without its helpers: nothing will run the strategies */
    }
    if (realpath(path, real) == NULL) {
        return; /* missing: check and tournament say so, naming the strategy's role */
    }
    bool ok = below(real, helpers) || below_scenario_folder(g, real);
    for (const char *const *f = g->options.scenario_folders; !ok && f != NULL && *f; f++) {
        ok = below(real, *f);
    }
    if (!ok) {
        luaL_error(L,
                   "scenario{}.lesson: %s must be a strategy (.lua) beside the scenario, in the "
                   "folder above it, or in a scenarios folder: the shipped one, your own, or one "
                   "given with --scenarios DIR (got %s)",
                   key, path);
    }
}

/* Adds one family of a lesson's strategies: a path or a list of paths. */
static void lesson_family(lua_State *L, ud_game *g, const char *key, ud_lesson_family family) {
    ud_scenario_info *in = &g->info;
    lua_getfield(L, -1, key);
    int n = 0;
    if (lua_type(L, -1) == LUA_TSTRING) {
        n = 1;
    } else if (lua_istable(L, -1)) {
        api_check_plain_table(L, -1, "scenario{}.lesson's strategy list");
        n = lua_rawlen(L, -1) > UD_MAX_LESSON_STRATEGIES ? UD_MAX_LESSON_STRATEGIES + 1
                                                         : (int)lua_rawlen(L, -1);
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "scenario{}.lesson: %s must be a strategy file or a list of them", key);
    }
    for (int i = 1; i <= n; i++) {
        if (lua_type(L, -1) == LUA_TTABLE) {
            lua_rawgeti(L, -1, i);
        } else {
            lua_pushvalue(L, -1);
        }
        if (lua_type(L, -1) != LUA_TSTRING) {
            luaL_error(L, "scenario{}.lesson: %s[%d] must be a strategy file (text)", key, i);
        }
        if (in->lesson_strategy_count >= UD_MAX_LESSON_STRATEGIES) {
            luaL_error(L, "scenario{}.lesson: at most %d strategies in all",
                       UD_MAX_LESSON_STRATEGIES);
        }
        int k = in->lesson_strategy_count++;
        in->lesson_family[k] = family;
        relative_to_scenario(g, lua_tostring(L, -1), in->lesson_strategy[k],
                             sizeof in->lesson_strategy[k]);
        /* "strategies/probes/overprice.lua" that is not beside a trainer's scenario is the
         * shipped one: a trainer's folder can use the shipped probes wherever it lives */
        struct stat st;
        const char *rel = lua_tostring(L, -1);
        if (stat(in->lesson_strategy[k], &st) != 0 && strncmp(rel, "strategies/", 11) == 0 &&
            g->options.helpers_root != NULL) {
            char shipped[sizeof in->lesson_strategy[k]];
            snprintf(shipped, sizeof shipped, "%s/%s", g->options.helpers_root, rel);
            if (stat(shipped, &st) == 0) {
                copy_text(in->lesson_strategy[k], sizeof in->lesson_strategy[k], shipped);
            }
        }
        check_strategy_path(L, g, key, in->lesson_strategy[k]);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* scenario{ lesson = { indicator, better, window, sound, naive, probes } }: the table is on
 * the top of the stack. */
static void declare_lesson(lua_State *L, ud_game *g) {
    static const char *const lkeys[] = {"indicator", "better", "window", "sound",
                                        "naive",     "probes", NULL};
    static const char *const better[] = {"higher", "lower", NULL};
    static const char *const takes[] = {"mean", "worst", "end", NULL};
    const char *lw = "scenario{}.lesson";
    ud_scenario_info *in = &g->info;
    api_check_plain_table(L, -1, lw);
    api_check_keys(L, -1, lw, lkeys);
    char ind[32];
    if (!api_text(L, -1, lw, "indicator", ind, sizeof ind)) {
        luaL_error(L, "%s: indicator is required (the figure the lesson is judged on)", lw);
    }
    const char *hint;
    if (!ud_lesson_indicator_known(ind, &hint)) {
        luaL_error(L, "%s: unknown indicator '%s'%s%s%s", lw, ind,
                   hint ? " (did you mean '"
                        : " (the names are listed under Indicators in the "
                          "trainers' guide, scenarios/README.md)",
                   hint ? hint : "", hint ? "'?)" : "");
    }
    copy_text(in->lesson_indicator, sizeof in->lesson_indicator, ind);
    in->lesson_higher_is_better = api_choice(L, -1, lw, "better", better, 0) == 0;
    in->lesson_from = 1;
    in->lesson_to = in->months;
    in->lesson_take = UD_TAKE_MEAN;
    lua_getfield(L, -1, "window");
    if (lua_istable(L, -1)) {
        static const char *const wkeys[] = {"from", "to", "take", NULL};
        const char *ww = "scenario{}.lesson.window";
        api_check_plain_table(L, -1, ww);
        api_check_keys(L, -1, ww, wkeys);
        in->lesson_from = (int)api_integer(L, -1, ww, "from", 1, 1, in->months);
        in->lesson_to = (int)api_integer(L, -1, ww, "to", in->months, in->lesson_from, in->months);
        in->lesson_take = (ud_lesson_take)api_choice(L, -1, ww, "take", takes, UD_TAKE_MEAN);
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "%s: window must be a table { from = 1, to = 36, take = 'mean' }", lw);
    }
    lua_pop(L, 1);
    lesson_family(L, g, "sound", UD_FAMILY_SOUND);
    lesson_family(L, g, "naive", UD_FAMILY_NAIVE);
    lesson_family(L, g, "probes", UD_FAMILY_PROBE);
    for (int k = in->lesson_strategy_count - 1; k >= 0; k--) {
        char *first = in->lesson_family[k] == UD_FAMILY_SOUND   ? in->sound_strategy
                      : in->lesson_family[k] == UD_FAMILY_NAIVE ? in->naive_strategy
                                                                : NULL;
        if (first != NULL) {
            copy_text(first, sizeof in->sound_strategy, in->lesson_strategy[k]);
        }
    }
    if (in->sound_strategy[0] == '\0' || in->naive_strategy[0] == '\0') {
        luaL_error(L, "%s: at least one sound and one naive strategy are required", lw);
    }
}

static int l_scenario(lua_State *L) {
    ud_game *g = loading_game(L, "scenario{}");
    static const char *const keys[] = {"id",         "title",    "module",   "difficulty",
                                       "months",     "seed",     "currency", "language",
                                       "objectives", "briefing", "lesson",   NULL};
    const char *what = "scenario{}";
    api_check_keys(L, 1, what, keys);
    if (g->declared_scenario) {
        return luaL_error(L, "scenario{} is declared twice");
    }
    g->declared_scenario = true;
    ud_scenario_info *in = &g->info;
    if (!api_line_text(L, 1, what, "id", NULL, in->id, sizeof in->id) || in->id[0] == '\0') {
        return luaL_error(L, "scenario{}: id is required (a short name such as 'm2_credit_line')");
    }
    /* an id names files (saves, result files) and is typed on the command line */
    bool id_ok = in->id[0] != '.' && strstr(in->id, "..") == NULL;
    for (const char *c = in->id; *c != '\0' && id_ok; c++) {
        id_ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
                *c == '_' || *c == '-' || *c == '.';
    }
    if (!id_ok) {
        return luaL_error(L,
                          "scenario{}: id '%s' may hold only letters, digits, '_', '-' and '.' "
                          "(it names files and is typed on the command line)",
                          in->id);
    }
    /* id, title and module go on one line of each save, result file and listing */
    api_line_text(L, 1, what, "title", in->id, in->title, sizeof in->title);
    api_line_text(L, 1, what, "module", "custom", in->module, sizeof in->module);
    api_line_text(L, 1, what, "language", "en", in->language, sizeof in->language);
    api_text_or(L, 1, what, "briefing", "", in->briefing, sizeof in->briefing);
    in->difficulty = (int)api_integer(L, 1, what, "difficulty", 1, 1, 5);
    in->months = (int)api_integer(L, 1, what, "months", 36, 1, 240);
    in->seed = (uint64_t)api_integer(L, 1, what, "seed", 1, 0, INT64_MAX);
    lua_getfield(L, 1, "currency");
    if (lua_type(L, -1) == LUA_TSTRING) {
        const ud_currency *c = ud_currency_find(lua_tostring(L, -1));
        if (c == NULL) {
            return luaL_error(L,
                              "scenario{}: currency '%s' is not known; write currency = "
                              "{ code = '%s', minor_units = 2 }",
                              lua_tostring(L, -1), lua_tostring(L, -1));
        }
        copy_text(in->currency, sizeof in->currency, c->code);
        in->minor_units = c->minor_units;
    } else if (lua_type(L, -1) == LUA_TTABLE) {
        static const char *const ckeys[] = {"code", "minor_units", NULL};
        api_check_keys(L, -1, "scenario{}.currency", ckeys);
        api_line_text(L, -1, "scenario{}.currency", "code", "XXX", in->currency,
                      sizeof in->currency);
        in->minor_units =
            (int)api_integer(L, -1, "scenario{}.currency", "minor_units", 2, 0, UD_MAX_MINOR_UNITS);
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "scenario{}: currency must be a code such as 'IDR' or a table");
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "objectives");
    if (lua_istable(L, -1)) {
        api_check_plain_table(L, -1, "scenario{}.objectives");
        lua_Unsigned n = lua_rawlen(L, -1);
        if (n > UD_MAX_OBJECTIVES) {
            return luaL_error(L, "scenario{}: at most %d objectives", UD_MAX_OBJECTIVES);
        }
        for (int i = 1; i <= (int)n; i++) {
            lua_rawgeti(L, -1, i);
            if (lua_type(L, -1) != LUA_TSTRING) {
                return luaL_error(L, "scenario{}: objectives[%d] must be text", i);
            }
            char what[40];
            snprintf(what, sizeof what, "scenario{}: objectives[%d]", i);
            api_check_shown_text_of(L, -1, what, sizeof in->objectives[0]);
            copy_text(in->objectives[i - 1], sizeof in->objectives[0], lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        in->objective_count = (int)n;
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "scenario{}: objectives must be a list of texts");
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "lesson");
    if (lua_istable(L, -1)) {
        declare_lesson(L, g);
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "scenario{}: lesson must be a table { indicator = ..., sound = {...}, "
                             "naive = {...}, probes = {...} }");
    }
    lua_pop(L, 1);
    return 0;
}

/* An amount scaled and rounded to two significant figures (defaults should look chosen). */
static ud_money scaled(ud_money amount, double factor) {
    double v = (double)amount * factor;
    if (v < 1) {
        return amount > 0 ? 1 : 0;
    }
    double unit = pow(10, floor(log10(v)) - 1);
    return (ud_money)(llround(v / unit) * unit);
}

/* The default MFI and poverty line were set for a West Javan village in rupiah. A village
 * whose incomes are another order of size (another currency, or minor units) gets them
 * scaled to its median income, so a franc CFA scenario starts with salaries, loan sizes and
 * costs that fit it. Within a factor of two they stay as they are. */
static void scale_defaults(ud_setup *s, double factor, bool poverty_line_given) {
    if (factor >= 0.5 && factor <= 2.0) {
        return;
    }
    ud_mfi_setup *m = &s->mfi;
    ud_money *amounts[] = {&m->paid_in_equity,         &m->cash,
                           &m->donated_equity,         &m->fixed_assets,
                           &m->officers.salary,        &m->policy.first_loan_cap,
                           &m->costs.office_per_month, &m->costs.per_client_per_month,
                           &m->costs.hire_cost,        &m->costs.training_cost,
                           &m->costs.audit_cost};
    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
        *amounts[i] = scaled(*amounts[i], factor);
    }
    for (int p = 0; p < m->products; p++) {
        m->product[p].min_amount = scaled(m->product[p].min_amount, factor);
        m->product[p].max_amount = scaled(m->product[p].max_amount, factor);
        m->product[p].terms.fee_flat = scaled(m->product[p].terms.fee_flat, factor);
    }
    if (!poverty_line_given) {
        s->village.poverty_line_per_person_day =
            scaled(s->village.poverty_line_per_person_day, factor);
    }
    /* the labour market's wages (village{ officer_wage, minimum_wage } are read after this,
     * so written ones replace these) */
    s->village.officer_wage = scaled(s->village.officer_wage, factor);
    s->village.minimum_wage = scaled(s->village.minimum_wage, factor);
}

/* names = "west_african" or names = { women = {...}, men = {...}, families = {...},
 * woman_title = "Ibu", man_title = "Pak" } */
static int read_name_array(lua_State *L, ud_game *g, const char *key, int slot) {
    lua_getfield(L, -1, key);
    int n = 0;
    if (lua_istable(L, -1)) {
        int len = (int)luaL_len(L, -1);
        for (int i = 1; i <= len && n < 64; i++) {
            lua_rawgeti(L, -1, i);
            size_t size;
            const char *s = lua_tolstring(L, -1, &size);
            if (lua_type(L, -1) != LUA_TSTRING || size == 0 || size > 40) {
                return luaL_error(L,
                                  "village{}: names.%s[%d] must be a name of 1 to 40 "
                                  "characters",
                                  key, i);
            }
            if (g->name_pool_used + size + 1 > sizeof g->name_pool) {
                return luaL_error(L, "village{}: names: the lists are too long");
            }
            char *dst = g->name_pool + g->name_pool_used;
            memcpy(dst, s, size + 1);
            g->name_pool_used += size + 1;
            g->custom_names[slot][n++] = dst;
            lua_pop(L, 1);
        }
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "village{}: names.%s must be a list of names", key);
    }
    lua_pop(L, 1);
    return n;
}

static const char *pool_title(lua_State *L, ud_game *g, const char *key) {
    char t[48];
    if (!api_text(L, -1, "village{}: names", key, t, sizeof t)) {
        return NULL;
    }
    size_t size = strlen(t);
    if (g->name_pool_used + size + 1 > sizeof g->name_pool) {
        luaL_error(L, "village{}: names: the lists are too long");
        return NULL;
    }
    char *dst = g->name_pool + g->name_pool_used;
    memcpy(dst, t, size + 1);
    g->name_pool_used += size + 1;
    return dst;
}

static void read_names(lua_State *L, ud_game *g) {
    lua_getfield(L, 1, "names");
    if (lua_type(L, -1) == LUA_TSTRING) {
        int region = api_choice(L, 1, "village{}", "names", ud_name_region_names, 0);
        g->names = *ud_name_list_builtin((ud_name_region)region);
    } else if (lua_istable(L, -1)) {
        static const char *const nk[] = {"women",       "men",       "families",
                                         "woman_title", "man_title", NULL};
        api_check_keys(L, -1, "village{}: names", nk);
        ud_name_list l;
        memset(&l, 0, sizeof l);
        l.women_count = read_name_array(L, g, "women", 0);
        l.men_count = read_name_array(L, g, "men", 1);
        l.family_count = read_name_array(L, g, "families", 2);
        if (l.women_count == 0 || l.men_count == 0) {
            luaL_error(L, "village{}: names needs at least one name in women and in men");
            return;
        }
        l.women = g->custom_names[0];
        l.men = g->custom_names[1];
        l.families = l.family_count > 0 ? g->custom_names[2] : NULL;
        l.woman_title = pool_title(L, g, "woman_title");
        l.man_title = pool_title(L, g, "man_title");
        g->names = l;
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L,
                   "village{}: names must be a region (indonesian, west_african, east_african, "
                   "latin_american) or a table { women = {...}, men = {...}, families = {...} }");
        return;
    }
    lua_pop(L, 1);
}

static int l_village(lua_State *L) {
    ud_game *g = loading_game(L, "village{}");
    static const char *const keys[] = {"households",       "hamlets",       "women_share",
                                       "business_mix",     "median_income", "income_spread",
                                       "poverty_line",     "vulnerability", "literacy",
                                       "moneylender_rate", "inflation",     "going_rate",
                                       "competitor_rate",  "officer_wage",  "minimum_wage",
                                       "capture_rate",     "names",         NULL};
    const char *what = "village{}";
    api_check_keys(L, 1, what, keys);
    if (g->declared_village) {
        return luaL_error(L, "village{} is declared twice");
    }
    g->declared_village = true;
    g->village_line = api_line(L);
    ud_village_setup *v = &g->setup.village;
    int households = (int)api_integer(L, 1, what, "households", v->households, 1, 1000000);
    if (households != v->households) {
        /* The default MFI is sized to the village: size it again. */
        ud_setup fresh;
        ud_setup_default(&fresh, households);
        g->setup.mfi = fresh.mfi;
        v->households = households;
    }
    lua_getfield(L, 1, "hamlets");
    if (lua_istable(L, -1)) {
        api_check_plain_table(L, -1, "village{}.hamlets");
        int n = lua_rawlen(L, -1) > UD_MAX_HAMLETS ? UD_MAX_HAMLETS + 1 : (int)lua_rawlen(L, -1);
        if (n < 1 || n > UD_MAX_HAMLETS) {
            return luaL_error(L, "village{}: hamlets must list 1 to %d names", UD_MAX_HAMLETS);
        }
        for (int i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            if (lua_type(L, -1) != LUA_TSTRING || lua_rawlen(L, -1) == 0) {
                return luaL_error(L, "village{}: hamlets[%d] must be a name (not empty)", i);
            }
            char what[40];
            snprintf(what, sizeof what, "village{}: hamlets[%d]", i);
            api_check_shown_text_of(L, -1, what, UD_NAME_LEN);
            /* one line: the map's label, a row of sweep --by hamlet */
            if (strpbrk(lua_tostring(L, -1), "\n\t") != NULL) {
                return luaL_error(L,
                                  "%s must be one line of plain text (a line break or a tab is "
                                  "in it)",
                                  what);
            }
            copy_text(v->hamlet_names[i - 1], UD_NAME_LEN, lua_tostring(L, -1));
            lua_pop(L, 1);
            /* the map, the stories and sweep --by hamlet tell hamlets apart by their names */
            for (int k = 0; k < i - 1; k++) {
                if (strcmp(v->hamlet_names[k], v->hamlet_names[i - 1]) == 0) {
                    return luaL_error(L,
                                      "village{}: hamlets[%d] '%s' is already hamlets[%d]: each "
                                      "hamlet needs a name of its own",
                                      i, v->hamlet_names[i - 1], k + 1);
                }
            }
        }
        v->hamlets = n;
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "village{}: hamlets must be a list of names");
    }
    lua_pop(L, 1);
    v->women_share = api_number(L, 1, what, "women_share", v->women_share, 0, 1);
    lua_getfield(L, 1, "business_mix");
    if (lua_istable(L, -1)) {
        api_check_keys(L, -1, "village{}.business_mix", business_names);
        for (int b = 0; b < UD_BIZ_COUNT; b++) {
            v->business_mix[b] =
                api_number(L, -1, "village{}.business_mix", business_names[b], 0, 0, 1e6);
        }
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "village{}: business_mix must be a table such as "
                             "{ trade = 30, farming = 50 }");
    }
    lua_pop(L, 1);
    ud_money default_income = v->median_monthly_income;
    v->median_monthly_income = (ud_money)api_number(L, 1, what, "median_income",
                                                    (double)v->median_monthly_income, 1, 1e12);
    v->income_spread = api_number(L, 1, what, "income_spread", v->income_spread, 0, 1.5);
    v->poverty_line_per_person_day = (ud_money)api_number(
        L, 1, what, "poverty_line", (double)v->poverty_line_per_person_day, 1, 1e12);
    v->vulnerability = api_number(L, 1, what, "vulnerability", v->vulnerability, 0, 1);
    v->literacy = api_number(L, 1, what, "literacy", v->literacy, 0, 1);
    v->moneylender_annual_rate =
        api_number(L, 1, what, "moneylender_rate", v->moneylender_annual_rate * 100, 0, 1000) /
        100.0;
    api_warn_share(L, 1, what, "moneylender_rate", v->moneylender_annual_rate * 100);
    lua_getfield(L, 1, "poverty_line");
    bool poverty_line_given = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (g->declared_mfi || g->product_count_declared > 0) {
        /* declared before the village: the trainer's amounts stay as written */
    } else {
        scale_defaults(&g->setup, (double)v->median_monthly_income / (double)default_income,
                       poverty_line_given);
    }
    v->inflation = api_number(L, 1, what, "inflation", v->inflation * 100, -50, 1000) / 100.0;
    v->going_rate = api_number(L, 1, what, "going_rate", v->going_rate * 100, 1, 1000) / 100.0;
    v->competitor_rate =
        api_number(L, 1, what, "competitor_rate", v->competitor_rate * 100, 1, 1000) / 100.0;
    v->officer_wage =
        (ud_money)api_number(L, 1, what, "officer_wage", (double)v->officer_wage, 1, 1e12);
    v->minimum_wage =
        (ud_money)api_number(L, 1, what, "minimum_wage", (double)v->minimum_wage, 1, 1e12);
    v->capture_rate = api_number(L, 1, what, "capture_rate", v->capture_rate, 0, 1);
    read_names(L, g);
    return 0;
}

static int l_households(lua_State *L) {
    ud_game *g = loading_game(L, "households{}");
    api_check_plain_table(L, 1, "households{}");
    static const char *const keys[] = {"name",     "hamlet", "woman",   "business",
                                       "members",  "income", "honesty", "vulnerability",
                                       "literate", "story",  NULL};
    lua_Unsigned n = lua_rawlen(L, 1);
    for (lua_Unsigned i = 1; i <= n; i++) {
        if (g->listed_count >= MAX_LISTED) {
            return luaL_error(L, "households{}: at most %d households can be listed", MAX_LISTED);
        }
        lua_rawgeti(L, 1, i);
        char what[48];
        snprintf(what, sizeof what, "households{}[%d]", (int)i);
        if (!lua_istable(L, -1)) {
            return luaL_error(L, "%s must be a table such as { name = 'Ibu Siti', ... }", what);
        }
        api_check_keys(L, -1, what, keys);
        listed_household *h = &g->listed[g->listed_count];
        memset(h, 0, sizeof *h);
        if (!api_line_text(L, -1, what, "name", NULL, h->name, sizeof h->name)) {
            return luaL_error(L, "%s: name is required", what);
        }
        api_text_or(L, -1, what, "story", "", h->story, sizeof h->story);
        char hamlet[UD_NAME_LEN];
        h->spec.hamlet = api_text(L, -1, what, "hamlet", hamlet, sizeof hamlet)
                             ? api_hamlet(L, g, hamlet, what)
                             : 0;
        h->spec.woman = api_bool(L, -1, what, "woman", true);
        h->spec.business = (ud_business)api_choice(L, -1, what, "business", business_names, 0);
        h->spec.members = (int)api_integer(L, -1, what, "members", 4, 1, 20);
        h->spec.monthly_income = (ud_money)api_number(
            L, -1, what, "income", (double)g->setup.village.median_monthly_income, 1, 1e12);
        h->spec.honesty = api_number(L, -1, what, "honesty", 0.9, 0, 1);
        h->spec.vulnerability = api_number(L, -1, what, "vulnerability", 0.4, 0, 1);
        h->spec.literate = api_bool(L, -1, what, "literate", true);
        lua_pop(L, 1);
        g->listed_count++;
    }
    return 0;
}

static void read_policy(lua_State *L, int idx, ud_credit_policy *p, const char *what) {
    static const char *const keys[] = {
        "women_only",     "groups_only",        "first_loan_cap",
        "repeat_step_up", "loan_to_income_cap", "max_past_arrears_days",
        "manual_review",  "hide_apr",           NULL};
    api_check_keys(L, idx, what, keys);
    p->women_only = api_bool(L, idx, what, "women_only", p->women_only);
    p->groups_only = api_bool(L, idx, what, "groups_only", p->groups_only);
    p->first_loan_cap = (ud_money)api_number(L, idx, what, "first_loan_cap",
                                             (double)p->first_loan_cap, 0, MAX_MONEY);
    p->repeat_step_up =
        api_percent(L, idx, what, "repeat_step_up", ud_rate_to_percent(p->repeat_step_up), 0, 200);
    p->loan_to_income_cap = api_percent(L, idx, what, "loan_to_income_cap",
                                        ud_rate_to_percent(p->loan_to_income_cap), 0, 500);
    p->max_past_arrears_days =
        (int)api_integer(L, idx, what, "max_past_arrears_days", p->max_past_arrears_days, 0, 365);
    p->manual_review = api_bool(L, idx, what, "manual_review", p->manual_review);
    p->hide_apr = api_bool(L, idx, what, "hide_apr", p->hide_apr);
}

void api_read_policy(lua_State *L, int idx, ud_credit_policy *p, const char *what) {
    read_policy(L, idx, p, what);
}

static int l_mfi(lua_State *L) {
    ud_game *g = loading_game(L, "mfi{}");
    static const char *const keys[] = {
        "institution", "cash",   "equity",       "donated_equity", "fixed_assets",
        "officers",    "policy", "savings_rate", "market_rate",    "follow_up",
        "reputation",  "costs",  "provisioning", "borrowings",     "bank_deposit_rate",
        "opening",     NULL};
    const char *what = "mfi{}";
    api_check_keys(L, 1, what, keys);
    if (g->declared_mfi) {
        return luaL_error(L, "mfi{} is declared twice");
    }
    g->declared_mfi = true;
    g->mfi_line = api_line(L);
    ud_mfi_setup *m = &g->setup.mfi;
    m->institution = (ud_institution)api_choice(L, 1, what, "institution", institution_names,
                                                (int)m->institution);
    m->paid_in_equity =
        (ud_money)api_number(L, 1, what, "equity", (double)m->paid_in_equity, 0, MAX_MONEY);
    m->donated_equity =
        (ud_money)api_number(L, 1, what, "donated_equity", (double)m->donated_equity, 0, MAX_MONEY);
    m->fixed_assets =
        (ud_money)api_number(L, 1, what, "fixed_assets", (double)m->fixed_assets, 0, MAX_MONEY);
    /* Without a cash figure, the capital less what the office cost: the equity the balance
     * sheet shows is then the equity declared (cash equal to the equity had booked the
     * office's 30 million as more equity, and a trainee read 630 million beside a briefing's
     * 600) */
    ud_money capital = m->paid_in_equity + m->donated_equity;
    ud_money cash_default = capital > m->fixed_assets ? capital - m->fixed_assets : 0;
    m->cash = (ud_money)api_number(L, 1, what, "cash", (double)cash_default, 0, MAX_MONEY);
    m->savings_rate =
        api_percent(L, 1, what, "savings_rate", ud_rate_to_percent(m->savings_rate), 0, 100);
    m->market_rate =
        api_percent(L, 1, what, "market_rate", ud_rate_to_percent(m->market_rate), 0, 1000);
    ud_rate bank_default =
        m->bank_deposit_rate < m->market_rate ? m->bank_deposit_rate : m->market_rate;
    m->bank_deposit_rate =
        api_percent(L, 1, what, "bank_deposit_rate", ud_rate_to_percent(bank_default), 0, 1000);
    m->follow_up = api_number(L, 1, what, "follow_up", m->follow_up, 0, 1);
    m->reputation = api_number(L, 1, what, "reputation", m->reputation, 0, 1);
    lua_getfield(L, 1, "officers");
    if (lua_istable(L, -1)) {
        static const char *const ok[] = {
            "count", "salary", "training", "honesty", "experience_months", NULL};
        const char *ow = "mfi{}.officers";
        api_check_keys(L, -1, ow, ok);
        m->officers.count = (int)api_integer(L, -1, ow, "count", m->officers.count, 0, 200);
        m->officers.salary =
            (ud_money)api_number(L, -1, ow, "salary", (double)m->officers.salary, 0, 1e12);
        m->officers.training = (int)api_integer(L, -1, ow, "training", m->officers.training, 0, 3);
        m->officers.honesty = api_number(L, -1, ow, "honesty", m->officers.honesty, 0, 1);
        m->officers.experience_months =
            (int)api_integer(L, -1, ow, "experience_months", m->officers.experience_months, 0, 480);
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "policy");
    if (lua_istable(L, -1)) {
        read_policy(L, -1, &m->policy, "mfi{}.policy");
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "opening");
    if (lua_istable(L, -1)) {
        static const char *const ok[] = {"clients", "product",      "months_old", "in_arrears",
                                         "savings", "repaid_loans", NULL};
        const char *ow = "mfi{}.opening";
        ud_opening_portfolio *op = &m->opening;
        api_check_keys(L, -1, ow, ok);
        op->clients = (int)api_integer(L, -1, ow, "clients", 0, 0, 1000000);
        op->product = (int)api_integer(L, -1, ow, "product", 1, 1, UD_MAX_PRODUCTS) - 1;
        op->months_old = (int)api_integer(L, -1, ow, "months_old", 6, 0, 120);
        op->in_arrears = api_number(L, -1, ow, "in_arrears", 0, 0, 1);
        op->savings_per_client = (ud_money)api_number(L, -1, ow, "savings", 0, 0, 1e9);
        op->repaid_loans = (int)api_integer(L, -1, ow, "repaid_loans", 1, 0, 50);
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "mfi{}: opening must be a table such as { clients = 300, "
                             "product = 1, months_old = 11 }");
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "costs");
    if (lua_istable(L, -1)) {
        static const char *const ck[] = {"office", "per_client",          "hire", "training",
                                         "audit",  "depreciation_months", NULL};
        const char *cw = "mfi{}.costs";
        ud_costs *c = &m->costs;
        api_check_keys(L, -1, cw, ck);
        c->office_per_month =
            (ud_money)api_number(L, -1, cw, "office", (double)c->office_per_month, 0, 1e12);
        c->per_client_per_month =
            (ud_money)api_number(L, -1, cw, "per_client", (double)c->per_client_per_month, 0, 1e12);
        c->hire_cost = (ud_money)api_number(L, -1, cw, "hire", (double)c->hire_cost, 0, 1e12);
        c->training_cost =
            (ud_money)api_number(L, -1, cw, "training", (double)c->training_cost, 0, 1e12);
        c->audit_cost = (ud_money)api_number(L, -1, cw, "audit", (double)c->audit_cost, 0, 1e12);
        c->depreciation_months =
            (int)api_integer(L, -1, cw, "depreciation_months", c->depreciation_months, 0, 600);
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "provisioning");
    if (lua_istable(L, -1)) {
        static const char *const pk[] = {"rates", "write_off_days", "rescheduled_in_par", NULL};
        const char *pw = "mfi{}.provisioning";
        api_check_keys(L, -1, pw, pk);
        ud_provisioning *p = &m->provisioning;
        lua_getfield(L, -1, "rates");
        if (!lua_isnil(L, -1) && !lua_istable(L, -1)) {
            return luaL_error(L,
                              "%s: rates must be a list of 4 percentages such as "
                              "{ 10, 25, 50, 100 } (got %s)",
                              pw, luaL_typename(L, -1));
        }
        if (lua_istable(L, -1)) {
            api_check_plain_table(L, -1, "mfi{}.provisioning.rates");
            if (lua_rawlen(L, -1) != 4) {
                return luaL_error(L,
                                  "%s: rates must list 4 percentages: for 1-30, 31-60, "
                                  "61-90 and 91-180 days late",
                                  pw);
            }
            for (int i = 0; i < 4; i++) {
                lua_rawgeti(L, -1, i + 1);
                lua_Number r = lua_tonumber(L, -1);
                if (!lua_isnumber(L, -1) || r < 0 || r > 100) {
                    return luaL_error(L, "%s: rates[%d] must be a percentage from 0 to 100", pw,
                                      i + 1);
                }
                p->rate[i] = (ud_rate)(r * (double)UD_RATE_PER_PERCENT);
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
        p->writeoff_days = (int)api_integer(L, -1, pw, "write_off_days", p->writeoff_days, 30, 720);
        p->rescheduled_in_par = api_bool(L, -1, pw, "rescheduled_in_par", p->rescheduled_in_par);
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "borrowings");
    if (lua_istable(L, -1)) {
        api_check_plain_table(L, -1, "mfi{}.borrowings");
        int n =
            lua_rawlen(L, -1) > UD_MAX_BORROWINGS ? UD_MAX_BORROWINGS + 1 : (int)lua_rawlen(L, -1);
        if (n > UD_MAX_BORROWINGS) {
            return luaL_error(L, "mfi{}: at most %d borrowings", UD_MAX_BORROWINGS);
        }
        static const char *const bk[] = {"lender",      "amount",   "rate",
                                         "term_months", "rate_cap", NULL};
        for (int i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            char bw[40];
            snprintf(bw, sizeof bw, "mfi{}.borrowings[%d]", i);
            api_check_keys(L, -1, bw, bk);
            ud_borrowing *b = &m->borrowing[i - 1];
            memset(b, 0, sizeof *b);
            b->lender = (ud_lender_kind)api_choice(L, -1, bw, "lender", lender_names, 1);
            b->outstanding = (ud_money)api_number(L, -1, bw, "amount", 0, 0, MAX_MONEY);
            b->annual_rate = api_percent(L, -1, bw, "rate", 0, 0, 1000);
            b->maturity_month = (int)api_integer(L, -1, bw, "term_months", 36, 1, 240) + 1;
            b->client_rate_cap = api_percent(L, -1, bw, "rate_cap", 0, 0, 1000);
            lua_pop(L, 1);
        }
        m->borrowings = n;
    }
    lua_pop(L, 1);
    return 0;
}

void api_read_product(lua_State *L, int idx, ud_product *p, const char *what, bool declaring) {
    static const char *const keys[] = {
        "name",     "method", "rate", "installments", "frequency",          "grace", "fee_percent",
        "fee_flat", "min",    "max",  "group",        "compulsory_savings", "open",  "businesses",
        "women",    NULL};
    idx = lua_absindex(L, idx);
    api_check_keys(L, idx, what, keys);
    char name[UD_NAME_LEN];
    /* one line: a name is a button's label, a cell of a table (sweep's rows split at a tab) */
    if (api_line_text(L, idx, what, "name", NULL, name, sizeof name)) {
        copy_text(p->name, sizeof p->name, name);
    }
    p->terms.method =
        (ud_interest_method)api_choice(L, idx, what, "method", method_names, (int)p->terms.method);
    p->terms.annual_rate =
        api_percent(L, idx, what, "rate", ud_rate_to_percent(p->terms.annual_rate), 0, 1000);
    p->terms.installments =
        (int)api_integer(L, idx, what, "installments", p->terms.installments, 1, 520);
    p->terms.frequency = (ud_frequency)api_choice(L, idx, what, "frequency", frequency_names,
                                                  (int)p->terms.frequency);
    p->terms.grace = (int)api_integer(L, idx, what, "grace", p->terms.grace, 0, 519);
    if (p->terms.grace >= p->terms.installments) {
        luaL_error(L, "%s: grace (%d) must be fewer than installments (%d)", what, p->terms.grace,
                   p->terms.installments);
    }
    lua_getfield(L, idx, "fee_percent");
    bool has_percent = !lua_isnil(L, -1);
    lua_getfield(L, idx, "fee_flat");
    bool has_flat = !lua_isnil(L, -1);
    lua_pop(L, 2);
    if (has_percent && has_flat) {
        luaL_error(L, "%s: give fee_percent or fee_flat, not both", what);
    }
    if (has_percent) {
        p->terms.fee_kind = UD_FEE_PERCENT;
        p->terms.fee_rate = api_percent(L, idx, what, "fee_percent", 0, 0, 50);
    } else if (has_flat) {
        p->terms.fee_kind = UD_FEE_FLAT;
        p->terms.fee_flat = (ud_money)api_number(L, idx, what, "fee_flat", 0, 0, 1e12);
    }
    p->min_amount = (ud_money)api_number(L, idx, what, "min", (double)p->min_amount, 1, MAX_MONEY);
    p->max_amount = (ud_money)api_number(L, idx, what, "max", (double)p->max_amount, 1, MAX_MONEY);
    if (p->min_amount > p->max_amount) {
        luaL_error(L, "%s: min (%I) must not exceed max (%I)", what, (lua_Integer)p->min_amount,
                   (lua_Integer)p->max_amount);
    }
    if (p->terms.fee_kind == UD_FEE_FLAT && p->terms.fee_flat >= p->min_amount) {
        luaL_error(L, "%s: fee_flat must be less than the smallest loan (min)", what);
    }
    p->compulsory_savings = api_percent(L, idx, what, "compulsory_savings",
                                        ud_rate_to_percent(p->compulsory_savings), 0, 50);
    p->open = api_bool(L, idx, what, "open", p->open);
    /* a product for women only: the scenario says whom it was designed for; a strategy cannot
     * open a women's group product to men (set_product keeps it, as it keeps the name) */
    bool women = api_bool(L, idx, what, "women", p->women);
    if (women != p->women && !declaring) {
        luaL_error(L, "%s: women: whom a product is for is set by the scenario's product{}", what);
    }
    p->women = women;
    /* a product for some trades only: a seasonal farm loan is for farmers and herders */
    lua_getfield(L, idx, "businesses");
    bool has_businesses = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (has_businesses) {
        p->business_mask = (uint8_t)api_name_mask(L, idx, "businesses", what, NULL, false);
        if (p->business_mask == 0) {
            luaL_error(L,
                       "%s: businesses must name at least one business (trade, farming, "
                       "livestock, crafts, services)",
                       what);
        }
    }
    lua_getfield(L, idx, "group");
    if (lua_istable(L, -1)) {
        static const char *const gk[] = {"min", "max", NULL};
        char gw[80];
        snprintf(gw, sizeof gw, "%s.group", what);
        api_check_keys(L, -1, gw, gk);
        p->group_liability = true;
        p->group_min = (uint8_t)api_integer(L, -1, gw, "min", 4, 3, 10);
        p->group_max = (uint8_t)api_integer(L, -1, gw, "max", 7, 3, 10);
        if (p->group_min > p->group_max) {
            luaL_error(L, "%s: min must not exceed max", gw);
        }
    } else if (lua_isboolean(L, -1) && !lua_toboolean(L, -1)) {
        p->group_liability = false;
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "%s: group must be a table such as { min = 4, max = 7 }, or false", what);
    }
    lua_pop(L, 1);
}

static int l_product(lua_State *L) {
    ud_game *g = loading_game(L, "product{}");
    luaL_checktype(L, 1, LUA_TTABLE);
    if (g->product_count_declared >= UD_MAX_PRODUCTS) {
        return luaL_error(L, "product{}: at most %d products", UD_MAX_PRODUCTS);
    }
    ud_product p;
    memset(&p, 0, sizeof p);
    snprintf(p.name, sizeof p.name, "Product %d", g->product_count_declared + 1);
    p.open = true;
    p.terms.method = UD_METHOD_DECLINING_ANNUITY;
    p.terms.frequency = UD_FREQ_MONTHLY;
    p.terms.annual_rate = UD_RATE_PERCENT(24);
    p.terms.installments = 12;
    p.min_amount = 100;
    p.max_amount = 10000000;
    api_read_product(L, 1, &p, "product{}", true);
    g->product_lines[g->product_count_declared] = api_line(L);
    g->setup.mfi.product[g->product_count_declared++] = p;
    g->setup.mfi.products = g->product_count_declared;
    return 0;
}

static bool known_indicator(const char *name) {
    for (const char *const *n = ud_indicator_names(); *n != NULL; n++) {
        if (strcmp(*n, name) == 0) {
            return true;
        }
    }
    for (const char *const *n = ud_game_measure_names; *n != NULL; n++) {
        if (strcmp(*n, name) == 0) {
            return true; /* the trainee's own actions: guide_steps, applications_decided... */
        }
    }
    return false;
}

/* Whether the table at idx gives `key`. */
static bool has_key(lua_State *L, int idx, const char *key) {
    lua_getfield(L, idx, key);
    bool given = !lua_isnil(L, -1);
    lua_pop(L, 1);
    return given;
}

static int declare_goal(lua_State *L, ud_goal_kind kind, const char *what) {
    ud_game *g = loading_game(L, what);
    static const char *const keys[] = {"indicator", "above", "below", "month",    "from_month",
                                       "from",      "take",  "text",  "of_start", NULL};
    api_check_keys(L, 1, what, keys);
    if (g->goal_count >= UD_MAX_GOALS) {
        return luaL_error(L, "%s: at most %d goals", what, UD_MAX_GOALS);
    }
    ud_goal *goal = &g->goals[g->goal_count];
    memset(goal, 0, sizeof *goal);
    goal->kind = kind;
    goal->state = -1;
    goal->line = api_line(L);
    char ind[32];
    if (!api_text(L, 1, what, "indicator", ind, sizeof ind)) {
        return luaL_error(L, "%s: indicator is required (e.g. indicator = 'par30')", what);
    }
    if (!known_indicator(ind)) {
        const char *hint = ud_indicator_hint(ind);
        if (hint == NULL) {
            hint = ud_closest_word(ind, ud_game_measure_names);
        }
        if (hint) {
            return luaL_error(L, "%s: unknown indicator '%s' (did you mean '%s'?)", what, ind,
                              hint);
        }
        return luaL_error(L,
                          "%s: unknown indicator '%s' (the names are listed under Indicators "
                          "in the trainers' guide, scenarios/README.md)",
                          what, ind);
    }
    copy_text(goal->indicator, sizeof goal->indicator, ind);
    lua_getfield(L, 1, "above");
    lua_getfield(L, 1, "below");
    bool has_above = !lua_isnil(L, -2), has_below = !lua_isnil(L, -1);
    lua_pop(L, 2);
    if (has_above == has_below) {
        return luaL_error(L, "%s: give exactly one of above = ... or below = ...", what);
    }
    goal->above = has_above;
    goal->threshold = api_number(L, 1, what, has_above ? "above" : "below", 0, -1e18, 1e18);
    goal->of_start = api_bool(L, 1, what, "of_start", false);
    if (kind == UD_GOAL_TARGET) {
        if (has_key(L, 1, "from_month")) {
            return luaL_error(L,
                              "%s: from_month is for win_if{} and lose_if{}; a goal is judged "
                              "at month = ..., or on the mean of from = ... to month = ...",
                              what);
        }
        goal->month = (int)api_integer(L, 1, what, "month", g->info.months, 1, 240);
        /* a stretch of months, judged on their mean: "arrears stayed low through the year" */
        /* months count from 1, as month does: an explicit from = 0 is a mistake, not "unset" */
        goal->from =
            has_key(L, 1, "from") ? (int)api_integer(L, 1, what, "from", 1, 1, goal->month) : 0;
        /* take = "worst": every month of the stretch must meet it, not only their mean */
        if (has_key(L, 1, "take")) {
            char take[16];
            api_text(L, 1, what, "take", take, sizeof take);
            if (goal->from == 0 || (strcmp(take, "mean") != 0 && strcmp(take, "worst") != 0)) {
                return luaL_error(L,
                                  "%s: take is \"mean\" or \"worst\", with from = ... (the "
                                  "months from..month judged on their mean or their worst month)",
                                  what);
            }
            goal->worst = strcmp(take, "worst") == 0;
        }
    } else {
        if (has_key(L, 1, "from") || has_key(L, 1, "take")) {
            return luaL_error(L,
                              "%s: 'from' and 'take' judge a goal{} over months; %s is checked "
                              "every month from from_month = ...",
                              what, what);
        }
        goal->month = (int)api_integer(L, 1, what, "from_month", 1, 1, 240);
    }
    if (!api_text(L, 1, what, "text", goal->text, sizeof goal->text)) {
        snprintf(goal->text, sizeof goal->text, "%s %s %g", ind, has_above ? "above" : "below",
                 goal->threshold);
    }
    g->goal_count++;
    return 0;
}

static int l_goal(lua_State *L) {
    return declare_goal(L, UD_GOAL_TARGET, "goal{}");
}
static int l_win_if(lua_State *L) {
    return declare_goal(L, UD_GOAL_WIN, "win_if{}");
}
static int l_lose_if(lua_State *L) {
    return declare_goal(L, UD_GOAL_LOSE, "lose_if{}");
}

static int l_lesson(lua_State *L) {
    ud_game *g = loading_game(L, "lesson{}");
    static const char *const keys[] = {"text", "when", NULL};
    api_check_keys(L, 1, "lesson{}", keys);
    if (g->lesson_count >= MAX_LESSONS) {
        return luaL_error(L, "lesson{}: at most %d lessons", MAX_LESSONS);
    }
    lesson *les = &g->lessons[g->lesson_count];
    if (!api_text(L, 1, "lesson{}", "text", les->text, sizeof les->text)) {
        return luaL_error(L, "lesson{}: text is required");
    }
    lua_getfield(L, 1, "when");
    if (lua_isfunction(L, -1)) {
        les->condition = luaL_ref(L, LUA_REGISTRYINDEX);
    } else if (lua_isnil(L, -1) && !api_key_written(L, "when")) {
        lua_pop(L, 1);
        les->condition = LUA_NOREF; /* no `when`: shown after every game */
    } else {
        /* `when = mem.flag` reads the flag once, at load, where it is nil: the lesson would
         * be shown after every game */
        return luaL_error(L,
                          "lesson{}: when must be a function returning true or false (got %s; "
                          "write when = function() return ... end)",
                          luaL_typename(L, -1));
    }
    g->lesson_count++;
    return 0;
}

/* Two or three small letters, then perhaps _ and two capitals ("fr", "ast", "pt_BR"): a
 * code with a control character or a NUL inside would break the checker's messages or merge
 * into another language. */
static bool language_code(lua_State *L, int idx) {
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    size_t letters = 0;
    while (letters < n && s[letters] >= 'a' && s[letters] <= 'z') {
        letters++;
    }
    if (letters < 2 || letters > 3) {
        return false;
    }
    return n == letters ||
           (n == letters + 3 && s[letters] == '_' && s[letters + 1] >= 'A' &&
            s[letters + 1] <= 'Z' && s[letters + 2] >= 'A' && s[letters + 2] <= 'Z');
}

/* The values a text asks for, as news() fills them: the letter of each %d or %s in order
 * ("%%" is a percent sign). A translation must ask for the same, or its values would show in
 * the wrong places (or a stray "%n" would show as written). */
static void placeholders(const char *s, size_t n, char *out, size_t size) {
    size_t k = 0;
    for (size_t i = 0; i + 1 < n && k + 1 < size; i++) {
        if (s[i] == '%' && s[i + 1] == '%') {
            i++;
        } else if (s[i] == '%') {
            out[k++] = s[i + 1] == 'd' || s[i + 1] == 's' ? s[i + 1] : '?';
            i++;
        }
    }
    out[k] = '\0';
}

/* translate("fr", { ["English text"] = "texte français", ... }) */
static int l_translate(lua_State *L) {
    ud_game *g = loading_game(L, "translate()");
    const char *lang = luaL_checkstring(L, 1);
    api_check_plain_table(L, 2, "translate()");
    if (!language_code(L, 1)) {
        return luaL_error(L, "translate: '%s' is not a language code such as 'fr' or 'pt_BR'",
                          lang);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.trline"); /* where, for the checker's messages */
    lua_pushinteger(L, api_line(L));
    lua_setfield(L, -2, lang);
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.tr");
    if (lua_getfield(L, -1, lang) == LUA_TNIL) {
        if (g->language_count >= MAX_LANGUAGES) {
            return luaL_error(L, "translate: at most %d languages (limit reached)", MAX_LANGUAGES);
        }
        g->language_count++;
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, -3, lang);
    }
    /* Every entry is checked before any is kept: the table is walked in Lua's hash order,
     * which differs from run to run, so a call that fails must leave nothing behind (a script
     * that caught the error would otherwise see a different half of it each time). */
    int added = 0;
    size_t longest = 0;
    bool bad = false, bad_text = false;
    const char *bad_format = NULL;
    int lang_table = lua_gettop(L);
    lua_pushnil(L); /* the English text whose translation asks for other values */
    int format_slot = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, 2) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING) {
            bad = true;
        } else {
            /* checked in a fixed order of outcomes: any bad text fails the whole call */
            size_t at;
            size_t kl, vl;
            const char *k = lua_tolstring(L, -2, &kl), *v = lua_tolstring(L, -1, &vl);
            /* each text is read in full (UTF-8, placeholders): charged, so that a loop of
             * calls meets the budget rather than the processor backstop */
            ud_sandbox_charge(L, (double)(kl + vl) / 4.0);
            bad_text = bad_text || api_text_problem(k, kl, &at) != NULL ||
                       api_text_problem(v, vl, &at) != NULL;
            char want[32], got[32];
            placeholders(k, kl, want, sizeof want);
            placeholders(v, vl, got, sizeof got);
            /* of several, the first in byte order: the same message in every run */
            if (strcmp(want, got) != 0 && (bad_format == NULL || strcmp(k, bad_format) < 0)) {
                lua_pushvalue(L, -2);
                lua_replace(L, format_slot);
                bad_format = lua_tostring(L, format_slot);
            }
            longest = lua_rawlen(L, -2) > longest ? lua_rawlen(L, -2) : longest;
            longest = lua_rawlen(L, -1) > longest ? lua_rawlen(L, -1) : longest;
            lua_pushvalue(L, -2);
            added += lua_rawget(L, lang_table) == LUA_TNIL;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    if (bad) {
        return luaL_error(L, "translate: every entry must be [\"English\"] = \"translation\"");
    }
    if (bad_format != NULL) {
        char message[300];
        snprintf(message, sizeof message,
                 "translate: the translation of \"%.80s\" has other %%d and %%s places than the "
                 "English: each value would show in the wrong place",
                 bad_format);
        return luaL_error(L, "%s", message);
    }
    if (bad_text) {
        return luaL_error(L, "translate: a text has bytes that are not UTF-8, a NUL or a control "
                             "character (only line breaks and tabs may be in a text)");
    }
    if (longest >= MAX_TRANSLATED_TEXT) {
        return luaL_error(L, "translate: a text of %d bytes (at most %d)", (int)longest,
                          MAX_TRANSLATED_TEXT - 1);
    }
    if (g->translation_count + added > MAX_TRANSLATIONS) {
        return luaL_error(L,
                          "translate: at most %d translated texts in a scenario (limit "
                          "reached)",
                          MAX_TRANSLATIONS);
    }
    g->translation_count += added;
    lua_pushnil(L);
    while (lua_next(L, 2) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, lang_table);
    }
    lua_pop(L, 3);
    return 0;
}

void api_register_setup(lua_State *L) {
    static const luaL_Reg fns[] = {{"scenario", l_scenario},
                                   {"village", l_village},
                                   {"households", l_households},
                                   {"mfi", l_mfi},
                                   {"product", l_product},
                                   {"goal", l_goal},
                                   {"win_if", l_win_if},
                                   {"lose_if", l_lose_if},
                                   {"lesson", l_lesson},
                                   {"translate", l_translate},
                                   {NULL, NULL}};
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "ud.tr");
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "ud.trline");
    for (const luaL_Reg *f = fns; f->name != NULL; f++) {
        lua_register(L, f->name, f->func);
    }
}
