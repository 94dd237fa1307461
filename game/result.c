/* Team result files: one line per fact, tab-separated, so a trainer can read one too. */
#define _XOPEN_SOURCE 700 /* fsync, fileno, realpath */

#include "result.h"

#include "i18n.h"
#include "runner.h"
#include "story.h"
#include "ud/regular_file.h"
#include "ud/save.h"
#include "ud/scores.h"
#include "ud/utf8.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Texts go on one line: tabs and line breaks become spaces; a byte that is not part of a
 * UTF-8 character becomes '?' (the reader refuses what is not UTF-8, and a result file the
 * class report refuses is a team lost at the end of a workshop). */
static void put_text(FILE *f, const char *s) {
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (copy == NULL) {
        return;
    }
    memcpy(copy, s, n + 1);
    ud_utf8_clean(copy);
    for (unsigned char *c = (unsigned char *)copy; *c != '\0'; c++) {
        /* no control character reaches the file: the trainer's terminal shows these texts */
        fputc(*c == '\t' || *c == '\n' || *c == '\r' ? ' ' : (*c < 0x20 || *c == 0x7f ? '?' : *c),
              f);
    }
    free(copy);
}

static void put_field(FILE *f, const char *key, const char *value) {
    fprintf(f, "%s\t", key);
    put_text(f, value);
    fputc('\n', f);
}

static const char *const kind_names[] = {"target", "win", "lose", NULL};

bool ud_result_write(const char *path, ud_game *g, const char *team, char *err, size_t err_size) {
    const ud_scenario_info *in = ud_game_info(g);
    ud_sim *sim = ud_game_sim(g);
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%.1000s.%ld.tmp", path, (long)getpid()); /* one per process */
    FILE *f = ud_create_fresh(tmp);
    if (f == NULL) {
        snprintf(err, err_size, "%s: cannot write the result: %s", path, strerror(errno));
        return false;
    }
    uint64_t hash = ud_game_scenario_hash(g); /* the text played, as the save records it */
    fprintf(f, "%s\n", UD_RESULT_MAGIC);
    put_field(f, "team", team[0] != '\0' ? team : "team");
    /* the whole path: the class report is often made from another folder than the game's */
    char whole[PATH_MAX];
    put_field(f, "scenario", realpath(in->path, whole) != NULL ? whole : in->path);
    put_field(f, "scenario_id", in->id);
    put_field(f, "title", in->title);
    put_field(f, "module", in->module);
    fprintf(f, "hash\t%016" PRIx64 "\n", hash);
    /* the helpers too: the class report replays the benchmark with today's, and says so if
     * one changed since the team played */
    const char *helper_name;
    uint64_t helper_hash;
    for (int i = 0; i < 8 && ud_game_helper(g, i, &helper_name, &helper_hash); i++) {
        fprintf(f, "helper\t");
        put_text(f, helper_name);
        fprintf(f, "\t%016" PRIx64 "\n", helper_hash);
    }
    fprintf(f, "seed\t%" PRIu64 "\n", ud_sim_setup(sim)->seed);
    fprintf(f, "months\t%d\nplayed\t%d\n", ud_game_months(g), ud_sim_month(sim));
    fprintf(f, "end\t%s\n", ud_game_end_name(ud_game_end_state(g)));
    fprintf(f, "currency\t%s\t%d\n", in->currency, in->minor_units);
    ud_scores scores;
    ud_scores_compute(sim, &scores); /* the debrief's, computed in one place */
    fprintf(f, "scores\t%.0f\t%.0f\n", scores.institution, scores.clients);
    int n;
    const ud_goal *goal = ud_game_goals(g, &n);
    for (int i = 0; i < n; i++) {
        bool met = goal[i].kind == UD_GOAL_LOSE ? goal[i].state != 1 : goal[i].state == 1;
        const char *verdict = goal[i].kind == UD_GOAL_LOSE ? (met ? "avoided" : "happened")
                                                           : (met ? "met" : "missed");
        fprintf(f, "goal\t%s\t%s\t", kind_names[goal[i].kind], verdict);
        put_text(f, goal[i].text);
        fputc('\n', f);
    }
    ud_i18n english;
    memset(&english, 0, sizeof english);
    const ud_decision *d = ud_game_decisions(g, &n);
    char text[1200];
    for (int i = 0; i < n; i++) {
        if (ud_decision_is_desk(&d[i])) {
            continue; /* the loan desk's many small decisions: counted in the indicators */
        }
        ud_decision_describe(g, &english, &d[i], text, sizeof text);
        fprintf(f, "decision\t%d\t", d[i].month);
        put_text(f, text);
        fputc('\n', f);
    }
    if (ud_game_end_state(g) != UD_END_RUNNING) {
        static char lessons[32][UD_TEXT_LEN];
        int count = ud_game_lessons(g, lessons, 32);
        for (int i = 0; i < count; i++) {
            put_field(f, "lesson", lessons[i]);
        }
    }
    fprintf(f, "columns\t%s\n", ud_indicators_csv_header());
    for (int m = 1; m <= ud_sim_month(sim); m++) {
        fprintf(f, "row\t");
        ud_indicators_csv_row(f, ud_sim_indicators(sim, m));
    }
    bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err, err_size, "%s: cannot write the result: %s", path, strerror(errno));
        remove(tmp);
        return false;
    }
    return true;
}

