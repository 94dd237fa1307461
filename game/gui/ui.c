/* The immediate-mode toolkit: palette, focus, buttons, text and shapes. */
#include "ui.h"

#include <stdio.h>
#include <string.h>

static const ud_palette normal = {
    .background = {243, 240, 232, 255},
    .panel = {255, 255, 255, 255},
    .panel_alt = {232, 228, 218, 255},
    .border = {176, 168, 150, 255},
    .text = {38, 38, 38, 255},
    .text_dim = {110, 106, 98, 255},
    .accent = {36, 104, 92, 255},
    .focus = {40, 90, 210, 255}, /* blue: not the guide's amber outline (a trainee saw two) */
    .good = {46, 139, 87, 255},
    .watch = {222, 160, 20, 255},
    .bad = {200, 50, 40, 255},
    .not_client = {170, 166, 156, 255},
    .client = {36, 104, 160, 255},
    .arrears = {230, 150, 20, 255},
    .defaulted = {190, 40, 40, 255},
    .out_of_poverty = {60, 170, 80, 255},
    .reference = {36, 104, 160, 255},
};

/* Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies. */
static const ud_palette colour_blind = {
    .background = {243, 240, 232, 255},
    .panel = {255, 255, 255, 255},
    .panel_alt = {232, 228, 218, 255},
    .border = {176, 168, 150, 255},
    .text = {20, 20, 20, 255},
    .text_dim = {100, 100, 100, 255},
    .accent = {0, 114, 178, 255},
    .focus = {86, 180, 233, 255}, /* sky blue: not the guide's amber outline */
    .good = {0, 158, 115, 255},
    .watch = {230, 159, 0, 255},
    .bad = {213, 94, 0, 255},
    .not_client = {170, 170, 170, 255},
    .client = {0, 114, 178, 255},
    .arrears = {230, 159, 0, 255},
    .defaulted = {204, 121, 167, 255},
    .out_of_poverty = {0, 158, 115, 255},
    .reference = {204, 121, 167, 255},
};

const ud_palette *ud_palette_get(bool cb) {
    return cb ? &colour_blind : &normal;
}

/* Numbers and colons as the language writes them (see ud_i18n_localise in i18n.c). */
static const char *localised(const ud_ui *ui, const char *s, char *buf, size_t size) {
    return ud_i18n_localise(ui->i18n, s, buf, size);
}

SDL_Rect ud_ui_set_box(ud_ui *ui, SDL_Rect box) {
    SDL_Rect old = ui->box;
    ui->box = box;
    return old;
}

void ud_ui_clip(ud_ui *ui, const SDL_Rect *r) {
    SDL_RenderSetClipRect(ui->renderer, r);
}

static bool contains(SDL_Rect outer, SDL_Rect r) {
    return r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w &&
           r.y + r.h <= outer.y + outer.h;
}

/* Notes text that does not fit where it is drawn: its box, the clip, or the screen. */
static void check_fit(ud_ui *ui, SDL_Rect r, const char *text, const char *where) {
    if (r.w == 0 || ui->overflow_count >= UD_UI_OVERFLOWS) {
        return;
    }
    SDL_Rect clip;
    SDL_RenderGetClipRect(ui->renderer, &clip);
    bool clipped = !ui->scrolling && !SDL_RectEmpty(&clip) && !contains(clip, r);
    SDL_Rect screen = {0, 0, UD_LOGICAL_W, UD_LOGICAL_H};
    if (ui->scrolling) {
        /* a scrolled area runs above and below the screen by design: only its width counts */
        screen.y = r.y;
        screen.h = r.h;
    }
    if (!contains(ui->box, r) || clipped || !contains(screen, r)) {
        snprintf(ui->overflow[ui->overflow_count++], sizeof ui->overflow[0],
                 "%s \"%.80s\" at %d,%d size %dx%d %s", where, text, r.x, r.y, r.w, r.h,
                 clipped ? "is clipped" : "overflows its box");
    }
}

static void record(ud_ui *ui, SDL_Rect r, int widget, const char *text) {
    if (ui->scrolling) {
        /* in a scrolled area only what the clip shows is on the screen */
        SDL_Rect clip, shown;
        SDL_RenderGetClipRect(ui->renderer, &clip);
        if (!SDL_RectEmpty(&clip)) {
            if (!SDL_IntersectRect(&clip, &r, &shown)) {
                return;
            }
            r = shown;
        }
    }
    if (ui->record_count < UD_UI_RECORDS) {
        ud_ui_record *rec = &ui->records[ui->record_count++];
        rec->rect = r;
        rec->widget = widget;
        rec->danger = false;
        rec->font = -1;
        snprintf(rec->text, sizeof rec->text, "%s", text);
    }
}

