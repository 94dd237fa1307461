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
    case UD_OFFER_GRANT_MENTORING:
        return TR(ui, "Mentoring for women clients");
    case UD_OFFER_KIND_COUNT:
        break;
    }
    return "";
}

/* What a grant gives, in words, since some give nothing in cash, and what the donor spends
 * on it where the scenario says (a trainee asked to "read its conditions" saw no figure until
 * the summary after accepting). */
static void grant_gives(ud_app *app, const ud_offer *o, char *out, size_t size) {
    ud_ui *ui = &app->ui;
    char amount[64];
    ud_money_text(app, o->amount, amount, sizeof amount);
    const char *gives = NULL;
    switch (o->kind) {
    case UD_OFFER_GRANT_INFRASTRUCTURE:
        gives = TR(ui, "built for the village, businesses there earn more (no money to the MFI)");
        break;
    case UD_OFFER_GRANT_TRAINING:
        gives = TR(ui, "courses for the village's clients, their businesses improve (no money "
                       "to the MFI)");
        break;
    case UD_OFFER_GRANT_MENTORING:
        gives = TR(ui, "mentors at the women's group meetings, their businesses earn more (no "
                       "money to the MFI)");
        break;
    case UD_OFFER_GRANT_TA:
        gives = TR(ui, "every officer's level rises by one");
        break;
    default:
        snprintf(out, size, "%s: %s %s", offer_kind(ui, o->kind), amount,
                 TR(ui, "to the MFI's equity"));
        return;
    }
    if (o->amount > 0) {
        snprintf(out, size, "%s: %s (%s %s)", offer_kind(ui, o->kind), gives, TR(ui, "worth"),
                 amount);
    } else {
        snprintf(out, size, "%s: %s", offer_kind(ui, o->kind), gives);
    }
}

/* Accepting a credit line: what it costs a month, and what its rate cap does to the
 * products, spelled out before the trainee commits. */
static void ask_accept_credit_line(ud_app *app, int index, const ud_offer *o) {
    ud_ui *ui = &app->ui;
    ud_sim *sim = ud_game_sim(app->game);
    char text[1000], amount[64], interest[64];
    ud_money_text(app, o->amount, amount, sizeof amount);
    ud_money_text(app, (ud_money)((double)o->amount * ud_rate_to_percent(o->annual_rate) / 1200.0),
                  interest, sizeof interest);
    char term[64];
    snprintf(term, sizeof term, TRN(ui, o->term_months, "%d month", "%d months"), o->term_months);
    int used =
        snprintf(text, sizeof text, "%s %s %s %.1f%% %s %s: %s %s %s.", TR(ui, "Borrow"), amount,
                 TR(ui, "at"), ud_rate_to_percent(o->annual_rate), TR(ui, "a year for"), term,
                 TR(ui, "about"), interest, TR(ui, "of interest a month"));
    if (o->client_rate_cap > 0) {
        int np, cut = 0;
        const ud_product *products = ud_sim_products(sim, &np);
        used += snprintf(text + used, sizeof text - (size_t)used,
                         " %s %.1f%%:", TR(ui, "Clients' rates are capped at"),
                         ud_rate_to_percent(o->client_rate_cap));
        for (int i = 0; i < np && used < (int)sizeof text; i++) {
            if (products[i].terms.annual_rate > o->client_rate_cap) {
                used += snprintf(text + used, sizeof text - (size_t)used, "%s %s %.1f%% → %.1f%%",
                                 cut ? "," : "", ud_scenario_text(app, products[i].name),
                                 ud_rate_to_percent(products[i].terms.annual_rate),
                                 ud_rate_to_percent(o->client_rate_cap));
                cut++;
            }
        }
        if (used < (int)sizeof text) {
            snprintf(text + used, sizeof text - (size_t)used, "%s",
                     cut ? TR(ui, ". Interest income falls while the line runs.")
                         : TR(ui, " no product is above it today; it binds until the line is "
                                  "repaid."));
        }
    }
    ud_command c = ud_command_new(UD_CMD_ACCEPT_OFFER);
    c.index = index;
    ud_app_confirm(app, text, TR(ui, "Accept"), CONFIRM_COMMAND, &c);
}

