/* The village screen's panels: loan desk, products, staff, funding, reports, news, and
 * script problems. Every decision goes through ud_app_command, like a strategy's. */
#include "app.h"

#include <stdio.h>
#include <string.h>

static ud_command cmd(ud_command_type type) {
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = type;
    return c;
}

/* Page navigation with PageUp/PageDown and two buttons; returns the first item to show. */
static int pager(ud_app *app, SDL_Rect area, int items, int per_page) {
    ud_ui *ui = &app->ui;
    int pages = items > 0 ? (items + per_page - 1) / per_page : 1;
    if (!ui->modal) {
        if (ui->key == SDLK_PAGEDOWN) {
            app->page++;
            ud_ui_take_key(ui);
        } else if (ui->key == SDLK_PAGEUP) {
            app->page--;
            ud_ui_take_key(ui);
        }
    }
    if (pages > 1) {
        char label[64];
        snprintf(label, sizeof label, "%d / %d", app->page + 1, pages);
        int y = area.y + area.h - 34;
        if (ud_ui_button(ui, ud_rect(area.x + area.w - 250, y, 60, 30), "◀")) {
            app->page--;
        }
        ud_ui_label(ui, label, area.x + area.w - 180, y + 6, UD_FONT_SMALL, false, ui->pal->text);
        if (ud_ui_button(ui, ud_rect(area.x + area.w - 100, y, 60, 30), "▶")) {
            app->page++;
        }
    }
    if (app->page >= pages) {
        app->page = pages - 1;
    }
    if (app->page < 0) {
        app->page = 0;
    }
    return app->page * per_page;
}

