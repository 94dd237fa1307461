/* The debrief's replays for the game on screen (run once, kept until the game changes), and
 * "what if": the same game started again from an earlier month, in a new save slot. */
#include "app.h"
#include "ud/save.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

const ud_debrief *ud_app_debrief(ud_app *app) {
    if (app->game == NULL) {
        return NULL;
    }
    if (!app->debrief_ready) {
        app->debrief_ready = true;
        app->debrief_error[0] = '\0';
        if (!ud_debrief_analyse(app->game, &app->debrief, app->debrief_error,
                                sizeof app->debrief_error)) {
            SDL_Log("debrief replays failed: %s", app->debrief_error);
        }
    }
    return app->debrief.without_shocks != NULL ? &app->debrief : NULL;
}

void ud_app_forget_debrief(ud_app *app) {
    if (app->debrief_ready) {
        ud_debrief_free(&app->debrief);
    }
    memset(&app->debrief, 0, sizeof app->debrief);
    app->debrief_ready = false;
    app->debrief_scroll = 0;
}

static bool slot_used(const ud_app *app, const char *slot) {
    char path[1100];
    ud_app_slot_path(app, slot, path, sizeof path);
    struct stat st;
    return stat(path, &st) == 0;
}

bool ud_app_what_if(ud_app *app, int month) {
    if (app->game == NULL || month < 0) {
        return false;
    }
    static const char *const slots[UD_SLOTS] = {"slot1", "slot2", "slot3", "slot4", "slot5"};
    /* two free slots: one keeps the game as it is now (the autosave alone would be
     * overwritten by the next month played), one takes the game from the earlier month */
    int kept_slot = -1, free_slot = -1;
    for (int i = 0; i < UD_SLOTS && free_slot < 0; i++) {
        if (!slot_used(app, slots[i])) {
            if (kept_slot < 0) {
                kept_slot = i;
            } else {
                free_slot = i;
            }
        }
    }
    ud_ui *ui = &app->ui;
    if (free_slot < 0) {
        ud_app_show_message(app, TR(ui, "Two free save slots are needed, one to keep this game "
                                        "and one for the game from the earlier month: load a "
                                        "slot and save over it before you go back in time."));
        return false;
    }
    ud_replay_options o;
    memset(&o, 0, sizeof o);
    o.months = month;
    o.decisions_before = true;
    char err[4096];
    ud_game *back = ud_game_replay(app->game, &o, NULL, err, sizeof err);
    if (back == NULL) {
        ud_app_show_message(app, err);
        return false;
    }
    /* the game on screen is kept in a slot of its own (and the autosave); the new one is
     * written to its slot and loaded from there, so that its past (charts, map) is rebuilt as
     * for any saved game */
    char path[1100];
    ud_app_slot_path(app, "autosave", path, sizeof path);
    ud_save_write(app->game, path, err, sizeof err);
    ud_app_slot_path(app, slots[kept_slot], path, sizeof path);
    if (!ud_save_write(app->game, path, err, sizeof err)) {
        ud_game_free(back);
        ud_app_show_message(app, err);
        return false;
    }
    ud_app_write_team(app, slots[kept_slot]);
    ud_app_slot_path(app, slots[free_slot], path, sizeof path);
    bool saved = ud_save_write(back, path, err, sizeof err);
    ud_game_free(back);
    if (!saved) {
        ud_app_show_message(app, err);
        return false;
    }
    ud_app_write_team(app, "autosave"); /* the same team plays on, in both games */
    ud_app_write_team(app, slots[free_slot]);
    if (!ud_app_load(app, slots[free_slot])) {
        return false;
    }
    app->page = 0;
    app->screen = SCREEN_PLAY;
    char line[600];
    snprintf(line, sizeof line, "%s %d. %s %d; %s %d.", TR(ui, "You are back at the end of month"),
             month, TR(ui, "This game is saved in slot"), free_slot + 1,
             TR(ui, "the game you left is kept in slot"), kept_slot + 1);
    ud_app_show_message(app, line);
    return true;
}
