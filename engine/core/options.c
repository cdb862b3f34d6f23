#include "options.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numtext.h"

static const char *function_name(lua_State *L) {
    lua_Debug ar;
    if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "n", &ar) && ar.name != NULL)
        return ar.name;
    return "?";
}

void opt_check_keys(lua_State *L, int idx, const char *const keys[]) {
    if (idx == 0 || lua_isnoneornil(L, idx))
        return;
    luaL_checktype(L, idx, LUA_TTABLE);
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
            luaL_Buffer b;
            luaL_buffinit(L, &b);
            for (int i = 0; keys[i] != NULL; i++) {
                if (i > 0)
                    luaL_addstring(&b, ", ");
                luaL_addstring(&b, keys[i]);
            }
            luaL_pushresult(&b);
            const char *valid = lua_tostring(L, -1);
            if (lua_type(L, -2) != LUA_TSTRING)
                luaL_error(L,
                           "bad options to '%s' (keys must be names, got a %s key; valid "
                           "options: %s)",
                           function_name(L), luaL_typename(L, -2), valid);
            const char *name = lua_tostring(L, -2);
            luaL_error(L, "unknown option '%s' to '%s' (valid options: %s)", name, function_name(L),
                       valid);
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

lua_Number opt_number(lua_State *L, int idx, const char *key, lua_Number def, lua_Number min,
                      lua_Number max) {
    int t = push_field(L, idx, key);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return def;
    }
    if (t != LUA_TNUMBER)
        luaL_error(L, "bad option '%s' to '%s' (number expected, got %s)", key, function_name(L),
                   luaL_typename(L, -1));
    lua_Number v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(v >= min && v <= max)) { /* also catches NaN */
        char a[64], b[64], c[64];
        numtext_format(a, sizeof a, min, NUMTEXT_SHORTEST);
        numtext_format(b, sizeof b, max, NUMTEXT_SHORTEST);
        numtext_format(c, sizeof c, v, NUMTEXT_SHORTEST);
        luaL_error(L, "bad option '%s' to '%s' (value in [%s, %s] expected, got %s)", key,
                   function_name(L), a, b, c);
    }
    return v;
}

const char *opt_string(lua_State *L, int idx, const char *key, const char *def) {
    int t = push_field(L, idx, key);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return def;
    }
    if (t != LUA_TSTRING)
        luaL_error(L, "bad option '%s' to '%s' (string expected, got %s)", key, function_name(L),
                   luaL_typename(L, -1));
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
        luaL_error(L, "bad option '%s' to '%s' (boolean expected, got %s)", key, function_name(L),
                   luaL_typename(L, -1));
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

int opt_enum(lua_State *L, int idx, const char *key, int def, const char *const names[]) {
    const char *s = opt_string(L, idx, key, NULL);
    if (s == NULL)
        return def;
    for (int i = 0; names[i] != NULL; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; names[i] != NULL; i++) {
        if (i > 0)
            luaL_addstring(&b, ", ");
        luaL_addchar(&b, '\'');
        luaL_addstring(&b, names[i]);
        luaL_addchar(&b, '\'');
    }
    luaL_pushresult(&b);
    return luaL_error(L, "bad option '%s' to '%s' (one of %s expected, got '%s')", key,
                      function_name(L), lua_tostring(L, -1), s);
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

void set_number_field(lua_State *L, const char *key, double value) {
    lua_pushnumber(L, value);
    lua_setfield(L, -2, key);
}
