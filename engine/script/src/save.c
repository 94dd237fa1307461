/* Saved games as a short text file: header, decisions, a fingerprint of the final state,
 * and a checksum; written atomically, checked whole on load, replayed to restore. */
#define _XOPEN_SOURCE 700 /* fsync, fileno, realpath */

#include "ud/save.h"
#include "ud/utf8.h"

#include "game_internal.h"
#include "sandbox.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <sys/stat.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAGIC "UNITDESA-SAVE"
#define MAX_SAVE_BYTES (16u << 20)

bool ud_file_hash(const char *path, uint64_t *hash) {
    char why[64];
    FILE *f = ud_open_regular(path, UD_SANDBOX_MAX_FILE_BYTES, why, sizeof why);
    if (f == NULL) {
        return false;
    }
    uint64_t h = UD_HASH_START;
    unsigned char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        h = ud_sandbox_hash(buf, n, h);
    }
    fclose(f);
    *hash = h;
    return true;
}

/* A fingerprint of where the game stands: the last month's indicators as CSV text. */
static uint64_t state_fingerprint(const ud_game *game) {
    ud_sim *sim = ud_game_sim((ud_game *)game);
    int month = ud_sim_month(sim);
    if (month == 0) {
        return 0;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *f = tmpfile();
    if (f == NULL) {
        return 0;
    }
    ud_indicators_csv_row(f, ud_sim_indicators(sim, month));
    len = (size_t)ftell(f);
    rewind(f);
    text = malloc(len + 1);
    uint64_t h = 0;
    if (text != NULL && fread(text, 1, len, f) == len) {
        h = ud_sandbox_hash(text, len, UD_HASH_START);
    }
    free(text);
    fclose(f);
    return h;
}

static void write_command(FILE *f, const ud_command *c) {
    const ud_product *p = &c->product;
    const ud_credit_policy *pol = &c->policy;
    fprintf(f, "C %d %d %d %d %" PRId64 " %" PRId64 " %a", (int)c->type, c->index, c->count,
            c->level, c->amount, c->rate, c->share);
    fprintf(f,
            " %d %d %d %d %d %" PRId64 " %d %d %d %d %d %" PRId64 " %" PRId64 " %" PRId64
            " %" PRId64 " %" PRId64,
            p->open, p->group_liability, p->group_min, p->group_max, (int)p->terms.method,
            p->terms.annual_rate, p->terms.installments, p->terms.grace, (int)p->terms.frequency,
            (int)p->terms.fee_kind, (int)p->business_mask, p->terms.fee_rate, p->terms.fee_flat,
            p->min_amount, p->max_amount, p->compulsory_savings);
    fprintf(f, " %d %d %" PRId64 " %" PRId64 " %" PRId64 " %d %d", pol->women_only,
            pol->groups_only, pol->first_loan_cap, pol->repeat_step_up, pol->loan_to_income_cap,
            pol->max_past_arrears_days, pol->manual_review);
}

/* Defined with the reader below: the writer checks what it wrote with them. */
static bool plain_text(const char *p);
static bool header(const char *path, const char *text, ud_save_info *info, uint64_t *hash,
                   uint64_t *state, char *err, size_t err_size);

bool ud_save_write(const ud_game *game, const char *path, char *err, size_t err_size) {
    const ud_scenario_info *in = ud_game_info(game);
    /* the text the game was loaded from, not what the file holds now: a scenario edited (or
     * taken away) while a team plays still gives saves that load once the text is back */
    uint64_t scenario_hash = ud_game_scenario_hash(game);
    /* The scenario by its full path: the save loads from any folder. A path the save cannot
     * hold is refused now, saying why, rather than written into a save that cannot load. */
    char full[PATH_MAX];
    const char *scenario = realpath(in->path, full) != NULL ? full : in->path;
    const char *problem = NULL;
    if (strlen(scenario) >= sizeof((ud_save_info *)NULL)->scenario) {
        problem = "is too long for a saved game (at most 1023 bytes)";
    } else if (!plain_text(scenario)) {
        problem = "has a tab, a line break or another control character in it, which a saved "
                  "game cannot hold";
    }
    if (problem != NULL) {
        snprintf(err, err_size,
                 "cannot save: the path of the scenario file %s %s; move or rename the file "
                 "and its folders",
                 scenario, problem);
        return false;
    }
    /* Compose in memory, checksum, then write the whole to a temporary file. */
    char *body = NULL;
    size_t size = 0;
    FILE *mem = tmpfile();
    if (mem == NULL) {
        snprintf(err, err_size, "cannot create a temporary file: %s", strerror(errno));
        return false;
    }
    ud_sim *sim = ud_game_sim((ud_game *)game);
    fprintf(mem, "%s %d\n", MAGIC, UD_SAVE_VERSION);
    fprintf(mem, "scenario %s\n", scenario);
    fprintf(mem, "title %s\n", in->title);
    fprintf(mem, "scenario-hash %016" PRIx64 "\n", scenario_hash);
    /* the helpers the scenario loaded (lib/x.lua), by name and text: a load that does not
     * replay can then say which one changed */
    const ud_sandbox *sb = game->scenario;
    for (int i = 1; sb != NULL && i < sb->file_count; i++) {
        if (sb->file_hashes[i] != 0 && plain_text(sb->names[i]) &&
            strchr(sb->names[i], ' ') == NULL) {
            fprintf(mem, "helper %s %016" PRIx64 "\n", sb->names[i], sb->file_hashes[i]);
        }
    }
    fprintf(mem, "seed %" PRIu64 "\n", ud_sim_setup(sim)->seed);
    fprintf(mem, "months %d\n", ud_sim_month(sim));
    int n;
    const ud_decision *d = ud_game_decisions(game, &n);
    for (int i = 0; i < n; i++) {
        static const char *const phases[] = {"", "opening ", "deciding "};
        fprintf(mem, "decision %d %s", d[i].month, phases[d[i].phase]);
        if (d[i].is_answer) {
            fprintf(mem, "A %d %d", d[i].question, d[i].option);
        } else {
            write_command(mem, &d[i].command);
        }
        fputc('\n', mem);
    }
    int progress;
    int step = ud_game_guide_current(game, &progress);
    if (ud_game_guide_count(game) > 0) {
        fprintf(mem, "guide %d %d\n", step, progress); /* screen actions are not decisions */
        /* and how many were done by the end of each month, for the goals a replay judges */
        int months = ud_sim_month(ud_game_sim((ud_game *)game));
        fprintf(mem, "guide-months %d", months);
        for (int m = 1; m <= months; m++) {
            fprintf(mem, " %d", game_guide_steps_at(game, m));
        }
        fputc('\n', mem);
    }
    fprintf(mem, "state %016" PRIx64 "\n", state_fingerprint(game));
    size = (size_t)ftell(mem);
    rewind(mem);
    body = malloc(size);
    bool read_ok = body != NULL && fread(body, 1, size, mem) == size;
    fclose(mem);
    if (!read_ok) {
        free(body);
        snprintf(err, err_size, "out of memory");
        return false;
    }
    /* A save is written only if it reads back: the header as the loader checks it. */
    char *copy = malloc(size + 1);
    if (copy == NULL) {
        free(body);
        snprintf(err, err_size, "out of memory");
        return false;
    }
    memcpy(copy, body, size);
    copy[size] = '\0';
    ud_save_info back;
    uint64_t back_hash, back_state;
    char why[1200];
    bool loads = header(path, copy, &back, &back_hash, &back_state, why, sizeof why);
    free(copy);
    if (!loads) {
        free(body);
        snprintf(err, err_size, "cannot save: the save would not load back (%s)", why);
        return false;
    }
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%.1000s.%ld.tmp", path,
             (long)getpid()); /* one per process: two windows on one data folder */
    FILE *f = ud_create_fresh(tmp);
    if (f == NULL) {
        snprintf(err, err_size, "cannot write %s: %s", tmp, strerror(errno));
        free(body);
        return false;
    }
    bool ok = fwrite(body, 1, size, f) == size &&
              fprintf(f, "end %016" PRIx64 "\n", ud_sandbox_hash(body, size, UD_HASH_START)) > 0 &&
              fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = (fclose(f) == 0) && ok;
    free(body);
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
        remove(tmp);
        return false;
    }
    /* The rename is in the folder: sync it too, or a power cut could lose the new save after
     * it was reported written. */
    char dir[1100];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == NULL) {
        snprintf(dir, sizeof dir, ".");
    } else if (slash == dir) {
        dir[1] = '\0';
    } else {
        *slash = '\0';
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    bool synced = fd >= 0 && fsync(fd) == 0;
    if (fd >= 0) {
        close(fd);
    }
    if (!synced) {
        snprintf(err, err_size, "cannot sync the folder of %s: %s", path, strerror(errno));
        return false;
    }
    return true;
}

