/* `unitdesa list`: what scenarios there are, by module, and where each comes from. */
#include "cli_options.h"
#include "commands.h"
#include "runner.h"
#include "scenario_folders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCENARIOS 256

typedef struct listed {
    const ud_scenario_entry *entry;
    ud_scenario_info info;
} listed;

static int by_module(const void *a, const void *b) {
    const listed *x = a, *y = b;
    int rx = ud_module_rank(x->info.module), ry = ud_module_rank(y->info.module);
    if (rx != ry) {
        return rx - ry;
    }
    int m = strcmp(x->info.module, y->info.module);
    if (m != 0) {
        return m;
    }
    if (x->entry->origin != y->entry->origin) {
        return (int)x->entry->origin - (int)y->entry->origin;
    }
    return strcmp(x->entry->path, y->entry->path);
}

/* Two scenarios with one id: `run ID` plays the first found and result files of the two
 * share a name, so a trainer who copied a shipped scenario to change it is told. */
static void warn_shared_ids(const listed *rows, int n) {
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            if (strcmp(rows[i].info.id, rows[j].info.id) == 0) {
                fprintf(stderr,
                        "unitdesa list: warning: %s and %s have the same id '%s' (give each "
                        "scenario an id of its own)\n",
                        rows[i].entry->path, rows[j].entry->path, rows[i].info.id);
            }
        }
    }
}

int ud_cmd_list(int argc, char **argv, int first) {
    ud_option o[] = {{"help", UD_OPT_FLAG, NULL}};
    const char *positional[1];
    int npos = 0;
    if (!ud_options_parse("list", argc, argv, first, o, 1, positional, 0, &npos)) {
        return UD_EXIT_USAGE;
    }
    char own[1100];
    ud_own_scenarios_dir(own, sizeof own);
    if (own[0] == '\0') {
        snprintf(own, sizeof own, "(no per-user data folder on this system)");
    }
    if (o[0].value) {
        printf("usage: unitdesa list [--scenarios DIR]\n\n"
               "Prints every scenario found, grouped by training module, one a line:\n"
               "path<TAB>id<TAB>module<TAB>title<TAB>origin. Scenarios are looked for in\n"
               "  shipped                 %s\n"
               "  own                     %s (your own scenarios)\n"
               "  --scenarios             the folder given (the option may be repeated)\n"
               "  UNITDESA_SCENARIO_PATH  folders separated by ':'\n"
               "each as FOLDER/MODULE/NAME.lua or FOLDER/NAME.lua.\n",
               ud_scenarios_root(), own);
        return UD_EXIT_OK;
    }
    static ud_scenario_entry entries[MAX_SCENARIOS];
    static listed rows[MAX_SCENARIOS];
    int n = ud_find_scenarios(entries, MAX_SCENARIOS);
    if (n == 0) {
        fprintf(stderr,
                "unitdesa list: no scenarios found in '%s' or '%s' (set UNITDESA_SCENARIOS or "
                "give --scenarios DIR)\n",
                ud_scenarios_root(), own);
        return UD_EXIT_FAILURE;
    }
    int status = UD_EXIT_OK, kept = 0;
    for (int i = 0; i < n; i++) {
        char err[4096];
        ud_game_options opt;
        memset(&opt, 0, sizeof opt);
        opt.helpers_root = ud_scenarios_root();
        opt.scenario_folders = ud_scenario_folder_list(); /* a trainer\'s own scenarios too */
        ud_game *g = ud_game_load(entries[i].path, &opt, err, sizeof err);
        if (g == NULL) {
            fprintf(stderr, "%s\n", err);
            status = UD_EXIT_FAILURE;
            continue;
        }
        rows[kept].entry = &entries[i];
        rows[kept++].info = *ud_game_info(g);
        ud_game_free(g);
    }
    qsort(rows, (size_t)kept, sizeof *rows, by_module);
    warn_shared_ids(rows, kept);
    for (int i = 0; i < kept; i++) {
        const ud_scenario_info *in = &rows[i].info;
        printf("%s\t%s\t%s\t%s\t%s\n", rows[i].entry->path, in->id, in->module, in->title,
               ud_origin_name(rows[i].entry->origin));
    }
    return status;
}
