/* What scripts can see of the game (views, for scenarios and strategies alike) and the
 * commands a strategy issues: the same typed commands as the game's screens. */
#include "game_internal.h"

#include <stdio.h>
#include <string.h>

#define UD_MAX_MONTHS_VIEWED 240
/* what a did-you-mean search over the indicator names costs, in instructions (some 40 us) */
#define HINT_UNITS 10000.0

static ud_sim *sim_of(lua_State *L) {
    ud_game *g = game_of(L);
    if (g->sim == NULL) {
        luaL_error(L, "the game has not started yet: views can be used in handlers and "
                      "strategies, not at the top of a scenario");
    }
    return g->sim;
}

static void set_int(lua_State *L, const char *key, lua_Integer v) {
    lua_pushinteger(L, v);
    lua_setfield(L, -2, key);
}
static void set_num(lua_State *L, const char *key, lua_Number v) {
    lua_pushnumber(L, v);
    lua_setfield(L, -2, key);
}
static void set_str(lua_State *L, const char *key, const char *v) {
    lua_pushstring(L, v);
    lua_setfield(L, -2, key);
}
static void set_bool(lua_State *L, const char *key, bool v) {
    lua_pushboolean(L, v);
    lua_setfield(L, -2, key);
}

static int l_month(lua_State *L) {
    lua_pushinteger(L, ud_sim_month(sim_of(L)));
    return 1;
}

static int l_months(lua_State *L) {
    lua_pushinteger(L, game_of(L)->months);
    return 1;
}

/* indicator("par30" [, month]): the value at the end of month (default: the last month);
 * nil before the first month. */
/* peak("par30") / lowest("oss"): the highest / lowest value over every month played so far
 * (nil before the first month), so lessons judge the whole game, not its last month. */
