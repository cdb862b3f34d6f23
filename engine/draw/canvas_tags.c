/* sumi.canvas structure tags: c:begin_tag(role, options) and
 * c:end_tag(role), the logical structure of a tagged PDF (PDF 32000-1
 * 14.8, PDF/UA-1). cairo 1.16 makes the structure tree from its tags
 * (cairo_tag_begin with a structure type's name) and marks the content of
 * each element without child elements; what it cannot write (alternative
 * text, languages, a header cell's scope, a figure's box, artifacts) is
 * recorded here and added by pdf_finish.c when the canvas closes.
 *
 * Only a tagged PDF keeps them. Other canvases check the calls the same
 * way and ignore them, so one drawing function serves a tagged PDF, its PNG
 * previews and an untagged PDF. */
#include <cairo.h>
#include <glib.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "canvas_internal.h"
#include "fonts.h"
#include "options.h"
#include "pdf_finish.h"

/* The standard structure types of PDF 32000-1 14.8.4 a report uses, and
 * Artifact: content that is not the document's (running heads, rules,
 * backgrounds), taken out of the tree when the file is finished. */
static const char *const roles[] = {
    "Document", "Part", "Sect",       "Div",  "H1",       "H2",    "H3",    "H4",     "H5",
    "H6",       "P",    "L",          "LI",   "Lbl",      "LBody", "Table", "THead",  "TBody",
    "TFoot",    "TR",   "TH",         "TD",   "Caption",  "TOC",   "TOCI",  "Figure", "Span",
    "Quote",    "Note", "BlockQuote", "Link", "Artifact", NULL};

static int role_index(const char *role) {
    for (int i = 0; roles[i] != NULL; i++)
        if (strcmp(roles[i], role) == 0)
            return i;
    return -1;
}

static int tagging(const sumi_canvas *c) { return c->pdf != NULL && c->pdf->tagged; }

static int inside(const sumi_canvas *c, const char *role) {
    for (int i = 0; i < c->tag_depth; i++)
        if (strcmp(roles[c->tag_roles[i]], role) == 0)
            return 1;
    return 0;
}

static int inside_artifact(const sumi_canvas *c) { return inside(c, "Artifact"); }

static struct sumi_pdf_element *add_element(lua_State *L, sumi_canvas *c, const char *role) {
    if (c->pdf->count >= 1000000)
        luaL_error(L, "too many structure elements (at most 1000000)");
    struct sumi_pdf_element *e = sumi_pdf_meta_add(c->pdf, role);
    if (e == NULL)
        luaL_error(L, "out of memory");
    return e;
}

/* The language of an element, kept only when it is not the document's. */
static void read_lang(lua_State *L, sumi_canvas *c, int opts, struct sumi_pdf_element *e) {
    if (!opt_has(L, opts, "lang"))
        return;
    const char *fontconfig;
    const char *tag = sumi_fonts_lang_option(L, opts, NULL, &fontconfig);
    if (e != NULL && (c->pdf->lang == NULL || strcmp(tag, c->pdf->lang) != 0))
        e->lang = sumi_canvas_copy_text(L, tag);
}

/* c:begin_tag(role [, {alt, lang, scope, colspan, rowspan, box, uri, dest, text}]); a
 * Link takes box and uri or dest (and text), as c:link does. */
