/* Reading the tables that scenarios pass to the API: unknown keys with a hint, types,
 * and ranges, all reported at the author's line. */
#include "game_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ud_game *game_of(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, "ud.game");
    ud_game *g = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return g;
}

int api_hamlet(lua_State *L, const ud_game *g, const char *name, const char *what) {
    for (int h = 0; h < g->setup.village.hamlets; h++) {
        if (strcmp(g->setup.village.hamlet_names[h], name) == 0) {
            return h;
        }
    }
    return luaL_error(L,
                      "%s: no hamlet named '%s' (the village's hamlets are declared in "
                      "village{ hamlets = ... })",
                      what, name);
}

int api_line(lua_State *L) {
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            return ar.currentline;
        }
    }
    return 0;
}

void api_check_plain_table(lua_State *L, int idx, const char *what) {
    if (!lua_istable(L, idx)) {
        luaL_error(L, "%s must be a table in braces, such as %s (got %s)", what, "{ key = value }",
                   luaL_typename(L, idx));
    }
    /* A metatable would run the script's code in the middle of reading the declaration
     * (__index, __len), which could change it under the reader's feet. */
    if (lua_getmetatable(L, idx)) {
        luaL_error(L, "%s must be a plain table in braces (this one has a metatable)", what);
    }
}

/* The line at or after `from` in file `path` where `key = ` is written, or 0. A table spread
 * over several lines is reported by Lua at its first line: the trainer wants the key's. */
static int key_line_until(const char *path, int from, const char *key, bool this_statement,
                          const char *value);

/* With `value`, the line where the key is given that value (`woman = "no"`): in a list of
 * tables, such as households{}, the key is written once for each, and the first is not
 * always the one at fault. Without it, or if no line gives it, the first. */
static int key_line(const char *path, int from, const char *key, const char *value) {
    int at = value != NULL ? key_line_until(path, from, key, false, value) : 0;
    return at > 0 ? at : key_line_until(path, from, key, false, NULL);
}

/* The same, searching only the statement that starts at line `from` when `this_statement`
 * (until a later line that starts a new one at its first column). */
static int key_line_until(const char *path, int from, const char *key, bool this_statement,
                          const char *value) {
    char why[1200];
    FILE *f = ud_open_regular(path, UD_SANDBOX_MAX_FILE_BYTES, why, sizeof why);
    if (f == NULL) {
        return 0;
    }
    char line[1024];
    int n = 0, found = 0;
    size_t len = strlen(key);
    while (found == 0 && n < from + 200 && ud_sandbox_read_line(f, line, sizeof line)) {
        if (++n < from) {
            continue;
        }
        if (this_statement && n > from && isalpha((unsigned char)line[0])) {
            break; /* the next declaration */
        }
        for (const char *p = strstr(line, key); p != NULL; p = strstr(p + 1, key)) {
            bool starts = p == line || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
            const char *q = p + len;
            while (*q == ' ' || *q == '\t') {
                q++;
            }
            if (starts && *q == '=' && q[1] != '=') {
                const char *v = q + 1;
                while (*v == ' ' || *v == '\t' || *v == '"' || *v == '\'') {
                    v++;
                }
                if (value != NULL && strncmp(v, value, strlen(value)) != 0) {
                    continue;
                }
                found = n;
                break;
            }
        }
    }
    fclose(f);
    return found;
}

/* Raises `message` at the line where `key` is written in the calling script, if it can be
 * found there; else at the call's line, as luaL_error does. */
static void key_error_at(lua_State *L, const char *key, const char *value, const char *message) {
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline <= 0) {
            continue;
        }
        int line = ar.source[0] == '@'
                       ? key_line(ud_sandbox_path_of(L, ar.source + 1), ar.currentline, key, value)
                       : 0;
        lua_pushfstring(L, "%s:%d: %s", ar.short_src, line > 0 ? line : ar.currentline, message);
        lua_error(L);
    }
    luaL_error(L, "%s", message);
}

/* The value on top of the stack as the script may have written it ("no", 24), or NULL. */
static const char *written_value(lua_State *L) {
    int t = lua_type(L, -1);
    return t == LUA_TSTRING || t == LUA_TNUMBER ? lua_tostring(L, -1) : NULL;
}

static void key_error(lua_State *L, const char *key, const char *message) {
    key_error_at(L, key, NULL, message);
}

bool api_key_written(lua_State *L, const char *key) {
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            return ar.source[0] == '@' && key_line_until(ud_sandbox_path_of(L, ar.source + 1),
                                                         ar.currentline, key, true, NULL);
        }
    }
    return false;
}

