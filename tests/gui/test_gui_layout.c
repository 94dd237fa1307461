/* Layout: every screen, panel and dialog drawn in every language at every text size, on
 * the 1280x720 canvas, with no text outside its box, cut by a clip or wider than its
 * button, and no string shown without its translation. */
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

static ud_app *app;
static char problems[300][400];
static int problem_count, total;
static char context[64];

static int setup(void **state) {
    (void)state;
    app = gd_open(UD_TEST_DATA "/layout");
    return 0;
}

static int teardown(void **state) {
    (void)state;
    gd_close(app);
    return 0;
}

static void note(const char *what, const char *problem) {
    total++;
    for (int i = 0; i < problem_count; i++) {
        if (strstr(problems[i], problem) != NULL) {
            return; /* the same text on another screen */
        }
    }
    if (problem_count < 300) {
        char *line = problems[problem_count++];
        if (snprintf(line, sizeof problems[0], "%s, %s: %s", context, what, problem) >=
            (int)sizeof problems[0]) {
            snprintf(line + sizeof problems[0] - 4, 4, "..."); /* cut, and said to be */
        }
    }
}

static bool overlap(SDL_Rect a, SDL_Rect b) {
    SDL_Rect both;
    return SDL_IntersectRect(&a, &b, &both) && both.w > 2 && both.h > 2;
}

/* Texts that overlap each other or a widget (a widget's own label is not a separate text),
 * and widgets that overlap each other. */
static void check_overlaps(const char *what) {
    const ud_ui *ui = &app->ui;
    for (int i = 0; i < ui->record_count; i++) {
        for (int j = i + 1; j < ui->record_count; j++) {
            const ud_ui_record *r = &ui->records[i], *o = &ui->records[j];
            if (r->widget >= 0 && o->widget >= 0 && overlap(r->rect, o->rect)) {
                char line[400];
                snprintf(line, sizeof line, "button \"%.60s\" overlaps button \"%.60s\"", r->text,
                         o->text);
                note(what, line);
            }
        }
    }
    for (int i = 0; i < ui->record_count; i++) {
        const ud_ui_record *r = &ui->records[i];
        if (r->widget >= 0 || r->rect.w == 0) {
            continue;
        }
        for (int j = 0; j < ui->record_count; j++) {
            const ud_ui_record *o = &ui->records[j];
            if (j == i || o->rect.w == 0 || (o->widget < 0 && j < i)) {
                continue;
            }
            if (overlap(r->rect, o->rect)) {
                char line[400];
                snprintf(line, sizeof line, "text \"%.60s\" overlaps %s \"%.60s\"", r->text,
                         o->widget >= 0 ? "button" : "text", o->text);
                note(what, line);
            }
        }
    }
}

/* Draws the current state and notes what does not fit, overlaps or is not translated. */
static void look(const char *what) {
    gd_frame(app, what);
    if (app->dialog == DIALOG_NONE) {
        check_overlaps(what); /* a dialog lies over the screen, on purpose */
    }
    for (int i = 0; i < app->ui.overflow_count; i++) {
        note(what, app->ui.overflow[i]);
    }
    for (int i = 0; i < app->i18n.missing_count; i++) {
        char line[300];
        snprintf(line, sizeof line, "no translation for \"%.200s\"", app->i18n.missing[i]);
        note(what, line);
    }
    app->i18n.missing_count = 0;
}

