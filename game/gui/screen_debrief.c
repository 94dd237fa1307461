/* The debrief (and, while a game runs, its menu): goals, charts with the events marked,
 * the trainee's decisions on a timeline, the scenario's lessons, and the two scores. */
#include "app.h"
#include "ud/scores.h"

#include <stdio.h>
#include <string.h>

static const char *decision_text(const ud_ui *ui, const ud_decision *d) {
    if (d->is_answer) {
        return TR(ui, "answered a question");
    }
    switch (d->command.type) {
    case UD_CMD_SET_PRODUCT:
        return TR(ui, "changed a product's terms");
    case UD_CMD_OPEN_PRODUCT:
        return TR(ui, "opened a product");
    case UD_CMD_CLOSE_PRODUCT:
        return TR(ui, "closed a product");
    case UD_CMD_SET_POLICY:
        return TR(ui, "changed the credit policy");
    case UD_CMD_APPROVE:
        return TR(ui, "approved an application");
    case UD_CMD_RESIZE:
        return TR(ui, "resized an application");
    case UD_CMD_REJECT:
        return TR(ui, "rejected an application");
    case UD_CMD_HIRE:
        return TR(ui, "hired staff");
    case UD_CMD_FIRE:
        return TR(ui, "dismissed an officer");
    case UD_CMD_TRAIN:
        return TR(ui, "trained staff");
    case UD_CMD_AUDIT:
        return TR(ui, "ordered an audit");
    case UD_CMD_ACCEPT_OFFER:
        return TR(ui, "accepted an offer");
    case UD_CMD_DECLINE_OFFER:
        return TR(ui, "declined an offer");
    case UD_CMD_BORROW:
        return TR(ui, "borrowed");
    case UD_CMD_REPAY:
        return TR(ui, "repaid a borrowing");
    case UD_CMD_SET_SAVINGS_RATE:
        return TR(ui, "changed the savings rate");
    case UD_CMD_SET_FOLLOW_UP:
        return TR(ui, "changed follow-up");
    case UD_CMD_RESCHEDULE:
        return TR(ui, "rescheduled a loan");
    case UD_CMD_WRITE_OFF:
        return TR(ui, "wrote off a loan");
    case UD_CMD_TYPE_COUNT:
        break;
    }
    return "";
}

/* One score's parts as a paragraph: "name points/weight" each, in the player's language;
 * returns the height drawn. */
static int score_parts(ud_ui *ui, const char *title, const ud_score_part *parts, int n, int y) {
    char text[900];
    int len = snprintf(text, sizeof text, "%s:", title);
    for (int i = 0; i < n && len > 0 && len < (int)sizeof text; i++) {
        len += snprintf(text + len, sizeof text - (size_t)len, "%s %s %.0f/%.0f", i ? " ·" : "",
                        TR(ui, parts[i].name), parts[i].points, parts[i].weight);
    }
    return ud_ui_paragraph(ui, text, 520, y, 730, UD_FONT_SMALL, ui->pal->text_dim);
}

