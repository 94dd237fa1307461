/* Where the program's data lives: beside the installed executable, else the source tree. */
#define _DEFAULT_SOURCE /* readlink */

#include "data_dirs.h"

#include <limits.h>
#include <stdbool.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set by CMake: the source tree's folders (for running from a build folder) and the data
 * folder's path relative to the installed executable's folder. */
#ifndef UD_SOURCE_ASSETS_DIR
#define UD_SOURCE_ASSETS_DIR "assets"
#endif
#ifndef UD_SOURCE_SCENARIO_DIR
#define UD_SOURCE_SCENARIO_DIR "scenarios"
#endif
#ifndef UD_SOURCE_PO_DIR
#define UD_SOURCE_PO_DIR "po"
#endif
#ifndef UD_INSTALL_DATA_RELATIVE
#define UD_INSTALL_DATA_RELATIVE "../share/unitdesa"
#endif

/* Found once per process: the answer cannot change while the program runs, and every thread
 * of a sweep asks for the same folders. */
static pthread_once_t found_once = PTHREAD_ONCE_INIT;
static char installed[PATH_MAX];
static char installed_assets[PATH_MAX + 16];
static char installed_scenarios[PATH_MAX + 16];
static char installed_po[PATH_MAX + 16];

static bool is_directory(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void find_installed(void) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        return;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL) {
        return;
    }
    *slash = '\0';
    char candidate[PATH_MAX + 64];
    snprintf(candidate, sizeof candidate, "%s/%s", exe, UD_INSTALL_DATA_RELATIVE);
    char marker[PATH_MAX + 96];
    snprintf(marker, sizeof marker, "%s/scenarios", candidate);
    char resolved[PATH_MAX];
    /* only a folder that really holds the shipped scenarios counts as the installed data: a
     * build folder's executable has none beside it and falls back to the source tree */
    if (!is_directory(marker) || realpath(candidate, resolved) == NULL) {
        return;
    }
    snprintf(installed, sizeof installed, "%s", resolved);
    snprintf(installed_assets, sizeof installed_assets, "%s/assets", resolved);
    snprintf(installed_scenarios, sizeof installed_scenarios, "%s/scenarios", resolved);
    snprintf(installed_po, sizeof installed_po, "%s/po", resolved);
}

const char *ud_installed_data_dir(void) {
    pthread_once(&found_once, find_installed);
    return installed;
}

static const char *pick(const char *env_name, const char *installed_path, const char *source) {
    const char *env = getenv(env_name);
    if (env != NULL && env[0] != '\0') {
        return env;
    }
    return ud_installed_data_dir()[0] != '\0' ? installed_path : source;
}

const char *ud_assets_dir(void) {
    return pick("UNITDESA_ASSETS", installed_assets, UD_SOURCE_ASSETS_DIR);
}

const char *ud_scenarios_dir(void) {
    return pick("UNITDESA_SCENARIOS", installed_scenarios, UD_SOURCE_SCENARIO_DIR);
}

const char *ud_po_dir(void) {
    return pick("UNITDESA_PO", installed_po, UD_SOURCE_PO_DIR);
}
