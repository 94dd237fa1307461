/* The script problems panel: errors met in the scenario's script, for the trainer. */
#include "panels.h"

#include <stdio.h>
#include <string.h>

void ud_panel_problems(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    const char *const *items = ud_game_problems(app->game, &n);
    ud_ui_label(ui, TR(ui, "Problems in the scenario's script (the game goes on)"), a.x, a.y,
                UD_FONT_NORMAL, true, p->text);
    int first = ud_pager(app, a, n, 5);
    int y = a.y + 30;
    if (n == 0) {
        ud_ui_label(ui, TR(ui, "None."), a.x, y, UD_FONT_SMALL, false, p->text_dim);
    }
    for (int i = first; i < n && i < first + 5; i++) {
        /* verbatim: the message quotes the trainer's own lines, which must read as the file
         * does ("share = 0.6", not a French "0,6" that Lua would take as two values) */
        y += ud_ui_paragraph_verbatim(ui, items[i], a.x, y, a.w - 20, UD_FONT_SMALL, p->bad) + 10;
    }
}
