/* What sql.c (SQLite) and postgres.c (PostgreSQL) share: the state a query
 * owns, and the arguments and the end both queries have. */
#ifndef SUMI_SQL_INTERNAL_H
#define SUMI_SQL_INTERNAL_H

#include <libpq-fe.h>
#include <lua.h>
#include <sqlite3.h>
#include <stddef.h>

#include "dataset.h"

/* Owned by the userdata a query pushes before it opens anything, so a Lua
 * error releases the connection in __gc; sql_fail() releases it at once. */
struct sql_state {
    sqlite3 *db;
    sqlite3_stmt *stmt;
    PQconninfoOption *conninfo;
    PGconn *conn;
    PGresult *res;
    const char **keywords, **values; /* connection settings */
    const char **params;             /* PostgreSQL parameters: strings on the Lua stack */
    int *types;                      /* per result column: a sumi_type or READER_AS_IS */
    char *declared;                  /* per column: the type came from a declaration */
    int *null_types;                 /* per column: the type when it holds no value */
    int ncols;                       /* result columns */
    struct sumi_builder *b;
};

/* Pushes a zeroed state in a userdata that releases it in __gc. */
struct sql_state *sql_push_state(lua_State *L);
/* Releases st's PostgreSQL part (postgres.c): the state's release calls it. */
void sql_pg_release(struct sql_state *st);
/* Like luaL_error, but releases st first. */
int sql_fail(lua_State *L, struct sql_state *st, const char *fmt, ...);
/* calloc(n, size) (at least one element), or sql_fail "out of memory". */
void *sql_alloc_or_fail(lua_State *L, struct sql_state *st, size_t n, size_t size);
/* Releases st and pushes the dataset its builder made, with `types`
 * checked and the metadata options applied. Returns 1. */
int sql_finish(lua_State *L, struct sql_state *st, int opts, const char *where);
/* The length of the parameter array at idx, or -1 when it has names. */
lua_Integer sql_param_count(lua_State *L, int idx);
/* Checks (target, sql [, params [, options]]) of fname; gives the SQL. */
const char *sql_check_query_arguments(lua_State *L, const char *fname, size_t *sql_len, int *opts);

/* data.query_postgres (postgres.c), registered with data.query_sqlite. */
int data_query_postgres(lua_State *L);

#endif
