/* The C modules a script reaches through `require`. */
#ifndef SUMI_MODULES_H
#define SUMI_MODULES_H

#include <lua.h>

int luaopen_sumi_canvas(lua_State *L);
int luaopen_sumi_text(lua_State *L);
int luaopen_sumi_data(lua_State *L);
int luaopen_sumi_fonts(lua_State *L);
int luaopen_sumi_runtime(lua_State *L);
int luaopen_sumi_numeric(lua_State *L);
int luaopen_sumi_path(lua_State *L);

#endif
