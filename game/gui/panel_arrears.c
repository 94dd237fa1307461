/* The arrears panel: the borrowers who are late, latest first, with their card and what a
 * manager can do about each (reschedule, write off), and the share of officer time spent
 * following up late payers. */
#include "dialogs.h"
#include "panels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROWS 6                         /* late borrowers a page at most */
#define PAGER_HEIGHT 40                /* the page buttons at the panel's foot */
#define ROW_BUTTONS_HEIGHT 40          /* a row's buttons under its line, and the gap */
#define RESCHEDULE_CURE_MONTHS_SHOWN 3 /* the cure the plain sentence names */

typedef struct late {
    int household, days;
    ud_money outstanding;
} late;

static int by_days_late(const void *a, const void *b) {
    const late *x = a, *y = b;
    if (x->days != y->days) {
        return y->days - x->days;
    }
    return x->household - y->household;
}

/* The borrowers with a loan that has an instalment overdue, most days late first. */
static int late_borrowers(ud_app *app, late **out) {
    ud_sim *sim = ud_game_sim(app->game);
    int n = ud_sim_household_count(sim), count = 0, today = ud_sim_month(sim) * 30;
    late *list = malloc(sizeof *list * (size_t)(n > 0 ? n : 1));
    for (int i = 0; i < n && list != NULL; i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.loan == NULL) {
            continue;
        }
        int days = ud_loan_days_in_arrears(h.loan, today);
        if (days > 0) {
            list[count].household = i;
            list[count].days = days;
            list[count++].outstanding = h.loan->principal_outstanding;
        }
    }
    if (list != NULL) {
        qsort(list, (size_t)count, sizeof *list, by_days_late);
    }
    *out = list;
    return count;
}

/* The borrower's name and hamlet, as the month summary gives them (names repeat). */
static void who(ud_app *app, int household, char *out, size_t size) {
    ud_household_name_where(app, household, out, size);
}

double ud_app_follow_up(ud_app *app) {
    double share = ud_sim_setup(ud_game_sim(app->game))->mfi.follow_up;
    int n;
    const ud_decision *d = ud_game_decisions(app->game, &n);
    for (int i = 0; i < n; i++) {
        if (!d[i].is_answer && d[i].command.type == UD_CMD_SET_FOLLOW_UP) {
            share = d[i].command.share;
        }
    }
    return share;
}

/* One late borrower's line: who, what is outstanding, how late. */
static void late_line(ud_app *app, const late *l, char *out, size_t size) {
    ud_ui *ui = &app->ui;
    char name[120], money[64], days[80];
    who(app, l->household, name, sizeof name);
    ud_money_text(app, l->outstanding, money, sizeof money);
    snprintf(days, sizeof days, TRN(ui, l->days, "%d day late", "%d days late"), l->days);
    snprintf(out, size, "%s · %s %s · %s", name, money, TR(ui, "outstanding"), days);
}

static void ask_reschedule(ud_app *app, const late *l) {
    ud_ui *ui = &app->ui;
    ud_sim *sim = ud_game_sim(app->game);
    ud_household_view h;
    ud_sim_household(sim, l->household, &h);
    /* The longest new schedule the engine allows: the loan's own original term. */
    int installments = h.loan != NULL ? h.loan->plan.installments : 12;
    char name[120], money[64], text[1000], count[100];
    who(app, l->household, name, sizeof name);
    ud_money_text(app, l->outstanding, money, sizeof money);
    snprintf(count, sizeof count, TRN(ui, installments, "%d new instalment", "%d new instalments"),
             installments);
    /* what the rescheduling does to PAR30: with a hardship, the loan leaves it once cured (a
     * loan already more than 90 days late rises one class a quarter, engine/MODEL.md, 10) */
    char why[400] = "";
    int cure = ud_reschedule_cure_months(l->days);
    bool in_par = ud_sim_setup(sim)->mfi.provisioning.rescheduled_in_par;
    if (in_par && !ud_sim_household_has_hardship(sim, l->household)) {
        snprintf(why, sizeof why, "%s",
                 TR(ui, " The household has no hardship to explain its arrears: the loan counts "
                        "as at risk (in PAR30) until it is repaid, and the neighbours learn "
                        "that paying late pays."));
    } else if (in_par && cure > RESCHEDULE_CURE_MONTHS_SHOWN) {
        snprintf(why, sizeof why,
                 TR(ui, " The household has a hardship to explain its arrears, but the loan is "
                        "more than 90 days late: it counts as at risk (in PAR30) until it has "
                        "been paid on time for %d months, one class of risk for each three."),
                 cure);
    } else if (in_par) {
        snprintf(why, sizeof why, "%s",
                 TR(ui, " The household has a hardship to explain its arrears: the loan counts "
                        "as at risk (in PAR30) until it has been paid on time for three months."));
    }
    snprintf(text, sizeof text, "%s %s: %s %s %s. %s%s", TR(ui, "Reschedule the loan of"), name,
             money, TR(ui, "outstanding, spread over"), count,
             TR(ui, "Each payment is smaller, for longer; overdue interest is carried into the "
                    "new schedule."),
             why);
    ud_command c = ud_command_new(UD_CMD_RESCHEDULE);
    c.index = l->household;
    c.count = installments;
    ud_app_confirm(app, text, TR(ui, "Reschedule"), CONFIRM_COMMAND, &c);
}

