/* Operations that make a new dataset from one or two others: select, rename,
 * head, tail, filter, where, sort, derive, calc here; group_by, join,
 * distinct and append, which hash key tuples, in data_group.c. Each loop over
 * rows runs in C; only filter and derive call back into Lua, once per row,
 * because the analyst's function is Lua. */
#define _POSIX_C_SOURCE 200809L
#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "data_internal.h"
#include "data_reshape.h"
#include "options.h"
#include "scratch.h"

static void owned_release(void *block) {
    struct sumi_coldata **box = block;
    sumi_coldata_unref(*box);
    *box = NULL;
}

/* Pushes a userdata that owns col's reference, so an error raised before
 * the column reaches a dataset still frees it. NULL col: out of memory. */
struct sumi_coldata *data_own(lua_State *L, struct sumi_coldata *col) {
    if (col == NULL)
        data_out_of_memory(L);
    struct sumi_coldata **box = sumi_scratch_push(L, sizeof *box, owned_release, NULL);
    *box = col;
    return col;
}

/* An index array owned by a userdata, freed if an error unwinds. */
size_t *data_push_index(lua_State *L, size_t n) {
    size_t *idx = lua_newuserdatauv(L, (n ? n : 1) * sizeof *idx, 0);
    return idx;
}

/* Pushes a dataset whose columns are ds's columns gathered at rows[0..n). */
struct sumi_dataset *data_push_gathered(lua_State *L, const struct sumi_dataset *ds,
                                        const size_t *rows, size_t n) {
    struct sumi_dataset *out = data_push_new_like(L, ds);
    for (size_t c = 0; c < ds->column_count; c++) {
        struct sumi_coldata *g = data_own(L, sumi_coldata_gather(ds->columns[c].data, rows, n));
        data_add_column(L, out, ds->columns[c].name, g, &ds->columns[c].meta);
        lua_pop(L, 1);
    }
    out->rows = n;
    return out;
}

/* ds:select("a", "b") or ds:select{"a", "b"} */
int ds_select(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    int list = lua_istable(L, 2);
    int n = list ? (int)lua_rawlen(L, 2) : lua_gettop(L) - 1;
    if (n < 1)
        return luaL_error(L, "select needs at least one column name");
    struct sumi_dataset *out = data_push_new_like(L, ds);
    int out_idx = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        if (list)
            lua_rawgeti(L, 2, i);
        else
            lua_pushvalue(L, i + 1);
        int c = data_check_column(L, ds, lua_gettop(L));
        lua_pop(L, 1);
        data_add_column(L, out, ds->columns[c].name, ds->columns[c].data, &ds->columns[c].meta);
    }
    out->rows = ds->rows;
    lua_settop(L, out_idx);
    return 1;
}

/* ds:rename{old = "new", ...} */
int ds_rename(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, 2) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
            return luaL_error(L, "rename expects {old_name = \"new_name\", ...}");
        data_check_column(L, ds, lua_gettop(L) - 1);
        lua_pop(L, 1);
    }
    struct sumi_dataset *out = data_push_new_like(L, ds);
    for (size_t c = 0; c < ds->column_count; c++) {
        lua_getfield(L, 2, ds->columns[c].name);
        const char *name = lua_isstring(L, -1) ? lua_tostring(L, -1) : ds->columns[c].name;
        data_add_column(L, out, name, ds->columns[c].data, &ds->columns[c].meta);
        lua_pop(L, 1);
    }
    out->rows = ds->rows;
    return 1;
}

static int slice(lua_State *L, int from_end) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    lua_Integer n = luaL_optinteger(L, 2, 5);
    if (n < 0)
        return luaL_argerror(L, 2, "count must be >= 0");
    size_t count = (size_t)n < ds->rows ? (size_t)n : ds->rows;
    size_t start = from_end ? ds->rows - count : 0;
    size_t *rows = data_push_index(L, count);
    for (size_t i = 0; i < count; i++)
        rows[i] = start + i;
    data_push_gathered(L, ds, rows, count);
    return 1;
}

