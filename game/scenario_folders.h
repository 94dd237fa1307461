/* Where scenarios are found: the shipped folder, the trainer's own folder in the data
 * folder, folders named with --scenarios, and folders in $UNITDESA_SCENARIO_PATH. */
#ifndef UD_SCENARIO_FOLDERS_H
#define UD_SCENARIO_FOLDERS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ud_scenario_origin {
    UD_ORIGIN_SHIPPED = 0, /* scenarios/ (or $UNITDESA_SCENARIOS) */
    UD_ORIGIN_OWN,         /* <data folder>/scenarios */
    UD_ORIGIN_OPTION,      /* --scenarios DIR */
    UD_ORIGIN_ENVIRONMENT  /* $UNITDESA_SCENARIO_PATH (folders separated by ':') */
} ud_scenario_origin;

typedef struct ud_scenario_entry {
    char path[1024];
    ud_scenario_origin origin;
} ud_scenario_entry;

/* The data folder, ending in '/': $UNITDESA_DATA_DIR, else the platform's per-user folder
 * (~/.local/share/UnitDesa/unitdesa/ on Linux), else "./". */
void ud_data_dir(char *out, size_t size);

/* The trainer's own scenario folder: <data folder>/scenarios (it may not exist yet). */
void ud_own_scenarios_dir(char *out, size_t size);

/* Adds a folder to search (from --scenarios); up to 8. */
void ud_scenario_folder_add(const char *dir);

/* Adds one scenario file a save may name (opened by its path: `play FILE`), without making
 * its folder a scenario folder; up to 8. */
void ud_scenario_file_add(const char *path);
/* Those files, NULL-terminated, for ud_game_options.scenario_files. */
const char *const *ud_scenario_file_list(void);

/* Every scenario file in every folder: <folder>/<module>/<name>.lua and <folder>/<name>.lua,
 * leaving out lib/ and strategies/ (helpers, not scenarios); sorted by folder, then path.
 * Returns how many were written (at most max). */
int ud_find_scenarios(ud_scenario_entry *out, int max);

/* The trainer's scenario folders (own, --scenarios, $UNITDESA_SCENARIO_PATH), NULL-
 * terminated, for ud_game_options.scenario_folders. Lives as long as the process. */
const char *const *ud_scenario_folder_list(void);

/* "shipped", "own", "--scenarios", "UNITDESA_SCENARIO_PATH": how list and the picker say it. */
const char *ud_origin_name(ud_scenario_origin origin);

/* The path of the scenario whose id is `id` ("tutorial", "m1_reaching_the_poor", as `list`
 * prints them) in any scenario folder; false if none has it. */
bool ud_scenario_path_of_id(const char *id, char *out, size_t size);

/* The order training modules are shown in: tutorial, m1..m4, field visit, then others. */
int ud_module_rank(const char *module);

#endif