static void desk(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int n;
    const ud_application *apps = ud_sim_applications(sim, &n);
    char line[256];
    snprintf(line, sizeof line, "%s: %d", TR(ui, "Applications this month"), n);
    ud_ui_label(ui, line, a.x, a.y, UD_FONT_NORMAL, true, p->text);
    ud_ui_label(ui, TR(ui, "The credit policy decided these; change any before the next month."),
                a.x, a.y + 22, UD_FONT_SMALL, false, p->text_dim);
    int first = pager(app, ud_rect(a.x, a.y, a.w, 400), n, 6);
    int y = a.y + 46;
    int np;
    const ud_product *products = ud_sim_products(sim, &np);
    for (int i = first; i < n && i < first + 6; i++) {
        const ud_application *ap = &apps[i];
        SDL_Rect text_area = ud_rect(a.x, y, a.w - 240, 50);
        SDL_RenderSetClipRect(app->renderer, &text_area);
        ud_household_view h;
        ud_sim_household(sim, ap->household, &h);
        char amount[64];
        ud_money_text(app, ap->amount, amount, sizeof amount);
        SDL_Color colour = ap->decision == UD_APP_REJECTED ? p->text_dim : p->text;
        const char *name, *story;
        bool described = ud_game_household_story(app->game, ap->household, &name, &story);
        if (described) {
            snprintf(line, sizeof line, "%s: %s · %s", name, ud_scenario_text(app, story), amount);
        } else {
            snprintf(line, sizeof line, "#%d %s, %s · %s", ap->household + 1,
                     h.woman ? TR(ui, "woman") : TR(ui, "man"),
                     TR(ui, ud_business_name(h.business)), amount);
        }
        ud_ui_label(ui, line, a.x, y, UD_FONT_SMALL, true, colour);
        snprintf(line, sizeof line, "%s · %s", ud_scenario_text(app, products[ap->product].name),
                 ap->decision == UD_APP_APPROVED   ? TR(ui, "approved")
                 : ap->decision == UD_APP_REJECTED ? TR(ui, "rejected")
                                                   : TR(ui, "pending"));
        ud_ui_label(ui, line, a.x, y + 17, UD_FONT_SMALL, false, colour);
        if (ap->reason != UD_REJECT_NONE) {
            ud_ui_label(ui, TR(ui, ud_reject_reason_text(ap->reason)), a.x, y + 33, UD_FONT_SMALL,
                        false, p->text_dim);
        }
        SDL_RenderSetClipRect(app->renderer, NULL);
        int bx = a.x + a.w - 230;
        ud_command c = cmd(UD_CMD_APPROVE);
        c.index = ap->id;
        if (ud_ui_button(ui, ud_rect(bx, y, 70, 26), TR(ui, "Approve"))) {
            ud_app_command(app, &c);
        }
        c.type = UD_CMD_RESIZE;
        c.amount = ap->amount - ap->amount / 4;
        if (c.amount < products[ap->product].min_amount) {
            c.amount = products[ap->product].min_amount;
        }
        if (ud_ui_button(ui, ud_rect(bx + 76, y, 70, 26), "−25%")) {
            ud_app_command(app, &c);
        }
        c.type = UD_CMD_REJECT;
        if (ud_ui_button(ui, ud_rect(bx + 152, y, 70, 26), TR(ui, "Reject"))) {
            ud_app_command(app, &c);
        }
        y += 50;
    }
    /* the credit policy */
    int py = a.y + 410;
    ud_ui_label(ui, TR(ui, "Credit policy"), a.x, py, UD_FONT_NORMAL, true, p->text);
    ud_credit_policy pol = *ud_sim_policy(sim);
    bool set = false;
    py += 28;
    if (ud_ui_toggle(ui, ud_rect(a.x, py, 150, 28), TR(ui, "Women only"), pol.women_only)) {
        pol.women_only = !pol.women_only;
        set = true;
    }
    if (ud_ui_toggle(ui, ud_rect(a.x + 160, py, 150, 28), TR(ui, "Groups only"), pol.groups_only)) {
        pol.groups_only = !pol.groups_only;
        set = true;
    }
    if (ud_ui_toggle(ui, ud_rect(a.x + 320, py, 180, 28), TR(ui, "Review every loan"),
                     pol.manual_review)) {
        pol.manual_review = !pol.manual_review;
        set = true;
    }
    py += 36;
    char v[96], money[64];
    ud_money_text(app, pol.first_loan_cap, money, sizeof money);
    snprintf(v, sizeof v, "%s: %s", TR(ui, "First loan at most"), money);
    ud_ui_label(ui, v, a.x, py + 5, UD_FONT_SMALL, false, p->text);
    if (ud_ui_button(ui, ud_rect(a.x + 330, py, 40, 26), "−") && pol.first_loan_cap > 0) {
        pol.first_loan_cap -= pol.first_loan_cap / 5;
        set = true;
    }
    if (ud_ui_button(ui, ud_rect(a.x + 376, py, 40, 26), "+")) {
        pol.first_loan_cap += pol.first_loan_cap / 4 + 1;
        set = true;
    }
    py += 32;
    snprintf(v, sizeof v, "%s: %.0f%%", TR(ui, "Loan at most, of yearly income"),
             ud_rate_to_percent(pol.loan_to_income_cap));
    ud_ui_label(ui, v, a.x, py + 5, UD_FONT_SMALL, false, p->text);
    if (ud_ui_button(ui, ud_rect(a.x + 330, py, 40, 26), "−") &&
        pol.loan_to_income_cap >= UD_RATE_PERCENT(5)) {
        pol.loan_to_income_cap -= UD_RATE_PERCENT(5);
        set = true;
    }
    if (ud_ui_button(ui, ud_rect(a.x + 376, py, 40, 26), "+") &&
        pol.loan_to_income_cap <= UD_RATE_PERCENT(495)) {
        pol.loan_to_income_cap += UD_RATE_PERCENT(5);
        set = true;
    }
    if (set) {
        ud_command c = cmd(UD_CMD_SET_POLICY);
        c.policy = pol;
        ud_app_command(app, &c);
    }
}

