/* Fonts and the text texture cache. */
#define _POSIX_C_SOURCE 200809L /* stat */
#include "text.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const int base_points[UD_FONT_SIZES] = {13, 15, 19, 28};

bool ud_text_init(ud_text *t, SDL_Renderer *renderer, const char *assets_dir, char *err,
                  size_t err_size) {
    memset(t, 0, sizeof *t);
    t->renderer = renderer;
    t->density = 1.0f;
    t->text_scale = 1.0f;
    snprintf(t->regular_path, sizeof t->regular_path, "%s/fonts/DejaVuSans.ttf", assets_dir);
    snprintf(t->bold_path, sizeof t->bold_path, "%s/fonts/DejaVuSans-Bold.ttf", assets_dir);
    if (TTF_Init() != 0) {
        snprintf(err, err_size, "cannot start the font engine: %s", TTF_GetError());
        return false;
    }
    /* SDL opens the font with a blocking open: a FIFO in its place would hang the start */
    const char *paths[2] = {t->regular_path, t->bold_path};
    for (int i = 0; i < 2; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && !S_ISREG(st.st_mode)) {
            snprintf(err, err_size, "cannot open the font %s: not a regular file", paths[i]);
            return false;
        }
    }
    TTF_Font *probe = TTF_OpenFont(t->regular_path, 12);
    if (probe == NULL) {
        snprintf(err, err_size, "cannot open the font %s: %s", t->regular_path, TTF_GetError());
        return false;
    }
    TTF_CloseFont(probe);
    return true;
}

static void drop_cache(ud_text *t) {
    for (int i = 0; i < UD_TEXT_CACHE; i++) {
        if (t->cache[i].texture != NULL) {
            SDL_DestroyTexture(t->cache[i].texture);
        }
        memset(&t->cache[i], 0, sizeof t->cache[i]);
    }
}

static void close_fonts(ud_text *t) {
    for (int b = 0; b < 2; b++) {
        for (int s = 0; s < UD_FONT_SIZES; s++) {
            if (t->fonts[b][s] != NULL) {
                TTF_CloseFont(t->fonts[b][s]);
                t->fonts[b][s] = NULL;
            }
        }
    }
}

void ud_text_free(ud_text *t) {
    drop_cache(t);
    close_fonts(t);
    TTF_Quit();
}

void ud_text_set_scale(ud_text *t, float density, float text_scale) {
    if (density == t->density && text_scale == t->text_scale) {
        return;
    }
    t->density = density;
    t->text_scale = text_scale;
    drop_cache(t);
    close_fonts(t);
}

void ud_text_next_frame(ud_text *t) {
    t->frame++;
}

static TTF_Font *font(ud_text *t, ud_font_size size, bool bold) {
    TTF_Font **f = &t->fonts[bold ? 1 : 0][size];
    if (*f == NULL) {
        int points = (int)(base_points[size] * t->text_scale * t->density + 0.5f);
        *f = TTF_OpenFont(bold ? t->bold_path : t->regular_path, points);
    }
    return *f;
}

static uint64_t key_of(const char *s, ud_font_size size, bool bold, SDL_Color c, int wrap) {
    uint64_t h = UINT64_C(14695981039346656037);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h = (h ^ *p) * UINT64_C(1099511628211);
    }
    uint64_t extra = ((uint64_t)size << 56) ^ ((uint64_t)bold << 55) ^ ((uint64_t)wrap << 32) ^
                     ((uint64_t)c.r << 24) ^ ((uint64_t)c.g << 16) ^ ((uint64_t)c.b << 8) ^ c.a;
    return (h ^ extra) * UINT64_C(1099511628211);
}

/* The cached texture for the text, rendering it on a miss. NULL for empty text. */
static ud_text_entry *entry(ud_text *t, const char *s, ud_font_size size, bool bold,
                            SDL_Color color, int wrap) {
    if (s == NULL || s[0] == '\0') {
        return NULL;
    }
    uint64_t key = key_of(s, size, bold, color, wrap);
    int slot = (int)(key % UD_TEXT_CACHE), oldest = slot;
    for (int probe = 0; probe < 8; probe++) {
        int i = (slot + probe) % UD_TEXT_CACHE;
        ud_text_entry *e = &t->cache[i];
        if (e->texture != NULL && e->key == key) {
            e->last_use = t->frame;
            return e;
        }
        if (e->texture == NULL || e->last_use < t->cache[oldest].last_use) {
            oldest = i;
        }
    }
    TTF_Font *f = font(t, size, bold);
    if (f == NULL) {
        return NULL;
    }
    SDL_Surface *surface =
        wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(f, s, color, (Uint32)(wrap * t->density))
                 : TTF_RenderUTF8_Blended(f, s, color);
    if (surface == NULL) {
        return NULL;
    }
    ud_text_entry *e = &t->cache[oldest];
    if (e->texture != NULL) {
        SDL_DestroyTexture(e->texture);
    }
    e->texture = SDL_CreateTextureFromSurface(t->renderer, surface);
    if (e->texture != NULL) {
        /* The logical canvas is scaled to the window: when the scale is not 1 a texel can
         * fall between pixels, and nearest sampling would drop the thin stroke of a minus
         * sign or an "e" outright. Linear sampling keeps every stroke. */
        SDL_SetTextureScaleMode(e->texture, SDL_ScaleModeLinear);
    }
    e->w = surface->w;
    e->h = surface->h;
    e->key = key;
    e->last_use = t->frame;
    SDL_FreeSurface(surface);
    t->renders++;
    return e->texture != NULL ? e : NULL;
}

void ud_text_draw(ud_text *t, const char *s, int x, int y, ud_font_size size, bool bold,
                  SDL_Color color, int wrap, int *w, int *h) {
    ud_text_entry *e = entry(t, s, size, bold, color, wrap);
    int lw = 0, lh = 0;
    if (e != NULL) {
        lw = (int)(e->w / t->density + 0.5f);
        lh = (int)(e->h / t->density + 0.5f);
        SDL_Rect dst = {x, y, lw, lh};
        SDL_RenderCopy(t->renderer, e->texture, NULL, &dst);
    }
    if (w) {
        *w = lw;
    }
    if (h) {
        *h = lh;
    }
}

int ud_text_height_at_most(ud_text *t, const char *s, ud_font_size size, bool bold, int wrap) {
    TTF_Font *f = font(t, size, bold);
    int w = 0, h = 0;
    if (f == NULL || s == NULL || s[0] == '\0' || TTF_SizeUTF8(f, s, &w, &h) != 0) {
        return 0;
    }
    int width = (int)(w / t->density + 0.5f), skip = (int)(TTF_FontLineSkip(f) / t->density + 0.5f);
    int lines = wrap <= 0 || width <= wrap ? 1 : (width + wrap - 1) / wrap + 1;
    return lines * skip;
}

void ud_text_measure(ud_text *t, const char *s, ud_font_size size, bool bold, int wrap, int *w,
                     int *h) {
    SDL_Color any = {0, 0, 0, 255};
    ud_text_entry *e = entry(t, s, size, bold, any, wrap);
    *w = e ? (int)(e->w / t->density + 0.5f) : 0;
    *h = e ? (int)(e->h / t->density + 0.5f) : 0;
}