void api_check_keys(lua_State *L, int idx, const char *what, const char *const *allowed) {
    idx = lua_absindex(L, idx);
    api_check_plain_table(L, idx, what);
    /* The table is walked in its hash order, which Lua seeds at random in every process: of
     * several unknown keys, the one named is the first in byte order, so that the message (which
     * a script can read with pcall) is the same in every run. */
    const char *key = NULL;
    bool bad_key = false;
    lua_pushnil(L); /* the unknown key to name, kept under the walk */
    int unknown = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            if (lua_type(L, -1) == LUA_TNUMBER) {
                continue; /* list entries are checked by whoever reads them */
            }
            bad_key = true; /* said after the walk, whatever the order it met it in */
            continue;
        }
        const char *name = lua_tostring(L, -1);
        bool known = false;
        for (const char *const *a = allowed; *a != NULL && !known; a++) {
            known = strcmp(*a, name) == 0;
        }
        if (!known && (key == NULL || strcmp(name, key) < 0)) {
            lua_pushvalue(L, -1);
            lua_replace(L, unknown);
            key = lua_tostring(L, unknown);
        }
    }
    if (bad_key) {
        luaL_error(L, "%s: keys must be names", what);
    }
    if (key != NULL) {
        const char *hint = ud_closest_word(key, allowed);
        char message[400];
        if (hint != NULL) {
            snprintf(message, sizeof message, "%s: unknown key '%s' (did you mean '%s'?)", what,
                     key, hint);
        } else {
            /* no near miss: the keys it takes, when they are few enough to read */
            int n = snprintf(message, sizeof message, "%s: unknown key '%s'", what, key);
            int count = 0;
            for (const char *const *a = allowed; *a != NULL; a++) {
                count++;
            }
            for (int i = 0; count <= 16 && i < count && n > 0 && n < (int)sizeof message; i++) {
                n += snprintf(message + n, sizeof message - (size_t)n, "%s%s",
                              i == 0 ? " (it takes " : ", ", allowed[i]);
            }
            if (count <= 16 && n > 0 && n < (int)sizeof message - 1) {
                snprintf(message + n, sizeof message - (size_t)n, ")");
            }
        }
        key_error(L, key, message);
    }
    lua_pop(L, 1);
}

static bool field(lua_State *L, int idx, const char *key) {
    lua_getfield(L, idx, key);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return false;
    }
    return true;
}

lua_Number api_number(lua_State *L, int idx, const char *what, const char *key, lua_Number def,
                      lua_Number min, lua_Number max) {
    idx = lua_absindex(L, idx);
    if (!field(L, idx, key)) {
        return def;
    }
    char message[400];
    if (lua_type(L, -1) != LUA_TNUMBER) {
        snprintf(message, sizeof message, "%s: %s must be a number (got %s)", what, key,
                 luaL_typename(L, -1));
        key_error_at(L, key, written_value(L), message); /* at the key's own line */
    }
    lua_Number v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(v >= min && v <= max)) {
        char written[40];
        snprintf(written, sizeof written, "%.15g", v);
        snprintf(message, sizeof message, "%s: %s must be between %.15g and %.15g (got %.15g)",
                 what, key, min, max, v);
        key_error_at(L, key, written, message);
    }
    return v;
}

lua_Integer api_integer(lua_State *L, int idx, const char *what, const char *key, lua_Integer def,
                        lua_Integer min, lua_Integer max) {
    idx = lua_absindex(L, idx);
    if (!field(L, idx, key)) {
        return def;
    }
    int is_int = 0;
    /* a number, not a numeric text: `months = "24"` is a slip the trainer should see */
    lua_Integer v = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &is_int) : 0;
    char message[400];
    if (!is_int) {
        lua_Number n = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
        if (lua_type(L, -1) == LUA_TNUMBER && n == floor(n) && isfinite(n)) {
            /* a whole number too large for an integer: out of range, not a fraction */
            snprintf(message, sizeof message, "%s: %s must be between %lld and %lld (got %s)", what,
                     key, (long long)min, (long long)max, lua_tostring(L, -1));
        } else {
            snprintf(message, sizeof message, "%s: %s must be a whole number (got %s)", what, key,
                     lua_type(L, -1) == LUA_TNUMBER ? lua_tostring(L, -1) : luaL_typename(L, -1));
        }
        key_error_at(L, key, written_value(L), message); /* at the key's own line */
    }
    lua_pop(L, 1);
    if (v < min || v > max) {
        char written[32];
        snprintf(written, sizeof written, "%lld", (long long)v);
        snprintf(message, sizeof message, "%s: %s must be between %lld and %lld (got %lld)", what,
                 key, (long long)min, (long long)max, (long long)v);
        key_error_at(L, key, written, message);
    }
    return v;
}

