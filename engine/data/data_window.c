/* Window operations: a new column computed over each group's rows in an
 * order, as SQL's window functions compute over PARTITION BY ... ORDER BY:
 * cumsum, rolling, change (year over year, period over period) and rank.
 * Each groups the rows by hashing (data_reshape.c), orders them with one
 * stable sort, and walks every group once. The dataset's row order never
 * changes: each value lands in its own row. */
#define _POSIX_C_SOURCE 200809L
#include "data_reshape.h"

#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "data_internal.h"
#include "options.h"

/* ---- ordering rows ---- */

struct string_order {
    const struct sumi_coldata *col;
    int descending;
};

static int compare_strings(const void *ctx, size_t a, size_t b) {
    const struct string_order *o = ctx;
    int c = strcmp(o->col->v.strings[a], o->col->v.strings[b]);
    return o->descending ? -c : c;
}

/* rows[0..n) := the rows in the order of col, as ds:sort orders them:
 * stable, nulls last in row order whichever the direction. An LSD radix
 * sort on order keys, or a merge sort for strings. */
static void push_sorted(lua_State *L, const struct sumi_coldata *col, int descending, size_t *rows,
                        size_t n) {
    if (col->type != SUMI_STRING) {
        struct radix_item *items = lua_newuserdatauv(L, (n ? n : 1) * 2 * sizeof *items, 0);
        data_radix_sort_rows(col, descending, rows, items, n);
        return;
    }
    size_t m = 0;
    for (size_t r = 0; r < n; r++)
        if (!sumi_coldata_is_null(col, r))
            rows[m++] = r;
    struct string_order ctx = {col, descending};
    reshape_merge_sort(rows, data_push_index(L, m), m, compare_strings, &ctx);
    for (size_t r = 0; r < n && m < n; r++)
        if (sumi_coldata_is_null(col, r))
            rows[m++] = r;
}

/* <0, 0, >0 as two non-null cells of col compare in the sort's order. */
static int compare_cells(const struct sumi_coldata *col, size_t a, size_t b) {
    if (col->type == SUMI_STRING)
        return strcmp(col->v.strings[a], col->v.strings[b]);
    uint64_t x = data_order_key(col, a), y = data_order_key(col, b);
    return (x > y) - (x < y);
}

/* The rows grouped (by the option 'by' columns) and ordered (by one
 * column, or the dataset's order): row r is in group group_of[r]; sorted
 * lists the rows in order, every group's interleaved, or is NULL when the
 * dataset's order is already that order. */
struct ordering {
    size_t groups;
    const size_t *group_of;
    const size_t *sorted;
};

/* 1 when the rows of every group already come in the order of col (nulls
 * last): data sorted by date, the usual case, needs no sort. */
static int already_ordered(const struct sumi_coldata *col, int descending, const size_t *group_of,
                           size_t rows, size_t *last, size_t groups) {
    for (size_t g = 0; g < groups; g++)
        last[g] = SIZE_MAX;
    for (size_t r = 0; r < rows; r++) {
        size_t g = group_of[r], l = last[g];
        last[g] = r;
        if (l == SIZE_MAX || sumi_coldata_is_null(col, r))
            continue;
        if (sumi_coldata_is_null(col, l))
            return 0;
        int c = compare_cells(col, l, r);
        if (descending ? c < 0 : c > 0)
            return 0;
    }
    return 1;
}

static void push_ordering(lua_State *L, const struct sumi_dataset *ds, const int *by, int nby,
                          const struct sumi_coldata *order, int descending, struct ordering *o) {
    const struct sumi_coldata **cols =
        lua_newuserdatauv(L, (size_t)(nby > 0 ? nby : 1) * sizeof *cols, 0);
    for (int i = 0; i < nby; i++)
        cols[i] = ds->columns[by[i]].data;
    size_t *group_of, *firsts;
    o->groups = reshape_push_groups(L, cols, nby, ds->rows, &group_of, &firsts);
    o->group_of = group_of;
    o->sorted = NULL;
    if (order != NULL && !already_ordered(order, descending, group_of, ds->rows,
                                          data_push_index(L, o->groups), o->groups)) {
        size_t *sorted = data_push_index(L, ds->rows);
        push_sorted(L, order, descending, sorted, ds->rows);
        o->sorted = sorted;
    }
}

