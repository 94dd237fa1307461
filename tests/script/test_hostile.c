/* Hostile scenarios and strategies: each case is a way out of the sandbox's limits or its
 * determinism that was once open. Every one must end within about a second of CPU, with a
 * message at the script's file:line, and never change what a fixed seed gives. */
#define _XOPEN_SOURCE 700 /* mkstemp, symlink */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ud/game.h"
#include "ud/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "script_fixture.h"

static double cpu_now(void) {
    return (double)clock() / CLOCKS_PER_SEC;
}

/* Loading must fail, within `seconds` of CPU, with a message that contains `expected`. */
static void fails_within(const char *path, const char *expected, double seconds) {
    ud_game_options o = options();
    double start = cpu_now();
    ud_game *g = ud_game_load(path, &o, err, sizeof err);
    double spent = cpu_now() - start;
    if (g != NULL) {
        ud_game_free(g);
        fail_msg("expected %s to fail with '%s', but it loaded", path, expected);
    }
    if (strstr(err, expected) == NULL) {
        fail_msg("expected the message to contain '%s', got: %s", expected, err);
    }
    if (spent > seconds) {
        fail_msg("%s took %.2f s of CPU to stop (at most %.1f s): %s", path, spent, seconds, err);
    }
}

static bool has_problem(ud_game *g, const char *expected) {
    int n;
    const char *const *p = ud_game_problems(g, &n);
    for (int i = 0; i < n; i++) {
        if (strstr(p[i], expected) != NULL) {
            return true;
        }
    }
    return false;
}

static void play_all(ud_game *g) {
    while (ud_game_play_month(g)) {
    }
}

#define HEAD "scenario { id = 't', title = 'T', months = 6 }\n"
#define BUDGET "the script ran too long"

/* ---- no way out of the work budget ---- */

static void test_hostile_finalizers_are_refused(void **state) {
    (void)state;
    fails_within(script("gc1.lua", HEAD "setmetatable({}, { __gc = function() while true do "
                                        "end end })\n"),
                 "gc1.lua:2: setmetatable: '__gc' (finalizers) is not available", 1.0);
    /* a placeholder __gc, filled in later, is refused the same way */
    fails_within(script("gc2.lua", HEAD "local mt = { __gc = true }\nsetmetatable({}, mt)\n"),
                 "gc2.lua:3: setmetatable: '__gc'", 1.0);
    /* and a metatable given __gc after setmetatable never finalizes: closing must not hang */
    ud_game *g = load_ok(script("gc3.lua", HEAD "local mt = {}\nmem.x = setmetatable({}, mt)\n"
                                                "mt.__gc = function() while true do end end\n"));
    double start = cpu_now();
    ud_game_free(g);
    assert_true(cpu_now() - start < 1.0);
}

/* Weak tables and to-be-closed handlers are refused like finalizers: a weak table shows when
 * the collector runs (which depends on every allocation, so a game played on screen and its
 * replay from a save differed), and a __close handler runs after a limit stopped the call. */
static void test_hostile_weak_tables_and_close_handlers_are_refused(void **state) {
    (void)state;
    fails_within(script("weak1.lua", HEAD "local t = setmetatable({}, { __mode = 'v' })\n"),
                 "weak1.lua:2: setmetatable: '__mode' (weak tables) is not available", 1.0);
    fails_within(script("close1.lua", HEAD "local c <close> = setmetatable({}, { __close = "
                                           "function() end })\n"),
                 "close1.lua:2: setmetatable: '__close'", 1.0);
    /* nor added to the metatable after setmetatable: the table keeps the metatable as it was
     * (a private copy), so the handler never runs, here nor after a limit stops a call */
    fails_within(script("close2.lua", HEAD "local mt = {}\nlocal obj = setmetatable({}, mt)\n"
                                           "mt.__close = function() news('closed') end\n"
                                           "local c <close> = obj\n"),
                 "close2.lua:5:", 1.0);
    /* what scripts rely on still works: getmetatable answers with the script's own table,
     * methods added later are found through __index, the metatable can be replaced, and a
     * metatable the script protected stays protected */
    ud_game *g = load_ok(script(
        "meta1.lua", HEAD "local mt = {}\nmt.__index = mt\nlocal obj = setmetatable({}, mt)\n"
                          "mt.__mode = 'v'\n"
                          "function mt.hello() return 'hi' end\n"
                          "assert(getmetatable(obj) == mt and obj.hello() == 'hi')\n"
                          "local other = { __index = { x = 1 } }\n"
                          "assert(setmetatable(obj, other) == obj and obj.x == 1)\n"
                          "assert(getmetatable(obj) == other)\n"
                          "assert(setmetatable(obj, nil) == obj and getmetatable(obj) == nil)\n"
                          "local locked = setmetatable({}, { __metatable = 'locked' })\n"
                          "assert(getmetatable(locked) == 'locked')\n"
                          "assert(not pcall(setmetatable, locked, {}))\n"
                          "local v = setmetatable({}, { __eq = function() return true end })\n"
                          "local w = setmetatable({}, getmetatable(v))\n"
                          "assert(v == w)\n"));
    ud_game_free(g);
    /* string.dump is gone: its chunks cannot be loaded here and they carry the file's path */
    fails_within(script("dump1.lua", HEAD "local d = string.dump(function() end)\n"),
                 "dump1.lua:2:", 1.0);
}

/* Lua walks a table in an order seeded at random in every process: of several misspelt keys
 * the message names the first in byte order, and a translate() that fails keeps nothing. */
/* Lua seeds its string hashes at random in each state, so when a table that churns text keys
 * is rebuilt differs from game to game; the work budget must not see it, or a loop stopped by
 * the budget ends at a different count in each game (with the tables' rebuilds charged as
 * work, five games stopped at five counts). */
static void test_hostile_budget_stop_does_not_depend_on_hash_seed(void **state) {
    (void)state;
    /* a million turns are needed for the rebuilds to add up: a sanitizer build, several times
     * slower, reaches the processor backstop first, which halts the game; there the test has
     * nothing to compare and is skipped (the normal build runs it in CI too) */
    const char *path = script("churn.lua", HEAD "at_month(1, function()\n"
                                                "  local t, i = {}, 0\n"
                                                "  while true do\n"
                                                "    i = i + 1\n"
                                                "    t['k' .. i] = i\n"
                                                "    t['k' .. (i - 1)] = nil\n"
                                                "    mem.i = i\n"
                                                "  end\n"
                                                "end)\n"
                                                "at_month(2, function() news('%d', mem.i) end)\n");
    long first = -1;
    for (int run = 0; run < 5; run++) {
        ud_game *g = load_ok(path);
        ud_game_play_month(g);
        ud_game_play_month(g);
        if (ud_game_end_state(g) == UD_END_HALTED) {
            print_message("the processor backstop stopped the loop first (a slow build)\n");
            ud_game_free(g);
            skip();
        }
        int n;
        const ud_news *news = ud_game_news(g, &n);
        assert_int_equal(n, 1);
        char line[64];
        ud_game_news_text(g, &news[0], line, sizeof line);
        long reached = strtol(line, NULL, 10);
        print_message("game %d: the loop reached %ld\n", run + 1, reached);
        assert_true(reached > 1000);
        if (first < 0) {
            first = reached;
        }
        assert_int_equal(reached, first);
        ud_game_free(g);
    }
}

