/* The Lua sandbox: allocator cap, instruction budget, allow-listed libraries, strict
 * globals, deterministic pairs, restricted require and load, and readable errors. */
#include "sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOOK_EVERY 1000

static const char LIMIT_MEMORY[] = "the script used more memory than allowed";
static const char LIMIT_BUDGET[] = "the script ran too long (an endless loop?) and was stopped";

ud_sandbox *ud_sandbox_of(lua_State *L) {
    return *(ud_sandbox **)lua_getextraspace(L);
}

static void *bounded_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    ud_sandbox *sb = ud;
    size_t old = ptr != NULL ? osize : 0;
    if (nsize == 0) {
        sb->used -= old;
        free(ptr);
        return NULL;
    }
    /* Past the cap, a little slack lets the error be reported; the flag stops the script. */
    size_t cap = sb->over_memory ? sb->cap + (1u << 20) : sb->cap;
    if (nsize > old && sb->used + (nsize - old) > cap) {
        sb->over_memory = true;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p != NULL) {
        sb->used = sb->used - old + nsize;
    }
    return p;
}

static void budget_hook(lua_State *L, lua_Debug *ar) {
    ud_sandbox *sb = ud_sandbox_of(L);
    /* Remember where the script is: a memory error, raised deep inside Lua, has no
     * position of its own. */
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        snprintf(sb->where, sizeof sb->where, "%s:%d: ", ar->short_src, ar->currentline);
    }
    sb->spent += HOOK_EVERY;
    if (sb->spent > sb->budget || sb->over_budget) {
        sb->over_budget = true;
        lua_pushstring(L, LIMIT_BUDGET); /* the message handler adds where */
        lua_error(L);
    }
}

static bool limit_hit(const ud_sandbox *sb) {
    return sb->over_budget || sb->over_memory;
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

static int safe_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 1); /* [f, h, args..., f] */
    lua_pushvalue(L, 2); /* [f, h, args..., f, h] */
    lua_replace(L, 1);   /* [h, h, args..., f] */
    lua_replace(L, 2);   /* [h, f, args...] */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 1);
    if (status != LUA_OK && limit_hit(ud_sandbox_of(L))) {
        return lua_error(L);
    }
    lua_pushboolean(L, status == LUA_OK);
    lua_replace(L, 1);
    return lua_gettop(L);
}

/* load(chunk [, name [, mode [, env]]]) for text chunks only. */
static int safe_load(lua_State *L) {
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "=(load)");
    int has_env = !lua_isnone(L, 4);
    int status = luaL_loadbufferx(L, text, len, name, "t");
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

/* math.random with Lua's signature, drawing from the simulation's generator. */
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

/* pairs() in a fixed order: integer keys ascending, then strings in byte order, then
 * booleans. Tables or functions as keys have no fixed order and are refused. */
static int key_rank(lua_State *L, int idx) {
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        return 0;
    case LUA_TSTRING:
        return 1;
    case LUA_TBOOLEAN:
        return 2;
    default:
        return 3;
    }
}

static int key_less(lua_State *L, int a, int b) {
    int ra = key_rank(L, a), rb = key_rank(L, b);
    if (ra != rb) {
        return ra < rb;
    }
    if (ra == 2) {
        return !lua_toboolean(L, a) && lua_toboolean(L, b);
    }
    return lua_compare(L, a, b, LUA_OPLT);
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
    lua_gettable(L, lua_upvalueindex(1));
    return 2;
}

