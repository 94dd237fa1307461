/* The game's window: screens, dialogs, settings and saves around one ud_game. */
#ifndef UD_GUI_APP_H
#define UD_GUI_APP_H

#include "history.h"
#include "ud/save.h"
#include "ui.h"
#include "ud/debrief.h"
#include "ud/game.h"

#include <SDL.h>
#include <stdbool.h>

typedef enum ud_screen {
    SCREEN_START = 0,
    SCREEN_BRIEFING,
    SCREEN_PLAY,
    SCREEN_DEBRIEF,
    SCREEN_HELP,
    SCREEN_SETTINGS,
    SCREEN_SLOTS, /* choose a save slot, to save or to load */
    SCREEN_COUNT
} ud_screen;

typedef enum ud_dialog {
    DIALOG_NONE = 0,
    DIALOG_MONTH_END,
    DIALOG_QUESTION,
    DIALOG_HOUSEHOLD,
    DIALOG_MESSAGE,
    DIALOG_CONFIRM, /* a costly or irreversible action, its consequence spelled out */
    DIALOG_GROUP    /* a joint-liability group and its members */
} ud_dialog;

/* What a confirmation does when the trainee says yes. */
typedef enum ud_confirm_action {
    CONFIRM_COMMAND = 0,        /* apply the command */
    CONFIRM_NEXT_MONTH,         /* play the month despite the warning */
    CONFIRM_QUIT,               /* leave the program */
    CONFIRM_SAVE_SLOT,          /* save over another game: slot number command.index (0-based) */
    CONFIRM_RESCHEDULE_HARDSHIP /* reschedule every late loan with a known hardship (command.level
                                   > 0: with a grace period of a third of each new schedule) */
} ud_confirm_action;

typedef struct ud_confirm {
    ud_confirm_action action;
    ud_command command;
    char text[1024]; /* the consequence, in the trainee's language */
    char yes[160];   /* the button that does it; the other one goes back, and has the focus */
    char no[160];
} ud_confirm;

typedef enum ud_tab {
    TAB_DESK = 0,
    TAB_ARREARS,
    TAB_PRODUCTS,
    TAB_STAFF,
    TAB_FUNDING,
    TAB_REPORTS,
    TAB_NEWS,
    TAB_PROBLEMS,
    TAB_COUNT
} ud_tab;

typedef struct ud_settings {
    char language[8];
    bool large_text, fullscreen, colour_blind;
    bool no_hints; /* the "what now?" line and guided steps are switched off */
} ud_settings;

#define UD_MAX_SCENARIOS 256

#define UD_SLOTS 5

typedef struct ud_app_options {
    const char *assets_dir; /* NULL: the build's assets folder */
    const char *data_dir;   /* NULL: SDL_GetPrefPath, or $UNITDESA_DATA_DIR */
    const char *scenario;   /* start on this scenario's briefing (NULL: start screen) */
    bool software;          /* force the software renderer */
    bool hidden;            /* no visible window (tests, benchmarks) */
    const char *team;       /* the team's name offered on the briefing (NULL: $UNITDESA_TEAM) */
    const char *language;   /* a known language code, kept as the setting (NULL: the setting) */
} ud_app_options;