void ud_ui_begin(ud_ui *ui) {
    ui->focus_at_begin = ui->focus;
    ui->widget_count = 0;
    ui->record_count = 0;
    ui->acted = false;
    ui->hint_count = 0;
    ui->overflow_count = 0;
    ui->box = ud_rect(0, 0, UD_LOGICAL_W, UD_LOGICAL_H);
    ui->activated = false;
    ui->small_buttons = false;
    ud_text_next_frame(ui->text);
    SDL_Keycode k = ui->key;
    int n = ui->last_widget_count;
    bool back = (ui->mod & KMOD_SHIFT) != 0;
    bool pages = ui->arrows_turn_pages && (k == SDLK_LEFT || k == SDLK_RIGHT);
    ui->arrows_turn_pages = false;
    if (n > 0 && !pages &&
        (k == SDLK_TAB || k == SDLK_DOWN || k == SDLK_UP || k == SDLK_RIGHT || k == SDLK_LEFT)) {
        int step = (k == SDLK_UP || k == SDLK_LEFT || (k == SDLK_TAB && back)) ? -1 : 1;
        if (ui->focus == UD_UI_NO_FOCUS) {
            ui->focus = step > 0 ? 0 : n - 1; /* from none: the first, or the last */
        } else {
            ui->focus = ((ui->focus + step) % n + n) % n;
        }
        ui->key = 0;
        ui->activated = true; /* the focus ring moved: draw again */
    }
}

static bool is_danger(const ud_ui *ui, int widget) {
    for (int i = 0; i < ui->record_count; i++) {
        if (ui->records[i].widget == widget) {
            return ui->records[i].danger;
        }
    }
    return false;
}

/* The label a widget was drawn with this frame ("" if none). */
static const char *label_of(const ud_ui *ui, int widget) {
    for (int i = 0; widget >= 0 && i < ui->record_count; i++) {
        if (ui->records[i].widget == widget) {
            return ui->records[i].text;
        }
    }
    return "";
}

void ud_ui_end(ud_ui *ui) {
    ui->last_widget_count = ui->widget_count;
    if (ui->focus >= ui->widget_count) {
        ui->focus = ui->widget_count > 0 ? ui->widget_count - 1 : 0;
        ui->settle_focus = true; /* the focus moved by itself */
    }
    if (ui->settle_focus && !ui->acted && ui->acted_label[0] != '\0' &&
        ui->focus == ui->focus_at_begin && strcmp(label_of(ui, ui->focus), ui->acted_label) != 0) {
        /* the frame after an action, and the widget pressed is gone ("Open this product"
         * opened it): the widget now in its place was never chosen, and Enter must not work
         * it (a trainee's Enter switched the interest method unseen). No widget has the focus
         * until Tab or an arrow gives it one, unless the screen chose one this frame. */
        ui->focus = UD_UI_NO_FOCUS;
        ui->settle_focus = false;
        /* unless it only moved (the help's Next, one place along once Previous appears): the
         * focus follows it, so that Enter pages on (a trainee's second Enter did nothing) */
        int found = -1, count = 0;
        for (int i = 0; i < ui->record_count; i++) {
            const ud_ui_record *r = &ui->records[i];
            if (r->widget >= 0 && strcmp(r->text, ui->acted_label) == 0 && r->widget != found) {
                found = r->widget;
                count++;
            }
        }
        if (count == 1) {
            ui->focus = found;
        }
    }
    ui->acted_label[0] = ui->acted ? ui->acted_label[0] : '\0';
    if (ui->settle_focus && !ui->acted) {
        /* the frame after an action: move the focus off a dangerous widget, forwards to
         * the nearest safe one (or backwards if none follows) */
        int n = ui->widget_count, f = ui->focus;
        for (int step = 1; step < n && is_danger(ui, f); step++) {
            f = (ui->focus + step) % n;
        }
        ui->focus = is_danger(ui, f) ? ui->focus : f;
        ui->settle_focus = false;
    }
    if (ui->acted) {
        ui->settle_focus = true;
    }
    ui->clicked = false;
    ui->key = 0;
    ui->typed[0] = '\0';
}

bool ud_ui_take_escape(ud_ui *ui) {
    /* a screen behind an open dialog leaves Escape (and every other key) to the dialog */
    if (ui->key != SDLK_ESCAPE || (ui->modal && !ui->in_modal)) {
        return false;
    }
    ui->key = 0;
    return true;
}

