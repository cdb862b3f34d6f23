/* Helpers shared by the unit tests: a scratch folder per test, files in it,
 * and running Lua chunks in a bare lua_State (no runtime, no sandbox). Each
 * test file is its own executable, so everything here is static. */
#ifndef SUMI_TEST_SUPPORT_H
#define SUMI_TEST_SUPPORT_H

#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A fresh folder under $TMPDIR (or /tmp); the caller frees the string and
 * removes the folder with remove_tree. */
static inline char *make_temp_dir(void) {
    const char *base = getenv("TMPDIR");
    if (base == NULL || base[0] == '\0')
        base = "/tmp";
    size_t len = strlen(base) + 32;
    char *dir = malloc(len);
    assert_non_null(dir);
    snprintf(dir, len, "%s/sumi-unit-XXXXXX", base);
    assert_non_null(mkdtemp(dir));
    return dir;
}

static inline int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static inline void remove_tree(char *dir) {
    if (dir == NULL)
        return;
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(dir);
}

/* dir/name, malloc'd: the caller frees it. */
static inline char *join_path(const char *dir, const char *name) {
    size_t len = strlen(dir) + strlen(name) + 2;
    char *p = malloc(len);
    assert_non_null(p);
    snprintf(p, len, "%s/%s", dir, name);
    return p;
}

static inline void write_file(const char *path, const char *bytes, size_t len) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* The whole file, NUL-terminated; *len gets its size. NULL if it cannot be
 * opened. */
static inline char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (len != NULL)
        *len = n;
    return buf;
}

static inline int file_exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

/* Number of entries in dir whose name starts with prefix. */
static inline int count_entries(const char *dir, const char *prefix) {
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && strcmp(e->d_name, ".") != 0 &&
            strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

/* A state with the standard libraries; the test opens the modules it needs. */
static inline lua_State *new_state(void) {
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    return L;
}

static inline void set_global_string(lua_State *L, const char *name, const char *value) {
    lua_pushstring(L, value);
    lua_setglobal(L, name);
}

/* Runs a chunk that must succeed; a Lua error fails the test with its
 * message. Results are left on the stack. */
static inline void run_ok(lua_State *L, const char *chunk) {
    if (luaL_dostring(L, chunk) != LUA_OK)
        fail_msg("Lua error: %s\nin chunk:\n%s", lua_tostring(L, -1), chunk);
}

/* Runs a chunk that must fail and returns its error message, which stays on
 * the stack (and so stays alive) until the caller pops it. */
static inline const char *run_error(lua_State *L, const char *chunk) {
    if (luaL_dostring(L, chunk) == LUA_OK)
        fail_msg("chunk succeeded but an error was expected:\n%s", chunk);
    const char *msg = lua_tostring(L, -1);
    assert_non_null(msg);
    return msg;
}

/* Fails unless haystack contains needle, showing both. */
#define assert_contains(haystack, needle)                                                          \
    do {                                                                                           \
        const char *h_ = (haystack), *n_ = (needle);                                               \
        if (h_ == NULL || strstr(h_, n_) == NULL)                                                  \
            fail_msg("expected \"%s\" in \"%s\"", n_, h_ ? h_ : "(null)");                         \
    } while (0)

#endif
