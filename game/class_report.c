/* Writing the class report: HTML with inline SVG, printable, readable without a network. */
#include "class_report.h"

#include <math.h>
#include <string.h>

#define TR(s) ud_tr(in->tr, s)
#define MAX_SERIES 128 /* every team (at most 64) and a benchmark for each seed */

/* Colours that stay apart for colour-blind readers (Okabe-Ito), with dash patterns so a
 * black-and-white print still tells the lines apart. */
static const char *const colours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                      "#E69F00", "#56B4E9", "#000000", "#F0E442"};
static const char *const dashes[] = {"", "6 3", "2 2", "8 3 2 3"};

static const char *colour(int i) {
    return colours[i % 8];
}

static const char *dash(int i) {
    return dashes[(i / 8) % 4];
}

static void esc(FILE *f, const char *s) {
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        default:
            fputc(*s, f);
        }
    }
}

typedef enum value_kind { VK_COUNT, VK_PERCENT, VK_MONEY, VK_RATIO } value_kind;

typedef struct chart_spec {
    const char *column;
    const char *label, *short_label; /* the short one on the one-page debriefs */
    value_kind kind;
} chart_spec;

static const chart_spec charts[] = {
    {"active_borrowers", "Active borrowers", "Active borrowers", VK_COUNT},
    {"par30", "PAR30 (portfolio at risk over 30 days)", "PAR30", VK_PERCENT},
    {"oss", "Operational self-sufficiency (OSS)", "OSS", VK_PERCENT},
    {"fss", "Financial self-sufficiency (FSS)", "FSS", VK_PERCENT},
    {"households_in_poverty", "Households in poverty", "Households in poverty", VK_COUNT},
    {"equity", "Equity", "Equity", VK_MONEY},
};

static double value(const ud_team_result *r, int month, int column) {
    double v = r->rows[month - 1][column];
    return v;
}

static double shown(const ud_team_result *r, double v, value_kind kind) {
    if (kind == VK_PERCENT) {
        return 100 * v;
    }
    if (kind == VK_MONEY) {
        return v / pow(10, r->minor_units);
    }
    return v;
}

static void format_value(char *out, size_t size, double v, value_kind kind) {
    if (kind == VK_PERCENT) {
        snprintf(out, size, "%.1f%%", v); /* 89.9%, not a rounded 90% beside "OSS above 90%" */
    } else if (fabs(v) >= 1e9) {
        snprintf(out, size, "%.1fG", v / 1e9);
    } else if (fabs(v) >= 1e6) {
        snprintf(out, size, "%.1fM", v / 1e6);
    } else if (fabs(v) >= 1e4) {
        snprintf(out, size, "%.0fk", v / 1e3);
    } else if (kind == VK_RATIO) {
        snprintf(out, size, "%.2f", v);
    } else {
        snprintf(out, size, "%.0f", v);
    }
}

