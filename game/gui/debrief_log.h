/* The decision log in words, and its page in the debrief (see debrief_log.c). */
#ifndef UD_GUI_DEBRIEF_LOG_H
#define UD_GUI_DEBRIEF_LOG_H

#include "app.h"

/* Decision i of the game in words, with what it changed. */
void ud_decision_detail(ud_app *app, int i, char *out, size_t size);
/* Every decision, a page at a time (Page Up / Page Down, Previous / Next). */
void ud_debrief_log_page(ud_app *app, SDL_Rect area);

#endif
