/* Reshaping: pivot_wider turns long data (month, region, sales) into one
 * column per distinct region; pivot_longer stacks columns back into name
 * and value pairs. Both hash and copy in C, so a 1,000,000-row pivot is a
 * few passes over memory. Also the helpers data_window.c shares
 * (data_reshape.h): grouping rows by hashed key tuples, column arguments,
 * options and new columns. */
#define _POSIX_C_SOURCE 200809L
#include "data_reshape.h"

#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "data_internal.h"
#include "numtext.h"
#include "options.h"
#include "scratch.h"
#include "stack.h"

/* ---- arguments and options ---- */

int reshape_column(lua_State *L, const struct sumi_dataset *ds, const char *name,
                   const char *option) {
    int c = sumi_dataset_find(ds, name);
    if (c >= 0)
        return c;
    const char *names = sumi_push_column_names(L, ds);
    if (option != NULL)
        opt_raise(L, "option '%s': no column '%s' (columns: %s)", option, name, names);
    return opt_raise(L, "no column '%s' (columns: %s)", name, names);
}

int reshape_arg_column(lua_State *L, const struct sumi_dataset *ds, int arg, const char *what) {
    if (lua_type(L, arg) != LUA_TSTRING) {
        opt_push_shown(L, arg);
        opt_raise(L, "argument %d (%s) must be a column name; got %s", arg - 1, what,
                  lua_tostring(L, -1));
    }
    return reshape_column(L, ds, lua_tostring(L, arg), NULL);
}

int reshape_opt_columns(lua_State *L, const struct sumi_dataset *ds, int opts, const char *key,
                        int **index) {
    *index = NULL;
    if (!opt_has(L, opts, key))
        return 0;
    SUMI_STACK_MARK(L);
    lua_getfield(L, opts, key);
    int list = lua_gettop(L);
    int n = lua_type(L, list) == LUA_TSTRING ? 1
            : lua_istable(L, list)           ? (int)lua_rawlen(L, list)
                                             : -1;
    if (n < 0)
        opt_fail(L, key, "a column name or a list of column names", list);
    int *out = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *out, 0);
    for (int i = 0; i < n; i++) {
        if (lua_type(L, list) == LUA_TSTRING)
            lua_pushvalue(L, list);
        else if (lua_rawgeti(L, list, i + 1) != LUA_TSTRING)
            opt_fail(L, key, "a column name or a list of column names", -1);
        out[i] = reshape_column(L, ds, lua_tostring(L, -1), key);
        for (int j = 0; j < i; j++)
            if (out[j] == out[i])
                opt_raise(L, "option '%s' names column '%s' twice", key, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_remove(L, list);
    SUMI_STACK_CHECK(L, 1);
    *index = out;
    return n;
}

lua_Integer reshape_opt_integer(lua_State *L, int opts, const char *key, lua_Integer def,
                                lua_Integer min, lua_Integer max) {
    if (!opt_has(L, opts, key))
        return def;
    lua_getfield(L, opts, key);
    int exact = 0;
    lua_Integer v = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &exact) : 0;
    if (!exact || v < min || v > max) {
        if (max == LUA_MAXINTEGER)
            lua_pushfstring(L, "an integer >= %I", (lua_Integer)min);
        else
            lua_pushfstring(L, "an integer in [%I, %I]", (lua_Integer)min, (lua_Integer)max);
        opt_fail(L, key, lua_tostring(L, -1), -2);
    }
    lua_pop(L, 1);
    return v;
}

const char *reshape_opt_name(lua_State *L, int opts, const char *def) {
    const char *name = opt_string(L, opts, "name", def);
    if (name[0] == '\0') {
        lua_getfield(L, opts, "name");
        opt_fail(L, "name", "a non-empty string", -1);
    }
    return name;
}

/* ---- grouping rows by hashed key tuples ---- */

