/* Every shipped scenario is complete in every language the game ships (po/<lang>.po): its
 * title, briefing, objectives, goals, lessons, product names, household stories, and every
 * news line, question and answer its handlers produce with any of its strategies. A
 * scenario's own translate() table still wins over the catalog, for trainers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "data_dirs.h"
#include "po.h"
#include "runner.h"
#include "scenario_texts.h"
#include "ud/game.h"

#include <stdio.h>
#include <string.h>

static const char *const languages[] = {"fr", "id", "es"};

typedef struct check {
    const char *language;
    ud_po po;
    int missing;
} check;

static const char *from_catalog(void *data, const char *language, const char *english, long count) {
    const ud_po *po = data;
    (void)language;
    return count >= 0 ? ud_po_plural_text(po, english, count) : ud_po_text(po, english);
}

static void need(void *data, const char *path, const char *what, const char *text, bool counts) {
    check *c = data;
    bool found = counts ? ud_po_plural_text(&c->po, text, 1) != NULL &&
                              ud_po_plural_text(&c->po, text, 5) != NULL
                        : ud_po_text(&c->po, text) != NULL;
    if (!found) {
        print_message("%s: no %s for the %s \"%s\"\n", path, c->language, what, text);
        c->missing++;
    }
}

static void test_translations_every_shipped_scenario_is_complete_in_every_language(void **state) {
    (void)state;
    static char paths[64][1024];
    int n = ud_shipped_scenarios(paths, 64);
    assert_true(n >= 6);
    int missing = 0;
    for (size_t l = 0; l < sizeof languages / sizeof languages[0]; l++) {
        check c;
        memset(&c, 0, sizeof c);
        c.language = languages[l];
        char po_path[1100], err[4096];
        snprintf(po_path, sizeof po_path, "%s/%s.po", ud_po_dir(), languages[l]);
        if (!ud_po_load(&c.po, po_path, err, sizeof err)) {
            print_message("%s\n", err);
            missing++;
            continue;
        }
        for (int i = 0; i < n; i++) {
            if (!ud_scenario_texts_all(paths[i], need, &c, err, sizeof err)) {
                fail_msg("%s", err);
            }
        }
        ud_po_free(&c.po);
        missing += c.missing;
    }
    assert_int_equal(missing, 0);
}

/* A trainer's translate() table wins over the shipped catalog; the catalog fills the rest, with
 * the plural form a count needs. */
static void test_translations_scenario_tables_come_before_the_catalog(void **state) {
    (void)state;
    const char *po_path = UD_TEST_DIR "/trainer.po";
    FILE *f = fopen(po_path, "w");
    assert_non_null(f);
    fputs("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
          "\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n\n"
          "msgid \"Own words\"\nmsgstr \"Catalogue\"\n\n"
          "msgid \"Only here\"\nmsgstr \"Seulement ici\"\n\n"
          "msgid \"%d loans\"\nmsgid_plural \"%d loans\"\nmsgstr[0] \"%d pr\xC3\xAAt\"\n"
          "msgstr[1] \"%d pr\xC3\xAAts\"\n",
          f);
    fclose(f);
    const char *lua = UD_TEST_DIR "/trainer.lua";
    f = fopen(lua, "w");
    assert_non_null(f);
    fputs("scenario { id = \"t\", title = \"Own words\", module = \"test\", months = 2 }\n"
          "at_month(1, function() news(\"%d loans\", 1) news(\"%d loans\", 3) end)\n"
          "translate(\"fr\", { [\"Own words\"] = \"Mes mots\" })\n",
          f);
    fclose(f);
    ud_po po;
    char err[4096];
    assert_true(ud_po_load(&po, po_path, err, sizeof err));
    ud_game_options o;
    memset(&o, 0, sizeof o);
    o.helpers_root = ud_scenarios_root();
    o.language = "fr";
    o.catalog = from_catalog;
    o.catalog_data = &po;
    ud_game *g = ud_game_load(lua, &o, err, sizeof err);
    if (g == NULL) {
        fail_msg("%s", err);
    }
    assert_string_equal(ud_game_text(g, "Own words"), "Mes mots");
    assert_string_equal(ud_game_text(g, "Only here"), "Seulement ici");
    assert_string_equal(ud_game_text(g, "Nowhere"), "Nowhere");
    ud_game_play_month(g);
    int n;
    const ud_news *news = ud_game_news(g, &n);
    assert_int_equal(n, 2);
    char text[256];
    ud_game_news_text(g, &news[0], text, sizeof text);
    assert_string_equal(text, "1 pr\xC3\xAAt");
    ud_game_news_text(g, &news[1], text, sizeof text);
    assert_string_equal(text, "3 pr\xC3\xAAts");
    ud_game_free(g);
    ud_po_free(&po);
}

/* A translation no longer than its field's English may be: a hamlet or product name of 60
 * bytes ran across the map and the loan desk in French only. Refused at load, at the
 * translate() call's line, naming the field; a fitting one loads. */
static void test_translations_longer_than_the_field_are_refused(void **state) {
    (void)state;
    static const char *const cases[][2] = {
        {"village { households = 40, hamlets = { \"Sukamaju\", \"Cibeureum\" } }\n",
         "[\"Sukamaju\"] = \"Le tr\xC3\xA8s long nom du hameau de Sukamaju au bord de l'eau\""},
        {"product { name = \"Group loan\", method = \"flat\", rate = 30, installments = 25, "
         "frequency = \"weekly\", min = 100000, max = 1000000 }\n",
         "[\"Group loan\"] = \"Pr\xC3\xAAt de groupe solidaire aux femmes des hameaux du haut\""},
        {"-- the title\n",
         "[\"Own words\"] = \"" /* a title of 200 bytes */
         "Mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"
         "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"
         "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm\""},
    };
    static const char *const field[] = {"hamlet name", "product name", "title"};
    const char *lua = UD_TEST_DIR "/long_translation.lua";
    for (int fits = 0; fits < 2; fits++) {
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            FILE *f = fopen(lua, "w");
            assert_non_null(f);
            fprintf(
                f,
                "scenario { id = \"t\", title = \"Own words\", module = \"test\", months = 2 }\n"
                "%s\ntranslate(\"fr\", { %s })\n",
                cases[i][0], fits ? "[\"Own words\"] = \"Mes mots\"" : cases[i][1]);
            fclose(f);
            ud_game_options o;
            memset(&o, 0, sizeof o);
            o.helpers_root = ud_scenarios_root();
            char err[4096] = "";
            ud_game *g = ud_game_load(lua, &o, err, sizeof err);
            if (fits) {
                if (g == NULL) {
                    fail_msg("%s", err);
                }
                ud_game_free(g);
                continue;
            }
            assert_null(g);
            char want[128];
            snprintf(want, sizeof want,
                     "long_translation.lua:4: translate('fr'): the "
                     "translation of the %s",
                     field[i]);
            if (strstr(err, want) == NULL) {
                fail_msg("case %zu: %s", i, err);
            }
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_translations_scenario_tables_come_before_the_catalog),
        cmocka_unit_test(test_translations_longer_than_the_field_are_refused),
        cmocka_unit_test(test_translations_every_shipped_scenario_is_complete_in_every_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
