/* The end-of-month dialog: what happened, what changed and why. */
#include "dialogs.h"

#include <stdio.h>
#include <string.h>

/* One indicator's move, green when it is good for the MFI or its clients, red when bad;
 * `neutral` when the direction alone would mislead (a write-off lowers PAR30). */
static void change(ud_app *app, int *y, int x, const char *name, double before, double after,
                   bool percent, bool higher_is_better, bool neutral) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    char line[200];
    if (percent) {
        snprintf(line, sizeof line, "%s: %.1f%% → %.1f%%", name, before * 100, after * 100);
    } else {
        snprintf(line, sizeof line, "%s: %.0f → %.0f", name, before, after);
    }
    SDL_Color c = p->text;
    if (after != before && !neutral) {
        c = ((after > before) == higher_is_better) ? p->good : p->bad;
    }
    ud_ui_label(ui, line, x, *y, UD_FONT_NORMAL, false, c);
    *y += 24;
}

void ud_dialog_month_end(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    int m = ud_sim_month(sim);
    const ud_indicators *d = ud_sim_indicators(sim, m);
    const ud_month_summary *s = ud_history_at(&app->history, m);
    SDL_Rect r = ud_dialog_box(app, 860, 560);
    char title[128];
    snprintf(title, sizeof title, "%s %d", TR(ui, "End of month"), m);
    ud_ui_label(ui, title, r.x + 24, r.y + 18, UD_FONT_LARGE, true, p->text);
    int y = r.y + 60, x = r.x + 24;
    ud_ui_label(ui, TR(ui, "What happened"), x, y, UD_FONT_NORMAL, true, p->text);
    y += 26;
    char lines[16][160];
    int count = ud_month_lines(app, m, lines, 16);
    for (int i = 0; i < count; i++) {
        ud_ui_label(ui, lines[i], x + 10, y, UD_FONT_NORMAL, false, p->text);
        y += 22;
    }
    char audit[400];
    if (ud_month_audit_text(app, m, audit, sizeof audit)) {
        y += ud_ui_paragraph(ui, audit, x + 10, y, 380, UD_FONT_NORMAL,
                             s->fraud > 0 ? p->bad : p->text) +
             4;
    }
    int n;
    const ud_news *news = ud_game_news(app->game, &n);
    for (int i = 0; i < n; i++) {
        if (news[i].month == m) {
            char text[UD_TEXT_LEN];
            ud_game_news_text(app->game, &news[i], text, sizeof text);
            y += ud_ui_paragraph(ui, text, x + 10, y, 380, UD_FONT_SMALL, p->accent) + 4;
        }
    }
    int x2 = r.x + 440, y2 = r.y + 60;
    ud_ui_label(ui, TR(ui, "What changed"), x2, y2, UD_FONT_NORMAL, true, p->text);
    y2 += 26;
    if (d != NULL) {
        const ud_indicators *b = &app->before;
        /* loans written off leave the portfolio: PAR30 falls, and that is a loss, not a cure */
        bool written_off = s->written_off > 0 && d->par30 < b->par30;
        change(app, &y2, x2, TR(ui, "Active clients"), b->active_borrowers, d->active_borrowers,
               false, true, false);
        change(app, &y2, x2, TR(ui, "PAR30"), b->par30, d->par30, true, false, written_off);
        char oss[160], window[120];
        ud_window_text(app, window, sizeof window);
        snprintf(oss, sizeof oss, "%s %s", TR(ui, "OSS"), window);
        change(app, &y2, x2, oss, b->oss, d->oss, true, true, false);
        change(app, &y2, x2, TR(ui, "Women"), b->women_share, d->women_share, true, true, false);
        change(app, &y2, x2, TR(ui, "Households in poverty"), b->households_in_poverty,
               d->households_in_poverty, false, false, false);
        if (written_off) {
            y2 += ud_ui_paragraph(ui,
                                  TR(ui, "PAR30 fell because late loans were written off, not "
                                         "repaid: a loss, not good news."),
                                  x2, y2, 380, UD_FONT_SMALL, p->bad) +
                  4;
        }
        char money[64], line[160];
        ud_money_text(app, d->net_result, money, sizeof money);
        snprintf(line, sizeof line, "%s: %s", TR(ui, "Result of the month"), money);
        ud_ui_label(ui, line, x2, y2 + 6, UD_FONT_NORMAL, true,
                    d->net_result >= 0 ? p->good : p->bad);
        y2 += 40;
        /* why: the largest movements explained in plain words */
        if (d->par30 > b->par30 + 0.01) {
            y2 += ud_ui_paragraph(ui,
                                  TR(ui, "Arrears rose: more borrowers could not or would not "
                                         "pay. Look at who fell behind and follow them up."),
                                  x2, y2, 380, UD_FONT_SMALL, p->text_dim) +
                  6;
        }
        if (d->oss < 1.0 && d->month > 3) {
            y2 += ud_ui_paragraph(ui,
                                  TR(ui, "Over the last 12 months (or the months so far) "
                                         "revenue does not cover costs (OSS below 100%), even "
                                         "if this month made a profit: prices, caseloads or "
                                         "losses need attention."),
                                  x2, y2, 380, UD_FONT_SMALL, p->text_dim) +
                  6;
        }
    }
    ud_game_end end = ud_game_end_state(app->game);
    const char *next = end == UD_END_RUNNING ? TR(ui, "Continue") : TR(ui, "See the debrief");
    if (app->autosave_error[0] != '\0') {
        char line[1200];
        snprintf(line, sizeof line, "%s: %s", TR(ui, "The autosave failed"), app->autosave_error);
        ud_ui_paragraph(ui, line, x, r.y + 440, r.w - 48, UD_FONT_SMALL, p->bad);
    }
    if (end == UD_END_INSOLVENT) {
        ud_ui_label(ui, TR(ui, "The MFI is insolvent: it cannot pay what it owes."), x, r.y + 470,
                    UD_FONT_NORMAL, true, p->bad);
    }
    if (ud_ui_button(ui, ud_rect(r.x + r.w - 240, r.y + r.h - 56, 216, 38), next) ||
        ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->dialog = DIALOG_NONE;
        if (end != UD_END_RUNNING) {
            app->screen = SCREEN_DEBRIEF;
        } else {
            int nq;
            const ud_question *q = ud_game_questions(app->game, &nq);
            for (int i = 0; i < nq; i++) {
                if (q[i].answer == 0) {
                    app->pending_question = q[i].id;
                    app->dialog = DIALOG_QUESTION;
                }
            }
        }
    }
}
