/* The guided step (or "what now?" hint) under the map, the outline around what it points
 * at, and the reports to the game's guide of what the trainee opened and closed. */
#include "app.h"

#include <stdio.h>
#include <string.h>

static const char *const tab_panels[TAB_COUNT] = {"loans",   "arrears", "products", "staff",
                                                  "funding", "reports", "news",     "problems"};
static const char *const tab_labels[TAB_COUNT] = {
    "Loan desk", "Arrears", "Products", "Staff", "Funding", "Reports", "News", "Script errors"};

bool ud_guide_visible(const ud_app *app) {
    if (app->game == NULL || app->settings.no_hints) {
        return false;
    }
    int steps = ud_game_guide_count(app->game);
    if (ud_game_guide_current(app->game, NULL) < steps) {
        return true;
    }
    /* the "What now?" box stays for the whole game (an offer waiting, borrowers who fell
     * behind): the map keeps one size, and a trainee turns it off in the settings */
    return ud_game_end_state(app->game) == UD_END_RUNNING;
}

/* The label a step's target carries on screen (English; translated by the caller). */
static const char *target_label(const char *point) {
    static const struct {
        const char *point, *label;
    } targets[] = {
        {"indicator:par30", "PAR30"},
        {"indicator:oss", "OSS"},
        {"indicator:active_borrowers", "Active clients"},
        {"indicator:women_share", "Women"},
        {"indicator:cash", "Cash"},
        {"button:play", "Next month (Space)"},
        {"button:help", "F1"},
        {"button:menu", "Menu"},
    };
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        if (strcmp(point, targets[i].point) == 0) {
            return targets[i].label;
        }
    }
    if (strncmp(point, "panel:", 6) == 0) {
        for (int t = 0; t < TAB_COUNT; t++) {
            if (strcmp(point + 6, tab_panels[t]) == 0) {
                return tab_labels[t];
            }
        }
    }
    return NULL;
}

/* Outlines the first thing drawn this frame labelled `label`, or "N label" (the tabs carry
 * their key's number). */
static void outline(ud_app *app, const char *label) {
    ud_ui *ui = &app->ui;
    for (int i = 0; i < ui->record_count; i++) {
        const char *t = ui->records[i].text;
        const char *after_number = t;
        while (*after_number >= '0' && *after_number <= '9') {
            after_number++;
        }
        if (strcmp(t, label) == 0 ||
            (after_number != t && *after_number == ' ' && strcmp(after_number + 1, label) == 0)) {
            SDL_Rect r = ui->records[i].rect;
            for (int k = 2; k <= 4; k++) {
                ud_ui_frame(ui, ud_rect(r.x - k, r.y - k, r.w + 2 * k, r.h + 2 * k),
                            ui->pal->watch);
            }
            return;
        }
    }
}

