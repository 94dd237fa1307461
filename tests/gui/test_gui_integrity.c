/* GUI integrity: what the trainee sees is the state the next key acts on, a saved or
 * continued game brings back everything drawn, and no month passes or application is lost
 * without the trainee being told. */
#define _POSIX_C_SOURCE 200809L /* mkdir, mkfifo */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gui_driver.h"
#include "panels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ud_app *app;

static int setup(void **state) {
    (void)state;
    app = gd_open(UD_TEST_DATA "/integrity");
    gd_settings(app, "en", false);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    gd_close(app);
    return 0;
}

static int month(void) {
    return ud_sim_month(ud_game_sim(app->game));
}

/* Esc on the settings screen goes back, and the frame on screen is the screen gone back to:
 * the next Enter acts on what is shown, never on a screen the trainee cannot see. */
static void test_gui_screen_change_is_drawn_at_once(void **state) {
    (void)state;
    assert_true(gd_click_label(app, gd_tr(app, "Settings")));
    assert_int_equal(app->screen, SCREEN_SETTINGS);
    gd_key(app, SDLK_ESCAPE, 0);
    assert_int_equal(app->screen, SCREEN_START);
    assert_int_equal(app->drawn_screen, SCREEN_START);
    assert_true(gd_shows(app, gd_tr(app, "Choose a scenario")));
    gd_start(app, "tutorial");
    /* the menu, its settings, and back with Esc: the menu is what is drawn */
    assert_true(gd_click_label(app, gd_tr(app, "Menu")));
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    assert_true(gd_click_label(app, gd_tr(app, "Settings")));
    assert_int_equal(app->screen, SCREEN_SETTINGS);
    gd_key(app, SDLK_ESCAPE, 0);
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    assert_true(gd_shows(app, gd_tr(app, "The game so far")));
    assert_false(gd_shows(app, gd_tr(app, "Text size")));
    /* Enter acts on the focused widget of the menu as drawn: back to the village */
    const char *focused = gd_focused_label(app);
    assert_string_equal(focused, gd_tr(app, "Back to the village"));
    gd_key(app, SDLK_RETURN, 0);
    assert_int_equal(app->screen, SCREEN_PLAY);
    assert_int_equal(month(), 0);
    /* two keys faster than frames: Esc leaves the village for the menu, and the Space that
     * follows at once must not play a month on the village screen that is no longer shown */
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_ESCAPE;
    ud_app_event(app, &e);
    e.key.keysym.sym = SDLK_SPACE;
    ud_app_event(app, &e);
    ud_app_draw(app);
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    assert_int_equal(month(), 0);
}

/* A few decisions of the kinds a trainee takes, by click, so the log has something in it. */
static void decide(int m) {
    gd_tab(app, TAB_DESK);
    if (m % 2 == 1) {
        gd_click_label(app, gd_tr(app, "Approve"));
        gd_click_label(app, gd_tr(app, "Reject"));
    } else {
        gd_tab(app, TAB_STAFF);
        /* offered while some officer can still take a course (not once all are experts) */
        if (!gd_click_prefix(app, gd_tr(app, "Train every officer"))) {
            int n, below_top = 0;
            const ud_officer *o = ud_sim_officers(ud_game_sim(app->game), &n);
            for (int i = 0; i < n; i++) {
                below_top += o[i].employed && o[i].training < 3;
            }
            assert_int_equal(below_top, 0);
        }
        if (app->dialog == DIALOG_MESSAGE) {
            gd_key(app, SDLK_RETURN, 0);
        }
    }
    if (m == 4) {
        gd_tab(app, TAB_STAFF);
        /* an audit: its findings are part of what is drawn */
        gd_click_prefix(app, gd_tr(app, "Order an audit"));
        while (app->dialog == DIALOG_MESSAGE || app->dialog == DIALOG_CONFIRM) {
            gd_key(app, SDLK_RETURN, 0);
        }
    }
    gd_tab(app, TAB_DESK);
}

