/* Drawing helpers shared by the screens: money, charts with event marks. */
#include "app.h"
#include "runner.h"

#include <stdio.h>
#include <string.h>

void ud_money_text(const ud_app *app, ud_money v, char *out, size_t size) {
    const ud_scenario_info *in = app->game ? ud_game_info(app->game) : NULL;
    ud_i18n_money(app->settings.language, v, in ? in->minor_units : 0, in ? in->currency : "", out,
                  size);
}

const char *ud_scenario_text(const ud_app *app, const char *english) {
    if (app->game != NULL) {
        return ud_game_text(app->game, english); /* its own translate() table, then the catalog */
    }
    /* no game yet (the start screen): the shipped scenarios' texts are in the catalog */
    const char *shipped = ud_i18n_catalog((void *)&app->i18n, app->settings.language, english, -1);
    return shipped != NULL ? shipped : english;
}

bool ud_chart_marks_month(const ud_app *app, int month) {
    if (month < 1 || month > 241) {
        return false;
    }
    const ud_month_summary *s = ud_history_at(&app->history, month);
    return s->shocks || s->offers || s->political || s->fraud;
}

int ud_chart_first_month(const char *indicator, int months) {
    /* subsidy dependence over a new unit's first months is measured against a portfolio that
     * is only starting (7,000% in month 2 of m1): once half a year has been played, its chart
     * starts at month 6 so that the scale shows the months that tell */
    return strcmp(indicator, "subsidy_dependence") == 0 && months > 6 ? 6 : 1;
}

/* A line chart of one indicator over the game so far, with the months in which something
 * happened (a shock, an offer, a political event, fraud found) marked by a thin line. */
void ud_chart(ud_app *app, SDL_Rect r, const char *indicator, const char *title, bool percent) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_fill(ui, r, p->panel);
    ud_ui_frame(ui, r, p->border);
    int title_w, title_h;
    ud_text_measure(ui->text, title, UD_FONT_SMALL, true, 0, &title_w, &title_h);
    ud_ui_label(ui, title, r.x + 6, r.y + 3, UD_FONT_SMALL, true, p->text);
    /* under the mouse: what the figure means, and how to read the chart */
    char hint[900];
    const char *meaning = ud_indicator_meaning(ui, indicator);
    snprintf(hint, sizeof hint, "%s%s%s", meaning, meaning[0] ? " " : "",
             TR(ui, "The chart runs from the first month to the scenario's last, left to right; "
                    "thin yellow lines mark months with a shock, an offer, a political event or "
                    "fraud found."));
    ud_ui_hint(ui, r, hint);
    if (app->game == NULL) {
        return;
    }
    ud_sim *sim = ud_game_sim(app->game);
    int months = ud_sim_month(sim), span = ud_game_months(app->game);
    if (months == 0) {
        return;
    }
    int from = ud_chart_first_month(indicator, months);
    double lo = 0, hi = 0, v;
    for (int m = from; m <= months; m++) {
        if (ud_indicator_value(sim, indicator, m, &v)) {
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    }
    /* subsidy dependence of a unit whose portfolio is still starting runs to thousands of per
     * cent (a trainee saw a scale topped at 45,814% and a flat line): the scale stops at
     * -100% and 500% and a value beyond is drawn at the edge */
    bool clipped = strcmp(indicator, "subsidy_dependence") == 0;
    if (clipped) {
        lo = lo < -1.0 ? -1.0 : lo;
        hi = hi > 5.0 ? 5.0 : hi;
    }
    if (hi <= lo) {
        hi = lo + 1;
    }
    int top = title_h + 6; /* the plot starts under the title, whatever the text size */
    SDL_Rect plot = {r.x + 8, r.y + top + 18, r.w - 16, r.h - top - 38};
    for (int m = 1; m <= months && m < 241; m++) {
        if (ud_chart_marks_month(app, m)) {
            int x = plot.x + (int)((double)(m - 1) / (span > 1 ? span - 1 : 1) * plot.w);
            SDL_SetRenderDrawColor(app->renderer, p->watch.r, p->watch.g, p->watch.b, 255);
            SDL_RenderDrawLine(app->renderer, x, plot.y, x, plot.y + plot.h);
        }
    }
    SDL_SetRenderDrawColor(app->renderer, p->accent.r, p->accent.g, p->accent.b, 255);
    int px = -1, py = -1;
    for (int m = from; m <= months; m++) {
        if (!ud_indicator_value(sim, indicator, m, &v)) {
            continue;
        }
        int x = plot.x + (int)((double)(m - 1) / (span > 1 ? span - 1 : 1) * plot.w);
        double shown = v < lo ? lo : (v > hi ? hi : v);
        int y = plot.y + plot.h - (int)((shown - lo) / (hi - lo) * plot.h);
        if (px >= 0) {
            SDL_RenderDrawLine(app->renderer, px, py, x, y);
            SDL_RenderDrawLine(app->renderer, px, py + 1, x, y + 1);
        }
        px = x;
        py = y;
    }
    char lo_s[32], hi_s[32], last[48];
    ud_indicator_value(sim, indicator, months, &v);
    if (percent) {
        snprintf(lo_s, sizeof lo_s, "%.1f%%", lo * 100);
        snprintf(hi_s, sizeof hi_s, "%.1f%%", hi * 100);
        snprintf(last, sizeof last, "%.1f%%", v * 100);
    } else {
        snprintf(lo_s, sizeof lo_s, "%.0f", lo);
        snprintf(hi_s, sizeof hi_s, "%.0f", hi);
        snprintf(last, sizeof last, "%.0f", v);
    }
    /* the scale: the highest value under the title, the lowest and the latest at the bottom */
    int hi_w, lo_w, last_w, h;
    ud_text_measure(ui->text, hi_s, UD_FONT_SMALL, false, 0, &hi_w, &h);
    ud_ui_label(ui, hi_s, r.x + r.w - hi_w - 6, r.y + top, UD_FONT_SMALL, false, p->text_dim);
    ud_text_measure(ui->text, lo_s, UD_FONT_SMALL, false, 0, &lo_w, &h);
    int bottom = r.y + r.h - h - 2;
    ud_ui_label(ui, lo_s, r.x + r.w - lo_w - 6, bottom, UD_FONT_SMALL, false, p->text_dim);
    ud_ui_label(ui, last, r.x + 8, bottom, UD_FONT_SMALL, true, p->accent);
    /* the time axis, between the two when it fits: the chart spans the whole game, so month 6
     * of 36 sits at a sixth of its width (a trainee took the short line for six months) */
    char span_s[64];
    snprintf(span_s, sizeof span_s, TR(ui, "months 1 to %d"), span);
    int span_w;
    ud_text_measure(ui->text, last, UD_FONT_SMALL, true, 0, &last_w, &h);
    ud_text_measure(ui->text, span_s, UD_FONT_SMALL, false, 0, &span_w, &h);
    int sx = r.x + (r.w - span_w) / 2;
    if (sx > r.x + 8 + last_w + 8 && sx + span_w < r.x + r.w - lo_w - 14) {
        ud_ui_label(ui, span_s, sx, bottom, UD_FONT_SMALL, false, p->text_dim);
    }
}

