/* One translation lookup for every string a user sees: English is the key, and
 * assets/i18n/<lang>.txt holds "English<TAB>translation" lines. */
#ifndef UD_GUI_I18N_H
#define UD_GUI_I18N_H

#include <stdbool.h>

typedef struct ud_i18n_pair {
    char *en, *tr;
} ud_i18n_pair;

#define UD_I18N_MISSING 32

typedef struct ud_i18n {
    char language[8];
    ud_i18n_pair *pairs; /* sorted by English */
    int count;
    /* strings asked for that the table lacks (for the translation test), first few only */
    const char *missing[UD_I18N_MISSING];
    int missing_count;
} ud_i18n;

/* Loads the language's table into t ("en" needs none). False with a message naming the
 * file and line if it is missing or malformed (t is then English). */
bool ud_i18n_load(ud_i18n *t, const char *assets_dir, const char *lang, char *err, int err_size);
/* The translation of an English string, or the string itself. */
const char *ud_tr(ud_i18n *t, const char *english);
/* The translation of the form that fits the count n: `one` or `many` (English keys, usually
 * formats with %d), chosen by the language's rule (French: 0 and 1 take the singular). */
const char *ud_trn(ud_i18n *t, long n, const char *one, const char *many);
void ud_i18n_free(ud_i18n *t);

#endif