/* A round step for about four grid lines over [lo, hi]. */
static double nice_step(double span) {
    double raw = span / 4, p = pow(10, floor(log10(raw)));
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

typedef struct series {
    const ud_team_result *r;
    const char *name;
    int style; /* colour and dash index; -1: the benchmark (grey, dashed) */
} series;

/* One chart: every series on the same axes (months 0..months, a shared value range). */
static void chart(FILE *f, const ud_class_input *in, const chart_spec *spec, const series *s, int n,
                  int months, int width, int height) {
    double lo = 0, hi = 0;
    bool any = false;
    for (int i = 0; i < n; i++) {
        int c = ud_result_column(s[i].r, spec->column);
        for (int m = 1; c >= 0 && m <= s[i].r->row_count; m++) {
            double v = shown(s[i].r, value(s[i].r, m, c), spec->kind);
            lo = v < lo ? v : lo; /* the axis starts at 0 unless values go below it */
            hi = v > hi ? v : hi;
            any = true;
        }
    }
    if (!any) {
        return;
    }
    lo = lo > 0 ? 0 : lo;
    if (hi - lo < 1e-9) {
        hi = lo + 1;
    }
    double step = nice_step(hi - lo);
    lo = floor(lo / step) * step;
    hi = ceil(hi / step) * step;
    const double left = 58, right = 12, top = 28, bottom = 30;
    double pw = width - left - right, ph = height - top - bottom;
    const char *label = width < 400 ? spec->short_label : spec->label;
    fprintf(f,
            "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
            width, height, width, height);
    fprintf(f, "<title>");
    esc(f, TR(spec->label));
    fprintf(f, "</title><text x=\"%g\" y=\"16\" class=\"ct\">", left);
    esc(f, TR(label));
    fprintf(f, "</text>");
    for (double y = lo; y <= hi + step / 2; y += step) {
        double py = top + ph - (y - lo) / (hi - lo) * ph;
        char label[32];
        format_value(label, sizeof label, y, spec->kind);
        fprintf(f,
                "<line x1=\"%g\" y1=\"%.1f\" x2=\"%g\" y2=\"%.1f\" class=\"grid\"/>"
                "<text x=\"%g\" y=\"%.1f\" class=\"yl\">%s</text>",
                left, py, left + pw, py, left - 4, py + 4, label);
    }
    int xstep = months <= 12 ? 3 : (months <= 36 ? 6 : 12);
    for (int m = 0; m <= months; m += xstep) {
        double px = left + (double)m / months * pw;
        fprintf(f, "<text x=\"%.1f\" y=\"%g\" class=\"xl\">%d</text>", px, top + ph + 16, m);
    }
    fprintf(f, "<text x=\"%g\" y=\"%d\" class=\"yl\">%s</text>", left - 4, height - 4, TR("month"));
    fprintf(f, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" class=\"frame\"/>", left, top,
            pw, ph);
    for (int i = 0; i < n; i++) {
        int c = ud_result_column(s[i].r, spec->column);
        if (c < 0 || s[i].r->row_count == 0) {
            continue;
        }
        fprintf(f, "<path d=\"");
        for (int m = 1; m <= s[i].r->row_count; m++) {
            double v = shown(s[i].r, value(s[i].r, m, c), spec->kind);
            double px = left + (double)m / months * pw;
            double py = top + ph - (v - lo) / (hi - lo) * ph;
            fprintf(f, "%c%.1f %.1f", m == 1 ? 'M' : 'L', px, py);
        }
        if (s[i].style < 0) {
            fprintf(f, "\" class=\"bench\" fill=\"none\"><title>");
        } else {
            fprintf(
                f,
                "\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\"><title>",
                colour(s[i].style), dash(s[i].style));
        }
        esc(f, s[i].name);
        fprintf(f, "</title></path>");
    }
    fprintf(f, "</svg>\n");
}

static void legend(FILE *f, const ud_class_input *in, const series *s, int n) {
    fprintf(f, "<p class=\"legend\">");
    for (int i = 0; i < n; i++) {
        fprintf(
            f, "<span><svg width=\"30\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"30\" y2=\"5\" ");
        if (s[i].style < 0) {
            fprintf(f, "class=\"bench\"");
        } else {
            fprintf(f, "stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\"",
                    colour(s[i].style), dash(s[i].style));
        }
        fprintf(f, "/></svg> ");
        esc(f, s[i].name);
        fprintf(f, "</span> ");
    }
    (void)in;
    fprintf(f, "</p>\n");
}

static int goals_met(const ud_team_result *r) {
    int met = 0;
    for (int i = 0; i < r->goal_count; i++) {
        met += r->goals[i].met;
    }
    return met;
}

static double last(const ud_team_result *r, const char *column) {
    int c = ud_result_column(r, column);
    return c >= 0 && r->row_count > 0 ? r->rows[r->row_count - 1][c] : 0;
}

static void table_row(FILE *f, const ud_class_input *in, const ud_team_result *r, const char *name,
                      bool bench) {
    fprintf(f, "<tr%s><th>", bench ? " class=\"benchrow\"" : "");
    esc(f, name);
    fprintf(f, "</th><td>%d / %d</td><td>%d</td><td>%d</td><td>", goals_met(r), r->goal_count,
            r->score_institution, r->score_clients);
    esc(f, TR(r->end));
    fprintf(f,
            "</td><td>%.0f</td><td>%.1f%%</td><td>%.1f%%</td><td>%.1f%%</td><td>%.0f</td></tr>\n",
            last(r, "active_borrowers"), 100 * last(r, "par30"), 100 * last(r, "oss"),
            100 * last(r, "fss"), last(r, "households_in_poverty"));
}

static const char style_sheet[] =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#222;font-size:13px}"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:18px 0 6px}"
    "h3{font-size:14px;margin:12px 0 4px}"
    "table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #bbb;padding:3px 8px;"
    "text-align:right}th{text-align:left;background:#f2f2f2}"
    ".benchrow th,.benchrow td{font-style:italic;color:#555}"
    ".charts{display:flex;flex-wrap:wrap;gap:8px}"
    ".chart text{font-size:11px;fill:#333}.chart .ct{font-size:12px;font-weight:bold}"
    ".chart .yl{text-anchor:end}.chart .xl{text-anchor:middle}"
    ".grid{stroke:#ddd;stroke-width:1}.frame{fill:none;stroke:#999}"
    ".bench{stroke:#666;stroke-width:2;stroke-dasharray:1 3;fill:none}"
    ".legend span{margin-right:14px;white-space:nowrap}"
    ".met{color:#0a6b2e}.missed{color:#a1122a}"
    ".timeline text{font-size:11px;fill:#333}"
    ".note{color:#555}.decisions{columns:2;font-size:12px}"
    ".page{page-break-after:always;break-after:page}"
    /* a debrief is one printed page: compact lists and headings */
    ".debrief h1{font-size:18px}.debrief p{margin:4px 0}.debrief ul{margin:2px 0 6px;"
    "padding-left:20px}.debrief li{margin:0}.debrief h3{margin:8px 0 2px}"
    ".debrief .legend{margin:4px 0}.debrief .decisions{columns:3;font-size:11px}"
    ".debrief .goals{columns:2;column-gap:24px;font-size:12px}"
    "@media print{body{margin:10mm}.page{page-break-after:always}}"
    "@page{size:A4 landscape;margin:10mm}";

/* Ends a text cut to its field between characters: snprintf may cut inside a letter's UTF-8
 * bytes ("Équipe Sénégalaise" at 23 bytes left half an "é" in the page). */
static void end_between_characters(char *s) {
    size_t n = strlen(s), lead = n;
    while (lead > 0 && n - lead < 4) {
        lead--;
        unsigned char c = (unsigned char)s[lead];
        if ((c & 0xC0) != 0x80) { /* a character's first byte: is it whole? */
            size_t need = c < 0x80 ? 1 : (c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : 2));
            if (n - lead < need) {
                s[lead] = '\0';
            }
            return;
        }
    }
}