const char *ud_indicator_meaning(const ud_ui *ui, const char *indicator) {
    static const struct {
        const char *name, *meaning;
    } meanings[] = {
        {"par30", N_("PAR30, % of the loan portfolio: loans with a payment more than 30 days late. "
                     "Below 5% is good, above 10% serious.")},
        {"oss",
         N_("OSS, %: revenue divided by costs over the last 12 months (or the months so far). "
            "100% breaks even.")},
        {"fss", N_("FSS, %: like OSS, once inflation and the market cost of every subsidy are "
                   "counted. 100% means sustainable without any subsidy.")},
        {"subsidy_dependence",
         N_("Subsidy dependence, %: how much clients' rates would have to rise for the MFI to do "
            "without any subsidy (0% or less: none needed).")},
        {"active_borrowers", N_("Active clients, people: borrowers with a loan outstanding now.")},
        {"households_in_poverty", N_("Households in poverty: households whose income per person is "
                                     "below the poverty line.")},
        {"women_share", N_("Women, % of active clients.")},
        {"cash", N_("Cash, now: money in hand and in the bank, after this month's decisions.")},
        {"households_in_distress",
         N_("Households in distress: poor, over-indebted (instalments above 40% of income) or in "
            "default (more than 30 days late, or written off in the last 24 months).")},
        {"women_in_distress",
         N_("Women-headed households in distress: poor, over-indebted or in default.")},
        {"staff_turnover",
         N_("Officers who left (resigned, or let go by you), % a year since the start: officers "
            "paid below the market wage for their training leave, and their clients lose the "
            "officer who knew them.")},
    };
    for (size_t i = 0; i < sizeof meanings / sizeof meanings[0]; i++) {
        if (strcmp(meanings[i].name, indicator) == 0) {
            return TR(ui, meanings[i].meaning);
        }
    }
    return "";
}

void ud_window_text(ud_app *app, char *out, size_t size) {
    int month = app->game ? ud_sim_month(ud_game_sim(app->game)) : 0;
    if (month >= 12) {
        snprintf(out, size, "%s", TR(&app->ui, "over the last 12 months"));
    } else {
        snprintf(out, size,
                 TRN(&app->ui, month, "over the %d month so far", "over the %d months so far"),
                 month);
    }
}
