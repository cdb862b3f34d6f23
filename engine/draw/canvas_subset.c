/* sumi.canvas font subsets: c:record_fonts() and c:subset_fonts(recorded).
 *
 * cairo 1.16 embeds a CFF font by subsetting it itself, but it keeps every
 * subroutine of each font dict the subset touches, and reads the face's
 * whole CFF table to do it. The Noto CJK faces hold 65,535 glyphs whose
 * subroutines are shared across the font, so five pages of Japanese
 * embedded about 1 MB of fonts. A document is therefore drawn twice: once
 * on a trace that records, for each face Pango chose, the glyphs it set;
 * then HarfBuzz's subsetter (hb-subset.h) cuts each face down to those
 * glyphs (renumbered, without subroutines), and the PDF is drawn from the
 * very same Pango layouts (text.c keeps them), each glyph run shown with a
 * cairo font made from the subset face instead of the full one, by a
 * PangoRenderer of our own. cairo then subsets faces of a few hundred
 * glyphs.
 *
 * Nothing is shaped again, so the layout on the PDF is the layout that was
 * measured, and the subsets need no layout tables and no cmap. */
#define _POSIX_C_SOURCE 200809L
#include <cairo-ft.h>
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <hb.h>
#include <lauxlib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "canvas.h"
#include "job.h"
#include "options.h"

/* ---- recording ---- */

struct used_face {
    char *file; /* the face's font file and index, as fontconfig gave them */
    int index;
    hb_set_t *glyphs; /* glyph ids drawn from it (ligatures, vertical forms too) */
};

/* Created by c:record_fonts(), freed by sumi_font_use_free when its canvas
 * is released. */
struct sumi_font_use {
    struct used_face *faces;
    size_t count, cap;
    int failed; /* out of memory while recording: the record is incomplete */
    /* The layouts already recorded (text.c hands out the same layout for
     * the same text). Not held: text.c keeps them alive until it empties
     * its cache, and a new generation of the cache starts the set again. */
    GHashTable *seen;
    unsigned seen_generation;
};

void sumi_font_use_free(struct sumi_font_use *u) {
    if (u == NULL)
        return;
    for (size_t i = 0; i < u->count; i++) {
        free(u->faces[i].file);
        hb_set_destroy(u->faces[i].glyphs);
    }
    free(u->faces);
    if (u->seen != NULL)
        g_hash_table_unref(u->seen);
    free(u);
}

static struct used_face *face_for(struct sumi_font_use *u, const char *file, int index) {
    for (size_t i = 0; i < u->count; i++)
        if (u->faces[i].index == index && strcmp(u->faces[i].file, file) == 0)
            return &u->faces[i];
    if (u->count == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 8;
        struct used_face *f = realloc(u->faces, cap * sizeof *f);
        if (f == NULL)
            return NULL;
        u->faces = f;
        u->cap = cap;
    }
    struct used_face *f = &u->faces[u->count];
    f->file = strdup(file);
    f->index = index;
    f->glyphs = hb_set_create();
    if (f->file == NULL || !hb_set_allocation_successful(f->glyphs)) {
        free(f->file);
        hb_set_destroy(f->glyphs);
        return NULL;
    }
    u->count++;
    return f;
}

