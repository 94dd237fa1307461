/* The village screen: the top bar of key indicators, the map of households, and the tabs. */
#include "app.h"

#include <stdio.h>
#include <string.h>

static const char *tab_names[TAB_COUNT] = {"Loan desk", "Products", "Staff",   "Funding",
                                           "Reports",   "News",     "Problems"};

void ud_screen_play(ud_app *app) {
    ud_ui *ui = &app->ui;
    ud_play_top_bar(app);
    ud_play_map(app, ud_rect(8, 82, 600, 578));
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
