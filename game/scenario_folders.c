/* Finding scenarios in every folder a trainer may keep them in. */
#define _XOPEN_SOURCE 700 /* opendir, stat, realpath */

#include "scenario_folders.h"

#include "runner.h"
#include "ud/game.h"

#include <SDL.h>
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_EXTRA 8

static char extra[MAX_EXTRA][1024]; /* --scenarios folders: set once from the command line */
static int extra_count;

static char files[MAX_EXTRA][1024];
static const char *file_list[MAX_EXTRA + 1];
static int file_count;

void ud_scenario_file_add(const char *path) {
    if (file_count < MAX_EXTRA) {
        snprintf(files[file_count], sizeof files[0], "%s", path);
        file_list[file_count] = files[file_count];
        file_count++;
        file_list[file_count] = NULL;
    }
}

const char *const *ud_scenario_file_list(void) {
    return file_list;
}

void ud_scenario_folder_add(const char *dir) {
    if (extra_count < MAX_EXTRA) {
        snprintf(extra[extra_count++], sizeof extra[0], "%s", dir);
    }
}

void ud_data_dir(char *out, size_t size) {
    const char *env = getenv("UNITDESA_DATA_DIR");
    if (env != NULL && env[0] != '\0') {
        snprintf(out, size, "%s/", env);
        return;
    }
    char *pref = SDL_GetPrefPath("UnitDesa", "unitdesa");
    snprintf(out, size, "%s", pref != NULL ? pref : "./");
    SDL_free(pref);
}

void ud_own_scenarios_dir(char *out, size_t size) {
    const char *env = getenv("UNITDESA_DATA_DIR");
    char *pref = env != NULL && env[0] != '\0' ? NULL : SDL_GetPrefPath("UnitDesa", "unitdesa");
    if (env != NULL && env[0] != '\0') {
        snprintf(out, size, "%.1000s/scenarios", env);
    } else if (pref != NULL) {
        snprintf(out, size, "%.1000sscenarios", pref);
    } else {
        out[0] = '\0'; /* no per-user folder on this system: there is no own folder */
    }
    SDL_free(pref);
}

const char *ud_origin_name(ud_scenario_origin origin) {
    switch (origin) {
    case UD_ORIGIN_SHIPPED:
        return "shipped";
    case UD_ORIGIN_OWN:
        return "own";
    case UD_ORIGIN_OPTION:
        return "--scenarios";
    case UD_ORIGIN_ENVIRONMENT:
        return "UNITDESA_SCENARIO_PATH";
    }
    return "?";
}

int ud_module_rank(const char *module) {
    static const char *const order[] = {"tutorial", "m1-poverty",   "m2-government",
                                        "m3-women", "m4-technical", "field-visit"};
    for (int i = 0; i < 6; i++) {
        if (strcmp(order[i], module) == 0) {
            return i;
        }
    }
    return 6; /* a trainer's own modules come last */
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_scenario_file(const char *name) {
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".lua") == 0;
}

static int by_path(const void *a, const void *b) {
    return strcmp(((const ud_scenario_entry *)a)->path, ((const ud_scenario_entry *)b)->path);
}

/* Whether two paths name the same folder (a folder named twice is listed once). */
static bool same_folder(const char *a, const char *b) {
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* Adds the scenarios of one folder (and its module folders one level down), sorted. */
static int scan(const char *root, ud_scenario_origin origin, ud_scenario_entry *out, int max) {
    if (root[0] == '\0' ||
        (origin != UD_ORIGIN_SHIPPED && same_folder(root, ud_scenarios_root()))) {
        return 0;
    }
    DIR *top = opendir(root);
    if (top == NULL) {
        return 0;
    }
    int n = 0;
    struct dirent *e;
    while ((e = readdir(top)) != NULL && n < max) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "lib") == 0 ||
            strcmp(e->d_name, "strategies") == 0) {
            continue;
        }
        char full[1100];
        snprintf(full, sizeof full, "%.500s/%.500s", root, e->d_name);
        if (is_scenario_file(e->d_name) && !is_dir(full)) {
            if (origin != UD_ORIGIN_SHIPPED || strcmp(e->d_name, "template.lua") != 0) {
                ud_display_path(full, out[n].path, sizeof out[n].path);
                out[n++].origin = origin;
            }
            continue;
        }
        if (!is_dir(full)) {
            continue;
        }
        DIR *d = opendir(full);
        if (d == NULL) {
            continue;
        }
        struct dirent *f;
        while ((f = readdir(d)) != NULL && n < max) {
            if (is_scenario_file(f->d_name)) {
                char file[1700];
                snprintf(file, sizeof file, "%.1100s/%.500s", full, f->d_name);
                ud_display_path(file, out[n].path, sizeof out[n].path);
                out[n++].origin = origin;
            }
        }
        closedir(d);
    }
    closedir(top);
    qsort(out, (size_t)n, sizeof *out, by_path);
    return n;
}

