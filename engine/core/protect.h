/* Walls between a report script and the engine's own Lua library (see
 * protect.c). */
#ifndef SUMI_PROTECT_H
#define SUMI_PROTECT_H

#include <lua.h>

/* Once the state's globals are complete and before any script code runs:
 * captures the engine's environment and protects the string metatable. */
void sumi_protect_setup(lua_State *L);
/* Pushes the engine's copy of a standard library ("table"), which the
 * script cannot have changed. */
void sumi_push_library(lua_State *L, const char *name);
/* Gives the chunk on top of the stack the engine's environment as _ENV. */
void sumi_protect_chunk(lua_State *L);
/* Makes the engine module table at idx (required as name) read-only, in
 * place; under sumi check, reading a field it lacks is an error. */
void sumi_protect_module(lua_State *L, int idx, const char *name);

#endif
