/* The news panel: the scenario's news and each month's events, newest first. */
#include "panels.h"

#include <stdio.h>
#include <string.h>

static void events_line(ud_app *app, int month, char *out, size_t size) {
    ud_ui *ui = &app->ui;
    const ud_month_summary *s = ud_history_at(&app->history, month);
    struct {
        int count;
        const char *what;
    } parts[] = {{s->disbursed, "loans disbursed"},
                 {s->missed, "borrowers fell behind"},
                 {s->collapsed, "groups collapsed"},
                 {s->written_off, "loans written off"},
                 {s->fraud, "dishonest officers found"}};
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && n < size; i++) {
        if (parts[i].count > 0) {
            n += (size_t)snprintf(out + n, size - n, "%s%d %s", n ? ", " : "", parts[i].count,
                                  TR(ui, parts[i].what));
        }
    }
}

void ud_panel_news(ud_app *app, SDL_Rect a) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int n;
    const ud_news *items = ud_game_news(app->game, &n);
    int months = ud_sim_month(ud_game_sim(app->game));
    if (months > 240) {
        months = 240;
    }
    int first = ud_pager(app, a, months + 1, 6);
    int y = a.y, shown = 0;
    /* newest month first: the scenario's news, then what the month's events were */
    for (int m = months - first; m >= 0 && y < a.y + a.h - 60 && shown < 6; m--, shown++) {
        char line[800], text[UD_TEXT_LEN];
        for (int k = n - 1; k >= 0; k--) {
            if (items[k].month != m) {
                continue;
            }
            ud_game_news_text(app->game, &items[k], text, sizeof text);
            snprintf(line, sizeof line, "%s %d: %s", TR(ui, "Month"), m, text);
            y += ud_ui_paragraph(ui, line, a.x, y, a.w - 20, UD_FONT_SMALL, p->text) + 6;
        }
        if (m > 0) {
            events_line(app, m, text, sizeof text);
            if (text[0] != '\0') {
                snprintf(line, sizeof line, "%s %d: %s", TR(ui, "Month"), m, text);
                y += ud_ui_paragraph(ui, line, a.x, y, a.w - 20, UD_FONT_SMALL, p->text_dim) + 6;
            }
        }
    }
    if (n == 0 && months == 0) {
        ud_ui_label(ui, TR(ui, "No news yet."), a.x, y, UD_FONT_SMALL, false, p->text_dim);
    }
}
