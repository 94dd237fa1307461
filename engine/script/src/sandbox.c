/* The Lua sandbox: allocator cap, a work budget (VM instructions plus the work of C
 * library calls), allow-listed libraries, strict globals, deterministic pairs, next, sort
 * and tostring, restricted require and load, and readable errors. */
#define _XOPEN_SOURCE 700 /* fstat, clock_gettime, realpath */

#include "sandbox.h"
#include "ud/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <lauxlib.h>
#include <limits.h>
#include <lualib.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define HOOK_EVERY 1000
#define BYTES_PER_UNIT 8       /* copying this many bytes costs about one VM instruction */
#define KEY_UNITS 2            /* reading and comparing one key, in instructions (measured) */
#define MATCH_STEPS_PER_UNIT 4 /* steps of the pattern matcher per instruction (measured) */
#define SET_CHARS_PER_STEP 4   /* characters of a [set] read in about one step */
#define LOAD_UNITS 1000        /* compiling even a tiny chunk, in instructions (measured) */
/* Compiling a long chunk, per byte: 25 loads of a 734 KB chunk took 0.11 s of CPU, about
 * what 44 million simple VM instructions take on the same machine (a 6 million round loop
 * in 0.03 s): 2.4 instructions a byte, rounded up. */
#define LOAD_BYTE_UNITS 3
/* Turning a number into text (a string.format conversion, tostring): a loop of
 * string.format("%5.1f", x) ran about 156 ns a call where a simple VM instruction takes about
 * 2.5 ns (20 million in 0.05 s), so about 60 instructions a conversion, of which the loop's own
 * few were counted already. */
#define CONVERSION_UNITS 50

static const char LIMIT_MEMORY[] = "the script used more memory than allowed";
static const char LIMIT_BUDGET[] = "the script ran too long (an endless loop?) and was stopped";
static const char LIMIT_TEXT[] = "the script made a text longer than allowed";

ud_sandbox *ud_sandbox_of(lua_State *L) {
    return *(ud_sandbox **)lua_getextraspace(L);
}

static double cpu_seconds(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) {
        return (double)clock() / CLOCKS_PER_SEC;
    }
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Remembers "file:line: " of the innermost Lua function: limits are raised deep inside
 * Lua, where the error has no position of its own. */
static void remember_where(ud_sandbox *sb) {
    lua_Debug ar;
    for (int level = 0; lua_getstack(sb->L, level, &ar); level++) {
        if (lua_getinfo(sb->L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(sb->where, sizeof sb->where, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
}

static void *bounded_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    ud_sandbox *sb = ud;
    size_t old = ptr != NULL ? osize : 0;
    if (nsize == 0) {
        sb->used -= old;
        free(ptr);
        return NULL;
    }
    /* A new string object (osize is then its type): texts are kept short, so that no single
     * VM instruction (comparing, converting, hashing a text) can take long. */
    if (ptr == NULL && osize == LUA_TSTRING && nsize > UD_SANDBOX_MAX_TEXT + 64 && sb->in_call) {
        if (!sb->over_text) {
            remember_where(sb);
        }
        sb->over_text = true;
        return NULL;
    }
    /* Allocating is work too: it is charged, and the hook stops the call once over. Only
     * new objects are (a text, a table, a closure: Lua names the type in osize), sized by
     * what the script made; the arrays and hash parts of tables are not, for when Lua grows
     * or rebuilds them depends on where keys hash, and Lua seeds its hashes at random in each
     * run: charged, they made the point where the budget stops a loop differ run to run. */
    if (ptr == NULL && osize != 0 && sb->in_call && !sb->over_budget) {
        sb->spent += (long)(nsize / BYTES_PER_UNIT);
        if (sb->spent > sb->budget) {
            sb->over_budget = true;
            lua_sethook(sb->L, lua_gethook(sb->L), LUA_MASKCOUNT, 1); /* stop at once */
        }
    }
    /* Past the cap, a little slack lets the error be reported; the flag stops the script.
     * Outside calls (the host reading results) more slack: the host must never fail there. */
    size_t cap = sb->cap;
    if (!sb->in_call) {
        cap += 8u << 20;
    } else if (sb->over_memory) {
        cap += 1u << 20;
    }
    if (nsize > old && sb->used + (nsize - old) > cap) {
        if (!sb->over_memory && sb->in_call) {
            remember_where(sb);
        }
        sb->over_memory = true;
        /* where a script reaches the cap depends on the sizes Lua gives its tables, which
         * follow its per-run random hash seed: a game that went on from there would differ
         * from run to run, so it stops, as for the processor backstop */
        sb->halted = sb->halted || sb->in_call;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p != NULL) {
        sb->used = sb->used - old + nsize;
    }
    return p;
}

static bool limit_hit(const ud_sandbox *sb) {
    return sb->over_budget || sb->over_memory || sb->over_text;
}

static void check_time(ud_sandbox *sb) {
    double call = sb->in_call ? cpu_seconds() - sb->cpu_start : 0;
    if (sb->in_call && !sb->over_budget &&
        (call > sb->cpu_limit || sb->month_cpu + call > UD_SANDBOX_MONTH_CPU_SECONDS)) {
        sb->over_budget = true;
        sb->over_time = true;
        sb->halted = true;
    }
}

static void budget_hook(lua_State *L, lua_Debug *ar) {
    ud_sandbox *sb = ud_sandbox_of(L);
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        snprintf(sb->where, sizeof sb->where, "%s:%d: ", ar->short_src, ar->currentline);
    }
    sb->spent += HOOK_EVERY;
    check_time(sb);
    if (sb->spent > sb->budget || limit_hit(sb)) {
        sb->over_budget = sb->over_budget || sb->spent > sb->budget;
        lua_pushstring(L, LIMIT_BUDGET); /* the message handler adds where */
        lua_error(L);
    }
}

void ud_sandbox_charge(lua_State *L, double units) {
    ud_sandbox *sb = ud_sandbox_of(L);
    if (!sb->in_call) {
        return;
    }
    if (units > 0) {
        double after = (double)sb->spent + units;
        sb->spent = after > (double)sb->budget ? sb->budget + 1 : (long)after;
    }
    check_time(sb);
    if (sb->spent > sb->budget || limit_hit(sb)) {
        sb->over_budget = sb->over_budget || sb->spent > sb->budget;
        remember_where(sb);
        luaL_error(L, "%s", LIMIT_BUDGET);
    }
}

/* pcall and xpcall that cannot swallow the sandbox's own limits. */
static int safe_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (status != LUA_OK && limit_hit(ud_sandbox_of(L))) {
        return lua_error(L);
    }
    lua_pushboolean(L, status == LUA_OK);
    lua_insert(L, 1);
    return lua_gettop(L);
}

/* The script's message handler, called only for the script's own errors: once a limit is
 * hit the handler would run with the budget's hook off (Lua calls it from inside the hook),
 * so it is skipped and the limit's error goes on. */
static int guarded_handler(lua_State *L) {
    if (limit_hit(ud_sandbox_of(L))) {
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int safe_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1); /* [f, h, args..., gh] */
    lua_pushvalue(L, 1);                     /* [f, h, args..., gh, f] */
    lua_replace(L, 2);                       /* [f, f, args..., gh] */
    lua_replace(L, 1);                       /* [gh, f, args...] */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 1);
    if (status != LUA_OK && limit_hit(ud_sandbox_of(L))) {
        return lua_error(L);
    }
    lua_pushboolean(L, status == LUA_OK);
    lua_replace(L, 1);
    return lua_gettop(L);
}

