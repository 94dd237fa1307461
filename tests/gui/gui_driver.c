#define _POSIX_C_SOURCE 200809L /* setenv */
/* The GUI test driver (see gui_driver.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gui_driver.h"
#include "ud/scores.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int shot;

ud_app *gd_open(const char *data_dir) {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    const char *dir = data_dir != NULL ? data_dir : UD_TEST_DATA;
    mkdir(dir, 0755);
    setenv("UNITDESA_DATA_DIR", dir, 1);
    /* whatever the machine's language, a new player's first start here is in English */
    setenv("LANG", "C", 1);
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANGUAGE");
    ud_app_options o;
    memset(&o, 0, sizeof o);
    o.software = true;
    o.hidden = true;
    char err[512];
    ud_app *app = ud_app_create(&o, err, sizeof err);
    if (app == NULL) {
        fail_msg("cannot open the game: %s", err);
    }
    /* $UD_GUI_WINDOW=1024x600: draw into a window of that size (for screenshots) */
    const char *size = getenv("UD_GUI_WINDOW");
    int w, h;
    if (size != NULL && sscanf(size, "%dx%d", &w, &h) == 2) {
        SDL_SetWindowSize(app->window, w, h);
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_WINDOWEVENT;
        e.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
        ud_app_event(app, &e);
    }
    ud_app_draw(app);
    return app;
}

void gd_settings(ud_app *app, const char *language, bool large_text) {
    snprintf(app->settings.language, sizeof app->settings.language, "%s", language);
    app->settings.large_text = large_text;
    ud_app_apply_settings(app);
    ud_app_draw(app);
}

void gd_close(ud_app *app) {
    ud_app_destroy(app);
}

void gd_key(ud_app *app, SDL_Keycode k, Uint16 mod) {
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    ud_app_event(app, &e);
    ud_app_draw(app);
}

void gd_type(ud_app *app, const char *text) {
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", text);
    ud_app_event(app, &e);
    ud_app_draw(app);
}

void gd_click(ud_app *app, int x, int y) {
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    ud_app_event(app, &e);
    ud_app_draw(app);
}

bool gd_find_widget(const ud_app *app, const char *label, SDL_Rect *rect, int *widget) {
    const ud_ui *ui = &app->ui;
    for (int i = ui->record_count - 1; i >= 0; i--) {
        const ud_ui_record *r = &ui->records[i];
        if (r->widget >= 0 && strcmp(r->text, label) == 0) {
            if (rect != NULL) {
                *rect = r->rect;
            }
            if (widget != NULL) {
                *widget = r->widget;
            }
            return true;
        }
    }
    return false;
}

bool gd_click_label(ud_app *app, const char *label) {
    SDL_Rect r;
    if (!gd_find_widget(app, label, &r, NULL)) {
        return false;
    }
    gd_click(app, r.x + r.w / 2, r.y + r.h / 2);
    return true;
}

bool gd_click_prefix(ud_app *app, const char *prefix) {
    const ud_ui *ui = &app->ui;
    size_t n = strlen(prefix);
    for (int i = ui->record_count - 1; i >= 0; i--) {
        const ud_ui_record *r = &ui->records[i];
        if (r->widget >= 0 && strncmp(r->text, prefix, n) == 0) {
            gd_click(app, r->rect.x + r->rect.w / 2, r->rect.y + r->rect.h / 2);
            return true;
        }
    }
    return false;
}

bool gd_click_beside(ud_app *app, const char *beside, const char *button) {
    const ud_ui *ui = &app->ui;
    for (int k = 0; k < ui->record_count; k++) {
        if (ui->records[k].widget < 0 && strcmp(ui->records[k].text, beside) == 0) {
            for (int j = k + 1; j < ui->record_count; j++) {
                const ud_ui_record *r = &ui->records[j];
                if (r->widget >= 0 && strcmp(r->text, button) == 0) {
                    gd_click(app, r->rect.x + r->rect.w / 2, r->rect.y + r->rect.h / 2);
                    return true;
                }
            }
        }
    }
    return false;
}

const char *gd_focused_label(const ud_app *app) {
    const ud_ui *ui = &app->ui;
    for (int i = 0; ui->focus >= 0 && i < ui->record_count; i++) {
        if (ui->records[i].widget == ui->focus) {
            return ui->records[i].text;
        }
    }
    return "";
}

bool gd_focus_on_danger(const ud_app *app) {
    const ud_ui *ui = &app->ui;
    for (int i = 0; i < ui->record_count; i++) {
        if (ui->records[i].widget == ui->focus) {
            return ui->records[i].danger;
        }
    }
    return false;
}

