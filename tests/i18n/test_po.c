/* The PO reader: entries, escapes, plural forms and their rule, fuzzy entries, and a clear
 * "file:line: what" for every malformed catalog. */
#define _POSIX_C_SOURCE 200809L /* mkfifo, alarm */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "po.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER                                                                                     \
    "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n"                                               \
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != "    \
    "1);\\n\"\n\n"

static const char *write_po(const char *name, const char *text) {
    static char path[1100];
    snprintf(path, sizeof path, "%s/%s", UD_TEST_DIR, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void expect_error(const char *text, const char *want) {
    const char *path = write_po("bad.po", text);
    ud_po po;
    char err[512] = "";
    bool ok = ud_po_load(&po, path, err, sizeof err);
    if (ok || strstr(err, want) == NULL) {
        fail_msg("expected an error containing '%s', got %s: '%s'", want, ok ? "success" : "error",
                 err);
    }
    assert_int_equal(po.count, 0);
}

static void test_po_reads_entries_escapes_and_continuations(void **state) {
    (void)state;
    const char *path =
        write_po("good.po", HEADER "# a comment\n#: game/gui/app.c:12\n"
                                   "msgid \"Cash\"\nmsgstr \"Caja\"\n\n"
                                   "msgid \"\"\n\"Two\\n\"\n\"lines \\\"quoted\\\"\"\n"
                                   "msgstr \"Dos\\nl\xC3\xADneas\\t\\\\\"\n\n"
                                   "#, fuzzy\nmsgid \"Staff\"\nmsgstr \"Personal\"\n\n"
                                   "msgid \"Empty\"\nmsgstr \"\"\n\n"
                                   "msgctxt \"menu\"\nmsgid \"Cash\"\nmsgstr \"Efectivo\"\n\n"
                                   "#~ msgid \"Old\"\n#~ msgstr \"Viejo\"\n");
    ud_po po;
    char err[512];
    assert_true(ud_po_load(&po, path, err, sizeof err));
    assert_string_equal(po.language, "es");
    assert_int_equal(po.nplurals, 2);
    assert_string_equal(ud_po_text(&po, "Cash"), "Caja");
    assert_string_equal(ud_po_text(&po, "Two\nlines \"quoted\""), "Dos\nl\xC3\xADneas\t\\");
    assert_null(ud_po_text(&po, "Staff")); /* fuzzy: shown in English until reviewed */
    assert_non_null(ud_po_find(&po, "Staff"));
    assert_true(ud_po_find(&po, "Staff")->fuzzy);
    assert_null(ud_po_text(&po, "Empty"));
    assert_null(ud_po_text(&po, "Old"));
    assert_string_equal(ud_po_text(&po, "menu\004Cash"), "Efectivo");
    assert_int_equal(ud_po_find(&po, "Cash")->line, 9);
    ud_po_free(&po);
}

static void test_po_picks_plural_forms_by_the_rule(void **state) {
    (void)state;
    const char *path = write_po("plural.po", HEADER "#, c-format\nmsgid \"%d loan repaid\"\n"
                                                    "msgid_plural \"%d loans repaid\"\n"
                                                    "msgstr[0] \"%d pr\xC3\xA9stamo pagado\"\n"
                                                    "msgstr[1] \"%d pr\xC3\xA9stamos pagados\"\n");
    ud_po po;
    char err[512];
    assert_true(ud_po_load(&po, path, err, sizeof err));
    assert_string_equal(ud_po_plural_text(&po, "%d loan repaid", 1), "%d pr\xC3\xA9stamo pagado");
    assert_string_equal(ud_po_plural_text(&po, "%d loan repaid", 0), "%d pr\xC3\xA9stamos pagados");
    assert_string_equal(ud_po_plural_text(&po, "%d loan repaid", 7), "%d pr\xC3\xA9stamos pagados");
    assert_true(ud_po_find(&po, "%d loan repaid")->c_format);
    ud_po_free(&po);
}

static void test_po_evaluates_the_plural_rules_of_many_languages(void **state) {
    (void)state;
    long v;
    /* French: 0 and 1 are singular */
    assert_true(ud_po_eval_plural("(n > 1)", 0, &v));
    assert_int_equal(v, 0);
    assert_true(ud_po_eval_plural("(n > 1)", 2, &v));
    assert_int_equal(v, 1);
    /* Indonesian: one form */
    assert_true(ud_po_eval_plural("0", 5, &v));
    assert_int_equal(v, 0);
    /* Russian, as gettext's manual writes it: 1, 2-4, 5+ (and 11-14) */
    const char *ru = "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
                     "n%100>=20) ? 1 : 2)";
    long want[][2] = {{1, 0}, {2, 1}, {4, 1}, {5, 2}, {11, 2}, {12, 2}, {21, 0}, {22, 1}, {111, 2}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_true(ud_po_eval_plural(ru, want[i][0], &v));
        assert_int_equal(v, want[i][1]);
    }
    /* Arabic's six forms use every operator */
    const char *ar = "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? "
                     "4 : 5";
    assert_true(ud_po_eval_plural(ar, 0, &v) && v == 0);
    assert_true(ud_po_eval_plural(ar, 103, &v) && v == 3);
    assert_true(ud_po_eval_plural(ar, 111, &v) && v == 4);
    assert_true(ud_po_eval_plural(ar, 100, &v) && v == 5);
    assert_true(ud_po_eval_plural("!(n != 1)", 1, &v) && v == 1);
    assert_false(ud_po_eval_plural("(n > 1", 1, &v));
    assert_false(ud_po_eval_plural("n % 0", 1, &v));
    assert_false(ud_po_eval_plural("m == 1", 1, &v));
}

/* A translation whose % conversions differ from the English is set aside (printf would read
 * a number as a text's address and crash): the English shows, and the first such entry is
 * named at its line. Identical conversions, a literal %%, and a percent sign in a text that
 * is no format are kept, whatever the catalog's own flags say. */
static void test_po_sets_aside_translations_with_other_conversions(void **state) {
    (void)state;
    const char *path = write_po(
        "formats.po", HEADER "#, c-format\nmsgid \"Borrowers %d, PAR30 %.1f%%\"\n"
                             "msgstr \"Emprunteurs %s, PAR30 %.1f %%\"\n\n"
                             "#, c-format\nmsgid \"Cash %s\"\nmsgstr \"Caja %s\"\n\n"
                             "#, c-format\nmsgid \"%d of %d\"\nmsgstr \"%d de %d %n\"\n\n"
                             "#, c-format\nmsgid \"One loan\"\nmsgid_plural \"%ld loans\"\n"
                             "msgstr[0] \"Un pr\u00e9stamo\"\nmsgstr[1] \"%d pr\u00e9stamos\"\n\n"
                             "#, no-c-format\nmsgid \"Below 3% of the portfolio\"\n"
                             "msgstr \"Bajo el 3 % de la cartera\"\n\n"
                             "msgid \"Plain\"\nmsgstr \"Llano %s\"\n\n"
                             "msgid \"Loans %d\"\nmsgstr \"Pr\u00e9stamos % s\"\n\n"
                             "#, no-c-format\nmsgid \"Cash %d now\"\nmsgstr \"Caja %s ahora\"\n\n"
                             "#, c-format\nmsgid \"Cash %s left\"\nmsgstr \"Caja %*s queda\"\n");
    ud_po po;
    char err[512];
    assert_true(ud_po_load(&po, path, err, sizeof err));
    assert_null(ud_po_text(&po, "Borrowers %d, PAR30 %.1f%%")); /* %s for %d */
    assert_string_equal(ud_po_text(&po, "Cash %s"), "Caja %s");
    assert_null(ud_po_text(&po, "%d of %d"));           /* an extra %n */
    assert_null(ud_po_plural_text(&po, "One loan", 5)); /* %d for %ld */
    assert_string_equal(ud_po_text(&po, "Below 3% of the portfolio"), "Bajo el 3 % de la cartera");
    assert_null(ud_po_text(&po, "Plain")); /* a conversion where the English has none */
    /* the catalog's own flags do not decide: "% s" (printf's %s with the space flag) for a
     * %d, a format marked no-c-format, a width taken from the arguments */
    assert_null(ud_po_text(&po, "Loans %d"));
    assert_null(ud_po_text(&po, "Cash %d now"));
    assert_null(ud_po_text(&po, "Cash %s left"));
    assert_int_equal(po.unsafe_count, 7);
    if (strstr(po.first_unsafe, "formats.po:8:") == NULL) {
        fail_msg("the first set aside is not named at its line: %s", po.first_unsafe);
    }
    ud_po_free(&po);
}

static void test_po_reports_malformed_catalogs_at_their_line(void **state) {
    (void)state;
    expect_error(HEADER "msgid \"a\"\nmsgstr \"b\n", "bad.po:8: string not closed");
    expect_error(HEADER "msgid \"a\"\nmsgstr \"\\q\"\n", "bad.po:8: unknown escape '\\q'");
    expect_error(HEADER "msgid \"a\"\nmsgtxt \"b\"\n", "bad.po:8: unknown keyword 'msgtxt'");
    expect_error(HEADER "msgid \"a\"\n\n", "bad.po:7: msgid without a msgstr");
    expect_error(HEADER "msgstr \"b\"\n", "bad.po:7: msgstr without a msgid");
    expect_error(HEADER "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n",
                 "bad.po:7: the entry has 1 plural form(s), the header's Plural-Forms says 2");
    expect_error(HEADER "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"b\"\n",
                 "bad.po:9: msgstr[1] out of order");
    expect_error(HEADER "msgid \"a\"\nmsgstr[0] \"b\"\n",
                 "bad.po:8: msgstr[N] needs a msgid_plural");
    expect_error(HEADER "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n",
                 "bad.po:10: a second entry for the same msgid");
    expect_error(HEADER "msgid \"a\"\nmsgstr \"\xC3\x28\"\n", "bad.po:8: not valid UTF-8");
    expect_error("msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=(n > 2 ? 2 : 0);\\n\"\n",
                 "gives form 2 for n = 3, but nplurals is 2");
    expect_error("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n",
                 "must be in UTF-8");
    ud_po po;
    char err[512];
    assert_false(ud_po_load(&po, UD_TEST_DIR "/no-such.po", err, sizeof err));
    assert_non_null(strstr(err, "no-such.po: cannot open the file"));
    /* a FIFO in a catalog's place is refused at once (reading it would wait for a writer) */
    const char *fifo = UD_TEST_DIR "/fifo.po";
    remove(fifo);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    alarm(60);
    assert_false(ud_po_load(&po, fifo, err, sizeof err));
    alarm(0);
    assert_non_null(strstr(err, "fifo.po: not a regular file"));
    remove(fifo);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_po_reads_entries_escapes_and_continuations),
        cmocka_unit_test(test_po_picks_plural_forms_by_the_rule),
        cmocka_unit_test(test_po_evaluates_the_plural_rules_of_many_languages),
        cmocka_unit_test(test_po_reports_malformed_catalogs_at_their_line),
        cmocka_unit_test(test_po_sets_aside_translations_with_other_conversions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
