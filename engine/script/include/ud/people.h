/* Borrowers who are people: a name for every household from its region's name list, and a
 * short story told from what the simulation knows about it (business, family, season, need,
 * what happened to it). Both are deterministic: the same game gives the same names and
 * stories. Stories are sentences whose English templates are translation keys. */
#ifndef UD_PEOPLE_H
#define UD_PEOPLE_H

#include "ud/game.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum ud_name_region {
    UD_NAMES_INDONESIAN = 0,
    UD_NAMES_WEST_AFRICAN, /* francophone West Africa */
    UD_NAMES_EAST_AFRICAN,
    UD_NAMES_LATIN_AMERICAN,
    UD_NAMES_REGION_COUNT
} ud_name_region;

/* "indonesian", "west_african", "east_african", "latin_american"; NULL-terminated. */
extern const char *const ud_name_region_names[];

/* A name list: given names by gender, family names, and whether a woman's or man's
 * honorific comes first ("Ibu", "Pak"). The arrays are owned by whoever made the list. */
typedef struct ud_name_list {
    const char *const *women;
    int women_count;
    const char *const *men;
    int men_count;
    const char *const *families; /* may be empty: one given name only */
    int family_count;
    const char *woman_title, *man_title; /* NULL: none */
    /* second given names by gender, as Sundanese and Javanese villagers have ("Siti Rahayu");
     * may be empty */
    const char *const *women_second;
    int women_second_count;
    const char *const *men_second;
    int men_second_count;
} ud_name_list;

const ud_name_list *ud_name_list_builtin(ud_name_region region);

/* The name of the `rank`-th household of its gender (0, 1, 2...) in a village seeded with
 * `seed`: a pure function of its arguments, and distinct for every rank below the number of
 * combinations of the list's given, second and family names. Writes into out (at least 64
 * bytes advised). */
void ud_people_name(const ud_name_list *list, uint64_t seed, int rank, bool woman, char *out,
                    size_t size);

/* One sentence of a story: an English template (the translation key) with %s/%d where
 * the values go, and the values as text. */
#define UD_STORY_ARGS 6
#define UD_STORY_LINES 8
typedef struct ud_story_line {
    const char *key;
    int argc;
    char args[UD_STORY_ARGS][48];
} ud_story_line;

typedef struct ud_story {
    int count;
    ud_story_line line[UD_STORY_LINES];
} ud_story;

/* The name of a household in this game: the scenario's own (households{}) or one from the
 * village's name list. */
void ud_game_household_name(const ud_game *game, int household, char *out, size_t size);

/* The household's story now, sentence by sentence. False for an unknown household. */
bool ud_game_household_tale(const ud_game *game, int household, ud_story *out);

/* A story sentence with its values filled into `template` (the key or its translation). */
void ud_story_fill(const char *template, const ud_story_line *line, char *out, size_t size);

/* Every template a story may use (for translators and the translation test). */
int ud_story_templates(const char **out, int max);

#endif
