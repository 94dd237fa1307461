/* Numbers that explain themselves: every figure with its period and unit, its meaning under
 * the mouse, the right plural, French formats in French, no code names; and the screens
 * that help the trainee find their way (tabs with their keys, How to play, the script
 * errors tab only when there are errors). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "debrief_chart.h"
#include "debrief_log.h"
#include "panels.h"
#include "strategy_summary.h"
#include "gui_driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static ud_app *app;

static int setup(void **state) {
    (void)state;
    app = gd_open(UD_TEST_DATA "/numbers");
    gd_settings(app, "en", false);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    gd_close(app);
    return 0;
}

/* No text on screen shows an engine name: snake_case fields, dashed method names. */
static void expect_no_code_names(const char *where) {
    for (int i = 0; i < app->ui.record_count; i++) {
        const char *t = app->ui.records[i].text;
        if (strstr(t, "declining-") != NULL || strstr(t, "equal-principal") != NULL ||
            strstr(t, "annual_rate") != NULL || strstr(t, "field-visit") != NULL ||
            strstr(t, "m1-poverty") != NULL) {
            fail_msg("%s shows a code name: \"%s\"", where, t);
        }
    }
}

static void test_gui_figures_have_period_unit_and_meaning(void **state) {
    (void)state;
    gd_start(app, "m2_credit_line");
    /* the tabs show their number keys; no script errors, no tab for them */
    assert_true(gd_shows_exactly(app, "1 Loan desk"));
    assert_true(gd_shows_exactly(app, "7 News"));
    assert_false(gd_shows(app, "Scenario script errors"));
    gd_key(app, SDLK_8, 0);
    assert_int_equal(app->tab, TAB_DESK);
    /* after a first month in which the loans earned nothing, subsidy dependence is not
     * measured (0 would read as "no subsidy needed" while the unit loses money) */
    gd_play_to(app, 1);
    gd_tab(app, TAB_REPORTS);
    assert_true(gd_shows(app, "not measured yet"));
    assert_false(gd_shows(app, "no subsidy is needed"));
    gd_play_to(app, 4);
    /* the income statement names interest on idle cash; the ratios state their window */
    gd_tab(app, TAB_REPORTS);
    assert_true(gd_shows_exactly(app, "Interest on idle cash"));
    assert_true(gd_shows(app, "Income statement, month 4"));
    assert_true(gd_shows(app, "OSS"));
    assert_true(gd_shows(app, "over the 4 months so far"));
    assert_true(gd_shows(app, "Subsidy dependence"));
    /* not before the sixth month: against a few months' interest any subsidy reads as
     * thousands of percent */
    assert_true(gd_shows(app, "not measured before month 6"));
    gd_play_to(app, 6);
    gd_tab(app, TAB_REPORTS);
    assert_true(gd_shows(app, "rates would have to rise by") ||
                gd_shows(app, "no subsidy is needed"));
    /* the top bar's OSS says its window too, and its meaning is under the mouse */
    assert_true(gd_shows_exactly(app, "OSS, months so far"));
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    SDL_Rect oss = {0, 0, 0, 0};
    for (int i = 0; i < app->ui.record_count; i++) {
        if (strcmp(app->ui.records[i].text, "OSS, months so far") == 0) {
            oss = app->ui.records[i].rect;
        }
    }
    e.motion.x = oss.x + 5;
    e.motion.y = oss.y + 5;
    ud_app_event(app, &e);
    ud_app_draw(app);
    assert_true(gd_shows(app, "100% breaks even"));
    /* a grant that gives no cash says what it gives instead of IDR 0 */
    gd_tab(app, TAB_FUNDING);
    assert_true(gd_shows(app, "no money to the MFI"));
    assert_false(gd_shows(app, "IDR 0)"));
    expect_no_code_names("the funding panel");
    /* plain words for the interest method */
    gd_tab(app, TAB_PRODUCTS);
    assert_true(gd_shows(app, "Interest: "));
    expect_no_code_names("the products panel");
}

/* The month's summary says why PAR30 moved: the field visit's opening borrowers in arrears,
 * in the middle of a mishap and with their cash spent, stay behind in month 1 and pass 30 days
 * late while nobody new falls behind; months later they pay up, and the summary says so. */
