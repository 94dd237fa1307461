/* A game: a Lua scenario loaded into a sandbox, the simulation it sets up, an optional
 * strategy script that plays it, and everything that happened along the way (news,
 * questions, goals, script problems). Links the engine and Lua; never SDL. */
#ifndef UD_GAME_H
#define UD_GAME_H

#include "ud/sim.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UD_TEXT_LEN 512
#define UD_MAX_OBJECTIVES 8
#define UD_MAX_GOALS 16
#define UD_MAX_QUESTION_OPTIONS 6

typedef struct ud_game ud_game;

typedef struct ud_game_options {
    bool seed_set;
    uint64_t seed;            /* overrides the scenario's default seed when seed_set */
    int months;               /* 0: the scenario's duration */
    size_t memory_cap;        /* per script; 0: 64 MiB */
    long instructions;        /* per call into a script; 0: the default budget */
    const char *helpers_root; /* the scenarios/ folder, for require; NULL: none */
    /* Other folders holding the trainer's own scenarios (NULL-terminated list, or NULL):
     * a save may name a scenario in them as well as in helpers_root's modules. */
    const char *const *scenario_folders;
    /* Single scenario files a save may name too, wherever they lie (one the trainer opened by
     * its path: `unitdesa play my/own.lua`); NULL-terminated, or NULL. */
    const char *const *scenario_files;
    const char *language; /* texts shown in this language if translated; NULL: "en" */
    /* The translations the game ships (its PO catalogs), asked for a scenario text that the
     * scenario's own translate() table lacks: the translation of `english` into `language`,
     * the form for `count` when count >= 0 (a text that counts something), or NULL. The
     * returned text must outlive the game. NULL: scenario tables only. */
    const char *(*catalog)(void *catalog_data, const char *language, const char *english,
                           long count);
    void *catalog_data;
    /* Called at the end of every month played (its events still in the queue), also while a
     * save is replayed: how a front end keeps its own record of the game's past. NULL: none.
     * It must not play or decide. */
    void (*month_played)(ud_game *game, void *context);
    void *month_played_context;
} ud_game_options;

#define UD_MAX_LESSON_STRATEGIES 24

/* The three families of a lesson's strategies: sensible policies that should win, real
 * managers' mistakes that should lose, and degenerate plays that must not pay. */
typedef enum ud_lesson_family {
    UD_FAMILY_SOUND = 0,
    UD_FAMILY_NAIVE,
    UD_FAMILY_PROBE
} ud_lesson_family;

/* How a lesson's window is reduced to one figure: its mean, its worst month (the highest
 * when lower is better), or its last month. */
typedef enum ud_lesson_take { UD_TAKE_MEAN = 0, UD_TAKE_WORST, UD_TAKE_END } ud_lesson_take;

typedef struct ud_scenario_info {
    char path[1024];
    char id[64], title[160], module[64], language[8], currency[8];
    int difficulty, months, minor_units;
    uint64_t seed;
    char briefing[4096];
    int objective_count;
    char objectives[UD_MAX_OBJECTIVES][256];
    /* the lesson: families of strategies judged on one indicator over one window */
    char lesson_indicator[32];
    bool lesson_higher_is_better;
    int lesson_from, lesson_to; /* the window's months, 1-based, inclusive */
    ud_lesson_take lesson_take;
    int lesson_strategy_count;
    ud_lesson_family lesson_family[UD_MAX_LESSON_STRATEGIES];
    char lesson_strategy[UD_MAX_LESSON_STRATEGIES][512]; /* paths, relative to the cwd */
    /* the first sound and the first naive strategy ("" if none): what compare plays */
    char naive_strategy[512], sound_strategy[512];
} ud_scenario_info;

typedef enum ud_goal_kind { UD_GOAL_TARGET = 0, UD_GOAL_WIN, UD_GOAL_LOSE } ud_goal_kind;

typedef struct ud_goal {
    ud_goal_kind kind;
    char indicator[32];
    bool above;    /* met when the indicator is above (else below) the threshold */
    bool of_start; /* the threshold is a multiple of the indicator's value at the start */
    double threshold;
    int month;  /* targets: judged at this month; win/lose: from this month on */
    int from;   /* targets: if > 0, judged on the months from..month: their mean, or */
    bool worst; /* their worst month (the highest for a "below" goal, the lowest for "above") */
    char text[256];
    int state; /* -1 not judged yet, 0 missed, 1 met (win/lose: 1 = triggered) */
    int line;  /* where the scenario declared it */
} ud_goal;

#define UD_NEWS_ARGS 4

typedef struct ud_news {
    int month;
    char text[UD_TEXT_LEN]; /* in English, values filled in */
    char key[UD_TEXT_LEN];  /* the English template, with %d or %s where values go */
    int argc;
    char args[UD_NEWS_ARGS][48];
} ud_news;

typedef struct ud_question {
    int id;
    int month;
    char text[UD_TEXT_LEN];
    int option_count;
    char options[UD_MAX_QUESTION_OPTIONS][128];
    int answer;         /* 0: not answered yet; else 1-based option */
    int default_option; /* what deciding nothing means (a strategy without answer()): 1-based */
} ud_question;

