/* Keeps a script from changing the engine's Lua library under it. A script
 * that sets `string.format = nil`, replaces `getmetatable("").__index` or
 * writes into `sumi.format` would otherwise break every chart and message
 * the engine's own Lua code makes later in the run. Three walls:
 *   - the engine's Lua modules run with an environment of their own, holding
 *     copies of the standard libraries taken before the script starts;
 *   - strings' methods come from such a copy, and getmetatable("") gives a
 *     read-only view of the string metatable;
 *   - the engine's module tables are read-only (their fields live in a
 *     hidden table) and the script's rawset refuses them; the metatables of
 *     the engine's userdata (canvases, datasets) are hidden. */
#include "protect.h"

#include <lauxlib.h>
#include <string.h>

#include "job.h"

#define REG_ENGINE_ENV "sumi.engine_env" /* _ENV of the engine's Lua modules */
#define REG_FROZEN "sumi.frozen"         /* weak set of read-only tables */

/* The standard library tables the engine's modules use; each is copied. */
static const char *const library_names[] = {"string", "table", "math", "utf8", "os", "coroutine"};

static int refuse_write(lua_State *L) {
    return luaL_error(L, "the engine's %s is read-only", lua_tostring(L, lua_upvalueindex(1)));
}

/* Pushes an empty table that reads through to the table at idx and refuses
 * writes; its metatable is hidden (__metatable = false). */
static void push_read_only_view(lua_State *L, int idx, const char *what) {
    idx = lua_absindex(L, idx);
    lua_newtable(L);          /* view */
    lua_createtable(L, 0, 3); /* view mt */
    lua_pushvalue(L, idx);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, what);
    lua_pushcclosure(L, refuse_write, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2); /* view */
}

static void copy_table(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
}

static int is_frozen(lua_State *L, int idx) {
    lua_getfield(L, LUA_REGISTRYINDEX, REG_FROZEN);
    lua_pushvalue(L, idx);
    int frozen = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    return frozen;
}

/* The script's rawset: as Lua's, but not on the engine's module tables,
 * whose hidden fields a raw field would shadow. */
static int guarded_rawset(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    if (is_frozen(L, 1))
        return luaL_error(L, "bad argument #1 to 'rawset' (the engine's modules are read-only)");
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/* next() over the hidden table; the script's own `next` may be anything. */
/* The script's getmetatable: userdata are all the engine's (a script cannot
 * make one), and their metatables hold __publish, __discard and __gc, which
 * a script must not replace; it gets false, as for a protected metatable. */
static int guarded_getmetatable(lua_State *L) {
    luaL_checkany(L, 1);
    if (lua_type(L, 1) == LUA_TUSERDATA) {
        lua_pushboolean(L, 0);
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    return 1;
}

static int frozen_next(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    if (lua_next(L, 1))
        return 2;
    lua_pushnil(L);
    return 1;
}

static int frozen_pairs(lua_State *L) {
    lua_pushcfunction(L, frozen_next);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushnil(L);
    return 3;
}

static int frozen_len(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)luaL_len(L, lua_upvalueindex(1)));
    return 1;
}

void sumi_protect_setup(lua_State *L) {
    int top = lua_gettop(L);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_FROZEN);

    /* The engine's environment: every global as it is now, before any
     * script code ran, with the library tables copied. */
    lua_pushglobaltable(L);
    copy_table(L, -1); /* G env */
    for (size_t i = 0; i < sizeof library_names / sizeof library_names[0]; i++) {
        if (lua_getfield(L, -2, library_names[i]) != LUA_TTABLE) {
            lua_pop(L, 1);
            continue;
        }
        copy_table(L, -1); /* G env lib copy */
        lua_setfield(L, -3, library_names[i]);
        lua_pop(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "_G");
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_ENGINE_ENV); /* G env */

    /* Strings' methods come from the engine's copy of the string library,
     * which the script cannot reach; getmetatable("") shows a read-only
     * view whose __index is itself a read-only view of that copy. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1); /* G env "" mt */
    lua_getfield(L, -3, "string");
    lua_setfield(L, -2, "__index");
    lua_createtable(L, 0, 1); /* G env "" mt shown */
    lua_getfield(L, -4, "string");
    push_read_only_view(L, -1, "string library");
    lua_setfield(L, -3, "__index");
    lua_pop(L, 1);
    push_read_only_view(L, -1, "string metatable"); /* G env "" mt shown view */
    lua_setfield(L, -3, "__metatable");
    lua_pop(L, 3); /* G env */

    lua_pushcfunction(L, guarded_rawset);
    lua_setfield(L, -3, "rawset");
    lua_getfield(L, -2, "getmetatable");
    lua_pushcclosure(L, guarded_getmetatable, 1);
    lua_setfield(L, -3, "getmetatable");
    lua_settop(L, top);
}

