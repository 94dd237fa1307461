/* The decision log in words, and its page in the debrief (see debrief_log.c). */
#ifndef UD_GUI_DEBRIEF_LOG_H
#define UD_GUI_DEBRIEF_LOG_H

#include "app.h"

/* Decision i of the game in words, with what it changed. */
void ud_decision_detail(ud_app *app, int i, char *out, size_t size);
/* Decisions first..last in words: a run of changes to one setting in one month (four clicks
 * on a rate's "+") reads as one change, from before the first to after the last. */
void ud_decision_span_detail(ud_app *app, int first, int last, char *out, size_t size);
/* The last decision of the run of changes to the same setting, in the same month, that
 * starts at decision `first` (first itself when the next one changes something else). */
int ud_decision_run_end(ud_app *app, int first);
/* Every decision, a page at a time (Page Up / Page Down, Previous / Next). */
void ud_debrief_log_page(ud_app *app, SDL_Rect area);

#endif