static uint64_t mix64(uint64_t x) { /* the finaliser of MurmurHash3 */
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static uint64_t hash_string(const char *s) { /* FNV-1a */
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return h;
}

/* A cell's bits for hashing: equal cells give equal bits. */
static inline uint64_t cell_bits(const struct sumi_coldata *col, size_t r) {
    if (col->valid != NULL && !col->valid[r])
        return 0x51ed270b27ULL;
    uint64_t v;
    switch (col->type) {
    case SUMI_INTEGER:
        return (uint64_t)col->v.integers[r];
    case SUMI_NUMBER: {
        double d = col->v.numbers[r] == 0 ? 0.0 : col->v.numbers[r]; /* -0 is 0 */
        memcpy(&v, &d, sizeof v);
        return v;
    }
    case SUMI_STRING:
        return hash_string(col->v.strings[r]);
    case SUMI_BOOLEAN:
        return col->v.booleans[r];
    default: /* dates and the other calendar types: counts in v.dates */
        return (uint64_t)(int64_t)col->v.dates[r];
    }
}

static inline uint64_t mix_in(uint64_t h, uint64_t bits) {
    return mix64(h ^ (bits + 0x9e3779b97f4a7c15ULL + (h << 6)));
}

static inline int cells_equal(const struct sumi_coldata *col, size_t a, size_t b) {
    int na = sumi_coldata_is_null(col, a), nb = sumi_coldata_is_null(col, b);
    if (na || nb)
        return na && nb;
    switch (col->type) {
    case SUMI_INTEGER:
        return col->v.integers[a] == col->v.integers[b];
    case SUMI_NUMBER:
        return col->v.numbers[a] == col->v.numbers[b];
    case SUMI_STRING:
        return col->v.strings[a] == col->v.strings[b] ||
               strcmp(col->v.strings[a], col->v.strings[b]) == 0;
    case SUMI_BOOLEAN:
        return col->v.booleans[a] == col->v.booleans[b];
    default: /* dates and the other calendar types: counts in v.dates */
        return col->v.dates[a] == col->v.dates[b];
    }
}

int reshape_cells_equal(const struct sumi_coldata *col, size_t a, size_t b) {
    return cells_equal(col, a, b);
}

static inline int rows_equal(const struct sumi_coldata *const *cols, int ncols, size_t a,
                             size_t b) {
    for (int c = 0; c < ncols; c++)
        if (!cells_equal(cols[c], a, b))
            return 0;
    return 1;
}

/* An open-addressing slot: a group's hash, and the group number + 1 (0: empty). */
struct slot {
    uint64_t hash;
    size_t group;
};

static struct slot *push_slots(lua_State *L, size_t size) {
    struct slot *slots = lua_newuserdatauv(L, size * sizeof *slots, 0);
    memset(slots, 0, size * sizeof *slots);
    return slots;
}

size_t reshape_push_groups(lua_State *L, const struct sumi_coldata *const *cols, int ncols,
                           size_t rows, size_t **group_of, size_t **firsts) {
    SUMI_STACK_MARK(L);
    size_t *of = data_push_index(L, rows);
    *group_of = of;
    /* Groups' first rows, in a block that grows: often there are few. */
    size_t first_size = rows < 1024 ? rows : 1024;
    size_t *first = data_push_index(L, first_size);
    int first_idx = lua_gettop(L);
    *firsts = first;
    if (rows == 0)
        return 0;
    if (ncols == 0) {
        memset(of, 0, rows * sizeof *of);
        first[0] = 0;
        return 1;
    }
    uint64_t *h = NULL; /* several key columns: hashed column by column */
    if (ncols > 1) {
        h = lua_newuserdatauv(L, rows * sizeof *h, 0);
        memset(h, 0, rows * sizeof *h);
        for (int c = 0; c < ncols; c++)
            for (size_t r = 0; r < rows; r++)
                h[r] = mix_in(h[r], cell_bits(cols[c], r));
    }
    /* The table starts small and doubles, so that a few groups among many
     * rows stay in cache. */
    size_t size = 256, count = 0;
    struct slot *slots = push_slots(L, size);
    int slots_idx = lua_gettop(L);
    for (size_t r = 0; r < rows; r++) {
        /* Rows sorted by their key repeat the row before: no hashing. */
        if (r > 0 && rows_equal(cols, ncols, r, r - 1)) {
            of[r] = of[r - 1];
            continue;
        }
        if (2 * (count + 1) > size) {
            struct slot *grown = push_slots(L, 2 * size);
            for (size_t i = 0; i < size; i++) {
                if (slots[i].group == 0)
                    continue;
                size_t j = (size_t)slots[i].hash & (2 * size - 1);
                while (grown[j].group != 0)
                    j = (j + 1) & (2 * size - 1);
                grown[j] = slots[i];
            }
            lua_replace(L, slots_idx);
            slots = grown;
            size *= 2;
        }
        uint64_t hr = h != NULL ? h[r] : mix_in(0, cell_bits(cols[0], r));
        size_t mask = size - 1;
        for (size_t i = (size_t)hr & mask;; i = (i + 1) & mask) {
            if (slots[i].group == 0) {
                if (count == first_size) {
                    size_t *grown = data_push_index(L, 2 * first_size);
                    memcpy(grown, first, first_size * sizeof *first);
                    lua_replace(L, first_idx);
                    first = *firsts = grown;
                    first_size *= 2;
                }
                slots[i].hash = hr;
                slots[i].group = count + 1;
                first[count] = r;
                of[r] = count++;
                break;
            }
            if (slots[i].hash == hr && rows_equal(cols, ncols, r, first[slots[i].group - 1])) {
                of[r] = slots[i].group - 1;
                break;
            }
        }
    }
    lua_pop(L, h != NULL ? 2 : 1); /* the table and the hashes */
    SUMI_STACK_CHECK(L, 2);
    return count;
}

/* ---- messages ---- */

void reshape_push_cell(lua_State *L, const struct sumi_coldata *col, size_t row, int quoted) {
    if (sumi_coldata_is_null(col, row)) {
        lua_pushliteral(L, "nil");
        return;
    }
    char buf[64];
    switch (col->type) {
    case SUMI_STRING:
        if (quoted)
            lua_pushfstring(L, "\"%s\"", col->v.strings[row]);
        else
            lua_pushstring(L, col->v.strings[row]);
        break;
    case SUMI_INTEGER:
        lua_pushfstring(L, "%I", (lua_Integer)col->v.integers[row]);
        break;
    case SUMI_NUMBER:
        numtext_format(buf, sizeof buf, col->v.numbers[row], NUMTEXT_SHORTEST);
        lua_pushstring(L, buf);
        break;
    case SUMI_BOOLEAN:
        lua_pushstring(L, col->v.booleans[row] ? "true" : "false");
        break;
    default: /* dates and the other calendar types, as Lua sees them */
        data_push_value(L, col, row);
        break;
    }
}

void reshape_push_key_shown(lua_State *L, const struct sumi_dataset *ds, const int *index, int n,
                            size_t row) {
    luaL_checkstack(L, 2 * n + 1, NULL);
    SUMI_STACK_MARK(L);
    int top = lua_gettop(L);
    for (int i = 0; i < n; i++) {
        lua_pushfstring(L, i > 0 ? " and %s " : "%s ", ds->columns[index[i]].name);
        reshape_push_cell(L, ds->columns[index[i]].data, row, 1);
    }
    lua_concat(L, lua_gettop(L) - top);
    SUMI_STACK_CHECK(L, 1);
}

/* ---- sorting and new columns ---- */

void reshape_merge_sort(size_t *items, size_t *tmp, size_t n,
                        int (*cmp)(const void *ctx, size_t a, size_t b), const void *ctx) {
    /* Bottom-up: stable, O(n log n), no recursion. */
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = cmp(ctx, items[j], items[i]) < 0 ? items[j++] : items[i++];
            while (i < mid)
                tmp[k++] = items[i++];
            while (j < hi)
                tmp[k++] = items[j++];
        }
        memcpy(items, tmp, n * sizeof *items);
    }
}

