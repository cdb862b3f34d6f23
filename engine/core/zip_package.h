/* sumi.internal.zip (zip.c): Office packages written as run outputs. */
#ifndef SUMI_ZIP_PACKAGE_H
#define SUMI_ZIP_PACKAGE_H

#include <lua.h>

int luaopen_sumi_internal_zip(lua_State *L);

#endif
