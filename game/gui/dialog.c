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
