/* Shared by sink.c and its two writers, svg.c and trace.c: the records the
 * sink reads from cairo and Pango, all in page coordinates, and the writer
 * interface. Not used outside them. */
#ifndef SUMI_SINK_INTERNAL_H
#define SUMI_SINK_INTERNAL_H

#include <glib.h>

#include "sink.h"

/* A path in page coordinates. Owned by the sink for the length of one call. */
struct sink_path {
    cairo_path_t *path;
    int segments;           /* move/line/curve/close, not cairo's implicit move after close */
    int is_rect;            /* one axis-aligned rectangle */
    double x0, y0, x1, y1;  /* bounding box */
    cairo_fill_rule_t rule; /* for fills and clips */
};

enum sink_paint_kind { SINK_SOLID, SINK_LINEAR, SINK_RADIAL };

/* A solid colour or a gradient (borrowed from the cairo source). to_page
 * maps the gradient's own coordinates to the page. */
struct sink_paint {
    enum sink_paint_kind kind;
    double r, g, b, a;
    cairo_pattern_t *pattern;
    cairo_matrix_t to_page;
};

struct sink_stroke {
    double width; /* in page units */
    double miter_limit;
    cairo_line_cap_t cap;
    cairo_line_join_t join;
    int ndashes;
    double *dashes; /* page units; owned by the sink for one call */
    double dash_offset;
};

/* One Pango run, placed on the page by to_page (layout units -> page). */
struct sink_run {
    const char *text; /* the run's bytes (not terminated) */
    size_t length;
    int nchars;
    double *char_x;         /* per character: its x on the baseline, layout units */
    double *char_y;         /* per character: its baseline y, layout units */
    double x, y;            /* baseline start, layout units */
    double width, height;   /* logical size, layout units */
    double ascent;          /* baseline to the top of the logical box */
    double rotation;        /* extra glyph rotation (vertical text), radians */
    cairo_matrix_t to_page; /* layout -> page */
    double scale;           /* page units per layout unit */
    const char *family;     /* the font Pango chose */
    const char *lang;       /* the run's language, a BCP 47 tag ("zh-Hans") */
    double size;            /* font size in layout units */
    int weight;             /* 100..1000 */
    int italic;
    struct sink_paint paint; /* in page terms */
};

struct sink_image {
    cairo_surface_t *surface;
    int width, height;      /* pixels */
    cairo_matrix_t to_page; /* pixel space -> page */
    double x0, y0, x1, y1;  /* bounding box on the page */
};

/* The writer: each call appends to out. clip is the id of the clip in effect
 * (-1 for none); sink_clip_parent() walks its chain. */
struct sink_writer {
    void (*begin)(struct sumi_sink *s, double width, double height);
    void (*page)(struct sumi_sink *s, int n, double width, double height);
    void (*fill)(struct sumi_sink *s, const struct sink_path *p, const struct sink_paint *paint,
                 int clip);
    void (*stroke)(struct sumi_sink *s, const struct sink_path *p, const struct sink_paint *paint,
                   const struct sink_stroke *st, int clip);
    void (*paint)(struct sumi_sink *s, const struct sink_paint *paint, int clip);
    void (*clip)(struct sumi_sink *s, const struct sink_path *p, int id, int parent);
    void (*unclip)(struct sumi_sink *s, int clip);
    /* One per c:text, before its runs: the whole text and its box (w along
     * the lines, h across them, in layout units; to_page places it). */
    void (*block)(struct sumi_sink *s, const char *text, size_t length, int lines, double w,
                  double h, const cairo_matrix_t *to_page);
    void (*text)(struct sumi_sink *s, const struct sink_run *run, int clip);
    void (*image)(struct sumi_sink *s, const struct sink_image *img, int clip);
    void (*end)(struct sumi_sink *s);
    /* Links, destinations and outline entries; NULL to ignore them. */
    void (*nav)(struct sumi_sink *s, const struct sumi_sink_nav *nav);
};

extern const struct sink_writer sink_svg_writer;
extern const struct sink_writer sink_trace_writer;

/* The document so far; writers append to it. */
GString *sink_out(struct sumi_sink *s);
double sink_width(const struct sumi_sink *s);
double sink_height(const struct sumi_sink *s);
/* The clip that clip id was intersected with, or -1. */
int sink_clip_parent(const struct sumi_sink *s, int id);
/* A fresh number for an SVG id (gradients). */
int sink_new_id(struct sumi_sink *s);
/* Records the first failure. */
void sink_fail(struct sumi_sink *s, const char *message);

/* Appends v rounded to `decimals` places, without trailing zeros, "-0" or
 * the machine's locale. */
void sink_number(GString *out, double v, int decimals);

#endif
