/* The game's past as the screens show it: who was poor at the start (the map's "out of
 * poverty", the clients' score), what each month did (the month's summary, the news, the
 * charts' marks). The engine keeps only the current month's events, so this record is kept
 * month by month, and rebuilt for a loaded game by replaying it. No drawing here. */
#ifndef UD_GUI_HISTORY_H
#define UD_GUI_HISTORY_H

#include "ud/game.h"

#include <stdbool.h>
#include <stddef.h>

/* What a month did, for the end-of-month dialog, the news feed and the debrief. */
typedef struct ud_month_summary {
    int disbursed, repaid, missed, written_off, collapsed, covered, fraud, shocks, offers,
        political, rejected;
    bool insolvent;
    /* an audit's findings: ghost loans written off (and what they had lent), officers found
     * dishonest and dismissed (fraud), or nothing found */
    bool audited, audit_clean;
    int ghost_loans;
    ud_money ghost_lost;
} ud_month_summary;

#define UD_HISTORY_MONTHS 242

typedef struct ud_history {
    bool *poor_at_start;                        /* one per household */
    int hamlet_size[UD_MAX_HAMLETS];            /* households per hamlet: fixed for a game */
    ud_month_summary months[UD_HISTORY_MONTHS]; /* [m]: month m (1..); the last holds later */
} ud_history;

/* Starts the record of a game that has not played yet (month 0). */
void ud_history_begin(ud_history *h, ud_game *game);
/* Records the month just played (call right after ud_game_play_month). */
void ud_history_month(ud_history *h, ud_game *game);
/* The summary of month m (1..), or of the last month kept. */
const ud_month_summary *ud_history_at(const ud_history *h, int month);
void ud_history_free(ud_history *h);

/* Starts the record of the game a save holds, from its scenario and seed as they were
 * before the first month (loaded again, not played); its months are then recorded while the
 * save is replayed (ud_game_options.month_played). False with the reason in err. */
bool ud_history_begin_save(ud_history *h, const char *save_path, const ud_game_options *base,
                           char *err, size_t err_size);

#endif
