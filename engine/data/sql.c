/* sumi.data readers: SQLite here, PostgreSQL in postgres.c, and the state
 * and arguments both share (sql_internal.h). A query runs as written, its
 * parameters bound by the library and never spliced into the SQL text, on
 * a connection that can only read. Values keep the type the database gives
 * them; the `types` option converts a column (reader.h, reader.c). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <glib.h>
#include <lauxlib.h>
#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "data.h"
#include "options.h"
#include "reader.h"
#include "scratch.h"
#include "sql_internal.h"
#include "access.h"
#include "job.h"

/* ---- the state and arguments both queries share (sql_internal.h) ---- */

static void state_release(void *block) {
    struct sql_state *st = block;
    if (st->stmt != NULL)
        sqlite3_finalize(st->stmt);
    if (st->db != NULL)
        sqlite3_close_v2(st->db);
    sql_pg_release(st);
    free(st->types);
    free(st->declared);
    free(st->null_types);
    sumi_builder_free(st->b);
    memset(st, 0, sizeof *st);
}

struct sql_state *sql_push_state(lua_State *L) {
    return sumi_scratch_push(L, sizeof(struct sql_state), state_release, NULL);
}

/* Like luaL_error, but closes the connection first. The message is made
 * before, so it may quote the library's own strings. */
int sql_fail(lua_State *L, struct sql_state *st, const char *fmt, ...) {
    luaL_where(L, 1);
    va_list ap;
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    lua_concat(L, 2);
    state_release(st);
    return lua_error(L);
}

void *sql_alloc_or_fail(lua_State *L, struct sql_state *st, size_t n, size_t size) {
    void *p = calloc(n > 0 ? n : 1, size);
    if (p == NULL)
        sql_fail(L, st, "out of memory");
    return p;
}

/* Finishes the builder (closing the connection first) and pushes the
 * dataset, with `types` checked and the metadata options applied. */
int sql_finish(lua_State *L, struct sql_state *st, int opts, const char *where) {
    /* The column types outlive the state in a userdata: no leak if a push
     * below runs out of memory. */
    int *null_types =
        lua_newuserdatauv(L, (size_t)(st->ncols > 0 ? st->ncols : 1) * sizeof(int), 0);
    memcpy(null_types, st->null_types, (size_t)st->ncols * sizeof(int));
    struct sumi_builder *b = st->b;
    st->b = NULL;
    state_release(st);
    struct sumi_dataset *ds = reader_push_dataset(L, b, where);
    for (size_t c = 0; c < ds->column_count; c++)
        if (null_types[c] != READER_AS_IS &&
            reader_set_null_type(ds, c, (enum sumi_type)null_types[c]) != 0)
            return luaL_error(L, "out of memory");
    reader_check_types_used(L, opts, ds, where);
    sumi_apply_meta_options(L, opts, ds);
    return 1;
}

/* How many characters of text come before p: positions in messages count
 * characters, as an editor does. */
static int char_position(const char *text, const char *p) {
    int n = 1;
    for (const char *q = text; q < p; q++)
        n += ((unsigned char)*q & 0xC0) != 0x80;
    return n;
}

/* The length of a parameter array (n when it holds nils: {n = 3, 1, nil,
 * 2}), or -1 when it has a string key other than n. */
lua_Integer sql_param_count(lua_State *L, int idx) {
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    int names = 0;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            if (strcmp(lua_tostring(L, -2), "n") == 0 && lua_isinteger(L, -1))
                n = lua_tointeger(L, -1);
            else
                names = 1;
        }
        lua_pop(L, 1);
    }
    return names ? -1 : n;
}

/* The arguments both queries share: (target, sql [, params [, options]]).
 * Leaves the stack at 4 and gives the options index (0: none). */
const char *sql_check_query_arguments(lua_State *L, const char *fname, size_t *sql_len, int *opts) {
    const char *sql = luaL_checklstring(L, 2, sql_len);
    if (!lua_isnoneornil(L, 3))
        luaL_checktype(L, 3, LUA_TTABLE);
    static const char *const keys[] = {"types", "title",   "source", "unit",
                                       "notes", "columns", NULL};
    opt_check_keys(L, 4, keys);
    reader_check_types(L, 4);
    *opts = lua_istable(L, 4) ? 4 : 0;
    if (*sql_len > INT_MAX || strlen(sql) != *sql_len)
        luaL_error(L, "bad argument #2 to '%s' (the SQL holds a NUL byte)", fname);
    lua_settop(L, 4);
    return sql;
}

/* ---- SQLite ---- */

