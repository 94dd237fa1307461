/* Plain-text summaries of indicators for `unitdesa run`, in the language asked for. */
#include "report.h"

#include <string.h>

#define LABEL_WIDTH 38 /* the longest label, in any language the game speaks */

typedef struct report {
    FILE *out;
    ud_i18n *tr;
    int minor;
    const char *currency;
    char sep; /* thousands, as the language writes them: 1,500,000 or 1 500 000 */
} report;

/* Characters, not bytes: a label in French or Spanish has accents (two bytes each in UTF-8). */
static int text_width(const char *s) {
    int n = 0;
    for (; *s != '\0'; s++) {
        n += ((unsigned char)*s & 0xC0) != 0x80;
    }
    return n;
}

static void line_text(const report *r, const char *label, const char *value) {
    const char *text = ud_tr(r->tr, label);
    int pad = LABEL_WIDTH - text_width(text);
    fprintf(r->out, "  %s%*s %18s\n", text, pad > 0 ? pad : 0, "", value);
}

static void money_line(const report *r, const char *label, ud_money v) {
    char buf[40], value[64];
    ud_money_format(v, r->minor, r->sep, buf, sizeof buf);
    snprintf(value, sizeof value, "%s %s", buf, r->currency);
    line_text(r, label, value);
}

static void percent_line(const report *r, const char *label, double v) {
    char value[32];
    snprintf(value, sizeof value, "%.2f%%", v * 100.0);
    line_text(r, label, value);
}

static void number_line(const report *r, const char *label, double v, int decimals) {
    char value[32];
    snprintf(value, sizeof value, "%.*f", decimals, v);
    line_text(r, label, value);
}

static void heading(const report *r, const char *title) {
    fprintf(r->out, " %s\n", ud_tr(r->tr, title));
}

void ud_report_summary(FILE *out, const ud_indicators *d, int minor, const char *cur, ud_i18n *tr) {
    report r = {out, tr, minor, cur, tr != NULL && strcmp(tr->language, "fr") == 0 ? ' ' : ','};
    fprintf(out, ud_tr(tr, "After month %d:"), d->month);
    fprintf(out, "\n");
    heading(&r, N_("Outreach"));
    number_line(&r, N_("active borrowers"), d->active_borrowers, 0);
    percent_line(&r, N_("share of women"), d->women_share);
    number_line(&r, N_("average loan / income"), d->avg_loan_to_income, 3);
    heading(&r, N_("Portfolio quality"));
    money_line(&r, N_("gross loan portfolio"), d->gross_portfolio);
    percent_line(&r, N_("PAR30"), d->par30);
    percent_line(&r, N_("PAR90"), d->par90);
    percent_line(&r, N_("risk coverage"), d->risk_coverage);
    heading(&r, N_("Sustainability"));
    money_line(&r, N_("cash"), d->cash);
    money_line(&r, N_("equity"), d->equity);
    percent_line(&r, N_("portfolio yield"), d->portfolio_yield);
    percent_line(&r, N_("operating expense ratio"), d->opex_ratio);
    money_line(&r, N_("cost per borrower (a year)"), d->cost_per_borrower);
    number_line(&r, N_("borrowers per officer"), d->borrowers_per_officer, 1);
    percent_line(&r, N_("officers who left (a year)"), d->staff_turnover);
    percent_line(&r, N_("OSS"), d->oss);
    percent_line(&r, N_("FSS"), d->fss);
    number_line(&r, N_("subsidy dependence index"), d->subsidy_dependence, 3);
    heading(&r, N_("Clients' welfare"));
    number_line(&r, N_("households in poverty"), d->households_in_poverty, 0);
    number_line(&r, N_("  of which women-headed"), d->poor_women, 0);
    /* poor, over-indebted or in default: what the client score and m1/m3's goals count */
    number_line(&r, N_("households in distress"), d->households_in_distress, 0);
    number_line(&r, N_("  of which women-headed"), d->women_in_distress, 0);
    money_line(&r, N_("average household income"), d->avg_household_income);
}