static void save_in(const char *slot_key_name, SDL_Keycode slot) {
    (void)slot_key_name;
    gd_key(app, SDLK_s, KMOD_LCTRL);
    assert_int_equal(app->screen, SCREEN_SLOTS);
    gd_key(app, slot, 0);
    if (app->dialog == DIALOG_CONFIRM) {
        /* the slot held another game (an earlier test's): it asks first */
        assert_int_equal(app->confirm.action, CONFIRM_SAVE_SLOT);
        assert_true(gd_click_label(app, app->confirm.yes));
    }
    assert_int_equal(app->dialog, DIALOG_MESSAGE); /* "The game is saved." */
    gd_key(app, SDLK_RETURN, 0);
}

static void load_from(SDL_Keycode slot) {
    gd_key(app, SDLK_l, KMOD_LCTRL);
    assert_int_equal(app->screen, SCREEN_SLOTS);
    gd_key(app, slot, 0);
    assert_int_equal(app->dialog, DIALOG_NONE);
}

static void expect_same(const char *scenario, const char *how, const char *before) {
    char *after = gd_view(app);
    char why[600];
    if (!gd_view_equal(before, after, why, sizeof why)) {
        fail_msg("%s, %s at month %d: %s", scenario, how, month(), why);
    }
    free(after);
}

/* For every shipped scenario: save at several months, play on, load, and compare everything
 * the screens draw; the same for "Continue the last game" from the start screen. */
static void test_gui_save_load_and_continue_bring_back_everything(void **state) {
    (void)state;
    for (int s = 0; s < app->scenario_count; s++) {
        const char *id = app->infos[s].id;
        gd_key(app, SDLK_ESCAPE, 0);
        if (app->screen != SCREEN_START) {
            app->screen = SCREEN_START;
            ud_app_draw(app);
        }
        gd_start(app, id);
        int length = ud_game_months(app->game);
        int stops[] = {2, 7, length / 2 + 1};
        for (int k = 0; k < 3; k++) {
            while (month() < stops[k] && ud_game_end_state(app->game) == UD_END_RUNNING) {
                decide(month());
                gd_next_month(app);
            }
            /* a decision in the month being decided (its opening handlers have run): the
             * save keeps the month open as it was */
            if (ud_game_end_state(app->game) == UD_END_RUNNING) {
                ud_command c = ud_command_new(UD_CMD_SET_FOLLOW_UP);
                c.share = 0.3 + 0.1 * k;
                assert_true(ud_app_command(app, &c));
            }
            char *before = gd_view(app);
            save_in("slot", SDLK_3);
            gd_next_month(app);
            load_from(SDLK_3);
            expect_same(id, "saved and loaded", before);
            free(before);
            /* Continue: the autosave of the month just played, from the start screen */
            gd_next_month(app);
            before = gd_view(app);
            app->screen = SCREEN_START;
            ud_app_draw(app);
            assert_true(gd_click_label(app, gd_tr(app, "Continue the last game")));
            assert_int_equal(app->screen, SCREEN_PLAY);
            expect_same(id, "continued", before);
            free(before);
        }
    }
}

/* The scores and everything else on the debrief of a finished game stay the same when it is
 * reopened. */
static void test_gui_finished_game_reopens_with_the_same_debrief(void **state) {
    (void)state;
    gd_start(app, "tutorial");
    while (ud_game_end_state(app->game) == UD_END_RUNNING) {
        decide(month());
        gd_next_month(app);
    }
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    char *before = gd_view(app);
    app->screen = SCREEN_START;
    ud_app_draw(app);
    assert_true(gd_click_label(app, gd_tr(app, "Continue the last game")));
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    expect_same("tutorial", "reopened when finished", before);
    free(before);
}

/* The debrief replays the game (without its shocks, by the reference strategy, without each
 * decision): those replays must not write over the past of the game on screen, whose month
 * events the charts' marks and the month summaries read. */
