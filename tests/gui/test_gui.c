#define _POSIX_C_SOURCE 200809L /* setenv */
/* GUI smoke test: under SDL's dummy video driver and the software renderer, visit every
 * screen with the keyboard and the mouse, play months through the same path as a click,
 * answer a question, save and load, and check that every frame drawn has content. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gui_driver.h"
#include "result.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static ud_app *app;

static void draw(const char *what) {
    gd_frame(app, what);
}

static void key(SDL_Keycode k, Uint16 mod) {
    gd_key(app, k, mod);
}

static void click(int x, int y) {
    gd_click(app, x, y);
}

static int setup(void **state) {
    (void)state;
    app = gd_open(NULL);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    gd_close(app);
    return 0;
}

static void test_gui_visits_every_screen_and_plays(void **state) {
    (void)state;
    draw("start");
    assert_int_equal(app->screen, SCREEN_START);
    /* settings, by mouse: English, then French for the rest of the visit, so that every
     * string shown is looked up in the French table */
    assert_true(gd_click_label(app, gd_tr(app, "Settings")));
    assert_int_equal(app->screen, SCREEN_SETTINGS);
    assert_true(gd_click_label(app, "English"));
    assert_string_equal(app->settings.language, "en");
    assert_true(gd_click_label(app, "Français"));
    assert_string_equal(app->settings.language, "fr");
    draw("settings_fr");
    key(SDLK_ESCAPE, 0);
    assert_int_equal(app->screen, SCREEN_START);
    /* help from anywhere */
    key(SDLK_F1, 0);
    assert_int_equal(app->screen, SCREEN_HELP);
    draw("help");
    for (int page = 2; page <= 4; page++) {
        key(SDLK_PAGEDOWN, 0);
        char name[32];
        snprintf(name, sizeof name, "help_%d", page);
        draw(name);
    }
    key(SDLK_ESCAPE, 0);
    /* the tutorial, chosen with the keyboard */
    assert_true(app->scenario_count >= 6);
    int tutorial = -1;
    for (int i = 0; i < app->scenario_count; i++) {
        if (strcmp(app->infos[i].id, "tutorial") == 0) {
            tutorial = i;
        }
    }
    assert_true(tutorial >= 0);
    assert_true(ud_app_start_scenario(app, app->scenario_paths[tutorial]));
    assert_int_equal(app->screen, SCREEN_BRIEFING);
    draw("briefing");
    key(SDLK_RETURN, 0); /* the focused button: start */
    assert_int_equal(app->screen, SCREEN_PLAY);
    draw("village");
    /* every panel, by number key (the script errors' tab only shows when there are some) */
    for (int t = 0; t < TAB_PROBLEMS; t++) {
        gd_tab(app, (ud_tab)t);
        char name[32];
        snprintf(name, sizeof name, "panel_%d", t);
        draw(name);
    }
    /* play months with Space, closing each end-of-month summary */
    for (int m = 1; m <= 5; m++) {
        key(SDLK_SPACE, 0);
        assert_int_equal(ud_sim_month(ud_game_sim(app->game)), m);
        assert_int_equal(app->dialog, DIALOG_MONTH_END);
        if (m == 1) {
            draw("month_end");
        }
        /* Space closes the summary as Escape does, and plays no month while it does */
        key(m % 2 ? SDLK_ESCAPE : SDLK_SPACE, 0);
        /* the next month opens as it does for a strategy: month 6 brings the tutorial's
         * question, asked before the trainee decides month 6 */
        if (m == 5) {
            assert_int_equal(app->dialog, DIALOG_QUESTION);
            draw("question");
            /* Escape puts it aside, unanswered, to look at the village (a trainee could not
             * look at the hamlet it asked about); Space brings it back and plays no month
             * while it is unanswered */
            key(SDLK_ESCAPE, 0);
            assert_int_equal(app->dialog, DIALOG_NONE);
            key(SDLK_SPACE, 0);
            assert_int_equal(app->dialog, DIALOG_QUESTION);
            assert_int_equal(ud_sim_month(ud_game_sim(app->game)), m);
            /* F1 and Ctrl+S leave it for the help and the save screen, where its number keys
             * would save into a slot; it comes back with the village */
            key(SDLK_s, KMOD_CTRL);
            assert_int_equal(app->screen, SCREEN_SLOTS);
            assert_int_equal(app->dialog, DIALOG_NONE);
            key(SDLK_ESCAPE, 0);
            assert_int_equal(app->screen, SCREEN_PLAY);
            draw("question back after the save screen");
            assert_int_equal(app->dialog, DIALOG_QUESTION);
            key(SDLK_F1, 0);
            assert_int_equal(app->screen, SCREEN_HELP);
            assert_int_equal(app->dialog, DIALOG_NONE);
            key(SDLK_ESCAPE, 0);
            draw("question back after the help");
            assert_int_equal(app->screen, SCREEN_PLAY);
            assert_int_equal(app->dialog, DIALOG_QUESTION);
            /* nor does an Enter or a Space pressed as it opens (meant for the summary before
             * it) answer it; once the focus is moved to an option, Enter chooses it */
            /* and no option shows the focus ring until then (a ring Enter did not follow
             * looked broken to a trainee) */
            assert_string_equal(gd_focused_label(app), "");
            key(SDLK_RETURN, 0);
            key(SDLK_SPACE, 0);
            assert_int_equal(app->dialog, DIALOG_QUESTION);
            key(SDLK_DOWN, 0);
            key(SDLK_UP, 0);
            key(SDLK_RETURN, 0);
        }
        assert_int_equal(app->dialog, DIALOG_NONE);
        assert_int_equal(ud_sim_month(ud_game_sim(app->game)), m);
    }
    /* a decision through the same command path as a click: the loan desk */
    gd_tab(app, TAB_DESK);
    int napps;
    ud_sim_applications(ud_game_sim(app->game), &napps);
    int decisions;
    ud_game_decisions(app->game, &decisions);
    assert_true(napps > 0); /* the tutorial's queue is never empty by month 5 */
    /* a row refused, then a row approved: a decision taken shows as a pressed "Approved" or
     * "Rejected", not as one more button to press. A refused group application has no
     * Approve (it waits for its group): refuse rows until one can be approved again. */
    SDL_Rect r;
    int w, refused = 0;
    do {
        assert_true(gd_click_label(app, gd_tr(app, "Reject")));
        assert_true(gd_find_widget(app, gd_tr(app, "Rejected"), &r, &w));
        refused++;
        ud_app_draw(app);
    } while (!gd_find_widget(app, gd_tr(app, "Approve"), &r, &w) && refused < 8);
    assert_true(gd_click_label(app, gd_tr(app, "Approve")));
    assert_true(gd_find_widget(app, gd_tr(app, "Approved"), &r, &w));
    int after;
    ud_game_decisions(app->game, &after);
    assert_int_equal(after, decisions + refused + 1);
    /* the question was answered before month 6 was played */
    key(SDLK_SPACE, 0);
    key(SDLK_ESCAPE, 0);
    assert_int_equal(app->dialog, DIALOG_NONE);
    int nq;
    assert_int_equal(ud_game_questions(app->game, &nq)[0].answer, 1);
    gd_tab(app, TAB_NEWS);
    draw("news");
    /* a household's story, by clicking on the map */
    gd_tab(app, TAB_REPORTS);
    draw("reports");
    for (int y = 120; y < 300 && app->dialog == DIALOG_NONE; y += 4) {
        click(30, y);
    }
    assert_int_equal(app->dialog, DIALOG_HOUSEHOLD);
    draw("household");
    key(SDLK_ESCAPE, 0);
    /* and by keyboard alone */
    key(SDLK_h, 0);
    assert_int_equal(app->dialog, DIALOG_HOUSEHOLD);
    int before = app->selected_household;
    key(SDLK_PAGEDOWN, 0);
    assert_int_equal(app->selected_household,
                     (before + 1) % ud_sim_household_count(ud_game_sim(app->game)));
    key(SDLK_ESCAPE, 0);
    assert_int_equal(app->dialog, DIALOG_NONE);
    /* save in slot 1, play on, load it back */
    int month_saved = ud_sim_month(ud_game_sim(app->game));
    key(SDLK_s, KMOD_LCTRL);
    assert_int_equal(app->screen, SCREEN_SLOTS);
    draw("save_slots");
    key(SDLK_1, 0);
    key(SDLK_RETURN, 0); /* "The game is saved." */
    key(SDLK_SPACE, 0);
    key(SDLK_ESCAPE, 0);
    assert_int_equal(ud_sim_month(ud_game_sim(app->game)), month_saved + 1);
    key(SDLK_l, KMOD_LCTRL);
    draw("load_slots");
    key(SDLK_1, 0);
    assert_int_equal(app->screen, SCREEN_PLAY);
    assert_int_equal(ud_sim_month(ud_game_sim(app->game)), month_saved);
    /* a damaged save is refused with a message; the game in progress goes on */
    char path[1100];
    ud_app_slot_path(app, "slot2", path, sizeof path);
    FILE *f = fopen(path, "w");
    fputs("UNITDESA-SAVE 1\nscenario x\n", f);
    fclose(f);
    key(SDLK_l, KMOD_LCTRL);
    key(SDLK_2, 0);
    assert_int_equal(app->dialog, DIALOG_MESSAGE);
    assert_non_null(strstr(app->message, "truncated"));
    draw("load_refused");
    key(SDLK_RETURN, 0);
    assert_int_equal(ud_sim_month(ud_game_sim(app->game)), month_saved);
    /* play to the end: the debrief */
    while (ud_game_end_state(app->game) == UD_END_RUNNING) {
        key(SDLK_SPACE, 0);
        key(SDLK_ESCAPE, 0);
        if (app->dialog == DIALOG_QUESTION) {
            key(SDLK_1, 0);
        }
    }
    assert_int_equal(app->screen, SCREEN_DEBRIEF);
    draw("debrief");
    /* each judged goal says what the trainee reached, beside what was asked */
    assert_true(gd_shows(app, gd_tr(app, "result:"))); /* the visit plays in French */
    /* the game's end wrote the team's result for the class report */
    assert_true(app->result_path[0] != '\0');
    ud_team_result result;
    char rerr[2048];
    if (!ud_result_read(app->result_path, &result, rerr, sizeof rerr)) {
        fail_msg("%s", rerr);
    }
    assert_true(app->team[0] != '\0'); /* the name given on the briefing */
    assert_string_equal(result.team, app->team);
    assert_int_equal(result.played, ud_sim_month(ud_game_sim(app->game)));
    assert_int_equal(result.row_count, result.played);
    ud_result_free(&result);
    /* and Ctrl+R writes it again on demand, saying where: the same file, this game's own */
    char first_result[1100];
    snprintf(first_result, sizeof first_result, "%s", app->result_path);
    key(SDLK_r, KMOD_LCTRL);
    assert_int_equal(app->dialog, DIALOG_MESSAGE);
    assert_non_null(strstr(app->message, app->result_path));
    assert_string_equal(app->result_path, first_result);
    key(SDLK_RETURN, 0);
    /* another game of the same team name and scenario (as after a new game starts) never
     * replaces that file: it takes the next number */
    app->result_written_count = 0;
    key(SDLK_r, KMOD_LCTRL);
    key(SDLK_RETURN, 0);
    assert_string_not_equal(app->result_path, first_result);
    assert_non_null(strstr(app->result_path, ".result"));
    struct stat kept;
    assert_int_equal(stat(first_result, &kept), 0);
    /* colour-blind palette and large text still draw */
    app->settings.colour_blind = true;
    app->settings.large_text = true;
    ud_app_apply_settings(app);
    draw("debrief_large_cb");
    key(SDLK_ESCAPE, 0);
    assert_int_equal(app->screen, SCREEN_START);
    draw("start_again");
    /* every string shown on the way had a French translation */
    for (int i = 0; i < app->i18n.missing_count; i++) {
        print_message("no French for \"%s\"\n", app->i18n.missing[i]);
    }
    assert_int_equal(app->i18n.missing_count, 0);
}

