/* The debrief (and, while a game runs, its menu): the scores with their parts, the goals,
 * luck and decisions apart (the game replayed without its shocks and by the reference
 * strategy), the decisions that mattered most, charts chosen by the module, the lessons,
 * every decision on its own page, and "what if": back to an earlier month in a new slot. */
#include "debrief_chart.h"
#include "debrief_log.h"
#include "strategy_summary.h"
#include "dialogs.h"
#include "ud/people.h"
#include "ud/scores.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* One score's parts as a paragraph: "name points/weight" each, in the player's language;
 * returns the height drawn. */
static int score_parts(ud_ui *ui, const char *title, const ud_score_part *parts, int n, int y,
                       const char *meaning) {
    /* Whole points that add up to the score as shown (rounded): each part rounded down, and
     * the points left over go to the parts that lost the most by it (a trainee who adds the
     * parts must find the score). */
    int shown[32] = {0};
    double total = 0;
    int sum = 0;
    n = n < 32 ? n : 32;
    for (int i = 0; i < n; i++) {
        total += parts[i].points;
        shown[i] = (int)floor(parts[i].points + 1e-9);
        sum += shown[i];
    }
    for (int left = (int)floor(total + 0.5) - sum; left > 0; left--) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            double lost = parts[i].points - shown[i];
            if (shown[i] < parts[i].weight && lost > 1e-9 &&
                (best < 0 || lost > parts[best].points - shown[best])) {
                best = i;
            }
        }
        if (best < 0) {
            break;
        }
        shown[best]++;
    }
    char text[900];
    int len = snprintf(text, sizeof text, "%s:", title);
    for (int i = 0; i < n && len > 0 && len < (int)sizeof text; i++) {
        len += snprintf(text + len, sizeof text - (size_t)len, "%s %s %d/%.0f", i ? " ·" : "",
                        TR(ui, parts[i].name), shown[i], parts[i].weight);
    }
    int h = ud_ui_paragraph(ui, text, 560, y, 700, UD_FONT_SMALL, ui->pal->text_dim);
    ud_ui_hint(ui, ud_rect(560, y, 700, h), meaning); /* what the parts measure, under the mouse */
    return h;
}

/* A value, or a difference of values, as the trainee reads it. */
static void amount_text(ud_app *app, const char *indicator, double v, bool difference, char *out,
                        size_t size) {
    if (difference && ud_indicator_is_percent(indicator)) {
        snprintf(out, size, "%.1f %s", fabs(v) * 100, TR(&app->ui, "points"));
    } else {
        ud_indicator_value_text(app, indicator, difference ? fabs(v) : v, out, size);
    }
}

/* A figure rounded as ud_indicator_value_text shows it. */
static double shown_value(const char *indicator, double v) {
    if (ud_indicator_is_money(indicator)) {
        return (double)llround(v);
    }
    if (ud_indicator_is_percent(indicator)) {
        return round(v * 1000) / 1000; /* a tenth of a percent */
    }
    if (strcmp(indicator, "deposits_to_loans") == 0) {
        return round(v * 100) / 100;
    }
    return round(v);
}

const char *ud_judged_figure_title(const ud_ui *ui, const char *indicator) {
    static const struct {
        const char *name, *title;
    } titles[] = {
        {"par30", N_("PAR30")},
        {"adjusted_par30", N_("Adjusted PAR30 (with the year's write-offs)")},
        {"institution_score", N_("The institution")},
        {"client_score", N_("The clients")},
        {"holistic_score", N_("The lower of the two scores")},
        {"oss", N_("OSS")},
        {"fss", N_("FSS")},
        {"subsidy_dependence", N_("Subsidy dependence")},
        {"households_in_poverty", N_("Households in poverty")},
        {"poor_women", N_("Women-headed households in poverty")},
        {"women_in_distress", N_("Women-headed households in distress")},
        {"households_in_distress", N_("Households in distress")},
        {"women_share", N_("Women")},
        {"active_borrowers", N_("Active clients")},
        {"avg_loan_to_income", N_("Average loan / income")},
    };
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        if (strcmp(titles[i].name, indicator) == 0) {
            return TR(ui, titles[i].title);
        }
    }
    return indicator;
}

/* The figure's name inside a sentence: "moved the lower of the two scores", not "moved The
 * lower..."; an acronym (PAR30, OSS) keeps its capitals. */
static void indicator_in_sentence(const ud_ui *ui, const char *indicator, char *out, size_t size) {
    snprintf(out, size, "%s", ud_judged_figure_title(ui, indicator));
    if (out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z')) {
        out[0] = (char)(out[0] - 'A' + 'a');
    }
}