static int extreme(lua_State *L, bool highest, const char *fname) {
    ud_sim *sim = sim_of(L);
    const char *name = luaL_checkstring(L, 1);
    bool known = false;
    for (const char *const *n = ud_indicator_names(); *n != NULL; n++) {
        known |= strcmp(*n, name) == 0;
    }
    if (!known) {
        ud_sandbox_charge(L, HINT_UNITS);
        const char *hint = ud_indicator_hint(name);
        return luaL_error(L, "%s: unknown indicator '%s'%s%s%s", fname, name,
                          hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
    }
    double best = 0;
    bool any = false;
    for (int m = 1; m <= ud_sim_month(sim); m++) {
        double v;
        if (ud_indicator_value(sim, name, m, &v) && (!any || (highest ? v > best : v < best))) {
            best = v;
            any = true;
        }
    }
    if (any) {
        lua_pushnumber(L, best);
    } else {
        lua_pushnil(L);
    }
    return 1;
}

static int l_peak(lua_State *L) {
    return extreme(L, true, "peak");
}

static int l_lowest(lua_State *L) {
    return extreme(L, false, "lowest");
}

static int l_indicator(lua_State *L) {
    ud_sim *sim = sim_of(L);
    const char *name = luaL_checkstring(L, 1);
    lua_Integer month = luaL_optinteger(L, 2, ud_sim_month(sim));
    if (month > UD_MAX_MONTHS_VIEWED) {
        month = 0; /* no such month: nil, as before the first */
    }
    double v;
    bool known = false;
    for (const char *const *n = ud_indicator_names(); *n != NULL; n++) {
        known |= strcmp(*n, name) == 0;
    }
    if (!known) {
        /* finding the nearest name compares it with every known one: work the instruction
         * count does not see, charged so that a loop of misses meets the budget */
        ud_sandbox_charge(L, HINT_UNITS);
        const char *hint = ud_indicator_hint(name);
        return luaL_error(L, "indicator: unknown indicator '%s'%s%s%s", name,
                          hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
    }
    if (month < 1 || !ud_indicator_value(sim, name, (int)month, &v)) {
        lua_pushnil(L);
        return 1;
    }
    if (v == (double)(lua_Integer)v && strcmp(name, "par30") != 0) {
        lua_pushinteger(L, (lua_Integer)v);
    } else {
        lua_pushnumber(L, v);
    }
    return 1;
}

static const char *decision_name(ud_app_decision d) {
    switch (d) {
    case UD_APP_APPROVED:
        return "approved";
    case UD_APP_REJECTED:
        return "rejected";
    case UD_APP_WAITING:
        return "waiting";
    case UD_APP_PENDING:
        break;
    }
    return "pending";
}

/* applications(): this month's queue, each { id, household, product, amount, requested,
 * decision, reason, woman, business, hamlet, income, name, story, directed } */
static int l_applications(lua_State *L) {
    ud_game *g = game_of(L);
    ud_sim *sim = sim_of(L);
    int n;
    const ud_application *apps = ud_sim_applications(sim, &n);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        const ud_application *a = &apps[i];
        ud_household_view h;
        ud_sim_household(sim, a->household, &h);
        lua_createtable(L, 0, 15);
        set_int(L, "id", a->id);
        set_int(L, "household", a->household + 1);
        set_int(L, "product", a->product + 1);
        set_int(L, "amount", a->amount);
        set_int(L, "requested", a->requested);
        set_str(L, "decision", decision_name(a->decision));
        set_str(L, "reason", ud_reject_reason_text(a->reason));
        set_bool(L, "woman", h.woman);
        set_str(L, "business", ud_business_name(h.business));
        set_str(L, "hamlet", g->setup.village.hamlet_names[h.hamlet]);
        set_int(L, "income", h.monthly_income);
        set_bool(L, "directed", a->directed);
        set_int(L, "loans_repaid", h.loans_repaid);
        char name[64];
        ud_game_household_name(g, a->household, name, sizeof name);
        set_str(L, "name", name); /* the scenario's own, or from the village's name list */
        if (a->household < g->listed_count) {
            set_str(L, "story", g->listed[a->household].story);
        }
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static const char *const offer_kind_names[] = {"credit_line",    "grant_infrastructure",
                                               "grant_training", "grant_ta",
                                               "grant_cash",     "grant_mentoring"};

/* offers(): every offer made so far, each { id, kind, amount, rate, term_months,
 * client_rate_cap, expires_month, answered, accepted } */
static int l_offers(lua_State *L) {
    ud_sim *sim = sim_of(L);
    int n;
    const ud_offer *offers = ud_sim_offers(sim, &n);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        const ud_offer *o = &offers[i];
        lua_createtable(L, 0, 9);
        set_int(L, "id", i + 1);
        set_str(L, "kind", offer_kind_names[o->kind]);
        set_int(L, "amount", o->amount);
        set_num(L, "rate", ud_rate_to_percent(o->annual_rate));
        set_int(L, "term_months", o->term_months);
        set_num(L, "client_rate_cap", ud_rate_to_percent(o->client_rate_cap));
        set_int(L, "expires_month", o->expires_month);
        set_bool(L, "answered", o->answered);
        set_bool(L, "accepted", o->accepted);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static void push_product(lua_State *L, const ud_product *p, int index) {
    lua_createtable(L, 0, 14);
    set_int(L, "id", index + 1);
    set_str(L, "name", p->name);
    set_bool(L, "open", p->open);
    set_str(L, "method", ud_method_name(p->terms.method));
    set_num(L, "rate", ud_rate_to_percent(p->terms.annual_rate));
    set_int(L, "installments", p->terms.installments);
    set_str(L, "frequency", ud_frequency_name(p->terms.frequency));
    set_int(L, "grace", p->terms.grace);
    set_int(L, "min", p->min_amount);
    set_int(L, "max", p->max_amount);
    set_num(L, "compulsory_savings", ud_rate_to_percent(p->compulsory_savings));
    if (p->women) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "women");
    }
    if (p->business_mask != 0) {
        lua_createtable(L, UD_BIZ_COUNT, 0);
        int n = 0;
        for (int b = 0; b < UD_BIZ_COUNT; b++) {
            if ((p->business_mask >> b) & 1u) {
                lua_pushstring(L, ud_business_name((ud_business)b));
                lua_rawseti(L, -2, ++n);
            }
        }
        lua_setfield(L, -2, "businesses");
    }
    if (p->terms.fee_kind == UD_FEE_PERCENT) {
        set_num(L, "fee_percent", ud_rate_to_percent(p->terms.fee_rate));
    } else if (p->terms.fee_kind == UD_FEE_FLAT) {
        set_int(L, "fee_flat", p->terms.fee_flat);
    }
    if (p->group_liability) {
        lua_createtable(L, 0, 2);
        set_int(L, "min", p->group_min);
        set_int(L, "max", p->group_max);
        lua_setfield(L, -2, "group");
    }
    ud_loan_terms t = p->terms;
    t.principal = p->max_amount;
    double apr = 0, eir = 0;
    if (ud_schedule_cost(&t, &apr, &eir) == UD_TERMS_OK) {
        set_num(L, "apr", apr);
        set_num(L, "eir", eir);
    }
    /* and with the compulsory savings withheld counted, as the products panel shows it */
    if (p->compulsory_savings > 0 && ud_product_cost(p, p->max_amount, &apr, &eir) == UD_TERMS_OK) {
        set_num(L, "apr_with_savings", apr);
    }
}

static int l_products(lua_State *L) {
    int n;
    const ud_product *p = ud_sim_products(sim_of(L), &n);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        push_product(L, &p[i], i);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static int l_officers(lua_State *L) {
    int n;
    const ud_officer *o = ud_sim_officers(sim_of(L), &n);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_createtable(L, 0, 7);
        set_int(L, "id", i + 1);
        set_bool(L, "employed", o[i].employed);
        set_int(L, "training", o[i].training);
        set_int(L, "salary", o[i].salary);
        set_int(L, "market_wage", ud_sim_market_wage(sim_of(L), o[i].training));
        set_int(L, "caseload", o[i].caseload);
        set_int(L, "months_since_audit", o[i].months_since_audit);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* market_wage(level): what an officer of that training level (0-3) earns elsewhere */
static int l_market_wage(lua_State *L) {
    int level = api_arg_int(L, 1, "market_wage", 0, 3);
    lua_pushinteger(L, ud_sim_market_wage(sim_of(L), level));
    return 1;
}

/* minimum_wage(): the least the law lets the unit pay an officer a month */
static int l_minimum_wage(lua_State *L) {
    lua_pushinteger(L, ud_sim_setup(sim_of(L))->village.minimum_wage);
    return 1;
}

static int l_borrowings(lua_State *L) {
    int n;
    const ud_borrowing *b = ud_sim_borrowings(sim_of(L), &n);
    static const char *const lenders[] = {"government", "commercial", "donor"};
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_createtable(L, 0, 6);
        set_int(L, "id", i + 1);
        set_str(L, "lender", lenders[b[i].lender]);
        set_int(L, "outstanding", b[i].outstanding);
        set_num(L, "rate", ud_rate_to_percent(b[i].annual_rate));
        set_int(L, "maturity_month", b[i].maturity_month);
        set_bool(L, "active", b[i].active);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static void push_policy(lua_State *L, const ud_credit_policy *p) {
    lua_createtable(L, 0, 8);
    set_bool(L, "women_only", p->women_only);
    set_bool(L, "groups_only", p->groups_only);
    set_int(L, "first_loan_cap", p->first_loan_cap);
    set_num(L, "repeat_step_up", ud_rate_to_percent(p->repeat_step_up));
    set_num(L, "loan_to_income_cap", ud_rate_to_percent(p->loan_to_income_cap));
    set_int(L, "max_past_arrears_days", p->max_past_arrears_days);
    set_bool(L, "manual_review", p->manual_review);
    set_bool(L, "hide_apr", p->hide_apr);
}

static int l_policy(lua_State *L) {
    push_policy(L, ud_sim_policy(sim_of(L)));
    return 1;
}

static int l_household(lua_State *L) {
    ud_game *g = game_of(L);
    ud_sim *sim = sim_of(L);
    lua_Integer id = luaL_checkinteger(L, 1);
    ud_household_view h;
    if (id < 1 || id > INT32_MAX || !ud_sim_household(sim, (int)id - 1, &h)) {
        return luaL_error(L, "household: no household %I (1..%d)", id, ud_sim_household_count(sim));
    }
    static const char *const status[] = {"not_client", "client", "in_arrears", "defaulted"};
    lua_createtable(L, 0, 14);
    set_int(L, "id", id);
    set_str(L, "hamlet", g->setup.village.hamlet_names[h.hamlet]);
    set_int(L, "members", h.members);
    set_bool(L, "woman", h.woman);
    set_str(L, "business", ud_business_name(h.business));
    set_int(L, "cash", h.cash);
    set_int(L, "savings", h.savings);
    set_int(L, "income", h.monthly_income);
    set_bool(L, "poor", h.poor);
    set_str(L, "status", status[h.status]);
    set_int(L, "loans_repaid", h.loans_repaid);
    /* a hardship the neighbours know of: what makes a rescheduling prudent (engine/MODEL.md) */
    set_bool(L, "hardship", ud_sim_household_has_hardship(sim, (int)id - 1));
    if (h.loan != NULL) {
        set_int(L, "loan_outstanding", h.loan->principal_outstanding);
        set_int(L, "days_late", ud_loan_days_in_arrears(h.loan, ud_sim_month(sim) * 30));
        /* the longest schedule a rescheduling may set: the loan's own term */
        set_int(L, "loan_installments", h.loan->plan.installments);
        set_bool(L, "rescheduled", h.loan->rescheduled);
    }
    char name[64];
    ud_game_household_name(g, id - 1, name, sizeof name);
    set_str(L, "name", name);
    if (id - 1 < g->listed_count) {
        set_str(L, "story", g->listed[id - 1].story);
    }
    return 1;
}

static int l_household_count(lua_State *L) {
    lua_pushinteger(L, ud_sim_household_count(sim_of(L)));
    return 1;
}

static int l_rate_cap(lua_State *L) {
    ud_rate cap = ud_sim_rate_cap(sim_of(L));
    if (cap == 0) {
        lua_pushnil(L);
    } else {
        lua_pushnumber(L, ud_rate_to_percent(cap));
    }
    return 1;
}

/* forming_groups(): every group still forming, each { hamlet, product, members, needed,
 * months_waiting, blocked } (blocked: what holds it back, in words) */
static int l_forming_groups(lua_State *L) {
    ud_game *g = game_of(L);
    ud_sim *sim = sim_of(L);
    int n, products;
    const ud_forming_group *f = ud_sim_forming_groups(sim, &n);
    const ud_product *p = ud_sim_products(sim, &products);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_createtable(L, 0, 6);
        set_str(L, "hamlet", g->setup.village.hamlet_names[f[i].hamlet]);
        set_int(L, "product", f[i].product + 1);
        set_int(L, "members", f[i].members);
        int needed = p[f[i].product].group_min - f[i].members;
        set_int(L, "needed", needed > 0 ? needed : 0);
        set_int(L, "months_waiting", ud_sim_month(sim) - f[i].started_month);
        set_str(L, "blocked", ud_forming_block_text(f[i].blocked));
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

void api_register_views(lua_State *L) {
    static const luaL_Reg fns[] = {{"month", l_month},
                                   {"months", l_months},
                                   {"indicator", l_indicator},
                                   {"peak", l_peak},
                                   {"lowest", l_lowest},
                                   {"applications", l_applications},
                                   {"offers", l_offers},
                                   {"products", l_products},
                                   {"officers", l_officers},
                                   {"market_wage", l_market_wage},
                                   {"minimum_wage", l_minimum_wage},
                                   {"borrowings", l_borrowings},
                                   {"policy", l_policy},
                                   {"household", l_household},
                                   {"household_count", l_household_count},
                                   {"rate_cap", l_rate_cap},
                                   {"forming_groups", l_forming_groups},
                                   {NULL, NULL}};
    for (const luaL_Reg *f = fns; f->name != NULL; f++) {
        lua_register(L, f->name, f->func);
    }
}

/* ---- commands (strategies) ---- */

static int apply(lua_State *L, const ud_command *c) {
    ud_game *g = game_of(L);
    char err[256];
    if (!ud_game_command(g, c, err, sizeof err)) {
        /* "index" is the engine's name for the household or officer a script passes first;
         * the message names which itself ("household 3 has no active loan") */
        const char *why = strncmp(err, "index: ", 7) == 0 ? err + 7 : err;
        return luaL_error(L, "%s refused: %s", ud_command_name(c->type), why);
    }
    return 0;
}

static ud_command command(ud_command_type type) {
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = type;
    return c;
}

static int l_approve(lua_State *L) {
    ud_command c = command(UD_CMD_APPROVE);
    c.index = api_arg_int(L, 1, "approve", 1, INT32_MAX);
    return apply(L, &c);
}

static int l_reject(lua_State *L) {
    ud_command c = command(UD_CMD_REJECT);
    c.index = api_arg_int(L, 1, "reject", 1, INT32_MAX);
    return apply(L, &c);
}

static int l_resize(lua_State *L) {
    ud_command c = command(UD_CMD_RESIZE);
    c.index = api_arg_int(L, 1, "resize", 1, INT32_MAX);
    c.amount = luaL_checkinteger(L, 2);
    return apply(L, &c);
}

/* set_product(1, { rate = 30, installments = 16 }): changes the named terms only. */
static int l_set_product(lua_State *L) {
    ud_sim *sim = sim_of(L);
    lua_Integer id = luaL_checkinteger(L, 1);
    api_check_plain_table(L, 2, "set_product");
    int n;
    const ud_product *products = ud_sim_products(sim, &n);
    if (id < 1 || id > n) {
        return luaL_error(L, "set_product: no product %I (1..%d)", id, n);
    }
    ud_command c = command(UD_CMD_SET_PRODUCT);
    c.index = (int)id - 1;
    c.product = products[id - 1];
    api_read_product(L, 2, &c.product, "set_product", false);
    return apply(L, &c);
}

static int l_open_product(lua_State *L) {
    ud_command c = command(UD_CMD_OPEN_PRODUCT);
    c.index = api_arg_int(L, 1, "open_product", 1, INT32_MAX) - 1;
    return apply(L, &c);
}

static int l_close_product(lua_State *L) {
    ud_command c = command(UD_CMD_CLOSE_PRODUCT);
    c.index = api_arg_int(L, 1, "close_product", 1, INT32_MAX) - 1;
    return apply(L, &c);
}

static int l_set_policy(lua_State *L) {
    api_check_plain_table(L, 1, "set_policy");
    ud_command c = command(UD_CMD_SET_POLICY);
    c.policy = *ud_sim_policy(sim_of(L));
    api_read_policy(L, 1, &c.policy, "set_policy");
    return apply(L, &c);
}

/* hire{ count = 2, salary = 2000000, training = 1 }; without a salary, the recruits are
 * paid the market wage for their level, as a manager hiring in the village would have to */
static int l_hire(lua_State *L) {
    static const char *const keys[] = {"count", "salary", "training", NULL};
    api_check_keys(L, 1, "hire{}", keys);
    ud_command c = command(UD_CMD_HIRE);
    c.count = (int)api_integer(L, 1, "hire{}", "count", 1, 1, 20);
    c.level = (int)api_integer(L, 1, "hire{}", "training", 0, 0, 3);
    c.amount = (ud_money)api_number(L, 1, "hire{}", "salary",
                                    (double)ud_sim_market_wage(sim_of(L), c.level), 1, 1e12);
    return apply(L, &c);
}

static int l_fire(lua_State *L) {
    ud_command c = command(UD_CMD_FIRE);
    c.index = api_arg_int(L, 1, "fire", 1, INT32_MAX) - 1;
    return apply(L, &c);
}

/* set_salary(2, 2400000): officer 2's monthly pay from now on */
static int l_set_salary(lua_State *L) {
    ud_command c = command(UD_CMD_SET_SALARY);
    c.index = api_arg_int(L, 1, "set_salary", 1, INT32_MAX) - 1;
    c.amount = api_arg_integer(L, 2, "set_salary");
    return apply(L, &c);
}

/* train(2) or train("all") */
static int l_train(lua_State *L) {
    ud_command c = command(UD_CMD_TRAIN);
    if (lua_type(L, 1) == LUA_TSTRING && strcmp(lua_tostring(L, 1), "all") == 0) {
        c.index = -1;
    } else {
        c.index = api_arg_int(L, 1, "train", 1, INT32_MAX) - 1; /* never -1: "all" says it */
    }
    return apply(L, &c);
}

static int l_audit(lua_State *L) {
    ud_command c = command(UD_CMD_AUDIT);
    return apply(L, &c);
}

static int l_accept(lua_State *L) {
    ud_command c = command(UD_CMD_ACCEPT_OFFER);
    c.index = api_arg_int(L, 1, "accept", 1, INT32_MAX) - 1;
    return apply(L, &c);
}

static int l_decline(lua_State *L) {
    ud_command c = command(UD_CMD_DECLINE_OFFER);
    c.index = api_arg_int(L, 1, "decline", 1, INT32_MAX) - 1;
    return apply(L, &c);
}

static int l_borrow(lua_State *L) {
    ud_command c = command(UD_CMD_BORROW);
    c.amount = luaL_checkinteger(L, 1);
    c.count = api_arg_int(L, 2, "borrow", 1, INT32_MAX);
    return apply(L, &c);
}

static int l_repay(lua_State *L) {
    ud_command c = command(UD_CMD_REPAY);
    c.index = api_arg_int(L, 1, "repay", 1, INT32_MAX) - 1;
    c.amount = luaL_checkinteger(L, 2);
    return apply(L, &c);
}

static int l_set_savings_rate(lua_State *L) {
    ud_command c = command(UD_CMD_SET_SAVINGS_RATE);
    lua_Number percent = luaL_checknumber(L, 1);
    if (!(percent >= 0 && percent <= 100)) {
        return luaL_error(L, "bad argument #1 to 'set_savings_rate' (a percentage from 0 to 100)");
    }
    c.rate = (ud_rate)(percent * (double)UD_RATE_PER_PERCENT);
    return apply(L, &c);
}

static int l_set_follow_up(lua_State *L) {
    ud_command c = command(UD_CMD_SET_FOLLOW_UP);
    c.share = luaL_checknumber(L, 1);
    return apply(L, &c);
}

static int l_reschedule(lua_State *L) {
    ud_command c = command(UD_CMD_RESCHEDULE);
    c.index = api_arg_int(L, 1, "reschedule", 1, INT32_MAX) - 1;
    /* the engine then holds the count to the loan's own term, and says so */
    c.count = api_arg_int(L, 2, "reschedule", 1, UD_MAX_INSTALLMENTS);
    /* an optional grace period: the first instalments of the new schedule pay interest only */
    c.level = lua_isnoneornil(L, 3) ? 0 : api_arg_int(L, 3, "reschedule", 0, UD_MAX_INSTALLMENTS);
    return apply(L, &c);
}

static int l_write_off(lua_State *L) {
    ud_command c = command(UD_CMD_WRITE_OFF);
    c.index = api_arg_int(L, 1, "write_off", 1, INT32_MAX) - 1;
    return apply(L, &c);
}

/* The commands: what a strategy (and the trainee, through the game) can decide. */
static const luaL_Reg strategy_commands[] = {{"approve", l_approve},
                                             {"reject", l_reject},
                                             {"resize", l_resize},
                                             {"set_product", l_set_product},
                                             {"open_product", l_open_product},
                                             {"close_product", l_close_product},
                                             {"set_policy", l_set_policy},
                                             {"hire", l_hire},
                                             {"fire", l_fire},
                                             {"set_salary", l_set_salary},
                                             {"train", l_train},
                                             {"audit", l_audit},
                                             {"accept", l_accept},
                                             {"decline", l_decline},
                                             {"borrow", l_borrow},
                                             {"repay", l_repay},
                                             {"set_savings_rate", l_set_savings_rate},
                                             {"set_follow_up", l_set_follow_up},
                                             {"reschedule", l_reschedule},
                                             {"write_off", l_write_off},
                                             {NULL, NULL}};

/* A scenario that calls a command learns that commands are the strategy's and the
 * trainee's, not a typo (the command's name is the upvalue). */
static int l_command_in_scenario(lua_State *L) {
    return luaL_error(L,
                      "%s is a command for strategies and the trainee; a scenario acts on the "
                      "game through shock, offer, political, news and ask",
                      lua_tostring(L, lua_upvalueindex(1)));
}

void api_register_scenario_command_hints(lua_State *L) {
    for (const luaL_Reg *f = strategy_commands; f->name != NULL; f++) {
        lua_pushstring(L, f->name);
        lua_pushcclosure(L, l_command_in_scenario, 1);
        lua_setglobal(L, f->name);
    }
}

void api_register_strategy(lua_State *L) {
    api_register_views(L);
    const luaL_Reg *fns = strategy_commands;
    for (const luaL_Reg *f = fns; f->name != NULL; f++) {
        lua_register(L, f->name, f->func);
    }
    lua_newtable(L);
    lua_setglobal(L, "mem");
}
