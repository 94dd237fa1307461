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
        snprintf(err, err_size,
                 "%s: '%s' is a Lua script's name: writing it would replace a scenario, a "
                 "strategy or a helper; name a .csv, .result or .html file",
                 option, path);
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

bool ud_output_close(FILE *f) {
    if (f == stdout) {
        return fflush(f) == 0 && !ferror(f);
    }
    bool ok = !ferror(f);
    return fclose(f) == 0 && ok;
}