/* The ASCII letter of each Latin-1 letter U+00C0..U+00FF (0: none), so that "Équipe" names its
 * file "Equipe", not "__quipe" (a trainer reads these names in the class report's folder). */
static const char latin1_letters[64] =
    "AAAAAAACEEEEIIIIDNOOOOO_OUUUUYTsaaaaaaaceeeeiiiidnooooo_ouuuuyty";

/* Letters, digits, '-' and '_' only: a name that cannot leave the results folder. An accented
 * Latin letter keeps its letter; any other character (a space, a symbol, another script)
 * becomes one '_'. */
static size_t clean_name(const char *in, char *out, size_t size) {
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)in;
    while (*p != '\0' && n + 1 < size) {
        unsigned char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
        if (c < 0x80) {
            out[n++] = keep ? (char)c : '_';
            p++;
            continue;
        }
        /* a multi-byte character: its length from the lead byte, one replacement for all */
        int len = c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : (c >= 0xC0 ? 2 : 1));
        char letter = '_';
        if (len == 2 && (c == 0xC3) && (p[1] & 0xC0) == 0x80) {
            char l = latin1_letters[p[1] & 0x3F];
            letter = l != '_' && l != 0 ? l : '_';
        }
        out[n++] = letter;
        for (int k = 0; k < len && *p != '\0'; k++) {
            p++;
        }
    }
    out[n] = '\0';
    return n;
}

void ud_result_file_name(const char *team, const char *scenario_id, int months, char *out,
                         size_t size) {
    char clean[64], id[64];
    size_t n = clean_name(team, clean, sizeof clean);
    size_t m = clean_name(scenario_id, id, sizeof id);
    snprintf(out, size, "%s-%s-m%d.result", n > 0 ? clean : "team", m > 0 ? id : "scenario",
             months);
}

void ud_result_free(ud_team_result *r) {
    free(r->decisions);
    free(r->decision_texts);
    free(r->rows);
    r->decisions = NULL;
    r->decision_texts = NULL;
    r->rows = NULL;
}

const char *ud_result_decision_text(const ud_team_result *r, int i) {
    return r->decision_texts + r->decisions[i].text_at;
}