/* ---- reading ---- */

typedef struct save_text {
    char *data;
    size_t size;
} save_text;

/* Reads and checks the whole file: magic, version, the end line and its checksum. */
static bool read_checked(const char *path, save_text *out, char *err, size_t err_size) {
    char why[1200];
    FILE *f = ud_open_regular(path, MAX_SAVE_BYTES, why, sizeof why);
    if (f == NULL) {
        size_t skip = strncmp(why, path, strlen(path)) == 0 ? strlen(path) + 2 : 0;
        snprintf(err, err_size, "%s: the save cannot be opened: %s", path,
                 skip < strlen(why) ? why + skip : why);
        return false;
    }
    out->data = malloc(MAX_SAVE_BYTES + 1);
    out->size = out->data ? fread(out->data, 1, MAX_SAVE_BYTES + 1, f) : 0;
    fclose(f);
    if (out->data == NULL || out->size > MAX_SAVE_BYTES) {
        snprintf(err, err_size, "%s: not a saved game (too large)", path);
        free(out->data);
        return false;
    }
    out->data[out->size] = '\0';
    /* A save copied through a Windows editor or mail has its lines ended CR LF: saves never
     * hold a carriage return, so taking them all out gives back the very text written (the
     * checksum below then says so). */
    if (strstr(out->data, "\r\n") != NULL) {
        size_t k = 0;
        for (size_t i = 0; i < out->size; i++) {
            if (!(out->data[i] == '\r' && i + 1 < out->size && out->data[i + 1] == '\n')) {
                out->data[k++] = out->data[i];
            }
        }
        out->size = k;
        out->data[k] = '\0';
    }
    char magic[32];
    int version = 0, used = 0;
    if (sscanf(out->data, "%31s %d%n", magic, &version, &used) != 2 || strcmp(magic, MAGIC) != 0) {
        snprintf(err, err_size, "%s: not a Unit Desa saved game", path);
        free(out->data);
        return false;
    }
    if (out->data[used] != '\n') {
        snprintf(err, err_size, "%s:1: corrupted: the format version must be a whole number", path);
        free(out->data);
        return false;
    }
    if (version < 1 || version > UD_SAVE_VERSION) {
        snprintf(err, err_size,
                 "%s: incompatible: saved by a version of Unit Desa that writes format %d, "
                 "this one reads format %d",
                 path, version, UD_SAVE_VERSION);
        free(out->data);
        return false;
    }
    /* The last line must be "end <checksum>" over everything before it. */
    char *end = NULL;
    for (char *p = out->data; (p = strstr(p, "\nend ")) != NULL; p++) {
        end = p + 1;
    }
    if (end == NULL || out->data[out->size - 1] != '\n') {
        snprintf(err, err_size,
                 "%s: truncated: the save ends before its last line (was the "
                 "game interrupted while saving?)",
                 path);
        free(out->data);
        return false;
    }
    uint64_t want = strtoull(end + 4, NULL, 16);
    if (ud_sandbox_hash(out->data, (size_t)(end - out->data), UD_HASH_START) != want) {
        snprintf(err, err_size, "%s: corrupted: its checksum does not match its contents", path);
        free(out->data);
        return false;
    }
    *end = '\0';
    return true;
}

