#define _POSIX_C_SOURCE 200809L
#include "job.h"

#include <errno.h>
#include <lauxlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "embedded.h"
#include "output.h"
#include "stack.h"

/* Registry keys. */
#define REG_SCRIPT "sumi.script"         /* script path as given */
#define REG_SCRIPT_DIR "sumi.script_dir" /* its folder */
#define REG_OUTPUT "sumi.output"         /* -o, if any */
#define REG_PENDING "sumi.pending"       /* array of open outputs */
#define REG_DEFER "sumi.defer_publish"   /* true once the run is set up */
#define REG_STRICT "sumi.strict_glyphs"  /* true: tofu is an error */
#define REG_PDFA "sumi.pdfa"             /* true: PDFs are PDF/A-2 by default */
#define REG_CHECKING "sumi.checking"     /* true: sumi check, outputs discarded */
#define REG_BLAME "sumi.blame"           /* "file:line: " warnings name, or nil */
static const char job_key = 'j';         /* light userdata: the struct sumi_job */

void sumi_job_attach(lua_State *L, struct sumi_job *job) {
    lua_pushlightuserdata(L, job);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &job_key);
}

struct sumi_job *sumi_job_of(lua_State *L) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, &job_key);
    struct sumi_job *job = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return job;
}

static const char *registry_string(lua_State *L, const char *key) {
    lua_getfield(L, LUA_REGISTRYINDEX, key);
    const char *s = lua_tostring(L, -1);
    lua_pop(L, 1); /* the registry keeps the string alive */
    return s;
}

void sumi_job_setup(lua_State *L, const char *script_path, const char *output_path,
                    int strict_glyphs) {
    SUMI_STACK_MARK(L);
    lua_pushstring(L, script_path);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_SCRIPT);
    lua_pushboolean(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_DEFER);
    char *dir = sumi_folder_of(script_path);
    lua_pushstring(L, dir ? dir : ".");
    free(dir);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_SCRIPT_DIR);
    if (output_path != NULL) {
        lua_pushstring(L, output_path);
        lua_setfield(L, LUA_REGISTRYINDEX, REG_OUTPUT);
    }
    sumi_set_strict_glyphs(L, strict_glyphs);
    SUMI_STACK_CHECK(L, 0);
}

const char *sumi_job_script(lua_State *L) { return registry_string(L, REG_SCRIPT); }

/* ---- time ---- */

int sumi_source_date_epoch(long long *seconds) {
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde == NULL || sde[0] == '\0')
        return 0;
    if (sde[0] < '0' || sde[0] > '9') /* strtoll would take " 12" and "+12" */
        return -1;
    char *end;
    errno = 0;
    long long v = strtoll(sde, &end, 10);
    if (errno != 0 || *end != '\0' || v >= 253402300800LL) /* 10000-01-01 */
        return -1;
    *seconds = v;
    return 1;
}

long long sumi_report_time(void) {
    long long v;
    return sumi_source_date_epoch(&v) == 1 ? v : (long long)time(NULL);
}

double sumi_monotonic_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int sumi_job_time_up(struct sumi_job *job) {
    if (job == NULL || job->timeout == 0)
        return 0;
    if (!job->time_hit && sumi_monotonic_now() - job->start >= (double)job->timeout)
        job->time_hit = 1;
    return job->time_hit;
}

double sumi_job_time_left(const struct sumi_job *job) {
    if (job == NULL || job->timeout == 0)
        return -1;
    double left = (double)job->timeout - (sumi_monotonic_now() - job->start);
    return left > 0 ? left : 0;
}

/* ---- notices ---- */

void sumi_job_notify(struct sumi_job *job, const char *line) {
    if (job == NULL || job->notify_fd < 0)
        return;
    size_t len = strlen(line), done = 0;
    while (done < len) {
        ssize_t n = write(job->notify_fd, line + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += (size_t)n;
    }
}

void sumi_job_announce_temp(lua_State *L, const char *temp_path) {
    /* A path holding a newline cannot be announced line by line; the
     * output folder's own name then keeps the parent from finding it. */
    if (strchr(temp_path, '\n') != NULL)
        return;
    sumi_job_notify(sumi_job_of(L), lua_pushfstring(L, "T %s\n", temp_path));
    lua_pop(L, 1);
}

void sumi_job_announce_read(lua_State *L, const char *path) {
    struct sumi_job *job = sumi_job_of(L);
    if (job == NULL || !job->notify_reads || strchr(path, '\n') != NULL)
        return;
    sumi_job_notify(job, lua_pushfstring(L, "R %s\n", path));
    lua_pop(L, 1);
}

/* ---- paths and outputs ---- */

size_t sumi_script_stem(const char *script, const char **stem) {
    const char *base = strrchr(script, '/') ? strrchr(script, '/') + 1 : script;
    size_t len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".lua") == 0)
        len -= 4;
    *stem = base;
    return len;
}

const char *sumi_resolve_input(lua_State *L, const char *path) {
    const char *dir = registry_string(L, REG_SCRIPT_DIR);
    if (path[0] == '/' || dir == NULL || strcmp(dir, ".") == 0)
        return lua_pushstring(L, path);
    return lua_pushfstring(L, "%s/%s", dir, path);
}

static const char *extension_of(const char *path) {
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    if (dot == NULL || (slash != NULL && dot < slash))
        return "";
    return dot + 1;
}

