/* GUI integrity: what the trainee sees is the state the next key acts on, a saved or
 * continued game brings back everything drawn, and no month passes or application is lost
 * without the trainee being told. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gui_driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    gd_key(app, SDLK_1, 0);
    if (m % 2 == 1) {
        gd_click_label(app, gd_tr(app, "Approve"));
        gd_click_label(app, gd_tr(app, "Reject"));
    } else {
        gd_key(app, SDLK_3, 0);
        gd_click_label(app, gd_tr(app, "Train every officer"));
        if (app->dialog == DIALOG_MESSAGE) {
            gd_key(app, SDLK_RETURN, 0);
        }
    }
    if (m == 4) {
        gd_key(app, SDLK_3, 0);
        char label[200];
        SDL_Rect r;
        /* an audit: its findings are part of what is drawn */
        for (int i = 0; i < app->ui.record_count; i++) {
            if (app->ui.records[i].widget >= 0 &&
                strstr(app->ui.records[i].text, gd_tr(app, "Order an audit")) != NULL) {
                snprintf(label, sizeof label, "%s", app->ui.records[i].text);
                r = app->ui.records[i].rect;
                gd_click(app, r.x + r.w / 2, r.y + r.h / 2);
                break;
            }
        }
        while (app->dialog == DIALOG_MESSAGE || app->dialog == DIALOG_CONFIRM) {
            gd_key(app, SDLK_RETURN, 0);
        }
    }
    gd_key(app, SDLK_1, 0);
}

static void save_in(const char *slot_key_name, SDL_Keycode slot) {
    (void)slot_key_name;
    gd_key(app, SDLK_s, KMOD_LCTRL);
    assert_int_equal(app->screen, SCREEN_SLOTS);
    gd_key(app, slot, 0);
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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gui_screen_change_is_drawn_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_save_load_and_continue_bring_back_everything,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_finished_game_reopens_with_the_same_debrief, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
