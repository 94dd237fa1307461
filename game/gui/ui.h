/* A small immediate-mode toolkit: every frame the screen is described anew, widgets report
 * a click or an Enter on the focused one, and Tab / arrows move the focus. Coordinates are
 * logical pixels of the 1280x720 canvas. */
#ifndef UD_GUI_UI_H
#define UD_GUI_UI_H

#include "i18n.h"
#include "text.h"

#include <SDL.h>
#include <stdbool.h>

#define UD_LOGICAL_W 1280
#define UD_LOGICAL_H 720

typedef struct ud_palette {
    SDL_Color background, panel, panel_alt, border, text, text_dim, accent, focus;
    SDL_Color good, watch, bad;                                       /* traffic lights */
    SDL_Color not_client, client, arrears, defaulted, out_of_poverty; /* households */
    SDL_Color reference; /* the reference strategy's line: apart from the trainee's and goals' */
} ud_palette;

/* The normal palette and one safe for colour-blind players (Okabe-Ito colours). */
const ud_palette *ud_palette_get(bool colour_blind);

/* What one frame drew, kept so that tests can find a button by its label and check what
 * the trainee was shown (text is cut at the record's size). */
#define UD_UI_RECORDS 512
typedef struct ud_ui_record {
    SDL_Rect rect;
    int widget;  /* focus number of a widget, -1 for text */
    bool danger; /* a widget whose action cannot be undone or costs (see ud_ui_danger) */
    int font;    /* the size a widget's label was drawn at (ud_font_size), -1 for text */
    char text[256];
} ud_ui_record;

/* ud_ui.focus when no widget has the focus (records of text use -1) */
#define UD_UI_NO_FOCUS (-2)

typedef struct ud_ui {
    SDL_Renderer *renderer;
    ud_text *text;
    ud_i18n *i18n;
    const ud_palette *pal;
    /* input gathered since the last frame */
    int mouse_x, mouse_y;
    bool clicked;
    SDL_Keycode key;
    Uint16 mod;
    /* focus: widgets are numbered in the order they are described */
    int focus, widget_count, last_widget_count;
    int focus_at_begin; /* the focus as the frame began: a screen that moves it has chosen */
    bool activated;     /* a widget acted this frame: the screen must be drawn again */
    bool modal;         /* a dialog is open: only widgets marked in it react */
    bool in_modal;
    /* after an action or a dialog, the focus must not rest on a dangerous widget */
    bool settle_focus;
    bool acted;            /* a widget was pressed this frame (focus moves do not count) */
    char acted_label[256]; /* its label: if another widget takes its place in the next frame
                              (the button went away), the focus leaves it for none */
    /* the screen turns pages with Left / Right: the next frame leaves those keys to it
     * instead of moving the focus (set by the screen in each frame it wants them) */
    bool arrows_turn_pages;
    /* buttons drawn with the small font, so that a row whose longest label needs it keeps
     * one size on every button (see ud_ui_row_fits) */
    bool small_buttons;
    /* hover hints: the regions of the last frame with a one-line meaning, and the one under
     * the mouse (-1 none), drawn as a tooltip at the end of the frame */
#define UD_UI_HINTS 48
    SDL_Rect hint_rect[UD_UI_HINTS];
    char hint_text[UD_UI_HINTS][640]; /* a chart's meaning and how to read it run past 200 */
    int hint_count, hovered;
    int hover_x, hover_y; /* where the mouse rests (not a click) */
    char typed[64];       /* text typed since the last frame (SDL text input, UTF-8) */
    /* the box text must stay inside (a panel, a dialog), and the texts of this frame that
     * did not fit their box, their button or the clip rectangle (for the layout test) */
    SDL_Rect box;
    bool scrolling; /* drawing a scrolled area: text its clip hides is reached by scrolling */
#define UD_UI_OVERFLOWS 16
    char overflow[UD_UI_OVERFLOWS][200];
    int overflow_count;
    /* the frame being described: widgets and text, in order */
    ud_ui_record records[UD_UI_RECORDS];
    int record_count;
} ud_ui;

/* A rectangle in logical pixels. */
static inline SDL_Rect ud_rect(int x, int y, int w, int h) {
    SDL_Rect r = {x, y, w, h};
    return r;
}

