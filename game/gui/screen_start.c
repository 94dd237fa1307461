/* The start screen, the briefing, the settings and the save slots. */
#include "app.h"

#include "ud/save.h"

#include <stdio.h>
#include <string.h>

static const char *module_name(const ud_ui *ui, const char *module) {
    if (strcmp(module, "tutorial") == 0) {
        return TR(ui, "Tutorial");
    }
    if (strcmp(module, "m1-poverty") == 0) {
        return TR(ui, "Module 1: microfinance and poverty");
    }
    if (strcmp(module, "m2-government") == 0) {
        return TR(ui, "Module 2: government support");
    }
    if (strcmp(module, "m3-women") == 0) {
        return TR(ui, "Module 3: the role of women");
    }
    if (strcmp(module, "m4-technical") == 0) {
        return TR(ui, "Module 4: technical aspects of credit");
    }
    if (strcmp(module, "field-visit") == 0) {
        return TR(ui, "Field visit");
    }
    return module;
}

void ud_screen_start(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_label(ui, "Unit Desa", 60, 40, UD_FONT_TITLE, true, p->accent);
    ud_ui_label(ui, TR(ui, "Run a village microfinance institution, month by month."), 60, 84,
                UD_FONT_NORMAL, false, p->text_dim);
    int y = 130;
    char autosave[1100];
    ud_app_slot_path(app, "autosave", autosave, sizeof autosave);
    ud_save_info info;
    char err[1200];
    bool can_continue = ud_save_peek(autosave, &info, err, sizeof err);
    if (can_continue &&
        ud_ui_button(ui, ud_rect(60, y, 300, 36), TR(ui, "Continue the last game"))) {
        ud_app_load(app, "autosave");
        return;
    }
    y += 50;
    ud_ui_label(ui, TR(ui, "Choose a scenario"), 60, y, UD_FONT_LARGE, true, p->text);
    y += 34;
    const char *last_module = "";
    for (int i = 0; i < app->scenario_count; i++) {
        const ud_scenario_info *in = &app->infos[i];
        if (strcmp(in->module, last_module) != 0) {
            ud_ui_label(ui, module_name(ui, in->module), 60, y, UD_FONT_SMALL, true, p->text_dim);
            y += 20;
            last_module = in->module;
        }
        bool focused = ui->focus == ui->widget_count;
        char title[320];
        if (app->scenario_origin[i] != 0) {
            /* a trainer's own scenario says where it comes from */
            snprintf(title, sizeof title, "%s  (%s)", ud_scenario_text(app, in->title),
                     TR(ui, app->scenario_origin[i] == 1 ? "your own" : "from a folder"));
        } else {
            snprintf(title, sizeof title, "%s", ud_scenario_text(app, in->title));
        }
        if (ud_ui_toggle(ui, ud_rect(60, y, 380, 30), title, i == app->start_selected || focused)) {
            app->start_selected = i;
            ud_app_start_scenario(app, app->scenario_paths[i]);
            return;
        }
        if (focused) {
            app->start_selected = i;
        }
        y += 36;
    }
    if (app->scenario_count == 0) {
        ud_ui_label(ui, TR(ui, "No scenarios found: set UNITDESA_SCENARIOS to their folder."), 60,
                    y, UD_FONT_NORMAL, false, p->bad);
    }
    int by = 620;
    if (ud_ui_button(ui, ud_rect(60, by, 180, 36), TR(ui, "Load a saved game"))) {
        app->back_to = SCREEN_START;
        app->screen = SCREEN_SLOTS;
        app->saving = false;
    }
    if (ud_ui_button(ui, ud_rect(260, by, 140, 36), TR(ui, "Settings"))) {
        app->back_to = SCREEN_START;
        app->screen = SCREEN_SETTINGS;
    }
    if (ud_ui_button(ui, ud_rect(420, by, 100, 36), TR(ui, "Help"))) {
        app->back_to = SCREEN_START;
        app->screen = SCREEN_HELP;
    }
    if (ud_ui_button(ui, ud_rect(540, by, 100, 36), TR(ui, "Quit"))) {
        app->quit = true;
    }
    /* the focused scenario's details */
    if (app->scenario_count > 0) {
        const ud_scenario_info *in = &app->infos[app->start_selected];
        SDL_Rect box = ud_rect(480, 180, 740, 420);
        ud_ui_fill(ui, box, p->panel);
        ud_ui_frame(ui, box, p->border);
        int x = box.x + 20, ty = box.y + 16;
        ud_ui_label(ui, ud_scenario_text(app, in->title), x, ty, UD_FONT_LARGE, true, p->text);
        ty += 34;
        char line[256];
        snprintf(line, sizeof line, "%s  ·  %s %d/5  ·  %d %s", module_name(ui, in->module),
                 TR(ui, "difficulty"), in->difficulty, in->months, TR(ui, "months"));
        ud_ui_label(ui, line, x, ty, UD_FONT_SMALL, false, p->text_dim);
        ty += 30;
        ud_ui_label(ui, TR(ui, "Learning objectives"), x, ty, UD_FONT_NORMAL, true, p->text);
        ty += 26;
        for (int k = 0; k < in->objective_count; k++) {
            char bullet[300];
            snprintf(bullet, sizeof bullet, "•  %s", ud_scenario_text(app, in->objectives[k]));
            ty += ud_ui_paragraph(ui, bullet, x, ty, box.w - 40, UD_FONT_NORMAL, p->text) + 6;
        }
    }
    if (ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->quit = true;
    }
}

