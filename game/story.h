/* The story of a run for trainers: month by month, the news, shocks, offers and political
 * events, the decisions taken, the questions with the answer chosen, the goals reached or
 * missed, and the lessons shown at the end, in the scenario's language. */
#ifndef UD_STORY_H
#define UD_STORY_H

#include "i18n.h"
#include "ud/game.h"

#include <stdio.h>

typedef struct ud_story {
    FILE *out;
    ud_i18n *tr; /* the interface's words ("Month", "News"...) */
    int news_seen, decisions_seen;
    int goal_state[UD_MAX_GOALS];
} ud_story;

/* Starts a story written to out; tr may be an English (empty) table. */
void ud_story_init(ud_story *story, FILE *out, ud_i18n *tr);

/* Writes what happened in `month` (months completed): shaped as ud_run_request.each_month. */
void ud_story_month(ud_game *game, int month, void *story);

/* Writes how the game ended and the lessons shown: shaped as ud_run_request.at_end. */
void ud_story_end(ud_game *game, void *story);

/* One decision in words ("hired 2 officer(s) at 1,500,000 a month"), in tr's language. */
void ud_decision_describe(ud_game *game, ud_i18n *tr, const ud_decision *d, char *out, size_t size);
/* An interest method in the words of the Products panel, translated. */
const char *ud_method_words(ud_i18n *tr, ud_interest_method m);
/* "weekly", "every two weeks", "monthly", in tr's language. */
const char *ud_frequency_words(ud_i18n *tr, ud_frequency f);

/* Whether a decision belongs to the loan desk's many small ones (approve, resize, reject),
 * which stories and timelines count rather than list. */
bool ud_decision_is_desk(const ud_decision *d);

#endif