/* Each team's decisions as marks on one line per team, months on a shared axis. */
static void timeline(FILE *f, const ud_class_input *in, const series *s, int n, int months) {
    const double left = 170, right = 14, row = 22, top = 8;
    int width = 940, height = (int)(top + row * n + 26);
    double pw = width - left - right;
    fprintf(f, "<svg class=\"timeline\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", width,
            height, width, height);
    for (int i = 0; i < n; i++) {
        double y = top + row * i + row / 2;
        fprintf(f, "<text x=\"%g\" y=\"%.1f\">", 4.0, y + 4);
        char name[24]; /* the timeline's margin holds about 24 characters */
        snprintf(name, sizeof name, "%s", s[i].style < 0 ? TR("benchmark") : s[i].name);
        end_between_characters(name);
        esc(f, name);
        fprintf(f, "</text><line x1=\"%g\" y1=\"%.1f\" x2=\"%g\" y2=\"%.1f\" class=\"grid\"/>",
                left, y, left + pw, y);
        /* one mark for each run of decisions in a month, its first few texts under the mouse:
         * a mark for each of a long game's thousands of decisions made a page no browser
         * could open */
        const ud_team_result *r = s[i].r;
        enum { LISTED = 6 };
        for (int d = 0; d < r->decision_count;) {
            int month = r->decisions[d].month, end = d;
            while (end < r->decision_count && r->decisions[end].month == month) {
                end++;
            }
            double px = left + (double)month / months * pw;
            fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s %d: ", px, y,
                    s[i].style < 0 ? "#666" : colour(s[i].style), TR("month"), month + 1);
            for (int k = d; k < end && k < d + LISTED; k++) {
                fputs(k > d ? "; " : "", f);
                esc(f, ud_result_decision_text(r, k));
            }
            if (end - d > LISTED) {
                fprintf(f, " (+%d)", end - d - LISTED);
            }
            fprintf(f, "</title></circle>");
            d = end;
        }
    }
    for (int m = 0; m <= months; m += months <= 12 ? 3 : (months <= 36 ? 6 : 12)) {
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
                left + (double)m / months * pw, height - 6, m);
    }
    fprintf(f, "</svg>\n");
}