static void test_gui_month_summary_explains_a_par30_move(void **state) {
    (void)state;
    gd_start(app, "field_visit_bad_year");
    const ud_indicators *start = ud_sim_indicators(ud_game_sim(app->game), 0);
    assert_non_null(start);
    assert_true(start->par30 > 0.01);
    gd_key(app, SDLK_SPACE, 0);
    assert_int_equal(app->dialog, DIALOG_MONTH_END);
    const ud_indicators *now = ud_sim_indicators(ud_game_sim(app->game), 1);
    assert_true(now->par30 > start->par30 + 0.0005);
    assert_true(gd_shows(app, "PAR30 rose although nobody new fell behind"));
    gd_key(app, SDLK_ESCAPE, 0);
    bool paid_up = false;
    for (int m = 2; m <= 8 && !paid_up; m++) {
        const ud_indicators before = *ud_sim_indicators(ud_game_sim(app->game), m - 1);
        gd_key(app, SDLK_SPACE, 0);
        while (app->dialog == DIALOG_QUESTION) {
            gd_key(app, SDLK_1, 0);
        }
        assert_int_equal(app->dialog, DIALOG_MONTH_END);
        const ud_indicators *after = ud_sim_indicators(ud_game_sim(app->game), m);
        if (llround(after->par30 * 1000) < llround(before.par30 * 1000) && after->write_offs == 0 &&
            after->par30_renegotiated == before.par30_renegotiated) {
            paid_up = true;
            assert_true(gd_shows(app, "PAR30 fell: late borrowers paid up their arrears."));
        }
        gd_key(app, SDLK_ESCAPE, 0);
    }
    assert_true(paid_up);
}

/* When cash and the result move apart (savings flowing in while the month loses money), the
 * summary says what else moved the cash. */
static void test_gui_month_summary_explains_cash_apart_from_the_result(void **state) {
    (void)state;
    gd_start(app, "m3_womens_groups");
    ud_money cash_before = ud_sim_indicators(ud_game_sim(app->game), 0)->cash;
    gd_key(app, SDLK_SPACE, 0);
    assert_int_equal(app->dialog, DIALOG_MONTH_END);
    const ud_indicators *now = ud_sim_indicators(ud_game_sim(app->game), 1);
    assert_true(now->net_result < 0 && now->cash > cash_before);
    assert_true(gd_shows(app, "Cash changed by"));
    assert_true(gd_shows(app, "depreciation"));
    assert_true(gd_shows(app, "clients' savings changed by"));
    gd_key(app, SDLK_ESCAPE, 0);
}

static void test_gui_words_plurals_and_french_formats(void **state) {
    (void)state;
    gd_start(app, "tutorial");
    /* a household that is not a client is not called a borrower; its income has a period */
    ud_sim *sim = ud_game_sim(app->game);
    int outsider = -1;
    for (int i = 0; i < ud_sim_household_count(sim) && outsider < 0; i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.loan == NULL && h.status == UD_HH_NOT_CLIENT) {
            outsider = i;
        }
    }
    assert_true(outsider >= 0);
    app->selected_household = outsider;
    app->dialog = DIALOG_HOUSEHOLD;
    ud_app_draw(app);
    assert_true(gd_shows(app, "not a client"));
    assert_false(gd_shows(app, "borrower"));
    assert_true(gd_shows(app, "a month"));
    assert_true(gd_shows(app, "Has never borrowed from the unit."));
    /* English: zero takes the plural */
    assert_string_equal(TRN(&app->ui, 0, "%d loan repaid", "%d loans repaid"), "%d loans repaid");
    gd_key(app, SDLK_ESCAPE, 0);
    /* French: zero takes the singular, decimals take a comma, percent a space */
    gd_settings(app, "fr", false);
    app->dialog = DIALOG_HOUSEHOLD;
    ud_app_draw(app);
    assert_true(gd_shows(app, "emprunté"));
    assert_string_equal(TRN(&app->ui, 0, "%d loan repaid", "%d loans repaid"), "%d prêt remboursé");
    gd_key(app, SDLK_ESCAPE, 0);
    gd_tab(app, TAB_PRODUCTS);
    bool french_percent = false;
    for (int i = 0; i < app->ui.record_count; i++) {
        const char *t = app->ui.records[i].text;
        if (strstr(t, "%") != NULL && strstr(t, ",") != NULL && strstr(t, ".0%") == NULL) {
            french_percent = true;
        }
        if (strstr(t, ".0%") != NULL || strstr(t, ".5%") != NULL) {
            fail_msg("an English number on a French screen: \"%s\"", t);
        }
    }
    assert_true(french_percent);
    /* help opens on How to play */
    gd_key(app, SDLK_F1, 0);
    assert_true(gd_shows(app, gd_tr(app, "How to play")));
    gd_settings(app, "en", false);
}

