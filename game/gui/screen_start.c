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
    /* the list scrolls when the scenarios do not all fit above the buttons: Page Up / Page
     * Down, or the arrows at its foot; a long title wraps to two lines */
    int line_w, line_h;
    ud_text_measure(ui->text, "Ag", UD_FONT_SMALL, true, 0, &line_w, &line_h);
    int item_h = 2 * line_h + 6, header_h = line_h + 2, bottom = 650;
    SDL_Keycode key = ui->key;
    if (key == SDLK_PAGEDOWN || key == SDLK_PAGEUP) {
        ud_ui_take_key(ui);
        app->start_first += key == SDLK_PAGEDOWN ? 3 : -3;
    }
    if (app->start_first > app->scenario_count - 1) {
        app->start_first = app->scenario_count - 1;
    }
    if (app->start_first < 0) {
        app->start_first = 0;
    }
    /* one size for every scenario's title: if one needs the small letters (a long title, a
     * longer language) they all have them (a trainee saw module 4's alone smaller) */
    bool small = ui->small_buttons;
    for (int i = 0; i < app->scenario_count && !ui->small_buttons; i++) {
        int tw, th;
        ud_text_measure(ui->text, ud_scenario_text(app, app->infos[i].title), UD_FONT_NORMAL, false,
                        0, &tw, &th);
        ui->small_buttons = tw > 420 - 8;
    }
    const char *last_module = "";
    int shown_last = app->start_first - 1;
    for (int i = app->start_first; i < app->scenario_count; i++) {
        const ud_scenario_info *in = &app->infos[i];
        bool header = strcmp(in->module, last_module) != 0;
        if (y + (header ? header_h : 0) + item_h > bottom - 34) {
            break; /* the rest is below: the arrows show it */
        }
        if (header) {
            ud_ui_label(ui, module_name(ui, in->module), 60, y, UD_FONT_SMALL, true, p->text_dim);
            y += header_h;
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
        if (ud_ui_toggle(ui, ud_rect(60, y, 420, item_h), title,
                         i == app->start_selected || focused)) {
            ui->small_buttons = small;
            app->start_selected = i;
            ud_app_start_scenario(app, app->scenario_paths[i]);
            return;
        }
        if (focused) {
            app->start_selected = i;
        }
        y += item_h + 3;
        shown_last = i;
    }
    ui->small_buttons = small;
    if (app->start_first > 0 && ud_ui_button(ui, ud_rect(60, bottom - 30, 60, 28), "▲")) {
        app->start_first -= 3;
    }
    if (shown_last < app->scenario_count - 1 &&
        ud_ui_button(ui, ud_rect(130, bottom - 30, 60, 28), "▼")) {
        app->start_first =
            shown_last + 1 > app->start_first ? shown_last + 1 : app->start_first + 1;
    }
    if (app->scenario_count == 0) {
        ud_ui_label(ui, TR(ui, "No scenarios found: set UNITDESA_SCENARIOS to their folder."), 60,
                    y, UD_FONT_NORMAL, false, p->bad);
    }
    if (app->broken_count > 0) {
        /* a trainer's scenario with an error must not just vanish: say which and why */
        char note[900];
        snprintf(note, sizeof note,
                 TRN(ui, app->broken_count,
                     "%d scenario could not be opened (unitdesa check "
                     "tells more): %s",
                     "%d scenarios could not be opened (unitdesa check tells more); the first: %s"),
                 app->broken_count, app->broken_first);
        ud_ui_paragraph(ui, note, 500, 112, 720, UD_FONT_SMALL, p->bad);
    }
    int by = 670;
    /* one label size along the bar (the small one only if a label needs it) */
    const char *bar[] = {TR(ui, "Load a saved game"), TR(ui, "Settings"), TR(ui, "Help"),
                         TR(ui, "Quit")};
    const int bar_w[] = {240, 140, 100, 100};
    ui->small_buttons = !ud_ui_row_fits(ui, bar, bar_w, 4);
    if (ud_ui_button(ui, ud_rect(60, by, 240, 36), TR(ui, "Load a saved game"))) {
        app->back_to = SCREEN_START;
        app->screen = SCREEN_SLOTS;
        app->saving = false;
    }
    if (ud_ui_button(ui, ud_rect(316, by, 140, 36), TR(ui, "Settings"))) {
        app->back_to = SCREEN_START;
        app->screen = SCREEN_SETTINGS;
    }
    if (ud_ui_button(ui, ud_rect(472, by, 100, 36), TR(ui, "Help"))) {
        app->back_to = SCREEN_START;
        app->screen = SCREEN_HELP;
    }
    if (ud_ui_button(ui, ud_rect(588, by, 100, 36), TR(ui, "Quit"))) {
        app->quit = true;
    }
    ui->small_buttons = false;
    /* the focused scenario's details */
    if (app->scenario_count > 0) {
        const ud_scenario_info *in = &app->infos[app->start_selected];
        SDL_Rect box = ud_rect(500, 180, 720, 460);
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
    /* Escape asks before leaving (a dialog open above takes its own Escape first) */
    if (app->dialog == DIALOG_NONE && ui->key == SDLK_ESCAPE) {
        ud_ui_take_key(ui);
        ud_app_confirm(app,
                       TR(ui, "Leave Unit Desa? The last game is kept: \"Continue the last "
                              "game\" brings it back."),
                       TR(ui, "Quit"), CONFIRM_QUIT, NULL);
    }
}
