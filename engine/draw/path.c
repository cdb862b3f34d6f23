/* sumi.path: paths built in C from long numeric series (a dataset column
 * view read in place, or a Lua array), mapped by linear scales and decimated
 * to what the device can show, so a million-point line costs one call and a
 * few thousand path segments, not a million.
 *
 *   path.series(canvas, xs, ys, {x = {domain = {min, max}, range = {l, r}},
 *                                y = {domain = {min, max}, range = {b, t}},
 *                                decimate = "minmax" | "lttb" | false,
 *                                points = n}) -> points emitted
 *   path.extent(values) -> lowest, highest, count
 *
 * xs may be a date column (days since 1970: a time axis is linear in days).
 *
 * minmax keeps, per quarter of a device pixel column, the first, lowest,
 * highest and last point of each run of consecutive points in it (the "M4"
 * aggregation of Jugel et al., VLDB 2014, on sub-pixel bins). Whole-pixel
 * bins are exact only for aliased 1-pixel lines: an antialiased stroke
 * covers a pixel by where, inside its column, the line crosses each row, so
 * whole-pixel M4 changed 3.7% of the pixels of a dense noisy series (the
 * envelope's fringes, up to 206 levels); quarter-pixel bins keep the
 * crossings to within a quarter pixel (0.13% of pixels beyond 8 levels, at
 * most 16 points a column). lttb is largest-triangle-three-buckets (Steinarsson,
 * "Downsampling Time Series for Visual Representation", 2013): a fixed
 * number of points chosen for shape, for when a smaller path matters more
 * than a pixel-exact one. */
#define _POSIX_C_SOURCE 200809L
#include <cairo.h>
#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "numeric.h"
#include "options.h"

/* minmax bins per device pixel column, and the points kept per bin: above
 * BINS_PER_COLUMN * POINTS_PER_BIN points per column, minmax decimates. */
#define BINS_PER_COLUMN 4
#define POINTS_PER_BIN 4
#define POINTS_LIMIT 1.0e7

/* A linear map from a data domain to a range in user units. */
struct axis {
    double d0, d1, r0, r1, k;
};

static double axis_map(const struct axis *a, double v) { return a->r0 + (v - a->d0) * a->k; }

/* opts.<name>.<key> = {a, b}: two finite numbers, different from each other. */
static void read_pair(lua_State *L, int tbl, const char *axis, const char *key, double out[2]) {
    if (lua_getfield(L, tbl, key) != LUA_TTABLE)
        opt_raise(L, "option '%s.%s' must be a pair {a, b}; got %s", axis, key,
                  luaL_typename(L, -1));
    for (int i = 0; i < 2; i++) {
        lua_rawgeti(L, -1 - i, i + 1);
        int ok = 0;
        out[i] = lua_tonumberx(L, -1, &ok);
        if (!ok || !isfinite(out[i]))
            opt_raise(L, "option '%s.%s' must be two finite numbers", axis, key);
    }
    if (lua_rawlen(L, -3) != 2)
        opt_raise(L, "option '%s.%s' must be two finite numbers", axis, key);
    if (out[0] == out[1])
        opt_raise(L, "option '%s.%s' must span more than zero; both ends are %f", axis, key,
                  out[0]);
    lua_pop(L, 3);
}

static void read_axis(lua_State *L, int opts, const char *name, struct axis *a) {
    static const char *const keys[] = {"domain", "range", NULL};
    if (lua_getfield(L, opts, name) != LUA_TTABLE)
        opt_raise(L, "option '%s' must be a table {domain = {min, max}, range = {a, b}}; got %s",
                  name, luaL_typename(L, -1));
    int t = lua_gettop(L);
    opt_check_keys(L, t, keys);
    double d[2], r[2];
    read_pair(L, t, name, "domain", d);
    read_pair(L, t, name, "range", r);
    lua_pop(L, 1);
    a->d0 = d[0];
    a->d1 = d[1];
    a->r0 = r[0];
    a->r1 = r[1];
    a->k = (r[1] - r[0]) / (d[1] - d[0]);
    if (!isfinite(a->k) || a->k == 0)
        opt_raise(L, "option '%s': its domain and range give no usable scale", name);
}

