/* What the script tests share: writing a script under the test folder and loading it with
 * the shipped helpers. Include after <cmocka.h>; UD_TEST_DIR and UD_SCENARIOS come from CMake. */
#ifndef UD_TEST_SCRIPT_FIXTURE_H
#define UD_TEST_SCRIPT_FIXTURE_H

#include "ud/game.h"

#include <stdio.h>
#include <string.h>

#ifndef UD_TEST_DIR
#define UD_TEST_DIR "."
#endif

static char path_buf[1024];
static char err[8192]; /* the last load's message */

/* Writes a script under the test folder and returns its path. */
static inline const char *script(const char *name, const char *text) {
    snprintf(path_buf, sizeof path_buf, "%s/%s", UD_TEST_DIR, name);
    FILE *f = fopen(path_buf, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path_buf;
}

static inline ud_game_options options(void) {
    ud_game_options o;
    memset(&o, 0, sizeof o);
    o.helpers_root = UD_SCENARIOS;
    return o;
}

/* Loads a script that must load, or fails the test with the message. */
static inline ud_game *load_ok(const char *path) {
    ud_game_options o = options();
    ud_game *g = ud_game_load(path, &o, err, sizeof err);
    if (g == NULL) {
        fail_msg("expected %s to load, got: %s", path, err);
    }
    return g;
}

#endif