static void test_gui_debrief_replays_leave_the_games_past_alone(void **state) {
    (void)state;
    gd_start(app, "m4_growth_and_quality");
    int length = ud_game_months(app->game);
    char *played = NULL;
    while (ud_game_end_state(app->game) == UD_END_RUNNING) {
        if (month() == 2) {
            /* one decision that shapes every later month: the debrief replays the game
             * without it, and that replay's months differ from the game's */
            ud_command c = ud_command_new(UD_CMD_HIRE);
            c.count = 2;
            c.level = 1;
            c.amount = ud_sim_market_wage(ud_game_sim(app->game), 1);
            assert_true(ud_app_command(app, &c));
        }
        if (month() == length - 1) {
            played = gd_view(app); /* every month but the last, before any debrief */
        }
        gd_next_month(app);
    }
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    assert_non_null(ud_app_debrief(app)); /* the replays have run */
    assert_non_null(played);
    char *shown = gd_view(app);
    int compared = 0;
    for (const char *line = strstr(played, "events "); line != NULL;
         line = strstr(line + 1, "\nevents ")) {
        line += line[0] == '\n';
        const char *end = strchr(line, '\n');
        char text[300];
        snprintf(text, sizeof text, "\n%.*s\n", (int)(end - line), line);
        if (strstr(shown, text) == NULL) {
            fail_msg("after the debrief, the past differs: '%.*s' is gone", (int)(end - line),
                     line);
        }
        compared++;
    }
    assert_int_equal(compared, length - 1);
    free(played);
    free(shown);
}

/* The news feed pages through everything: no empty page, every scenario news item and every
 * month's events shown once, and an audit's findings reported in the month's summary and in
 * the news. */
static void test_gui_news_pages_hold_everything_and_audits_are_reported(void **state) {
    (void)state;
    gd_start(app, "m2_credit_line");
    int audited[3] = {0}, audits = 0;
    while (month() < 16) {
        if (month() == 3 || month() == 9 || month() == 13) {
            gd_tab(app, TAB_STAFF);
            for (int i = 0; i < app->ui.record_count; i++) {
                const ud_ui_record *r = &app->ui.records[i];
                if (r->widget >= 0 && strstr(r->text, gd_tr(app, "Order an audit")) != NULL) {
                    gd_click(app, r->rect.x + r->rect.w / 2, r->rect.y + r->rect.h / 2);
                    break;
                }
            }
            while (app->dialog == DIALOG_MESSAGE || app->dialog == DIALOG_CONFIRM) {
                gd_click_label(app,
                               app->dialog == DIALOG_CONFIRM ? app->confirm.yes : gd_tr(app, "OK"));
            }
            audited[audits++] = month() + 1;
        }
        gd_key(app, SDLK_SPACE, 0);
        while (app->dialog == DIALOG_QUESTION) {
            gd_key(app, SDLK_1, 0);
        }
        assert_int_equal(app->dialog, DIALOG_MONTH_END);
        char audit[400];
        bool reported = ud_month_audit_text(app, month(), audit, sizeof audit);
        for (int k = 0; k < audits; k++) {
            if (audited[k] == month()) {
                if (!reported) {
                    fail_msg("month %d: the audit ordered is not reported", month());
                }
                if (!gd_shows(app, audit)) {
                    fail_msg("month %d: the summary does not say what the audit found", month());
                }
            }
        }
        gd_key(app, SDLK_ESCAPE, 0);
        while (app->dialog == DIALOG_QUESTION) {
            gd_key(app, SDLK_1, 0);
        }
    }
    assert_int_equal(audits, 3);
    /* read every page of the news */
    gd_tab(app, TAB_NEWS);
    static char seen[200000];
    size_t used = 0;
    for (int page = 0; page < 60; page++) {
        assert_int_equal(app->page, page);
        char texts[20000];
        gd_texts(app, texts, sizeof texts);
        if (strstr(texts, gd_tr(app, "Month")) == NULL) {
            fail_msg("news page %d is empty", page + 1);
        }
        used += (size_t)snprintf(seen + used, sizeof seen - used, "%s", texts);
        gd_key(app, SDLK_PAGEDOWN, 0);
        if (app->page == page) {
            break; /* the last page */
        }
    }
    int n;
    const ud_news *news = ud_game_news(app->game, &n);
    for (int i = 0; i < n; i++) {
        char text[UD_TEXT_LEN], line[UD_TEXT_LEN + 40];
        ud_game_news_text(app->game, &news[i], text, sizeof text);
        snprintf(line, sizeof line, "%s %d: %.200s", gd_tr(app, "Month"), news[i].month, text);
        if (strstr(seen, line) == NULL) {
            fail_msg("the news item \"%s\" is on no page", line);
        }
    }
    for (int m = 1; m <= month(); m++) {
        char digest[800], line[900];
        ud_month_digest(app, m, digest, sizeof digest);
        if (digest[0] == '\0') {
            continue;
        }
        snprintf(line, sizeof line, "%s %d: %.200s", gd_tr(app, "Month"), m, digest);
        if (strstr(seen, line) == NULL) {
            fail_msg("month %d's events (\"%s\") are on no page", m, line);
        }
    }
    for (int k = 0; k < audits; k++) {
        char audit[400];
        assert_true(ud_month_audit_text(app, audited[k], audit, sizeof audit));
        if (strstr(seen, audit) == NULL) {
            fail_msg("the audit of month %d is not in the news", audited[k]);
        }
    }
}

