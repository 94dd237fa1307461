/* The layout of a game, shared by the script layer's modules. */
#ifndef UD_GAME_INTERNAL_H
#define UD_GAME_INTERNAL_H

#include "sandbox.h"
#include "ud/explain.h"
#include "ud/game.h"
#include "ud/people.h"

#include <lauxlib.h>
#include <lua.h>

#define MAX_HANDLERS 128
#define MAX_LISTED 256
#define MAX_LESSONS 32
#define UD_MAX_GAME_MONTHS 240 /* scenario{ months } at most */
#define MAX_PROBLEMS 64
#define MAX_LANGUAGES 16
#define MAX_TRANSLATIONS 5000
#define MAX_TRANSLATED_TEXT 4096 /* bytes, with the end: a briefing's size */
#define MAX_NEWS 2000            /* news lines in one game */
#define MAX_DECISIONS_PER_MONTH 1000
#define HANDLER_STRIKES 3 /* a handler that fails this many times in a row is disabled */

typedef enum handler_kind {
    HANDLER_AT_MONTH,
    HANDLER_EVERY_MONTH,
    HANDLER_WHEN,
    HANDLER_ON,
    HANDLER_ANSWER
} handler_kind;

typedef struct handler {
    handler_kind kind;
    int month;     /* at_month */
    int event;     /* on: ud_event_type */
    int fn;        /* registry reference of the handler */
    int condition; /* when: registry reference of the condition */
    bool repeat;   /* when: fire every time the condition holds (else once) */
    bool fired, disabled;
    int strikes;
    int line;      /* where it was registered, for messages */
    char name[64]; /* how messages name it: "at_month(6)", "on('group_collapsed')" */
} handler;

typedef struct listed_household {
    ud_household_spec spec;
    char name[64];
    char story[UD_TEXT_LEN];
} listed_household;

typedef struct lesson {
    int condition; /* registry reference, or LUA_NOREF for "always" */
    char text[UD_TEXT_LEN];
} lesson;

typedef enum game_phase { PHASE_LOADING, PHASE_PLAYING } game_phase;

struct ud_game {
    ud_game_options options;
    char language[8];
    ud_scenario_info info;
    game_phase phase;
    bool declared_scenario, declared_village, declared_mfi;
    int village_line, mfi_line, product_lines[UD_MAX_PRODUCTS]; /* for set-up errors */
    int product_count_declared;
    ud_setup setup;
    ud_sandbox *scenario;
    ud_sandbox *strategy; /* NULL: the default strategy */
    ud_sim *sim;
    int months;
    int current_month;   /* the month being played (news and questions are stamped with it) */
    int32_t *name_rank;  /* each household's place among those of its gender: its name */
    int events_of_month; /* events the last month played left; later ones (an answer given
                            between months) belong to the next month */
    ud_game_end end;

    handler handlers[MAX_HANDLERS];
    int handler_count;
    listed_household listed[MAX_LISTED];
    int listed_count;
    lesson lessons[MAX_LESSONS];
    int lesson_count;
    bool lessons_judged;  /* once the game is over, the conditions are run only once */
    uint32_t lessons_met; /* bit i: lesson i's condition held */
    ud_goal goals[UD_MAX_GOALS];
    int goal_count;
    int language_count, translation_count;
    int decisions_this_month, decisions_month; /* commands and answers taken this month */
    int stage;             /* how far the next month has got: a ud_decision_phase */
    int strategy_strikes;  /* months in a row its decide() hit a limit */
    bool strategy_stopped; /* after HANDLER_STRIKES of them */

    ud_news *news;
    int news_count, news_capacity;
    int offer_news[UD_MAX_OFFERS]; /* the news item that put each offer, + 1 (0: none) */
    ud_question questions[64];
    int question_handlers[64]; /* registry refs of the answer handlers */
    bool answering;            /* an answer handler is running: it may not ask */
    int question_count;
    char *problems[MAX_PROBLEMS];
    int problem_count;
    char *warnings[MAX_PROBLEMS]; /* doubtful but legal declarations, for `check` */
    int warning_count;
    ud_decision *decisions;
    int decision_count, decision_capacity;
    /* names: a built-in region's list, or the scenario's own (strings in name_pool) */
    ud_name_list names;
    const char *custom_names[3][64]; /* women, men, families */
    char name_pool[8192];
    size_t name_pool_used;
    int8_t shock_kind[UD_MAX_SHOCKS]; /* the scenario's kind of each shock (api_events.c) */
    ud_guide_step guide[UD_MAX_GUIDE_STEPS];
    int guide_count, guide_step, guide_progress;
    /* the steps done at the end of each month played (screen actions are not decisions, so a
     * replay cannot redo them: a save carries them, and a replay judges with them) */
    uint8_t guide_steps_at[UD_MAX_GAME_MONTHS + 1];
    int guide_history; /* months of guide_steps_at given by a save being replayed (0: none) */
    bool no_shocks;    /* a counterfactual replay: the scenario's shock{} calls do nothing */
    ud_month_explanation *explanations; /* [m] explains month m (1..); grown as months pass */
    int explanation_capacity;
};

/* Runs the next month up to `stage` (a ud_decision_phase) and no further: a replay applies
 * the decisions taken at that point, then plays on. */
void game_month_stage(ud_game *g, int stage);
/* The guide's steps done at the end of month `month` (now, for the month being played). */
int game_guide_steps_at(const ud_game *g, int month);

/* The game a Lua state belongs to. */
ud_game *game_of(lua_State *L);

