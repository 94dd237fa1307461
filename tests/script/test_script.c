/* Tests of the Lua layer: every part of the scenario API, errors at the author's line, and
 * hostile scripts that must end in a clear message without crashing or hanging. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ud/game.h"
#include "ud/scores.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "script_fixture.h"

/* Loading must fail with a message that contains `expected`. */
static void load_fails_with(const char *path, const char *expected) {
    ud_game_options o = options();
    ud_game *g = ud_game_load(path, &o, err, sizeof err);
    if (g != NULL) {
        ud_game_free(g);
        fail_msg("expected %s to fail with '%s', but it loaded", path, expected);
    }
    if (strstr(err, expected) == NULL) {
        fail_msg("expected the message to contain '%s', got: %s", expected, err);
    }
}

static bool has_problem(ud_game *g, const char *expected) {
    int n;
    const char *const *p = ud_game_problems(g, &n);
    for (int i = 0; i < n; i++) {
        if (strstr(p[i], expected) != NULL) {
            return true;
        }
    }
    return false;
}

static void play_all(ud_game *g) {
    while (ud_game_play_month(g)) {
    }
}

#define HEAD "scenario { id = 't', title = 'T', months = 6 }\n"

/* ---- the API, part by part ---- */

static void test_script_scenario_metadata(void **state) {
    (void)state;
    ud_game *g =
        load_ok(script("meta.lua", "scenario { id = 'm', title = 'Meta', module = 'm3-women',\n"
                                   "  difficulty = 4, months = 18, seed = 99, language = 'fr',\n"
                                   "  currency = { code = 'USD', minor_units = 2 },\n"
                                   "  objectives = { 'one', 'two' }, briefing = 'Hello' }\n"));
    const ud_scenario_info *in = ud_game_info(g);
    assert_string_equal(in->id, "m");
    assert_string_equal(in->title, "Meta");
    assert_string_equal(in->module, "m3-women");
    assert_int_equal(in->difficulty, 4);
    assert_int_equal(in->months, 18);
    assert_int_equal(in->seed, 99);
    assert_string_equal(in->currency, "USD");
    assert_int_equal(in->minor_units, 2);
    assert_int_equal(in->objective_count, 2);
    assert_string_equal(in->briefing, "Hello");
    assert_int_equal(ud_game_months(g), 18);
    ud_game_free(g);
}

static void test_script_village_mfi_products_households(void **state) {
    (void)state;
    ud_game *g = load_ok(script(
        "setup.lua", HEAD "village { households = 120, hamlets = { 'A', 'B' }, women_share = 0.7,\n"
                          "  business_mix = { trade = 1 }, median_income = 1000000 }\n"
                          "mfi { institution = 'cooperative', equity = 50000000,\n"
                          "  officers = { count = 3, training = 2 }, savings_rate = 3,\n"
                          "  policy = { women_only = true } }\n"
                          "product { name = 'P', rate = 20, installments = 10, min = 1000,\n"
                          "  max = 900000, group = { min = 3, max = 5 } }\n"
                          "households { { name = 'Ibu A', hamlet = 'B', business = 'crafts',\n"
                          "  income = 750000, members = 3 } }\n"));
    ud_sim *sim = ud_game_sim(g);
    assert_int_equal(ud_sim_household_count(sim), 120);
    const ud_setup *s = ud_sim_setup(sim);
    assert_int_equal(s->village.hamlets, 2);
    assert_int_equal(s->mfi.institution, UD_INST_COOPERATIVE);
    int n;
    const ud_product *p = ud_sim_products(sim, &n);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].name, "P");
    assert_true(p[0].group_liability);
    assert_int_equal(p[0].terms.annual_rate, UD_RATE_PERCENT(20));
    ud_sim_officers(sim, &n);
    assert_int_equal(n, 3);
    assert_true(ud_sim_policy(sim)->women_only);
    ud_household_view h;
    ud_sim_household(sim, 0, &h);
    assert_int_equal(h.hamlet, 1);
    assert_int_equal(h.business, UD_BIZ_CRAFTS);
    assert_int_equal(h.monthly_income, 750000);
    ud_game_free(g);
}

/* A goal over months is judged on their mean, or with take = "worst" on the worst of them:
 * the highest for a limit from above, the lowest for a floor. */