/* With "Review every loan" on, ending the month with undecided applications asks first, and
 * the loan desk says that nothing is approved without the manager. */
static void test_gui_review_every_loan_warns_before_refusing(void **state) {
    (void)state;
    gd_start(app, "tutorial");
    gd_next_month(app);
    gd_tab(app, TAB_DESK);
    assert_true(gd_shows(app, gd_tr(app, "(changes apply from next month's applications)")));
    assert_true(gd_click_label(app, gd_tr(app, "Review every loan")));
    assert_true(ud_sim_policy(ud_game_sim(app->game))->manual_review);
    /* this month's list was decided by the old policy: the desk says the rule is for next
     * month's (a trainee read "nothing is approved without you" above rows marked Approved) */
    const char *warning = gd_tr(app, "Review every loan: nothing is approved without you; "
                                     "undecided applications are refused when the month ends.");
    assert_false(gd_shows(app, warning));
    assert_true(gd_shows(app, gd_tr(app, "Review every loan starts with next month's "
                                         "applications; the credit policy decided these, and you "
                                         "can still change any.")));
    gd_next_month(app);
    assert_true(gd_shows(app, warning));
    int n, pending = 0;
    const ud_application *apps = ud_sim_applications(ud_game_sim(app->game), &n);
    for (int i = 0; i < n; i++) {
        pending += apps[i].decision == UD_APP_PENDING;
    }
    assert_true(pending > 0);
    gd_key(app, SDLK_SPACE, 0);
    assert_int_equal(month(), 2);
    assert_int_equal(app->dialog, DIALOG_CONFIRM);
    char count[100];
    snprintf(count, sizeof count,
             ud_trn(&app->i18n, pending, "%d application is not decided",
                    "%d applications are not decided"),
             pending);
    assert_true(gd_shows(app, count));
    /* Enter is safe: it goes back to the loan desk */
    gd_key(app, SDLK_RETURN, 0);
    assert_int_equal(app->dialog, DIALOG_NONE);
    assert_int_equal(app->tab, TAB_DESK);
    assert_int_equal(month(), 2);
    /* deciding every application lets the month pass without a question */
    apps = ud_sim_applications(ud_game_sim(app->game), &n);
    for (int i = 0; i < n; i++) {
        if (apps[i].decision == UD_APP_PENDING) {
            ud_command c;
            memset(&c, 0, sizeof c);
            c.type = UD_CMD_REJECT;
            c.index = apps[i].id;
            assert_true(ud_app_command(app, &c));
        }
    }
    gd_key(app, SDLK_SPACE, 0);
    assert_int_equal(month(), 3);
    assert_int_equal(app->dialog, DIALOG_MONTH_END);
    gd_key(app, SDLK_ESCAPE, 0);
    /* and confirming plays the month */
    gd_key(app, SDLK_SPACE, 0);
    assert_int_equal(app->dialog, DIALOG_CONFIRM);
    assert_true(gd_click_label(app, app->confirm.yes));
    assert_int_equal(month(), 4);
}