static void test_hostile_messages_do_not_depend_on_hash_order(void **state) {
    (void)state;
    for (int run = 0; run < 3; run++) {
        fails_within(script("keys1.lua", HEAD "village { housholds = 1, medain_income = 1, "
                                              "womens_share = 1, hamletz = 1 }\n"),
                     "unknown key 'hamletz'", 1.0);
    }
    /* a line longer than any buffer (a one-line briefing) does not shift later lines */
    {
        static char long_line[6000];
        int n = snprintf(long_line, sizeof long_line, "scenario { id = 'long' } -- ");
        memset(long_line + n, 'x', 5000);
        snprintf(long_line + n + 5000, sizeof long_line - (size_t)n - 5000,
                 "\nvillage { households = 100 }\nproduct { name = 'P', instalments = 3 }\n");
        fails_within(script("long1.lua", long_line), "long1.lua:3: product{}: unknown key", 1.0);
    }
    /* every text that is shown or written to a result file is UTF-8 without control
     * characters: an escape sequence would take over the trainer's terminal through the story,
     * and a result file with bytes that are not UTF-8 is refused by the class report */
    ud_game *asked = load_ok(script("t1.lua", HEAD "at_month(1, function() ask { text = 'Q', "
                                                   "options = { 'a\\255', 'b' }, answer = "
                                                   "function() end } end)\n"));
    ud_game_play_month(asked);
    assert_true(has_problem(asked, "t1.lua:2: ask{}: options[1] is not UTF-8"));
    ud_game_free(asked);
    fails_within(script("t2.lua", HEAD "village { hamlets = { 'H\\27[2J' } }\n"),
                 "t2.lua:2: village{}: hamlets[1] has a control character", 1.0);
    fails_within(script("t3.lua", HEAD "news('\\27]0;title\\7')\n"),
                 "t3.lua:2: news: the text has a control character", 1.0);
    fails_within(script("t4.lua", HEAD "news('N %s', 'v\\255')\n"),
                 "t4.lua:2: news: value 1 is not UTF-8", 1.0);
    fails_within(script("t5.lua", HEAD "translate('fr', { ['T'] = 'T\\r' })\n"),
                 "t5.lua:2: translate: a text has", 1.0);
    fails_within(script("t6.lua", HEAD "goal { indicator = 'cash', above = 1, text = 'G\\r' }\n"),
                 "t6.lua:2: goal{}: text has a control character", 1.0);
    /* a text longer than its field is refused at its line, never cut inside a character;
     * a news value (made at play time) is cut between characters */
    fails_within(script("len1.lua", HEAD "village { hamlets = { string.rep('h', 40) } }\n"),
                 "len1.lua:2: village{}: hamlets[1] is too long (40 bytes; at most 31)", 1.0);
    fails_within(script("len2.lua", "scenario { id = 'len2', objectives = { 'O\\27[2J' } }\n"),
                 "len2.lua:1: scenario{}: objectives[1] has a control character", 1.0);
    ud_game *cut = load_ok(script("len3.lua", HEAD "at_month(1, function()\n"
                                                   "  ask { text = 'Q', options = { "
                                                   "string.rep('a', 126) .. '\\195\\169bc', 'b' "
                                                   "}, answer = function() end }\n"
                                                   "end)\n"
                                                   "at_month(2, function() news('%s', "
                                                   "string.rep('v', 46) .. '\\195\\169') end)\n"));
    ud_game_play_month(cut);
    ud_game_play_month(cut);
    assert_true(
        has_problem(cut, "len3.lua:3: ask{}: options[1] is too long (130 bytes; at most 127)"));
    int nn;
    const ud_news *cut_news = ud_game_news(cut, &nn);
    bool valid = true;
    bool seen_cut = false;
    for (int i = 0; i < nn; i++) {
        valid = valid && ud_utf8_valid(cut_news[i].text, strlen(cut_news[i].text));
        for (int a = 0; a < cut_news[i].argc; a++) {
            valid = valid && ud_utf8_valid(cut_news[i].args[a], strlen(cut_news[i].args[a]));
            seen_cut |= strncmp(cut_news[i].args[a], "vvvv", 4) == 0;
        }
    }
    assert_true(seen_cut);
    assert_true(valid && nn >= 1);
    ud_game_free(cut);
    /* old Mac line ends (CR alone) are lines too, as Lua counts them */
    fails_within(script("cr1.lua", "scenario { id = 'cr1', months = 2 }\rvillage { households = "
                                   "100 }\rproduct { name = 'P', instalments = 3 }\r"),
                 "cr1.lua:3: product{}: unknown key 'instalments'", 1.0);
    /* an id names the result files: no folder in it */
    fails_within(script("id1.lua", "scenario { id = 'workshop/day1', months = 2 }\n"),
                 "id1.lua:1: scenario{}: id 'workshop/day1' may hold only letters", 1.0);
    fails_within(script("id2.lua", "scenario { id = '..', months = 2 }\n"), "id2.lua:1:", 1.0);
    fails_within(script("lang1.lua", HEAD "translate('fr\\n', { ['T'] = 'T' })\n"),
                 "lang1.lua:2: translate: 'fr", 1.0);
    fails_within(script("lang2.lua", HEAD "translate('fr\\0x', { ['T'] = 'T' })\n"),
                 "lang2.lua:2: translate:", 1.0);
    /* a translation must ask for the values its English asks for, in the same order */
    fails_within(script("tr2.lua", HEAD "translate('fr', { ['News %d of %s'] = "
                                        "'%s%s%s%n %d', ['Fine %d'] = 'Bien %d' })\n"),
                 "tr2.lua:2: translate: the translation of \"News %d of %s\" has other", 1.0);
    ud_game *g = load_ok(script("tr1.lua", HEAD
                                "local ok = pcall(translate, 'fr', { ['T'] = 'T2', [1] = 'x' })\n"
                                "assert(not ok)\n"
                                "translate('pt_BR', { ['T'] = 'T3', ['Share %d%%'] = 'Parte "
                                "%d %%', ['10% of it'] = '10 % de' })\n"));
    ud_game_free(g);
}

/* However many shocks a scenario stacks, the households' money stays in range: a moneylender's
 * claim stops growing at ten years of the household's needs (it overflowed a 64-bit integer
 * after 64 stacked illnesses over years). */
static void test_hostile_stacked_shocks_keep_money_in_range(void **state) {
    (void)state;
    ud_game *g = load_ok(
        script("ml1.lua", "scenario { id = 'ml1', title = 'T', months = 120 }\n"
                          "village { households = 60, median_income = 2400000 }\n"
                          "every_month(function()\n"
                          "  for i = 1, 64 do shock { kind = 'illness', share = 1, severity = 1, "
                          "months = 120 } end\n"
                          "end)\n"));
    play_all(g);
    const ud_sim *sim = ud_game_sim(g);
    for (int i = 0; i < ud_sim_household_count(sim); i++) {
        ud_household_view h;
        ud_sim_household(sim, i, &h);
        if (!(h.moneylender_debt >= 0 && h.moneylender_debt < INT64_MAX / 4)) {
            fail_msg("household %d: moneylender debt %lld, cash %lld, income %lld", i,
                     (long long)h.moneylender_debt, (long long)h.cash, (long long)h.monthly_income);
        }
        assert_true(h.cash >= 0);
    }
    ud_game_free(g);
}

/* A question asked inside another's answer would be answered at once with option 1, never
 * shown: it is refused with the line, and the game goes on. */