int ud_result_column(const ud_team_result *r, const char *name) {
    for (int i = 0; i < r->column_count; i++) {
        if (strcmp(r->columns[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

/* Reading. Result files come from the teams' PCs (on USB sticks), so the reader trusts
 * nothing: every field is checked for its type and range, a field the format does not have,
 * a field given twice or a required one missing is refused, and every message says
 * "file:line: field must be ...", so a trainer can find and fix the line. */

#define MAX_FIELDS 8
#define MAX_LINE 8192
/* The most decisions a game can hold: 1000 a month (the game's limit) for 240 months. */
#define MAX_RESULT_DECISIONS (1000 * UD_SAVE_MAX_MONTHS)
#define MAX_LESSONS 32
/* Monthly values: counts, ratios and money in minor units (int64), so never beyond int64. */
#define MAX_ROW_VALUE 9.3e18

/* The fields a result file has: the single ones (each exactly once), then the repeated. */
enum {
    F_TEAM,
    F_SCENARIO,
    F_SCENARIO_ID,
    F_TITLE,
    F_MODULE,
    F_HASH,
    F_SEED,
    F_MONTHS,
    F_PLAYED,
    F_END,
    F_CURRENCY,
    F_SCORES,
    F_COLUMNS,
    F_SINGLE_COUNT,
    F_GOAL = F_SINGLE_COUNT,
    F_DECISION,
    F_LESSON,
    F_ROW,
    F_HELPER,
    F_COUNT
};

static const struct {
    const char *name;
    int values; /* after the name, tab-separated */
} fields[F_COUNT] = {
    [F_TEAM] = {"team", 1},
    [F_SCENARIO] = {"scenario", 1},
    [F_SCENARIO_ID] = {"scenario_id", 1},
    [F_TITLE] = {"title", 1},
    [F_MODULE] = {"module", 1},
    [F_HASH] = {"hash", 1},
    [F_SEED] = {"seed", 1},
    [F_MONTHS] = {"months", 1},
    [F_PLAYED] = {"played", 1},
    [F_END] = {"end", 1},
    [F_CURRENCY] = {"currency", 2},
    [F_SCORES] = {"scores", 2},
    [F_COLUMNS] = {"columns", 1},
    [F_GOAL] = {"goal", 3},
    [F_DECISION] = {"decision", 2},
    [F_LESSON] = {"lesson", 1},
    [F_ROW] = {"row", 1},
    [F_HELPER] = {"helper", 2},
};

/* Whether `text` is how a game ended, as ud_game_end_name writes it; if not, the names in
 * `names` ("running, finished, ..."). */
static bool end_name(const char *text, char *names, size_t size) {
    names[0] = '\0';
    for (int e = 0; e < 32; e++) { /* every state the game has: the unknown ones are "?" */
        const char *name = ud_game_end_name((ud_game_end)e);
        if (strcmp(name, "?") == 0) {
            continue;
        }
        if (strcmp(name, text) == 0) {
            return true;
        }
        size_t used = strlen(names);
        snprintf(names + used, size - used, "%s%s", used > 0 ? ", " : "", name);
    }
    return false;
}

typedef struct reader {
    const char *path;
    int line_no;
    int seen[F_SINGLE_COUNT]; /* the line each single field was on, 0 if not yet */
    int last_decision_line;   /* the decision with the latest month, checked against played */
    int last_decision_month;
    int decision_capacity; /* decisions r->decisions has room for */
    size_t text_capacity;  /* bytes r->decision_texts has room for */
    char *err;
    size_t err_size;
} reader;

static bool fail(reader *rd, const char *field, const char *must, const char *got) {
    /* what the file holds is shown, but not its control characters: an escape sequence in a
     * team's file would take over the trainer's terminal */
    char shown[64];
    snprintf(shown, sizeof shown, "%.60s", got);
    bool utf8 = ud_utf8_valid(got, strlen(got));
    for (unsigned char *c = (unsigned char *)shown; *c != '\0'; c++) {
        /* nor bytes that are not UTF-8, which print as garbage or worse */
        *c = *c < 0x20 || *c == 0x7f || (!utf8 && *c >= 0x80) ? '?' : *c;
    }
    snprintf(rd->err, rd->err_size, "%s:%d: %s must be %s (got '%s%s')", rd->path, rd->line_no,
             field, must, shown, strlen(got) > 60 ? "..." : "");
    return false;
}

/* Splits a line at its tabs (in place); returns the number of fields, or max + 1 if more. */
static int split_tabs(char *line, char **out, int max) {
    int n = 0;
    out[n++] = line;
    for (char *p = line; *p != '\0'; p++) {
        if (*p == '\t') {
            if (n == max) {
                return max + 1;
            }
            *p = '\0';
            out[n++] = p + 1;
        }
    }
    return n;
}

/* A whole decimal integer in [min, max]: digits only (a leading '-' if min < 0), nothing
 * before or after. */
static bool whole_number(const char *text, long long min, long long max, long long *out) {
    const char *digits = text[0] == '-' && min < 0 ? text + 1 : text;
    if (*digits < '0' || *digits > '9') {
        return false;
    }
    char *end;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    if (errno != 0 || *end != '\0' || v < min || v > max) {
        return false;
    }
    *out = v;
    return true;
}

static bool int_field(reader *rd, const char *field, const char *text, int min, int max, int *out) {
    long long v;
    if (!whole_number(text, min, max, &v)) {
        char must[64];
        snprintf(must, sizeof must, "a whole number from %d to %d", min, max);
        return fail(rd, field, must, text);
    }
    *out = (int)v;
    return true;
}

static bool text_field(reader *rd, const char *field, const char *text, bool required, char *out,
                       size_t size) {
    if (required && text[0] == '\0') {
        return fail(rd, field, "a text that is not empty", text);
    }
    if (!ud_utf8_valid(text, (size_t)-1)) {
        return fail(rd, field, "UTF-8 text", text);
    }
    snprintf(out, size, "%s", text); /* longer texts are cut: they are only shown */
    ud_utf8_clean(out);              /* (and a cut may fall inside a character) */
    for (unsigned char *c = (unsigned char *)out; *c != '\0'; c++) {
        *c = *c < 0x20 || *c == 0x7f ? '?' : *c; /* shown on the trainer's terminal and page */
    }
    return true;
}

/* One of names (NULL-terminated); its index, or -1. */
static int one_of(const char *text, const char *const *names) {
    for (int i = 0; names[i] != NULL; i++) {
        if (strcmp(text, names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

static bool read_columns(reader *rd, char *text, ud_team_result *r) {
    /* the names this version writes: a file's columns are these, or some of them (older) */
    const char *known = ud_indicators_csv_header();
    r->column_count = 0;
    char *p = text;
    for (;;) {
        char *comma = strchr(p, ',');
        size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
        if (r->column_count == UD_RESULT_MAX_COLUMNS) {
            char must[64];
            snprintf(must, sizeof must, "at most %d names", UD_RESULT_MAX_COLUMNS);
            return fail(rd, "columns", must, text);
        }
        if (len == 0 || len >= sizeof r->columns[0]) {
            return fail(rd, "columns", "indicator names separated by commas", text);
        }
        char *name = r->columns[r->column_count];
        memcpy(name, p, len);
        name[len] = '\0';
        bool found = false;
        for (const char *k = known; *k != '\0' && !found;) {
            size_t klen = strcspn(k, ",");
            found = klen == len && strncmp(k, name, len) == 0;
            k += klen + (k[klen] == ',');
        }
        if (!found) {
            return fail(rd, "columns", "names of indicators (see engine/include/ud/indicators.h)",
                        name);
        }
        if (ud_result_column(r, name) >= 0) {
            return fail(rd, "columns", "names that are not repeated", name);
        }
        if (r->column_count == 0 && strcmp(name, "month") != 0) {
            return fail(rd, "columns", "a list that starts with 'month'", name);
        }
        r->column_count++;
        if (comma == NULL) {
            return true;
        }
        p = comma + 1;
    }
}

static bool read_row(reader *rd, char *text, ud_team_result *r) {
    if (rd->seen[F_COLUMNS] == 0) {
        snprintf(rd->err, rd->err_size, "%s:%d: a row before the 'columns' line", rd->path,
                 rd->line_no);
        return false;
    }
    if (r->row_count >= UD_SAVE_MAX_MONTHS) {
        char must[64];
        snprintf(must, sizeof must, "one a month, at most %d", UD_SAVE_MAX_MONTHS);
        return fail(rd, "row", must, "more");
    }
    double(*grown)[UD_RESULT_MAX_COLUMNS] =
        realloc(r->rows, (size_t)(r->row_count + 1) * sizeof *grown);
    if (grown == NULL) {
        snprintf(rd->err, rd->err_size, "%s:%d: out of memory", rd->path, rd->line_no);
        return false;
    }
    r->rows = grown;
    double *row = grown[r->row_count];
    int c = 0;
    char *p = text;
    for (;;) {
        if (c == r->column_count) {
            snprintf(rd->err, rd->err_size, "%s:%d: row must have %d values, one per column",
                     rd->path, rd->line_no, r->column_count);
            return false;
        }
        char *end;
        double v = strtod(p, &end);
        size_t len = strcspn(p, ",");
        /* decimal only: strtod would also take "0x10", "inf" and "nan" */
        bool number = end == p + len && len > 0 && strspn(p, "0123456789+-.eE") == len;
        if (!number || !isfinite(v) || fabs(v) > MAX_ROW_VALUE) {
            char field[64], value[64];
            snprintf(field, sizeof field, "row value %d (%s)", c + 1, r->columns[c]);
            snprintf(value, sizeof value, "%.*s", (int)(len < 60 ? len : 60), p);
            return fail(rd, field, "a decimal number of at most 9.3e18 either way", value);
        }
        if (v != floor(v) && (c == 0 || ud_indicator_is_whole(r->columns[c]))) {
            char field[64], value[64];
            snprintf(field, sizeof field, "row value %d (%s)", c + 1, r->columns[c]);
            snprintf(value, sizeof value, "%.*s", (int)(len < 60 ? len : 60), p);
            return fail(rd, field, "a whole number (a count, or money in minor units)", value);
        }
        row[c++] = v;
        if (*end == '\0') {
            break;
        }
        p = end + 1;
    }
    if (c != r->column_count) {
        snprintf(rd->err, rd->err_size, "%s:%d: row must have %d values, one per column (got %d)",
                 rd->path, rd->line_no, r->column_count, c);
        return false;
    }
    if (row[0] != r->row_count + 1) {
        char must[64], got[32];
        snprintf(must, sizeof must, "%d (the rows go month by month from 1)", r->row_count + 1);
        snprintf(got, sizeof got, "%g", row[0]);
        return fail(rd, "row month", must, got);
    }
    r->row_count++;
    return true;
}

static bool read_line(reader *rd, char *line, ud_team_result *r) {
    char *v[MAX_FIELDS];
    int n = split_tabs(line, v, MAX_FIELDS);
    int f = 0;
    while (f < F_COUNT && strcmp(fields[f].name, v[0]) != 0) {
        f++;
    }
    if (f == F_COUNT) {
        snprintf(rd->err, rd->err_size,
                 "%s:%d: unknown field '%.60s' (a result file has team, scenario, scenario_id, "
                 "title, module, hash, seed, months, played, end, currency, scores, goal, "
                 "decision, lesson, columns and row lines)",
                 rd->path, rd->line_no, v[0]);
        return false;
    }
    const char *name = fields[f].name;
    if (n != fields[f].values + 1) {
        snprintf(rd->err, rd->err_size, "%s:%d: %s must have %d value%s after its name (got %d)",
                 rd->path, rd->line_no, name, fields[f].values, fields[f].values > 1 ? "s" : "",
                 n > MAX_FIELDS ? n : n - 1);
        return false;
    }
    if (f < F_SINGLE_COUNT) {
        if (rd->seen[f] != 0) {
            snprintf(rd->err, rd->err_size, "%s:%d: %s is given twice (first on line %d)", rd->path,
                     rd->line_no, name, rd->seen[f]);
            return false;
        }
        rd->seen[f] = rd->line_no;
    }
    long long big;
    switch (f) {
    case F_TEAM:
        return text_field(rd, name, v[1], true, r->team, sizeof r->team);
    case F_SCENARIO:
        return text_field(rd, name, v[1], true, r->scenario, sizeof r->scenario);
    case F_SCENARIO_ID:
        return text_field(rd, name, v[1], true, r->scenario_id, sizeof r->scenario_id);
    case F_TITLE:
        return text_field(rd, name, v[1], false, r->title, sizeof r->title);
    case F_MODULE:
        return text_field(rd, name, v[1], false, r->module, sizeof r->module);
    case F_HASH:
        if (strlen(v[1]) != 16 || strspn(v[1], "0123456789abcdefABCDEF") != 16) {
            return fail(rd, name, "16 hexadecimal digits", v[1]);
        }
        r->hash = strtoull(v[1], NULL, 16);
        return true;
    case F_SEED:
        if (!whole_number(v[1], 0, INT64_MAX, &big)) {
            return fail(rd, name, "a whole number from 0 to 9223372036854775807", v[1]);
        }
        r->seed = (uint64_t)big;
        return true;
    case F_MONTHS:
        return int_field(rd, name, v[1], 1, UD_SAVE_MAX_MONTHS, &r->months);
    case F_PLAYED:
        return int_field(rd, name, v[1], 0, UD_SAVE_MAX_MONTHS, &r->played);
    case F_END: {
        char names[128];
        if (!end_name(v[1], names, sizeof names)) {
            char must[160];
            snprintf(must, sizeof must, "one of %s", names);
            return fail(rd, name, must, v[1]);
        }
        snprintf(r->end, sizeof r->end, "%s", v[1]);
        return true;
    }
    case F_CURRENCY:
        if (v[1][0] == '\0' || strlen(v[1]) >= sizeof r->currency) {
            return fail(rd, "currency", "a code of 1 to 7 characters", v[1]);
        }
        snprintf(r->currency, sizeof r->currency, "%s", v[1]);
        return int_field(rd, "currency minor units", v[2], 0, UD_MAX_MINOR_UNITS, &r->minor_units);
    case F_SCORES:
        return int_field(rd, "scores (institution)", v[1], 0, 100, &r->score_institution) &&
               int_field(rd, "scores (clients)", v[2], 0, 100, &r->score_clients);
    case F_COLUMNS:
        return read_columns(rd, v[1], r);
    case F_GOAL: {
        int kind = one_of(v[1], kind_names);
        if (kind < 0) {
            return fail(rd, "goal kind", "target, win or lose", v[1]);
        }
        static const char *const lose_verdicts[] = {"avoided", "happened", NULL};
        static const char *const verdicts[] = {"met", "missed", NULL};
        bool lose = kind == UD_GOAL_LOSE;
        int verdict = one_of(v[2], lose ? lose_verdicts : verdicts);
        if (verdict < 0) {
            return fail(rd, "goal verdict", lose ? "avoided or happened" : "met or missed", v[2]);
        }
        if (r->goal_count == UD_MAX_GOALS) {
            char must[64];
            snprintf(must, sizeof must, "at most %d lines", UD_MAX_GOALS);
            return fail(rd, name, must, "more");
        }
        ud_result_goal *goal = &r->goals[r->goal_count++];
        goal->kind = (ud_goal_kind)kind;
        goal->met = verdict == 0;
        return text_field(rd, "goal text", v[3], true, goal->text, sizeof goal->text);
    }
    case F_DECISION: {
        if (r->decision_count == MAX_RESULT_DECISIONS) {
            char must[64];
            snprintf(must, sizeof must, "at most %d lines", MAX_RESULT_DECISIONS);
            return fail(rd, name, must, "more");
        }
        int month;
        if (!int_field(rd, "decision month", v[1], 0, UD_SAVE_MAX_MONTHS, &month)) {
            return false;
        }
        /* room for twice as many at a time: one more each line made reading quadratic (a
         * file of 240,000 decisions took minutes) */
        if (r->decision_count >= rd->decision_capacity) {
            int room = rd->decision_capacity > 0 ? rd->decision_capacity * 2 : 64;
            ud_result_decision *more = realloc(r->decisions, (size_t)room * sizeof *more);
            if (more == NULL) {
                snprintf(rd->err, rd->err_size, "%s:%d: out of memory", rd->path, rd->line_no);
                return false;
            }
            r->decisions = more;
            rd->decision_capacity = room;
        }
        char text[240]; /* a decision is shown on one line: longer texts are cut */
        if (!text_field(rd, "decision text", v[2], true, text, sizeof text)) {
            return false;
        }
        size_t length = strlen(text) + 1;
        if (r->decision_texts_used + length > rd->text_capacity) {
            size_t room = rd->text_capacity > 0 ? rd->text_capacity * 2 : 4096;
            char *more = realloc(r->decision_texts, room);
            if (more == NULL) {
                snprintf(rd->err, rd->err_size, "%s:%d: out of memory", rd->path, rd->line_no);
                return false;
            }
            r->decision_texts = more;
            rd->text_capacity = room;
        }
        memcpy(r->decision_texts + r->decision_texts_used, text, length);
        r->decisions[r->decision_count].month = month;
        r->decisions[r->decision_count].text_at = r->decision_texts_used;
        r->decision_texts_used += length;
        if (month > rd->last_decision_month) {
            rd->last_decision_month = month;
            rd->last_decision_line = rd->line_no;
        }
        r->decision_count++;
        return true;
    }
    case F_LESSON:
        if (r->lesson_count == MAX_LESSONS) {
            char must[64];
            snprintf(must, sizeof must, "at most %d lines", MAX_LESSONS);
            return fail(rd, name, must, "more");
        }
        return text_field(rd, name, v[1], true, r->lessons[r->lesson_count++], UD_TEXT_LEN);
    case F_ROW:
        return read_row(rd, v[1], r);
    case F_HELPER: {
        if (r->helper_count == 8) {
            return fail(rd, name, "at most 8 lines", "more");
        }
        int k = r->helper_count;
        if (!text_field(rd, name, v[1], true, r->helper_names[k], sizeof r->helper_names[k])) {
            return false;
        }
        char *end = NULL;
        errno = 0;
        unsigned long long h = strtoull(v[2], &end, 16);
        if (v[2][0] == '\0' || end == NULL || *end != '\0' || errno != 0) {
            return fail(rd, name, "a name and a hexadecimal hash", v[2]);
        }
        r->helper_hashes[k] = (uint64_t)h;
        r->helper_count++;
        return true;
    }
    }
    return true;
}

enum { LINE_END = -1, LINE_TOO_LONG = -2, LINE_WITH_NUL = -3 };

/* Reads one line without its line break (and a '\r' before it) into buf; its length, or
 * LINE_END at the end of the file, LINE_TOO_LONG or LINE_WITH_NUL. */
static int next_line(FILE *f, char *buf, int size) {
    int len = 0, c;
    bool nul = false;
    while ((c = getc(f)) != EOF && c != '\n') {
        if (len + 1 >= size) {
            return LINE_TOO_LONG;
        }
        nul |= c == '\0';
        buf[len++] = (char)c;
    }
    if (c == EOF && len == 0) {
        return LINE_END;
    }
    if (len > 0 && buf[len - 1] == '\r') {
        len--;
    }
    buf[len] = '\0';
    return nul ? LINE_WITH_NUL : len;
}

/* After the last line: every single field was there, and the fields agree. */
static bool check_whole(reader *rd, ud_team_result *r) {
    for (int f = 0; f < F_SINGLE_COUNT; f++) {
        if (rd->seen[f] == 0) {
            snprintf(rd->err, rd->err_size,
                     "%s:%d: the result file has no '%s' line (is it cut short?)", rd->path,
                     rd->line_no, fields[f].name);
            return false;
        }
    }
    if (r->played == 0 && r->row_count == 0) {
        /* a game a script halted before its first month: written, but with nothing to show */
        rd->line_no = rd->seen[F_PLAYED];
        return fail(rd, "played",
                    "at least 1 for a report (this game ended before its first month)", "0");
    }
    if (r->row_count == 0) {
        snprintf(rd->err, rd->err_size,
                 "%s:%d: the result file has no monthly rows (is it cut short?)", rd->path,
                 rd->line_no);
        return false;
    }
    char must[96], got[32];
    if (r->played > r->months) {
        rd->line_no = rd->seen[F_PLAYED];
        snprintf(must, sizeof must, "at most months (%d, line %d)", r->months, rd->seen[F_MONTHS]);
        snprintf(got, sizeof got, "%d", r->played);
        return fail(rd, "played", must, got);
    }
    if (r->row_count != r->played) {
        rd->line_no = rd->seen[F_PLAYED];
        snprintf(must, sizeof must, "the number of row lines (%d)", r->row_count);
        snprintf(got, sizeof got, "%d", r->played);
        return fail(rd, "played", must, got);
    }
    if (rd->last_decision_month > r->played) {
        rd->line_no = rd->last_decision_line;
        snprintf(must, sizeof must, "at most played (%d, line %d)", r->played, rd->seen[F_PLAYED]);
        snprintf(got, sizeof got, "%d", rd->last_decision_month);
        return fail(rd, "decision month", must, got);
    }
    return true;
}

bool ud_result_read(const char *path, ud_team_result *r, char *err, size_t err_size) {
    memset(r, 0, sizeof *r);
    snprintf(r->path, sizeof r->path, "%s", path);
    /* A FIFO or a device in a folder of results would hang the report or never end. */
    char why[1200];
    FILE *f = ud_open_regular(path, UD_RESULT_MAX_BYTES, why, sizeof why);
    if (f == NULL) {
        snprintf(err, err_size, "%s", why);
        return false;
    }
    reader rd = {.path = path, .last_decision_month = -1, .err = err, .err_size = err_size};
    char line[MAX_LINE];
    bool ok = true;
    int len;
    while (ok && (len = next_line(f, line, sizeof line)) != LINE_END) {
        rd.line_no++;
        if (len == LINE_TOO_LONG || len == LINE_WITH_NUL) {
            snprintf(err, err_size, "%s:%d: %s", path, rd.line_no,
                     len == LINE_TOO_LONG ? "the line is too long for a result file"
                                          : "the line holds a NUL byte (a damaged file?)");
            ok = false;
            break;
        }
        if (rd.line_no == 1) {
            /* a byte-order mark, as some editors write one, is no part of the text */
            if ((unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
                (unsigned char)line[2] == 0xBF) {
                memmove(line, line + 3, strlen(line + 3) + 1);
            }
            if (strcmp(line, UD_RESULT_MAGIC) != 0) {
                long long version;
                const char *prefix = "unitdesa-result ";
                if (strncmp(line, prefix, strlen(prefix)) == 0 &&
                    whole_number(line + strlen(prefix), 2, INT_MAX, &version)) {
                    snprintf(err, err_size,
                             "%s:1: a result file of format %lld, written by a newer version of "
                             "Unit Desa (this one reads format 1)",
                             path, version);
                } else {
                    snprintf(err, err_size,
                             "%s:1: not a Unit Desa result file (it should start with '%s')", path,
                             UD_RESULT_MAGIC);
                }
                ok = false;
            }
            continue;
        }
        if (len > 0) {
            ok = read_line(&rd, line, r);
        }
    }
    fclose(f);
    if (ok && rd.line_no == 0) {
        snprintf(err, err_size, "%s: the result file is empty", path);
        ok = false;
    }
    ok = ok && check_whole(&rd, r);
    if (!ok) {
        ud_result_free(r);
    }
    return ok;
}
