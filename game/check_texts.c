/* The checker's look at a scenario's texts: where they are written, and their translations. */
#include "check_texts.h"
#include "runner.h"
#include "strategy_summary.h"

#include "ud/regular_file.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ud_text_set_add(ud_text_set *st, const char *text) {
    for (int i = 0; i < st->count; i++) {
        if (strcmp(st->texts[i], text) == 0) {
            return;
        }
    }
    if (st->count < UD_TEXT_SET_MAX) {
        size_t n = strlen(text) + 1;
        st->texts[st->count] = malloc(n);
        if (st->texts[st->count] != NULL) {
            memcpy(st->texts[st->count++], text, n);
        }
    }
}

void ud_text_set_free(ud_text_set *set) {
    for (int i = 0; i < set->count; i++) {
        free(set->texts[i]);
    }
    set->count = 0;
}

/* The source file's text, for finding where a text is written (NULL if unreadable). */
char *ud_read_source(const char *path) {
    char why[1200];
    return ud_read_regular(path, 1u << 20, NULL, why, sizeof why);
}

static int line_at(const char *source, const char *where) {
    int line = 1;
    for (const char *p = source; p < where; p++) {
        line += *p == '\n';
    }
    return line;
}

/* Where `text` is written in the source other than as a translation's ["key"] (0 if not):
 * a text used in the scenario, not only translated. */
int ud_source_used_at(const char *source, const char *text) {
    size_t n = strlen(text);
    for (const char *p = source; n > 0 && (p = strstr(p, text)) != NULL; p++) {
        bool quoted = p > source && (p[-1] == '"' || p[-1] == '\'');
        bool as_key = p > source + 1 && quoted && p[-2] == '[';
        if (quoted && !as_key) {
            return line_at(source, p);
        }
    }
    return 0;
}

/* The line of the translation ["text"] after `from` (the translate() call's line), or from. */
static int key_line(const char *source, const char *text, int from) {
    size_t n = strlen(text);
    for (const char *p = source; n > 0 && (p = strstr(p, text)) != NULL; p++) {
        if (p > source + 1 && p[-2] == '[' && line_at(source, p) >= from) {
            return line_at(source, p);
        }
    }
    return from;
}

static size_t edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 300 || lb > 300) {
        return (size_t)-1;
    }
    size_t row[301];
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t best = prev + (a[i - 1] != b[j - 1]);
            best = row[j] + 1 < best ? row[j] + 1 : best;
            best = row[j - 1] + 1 < best ? row[j - 1] + 1 : best;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb];
}

/* The known text closest to `text`, if it is close (a typo, different case or punctuation). */
static const char *closest_text(const ud_text_set *st, const char *text) {
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (int i = 0; i < st->count; i++) {
        size_t d = edit_distance(text, st->texts[i]);
        if (d < best_d) {
            best_d = d;
            best = st->texts[i];
        }
    }
    size_t allowed = strlen(text) / 8 + 2;
    return best_d <= allowed ? best : NULL;
}

/* The translation key closest to `text`, if it is close; NULL if none is. */
static const char *closest_key(const char *const *keys, int count, const char *text) {
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (int i = 0; i < count; i++) {
        size_t d = edit_distance(text, keys[i]);
        if (d > 0 && d < best_d) {
            best_d = d;
            best = keys[i];
        }
    }
    size_t allowed = strlen(text) / 8 + 2;
    return best_d <= allowed ? best : NULL;
}

/* Texts of the scenario in the game's language: missing ones, and translations of texts the
 * scenario never uses. */