static int ordered_pairs(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_newtable(L); /* keys */
    int keys = lua_gettop(L);
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        if (key_rank(L, -1) == 3) {
            return luaL_error(L, "pairs: a table used as a key has no fixed order; "
                                 "use a list (ipairs) instead");
        }
        lua_pushvalue(L, -1);
        lua_rawseti(L, keys, ++n);
    }
    /* insertion sort on the key list: scenario tables are small */
    for (lua_Integer i = 2; i <= n; i++) {
        lua_rawgeti(L, keys, i);
        lua_Integer j = i - 1;
        while (j >= 1) {
            lua_rawgeti(L, keys, j);
            if (!key_less(L, -2, -1)) {
                lua_pop(L, 1);
                break;
            }
            lua_rawseti(L, keys, j + 1);
            j--;
        }
        lua_rawseti(L, keys, j + 1);
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, keys);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, ordered_next, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* require(name): only scenario helpers, "lib.money" -> <root>/lib/money.lua, loaded once. */
static int restricted_require(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    ud_sandbox *sb = ud_sandbox_of(L);
    size_t len = strlen(name);
    bool ok = len > 0 && len < 200 && name[0] != '.';
    for (size_t i = 0; ok && i < len; i++) {
        char c = name[i];
        ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
             (c == '.' && name[i + 1] != '.' && name[i + 1] != '\0');
    }
    if (!ok || (sb->helpers_root[0] == '\0' && sb->own_folder[0] == '\0')) {
        return luaL_error(L,
                          "require '%s': only scenario helpers can be required, by names "
                          "like 'lib.helpers' (lower-case letters, digits, '_', '-', '.')",
                          name);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.loaded");
    if (lua_getfield(L, -1, name) != LUA_TNIL) {
        return 1;
    }
    lua_pop(L, 1);
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
    bool found = false;
    for (int i = 0; i < 3 && !found; i++) {
        if (roots[i][0] == '\0') {
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", roots[i], relative);
        FILE *f = fopen(path, "rb");
        if (f != NULL) {
            fclose(f);
            found = true;
        }
    }
    if (!found) {
        return luaL_error(L,
                          "require '%s': no helper file %s beside the scenario, in %s/.. or "
                          "in %s",
                          name, relative, sb->own_folder[0] ? sb->own_folder : ".",
                          sb->helpers_root);
    }
    if (luaL_loadfilex(L, path, "t") != LUA_OK) {
        return lua_error(L);
    }
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, name); /* ud.loaded[name] = result */
    return 1;
}

/* Library functions that loop in C cannot be stopped by the instruction budget, so the
 * few that can be made to loop for hours are guarded before they start. */
#define MAX_MOVE 1000000
#define MAX_QUANTIFIERS 6

static int guarded_move(lua_State *L) {
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    if (e >= f && (lua_Unsigned)e - (lua_Unsigned)f >= MAX_MOVE) {
        return luaL_error(L, "table.move: at most %d elements at a time", MAX_MOVE);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* Patterns with many repetition items backtrack exponentially inside C. */
static int guarded_pattern(lua_State *L) {
    size_t len;
    const char *pattern = luaL_optlstring(L, 2, "", &len);
    int quantifiers = 0;
    for (size_t i = 0; i < len; i++) {
        if (pattern[i] == '%') {
            i++;
        } else if (pattern[i] == '*' || pattern[i] == '-' || pattern[i] == '+') {
            quantifiers++;
        }
    }
    if (quantifiers > MAX_QUANTIFIERS) {
        return luaL_error(L,
                          "pattern too complex for a scenario (more than %d repetitions "
                          "'*', '+' or '-')",
                          MAX_QUANTIFIERS);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static void guard(lua_State *L, const char *table, const char *name, lua_CFunction guard_fn) {
    lua_getglobal(L, table);
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, guard_fn, 1);
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
    lua_register(L, "load", safe_load);
    lua_register(L, "pcall", safe_pcall);
    lua_register(L, "xpcall", safe_xpcall);
    lua_register(L, "pairs", ordered_pairs);
    lua_register(L, "require", restricted_require);
    guard(L, "table", "move", guarded_move);
    static const char *const pattern_functions[] = {"find", "match", "gmatch", "gsub"};
    for (int i = 0; i < 4; i++) {
        guard(L, "string", pattern_functions[i], guarded_pattern);
    }
    lua_getglobal(L, "math");
    lua_pushcfunction(L, seeded_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, refuse_randomseed);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    /* The string metatable is shared by every string: hide it from scripts. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "ud.loaded");
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

/* Strict globals: reading an undeclared global, or assigning one outside a chunk's top
 * level, is an error that names the global. */
static bool in_main_chunk(lua_State *L) {
    lua_Debug ar;
    if (!lua_getstack(L, 1, &ar)) {
        return true;
    }
    lua_getinfo(L, "S", &ar);
    return strcmp(ar.what, "main") == 0 || strcmp(ar.what, "C") == 0;
}

static int strict_newindex(lua_State *L) {
    if (!in_main_chunk(L) && lua_type(L, 2) == LUA_TSTRING) {
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

static int traceback_handler(lua_State *L) {
    ud_sandbox *sb = ud_sandbox_of(L);
    if (sb->over_memory || sb->over_budget) {
        /* The limits are raised without a position: say where the script was. */
        push_where(L);
        if (sb->over_memory) {
            lua_pushfstring(L, "%s (limit %d MiB)", LIMIT_MEMORY, (int)(sb->cap >> 20));
        } else {
            lua_pushfstring(L, "%s (limit %d million instructions per call)", LIMIT_BUDGET,
                            (int)(sb->budget / 1000000));
        }
        lua_concat(L, 2);
        return 1;
    }
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        msg = luaL_typename(L, 1);
        lua_pushfstring(L, "error object is a %s value", msg);
        return 1;
    }
    return 1;
}

static void begin_call(ud_sandbox *sb) {
    sb->where[0] = '\0';
    sb->spent = 0;
    sb->over_budget = false;
    sb->over_memory = false;
}

static bool finish(ud_sandbox *sb, int status, int base, char *err, size_t err_size) {
    lua_State *L = sb->L;
    if (status == LUA_OK) {
        lua_remove(L, base); /* the message handler */
        return true;
    }
    const char *msg = lua_tostring(L, -1);
    char raw[1024];
    if (status == LUA_ERRMEM || sb->over_memory) {
        snprintf(raw, sizeof raw, "%s%s (limit %d MiB)", sb->where, LIMIT_MEMORY,
                 (int)(sb->cap >> 20));
    } else {
        snprintf(raw, sizeof raw, "%s", msg != NULL ? msg : "unknown error");
    }
    ud_sandbox_format_error(raw, err, err_size);
    lua_settop(L, base - 1);
    return false;
}

bool ud_sandbox_run_file(ud_sandbox *sb, const char *path, char *err, size_t err_size) {
    lua_State *L = sb->L;
    begin_call(sb);
    lua_pushcfunction(L, traceback_handler);
    int base = lua_gettop(L);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        lua_pop(L, 1);
        snprintf(err, err_size, "%s: cannot open the file", path);
        return false;
    }
    int first = fgetc(f);
    fclose(f);
    if (first == LUA_SIGNATURE[0]) {
        lua_pop(L, 1);
        snprintf(err, err_size, "%s: a precompiled (binary) chunk; scenarios must be text", path);
        return false;
    }
    if (sb->own_folder[0] == '\0') {
        const char *slash = strrchr(path, '/');
        snprintf(sb->own_folder, sizeof sb->own_folder, "%.*s",
                 slash != NULL ? (int)(slash - path) : 1, slash != NULL ? path : ".");
    }
    int status = luaL_loadfilex(L, path, "t");
    if (status != LUA_OK) {
        return finish(sb, status, base, err, err_size);
    }
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
    begin_call(sb);
    int fn = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback_handler);
    lua_insert(L, fn);
    double start = now();
    int status = lua_pcall(L, nargs, nresults, fn);
    sb->seconds += now() - start;
    return finish(sb, status, fn, err, err_size);
}

void ud_sandbox_format_error(const char *message, char *out, size_t out_size) {
    size_t n = (size_t)snprintf(out, out_size, "%s", message);
    /* Find "something.lua:LINE:" and quote the lines around it. */
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
    long line = strtol(at + 5, NULL, 10);
    FILE *f = fopen(path, "r");
    if (f == NULL || line <= 0) {
        if (f) {
            fclose(f);
        }
        return;
    }
    char buf[512];
    long current = 0;
    while (fgets(buf, sizeof buf, f) != NULL && current < line + 2) {
        current++;
        if (current < line - 2) {
            continue;
        }
        size_t len = strlen(buf);
        if (len > 0 && buf[len - 1] == '\n') {
            buf[--len] = '\0';
        }
        n += (size_t)snprintf(out + n, n < out_size ? out_size - n : 0, "\n  %s %4ld | %s",
                              current == line ? ">" : " ", current, buf);
        if (n >= out_size) {
            break;
        }
    }
    fclose(f);
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