/* load(chunk [, name [, mode [, env]]]) for text chunks only. The chunk's name is shown
 * as written ("=" prefix): it can never pass for a file. */
static int safe_load(lua_State *L) {
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "(load)");
    int has_env = !lua_isnone(L, 4);
    char chunkname[64];
    snprintf(chunkname, sizeof chunkname, "=%s",
             name[0] == '=' || name[0] == '@' ? name + 1 : name);
    ud_sandbox_charge(L, LOAD_UNITS + (double)len * LOAD_BYTE_UNITS);
    int status = luaL_loadbufferx(L, text, len, chunkname, "t");
    if (status != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env) {
        lua_pushvalue(L, 4);
        if (!lua_setupvalue(L, -2, 1)) {
            lua_pop(L, 1);
        }
    }
    return 1;
}

/* math.random with Lua's signature, drawing from the sandbox's own stream. */
static int seeded_random(lua_State *L) {
    ud_sandbox *sb = ud_sandbox_of(L);
    double r = ud_rng_unit(sb->rng);
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, r);
        return 1;
    case 1:
        lo = 1;
        hi = luaL_checkinteger(L, 1);
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'random'");
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    lua_Unsigned span = (lua_Unsigned)hi - (lua_Unsigned)lo + 1u;
    lua_Unsigned pick =
        span == 0 ? (lua_Unsigned)ud_rng_next(sb->rng) : (lua_Unsigned)(r * (double)span);
    lua_pushinteger(L, (lua_Integer)((lua_Unsigned)lo + pick));
    return 1;
}

static int refuse_randomseed(lua_State *L) {
    return luaL_error(L, "math.randomseed is not available: the scenario's seed decides");
}

/* ---- a fixed order of keys, for pairs() and next() ----
 * Integer and float keys ascending, then strings in byte order, then false, true. Tables or
 * functions as keys have no fixed order and are refused. Never the hash order, which Lua
 * seeds at random. */
typedef struct key_entry {
    int rank; /* 0 number, 1 string, 2 boolean */
    bool is_int;
    lua_Integer i;
    lua_Number f;
    const char *s;
    size_t len;
    lua_Integer slot; /* where the key waits in the key list */
} key_entry;

static bool read_key(lua_State *L, int idx, key_entry *k) {
    memset(k, 0, sizeof *k);
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        k->rank = 0;
        k->is_int = lua_isinteger(L, idx);
        if (k->is_int) {
            k->i = lua_tointeger(L, idx);
        } else {
            k->f = lua_tonumber(L, idx);
        }
        return true;
    case LUA_TSTRING:
        k->rank = 1;
        k->s = lua_tolstring(L, idx, &k->len);
        return true;
    case LUA_TBOOLEAN:
        k->rank = 2;
        k->i = lua_toboolean(L, idx);
        return true;
    default:
        return false;
    }
}

static int compare_keys(const void *pa, const void *pb) {
    const key_entry *a = pa, *b = pb;
    if (a->rank != b->rank) {
        return a->rank < b->rank ? -1 : 1;
    }
    if (a->rank == 1) {
        size_t n = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->s, b->s, n);
        if (c != 0) {
            return c;
        }
        return a->len < b->len ? -1 : (a->len > b->len ? 1 : 0);
    }
    if (a->rank == 0 && !(a->is_int && b->is_int)) {
        lua_Number x = a->is_int ? (lua_Number)a->i : a->f;
        lua_Number y = b->is_int ? (lua_Number)b->i : b->f;
        if (x != y) {
            return x < y ? -1 : 1;
        }
        if (a->is_int != b->is_int) {
            return a->is_int ? -1 : 1;
        }
        if (a->is_int) {
            return a->i < b->i ? -1 : (a->i > b->i ? 1 : 0);
        }
        return 0;
    }
    return a->i < b->i ? -1 : (a->i > b->i ? 1 : 0);
}

static int refuse_key(lua_State *L, const char *fn) {
    return luaL_error(L,
                      "%s: a table or function used as a key has no fixed order; use a list "
                      "(ipairs) instead",
                      fn);
}

static int ordered_next(lua_State *L) {
    /* upvalues: 1 the table, 2 the sorted keys, 3 the position */
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(3)) + 1;
    if (lua_rawgeti(L, lua_upvalueindex(2), i) == LUA_TNIL) {
        return 1;
    }
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(3));
    lua_pushvalue(L, -1);
    lua_rawget(L, lua_upvalueindex(1));
    return 2;
}

static int ordered_pairs(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    /* Every key is looked at before anything is kept: Lua's order is seeded at random, so a
     * refusal met half way through a copy would leave a different amount of work charged in
     * every run. */
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        key_entry k;
        if (!read_key(L, -1, &k)) {
            lua_pop(L, 1);
            return refuse_key(L, "pairs");
        }
    }
    lua_newtable(L); /* 2: the keys as found */
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, 2, ++n);
    }
    ud_sandbox_charge(L, KEY_UNITS * (double)n * (log2((double)n + 1) + 2));
    /* 3: the entries, in memory the allocator counts */
    key_entry *e = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *e, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, 2, i);
        read_key(L, -1, &e[i - 1]); /* strings stay alive in the key list */
        e[i - 1].slot = i;
        lua_pop(L, 1);
    }
    qsort(e, (size_t)n, sizeof *e, compare_keys);
    lua_createtable(L, (int)(n < INT32_MAX ? n : 0), 0); /* 4: the keys in order */
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, 2, e[i - 1].slot);
        lua_rawseti(L, 4, i);
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 4);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, ordered_next, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* next(t [, k]) in the same fixed order: the smallest key after k. Each call looks at every
 * key (and is charged for it); pairs() is the fast way to walk a table. */
static int ordered_next_key(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    key_entry after;
    bool from_start = lua_isnil(L, 2);
    if (!from_start && !read_key(L, 2, &after)) {
        return refuse_key(L, "next");
    }
    key_entry best;
    bool found = false;
    lua_Integer n = 0;
    lua_pushnil(L); /* 3: the best key so far, 4: the scan's key */
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        n++;
        key_entry k;
        if (!read_key(L, -1, &k)) {
            return refuse_key(L, "next");
        }
        if ((from_start || compare_keys(&k, &after) > 0) &&
            (!found || compare_keys(&k, &best) < 0)) {
            best = k;
            found = true;
            lua_pushvalue(L, -1);
            lua_replace(L, 3); /* keeps the best key (and its text) alive */
        }
    }
    ud_sandbox_charge(L, KEY_UNITS * 4 * (double)n);
    if (!found) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushvalue(L, 3);
    lua_pushvalue(L, 3);
    lua_rawget(L, 1);
    return 2;
}

/* ---- tostring without addresses ---- */