int ds_head(lua_State *L) { return slice(L, 0); }
int ds_tail(lua_State *L) { return slice(L, 1); }

/* ds:filter(function(row) return row.value > 100 end) */
int ds_filter(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    size_t *rows = data_push_index(L, ds->rows);
    size_t kept = 0;
    for (size_t r = 0; r < ds->rows; r++) {
        lua_pushvalue(L, 2);
        data_push_row(L, ds, r);
        lua_call(L, 1, 1);
        if (lua_toboolean(L, -1))
            rows[kept++] = r;
        lua_pop(L, 1);
    }
    data_push_gathered(L, ds, rows, kept);
    return 1;
}

/* ---- comparing values ---- */

/* <0, 0, >0 for two non-null values of one column type. */
int data_compare_cells(const struct sumi_coldata *a, size_t ra, const struct sumi_coldata *b,
                       size_t rb) {
    if (a->type == SUMI_STRING && b->type == SUMI_STRING)
        return strcmp(a->v.strings[ra], b->v.strings[rb]);
    if (a->type == SUMI_INTEGER && b->type == SUMI_INTEGER)
        return (a->v.integers[ra] > b->v.integers[rb]) - (a->v.integers[ra] < b->v.integers[rb]);
    double x = sumi_coldata_number_at(a, ra), y = sumi_coldata_number_at(b, rb);
    return (x > y) - (x < y);
}

static const char *const where_ops[] = {"==", "~=", "<", "<=", ">", ">=", NULL};

/* ds:where("value", ">", 100): the comparison runs in C. Nulls never match. */
int ds_where(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    const struct sumi_coldata *col = ds->columns[data_check_column(L, ds, 2)].data;
    int op = luaL_checkoption(L, 3, NULL, where_ops);
    /* The value as a one-row column of the same kind, to compare like cells. */
    struct sumi_coldata *value = NULL;
    if (col->type == SUMI_STRING || sumi_type_is_calendar(col->type)) {
        size_t len;
        const char *s = luaL_checklstring(L, 4, &len);
        if (sumi_type_is_calendar(col->type)) {
            int32_t count;
            if (col->type == SUMI_DATE && sumi_date_parse(s, len, &count) != 0)
                return luaL_argerror(L, 4, "date \"YYYY-MM-DD\" expected");
            if (col->type == SUMI_MONTH && sumi_month_parse(s, len, &count) != 0)
                return luaL_argerror(L, 4, "month \"YYYY-MM\" expected");
            if (col->type == SUMI_QUARTER && sumi_quarter_parse(s, len, &count) != 0)
                return luaL_argerror(L, 4, "quarter \"YYYYQn\" expected");
            value = sumi_coldata_new(col->type, 1);
            if (value)
                sumi_coldata_push_date(value, count);
        } else {
            value = sumi_coldata_new(SUMI_STRING, 1);
            if (value && sumi_coldata_push_string(value, s, len) != 0) {
                sumi_coldata_unref(value);
                value = NULL;
            }
        }
    } else if (col->type == SUMI_BOOLEAN) {
        luaL_checktype(L, 4, LUA_TBOOLEAN);
        value = sumi_coldata_new(SUMI_BOOLEAN, 1);
        if (value)
            sumi_coldata_push_boolean(value, lua_toboolean(L, 4));
    } else {
        double d = luaL_checknumber(L, 4);
        if (d != d)
            return luaL_argerror(L, 4, "number expected, got nan");
        if (lua_isinteger(L, 4) && col->type == SUMI_INTEGER) {
            value = sumi_coldata_new(SUMI_INTEGER, 1);
            if (value)
                sumi_coldata_push_integer(value, (int64_t)lua_tointeger(L, 4));
        } else {
            value = sumi_coldata_new(SUMI_NUMBER, 1);
            if (value)
                sumi_coldata_push_number(value, d);
        }
    }
    if (value == NULL)
        data_out_of_memory(L);
    size_t *rows = lua_newuserdatauv(L, (ds->rows ? ds->rows : 1) * sizeof *rows, 0);
    size_t kept = 0;
    for (size_t r = 0; r < ds->rows; r++) {
        if (sumi_coldata_is_null(col, r))
            continue;
        int c = data_compare_cells(col, r, value, 0);
        int match = op == 0   ? c == 0
                    : op == 1 ? c != 0
                    : op == 2 ? c < 0
                    : op == 3 ? c <= 0
                    : op == 4 ? c > 0
                              : c >= 0;
        if (match)
            rows[kept++] = r;
    }
    sumi_coldata_unref(value);
    data_push_gathered(L, ds, rows, kept);
    return 1;
}

