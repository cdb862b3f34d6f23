/* The SVG writer of the drawing sink (sink.h): SVG 1.1 whose text stays
 * <text>, so a search in the file finds every label. Paths are in page
 * coordinates; text is placed by its run's matrix with one x per character,
 * so the layout is Pango's and not the viewer's. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sink_internal.h"

/* 3 decimals: a thousandth of a point is far below a device pixel. */
#define SVG_DECIMALS 3

static void num(GString *o, double v) { sink_number(o, v, SVG_DECIMALS); }

/* A character XML 1.0 allows (§2.2, production [2] Char). */
static int is_xml_char(gunichar ch) {
    return ch == 0x9 || ch == 0xA || ch == 0xD || (ch >= 0x20 && ch <= 0xD7FF) ||
           (ch >= 0xE000 && ch <= 0xFFFD) || (ch >= 0x10000 && ch <= 0x10FFFF);
}

/* XML character data and attribute values (XML 1.0 §2.4): the five
 * delimiters escaped; what is not an XML character (C0 controls but tab and
 * newline, U+FFFE, U+FFFF) is dropped. s is valid UTF-8 (text.c checks). */
static void escape(GString *o, const char *s, size_t n) {
    for (const char *p = s; p < s + n; p = g_utf8_next_char(p)) {
        switch (*p) {
        case '&':
            g_string_append(o, "&amp;");
            break;
        case '<':
            g_string_append(o, "&lt;");
            break;
        case '>':
            g_string_append(o, "&gt;");
            break;
        case '"':
            g_string_append(o, "&quot;");
            break;
        case '\'':
            g_string_append(o, "&apos;");
            break;
        default:
            if (is_xml_char(g_utf8_get_char(p)))
                g_string_append_len(o, p, g_utf8_next_char(p) - p);
        }
    }
}

static void color(GString *o, double r, double g, double b) {
    g_string_append_printf(o, "#%02x%02x%02x", (int)lround(r * 255), (int)lround(g * 255),
                           (int)lround(b * 255));
}

static void matrix(GString *o, const cairo_matrix_t *m) {
    g_string_append(o, "matrix(");
    double v[6] = {m->xx, m->yx, m->xy, m->yy, m->x0, m->y0};
    for (int i = 0; i < 6; i++) {
        if (i > 0)
            g_string_append_c(o, ' ');
        sink_number(o, v[i], 6);
    }
    g_string_append_c(o, ')');
}

static void path_data(GString *o, const cairo_path_t *path) {
    static const char cmds[] = {'M', 'L', 'C', 'Z'};
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
        const cairo_path_data_t *d = &path->data[i];
        if (i > 0)
            g_string_append_c(o, ' ');
        g_string_append_c(o, cmds[d->header.type]);
        for (int k = 1; k < d->header.length; k++) {
            g_string_append_c(o, ' ');
            num(o, d[k].point.x);
            g_string_append_c(o, ' ');
            num(o, d[k].point.y);
        }
    }
}

/* Writes a gradient definition; element_to_page maps the user space of the
 * element that uses it to the page. Returns its id. */