typedef enum ud_game_end {
    UD_END_RUNNING = 0,
    UD_END_FINISHED,
    UD_END_WON,
    UD_END_LOST,
    UD_END_INSOLVENT,
    UD_END_HALTED /* a script was stopped by the processor-time backstop (see ud_game_problems):
                     going on would give different games on different computers */
} ud_game_end;

/* When a decision was taken: between months (the player's screens), during the next
 * month's opening (answers to pending questions), or once the month's opening handlers had
 * run (a strategy deciding). A replay takes each at the same point. */
typedef enum ud_decision_phase {
    UD_PHASE_BETWEEN = 0,
    UD_PHASE_OPENING,
    UD_PHASE_DECIDING
} ud_decision_phase;

/* A decision taken between months: a command or an answer to a question. The game keeps
 * them in order; a save is the scenario, the seed and this log. */
typedef struct ud_decision {
    int month;               /* months completed when it was taken */
    ud_decision_phase phase; /* when, within the next month's opening */
    bool is_answer;
    ud_command command;
    int question, option; /* answers */
    int household;        /* whose application or loan it was about, or -1 */
} ud_decision;

/* Loads a scenario: runs the file in a sandbox, checks every declaration, and creates the
 * simulation. On failure returns NULL with "file:line: message" (and source lines) in err. */
ud_game *ud_game_load(const char *path, const ud_game_options *options, char *err, size_t err_size);
void ud_game_free(ud_game *game);

const ud_scenario_info *ud_game_info(const ud_game *game);
ud_sim *ud_game_sim(ud_game *game);
/* The hash (as ud_file_hash gives it) of the scenario text the game was loaded from, which
 * saves and result files record: the file may have changed since. */
uint64_t ud_game_scenario_hash(const ud_game *game);
/* The i-th helper (lib/x.lua) the scenario loaded: its name as messages show it and the hash
 * of the text it was loaded from. False past the last. */
bool ud_game_helper(const ud_game *game, int i, const char **name, uint64_t *hash);

/* Attaches a strategy script that plays every month (NULL: the default strategy, which
 * approves what the credit policy allows and keeps the default terms). */
bool ud_game_set_strategy(ud_game *game, const char *path, char *err, size_t err_size);

/* Opens the next month for a player as ud_game_play_month opens it for a strategy: questions
 * still unanswered take their default (or the strategy's) answer, then the scenario's month
 * handlers run (at_month, every_month: news, offers, shocks, questions), so that a player
 * decides with what a strategy sees. Call it once the player has answered the questions
 * already asked. Returns true if it opened the month now (false if it was open or the game
 * has ended). */
bool ud_game_open_month(ud_game *game);

/* Plays one month: the scenario's month handlers, the strategy's decisions (if any), the
 * simulation step, then the scenario's event and condition handlers and the goals.
 * Returns false once the game has ended (see ud_game_end_state). */
bool ud_game_play_month(ud_game *game);

/* Applies a player command, as the game's screens do. False with a message if refused. */
bool ud_game_command(ud_game *game, const ud_command *cmd, char *err, size_t err_size);

/* Answers a pending question (1-based option); runs the scenario's handler. */
bool ud_game_answer(ud_game *game, int question_id, int option, char *err, size_t err_size);

/* Why month `month` (1..) turned out as it did (see ud/explain.h), or NULL. */
struct ud_month_explanation;
const struct ud_month_explanation *ud_game_explanation(const ud_game *game, int month);

/* Every decision so far, oldest first. */
const ud_decision *ud_game_decisions(const ud_game *game, int *count);

ud_game_end ud_game_end_state(const ud_game *game);
int ud_game_months(const ud_game *game); /* the game's length */

/* What happened: lists owned by the game, valid until the next call that plays. */
const ud_news *ud_game_news(const ud_game *game, int *count);
/* The news item the scenario put offer `offer` (0-based) with, or NULL if it gave no text. */
const ud_news *ud_game_offer_news(const ud_game *game, int offer);
const ud_question *ud_game_questions(const ud_game *game, int *count);
const ud_goal *ud_game_goals(const ud_game *game, int *count);
/* Script problems met while playing ("file:line: message"), oldest first. */
const char *const *ud_game_problems(const ud_game *game, int *count);
/* The debrief lessons whose conditions held at the end (call after the game ended; the
 * conditions run once, later calls repeat that verdict in the current language). */
int ud_game_lessons(ud_game *game, char out[][UD_TEXT_LEN], int max);

/* Doubtful declarations that load anyway ("file:line: warning: ..."), for `check`. */
const char *const *ud_game_warnings(const ud_game *game, int *count);

/* The languages the scenario translates into (sorted; strings owned by the game). */
int ud_game_translation_languages(const ud_game *game, const char **out, int max);
/* The English texts translated into `language` (sorted; owned by the game). */
int ud_game_translation_keys(const ud_game *game, const char *language, const char **out, int max);
/* The line of the scenario's translate(language, ...) call, or 0. */
int ud_game_translation_line(const ud_game *game, const char *language);

