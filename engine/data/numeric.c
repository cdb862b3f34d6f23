/* sumi.numeric: the loops over numbers, in C, so that a 1,000,000-value
 * column is one call rather than 1,000,000 Lua operations. sumi.stats gives
 * scripts these same functions under the same names.
 *
 * Every function takes "numbers": a Lua array of numbers in which nil marks a
 * null (a missing value). The positions are 1..n, n being the field `n` when
 * the table has one (table.pack sets it; give it when the array has holes,
 * since # is unreliable then) and #numbers otherwise. Nulls are skipped: they
 * count for nothing in a sum, a mean or a median, and functions that return
 * one value per position leave them nil. NaN and infinities are errors
 * naming their position: a report never prints "nan" or "inf".
 *
 * Sums are exact while every value is an integer (Lua integers add up as
 * integers until they would overflow); otherwise they are compensated
 * (Neumaier), so a million values of 0.1 add up to 100000.0 exactly. */
#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "numeric.h"
#include "options.h"

/* ---- reading numbers ---- */

static int is_null(const struct sumi_numbers *x, size_t i) {
    return x->valid != NULL && !x->valid[i];
}

static double value_at(const struct sumi_numbers *x, size_t i) { return sumi_number_at(x, i); }

static void push_value_at(lua_State *L, const struct sumi_numbers *x, size_t i) {
    if (x->integers != NULL)
        lua_pushinteger(L, (lua_Integer)x->integers[i]);
    else
        lua_pushnumber(L, x->doubles[i]);
}

/* The number of positions of the array at arg: its field n, or #t. */
static size_t array_length(lua_State *L, int arg) {
    lua_pushliteral(L, "n");
    if (lua_rawget(L, arg) == LUA_TNIL) {
        lua_pop(L, 1);
        return lua_rawlen(L, arg);
    }
    int exact = 0;
    lua_Integer n = lua_tointegerx(L, -1, &exact);
    if (!exact || n < 0 || (lua_Unsigned)n > SIZE_MAX / 16) {
        const char *got =
            lua_type(L, -1) == LUA_TNUMBER ? luaL_tolstring(L, -1, NULL) : luaL_typename(L, -1);
        luaL_argerror(
            L, arg, lua_pushfstring(L, "field 'n' must be a count (an integer >= 0), got %s", got));
    }
    lua_pop(L, 1);
    return (size_t)n;
}

static void value_error(lua_State *L, int arg, size_t i, const char *what) {
    luaL_argerror(L, arg, lua_pushfstring(L, "value %I %s", (lua_Integer)i + 1, what));
}

/* How many of col's values are not null. */
static size_t valid_count(const struct sumi_coldata *col) {
    size_t count = col->length;
    if (col->valid != NULL)
        for (size_t i = 0; i < col->length; i++)
            count -= !col->valid[i];
    return count;
}

/* Fills *out with the numbers at arg, checking every value.
 *
 * HOOK for column views (the datasets issue): a column view userdata from
 * engine/data.c exposes a `const struct sumi_coldata *` (engine/dataset.h).
 * Such an argument is to be recognised here, before the table check, and
 * pointed at without copying: out->integers = col->v.integers for
 * SUMI_INTEGER, out->doubles = col->v.numbers for SUMI_NUMBER (finite by
 * construction), out->valid = col->valid, out->n = col->length, out->count =
 * the number of valid rows; any other column type is an argument error
 * ("column 'x' holds strings, numbers expected"). Nothing else in this file
 * needs to change: every function reads its numbers through struct sumi_numbers.
 *
 * Lua arrays are copied into a scratch userdata left on the stack (so a Lua
 * error while reading leaks nothing). Values are kept as integers while all
 * of them are; the first float turns the ones read so far into doubles. */
