/* The loan desk: this month's applications, one decision each, and the credit policy. */
#include "dialogs.h"
#include "panels.h"

#include <stdio.h>
#include <string.h>

/* What the loan-to-income cap means in instalments, on the first open product: the cap is a
 * share of a year's income whatever the loan's term, so on a short loan a cap that sounds
 * prudent can take more than the 40% of income that over-indebts (engine/MODEL.md, 4). */
static void cap_in_instalments(ud_app *app, const ud_credit_policy *pol, int x, int y, int w) {
    ud_ui *ui = &app->ui;
    int n;
    const ud_product *products = ud_sim_products(ud_game_sim(app->game), &n);
    const ud_product *prod = NULL;
    for (int i = 0; i < n && prod == NULL; i++) {
        prod = products[i].open ? &products[i] : NULL;
    }
    if (prod == NULL || pol->loan_to_income_cap <= 0) {
        return;
    }
    double months = prod->terms.installments * ud_frequency_days(prod->terms.frequency) / 30.0;
    if (months <= 0) {
        return;
    }
    double rate = ud_rate_to_percent(prod->terms.annual_rate) / 100.0;
    double interest = rate * months / 12.0 * (prod->terms.method == UD_METHOD_FLAT ? 1.0 : 0.55);
    double share = ud_rate_to_percent(pol->loan_to_income_cap) * 12.0 / months * (1.0 + interest);
    /* the product is named on the line itself: a trainee saw 56% stay at 56% as the cap fell
     * and had to guess it was measured on the weekly group loan */
    char line[400];
    snprintf(line, sizeof line,
             TR(ui, "At this cap on the %s: instalments %.0f%% of income (40%% at most)"),
             ud_scenario_text(app, prod->name), share);
    /* the limit on the line where it fits (a trainee lowered the cap step by step until the
     * red went away); under the mouse always */
    int tw, th, one_w, one_h;
    ud_text_measure(ui->text, line, UD_FONT_SMALL, false, w, &tw, &th);
    ud_text_measure(ui->text, "Ag", UD_FONT_SMALL, false, 0, &one_w, &one_h);
    if (th > one_h) {
        snprintf(line, sizeof line, TR(ui, "At this cap on the %s: instalments %.0f%% of income"),
                 ud_scenario_text(app, prod->name), share);
    }
    int h = ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL,
                            share > 40.0 ? ui->pal->bad : ui->pal->text_dim);
    /* which product it is measured on, under the mouse: a trainee reads "25% of a year's
     * income" beside "instalments 57% of income" and needs the term that joins them */
    char why[400];
    snprintf(why, sizeof why,
             TR(ui, "Over 40%% of income is too much. Measured on the %s (%d instalments): a cap "
                    "on a year's income weighs more each month on a short loan."),
             ud_scenario_text(app, prod->name), prod->terms.installments);
    ud_ui_hint(ui, ud_rect(x, y, w, h), why);
}

/* A first-loan cap below an open product's smallest loan leaves that product no first loan to
 * make (a trainee set 1,000,000 beside a smallest loan of 1,500,000 and saw no warning). Said
 * in one line in place of the cap's instalments, the why under the mouse: the desk has no room
 * for more under the policy. Returns whether it was said. */
static bool first_cap_warning(ud_app *app, const ud_credit_policy *pol, int x, int y, int w) {
    ud_ui *ui = &app->ui;
    int n;
    const ud_product *products = ud_sim_products(ud_game_sim(app->game), &n);
    for (int i = 0; i < n && pol->first_loan_cap > 0; i++) {
        if (products[i].open && pol->first_loan_cap < products[i].min_amount) {
            char money[64], line[300], why[400];
            snprintf(line, sizeof line, TR(ui, "No first loan possible on the %s"),
                     ud_scenario_text(app, products[i].name));
            int h = ud_ui_paragraph(ui, line, x, y, w, UD_FONT_SMALL, ui->pal->bad);
            ud_money_text(app, products[i].min_amount, money, sizeof money);
            snprintf(why, sizeof why,
                     TR(ui, "Its smallest loan (%s) is above the first-loan cap: lower its "
                            "smallest loan on the Products tab, or raise the cap."),
                     money);
            ud_ui_hint(ui, ud_rect(x, y, w, h), why);
            return true;
        }
    }
    return false;
}