static int gradient(struct sumi_sink *s, const struct sink_paint *p,
                    const cairo_matrix_t *element_to_page) {
    GString *o = sink_out(s);
    int id = sink_new_id(s);
    cairo_matrix_t inv = *element_to_page, m;
    if (cairo_matrix_invert(&inv) != CAIRO_STATUS_SUCCESS)
        cairo_matrix_init_identity(&inv);
    cairo_matrix_multiply(&m, &p->to_page, &inv); /* gradient -> page -> element */
    if (p->kind == SINK_LINEAR) {
        double x0, y0, x1, y1;
        cairo_pattern_get_linear_points(p->pattern, &x0, &y0, &x1, &y1);
        g_string_append_printf(
            o, "<linearGradient id=\"g%d\" gradientUnits=\"userSpaceOnUse\" x1=\"", id);
        num(o, x0);
        g_string_append(o, "\" y1=\"");
        num(o, y0);
        g_string_append(o, "\" x2=\"");
        num(o, x1);
        g_string_append(o, "\" y2=\"");
        num(o, y1);
    } else {
        double x0, y0, r0, x1, y1, r1;
        cairo_pattern_get_radial_circles(p->pattern, &x0, &y0, &r0, &x1, &y1, &r1);
        g_string_append_printf(
            o, "<radialGradient id=\"g%d\" gradientUnits=\"userSpaceOnUse\" cx=\"", id);
        num(o, x1);
        g_string_append(o, "\" cy=\"");
        num(o, y1);
        g_string_append(o, "\" r=\"");
        num(o, r1);
        g_string_append(o, "\" fx=\"");
        num(o, x0);
        g_string_append(o, "\" fy=\"");
        num(o, y0);
    }
    g_string_append(o, "\" gradientTransform=\"");
    matrix(o, &m);
    g_string_append(o, "\">");
    int n = 0;
    cairo_pattern_get_color_stop_count(p->pattern, &n);
    for (int i = 0; i < n; i++) {
        double off, r, g, b, a;
        cairo_pattern_get_color_stop_rgba(p->pattern, i, &off, &r, &g, &b, &a);
        g_string_append(o, "<stop offset=\"");
        num(o, off);
        g_string_append(o, "\" stop-color=\"");
        color(o, r, g, b);
        g_string_append(o, "\" stop-opacity=\"");
        num(o, a);
        g_string_append(o, "\"/>");
    }
    g_string_append(o, p->kind == SINK_LINEAR ? "</linearGradient>\n" : "</radialGradient>\n");
    return id;
}

/* Writes the gradient a paint needs (before the element that uses it) and
 * returns its id, or -1 for a solid colour. */
static int paint_def(struct sumi_sink *s, const struct sink_paint *p,
                     const cairo_matrix_t *element_to_page) {
    if (p->kind == SINK_SOLID)
        return -1;
    return gradient(s, p, element_to_page);
}

/* ` fill="..." fill-opacity="..."` (or stroke). */
static void paint_attr(GString *o, const char *what, const struct sink_paint *p, int gradient_id) {
    g_string_append_printf(o, " %s=\"", what);
    if (gradient_id >= 0) {
        g_string_append_printf(o, "url(#g%d)\"", gradient_id);
        return;
    }
    color(o, p->r, p->g, p->b);
    g_string_append_c(o, '"');
    if (p->a < 1) {
        g_string_append_printf(o, " %s-opacity=\"", what);
        num(o, p->a);
        g_string_append_c(o, '"');
    }
}

/* Each drawing element sits inside one <g> per clip of its chain. */
static int open_clips(struct sumi_sink *s, int clip) {
    int n = 0;
    for (int c = clip; c >= 0; c = sink_clip_parent(s, c)) {
        g_string_append_printf(sink_out(s), "<g clip-path=\"url(#c%d)\">", c);
        n++;
    }
    return n;
}

static void close_clips(struct sumi_sink *s, int n) {
    for (int i = 0; i < n; i++)
        g_string_append(sink_out(s), "</g>");
    g_string_append_c(sink_out(s), '\n');
}

static const cairo_matrix_t identity = {1, 0, 0, 1, 0, 0};