static void read_numbers(lua_State *L, int arg, struct sumi_numbers *out, int dates) {
    arg = lua_absindex(L, arg);
    out->dates = NULL;
    const struct sumi_coldata *col = sumi_test_column(L, arg);
    if (col != NULL && dates && sumi_type_is_calendar(col->type)) {
        out->n = col->length;
        out->integers = NULL;
        out->doubles = NULL;
        out->dates = col->v.dates;
        out->valid = col->valid;
        out->count = valid_count(col);
        if (col->type != SUMI_DATE) {
            /* A month or a quarter sits at its first day on a time axis (as
             * "2025-03" does in sumi.scale): its days, in a scratch block
             * left on the stack. */
            int32_t *days = lua_newuserdatauv(L, (col->length ? col->length : 1) * sizeof *days, 0);
            for (size_t i = 0; i < col->length; i++)
                days[i] = sumi_coldata_is_null(col, i) ? 0
                          : col->type == SUMI_MONTH    ? sumi_month_first_day(col->v.dates[i])
                                                       : sumi_quarter_first_day(col->v.dates[i]);
            out->dates = days;
        }
        return;
    }
    if (col != NULL) {
        /* A dataset column, read in place: no copy, no Lua table. */
        if (col->type != SUMI_INTEGER && col->type != SUMI_NUMBER)
            luaL_argerror(L, arg,
                          lua_pushfstring(L,
                                          "column of numbers expected, got a column of %s "
                                          "values",
                                          sumi_type_name(col->type)));
        out->n = col->length;
        out->integers = col->type == SUMI_INTEGER ? col->v.integers : NULL;
        out->doubles = col->type == SUMI_NUMBER ? col->v.numbers : NULL;
        out->valid = col->valid;
        out->count = valid_count(col);
        return;
    }
    if (lua_type(L, arg) != LUA_TTABLE)
        luaL_typeerror(L, arg, "array of numbers or column view");
    size_t n = array_length(L, arg);
    unsigned char *bytes = lua_newuserdatauv(L, n * 8 + 1, 0);
    int64_t *integers = (int64_t *)(void *)bytes;
    double *doubles = (double *)(void *)bytes;
    uint8_t *valid = NULL;
    int all_integers = 1;
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        int t = lua_rawgeti(L, arg, (lua_Integer)i + 1);
        if (t == LUA_TNIL) {
            if (valid == NULL) {
                lua_pop(L, 1);
                valid = lua_newuserdatauv(L, n, 0);
                memset(valid, 1, n);
                lua_pushnil(L); /* stands for the popped value */
            }
            valid[i] = 0;
            if (all_integers)
                integers[i] = 0;
            else
                doubles[i] = 0;
        } else if (t == LUA_TNUMBER) {
            count++;
            if (lua_isinteger(L, -1) && all_integers) {
                integers[i] = (int64_t)lua_tointeger(L, -1);
            } else {
                double d = lua_tonumber(L, -1);
                if (isnan(d))
                    value_error(L, arg, i, "is nan");
                if (isinf(d))
                    value_error(L, arg, i, d > 0 ? "is inf" : "is -inf");
                if (all_integers) {
                    /* memcpy: the storage changes type in place */
                    for (size_t j = 0; j < i; j++) {
                        int64_t k;
                        memcpy(&k, bytes + j * 8, 8);
                        double v = (double)k;
                        memcpy(bytes + j * 8, &v, 8);
                    }
                    all_integers = 0;
                }
                doubles[i] = d;
            }
        } else {
            value_error(L, arg, i,
                        lua_pushfstring(L, "is a %s, not a number", luaL_typename(L, -1)));
        }
        lua_pop(L, 1);
    }
    out->n = n;
    out->count = count;
    out->integers = all_integers ? integers : NULL;
    out->doubles = all_integers ? NULL : doubles;
    out->valid = valid;
}

void sumi_read_numbers(lua_State *L, int arg, struct sumi_numbers *out) {
    read_numbers(L, arg, out, 0);
}

void sumi_read_numbers_or_dates(lua_State *L, int arg, struct sumi_numbers *out) {
    read_numbers(L, arg, out, 1);
}

/* An argument error when there is nothing to take a mean, median... of. */
static void need_values(lua_State *L, int arg, const struct sumi_numbers *x) {
    if (x->count == 0)
        luaL_argerror(
            L, arg, x->n == 0 ? "no values: the array is empty" : "no values: every value is nil");
}