/* The funding panel: an offer arrives with its conditions, and accepting it by clicking goes
 * through the same command as a strategy's accept(). */
static void test_gui_offers_are_answered_from_the_funding_panel(void **state) {
    (void)state;
    char path[1100];
    snprintf(path, sizeof path, "%s/scenarios/m2-government/credit_line.lua", UD_SOURCE_DIR);
    assert_true(ud_app_start_scenario(app, path));
    key(SDLK_RETURN, 0);
    assert_int_equal(app->screen, SCREEN_PLAY);
    for (int m = 0; m < 3; m++) {
        key(SDLK_SPACE, 0);
        key(SDLK_ESCAPE, 0);
    }
    gd_tab(app, TAB_FUNDING);
    draw("funding_offers");
    /* the scenario's own words for the offer are where it is answered, not only in News */
    const char *said = ud_scenario_text(
        app, "The district offers a credit line of 600 million at 3%, if clients pay at most 12%.");
    char start[24];
    snprintf(start, sizeof start, "%.12s", said); /* its first words, on the row's first line */
    if (!gd_shows(app, start)) {
        static char all[65536];
        gd_texts(app, all, sizeof all);
        fail_msg("no offer text on the funding panel:\n%s", all);
    }
    int n;
    const ud_offer *offers = ud_sim_offers(ud_game_sim(app->game), &n);
    assert_int_equal(n, 2);
    int line = offers[0].kind == UD_OFFER_CREDIT_LINE ? 0 : 1;
    assert_int_equal(offers[line].kind, UD_OFFER_CREDIT_LINE);
    /* newest first: the credit line is the first row if it is the newer offer */
    SDL_Rect row = {0, 0, 0, 0};
    for (int i = 0, found = 0; i < app->ui.record_count; i++) {
        if (app->ui.records[i].widget >= 0 &&
            strcmp(app->ui.records[i].text, gd_tr(app, "Accept")) == 0 &&
            ++found == (line == n - 1 ? 1 : 2)) {
            row = app->ui.records[i].rect;
        }
    }
    click(row.x + 10, row.y + 10);
    /* a credit line asks first, with its cost and its rate cap spelled out */
    assert_int_equal(app->dialog, DIALOG_CONFIRM);
    assert_non_null(strstr(app->confirm.text, "12.0%"));
    assert_false(ud_sim_offers(ud_game_sim(app->game), &n)[line].answered);
    draw("funding_confirm");
    assert_true(gd_click_label(app, app->confirm.yes));
    offers = ud_sim_offers(ud_game_sim(app->game), &n);
    assert_true(offers[line].answered && offers[line].accepted);
    assert_false(offers[1 - line].answered);
    draw("funding_accepted");
}

