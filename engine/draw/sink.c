/* The drawing sink (sink.h): reads cairo's and Pango's state into records in
 * page coordinates and hands them to the SVG or trace writer, so both
 * writers see exactly the same operations. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "numtext.h"
#include "sink_internal.h"

/* Owned by the canvas (sumi_sink_new / sumi_sink_free). */
struct sumi_sink {
    const struct sink_writer *w;
    GString *out;
    double width, height;
    int page;
    char *error;  /* first failure, or NULL */
    int *parents; /* parents[id]: the clip that clip id intersects, or -1 */
    int nclips, clip_capacity;
    int *stack; /* the clip in effect at each open save */
    int depth, stack_capacity;
    int clip; /* the clip in effect, or -1 */
    int finished;
    int ids; /* gradient ids handed out */
};

struct sumi_sink *sumi_sink_new(enum sumi_sink_format format, double width, double height) {
    struct sumi_sink *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->w = format == SUMI_SINK_SVG ? &sink_svg_writer : &sink_trace_writer;
    s->out = g_string_sized_new(4096);
    s->width = width;
    s->height = height;
    s->page = 1;
    s->clip = -1;
    s->w->begin(s, width, height);
    return s;
}

void sumi_sink_free(struct sumi_sink *s) {
    if (s == NULL)
        return;
    g_string_free(s->out, TRUE);
    free(s->error);
    free(s->parents);
    free(s->stack);
    free(s);
}

GString *sink_out(struct sumi_sink *s) { return s->out; }
double sink_width(const struct sumi_sink *s) { return s->width; }
double sink_height(const struct sumi_sink *s) { return s->height; }

int sink_clip_parent(const struct sumi_sink *s, int id) {
    return id >= 0 && id < s->nclips ? s->parents[id] : -1;
}

int sink_new_id(struct sumi_sink *s) { return s->ids++; }

void sink_fail(struct sumi_sink *s, const char *message) {
    if (s->error == NULL)
        s->error = strdup(message);
}

const char *sumi_sink_error(const struct sumi_sink *s) { return s->error; }

void sink_number(GString *out, double v, int decimals) {
    char buf[64];
    numtext_format(buf, sizeof buf, v, decimals);
    g_string_append(out, buf);
}

/* ---- reading cairo's state ---- */

/* The current path in page coordinates (device space: sink canvases have a
 * device scale of 1), with its bounding box and shape. */
static void read_path(cairo_t *cr, struct sink_path *p) {
    cairo_save(cr);
    cairo_identity_matrix(cr);
    p->path = cairo_copy_path(cr);
    cairo_path_extents(cr, &p->x0, &p->y0, &p->x1, &p->y1);
    cairo_restore(cr);
    p->rule = cairo_get_fill_rule(cr);
    p->segments = 0;
    p->is_rect = 0;
    if (p->path->status != CAIRO_STATUS_SUCCESS)
        return;
    int types[8], ntypes = 0;
    double xs[8], ys[8];
    int prev = -1;
    for (int i = 0; i < p->path->num_data; i += p->path->data[i].header.length) {
        cairo_path_data_t *d = &p->path->data[i];
        int t = d->header.type;
        /* cairo adds a move_to after each close_path: not the caller's. */
        if (!(t == CAIRO_PATH_MOVE_TO && prev == CAIRO_PATH_CLOSE_PATH)) {
            if (ntypes < 8) {
                types[ntypes] = t;
                xs[ntypes] = t == CAIRO_PATH_CLOSE_PATH ? 0 : d[d->header.length - 1].point.x;
                ys[ntypes] = t == CAIRO_PATH_CLOSE_PATH ? 0 : d[d->header.length - 1].point.y;
            }
            ntypes++;
            p->segments++;
        }
        prev = t;
    }
    /* cairo_rectangle: move, three lines, close; axis-aligned sides. */
    if (ntypes == 5 && types[0] == CAIRO_PATH_MOVE_TO && types[1] == CAIRO_PATH_LINE_TO &&
        types[2] == CAIRO_PATH_LINE_TO && types[3] == CAIRO_PATH_LINE_TO &&
        types[4] == CAIRO_PATH_CLOSE_PATH) {
        int ok = 1;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            int same_x = fabs(xs[i] - xs[j]) < 1e-9, same_y = fabs(ys[i] - ys[j]) < 1e-9;
            if (same_x == same_y)
                ok = 0;
        }
        p->is_rect = ok;
    }
}

