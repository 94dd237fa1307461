/* The checker's look at a scenario's texts: where each is written in the source, and whether
 * every text shown has a translation and every translation a text. */
#ifndef UD_CHECK_TEXTS_H
#define UD_CHECK_TEXTS_H

#include "ud/game.h"

#include <stdbool.h>
#include <stdio.h>

#define UD_TEXT_SET_MAX 1024

/* A set of distinct texts (copied). */
typedef struct ud_text_set {
    char *texts[UD_TEXT_SET_MAX];
    int count;
} ud_text_set;

/* Adds a copy of text unless it is there already (or the set is full). */
void ud_text_set_add(ud_text_set *set, const char *text);
void ud_text_set_free(ud_text_set *set);

/* The whole file as text (malloc'd), or NULL if it cannot be read. */
char *ud_read_source(const char *path);

/* The line where `text` is written in the source as a quoted string other than a
 * translation's ["key"] (a text the scenario uses), or 0. */
int ud_source_used_at(const char *source, const char *text);

/* Whether the lesson's strategy i of the scenario at `path` can be opened; if not, prints
 * "path:line: error: the lesson's <family> strategy cannot be opened: why" on `out`, at the
 * line where the scenario names it. */
bool ud_lesson_strategy_opens(const char *path, const ud_scenario_info *info, int i, FILE *out);

/* The line where a declaration such as "product" starts a line, or 1. */
int ud_source_declaration_line(const char *source, const char *name);

/* Prints a warning for every text that the scenario shows (its title, briefing, objectives,
 * goals, lessons, product names and household stories, plus `shown`: the news, questions
 * and options its games showed) without a translation in a language it translates into,
 * and for every translation whose English is no text of the scenario (with the closest
 * one as a hint). Adds the scenario's fixed texts to `shown`. Returns the warnings printed.
 * Leaves the game's language at "en". */
int ud_check_translations(ud_game *game, const char *path, const char *source, ud_text_set *shown);

#endif
