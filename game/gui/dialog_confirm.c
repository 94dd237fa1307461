/* The confirmation dialog: before a costly or irreversible action, its consequence in plain
 * words, a button that goes back (focused, so Enter never does harm) and one that acts. */
#include "dialogs.h"
#include "panels.h"

#include <stdio.h>
#include <string.h>

void ud_dialog_confirm(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_confirm *c = &app->confirm;
    /* as tall as the consequence takes to say (large text, a long translation), and room
     * below it for the grace toggle and the two buttons */
    int tw = 0, th = 0;
    ud_text_measure(ui->text, c->text, UD_FONT_NORMAL, false, 760 - 48, &tw, &th);
    int h = 64 + th + 160;
    SDL_Rect r =
        ud_dialog_box(app, 760, h < 320 ? 320 : (h > UD_LOGICAL_H - 20 ? UD_LOGICAL_H - 20 : h));
    ud_ui_label(ui, TR(ui, "Are you sure?"), r.x + 24, r.y + 18, UD_FONT_LARGE, true, p->text);
    ud_ui_paragraph(ui, c->text, r.x + 24, r.y + 64, r.w - 48, UD_FONT_NORMAL, p->text);
    int bw = (r.w - 48 - 16) / 2;
    /* described first: the safe choice takes the focus when the dialog opens */
    bool escape = ui->key == SDLK_ESCAPE;
    if (escape) {
        ud_ui_take_key(ui);
    }
    if (ud_ui_button(ui, ud_rect(r.x + 24, r.y + r.h - 60, bw, 40), c->no) || escape) {
        app->dialog = DIALOG_NONE;
        app->dirty = true;
        return;
    }
    if (ud_ui_button(ui, ud_rect(r.x + 24 + bw + 16, r.y + r.h - 60, bw, 40), c->yes)) {
        app->dialog = DIALOG_NONE;
        app->dirty = true;
        if (c->action == CONFIRM_NEXT_MONTH) {
            ud_app_play_month(app);
        } else if (c->action == CONFIRM_QUIT) {
            app->quit = true;
        } else if (c->action == CONFIRM_SAVE_SLOT) {
            char slot[16];
            snprintf(slot, sizeof slot, "slot%d", c->command.index + 1);
            if (ud_app_save(app, slot)) {
                ud_app_show_message(app, TR(&app->ui, "The game is saved."));
            }
        } else if (c->action == CONFIRM_RESCHEDULE_HARDSHIP) {
            ud_arrears_reschedule_hardship(app, c->command.level > 0);
        } else {
            ud_app_command(app, &c->command);
        }
    }
    /* a rescheduling may pause repayment first (a grace period of a third of the new
     * instalments, interest only: to the next harvest, through an illness); drawn after the
     * buttons so that the safe one keeps the focus */
    if (app->dialog == DIALOG_CONFIRM && c->action == CONFIRM_COMMAND &&
        c->command.type == UD_CMD_RESCHEDULE && c->command.count >= 3) {
        int grace = c->command.count / 3;
        char label[200];
        snprintf(label, sizeof label,
                 TRN(ui, grace, "Grace: the first %d instalment pays interest only",
                     "Grace: the first %d instalments pay interest only"),
                 grace);
        if (ud_ui_toggle(ui, ud_rect(r.x + 24, r.y + r.h - 108, r.w - 48, 34), label,
                         c->command.level > 0)) {
            c->command.level = c->command.level > 0 ? 0 : grace;
            app->dirty = true;
        }
    }
    if (app->dialog == DIALOG_CONFIRM && c->action == CONFIRM_RESCHEDULE_HARDSHIP) {
        if (ud_ui_toggle(ui, ud_rect(r.x + 24, r.y + r.h - 108, r.w - 48, 34),
                         TR(ui, "Grace: the first third of each new schedule pays interest only"),
                         c->command.level > 0)) {
            c->command.level = c->command.level > 0 ? 0 : 1;
            app->dirty = true;
        }
    }
}