/* ---- guided steps (guide{} in a scenario) ----
 * Each step says what to read or do, what to point at, and what completes it. Steps are
 * completed by the same commands the game applies (ud_game_command), by playing months, or
 * by screen actions the game reports with ud_game_guide_notify. */
#define UD_MAX_GUIDE_STEPS 32

typedef struct ud_guide_step {
    char text[UD_TEXT_LEN];
    char point[48];  /* "panel:loans", "button:play", "indicator:par30", "household:3", or "" */
    char action[48]; /* what completes it: see scenarios/README.md ("next", "decide", ...) */
    int count;       /* how many times (>= 1) */
    int line;        /* where the scenario declared it */
} ud_guide_step;

/* The actions a step may wait for; NULL-terminated. Screen actions take a target after a
 * colon ("open_panel:loans"). */
extern const char *const ud_guide_actions[];
/* The panels a step may open or point at; NULL-terminated. */
extern const char *const ud_guide_panels[];

int ud_game_guide_count(const ud_game *game);
const ud_guide_step *ud_game_guide_step(const ud_game *game, int index); /* NULL if none */
/* The step waiting to be completed (== ud_game_guide_count once all are done), and how
 * many of its `count` actions are done. */
int ud_game_guide_current(const ud_game *game, int *progress);
/* The screen reports something the trainee did: "open_panel:loans", "open_glossary",
 * "open_household", "open_group", "read_summary", "next", "debrief". Returns true if this
 * completed the current step. */
bool ud_game_guide_notify(ud_game *game, const char *action);
/* Restores progress (from a save). */
void ud_game_guide_restore(ud_game *game, int step, int progress);

/* A one-line "what now?" suggestion for the trainee: the current guided step's text (in the
 * game's language) or, without one, an English interface text (a translation key) chosen
 * from the state: applications waiting, an offer to answer, borrowers who fell behind... */
const char *ud_game_hint(const ud_game *game, bool *from_scenario);

/* Measures of the trainee's own actions, usable as goal indicators: "guide_steps" (steps
 * completed), "applications_decided", "officers_trained", "follow_ups" (follow-up raised,
 * loans rescheduled). False for another name. */
bool ud_game_measure(const ud_game *game, const char *name, double *value);
/* The value a target goal is judged on when the game has reached month `last` (at most the
 * goal's month): its indicator in that month, or the mean or the worst of its months
 * from..last. False if the indicator has no value there. The threshold is not applied (nor
 * the start, for an of_start goal). */
bool ud_goal_judged_value(const ud_game *game, const ud_goal *goal, int last, double *value);
extern const char *const ud_game_measure_names[];

/* Wall-clock seconds spent inside scenario and strategy scripts while playing. */
double ud_game_script_seconds(const ud_game *game);

/* Changes the language scenario texts are shown in ("en", "fr"...). */
void ud_game_set_language(ud_game *game, const char *language);

/* A news line in the game's language: its template translated, then its values filled in. */
void ud_game_news_text(const ud_game *game, const ud_news *news, char *out, size_t size);

/* The name and story of a household the scenario described (households{}), or false. */
bool ud_game_household_story(const ud_game *game, int household, const char **name,
                             const char **story);

/* Every lesson's text, whatever its condition (for translators). Returns how many. */
int ud_game_all_lessons(const ud_game *game, const char **out, int max);

/* Whether the scenario (or the game's catalog) translates this text into the game's language. */
bool ud_game_has_translation(const ud_game *game, const char *english);

/* A scenario text in the game's language (the text itself when not translated): the
 * scenario's translate() table first (a trainer's own words win), then the game's catalog. */
const char *ud_game_text(const ud_game *game, const char *english);

/* The same for a text that counts something (a news line such as "%d loans were repaid."):
 * the catalog's plural form for count. */
const char *ud_game_text_count(const ud_game *game, const char *english, long count);

/* The value of an indicator by its CSV name at the end of `month` (1..), e.g. "par30".
 * Returns false for an unknown name or month. */
bool ud_indicator_value(const ud_sim *sim, const char *name, int month, double *value);
/* The same, from one month's indicators. */
bool ud_indicator_get(const ud_indicators *ind, const char *name, double *value);
/* The known indicator names, NULL-terminated. */
const char *const *ud_indicator_names(void);
/* Whether an indicator is a whole number (a count, or money in minor units) rather than a
 * ratio. False for an unknown name. */
bool ud_indicator_is_whole(const char *name);
/* The indicator a mistaken name most likely meant ("par_30" -> "par30",
 * "operational_self_sufficiency" -> "oss"), or NULL. */
const char *ud_indicator_hint(const char *name);
/* Whether an indicator is an amount of money (in minor units of the scenario's currency).
 * False for an unknown name. */
bool ud_indicator_is_money(const char *name);
/* Whether a lesson (and `unitdesa compare --indicator`) may be judged on `name`: an
 * indicator, or a score figure of ud_score_value ("institution_score", "client_score",
 * "holistic_score", "adjusted_par30"). If not, *hint is the nearest known name (a case slip
 * such as "PAR30", or a near spelling), or NULL. */
bool ud_lesson_indicator_known(const char *name, const char **hint);

#endif