/* The module's charts: the lesson's indicator first, then what the module teaches. */
static int charts_for(const ud_app *app, const char *first, const char *out[3]) {
    const char *module = ud_game_info(app->game)->module;
    const char *pick[4] = {first, "oss", "households_in_poverty", "active_borrowers"};
    if (strncmp(module, "m2", 2) == 0) {
        pick[1] = "fss";
        pick[2] = "subsidy_dependence";
        pick[3] = "par30";
    } else if (strncmp(module, "m3", 2) == 0) {
        pick[1] = "poor_women";
        pick[2] = "women_share";
        pick[3] = "par30";
    } else if (strncmp(module, "m1", 2) == 0) {
        pick[1] = "households_in_distress"; /* the goal: poor, over-indebted or in default */
        pick[2] = "avg_loan_to_income";
        pick[3] = "oss";
    } else if (strncmp(module, "m4", 2) == 0) {
        pick[1] = "active_borrowers";
        pick[2] = "oss";
        pick[3] = "par30";
    }
    int n = 0;
    for (int i = 0; i < 4 && n < 3; i++) {
        bool dup = false;
        for (int k = 0; k < n; k++) {
            dup |= strcmp(out[k], pick[i]) == 0;
        }
        if (!dup) {
            out[n++] = pick[i];
        }
    }
    return n;
}

static void say(ud_app *app, char *out, size_t size, const char *english, int argc, ...) {
    ud_story_line l;
    memset(&l, 0, sizeof l);
    va_list ap;
    va_start(ap, argc);
    for (int i = 0; i < argc && i < UD_STORY_ARGS; i++) {
        snprintf(l.args[i], sizeof l.args[i], "%s", va_arg(ap, const char *));
    }
    va_end(ap);
    l.argc = argc;
    ud_story_fill(TR(&app->ui, english), &l, out, size);
}

/* A paragraph drawn, or only measured when `draw` is false; its height. */
static int paragraph(ud_ui *ui, const char *text, int x, int y, int w, SDL_Color c, bool draw) {
    if (draw) {
        return ud_ui_paragraph(ui, text, x, y, w, UD_FONT_SMALL, c);
    }
    int tw = 0, th = 0;
    ud_text_measure(ui->text, text, UD_FONT_SMALL, false, w, &tw, &th);
    return th;
}

/* How the trainee's decisions compare with the reference strategy on the same seed (the same
 * luck, as the trainee reads it). */
static int decisions_text(ud_app *app, const ud_debrief *d, int x, int y, int w, bool draw) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    const char *ind = d->indicator;
    char line[800], a[48], c[48];
    double sign = d->higher_is_better ? 1 : -1;
    int h = 0;
    amount_text(app, ind, d->reference_value, false, a, sizeof a);
    /* the difference of the two figures as shown ("86" and "89": better by 3, not by the 2.2
     * of the unrounded scores) */
    double ahead = sign * (shown_value(ind, d->actual) - shown_value(ind, d->reference_value));
    amount_text(app, ind, ahead, true, c, sizeof c);
    /* the same figure as shown is a tie ("yours did better by 0" read as a slip) */
    char mine[48];
    amount_text(app, ind, d->actual, false, mine, sizeof mine);
    bool tie = strcmp(mine, a) == 0;
    say(app, line, sizeof line,
        tie ? "Decisions: with the same luck, the reference strategy ended at %s, as yours did."
        : ahead >= 0 ? "Decisions: with the same luck, the reference strategy ended at %s; yours "
                       "did better by %s."
                     : "Decisions: with the same luck, the reference strategy ended at %s; it did "
                       "better than yours by %s.",
        tie ? 1 : 2, a, c);
    h += paragraph(ui, line, x, y, w, ahead >= 0 ? p->good : p->bad, draw);
    /* what the reference did, in its author's words: what the trainee can compare their
     * own choices with (a trainer's strategy is translated by the scenario's translate()) */
    char summary[600];
    if (ud_strategy_summary(ud_game_info(app->game)->sound_strategy, summary, sizeof summary)) {
        snprintf(line, sizeof line, TR(ui, "What the reference strategy did: %s"),
                 ud_scenario_text(app, summary));
        h += 2 + paragraph(ui, line, x, y + h + 2, w, p->text_dim, draw);
    }
    return h;
}

/* What the shocks cost and how the decisions compare with the reference (only measured when
 * `draw` is false). */