int ud_check_translations(ud_game *g, const char *path, const char *source, ud_text_set *st) {
    const ud_scenario_info *in = ud_game_info(g);
    ud_text_set_add(st, in->title);
    ud_text_set_add(st, in->briefing);
    for (int i = 0; i < in->objective_count; i++) {
        ud_text_set_add(st, in->objectives[i]);
    }
    int n;
    const ud_goal *goal = ud_game_goals(g, &n);
    for (int i = 0; i < n; i++) {
        ud_text_set_add(st, goal[i].text);
    }
    const char *lessons[32];
    n = ud_game_all_lessons(g, lessons, 32);
    for (int i = 0; i < n; i++) {
        ud_text_set_add(st, lessons[i]);
    }
    const ud_product *prod = ud_sim_products(ud_game_sim(g), &n);
    for (int i = 0; i < n; i++) {
        ud_text_set_add(st, prod[i].name);
    }
    /* the debrief's words for what the reference strategy did */
    char summary[600];
    if (ud_strategy_summary(in->sound_strategy, summary, sizeof summary)) {
        ud_text_set_add(st, summary);
    }
    const char *name, *story;
    for (int h = 0; ud_game_household_story(g, h, &name, &story); h++) {
        if (story[0] != '\0') {
            ud_text_set_add(st, story);
        }
    }
    int warnings = 0;
    const char *languages[16];
    int langs = ud_game_translation_languages(g, languages, 16);
    for (int l = 0; l < langs; l++) {
        int tline = ud_game_translation_line(g, languages[l]);
        ud_game_set_language(g, languages[l]);
        static const char *keys[8192]; /* the game keeps at most 5,000 translations */
        int k = ud_game_translation_keys(g, languages[l], keys, 8192);
        for (int i = 0; i < st->count; i++) {
            if (st->texts[i][0] != '\0' && !ud_game_has_translation(g, st->texts[i])) {
                int line = ud_source_used_at(source, st->texts[i]);
                printf("%s:%d: warning: no '%s' translation for \"%.120s\" (add it to "
                       "translate('%s', ...) at line %d",
                       path, line > 0 ? line : tline, languages[l], st->texts[i], languages[l],
                       tline);
                /* a key that differs by a full stop, a space or a capital is the likely slip;
                 * it may also appear inside the text, so the stray-key pass below misses it */
                const char *near = closest_key(keys, k, st->texts[i]);
                if (near != NULL) {
                    printf("; it has \"%.120s\", which differs", near);
                }
                printf(")\n");
                warnings++;
            }
        }
        for (int i = 0; i < k; i++) {
            bool known = ud_source_used_at(source, keys[i]) > 0;
            for (int t = 0; t < st->count && !known; t++) {
                known = strcmp(st->texts[t], keys[i]) == 0;
            }
            if (known) {
                continue;
            }
            const char *hint = closest_text(st, keys[i]);
            printf("%s:%d: warning: translate('%s'): \"%.120s\" is not a text of the scenario",
                   path, key_line(source, keys[i], tline), languages[l], keys[i]);
            if (hint != NULL) {
                printf(" (did you mean \"%.120s\"?)", hint);
            }
            printf("\n");
            warnings++;
        }
    }
    ud_game_set_language(g, "en");
    return warnings;
}

/* The line where a declaration such as "village" starts, or 1. */
int ud_source_declaration_line(const char *source, const char *name) {
    size_t n = strlen(name);
    for (const char *p = source; (p = strstr(p, name)) != NULL; p += n) {
        bool starts_line = p == source || p[-1] == '\n';
        if (starts_line && (p[n] == ' ' || p[n] == '{' || p[n] == '(')) {
            return line_at(source, p);
        }
    }
    return 1;
}

bool ud_lesson_strategy_opens(const char *path, const ud_scenario_info *info, int i, FILE *out) {
    char why[1200];
    FILE *f = ud_open_regular(info->lesson_strategy[i], 1u << 20, why, sizeof why);
    if (f != NULL) {
        fclose(f);
        return true;
    }
    /* say which of the lesson's strategies, and where the scenario names it */
    static const char *const family[] = {"sound", "naive", "probe"};
    /* the path as the scenario writes it: relative to the scenario's folder */
    const char *written = info->lesson_strategy[i];
    const char *dir_end = strrchr(path, '/');
    size_t dir = dir_end ? (size_t)(dir_end - path) + 1 : 0;
    if (dir > 0 && strncmp(written, path, dir) == 0) {
        written += dir;
    }
    char *text = ud_read_source(path);
    int line = text ? ud_source_used_at(text, written) : 0;
    free(text);
    fprintf(out,
            "%s:%d: error: the lesson's %s strategy cannot be opened: %s (a lesson's strategy is "
            "looked for beside the scenario, then in the scenarios folders: the shipped one, %s, "
            "your own, and those given with --scenarios)\n",
            path, line > 0 ? line : 1, family[info->lesson_family[i] % 3], why,
            ud_scenarios_root());
    return false;
}