/* The rows, group by group: group g's rows are seq[start[g] .. start[g+1]),
 * in the ordering's order. */
struct partition {
    size_t groups;
    const size_t *seq;
    const size_t *start;
};

static void push_partition(lua_State *L, size_t rows, const struct ordering *o,
                           struct partition *p) {
    size_t groups = o->groups;
    size_t *start = data_push_index(L, groups + 1);
    memset(start, 0, (groups + 1) * sizeof *start);
    int contiguous = 1; /* groups one after the other, as data sorted by group is */
    for (size_t r = 0; r < rows; r++) {
        start[o->group_of[r] + 1]++;
        contiguous &= r == 0 || o->group_of[r] >= o->group_of[r - 1];
    }
    for (size_t g = 0; g < groups; g++)
        start[g + 1] += start[g];
    size_t *seq = data_push_index(L, rows);
    if (contiguous && o->sorted == NULL) {
        for (size_t r = 0; r < rows; r++)
            seq[r] = r;
    } else {
        size_t *next = data_push_index(L, groups);
        memcpy(next, start, groups * sizeof *next);
        for (size_t i = 0; i < rows; i++) {
            size_t r = o->sorted != NULL ? o->sorted[i] : i;
            seq[next[o->group_of[r]]++] = r;
        }
    }
    p->groups = groups;
    p->seq = seq;
    p->start = start;
}

/* ---- arguments shared by the operations ---- */

/* A non-null value of an integer or number column, inline in the loops. */
static inline double number_at(const struct sumi_coldata *col, size_t r) {
    return col->type == SUMI_INTEGER ? (double)col->v.integers[r] : col->v.numbers[r];
}

static int arg_numbers(lua_State *L, const struct sumi_dataset *ds, int arg) {
    int c = reshape_arg_column(L, ds, arg, "column");
    enum sumi_type t = ds->columns[c].data->type;
    if (t != SUMI_INTEGER && t != SUMI_NUMBER)
        opt_raise(L, "column '%s' holds %s values, not numbers", ds->columns[c].name,
                  sumi_type_name(t));
    return c;
}

/* Option 'order' (cumsum, rolling): the column that places each row in its
 * group, every row with a value (a row without one has no place in a
 * window). -1 when absent. */
static int opt_order(lua_State *L, const struct sumi_dataset *ds, int opts) {
    if (!opt_has(L, opts, "order"))
        return -1;
    lua_getfield(L, opts, "order");
    if (lua_type(L, -1) != LUA_TSTRING)
        opt_fail(L, "order", "a column name", -1);
    int c = reshape_column(L, ds, lua_tostring(L, -1), "order");
    lua_pop(L, 1);
    for (size_t r = 0; r < ds->rows; r++)
        if (sumi_coldata_is_null(ds->columns[c].data, r))
            opt_raise(L,
                      "option 'order': column '%s' is nil in row %I; every row needs a place in "
                      "the order",
                      ds->columns[c].name, (lua_Integer)(r + 1));
    return c;
}

/* The rows of one group must have distinct values in the order column:
 * with two rows for one month a window would depend on the rows' order in
 * the file, a silently different number. */
