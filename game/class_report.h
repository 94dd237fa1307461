/* The class report: one self-contained, printable HTML page that compares the teams who
 * played one scenario (inline SVG charts, no network), then a one-page debrief per team. */
#ifndef UD_CLASS_REPORT_H
#define UD_CLASS_REPORT_H

#include "i18n.h"
#include "result.h"

#include <stdio.h>

typedef struct ud_class_input {
    /* all played the same scenario; as ud_result_read returns them (checked: months
     * 1..240, one row a month played), which the charts' axes rely on */
    const ud_team_result *const *teams;
    int team_count;
    /* the scenario's benchmark strategy, one run per distinct seed (may be none) */
    const ud_team_result *const *benchmarks;
    int benchmark_count;
    const char *benchmark_name; /* the strategy's file, for the legend ("" if none) */
    const char *note;           /* why there is no benchmark, or "" */
    ud_i18n *tr;                /* the report's words */
} ud_class_input;

/* Writes the whole page. False if writing failed. */
bool ud_class_report_write(FILE *out, const ud_class_input *in);

#endif