/* Scenario texts are written in lines of source code: join the lines of a paragraph so the
 * text wraps to the screen, and keep blank lines as paragraph breaks. */
static void reflow(const char *in, char *out, size_t size) {
    size_t n = 0;
    for (const char *p = in; *p != '\0' && n + 1 < size; p++) {
        if (*p == '\n' && p[1] != '\n' && (p == in || p[-1] != '\n')) {
            out[n++] = ' ';
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
}

void ud_screen_briefing(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    const ud_scenario_info *in = ud_game_info(app->game);
    ud_ui_label(ui, ud_scenario_text(app, in->title), 60, 36, UD_FONT_TITLE, true, p->accent);
    ud_ui_label(ui, TR(ui, "Briefing"), 60, 82, UD_FONT_NORMAL, true, p->text_dim);
    int y = 112;
    char briefing[sizeof in->briefing * 2];
    reflow(ud_scenario_text(app, in->briefing), briefing, sizeof briefing);
    y += ud_ui_paragraph(ui, briefing, 60, y, 1160, UD_FONT_NORMAL, p->text) + 20;
    ud_ui_label(ui, TR(ui, "Learning objectives"), 60, y, UD_FONT_NORMAL, true, p->text);
    y += 26;
    for (int k = 0; k < in->objective_count; k++) {
        char bullet[300];
        snprintf(bullet, sizeof bullet, "•  %s", ud_scenario_text(app, in->objectives[k]));
        y += ud_ui_paragraph(ui, bullet, 80, y, 1100, UD_FONT_NORMAL, p->text) + 4;
    }
    y += 16;
    int n;
    const ud_goal *goals = ud_game_goals(app->game, &n);
    if (n > 0) {
        ud_ui_label(ui, TR(ui, "Goals"), 60, y, UD_FONT_NORMAL, true, p->text);
        y += 26;
    }
    for (int i = 0; i < n; i++) {
        char line[400];
        const char *kind = goals[i].kind == UD_GOAL_LOSE  ? TR(ui, "Avoid")
                           : goals[i].kind == UD_GOAL_WIN ? TR(ui, "Win early")
                                                          : TR(ui, "Goal");
        snprintf(line, sizeof line, "%s: %s", kind, ud_scenario_text(app, goals[i].text));
        ud_ui_label(ui, line, 80, y, UD_FONT_NORMAL, false, p->text);
        y += 24;
    }
    if (ud_ui_button(ui, ud_rect(60, 650, 220, 40), TR(ui, "Start the game"))) {
        app->screen = SCREEN_PLAY;
    }
    if (ud_ui_button(ui, ud_rect(300, 650, 160, 40), TR(ui, "Back"))) {
        app->screen = SCREEN_START;
    }
    SDL_Keycode k = ud_ui_take_key(ui);
    if (k == SDLK_ESCAPE) {
        app->screen = SCREEN_START;
    }
}

void ud_screen_settings(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_label(ui, TR(ui, "Settings"), 60, 40, UD_FONT_TITLE, true, p->accent);
    ud_settings *s = &app->settings;
    int y = 120;
    ud_ui_label(ui, TR(ui, "Language"), 60, y + 8, UD_FONT_NORMAL, false, p->text);
    bool changed = false;
    if (ud_ui_toggle(ui, ud_rect(320, y, 140, 34), "English", strcmp(s->language, "en") == 0)) {
        snprintf(s->language, sizeof s->language, "en");
        changed = true;
    }
    if (ud_ui_toggle(ui, ud_rect(470, y, 140, 34), "Français", strcmp(s->language, "fr") == 0)) {
        snprintf(s->language, sizeof s->language, "fr");
        changed = true;
    }
    y += 60;
    ud_ui_label(ui, TR(ui, "Text size"), 60, y + 8, UD_FONT_NORMAL, false, p->text);
    if (ud_ui_toggle(ui, ud_rect(320, y, 140, 34), TR(ui, "Normal"), !s->large_text)) {
        s->large_text = false;
        changed = true;
    }
    if (ud_ui_toggle(ui, ud_rect(470, y, 140, 34), TR(ui, "Large"), s->large_text)) {
        s->large_text = true;
        changed = true;
    }
    y += 60;
    ud_ui_label(ui, TR(ui, "Full screen"), 60, y + 8, UD_FONT_NORMAL, false, p->text);
    if (ud_ui_toggle(ui, ud_rect(320, y, 140, 34), s->fullscreen ? TR(ui, "On") : TR(ui, "Off"),
                     s->fullscreen)) {
        s->fullscreen = !s->fullscreen;
        changed = true;
    }
    y += 60;
    ud_ui_label(ui, TR(ui, "Colour-blind-safe colours"), 60, y + 8, UD_FONT_NORMAL, false, p->text);
    if (ud_ui_toggle(ui, ud_rect(320, y, 140, 34), s->colour_blind ? TR(ui, "On") : TR(ui, "Off"),
                     s->colour_blind)) {
        s->colour_blind = !s->colour_blind;
        changed = true;
    }
    if (changed) {
        ud_app_apply_settings(app);
    }
    if (ud_ui_button(ui, ud_rect(60, 650, 160, 40), TR(ui, "Back")) ||
        ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->screen = app->back_to;
    }
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
        char path[1100], label[400], err[1200];
        ud_app_slot_path(app, slots[i], path, sizeof path);
        ud_save_info info;
        const char *name = i < UD_SLOTS ? TR(ui, "Slot") : TR(ui, "Autosave");
        if (ud_save_peek(path, &info, err, sizeof err)) {
            snprintf(label, sizeof label, "%s %d: %s, %s %d", name, i < UD_SLOTS ? i + 1 : 0,
                     ud_scenario_text(app, info.title), TR(ui, "month"), info.months_played);
        } else {
            snprintf(label, sizeof label, "%s %d: %s", name, i < UD_SLOTS ? i + 1 : 0,
                     TR(ui, "empty"));
        }
        if (i == UD_SLOTS) {
            snprintf(label, sizeof label, "%s", TR(ui, "Autosave (the last month played)"));
        }
        bool chosen = ud_ui_button(ui, ud_rect(60, y, 700, 36), label);
        SDL_Keycode k = ui->key;
        if (k >= SDLK_1 && k <= SDLK_5 && k - SDLK_1 == i) {
            chosen = true;
            ud_ui_take_key(ui);
        }
        if (chosen) {
            app->screen = app->back_to;
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
    ud_ui_label(ui, TR(ui, "Press 1 to 5, or choose with the arrows and Enter."), 60, y + 10,
                UD_FONT_SMALL, false, p->text_dim);
    if (ud_ui_button(ui, ud_rect(60, 650, 160, 40), TR(ui, "Back")) ||
        ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->screen = app->back_to;
    }
}
