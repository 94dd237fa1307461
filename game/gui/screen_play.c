/* The village screen: the top bar of key indicators, the map of households, and the tabs. */
#include "app.h"

#include <stdio.h>
#include <string.h>

typedef enum light { LIGHT_GOOD, LIGHT_WATCH, LIGHT_BAD, LIGHT_NONE } light;

/* One top-bar cell: a name, a value, a trend arrow and a traffic light (shape and word as
 * well as colour, for colour-blind players). */
/* Returns where the next cell may start, so that long values or a larger text size never
 * overlap their neighbours. */
static int cell(ud_app *app, int x, const char *name, const char *value, double now, double before,
                bool has_before, light l) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    int name_w = ud_ui_label(ui, name, x, 6, UD_FONT_SMALL, false, p->text_dim);
    int w = ud_ui_label(ui, value, x, 24, UD_FONT_LARGE, true, p->text);
    if (has_before && now != before) {
        w += 6 + ud_ui_label(ui, now > before ? "▲" : "▼", x + w + 6, 27, UD_FONT_NORMAL, false,
                             p->text_dim);
    }
    if (l != LIGHT_NONE) {
        SDL_Color c = l == LIGHT_GOOD ? p->good : (l == LIGHT_WATCH ? p->watch : p->bad);
        const char *word = l == LIGHT_GOOD    ? TR(ui, "good")
                           : l == LIGHT_WATCH ? TR(ui, "watch")
                                              : TR(ui, "serious");
        ud_ui_circle(ui, x + 6, 58, 5, c);
        int lw = 16 + ud_ui_label(ui, word, x + 16, 50, UD_FONT_SMALL, false, c);
        w = lw > w ? lw : w;
    }
    return x + (name_w > w ? name_w : w) + 28;
}

static void top_bar(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_fill(ui, ud_rect(0, 0, UD_LOGICAL_W, 72), p->panel);
    ud_ui_fill(ui, ud_rect(0, 72, UD_LOGICAL_W, 1), p->border);
    ud_sim *sim = ud_game_sim(app->game);
    int m = ud_sim_month(sim);
    const ud_indicators *d = ud_sim_indicators(sim, m);
    const ud_indicators *prev = m > 0 ? ud_sim_indicators(sim, m - 1) : NULL;
    ud_indicators zero;
    memset(&zero, 0, sizeof zero);
    if (d == NULL) {
        d = &zero;
    }
    bool hb = prev != NULL;
    if (prev == NULL) {
        prev = &zero;
    }
    char v[64];
    snprintf(v, sizeof v, "%d / %d", m, ud_game_months(app->game));
    int x = cell(app, 16, TR(ui, "Month"), v, 0, 0, false, LIGHT_NONE);
    ud_money_text(app, d->cash, v, sizeof v);
    x = cell(app, x, TR(ui, "Cash"), v, (double)d->cash, (double)prev->cash, hb,
             d->cash > 0 || m == 0 ? LIGHT_NONE : LIGHT_BAD);
    snprintf(v, sizeof v, "%d", d->active_borrowers);
    x = cell(app, x, TR(ui, "Active clients"), v, d->active_borrowers, prev->active_borrowers, hb,
             LIGHT_NONE);
    snprintf(v, sizeof v, "%.0f%%", d->women_share * 100);
    x = cell(app, x, TR(ui, "Women"), v, d->women_share, prev->women_share, hb, LIGHT_NONE);
    snprintf(v, sizeof v, "%.1f%%", d->par30 * 100);
    x = cell(app, x, TR(ui, "PAR30"), v, d->par30, prev->par30, hb,
             m == 0
                 ? LIGHT_NONE
                 : (d->par30 < 0.05 ? LIGHT_GOOD : (d->par30 <= 0.10 ? LIGHT_WATCH : LIGHT_BAD)));
    snprintf(v, sizeof v, "%.0f%%", d->oss * 100);
    x = cell(app, x, TR(ui, "OSS"), v, d->oss, prev->oss, hb,
             m == 0 ? LIGHT_NONE
                    : (d->oss >= 1.1 ? LIGHT_GOOD : (d->oss >= 1.0 ? LIGHT_WATCH : LIGHT_BAD)));
    if (ud_ui_button(ui, ud_rect(930, 16, 180, 40), TR(ui, "Next month (Space)"))) {
        ud_app_next_month(app);
    }
    if (ud_ui_button(ui, ud_rect(1120, 16, 70, 40), TR(ui, "Menu"))) {
        app->back_to = SCREEN_PLAY;
        app->screen = SCREEN_DEBRIEF;
    }
    if (ud_ui_button(ui, ud_rect(1200, 16, 64, 40), "F1")) {
        app->back_to = SCREEN_PLAY;
        app->screen = SCREEN_HELP;
        app->page = 0;
    }
}