static int tags_begin(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    const char *role = luaL_checkstring(L, 2);
    int which = role_index(role);
    if (which < 0) {
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        for (int i = 0; roles[i] != NULL; i++) {
            luaL_addstring(&b, i ? ", " : "");
            luaL_addstring(&b, roles[i]);
        }
        luaL_pushresult(&b);
        return opt_raise(L, "unknown role '%s' (valid: %s)", role, lua_tostring(L, -1));
    }
    static const char *const keys[] = {"alt", "lang", "scope", "colspan", "rowspan",
                                       "box", "uri",  "dest",  "text",    NULL};
    static const char *const link_keys[] = {"uri", "dest", "text", NULL};
    int opts = 3;
    if (lua_isnoneornil(L, 3)) {
        lua_settop(L, 2);
        lua_newtable(L);
    }
    luaL_checktype(L, opts, LUA_TTABLE);
    opt_check_keys(L, opts, keys);
    int link = strcmp(role, "Link") == 0;
    if (!link)
        for (int i = 0; link_keys[i] != NULL; i++)
            if (opt_has(L, opts, link_keys[i]))
                return opt_raise(L, "option '%s' belongs to a Link", link_keys[i]);
    if (link && !opt_has(L, opts, "box"))
        return opt_raise(L,
                         "a Link needs option 'box' ({x, y, width, height}: where it is clicked)");
    const char *alt = opt_string(L, opts, "alt", NULL);
    if (alt != NULL && (alt[0] == '\0' || !g_utf8_validate(alt, -1, NULL)))
        return opt_fail(L, "alt",
                        "a non-empty UTF-8 string (mark a decorative picture as an "
                        "'Artifact' instead)",
                        -1);
    if (strcmp(role, "Figure") == 0 && alt == NULL)
        return opt_raise(L, "a Figure needs option 'alt', the text a screen reader says for it "
                            "(a decorative picture is an 'Artifact')");
    if (alt != NULL && strcmp(role, "Figure") != 0)
        return opt_raise(L, "option 'alt' belongs to a Figure (other elements are read from "
                            "their text; a Link's description is its option 'text')");
    static const char *const scopes[] = {"row", "column", "both", NULL};
    int scope = SUMI_SCOPE_NONE;
    if (opt_has(L, opts, "scope")) {
        if (strcmp(role, "TH") != 0)
            return opt_raise(L, "option 'scope' belongs to a header cell (TH)");
        scope = 1 + opt_enum(L, opts, "scope", 0, scopes);
    }
    /* A cell spanning columns or rows (PDF 32000-1 14.8.5.7, Table 343:
     * ColSpan, RowSpan), as a header over a group of columns is. */
    static const char *const spans[] = {"colspan", "rowspan"};
    int span[2] = {1, 1};
    for (int i = 0; i < 2; i++) {
        if (!opt_has(L, opts, spans[i]))
            continue;
        if (strcmp(role, "TH") != 0 && strcmp(role, "TD") != 0)
            return opt_raise(L, "option '%s' belongs to a table cell (TH or TD)", spans[i]);
        lua_getfield(L, opts, spans[i]);
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > 10000)
            return opt_fail(L, spans[i], "an integer in [1, 10000]", -1);
        span[i] = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    double box[4] = {0};
    int has_box = opt_has(L, opts, "box");
    if (has_box) {
        lua_getfield(L, opts, "box");
        for (int i = 0; i < 4; i++) {
            if (lua_type(L, -1) != LUA_TTABLE || lua_rawgeti(L, -1, i + 1) != LUA_TNUMBER)
                return opt_fail(L, "box", "{x, y, width, height}", -1);
            box[i] = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    struct sumi_nav_link target = {box[0], box[1], box[2], box[3], NULL, NULL, NULL};
    if (link)
        sumi_nav_read_target(L, c, opts, &target);
    if (inside_artifact(c))
        return opt_raise(L,
                         "nothing is tagged inside an Artifact (it is not part of the document)");
    if (c->tag_depth >= (int)sizeof c->tag_roles)
        return opt_raise(L, "tags nest at most %d deep", (int)sizeof c->tag_roles);
    struct sumi_pdf_element *e = tagging(c) ? add_element(L, c, role) : NULL;
    read_lang(L, c, opts, e);
    c->tag_roles[c->tag_depth++] = (unsigned char)which;
    if (e == NULL)
        return 0;
    e->alt = sumi_canvas_copy_text(L, link ? (target.text  ? target.text
                                              : target.uri ? target.uri
                                                           : target.dest)
                                           : alt);
    e->scope = (enum sumi_pdf_scope)scope;
    e->colspan = span[0];
    e->rowspan = span[1];
    if (has_box && !link) {
        double x0 = box[0], y0 = box[1], x1 = box[0] + box[2], y1 = box[1] + box[3];
        cairo_user_to_device(c->cr, &x0, &y0);
        cairo_user_to_device(c->cr, &x1, &y1);
        /* PDF space: y up from the page's foot */
        e->has_bbox = 1;
        e->bbox[0] = x0 < x1 ? x0 : x1;
        e->bbox[2] = x0 < x1 ? x1 : x0;
        e->bbox[1] = c->height - (y0 < y1 ? y1 : y0);
        e->bbox[3] = c->height - (y0 < y1 ? y0 : y1);
    }
    cairo_save(c->cr);
    cairo_identity_matrix(c->cr);
    if (link) {
        sumi_nav_push_link_attrs(L, opts, target.x, target.y, target.w, target.h, target.uri,
                                 target.dest);
        cairo_tag_begin(c->cr, CAIRO_TAG_LINK, lua_tostring(L, -1));
    } else {
        cairo_tag_begin(c->cr, sumi_pdf_cairo_role(role), "");
    }
    cairo_restore(c->cr);
    canvas_check_status(L, c);
    return 0;
}

/* c:end_tag(role): ends the innermost tag, which must be role. */
static int tags_end(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    const char *role = luaL_checkstring(L, 2);
    if (c->tag_depth == 0)
        return opt_raise(L, "no tag is open ('%s' was never begun)", role);
    const char *open = roles[c->tag_roles[c->tag_depth - 1]];
    if (strcmp(open, role) != 0)
        return opt_raise(L, "'%s' ends, but the innermost open tag is '%s'", role, open);
    c->tag_depth--;
    if (tagging(c)) {
        cairo_tag_end(c->cr, sumi_pdf_cairo_role(role));
        canvas_check_status(L, c);
    }
    return 0;
}

void sumi_tags_record_link(lua_State *L, sumi_canvas *c, const struct sumi_nav_link *link) {
    if (!tagging(c))
        return;
    if (inside_artifact(c))
        opt_raise(L, "a link inside an Artifact cannot be reached (it is not part of the "
                     "document)");
    struct sumi_pdf_element *e = add_element(L, c, "Link");
    e->alt = sumi_canvas_copy_text(L, link->text ? link->text : link->uri ? link->uri : link->dest);
}

void sumi_tags_check_image(lua_State *L, sumi_canvas *c) {
    if (tagging(c) && !inside(c, "Figure") && !inside(c, "Artifact"))
        opt_raise(L, "an image on a tagged PDF goes inside a Figure (with its alt text) or, "
                     "when it says nothing, an Artifact");
}

void sumi_tags_check_closed(lua_State *L, sumi_canvas *c) {
    if (c->tag_depth > 0)
        opt_raise(L, "tag '%s' was begun but never ended", roles[c->tag_roles[c->tag_depth - 1]]);
}

void sumi_tags_add_methods(lua_State *L, int methods) {
    static const luaL_Reg fns[] = {{"begin_tag", tags_begin}, {"end_tag", tags_end}, {NULL, NULL}};
    lua_pushvalue(L, methods);
    luaL_setfuncs(L, fns, 0);
    opt_name_functions(L, "canvas:", fns);
    lua_pop(L, 1);
}
