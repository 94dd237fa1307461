/* The debrief's charts: the trainee's game, the same game without the shocks and the
 * reference strategy on one month axis and value scale, with the goal lines and lettered
 * marks for the months where something happened (the letters are explained below). */
#include "debrief_chart.h"
#include "ud/scores.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool ud_indicator_is_percent(const char *indicator) {
    static const char *const percent[] = {"par30",
                                          "adjusted_par30",
                                          "par90",
                                          "oss",
                                          "fss",
                                          "subsidy_dependence",
                                          "women_share",
                                          "avg_loan_to_income",
                                          "risk_coverage",
                                          "portfolio_yield",
                                          "opex_ratio",
                                          "rescheduled_ratio",
                                          "write_off_ratio",
                                          "capture_share",
                                          "roa",
                                          "overindebted_share",
                                          "poor_reach",
                                          "poor_client_income_gain",
                                          "staff_turnover",
                                          "pay_to_market",
                                          NULL};
    for (int i = 0; percent[i] != NULL; i++) {
        if (strcmp(indicator, percent[i]) == 0) {
            return true;
        }
    }
    return false;
}

void ud_indicator_value_text(const ud_app *app, const char *indicator, double v, char *out,
                             size_t size) {
    if (ud_indicator_is_money(indicator)) {
        ud_money_text(app, (ud_money)llround(v), out, size);
    } else if (ud_indicator_is_percent(indicator)) {
        snprintf(out, size, "%.1f%%", v * 100);
    } else if (strcmp(indicator, "deposits_to_loans") == 0) {
        snprintf(out, size, "%.2f", v);
    } else {
        snprintf(out, size, "%.0f", v);
    }
}

void ud_indicator_scale_text(const ud_app *app, const char *indicator, double v, char *out,
                             size_t size) {
    if (!ud_indicator_is_money(indicator)) {
        ud_indicator_value_text(app, indicator, v, out, size);
        return;
    }
    const ud_scenario_info *in = app->game ? ud_game_info(app->game) : NULL;
    double major = v;
    for (int k = 0; in != NULL && k < in->minor_units; k++) {
        major /= 10;
    }
    double size_of = fabs(major);
    const ud_ui *ui = &app->ui;
    if (size_of >= 1e9) {
        snprintf(out, size, TR(ui, "%.1f bn"), major / 1e9);
    } else if (size_of >= 1e6) {
        snprintf(out, size, TR(ui, "%.0f M"), major / 1e6);
    } else if (size_of >= 1e4) {
        snprintf(out, size, TR(ui, "%.0f k"), major / 1e3);
    } else {
        snprintf(out, size, "%.0f", major);
    }
}

/* An indicator, or a score figure a lesson may name ("adjusted_par30"). */
static bool value_at(ud_sim *sim, const char *name, int month, double *v) {
    return ud_indicator_value(sim, name, month, v) || ud_score_value(sim, name, month, v);
}

static void line_of(ud_app *app, ud_game *g, const char *indicator, SDL_Rect plot, int span,
                    double lo, double hi, SDL_Color c, bool thick) {
    if (g == NULL) {
        return;
    }
    ud_sim *sim = ud_game_sim(g);
    SDL_SetRenderDrawColor(app->renderer, c.r, c.g, c.b, 255);
    int px = -1, py = -1;
    for (int m = ud_chart_first_month(indicator, span); m <= ud_sim_month(sim); m++) {
        double v;
        if (!value_at(sim, indicator, m, &v)) {
            continue;
        }
        int x = plot.x + (int)((double)(m - 1) / (span > 1 ? span - 1 : 1) * plot.w);
        int y = plot.y + plot.h - (int)((v - lo) / (hi - lo) * plot.h);
        if (px >= 0) {
            SDL_RenderDrawLine(app->renderer, px, py, x, y);
            if (thick) {
                /* doubled down and across, so that a steep stretch stays solid */
                SDL_RenderDrawLine(app->renderer, px, py + 1, x, y + 1);
                SDL_RenderDrawLine(app->renderer, px + 1, py, x + 1, y);
            }
        }
        px = x;
        py = y;
    }
}

static void range_of(ud_game *g, const char *indicator, double *lo, double *hi) {
    if (g == NULL) {
        return;
    }
    ud_sim *sim = ud_game_sim(g);
    for (int m = ud_chart_first_month(indicator, ud_sim_month(sim)); m <= ud_sim_month(sim); m++) {
        double v;
        if (value_at(sim, indicator, m, &v)) {
            *lo = v < *lo ? v : *lo;
            *hi = v > *hi ? v : *hi;
        }
    }
}

int ud_debrief_marks(const ud_app *app, int *months, int max) {
    int n = 0;
    int span = ud_sim_month(ud_game_sim(app->game));
    for (int m = 1; m <= span && n < max; m++) {
        if (ud_chart_marks_month(app, m)) {
            months[n++] = m;
        }
    }
    return n;
}

/* Where a goal's line goes: its threshold, or for a goal set against the start
 * (of_start), the threshold times the indicator's value at the start. */
static double goal_line(ud_game *g, const ud_goal *goal) {
    double start = 0;
    if (goal->of_start && ud_indicator_value(ud_game_sim(g), goal->indicator, 0, &start)) {
        return goal->threshold * start;
    }
    return goal->threshold;
}

