/* The part the Lua-driven fuzz targets share (fuzz_json.c, fuzz_template.c,
 * fuzz_text.c): one sumi Lua state per process, and a harness written in Lua
 * that calls the engine under pcall and checks what it promises. */
#ifndef SUMI_FUZZ_LUA_H
#define SUMI_FUZZ_LUA_H
#include <lua.h>
#include <stddef.h>

/* The state, made on the first call with the engine's modules and the
 * harness: HARNESS is a Lua chunk returning function(data, extra). The
 * state lives as long as the process (a static pointer, so leak checkers
 * see it reachable). */
lua_State *fuzz_lua_state(const char *name, const char *harness);

/* Calls the harness with the input as a string and EXTRA (or nil). An error
 * out of the harness is a broken promise: it is printed and the process
 * aborts, which libFuzzer reports as a crash. */
void fuzz_lua_run(lua_State *L, const char *name, const char *data, size_t size, const char *extra);

/* Lua source defining `expected(err, where)`, for harnesses: an error the
 * engine raised on purpose is a string that names what and where; one from
 * the engine's own Lua going wrong ("attempt to index a nil value") or from
 * a string.format it fed a value it did not check is a bug. */
extern const char fuzz_lua_prelude[];
#endif
