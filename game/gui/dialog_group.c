/* A joint-liability group: its hamlet, whether it holds together, and each member with their
 * loan and standing (each opens the member's card). */
#include "dialogs.h"

#include <stdio.h>
#include <string.h>

void ud_dialog_group(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int hamlet = 0;
    bool collapsed = false;
    int members[16];
    int n = ud_sim_group(sim, app->selected_group, &hamlet, &collapsed, members, 16);
    if (n < 0) {
        app->dialog = DIALOG_NONE;
        return;
    }
    SDL_Rect r = ud_dialog_box(app, 720, 520);
    char line[400], money[64];
    snprintf(line, sizeof line, "%s %d · %s", TR(ui, "Group"), app->selected_group + 1,
             ud_sim_setup(sim)->village.hamlet_names[hamlet]);
    ud_ui_label(ui, line, r.x + 24, r.y + 16, UD_FONT_LARGE, true, p->text);
    int x = r.x + 24, y = r.y + 56;
    y += ud_ui_paragraph(ui,
                         collapsed ? TR(ui, "The group broke up: members stopped covering for "
                                            "each other, and its borrowers lost their reason to "
                                            "pay.")
                                   : TR(ui, "Members guarantee each other: when one cannot pay, "
                                            "the others cover, and a group that must cover too "
                                            "often breaks up."),
                         x, y, r.w - 48, UD_FONT_SMALL, collapsed ? p->bad : p->text_dim) +
         12;
    int shown = n < 16 ? n : 16;
    for (int i = 0; i < shown; i++) {
        ud_household_view h;
        if (!ud_sim_household(sim, members[i], &h)) {
            continue;
        }
        char name[64];
        ud_household_name(app, h.id, name, sizeof name);
        const char *standing = h.status == UD_HH_IN_ARREARS  ? TR(ui, "in arrears")
                               : h.status == UD_HH_DEFAULTED ? TR(ui, "defaulted")
                               : h.status == UD_HH_CLIENT    ? TR(ui, "repaying")
                                                             : TR(ui, "no loan now");
        if (h.loan != NULL) {
            ud_money_text(app, h.loan->principal_outstanding, money, sizeof money);
            snprintf(line, sizeof line, "%s · %s · %s %s", name, standing, money,
                     TR(ui, "outstanding"));
        } else {
            snprintf(line, sizeof line, "%s · %s", name, standing);
        }
        if (ud_ui_button(ui, ud_rect(x, y, r.w - 48, 30), line)) {
            app->selected_household = h.id;
            app->dialog = DIALOG_HOUSEHOLD;
        }
        y += 36;
    }
    if (ud_ui_button(ui, ud_rect(r.x + r.w - 160, r.y + r.h - 50, 136, 36), TR(ui, "Close")) ||
        ud_ui_take_escape(ui)) {
        app->dialog = DIALOG_NONE;
    }
}