const char *ud_sandbox_tostring(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    if (luaL_callmeta(L, idx, "__tostring")) {
        if (!lua_isstring(L, -1)) {
            luaL_error(L, "'__tostring' must return a string");
        }
        return lua_tostring(L, -1);
    }
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
    case LUA_TBOOLEAN:
    case LUA_TNUMBER:
    case LUA_TSTRING:
        return luaL_tolstring(L, idx, NULL);
    default:
        break;
    }
    /* Numbered in the order the script first showed them: the same every run. */
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.ids");
    lua_pushvalue(L, idx);
    lua_rawget(L, -2);
    lua_Integer id = lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (id == 0) {
        lua_getfield(L, LUA_REGISTRYINDEX, "ud.next_id");
        id = lua_tointeger(L, -1) + 1;
        lua_pop(L, 1);
        lua_pushinteger(L, id);
        lua_setfield(L, LUA_REGISTRYINDEX, "ud.next_id");
        lua_pushvalue(L, idx);
        lua_pushinteger(L, id);
        lua_rawset(L, -3);
    }
    lua_pop(L, 1);
    return lua_pushfstring(L, "%s: #%I", luaL_typename(L, idx), id);
}

static int safe_tostring(lua_State *L) {
    luaL_checkany(L, 1);
    if (lua_type(L, 1) == LUA_TNUMBER) {
        ud_sandbox_charge(L, CONVERSION_UNITS);
    }
    ud_sandbox_tostring(L, 1);
    return 1;
}

/* What print() may write in a game: enough to trace a script, not enough to fill a disk or
 * keep a slow terminal busy for minutes (a blocked write uses no processor time, so the time
 * limit would never see it). */
#define PRINT_LIMIT (64u << 10)

/* Writes s for a person's terminal: a control character (an escape sequence would take the
 * terminal over) as \ddd, a byte that is not UTF-8 as '?'. */
static void write_plain(const char *s, size_t len) {
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        return;
    }
    for (size_t i = 0; i < len; i++) {
        copy[i] = s[i] == '\0' ? '?' : s[i];
    }
    copy[len] = '\0';
    ud_utf8_clean(copy);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)copy[i];
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
            fprintf(stderr, "\\%d", c);
        } else {
            fputc(c, stderr);
        }
    }
    free(copy);
}

/* print() writes to standard error: standard output carries data (run --csv -) that a
 * script must not be able to forge rows into. */
static int safe_print(lua_State *L) {
    ud_sandbox *sb = ud_sandbox_of(L);
    int n = lua_gettop(L);
    size_t total = 1;
    for (int i = 1; i <= n; i++) { /* each value as text, in its place: measured, then written */
        size_t len;
        ud_sandbox_tostring(L, i);
        lua_tolstring(L, -1, &len);
        lua_replace(L, i);
        total += len + 1;
    }
    ud_sandbox_charge(L, (double)total / BYTES_PER_UNIT);
    if (sb->printed >= PRINT_LIMIT) {
        return 0; /* said once, below */
    }
    if (sb->printed + total > PRINT_LIMIT) {
        sb->printed = PRINT_LIMIT;
        fprintf(stderr,
                "(print: the script has printed %u KiB, the most a game shows; the rest "
                "is left out)\n",
                (unsigned)(PRINT_LIMIT >> 10));
        return 0;
    }
    sb->printed += total;
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = lua_tolstring(L, i, &len);
        if (i > 1) {
            fputc('\t', stderr);
        }
        write_plain(s, len);
    }
    fputc('\n', stderr);
    fflush(stderr);
    return 0;
}

/* string.format without %p (an address), and %s of tables shown without addresses. */
static int safe_format(lua_State *L) {
    size_t len;
    const char *fmt = luaL_checklstring(L, 1, &len);
    int arg = 1, conversions = 0;
    for (size_t i = 0; i < len; i++) {
        if (fmt[i] != '%') {
            continue;
        }
        i++;
        if (i < len && fmt[i] == '%') {
            continue;
        }
        while (i < len && strchr("-+ #0123456789.", fmt[i]) != NULL) {
            i++;
        }
        arg++;
        if (i >= len) {
            break;
        }
        if (fmt[i] == 'p') {
            return luaL_error(L, "string.format: '%%p' (where a value is in memory) is not "
                                 "available to scenarios");
        }
        if (fmt[i] == 's' && arg <= lua_gettop(L)) {
            int t = lua_type(L, arg);
            if (t != LUA_TSTRING && t != LUA_TNUMBER) {
                ud_sandbox_tostring(L, arg);
                lua_replace(L, arg);
            }
        }
        conversions++;
    }
    ud_sandbox_charge(L, (double)conversions * CONVERSION_UNITS + (double)len / BYTES_PER_UNIT);
    int results = lua_tocfunction(L, lua_upvalueindex(1))(L);
    size_t made = 0;
    lua_tolstring(L, -1, &made);
    ud_sandbox_charge(L, (double)made / BYTES_PER_UNIT); /* the text it wrote */
    return results;
}

/* A private key, which no script can name: marks a metatable installed by setmetatable below,
 * and says whether the script's own table asked for protection (__metatable). */
static const char installed_key = 0;

/* setmetatable that refuses what would let a script see the garbage collector or run
 * outside its budget: a finalizer (__gc) runs during collection and when the game closes the
 * script; a weak table (__mode) loses its entries when the collector runs, whose timing
 * depends on every allocation the program made (a game played on screen and the same game
 * replayed from its save would differ); a to-be-closed handler (__close) runs while an
 * error unwinds, even one that stopped the script at a limit. */
static int safe_setmetatable(lua_State *L) {
    static const char *const refused[][2] = {
        {"__gc", "finalizers"}, {"__mode", "weak tables"}, {"__close", "to-be-closed variables"}};
    luaL_checktype(L, 1, LUA_TTABLE);
    int kind = lua_type(L, 2);
    luaL_argexpected(L, kind == LUA_TNIL || kind == LUA_TTABLE, 2, "nil or table");
    lua_settop(L, 2);
    /* A protected metatable stays, as in Lua: one the script protected itself, or one of the
     * engine's own tables. An installed copy is replaced freely otherwise. */
    if (lua_getmetatable(L, 1)) {
        bool protected_by_script = false, installed = false;
        if (lua_rawgetp(L, -1, &installed_key) != LUA_TNIL) {
            installed = true;
            protected_by_script = lua_toboolean(L, -1);
        }
        lua_pop(L, 1);
        lua_pushliteral(L, "__metatable");
        bool has_protection = lua_rawget(L, -2) != LUA_TNIL;
        lua_pop(L, 2);
        if (has_protection && (!installed || protected_by_script)) {
            return luaL_error(L, "cannot change a protected metatable");
        }
    }
    if (kind == LUA_TNIL) {
        lua_setmetatable(L, 1);
        return 1;
    }
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        lua_pushstring(L, refused[i][0]);
        if (lua_rawget(L, 2) != LUA_TNIL) {
            return luaL_error(L, "setmetatable: '%s' (%s) is not available to scenarios",
                              refused[i][0], refused[i][1]);
        }
        lua_pop(L, 1);
    }
    /* The table gets a copy of the metatable as it is now, which the script cannot reach
     * (getmetatable answers with the script's own table): Lua reads __mode at every
     * collection and __close when a variable is declared, so a field added to the script's
     * table afterwards would slip past the check above. Methods added later still work
     * through __index = the script's table; metamethods are read at this call. */
    lua_newtable(L);
    int copy = lua_gettop(L);
    int fields = 0;
    lua_pushnil(L);
    while (lua_next(L, 2) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, copy);
        fields++;
    }
    ud_sandbox_charge(L, fields);
    lua_pushliteral(L, "__metatable");
    bool own_protection = lua_rawget(L, 2) != LUA_TNIL;
    lua_pop(L, 1);
    if (!own_protection) {
        lua_pushliteral(L, "__metatable");
        lua_pushvalue(L, 2);
        lua_rawset(L, copy);
    }
    lua_pushboolean(L, own_protection);
    lua_rawsetp(L, copy, &installed_key);
    lua_setmetatable(L, 1);
    lua_settop(L, 1);
    return 1;
}

