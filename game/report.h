/* Plain-text summaries of a simulation's indicators for the command line. */
#ifndef UD_REPORT_H
#define UD_REPORT_H

#include "i18n.h"
#include "ud/indicators.h"

#include <stdio.h>

/* Prints the key indicators of one month as a two-column table, money in major units, the
 * labels in the language of `tr` (NULL: English). */
void ud_report_summary(FILE *out, const ud_indicators *ind, int minor_units, const char *currency,
                       ud_i18n *tr);

#endif
