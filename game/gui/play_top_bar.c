/* The village screen's top bar: month, key indicators with trend and traffic light, and the
 * Next month, Menu and Help buttons. */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef enum light { LIGHT_GOOD, LIGHT_WATCH, LIGHT_BAD, LIGHT_NONE } light;

/* One top-bar cell: a name, a value, a trend arrow and a traffic light (shape and word as
 * well as colour, for colour-blind players). */
/* Returns where the next cell may start, so that long values or a larger text size never
 * overlap their neighbours. */
static int cell(ud_app *app, int x, const char *indicator, const char *name, const char *value,
                double now, double before, bool has_before, light l) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int name_w = ud_ui_label(ui, name, x, 6, UD_FONT_SMALL, false, p->text_dim);
    int w = ud_ui_label(ui, value, x, 24, UD_FONT_LARGE, true, p->text);
    if (has_before) {
        /* The arrow's room is kept in a month without change, so that the cells to the right
         * do not shift as arrows come and go. */
        int arrow_w = 0, arrow_h = 0;
        ud_text_measure(ui->text, "▲", UD_FONT_NORMAL, false, 0, &arrow_w, &arrow_h);
        if (now != before) {
            ud_ui_label(ui, now > before ? "▲" : "▼", x + w + 6, 27, UD_FONT_NORMAL, false,
                        p->text_dim);
        }
        w += 6 + arrow_w;
    }
    if (l != LIGHT_NONE) {
        SDL_Color c = l == LIGHT_GOOD ? p->good : (l == LIGHT_WATCH ? p->watch : p->bad);
        const char *word = l == LIGHT_GOOD    ? TR(ui, "good")
                           : l == LIGHT_WATCH ? TR(ui, "watch")
                                              : TR(ui, "serious");
        ud_ui_circle(ui, x + 6, 58, 5, c);
        int lw = 16 + ud_ui_label(ui, word, x + 16, 50, UD_FONT_SMALL, false, c);
        w = lw > w ? lw : w;
    }
    int width = name_w > w ? name_w : w;
    if (indicator != NULL) {
        ud_ui_hint(ui, ud_rect(x, 0, width, 72), ud_indicator_meaning(ui, indicator));
    }
    return x + width + 28;
}

/* A share as the bar shows it (x100 for whole percents, x1000 for one decimal), rounded: the
 * trend arrow compares what the trainee reads. */
static double shown(double share, double scale) {
    return (double)llround(share * scale);
}

void ud_play_top_bar(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_fill(ui, ud_rect(0, 0, UD_LOGICAL_W, 72), p->panel);
    ud_ui_fill(ui, ud_rect(0, 72, UD_LOGICAL_W, 1), p->border);
    ud_sim *sim = ud_game_sim(app->game);
    int m = ud_sim_month(sim);
    const ud_indicators *d = ud_sim_indicators(sim, m);
    const ud_indicators *prev = m > 0 ? ud_sim_indicators(sim, m - 1) : NULL;
    ud_indicators zero;
    memset(&zero, 0, sizeof zero);
    if (d == NULL) {
        d = &zero;
    }
    bool hb = prev != NULL;
    if (prev == NULL) {
        prev = &zero;
    }
    char v[64];
    /* the cells must end before the buttons */
    SDL_Rect outer_box = ud_ui_set_box(ui, ud_rect(0, 0, 920, 72));
    /* months played, not "month": the news, the hint ("This month: ...") and the decisions
     * taken now are the coming month's, and a trainee read "Month 1 / 36" beside news of
     * month 2 as two numberings */
    snprintf(v, sizeof v, "%d / %d", m, ud_game_months(app->game));
    int x = cell(app, 16, NULL, TR(ui, "Months played"), v, 0, 0, false, LIGHT_NONE);
    /* cash as it is now, after this month's decisions (a credit line accepted, a loan
     * bought), like the funding panel's; the arrow compares with the last month's end */
    ud_money cash = ud_books_balance_sheet(ud_sim_books(sim)).cash;
    ud_money_text(app, cash, v, sizeof v);
    x = cell(app, x, "cash", TR(ui, "Cash"), v, (double)cash, (double)d->cash, m > 0,
             cash > 0 || m == 0 ? LIGHT_NONE : LIGHT_BAD);
    /* the portfolio as it stands now, after this month's decisions (a trainee rescheduled
     * loans and saw PAR30 unchanged here while the Arrears tab counted them in it); the arrows
     * compare with the month before, at the precision shown, so that "0.1% -> 0.1%" has none */
    ud_portfolio_now now;
    ud_sim_portfolio_now(sim, &now);
    snprintf(v, sizeof v, "%d", now.active_borrowers);
    x = cell(app, x, "active_borrowers", TR(ui, "Active clients"), v, now.active_borrowers,
             prev->active_borrowers, hb, LIGHT_NONE);
    snprintf(v, sizeof v, "%.0f%%", now.women_share * 100);
    x = cell(app, x, "women_share", TR(ui, "Women"), v, shown(now.women_share, 100),
             shown(prev->women_share, 100), hb, LIGHT_NONE);
    snprintf(v, sizeof v, "%.1f%%", now.par30 * 100);
    x = cell(
        app, x, "par30", TR(ui, "PAR30"), v, shown(now.par30, 1000), shown(prev->par30, 1000), hb,
        m == 0 ? LIGHT_NONE
               : (now.par30 < 0.05 ? LIGHT_GOOD : (now.par30 <= 0.10 ? LIGHT_WATCH : LIGHT_BAD)));
    snprintf(v, sizeof v, "%.0f%%", d->oss * 100);
    char oss_name[160];
    snprintf(oss_name, sizeof oss_name, "%s, %s", TR(ui, "OSS"),
             m >= 12 ? TR(ui, "12 months") : TR(ui, "months so far"));
    /* its window where the bar has room for it (not at large text with a long cash figure);
     * under the mouse always, with the indicator's meaning */
    int name_w, name_h;
    ud_text_measure(ui->text, oss_name, UD_FONT_SMALL, false, 0, &name_w, &name_h);
    if (x + name_w > 920) {
        snprintf(oss_name, sizeof oss_name, "%s", TR(ui, "OSS"));
    }
    x = cell(app, x, "oss", oss_name, v, shown(d->oss, 100), shown(prev->oss, 100), hb,
             /* no verdict on a month or two: an opening's provisions released in month 1 read
              * "464%, good" to a trainee; three months are the least a ratio of costs needs */
             m < 3 ? LIGHT_NONE
                   /* a young unit just under break-even is one to watch, not a crisis: red
                    * below 90% (INDICATORS.md: 100% breaks even, 110-130% mature) */
                   : (d->oss >= 1.1 ? LIGHT_GOOD : (d->oss >= 0.9 ? LIGHT_WATCH : LIGHT_BAD)));
    ud_ui_set_box(ui, outer_box);
    if (ud_ui_danger(ui, ud_rect(930, 16, 180, 40), TR(ui, "Next month (Space)"))) {
        ud_app_next_month(app);
    }
    if (ud_ui_button(ui, ud_rect(1120, 16, 70, 40), TR(ui, "Menu"))) {
        app->back_to = SCREEN_PLAY;
        app->screen = SCREEN_DEBRIEF;
    }
    if (ud_ui_button(ui, ud_rect(1200, 16, 64, 40), "F1")) {
        app->back_to = SCREEN_PLAY;
        app->screen = SCREEN_HELP;
        app->page = 0;
    }
}