/* After accepting a credit line the top bar's cash is the funding panel's cash. */
static void test_gui_top_bar_cash_is_current(void **state) {
    (void)state;
    gd_start(app, "m2_credit_line");
    gd_play_to(app, 3);
    gd_tab(app, TAB_FUNDING);
    int n;
    const ud_offer *offers = ud_sim_offers(ud_game_sim(app->game), &n);
    int line = -1;
    for (int i = 0; i < n; i++) {
        if (offers[i].kind == UD_OFFER_CREDIT_LINE && !offers[i].answered) {
            line = i;
        }
    }
    assert_true(line >= 0);
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_ACCEPT_OFFER;
    c.index = line;
    assert_true(ud_app_command(app, &c));
    ud_app_draw(app);
    char cash[64];
    ud_money_text(app, ud_books_balance_sheet(ud_sim_books(ud_game_sim(app->game))).cash, cash,
                  sizeof cash);
    if (!gd_shows_exactly(app, cash)) {
        fail_msg("the top bar does not show the cash after the credit line (%s)", cash);
    }
}

/* The loan desk starts on its first page every month; an applicant a group product has not
 * placed in a group (still waiting in a forming group) cannot be approved, and the desk says
 * why. */
static void test_gui_loan_desk_pages_and_groups(void **state) {
    (void)state;
    gd_start(app, "tutorial");
    int n = 0;
    while (n <= 6 && month() < 12) {
        gd_next_month(app);
        ud_sim_applications(ud_game_sim(app->game), &n);
    }
    assert_true(n > 6);
    gd_tab(app, TAB_DESK);
    gd_key(app, SDLK_PAGEDOWN, 0);
    assert_int_equal(app->page, 1);
    gd_next_month(app);
    assert_int_equal(app->tab, TAB_DESK);
    assert_int_equal(app->page, 0);
    /* an application with no group, on its page */
    int lone = -1;
    for (int tries = 0; tries < 24 && lone < 0; tries++) {
        int np;
        const ud_product *products = ud_sim_products(ud_game_sim(app->game), &np);
        const ud_application *apps = ud_sim_applications(ud_game_sim(app->game), &n);
        for (int i = 0; i < n && lone < 0; i++) {
            if (products[apps[i].product].group_liability && apps[i].group < 0) {
                lone = i;
            }
        }
        if (lone < 0) {
            gd_next_month(app);
        }
    }
    assert_true(lone >= 0);
    /* an applicant waiting in a forming group is told so; one refused a group, why: page
     * through the desk until its line shows */
    const ud_application *shown = ud_sim_applications(ud_game_sim(app->game), &n);
    const char *why = gd_tr(app, shown[lone].decision == UD_APP_WAITING
                                     ? "In a forming group: the loan comes when it forms."
                                     : "No group to join: cannot be approved alone.");
    for (int page = -1; !gd_shows(app, why) && page != app->page;) {
        page = app->page;
        gd_key(app, SDLK_PAGEDOWN, 0);
    }
    assert_true(gd_shows(app, why));
    const ud_application *apps = ud_sim_applications(ud_game_sim(app->game), &n);
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_APPROVE;
    c.index = apps[lone].id;
    char err[300];
    assert_false(ud_game_command(app->game, &c, err, sizeof err));
}

/* The team's name is asked on the briefing and kept with each save; the slot list shows the
 * team, the scenario, the month, and the date and time of the save. */