static int luck_text(ud_app *app, const ud_debrief *d, int x, int y, int w, bool draw) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    const char *ind = d->indicator;
    /* "no shocks; women-headed households...", not "; Women-headed" */
    char title[200];
    indicator_in_sentence(ui, ind, title, sizeof title);
    char line[800], a[48], b[48], c[48];
    double sign = d->higher_is_better ? 1 : -1;
    amount_text(app, ind, d->no_shock_value, false, a, sizeof a);
    amount_text(app, ind, d->actual, false, b, sizeof b);
    double cost = sign * (d->no_shock_value - d->actual); /* > 0: the shocks hurt */
    amount_text(app, ind, cost, true, c, sizeof c);
    char text[1600] = "";
    if (d->shocks == 0) {
        say(app, line, sizeof line, "Luck: this scenario had no shocks; %s ended at %s.", 2, title,
            b);
        int h = paragraph(ui, line, x, y, w, p->text, draw);
        if (d->reference != NULL) {
            h += 4 + decisions_text(app, d, x, y + h + 4, w, draw);
        }
        return h;
    }
    say(app, line, sizeof line,
        "Luck: without the scenario's shocks, %s would have ended at %s instead of %s.", 3, title,
        a, b);
    snprintf(text, sizeof text, "%s ", line);
    if (fabs(cost) < 1e-9 || (ud_indicator_is_percent(ind) && fabs(cost) < 0.0005)) {
        say(app, line, sizeof line, "The shocks made no real difference to %s.", 1, title);
    } else if (cost > 0) {
        say(app, line, sizeof line, "The shocks cost %s of %s.", 2, c, title);
    } else {
        /* the same decisions in a year without the shocks did worse: they were made for the
         * shocks (new schedules, a pause to the harvest), and replayed where nothing called
         * for them they do not fit; the drought did not help (a trainee read it so) */
        say(app, line, sizeof line,
            "Replayed in a year without the shocks, your decisions did worse (by %s): they were "
            "made for the shocks, so this says little about luck.",
            1, c);
    }
    strncat(text, line, sizeof text - strlen(text) - 1);
    if (fabs(d->actual_worst - d->no_shock_worst) > 1e-9) {
        amount_text(app, ind, d->actual_worst, false, a, sizeof a);
        amount_text(app, ind, d->no_shock_worst, false, b, sizeof b);
        say(app, line, sizeof line, "At its worst month %s was %s; without the shocks, %s.", 3,
            title, a, b);
        strncat(text, " ", sizeof text - strlen(text) - 1);
        strncat(text, line, sizeof text - strlen(text) - 1);
    }
    int h = paragraph(ui, text, x, y, w, p->text, draw);
    if (d->reference != NULL) {
        h += 4 + decisions_text(app, d, x, y + h + 4, w, draw);
    }
    return h;
}

/* The decisions that changed the result most, as many as fit between y and `bottom` (the
 * charts), with "More on the Every decision page." under them when some are left out.
 * Draws only if `draw`; returns how many are shown (-1 if not even the heading and that
 * note fit), so that the caller can first measure where they fit best. */
static int top_decisions(ud_app *app, const ud_debrief *d, int x, int y, int w, int bottom,
                         bool draw) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    if (y + 24 + 20 > bottom) {
        return -1;
    }
    int h = 24;
    if (draw && d->top_count > 0) {
        ud_ui_label(ui, TR(ui, "The decisions that mattered most"), x, y, UD_FONT_NORMAL, true,
                    p->text);
    }
    if (d->top_count == 0) {
        /* the figure judged, named: a trainee whose switch moved other figures read "none
         * changed the result" as "nothing I did mattered" */
        char none[300], figure[200];
        indicator_in_sentence(ui, d->indicator, figure, sizeof figure);
        snprintf(none, sizeof none,
                 TR(ui, "Taken one at a time, none of your decisions moved %s (the figure "
                        "this scenario judges) more than luck moves it from game to game."),
                 figure);
        int tw, th;
        ud_text_measure(ui->text, none, UD_FONT_SMALL, false, w, &tw, &th);
        if (y + h + th > bottom) {
            return -1; /* never over the charts */
        }
        if (draw) {
            ud_ui_label(ui, TR(ui, "The decisions that mattered most"), x, y, UD_FONT_NORMAL, true,
                        p->text);
            ud_ui_paragraph(ui, none, x, y + h, w, UD_FONT_SMALL, p->text_dim);
        }
        return 0;
    }
    int shown = 0;
    for (int i = 0; i < d->top_count; i++) {
        const ud_main_decision *m = &d->top[i];
        char detail[400], a[48], b[48], line[900], more[64] = "";
        /* a run of clicks on one setting reads as one change ("follow-up 50% -> 70%"); other
         * decisions judged together say how many there were */
        int last = m->first + m->count - 1;
        bool one_change = ud_decision_run_end(app, m->first) >= last;
        ud_decision_span_detail(app, m->first, one_change ? last : m->first, detail, sizeof detail);
        if ((int)m->type == UD_CMD_APPROVE) {
            /* the loan desk's answers of a month are judged together */
            snprintf(detail, sizeof detail, "%s", TR(ui, "your decisions at the loan desk"));
        } else if (!one_change) {
            snprintf(more, sizeof more,
                     TRN(ui, m->count - 1, " and %d more like it", " and %d more like it"),
                     m->count - 1);
        }
        amount_text(app, d->indicator, m->with_value, false, a, sizeof a);
        amount_text(app, d->indicator, m->without_value, false, b, sizeof b);
        snprintf(line, sizeof line, "%s %s %d: %s%s — %s %s %s %s, %s %s",
                 m->effect > 0 ? "▲" : "▼", TR(ui, "Month"), m->month + 1, detail, more,
                 ud_judged_figure_title(ui, d->indicator), TR(ui, "averaged"), a, TR(ui, "with it"),
                 b, TR(ui, "without"));
        if ((int)m->type == UD_CMD_RESCHEDULE && m->effect < 0 && strstr(d->indicator, "par")) {
            /* the standard counts a new schedule as at risk until it has been paid on time:
             * a trainee told rescheduling was "harmful" while the lessons praised it */
            size_t used = strlen(line);
            snprintf(line + used, sizeof line - used, " %s",
                     TR(ui, "(a rescheduled loan counts in PAR30 until it has been paid on time "
                            "for three months: what it saves shows in the write-offs)"));
        }
        int tw, th;
        ud_text_measure(ui->text, line, UD_FONT_SMALL, false, w - 6, &tw, &th);
        /* room for this one, and for the note under it if more are left */
        int note = i + 1 < d->top_count ? 20 : 0;
        if (y + h + th + 4 + note > bottom) {
            break;
        }
        if (draw) {
            ud_ui_paragraph(ui, line, x + 6, y + h, w - 6, UD_FONT_SMALL,
                            m->effect > 0 ? p->good : p->bad);
        }
        h += th + 4;
        shown++;
    }
    if (shown < d->top_count && draw) {
        ud_ui_label(ui, TR(ui, "More on the Every decision page."), x + 6, y + h, UD_FONT_SMALL,
                    false, p->text_dim);
    }
    return shown;
}