static int sqlite_sql_error(lua_State *L, struct sql_state *st, const char *given,
                            const char *sql) {
    int offset = sqlite3_error_offset(st->db);
    char where[64] = "";
    if (offset >= 0)
        snprintf(where, sizeof where, " (at character %d of the query)",
                 char_position(sql, sql + offset));
    return sql_fail(L, st, "%s: SQL error: %s%s", given, sqlite3_errmsg(st->db), where);
}

static void sqlite_bind(lua_State *L, struct sql_state *st, const char *given, int i, int idx,
                        const char *label) {
    int rc = SQLITE_OK;
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        rc = sqlite3_bind_null(st->stmt, i);
        break;
    case LUA_TBOOLEAN:
        rc = sqlite3_bind_int(st->stmt, i, lua_toboolean(L, idx));
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            rc = sqlite3_bind_int64(st->stmt, i, (sqlite3_int64)lua_tointeger(L, idx));
        } else {
            double d = lua_tonumber(L, idx);
            if (!isfinite(d))
                sql_fail(L, st, "%s: parameter %s is %s (finite numbers only)", given, label,
                         d != d ? "nan" : "infinite");
            rc = sqlite3_bind_double(st->stmt, i, d);
        }
        break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        rc = sqlite3_bind_text64(st->stmt, i, s, len, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    default:
        sql_fail(L, st,
                 "%s: parameter %s is a %s (numbers, strings, booleans and nil can be bound)",
                 given, label, luaL_typename(L, idx));
    }
    if (rc != SQLITE_OK)
        sql_fail(L, st, "%s: cannot bind parameter %s: %s", given, label, sqlite3_errmsg(st->db));
}

/* Binds params (argument 3): an array for ? placeholders, a table of
 * names for :name, @name and $name, as the query's placeholders ask. */
static void sqlite_bind_all(lua_State *L, struct sql_state *st, const char *given) {
    int count = sqlite3_bind_parameter_count(st->stmt);
    const char *named = NULL, *numbered = NULL;
    for (int i = 1; i <= count; i++) {
        const char *name = sqlite3_bind_parameter_name(st->stmt, i);
        if (name != NULL && name[0] != '?')
            named = named ? named : name;
        else
            numbered = "?";
    }
    if (named != NULL && numbered != NULL)
        sql_fail(L, st, "%s: the query mixes ? and named parameters (%s): use one kind", given,
                 named);
    if (lua_isnoneornil(L, 3)) {
        if (count > 0)
            sql_fail(L, st, "%s: the query has %d parameter%s, but no values were given", given,
                     count, count == 1 ? "" : "s");
        return;
    }
    if (named == NULL) {
        lua_Integer n = sql_param_count(L, 3);
        if (n < 0)
            sql_fail(L, st,
                     "%s: params has names, but the query's parameters are '?': give an array",
                     given);
        if (n != count)
            sql_fail(L, st, "%s: the query has %d parameter%s, but %d value%s given", given, count,
                     count == 1 ? "" : "s", (int)n, n == 1 ? " was" : "s were");
        for (int i = 1; i <= count; i++) {
            char label[16];
            snprintf(label, sizeof label, "%d", i);
            lua_rawgeti(L, 3, i);
            sqlite_bind(L, st, given, i, lua_gettop(L), label);
            lua_pop(L, 1);
        }
        return;
    }
    if (lua_rawlen(L, 3) > 0)
        sql_fail(L, st, "%s: the query names its parameters (%s): give params as a table of names",
                 given, named);
    for (int i = 1; i <= count; i++) {
        const char *name = sqlite3_bind_parameter_name(st->stmt, i);
        if (lua_getfield(L, 3, name + 1) == LUA_TNIL)
            sql_fail(L, st, "%s: no value given for parameter %s", given, name);
        sqlite_bind(L, st, given, i, lua_gettop(L), name);
        lua_pop(L, 1);
    }
    /* A name the query does not use is most likely a typo. */
    lua_pushnil(L);
    while (lua_next(L, 3) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            sql_fail(L, st, "%s: params holds a %s key among names", given, luaL_typename(L, -1));
        const char *key = lua_tostring(L, -1);
        int used = 0;
        for (const char *p = ":@$"; *p && !used; p++) {
            lua_pushfstring(L, "%c%s", *p, key);
            used = sqlite3_bind_parameter_index(st->stmt, lua_tostring(L, -1)) > 0;
            lua_pop(L, 1);
        }
        if (!used)
            sql_fail(L, st, "%s: params names '%s', which the query does not use", given, key);
    }
}

/* SQLite has no date or boolean storage: a column declared DATE holds
 * 'YYYY-MM-DD' text and one declared BOOLEAN holds 0 and 1, so the
 * declaration says what they mean; likewise MONTH ('YYYY-MM' text) and
 * QUARTER ('YYYYQn' or 'YYYY-Qn'). A declared text type (the rules of
 * SQLite's type affinity, §3.1 of its datatype page) makes every value text. */