static void test_script_goals_take_the_mean_or_the_worst_month(void **state) {
    (void)state;
    ud_game *g =
        load_ok(script("take.lua", HEAD "village { households = 200 }\n"
                                        "goal { indicator = 'cash', below = 1e18, from = 2, "
                                        "month = 6 }\n"
                                        "goal { indicator = 'cash', below = 1e18, from = 2, "
                                        "take = 'worst', month = 6 }\n"
                                        "goal { indicator = 'cash', above = 0, from = 2, "
                                        "take = 'worst', month = 6 }\n"));
    play_all(g);
    int n;
    const ud_goal *goals = ud_game_goals(g, &n);
    assert_int_equal(n, 3);
    double sum = 0, high = -1e300, low = 1e300, v;
    for (int m = 2; m <= 6; m++) {
        assert_true(ud_indicator_value(ud_game_sim(g), "cash", m, &v));
        sum += v;
        high = v > high ? v : high;
        low = v < low ? v : low;
    }
    assert_true(high > low); /* the months differ, so the three values do */
    double mean, worst_below, worst_above;
    assert_true(ud_goal_judged_value(g, &goals[0], 6, &mean));
    assert_true(ud_goal_judged_value(g, &goals[1], 6, &worst_below));
    assert_true(ud_goal_judged_value(g, &goals[2], 6, &worst_above));
    assert_true(fabs(mean - sum / 5) < 1e-6);
    assert_true(worst_below == high);
    assert_true(worst_above == low);
    ud_game_free(g);
}

/* A unit that cannot pay what it owes has failed: its institution scores nothing in the
 * month it became insolvent, whatever its ratios (a trainer's over-borrowed unit, insolvent
 * in every run, outscored the sound ones). */
static void test_script_an_insolvent_unit_scores_nothing_as_an_institution(void **state) {
    (void)state;
    ud_game *g = load_ok(script("insolvent.lua", HEAD "village { households = 100 }\n"
                                                      "mfi { equity = 50000000, officers = { "
                                                      "count = 4, salary = 9000000 } }\n"));
    play_all(g);
    const ud_sim *sim = ud_game_sim(g);
    assert_true(ud_sim_insolvent(sim));
    ud_scores s;
    ud_scores_compute(sim, &s);
    assert_true(s.institution == 0);
    for (int k = 0; k < s.institution_parts; k++) {
        assert_true(s.institution_part[k].points == 0);
    }
    ud_game_free(g);
}

static void test_script_goals_and_lessons(void **state) {
    (void)state;
    ud_game *g = load_ok(script("goals.lua", HEAD
                                "goal { indicator = 'active_borrowers', above = 1, month = 6 }\n"
                                "goal { indicator = 'par30', below = -1, month = 6 }\n"
                                "lose_if { indicator = 'cash', below = 0 }\n"
                                "goal { indicator = 'equity', above = 0.5, of_start = true }\n"
                                "goal { indicator = 'equity', above = 2, of_start = true }\n"
                                "lesson { text = 'always' }\n"
                                "lesson { text = 'never', when = function() return false end }\n"));
    play_all(g);
    int n;
    const ud_goal *goals = ud_game_goals(g, &n);
    assert_int_equal(n, 5);
    assert_int_equal(goals[0].state, 1);
    assert_int_equal(goals[1].state, 0);
    assert_int_equal(goals[2].state, -1);
    /* of_start: judged against the opening value (equity kept above half, not doubled) */
    assert_int_equal(goals[3].state, 1);
    assert_int_equal(goals[4].state, 0);
    assert_int_equal(ud_game_end_state(g), UD_END_FINISHED);
    char lessons[4][UD_TEXT_LEN];
    assert_int_equal(ud_game_lessons(g, lessons, 4), 1);
    assert_string_equal(lessons[0], "always");
    ud_game_free(g);
}

/* goal { from = ... }: judged on the mean of the months, not on the last one. The portfolio
 * grows from nothing, so a threshold between the mean and the last month's value is met by
 * the last month alone and missed by the mean. */
static void test_script_goal_over_months(void **state) {
    (void)state;
    ud_game *first = load_ok(script("grow.lua", HEAD "village { households = 300 }\n"));
    play_all(first);
    double sum = 0, last = 0;
    for (int m = 1; m <= 6; m++) {
        last = ud_sim_indicators(ud_game_sim(first), m)->active_borrowers;
        sum += last;
    }
    ud_game_free(first);
    double mean = sum / 6, between = (mean + last) / 2;
    assert_true(last > mean + 2);
    char text[512];
    snprintf(text, sizeof text,
             HEAD "village { households = 300 }\n"
                  "goal { indicator = 'active_borrowers', above = %.1f, month = 6 }\n"
                  "goal { indicator = 'active_borrowers', above = %.1f, from = 1, month = 6 }\n",
             between, between);
    ud_game *g = load_ok(script("grow_goals.lua", text));
    play_all(g);
    int n;
    const ud_goal *goals = ud_game_goals(g, &n);
    assert_int_equal(n, 2);
    assert_int_equal(goals[0].state, 1); /* the last month is above */
    assert_int_equal(goals[1].state, 0); /* the months' mean is not */
    ud_game_free(g);
}

