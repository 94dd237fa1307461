/* A small command-line option reader shared by the unitdesa commands. */
#ifndef UD_CLI_OPTIONS_H
#define UD_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#define UD_EXIT_OK 0
#define UD_EXIT_FAILURE 1
#define UD_EXIT_USAGE 2

typedef enum ud_option_kind { UD_OPT_FLAG, UD_OPT_VALUE } ud_option_kind;

typedef struct ud_option {
    const char *name; /* without the leading dashes: "seed" */
    ud_option_kind kind;
    const char *value; /* filled by ud_options_parse: the value, or "" for a flag seen */
} ud_option;

/* Reads `--name value`, `--name=value` and `--flag` from argv[first..argc) into options.
 * Arguments that do not start with "--" are collected into positional[] (up to max).
 * A flag may be repeated; an option with a value may not (there would be two values).
 * On an unknown option, a missing value, an option with a value given twice or too many
 * positionals, prints one line "unitdesa COMMAND: ..." to stderr and returns false. */
bool ud_options_parse(const char *command, int argc, char **argv, int first, ud_option *options,
                      int option_count, const char **positional, int max_positional,
                      int *positional_count);

/* The option named `name` (must exist in the table). */
const ud_option *ud_option_get(const ud_option *options, int count, const char *name);

/* Parses a whole decimal integer in [min, max]; on failure prints
 * "unitdesa COMMAND: --NAME must be a whole number from MIN to MAX (got 'TEXT')". */
bool ud_option_int(const char *command, const char *name, const char *text, int64_t min,
                   int64_t max, int64_t *out);

#endif
