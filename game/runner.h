/* Playing a whole scenario headless: the shared core of run, check, sweep and compare. */
#ifndef UD_RUNNER_H
#define UD_RUNNER_H

#include "ud/game.h"
#include "ud/scores.h"

#include <stdio.h>

typedef struct ud_run_request {
    const char *scenario;
    const char *strategy; /* NULL: the default strategy */
    bool seed_set;
    uint64_t seed;
    int months;               /* 0: the scenario's */
    FILE *monthly_csv;        /* if not NULL: one indicator row per month (the caller writes
                                 the header, ud_indicators_csv_header) */
    FILE *problems;           /* if not NULL: script problems as they happen */
    const char *track;        /* if not NULL: an indicator reduced over a window of months */
    int track_from, track_to; /* the window, 1-based inclusive; 0: the whole game */
    ud_lesson_take track_take;
    bool track_higher;    /* higher is better (for "worst") */
    const char *language; /* scenario texts in this language ("fr"); NULL: English */
    /* the shipped translations of scenario texts (see ud_game_options.catalog); NULL: none */
    const char *(*catalog)(void *catalog_data, const char *language, const char *english,
                           long count);
    void *catalog_data;
    const int *answers; /* answers[i]: the option (1..) chosen for the i-th question asked; */
    int answer_count;   /* questions beyond these are answered by the strategy (or 1) */
    /* If set: called after each month is played (month: months completed), and once when
     * the game is over (lessons already evaluated), before the game is freed. */
    void (*each_month)(ud_game *game, int month, void *ctx);
    void (*at_end)(ud_game *game, void *ctx);
    void *ctx;
} ud_run_request;

/* One group of households at the end of a run (women, men, or one hamlet). */
typedef struct ud_group_tally {
    int households, borrowers, in_arrears; /* in arrears: late or defaulted, with a loan */
    int poor_at_start, poor;
    double outstanding; /* principal outstanding, in minor units */
} ud_group_tally;

typedef struct ud_run_result {
    uint64_t seed;
    ud_game_end end;
    int months_played;
    ud_indicators final;
    int goal_count, goals_met;
    bool goal_met[UD_MAX_GOALS];
    char goal_text[UD_MAX_GOALS][256];
    ud_goal_kind goal_kind[UD_MAX_GOALS];
    int problem_count;
    char first_problem[512]; /* the first script problem ("file:line: message"), or "" */
    int minor_units;
    char currency[8];
    double tracked; /* the tracked indicator reduced over its window */
    ud_scores scores;
    int lessons_shown;        /* lessons whose conditions held at the end */
    int most_borrowers_early; /* the most active borrowers in any of the first 6 months */
    int questions_asked;
    ud_group_tally by_gender[2]; /* [0] men, [1] women borrowers' households */
    int hamlets;
    ud_group_tally by_hamlet[UD_MAX_HAMLETS];
    char hamlet_names[UD_MAX_HAMLETS][UD_NAME_LEN];
} ud_run_result;

/* Loads and plays the scenario to its end. Returns false with the load error in err; script
 * problems during play do not fail the run (they are counted and printed). */
bool ud_run_scenario(const ud_run_request *req, ud_run_result *out, char *err, size_t err_size);

/* The folder of the shipped scenarios ($UNITDESA_SCENARIOS, else the source tree's). */
const char *ud_scenarios_root(void);

/* The shipped scenario files (sorted, scenarios/<module>/<name>.lua, not helpers or
 * strategies). Returns how many were written into paths (each up to 1024 bytes). */
int ud_shipped_scenarios(char paths[][1024], int max);

const char *ud_game_end_name(ud_game_end end);

/* The path relative to the current folder when it lies below it (Lua shortens long file
 * names in its messages, so short paths keep "file:line" readable). */
void ud_display_path(const char *path, char *out, size_t size);

#endif
