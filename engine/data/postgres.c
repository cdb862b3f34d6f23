/* sumi.data reader: PostgreSQL, through libpq opened on first use. A query
 * runs in a read-only transaction, its parameters sent apart from the SQL
 * text; values keep the type the server gives them (sql.c holds the state
 * and arguments shared with SQLite, and registers data.query_postgres). */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <glib.h>
#include <lauxlib.h>
#include <libpq-fe.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numtext.h"
#include "reader.h"
#include "sql_internal.h"
#include "job.h"

/* ---- libpq, opened on first use ----
 * libpq brings OpenSSL, GnuTLS, Kerberos and LDAP with it: linked into the
 * binary, they cost every process about 20 ms of loading and relocation
 * (bench/README.md), also the many runs that never connect. The engine
 * opens it the first time a script queries PostgreSQL. */
#define PQ_FUNCTIONS(X)                                                                            \
    X(PQclear)                                                                                     \
    X(PQconnectdbParams)                                                                           \
    X(PQconninfoFree)                                                                              \
    X(PQconninfoParse)                                                                             \
    X(PQdb)                                                                                        \
    X(PQerrorMessage)                                                                              \
    X(PQexec)                                                                                      \
    X(PQexecParams)                                                                                \
    X(PQfinish)                                                                                    \
    X(PQfname)                                                                                     \
    X(PQfreemem)                                                                                   \
    X(PQftype)                                                                                     \
    X(PQgetisnull)                                                                                 \
    X(PQgetlength)                                                                                 \
    X(PQgetvalue)                                                                                  \
    X(PQnfields)                                                                                   \
    X(PQntuples)                                                                                   \
    X(PQresStatus)                                                                                 \
    X(PQresultErrorField)                                                                          \
    X(PQresultStatus)                                                                              \
    X(PQstatus)

static struct {
#define PQ_POINTER(f) __typeof__(f) *f;
    PQ_FUNCTIONS(PQ_POINTER)
#undef PQ_POINTER
} pq;

/* The soname of libpq's stable ABI (version 5 since PostgreSQL 8.2). */
#define LIBPQ_SONAME "libpq.so.5"

