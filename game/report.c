/* Plain-text summaries of indicators for `unitdesa run`. */
#include "report.h"

static void money_line(FILE *out, const char *label, ud_money v, int minor, const char *cur) {
    char buf[40];
    ud_money_format(v, minor, ',', buf, sizeof buf);
    fprintf(out, "  %-28s %20s %s\n", label, buf, cur);
}

static void percent_line(FILE *out, const char *label, double v) {
    fprintf(out, "  %-28s %19.2f%%\n", label, v * 100.0);
}

void ud_report_summary(FILE *out, const ud_indicators *d, int minor, const char *cur) {
    fprintf(out, "After month %d:\n", d->month);
    fprintf(out, " Outreach\n");
    fprintf(out, "  %-28s %20d\n", "active borrowers", d->active_borrowers);
    percent_line(out, "share of women", d->women_share);
    fprintf(out, "  %-28s %20.3f\n", "average loan / income", d->avg_loan_to_income);
    fprintf(out, " Portfolio quality\n");
    money_line(out, "gross loan portfolio", d->gross_portfolio, minor, cur);
    percent_line(out, "PAR30", d->par30);
    percent_line(out, "PAR90", d->par90);
    percent_line(out, "risk coverage", d->risk_coverage);
    fprintf(out, " Sustainability\n");
    money_line(out, "cash", d->cash, minor, cur);
    money_line(out, "equity", d->equity, minor, cur);
    percent_line(out, "portfolio yield", d->portfolio_yield);
    percent_line(out, "operating expense ratio", d->opex_ratio);
    money_line(out, "cost per borrower (a year)", d->cost_per_borrower, minor, cur);
    fprintf(out, "  %-28s %20.1f\n", "borrowers per officer", d->borrowers_per_officer);
    percent_line(out, "OSS", d->oss);
    percent_line(out, "FSS", d->fss);
    fprintf(out, "  %-28s %20.3f\n", "subsidy dependence index", d->subsidy_dependence);
    fprintf(out, " Clients' welfare\n");
    fprintf(out, "  %-28s %20d\n", "households in poverty", d->households_in_poverty);
    fprintf(out, "  %-28s %20d\n", "  of which women-headed", d->poor_women);
    /* poor, over-indebted or in default: what the client score and m1/m3's goals count */
    fprintf(out, "  %-28s %20d\n", "households in distress", d->households_in_distress);
    fprintf(out, "  %-28s %20d\n", "  of which women-headed", d->women_in_distress);
    money_line(out, "average household income", d->avg_household_income, minor, cur);
}
