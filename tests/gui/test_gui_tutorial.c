/* The tutorial's guided steps played through the game's screens, by keys and clicks, in
 * English and French: every step must be completable as a trainee would complete it, and
 * the goals that need the trainee's own decisions are met at the end. With
 * UD_GUI_SCREENSHOTS=folder, every step is saved as a picture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dialogs.h"
#include "gui_driver.h"
#include "ud/explain.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Clicks the n-th (0-based) widget whose label starts with `prefix`; false if none. */
static bool click_nth(ud_app *app, const char *prefix, int n) {
    const ud_ui *ui = &app->ui;
    size_t len = strlen(prefix);
    for (int i = 0; i < ui->record_count; i++) {
        const ud_ui_record *r = &ui->records[i];
        if (r->widget >= 0 && strncmp(r->text, prefix, len) == 0 && n-- == 0) {
            gd_click(app, r->rect.x + r->rect.w / 2, r->rect.y + r->rect.h / 2);
            return true;
        }
    }
    return false;
}

static int step(const ud_app *app) {
    return ud_game_guide_current(app->game, NULL);
}

static void play_tutorial(const char *language) {
    ud_app *app = gd_open(NULL);
    gd_settings(app, language, false);
    app->settings.no_hints = false;
    gd_start(app, "tutorial");
    int steps = ud_game_guide_count(app->game);
    assert_true(steps >= 10);
    char shot[64];
    int guard = 0;
    while (step(app) < steps && guard++ < 60) {
        int at = step(app);
        const ud_guide_step *s = ud_game_guide_step(app->game, at);
        snprintf(shot, sizeof shot, "%s_step%02d", language, at + 1);
        gd_frame(app, shot);
        /* the step's own words are on screen */
        const char *text = ud_game_text(app->game, s->text);
        char start[40];
        snprintf(start, sizeof start, "%.30s", text);
        if (!gd_shows(app, start)) {
            fail_msg("step %d: its text is not shown (\"%s\")", at + 1, start);
        }
        const char *a = s->action;
        if (strcmp(a, "next") == 0) {
            assert_true(gd_click_label(app, gd_tr(app, "Next")));
        } else if (strncmp(a, "open_panel:", 11) == 0) {
            static const char *const panels[] = {"loans",   "arrears", "products", "staff",
                                                 "funding", "reports", "news",     "problems"};
            for (int t = 0; t < 8; t++) {
                if (strcmp(a + 11, panels[t]) == 0) {
                    gd_key(app, SDLK_1 + t, 0);
                }
            }
        } else if (strcmp(a, "set_method") == 0) {
            assert_true(click_nth(app, gd_tr(app, "Interest"), 0));
        } else if (strcmp(a, "play_month") == 0) {
            for (int i = 0; i < s->count; i++) {
                gd_key(app, SDLK_SPACE, 0);
                assert_int_equal(app->dialog, DIALOG_MONTH_END);
                snprintf(shot, sizeof shot, "%s_step%02d_summary", language, at + 1);
                gd_frame(app, shot);
                /* the first month's summary is a step of its own (read_summary) */
                if (at + 1 < steps &&
                    strcmp(ud_game_guide_step(app->game, at + 1)->action, "read_summary") != 0) {
                    gd_key(app, SDLK_ESCAPE, 0);
                }
            }
        } else if (strcmp(a, "read_summary") == 0) {
            assert_int_equal(app->dialog, DIALOG_MONTH_END);
            gd_key(app, SDLK_ESCAPE, 0);
        } else if (strcmp(a, "open_household") == 0) {
            int n;
            const ud_application *apps = ud_sim_applications(ud_game_sim(app->game), &n);
            assert_true(n > 0);
            char name[64];
            ud_household_name(app, apps[0].household, name, sizeof name);
            assert_true(click_nth(app, name, 0));
            assert_int_equal(app->dialog, DIALOG_HOUSEHOLD);
            snprintf(shot, sizeof shot, "%s_step%02d_card", language, at + 1);
            gd_frame(app, shot);
            gd_key(app, SDLK_ESCAPE, 0);
        } else if (strcmp(a, "decide") == 0) {
            /* rows refused and approved again until the step counts three decisions; a
             * decided row shows its decision pressed ("Approved", "Rejected"), so only the
             * buttons still to press are clicked (exact labels); an approval the game refuses
             * (a group product's applicant without a group) says why; when a page has no
             * button left, the trainee turns to the next one (Page Down) */
            for (int k = 0; k < 12 && step(app) == at; k++) {
                const char *which = gd_tr(app, k % 2 == 0 ? "Reject" : "Approve");
                SDL_Rect r;
                int w;
                if (!gd_find_widget(app, which, &r, &w)) {
                    gd_key(app, SDLK_PAGEDOWN, 0);
                    continue;
                }
                gd_click(app, r.x + r.w / 2, r.y + r.h / 2);
                if (app->dialog == DIALOG_MESSAGE) {
                    gd_key(app, SDLK_ESCAPE, 0);
                }
            }
            assert_true(step(app) > at);
        } else if (strcmp(a, "follow_up") == 0) {
            gd_key(app, SDLK_2, 0);
            snprintf(shot, sizeof shot, "%s_step%02d_arrears", language, at + 1);
            gd_frame(app, shot);
            assert_true(click_nth(app, "+", 0));
        } else if (strcmp(a, "train") == 0) {
            gd_key(app, SDLK_4, 0);
            assert_true(click_nth(app, gd_tr(app, "Train every officer"), 0));
        } else if (strcmp(a, "open_glossary") == 0) {
            gd_key(app, SDLK_F1, 0);
            assert_int_equal(app->screen, SCREEN_HELP);
            gd_key(app, SDLK_ESCAPE, 0);
        } else if (strcmp(a, "debrief") == 0) {
            gd_play_to(app, ud_game_months(app->game));
            if (app->dialog == DIALOG_MONTH_END) {
                gd_key(app, SDLK_ESCAPE, 0);
            }
            assert_int_equal(app->screen, SCREEN_DEBRIEF);
        } else {
            fail_msg("step %d: the test does not know action '%s'", at + 1, a);
        }
        if (step(app) == at) {
            fail_msg("step %d (%s) was not completed by doing what it asks", at + 1, a);
        }
    }
    assert_int_equal(step(app), steps);
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    snprintf(shot, sizeof shot, "%s_debrief", language);
    gd_frame(app, shot);
    assert_true(gd_shows(app, gd_tr(app, "The decisions that mattered most")));
    click_nth(app, gd_tr(app, "Every decision"), 0);
    snprintf(shot, sizeof shot, "%s_decisions", language);
    gd_frame(app, shot);
    int n;
    const ud_goal *goal = ud_game_goals(app->game, &n);
    for (int i = 0; i < n; i++) {
        bool own = strcmp(goal[i].indicator, "guide_steps") == 0 ||
                   strcmp(goal[i].indicator, "applications_decided") == 0 ||
                   strcmp(goal[i].indicator, "officers_trained") == 0;
        if (own && goal[i].state != 1) {
            fail_msg("goal \"%s\" not met after the guided tour", goal[i].text);
        }
    }
    gd_close(app);
}