static const ud_team_result *benchmark_for(const ud_class_input *in, const ud_team_result *r) {
    for (int i = 0; i < in->benchmark_count; i++) {
        if (in->benchmarks[i]->seed == r->seed) {
            return in->benchmarks[i];
        }
    }
    return NULL;
}

static void debrief_page(FILE *f, const ud_class_input *in, int t, int months) {
    const ud_team_result *r = in->teams[t];
    fprintf(f, "<section class=\"page debrief\"><h1>");
    esc(f, r->team);
    fprintf(f, "</h1><p>");
    esc(f, r->title);
    fprintf(f, " &middot; %s %llu &middot; %d %s &middot; ", TR("seed"),
            (unsigned long long)r->seed, r->played, TR("months played"));
    esc(f, TR(r->end));
    fprintf(f, "</p><p><b>%s:</b> %d / 100 &nbsp; <b>%s:</b> %d / 100</p>\n",
            TR("Institution score"), r->score_institution, TR("Clients' score"), r->score_clients);
    fprintf(f, "<h3>%s</h3><ul class=\"goals\">", TR("Goals"));
    for (int g = 0; g < r->goal_count; g++) {
        const ud_result_goal *goal = &r->goals[g];
        const char *verdict = goal->kind == UD_GOAL_LOSE ? (goal->met ? "avoided" : "happened")
                                                         : (goal->met ? "met" : "missed");
        fprintf(f, "<li class=\"%s\">[%s] ", goal->met ? "met" : "missed", TR(verdict));
        esc(f, goal->text);
        fprintf(f, "</li>");
    }
    fprintf(f, "</ul>\n");
    series s[2];
    int n = 0;
    s[n++] = (series){r, r->team, t};
    const ud_team_result *bench = benchmark_for(in, r);
    char bench_name[300];
    snprintf(bench_name, sizeof bench_name, "%s (%s)", TR("benchmark"), in->benchmark_name);
    end_between_characters(bench_name);
    if (bench != NULL) {
        s[n++] = (series){bench, bench_name, -1};
    }
    legend(f, in, s, n);
    fprintf(f, "<div class=\"charts\">");
    for (size_t c = 0; c < 4; c++) {
        chart(f, in, &charts[c], s, n, months, 250, 150);
    }
    fprintf(f, "</div>\n<h3>%s</h3><ul class=\"decisions\">", TR("Decisions"));
    /* a debrief stays on one printed page: the first decisions, then how many more (all of
     * them are on the overview's timeline) */
    enum { SHOWN = 18 };
    for (int d = 0; d < r->decision_count && d < SHOWN; d++) {
        /* the month the decision was for, as the game's summaries number it */
        fprintf(f, "<li>%s %d: ", TR("month"), r->decisions[d].month + 1);
        esc(f, ud_result_decision_text(r, d));
        fprintf(f, "</li>");
    }
    if (r->decision_count > SHOWN) {
        fprintf(f, "<li>");
        fprintf(f, TR("and %d more (see the timeline)"), r->decision_count - SHOWN);
        fprintf(f, "</li>");
    }
    if (r->decision_count == 0) {
        fprintf(f, "<li>%s</li>", TR("no decisions beyond the loan desk"));
    }
    fprintf(f, "</ul>\n");
    if (r->lesson_count > 0) {
        fprintf(f, "<h3>%s</h3><ul>", TR("Lessons"));
        for (int l = 0; l < r->lesson_count; l++) {
            fprintf(f, "<li>");
            esc(f, r->lessons[l]);
            fprintf(f, "</li>");
        }
        fprintf(f, "</ul>\n");
    }
    fprintf(f, "</section>\n");
}