static void pq_open(lua_State *L) {
    static void *lib;
    if (lib != NULL)
        return;
    void *handle = dlopen(LIBPQ_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL)
        luaL_error(L, "PostgreSQL is not available: %s", dlerror());
    const char *missing = NULL;
#define PQ_LOAD(f)                                                                                 \
    if (missing == NULL && (pq.f = (__typeof__(f) *)dlsym(handle, #f)) == NULL)                    \
        missing = #f;
    PQ_FUNCTIONS(PQ_LOAD)
#undef PQ_LOAD
    if (missing != NULL) {
        dlclose(handle);
        luaL_error(L, "PostgreSQL is not available: " LIBPQ_SONAME " has no %s", missing);
    }
    lib = handle;
}

/* The PostgreSQL part of a state's release (sql.c calls it). */
void sql_pg_release(struct sql_state *st) {
    if (st->res != NULL)
        pq.PQclear(st->res);
    if (st->conn != NULL)
        pq.PQfinish(st->conn);
    if (st->conninfo != NULL)
        pq.PQconninfoFree(st->conninfo);
    free(st->keywords);
    free(st->values);
    free(st->params);
}

/* ---- PostgreSQL ---- */

/* Type OIDs, as fixed in the server's catalog (src/include/catalog/pg_type.dat). */
enum {
    PG_BOOL = 16,
    PG_INT8 = 20,
    PG_INT2 = 21,
    PG_INT4 = 23,
    PG_OID = 26,
    PG_FLOAT4 = 700,
    PG_FLOAT8 = 701,
    PG_DATE = 1082,
    PG_NUMERIC = 1700,
};

/* The dataset type a column of this type OID holds. */
static int pg_type(Oid oid) {
    switch (oid) {
    case PG_BOOL:
        return SUMI_BOOLEAN;
    case PG_INT2:
    case PG_INT4:
    case PG_INT8:
    case PG_OID:
        return SUMI_INTEGER;
    case PG_FLOAT4:
    case PG_FLOAT8:
    case PG_NUMERIC:
        return SUMI_NUMBER;
    case PG_DATE:
        return SUMI_DATE;
    default:
        return SUMI_STRING;
    }
}

/* Pushes the text form of parameter i (a Lua value at idx) or false for
 * NULL. Numbers are written without the machine's locale. */
static void pg_param_text(lua_State *L, int i, int idx) {
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        lua_pushboolean(L, 0);
        break;
    case LUA_TBOOLEAN:
        lua_pushstring(L, lua_toboolean(L, idx) ? "true" : "false");
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            lua_pushfstring(L, "%I", lua_tointeger(L, idx));
        } else {
            double d = lua_tonumber(L, idx);
            if (!isfinite(d))
                luaL_error(L,
                           "bad argument #3 to 'query_postgres' (parameter %d is %s: finite "
                           "numbers only)",
                           i, d != d ? "nan" : "infinite");
            char buf[40];
            numtext_format(buf, sizeof buf, d, NUMTEXT_DIGITS15);
            lua_pushstring(L, buf);
        }
        break;
    case LUA_TSTRING:
        lua_pushvalue(L, idx);
        break;
    default:
        luaL_error(L,
                   "bad argument #3 to 'query_postgres' (parameter %d is a %s: numbers, "
                   "strings, booleans and nil can be bound)",
                   i, luaL_typename(L, idx));
    }
}

/* The first line of a libpq message, without its line break. */
static const char *first_line(lua_State *L, const char *msg) {
    size_t n = strcspn(msg, "\n");
    return lua_pushlstring(L, msg, n);
}

static void pg_connect(lua_State *L, struct sql_state *st, const char *conninfo) {
    char *perr = NULL;
    st->conninfo = pq.PQconninfoParse(conninfo, &perr);
    if (st->conninfo == NULL) {
        /* libpq's message quotes the string, which may hold a password. */
        pq.PQfreemem(perr);
        sql_fail(L, st,
                 "PostgreSQL connection failed: the connection string cannot be read "
                 "(key=value settings or a postgresql:// URI expected)");
    }
    size_t n = 0;
    for (PQconninfoOption *o = st->conninfo; o->keyword != NULL; o++)
        n++;
    st->keywords = sql_alloc_or_fail(L, st, n + 5, sizeof *st->keywords);
    st->values = sql_alloc_or_fail(L, st, n + 5, sizeof *st->values);
    size_t k = 0;
    int has_timeout = 0;
    /* The server cancels a query that would outlive the run's time limit,
     * rather than the watching parent killing sumi in the middle of it. */
    double left = sumi_job_time_left(sumi_job_of(L));
    const char *user_options = NULL;
    for (PQconninfoOption *o = st->conninfo; o->keyword != NULL; o++)
        if (strcmp(o->keyword, "options") == 0 && o->val != NULL)
            user_options = o->val;
    const char *options = NULL; /* on the Lua stack until connected */
    if (left >= 0) {
        long ms = (long)(left * 1000) + 1;
        options =
            lua_pushfstring(L, "%s%s-c statement_timeout=%d", user_options ? user_options : "",
                            user_options ? " " : "", (int)(ms > INT_MAX ? INT_MAX : ms));
    }
    for (PQconninfoOption *o = st->conninfo; o->keyword != NULL; o++) {
        if (o->val == NULL || strcmp(o->keyword, "client_encoding") == 0 ||
            (options != NULL && strcmp(o->keyword, "options") == 0))
            continue;
        if (strcmp(o->keyword, "connect_timeout") == 0 && o->val[0] != '\0')
            has_timeout = 1;
        st->keywords[k] = o->keyword;
        st->values[k++] = o->val;
    }
    /* A script must not hang on a host that never answers. */
    if (!has_timeout) {
        st->keywords[k] = "connect_timeout";
        st->values[k++] = "10";
    }
    if (options != NULL) {
        st->keywords[k] = "options";
        st->values[k++] = options;
    }
    st->keywords[k] = "client_encoding"; /* datasets hold UTF-8 */
    st->values[k++] = "UTF8";
    st->keywords[k] = "fallback_application_name";
    st->values[k++] = "sumi";
    st->conn = pq.PQconnectdbParams(st->keywords, st->values, 0);
    if (options != NULL)
        lua_pop(L, 1); /* libpq keeps its own copy */
    if (st->conn == NULL)
        sql_fail(L, st, "out of memory");
    if (pq.PQstatus(st->conn) != CONNECTION_OK)
        sql_fail(L, st, "PostgreSQL connection failed: %s",
                 first_line(L, pq.PQerrorMessage(st->conn)));
}

static int pg_sql_error(lua_State *L, struct sql_state *st, const char *where, PGresult *res) {
    const char *primary = pq.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    const char *state = pq.PQresultErrorField(res, PG_DIAG_SQLSTATE);
    const char *position = pq.PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION);
    const char *hint = pq.PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
    if (primary == NULL)
        primary = first_line(L, pq.PQerrorMessage(st->conn));
    /* 57014 query_canceled: the statement_timeout pg_connect set. */
    struct sumi_job *job = sumi_job_of(L);
    if (state != NULL && strcmp(state, "57014") == 0 && job != NULL && job->timeout != 0) {
        job->time_hit = 1;
        return sql_fail(L, st,
                        "%s: time limit %d s exceeded during the query; raise it with --timeout",
                        where, (int)job->timeout);
    }
    return sql_fail(L, st, "%s: SQL error %s: %s%s%s%s%s%s", where, state ? state : "(no SQLSTATE)",
                    primary, position ? " (at character " : "", position ? position : "",
                    position ? " of the query)" : "", hint ? "; hint: " : "", hint ? hint : "");
}

