/* The start screen: continue the last game, choose a scenario, load, settings, help. */
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
    if (strcmp(module, "benchmark") == 0) {
        return TR(ui, "Benchmark: a unit run well");
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