static void marks_legend(ud_app *app, int x, int y, int w) {
    ud_ui *ui = &app->ui;
    int marks[26];
    int n = ud_debrief_marks(app, marks, 26);
    int news_count;
    const ud_news *news = ud_game_news(app->game, &news_count);
    char text[1400] = "";
    for (int i = 0; i < n && i < 8; i++) {
        char item[300] = "";
        for (int k = 0; k < news_count; k++) {
            if (news[k].month == marks[i]) {
                ud_game_news_text(app->game, &news[k], item, sizeof item);
                break;
            }
        }
        if (item[0] == '\0') {
            /* no news that month: say what kind of event the mark stands for */
            const ud_month_summary *s = ud_history_at(&app->history, marks[i]);
            snprintf(item, sizeof item, "%s",
                     s->shocks      ? TR(ui, "a shock")
                     : s->political ? TR(ui, "a political event")
                     : s->offers    ? TR(ui, "an offer")
                                    : TR(ui, "fraud found by an audit"));
        }
        char entry[400];
        /* the mark's letter as a label, "[A]", not a word: "A mois 2" read as French */
        snprintf(entry, sizeof entry, "%s[%c] %s %d: %.200s", i > 0 ? "   " : "", 'A' + i,
                 TR(ui, "month"), marks[i], item);
        /* as many as fit above the bottom bar; the others are in News */
        char longer[sizeof text];
        memcpy(longer, text, sizeof longer);
        strncat(longer, entry, sizeof longer - strlen(longer) - 1);
        int tw, th;
        ud_text_measure(ui->text, longer, UD_FONT_SMALL, false, w, &tw, &th);
        if (i > 0 && y + th > 668) {
            char more[160];
            snprintf(more, sizeof more,
                     TRN(ui, n - i, "   (%d more mark: see News)", "   (%d more marks: see News)"),
                     n - i);
            strncat(text, more, sizeof text - strlen(text) - 1);
            break;
        }
        memcpy(text, longer, sizeof text);
    }
    if (n > 0) {
        ud_ui_paragraph(ui, text, x, y, w, UD_FONT_SMALL, ui->pal->watch);
    }
}

/* What the trainee reached on a target goal, as the goal judges it (the month's value, or the
 * mean or worst of its months; against the start if the goal is), in words such as "0.7%",
 * "143" or "x1.05 the start", read as the charts read it; false if not played that far. */