static void test_script_events_and_actions(void **state) {
    (void)state;
    ud_game *g =
        load_ok(script("events.lua", HEAD
                       "at_month(2, function()\n"
                       "  shock { kind = 'drought', severity = 0.5, months = 2, text = 'dry' }\n"
                       "  mem.offer = offer { kind = 'grant_cash', amount = 1000, text = 'gift' }\n"
                       "  political { kind = 'waiver_promise', months = 2, strength = 0.2 }\n"
                       "  ask { text = 'Q?', options = { 'a', 'b' },\n"
                       "        answer = function(c) mem.choice = c; news('answered ' .. c) end }\n"
                       "end)\n"
                       "on('month_closed', function(e) mem.closed = (mem.closed or 0) + 1 end)\n"
                       "when(function() return month() >= 4 end, function() news('four') end)\n"
                       "every_month(function(m) mem.last = m end)\n"));
    play_all(g);
    int n;
    const ud_news *news = ud_game_news(g, &n);
    bool dry = false, gift = false, answered = false, four = false;
    for (int i = 0; i < n; i++) {
        dry |= strcmp(news[i].text, "dry") == 0;
        gift |= strcmp(news[i].text, "gift") == 0;
        answered |= strcmp(news[i].text, "answered 1") == 0;
        four |= strcmp(news[i].text, "four") == 0 && news[i].month == 4;
    }
    assert_true(dry && gift && answered && four);
    const ud_question *q = ud_game_questions(g, &n);
    assert_int_equal(n, 1);
    assert_int_equal(q[0].answer, 1);
    ud_sim_offers(ud_game_sim(g), &n);
    assert_int_equal(n, 1);
    ud_game_free(g);
    /* a question's default is what deciding nothing amounts to: a strategy without answer()
     * gets it; one with answer() chooses; a default outside the options is refused */
    const char *asks = HEAD "at_month(1, function()\n"
                            "  ask { text = 'Q?', options = { 'a', 'b', 'c' }, default = 3,\n"
                            "        answer = function(c) mem.choice = c end }\n"
                            "end)\n";
    g = load_ok(script("default.lua", asks));
    ud_game_play_month(g);
    ud_game_play_month(g); /* answered as the next month opens */
    q = ud_game_questions(g, &n);
    assert_int_equal(q[0].answer, 3);
    ud_game_free(g);
    g = load_ok(script("default.lua", asks));
    assert_true(ud_game_set_strategy(
        g, script("answers2.lua", "function answer(q) return 2 end\nfunction decide(m) end\n"), err,
        sizeof err));
    ud_game_play_month(g);
    ud_game_play_month(g);
    q = ud_game_questions(g, &n);
    assert_int_equal(q[0].answer, 2);
    ud_game_free(g);
    g = load_ok(script("default4.lua", HEAD "at_month(1, function()\n"
                                            "  ask { text = 'Q?', options = { 'a', 'b' }, "
                                            "default = 3, answer = function(c) end }\n"
                                            "end)\n"));
    ud_game_play_month(g);
    int np;
    const char *const *problems = ud_game_problems(g, &np);
    bool said = false;
    for (int i = 0; i < np; i++) {
        said |= strstr(problems[i], "default4.lua:3: ask{}: default") != NULL;
    }
    assert_true(said);
    ud_game_free(g);
}

/* The economy's scenario parameters and views: market, wages, an opening portfolio, forming
 * groups. */
