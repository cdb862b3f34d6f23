/* sumi.internal.zip: the zip packages of Office files (a PowerPoint deck is
 * an Open Packaging Conventions package, ECMA-376 Part 2: XML parts and
 * media in a zip). The engine's Lua composes the parts; this writes them
 * with libzip as one output of the run, published with the others when the
 * script succeeds (core/output.c).
 *
 *   local pkg = zip.package(path, "pptx")   -- nil path: the run's default
 *   pkg:add("ppt/slides/slide1.xml", xml)   -- deflated
 *   pkg:add("ppt/media/image1.png", png, true)   -- stored: already compressed
 *   pkg:close()
 *
 * Same parts, same bytes: entries keep the order they were added in and all
 * carry one timestamp, SOURCE_DATE_EPOCH's when it is set (APPNOTE 4.4.6:
 * MS-DOS date and time, read here as UTC, clamped to 1980, the first year
 * the format has).
 *
 * Ownership: the package userdata owns its output; the parts' bytes are Lua
 * strings kept alive in the userdata's user value until close. */
#include <errno.h>
#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "access.h"
#include "job.h"
#include "options.h"
#include "output.h"
#include "zip_package.h"

#define ZIP_PACKAGE_TYPE "sumi.zip_package"

/* Excel and PowerPoint cap a part name at 255 characters, and libzip at
 * what a central directory entry holds. */
#define PART_NAME_LIMIT 255

typedef struct {
    struct sumi_output output;
    int open; /* parts may be added */
    int parts;
} zip_package;

static zip_package *check_package(lua_State *L) {
    zip_package *p = luaL_checkudata(L, 1, ZIP_PACKAGE_TYPE);
    if (!p->open)
        luaL_error(L, "attempt to use a closed package");
    return p;
}

/* zip.package(path, extension): path nil for the run's default output. */
static int zip_package_new(lua_State *L) {
    const char *ext = luaL_checkstring(L, 2);
    const char *path;
    if (lua_isnoneornil(L, 1)) {
        path = sumi_default_output(L, ext);
    } else {
        path = luaL_checkstring(L, 1);
        lua_pushstring(L, path);
    }
    sumi_check_write(L, path, ext);
    zip_package *p = lua_newuserdatauv(L, sizeof *p, 2);
    memset(p, 0, sizeof *p);
    luaL_setmetatable(L, ZIP_PACKAGE_TYPE);
    int idx = lua_gettop(L);
    lua_newtable(L); /* the parts: {name, bytes, store} in order */
    lua_setiuservalue(L, idx, 1);
    lua_newtable(L); /* their names, each once */
    lua_setiuservalue(L, idx, 2);
    char err[512];
    int failed = sumi_job_checking(L)
                     ? sumi_output_open_discarded(&p->output, path, err, sizeof err)
                     : sumi_output_open(&p->output, path, err, sizeof err);
    if (failed != 0)
        return luaL_error(L, "%s", err);
    sumi_job_announce_temp(L, p->output.temp_path);
    p->open = 1;
    sumi_pending_add(L, idx);
    return 1;
}

/* An OPC part name (ECMA-376 Part 2, 6.2.2): segments of printable ASCII
 * separated by '/', none empty, none "." or "..", none ending in '.'. */
static int valid_part_name(const char *name, size_t len) {
    if (len == 0 || len > PART_NAME_LIMIT || name[0] == '/' || name[len - 1] == '/')
        return 0;
    size_t seg = 0;
    for (size_t i = 0; i <= len; i++) {
        char ch = i < len ? name[i] : '/';
        if (ch == '/') {
            if (seg == 0 || name[i - 1] == '.')
                return 0;
            seg = 0;
        } else if (ch <= ' ' || ch > '~' || ch == '\\' || ch == '%') {
            return 0;
        } else {
            seg++;
        }
    }
    return 1;
}

static int package_add(lua_State *L) {
    zip_package *p = check_package(L);
    size_t len;
    const char *name = luaL_checklstring(L, 2, &len);
    luaL_checktype(L, 3, LUA_TSTRING);
    int store = lua_toboolean(L, 4);
    if (!valid_part_name(name, len))
        return luaL_error(L, "bad part name '%s'", name);
    lua_getiuservalue(L, 1, 2);
    if (lua_getfield(L, -1, name) != LUA_TNIL)
        return luaL_error(L, "part '%s' added twice", name);
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
    lua_getiuservalue(L, 1, 1);
    lua_createtable(L, 3, 0);
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, 1);
    lua_pushvalue(L, 3);
    lua_rawseti(L, -2, 2);
    lua_pushboolean(L, store);
    lua_rawseti(L, -2, 3);
    lua_rawseti(L, -2, ++p->parts);
    return 0;
}

/* The entries' MS-DOS time: SOURCE_DATE_EPOCH, else now, in UTC. */
static void dos_time(zip_uint16_t *dtime, zip_uint16_t *ddate) {
    time_t t = (time_t)sumi_report_time();
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL || tm.tm_year < 80) {
        memset(&tm, 0, sizeof tm);
        tm.tm_year = 80;
        tm.tm_mday = 1;
    }
    if (tm.tm_year > 80 + 127)
        tm.tm_year = 80 + 127;
    *dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    *ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

/* Builds the archive in memory (parts at index top) and writes it to the
 * output's file. NULL, or the message of what failed. */