static bool goal_result(ud_app *app, const ud_goal *g, char *out, size_t size) {
    const ud_sim *sim = ud_game_sim(app->game);
    int last = g->month < ud_sim_month(sim) ? g->month : ud_sim_month(sim);
    double value, start = 0;
    if (last < 1 || !ud_goal_judged_value(app->game, g, last, &value)) {
        return false;
    }
    bool judged = false; /* a portfolio's quality needs a portfolio */
    for (int m = g->from > 0 && g->from <= last ? g->from : last; m <= last && !judged; m++) {
        judged = ud_month_judged_on(sim, g->indicator, m);
    }
    if (!judged) {
        snprintf(out, size, "%s", TR(&app->ui, "no loans to judge"));
        return true;
    }
    if (g->of_start) {
        if (!ud_indicator_value(sim, g->indicator, 0, &start) || start == 0) {
            return false;
        }
        /* as a change on the start, with the decimals that tell it from the goal's limit:
         * "+2.4% on the start" against "at most 2% more", never "x1.02" both ways */
        double change = (value / start - 1) * 100, limit = (g->threshold - 1) * 100;
        int decimals = 1;
        while (decimals < 4 && fabs(change - limit) < 0.5 * pow(10, -decimals) && change != limit) {
            decimals++;
        }
        snprintf(out, size, TR(&app->ui, "%+.*f%% against the start"), decimals, change);
    } else if (ud_indicator_is_percent(g->indicator)) {
        /* with the decimals that tell it from the goal's limit: "[missed] PAR30 below 6%
         * (result: 6.0%)" read as a pass to a trainee (it was 6.04%) */
        double shown = value * 100, limit = g->threshold * 100;
        int decimals = 1;
        while (decimals < 4 && fabs(shown - limit) < 0.5 * pow(10, -decimals) && shown != limit) {
            decimals++;
        }
        snprintf(out, size, "%.*f%%", decimals, shown);
    } else {
        ud_indicator_value_text(app, g->indicator, value, out, size);
    }
    return true;
}

/* A goal's line around its text: "[met] " before it and " (result: 0.7%)" after it (empty
 * while it is not judged, and for a lose condition). */
static void goal_parts(ud_app *app, const ud_goal *g, char *head, size_t head_size, char *tail,
                       size_t tail_size) {
    ud_ui *ui = &app->ui;
    /* a loss is "avoided" once the game is over; before, it has not happened so far (read as
     * an achievement on the month 0 summary) */
    bool over = ud_game_end_state(app->game) != UD_END_RUNNING;
    const char *state = g->kind == UD_GOAL_LOSE ? (g->state == 1 ? TR(ui, "happened")
                                                   : over        ? TR(ui, "avoided")
                                                                 : TR(ui, "not so far"))
                                                : (g->state == 1   ? TR(ui, "met")
                                                   : g->state == 0 ? TR(ui, "missed")
                                                                   : TR(ui, "not judged yet"));
    snprintf(head, head_size, "[%s] ", state);
    char result[64];
    tail[0] = '\0';
    if (g->kind == UD_GOAL_TARGET && g->state != -1 && goal_result(app, g, result, sizeof result)) {
        snprintf(tail, tail_size, " (%s %s)", TR(ui, "result:"), result);
    } else if (g->kind == UD_GOAL_TARGET && g->state == -1 &&
               goal_result(app, g, result, sizeof result)) {
        /* where the figure stands now: "[not judged yet] Train your officer" read as if the
         * course taken had not counted */
        snprintf(tail, tail_size, " (%s %s)", TR(ui, "so far:"), result);
    }
}

/* A goal met, or a loss avoided: shown in the colour of good news. */
static bool goal_is_good(const ud_goal *g) {
    return g->kind == UD_GOAL_LOSE ? g->state != 1 : g->state == 1;
}

