/* The game's past as the screens show it (see history.h). */
#include "history.h"

#include "ud/save.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ud_history_free(ud_history *h) {
    free(h->poor_at_start);
    h->poor_at_start = NULL;
}

void ud_history_begin(ud_history *h, ud_game *game) {
    ud_sim *sim = ud_game_sim(game);
    int n = ud_sim_household_count(sim);
    ud_history_free(h);
    memset(h, 0, sizeof *h);
    h->poor_at_start = calloc((size_t)(n > 0 ? n : 1), sizeof(bool));
    for (int i = 0; i < n; i++) {
        ud_household_view v;
        ud_sim_household(sim, i, &v);
        if (h->poor_at_start != NULL) {
            h->poor_at_start[i] = v.poor;
        }
        h->hamlet_size[v.hamlet]++;
    }
}

const ud_month_summary *ud_history_at(const ud_history *h, int month) {
    if (month < 0) {
        month = 0;
    }
    return &h->months[month < UD_HISTORY_MONTHS ? month : UD_HISTORY_MONTHS - 1];
}

void ud_history_month(ud_history *h, ud_game *game) {
    ud_sim *sim = ud_game_sim(game);
    ud_month_summary *s = (ud_month_summary *)ud_history_at(h, ud_sim_month(sim));
    memset(s, 0, sizeof *s);
    int n;
    const ud_event *ev = ud_sim_events(sim, &n);
    for (int i = 0; i < n; i++) {
        switch (ev[i].type) {
        case UD_EV_LOAN_DISBURSED:
            s->disbursed++;
            break;
        case UD_EV_LOAN_REPAID:
            s->repaid++;
            break;
        case UD_EV_INSTALMENT_MISSED:
            s->missed++;
            break;
        case UD_EV_LOAN_WRITTEN_OFF:
            s->written_off++;
            break;
        case UD_EV_GROUP_COLLAPSED:
            s->collapsed++;
            break;
        case UD_EV_GROUP_COVERED:
            s->covered++;
            break;
        case UD_EV_OFFICER_FRAUD_FOUND:
            /* only an audit finds fraud; the officer is dismissed and the ghost loans are
             * written off on the spot (see staff_run_audit) */
            s->fraud++;
            s->audited = true;
            s->ghost_loans += ev[i].object;
            s->ghost_lost += ev[i].amount;
            break;
        case UD_EV_AUDIT_CLEAN:
            s->audited = true;
            s->audit_clean = true;
            break;
        case UD_EV_SHOCK_STARTED:
            s->shocks++;
            break;
        case UD_EV_OFFER_MADE:
            s->offers++;
            break;
        case UD_EV_POLITICAL:
            s->political++;
            break;
        case UD_EV_APPLICATION_REJECTED:
            s->rejected++;
            break;
        case UD_EV_INSOLVENT:
            s->insolvent = true;
            break;
        default:
            break;
        }
    }
}

bool ud_history_begin_save(ud_history *h, const char *save_path, const ud_game_options *base,
                           char *err, size_t err_size) {
    ud_save_info info;
    /* checked before its scenario runs: a save may name any file, changed or not a
     * scenario at all */
    if (!ud_save_check(save_path, base, &info, err, err_size)) {
        return false;
    }
    ud_game_options opt = *base;
    opt.seed_set = true;
    opt.seed = info.seed;
    opt.month_played = NULL; /* nothing is played here */
    ud_game *start = ud_game_load(info.scenario, &opt, err, err_size);
    if (start == NULL) {
        return false;
    }
    ud_history_begin(h, start);
    ud_game_free(start);
    return true;
}