/* ---- require ---- */

/* The work of looking for a helper file: three failed file-system lookups take tens of
 * microseconds here, what some 100,000 instructions take. */
#define REQUIRE_LOOKUP_UNITS 100000.0

const char *ud_sandbox_path_of(lua_State *L, const char *name) {
    const ud_sandbox *sb = ud_sandbox_of(L);
    for (int i = 0; sb != NULL && i < sb->file_count; i++) {
        if (strcmp(sb->names[i], name) == 0) {
            return sb->files[i];
        }
    }
    return name;
}

static void add_file(ud_sandbox *sb, const char *path, const char *name) {
    for (int i = 0; i < sb->file_count; i++) {
        if (strcmp(sb->files[i], path) == 0) {
            return;
        }
    }
    if (sb->file_count < UD_SANDBOX_MAX_FILES) {
        snprintf(sb->names[sb->file_count], sizeof sb->names[0], "%s", name);
        snprintf(sb->files[sb->file_count++], sizeof sb->files[0], "%s", path);
    }
}

/* Reads a whole text file that ud_open_regular accepts and loads it as chunk "@name": the
 * name a message shows and a script can see, the same whatever folder the file is in and
 * however its path was typed (the path itself made results depend on its spelling).
 * On error pushes the message and returns non-zero. */
static int load_text_file(lua_State *L, const char *path, const char *name) {
    char why[1200];
    size_t n = 0;
    char *text = ud_read_regular(path, UD_SANDBOX_MAX_FILE_BYTES, &n, why, sizeof why);
    if (text == NULL) {
        /* a helper is said with its name, as every message a script may read names it; the
         * file the player named on the command line, as they typed it */
        size_t len = strlen(path);
        bool helper = strcmp(name, path) != 0 && strchr(name, '/') != NULL;
        const char *reason =
            helper && strncmp(why, path, len) == 0 && why[len] == ':' ? why + len + 2 : NULL;
        if (reason != NULL) {
            lua_pushfstring(L, "%s: %s", name, reason);
        } else {
            lua_pushstring(L, why);
        }
        return LUA_ERRFILE;
    }
    if (n > 0 && text[0] == LUA_SIGNATURE[0]) {
        free(text);
        lua_pushfstring(L, "%s: a precompiled (binary) chunk; scenarios must be text", name);
        return LUA_ERRSYNTAX;
    }
    /* A byte-order mark (Windows Notepad writes one before UTF-8 text) is not Lua: skipped,
     * as the standalone interpreter skips it. A first line starting with '#' is skipped too. */
    size_t skip = n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (n > skip && text[skip] == '#') {
        while (skip < n && text[skip] != '\n') {
            skip++;
        }
    }
    ud_sandbox_of(L)->loaded_hash = ud_sandbox_hash(text, n, UD_HASH_START);
    lua_pushfstring(L, "@%s", name);
    int status = luaL_loadbufferx(L, text + skip, n - skip, lua_tostring(L, -1), "t");
    free(text);
    lua_remove(L, -2);
    /* Lua's "C stack overflow" (text nested hundreds of levels deep) names no file: say which */
    if (status != LUA_OK && lua_type(L, -1) == LUA_TSTRING &&
        strstr(lua_tostring(L, -1), ".lua:") == NULL) {
        lua_pushfstring(L, "%s: %s (is something nested too deeply?)", name, lua_tostring(L, -1));
        lua_remove(L, -2);
    }
    return status;
}

/* require(name): only scenario helpers in the helper folder, "lib.money" ->
 * <root>/lib/money.lua, loaded once. Scenarios and strategies are never helpers. */
static int restricted_require(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    ud_sandbox *sb = ud_sandbox_of(L);
    size_t len = strlen(name);
    bool ok = len > 4 && len < 200 && strncmp(name, "lib.", 4) == 0;
    for (size_t i = 0; ok && i < len; i++) {
        char c = name[i];
        ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
             (c == '.' && i > 0 && name[i + 1] != '.' && name[i + 1] != '\0');
    }
    if (!ok || (sb->helpers_root[0] == '\0' && sb->own_folder[0] == '\0')) {
        return luaL_error(L,
                          "require '%s': only the scenario helpers in a lib/ folder can be "
                          "required (names like 'lib.common')",
                          name);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.loaded");
    if (lua_getfield(L, -1, name) != LUA_TNIL) {
        return 1;
    }
    lua_pop(L, 1);
    /* Looking for the file asks the file system up to three times, work the instruction
     * count does not see: it is charged, so that a loop of requires for a missing helper is
     * stopped by the budget, the same in every run, not by the processor backstop. */
    ud_sandbox_charge(L, REQUIRE_LOOKUP_UNITS);
    /* A trainer's own helpers sit beside the scenario (or one folder up, shared by a
     * module's scenarios); the shipped ones under the helpers root. */
    char relative[256];
    size_t r = 0;
    for (size_t i = 0; i < len && r + 5 < sizeof relative; i++) {
        relative[r++] = name[i] == '.' ? '/' : name[i];
    }
    snprintf(relative + r, sizeof relative - r, ".lua");
    const char *roots[3] = {sb->own_folder, NULL, sb->helpers_root};
    char parent[1100];
    snprintf(parent, sizeof parent, "%.1000s/..", sb->own_folder);
    roots[1] = sb->own_folder[0] != '\0' ? parent : "";
    char path[1400] = "";
    bool found = false, outside = false;
    double helper_bytes = 0; /* the size of the file found, for the work of compiling it */
    for (int i = 0; i < 3 && !found; i++) {
        if (roots[i][0] == '\0') {
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", roots[i], relative);
        /* Whatever is there is the helper: never opened to probe it (opening a FIFO would
         * wait for a writer for ever); load_text_file refuses what is not a regular file. */
        struct stat st;
        found = stat(path, &st) == 0;
        helper_bytes = found ? (double)st.st_size : 0;
        /* A link may not lead out of the folder it was found in (a shared folder's
         * lib/x.lua pointing at a file of the trainer's would show the script bits of it) */
        char real_root[PATH_MAX], real_path[PATH_MAX];
        if (found && (realpath(roots[i], real_root) == NULL || realpath(path, real_path) == NULL ||
                      strncmp(real_path, real_root, strlen(real_root)) != 0 ||
                      real_path[strlen(real_root)] != '/')) {
            outside = true;
        }
    }
    if (outside) {
        return luaL_error(L,
                          "require '%s': the helper file %s is a link to a file outside its "
                          "scenario folder; copy the file there instead",
                          name, relative);
    }
    if (!found) {
        /* no folder named: a script may read this message, and what it reads must not
         * depend on where the files lie or how their paths were typed */
        return luaL_error(L,
                          "require '%s': no helper file %s beside the script, in the folder "
                          "above it, or among the shipped helpers",
                          name, relative);
    }
    add_file(sb, path, relative); /* before loading: a syntax error quotes its line */
    /* compiling the helper, as load() is charged for a chunk: a helper that fails to load
     * is compiled again at each require (a loop of them halted the game at a point that
     * depended on the machine) */
    ud_sandbox_charge(L, LOAD_UNITS + helper_bytes * LOAD_BYTE_UNITS);
    if (load_text_file(L, path, relative) != LUA_OK) {
        return luaL_error(L, "require '%s': %s", name, lua_tostring(L, -1));
    }
    /* the helper's text, which a save records: a changed helper is then named */
    for (int i = 1; i < sb->file_count; i++) {
        if (strcmp(sb->files[i], path) == 0) {
            sb->file_hashes[i] = sb->loaded_hash;
        }
    }
    /* a helper that requires itself through others would recurse until the budget stops
     * it, and be reported as an endless loop: the circle is named instead */
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.loading");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, "ud.loading");
    }
    if (lua_getfield(L, -1, name) != LUA_TNIL) {
        return luaL_error(L,
                          "require '%s': the helper is already being loaded: helpers that "
                          "require each other in a circle never finish loading",
                          name);
    }
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, name); /* ud.loading[name] = true while it runs */
    lua_pop(L, 1);
    int status = lua_pcall(L, 0, 1, 0);
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.loading");
    lua_pushnil(L);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
    if (status != LUA_OK) {
        return lua_error(L); /* the helper's own error, as it was */
    }
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, name); /* ud.loaded[name] = result */
    return 1;
}