static void products_panel(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    const ud_product *products = ud_sim_products(ud_game_sim(app->game), &n);
    int first = pager(app, a, n, 2);
    int y = a.y;
    for (int i = first; i < n && i < first + 2; i++) {
        ud_product pr = products[i];
        ud_ui_fill(ui, ud_rect(a.x, y, a.w - 10, 250), p->panel);
        ud_ui_frame(ui, ud_rect(a.x, y, a.w - 10, 250), p->border);
        ud_ui_label(ui, ud_scenario_text(app, pr.name), a.x + 10, y + 8, UD_FONT_NORMAL, true,
                    p->text);
        ud_command c = cmd(pr.open ? UD_CMD_CLOSE_PRODUCT : UD_CMD_OPEN_PRODUCT);
        c.index = i;
        if (ud_ui_toggle(ui, ud_rect(a.x + a.w - 140, y + 6, 120, 28),
                         pr.open ? TR(ui, "Open") : TR(ui, "Closed"), pr.open)) {
            ud_app_command(app, &c);
        }
        bool changed = false;
        int ly = y + 44;
        char v[160];
        /* interest method and frequency cycle through their choices */
        snprintf(v, sizeof v, "%s: %s", TR(ui, "Method"), TR(ui, ud_method_name(pr.terms.method)));
        if (ud_ui_button(ui, ud_rect(a.x + 10, ly, 300, 28), v)) {
            pr.terms.method = (ud_interest_method)((pr.terms.method + 1) % UD_METHOD_COUNT);
            changed = true;
        }
        snprintf(v, sizeof v, "%s: %s", TR(ui, "Repaid"),
                 TR(ui, ud_frequency_name(pr.terms.frequency)));
        if (ud_ui_button(ui, ud_rect(a.x + 320, ly, 300, 28), v)) {
            pr.terms.frequency = (ud_frequency)((pr.terms.frequency + 1) % UD_FREQ_COUNT);
            changed = true;
        }
        ly += 38;
        struct {
            const char *name;
            char value[64];
            int64_t *field;
            int64_t step, min, max;
        } steppers[3];
        int64_t rate = pr.terms.annual_rate, inst = pr.terms.installments;
        int64_t fee = pr.terms.fee_kind == UD_FEE_PERCENT ? pr.terms.fee_rate : 0;
        steppers[0].name = TR(ui, "Rate a year");
        snprintf(steppers[0].value, 64, "%.1f%%", ud_rate_to_percent(rate));
        steppers[0].field = &rate;
        steppers[0].step = UD_RATE_PERCENT(1);
        steppers[0].min = 0;
        steppers[0].max = UD_MAX_ANNUAL_RATE;
        steppers[1].name = TR(ui, "Instalments");
        snprintf(steppers[1].value, 64, "%d", (int)inst);
        steppers[1].field = &inst;
        steppers[1].step = 1;
        steppers[1].min = pr.terms.grace + 1;
        steppers[1].max = UD_MAX_INSTALLMENTS;
        steppers[2].name = TR(ui, "Fee");
        snprintf(steppers[2].value, 64, "%.1f%%", ud_rate_to_percent(fee));
        steppers[2].field = &fee;
        steppers[2].step = UD_RATE_PERCENT(1) / 2;
        steppers[2].min = 0;
        steppers[2].max = UD_RATE_PERCENT(20);
        for (int s = 0; s < 3; s++) {
            int sx = a.x + 10 + s * 205;
            ud_ui_label(ui, steppers[s].name, sx, ly, UD_FONT_SMALL, false, p->text_dim);
            ud_ui_label(ui, steppers[s].value, sx, ly + 18, UD_FONT_NORMAL, true, p->text);
            if (ud_ui_button(ui, ud_rect(sx + 90, ly + 14, 36, 26), "−") &&
                *steppers[s].field - steppers[s].step >= steppers[s].min) {
                *steppers[s].field -= steppers[s].step;
                changed = true;
            }
            if (ud_ui_button(ui, ud_rect(sx + 132, ly + 14, 36, 26), "+") &&
                *steppers[s].field + steppers[s].step <= steppers[s].max) {
                *steppers[s].field += steppers[s].step;
                changed = true;
            }
        }
        pr.terms.annual_rate = rate;
        pr.terms.installments = (int)inst;
        if (fee > 0) {
            pr.terms.fee_kind = UD_FEE_PERCENT;
            pr.terms.fee_rate = fee;
        } else if (pr.terms.fee_kind == UD_FEE_PERCENT) {
            pr.terms.fee_kind = UD_FEE_NONE;
        }
        ly += 56;
        /* what a client really pays, for the largest loan of the product */
        ud_loan_terms t = products[i].terms;
        t.principal = products[i].max_amount;
        double apr = 0, eir = 0;
        char amount[64];
        ud_money_text(app, products[i].min_amount, amount, sizeof amount);
        char amount2[64];
        ud_money_text(app, products[i].max_amount, amount2, sizeof amount2);
        if (ud_schedule_cost(&t, &apr, &eir) == UD_TERMS_OK) {
            snprintf(v, sizeof v, "%s: %s %.1f%%  ·  %s %.1f%%", TR(ui, "Clients really pay"),
                     TR(ui, "APR"), apr, TR(ui, "EIR"), eir);
            ud_ui_label(ui, v, a.x + 10, ly, UD_FONT_NORMAL, true, p->accent);
        }
        snprintf(v, sizeof v, "%s %s – %s%s", TR(ui, "Loans of"), amount, amount2,
                 pr.group_liability ? TR(ui, ", in joint-liability groups") : "");
        ud_ui_label(ui, v, a.x + 10, ly + 26, UD_FONT_SMALL, false, p->text_dim);
        if (changed) {
            ud_command set = cmd(UD_CMD_SET_PRODUCT);
            set.index = i;
            set.product = pr;
            ud_app_command(app, &set);
        }
        y += 262;
    }
    ud_rate cap = ud_sim_rate_cap(ud_game_sim(app->game));
    if (cap > 0) {
        char v[128];
        snprintf(v, sizeof v, "%s %.1f%%", TR(ui, "A credit line caps client rates at"),
                 ud_rate_to_percent(cap));
        ud_ui_label(ui, v, a.x, a.y + a.h - 60, UD_FONT_SMALL, true, p->bad);
    }
}

