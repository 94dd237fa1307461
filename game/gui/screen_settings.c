/* The settings screen: language, text size, full screen, colour-blind-safe colours. */
#include "app.h"

#include <stdio.h>
#include <string.h>

void ud_screen_settings(ud_app *app) {
    ud_ui *ui = &app->ui;
    const ud_palette *p = ui->pal;
    ud_ui_label(ui, TR(ui, "Settings"), 60, 40, UD_FONT_TITLE, true, p->accent);
    ud_settings *s = &app->settings;
    int y = 120;
    ud_ui_label(ui, TR(ui, "Language"), 60, y + 8, UD_FONT_NORMAL, false, p->text);
    bool changed = false;
    int language_count;
    const ud_language *language = ud_i18n_languages(&language_count);
    for (int i = 0; i < language_count; i++) {
        /* each language in its own name, so that whoever reads it can find theirs; wide enough
         * for "Bahasa Indonesia" at large text (it stepped down a size at 160) */
        if (ud_ui_toggle(ui, ud_rect(440 + i * 200, y, 190, 34), language[i].name,
                         strcmp(s->language, language[i].code) == 0)) {
            snprintf(s->language, sizeof s->language, "%s", language[i].code);
            changed = true;
        }
    }
    y += 60;
    ud_ui_label(ui, TR(ui, "Text size"), 60, y + 8, UD_FONT_NORMAL, false, p->text);
    if (ud_ui_toggle(ui, ud_rect(440, y, 160, 34), TR(ui, "Normal"), !s->large_text)) {
        s->large_text = false;
        changed = true;
    }
    if (ud_ui_toggle(ui, ud_rect(610, y, 160, 34), TR(ui, "Large"), s->large_text)) {
        s->large_text = true;
        changed = true;
    }
    y += 60;
    ud_ui_label(ui, TR(ui, "Full screen"), 60, y + 8, UD_FONT_NORMAL, false, p->text);
    if (ud_ui_toggle(ui, ud_rect(440, y, 160, 34), s->fullscreen ? TR(ui, "On") : TR(ui, "Off"),
                     s->fullscreen)) {
        s->fullscreen = !s->fullscreen;
        changed = true;
    }
    y += 60;
    ud_ui_label(ui, TR(ui, "Colour-blind-safe colours"), 60, y + 8, UD_FONT_NORMAL, false, p->text);
    if (ud_ui_toggle(ui, ud_rect(440, y, 160, 34), s->colour_blind ? TR(ui, "On") : TR(ui, "Off"),
                     s->colour_blind)) {
        s->colour_blind = !s->colour_blind;
        changed = true;
    }
    y += 60;
    ud_ui_label(ui, TR(ui, "Hints and guided steps"), 60, y + 8, UD_FONT_NORMAL, false, p->text);
    if (ud_ui_toggle(ui, ud_rect(440, y, 160, 34), s->no_hints ? TR(ui, "Off") : TR(ui, "On"),
                     !s->no_hints)) {
        s->no_hints = !s->no_hints;
        changed = true;
    }
    if (changed) {
        ud_app_apply_settings(app);
    }
    if (app->settings_error[0] != '\0') {
        char line[1400];
        snprintf(line, sizeof line, "%s (%s)",
                 TR(ui, "These settings could not be saved: they last until the game is closed."),
                 app->settings_error);
        ud_ui_paragraph(ui, line, 60, 590, 1160, UD_FONT_SMALL, p->bad);
    }
    if (ud_ui_button(ui, ud_rect(60, 650, 160, 40), TR(ui, "Back")) || ud_ui_take_escape(ui)) {
        app->screen = app->back_to;
    }
}
