/* unitdesa: the program's entry point, which dispatches to its commands. */
#include "cli_options.h"
#include "commands.h"
#include "gui/gui.h"

#include <stdio.h>
#include <string.h>

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
    {"list", ud_cmd_list, "list the shipped scenarios: path, id, module, title"},
    {"check", ud_cmd_check, "load and play scenarios, reporting every problem as file:line"},
    {"sweep", ud_cmd_sweep, "play many seeds of a scenario and show the spread of results"},
    {"compare", ud_cmd_compare, "check that a scenario's sound strategy beats its naive one"},
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
    printf("\noptions:\n  --help     show this help (or 'unitdesa COMMAND --help')\n"
           "  --version  print the version\n");
}

int main(int argc, char **argv) {
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
            return commands[i].run(argc, argv, 2);
        }
    }
    if (name[0] == '-') {
        fprintf(stderr, "unitdesa: unknown option '%s' (see 'unitdesa --help')\n", name);
    } else {
        fprintf(stderr, "unitdesa: unknown command '%s' (see 'unitdesa --help')\n", name);
    }
    return UD_EXIT_USAGE;
}