static size_t value_size(enum sumi_type type) {
    switch (type) {
    case SUMI_BOOLEAN:
        return 1;
    case SUMI_INTEGER:
    case SUMI_NUMBER:
    case SUMI_STRING:
        return 8;
    default: /* dates and the other calendar types: int32_t counts */
        return 4;
    }
}

struct sumi_coldata *reshape_new_column(enum sumi_type type, size_t n) {
    struct sumi_coldata *col = sumi_coldata_new(type, n);
    if (col == NULL)
        return NULL;
    col->valid = malloc(col->capacity);
    if (col->valid == NULL) {
        sumi_coldata_unref(col);
        return NULL;
    }
    memset(col->valid, 1, col->capacity);
    memset(col->v.numbers, 0, col->capacity * value_size(type)); /* null strings are NULL */
    col->length = n;
    return col;
}

void reshape_finish_column(struct sumi_coldata *col) {
    if (col->valid != NULL && memchr(col->valid, 0, col->length) == NULL) {
        free(col->valid);
        col->valid = NULL;
    }
}

/* ---- pivot_wider ---- */

static const char *const values_fns[] = {"sum",   "mean",  "min",  "max",
                                         "count", "first", "last", NULL};
enum { FN_NONE = -1, FN_SUM, FN_MEAN, FN_MIN, FN_MAX, FN_COUNT, FN_FIRST, FN_LAST };

/* A wide table past these is a mistake (a names column of ids, say), and
 * adding a column is linear in the columns already there. */
#define MAX_NEW_COLUMNS 10000
#define MAX_CELLS 100000000

/* The value of option 'fill', read for columns of type *type (an integer
 * fill of number columns is a number; a float fill makes integer columns
 * numbers). */
struct fill {
    int set;
    int64_t integer;
    double number;
    int32_t date;
    int boolean;
    const char *string; /* in arena */
    struct sumi_arena *arena;
};

static void fill_release(void *block) {
    struct fill *f = block;
    sumi_arena_unref(f->arena);
    f->arena = NULL;
}

