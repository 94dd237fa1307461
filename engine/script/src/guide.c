/* Guided steps: the guide{} declaration, steps completed by commands, months and screen
 * actions, the "what now?" hint, and measures of the trainee's own actions for goals. */
#include "game_internal.h"
#include "ud/explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Commands by their ud_command_name, plus these groupings and game/screen actions. */
const char *const ud_guide_actions[] = {
    /* game */
    "play_month", "answer",
    /* commands, and groups of them */
    "decide", "approve", "resize", "reject", "set_product", "set_method", "set_rate",
    "open_product", "close_product", "set_policy", "hire", "fire", "train", "audit", "answer_offer",
    "accept_offer", "decline_offer", "borrow", "repay", "set_savings_rate", "follow_up",
    "set_follow_up", "reschedule", "write_off", "set_salary",
    /* screen */
    "next", "open_panel", "open_glossary", "open_household", "open_group", "read_summary",
    "debrief", NULL};

/* In the order of the game's panel keys 1-7. */
const char *const ud_guide_panels[] = {"loans",   "arrears", "products", "staff", "funding",
                                       "reports", "news",    "problems", NULL};

static const char *const point_kinds[] = {"panel", "button", "indicator", "household", NULL};
static const char *const buttons[] = {"play", "help", "save", "menu", NULL};

const char *const ud_game_measure_names[] = {"guide_steps", "applications_decided",
                                             "officers_trained", "follow_ups", NULL};

static int find(const char *const *list, const char *word, size_t len) {
    for (int i = 0; list[i] != NULL; i++) {
        if (strlen(list[i]) == len && strncmp(list[i], word, len) == 0) {
            return i;
        }
    }
    return -1;
}

static bool known_indicator(const char *name) {
    for (const char *const *n = ud_indicator_names(); *n != NULL; n++) {
        if (strcmp(*n, name) == 0) {
            return true;
        }
    }
    return false;
}

/* Checks "kind:target" against what exists; raises a Lua error at the author's line. */
static void check_point(lua_State *L, const ud_game *g, const char *what, const char *point) {
    const char *colon = strchr(point, ':');
    if (colon == NULL || find(point_kinds, point, (size_t)(colon - point)) < 0) {
        luaL_error(L,
                   "%s: point = '%s' must be panel:NAME, button:NAME, indicator:NAME or "
                   "household:NUMBER",
                   what, point);
        return;
    }
    const char *target = colon + 1;
    bool ok = true;
    if (strncmp(point, "panel:", 6) == 0) {
        ok = find(ud_guide_panels, target, strlen(target)) >= 0;
    } else if (strncmp(point, "button:", 7) == 0) {
        ok = find(buttons, target, strlen(target)) >= 0;
    } else if (strncmp(point, "indicator:", 10) == 0) {
        ok = known_indicator(target);
    } else {
        char *end;
        long id = strtol(target, &end, 10);
        ok = *target != '\0' && *end == '\0' && id >= 0 && id < g->setup.village.households;
    }
    if (!ok) {
        char kind[16];
        snprintf(kind, sizeof kind, "%.*s", (int)(colon - point), point);
        luaL_error(L,
                   "%s: point = '%s': no such %s here (panels: loans, arrears, products, staff, "
                   "funding, reports, news, problems; buttons: play, help, save, menu)",
                   what, point, kind);
    }
}

static void check_action(lua_State *L, const char *what, const char *action) {
    const char *colon = strchr(action, ':');
    size_t len = colon != NULL ? (size_t)(colon - action) : strlen(action);
    int a = find(ud_guide_actions, action, len);
    if (a < 0) {
        luaL_error(L,
                   "%s: unknown action '%s' (see the trainers' guide: next, play_month, "
                   "decide, set_method, train, follow_up, open_panel:loans, open_glossary...)",
                   what, action);
        return;
    }
    bool wants_panel = strcmp(ud_guide_actions[a], "open_panel") == 0;
    if (wants_panel != (colon != NULL) ||
        (wants_panel && find(ud_guide_panels, colon + 1, strlen(colon + 1)) < 0)) {
        luaL_error(L,
                   "%s: action '%s': open_panel takes a panel (open_panel:loans, "
                   "open_panel:products, ...) and other actions take none",
                   what, action);
    }
}