/* A scratch array of n elements of size bytes, owned by the Lua stack. */
static void *scratch(lua_State *L, size_t n, size_t size) {
    if (n > SIZE_MAX / size - 1)
        luaL_error(L, "not enough memory");
    return lua_newuserdatauv(L, n * size + 1, 0);
}

/* ---- sums ---- */

/* Neumaier's compensated sum: the running error c is added back at the end. */
struct ksum {
    double s, c;
};

static void ksum_add(struct ksum *k, double v) {
    double t = k->s + v;
    if (fabs(k->s) >= fabs(v))
        k->c += (k->s - t) + v;
    else
        k->c += (v - t) + k->s;
    k->s = t;
}

static double ksum_value(const struct ksum *k) { return k->s + k->c; }

static int add_overflows(int64_t a, int64_t b) {
    return (b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b);
}

/* A running sum that stays an integer while it can. */
struct running {
    int exact; /* still an integer sum */
    int64_t i;
    struct ksum k;
};

#define RUNNING_ZERO                                                                               \
    {                                                                                              \
        1, 0, { 0, 0 }                                                                             \
    }

static void running_to_float(struct running *r) {
    if (r->exact) {
        r->exact = 0;
        r->k.s = (double)r->i;
        r->k.c = 0;
    }
}

static void running_add_integer(struct running *r, int64_t v) {
    if (r->exact && !add_overflows(r->i, v)) {
        r->i += v;
        return;
    }
    running_to_float(r);
    ksum_add(&r->k, (double)v);
}

static void running_add_number(struct running *r, double v) {
    running_to_float(r);
    ksum_add(&r->k, v);
}

static void running_add(struct running *r, const struct sumi_numbers *x, size_t pos) {
    if (x->integers != NULL)
        running_add_integer(r, x->integers[pos]);
    else
        running_add_number(r, x->doubles[pos]);
}

#define SUM_TOO_LARGE "the sum is beyond the largest number (about 1.8e308)"

/* Pushes the sum; an error if it went beyond the largest double. */
static void push_running(lua_State *L, const struct running *r, int arg) {
    if (r->exact) {
        lua_pushinteger(L, (lua_Integer)r->i);
        return;
    }
    double v = ksum_value(&r->k);
    if (!isfinite(v))
        luaL_argerror(L, arg, SUM_TOO_LARGE);
    lua_pushnumber(L, v);
}

static double running_value(const struct running *r) {
    return r->exact ? (double)r->i : ksum_value(&r->k);
}

static void sum_numbers(const struct sumi_numbers *x, struct running *r) {
    *r = (struct running)RUNNING_ZERO;
    for (size_t i = 0; i < x->n; i++)
        if (!is_null(x, i))
            running_add(r, x, i);
}

/* The sum of x's values (argument arg) as a double; an error if it went
 * beyond the largest double. */
static double finite_sum(lua_State *L, int arg, const struct sumi_numbers *x) {
    struct running r;
    sum_numbers(x, &r);
    double v = running_value(&r);
    if (!isfinite(v))
        luaL_argerror(L, arg, SUM_TOO_LARGE);
    return v;
}

/* numeric.sum(numbers) -> integer or float; 0 for no values */
static int numeric_sum(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    struct running r;
    sum_numbers(&x, &r);
    push_running(L, &r, 1);
    return 1;
}

/* numeric.count(numbers) -> the number of non-null values */
static int numeric_count(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    lua_pushinteger(L, (lua_Integer)x.count);
    return 1;
}

/* numeric.mean(numbers) -> float */
static int numeric_mean(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    need_values(L, 1, &x);
    lua_pushnumber(L, finite_sum(L, 1, &x) / (double)x.count);
    return 1;
}

/* ---- extremes ---- */

/* Position of the smallest (sign -1) or largest (sign 1) value. */
static size_t extreme_at(const struct sumi_numbers *x, int sign) {
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < x->n; i++) {
        if (is_null(x, i))
            continue;
        if (best == SIZE_MAX) {
            best = i;
        } else if (x->integers != NULL) {
            int64_t a = x->integers[i], b = x->integers[best];
            if (sign > 0 ? a > b : a < b)
                best = i;
        } else {
            double a = x->doubles[i], b = x->doubles[best];
            if (sign > 0 ? a > b : a < b)
                best = i;
        }
    }
    return best;
}

