/* The trace writer of the drawing sink (sink.h): one line of UTF-8 text per
 * operation, saying what would be drawn where, in page coordinates rounded
 * to 2 decimals so that a trace is stable across machines. Modelled on
 * SILE's debug outputter: layout tests read or diff the trace instead of
 * pixels. docs/API.md ("Traces") is the format's reference.
 *
 * Each line is a verb, then positional values, then key=value pairs; a value
 * is a number, a bare word, or a string in double quotes with Lua escapes
 * (\" \\ \n \t \ddd). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sink_internal.h"

#define TRACE_DECIMALS 2

static void num(GString *o, double v) { sink_number(o, v, TRACE_DECIMALS); }

static void key_num(GString *o, const char *key, double v) {
    g_string_append_printf(o, " %s=", key);
    num(o, v);
}

static void quoted(GString *o, const char *s, size_t n) {
    g_string_append_c(o, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            g_string_append_printf(o, "\\%c", c);
        else if (c == '\n')
            g_string_append(o, "\\n");
        else if (c == '\t')
            g_string_append(o, "\\t");
        else if (c < 0x20 || c == 0x7f)
            g_string_append_printf(o, "\\%03d", c);
        else
            g_string_append_c(o, (char)c);
    }
    g_string_append_c(o, '"');
}

static void rgba(GString *o, double r, double g, double b, double a) {
    g_string_append_printf(o, "#%02X%02X%02X%02X", (int)lround(r * 255), (int)lround(g * 255),
                           (int)lround(b * 255), (int)lround(a * 255));
}

/* #RRGGBBAA, or linear(x0,y0,x1,y1;offset:#RRGGBBAA,...) and
 * radial(cx,cy,r;...) with the points on the page. */
static void paint_value(GString *o, const struct sink_paint *p) {
    if (p->kind == SINK_SOLID) {
        rgba(o, p->r, p->g, p->b, p->a);
        return;
    }
    const cairo_matrix_t *m = &p->to_page;
    if (p->kind == SINK_LINEAR) {
        double x0, y0, x1, y1;
        cairo_pattern_get_linear_points(p->pattern, &x0, &y0, &x1, &y1);
        cairo_matrix_transform_point(m, &x0, &y0);
        cairo_matrix_transform_point(m, &x1, &y1);
        double v[4] = {x0, y0, x1, y1};
        g_string_append(o, "linear(");
        for (int i = 0; i < 4; i++) {
            if (i > 0)
                g_string_append_c(o, ',');
            num(o, v[i]);
        }
    } else {
        double x0, y0, r0, x1, y1, r1;
        cairo_pattern_get_radial_circles(p->pattern, &x0, &y0, &r0, &x1, &y1, &r1);
        cairo_matrix_transform_point(m, &x1, &y1);
        double scale = sqrt(fabs(m->xx * m->yy - m->xy * m->yx));
        g_string_append(o, "radial(");
        num(o, x1);
        g_string_append_c(o, ',');
        num(o, y1);
        g_string_append_c(o, ',');
        num(o, r1 * scale);
    }
    int n = 0;
    cairo_pattern_get_color_stop_count(p->pattern, &n);
    for (int i = 0; i < n; i++) {
        double off, r, g, b, a;
        cairo_pattern_get_color_stop_rgba(p->pattern, i, &off, &r, &g, &b, &a);
        g_string_append_c(o, i == 0 ? ';' : ',');
        num(o, off);
        g_string_append_c(o, ':');
        rgba(o, r, g, b, a);
    }
    g_string_append_c(o, ')');
}

static void shape(GString *o, const struct sink_path *p) {
    if (p->is_rect)
        g_string_append(o, " shape=rect");
    else
        g_string_append_printf(o, " shape=path segments=%d", p->segments);
    key_num(o, "x", p->x0);
    key_num(o, "y", p->y0);
    key_num(o, "w", p->x1 - p->x0);
    key_num(o, "h", p->y1 - p->y0);
}

static void trace_begin(struct sumi_sink *s, double w, double h) {
    GString *o = sink_out(s);
    g_string_append(o, "trace version=1");
    key_num(o, "width", w);
    key_num(o, "height", h);
    g_string_append(o, "\npage 1");
    key_num(o, "width", w);
    key_num(o, "height", h);
    g_string_append_c(o, '\n');
}

static void trace_page(struct sumi_sink *s, int n, double w, double h) {
    GString *o = sink_out(s);
    g_string_append_printf(o, "page %d", n);
    key_num(o, "width", w);
    key_num(o, "height", h);
    g_string_append_c(o, '\n');
}

static void trace_fill(struct sumi_sink *s, const struct sink_path *p,
                       const struct sink_paint *paint, int clip) {
    (void)clip;
    GString *o = sink_out(s);
    g_string_append(o, "fill");
    shape(o, p);
    g_string_append(o, " paint=");
    paint_value(o, paint);
    if (p->rule == CAIRO_FILL_RULE_EVEN_ODD)
        g_string_append(o, " rule=evenodd");
    g_string_append_c(o, '\n');
}

