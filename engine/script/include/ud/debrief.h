/* Luck and decisions apart: the same game replayed without the scenario's shocks, the
 * scenario's sound strategy on the same seed, and the game replayed without each of the
 * trainee's main decisions, to find the three that helped or hurt most. A replay is the
 * scenario + seed + decision log, so "what if" (go back to month M) comes from it too. */
#ifndef UD_DEBRIEF_H
#define UD_DEBRIEF_H

#include "ud/game.h"

typedef struct ud_replay_options {
    bool without_shocks;   /* the scenario's shock{} calls do nothing */
    const bool *skip;      /* skip[i]: leave the source's decision i out (NULL: none) */
    int months;            /* play to this month (0: the months the source has played) */
    bool decisions_before; /* keep only decisions taken before `months` (what if) */
    const char *strategy;  /* play this strategy instead of the source's decisions */
} ud_replay_options;

/* Loads the source's scenario again with its seed and language and plays it as told.
 * Decisions that cannot be applied in the new course of events (an application that no
 * longer exists) are left out and counted in *dropped (may be NULL). NULL with a message on
 * failure. */
ud_game *ud_game_replay(const ud_game *source, const ud_replay_options *options, int *dropped,
                        char *err, size_t err_size);

/* A main decision of the trainee: one kind of command taken in one month (all the loan
 * desk's answers of a month count as one), or an answer to a question. */
typedef struct ud_main_decision {
    int first, count; /* decisions[first .. first+count-1] of the same kind and month */
    int month;
    ud_command_type type; /* or -1 for an answer */
    /* the judged indicator averaged over the months after the decision, with it and
     * without it; effect = their difference, signed so that positive means it helped */
    double with_value, without_value, effect;
} ud_main_decision;

#define UD_DEBRIEF_CANDIDATES 12 /* main decisions replayed without, at most */

typedef struct ud_debrief {
    char indicator[32]; /* what is judged: the scenario's lesson indicator, else the holistic
                           score */
    bool higher_is_better;
    int months;              /* months the game lasted */
    ud_game *without_shocks; /* owned: the same decisions, no shocks */
    ud_game *reference;      /* owned: the scenario's sound strategy, same seed; may be NULL */
    double actual, no_shock_value, reference_value; /* the indicator at the end */
    double actual_worst, no_shock_worst;            /* and at its worst month */
    int dropped;    /* decisions that could not be replayed without the shocks */
    int shocks;     /* shocks the scenario scheduled in the game as played */
    int candidates; /* main decisions found in the log */
    int replayed;   /* of which replayed without (main[0..replayed-1]) */
    ud_main_decision main[UD_DEBRIEF_CANDIDATES];
    int top_count; /* the three (or fewer) with the largest effect, either sign */
    ud_main_decision top[3];
    double seconds; /* wall time of all the replays */
} ud_debrief;

/* Runs the replays for a game that has been played (ended or not). False with a message if
 * the scenario cannot be loaded again. */
bool ud_debrief_analyse(const ud_game *game, ud_debrief *out, char *err, size_t err_size);
void ud_debrief_free(ud_debrief *debrief);

#endif