static void staff(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int n;
    const ud_officer *o = ud_sim_officers(sim, &n);
    const ud_setup *setup = ud_sim_setup(sim);
    ud_ui_label(ui, TR(ui, "Loan officers"), a.x, a.y, UD_FONT_NORMAL, true, p->text);
    int first = pager(app, ud_rect(a.x, a.y, a.w, 380), n, 8);
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
        ud_command c = cmd(UD_CMD_TRAIN);
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
        ud_command c = cmd(UD_CMD_HIRE);
        c.count = 1;
        c.amount = setup->mfi.officers.salary;
        c.level = 1;
        ud_app_command(app, &c);
    }
    ud_money_text(app, setup->mfi.costs.audit_cost, money, sizeof money);
    snprintf(label, sizeof label, "%s (%s)", TR(ui, "Order an audit"), money);
    if (ud_ui_button(ui, ud_rect(a.x + 320, by, 300, 32), label)) {
        ud_command c = cmd(UD_CMD_AUDIT);
        if (ud_app_command(app, &c)) {
            ud_app_show_message(app, TR(ui, "The auditors will report at the end of the month."));
        }
    }
    by += 44;
    if (ud_ui_button(ui, ud_rect(a.x, by, 300, 32), TR(ui, "Train every officer"))) {
        ud_command c = cmd(UD_CMD_TRAIN);
        c.index = -1;
        ud_app_command(app, &c);
    }
    by += 50;
    const ud_indicators *d = ud_sim_indicators(sim, ud_sim_month(sim));
    snprintf(label, sizeof label, "%s: %.0f", TR(ui, "Borrowers per officer"),
             d ? d->borrowers_per_officer : 0.0);
    ud_ui_label(ui, label, a.x, by, UD_FONT_SMALL, false, p->text);
}

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

static void funding(ud_app *app, SDL_Rect a) {
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
            ud_command c = cmd(UD_CMD_ACCEPT_OFFER);
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
        ud_command c = cmd(UD_CMD_BORROW);
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
    ud_command c = cmd(UD_CMD_SET_SAVINGS_RATE);
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

static void row(ud_app *app, int x, int y, const char *name, ud_money v, bool bold) {
    ud_ui *ui = &app->ui;
    char money[64];
    ud_money_text(app, v, money, sizeof money);
    ud_ui_label(ui, name, x, y, UD_FONT_SMALL, bold, ui->pal->text);
    int w, h;
    ud_text_measure(ui->text, money, UD_FONT_SMALL, bold, 0, &w, &h);
    ud_ui_label(ui, money, x + 300 - w, y, UD_FONT_SMALL, bold, ui->pal->text);
}

static void reports(ud_app *app, SDL_Rect a) {
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
    ud_chart(app, ud_rect(a.x, cy, cw, 120), "par30", TR(ui, "PAR30"), true);
    ud_chart(app, ud_rect(a.x + cw + 10, cy, cw, 120), "oss", TR(ui, "OSS"), true);
    ud_chart(app, ud_rect(a.x, cy + 130, cw, 120), "active_borrowers", TR(ui, "Active clients"),
             false);
    ud_chart(app, ud_rect(a.x + cw + 10, cy + 130, cw, 120), "households_in_poverty",
             TR(ui, "Households in poverty"), false);
    ud_chart(app, ud_rect(a.x, cy + 260, cw, 120), "fss", TR(ui, "FSS"), true);
    ud_chart(app, ud_rect(a.x + cw + 10, cy + 260, cw, 120), "subsidy_dependence",
             TR(ui, "Subsidy dependence"), false);
}

/* The month's events in one line: "5 loans disbursed, 2 borrowers fell behind". */
static void events_line(ud_app *app, int month, char *out, size_t size) {
    ud_ui *ui = &app->ui;
    const ud_month_summary *s = &app->months[month];
    struct {
        int count;
        const char *what;
    } parts[] = {{s->disbursed, "loans disbursed"},
                 {s->missed, "borrowers fell behind"},
                 {s->collapsed, "groups collapsed"},
                 {s->written_off, "loans written off"},
                 {s->fraud, "dishonest officers found"}};
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && n < size; i++) {
        if (parts[i].count > 0) {
            n += (size_t)snprintf(out + n, size - n, "%s%d %s", n ? ", " : "", parts[i].count,
                                  TR(ui, parts[i].what));
        }
    }
}