/* A group loan is lent to a group: an applicant waiting for one, or left without one, cannot
 * be approved alone. */
static bool needs_its_group(const ud_sim *sim, const ud_application *ap) {
    int np;
    const ud_product *products = ud_sim_products(sim, &np);
    return ap->decision == UD_APP_WAITING ||
           (products[ap->product].group_liability && ap->group < 0);
}

/* The two lines under an application's name: who applies, for what, where it stands; and
 * why it was refused, or why it cannot be approved alone (empty otherwise). */
static void application_lines(ud_app *app, const ud_application *ap, char *line, size_t size,
                              const char **reason) {
    ud_ui *ui = &app->ui;
    ud_sim *sim = ud_game_sim(app->game);
    int np;
    const ud_product *products = ud_sim_products(sim, &np);
    ud_household_view h;
    ud_sim_household(sim, ap->household, &h);
    /* the hamlet tells apart two applicants of the same name (names repeat in a village) */
    const ud_setup *setup = ud_sim_setup(sim);
    const char *hamlet = h.hamlet >= 0 && h.hamlet < setup->village.hamlets
                             ? setup->village.hamlet_names[h.hamlet]
                             : "";
    snprintf(line, size, "%s, %s%s · %s · %s · %s", h.woman ? TR(ui, "woman") : TR(ui, "man"),
             TR(ui, ud_business_name(h.business)), h.poor ? TR(ui, ", poor") : "", hamlet,
             ud_scenario_text(app, products[ap->product].name),
             ap->decision == UD_APP_APPROVED   ? TR(ui, "approved")
             : ap->decision == UD_APP_REJECTED ? TR(ui, "rejected")
             : ap->decision == UD_APP_WAITING  ? TR(ui, "waiting for its group")
                                               : TR(ui, "pending"));
    *reason = ap->reason != UD_REJECT_NONE ? TR(ui, ud_reject_reason_text(ap->reason))
              : ap->decision == UD_APP_WAITING
                  ? TR(ui, "In a forming group: the loan comes when it forms.")
              : needs_its_group(sim, ap) ? TR(ui, "No group to join: cannot be approved alone.")
                                         : "";
}

/* The height every row of the desk takes: the tallest any application needs, so that the
 * rows, and their buttons, stay in the same places from one page to the next (a trainee
 * paging through many applications clicked the wrong row when a taller one moved them). */
static int row_pitch(ud_app *app, const ud_application *apps, int n, int line_w) {
    ud_ui *ui = &app->ui;
    int w, name_h, line_h;
    ud_text_measure(ui->text, "A", UD_FONT_NORMAL, false, 0, &w, &name_h);
    ud_text_measure(ui->text, "A", UD_FONT_SMALL, false, 0, &w, &line_h);
    int tallest = 30;
    for (int i = 0; i < n; i++) {
        char line[256];
        const char *reason;
        application_lines(app, &apps[i], line, sizeof line, &reason);
        int h1, h2 = 0;
        ud_text_measure(ui->text, line, UD_FONT_SMALL, false, line_w, &w, &h1);
        if (reason[0] != '\0') {
            ud_text_measure(ui->text, "A", UD_FONT_SMALL, false, 0, &w, &h2); /* one line */
        }
        int h = (name_h + 4 > 30 ? name_h + 4 : 30) + h1 + h2;
        tallest = h > tallest ? h : tallest;
    }
    return tallest + 5;
}

/* One application: its name (which opens the household's card), what it is, and the
 * decision buttons on the right. */