static void summary_page(ud_app *app, bool over) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    char line[800];
    /* goals, under "The scenario is over." however tall the text size makes it (in
     * Indonesian at large text the two touched) */
    int small_w, small_h;
    ud_text_measure(ui->text, "Ag", UD_FONT_SMALL, true, 0, &small_w, &small_h);
    int y = 78 + small_h + 2 > 96 ? 78 + small_h + 2 : 96;
    ud_ui_label(ui, TR(ui, "Goals"), 30, y, UD_FONT_NORMAL, true, p->text);
    y += 24;
    int n;
    const ud_goal *goals = ud_game_goals(app->game, &n);
    /* Each goal wraps within the left column, clear of the lessons beside it. When a scenario
     * has so many goals that the wrapped lines would run under the charts (ten goals at large
     * text), some take one line instead: their state, as much of their text as fits, and their
     * result, the whole goal under the mouse. The goals met are shortened first, the longest
     * first, so that a goal the trainee missed is read in full wherever there is room. */
    enum { MAX_SHOWN_GOALS = 32 };
    int full_h[MAX_SHOWN_GOALS], one_h[MAX_SHOWN_GOALS];
    bool one_line[MAX_SHOWN_GOALS] = {false};
    n = n < MAX_SHOWN_GOALS ? n : MAX_SHOWN_GOALS;
    int total = 0;
    for (int i = 0; i < n; i++) {
        char head[80], tail[100];
        goal_parts(app, &goals[i], head, sizeof head, tail, sizeof tail);
        snprintf(line, sizeof line, "%s%s%s", head, ud_scenario_text(app, goals[i].text), tail);
        int tw, th;
        ud_text_measure(ui->text, line, UD_FONT_SMALL, false, 500, &tw, &th);
        full_h[i] = th + 2;
        ud_text_measure(ui->text, "Ag", UD_FONT_SMALL, false, 0, &tw, &th);
        one_h[i] = th + 2;
        total += full_h[i];
    }
    /* the charts' top, less a gap; the goals met leave room under them for the heading and
     * two lines of the decisions that mattered, which the luck may leave there */
    int heading_w, heading_h, line_w, line_h;
    ud_text_measure(ui->text, "Ag", UD_FONT_NORMAL, true, 0, &heading_w, &heading_h);
    ud_text_measure(ui->text, "Ag", UD_FONT_SMALL, false, 0, &line_w, &line_h);
    const int goals_bottom = 414, room_for_decisions = heading_h + 2 * line_h + 16;
    for (int pass = 0; pass < 2 && y + total > goals_bottom - room_for_decisions; pass++) {
        bool want_met = pass == 0;
        int bottom = want_met ? goals_bottom - room_for_decisions : goals_bottom;
        while (y + total > bottom) {
            int pick = -1;
            for (int i = 0; i < n; i++) {
                if (one_line[i] || goal_is_good(&goals[i]) != want_met || full_h[i] <= one_h[i]) {
                    continue;
                }
                if (pick < 0 || full_h[i] - one_h[i] > full_h[pick] - one_h[pick]) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            one_line[pick] = true;
            total -= full_h[pick] - one_h[pick];
        }
    }
    for (int i = 0; i < n; i++) {
        SDL_Color colour = goal_is_good(&goals[i]) ? p->good : p->text;
        const char *text = ud_scenario_text(app, goals[i].text);
        char head[80], tail[100];
        goal_parts(app, &goals[i], head, sizeof head, tail, sizeof tail);
        if (!one_line[i]) {
            snprintf(line, sizeof line, "%s%s%s", head, text, tail);
            y += ud_ui_paragraph(ui, line, 40, y, 500, UD_FONT_SMALL, colour) + 2;
            continue;
        }
        int hw, tw, th;
        ud_text_measure(ui->text, head, UD_FONT_SMALL, false, 0, &hw, &th);
        ud_text_measure(ui->text, tail, UD_FONT_SMALL, false, 0, &tw, &th);
        char cut[UD_TEXT_LEN];
        /* a little room for the digits some languages write wider ("101,0 %") */
        bool shortened =
            ud_ui_one_line(ui, text, UD_FONT_SMALL, 500 - hw - tw - 12, cut, sizeof cut);
        snprintf(line, sizeof line, "%s%s%s", head, cut, tail);
        int h = ud_ui_paragraph(ui, line, 40, y, 500, UD_FONT_SMALL, colour);
        if (shortened) {
            ud_ui_hint(ui, ud_rect(40, y, 500, h), text);
        }
        y += h + 2;
    }
    const ud_debrief *d = over ? ud_app_debrief(app) : NULL;
    y += 8;
    /* lessons, in the right column under the scores */
    int ly = app->debrief_top;
    if (over) {
        char lessons[8][UD_TEXT_LEN];
        int nl = ud_game_lessons(app->game, lessons, 8);
        ud_ui_label(ui, TR(ui, "Lessons"), 640, ly, UD_FONT_NORMAL, true, p->text);
        ly += 24;
        for (int i = 0; i < nl && ly < 380; i++) {
            snprintf(line, sizeof line, "•  %.590s", lessons[i]);
            ly += ud_ui_paragraph(ui, line, 640, ly, 610, UD_FONT_SMALL, p->text) + 4;
        }
    }
    int charts_top = 420;
    if (d != NULL) {
        /* luck and the reference under the goals, or under the lessons when the goals leave
         * no room for them (long goals in a longer language at large text); the charts move
         * down as far as the legend allows before anything is left out: never over them */
        const int lowest_charts = 466; /* the legend still above the bottom bar */
        int ry = ly + 10;
        int luck_h = luck_text(app, d, 30, y, 580, false);
        int luck_right = over ? luck_text(app, d, 640, ry, 610, false) : 0;
        bool luck_left = y + luck_h + 12 <= charts_top || !over ||
                         (y + luck_h + 12 <= lowest_charts && ry + luck_right + 6 > charts_top) ||
                         ry + luck_right + 6 > lowest_charts;
        int need = luck_left ? y + luck_h + 12 : ry + luck_right + 6;
        charts_top = need > charts_top ? (need < lowest_charts ? need : lowest_charts) : charts_top;
        if (luck_left) {
            y += luck_text(app, d, 30, y, 580, true) + 10;
        } else {
            ry += luck_text(app, d, 640, ry, 610, true) + 10;
        }
        int bottom = charts_top - 6;
        /* the decisions under the goals, or under the lessons when more of them fit there;
         * never over the charts */
        int left = top_decisions(app, d, 30, y, 580, bottom, false);
        int right = over ? top_decisions(app, d, 640, ry, 610, bottom, false) : -1;
        if (right > left) {
            top_decisions(app, d, 640, ry, 610, bottom, true);
        } else if (left >= 0) {
            top_decisions(app, d, 30, y, 580, bottom, true);
        }
    } else if (over) {
        snprintf(line, sizeof line, "%s %s", TR(ui, "The replays could not run:"),
                 app->debrief_error);
        ud_ui_paragraph(ui, line, 30, y, 580, UD_FONT_SMALL, p->bad);
    }
    /* charts: the module's indicators, three lines each when the replays ran */
    const char *charts[3];
    int nc = charts_for(app, d != NULL ? d->indicator : "par30", charts);
    int cy = charts_top;
    for (int i = 0; i < nc; i++) {
        ud_debrief_chart(app, ud_rect(30 + i * 410, cy, 400, 170), charts[i],
                         ud_judged_figure_title(ui, charts[i]), d);
    }
    ly = cy + 174;
    int lx = 30;
    struct {
        const char *what;
        SDL_Color c;
    } key[] = {{TR(ui, "your game"), p->accent},
               {TR(ui, "without the shocks"), p->text_dim},
               {TR(ui, "reference strategy"), p->reference},
               {TR(ui, "goal"), p->good}};
    for (int i = 0; i < 4; i++) {
        if ((i == 1 && (d == NULL || d->shocks == 0)) || (i == 2 && (d == NULL || !d->reference))) {
            continue;
        }
        /* each sample drawn as its line is: the trainee's thick, the others thin, the goal
         * dashed */
        if (i == 3) {
            for (int k = 0; k < 16; k += 8) {
                ud_ui_fill(ui, ud_rect(lx + k, ly + 7, 4, 1), key[i].c);
            }
        } else {
            ud_ui_fill(ui, ud_rect(lx, ly + 7, 16, i == 0 ? 3 : 1), key[i].c);
        }
        lx += 22 + ud_ui_label(ui, key[i].what, lx + 20, ly, UD_FONT_SMALL, false, p->text) + 12;
    }
    marks_legend(app, lx + 10, ly, 1240 - lx);
}