void sumi_font_use_record(struct sumi_font_use *u, PangoLayout *layout, unsigned generation) {
    if (u->seen == NULL)
        u->seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    if (u->seen_generation != generation) {
        g_hash_table_remove_all(u->seen);
        u->seen_generation = generation;
    }
    if (g_hash_table_contains(u->seen, layout))
        return;
    g_hash_table_add(u->seen, layout);
    for (GSList *line = pango_layout_get_lines_readonly(layout); line != NULL; line = line->next) {
        for (GSList *r = ((PangoLayoutLine *)line->data)->runs; r != NULL; r = r->next) {
            const PangoGlyphItem *run = r->data;
            if (!PANGO_IS_FC_FONT(run->item->analysis.font))
                continue;
            FcPattern *p = pango_fc_font_get_pattern(PANGO_FC_FONT(run->item->analysis.font));
            FcChar8 *file = NULL;
            int index = 0;
            if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch)
                continue;
            FcPatternGetInteger(p, FC_INDEX, 0, &index);
            /* A named instance of a variable font (its number in the high
             * bits) is not cut: its run is drawn from the whole face. */
            if (index >> 16 != 0)
                continue;
            struct used_face *f = face_for(u, (const char *)file, index);
            if (f == NULL) {
                u->failed = 1;
                return;
            }
            for (int i = 0; i < run->glyphs->num_glyphs; i++) {
                PangoGlyph g = run->glyphs->glyphs[i].glyph;
                if (!(g & PANGO_GLYPH_UNKNOWN_FLAG) && g != PANGO_GLYPH_EMPTY)
                    hb_set_add(f->glyphs, g);
            }
        }
    }
}

/* ---- the subset faces ---- */

struct subset_face {
    char *file; /* the original, as fontconfig gave it */
    int index;
    char *path;          /* the subset: a temporary file, removed when freed */
    hb_map_t *glyph_ids; /* the full face's glyph id -> the subset's */
};

/* Created by c:subset_fonts(), freed by sumi_font_subsets_free when its
 * canvas is released, after the surface is finished: cairo reads the files
 * when it embeds the fonts, at the end. */
struct sumi_font_subsets {
    struct subset_face *faces;
    size_t count;
    /* PangoFont (a reference) -> the cairo font that draws its glyphs
     * from the subset face */
    GHashTable *fonts;
};

/* How the glyphs of one Pango font are drawn: with a cairo font made from
 * the subset face and the glyph ids renumbered, or (ids NULL) with the
 * full face as Pango would. */
struct subset_font {
    cairo_scaled_font_t *font;
    const hb_map_t *ids;
};

static void subset_font_free(gpointer p) {
    struct subset_font *f = p;
    cairo_scaled_font_destroy(f->font);
    g_free(f);
}

void sumi_font_subsets_free(struct sumi_font_subsets *s) {
    if (s == NULL)
        return;
    if (s->fonts != NULL)
        g_hash_table_unref(s->fonts);
    for (size_t i = 0; i < s->count; i++) {
        free(s->faces[i].file);
        hb_map_destroy(s->faces[i].glyph_ids);
        if (s->faces[i].path != NULL) {
            g_unlink(s->faces[i].path);
            g_free(s->faces[i].path);
        }
    }
    free(s->faces);
    free(s);
}

/* The face's tables but its cmap. Given glyph ids, HarfBuzz 6 walks the
 * whole cmap to keep the characters of those glyphs: for a CJK face that
 * is two thirds of a subset's time. Nothing needs the characters: text is
 * never shaped with a subset, and the PDF's text comes from the clusters
 * the renderer gives cairo. */
static hb_blob_t *table_but_cmap(hb_face_t *face, hb_tag_t tag, void *original) {
    (void)face;
    if (tag == HB_TAG('c', 'm', 'a', 'p'))
        return hb_blob_get_empty();
    return hb_face_reference_table(original, tag);
}

/* Writes the subset of face f to a new private temporary file; its path in
 * *path, the new id of each recorded glyph in ids. NULL or a message. */
