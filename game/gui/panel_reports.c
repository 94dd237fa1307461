/* The reports panel: balance sheet, income statement and indicator charts. */
#include "panels.h"

#include <stdio.h>
#include <string.h>

/* One statement row: the name at x, the amount right-aligned at x + w. */
static void row(ud_app *app, int x, int y, int w, const char *name, ud_money v, bool bold) {
    ud_ui *ui = &app->ui;
    char money[64];
    ud_money_text(app, v, money, sizeof money);
    int mw, h;
    ud_text_measure(ui->text, money, UD_FONT_SMALL, bold, 0, &mw, &h);
    SDL_Rect name_box = ud_rect(x, y, w - mw - 8, h + 2);
    SDL_RenderSetClipRect(app->renderer, &name_box);
    ud_ui_label(ui, name, x, y, UD_FONT_SMALL, bold, ui->pal->text);
    SDL_RenderSetClipRect(app->renderer, NULL);
    ud_ui_label(ui, money, x + w - mw, y, UD_FONT_SMALL, bold, ui->pal->text);
}

/* Two pages: the statements and the ratios in words, then the charts over time. */
void ud_panel_reports(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int month = ud_sim_month(sim);
    const ud_indicators *d = ud_sim_indicators(sim, month);
    int page = ud_pager(app, a, 2, 1);
    if (page == 1) {
        int ch = 150, gap = 162, chw = (a.w - 10) / 2, cy = a.y;
        ud_chart(app, ud_rect(a.x, cy, chw, ch), "par30", TR(ui, "PAR30, % of loans"), true);
        ud_chart(app, ud_rect(a.x + chw + 10, cy, chw, ch), "oss", TR(ui, "OSS, % (12 months)"),
                 true);
        ud_chart(app, ud_rect(a.x, cy + gap, chw, ch), "active_borrowers",
                 TR(ui, "Active clients, people"), false);
        /* distress (poor, over-indebted or in default) is what the client goals judge */
        ud_chart(app, ud_rect(a.x + chw + 10, cy + gap, chw, ch), "households_in_distress",
                 TR(ui, "Households in distress"), false);
        ud_chart(app, ud_rect(a.x, cy + 2 * gap, chw, ch), "fss", TR(ui, "FSS, % (12 months)"),
                 true);
        ud_chart(app, ud_rect(a.x + chw + 10, cy + 2 * gap, chw, ch), "subsidy_dependence",
                 TR(ui, "Subsidy dependence, %"), true);
        return;
    }
    ud_balance_sheet bs = ud_books_balance_sheet(ud_sim_books(sim));
    int w = a.w - 10, lh, dummy;
    ud_text_measure(ui->text, "Ag", UD_FONT_SMALL, true, 0, &dummy, &lh);
    lh += 1;
    int y = a.y;
    y += 4 +
         ud_ui_label(ui, TR(ui, "Balance sheet, now"), a.x, y, UD_FONT_NORMAL, true, p->text) * 0;
    y += 22;
    row(app, a.x, y, w, TR(ui, "Cash"), bs.cash, false);
    row(app, a.x, y += lh, w, TR(ui, "Loans outstanding"), bs.gross_loans, false);
    row(app, a.x, y += lh, w, TR(ui, "Loan-loss reserve"), -bs.loan_loss_reserve, false);
    /* fees paid up front and not yet earned: the loans' amortised cost (IFRS 9) */
    row(app, a.x, y += lh, w, TR(ui, "Unearned loan fees"), -bs.unearned_fees, false);
    row(app, a.x, y += lh, w, TR(ui, "Fixed assets"), bs.fixed_assets, false);
    row(app, a.x, y += lh, w, TR(ui, "Total assets"), bs.total_assets, true);
    row(app, a.x, y += lh + 4, w, TR(ui, "Client savings"), bs.client_savings, false);
    row(app, a.x, y += lh, w, TR(ui, "Borrowings"), bs.borrowings, false);
    row(app, a.x, y += lh, w, TR(ui, "Equity"), bs.total_equity, false);
    row(app, a.x, y += lh, w, TR(ui, "Liabilities and equity"),
        bs.total_liabilities + bs.total_equity, true);
    y += lh + 4;
    char title[160];
    snprintf(title, sizeof title, "%s %d", TR(ui, "Income statement, month"), month);
    ud_ui_label(ui, title, a.x, y, UD_FONT_NORMAL, true, p->text);
    y += 26;
    if (d != NULL && month > 0) {
        row(app, a.x, y, w, TR(ui, "Interest and fees from loans"),
            d->financial_revenue - d->investment_income, false);
        row(app, a.x, y += lh, w, TR(ui, "Interest on idle cash"), d->investment_income, false);
        row(app, a.x, y += lh, w, TR(ui, "Financial revenue"), d->financial_revenue, true);
        row(app, a.x, y += lh, w, TR(ui, "Financial expense"), -d->financial_expense, false);
        /* each line as it adds to the result (costs negative): a month whose provisions were
         * released shows them so named, as the income they are */
        row(app, a.x, y += lh, w,
            d->provision_expense < 0 ? TR(ui, "Provisions released (income)")
                                     : TR(ui, "Provision expense"),
            -d->provision_expense, false);
        row(app, a.x, y += lh, w, TR(ui, "Recoveries"), d->recoveries, false);
        row(app, a.x, y += lh, w, TR(ui, "Operating expense"), -d->operating_expense, false);
        row(app, a.x, y += lh, w, TR(ui, "Net result of the month"), d->net_result, true);
        y += lh + 4;
    } else {
        ud_ui_label(ui, TR(ui, "No month played yet."), a.x, y, UD_FONT_SMALL, false, p->text_dim);
        y += lh + 10;
    }
    /* the ratios: each with its unit and the window it is measured over */
    char window[120], line[400];
    ud_window_text(app, window, sizeof window);
    if (d != NULL && month > 0) {
        snprintf(line, sizeof line, "%s %.0f%% %s: %s", TR(ui, "OSS"), d->oss * 100, window,
                 TR(ui, "revenue over costs, interest on idle cash included (100% breaks "
                        "even)."));
        y += ud_ui_paragraph(ui, line, a.x, y, w, UD_FONT_SMALL, p->text) + 2;
        double rise = d->subsidy_dependence * 100;
        /* measured against what the loans earn: before they earn anything (a new unit's
         * first month) there is nothing to measure against, and 0 would read as "no subsidy
         * needed" */
        if (d->portfolio_yield <= 0) {
            snprintf(line, sizeof line, "%s %s: %s", TR(ui, "Subsidy dependence"), window,
                     TR(ui, "not measured yet: the loans have earned nothing so far to compare "
                            "the subsidies with."));
        } else if (month < 6) {
            /* against a portfolio of a few months' interest, any subsidy reads as thousands
             * of percent (22,137% in m1's second month): its chart starts at month 6 too */
            snprintf(line, sizeof line, "%s %s: %s", TR(ui, "Subsidy dependence"), window,
                     TR(ui, "not measured before month 6 (a new portfolio earns too little "
                            "yet)."));
        } else if (rise > 0) {
            snprintf(line, sizeof line, "%s %.0f%% %s: %s %.0f%% %s", TR(ui, "Subsidy dependence"),
                     rise, window, TR(ui, "clients' rates would have to rise by"), rise,
                     TR(ui, "to do without any subsidy."));
        } else {
            snprintf(line, sizeof line, "%s %.0f%% %s: %s", TR(ui, "Subsidy dependence"), rise,
                     window, TR(ui, "no subsidy is needed at today's rates."));
        }
        ud_ui_paragraph(ui, line, a.x, y, w, UD_FONT_SMALL, p->text);
    }
}