static void svg_begin(struct sumi_sink *s, double w, double h) {
    GString *o = sink_out(s);
    g_string_append(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                       "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"");
    num(o, w);
    g_string_append(o, "pt\" height=\"");
    num(o, h);
    g_string_append(o, "pt\" viewBox=\"0 0 ");
    num(o, w);
    g_string_append_c(o, ' ');
    num(o, h);
    g_string_append(o, "\">\n");
}

static void svg_page(struct sumi_sink *s, int n, double w, double h) {
    (void)s, (void)n, (void)w, (void)h; /* canvas.c gives SVG canvases one page */
}

static void svg_fill(struct sumi_sink *s, const struct sink_path *p, const struct sink_paint *paint,
                     int clip) {
    GString *o = sink_out(s);
    int g = paint_def(s, paint, &identity);
    int n = open_clips(s, clip);
    g_string_append(o, "<path d=\"");
    path_data(o, p->path);
    g_string_append_c(o, '"');
    paint_attr(o, "fill", paint, g);
    if (p->rule == CAIRO_FILL_RULE_EVEN_ODD)
        g_string_append(o, " fill-rule=\"evenodd\"");
    g_string_append(o, "/>");
    close_clips(s, n);
}

static void svg_stroke(struct sumi_sink *s, const struct sink_path *p,
                       const struct sink_paint *paint, const struct sink_stroke *st, int clip) {
    static const char *const caps[] = {"butt", "round", "square"};
    static const char *const joins[] = {"miter", "round", "bevel"};
    GString *o = sink_out(s);
    int g = paint_def(s, paint, &identity);
    int n = open_clips(s, clip);
    g_string_append(o, "<path d=\"");
    path_data(o, p->path);
    g_string_append(o, "\" fill=\"none\"");
    paint_attr(o, "stroke", paint, g);
    g_string_append(o, " stroke-width=\"");
    num(o, st->width);
    g_string_append_printf(o, "\" stroke-linecap=\"%s\" stroke-linejoin=\"%s\"", caps[st->cap],
                           joins[st->join]);
    if (st->join == CAIRO_LINE_JOIN_MITER) {
        g_string_append(o, " stroke-miterlimit=\"");
        num(o, st->miter_limit);
        g_string_append_c(o, '"');
    }
    if (st->ndashes > 0) {
        g_string_append(o, " stroke-dasharray=\"");
        for (int i = 0; i < st->ndashes; i++) {
            if (i > 0)
                g_string_append_c(o, ' ');
            num(o, st->dashes[i]);
        }
        g_string_append(o, "\" stroke-dashoffset=\"");
        num(o, st->dash_offset);
        g_string_append_c(o, '"');
    }
    g_string_append(o, "/>");
    close_clips(s, n);
}

static void svg_paint(struct sumi_sink *s, const struct sink_paint *paint, int clip) {
    GString *o = sink_out(s);
    int g = paint_def(s, paint, &identity);
    int n = open_clips(s, clip);
    g_string_append(o, "<rect x=\"0\" y=\"0\" width=\"");
    num(o, sink_width(s));
    g_string_append(o, "\" height=\"");
    num(o, sink_height(s));
    g_string_append_c(o, '"');
    paint_attr(o, "fill", paint, g);
    g_string_append(o, "/>");
    close_clips(s, n);
}

/* A clip intersecting another is drawn inside its parent's <g>, so only the
 * chain of ids needs writing (see open_clips). */
static void svg_clip(struct sumi_sink *s, const struct sink_path *p, int id, int parent) {
    (void)parent;
    GString *o = sink_out(s);
    g_string_append_printf(o, "<clipPath id=\"c%d\" clipPathUnits=\"userSpaceOnUse\"><path d=\"",
                           id);
    path_data(o, p->path);
    g_string_append_c(o, '"');
    if (p->rule == CAIRO_FILL_RULE_EVEN_ODD)
        g_string_append(o, " clip-rule=\"evenodd\"");
    g_string_append(o, "/></clipPath>\n");
}

static void svg_unclip(struct sumi_sink *s, int clip) { (void)s, (void)clip; }

/* The runs carry everything SVG needs. */
static void svg_block(struct sumi_sink *s, const char *text, size_t length, int lines, double w,
                      double h, const cairo_matrix_t *to_page) {
    (void)s, (void)text, (void)length, (void)lines, (void)w, (void)h, (void)to_page;
}

static void font_attrs(GString *o, const struct sink_run *r) {
    g_string_append(o, " font-family=\"");
    escape(o, r->family, strlen(r->family));
    g_string_append(o, "\" font-size=\"");
    num(o, r->size);
    g_string_append_printf(o, "\" font-weight=\"%d\"", r->weight);
    if (r->lang[0] != '\0') {
        g_string_append(o, " xml:lang=\"");
        escape(o, r->lang, strlen(r->lang));
        g_string_append_c(o, '"');
    }
    if (r->italic)
        g_string_append(o, " font-style=\"italic\"");
}

/* One <text> per run: the run's matrix as transform, one x per character.
 * A run whose glyphs are turned (upright CJK in vertical text) has one
 * <text> per character, each turned about its own origin, as cairo turns
 * the font. */
static void svg_text(struct sumi_sink *s, const struct sink_run *r, int clip) {
    GString *o = sink_out(s);
    int g = paint_def(s, &r->paint, &r->to_page);
    int n = open_clips(s, clip);
    if (r->rotation == 0) {
        g_string_append(o, "<text xml:space=\"preserve\" transform=\"");
        matrix(o, &r->to_page);
        g_string_append(o, "\" x=\"");
        /* One x per character written: a character XML cannot hold is
         * dropped together with its position. */
        const char *p = r->text;
        for (int i = 0, written = 0; i < r->nchars; i++, p = g_utf8_next_char(p)) {
            if (!is_xml_char(g_utf8_get_char(p)))
                continue;
            if (written++ > 0)
                g_string_append_c(o, ' ');
            num(o, r->char_x[i]);
        }
        g_string_append(o, "\" y=\"");
        num(o, r->y);
        g_string_append_c(o, '"');
        font_attrs(o, r);
        paint_attr(o, "fill", &r->paint, g);
        g_string_append_c(o, '>');
        escape(o, r->text, r->length);
        g_string_append(o, "</text>");
    } else {
        g_string_append(o, "<g transform=\"");
        matrix(o, &r->to_page);
        g_string_append_c(o, '"');
        font_attrs(o, r);
        paint_attr(o, "fill", &r->paint, g);
        g_string_append(o, ">");
        const char *p = r->text;
        for (int i = 0; i < r->nchars; i++) {
            const char *next = g_utf8_next_char(p);
            g_string_append(o, "<text xml:space=\"preserve\" transform=\"translate(");
            num(o, r->char_x[i]);
            g_string_append_c(o, ' ');
            num(o, r->char_y[i]);
            g_string_append(o, ") rotate(");
            num(o, r->rotation * 180 / G_PI);
            g_string_append(o, ")\">");
            escape(o, p, (size_t)(next - p));
            g_string_append(o, "</text>");
            p = next;
        }
        g_string_append(o, "</g>");
    }
    close_clips(s, n);
}

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int length) {
    g_string_append_len(closure, (const char *)data, (gssize)length);
    return CAIRO_STATUS_SUCCESS;
}

