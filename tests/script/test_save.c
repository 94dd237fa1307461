/* Tests of saved games: an exact round trip, and every kind of damaged save refused with a
 * message that says which and why. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ud/save.h"
#include "ud/scores.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char err[4096];

static const char *in_dir(const char *name) {
    static char paths[8][1024];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, 1024, "%s/%s", UD_TEST_DIR, name);
    return p;
}

static void write_file(const char *path, const char *text, size_t len) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, len, f);
    fclose(f);
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    rewind(f);
    char *buf = malloc(*len + 1);
    assert_int_equal(fread(buf, 1, *len, f), *len);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static const char *scenario_text =
    "scenario { id = 's', title = 'Saved', months = 12 }\n"
    "at_month(2, function()\n"
    "  ask { text = 'Q', options = { 'a', 'b' }, answer = function(c) mem.c = c end }\n"
    "end)\n"
    "at_month(3, function() offer { kind = 'grant_cash', amount = 5000 } end)\n";

/* Plays 6 months with decisions of several kinds, and saves. */
static ud_game *played_game(const char *save_path) {
    const char *scenario = in_dir("saved_scenario.lua");
    write_file(scenario, scenario_text, strlen(scenario_text));
    ud_game_options o;
    memset(&o, 0, sizeof o);
    ud_game *g = ud_game_load(scenario, &o, err, sizeof err);
    assert_non_null(g);
    for (int m = 0; m < 6; m++) {
        ud_command c;
        memset(&c, 0, sizeof c);
        if (m == 0) {
            c.type = UD_CMD_HIRE;
            c.count = 1;
            c.amount = 1500000;
            c.level = 2;
            assert_true(ud_game_command(g, &c, err, sizeof err));
        }
        if (m == 2) {
            int n;
            c.type = UD_CMD_SET_PRODUCT;
            c.index = 0;
            c.product = ud_sim_products(ud_game_sim(g), &n)[0];
            c.product.terms.annual_rate = UD_RATE_PERCENT(27) + 12345;
            c.share = 0.1; /* unused by this command: still stored exactly */
            assert_true(ud_game_command(g, &c, err, sizeof err));
            assert_true(ud_game_answer(g, 1, 2, err, sizeof err));
            c = (ud_command){.type = UD_CMD_SET_FOLLOW_UP, .share = 0.7};
            assert_true(ud_game_command(g, &c, err, sizeof err));
        }
        if (m == 3) {
            c = (ud_command){.type = UD_CMD_ACCEPT_OFFER, .index = 0};
            assert_true(ud_game_command(g, &c, err, sizeof err));
        }
        ud_game_play_month(g);
    }
    if (!ud_save_write(g, save_path, err, sizeof err)) {
        fail_msg("saving: %s", err);
    }
    return g;
}

static void test_save_round_trip_equals_the_original(void **state) {
    (void)state;
    const char *path = in_dir("round.save");
    ud_game *original = played_game(path);
    ud_save_info info;
    assert_true(ud_save_peek(path, &info, err, sizeof err));
    assert_int_equal(info.months_played, 6);
    assert_string_equal(info.title, "Saved");
    ud_game *loaded = ud_save_load(path, NULL, err, sizeof err);
    if (loaded == NULL) {
        fail_msg("loading: %s", err);
    }
    ud_sim *a = ud_game_sim(original), *b = ud_game_sim(loaded);
    assert_int_equal(ud_sim_month(a), ud_sim_month(b));
    for (int m = 1; m <= 6; m++) {
        const ud_indicators *x = ud_sim_indicators(a, m), *y = ud_sim_indicators(b, m);
        assert_int_equal(x->cash, y->cash);
        assert_int_equal(x->equity, y->equity);
        assert_int_equal(x->active_borrowers, y->active_borrowers);
        assert_true(x->par30 == y->par30);
    }
    /* the debrief's scores, part by part */
    ud_scores sa, sb;
    ud_scores_compute(a, &sa);
    ud_scores_compute(b, &sb);
    assert_true(sa.institution == sb.institution && sa.clients == sb.clients);
    for (int i = 0; i < sa.client_parts; i++) {
        assert_true(sa.client_part[i].points == sb.client_part[i].points);
    }
    int na, nb;
    ud_game_decisions(original, &na);
    ud_game_decisions(loaded, &nb);
    assert_int_equal(na, nb);
    /* both go on identically */
    ud_game_play_month(original);
    ud_game_play_month(loaded);
    assert_int_equal(ud_sim_indicators(a, 7)->cash, ud_sim_indicators(b, 7)->cash);
    ud_game_free(original);
    ud_game_free(loaded);
}

static void refused(const char *path, const char *expected) {
    ud_game *g = ud_save_load(path, NULL, err, sizeof err);
    if (g != NULL) {
        ud_game_free(g);
        fail_msg("a damaged save (%s) was accepted", path);
    }
    if (strstr(err, expected) == NULL) {
        fail_msg("expected '%s' in the message, got: %s", expected, err);
    }
}

static void test_save_damaged_saves_are_refused(void **state) {
    (void)state;
    const char *good = in_dir("good.save");
    ud_game_free(played_game(good));
    size_t len;
    char *text = read_file(good, &len);

    const char *truncated = in_dir("truncated.save");
    write_file(truncated, text, len - 30);
    refused(truncated, "truncated");

    const char *corrupt = in_dir("corrupt.save");
    char *copy = malloc(len);
    memcpy(copy, text, len);
    char *month_digit = strstr(copy, "months 6");
    month_digit[7] = '5';
    write_file(corrupt, copy, len);
    refused(corrupt, "corrupted");

    const char *version = in_dir("version.save");
    memcpy(copy, text, len);
    copy[strlen("UNITDESA-SAVE ")] = '9';
    write_file(version, copy, len);
    refused(version, "incompatible");

    const char *garbage = in_dir("garbage.save");
    write_file(garbage, "hello world\n", 12);
    refused(garbage, "not a Unit Desa saved game");
    write_file(garbage, "", 0);
    refused(garbage, "not a Unit Desa saved game");
    refused(in_dir("nonexistent.save"), "cannot be opened");

    /* the scenario changed since the save */
    const char *scenario = in_dir("saved_scenario.lua");
    write_file(scenario, "-- edited\n", 10);
    refused(good, "has changed since this game was saved");
    remove(scenario);
    refused(good, "is missing");
    free(copy);
    free(text);
}

static void test_save_failed_write_keeps_the_previous_save(void **state) {
    (void)state;
    const char *path = in_dir("keep.save");
    ud_game *g = played_game(path);
    size_t before_len;
    char *before = read_file(path, &before_len);
    assert_false(ud_save_write(g, "/nonexistent-folder/x.save", err, sizeof err));
    assert_non_null(strstr(err, "cannot write"));
    /* a stale temporary file from an interrupted save does not matter */
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    write_file(tmp, "partial", 7);
    size_t after_len;
    char *after = read_file(path, &after_len);
    assert_int_equal(before_len, after_len);
    assert_memory_equal(before, after, before_len);
    ud_game *loaded = ud_save_load(path, NULL, err, sizeof err);
    assert_non_null(loaded);
    ud_game_free(loaded);
    ud_game_free(g);
    free(before);
    free(after);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_round_trip_equals_the_original),
        cmocka_unit_test(test_save_damaged_saves_are_refused),
        cmocka_unit_test(test_save_failed_write_keeps_the_previous_save),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