static void check_order_unique(lua_State *L, const struct sumi_dataset *ds, const int *by, int nby,
                               int order_c, const struct ordering *o) {
    const struct sumi_coldata *col = ds->columns[order_c].data;
    size_t *last = data_push_index(L, o->groups);
    for (size_t g = 0; g < o->groups; g++)
        last[g] = SIZE_MAX;
    for (size_t i = 0; i < ds->rows; i++) {
        size_t r = o->sorted != NULL ? o->sorted[i] : i, g = o->group_of[r];
        if (last[g] == SIZE_MAX || !reshape_cells_equal(col, last[g], r)) {
            last[g] = r;
            continue;
        }
        size_t count = 0;
        for (size_t q = 0; q < ds->rows; q++)
            count += o->group_of[q] == g && reshape_cells_equal(col, q, r);
        int *key = lua_newuserdatauv(L, (size_t)(nby + 1) * sizeof *key, 0);
        if (nby > 0) /* by is NULL without groups */
            memcpy(key, by, (size_t)nby * sizeof *key);
        key[nby] = order_c;
        reshape_push_key_shown(L, ds, key, nby + 1, r);
        opt_raise(L,
                  "%I rows for %s; option 'order' needs one row per value in each group (add "
                  "the column that tells them apart to option 'by', or combine them first with "
                  "group_by)",
                  (lua_Integer)count, lua_tostring(L, -1));
    }
    lua_pop(L, 1);
}

/* A new column's metadata: the unit of the column it comes from. */
static struct sumi_meta unit_of(const struct sumi_column *c) {
    struct sumi_meta m = {0};
    m.unit = c->meta.unit; /* copied by data_add_column */
    return m;
}

/* ---- cumsum ---- */

/* The running sums of col over each group into out (integers or numbers),
 * the rows taken in the ordering's order with one sum per group: a null
 * row holds the sum so far, nil before the group's first value. -1 when an
 * integer sum passes 2^63 (sum again as numbers), -2 when a number sum
 * passes the range of a double, at *bad. sums holds 2 * groups. */
static int running_sums(const struct sumi_coldata *col, const struct ordering *o,
                        struct sumi_coldata *out, double *sums, uint8_t *seen, size_t *bad) {
    memset(sums, 0, 2 * o->groups * sizeof *sums);
    memset(seen, 0, o->groups);
    int64_t *isums = (int64_t *)sums;
    double *comp = sums + o->groups; /* Neumaier: sums[g] + comp[g] is group g's sum */
    for (size_t i = 0; i < col->length; i++) {
        size_t r = o->sorted != NULL ? o->sorted[i] : i, g = o->group_of[r];
        if (!sumi_coldata_is_null(col, r)) {
            seen[g] = 1;
            if (out->type == SUMI_INTEGER) {
                if (__builtin_add_overflow(isums[g], col->v.integers[r], &isums[g]))
                    return -1;
            } else {
                double v = number_at(col, r), t = sums[g] + v;
                comp[g] += fabs(sums[g]) >= fabs(v) ? (sums[g] - t) + v : (v - t) + sums[g];
                sums[g] = t;
                if (!isfinite(t + comp[g])) {
                    *bad = r;
                    return -2;
                }
            }
        }
        if (!seen[g])
            out->valid[r] = 0;
        else if (out->type == SUMI_INTEGER)
            out->v.integers[r] = isums[g];
        else
            out->v.numbers[r] = sums[g] + comp[g];
    }
    return 0;
}

/* ds:cumsum(column [, {name, by, order}]) */
int ds_cumsum(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    luaL_checkstack(L, 40, NULL); /* the scratch blocks below */
    int c = arg_numbers(L, ds, 2);
    static const char *const keys[] = {"name", "by", "order", NULL};
    opt_check_keys(L, 3, keys);
    const char *name = reshape_opt_name(L, 3, lua_pushfstring(L, "%s_cumsum", ds->columns[c].name));
    int *by;
    int nby = reshape_opt_columns(L, ds, 3, "by", &by);
    int order_c = opt_order(L, ds, 3);
    struct ordering o;
    push_ordering(L, ds, by, nby, order_c >= 0 ? ds->columns[order_c].data : NULL, 0, &o);
    if (order_c >= 0)
        check_order_unique(L, ds, by, nby, order_c, &o);
    const struct sumi_coldata *src = ds->columns[c].data;
    double *sums = lua_newuserdatauv(L, (o.groups ? o.groups : 1) * 2 * sizeof *sums, 0);
    uint8_t *seen = lua_newuserdatauv(L, o.groups ? o.groups : 1, 0);
    struct sumi_coldata *out = data_own(L, reshape_new_column(src->type, ds->rows));
    size_t bad = 0;
    int rc = running_sums(src, &o, out, sums, seen, &bad);
    if (rc == -1) { /* past 2^63: the whole column as numbers, never wrapped round */
        out = data_own(L, reshape_new_column(SUMI_NUMBER, ds->rows));
        rc = running_sums(src, &o, out, sums, seen, &bad);
    }
    if (rc == -2)
        return opt_raise(L,
                         "row %I: the running sum of column '%s' is beyond the range of a number",
                         (lua_Integer)(bad + 1), ds->columns[c].name);
    reshape_finish_column(out);
    struct sumi_meta meta = unit_of(&ds->columns[c]);
    data_push_with_column(L, ds, name, out, &meta);
    return 1;
}