static void news(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    const ud_news *items = ud_game_news(app->game, &n);
    int months = ud_sim_month(ud_game_sim(app->game));
    if (months > 240) {
        months = 240;
    }
    int first = pager(app, a, months + 1, 6);
    int y = a.y, shown = 0;
    /* newest month first: the scenario's news, then what the month's events were */
    for (int m = months - first; m >= 0 && y < a.y + a.h - 60 && shown < 6; m--, shown++) {
        char line[800], text[UD_TEXT_LEN];
        for (int k = n - 1; k >= 0; k--) {
            if (items[k].month != m) {
                continue;
            }
            ud_game_news_text(app->game, &items[k], text, sizeof text);
            snprintf(line, sizeof line, "%s %d: %s", TR(ui, "Month"), m, text);
            y += ud_ui_paragraph(ui, line, a.x, y, a.w - 20, UD_FONT_SMALL, p->text) + 6;
        }
        if (m > 0) {
            events_line(app, m, text, sizeof text);
            if (text[0] != '\0') {
                snprintf(line, sizeof line, "%s %d: %s", TR(ui, "Month"), m, text);
                y += ud_ui_paragraph(ui, line, a.x, y, a.w - 20, UD_FONT_SMALL, p->text_dim) + 6;
            }
        }
    }
    if (n == 0 && months == 0) {
        ud_ui_label(ui, TR(ui, "No news yet."), a.x, y, UD_FONT_SMALL, false, p->text_dim);
    }
}

static void problems(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    const char *const *items = ud_game_problems(app->game, &n);
    ud_ui_label(ui, TR(ui, "Problems in the scenario's script (the game goes on)"), a.x, a.y,
                UD_FONT_NORMAL, true, p->text);
    int first = pager(app, a, n, 5);
    int y = a.y + 30;
    if (n == 0) {
        ud_ui_label(ui, TR(ui, "None."), a.x, y, UD_FONT_SMALL, false, p->text_dim);
    }
    for (int i = first; i < n && i < first + 5; i++) {
        y += ud_ui_paragraph(ui, items[i], a.x, y, a.w - 20, UD_FONT_SMALL, p->bad) + 10;
    }
}

void ud_panel(ud_app *app, SDL_Rect area) {
    ud_ui *ui = &app->ui;
    ud_ui_fill(ui, area, ui->pal->panel_alt);
    SDL_Rect inner = ud_rect(area.x + 10, area.y + 10, area.w - 20, area.h - 20);
    switch (app->tab) {
    case TAB_DESK:
        desk(app, inner);
        break;
    case TAB_PRODUCTS:
        products_panel(app, inner);
        break;
    case TAB_STAFF:
        staff(app, inner);
        break;
    case TAB_FUNDING:
        funding(app, inner);
        break;
    case TAB_REPORTS:
        reports(app, inner);
        break;
    case TAB_NEWS:
        news(app, inner);
        break;
    case TAB_PROBLEMS:
        problems(app, inner);
        break;
    case TAB_COUNT:
        break;
    }
}