static int numeric_min(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    need_values(L, 1, &x);
    push_value_at(L, &x, extreme_at(&x, -1));
    return 1;
}

static int numeric_max(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    need_values(L, 1, &x);
    push_value_at(L, &x, extreme_at(&x, 1));
    return 1;
}

/* numeric.extent(numbers) -> min, max (what a scale's domain needs) */
static int numeric_extent(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    need_values(L, 1, &x);
    push_value_at(L, &x, extreme_at(&x, -1));
    push_value_at(L, &x, extreme_at(&x, 1));
    return 2;
}

/* numeric.extremes(numbers) -> position of the smallest, of the largest
 * (the first of equal ones, 1-based; nil for no values), count of values.
 * Dates count too. What a chart's alternative text names, without a Lua
 * loop over a million points. */
static int compare_at(const struct sumi_numbers *x, size_t i, size_t j) {
    if (x->integers != NULL)
        return (x->integers[i] > x->integers[j]) - (x->integers[i] < x->integers[j]);
    if (x->dates != NULL)
        return (x->dates[i] > x->dates[j]) - (x->dates[i] < x->dates[j]);
    return (x->doubles[i] > x->doubles[j]) - (x->doubles[i] < x->doubles[j]);
}

static int numeric_extremes(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers_or_dates(L, 1, &x);
    size_t low = SIZE_MAX, high = SIZE_MAX;
    for (size_t i = 0; i < x.n; i++) {
        if (is_null(&x, i))
            continue;
        if (low == SIZE_MAX)
            low = high = i;
        else if (compare_at(&x, i, low) < 0)
            low = i;
        else if (compare_at(&x, i, high) > 0)
            high = i;
    }
    if (low == SIZE_MAX) {
        lua_pushnil(L);
        lua_pushnil(L);
    } else {
        lua_pushinteger(L, (lua_Integer)low + 1);
        lua_pushinteger(L, (lua_Integer)high + 1);
    }
    lua_pushinteger(L, (lua_Integer)x.count);
    return 3;
}

/* ---- order statistics ---- */