bool api_bool(lua_State *L, int idx, const char *what, const char *key, bool def) {
    idx = lua_absindex(L, idx);
    if (!field(L, idx, key)) {
        return def;
    }
    if (!lua_isboolean(L, -1)) {
        char message[400];
        snprintf(message, sizeof message, "%s: %s must be true or false (got %s)", what, key,
                 luaL_typename(L, -1));
        key_error_at(L, key, written_value(L), message);
    }
    bool v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* 0 if s is valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF); else
 * the 1-based character at which it stops being so. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len) {
    size_t chars = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        chars++;
        if (n == 0 || i + n > len) {
            return chars;
        }
        unsigned long cp = n == 1 ? c : (c & (0x7fu >> n));
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xc0) != 0x80) {
                return chars;
            }
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return chars;
        }
        i += n;
    }
    return 0;
}

const char *api_text_problem(const char *s, size_t len, size_t *at) {
    size_t bad = utf8_invalid_at((const unsigned char *)s, len);
    if (bad != 0) {
        *at = bad;
        return "is not UTF-8 text";
    }
    size_t chars = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        chars += (c & 0xc0) != 0x80;
        if (c == 0) {
            *at = chars;
            return "has a NUL character (\\0) inside it";
        }
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            *at = chars;
            return "has a control character (only line breaks and tabs may be in a text)";
        }
    }
    return NULL;
}

void api_check_shown_text(lua_State *L, int idx, const char *what) {
    api_check_shown_text_of(L, idx, what, 0);
}

void api_check_shown_text_of(lua_State *L, int idx, const char *what, size_t max_bytes) {
    size_t len, at = 0;
    const char *s = lua_tolstring(L, idx, &len);
    /* reading the whole text is work the instruction count does not see */
    ud_sandbox_charge(L, (double)len / 8.0);
    if (s != NULL && max_bytes > 0 && len >= max_bytes) {
        luaL_error(L, "%s is too long (%d bytes; at most %d)", what, (int)len, (int)max_bytes - 1);
    }
    const char *problem = s != NULL ? api_text_problem(s, len, &at) : NULL;
    if (problem != NULL) {
        luaL_error(L, "%s %s (at character %d)", what, problem, (int)at);
    }
}

bool api_text(lua_State *L, int idx, const char *what, const char *key, char *out, size_t size) {
    idx = lua_absindex(L, idx);
    if (!field(L, idx, key)) {
        return false;
    }
    if (lua_type(L, -1) != LUA_TSTRING) {
        luaL_error(L, "%s: %s must be text (got %s)", what, key, luaL_typename(L, -1));
    }
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    ud_sandbox_charge(L, (double)len / 8.0); /* the checks below read it all */
    if (len >= size) {
        luaL_error(L, "%s: %s is too long (%d bytes; at most %d)", what, key, (int)len,
                   (int)size - 1);
    }
    /* a NUL inside would end the text there ("worst\0junk" read as "worst"); the game draws
     * texts as UTF-8 (a file saved in another encoding shows as garbage); a control character
     * would reach the trainer's terminal through the story */
    size_t at = 0;
    const char *problem = api_text_problem(s, len, &at);
    if (problem != NULL) {
        char message[400];
        snprintf(message, sizeof message, "%s: %s %s (at character %d)%s", what, key, problem,
                 (int)at,
                 strstr(problem, "UTF-8") != NULL ? ": save the file as UTF-8 in your editor" : "");
        key_error(L, key, message);
    }
    memcpy(out, s, len + 1); /* copied while the text is on the stack, then let go */
    lua_pop(L, 1);
    return true;
}

void api_text_or(lua_State *L, int idx, const char *what, const char *key, const char *def,
                 char *out, size_t size) {
    if (!api_text(L, idx, what, key, out, size)) {
        snprintf(out, size, "%s", def);
    }
}

