/* Which files a report script may read and write. Scripts are semi-trusted
 * and their data untrusted, so a path taken from data (or a typo) must not
 * reach /etc or a colleague's home, nor overwrite a file outside the run's
 * output folders. Both sides of every comparison are canonical (realpath),
 * so neither a symlink nor ".." leads out of an allowed folder. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <lauxlib.h>
#include <limits.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "access.h"
#include "job.h"
#include "output.h"
#include "stack.h"

#define REG_READ_ROOTS "sumi.read_roots"   /* canonical folders a script reads */
#define REG_WRITE_ROOTS "sumi.write_roots" /* canonical folders it writes */
#define REG_MAX_INPUT "sumi.max_input_mib" /* --max-input-size; absent: none */

/* The absolute, symlink-free form of path, malloc'd: realpath of its longest
 * existing prefix followed by the components that do not exist yet (they can
 * be no symlink: nothing is there). NULL when a missing component is "..",
 * whose meaning would depend on folders not made yet, or out of memory. */
static char *canonical(const char *path) {
    char *abs;
    if (path[0] == '/') {
        abs = strdup(path);
    } else {
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd) == NULL)
            return NULL;
        abs = malloc(strlen(cwd) + strlen(path) + 2);
        if (abs != NULL)
            sprintf(abs, "%s/%s", cwd, path);
    }
    if (abs == NULL)
        return NULL;
    size_t len = strlen(abs);
    char *rest = calloc(1, len + 1); /* the missing tail, "/a/b" */
    if (rest == NULL) {
        free(abs);
        return NULL;
    }
    char *result = NULL;
    for (;;) {
        char *real = realpath(abs[0] != '\0' ? abs : "/", NULL);
        if (real != NULL) {
            result = malloc(strlen(real) + strlen(rest) + 1);
            if (result != NULL)
                sprintf(result, "%s%s", strcmp(real, "/") == 0 && rest[0] ? "" : real, rest);
            free(real);
            break;
        }
        char *slash = strrchr(abs, '/');
        if (slash == NULL)
            break;
        const char *part = slash + 1;
        if (strcmp(part, "..") == 0)
            break;
        if (part[0] != '\0' && strcmp(part, ".") != 0) {
            size_t plen = strlen(part);
            memmove(rest + plen + 1, rest, strlen(rest) + 1);
            rest[0] = '/';
            memcpy(rest + 1, part, plen);
        }
        *slash = '\0';
    }
    free(abs);
    free(rest);
    return result;
}

static int is_under(const char *path, const char *root) {
    size_t n = strlen(root);
    if (strncmp(path, root, n) != 0)
        return 0;
    return path[n] == '\0' || path[n] == '/' || (n > 0 && root[n - 1] == '/');
}

static void add_root(lua_State *L, int table, const char *dir) {
    char *c = canonical(dir);
    if (c == NULL)
        luaL_error(L, "cannot resolve folder '%s'", dir);
    lua_pushstring(L, c);
    free(c);
    lua_rawseti(L, table, (lua_Integer)lua_rawlen(L, table) + 1);
}

void sumi_access_setup(lua_State *L, const struct sumi_access_rules *o) {
    SUMI_STACK_MARK(L);
    if (o->max_input_mib > 0) {
        lua_pushinteger(L, o->max_input_mib);
        lua_setfield(L, LUA_REGISTRYINDEX, REG_MAX_INPUT);
    }
    if (o->trusted)
        return;
    /* Writes: the -o file's folder, reports/, sumi chart's folder,
     * --allow-write. */
    lua_newtable(L);
    int w = lua_gettop(L);
    if (o->output_path != NULL) {
        char *out = sumi_folder_of(o->output_path);
        if (out == NULL)
            luaL_error(L, "out of memory");
        lua_pushstring(L, out);
        free(out);
        add_root(L, w, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    add_root(L, w, "reports");
    if (o->export_directory != NULL)
        add_root(L, w, o->export_directory);
    for (int i = 0; i < o->allow_write_count; i++)
        add_root(L, w, o->allow_write[i]);
    /* Reads: the script's folder, the data/ folder beside it (the flagship
     * in scripts/ reads ../data/), the working folder's data/, --allow-read,
     * and the folders it may write anyway. */
    lua_newtable(L);
    int r = lua_gettop(L);
    char *dir = sumi_folder_of(o->script_path);
    if (dir == NULL)
        luaL_error(L, "out of memory");
    lua_pushfstring(L, "%s/../data", dir);
    add_root(L, r, dir);
    free(dir);
    add_root(L, r, lua_tostring(L, -1));
    lua_pop(L, 1);
    add_root(L, r, "data");
    for (int i = 0; i < o->allow_read_count; i++)
        add_root(L, r, o->allow_read[i]);
    for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, w); i++) {
        lua_rawgeti(L, w, i);
        lua_rawseti(L, r, (lua_Integer)lua_rawlen(L, r) + 1);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, REG_READ_ROOTS);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_WRITE_ROOTS);
    SUMI_STACK_CHECK(L, 0);
}