static void test_gui_save_slots_show_team_scenario_month_and_time(void **state) {
    (void)state;
    int i = gd_scenario_index(app, "tutorial");
    assert_true(ud_app_start_scenario(app, app->scenario_paths[i]));
    ud_app_draw(app);
    assert_string_equal(gd_focused_label(app), ""); /* the empty name field has the focus */
    gd_type(app, "Mawar");
    gd_type(app, " é");
    gd_key(app, SDLK_BACKSPACE, 0); /* removes the two-byte é whole */
    gd_key(app, SDLK_BACKSPACE, 0);
    gd_key(app, SDLK_RETURN, 0);
    assert_int_equal(app->screen, SCREEN_PLAY);
    assert_string_equal(app->team, "Mawar");
    gd_next_month(app);
    gd_next_month(app);
    save_in("slot", SDLK_4);
    snprintf(app->team, sizeof app->team, "Other");
    gd_key(app, SDLK_l, KMOD_LCTRL);
    char texts[20000];
    gd_texts(app, texts, sizeof texts);
    const char *slot = strstr(texts, "Mawar");
    if (slot == NULL) {
        fail_msg("the slot list does not name the team:\n%s", texts);
    }
    assert_non_null(strstr(slot, app->infos[i].title));
    assert_non_null(strstr(slot, "month 2"));
    assert_non_null(strstr(slot, " 20")); /* the year of the date */
    assert_non_null(strchr(slot, ':'));   /* and the time */
    gd_key(app, SDLK_4, 0);
    assert_int_equal(app->screen, SCREEN_PLAY);
    assert_string_equal(app->team, "Mawar");
}

/* On a classroom's shared computer one team cannot wipe out another's save with one key:
 * saving over a slot that holds another game asks first, and going back leaves it whole.
 * Leaving with the window's close button keeps the decisions of the open month (the
 * autosave was written only when a month was played). */
static void test_gui_another_teams_slot_and_quitting_lose_nothing(void **state) {
    (void)state;
    int i = gd_scenario_index(app, "tutorial");
    assert_true(ud_app_start_scenario(app, app->scenario_paths[i]));
    ud_app_draw(app);
    gd_type(app, "Melati");
    gd_key(app, SDLK_RETURN, 0);
    gd_next_month(app);
    save_in("slot", SDLK_3);
    char path[1100], before[65536];
    ud_app_slot_path(app, "slot3", path, sizeof path);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t n = fread(before, 1, sizeof before - 1, f);
    before[n] = '\0';
    fclose(f);
    /* another team's new game */
    assert_true(ud_app_start_scenario(app, app->scenario_paths[i]));
    ud_app_draw(app);
    gd_type(app, "Kenanga");
    gd_key(app, SDLK_RETURN, 0);
    gd_next_month(app);
    gd_key(app, SDLK_s, KMOD_LCTRL);
    gd_key(app, SDLK_3, 0);
    assert_int_equal(app->dialog, DIALOG_CONFIRM);
    assert_int_equal(app->confirm.action, CONFIRM_SAVE_SLOT);
    assert_non_null(strstr(app->confirm.text, "Melati"));
    gd_key(app, SDLK_RETURN, 0); /* the focus is on "Go back" */
    assert_int_equal(app->dialog, DIALOG_NONE);
    char after[65536];
    f = fopen(path, "rb");
    assert_non_null(f);
    n = fread(after, 1, sizeof after - 1, f);
    after[n] = '\0';
    fclose(f);
    assert_string_equal(after, before);
    /* saving the same game again in its own slot does not ask */
    save_in("slot", SDLK_3); /* asks (Melati's), confirmed by the helper */
    gd_next_month(app);
    gd_key(app, SDLK_s, KMOD_LCTRL);
    gd_key(app, SDLK_3, 0);
    assert_int_equal(app->dialog, DIALOG_MESSAGE);
    gd_key(app, SDLK_RETURN, 0);
    /* a decision in the open month, then the window closed */
    int decisions;
    ud_game_decisions(app->game, &decisions);
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = UD_CMD_SET_FOLLOW_UP;
    c.share = 0.9;
    assert_true(ud_app_command(app, &c));
    SDL_Event quit;
    memset(&quit, 0, sizeof quit);
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);
    ud_app_run(app);
    assert_true(app->quit);
    ud_app_slot_path(app, "autosave", path, sizeof path);
    char err[2048];
    ud_save_info info;
    assert_true(ud_save_peek(path, &info, err, sizeof err));
    app->quit = false;
    assert_true(ud_app_load(app, "autosave"));
    int kept;
    ud_game_decisions(app->game, &kept);
    assert_int_equal(kept, decisions + 1);
}

/* Writes `text` to `path` (the test fails if it cannot). */
/* A save's text as written, with the scenario line changed to `scenario` and the checksum
 * of the end line made right again, as a deliberate edit would. */
