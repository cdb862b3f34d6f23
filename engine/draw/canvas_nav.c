/* sumi.canvas navigation: links, named destinations and the outline
 * (bookmarks) of a PDF, through cairo's tags (cairo 1.16: CAIRO_TAG_LINK,
 * CAIRO_TAG_DEST) and cairo_pdf_surface_add_outline.
 *
 * Only a PDF has them. A trace canvas records them as lines, so layout
 * tests can check them; PNG and SVG canvases accept the calls and ignore
 * them, so one drawing function serves a PDF and its PNG previews. */
#include <cairo-pdf.h>
#include <glib.h>
#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "canvas.h"
#include "canvas_internal.h"
#include "numtext.h"
#include "options.h"

/* cairo's attribute strings are single-quoted with backslash escapes, so
 * names are kept to characters that need none: a destination name is an
 * identifier the document makes, never user text. */
static const char *check_dest_name(lua_State *L, int arg, const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > 200)
        luaL_argerror(L, arg, "destination name must be 1 to 200 characters");
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!g_ascii_isalnum(ch) && ch != '-' && ch != '_' && ch != '.' && ch != ':')
            luaL_argerror(L, arg,
                          lua_pushfstring(L,
                                          "destination name may hold only letters, digits "
                                          "and - _ . : (got '%s')",
                                          s));
    }
    return s;
}

/* A URI as a quoted attribute value: ' and \ escaped; control characters
 * and spaces refused (RFC 3986 §2 has no place for them unescaped). */
static void push_quoted_uri(lua_State *L, int arg, const char *uri) {
    size_t n = strlen(uri);
    if (n == 0 || n > 2000)
        luaL_argerror(L, arg, "uri must be 1 to 2000 characters");
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addchar(&b, '\'');
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)uri[i];
        if (ch <= 0x20 || ch == 0x7f)
            luaL_argerror(L, arg, "uri must not contain spaces or control characters");
        if (ch == '\'' || ch == '\\')
            luaL_addchar(&b, '\\');
        luaL_addchar(&b, (char)ch);
    }
    luaL_addchar(&b, '\'');
    luaL_pushresult(&b);
}

/* The box (x, y, w, h) in device space: tags are given with an identity
 * matrix so that they land where the drawing would, whatever the CTM. */
static void device_box(cairo_t *cr, double *x, double *y, double *w, double *h) {
    double xs[4] = {*x, *x + *w, *x, *x + *w}, ys[4] = {*y, *y, *y + *h, *y + *h};
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (int i = 0; i < 4; i++) {
        cairo_user_to_device(cr, &xs[i], &ys[i]);
        x0 = fmin(x0, xs[i]);
        y0 = fmin(y0, ys[i]);
        x1 = fmax(x1, xs[i]);
        y1 = fmax(y1, ys[i]);
    }
    *x = x0;
    *y = y0;
    *w = x1 - x0;
    *h = y1 - y0;
}

/* Numbers in attribute strings without the machine's locale. */
static void push_number(lua_State *L, double v) {
    char buf[64];
    numtext_format(buf, sizeof buf, round(v * 1000) / 1000, NUMTEXT_SHORTEST);
    lua_pushstring(L, buf);
}

void sumi_nav_push_link_attrs(lua_State *L, int arg, double x, double y, double w, double h,
                              const char *uri, const char *dest) {
    /* "rect=[x y w h] uri='...'" (cairo manual, "Tags and Links": Link) */
    int top = lua_gettop(L);
    lua_pushliteral(L, "rect=[");
    push_number(L, x);
    lua_pushliteral(L, " ");
    push_number(L, y);
    lua_pushliteral(L, " ");
    push_number(L, w);
    lua_pushliteral(L, " ");
    push_number(L, h);
    if (uri != NULL) {
        lua_pushliteral(L, "] uri=");
        push_quoted_uri(L, arg, uri);
    } else {
        lua_pushfstring(L, "] dest='%s'", dest);
    }
    lua_concat(L, lua_gettop(L) - top);
}

int sumi_nav_read_target(lua_State *L, sumi_canvas *c, int opts, struct sumi_nav_link *link) {
    link->uri = opt_string(L, opts, "uri", NULL);
    link->dest = opt_string(L, opts, "dest", NULL);
    link->text = opt_string(L, opts, "text", NULL);
    if ((link->uri == NULL) == (link->dest == NULL))
        return opt_raise(L, "give exactly one of 'uri' and 'dest'");
    if (link->dest != NULL)
        check_dest_name(L, opts, link->dest);
    if (link->text != NULL && (link->text[0] == '\0' || !g_utf8_validate(link->text, -1, NULL))) {
        lua_getfield(L, opts, "text");
        return opt_fail(L, "text", "a non-empty UTF-8 string (what the link leads to)", -1);
    }
    sumi_canvas_check_point(L, c, link->x, link->y);
    sumi_canvas_check_point(L, c, link->x + link->w, link->y + link->h);
    device_box(c->cr, &link->x, &link->y, &link->w, &link->h);
    return 0;
}

