/* A gettext PO catalog read into memory: one language's translations, with plural forms. */
#include "po.h"

#include "ud/utf8.h"

#include "ud/regular_file.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FORMS 6 /* no language gettext knows has more */

/* ---- the Plural-Forms expression: C's integer operators on n, as gettext evaluates them ---- */

typedef struct expr {
    const char *p;
    long n;
    bool bad;
} expr;

static long ternary(expr *e);

static void skip_space(expr *e) {
    while (*e->p == ' ' || *e->p == '\t' || *e->p == '\n') {
        e->p++;
    }
}

static bool accept(expr *e, const char *op) {
    skip_space(e);
    size_t len = strlen(op);
    if (strncmp(e->p, op, len) != 0) {
        return false;
    }
    /* "<" must not swallow the first half of "<=", nor "!" of "!=" */
    if (len == 1 && (op[0] == '<' || op[0] == '>' || op[0] == '!' || op[0] == '=') &&
        e->p[1] == '=') {
        return false;
    }
    if (len == 1 && (op[0] == '|' || op[0] == '&')) {
        return false;
    }
    e->p += len;
    return true;
}

static long primary(expr *e) {
    skip_space(e);
    if (*e->p == 'n') {
        e->p++;
        return e->n;
    }
    if (isdigit((unsigned char)*e->p)) {
        long v = 0;
        while (isdigit((unsigned char)*e->p) && v < 1000000000L) {
            v = v * 10 + (*e->p++ - '0');
        }
        return v;
    }
    if (accept(e, "(")) {
        long v = ternary(e);
        if (!accept(e, ")")) {
            e->bad = true;
        }
        return v;
    }
    e->bad = true;
    return 0;
}

static long unary(expr *e) {
    if (accept(e, "!")) {
        return !unary(e);
    }
    return primary(e);
}

static long multiplicative(expr *e) {
    long v = unary(e);
    for (;;) {
        if (accept(e, "*")) {
            v *= unary(e);
        } else if (accept(e, "/") || accept(e, "%")) {
            char op = e->p[-1];
            long d = unary(e);
            if (d == 0) {
                e->bad = true;
                return 0;
            }
            v = op == '/' ? v / d : v % d;
        } else {
            return v;
        }
    }
}

static long additive(expr *e) {
    long v = multiplicative(e);
    for (;;) {
        if (accept(e, "+")) {
            v += multiplicative(e);
        } else if (accept(e, "-")) {
            v -= multiplicative(e);
        } else {
            return v;
        }
    }
}

static long relational(expr *e) {
    long v = additive(e);
    for (;;) {
        if (accept(e, "<=")) {
            v = v <= additive(e);
        } else if (accept(e, ">=")) {
            v = v >= additive(e);
        } else if (accept(e, "<")) {
            v = v < additive(e);
        } else if (accept(e, ">")) {
            v = v > additive(e);
        } else {
            return v;
        }
    }
}

static long equality(expr *e) {
    long v = relational(e);
    for (;;) {
        if (accept(e, "==")) {
            v = v == relational(e);
        } else if (accept(e, "!=")) {
            v = v != relational(e);
        } else {
            return v;
        }
    }
}

static long logical_and(expr *e) {
    long v = equality(e);
    while (accept(e, "&&")) {
        long w = equality(e); /* both sides parsed: the syntax is checked whatever n is */
        v = v && w;
    }
    return v;
}

static long logical_or(expr *e) {
    long v = logical_and(e);
    while (accept(e, "||")) {
        long w = logical_and(e);
        v = v || w;
    }
    return v;
}

static long ternary(expr *e) {
    long c = logical_or(e);
    if (!accept(e, "?")) {
        return c;
    }
    long a = ternary(e);
    if (!accept(e, ":")) {
        e->bad = true;
        return 0;
    }
    long b = ternary(e);
    return c ? a : b;
}

bool ud_po_eval_plural(const char *rule, long n, long *out) {
    expr e = {rule, n, false};
    long v = ternary(&e);
    skip_space(&e);
    if (*e.p == ';') {
        e.p++;
        skip_space(&e);
    }
    if (e.bad || *e.p != '\0') {
        return false;
    }
    *out = v;
    return true;
}

int ud_po_plural_index(const ud_po *po, long n) {
    if (po->plural_rule[0] == '\0') {
        return 0;
    }
    long v;
    if (!ud_po_eval_plural(po->plural_rule, n, &v) || v < 0 || v >= po->nplurals) {
        return -1;
    }
    return (int)v;
}