static const char *write_subset(const struct used_face *f, char **path, hb_map_t *ids) {
    *path = NULL;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->file);
    if (blob == NULL)
        return "cannot read the font file";
    hb_face_t *full = hb_face_create(blob, (unsigned)f->index);
    hb_blob_destroy(blob);
    hb_face_t *face =
        hb_face_create_for_tables(table_but_cmap, full, (hb_destroy_func_t)hb_face_destroy);
    hb_face_set_index(face, (unsigned)f->index);
    hb_face_set_upem(face, hb_face_get_upem(full));
    hb_face_set_glyph_count(face, hb_face_get_glyph_count(full));
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (input == NULL) {
        hb_face_destroy(face);
        return "out of memory";
    }
    hb_set_union(hb_subset_input_glyph_set(input), f->glyphs);
    /* Nothing is shaped with a subset, so no layout table is kept: without
     * them the subsetter has no alternates (aalt, jp78, vert...) to follow,
     * which was most of its time on a CJK face. */
    static const hb_tag_t layout_tables[] = {
        HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
        HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H')};
    for (size_t i = 0; i < sizeof layout_tables / sizeof layout_tables[0]; i++)
        hb_set_add(hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG), layout_tables[i]);
    /* Every name: cairo names the embedded font from it. */
    static const hb_subset_sets_t all[] = {HB_SUBSET_SETS_NAME_ID, HB_SUBSET_SETS_NAME_LANG_ID};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        hb_set_clear(hb_subset_input_set(input, all[i]));
        hb_set_invert(hb_subset_input_set(input, all[i]));
    }
    /* Charstrings without subroutines: cairo copies every local subroutine
     * of each font dict it touches, so subroutines kept for a few glyphs
     * would be embedded whole (the flagship's PDF is 130 KB this way against
     * 155 KB with them, bench/RESULTS.md). */
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, input);
    hb_subset_input_destroy(input);
    hb_face_destroy(face);
    if (plan == NULL)
        return "HarfBuzz cannot subset the face";
    /* The glyphs are renumbered: the layouts' glyph ids are mapped when they
     * are drawn (keeping the ids would write tables for all 65,535). */
    const hb_map_t *renumbered = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(f->glyphs, &g);)
        if (hb_map_has(renumbered, g))
            hb_map_set(ids, g, hb_map_get(renumbered, g));
    hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
    hb_subset_plan_destroy(plan);
    if (sub == NULL || !hb_map_allocation_successful(ids)) {
        hb_face_destroy(sub);
        return "HarfBuzz cannot subset the face";
    }
    hb_blob_t *out = hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    unsigned int len = 0;
    const char *data = hb_blob_get_data(out, &len);
    const char *err = NULL;
    GError *gerr = NULL;
    gchar *name = NULL;
    int fd = g_file_open_tmp("sumi-font-XXXXXX.otf", &name, &gerr);
    if (fd < 0) {
        err = "cannot create a temporary file in TMPDIR";
        g_clear_error(&gerr);
    } else {
        size_t done = 0;
        while (done < len) {
            ssize_t n = write(fd, data + done, len - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            done += (size_t)n;
        }
        if (close(fd) != 0 || done != len || len == 0) {
            err = "cannot write a temporary file";
            g_unlink(name);
            g_free(name);
            name = NULL;
        }
    }
    hb_blob_destroy(out);
    *path = name;
    return err;
}

/* The faces are cut side by side, one thread a processor: HarfBuzz works
 * on each face alone, and the faces of a document take about the same
 * time each (tens of milliseconds for a CJK face). */
struct subset_work {
    const struct sumi_font_use *use;
    struct sumi_font_subsets *subsets;
    const char **errors; /* per face */
    gint next;           /* the next face to take */
};

static gpointer subset_worker(gpointer data) {
    struct subset_work *w = data;
    for (;;) {
        gint i = g_atomic_int_add(&w->next, 1);
        if (i >= (gint)w->use->count)
            return NULL;
        struct subset_face *f = &w->subsets->faces[i];
        w->errors[i] = write_subset(&w->use->faces[i], &f->path, f->glyph_ids);
    }
}

