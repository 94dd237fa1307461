/* Tests of saved games: an exact round trip, and every kind of damaged save refused with a
 * message that says which and why. */
#define _XOPEN_SOURCE 700 /* mkfifo, realpath, chdir */
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
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char err[4096];

static const char *in_dir(const char *name) {
    static char paths[8][1024];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, 1024, "%s/%s", UD_TEST_DIR, name);
    return p;
}

/* Saves load only scenarios in a module folder of the scenarios folder: the tests keep
 * theirs in <test dir>/saves/m/. */
static ud_game_options load_options(void) {
    static char root[1024];
    snprintf(root, sizeof root, "%s/saves", UD_TEST_DIR);
    mkdir(root, 0755);
    char module[1100];
    snprintf(module, sizeof module, "%s/m", root);
    mkdir(module, 0755);
    ud_game_options o;
    memset(&o, 0, sizeof o);
    o.helpers_root = root;
    return o;
}

static ud_game *load_save(const char *path) {
    ud_game_options o = load_options();
    return ud_save_load(path, &o, err, sizeof err);
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
    ud_game_options o = load_options();
    const char *scenario = in_dir("saves/m/saved_scenario.lua");
    write_file(scenario, scenario_text, strlen(scenario_text));
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
        if (m == 1) { /* a raise, and a product for some trades only: both saved */
            c = (ud_command){.type = UD_CMD_SET_SALARY, .index = 0, .amount = 2345678};
            assert_true(ud_game_command(g, &c, err, sizeof err));
        }
        if (m == 2) {
            int n;
            c.type = UD_CMD_SET_PRODUCT;
            c.index = 0;
            c.product = ud_sim_products(ud_game_sim(g), &n)[0];
            c.product.terms.annual_rate = UD_RATE_PERCENT(27) + 12345;
            c.product.business_mask = (uint8_t)(1u << UD_BIZ_FARMING | 1u << UD_BIZ_TRADE);
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
    ud_game *loaded = load_save(path);
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
    /* the raise and the product's trades came back with the decisions */
    const ud_officer *oa = ud_sim_officers(a, &na), *ob = ud_sim_officers(b, &nb);
    assert_int_equal(ob[0].salary, 2345678);
    assert_int_equal(oa[0].salary, ob[0].salary);
    const ud_product *pa = ud_sim_products(a, &na), *pb = ud_sim_products(b, &nb);
    assert_int_equal(pb[0].business_mask, pa[0].business_mask);
    assert_int_equal(pb[0].business_mask, 1u << UD_BIZ_FARMING | 1u << UD_BIZ_TRADE);
    /* both go on identically */
    ud_game_play_month(original);
    ud_game_play_month(loaded);
    assert_int_equal(ud_sim_indicators(a, 7)->cash, ud_sim_indicators(b, 7)->cash);
    ud_game_free(original);
    ud_game_free(loaded);
}

static void refused(const char *path, const char *expected) {
    ud_game *g = load_save(path);
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
    const char *scenario = in_dir("saves/m/saved_scenario.lua");
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
    ud_game *loaded = load_save(path);
    assert_non_null(loaded);
    ud_game_free(loaded);
    ud_game_free(g);
    free(before);
    free(after);
}

/* ---- saves turned against the player ---- */

static uint64_t fnv(const char *p, size_t n) {
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

/* Writes `body` (a save without its end line) sealed with a valid checksum, as anyone can. */
static void write_sealed(const char *path, const char *body) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(body, f);
    fprintf(f, "end %016llx\n", (unsigned long long)fnv(body, strlen(body)));
    fclose(f);
}

/* The good save's text without its end line, with `from` replaced by `to` (once). */
static char *edited(const char *good, const char *from, const char *to) {
    size_t len;
    char *text = read_file(good, &len);
    char *end = strstr(text, "\nend ");
    assert_non_null(end);
    end[1] = '\0';
    char *out = malloc(len + strlen(to) + 1);
    char *at = strstr(text, from);
    if (at == NULL) {
        fail_msg("'%s' is not in the save", from);
    }
    snprintf(out, len + strlen(to) + 1, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    free(text);
    return out;
}

static void refused_sealed(const char *good, const char *from, const char *to,
                           const char *expected) {
    char *body = edited(good, from, to);
    const char *path = in_dir("sealed.save");
    write_sealed(path, body);
    free(body);
    clock_t start = clock();
    refused(path, expected);
    if ((double)(clock() - start) / CLOCKS_PER_SEC > 2.0) {
        fail_msg("refusing the save took more than 2 s: %s", err);
    }
}

static void test_save_names_only_scenarios_the_player_could_pick(void **state) {
    (void)state;
    char good[1024];
    snprintf(good, sizeof good, "%s", in_dir("pick.save"));
    ud_game_free(played_game(good));
    size_t len;
    char *text = read_file(good, &len);
    char *line = strstr(text, "scenario ") + 9;
    *strchr(line, '\n') = '\0';
    char scenario[1024];
    snprintf(scenario, sizeof scenario, "scenario %s", line);
    free(text);
    /* devices and FIFOs once hung the loader; folders and other files are not scenarios */
    refused_sealed(good, scenario, "scenario /dev/zero", "not one of the scenarios");
    refused_sealed(good, scenario, "scenario /dev/urandom", "not one of the scenarios");
    char fifo[1100];
    snprintf(fifo, sizeof fifo, "%s/saves/m/fifo.lua", UD_TEST_DIR);
    remove(fifo);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    char named[1200];
    snprintf(named, sizeof named, "scenario %s", fifo);
    refused_sealed(good, scenario, named, "is missing");
    remove(fifo);
    refused_sealed(good, scenario, "scenario /etc/passwd", "not one of the scenarios");
    /* a readable Lua file that is not in a scenario folder, even with the right hash */
    char outside[1024];
    snprintf(outside, sizeof outside, "%s", in_dir("outside.lua"));
    write_file(outside, scenario_text, strlen(scenario_text));
    snprintf(named, sizeof named, "scenario %s", outside);
    refused_sealed(good, scenario, named, "not one of the scenarios");
    char helper[1024];
    snprintf(helper, sizeof helper, "%s", in_dir("saves/lib/saved_scenario.lua"));
    mkdir(in_dir("saves/lib"), 0755);
    write_file(helper, scenario_text, strlen(scenario_text));
    snprintf(named, sizeof named, "scenario %s", helper);
    refused_sealed(good, scenario, named, "not one of the scenarios");
    /* a save file that is not a regular file, or too large */
    refused("/dev/zero", "not a regular file");
    refused(in_dir("saves"), "not a regular file");
    const char *big = in_dir("big.save");
    FILE *f = fopen(big, "wb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 17L << 20, SEEK_SET), 0);
    fputc('\n', f);
    fclose(f);
    refused(big, "too large");
    remove(big);
}

/* A trainer's own scenario (in a folder of their own, flat or in a module folder) loads back
 * when the game names that folder, and only then. */
static void test_save_a_trainers_own_scenario_loads_back(void **state) {
    (void)state;
    char own[1100], module[1200];
    snprintf(own, sizeof own, "%s/own_scenarios", UD_TEST_DIR);
    mkdir(own, 0755);
    snprintf(module, sizeof module, "%s/mine", own);
    mkdir(module, 0755);
    const char *files[2] = {"own_scenarios/flat.lua", "own_scenarios/mine/in_module.lua"};
    for (int i = 0; i < 2; i++) {
        char scenario[1024], save[1024];
        snprintf(scenario, sizeof scenario, "%s", in_dir(files[i]));
        snprintf(save, sizeof save, "%s", in_dir("own.save"));
        write_file(scenario, scenario_text, strlen(scenario_text));
        ud_game_options o = load_options();
        ud_game *g = ud_game_load(scenario, &o, err, sizeof err);
        assert_non_null(g);
        ud_game_play_month(g);
        ud_game_play_month(g);
        assert_true(ud_save_write(g, save, err, sizeof err));
        ud_game_free(g);
        assert_null(ud_save_load(save, &o, err, sizeof err));
        assert_non_null(strstr(err, "not one of the scenarios"));
        const char *folders[] = {own, NULL};
        o.scenario_folders = folders;
        ud_game *back = ud_save_load(save, &o, err, sizeof err);
        if (back == NULL) {
            fail_msg("%s: %s", files[i], err);
        }
        assert_int_equal(ud_sim_month(ud_game_sim(back)), 2);
        ud_game_free(back);
    }
}

/* Writes `text` as the scenario at `scenario`, plays `months` months of it and saves the game
 * at `save` (with `o`'s folders). */
static void save_played(const char *scenario, const char *text, int months, const char *save,
                        const ud_game_options *o) {
    write_file(scenario, text, strlen(text));
    ud_game_options opt = *o;
    ud_game *g = ud_game_load(scenario, &opt, err, sizeof err);
    if (g == NULL) {
        fail_msg("%s", err);
    }
    for (int m = 0; m < months; m++) {
        ud_game_play_month(g);
    }
    assert_true(ud_save_write(g, save, err, sizeof err));
    ud_game_free(g);
}

/* Loads the save (it must load) and returns the month it restores. */
static int loads_back(const char *save, const ud_game_options *o) {
    ud_game *back = ud_save_load(save, o, err, sizeof err);
    if (back == NULL) {
        fail_msg("%s: %s", save, err);
    }
    int month = ud_sim_month(ud_game_sim(back));
    ud_game_free(back);
    return month;
}

/* A scenario opened by its path, outside every scenario folder: its saves load when the
 * game knows that file (play FILE), and the refusal otherwise says how to load them. */
static void test_save_of_a_scenario_opened_by_path(void **state) {
    (void)state;
    mkdir(in_dir("anywhere"), 0755);
    char scenario[1100], save[1024];
    snprintf(scenario, sizeof scenario, "%s", in_dir("anywhere/by_path.lua"));
    snprintf(save, sizeof save, "%s", in_dir("by_path.save"));
    ud_game_options o = load_options();
    save_played(scenario, scenario_text, 1, save, &o);
    assert_null(ud_save_load(save, &o, err, sizeof err));
    assert_non_null(strstr(err, "unitdesa play FILE"));
    const char *files[] = {scenario, NULL};
    o.scenario_files = files;
    (void)loads_back(save, &o);
}

/* A save whose scenario moved (the game installed elsewhere, the trainer's folder copied to
 * another PC) finds the very same file, by its content, in the scenario folders; a file of
 * the same name with other content is not taken for it. */
static void test_save_finds_its_scenario_moved_elsewhere(void **state) {
    (void)state;
    char before[1100], after_dir[1100], after[1200], save[1024];
    snprintf(before, sizeof before, "%s", in_dir("own_scenarios/moving.lua"));
    snprintf(after_dir, sizeof after_dir, "%s/moved_here", UD_TEST_DIR);
    mkdir(in_dir("own_scenarios"), 0755);
    mkdir(after_dir, 0755);
    snprintf(after, sizeof after, "%s/moving.lua", after_dir);
    snprintf(save, sizeof save, "%s", in_dir("moving.save"));
    /* its own content: the other tests' scenario has the same text */
    char text[2048];
    snprintf(text, sizeof text, "%s-- moving\n", scenario_text);
    ud_game_options o = load_options();
    const char *folders[] = {in_dir("own_scenarios"), NULL};
    char own[1100];
    snprintf(own, sizeof own, "%s", folders[0]);
    folders[0] = own;
    o.scenario_folders = folders;
    save_played(before, text, 1, save, &o);
    remove(before);
    const char *other = "-- another scenario of the same name\n";
    write_file(after, other, strlen(other));
    const char *moved_folders[] = {after_dir, NULL};
    o.scenario_folders = moved_folders;
    assert_null(ud_save_load(save, &o, err, sizeof err));
    assert_non_null(strstr(err, "is missing"));
    write_file(after, text, strlen(text));
    assert_int_equal(loads_back(save, &o), 1);
    remove(after);
}

/* A scenario edited (or taken away) while a team plays: the saves made afterwards name the
 * text the game was loaded from, so they load again once that text is back, and are refused,
 * saying so, while the file holds something else. */
static void test_save_names_the_text_the_game_was_loaded_from(void **state) {
    (void)state;
    const char *scenario = in_dir("saves/m/saved_scenario.lua");
    write_file(scenario, scenario_text, strlen(scenario_text));
    ud_game_options o = load_options();
    ud_game *g = ud_game_load(scenario, &o, err, sizeof err);
    assert_non_null(g);
    ud_game_play_month(g);
    ud_game_play_month(g);
    const char *edited = "-- the trainer's fix, made while the team plays\n";
    write_file(scenario, edited, strlen(edited));
    char save[1024];
    snprintf(save, sizeof save, "%s", in_dir("edited_meanwhile.save"));
    assert_true(ud_save_write(g, save, err, sizeof err));
    remove(scenario); /* even with the file gone for a moment */
    assert_true(ud_save_write(g, save, err, sizeof err));
    ud_game_free(g);
    write_file(scenario, edited, strlen(edited));
    assert_null(ud_save_load(save, &o, err, sizeof err));
    assert_non_null(strstr(err, "has changed since this game was saved"));
    write_file(scenario, scenario_text, strlen(scenario_text));
    assert_int_equal(loads_back(save, &o), 2);
}

/* A helper changed since the save: the refusal names the helper, not another version of
 * the game; with the helper put back, the save loads. */
static void test_save_names_a_changed_helper(void **state) {
    (void)state;
    mkdir(in_dir("saves/m/lib"), 0755);
    const char *helper = in_dir("saves/m/lib/sizes.lua");
    const char *before = "return { households = 220 }\n";
    write_file(helper, before, strlen(before));
    const char *scenario = in_dir("saves/m/with_helper.lua");
    const char *text = "scenario { id = 'with_helper', title = 'T', months = 6 }\n"
                       "local sizes = require('lib.sizes')\n"
                       "village { households = sizes.households }\n";
    ud_game_options o = load_options();
    char save[1024];
    snprintf(save, sizeof save, "%s", in_dir("helper.save"));
    save_played(scenario, text, 2, save, &o);
    const char *after = "return { households = 260 }\n";
    write_file(helper, after, strlen(after));
    assert_null(ud_save_load(save, &o, err, sizeof err));
    if (strstr(err, "the helper file lib/sizes.lua has changed") == NULL) {
        fail_msg("%s", err);
    }
    write_file(helper, before, strlen(before));
    (void)loads_back(save, &o);
}

/* A save whose lines were turned into CR LF (copied through a Windows editor or mail) loads
 * as it was written; a carriage return anywhere else is damage. */
static void test_save_with_windows_line_ends_loads(void **state) {
    (void)state;
    const char *path = in_dir("crlf.save");
    ud_game_free(played_game(path));
    size_t len;
    char *text = read_file(path, &len);
    char *crlf = malloc(len * 2 + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            crlf[k++] = '\r';
        }
        crlf[k++] = text[i];
    }
    write_file(path, crlf, k);
    ud_game *g = load_save(path);
    if (g == NULL) {
        fail_msg("%s", err);
    }
    assert_int_equal(ud_sim_month(ud_game_sim(g)), 6);
    ud_game_free(g);
    /* one stray carriage return inside a line is not a line end: the checksum refuses it */
    memcpy(crlf, text, len);
    char *title = strstr(crlf, "title ");
    title[6] = '\r';
    write_file(path, crlf, len);
    assert_null(load_save(path));
    free(crlf);
    free(text);
}

static void test_save_every_value_is_validated(void **state) {
    (void)state;
    char good[1024];
    snprintf(good, sizeof good, "%s", in_dir("strict.save"));
    ud_game_free(played_game(good));
    /* the hire in month 0: "C 7 0 1 2 1500000 ..." */
    refused_sealed(good, "C 7 0 1 2 1500000 ", "C 7 0 1 2 9223372036854775807 ",
                   "cannot be replayed (amount");
    refused_sealed(good, "C 7 0 1 2 1500000 ", "C 7 0 1 9 1500000 ", "cannot be replayed (level");
    refused_sealed(good, "C 7 0 1 2 1500000 ", "C 7 0 -5 2 1500000 ", "cannot be replayed (count");
    /* a number too long for its field is named as it is in the file, not as it wrapped */
    refused_sealed(
        good, "C 7 0 1 2 1500000 ", "C 7 0 99999999999999999999 2 1500000 ",
        "cannot be replayed (field 3 (count) is out of range (got 99999999999999999999))");
    refused_sealed(good, "C 7 0 1 2 1500000 ", "C 7 0 1 2 99999999999999999999 ",
                   "cannot be replayed (field 5 (amount) is out of range");
    refused_sealed(good, "months 6\n", "months 6x\n", "the months line is not valid");
    refused_sealed(good, "months 6\n", "months 99999999999\n", "the months line is not valid");
    refused_sealed(good, "seed ", "seed -", "the seed line is not valid");
    refused_sealed(good, "decision 0 C 7", "decision -1 C 7",
                   "cannot be replayed (its month is missing or after the 6 months played)");
    refused_sealed(good, "decision 0 C 7", "decision 0x C 7", "cannot be replayed (its month");
    refused_sealed(good, "decision 2 A 1 2\n", "decision 2 A 1 2 junk\n",
                   "cannot be replayed (an answer is 'A question option', two whole numbers");
    /* numbers too long for an answer are refused, not wrapped (4294967298 read as option 2) */
    refused_sealed(good, "decision 2 A 1 2\n", "decision 2 A 4294967297 4294967298\n",
                   "cannot be replayed (an answer is 'A question option', two whole numbers");
    /* a hexadecimal count is named as its own field, not the next one */
    refused_sealed(good, "C 7 0 1 2 1500000 ", "C 7 0 0x1 2 1500000 ",
                   "cannot be replayed (field 3 (count) is not a whole number (got 0x1))");
    /* a command's field that cannot be read is named */
    refused_sealed(good, "C 7 0 1 2 1500000 ", "C 7 0 1 2 x1500000 ",
                   "cannot be replayed (field 5 (amount) is not a whole number (got x1500000))");
    refused_sealed(good, "decision 0 C 7", "decision 0 Z 7",
                   "cannot be replayed (it is neither a command (C ...) nor an answer (A ...))");
    /* the format version is a whole number */
    refused_sealed(good, "UNITDESA-SAVE 2\n", "UNITDESA-SAVE 1e999\n",
                   ":1: corrupted: the format version must be a whole number");
    refused_sealed(good, "UNITDESA-SAVE 2\n", "UNITDESA-SAVE 1.5\n",
                   ":1: corrupted: the format version must be a whole number");
    /* a value after the last field */
    char *body = edited(good, "decision 0 C 7", "decision 0 C 7");
    char *nl = strchr(strstr(body, "decision 0 C 7"), '\n');
    char *with_junk = malloc(strlen(body) + 8);
    sprintf(with_junk, "%.*s 1\n%s", (int)(nl - body), body, nl + 1);
    const char *path = in_dir("junk.save");
    write_sealed(path, with_junk);
    refused(path, "cannot be replayed (there is more after its last field (manual_review))");
    free(with_junk);
    free(body);
    refused_sealed(good, "title Saved", "title Sa\x1b[2Jved", "the title line is not valid");
    /* lines that are not part of a save, or a header line twice */
    refused_sealed(good, "months 6\n", "months 6\nxxxx\n", "this line is not part of a saved game");
    refused_sealed(good, "months 6\n", "months 6\nseed 1\n",
                   "this line is not part of a saved game");
    /* decisions out of order */
    refused_sealed(good, "decision 2 C", "decision 5 C", "cannot be replayed");
    /* the guide's steps by month: no more months than played, each a step count it has */
    refused_sealed(good, "months 6\n", "months 6\nguide-months 99999999999 0\n",
                   "guide-months must give a count from 0 to the 6 months played");
    refused_sealed(good, "months 6\n", "months 6\nguide-months 2 0 x\n",
                   "guide-months: month 2's steps must be 0 to 0");
    refused_sealed(good, "months 6\n", "months 6\nguide-months 1 0 0\n",
                   "guide-months gives more values than its count (1)");
}

static const char *strategy_scenario =
    "scenario { id = 'st', title = 'Strategy', months = 12 }\n"
    "at_month(2, function()\n"
    "  ask { text = 'Q', options = { 'a', 'b' }, answer = function(c) news('answer %d', c) end }\n"
    "  offer { kind = 'grant_cash', amount = 5000 }\n"
    "end)\n"
    "every_month(function() news('draw %d', math.random(1000)) end)\n";

static void test_save_a_strategy_game_loads_back(void **state) {
    (void)state;
    ud_game_options o = load_options();
    const char *scenario = in_dir("saves/m/strategy_scenario.lua");
    write_file(scenario, strategy_scenario, strlen(strategy_scenario));
    const char *strategy = in_dir("strategy_for_save.lua");
    const char *text = "function decide(m)\n"
                       "  for i = 1, 10 do math.random() end\n"
                       "  if m == 2 then accept(1) end\n"
                       "  if m == 3 then hire { count = 1, salary = 2000000 } end\n"
                       "  for _, a in ipairs(applications()) do\n"
                       "    if a.id % 2 == 0 then reject(a.id) end\n"
                       "  end\n"
                       "end\n"
                       "function answer(q) return 2 end\n";
    write_file(strategy, text, strlen(text));
    ud_game *g = ud_game_load(scenario, &o, err, sizeof err);
    assert_non_null(g);
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    for (int m = 0; m < 6; m++) {
        ud_game_play_month(g);
    }
    int problems;
    ud_game_problems(g, &problems);
    assert_int_equal(problems, 0);
    const char *path = in_dir("strategy.save");
    assert_true(ud_save_write(g, path, err, sizeof err));
    ud_game *loaded = load_save(path);
    if (loaded == NULL) {
        fail_msg("loading a strategy's game: %s", err);
    }
    for (int m = 1; m <= 6; m++) {
        assert_int_equal(ud_sim_indicators(ud_game_sim(g), m)->cash,
                         ud_sim_indicators(ud_game_sim(loaded), m)->cash);
    }
    int na, nb;
    const ud_news *a = ud_game_news(g, &na);
    const ud_news *b = ud_game_news(loaded, &nb);
    assert_int_equal(na, nb);
    for (int i = 0; i < na; i++) {
        assert_string_equal(a[i].text, b[i].text);
    }
    ud_game_free(loaded);
    ud_game_free(g);
}

static void test_save_with_a_relative_scenario_path_loads_from_elsewhere(void **state) {
    (void)state;
    char here[1024];
    assert_non_null(getcwd(here, sizeof here));
    ud_game_options o = load_options();
    char root[1024];
    assert_non_null(realpath(o.helpers_root, root));
    o.helpers_root = root;
    const char *scenario = in_dir("saves/m/saved_scenario.lua");
    write_file(scenario, scenario_text, strlen(scenario_text));
    assert_int_equal(chdir(root), 0);
    ud_game *g = ud_game_load("m/saved_scenario.lua", &o, err, sizeof err);
    assert_non_null(g);
    ud_game_play_month(g);
    char save[1100];
    snprintf(save, sizeof save, "%s/relative.save", root);
    assert_true(ud_save_write(g, "relative.save", err, sizeof err));
    assert_int_equal(chdir("/"), 0);
    ud_game *loaded = ud_save_load(save, &o, err, sizeof err);
    assert_int_equal(chdir(here), 0);
    if (loaded == NULL) {
        fail_msg("loading from another folder: %s", err);
    }
    ud_game_free(loaded);
    ud_game_free(g);
}

/* A save the game writes always loads: a scenario whose one-line texts (id, title, module)
 * hold a tab, a line break or a NUL is refused where it is declared; a scenario whose path a
 * save cannot hold (a tab in a folder's name, longer than a save line allows) cannot be
 * saved, with the reason, and no save is written. */
static void test_save_written_always_loads_or_is_refused_saying_why(void **state) {
    (void)state;
    ud_game_options o = load_options();
    static const struct {
        const char *declaration, *want;
    } texts[] = {
        /* Lua escapes: the script holds the control characters */
        {"scenario { id = 't', title = 'Tab\\there', months = 3 }", "title must be one line"},
        {"scenario { id = 't', title = 'Line1\\nseed 5', months = 3 }", "a line break"},
        {"scenario { id = 't', title = 'cut\\0off', months = 3 }", "a NUL byte"},
        {"scenario { id = 't\\tx', title = 'T', months = 3 }", "id must be one line"},
        {"scenario { id = 't', title = 'T', module = 'm\\r', months = 3 }", "a carriage return"},
    };
    const char *scenario = in_dir("saves/m/one_line.lua");
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char source[200];
        int n = snprintf(source, sizeof source, "\n%s\n", texts[i].declaration);
        assert_true(n > 0);
        write_file(scenario, source, (size_t)n);
        ud_game *g = ud_game_load(scenario, &o, err, sizeof err);
        if (g != NULL || strstr(err, texts[i].want) == NULL ||
            strstr(err, "one_line.lua:2:") == NULL) {
            fail_msg("%s: expected '%s' at line 2; got %s", texts[i].declaration, texts[i].want,
                     g != NULL ? "a game" : err);
        }
    }
    /* a folder with a tab in its name: the game plays, the save is refused, nothing written */
    char folder[1100], save[1100];
    snprintf(folder, sizeof folder, "%s/own_tab\tfolder", UD_TEST_DIR);
    mkdir(folder, 0755);
    char in_tab[1200];
    snprintf(in_tab, sizeof in_tab, "%s/tab.lua", folder);
    write_file(in_tab, scenario_text, strlen(scenario_text));
    snprintf(save, sizeof save, "%s", in_dir("tab.save"));
    remove(save);
    ud_game *g = ud_game_load(in_tab, &o, err, sizeof err);
    assert_non_null(g);
    ud_game_play_month(g);
    assert_false(ud_save_write(g, save, err, sizeof err));
    if (strstr(err, "cannot save") == NULL || strstr(err, "a tab, a line break") == NULL) {
        fail_msg("expected the save to be refused for the tab in the path; got %s", err);
    }
    ud_game_free(g);
    struct stat st;
    assert_int_not_equal(stat(save, &st), 0);
    /* a path longer than a game keeps is refused when the scenario is loaded; one that is
     * short but whose full path is too long for a save (a relative path) when saving */
    char deep[2000], here[1024];
    snprintf(deep, sizeof deep, "%s", UD_TEST_DIR);
    while (strlen(deep) < 1100) {
        strcat(deep, "/a_rather_long_folder_name_to_make_the_full_path_of_the_scenario_long");
        mkdir(deep, 0755);
    }
    char far[2100];
    snprintf(far, sizeof far, "%s/far.lua", deep);
    write_file(far, scenario_text, strlen(scenario_text));
    assert_null(ud_game_load(far, &o, err, sizeof err));
    assert_non_null(strstr(err, "the path of this file is too long"));
    assert_non_null(getcwd(here, sizeof here));
    assert_int_equal(chdir(deep), 0);
    g = ud_game_load("far.lua", &o, err, sizeof err);
    assert_int_equal(chdir(here), 0);
    assert_non_null(g);
    ud_game_play_month(g);
    assert_int_equal(chdir(deep), 0);
    bool saved = ud_save_write(g, save, err, sizeof err);
    assert_int_equal(chdir(here), 0);
    ud_game_free(g);
    assert_false(saved);
    assert_non_null(strstr(err, "is too long for a saved game"));
    assert_int_not_equal(stat(save, &st), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_round_trip_equals_the_original),
        cmocka_unit_test(test_save_damaged_saves_are_refused),
        cmocka_unit_test(test_save_failed_write_keeps_the_previous_save),
        cmocka_unit_test(test_save_names_only_scenarios_the_player_could_pick),
        cmocka_unit_test(test_save_a_trainers_own_scenario_loads_back),
        cmocka_unit_test(test_save_finds_its_scenario_moved_elsewhere),
        cmocka_unit_test(test_save_of_a_scenario_opened_by_path),
        cmocka_unit_test(test_save_names_the_text_the_game_was_loaded_from),
        cmocka_unit_test(test_save_names_a_changed_helper),
        cmocka_unit_test(test_save_with_windows_line_ends_loads),
        cmocka_unit_test(test_save_every_value_is_validated),
        cmocka_unit_test(test_save_a_strategy_game_loads_back),
        cmocka_unit_test(test_save_with_a_relative_scenario_path_loads_from_elsewhere),
        cmocka_unit_test(test_save_written_always_loads_or_is_refused_saying_why),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