/* ---- reading the file ---- */

typedef struct reader {
    const char *path;
    char *err;
    size_t err_size;
    int line;
    bool failed;
} reader;

static bool fail(reader *r, const char *fmt, ...) {
    if (r->failed) {
        return false;
    }
    r->failed = true;
    int n = snprintf(r->err, r->err_size, "%s:%d: ", r->path, r->line);
    if (n >= 0 && (size_t)n < r->err_size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->err + n, r->err_size - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* A growable string. */
typedef struct text {
    char *s;
    size_t len, cap;
    bool set; /* the keyword was seen, even if its string is empty */
} text;

static bool append(text *t, const char *s, size_t n) {
    if (n > SIZE_MAX / 4 - t->len) {
        return false; /* no catalog entry is that long; also keeps the sizes below in range */
    }
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        while (cap < t->len + n + 1) {
            cap *= 2;
        }
        char *grown = realloc(t->s, cap);
        if (grown == NULL) {
            return false;
        }
        t->s = grown;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
    return true;
}

/* Appends the C-style quoted string starting at p (at its opening quote) to t. */
static bool quoted(reader *r, const char *p, text *t) {
    if (*p != '"') {
        return fail(r, "expected a string in double quotes");
    }
    t->set = true;
    if (!append(t, "", 0)) {
        return fail(r, "out of memory");
    }
    for (p++; *p != '"'; p++) {
        char c = *p;
        if (c == '\0') {
            return fail(r, "string not closed by a double quote");
        }
        if (c == '\\') {
            p++;
            switch (*p) {
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case 'r':
                c = '\r';
                break;
            case '"':
                c = '"';
                break;
            case '\\':
                c = '\\';
                break;
            case 'a':
                c = '\a';
                break;
            default:
                return fail(r, "unknown escape '\\%c' in a string", *p ? *p : ' ');
            }
        }
        if (!append(t, &c, 1)) {
            return fail(r, "out of memory");
        }
    }
    for (p++; *p == ' ' || *p == '\t'; p++) {
    }
    if (*p != '\0') {
        return fail(r, "text after the closing quote");
    }
    return true;
}

/* The entry being read. */
typedef struct pending {
    text ctxt, id, plural, forms[MAX_FORMS];
    int form_count;
    int line;
    bool fuzzy, c_format, obsolete;
    text *current; /* where a continuation string goes */
} pending;

static void pending_clear(pending *e) {
    free(e->ctxt.s);
    free(e->id.s);
    free(e->plural.s);
    for (int i = 0; i < MAX_FORMS; i++) {
        free(e->forms[i].s);
    }
    memset(e, 0, sizeof *e);
}

static char *take(text *t) {
    char *s = t->s != NULL ? t->s : calloc(1, 1);
    memset(t, 0, sizeof *t);
    return s;
}

static bool header(reader *r, ud_po *po, const char *h) {
    const char *ct = strstr(h, "Content-Type:");
    if (ct != NULL) {
        const char *cs = strstr(ct, "charset=");
        if (cs != NULL && strncmp(cs + 8, "UTF-8", 5) != 0) {
            return fail(r, "the catalog must be in UTF-8 (Content-Type: ...; charset=UTF-8)");
        }
    }
    const char *lang = strstr(h, "Language:");
    if (lang != NULL) {
        lang += 9;
        while (*lang == ' ') {
            lang++;
        }
        size_t n = strcspn(lang, "\n");
        snprintf(po->language, sizeof po->language, "%.*s", (int)n, lang);
    }
    const char *pf = strstr(h, "Plural-Forms:");
    if (pf == NULL || strstr(pf, "nplurals=INTEGER") != NULL) { /* none, or a template's */
        return true;
    }
    const char *np = strstr(pf, "nplurals=");
    const char *rule = strstr(pf, "plural=");
    if (rule != NULL && rule > pf && rule[-1] == 'n') {
        rule = strstr(rule + 7, "plural=");
    }
    if (np == NULL || rule == NULL) {
        return fail(r, "Plural-Forms needs 'nplurals=N; plural=EXPRESSION;'");
    }
    po->nplurals = atoi(np + 9);
    if (po->nplurals < 1 || po->nplurals > MAX_FORMS) {
        return fail(r, "Plural-Forms: nplurals must be 1 to %d", MAX_FORMS);
    }
    rule += 7;
    size_t n = strcspn(rule, ";\n");
    if (n >= sizeof po->plural_rule) {
        return fail(r, "Plural-Forms: the plural expression is too long");
    }
    snprintf(po->plural_rule, sizeof po->plural_rule, "%.*s", (int)n, rule);
    for (long k = 0; k <= 1000; k++) {
        long v;
        if (!ud_po_eval_plural(po->plural_rule, k, &v)) {
            return fail(r, "Plural-Forms: cannot read the expression '%s'", po->plural_rule);
        }
        if (v < 0 || v >= po->nplurals) {
            return fail(r, "Plural-Forms: '%s' gives form %ld for n = %ld, but nplurals is %d",
                        po->plural_rule, v, k, po->nplurals);
        }
    }
    return true;
}

typedef struct entries {
    ud_po_entry *e;
    int count, cap;
} entries;

/* The printf conversions of a format, in order, as one short text: "%d" and "%.0f%%" give
 * "d f"; a length modifier stays with its letter ("ld"); an argument number "%1$s" counts as
 * "1$s". False if the text has a '%' that is not a complete conversion (printf's behaviour
 * would be undefined). */
static bool conversions(const char *f, bool strict, char *out, size_t size) {
    size_t n = 0;
    out[0] = '\0';
    for (const char *c = f; *c != '\0'; c++) {
        if (*c != '%') {
            continue;
        }
        c++;
        if (*c == '%') {
            continue;
        }
        char spec[16];
        size_t k = 0;
        while (*c >= '0' && *c <= '9' && k < 6) { /* an argument number, or a width */
            spec[k++] = *c++;
        }
        if (*c == '$') {
            spec[k++] = *c++;
        } else {
            k = 0; /* it was a width */
        }
        if (strict && *c == ' ') {
            continue; /* "10% of": in a text not marked as a format, a '%' before a space is
                         the sign, not a conversion with the space flag */
        }
        while (*c != '\0' && strchr("-+ #0123456789.*'", *c) != NULL) {
            if (*c == '*' && k < 12) {
                spec[k++] = '*'; /* a width or precision taken from the arguments */
            }
            c++; /* flags, width, precision */
        }
        while (*c != '\0' && strchr("hljztL", *c) != NULL && k < 12) {
            spec[k++] = *c++;
        }
        if (*c == '\0' || strchr("diouxXeEfFgGaAcspn", *c) == NULL) {
            return false;
        }
        spec[k++] = *c == 'i' ? 'd' : *c;
        spec[k] = '\0';
        int w = snprintf(out + n, n < size ? size - n : 0, "%s%s", n > 0 ? " " : "", spec);
        n += w > 0 ? (size_t)w : 0;
        if (n >= size) {
            return false;
        }
    }
    return true;
}

/* A translation used as a printf format must ask for the same values, in the same order and
 * of the same types, as the English: "%s" where the English has "%d" reads a number as a
 * pointer and crashes the game. The English decides, not the catalog's flags (a catalog can
 * say anything about itself): an English text with conversions ("%d", read strictly, so that
 * "10% of" is a percent sign) is a format, and the translation, read as printf reads it
 * ("% s" and "%*d" included), must have the same ones; an English text with no '%' at all
 * is no format, and its translation may have none; an English text with a percent sign and
 * no conversion is never passed to printf as a format, and its translation is free. */
static bool same_conversions(const char *english, const char *translation) {
    char a[256], b[256];
    if (!conversions(english, true, a, sizeof a)) {
        return true; /* not a format (a stray '%'): never passed to printf as one */
    }
    if (a[0] == '\0' && strchr(english, '%') != NULL) {
        return true; /* "10% of the portfolio": a percent sign, not a format */
    }
    return conversions(translation, false, b, sizeof b) && strcmp(a, b) == 0;
}

static bool finish_entry(reader *r, ud_po *po, pending *p, entries *out) {
    if (!p->id.set) {
        if (p->ctxt.set || p->plural.set || p->form_count > 0) {
            return fail(r, "an entry without a msgid");
        }
        return true; /* comments only */
    }
    if (p->obsolete) {
        return true;
    }
    int saved = r->line;
    r->line = p->line;
    if (p->form_count == 0) {
        return fail(r, "msgid without a msgstr");
    }
    if (p->plural.set && !p->forms[0].set) {
        return fail(r, "an entry with msgid_plural needs msgstr[0], msgstr[1]...");
    }
    if (p->id.len == 0 && !p->ctxt.set) {
        bool ok = header(r, po, p->forms[0].s ? p->forms[0].s : "");
        r->line = saved;
        return ok;
    }
    /* a template (no rule in its header) has the two English forms */
    if (p->plural.set && po->plural_rule[0] != '\0' && p->form_count != po->nplurals) {
        return fail(r, "the entry has %d plural form(s), the header's Plural-Forms says %d",
                    p->form_count, po->nplurals);
    }
    r->line = saved;
    if (out->count == out->cap) {
        int cap = out->cap ? out->cap * 2 : 256;
        ud_po_entry *grown = realloc(out->e, (size_t)cap * sizeof *grown);
        if (grown == NULL) {
            return fail(r, "out of memory");
        }
        out->e = grown;
        out->cap = cap;
    }
    ud_po_entry *e = &out->e[out->count];
    memset(e, 0, sizeof *e);
    if (p->ctxt.set) {
        text key = {0};
        if (!append(&key, p->ctxt.s, p->ctxt.len) || !append(&key, "\004", 1) ||
            !append(&key, p->id.s, p->id.len)) {
            free(key.s);
            return fail(r, "out of memory");
        }
        e->id = key.s;
    } else {
        e->id = take(&p->id);
    }
    e->plural = p->plural.set ? take(&p->plural) : NULL;
    e->form_count = p->form_count;
    e->forms = calloc((size_t)p->form_count, sizeof *e->forms);
    e->line = p->line;
    e->fuzzy = p->fuzzy;
    e->c_format = p->c_format;
    out->count++;
    if (e->forms == NULL || e->id == NULL) {
        return fail(r, "out of memory");
    }
    for (int i = 0; i < p->form_count; i++) {
        e->forms[i] = take(&p->forms[i]);
        /* a form whose conversions differ from the English is not used: the English shows */
        const char *english = i > 0 && e->plural != NULL ? e->plural : e->id;
        if (e->forms[i][0] != '\0' && !same_conversions(english, e->forms[i])) {
            if (po->unsafe_count++ == 0) {
                snprintf(po->first_unsafe, sizeof po->first_unsafe,
                         "%s:%d: the translation's %% conversions differ from the English "
                         "text's, so the English is shown",
                         r->path, e->line);
            }
            e->forms[i][0] = '\0';
        }
    }
    return true;
}

static int by_id(const void *a, const void *b) {
    return strcmp(((const ud_po_entry *)a)->id, ((const ud_po_entry *)b)->id);
}

static bool read_line(reader *r, ud_po *po, char *line, pending *p, entries *out) {
    char *s = line;
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    if (*s == '\0') {
        bool ok = finish_entry(r, po, p, out);
        pending_clear(p);
        return ok;
    }
    if (s[0] == '#') {
        if (p->id.set) {
            /* a comment after the strings starts the next entry */
            if (!finish_entry(r, po, p, out)) {
                return false;
            }
            pending_clear(p);
        }
        if (s[1] == ',') {
            p->fuzzy = p->fuzzy || strstr(s, "fuzzy") != NULL;
            p->c_format =
                p->c_format || (strstr(s, "c-format") != NULL && strstr(s, "no-c-format") == NULL);
        } else if (s[1] == '~') {
            p->obsolete = true; /* obsolete entries are kept by translators' tools, not used */
        }
        return true;
    }
    if (p->obsolete) {
        return true;
    }
    if (s[0] == '"') {
        if (p->current == NULL) {
            return fail(r, "a string that continues no msgid or msgstr");
        }
        return quoted(r, s, p->current);
    }
    const char *word = s;
    size_t wlen = strcspn(s, " \t[");
    char *rest = s + wlen;
    int index = -1;
    if (*rest == '[') {
        char *end;
        index = (int)strtol(rest + 1, &end, 10);
        if (*end != ']' || end == rest + 1) {
            return fail(r, "expected msgstr[N]");
        }
        rest = end + 1;
    }
    while (*rest == ' ' || *rest == '\t') {
        rest++;
    }
    if (wlen == 7 && strncmp(word, "msgctxt", 7) == 0 && index < 0) {
        if (p->id.set || p->ctxt.set) {
            if (!finish_entry(r, po, p, out)) {
                return false;
            }
            pending_clear(p);
        }
        p->current = &p->ctxt;
    } else if (wlen == 5 && strncmp(word, "msgid", 5) == 0 && index < 0) {
        if (p->id.set) {
            if (!finish_entry(r, po, p, out)) {
                return false;
            }
            pending_clear(p);
        }
        p->line = r->line;
        p->current = &p->id;
    } else if (wlen == 12 && strncmp(word, "msgid_plural", 12) == 0 && index < 0) {
        if (!p->id.set || p->plural.set || p->form_count > 0) {
            return fail(r, "msgid_plural must follow its msgid");
        }
        p->current = &p->plural;
    } else if (wlen == 6 && strncmp(word, "msgstr", 6) == 0) {
        if (!p->id.set) {
            return fail(r, "msgstr without a msgid");
        }
        if (p->plural.set != (index >= 0)) {
            return fail(r, p->plural.set ? "an entry with msgid_plural needs msgstr[N]"
                                         : "msgstr[N] needs a msgid_plural");
        }
        int slot = index < 0 ? 0 : index;
        if (slot != p->form_count || slot >= MAX_FORMS) {
            return fail(r, "msgstr[%d] out of order (expected msgstr[%d])", slot, p->form_count);
        }
        p->form_count++;
        p->current = &p->forms[slot];
    } else {
        return fail(r, "unknown keyword '%.*s'", (int)wlen, word);
    }
    return quoted(r, rest, p->current);
}

bool ud_po_load(ud_po *po, const char *path, char *err, size_t err_size) {
    memset(po, 0, sizeof *po);
    po->nplurals = 1;
    reader r = {path, err, err_size, 0, false};
    char why[1200];
    FILE *f = ud_open_regular(path, 16u << 20, why, sizeof why);
    if (f == NULL) {
        snprintf(err, err_size, "%s", why);
        return false;
    }
    pending p;
    memset(&p, 0, sizeof p);
    entries out = {0};
    text line = {0};
    bool ok = true;
    int c;
    while (ok) {
        line.len = 0;
        if (line.s != NULL) {
            line.s[0] = '\0';
        }
        while ((c = fgetc(f)) != EOF && c != '\n') {
            char ch = (char)c;
            if (ch != '\r' && !append(&line, &ch, 1)) {
                ok = fail(&r, "out of memory");
                break;
            }
        }
        if (c == EOF && line.len == 0) {
            break;
        }
        r.line++;
        if (!ok) {
            break;
        }
        const char *s = line.s != NULL ? line.s : "";
        if (r.line == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0) {
            memmove(line.s, line.s + 3, line.len - 2);
        }
        if (!ud_utf8_valid(line.s != NULL ? line.s : "", (size_t)-1)) {
            ok = fail(&r, "not valid UTF-8");
            break;
        }
        ok = read_line(&r, po, line.s != NULL ? line.s : (char[]){'\0'}, &p, &out);
    }
    if (ok) {
        r.line++;
        ok = finish_entry(&r, po, &p, &out);
    }
    pending_clear(&p);
    free(line.s);
    fclose(f);
    po->entries = out.e;
    po->count = out.count;
    if (ok) {
        qsort(po->entries, (size_t)po->count, sizeof *po->entries, by_id);
        for (int i = 1; i < po->count; i++) {
            if (strcmp(po->entries[i - 1].id, po->entries[i].id) == 0) {
                r.line = po->entries[i - 1].line > po->entries[i].line ? po->entries[i - 1].line
                                                                       : po->entries[i].line;
                ok = fail(&r, "a second entry for the same msgid");
                break;
            }
        }
    }
    if (!ok) {
        ud_po_free(po);
    }
    return ok;
}

void ud_po_free(ud_po *po) {
    for (int i = 0; i < po->count; i++) {
        ud_po_entry *e = &po->entries[i];
        free(e->id);
        free(e->plural);
        for (int k = 0; e->forms != NULL && k < e->form_count; k++) {
            free(e->forms[k]);
        }
        free(e->forms);
    }
    free(po->entries);
    memset(po, 0, sizeof *po);
    po->nplurals = 1;
}

const ud_po_entry *ud_po_find(const ud_po *po, const char *english) {
    if (po->count == 0 || english == NULL) {
        return NULL;
    }
    ud_po_entry key = {.id = (char *)english};
    return bsearch(&key, po->entries, (size_t)po->count, sizeof key, by_id);
}

const char *ud_po_text(const ud_po *po, const char *english) {
    const ud_po_entry *e = ud_po_find(po, english);
    if (e == NULL || e->fuzzy || e->forms[0][0] == '\0') {
        return NULL;
    }
    return e->forms[0];
}

const char *ud_po_plural_text(const ud_po *po, const char *english, long n) {
    const ud_po_entry *e = ud_po_find(po, english);
    if (e == NULL || e->fuzzy) {
        return NULL;
    }
    int form = e->plural == NULL ? 0 : ud_po_plural_index(po, n);
    if (form < 0 || form >= e->form_count || e->forms[form][0] == '\0') {
        return NULL;
    }
    return e->forms[form];
}