static void test_hostile_no_question_inside_an_answer(void **state) {
    (void)state;
    ud_game *g = load_ok(script("ask1.lua", HEAD "at_month(1, function()\n"
                                                 "  ask { text = 'Q1', options = { 'a', 'b' }, "
                                                 "answer = function(c)\n"
                                                 "    ask { text = 'Q2', options = { 'x', 'y' }, "
                                                 "answer = function() end }\n"
                                                 "  end }\n"
                                                 "end)\n"));
    assert_true(ud_game_play_month(g));
    char err2[256];
    assert_true(ud_game_answer(g, 1, 2, err2, sizeof err2));
    assert_true(has_problem(g, "ask1.lua:4: ask{}: cannot ask inside an answer"));
    int n;
    ud_game_questions(g, &n);
    assert_int_equal(n, 1);
    ud_game_free(g);
}

/* Texts that are one line wherever they are shown are refused with a line break, a tab, no
 * words or another option's words in them: a hamlet's or a product's name split sweep's
 * table rows, an option printed a forged line in the story, two "Yes" could not be told
 * apart; and a script's error message is printed as one line, so that error("...\nx.lua:1:
 * ...") cannot forge a second message under the real one. */
static void test_hostile_one_line_texts_stay_one_line(void **state) {
    (void)state;
    static const char *const cases[][2] = {
        {"village { households = 40, hamlets = { 'A\\nB', 'C' } }\n",
         "hamlets[1] must be one line of plain text"},
        {"product { name = 'A\\tB', method = 'flat', rate = 30, installments = 25, "
         "frequency = 'weekly', min = 100000, max = 1000000 }\n",
         "product{}: name must be one line of plain text"},
        {"translate('fr', { ['T'] = 'Un\\nDeux' })\n",
         "the translation of the title \"T\" must be one line"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[600], name[32], err[4096];
        snprintf(text, sizeof text, "%s%s", HEAD, cases[i][0]);
        snprintf(name, sizeof name, "oneline%zu.lua", i);
        ud_game_options o = options();
        ud_game *g = ud_game_load(script(name, text), &o, err, sizeof err);
        assert_null(g);
        if (strstr(err, cases[i][1]) == NULL) {
            fail_msg("case %zu: %s", i, err);
        }
    }
    static const char *const asked[][2] = {
        {"'Yes', 'Yes'", "options[2] is the same as options[1]"},
        {"'Yes', 'No\\nmaybe'", "options[2] must be one line of text, not empty"},
        {"'Yes', ''", "options[2] must be one line of text, not empty"},
    };
    for (size_t i = 0; i < sizeof asked / sizeof asked[0]; i++) {
        char text[600], name[32];
        snprintf(text, sizeof text,
                 "%sat_month(1, function() ask { text = 'Q?', options = { %s }, answer = "
                 "function() end } end)\n",
                 HEAD, asked[i][0]);
        snprintf(name, sizeof name, "asked%zu.lua", i);
        ud_game *g = load_ok(script(name, text));
        assert_true(ud_game_play_month(g));
        if (!has_problem(g, asked[i][1])) {
            fail_msg("ask case %zu: no problem \"%s\"", i, asked[i][1]);
        }
        ud_game_free(g);
    }
    ud_game *g = load_ok(script("forge.lua", HEAD "at_month(1, function() "
                                                  "error('boom\\nfake.lua:9: forged') end)\n"));
    assert_true(ud_game_play_month(g));
    assert_true(has_problem(g, "forge.lua:2: boom fake.lua:9: forged"));
    ud_game_free(g);
}

/* A news line's values fit their places: a %d takes a number (the catalog's plural forms
 * read it), a %s text or a number; "%d households" with "abc" showed "abc households". */
static void test_hostile_news_values_fit_their_places(void **state) {
    (void)state;
    ud_game *g = load_ok(script("nv.lua", HEAD "at_month(1, function() news('%d households', "
                                               "'abc') end)\n"
                                               "at_month(2, function() news('%s said', nil) end)\n"
                                               "at_month(3, function() news('%d of %s', 3, 4) "
                                               "end)\n"));
    play_all(g);
    assert_true(has_problem(g, "nv.lua:2: news: value 1, for %d, must be a number (got string)"));
    assert_true(has_problem(g, "nv.lua:3: news: value 1, for %s, must be text or a number (got "
                               "nil)"));
    int n;
    const ud_news *news = ud_game_news(g, &n);
    char text[256];
    ud_game_news_text(g, &news[n - 1], text, sizeof text);
    assert_string_equal(text, "3 of 4");
    ud_game_free(g);
}

/* Helpers that require each other in a circle are named as such, at once, not run until the
 * budget calls it an endless loop. */
static void test_hostile_helpers_in_a_circle_are_named(void **state) {
    (void)state;
    mkdir(UD_TEST_DIR "/lib", 0755); /* on a fresh clone no other test has made it yet */
    script("lib/circle_a.lua", "local b = require('lib.circle_b')\nreturn {}\n");
    script("lib/circle_b.lua", "local a = require('lib.circle_a')\nreturn {}\n");
    fails_within(script("circle.lua", HEAD "local a = require('lib.circle_a')\n"),
                 "require 'lib.circle_a': the helper is already being loaded", 1.0);
}

/* A file saved with a byte-order mark (as Windows Notepad saves UTF-8) loads; text nested
 * too deeply for the parser is refused naming the file (Lua's own message names none). */
static void test_hostile_bom_and_deep_nesting(void **state) {
    (void)state;
    ud_game_free(load_ok(script("bom.lua", "\xEF\xBB\xBF" HEAD)));
    static char deep[4096];
    snprintf(deep, sizeof deep, "%slocal t = ", HEAD);
    for (int i = 0; i < 300; i++) {
        strcat(deep, "{");
    }
    for (int i = 0; i < 300; i++) {
        strcat(deep, "}");
    }
    strcat(deep, "\n");
    fails_within(script("deep.lua", deep), "deep.lua: C stack overflow (is something nested", 1.0);
}

/* The news a game's first month brings, as one text. */
static void first_month_news(const char *path, char *out, size_t size) {
    ud_game *g = load_ok(path);
    assert_true(ud_game_play_month(g));
    int n;
    const ud_news *news = ud_game_news(g, &n);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        char line[512];
        ud_game_news_text(g, &news[i], line, sizeof line);
        strncat(out, line, size - strlen(out) - 1);
    }
    ud_game_free(g);
}

/* What a script reads in an error message does not depend on how its path was spelled: a
 * script that branched on its length played a different game from a relative and an absolute
 * path. Files are named without their folder (a helper as "lib/x.lua"), in every message. */
static void test_hostile_error_messages_a_script_reads_name_no_folder(void **state) {
    (void)state;
    const char *text = HEAD "at_month(1, function()\n"
                            "  local _, a = pcall(function() error('x') end)\n"
                            "  local _, b = pcall(require, 'lib.nothere')\n"
                            "  local _, c = xpcall(function() return nil + 1 end, function(m) "
                            "return m end)\n"
                            "  news('%s | %s | %s', a, b, c)\n"
                            "end)\n";
    char plain[1024], dotted[1024], first[4096], second[4096];
    snprintf(plain, sizeof plain, "%s", script("pathprobe.lua", text));
    snprintf(dotted, sizeof dotted, "%s/./././pathprobe.lua", UD_TEST_DIR);
    first_month_news(plain, first, sizeof first);
    first_month_news(dotted, second, sizeof second);
    assert_string_equal(first, second);
    assert_non_null(strstr(first, "pathprobe.lua:3: x"));
    assert_null(strstr(first, UD_TEST_DIR)); /* no folder of this computer */
    /* the player's message names the file, and quotes its line */
    fails_within(script("pathprobe2.lua", HEAD "error('boom')\n"), "pathprobe2.lua:2: boom", 1.0);
    assert_null(strstr(err, "scripts/pathprobe2.lua"));
    assert_non_null(strstr(err, "error('boom')"));
}