static void ask_write_off(ud_app *app, const late *l) {
    ud_ui *ui = &app->ui;
    char name[120], money[64], text[1000];
    who(app, l->household, name, sizeof name);
    ud_money_text(app, l->outstanding, money, sizeof money);
    snprintf(text, sizeof text, "%s %s: %s %s", TR(ui, "Write off the loan of"), name, money,
             TR(ui, "is booked as a loss. PAR30 falls because the loan leaves the portfolio, "
                    "not because it was repaid: this is not good news. Officers may still "
                    "recover part of it later."));
    ud_command c = ud_command_new(UD_CMD_WRITE_OFF);
    c.index = l->household;
    ud_app_confirm(app, text, TR(ui, "Write off"), CONFIRM_COMMAND, &c);
}

/* A late loan the bulk rescheduling takes: not rescheduled yet (the engine allows one), and
 * its household has a hardship to explain the arrears (engine/MODEL.md: rescheduling those
 * without one teaches the neighbours that paying late pays). */
static bool hardship_case(ud_sim *sim, const late *l) {
    ud_household_view h;
    return ud_sim_household(sim, l->household, &h) && h.loan != NULL && !h.loan->rescheduled &&
           ud_sim_household_has_hardship(sim, l->household);
}

int ud_arrears_reschedule_hardship(ud_app *app, bool grace) {
    late *list;
    int n = late_borrowers(app, &list), done = 0;
    ud_sim *sim = ud_game_sim(app->game);
    for (int i = 0; i < n && list != NULL; i++) {
        if (!hardship_case(sim, &list[i])) {
            continue;
        }
        ud_household_view h;
        ud_sim_household(sim, list[i].household, &h);
        ud_command c = ud_command_new(UD_CMD_RESCHEDULE);
        c.index = list[i].household;
        c.count = h.loan->plan.installments; /* the longest the engine allows, as one by one */
        c.level = grace && c.count >= 3 ? c.count / 3 : 0;
        if (!ud_app_command(app, &c)) {
            break; /* the message says why; the rest stay as they were */
        }
        done++;
    }
    free(list);
    return done;
}

/* Rescheduled loans are paid as agreed, so not late and not in the list, yet in PAR30 until
 * cured: say so under the list's header, where a trainee who rescheduled sees few borrowers
 * late and a PAR30 that rose. Returns the height drawn (0 if there are none). */
static int rescheduled_note(ud_app *app, SDL_Rect a, int y) {
    ud_ui *ui = &app->ui;
    ud_sim *sim = ud_game_sim(app->game);
    double all = 0, rescheduled = 0; /* as the loans stand now, a rescheduling included */
    for (int i = 0; i < ud_sim_household_count(sim); i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (h.loan != NULL) {
            all += (double)h.loan->principal_outstanding;
            rescheduled += h.loan->rescheduled ? (double)h.loan->principal_outstanding : 0;
        }
    }
    if (all <= 0 || rescheduled / all <= 0.0005) {
        return 0;
    }
    char why[400];
    snprintf(why, sizeof why,
             TR(ui, "Rescheduled loans are %.1f%% of the portfolio: each counts in PAR30 "
                    "until paid on time for three months (six or nine if it was over 90 days "
                    "late)."),
             100 * rescheduled / all);
    return ud_ui_paragraph(ui, why, a.x, y, a.w - 10, UD_FONT_SMALL, ui->pal->text_dim) + 8;
}

/* One confirmation for all the late borrowers with a hardship (a drought brings dozens). */
static void ask_reschedule_hardship(ud_app *app, int count) {
    ud_ui *ui = &app->ui;
    char text[1000], head[200];
    snprintf(head, sizeof head,
             TRN(ui, count, "Reschedule the loan of the %d late borrower with a hardship",
                 "Reschedule the loans of the %d late borrowers with a hardship"),
             count);
    snprintf(text, sizeof text, "%s %s", head,
             TR(ui, "(an illness, a failed harvest), each over its original term: each payment "
                    "is smaller, for longer. Each counts in PAR30 until it has been paid on time "
                    "for three months, six or nine if it was more than 90 days late; one that "
                    "misses again goes on from the days it was late, and is written off past "
                    "the write-off limit. A borrower who will catch up after the harvest may not "
                    "need it. Those late without a hardship stay as they are: rescheduling them "
                    "teaches the neighbours that paying late pays."));
    ud_command none = ud_command_new(UD_CMD_RESCHEDULE);
    ud_app_confirm(app, text, TR(ui, "Reschedule them"), CONFIRM_RESCHEDULE_HARDSHIP, &none);
}