const char *sumi_default_output(lua_State *L, const char *extension) {
    const char *given = registry_string(L, REG_OUTPUT);
    if (given != NULL) {
        if (strcasecmp(extension_of(given), extension) != 0)
            luaL_error(L, "output '%s' given with -o is not a .%s file, which this call writes",
                       given, extension);
        return lua_pushstring(L, given);
    }
    const char *script = registry_string(L, REG_SCRIPT);
    if (script == NULL)
        luaL_error(L, "no output path given and no script to name one after");
    const char *stem;
    size_t len = sumi_script_stem(script, &stem);
    lua_pushlstring(L, stem, len);
    lua_pushfstring(L, "reports/%s.%s", lua_tostring(L, -1), extension);
    lua_remove(L, -2);
    return lua_tostring(L, -1);
}

void sumi_pending_add(lua_State *L, int idx) {
    SUMI_STACK_MARK(L);
    idx = lua_absindex(L, idx);
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_PENDING) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, REG_PENDING);
    }
    lua_pushvalue(L, idx);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
    SUMI_STACK_CHECK(L, 0);
}

static int registry_flag(lua_State *L, const char *key) {
    lua_getfield(L, LUA_REGISTRYINDEX, key);
    int on = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return on;
}

int sumi_publish_deferred(lua_State *L) { return registry_flag(L, REG_DEFER); }

void sumi_pending_remove(lua_State *L, int idx) {
    SUMI_STACK_MARK(L);
    idx = lua_absindex(L, idx);
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_PENDING) == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            if (lua_rawequal(L, -1, idx)) {
                lua_pushboolean(L, 0); /* keep the sequence: order is creation order */
                lua_rawseti(L, -3, i);
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    SUMI_STACK_CHECK(L, 0);
}

static int finish_each(lua_State *L, int ok) {
    int status = 0;
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_PENDING) != LUA_TTABLE) {
        lua_pop(L, 1);
        return 0;
    }
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    /* Discarded last first: a folder the first output made is empty, and
     * removed, once the outputs opened in it after are gone. */
    for (lua_Integer k = 1; k <= n; k++) {
        lua_Integer i = ok ? k : n + 1 - k;
        if (lua_rawgeti(L, -1, i) != LUA_TUSERDATA) {
            lua_pop(L, 1);
            continue;
        }
        /* After a failure, everything is discarded, including outputs that
         * would still publish: a report is all or nothing. */
        const char *method = (ok && status == 0) ? "__publish" : "__discard";
        if (luaL_getmetafield(L, -1, method) == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        lua_insert(L, -2);
        if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
            fprintf(stderr, "sumi: %s\n", lua_tostring(L, -1));
            lua_pop(L, 1);
            status = 1;
        }
    }
    lua_pop(L, 1);
    if (ok && status != 0)
        finish_each(L, 0);
    return status;
}

void sumi_output_written(lua_State *L, int idx, struct sumi_output *out) {
    char err[512];
    if (sumi_output_finish(out, err, sizeof err) != 0) {
        sumi_pending_remove(L, idx);
        luaL_error(L, "%s", err);
    }
    if (!sumi_publish_deferred(L)) {
        sumi_pending_remove(L, idx);
        if (sumi_output_publish(out, err, sizeof err) != 0)
            luaL_error(L, "%s", err);
    }
}

void sumi_output_publish_written(lua_State *L, struct sumi_output *out) {
    char err[512];
    if (sumi_output_is_finished(out) && sumi_output_publish(out, err, sizeof err) != 0)
        luaL_error(L, "%s", err);
}

int sumi_job_finish_pending(lua_State *L, int ok) {
    SUMI_STACK_MARK(L);
    int status = finish_each(L, ok);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_PENDING);
    SUMI_STACK_CHECK(L, 0);
    return status;
}

/* ---- glyphs and warnings ---- */

int sumi_strict_glyphs(lua_State *L) { return registry_flag(L, REG_STRICT); }

void sumi_set_strict_glyphs(lua_State *L, int on) {
    lua_pushboolean(L, on);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_STRICT);
}

int sumi_job_pdfa(lua_State *L) { return registry_flag(L, REG_PDFA); }

int sumi_job_checking(lua_State *L) { return registry_flag(L, REG_CHECKING); }

void sumi_set_job_checking(lua_State *L, int on) {
    lua_pushboolean(L, on);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_CHECKING);
}

void sumi_set_job_pdfa(lua_State *L, int on) {
    lua_pushboolean(L, on);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_PDFA);
}

int sumi_engine_chunk(const char *source) {
    size_t n = strlen(source);
    char name[256];
    if (source[0] != '@' || n < 6 || n - 5 >= sizeof name || strcmp(source + n - 4, ".lua") != 0)
        return 0;
    memcpy(name, source + 1, n - 5);
    name[n - 5] = '\0';
    for (char *p = name; *p; p++)
        if (*p == '/')
            *p = '.';
    return sumi_embedded_find(name) != NULL;
}

void sumi_set_blame(lua_State *L, int idx) {
    lua_pushvalue(L, idx);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_BLAME);
}

void sumi_push_blame(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, REG_BLAME); }

void sumi_where_script(lua_State *L) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_BLAME) == LUA_TSTRING)
        return;
    lua_pop(L, 1);
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 && !sumi_engine_chunk(ar.source)) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
    luaL_where(L, 1);
}

void sumi_warn(lua_State *L, const char *fmt, ...) {
    sumi_where_script(L);
    fprintf(stderr, "sumi: warning: %s", lua_tostring(L, -1));
    lua_pop(L, 1);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
