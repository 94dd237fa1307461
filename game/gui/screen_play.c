/* The village screen: the top bar of key indicators, the map of households, and the tabs. */
#include "app.h"

#include <stdio.h>
#include <string.h>

static const char *tab_names[TAB_COUNT] = {N_("Loan desk"), N_("Arrears"),      N_("Products"),
                                           N_("Staff"),     N_("Funding"),      N_("Reports"),
                                           N_("News"),      N_("Script errors")};

/* Switches tab. Lists start on their first page; the Products tab opens on the product last
 * shown (a trainee came back to product 1 after working on product 2). */
static void show_tab(ud_app *app, ud_tab t) {
    if (app->tab == TAB_PRODUCTS) {
        app->products_page = app->page;
    }
    app->tab = t;
    app->page = t == TAB_PRODUCTS ? app->products_page : 0;
}

void ud_screen_play(ud_app *app) {
    ud_ui *ui = &app->ui;
    ud_play_top_bar(app);
    bool guide = ud_guide_visible(app);
    ud_play_map(app, ud_rect(8, 82, 600, guide ? 478 : 578));
    /* the tabs, in two rows of four, each labelled with its number key; script errors
     * get a tab only when there are some (the trainer's business, not the trainee's) */
    int problems = 0;
    ud_game_problems(app->game, &problems);
    int tabs = problems > 0 ? TAB_COUNT : TAB_PROBLEMS;
    if ((int)app->tab >= tabs) {
        app->tab = TAB_DESK;
    }
    const int per_row = 4, tw = (652 - (per_row - 1) * 4) / per_row;
    /* one label size for every tab: the small one if any tab needs it */
    char labels[TAB_COUNT][96];
    const char *label_of[TAB_COUNT];
    int widths[TAB_COUNT];
    for (int t = 0; t < tabs; t++) {
        snprintf(labels[t], sizeof labels[t], "%d %s", t + 1, TR(ui, tab_names[t]));
        label_of[t] = labels[t];
        widths[t] = tw;
    }
    ui->small_buttons = !ud_ui_row_fits(ui, label_of, widths, tabs);
    int tab_widget[TAB_COUNT];
    for (int t = 0; t < tabs; t++) {
        tab_widget[t] = ui->widget_count; /* the widget the toggle below becomes */
        if ((int)app->tab == t) {
            app->current_tab_widget = ui->widget_count;
        }
        /* the script errors' tab without their count, which the panel lists: a count would
         * not fit its tab in French at large text */
        char label[96];
        snprintf(label, sizeof label, "%d %s", t + 1, TR(ui, tab_names[t]));
        SDL_Rect r = ud_rect(620 + (t % per_row) * (tw + 4), 82 + (t / per_row) * 34, tw, 30);
        if (ud_ui_toggle(ui, r, label, app->tab == (ud_tab)t)) {
            show_tab(app, (ud_tab)t);
        }
    }
    ui->small_buttons = false;
    ud_panel(app, ud_rect(620, 150, 652, 562));
    if (guide) {
        ud_play_guide(app, ud_rect(8, 608, 600, 104));
    }
    if (!ui->modal) {
        SDL_Keycode k = ui->key;
        if (k >= SDLK_1 && k < SDLK_1 + tabs && (ui->mod & KMOD_CTRL) == 0) {
            show_tab(app, (ud_tab)(k - SDLK_1));
            ud_ui_take_key(ui);
            /* the focus on the tab chosen, not on whichever of the new panel's buttons took
             * the old focus's place (a trainee's "4" left "Hire an officer" one Enter away) */
            ui->focus = tab_widget[k - SDLK_1];
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
