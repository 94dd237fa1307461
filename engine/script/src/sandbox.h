/* The Lua sandbox in which scenarios and strategies run: an allow-list of libraries, strict
 * globals, deterministic pairs, bounded memory and instructions, and errors that point at
 * the author's file and line. */
#ifndef UD_SANDBOX_H
#define UD_SANDBOX_H

#include "ud/rng.h"

#include <lua.h>
#include <stdbool.h>
#include <stddef.h>

#define UD_SANDBOX_DEFAULT_MEMORY (64u * 1024u * 1024u)
#define UD_SANDBOX_DEFAULT_INSTRUCTIONS 20000000L /* a tenth of a second or so */

typedef struct ud_sandbox {
    lua_State *L;
    size_t used, cap;   /* bytes allocated, and the cap */
    long budget, spent; /* instructions allowed per call, and spent in this call */
    bool over_memory, over_budget;
    char where[256];
    double seconds;
    /* wall time spent in calls, for the benchmarks */ /* "file:line: " where the script last
                                                          was (for limits) */
    char helpers_root[1024];                           /* `require` loads only below this folder */
    char own_folder[1024]; /* and the folder of the first file run (and its parent) */
    ud_rng *rng;           /* math.random draws from here (the simulation's stream) */
    ud_rng own_rng;        /* until a simulation lends one */
} ud_sandbox;

/* A new sandbox with the base (less dofile, loadfile, collectgarbage), table, string, math
 * and utf8 libraries. helpers_root may be NULL (then `require` always fails).
 * Returns NULL if out of memory. */
ud_sandbox *ud_sandbox_new(size_t memory_cap, long instructions, const char *helpers_root);
void ud_sandbox_free(ud_sandbox *sb);

/* The sandbox that owns L. */
ud_sandbox *ud_sandbox_of(lua_State *L);

/* Loads a file as text (never binary) with chunk name "@path" and runs it. On error writes
 * "path:line: message" plus a few source lines around it into err and returns false. */
bool ud_sandbox_run_file(ud_sandbox *sb, const char *path, char *err, size_t err_size);

/* Calls the function below nargs arguments on the stack, protected, traced and bounded;
 * leaves nresults results. On error writes the formatted message into err, pops the
 * function and its arguments, and returns false. */
bool ud_sandbox_call(ud_sandbox *sb, int nargs, int nresults, char *err, size_t err_size);

/* After globals are declared: assigning or reading an undeclared global becomes an error
 * (assignment is still allowed at the top level of a chunk, which declares it). */
void ud_sandbox_make_strict(ud_sandbox *sb);

/* Formats a Lua error message for a person: the message, then the source lines around
 * "file:line" if the message names one. */
void ud_sandbox_format_error(const char *message, char *out, size_t out_size);

/* Levenshtein-closest of `candidates` (NULL-terminated) to `word`, or NULL if none is close. */
const char *ud_closest_word(const char *word, const char *const *candidates);

#endif
