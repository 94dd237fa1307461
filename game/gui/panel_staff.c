/* The staff panel: loan officers, their training and audits, hiring. */
#include "panels.h"

#include <stdio.h>
#include <string.h>

/* Whether the officer had this month's course (a recruit hired trained took it with the
 * hire): one course a month is what an officer takes in while still serving clients. */
static bool trained_this_month(ud_app *app, const ud_officer *o) {
    return o->course_month == ud_sim_month(ud_game_sim(app->game));
}

static bool audit_ordered_this_month(ud_app *app) {
    int n, month = ud_sim_month(ud_game_sim(app->game));
    const ud_decision *d = ud_game_decisions(app->game, &n);
    for (int i = n - 1; i >= 0 && d[i].month == month; i--) {
        if (!d[i].is_answer && d[i].command.type == UD_CMD_AUDIT) {
            return true;
        }
    }
    return false;
}

/* A course for one officer, or (-1) for every officer who can take one this month; the
 * engine refuses, with its reason, a course an officer cannot take. */
static void train(ud_app *app, int officer) {
    ud_command c = ud_command_new(UD_CMD_TRAIN);
    c.index = officer;
    ud_app_command(app, &c);
}

static void dismiss(ud_app *app, int officer, const ud_officer *o, int employed) {
    ud_ui *ui = &app->ui;
    char text[1000], loans[200];
    snprintf(loans, sizeof loans, TRN(ui, o[officer].caseload, "%d loan", "%d loans"),
             o[officer].caseload);
    if (employed <= 1) {
        snprintf(text, sizeof text, "%s %d: %s %s", TR(ui, "Dismiss officer"), officer + 1, loans,
                 TR(ui, "would have nobody to follow them up. A dismissed officer does not "
                        "come back."));
    } else {
        char others[300];
        snprintf(others, sizeof others,
                 TRN(ui, employed - 1,
                     "go to the %d other officer, whose caseload rises. A dismissed officer does "
                     "not come back.",
                     "go to the %d other officers, whose caseloads rise. A dismissed officer "
                     "does not come back."),
                 employed - 1);
        snprintf(text, sizeof text, "%s %d: %s %s", TR(ui, "Dismiss officer"), officer + 1, loans,
                 others);
    }
    /* what letting the officer go costs now: severance by years of service */
    char money[64], severance[200];
    ud_money_text(app, ud_sim_severance(ud_game_sim(app->game), officer), money, sizeof money);
    snprintf(severance, sizeof severance, " %s %s.", TR(ui, "Severance pay:"), money);
    size_t len = strlen(text);
    snprintf(text + len, sizeof text - len, "%s", severance);
    ud_command c = ud_command_new(UD_CMD_FIRE);
    c.index = officer;
    ud_app_confirm(app, text, TR(ui, "Dismiss"), CONFIRM_COMMAND, &c);
}

/* Raising an officer's pay to the market wage for their level asks first: it costs every
 * month from now on. */
static void raise_pay(ud_app *app, int officer, const ud_officer *o, ud_money market) {
    ud_ui *ui = &app->ui;
    char text[700], now[64], to[64];
    ud_money_text(app, o->salary, now, sizeof now);
    ud_money_text(app, market, to, sizeof to);
    char raise[300];
    /* one sentence to translate, so that each language orders and punctuates it its way */
    snprintf(raise, sizeof raise, TR(ui, "Raise the pay of officer %d from %s to %s a month."),
             officer + 1, now, to);
    snprintf(text, sizeof text, "%s %s", raise,
             TR(ui, "That is what their training earns elsewhere, every month from now on. Paid "
                    "less, an officer works less, steals more often and leaves for a better-paid "
                    "job, taking the training with them."));
    ud_command c = ud_command_new(UD_CMD_SET_SALARY);
    c.index = officer;
    c.amount = market;
    ud_app_confirm(app, text, TR(ui, "Raise pay"), CONFIRM_COMMAND, &c);
}

/* Hiring asks first: it costs at once and every month from now on (a few quick clicks once
 * hired a hundred officers and sank the unit). */
static void hire(ud_app *app, ud_money once, ud_money monthly, int employed) {
    ud_ui *ui = &app->ui;
    char a[64], b[64], what[400], have[120], text[700];
    ud_money_text(app, once, a, sizeof a);
    ud_money_text(app, monthly, b, sizeof b);
    snprintf(what, sizeof what,
             TR(ui, "Hire a trained officer (level 1): %s now for hiring and the course, then %s "
                    "a month."),
             a, b);
    snprintf(have, sizeof have, TRN(ui, employed, "You have %d officer.", "You have %d officers."),
             employed);
    snprintf(text, sizeof text, "%s %s", what, have);
    ud_command c = ud_command_new(UD_CMD_HIRE);
    c.count = 1;
    c.amount = monthly;
    c.level = 1;
    ud_app_confirm(app, text, TR(ui, "Hire"), CONFIRM_COMMAND, &c);
}

