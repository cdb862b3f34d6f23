/* Loading a `sumi batch` manifest. A manifest is a Lua file, but it is read
 * as data: its chunk runs as text only, under a small instruction and memory
 * cap (so a manifest that loops or grows without end fails at once instead
 * of holding up a scheduled run), in an environment of the pure parts of the
 * standard library only: string, table, math, utf8 and a few basic
 * functions, enough to build 200 jobs in a loop, and nothing that touches
 * files, processes or the clock, or loads code. Any other global is an error
 * naming it, at the manifest's line. */
#define _POSIX_C_SOURCE 200809L
#include "manifest.h"

#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "job.h"
#include "output.h"
#include "runlimits.h"
#include "options.h"
#include "runtime.h"

/* A manifest is a page or two of tables: ten million instructions, ten
 * seconds and 64 MiB are orders of magnitude beyond what one needs. The
 * clock is for what instructions do not count: a string.rep or table.concat
 * of megabytes is one instruction. */
#define MANIFEST_INSTRUCTIONS 10000000
#define MANIFEST_SECONDS 10
#define MANIFEST_MEMORY_MIB 64
#define MANIFEST_MAX_BYTES (4L * 1024 * 1024)
#define HOOK_STEP 10000

/* The manifest's budget, which its thread's hook finds in the registry. */
struct budget {
    long instructions;
    double start;
};
static const char budget_key = 0; /* its address is the registry key */

static void over_budget(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &budget_key);
    struct budget *budget = lua_touserdata(L, -1);
    lua_pop(L, 1);
    budget->instructions += lua_gethookcount(L);
    int too_long = budget->instructions > MANIFEST_INSTRUCTIONS;
    if (!too_long && sumi_monotonic_now() - budget->start <= MANIFEST_SECONDS)
        return;
    /* Stay armed: from now on every instruction raises again, so a pcall in
     * the manifest cannot catch the error and go on. */
    lua_sethook(L, over_budget, LUA_MASKCOUNT, 1);
    if (too_long)
        luaL_error(L, "the manifest runs more than %d instructions (it should only return a table)",
                   MANIFEST_INSTRUCTIONS);
    luaL_error(L, "the manifest runs more than %d s (it should only return a table)",
               MANIFEST_SECONDS);
}

/* What a manifest may use. The libraries are copies, so a manifest that
 * changes them changes nothing of the engine's; the removed functions are
 * not pure: string.dump makes bytecode, math.randomseed() reads the clock
 * and math.random would make the jobs differ from run to run. Not there
 * either: print (stdout is the jobs' and --dry-run's), getmetatable and
 * setmetatable (the string metatable), load, require, io, os, debug,
 * package, coroutine, collectgarbage. */
static const char *const manifest_libraries[] = {"string", "table", "math", "utf8", NULL};
static const char *const manifest_basics[] = {"assert",   "error",    "ipairs", "next",   "pairs",
                                              "pcall",    "rawequal", "rawget", "rawlen", "select",
                                              "tonumber", "tostring", "type",   NULL};
static const char *const manifest_removed[] = {"string.dump", "math.random", "math.randomseed",
                                               NULL};

/* __index of the manifest's environment: every global it does not hold is
 * an error at the manifest's line (luaL_error's level 1 is the Lua function
 * that read the global). Upvalue: what a manifest may use, for the message. */
static int unavailable_global(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "'%s' is not available in a manifest (%s)", lua_tostring(L, 2),
                          lua_tostring(L, lua_upvalueindex(1)));
    return luaL_error(L, "a %s key is not available in a manifest (%s)", luaL_typename(L, 2),
                      lua_tostring(L, lua_upvalueindex(1)));
}

/* __index of a library copy: a removed function is an error naming it; any
 * other missing field is nil, as in Lua. Upvalues: the library's name, what
 * a manifest may use. */
static int unavailable_field(lua_State *L) {
    if (lua_type(L, 2) != LUA_TSTRING)
        return 0;
    const char *lib = lua_tostring(L, lua_upvalueindex(1)), *key = lua_tostring(L, 2);
    size_t len = strlen(lib);
    for (int i = 0; manifest_removed[i] != NULL; i++) {
        const char *r = manifest_removed[i];
        if (strncmp(r, lib, len) == 0 && r[len] == '.' && strcmp(r + len + 1, key) == 0)
            return luaL_error(L, "'%s' is not available in a manifest (%s)", r,
                              lua_tostring(L, lua_upvalueindex(2)));
    }
    return 0;
}