bool gd_shows(const ud_app *app, const char *needle) {
    const ud_ui *ui = &app->ui;
    for (int i = 0; i < ui->record_count; i++) {
        if (strstr(ui->records[i].text, needle) != NULL) {
            return true;
        }
    }
    return false;
}

bool gd_shows_exactly(const ud_app *app, const char *text) {
    const ud_ui *ui = &app->ui;
    for (int i = 0; i < ui->record_count; i++) {
        if (strcmp(ui->records[i].text, text) == 0) {
            return true;
        }
    }
    return false;
}

size_t gd_texts(const ud_app *app, char *out, size_t size) {
    const ud_ui *ui = &app->ui;
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < ui->record_count && n < size; i++) {
        n += (size_t)snprintf(out + n, size - n, "%s\n", ui->records[i].text);
    }
    return n < size ? n : size - 1;
}

void gd_frame(ud_app *app, const char *what) {
    ud_app_draw(app);
    int w, h;
    SDL_GetRendererOutputSize(app->renderer, &w, &h);
    Uint32 *pixels = malloc((size_t)w * (size_t)h * 4);
    assert_non_null(pixels);
    /* the whole window, not only the scaled canvas (NULL means the viewport otherwise) */
    SDL_RenderSetLogicalSize(app->renderer, 0, 0);
    SDL_RenderSetViewport(app->renderer, NULL);
    assert_int_equal(
        SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, pixels, w * 4), 0);
    SDL_RenderSetLogicalSize(app->renderer, UD_LOGICAL_W, UD_LOGICAL_H);
    int distinct = 0;
    Uint32 seen[64];
    for (int i = 0; i < w * h && distinct < 64; i += 97) {
        bool known = false;
        for (int k = 0; k < distinct && !known; k++) {
            known = seen[k] == pixels[i];
        }
        if (!known) {
            seen[distinct++] = pixels[i];
        }
    }
    const char *dir = getenv("UD_GUI_SCREENSHOTS");
    if (dir != NULL) {
        char path[512];
        snprintf(path, sizeof path, "%s/%02d_%s.bmp", dir, shot++, what);
        SDL_Surface *s =
            SDL_CreateRGBSurfaceWithFormatFrom(pixels, w, h, 32, w * 4, SDL_PIXELFORMAT_ARGB8888);
        SDL_SaveBMP(s, path);
        SDL_FreeSurface(s);
    }
    free(pixels);
    if (distinct < 8) {
        fail_msg("the frame of '%s' looks blank (%d colours)", what, distinct);
    }
}

const char *gd_tr(ud_app *app, const char *english) {
    return ud_tr(&app->i18n, english);
}

void gd_tab(ud_app *app, ud_tab tab) {
    gd_key(app, (SDL_Keycode)(SDLK_1 + (int)tab), 0);
    if (app->tab != tab) {
        fail_msg("key %d did not show tab %d (showing %d)", (int)tab + 1, (int)tab, (int)app->tab);
    }
}

int gd_scenario_index(const ud_app *app, const char *id) {
    for (int i = 0; i < app->scenario_count; i++) {
        if (strcmp(app->infos[i].id, id) == 0) {
            return i;
        }
    }
    return -1;
}

void gd_start(ud_app *app, const char *id) {
    int i = gd_scenario_index(app, id);
    if (i < 0) {
        fail_msg("no shipped scenario '%s'", id);
    }
    assert_true(ud_app_start_scenario(app, app->scenario_paths[i]));
    ud_app_draw(app);
    assert_int_equal(app->screen, SCREEN_BRIEFING);
    gd_key(app, SDLK_RETURN, 0); /* the focused button: start */
    assert_int_equal(app->screen, SCREEN_PLAY);
}

void gd_next_month(ud_app *app) {
    while (app->dialog == DIALOG_QUESTION) {
        gd_key(app, SDLK_1, 0);
    }
    int month = ud_sim_month(ud_game_sim(app->game));
    gd_key(app, SDLK_SPACE, 0);
    while (app->dialog == DIALOG_QUESTION) {
        gd_key(app, SDLK_1, 0);
        if (app->dialog == DIALOG_NONE) {
            gd_key(app, SDLK_SPACE, 0);
        }
    }
    if (ud_sim_month(ud_game_sim(app->game)) != month + 1) {
        fail_msg("Space did not play month %d (dialog %d, screen %d)", month + 1, app->dialog,
                 app->screen);
    }
    assert_int_equal(app->dialog, DIALOG_MONTH_END);
    gd_key(app, SDLK_ESCAPE, 0);
    while (app->dialog == DIALOG_QUESTION) {
        gd_key(app, SDLK_1, 0);
    }
}