/* guide { { text = "...", point = "panel:loans", action = "decide", count = 3 }, ... } */
static int l_guide(lua_State *L) {
    ud_game *g = game_of(L);
    if (g->phase != PHASE_LOADING) {
        return luaL_error(L, "guide{} can only be used at the top of a scenario, not in a handler");
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    if (g->guide_count > 0) {
        return luaL_error(L, "guide{} is declared twice");
    }
    int n = (int)luaL_len(L, 1);
    if (n < 1 || n > UD_MAX_GUIDE_STEPS) {
        return luaL_error(L, "guide{} needs 1 to %d steps", UD_MAX_GUIDE_STEPS);
    }
    static const char *const keys[] = {"text", "point", "action", "count", NULL};
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, 1, i);
        char what[48];
        snprintf(what, sizeof what, "guide{} step %d", i);
        if (!lua_istable(L, -1)) {
            return luaL_error(L, "%s must be a table such as { text = '...', action = 'next' }",
                              what);
        }
        api_check_keys(L, -1, what, keys);
        ud_guide_step *s = &g->guide[i - 1];
        memset(s, 0, sizeof *s);
        s->line = api_line(L);
        if (!api_text(L, -1, what, "text", s->text, sizeof s->text) || s->text[0] == '\0') {
            return luaL_error(L, "%s: text is required", what);
        }
        api_text_or(L, -1, what, "point", "", s->point, sizeof s->point);
        if (s->point[0] != '\0') {
            check_point(L, g, what, s->point);
        }
        api_text_or(L, -1, what, "action", "next", s->action, sizeof s->action);
        check_action(L, what, s->action);
        s->count = (int)api_integer(L, -1, what, "count", 1, 1, 100);
        lua_pop(L, 1);
    }
    g->guide_count = n;
    return 0;
}

void api_register_guide(lua_State *L) {
    lua_pushcfunction(L, l_guide);
    lua_setglobal(L, "guide");
}

int ud_game_guide_count(const ud_game *g) {
    return g->guide_count;
}

const ud_guide_step *ud_game_guide_step(const ud_game *g, int index) {
    return index >= 0 && index < g->guide_count ? &g->guide[index] : NULL;
}

int ud_game_guide_current(const ud_game *g, int *progress) {
    if (progress != NULL) {
        *progress = g->guide_progress;
    }
    return g->guide_step;
}

int game_guide_steps_at(const ud_game *g, int month) {
    /* a month played (or replayed from a save) keeps the steps done by its end */
    if (month >= 1 && month <= ud_sim_month(g->sim) && month <= UD_MAX_GAME_MONTHS) {
        return g->guide_steps_at[month];
    }
    return g->guide_step;
}

void ud_game_guide_restore(ud_game *g, int step, int progress) {
    g->guide_step = step < 0 ? 0 : (step > g->guide_count ? g->guide_count : step);
    g->guide_progress = progress < 0 ? 0 : progress;
}

/* Counts one action towards the current step; true if that completed it. */
static bool advance(ud_game *g, const char *action) {
    if (g->guide_step >= g->guide_count) {
        return false;
    }
    ud_guide_step *s = &g->guide[g->guide_step];
    if (strcmp(s->action, action) != 0) {
        return false;
    }
    if (++g->guide_progress < s->count) {
        return false;
    }
    g->guide_step++;
    g->guide_progress = 0;
    return true;
}

bool ud_game_guide_notify(ud_game *g, const char *action) {
    return advance(g, action);
}

void game_guide_command(ud_game *g, const ud_command *c, const ud_product *before) {
    const char *name = ud_command_name(c->type);
    bool done = advance(g, name);
    switch (c->type) {
    case UD_CMD_APPROVE:
    case UD_CMD_RESIZE:
    case UD_CMD_REJECT:
        done = done || advance(g, "decide");
        break;
    case UD_CMD_SET_PRODUCT:
        if (before != NULL && before->terms.method != c->product.terms.method) {
            done = done || advance(g, "set_method");
        }
        if (before != NULL && before->terms.annual_rate != c->product.terms.annual_rate) {
            done = done || advance(g, "set_rate");
        }
        break;
    case UD_CMD_ACCEPT_OFFER:
    case UD_CMD_DECLINE_OFFER:
        done = done || advance(g, "answer_offer");
        break;
    case UD_CMD_SET_FOLLOW_UP:
    case UD_CMD_RESCHEDULE:
        done = done || advance(g, "follow_up");
        break;
    default:
        break;
    }
    (void)done;
}