void ud_panel_staff(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    /* the officers employed now, by their numbers (those who left keep theirs, unlisted) */
    int n, employed = 0, listed[UD_MAX_OFFICERS];
    const ud_officer *o = ud_sim_officers(sim, &n);
    for (int i = 0; i < n && i < UD_MAX_OFFICERS; i++) {
        if (o[i].employed) {
            listed[employed++] = i;
        }
    }
    const ud_setup *setup = ud_sim_setup(sim);
    const ud_costs *costs = &setup->mfi.costs;
    ud_ui_label(ui, TR(ui, "Loan officers"), a.x, a.y, UD_FONT_NORMAL, true, p->text);
    /* four officers a page (the pager sits below the fourth): each takes two lines, what
     * they do and what they are paid, with the buttons beside the pay */
    int first = ud_pager(app, ud_rect(a.x, a.y, a.w, 296), employed, 4);
    int y = a.y + 28;
    static const char *const levels[4] = {N_("untrained"), N_("trained"), N_("senior"),
                                          N_("expert")};
    int line_gap = app->settings.large_text ? 20 : 17;
    if (employed == 0) {
        ud_ui_label(ui, TR(ui, "No officer: nobody appraises or follows up loans."), a.x, y,
                    UD_FONT_SMALL, false, p->bad);
    }
    for (int k = first; k < employed && k < first + 4; k++) {
        int i = listed[k];
        char line[300], loans[100];
        snprintf(loans, sizeof loans, TRN(ui, o[i].caseload, "%d loan", "%d loans"), o[i].caseload);
        char since[100];
        snprintf(
            since, sizeof since,
            TRN(ui, o[i].months_since_audit, "%d month since an audit", "%d months since an audit"),
            o[i].months_since_audit);
        snprintf(line, sizeof line, "%s %d: %s, %s, %s", TR(ui, "Officer"), i + 1,
                 TR(ui, levels[o[i].training]), loans, since);
        ud_ui_label(ui, line, a.x, y, UD_FONT_SMALL, false, p->text);
        /* the pay, against the market wage when below it: the reason an officer works less
         * or leaves, and what "Raise pay" would bring them to */
        ud_money market = ud_sim_market_wage(sim, o[i].training);
        char pay[64], wage[64], pay_line[200];
        ud_money_text(app, o[i].salary, pay, sizeof pay);
        ud_money_text(app, market, wage, sizeof wage);
        /* the market wage for the officer's level always beside the pay: a trainee told that
         * officers paid below it leave could not find it while pay was at it */
        snprintf(pay_line, sizeof pay_line, TR(ui, "%s a month (market: %s)"), pay, wage);
        int by_row = y + line_gap;
        /* "Raise pay" says what it raises, which takes more room in some languages */
        int raise_w = 170;
        const char *taken = TR(ui, "course taken");
        int taken_w, taken_h;
        ud_text_measure(ui->text, taken, UD_FONT_SMALL, false, 0, &taken_w, &taken_h);
        bool course_taken = o[i].salary >= market && trained_this_month(app, &o[i]);
        /* the pay line ends where the row's right-hand side begins; cut to it, whole under
         * the mouse */
        int right = o[i].salary < market ? 120 + raise_w : (course_taken ? 120 + taken_w : 230);
        char cut[200];
        bool shortened = ud_ui_one_line(ui, pay_line, UD_FONT_SMALL, a.w - right, cut, sizeof cut);
        int pay_h = ud_ui_label(ui, cut, a.x, by_row + 5, UD_FONT_SMALL, false,
                                o[i].salary < market ? p->watch : p->text_dim) > 0
                        ? 20
                        : 0;
        if (shortened) {
            ud_ui_hint(ui, ud_rect(a.x, by_row + 5, a.w - right, pay_h), pay_line);
        }
        if (o[i].salary < market) {
            /* paid below what their training earns elsewhere: the raise comes before another
             * course, which would only make the gap wider */
            if (ud_ui_button(ui, ud_rect(a.x + a.w - 110 - raise_w, by_row, raise_w, 28),
                             TR(ui, "Raise pay"))) {
                raise_pay(app, i, &o[i], market);
            }
        } else if (course_taken) {
            /* right-aligned to the Dismiss button, however long the language makes it
             * ("sudah ikut pelatihan" ran under the button) */
            ud_ui_label(ui, taken, a.x + a.w - 112 - taken_w, by_row + 6, UD_FONT_SMALL, false,
                        p->text_dim);
        } else if (o[i].training < 3 &&
                   /* a course costs money at once, with no question asked: the focus leaves
                    * the button after it, so an Enter pressed out of habit trains nobody else */
                   ud_ui_danger(ui, ud_rect(a.x + a.w - 220, by_row, 110, 28), TR(ui, "Train"))) {
            train(app, i);
        }
        if (ud_ui_danger(ui, ud_rect(a.x + a.w - 104, by_row, 100, 28), TR(ui, "Dismiss"))) {
            dismiss(app, i, o, employed);
        }
        y += 54;
    }
    int by = a.y + 306;
    char label[300], once[64], monthly[64];
    ud_money_text(app, costs->training_cost, once, sizeof once);
    snprintf(label, sizeof label, "%s %s %s", TR(ui, "A course costs"), once,
             TR(ui, "once per officer and raises their level by one."));
    by += ud_ui_paragraph(ui, label, a.x, by - 6, a.w - 10, UD_FONT_SMALL, p->text_dim) - 4;
    /* the recruit comes with one course (level 1), paid with the hiring: say the whole cost */
    ud_money_text(app, costs->hire_cost + costs->training_cost, once, sizeof once);
    /* at the market wage for that level: a recruit paid less works less and leaves sooner */
    ud_money recruit_pay = ud_sim_market_wage(sim, 1);
    ud_money_text(app, recruit_pay, monthly, sizeof monthly);
    snprintf(label, sizeof label, "%s: %s %s + %s %s", TR(ui, "Hire an officer"), once,
             TR(ui, "once"), monthly, TR(ui, "a month"));
    if (ud_ui_button(ui, ud_rect(a.x, by, a.w - 10, 32), label)) {
        hire(app, costs->hire_cost + costs->training_cost, recruit_pay, employed);
    }
    by += 40;
    ud_money_text(app, costs->audit_cost, once, sizeof once);
    snprintf(label, sizeof label, "%s: %s %s", TR(ui, "Order an audit"), once, TR(ui, "once"));
    if (audit_ordered_this_month(app)) {
        ud_ui_label(ui, TR(ui, "An audit is ordered: the auditors report at the end of the month."),
                    a.x, by + 8, UD_FONT_SMALL, false, p->text_dim);
    } else if (ud_ui_danger(ui, ud_rect(a.x, by, a.w - 10, 32), label)) {
        ud_command c = ud_command_new(UD_CMD_AUDIT);
        if (ud_app_command(app, &c)) {
            ud_app_show_message(app, TR(ui, "The auditors will report at the end of the month."));
        }
    }
    by += 40;
    /* offered only when a course can be taken: someone below the top level who has not had
     * this month's course */
    int can_train = 0;
    for (int k = 0; k < employed; k++) {
        can_train += o[listed[k]].training < 3 && !trained_this_month(app, &o[listed[k]]);
    }
    if (can_train > 0) {
        /* the price of the courses it buys: the others are skipped, unpaid */
        ud_money_text(app, costs->training_cost * can_train, once, sizeof once);
        snprintf(label, sizeof label, "%s: %s %s", TR(ui, "Train every officer"), once,
                 TR(ui, "once"));
        if (ud_ui_danger(ui, ud_rect(a.x, by, a.w - 10, 32), label)) {
            train(app, -1);
        }
    }
    by += 44;
    /* this month's borrowers over the officers employed now: it follows a hire or a
     * dismissal at once */
    const ud_indicators *d = ud_sim_indicators(sim, ud_sim_month(sim));
    snprintf(label, sizeof label, "%s: %.0f", TR(ui, "Borrowers per officer"),
             d != NULL && employed > 0 ? (double)d->active_borrowers / employed : 0.0);
    ud_ui_label(ui, label, a.x, by, UD_FONT_SMALL, false, p->text);
    /* departures so far, a year: what underpaying costs, and what the modules' goal reads */
    if (d != NULL && ud_sim_month(sim) > 0) {
        /* the count beside the rate: in a unit of one or two officers a single departure
         * reads as "86% a year" */
        int months = ud_sim_month(sim), left = 0;
        for (int m = 1; m <= months; m++) {
            const ud_month_record *r = ud_sim_month_record(sim, m);
            left += r != NULL ? r->departures : 0;
        }
        snprintf(label, sizeof label,
                 TRN(ui, months, "Officers who left: %d in %d month (%.0f%% a year)",
                     "Officers who left: %d in %d months (%.0f%% a year)"),
                 left, months, d->staff_turnover * 100);
        int w = ud_ui_label(ui, label, a.x, by + 20, UD_FONT_SMALL, false, p->text_dim);
        ud_ui_hint(ui, ud_rect(a.x, by + 20, w, 18), ud_indicator_meaning(ui, "staff_turnover"));
    }
}