void ud_play_guide(ud_app *app, SDL_Rect area) {
    if (!ud_guide_visible(app)) {
        return;
    }
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_game *g = app->game;
    int progress;
    int step = ud_game_guide_current(g, &progress);
    int steps = ud_game_guide_count(g);
    const ud_guide_step *s = ud_game_guide_step(g, step);
    ud_ui_fill(ui, area, p->panel_alt);
    ud_ui_frame(ui, area, p->watch);
    char head[160];
    if (s != NULL) {
        if (s->count > 1) {
            snprintf(head, sizeof head, "%s %d / %d  (%d / %d)", TR(ui, "Step"), step + 1, steps,
                     progress, s->count);
        } else {
            snprintf(head, sizeof head, "%s %d / %d", TR(ui, "Step"), step + 1, steps);
        }
    } else {
        snprintf(head, sizeof head, "%s", TR(ui, "What now?"));
    }
    ud_ui_label(ui, head, area.x + 10, area.y + 6, UD_FONT_SMALL, true, p->watch);
    bool from_scenario;
    const char *hint = ud_game_hint(g, &from_scenario);
    const char *text = from_scenario ? hint : TR(ui, hint);
    /* what the month being decided brings (a drought, an offer, a rumour) comes first: the
     * trainee decides it knowing, as a strategy does, instead of reading it after the month */
    char month_news[UD_TEXT_LEN + 200];
    int nn;
    const ud_news *news = ud_game_news(g, &nn);
    int deciding = ud_sim_month(ud_game_sim(g)) + 1;
    if (!from_scenario && ud_game_end_state(g) == UD_END_RUNNING && nn > 0 &&
        news[nn - 1].month == deciding) {
        char said[UD_TEXT_LEN + 64];
        ud_game_news_text(g, &news[nn - 1], said, sizeof said);
        snprintf(month_news, sizeof month_news, "%s %s %s", TR(ui, "This month:"), said, text);
        int tw, th;
        ud_text_measure(ui->text, month_news, UD_FONT_SMALL, false, area.w - 20, &tw, &th);
        if (th > area.h - 30) {
            /* the news first: the usual hint gives way when both do not fit */
            snprintf(month_news, sizeof month_news, "%s %s", TR(ui, "This month:"), said);
        }
        text = month_news;
    }
    int text_w = area.w - 20 - (s != NULL && strcmp(s->action, "next") == 0 ? 124 : 0);
    ud_ui_paragraph(ui, text, area.x + 10, area.y + 24, text_w, UD_FONT_SMALL, p->text);
    bool n_key = !ui->modal && ui->key == SDLK_n;
    if (s != NULL && strcmp(s->action, "next") == 0 &&
        (ud_ui_button(ui, ud_rect(area.x + area.w - 120, area.y + area.h - 36, 110, 30),
                      TR(ui, "Next")) ||
         n_key)) {
        if (n_key) {
            ud_ui_take_key(ui);
        }
        ud_game_guide_notify(g, "next");
        app->dirty = true;
    }
    if (s != NULL && s->point[0] != '\0') {
        const char *label = target_label(s->point);
        if (label != NULL) {
            outline(app, TR(ui, label));
        }
    }
}

/* The panel a tab shows, as the guide names it ("open_panel:loans"). */
static void panel_action(ud_tab tab, char *out, size_t size) {
    snprintf(out, size, "open_panel:%s", tab_panels[tab < TAB_COUNT ? tab : 0]);
}

bool ud_guide_observe(ud_app *app) {
    ud_game *g = app->game;
    int step = ud_game_guide_current(g, NULL);
    if (step >= ud_game_guide_count(g)) {
        return false;
    }
    if (step != app->guide_seen_step) {
        /* a new step: what is on screen now counts as just opened */
        app->guide_seen_step = step;
        app->guide_seen_screen = SCREEN_COUNT;
        app->guide_seen_dialog = (ud_dialog)-1;
        app->guide_seen_tab = TAB_COUNT;
    }
    bool done = false;
    if (app->screen == SCREEN_PLAY && app->dialog == DIALOG_NONE &&
        (app->tab != app->guide_seen_tab || app->guide_seen_screen != SCREEN_PLAY)) {
        char action[48];
        panel_action(app->tab, action, sizeof action);
        done |= ud_game_guide_notify(g, action);
    }
    if (app->screen == SCREEN_HELP && app->guide_seen_screen != SCREEN_HELP) {
        done |= ud_game_guide_notify(g, "open_glossary");
    }
    if (app->screen == SCREEN_DEBRIEF && app->guide_seen_screen != SCREEN_DEBRIEF &&
        ud_game_end_state(g) != UD_END_RUNNING) {
        done |= ud_game_guide_notify(g, "debrief");
    }
    if (app->dialog != app->guide_seen_dialog) {
        if (app->dialog == DIALOG_HOUSEHOLD) {
            done |= ud_game_guide_notify(g, "open_household");
        } else if (app->dialog == DIALOG_GROUP) {
            done |= ud_game_guide_notify(g, "open_group");
        } else if (app->guide_seen_dialog == DIALOG_MONTH_END) {
            done |= ud_game_guide_notify(g, "read_summary");
        }
    }
    app->guide_seen_screen = app->screen;
    app->guide_seen_dialog = app->dialog;
    app->guide_seen_tab = app->tab;
    return done;
}