SDL_Keycode ud_ui_take_key(ud_ui *ui) {
    SDL_Keycode k = ui->key;
    ui->key = 0;
    return k;
}

void ud_ui_fill(ud_ui *ui, SDL_Rect r, SDL_Color c) {
    SDL_SetRenderDrawColor(ui->renderer, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(ui->renderer, &r);
}

void ud_ui_frame(ud_ui *ui, SDL_Rect r, SDL_Color c) {
    SDL_SetRenderDrawColor(ui->renderer, c.r, c.g, c.b, c.a);
    float sx = 1, sy = 1;
    SDL_RenderGetScale(ui->renderer, &sx, &sy);
    if (sx >= 1 && sy >= 1) {
        SDL_RenderDrawRect(ui->renderer, &r);
        return;
    }
    /* on a window smaller than the canvas (1024x600) a one-pixel line covers less than a
     * screen pixel and may vanish: each side is drawn as thick as one screen pixel */
    int tx = sx > 0 ? (int)SDL_ceilf(1.0f / sx) : 1, ty = sy > 0 ? (int)SDL_ceilf(1.0f / sy) : 1;
    tx = tx * 2 > r.w ? (r.w + 1) / 2 : tx;
    ty = ty * 2 > r.h ? (r.h + 1) / 2 : ty;
    SDL_Rect sides[4] = {{r.x, r.y, r.w, ty},
                         {r.x, r.y + r.h - ty, r.w, ty},
                         {r.x, r.y, tx, r.h},
                         {r.x + r.w - tx, r.y, tx, r.h}};
    SDL_RenderFillRects(ui->renderer, sides, 4);
}

int ud_ui_label(ud_ui *ui, const char *s, int x, int y, ud_font_size size, bool bold, SDL_Color c) {
    int w = 0, h = 0;
    char buf[2048];
    s = localised(ui, s, buf, sizeof buf);
    ud_text_draw(ui->text, s, x, y, size, bold, c, 0, &w, &h);
    record(ui, ud_rect(x, y, w, h), -1, s);
    check_fit(ui, ud_rect(x, y, w, h), s, "text");
    return w;
}

static int paragraph(ud_ui *ui, const char *s, int x, int y, int w, ud_font_size size, SDL_Color c,
                     bool verbatim) {
    int tw = 0, th = 0;
    char buf[4096];
    s = verbatim ? s : localised(ui, s, buf, sizeof buf);
    ud_text_draw(ui->text, s, x, y, size, false, c, w, &tw, &th);
    record(ui, ud_rect(x, y, tw, th), -1, s);
    check_fit(ui, ud_rect(x, y, tw, th), s, "paragraph");
    return th;
}

int ud_ui_paragraph(ud_ui *ui, const char *s, int x, int y, int w, ud_font_size size, SDL_Color c) {
    return paragraph(ui, s, x, y, w, size, c, false);
}

int ud_ui_paragraph_verbatim(ud_ui *ui, const char *s, int x, int y, int w, ud_font_size size,
                             SDL_Color c) {
    return paragraph(ui, s, x, y, w, size, c, true);
}

bool ud_ui_one_line(ud_ui *ui, const char *text, ud_font_size size, int w, char *out, size_t n) {
    int tw, th;
    snprintf(out, n, "%s", text);
    ud_text_measure(ui->text, out, size, false, 0, &tw, &th);
    if (tw <= w) {
        return false;
    }
    size_t len = strlen(out);
    while (len > 0) {
        do {
            len--; /* back to the start of a character */
        } while (len > 0 && ((unsigned char)out[len] & 0xC0) == 0x80);
        snprintf(out + len, n - len, "…");
        ud_text_measure(ui->text, out, size, false, 0, &tw, &th);
        if (tw <= w) {
            break;
        }
    }
    return true;
}

static bool inside(const ud_ui *ui, SDL_Rect r) {
    return ui->mouse_x >= r.x && ui->mouse_x < r.x + r.w && ui->mouse_y >= r.y &&
           ui->mouse_y < r.y + r.h;
}

bool ud_ui_clicked_in(ud_ui *ui, SDL_Rect r) {
    return ui->clicked && (!ui->modal || ui->in_modal) && inside(ui, r);
}

static bool widget(ud_ui *ui, SDL_Rect r, const char *label, bool on, ud_font_size size) {
    int id = ui->widget_count++;
    char buf[1024];
    label = localised(ui, label, buf, sizeof buf);
    int rec = ui->record_count;
    record(ui, r, id, label);
    bool live = !ui->modal || ui->in_modal;
    bool focused = live && id == ui->focus;
    bool hit = false;
    if (live && ui->clicked && inside(ui, r)) {
        hit = true;
        ui->focus = id;
        ui->clicked = false;
    }
    if (focused && (ui->key == SDLK_RETURN || ui->key == SDLK_KP_ENTER)) {
        hit = true;
        ui->key = 0;
    }
    const ud_palette *p = ui->pal;
    ud_ui_fill(ui, r, on ? p->accent : p->panel_alt);
    ud_ui_frame(ui, r, p->border);
    if (focused) {
        SDL_Rect ring = {r.x - 2, r.y - 2, r.w + 4, r.h + 4};
        ud_ui_frame(ui, ring, p->focus);
        SDL_Rect ring2 = {r.x - 1, r.y - 1, r.w + 2, r.h + 2};
        ud_ui_frame(ui, ring2, p->focus);
    }
    int tw, th;
    size = ui->small_buttons ? UD_FONT_SMALL : size;
    ud_text_measure(ui->text, label, size, false, 0, &tw, &th);
    if (tw > r.w - 8 && size > UD_FONT_SMALL) {
        /* a long label (a longer language, larger text) steps down rather than overflow */
        size = UD_FONT_SMALL;
        ud_text_measure(ui->text, label, size, false, 0, &tw, &th);
    }
    int wrap = 0;
    if (tw > r.w - 8) {
        /* still too long: two lines, if the button is tall enough for them */
        int ww, wh;
        ud_text_measure(ui->text, label, size, false, r.w - 8, &ww, &wh);
        if (wh <= r.h - 2) {
            wrap = r.w - 8;
            tw = ww;
            th = wh;
        }
    }
    if (tw > r.w - 4 && ui->overflow_count < UD_UI_OVERFLOWS) {
        snprintf(ui->overflow[ui->overflow_count++], sizeof ui->overflow[0],
                 "button \"%.80s\" is %d wide in a %d button", label, tw, r.w);
    }
    if (th > r.h && ui->overflow_count < UD_UI_OVERFLOWS) {
        snprintf(ui->overflow[ui->overflow_count++], sizeof ui->overflow[0],
                 "button \"%.80s\" is %d tall in a %d button", label, th, r.h);
    }
    check_fit(ui, r, label, "button");
    if (rec < ui->record_count) {
        ui->records[rec].font = (int)size;
    }
    SDL_Color fg = on ? p->panel : p->text;
    SDL_RenderSetClipRect(ui->renderer, &r);
    ud_text_draw(ui->text, label, r.x + (tw > r.w - 8 ? 4 : (r.w - tw) / 2), r.y + (r.h - th) / 2,
                 size, false, fg, wrap, NULL, NULL);
    SDL_RenderSetClipRect(ui->renderer, NULL);
    if (hit) {
        ui->activated = true;
        ui->acted = true;
        snprintf(ui->acted_label, sizeof ui->acted_label, "%s", label);
    }
    return hit;
}

bool ud_ui_row_fits(ud_ui *ui, const char *const *labels, const int *widths, int n) {
    for (int i = 0; i < n; i++) {
        char buf[1024];
        int tw, th;
        ud_text_measure(ui->text, localised(ui, labels[i], buf, sizeof buf), UD_FONT_NORMAL, false,
                        0, &tw, &th);
        if (tw > widths[i] - 8) {
            return false;
        }
    }
    return true;
}

bool ud_ui_button(ud_ui *ui, SDL_Rect r, const char *label) {
    return widget(ui, r, label, false, UD_FONT_NORMAL);
}

bool ud_ui_danger(ud_ui *ui, SDL_Rect r, const char *label) {
    int first_record = ui->record_count;
    bool hit = widget(ui, r, label, false, UD_FONT_NORMAL);
    if (first_record < ui->record_count) {
        ui->records[first_record].danger = true;
    }
    return hit;
}

bool ud_ui_toggle(ud_ui *ui, SDL_Rect r, const char *label, bool on) {
    return widget(ui, r, label, on, UD_FONT_NORMAL);
}

void ud_ui_circle(ud_ui *ui, int cx, int cy, int radius, SDL_Color c) {
    SDL_SetRenderDrawColor(ui->renderer, c.r, c.g, c.b, c.a);
    for (int dy = -radius; dy <= radius; dy++) {
        int dx = 0;
        while ((dx + 1) * (dx + 1) + dy * dy <= radius * radius) {
            dx++;
        }
        SDL_RenderDrawLine(ui->renderer, cx - dx, cy + dy, cx + dx, cy + dy);
    }
}

void ud_ui_hint(ud_ui *ui, SDL_Rect r, const char *text) {
    if (ui->hint_count < UD_UI_HINTS) {
        ui->hint_rect[ui->hint_count] = r;
        snprintf(ui->hint_text[ui->hint_count], sizeof ui->hint_text[0], "%s", text);
        ui->hint_count++;
    }
}

static int hint_at(const ud_ui *ui, int x, int y) {
    for (int i = ui->hint_count - 1; i >= 0; i--) {
        SDL_Rect r = ui->hint_rect[i];
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) {
            return i;
        }
    }
    return -1;
}