/* ---- sort ---- */

struct sort_key {
    const struct sumi_coldata *col;
    int descending;
};

/* Stable order of two rows; nulls last whatever the direction. */
static int compare_rows(const struct sort_key *keys, int nkeys, size_t a, size_t b) {
    for (int k = 0; k < nkeys; k++) {
        const struct sumi_coldata *col = keys[k].col;
        int na = sumi_coldata_is_null(col, a), nb = sumi_coldata_is_null(col, b);
        if (na || nb) {
            if (na != nb)
                return na ? 1 : -1;
            continue;
        }
        int c = data_compare_cells(col, a, col, b);
        if (c != 0)
            return keys[k].descending ? -c : c;
    }
    return 0;
}

struct sort_keys {
    const struct sort_key *keys;
    int nkeys;
};

static int compare_sorted_rows(const void *ctx, size_t a, size_t b) {
    const struct sort_keys *k = ctx;
    return compare_rows(k->keys, k->nkeys, a, b);
}

/* One key that is not text, the usual case (sort by a value, a date):
 * each row's value becomes an unsigned key in the same order (the sign bit
 * of a double flipped, or all its bits when negative), and an LSD radix
 * sort on the keys, stable like the merge sort, orders the rows in a few
 * passes over memory instead of n log n calls to compare_rows. Nulls
 * follow, in their original order. items holds 2 * n entries. */

uint64_t data_order_key(const struct sumi_coldata *col, size_t r) {
    uint64_t bits;
    switch (col->type) {
    case SUMI_NUMBER: {
        double d = col->v.numbers[r] == 0 ? 0.0 : col->v.numbers[r];
        memcpy(&bits, &d, sizeof bits);
        return bits >> 63 ? ~bits : bits | (UINT64_C(1) << 63);
    }
    case SUMI_INTEGER:
        return (uint64_t)col->v.integers[r] ^ (UINT64_C(1) << 63);
    case SUMI_DATE:
    case SUMI_MONTH:
    case SUMI_QUARTER:
        return (uint64_t)(int64_t)col->v.dates[r] ^ (UINT64_C(1) << 63);
    default:
        return col->v.booleans[r];
    }
}

void data_radix_sort_rows(const struct sumi_coldata *col, int descending, size_t *rows,
                          struct radix_item *items, size_t n) {
    struct radix_item *a = items, *b = items + n;
    size_t m = 0, nulls = n;
    for (size_t r = 0; r < n; r++) {
        if (sumi_coldata_is_null(col, r)) {
            rows[--nulls] = r; /* reversed here, put right below */
            continue;
        }
        uint64_t k = data_order_key(col, r);
        a[m++] = (struct radix_item){descending ? ~k : k, r};
    }
    for (int shift = 0; shift < 64 && m > 0; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < m; i++)
            count[((a[i].key >> shift) & 0xFF) + 1]++;
        if (count[((a[0].key >> shift) & 0xFF) + 1] == m)
            continue; /* every key has this byte: the pass would change nothing */
        for (int d = 0; d < 256; d++)
            count[d + 1] += count[d];
        for (size_t i = 0; i < m; i++)
            b[count[(a[i].key >> shift) & 0xFF]++] = a[i];
        struct radix_item *t = a;
        a = b;
        b = t;
    }
    for (size_t i = 0; i < m; i++)
        rows[i] = a[i].row;
    for (size_t i = m, j = n; i + 1 < j; i++) { /* nulls back in row order */
        size_t t = rows[i];
        rows[i] = rows[--j];
        rows[j] = t;
    }
}