static int compare_doubles(const void *pa, const void *pb) {
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

/* The non-null values, sorted ascending, in a scratch array on the stack. */
static const double *sorted_values(lua_State *L, const struct sumi_numbers *x) {
    double *v = scratch(L, x->count, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < x->n; i++)
        if (!is_null(x, i))
            v[k++] = value_at(x, i);
    qsort(v, k, sizeof *v, compare_doubles);
    return v;
}

/* numpy's default ("linear") method: the value at the virtual index
 * (count - 1) * p / 100 of the sorted values, interpolated with numpy's
 * _lerp, which takes b - (b - a)(1 - t) when t >= 0.5 so that the result
 * is exact at both ends. */
static double percentile_of(const double *sorted, size_t count, double p) {
    double h = (p / 100.0) * (double)(count - 1);
    double below = floor(h);
    size_t lo = (size_t)below;
    size_t hi = lo + 1 < count ? lo + 1 : count - 1;
    double t = h - below;
    double a = sorted[lo], b = sorted[hi];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/* numeric.median(numbers) -> float */
static int numeric_median(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    need_values(L, 1, &x);
    const double *sorted = sorted_values(L, &x);
    lua_pushnumber(L, percentile_of(sorted, x.count, 50));
    return 1;
}

/* numeric.percentile(numbers, p) -> float; p in [0, 100] */
static int numeric_percentile(lua_State *L) {
    double p = check_number_in(L, 2, "p", 0, 100);
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    need_values(L, 1, &x);
    const double *sorted = sorted_values(L, &x);
    lua_pushnumber(L, percentile_of(sorted, x.count, p));
    return 1;
}

/* ---- one value per position ---- */

/* A new array of n positions with its field n set (so that nils at the end
 * keep their place); the caller fills it. */
static void new_array(lua_State *L, size_t n) {
    lua_createtable(L, n > INT32_MAX ? INT32_MAX : (int)n, 1);
    lua_pushinteger(L, (lua_Integer)n);
    lua_setfield(L, -2, "n");
}

/* numeric.cumsum(numbers) -> array: the running sum at each position */
static int numeric_cumsum(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    new_array(L, x.n);
    struct running r = RUNNING_ZERO;
    for (size_t i = 0; i < x.n; i++) {
        if (is_null(&x, i))
            continue;
        running_add(&r, &x, i);
        push_running(L, &r, 1);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* numeric.shares(numbers) -> array: each value divided by the sum */
static int numeric_shares(lua_State *L) {
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    need_values(L, 1, &x);
    double total = finite_sum(L, 1, &x);
    if (total == 0)
        luaL_argerror(L, 1, "the values sum to 0, so they have no shares");
    new_array(L, x.n);
    for (size_t i = 0; i < x.n; i++) {
        if (is_null(&x, i))
            continue;
        lua_pushnumber(L, value_at(&x, i) / total);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* ---- sorting: rank, order, top_n ---- */

/* One value to sort. Integers compare exactly through k (a double holds
 * them exactly only up to 2^53); otherwise k is 0 and d decides. Equal values
 * keep their input order (pos), or go by label when there is one, so every
 * sort here is stable and the same on every run. */
struct entry {
    double d;
    int64_t k;
    size_t pos;
    const char *label; /* top_n over label = value pairs, else NULL */
};

static int compare_values(const struct entry *a, const struct entry *b) {
    if (a->d != b->d)
        return a->d < b->d ? -1 : 1;
    return (a->k > b->k) - (a->k < b->k);
}

static int tie_break(const struct entry *a, const struct entry *b) {
    if (a->label != NULL && b->label != NULL) {
        int c = strcmp(a->label, b->label);
        if (c != 0)
            return c;
    }
    return (a->pos > b->pos) - (a->pos < b->pos);
}

static int ascending(const void *pa, const void *pb) {
    int c = compare_values(pa, pb);
    return c != 0 ? c : tie_break(pa, pb);
}

static int descending(const void *pa, const void *pb) {
    int c = compare_values(pb, pa);
    return c != 0 ? c : tie_break(pa, pb);
}

/* The non-null values of x as entries, sorted (largest first unless asc). */
static struct entry *sorted_entries(lua_State *L, const struct sumi_numbers *x, int asc) {
    struct entry *e = scratch(L, x->count, sizeof *e);
    size_t k = 0;
    for (size_t i = 0; i < x->n; i++) {
        if (is_null(x, i))
            continue;
        e[k].d = value_at(x, i);
        e[k].k = x->integers != NULL ? x->integers[i] : 0;
        e[k].pos = i;
        e[k].label = NULL;
        k++;
    }
    qsort(e, k, sizeof *e, asc ? ascending : descending);
    return e;
}

/* numeric.rank(numbers [, {ascending = false, ties = "min"}]) -> array
 * Rank 1 is the largest value (the smallest with ascending = true). Ties:
 * "min" gives equal values the same rank and skips the next ones (SQL RANK:
 * 1, 2, 2, 4), "dense" does not skip (DENSE_RANK: 1, 2, 2, 3), "first"
 * numbers equal values in their order (ROW_NUMBER: 1, 2, 3, 4). */
static int numeric_rank(lua_State *L) {
    static const char *const keys[] = {"ascending", "ties", NULL};
    static const char *const ties_names[] = {"min", "dense", "first", NULL};
    opt_check_keys(L, 2, keys);
    int asc = opt_boolean(L, 2, "ascending", 0);
    int ties = opt_enum(L, 2, "ties", 0, ties_names);
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    const struct entry *e = sorted_entries(L, &x, asc);
    new_array(L, x.n);
    lua_Integer rank = 0, dense = 0;
    for (size_t i = 0; i < x.count; i++) {
        int new_value = i == 0 || compare_values(&e[i - 1], &e[i]) != 0;
        if (new_value) {
            rank = (lua_Integer)i + 1;
            dense++;
        }
        lua_pushinteger(L, ties == 0 ? rank : ties == 1 ? dense : (lua_Integer)i + 1);
        lua_rawseti(L, -2, (lua_Integer)e[i].pos + 1);
    }
    return 1;
}

/* numeric.order(numbers [, {ascending = false}]) -> array of positions
 * The positions of the non-null values, largest value first; equal values
 * keep their order. Nulls are left out. */
static int numeric_order(lua_State *L) {
    static const char *const keys[] = {"ascending", NULL};
    opt_check_keys(L, 2, keys);
    int asc = opt_boolean(L, 2, "ascending", 0);
    struct sumi_numbers x;
    sumi_read_numbers(L, 1, &x);
    const struct entry *e = sorted_entries(L, &x, asc);
    lua_createtable(L, x.count > INT32_MAX ? INT32_MAX : (int)x.count, 0);
    for (size_t i = 0; i < x.count; i++) {
        lua_pushinteger(L, (lua_Integer)e[i].pos + 1);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* The value at the top of the stack as e's value; 1 if it is an integer.
 * Anything but a finite number is an error naming it: row 3's 'value'
 * (row > 0), or the value of 'China' (label = value pairs). */
static int entry_value(lua_State *L, struct entry *e, lua_Integer row, const char *key) {
    int t = lua_type(L, -1);
    if (t != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1))) {
        double d = lua_tonumber(L, -1);
        const char *what = t == LUA_TNIL ? "nil"
                           : t != LUA_TNUMBER
                               ? lua_pushfstring(L, "a %s, not a number", luaL_typename(L, -1))
                           : isnan(d) ? "nan"
                           : d > 0    ? "inf"
                                      : "-inf";
        if (row > 0)
            lua_pushfstring(L, "row %I's '%s' is %s", row, key, what);
        else
            lua_pushfstring(L, "the value of '%s' is %s", key, what);
        luaL_argerror(L, 1, lua_tostring(L, -1));
    }
    if (lua_isinteger(L, -1)) {
        e->k = (int64_t)lua_tointeger(L, -1);
        e->d = (double)e->k;
        return 1;
    }
    e->d = lua_tonumber(L, -1);
    e->k = 0;
    return 0;
}

/* numeric.top_n(rows, n [, {by = "value", label = "name", others = "その他"}])
 *   -> top, others_row, others_count
 * rows is an array of records (tables), or a table of label = value pairs.
 * top holds the n records with the largest `by`, largest first (the records
 * themselves, equal values in input order; pairs become new records
 * {[label] = key, [by] = value}, equal values by label), then, when rows
 * are left over, a new record {[label] = others, [by] = their sum}. That
 * record is also returned second, and how many rows it holds third;
 * others = false leaves it out. A record whose `by` is nil is an error: a
 * sum of "the rest" must not quietly drop one. */
static int numeric_top_n(lua_State *L) {
    static const char *const keys[] = {"by", "label", "others", NULL};
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_checkinteger(L, 2);
    if (n < 0)
        luaL_argerror(L, 2, lua_pushfstring(L, "n must be >= 0, got %I", n));
    opt_check_keys(L, 3, keys);
    int opts = lua_istable(L, 3) ? 3 : 0;
    const char *by = opt_string(L, opts, "by", "value");
    const char *label = opt_string(L, opts, "label", "name");
    const char *others = "その他";
    if (opts != 0) {
        int t = lua_getfield(L, opts, "others");
        if (t == LUA_TBOOLEAN && !lua_toboolean(L, -1))
            others = NULL;
        else if (t == LUA_TSTRING)
            others = lua_tostring(L, -1); /* kept alive by the options table */
        else if (t != LUA_TNIL)
            opt_fail(L, "others", "a string or false", -1);
        lua_pop(L, 1);
    }

    /* An array of records, or label = value pairs (a table with no [1]). */
    size_t count = lua_rawlen(L, 1);
    int pairs_given = 0;
    if (count == 0) {
        lua_pushnil(L);
        while (lua_next(L, 1) != 0) {
            lua_pop(L, 1);
            pairs_given = 1;
            count++;
        }
    }
    struct entry *e = scratch(L, count, sizeof *e);
    int all_integers = 1;
    if (pairs_given) {
        size_t k = 0;
        lua_pushnil(L);
        while (lua_next(L, 1) != 0) { /* key value */
            if (lua_type(L, -2) != LUA_TSTRING)
                luaL_argerror(L, 1,
                              lua_pushfstring(L,
                                              "a %s key among label = value pairs (labels are "
                                              "strings; records go in an array)",
                                              luaL_typename(L, -2)));
            e[k].label = lua_tostring(L, -2); /* the key lives in rows */
            e[k].pos = k;
            all_integers &= entry_value(L, &e[k], 0, e[k].label);
            lua_pop(L, 1); /* key: lua_next goes on from it */
            k++;
        }
    } else {
        for (size_t i = 0; i < count; i++) {
            int t = lua_rawgeti(L, 1, (lua_Integer)i + 1); /* row */
            if (t != LUA_TTABLE)
                luaL_argerror(
                    L, 1,
                    lua_pushfstring(
                        L, "row %I is %s, not a record (a table)", (lua_Integer)i + 1,
                        t == LUA_TNIL ? "nil" : lua_pushfstring(L, "a %s", luaL_typename(L, -1))));
            lua_getfield(L, -1, by); /* row value */
            e[i].label = NULL;
            e[i].pos = i;
            all_integers &= entry_value(L, &e[i], (lua_Integer)i + 1, by);
            lua_pop(L, 2);
        }
    }
    /* k orders integers exactly, but only when every value is one. */
    if (!all_integers)
        for (size_t i = 0; i < count; i++)
            e[i].k = 0;
    qsort(e, count, sizeof *e, descending);

    size_t top = (lua_Unsigned)n < count ? (size_t)n : count;
    int fold = others != NULL && top < count;
    size_t slots = top + (size_t)fold;
    lua_createtable(L, slots > INT32_MAX ? INT32_MAX : (int)slots, 0); /* top */
    for (size_t i = 0; i < top; i++) {
        if (pairs_given) {
            lua_createtable(L, 0, 2);
            lua_pushstring(L, e[i].label);
            lua_setfield(L, -2, label);
            if (all_integers)
                lua_pushinteger(L, (lua_Integer)e[i].k);
            else
                lua_pushnumber(L, e[i].d);
            lua_setfield(L, -2, by);
        } else {
            lua_rawgeti(L, 1, (lua_Integer)e[i].pos + 1);
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    if (!fold) {
        lua_pushnil(L);
        lua_pushinteger(L, (lua_Integer)(count - top));
        return 3;
    }
    struct running r = RUNNING_ZERO;
    for (size_t i = top; i < count; i++) {
        if (all_integers)
            running_add_integer(&r, e[i].k);
        else
            running_add_number(&r, e[i].d);
    }
    lua_createtable(L, 0, 2); /* top others */
    lua_pushstring(L, others);
    lua_setfield(L, -2, label);
    push_running(L, &r, 1);
    lua_setfield(L, -2, by);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, (lua_Integer)top + 1);
    lua_pushinteger(L, (lua_Integer)(count - top)); /* top others count */
    return 3;
}

static const luaL_Reg numeric_functions[] = {
    {"sum", numeric_sum},           {"count", numeric_count},   {"mean", numeric_mean},
    {"min", numeric_min},           {"max", numeric_max},       {"extent", numeric_extent},
    {"extremes", numeric_extremes}, {"median", numeric_median}, {"percentile", numeric_percentile},
    {"cumsum", numeric_cumsum},     {"shares", numeric_shares}, {"rank", numeric_rank},
    {"order", numeric_order},       {"top_n", numeric_top_n},   {NULL, NULL},
};

int luaopen_sumi_numeric(lua_State *L) {
    luaL_newlib(L, numeric_functions);
    /* sumi.stats offers these same functions, and scripts call them there */
    opt_name_functions(L, "stats.", numeric_functions);
    return 1;
}