/* The source of cr as a paint; ctm is the CTM in effect when it was set. */
static void read_paint(cairo_t *cr, const cairo_matrix_t *ctm, struct sink_paint *paint) {
    cairo_pattern_t *pat = cairo_get_source(cr);
    paint->pattern = pat;
    paint->kind = SINK_SOLID;
    paint->r = paint->g = paint->b = 0;
    paint->a = 1;
    cairo_matrix_init_identity(&paint->to_page);
    switch (cairo_pattern_get_type(pat)) {
    case CAIRO_PATTERN_TYPE_SOLID:
        cairo_pattern_get_rgba(pat, &paint->r, &paint->g, &paint->b, &paint->a);
        return;
    case CAIRO_PATTERN_TYPE_LINEAR:
        paint->kind = SINK_LINEAR;
        break;
    case CAIRO_PATTERN_TYPE_RADIAL:
        paint->kind = SINK_RADIAL;
        break;
    default: /* surface patterns come only through sumi_sink_image */
        return;
    }
    /* The pattern matrix maps user space to pattern space: invert it, then
     * go on to the page through the CTM the source was set under. */
    cairo_matrix_t m;
    cairo_pattern_get_matrix(pat, &m);
    if (cairo_matrix_invert(&m) != CAIRO_STATUS_SUCCESS)
        cairo_matrix_init_identity(&m);
    cairo_matrix_multiply(&paint->to_page, &m, ctm);
}

static void read_stroke(cairo_t *cr, struct sink_stroke *st) {
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    /* A stroke drawn under a uniform scale grows with it; under a
     * non-uniform one this is its mean, the one approximation here. */
    double scale = sqrt(fabs(m.xx * m.yy - m.xy * m.yx));
    st->width = cairo_get_line_width(cr) * scale;
    st->cap = cairo_get_line_cap(cr);
    st->join = cairo_get_line_join(cr);
    st->miter_limit = cairo_get_miter_limit(cr);
    st->ndashes = cairo_get_dash_count(cr);
    st->dashes = NULL;
    st->dash_offset = 0;
    if (st->ndashes > 0) {
        st->dashes = malloc(sizeof *st->dashes * (size_t)st->ndashes);
        if (st->dashes == NULL) {
            st->ndashes = 0;
            return;
        }
        cairo_get_dash(cr, st->dashes, &st->dash_offset);
        for (int i = 0; i < st->ndashes; i++)
            st->dashes[i] *= scale;
        st->dash_offset *= scale;
    }
}

/* ---- operations ---- */

/* Fills (stroke 0) or strokes the current path with the current source. */
static void draw_path(struct sumi_sink *s, cairo_t *cr, int stroke) {
    struct sink_path p;
    struct sink_paint paint;
    struct sink_stroke st = {0};
    cairo_matrix_t ctm;
    cairo_get_matrix(cr, &ctm);
    read_path(cr, &p);
    read_paint(cr, &ctm, &paint);
    if (stroke)
        read_stroke(cr, &st);
    if (p.path->status != CAIRO_STATUS_SUCCESS)
        sink_fail(s, cairo_status_to_string(p.path->status));
    else if (p.segments > 0 && stroke)
        s->w->stroke(s, &p, &paint, &st, s->clip);
    else if (p.segments > 0)
        s->w->fill(s, &p, &paint, s->clip);
    cairo_path_destroy(p.path);
    free(st.dashes);
}

void sumi_sink_fill(struct sumi_sink *s, cairo_t *cr) { draw_path(s, cr, 0); }

void sumi_sink_stroke(struct sumi_sink *s, cairo_t *cr) { draw_path(s, cr, 1); }

void sumi_sink_paint(struct sumi_sink *s, cairo_t *cr) {
    struct sink_paint paint;
    cairo_matrix_t ctm;
    cairo_get_matrix(cr, &ctm);
    read_paint(cr, &ctm, &paint);
    s->w->paint(s, &paint, s->clip);
}