/* ---- rolling ---- */

/* Sums (or means) over the last n rows of each group, counting non-null
 * values; fewer than min_periods of them give nil. -1: an integer sum
 * passed 2^63. Numbers keep a compensated sum, reset when the window holds
 * no value, so that adding and taking out a million values leaves no
 * drift. */
static int window_sums(const struct sumi_coldata *col, const struct partition *p, size_t n,
                       size_t min_periods, int mean, struct sumi_coldata *out) {
    int integral = out->type == SUMI_INTEGER;
    for (size_t g = 0; g < p->groups; g++) {
        int64_t isum = 0;
        double sum = 0, c = 0;
        size_t count = 0, s = p->start[g];
        for (size_t i = s; i < p->start[g + 1]; i++) {
            for (int step = 0; step < 2; step++) { /* the row in, the row n back out */
                if (step == 1 && i - s < n)
                    break;
                size_t r = p->seq[step == 0 ? i : i - n];
                if (sumi_coldata_is_null(col, r))
                    continue;
                if (integral) {
                    int64_t v = col->v.integers[r];
                    if (step == 0 ? __builtin_add_overflow(isum, v, &isum)
                                  : __builtin_sub_overflow(isum, v, &isum))
                        return -1;
                } else {
                    double v = number_at(col, r), t;
                    v = step == 0 ? v : -v;
                    t = sum + v;
                    c += fabs(sum) >= fabs(v) ? (sum - t) + v : (v - t) + sum;
                    sum = t;
                }
                if (step == 0)
                    count++;
                else
                    count--;
                if (count == 0)
                    sum = c = 0, isum = 0;
            }
            size_t r = p->seq[i];
            if (count < min_periods)
                out->valid[r] = 0;
            else if (integral)
                out->v.integers[r] = isum;
            else
                out->v.numbers[r] = mean ? (sum + c) / (double)count : sum + c;
        }
    }
    return 0;
}

