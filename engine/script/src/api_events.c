/* The scenario's events and actions: at_month, every_month, when, on (registration), and
 * shock, offer, political, news, ask, recall_credit_line (actions, usually in handlers). */
#include "game_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const business_names[] = {"trade",  "farming",  "livestock",
                                             "crafts", "services", NULL};

#define UD_MAX_MONTHS_HANDLED 240

/* An error naming the limit if the game already keeps as many news lines as allowed. */
static void news_room(lua_State *L, const ud_game *g, const char *what) {
    if (g->news_count >= MAX_NEWS) {
        luaL_error(L, "%s: the game already has %d news lines, the most it keeps (limit reached)",
                   what, MAX_NEWS);
    }
}

static handler *new_handler(lua_State *L, handler_kind kind, const char *name) {
    ud_game *g = game_of(L);
    if (g->phase != PHASE_LOADING) {
        luaL_error(L,
                   "%s: handlers are registered at the top of the scenario, not inside "
                   "another handler",
                   name);
    }
    if (g->handler_count >= MAX_HANDLERS) {
        luaL_error(L, "%s: at most %d handlers", name, MAX_HANDLERS);
    }
    handler *h = &g->handlers[g->handler_count++];
    memset(h, 0, sizeof *h);
    h->kind = kind;
    h->fn = LUA_NOREF;
    h->condition = LUA_NOREF;
    h->line = api_line(L);
    snprintf(h->name, sizeof h->name, "%s", name);
    return h;
}

