/* unitdesa: the program's entry point, which dispatches to its commands. */
#include "cli_options.h"
#include "commands.h"
#include "gui/gui.h"
#include "scenario_folders.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#ifndef UD_VERSION
#define UD_VERSION "unknown"
#endif

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv, int first);
    const char *summary;
} command;

static const command commands[] = {
    {"play", ud_cmd_play, "open the game (the start screen, or a scenario's briefing)"},
    {"run", ud_cmd_run, "play a scenario without a window and print the indicators"},
    {"list", ud_cmd_list, "list the scenarios found, by module: path, id, module, title, origin"},
    {"check", ud_cmd_check, "load and play scenarios, reporting every problem as file:line"},
    {"sweep", ud_cmd_sweep, "play many seeds of a scenario and show the spread of results"},
    {"compare", ud_cmd_compare, "check that a scenario's sound strategy beats its naive one"},
    {"class", ud_cmd_class, "compare teams' result files on one printable HTML page"},
    {"tournament", ud_cmd_tournament, "play every strategy of a lesson and check that it holds"},
    {"schedule", ud_cmd_schedule, "print a loan's repayment schedule with its APR and EIR"},
    {"bench", ud_cmd_bench, "measure how fast the engine steps villages of 500 to 50,000"},
};

static void print_help(void) {
    printf("Unit Desa %s: run a village microfinance institution, month by month.\n\n"
           "usage: unitdesa COMMAND [OPTIONS]\n\ncommands:\n",
           UD_VERSION);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        printf("  %-10s %s\n", commands[i].name, commands[i].summary);
    }
    printf("\noptions:\n  --help           show this help (or 'unitdesa COMMAND --help')\n"
           "  --version        print the version\n"
           "  --scenarios DIR  also look for scenarios in DIR (any command; may be repeated)\n");
}

/* Takes every `--scenarios DIR` (or --scenarios=DIR) out of argv, adding the folders to
 * the search. False (message printed) if one is missing or not a folder. */
static bool take_scenario_folders(int *argc, char **argv) {
    int kept = 1;
    for (int i = 1; i < *argc; i++) {
        const char *dir = NULL;
        if (strcmp(argv[i], "--scenarios") == 0) {
            if (i + 1 >= *argc) {
                fprintf(stderr, "unitdesa: option '--scenarios' needs a folder\n");
                return false;
            }
            dir = argv[++i];
        } else if (strncmp(argv[i], "--scenarios=", 12) == 0) {
            dir = argv[i] + 12;
        } else {
            argv[kept++] = argv[i];
            continue;
        }
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "unitdesa: --scenarios: '%s' is not a folder\n", dir);
            return false;
        }
        ud_scenario_folder_add(dir);
    }
    *argc = kept;
    argv[kept] = NULL;
    return true;
}

/* A scenario named by its id ("tutorial", as `list` prints it) is played from its path: the
 * first argument of the commands that take a scenario. False if that argument names neither a
 * file nor a scenario (the command then says what is wrong; a hint follows). */
static bool scenario_argument(int argc, char **argv) {
    static const char *const takes[] = {"play", "run", "check", "sweep", "compare", "tournament"};
    bool takes_one = false;
    for (size_t i = 0; i < sizeof takes / sizeof takes[0]; i++) {
        takes_one |= strcmp(argv[1], takes[i]) == 0;
    }
    if (!takes_one || argc < 3 || argv[2][0] == '-') {
        return true;
    }
    struct stat st;
    if (stat(argv[2], &st) == 0) {
        return true;
    }
    static char path[1100];
    if (strchr(argv[2], '/') == NULL && ud_scenario_path_of_id(argv[2], path, sizeof path)) {
        argv[2] = path;
        return true;
    }
    return false;
}

int main(int argc, char **argv) {
    /* `bench --scenarios` is bench's own flag (it measures the shipped scenarios) */
    bool bench = argc > 1 && strcmp(argv[1], "bench") == 0;
    if (!bench && !take_scenario_folders(&argc, argv)) {
        return UD_EXIT_USAGE;
    }
    if (argc < 2) {
        return ud_cmd_play(argc, argv, 1); /* no command: open the game */
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        print_help();
        return UD_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("unitdesa %s\n", UD_VERSION);
        return UD_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(name, commands[i].name) == 0) {
            bool missing = !scenario_argument(argc, argv);
            /* an empty name, or a game window that would first complain of the display: the
             * one line the trainer needs, before anything else is tried */
            if (missing && (argv[2][0] == '\0' || strcmp(name, "play") == 0)) {
                if (argv[2][0] == '\0') {
                    fprintf(stderr,
                            "unitdesa %s: the scenario's name is empty: name a scenario file or "
                            "id ('unitdesa list' shows them)\n",
                            name);
                } else {
                    fprintf(stderr,
                            "unitdesa: '%s' is neither a file here nor a scenario's id: "
                            "'unitdesa list' shows every scenario's path and id\n",
                            argv[2]);
                }
                return UD_EXIT_FAILURE;
            }
            int status = commands[i].run(argc, argv, 2);
            if (missing && status != UD_EXIT_OK) {
                fprintf(stderr,
                        "unitdesa: '%s' is neither a file here nor a scenario's id: 'unitdesa "
                        "list' shows every scenario's path and id\n",
                        argv[2]);
            }
            return status;
        }
    }
    if (name[0] == '-') {
        fprintf(stderr, "unitdesa: unknown option '%s' (see 'unitdesa --help')\n", name);
    } else {
        fprintf(stderr, "unitdesa: unknown command '%s' (see 'unitdesa --help')\n", name);
    }
    return UD_EXIT_USAGE;
}
