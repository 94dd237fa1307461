/* The scenario's question dialog: one button (and number key) per option. */
#include "dialogs.h"

#include <stdio.h>
#include <string.h>

void ud_dialog_question(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    const ud_question *qs = ud_game_questions(app->game, &n);
    if (app->pending_question < 1 || app->pending_question > n) {
        app->dialog = DIALOG_NONE;
        return;
    }
    const ud_question *q = &qs[app->pending_question - 1];
    /* The box holds the question as long as it is (a trainer may write 500 bytes): wider
     * first, then as tall as the screen allows. */
    const char *text = ud_scenario_text(app, q->text);
    int w = 760, tw = 0, th = 0;
    ud_text_measure(ui->text, text, UD_FONT_NORMAL, false, w - 48, &tw, &th);
    int needed = 60 + th + 16 + 50 * q->option_count + 50;
    if (needed > UD_LOGICAL_H - 40) {
        w = 1100;
        ud_text_measure(ui->text, text, UD_FONT_NORMAL, false, w - 48, &tw, &th);
        needed = 60 + th + 16 + 50 * q->option_count + 50;
    }
    int h = needed < 300 ? 300 : (needed > UD_LOGICAL_H - 20 ? UD_LOGICAL_H - 20 : needed);
    SDL_Rect r = ud_dialog_box(app, w, h);
    ud_ui_label(ui, TR(ui, "A question for you"), r.x + 24, r.y + 18, UD_FONT_LARGE, true, p->text);
    int y = r.y + 60;
    y += ud_ui_paragraph(ui, text, r.x + 24, y, r.w - 48, UD_FONT_NORMAL, p->text) + 16;
    /* An Enter meant for the month's summary, pressed once more as the question opens, must
     * not answer it (a trainee answered the village head unseen): Enter and Space choose an
     * option only once the focus was moved to it (arrows, Tab); a number key or a click
     * always does. */
    if (app->question_shown != app->pending_question) {
        app->question_shown = app->pending_question; /* it opens now */
        app->question_armed = false;
        /* no option shows the focus ring until Tab or an arrow gives it one: a ring on option
         * 1 that Enter did not choose looked broken to a trainee */
        ui->focus = UD_UI_NO_FOCUS;
        app->question_focus = ui->focus;
    }
    app->question_armed |= ui->focus != app->question_focus;
    SDL_Keycode k = ui->key;
    if (!app->question_armed && (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)) {
        ud_ui_take_key(ui);
        k = 0;
    }
    /* Escape puts the question aside to look at the village first (a question about one
     * hamlet's borrowers is answered better after a look at them); it stays unanswered, the
     * guide says so, and Space (or Next month) brings it back before the month can end */
    if (k == SDLK_ESCAPE) {
        ud_ui_take_key(ui);
        app->dialog = DIALOG_NONE;
        app->question_shown = 0; /* when it comes back, it opens as new */
        return;
    }
    /* a number key picks its option; Enter is left to the focused option's button */
    if (k >= SDLK_1 && k < (SDL_Keycode)(SDLK_1 + q->option_count)) {
        ud_ui_take_key(ui);
    } else {
        k = 0;
    }
    ud_ui_label(ui,
                TR(ui, "Choose with a click, or with the option's number key (1, 2...); Escape "
                       "to look at the village first."),
                r.x + 24, r.y + r.h - 30, UD_FONT_SMALL, false, p->text_dim);
    /* the options keep one size: if one needs the small letters, they all have them */
    char labels[UD_MAX_QUESTION_OPTIONS][200];
    const char *label_list[UD_MAX_QUESTION_OPTIONS];
    int widths[UD_MAX_QUESTION_OPTIONS];
    for (int i = 0; i < q->option_count; i++) {
        snprintf(labels[i], sizeof labels[i], "%d. %s", i + 1,
                 ud_scenario_text(app, q->options[i]));
        label_list[i] = labels[i];
        widths[i] = r.w - 48;
    }
    bool was_small = ui->small_buttons;
    ui->small_buttons = !ud_ui_row_fits(ui, label_list, widths, q->option_count);
    for (int i = 0; i < q->option_count; i++) {
        const char *label = labels[i];
        bool chosen = ud_ui_button(ui, ud_rect(r.x + 24, y, r.w - 48, 40), label) ||
                      k == (SDL_Keycode)(SDLK_1 + i);
        if (chosen) {
            ui->small_buttons = was_small;
            char err[256];
            ud_game_answer(app->game, q->id, i + 1, err, sizeof err);
            app->dialog = DIALOG_NONE;
            app->pending_question = 0;
            app->question_shown = 0;
            app->dirty = true;
            return;
        }
        y += 50;
    }
    ui->small_buttons = was_small;
}
