/* The news panel: the scenario's news and each month's events, newest first. */
#include "panels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One item of the feed: a scenario news item (news >= 0) or a month's digest of events. */
typedef struct entry {
    int month, news;
} entry;

/* The feed, newest month first; within a month the scenario's news, then its events. */
static int feed(ud_app *app, entry *out) {
    int n, count = 0;
    const ud_news *items = ud_game_news(app->game, &n);
    int months = ud_sim_month(ud_game_sim(app->game));
    /* from the month about to be played: its news is out as it opens (the hint's "This
     * month: ..."), and a trainee found the News tab saying there was none */
    for (int m = months + 1; m >= 0; m--) {
        for (int k = 0; k < n; k++) {
            if (items[k].month == m) {
                out[count].month = m;
                out[count++].news = k;
            }
        }
        char digest[800];
        if (m > 0 && m <= months) {
            ud_month_digest(app, m, digest, sizeof digest);
            if (digest[0] != '\0') {
                out[count].month = m;
                out[count++].news = -1;
            }
        }
    }
    return count;
}

static void entry_text(ud_app *app, const entry *e, char *out, size_t size) {
    char text[800];
    if (e->news >= 0) {
        int n;
        const ud_news *items = ud_game_news(app->game, &n);
        ud_game_news_text(app->game, &items[e->news], text, sizeof text);
    } else {
        ud_month_digest(app, e->month, text, sizeof text);
    }
    snprintf(out, size, "%s %d: %s", TR(&app->ui, "Month"), e->month, text);
}

/* Pages hold as many items as fit, so a page's start is only known once the page before it
 * was laid out: starts are kept as pages are reached, and forgotten when the feed or the
 * text size changes. */
void ud_panel_news(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    ud_game_news(app->game, &n);
    int months = ud_sim_month(ud_game_sim(app->game));
    entry *entries = malloc(sizeof *entries * (size_t)(n + months + 2));
    if (entries == NULL) {
        return;
    }
    int count = feed(app, entries);
    unsigned signature = (unsigned)count * 7919u + (unsigned)months * 31u +
                         (unsigned)(ui->text->text_scale * 100) +
                         (unsigned)app->settings.language[0];
    if (signature != app->news_signature) {
        app->news_signature = signature;
        app->news_pages_known = 1;
        app->news_page_start[0] = 0;
    }
    if (app->page >= app->news_pages_known) {
        app->page = app->news_pages_known - 1;
    }
    int bottom = a.y + a.h - 44; /* the pager's row below */
    int first = app->news_page_start[app->page], next = first, y = a.y;
    char line[1000];
    for (; next < count; next++) {
        entry_text(app, &entries[next], line, sizeof line);
        int w, h;
        ud_text_measure(ui->text, line, UD_FONT_SMALL, false, a.w - 20, &w, &h);
        if (y + h > bottom && next > first) {
            break; /* the next page begins here (a page always shows at least one item) */
        }
        y += h + 6;
    }
    if (next < count && app->page + 1 == app->news_pages_known &&
        app->news_pages_known < UD_NEWS_PAGES) {
        app->news_page_start[app->news_pages_known++] = next;
    }
    bool more = next < count && app->page + 1 < app->news_pages_known;
    if (ud_pager_flow(app, a, more)) {
        free(entries);
        return; /* another page: drawn in the next pass */
    }
    y = a.y;
    for (int i = first; i < next; i++) {
        entry_text(app, &entries[i], line, sizeof line);
        y += ud_ui_paragraph(ui, line, a.x, y, a.w - 20, UD_FONT_SMALL,
                             entries[i].news >= 0 ? p->text : p->text_dim) +
             6;
    }
    if (count == 0) {
        ud_ui_label(ui, TR(ui, "No news yet."), a.x, y, UD_FONT_SMALL, false, p->text_dim);
    }
    free(entries);
}
