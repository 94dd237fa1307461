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

/* Each panel draws itself inside `area` (already inset from the panel's frame). */
void ud_panel_desk(ud_app *app, SDL_Rect area);
void ud_panel_products(ud_app *app, SDL_Rect area);
void ud_panel_staff(ud_app *app, SDL_Rect area);
void ud_panel_funding(ud_app *app, SDL_Rect area);
void ud_panel_reports(ud_app *app, SDL_Rect area);
void ud_panel_news(ud_app *app, SDL_Rect area);
void ud_panel_problems(ud_app *app, SDL_Rect area);

#endif