/* Records a script problem (copied) and, if it names a handler, counts a strike. */
void game_problem(ud_game *game, const char *text);
/* Ends the game (UD_END_HALTED) once one of its scripts was stopped by the processor-time
 * backstop; true if it is halted. */
bool game_check_halt(ud_game *g);
void game_add_news(ud_game *game, const char *text);
/* Warnings about amounts out of proportion to the village's incomes (after set-up). */
void game_plausibility(ud_game *game);
/* Records a warning about the scenario ("file:line: warning: ..."), at the caller's line. */
void game_warning(lua_State *L, const char *fmt, ...);
/* A news line from a template with %d / %s placeholders and their values as text. */
void game_add_news_values(ud_game *game, const char *key, int argc, const char *const *args);

/* Registers the scenario API (declarations, events, actions, views) in the scenario state,
 * and the strategy API (views and commands) in a strategy state. */
void api_register_scenario(lua_State *L);
void api_register_strategy(lua_State *L);
void api_register_views(lua_State *L);
/* guide{}, registered by api_register_scenario. */
void api_register_guide(lua_State *L);
/* Counts an applied command towards the current guided step (before: the product it
 * changes, as it was, for set_product; else NULL). */
void game_guide_command(ud_game *game, const ud_command *cmd, const ud_product *before);

/* The declarations (scenario{}, village{}...), registered by api_register_scenario. */
void api_register_setup(lua_State *L);
/* In a scenario's sandbox, each strategy command's name raises an error that says commands
 * are for strategies and the trainee, and what a scenario uses instead. */
void api_register_scenario_command_hints(lua_State *L);
/* Reads a product{} or a credit policy table over *p, keeping what the table leaves out.
 * `declaring`: the scenario's product{}, which alone may say whom a product is for (women);
 * set_product may repeat it, not change it. */
void api_read_product(lua_State *L, int idx, ud_product *p, const char *what, bool declaring);
void api_read_policy(lua_State *L, int idx, ud_credit_policy *p, const char *what);

/* Helpers for reading declaration tables with key checks and ranges. Each raises a Lua
 * error naming the declaration and the key, at the author's line. */
void api_check_keys(lua_State *L, int idx, const char *what, const char *const *allowed);
/* Whether `key = ...` is written in the calling script's declaration (from the call's line to
 * the next top-level statement): a key that reads as nil but was written, such as
 * `when = mem.flag` while mem.flag is still nil, is a mistake to report. */
bool api_key_written(lua_State *L, const char *key);
lua_Number api_number(lua_State *L, int idx, const char *what, const char *key, lua_Number def,
                      lua_Number min, lua_Number max);
lua_Integer api_integer(lua_State *L, int idx, const char *what, const char *key, lua_Integer def,
                        lua_Integer min, lua_Integer max);
bool api_bool(lua_State *L, int idx, const char *what, const char *key, bool def);
/* Copies the text in field `key` into out (never keeping a pointer into Lua, whose
 * collector may free the text). False if the field is absent; an error if it is not text
 * or does not fit. api_text_or copies `def` when absent. */
bool api_text(lua_State *L, int idx, const char *what, const char *key, char *out, size_t size);
/* Why the text s (len bytes) cannot be shown or written to a file, or NULL if it can: a NUL
 * inside, bytes that are not UTF-8, or a control character other than a line break or a tab
 * (an escape sequence would take over the trainer's terminal, a carriage return overwrite a
 * line). `at` gets the character's number (from 1). */
const char *api_text_problem(const char *s, size_t len, size_t *at);
/* An error naming `what` if the string at stack index idx is not such a text, or if it is
 * `max_bytes` long or longer (0: no limit): a text is never cut silently. */
void api_check_shown_text(lua_State *L, int idx, const char *what);
void api_check_shown_text_of(lua_State *L, int idx, const char *what, size_t max_bytes);
void api_text_or(lua_State *L, int idx, const char *what, const char *key, const char *def,
                 char *out, size_t size);
/* A text that goes on one line of a save, a result file or a listing (id, title, module,
 * currency code): as api_text (`def` copied when absent, if not NULL), and a tab, line break
 * or other control character in it is an error at the key's line. */
bool api_line_text(lua_State *L, int idx, const char *what, const char *key, const char *def,
                   char *out, size_t size);
/* An integer argument within min..max (an error naming the function otherwise): never
 * truncated into an int. */
int api_arg_int(lua_State *L, int arg, const char *fn, lua_Integer min, lua_Integer max);
/* Argument `arg` of `fn` as an integer; a number given as text is refused with a message. */
lua_Integer api_arg_integer(lua_State *L, int arg, const char *fn);
/* An error unless the value at idx is a table without a metatable. */
void api_check_plain_table(lua_State *L, int idx, const char *what);
int api_choice(lua_State *L, int idx, const char *what, const char *key, const char *const *names,
               int def);
ud_rate api_percent(lua_State *L, int idx, const char *what, const char *key, double def,
                    double min, double max);
/* The bit mask of the names listed in field `key` of the table at idx: hamlets (of game g)
 * or businesses (g unused); 0 if the field is absent; a Lua error on an unknown name. */
uint32_t api_name_mask(lua_State *L, int idx, const char *key, const char *what, const ud_game *g,
                       bool hamlets);
/* The index of the hamlet called `name`, or a Lua error naming the declaration. */
int api_hamlet(lua_State *L, const ud_game *g, const char *name, const char *what);
/* Warns when a rate given as `key` looks like a share (0.24 meant as 24%). */
void api_warn_share(lua_State *L, int idx, const char *what, const char *key, double v);
/* The current line of the calling script, for messages. */
int api_line(lua_State *L);

#endif