static void trace_stroke(struct sumi_sink *s, const struct sink_path *p,
                         const struct sink_paint *paint, const struct sink_stroke *st, int clip) {
    static const char *const caps[] = {"butt", "round", "square"};
    static const char *const joins[] = {"miter", "round", "bevel"};
    (void)clip;
    GString *o = sink_out(s);
    g_string_append(o, "stroke");
    shape(o, p);
    g_string_append(o, " paint=");
    paint_value(o, paint);
    key_num(o, "width", st->width);
    if (st->ndashes > 0) {
        g_string_append(o, " dash=");
        for (int i = 0; i < st->ndashes; i++) {
            if (i > 0)
                g_string_append_c(o, ',');
            num(o, st->dashes[i]);
        }
        if (st->dash_offset != 0)
            key_num(o, "dash_offset", st->dash_offset);
    }
    if (st->cap != CAIRO_LINE_CAP_BUTT)
        g_string_append_printf(o, " cap=%s", caps[st->cap]);
    if (st->join != CAIRO_LINE_JOIN_MITER)
        g_string_append_printf(o, " join=%s", joins[st->join]);
    g_string_append_c(o, '\n');
}

static void trace_paint(struct sumi_sink *s, const struct sink_paint *paint, int clip) {
    (void)clip;
    GString *o = sink_out(s);
    g_string_append(o, "paint paint=");
    paint_value(o, paint);
    g_string_append_c(o, '\n');
}

static void trace_clip(struct sumi_sink *s, const struct sink_path *p, int id, int parent) {
    (void)id, (void)parent;
    GString *o = sink_out(s);
    g_string_append(o, "clip");
    shape(o, p);
    if (p->rule == CAIRO_FILL_RULE_EVEN_ODD)
        g_string_append(o, " rule=evenodd");
    g_string_append_c(o, '\n');
}

static void trace_unclip(struct sumi_sink *s, int clip) {
    (void)clip;
    g_string_append(sink_out(s), "unclip\n");
}

/* The direction of the baseline on the page, in degrees clockwise. */
static double angle_of(const cairo_matrix_t *m) {
    double angle = atan2(m->yx, m->xx) * 180 / G_PI;
    if (fabs(angle) < 0.005 || fabs(angle - 180) < 0.005 || fabs(angle + 180) < 0.005)
        angle = fabs(angle) < 0.005 ? 0 : 180; /* -0, -180: one spelling each */
    return angle;
}

static void trace_block(struct sumi_sink *s, const char *text, size_t length, int lines, double w,
                        double h, const cairo_matrix_t *to_page) {
    GString *o = sink_out(s);
    double x = 0, y = 0;
    cairo_matrix_transform_point(to_page, &x, &y);
    double scale = sqrt(fabs(to_page->xx * to_page->yy - to_page->xy * to_page->yx));
    g_string_append(o, "block ");
    quoted(o, text, length);
    key_num(o, "x", x);
    key_num(o, "y", y);
    key_num(o, "w", w * scale);
    key_num(o, "h", h * scale);
    g_string_append_printf(o, " lines=%d", lines);
    key_num(o, "angle", angle_of(to_page));
    g_string_append_c(o, '\n');
}

static void trace_text(struct sumi_sink *s, const struct sink_run *r, int clip) {
    (void)clip;
    GString *o = sink_out(s);
    double x = r->x, y = r->y;
    cairo_matrix_transform_point(&r->to_page, &x, &y);
    double angle = angle_of(&r->to_page);
    g_string_append(o, "text ");
    quoted(o, r->text, r->length);
    key_num(o, "x", x);
    key_num(o, "y", y);
    key_num(o, "w", r->width * r->scale);
    key_num(o, "h", r->height * r->scale);
    key_num(o, "ascent", r->ascent * r->scale);
    g_string_append(o, " font=");
    quoted(o, r->family, strlen(r->family));
    key_num(o, "size", r->size * r->scale);
    g_string_append_printf(o, " weight=%d", r->weight);
    if (r->italic)
        g_string_append(o, " style=italic");
    g_string_append(o, " color=");
    paint_value(o, &r->paint);
    key_num(o, "angle", angle);
    if (r->rotation != 0)
        g_string_append(o, " upright=true"); /* glyphs turned against the line */
    g_string_append_c(o, '\n');
}

static void trace_image(struct sumi_sink *s, const struct sink_image *img, int clip) {
    (void)clip;
    GString *o = sink_out(s);
    g_string_append(o, "image");
    key_num(o, "x", img->x0);
    key_num(o, "y", img->y0);
    key_num(o, "w", img->x1 - img->x0);
    key_num(o, "h", img->y1 - img->y0);
    g_string_append_printf(o, " pixels=%dx%d\n", img->width, img->height);
}

static void trace_end(struct sumi_sink *s) { (void)s; }

/* link x= y= w= h= uri="..." | dest="..."; destination "NAME" x= y=;
 * outline "TITLE" id=N parent=P dest="..." */
static void trace_nav(struct sumi_sink *s, const struct sumi_sink_nav *nav) {
    GString *o = sink_out(s);
    g_string_append(o, nav->verb);
    if (nav->label != NULL) {
        g_string_append_c(o, ' ');
        quoted(o, nav->label, strlen(nav->label));
    }
    if (nav->id >= 0) {
        g_string_append_printf(o, " id=%d parent=%d", nav->id, nav->parent);
    }
    if (nav->has_box) {
        key_num(o, "x", nav->x);
        key_num(o, "y", nav->y);
        if (nav->label == NULL) {
            key_num(o, "w", nav->w);
            key_num(o, "h", nav->h);
        }
    }
    if (nav->key != NULL) {
        g_string_append_printf(o, " %s=", nav->key);
        quoted(o, nav->target, strlen(nav->target));
    }
    g_string_append_c(o, '\n');
}

const struct sink_writer sink_trace_writer = {
    trace_begin,  trace_page,  trace_fill, trace_stroke, trace_paint, trace_clip,
    trace_unclip, trace_block, trace_text, trace_image,  trace_end,   trace_nav,
};