/* c:link(x, y, w, h, {uri = "https://..." | dest = "name", text = "..."}) */
static int nav_link(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    struct sumi_nav_link link;
    link.x = check_number_in(L, 2, "x", -SIZE_LIMIT, SIZE_LIMIT);
    link.y = check_number_in(L, 3, "y", -SIZE_LIMIT, SIZE_LIMIT);
    link.w = check_number_in(L, 4, "width", 0, SIZE_LIMIT);
    link.h = check_number_in(L, 5, "height", 0, SIZE_LIMIT);
    int opts = 6;
    static const char *const keys[] = {"uri", "dest", "text", NULL};
    luaL_checktype(L, opts, LUA_TTABLE);
    opt_check_keys(L, opts, keys);
    sumi_nav_read_target(L, c, opts, &link);
    if (c->sink != NULL) {
        struct sumi_sink_nav nav = {"link",
                                    NULL,
                                    1,
                                    link.x,
                                    link.y,
                                    link.w,
                                    link.h,
                                    link.uri ? "uri" : "dest",
                                    link.uri ? link.uri : link.dest,
                                    -1,
                                    -1};
        sumi_sink_nav(c->sink, &nav);
        return 0;
    }
    if (c->kind != SUMI_CANVAS_PDF)
        return 0;
    sumi_nav_push_link_attrs(L, opts, link.x, link.y, link.w, link.h, link.uri, link.dest);
    const char *attrs = lua_tostring(L, -1);
    /* On a tagged PDF the link is a Link element of its own. */
    sumi_tags_record_link(L, c, &link);
    cairo_save(c->cr);
    cairo_identity_matrix(c->cr);
    cairo_tag_begin(c->cr, CAIRO_TAG_LINK, attrs);
    cairo_tag_end(c->cr, CAIRO_TAG_LINK);
    cairo_restore(c->cr);
    canvas_check_status(L, c);
    return 0;
}

/* c:destination(name, x, y): a place links and outline entries can name. */
static int nav_destination(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    const char *name = check_dest_name(L, 2, luaL_checkstring(L, 2));
    double x = check_number_in(L, 3, "x", -SIZE_LIMIT, SIZE_LIMIT);
    double y = check_number_in(L, 4, "y", -SIZE_LIMIT, SIZE_LIMIT);
    sumi_canvas_check_point(L, c, x, y);
    cairo_user_to_device(c->cr, &x, &y);
    if (c->sink != NULL) {
        struct sumi_sink_nav nav = {"destination", name, 1, x, y, 0, 0, NULL, NULL, -1, -1};
        sumi_sink_nav(c->sink, &nav);
        return 0;
    }
    if (c->kind != SUMI_CANVAS_PDF)
        return 0;
    int top = lua_gettop(L);
    lua_pushfstring(L, "name='%s' x=", name);
    push_number(L, x);
    lua_pushliteral(L, " y=");
    push_number(L, y);
    lua_concat(L, lua_gettop(L) - top);
    const char *attrs = lua_tostring(L, -1);
    cairo_save(c->cr);
    cairo_identity_matrix(c->cr);
    cairo_tag_begin(c->cr, CAIRO_TAG_DEST, attrs);
    cairo_tag_end(c->cr, CAIRO_TAG_DEST);
    cairo_restore(c->cr);
    canvas_check_status(L, c);
    return 0;
}

/* c:outline(title, {dest = "name", parent = id, open = false}) -> id
 * Ids count from 1 on every kind of canvas; parent 0 is the top level. */
static int nav_outline(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    size_t len;
    const char *title = luaL_checklstring(L, 2, &len);
    if (!g_utf8_validate(title, (gssize)len, NULL) || strlen(title) != len)
        return luaL_argerror(L, 2, "title is not valid UTF-8");
    static const char *const keys[] = {"dest", "parent", "open", NULL};
    opt_check_keys(L, 3, keys);
    if (!opt_has(L, 3, "dest"))
        return opt_raise(L, "option 'dest' is missing (a destination name)");
    const char *dest = check_dest_name(L, 3, opt_string(L, 3, "dest", NULL));
    int parent = (int)opt_number(L, 3, "parent", 0, 0, c->outlines);
    int open = opt_boolean(L, 3, "open", 0);
    if (c->outlines >= 100000)
        return luaL_error(L, "too many outline entries (at most 100000)");
    int id = c->outlines + 1;
    if (c->sink != NULL) {
        struct sumi_sink_nav nav = {"outline", title, 0, 0, 0, 0, 0, "dest", dest, id, parent};
        sumi_sink_nav(c->sink, &nav);
    } else if (c->kind == SUMI_CANVAS_PDF) {
        lua_pushfstring(L, "dest='%s'", dest);
        /* cairo numbers entries from 1 in the order they are added, as we do;
         * its root is CAIRO_PDF_OUTLINE_ROOT (0). */
        int got = cairo_pdf_surface_add_outline(c->surface, parent, title, lua_tostring(L, -1),
                                                open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        canvas_check_status(L, c);
        if (got != id)
            return luaL_error(L, "outline entry got id %d, expected %d", got, id);
    }
    c->outlines = id;
    lua_pushinteger(L, id);
    return 1;
}

static const luaL_Reg nav_methods[] = {
    {"link", nav_link},
    {"destination", nav_destination},
    {"outline", nav_outline},
    {NULL, NULL},
};

void sumi_nav_add_methods(lua_State *L, int methods) {
    lua_pushvalue(L, methods);
    luaL_setfuncs(L, nav_methods, 0);
    opt_name_functions(L, "canvas:", nav_methods);
    lua_pop(L, 1);
}
