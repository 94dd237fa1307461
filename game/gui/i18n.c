/* One translation lookup for every string a user sees, from the language's PO catalog. */
#include "i18n.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ud_language languages[] = {
    {"en", "English"},
    {"fr", "Français"},
    {"id", "Bahasa Indonesia"},
    {"es", "Español"},
};

const ud_language *ud_i18n_languages(int *count) {
    *count = (int)(sizeof languages / sizeof languages[0]);
    return languages;
}

bool ud_i18n_known(const char *code) {
    for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++) {
        if (strcmp(languages[i].code, code) == 0) {
            return true;
        }
    }
    return false;
}

/* "es_MX.UTF-8@euro" -> "es", if the game speaks it. */
static const char *known_prefix(const char *locale, size_t len) {
    char code[8];
    size_t n = 0;
    while (n < len && n + 1 < sizeof code && locale[n] >= 'a' && locale[n] <= 'z') {
        code[n] = locale[n];
        n++;
    }
    code[n] = '\0';
    for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++) {
        if (strcmp(languages[i].code, code) == 0) {
            return languages[i].code;
        }
    }
    return NULL;
}

const char *ud_i18n_system_language(void) {
    const char *locale = NULL;
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (int i = 0; i < 3 && locale == NULL; i++) {
        const char *v = getenv(names[i]);
        if (v != NULL && v[0] != '\0') {
            locale = v;
        }
    }
    /* as gettext does: LANGUAGE's list counts unless the locale is the plain "C" one */
    const char *list = getenv("LANGUAGE");
    if (list != NULL && list[0] != '\0' && locale != NULL && strcmp(locale, "C") != 0 &&
        strcmp(locale, "POSIX") != 0) {
        for (const char *p = list; *p != '\0';) {
            size_t len = strcspn(p, ":");
            const char *code = known_prefix(p, len);
            if (code != NULL) {
                return code;
            }
            p += len;
            p += *p == ':';
        }
    }
    if (locale != NULL) {
        const char *code = known_prefix(locale, strlen(locale));
        if (code != NULL) {
            return code;
        }
    }
    return "en";
}

void ud_i18n_free(ud_i18n *t) {
    ud_po_free(&t->po);
    t->missing_count = 0;
    snprintf(t->language, sizeof t->language, "en");
}

bool ud_i18n_load(ud_i18n *t, const char *po_dir, const char *lang, char *err, int err_size) {
    ud_i18n_free(t);
    if (strcmp(lang, "en") == 0) {
        return true;
    }
    char path[1100];
    snprintf(path, sizeof path, "%s/%s.po", po_dir, lang);
    if (!ud_po_load(&t->po, path, err, (size_t)err_size)) {
        return false;
    }
    if (t->po.unsafe_count > 0) {
        /* the game goes on in the language, those texts in English; the translator is told */
        fprintf(stderr, "INFO: %s (%d text(s) in all)\n", t->po.first_unsafe, t->po.unsafe_count);
    }
    snprintf(t->language, sizeof t->language, "%s", lang);
    return true;
}

static void note_missing(ud_i18n *t, const char *english) {
    for (int i = 0; i < t->missing_count; i++) {
        if (strcmp(t->missing[i], english) == 0) {
            return;
        }
    }
    if (t->missing_count < UD_I18N_MISSING) {
        t->missing[t->missing_count++] = english; /* string literals and engine names */
    }
}

const char *ud_tr(ud_i18n *t, const char *english) {
    if (strcmp(t->language, "en") == 0 || english == NULL) {
        return english;
    }
    const char *found = ud_po_text(&t->po, english);
    if (found == NULL) {
        note_missing(t, english);
        return english;
    }
    return found;
}

const char *ud_trn(ud_i18n *t, long n, const char *one, const char *many) {
    long count = n < 0 ? -n : n; /* "-1 loan" is as singular as "1 loan" */
    const char *english = count == 1 ? one : many;
    if (strcmp(t->language, "en") == 0) {
        return english;
    }
    const char *found = ud_po_plural_text(&t->po, one, count);
    if (found == NULL) {
        note_missing(t, one);
        return english;
    }
    return found;
}

const char *ud_i18n_catalog(void *i18n, const char *language, const char *english, long count) {
    ud_i18n *t = i18n;
    if (strcmp(t->language, language) != 0 || strcmp(language, "en") == 0) {
        return NULL;
    }
    return count >= 0 ? ud_po_plural_text(&t->po, english, count) : ud_po_text(&t->po, english);
}

/* French writes 12,5 % where English writes 12.5%; Spanish 1.500.000 and 12,5 %; Indonesian
 * 1.500.000 and 12,5%. Numbers are formatted once, in C's locale (1,500,000.5), and localised
 * here as they are drawn or written: between digits French turns '.' into ',', Spanish and
 * Indonesian swap '.' and ','; French and Spanish put a narrow no-break space before '%'. Returns s
 * itself when nothing changes. */
const char *ud_i18n_localise(const ud_i18n *t, const char *s, char *buf, size_t size) {
    const char *lang = t != NULL && t->language[0] != '\0' ? t->language : "en";
    bool fr = strcmp(lang, "fr") == 0, es = strcmp(lang, "es") == 0, id = strcmp(lang, "id") == 0;
    if (!(fr || es || id) || (strchr(s, '.') == NULL && strchr(s, '%') == NULL &&
                              strchr(s, ',') == NULL && !(fr && strchr(s, ':') != NULL))) {
        return s;
    }
    bool swap = es || id, spaced_percent = fr || es;
    size_t n = 0;
    for (const char *p = s; *p != '\0' && n + 4 < size; p++) {
        bool digit_before = p > s && p[-1] >= '0' && p[-1] <= '9';
        bool digit_after = p[1] >= '0' && p[1] <= '9';
        if (*p == '.' && digit_before && digit_after) {
            buf[n++] = ',';
        } else if (*p == ',' && swap && digit_before && digit_after) {
            buf[n++] = '.';
        } else if (*p == ':' && fr && p > s && p[-1] != ' ' && p[1] == ' ') {
            /* "Objectif : ..." (a label joined to its value in code, "%s: %s") takes the
             * no-break space French puts before a colon: a full one, as the translations
             * write it ("Détresse contenue : au plus"), so that both look the same */
            buf[n++] = (char)0xC2;
            buf[n++] = (char)0xA0;
            buf[n++] = ':';
        } else if (*p == '%' && digit_before && spaced_percent) {
            /* a narrow no-break space before the sign, as French and Spanish typography want */
            buf[n++] = (char)0xE2;
            buf[n++] = (char)0x80;
            buf[n++] = (char)0xAF;
            buf[n++] = '%';
        } else {
            buf[n++] = *p;
        }
    }
    buf[n] = '\0';
    return buf;
}

void ud_i18n_money(const char *language, ud_money amount, int minor_units, const char *currency,
                   char *out, size_t size) {
    bool french = language != NULL && strcmp(language, "fr") == 0;
    char digits[48], grouped[96];
    ud_money_format(amount, minor_units, french ? ' ' : ',', digits, sizeof digits);
    size_t n = 0;
    for (const char *p = digits; *p != '\0' && n + 4 < sizeof grouped; p++) {
        if (*p == ' ') {
            memcpy(grouped + n, "\xE2\x80\xAF", 3); /* U+202F, the narrow no-break space */
            n += 3;
        } else {
            grouped[n++] = *p;
        }
    }
    grouped[n] = '\0';
    snprintf(out, size, "%s %s", currency != NULL ? currency : "", grouped);
}