static void ask_borrow(ud_app *app, ud_money amount, ud_rate rate, int months) {
    ud_ui *ui = &app->ui;
    char text[800], money[64], interest[64];
    ud_money_text(app, amount, money, sizeof money);
    ud_money_text(app, (ud_money)((double)amount * ud_rate_to_percent(rate) / 1200.0), interest,
                  sizeof interest);
    char term[64];
    snprintf(term, sizeof term, TRN(ui, months, "%d month", "%d months"), months);
    snprintf(text, sizeof text, "%s %s %s %.1f%% %s %s: %s %s %s %d. %s", TR(ui, "Borrow"), money,
             TR(ui, "at"), ud_rate_to_percent(rate), TR(ui, "a year for"), term, TR(ui, "about"),
             interest, TR(ui, "of interest a month, the whole amount due in month"),
             ud_sim_month(ud_game_sim(app->game)) + 1 + months,
             /* why this amount, and why not more: idle borrowed cash costs more than it earns */
             TR(ui, "The bank lends a tenth of the MFI's equity at a time; borrow again for "
                    "more. Borrow what clients will take: cash left idle earns less than the "
                    "loan costs."));
    ud_command c = ud_command_new(UD_CMD_BORROW);
    c.amount = amount;
    c.count = months;
    ud_app_confirm(app, text, TR(ui, "Borrow"), CONFIRM_COMMAND, &c);
}

