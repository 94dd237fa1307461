/* The GUI test driver: plays the game as a trainee does, by key presses and clicks fed
 * through the same event path as the window's, drawing a frame after each one, and reads
 * back what the screens show so that tests compare state, not only pixels. Every GUI test
 * uses it; it runs under SDL's dummy video driver with the software renderer. */
#ifndef UD_TEST_GUI_DRIVER_H
#define UD_TEST_GUI_DRIVER_H

#include "app.h"

#include <stdbool.h>

/* Opens the game with no visible window, its saves and settings in `data_dir` (created if
 * missing; NULL: the test build's folder). Fails the test if there is no game. */
ud_app *gd_open(const char *data_dir);
void gd_close(ud_app *app);
/* Writes `text` to the file at path (a test's scenario, strategy or damaged save). */
void gd_write_file(const char *path, const char *text);
/* Sets the language ("en", "fr") and text size, as the settings screen does. */
void gd_settings(ud_app *app, const char *language, bool large_text);

/* One key press (mod: KMOD_* or 0), then a frame drawn, as the window would. */
void gd_key(ud_app *app, SDL_Keycode key, Uint16 mod);
/* Types text (UTF-8) as the keyboard's text input would, then a frame. */
void gd_type(ud_app *app, const char *text);
/* One left click at logical coordinates, then a frame. */
void gd_click(ud_app *app, int x, int y);
/* Clicks the widget whose label is exactly `label` (the last such one drawn, so a dialog's
 * button wins over the screen's beneath it). False, with nothing done, if none was drawn. */
bool gd_click_label(ud_app *app, const char *label);
/* Clicks the last widget drawn whose label starts with `prefix` ("Hire an officer" for
 * "Hire an officer: IDR 2,000,000 once"). False if none. */
bool gd_click_prefix(ud_app *app, const char *prefix);
/* Clicks the first widget labelled `button` drawn after the text `beside` (a stepper's
 * − or + on the row of its field's name). False if there is none. */
bool gd_click_beside(ud_app *app, const char *beside, const char *button);
/* The widget drawn with this label in the last frame: its rectangle and focus number. */
bool gd_find_widget(const ud_app *app, const char *label, SDL_Rect *rect, int *widget);
/* The label of the focused widget in the last frame ("" if none). */
const char *gd_focused_label(const ud_app *app);
/* Whether the focused widget of the last frame is a dangerous one (ud_ui_danger). */
bool gd_focus_on_danger(const ud_app *app);
/* Whether any text or label drawn in the last frame contains `needle`. */
bool gd_shows(const ud_app *app, const char *needle);
/* Whether some text drawn in the last frame is exactly `text`. */
bool gd_shows_exactly(const ud_app *app, const char *text);
/* Collects every text drawn in the last frame into out (one per line); returns its length. */
size_t gd_texts(const ud_app *app, char *out, size_t size);
/* Draws a frame and fails the test if it looks blank; with $UD_GUI_SCREENSHOTS set, saves it
 * there as NN_<name>.bmp. */
void gd_frame(ud_app *app, const char *name);

/* The translation of an English string in the game's current language. */
const char *gd_tr(ud_app *app, const char *english);

/* Shows a panel of the village screen with its number key. */
void gd_tab(ud_app *app, ud_tab tab);
/* Finds a shipped scenario by id ("tutorial", "m2_credit_line"...); -1 if none. */
int gd_scenario_index(const ud_app *app, const char *id);
/* Starts the scenario from its briefing with Enter, as a trainee would; lands on the
 * village screen. */
void gd_start(ud_app *app, const char *scenario_id);
/* Plays one month with Space, closes its summary with Escape, and answers any question
 * with its first option. */
void gd_next_month(ud_app *app);
/* Plays months until the game reaches `month` or ends. */
void gd_play_to(ud_app *app, int month);

/* Everything the screens draw from the game, as text, one fact per line: month and end,
 * every household's map status, the charted series and their marks, the news and each
 * month's events, the scores, and the decision log. Caller frees. */
char *gd_view(ud_app *app);
/* Compares two views; on a difference writes the first differing line of each into why. */
bool gd_view_equal(const char *a, const char *b, char *why, size_t size);

#endif