bool api_line_text(lua_State *L, int idx, const char *what, const char *key, const char *def,
                   char *out, size_t size) {
    idx = lua_absindex(L, idx);
    if (lua_getfield(L, idx, key) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        size_t at = 0; /* characters so far (UTF-8: continuation bytes do not count) */
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            at += (c & 0xc0) != 0x80;
            if (c >= 0x20 && c != 0x7f) {
                continue;
            }
            const char *name = c == '\t'   ? "a tab"
                               : c == '\n' ? "a line break"
                               : c == '\r' ? "a carriage return"
                               : c == 0    ? "a NUL byte"
                                           : NULL;
            char code[32], message[300];
            snprintf(code, sizeof code, "control character %d", c);
            snprintf(message, sizeof message,
                     "%s: %s must be one line of plain text (it has %s at character %zu)", what,
                     key, name != NULL ? name : code, at);
            key_error(L, key, message);
        }
    }
    lua_pop(L, 1);
    if (api_text(L, idx, what, key, out, size)) {
        return true;
    }
    if (def != NULL) {
        snprintf(out, size, "%s", def);
    }
    return false;
}

lua_Integer api_arg_integer(lua_State *L, int arg, const char *fn) {
    /* a number, not a text that looks like one: set_salary(1, "2000000") is a mistake, as it
     * is in a declaration */
    if (lua_type(L, arg) == LUA_TSTRING) {
        luaL_error(L, "bad argument #%d to '%s' (a number, not the text \"%s\")", arg, fn,
                   lua_tostring(L, arg));
    }
    return luaL_checkinteger(L, arg);
}

int api_arg_int(lua_State *L, int arg, const char *fn, lua_Integer min, lua_Integer max) {
    lua_Integer v = api_arg_integer(L, arg, fn);
    if (v < min || v > max) {
        luaL_error(L, "bad argument #%d to '%s' (%I is out of range %I..%I)", arg, fn, v, min, max);
    }
    return (int)v;
}

int api_choice(lua_State *L, int idx, const char *what, const char *key, const char *const *names,
               int def) {
    char s[64];
    if (!api_text(L, idx, what, key, s, sizeof s)) {
        return def;
    }
    for (int i = 0; names[i] != NULL; i++) {
        if (strcmp(names[i], s) == 0) {
            return i;
        }
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; names[i] != NULL; i++) {
        luaL_addstring(&b, i ? ", " : "");
        luaL_addstring(&b, names[i]);
    }
    luaL_pushresult(&b);
    const char *hint = ud_closest_word(s, names);
    if (hint != NULL) {
        luaL_error(L, "%s: %s '%s' is not one of %s (did you mean '%s'?)", what, key, s,
                   lua_tostring(L, -1), hint);
    }
    luaL_error(L, "%s: %s '%s' is not one of %s", what, key, s, lua_tostring(L, -1));
    return def;
}

void api_warn_share(lua_State *L, int idx, const char *what, const char *key, double v) {
    idx = lua_absindex(L, idx);
    lua_getfield(L, idx, key);
    bool given = !lua_isnil(L, -1);
    lua_pop(L, 1);
    /* Rates are percentages: 0.24 is a quarter of one percent, almost always meant as 24%. */
    if (given && v > 0 && v < 1 && strstr(key, "rate") != NULL) {
        game_warning(L,
                     "%s: %s = %g is read as %g%% a year; rates are written in percent "
                     "(24 or '24%%' for 24%%)",
                     what, key, v, v);
    }
}

/* A rate written as a text with a percent sign ("24%", as the guide allows) is read as the
 * number 24; any other text is refused by api_number, at the key's line. */
static void percent_text_to_number(lua_State *L, int idx, const char *what, const char *key) {
    lua_getfield(L, idx, key);
    if (lua_type(L, -1) == LUA_TSTRING) {
        const char *text = lua_tostring(L, -1);
        char *end;
        double v = strtod(text, &end);
        while (*end == ' ') {
            end++;
        }
        if (end != text && end[0] == '%' && end[1] == '\0') {
            lua_pop(L, 1);
            lua_pushnumber(L, v);
            lua_setfield(L, idx, key);
            return;
        }
        char message[300];
        snprintf(message, sizeof message,
                 "%s: %s must be a number of percent such as 24 or '24%%' (got '%.40s')", what, key,
                 text);
        key_error(L, key, message);
    }
    lua_pop(L, 1);
}

ud_rate api_percent(lua_State *L, int idx, const char *what, const char *key, double def,
                    double min, double max) {
    idx = lua_absindex(L, idx);
    percent_text_to_number(L, idx, what, key);
    double v = api_number(L, idx, what, key, def, min, max);
    api_warn_share(L, idx, what, key, v);
    /* Percent with six decimals is exact in ud_rate units. */
    return (ud_rate)llround(v * (double)UD_RATE_PER_PERCENT);
}