static const char *line_value(const char *text, const char *key) {
    size_t k = strlen(key);
    for (const char *p = text; p != NULL && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        if (strncmp(p, key, k) == 0 && p[k] == ' ') {
            return p + k + 1;
        }
    }
    return NULL;
}

static void copy_line(char *dst, size_t size, const char *src) {
    size_t n = strcspn(src, "\n");
    if (n >= size) {
        n = size - 1;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* A line of UTF-8 text without control characters (the title is shown on the load screen). */
static bool plain_text(const char *p) {
    const char *start = p;
    for (; *p != '\n' && *p != '\0'; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f) {
            return false;
        }
    }
    return ud_utf8_valid(start, (size_t)(p - start));
}

/* Whole-line numbers: digits only, in range, nothing after them. */
static bool line_u64(const char *p, int base, uint64_t *out) {
    if (p == NULL || !(isdigit((unsigned char)*p) || (base == 16 && isxdigit((unsigned char)*p)))) {
        return false;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p, &end, base);
    if (errno != 0 || (*end != '\n' && *end != '\0')) {
        return false;
    }
    *out = v;
    return true;
}

/* Every line after the first is a header line (each exactly once) or a decision: anything
 * else means the save was edited or damaged. */
static bool known_lines(const char *path, const char *text, char *err, size_t err_size) {
    static const char *const keys[] = {
        "scenario", "title", "scenario-hash", "seed", "months",
        "state",    "guide", "guide-months",  NULL}; /* guide: steps done, and by month */
    int seen[sizeof keys / sizeof keys[0]] = {0};
    int line = 1;
    const char *p = strchr(text, '\n');
    for (p = p != NULL ? p + 1 : NULL; p != NULL && *p;
         p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        line++;
        bool known = strncmp(p, "decision ", 9) == 0 || strncmp(p, "helper ", 7) == 0;
        for (int k = 0; keys[k] != NULL && !known; k++) {
            size_t n = strlen(keys[k]);
            if (strncmp(p, keys[k], n) == 0 && p[n] == ' ') {
                known = ++seen[k] == 1;
            }
        }
        if (!known) {
            snprintf(err, err_size, "%s:%d: corrupted: this line is not part of a saved game", path,
                     line);
            return false;
        }
    }
    return true;
}

static bool header(const char *path, const char *text, ud_save_info *info, uint64_t *hash,
                   uint64_t *state, char *err, size_t err_size) {
    if (!known_lines(path, text, err, err_size)) {
        return false;
    }
    const char *scenario = line_value(text, "scenario");
    const char *title = line_value(text, "title");
    const char *h = line_value(text, "scenario-hash");
    const char *seed = line_value(text, "seed");
    const char *months = line_value(text, "months");
    const char *st = line_value(text, "state");
    if (!scenario || !title || !h || !seed || !months || !st) {
        snprintf(err, err_size, "%s: corrupted: a header line is missing", path);
        return false;
    }
    const char *bad = NULL;
    uint64_t m = 0;
    if (strcspn(scenario, "\n") >= sizeof info->scenario || strcspn(scenario, "\n") == 0) {
        bad = "scenario";
    } else if (!plain_text(scenario)) {
        bad = "scenario";
    } else if (strcspn(title, "\n") >= sizeof info->title || !plain_text(title)) {
        bad = "title";
    } else if (!line_u64(seed, 10, &info->seed)) {
        bad = "seed";
    } else if (!line_u64(months, 10, &m) || m > UD_SAVE_MAX_MONTHS) {
        bad = "months";
    } else if (!line_u64(h, 16, hash)) {
        bad = "scenario-hash";
    } else if (!line_u64(st, 16, state)) {
        bad = "state";
    }
    if (bad != NULL) {
        snprintf(err, err_size, "%s: corrupted: the %s line is not valid", path, bad);
        return false;
    }
    copy_line(info->scenario, sizeof info->scenario, scenario);
    copy_line(info->title, sizeof info->title, title ? title : "");
    info->months_played = (int)m;
    return true;
}

bool ud_save_peek(const char *path, ud_save_info *info, char *err, size_t err_size) {
    save_text t;
    if (!read_checked(path, &t, err, err_size)) {
        return false;
    }
    uint64_t hash, state;
    bool ok = header(path, t.data, info, &hash, &state, err, err_size);
    free(t.data);
    return ok;
}

static bool is_bool(int v) {
    return v == 0 || v == 1;
}

/* A command line, read strictly: every field present, in range for its C type, nothing
 * after it. What the values mean is checked by ud_sim_apply, as for any command. */
/* The fields of a command line, in order: named when one cannot be read. */
static const char *const command_fields[30] = {"type",
                                               "index",
                                               "count",
                                               "level",
                                               "amount",
                                               "rate",
                                               "share",
                                               "open",
                                               "group",
                                               "group_min",
                                               "group_max",
                                               "method",
                                               "annual_rate",
                                               "installments",
                                               "grace",
                                               "frequency",
                                               "fee_kind",
                                               "businesses",
                                               "fee_rate",
                                               "fee_flat",
                                               "min",
                                               "max",
                                               "compulsory_savings",
                                               "women_only",
                                               "groups_only",
                                               "first_loan_cap",
                                               "repeat_step_up",
                                               "loan_to_income_cap",
                                               "max_past_arrears_days",
                                               "manual_review"};

/* The kind of each of a command line's 30 fields, in order: d an int, L a long long, a a
 * hexadecimal double (the sscanf format below). */
static const char command_kinds[] = "ddddLLadddddLdddddLLLLLddLLLdd";

/* A whole number too long for its field would wrap inside sscanf (a count of
 * 99999999999999999999 read as -1): each is checked for its length first, so the message
 * names the field and what the file holds. */
static bool command_numbers_fit(const char *s, char *why, size_t why_size) {
    const char *p = s + 1; /* after the C */
    for (int f = 0; command_kinds[f] != '\0'; f++) {
        while (*p == ' ') {
            p++;
        }
        const char *start = p;
        while (*p != '\0' && *p != ' ' && *p != '\n') {
            p++;
        }
        int len = (int)(p - start);
        if (command_kinds[f] == 'a' || len == 0) {
            continue; /* a hexadecimal double, or nothing: sscanf says */
        }
        int digits_from = start[0] == '-' ? 1 : 0;
        if (len <= digits_from ||
            (int)strspn(start + digits_from, "0123456789") != len - digits_from) {
            /* "0x1" or "1e3" for a whole number: named here, or sscanf would read the 0 and
             * blame the next field */
            snprintf(why, why_size, "field %d (%s) is not a whole number (got %.*s%s)", f + 1,
                     command_fields[f], len < 40 ? len : 40, start, len > 40 ? "..." : "");
            return false;
        }
        errno = 0;
        long long v = strtoll(start, NULL, 10);
        bool fits = errno != ERANGE && (command_kinds[f] == 'L' || (v >= INT_MIN && v <= INT_MAX));
        if (!fits) {
            snprintf(why, why_size, "field %d (%s) is out of range (got %.*s%s)", f + 1,
                     command_fields[f], len < 40 ? len : 40, start, len > 40 ? "..." : "");
            return false;
        }
    }
    return true;
}

/* Reads a command line ("C type index ..."); false with the field at fault in `why`. */
static bool parse_command(const char *s, ud_command *c, char *why, size_t why_size) {
    memset(c, 0, sizeof *c);
    if (strncmp(s, "C ", 2) == 0 && !command_numbers_fit(s, why, why_size)) {
        return false;
    }
    int type, open, group, gmin, gmax, method, freq, fee_kind, businesses, women, groups, manual;
    long long amount, rate, arate, fee_rate, fee_flat, min, max, cs, cap, step, lti;
    int installments, grace, arrears, used = 0;
    int n = sscanf(s,
                   "C %d %d %d %d %lld %lld %la %d %d %d %d %d %lld %d %d %d %d %d %lld %lld "
                   "%lld %lld %lld %d %d %lld %lld %lld %d %d%n",
                   &type, &c->index, &c->count, &c->level, &amount, &rate, &c->share, &open, &group,
                   &gmin, &gmax, &method, &arate, &installments, &grace, &freq, &fee_kind,
                   &businesses, &fee_rate, &fee_flat, &min, &max, &cs, &women, &groups, &cap, &step,
                   &lti, &arrears, &manual, &used);
    if (n < 0 || (n == 0 && strncmp(s, "C ", 2) != 0)) {
        snprintf(why, why_size, "it is neither a command (C ...) nor an answer (A ...)");
        return false;
    }
    if (n < 30) {
        snprintf(why, why_size, "field %d (%s) is missing or not a number", n + 1,
                 command_fields[n]);
        return false;
    }
    if (s[used] != '\n' && s[used] != '\0') {
        snprintf(why, why_size, "there is more after its last field (manual_review)");
        return false;
    }
    const char *bad = type < 0 || type >= UD_CMD_TYPE_COUNT                 ? "type"
                      : !isfinite(c->share)                                 ? "share"
                      : !is_bool(open)                                      ? "open"
                      : !is_bool(group)                                     ? "group"
                      : !is_bool(women)                                     ? "women_only"
                      : !is_bool(groups)                                    ? "groups_only"
                      : !is_bool(manual)                                    ? "manual_review"
                      : gmin < 0 || gmin > 255                              ? "group_min"
                      : gmax < 0 || gmax > 255                              ? "group_max"
                      : businesses < 0 || businesses >= (1 << UD_BIZ_COUNT) ? "businesses"
                      : method < 0                                          ? "method"
                      : freq < 0                                            ? "frequency"
                      : fee_kind < 0                                        ? "fee_kind"
                                                                            : NULL;
    if (bad != NULL) {
        snprintf(why, why_size, "its field %s is out of range", bad);
        return false;
    }
    c->type = (ud_command_type)type;
    c->amount = amount;
    c->rate = rate;
    ud_product *p = &c->product;
    p->open = open;
    p->group_liability = group;
    p->group_min = (uint8_t)gmin;
    p->group_max = (uint8_t)gmax;
    p->terms.method = (ud_interest_method)method;
    p->terms.annual_rate = arate;
    p->terms.installments = installments;
    p->terms.grace = grace;
    p->terms.frequency = (ud_frequency)freq;
    p->terms.fee_kind = (ud_fee_kind)fee_kind;
    p->terms.fee_rate = fee_rate;
    p->terms.fee_flat = fee_flat;
    p->min_amount = min;
    p->max_amount = max;
    p->compulsory_savings = cs;
    p->business_mask = (uint8_t)businesses; /* 0 (all) in saves older than the field */
    c->policy.women_only = women;
    c->policy.groups_only = groups;
    c->policy.first_loan_cap = cap;
    c->policy.repeat_step_up = step;
    c->policy.loan_to_income_cap = lti;
    c->policy.max_past_arrears_days = arrears;
    c->policy.manual_review = manual;
    return true;
}

/* Reads "guide-months N s1 ... sN" (the guide's steps done at the end of each month) into the
 * game about to be replayed, so that its goals on guide_steps are judged as they were. A save
 * without the line (older, or a scenario without a guide) judges with the steps restored. */
static bool guide_months(ud_game *g, const char *text, int months, const char *path, char *err,
                         size_t err_size) {
    const char *p = strstr(text, "\nguide-months ");
    if (p == NULL) {
        return true;
    }
    p += 14;
    char *end;
    long n = strtol(p, &end, 10);
    if (end == p || n < 0 || n > months || n > UD_MAX_GAME_MONTHS) {
        snprintf(err, err_size,
                 "%s: corrupted: guide-months must give a count from 0 to the %d "
                 "months played",
                 path, months);
        return false;
    }
    for (long m = 1; m <= n; m++) {
        p = end;
        long v = strtol(p, &end, 10);
        if (end == p || *p != ' ' || v < 0 || v > g->guide_count) {
            snprintf(err, err_size,
                     "%s: corrupted: guide-months: month %ld's steps must be 0 to %d", path, m,
                     g->guide_count);
            return false;
        }
        g->guide_steps_at[m] = (uint8_t)v;
    }
    if (*end != '\n' && *end != '\0') {
        snprintf(err, err_size,
                 "%s: corrupted: guide-months gives more values than its count (%ld)", path, n);
        return false;
    }
    g->guide_history = (int)n;
    return true;
}

/* Plays until `month` months are completed and the next month has reached `phase`. */
static void play_to(ud_game *g, int month, int phase) {
    while (ud_sim_month(ud_game_sim(g)) < month && ud_game_play_month(g)) {
    }
    if (ud_sim_month(ud_game_sim(g)) == month) {
        game_month_stage(g, phase);
    }
}

/* Whether `scenario` lies in `root` as MODULE/NAME.lua (or, if `flat`, as NAME.lua), and is
 * not a helper or a strategy. */
static bool scenario_in(const char *real, const char *root, bool flat) {
    char real_root[PATH_MAX];
    if (root == NULL || realpath(root, real_root) == NULL) {
        return false;
    }
    size_t n = strlen(real_root);
    if (strncmp(real, real_root, n) != 0 || real[n] != '/') {
        return false;
    }
    const char *module = real + n + 1;
    const char *file = strchr(module, '/');
    size_t len = strlen(module);
    bool lua = len > 4 && strcmp(module + len - 4, ".lua") == 0 && module[0] != '.';
    if (file == NULL) {
        return flat && lua;
    }
    return strchr(file + 1, '/') == NULL && file[1] != '.' && strncmp(module, "lib/", 4) != 0 &&
           strncmp(module, "strategies/", 11) != 0 && lua;
}

/* Whether `scenario` is one the player could have picked: a .lua file in a module folder of
 * the scenarios folder, or in one of the trainer's scenario folders (never a helper or a
 * strategy, never anywhere else). */
static bool scenario_allowed(const char *scenario, const ud_game_options *options) {
    char real[PATH_MAX];
    if (options == NULL || realpath(scenario, real) == NULL) {
        return false;
    }
    if (scenario_in(real, options->helpers_root, false)) {
        return true;
    }
    for (const char *const *f = options->scenario_folders; f != NULL && *f != NULL; f++) {
        if (scenario_in(real, *f, true)) {
            return true;
        }
    }
    for (const char *const *f = options->scenario_files; f != NULL && *f != NULL; f++) {
        char named[PATH_MAX];
        if (realpath(*f, named) != NULL && strcmp(named, real) == 0) {
            return true;
        }
    }
    return false;
}

/* The scenario files a player could pick, in one folder (NAME.lua, or MODULE/NAME.lua when
 * `modules`): the first whose content hashes to `hash` goes to `out`. At most a few hundred
 * files are read. */
static bool find_by_hash(const char *root, bool modules, uint64_t hash, int *budget, char *out,
                         size_t size) {
    DIR *d = root != NULL ? opendir(root) : NULL;
    if (d == NULL) {
        return false;
    }
    bool found = false;
    struct dirent *e;
    while (!found && *budget > 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "lib") == 0 ||
            strcmp(e->d_name, "strategies") == 0) {
            continue;
        }
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", root, e->d_name) >= (int)sizeof path) {
            continue;
        }
        struct stat st;
        if (stat(path, &st) != 0) {
            continue;
        }
        size_t len = strlen(e->d_name);
        uint64_t h;
        if (S_ISREG(st.st_mode) && len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0) {
            (*budget)--;
            if (ud_file_hash(path, &h) && h == hash) {
                snprintf(out, size, "%s", path);
                found = true;
            }
        } else if (S_ISDIR(st.st_mode) && modules) {
            found = find_by_hash(path, false, hash, budget, out, size);
        }
    }
    closedir(d);
    return found;
}

