/* The dialogs over the village screen: which one shows, and the box they share. Only the
 * dialog's own widgets react while it is open. */
#include "dialogs.h"

#include <stdio.h>
#include <string.h>

SDL_Rect ud_dialog_box(ud_app *app, int w, int h) {
    ud_ui *ui = &app->ui;
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
    SDL_Color shade = {0, 0, 0, 110};
    ud_ui_fill(ui, ud_rect(0, 0, UD_LOGICAL_W, UD_LOGICAL_H), shade);
    SDL_Rect r = ud_rect((UD_LOGICAL_W - w) / 2, (UD_LOGICAL_H - h) / 2, w, h);
    ud_ui_fill(ui, r, ui->pal->panel);
    ud_ui_frame(ui, r, ui->pal->border);
    ud_ui_set_box(ui, r); /* the dialog's text stays in it (the box is the frame's last) */
    ui->in_modal = true;
    return r;
}

void ud_dialogs(ud_app *app) {
    /* without a game, only a message or a confirmation (leaving the program) can be open */
    if (app->game == NULL && app->dialog != DIALOG_MESSAGE && app->dialog != DIALOG_CONFIRM) {
        return;
    }
    /* The dialog's widgets are described after the screen's: give it the focus. */
    ud_ui *ui = &app->ui;
    int first = ui->widget_count;
    if (app->dialog != DIALOG_NONE && app->dialog_drawn == DIALOG_NONE) {
        app->focus_under_dialog = ui->focus < first ? ui->focus : 0;
        app->focus_under_dialog_screen = app->screen;
        app->focus_under_dialog_label[0] = '\0';
        for (int i = 0; i < ui->record_count; i++) {
            if (ui->records[i].widget == app->focus_under_dialog) {
                snprintf(app->focus_under_dialog_label, sizeof app->focus_under_dialog_label, "%s",
                         ui->records[i].text);
                app->focus_under_dialog_danger = ui->records[i].danger;
                break;
            }
        }
    }
    /* a question opens with no option focused (see dialog_question.c): Tab gives one */
    bool unfocused_question = app->dialog == DIALOG_QUESTION && ui->focus == UD_UI_NO_FOCUS;
    if (app->dialog != DIALOG_NONE && ui->focus < first && !unfocused_question) {
        ui->focus = first;
    }
    if (app->dialog == DIALOG_NONE && app->dialog_drawn != DIALOG_NONE) {
        /* A closed dialog gives the focus back where it was, so that it does not fall on
         * whichever widget now has the dialog's number (a policy's "+", say). After a month's
         * summary the month is a new page: the focus starts again from the first safe widget. */
        /* after a month's summary, the open tab: Enter on the first safe widget opened the
         * menu for a trainee playing by keyboard */
        ui->focus = app->dialog_drawn != DIALOG_MONTH_END ? app->focus_under_dialog
                    : app->current_tab_widget >= 0        ? app->current_tab_widget
                                                          : 0;
        ui->settle_focus = true;
        if (app->dialog_drawn != DIALOG_MONTH_END && app->focus_under_dialog_label[0] != '\0' &&
            app->focus_under_dialog_screen == app->screen) {
            /* if what the dialog did took that widget away (a loan written off, its row
             * gone), the one now in its place was never chosen: the same rule as for a
             * pressed button that goes (ud_ui_end), where a trainee's focus fell on the
             * follow-up's "+" after a write-off */
            snprintf(ui->acted_label, sizeof ui->acted_label, "%s", app->focus_under_dialog_label);
            ui->focus_at_begin = ui->focus;
            if (app->focus_under_dialog_danger) {
                /* a dangerous button that asked first (Write off, Dismiss) and was answered:
                 * no widget has the focus until Tab, rather than the next safe one along (the
                 * follow-up's "+", where a trainee's focus fell after a write-off) */
                ui->focus = UD_UI_NO_FOCUS;
                ui->settle_focus = false;
                ui->acted_label[0] = '\0';
            }
        }
    }
    if (app->dialog == DIALOG_NONE) {
        app->card_return = DIALOG_NONE; /* a card opened later closes to the village */
    }
    app->dialog_drawn = app->dialog;
    switch (app->dialog) {
    case DIALOG_MONTH_END:
        ud_dialog_month_end(app);
        break;
    case DIALOG_QUESTION:
        ud_dialog_question(app);
        break;
    case DIALOG_HOUSEHOLD:
        ud_dialog_household(app);
        break;
    case DIALOG_MESSAGE:
        ud_dialog_message(app);
        break;
    case DIALOG_CONFIRM:
        ud_dialog_confirm(app);
        break;
    case DIALOG_GROUP:
        ud_dialog_group(app);
        break;
    case DIALOG_NONE:
        break;
    }
}