static int declared_type(const char *decl) {
    if (decl == NULL)
        return READER_AS_IS;
    if (g_ascii_strcasecmp(decl, "DATE") == 0)
        return SUMI_DATE;
    if (g_ascii_strcasecmp(decl, "MONTH") == 0)
        return SUMI_MONTH;
    if (g_ascii_strcasecmp(decl, "QUARTER") == 0)
        return SUMI_QUARTER;
    if (g_ascii_strcasecmp(decl, "BOOLEAN") == 0 || g_ascii_strcasecmp(decl, "BOOL") == 0)
        return SUMI_BOOLEAN;
    char *upper = g_ascii_strup(decl, -1);
    int text = strstr(upper, "INT") == NULL &&
               (strstr(upper, "CHAR") || strstr(upper, "CLOB") || strstr(upper, "TEXT"));
    g_free(upper);
    return text ? SUMI_STRING : READER_AS_IS;
}

/* The type of a column that holds no value, from its declaration:
 * SQLite's affinity rules (datatype page, §3.1), dates, months, quarters
 * and booleans as above. Undeclared and BLOB columns stay unknown. */
static int affinity_type(const char *decl) {
    if (decl == NULL || decl[0] == '\0')
        return READER_AS_IS;
    int declared = declared_type(decl);
    if (declared != READER_AS_IS)
        return declared;
    char *upper = g_ascii_strup(decl, -1);
    int type = strstr(upper, "INT")    ? SUMI_INTEGER
               : strstr(upper, "BLOB") ? READER_AS_IS
                                       : SUMI_NUMBER;
    g_free(upper);
    return type;
}

static void sqlite_read_value(lua_State *L, struct sql_state *st, const char *given, int c,
                              lua_Integer row, struct reader_value *v) {
    memset(v, 0, sizeof *v);
    const char *name = sqlite3_column_name(st->stmt, c);
    switch (sqlite3_column_type(st->stmt, c)) {
    case SQLITE_INTEGER:
        v->kind = READER_INTEGER;
        v->i = sqlite3_column_int64(st->stmt, c);
        break;
    case SQLITE_FLOAT:
        v->kind = READER_NUMBER;
        v->d = sqlite3_column_double(st->stmt, c);
        if (!isfinite(v->d))
            sql_fail(L, st, "%s: column '%s' row %I: the number is infinite (finite numbers only)",
                     given, name, row);
        break;
    case SQLITE_TEXT:
        v->kind = READER_STRING;
        v->s = (const char *)sqlite3_column_text(st->stmt, c);
        v->len = (size_t)sqlite3_column_bytes(st->stmt, c);
        if (v->s == NULL)
            sql_fail(L, st, "out of memory");
        if (!g_utf8_validate(v->s, (gssize)v->len, NULL))
            sql_fail(L, st, "%s: column '%s' row %I: text is not valid UTF-8", given, name, row);
        break;
    case SQLITE_BLOB:
        sql_fail(L, st,
                 "%s: column '%s' row %I holds a blob, which a dataset cannot hold (select "
                 "hex(%s) or cast it to text)",
                 given, name, row, name);
        break;
    default:
        v->kind = READER_NULL;
    }
}

/* sqlite3_progress_handler: a query is one long C call that the Lua hook
 * never sees, so SQLite itself asks every few thousand VM steps whether the
 * run's time is up; nonzero interrupts the query (SQLITE_INTERRUPT). */
static int sqlite_progress(void *job) { return sumi_job_time_up(job); }

static int sqlite_interrupted(lua_State *L, struct sql_state *st, const char *given) {
    struct sumi_job *job = sumi_job_of(L);
    return sql_fail(L, st, "%s: time limit %d s exceeded during the query; raise it with --timeout",
                    given, job != NULL ? (int)job->timeout : 0);
}