/* A save's scenario that is no longer where it was (the game installed elsewhere, a folder
 * copied to another computer): the very same file, by its content, in the scenarios folder
 * or one of the trainer's. */
static bool find_moved_scenario(const ud_game_options *options, uint64_t hash, char *out,
                                size_t size) {
    int budget = 512;
    if (options == NULL) {
        return false;
    }
    if (find_by_hash(options->helpers_root, true, hash, &budget, out, size)) {
        return true;
    }
    for (const char *const *f = options->scenario_folders; f != NULL && *f != NULL; f++) {
        if (find_by_hash(*f, true, hash, &budget, out, size)) {
            return true;
        }
    }
    return false;
}

/* Reads and checks the save whole, then its scenario, without running any of it: the file
 * is one the player could pick, is there, and is the very file the game was played on. On
 * success t->data holds the save's text (the caller frees it). */
static bool check_save(const char *path, const ud_game_options *options, save_text *t,
                       ud_save_info *info, uint64_t *state, char *err, size_t err_size) {
    if (!read_checked(path, t, err, err_size)) {
        return false;
    }
    uint64_t hash, now_hash;
    const char *why = NULL;
    struct stat st;
    if (!header(path, t->data, info, &hash, state, err, err_size)) {
        free(t->data);
        return false;
    }
    char moved[PATH_MAX];
    if (stat(info->scenario, &st) != 0 && errno == ENOENT &&
        find_moved_scenario(options, hash, moved, sizeof moved) &&
        scenario_allowed(moved, options) && strlen(moved) < sizeof info->scenario) {
        memcpy(info->scenario, moved, strlen(moved) + 1);
    }
    if (stat(info->scenario, &st) != 0) {
        why = "its scenario %s is missing";
    } else if (!scenario_allowed(info->scenario, options)) {
        why = "its scenario %s is not one of the scenarios in the scenario folders, so it is "
              "not loaded: open the game with that scenario (unitdesa play FILE) or with its "
              "folder (unitdesa --scenarios FOLDER play), then load the save";
    } else if (!ud_file_hash(info->scenario, &now_hash)) {
        why = "its scenario %s is missing or cannot be read";
    } else if (now_hash != hash) {
        why = "the scenario file %s has changed since this game was saved, so the game cannot "
              "be restored as it was";
    }
    if (why != NULL) {
        char reason[1400];
        snprintf(reason, sizeof reason, why, info->scenario);
        snprintf(err, err_size, "%s: %s", path, reason);
        free(t->data);
        return false;
    }
    return true;
}

