/* The staff panel: loan officers, their training and audits, hiring. */
#include "panels.h"

#include <stdio.h>
#include <string.h>

void ud_panel_staff(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int n;
    const ud_officer *o = ud_sim_officers(sim, &n);
    const ud_setup *setup = ud_sim_setup(sim);
    ud_ui_label(ui, TR(ui, "Loan officers"), a.x, a.y, UD_FONT_NORMAL, true, p->text);
    int first = ud_pager(app, ud_rect(a.x, a.y, a.w, 380), n, 8);
    int y = a.y + 30;
    static const char *const levels[4] = {"untrained", "basic", "trained", "expert"};
    for (int i = first; i < n && i < first + 8; i++) {
        char line[200];
        if (!o[i].employed) {
            snprintf(line, sizeof line, "%s %d: %s", TR(ui, "Officer"), i + 1, TR(ui, "left"));
            ud_ui_label(ui, line, a.x, y + 5, UD_FONT_SMALL, false, p->text_dim);
            y += 38;
            continue;
        }
        snprintf(line, sizeof line, "%s %d: %s, %d %s, %d %s", TR(ui, "Officer"), i + 1,
                 TR(ui, levels[o[i].training]), o[i].caseload, TR(ui, "loans"),
                 o[i].months_since_audit, TR(ui, "months since an audit"));
        ud_ui_label(ui, line, a.x, y + 5, UD_FONT_SMALL, false, p->text);
        ud_command c = ud_command_new(UD_CMD_TRAIN);
        c.index = i;
        if (o[i].training < 3 &&
            ud_ui_button(ui, ud_rect(a.x + a.w - 200, y, 90, 28), TR(ui, "Train"))) {
            ud_app_command(app, &c);
        }
        c.type = UD_CMD_FIRE;
        if (ud_ui_button(ui, ud_rect(a.x + a.w - 100, y, 80, 28), TR(ui, "Dismiss"))) {
            ud_app_command(app, &c);
        }
        y += 38;
    }
    int by = a.y + 400;
    char label[128], money[64];
    ud_money_text(app, setup->mfi.costs.hire_cost, money, sizeof money);
    snprintf(label, sizeof label, "%s (%s)", TR(ui, "Hire an officer"), money);
    if (ud_ui_button(ui, ud_rect(a.x, by, 300, 32), label)) {
        ud_command c = ud_command_new(UD_CMD_HIRE);
        c.count = 1;
        c.amount = setup->mfi.officers.salary;
        c.level = 1;
        ud_app_command(app, &c);
    }
    ud_money_text(app, setup->mfi.costs.audit_cost, money, sizeof money);
    snprintf(label, sizeof label, "%s (%s)", TR(ui, "Order an audit"), money);
    if (ud_ui_button(ui, ud_rect(a.x + 320, by, 300, 32), label)) {
        ud_command c = ud_command_new(UD_CMD_AUDIT);
        if (ud_app_command(app, &c)) {
            ud_app_show_message(app, TR(ui, "The auditors will report at the end of the month."));
        }
    }
    by += 44;
    if (ud_ui_button(ui, ud_rect(a.x, by, 300, 32), TR(ui, "Train every officer"))) {
        ud_command c = ud_command_new(UD_CMD_TRAIN);
        c.index = -1;
        ud_app_command(app, &c);
    }
    by += 50;
    const ud_indicators *d = ud_sim_indicators(sim, ud_sim_month(sim));
    snprintf(label, sizeof label, "%s: %.0f", TR(ui, "Borrowers per officer"),
             d ? d->borrowers_per_officer : 0.0);
    ud_ui_label(ui, label, a.x, by, UD_FONT_SMALL, false, p->text);
}