static void test_gui_tutorial_guide_in_english(void **state) {
    (void)state;
    play_tutorial("en");
}

static void test_gui_tutorial_guide_in_french(void **state) {
    (void)state;
    play_tutorial("fr");
}

/* A module with shocks: the summary names the causes, the debrief shows the three lines. */
static void test_gui_field_visit_debrief_separates_luck(void **state) {
    (void)state;
    /* a data folder of its own, with every save slot free for "what if" */
    const char *dir = UD_TEST_DATA "/what_if";
    for (int i = 1; i <= 5; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/slot%d.save", dir, i);
        remove(path);
        snprintf(path, sizeof path, "%s/slot%d.team", dir, i);
        remove(path);
    }
    ud_app *app = gd_open(dir);
    gd_settings(app, "en", false);
    gd_start(app, "field_visit_bad_year");
    int worst = 0, worst_month = 0;
    bool card_checked = false;
    while (ud_game_end_state(app->game) == UD_END_RUNNING) {
        int m = ud_sim_month(ud_game_sim(app->game)) + 1;
        gd_key(app, SDLK_SPACE, 0);
        while (app->dialog == DIALOG_QUESTION) {
            gd_key(app, SDLK_1, 0);
            if (app->dialog == DIALOG_NONE) {
                gd_key(app, SDLK_SPACE, 0);
            }
        }
        assert_int_equal(ud_sim_month(ud_game_sim(app->game)), m);
        assert_int_equal(app->dialog, DIALOG_MONTH_END);
        const ud_month_explanation *e = ud_game_explanation(app->game, m);
        assert_non_null(e);
        if (!card_checked && e->fell_behind_count > 0) {
            /* who fell behind: the name opens the card, closing it comes back here */
            char name[64];
            ud_household_name(app, e->fell_behind[0], name, sizeof name);
            assert_true(click_nth(app, name, 0));
            assert_int_equal(app->dialog, DIALOG_HOUSEHOLD);
            assert_int_equal(app->selected_household, e->fell_behind[0]);
            gd_frame(app, "en_field_visit_card_from_summary");
            gd_key(app, SDLK_ESCAPE, 0);
            assert_int_equal(app->dialog, DIALOG_MONTH_END);
            card_checked = true;
        }
        if (e->new_arrears_by_cause[UD_MISS_SHOCK] > 0 && worst == 0) {
            gd_frame(app, "en_field_visit_summary_shock");
        }
        gd_key(app, SDLK_ESCAPE, 0);
        if (e->new_arrears_by_cause[UD_MISS_SHOCK] > worst) {
            worst = e->new_arrears_by_cause[UD_MISS_SHOCK];
            worst_month = m;
        }
    }
    assert_true(worst > 0); /* the drought shows as a cause of arrears */
    assert_true(card_checked);
    (void)worst_month;
    if (app->dialog == DIALOG_MONTH_END) {
        gd_key(app, SDLK_ESCAPE, 0);
    }
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    gd_frame(app, "en_field_visit_debrief");
    const ud_debrief *d = ud_app_debrief(app);
    assert_non_null(d);
    assert_non_null(d->without_shocks);
    assert_non_null(d->reference);
    assert_true(gd_shows(app, gd_tr(app, "without the shocks")));
    assert_true(gd_shows(app, gd_tr(app, "reference strategy")));
    /* what if: back to month 6, in a free slot, and the game goes on from there */
    int before = ud_sim_month(ud_game_sim(app->game));
    assert_true(before > 6);
    snprintf(app->team, sizeof app->team, "%s", "Team Six");
    assert_true(ud_app_what_if(app, 6));
    assert_int_equal(ud_sim_month(ud_game_sim(app->game)), 6);
    /* the game left behind is kept in a slot of its own, not only in the autosave that the
     * next month played overwrites */
    int kept = 0;
    for (int i = 1; i <= 5; i++) {
        char key[16], path[1100];
        snprintf(key, sizeof key, "slot%d", i);
        ud_app_slot_path(app, key, path, sizeof path);
        struct stat st;
        kept += stat(path, &st) == 0;
    }
    assert_int_equal(kept, 2);
    assert_string_equal(app->team, "Team Six"); /* the same team plays on */
    assert_int_equal(ud_game_end_state(app->game), UD_END_RUNNING);
    gd_key(app, SDLK_RETURN, 0); /* the message that says where it was saved */
    gd_next_month(app);
    assert_int_equal(ud_sim_month(ud_game_sim(app->game)), 7);
    gd_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gui_tutorial_guide_in_english),
        cmocka_unit_test(test_gui_tutorial_guide_in_french),
        cmocka_unit_test(test_gui_field_visit_debrief_separates_luck),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
