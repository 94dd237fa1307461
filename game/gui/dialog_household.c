/* A household's card: its story, income, savings, loan and record. */
#include "dialogs.h"

#include <stdio.h>
#include <string.h>

void ud_dialog_household(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    ud_household_view h;
    if (!ud_sim_household(sim, app->selected_household, &h)) {
        app->dialog = DIALOG_NONE;
        return;
    }
    SDL_Rect r = ud_dialog_box(app, 620, 420);
    char line[400], money[64];
    const char *name, *story;
    bool described = ud_game_household_story(app->game, h.id, &name, &story);
    if (described) {
        snprintf(line, sizeof line, "%s · %s", name,
                 ud_sim_setup(sim)->village.hamlet_names[h.hamlet]);
    } else {
        snprintf(line, sizeof line, "%s %d · %s", TR(ui, "Household"), h.id + 1,
                 ud_sim_setup(sim)->village.hamlet_names[h.hamlet]);
    }
    ud_ui_label(ui, line, r.x + 24, r.y + 18, UD_FONT_LARGE, true, p->text);
    int y = r.y + 60, x = r.x + 24;
    if (described && story[0] != '\0') {
        y += ud_ui_paragraph(ui, ud_scenario_text(app, story), x, y, r.w - 48, UD_FONT_NORMAL,
                             p->accent) +
             10;
    }
    /* only a client is a borrower */
    bool client = h.loan != NULL || h.status == UD_HH_IN_ARREARS;
    const char *who =
        client ? (h.woman ? TR(ui, "A woman borrower") : TR(ui, "A man borrower"))
               : (h.woman ? TR(ui, "A woman, not a client") : TR(ui, "A man, not a client"));
    char people[64];
    snprintf(people, sizeof people, TRN(ui, h.members, "%d person", "%d people"), h.members);
    snprintf(line, sizeof line, "%s, %s, %s", who, people, TR(ui, ud_business_name(h.business)));
    ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->text);
    y += 28;
    ud_money_text(app, h.monthly_income, money, sizeof money);
    snprintf(line, sizeof line, "%s: %s %s %s", TR(ui, "Income"), money, TR(ui, "a month"),
             h.poor ? TR(ui, "(below the poverty line)") : TR(ui, "(above the poverty line)"));
    ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->text);
    y += 28;
    ud_money_text(app, h.savings, money, sizeof money);
    snprintf(line, sizeof line, "%s: %s", TR(ui, "Savings with the MFI"), money);
    ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->text);
    y += 28;
    if (h.loan != NULL) {
        ud_money_text(app, h.loan->principal_outstanding, money, sizeof money);
        int late = ud_loan_days_in_arrears(h.loan, ud_sim_month(sim) * 30);
        char days[80];
        snprintf(days, sizeof days, TRN(ui, late, "%d day late", "%d days late"), late);
        snprintf(line, sizeof line, "%s: %s %s, %s", TR(ui, "Loan"), money, TR(ui, "outstanding"),
                 days);
        ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, true, late > 0 ? p->bad : p->text);
    } else {
        ud_ui_label(ui, TR(ui, "No loan at the moment."), x, y, UD_FONT_NORMAL, false, p->text_dim);
    }
    y += 28;
    char repaid[80], defaults[80];
    snprintf(repaid, sizeof repaid, TRN(ui, h.loans_repaid, "%d loan repaid", "%d loans repaid"),
             h.loans_repaid);
    snprintf(defaults, sizeof defaults, TRN(ui, h.defaults, "%d default", "%d defaults"),
             h.defaults);
    snprintf(line, sizeof line, "%s: %s, %s", TR(ui, "Record"), repaid, defaults);
    ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->text);
    if (h.moneylender_debt > 0) {
        y += 28;
        ud_money_text(app, h.moneylender_debt, money, sizeof money);
        snprintf(line, sizeof line, "%s: %s", TR(ui, "Owes the moneylender"), money);
        ud_ui_label(ui, line, x, y, UD_FONT_NORMAL, false, p->bad);
    }
    int count = ud_sim_household_count(sim);
    if (ud_ui_button(ui, ud_rect(r.x + 24, r.y + r.h - 56, 60, 38), "◀") ||
        ui->key == SDLK_PAGEUP) {
        app->selected_household = (app->selected_household + count - 1) % count;
    }
    if (ud_ui_button(ui, ud_rect(r.x + 94, r.y + r.h - 56, 60, 38), "▶") ||
        ui->key == SDLK_PAGEDOWN) {
        app->selected_household = (app->selected_household + 1) % count;
    }
    if (ud_ui_button(ui, ud_rect(r.x + r.w - 160, r.y + r.h - 56, 136, 38), TR(ui, "Close")) ||
        ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->dialog = DIALOG_NONE;
    }
}