void ud_screen_debrief(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    if (app->game == NULL) {
        app->screen = SCREEN_START;
        return;
    }
    ud_game_end end = ud_game_end_state(app->game);
    bool over = end != UD_END_RUNNING;
    const ud_scenario_info *in = ud_game_info(app->game);
    ud_ui_label(ui, over ? TR(ui, "Debrief") : TR(ui, "The game so far"), 30, 12, UD_FONT_TITLE,
                true, p->accent);
    /* the scenario's title, beside the scores: a long one wraps in small letters before it
     * reaches them */
    const char *title = ud_scenario_text(app, in->title);
    int tw, th;
    ud_text_measure(ui->text, title, UD_FONT_NORMAL, false, 0, &tw, &th);
    if (tw <= 510) {
        ud_ui_label(ui, title, 30, 56, UD_FONT_NORMAL, false, p->text_dim);
    } else {
        /* one line, the whole title under the mouse: wrapped, its second line fell on "The
         * scenario is over." below it */
        char cut[UD_TEXT_LEN];
        ud_ui_one_line(ui, title, UD_FONT_SMALL, 510, cut, sizeof cut);
        ud_ui_label(ui, cut, 30, 58, UD_FONT_SMALL, false, p->text_dim);
        ud_ui_hint(ui, ud_rect(30, 56, 510, 20), title);
    }
    /* scores, with their parts (defined in the trainers' guide, computed in the engine) */
    ud_scores scores;
    ud_scores_compute(ud_game_sim(app->game), &scores);
    char line[600];
    int parts_y = 42;
    if (ud_sim_month(ud_game_sim(app->game)) < 1) {
        /* before the first month there is nothing to score: "0 / 100" read as a failure */
        ud_ui_label(ui, TR(ui, "Scores"), 560, 10, UD_FONT_LARGE, true, p->text);
        parts_y += ud_ui_paragraph(ui,
                                   TR(ui, "No month played yet: the institution and its clients "
                                          "are scored from the first month on."),
                                   560, parts_y, 650, UD_FONT_SMALL, p->text_dim);
    } else {
        snprintf(line, sizeof line, "%s: %.0f / 100    %s: %.0f / 100", TR(ui, "The institution"),
                 scores.institution, TR(ui, "The clients"), scores.clients);
        ud_ui_label(ui, line, 560, 10, UD_FONT_LARGE, true, p->text);
        parts_y += 2 + score_parts(ui, TR(ui, "The institution"), scores.institution_part,
                                   scores.institution_parts, parts_y,
                                   TR(ui, "The institution's score: self-sufficiency, portfolio "
                                          "quality, losses, capital kept, money at work and "
                                          "officers kept. F1, "
                                          "Glossary: each indicator."));
        parts_y +=
            score_parts(ui, TR(ui, "The clients"), scores.client_part, scores.client_parts, parts_y,
                        TR(ui, "Out of distress: how many fewer households are poor, "
                               "over-indebted or in default than at the start (all points "
                               "when a quarter fewer; none when as many or more)."));
    }
    app->debrief_top = parts_y > 96 ? parts_y + 4 : 96;
    static const char *const endings[] = {"", N_("The scenario is over."), N_("You won."),
                                          N_("You lost."), N_("The MFI became insolvent.")};
    if (over) {
        ud_ui_label(ui, TR(ui, endings[end]), 30, 78, UD_FONT_SMALL, true,
                    end == UD_END_WON || end == UD_END_FINISHED ? p->good : p->bad);
    }
    if (app->debrief_page == 1) {
        /* under the score's parts, which run across the page's width at large text (a long
         * answer among the decisions was drawn over them) */
        int top = app->debrief_top > 96 ? app->debrief_top : 96;
        ud_debrief_log_page(app, ud_rect(30, top, 1220, 656 - top));
    } else {
        summary_page(app, over);
    }
    /* the menu */
    /* the page toggles go first on the line, described last; a finished game's bar has room
     * for a wider "Every decision" (long in Spanish and French) */
    int by = 672, toggle_w = over ? 200 : 176, bx = 152 + toggle_w;
    {
        /* one label size along the bar: the small one if any of its labels needs it */
        const char *labels[] = {TR(ui, "Back to the village"),
                                TR(ui, "Save"),
                                TR(ui, "Load"),
                                TR(ui, "Settings"),
                                TR(ui, "Main menu"),
                                TR(ui, "Summary"),
                                TR(ui, "Every decision")};
        const int widths[] = {170, 96, 80, 100, 130, 110, toggle_w};
        ui->small_buttons =
            !ud_ui_row_fits(ui, labels + (over ? 2 : 0), widths + (over ? 2 : 0), over ? 5 : 7);
    }
    if (!over && ud_ui_button(ui, ud_rect(bx, by, 170, 36), TR(ui, "Back to the village"))) {
        app->screen = SCREEN_PLAY;
    }
    bx += over ? 0 : 176;
    if (!over && ud_ui_button(ui, ud_rect(bx, by, 96, 36), TR(ui, "Save"))) {
        app->back_to = SCREEN_DEBRIEF;
        app->screen = SCREEN_SLOTS;
        app->saving = true;
    }
    bx += over ? 0 : 102;
    /* what if: back to month M, as a new game in a free slot */
    int months = ud_sim_month(ud_game_sim(app->game));
    if (app->what_if_month < 0 || app->what_if_month >= months) {
        app->what_if_month = months / 2;
    }
    if (months > 0) {
        if (ud_ui_button(ui, ud_rect(bx, by, 36, 36), "−") && app->what_if_month > 0) {
            app->what_if_month--;
        }
        char label[96];
        snprintf(label, sizeof label, "%s %d", TR(ui, "What if: back to month"),
                 app->what_if_month);
        if (ud_ui_button(ui, ud_rect(bx + 40, by, 228, 36), label)) {
            ud_app_what_if(app, app->what_if_month);
            return;
        }
        if (ud_ui_button(ui, ud_rect(bx + 272, by, 36, 36), "+") &&
            app->what_if_month + 1 < months) {
            app->what_if_month++;
        }
        bx += 318;
    }
    if (ud_ui_button(ui, ud_rect(bx, by, 80, 36), TR(ui, "Load"))) {
        app->back_to = SCREEN_DEBRIEF;
        app->screen = SCREEN_SLOTS;
        app->saving = false;
    }
    bx += 86;
    if (ud_ui_button(ui, ud_rect(bx, by, 100, 36), TR(ui, "Settings"))) {
        app->back_to = SCREEN_DEBRIEF;
        app->screen = SCREEN_SETTINGS;
    }
    bx += 106;
    if (ud_ui_button(ui, ud_rect(bx, by, 130, 36), TR(ui, "Main menu"))) {
        app->screen = SCREEN_START;
    }
    if (ud_ui_toggle(ui, ud_rect(30, by, 110, 36), TR(ui, "Summary"), app->debrief_page == 0)) {
        app->debrief_page = 0;
    }
    if (ud_ui_toggle(ui, ud_rect(146, by, toggle_w, 36), TR(ui, "Every decision"),
                     app->debrief_page == 1)) {
        app->debrief_page = 1;
    }
    ui->small_buttons = false;
    if (ud_ui_take_escape(ui)) {
        app->screen = over ? SCREEN_START : SCREEN_PLAY;
    }
}