/* Whether a helper the save names ("helper lib/x.lua HASH") was loaded from another text this
 * time (or not at all): its name goes to out. */
static bool changed_helper(const ud_game *g, const char *text, char *out, size_t size) {
    const ud_sandbox *sb = g->scenario;
    for (const char *p = strstr(text, "\nhelper "); p != NULL; p = strstr(p + 1, "\nhelper ")) {
        char name[256];
        uint64_t saved;
        if (sscanf(p + 8, "%255s %" SCNx64, name, &saved) != 2) {
            continue;
        }
        bool same = false;
        for (int i = 1; sb != NULL && i < sb->file_count && !same; i++) {
            same = strcmp(sb->names[i], name) == 0 && sb->file_hashes[i] == saved;
        }
        if (!same) {
            snprintf(out, size, "%s", name);
            return true;
        }
    }
    return false;
}

bool ud_save_check(const char *path, const ud_game_options *options, ud_save_info *info, char *err,
                   size_t err_size) {
    save_text t;
    uint64_t state;
    if (!check_save(path, options, &t, info, &state, err, err_size)) {
        return false;
    }
    free(t.data);
    return true;
}

ud_game *ud_save_load(const char *path, const ud_game_options *options, char *err,
                      size_t err_size) {
    save_text t;
    ud_save_info info;
    uint64_t state;
    if (!check_save(path, options, &t, &info, &state, err, err_size)) {
        return NULL;
    }
    ud_game_options opt;
    memset(&opt, 0, sizeof opt);
    if (options != NULL) {
        opt = *options;
    }
    opt.seed_set = true;
    opt.seed = info.seed;
    ud_game *g = ud_game_load(info.scenario, &opt, err, err_size);
    if (g == NULL) {
        free(t.data);
        return NULL;
    }
    if (!guide_months(g, t.data, info.months_played, path, err, err_size)) {
        ud_game_free(g);
        free(t.data);
        return NULL;
    }
    int line = 0, last_month = 0, last_phase = 0;
    for (char *p = t.data; p != NULL && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        line++;
        if (strncmp(p, "decision ", 9) != 0) {
            continue;
        }
        char why[256] = "it cannot be read";
        const char *rest = p + 9;
        char *end;
        long month = isdigit((unsigned char)*rest) ? strtol(rest, &end, 10) : -1;
        int phase = UD_PHASE_BETWEEN;
        bool ok = month >= 0 && month <= info.months_played && *end == ' ';
        if (!ok) {
            snprintf(why, sizeof why, "its month is missing or after the %d months played",
                     info.months_played);
        } else {
            rest = end + 1;
            if (strncmp(rest, "opening ", 8) == 0) {
                phase = UD_PHASE_OPENING;
                rest += 8;
            } else if (strncmp(rest, "deciding ", 9) == 0) {
                phase = UD_PHASE_DECIDING;
                rest += 9;
            }
            /* decisions in the order they were taken */
            ok = month > last_month || (month == last_month && phase >= last_phase);
            if (!ok) {
                snprintf(why, sizeof why, "it is out of order");
            }
        }
        if (ok) {
            last_month = (int)month;
            last_phase = phase;
            play_to(g, (int)month, phase);
            if (rest[0] == 'A') {
                int q, option, used = 0;
                /* two small whole numbers: a longer one would wrap inside sscanf (question
                 * 4294967297 read as 1) */
                char qt[24] = "", ot[24] = "";
                ok = sscanf(rest, "A %23s %23s%n", qt, ot, &used) == 2 &&
                     (rest[used] == '\n' || rest[used] == '\0') && strlen(qt) <= 6 &&
                     strlen(ot) <= 6 && strspn(qt, "0123456789") == strlen(qt) &&
                     strspn(ot, "0123456789") == strlen(ot);
                if (ok) {
                    q = atoi(qt);
                    option = atoi(ot);
                }
                if (!ok) {
                    snprintf(why, sizeof why,
                             "an answer is 'A question option', two whole numbers of at most "
                             "six digits");
                } else {
                    ok = ud_game_answer(g, q, option, why, sizeof why);
                }
            } else {
                ud_command c;
                ok = parse_command(rest, &c, why, sizeof why) &&
                     ud_game_command(g, &c, why, sizeof why);
            }
        }
        if (!ok) {
            snprintf(err, err_size,
                     "%s:%d: corrupted or incompatible: this decision cannot be "
                     "replayed (%s)",
                     path, line, why);
            ud_game_free(g);
            free(t.data);
            return NULL;
        }
    }
    /* the months played; the decisions of the month being decided (a player's, after its
     * opening handlers ran) leave the game in that month's deciding stage, as it was saved */
    play_to(g, info.months_played, UD_PHASE_BETWEEN);
    const char *guide = strstr(t.data, "\nguide ");
    int step, progress;
    if (guide != NULL && sscanf(guide, "\nguide %d %d", &step, &progress) == 2) {
        ud_game_guide_restore(g, step, progress);
    }
    if (ud_sim_month(ud_game_sim(g)) != info.months_played || state_fingerprint(g) != state) {
        char changed[300];
        if (changed_helper(g, t.data, changed, sizeof changed)) {
            snprintf(err, err_size,
                     "%s: the helper file %s has changed since this game was saved, so the game "
                     "cannot be restored as it was; put the helper back as it was",
                     path, changed);
        } else {
            snprintf(err, err_size,
                     "%s: incompatible: replaying it does not give the saved game (saved by a "
                     "different version of Unit Desa, or the scenario's scripts give different "
                     "results from one run to the next?)",
                     path);
        }
        free(t.data);
        ud_game_free(g);
        return NULL;
    }
    free(t.data);
    return g;
}