/* ds:rolling(column, n [, {fn, order, by, min_periods, name}]) */
int ds_rolling(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    luaL_checkstack(L, 40, NULL); /* the scratch blocks below */
    int c = arg_numbers(L, ds, 2);
    int exact = 0;
    lua_Integer n = lua_type(L, 3) == LUA_TNUMBER ? lua_tointegerx(L, 3, &exact) : 0;
    if (!exact || n < 1) {
        opt_push_shown(L, 3);
        return opt_raise(L, "argument 2 (n) must be an integer >= 1 (rows in the window); got %s",
                         lua_tostring(L, -1));
    }
    static const char *const keys[] = {"fn", "order", "by", "min_periods", "name", NULL};
    opt_check_keys(L, 4, keys);
    static const char *const fns[] = {"sum", "mean", NULL};
    int fn = opt_enum(L, 4, "fn", 1, fns);
    lua_Integer min_periods = reshape_opt_integer(L, 4, "min_periods", n, 1, n);
    const char *name = reshape_opt_name(
        L, 4, lua_pushfstring(L, "%s_%s%I", ds->columns[c].name, fns[fn], (lua_Integer)n));
    int *by;
    int nby = reshape_opt_columns(L, ds, 4, "by", &by);
    int order_c = opt_order(L, ds, 4);
    for (int i = 0; i < nby && order_c >= 0; i++)
        if (by[i] == order_c)
            return opt_raise(L, "column '%s' is in both option 'by' and option 'order'",
                             ds->columns[order_c].name);
    struct ordering o;
    push_ordering(L, ds, by, nby, order_c >= 0 ? ds->columns[order_c].data : NULL, 0, &o);
    if (order_c >= 0)
        check_order_unique(L, ds, by, nby, order_c, &o);
    struct partition p;
    push_partition(L, ds->rows, &o, &p);
    const struct sumi_coldata *src = ds->columns[c].data;
    int integral = src->type == SUMI_INTEGER && fn == 0;
    struct sumi_coldata *out =
        data_own(L, reshape_new_column(integral ? SUMI_INTEGER : SUMI_NUMBER, ds->rows));
    if (window_sums(src, &p, (size_t)n, (size_t)min_periods, fn == 1, out) != 0) {
        out = data_own(L, reshape_new_column(SUMI_NUMBER, ds->rows));
        window_sums(src, &p, (size_t)n, (size_t)min_periods, fn == 1, out);
    }
    for (size_t r = 0; r < ds->rows; r++)
        if (out->type == SUMI_NUMBER && !isfinite(out->v.numbers[r]))
            return opt_raise(L,
                             "row %I: the rolling %s of column '%s' is beyond the range of a "
                             "number",
                             (lua_Integer)(r + 1), fns[fn], ds->columns[c].name);
    reshape_finish_column(out);
    struct sumi_meta meta = unit_of(&ds->columns[c]);
    data_push_with_column(L, ds, name, out, &meta);
    return 1;
}

/* ---- change: year over year, period over period ---- */

static const char *const period_names[] = {
    "day", "month", "quarter", "year", "fiscal_quarter", "fiscal_year", NULL};
enum { P_DAY, P_MONTH, P_QUARTER, P_YEAR, P_FISCAL_QUARTER, P_FISCAL_YEAR };