bool ud_ui_hover(ud_ui *ui, int x, int y) {
    ui->hover_x = x;
    ui->hover_y = y;
    int h = hint_at(ui, x, y);
    bool changed = h != ui->hovered;
    ui->hovered = h;
    return changed;
}

void ud_ui_draw_hint(ud_ui *ui) {
    ui->box = ud_rect(0, 0, UD_LOGICAL_W, UD_LOGICAL_H);
    int h = ui->modal ? -1 : hint_at(ui, ui->hover_x, ui->hover_y);
    ui->hovered = h;
    if (h < 0) {
        return;
    }
    int w, th;
    ud_text_measure(ui->text, ui->hint_text[h], UD_FONT_SMALL, false, 420, &w, &th);
    int x = ui->hover_x + 14, y = ui->hover_y + 18;
    if (x + w + 16 > UD_LOGICAL_W) {
        x = UD_LOGICAL_W - w - 16;
    }
    if (y + th + 12 > UD_LOGICAL_H) {
        y = ui->hover_y - th - 16;
    }
    SDL_Rect box = {x, y, w + 16, th + 12};
    ud_ui_fill(ui, box, ui->pal->text);
    ud_ui_paragraph(ui, ui->hint_text[h], x + 8, y + 6, 420, UD_FONT_SMALL, ui->pal->panel);
}