static struct fill *push_fill(lua_State *L, int opts, enum sumi_type *type) {
    struct fill *f = sumi_scratch_push(L, sizeof *f, fill_release, NULL);
    if (!opt_has(L, opts, "fill"))
        return f;
    lua_getfield(L, opts, "fill");
    int v = lua_gettop(L);
    f->set = 1;
    switch (*type) {
    case SUMI_INTEGER:
    case SUMI_NUMBER:
        if (lua_type(L, v) != LUA_TNUMBER || !isfinite(lua_tonumber(L, v)))
            opt_fail(L, "fill",
                     *type == SUMI_INTEGER ? "a finite number (the new columns hold integers)"
                                           : "a finite number (the new columns hold numbers)",
                     v);
        f->number = lua_tonumber(L, v);
        if (lua_isinteger(L, v))
            f->integer = (int64_t)lua_tointeger(L, v);
        else
            *type = SUMI_NUMBER;
        break;
    case SUMI_STRING:
    case SUMI_DATE: {
        size_t len;
        const char *s = lua_type(L, v) == LUA_TSTRING ? lua_tolstring(L, v, &len) : NULL;
        if (*type == SUMI_DATE && (s == NULL || sumi_date_parse(s, len, &f->date) != 0))
            opt_fail(L, "fill", "a date \"YYYY-MM-DD\" (the new columns hold dates)", v);
        if (*type == SUMI_STRING) {
            if (s == NULL)
                opt_fail(L, "fill", "a string (the new columns hold strings)", v);
            f->arena = sumi_arena_new();
            if (f->arena == NULL || (f->string = sumi_arena_add(f->arena, s, len)) == NULL)
                data_out_of_memory(L);
        }
        break;
    }
    case SUMI_BOOLEAN:
        if (lua_type(L, v) != LUA_TBOOLEAN)
            opt_fail(L, "fill", "a boolean (the new columns hold booleans)", v);
        f->boolean = lua_toboolean(L, v);
        break;
    default:
        opt_raise(L, "option 'fill' cannot fill columns of %s values", sumi_type_name(*type));
    }
    lua_pop(L, 1);
    return f;
}

static void put_fill(struct sumi_coldata *col, size_t i, const struct fill *f) {
    col->valid[i] = (uint8_t)f->set;
    if (!f->set)
        return;
    switch (col->type) {
    case SUMI_INTEGER:
        col->v.integers[i] = f->integer;
        break;
    case SUMI_NUMBER:
        col->v.numbers[i] = f->number;
        break;
    case SUMI_STRING:
        col->v.strings[i] = f->string;
        break;
    case SUMI_BOOLEAN:
        col->v.booleans[i] = (uint8_t)f->boolean;
        break;
    default:
        col->v.dates[i] = f->date;
        break;
    }
}

/* The new columns of a pivot, owned by one block so that an error frees
 * them all (there may be thousands: one userdata each would crowd the
 * stack). */
struct new_columns {
    size_t n;
    struct sumi_coldata *cols[];
};

static void new_columns_release(void *block) {
    struct new_columns *nc = block;
    for (size_t i = 0; i < nc->n; i++)
        sumi_coldata_unref(nc->cols[i]);
    nc->n = 0;
}

/* k columns of n rows of type, every cell null, ready for put_value and
 * put_fill; strings may point into src's arenas and the fill's. */
static struct new_columns *push_new_columns(lua_State *L, size_t k, size_t n, enum sumi_type type,
                                            const struct sumi_coldata *src, const struct fill *f) {
    struct new_columns *nc = sumi_scratch_push(L, sizeof *nc + (k ? k : 1) * sizeof nc->cols[0],
                                               new_columns_release, NULL);
    for (size_t j = 0; j < k; j++) {
        struct sumi_coldata *col = reshape_new_column(type, n);
        if (col == NULL)
            data_out_of_memory(L);
        nc->cols[nc->n++] = col;
        memset(col->valid, 0, n);
        for (int a = 0; a < src->arena_count; a++)
            if (sumi_coldata_adopt_arena(col, src->arenas[a]) != 0)
                data_out_of_memory(L);
        if (f->arena != NULL && sumi_coldata_adopt_arena(col, f->arena) != 0)
            data_out_of_memory(L);
    }
    return nc;
}

/* Cell i of col := row r of src (nothing for a null, which the cell is). */
static void put_value(struct sumi_coldata *col, size_t i, const struct sumi_coldata *src,
                      size_t r) {
    if (sumi_coldata_is_null(src, r))
        return;
    col->valid[i] = 1;
    if (col->type == SUMI_NUMBER) {
        col->v.numbers[i] = sumi_coldata_number_at(src, r);
    } else {
        size_t size = value_size(col->type);
        memcpy((char *)col->v.numbers + i * size, (const char *)src->v.numbers + r * size, size);
    }
}

/* Sums, means and counts of the cells. */
struct totals {
    int64_t *counts; /* non-null values */
    int64_t *isums;  /* integer sums, while integral */
    double *sums;
    int integral;
};

/* An integer into an integer column, or a number column (a float fill
 * made the new columns numbers). */
static void put_integer(struct sumi_coldata *col, size_t i, int64_t v) {
    if (col->type == SUMI_INTEGER)
        col->v.integers[i] = v;
    else
        col->v.numbers[i] = (double)v;
}