static void test_script_economy_parameters_and_views(void **state) {
    (void)state;
    ud_game *g = load_ok(script(
        "economy.lua",
        HEAD "village { households = 600, going_rate = 35, competitor_rate = 25,\n"
             "  officer_wage = 2500000, minimum_wage = 1200000, capture_rate = 0.3 }\n"
             "mfi { institution = 'village_bank', equity = 900000000, bank_deposit_rate = 3,\n"
             "  officers = { count = 2, salary = 2500000, experience_months = 12 },\n"
             "  policy = { hide_apr = true },\n"
             "  opening = { clients = 100, product = 2, months_old = 5, in_arrears = 0.05,\n"
             "              savings = 100000, repaid_loans = 1 } }\n"
             "product { name = 'G', method = 'flat', rate = 24, installments = 25,\n"
             "  frequency = 'weekly', min = 500000, max = 5000000, group = { min = 5, max = 8 } }\n"
             "product { name = 'I', rate = 30, installments = 12, min = 1000000, max = 9000000 }\n"
             "at_month(2, function() shock { kind = 'flood', share = 1, severity = 0.6 } end)\n"));
    const ud_setup *s = ud_sim_setup(ud_game_sim(g));
    assert_true(s->village.going_rate > 0.349 && s->village.going_rate < 0.351);
    assert_int_equal(s->village.minimum_wage, 1200000);
    assert_int_equal(s->mfi.bank_deposit_rate, UD_RATE_PERCENT(3));
    assert_int_equal(s->mfi.opening.product, 1);
    assert_true(s->mfi.policy.hide_apr);
    assert_int_equal(ud_sim_indicators(ud_game_sim(g), 0)->active_borrowers, 100);
    const char *strategy = script(
        "economy_strategy.lua",
        "function decide(m)\n"
        "  local f = forming_groups()\n"
        "  assert(type(f) == 'table')\n"
        "  for _, g in ipairs(f) do assert(g.hamlet and g.members >= 1 and g.blocked) end\n"
        "  if m > 1 then assert(indicator('capture_share') and "
        "indicator('rescheduled_ratio')) end\n"
        "  assert(policy().hide_apr == true)\n"
        "  local struck = 0\n"
        "  for i = 1, household_count() do\n"
        "    assert(type(household(i).hardship) == 'boolean')\n"
        "    if household(i).hardship then struck = struck + 1 end\n"
        "  end\n"
        "  if m == 3 then assert(struck > 300, 'a flood leaves households in hardship') end\n"
        "end\n");
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    play_all(g);
    int n;
    const char *const *problems = ud_game_problems(g, &n);
    if (n > 0) {
        fail_msg("the strategy reported: %s", problems[0]);
    }
    ud_game_free(g);
    load_fails_with(script("low_wage.lua", HEAD "mfi { officers = { salary = 500000 } }\n"),
                    "minimum wage");
    load_fails_with(
        script("bad_opening.lua", HEAD "mfi { opening = { clients = 10, product = 7 } }\n"),
        "mfi.opening.product");
}

static void test_script_strategy_commands_and_views(void **state) {
    (void)state;
    ud_game *g = load_ok(script("plain.lua", HEAD));
    const char *strategy = script(
        "strategy.lua", "function decide(m)\n"
                        "  if m == 1 then hire { count = 2, salary = 2000000, training = 1 } end\n"
                        "  if m == 2 then set_product(1, { rate = 30 }) end\n"
                        "  if m == 3 then set_policy { first_loan_cap = 1000000 } end\n"
                        "  for _, a in ipairs(applications()) do\n"
                        "    if a.decision == 'approved' then reject(a.id) end\n"
                        "  end\n"
                        "  assert(type(indicator('cash', 0) or 0) == 'number')\n"
                        "  assert(#products() == 2 and #officers() >= 1)\n"
                        "end\n"
                        "function answer(q) return 2 end\n");
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    play_all(g);
    int n;
    ud_sim_officers(ud_game_sim(g), &n);
    assert_int_equal(n, ud_sim_setup(ud_game_sim(g))->mfi.officers.count + 2);
    const ud_product *p = ud_sim_products(ud_game_sim(g), &n);
    assert_int_equal(p[0].terms.annual_rate, UD_RATE_PERCENT(30));
    assert_int_equal(ud_sim_policy(ud_game_sim(g))->first_loan_cap, 1000000);
    ud_game_problems(g, &n);
    assert_int_equal(n, 0);
    ud_game_free(g);
}

/* hire{} without a salary pays the recruit the market wage for its level, which
 * market_wage(level) and officers() report alike; a level outside 0-3 is an error. */
static void test_script_hire_defaults_to_the_market_wage(void **state) {
    (void)state;
    ud_game *g = load_ok(script("wage.lua", HEAD "village { officer_wage = 2000000 }\n"));
    const char *strategy =
        script("wage_strategy.lua",
               "function decide(m)\n"
               "  assert(market_wage(1) == 2000000 and market_wage(2) > market_wage(1))\n"
               "  if m == 1 then hire { count = 1, training = 2 } end\n"
               "  if m == 2 then\n"
               "    local o = officers()[#officers()]\n"
               "    assert(o.training == 2 and o.salary == market_wage(2), o.salary)\n"
               "    assert(o.market_wage == o.salary)\n"
               "    assert(not pcall(market_wage, 4))\n"
               "  end\n"
               "end\n");
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    play_all(g);
    int n;
    ud_game_problems(g, &n);
    assert_int_equal(n, 0);
    const ud_officer *o = ud_sim_officers(ud_game_sim(g), &n);
    assert_int_equal(o[n - 1].salary, ud_sim_market_wage(ud_game_sim(g), 2));
    ud_game_free(g);
}