/* ---- library calls whose work the instruction count does not see ----
 * Each is charged before it starts for the work its arguments ask for, so that no call
 * runs long inside C where the budget's hook cannot stop it. */

/* Runs the library's own function in place (not through lua_call), so that its errors
 * still name the script's line. */
static int call_original(lua_State *L) {
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

/* string.rep(s, n [, sep]): n rounds even when nothing is copied. */
static int charged_rep(lua_State *L) {
    size_t l = 0, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n > 0) {
        double bytes = (double)n * ((double)l + (double)lsep);
        if (bytes > (double)UD_SANDBOX_MAX_TEXT) {
            return luaL_error(L, "string.rep: the result would be longer than %d bytes",
                              (int)UD_SANDBOX_MAX_TEXT);
        }
        ud_sandbox_charge(L, (double)n + bytes / BYTES_PER_UNIT);
    }
    return call_original(L);
}

/* A length for table functions: the length operator, as the library would use it. */
static double table_length(lua_State *L, int idx) {
    lua_Integer n = luaL_len(L, idx);
    return n > 0 ? (double)n : 0.0;
}

/* table.insert and table.remove shift the list: work grows with its length. */
static int charged_shift(lua_State *L) {
    if (lua_type(L, 1) == LUA_TTABLE) {
        ud_sandbox_charge(L, table_length(L, 1));
    }
    return call_original(L);
}

/* table.move(a1, f, e, t [, a2]) */
static int charged_move(lua_State *L) {
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    if (e >= f) {
        ud_sandbox_charge(L, (double)e - (double)f + 1.0);
    }
    return call_original(L);
}

/* table.concat(list [, sep [, i [, j]]]) and table.unpack(list [, i [, j]]) */
static int charged_range(lua_State *L) {
    bool concat = lua_toboolean(L, lua_upvalueindex(2));
    int first = concat ? 3 : 2;
    lua_Integer i = luaL_optinteger(L, first, 1);
    lua_Integer j = lua_isnoneornil(L, first + 1) ? (lua_Integer)table_length(L, 1)
                                                  : luaL_checkinteger(L, first + 1);
    if (j >= i) {
        ud_sandbox_charge(L, (double)j - (double)i + 1.0);
    }
    return call_original(L);
}

/* utf8.len, utf8.offset, utf8.codepoint, tonumber: a scan of the text. */
static int charged_scan(lua_State *L) {
    size_t l = 0;
    if (lua_type(L, 1) == LUA_TSTRING) {
        lua_tolstring(L, 1, &l);
    }
    ud_sandbox_charge(L, (double)l / BYTES_PER_UNIT);
    return call_original(L);
}

/* string.byte(s [, i [, j]]) and utf8.codepoint(s [, i [, j]]): one value pushed for each
 * character of the range (string.byte(s, 1, -1) on a long text is a million values). */
static int charged_values(lua_State *L) {
    size_t l = 0;
    if (lua_type(L, 1) == LUA_TSTRING) {
        lua_tolstring(L, 1, &l);
    }
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer j = luaL_optinteger(L, 3, i);
    /* negative positions count from the end, as the library reads them */
    double first = i < 0 ? (double)l + (double)i + 1 : (double)i;
    double last = j < 0 ? (double)l + (double)j + 1 : (double)j;
    first = first < 1 ? 1 : first;
    last = last > (double)l ? (double)l : last;
    ud_sandbox_charge(L, (double)l / BYTES_PER_UNIT + (last >= first ? last - first + 1 : 0));
    return call_original(L);
}

/* Arithmetic on texts ("10" + 1) converts the text in the string library's metamethods:
 * a scan of the whole text each time. */
static int charged_arith(lua_State *L) {
    size_t total = 0;
    for (int i = 1; i <= 2; i++) {
        if (lua_type(L, i) == LUA_TSTRING) {
            size_t l;
            lua_tolstring(L, i, &l);
            total += l;
        }
    }
    ud_sandbox_charge(L, (double)total / BYTES_PER_UNIT);
    return call_original(L);
}

/* Patterns backtrack inside C, where no instruction hook or clock can stop them. The work
 * of a match is bounded before it starts: at each start (one if anchored; gmatch tries every
 * start, its '^' being a plain character) each repetition item may try every length of the
 * rest of the text, each '?' both ways, %b or a back-reference may scan the rest of the
 * text, and every test of one character against a set may read the whole set. A pattern
 * whose bound is over the budget left is refused. */
static int charged_pattern(lua_State *L) {
    size_t n = 0, len = 0;
    luaL_checklstring(L, 1, &n);
    const char *pattern = luaL_checklstring(L, 2, &len);
    bool find = lua_tointeger(L, lua_upvalueindex(2)) == 1;
    bool plain = find && lua_toboolean(L, 4);
    double rest = (double)n + 1.0;
    double work;
    if (plain) {
        work = rest * ((double)len + 1.0);
    } else {
        int repeats = 0, optional = 0, scans = 0;
        double widest_set = 1.0; /* steps one test against a set may take */
        for (size_t i = 0; i < len; i++) {
            char c = pattern[i];
            if (c == '%') {
                i++;
                if (i < len && (pattern[i] == 'b' || (pattern[i] >= '0' && pattern[i] <= '9'))) {
                    scans++;
                }
            } else if (c == '[') {
                /* a set is one item: what is inside is not a repetition */
                size_t opened = i;
                i++;
                if (i < len && pattern[i] == '^') {
                    i++;
                }
                for (bool first = true; i < len && (first || pattern[i] != ']'); i++) {
                    first = false;
                    if (pattern[i] == '%') {
                        i++;
                    }
                }
                /* a step was measured with sets of a few classes; a long set takes longer */
                double steps = (double)(i - opened) / SET_CHARS_PER_STEP;
                widest_set = steps > widest_set ? steps : widest_set;
            } else if (c == '*' || c == '-' || c == '+') {
                repeats++;
            } else if (c == '?') {
                optional++;
            }
        }
        bool gmatch = lua_tointeger(L, lua_upvalueindex(2)) == 2;
        bool anchored = len > 0 && pattern[0] == '^' && !gmatch;
        double starts = anchored ? 1.0 : rest;
        work = (starts * pow(rest, repeats) * pow(2.0, optional) * (1.0 + rest * scans) +
                starts * (double)len) *
               widest_set;
    }
    ud_sandbox *sb = ud_sandbox_of(L);
    double units = work / MATCH_STEPS_PER_UNIT;
    if (units > (double)(sb->call_budget - sb->spent)) {
        return luaL_error(L,
                          "pattern too costly for a text of %d characters (it could backtrack "
                          "for hours): use a simpler pattern or a shorter text",
                          (int)n);
    }
    ud_sandbox_charge(L, units);
    return call_original(L);
}