static void svg_image(struct sumi_sink *s, const struct sink_image *img, int clip) {
    GString *png = g_string_new(NULL);
    cairo_status_t st = cairo_surface_write_to_png_stream(img->surface, append_bytes, png);
    if (st != CAIRO_STATUS_SUCCESS) {
        char msg[128];
        snprintf(msg, sizeof msg, "cannot encode image: %s", cairo_status_to_string(st));
        sink_fail(s, msg);
        g_string_free(png, TRUE);
        return;
    }
    gchar *b64 = g_base64_encode((const guchar *)png->str, png->len);
    g_string_free(png, TRUE);
    GString *o = sink_out(s);
    int n = open_clips(s, clip);
    g_string_append_printf(o,
                           "<image width=\"%d\" height=\"%d\" preserveAspectRatio=\"none\" "
                           "transform=\"",
                           img->width, img->height);
    matrix(o, &img->to_page);
    g_string_append(o, "\" xlink:href=\"data:image/png;base64,");
    g_string_append(o, b64);
    g_string_append(o, "\"/>");
    close_clips(s, n);
    g_free(b64);
}

static void svg_end(struct sumi_sink *s) { g_string_append(sink_out(s), "</svg>\n"); }

const struct sink_writer sink_svg_writer = {
    svg_begin,  svg_page,  svg_fill, svg_stroke, svg_paint, svg_clip,
    svg_unclip, svg_block, svg_text, svg_image,  svg_end,   NULL,
};