/* 1 when path is under one of the roots in the registry table key, or when
 * the state has no rules; 0 otherwise. Pushes the canonical path (or the
 * path itself when it cannot be resolved) for the message. */
static int allowed(lua_State *L, const char *key, const char *path) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, key) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_pushstring(L, path);
        return 1;
    }
    char *c = canonical(path);
    lua_pushstring(L, c != NULL ? c : path); /* roots shown */
    int ok = 0;
    if (c != NULL) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -2);
        for (lua_Integer i = 1; i <= n && !ok; i++) {
            lua_rawgeti(L, -2, i);
            ok = is_under(c, lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        free(c);
    }
    lua_remove(L, -2);
    return ok;
}

/* The folder to name in the hint: the file's own folder. */
static const char *hint_folder(lua_State *L, const char *canon) {
    const char *slash = strrchr(canon, '/');
    if (slash == NULL || slash == canon)
        return lua_pushstring(L, "/");
    return lua_pushlstring(L, canon, (size_t)(slash - canon));
}

const char *sumi_resolve_read(lua_State *L, const char *path, const char *call) {
    SUMI_STACK_MARK(L);
    const char *resolved = sumi_resolve_input(L, path);
    if (!allowed(L, REG_READ_ROOTS, resolved)) {
        const char *canon = lua_tostring(L, -1);
        luaL_error(
            L,
            "'%s' may not read '%s' (it is '%s', outside the script's folder, the data "
            "folder beside it, ./data and the output folders; allow it with --allow-read %s)",
            call, path, canon, hint_folder(L, canon));
    }
    lua_pop(L, 1);
    /* Every read passes here, so `sumi render --watch` learns the whole set,
     * files that do not exist yet included: their creation is a change. */
    sumi_job_announce_read(L, resolved);
    SUMI_STACK_CHECK(L, 1);
    return resolved;
}

void sumi_check_write(lua_State *L, const char *path, const char *call) {
    if (!allowed(L, REG_WRITE_ROOTS, path)) {
        /* At the script's line, not the engine module's that opened the
         * file (chart:save writes through the export module). */
        const char *canon = lua_tostring(L, -1);
        const char *hint = hint_folder(L, canon);
        sumi_where_script(L);
        lua_pushfstring(L,
                        "'%s' may not write '%s' (it is '%s', outside the output folders: the -o "
                        "file's folder and ./reports; allow it with --allow-write %s)",
                        call, path, canon, hint);
        lua_concat(L, 2);
        lua_error(L);
    }
    lua_pop(L, 1);
}

void sumi_check_input_file(lua_State *L, const char *file, const char *given, const char *call) {
    struct stat st;
    if (stat(file, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) /* the readers say so themselves */
        return;
    if (!S_ISREG(st.st_mode))
        luaL_error(L, "'%s' reads regular files only ('%s' is %s)", call, given,
                   S_ISFIFO(st.st_mode)  ? "a pipe"
                   : S_ISCHR(st.st_mode) ? "a character device"
                                         : "not a regular file");
    lua_getfield(L, LUA_REGISTRYINDEX, REG_MAX_INPUT);
    lua_Integer mib = lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (mib > 0 && (uintmax_t)st.st_size > (uintmax_t)mib * 1024 * 1024)
        luaL_error(L,
                   "'%s': '%s' is more than %I MiB, past the input size limit of %I MiB; "
                   "raise it with --max-input-size",
                   call, given, (lua_Integer)((uintmax_t)st.st_size >> 20), mib);
}