/* ds:sort("value") ds:sort("value", {descending = true})
 * ds:sort{"region", {"value", "desc"}} */
int ds_sort(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    static const char *const keys_opt[] = {"descending", NULL};
    opt_check_keys(L, 3, keys_opt);
    int all_descending = opt_boolean(L, 3, "descending", 0);
    int nkeys = lua_istable(L, 2) ? (int)lua_rawlen(L, 2) : 1;
    if (nkeys < 1)
        return luaL_argerror(L, 2, "at least one sort key expected");
    struct sort_key *keys = lua_newuserdatauv(L, (size_t)nkeys * sizeof *keys, 0);
    for (int k = 0; k < nkeys; k++) {
        int descending = all_descending;
        if (lua_istable(L, 2)) {
            lua_rawgeti(L, 2, k + 1);
            if (lua_istable(L, -1)) {
                lua_rawgeti(L, -1, 2);
                const char *dir = lua_tostring(L, -1);
                if (dir != NULL && strcmp(dir, "desc") == 0)
                    descending = 1;
                else if (dir != NULL && strcmp(dir, "asc") == 0)
                    descending = 0;
                else if (!lua_isnil(L, -1))
                    return luaL_error(L, "sort key %d: direction must be \"asc\" or \"desc\"",
                                      k + 1);
                lua_pop(L, 1);
                lua_rawgeti(L, -1, 1);
                lua_replace(L, -2);
            }
        } else {
            lua_pushvalue(L, 2);
        }
        keys[k].col = ds->columns[data_check_column(L, ds, lua_gettop(L))].data;
        keys[k].descending = descending;
        lua_pop(L, 1);
    }
    size_t *rows = data_push_index(L, ds->rows);
    if (nkeys == 1 && keys[0].col->type != SUMI_STRING) {
        struct radix_item *items =
            lua_newuserdatauv(L, (ds->rows ? ds->rows : 1) * 2 * sizeof *items, 0);
        data_radix_sort_rows(keys[0].col, keys[0].descending, rows, items, ds->rows);
    } else {
        size_t *tmp = data_push_index(L, ds->rows);
        for (size_t r = 0; r < ds->rows; r++)
            rows[r] = r;
        struct sort_keys ctx = {keys, nkeys};
        reshape_merge_sort(rows, tmp, ds->rows, compare_sorted_rows, &ctx);
    }
    data_push_gathered(L, ds, rows, ds->rows);
    return 1;
}

/* ---- derive and calc ---- */

/* ds:derive("label", function(row) return row.name .. "社" end) */
int ds_derive(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    const char *name = luaL_checkstring(L, 2);
    luaL_checktype(L, 3, LUA_TFUNCTION);
    builder_box *box = data_push_builder(L);
    int box_idx = lua_gettop(L);
    sumi_builder_add_column(box->b, name);
    for (size_t r = 0; r < ds->rows; r++) {
        lua_pushvalue(L, 3);
        data_push_row(L, ds, r);
        lua_call(L, 1, 1);
        char where[96];
        snprintf(where, sizeof where, "derive '%.40s': row %zu", name, r + 1);
        data_builder_put(L, box->b, 0, lua_gettop(L), where);
        lua_pop(L, 1);
        sumi_builder_end_row(box->b);
    }
    struct sumi_dataset *one = data_finish_builder(L, box);
    int one_idx = lua_gettop(L);
    struct sumi_dataset *out = data_push_new_like(L, ds);
    int replaced = 0;
    for (size_t c = 0; c < ds->column_count; c++) {
        if (strcmp(ds->columns[c].name, name) == 0) {
            data_add_column(L, out, name, one->columns[0].data, NULL);
            replaced = 1;
        } else {
            data_add_column(L, out, ds->columns[c].name, ds->columns[c].data, &ds->columns[c].meta);
        }
    }
    if (!replaced)
        data_add_column(L, out, name, one->columns[0].data, NULL);
    out->rows = ds->rows;
    (void)one_idx;
    (void)box_idx;
    return 1;
}