/* product { businesses = ... }: households of other businesses never ask for it; products()
 * says whom it is for; an unknown business is an error at its line. */
static void test_script_product_for_some_businesses(void **state) {
    (void)state;
    ud_game *g = load_ok(script("farm.lua", HEAD
                                "village { households = 400 }\n"
                                "product { name = 'Any', rate = 30 }\n"
                                "product { name = 'Farm', rate = 20, businesses = { 'farming', "
                                "'livestock' } }\n"));
    const char *strategy = script(
        "farm_strategy.lua",
        "function decide(m)\n"
        "  local farm = products()[2]\n"
        "  assert(#farm.businesses == 2 and farm.businesses[1] == 'farming')\n"
        "  assert(products()[1].businesses == nil)\n"
        "  for _, a in ipairs(applications()) do\n"
        "    if a.product == 2 then\n"
        "      assert(a.business == 'farming' or a.business == 'livestock', a.business)\n"
        "      mem.farm = (mem.farm or 0) + 1\n"
        "    end\n"
        "  end\n"
        "  if m == 6 then assert((mem.farm or 0) > 0, 'no farmer asked for the farm loan') end\n"
        "end\n");
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    play_all(g);
    int n;
    const char *const *problems = ud_game_problems(g, &n);
    for (int i = 0; i < n; i++) {
        print_message("%s\n", problems[i]);
    }
    assert_int_equal(n, 0);
    ud_game_free(g);
    ud_game_options o = options();
    assert_null(
        ud_game_load(script("farm_bad.lua", HEAD "product { businesses = { 'fishing' } }\n"), &o,
                     err, sizeof err));
    assert_non_null(strstr(err, "farm_bad.lua:2:"));
    assert_non_null(strstr(err, "'fishing' is not a business"));
}

static void test_script_translations(void **state) {
    (void)state;
    ud_game_options o = options();
    o.language = "fr";
    ud_game *g = ud_game_load(script("tr.lua", HEAD "translate('fr', { Hello = 'Bonjour' })\n"), &o,
                              err, sizeof err);
    assert_non_null(g);
    assert_string_equal(ud_game_text(g, "Hello"), "Bonjour");
    assert_string_equal(ud_game_text(g, "Other"), "Other");
    ud_game_free(g);
}

static void test_script_is_deterministic(void **state) {
    (void)state;
    const char *path =
        script("random.lua", HEAD "every_month(function()\n"
                                  "  local t = { z = 1, a = 2, m = 3, [10] = 4, [2] = 5 }\n"
                                  "  local s = ''\n"
                                  "  for k in pairs(t) do s = s .. tostring(k) end\n"
                                  "  news(s .. ':' .. math.random(1000000))\n"
                                  "end)\n");
    char first[6][UD_TEXT_LEN];
    for (int run = 0; run < 2; run++) {
        ud_game *g = load_ok(path);
        play_all(g);
        int n;
        const ud_news *news = ud_game_news(g, &n);
        assert_int_equal(n, 6);
        for (int i = 0; i < n; i++) {
            assert_int_equal(strncmp(news[i].text, "210amz:", 7), 0); /* a fixed key order */
            if (run == 0) {
                snprintf(first[i], UD_TEXT_LEN, "%s", news[i].text);
            } else {
                assert_string_equal(first[i], news[i].text);
            }
        }
        ud_game_free(g);
    }
}

/* ---- errors at the author's line ---- */

