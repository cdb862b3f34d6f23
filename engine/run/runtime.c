#define _POSIX_C_SOURCE 200809L
#include "runtime.h"

#include <lauxlib.h>
#include <lualib.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "access.h"
#include "canvas.h"
#include "data.h"
#include "embedded.h"
#include "fonts.h"
#include "job.h"
#include "numeric.h"
#include "options.h"
#include "output.h"
#include "presets.h"
#include "protect.h"
#include "runlimits.h"
#include "stack.h"
#include "stop.h"
#include "zip_package.h"

/* Registry keys (the job's own are in core/job.c). */
#define REG_PARAMS "sumi.params"                   /* table of -p values */
#define REG_LOADED "sumi.loaded"                   /* modules already required */
#define REG_EXIT "sumi.exit"                       /* light marker raised by os.exit */
#define REG_CHART_COUNT "sumi.chart_count"         /* charts created so far */
#define REG_UNKNOWN_MEMBERS "sumi.unknown_members" /* sumi check found some */
#define REG_CHARTS "sumi.charts"                   /* array of them, in `sumi chart` only */
#define REG_EXPORTED "sumi.exported"               /* paths `sumi chart` writes */
#define REG_PREVIEWS "sumi.previews"               /* true: documents also write PNG pages */

static const struct {
    const char *name;
    lua_CFunction open;
} c_modules[] = {
    {"sumi.canvas", luaopen_sumi_canvas},
    {"sumi.text", luaopen_sumi_text},
    {"sumi.data", luaopen_sumi_data},
    {"sumi.fonts", luaopen_sumi_fonts},
    {"sumi.runtime", luaopen_sumi_runtime},
    {"sumi.numeric", luaopen_sumi_numeric},
    {"sumi.path", luaopen_sumi_path},
    {"sumi.internal.zip", luaopen_sumi_internal_zip},
    {"sumi.internal.xlsx", luaopen_sumi_internal_xlsx},
};

/* Publishes every output still open. A stop signal (Ctrl-C, SIGTERM,
 * SIGHUP) that comes while they are renamed into place waits until all of
 * them are, so a report is never half new and half old; the run, having
 * finished, then ends as it would have, and the signal is dropped. */
static int publish_pending(lua_State *L) {
    sigset_t before;
    sumi_stop_hold(&before);
    int status = sumi_job_finish_pending(L, 1);
    sumi_stop_unhold_dropping(&before);
    return status;
}

/* ---- require: the engine's modules and script-local Lua files only ---- */

/* Pushes the loader of an embedded module and returns 1, or pushes nothing
 * and returns 0. */