/* The list is shared by every game a command loads, and `tournament` and `sweep` load games
 * from several threads at once: it is rebuilt under a lock, and only when what it lists has
 * changed (a test may point UNITDESA_DATA_DIR elsewhere), so that a thread reading it never
 * sees it half rewritten. */
static pthread_mutex_t folder_list_lock = PTHREAD_MUTEX_INITIALIZER;

const char *const *ud_scenario_folder_list(void) {
    static char own[1100], env_raw[4096], env_list[4096];
    static const char *list[MAX_EXTRA + 2 + 32];
    static int listed_extra = -1;
    char new_own[1100];
    pthread_mutex_lock(&folder_list_lock);
    ud_own_scenarios_dir(new_own, sizeof new_own);
    const char *env = getenv("UNITDESA_SCENARIO_PATH");
    if (env == NULL) {
        env = "";
    }
    if (listed_extra != extra_count || strcmp(new_own, own) != 0 || strcmp(env, env_raw) != 0) {
        snprintf(own, sizeof own, "%s", new_own);
        snprintf(env_raw, sizeof env_raw, "%s", env);
        snprintf(env_list, sizeof env_list, "%s", env);
        int n = 0;
        if (own[0] != '\0') {
            list[n++] = own;
        }
        for (int i = 0; i < extra_count; i++) {
            list[n++] = extra[i];
        }
        char *save = NULL;
        for (char *dir = strtok_r(env_list, ":", &save); dir != NULL && n < MAX_EXTRA + 1 + 32;
             dir = strtok_r(NULL, ":", &save)) {
            list[n++] = dir;
        }
        list[n] = NULL;
        listed_extra = extra_count;
    }
    pthread_mutex_unlock(&folder_list_lock);
    return list;
}

/* Whether `dir` is one of the `count` folders already scanned (the same folder however it
 * was typed: D, D/, D/a/..); if not, it is added to them. */
static bool scanned_before(const char *dir, char (*seen)[PATH_MAX], int *count) {
    char real[PATH_MAX];
    if (realpath(dir, real) == NULL) {
        return false; /* scan() says what is wrong with it */
    }
    for (int i = 0; i < *count; i++) {
        if (strcmp(seen[i], real) == 0) {
            return true;
        }
    }
    if (*count < MAX_EXTRA + 40) {
        snprintf(seen[(*count)++], PATH_MAX, "%s", real);
    }
    return false;
}

int ud_find_scenarios(ud_scenario_entry *out, int max) {
    char(*seen)[PATH_MAX] = malloc((MAX_EXTRA + 40) * sizeof *seen);
    if (seen == NULL) {
        return 0;
    }
    int seen_count = 0;
    int n = 0;
    if (!scanned_before(ud_scenarios_root(), seen, &seen_count)) {
        n += scan(ud_scenarios_root(), UD_ORIGIN_SHIPPED, out, max);
    }
    char own[1100];
    ud_own_scenarios_dir(own, sizeof own);
    if (!scanned_before(own, seen, &seen_count)) {
        n += scan(own, UD_ORIGIN_OWN, out + n, max - n);
    }
    for (int i = 0; i < extra_count; i++) {
        if (!scanned_before(extra[i], seen, &seen_count)) {
            n += scan(extra[i], UD_ORIGIN_OPTION, out + n, max - n);
        }
    }
    const char *env = getenv("UNITDESA_SCENARIO_PATH");
    if (env != NULL) {
        char list[4096];
        snprintf(list, sizeof list, "%s", env);
        char *save = NULL;
        for (char *dir = strtok_r(list, ":", &save); dir != NULL;
             dir = strtok_r(NULL, ":", &save)) {
            if (!scanned_before(dir, seen, &seen_count)) {
                n += scan(dir, UD_ORIGIN_ENVIRONMENT, out + n, max - n);
            }
        }
    }
    free(seen);
    return n;
}

bool ud_scenario_path_of_id(const char *id, char *out, size_t size) {
    static ud_scenario_entry found[256];
    int n = ud_find_scenarios(found, 256);
    bool matched = false;
    for (int i = 0; i < n; i++) {
        ud_game_options opt;
        memset(&opt, 0, sizeof opt); /* loaded for its id only: its strategies are not run */
        opt.helpers_root = ud_scenarios_root(); /* require("lib...") as when it is played */
        opt.scenario_folders = ud_scenario_folder_list();
        char err[256];
        ud_game *g = ud_game_load(found[i].path, &opt, err, sizeof err);
        bool same = g != NULL && strcmp(ud_game_info(g)->id, id) == 0;
        ud_game_free(g);
        if (same && !matched) {
            snprintf(out, size, "%s", found[i].path);
            matched = true;
        } else if (same) {
            /* two scenarios answer to one id: say which one is played */
            fprintf(stderr,
                    "unitdesa: warning: %s has the id '%s' too; playing %s (give each "
                    "scenario an id of its own)\n",
                    found[i].path, id, out);
        }
    }
    return matched;
}