/* Clip ids only grow: an SVG <clipPath> once written stays referable. */
void sumi_sink_clip(struct sumi_sink *s, cairo_t *cr) {
    if (s->nclips == s->clip_capacity) {
        int cap = s->clip_capacity ? s->clip_capacity * 2 : 16;
        int *p = realloc(s->parents, sizeof *p * (size_t)cap);
        if (p == NULL) {
            sink_fail(s, "out of memory");
            return;
        }
        s->parents = p;
        s->clip_capacity = cap;
    }
    struct sink_path p;
    read_path(cr, &p);
    if (p.path->status != CAIRO_STATUS_SUCCESS) {
        sink_fail(s, cairo_status_to_string(p.path->status));
        cairo_path_destroy(p.path);
        return;
    }
    int id = s->nclips++;
    s->parents[id] = s->clip;
    s->w->clip(s, &p, id, s->clip);
    s->clip = id;
    cairo_path_destroy(p.path);
}

void sumi_sink_reset_clip(struct sumi_sink *s) {
    if (s->clip >= 0)
        s->w->unclip(s, s->clip);
    s->clip = -1;
}

int sumi_sink_save(struct sumi_sink *s) {
    if (s->depth == s->stack_capacity) {
        int cap = s->stack_capacity ? s->stack_capacity * 2 : 16;
        int *p = realloc(s->stack, sizeof *p * (size_t)cap);
        if (p == NULL)
            return 0;
        s->stack = p;
        s->stack_capacity = cap;
    }
    s->stack[s->depth++] = s->clip;
    return 1;
}

void sumi_sink_restore(struct sumi_sink *s) {
    if (s->depth == 0)
        return;
    int clip = s->stack[--s->depth];
    /* Lifting clips one by one: the trace shows each as it ends. */
    while (s->clip != clip && s->clip >= 0) {
        s->w->unclip(s, s->clip);
        s->clip = s->parents[s->clip];
    }
    s->clip = clip;
}

static void box_of(const cairo_matrix_t *m, double w, double h, double *x0, double *y0, double *x1,
                   double *y1) {
    double xs[4] = {0, w, 0, w}, ys[4] = {0, 0, h, h};
    *x0 = *y0 = INFINITY;
    *x1 = *y1 = -INFINITY;
    for (int i = 0; i < 4; i++) {
        double x = xs[i], y = ys[i];
        cairo_matrix_transform_point(m, &x, &y);
        *x0 = fmin(*x0, x);
        *y0 = fmin(*y0, y);
        *x1 = fmax(*x1, x);
        *y1 = fmax(*y1, y);
    }
}

void sumi_sink_image(struct sumi_sink *s, cairo_t *cr, cairo_surface_t *image) {
    struct sink_image img;
    img.surface = image;
    img.width = cairo_image_surface_get_width(image);
    img.height = cairo_image_surface_get_height(image);
    cairo_get_matrix(cr, &img.to_page);
    box_of(&img.to_page, img.width, img.height, &img.x0, &img.y0, &img.x1, &img.y1);
    s->w->image(s, &img, s->clip);
}

void sumi_sink_page(struct sumi_sink *s, double width, double height) {
    sumi_sink_reset_clip(s);
    s->depth = 0;
    s->width = width;
    s->height = height;
    s->w->page(s, ++s->page, width, height);
}

void sumi_sink_nav(struct sumi_sink *s, const struct sumi_sink_nav *nav) {
    if (s->w->nav != NULL)
        s->w->nav(s, nav);
}

const char *sumi_sink_finish(struct sumi_sink *s, size_t *length) {
    if (!s->finished) {
        sumi_sink_reset_clip(s);
        s->w->end(s);
        s->finished = 1;
    }
    if (s->error != NULL)
        return NULL;
    *length = s->out->len;
    return s->out->str;
}

/* ---- text ---- */