typedef struct ud_app {
    char assets[1024], data_dir[1024];
    SDL_Window *window;
    SDL_Renderer *renderer;
    bool software_renderer;
    ud_text text;
    ud_i18n i18n;
    ud_ui ui;
    ud_settings settings;
    ud_screen screen, back_to;
    ud_screen drawn_screen; /* the screen of the last frame: focus resets when it changes */
    ud_dialog dialog;
    ud_tab tab;
    bool saving; /* SCREEN_SLOTS: saving (else loading) */
    ud_game *game;
    ud_history history;    /* the game's past, as drawn */
    ud_history *recording; /* while a save replays: where its months are recorded */
    ud_indicators before;  /* indicators before the month just played */
    ud_rate savings_rate;  /* as last set (the engine keeps it; this is for display) */
    int selected_household;
    bool desk_refocus;    /* after "Approve all still pending": focus the first row, not a rule */
    bool told_group_wait; /* "still waiting for their group" said once a session */
    bool question_armed;  /* the open question's options take Enter (once the focus was moved) */
    int question_focus;   /* the focus as the question opened */
    int question_shown;   /* the question those two are about */
    int page;             /* paging within a panel or list */
    int products_page;    /* the product last shown: the Products tab opens on it again */
    int pending_question; /* id of the question shown, 0 none */
#define UD_NEWS_PAGES 256
    int news_page_start[UD_NEWS_PAGES]; /* first item of each news page reached so far */
    int news_pages_known;
    unsigned news_signature; /* the feed the starts were laid out for */
    char message[4096];
    ud_confirm confirm;
    char team[64];             /* the team's name, asked on the briefing, kept beside each save */
    char autosave_error[1024]; /* why the last autosave failed, or "" */
    char settings_error[1200]; /* why the settings could not be written, or "" */
    int scenario_count;
    char scenario_paths[UD_MAX_SCENARIOS][1024];
    int scenario_origin[UD_MAX_SCENARIOS]; /* ud_scenario_origin: shipped, own, a folder */
    /* scenarios found but not opened (a trainer's file with an error): left out of the list,
     * and said on the start screen with the first one's message */
    int broken_count;
    char broken_first[600];
    ud_scenario_info *infos; /* one per scenario */
    char team_default[64];   /* offered on the briefing: --team or $UNITDESA_TEAM, or "", then the
                              * name the last game of this session was started with */
    int briefing_scroll;     /* how far a briefing too long for its screen is scrolled */
    int briefing_height;     /* the height its texts took when last drawn */
    char result_path[1100];  /* the team's last result file, or "" */
    /* the result files this game wrote (it may replace them; never another game's) */
    char result_written[16][1100];
    int result_written_count;
    int start_selected;
    int start_first; /* the first scenario shown in the start screen's list */
    /* the guided steps: what the screen showed when last observed (to report changes) */
    int guide_seen_step;
    ud_screen guide_seen_screen;
    ud_dialog guide_seen_dialog;
    ud_tab guide_seen_tab;
    int selected_group;
    ud_dialog card_return;  /* the dialog a household's card goes back to when closed */
    ud_dialog dialog_drawn; /* the dialog open in the last frame (DIALOG_NONE if none) */
    /* a dialog of the village left open when F1, Ctrl+S or Ctrl+L took the trainee to another
     * screen: it comes back with the village (the save screen has dialogs of its own) */
    ud_dialog stashed_dialog;
    int current_tab_widget; /* the widget of the open tab's toggle in the last frame, or -1 */
    int focus_under_dialog; /* the screen's focus when a dialog opened, given back on close */
    char focus_under_dialog_label[256];  /* that widget's label then ("" if none) */
    ud_screen focus_under_dialog_screen; /* and the screen it was on */
    bool focus_under_dialog_danger;      /* and whether it was a dangerous button */
    /* the debrief's replays, run once when the debrief of a finished game is first shown */
    ud_debrief debrief;
    bool debrief_ready;
    char debrief_error[512];
    int debrief_page, debrief_scroll, what_if_month;
    /* the decision the Every decision page opens at (its page), -1 for where it was */
    int debrief_log_opens_at;
    int debrief_top; /* where the lessons may start, below the scores' parts */
    bool quit;
    bool dirty;      /* draw again: something changed */
    unsigned frames; /* frames drawn */
} ud_app;

/* Writes the team's result file for the class report into <data folder>/results/ and
 * says where (or why not) in a message. */
bool ud_app_write_result(ud_app *app);

/* Creates the window (software renderer as a fallback, with a note in the log), fonts,
 * translations and settings. NULL with a one-line reason in err if there is no display. */
ud_app *ud_app_create(const ud_app_options *options, char *err, size_t err_size);
void ud_app_destroy(ud_app *app);

/* Feeds one SDL event to the app (keys, mouse, window changes). */
void ud_app_event(ud_app *app, const SDL_Event *e);
/* Describes and draws the current screen once (and again if the first pass acted). */
void ud_app_draw(ud_app *app);
/* Runs until the player quits, waiting (without using the CPU) between events. */
void ud_app_run(ud_app *app);

/* Actions shared by clicks, keys and tests. */
bool ud_app_start_scenario(ud_app *app, const char *path);
void ud_app_next_month(ud_app *app);
bool ud_app_command(ud_app *app, const ud_command *cmd);
bool ud_app_save(ud_app *app, const char *slot);
bool ud_app_load(ud_app *app, const char *slot);
void ud_app_show_message(ud_app *app, const char *text);
/* Asks before doing something costly or irreversible: `text` spells out the consequence,
 * `yes` names the action (NULL: "Confirm"), `cmd` is applied if the trainee confirms
 * (NULL with action CONFIRM_NEXT_MONTH: the month is played). */
void ud_app_confirm(ud_app *app, const char *text, const char *yes, ud_confirm_action action,
                    const ud_command *cmd);
/* Writes the game on screen, with the decisions of its open month, to the autosave slot
 * (and its team beside it); false, with the reason in app->autosave_error, if it failed or
 * there is no game. */
