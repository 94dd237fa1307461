/* Sentences about a month, shared by the month's summary and the news: its events counted
 * (with the right plural), and what an audit found. */
#include "app.h"

#include <stdio.h>
#include <string.h>

typedef struct counted {
    int count;
    const char *one, *many;
    bool in_news; /* also in the news panel's one-line digest */
} counted;

static int counted_of(const ud_month_summary *s, counted *out) {
    const counted all[] = {
        {s->disbursed, "%d loan disbursed", "%d loans disbursed", true},
        {s->repaid, "%d loan repaid in full", "%d loans repaid in full", false},
        {s->missed, "%d borrower fell behind", "%d borrowers fell behind", true},
        {s->covered, "%d group paid for a member", "%d groups paid for a member", false},
        {s->collapsed, "%d group collapsed", "%d groups collapsed", true},
        {s->written_off, "%d loan written off", "%d loans written off", true},
        {s->shocks, "%d shock began", "%d shocks began", false},
        {s->offers, "%d offer arrived", "%d offers arrived", false},
        {s->political, "%d political event", "%d political events", false},
        {s->rejected, "%d application refused", "%d applications refused", false},
    };
    int n = (int)(sizeof all / sizeof all[0]);
    memcpy(out, all, sizeof all);
    return n;
}

int ud_month_lines(ud_app *app, int month, char lines[][160], int max) {
    counted c[16];
    int n = counted_of(ud_history_at(&app->history, month), c), k = 0;
    for (int i = 0; i < n && k < max; i++) {
        if (c[i].count > 0) {
            snprintf(lines[k++], 160, TRN(&app->ui, c[i].count, c[i].one, c[i].many), c[i].count);
        }
    }
    return k;
}

bool ud_month_audit_text(ud_app *app, int month, char *out, size_t size) {
    ud_ui *ui = &app->ui;
    const ud_month_summary *s = ud_history_at(&app->history, month);
    out[0] = '\0';
    if (!s->audited) {
        return false;
    }
    if (s->fraud == 0 && s->ghost_loans == 0) {
        snprintf(out, size, "%s", TR(ui, "The audit found nothing wrong."));
        return true;
    }
    char money[64], ghosts[200], officers[200];
    ud_money_text(app, s->ghost_lost, money, sizeof money);
    snprintf(ghosts, sizeof ghosts, TRN(ui, s->ghost_loans, "%d ghost loan", "%d ghost loans"),
             s->ghost_loans);
    snprintf(officers, sizeof officers,
             TRN(ui, s->fraud, "%d dishonest officer dismissed", "%d dishonest officers dismissed"),
             s->fraud);
    snprintf(out, size, "%s %s (%s), %s; %s.", TR(ui, "The audit found"), ghosts, money,
             TR(ui, "written off"), officers);
    return true;
}

void ud_month_digest(ud_app *app, int month, char *out, size_t size) {
    counted c[16];
    int n = counted_of(ud_history_at(&app->history, month), c);
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n && used < size; i++) {
        if (c[i].count > 0 && c[i].in_news) {
            char part[160];
            snprintf(part, sizeof part, TRN(&app->ui, c[i].count, c[i].one, c[i].many), c[i].count);
            used += (size_t)snprintf(out + used, size - used, "%s%s", used ? ", " : "", part);
        }
    }
    char audit[400];
    if (used < size && ud_month_audit_text(app, month, audit, sizeof audit)) {
        used += (size_t)snprintf(out + used, size - used, "%s%s", used ? ". " : "", audit);
    }
}