static struct sumi_coldata *build_total(const struct totals *t, int fn, const uint8_t *present,
                                        size_t offset, size_t n, const struct fill *f,
                                        enum sumi_type type) {
    struct sumi_coldata *col = reshape_new_column(type, n);
    if (col == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        size_t cell = offset + i;
        if (!present[cell])
            put_fill(col, i, f);
        else if (fn == FN_COUNT)
            put_integer(col, i, t->counts[cell]);
        else if (t->counts[cell] == 0) /* values all nil: nil, as SQL's SUM */
            col->valid[i] = 0;
        else if (fn == FN_SUM && t->integral)
            put_integer(col, i, t->isums[cell]);
        else
            col->v.numbers[i] =
                fn == FN_MEAN ? t->sums[cell] / (double)t->counts[cell] : t->sums[cell];
    }
    reshape_finish_column(col);
    return col;
}

struct names_ctx {
    const struct sumi_coldata *col;
    const size_t *firsts;
};

static int compare_names(const void *ctx, size_t a, size_t b) {
    const struct names_ctx *n = ctx;
    return data_compare_cells(n->col, n->firsts[a], n->col, n->firsts[b]);
}

/* Raises the error for two rows that fall in one cell: row r, whose cell
 * is cell_of(row) == cell. */
static int duplicate_error(lua_State *L, const struct sumi_dataset *ds, const int *id, int nid,
                           int names_c, size_t r, const size_t *group_of, const size_t *name_of) {
    size_t count = 0;
    for (size_t i = 0; i < ds->rows; i++)
        count += group_of[i] == group_of[r] && name_of[i] == name_of[r];
    int *key = lua_newuserdatauv(L, (size_t)(nid + 1) * sizeof *key, 0);
    if (nid > 0)
        memcpy(key, id, (size_t)nid * sizeof *key);
    key[nid] = names_c;
    reshape_push_key_shown(L, ds, key, nid + 1, r);
    return opt_raise(L,
                     "%I rows for %s; pass values_fn = \"sum\" (or mean, min, max, count, first, "
                     "last) to combine them",
                     (lua_Integer)count, lua_tostring(L, -1));
}

/* ds:pivot_wider(names_from, values_from [, {id_cols, values_fn, fill, sort,
 * names_prefix}]) */
