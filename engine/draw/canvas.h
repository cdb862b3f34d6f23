/* The canvas object shared by canvas.c (surfaces), canvas_paint.c (paths,
 * paint) and text.c (Pango layouts drawn on it). */
#ifndef SUMI_CANVAS_H
#define SUMI_CANVAS_H

#include <cairo.h>
#include <lua.h>
#include <pango/pango.h>

#include "output.h"
#include "sink.h"

#define SUMI_CANVAS_TYPE "sumi.canvas"
#define SUMI_GRADIENT_TYPE "sumi.gradient"

enum sumi_canvas_kind { SUMI_CANVAS_PDF, SUMI_CANVAS_PNG, SUMI_CANVAS_SVG, SUMI_CANVAS_TRACE };

/* Created by canvas.pdf/png/svg/trace (pushed closed, then opened), destroyed by
 * close() (publishes the file), discard() (removes it) or __gc/__close.
 * After that every method raises "attempt to use a closed canvas". */
typedef struct {
    cairo_surface_t *surface; /* NULL when closed */
    cairo_t *cr;
    /* SVG (text kept as text) and trace canvases: the writer every drawing
     * operation goes to instead of cairo, which then only builds paths on a
     * 1x1 scratch surface. NULL on cairo-drawn canvases. Owned here. */
    struct sumi_sink *sink;
    /* c:record_fonts(): the faces and characters of the text drawn here
     * (canvas_subset.c). NULL unless asked for. Owned here. */
    struct sumi_font_use *font_use;
    /* c:subset_fonts(): the subset faces text is set with instead of the
     * engine's fonts; NULL for those. Owned here, freed after the surface is
     * finished (cairo reads the faces then). */
    struct sumi_font_subsets *subsets;
    struct sumi_output output;
    enum sumi_canvas_kind kind;
    double width, height; /* page size in user units (pt, or px for PNG) */
    double device_scale;  /* device pixels per user unit */
    int pages;            /* pages begun so far */
    int nesting;          /* save() depth, to catch unbalanced restore() */
    int outlines;         /* outline entries added (their ids are 1..outlines) */
    /* A tagged or PDF/A canvas: what pdf_finish.c adds after cairo. NULL
     * on others. Owned here. */
    struct sumi_pdf_meta *pdf;
    int tag_depth;               /* tags begun and not ended, on any canvas */
    unsigned char tag_roles[32]; /* their roles (canvas_tags.c's list) */
} sumi_canvas;

/* The open canvas at idx, or an argument error. */
sumi_canvas *sumi_check_canvas(lua_State *L, int idx);

/* Raises an error unless (x, y) in user space maps to device coordinates that
 * cairo's 24.8 fixed point can hold. */
void sumi_canvas_check_point(lua_State *L, sumi_canvas *c, double x, double y);

/* Sets the cairo source from a Lua value: a colour string or a gradient. */
void sumi_canvas_set_paint(lua_State *L, sumi_canvas *c, int idx, const char *what);

/* Adds c:link, c:destination and c:outline (canvas_nav.c) to the method
 * table at idx. */
void sumi_nav_add_methods(lua_State *L, int methods);

/* canvas_subset.c: c:record_fonts and c:subset_fonts, added to the method
 * table at idx; the recording text.c does; drawing a layout with the
 * subsets; releasing both. */
void sumi_subset_add_methods(lua_State *L, int methods);
/* generation: the text cache's (text.c), which changes whenever the kept
 * layouts are let go, so a layout's address names one layout within a
 * generation. */
void sumi_font_use_record(struct sumi_font_use *u, PangoLayout *layout, unsigned generation);
void sumi_font_subsets_show_layout(struct sumi_font_subsets *s, cairo_t *cr, PangoLayout *layout);
void sumi_font_use_free(struct sumi_font_use *u);
void sumi_font_subsets_free(struct sumi_font_subsets *s);

/* Adds c:text and c:measure_text (text.c) to the method table at idx. */
void sumi_text_add_methods(lua_State *L, int methods);

/* sumi.canvas, sumi.text and sumi.path (canvas.c, text.c, path.c). */
int luaopen_sumi_canvas(lua_State *L);
int luaopen_sumi_text(lua_State *L);
int luaopen_sumi_path(lua_State *L);

#endif