static void ask_repay(ud_app *app, int index, ud_money amount, ud_money cash) {
    ud_ui *ui = &app->ui;
    char text[600], money[64], left[64];
    ud_money_text(app, amount, money, sizeof money);
    ud_money_text(app, cash - amount, left, sizeof left);
    snprintf(text, sizeof text, "%s %s %s %d %s %s. %s", TR(ui, "Repay"), money,
             TR(ui, "of borrowing"), index + 1, TR(ui, "now: cash falls to"), left,
             TR(ui, "No more interest is paid on what is repaid."));
    ud_command c = ud_command_new(UD_CMD_REPAY);
    c.index = index;
    c.amount = amount;
    ud_app_confirm(app, text, TR(ui, "Repay"), CONFIRM_COMMAND, &c);
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
    /* an NGO holds only its clients' compulsory savings: "Deposits" beside "takes no voluntary
     * savings" read as a contradiction to a trainee */
    bool ngo = ud_sim_setup(sim)->mfi.institution == UD_INST_NGO;
    snprintf(line, sizeof line, "%s %s  ·  %s %s  ·  %s %s", TR(ui, "Cash"), m1,
             ngo ? TR(ui, "Compulsory savings") : TR(ui, "Deposits"), m2, TR(ui, "Borrowings"), m3);
    /* wrapped: in Spanish at large text the line ran past the panel ("Préstamos recibidos ID") */
    int y = a.y + ud_ui_paragraph(ui, line, a.x, a.y, a.w - 10, UD_FONT_SMALL, p->text) + 10;
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
            char term[64];
            snprintf(term, sizeof term, TRN(ui, o->term_months, "%d month", "%d months"),
                     o->term_months);
            snprintf(line, sizeof line, "%s: %s %s %.1f%% %s, %s", offer_kind(ui, o->kind), amount,
                     TR(ui, "at"), ud_rate_to_percent(o->annual_rate), TR(ui, "a year"), term);
        } else {
            grant_gives(app, o, line, sizeof line);
        }
        int th = ud_ui_paragraph(ui, line, a.x, y, a.w - 220, UD_FONT_SMALL, p->text);
        if (o->kind == UD_OFFER_CREDIT_LINE && o->client_rate_cap > 0) {
            snprintf(line, sizeof line, "%s %.1f%%", TR(ui, "Clients' rates capped at"),
                     ud_rate_to_percent(o->client_rate_cap));
            ud_ui_label(ui, line, a.x, y + th + 2, UD_FONT_SMALL, true, p->bad);
            th += 20;
        }
        /* the scenario's own words for the offer (who offers it, why), where it is answered:
         * in the row while there is room, and whole under the mouse */
        const ud_news *said = ud_game_offer_news(app->game, i);
        int row_h = 58;
        if (said != NULL) {
            char words[UD_TEXT_LEN + 64];
            ud_game_news_text(app->game, said, words, sizeof words);
            int ww, wh;
            ud_text_measure(ui->text, words, UD_FONT_SMALL, false, a.w - 220, &ww, &wh);
            /* whole, in the row, when the offers above leave room for it (the borrowing
             * section starts below); under the mouse always */
            if (!o->answered && y + th + 4 + wh + 6 <= a.y + 296) {
                ud_ui_paragraph(ui, words, a.x, y + th + 4, a.w - 220, UD_FONT_SMALL, p->text_dim);
                row_h = th + 4 + wh + 6 > row_h ? th + 4 + wh + 6 : row_h;
            }
            ud_ui_hint(ui, ud_rect(a.x, y, a.w - 220, row_h - 2), words);
        }
        if (!o->answered && o->expires_month >= ud_sim_month(sim)) {
            if (ud_ui_button(ui, ud_rect(a.x + a.w - 210, y, 96, 28), TR(ui, "Accept"))) {
                if (o->kind == UD_OFFER_CREDIT_LINE) {
                    ask_accept_credit_line(app, i, o);
                } else {
                    ud_command c = ud_command_new(UD_CMD_ACCEPT_OFFER);
                    c.index = i;
                    ud_app_command(app, &c);
                }
            }
            ud_command c = ud_command_new(UD_CMD_DECLINE_OFFER);
            c.index = i;
            if (ud_ui_danger(ui, ud_rect(a.x + a.w - 108, y, 96, 28), TR(ui, "Decline"))) {
                ud_app_command(app, &c);
            }
        } else {
            ud_ui_label(ui,
                        o->accepted ? TR(ui, "accepted")
                                    : (o->answered ? TR(ui, "declined") : TR(ui, "expired")),
                        a.x + a.w - 200, y + 4, UD_FONT_SMALL, false, p->text_dim);
        }
        y += row_h;
        shown++;
        if (y + 58 > a.y + 296) {
            break; /* no room for another row above the borrowing section */
        }
    }
    if (n == 0) {
        ud_ui_label(ui, TR(ui, "No offers so far."), a.x, y, UD_FONT_SMALL, false, p->text_dim);
        y += 30;
    }
    y = a.y + 300;
    ud_ui_label(ui, TR(ui, "Borrowing"), a.x, y, UD_FONT_NORMAL, true, p->text);
    y += 28;
    int nb;
    const ud_borrowing *b = ud_sim_borrowings(sim, &nb);
    for (int i = 0, rows = 0; i < nb && rows < 4; i++) {
        if (!b[i].active) {
            continue; /* repaid: in the decision log and the debrief */
        }
        char amount[64];
        ud_money_text(app, b[i].outstanding, amount, sizeof amount);
        snprintf(line, sizeof line, "%d. %s %s %.1f%% %s, %s %d", i + 1, amount, TR(ui, "at"),
                 ud_rate_to_percent(b[i].annual_rate), TR(ui, "a year"), TR(ui, "due in month"),
                 b[i].maturity_month);
        ud_ui_label(ui, line, a.x, y + 5, UD_FONT_SMALL, false, p->text);
        ud_money can = b[i].outstanding < bs.cash ? b[i].outstanding : bs.cash;
        if (can > 0) {
            char label[120];
            ud_money_text(app, can, amount, sizeof amount);
            snprintf(label, sizeof label, "%s %s", TR(ui, "Repay"), amount);
            if (ud_ui_button(ui, ud_rect(a.x + a.w - 250, y, 240, 26), label)) {
                ask_repay(app, i, can, bs.cash);
            }
        }
        y += 30;
        rows++;
    }
    const ud_setup *setup = ud_sim_setup(sim);
    ud_money chunk = bs.total_equity / 10 > 0 ? bs.total_equity / 10 : 1000000;
    /* a round amount: two significant digits */
    ud_money unit = 1;
    while (chunk / unit >= 100) {
        unit *= 10;
    }
    chunk = chunk / unit * unit;
    char amount[64];
    ud_money_text(app, chunk, amount, sizeof amount);
    snprintf(line, sizeof line, "%s %s %s %.1f%% %s, 24 %s", TR(ui, "Borrow"), amount, TR(ui, "at"),
             ud_rate_to_percent(setup->mfi.market_rate), TR(ui, "a year"), TR(ui, "months"));
    if (ud_ui_button(ui, ud_rect(a.x, y + 6, a.w - 10, 30), line)) {
        ask_borrow(app, chunk, setup->mfi.market_rate, 24);
    }
    /* why the amount changes from month to month (a trainee saw 50M, 49M, 46M, 44M) */
    ud_ui_hint(ui, ud_rect(a.x, y + 6, a.w - 10, 30),
               TR(ui, "A tenth of the equity at a time, at the market rate: the amount follows "
                      "the equity, which the month's result moves."));
    y += 46;
    if (setup->mfi.institution == UD_INST_NGO) {
        ud_ui_label(ui, TR(ui, "As an NGO, the MFI takes no voluntary savings."), a.x, y,
                    UD_FONT_SMALL, false, p->text_dim);
        return;
    }
    ud_rate rate = app->savings_rate;
    snprintf(line, sizeof line, "%s: %.1f%% %s", TR(ui, "Interest paid on savings"),
             ud_rate_to_percent(rate), TR(ui, "a year"));
    ud_ui_label(ui, line, a.x, y + 5, UD_FONT_SMALL, false, p->text);
    ud_command c = ud_command_new(UD_CMD_SET_SAVINGS_RATE);
    if (ud_ui_button(ui, ud_rect(a.x + a.w - 100, y, 44, 26), "−") &&
        rate >= UD_RATE_PERCENT(1) / 2) {
        c.rate = rate - UD_RATE_PERCENT(1) / 2;
        if (ud_app_command(app, &c)) {
            app->savings_rate = c.rate;
        }
    }
    if (ud_ui_button(ui, ud_rect(a.x + a.w - 50, y, 44, 26), "+") && rate < UD_RATE_PERCENT(30)) {
        c.rate = rate + UD_RATE_PERCENT(1) / 2;
        if (ud_app_command(app, &c)) {
            app->savings_rate = c.rate;
        }
    }
}
