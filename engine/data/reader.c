/* What the typed readers (json.c, sql.c, postgres.c) share (reader.h): the
 * `types` option, and a source's values put into a dataset's builder,
 * converted as that option asks. */
#include "reader.h"

#include <errno.h>
#include <glib.h>
#include <inttypes.h>
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "numtext.h"
#include "options.h"

/* In enum sumi_type order. */
static const char *const type_names[] = {"integer", "number", "string",  "boolean",
                                         "date",    "month",  "quarter", NULL};

static int type_index(const char *name) {
    for (int i = 0; type_names[i] != NULL; i++)
        if (strcmp(name, type_names[i]) == 0)
            return i;
    return -1;
}

void reader_check_types(lua_State *L, int opts) {
    if (opts == 0 || !lua_istable(L, opts))
        return;
    int t = lua_getfield(L, opts, "types");
    if (t != LUA_TNIL && t != LUA_TTABLE)
        opt_fail(L, "types", "a table of column names and types", -1);
    if (t == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            if (lua_type(L, -2) != LUA_TSTRING)
                opt_raise(L, "option 'types' must have column names as keys; got a %s key",
                          luaL_typename(L, -2));
            const char *v = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            if (v == NULL || type_index(v) < 0) {
                lua_pushfstring(L, "types.%s", lua_tostring(L, -2));
                opt_fail(L, lua_tostring(L, -1),
                         "one of integer, number, string, boolean, date, month, quarter", -2);
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

int reader_type_of(lua_State *L, int opts, const char *name) {
    int type = READER_AS_IS;
    if (opts == 0 || !lua_istable(L, opts))
        return type;
    if (lua_getfield(L, opts, "types") == LUA_TTABLE) {
        if (lua_getfield(L, -1, name) == LUA_TSTRING)
            type = type_index(lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return type;
}

void reader_check_types_used(lua_State *L, int opts, const struct sumi_dataset *ds,
                             const char *where) {
    if (opts == 0 || !lua_istable(L, opts))
        return;
    if (lua_getfield(L, opts, "types") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            lua_pop(L, 1);
            const char *name = lua_tostring(L, -1);
            if (sumi_dataset_find(ds, name) >= 0)
                continue;
            opt_raise(L, "option 'types' names no column '%s' in %s; its columns: %s", name, where,
                      sumi_push_column_names(L, ds));
        }
    }
    lua_pop(L, 1);
}

struct sumi_dataset *reader_push_dataset(lua_State *L, struct sumi_builder *b, const char *where) {
    char err[256];
    struct sumi_dataset *ds = sumi_builder_finish(b, err, sizeof err);
    if (ds == NULL)
        luaL_error(L, "%s: %s (the option 'types' can convert a column)", where, err);
    sumi_push_dataset(L, ds);
    return ds;
}

int reader_set_null_type(struct sumi_dataset *ds, size_t col, enum sumi_type type) {
    struct sumi_coldata *old = ds->columns[col].data;
    if (old->type == type)
        return 0;
    for (size_t r = 0; r < old->length; r++)
        if (!sumi_coldata_is_null(old, r))
            return 0;
    struct sumi_coldata *typed = sumi_coldata_new(type, old->length);
    if (typed == NULL)
        return -1;
    for (size_t r = 0; r < old->length; r++)
        if (sumi_coldata_push_null(typed) != 0) {
            sumi_coldata_unref(typed);
            return -1;
        }
    ds->columns[col].data = typed;
    sumi_coldata_unref(old);
    return 0;
}

/* The value as an error message shows it: strings quoted, cut at 40 bytes. */
static void describe(const struct reader_value *v, char *buf, size_t size) {
    switch (v->kind) {
    case READER_NULL:
        snprintf(buf, size, "null");
        break;
    case READER_INTEGER:
        snprintf(buf, size, "%" PRId64, v->i);
        break;
    case READER_NUMBER:
        numtext_format(buf, size, v->d, NUMTEXT_DIGITS15);
        break;
    case READER_BOOLEAN:
        snprintf(buf, size, "%s", v->i ? "true" : "false");
        break;
    case READER_DATE:
        sumi_date_format((int32_t)v->i, buf);
        break;
    case READER_STRING: {
        size_t n = v->len;
        const char *more = "";
        if (n > 40) {
            /* Cut before a character, not inside one. */
            n = (size_t)(g_utf8_find_prev_char(v->s, v->s + 41) - v->s);
            more = "...";
        }
        snprintf(buf, size, "'%.*s%s'", (int)n, v->s, more);
        break;
    }
    }
}

int reader_parse_integer(const char *s, int64_t *out) {
    const char *p = s + (*s == '-' || *s == '+');
    if (*p < '0' || *p > '9')
        return 0;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9')
            return 0;
    errno = 0;
    long long v = strtoll(s, NULL, 10);
    if (errno == ERANGE)
        return 0;
    *out = v;
    return 1;
}

static int put_text(struct sumi_builder *b, int col, const struct reader_value *v) {
    char buf[64];
    switch (v->kind) {
    case READER_STRING:
        return sumi_builder_string(b, col, v->s, v->len);
    case READER_INTEGER:
    case READER_NUMBER:
        if (v->s != NULL)
            return sumi_builder_string(b, col, v->s, v->len);
        describe(v, buf, sizeof buf);
        break;
    case READER_BOOLEAN:
    case READER_DATE:
        describe(v, buf, sizeof buf);
        break;
    case READER_NULL:
        return sumi_builder_null(b, col);
    }
    return sumi_builder_string(b, col, buf, strlen(buf));
}

int reader_put(struct sumi_builder *b, int col, int type, const struct reader_value *v, char *err,
               size_t errlen) {
    if (v->kind == READER_NULL)
        return sumi_builder_null(b, col);
    switch (type) {
    case READER_AS_IS:
        switch (v->kind) {
        case READER_INTEGER:
            return sumi_builder_integer(b, col, v->i);
        case READER_NUMBER:
            return sumi_builder_number(b, col, v->d);
        case READER_BOOLEAN:
            return sumi_builder_boolean(b, col, (int)v->i);
        case READER_DATE:
            return sumi_builder_date(b, col, (int32_t)v->i);
        default:
            return put_text(b, col, v);
        }
    case SUMI_STRING:
        return put_text(b, col, v);
    case SUMI_INTEGER: {
        int64_t i;
        if (v->kind == READER_INTEGER)
            return sumi_builder_integer(b, col, v->i);
        /* 2^63 is exact as a double; the cast is defined below it. */
        if (v->kind == READER_NUMBER && v->d == floor(v->d) && v->d >= -9223372036854775808.0 &&
            v->d < 9223372036854775808.0)
            return sumi_builder_integer(b, col, (int64_t)v->d);
        if (v->kind == READER_STRING && reader_parse_integer(v->s, &i))
            return sumi_builder_integer(b, col, i);
        break;
    }
    case SUMI_NUMBER: {
        double d;
        if (v->kind == READER_INTEGER)
            return sumi_builder_number(b, col, (double)v->i);
        if (v->kind == READER_NUMBER)
            return sumi_builder_number(b, col, v->d);
        if (v->kind == READER_STRING && numtext_parse(v->s, &d) == 1)
            return sumi_builder_number(b, col, d);
        break;
    }
    case SUMI_BOOLEAN:
        if (v->kind == READER_BOOLEAN || (v->kind == READER_INTEGER && (v->i == 0 || v->i == 1)))
            return sumi_builder_boolean(b, col, (int)v->i);
        if (v->kind == READER_STRING &&
            (g_ascii_strcasecmp(v->s, "true") == 0 || g_ascii_strcasecmp(v->s, "false") == 0))
            return sumi_builder_boolean(b, col, g_ascii_tolower(v->s[0]) == 't');
        break;
    case SUMI_DATE: {
        int32_t days;
        if (v->kind == READER_DATE)
            return sumi_builder_date(b, col, (int32_t)v->i);
        if (v->kind == READER_STRING && sumi_date_parse(v->s, v->len, &days) == 0)
            return sumi_builder_date(b, col, days);
        break;
    }
    /* A month or a quarter: its text, or a date on its first day (what
     * PostgreSQL's date_trunc('month', day)::date gives). */
    case SUMI_MONTH: {
        int32_t months;
        if ((v->kind == READER_STRING && sumi_month_parse(v->s, v->len, &months) == 0) ||
            (v->kind == READER_DATE && sumi_month_of_first_day((int32_t)v->i, &months) == 0))
            return sumi_builder_month(b, col, months);
        break;
    }
    case SUMI_QUARTER: {
        int32_t quarters;
        if ((v->kind == READER_STRING && sumi_quarter_parse(v->s, v->len, &quarters) == 0) ||
            (v->kind == READER_DATE && sumi_quarter_of_first_day((int32_t)v->i, &quarters) == 0))
            return sumi_builder_quarter(b, col, quarters);
        break;
    }
    }
    static const char *const expected[] = {
        "an integer",          "a number",          "a string",          "true or false",
        "a date (YYYY-MM-DD)", "a month (YYYY-MM)", "a quarter (YYYYQn)"};
    char shown[64];
    describe(v, shown, sizeof shown);
    snprintf(err, errlen, "expected %s, got %s", expected[type], shown);
    return -2;
}
