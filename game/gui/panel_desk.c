/* The loan desk: this month's applications, one decision each, and the credit policy. */
#include "panels.h"

#include <stdio.h>
#include <string.h>

void ud_panel_desk(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int n;
    const ud_application *apps = ud_sim_applications(sim, &n);
    char line[256];
    snprintf(line, sizeof line, "%s: %d", TR(ui, "Applications this month"), n);
    ud_ui_label(ui, line, a.x, a.y, UD_FONT_NORMAL, true, p->text);
    ud_ui_label(ui,
                ud_sim_policy(sim)->manual_review
                    ? TR(ui, "Review every loan: nothing is approved without you; undecided "
                             "applications are refused when the month ends.")
                    : TR(ui, "The credit policy decided these; change any before the next "
                             "month."),
                a.x, a.y + 22, UD_FONT_SMALL, false,
                ud_sim_policy(sim)->manual_review ? p->bad : p->text_dim);
    int first = ud_pager(app, ud_rect(a.x, a.y, a.w, 400), n, 6);
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
        ud_command c = ud_command_new(UD_CMD_APPROVE);
        c.index = ap->id;
        /* a group loan is lent to a group: an applicant left without one cannot borrow */
        bool no_group = products[ap->product].group_liability && ap->group < 0;
        if (no_group) {
            ud_ui_paragraph(ui, TR(ui, "No group to join: cannot be approved alone."), bx, y, 146,
                            UD_FONT_SMALL, p->text_dim);
        } else {
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
        }
        c.type = UD_CMD_REJECT;
        if (ud_ui_button(ui, ud_rect(bx + 152, y, 70, 26), TR(ui, "Reject"))) {
            ud_app_command(app, &c);
        }
        y += 50;
    }
    /* the credit policy */
    int py = a.y + 410;
    int tw = ud_ui_label(ui, TR(ui, "Credit policy"), a.x, py, UD_FONT_NORMAL, true, p->text);
    ud_ui_label(ui, TR(ui, "(changes apply from next month's applications)"), a.x + tw + 10, py + 3,
                UD_FONT_SMALL, false, p->text_dim);
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
        ud_command c = ud_command_new(UD_CMD_SET_POLICY);
        c.policy = pol;
        ud_app_command(app, &c);
    }
}