/* The colour a run's markup gives it (<span foreground=...>), if any. */
static int run_foreground(PangoLayoutRun *run, struct sink_paint *paint) {
    for (GSList *l = run->item->analysis.extra_attrs; l != NULL; l = l->next) {
        PangoAttribute *a = l->data;
        if (a->klass->type == PANGO_ATTR_FOREGROUND) {
            PangoColor *c = &((PangoAttrColor *)a)->color;
            paint->kind = SINK_SOLID;
            paint->r = c->red / 65535.0;
            paint->g = c->green / 65535.0;
            paint->b = c->blue / 65535.0;
            return 1;
        }
    }
    return 0;
}

/* Appends run's characters to r->char_x/char_y (capacity *cap): each at
 * the origin of the first glyph of its cluster; the later characters of a
 * many-character cluster (a ligature) share the cluster's advance evenly. */
static int place_characters(PangoLayoutRun *run, const char *text, size_t length,
                            struct sink_run *r, int *cap, double x, double baseline) {
    int first = r->nchars, n = (int)g_utf8_strlen(text, (gssize)length);
    if (first + n > *cap) {
        int want = (first + n) * 2;
        double *xs = realloc(r->char_x, sizeof *xs * (size_t)want);
        if (xs == NULL)
            return 0;
        r->char_x = xs;
        double *ys = realloc(r->char_y, sizeof *ys * (size_t)want);
        if (ys == NULL)
            return 0;
        r->char_y = ys;
        *cap = want;
    }
    char *placed = calloc((size_t)n + 1, 1);
    if (placed == NULL)
        return 0;
    double *cx = r->char_x + first, *cy = r->char_y + first;
    PangoGlyphString *gs = run->glyphs;
    double pos = x;
    for (int i = 0; i < gs->num_glyphs; i++) {
        PangoGlyphGeometry *g = &gs->glyphs[i].geometry;
        int ci = (int)g_utf8_pointer_to_offset(text, text + gs->log_clusters[i]);
        if (ci >= 0 && ci < n && !placed[ci]) {
            placed[ci] = 1;
            cx[ci] = pos + (double)g->x_offset / PANGO_SCALE;
            cy[ci] = baseline + (double)g->y_offset / PANGO_SCALE;
        }
        pos += (double)g->width / PANGO_SCALE;
    }
    for (int i = 0; i < n; i++) {
        if (placed[i])
            continue;
        int j = i;
        while (j < n && !placed[j])
            j++;
        double start = i > 0 ? cx[i - 1] : x, end = j < n ? cx[j] : pos;
        for (int k = i; k < j; k++) {
            cx[k] = start + (end - start) * (k - i + 1) / (j - i + 1);
            cy[k] = i > 0 ? cy[i - 1] : baseline;
            placed[k] = 1;
        }
    }
    free(placed);
    r->nchars += n;
    return 1;
}

static int same_paint(const struct sink_paint *a, const struct sink_paint *b) {
    if (a->kind != b->kind)
        return 0;
    if (a->kind != SINK_SOLID)
        return a->pattern == b->pattern;
    return a->r == b->r && a->g == b->g && a->b == b->b && a->a == b->a;
}

/* Pango splits a line into runs wherever the script changes (kanji, kana,
 * Latin), which says nothing about the drawing: neighbouring runs that look
 * the same are written as one. */
static int continues(const struct sink_run *r, const struct sink_run *next) {
    return r->text + r->length == next->text && fabs(r->x + r->width - next->x) < 1e-6 &&
           r->y == next->y && r->height == next->height && r->rotation == next->rotation &&
           r->size == next->size && r->weight == next->weight && r->italic == next->italic &&
           strcmp(r->family, next->family) == 0 && same_paint(&r->paint, &next->paint) &&
           strcmp(r->lang, next->lang) == 0;
}

static void flush_run(struct sumi_sink *s, struct sink_run *r, PangoFontDescription **desc) {
    if (r->length > 0)
        s->w->text(s, r, s->clip);
    r->length = 0;
    r->nchars = 0;
    if (*desc != NULL)
        pango_font_description_free(*desc);
    *desc = NULL;
}

/* The text's box: as text.c measures it (with a set width, the lines sit in
 * [0, width]), so a trace agrees with c:measure_text and chart:layout. */