/* A goal on an amount of money reads in the scenario's currency on the debrief, as every
 * other amount does, and a chart's scale shortens it ("600 M"): never bare minor units. */
static void test_gui_money_goal_results_read_in_the_currency(void **state) {
    (void)state;
    const char *dir = UD_TEST_DATA "/money_goal";
    char path[600];
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/scenarios", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/scenarios/money_goal.lua", dir);
    gd_write_file(path,
                  "scenario { id = \"money_goal\", title = \"Money goal\", months = 2, currency = "
                  "\"IDR\",\n  objectives = { \"Keep the capital\" } }\n"
                  "village { households = 120 }\n"
                  "mfi { equity = 600000000 }\n"
                  "goal { indicator = \"equity\", above = 500000000, month = 2, text = \"Keep the "
                  "capital\" }\n"
                  "goal { indicator = \"equity\", above = 1.0, of_start = true, month = 2, text = "
                  "\"Grow the capital\" }\n");
    ud_app *a = gd_open(dir);
    gd_settings(a, "en", false);
    assert_true(ud_app_start_scenario(a, path));
    ud_app_draw(a);
    gd_type(a, "Team");
    gd_key(a, SDLK_RETURN, 0);
    assert_int_equal(a->screen, SCREEN_PLAY);
    gd_play_to(a, 2);
    for (int i = 0; i < 4 && a->screen != SCREEN_DEBRIEF; i++) {
        gd_key(a, SDLK_RETURN, 0);
    }
    assert_int_equal(a->screen, SCREEN_DEBRIEF);
    ud_app_draw(a);
    static char texts[65536];
    gd_texts(a, texts, sizeof texts);
    double equity = 0;
    assert_true(ud_indicator_value(ud_game_sim(a->game), "equity", 2, &equity));
    char whole[64], bare[64];
    ud_money_text(a, (ud_money)equity, whole, sizeof whole);
    snprintf(bare, sizeof bare, "%.0f", equity);
    if (strstr(texts, whole) == NULL || strstr(texts, bare) != NULL) {
        fail_msg("the equity goal's result should read \"%s\", not \"%s\":\n%s", whole, bare,
                 texts);
    }
    /* a goal against the start reads as a change on it, as its text says it */
    double start = 0;
    assert_true(ud_indicator_value(ud_game_sim(a->game), "equity", 0, &start));
    char change[64];
    snprintf(change, sizeof change, "%+.1f%% against the start", (equity / start - 1) * 100);
    if (strstr(texts, change) == NULL) {
        fail_msg("expected \"%s\" on the debrief:\n%s", change, texts);
    }
    char scale[32];
    ud_indicator_scale_text(a, "equity", 6e8, scale, sizeof scale);
    assert_string_equal(scale, "600 M");
    /* subsidy dependence reads in percent everywhere, as the Reports tab shows it */
    ud_indicator_scale_text(a, "subsidy_dependence", 1.2728, scale, sizeof scale);
    assert_string_equal(scale, "127.3%");
    /* its first months (7,000% on a portfolio only starting) are left off its charts once
     * half a year is played, so that the scale shows the months that tell */
    assert_int_equal(ud_chart_first_month("subsidy_dependence", 12), 6);
    assert_int_equal(ud_chart_first_month("subsidy_dependence", 5), 1);
    assert_int_equal(ud_chart_first_month("par30", 12), 1);
    gd_close(a);
    remove(path);
}

/* Four clicks on one setting in a month read as one change, from before the first to after
 * the last, in the list of every decision and among those that mattered most. */