static int load_embedded(lua_State *L, const char *name) {
    SUMI_STACK_MARK(L);
    const struct sumi_embedded_file *f = sumi_embedded_find(name);
    if (f == NULL) {
        lua_pushfstring(L, "%s.init", name);
        f = sumi_embedded_find(lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    if (f == NULL)
        return 0;
    char chunkname[256];
    snprintf(chunkname, sizeof chunkname, "@%s", f->name);
    for (char *p = chunkname + 1; *p; p++)
        if (*p == '.')
            *p = '/';
    strncat(chunkname, ".lua", sizeof chunkname - strlen(chunkname) - 1);
    /* Bytecode, compiled at build time by the same liblua (CMakeLists.txt). */
    if (luaL_loadbufferx(L, f->data, f->size, chunkname, "b") != LUA_OK)
        lua_error(L);
    sumi_protect_chunk(L);
    SUMI_STACK_CHECK(L, 1);
    return 1;
}

/* As load_embedded, for NAME.lua in the script's folder. */
static int load_script_local(lua_State *L, const char *name) {
    SUMI_STACK_MARK(L);
    for (const char *p = name; *p; p++)
        if (!(*p == '.' || *p == '_' || *p == '-' || (*p >= 'a' && *p <= 'z') ||
              (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return 0;
    if (strstr(name, "..") != NULL || name[0] == '.')
        return 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (const char *p = name; *p; p++)
        luaL_addchar(&b, *p == '.' ? '/' : *p);
    luaL_addstring(&b, ".lua");
    luaL_pushresult(&b);
    const char *path = sumi_resolve_input(L, lua_tostring(L, -1));
    if (access(path, R_OK) != 0) {
        lua_pop(L, 2);
        return 0;
    }
    /* The name stays inside the script's folder, but a symlink need not. */
    lua_pop(L, 1);
    path = sumi_resolve_read(L, lua_tostring(L, -1), "require");
    if (luaL_loadfilex(L, path, "t") != LUA_OK)
        lua_error(L);
    lua_replace(L, -3);
    lua_pop(L, 1);
    SUMI_STACK_CHECK(L, 1);
    return 1;
}

/* SUMI_TEST_INTERNALS=1 (the environment, which no script can set) lets the
 * engine's own tests reach the internal modules directly. */
static int internals_open_for_tests(void) {
    const char *v = getenv("SUMI_TEST_INTERNALS");
    return v != NULL && strcmp(v, "1") == 0;
}

/* require(name) for a module of the engine's Lua library or the script's
 * folder; from_engine: the caller is one of the engine's own modules, which
 * alone reach the internal ones (sumi.internal.*). */
static int require_module(lua_State *L, int from_engine) {
    const char *name = luaL_checkstring(L, 1);
    lua_settop(L, 1);
    SUMI_STACK_MARK(L);
    if (!from_engine && strncmp(name, "sumi.internal.", 14) == 0 && !internals_open_for_tests())
        return luaL_error(L,
                          "module '%s' is internal to the engine (scripts use the modules "
                          "docs/API.md describes: 'sumi' and its public parts)",
                          name);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_LOADED); /* name loaded */
    if (lua_getfield(L, 2, name) != LUA_TNIL)
        return 1;
    lua_pop(L, 1);
    int found = 0;
    for (size_t i = 0; i < sizeof c_modules / sizeof c_modules[0]; i++)
        if (strcmp(name, c_modules[i].name) == 0) {
            lua_pushcfunction(L, c_modules[i].open);
            found = 1;
        }
    if (!found)
        found = load_embedded(L, name);
    int engine_module = found;
    if (!found)
        found = load_script_local(L, name);
    if (!found)
        return luaL_error(L,
                          "module '%s' not found (the engine's modules are 'sumi' and "
                          "'sumi.*'; other modules are .lua files in the script's folder)",
                          name);
    SUMI_STACK_CHECK(L, 2); /* name loaded loader */
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1); /* name loaded result */
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    if (engine_module)
        sumi_protect_module(L, -1, name);
    lua_pushvalue(L, -1);
    lua_setfield(L, 2, name);
    SUMI_STACK_CHECK(L, 2);
    return 1;
}

/* The global require: the function that calls it is the engine's only when
 * it is a chunk of the embedded library (a pcall(require, ...) from a
 * script is the script's). */
static int engine_require(lua_State *L) {
    lua_Debug ar;
    int from_engine = lua_getstack(L, 1, &ar) && lua_getinfo(L, "S", &ar) && ar.what[0] != 'C' &&
                      sumi_engine_chunk(ar.source);
    return require_module(L, from_engine);
}

/* require for the engine itself (preloading the library, sumi chart's
 * export, sumi batch's manifests). */
int sumi_require_engine_module(lua_State *L) { return require_module(L, 1); }

/* load() that only accepts text: binary chunks can crash Lua 5.4.4. */
static int text_only_load(lua_State *L) {
    int n = lua_gettop(L);
    /* The engine's chunk names are its own: a script's chunk named like one
     * would be taken for the engine (require, warnings' positions). */
    if (n >= 2 && lua_type(L, 2) == LUA_TSTRING && sumi_engine_chunk(lua_tostring(L, 2)))
        return luaL_argerror(L, 2, "chunk names of the engine's modules are reserved");
    if (n >= 3 && !lua_isnil(L, 3) && strcmp(luaL_checkstring(L, 3), "t") != 0)
        return luaL_argerror(L, 3, "only text chunks ('t') can be loaded");
    if (n < 3)
        lua_settop(L, 3);
    lua_pushstring(L, "t");
    lua_replace(L, 3);
    lua_getfield(L, LUA_REGISTRYINDEX, "sumi.raw_load");
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static int engine_exit(lua_State *L) {
    int code;
    if (lua_isnoneornil(L, 1) || lua_isboolean(L, 1))
        code = (lua_isnoneornil(L, 1) || lua_toboolean(L, 1)) ? 0 : 1;
    else
        code = (int)luaL_checkinteger(L, 1);
    lua_newtable(L);
    lua_pushinteger(L, code);
    lua_setfield(L, -2, "code");
    lua_pushlightuserdata(L, (void *)&c_modules);
    lua_setfield(L, -2, REG_EXIT);
    return lua_error(L);
}

/* collectgarbage without the options that change the collector: a script
 * that stops it ("stop") or retunes it ("incremental", "generational",
 * "setpause"...) would change how the memory limit sees the run, and the
 * engine's own state. Counting and collecting stay. */
static int sandboxed_collectgarbage(lua_State *L) {
    static const char *const allowed[] = {"collect", "count", "step", "isrunning", NULL};
    const char *option = luaL_optstring(L, 1, "collect");
    int known = 0;
    for (int i = 0; allowed[i] != NULL; i++)
        if (strcmp(option, allowed[i]) == 0)
            known = 1;
    if (!known)
        return luaL_error(L,
                          "collectgarbage('%s') is not available in the sandbox (collect, count, "
                          "step and isrunning are)",
                          option);
    lua_getfield(L, LUA_REGISTRYINDEX, "sumi.raw_collectgarbage");
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static void remove_field(lua_State *L, const char *table, const char *field) {
    lua_getglobal(L, table);
    lua_pushnil(L);
    lua_setfield(L, -2, field);
    lua_pop(L, 1);
}

void sumi_state_close(lua_State *L) { sumi_limits_state_close(L); }

lua_State *sumi_state_new(void) {
    lua_State *L = sumi_limits_state_new();
    if (L == NULL)
        return NULL;
    SUMI_STACK_MARK(L);
    /* By name, never luaL_openlibs: package (loadlib), io and debug stay out
     * of reach (CVE-2022-0543 came from a reachable package.loadlib). */
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},       {LUA_COLIBNAME, luaopen_coroutine},
        {LUA_TABLIBNAME, luaopen_table}, {LUA_STRLIBNAME, luaopen_string},
        {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8},
        {LUA_OSLIBNAME, luaopen_os},     {NULL, NULL},
    };
    for (const luaL_Reg *lib = libs; lib->func != NULL; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    static const char *const os_removed[] = {"execute", "remove",    "rename", "tmpname",
                                             "getenv",  "setlocale", NULL};
    for (int i = 0; os_removed[i] != NULL; i++)
        remove_field(L, "os", os_removed[i]);
    remove_field(L, "string", "dump");
    lua_getglobal(L, "collectgarbage");
    lua_setfield(L, LUA_REGISTRYINDEX, "sumi.raw_collectgarbage");
    lua_pushcfunction(L, sandboxed_collectgarbage);
    lua_setglobal(L, "collectgarbage");
    lua_pushnil(L);
    lua_setglobal(L, "dofile");
    lua_pushnil(L);
    lua_setglobal(L, "loadfile");
    lua_getglobal(L, "load");
    lua_setfield(L, LUA_REGISTRYINDEX, "sumi.raw_load");
    lua_pushcfunction(L, text_only_load);
    lua_setglobal(L, "load");
    lua_getglobal(L, "os");
    lua_pushcfunction(L, engine_exit);
    lua_setfield(L, -2, "exit");
    lua_pop(L, 1);
    /* math.random starts from a fixed seed, so a script that uses it still
     * writes the same bytes on every run; math.randomseed() is there for
     * scripts that want otherwise. */
    lua_getglobal(L, "math");
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, 0);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_LOADED);
    lua_pushcfunction(L, engine_require);
    lua_setglobal(L, "require");
    sumi_protect_setup(L);
    SUMI_STACK_CHECK(L, 0);
    return L;
}

/* ---- running a script ---- */

/* The most of an error message that is reported (a script can raise a
 * string of any size). */
#define ERROR_TEXT_LIMIT 4000

static int message_handler(lua_State *L) {
    if (lua_type(L, 1) == LUA_TTABLE) {
        lua_getfield(L, 1, REG_EXIT);
        int is_exit = lua_touserdata(L, -1) == (void *)&c_modules;
        lua_pop(L, 1);
        if (is_exit)
            return 1;
    }
    size_t len = 0;
    const char *msg = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &len) : NULL;
    if (msg == NULL) {
        /* An error object that is not a string: where it was raised, then its
         * text, whatever its __tostring does (raise, recurse without end,
         * give something else than a string). */
        sumi_where_script(L);
        if (luaL_getmetafield(L, 1, "__tostring") == LUA_TNIL) {
            lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        } else {
            lua_pushvalue(L, 1);
            if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
                char why[201];
                snprintf(why, sizeof why, "%s",
                         lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "no message");
                lua_pushfstring(L, "(error object is a %s value whose __tostring failed: %s)",
                                luaL_typename(L, 1), why);
                lua_remove(L, -2);
            } else if (lua_type(L, -1) != LUA_TSTRING) {
                lua_pushfstring(L, "(error object is a %s value whose __tostring gave a %s)",
                                luaL_typename(L, 1), luaL_typename(L, -1));
                lua_remove(L, -2);
            }
        }
        lua_concat(L, 2);
        msg = lua_tolstring(L, -1, &len);
    }
    /* A message of any size is reported, its start and its size. */
    if (len > ERROR_TEXT_LIMIT) {
        lua_pushlstring(L, msg, ERROR_TEXT_LIMIT);
        lua_pushfstring(L, "... (the message goes on: %I bytes in all)", (LUAI_UACINT)len);
        lua_concat(L, 2);
        msg = lua_tostring(L, -1);
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* sumi check: the fields the script reads from sumi's modules, on every
 * line, looked up without running it (sumi.internal.members); each missing
 * one printed as luacheck prints its findings. Returns how many. */
static int report_unknown_members(lua_State *L, const char *script) {
    FILE *f = fopen(script, "rb");
    if (f == NULL)
        return 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        luaL_addlstring(&b, chunk, n);
    fclose(f);
    luaL_pushresult(&b);
    lua_pushcfunction(L, sumi_require_engine_module);
    lua_pushstring(L, "sumi.internal.members");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "find");
    lua_pushvalue(L, -3);
    lua_pushstring(L, script);
    lua_call(L, 2, 1);
    int count = (int)lua_rawlen(L, -1);
    for (int i = 1; i <= count; i++) {
        lua_rawgeti(L, -1, i);
        fprintf(stderr, "%s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 3);
    return count;
}

static int run_main(lua_State *L) {
    const char *script = sumi_job_script(L);
    lua_pushcfunction(L, message_handler);
    int handler = lua_gettop(L);
    if (luaL_loadfilex(L, script, "t") != LUA_OK)
        return lua_error(L);
    if (sumi_job_checking(L) && report_unknown_members(L, script) > 0) {
        lua_pushboolean(L, 1);
        lua_setfield(L, LUA_REGISTRYINDEX, REG_UNKNOWN_MEMBERS);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, REG_PARAMS);
    int status = lua_pcall(L, 1, 0, handler);
    if (status != LUA_OK)
        return lua_error(L);
    return 0;
}

/* After the script: a warning for each document it made and never saved
 * (sumi.internal.unused, loaded only by a script that made one). Not under
 * `sumi chart`, whose run is for the charts. */
static int report_unused(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, REG_LOADED);
    if (lua_getfield(L, -1, "sumi.internal.unused") != LUA_TTABLE)
        return 0;
    lua_getfield(L, -1, "report");
    lua_call(L, 0, 0);
    return 0;
}

static int setup_run(lua_State *L) {
    const struct sumi_run_options *o = lua_touserdata(L, 1);
    SUMI_STACK_MARK(L);
    sumi_job_setup(L, o->script_path, o->output_path, o->strict_glyphs);
    lua_newtable(L);
    for (int i = 0; i < o->param_count; i++) {
        const char *eq = strchr(o->params[i], '=');
        lua_pushlstring(L, o->params[i], (size_t)(eq - o->params[i]));
        lua_pushstring(L, eq + 1);
        lua_settable(L, -3);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, REG_PARAMS);
    lua_pushboolean(L, o->previews);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_PREVIEWS);
    sumi_set_job_pdfa(L, o->pdfa);
    sumi_set_job_checking(L, o->check);
    if (o->export != NULL) {
        lua_newtable(L);
        lua_setfield(L, LUA_REGISTRYINDEX, REG_CHARTS);
    }
    const struct sumi_access_rules rules = {
        .script_path = o->script_path,
        .output_path = o->output_path,
        .export_directory = o->export != NULL ? o->export->directory : NULL,
        .allow_read = o->allow_read,
        .allow_read_count = o->allow_read_count,
        .allow_write = o->allow_write,
        .allow_write_count = o->allow_write_count,
        .trusted = o->trusted,
        .max_input_mib = o->max_input_mib,
    };
    sumi_access_setup(L, &rules);
    SUMI_STACK_CHECK(L, 0);
    return 0;
}

/* Saves every chart the script created through the Lua export module
 * (sumi.internal.export.charts owns the presets, --size and the file
 * names), so the files join the pending outputs and are published all
 * together; the paths it writes go to REG_EXPORTED for print_exported. */
static int export_charts(lua_State *L) {
    const struct sumi_chart_export *e = lua_touserdata(L, 1);
    lua_settop(L, 0);
    lua_pushcfunction(L, sumi_require_engine_module);
    lua_pushstring(L, "sumi.internal.export");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "charts"); /* export charts */
    lua_getfield(L, LUA_REGISTRYINDEX, REG_CHARTS);
    lua_createtable(L, 0, 8); /* export charts list settings */
    set_string_field(L, "script", sumi_job_script(L));
    set_string_field(L, "directory", e->directory);
    lua_createtable(L, e->format_count, 0);
    for (int f = 0; f < e->format_count; f++) {
        lua_pushstring(L, e->formats[f]);
        lua_rawseti(L, -2, f + 1);
    }
    lua_setfield(L, -2, "formats");
    set_string_field(L, "preset", e->preset != NULL ? e->preset : SUMI_DEFAULT_EXPORT_PRESET);
    set_integer_field(L, "width", e->width);
    set_integer_field(L, "height", e->height);
    set_integer_field(L, "dpi", e->dpi);
    set_string_field(L, "background", e->background);
    lua_call(L, 2, 1); /* export paths */
    lua_setfield(L, LUA_REGISTRYINDEX, REG_EXPORTED);
    return 0;
}

