/* Build tool: compiles one engine Lua module to bytecode with the liblua the
 * engine links, for embedding (CMakeLists.txt). Loading bytecode skips the
 * parser at every start-up. Debug information stays, so errors in engine
 * modules still name their file and line.
 *
 *   lua_bytecode SOURCE CHUNKNAME OUTPUT     e.g. ... sumi/chart.lua @sumi/chart.lua out */
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>

static int write_chunk(lua_State *L, const void *p, size_t size, void *out) {
    (void)L;
    return fwrite(p, 1, size, out) == size ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: lua_bytecode SOURCE CHUNKNAME OUTPUT\n");
        return 2;
    }
    lua_State *L = luaL_newstate();
    if (L == NULL)
        return 1;
    FILE *in = fopen(argv[1], "rb");
    if (in == NULL) {
        perror(argv[1]);
        lua_close(L);
        return 1;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        luaL_addlstring(&b, buf, n);
    fclose(in);
    luaL_pushresult(&b);
    size_t len;
    const char *source = lua_tolstring(L, -1, &len);
    if (luaL_loadbufferx(L, source, len, argv[2], "t") != LUA_OK) {
        fprintf(stderr, "%s\n", lua_tostring(L, -1));
        lua_close(L);
        return 1;
    }
    FILE *out = fopen(argv[3], "wb");
    int failed = out == NULL || lua_dump(L, write_chunk, out, 0) != 0;
    if (out != NULL && fclose(out) != 0)
        failed = 1;
    if (failed)
        fprintf(stderr, "cannot write %s\n", argv[3]);
    lua_close(L);
    return failed;
}
