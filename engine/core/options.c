#include "options.h"

#include <lauxlib.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "job.h"
#include "numtext.h"

/* Public names of the C functions ("canvas.png", "canvas:text"), keyed by
 * the function itself, so that a message names what the script called even
 * through pcall or a local alias, where Lua itself only knows '?'. */
static const char REG_PUBLIC_NAMES[] = "sumi.public_names";

void opt_name_functions(lua_State *L, const char *owner, const luaL_Reg *functions) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_PUBLIC_NAMES) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, REG_PUBLIC_NAMES);
    }
    for (const luaL_Reg *f = functions; f->name != NULL; f++) {
        if (f->func == NULL)
            continue;
        lua_pushcfunction(L, f->func);
        if (lua_rawget(L, -2) == LUA_TNIL) {
            lua_pushcfunction(L, f->func);
            lua_pushfstring(L, "%s%s", owner, f->name);
            lua_rawset(L, -4);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

const char *opt_function_name(lua_State *L) {
    lua_Debug ar;
    if (!lua_getstack(L, 0, &ar))
        return "?";
    const char *name = NULL;
    if (lua_getinfo(L, "f", &ar)) {
        if (lua_getfield(L, LUA_REGISTRYINDEX, REG_PUBLIC_NAMES) == LUA_TTABLE) {
            lua_pushvalue(L, -2);
            if (lua_rawget(L, -2) == LUA_TSTRING)
                name = lua_tostring(L, -1); /* kept alive by the registry table */
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    }
    if (name == NULL && lua_getinfo(L, "n", &ar) && ar.name != NULL)
        name = ar.name;
    return name != NULL ? name : "?";
}

/* As sumi.internal.errors.show does: the type, then the value when it is
 * the same on every run (string "12", number 3, boolean false, nil, table). */
void opt_push_shown(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        luaL_addstring(&b, "string \"");
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c == '"' || c == '\\') {
                luaL_addchar(&b, '\\');
                luaL_addchar(&b, (char)c);
            } else if (c < 0x20 || c == 0x7f) {
                char esc[8];
                snprintf(esc, sizeof esc, "\\%u", c);
                luaL_addstring(&b, esc);
            } else {
                luaL_addchar(&b, (char)c);
            }
        }
        luaL_addchar(&b, '"');
        luaL_pushresult(&b);
        break;
    }
    case LUA_TNUMBER:
        if (isnan(lua_tonumber(L, idx))) {
            lua_pushliteral(L, "number nan");
        } else {
            luaL_tolstring(L, idx, NULL);
            lua_pushfstring(L, "number %s", lua_tostring(L, -1));
            lua_remove(L, -2);
        }
        break;
    case LUA_TBOOLEAN:
        lua_pushstring(L, lua_toboolean(L, idx) ? "boolean true" : "boolean false");
        break;
    default:
        lua_pushstring(L, luaL_typename(L, idx));
        break;
    }
}

int opt_raise(lua_State *L, const char *fmt, ...) {
    const char *fn = opt_function_name(L);
    sumi_where_script(L);
    lua_pushfstring(L, "%s: ", fn);
    va_list ap;
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    lua_concat(L, 3);
    return lua_error(L);
}

int opt_fail(lua_State *L, const char *key, const char *what, int value_idx) {
    value_idx = lua_absindex(L, value_idx);
    opt_push_shown(L, value_idx);
    return opt_raise(L, "option '%s' must be %s; got %s", key, what, lua_tostring(L, -1));
}

void opt_check_table(lua_State *L, int idx) {
    if (idx != 0 && !lua_isnoneornil(L, idx) && lua_type(L, idx) != LUA_TTABLE) {
        opt_push_shown(L, idx);
        opt_raise(L, "options must be a table; got %s", lua_tostring(L, -1));
    }
}

void opt_push_joined(lua_State *L, const char *const names[]) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; names[i] != NULL; i++) {
        if (i > 0)
            luaL_addstring(&b, ", ");
        luaL_addstring(&b, names[i]);
    }
    luaL_pushresult(&b);
}

void opt_check_keys(lua_State *L, int idx, const char *const keys[]) {
    if (idx == 0 || lua_isnoneornil(L, idx))
        return;
    opt_check_table(L, idx);
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        lua_pop(L, 1);
        int known = 0;
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            for (int i = 0; keys[i] != NULL; i++)
                if (strcmp(k, keys[i]) == 0)
                    known = 1;
        }
        if (!known) {
            opt_push_joined(L, keys);
            const char *valid = lua_tostring(L, -1);
            if (lua_type(L, -2) != LUA_TSTRING)
                opt_raise(L, "option keys must be names; got a %s key (valid options: %s)",
                          luaL_typename(L, -2), valid);
            opt_raise(L, "unknown option '%s' (valid options: %s)", lua_tostring(L, -2), valid);
        }
    }
}