bool ud_app_autosave(ud_app *app);
/* Plays the month without the warnings of ud_app_next_month (after they were confirmed). */
void ud_app_play_month(ud_app *app);
void ud_app_apply_settings(ud_app *app);
void ud_app_slot_path(const ud_app *app, const char *slot, char *out, size_t size);
/* Writes the team's name beside a slot's save (read back when the slot is loaded). */
void ud_app_write_team(const ud_app *app, const char *slot);
/* What a save slot holds, for the slot list: false if it is empty or unreadable. `when` is
 * the local date and time it was written ("2026-11-23 14:05"), `team` the team's name. */
bool ud_app_slot_info(const ud_app *app, const char *slot, ud_save_info *info, char *team,
                      size_t team_size, char *when, size_t when_size);

/* The share of officer time on arrears follow-up now (the scenario's, or as last set). */
double ud_app_follow_up(ud_app *app);

/* Screens, one file each (screen_*.c); the village screen's parts (play_*.c); the panel
 * area (panel.c, which picks one of panel_*.c, see panels.h); the dialogs (dialog.c, which
 * picks one of dialog_*.c, see dialogs.h). */
void ud_screen_start(ud_app *app);
void ud_screen_briefing(ud_app *app);
void ud_screen_play(ud_app *app);
void ud_screen_debrief(ud_app *app);
/* The name the debrief gives a figure it judges a game on ("Adjusted PAR30 (with the year's
 * write-offs)"), in the game's language; the figure's own name if it has none. */
const char *ud_judged_figure_title(const ud_ui *ui, const char *indicator);
void ud_screen_help(ud_app *app);
void ud_screen_settings(ud_app *app);
void ud_screen_slots(ud_app *app);
void ud_play_top_bar(ud_app *app);
void ud_play_map(ud_app *app, SDL_Rect area);
/* The guided step or "what now?" hint in `area`, with the step's target outlined (the
 * screen's parts found by their labels), and the reports of what the trainee did. */
void ud_play_guide(ud_app *app, SDL_Rect area);
/* After each frame: tells the game's guide what the trainee opened or closed since the last
 * frame (a panel, the glossary, a household's card, the month's summary, the debrief).
 * True if a step was completed. */
bool ud_guide_observe(ud_app *app);
/* Whether the village screen shows the guide/hint box (then the map is shorter). */
bool ud_guide_visible(const ud_app *app);
/* The debrief's replays for the current game, run on first use (NULL if they failed). */
const ud_debrief *ud_app_debrief(ud_app *app);
/* Forgets the replays (a new or reloaded game). */
void ud_app_forget_debrief(ud_app *app);
/* What if: starts the current game again from month `month` with the decisions taken before
 * it, saved in a new slot. */
bool ud_app_what_if(ud_app *app, int month);

/* What a household's dot on the map says (its colour). */
typedef enum ud_map_status {
    MAP_NOT_CLIENT = 0,
    MAP_CLIENT,
    MAP_ARREARS,
    MAP_DEFAULTED,
    MAP_OUT_OF_POVERTY, /* poor when the game started, not poor now */
    MAP_STATUS_COUNT
} ud_map_status;
ud_map_status ud_map_household_status(ud_app *app, int household);
void ud_panel(ud_app *app, SDL_Rect area);
void ud_dialogs(ud_app *app);

/* Sentences about a month (month_text.c), in the trainee's language: its counted events one
 * per line (returns how many), its one-line digest for the news, and what its audit found
 * (false if there was none). */
int ud_month_lines(ud_app *app, int month, char lines[][160], int max);
void ud_month_digest(ud_app *app, int month, char *out, size_t size);
bool ud_month_audit_text(ud_app *app, int month, char *out, size_t size);

/* Drawing helpers shared by screens (draw.c). */
void ud_money_text(const ud_app *app, ud_money v, char *out, size_t size);
void ud_chart(ud_app *app, SDL_Rect r, const char *indicator, const char *title, bool percent);
/* The first month a chart of `indicator` draws when `months` have been played (1, or 6 for
 * subsidy dependence once half a year is played: its first months are off any scale). */
int ud_chart_first_month(const char *indicator, int months);
/* The one-line meaning, with its unit, of an indicator by its CSV name (tooltips, help). */
const char *ud_indicator_meaning(const ud_ui *ui, const char *indicator);
/* The window of the flow ratios now: "over the last 12 months" or "over the 5 months so
 * far" (they are annualised over it). */
void ud_window_text(ud_app *app, char *out, size_t size);
/* Whether the charts mark month m: a shock began, an offer came, a political event, fraud. */
bool ud_chart_marks_month(const ud_app *app, int month);
const char *ud_scenario_text(const ud_app *app, const char *english);

#endif