/* Shorthand for the one translation lookup. */
#define TR(ui, s) ud_tr((ui)->i18n, (s))
/* The translated singular or plural form for the count n. */
#define TRN(ui, n, one, many) ud_trn((ui)->i18n, (n), (one), (many))

void ud_ui_begin(ud_ui *ui);
void ud_ui_end(ud_ui *ui);
/* The key pressed this frame, consumed (0 if none or already taken). */
/* Escape pressed for this screen or dialog: true (and the key is used) unless a dialog is open
 * over the screen asking (then the dialog has it). Other keys are left alone. */
bool ud_ui_take_escape(ud_ui *ui);
SDL_Keycode ud_ui_take_key(ud_ui *ui);

void ud_ui_fill(ud_ui *ui, SDL_Rect r, SDL_Color c);
void ud_ui_frame(ud_ui *ui, SDL_Rect r, SDL_Color c);
int ud_ui_label(ud_ui *ui, const char *s, int x, int y, ud_font_size size, bool bold, SDL_Color c);
/* Wrapped text in a box of width w; returns the height used. */
int ud_ui_paragraph(ud_ui *ui, const char *s, int x, int y, int w, ud_font_size size, SDL_Color c);
/* The same, drawn exactly as given: no number or punctuation is localised (a quoted line of
 * a script, whose "0.6" must stay "0.6" in every language). */
int ud_ui_paragraph_verbatim(ud_ui *ui, const char *s, int x, int y, int w, ud_font_size size,
                             SDL_Color c);

/* `text` cut to one line of width w at the given size, with "…" at the cut (whole characters
 * only), into out; false if it fits whole (out is then the text). */
bool ud_ui_one_line(ud_ui *ui, const char *text, ud_font_size size, int w, char *out, size_t n);

/* Whether every label of a row of buttons fits its button (widths[i]) at the normal size.
 * A row that does not is drawn with small_buttons set, so that its labels keep one size
 * rather than each shrinking on its own. */
bool ud_ui_row_fits(ud_ui *ui, const char *const *labels, const int *widths, int n);

/* A focusable button: true when clicked, or when focused and Enter is pressed. */
bool ud_ui_button(ud_ui *ui, SDL_Rect r, const char *label);
/* A button whose action cannot be undone or costs money (Next month, Dismiss, Write off...):
 * the same as ud_ui_button, but after any action or dialog the focus moves off it, so an
 * Enter pressed out of habit never triggers it. Only Tab, the arrows or a click reach it. */
bool ud_ui_danger(ud_ui *ui, SDL_Rect r, const char *label);
/* A button that looks pressed when `on` (tabs and toggles). */
bool ud_ui_toggle(ud_ui *ui, SDL_Rect r, const char *label, bool on);
/* A one-line text field editing buf (UTF-8, at most size - 1 bytes): focusable like a
 * button; while focused, typed text is appended and Backspace removes a character. Shows
 * `placeholder` dimmed when empty. True when Enter is pressed in it. */
bool ud_ui_text_field(ud_ui *ui, SDL_Rect r, char *buf, size_t size, const char *placeholder);
/* True if the mouse clicked inside r this frame (for map picks; not focusable). */
bool ud_ui_clicked_in(ud_ui *ui, SDL_Rect r);

/* Gives region r a one-line meaning, shown as a tooltip while the mouse rests on it. */
void ud_ui_hint(ud_ui *ui, SDL_Rect r, const char *text);
/* The mouse moved to (x, y): true if the tooltip to show changes (draw again). */
bool ud_ui_hover(ud_ui *ui, int x, int y);
/* Draws the tooltip of the hovered region, if any (call last in a frame). */
void ud_ui_draw_hint(ud_ui *ui);

/* Sets the box that text drawn from now on must fit in; returns the previous one, to be
 * set back with ud_ui_set_box when the container is done. */
SDL_Rect ud_ui_set_box(ud_ui *ui, SDL_Rect box);
/* Clips drawing to r (NULL: no clip). Text cut by the clip counts as overflowing. */
void ud_ui_clip(ud_ui *ui, const SDL_Rect *r);

/* A filled circle (women's households) and square (men's). */
void ud_ui_circle(ud_ui *ui, int cx, int cy, int radius, SDL_Color c);

#endif