static void pg_read_value(lua_State *L, struct sql_state *st, const char *where, int r, int c,
                          struct reader_value *v) {
    memset(v, 0, sizeof *v);
    if (pq.PQgetisnull(st->res, r, c)) {
        v->kind = READER_NULL;
        return;
    }
    const char *s = pq.PQgetvalue(st->res, r, c);
    const char *name = pq.PQfname(st->res, c);
    v->s = s;
    v->len = (size_t)pq.PQgetlength(st->res, r, c);
    switch (pq.PQftype(st->res, c)) {
    case PG_BOOL:
        v->kind = READER_BOOLEAN;
        v->i = s[0] == 't';
        v->s = NULL;
        return;
    case PG_INT2:
    case PG_INT4:
    case PG_INT8:
    case PG_OID:
        v->kind = READER_INTEGER;
        if (!reader_parse_integer(s, &v->i))
            sql_fail(L, st, "%s: column '%s' row %d: cannot read integer '%s'", where, name, r + 1,
                     s);
        return;
    case PG_FLOAT4:
    case PG_FLOAT8:
    case PG_NUMERIC:
        /* numeric keeps more digits than a double: its value is rounded to
         * the nearest double (types = {x = "string"} keeps the text). */
        v->kind = READER_NUMBER;
        if (numtext_parse(s, &v->d) != 1)
            sql_fail(L, st, "%s: column '%s' row %d: %s is not a finite number", where, name, r + 1,
                     s);
        return;
    case PG_DATE: {
        int32_t days;
        if (sumi_date_parse(s, v->len, &days) != 0)
            sql_fail(L, st, "%s: column '%s' row %d: date '%s' is outside the years 0000 to 9999",
                     where, name, r + 1, s);
        v->kind = READER_DATE;
        v->i = days;
        v->s = NULL;
        return;
    }
    default:
        v->kind = READER_STRING;
        if (!g_utf8_validate(s, (gssize)v->len, NULL))
            sql_fail(L, st, "%s: column '%s' row %d: text is not valid UTF-8", where, name, r + 1);
    }
}