static const char *write_archive(lua_State *L, zip_package *p, int parts_idx, char *err,
                                 size_t errlen) {
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t *target = zip_source_buffer_create(NULL, 0, 0, &zerr);
    if (target == NULL) {
        snprintf(err, errlen, "%s", zip_error_strerror(&zerr));
        zip_error_fini(&zerr);
        return err;
    }
    zip_source_keep(target); /* read back after zip_close */
    zip_t *za = zip_open_from_source(target, ZIP_TRUNCATE, &zerr);
    if (za == NULL) {
        snprintf(err, errlen, "%s", zip_error_strerror(&zerr));
        zip_error_fini(&zerr);
        zip_source_free(target);
        return err;
    }
    zip_error_fini(&zerr);
    zip_uint16_t dtime, ddate;
    dos_time(&dtime, &ddate);
    const char *failed = NULL;
    for (lua_Integer i = 1; i <= p->parts && failed == NULL; i++) {
        lua_rawgeti(L, parts_idx, i);
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        lua_rawgeti(L, -3, 3);
        const char *name = lua_tostring(L, -3);
        size_t len;
        const char *bytes = lua_tolstring(L, -2, &len);
        int store = lua_toboolean(L, -1);
        /* The bytes stay referenced by the parts table until zip_close. */
        zip_source_t *src = zip_source_buffer(za, bytes, len, 0);
        zip_int64_t at = src != NULL ? zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8) : -1;
        if (at < 0) {
            zip_source_free(src);
            failed = zip_strerror(za);
        } else if (zip_set_file_compression(za, (zip_uint64_t)at,
                                            store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9) != 0 ||
                   zip_file_set_dostime(za, (zip_uint64_t)at, dtime, ddate, 0) != 0) {
            failed = zip_strerror(za);
        }
        if (failed != NULL)
            snprintf(err, errlen, "%s: %s", name, failed);
        lua_pop(L, 4);
    }
    if (failed != NULL) {
        zip_discard(za);
        zip_source_free(target);
        return err;
    }
    if (zip_close(za) != 0) {
        snprintf(err, errlen, "%s", zip_strerror(za));
        zip_discard(za);
        zip_source_free(target);
        return err;
    }
    zip_stat_t st;
    const char *problem = NULL;
    if (zip_source_stat(target, &st) != 0 || zip_source_open(target) != 0) {
        problem = "cannot read the archive back";
    } else {
        char buf[65536];
        zip_int64_t n;
        while (problem == NULL && (n = zip_source_read(target, buf, sizeof buf)) > 0)
            if (fwrite(buf, 1, (size_t)n, p->output.file) != (size_t)n)
                problem = strerror(errno);
        if (problem == NULL && n < 0)
            problem = "cannot read the archive back";
        zip_source_close(target);
    }
    zip_source_free(target);
    if (problem != NULL) {
        snprintf(err, errlen, "%s", problem);
        return err;
    }
    return NULL;
}

/* Writes the package into its temporary file; inside `sumi render` it is
 * published when the whole script has succeeded. */
static int package_close(lua_State *L) {
    zip_package *p = check_package(L);
    p->open = 0;
    lua_getiuservalue(L, 1, 1);
    char err[512];
    const char *failed = write_archive(L, p, lua_gettop(L), err, sizeof err);
    lua_pushnil(L);
    lua_setiuservalue(L, 1, 1); /* the parts' bytes may go */
    lua_pushnil(L);
    lua_setiuservalue(L, 1, 2);
    if (failed != NULL) {
        lua_pushfstring(L, "cannot write '%s': %s", p->output.final_path, failed);
        sumi_output_abort(&p->output);
        sumi_pending_remove(L, 1);
        return lua_error(L);
    }
    sumi_output_written(L, 1, &p->output);
    return 0;
}

static int package_publish(lua_State *L) {
    zip_package *p = luaL_checkudata(L, 1, ZIP_PACKAGE_TYPE);
    if (p->open) {
        lua_pushcfunction(L, package_close);
        lua_pushvalue(L, 1);
        lua_call(L, 1, 0);
    }
    sumi_output_publish_written(L, &p->output);
    return 0;
}

static int package_discard(lua_State *L) {
    zip_package *p = luaL_checkudata(L, 1, ZIP_PACKAGE_TYPE);
    p->open = 0;
    sumi_output_abort(&p->output);
    sumi_pending_remove(L, 1);
    return 0;
}

static int package_gc(lua_State *L) {
    zip_package *p = luaL_checkudata(L, 1, ZIP_PACKAGE_TYPE);
    p->open = 0;
    sumi_output_abort(&p->output);
    return 0;
}

static const luaL_Reg zip_functions[] = {
    {"package", zip_package_new},
    {NULL, NULL},
};

static const luaL_Reg package_methods[] = {
    {"add", package_add},
    {"close", package_close},
    {"discard", package_discard},
    {NULL, NULL},
};

static const luaL_Reg package_metamethods[] = {
    {"__gc", package_gc},
    {"__publish", package_publish},
    {"__discard", package_discard},
    {"__index", NULL},
    {NULL, NULL},
};

int luaopen_sumi_internal_zip(lua_State *L) {
    if (luaL_newmetatable(L, ZIP_PACKAGE_TYPE)) {
        luaL_setfuncs(L, package_metamethods, 0);
        luaL_newlib(L, package_methods);
        opt_name_functions(L, "package:", package_methods);
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
    luaL_newlib(L, zip_functions);
    opt_name_functions(L, "zip.", zip_functions);
    return 1;
}