static void write_block(struct sumi_sink *s, PangoLayout *layout, const cairo_matrix_t *to_page) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    double w = (double)logical.width / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
    int set_width = pango_layout_get_width(layout);
    if (set_width > 0)
        w = fmax((double)set_width, (double)(logical.x + logical.width)) / PANGO_SCALE;
    const char *text = pango_layout_get_text(layout);
    s->w->block(s, text, strlen(text), pango_layout_get_line_count(layout), w, h, to_page);
}

/* The language text at byte offset is tagged with: a span's lang in markup,
 * else the layout's. Not Pango's per-item language, which names Latin text
 * in a Japanese label "en" and would split one label into several texts. */
static const char *tagged_language(PangoLayout *layout, int offset) {
    PangoLanguage *lang = pango_context_get_language(pango_layout_get_context(layout));
    PangoAttrList *attrs = pango_layout_get_attributes(layout);
    if (attrs != NULL) {
        PangoAttrIterator *it = pango_attr_list_get_iterator(attrs);
        do {
            int start, end;
            pango_attr_iterator_range(it, &start, &end);
            if (offset >= start && offset < end) {
                PangoAttribute *a = pango_attr_iterator_get(it, PANGO_ATTR_LANGUAGE);
                if (a != NULL)
                    lang = ((PangoAttrLanguage *)a)->value;
                break;
            }
        } while (pango_attr_iterator_next(it));
        pango_attr_iterator_destroy(it);
    }
    return sumi_lang_from_fontconfig(pango_language_to_string(lang));
}

void sumi_sink_text(struct sumi_sink *s, cairo_t *cr, PangoLayout *layout,
                    const cairo_matrix_t *source_ctm) {
    cairo_matrix_t to_page;
    cairo_get_matrix(cr, &to_page); /* c:text leaves no current point */
    write_block(s, layout, &to_page);
    double scale = sqrt(fabs(to_page.xx * to_page.yy - to_page.xy * to_page.yx));
    struct sink_paint base_paint;
    read_paint(cr, source_ctm, &base_paint);
    const char *text = pango_layout_get_text(layout);
    struct sink_run r; /* the run being gathered */
    memset(&r, 0, sizeof r);
    int cap = 0;
    PangoFontDescription *desc = NULL; /* r.family points into it */
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        if (run == NULL || run->item->length == 0)
            continue;
        PangoRectangle logical;
        pango_layout_iter_get_run_extents(iter, NULL, &logical);
        double baseline = (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
        struct sink_run next;
        memset(&next, 0, sizeof next);
        next.text = text + run->item->offset;
        next.length = (size_t)run->item->length;
        next.x = (double)logical.x / PANGO_SCALE;
        next.y = baseline - (double)run->y_offset / PANGO_SCALE;
        next.width = (double)logical.width / PANGO_SCALE;
        next.height = (double)logical.height / PANGO_SCALE;
        next.ascent = next.y - (double)logical.y / PANGO_SCALE;
        next.to_page = to_page;
        next.scale = scale;
        next.rotation = pango_gravity_to_rotation(run->item->analysis.gravity);
        PangoFontDescription *d = pango_font_describe_with_absolute_size(run->item->analysis.font);
        next.family = pango_font_description_get_family(d);
        if (next.family == NULL)
            next.family = "sans-serif";
        next.size = (double)pango_font_description_get_size(d) / PANGO_SCALE;
        next.lang = tagged_language(layout, run->item->offset);
        next.weight = (int)pango_font_description_get_weight(d);
        next.italic = pango_font_description_get_style(d) != PANGO_STYLE_NORMAL;
        next.paint = base_paint;
        run_foreground(run, &next.paint);
        if (r.length > 0 && continues(&r, &next)) {
            r.length += next.length;
            r.width += next.width;
            pango_font_description_free(d);
        } else {
            flush_run(s, &r, &desc);
            double *xs = r.char_x, *ys = r.char_y;
            r = next;
            r.char_x = xs;
            r.char_y = ys;
            desc = d;
        }
        if (!place_characters(run, next.text, next.length, &r, &cap, next.x, next.y)) {
            sink_fail(s, "out of memory");
            r.length = 0;
            break;
        }
    } while (pango_layout_iter_next_run(iter));
    flush_run(s, &r, &desc);
    pango_layout_iter_free(iter);
    free(r.char_x);
    free(r.char_y);
}
