/* The Lua sandbox in which scenarios and strategies run: an allow-list of libraries, strict
 * globals, deterministic pairs, bounded memory and instructions, and errors that point at
 * the author's file and line. */
#ifndef UD_SANDBOX_H
#define UD_SANDBOX_H

#include "ud/regular_file.h"
#include "ud/rng.h"

#include <lua.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define UD_SANDBOX_DEFAULT_MEMORY (64u * 1024u * 1024u)
#define UD_SANDBOX_DEFAULT_INSTRUCTIONS 20000000L /* a tenth of a second or so */
#define UD_SANDBOX_CPU_SECONDS 1.0       /* a safety net: no call runs longer, whatever it does */
#define UD_SANDBOX_MONTH_CPU_SECONDS 2.0 /* nor all of a script's calls in one month together */
#define UD_SANDBOX_MAX_TEXT (1u << 20)   /* the longest text a script can make, in bytes */
#define UD_SANDBOX_MAX_FILES 64
#define UD_SANDBOX_MAX_FILE_BYTES (1u << 20) /* the largest scenario, strategy or helper */

typedef struct ud_sandbox {
    lua_State *L;
    size_t used, cap;          /* bytes allocated, and the cap */
    size_t used_after_collect; /* bytes in use after the last full collection begin_call made */
    size_t printed;            /* bytes print() has written (it stops at a limit) */
    long budget, spent;        /* work allowed in this call (VM instructions, plus C library work
                                  charged in the same units), and spent in it */
    long call_budget;          /* the most one call may do */
    long month_budget;         /* the most every call of a month may do together (many handlers just
                                  under the call's limit would otherwise take minutes a month) */
    long month_spent;          /* done so far this month (ud_sandbox_new_month starts it again) */
    bool over_memory, over_budget, over_text;
    bool over_time;   /* the budget was hit by the CPU-time backstop, not by counted work */
    bool halted;      /* a call was once stopped by that backstop: where it stopped, and so
                         what the script holds since, depends on the computer's speed, and the
                         game using it must stop (ud_game: UD_END_HALTED) */
    bool in_call;     /* a protected call into the script is under way */
    double cpu_start; /* CPU seconds of this thread when the call began (games may run in parallel
                         threads) */
    double cpu_limit; /* a call that uses more CPU than this is stopped, whatever it does */
    double month_cpu; /* CPU seconds its calls used this month (finished calls) */
    char where[256];  /* "file:line: " where the script last was (for limits) */
    double seconds;   /* wall time spent in calls, for the benchmarks */
    char helpers_root[1024]; /* `require` loads only below this folder's helper folders */
    char own_folder[1024];   /* and beside the first file run (and one folder up) */
    int file_count;          /* the files this sandbox ran: errors quote lines only from these */
    uint64_t loaded_hash;    /* ud_sandbox_hash of the text load_text_file read last */
    uint64_t first_hash;     /* ... of the first file run (the scenario or strategy itself) */
    bool first_hashed;
    char files[UD_SANDBOX_MAX_FILES][1024];
    uint64_t file_hashes[UD_SANDBOX_MAX_FILES]; /* the text each helper was loaded from (0:
                                                   not loaded, or the first file) */
    /* each file's chunk name, the same on every computer and however its path was typed:
     * the file's own name for the scenario or strategy, "lib/x.lua" for a helper */
    char names[UD_SANDBOX_MAX_FILES][256];
    ud_rng *rng;    /* math.random draws from here (the scenario's stream, or the strategy's) */
    ud_rng own_rng; /* until a simulation lends one, or the strategy's own stream */
} ud_sandbox;

/* A new sandbox with the base (less dofile, loadfile, collectgarbage), table, string, math
 * and utf8 libraries. helpers_root may be NULL (then `require` always fails).
 * Returns NULL if out of memory. */
ud_sandbox *ud_sandbox_new(size_t memory_cap, long instructions, const char *helpers_root);
void ud_sandbox_free(ud_sandbox *sb);

/* How many calls' worth of work a month allows all of a sandbox's calls together. */
#define UD_SANDBOX_MONTH_CALLS 5

/* A new month: the month's work starts from nothing again. */
void ud_sandbox_new_month(ud_sandbox *sb);

/* The path of the file a chunk name stands for (its name as messages show it: see
 * load_text_file), or the name itself if it is none of this sandbox's files. */
const char *ud_sandbox_path_of(lua_State *L, const char *name);

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
 * "file:line" if the message names one of the files this sandbox ran (never another file,
 * whatever a script writes into its message). */
void ud_sandbox_format_error(const ud_sandbox *sb, const char *message, char *out, size_t out_size);

/* FNV-1a over n bytes, continuing from h (UD_HASH_START to begin): how saves and result
 * files recognise a scenario's text. */
#define UD_HASH_START UINT64_C(14695981039346656037)
uint64_t ud_sandbox_hash(const void *data, size_t n, uint64_t h);

/* Reads one whole line of `f` into buf (without its line end: LF, CR LF or CR alone, as Lua
 * counts), cut to size - 1 bytes: the rest of a longer line is skipped, so that lines are counted
 * as the file has them. False at the end. */
bool ud_sandbox_read_line(FILE *f, char *buf, size_t size);

/* Charges `units` of work (about one VM instruction each) to the current call; raises the
 * budget error if the call is over its budget. For C functions whose work grows with their
 * input. */
void ud_sandbox_charge(lua_State *L, double units);

/* Pushes a text for the value at idx the way tostring() does, but with no address in it:
 * tables, functions and the like are numbered in the order the script first showed them.
 * Returns the text (valid while it stays on the stack). */
const char *ud_sandbox_tostring(lua_State *L, int idx);

/* Levenshtein-closest of `candidates` (NULL-terminated) to `word`, or NULL if none is close. */
const char *ud_closest_word(const char *word, const char *const *candidates);

#endif