/* idx 0 means "no options table". */
static int push_field(lua_State *L, int idx, const char *key) {
    if (idx == 0 || lua_type(L, idx) != LUA_TTABLE) {
        lua_pushnil(L);
        return LUA_TNIL;
    }
    return lua_getfield(L, idx, key);
}

int opt_has(lua_State *L, int idx, const char *key) {
    int t = push_field(L, idx, key);
    lua_pop(L, 1);
    return t != LUA_TNIL;
}

void opt_push_range(lua_State *L, lua_Number min, lua_Number max) {
    char a[64], b[64];
    numtext_format(a, sizeof a, min, NUMTEXT_SHORTEST);
    numtext_format(b, sizeof b, max, NUMTEXT_SHORTEST);
    if (min == -HUGE_VAL && max == HUGE_VAL)
        lua_pushstring(L, "a number");
    else if (max == HUGE_VAL)
        lua_pushfstring(L, "a number >= %s", a);
    else if (min == -HUGE_VAL)
        lua_pushfstring(L, "a number <= %s", b);
    else
        lua_pushfstring(L, "a number in [%s, %s]", a, b);
}

lua_Number opt_number(lua_State *L, int idx, const char *key, lua_Number def, lua_Number min,
                      lua_Number max) {
    int t = push_field(L, idx, key);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return def;
    }
    lua_Number v = lua_tonumber(L, -1);
    if (t != LUA_TNUMBER || !(v >= min && v <= max)) { /* also catches NaN */
        opt_push_range(L, min, max);
        opt_fail(L, key, lua_tostring(L, -1), -2);
    }
    lua_pop(L, 1);
    return v;
}

const char *opt_string(lua_State *L, int idx, const char *key, const char *def) {
    int t = push_field(L, idx, key);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return def;
    }
    if (t != LUA_TSTRING)
        opt_fail(L, key, "a string", -1);
    /* The string stays alive: it is referenced from the options table. */
    const char *s = lua_tostring(L, -1);
    lua_pop(L, 1);
    return s;
}

int opt_boolean(lua_State *L, int idx, const char *key, int def) {
    int t = push_field(L, idx, key);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return def;
    }
    if (t != LUA_TBOOLEAN)
        opt_fail(L, key, "a boolean", -1);
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

int opt_enum(lua_State *L, int idx, const char *key, int def, const char *const names[]) {
    int t = push_field(L, idx, key);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return def;
    }
    if (t == LUA_TSTRING) {
        const char *s = lua_tostring(L, -1);
        for (int i = 0; names[i] != NULL; i++) {
            if (strcmp(s, names[i]) == 0) {
                lua_pop(L, 1);
                return i;
            }
        }
    }
    lua_pushstring(L, "one of ");
    opt_push_joined(L, names);
    lua_concat(L, 2);
    return opt_fail(L, key, lua_tostring(L, -1), -2);
}

lua_Number check_finite(lua_State *L, int arg) {
    lua_Number v = luaL_checknumber(L, arg);
    if (!isfinite(v))
        luaL_argerror(L, arg, v != v ? "number expected, got nan" : "finite number expected");
    return v;
}

lua_Number check_number_in(lua_State *L, int arg, const char *what, lua_Number min,
                           lua_Number max) {
    lua_Number v = check_finite(L, arg);
    if (v < min || v > max) {
        char a[64], b[64], c[64];
        numtext_format(a, sizeof a, min, NUMTEXT_SHORTEST);
        numtext_format(b, sizeof b, max, NUMTEXT_SHORTEST);
        numtext_format(c, sizeof c, v, NUMTEXT_SHORTEST);
        lua_pushfstring(L, "%s must be in [%s, %s], got %s", what, a, b, c);
        luaL_argerror(L, arg, lua_tostring(L, -1));
    }
    return v;
}

void set_string_field(lua_State *L, const char *key, const char *value) {
    if (value == NULL)
        return;
    lua_pushstring(L, value);
    lua_setfield(L, -2, key);
}

void set_integer_field(lua_State *L, const char *key, lua_Integer value) {
    lua_pushinteger(L, value);
    lua_setfield(L, -2, key);
}

void set_boolean_field(lua_State *L, const char *key, int value) {
    lua_pushboolean(L, value);
    lua_setfield(L, -2, key);
}

void set_number_field(lua_State *L, const char *key, double value) {
    lua_pushnumber(L, value);
    lua_setfield(L, -2, key);
}