static void print_exported(lua_State *L) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_EXPORTED) == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            printf("%s\n", lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

/* Prints the error that ended the run, a limit's message in place of the
 * bare "not enough memory" Lua raises when the allocator refuses. */
static void report_error(lua_State *L, const char *script, const char *msg) {
    const char *explained = sumi_limits_explain(L, msg);
    if (explained == NULL)
        fprintf(stderr, "(error without a message)\n");
    else if (explained != msg)
        fprintf(stderr, "%s: %s\n", script, explained);
    else
        fprintf(stderr, "%s\n", msg);
}

int sumi_run_in_state(lua_State *L, const struct sumi_run_options *options, int notify_fd) {
    if (L == NULL) {
        fprintf(stderr, "sumi: cannot create a Lua state: out of memory\n");
        return 1;
    }
    sumi_limits_of(L)->job.notify_fd = notify_fd;
    sumi_limits_of(L)->job.notify_reads = options->watch != NULL;
    lua_pushcfunction(L, setup_run);
    lua_pushlightuserdata(L, (void *)options);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        fprintf(stderr, "sumi: %s\n", lua_tostring(L, -1));
        sumi_state_close(L);
        return 1;
    }
    sumi_limits_arm(L, options->max_memory_mib, options->timeout);
    lua_pushcfunction(L, run_main);
    int status = lua_pcall(L, 0, 0, 0);
    if (status == LUA_OK && options->export == NULL) { /* sumi chart saves every chart */
        lua_pushcfunction(L, report_unused);
        status = lua_pcall(L, 0, 0, 0);
    }
    int exit_code = 0;
    if (status != LUA_OK) {
        exit_code = 1;
        if (lua_type(L, -1) == LUA_TTABLE) {
            lua_getfield(L, -1, "code");
            int code = (int)lua_tointeger(L, -1);
            lua_pop(L, 1);
            if (code == 0)
                exit_code = 0;
            else
                fprintf(stderr, "%s: script ended with os.exit(%d)\n", options->script_path, code);
        } else {
            report_error(L, options->script_path, lua_tostring(L, -1));
        }
        lua_pop(L, 1);
    }
    if (exit_code == 0 && options->export != NULL) {
        sumi_job_finish_pending(L, 0); /* the script's own outputs are not published */
        lua_pushcfunction(L, export_charts);
        lua_pushlightuserdata(L, (void *)options->export);
        if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
            fprintf(stderr, "sumi: %s\n", sumi_limits_explain(L, lua_tostring(L, -1)));
            lua_pop(L, 1);
            exit_code = 1;
        }
    }
    /* sumi check: a field no sumi module has, found without running the
     * line, fails the check as luacheck's findings do. */
    int unknown_members = lua_getfield(L, LUA_REGISTRYINDEX, REG_UNKNOWN_MEMBERS) == LUA_TBOOLEAN;
    lua_pop(L, 1);
    if (unknown_members)
        exit_code = 1;
    /* A limit hit inside a pcall the script caught still fails the run. */
    struct sumi_limits *lim = sumi_limits_of(L);
    if (lim->refusal_pending) /* refused, and the script ended before the hook ran */
        lim->memory_hit = 1;
    if (exit_code == 0 && (lim->memory_hit || lim->job.time_hit)) {
        report_error(L, options->script_path, "");
        exit_code = 1;
    }
    sumi_limits_disarm(L);
    if (exit_code == 0)
        sumi_limits_notify_publish(L);
    if ((exit_code == 0 ? publish_pending(L) : sumi_job_finish_pending(L, 0)) != 0)
        exit_code = 1;
    if (exit_code == 0 && options->export != NULL)
        print_exported(L);
