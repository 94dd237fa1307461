/* The reports panel: balance sheet, income statement and indicator charts. */
#include "panels.h"

#include <stdio.h>
#include <string.h>

static void row(ud_app *app, int x, int y, const char *name, ud_money v, bool bold) {
    ud_ui *ui = &app->ui;
    char money[64];
    ud_money_text(app, v, money, sizeof money);
    ud_ui_label(ui, name, x, y, UD_FONT_SMALL, bold, ui->pal->text);
    int w, h;
    ud_text_measure(ui->text, money, UD_FONT_SMALL, bold, 0, &w, &h);
    ud_ui_label(ui, money, x + 300 - w, y, UD_FONT_SMALL, bold, ui->pal->text);
}

void ud_panel_reports(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    ud_balance_sheet bs = ud_books_balance_sheet(ud_sim_books(sim));
    const ud_indicators *d = ud_sim_indicators(sim, ud_sim_month(sim));
    ud_ui_label(ui, TR(ui, "Balance sheet"), a.x, a.y, UD_FONT_NORMAL, true, p->text);
    int y = a.y + 26;
    row(app, a.x, y, TR(ui, "Cash"), bs.cash, false);
    row(app, a.x, y += 18, TR(ui, "Loans outstanding"), bs.gross_loans, false);
    row(app, a.x, y += 18, TR(ui, "Loan-loss reserve"), -bs.loan_loss_reserve, false);
    row(app, a.x, y += 18, TR(ui, "Fixed assets"), bs.fixed_assets, false);
    row(app, a.x, y += 18, TR(ui, "Total assets"), bs.total_assets, true);
    row(app, a.x, y += 24, TR(ui, "Client savings"), bs.client_savings, false);
    row(app, a.x, y += 18, TR(ui, "Borrowings"), bs.borrowings, false);
    row(app, a.x, y += 18, TR(ui, "Equity"), bs.total_equity, false);
    row(app, a.x, y += 18, TR(ui, "Liabilities and equity"), bs.total_liabilities + bs.total_equity,
        true);
    int x2 = a.x + 330;
    ud_ui_label(ui, TR(ui, "Income statement (last month)"), x2, a.y, UD_FONT_NORMAL, true,
                p->text);
    y = a.y + 26;
    if (d != NULL) {
        row(app, x2, y, TR(ui, "Financial revenue"), d->financial_revenue, false);
        row(app, x2, y += 18, TR(ui, "Financial expense"), -d->financial_expense, false);
        row(app, x2, y += 18, TR(ui, "Provision expense"), -d->provision_expense, false);
        row(app, x2, y += 18, TR(ui, "Recoveries"), d->recoveries, false);
        row(app, x2, y += 18, TR(ui, "Operating expense"), -d->operating_expense, false);
        row(app, x2, y += 18, TR(ui, "Net result"), d->net_result, true);
    }
    int cy = a.y + 200, cw = (a.w - 20) / 2;
    ud_chart(app, ud_rect(a.x, cy, cw, 104), "par30", TR(ui, "PAR30"), true);
    ud_chart(app, ud_rect(a.x + cw + 10, cy, cw, 104), "oss", TR(ui, "OSS"), true);
    ud_chart(app, ud_rect(a.x, cy + 112, cw, 104), "active_borrowers", TR(ui, "Active clients"),
             false);
    ud_chart(app, ud_rect(a.x + cw + 10, cy + 112, cw, 104), "households_in_poverty",
             TR(ui, "Households in poverty"), false);
    ud_chart(app, ud_rect(a.x, cy + 224, cw, 104), "fss", TR(ui, "FSS"), true);
    ud_chart(app, ud_rect(a.x + cw + 10, cy + 224, cw, 104), "subsidy_dependence",
             TR(ui, "Subsidy dependence"), false);
}