static inline int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Days since 1970-01-01 and proleptic Gregorian dates, both ways (H.
 * Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d) {
    z += 719468;
    int64_t era = floor_div(z, 146097), doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    int64_t era = floor_div(y, 400), yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* 1 when a column of type can give keys of period: a date column gives any
 * period: a date column any, a month column a month or longer, a quarter
 * column a quarter or longer. NULL when it can, else why not. */
static const char *period_column_problem(enum sumi_type type, int period, int fiscal_start) {
    switch (type) {
    case SUMI_DATE:
        return NULL;
    case SUMI_MONTH:
        return period == P_DAY ? "a month column has no days" : NULL;
    case SUMI_QUARTER:
        if (period == P_DAY || period == P_MONTH)
            return "a quarter column has no days or months";
        if (period == P_FISCAL_QUARTER && (fiscal_start - 1) % 3 != 0)
            return "a quarter column cannot be cut into fiscal quarters that start in another "
                   "month than January, April, July or October";
        return NULL;
    default:
        return "not a date, month or quarter column";
    }
}

/* A period column's value as a day: a date itself, a month or a quarter
 * its first day (sumi.date's rule), so that day_period keys all three. */
static int32_t period_day(const struct sumi_coldata *col, size_t r) {
    if (col->type == SUMI_MONTH)
        return sumi_month_first_day(col->v.dates[r]);
    if (col->type == SUMI_QUARTER)
        return sumi_quarter_first_day(col->v.dates[r]);
    return col->v.dates[r];
}

/* The period a day falls in, as a count of periods (month 2025-03 is
 * 2025 * 12 + 2, quarter 2025Q1 is 2025 * 4 + 0, fiscal quarters count from
 * the month fiscal_start), so that a period's predecessor is key - 1 and
 * the same period a year earlier key - periods per year. */
static int64_t day_period(int64_t days, int period, int fiscal_start) {
    int64_t y;
    int m, d;
    civil_from_days(days, &y, &m, &d);
    int64_t months = y * 12 + (m - 1), fiscal_months = months - (fiscal_start - 1);
    switch (period) {
    case P_DAY:
        return days;
    case P_MONTH:
        return months;
    case P_QUARTER:
        return floor_div(months, 3);
    case P_YEAR:
        return y;
    case P_FISCAL_QUARTER:
        return floor_div(fiscal_months, 3);
    default:
        return floor_div(fiscal_months, 12);
    }
}

/* Each row's period key into keys (a null for a null): the one place that
 * turns a period column into keys: dates, months and quarters, each at
 * its first day (period_day).
 * When the dates span no more days than there are rows, each day's key is
 * worked out once, in a table, rather than once per row. */
static void period_keys(lua_State *L, const struct sumi_coldata *col, int period, int fiscal_start,
                        struct sumi_coldata *keys) {
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (size_t r = 0; r < col->length; r++) {
        if (sumi_coldata_is_null(col, r)) {
            keys->valid[r] = 0;
            continue;
        }
        int32_t day = period_day(col, r);
        lo = day < lo ? day : lo;
        hi = day > hi ? day : hi;
    }
    if (lo > hi)
        return; /* no dates */
    size_t span = (size_t)((int64_t)hi - lo) + 1;
    int64_t *table = NULL;
    if (span <= col->length) {
        table = lua_newuserdatauv(L, span * sizeof *table, 0);
        for (size_t i = 0; i < span; i++)
            table[i] = day_period((int64_t)lo + (int64_t)i, period, fiscal_start);
    }
    for (size_t r = 0; r < col->length; r++) {
        if (sumi_coldata_is_null(col, r))
            continue;
        int32_t days = period_day(col, r);
        keys->v.integers[r] =
            table != NULL ? table[days - lo] : day_period(days, period, fiscal_start);
    }
    if (table != NULL)
        lua_pop(L, 1);
}

/* The key to compare a period with: the one before, or the same period a
 * year earlier (for days: the same date, Feb 29 giving Feb 28). */
static int64_t lag_key(int period, int64_t key, int year) {
    if (!year)
        return key - 1;
    switch (period) {
    case P_DAY: {
        int64_t y;
        int m, d;
        civil_from_days(key, &y, &m, &d);
        int leap = (y - 1) % 4 == 0 && ((y - 1) % 100 != 0 || (y - 1) % 400 == 0);
        if (m == 2 && d == 29 && !leap)
            d = 28;
        return days_from_civil(y - 1, m, d);
    }
    case P_MONTH:
        return key - 12;
    case P_QUARTER:
    case P_FISCAL_QUARTER:
        return key - 4;
    default:
        return key - 1;
    }
}

/* "month 2025-03", "fiscal quarter FY2025Q1" (a fiscal year is named by
 * the calendar year it starts in, as 年度 is). */
static void push_period(lua_State *L, int period, int64_t key) {
    char buf[64];
    switch (period) {
    case P_DAY: {
        char date[16];
        sumi_date_format((int32_t)key, date);
        snprintf(buf, sizeof buf, "day %s", date);
        break;
    }
    case P_MONTH:
        snprintf(buf, sizeof buf, "month %04lld-%02lld", (long long)floor_div(key, 12),
                 (long long)(key - floor_div(key, 12) * 12 + 1));
        break;
    case P_QUARTER:
    case P_FISCAL_QUARTER:
        snprintf(buf, sizeof buf, "%s%lldQ%lld",
                 period == P_QUARTER ? "quarter " : "fiscal quarter FY",
                 (long long)floor_div(key, 4), (long long)(key - floor_div(key, 4) * 4 + 1));
        break;
    case P_YEAR:
        snprintf(buf, sizeof buf, "year %lld", (long long)key);
        break;
    default:
        snprintf(buf, sizeof buf, "fiscal year FY%lld", (long long)key);
        break;
    }
    lua_pushstring(L, buf);
}

/* ds:change(column, {date, period, lag, as, by, fiscal_start, name}) */
int ds_change(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    luaL_checkstack(L, 40, NULL); /* the scratch blocks below */
    int c = arg_numbers(L, ds, 2);
    static const char *const keys[] = {"date", "period",       "lag",  "as",
                                       "by",   "fiscal_start", "name", NULL};
    opt_check_keys(L, 3, keys);
    if (!opt_has(L, 3, "date"))
        return opt_raise(L, "option 'date' is required: the date column that places each row "
                            "in its period");
    lua_getfield(L, 3, "date");
    if (lua_type(L, -1) != LUA_TSTRING)
        opt_fail(L, "date", "a column name", -1);
    int date_c = reshape_column(L, ds, lua_tostring(L, -1), "date");
    lua_pop(L, 1);
    if (!opt_has(L, 3, "period")) {
        opt_push_joined(L, period_names);
        return opt_raise(L, "option 'period' is required: one of %s", lua_tostring(L, -1));
    }
    int period = opt_enum(L, 3, "period", 0, period_names);
    const struct sumi_coldata *dates = ds->columns[date_c].data;
    int fiscal = period == P_FISCAL_QUARTER || period == P_FISCAL_YEAR;
    if (opt_has(L, 3, "fiscal_start") && !fiscal)
        return opt_raise(L,
                         "option 'fiscal_start' applies to period \"fiscal_quarter\" or "
                         "\"fiscal_year\", not \"%s\"",
                         period_names[period]);
    int fiscal_start = (int)reshape_opt_integer(L, 3, "fiscal_start", 4, 1, 12);
    const char *problem = period_column_problem(dates->type, period, fiscal_start);
    if (problem != NULL && !sumi_type_is_calendar(dates->type))
        return opt_raise(L,
                         "option 'date': column '%s' holds %s values, not dates (read it as "
                         "dates with types = {%s = \"date\"})",
                         ds->columns[date_c].name, sumi_type_name(dates->type),
                         ds->columns[date_c].name);
    if (problem != NULL)
        return opt_raise(L,
                         "option 'date': column '%s' holds %s values, and period \"%s\" cannot "
                         "be read from it (%s)",
                         ds->columns[date_c].name, sumi_type_name(dates->type),
                         period_names[period], problem);
    static const char *const lags[] = {"year", "period", NULL};
    int by_year = opt_enum(L, 3, "lag", 0, lags) == 0;
    static const char *const forms[] = {"ratio", "difference", NULL};
    int ratio = opt_enum(L, 3, "as", 0, forms) == 0;
    const char *name =
        reshape_opt_name(L, 3,
                         lua_pushfstring(L, "%s_%s%s", ds->columns[c].name, by_year ? "yoy" : "pop",
                                         ratio ? "" : "_diff"));
    int *by;
    int nby = reshape_opt_columns(L, ds, 3, "by", &by);

    /* Each row's period key; rows ordered by it within each group. */
    struct sumi_coldata *keys_col = data_own(L, reshape_new_column(SUMI_INTEGER, ds->rows));
    period_keys(L, dates, period, fiscal_start, keys_col);
    const int64_t *key = keys_col->v.integers;
    struct ordering o;
    push_ordering(L, ds, by, nby, keys_col, 0, &o);
    struct partition p;
    push_partition(L, ds->rows, &o, &p);
    for (size_t g = 0; g < p.groups; g++) {
        for (size_t i = p.start[g] + 1; i < p.start[g + 1]; i++) {
            size_t r = p.seq[i], q = p.seq[i - 1];
            if (sumi_coldata_is_null(keys_col, r) || key[r] != key[q])
                continue;
            size_t count = 2;
            while (i + 1 < p.start[g + 1] && !sumi_coldata_is_null(keys_col, p.seq[i + 1]) &&
                   key[p.seq[i + 1]] == key[r])
                count++, i++;
            reshape_push_key_shown(L, ds, by, nby, r);
            lua_pushstring(L, nby > 0 ? " for " : "");
            lua_insert(L, -2);
            lua_concat(L, 2);
            push_period(L, period, key[r]);
            return opt_raise(L,
                             "%I rows%s in %s; change needs one row per period in each group "
                             "(combine them first with group_by, or add the column that tells "
                             "them apart to option 'by')",
                             (lua_Integer)count, lua_tostring(L, -2) /* " for ..." */,
                             lua_tostring(L, -1));
        }
    }

    /* Walk each group in key order; j trails i to the lag period's row. */
    const struct sumi_coldata *src = ds->columns[c].data;
    int integral = src->type == SUMI_INTEGER && !ratio;
    struct sumi_coldata *out =
        data_own(L, reshape_new_column(integral ? SUMI_INTEGER : SUMI_NUMBER, ds->rows));
    for (size_t g = 0; g < p.groups; g++) {
        size_t j = p.start[g];
        for (size_t i = p.start[g]; i < p.start[g + 1]; i++) {
            size_t r = p.seq[i];
            out->valid[r] = 0;
            if (sumi_coldata_is_null(keys_col, r))
                continue; /* nulls come last */
            int64_t target = lag_key(period, key[r], by_year);
            while (j < i && key[p.seq[j]] < target)
                j++;
            size_t q = p.seq[j];
            if (j == i || key[q] != target || sumi_coldata_is_null(src, r) ||
                sumi_coldata_is_null(src, q))
                continue;
            if (integral) {
                if (__builtin_sub_overflow(src->v.integers[r], src->v.integers[q],
                                           &out->v.integers[r]))
                    return opt_raise(L, "row %I: the difference is beyond the range of an integer",
                                     (lua_Integer)(r + 1));
                out->valid[r] = 1;
                continue;
            }
            double now = number_at(src, r), before = number_at(src, q);
            if (ratio && before == 0)
                continue; /* no ratio to nothing: nil, never inf or nan */
            double v = ratio ? now / before - 1 : now - before;
            if (!isfinite(v))
                return opt_raise(L, "row %I: the %s is beyond the range of a number",
                                 (lua_Integer)(r + 1), ratio ? "ratio" : "difference");
            out->v.numbers[r] = v;
            out->valid[r] = 1;
        }
    }
    reshape_finish_column(out);
    struct sumi_meta meta = ratio ? (struct sumi_meta){0} : unit_of(&ds->columns[c]);
    data_push_with_column(L, ds, name, out, &meta);
    return 1;
}

/* ---- rank ---- */

/* ds:rank(column [, {method, descending, by, name}]): ranks as SQL's RANK,
 * DENSE_RANK and ROW_NUMBER over (PARTITION BY by ORDER BY column NULLS
 * LAST); ties of row_number in row order. */
int ds_rank(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    luaL_checkstack(L, 40, NULL); /* the scratch blocks below */
    int c = reshape_arg_column(L, ds, 2, "column");
    static const char *const keys[] = {"method", "descending", "by", "name", NULL};
    opt_check_keys(L, 3, keys);
    static const char *const methods[] = {"rank", "dense_rank", "row_number", NULL};
    int method = opt_enum(L, 3, "method", 0, methods);
    int descending = opt_boolean(L, 3, "descending", 0);
    const char *name = reshape_opt_name(L, 3, lua_pushfstring(L, "%s_rank", ds->columns[c].name));
    int *by;
    int nby = reshape_opt_columns(L, ds, 3, "by", &by);
    const struct sumi_coldata *col = ds->columns[c].data;
    struct ordering o;
    push_ordering(L, ds, by, nby, col, descending, &o);
    struct partition p;
    push_partition(L, ds->rows, &o, &p);
    struct sumi_coldata *out = data_own(L, reshape_new_column(SUMI_INTEGER, ds->rows));
    for (size_t g = 0; g < p.groups; g++) {
        int64_t rank = 0, dense = 0;
        for (size_t i = p.start[g]; i < p.start[g + 1]; i++) {
            int64_t position = (int64_t)(i - p.start[g]) + 1;
            if (i == p.start[g] || !reshape_cells_equal(col, p.seq[i - 1], p.seq[i])) {
                rank = position;
                dense++;
            }
            out->v.integers[p.seq[i]] = method == 0 ? rank : method == 1 ? dense : position;
        }
    }
    reshape_finish_column(out);
    data_push_with_column(L, ds, name, out, NULL);
    return 1;
}
