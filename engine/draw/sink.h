/* The drawing sink: a canvas that writes what it draws as text instead of
 * rasterising it. canvas.c, canvas_paint.c and text.c hand it every
 * operation together with the cairo context that holds the path, the source,
 * the line style and the CTM; sink.c reads that state into plain records in
 * page coordinates and passes them to one of two writers: svg.c (an SVG file
 * whose text stays <text>) or trace.c (a line-oriented trace of the drawing
 * for tests, like SILE's debug outputter). cairo still builds the paths and
 * keeps the transforms; it draws on a 1x1 scratch surface nobody reads. */
#ifndef SUMI_SINK_H
#define SUMI_SINK_H

#include <cairo.h>
#include <pango/pango.h>
#include <stddef.h>

enum sumi_sink_format { SUMI_SINK_SVG, SUMI_SINK_TRACE };

struct sumi_sink;

/* Created by canvas.svg/canvas.trace, destroyed by the canvas's release().
 * NULL when out of memory. */
struct sumi_sink *sumi_sink_new(enum sumi_sink_format format, double width, double height);
void sumi_sink_free(struct sumi_sink *s);

/* Each reads the current path, source, fill rule or stroke style of cr. */
void sumi_sink_fill(struct sumi_sink *s, cairo_t *cr);
void sumi_sink_stroke(struct sumi_sink *s, cairo_t *cr);
void sumi_sink_paint(struct sumi_sink *s, cairo_t *cr);
/* Call before cairo_clip, while the path is still there. */
void sumi_sink_clip(struct sumi_sink *s, cairo_t *cr);
void sumi_sink_reset_clip(struct sumi_sink *s);
/* Mirror cairo_save/cairo_restore where a clip may change in between.
 * save returns 0 when out of memory. */
int sumi_sink_save(struct sumi_sink *s);
void sumi_sink_restore(struct sumi_sink *s);
/* An image whose pixel space is cr's user space (the CTM places it). */
void sumi_sink_image(struct sumi_sink *s, cairo_t *cr, cairo_surface_t *image);
/* The layout as pango_cairo_show_layout would draw it at cr's current point.
 * source_ctm is the CTM in effect when cr's source was set (cairo locks a
 * gradient to it). */
void sumi_sink_text(struct sumi_sink *s, cairo_t *cr, PangoLayout *layout,
                    const cairo_matrix_t *source_ctm);
/* A navigation record of a PDF (link, destination, outline entry), in page
 * coordinates. The trace writes it; SVG has no such thing and ignores it. */
struct sumi_sink_nav {
    const char *verb;   /* "link", "destination" or "outline" */
    const char *label;  /* destination name or outline title; NULL for a link */
    int has_box;        /* x, y (and w, h for a link) are set */
    double x, y, w, h;  /* page coordinates */
    const char *key;    /* "uri" or "dest" (NULL for none) */
    const char *target; /* what key names */
    int id, parent;     /* outline entries; -1 otherwise */
};
void sumi_sink_nav(struct sumi_sink *s, const struct sumi_sink_nav *nav);
/* Begins page n (trace canvases only). */
void sumi_sink_page(struct sumi_sink *s, double width, double height);

/* Ends the document. Returns its bytes (owned by the sink), or NULL when an
 * operation failed (the message is in sumi_sink_error). */
const char *sumi_sink_finish(struct sumi_sink *s, size_t *length);
/* The first failure ("cannot encode image: out of memory"), or NULL. */
const char *sumi_sink_error(const struct sumi_sink *s);

#endif
