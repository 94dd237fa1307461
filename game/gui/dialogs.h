/* The dialogs over the village screen, one file each (dialog_*.c), and the box they share. */
#ifndef UD_GUI_DIALOGS_H
#define UD_GUI_DIALOGS_H

#include "app.h"

/* Shades the screen, draws a w x h box in its middle and marks the widgets described from
 * now on as the dialog's (the only ones that react). Returns the box. */
SDL_Rect ud_dialog_box(ud_app *app, int w, int h);

void ud_dialog_month_end(ud_app *app);
void ud_dialog_question(ud_app *app);
void ud_dialog_household(ud_app *app);
void ud_dialog_message(ud_app *app);
void ud_dialog_confirm(ud_app *app);
void ud_dialog_group(ud_app *app);

/* A household's name as the trainee sees it (the scenario's, or from the region's list). */
void ud_household_name(const ud_app *app, int household, char *out, size_t size);
/* The name with the household's hamlet ("Pak Nana Permana, Mekarsari"), for lists where two
 * households of the same name could stand side by side (names repeat in a village). */
void ud_household_name_where(const ud_app *app, int household, char *out, size_t size);

#endif
