/* sumi.canvas, continued (canvas.c holds the surfaces and the module's
 * tables): paths, paint (fill, stroke, clip), gradients and images. */
#define _POSIX_C_SOURCE 200809L
#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "canvas.h"
#include "canvas_internal.h"
#include "pdf_finish.h"
#include "color.h"
#include "options.h"
#include "scratch.h"
#include "access.h"

/* ---- paths ---- */

/* canvas:move_to(x, y) and canvas:line_to(x, y): op on a checked point. */
static int to_point(lua_State *L, void (*op)(cairo_t *, double, double)) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    double x = check_finite(L, 2), y = check_finite(L, 3);
    sumi_canvas_check_point(L, c, x, y);
    op(c->cr, x, y);
    return 0;
}

int canvas_move_to(lua_State *L) { return to_point(L, cairo_move_to); }

int canvas_line_to(lua_State *L) { return to_point(L, cairo_line_to); }

int canvas_curve_to(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    double v[6];
    for (int i = 0; i < 6; i++)
        v[i] = check_finite(L, i + 2);
    for (int i = 0; i < 6; i += 2)
        sumi_canvas_check_point(L, c, v[i], v[i + 1]);
    cairo_curve_to(c->cr, v[0], v[1], v[2], v[3], v[4], v[5]);
    return 0;
}

static int arc_common(lua_State *L, int negative) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    double cx = check_finite(L, 2), cy = check_finite(L, 3);
    double r = check_number_in(L, 4, "radius", 0, SIZE_LIMIT);
    double a1 = check_finite(L, 5), a2 = check_finite(L, 6);
    sumi_canvas_check_point(L, c, cx - r, cy - r);
    sumi_canvas_check_point(L, c, cx + r, cy + r);
    if (negative)
        cairo_arc_negative(c->cr, cx, cy, r, a1 * G_PI / 180.0, a2 * G_PI / 180.0);
    else
        cairo_arc(c->cr, cx, cy, r, a1 * G_PI / 180.0, a2 * G_PI / 180.0);
    return 0;
}

int canvas_arc(lua_State *L) { return arc_common(L, 0); }
int canvas_arc_negative(lua_State *L) { return arc_common(L, 1); }

static void check_box(lua_State *L, sumi_canvas *c, double *x, double *y, double *w, double *h) {
    *x = check_finite(L, 2);
    *y = check_finite(L, 3);
    *w = check_number_in(L, 4, "width", -SIZE_LIMIT, SIZE_LIMIT);
    *h = check_number_in(L, 5, "height", -SIZE_LIMIT, SIZE_LIMIT);
    sumi_canvas_check_point(L, c, *x, *y);
    sumi_canvas_check_point(L, c, *x + *w, *y + *h);
}

int canvas_rect(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    double x, y, w, h;
    check_box(L, c, &x, &y, &w, &h);
    cairo_rectangle(c->cr, x, y, w, h);
    return 0;
}

