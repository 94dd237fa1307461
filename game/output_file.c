/* Files the command line writes: checked before a game is played, closed with their errors. */
#define _POSIX_C_SOURCE 200809L /* lstat */
#include "output_file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool same_file(const struct stat *a, const char *path) {
    struct stat b;
    return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

bool ud_output_check(const char *option, const char *path, const char *const *inputs, int count,
                     bool replaced, char *err, size_t err_size) {
    if (strcmp(path, "-") == 0) {
        return true;
    }
    if (path[0] == '\0') {
        snprintf(err, err_size, "%s: needs a file name", option);
        return false;
    }
    /* a script (a scenario, a strategy, a helper it requires) is never an output: the
     * helpers a scenario loads are not known before it runs */
    size_t len = strlen(path);
    if (len >= 4 && strcmp(path + len - 4, ".lua") == 0) {
        /* the kind of file the option writes, so the advice is one that will be taken */
        const char *kind = strcmp(option, "--result") == 0 ? ".result"
                           : strcmp(option, "--csv") == 0  ? ".csv"
                                                           : ".html";
        snprintf(err, err_size,
                 "%s: '%s' is a Lua script's name: writing it would replace a scenario, a "
                 "strategy or a helper; name a %s file",
                 option, path, kind);
        return false;
    }
    /* a saved game or a team's result file is never an output of another kind: writing a
     * CSV or a report over one loses a game or a team */
    static const char *const kept[][2] = {{".save", "a saved game"},
                                          {".result", "a team's result file"}};
    for (int i = 0; i < 2; i++) {
        size_t k = strlen(kept[i][0]);
        bool result_option = strcmp(option, "--result") == 0 && i == 1;
        if (!result_option && len >= k && strcmp(path + len - k, kept[i][0]) == 0) {
            snprintf(err, err_size,
                     "%s: '%s' is %s's name: writing it would replace that; name another file",
                     option, path, kept[i][1]);
            return false;
        }
    }
    struct stat st, link;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(err, err_size, "%s: '%s' is a folder, not a file", option, path);
            return false;
        }
        if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) {
            snprintf(err, err_size,
                     "%s: '%s' is a named pipe or a socket: with nothing reading it the command "
                     "would wait for ever; write to '-' and pipe standard output instead",
                     option, path);
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (inputs[i] != NULL && same_file(&st, inputs[i])) {
                if (strcmp(path, inputs[i]) == 0) {
                    snprintf(err, err_size,
                             "%s: '%s' is one of the files being read: writing it would destroy "
                             "it; name another file",
                             option, path);
                } else {
                    snprintf(err, err_size,
                             "%s: '%s' is the same file as '%s', which is being read: writing it "
                             "would destroy it; name another file",
                             option, path, inputs[i]);
                }
                return false;
            }
        }
        if (replaced && (lstat(path, &link) != 0 || !S_ISREG(link.st_mode))) {
            snprintf(err, err_size,
                     "%s: '%s' is not a regular file (a device or a link): it would be replaced; "
                     "name a new file",
                     option, path);
            return false;
        }
        if (access(path, W_OK) != 0) {
            snprintf(err, err_size, "%s: cannot write '%s': %s", option, path, strerror(errno));
            return false;
        }
        return true;
    }
    /* a new file: its folder must exist and take it */
    char folder[1100];
    const char *slash = strrchr(path, '/');
    snprintf(folder, sizeof folder, "%.*s", slash != NULL ? (int)(slash - path) : 1,
             slash != NULL ? (slash == path ? "/" : path) : ".");
    if (access(folder, W_OK) != 0) {
        snprintf(err, err_size, "%s: cannot write '%s': the folder '%s': %s", option, path, folder,
                 strerror(errno));
        return false;
    }
    return true;
}

/* The outputs written under a temporary name, and where each goes when complete (a command
 * writes at most a few at a time). */
enum { STAGED_MAX = 8 };
static struct staged {
    FILE *f;
    char path[1100], temporary[1140];
} staged[STAGED_MAX];

FILE *ud_output_open(const char *path) {
    if (strcmp(path, "-") == 0) {
        return stdout;
    }
    struct stat st;
    bool in_place = stat(path, &st) == 0 && !S_ISREG(st.st_mode);
    struct staged *slot = NULL;
    for (int i = 0; i < STAGED_MAX && slot == NULL; i++) {
        slot = staged[i].f == NULL ? &staged[i] : NULL;
    }
    if (in_place || slot == NULL || strlen(path) >= sizeof slot->path) {
        return fopen(path, "w");
    }
    snprintf(slot->path, sizeof slot->path, "%s", path);
    snprintf(slot->temporary, sizeof slot->temporary, "%s.%ld.part", path, (long)getpid());
    slot->f = fopen(slot->temporary, "w");
    return slot->f;
}

static struct staged *staged_of(FILE *f) {
    for (int i = 0; i < STAGED_MAX; i++) {
        if (staged[i].f == f) {
            return &staged[i];
        }
    }
    return NULL;
}

bool ud_output_close(FILE *f) {
    if (f == stdout) {
        return fflush(f) == 0 && !ferror(f);
    }
    struct staged *s = staged_of(f);
    bool ok = !ferror(f);
    ok = fclose(f) == 0 && ok;
    if (s != NULL) {
        s->f = NULL;
        if (!ok || rename(s->temporary, s->path) != 0) {
            remove(s->temporary);
            return false;
        }
    }
    return ok;
}

void ud_output_discard(FILE *f) {
    if (f == stdout || f == NULL) {
        return;
    }
    struct staged *s = staged_of(f);
    fclose(f);
    if (s != NULL) {
        s->f = NULL;
        remove(s->temporary);
    }
}