void gd_play_to(ud_app *app, int month) {
    while (app->game != NULL && ud_game_end_state(app->game) == UD_END_RUNNING &&
           ud_sim_month(ud_game_sim(app->game)) < month) {
        gd_next_month(app);
    }
}

/* A growing string. */
typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static void put(buf *b, const char *fmt, ...) {
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int k = vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
        va_end(ap);
        if (k >= 0 && b->n + (size_t)k < b->cap) {
            b->n += (size_t)k;
            return;
        }
        b->cap = b->cap * 2 + (size_t)k + 64;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
}

char *gd_view(ud_app *app) {
    buf b = {malloc(4096), 0, 4096};
    assert_non_null(b.s);
    b.s[0] = '\0';
    ud_sim *sim = ud_game_sim(app->game);
    int month = ud_sim_month(sim);
    put(&b, "month %d end %d\n", month, (int)ud_game_end_state(app->game));
    put(&b, "map ");
    for (int i = 0; i < ud_sim_household_count(sim); i++) {
        put(&b, "%d", (int)ud_map_household_status(app, i));
    }
    put(&b, "\n");
    static const char *const charted[] = {
        "par30", "oss", "fss", "active_borrowers", "households_in_poverty", "subsidy_dependence",
        "cash"};
    for (size_t c = 0; c < sizeof charted / sizeof charted[0]; c++) {
        put(&b, "series %s", charted[c]);
        for (int m = 1; m <= month; m++) {
            double v = 0;
            ud_indicator_value(sim, charted[c], m, &v);
            put(&b, " %.6g", v);
        }
        put(&b, "\n");
    }
    put(&b, "marks");
    for (int m = 1; m <= month; m++) {
        if (ud_chart_marks_month(app, m)) {
            put(&b, " %d", m);
        }
    }
    put(&b, "\n");
    for (int m = 1; m <= month && m < 242; m++) {
        const ud_month_summary *s = ud_history_at(&app->history, m);
        put(&b, "events %d: %d %d %d %d %d %d %d %d %d %d %d %d audit %d %d %d %lld\n", m,
            s->disbursed, s->repaid, s->missed, s->written_off, s->collapsed, s->covered, s->fraud,
            s->shocks, s->offers, s->political, s->rejected, (int)s->insolvent, (int)s->audited,
            (int)s->audit_clean, s->ghost_loans, (long long)s->ghost_lost);
    }
    int n;
    const ud_news *news = ud_game_news(app->game, &n);
    for (int i = 0; i < n; i++) {
        char text[UD_TEXT_LEN];
        ud_game_news_text(app->game, &news[i], text, sizeof text);
        put(&b, "news %d: %s\n", news[i].month, text);
    }
    ud_scores sc;
    ud_scores_compute(ud_game_sim(app->game), &sc);
    put(&b, "scores %.6f %.6f\n", sc.institution, sc.clients);
    for (int i = 0; i < sc.institution_parts; i++) {
        put(&b, "score part %s: %.6f of %.0f\n", sc.institution_part[i].name,
            sc.institution_part[i].points, sc.institution_part[i].weight);
    }
    for (int i = 0; i < sc.client_parts; i++) {
        put(&b, "score part %s: %.6f of %.0f\n", sc.client_part[i].name, sc.client_part[i].points,
            sc.client_part[i].weight);
    }
    const ud_decision *d = ud_game_decisions(app->game, &n);
    for (int i = 0; i < n; i++) {
        put(&b, "decision %d: %d %d %d %d %d\n", d[i].month, (int)d[i].is_answer,
            (int)d[i].command.type, d[i].command.index, d[i].question, d[i].option);
    }
    return b.s;
}

static void line_at(const char *s, size_t at, char *out, size_t size) {
    size_t start = at;
    while (start > 0 && s[start - 1] != '\n') {
        start--;
    }
    const char *end = strchr(s + start, '\n');
    size_t len = end ? (size_t)(end - (s + start)) : strlen(s + start);
    snprintf(out, size, "%.*s", (int)(len < 200 ? len : 200), s + start);
}

bool gd_view_equal(const char *a, const char *b, char *why, size_t size) {
    size_t i = 0;
    while (a[i] != '\0' && a[i] == b[i]) {
        i++;
    }
    if (a[i] == b[i]) {
        return true;
    }
    char la[256], lb[256];
    line_at(a, i, la, sizeof la);
    line_at(b, i < strlen(b) ? i : strlen(b), lb, sizeof lb);
    snprintf(why, size, "expected \"%s\", got \"%s\"", la, lb);
    return false;
}

void gd_write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}
