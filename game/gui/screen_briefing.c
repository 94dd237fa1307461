/* The briefing: the scenario's story, learning objectives and goals before the first month. */
#include "app.h"

#include <stdio.h>
#include <string.h>

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
    /* the team's name goes with its saves: several teams share a classroom PC */
    ud_ui_label(ui, TR(ui, "Your team's name"), 60, 624, UD_FONT_SMALL, true, p->text);
    bool start = ud_ui_text_field(ui, ud_rect(60, 650, 320, 40), app->team, sizeof app->team,
                                  TR(ui, "Type it here"));
    if (ud_ui_button(ui, ud_rect(400, 650, 220, 40), TR(ui, "Start the game")) || start) {
        if (app->team[0] == '\0') {
            snprintf(app->team, sizeof app->team, "%s", TR(ui, "Our team"));
        }
        app->screen = SCREEN_PLAY;
    }
    if (ud_ui_button(ui, ud_rect(640, 650, 160, 40), TR(ui, "Back"))) {
        app->screen = SCREEN_START;
    }
    SDL_Keycode k = ud_ui_take_key(ui);
    if (k == SDLK_ESCAPE) {
        app->screen = SCREEN_START;
    }
}