static void test_script_errors_name_file_and_line(void **state) {
    (void)state;
    load_fails_with(script("e1.lua", HEAD "village {\n  housholds = 300 }\n"),
                    "e1.lua:3: village{}: unknown key 'housholds' (did you mean 'households'?)");
    load_fails_with(script("e2.lua", HEAD "\nvillage { households = 0 }\n"),
                    "e2.lua:3: village{}: households must be between 1 and 1000000 (got 0)");
    /* in a list of tables the key is written once for each: the line is the one whose value
     * is at fault, not the list's first line nor the first element's key */
    load_fails_with(script("e2c.lua", HEAD "households {\n  { name = 'A', woman = true },\n"
                                           "  { name = 'B',\n    woman = 'no' },\n}\n"),
                    "e2c.lua:5: households{}[2]: woman must be true or false (got string)");
    load_fails_with(script("e2d.lua", HEAD "households {\n  { name = 'A', members = 4 },\n"
                                           "  { name = 'B',\n    members = 99 },\n}\n"),
                    "e2d.lua:5: households{}[2]: members must be between");
    /* a whole number too large is out of range, not "not a whole number" */
    load_fails_with(
        script("e2b.lua", HEAD "\nvillage { households = 2^70 }\n"),
        "e2b.lua:3: village{}: households must be between 1 and 1000000 (got 1.1805916207174e+21)");
    load_fails_with(script("e3.lua", HEAD "product { rate = 'high' }\n"),
                    "e3.lua:2: product{}: rate must be a number of percent such as 24 or '24%' "
                    "(got 'high')");
    /* `when = mem.flag` reads nil at load: refused, or the lesson shows after every game; a
     * lesson without `when` is always shown, and one written on the next statement's lines
     * does not count */
    load_fails_with(script("e3w.lua", HEAD "local mem = {}\nlesson { text = 'A',\n"
                                           "  when = mem.flag }\n"),
                    "lesson{}: when must be a function returning true or false (got nil");
    ud_game_free(load_ok(script("e3v.lua", HEAD "lesson { text = 'Always' }\nlesson { text = "
                                                "'B', when = function() return true end }\n")));
    /* a wrong type is reported at the key's own line, not at the table's first */
    load_fails_with(script("e3b.lua", HEAD "village {\n  median_income = 2000000,\n"
                                           "  households = '900' }\n"),
                    "e3b.lua:4: village{}: households must be a whole number (got string)");
    {
        /* a rate may be written with its percent sign, as the guide shows */
        ud_game *g = load_ok(script("e3c.lua", HEAD "product { rate = '24%', installments = 12, "
                                                    "min = 100000, max = 900000 }\n"));
        int n;
        const ud_product *p = ud_sim_products(ud_game_sim(g), &n);
        assert_int_equal(p[n - 1].terms.annual_rate, UD_RATE_PERCENT(24));
        ud_game_free(g);
    }
    load_fails_with(script("e4.lua", HEAD "product { method = 'flatt' }\n"),
                    "e4.lua:2: product{}: method 'flatt' is not one of flat, declining-annuity, "
                    "declining-equal-principal (did you mean 'flat'?)");
    load_fails_with(script("e5.lua", HEAD "local x = undefined_name\n"),
                    "e5.lua:2: undeclared global 'undefined_name'");
    load_fails_with(script("e6.lua", HEAD "goal { indicator = 'par31', below = 1 }\n"),
                    "e6.lua:2: goal{}: unknown indicator 'par31' (did you mean 'par30'?)");
    /* an unknown key without a near miss lists the keys the table takes */
    load_fails_with(script("e6d.lua", HEAD "village { business_mix = { fishing = 50 } }\n"),
                    "business_mix: unknown key 'fishing' (it takes trade, farming, livestock, "
                    "crafts, services)");
    /* the long names trainers write get the short one, anything else the guide's list */
    load_fails_with(script("e6b.lua", HEAD "goal { indicator = 'operational_self_sufficiency', "
                                           "above = 1 }\n"),
                    "unknown indicator 'operational_self_sufficiency' (did you mean 'oss'?)");
    load_fails_with(script("e6c.lua", HEAD "goal { indicator = 'happiness', above = 1 }\n"),
                    "unknown indicator 'happiness' (the names are listed under Indicators");
    load_fails_with(script("e7.lua", "village { households = 10 }\n"), "scenario{} is missing");
    load_fails_with(
        script("e8.lua", HEAD "on('group_colapsed', function() end)\n"),
        "e8.lua:2: on: unknown event 'group_colapsed' (did you mean 'group_collapsed'?)");
    load_fails_with(script("e9.lua", HEAD "at_month(7, function() end)\n"),
                    "e9.lua:2: at_month: month 7 is after the scenario ends (month 6)");
    load_fails_with(script("e10.lua", HEAD "x = = 1\n"), "e10.lua:2:");
    load_fails_with(script("e11.lua", HEAD "shock { kind = 'drought' }\n"),
                    "e11.lua:2: shock{} can only be used in a handler");
    /* checks of the whole set-up, once the file has run, point at the declaration */
    load_fails_with(script("e12.lua", HEAD "\nmfi {\n  equity = 0, fixed_assets = 5000000 }\n"),
                    "e12.lua:3: mfi.fixed_assets: more than the equity and borrowings");
}

