/* The panel area of the village screen: which panel shows, and what panels share (paging,
 * commands). */
#include "panels.h"
#include "story.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

ud_command ud_command_new(ud_command_type type) {
    ud_command c;
    memset(&c, 0, sizeof c);
    c.type = type;
    return c;
}

/* Page navigation with PageUp/PageDown and two buttons; returns the first item to show. */
int ud_pager(ud_app *app, SDL_Rect area, int items, int per_page) {
    ud_ui *ui = &app->ui;
    int pages = items > 0 ? (items + per_page - 1) / per_page : 1;
    if (!ui->modal) {
        if (ui->key == SDLK_PAGEDOWN) {
            app->page++;
            ud_ui_take_key(ui);
        } else if (ui->key == SDLK_PAGEUP) {
            app->page--;
            ud_ui_take_key(ui);
        }
    }
    if (pages > 1) {
        char label[64];
        snprintf(label, sizeof label, "%d / %d", app->page + 1, pages);
        int y = area.y + area.h - 34;
        if (ud_ui_button(ui, ud_rect(area.x + area.w - 250, y, 60, 30), "◀")) {
            app->page--;
        }
        ud_ui_label(ui, label, area.x + area.w - 180, y + 6, UD_FONT_SMALL, false, ui->pal->text);
        if (ud_ui_button(ui, ud_rect(area.x + area.w - 100, y, 60, 30), "▶")) {
            app->page++;
        }
    }
    if (app->page >= pages) {
        app->page = pages - 1;
    }
    if (app->page < 0) {
        app->page = 0;
    }
    return app->page * per_page;
}

bool ud_pager_flow(ud_app *app, SDL_Rect area, bool more) {
    ud_ui *ui = &app->ui;
    int page = app->page;
    if (!ui->modal) {
        if (ui->key == SDLK_PAGEDOWN) {
            ud_ui_take_key(ui);
            page += more ? 1 : 0;
        } else if (ui->key == SDLK_PAGEUP) {
            ud_ui_take_key(ui);
            page -= page > 0 ? 1 : 0;
        }
    }
    if (page > 0 || more) {
        char label[64];
        snprintf(label, sizeof label, "%s %d", TR(ui, "Page"), page + 1);
        int y = area.y + area.h - 34;
        if (page > 0 && ud_ui_button(ui, ud_rect(area.x + area.w - 250, y, 60, 30), "◀")) {
            page--;
        }
        ud_ui_label(ui, label, area.x + area.w - 180, y + 6, UD_FONT_SMALL, false, ui->pal->text);
        if (more && ud_ui_button(ui, ud_rect(area.x + area.w - 100, y, 60, 30), "▶")) {
            page++;
        }
    }
    if (page != app->page) {
        app->page = page;
        app->dirty = true;
        return true;
    }
    return false;
}

int ud_stepper(ud_app *app, SDL_Rect r, const char *name, const char *value, bool can_down,
               bool can_up) {
    ud_ui *ui = &app->ui;
    /* the name on its own line (wrapped if long), the value and the buttons below it */
    int h = ud_ui_paragraph(ui, name, r.x, r.y, r.w, UD_FONT_SMALL, ui->pal->text_dim);
    int y = r.y + h + 2;
    ud_ui_label(ui, value, r.x, y + 2, UD_FONT_NORMAL, true, ui->pal->text);
    int step = 0;
    if (can_down && ud_ui_button(ui, ud_rect(r.x + r.w - 92, y, 44, 26), "−")) {
        step = -1;
    }
    if (can_up && ud_ui_button(ui, ud_rect(r.x + r.w - 46, y, 44, 26), "+")) {
        step = 1;
    }
    return step;
}

int ud_stepper_height(ud_app *app, int w, const char *name) {
    int tw, th;
    ud_text_measure(app->ui.text, name, UD_FONT_SMALL, false, w, &tw, &th);
    return th + 2 + 28;
}

ud_money ud_round_step(ud_money v, bool up) {
    static const int mantissa[] = {10, 12, 15, 20, 25, 30, 40, 50, 60, 80};
    ud_money best = up ? INT64_MAX : 0;
    for (ud_money scale = 1; scale <= INT64_C(100000000000000); scale *= 10) {
        for (int i = 0; i < 10; i++) {
            ud_money nice = mantissa[i] * scale / 10;
            if (nice <= 0) {
                continue;
            }
            if (up && nice > v && nice < best) {
                best = nice;
            }
            if (!up && nice < v && nice > best) {
                best = nice;
            }
        }
    }
    return best == INT64_MAX ? v : best;
}

const char *ud_method_text(const ud_ui *ui, ud_interest_method m) {
    return ud_method_words(ui->i18n, m);
}

const char *ud_frequency_text(const ud_ui *ui, ud_frequency f) {
    return ud_frequency_words(ui->i18n, f);
}

void ud_panel(ud_app *app, SDL_Rect area) {
    ud_ui *ui = &app->ui;
    ud_ui_fill(ui, area, ui->pal->panel_alt);
    SDL_Rect inner = ud_rect(area.x + 10, area.y + 10, area.w - 20, area.h - 20);
    SDL_Rect outer_box = ud_ui_set_box(ui, area);
    switch (app->tab) {
    case TAB_DESK:
        ud_panel_desk(app, inner);
        break;
    case TAB_ARREARS:
        ud_panel_arrears(app, inner);
        break;
    case TAB_PRODUCTS:
        ud_panel_products(app, inner);
        break;
    case TAB_STAFF:
        ud_panel_staff(app, inner);
        break;
    case TAB_FUNDING:
        ud_panel_funding(app, inner);
        break;
    case TAB_REPORTS:
        ud_panel_reports(app, inner);
        break;
    case TAB_NEWS:
        ud_panel_news(app, inner);
        break;
    case TAB_PROBLEMS:
        ud_panel_problems(app, inner);
        break;
    case TAB_COUNT:
        break;
    }
    ud_ui_set_box(ui, outer_box);
}