/* Each hamlet is a block of the map; its households sit in rows, a circle for a woman's
 * household and a square for a man's, coloured by status. */
static void map(ud_app *app, SDL_Rect area) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    const ud_setup *setup = ud_sim_setup(sim);
    int hamlets = setup->village.hamlets, n = ud_sim_household_count(sim);
    int cols = hamlets <= 2 ? hamlets : (hamlets <= 4 ? 2 : (hamlets <= 9 ? 3 : 4));
    int rows = (hamlets + cols - 1) / cols;
    int bw = area.w / cols, bh = area.h / rows;
    const int *per_hamlet = app->hamlet_size;
    int placed[UD_MAX_HAMLETS] = {0};
    for (int hm = 0; hm < hamlets; hm++) {
        SDL_Rect b =
            ud_rect(area.x + (hm % cols) * bw + 4, area.y + (hm / cols) * bh + 4, bw - 8, bh - 8);
        ud_ui_fill(ui, b, p->panel);
        ud_ui_frame(ui, b, p->border);
        ud_ui_label(ui, setup->village.hamlet_names[hm], b.x + 8, b.y + 4, UD_FONT_SMALL, true,
                    p->text);
    }
    for (int i = 0; i < n; i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        int hm = h.hamlet;
        SDL_Rect b =
            ud_rect(area.x + (hm % cols) * bw + 4, area.y + (hm / cols) * bh + 4, bw - 8, bh - 8);
        int inner_w = b.w - 16, inner_h = b.h - 30;
        int count = per_hamlet[hm] > 0 ? per_hamlet[hm] : 1;
        /* the largest dot size that fits the hamlet's households in its block */
        int step = 16;
        while (step > 5 && (inner_w / step) * (inner_h / step) < count) {
            step--;
        }
        int per_row = inner_w / step > 0 ? inner_w / step : 1;
        int k = placed[hm]++;
        int cx = b.x + 8 + (k % per_row) * step + step / 2;
        int cy = b.y + 26 + (k / per_row) * step + step / 2;
        SDL_Color c = p->not_client;
        if (h.status == UD_HH_IN_ARREARS) {
            c = p->arrears;
        } else if (h.status == UD_HH_DEFAULTED) {
            c = p->defaulted;
        } else if (app->poor_at_start && app->poor_at_start[i] && !h.poor) {
            c = p->out_of_poverty;
        } else if (h.status == UD_HH_CLIENT) {
            c = p->client;
        }
        int r = step / 2 - 1;
        if (h.woman) {
            ud_ui_circle(ui, cx, cy, r, c);
        } else {
            ud_ui_fill(ui, ud_rect(cx - r + 1, cy - r + 1, 2 * r - 1, 2 * r - 1), c);
        }
        if (i == app->selected_household) {
            ud_ui_frame(ui, ud_rect(cx - r - 2, cy - r - 2, 2 * r + 5, 2 * r + 5), p->focus);
        }
        if (ud_ui_clicked_in(ui, ud_rect(cx - step / 2, cy - step / 2, step, step))) {
            app->selected_household = i;
            app->dialog = DIALOG_HOUSEHOLD;
            ui->clicked = false;
            app->dirty = true;
        }
    }
    /* legend */
    int lx = area.x + 4, ly = area.y + area.h + 4;
    struct {
        const char *name;
        SDL_Color c;
    } legend[] = {{TR(ui, "not a client"), p->not_client},
                  {TR(ui, "client"), p->client},
                  {TR(ui, "in arrears"), p->arrears},
                  {TR(ui, "defaulted"), p->defaulted},
                  {TR(ui, "out of poverty"), p->out_of_poverty}};
    for (size_t i = 0; i < sizeof legend / sizeof legend[0]; i++) {
        ud_ui_fill(ui, ud_rect(lx, ly + 4, 10, 10), legend[i].c);
        lx += 14 + ud_ui_label(ui, legend[i].name, lx + 14, ly, UD_FONT_SMALL, false, p->text) + 10;
    }
    /* shapes on the next line: they tell women and men apart without colour */
    lx = area.x + 4;
    ly += 20;
    ud_ui_circle(ui, lx + 5, ly + 9, 5, p->text_dim);
    lx += 14 + ud_ui_label(ui, TR(ui, "woman"), lx + 14, ly, UD_FONT_SMALL, false, p->text) + 14;
    ud_ui_fill(ui, ud_rect(lx, ly + 4, 10, 10), p->text_dim);
    ud_ui_label(ui, TR(ui, "man"), lx + 14, ly, UD_FONT_SMALL, false, p->text);
}