static void test_hostile_xpcall_handlers_are_bounded(void **state) {
    (void)state;
    fails_within(script("xp1.lua", HEAD "xpcall(function() while true do end end,\n"
                                        "  function() while true do end end)\n"),
                 "xp1.lua:2: " BUDGET, 1.5);
    fails_within(script("xp2.lua", HEAD "local n = 0\n"
                                        "xpcall(function() while true do end end,\n"
                                        "  function() for i = 1, 3e8 do n = n + 1 end end)\n"),
                 BUDGET, 1.5);
    /* a handler for the script's own error runs under the budget too */
    fails_within(script("xp3.lua", HEAD "xpcall(function() error('x') end,\n"
                                        "  function() while true do end end)\n"),
                 "xp3.lua:3: " BUDGET, 1.5);
}

static void test_hostile_library_loops_in_c_are_charged(void **state) {
    (void)state;
    fails_within(script("c1.lua", HEAD "local s = string.rep('', 1 << 62)\n"), "c1.lua:2: " BUDGET,
                 1.0);
    fails_within(script("c2.lua", HEAD "local s = string.rep('', 1 << 62, '')\n"),
                 "c2.lua:2: " BUDGET, 1.0);
    fails_within(script("c3.lua", HEAD "local s = ('x'):rep(1 << 30)\n"),
                 "c3.lua:2: string.rep: the result would be longer", 1.0);
    /* table.insert at the front of a long list: each call moves the whole list */
    fails_within(script("c4.lua", HEAD "local t = {}\nfor i = 1, 200000 do t[i] = i end\n"
                                       "while true do table.insert(t, 1, 0); table.remove(t, 1) "
                                       "end\n"),
                 "c4.lua:4: " BUDGET, 1.0);
    fails_within(script("c5.lua", HEAD "local a = {}\nwhile true do table.move(a, 1, 1000000, 2) "
                                       "end\n"),
                 "c5.lua:3: " BUDGET, 1.0);
    /* string.byte over a whole long text pushes a value for each byte; compiling a long
     * chunk costs more than reading it: both are charged for what they do, so the budget (the
     * same on every computer), not the processor's clock, stops them */
    fails_within(script("c7.lua", HEAD "local s = string.rep('x', 900000)\n"
                                       "for i = 1, 900 do local a = s:byte(1, -1) end\n"),
                 "c7.lua:3: " BUDGET, 1.0);
    fails_within(script("c8.lua", HEAD "local s = 'return ' .. string.rep('1 + ', 200000) .. "
                                       "'1'\nfor i = 1, 200 do load(s) end\n"),
                 "c8.lua:3: " BUDGET, 1.0);
    /* many handlers each just under the limit of a call: the month's calls together are
     * bounded too, so that a month never takes minutes */
    ud_game *busy = load_ok(script("c9.lua", "scenario { id = 'c9', months = 3 }\n"
                                             "village { households = 600 }\n"
                                             "for h = 1, 40 do\n"
                                             "  on('loan_disbursed', function(e) for i = 1, "
                                             "19000000 do end end)\n"
                                             "end\n"));
    ud_game_play_month(busy);
    ud_game_play_month(busy);
    assert_true(has_problem(busy, "c9.lua:4: " BUDGET));
    assert_true(has_problem(busy, "this month's is used up"));
    ud_game_free(busy);
    /* a length that lies, with C functions as metamethods: no VM instruction at all */
    fails_within(script("c6.lua", HEAD "local t = setmetatable({}, { __len = function() return "
                                       "1 << 40 end,\n  __index = rawequal, __newindex = "
                                       "rawequal })\ntable.remove(t, 1)\n"),
                 "c6.lua:4: " BUDGET, 1.0);
    fails_within(script("c7.lua", HEAD "local s = ('x'):rep(1000000)\n"
                                       "while true do local u = s:upper() end\n"),
                 "c7.lua:3: " BUDGET, 1.0);
    fails_within(script("c8.lua", HEAD "local t = {}\nfor i = 1, 100000 do t[i] = '' end\n"
                                       "while true do local s = table.concat(t) end\n"),
                 "c8.lua:4: " BUDGET, 1.0);
    fails_within(script("c9.lua", HEAD "local s = ('1'):rep(1000000)\n"
                                       "while true do local n = utf8.len(s) end\n"),
                 "c9.lua:3: " BUDGET, 1.0);
    /* arithmetic on a text converts the whole text each time */
    /* comparing long texts costs inside single instructions: the CPU backstop stops it */
    fails_within(script("c11.lua", HEAD "local a, b = ('x'):rep(1000000), ('x'):rep(1000000)\n"
                                        "while true do local x = a == b end\n"),
                 "c11.lua:3: " BUDGET
                 " (an endless loop?) and was stopped (limit 1 second of processor time",
                 1.5);
    fails_within(script("c10.lua", HEAD "local s = (' '):rep(1000000) .. '1'\n"
                                        "while true do local x = s + 0 end\n"),
                 "c10.lua:3: " BUDGET, 0.5);
}

static void test_hostile_patterns_cannot_backtrack_for_hours(void **state) {
    (void)state;
    /* '?' was not counted by the old guard */
    fails_within(script("p1.lua", HEAD "local s = ('a'):rep(40)\n"
                                       "s:find(('a?'):rep(40) .. ('a'):rep(40))\n"),
                 "p1.lua:3: pattern too costly", 1.0);
    /* within the old six-quantifier guard */
    fails_within(script("p2.lua", HEAD "local s = ('a'):rep(20000)\n"
                                       "s:find('a-a-a-a-a-b')\n"),
                 "p2.lua:3: pattern too costly", 1.0);
    fails_within(script("p3.lua", HEAD "local s = ('a'):rep(100000)\n"
                                       "s:find(('a'):rep(50000) .. 'b', 1, true)\n"),
                 "p3.lua:3: pattern too costly", 1.0);
    fails_within(script("p4.lua", HEAD "local s = ('a'):rep(3000)\n"
                                       "for w in s:gmatch('.-.-b') do end\n"),
                 "p4.lua:3: pattern too costly", 1.0);
    /* gmatch tries every start: its '^' is a plain character, not an anchor */
    fails_within(script("p6.lua", HEAD "local s = ('^'):rep(8000)\n"
                                       "for w in s:gmatch('^.-.-x') do end\n"),
                 "p6.lua:3: pattern too costly", 1.0);
    /* each test against a long set reads the whole set */
    fails_within(script("p7.lua", HEAD "local s = ('a'):rep(6000)\n"
                                       "s:find('[' .. ('b'):rep(6000) .. 'a]*c')\n"),
                 "p7.lua:3: pattern too costly", 1.0);
    /* what scenarios really do still works */
    ud_game *g = load_ok(script("p5.lua", HEAD "local s = ('word '):rep(200)\n"
                                               "assert(select(2, s:gsub('%s+', ' ')) == 200)\n"
                                               "assert(('24%'):match('^(%d+)%%$') == '24')\n"
                                               "assert(('a,b'):find(',', 1, true) == 2)\n"
                                               "local long = ('x-y '):rep(2000)\n"
                                               "assert(select(2, long:gsub('[%w-]+', '')) == "
                                               "2000)\n"));
    ud_game_free(g);
}