static void test_gui_a_run_of_clicks_reads_as_one_change(void **state) {
    (void)state;
    gd_start(app, "tutorial");
    int n;
    ud_game_decisions(app->game, &n);
    int first = n;
    double was = ud_sim_follow_up(ud_game_sim(app->game));
    for (int k = 1; k <= 3; k++) {
        ud_command c = ud_command_new(UD_CMD_SET_FOLLOW_UP);
        c.share = was + 0.1 * k;
        assert_true(ud_app_command(app, &c));
    }
    ud_command c = ud_command_new(UD_CMD_AUDIT);
    assert_true(ud_app_command(app, &c));
    assert_int_equal(ud_decision_run_end(app, first), first + 2);
    assert_int_equal(ud_decision_run_end(app, first + 3), first + 3);
    char text[400], expected[100];
    ud_decision_span_detail(app, first, first + 2, text, sizeof text);
    snprintf(expected, sizeof expected, "follow-up %.0f%% → %.0f%%", was * 100, was * 100 + 30);
    assert_string_equal(text, expected);
    /* two rules of the credit policy changed in one run: both are named */
    ud_game_decisions(app->game, &n);
    int policy_first = n;
    ud_command p = ud_command_new(UD_CMD_SET_POLICY);
    p.policy = *ud_sim_policy(ud_game_sim(app->game));
    p.policy.first_loan_cap /= 2;
    assert_true(ud_app_command(app, &p));
    p.policy.loan_to_income_cap /= 2;
    assert_true(ud_app_command(app, &p));
    assert_int_equal(ud_decision_run_end(app, policy_first), policy_first + 1);
    ud_decision_span_detail(app, policy_first, policy_first + 1, text, sizeof text);
    assert_non_null(strstr(text, "First loan at most"));
    assert_non_null(strstr(text, "share of a year's income"));
    /* a rule switched on in the same run as a cap: both named (the switch was lost) */
    ud_game_decisions(app->game, &n);
    int review_first = n;
    p.policy.manual_review = !p.policy.manual_review;
    assert_true(ud_app_command(app, &p));
    p.policy.first_loan_cap /= 2;
    assert_true(ud_app_command(app, &p));
    ud_decision_span_detail(app, review_first, review_first + 1, text, sizeof text);
    assert_non_null(strstr(text, "Review every loan"));
    assert_non_null(strstr(text, "First loan at most"));
    /* a product's method and rate changed in one run: both named (only the rate was) */
    ud_game_decisions(app->game, &n);
    int product_first = n;
    int np;
    const ud_product *products = ud_sim_products(ud_game_sim(app->game), &np);
    ud_command t = ud_command_new(UD_CMD_SET_PRODUCT);
    t.index = 0;
    t.product = products[0];
    t.product.terms.method =
        t.product.terms.method == UD_METHOD_FLAT ? UD_METHOD_DECLINING_ANNUITY : UD_METHOD_FLAT;
    assert_true(ud_app_command(app, &t));
    t.product.terms.annual_rate += UD_RATE_PERCENT(2);
    assert_true(ud_app_command(app, &t));
    assert_int_equal(ud_decision_run_end(app, product_first), product_first + 1);
    ud_decision_span_detail(app, product_first, product_first + 1, text, sizeof text);
    assert_non_null(strstr(text, "→"));
    assert_non_null(strstr(text, "rate"));
    assert_non_null(strstr(text, "; "));
    /* a span across two settings is never merged: the first one alone */
    ud_decision_span_detail(app, first + 2, first + 3, text, sizeof text);
    snprintf(expected, sizeof expected, "follow-up %.0f%% → %.0f%%", was * 100 + 20,
             was * 100 + 30);
    assert_string_equal(text, expected);
}

/* A raise is among the month's decisions in its summary, with what the salaries became. */
static void test_gui_a_raise_is_in_the_month_summary(void **state) {
    (void)state;
    gd_start(app, "tutorial");
    gd_play_to(app, 1);
    int n;
    const ud_officer *o = ud_sim_officers(ud_game_sim(app->game), &n);
    ud_command c = ud_command_new(UD_CMD_SET_SALARY);
    c.index = 0;
    c.amount = o[0].salary + 500000;
    assert_true(ud_app_command(app, &c));
    gd_key(app, SDLK_SPACE, 0);
    assert_int_equal(app->dialog, DIALOG_MONTH_END);
    assert_true(gd_shows(app, "You changed an officer's pay: salaries"));
    gd_key(app, SDLK_ESCAPE, 0);
}

/* A grant in kind is spent in the village: the month summary says so (a trainee read "You
 * accepted an offer worth IDR 30,000,000" beside the offer's "no money to the MFI"). */