static const char *tab_names[TAB_COUNT] = {"Loan desk", "Products", "Staff",   "Funding",
                                           "Reports",   "News",     "Problems"};

void ud_screen_play(ud_app *app) {
    ud_ui *ui = &app->ui;
    top_bar(app);
    map(app, ud_rect(8, 82, 600, 578));
    /* tabs as wide as their labels need, shrunk together if a language needs more room */
    char labels[TAB_COUNT][64];
    int widths[TAB_COUNT], total = 0;
    for (int t = 0; t < TAB_COUNT; t++) {
        char label[64];
        int problems = 0;
        if (t == TAB_PROBLEMS) {
            ud_game_problems(app->game, &problems);
        }
        if (t == TAB_PROBLEMS && problems > 0) {
            snprintf(label, sizeof label, "%s (%d)", TR(ui, tab_names[t]), problems);
        } else {
            snprintf(label, sizeof label, "%s", TR(ui, tab_names[t]));
        }
        memcpy(labels[t], label, sizeof label);
        int h;
        ud_text_measure(ui->text, label, UD_FONT_NORMAL, false, 0, &widths[t], &h);
        widths[t] += 18;
        total += widths[t] + 4;
    }
    int x = 620;
    for (int t = 0; t < TAB_COUNT; t++) {
        int w = total > 652 ? widths[t] * 648 / total : widths[t];
        if (ud_ui_toggle(ui, ud_rect(x, 82, w, 30), labels[t], app->tab == (ud_tab)t)) {
            app->tab = (ud_tab)t;
            app->page = 0;
        }
        x += w + 4;
    }
    ud_panel(app, ud_rect(620, 116, 652, 596));
    if (!ui->modal) {
        SDL_Keycode k = ui->key;
        if (k >= SDLK_1 && k < SDLK_1 + TAB_COUNT && (ui->mod & KMOD_CTRL) == 0) {
            app->tab = (ud_tab)(k - SDLK_1);
            app->page = 0;
            ud_ui_take_key(ui);
            app->dirty = true;
        } else if (k == SDLK_h) {
            /* the map by keyboard: H opens a household, Page Up / Down walk through them */
            ud_ui_take_key(ui);
            if (app->selected_household < 0) {
                app->selected_household = 0;
            }
            app->dialog = DIALOG_HOUSEHOLD;
            app->dirty = true;
        } else if (k == SDLK_ESCAPE) {
            ud_ui_take_key(ui);
            app->back_to = SCREEN_PLAY;
            app->screen = SCREEN_DEBRIEF;
            app->dirty = true;
        }
    }
}