static void test_hostile_pairs_over_many_keys_is_fast_and_ordered(void **state) {
    (void)state;
    double start = cpu_now();
    ud_game *g = load_ok(script("k1.lua", HEAD "local t = {}\n"
                                               "for i = 1, 60000 do t['k' .. i] = i end\n"
                                               "local last, n = '', 0\n"
                                               "for k in pairs(t) do assert(k > last); last = k; "
                                               "n = n + 1 end\n"
                                               "assert(n == 60000)\n"));
    assert_true(cpu_now() - start < 1.0);
    ud_game_free(g);
    /* next() walks the same order, and is charged for each call */
    g = load_ok(script("k2.lua", HEAD "local t = { b = 1, a = 2, [3] = 3, c = 4 }\n"
                                      "assert(next(t) == 3)\n"
                                      "assert(next(t, 3) == 'a' and next(t, 'a') == 'b')\n"
                                      "assert(next(t, 'c') == nil and next({}) == nil)\n"));
    ud_game_free(g);
    fails_within(script("k3.lua", HEAD "local t = {}\nfor i = 1, 50000 do t['k' .. i] = i end\n"
                                       "local k = next(t)\nwhile k do k = next(t, k) end\n"),
                 BUDGET, 1.5);
    /* sort is stable and does not depend on the clock */
    g = load_ok(script("k4.lua",
                       HEAD "local t = {}\nfor i = 1, 500 do t[i] = { k = i % 3, i = i } end\n"
                            "table.sort(t, function(a, b) return a.k < b.k end)\n"
                            "for i = 2, 500 do\n"
                            "  assert(t[i-1].k < t[i].k or (t[i-1].k == t[i].k and t[i-1].i < "
                            "t[i].i))\n"
                            "end\n"
                            "local u = { 5, 3, 9, 1 }\ntable.sort(u)\n"
                            "assert(u[1] == 1 and u[4] == 9)\n"));
    ud_game_free(g);
}

static void test_hostile_a_strategy_stopped_month_after_month_is_stopped_for_good(void **state) {
    (void)state;
    ud_game *g = load_ok(script("sl.lua", "scenario { id = 's', months = 24 }\n"));
    const char *strategy = script("sls.lua", "function decide(m) while true do end end\n");
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    double start = cpu_now();
    play_all(g);
    assert_true(cpu_now() - start < 3.0);
    assert_true(has_problem(g, "sls.lua:1: the script ran too long"));
    assert_true(has_problem(g, "hit a limit 3 months in a row and was stopped"));
    assert_int_equal(ud_game_end_state(g), UD_END_FINISHED);
    ud_game_free(g);
}

/* Work the instruction count cannot measure (comparing long texts) is stopped by the CPU
 * backstop at a point that depends on the computer: the game stops there, before the month
 * is played, so that no computer goes on to a different game. */
static void test_hostile_a_call_stopped_by_processor_time_halts_the_game(void **state) {
    (void)state;
    ud_game *g = load_ok(script("cpu.lua", HEAD "local a = ('a'):rep(1000000) .. 'x'\n"
                                                "local b = ('a'):rep(1000000) .. 'y'\n"
                                                "mem.n = 0\n"
                                                "at_month(2, function()\n"
                                                "  while true do if a < b then mem.n = mem.n + 1 "
                                                "end end\n"
                                                "end)\n"));
    play_all(g);
    assert_int_equal(ud_game_end_state(g), UD_END_HALTED);
    assert_int_equal(ud_sim_month(ud_game_sim(g)), 1); /* month 2 was never played */
    assert_true(has_problem(g, "cpu.lua:6: the script ran too long"));
    assert_true(has_problem(g, "the game was stopped"));
    assert_false(ud_game_play_month(g));
    ud_game_free(g);
}

/* Many calls each under the second of processor time, all slow inside single instructions:
 * together they are stopped at two seconds for the month, or a month took minutes (128
 * handlers comparing long texts took 23 s a month). */
static void test_hostile_a_month_of_slow_calls_halts_the_game(void **state) {
    (void)state;
    static char source[16384];
    int n = snprintf(source, sizeof source, "%s",
                     HEAD "local a = ('a'):rep(1000000) .. 'x'\n"
                          "local b = ('a'):rep(1000000) .. 'y'\n");
    for (int i = 0; i < 100; i++) {
        n += snprintf(source + n, sizeof source - (size_t)n,
                      "at_month(2, function() for i = 1, 2000 do local x = a < b end end)\n");
    }
    ud_game *g = load_ok(script("slowmonth.lua", source));
    double start = cpu_now();
    play_all(g);
    double spent = cpu_now() - start;
    print_message("halted after %.2f s of processor time\n", spent);
    assert_int_equal(ud_game_end_state(g), UD_END_HALTED);
    assert_int_equal(ud_sim_month(ud_game_sim(g)), 1); /* month 2 was never played */
    assert_true(has_problem(g, "and 2 for all of a script's calls in a month"));
    assert_true(spent < 4.0);
    ud_game_free(g);
}

/* Game calls that read long texts (translate, news) or search names (indicator) charge that
 * work: a pcall loop of them meets the budget, the same in every run, not the processor
 * backstop, which halted the game at a point that varied with the machine. */
static void test_hostile_api_work_is_charged(void **state) {
    (void)state;
    fails_within(script("apit.lua",
                        HEAD "local big = string.rep('a', 1000000)\n"
                             "for i = 1, 2000 do pcall(translate, 'fr', { [big] = big }) "
                             "end\n"),
                 "apit.lua:3: " BUDGET, 2.0);
    ud_game *g =
        load_ok(script("apii.lua", HEAD "at_month(1, function()\n"
                                        "  for i = 1, 1e6 do pcall(indicator, string.rep('x', 63)) "
                                        "end\n"
                                        "end)\n"));
    play_all(g);
    assert_int_equal(ud_game_end_state(g), UD_END_FINISHED);
    assert_true(has_problem(g, "apii.lua:3: " BUDGET));
    ud_game_free(g);
}

/* An escape sequence in a script's source reaches no message: Lua's parser quotes the text
 * near a syntax error, and an error quotes the source lines around it. */
static void test_hostile_messages_carry_no_control_characters(void **state) {
    (void)state;
    ud_game_options o = options();
    ud_game *g = ud_game_load(script("esc1.lua", HEAD "local x = \"\27]0;PWNED\7\27[31mRED\n"), &o,
                              err, sizeof err);
    assert_null(g);
    assert_non_null(strstr(err, "esc1.lua:2: unfinished string near"));
    assert_null(strchr(err, 27));
    assert_null(strchr(err, 7));
    g = ud_game_load(script("esc2.lua", HEAD "-- \27[2J\27[31m a comment\nerror('boom')\n"), &o,
                     err, sizeof err);
    assert_null(g);
    assert_non_null(strstr(err, "esc2.lua:3: boom"));
    assert_non_null(strstr(err, "?[2J?[31m a comment")); /* the line is quoted, made harmless */
    assert_null(strchr(err, 27));
}

/* A loop of requires for a helper that does not exist asks the file system each time: the
 * budget counts it, so the call stops the same way in every run (it ran into the processor
 * backstop, which halted the game blaming long texts). */
static void test_hostile_requiring_a_missing_helper_is_charged(void **state) {
    (void)state;
    ud_game *g =
        load_ok(script("req.lua", HEAD "at_month(1, function()\n"
                                       "  for i = 1, 1e7 do pcall(require, 'lib.missing') end\n"
                                       "end)\n"));
    play_all(g);
    assert_int_equal(ud_game_end_state(g), UD_END_FINISHED);
    assert_true(has_problem(g, "req.lua:3: " BUDGET));
    assert_false(has_problem(g, "processor time"));
    ud_game_free(g);
}

/* A handler stopped at the memory limit leaves its garbage behind; the next handler, which
 * needs little, must not be blamed for it. Where the limit is reached follows the sizes Lua
 * gives its tables, which vary with its per-run hash seed: the game halts there, as for the
 * processor backstop (going on, it differed from run to run and its save did not reload). */
