/* The village map: each hamlet a block, each household a dot coloured by status. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ud_map_status ud_map_household_status(ud_app *app, int household) {
    ud_household_view h;
    if (!ud_sim_household(ud_game_sim(app->game), household, &h)) {
        return MAP_NOT_CLIENT;
    }
    if (h.status == UD_HH_IN_ARREARS) {
        return MAP_ARREARS;
    }
    if (h.status == UD_HH_DEFAULTED) {
        return MAP_DEFAULTED;
    }
    if (app->history.poor_at_start && app->history.poor_at_start[household] && !h.poor) {
        return MAP_OUT_OF_POVERTY;
    }
    return h.status == UD_HH_CLIENT ? MAP_CLIENT : MAP_NOT_CLIENT;
}

/* What happens to a hamlet now: a shock under way there, a grant that helps it. */
static void hamlet_news(const ud_sim *sim, int hamlet, bool *shocked, bool *helped) {
    int month = ud_sim_month(sim);
    *shocked = *helped = false;
    for (int s = 0; s < ud_sim_shock_count(sim); s++) {
        const ud_shock *k = ud_sim_shock(sim, s);
        if (k->start_month <= month && month < k->start_month + k->months &&
            (k->hamlet_mask == 0 || ((k->hamlet_mask >> hamlet) & 1u)) &&
            k->kind != UD_SHOCK_COMPETITOR) {
            *shocked = true;
        }
    }
    int n;
    const ud_offer *o = ud_sim_offers(sim, &n);
    for (int i = 0; i < n; i++) {
        if (o[i].accepted &&
            (o[i].kind == UD_OFFER_GRANT_INFRASTRUCTURE || o[i].kind == UD_OFFER_GRANT_TRAINING) &&
            (o[i].hamlet_mask == 0 || ((o[i].hamlet_mask >> hamlet) & 1u))) {
            *helped = true;
        }
    }
}

/* Each hamlet is a block of the map; its households sit in rows, a circle for a woman's
 * household and a square for a man's, coloured by status. */
void ud_play_map(ud_app *app, SDL_Rect area) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_sim *sim = ud_game_sim(app->game);
    const ud_setup *setup = ud_sim_setup(sim);
    int hamlets = setup->village.hamlets, n = ud_sim_household_count(sim);
    int cols = hamlets <= 2 ? hamlets : (hamlets <= 4 ? 2 : (hamlets <= 9 ? 3 : 4));
    int rows = (hamlets + cols - 1) / cols;
    int bw = area.w / cols, bh = area.h / rows;
    const int *per_hamlet = app->history.hamlet_size;
    int placed[UD_MAX_HAMLETS] = {0};
    for (int hm = 0; hm < hamlets; hm++) {
        SDL_Rect b =
            ud_rect(area.x + (hm % cols) * bw + 4, area.y + (hm / cols) * bh + 4, bw - 8, bh - 8);
        ud_ui_fill(ui, b, p->panel);
        ud_ui_frame(ui, b, p->border);
        int w = ud_ui_label(ui, setup->village.hamlet_names[hm], b.x + 8, b.y + 4, UD_FONT_SMALL,
                            true, p->text);
        bool shocked, helped;
        hamlet_news(sim, hm, &shocked, &helped);
        int bx = b.x + 16 + w;
        if (shocked) {
            bx += 8 + ud_ui_label(ui, TR(ui, "shock"), bx, b.y + 4, UD_FONT_SMALL, true, p->bad);
        }
        if (helped) {
            ud_ui_label(ui, TR(ui, "grant"), bx, b.y + 4, UD_FONT_SMALL, true, p->good);
        }
    }
    /* households whose group is forming on this month's loan desk */
    int app_count;
    const ud_application *apps = ud_sim_applications(sim, &app_count);
    unsigned char *forming = calloc((size_t)(n > 0 ? n : 1), 1);
    /* the poor households not reached yet get a dark centre, drawn in one batch */
    SDL_Rect *centres = malloc((size_t)(n > 0 ? n : 1) * sizeof *centres);
    int centre_count = 0;
    for (int a = 0; a < app_count && forming != NULL; a++) {
        if (apps[a].group >= 0 && apps[a].decision != UD_APP_REJECTED && apps[a].household < n) {
            forming[apps[a].household] = 1;
        }
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
        switch (ud_map_household_status(app, i)) {
        case MAP_ARREARS:
            c = p->arrears;
            break;
        case MAP_DEFAULTED:
            c = p->defaulted;
            break;
        case MAP_OUT_OF_POVERTY:
            c = p->out_of_poverty;
            break;
        case MAP_CLIENT:
            c = p->client;
            break;
        case MAP_NOT_CLIENT:
        case MAP_STATUS_COUNT:
            break;
        }
        int r = step / 2 - 1;
        if (h.woman) {
            ud_ui_circle(ui, cx, cy, r, c);
        } else {
            ud_ui_fill(ui, ud_rect(cx - r + 1, cy - r + 1, 2 * r - 1, 2 * r - 1), c);
        }
        if (h.poor && h.status == UD_HH_NOT_CLIENT && r >= 3) {
            if (centres != NULL) {
                centres[centre_count++] = ud_rect(cx - 1, cy - 1, 3, 3);
            }
        }
        if (forming != NULL && forming[i]) {
            ud_ui_frame(ui, ud_rect(cx - r - 1, cy - r - 1, 2 * r + 3, 2 * r + 3), p->accent);
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
    if (centre_count > 0) {
        SDL_SetRenderDrawColor(app->renderer, p->text.r, p->text.g, p->text.b, 255);
        SDL_RenderFillRects(app->renderer, centres, centre_count);
    }
    free(centres);
    free(forming);
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
    lx += 14 + ud_ui_label(ui, TR(ui, "man"), lx + 14, ly, UD_FONT_SMALL, false, p->text) + 14;
    ud_ui_circle(ui, lx + 5, ly + 9, 5, p->not_client);
    ud_ui_fill(ui, ud_rect(lx + 4, ly + 8, 3, 3), p->text);
    lx += 14 +
          ud_ui_label(ui, TR(ui, "poor, not reached"), lx + 14, ly, UD_FONT_SMALL, false, p->text) +
          14;
    ud_ui_frame(ui, ud_rect(lx, ly + 3, 12, 12), p->accent);
    ud_ui_label(ui, TR(ui, "group forming"), lx + 16, ly, UD_FONT_SMALL, false, p->text);
}