static void test_script_runtime_errors_are_reported_and_play_goes_on(void **state) {
    (void)state;
    ud_game *g = load_ok(script("rt.lua", HEAD "every_month(function()\n"
                                               "  village { households = 3 }\n"
                                               "end)\n"));
    play_all(g);
    assert_int_equal(ud_game_end_state(g), UD_END_FINISHED);
    assert_true(has_problem(g, "rt.lua:3: village{} can only be used at the top of a scenario"));
    assert_true(has_problem(g, "failed 3 times in a row and was disabled"));
    ud_game_free(g);
    /* a news line too long is refused at its line, not cut mid-sentence before trainees */
    g = load_ok(script("rt2.lua", HEAD "at_month(2, function()\n"
                                       "  news(string.rep('fish ', 200))\n"
                                       "end)\n"));
    play_all(g);
    assert_true(has_problem(g, "rt2.lua:3: news: the text is 1000 bytes, at most 511"));
    int n;
    ud_game_news(g, &n);
    assert_int_equal(n, 0);
    ud_game_free(g);
    /* a value that is no number to show is refused, not shown as "-nan" */
    g = load_ok(script("rt4.lua", HEAD "at_month(2, function()\n"
                                       "  news('%d households', 0/0)\n"
                                       "end)\n"));
    play_all(g);
    assert_true(has_problem(g, "rt4.lua:3: news: value 1 is not a finite number"));
    ud_game_free(g);
    /* news at the top of the file has no month to be shown in */
    load_fails_with(script("rt3.lua", HEAD "news('hello')\n"),
                    "rt3.lua:2: news() can only be used in a handler");
}

/* A debrief that shows fewer lessons than the scenario has still judges them all once: asked
 * for 8 of 9, each call (each frame) ran the conditions again, and a condition with its own
 * state flickered. */
static void test_script_lessons_are_judged_once_whatever_the_count_asked(void **state) {
    (void)state;
    char source[2048];
    int n = snprintf(source, sizeof source, "%s",
                     "scenario { id = 't', title = 'T', months = 2 }\nmem.calls = 0\n");
    for (int i = 0; i < 9; i++) {
        n += snprintf(source + n, sizeof source - (size_t)n,
                      "lesson { text = 'L%d', when = function() mem.calls = mem.calls + 1 "
                      "return mem.calls %% 2 == 1 end }\n",
                      i);
    }
    ud_game *g = load_ok(script("nine.lua", source));
    play_all(g);
    char out[8][UD_TEXT_LEN];
    int first = ud_game_lessons(g, out, 8);
    char kept[8][UD_TEXT_LEN];
    memcpy(kept, out, sizeof kept);
    for (int frame = 0; frame < 5; frame++) {
        assert_int_equal(ud_game_lessons(g, out, 8), first);
        for (int i = 0; i < first; i++) {
            assert_string_equal(out[i], kept[i]);
        }
    }
    assert_int_equal(first, 5); /* the 1st, 3rd, 5th, 7th and 9th */
    char all[32][UD_TEXT_LEN];
    assert_int_equal(ud_game_lessons(g, all, 32), 5);
    assert_string_equal(all[4], "L8");
    ud_game_free(g);
}

/* ---- hostile scripts ---- */

static double seconds_to_load(const char *path, const char *expected) {
    clock_t start = clock();
    load_fails_with(path, expected);
    return (double)(clock() - start) / CLOCKS_PER_SEC;
}

static void test_script_hostile_loops_and_recursion_are_stopped(void **state) {
    (void)state;
    double t = seconds_to_load(script("h1.lua", HEAD "while true do end\n"),
                               "h1.lua:2: the script ran too long");
    assert_true(t < 1.0);
    t = seconds_to_load(script("h2.lua", HEAD "local function f() return 1 + f() end\nf()\n"),
                        "h2.lua:2:"); /* a stack overflow, or the memory cap first */
    assert_true(t < 2.0);
    t = seconds_to_load(
        script("h3.lua", HEAD "local ok = pcall(function() while true do end end)\nnews('x')\n"),
        "the script ran too long");
    assert_true(t < 1.0);
    load_fails_with(script("h4.lua", HEAD "xpcall(function() while true do end end, "
                                          "function() return 'caught' end)\n"),
                    "the script ran too long");
}