static void test_hostile_a_small_handler_after_a_greedy_one_is_not_blamed(void **state) {
    (void)state;
    ud_game *g =
        load_ok(script("oom.lua", HEAD "at_month(1, function()\n"
                                       "  local t = {} for i = 1, 1e7 do t[i] = { i } end\n"
                                       "end)\n"
                                       "at_month(1, function()\n"
                                       "  local list = {}\n"
                                       "  for i = 1, 20000 do list[i] = { id = i } end\n"
                                       "end)\n"));
    play_all(g);
    assert_true(has_problem(g, "oom.lua:3: the script used more memory"));
    assert_false(has_problem(g, "oom.lua:7:"));
    assert_int_equal(ud_game_end_state(g), UD_END_HALTED);
    assert_int_equal(ud_sim_month(ud_game_sim(g)), 0); /* month 1 was never played */
    ud_game_free(g);
}

static void test_hostile_a_strategy_that_removes_decide_does_not_crash(void **state) {
    (void)state;
    ud_game *g = load_ok(script("rd.lua", HEAD));
    const char *strategy = script("rds.lua", "function decide(m) rawset(_G, 'decide', nil) end\n"
                                             "function answer(q) return 1 end\n");
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    play_all(g);
    assert_true(has_problem(g, "the strategy no longer defines function decide()"));
    assert_int_equal(ud_game_end_state(g), UD_END_FINISHED);
    ud_game_free(g);
}

/* ---- determinism ---- */

static void test_hostile_no_addresses_or_hash_order(void **state) {
    (void)state;
    ud_game *g =
        load_ok(script("d1.lua", HEAD "local a, b = {}, {}\n"
                                      "assert(tostring(a) == 'table: #1')\n"
                                      "assert(tostring(b) == 'table: #2')\n"
                                      "assert(tostring(a) == 'table: #1')\n"
                                      "assert(tostring(print):match('^function: #'))\n"
                                      "assert(string.format('%s', a) == 'table: #1')\n"
                                      "at_month(1, function() news('%s', tostring({})) end)\n"));
    play_all(g);
    int n;
    const ud_news *news = ud_game_news(g, &n);
    assert_int_equal(n, 1);
    assert_string_equal(news[0].text, "table: #4"); /* after a, b and print */
    ud_game_free(g);
    fails_within(script("d2.lua", HEAD "local s = string.format('%p', {})\n"),
                 "d2.lua:2: string.format: '%p'", 1.0);
}

/* The scenario's random events are the same whatever the strategy draws or decides. */
static void scenario_news(const char *strategy_text, char out[][UD_TEXT_LEN], int *count) {
    ud_game *g = load_ok(script("streams.lua", "scenario { id = 's', months = 12 }\n"
                                               "every_month(function(m)\n"
                                               "  news('draw %d', math.random(1000000))\n"
                                               "  if m % 3 == 0 then\n"
                                               "    shock { kind = 'flood', months = 1,\n"
                                               "      severity = math.random() }\n"
                                               "  end\n"
                                               "end)\n"));
    const char *strategy = script("streams_strategy.lua", strategy_text);
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    play_all(g);
    int n;
    const ud_news *news = ud_game_news(g, &n);
    *count = n;
    for (int i = 0; i < n && i < 16; i++) {
        snprintf(out[i], UD_TEXT_LEN, "%d %.400s", news[i].month, news[i].text);
    }
    ud_game_free(g);
}

static void test_hostile_strategies_cannot_change_the_scenarios_draws(void **state) {
    (void)state;
    char quiet[16][UD_TEXT_LEN], busy[16][UD_TEXT_LEN];
    int nq, nb;
    scenario_news("function decide(m) end\n", quiet, &nq);
    scenario_news("function decide(m)\n"
                  "  for i = 1, 1000 do math.random() end\n"
                  "  for _, a in ipairs(applications()) do reject(a.id) end\n"
                  "end\n",
                  busy, &nb);
    assert_int_equal(nq, 12);
    assert_int_equal(nb, nq);
    for (int i = 0; i < nq; i++) {
        assert_string_equal(quiet[i], busy[i]);
    }
}

/* ---- errors say where ---- */

static void test_hostile_errors_have_file_and_line(void **state) {
    (void)state;
    fails_within(script("w1.lua", HEAD "\nerror({ code = 1 })\n"),
                 "w1.lua:3: error object is a table value", 1.0);
    /* a memory error before the first budget tick */
    ud_game_options o = options();
    o.memory_cap = 2u << 20;
    ud_game *g = ud_game_load(script("w2.lua", HEAD "local a, b, c = ('x'):rep(900000), "
                                                    "('y'):rep(900000), ('z'):rep(900000)\n"),
                              &o, err, sizeof err);
    assert_null(g);
    if (strstr(err, "w2.lua:2: the script used more memory than allowed") == NULL) {
        fail_msg("got: %s", err);
    }
    /* a forged position quotes no other file */
    script("secret.lua", "SECRET LINE\n");
    char forged[1400];
    snprintf(forged, sizeof forged, HEAD "error('%s/secret.lua:1: boom', 0)\n", UD_TEST_DIR);
    fails_within(script("w3.lua", forged), "secret.lua:1: boom", 1.0);
    assert_null(strstr(err, "SECRET"));
    snprintf(forged, sizeof forged, HEAD "assert(load('error(\"x\")', '@%s/secret.lua'))()\n",
             UD_TEST_DIR);
    fails_within(script("w4.lua", forged), ":1: x", 1.0);
    assert_null(strstr(err, "SECRET"));
    /* messages raised without a position (level 0, a number) still say where */
    ud_game *h = load_ok(script("w5.lua", HEAD "at_month(1, function() error('bare', 0) end)\n"
                                               "at_month(2, function() error(42) end)\n"));
    play_all(h);
    assert_true(has_problem(h, "w5.lua:2: bare"));
    assert_true(has_problem(h, "w5.lua:3: 42"));
    ud_game_free(h);
}

/* A strategy's answer that is not an option is said, not silently replaced by option 1. */
static void test_hostile_a_wrong_answer_is_reported(void **state) {
    (void)state;
    ud_game *g = load_ok(script("q.lua", HEAD "at_month(1, function() ask { text = 'Q?', "
                                              "options = { 'A', 'B' }, answer = function(c) end "
                                              "} end)\n"));
    const char *strategy =
        script("qs.lua", "function decide(m) end\nfunction answer(q) return '2' end\n");
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    play_all(g);
    assert_true(has_problem(g,
                            "qs.lua:2: the strategy's answer() gave the text \"2\" for question 1, "
                            "whose options are the whole numbers 1 to 2: option 1 (the question's "
                            "default) was taken"));
    ud_game_free(g);
}

static void test_hostile_strict_globals_hold(void **state) {
    (void)state;
    ud_game *g =
        load_ok(script("g1.lua", HEAD "at_month(1, function() rawset(_G, 'sneaky', 1) "
                                      "end)\n"
                                      "at_month(2, function() pcall(rawset, _G, 'sly', "
                                      "1); news(tostring(rawget(_G, 'sly'))) end)\n"
                                      "at_month(3, function() load('quiet = 1')() end)\n"));
    play_all(g);
    assert_true(has_problem(g, "g1.lua:2: assignment to undeclared global 'sneaky'"));
    assert_true(has_problem(g, "g1.lua:4: assignment to undeclared global 'quiet'") ||
                has_problem(g, "assignment to undeclared global 'quiet'"));
    int n;
    const ud_news *news = ud_game_news(g, &n);
    assert_int_equal(n, 1);
    assert_string_equal(news[0].text, "nil");
    ud_game_free(g);
}