enum decimation { DECIMATE_NONE, DECIMATE_MINMAX, DECIMATE_LTTB };

/* Where the points go: a sub-path per run of non-null points. */
struct emitter {
    cairo_t *cr;
    const struct sumi_numbers *xs, *ys;
    const struct axis *ax, *ay;
    size_t count; /* points emitted */
    int in_run;   /* a sub-path is open */
};

static void emit(struct emitter *e, size_t i) {
    double x = axis_map(e->ax, sumi_number_at(e->xs, i)),
           y = axis_map(e->ay, sumi_number_at(e->ys, i));
    if (e->in_run)
        cairo_line_to(e->cr, x, y);
    else
        cairo_move_to(e->cr, x, y);
    e->in_run = 1;
    e->count++;
}

static int point_valid(const struct sumi_numbers *xs, const struct sumi_numbers *ys, size_t i) {
    return (xs->valid == NULL || xs->valid[i]) && (ys->valid == NULL || ys->valid[i]);
}

/* The next run of valid points from *i on, of n: [*start, *i). 0 when no
 * valid point is left. */
static int next_run(const struct sumi_numbers *xs, const struct sumi_numbers *ys, size_t n,
                    size_t *i, size_t *start) {
    while (*i < n && !point_valid(xs, ys, *i))
        (*i)++;
    *start = *i;
    while (*i < n && point_valid(xs, ys, *i))
        (*i)++;
    return *i > *start;
}

/* The minmax bin of data x: quarters of device units from device x 0 (the
 * range's left end is at device x origin), so bin edges fall on pixel edges
 * and quarters when the canvas is not rotated; a point on an edge goes to
 * the bin on its right. */
struct columns {
    double origin, width; /* device x of the range's left end; device span */
};

static long column_of(const struct columns *c, const struct axis *ax, double x) {
    double t = (x - ax->d0) / (ax->d1 - ax->d0);
    return (long)floor((c->origin + t * c->width) * BINS_PER_COLUMN);
}

/* The first, lowest, highest and last point of each run of consecutive
 * points in one bin, in the order they come. */
static void emit_minmax(struct emitter *e, const struct columns *cols, size_t n) {
    size_t pick[4];
    long bucket = 0;
    int open = 0; /* a bucket is being gathered */
    size_t first = 0, last = 0, lo = 0, hi = 0;
    for (size_t i = 0; i <= n; i++) {
        int valid = i < n && point_valid(e->xs, e->ys, i);
        long col = valid ? column_of(cols, e->ax, sumi_number_at(e->xs, i)) : 0;
        if (open && (!valid || col != bucket)) {
            int k = 0;
            pick[k++] = first;
            size_t a = lo < hi ? lo : hi, b = lo < hi ? hi : lo;
            if (a != first)
                pick[k++] = a;
            if (b != a && b != first)
                pick[k++] = b;
            if (last != pick[k - 1])
                pick[k++] = last;
            for (int j = 0; j < k; j++)
                emit(e, pick[j]);
            open = 0;
        }
        if (!valid) {
            e->in_run = 0;
            continue;
        }
        double y = sumi_number_at(e->ys, i);
        if (!open) {
            open = 1;
            bucket = col;
            first = lo = hi = i;
        } else {
            if (y < sumi_number_at(e->ys, lo))
                lo = i;
            if (y > sumi_number_at(e->ys, hi))
                hi = i;
        }
        last = i;
    }
}

/* ---- a dense line's stroke as the area it covers
 *
 * A round-joined, round-capped stroke of width w is the set of points
 * within w/2 of the line (the line's Minkowski sum with a disk). Where a
 * line has many points per pixel column, cairo's stroker spends most of a
 * chart's time on joins that all land inside that area; filling the area
 * itself takes one polygon of two points per bin. Per minmax bin (a quarter
 * of a device pixel column) the line covers a vertical interval [lo, hi]
 * (the points in it, and the segments crossing it); the stroke covers, at
 * the centre of bin j, every interval of a bin i within w/2 widened by
 * sqrt((w/2)^2 - dx^2), dx the distance of the two centres. The intervals
 * of neighbouring bins touch (the line is continuous inside a run), so the
 * covered set of each bin is one interval: its ends make the polygon. The
 * error is at most half a bin (1/8 pixel) across. */