#if defined(__SANITIZE_ADDRESS__)
    sumi_state_close(L);
#else
    if (!options->leave_state)
        sumi_state_close(L);
#endif
    return exit_code;
}

static int run_in_process(void *arg, int notify_fd) {
    return sumi_run_in_state(sumi_state_new(), arg, notify_fd);
}

/* In a process of its own, the state is left to the process's end
 * (runlimits.c ends the child with _exit once its outputs are out). */
static int run_in_child(void *arg, int notify_fd) {
    struct sumi_run_options options = *(const struct sumi_run_options *)arg;
    options.leave_state = 1;
    return sumi_run_in_state(sumi_state_new(), &options, notify_fd);
}

/* require() of one module, called protected. */
static int preload_one(lua_State *L) {
    lua_pushcfunction(L, sumi_require_engine_module);
    lua_insert(L, 1);
    lua_call(L, 1, 0);
    return 0;
}

lua_State *sumi_state_preloaded(void) {
    lua_State *L = sumi_state_new();
    if (L == NULL)
        return NULL;
    for (const struct sumi_embedded_file *f = sumi_embedded_files; f->name != NULL; f++) {
        /* "sumi" itself reads the run's parameters when it loads. */
        if (strncmp(f->name, "sumi.", 5) != 0 || strcmp(f->name, "sumi.init") == 0)
            continue;
        lua_pushcfunction(L, preload_one);
        lua_pushstring(L, f->name);
        if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
            sumi_state_close(L);
            return sumi_state_new();
        }
    }
    lua_gc(L, LUA_GCCOLLECT);
    return L;
}