static void test_gui_a_grant_in_kind_is_not_called_money(void **state) {
    (void)state;
    gd_start(app, "m1_reaching_the_poor");
    gd_play_to(app, 2);
    int n;
    const ud_offer *o = ud_sim_offers(ud_game_sim(app->game), &n);
    int training = -1;
    for (int i = 0; i < n; i++) {
        training = o[i].kind == UD_OFFER_GRANT_TRAINING && !o[i].answered ? i : training;
    }
    assert_true(training >= 0);
    ud_command c = ud_command_new(UD_CMD_ACCEPT_OFFER);
    c.index = training;
    assert_true(ud_app_command(app, &c));
    gd_key(app, SDLK_SPACE, 0);
    while (app->dialog == DIALOG_QUESTION) {
        gd_key(app, SDLK_1, 0);
    }
    assert_int_equal(app->dialog, DIALOG_MONTH_END);
    assert_true(gd_shows(app, "spent in the village (no money to the MFI)"));
    assert_false(gd_shows(app, "You accepted an offer worth"));
    gd_key(app, SDLK_ESCAPE, 0);
}

/* The debrief says what the reference strategy did, in the first sentence of its header. */
static void test_gui_reference_strategy_summary(void **state) {
    (void)state;
    const char *path = UD_TEST_DATA "/summary_strategy.lua";
    gd_write_file(path, "-- Sound strategy for the test: lend small, then grow. Later sentences\n"
                        "-- are details.\nfunction decide() end\n");
    char out[200];
    assert_true(ud_strategy_summary(path, out, sizeof out));
    assert_string_equal(out, "lend small, then grow.");
    gd_write_file(path, "function decide() end\n");
    assert_false(ud_strategy_summary(path, out, sizeof out));
    assert_string_equal(out, "");
    remove(path);
    assert_false(ud_strategy_summary(path, out, sizeof out));
}

/* A save file that cannot be read is listed as damaged, not as an empty slot. */
static void test_gui_a_damaged_save_is_not_called_empty(void **state) {
    (void)state;
    gd_start(app, "tutorial");
    char path[1100];
    ud_app_slot_path(app, "slot2", path, sizeof path);
    gd_write_file(path, "not a save\n");
    gd_key(app, SDLK_l, KMOD_LCTRL);
    assert_int_equal(app->screen, SCREEN_SLOTS);
    assert_true(gd_shows(app, "Slot 2: damaged or unreadable save"));
    gd_key(app, SDLK_ESCAPE, 0);
    remove(path);
}

/* Saved from the game-so-far screen (the top bar's Menu): Enter closes "The game is saved."
 * and Escape too, without leaving the screen behind it. */
static void test_gui_saved_message_over_the_menu_closes_with_enter(void **state) {
    (void)state;
    gd_start(app, "tutorial");
    gd_play_to(app, 1);
    assert_true(gd_click_label(app, gd_tr(app, "Menu")));
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    assert_true(gd_click_label(app, gd_tr(app, "Save")));
    assert_int_equal(app->screen, SCREEN_SLOTS);
    gd_key(app, SDLK_4, 0);
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    assert_int_equal(app->dialog, DIALOG_MESSAGE);
    gd_key(app, SDLK_RETURN, 0);
    assert_int_equal(app->dialog, DIALOG_NONE);
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    assert_true(gd_click_label(app, gd_tr(app, "Save")));
    gd_key(app, SDLK_4, 0);
    assert_int_equal(app->dialog, DIALOG_MESSAGE);
    gd_key(app, SDLK_ESCAPE, 0);
    assert_int_equal(app->dialog, DIALOG_NONE);
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    gd_key(app, SDLK_ESCAPE, 0);
    assert_int_equal(app->screen, SCREEN_PLAY);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gui_figures_have_period_unit_and_meaning, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gui_words_plurals_and_french_formats, setup, teardown),
        cmocka_unit_test(test_gui_money_goal_results_read_in_the_currency),
        cmocka_unit_test(test_gui_reference_strategy_summary),
        cmocka_unit_test_setup_teardown(test_gui_a_run_of_clicks_reads_as_one_change, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gui_a_raise_is_in_the_month_summary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_a_grant_in_kind_is_not_called_money, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gui_a_damaged_save_is_not_called_empty, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gui_saved_message_over_the_menu_closes_with_enter,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_month_summary_explains_a_par30_move, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gui_month_summary_explains_cash_apart_from_the_result,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