/* Every screen, dialog and panel of every shipped scenario, in every language: each text shown
 * has a translation, numbers are written as the language writes them, and the shipped
 * scenarios' texts come from the catalog (test_gui_layout checks that every text fits). */
static void visit_in(const char *language) {
    snprintf(app->settings.language, sizeof app->settings.language, "%s", language);
    app->settings.large_text = false; /* the normal text size; see the note on large text */
    ud_app_apply_settings(app);
    app->i18n.missing_count = 0;
    app->screen = SCREEN_SETTINGS;
    draw("settings");
    /* each language offered in its own name, whatever the language shown */
    assert_true(gd_shows_exactly(app, "English") && gd_shows_exactly(app, "Français") &&
                gd_shows_exactly(app, "Bahasa Indonesia") && gd_shows_exactly(app, "Español"));
    app->screen = SCREEN_START;
    draw("start");
    /* the shipped scenarios' texts come from the catalog: the tutorial's title */
    static const char *const titles[][2] = {{"en", "First steps at the village unit"},
                                            {"fr", "Premiers pas à l'unité villageoise"},
                                            {"id", "Langkah pertama di unit desa"},
                                            {"es", "Primeros pasos en la unidad rural"}};
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        if (strcmp(titles[i][0], language) == 0 && !gd_shows_exactly(app, titles[i][1])) {
            fail_msg("%s: the start screen does not show \"%s\"", language, titles[i][1]);
        }
    }
    app->screen = SCREEN_HELP;
    draw("help");
    for (int page = 2; page <= 4; page++) {
        key(SDLK_PAGEDOWN, 0);
        draw("help_page");
    }
    key(SDLK_ESCAPE, 0);
    for (int i = 0; i < app->scenario_count; i++) {
        assert_true(ud_app_start_scenario(app, app->scenario_paths[i]));
        draw("briefing");
        key(SDLK_RETURN, 0);
        assert_int_equal(app->screen, SCREEN_PLAY);
        /* the tutorial to its debrief; the others for two months (their news and stories are
         * checked in every language by the scenario translation test; paragraphs wrap) */
        bool tutorial = strcmp(ud_game_info(app->game)->id, "tutorial") == 0;
        if (tutorial) {
            /* numbers as each language writes them: the tutorial's cash at the start (French
             * groups with the narrow no-break space, so an amount never breaks over lines) */
            static const char *const cash[][2] = {{"en", "IDR 360,000,000"},
                                                  {"fr", "IDR 360\xE2\x80\xAF"
                                                         "000\xE2\x80\xAF"
                                                         "000"},
                                                  {"id", "IDR 360.000.000"},
                                                  {"es", "IDR 360.000.000"}};
            for (size_t k = 0; k < sizeof cash / sizeof cash[0]; k++) {
                if (strcmp(cash[k][0], language) == 0 && !gd_shows(app, cash[k][1])) {
                    fail_msg("%s: the top bar does not show \"%s\"", language, cash[k][1]);
                }
            }
        }
        for (int month = 1; ud_game_end_state(app->game) == UD_END_RUNNING; month++) {
            if (!tutorial && month > 2) {
                break;
            }
            key(SDLK_SPACE, 0);
            if (app->dialog == DIALOG_MONTH_END) {
                key(SDLK_ESCAPE, 0);
            }
            if (app->dialog == DIALOG_QUESTION) {
                key(SDLK_1, 0);
            }
            if (month % 12 == 1) {
                for (int t = 0; t < TAB_COUNT; t++) {
                    key((SDL_Keycode)(SDLK_1 + t), 0);
                }
                key(SDLK_h, 0);
                key(SDLK_ESCAPE, 0);
            }
        }
        if (!tutorial) {
            assert_true(ud_sim_month(ud_game_sim(app->game)) >= 2);
            app->screen = SCREEN_START;
            continue;
        }
        assert_int_equal(app->screen, SCREEN_DEBRIEF);
        draw("debrief");
        key(SDLK_ESCAPE, 0);
    }
    for (int i = 0; i < app->i18n.missing_count; i++) {
        print_message("%s: no translation for \"%s\"\n", language, app->i18n.missing[i]);
    }
    assert_int_equal(app->i18n.missing_count, 0);
}