void ud_screen_debrief(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    if (app->game == NULL) {
        app->screen = SCREEN_START;
        return;
    }
    ud_game_end end = ud_game_end_state(app->game);
    bool over = end != UD_END_RUNNING;
    const ud_scenario_info *in = ud_game_info(app->game);
    ud_ui_label(ui, over ? TR(ui, "Debrief") : TR(ui, "The game so far"), 30, 16, UD_FONT_TITLE,
                true, p->accent);
    ud_ui_label(ui, ud_scenario_text(app, in->title), 30, 60, UD_FONT_NORMAL, false, p->text_dim);
    /* scores */
    ud_scores scores;
    ud_scores_compute(ud_game_sim(app->game), &scores);
    char line[600];
    snprintf(line, sizeof line, "%s: %.0f / 100    %s: %.0f / 100", TR(ui, "The institution"),
             scores.institution, TR(ui, "The clients"), scores.clients);
    ud_ui_label(ui, line, 520, 24, UD_FONT_LARGE, true, p->text);
    int parts_y = 96;
    parts_y += 8 + score_parts(ui, TR(ui, "The institution"), scores.institution_part,
                               scores.institution_parts, parts_y);
    score_parts(ui, TR(ui, "The clients"), scores.client_part, scores.client_parts, parts_y);
    static const char *const endings[] = {"", "The scenario is over.", "You won.", "You lost.",
                                          "The MFI became insolvent."};
    if (over) {
        ud_ui_label(ui, TR(ui, endings[end]), 520, 56, UD_FONT_NORMAL, true,
                    end == UD_END_WON || end == UD_END_FINISHED ? p->good : p->bad);
    }
    /* goals */
    int y = 96;
    ud_ui_label(ui, TR(ui, "Goals"), 30, y, UD_FONT_NORMAL, true, p->text);
    y += 24;
    int n;
    const ud_goal *goals = ud_game_goals(app->game, &n);
    for (int i = 0; i < n; i++) {
        const char *state = goals[i].kind == UD_GOAL_LOSE
                                ? (goals[i].state == 1 ? TR(ui, "happened") : TR(ui, "avoided"))
                                : (goals[i].state == 1   ? TR(ui, "met")
                                   : goals[i].state == 0 ? TR(ui, "missed")
                                                         : TR(ui, "not judged yet"));
        bool good = goals[i].kind == UD_GOAL_LOSE ? goals[i].state != 1 : goals[i].state == 1;
        snprintf(line, sizeof line, "[%s] %s", state, ud_scenario_text(app, goals[i].text));
        /* the goals' column ends where the score parts begin */
        y += ud_ui_paragraph(ui, line, 40, y, 460, UD_FONT_SMALL, good ? p->good : p->text);
    }
    /* charts, with the months where something happened marked */
    /* below the goals (a long list in large text pushes them down and makes them shorter) */
    int cy = y + 10 > 230 ? y + 10 : 230;
    int ch = 380 - cy < 80 ? 80 : 380 - cy;
    ud_chart(app, ud_rect(30, cy, 390, ch), "par30", TR(ui, "PAR30"), true);
    ud_chart(app, ud_rect(440, cy, 390, ch), "oss", TR(ui, "OSS"), true);
    ud_chart(app, ud_rect(850, cy, 400, ch), "households_in_poverty",
             TR(ui, "Households in poverty"), false);
    ud_ui_label(ui, TR(ui, "Orange lines mark shocks, offers, political events and fraud found."),
                30, cy + ch + 4, UD_FONT_SMALL, false, p->text_dim);
    /* decisions on a timeline */
    int ty = cy + ch + 30;
    const int below_charts = ty;
    ud_ui_label(ui, TR(ui, "Your decisions"), 30, ty, UD_FONT_NORMAL, true, p->text);
    const ud_decision *d = ud_game_decisions(app->game, &n);
    int shown = 0, last_month = -1, x = 30;
    ty += 26;
    for (int i = 0; i < n && shown < 12 && ty + 18 < 670; i++) {
        if (d[i].command.type == UD_CMD_APPROVE || d[i].command.type == UD_CMD_REJECT ||
            d[i].command.type == UD_CMD_RESIZE) {
            continue; /* the loan desk's many small decisions would drown the rest */
        }
        if (d[i].month != last_month || i == 0) {
            snprintf(line, sizeof line, "%s %d: %s", TR(ui, "After month"), d[i].month,
                     decision_text(ui, &d[i]));
        } else {
            snprintf(line, sizeof line, "        %s", decision_text(ui, &d[i]));
        }
        last_month = d[i].month;
        ud_ui_label(ui, line, x, ty, UD_FONT_SMALL, false, p->text);
        ty += 18;
        shown++;
    }
    if (shown == 0) {
        ud_ui_label(ui, TR(ui, "None yet: the credit policy decided everything."), 30, ty,
                    UD_FONT_SMALL, false, p->text_dim);
    }
    /* lessons */
    if (over) {
        char lessons[8][UD_TEXT_LEN];
        int nl = ud_game_lessons(app->game, lessons, 8);
        int ly = below_charts;
        ud_ui_label(ui, TR(ui, "Lessons"), 520, ly, UD_FONT_NORMAL, true, p->text);
        ly += 26;
        for (int i = 0; i < nl; i++) {
            snprintf(line, sizeof line, "•  %.590s", lessons[i]);
            ly += ud_ui_paragraph(ui, line, 520, ly, 730, UD_FONT_SMALL, p->text) + 6;
        }
    }
    /* the menu */
    int by = 670, bx = 30;
    if (!over && ud_ui_button(ui, ud_rect(bx, by, 220, 36), TR(ui, "Back to the village"))) {
        app->screen = SCREEN_PLAY;
    }
    bx += over ? 0 : 230;
    if (!over && ud_ui_button(ui, ud_rect(bx, by, 150, 36), TR(ui, "Save"))) {
        app->back_to = SCREEN_DEBRIEF;
        app->screen = SCREEN_SLOTS;
        app->saving = true;
    }
    bx += over ? 0 : 160;
    if (ud_ui_button(ui, ud_rect(bx, by, 150, 36), TR(ui, "Load"))) {
        app->back_to = SCREEN_DEBRIEF;
        app->screen = SCREEN_SLOTS;
        app->saving = false;
    }
    bx += 160;
    if (ud_ui_button(ui, ud_rect(bx, by, 150, 36), TR(ui, "Settings"))) {
        app->back_to = SCREEN_DEBRIEF;
        app->screen = SCREEN_SETTINGS;
    }
    bx += 160;
    if (ud_ui_button(ui, ud_rect(bx, by, 200, 36), TR(ui, "Main menu"))) {
        app->screen = SCREEN_START;
    }
    if (ud_ui_take_key(ui) == SDLK_ESCAPE) {
        app->screen = over ? SCREEN_START : SCREEN_PLAY;
    }
}