static void test_hostile_require_only_helpers(void **state) {
    (void)state;
    fails_within(script("r1.lua", HEAD "require('tutorial.first_steps')\n"),
                 "r1.lua:2: require 'tutorial.first_steps': only the scenario helpers", 1.0);
    fails_within(script("r2.lua", HEAD "require('strategies.m4_grow_fast')\n"),
                 "r2.lua:2: require 'strategies.m4_grow_fast'", 1.0);
    ud_game *g = load_ok(script("r3.lua", HEAD "local c = require('lib.common')\n"
                                               "assert(type(c) == 'table')\n"));
    ud_game_free(g);
    /* a helper that is a link to a file outside the scenario's folder is not read */
    char outside[] = "/tmp/ud_outside_XXXXXX";
    int fd = mkstemp(outside);
    assert_true(fd >= 0);
    assert_true(write(fd, "return { secret = 42 }\n", 23) == 23);
    close(fd);
    char lib[1100], link[1200];
    snprintf(lib, sizeof lib, "%s/lib", UD_TEST_DIR);
    mkdir(lib, 0755);
    snprintf(link, sizeof link, "%s/lib/linked_out.lua", UD_TEST_DIR);
    remove(link);
    assert_int_equal(symlink(outside, link), 0);
    fails_within(script("r4.lua", HEAD "require('lib.linked_out')\n"),
                 "r4.lua:2: require 'lib.linked_out': the helper file lib/linked_out.lua is a link",
                 1.0);
    remove(link);
    remove(outside);
}

/* ---- the declarations read only what they copy ---- */

static void test_hostile_declaration_tables_cannot_churn_under_the_reader(void **state) {
    (void)state;
    /* a field served by __index that churns the collector used to free the text first */
    const char *churn = "local function churn(t, k) local x = {} for i = 1, 2000 do x[i] = "
                        "{} end if k == 'id' then return 'i' .. 'd' .. #x end end\n";
    char text[2048];
    snprintf(text, sizeof text, "%s\nscenario(setmetatable({}, { __index = churn }))\n", churn);
    fails_within(script("u1.lua", text), "u1.lua:3: scenario{} must be a plain table", 1.0);
    snprintf(text, sizeof text,
             "%s" HEAD "goal(setmetatable({ above = 1 }, { __index = churn }))\n", churn);
    fails_within(script("u2.lua", text), "u2.lua:3: goal{} must be a plain table", 1.0);
    snprintf(text, sizeof text,
             "%sscenario { id = 's', lesson = setmetatable({}, { __index = churn }) }\n", churn);
    fails_within(script("u3.lua", text), "u3.lua:2: scenario{}.lesson must be a plain table", 1.0);
    /* a declaration that re-enters itself while being read */
    fails_within(script("u4.lua", HEAD "product(setmetatable({}, { __index = function() for i "
                                       "= 1, 8 do product {} end end }))\n"),
                 "u4.lua:2: product{} must be a plain table", 1.0);
    fails_within(script("u5.lua", HEAD "village { hamlets = setmetatable({}, { __len = function() "
                                       "return 3 end }) }\n"),
                 "u5.lua:2: village{}.hamlets must be a plain table", 1.0);
    /* texts too long for their place are refused, not cut */
    fails_within(script("u6.lua", "scenario { id = ('x'):rep(100) }\n"),
                 "u6.lua:1: scenario{}: id is too long (100 bytes; at most 63)", 1.0);
}

static void test_hostile_ids_are_never_truncated(void **state) {
    (void)state;
    ud_game *g = load_ok(script("i1.lua", HEAD));
    const char *strategy = script("i1s.lua", "function decide(m)\n"
                                             "  if m == 1 then approve(2^53) end\n"
                                             "  if m == 2 then train(0) end\n"
                                             "  if m == 3 then fire(2^32 + 1) end\n"
                                             "  if m == 4 then set_savings_rate(0/0) end\n"
                                             "  if m == 5 then local h = household(2^32 + 1) end\n"
                                             "  if m == 6 then set_salary(1, '2000000') end\n"
                                             "end\n");
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    int before;
    const ud_officer *o = ud_sim_officers(ud_game_sim(g), &before);
    int trained_before = o[0].training;
    play_all(g);
    assert_true(has_problem(g, "i1s.lua:2: bad argument #1 to 'approve' (9007199254740992 is out "
                               "of range"));
    assert_true(has_problem(g, "i1s.lua:3: bad argument #1 to 'train' (0 is out of range"));
    assert_true(has_problem(g, "i1s.lua:4: bad argument #1 to 'fire' (4294967297 is out of range"));
    assert_true(has_problem(g, "i1s.lua:5: bad argument #1 to 'set_savings_rate'"));
    assert_true(has_problem(g, "i1s.lua:6: household: no household 4294967297"));
    /* a number given as text is a mistake, as in a declaration */
    assert_true(has_problem(g, "i1s.lua:7: bad argument #2 to 'set_salary' (a number, not the "
                               "text \"2000000\")"));
    o = ud_sim_officers(ud_game_sim(g), &before);
    assert_int_equal(o[0].training, trained_before);
    int n;
    ud_game_decisions(g, &n);
    assert_int_equal(n, 0);
    ud_game_free(g);
}

static void test_hostile_set_up_mistakes_are_reported(void **state) {
    (void)state;
    /* a lesson's strategies are run by compare: beside the scenario or in the folder above
     * it, never a file elsewhere on the computer */
    script("elsewhere.lua", "function decide() end\n");
    char deep[1200];
    snprintf(deep, sizeof deep, "%s/deep", UD_TEST_DIR);
    mkdir(deep, 0755);
    snprintf(deep, sizeof deep, "%s/deep/er", UD_TEST_DIR);
    mkdir(deep, 0755);
    fails_within(script("deep/er/s0.lua", "scenario { id = 's', lesson = { indicator = 'cash',\n"
                                          "  naive = '../../elsewhere.lua', sound = "
                                          "'../../elsewhere.lua' } }\n"),
                 "s0.lua:1: scenario{}.lesson: sound must be a strategy (.lua) beside the "
                 "scenario, in the folder above it, or in a scenarios folder",
                 1.0);
    {
        /* and beside it, as a trainer writing a scenario anywhere keeps them, is accepted */
        ud_game *g = load_ok(script("s0c.lua", "scenario { id = 's', lesson = { indicator = "
                                               "'cash',\n  naive = 'elsewhere.lua', sound = "
                                               "'elsewhere.lua' } }\n"));
        ud_game_free(g);
    }
    /* hamlets are told apart by name: none empty, none twice */
    fails_within(script("s_hamlets.lua", "scenario { id = 's' }\n"
                                         "village { hamlets = { 'Sukamaju', 'Cibodas', "
                                         "'Sukamaju' } }\n"),
                 "s_hamlets.lua:2: village{}: hamlets[3] 'Sukamaju' is already hamlets[1]", 1.0);
    fails_within(
        script("s_hamlet0.lua", "scenario { id = 's' }\nvillage { hamlets = { 'A', '' } }\n"),
        "s_hamlet0.lua:2: village{}: hamlets[2] must be a name (not empty)", 1.0);
    /* a text saved in another encoding than UTF-8 (Latin-1 here), at the key's own line */
    fails_within(script("s_latin1.lua", "scenario { id = 's',\n  title = 'Caf\xe9 credit' }\n"),
                 "s_latin1.lua:2: scenario{}: title is not UTF-8 text (at character 4)", 1.0);
    fails_within(script("s_overlong.lua", "scenario { id = 's', title = '\xc0\xaf' }\n"),
                 "title is not UTF-8 text (at character 1)", 1.0);
    /* a command called from a scenario says whose it is */
    {
        ud_game *g = load_ok(script("s_cmd.lua", HEAD "at_month(2, function() "
                                                      "set_follow_up(0.9) end)\n"));
        play_all(g);
        assert_true(has_problem(g, "set_follow_up is a command for strategies and the trainee"));
        ud_game_free(g);
    }
    /* a number in quotes, and a win/lose key on a goal, are slips the trainer must see */
    fails_within(script("s_quoted.lua", "scenario { id = 's', months = '24' }\n"),
                 "s_quoted.lua:1: scenario{}: months must be a whole number (got string)", 1.0);
    fails_within(script("s_goal.lua", HEAD "goal { indicator = 'par30', below = 0.05, "
                                           "from_month = 6 }\n"),
                 "from_month is for win_if{} and lose_if{}", 1.0);
    /* a NUL inside a text would end it there: "worst\0junk" was read as "worst" */
    fails_within(script("s_nul.lua", HEAD "goal { indicator = 'par30', below = 0.05, from = 2, "
                                          "take = 'worst\\0junk' }\n"),
                 "s_nul.lua:2: goal{}: take has a NUL character", 1.0);
    fails_within(script("s_take.lua", HEAD "goal { indicator = 'par30', below = 0.05, "
                                           "take = 'worst' }\n"),
                 "s_take.lua:2: goal{}: take is \"mean\" or \"worst\", with from = ...", 1.0);
    fails_within(script("s_take2.lua", HEAD "goal { indicator = 'par30', below = 0.05, from = 2, "
                                            "take = 'max' }\n"),
                 "s_take2.lua:2: goal{}: take is", 1.0);
    fails_within(script("s1.lua", HEAD "mfi { provisioning = { rates = 10 } }\n"),
                 "s1.lua:2: mfi{}.provisioning: rates must be a list of 4 percentages", 1.0);
    fails_within(script("s2.lua", HEAD "mfi { provisioning = { rates = 'high' } }\n"),
                 "s2.lua:2: mfi{}.provisioning: rates must be a list", 1.0);
}