int sumi_run_script(const struct sumi_run_options *options) {
    if (options->trusted)
        fprintf(stderr, "sumi: --trusted: %s may read and write any file%s\n", options->script_path,
                options->max_memory_mib || options->timeout
                    ? ""
                    : ", and no memory or time limit applies");
    /* A time limit needs a process of its own: a single long C call
     * (string.find with a pathological pattern, a huge layout) never returns
     * to the hook, so only a parent can stop it. */
    if (options->timeout > 0 || options->watch != NULL)
        return sumi_limits_run_child_watched(options->max_memory_mib, options->timeout,
                                             options->script_path, run_in_child, (void *)options,
                                             options->watch);
    return run_in_process((void *)options, -1);
}

/* ---- sumi.runtime: what a script may know about its run ---- */

static int runtime_params(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, REG_PARAMS);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
    }
    return 1;
}

static int runtime_script(lua_State *L) {
    lua_pushstring(L, sumi_job_script(L));
    return 1;
}

static int runtime_default_output(lua_State *L) {
    sumi_default_output(L, luaL_checkstring(L, 1));
    return 1;
}

static int runtime_resolve(lua_State *L) {
    sumi_resolve_input(L, luaL_checkstring(L, 1));
    return 1;
}

/* The moment a report is "made": SOURCE_DATE_EPOCH when set, so that reruns
 * give the same bytes; otherwise the current time. */