int canvas_rounded_rect(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    double x, y, w, h;
    check_box(L, c, &x, &y, &w, &h);
    double r = check_number_in(L, 6, "radius", 0, SIZE_LIMIT);
    if (w < 0) {
        x += w;
        w = -w;
    }
    if (h < 0) {
        y += h;
        h = -h;
    }
    /* A radius larger than half a side would fold the corners over. */
    r = fmin(r, fmin(w, h) / 2);
    cairo_new_sub_path(c->cr);
    cairo_arc(c->cr, x + w - r, y + r, r, -G_PI / 2, 0);
    cairo_arc(c->cr, x + w - r, y + h - r, r, 0, G_PI / 2);
    cairo_arc(c->cr, x + r, y + h - r, r, G_PI / 2, G_PI);
    cairo_arc(c->cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path(c->cr);
    return 0;
}

/* A path through many points in one call: {x1, y1, x2, y2, ...}. The loop
 * stays in C, so a long series is not one Lua call per point. */
int canvas_polyline(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    int close = lua_toboolean(L, 3);
    lua_Integer n = (lua_Integer)lua_rawlen(L, 2);
    if (n % 2 != 0)
        return luaL_argerror(L, 2, "an even count of numbers expected (x, y pairs)");
    for (lua_Integer i = 1; i <= n; i += 2) {
        lua_rawgeti(L, 2, i);
        lua_rawgeti(L, 2, i + 1);
        int okx, oky;
        double x = lua_tonumberx(L, -2, &okx), y = lua_tonumberx(L, -1, &oky);
        lua_pop(L, 2);
        if (!okx || !oky)
            return luaL_error(L, "bad argument #1 to 'polyline' (point %d is not two numbers)",
                              (int)(i / 2 + 1));
        sumi_canvas_check_point(L, c, x, y);
        if (i == 1)
            cairo_move_to(c->cr, x, y);
        else
            cairo_line_to(c->cr, x, y);
    }
    if (close && n > 0)
        cairo_close_path(c->cr);
    return 0;
}

int canvas_close_path(lua_State *L) {
    cairo_close_path(sumi_check_canvas(L, 1)->cr);
    return 0;
}

int canvas_new_path(lua_State *L) {
    cairo_new_path(sumi_check_canvas(L, 1)->cr);
    return 0;
}

/* ---- paint ---- */

/* A paint read from Lua and checked but not yet set on cairo. Reading can
 * raise and setting cannot, so the drawing calls read everything first and
 * only then cairo_save(): an error never leaves a save open (a script that
 * caught it would have its next restore() pop the wrong state). */
struct paint {
    cairo_pattern_t *gradient; /* borrowed from a Lua value still referenced, or NULL */
    struct sumi_rgba rgba;
};

/* The paint at idx: the option named key, or, with key NULL, the paint
 * argument of fill or stroke. */
static void read_paint(lua_State *L, int idx, const char *key, struct paint *p) {
    static const char what[] = "a colour (\"#rrggbb\", \"#rrggbbaa\" or a name) or a gradient";
    p->gradient = NULL;
    if (lua_type(L, idx) == LUA_TSTRING && sumi_color_parse(lua_tostring(L, idx), &p->rgba))
        return;
    cairo_pattern_t **gradient = luaL_testudata(L, idx, SUMI_GRADIENT_TYPE);
    if (gradient != NULL && *gradient != NULL) {
        p->gradient = *gradient;
        return;
    }
    if (key != NULL)
        opt_fail(L, key, what, idx);
    opt_push_shown(L, idx);
    opt_raise(L, "the paint must be %s; got %s", what, lua_tostring(L, -1));
}

static void set_paint(sumi_canvas *c, const struct paint *p) {
    if (p->gradient != NULL)
        cairo_set_source(c->cr, p->gradient);
    else
        cairo_set_source_rgba(c->cr, p->rgba.r, p->rgba.g, p->rgba.b, p->rgba.a);
}

void sumi_canvas_set_paint(lua_State *L, sumi_canvas *c, int idx, const char *what) {
    struct paint p;
    read_paint(L, idx, what, &p);
    set_paint(c, &p);
}

static const char *const fill_keys[] = {"color", "rule", "preserve", NULL};
static const char *const stroke_keys[] = {"color", "width",       "dash",     "dash_offset", "cap",
                                          "join",  "miter_limit", "preserve", NULL};
static const char *const fill_stroke_keys[] = {
    "fill", "color", "width", "dash", "dash_offset", "cap", "join", "miter_limit", "rule", NULL};

/* Argument 2 is a paint (colour or gradient) or an options table. Pushes
 * nothing; returns the index of the options table or 0. */
static int read_paint_argument(lua_State *L, const char *const keys[], const char *paint_key,
                               const char *default_color, struct paint *p) {
    if (lua_istable(L, 2)) {
        opt_check_keys(L, 2, keys);
        if (lua_getfield(L, 2, paint_key) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushstring(L, default_color);
        }
        read_paint(L, -1, paint_key, p); /* a gradient stays referenced by the table */
        lua_pop(L, 1);
        return 2;
    }
    if (lua_isnoneornil(L, 2)) {
        lua_pushstring(L, default_color);
        read_paint(L, -1, NULL, p);
        lua_pop(L, 1);
        return 0;
    }
    read_paint(L, 2, NULL, p);
    return 0;
}

static cairo_fill_rule_t read_fill_rule(lua_State *L, int opts) {
    static const char *const rules[] = {"winding", "even_odd", NULL};
    return opt_enum(L, opts, "rule", 0, rules) ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING;
}

struct stroke_style {
    double width, miter_limit, dash_offset;
    cairo_line_cap_t cap;
    cairo_line_join_t join;
    int ndashes;
    double dashes[64];
};

static void read_stroke_style(lua_State *L, int opts, struct stroke_style *s) {
    static const char *const caps[] = {"butt", "round", "square", NULL};
    static const char *const joins[] = {"miter", "round", "bevel", NULL};
    s->width = opt_number(L, opts, "width", 1, 0, 1000);
    s->cap = (cairo_line_cap_t)opt_enum(L, opts, "cap", 0, caps);
    s->join = (cairo_line_join_t)opt_enum(L, opts, "join", 0, joins);
    s->miter_limit = opt_number(L, opts, "miter_limit", 10, 1, 100);
    s->dash_offset = opt_number(L, opts, "dash_offset", 0, -SIZE_LIMIT, SIZE_LIMIT);
    s->ndashes = 0;
    if (opts != 0 && lua_getfield(L, opts, "dash") != LUA_TNIL) {
        if (!lua_istable(L, -1))
            opt_fail(L, "dash", "a list of lengths", -1);
        int n = (int)lua_rawlen(L, -1);
        if (n > 64)
            opt_fail(L, "dash", "at most 64 lengths", -1);
        double total = 0;
        for (int i = 0; i < n; i++) {
            lua_rawgeti(L, -1, i + 1);
            int ok;
            s->dashes[i] = lua_tonumberx(L, -1, &ok);
            lua_pop(L, 1);
            if (!ok || !(s->dashes[i] >= 0 && s->dashes[i] <= SIZE_LIMIT))
                opt_raise(L, "option 'dash' must be lengths >= 0; length %d is not", i + 1);
            total += s->dashes[i];
        }
        if (n > 0 && total <= 0)
            opt_raise(L, "option 'dash' must have a length above 0; all are 0");
        s->ndashes = n;
    }
    if (opts != 0)
        lua_pop(L, 1);
}

/* cairo 1.16 records a page before it writes it, and an opaque paint of
 * the whole page with no clip (a fill of the page's rectangle becomes one)
 * drops everything recorded before it, the structure tags begun on the
 * page with it; the page then fails with a tag error. On a tagged PDF such
 * a paint is clipped to the page less a thousandth of a point, which draws
 * the same and keeps the tags. Call within a save/restore. */
static void keep_tags(sumi_canvas *c, int filling) {
    if (c->pdf == NULL || !c->pdf->tagged)
        return;
    double x0 = 0, y0 = 0, x1 = c->width, y1 = c->height;
    if (filling) {
        cairo_fill_extents(c->cr, &x0, &y0, &x1, &y1);
        cairo_user_to_device(c->cr, &x0, &y0);
        cairo_user_to_device(c->cr, &x1, &y1);
        if (fmin(x0, x1) > 0 || fmin(y0, y1) > 0 || fmax(x0, x1) < c->width ||
            fmax(y0, y1) < c->height)
            return;
    }
    cairo_path_t *path = filling ? cairo_copy_path(c->cr) : NULL;
    cairo_matrix_t m;
    cairo_get_matrix(c->cr, &m);
    cairo_identity_matrix(c->cr);
    cairo_new_path(c->cr);
    cairo_rectangle(c->cr, 0.001, 0.001, c->width - 0.002, c->height - 0.002);
    cairo_clip(c->cr);
    cairo_set_matrix(c->cr, &m);
    if (path != NULL) {
        cairo_append_path(c->cr, path);
        cairo_path_destroy(path);
    }
}

/* Fill or stroke on cairo, or hand the operation to the canvas's sink. */
static void fill_preserve(sumi_canvas *c) {
    if (c->sink != NULL) {
        sumi_sink_fill(c->sink, c->cr);
    } else {
        keep_tags(c, 1);
        cairo_fill_preserve(c->cr);
    }
}

static void stroke_preserve(sumi_canvas *c) {
    if (c->sink != NULL)
        sumi_sink_stroke(c->sink, c->cr);
    else
        cairo_stroke_preserve(c->cr);
}

static void set_stroke_style(sumi_canvas *c, const struct stroke_style *s) {
    cairo_set_line_width(c->cr, s->width);
    cairo_set_line_cap(c->cr, s->cap);
    cairo_set_line_join(c->cr, s->join);
    cairo_set_miter_limit(c->cr, s->miter_limit);
    if (s->ndashes > 0)
        cairo_set_dash(c->cr, s->dashes, s->ndashes, s->dash_offset);
    else
        cairo_set_dash(c->cr, NULL, 0, 0);
}

int canvas_fill(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    struct paint paint;
    int opts = read_paint_argument(L, fill_keys, "color", "black", &paint);
    cairo_fill_rule_t rule = read_fill_rule(L, opts);
    int preserve = opt_boolean(L, opts, "preserve", 0);
    cairo_save(c->cr); /* nothing below raises before the restore */
    set_paint(c, &paint);
    cairo_set_fill_rule(c->cr, rule);
    fill_preserve(c);
    cairo_restore(c->cr); /* the path survives restore; the paint does not */
    if (!preserve)
        cairo_new_path(c->cr);
    canvas_check_status(L, c);
    return 0;
}

int canvas_stroke(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    struct paint paint;
    int opts = read_paint_argument(L, stroke_keys, "color", "black", &paint);
    struct stroke_style style;
    read_stroke_style(L, opts, &style);
    int preserve = opt_boolean(L, opts, "preserve", 0);
    cairo_save(c->cr);
    set_paint(c, &paint);
    set_stroke_style(c, &style);
    stroke_preserve(c);
    cairo_restore(c->cr);
    if (!preserve)
        cairo_new_path(c->cr);
    canvas_check_status(L, c);
    return 0;
}

int canvas_fill_stroke(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    opt_check_keys(L, 2, fill_stroke_keys);
    struct paint fill, stroke;
    lua_getfield(L, 2, "fill");
    if (lua_isnil(L, -1))
        return opt_raise(L, "option 'fill' is missing (the paint inside)");
    read_paint(L, -1, "fill", &fill);
    lua_pop(L, 1);
    if (lua_getfield(L, 2, "color") == LUA_TNIL) {
        lua_pop(L, 1);
        lua_pushstring(L, "black");
    }
    read_paint(L, -1, "color", &stroke);
    lua_pop(L, 1);
    cairo_fill_rule_t rule = read_fill_rule(L, 2);
    struct stroke_style style;
    read_stroke_style(L, 2, &style);
    cairo_save(c->cr);
    set_paint(c, &fill);
    cairo_set_fill_rule(c->cr, rule);
    fill_preserve(c);
    set_paint(c, &stroke);
    set_stroke_style(c, &style);
    stroke_preserve(c);
    cairo_restore(c->cr);
    cairo_new_path(c->cr);
    canvas_check_status(L, c);
    return 0;
}

/* Fills the whole clip area, e.g. a page background. */
int canvas_paint(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    struct paint paint;
    read_paint(L, 2, NULL, &paint);
    cairo_save(c->cr);
    set_paint(c, &paint);
    if (c->sink != NULL) {
        sumi_sink_paint(c->sink, c->cr);
    } else {
        keep_tags(c, 0);
        cairo_paint(c->cr);
    }
    cairo_restore(c->cr);
    canvas_check_status(L, c);
    return 0;
}

int canvas_clip(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    if (c->sink != NULL)
        sumi_sink_clip(c->sink, c->cr);
    cairo_clip(c->cr);
    canvas_check_status(L, c);
    return 0;
}

int canvas_reset_clip(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    if (c->sink != NULL)
        sumi_sink_reset_clip(c->sink);
    cairo_reset_clip(c->cr);
    return 0;
}

/* ---- gradients ---- */

static void gradient_release(void *block) {
    cairo_pattern_t **box = block;
    if (*box != NULL) {
        cairo_pattern_destroy(*box);
        *box = NULL;
    }
}

/* Owns one cairo_pattern_t; released by __gc. */
static int push_gradient(lua_State *L, cairo_pattern_t *pattern, int stops_arg) {
    cairo_pattern_t **box = sumi_scratch_push(L, sizeof *box, gradient_release, SUMI_GRADIENT_TYPE);
    *box = pattern;
    int n = (int)lua_rawlen(L, stops_arg);
    if (n < 2)
        return luaL_argerror(L, stops_arg, "at least two colour stops expected");
    for (int i = 1; i <= n; i++) {
        if (lua_rawgeti(L, stops_arg, i) != LUA_TTABLE)
            return opt_raise(L, "colour stop %d must be a pair {offset, colour}", i);
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        int ok;
        double offset = lua_tonumberx(L, -2, &ok);
        struct sumi_rgba rgba;
        const char *color = lua_tostring(L, -1);
        if (!ok || !(offset >= 0 && offset <= 1))
            return opt_raise(L, "colour stop %d must have an offset in [0, 1]", i);
        if (color == NULL || !sumi_color_parse(color, &rgba))
            return opt_raise(L, "colour stop %d must have a colour; got %s", i,
                             (opt_push_shown(L, -1), lua_tostring(L, -1)));
        cairo_pattern_add_color_stop_rgba(pattern, offset, rgba.r, rgba.g, rgba.b, rgba.a);
        lua_pop(L, 3);
    }
    return 1;
}

int canvas_linear_gradient(lua_State *L) {
    double v[4];
    for (int i = 0; i < 4; i++)
        v[i] = check_number_in(L, i + 1, "coordinate", -SIZE_LIMIT, SIZE_LIMIT);
    luaL_checktype(L, 5, LUA_TTABLE);
    return push_gradient(L, cairo_pattern_create_linear(v[0], v[1], v[2], v[3]), 5);
}

int canvas_radial_gradient(lua_State *L) {
    double cx = check_number_in(L, 1, "cx", -SIZE_LIMIT, SIZE_LIMIT);
    double cy = check_number_in(L, 2, "cy", -SIZE_LIMIT, SIZE_LIMIT);
    double r = check_number_in(L, 3, "radius", 0, SIZE_LIMIT);
    luaL_checktype(L, 4, LUA_TTABLE);
    return push_gradient(L, cairo_pattern_create_radial(cx, cy, 0, cx, cy, r), 4);
}

/* ---- images ---- */

static cairo_status_t read_from_file(void *closure, unsigned char *data, unsigned int length) {
    FILE *f = closure;
    return fread(data, 1, length, f) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

int canvas_image(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    const char *given = luaL_checkstring(L, 2);
    double x, y, w, h;
    /* check_box reads arguments 2..5: move the path to the top, where it
     * stays referenced (removing it let the collector free `given`). */
    lua_settop(L, 7);
    lua_rotate(L, 2, -1); /* canvas x y w h opts path */
    check_box(L, c, &x, &y, &w, &h);
    static const char *const keys[] = {"fit", NULL};
    static const char *const fits[] = {"contain", "cover", "fill", NULL};
    opt_check_keys(L, 6, keys);
    int fit = opt_enum(L, 6, "fit", 0, fits);
    sumi_tags_check_image(L, c);
    if (w <= 0 || h <= 0)
        return luaL_error(L, "bad image box (width and height must be > 0)");
    const char *path = sumi_resolve_read(L, given, "image");
    sumi_check_input_file(L, path, given, "image");
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return luaL_error(L, "cannot open image '%s'", given);
    /* PNG's signature (RFC 2083 §3.1): cairo reports anything else as
     * "out of memory". */
    unsigned char sig[8];
    if (fread(sig, 1, 8, f) != 8 || memcmp(sig, "\x89PNG\r\n\x1a\n", 8) != 0) {
        fclose(f);
        return luaL_error(L, "cannot read image '%s': not a PNG file (PNG files only)", given);
    }
    /* The size, from IHDR (the first chunk, PNG spec §11.2.2), before
     * libpng allocates it: a PNG of a few hundred bytes can declare 65535 x
     * 65535 pixels of one colour, 16 GiB once decoded. */
    unsigned char ihdr[16];
    if (fread(ihdr, 1, 16, f) != 16 || memcmp(ihdr + 4, "IHDR", 4) != 0) {
        fclose(f);
        return luaL_error(L, "cannot read image '%s': not a PNG file (no IHDR chunk first)", given);
    }
    uint32_t pw =
        (uint32_t)ihdr[8] << 24 | (uint32_t)ihdr[9] << 16 | (uint32_t)ihdr[10] << 8 | ihdr[11];
    uint32_t ph =
        (uint32_t)ihdr[12] << 24 | (uint32_t)ihdr[13] << 16 | (uint32_t)ihdr[14] << 8 | ihdr[15];
    if (pw == 0 || ph == 0 || (double)pw * (double)ph > PNG_AREA_LIMIT || pw > 32767 ||
        ph > 32767) {
        fclose(f);
        return luaL_error(L,
                          "cannot read image '%s': it declares %I x %I pixels (from 1 to 32767 "
                          "a side and 100 million in all expected)",
                          given, (lua_Integer)pw, (lua_Integer)ph);
    }
    rewind(f);
    cairo_surface_t *img = cairo_image_surface_create_from_png_stream(read_from_file, f);
    fclose(f);
    cairo_status_t st = cairo_surface_status(img);
    if (st != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return luaL_error(L, "cannot read image '%s': %s (PNG files only)", given,
                          cairo_status_to_string(st));
    }
    double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
    double sx = w / iw, sy = h / ih;
    if (fit == 0)
        sx = sy = fmin(sx, sy);
    else if (fit == 1)
        sx = sy = fmax(sx, sy);
    double dw = iw * sx, dh = ih * sy;
    if (c->sink != NULL && !sumi_sink_save(c->sink)) {
        cairo_surface_destroy(img);
        return luaL_error(L, "image: out of memory");
    }
    cairo_save(c->cr);
    cairo_rectangle(c->cr, x, y, w, h);
    if (c->sink != NULL)
        sumi_sink_clip(c->sink, c->cr);
    cairo_clip(c->cr);
    cairo_translate(c->cr, x + (w - dw) / 2, y + (h - dh) / 2);
    cairo_scale(c->cr, sx, sy);
    if (c->sink != NULL) {
        sumi_sink_image(c->sink, c->cr, img);
    } else {
        cairo_set_source_surface(c->cr, img, 0, 0);
        /* PDF/A-2 6.2.8 forbids /Interpolate true, which cairo writes for a
         * smoothed image: a PDF/A file leaves smoothing to the reader. */
        cairo_pattern_set_filter(cairo_get_source(c->cr), c->pdf != NULL && c->pdf->pdfa
                                                              ? CAIRO_FILTER_FAST
                                                              : CAIRO_FILTER_GOOD);
        cairo_paint(c->cr);
    }
    cairo_restore(c->cr);
    if (c->sink != NULL)
        sumi_sink_restore(c->sink);

    cairo_surface_destroy(img);
    canvas_check_status(L, c);
    lua_pushnumber(L, dw);
    lua_pushnumber(L, dh);
    return 2;
}