int ds_pivot_wider(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    luaL_checkstack(L, 40, NULL); /* the scratch blocks below */
    int names_c = reshape_arg_column(L, ds, 2, "names_from");
    int values_c = reshape_arg_column(L, ds, 3, "values_from");
    static const char *const keys[] = {"id_cols", "values_fn",    "fill",
                                       "sort",    "names_prefix", NULL};
    opt_check_keys(L, 4, keys);
    if (names_c == values_c)
        return opt_raise(L, "names_from and values_from are both column '%s'",
                         ds->columns[names_c].name);
    int fn = opt_has(L, 4, "values_fn") ? opt_enum(L, 4, "values_fn", 0, values_fns) : FN_NONE;
    int sorted = opt_boolean(L, 4, "sort", 0);
    const char *prefix = opt_string(L, 4, "names_prefix", "");
    const struct sumi_coldata *names = ds->columns[names_c].data;
    const struct sumi_coldata *values = ds->columns[values_c].data;
    int numeric = values->type == SUMI_INTEGER || values->type == SUMI_NUMBER;
    if ((fn == FN_SUM || fn == FN_MEAN) && !numeric)
        return opt_raise(L, "values_fn \"%s\" needs numbers; column '%s' holds %s values",
                         values_fns[fn], ds->columns[values_c].name, sumi_type_name(values->type));
    int *id;
    int nid = reshape_opt_columns(L, ds, 4, "id_cols", &id);
    if (opt_has(L, 4, "id_cols")) {
        for (int i = 0; i < nid; i++)
            if (id[i] == names_c || id[i] == values_c)
                return opt_raise(L, "option 'id_cols' names column '%s', which is %s",
                                 ds->columns[id[i]].name,
                                 id[i] == names_c ? "names_from" : "values_from");
    } else {
        id = lua_newuserdatauv(L, ds->column_count * sizeof *id, 0);
        for (size_t c = 0; c < ds->column_count; c++)
            if ((int)c != names_c && (int)c != values_c)
                id[nid++] = (int)c;
    }
    enum sumi_type type = fn == FN_MEAN    ? SUMI_NUMBER
                          : fn == FN_COUNT ? SUMI_INTEGER
                                           : values->type;
    struct fill *f = push_fill(L, 4, &type);
    for (size_t r = 0; r < ds->rows; r++)
        if (sumi_coldata_is_null(names, r))
            return opt_raise(L,
                             "column '%s' is nil in row %I: a new column needs a name (filter "
                             "those rows out first)",
                             ds->columns[names_c].name, (lua_Integer)(r + 1));

    /* Rows by id tuple, and by name. */
    const struct sumi_coldata **idcols =
        lua_newuserdatauv(L, (size_t)(nid > 0 ? nid : 1) * sizeof *idcols, 0);
    for (int i = 0; i < nid; i++)
        idcols[i] = ds->columns[id[i]].data;
    size_t *group_of, *firsts, *name_of, *name_firsts;
    size_t groups = reshape_push_groups(L, idcols, nid, ds->rows, &group_of, &firsts);
    size_t k = reshape_push_groups(L, &names, 1, ds->rows, &name_of, &name_firsts);
    if (k > MAX_NEW_COLUMNS)
        return opt_raise(L, "column '%s' holds %I distinct values: at most %d new columns",
                         ds->columns[names_c].name, (lua_Integer)k, MAX_NEW_COLUMNS);
    if (groups > 0 && k > MAX_CELLS / groups)
        return opt_raise(L,
                         "the wide table would have %I rows and %I new columns: at most %d cells",
                         (lua_Integer)groups, (lua_Integer)k, MAX_CELLS);
    size_t *order = data_push_index(L, k);
    for (size_t i = 0; i < k; i++)
        order[i] = i;
    if (sorted) {
        struct names_ctx ctx = {names, name_firsts};
        reshape_merge_sort(order, data_push_index(L, k), k, compare_names, &ctx);
    }
    /* The new names, each checked against the columns that stay. */
    lua_createtable(L, (int)k, 0);
    int new_names = lua_gettop(L);
    for (size_t j = 0; j < k; j++) {
        lua_pushstring(L, prefix);
        reshape_push_cell(L, names, name_firsts[order[j]], 0);
        lua_concat(L, 2);
        for (int i = 0; i < nid; i++)
            if (strcmp(lua_tostring(L, -1), ds->columns[id[i]].name) == 0)
                return opt_raise(L,
                                 "the new column '%s' (from column '%s') has the name of a "
                                 "column that stays; pass names_prefix",
                                 lua_tostring(L, -1), ds->columns[names_c].name);
        lua_rawseti(L, new_names, (lua_Integer)j + 1);
    }

    /* Cell (name, group) is cells[name * groups + group]. */
    size_t cells = groups * k;
    uint8_t *present = lua_newuserdatauv(L, cells ? cells : 1, 0);
    memset(present, 0, cells);
    size_t *pick = NULL;
    struct new_columns *nc = NULL;
    struct totals t = {0};
    if (fn == FN_SUM || fn == FN_MEAN || fn == FN_COUNT) {
        t.counts = lua_newuserdatauv(L, (cells ? cells : 1) * sizeof *t.counts, 0);
        t.sums = lua_newuserdatauv(L, (cells ? cells : 1) * sizeof *t.sums, 0);
        memset(t.counts, 0, cells * sizeof *t.counts);
        memset(t.sums, 0, cells * sizeof *t.sums);
        t.integral = fn == FN_SUM && values->type == SUMI_INTEGER;
        if (t.integral) {
            t.isums = lua_newuserdatauv(L, (cells ? cells : 1) * sizeof *t.isums, 0);
            memset(t.isums, 0, cells * sizeof *t.isums);
        }
        for (size_t r = 0; r < ds->rows; r++) {
            size_t cell = name_of[r] * groups + group_of[r];
            present[cell] = 1;
            if (sumi_coldata_is_null(values, r))
                continue;
            t.counts[cell]++;
            if (fn == FN_COUNT)
                continue;
            if (t.integral &&
                __builtin_add_overflow(t.isums[cell], values->v.integers[r], &t.isums[cell]))
                t.integral = 0; /* past 2^63: the sums as numbers */
            t.sums[cell] += sumi_coldata_number_at(values, r);
        }
        if (fn == FN_SUM && !t.integral)
            type = SUMI_NUMBER;
        for (size_t i = 0; fn != FN_COUNT && i < cells; i++)
            if (!isfinite(t.sums[i]))
                return opt_raise(L, "a sum of column '%s' is beyond the range of a number",
                                 ds->columns[values_c].name);
    } else {
        /* The new columns are filled in one pass over the rows, in their
         * order: reading the values in place, writing each column in turn. */
        size_t *pos = data_push_index(L, k); /* name -> new column */
        for (size_t j = 0; j < k; j++)
            pos[order[j]] = j;
        nc = push_new_columns(L, k, groups, type, values, f);
        if (fn != FN_NONE) {
            pick = data_push_index(L, cells);
            for (size_t i = 0; i < cells; i++)
                pick[i] = SIZE_MAX;
        }
        for (size_t r = 0; r < ds->rows; r++) {
            size_t cell = name_of[r] * groups + group_of[r];
            if (fn == FN_NONE) {
                if (present[cell])
                    return duplicate_error(L, ds, id, nid, names_c, r, group_of, name_of);
                present[cell] = 1;
                put_value(nc->cols[pos[name_of[r]]], group_of[r], values, r);
            } else if (fn == FN_MIN || fn == FN_MAX) {
                present[cell] = 1;
                if (sumi_coldata_is_null(values, r))
                    continue;
                int c =
                    pick[cell] == SIZE_MAX ? 0 : data_compare_cells(values, r, values, pick[cell]);
                if (pick[cell] == SIZE_MAX || (fn == FN_MIN ? c < 0 : c > 0))
                    pick[cell] = r;
            } else if (!present[cell] || fn == FN_LAST) {
                present[cell] = 1;
                pick[cell] = r;
            }
        }
        for (size_t r = 0; pick != NULL && r < ds->rows; r++)
            if (pick[name_of[r] * groups + group_of[r]] == r)
                put_value(nc->cols[pos[name_of[r]]], group_of[r], values, r);
        for (size_t j = 0; j < k; j++) { /* the combinations no row has */
            const uint8_t *p = present + order[j] * groups;
            for (size_t g = 0; g < groups; g++)
                if (!p[g])
                    put_fill(nc->cols[j], g, f);
            reshape_finish_column(nc->cols[j]);
        }
    }

    struct sumi_dataset *out = data_push_new_like(L, ds);
    int out_idx = lua_gettop(L);
    for (int i = 0; i < nid; i++) {
        struct sumi_coldata *g = data_own(L, sumi_coldata_gather(idcols[i], firsts, groups));
        data_add_column(L, out, ds->columns[id[i]].name, g, &ds->columns[id[i]].meta);
        lua_pop(L, 1);
    }
    for (size_t j = 0; j < k; j++) {
        struct sumi_coldata *col =
            nc != NULL
                ? nc->cols[j]
                : data_own(L, build_total(&t, fn, present, order[j] * groups, groups, f, type));
        lua_rawgeti(L, new_names, (lua_Integer)j + 1);
        data_add_column(L, out, lua_tostring(L, -1), col,
                        fn == FN_COUNT ? NULL : &ds->columns[values_c].meta);
        lua_pop(L, nc != NULL ? 1 : 2);
    }
    out->rows = groups;
    lua_pushvalue(L, out_idx);
    return 1;
}

