/* The panels of the village screen, one file each (panel_*.c), and what they share. Every
 * decision a panel offers goes through ud_app_command, like a strategy's. */
#ifndef UD_GUI_PANELS_H
#define UD_GUI_PANELS_H

#include "app.h"

/* A zeroed command of the given type. */
ud_command ud_command_new(ud_command_type type);

/* Page navigation within `area` (PageUp/PageDown and two buttons at its bottom right) over
 * `items` items shown `per_page` at a time; keeps app->page in range and returns the index
 * of the first item to show. */
int ud_pager(ud_app *app, SDL_Rect area, int items, int per_page);

/* Paging for a list whose pages are laid out as they are reached (the number of pages is
 * not known ahead): Page Up / Page Down and two buttons move app->page, the forward ones only
 * if `more`. True if the page changed (the caller stops drawing; the next pass shows it). */
bool ud_pager_flow(ud_app *app, SDL_Rect area, bool more);

/* A value with − and + buttons in the width of r: its name (small, wrapped) on one line,
 * the value (bold) and the buttons on the next (about 46 pixels in all). Returns -1 or +1
 * when a button is pressed, else 0; a side whose limit is reached is not drawn. */
int ud_stepper(ud_app *app, SDL_Rect r, const char *name, const char *value, bool can_down,
               bool can_up);

/* The height a stepper of width w with this name takes. */
int ud_stepper_height(ud_app *app, int w, const char *name);

/* The next round amount above (up) or below v: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a
 * power of ten, so that money steps read as a manager would set them. */
ud_money ud_round_step(ud_money v, bool up);

/* Plain words for the engine's loan terms. */
const char *ud_method_text(const ud_ui *ui, ud_interest_method m);
const char *ud_frequency_text(const ud_ui *ui, ud_frequency f);

/* Each panel draws itself inside `area` (already inset from the panel's frame). */
void ud_panel_desk(ud_app *app, SDL_Rect area);
void ud_panel_arrears(ud_app *app, SDL_Rect area);
/* Reschedules every late loan not yet rescheduled whose household has a known hardship (an
 * illness, a failed harvest), each over its own original term, with a grace period of a third
 * of it if `grace`; one ordinary command each. Returns how many were rescheduled. */
int ud_arrears_reschedule_hardship(ud_app *app, bool grace);
void ud_panel_products(ud_app *app, SDL_Rect area);
void ud_panel_staff(ud_app *app, SDL_Rect area);
void ud_panel_funding(ud_app *app, SDL_Rect area);
void ud_panel_reports(ud_app *app, SDL_Rect area);
void ud_panel_news(ud_app *app, SDL_Rect area);
void ud_panel_problems(ud_app *app, SDL_Rect area);

#endif
