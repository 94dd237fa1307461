/* One translation lookup for every string a user sees: English is the key, and po/<lang>.po
 * (a gettext catalog, see po/README.md) holds the language's translations and plural forms. */
#ifndef UD_GUI_I18N_H
#define UD_GUI_I18N_H

#include "ud/money.h"
#include "po.h"

#include <stdbool.h>

#define UD_I18N_MISSING 32

typedef struct ud_i18n {
    char language[8];
    ud_po po; /* empty for English */
    /* strings asked for that the catalog lacks (for the translation test), first few only */
    const char *missing[UD_I18N_MISSING];
    int missing_count;
} ud_i18n;

/* A language the game speaks: its code and its name in itself ("Español"). */
typedef struct ud_language {
    const char *code, *name;
} ud_language;

/* The languages the game ships, English first. */
const ud_language *ud_i18n_languages(int *count);
/* Whether code is one of them. */
bool ud_i18n_known(const char *code);

/* The user's language from the environment, as gettext reads it (LANGUAGE's list, then
 * LC_ALL, LC_MESSAGES, LANG: "es_MX.UTF-8" is "es"), if the game speaks it; else "en". */
const char *ud_i18n_system_language(void);

/* Loads po_dir/<lang>.po into t ("en" needs none). False with a message naming the file and
 * line if it is missing or malformed (t is then English). */
bool ud_i18n_load(ud_i18n *t, const char *po_dir, const char *lang, char *err, int err_size);
/* The translation of an English string, or the string itself. */
const char *ud_tr(ud_i18n *t, const char *english);
/* The translation of a text that counts n things (ngettext): `one` is the msgid, `many` its
 * msgid_plural; the catalog's Plural-Forms rule picks the form (in English: `one` for 1). */
const char *ud_trn(ud_i18n *t, long n, const char *one, const char *many);
/* A text formatted in C's locale (1,500,000.5, 12.5%) with its numbers and colons as t's
 * language writes them (12,5 % in French, 1.500.000 in Spanish and Indonesian): s itself when
 * nothing changes, else buf. t may be NULL (English). */
const char *ud_i18n_localise(const ud_i18n *t, const char *s, char *buf, size_t size);
/* An amount in minor units as `language` writes it, currency first: "IDR 1,500,000" (English,
 * and Indonesian and Spanish before ud_i18n_localise turns the commas into points), "IDR
 * 1 500 000" in French, grouped with narrow no-break spaces so it never breaks over two lines. */
void ud_i18n_money(const char *language, ud_money amount, int minor_units, const char *currency,
                   char *out, size_t size);
void ud_i18n_free(ud_i18n *t);

/* Markers for texts kept in tables and translated where they are shown: they change nothing,
 * but let scripts/po-update.sh (xgettext) find the texts. NN_ gives both forms of a text that
 * counts (they become a msgid and its msgid_plural). */
#define N_(text) text
#define NN_(one, many) one, many

/* ud_game_options.catalog for a ud_i18n: the shipped translation of a scenario text, or NULL
 * (also when `language` is not the one loaded). */
const char *ud_i18n_catalog(void *i18n, const char *language, const char *english, long count);

#endif