/* ---- pivot_longer ---- */

/* ds:pivot_longer(columns [, names_to [, values_to [, {drop_nil}]]]) */
int ds_pivot_longer(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    luaL_checkstack(L, 40, NULL); /* the scratch blocks below */
    int list = lua_istable(L, 2);
    if (!list && lua_type(L, 2) != LUA_TSTRING) {
        opt_push_shown(L, 2);
        return opt_raise(L, "argument 1 (columns) must be a column name or a list of them; got %s",
                         lua_tostring(L, -1));
    }
    int k = list ? (int)lua_rawlen(L, 2) : 1;
    if (k < 1)
        return opt_raise(L, "argument 1 (columns) must name at least one column");
    const char *to[2] = {"name", "value"};
    for (int a = 0; a < 2; a++) {
        if (lua_isnoneornil(L, 3 + a))
            continue;
        if (lua_type(L, 3 + a) != LUA_TSTRING || lua_rawlen(L, 3 + a) == 0) {
            opt_push_shown(L, 3 + a);
            return opt_raise(L, "argument %d (%s) must be a column name; got %s", 2 + a,
                             a == 0 ? "names_to" : "values_to", lua_tostring(L, -1));
        }
        to[a] = lua_tostring(L, 3 + a);
    }
    static const char *const keys[] = {"drop_nil", NULL};
    opt_check_keys(L, 5, keys);
    int drop_nil = opt_boolean(L, 5, "drop_nil", 0);
    int *cols = lua_newuserdatauv(L, (size_t)k * sizeof *cols, 0);
    for (int i = 0; i < k; i++) {
        if (list && lua_rawgeti(L, 2, i + 1) != LUA_TSTRING) {
            opt_push_shown(L, -1);
            return opt_raise(L, "argument 1 (columns): entry %d must be a column name; got %s",
                             i + 1, lua_tostring(L, -1));
        }
        cols[i] = reshape_column(L, ds, lua_tostring(L, list ? -1 : 2), NULL);
        for (int j = 0; j < i; j++)
            if (cols[j] == cols[i])
                return opt_raise(L, "argument 1 (columns) names column '%s' twice",
                                 ds->columns[cols[i]].name);
        if (list)
            lua_pop(L, 1);
    }
    /* One type for the stacked values: integers with numbers make numbers. */
    enum sumi_type type = ds->columns[cols[0]].data->type;
    int mixed = 0;
    for (int i = 1; i < k; i++) {
        enum sumi_type t = ds->columns[cols[i]].data->type;
        if (t == type)
            continue;
        if ((t == SUMI_INTEGER || t == SUMI_NUMBER) &&
            (type == SUMI_INTEGER || type == SUMI_NUMBER))
            type = SUMI_NUMBER;
        else
            mixed = 1;
    }
    if (mixed) {
        luaL_checkstack(L, k + 1, NULL);
        int top = lua_gettop(L);
        for (int i = 0; i < k; i++)
            lua_pushfstring(L, "%s'%s' (%s)", i > 0 ? ", " : "", ds->columns[cols[i]].name,
                            sumi_type_name(ds->columns[cols[i]].data->type));
        lua_concat(L, lua_gettop(L) - top);
        return opt_raise(L,
                         "the columns to stack must hold one type (integers and numbers make "
                         "numbers); got %s",
                         lua_tostring(L, -1));
    }
    /* The columns that stay, and the new names, which must not clash. */
    char *stacked = lua_newuserdatauv(L, ds->column_count ? ds->column_count : 1, 0);
    memset(stacked, 0, ds->column_count);
    for (int i = 0; i < k; i++)
        stacked[cols[i]] = 1;
    if (strcmp(to[0], to[1]) == 0)
        return opt_raise(L, "names_to and values_to are both '%s'", to[0]);
    for (size_t c = 0; c < ds->column_count; c++)
        for (int a = 0; a < 2; a++)
            if (!stacked[c] && strcmp(ds->columns[c].name, to[a]) == 0)
                return opt_raise(L, "%s '%s' is the name of a column that stays; choose another",
                                 a == 0 ? "names_to" : "values_to", to[a]);
    if (ds->rows > 0 && (size_t)k > SIZE_MAX / 2 / ds->rows)
        return opt_raise(L, "too many rows");
    size_t n = ds->rows * (size_t)k;
    size_t *rows = data_push_index(L, n);
    size_t *which = data_push_index(L, n);
    size_t m = 0;
    for (size_t r = 0; r < ds->rows; r++) {
        for (int i = 0; i < k; i++) {
            if (drop_nil && sumi_coldata_is_null(ds->columns[cols[i]].data, r))
                continue;
            rows[m] = r;
            which[m++] = (size_t)i;
        }
    }
    struct sumi_dataset *out = data_push_new_like(L, ds);
    int out_idx = lua_gettop(L);
    for (size_t c = 0; c < ds->column_count; c++) {
        if (stacked[c])
            continue;
        struct sumi_coldata *g = data_own(L, sumi_coldata_gather(ds->columns[c].data, rows, m));
        data_add_column(L, out, ds->columns[c].name, g, &ds->columns[c].meta);
        lua_pop(L, 1);
    }
    /* Names: k strings in one arena, each row pointing at its own. */
    struct sumi_coldata *name_col = data_own(L, reshape_new_column(SUMI_STRING, m));
    struct sumi_arena *arena = sumi_arena_new();
    if (arena == NULL || sumi_coldata_adopt_arena(name_col, arena) != 0) {
        sumi_arena_unref(arena);
        data_out_of_memory(L);
    }
    sumi_arena_unref(arena); /* the column holds it */
    const char **texts = lua_newuserdatauv(L, (size_t)k * sizeof *texts, 0);
    for (int i = 0; i < k; i++) {
        const char *s = ds->columns[cols[i]].name;
        if ((texts[i] = sumi_arena_add(arena, s, strlen(s))) == NULL)
            data_out_of_memory(L);
    }
    for (size_t i = 0; i < m; i++)
        name_col->v.strings[i] = texts[which[i]];
    reshape_finish_column(name_col);
    data_add_column(L, out, to[0], name_col, NULL);
    /* Values, converted to the common type; a unit all share is kept. */
    struct sumi_coldata *value_col = data_own(L, reshape_new_column(type, m));
    const char *unit = ds->columns[cols[0]].meta.unit;
    for (int i = 0; i < k; i++) {
        const struct sumi_column *src = &ds->columns[cols[i]];
        for (int a = 0; a < src->data->arena_count; a++)
            if (sumi_coldata_adopt_arena(value_col, src->data->arenas[a]) != 0)
                data_out_of_memory(L);
        if (unit != NULL && (src->meta.unit == NULL || strcmp(unit, src->meta.unit) != 0))
            unit = NULL;
    }
    size_t size = value_size(type);
    for (size_t i = 0; i < m; i++) {
        const struct sumi_coldata *src = ds->columns[cols[which[i]]].data;
        size_t r = rows[i];
        if (sumi_coldata_is_null(src, r))
            value_col->valid[i] = 0;
        else if (type == SUMI_NUMBER)
            value_col->v.numbers[i] = sumi_coldata_number_at(src, r);
        else
            memcpy((char *)value_col->v.numbers + i * size, (const char *)src->v.numbers + r * size,
                   size);
    }
    reshape_finish_column(value_col);
    struct sumi_meta meta = {0};
    meta.unit = (char *)unit; /* copied by data_add_column */
    data_add_column(L, out, to[1], value_col, &meta);
    out->rows = m;
    lua_pushvalue(L, out_idx);
    return 1;
}
