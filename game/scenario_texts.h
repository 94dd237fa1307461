/* Every text a scenario shows a trainee, found by loading it and playing it through: for the
 * translation template (po/unitdesa.pot) and the test that every language covers them. */
#ifndef UD_SCENARIO_TEXTS_H
#define UD_SCENARIO_TEXTS_H

#include <stdbool.h>
#include <stddef.h>

/* Called once per text shown (a text may come more than once). `what` says what it is
 * ("title", "news line", ...); `counts` is true for a template whose %d is a count (a news
 * line such as "%d households are still poor."), which translations give plural forms. */
typedef void (*ud_scenario_text_fn)(void *data, const char *path, const char *what,
                                    const char *text, bool counts);

/* Loads the scenario at path, plays it to its end with the strategy (NULL or "": the default
 * one) answering its questions, and calls fn for its title, briefing, objectives, goals,
 * lessons, product names, guided steps, described households' stories, and every news line,
 * question and answer shown on the way. False with a message in err if it cannot be loaded. */
bool ud_scenario_texts(const char *path, const char *strategy, ud_scenario_text_fn fn, void *data,
                       char *err, size_t err_size);

/* The same for the scenario's default, naive and sound strategies in turn (the branches a
 * trainee may see). */
bool ud_scenario_texts_all(const char *path, ud_scenario_text_fn fn, void *data, char *err,
                           size_t err_size);

#endif