void sumi_push_library(lua_State *L, const char *name) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_ENGINE_ENV) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_getglobal(L, name); /* a bare state (a C test): nothing to guard */
        return;
    }
    lua_getfield(L, -1, name);
    lua_remove(L, -2);
}

void sumi_protect_chunk(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, REG_ENGINE_ENV);
    if (lua_setupvalue(L, -2, 1) == NULL)
        lua_pop(L, 1); /* a chunk always has _ENV as its one upvalue */
}

/* How many single-character edits make a into b (for "did you mean"). */
static size_t edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return (size_t)-1;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t above = row[j];
            size_t best = diagonal + (a[i - 1] != b[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[lb];
}

/* sumi check: a module field the script reads that does not exist is an
 * error at its line ("sumi.chart has no 'barr'; did you mean 'bar'?"),
 * not a nil that fails later as "attempt to call a nil value". The
 * engine's own chunks may still probe for a field. Upvalues: the backing
 * table, the module's name. */
static int strict_index(lua_State *L) {
    lua_pushvalue(L, 2);
    lua_gettable(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1) || lua_type(L, 2) != LUA_TSTRING)
        return 1;
    lua_Debug ar;
    if (!lua_getstack(L, 1, &ar) || !lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0 ||
        sumi_engine_chunk(ar.source))
        return 1;
    const char *key = lua_tostring(L, 2), *best = NULL;
    size_t best_distance = 3; /* suggestions within two edits */
    lua_pushnil(L);
    while (lua_next(L, lua_upvalueindex(1)) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            size_t d = edit_distance(key, lua_tostring(L, -1));
            if (d < best_distance) {
                best_distance = d;
                best = lua_tostring(L, -1);
            }
        }
    }
    if (best != NULL)
        return luaL_error(L, "%s has no '%s'; did you mean '%s'?",
                          lua_tostring(L, lua_upvalueindex(2)), key, best);
    return luaL_error(L, "%s has no '%s'", lua_tostring(L, lua_upvalueindex(2)), key);
}

void sumi_protect_module(lua_State *L, int idx, const char *name) {
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) != LUA_TTABLE || is_frozen(L, idx))
        return;
    /* A module that is also its objects' metatable (sumi.drawing) must keep
     * its fields raw: Lua looks metamethods up with rawget. */
    if (lua_getfield(L, idx, "__index") != LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    /* Move the fields (and any metatable, such as sumi's lazy loader) to a
     * hidden table the module table reads through. */
    copy_table(L, idx); /* backing */
    if (lua_getmetatable(L, idx)) {
        lua_setmetatable(L, -2);
    }
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, idx); /* clearing an existing field keeps next valid */
    }
    lua_createtable(L, 0, 6); /* backing mt */
    /* Metamethods the module relied on (a mark's __call) keep working. */
    if (lua_getmetatable(L, idx)) {
        static const char *const kept[] = {"__call", "__tostring", "__name"};
        for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
            lua_getfield(L, -1, kept[i]);
            lua_setfield(L, -3, kept[i]);
        }
        lua_pop(L, 1);
    }
    lua_pushvalue(L, -2);
    if (sumi_job_checking(L)) {
        lua_pushstring(L, name);
        lua_pushcclosure(L, strict_index, 2);
    }
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "module");
    lua_pushcclosure(L, refuse_write, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushvalue(L, -2);
    lua_pushcclosure(L, frozen_pairs, 1);
    lua_setfield(L, -2, "__pairs");
    lua_pushvalue(L, -2);
    lua_pushcclosure(L, frozen_len, 1);
    lua_setfield(L, -2, "__len");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, idx);
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_FROZEN);
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}
