/* The dataset operations that hash key tuples (data_ops.c has the others):
 * group_by, join and distinct; and append, which concatenates columns. */
#define _POSIX_C_SOURCE 200809L
#include <lauxlib.h>
#include <stdint.h>
#include <string.h>

#include "data.h"
#include "data_internal.h"
#include "data_reshape.h"
#include "options.h"

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
    case SUMI_INTEGER:
    case SUMI_NUMBER: {
        /* Integers hash as the doubles they compare as (data_compare_cells),
         * so an integer key 1 finds a number key 1.0 in a join. */
        double d = col->type == SUMI_INTEGER ? (double)col->v.integers[r] : col->v.numbers[r];
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
    return data_compare_cells(a, ra, b, rb) == 0;
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
    /* The table takes the low bits, and a whole number's double has them
     * all zero: MurmurHash3's finaliser brings the high bits down, or every
     * integer key would share a slot chain (a 1,000,000-row join by store
     * number took seconds). */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
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

/* The right dataset of a join, grouped by its keys in a table the left
 * rows then look their keys up in (find_or_add without adding, keys of
 * either dataset). group_by and distinct, which look nothing up, number
 * their groups with reshape_push_groups. (*group_of)[r] is row r's group,
 * (*firsts)[g] the first row of group g. Returns the count of groups; the
 * blocks and the key table are scratch userdata pushed on the stack (three
 * values). */
static size_t group_rows(lua_State *L, size_t rows, const struct sumi_coldata **keys, int nkeys,
                         size_t **firsts, size_t **group_of, struct key_table **table) {
    *firsts = data_push_index(L, rows);
    *group_of = data_push_index(L, rows);
    struct key_table *t = push_key_table(L, rows);
    *table = t;
    size_t groups = 0;
    for (size_t r = 0; r < rows; r++)
        (*group_of)[r] = find_or_add(t, keys, nkeys, r, *firsts, &groups, 1);
    return groups;
}

/* ds:group_by({"region"}, {{"total", "sum", "value"}, {"n", "count"}}) */
int ds_group_by(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    const struct sumi_coldata **keys;
    int *key_index;
    int nkeys = read_key_columns(L, ds, 2, &keys, &key_index);
    luaL_checktype(L, 3, LUA_TTABLE);
    int naggs = (int)lua_rawlen(L, 3);
    size_t *firsts, *group_of;
    size_t groups = reshape_push_groups(L, keys, nkeys, ds->rows, &group_of, &firsts);
    struct sumi_dataset *out = data_push_new_like(L, ds);
    int out_idx = lua_gettop(L);
    for (int k = 0; k < nkeys; k++) {
        struct sumi_coldata *g = data_own(L, sumi_coldata_gather(keys[k], firsts, groups));
        data_add_column(L, out, ds->columns[key_index[k]].name, g, &ds->columns[key_index[k]].meta);
        lua_pop(L, 1);
    }
    out->rows = groups;
    double *acc = lua_newuserdatauv(L, (groups ? groups : 1) * sizeof *acc, 0);
    size_t *counts = data_push_index(L, groups);
    size_t *picks = data_push_index(L, groups);
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
            result = data_own(L, sumi_coldata_new(SUMI_INTEGER, groups));
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
            result = data_own(L, sumi_coldata_new(integral ? SUMI_INTEGER : SUMI_NUMBER, groups));
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
                int c = data_compare_cells(col, r, col, picks[g]);
                if ((agg == AGG_MIN && c < 0) || (agg == AGG_MAX && c > 0))
                    picks[g] = r;
            }
            result = data_own(L, sumi_coldata_gather(col, picks, groups));
        }
        data_add_column(L, out, name, result, src >= 0 ? &ds->columns[src].meta : NULL);
        lua_settop(L, spec - 1);
    }
    lua_pushvalue(L, out_idx);
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
    /* Keys compare by value within a type: a date's day count is no month's
     * count, and a string is no number. Integers and numbers mix. */
    for (int k = 0; k < nkeys; k++) {
        enum sumi_type a = lkeys[k]->type, b = rkeys[k]->type;
        int numeric =
            (a == SUMI_INTEGER || a == SUMI_NUMBER) && (b == SUMI_INTEGER || b == SUMI_NUMBER);
        if (a != b && !numeric)
            return opt_raise(L,
                             "key '%s' holds %s values in the first dataset and %s in the second",
                             left->columns[lindex[k]].name, sumi_type_name(a), sumi_type_name(b));
    }
    /* Right rows grouped by key: groups[g] lists its rows through next[]. */
    size_t *firsts, *group_of;
    struct key_table *t;
    size_t groups = group_rows(L, right->rows, rkeys, nkeys, &firsts, &group_of, &t);
    size_t *head = data_push_index(L, right->rows);
    size_t *next = data_push_index(L, right->rows);
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
            lrows = data_push_index(L, pairs);
            rrows = data_push_index(L, pairs);
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
            struct sumi_coldata *g2 =
                data_own(L, sumi_coldata_gather(left->columns[c].data, lrows, n));
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
            struct sumi_coldata *g2 =
                data_own(L, sumi_coldata_gather(right->columns[c].data, rrows, n));
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
        /* the names checked here, so that a missing one is named as
         * distinct's mistake at the script's line, not select's */
        if (lua_type(L, 2) == LUA_TSTRING) {
            data_check_column(L, ds, 2);
        } else if (lua_type(L, 2) == LUA_TTABLE) {
            for (lua_Integer k = 1; lua_rawgeti(L, 2, k) != LUA_TNIL; k++) {
                if (lua_type(L, -1) == LUA_TSTRING)
                    data_check_column(L, ds, lua_gettop(L));
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
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
    size_t *firsts, *group_of;
    size_t groups =
        reshape_push_groups(L, cols, (int)subject->column_count, subject->rows, &group_of, &firsts);
    data_push_gathered(L, subject, firsts, groups);
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
            else if (sumi_type_is_calendar(type))
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
        struct sumi_coldata *joined = data_own(L, concat(x, y));
        data_add_column(L, out, a->columns[c].name, joined, &a->columns[c].meta);
        lua_pop(L, 1);
    }
    out->rows = a->rows + b->rows;
    return 1;
}
