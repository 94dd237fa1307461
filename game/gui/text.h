/* Text on screen: SDL2_ttf fonts at the display's real pixel density, rendered once per
 * (string, size, colour, wrap width) and kept in a small cache of textures. */
#ifndef UD_GUI_TEXT_H
#define UD_GUI_TEXT_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>

typedef enum ud_font_size {
    UD_FONT_SMALL = 0,
    UD_FONT_NORMAL,
    UD_FONT_LARGE,
    UD_FONT_TITLE,
    UD_FONT_SIZES
} ud_font_size;

#define UD_TEXT_CACHE 384

typedef struct ud_text_entry {
    uint64_t key;
    SDL_Texture *texture;
    int w, h;          /* in texture pixels */
    unsigned last_use; /* frame counter, for eviction */
} ud_text_entry;

typedef struct ud_text {
    SDL_Renderer *renderer;
    char regular_path[1024], bold_path[1024];
    TTF_Font *fonts[2][UD_FONT_SIZES]; /* [bold][size] */
    float density;                     /* output pixels per logical pixel */
    float text_scale;                  /* the player's text size setting */
    unsigned frame;
    ud_text_entry cache[UD_TEXT_CACHE];
    int renders; /* texture renders so far (cache misses), for tests */
} ud_text;

/* Opens the fonts under assets_dir/fonts. False with a message if they cannot be read. */
bool ud_text_init(ud_text *t, SDL_Renderer *renderer, const char *assets_dir, char *err,
                  size_t err_size);
void ud_text_free(ud_text *t);
/* Call when the window's pixel density or the text size setting changes: fonts reopen. */
void ud_text_set_scale(ud_text *t, float density, float text_scale);
void ud_text_next_frame(ud_text *t);

/* Draws UTF-8 text with its top-left at (x, y) in logical pixels; wrap > 0 wraps lines at
 * that many logical pixels. Returns the logical size drawn (w, h) through the pointers. */
void ud_text_draw(ud_text *t, const char *s, int x, int y, ud_font_size size, bool bold,
                  SDL_Color color, int wrap, int *w, int *h);
/* The logical size the text would take, without drawing it. */
void ud_text_measure(ud_text *t, const char *s, ud_font_size size, bool bold, int wrap, int *w,
                     int *h);
/* The logical height the text would take wrapped at `wrap` logical pixels, at most: from
 * the glyphs' widths alone, without rendering it (so cheap enough for every row of a long
 * list, each frame); a text that wraps is given one line more than its width needs, for
 * the words that do not break where the width would. */
int ud_text_height_at_most(ud_text *t, const char *s, ud_font_size size, bool bold, int wrap);

#endif