static void write_save_naming(const char *path, const char *saved, const char *scenario) {
    char text[65536];
    const char *line = strstr(saved, "\nscenario ");
    const char *end = strstr(saved, "\nend ");
    assert_non_null(line);
    assert_non_null(end);
    int n = snprintf(text, sizeof text, "%.*s\nscenario %s%.*s\n", (int)(line - saved), saved,
                     scenario, (int)(end - strchr(line + 1, '\n')), strchr(line + 1, '\n'));
    assert_true(n > 0 && (size_t)n < sizeof text - 32);
    uint64_t h = UINT64_C(14695981039346656037); /* FNV-1a 64, as the save's checksum */
    for (int i = 0; i < n; i++) {
        h ^= (unsigned char)text[i];
        h *= UINT64_C(1099511628211);
    }
    snprintf(text + n, sizeof text - (size_t)n, "end %016llx\n", (unsigned long long)h);
    gd_write_file(path, text);
}

/* Loads slot 5 and expects a refusal that names the save and says `why`; the scenario a
 * save names never runs before the save is checked (`ran` is what it would say if it did). */
static void expect_load_refused(ud_app *a, const char *why, const char *ran) {
    gd_key(a, SDLK_l, KMOD_LCTRL);
    gd_key(a, SDLK_5, 0);
    assert_int_equal(a->dialog, DIALOG_MESSAGE);
    if (strstr(a->message, why) == NULL || strstr(a->message, "slot5.save") == NULL ||
        strstr(a->message, ran) != NULL) {
        fail_msg("expected the load of slot5.save to be refused with '%s'; got: %s", why,
                 a->message);
    }
    gd_key(a, SDLK_RETURN, 0);
}

/* Load checks the save before any Lua of it runs: a save whose scenario was edited, deleted,
 * or replaced by a file that is not a scenario is refused with the save's name and the
 * documented reason, and the file it names is never run. */
static void test_gui_load_checks_the_save_before_its_scenario_runs(void **state) {
    (void)state;
    const char *dir = UD_TEST_DATA "/load_checks";
    char own[1200], scenario[1300], outside[1300], save[1100];
    mkdir(dir, 0755);
    snprintf(own, sizeof own, "%s/scenarios", dir);
    mkdir(own, 0755);
    snprintf(own, sizeof own, "%s/scenarios/mine", dir);
    mkdir(own, 0755);
    snprintf(scenario, sizeof scenario, "%s/load_check.lua", own);
    static const char source[] =
        "scenario { id = \"load_check\", title = \"Load check\", months = 6, objectives = { "
        "\"x\" } }\nvillage { households = 120 }\n";
    gd_write_file(scenario, source);
    snprintf(outside, sizeof outside, "%s/not_a_scenario.lua", dir);
    gd_write_file(outside, "error(\"EVIL TOP-LEVEL CODE RAN\")\n");
    ud_app *a = gd_open(dir);
    gd_settings(a, "en", false);
    assert_true(ud_app_start_scenario(a, scenario));
    ud_app_draw(a);
    gd_type(a, "Team");
    gd_key(a, SDLK_RETURN, 0);
    assert_int_equal(a->screen, SCREEN_PLAY);
    gd_next_month(a);
    gd_key(a, SDLK_s, KMOD_LCTRL);
    gd_key(a, SDLK_5, 0);
    gd_key(a, SDLK_RETURN, 0);
    ud_app_slot_path(a, "slot5", save, sizeof save);
    static char saved[65536];
    FILE *f = fopen(save, "r");
    assert_non_null(f);
    saved[fread(saved, 1, sizeof saved - 1, f)] = '\0';
    fclose(f);
    /* the scenario edited since (here so that it no longer even compiles) */
    char edited[sizeof source + 16];
    snprintf(edited, sizeof edited, "%s)\n", source);
    gd_write_file(scenario, edited);
    expect_load_refused(a, "has changed since this game was saved", "')' expected");
    /* the scenario deleted */
    remove(scenario);
    expect_load_refused(a, "is missing", "cannot open");
    /* a save that names a Lua file outside the scenario folders, and one that names a
     * system file: neither is run */
    gd_write_file(scenario, source);
    write_save_naming(save, saved, outside);
    expect_load_refused(a, "is not one of the scenarios in the scenario folder", "EVIL");
    write_save_naming(save, saved, "/etc/passwd");
    expect_load_refused(a, "is not one of the scenarios in the scenario folder", "passwd:");
    /* and the save as written still loads */
    gd_write_file(save, saved);
    gd_key(a, SDLK_l, KMOD_LCTRL);
    gd_key(a, SDLK_5, 0);
    assert_int_equal(a->dialog, DIALOG_NONE);
    assert_int_equal(a->screen, SCREEN_PLAY);
    gd_close(a);
    remove(scenario);
}