/* A stable merge sort for table.sort: Lua's own quicksort picks pivots from the clock for
 * long lists, so equal elements could end in a different order from run to run. */
static bool sort_less(lua_State *L, int a, int b) {
    if (lua_isnoneornil(L, 2)) {
        return lua_compare(L, a, b, LUA_OPLT);
    }
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a);
    lua_pushvalue(L, b);
    lua_call(L, 2, 1);
    bool r = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return r;
}

static int stable_sort(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TFUNCTION);
    }
    lua_settop(L, 2);
    lua_Integer n = luaL_len(L, 1);
    if (n < 2) {
        return 0;
    }
    if (n >= INT32_MAX) {
        return luaL_error(L, "table.sort: the list is too long");
    }
    ud_sandbox_charge(L, (double)n * (log2((double)n) + 1));
    /* 3: the values, 4: a buffer */
    lua_createtable(L, (int)n, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, 1, i);
        lua_rawseti(L, 3, i);
    }
    lua_createtable(L, (int)n, 0);
    int src = 3, dst = 4;
    for (lua_Integer width = 1; width < n; width *= 2) {
        for (lua_Integer lo = 1; lo <= n; lo += 2 * width) {
            lua_Integer mid = lo + width, hi = lo + 2 * width;
            if (mid > n + 1) {
                mid = n + 1;
            }
            if (hi > n + 1) {
                hi = n + 1;
            }
            lua_Integer a = lo, b = mid, k = lo;
            while (a < mid || b < hi) {
                bool take_b = false;
                if (a < mid && b < hi) {
                    lua_rawgeti(L, src, b);
                    lua_rawgeti(L, src, a);
                    take_b = sort_less(L, lua_gettop(L) - 1, lua_gettop(L));
                    lua_pop(L, 2);
                } else {
                    take_b = a >= mid;
                }
                lua_rawgeti(L, src, take_b ? b++ : a++);
                lua_rawseti(L, dst, k++);
            }
        }
        int t = src;
        src = dst;
        dst = t;
    }
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, src, i);
        lua_seti(L, 1, i);
    }
    return 0;
}

/* rawset that keeps the strict-globals rule: a handler cannot create a global this way. */
static bool in_main_chunk(lua_State *L);

static int strict_rawset(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    lua_pushglobaltable(L);
    bool globals = lua_rawequal(L, 1, -1);
    lua_pop(L, 1);
    if (globals && lua_type(L, 2) == LUA_TSTRING && !in_main_chunk(L)) {
        lua_pushvalue(L, 2);
        if (lua_rawget(L, 1) == LUA_TNIL) {
            return luaL_error(L,
                              "assignment to undeclared global '%s' (declare it at the top "
                              "of the file, or use 'local' or mem.%s)",
                              lua_tostring(L, 2), lua_tostring(L, 2));
        }
        lua_pop(L, 1);
    }
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

static void wrap(lua_State *L, const char *table, const char *name, lua_CFunction fn, int flag) {
    if (table != NULL) {
        lua_getglobal(L, table);
    } else {
        lua_pushglobaltable(L);
    }
    lua_getfield(L, -1, name);
    if (flag >= 0) {
        lua_pushinteger(L, flag); /* read as a number, or as true when not 0 */
        lua_pushcclosure(L, fn, 2);
    } else {
        lua_pushcclosure(L, fn, 1);
    }
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

static void remove_global(lua_State *L, const char *name) {
    lua_pushnil(L);
    lua_setglobal(L, name);
}

ud_sandbox *ud_sandbox_new(size_t memory_cap, long instructions, const char *helpers_root) {
    ud_sandbox *sb = calloc(1, sizeof *sb);
    if (sb == NULL) {
        return NULL;
    }
    sb->cap = memory_cap > 0 ? memory_cap : UD_SANDBOX_DEFAULT_MEMORY;
    sb->budget = instructions > 0 ? instructions : UD_SANDBOX_DEFAULT_INSTRUCTIONS;
    sb->call_budget = sb->budget;
    sb->month_budget = sb->budget * UD_SANDBOX_MONTH_CALLS;
    sb->cpu_limit = UD_SANDBOX_CPU_SECONDS;
    if (helpers_root != NULL) {
        snprintf(sb->helpers_root, sizeof sb->helpers_root, "%s", helpers_root);
    }
    ud_rng_seed(&sb->own_rng, 1, 99);
    sb->rng = &sb->own_rng;
    sb->L = lua_newstate(bounded_alloc, sb);
    if (sb->L == NULL) {
        free(sb);
        return NULL;
    }
    lua_State *L = sb->L;
    *(ud_sandbox **)lua_getextraspace(L) = sb;
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},        {LUA_TABLIBNAME, luaopen_table},
        {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8},  {NULL, NULL}};
    for (const luaL_Reg *lib = libs; lib->func != NULL; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    remove_global(L, "dofile");
    remove_global(L, "loadfile");
    remove_global(L, "collectgarbage");
    remove_global(L, "require");
    /* string.dump: its binary chunks cannot be loaded here, and they carry the file's path */
    lua_getglobal(L, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    lua_register(L, "load", safe_load);
    lua_register(L, "pcall", safe_pcall);
    lua_register(L, "xpcall", safe_xpcall);
    lua_register(L, "pairs", ordered_pairs);
    lua_register(L, "next", ordered_next_key);
    lua_register(L, "tostring", safe_tostring);
    lua_register(L, "print", safe_print);
    lua_register(L, "require", restricted_require);
    lua_register(L, "rawset", strict_rawset);
    lua_register(L, "setmetatable", safe_setmetatable); /* never calls Lua's own */
    wrap(L, NULL, "tonumber", charged_scan, -1);
    wrap(L, "string", "format", safe_format, -1);
    wrap(L, "string", "rep", charged_rep, -1);
    wrap(L, "table", "insert", charged_shift, -1);
    wrap(L, "table", "remove", charged_shift, -1);
    wrap(L, "table", "move", charged_move, -1);
    wrap(L, "table", "concat", charged_range, 1);
    wrap(L, "table", "unpack", charged_range, 0);
    lua_getglobal(L, "table");
    lua_pushcfunction(L, stable_sort);
    lua_setfield(L, -2, "sort");
    lua_pop(L, 1);
    static const char *const scans[] = {"len", "offset"};
    for (int i = 0; i < 2; i++) {
        wrap(L, "utf8", scans[i], charged_scan, -1);
    }
    wrap(L, "utf8", "codepoint", charged_values, -1);
    wrap(L, "math", "tointeger", charged_scan, -1); /* a text is read to its end */
    wrap(L, "string", "byte", charged_values, -1);
    static const char *const pattern_functions[] = {"find", "match", "gmatch", "gsub"};
    for (int i = 0; i < 4; i++) {
        /* the upvalue tells which: 1 find (plain search possible), 2 gmatch (never anchored) */
        wrap(L, "string", pattern_functions[i], charged_pattern, i == 0 ? 1 : (i == 2 ? 2 : 0));
    }
    lua_getglobal(L, "math");
    lua_pushcfunction(L, seeded_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, refuse_randomseed);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    /* The string metatable is shared by every string: hide it from scripts. Its __index is
     * the string table, so s:rep() and the like use the charged versions above. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    static const char *const arith[] = {"__add", "__sub", "__mul", "__div",
                                        "__mod", "__pow", "__unm", "__idiv"};
    for (int i = 0; i < 8; i++) {
        if (lua_getfield(L, -1, arith[i]) == LUA_TFUNCTION) {
            lua_pushcclosure(L, charged_arith, 1);
            lua_setfield(L, -2, arith[i]);
        } else {
            lua_pop(L, 1);
        }
    }
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "ud.loaded");
    /* tostring's numbers for tables and functions; weak, so it keeps nothing alive */
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, "ud.ids");
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
    return sb;
}

void ud_sandbox_free(ud_sandbox *sb) {
    if (sb == NULL) {
        return;
    }
    lua_close(sb->L);
    free(sb);
}

/* Strict globals: reading an undeclared global, or assigning one outside the top level of
 * a file, is an error that names the global. A chunk made by load() is not a file: it
 * cannot declare globals from inside a handler. */
static bool in_main_chunk(lua_State *L) {
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "S", &ar);
        if (strcmp(ar.what, "C") == 0) {
            continue; /* pcall(rawset, ...) is judged by who called pcall */
        }
        return strcmp(ar.what, "main") == 0 && ar.source[0] == '@';
    }
    return true; /* the host itself */
}