/* data.query_postgres(conninfo, sql [, params [, options]]) -> dataset */
int data_query_postgres(lua_State *L) {
    const char *conninfo = luaL_checkstring(L, 1);
    size_t sql_len;
    int opts;
    const char *sql = sql_check_query_arguments(L, "query_postgres", &sql_len, &opts);
    /* Parameters as text, kept alive in a table at 5 while the query runs. */
    lua_newtable(L);
    lua_Integer n = 0;
    if (lua_istable(L, 3)) {
        n = sql_param_count(L, 3);
        if (n < 0)
            return luaL_error(L, "bad argument #3 to 'query_postgres' (PostgreSQL parameters "
                                 "are $1, $2, ...: give an array)");
        if (n > 65535)
            return luaL_error(L, "bad argument #3 to 'query_postgres' (at most 65535 "
                                 "parameters)");
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, 3, i);
            pg_param_text(L, (int)i, lua_gettop(L));
            lua_rawseti(L, 5, i);
            lua_pop(L, 1);
        }
    }
    pq_open(L);
    struct sql_state *st = sql_push_state(L);
    st->params = sql_alloc_or_fail(L, st, (size_t)n, sizeof *st->params);
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, 5, i) == LUA_TSTRING)
            st->params[i - 1] = lua_tostring(L, -1); /* anchored in the table at 5 */
        lua_pop(L, 1);
    }
    pg_connect(L, st, conninfo);
    const char *where = lua_pushfstring(L, "PostgreSQL database '%s'", pq.PQdb(st->conn));
    /* Every query reads: a read-only transaction, with dates and floats
     * written in the forms parsed below whatever the server's settings. */
    st->res = pq.PQexec(st->conn, "BEGIN READ ONLY; SET LOCAL DateStyle = ISO; "
                                  "SET LOCAL extra_float_digits = 3");
    if (pq.PQresultStatus(st->res) != PGRES_COMMAND_OK)
        return pg_sql_error(L, st, where, st->res);
    pq.PQclear(st->res);
    st->res = pq.PQexecParams(st->conn, sql, (int)n, NULL, st->params, NULL, NULL, 0);
    ExecStatusType status = pq.PQresultStatus(st->res);
    if (status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR ||
        status == PGRES_BAD_RESPONSE)
        return pg_sql_error(L, st, where, st->res);
    if (status != PGRES_TUPLES_OK)
        return sql_fail(L, st,
                        "%s: the statement returns no rows (%s); query_postgres runs queries "
                        "that read, such as SELECT",
                        where, pq.PQresStatus(status));

    int ncols = pq.PQnfields(st->res), nrows = pq.PQntuples(st->res);
    st->ncols = ncols;
    st->b = sumi_builder_new();
    if (st->b == NULL)
        return sql_fail(L, st, "out of memory");
    st->types = sql_alloc_or_fail(L, st, (size_t)ncols, sizeof *st->types);
    st->null_types = sql_alloc_or_fail(L, st, (size_t)ncols, sizeof *st->null_types);
    for (int c = 0; c < ncols; c++) {
        const char *name = pq.PQfname(st->res, c);
        if (sumi_builder_find(st->b, name) >= 0)
            return sql_fail(L, st, "%s: the result has two columns named '%s' (rename one with AS)",
                            where, name);
        if (sumi_builder_add_column(st->b, name) < 0)
            return sql_fail(L, st, "out of memory");
        st->types[c] = reader_type_of(L, opts, name);
        st->null_types[c] =
            st->types[c] != READER_AS_IS ? st->types[c] : pg_type(pq.PQftype(st->res, c));
    }
    for (int r = 0; r < nrows; r++) {
        for (int c = 0; c < ncols; c++) {
            struct reader_value v;
            pg_read_value(L, st, where, r, c, &v);
            char err[128];
            int rc = reader_put(st->b, c, st->types[c], &v, err, sizeof err);
            if (rc == -1)
                return sql_fail(L, st, "out of memory");
            if (rc == -2)
                return sql_fail(L, st, "%s: column '%s' row %d: %s", where, pq.PQfname(st->res, c),
                                r + 1, err);
        }
        if (sumi_builder_end_row(st->b) != 0)
            return sql_fail(L, st, "out of memory");
    }
    return sql_finish(L, st, opts, where);
}