static void visit_everything(void) {
    app->screen = SCREEN_START;
    look("start");
    gd_key(app, SDLK_F1, 0);
    for (int page = 0; page < 6; page++) {
        char name[32];
        snprintf(name, sizeof name, "help %d", page + 1);
        look(name);
        gd_key(app, SDLK_PAGEDOWN, 0);
    }
    gd_key(app, SDLK_ESCAPE, 0);
    app->back_to = SCREEN_START;
    app->screen = SCREEN_SETTINGS;
    look("settings");
    app->screen = SCREEN_START;
    for (int s = 0; s < app->scenario_count; s++) {
        assert_true(ud_app_start_scenario(app, app->scenario_paths[s]));
        look(app->infos[s].id);
    }
    gd_start(app, "m2_credit_line");
    for (int t = 0; t < TAB_PROBLEMS; t++) {
        gd_tab(app, (ud_tab)t);
        look("month 0 panel");
    }
    /* the desk's warning under the policy: a first-loan cap below a product's smallest loan */
    gd_tab(app, TAB_DESK);
    ud_command cap = ud_command_new(UD_CMD_SET_POLICY);
    cap.policy = *ud_sim_policy(ud_game_sim(app->game));
    ud_credit_policy kept = cap.policy;
    cap.policy.first_loan_cap = 1;
    assert_true(ud_app_command(app, &cap));
    look("first-loan cap warning");
    cap.policy = kept;
    assert_true(ud_app_command(app, &cap));
    while (ud_sim_month(ud_game_sim(app->game)) < 5) {
        gd_key(app, SDLK_SPACE, 0);
        look("month summary");
        gd_key(app, SDLK_ESCAPE, 0);
        while (app->dialog == DIALOG_QUESTION) {
            look("question");
            gd_key(app, SDLK_1, 0);
        }
    }
    for (int t = 0; t < TAB_PROBLEMS; t++) {
        gd_tab(app, (ud_tab)t);
        look("month 5 panel");
        if (t == TAB_PRODUCTS) {
            gd_key(app, SDLK_PAGEDOWN, 0);
            look("second product");
        }
    }
    gd_tab(app, TAB_FUNDING);
    if (gd_click_prefix(app, gd_tr(app, "Borrow"))) {
        look("confirm borrowing");
        gd_key(app, SDLK_ESCAPE, 0);
    }
    gd_tab(app, TAB_STAFF);
    if (gd_click_label(app, gd_tr(app, "Dismiss"))) {
        look("confirm dismissal");
        gd_key(app, SDLK_ESCAPE, 0);
    }
    /* an officer's course taken this month, said beside the Dismiss button (in Indonesian it
     * ran under it) */
    if (gd_click_label(app, gd_tr(app, "Train"))) {
        look("course taken");
    }
    /* a borrower's card: its longest text, the interest it pays before the poverty verdict */
    ud_sim *sim = ud_game_sim(app->game);
    for (int hh = 0; hh < ud_sim_household_count(sim); hh++) {
        ud_household_view v;
        if (ud_sim_household(sim, hh, &v) && v.loan != NULL && v.monthly_interest > 0) {
            app->selected_household = hh;
            break;
        }
    }
    gd_key(app, SDLK_h, 0);
    look("household");
    gd_key(app, SDLK_ESCAPE, 0);
    gd_key(app, SDLK_s, KMOD_LCTRL);
    look("save slots");
    gd_key(app, SDLK_ESCAPE, 0);
    gd_key(app, SDLK_ESCAPE, 0);
    look("menu");
    gd_key(app, SDLK_ESCAPE, 0);
    gd_play_to(app, 999);
    look("debrief");
    /* a debrief with a shock, the reference strategy and eight goals: its luck and
     * reference paragraphs must stay clear of the charts at large text (a trainee saw them
     * drawn behind the charts at 1024x600) */
    gd_start(app, "field_visit_bad_year");
    /* the drought's late borrowers fill pages of the Arrears tab: the page buttons must stay
     * clear of the last row's buttons (a trainee saw them drawn over it) */
    gd_play_to(app, 8);
    gd_tab(app, TAB_ARREARS);
    if (gd_click_label(app, gd_tr(app, "Reschedule"))) { /* the rescheduled note shows */
        assert_true(gd_click_label(app, app->confirm.yes));
    }
    look("arrears in the drought");
    gd_play_to(app, 999);
    look("field visit debrief");
    /* m3's reference strategy says the most (a trainee saw its last line under the charts in
     * Spanish at large text) */
    gd_start(app, "m3_womens_groups");
    gd_play_to(app, 999);
    look("m3 debrief");
    /* the election's long answer among the decisions: a trainee saw "Month 7: answer: Refuse,
     * and tell every client publicly..." drawn over the score's parts in French at large text */
    gd_start(app, "m2_election");
    gd_play_to(app, 3);
    ud_command c = ud_command_new(UD_CMD_SET_FOLLOW_UP);
    c.share = 0.9;
    assert_true(ud_app_command(app, &c));
    gd_play_to(app, 999);
    if (gd_click_label(app, gd_tr(app, "Every decision"))) {
        for (int page = 0; page < 3; page++) {
            look("every decision");
            gd_key(app, SDLK_PAGEDOWN, 0);
        }
    }
}

static void test_gui_every_screen_fits_in_every_language_and_size(void **state) {
    (void)state;
    int language_count;
    const ud_language *languages = ud_i18n_languages(&language_count);
    for (int l = 0; l < language_count; l++) {
        for (int large = 0; large < 2; large++) {
            snprintf(context, sizeof context, "%s, %s text", languages[l].code,
                     large ? "large" : "normal");
            gd_settings(app, languages[l].code, large != 0);
            app->i18n.missing_count = 0;
            visit_everything();
        }
    }
    for (int i = 0; i < problem_count; i++) {
        print_message("%s\n", problems[i]);
    }
    if (problem_count > 0) {
        fail_msg("%d layout or translation problems (%d distinct shown above)", total,
                 problem_count);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gui_every_screen_fits_in_every_language_and_size,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
