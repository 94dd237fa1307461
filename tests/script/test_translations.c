/* Every shipped scenario is complete in French: its title, briefing, objectives, goals and
 * lessons, and every news line and question its handlers produce, with any strategy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "runner.h"
#include "ud/game.h"

#include <stdio.h>
#include <string.h>

static int missing;

static void need(const ud_game *g, const char *path, const char *what, const char *text) {
    if (text[0] != '\0' && !ud_game_has_translation(g, text)) {
        print_message("%s: no French for the %s \"%s\"\n", path, what, text);
        missing++;
    }
}

static void check_play(const char *path, const char *strategy) {
    ud_game_options o;
    memset(&o, 0, sizeof o);
    o.helpers_root = ud_scenarios_root();
    o.language = "fr";
    char err[4096];
    ud_game *g = ud_game_load(path, &o, err, sizeof err);
    if (g == NULL) {
        fail_msg("%s", err);
    }
    if (strategy != NULL && strategy[0] != '\0' &&
        !ud_game_set_strategy(g, strategy, err, sizeof err)) {
        fail_msg("%s", err);
    }
    const ud_scenario_info *in = ud_game_info(g);
    need(g, path, "title", in->title);
    need(g, path, "briefing", in->briefing);
    for (int i = 0; i < in->objective_count; i++) {
        need(g, path, "objective", in->objectives[i]);
    }
    int n;
    const ud_goal *goals = ud_game_goals(g, &n);
    for (int i = 0; i < n; i++) {
        need(g, path, "goal", goals[i].text);
    }
    const char *lessons[32];
    n = ud_game_all_lessons(g, lessons, 32);
    for (int i = 0; i < n; i++) {
        need(g, path, "lesson", lessons[i]);
    }
    int products;
    const ud_product *product = ud_sim_products(ud_game_sim(g), &products);
    for (int i = 0; i < products; i++) {
        need(g, path, "product name", product[i].name);
    }
    for (int s = 0; s < ud_game_guide_count(g); s++) {
        need(g, path, "guided step", ud_game_guide_step(g, s)->text);
    }
    const char *name, *story;
    for (int h = 0; ud_game_household_story(g, h, &name, &story); h++) {
        need(g, path, "household story", story);
    }
    while (ud_game_play_month(g)) {
    }
    const ud_news *news = ud_game_news(g, &n);
    for (int i = 0; i < n; i++) {
        need(g, path, "news line", news[i].key);
    }
    const ud_question *q = ud_game_questions(g, &n);
    for (int i = 0; i < n; i++) {
        need(g, path, "question", q[i].text);
        for (int k = 0; k < q[i].option_count; k++) {
            need(g, path, "answer", q[i].options[k]);
        }
    }
    ud_game_free(g);
}

static void test_translations_every_shipped_scenario_is_complete_in_french(void **state) {
    (void)state;
    static char paths[64][1024];
    int n = ud_shipped_scenarios(paths, 64);
    assert_true(n >= 6);
    for (int i = 0; i < n; i++) {
        ud_game_options o;
        memset(&o, 0, sizeof o);
        o.helpers_root = ud_scenarios_root();
        char err[4096];
        ud_game *g = ud_game_load(paths[i], &o, err, sizeof err);
        assert_non_null(g);
        ud_scenario_info in = *ud_game_info(g);
        ud_game_free(g);
        check_play(paths[i], NULL);
        check_play(paths[i], in.naive_strategy);
        check_play(paths[i], in.sound_strategy);
    }
    assert_int_equal(missing, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_translations_every_shipped_scenario_is_complete_in_french),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