static const char *make_subsets(const struct sumi_font_use *u, struct sumi_font_subsets *s,
                                lua_State *L) {
    s->faces = calloc(u->count ? u->count : 1, sizeof *s->faces);
    s->fonts =
        g_hash_table_new_full(g_direct_hash, g_direct_equal, g_object_unref, subset_font_free);
    if (s->faces == NULL)
        return "out of memory";
    for (size_t i = 0; i < u->count; i++) {
        struct subset_face *f = &s->faces[i];
        f->file = strdup(u->faces[i].file);
        f->index = u->faces[i].index;
        f->glyph_ids = hb_map_create();
        s->count++;
        if (f->file == NULL || !hb_map_allocation_successful(f->glyph_ids))
            return "out of memory";
    }
    const char **errors = calloc(u->count, sizeof *errors);
    if (errors == NULL)
        return "out of memory";
    struct subset_work work = {.use = u, .subsets = s, .errors = errors, .next = 0};
    GThread *helpers[8];
    int helper_count = 0, wanted = (int)MIN(u->count, (size_t)g_get_num_processors()) - 1;
    /* A thread that cannot be started (a process limit) leaves its share
     * to this one. */
    for (int i = 0; i < wanted && i < (int)G_N_ELEMENTS(helpers); i++) {
        GThread *t = g_thread_try_new("sumi-subset", subset_worker, &work, NULL);
        if (t == NULL)
            break;
        helpers[helper_count++] = t;
    }
    subset_worker(&work);
    for (int i = 0; i < helper_count; i++)
        g_thread_join(helpers[i]);
    const char *err = NULL;
    for (size_t i = 0; i < s->count; i++) {
        /* A parent that kills this process for time removes the file. */
        if (s->faces[i].path != NULL)
            sumi_job_announce_temp(L, s->faces[i].path);
        if (err == NULL)
            err = errors[i];
    }
    free(errors);
    return err;
}

/* The subset font for `font`: the same pattern (synthetic bold and slant
 * included) with the subset's file, at the same size, matrix and options.
 * The full face when the face was not recorded. NULL when cairo has no
 * font for it at all. */
static const struct subset_font *subset_font_for(struct sumi_font_subsets *s, PangoFont *font) {
    struct subset_font *kept = g_hash_table_lookup(s->fonts, font);
    if (kept != NULL)
        return kept;
    cairo_scaled_font_t *full = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    if (full == NULL)
        return NULL;
    struct subset_font *made = g_new0(struct subset_font, 1);
    made->font = cairo_scaled_font_reference(full);
    FcPattern *pattern =
        PANGO_IS_FC_FONT(font) ? pango_fc_font_get_pattern(PANGO_FC_FONT(font)) : NULL;
    FcChar8 *file = NULL;
    int index = 0;
    if (pattern != NULL && FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch) {
        FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
        for (size_t i = 0; i < s->count; i++) {
            if (s->faces[i].index != index || strcmp(s->faces[i].file, (const char *)file) != 0)
                continue;
            FcPattern *p = FcPatternDuplicate(pattern);
            if (p == NULL)
                break;
            FcPatternDel(p, FC_FILE);
            FcPatternDel(p, FC_INDEX);
            FcPatternAddString(p, FC_FILE, (const FcChar8 *)s->faces[i].path);
            FcPatternAddInteger(p, FC_INDEX, 0);
            cairo_font_face_t *face = cairo_ft_font_face_create_for_pattern(p);
            FcPatternDestroy(p);
            cairo_matrix_t font_matrix, ctm;
            cairo_scaled_font_get_font_matrix(full, &font_matrix);
            cairo_scaled_font_get_ctm(full, &ctm);
            cairo_font_options_t *options = cairo_font_options_create();
            cairo_scaled_font_get_font_options(full, options);
            cairo_scaled_font_t *sub = cairo_scaled_font_create(face, &font_matrix, &ctm, options);
            cairo_font_options_destroy(options);
            cairo_font_face_destroy(face);
            if (cairo_scaled_font_status(sub) == CAIRO_STATUS_SUCCESS) {
                cairo_scaled_font_destroy(made->font);
                made->font = sub;
                made->ids = s->faces[i].glyph_ids;
            } else {
                cairo_scaled_font_destroy(sub);
            }
            break;
        }
    }
    g_hash_table_insert(s->fonts, g_object_ref(font), made);
    return made;
}

