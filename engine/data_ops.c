/* Operations that make a new dataset from one or two others: select, rename,
 * head, tail, filter, where, sort, group_by, derive, calc, join, distinct,
 * append. Each loop over rows runs here in C; only filter and derive call
 * back into Lua, once per row, because the analyst's function is Lua. */
#define _POSIX_C_SOURCE 200809L
#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "data_internal.h"
#include "options.h"

static int owned_gc(lua_State *L) {
    struct sumi_coldata **box = lua_touserdata(L, 1);
    sumi_coldata_unref(*box);
    *box = NULL;
    return 0;
}

/* Pushes a userdata that owns col's reference, so an error raised before
 * the column reaches a dataset still frees it. NULL col: out of memory. */
static struct sumi_coldata *own(lua_State *L, struct sumi_coldata *col) {
    if (col == NULL)
        data_out_of_memory(L);
    struct sumi_coldata **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = col;
    if (luaL_newmetatable(L, "sumi.owned_column")) {
        lua_pushcfunction(L, owned_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return col;
}

/* An index array owned by a userdata, freed if an error unwinds. */
static size_t *push_index(lua_State *L, size_t n) {
    size_t *idx = lua_newuserdatauv(L, (n ? n : 1) * sizeof *idx, 0);
    return idx;
}

/* Pushes a dataset whose columns are ds's columns gathered at rows[0..n). */
static struct sumi_dataset *push_gathered(lua_State *L, const struct sumi_dataset *ds,
                                          const size_t *rows, size_t n) {
    struct sumi_dataset *out = data_push_new_like(L, ds);
    for (size_t c = 0; c < ds->column_count; c++) {
        struct sumi_coldata *g = own(L, sumi_coldata_gather(ds->columns[c].data, rows, n));
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
    size_t *rows = push_index(L, count);
    for (size_t i = 0; i < count; i++)
        rows[i] = start + i;
    push_gathered(L, ds, rows, count);
    return 1;
}

int ds_head(lua_State *L) { return slice(L, 0); }
int ds_tail(lua_State *L) { return slice(L, 1); }

/* ds:filter(function(row) return row.value > 100 end) */
int ds_filter(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    size_t *rows = push_index(L, ds->rows);
    size_t kept = 0;
    for (size_t r = 0; r < ds->rows; r++) {
        lua_pushvalue(L, 2);
        data_push_row(L, ds, r);
        lua_call(L, 1, 1);
        if (lua_toboolean(L, -1))
            rows[kept++] = r;
        lua_pop(L, 1);
    }
    push_gathered(L, ds, rows, kept);
    return 1;
}

/* ---- comparing values ---- */

/* <0, 0, >0 for two non-null values of one column type. */
static int compare_cells(const struct sumi_coldata *a, size_t ra, const struct sumi_coldata *b,
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
    if (col->type == SUMI_STRING || col->type == SUMI_DATE) {
        size_t len;
        const char *s = luaL_checklstring(L, 4, &len);
        if (col->type == SUMI_DATE) {
            int32_t days;
            if (sumi_date_parse(s, len, &days) != 0)
                return luaL_argerror(L, 4, "date \"YYYY-MM-DD\" expected");
            value = sumi_coldata_new(SUMI_DATE, 1);
            if (value)
                sumi_coldata_push_date(value, days);
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
        int c = compare_cells(col, r, value, 0);
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
    push_gathered(L, ds, rows, kept);
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
        int c = compare_cells(col, a, col, b);
        if (c != 0)
            return keys[k].descending ? -c : c;
    }
    return 0;
}

static void merge_sort(size_t *rows, size_t *tmp, size_t n, const struct sort_key *keys,
                       int nkeys) {
    /* Bottom-up merge sort: stable, O(n log n), no recursion. */
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = compare_rows(keys, nkeys, rows[j], rows[i]) < 0 ? rows[j++] : rows[i++];
            while (i < mid)
                tmp[k++] = rows[i++];
            while (j < hi)
                tmp[k++] = rows[j++];
        }
        memcpy(rows, tmp, n * sizeof *rows);
    }
}

/* One key that is not text, the usual case (sort by a value, a date):
 * each row's value becomes an unsigned key in the same order (the sign bit
 * of a double flipped, or all its bits when negative), and an LSD radix
 * sort on the keys, stable like the merge sort, orders the rows in a few
 * passes over memory instead of n log n calls to compare_rows. Nulls
 * follow, in their original order. items holds 2 * n entries. */
struct radix_item {
    uint64_t key;
    size_t row;
};

static uint64_t order_key(const struct sumi_coldata *col, size_t r) {
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
        return (uint64_t)(int64_t)col->v.dates[r] ^ (UINT64_C(1) << 63);
    default:
        return col->v.booleans[r];
    }
}

static void radix_sort_rows(const struct sumi_coldata *col, int descending, size_t *rows,
                            struct radix_item *items, size_t n) {
    struct radix_item *a = items, *b = items + n;
    size_t m = 0, nulls = n;
    for (size_t r = 0; r < n; r++) {
        if (sumi_coldata_is_null(col, r)) {
            rows[--nulls] = r; /* reversed here, put right below */
            continue;
        }
        uint64_t k = order_key(col, r);
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
    size_t *rows = push_index(L, ds->rows);
    if (nkeys == 1 && keys[0].col->type != SUMI_STRING) {
        struct radix_item *items =
            lua_newuserdatauv(L, (ds->rows ? ds->rows : 1) * 2 * sizeof *items, 0);
        radix_sort_rows(keys[0].col, keys[0].descending, rows, items, ds->rows);
    } else {
        size_t *tmp = push_index(L, ds->rows);
        for (size_t r = 0; r < ds->rows; r++)
            rows[r] = r;
        merge_sort(rows, tmp, ds->rows, keys, nkeys);
    }
    push_gathered(L, ds, rows, ds->rows);
    return 1;
}

/* ---- hashing key tuples (group_by, join, distinct) ---- */

static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

static uint64_t hash_cell(const struct sumi_coldata *col, size_t r) {
    if (sumi_coldata_is_null(col, r))
        return 0x51ed270b27ULL;
    switch (col->type) {
    case SUMI_STRING: {
        uint64_t h = 1469598103934665603ULL; /* FNV-1a */
        for (const unsigned char *p = (const unsigned char *)col->v.strings[r]; *p; p++)
            h = (h ^ *p) * 1099511628211ULL;
        return h;
    }
    case SUMI_NUMBER: {
        double d = col->v.numbers[r];
        if (d == 0)
            d = 0; /* -0 and 0 are one key */
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return bits * 0xff51afd7ed558ccdULL;
    }
    default:
        return (uint64_t)(int64_t)sumi_coldata_number_at(col, r) * 0xff51afd7ed558ccdULL + 1;
    }
}

static int cells_equal(const struct sumi_coldata *a, size_t ra, const struct sumi_coldata *b,
                       size_t rb) {
    int na = sumi_coldata_is_null(a, ra), nb = sumi_coldata_is_null(b, rb);
    if (na || nb)
        return na && nb; /* nulls group together, as in SQL GROUP BY */
    return compare_cells(a, ra, b, rb) == 0;
}

/* Open-addressing table from key tuple to group number. */
struct key_table {
    size_t *slots; /* group number + 1; 0 empty */
    uint64_t *hashes;
    size_t mask;
};

static struct key_table *push_key_table(lua_State *L, size_t expected) {
    size_t size = 16;
    while (size < expected * 2)
        size *= 2;
    struct key_table *t = lua_newuserdatauv(L, sizeof *t + size * (sizeof(size_t) + 8), 0);
    t->slots = (size_t *)(t + 1);
    t->hashes = (uint64_t *)(t->slots + size);
    memset(t->slots, 0, size * sizeof(size_t));
    t->mask = size - 1;
    return t;
}

static uint64_t hash_row(const struct sumi_coldata *const *cols, int n, size_t r) {
    uint64_t h = 0;
    for (int i = 0; i < n; i++)
        h = mix(h, hash_cell(cols[i], r));
    return h;
}

static int rows_equal(const struct sumi_coldata *const *a, size_t ra,
                      const struct sumi_coldata *const *b, size_t rb, int n) {
    for (int i = 0; i < n; i++)
        if (!cells_equal(a[i], ra, b[i], rb))
            return 0;
    return 1;
}

/* Finds the group of row r (keys cols) among groups whose first rows are
 * firsts[], or adds it as group *count. Returns the group number. */
static size_t find_or_add(struct key_table *t, const struct sumi_coldata *const *cols, int n,
                          size_t r, size_t *firsts, size_t *count, int add) {
    uint64_t h = hash_row(cols, n, r);
    for (size_t i = (size_t)h & t->mask;; i = (i + 1) & t->mask) {
        if (t->slots[i] == 0) {
            if (!add)
                return SIZE_MAX;
            t->slots[i] = *count + 1;
            t->hashes[i] = h;
            firsts[*count] = r;
            return (*count)++;
        }
        size_t g = t->slots[i] - 1;
        if (t->hashes[i] == h && rows_equal(cols, r, cols, firsts[g], n))
            return g;
    }
}

/* Reads a list of column names (or one name) at arg into cols[]. */
static int read_key_columns(lua_State *L, const struct sumi_dataset *ds, int arg,
                            const struct sumi_coldata ***cols_out, int **index_out) {
    int n = lua_istable(L, arg) ? (int)lua_rawlen(L, arg) : 1;
    if (n < 1)
        luaL_argerror(L, arg, "at least one key column expected");
    const struct sumi_coldata **cols = lua_newuserdatauv(L, (size_t)n * sizeof *cols, 0);
    int *index = lua_newuserdatauv(L, (size_t)n * sizeof *index, 0);
    for (int i = 0; i < n; i++) {
        if (lua_istable(L, arg))
            lua_rawgeti(L, arg, i + 1);
        else
            lua_pushvalue(L, arg);
        index[i] = data_check_column(L, ds, lua_gettop(L));
        cols[i] = ds->columns[index[i]].data;
        lua_pop(L, 1);
    }
    *cols_out = cols;
    *index_out = index;
    return n;
}

/* ---- group_by ---- */

static const char *const agg_names[] = {"sum", "mean", "min", "max", "count", "first", NULL};
enum { AGG_SUM, AGG_MEAN, AGG_MIN, AGG_MAX, AGG_COUNT, AGG_FIRST };

/* ds:group_by({"region"}, {{"total", "sum", "value"}, {"n", "count"}}) */
int ds_group_by(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    const struct sumi_coldata **keys;
    int *key_index;
    int nkeys = read_key_columns(L, ds, 2, &keys, &key_index);
    luaL_checktype(L, 3, LUA_TTABLE);
    int naggs = (int)lua_rawlen(L, 3);
    size_t *firsts = push_index(L, ds->rows);
    size_t *group_of = push_index(L, ds->rows);
    struct key_table *t = push_key_table(L, ds->rows);
    size_t groups = 0;
    for (size_t r = 0; r < ds->rows; r++)
        group_of[r] = find_or_add(t, keys, nkeys, r, firsts, &groups, 1);
    struct sumi_dataset *out = data_push_new_like(L, ds);
    int out_idx = lua_gettop(L);
    for (int k = 0; k < nkeys; k++) {
        struct sumi_coldata *g = own(L, sumi_coldata_gather(keys[k], firsts, groups));
        data_add_column(L, out, ds->columns[key_index[k]].name, g, &ds->columns[key_index[k]].meta);
        lua_pop(L, 1);
    }
    out->rows = groups;
    double *acc = lua_newuserdatauv(L, (groups ? groups : 1) * sizeof *acc, 0);
    size_t *counts = push_index(L, groups);
    size_t *picks = push_index(L, groups);
    for (int a = 0; a < naggs; a++) {
        if (lua_rawgeti(L, 3, a + 1) != LUA_TTABLE)
            return luaL_error(L, "aggregate %d: {name, \"sum\", column} expected", a + 1);
        int spec = lua_gettop(L);
        lua_rawgeti(L, spec, 1);
        lua_rawgeti(L, spec, 2);
        const char *name = lua_tostring(L, -2);
        const char *fn = lua_tostring(L, -1);
        if (name == NULL || fn == NULL)
            return luaL_error(L, "aggregate %d: {name, \"sum\", column} expected", a + 1);
        int agg = -1;
        for (int i = 0; agg_names[i]; i++)
            if (strcmp(fn, agg_names[i]) == 0)
                agg = i;
        if (agg < 0)
            return luaL_error(L,
                              "aggregate '%s': unknown function '%s' (sum, mean, min, max, "
                              "count, first)",
                              name, fn);
        const struct sumi_coldata *col = NULL;
        int src = -1;
        if (lua_rawgeti(L, spec, 3) != LUA_TNIL) {
            src = data_check_column(L, ds, lua_gettop(L));
            col = ds->columns[src].data;
        } else if (agg != AGG_COUNT) {
            return luaL_error(L, "aggregate '%s': '%s' needs a column", name, fn);
        }
        if ((agg == AGG_SUM || agg == AGG_MEAN) && col->type != SUMI_INTEGER &&
            col->type != SUMI_NUMBER)
            return luaL_error(L, "aggregate '%s': cannot %s column '%s' of %s values", name, fn,
                              ds->columns[src].name, sumi_type_name(col->type));
        struct sumi_coldata *result = NULL;
        if (agg == AGG_COUNT) {
            memset(counts, 0, groups * sizeof *counts);
            for (size_t r = 0; r < ds->rows; r++)
                if (col == NULL || !sumi_coldata_is_null(col, r))
                    counts[group_of[r]]++;
            result = own(L, sumi_coldata_new(SUMI_INTEGER, groups));
            for (size_t g = 0; result && g < groups; g++)
                sumi_coldata_push_integer(result, (int64_t)counts[g]);
        } else if (agg == AGG_SUM || agg == AGG_MEAN) {
            memset(acc, 0, groups * sizeof *acc);
            memset(counts, 0, groups * sizeof *counts);
            int integral = col->type == SUMI_INTEGER && agg == AGG_SUM;
            int64_t *isum = integral ? lua_newuserdatauv(L, (groups ? groups : 1) * 8, 0) : NULL;
            if (isum)
                memset(isum, 0, groups * 8);
            for (size_t r = 0; r < ds->rows; r++) {
                if (sumi_coldata_is_null(col, r))
                    continue;
                size_t g = group_of[r];
                counts[g]++;
                if (integral && __builtin_add_overflow(isum[g], col->v.integers[r], &isum[g]))
                    integral = 0; /* fall back to the double sum below */
                acc[g] += sumi_coldata_number_at(col, r);
            }
            result = own(L, sumi_coldata_new(integral ? SUMI_INTEGER : SUMI_NUMBER, groups));
            for (size_t g = 0; result && g < groups; g++) {
                if (agg == AGG_MEAN && counts[g] == 0)
                    sumi_coldata_push_null(result); /* a mean of nothing is null, never nan */
                else if (integral)
                    sumi_coldata_push_integer(result, isum[g]);
                else
                    sumi_coldata_push_number(result,
                                             agg == AGG_MEAN ? acc[g] / (double)counts[g] : acc[g]);
            }
        } else { /* min, max, first: pick a row per group and gather */
            for (size_t g = 0; g < groups; g++)
                picks[g] = SIZE_MAX;
            for (size_t r = 0; r < ds->rows; r++) {
                size_t g = group_of[r];
                if (agg == AGG_FIRST) {
                    if (picks[g] == SIZE_MAX)
                        picks[g] = r;
                    continue;
                }
                if (sumi_coldata_is_null(col, r))
                    continue;
                if (picks[g] == SIZE_MAX) {
                    picks[g] = r;
                    continue;
                }
                int c = compare_cells(col, r, col, picks[g]);
                if ((agg == AGG_MIN && c < 0) || (agg == AGG_MAX && c > 0))
                    picks[g] = r;
            }
            result = own(L, sumi_coldata_gather(col, picks, groups));
        }
        data_add_column(L, out, name, result, src >= 0 ? &ds->columns[src].meta : NULL);
        lua_settop(L, spec - 1);
    }
    lua_pushvalue(L, out_idx);
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
        own(L, sumi_coldata_new(integral ? SUMI_INTEGER : SUMI_NUMBER, ds->rows));
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
    struct sumi_dataset *out = data_push_new_like(L, ds);
    int replaced = 0;
    for (size_t c = 0; c < ds->column_count; c++) {
        int same = strcmp(ds->columns[c].name, name) == 0;
        data_add_column(L, out, ds->columns[c].name, same ? result : ds->columns[c].data,
                        same ? NULL : &ds->columns[c].meta);
        replaced |= same;
    }
    if (!replaced)
        data_add_column(L, out, name, result, NULL);
    out->rows = ds->rows;
    return 1;
}

/* ---- join ---- */

/* ds:join(other, "key" [, {how = "inner" | "left", suffix = "_right"}]) */
int ds_join(lua_State *L) {
    struct sumi_dataset *left = sumi_check_dataset(L, 1);
    struct sumi_dataset *right = sumi_check_dataset(L, 2);
    static const char *const keys_opt[] = {"how", "suffix", NULL};
    opt_check_keys(L, 4, keys_opt);
    static const char *const hows[] = {"inner", "left", NULL};
    int how = opt_enum(L, 4, "how", 0, hows);
    const char *suffix = opt_string(L, 4, "suffix", "_right");
    const struct sumi_coldata **lkeys, **rkeys;
    int *lindex, *rindex;
    int nkeys = read_key_columns(L, left, 3, &lkeys, &lindex);
    read_key_columns(L, right, 3, &rkeys, &rindex);
    /* Right rows grouped by key: groups[g] lists its rows through next[]. */
    size_t *firsts = push_index(L, right->rows);
    size_t *group_of = push_index(L, right->rows);
    size_t *head = push_index(L, right->rows);
    size_t *next = push_index(L, right->rows);
    struct key_table *t = push_key_table(L, right->rows);
    size_t groups = 0;
    for (size_t r = 0; r < right->rows; r++)
        group_of[r] = find_or_add(t, rkeys, nkeys, r, firsts, &groups, 1);
    for (size_t g = 0; g < groups; g++)
        head[g] = SIZE_MAX;
    for (size_t r = right->rows; r-- > 0;) {
        next[r] = head[group_of[r]];
        head[group_of[r]] = r;
    }
    /* Count, then fill, the pairs of rows. */
    size_t pairs = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t *lrows = NULL, *rrows = NULL;
        if (pass == 1) {
            lrows = push_index(L, pairs);
            rrows = push_index(L, pairs);
        }
        size_t n = 0;
        for (size_t l = 0; l < left->rows; l++) {
            /* Look the left key up among the right groups. */
            uint64_t h = hash_row(lkeys, nkeys, l);
            size_t g = SIZE_MAX;
            for (size_t i = (size_t)h & t->mask; t->slots[i] != 0; i = (i + 1) & t->mask) {
                size_t cand = t->slots[i] - 1;
                if (t->hashes[i] == h && rows_equal(lkeys, l, rkeys, firsts[cand], nkeys)) {
                    g = cand;
                    break;
                }
            }
            if (g == SIZE_MAX) {
                if (how == 1) {
                    if (pass == 1) {
                        lrows[n] = l;
                        rrows[n] = SIZE_MAX;
                    }
                    n++;
                }
                continue;
            }
            for (size_t r = head[g]; r != SIZE_MAX; r = next[r]) {
                if (pass == 1) {
                    lrows[n] = l;
                    rrows[n] = r;
                }
                n++;
            }
        }
        if (pass == 0) {
            pairs = n;
            continue;
        }
        struct sumi_dataset *out = data_push_new_like(L, left);
        int out_idx = lua_gettop(L);
        if (sumi_meta_merge(&out->meta, &right->meta) != 0)
            data_out_of_memory(L);
        for (size_t c = 0; c < left->column_count; c++) {
            struct sumi_coldata *g2 = own(L, sumi_coldata_gather(left->columns[c].data, lrows, n));
            data_add_column(L, out, left->columns[c].name, g2, &left->columns[c].meta);
            lua_pop(L, 1);
        }
        for (size_t c = 0; c < right->column_count; c++) {
            int is_key = 0;
            for (int k = 0; k < nkeys; k++)
                is_key |= rindex[k] == (int)c;
            if (is_key)
                continue;
            const char *name = right->columns[c].name;
            if (sumi_dataset_find(out, name) >= 0)
                name = lua_pushfstring(L, "%s%s", name, suffix);
            struct sumi_coldata *g2 = own(L, sumi_coldata_gather(right->columns[c].data, rrows, n));
            data_add_column(L, out, name, g2, &right->columns[c].meta);
            lua_pop(L, 1);
        }
        out->rows = n;
        lua_pushvalue(L, out_idx);
        return 1;
    }
    return 0;
}

/* ds:distinct() or ds:distinct{"region"}: first occurrences, in order. */
int ds_distinct(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    int top = lua_gettop(L);
    struct sumi_dataset *subject = ds;
    if (!lua_isnoneornil(L, 2)) {
        lua_pushcfunction(L, ds_select);
        lua_pushvalue(L, 1);
        lua_pushvalue(L, 2);
        lua_call(L, 2, 1);
        subject = sumi_check_dataset(L, -1);
    }
    const struct sumi_coldata **cols =
        lua_newuserdatauv(L, (subject->column_count ? subject->column_count : 1) * sizeof *cols, 0);
    for (size_t c = 0; c < subject->column_count; c++)
        cols[c] = subject->columns[c].data;
    size_t *firsts = push_index(L, subject->rows);
    struct key_table *t = push_key_table(L, subject->rows);
    size_t groups = 0;
    for (size_t r = 0; r < subject->rows; r++)
        find_or_add(t, cols, (int)subject->column_count, r, firsts, &groups, 1);
    push_gathered(L, subject, firsts, groups);
    lua_replace(L, top + 1);
    lua_settop(L, top + 1);
    return 1;
}

/* Concatenates two columns of compatible types. */
static struct sumi_coldata *concat(const struct sumi_coldata *a, const struct sumi_coldata *b) {
    enum sumi_type type = a->type;
    if (a->type != b->type)
        type = SUMI_NUMBER; /* integers with numbers; other mixes are refused earlier */
    struct sumi_coldata *out = sumi_coldata_new(type, a->length + b->length);
    if (out == NULL)
        return NULL;
    for (int i = 0; i < a->arena_count; i++)
        sumi_coldata_adopt_arena(out, a->arenas[i]);
    for (int i = 0; i < b->arena_count; i++)
        sumi_coldata_adopt_arena(out, b->arenas[i]);
    const struct sumi_coldata *parts[2] = {a, b};
    for (int p = 0; p < 2; p++) {
        const struct sumi_coldata *src = parts[p];
        for (size_t r = 0; r < src->length; r++) {
            int failed;
            if (sumi_coldata_is_null(src, r))
                failed = sumi_coldata_push_null(out);
            else if (type == SUMI_NUMBER)
                failed = sumi_coldata_push_number(out, sumi_coldata_number_at(src, r));
            else if (type == SUMI_INTEGER)
                failed = sumi_coldata_push_integer(out, src->v.integers[r]);
            else if (type == SUMI_BOOLEAN)
                failed = sumi_coldata_push_boolean(out, src->v.booleans[r]);
            else if (type == SUMI_DATE)
                failed = sumi_coldata_push_date(out, src->v.dates[r]);
            else if (sumi_coldata_reserve(out, out->length + 1) != 0)
                failed = 1;
            else {
                /* The string stays in its arena, which out adopted. */
                failed = sumi_coldata_push_null(out);
                if (!failed) {
                    out->v.strings[out->length - 1] = src->v.strings[r];
                    out->valid[out->length - 1] = 1;
                }
            }
            if (failed) {
                sumi_coldata_unref(out);
                return NULL;
            }
        }
    }
    return out;
}

/* ds:append(other): other's rows after ds's; columns matched by name. */
int ds_append(lua_State *L) {
    struct sumi_dataset *a = sumi_check_dataset(L, 1);
    struct sumi_dataset *b = sumi_check_dataset(L, 2);
    if (a->column_count != b->column_count)
        return luaL_error(L, "append: datasets have %d and %d columns", (int)a->column_count,
                          (int)b->column_count);
    struct sumi_dataset *out = data_push_new_like(L, a);
    if (sumi_meta_merge(&out->meta, &b->meta) != 0)
        data_out_of_memory(L);
    for (size_t c = 0; c < a->column_count; c++) {
        int j = sumi_dataset_find(b, a->columns[c].name);
        if (j < 0)
            return luaL_error(L, "append: the second dataset has no column '%s'",
                              a->columns[c].name);
        const struct sumi_coldata *x = a->columns[c].data, *y = b->columns[j].data;
        int numeric_mix = (x->type == SUMI_INTEGER || x->type == SUMI_NUMBER) &&
                          (y->type == SUMI_INTEGER || y->type == SUMI_NUMBER);
        if (x->type != y->type && !numeric_mix)
            return luaL_error(L,
                              "append: column '%s' holds %s values in one dataset and %s in "
                              "the other",
                              a->columns[c].name, sumi_type_name(x->type), sumi_type_name(y->type));
        struct sumi_coldata *joined = own(L, concat(x, y));
        data_add_column(L, out, a->columns[c].name, joined, &a->columns[c].meta);
        lua_pop(L, 1);
    }
    out->rows = a->rows + b->rows;
    return 1;
}
