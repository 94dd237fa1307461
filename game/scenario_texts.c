/* Every text a scenario shows a trainee, found by loading it and playing it through. */
#include "scenario_texts.h"
#include "strategy_summary.h"

#include "runner.h"
#include "ud/game.h"

#include <stdio.h>
#include <string.h>

static bool counts(const char *template) {
    for (const char *p = template; *p != '\0'; p++) {
        if (p[0] == '%' && p[1] == '%') {
            p++;
        } else if (p[0] == '%' && p[1] == 'd') {
            return true;
        }
    }
    return false;
}

static void emit(ud_scenario_text_fn fn, void *data, const char *path, const char *what,
                 const char *text, bool counted) {
    if (text != NULL && text[0] != '\0') {
        fn(data, path, what, text, counted);
    }
}

/* The scenario as the tools load it: its helpers from the shipped scenarios folder. */
static ud_game *load(const char *path, char *err, size_t err_size) {
    ud_game_options o;
    memset(&o, 0, sizeof o);
    o.helpers_root = ud_scenarios_root();
    return ud_game_load(path, &o, err, err_size);
}

bool ud_scenario_texts(const char *path, const char *strategy, ud_scenario_text_fn fn, void *data,
                       char *err, size_t err_size) {
    ud_game *g = load(path, err, err_size);
    if (g == NULL) {
        return false;
    }
    if (strategy != NULL && strategy[0] != '\0' &&
        !ud_game_set_strategy(g, strategy, err, err_size)) {
        ud_game_free(g);
        return false;
    }
    const ud_scenario_info *in = ud_game_info(g);
    emit(fn, data, path, "title", in->title, false);
    emit(fn, data, path, "briefing", in->briefing, false);
    for (int i = 0; i < in->objective_count; i++) {
        emit(fn, data, path, "objective", in->objectives[i], false);
    }
    int n;
    const ud_goal *goals = ud_game_goals(g, &n);
    for (int i = 0; i < n; i++) {
        emit(fn, data, path, "goal", goals[i].text, false);
    }
    const char *lessons[32];
    n = ud_game_all_lessons(g, lessons, 32);
    for (int i = 0; i < n; i++) {
        emit(fn, data, path, "lesson", lessons[i], false);
    }
    int products;
    const ud_product *product = ud_sim_products(ud_game_sim(g), &products);
    for (int i = 0; i < products; i++) {
        emit(fn, data, path, "product name", product[i].name, false);
    }
    for (int s = 0; s < ud_game_guide_count(g); s++) {
        emit(fn, data, path, "guided step", ud_game_guide_step(g, s)->text, false);
    }
    const char *name, *story;
    for (int h = 0; ud_game_household_story(g, h, &name, &story); h++) {
        emit(fn, data, path, "household story", story, false);
    }
    while (ud_game_play_month(g)) {
    }
    const ud_news *news = ud_game_news(g, &n);
    for (int i = 0; i < n; i++) {
        emit(fn, data, path, "news line", news[i].key, counts(news[i].key));
    }
    const ud_question *q = ud_game_questions(g, &n);
    for (int i = 0; i < n; i++) {
        emit(fn, data, path, "question", q[i].text, false);
        for (int k = 0; k < q[i].option_count; k++) {
            emit(fn, data, path, "answer", q[i].options[k], false);
        }
    }
    ud_game_free(g);
    return true;
}

bool ud_scenario_texts_all(const char *path, ud_scenario_text_fn fn, void *data, char *err,
                           size_t err_size) {
    ud_game *g = load(path, err, err_size);
    if (g == NULL) {
        return false;
    }
    char naive[1024], sound[1024];
    snprintf(naive, sizeof naive, "%s", ud_game_info(g)->naive_strategy);
    snprintf(sound, sizeof sound, "%s", ud_game_info(g)->sound_strategy);
    ud_game_free(g);
    bool ok = ud_scenario_texts(path, NULL, fn, data, err, err_size) &&
              ud_scenario_texts(path, naive, fn, data, err, err_size) &&
              ud_scenario_texts(path, sound, fn, data, err, err_size);
    /* the debrief says what the reference (sound) strategy did, in its author's words */
    char summary[600];
    if (ok && sound[0] != '\0' && ud_strategy_summary(sound, summary, sizeof summary)) {
        fn(data, path, "reference strategy", summary, false);
    }
    return ok;
}