/* The full face's font, for a run with a glyph the recording did not see
 * (drawn as Pango would: larger, never wrong). */
static const struct subset_font *full_font_for(PangoFont *font, struct subset_font *out) {
    out->font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    out->ids = NULL;
    return out->font != NULL ? out : NULL;
}

/* ---- drawing a layout with the subsets ----
 *
 * A PangoRenderer: Pango walks the layout (lines, runs, colours from
 * markup, underlines) and calls these with positions in Pango units. Glyph
 * runs go to cairo with their text and clusters, as pango_cairo_show_layout
 * does, so that text copied out of the PDF is the text that was set. */

typedef struct {
    PangoRenderer parent;
    cairo_t *cr;
    struct sumi_font_subsets *subsets;
} SubsetRenderer;

typedef struct {
    PangoRendererClass parent_class;
} SubsetRendererClass;

static GType subset_renderer_get_type(void);
G_DEFINE_TYPE(SubsetRenderer, subset_renderer, PANGO_TYPE_RENDERER)

/* The part's colour from the markup, when it has one; an alpha alone
 * applies to a solid source, as in pango_cairo_show_layout. Without either
 * the caller's source stays: set again here, a gradient would move with
 * the layout's origin (cairo locks a pattern to the matrix it is set
 * under). Called between cairo_save and cairo_restore. */
static void set_part_color(SubsetRenderer *r, PangoRenderPart part) {
    PangoColor *color = pango_renderer_get_color(&r->parent, part);
    guint16 alpha = pango_renderer_get_alpha(&r->parent, part);
    double red, green, blue;
    if (color != NULL)
        cairo_set_source_rgba(r->cr, color->red / 65535.0, color->green / 65535.0,
                              color->blue / 65535.0, alpha ? alpha / 65535.0 : 1.0);
    else if (alpha != 0 && cairo_pattern_get_rgba(cairo_get_source(r->cr), &red, &green, &blue,
                                                  NULL) == CAIRO_STATUS_SUCCESS)
        cairo_set_source_rgba(r->cr, red, green, blue, alpha / 65535.0);
}

/* A character no font has: an empty box where it stands (the run warns). */
static void draw_missing_box(SubsetRenderer *r, cairo_scaled_font_t *font, double x, double y,
                             double width) {
    cairo_font_extents_t fe;
    cairo_scaled_font_extents(font, &fe);
    cairo_save(r->cr);
    cairo_new_path(r->cr);
    cairo_rectangle(r->cr, x + width * 0.1, y - fe.ascent * 0.8, width * 0.8, fe.ascent * 0.9);
    cairo_set_line_width(r->cr, fmax(width * 0.05, 0.1));
    cairo_stroke(r->cr);
    cairo_restore(r->cr);
}

