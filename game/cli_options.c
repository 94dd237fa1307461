/* Command-line option reading with one-line errors that name the option. */
#include "cli_options.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ud_option *find(ud_option *options, int count, const char *name, size_t len) {
    for (int i = 0; i < count; i++) {
        if (strlen(options[i].name) == len && strncmp(options[i].name, name, len) == 0) {
            return &options[i];
        }
    }
    return NULL;
}

bool ud_options_parse(const char *command, int argc, char **argv, int first, ud_option *options,
                      int option_count, const char **positional, int max_positional,
                      int *positional_count) {
    *positional_count = 0;
    for (int i = first; i < argc; i++) {
        const char *arg = argv[i];
        if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
            if (*positional_count >= max_positional) {
                fprintf(stderr, "unitdesa %s: unexpected argument '%s'\n", command, arg);
                return false;
            }
            positional[(*positional_count)++] = arg;
            continue;
        }
        const char *name = arg + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        ud_option *opt = find(options, option_count, name, len);
        if (opt == NULL) {
            fprintf(stderr, "unitdesa %s: unknown option '--%.*s' (see 'unitdesa %s --help')\n",
                    command, (int)len, name, command);
            return false;
        }
        if (opt->kind == UD_OPT_FLAG) {
            if (eq) {
                fprintf(stderr, "unitdesa %s: option '--%s' takes no value\n", command, opt->name);
                return false;
            }
            opt->value = ""; /* a flag given twice says the same thing twice */
            continue;
        }
        const char *value;
        if (eq) {
            value = eq + 1;
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            fprintf(stderr, "unitdesa %s: option '--%s' needs a value\n", command, opt->name);
            return false;
        }
        if (value[0] == '\0') {
            /* an empty value is a slip on the command line (a shell variable left unset), not
             * a file or a number: said as such, with the usage error's status */
            fprintf(stderr,
                    "unitdesa %s: option '--%s' needs a value (it was given an empty one)\n",
                    command, opt->name);
            return false;
        }
        if (opt->value != NULL) {
            /* which one was meant? taking the last in silence played the wrong seed */
            fprintf(stderr,
                    "unitdesa %s: option '--%s' is given twice ('%s' and '%s'); give it once\n",
                    command, opt->name, opt->value, value);
            return false;
        }
        opt->value = value;
    }
    return true;
}

const ud_option *ud_option_get(const ud_option *options, int count, const char *name) {
    for (int i = 0; i < count; i++) {
        if (strcmp(options[i].name, name) == 0) {
            return &options[i];
        }
    }
    return NULL;
}

bool ud_option_int(const char *command, const char *name, const char *text, int64_t min,
                   int64_t max, int64_t *out) {
    char *end = NULL;
    errno = 0;
    /* digits only (a leading minus allowed): strtoll would also take " 5" and "+5" */
    bool digits =
        (text[0] >= '0' && text[0] <= '9') || (text[0] == '-' && text[1] >= '0' && text[1] <= '9');
    long long v = digits ? strtoll(text, &end, 10) : 0;
    if (!digits || errno != 0 || end == text || *end != '\0' || v < min || v > max) {
        fprintf(stderr,
                "unitdesa %s: --%s must be a whole number from %" PRId64 " to %" PRId64
                " (got '%s')\n",
                command, name, min, max, text);
        return false;
    }
    *out = v;
    return true;
}