struct band {
    double *lo, *hi; /* per bin of the widened run, in user y; lo > hi: empty */
    long first;      /* the bin of lo[0] */
    size_t bins;
};

static void band_add(struct band *b, long bin, double y) {
    size_t k = (size_t)(bin - b->first);
    if (y < b->lo[k])
        b->lo[k] = y;
    if (y > b->hi[k])
        b->hi[k] = y;
}

/* Band bins per device pixel column: finer than minmax's, as a bin's
 * points are taken at its centre (an error of half a bin across). */
#define BAND_BINS_PER_COLUMN 32

/* The band bin position of data x, unfloored. */
static double bin_position(const struct columns *c, const struct axis *ax, double x) {
    double t = (x - ax->d0) / (ax->d1 - ax->d0);
    return (c->origin + t * c->width) * BAND_BINS_PER_COLUMN;
}

/* Fills b with the intervals of the points [start, end) (all valid, x never
 * decreasing) and of the segments between them. */
static void band_collect(struct band *b, const struct emitter *e, const struct columns *cols,
                         size_t start, size_t end) {
    double px = 0, py = 0;
    for (size_t i = start; i < end; i++) {
        double x = bin_position(cols, e->ax, sumi_number_at(e->xs, i));
        double y = axis_map(e->ay, sumi_number_at(e->ys, i));
        long bin = (long)floor(x);
        band_add(b, bin, y);
        if (i > start) {
            long from = (long)floor(px);
            /* a segment crossing bin edges: its y at each edge, in both bins */
            for (long edge = from + 1; edge <= bin; edge++) {
                double t = x > px ? ((double)edge - px) / (x - px) : 1;
                double ey = py + t * (y - py);
                band_add(b, edge - 1, ey);
                band_add(b, edge, ey);
            }
        }
        px = x;
        py = y;
    }
}

/* The polygon around b's intervals widened by the radius r (user units);
 * bin_width: a bin's width in user x, x_of_bin0: the user x of bin 0's
 * centre (bins count from the range's left end, in either direction). */
static size_t band_emit(cairo_t *cr, const struct band *b, double r, double bin_width,
                        double x_of_bin0, long reach) {
    size_t n = b->bins, emitted = 0, span = (size_t)reach;
    double *top = malloc(n * sizeof *top), *bottom = malloc(n * sizeof *bottom);
    double *half = malloc((span + 1) * sizeof *half); /* the disk's half height, by offset */
    if (top == NULL || bottom == NULL || half == NULL) {
        free(top);
        free(bottom);
        free(half);
        return 0;
    }
    for (size_t d = 0; d <= span; d++) {
        double dx = (double)d * fabs(bin_width);
        half[d] = dx <= r ? sqrt(r * r - dx * dx) : -1;
    }
    for (size_t j = 0; j < n; j++) {
        double lo = INFINITY, hi = -INFINITY;
        size_t i0 = j > span ? j - span : 0;
        size_t i1 = j + span < n ? j + span : n - 1;
        for (size_t i = i0; i <= i1; i++) {
            double h = half[i > j ? i - j : j - i];
            if (h < 0 || b->lo[i] > b->hi[i])
                continue;
            if (b->lo[i] - h < lo)
                lo = b->lo[i] - h;
            if (b->hi[i] + h > hi)
                hi = b->hi[i] + h;
        }
        top[j] = lo;
        bottom[j] = hi;
    }
    free(half);
    int open = 0;
    size_t first = 0, last = 0;
    for (size_t j = 0; j < n; j++) {
        if (top[j] > bottom[j])
            continue;
        double x = x_of_bin0 + (double)((long)j + b->first) * bin_width;
        if (!open)
            cairo_move_to(cr, x, top[j]);
        else
            cairo_line_to(cr, x, top[j]);
        if (!open)
            first = j;
        open = 1;
        last = j;
        emitted++;
    }
    for (size_t j = last + 1; open && j-- > first;) {
        if (top[j] > bottom[j])
            continue;
        cairo_line_to(cr, x_of_bin0 + (double)((long)j + b->first) * bin_width, bottom[j]);
        emitted++;
    }
    if (open)
        cairo_close_path(cr);
    free(top);
    free(bottom);
    return emitted;
}