bool ud_game_measure(const ud_game *g, const char *name, double *value) {
    int which = find(ud_game_measure_names, name, strlen(name));
    if (which < 0) {
        return false;
    }
    if (which == 0) {
        *value = game_guide_steps_at(g, ud_sim_month(g->sim));
        return true;
    }
    int n = 0;
    for (int i = 0; i < g->decision_count; i++) {
        const ud_decision *d = &g->decisions[i];
        if (d->is_answer) {
            continue;
        }
        ud_command_type t = d->command.type;
        if (which == 1) {
            n += t == UD_CMD_APPROVE || t == UD_CMD_RESIZE || t == UD_CMD_REJECT;
        } else if (which == 2) {
            n += t == UD_CMD_TRAIN;
        } else {
            n += t == UD_CMD_SET_FOLLOW_UP || t == UD_CMD_RESCHEDULE;
        }
    }
    *value = n;
    return true;
}

const char *ud_game_hint(const ud_game *g, bool *from_scenario) {
    *from_scenario = false;
    if (g->end != UD_END_RUNNING) {
        return "The game is over: read the debrief to see what your decisions did.";
    }
    if (g->guide_step < g->guide_count) {
        *from_scenario = true;
        return ud_game_text(g, g->guide[g->guide_step].text);
    }
    for (int i = 0; i < g->question_count; i++) {
        if (g->questions[i].answer == 0) {
            return "A question is waiting for your answer.";
        }
    }
    int n;
    const ud_offer *offers = ud_sim_offers(g->sim, &n);
    for (int i = 0; i < n; i++) {
        if (!offers[i].answered && offers[i].expires_month > ud_sim_month(g->sim)) {
            return "An offer is waiting in Funding (5): read its conditions before you answer.";
        }
    }
    const ud_application *apps = ud_sim_applications(g->sim, &n);
    int pending = 0;
    for (int i = 0; i < n; i++) {
        pending += apps[i].decision == UD_APP_PENDING;
    }
    if (pending > 0) {
        return "Applications are waiting on the loan desk (1): approve, resize or reject them.";
    }
    const ud_month_explanation *e = ud_game_explanation(g, ud_sim_month(g->sim));
    if (e != NULL && e->new_arrears > 0) {
        /* month after month of new arrears (a drought): the same line every month became
         * noise to a trainee; the second month on, it points at what can be done */
        const ud_month_explanation *before = ud_game_explanation(g, ud_sim_month(g->sim) - 1);
        /* "keep falling behind" only when it is more than the odd borrower a healthy book
         * always has (a trainee read it with PAR30 at 0.0% and one late borrower): two
         * months in a row with at least 2% of the clients newly late */
        const ud_indicators *now = ud_sim_indicators(g->sim, ud_sim_month(g->sim));
        int clients = now != NULL ? now->active_borrowers : 0;
        /* most of them because their officer has more loans than anyone can follow: the
         * remedy is staff, not visits (a trainee who lost two officers to an audit read
         * "follow up or reschedule" for months while the summaries said "too many loans") */
        int overloaded = e->new_arrears_by_cause[UD_MISS_OVERLOADED_OFFICER];
        if (overloaded * 2 > e->new_arrears && e->new_arrears * 50 >= clients) {
            return "Borrowers fall behind because their officers have more loans than they can "
                   "follow: hire or train in Staff (4), or lend more slowly until they can.";
        }
        if (before != NULL && before->new_arrears * 50 >= clients &&
            e->new_arrears * 50 >= clients) {
            /* a new schedule's cost in PAR30 said where it is advised: a trainee who followed
             * the hint saw PAR30 double at once and missed the goal it was meant to keep */
            return "Borrowers keep falling behind: in Arrears (2), more follow-up, or a new "
                   "schedule for those with a hardship (it counts in PAR30 until paid on time "
                   "for three months, and saves write-offs); Reports (6) shows the trend.";
        }
        return "Some borrowers fell behind last month: see why in the month's summary, and "
               "follow them up in Arrears (2).";
    }
    if (ud_sim_month(g->sim) == 0) {
        return "Read the top bar, then press Space to play the first month.";
    }
    return "Check the loan desk (1), then press Space to play the next month.";
}