static int runtime_epoch(lua_State *L) {
    long long v;
    if (sumi_source_date_epoch(&v) < 0)
        return luaL_error(L, "SOURCE_DATE_EPOCH must be a count of seconds, got '%s'",
                          getenv("SOURCE_DATE_EPOCH"));
    lua_pushinteger(L, (lua_Integer)sumi_report_time());
    return 1;
}

/* runtime.register_chart(chart) -> n: counts the charts of the run (n is
 * this one's place, from 1) and, in `sumi chart`, keeps it for export. */
static int runtime_register_chart(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_CHART_COUNT);
    lua_Integer n = lua_tointeger(L, -1) + 1;
    lua_pop(L, 1);
    lua_pushinteger(L, n);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_CHART_COUNT);
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_CHARTS) == LUA_TTABLE) {
        lua_pushvalue(L, 1);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    }
    lua_pop(L, 1);
    lua_pushinteger(L, n);
    return 1;
}

/* runtime.strict_glyphs([on]) -> whether a character no font has fails the
 * run; with a boolean, sets it first (for the rest of the run). */
static int runtime_strict_glyphs(lua_State *L) {
    if (!lua_isnone(L, 1)) {
        luaL_checktype(L, 1, LUA_TBOOLEAN);
        sumi_set_strict_glyphs(L, lua_toboolean(L, 1));
    }
    lua_pushboolean(L, sumi_strict_glyphs(L));
    return 1;
}

