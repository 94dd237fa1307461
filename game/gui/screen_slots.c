/* The save slots: choose one to save the game in, or to load a game from. */
#include "app.h"

#include "ud/save.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Whether a slot has a file at all (one that cannot be read is loaded, to say why). */
static bool slot_file_exists(ud_app *app, const char *slot) {
    char path[1100];
    ud_app_slot_path(app, slot, path, sizeof path);
    struct stat st;
    return stat(path, &st) == 0;
}

/* Whether a slot's save is the game on screen (the same scenario, seed and team), which
 * saving over it only brings up to date. */
static bool same_game(const ud_app *app, const ud_save_info *info, const char *team) {
    if (app->game == NULL) {
        return false;
    }
    const ud_scenario_info *now = ud_game_info(app->game);
    return strcmp(info->title, now->title) == 0 &&
           info->seed == ud_sim_setup(ud_game_sim(app->game))->seed && strcmp(team, app->team) == 0;
}

void ud_screen_slots(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_label(ui, app->saving ? TR(ui, "Save the game") : TR(ui, "Load a saved game"), 60, 40,
                UD_FONT_TITLE, true, p->accent);
    int y = 120;
    static const char *const slots[UD_SLOTS + 1] = {"slot1", "slot2", "slot3",
                                                    "slot4", "slot5", "autosave"};
    int count = app->saving ? UD_SLOTS : UD_SLOTS + 1;
    for (int i = 0; i < count; i++) {
        char label[600], team[64], when[40];
        ud_save_info info;
        const char *name = i < UD_SLOTS ? TR(ui, "Slot") : TR(ui, "Autosave");
        char number[16] = "";
        if (i < UD_SLOTS) {
            snprintf(number, sizeof number, " %d", i + 1);
        }
        bool filled = ud_app_slot_info(app, slots[i], &info, team, sizeof team, when, sizeof when);
        if (filled) {
            snprintf(label, sizeof label, "%s%s: %s · %s, %s %d · %s", name, number,
                     team[0] ? team : TR(ui, "no team name"), ud_scenario_text(app, info.title),
                     TR(ui, "month"), info.months_played, when);
        } else if (slot_file_exists(app, slots[i])) {
            /* a file that is there but cannot be read as a save: not "empty" (choosing it says
             * what is wrong with it) */
            snprintf(label, sizeof label, "%s%s: %s", name, number,
                     TR(ui, "damaged or unreadable save"));
        } else {
            snprintf(label, sizeof label, "%s%s: %s", name, number, TR(ui, "empty"));
        }
        bool chosen = ud_ui_button(ui, ud_rect(60, y, 1160, 36), label);
        SDL_Keycode k = ui->key;
        if (k >= SDLK_1 && k <= SDLK_9 && k - SDLK_1 == i) { /* the autosave is 6 */
            chosen = true;
            ud_ui_take_key(ui);
        }
        if (chosen && !app->saving && !filled && !slot_file_exists(app, slots[i])) {
            ud_app_show_message(app, TR(ui, "This slot is empty: choose one with a saved game."));
            return;
        }
        if (chosen) {
            app->screen = app->back_to;
            if (app->saving && filled && !same_game(app, &info, team)) {
                /* on a classroom's shared computer, another team's game: ask first */
                char text[900];
                snprintf(text, sizeof text,
                         TR(ui, "Slot %d holds another game: %s, %s, month %d. Save this game over "
                                "it? That game will be lost."),
                         i + 1, team[0] ? team : TR(ui, "no team name"),
                         ud_scenario_text(app, info.title), info.months_played);
                ud_command slot;
                memset(&slot, 0, sizeof slot); /* only its index is used */
                slot.index = i;
                ud_app_confirm(app, text, TR(ui, "Save over it"), CONFIRM_SAVE_SLOT, &slot);
                return;
            }
            if (app->saving) {
                if (ud_app_save(app, slots[i])) {
                    ud_app_show_message(app, TR(ui, "The game is saved."));
                }
            } else {
                ud_app_load(app, slots[i]);
            }
            return;
        }
        y += 46;
    }
    ud_ui_label(ui,
                app->saving ? TR(ui, "Press 1 to 5, or choose with the arrows and Enter.")
                            : TR(ui, "Press 1 to 6, or choose with the arrows and Enter."),
                60, y + 10, UD_FONT_SMALL, false, p->text_dim);
    /* Escape goes back, unless a message is open over the slots: then it is the message's
     * (as Enter is) */
    bool escape = app->dialog == DIALOG_NONE && ui->key == SDLK_ESCAPE;
    if (escape) {
        ud_ui_take_key(ui);
    }
    if (ud_ui_button(ui, ud_rect(60, 650, 160, 40), TR(ui, "Back")) || escape) {
        app->screen = app->back_to;
    }
}