/* Pushes the environment a manifest's chunk runs in. */
static void push_manifest_env(lua_State *L) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "manifests may use ");
    for (int i = 0; manifest_libraries[i] != NULL; i++) {
        luaL_addstring(&b, manifest_libraries[i]);
        luaL_addstring(&b, manifest_libraries[i + 1] == NULL ? " and the basic functions: " : ", ");
    }
    for (int i = 0; manifest_basics[i] != NULL; i++) {
        luaL_addstring(&b, i > 0 ? ", " : "");
        luaL_addstring(&b, manifest_basics[i]);
    }
    luaL_pushresult(&b); /* may */
    int may = lua_gettop(L);
    lua_newtable(L); /* may env */
    for (int i = 0; manifest_basics[i] != NULL; i++) {
        lua_getglobal(L, manifest_basics[i]);
        lua_setfield(L, -2, manifest_basics[i]);
    }
    for (int i = 0; manifest_libraries[i] != NULL; i++) {
        lua_newtable(L); /* may env copy */
        if (lua_getglobal(L, manifest_libraries[i]) == LUA_TTABLE) {
            lua_pushnil(L);
            while (lua_next(L, -2) != 0) { /* may env copy lib key value */
                lua_pushvalue(L, -2);
                lua_insert(L, -2);
                lua_rawset(L, -5);
            }
        }
        lua_pop(L, 1);
        for (int k = 0; manifest_removed[k] != NULL; k++) {
            const char *dot = strchr(manifest_removed[k], '.');
            size_t len = (size_t)(dot - manifest_removed[k]);
            if (strncmp(manifest_removed[k], manifest_libraries[i], len) == 0 &&
                manifest_libraries[i][len] == '\0') {
                lua_pushnil(L);
                lua_setfield(L, -2, dot + 1);
            }
        }
        lua_createtable(L, 0, 1); /* may env copy mt */
        lua_pushstring(L, manifest_libraries[i]);
        lua_pushvalue(L, may);
        lua_pushcclosure(L, unavailable_field, 2);
        lua_setfield(L, -2, "__index");
        lua_setmetatable(L, -2);
        lua_setfield(L, -2, manifest_libraries[i]); /* may env */
    }
    lua_createtable(L, 0, 2); /* may env mt */
    lua_pushvalue(L, may);
    lua_pushcclosure(L, unavailable_global, 1);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_remove(L, may); /* env */
}

/* Runs the manifest's chunk (on top of the stack) in a thread of its own
 * and replaces it with the chunk's first result. The thread's one hook is
 * the budget: the main thread's is the memory limit's, which a refused
 * allocation resets (runlimits.c), and that must not take the budget with
 * it. The budget lives on the C stack: the hook is gone with the thread, as
 * the registry's pointer is never used after this returns. */
static void run_manifest_chunk(lua_State *L) {
    struct budget budget = {0, sumi_monotonic_now()};
    lua_pushlightuserdata(L, &budget);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &budget_key);
    lua_State *co = lua_newthread(L); /* chunk co */
    lua_rotate(L, -2, 1);             /* co chunk */
    lua_xmove(L, co, 1);              /* co */
    lua_sethook(co, over_budget, LUA_MASKCOUNT, HOOK_STEP);
    int results = 0;
    int status = lua_resume(co, L, 0, &results);
    if (status != LUA_OK) {
        if (status == LUA_YIELD) /* nothing a manifest can call yields */
            lua_pushliteral(co, "the manifest yielded");
        lua_xmove(co, L, 1);
        lua_error(L);
    }
    if (results == 0)
        lua_pushnil(co);
    else
        lua_pop(co, results - 1);
    lua_xmove(co, L, 1); /* co data */
    lua_remove(L, -2);   /* data */
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil), so no time zone or timegm() is involved. */
static long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void utc_date(long long epoch, char out[11]) {
    time_t t = (time_t)epoch;
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL)
        memcpy(out, "1970-01-01", 11);
    else
        strftime(out, 11, "%Y-%m-%d", &tm);
}