static void test_gui_every_language_is_complete_and_fits(void **state) {
    (void)state;
    int count;
    const ud_language *languages = ud_i18n_languages(&count);
    assert_true(count >= 4);
    for (int i = 0; i < count; i++) {
        visit_in(languages[i].code);
    }
}

/* The first start speaks the system's language, as gettext would pick it. */
static void test_gui_first_start_picks_the_system_language(void **state) {
    (void)state;
    struct {
        const char *language_list, *lc_all, *lang, *want;
    } cases[] = {
        {NULL, NULL, "es_MX.UTF-8", "es"},
        {NULL, "id_ID.UTF-8", "en_US.UTF-8", "id"},
        {"de:fr", NULL, "en_GB.UTF-8", "fr"},
        {NULL, NULL, "de_DE.UTF-8", "en"},
        {"fr", NULL, "C", "en"},
        {NULL, NULL, NULL, "en"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsetenv("LC_MESSAGES");
        cases[i].language_list ? setenv("LANGUAGE", cases[i].language_list, 1)
                               : unsetenv("LANGUAGE");
        cases[i].lc_all ? setenv("LC_ALL", cases[i].lc_all, 1) : unsetenv("LC_ALL");
        cases[i].lang ? setenv("LANG", cases[i].lang, 1) : unsetenv("LANG");
        assert_string_equal(ud_i18n_system_language(), cases[i].want);
    }
    /* a new player's first start, then the choice they make is kept */
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/first_start", UD_TEST_DATA);
    char settings[1200];
    snprintf(settings, sizeof settings, "%s/settings.txt", dir);
    remove(settings);
    setenv("UNITDESA_DATA_DIR", dir, 1);
    unsetenv("LANGUAGE");
    unsetenv("LC_ALL");
    setenv("LANG", "es_ES.UTF-8", 1);
    ud_app_options o;
    memset(&o, 0, sizeof o);
    o.software = true;
    o.hidden = true;
    char err[512];
    ud_app *first = ud_app_create(&o, err, sizeof err);
    assert_non_null(first);
    assert_string_equal(first->settings.language, "es");
    /* before any game is loaded, the start screen lists the scenarios in Spanish */
    ud_app_draw(first);
    assert_true(gd_shows_exactly(first, "Primeros pasos en la unidad rural"));
    assert_string_equal(ud_tr(&first->i18n, "Settings"), "Ajustes");
    snprintf(first->settings.language, sizeof first->settings.language, "fr");
    ud_app_apply_settings(first);
    ud_app_destroy(first);
    first = ud_app_create(&o, err, sizeof err);
    assert_non_null(first);
    assert_string_equal(first->settings.language, "fr");
    ud_app_destroy(first);
    setenv("LANG", "C", 1);
    setenv("UNITDESA_DATA_DIR", UD_TEST_DATA, 1);
}

/* A trainer's scenario with an error is not listed, and the start screen says so, with the
 * file, the line and what is wrong: it must not just vanish. */
static void test_gui_a_broken_own_scenario_is_reported_on_the_start_screen(void **state) {
    (void)state;
    char dir[1100], folder[1200], path[1400];
    snprintf(dir, sizeof dir, "%s/broken_own", UD_TEST_DATA);
    snprintf(folder, sizeof folder, "%s/scenarios", dir);
    mkdir(dir, 0755);
    mkdir(folder, 0755);
    snprintf(path, sizeof path, "%s/harvest.lua", folder);
    gd_write_file(path, "scenario { id = 'harvest', title = 'Harvest credit', months = 12 }\n"
                        "village { housholds = 300 }\n");
    ud_app *own = gd_open(dir);
    ud_app_draw(own);
    assert_false(gd_shows(own, "Harvest credit"));
    assert_true(gd_shows(own, "1 scenario could not be opened"));
    assert_true(gd_shows(own, "harvest.lua:2: village{}: unknown key 'housholds'"));
    gd_close(own);
    /* and one with a lesson whose strategies sit in the folder's strategies/, as the guide
     * lays them out, is listed like any other (check accepts it) */
    remove(path);
    char module[1250], strategies[1250];
    snprintf(module, sizeof module, "%s/coast", folder);
    snprintf(strategies, sizeof strategies, "%s/strategies", folder);
    mkdir(module, 0755);
    mkdir(strategies, 0755);
    snprintf(path, sizeof path, "%s/sound.lua", strategies);
    gd_write_file(path, "function decide() end\n");
    snprintf(path, sizeof path, "%s/monsoon.lua", module);
    gd_write_file(
        path,
        "scenario { id = 'monsoon', title = 'Monsoon credit', months = 12,\n"
        "  lesson = { indicator = 'par30', better = 'lower', sound = '../strategies/sound.lua',\n"
        "             naive = '../strategies/sound.lua' } }\n"
        "village { households = 300 }\n");
    own = gd_open(dir);
    ud_app_draw(own);
    assert_false(gd_shows(own, "could not be opened"));
    assert_true(gd_scenario_index(own, "monsoon") >= 0);
    gd_close(own);
    setenv("UNITDESA_DATA_DIR", UD_TEST_DATA, 1);
}

/* Settings that cannot be written (the data folder is not a folder, or is read-only) are
 * said on the settings screen, not lost in silence. */
static void test_gui_data_folder_problems_are_said(void **state) {
    (void)state;
    char file[1100];
    snprintf(file, sizeof file, "%s/not_a_folder", UD_TEST_DATA);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    setenv("UNITDESA_DATA_DIR", file, 1);
    ud_app_options o;
    memset(&o, 0, sizeof o);
    o.software = true;
    o.hidden = true;
    char err[512];
    ud_app *a = ud_app_create(&o, err, sizeof err);
    assert_non_null(a);
    assert_true(a->settings_error[0] != '\0');
    a->screen = SCREEN_SETTINGS;
    ud_app_draw(a);
    assert_true(gd_shows(a, "These settings could not be saved"));
    ud_app_destroy(a);
    /* a data folder whose path would be cut (the saves would go elsewhere) is refused */
    char longer[1200];
    memset(longer, 'a', sizeof longer - 1);
    longer[0] = '/';
    longer[sizeof longer - 1] = '\0';
    setenv("UNITDESA_DATA_DIR", longer, 1);
    assert_null(ud_app_create(&o, err, sizeof err));
    assert_non_null(strstr(err, "UNITDESA_DATA_DIR: the data folder's path is 1199 bytes long"));
    setenv("UNITDESA_DATA_DIR", UD_TEST_DATA, 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gui_visits_every_screen_and_plays, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gui_offers_are_answered_from_the_funding_panel, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gui_every_language_is_complete_and_fits, setup,
                                        teardown),
        cmocka_unit_test(test_gui_first_start_picks_the_system_language),
        cmocka_unit_test(test_gui_a_broken_own_scenario_is_reported_on_the_start_screen),
        cmocka_unit_test(test_gui_data_folder_problems_are_said),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
