/* Scratch blocks (scratch.h). The release function is stored after the
 * block, at the userdata's end, so that the block itself starts where Lua
 * aligned the userdata and __gc finds the function from the length. */
#include "scratch.h"

#include <lauxlib.h>
#include <string.h>

static int scratch_gc(lua_State *L) {
    unsigned char *block = lua_touserdata(L, 1);
    sumi_scratch_release release;
    memcpy(&release, block + lua_rawlen(L, 1) - sizeof release, sizeof release);
    if (release != NULL)
        release(block);
    return 0;
}

void *sumi_scratch_push(lua_State *L, size_t size, sumi_scratch_release release,
                        const char *tname) {
    unsigned char *block = lua_newuserdatauv(L, size + sizeof release, 0);
    memset(block, 0, size);
    memcpy(block + size, &release, sizeof release);
    if (luaL_newmetatable(L, tname != NULL ? tname : "sumi.scratch")) {
        lua_pushcfunction(L, scratch_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return block;
}
