/* The debrief's three-line charts (see debrief_chart.c). */
#ifndef UD_GUI_DEBRIEF_CHART_H
#define UD_GUI_DEBRIEF_CHART_H

#include "app.h"

/* One indicator over the game: yours (thick), without the shocks (grey) and the reference
 * strategy (green) when `d` is not NULL; goal lines; lettered event marks. */
void ud_debrief_chart(ud_app *app, SDL_Rect r, const char *indicator, const char *title,
                      const ud_debrief *d);
/* How an indicator's value reads on screen: a percentage (par30 "1.2%"), an index with
 * decimals (subsidy dependence), an amount in the scenario's currency ("IDR 676,274,631")
 * or a whole number (clients). */
void ud_indicator_value_text(const ud_app *app, const char *indicator, double v, char *out,
                             size_t size);
/* Whether an indicator is a share or a ratio read in percent (PAR30, OSS, subsidy dependence
 * as Yaron's index is quoted...). */
bool ud_indicator_is_percent(const char *indicator);
/* The same, short enough for a chart's value scale: amounts in thousands, millions or
 * billions of the currency's major unit ("676 M"). */
void ud_indicator_scale_text(const ud_app *app, const char *indicator, double v, char *out,
                             size_t size);
/* The months the charts mark (A, B, C... in order). Returns how many. */
int ud_debrief_marks(const ud_app *app, int *months, int max);

#endif