static void test_hostile_every_documented_village_size_loads(void **state) {
    (void)state;
    static const int sizes[] = {1, 2, 23, 24, 64250, 1000000};
    for (int i = 0; i < 6; i++) {
        char text[200];
        snprintf(text, sizeof text,
                 "scenario { id = 'v', months = 1 }\nvillage { households = %d }\n", sizes[i]);
        ud_game *g = load_ok(script("size.lua", text));
        assert_int_equal(ud_sim_household_count(ud_game_sim(g)), sizes[i]);
        if (sizes[i] < 100000) {
            play_all(g); /* a month is played, whether the MFI lasts or not */
        }
        ud_game_free(g);
    }
}

/* ---- what a script makes the host keep is bounded ---- */

static void test_hostile_host_memory_is_bounded(void **state) {
    (void)state;
    ud_game *g = load_ok(script("n1.lua", HEAD "every_month(function()\n"
                                               "  for i = 1, 1e9 do news('again %d', i) end\n"
                                               "end)\n"));
    play_all(g);
    int n;
    ud_game_news(g, &n);
    assert_int_equal(n, 2000);
    assert_true(has_problem(g, "n1.lua:3: news: the game already has 2000 news lines, the most it "
                               "keeps (limit reached)"));
    ud_game_free(g);
    g = load_ok(script("n2.lua", HEAD));
    const char *strategy = script("n2s.lua", "function decide(m)\n"
                                             "  while true do set_follow_up(0.5) end\n"
                                             "end\n");
    assert_true(ud_game_set_strategy(g, strategy, err, sizeof err));
    play_all(g);
    ud_game_decisions(g, &n);
    assert_int_equal(n, 6 * 1000);
    assert_true(has_problem(g, "at most 1000 decisions in a month (limit reached)"));
    ud_game_free(g);
    fails_within(script("n3.lua", HEAD "local t = {}\nfor i = 1, 6000 do t['t' .. i] = 'x' end\n"
                                       "translate('fr', t)\n"),
                 "n3.lua:4: translate: at most 5000 translated texts", 1.0);
    fails_within(
        script("n4.lua", HEAD "for i = 1, 20 do translate(string.char(96 + i) .. 'x', {}) end\n"),
        "n4.lua:2: translate: at most 16 languages", 1.0);
    fails_within(script("n5.lua", HEAD "for i = 1, 200 do every_month(function() end) end\n"),
                 "n5.lua:2: every_month: at most 128 handlers", 1.0);
    fails_within(script("n6.lua", HEAD "for i = 1, 20 do goal { indicator = 'cash', above = 1 } "
                                       "end\n"),
                 "n6.lua:2: goal{}: at most 16 goals", 1.0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_finalizers_are_refused),
        cmocka_unit_test(test_hostile_weak_tables_and_close_handlers_are_refused),
        cmocka_unit_test(test_hostile_budget_stop_does_not_depend_on_hash_seed),
        cmocka_unit_test(test_hostile_messages_do_not_depend_on_hash_order),
        cmocka_unit_test(test_hostile_error_messages_a_script_reads_name_no_folder),
        cmocka_unit_test(test_hostile_stacked_shocks_keep_money_in_range),
        cmocka_unit_test(test_hostile_no_question_inside_an_answer),
        cmocka_unit_test(test_hostile_one_line_texts_stay_one_line),
        cmocka_unit_test(test_hostile_news_values_fit_their_places),
        cmocka_unit_test(test_hostile_helpers_in_a_circle_are_named),
        cmocka_unit_test(test_hostile_bom_and_deep_nesting),
        cmocka_unit_test(test_hostile_xpcall_handlers_are_bounded),
        cmocka_unit_test(test_hostile_library_loops_in_c_are_charged),
        cmocka_unit_test(test_hostile_patterns_cannot_backtrack_for_hours),
        cmocka_unit_test(test_hostile_pairs_over_many_keys_is_fast_and_ordered),
        cmocka_unit_test(test_hostile_a_strategy_stopped_month_after_month_is_stopped_for_good),
        cmocka_unit_test(test_hostile_a_call_stopped_by_processor_time_halts_the_game),
        cmocka_unit_test(test_hostile_a_month_of_slow_calls_halts_the_game),
        cmocka_unit_test(test_hostile_requiring_a_missing_helper_is_charged),
        cmocka_unit_test(test_hostile_messages_carry_no_control_characters),
        cmocka_unit_test(test_hostile_api_work_is_charged),
        cmocka_unit_test(test_hostile_a_small_handler_after_a_greedy_one_is_not_blamed),
        cmocka_unit_test(test_hostile_a_strategy_that_removes_decide_does_not_crash),
        cmocka_unit_test(test_hostile_no_addresses_or_hash_order),
        cmocka_unit_test(test_hostile_strategies_cannot_change_the_scenarios_draws),
        cmocka_unit_test(test_hostile_errors_have_file_and_line),
        cmocka_unit_test(test_hostile_a_wrong_answer_is_reported),
        cmocka_unit_test(test_hostile_strict_globals_hold),
        cmocka_unit_test(test_hostile_require_only_helpers),
        cmocka_unit_test(test_hostile_declaration_tables_cannot_churn_under_the_reader),
        cmocka_unit_test(test_hostile_ids_are_never_truncated),
        cmocka_unit_test(test_hostile_set_up_mistakes_are_reported),
        cmocka_unit_test(test_hostile_every_documented_village_size_loads),
        cmocka_unit_test(test_hostile_host_memory_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
