/* ud_scenario_pot: prints every shipped scenario's texts as gettext PO entries, for
 * scripts/po-update.sh (which merges them into po/unitdesa.pot). With --language LANG, each
 * msgstr is the scenario's own translate() text in that language (to move a scenario's
 * translations into po/LANG.po). The generated stories' sentences come last. usage: ud_scenario_pot
 * [--language LANG] [SCENARIO...] */
#define _POSIX_C_SOURCE 200809L /* strdup */

#include "runner.h"
#include "scenario_texts.h"
#include "ud/game.h"
#include "ud/people.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TEXTS 2048

typedef struct found {
    char *text;
    char refs[512];
    char what[64];
    bool counts;
    char *translation;
} found;

typedef struct catalog {
    found texts[MAX_TEXTS];
    int count;
    const char *language;
    ud_game *game; /* the scenario being read, for its own translations */
} catalog;

static void add(void *data, const char *path, const char *what, const char *text, bool counts) {
    catalog *c = data;
    char ref[256];
    ud_display_path(path, ref, sizeof ref);
    for (int i = 0; i < c->count; i++) {
        if (strcmp(c->texts[i].text, text) == 0) {
            if (strstr(c->texts[i].refs, ref) == NULL &&
                strlen(c->texts[i].refs) + strlen(ref) + 2 < sizeof c->texts[i].refs) {
                strcat(c->texts[i].refs, " ");
                strcat(c->texts[i].refs, ref);
            }
            return;
        }
    }
    if (c->count == MAX_TEXTS) {
        fprintf(stderr, "ud_scenario_pot: more than %d texts\n", MAX_TEXTS);
        exit(1);
    }
    found *f = &c->texts[c->count++];
    f->text = strdup(text);
    snprintf(f->refs, sizeof f->refs, "%s", ref);
    snprintf(f->what, sizeof f->what, "%s", what);
    f->counts = counts;
    f->translation = NULL;
    if (c->game != NULL) {
        const char *t = ud_game_text(c->game, text);
        f->translation = strdup(t != text ? t : "");
    }
}

/* A PO string: quoted, escaped, split after each line break as translators' tools do. */
static void print_string(const char *keyword, const char *s) {
    printf("%s ", keyword);
    if (strchr(s, '\n') != NULL && s[strlen(s) - 1] != '\0') {
        printf("\"\"\n");
    }
    putchar('"');
    for (const char *p = s; *p != '\0'; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", stdout);
            break;
        case '\\':
            fputs("\\\\", stdout);
            break;
        case '\t':
            fputs("\\t", stdout);
            break;
        case '\n':
            fputs("\\n", stdout);
            if (p[1] != '\0') {
                fputs("\"\n\"", stdout);
            }
            break;
        default:
            putchar(*p);
        }
    }
    fputs("\"\n", stdout);
}

static bool collect(catalog *c, const char *path) {
    char err[4096];
    c->game = NULL;
    if (c->language != NULL) {
        ud_game_options o;
        memset(&o, 0, sizeof o);
        o.helpers_root = ud_scenarios_root();
        o.language = c->language;
        c->game = ud_game_load(path, &o, err, sizeof err);
        if (c->game == NULL) {
            fprintf(stderr, "%s\n", err);
            return false;
        }
    }
    bool ok = ud_scenario_texts_all(path, add, c, err, sizeof err);
    if (!ok) {
        fprintf(stderr, "%s\n", err);
    }
    if (c->game != NULL) {
        ud_game_free(c->game);
        c->game = NULL;
    }
    return ok;
}

int main(int argc, char **argv) {
    static catalog c;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--language") == 0) {
        c.language = argv[2];
        first = 3;
    }
    bool ok = true;
    if (first < argc) {
        for (int i = first; i < argc; i++) {
            ok = collect(&c, argv[i]) && ok;
        }
    } else {
        static char paths[64][1024];
        int n = ud_shipped_scenarios(paths, 64);
        for (int i = 0; i < n; i++) {
            ok = collect(&c, paths[i]) && ok;
        }
    }
    /* the sentences of the households' generated stories, shown through the interface's
     * catalog (TR), so they belong to the template whatever scenario is played */
    const char *story[128];
    int stories = ud_story_templates(story, 128);
    for (int i = 0; i < stories && i < 128; i++) {
        add(&c, "engine/script/src/people.c", "generated story", story[i], false);
    }
    printf("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
    for (int i = 0; i < c.count; i++) {
        found *f = &c.texts[i];
        printf("#. scenario %s\n#: %s\n", f->what, f->refs);
        if (f->counts) {
            printf("#, c-format\n");
            print_string("msgid", f->text);
            print_string("msgid_plural", f->text);
            const char *t = f->translation != NULL ? f->translation : "";
            print_string("msgstr[0]", t);
            print_string("msgstr[1]", t);
        } else {
            if (strchr(f->text, '%') != NULL) {
                printf("#, no-c-format\n");
            }
            print_string("msgid", f->text);
            print_string("msgstr", f->translation != NULL ? f->translation : "");
        }
        printf("\n");
    }
    return ok ? 0 : 1;
}