/* data.query_sqlite(db_path, sql [, params [, options]]) -> dataset */
static int data_query_sqlite(lua_State *L) {
    const char *given = luaL_checkstring(L, 1);
    size_t sql_len;
    int opts;
    const char *sql = sql_check_query_arguments(L, "query_sqlite", &sql_len, &opts);
    const char *path = sumi_resolve_read(L, given, "query_sqlite");
    struct stat sb;
    if (stat(path, &sb) != 0)
        return luaL_error(L, "cannot open database '%s': %s", given, strerror(errno));
    if (!S_ISREG(sb.st_mode))
        return luaL_error(L, "cannot open database '%s': not a file", given);
    /* "./" keeps a name such as "file:x.db" from being read as a URI. */
    if (path[0] != '/')
        path = lua_pushfstring(L, "./%s", path);

    struct sql_state *st = sql_push_state(L);
    int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(L, st, "cannot open database '%s': %s", given,
                        st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
    /* Read the one file only: no extensions, no ATTACH of other files,
     * no functions with side effects run from the schema. */
    sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
    sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_limit(st->db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_busy_timeout(st->db, 5000); /* a writer elsewhere holds a lock briefly */
    if (sumi_job_time_left(sumi_job_of(L)) >= 0)
        sqlite3_progress_handler(st->db, 10000, sqlite_progress, sumi_job_of(L));

    const char *tail = NULL;
    if (sqlite3_prepare_v2(st->db, sql, (int)sql_len, &st->stmt, &tail) != SQLITE_OK)
        return sqlite_sql_error(L, st, given, sql);
    if (st->stmt == NULL)
        return sql_fail(L, st, "%s: the query holds no SQL statement", given);
    /* One statement per call: whatever follows must be blanks or comments. */
    const char *end = sql + sql_len;
    while (tail < end && g_ascii_isspace(*tail))
        tail++;
    if (tail < end) {
        sqlite3_stmt *next = NULL;
        rc = sqlite3_prepare_v2(st->db, tail, (int)(end - tail), &next, NULL);
        sqlite3_finalize(next);
        if (rc != SQLITE_OK || next != NULL)
            return sql_fail(L, st,
                            "%s: one SQL statement per query, but more follows at character %d",
                            given, char_position(sql, tail));
    }
    if (!sqlite3_stmt_readonly(st->stmt))
        return sql_fail(L, st,
                        "%s: the query would change the database; sumi opens databases "
                        "read-only and runs queries that read (SELECT, WITH, VALUES)",
                        given);
    sqlite_bind_all(L, st, given);

    int ncols = sqlite3_column_count(st->stmt);
    st->ncols = ncols;
    st->b = sumi_builder_new();
    if (st->b == NULL)
        return sql_fail(L, st, "out of memory");
    st->types = sql_alloc_or_fail(L, st, (size_t)ncols, sizeof *st->types);
    st->declared = sql_alloc_or_fail(L, st, (size_t)ncols, 1);
    st->null_types = sql_alloc_or_fail(L, st, (size_t)ncols, sizeof *st->null_types);
    for (int c = 0; c < ncols; c++) {
        const char *name = sqlite3_column_name(st->stmt, c);
        if (name == NULL)
            return sql_fail(L, st, "out of memory");
        if (sumi_builder_find(st->b, name) >= 0)
            return sql_fail(L, st, "%s: the result has two columns named '%s' (rename one with AS)",
                            given, name);
        if (sumi_builder_add_column(st->b, name) < 0)
            return sql_fail(L, st, "out of memory");
        st->types[c] = reader_type_of(L, opts, name);
        const char *decl = sqlite3_column_decltype(st->stmt, c);
        st->null_types[c] = st->types[c];
        if (st->types[c] == READER_AS_IS) {
            st->types[c] = declared_type(decl);
            st->declared[c] = st->types[c] != READER_AS_IS;
            st->null_types[c] = affinity_type(decl);
        }
    }
    lua_Integer row = 0;
    while ((rc = sqlite3_step(st->stmt)) == SQLITE_ROW) {
        row++;
        for (int c = 0; c < ncols; c++) {
            struct reader_value v;
            sqlite_read_value(L, st, given, c, row, &v);
            char err[128];
            int r = reader_put(st->b, c, st->types[c], &v, err, sizeof err);
            if (r == -1)
                return sql_fail(L, st, "out of memory");
            if (r == -2) {
                const char *name = sqlite3_column_name(st->stmt, c);
                return sql_fail(L, st, "%s: column '%s' row %I: %s%s%s%s", given, name, row, err,
                                st->declared[c] ? " (the column is declared " : "",
                                st->declared[c] ? sqlite3_column_decltype(st->stmt, c) : "",
                                st->declared[c] ? "; the option 'types' can read it otherwise)"
                                                : "");
            }
        }
        if (sumi_builder_end_row(st->b) != 0)
            return sql_fail(L, st, "out of memory");
    }
    if (rc == SQLITE_INTERRUPT && sumi_job_time_up(sumi_job_of(L)))
        return sqlite_interrupted(L, st, given);
    if (rc != SQLITE_DONE)
        return sqlite_sql_error(L, st, given, sql);
    return sql_finish(L, st, opts, given);
}

static const luaL_Reg sql_functions[] = {
    {"query_sqlite", data_query_sqlite},
    {"query_postgres", data_query_postgres},
    {NULL, NULL},
};

void sumi_data_register_sql(lua_State *L, int module) {
    lua_pushvalue(L, module);
    luaL_setfuncs(L, sql_functions, 0);
    opt_name_functions(L, "data.", sql_functions);
    lua_pop(L, 1);
}
