/* A message dialog with one OK button. */
#include "dialogs.h"

#include <stdio.h>
#include <string.h>

void ud_dialog_message(ud_app *app) {
    ud_ui *ui = &app->ui;
    SDL_Rect r = ud_dialog_box(app, 760, 300);
    ud_ui_paragraph(ui, app->message, r.x + 24, r.y + 24, r.w - 48, UD_FONT_NORMAL, ui->pal->text);
    /* Enter and Escape close it too, wherever the focus was when it opened */
    SDL_Keycode k = ui->key;
    bool key_closes = k == SDLK_ESCAPE || k == SDLK_RETURN || k == SDLK_KP_ENTER;
    if (key_closes) {
        ud_ui_take_key(ui);
    }
    if (ud_ui_button(ui, ud_rect(r.x + r.w - 160, r.y + r.h - 56, 136, 38), TR(ui, "OK")) ||
        key_closes) {
        app->dialog = DIALOG_NONE;
    }
}