/* The stroke of every run of the series as filled bands; returns the
 * points emitted, or 0 (nothing added) when memory ran out. r: half the
 * stroke width in user units; user_per_bin: a bin's width in user x. */
static size_t emit_bands(struct emitter *e, const struct columns *cols, size_t n, double r,
                         double user_per_bin, double x_of_bin0) {
    long reach = (long)ceil(r / fabs(user_per_bin));
    size_t i = 0, start, total = 0;
    while (next_run(e->xs, e->ys, n, &i, &start)) {
        long b0 = (long)floor(bin_position(cols, e->ax, sumi_number_at(e->xs, start)));
        long b1 = (long)floor(bin_position(cols, e->ax, sumi_number_at(e->xs, i - 1)));
        struct band b = {NULL, NULL, b0 - reach, (size_t)(b1 - b0 + 1 + 2 * reach)};
        b.lo = malloc(b.bins * sizeof *b.lo);
        b.hi = malloc(b.bins * sizeof *b.hi);
        if (b.lo == NULL || b.hi == NULL) {
            free(b.lo);
            free(b.hi);
            return 0;
        }
        for (size_t k = 0; k < b.bins; k++) {
            b.lo[k] = INFINITY;
            b.hi[k] = -INFINITY;
        }
        band_collect(&b, e, cols, start, i);
        total += band_emit(e->cr, &b, r, user_per_bin, x_of_bin0, reach);
        free(b.lo);
        free(b.hi);
    }
    return total;
}

/* The x values of the valid points never decrease (a band needs that). */
static int x_in_order(const struct sumi_numbers *xs, const struct sumi_numbers *ys, size_t n) {
    double prev = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!point_valid(xs, ys, i))
            continue;
        double x = sumi_number_at(xs, i);
        if (x < prev)
            return 0;
        prev = x;
    }
    return 1;
}

static double triangle_area(double ax, double ay, double bx, double by, double cx, double cy) {
    return fabs((ax - cx) * (by - ay) - (ax - bx) * (cy - ay)) / 2;
}

/* LTTB over the run [start, end) (all valid), down to target points. */
static void lttb_run(struct emitter *e, size_t start, size_t end, size_t target) {
    size_t len = end - start;
    if (target >= len || target < 3) {
        if (target < 3 && len > 2) {
            emit(e, start);
            emit(e, end - 1);
            return;
        }
        for (size_t i = start; i < end; i++)
            emit(e, i);
        return;
    }
    const struct sumi_numbers *xs = e->xs, *ys = e->ys;
    double every = (double)(len - 2) / (double)(target - 2);
    size_t a = start;
    emit(e, a);
    for (size_t b = 0; b < target - 2; b++) {
        /* the average of the next bucket */
        size_t n0 = start + 1 + (size_t)floor((double)(b + 1) * every);
        size_t n1 = start + 1 + (size_t)floor((double)(b + 2) * every);
        if (n1 > end)
            n1 = end;
        if (n0 >= n1)
            n0 = n1 - 1;
        double avx = 0, avy = 0;
        for (size_t j = n0; j < n1; j++) {
            avx += sumi_number_at(xs, j);
            avy += sumi_number_at(ys, j);
        }
        avx /= (double)(n1 - n0);
        avy /= (double)(n1 - n0);
        /* the point of this bucket making the largest triangle with a and
         * the average (in device proportions: the mapped coordinates) */
        size_t r0 = start + 1 + (size_t)floor((double)b * every);
        size_t r1 = start + 1 + (size_t)floor((double)(b + 1) * every);
        double ax = axis_map(e->ax, sumi_number_at(xs, a)),
               ay = axis_map(e->ay, sumi_number_at(ys, a));
        double cx = axis_map(e->ax, avx), cy = axis_map(e->ay, avy);
        double best = -1;
        size_t pick = r0;
        for (size_t j = r0; j < r1; j++) {
            double area = triangle_area(ax, ay, axis_map(e->ax, sumi_number_at(xs, j)),
                                        axis_map(e->ay, sumi_number_at(ys, j)), cx, cy);
            if (area > best) {
                best = area;
                pick = j;
            }
        }
        emit(e, pick);
        a = pick;
    }
    emit(e, end - 1);
}

