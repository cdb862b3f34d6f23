/* Shared by the two files of sumi.canvas: canvas.c (surfaces, life cycle,
 * pages, state, the module's tables) and canvas_paint.c (paths, paint,
 * gradients, images). Not used outside them. */
#ifndef SUMI_CANVAS_INTERNAL_H
#define SUMI_CANVAS_INTERNAL_H

#include <lua.h>

#include "canvas.h"

/* The largest length or coordinate an argument may give, in user units. */
#define SIZE_LIMIT 1.0e6
/* The most pixels a PNG canvas, or an image read into one, may have. 4
 * bytes a pixel: 100 million pixels is 400 MB in memory, an A3 page at 600
 * dpi with room to spare. cairo's side limit alone (32767) lets 4 GiB
 * through, which the address-space limit would refuse only after a slow,
 * partial allocation; a PNG of a few bytes can declare that much. */
#define PNG_AREA_LIMIT 1.0e8
/* The most pages a pdf or trace canvas takes: a report of more is a loop
 * that does not end, and each page costs memory until close. */
#define PAGE_LIMIT 10000

/* canvas.c */
/* Reports cairo's first error (cairo errors are sticky and silent). */
void canvas_check_status(lua_State *L, sumi_canvas *c);
/* A malloc'd copy of s (NULL for NULL); out of memory is a Lua error. */
char *sumi_canvas_copy_text(lua_State *L, const char *s);

/* canvas_paint.c: the methods and functions that canvas.c's tables list */
int canvas_move_to(lua_State *L);
int canvas_line_to(lua_State *L);
int canvas_curve_to(lua_State *L);
int canvas_arc(lua_State *L);
int canvas_arc_negative(lua_State *L);
int canvas_rect(lua_State *L);
int canvas_rounded_rect(lua_State *L);
int canvas_polyline(lua_State *L);
int canvas_close_path(lua_State *L);
int canvas_new_path(lua_State *L);
int canvas_fill(lua_State *L);
int canvas_stroke(lua_State *L);
int canvas_fill_stroke(lua_State *L);
int canvas_paint(lua_State *L);
int canvas_clip(lua_State *L);
int canvas_reset_clip(lua_State *L);
int canvas_linear_gradient(lua_State *L);
int canvas_radial_gradient(lua_State *L);
int canvas_image(lua_State *L);

/* canvas_nav.c: a link's target and text read from the options at opts,
 * its box (x, y, w, h, set by the caller in user space) checked and turned
 * into device space; the attribute string cairo's link tag takes, pushed. */
struct sumi_nav_link {
    double x, y, w, h;
    const char *uri, *dest, *text;
};
int sumi_nav_read_target(lua_State *L, sumi_canvas *c, int opts, struct sumi_nav_link *link);
void sumi_nav_push_link_attrs(lua_State *L, int arg, double x, double y, double w, double h,
                              const char *uri, const char *dest);

/* canvas_tags.c: c:begin_tag and c:end_tag, added to the method table at
 * idx; the Link element a link on a tagged PDF is; the error of a canvas
 * closed with tags open; the PDF's finishing pass at close. */
void sumi_tags_add_methods(lua_State *L, int methods);
void sumi_tags_record_link(lua_State *L, sumi_canvas *c, const struct sumi_nav_link *link);
void sumi_tags_check_closed(lua_State *L, sumi_canvas *c);
/* On a tagged PDF an image is described (inside a Figure) or decorative
 * (inside an Artifact); anywhere else it is an error. */
void sumi_tags_check_image(lua_State *L, sumi_canvas *c);

#endif