bool ud_ui_text_field(ud_ui *ui, SDL_Rect r, char *buf, size_t size, const char *placeholder) {
    int id = ui->widget_count++;
    record(ui, r, id, buf);
    bool live = !ui->modal || ui->in_modal;
    if (live && ui->clicked && inside(ui, r)) {
        ui->focus = id;
        ui->clicked = false;
    }
    bool focused = live && id == ui->focus, entered = false;
    if (focused) {
        size_t n = strlen(buf), add = strlen(ui->typed);
        if (add > 0 && n + add < size) {
            memcpy(buf + n, ui->typed, add + 1);
            ui->activated = true;
        }
        ui->typed[0] = '\0';
        if (ui->key == SDLK_BACKSPACE && n > 0) {
            /* remove one UTF-8 character: its continuation bytes, then its first byte */
            while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80) {
                n--;
            }
            buf[n > 0 ? n - 1 : 0] = '\0';
            ui->key = 0;
            ui->activated = true;
        } else if (ui->key == SDLK_RETURN || ui->key == SDLK_KP_ENTER) {
            ui->key = 0;
            entered = true;
        }
    }
    const ud_palette *p = ui->pal;
    ud_ui_fill(ui, r, p->panel);
    ud_ui_frame(ui, r, focused ? p->focus : p->border);
    if (focused) {
        SDL_Rect ring = {r.x - 1, r.y - 1, r.w + 2, r.h + 2};
        ud_ui_frame(ui, ring, p->focus);
    }
    SDL_RenderSetClipRect(ui->renderer, &r);
    int tw = 0, th = 0;
    const char *shown = buf[0] != '\0' ? buf : placeholder;
    ud_text_measure(ui->text, shown[0] ? shown : " ", UD_FONT_NORMAL, false, 0, &tw, &th);
    ud_text_draw(ui->text, shown, r.x + 8, r.y + (r.h - th) / 2, UD_FONT_NORMAL, false,
                 buf[0] != '\0' ? p->text : p->text_dim, 0, NULL, NULL);
    if (focused) {
        int cx = r.x + 8 + (buf[0] != '\0' ? tw : 0) + 1;
        ud_ui_fill(ui, ud_rect(cx, r.y + 6, 2, r.h - 12), p->text);
    }
    SDL_RenderSetClipRect(ui->renderer, NULL);
    return entered;
}