void ud_debrief_chart(ud_app *app, SDL_Rect r, const char *indicator, const char *title,
                      const ud_debrief *d) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_fill(ui, r, p->panel);
    ud_ui_frame(ui, r, p->border);
    /* wrapped to the chart's width: a long title in French or Indonesian takes two lines */
    int title_h = ud_ui_paragraph(ui, title, r.x + 6, r.y + 4, r.w - 12, UD_FONT_SMALL, p->text);
    ud_game *you = app->game;
    int span = ud_sim_month(ud_game_sim(you));
    if (span == 0) {
        return;
    }
    double lo = 0, hi = 0;
    range_of(you, indicator, &lo, &hi);
    if (d != NULL) {
        range_of(d->without_shocks, indicator, &lo, &hi);
        range_of(d->reference, indicator, &lo, &hi);
    }
    int goals;
    const ud_goal *goal = ud_game_goals(you, &goals);
    for (int i = 0; i < goals; i++) {
        if (strcmp(goal[i].indicator, indicator) == 0) {
            double t = goal_line(you, &goal[i]);
            lo = t < lo ? t : lo;
            hi = t > hi ? t : hi;
        }
    }
    if (hi <= lo) {
        hi = lo + 1;
    }
    hi += (hi - lo) * 0.05;
    int top = title_h + 18; /* the plot and its scale start under the title */
    SDL_Rect plot = {r.x + 62, r.y + top, r.w - 72, r.h - top - 24};
    ud_ui_frame(ui, plot, p->border);
    /* the value scale: top, middle, bottom */
    for (int k = 0; k <= 2; k++) {
        char v[32];
        ud_indicator_scale_text(app, indicator, lo + (hi - lo) * (2 - k) / 2.0, v, sizeof v);
        int vw, vh;
        ud_text_measure(ui->text, v, UD_FONT_SMALL, false, 0, &vw, &vh);
        /* each value centred on the height it stands for: a bottom label set above the zero
         * line made a curve at zero look below it (cold trainee playtest) */
        int vy = plot.y + plot.h * k / 2 - vh / 2;
        ud_ui_label(ui, v, plot.x - vw - 4, vy, UD_FONT_SMALL, false, p->text_dim);
    }
    /* the month axis: a tick every 6 months */
    for (int m = 1; m <= span; m++) {
        if (m == 1 || m % 6 == 0) {
            int x = plot.x + (int)((double)(m - 1) / (span > 1 ? span - 1 : 1) * plot.w);
            ud_ui_fill(ui, ud_rect(x, plot.y + plot.h, 1, 4), p->text_dim);
            char t[16];
            snprintf(t, sizeof t, "%d", m);
            int tw, th;
            ud_text_measure(ui->text, t, UD_FONT_SMALL, false, 0, &tw, &th);
            int tx = x - tw / 2 < plot.x + 1 ? plot.x + 1 : x - tw / 2;
            ud_ui_label(ui, t, tx, plot.y + plot.h + 4, UD_FONT_SMALL, false, p->text_dim);
        }
    }
    /* goal lines, dashed */
    for (int i = 0; i < goals; i++) {
        if (strcmp(goal[i].indicator, indicator) != 0) {
            continue;
        }
        int y = plot.y + plot.h - (int)((goal_line(you, &goal[i]) - lo) / (hi - lo) * plot.h);
        for (int x = plot.x; x < plot.x + plot.w; x += 8) {
            ud_ui_fill(ui, ud_rect(x, y, 4, 1), p->good);
        }
    }
    /* lettered event marks */
    int marks[26];
    int n = ud_debrief_marks(app, marks, 26);
    for (int i = 0; i < n; i++) {
        int x = plot.x + (int)((double)(marks[i] - 1) / (span > 1 ? span - 1 : 1) * plot.w);
        SDL_SetRenderDrawColor(app->renderer, p->watch.r, p->watch.g, p->watch.b, 255);
        SDL_RenderDrawLine(app->renderer, x, plot.y, x, plot.y + plot.h);
        char letter[4] = {(char)('A' + i), '\0'};
        ud_ui_label(ui, letter, x + 2, plot.y + 1, UD_FONT_SMALL, true, p->watch);
    }
    if (d != NULL) {
        line_of(app, d->without_shocks, indicator, plot, span, lo, hi, p->text_dim, false);
        line_of(app, d->reference, indicator, plot, span, lo, hi, p->reference, false);
    }
    line_of(app, you, indicator, plot, span, lo, hi, p->accent, true);
    /* hovering over the plot shows the month and the three values */
    if (ui->mouse_x >= plot.x && ui->mouse_x < plot.x + plot.w && ui->mouse_y >= plot.y &&
        ui->mouse_y < plot.y + plot.h && span > 1) {
        int m = 1 + (int)((double)(ui->mouse_x - plot.x) / plot.w * (span - 1) + 0.5);
        double v;
        char a[64] = "", line[160];
        if (value_at(ud_game_sim(you), indicator, m, &v)) {
            ud_indicator_value_text(app, indicator, v, a, sizeof a);
        }
        snprintf(line, sizeof line, "%s %d: %s", TR(ui, "Month"), m, a);
        ud_ui_label(ui, line, plot.x + 4, plot.y + plot.h - 18, UD_FONT_SMALL, true, p->text);
    }
}
