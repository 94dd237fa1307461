/* Team result files: one line per fact, tab-separated, so a trainer can read one too. */
#define _POSIX_C_SOURCE 200809L /* fsync, fileno */

#include "result.h"

#include "i18n.h"
#include "runner.h"
#include "story.h"
#include "ud/regular_file.h"
#include "ud/save.h"
#include "ud/scores.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Texts go on one line: tabs and line breaks become spaces. */
static void put_text(FILE *f, const char *s) {
    for (; *s != '\0'; s++) {
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
    }
}

static void put_field(FILE *f, const char *key, const char *value) {
    fprintf(f, "%s\t", key);
    put_text(f, value);
    fputc('\n', f);
}

static const char *const kind_names[] = {"target", "win", "lose"};

bool ud_result_write(const char *path, ud_game *g, const char *team, char *err, size_t err_size) {
    const ud_scenario_info *in = ud_game_info(g);
    ud_sim *sim = ud_game_sim(g);
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%.1000s.tmp", path);
    FILE *f = ud_create_fresh(tmp);
    if (f == NULL) {
        snprintf(err, err_size, "%s: cannot write the result: %s", path, strerror(errno));
        return false;
    }
    uint64_t hash = 0;
    ud_file_hash(in->path, &hash);
    fprintf(f, "%s\n", UD_RESULT_MAGIC);
    put_field(f, "team", team[0] != '\0' ? team : "team");
    put_field(f, "scenario", in->path);
    put_field(f, "scenario_id", in->id);
    put_field(f, "title", in->title);
    put_field(f, "module", in->module);
    fprintf(f, "hash\t%016" PRIx64 "\n", hash);
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

void ud_result_file_name(const char *team, const char *scenario_id, int months, char *out,
                         size_t size) {
    char clean[64];
    size_t n = 0;
    for (const char *p = team; *p != '\0' && n + 1 < sizeof clean; p++) {
        char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
        clean[n++] = keep ? c : '_';
    }
    clean[n] = '\0';
    snprintf(out, size, "%s-%s-m%d.result", n > 0 ? clean : "team", scenario_id, months);
}

void ud_result_free(ud_team_result *r) {
    free(r->decisions);
    free(r->rows);
    r->decisions = NULL;
    r->rows = NULL;
}

int ud_result_column(const ud_team_result *r, const char *name) {
    for (int i = 0; i < r->column_count; i++) {
        if (strcmp(r->columns[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

/* Splits a line at its tabs (in place); returns the number of fields. */
static int split_tabs(char *line, char **fields, int max) {
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p != '\0' && n < max; p++) {
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    }
    return n;
}

static bool read_line(const char *path, int line_no, char *line, ud_team_result *r, char *err,
                      size_t err_size) {
    char *field[5];
    int n = split_tabs(line, field, 5);
    const char *key = field[0];
#define NEED(k)                                                                                    \
    if (n < (k)) {                                                                                 \
        snprintf(err, err_size, "%s:%d: '%s' needs %d value(s)", path, line_no, key, (k)-1);       \
        return false;                                                                              \
    }
    if (strcmp(key, "team") == 0) {
        NEED(2);
        snprintf(r->team, sizeof r->team, "%s", field[1]);
    } else if (strcmp(key, "scenario") == 0) {
        NEED(2);
        snprintf(r->scenario, sizeof r->scenario, "%s", field[1]);
    } else if (strcmp(key, "scenario_id") == 0) {
        NEED(2);
        snprintf(r->scenario_id, sizeof r->scenario_id, "%s", field[1]);
    } else if (strcmp(key, "title") == 0) {
        NEED(2);
        snprintf(r->title, sizeof r->title, "%s", field[1]);
    } else if (strcmp(key, "module") == 0) {
        NEED(2);
        snprintf(r->module, sizeof r->module, "%s", field[1]);
    } else if (strcmp(key, "hash") == 0) {
        NEED(2);
        r->hash = strtoull(field[1], NULL, 16);
    } else if (strcmp(key, "seed") == 0) {
        NEED(2);
        r->seed = strtoull(field[1], NULL, 10);
    } else if (strcmp(key, "months") == 0) {
        NEED(2);
        r->months = atoi(field[1]);
    } else if (strcmp(key, "played") == 0) {
        NEED(2);
        r->played = atoi(field[1]);
    } else if (strcmp(key, "end") == 0) {
        NEED(2);
        snprintf(r->end, sizeof r->end, "%s", field[1]);
    } else if (strcmp(key, "currency") == 0) {
        NEED(3);
        snprintf(r->currency, sizeof r->currency, "%s", field[1]);
        r->minor_units = atoi(field[2]);
    } else if (strcmp(key, "scores") == 0) {
        NEED(3);
        r->score_institution = atoi(field[1]);
        r->score_clients = atoi(field[2]);
    } else if (strcmp(key, "goal") == 0) {
        NEED(4);
        if (r->goal_count < UD_MAX_GOALS) {
            ud_result_goal *goal = &r->goals[r->goal_count++];
            goal->kind = strcmp(field[1], "win") == 0
                             ? UD_GOAL_WIN
                             : (strcmp(field[1], "lose") == 0 ? UD_GOAL_LOSE : UD_GOAL_TARGET);
            goal->met = strcmp(field[2], "met") == 0 || strcmp(field[2], "avoided") == 0;
            snprintf(goal->text, sizeof goal->text, "%s", field[3]);
        }
    } else if (strcmp(key, "decision") == 0) {
        NEED(3);
        ud_result_decision *grown =
            realloc(r->decisions, (size_t)(r->decision_count + 1) * sizeof *grown);
        if (grown == NULL) {
            snprintf(err, err_size, "%s:%d: out of memory", path, line_no);
            return false;
        }
        r->decisions = grown;
        grown[r->decision_count].month = atoi(field[1]);
        snprintf(grown[r->decision_count].text, sizeof grown->text, "%s", field[2]);
        r->decision_count++;
    } else if (strcmp(key, "lesson") == 0) {
        NEED(2);
        if (r->lesson_count < 32) {
            snprintf(r->lessons[r->lesson_count++], UD_TEXT_LEN, "%s", field[1]);
        }
    } else if (strcmp(key, "columns") == 0) {
        NEED(2);
        r->column_count = 0;
        for (char *c = strtok(field[1], ","); c != NULL && r->column_count < UD_RESULT_MAX_COLUMNS;
             c = strtok(NULL, ",")) {
            snprintf(r->columns[r->column_count++], sizeof r->columns[0], "%s", c);
        }
    } else if (strcmp(key, "row") == 0) {
        NEED(2);
        if (r->column_count == 0) {
            snprintf(err, err_size, "%s:%d: a row before the 'columns' line", path, line_no);
            return false;
        }
        double(*grown)[UD_RESULT_MAX_COLUMNS] =
            realloc(r->rows, (size_t)(r->row_count + 1) * sizeof *grown);
        if (grown == NULL) {
            snprintf(err, err_size, "%s:%d: out of memory", path, line_no);
            return false;
        }
        r->rows = grown;
        int c = 0;
        char *p = field[1];
        while (c < r->column_count) {
            char *end;
            grown[r->row_count][c++] = strtod(p, &end);
            if (end == p || (*end != ',' && *end != '\0' && *end != '\n')) {
                snprintf(err, err_size, "%s:%d: value %d of the row is not a number", path, line_no,
                         c);
                return false;
            }
            if (*end != ',') {
                break;
            }
            p = end + 1;
        }
        if (c != r->column_count) {
            snprintf(err, err_size, "%s:%d: the row has %d values for %d columns", path, line_no, c,
                     r->column_count);
            return false;
        }
        r->row_count++;
    }
    /* other keys: written by a later version; ignored so old class reports still read them */
#undef NEED
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
    char line[8192];
    int line_no = 0;
    bool ok = true;
    while (ok && fgets(line, sizeof line, f) != NULL) {
        line_no++;
        size_t len = strlen(line);
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
            line[--len] = '\0';
        }
        if (line_no == 1) {
            if (strcmp(line, UD_RESULT_MAGIC) != 0) {
                snprintf(err, err_size,
                         "%s:1: not a Unit Desa result file (it should start with '%s')", path,
                         UD_RESULT_MAGIC);
                ok = false;
            }
            continue;
        }
        if (len > 0) {
            ok = read_line(path, line_no, line, r, err, err_size);
        }
    }
    fclose(f);
    if (ok && line_no == 0) {
        snprintf(err, err_size, "%s: the result file is empty", path);
        ok = false;
    }
    if (ok && (r->scenario_id[0] == '\0' || r->row_count == 0)) {
        snprintf(err, err_size, "%s:%d: the result file is incomplete (no %s)", path, line_no,
                 r->scenario_id[0] == '\0' ? "scenario_id line" : "monthly rows");
        ok = false;
    }
    if (!ok) {
        ud_result_free(r);
    }
    return ok;
}
