/* A gettext PO catalog read into memory: one language's translations, with plural forms. */
#ifndef UD_PO_H
#define UD_PO_H

#include <stdbool.h>
#include <stddef.h>

/* One entry. `id` is the English text (with its context, if any, as "context\004id", as
 * gettext keys them); `plural` the English plural (NULL if the entry has none); `forms` the
 * translations: one without a plural, nplurals with one ("" where untranslated). */
typedef struct ud_po_entry {
    char *id;
    char *plural;
    char **forms;
    int form_count;
    int line;   /* where the entry's msgid is in the file, for messages */
    bool fuzzy; /* marked "#, fuzzy": a translator must review it; never shown */
    bool c_format;
} ud_po_entry;

typedef struct ud_po {
    char language[16];     /* the header's Language:, e.g. "id" */
    char plural_rule[256]; /* the header's plural= expression, e.g. "(n > 1)" */
    int nplurals;          /* the header's nplurals= (1 when the header has none) */
    ud_po_entry *entries;  /* sorted by id; the header entry (msgid "") is not among them */
    int count;
    /* Translations set aside because their % conversions differ from the English text's
     * (a "%s" for a "%d" would crash printf): they read as untranslated. The first one's
     * "path:line: ..." for the log. */
    int unsafe_count;
    char first_unsafe[1200];
} ud_po;

/* Reads the PO file at path into po (which must be zeroed or freed). False, with
 * "path:line: what is wrong" in err, if the file cannot be read, is not UTF-8, or is
 * malformed (unknown keyword, bad string or escape, msgstr[i] out of order, a plural entry
 * without nplurals forms, a Plural-Forms header gettext would refuse); po is then empty. */
bool ud_po_load(ud_po *po, const char *path, char *err, size_t err_size);
void ud_po_free(ud_po *po);

/* The entry for an English text (context-free), fuzzy or not; NULL if there is none. */
const ud_po_entry *ud_po_find(const ud_po *po, const char *english);

/* The translation of an English text: NULL when the catalog lacks it, leaves it empty, or
 * marks it fuzzy (the caller then shows the English). Lives until ud_po_free. */
const char *ud_po_text(const ud_po *po, const char *english);

/* The translation of a text that counts something: the form the language's plural rule picks
 * for n (ngettext). `english` is the singular msgid. An entry without plural forms serves
 * every n. NULL as for ud_po_text. */
const char *ud_po_plural_text(const ud_po *po, const char *english, long n);

/* Which plural form the rule picks for n (0 when there is no rule); -1 if the rule cannot be
 * evaluated. */
int ud_po_plural_index(const ud_po *po, long n);

/* Whether a Plural-Forms expression is well formed; its value for n in *out. */
bool ud_po_eval_plural(const char *rule, long n, long *out);

#endif
