/* One Lua state per fuzzing process, made by the engine (sumi_state_new, as
 * a report's, without the run's limits), and the harness each target writes
 * in Lua. See fuzz_lua.h. */
#include "fuzz_lua.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "runtime.h"

#define HARNESS_KEY "fuzz.harness"

/* Internal errors are matched at the start of the message, after the
 * "chunk:line: " Lua puts first: the engine's own messages quote the input,
 * which may hold any of these words. */
const char fuzz_lua_prelude[] =
    "local internal = {'attempt to ', 'number has no integer representation',\n"
    "  'invalid conversion', 'bad argument #%d+ to \\'format\\'',\n"
    "  'bad argument #%d+ to \\'rep\\''}\n"
    "function expected(err, where)\n"
    "  if type(err) ~= 'string' then error('broken promise: an error that is not a string: '\n"
    "    .. tostring(err), 0) end\n"
    "  local text = err:match('^[^:\\n]*:%d+: (.*)$') or err\n"
    "  for _, p in ipairs(internal) do\n"
    "    if text:find('^' .. p) then error('broken promise: an internal error: ' .. err, 0) end\n"
    "  end\n"
    "  if where and not err:find(where, 1, true) then\n"
    "    error('broken promise: the message does not name ' .. where .. ': ' .. err, 0)\n"
    "  end\n"
    "end\n";

static void die(const char *name, const char *what, const char *msg) {
    fprintf(stderr, "fuzz_%s: %s: %s\n", name, what, msg ? msg : "(no message)");
    abort();
}

/* As die, with a Lua message that may hold NUL bytes (it quotes input). */
static void die_lua(lua_State *L, const char *name, const char *what) {
    size_t len = 0;
    const char *msg = lua_tolstring(L, -1, &len);
    fprintf(stderr, "fuzz_%s: %s: ", name, what);
    if (msg != NULL)
        fwrite(msg, 1, len, stderr);
    fputc('\n', stderr);
    abort();
}

static lua_State *state;

/* As sumi's main does at exit: Pango's caches hold fontconfig patterns that
 * only the font map's release frees (LeakSanitizer reports them otherwise). */
static void close_state(void) {
    if (state != NULL)
        sumi_state_close(state);
    state = NULL;
    sumi_fonts_shutdown();
}

lua_State *fuzz_lua_state(const char *name, const char *harness) {
    if (state != NULL)
        return state;
    lua_State *L = sumi_state_new();
    if (L == NULL)
        die(name, "cannot create a Lua state", "out of memory");
    if (luaL_loadbufferx(L, fuzz_lua_prelude, strlen(fuzz_lua_prelude), "=prelude", "t") !=
            LUA_OK ||
        lua_pcall(L, 0, 0, 0) != LUA_OK)
        die(name, "the prelude fails", lua_tostring(L, -1));
    if (luaL_loadbufferx(L, harness, strlen(harness), "=harness", "t") != LUA_OK ||
        lua_pcall(L, 0, 1, 0) != LUA_OK)
        die(name, "the harness fails to load", lua_tostring(L, -1));
    if (!lua_isfunction(L, -1))
        die(name, "the harness", "returned no function");
    lua_setfield(L, LUA_REGISTRYINDEX, HARNESS_KEY);
    state = L;
    atexit(close_state);
    return L;
}

void fuzz_lua_run(lua_State *L, const char *name, const char *data, size_t size,
                  const char *extra) {
    lua_settop(L, 0);
    lua_getfield(L, LUA_REGISTRYINDEX, HARNESS_KEY);
    lua_pushlstring(L, data, size);
    if (extra != NULL)
        lua_pushstring(L, extra);
    else
        lua_pushnil(L);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK)
        die_lua(L, name, "broken promise");
    /* Garbage from one input (canvases, datasets) is freed before the next:
     * a leak checker run between inputs then sees only real leaks. */
    lua_gc(L, LUA_GCCOLLECT);
}
