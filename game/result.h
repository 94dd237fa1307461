/* A team's result file: written when a game ends (and on demand) by the game and by
 * `unitdesa run --result`, read by `unitdesa class` to compare the teams of a workshop. */
#ifndef UD_RESULT_H
#define UD_RESULT_H

#include "ud/game.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UD_RESULT_MAGIC "unitdesa-result 1"
#define UD_RESULT_MAX_BYTES (16u << 20) /* far above the longest game's result */
#define UD_RESULT_MAX_COLUMNS 48

typedef struct ud_result_decision {
    int month;      /* months completed when it was taken */
    size_t text_at; /* where its text starts in the team's decision_texts */
} ud_result_decision;

typedef struct ud_result_goal {
    ud_goal_kind kind;
    bool met; /* lose conditions: met = avoided */
    char text[256];
} ud_result_goal;

typedef struct ud_team_result {
    char path[1024]; /* the result file itself, for messages */
    char team[64];
    char scenario[1024], scenario_id[64], title[160], module[64];
    uint64_t hash, seed;
    int months, played; /* the game's length, and the months played */
    char end[16];
    char currency[8];
    int minor_units;
    int score_institution, score_clients;
    int goal_count;
    ud_result_goal goals[UD_MAX_GOALS];
    int decision_count;
    ud_result_decision *decisions; /* malloc'd */
    /* the decisions' texts one after another, each ended by a NUL (malloc'd): a text of its
     * own length rather than a field of the longest, so a class of long games fits in memory */
    char *decision_texts;
    size_t decision_texts_used;
    int lesson_count;
    char lessons[32][UD_TEXT_LEN];
    int column_count; /* the monthly indicators: "month", "cash", ... (CSV names) */
    char columns[UD_RESULT_MAX_COLUMNS][32];
    int row_count;
    double (*rows)[UD_RESULT_MAX_COLUMNS]; /* malloc'd: rows[m - 1] is month m */
    int helper_count; /* the helpers (lib/x.lua) the scenario loaded, and their texts' hashes */
    char helper_names[8][64];
    uint64_t helper_hashes[8];
} ud_team_result;

/* The text of decision i of r (0 <= i < r->decision_count). */
const char *ud_result_decision_text(const ud_team_result *r, int i);

/* Writes the game as it stands for `team` to `path`, atomically (a temporary file renamed
 * over it). False with the reason, naming the file, in err. */
bool ud_result_write(const char *path, ud_game *game, const char *team, char *err, size_t err_size);

/* A file name for a team's result: "<team>-<scenario id>-m<months>.result", with the team
 * name reduced to letters (accented Latin letters keep their letter), digits, '-' and '_'. */
void ud_result_file_name(const char *team, const char *scenario_id, int months, char *out,
                         size_t size);

/* Reads a result file, trusting nothing in it (files come from the teams' PCs): every field
 * is checked (whole numbers fully parsed and in range, months 1 to 240, played up to months
 * with one row a month, finite decimal values, known names), and a line the format does not
 * have, a single field given twice or a missing one is refused. Texts longer than their
 * field are cut. False with "file:line: FIELD must be ... (got '...')" or another
 * "file:line: what is wrong" in err. */
bool ud_result_read(const char *path, ud_team_result *out, char *err, size_t err_size);
void ud_result_free(ud_team_result *r);

/* The column of an indicator (CSV name), or -1. */
int ud_result_column(const ud_team_result *r, const char *name);

#endif