bool ud_class_report_write(FILE *f, const ud_class_input *in) {
    const ud_team_result *first = in->teams[0];
    int months = 1;
    for (int t = 0; t < in->team_count; t++) {
        months = in->teams[t]->months > months ? in->teams[t]->months : months;
        months = in->teams[t]->row_count > months ? in->teams[t]->row_count : months;
    }
    fprintf(f,
            "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
            "<title>",
            in->tr->language[0] ? in->tr->language : "en");
    char heading[400];
    snprintf(heading, sizeof heading, TR("Class results: %s"), first->title);
    esc(f, heading);
    fprintf(f, "</title><style>%s</style></head><body>\n", style_sheet);
    fprintf(f, "<section class=\"page\" id=\"overview\"><h1>");
    snprintf(heading, sizeof heading, TR("Class results: %s"), first->title);
    esc(f, heading);
    fprintf(f, "</h1><p>");
    esc(f, first->module);
    fprintf(f, " &middot; ");
    esc(f, first->scenario);
    fprintf(f, " &middot; %s %016llx &middot; %d %s</p>\n", TR("file hash"),
            (unsigned long long)first->hash, in->team_count, TR("team(s)"));
    if (in->note[0] != '\0') {
        fprintf(f, "<p class=\"note\">");
        esc(f, in->note);
        fprintf(f, "</p>\n");
    }
    fprintf(f,
            "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
            "<th>PAR30</th><th>OSS</th><th>FSS</th><th>%s</th></tr>\n",
            TR("Team"), TR("Goals met"), TR("Institution score"), TR("Clients' score"),
            TR("Ending"), TR("Borrowers"), TR("Households in poverty"));
    static series s[MAX_SERIES];
    static char names[MAX_SERIES][128];
    int n = 0;
    for (int t = 0; t < in->team_count && n < MAX_SERIES; t++) {
        table_row(f, in, in->teams[t], in->teams[t]->team, false);
        s[n++] = (series){in->teams[t], in->teams[t]->team, t};
    }
    for (int b = 0; b < in->benchmark_count && n < MAX_SERIES; b++) {
        snprintf(names[n], sizeof names[n], "%s, %s %llu (%s)", TR("benchmark"), TR("seed"),
                 (unsigned long long)in->benchmarks[b]->seed, in->benchmark_name);
        end_between_characters(names[n]);
        table_row(f, in, in->benchmarks[b], names[n], true);
        s[n] = (series){in->benchmarks[b], names[n], -1};
        n++;
    }
    fprintf(f, "</table>\n<h2>%s</h2>\n", TR("Key indicators over time"));
    legend(f, in, s, n);
    fprintf(f, "<div class=\"charts\">");
    for (size_t c = 0; c < sizeof charts / sizeof charts[0]; c++) {
        chart(f, in, &charts[c], s, n, months, 460, 210);
    }
    fprintf(f, "</div>\n<h2>%s</h2>\n", TR("Decisions on a timeline"));
    timeline(f, in, s, n, months);
    fprintf(f, "</section>\n");
    for (int t = 0; t < in->team_count; t++) {
        debrief_page(f, in, t, months);
    }
    fprintf(f, "</body></html>\n");
    return !ferror(f);
}