/* A FIFO in place of the settings file, a save's team file or the files a save is first
 * written to is passed over or replaced (opening it would wait for ever for the other end):
 * the game starts, saves, lists the slot and loads it. */
static void test_gui_special_files_in_the_data_folder_are_passed_over(void **state) {
    (void)state;
    alarm(120); /* a hang fails the test instead of stalling the suite */
    const char *dir = UD_TEST_DATA "/special_files";
    char settings[1200], team[1200];
    mkdir(dir, 0755);
    snprintf(settings, sizeof settings, "%s/settings.txt", dir);
    snprintf(team, sizeof team, "%s/slot5.team", dir);
    remove(settings);
    remove(team);
    assert_int_equal(mkfifo(settings, 0644), 0);
    ud_app *a = gd_open(dir);
    assert_int_equal(a->screen, SCREEN_START);
    gd_settings(a, "en", false); /* and the settings are written over it */
    int i = gd_scenario_index(a, "tutorial");
    assert_true(ud_app_start_scenario(a, a->scenario_paths[i]));
    ud_app_draw(a);
    gd_type(a, "Fifo");
    gd_key(a, SDLK_RETURN, 0);
    gd_next_month(a);
    assert_int_equal(mkfifo(team, 0644), 0); /* the team file written over a FIFO */
    char tmp[1300]; /* and FIFOs where the save and team files are first written */
    snprintf(tmp, sizeof tmp, "%s.tmp", team);
    remove(tmp);
    assert_int_equal(mkfifo(tmp, 0644), 0);
    snprintf(tmp, sizeof tmp, "%s/slot5.save.tmp", dir);
    remove(tmp);
    assert_int_equal(mkfifo(tmp, 0644), 0);
    gd_key(a, SDLK_s, KMOD_LCTRL);
    gd_key(a, SDLK_5, 0);
    if (a->dialog == DIALOG_CONFIRM) { /* slot 5 held another game */
        assert_true(gd_click_label(a, a->confirm.yes));
    }
    assert_int_equal(a->dialog, DIALOG_MESSAGE);
    gd_key(a, SDLK_RETURN, 0);
    remove(team);
    assert_int_equal(mkfifo(team, 0644), 0); /* and read from one */
    gd_key(a, SDLK_l, KMOD_LCTRL);
    assert_int_equal(a->screen, SCREEN_SLOTS);
    assert_true(gd_shows(a, gd_tr(a, "no team name")));
    gd_key(a, SDLK_5, 0);
    assert_int_equal(a->screen, SCREEN_PLAY);
    assert_string_equal(a->team, "");
    gd_close(a);
    remove(team);
    alarm(0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gui_screen_change_is_drawn_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_save_load_and_continue_bring_back_everything,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_finished_game_reopens_with_the_same_debrief, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gui_debrief_replays_leave_the_games_past_alone, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gui_news_pages_hold_everything_and_audits_are_reported,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_review_every_loan_warns_before_refusing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gui_top_bar_cash_is_current, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_loan_desk_pages_and_groups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_save_slots_show_team_scenario_month_and_time,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_another_teams_slot_and_quitting_lose_nothing,
                                        setup, teardown),
        cmocka_unit_test(test_gui_load_checks_the_save_before_its_scenario_runs),
        cmocka_unit_test(test_gui_special_files_in_the_data_folder_are_passed_over),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
