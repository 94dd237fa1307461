/* The translation table: sorted pairs searched by binary search. */
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef ud_i18n_pair pair;

static int by_english(const void *a, const void *b) {
    return strcmp(((const pair *)a)->en, ((const pair *)b)->en);
}

void ud_i18n_free(ud_i18n *t) {
    for (int i = 0; i < t->count; i++) {
        free(t->pairs[i].en);
        free(t->pairs[i].tr);
    }
    free(t->pairs);
    t->pairs = NULL;
    t->count = 0;
    t->missing_count = 0;
    snprintf(t->language, sizeof t->language, "en");
}

/* "\n" in the file stands for a line break. */
static char *unescape(const char *s, size_t n) {
    char *out = malloc(n + 1);
    size_t j = 0;
    for (size_t i = 0; out != NULL && i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && s[i + 1] == 'n') {
            out[j++] = '\n';
            i++;
        } else {
            out[j++] = s[i];
        }
    }
    if (out != NULL) {
        out[j] = '\0';
    }
    return out;
}

bool ud_i18n_load(ud_i18n *t, const char *assets_dir, const char *lang, char *err, int err_size) {
    ud_i18n_free(t);
    if (strcmp(lang, "en") == 0) {
        return true;
    }
    char path[1100];
    snprintf(path, sizeof path, "%s/i18n/%s.txt", assets_dir, lang);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        snprintf(err, (size_t)err_size, "%s: no translation for '%s'", path, lang);
        return false;
    }
    int cap = 512, line_no = 0;
    pair *pairs = malloc((size_t)cap * sizeof *pairs);
    int pair_count = 0;
    t->pairs = pairs;
    char line[4096];
    while (pairs != NULL && fgets(line, sizeof line, f) != NULL) {
        line_no++;
        size_t len = strcspn(line, "\r\n");
        line[len] = '\0';
        if (len == 0 || line[0] == '#') {
            continue;
        }
        char *tab = strchr(line, '\t');
        if (tab == NULL) {
            snprintf(err, (size_t)err_size, "%s:%d: expected 'English<TAB>translation'", path,
                     line_no);
            fclose(f);
            ud_i18n_free(t);
            return false;
        }
        if (pair_count == cap) {
            cap *= 2;
            pair *grown = realloc(pairs, (size_t)cap * sizeof *pairs);
            if (grown == NULL) {
                break;
            }
            pairs = grown;
            t->pairs = pairs;
        }
        pairs[pair_count].en = unescape(line, (size_t)(tab - line));
        pairs[pair_count].tr = unescape(tab + 1, strlen(tab + 1));
        pair_count++;
        t->count = pair_count;
    }
    fclose(f);
    qsort(pairs, (size_t)pair_count, sizeof *pairs, by_english);
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
    if (t->count == 0 || english == NULL) {
        return english;
    }
    pair key = {(char *)english, NULL};
    const pair *found = bsearch(&key, t->pairs, (size_t)t->count, sizeof *t->pairs, by_english);
    if (found == NULL) {
        note_missing(t, english);
        return english;
    }
    return found->tr;
}

const char *ud_trn(ud_i18n *t, long n, const char *one, const char *many) {
    bool singular =
        strcmp(t->language, "fr") == 0 ? (n == 0 || n == 1 || n == -1) : (n == 1 || n == -1);
    return ud_tr(t, singular ? one : many);
}
