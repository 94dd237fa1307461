/* Plain-text summaries of a simulation's indicators for the command line. */
#ifndef UD_REPORT_H
#define UD_REPORT_H

#include "ud/indicators.h"

#include <stdio.h>

/* Prints the key indicators of one month as a two-column table, money in major units. */
void ud_report_summary(FILE *out, const ud_indicators *ind, int minor_units, const char *currency);

#endif