/* An operand of calc: a numeric column or a number. */
struct operand {
    const struct sumi_coldata *col;
    double number;
    int integral;
    const char *name;
};

static void read_operand(lua_State *L, const struct sumi_dataset *ds, int arg, struct operand *o) {
    o->col = NULL;
    o->name = NULL;
    if (lua_type(L, arg) == LUA_TNUMBER) {
        o->number = check_finite(L, arg);
        o->integral = lua_isinteger(L, arg);
        return;
    }
    int c = data_check_column(L, ds, arg);
    o->col = ds->columns[c].data;
    o->name = ds->columns[c].name;
    if (o->col->type != SUMI_INTEGER && o->col->type != SUMI_NUMBER)
        luaL_error(L, "calc: column '%s' holds %s values, not numbers", o->name,
                   sumi_type_name(o->col->type));
    o->integral = o->col->type == SUMI_INTEGER;
}

static double operand_at(const struct operand *o, size_t r, int *is_null) {
    if (o->col == NULL)
        return o->number;
    if (sumi_coldata_is_null(o->col, r)) {
        *is_null = 1;
        return 0;
    }
    return sumi_coldata_number_at(o->col, r);
}

/* ds:calc("share", "cn", "/", "world"); ds:calc("pct", "share", "*", 100).
 * Nulls stay null; a zero divisor is an error naming the row, never inf. */
int ds_calc(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    const char *name = luaL_checkstring(L, 2);
    struct operand a, b;
    read_operand(L, ds, 3, &a);
    static const char *const ops[] = {"+", "-", "*", "/", NULL};
    int op = luaL_checkoption(L, 4, NULL, ops);
    read_operand(L, ds, 5, &b);
    int integral = a.integral && b.integral && op != 3;
    struct sumi_coldata *result =
        data_own(L, sumi_coldata_new(integral ? SUMI_INTEGER : SUMI_NUMBER, ds->rows));
    for (size_t r = 0; r < ds->rows; r++) {
        int is_null = 0;
        double x = operand_at(&a, r, &is_null), y = operand_at(&b, r, &is_null);
        int failed;
        if (is_null) {
            failed = sumi_coldata_push_null(result);
        } else if (op == 3 && y == 0) {
            return luaL_error(L, "calc '%s': row %d: division by zero (%s is 0)", name,
                              (int)(r + 1), b.name ? b.name : "the divisor");
        } else if (integral) {
            int64_t xi = a.col ? a.col->v.integers[r] : (int64_t)x;
            int64_t yi = b.col ? b.col->v.integers[r] : (int64_t)y;
            int64_t v;
            int overflow = op == 0   ? __builtin_add_overflow(xi, yi, &v)
                           : op == 1 ? __builtin_sub_overflow(xi, yi, &v)
                                     : __builtin_mul_overflow(xi, yi, &v);
            if (overflow) {
                return luaL_error(L, "calc '%s': row %d: integer overflow", name, (int)(r + 1));
            }
            failed = sumi_coldata_push_integer(result, v);
        } else {
            double v = op == 0 ? x + y : op == 1 ? x - y : op == 2 ? x * y : x / y;
            if (!isfinite(v)) {
                return luaL_error(L, "calc '%s': row %d: result is not finite", name, (int)(r + 1));
            }
            failed = sumi_coldata_push_number(result, v);
        }
        if (failed)
            data_out_of_memory(L);
    }
    data_push_with_column(L, ds, name, result, NULL);
    return 1;
}

void data_push_with_column(lua_State *L, const struct sumi_dataset *ds, const char *name,
                           struct sumi_coldata *col, const struct sumi_meta *meta) {
    struct sumi_dataset *out = data_push_new_like(L, ds);
    int replaced = 0;
    for (size_t c = 0; c < ds->column_count; c++) {
        int same = strcmp(ds->columns[c].name, name) == 0;
        data_add_column(L, out, ds->columns[c].name, same ? col : ds->columns[c].data,
                        same ? meta : &ds->columns[c].meta);
        replaced |= same;
    }
    if (!replaced)
        data_add_column(L, out, name, col, meta);
    out->rows = ds->rows;
}
