/* `unitdesa play [SCENARIO]`: opens the game's window, or says why it cannot. */
#include "../cli_options.h"
#include "../scenario_folders.h"
#include "app.h"
#include "gui.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: unitdesa play [SCENARIO] [--lang CODE] [--software] [--team NAME] [--scenarios DIR]\n"
    "\n"
    "Opens the game: the start screen, or the briefing of SCENARIO. Saves go to the user's\n"
    "data folder (or $UNITDESA_DATA_DIR). --software uses the software renderer.\n"
    "When a game ends (and whenever Ctrl+R is pressed) the team's result goes to the data\n"
    "folder's results/, for 'unitdesa class'. The team's name is asked on the briefing;\n"
    "--team (or $UNITDESA_TEAM) offers one. --lang (en, fr, id, es) chooses the game's\n"
    "language, and keeps it for the next start, as Settings does; without it the first start\n"
    "speaks the system's language ($LANG) if the game has it.\n";

int ud_cmd_play(int argc, char **argv, int first) {
    ud_option o[] = {{"software", UD_OPT_FLAG, NULL},
                     {"help", UD_OPT_FLAG, NULL},
                     {"team", UD_OPT_VALUE, NULL},
                     {"lang", UD_OPT_VALUE, NULL}};
    const char *positional[1] = {NULL};
    int npos = 0;
    if (!ud_options_parse("play", argc, argv, first, o, 4, positional, 1, &npos)) {
        return UD_EXIT_USAGE;
    }
    if (o[3].value != NULL && !ud_i18n_known(o[3].value)) {
        fprintf(stderr,
                "unitdesa play: --lang: no translation for '%s' (languages: en, fr, id, es)\n",
                o[3].value);
        return UD_EXIT_USAGE;
    }
    if (o[1].value) {
        fputs(usage, stdout);
        return UD_EXIT_OK;
    }
    ud_app_options opt;
    memset(&opt, 0, sizeof opt);
    opt.scenario = positional[0];
    /* A scenario named by its path, anywhere: the games saved from it can be loaded again
     * (Load opens only scenarios in the scenario folders, and this file) */
    struct stat st;
    if (opt.scenario != NULL && stat(opt.scenario, &st) == 0 && S_ISREG(st.st_mode)) {
        ud_scenario_file_add(opt.scenario);
    }
    opt.software = o[0].value != NULL;
    opt.team = o[2].value;
    opt.language = o[3].value;
    char err[1024];
    ud_app *app = ud_app_create(&opt, err, sizeof err);
    if (app == NULL) {
        fprintf(stderr, "unitdesa: %s\n", err);
        return UD_EXIT_FAILURE;
    }
    ud_app_run(app);
    ud_app_destroy(app);
    return UD_EXIT_OK;
}
