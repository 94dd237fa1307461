/* The shipped catalogs: every po/<lang>.po translates every entry of the template
 * po/unitdesa.pot, none is fuzzy or empty, plural entries have the language's forms, each
 * translation has the same printf placeholders (%d, %s, %.1f...) as its English, and no
 * catalog holds an entry the template no longer has. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "po.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>

static int problems;

static void problem(const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (problems < 60) {
        print_message("%s\n", msg);
    }
    problems++;
}

/* The printf conversions of s, in order, as "%d %s %.1f": the ones the game fills in (flags
 * "-+0#", a width, a precision, l/ll/z, then d i u f s). "%%" and a percent sign followed by a
 * space or a word ("24% a year", "10-20 % en groupe") are text, not placeholders. */
static void placeholders(const char *s, char *out, size_t size) {
    size_t n = 0;
    out[0] = '\0';
    for (const char *p = s; *p != '\0'; p++) {
        if (*p != '%') {
            continue;
        }
        if (p[1] == '%') {
            p++;
            continue;
        }
        const char *q = p + 1;
        while (*q != '\0' && strchr("-+0#", *q) != NULL) {
            q++;
        }
        while (*q >= '0' && *q <= '9') {
            q++;
        }
        if (*q == '.') {
            q++;
            while (*q >= '0' && *q <= '9') {
                q++;
            }
        }
        while (*q == 'l' || *q == 'z') {
            q++;
        }
        if (*q != '\0' && strchr("diufs", *q) != NULL) {
            n += (size_t)snprintf(out + n, size > n ? size - n : 0, "%.*s ", (int)(q - p + 1), p);
            p = q;
        }
    }
}

static void check_catalog(const ud_po *pot, const char *path) {
    ud_po po;
    char err[1024];
    if (!ud_po_load(&po, path, err, sizeof err)) {
        problem("%s", err);
        return;
    }
    if (po.language[0] == '\0' || po.plural_rule[0] == '\0') {
        problem("%s: the header needs Language: and Plural-Forms:", path);
    }
    if (po.unsafe_count > 0) {
        /* the game would show these in English (their conversions differ from the English) */
        problem("%s (%d in all)", po.first_unsafe, po.unsafe_count);
    }
    for (int i = 0; i < pot->count; i++) {
        const ud_po_entry *want = &pot->entries[i];
        const ud_po_entry *e = ud_po_find(&po, want->id);
        if (e == NULL) {
            problem("%s: no entry for \"%s\" (run scripts/po-update.sh, then translate it)", path,
                    want->id);
            continue;
        }
        if (e->fuzzy) {
            problem("%s:%d: fuzzy entry \"%s\": review the translation, then remove '#, fuzzy'",
                    path, e->line, e->id);
        }
        if ((e->plural == NULL) != (want->plural == NULL)) {
            problem("%s:%d: \"%s\" %s plural forms in the template", path, e->line, e->id,
                    want->plural ? "has" : "has no");
            continue;
        }
        char english[256], english_plural[256], got[256];
        placeholders(want->id, english, sizeof english);
        placeholders(want->plural ? want->plural : want->id, english_plural, sizeof english_plural);
        for (int k = 0; k < e->form_count; k++) {
            if (e->forms[k][0] == '\0') {
                problem("%s:%d: \"%s\" is not translated%s", path, e->line, e->id,
                        e->plural ? " (every msgstr[N] needs a text)" : "");
                break;
            }
            placeholders(e->forms[k], got, sizeof got);
            /* a plural form may match either English form (Indonesian's only form follows
             * the plural; a language's "one" form may spell the number out) */
            if (strcmp(got, english) != 0 && strcmp(got, english_plural) != 0) {
                problem("%s:%d: \"%s\" has placeholders '%s' but its translation has '%s'", path,
                        e->line, e->id, english, got);
            }
        }
    }
    for (int i = 0; i < po.count; i++) {
        if (ud_po_find(pot, po.entries[i].id) == NULL) {
            problem("%s:%d: \"%s\" is not in the template (run scripts/po-update.sh)", path,
                    po.entries[i].line, po.entries[i].id);
        }
    }
    ud_po_free(&po);
}

static void test_catalogs_translate_the_whole_template(void **state) {
    (void)state;
    ud_po pot;
    char err[1024];
    if (!ud_po_load(&pot, UD_PO_DIR "/unitdesa.pot", err, sizeof err)) {
        fail_msg("%s", err);
    }
    assert_true(pot.count > 100);
    const char *required[] = {"fr", "id", "es"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s.po", UD_PO_DIR, required[i]);
        FILE *f = fopen(path, "r");
        if (f == NULL) {
            problem("%s: missing", path);
        } else {
            fclose(f);
        }
    }
    DIR *d = opendir(UD_PO_DIR);
    assert_non_null(d);
    struct dirent *f;
    int catalogs = 0;
    while ((f = readdir(d)) != NULL) {
        size_t n = strlen(f->d_name);
        if (n > 3 && strcmp(f->d_name + n - 3, ".po") == 0) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", UD_PO_DIR, f->d_name);
            check_catalog(&pot, path);
            catalogs++;
        }
    }
    closedir(d);
    ud_po_free(&pot);
    assert_true(catalogs >= (int)(sizeof required / sizeof required[0]));
    if (problems > 0) {
        fail_msg("%d problem(s) in the catalogs", problems);
    }
}

/* The check itself must catch what it looks for. */
static void test_catalogs_placeholders_are_compared_in_order(void **state) {
    (void)state;
    char a[64], b[64];
    placeholders("%s: %d / 100 (%.1f%%)", a, sizeof a);
    assert_string_equal(a, "%s %d %.1f ");
    placeholders("%d / 100 : %s (%.1f %%)", b, sizeof b);
    assert_string_not_equal(a, b);
    placeholders("10-20% individual lending, 20-35% groups: 24%", a, sizeof a);
    assert_string_equal(a, "");
    placeholders("%ld loans, %5.2f%%", a, sizeof a);
    assert_string_equal(a, "%ld %5.2f ");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalogs_placeholders_are_compared_in_order),
        cmocka_unit_test(test_catalogs_translate_the_whole_template),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