static void test_script_hostile_memory_bombs_are_stopped(void **state) {
    (void)state;
    load_fails_with(script("m1.lua", HEAD "local t = {}\nfor i = 1, 1e9 do t[i] = i end\n"),
                    "m1.lua:3: the script used more memory than allowed (limit 64 MiB");
    load_fails_with(script("m2.lua", HEAD "local s = string.rep('x', 1 << 40)\n"), "m2.lua:2:");
    load_fails_with(script("m3.lua", HEAD "local s = 'x'\nfor i = 1, 40 do s = s .. s end\n"),
                    "m3.lua:3: the script made a text longer than allowed");
    /* library loops in C, which the instruction budget cannot interrupt, are refused */
    double t = seconds_to_load(script("m5.lua", HEAD "table.move({}, 1, 1 << 40, 1)\n"),
                               "m5.lua:2: the script ran too long");
    assert_true(t < 1.0);
    t = seconds_to_load(script("m6.lua", HEAD "local s = string.rep('a', 100000)\n"
                                              "s:find(string.rep('a-', 20) .. 'b')\n"),
                        "m6.lua:3: pattern too costly");
    assert_true(t < 1.0);
    load_fails_with(script("m4.lua", HEAD "local ok = pcall(function() local t = {}\n"
                                          "  for i = 1, 1e9 do t[i] = {} end end)\n"
                                          "news('survived')\n"),
                    "the script used more memory than allowed");
}

static void test_script_hostile_escapes_are_refused(void **state) {
    (void)state;
    load_fails_with(script("x1.lua", HEAD "io.write('x')\n"), "x1.lua:2: undeclared global 'io'");
    load_fails_with(script("x2.lua", HEAD "os.execute('true')\n"),
                    "x2.lua:2: undeclared global 'os'");
    load_fails_with(script("x3.lua", HEAD "debug.sethook()\n"),
                    "x3.lua:2: undeclared global 'debug'");
    load_fails_with(script("x4.lua", HEAD "package.loadlib('x', 'y')\n"),
                    "x4.lua:2: undeclared global 'package'");
    load_fails_with(script("x5.lua", HEAD "dofile('/etc/passwd')\n"),
                    "x5.lua:2: undeclared global 'dofile'");
    load_fails_with(script("x6.lua", HEAD "require('os')\n"), "x6.lua:2: require 'os'");
    load_fails_with(
        script("x7.lua", HEAD "require('../../etc/passwd')\n"),
        "x7.lua:2: require '../../etc/passwd': only the scenario helpers in a lib/ folder");
    load_fails_with(script("x8.lua", HEAD "assert(load('\\27Lua\\84\\0'))\n"),
                    "x8.lua:2: attempt to load a binary chunk");
    load_fails_with(script("x9.lua", HEAD "setmetatable(_G, nil)\n"),
                    "x9.lua:2: cannot change a protected metatable");
    load_fails_with(script("x10.lua", HEAD "getmetatable('').__index = {}\n"), "x10.lua:2:");
    load_fails_with(script("x11.lua", HEAD "collectgarbage()\n"),
                    "x11.lua:2: undeclared global 'collectgarbage'");
    load_fails_with(script("x12.lua", HEAD "math.randomseed(1)\n"),
                    "x12.lua:2: math.randomseed is not available");
    /* a binary file is refused before Lua reads it */
    FILE *f = fopen(script("x13.lua", ""), "wb");
    fputs("\x1bLua\x54", f);
    fclose(f);
    load_fails_with(path_buf, "a precompiled (binary) chunk");
    ud_game *g =
        load_ok(script("x14.lua", HEAD "local helper = require('lib.common')\n"
                                       "assert(type(helper.approve_pending) == 'function')\n"));
    ud_game_free(g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_script_scenario_metadata),
        cmocka_unit_test(test_script_village_mfi_products_households),
        cmocka_unit_test(test_script_goals_and_lessons),
        cmocka_unit_test(test_script_goals_take_the_mean_or_the_worst_month),
        cmocka_unit_test(test_script_an_insolvent_unit_scores_nothing_as_an_institution),
        cmocka_unit_test(test_script_goal_over_months),
        cmocka_unit_test(test_script_product_for_some_businesses),
        cmocka_unit_test(test_script_events_and_actions),
        cmocka_unit_test(test_script_strategy_commands_and_views),
        cmocka_unit_test(test_script_hire_defaults_to_the_market_wage),
        cmocka_unit_test(test_script_economy_parameters_and_views),
        cmocka_unit_test(test_script_translations),
        cmocka_unit_test(test_script_is_deterministic),
        cmocka_unit_test(test_script_errors_name_file_and_line),
        cmocka_unit_test(test_script_runtime_errors_are_reported_and_play_goes_on),
        cmocka_unit_test(test_script_lessons_are_judged_once_whatever_the_count_asked),
        cmocka_unit_test(test_script_hostile_loops_and_recursion_are_stopped),
        cmocka_unit_test(test_script_hostile_memory_bombs_are_stopped),
        cmocka_unit_test(test_script_hostile_escapes_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