static int strict_newindex(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING && !in_main_chunk(L)) {
        return luaL_error(L,
                          "assignment to undeclared global '%s' (declare it at the top of "
                          "the file, or use 'local' or mem.%s)",
                          lua_tostring(L, 2), lua_tostring(L, 2));
    }
    lua_rawset(L, 1);
    return 0;
}

static int strict_index(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING) {
        return luaL_error(L, "undeclared global '%s' (a typo? globals must be declared first)",
                          lua_tostring(L, 2));
    }
    return 0;
}

void ud_sandbox_make_strict(ud_sandbox *sb) {
    lua_State *L = sb->L;
    lua_pushglobaltable(L);
    lua_newtable(L);
    lua_pushcfunction(L, strict_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, strict_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
}

/* Pushes "file:line:" of the innermost Lua function on the stack, or "" if none. */
static void push_where(lua_State *L) {
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

static void push_limit_message(lua_State *L, ud_sandbox *sb) {
    if (sb->over_memory) {
        lua_pushfstring(L,
                        "%s (limit %d MiB; where a script reaches it varies from run to run with "
                        "how Lua lays out its tables, so the game stops here)",
                        LIMIT_MEMORY, (int)(sb->cap >> 20));
    } else if (sb->over_text) {
        lua_pushfstring(L, "%s (limit %d bytes per text)", LIMIT_TEXT, (int)UD_SANDBOX_MAX_TEXT);
    } else if (sb->over_time) {
        /* Only work the budget cannot count (comparing or converting long texts inside single
         * instructions) gets here: where it stopped depends on the computer's speed. */
        lua_pushfstring(L,
                        "%s (limit %d second of processor time per call and %d for all of a "
                        "script's calls in a month, reached by slow work the instruction count "
                        "cannot measure, such as comparing long texts or looking for helper "
                        "files: where it stopped depends on the computer, so the game stops "
                        "here rather than go on differently on another computer)",
                        LIMIT_BUDGET, (int)sb->cpu_limit, (int)UD_SANDBOX_MONTH_CPU_SECONDS);
    } else if (sb->budget < sb->call_budget) {
        lua_pushfstring(L,
                        "%s (the scripts' calls together may do %d million instructions' worth "
                        "of work a month, and this month's is used up: handlers that each do "
                        "a lot, many times a month?)",
                        LIMIT_BUDGET, (int)(sb->month_budget / 1000000));
    } else {
        lua_pushfstring(L, "%s (limit %d million instructions' worth of work per call)",
                        LIMIT_BUDGET, (int)(sb->call_budget / 1000000));
    }
}

static int traceback_handler(lua_State *L) {
    ud_sandbox *sb = ud_sandbox_of(L);
    if (limit_hit(sb)) {
        /* The limits are raised without a position: say where the script was. */
        push_where(L);
        push_limit_message(L, sb);
        lua_concat(L, 2);
        return 1;
    }
    if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TNUMBER) {
        /* error({...}) or error(nil): say where, and what was raised. */
        push_where(L);
        lua_pushfstring(L, "error object is a %s value (error() takes a text)",
                        luaL_typename(L, 1));
        lua_concat(L, 2);
        return 1;
    }
    /* error("text", 0), error("text", 2) from a handler, error(42): a message without the
     * script's position gets where the script was, so that every problem says file:line */
    push_where(L);
    const char *where = lua_tostring(L, -1);
    const char *colon = strrchr(where, ':');
    size_t file_len = 0;
    if (colon != NULL && colon > where) {
        const char *line_colon = colon - 1;
        while (line_colon > where && *line_colon != ':') {
            line_colon--;
        }
        file_len = (size_t)(line_colon - where);
    }
    const char *msg = lua_tostring(L, 1);
    if (file_len == 0 || strncmp(msg, where, file_len) == 0) {
        lua_pop(L, 1); /* it already says where (or there is no "where" to say) */
        lua_settop(L, 1);
        return 1;
    }
    lua_pushvalue(L, 1);
    lua_concat(L, 2);
    return 1;
}

static void begin_call(ud_sandbox *sb) {
    /* What an earlier call left behind (a call stopped at the memory limit leaves its garbage)
     * is collected first: otherwise the next call, however small, would meet the limit at its
     * first allocation and be blamed for it. Collecting is deterministic. */
    /* Only when there can be garbage to find: a script that keeps much data alive would
     * otherwise be collected in full before every call, work that nothing charges. */
    if (sb->used > sb->cap / 2 && sb->used > sb->used_after_collect + sb->cap / 8) {
        lua_gc(sb->L, LUA_GCCOLLECT);
        sb->used_after_collect = sb->used;
    }
    sb->where[0] = '\0';
    sb->spent = 0;
    /* what is left of the month's work, at most a call's */
    long left = sb->month_budget - sb->month_spent;
    sb->budget = left < sb->call_budget ? (left > 0 ? left : 0) : sb->call_budget;
    sb->over_budget = false;
    sb->over_memory = false;
    sb->over_text = false;
    sb->over_time = false;
    sb->in_call = true;
    sb->cpu_start = cpu_seconds();
    lua_sethook(sb->L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
}

void ud_sandbox_new_month(ud_sandbox *sb) {
    if (sb != NULL) {
        sb->month_spent = 0;
        sb->month_cpu = 0;
    }
}

static bool finish(ud_sandbox *sb, int status, int base, char *err, size_t err_size) {
    lua_State *L = sb->L;
    sb->in_call = false;
    sb->month_spent += sb->spent < sb->budget ? sb->spent : sb->budget;
    sb->month_cpu += cpu_seconds() - sb->cpu_start;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
    if (status == LUA_OK) {
        lua_remove(L, base); /* the message handler */
        return true;
    }
    const char *msg = lua_tostring(L, -1);
    char raw[1400];
    if (status == LUA_ERRMEM || limit_hit(sb)) {
        /* Memory errors skip the message handler: the allocator remembered where. */
        lua_pushstring(L, sb->where);
        push_limit_message(L, sb);
        lua_concat(L, 2);
        snprintf(raw, sizeof raw, "%s", lua_tostring(L, -1));
    } else {
        snprintf(raw, sizeof raw, "%s", msg != NULL ? msg : "unknown error");
    }
    ud_sandbox_format_error(sb, raw, err, err_size);
    lua_settop(L, base - 1);
    return false;
}

bool ud_sandbox_run_file(ud_sandbox *sb, const char *path, char *err, size_t err_size) {
    lua_State *L = sb->L;
    lua_pushcfunction(L, traceback_handler);
    int base = lua_gettop(L);
    if (sb->own_folder[0] == '\0') {
        /* the first file run is the scenario (or strategy): its helpers sit beside it */
        const char *slash = strrchr(path, '/');
        snprintf(sb->own_folder, sizeof sb->own_folder, "%.*s",
                 slash != NULL ? (int)(slash - path) : 1, slash != NULL ? path : ".");
    }
    const char *slash = strrchr(path, '/');
    const char *name = slash != NULL ? slash + 1 : path;
    int status = load_text_file(L, path, name);
    if (status != LUA_OK) {
        if (status == LUA_ERRSYNTAX) {
            add_file(sb, path, name); /* a syntax error quotes its line */
        }
        return finish(sb, status, base, err, err_size);
    }
    add_file(sb, path, name);
    if (!sb->first_hashed) {
        /* the text the game runs, whatever happens to the file afterwards: a save made later
         * names this text, not what the file holds by then */
        sb->first_hash = sb->loaded_hash;
        sb->first_hashed = true;
    }
    begin_call(sb);
    status = lua_pcall(L, 0, 0, base);
    return finish(sb, status, base, err, err_size);
}

static double now(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

bool ud_sandbox_call(ud_sandbox *sb, int nargs, int nresults, char *err, size_t err_size) {
    lua_State *L = sb->L;
    int fn = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback_handler);
    lua_insert(L, fn);
    double start = now();
    begin_call(sb);
    int status = lua_pcall(L, nargs, nresults, fn);
    sb->seconds += now() - start;
    return finish(sb, status, fn, err, err_size);
}

static void format_error_lines(const ud_sandbox *sb, const char *message, char *out,
                               size_t out_size);

/* Control characters from a script (an escape sequence in a text the Lua parser quotes, or
 * in a source line shown around an error) would reach the trainer's terminal and could take
 * it over: each becomes '?', but for line breaks and tabs. */
static void scrub_controls(char *text) {
    for (unsigned char *c = (unsigned char *)text; *c != '\0'; c++) {
        if ((*c < 0x20 && *c != '\n' && *c != '\t') || *c == 0x7f) {
            *c = '?';
        }
    }
}

void ud_sandbox_format_error(const ud_sandbox *sb, const char *message, char *out,
                             size_t out_size) {
    /* the message is one line: a script's error("...\nother.lua:1: ...") could otherwise
     * print a second message of its own making under the real one */
    char flat[2048];
    snprintf(flat, sizeof flat, "%s", message);
    for (char *c = flat; *c != '\0'; c++) {
        *c = *c == '\n' || *c == '\r' ? ' ' : *c;
    }
    format_error_lines(sb, flat, out, out_size);
    scrub_controls(out);
}

static void format_error_lines(const ud_sandbox *sb, const char *message, char *out,
                               size_t out_size) {
    size_t n = (size_t)snprintf(out, out_size, "%s", message);
    /* Find "something.lua:LINE:" and quote the lines around it, if it is one of our files. */
    const char *at = strstr(message, ".lua:");
    if (at == NULL || n >= out_size) {
        return;
    }
    char path[1024];
    size_t plen = (size_t)(at - message) + 4;
    if (plen >= sizeof path) {
        return;
    }
    memcpy(path, message, plen);
    path[plen] = '\0';
    /* the message names the file by its chunk name: read the lines from its path */
    bool ours = false;
    for (int i = 0; sb != NULL && i < sb->file_count && !ours; i++) {
        ours = strcmp(sb->names[i], path) == 0 || strcmp(sb->files[i], path) == 0;
        if (ours) {
            snprintf(path, sizeof path, "%s", sb->files[i]);
        }
    }
    long line = strtol(at + 5, NULL, 10);
    if (!ours || line <= 0) {
        return;
    }
    char why[64];
    FILE *f = ud_open_regular(path, UD_SANDBOX_MAX_FILE_BYTES, why, sizeof why);
    if (f == NULL) {
        return;
    }
    char buf[512];
    long current = 0;
    while (current < line + 2 && ud_sandbox_read_line(f, buf, sizeof buf)) {
        current++;
        if (current < line - 2) {
            continue;
        }
        n += (size_t)snprintf(out + n, n < out_size ? out_size - n : 0, "\n  %s %4ld | %s",
                              current == line ? ">" : " ", current, buf);
        if (n >= out_size) {
            break;
        }
    }
    fclose(f);
}

uint64_t ud_sandbox_hash(const void *data, size_t n, uint64_t h) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

bool ud_sandbox_read_line(FILE *f, char *buf, size_t size) {
    size_t n = 0;
    int c;
    bool any = false;
    while ((c = getc(f)) != EOF) {
        any = true;
        if (c == '\n') {
            break;
        }
        if (c == '\r') { /* CR LF, or an old Mac's CR alone: one line end, as Lua counts */
            int next = getc(f);
            if (next != '\n' && next != EOF) {
                ungetc(next, f);
            }
            break;
        }
        if (n + 1 < size) {
            buf[n++] = (char)c;
        }
    }
    if (size > 0) {
        buf[n] = '\0';
    }
    return any;
}

static size_t edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63) {
        return 99;
    }
    size_t row[64];
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best) {
                best = row[j] + 1;
            }
            if (row[j - 1] + 1 < best) {
                best = row[j - 1] + 1;
            }
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* Whether two words are the same but for letter case and punctuation ("PAR-30", "par30"). */
static bool same_but_case(const char *a, const char *b) {
    for (;;) {
        while (*a != '\0' && !isalnum((unsigned char)*a)) {
            a++;
        }
        while (*b != '\0' && !isalnum((unsigned char)*b)) {
            b++;
        }
        if (*a == '\0' || *b == '\0') {
            return *a == *b;
        }
        if (tolower((unsigned char)*a++) != tolower((unsigned char)*b++)) {
            return false;
        }
    }
}

const char *ud_closest_word(const char *word, const char *const *candidates) {
    for (const char *const *c = candidates; *c != NULL; c++) {
        if (same_but_case(word, *c)) {
            return *c; /* "PAR30" is par30, however far apart the letters are */
        }
    }
    const char *best = NULL;
    size_t best_d = 99;
    for (const char *const *c = candidates; *c != NULL; c++) {
        size_t d = edit_distance(word, *c);
        if (d < best_d) {
            best_d = d;
            best = *c;
        }
    }
    size_t len = strlen(word);
    size_t allowed = len <= 4 ? 1 : (len <= 8 ? 2 : 3);
    return best_d <= allowed ? best : NULL;
}