static void subset_draw_glyph_item(PangoRenderer *renderer, const char *text, PangoGlyphItem *item,
                                   int x, int y) {
    SubsetRenderer *r = (SubsetRenderer *)renderer;
    PangoGlyphString *gs = item->glyphs;
    PangoFont *pango_font = item->item->analysis.font;
    const struct subset_font *sf = subset_font_for(r->subsets, pango_font);
    struct subset_font full;
    for (int i = 0; sf != NULL && sf->ids != NULL && i < gs->num_glyphs; i++) {
        PangoGlyph g = gs->glyphs[i].glyph;
        if (g != PANGO_GLYPH_EMPTY && !(g & PANGO_GLYPH_UNKNOWN_FLAG) && !hb_map_has(sf->ids, g)) {
            sf = full_font_for(pango_font, &full);
            break;
        }
    }
    if (sf == NULL || gs->num_glyphs == 0)
        return;
    cairo_scaled_font_t *font = sf->font;
    cairo_save(r->cr);
    set_part_color(r, PANGO_RENDER_PART_FOREGROUND);
    cairo_set_scaled_font(r->cr, font);
    cairo_glyph_t *glyphs = g_new(cairo_glyph_t, gs->num_glyphs);
    /* shown[i]: glyph i is drawn (empty glyphs and missing characters are
     * not), so clusters count only those. */
    gboolean *shown = g_new0(gboolean, gs->num_glyphs);
    double base_x = (double)x / PANGO_SCALE, base_y = (double)y / PANGO_SCALE;
    int count = 0, at = 0;
    for (int i = 0; i < gs->num_glyphs; i++) {
        const PangoGlyphInfo *gi = &gs->glyphs[i];
        double gx = base_x + (double)(at + gi->geometry.x_offset) / PANGO_SCALE;
        double gy = base_y + (double)gi->geometry.y_offset / PANGO_SCALE;
        at += gi->geometry.width;
        if (gi->glyph == PANGO_GLYPH_EMPTY)
            continue;
        if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
            draw_missing_box(r, font, gx, gy, (double)gi->geometry.width / PANGO_SCALE);
            continue;
        }
        glyphs[count].index = sf->ids != NULL ? hb_map_get(sf->ids, gi->glyph) : gi->glyph;
        glyphs[count].x = gx;
        glyphs[count].y = gy;
        shown[i] = TRUE;
        count++;
    }
    int backward = item->item->analysis.level % 2;
    if (count > 0 && text != NULL) {
        cairo_text_cluster_t *clusters = g_new(cairo_text_cluster_t, gs->num_glyphs + 1);
        int n = 0;
        PangoGlyphItemIter iter;
        for (gboolean more = pango_glyph_item_iter_init_start(&iter, item, text); more;
             more = pango_glyph_item_iter_next_cluster(&iter)) {
            /* Right to left, a cluster's glyphs run down from start_glyph,
             * and cairo takes the glyphs from the end (BACKWARD). */
            int glyphs_in = 0;
            if (backward)
                for (int g = iter.start_glyph; g > iter.end_glyph; g--)
                    glyphs_in += shown[g] ? 1 : 0;
            else
                for (int g = iter.start_glyph; g < iter.end_glyph; g++)
                    glyphs_in += shown[g] ? 1 : 0;
            clusters[n].num_bytes = iter.end_index - iter.start_index;
            clusters[n].num_glyphs = glyphs_in;
            n++;
        }
        cairo_show_text_glyphs(r->cr, text + item->item->offset, item->item->length, glyphs, count,
                               clusters, n, backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
        g_free(clusters);
    } else if (count > 0) {
        cairo_show_glyphs(r->cr, glyphs, count);
    }
    cairo_restore(r->cr);
    g_free(shown);
    g_free(glyphs);
}

static void subset_draw_glyphs(PangoRenderer *renderer, PangoFont *font, PangoGlyphString *glyphs,
                               int x, int y) {
    PangoItem item = {0};
    item.analysis.font = font;
    PangoGlyphItem glyph_item = {.item = &item, .glyphs = glyphs};
    subset_draw_glyph_item(renderer, NULL, &glyph_item, x, y);
}

/* Underlines, strikethrough, backgrounds. */
static void subset_draw_rectangle(PangoRenderer *renderer, PangoRenderPart part, int x, int y,
                                  int width, int height) {
    SubsetRenderer *r = (SubsetRenderer *)renderer;
    cairo_save(r->cr);
    set_part_color(r, part);
    cairo_new_path(r->cr);
    cairo_rectangle(r->cr, (double)x / PANGO_SCALE, (double)y / PANGO_SCALE,
                    (double)width / PANGO_SCALE, (double)height / PANGO_SCALE);
    cairo_fill(r->cr);
    cairo_restore(r->cr);
}

static void subset_draw_trapezoid(PangoRenderer *renderer, PangoRenderPart part, double y1,
                                  double x11, double x21, double y2, double x12, double x22) {
    SubsetRenderer *r = (SubsetRenderer *)renderer;
    cairo_save(r->cr);
    set_part_color(r, part);
    cairo_new_path(r->cr);
    cairo_move_to(r->cr, x11, y1);
    cairo_line_to(r->cr, x21, y1);
    cairo_line_to(r->cr, x22, y2);
    cairo_line_to(r->cr, x12, y2);
    cairo_close_path(r->cr);
    cairo_fill(r->cr);
    cairo_restore(r->cr);
}