struct load_context {
    struct sumi_manifest *m;
    const char *dir;
    const char *env_date; /* NULL when SOURCE_DATE_EPOCH is not set */
    const char *today;
};

static char *copy_field(lua_State *L, int idx, const char *key) {
    lua_getfield(L, idx, key);
    char *s = strdup(lua_tostring(L, -1) ? lua_tostring(L, -1) : "");
    lua_pop(L, 1);
    if (s == NULL)
        luaL_error(L, "out of memory");
    return s;
}

/* Protected: loads the file, runs it as data, expands it and copies the
 * jobs into m. Errors are plain messages. */
static int load_protected(lua_State *L) {
    struct load_context *c = lua_touserdata(L, 1);
    struct sumi_manifest *m = c->m;
    lua_settop(L, 0);
    if (luaL_loadfilex(L, m->path, "t") != LUA_OK)
        return lua_error(L);
    push_manifest_env(L); /* chunk env */
    lua_setupvalue(L, 1, 1);
    run_manifest_chunk(L); /* data */
    lua_pushcfunction(L, sumi_require_engine_module);
    lua_pushstring(L, "sumi.internal.manifest");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "expand"); /* data module expand */
    lua_pushvalue(L, 1);
    lua_createtable(L, 0, 3);
    set_string_field(L, "dir", c->dir);
    set_string_field(L, "env_date", c->env_date);
    set_string_field(L, "today", c->today);
    lua_call(L, 2, 2); /* data module date jobs */
    snprintf(m->date, sizeof m->date, "%s", lua_tostring(L, 3));
    int n = (int)lua_rawlen(L, 4);
    m->jobs = calloc((size_t)n + 1, sizeof *m->jobs);
    if (m->jobs == NULL)
        return luaL_error(L, "out of memory");
    for (int i = 0; i < n; i++) {
        struct sumi_batch_job *j = &m->jobs[i];
        lua_rawgeti(L, 4, i + 1); /* ... job */
        int job = lua_gettop(L);
        m->count = i + 1;
        j->name = copy_field(L, job, "name");
        j->script = copy_field(L, job, "script");
        j->output = copy_field(L, job, "output");
        j->where = copy_field(L, job, "where");
        lua_getfield(L, job, "params"); /* ... job params */
        int np = (int)lua_rawlen(L, -1);
        j->params = calloc((size_t)np + 1, sizeof *j->params);
        if (j->params == NULL)
            return luaL_error(L, "out of memory");
        for (int k = 0; k < np; k++) {
            lua_rawgeti(L, -1, k + 1);
            j->params[k] = strdup(lua_tostring(L, -1));
            lua_pop(L, 1);
            if (j->params[k] == NULL)
                return luaL_error(L, "out of memory");
            j->param_count = k + 1;
        }
        lua_settop(L, 4);
    }
    return 0;
}

/* The line of the manifest where `key =` is written first, or 0. A table
 * keeps no positions, so an unknown key is found again in the text: a typo
 * is rarely written twice. */
static int line_of_key(const char *path, const char *key) {
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return 0;
    char *line = NULL;
    size_t size = 0, klen = strlen(key);
    int number = 0, found = 0;
    while (!found && getline(&line, &size, f) >= 0) {
        number++;
        for (const char *p = strstr(line, key); p != NULL && !found; p = strstr(p + 1, key)) {
            int starts =
                p == line || !(p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z') ||
                               (p[-1] >= 'A' && p[-1] <= 'Z') || (p[-1] >= '0' && p[-1] <= '9'));
            const char *q = p + klen;
            if (*q == '"' || *q == '\'')
                q++; /* ["key"] = */
            if (*q == ']')
                q++;
            while (*q == ' ' || *q == '\t')
                q++;
            found = starts && *q == '=' && q[1] != '=';
        }
    }
    free(line);
    fclose(f);
    return found ? number : 0;
}

/* "jobs[3]: unknown key 'outptu' (...)" -> the line of outptu, or 0. */
static int line_of_message(const char *path, const char *msg) {
    const char *k = strstr(msg, "unknown key '");
    if (k == NULL)
        return 0;
    k += strlen("unknown key '");
    const char *end = strchr(k, '\'');
    if (end == NULL || end == k || end - k > 200)
        return 0;
    char key[256];
    memcpy(key, k, (size_t)(end - k));
    key[end - k] = '\0';
    return line_of_key(path, key);
}

