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
    /* a trainer's long title stays on the screen: cut to its width, whole under the mouse */
    const char *title = ud_scenario_text(app, in->title);
    char cut[UD_TEXT_LEN];
    if (ud_ui_one_line(ui, title, UD_FONT_TITLE, 1100, cut, sizeof cut)) { /* bold is wider */
        ud_ui_hint(ui, ud_rect(60, 36, 1160, 40), title);
    }
    ud_ui_label(ui, cut, 60, 36, UD_FONT_TITLE, true, p->accent);
    /* how long the game lasts, which only the start screen's card said */
    char head[160], length[64];
    int months = ud_game_months(app->game);
    snprintf(length, sizeof length, TRN(ui, months, "%d month", "%d months"), months);
    snprintf(head, sizeof head, "%s · %s", TR(ui, "Briefing"), length);
    ud_ui_label(ui, head, 60, 82, UD_FONT_NORMAL, true, p->text_dim);
    /* A trainer's briefing, objectives and goals may take more than the screen: they scroll
     * (Page Down, the arrow keys, the mouse wheel) above the team's name and the buttons,
     * which stay where they are. */
    int head_w, head_h;
    ud_text_measure(ui->text, head, UD_FONT_NORMAL, true, 0, &head_w, &head_h);
    /* below the subtitle however tall the text size makes it (at large text the scrolled
     * briefing slid under it) */
    const int top = 82 + head_h + 10 > 112 ? 82 + head_h + 10 : 112, bottom = 612;
    int room = bottom - top;
    /* scrolled by whole lines of the briefing's text, so that the line at the top is never
     * cut in half under the subtitle (a trainee read a half-hidden first line) */
    int line_w, one_h, two_h;
    ud_text_measure(ui->text, "Ag", UD_FONT_NORMAL, false, 1000, &line_w, &one_h);
    ud_text_measure(ui->text, "Ag\nAg", UD_FONT_NORMAL, false, 1000, &line_w, &two_h);
    int line_h = two_h - one_h > 0 ? two_h - one_h : 20; /* the wrapped text's line pitch */
    int most = app->briefing_height > room ? app->briefing_height - room : 0;
    most = (most + line_h - 1) / line_h * line_h;
    SDL_Keycode key = ui->key;
    if (most > 0 &&
        (key == SDLK_PAGEDOWN || key == SDLK_DOWN || key == SDLK_PAGEUP || key == SDLK_UP)) {
        ud_ui_take_key(ui);
        int step =
            key == SDLK_PAGEDOWN || key == SDLK_PAGEUP ? (room - 60) / line_h * line_h : 3 * line_h;
        app->briefing_scroll += key == SDLK_PAGEDOWN || key == SDLK_DOWN ? step : -step;
        app->dirty = true;
    }
    app->briefing_scroll = app->briefing_scroll < 0      ? 0
                           : app->briefing_scroll > most ? most
                                                         : app->briefing_scroll;
    /* scrolled, the clip starts where the text does: 4 pixels more showed the bottom of the
     * line above as a cut line */
    int overhang = one_h > line_h ? one_h - line_h : 0; /* the line above's descenders */
    SDL_Rect area = app->briefing_scroll > 0
                        ? ud_rect(0, top + overhang + 1, UD_LOGICAL_W, room - overhang - 1)
                        : ud_rect(0, top - 4, UD_LOGICAL_W, room + 4);
    SDL_Rect old_box = ud_ui_set_box(ui, ud_rect(0, top - 4 - app->briefing_scroll, UD_LOGICAL_W,
                                                 app->briefing_height + room + 8));
    if (most > 0) {
        ud_ui_clip(ui, &area);
        ui->scrolling = true;
    }
    int y = top - app->briefing_scroll;
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
        y += ud_ui_paragraph(ui, line, 80, y, 1140, UD_FONT_NORMAL, p->text) + 6;
    }
    /* the figure the debrief will judge the decisions on, named before the game (a trainee
     * met "adjusted PAR30" for the first time in the verdict) */
    const char *judged = in->lesson_indicator[0] != '\0' ? in->lesson_indicator : "holistic_score";
    char figure[300];
    /* the holistic score said in full here ("the lower of the two scores" left a trainee
     * asking which two) */
    const char *judged_title =
        strcmp(judged, "holistic_score") == 0
            ? TR(ui, "the lower of two scores out of 100, the institution's and "
                     "its clients' (F1, Scores)")
            : ud_judged_figure_title(ui, judged);
    snprintf(figure, sizeof figure, TR(ui, "At the end, the debrief judges your decisions on: %s."),
             judged_title);
    y += 10 + ud_ui_paragraph(ui, figure, 60, y + 10, 1160, UD_FONT_NORMAL, p->text_dim);
    int height = y + app->briefing_scroll - top;
    if (height != app->briefing_height) {
        app->briefing_height = height; /* known now: drawn again, scrolled if it must */
        app->dirty = true;
    }
    if (most > 0) {
        ud_ui_clip(ui, NULL);
        ui->scrolling = false;
    }
    ud_ui_set_box(ui, old_box);
    if (most > 0) {
        const char *hint = app->briefing_scroll < most
                               ? TR(ui, "More below: Page Down or the mouse wheel")
                               : TR(ui, "Page Up or the mouse wheel: back to the top");
        ud_ui_label(ui, hint, 860, 624, UD_FONT_SMALL, false, p->text_dim);
    }
    /* the team's name goes with its saves: several teams share a classroom PC */
    ud_ui_label(ui, TR(ui, "Your team's name"), 60, 624, UD_FONT_SMALL, true, p->text);
    bool start = ud_ui_text_field(ui, ud_rect(60, 650, 320, 40), app->team, sizeof app->team,
                                  TR(ui, "Type it here"));
    if (ud_ui_button(ui, ud_rect(400, 650, 220, 40), TR(ui, "Start the game")) || start) {
        if (app->team[0] == '\0') {
            snprintf(app->team, sizeof app->team, "%s", TR(ui, "Our team"));
        }
        /* offered again on the next briefing of this session: a team goes from the tutorial
         * to a module on the same PC (a trainee found the field empty again) */
        snprintf(app->team_default, sizeof app->team_default, "%s", app->team);
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