static void application_row(ud_app *app, const ud_application *ap, int x, int y, int w) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int np;
    const ud_product *products = ud_sim_products(sim, &np);
    int text_w = w - 256;
    char amount[64], line[256], who[160];
    ud_money_text(app, ap->amount, amount, sizeof amount);
    SDL_Color colour = ap->decision == UD_APP_REJECTED ? p->text_dim : p->text;
    const char *name, *story;
    bool described = ud_game_household_story(app->game, ap->household, &name, &story);
    ud_household_name(app, ap->household, who, sizeof who);
    snprintf(line, sizeof line, "%s · %s", who, amount);
    int row_y = y;
    /* the applicant's name opens their card: who they are, why poor or not, their group */
    int name_w, name_h; /* the button as tall as its text, whatever the text size */
    ud_text_measure(ui->text, line, UD_FONT_NORMAL, false, 0, &name_w, &name_h);
    if (ud_ui_button(ui, ud_rect(x, y, text_w, name_h + 2), line)) {
        app->selected_household = ap->household;
        app->dialog = DIALOG_HOUSEHOLD;
    }
    /* the lines under the name run below the buttons (26 high), across the whole row */
    y += name_h + 4 > 30 ? name_h + 4 : 30;
    const char *reason;
    application_lines(app, ap, line, sizeof line, &reason);
    y += ud_ui_paragraph(ui, line, x, y, w - 10, UD_FONT_SMALL, colour);
    char cut[400];
    bool shortened = false;
    if (reason[0] != '\0') {
        /* on one line: the whole reason is under the mouse */
        shortened = ud_ui_one_line(ui, reason, UD_FONT_SMALL, w - 10, cut, sizeof cut);
        y += ud_ui_paragraph(ui, cut, x, y, w - 10, UD_FONT_SMALL, p->text_dim);
    }
    if ((described && story[0] != '\0') || shortened) {
        /* the applicant's story, and the whole reason, under the mouse */
        char hint[1200];
        snprintf(hint, sizeof hint, "%s%s%s",
                 described && story[0] != '\0' ? ud_scenario_text(app, story) : "",
                 described && story[0] != '\0' && shortened ? " " : "", shortened ? reason : "");
        ud_ui_hint(ui, ud_rect(x, row_y, w - 10, y - row_y), hint);
    }
    int bx = x + w - 246;
    ud_command c = ud_command_new(UD_CMD_APPROVE);
    c.index = ap->id;
    if (!needs_its_group(sim, ap)) {
        /* the decision taken shows as a pressed button, not as one more to press */
        if (ap->decision == UD_APP_APPROVED) {
            ud_ui_toggle(ui, ud_rect(bx, row_y, 86, 26), TR(ui, "Approved"), true);
        } else if (ud_ui_button(ui, ud_rect(bx, row_y, 86, 26), TR(ui, "Approve"))) {
            ud_app_command(app, &c);
        }
        c.type = UD_CMD_RESIZE;
        c.amount = ap->amount - ap->amount / 4;
        if (c.amount < products[ap->product].min_amount) {
            c.amount = products[ap->product].min_amount;
        }
        if (ud_ui_button(ui, ud_rect(bx + 90, row_y, 64, 26), "−25%")) {
            ud_app_command(app, &c);
        }
    }
    c.type = UD_CMD_REJECT;
    if (ap->decision == UD_APP_REJECTED) {
        ud_ui_toggle(ui, ud_rect(bx + 158, row_y, 86, 26), TR(ui, "Rejected"), true);
    } else if (ud_ui_button(ui, ud_rect(bx + 158, row_y, 86, 26), TR(ui, "Reject"))) {
        ud_app_command(app, &c);
    }
}

/* "Approve the rest": every application still pending has passed the credit policy and the
 * officers' screening (those that failed were refused already), so approving them all is
 * what the policy would have done. A trainee reviews the few that matter, then lets the rest
 * through instead of paging through dozens. Each approval is an ordinary command. */
static void approve_the_rest(ud_app *app, const ud_application *apps, int n, int pending,
                             SDL_Rect r) {
    ud_ui *ui = &app->ui;
    char label[128];
    snprintf(label, sizeof label, TR(ui, "Approve all still pending (%d)"), pending);
    if (ud_ui_button(ui, r, label)) {
        ud_sim *sim = ud_game_sim(app->game);
        int approved = 0, waiting = 0;
        bool refused = false;
        for (int i = 0; i < n; i++) {
            if (apps[i].decision != UD_APP_PENDING) {
                continue;
            }
            if (needs_its_group(sim, &apps[i])) {
                waiting++;
                continue;
            }
            ud_command c = ud_command_new(UD_CMD_APPROVE);
            c.index = apps[i].id;
            if (!ud_app_command(app, &c)) {
                refused = true;
                break; /* the message says why (the cash ran out); the rest stay pending */
            }
            approved++;
        }
        if (!refused && waiting > 0 && !app->told_group_wait) {
            app->told_group_wait = true;
            /* the rows still marked "waiting for its group" looked as if the click had done
             * nothing: say what it did and why those wait */
            char text[400];
            snprintf(text, sizeof text,
                     TR(ui, "Approved: %d. Still waiting for their group: %d; a group loan is "
                            "made once its group has formed."),
                     approved, waiting);
            ud_app_show_message(app, text);
        }
        /* the button is gone: the focus would fall on the next widget, a credit-policy rule,
         * which a stray Enter would switch */
        app->desk_refocus = true;
    }
    ud_ui_hint(ui, r,
               TR(ui, "They passed the credit policy and the officers' screening; each is "
                      "approved as if you pressed its Approve."));
}