/* at_month(6, function() ... end): runs at the start of month 6, before decisions. */
static int l_at_month(lua_State *L) {
    ud_game *g = game_of(L);
    lua_Integer m = luaL_checkinteger(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    if (m < 1 || m > UD_MAX_MONTHS_HANDLED) {
        return luaL_error(L, "at_month: the month must be 1 to 240 (got %I)", m);
    }
    if (g->info.months > 0 && m > g->info.months) {
        return luaL_error(L, "at_month: month %I is after the scenario ends (month %d)", m,
                          g->info.months);
    }
    char name[64];
    snprintf(name, sizeof name, "at_month(%d)", (int)m);
    handler *h = new_handler(L, HANDLER_AT_MONTH, name);
    h->month = (int)m;
    lua_settop(L, 2);
    h->fn = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* every_month(function() ... end): runs at the start of every month. */
static int l_every_month(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    handler *h = new_handler(L, HANDLER_EVERY_MONTH, "every_month");
    lua_settop(L, 1);
    h->fn = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* when(function() return indicator("par30") > 0.1 end, function() ... end [, {repeat=true}])
 * checks the condition after every month and runs the handler the first time it holds. */
static int l_when(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    bool repeat = false;
    if (!lua_isnoneornil(L, 3)) {
        static const char *const keys[] = {"repeat", NULL};
        api_check_keys(L, 3, "when{}", keys);
        repeat = api_bool(L, 3, "when{}", "repeat", false);
    }
    handler *h = new_handler(L, HANDLER_WHEN, "when");
    h->repeat = repeat;
    lua_pushvalue(L, 1);
    h->condition = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushvalue(L, 2);
    h->fn = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* on("group_collapsed", function(event) ... end) */
static int l_on(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    const char *names[UD_EV_TYPE_COUNT + 1];
    int type = -1;
    for (int t = 0; t < UD_EV_TYPE_COUNT; t++) {
        names[t] = ud_event_name((ud_event_type)t);
        if (strcmp(names[t], name) == 0) {
            type = t;
        }
    }
    names[UD_EV_TYPE_COUNT] = NULL;
    if (type < 0) {
        const char *hint = ud_closest_word(name, names);
        if (hint != NULL) {
            return luaL_error(L, "on: unknown event '%s' (did you mean '%s'?)", name, hint);
        }
        return luaL_error(L, "on: unknown event '%s' (see the guide's list of events)", name);
    }
    char hname[64];
    snprintf(hname, sizeof hname, "on('%s')", name);
    handler *h = new_handler(L, HANDLER_ON, hname);
    h->event = type;
    lua_settop(L, 2);
    h->fn = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

static ud_sim *playing_sim(lua_State *L, const char *what) {
    ud_game *g = game_of(L);
    if (g->sim == NULL) {
        luaL_error(L,
                   "%s can only be used in a handler (at_month, when, on...), once the "
                   "game is running",
                   what);
    }
    return g->sim;
}

/* A list of names in field `key` turned into a bit mask (0 if absent: everyone). */
uint32_t api_name_mask(lua_State *L, int idx, const char *key, const char *what, const ud_game *g,
                       bool hamlets) {
    uint32_t mask = 0;
    lua_getfield(L, idx, key);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    if (!lua_istable(L, -1)) {
        luaL_error(L, "%s: %s must be a list of names", what, key);
    }
    api_check_plain_table(L, -1, what);
    lua_Unsigned n = lua_rawlen(L, -1);
    if (n > 32) {
        luaL_error(L, "%s: %s lists %d names (at most 32)", what, key, (int)(n > 999 ? 999 : n));
    }
    for (int i = 1; i <= (int)n; i++) {
        lua_rawgeti(L, -1, i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            luaL_error(L, "%s: %s[%d] must be a name", what, key, i);
        }
        const char *name = lua_tostring(L, -1); /* on the stack while used */
        int bit = -1;
        if (hamlets) {
            bit = api_hamlet(L, g, name, what);
        } else {
            for (int b = 0; business_names[b] != NULL; b++) {
                if (strcmp(business_names[b], name) == 0) {
                    bit = b;
                }
            }
            if (bit < 0) {
                luaL_error(L,
                           "%s: %s: '%s' is not a business (trade, farming, livestock, "
                           "crafts, services)",
                           what, key, name);
            }
        }
        mask |= 1u << bit;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return mask;
}

static const char *const shock_names[] = {"drought",   "flood",       "illness",
                                          "epidemic",  "price_crash", "festival",
                                          "inflation", "competitor",  NULL};

/* shock{ kind = "drought", businesses = {"farming"}, share = 0.8, severity = 0.6, months = 4 } */
static int l_shock(lua_State *L) {
    ud_game *g = game_of(L);
    ud_sim *sim = playing_sim(L, "shock{}");
    const char *what = "shock{}";
    static const char *const keys[] = {"kind",   "hamlets",     "businesses", "share", "severity",
                                       "months", "start_month", "text",       NULL};
    api_check_keys(L, 1, what, keys);
    int kind = api_choice(L, 1, what, "kind", shock_names, -1);
    if (kind < 0) {
        return luaL_error(L, "shock{}: kind is required (drought, flood, illness, epidemic, "
                             "price_crash, festival, inflation, competitor)");
    }
    static const ud_shock_kind engine_kind[] = {
        UD_SHOCK_INCOME, UD_SHOCK_INCOME,   UD_SHOCK_HEALTH, UD_SHOCK_HEALTH,
        UD_SHOCK_INCOME, UD_SHOCK_SPENDING, UD_SHOCK_PRICES, UD_SHOCK_COMPETITOR};
    static const double default_share[] = {1.0, 0.4, 0.15, 0.5, 1.0, 1.0, 1.0, 1.0};
    ud_shock s;
    memset(&s, 0, sizeof s);
    s.kind = engine_kind[kind];
    s.hamlet_mask = api_name_mask(L, 1, "hamlets", what, g, true);
    s.business_mask = api_name_mask(L, 1, "businesses", what, g, false);
    if (kind == 0 && s.business_mask == 0) {
        s.business_mask = (1u << UD_BIZ_FARMING) | (1u << UD_BIZ_LIVESTOCK); /* drought */
    }
    s.share = api_number(L, 1, what, "share", default_share[kind], 0, 1);
    s.severity = api_number(L, 1, what, "severity", 0.5, 0, 1);
    s.months = (int)api_integer(L, 1, what, "months", 3, 1, 120);
    s.start_month = (int)api_integer(L, 1, what, "start_month", ud_sim_month(sim) + 1,
                                     ud_sim_month(sim) + 1, 240);
    char text[UD_TEXT_LEN];
    bool has_text = api_text(L, 1, what, "text", text, sizeof text);
    if (has_text) {
        news_room(L, g, what);
    }
    char err[200];
    if (g->no_shocks) {
        return 0; /* the debrief's replay without the scenario's shocks */
    }
    int index = ud_sim_add_shock(sim, &s, err, sizeof err);
    if (index < 0) {
        return luaL_error(L, "shock{}: %s", err);
    }
    g->shock_kind[index] = (int8_t)kind; /* for the stories of the households it strikes */
    if (has_text) {
        game_add_news(g, text);
    }
    return 0;
}

static const char *const offer_names[] = {"credit_line", "grant_infrastructure", "grant_training",
                                          "grant_ta",    "grant_cash",           "grant_mentoring",
                                          NULL};
static const char *const lender_names[] = {"government", "commercial", "donor", NULL};

/* offer{ kind = "credit_line", amount = ..., rate = 3, term_months = 36,
 *        client_rate_cap = 12, text = "..." } -> the offer's number */
static int l_offer(lua_State *L) {
    ud_game *g = game_of(L);
    ud_sim *sim = playing_sim(L, "offer{}");
    const char *what = "offer{}";
    static const char *const keys[] = {
        "kind",    "lender", "amount",     "rate", "term_months", "client_rate_cap",
        "hamlets", "effect", "expires_in", "text", NULL};
    api_check_keys(L, 1, what, keys);
    int kind = api_choice(L, 1, what, "kind", offer_names, -1);
    if (kind < 0) {
        return luaL_error(L, "offer{}: kind is required (credit_line, grant_infrastructure, "
                             "grant_training, grant_ta, grant_cash, grant_mentoring)");
    }
    ud_offer o;
    memset(&o, 0, sizeof o);
    o.kind = (ud_offer_kind)kind;
    o.lender = (ud_lender_kind)api_choice(L, 1, what, "lender", lender_names,
                                          kind == 0 ? UD_LENDER_GOVERNMENT : UD_LENDER_DONOR);
    o.amount = (ud_money)api_number(L, 1, what, "amount", 0, 0, 1e15);
    o.annual_rate = api_percent(L, 1, what, "rate", 0, 0, 1000);
    o.term_months = (int)api_integer(L, 1, what, "term_months", 36, 1, 240);
    o.client_rate_cap = api_percent(L, 1, what, "client_rate_cap", 0, 0, 1000);
    o.hamlet_mask = api_name_mask(L, 1, "hamlets", what, g, true);
    o.effect = api_number(L, 1, what, "effect", kind == 1 ? 0.15 : 0.10, 0, 2);
    o.expires_month = ud_sim_month(sim) + (int)api_integer(L, 1, what, "expires_in", 3, 1, 24);
    char text[UD_TEXT_LEN];
    bool has_text = api_text(L, 1, what, "text", text, sizeof text);
    if (has_text) {
        news_room(L, g, what);
    }
    char err[200];
    int index = ud_sim_add_offer(sim, &o, err, sizeof err);
    if (index < 0) {
        return luaL_error(L, "offer{}: %s", err);
    }
    if (has_text) {
        game_add_news(g, text);
        g->offer_news[index] = g->news_count; /* its text, for the screen that answers it */
    }
    lua_pushinteger(L, index + 1);
    return 1;
}

static const char *const political_names[] = {"waiver_promise", "directed_lending",
                                              "waiver_disavowed", NULL};

/* political{ kind = "waiver_promise", months = 6, strength = 0.3 } */
static int l_political(lua_State *L) {
    ud_game *g = game_of(L);
    ud_sim *sim = playing_sim(L, "political{}");
    const char *what = "political{}";
    static const char *const keys[] = {"kind", "hamlet", "months", "strength", "text", NULL};
    api_check_keys(L, 1, what, keys);
    int kind = api_choice(L, 1, what, "kind", political_names, -1);
    if (kind < 0) {
        return luaL_error(L, "political{}: kind is required (waiver_promise, directed_lending, "
                             "waiver_disavowed)");
    }
    char hamlet[UD_NAME_LEN];
    int h =
        api_text(L, 1, what, "hamlet", hamlet, sizeof hamlet) ? api_hamlet(L, g, hamlet, what) : -1;
    if (kind == UD_POLITICAL_DIRECTED_LENDING && h < 0) {
        return luaL_error(L, "political{}: directed_lending needs hamlet = '<name>'");
    }
    int months = (int)api_integer(L, 1, what, "months", 6, 1, 120);
    double strength = api_number(L, 1, what, "strength", 0.3, 0, 1);
    char text[UD_TEXT_LEN];
    bool has_text = api_text(L, 1, what, "text", text, sizeof text);
    if (has_text) {
        news_room(L, g, what);
    }
    char err[200];
    if (!ud_sim_political(sim, (ud_political_kind)kind, h, months, strength, err, sizeof err)) {
        return luaL_error(L, "political{}: %s", err);
    }
    if (has_text) {
        game_add_news(g, text);
    }
    return 0;
}

/* news("The rains have failed.") or news("%d households are still poor.", count): the
 * template is what translations translate; the values fill its %d and %s in order. */
static int l_news(lua_State *L) {
    ud_game *g = game_of(L);
    size_t length = 0;
    const char *text = luaL_checklstring(L, 1, &length);
    if (length >= UD_TEXT_LEN) {
        /* refused, not cut: a line cut mid-sentence would reach the trainees */
        return luaL_error(L, "news: the text is %d bytes, at most %d", (int)length,
                          UD_TEXT_LEN - 1);
    }
    int argc = lua_gettop(L) - 1;
    int holes = 0;
    char kinds[UD_NEWS_ARGS + 1]; /* 'd' or 's' for each place, in order */
    for (const char *p = text; *p != '\0'; p++) {
        if (p[0] == '%' && (p[1] == 'd' || p[1] == 's')) {
            if (holes < UD_NEWS_ARGS + 1) {
                kinds[holes] = p[1];
            }
            holes++;
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            p++;
        }
    }
    if (holes != argc) {
        return luaL_error(L,
                          "news: the text has %d place(s) for values (%%d or %%s) but %d "
                          "value(s) were given",
                          holes, argc);
    }
    if (argc > UD_NEWS_ARGS) {
        return luaL_error(L, "news: at most %d values", UD_NEWS_ARGS);
    }
    api_check_shown_text(L, 1, "news: the text");
    news_room(L, g, "news");
    const char *args[UD_NEWS_ARGS];
    for (int i = 0; i < argc; i++) {
        /* a %d takes a number (a count the catalog's plural forms read), a %s text or a
         * number: "%d households" with "abc" or nil showed "abc households" or "nil" */
        int type = lua_type(L, 2 + i);
        if ((kinds[i] == 'd' && type != LUA_TNUMBER) ||
            (kinds[i] == 's' && type != LUA_TSTRING && type != LUA_TNUMBER)) {
            return luaL_error(L, "news: value %d, for %%%c, must be %s (got %s)", i + 1, kinds[i],
                              kinds[i] == 'd' ? "a number" : "text or a number",
                              luaL_typename(L, 2 + i));
        }
        if (lua_type(L, 2 + i) == LUA_TNUMBER && !isfinite(lua_tonumber(L, 2 + i))) {
            /* "-nan" or "inf" in the trainees' news is a script's slip, said at its line */
            return luaL_error(L, "news: value %d is not a finite number (got %s)", i + 1,
                              lua_tostring(L, 2 + i));
        }
        args[i] = ud_sandbox_tostring(L, 2 + i);
        char what[40];
        snprintf(what, sizeof what, "news: value %d", i + 1);
        api_check_shown_text(L, -1, what);
    }
    playing_sim(L, "news()"); /* at the top of the file there is no month to show it in */
    game_add_news_values(g, text, argc, args);
    return 0;
}

/* ask{ text = "...", options = {"Yes", "No"}, answer = function(choice) ... end } */
static int l_ask(lua_State *L) {
    ud_game *g = game_of(L);
    playing_sim(L, "ask{}");
    static const char *const keys[] = {"text", "options", "answer", "default", NULL};
    api_check_keys(L, 1, "ask{}", keys);
    /* a question asked while another is being answered would be answered at once, unseen:
     * the players answer questions at the start of a month */
    if (g->answering) {
        return luaL_error(L, "ask{}: cannot ask inside an answer; ask at a later month "
                             "(at_month, when)");
    }
    if (g->question_count >= 64) {
        return luaL_error(L, "ask{}: at most 64 questions in one game");
    }
    ud_question *q = &g->questions[g->question_count];
    memset(q, 0, sizeof *q);
    if (!api_text(L, 1, "ask{}", "text", q->text, sizeof q->text) || q->text[0] == '\0') {
        return luaL_error(L, "ask{}: text is required (the question, not empty)");
    }
    lua_getfield(L, 1, "options");
    if (lua_istable(L, -1)) {
        api_check_plain_table(L, -1, "ask{}.options");
    }
    int n = lua_istable(L, -1) && lua_rawlen(L, -1) <= UD_MAX_QUESTION_OPTIONS
                ? (int)lua_rawlen(L, -1)
                : 0;
    if (n < 2 || n > UD_MAX_QUESTION_OPTIONS) {
        return luaL_error(L, "ask{}: options must list 2 to %d answers", UD_MAX_QUESTION_OPTIONS);
    }
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            return luaL_error(L, "ask{}: options[%d] must be text", i);
        }
        char what[40];
        snprintf(what, sizeof what, "ask{}: options[%d]", i);
        api_check_shown_text_of(L, -1, what, sizeof q->options[0]);
        /* an option is a button's label and one line of the story: plain, one line, and one
         * the trainee can tell from the others */
        const char *option = lua_tostring(L, -1);
        if (option[0] == '\0' || strpbrk(option, "\n\t") != NULL) {
            return luaL_error(L, "%s must be one line of text, not empty", what);
        }
        for (int k = 0; k < i - 1; k++) {
            if (strcmp(q->options[k], option) == 0) {
                return luaL_error(L,
                                  "%s is the same as options[%d]: each answer needs words of "
                                  "its own",
                                  what, k + 1);
            }
        }
        snprintf(q->options[i - 1], sizeof q->options[0], "%s", option);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    q->option_count = n;
    /* the option a manager who decides nothing has in effect taken (saying nothing to a
     * patron is often a yes): what a strategy without answer() gets */
    q->default_option = (int)api_integer(L, 1, "ask{}", "default", 1, 1, n);
    lua_getfield(L, 1, "answer");
    if (!lua_isfunction(L, -1)) {
        return luaL_error(L, "ask{}: answer must be a function(choice) ... end");
    }
    g->question_handlers[g->question_count] = luaL_ref(L, LUA_REGISTRYINDEX);
    q->id = g->question_count + 1;
    q->month = g->current_month;
    g->question_count++;
    lua_pushinteger(L, q->id);
    return 1;
}

/* recall_credit_line(1): the lender wants its money back now. */
static int l_recall(lua_State *L) {
    ud_sim *sim = playing_sim(L, "recall_credit_line");
    int b = api_arg_int(L, 1, "recall_credit_line", 1, INT32_MAX);
    char err[200];
    if (!ud_sim_recall_credit_line(sim, b - 1, err, sizeof err)) {
        return luaL_error(L, "recall_credit_line: %s", err);
    }
    return 0;
}

void api_register_scenario(lua_State *L) {
    api_register_setup(L);
    api_register_views(L);
    api_register_guide(L);
    api_register_scenario_command_hints(L);
    static const luaL_Reg fns[] = {{"at_month", l_at_month},
                                   {"every_month", l_every_month},
                                   {"when", l_when},
                                   {"on", l_on},
                                   {"shock", l_shock},
                                   {"offer", l_offer},
                                   {"political", l_political},
                                   {"news", l_news},
                                   {"ask", l_ask},
                                   {"recall_credit_line", l_recall},
                                   {NULL, NULL}};
    for (const luaL_Reg *f = fns; f->name != NULL; f++) {
        lua_register(L, f->name, f->func);
    }
    lua_newtable(L);
    lua_setglobal(L, "mem");
}
