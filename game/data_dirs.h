/* Where the program's data lives: beside the installed executable, else the source tree. */
#ifndef UD_DATA_DIRS_H
#define UD_DATA_DIRS_H

/* The folder holding fonts/ (the interface's fonts). In order: $UNITDESA_ASSETS; the
 * installed data folder found relative to the running executable (<bin>/../share/unitdesa,
 * so a staged or relocated install works); the source tree the program was built from.
 * The returned string lives as long as the process. Safe to call from any thread. */
const char *ud_assets_dir(void);

/* The folder holding the shipped scenarios (and their lib/ and strategies/): in order
 * $UNITDESA_SCENARIOS, the installed data folder, the source tree. Same lifetime. */
const char *ud_scenarios_dir(void);

/* The folder holding the translations (<lang>.po): in order $UNITDESA_PO, the installed data
 * folder, the source tree. Same lifetime. */
const char *ud_po_dir(void);

/* The installed data folder the executable found (".../share/unitdesa"), or "" when it runs
 * from a build folder. For --version and diagnostics. */
const char *ud_installed_data_dir(void);

#endif
