/* Replays of a played game: without its shocks, by the reference strategy, without each main
 * decision, and up to a month for "what if". */
#include "game_internal.h"
#include "ud/debrief.h"
#include "ud/scores.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A judged figure: an indicator, or a score figure a lesson may name ("adjusted_par30"). */
static bool value_at(const ud_game *g, const char *name, int month, double *v) {
    return ud_indicator_value(g->sim, name, month, v) || ud_score_value(g->sim, name, month, v);
}

static double now_seconds(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void play_to(ud_game *g, int month) {
    while (ud_sim_month(g->sim) < month && ud_game_play_month(g)) {
    }
}

/* Whether a command about one borrower's late loan (a rescheduling, a write-off) still has a
 * late loan to act on in this game; any other command always applies. */
static bool late_in(const ud_sim *sim, const ud_command *c) {
    if (c->type != UD_CMD_RESCHEDULE && c->type != UD_CMD_WRITE_OFF) {
        return true;
    }
    ud_household_view h;
    return ud_sim_household(sim, c->index, &h) && h.loan != NULL &&
           ud_loan_days_in_arrears(h.loan, ud_sim_month(sim) * 30) > 0; /* 30-day months */
}

ud_game *ud_game_replay(const ud_game *src, const ud_replay_options *o, int *dropped, char *err,
                        size_t err_size) {
    ud_game_options opt = src->options;
    /* a replay is not the game on screen: its months must not be recorded as that game's
     * past (the debrief's charts and marks would show the replay's events) */
    opt.month_played = NULL;
    opt.month_played_context = NULL;
    opt.seed_set = true;
    opt.seed = ud_sim_setup(src->sim)->seed;
    opt.language = src->language;
    ud_game *g = ud_game_load(src->info.path, &opt, err, err_size);
    if (g == NULL) {
        return NULL;
    }
    g->no_shocks = o->without_shocks;
    int months = o->months > 0 || o->decisions_before ? o->months : ud_sim_month(src->sim);
    int lost = 0;
    /* the guide's steps as they were done, month by month: screen actions are not decisions,
     * and goals on them are judged as in the game replayed */
    int guided =
        ud_sim_month(src->sim) < UD_MAX_GAME_MONTHS ? ud_sim_month(src->sim) : UD_MAX_GAME_MONTHS;
    memcpy(g->guide_steps_at, src->guide_steps_at, sizeof g->guide_steps_at);
    g->guide_history = o->decisions_before && months < guided ? months : guided;
    if (o->strategy != NULL) {
        if (!ud_game_set_strategy(g, o->strategy, err, err_size)) {
            ud_game_free(g);
            return NULL;
        }
    } else {
        for (int i = 0; i < src->decision_count; i++) {
            const ud_decision *d = &src->decisions[i];
            if ((o->skip != NULL && o->skip[i]) || (o->decisions_before && d->month >= months)) {
                continue;
            }
            play_to(g, d->month);
            if (ud_sim_month(g->sim) != d->month) {
                lost++; /* the replay ended earlier */
                continue;
            }
            /* at the point of the month it was taken: a player's decision after the month's
             * opening handlers (an offer they made can be accepted only then) */
            game_month_stage(g, d->phase);
            /* a late loan's rescheduling or write-off, for a borrower who, without the shocks,
             * was not late: no decision to replay (a trainee saw the no-shock curve rise with
             * the drought's reschedulings) */
            if (o->without_shocks && !d->is_answer && !late_in(g->sim, &d->command)) {
                continue;
            }
            char why[256];
            bool ok = d->is_answer ? ud_game_answer(g, d->question, d->option, why, sizeof why)
                                   : ud_game_command(g, &d->command, why, sizeof why);
            lost += !ok;
        }
        /* steps already shown on screen stay done; back in time, those done by then */
        if (!o->decisions_before) {
            ud_game_guide_restore(g, src->guide_step, src->guide_progress);
        } else if (months >= 1 && months <= guided) {
            ud_game_guide_restore(g, src->guide_steps_at[months], 0);
        }
    }
    play_to(g, months);
    if (dropped != NULL) {
        *dropped = lost;
    }
    return g;
}

/* The judged indicator averaged over months from..last: a decision is judged by the months
 * that follow it, not by one month, where a single borrower's lateness can swing PAR30. */
/* Whether `name` is a monthly indicator (cheap to read month by month), not a score figure
 * (computed over the whole game: read once, at the end). */
static bool monthly(const char *name) {
    if (strcmp(name, "adjusted_par30") == 0) {
        return true; /* a month's figure, as PAR30 is (the scores judge the whole game) */
    }
    for (const char *const *n = ud_indicator_names(); *n != NULL; n++) {
        if (strcmp(*n, name) == 0) {
            return true;
        }
    }
    return false;
}

static double mean_after(const ud_game *g, const char *indicator, int from) {
    int last = ud_sim_month(g->sim);
    if (!monthly(indicator)) {
        from = last; /* a score already judges the whole game */
    }
    double sum = 0;
    int n = 0;
    for (int m = from < 1 ? 1 : from; m <= last; m++) {
        double v;
        if (value_at(g, indicator, m, &v)) {
            sum += v;
            n++;
        }
    }
    return n > 0 ? sum / n : 0;
}

/* The judged indicator at its worst month (highest when lower is better). */
static double worst_value(const ud_game *g, const char *indicator, bool higher_is_better) {
    double worst = 0;
    int first = monthly(indicator) ? 1 : ud_sim_month(g->sim);
    for (int m = first; m <= ud_sim_month(g->sim); m++) {
        double v;
        if (value_at(g, indicator, m, &v) &&
            (m == first || (higher_is_better ? v < worst : v > worst))) {
            worst = v;
        }
    }
    return worst;
}

/* The judged indicator at the game's last month. */
static double final_value(const ud_game *g, const char *indicator) {
    double v = 0;
    value_at(g, indicator, ud_sim_month(g->sim), &v);
    return v;
}

static bool desk(ud_command_type t) {
    return t == UD_CMD_APPROVE || t == UD_CMD_RESIZE || t == UD_CMD_REJECT;
}

/* Groups the decision log into main decisions: same month and same kind (the loan desk's
 * answers of a month together). */
static int main_decisions(const ud_game *g, ud_main_decision *out, int max) {
    int n = 0;
    for (int i = 0; i < g->decision_count; i++) {
        const ud_decision *d = &g->decisions[i];
        int type =
            d->is_answer ? -1 : (desk(d->command.type) ? UD_CMD_APPROVE : (int)d->command.type);
        int found = -1;
        for (int k = 0; k < n; k++) {
            if (out[k].month == d->month && (int)out[k].type == type) {
                found = k;
            }
        }
        if (found >= 0) {
            out[found].count = i - out[found].first + 1; /* spans to the latest of its kind */
            continue;
        }
        if (n == max) {
            continue;
        }
        ud_main_decision *m = &out[n++];
        memset(m, 0, sizeof *m);
        m->first = i;
        m->count = 1;
        m->month = d->month;
        m->type = (ud_command_type)type;
    }
    return n;
}

/* Whether a run of credit-policy changes switched "review every loan" on or off. Replayed
 * without it, the desk is left in the other mode with nobody to decide (the trainee's later
 * clicks were for the mode they chose): every application lapses, or none waits, and the
 * comparison says nothing about the decision (a trainee read "PAR30 53.5% without it"). */
static bool switches_review(const ud_game *g, const ud_main_decision *m) {
    if ((int)m->type != UD_CMD_SET_POLICY) {
        return false;
    }
    bool review = ud_sim_setup(g->sim)->mfi.policy.manual_review;
    for (int i = 0; i < m->first + m->count && i < g->decision_count; i++) {
        const ud_decision *d = &g->decisions[i];
        if (d->is_answer || d->command.type != UD_CMD_SET_POLICY) {
            continue;
        }
        if (i >= m->first && d->command.policy.manual_review != review) {
            return true;
        }
        review = d->command.policy.manual_review;
    }
    return false;
}

/* The least effect worth naming: a replay differs from the game in its luck as well as in the
 * decision (one path, not an average), so an effect of a few tenths of a point is noise. For
 * a ratio (PAR, shares: values up to 1) a point; otherwise 2% of the figure (scores of 0-100,
 * counts of households). */
static double noise_floor(const ud_main_decision *m) {
    double size = fmax(fabs(m->with_value), fabs(m->without_value));
    return size <= 1.5 ? 0.01 : 0.02 * size;
}

bool ud_debrief_analyse(const ud_game *g, ud_debrief *out, char *err, size_t err_size) {
    double start = now_seconds();
    memset(out, 0, sizeof *out);
    const ud_scenario_info *in = &g->info;
    if (in->lesson_indicator[0] != '\0') {
        snprintf(out->indicator, sizeof out->indicator, "%s", in->lesson_indicator);
        out->higher_is_better = in->lesson_higher_is_better;
    } else {
        /* without a lesson of its own, the workshop's conclusion: the institution and its
         * clients together (PAR30 alone read a cheaper, clearer price that drew more
         * borrowers as the decision that hurt) */
        snprintf(out->indicator, sizeof out->indicator, "holistic_score");
        out->higher_is_better = true;
    }
    out->months = ud_sim_month(g->sim);
    out->actual = final_value(g, out->indicator);
    out->shocks = ud_sim_shock_count(g->sim);
    double sign = out->higher_is_better ? 1.0 : -1.0;

    ud_replay_options o;
    memset(&o, 0, sizeof o);
    o.without_shocks = true;
    out->without_shocks = ud_game_replay(g, &o, &out->dropped, err, err_size);
    if (out->without_shocks == NULL) {
        return false;
    }
    out->no_shock_value = final_value(out->without_shocks, out->indicator);
    out->actual_worst = worst_value(g, out->indicator, out->higher_is_better);
    out->no_shock_worst = worst_value(out->without_shocks, out->indicator, out->higher_is_better);
    if (in->sound_strategy[0] != '\0') {
        memset(&o, 0, sizeof o);
        o.strategy = in->sound_strategy;
        char why[1024];
        out->reference = ud_game_replay(g, &o, NULL, why, sizeof why);
        if (out->reference != NULL) {
            out->reference_value = final_value(out->reference, out->indicator);
        }
    }

    ud_main_decision all[64];
    int n = main_decisions(g, all, 64);
    out->candidates = n;
    /* more than can be replayed: keep the policy, product, staff and funding decisions
     * first (they shape the whole game), then the loan desk's months */
    int kept = 0;
    for (int pass = 0; pass < 2 && kept < UD_DEBRIEF_CANDIDATES; pass++) {
        for (int i = 0; i < n && kept < UD_DEBRIEF_CANDIDATES; i++) {
            bool is_desk = (int)all[i].type == UD_CMD_APPROVE;
            if (is_desk == (pass == 1)) {
                out->main[kept++] = all[i];
            }
        }
    }
    bool *skip = calloc((size_t)(g->decision_count > 0 ? g->decision_count : 1), sizeof *skip);
    if (skip == NULL) {
        snprintf(err, err_size, "out of memory");
        return false;
    }
    for (int k = 0; k < kept; k++) {
        ud_main_decision *m = &out->main[k];
        if (switches_review(g, m)) {
            continue; /* not comparable: see switches_review */
        }
        memset(skip, 0, (size_t)g->decision_count * sizeof *skip);
        for (int i = m->first; i < m->first + m->count; i++) {
            const ud_decision *d = &g->decisions[i];
            int type =
                d->is_answer ? -1 : (desk(d->command.type) ? UD_CMD_APPROVE : (int)d->command.type);
            skip[i] = d->month == m->month && type == (int)m->type;
        }
        memset(&o, 0, sizeof o);
        o.skip = skip;
        char why[1024];
        ud_game *without = ud_game_replay(g, &o, NULL, why, sizeof why);
        if (without == NULL) {
            continue;
        }
        m->with_value = mean_after(g, out->indicator, m->month + 1);
        m->without_value = mean_after(without, out->indicator, m->month + 1);
        m->effect = sign * (m->with_value - m->without_value);
        ud_game_free(without);
    }
    free(skip);
    out->replayed = kept;
    /* the three largest effects, either way, above what one replay's luck can move */
    bool used[UD_DEBRIEF_CANDIDATES] = {false};
    for (int t = 0; t < 3; t++) {
        int best = -1;
        for (int k = 0; k < kept; k++) {
            if (!used[k] && fabs(out->main[k].effect) > noise_floor(&out->main[k]) &&
                (best < 0 || fabs(out->main[k].effect) > fabs(out->main[best].effect))) {
                best = k;
            }
        }
        if (best < 0) {
            break;
        }
        used[best] = true;
        out->top[out->top_count++] = out->main[best];
    }
    out->seconds = now_seconds() - start;
    return true;
}

void ud_debrief_free(ud_debrief *d) {
    ud_game_free(d->without_shocks);
    ud_game_free(d->reference);
    d->without_shocks = d->reference = NULL;
}