static void subset_renderer_init(SubsetRenderer *r) { (void)r; }

static void subset_renderer_class_init(SubsetRendererClass *klass) {
    PangoRendererClass *rc = PANGO_RENDERER_CLASS(klass);
    rc->draw_glyph_item = subset_draw_glyph_item;
    rc->draw_glyphs = subset_draw_glyphs;
    rc->draw_rectangle = subset_draw_rectangle;
    rc->draw_trapezoid = subset_draw_trapezoid;
}

void sumi_font_subsets_show_layout(struct sumi_font_subsets *s, cairo_t *cr, PangoLayout *layout) {
    SubsetRenderer *r = g_object_new(subset_renderer_get_type(), NULL);
    r->cr = cr;
    r->subsets = s;
    cairo_save(cr);
    pango_renderer_draw_layout(&r->parent, layout, 0, 0);
    cairo_restore(cr);
    g_object_unref(r);
}

/* ---- methods ---- */

/* c:record_fonts(): from now on, c notes the faces and glyphs of the
 * text drawn on it. */
static int canvas_record_fonts(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    if (c->font_use == NULL) {
        c->font_use = calloc(1, sizeof *c->font_use);
        if (c->font_use == NULL)
            return luaL_error(L, "record_fonts: out of memory");
    }
    return 0;
}

/* c:subset_fonts(recorded) -> number of faces, or nil and a message: from
 * now on, c draws its text from subsets of the faces recorded on
 * `recorded`. */
static int canvas_subset_fonts(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    sumi_canvas *rec = sumi_check_canvas(L, 2);
    /* opt_raise, not luaL_error: called through sumi.subset.prepare, the
     * error still names the script's line. */
    if (rec->font_use == NULL)
        return opt_raise(L, "the canvas given did not record its fonts (call record_fonts on it "
                            "first)");
    /* An incomplete record is the machine's problem too: the canvas keeps
     * the full fonts, as below. */
    if (rec->font_use->failed) {
        lua_pushnil(L);
        lua_pushstring(L, "cannot subset the fonts: out of memory while recording them");
        return 2;
    }
    if (c->subsets != NULL)
        return opt_raise(L, "the canvas already uses subset fonts");
    if (rec->subsets != NULL)
        return opt_raise(L, "the recording canvas must use the engine's own fonts");
    /* Nothing was written: there is nothing to cut, and text drawn later
     * comes from the full faces. */
    if (rec->font_use->count == 0) {
        lua_pushinteger(L, 0);
        return 1;
    }
    struct sumi_font_subsets *s = calloc(1, sizeof *s);
    if (s == NULL)
        return luaL_error(L, "subset_fonts: out of memory");
    /* A temporary folder that cannot be written, or a face HarfBuzz cannot
     * cut, is the machine's problem, not the script's: nil and a message,
     * and the canvas keeps the full fonts. */
    const char *err = make_subsets(rec->font_use, s, L);
    if (err != NULL) {
        sumi_font_subsets_free(s);
        lua_pushnil(L);
        lua_pushfstring(L, "cannot subset the fonts: %s", err);
        return 2;
    }
    c->subsets = s;
    lua_pushinteger(L, (lua_Integer)s->count);
    return 1;
}

static const luaL_Reg subset_methods[] = {
    {"record_fonts", canvas_record_fonts},
    {"subset_fonts", canvas_subset_fonts},
    {NULL, NULL},
};

void sumi_subset_add_methods(lua_State *L, int methods) {
    lua_pushvalue(L, methods);
    luaL_setfuncs(L, subset_methods, 0);
    opt_name_functions(L, "canvas:", subset_methods);
    lua_pop(L, 1);
}
