/* The funding panel: cash, offers of credit lines and grants, borrowing, savings rate. */
#include "panels.h"

#include <stdio.h>
#include <string.h>

static const char *offer_kind(const ud_ui *ui, ud_offer_kind k) {
    switch (k) {
    case UD_OFFER_CREDIT_LINE:
        return TR(ui, "Credit line");
    case UD_OFFER_GRANT_INFRASTRUCTURE:
        return TR(ui, "Grant for roads and markets");
    case UD_OFFER_GRANT_TRAINING:
        return TR(ui, "Grant for business training");
    case UD_OFFER_GRANT_TA:
        return TR(ui, "Technical assistance");
    case UD_OFFER_GRANT_CASH:
        return TR(ui, "Cash grant");
    case UD_OFFER_KIND_COUNT:
        break;
    }
    return "";
}

void ud_panel_funding(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    ud_balance_sheet bs = ud_books_balance_sheet(ud_sim_books(sim));
    char line[300], m1[64], m2[64], m3[64];
    ud_money_text(app, bs.cash, m1, sizeof m1);
    ud_money_text(app, bs.client_savings, m2, sizeof m2);
    ud_money_text(app, bs.borrowings, m3, sizeof m3);
    snprintf(line, sizeof line, "%s %s  ·  %s %s  ·  %s %s", TR(ui, "Cash"), m1, TR(ui, "Deposits"),
             m2, TR(ui, "Borrowings"), m3);
    ud_ui_label(ui, line, a.x, a.y, UD_FONT_SMALL, true, p->text);
    int y = a.y + 30;
    ud_ui_label(ui, TR(ui, "Offers"), a.x, y, UD_FONT_NORMAL, true, p->text);
    y += 26;
    int n;
    const ud_offer *offers = ud_sim_offers(sim, &n);
    int shown = 0;
    for (int i = n - 1; i >= 0 && shown < 4; i--) {
        const ud_offer *o = &offers[i];
        char amount[64];
        ud_money_text(app, o->amount, amount, sizeof amount);
        if (o->kind == UD_OFFER_CREDIT_LINE) {
            snprintf(line, sizeof line, "%s: %s %s %.1f%%, %d %s%s", offer_kind(ui, o->kind),
                     amount, TR(ui, "at"), ud_rate_to_percent(o->annual_rate), o->term_months,
                     TR(ui, "months"),
                     o->client_rate_cap > 0 ? TR(ui, "; clients may pay at most the cap") : "");
        } else {
            snprintf(line, sizeof line, "%s (%s)", offer_kind(ui, o->kind), amount);
        }
        ud_ui_paragraph(ui, line, a.x, y, a.w - 220, UD_FONT_SMALL, p->text);
        if (o->kind == UD_OFFER_CREDIT_LINE && o->client_rate_cap > 0) {
            snprintf(line, sizeof line, "%s %.1f%%", TR(ui, "Client rate cap:"),
                     ud_rate_to_percent(o->client_rate_cap));
            ud_ui_label(ui, line, a.x, y + 36, UD_FONT_SMALL, true, p->bad);
        }
        if (!o->answered && o->expires_month >= ud_sim_month(sim)) {
            ud_command c = ud_command_new(UD_CMD_ACCEPT_OFFER);
            c.index = i;
            if (ud_ui_button(ui, ud_rect(a.x + a.w - 210, y, 96, 28), TR(ui, "Accept"))) {
                ud_app_command(app, &c);
            }
            c.type = UD_CMD_DECLINE_OFFER;
            if (ud_ui_button(ui, ud_rect(a.x + a.w - 108, y, 96, 28), TR(ui, "Decline"))) {
                ud_app_command(app, &c);
            }
        } else {
            ud_ui_label(ui,
                        o->accepted ? TR(ui, "accepted")
                                    : (o->answered ? TR(ui, "declined") : TR(ui, "expired")),
                        a.x + a.w - 200, y + 4, UD_FONT_SMALL, false, p->text_dim);
        }
        y += 62;
        shown++;
    }
    if (n == 0) {
        ud_ui_label(ui, TR(ui, "No offers so far."), a.x, y, UD_FONT_SMALL, false, p->text_dim);
        y += 30;
    }
    y = a.y + 330;
    ud_ui_label(ui, TR(ui, "Borrowing"), a.x, y, UD_FONT_NORMAL, true, p->text);
    y += 28;
    int nb;
    const ud_borrowing *b = ud_sim_borrowings(sim, &nb);
    for (int i = 0; i < nb && i < 4; i++) {
        char amount[64];
        ud_money_text(app, b[i].outstanding, amount, sizeof amount);
        snprintf(line, sizeof line, "%d. %s at %.1f%%, %s %d%s", i + 1, amount,
                 ud_rate_to_percent(b[i].annual_rate), TR(ui, "due in month"), b[i].maturity_month,
                 b[i].active ? "" : TR(ui, " (repaid)"));
        ud_ui_label(ui, line, a.x, y, UD_FONT_SMALL, false, p->text);
        y += 22;
    }
    const ud_setup *setup = ud_sim_setup(sim);
    ud_money chunk = bs.total_equity / 10 > 0 ? bs.total_equity / 10 : 1000000;
    char amount[64];
    ud_money_text(app, chunk, amount, sizeof amount);
    snprintf(line, sizeof line, "%s %s %s %.0f%%", TR(ui, "Borrow"), amount, TR(ui, "at"),
             ud_rate_to_percent(setup->mfi.market_rate));
    if (ud_ui_button(ui, ud_rect(a.x, y + 8, 360, 30), line)) {
        ud_command c = ud_command_new(UD_CMD_BORROW);
        c.amount = chunk;
        c.count = 24;
        ud_app_command(app, &c);
    }
    y += 50;
    if (setup->mfi.institution == UD_INST_NGO) {
        ud_ui_label(ui, TR(ui, "As an NGO, the MFI takes no voluntary savings."), a.x, y,
                    UD_FONT_SMALL, false, p->text_dim);
        return;
    }
    ud_rate rate = app->savings_rate;
    snprintf(line, sizeof line, "%s: %.1f%%", TR(ui, "Interest paid on savings"),
             ud_rate_to_percent(rate));
    ud_ui_label(ui, line, a.x, y + 5, UD_FONT_SMALL, false, p->text);
    ud_command c = ud_command_new(UD_CMD_SET_SAVINGS_RATE);
    if (ud_ui_button(ui, ud_rect(a.x + 330, y, 40, 26), "−") && rate >= UD_RATE_PERCENT(1) / 2) {
        c.rate = rate - UD_RATE_PERCENT(1) / 2;
        if (ud_app_command(app, &c)) {
            app->savings_rate = c.rate;
        }
    }
    if (ud_ui_button(ui, ud_rect(a.x + 376, y, 40, 26), "+") && rate < UD_RATE_PERCENT(30)) {
        c.rate = rate + UD_RATE_PERCENT(1) / 2;
        if (ud_app_command(app, &c)) {
            app->savings_rate = c.rate;
        }
    }
}