void ud_panel_arrears(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    late *list;
    int n = late_borrowers(app, &list);
    if (list == NULL) {
        return;
    }
    char line[400];
    snprintf(line, sizeof line, TRN(ui, n, "%d borrower is late", "%d borrowers are late"), n);
    int hw = ud_ui_label(ui, line, a.x, a.y, UD_FONT_NORMAL, true, p->text);
    /* a borrower 30 days late is late, but not yet in PAR30: say so where both are seen */
    const char *par = TR(ui, "PAR30 counts those more than 30 days late");
    int pw, ph;
    ud_text_measure(ui->text, par, UD_FONT_SMALL, false, 0, &pw, &ph);
    if (hw + 16 + pw <= a.w - 10) {
        ud_ui_label(ui, par, a.x + hw + 16, a.y + 4, UD_FONT_SMALL, false, p->text_dim);
    } else {
        ud_ui_hint(ui, ud_rect(a.x, a.y, hw, 24), par); /* large text: under the mouse */
    }
    /* follow-up: the share of officers' time spent chasing late payments */
    double share = ud_app_follow_up(app);
    int y = a.y + 30;
    char value[32];
    snprintf(value, sizeof value, "%.0f%%", share * 100);
    int step = ud_stepper(app, ud_rect(a.x, y, a.w - 10, 46),
                          TR(ui, "Officer time on following up late payers"), value, share > 0.0001,
                          share < 0.9999);
    if (step != 0) {
        /* in tenths, so that the steps land on round shares */
        int tenths = (int)(share * 10 + 0.5) + step;
        ud_command c = ud_command_new(UD_CMD_SET_FOLLOW_UP);
        c.share = (tenths < 0 ? 0 : (tenths > 10 ? 10 : tenths)) / 10.0;
        ud_app_command(app, &c);
    }
    y += 50;
    y += ud_ui_paragraph(ui,
                         TR(ui, "More follow-up makes late borrowers likelier to pay and recovers "
                                "more of what was written off."),
                         a.x, y, a.w - 10, UD_FONT_SMALL, p->text_dim) +
         10;
    if (n > 0) {
        y += rescheduled_note(app, a, y);
    }
    int hardship = 0;
    for (int i = 0; i < n; i++) {
        hardship += hardship_case(ud_game_sim(app->game), &list[i]);
    }
    if (hardship > 1) {
        char label[200];
        snprintf(label, sizeof label, TR(ui, "Reschedule all with a hardship (%d)"), hardship);
        SDL_Rect r = ud_rect(a.x, y, a.w - 10, 28);
        if (ud_ui_button(ui, r, label)) {
            ask_reschedule_hardship(app, hardship);
        }
        ud_ui_hint(ui, r,
                   TR(ui, "Each is rescheduled as if you pressed its Reschedule; borrowers late "
                          "without a hardship are left out."));
        y += 36;
    }
    /* as many rows as fit above the page buttons: a row is its line (the tallest, wrapped in
     * a long language) and its buttons (a trainee saw the page buttons over the last row);
     * measured without rendering, since every late borrower's line is measured each frame */
    int line_h = 0;
    for (int i = 0; i < n; i++) {
        late_line(app, &list[i], line, sizeof line);
        int h = ud_text_height_at_most(ui->text, line, UD_FONT_SMALL, false, a.w - 10);
        line_h = h > line_h ? h : line_h;
    }
    int rows = (a.y + a.h - PAGER_HEIGHT - y) / (line_h + ROW_BUTTONS_HEIGHT);
    rows = rows < 1 ? 1 : (rows > ROWS ? ROWS : rows);
    int first = ud_pager(app, a, n, rows);
    for (int i = first; i < n && i < first + rows; i++) {
        const late *l = &list[i];
        /* the borrower and the loan on one line, the actions under it */
        late_line(app, l, line, sizeof line);
        y += ud_ui_paragraph(ui, line, a.x, y, a.w - 10, UD_FONT_SMALL,
                             l->days > 30 ? p->bad : p->text) +
             2;
        int bw = (a.w - 20) / 3;
        if (ud_ui_button(ui, ud_rect(a.x, y, bw, 28), TR(ui, "Card"))) {
            app->selected_household = l->household;
            app->dialog = DIALOG_HOUSEHOLD;
            app->dirty = true;
        }
        /* a loan is rescheduled once (the engine refuses a second time): say so instead */
        ud_household_view h;
        bool once = ud_sim_household(ud_game_sim(app->game), l->household, &h) && h.loan != NULL &&
                    h.loan->rescheduled;
        if (once) {
            ud_ui_label(ui, TR(ui, "Rescheduled once"), a.x + bw + 10, y + 6, UD_FONT_SMALL, false,
                        p->text_dim);
        } else if (ud_ui_danger(ui, ud_rect(a.x + bw + 5, y, bw, 28), TR(ui, "Reschedule"))) {
            ask_reschedule(app, l);
        }
        if (ud_ui_danger(ui, ud_rect(a.x + 2 * (bw + 5), y, bw, 28), TR(ui, "Write off"))) {
            ask_write_off(app, l);
        }
        y += 38;
    }
    if (n == 0) {
        ud_ui_label(ui, TR(ui, "Nobody is late."), a.x, y, UD_FONT_SMALL, false, p->text_dim);
        rescheduled_note(app, a, y + 24);
    }
    free(list);
}