void ud_panel_desk(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int n;
    const ud_application *apps = ud_sim_applications(sim, &n);
    char line[256];
    snprintf(line, sizeof line, "%s: %d", TR(ui, "Applications this month"), n);
    ud_ui_label(ui, line, a.x, a.y, UD_FONT_NORMAL, true, p->text);
    /* under the pager (a.y - 6 to a.y + 24), not over its buttons */
    int y = a.y + 26;
    /* the rows waiting for review count, not only the policy now: the policy applies from
     * next month's applications, so this month's may still wait after it was switched off */
    bool review = ud_sim_policy(sim)->manual_review, waiting = false;
    int pending = 0;
    for (int i = 0; i < n; i++) {
        waiting |= apps[i].decision == UD_APP_PENDING;
        pending += apps[i].decision == UD_APP_PENDING && !needs_its_group(sim, &apps[i]);
    }
    /* switched on during a month whose applications the policy has already decided: the
     * rule is for next month's (a trainee read "nothing is approved without you" above rows
     * marked Approved); switched off, this month's may still wait */
    bool from_next = review && !ud_sim_policy_as_month_opened(sim).manual_review;
    waiting = (waiting || review) && !from_next;
    const char *hint =
        waiting     ? TR(ui, "Review every loan: nothing is approved without you; "
                                 "undecided applications are refused when the month ends.")
        : from_next ? TR(ui, "Review every loan starts with next month's applications; the credit "
                             "policy decided these, and you can still change any.")
                    : TR(ui, "The credit policy decided these; change any before the "
                             "next month.");
    y +=
        ud_ui_paragraph(ui, hint, a.x, y, a.w - 10, UD_FONT_SMALL, waiting ? p->bad : p->text_dim) +
        6;
    /* the rows fill the room above the credit policy, less a line for "Approve the rest";
     * the pager sits on the heading's line, clear of the rows */
    int bottom = a.y + 292 - (pending > 0 ? 30 : 0);
    int text_w = a.w - 256;
    int pitch = row_pitch(app, apps, n, a.w - 10);
    int rows = (bottom - y + 5) / pitch; /* the last row needs no gap below it */
    rows = rows < 1 ? 1 : rows;
    int first = ud_pager(app, ud_rect(a.x, a.y - 6, a.w, 34), n, rows);
    if (app->desk_refocus) {
        ui->focus = ui->widget_count; /* the first row's name: it only opens the card */
        app->desk_refocus = false;
    }
    for (int i = first; i < n && i < first + rows; i++) {
        application_row(app, &apps[i], a.x, y + (i - first) * pitch, a.w);
    }
    if (pending > 0) {
        approve_the_rest(app, apps, n, pending, ud_rect(a.x, bottom, text_w, 28));
    }
    /* the credit policy */
    int py = a.y + 296;
    py += ud_ui_label(ui, TR(ui, "Credit policy"), a.x, py, UD_FONT_NORMAL, true, p->text) > 0 ? 22
                                                                                               : 0;
    py += ud_ui_paragraph(ui, TR(ui, "(changes apply from next month's applications)"), a.x, py,
                          a.w - 10, UD_FONT_SMALL, p->text_dim) -
          22;
    ud_credit_policy pol = *ud_sim_policy(sim);
    bool set = false;
    py += 26;
    int bw = (a.w - 20) / 3;
    const char *rules[] = {TR(ui, "Women only"), TR(ui, "Groups only"),
                           TR(ui, "Review every loan")};
    const int rule_w[] = {bw, bw, bw};
    ui->small_buttons = !ud_ui_row_fits(ui, rules, rule_w, 3); /* one size for the three */
    if (ud_ui_toggle(ui, ud_rect(a.x, py, bw, 28), TR(ui, "Women only"), pol.women_only)) {
        pol.women_only = !pol.women_only;
        set = true;
    }
    if (ud_ui_toggle(ui, ud_rect(a.x + bw + 5, py, bw, 28), TR(ui, "Groups only"),
                     pol.groups_only)) {
        pol.groups_only = !pol.groups_only;
        set = true;
    }
    if (ud_ui_toggle(ui, ud_rect(a.x + 2 * (bw + 5), py, bw, 28), TR(ui, "Review every loan"),
                     pol.manual_review)) {
        pol.manual_review = !pol.manual_review;
        set = true;
    }
    ui->small_buttons = false;
    py += 34;
    char v[96];
    int step, half = (a.w - 20) / 2, x2 = a.x + half + 10;
    ud_money_text(app, pol.first_loan_cap, v, sizeof v);
    step = ud_stepper(app, ud_rect(a.x, py, half, 46), TR(ui, "First loan at most"), v,
                      ud_round_step(pol.first_loan_cap, false) > 0, true);
    if (step != 0) {
        pol.first_loan_cap = ud_round_step(pol.first_loan_cap, step > 0);
        set = true;
    }
    snprintf(v, sizeof v, "+%.0f%%", ud_rate_to_percent(pol.repeat_step_up));
    step = ud_stepper(
        app, ud_rect(x2, py, half, 46), TR(ui, "A repeat loan may exceed the last by"), v,
        pol.repeat_step_up >= UD_RATE_PERCENT(10), pol.repeat_step_up <= UD_RATE_PERCENT(190));
    pol.repeat_step_up += step * UD_RATE_PERCENT(10);
    set |= step != 0;
    /* the row is as tall as its taller stepper (a long name wraps) */
    int h1 = ud_stepper_height(app, half, TR(ui, "First loan at most"));
    int h2 = ud_stepper_height(app, half, TR(ui, "A repeat loan may exceed the last by"));
    py += (h1 > h2 ? h1 : h2) + 6;
    snprintf(v, sizeof v, "%.0f%%", ud_rate_to_percent(pol.loan_to_income_cap));
    /* in steps of 5 points: a weekly group loan of a fifth of a year's income and one of a
     * quarter are different burdens (a trainee could go from 25% to 15% only) */
    step = ud_stepper(app, ud_rect(a.x, py, half, 46),
                      TR(ui, "Loan at most, share of a year's income"), v,
                      pol.loan_to_income_cap >= UD_RATE_PERCENT(5),
                      pol.loan_to_income_cap <= UD_RATE_PERCENT(495));
    pol.loan_to_income_cap += step * UD_RATE_PERCENT(5);
    set |= step != 0;
    /* the past-arrears rule: how late a client's last loan may have been */
    static const int days[] = {0, 7, 15, 30, 60, 90, 180, 365};
    int k = 0;
    while (k < 7 && days[k] < pol.max_past_arrears_days) {
        k++;
    }
    snprintf(v, sizeof v, TRN(ui, pol.max_past_arrears_days, "%d day", "%d days"),
             pol.max_past_arrears_days);
    step = ud_stepper(app, ud_rect(x2, py, half, 46),
                      TR(ui, "Refuse a client whose last loan was late more than"), v,
                      pol.max_past_arrears_days > 0, pol.max_past_arrears_days < 365);
    if (step != 0) {
        pol.max_past_arrears_days =
            step > 0 ? days[k < 7 && days[k] == pol.max_past_arrears_days ? k + 1 : k]
                     : days[k > 0 ? k - 1 : 0];
        set = true;
    }
    int h3 = ud_stepper_height(app, half, TR(ui, "Loan at most, share of a year's income"));
    int h4 =
        ud_stepper_height(app, half, TR(ui, "Refuse a client whose last loan was late more than"));
    py += (h3 > h4 ? h3 : h4) + 2;
    if (!first_cap_warning(app, &pol, a.x, py, a.w - 10)) {
        cap_in_instalments(app, &pol, a.x, py, a.w - 10);
    }
    if (set) {
        ud_command c = ud_command_new(UD_CMD_SET_POLICY);
        c.policy = pol;
        ud_app_command(app, &c);
    }
}