/* LTTB per run of non-null points, each run given its share of the target. */
static void emit_lttb(struct emitter *e, size_t n, size_t valid_count, size_t target) {
    size_t i = 0, start;
    while (next_run(e->xs, e->ys, n, &i, &start)) {
        double share = (double)(i - start) / (double)valid_count;
        size_t t = (size_t)ceil(share * (double)target);
        e->in_run = 0;
        lttb_run(e, start, i, t < 2 ? 2 : t);
    }
}

static const char *const series_keys[] = {"x", "y", "decimate", "points", "stroke_width", NULL};
static const char *const decimate_names[] = {"minmax", "lttb", NULL};

/* path.series(canvas, xs, ys, options) -> points emitted, filled (true when
 * stroke_width was given and the path is the stroke's area, to fill) */
static int path_series(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    luaL_checktype(L, 4, LUA_TTABLE);
    opt_check_keys(L, 4, series_keys);
    struct axis ax, ay;
    read_axis(L, 4, "x", &ax);
    read_axis(L, 4, "y", &ay);
    enum decimation mode = DECIMATE_MINMAX;
    int t = lua_getfield(L, 4, "decimate");
    if (t == LUA_TBOOLEAN)
        mode = lua_toboolean(L, -1) ? DECIMATE_MINMAX : DECIMATE_NONE;
    else if (t != LUA_TNIL)
        mode = opt_enum(L, 4, "decimate", 0, decimate_names) == 0 ? DECIMATE_MINMAX : DECIMATE_LTTB;
    lua_pop(L, 1);
    if (opt_has(L, 4, "points") && mode != DECIMATE_LTTB)
        return opt_raise(L, "option 'points' goes with decimate = \"lttb\" only");
    double points = opt_number(L, 4, "points", 0, 3, POINTS_LIMIT);
    double stroke_width = opt_number(L, 4, "stroke_width", 0, 0, 1e4);

    struct sumi_numbers xs, ys;
    sumi_read_numbers_or_dates(L, 2, &xs);
    sumi_read_numbers(L, 3, &ys);
    if (xs.n != ys.n)
        return luaL_argerror(L, 3,
                             lua_pushfstring(L,
                                             "ys holds %I values, xs holds %I: lengths must match",
                                             (lua_Integer)ys.n, (lua_Integer)xs.n));

    /* The data's extent, mapped: if its corners fit cairo's fixed point,
     * every point does (the maps are linear). */
    size_t valid_count = 0;
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < xs.n; i++) {
        if (!point_valid(&xs, &ys, i))
            continue;
        double x = sumi_number_at(&xs, i), y = sumi_number_at(&ys, i);
        x0 = fmin(x0, x);
        x1 = fmax(x1, x);
        y0 = fmin(y0, y);
        y1 = fmax(y1, y);
        valid_count++;
    }
    if (valid_count == 0) {
        lua_pushinteger(L, 0);
        lua_pushboolean(L, 0);
        return 2;
    }
    double ux0 = axis_map(&ax, x0), ux1 = axis_map(&ax, x1);
    double uy0 = axis_map(&ay, y0), uy1 = axis_map(&ay, y1);
    sumi_canvas_check_point(L, c, ux0, uy0);
    sumi_canvas_check_point(L, c, ux1, uy0);
    sumi_canvas_check_point(L, c, ux0, uy1);
    sumi_canvas_check_point(L, c, ux1, uy1);

    /* How many device pixels the x range spans: a PNG's pixels, a PDF's or
     * SVG's points (its device unit), whatever the current transform. */
    double dx = ax.r1 - ax.r0, dy = 0;
    cairo_user_to_device_distance(c->cr, &dx, &dy);
    struct columns cols;
    double ox = ax.r0, oy = 0;
    cairo_user_to_device(c->cr, &ox, &oy);
    if (fabs(dx) >= 1) {
        cols.origin = ox;
        cols.width = dx;
    } else { /* turned or tiny: count along the range's own direction */
        cols.origin = 0;
        cols.width = hypot(dx, dy);
    }
    double pixels = fmax(1, ceil(fabs(cols.width)));

    struct emitter e = {c->cr, &xs, &ys, &ax, &ay, 0, 0};
    int dense =
        mode == DECIMATE_MINMAX && (double)valid_count > BINS_PER_COLUMN * POINTS_PER_BIN * pixels;
    int filled = 0;
    /* A band needs x along the device's x and the same scale on both axes
     * (a round pen stays round), and x in order. */
    double sx = 1, sy = 0, tx = 0, ty = 1;
    cairo_user_to_device_distance(c->cr, &sx, &sy);
    cairo_user_to_device_distance(c->cr, &tx, &ty);
    int plain = sy == 0 && tx == 0 && sx > 0 && fabs(sx - ty) <= 1e-9 * sx && fabs(dx) >= 1;
    /* Only where pixels are made: a PDF or SVG keeps the (smaller) line and
     * leaves its stroke to the viewer. */
    if (dense && stroke_width > 0 && c->kind == SUMI_CANVAS_PNG && plain &&
        x_in_order(&xs, &ys, xs.n)) {
        double user_per_bin = (ax.r1 - ax.r0) / cols.width / BAND_BINS_PER_COLUMN;
        /* user x of bin 0's centre: bins count from device x 0 */
        double x_of_bin0 =
            ax.r0 + (0.5 / BAND_BINS_PER_COLUMN - cols.origin) * (ax.r1 - ax.r0) / cols.width;
        e.count = emit_bands(&e, &cols, xs.n, stroke_width / 2, user_per_bin, x_of_bin0);
        filled = e.count > 0;
    }
    if (filled) {
        /* the bands are the path: the caller fills it */
    } else if (dense) {
        emit_minmax(&e, &cols, xs.n);
    } else if (mode == DECIMATE_LTTB) {
        size_t target = points > 0 ? (size_t)points : (size_t)(2 * pixels);
        emit_lttb(&e, xs.n, valid_count, target < 3 ? 3 : target);
    } else {
        for (size_t i = 0; i < xs.n; i++) {
            if (point_valid(&xs, &ys, i))
                emit(&e, i);
            else
                e.in_run = 0;
        }
    }
    cairo_status_t status = cairo_status(c->cr);
    if (status != CAIRO_STATUS_SUCCESS)
        return luaL_error(L, "cairo: %s", cairo_status_to_string(status));
    lua_pushinteger(L, (lua_Integer)e.count);
    lua_pushboolean(L, filled);
    return 2;
}

/* path.extent(values) -> lowest, highest, count of the non-null values (nil,
 * nil, 0 when there are none): what a chart's scales need from a long
 * column, read in place. values as xs of path.series (numbers or dates). */
static int path_extent(lua_State *L) {
    struct sumi_numbers v;
    sumi_read_numbers_or_dates(L, 1, &v);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < v.n; i++) {
        if (v.valid != NULL && !v.valid[i])
            continue;
        double x = sumi_number_at(&v, i);
        lo = fmin(lo, x);
        hi = fmax(hi, x);
    }
    if (v.count == 0) {
        lua_pushnil(L);
        lua_pushnil(L);
    } else {
        lua_pushnumber(L, lo);
        lua_pushnumber(L, hi);
    }
    lua_pushinteger(L, (lua_Integer)v.count);
    return 3;
}

static const luaL_Reg functions[] = {
    {"series", path_series},
    {"extent", path_extent},
    {NULL, NULL},
};

int luaopen_sumi_path(lua_State *L) {
    luaL_newlib(L, functions);
    opt_name_functions(L, "path.", functions);
    return 1;
}