static int check_file(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "sumi: cannot open manifest '%s': %s\n", path, strerror(errno));
        return 2;
    }
    if (!S_ISREG(st.st_mode)) {
        fprintf(stderr, "sumi: manifest '%s' is not a regular file\n", path);
        return 2;
    }
    if (st.st_size > MANIFEST_MAX_BYTES) {
        fprintf(stderr, "sumi: %s: a manifest of more than %ld MiB is not data written by hand\n",
                path, MANIFEST_MAX_BYTES >> 20);
        return 2;
    }
    return 0;
}

/* The date SOURCE_DATE_EPOCH gives, if set: 1 (date and epoch filled), 0
 * unset, -1 malformed (message printed). */
static int env_epoch(long long *epoch, char date[11]) {
    int given = sumi_source_date_epoch(epoch);
    if (given < 0)
        fprintf(stderr, "sumi: SOURCE_DATE_EPOCH must be a count of seconds, got '%s'\n",
                getenv("SOURCE_DATE_EPOCH"));
    else if (given > 0)
        utc_date(*epoch, date);
    return given;
}

int sumi_manifest_load(const char *path, struct sumi_manifest *m) {
    memset(m, 0, sizeof *m);
    int status = check_file(path);
    if (status != 0)
        return status;
    char env_date[11], today[11];
    long long epoch = 0;
    int from_env = env_epoch(&epoch, env_date);
    if (from_env < 0)
        return 2;
    utc_date((long long)time(NULL), today);
    m->path = strdup(path);
    char *dir = sumi_folder_of(path);
    lua_State *L = sumi_state_new();
    if (m->path == NULL || dir == NULL || L == NULL) {
        fprintf(stderr, "sumi: out of memory\n");
        free(dir);
        if (L != NULL)
            sumi_state_close(L);
        return 2;
    }
    sumi_limits_arm(L, MANIFEST_MEMORY_MIB, 0);
    struct load_context c = {m, dir, from_env ? env_date : NULL, today};
    lua_pushcfunction(L, load_protected);
    lua_pushlightuserdata(L, &c);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        struct sumi_limits *lim = sumi_limits_of(L);
        if (msg == NULL)
            msg = "the manifest raised an error that is not a message";
        if (lim != NULL &&
            (lim->memory_hit || (lim->refused && strstr(msg, "not enough memory") != NULL)))
            fprintf(stderr, "sumi: %s: the manifest takes more than %d MiB\n", path,
                    MANIFEST_MEMORY_MIB);
        else if (strncmp(msg, path, strlen(path)) == 0)
            fprintf(stderr, "sumi: %s\n", msg); /* already "path:line: ..." */
        else {
            int line = line_of_message(path, msg);
            if (line > 0)
                fprintf(stderr, "sumi: %s:%d: %s\n", path, line, msg);
            else
                fprintf(stderr, "sumi: %s: %s\n", path, msg);
        }
        status = 2;
    }
    sumi_state_close(L);
    free(dir);
    if (status != 0)
        return status;
    if (from_env) {
        m->epoch = epoch;
        m->epoch_is_env = 1;
    } else {
        int y, mo, d;
        sscanf(m->date, "%d-%d-%d", &y, &mo, &d);
        m->epoch = days_from_civil(y, mo, d) * 86400;
    }
    for (int i = 0; i < m->count; i++) {
        if (access(m->jobs[i].script, R_OK) != 0) {
            fprintf(stderr,
                    "sumi: %s: %s: script '%s' not found (paths are taken from the "
                    "manifest's folder)\n",
                    path, m->jobs[i].where, m->jobs[i].script);
            return 2;
        }
    }
    return 0;
}

void sumi_manifest_free(struct sumi_manifest *m) {
    for (int i = 0; i < m->count; i++) {
        struct sumi_batch_job *j = &m->jobs[i];
        free(j->name);
        free(j->script);
        free(j->output);
        free(j->where);
        for (int k = 0; k < j->param_count; k++)
            free(j->params[k]);
        free(j->params);
    }
    free(m->jobs);
    free(m->path);
    memset(m, 0, sizeof *m);
}