/* runtime.previews() -> whether `sumi render --previews` asked documents
 * saved as PDF to write their pages as PNGs too. */
static int runtime_previews(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, REG_PREVIEWS);
    lua_pushboolean(L, lua_toboolean(L, -1));
    return 1;
}

/* runtime.blame(where, fn, ...) -> fn(...)'s results. While fn runs,
 * warnings name `where` ("report.lua:12: ", as errors.where gives it), and
 * an error it raises from inside the engine's library is reported there:
 * what a document draws at save time is blamed on the line that added it. */
static int runtime_blame(lua_State *L) {
    luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    int base = lua_gettop(L);
    sumi_push_blame(L); /* saved, at base + 1 */
    sumi_set_blame(L, 1);
    lua_pushvalue(L, 2);
    for (int i = 3; i <= base; i++)
        lua_pushvalue(L, i);
    int status = lua_pcall(L, base - 2, LUA_MULTRET, 0);
    sumi_set_blame(L, base + 1);
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        /* "sumi/internal/layout/blocks.lua:312: cannot read 'logo.png'" */
        if (lua_type(L, -1) == LUA_TSTRING && strncmp(msg, "sumi/", 5) == 0) {
            const char *colon = strstr(msg, ".lua:");
            const char *rest = colon != NULL ? strstr(colon + 5, ": ") : NULL;
            if (rest != NULL) {
                lua_pushvalue(L, 1);
                lua_pushstring(L, rest + 2);
                lua_concat(L, 2);
            }
        }
        return lua_error(L);
    }
    return lua_gettop(L) - (base + 1);
}

/* runtime.pdfa() -> whether `sumi render --pdfa` asked for PDF/A files. */
static int runtime_pdfa(lua_State *L) {
    lua_pushboolean(L, sumi_job_pdfa(L));
    return 1;
}

/* A whole size as an integer, as a Lua literal 720 would be. */
static void push_size(lua_State *L, double v) {
    if (v == (double)(lua_Integer)v)
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushnumber(L, v);
}

/* runtime.chart_presets() -> {{name =, width =, height =, dpi =}, ...}: the
 * chart sizes (core/presets.c), in the order messages list them; the export
 * module (sumi.internal.export) is their one Lua reader. */
static int runtime_chart_presets(lua_State *L) {
    lua_newtable(L);
    for (int i = 0; sumi_presets[i].name != NULL; i++) {
        lua_createtable(L, 0, 4);
        set_string_field(L, "name", sumi_presets[i].name);
        push_size(L, sumi_presets[i].width);
        lua_setfield(L, -2, "width");
        push_size(L, sumi_presets[i].height);
        lua_setfield(L, -2, "height");
        set_integer_field(L, "dpi", sumi_presets[i].dpi);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static int runtime_warn(lua_State *L) {
    sumi_warn(L, "%s", luaL_checkstring(L, 1));
    return 0;
}

static const luaL_Reg runtime_functions[] = {
    {"params", runtime_params},
    {"script", runtime_script},
    {"default_output", runtime_default_output},
    {"resolve", runtime_resolve},
    {"epoch", runtime_epoch},
    {"warn", runtime_warn},
    {"register_chart", runtime_register_chart},
    {"strict_glyphs", runtime_strict_glyphs},
    {"previews", runtime_previews},
    {"pdfa", runtime_pdfa},
    {"blame", runtime_blame},
    {"chart_presets", runtime_chart_presets},
    {NULL, NULL},
};

int luaopen_sumi_runtime(lua_State *L) {
    luaL_newlib(L, runtime_functions);
    opt_name_functions(L, "runtime.", runtime_functions);
    return 1;
}
