/* sumi.canvas font subsets: c:record_fonts() and c:subset_fonts(recorded).
 *
 * cairo 1.16 embeds a CFF font by subsetting it itself, but it keeps every
 * subroutine of each font dict the subset touches, and reads the face's
 * whole CFF table to do it. The Noto CJK faces hold 65,535 glyphs whose
 * subroutines are shared across the font, so five pages of Japanese
 * embedded about 1 MB of fonts. A document is therefore drawn twice: once
 * on a trace that records, for each face Pango chose, the characters and
 * glyphs it set; then HarfBuzz's subsetter (hb-subset.h) cuts each face down
 * to those, subroutines included, and the PDF is drawn with a font map that
 * offers the small faces in place of the large ones. cairo then subsets
 * faces of a few hundred glyphs.
 *
 * Pango must choose the same font for every character as it did on the
 * trace, or the layout would change between the passes. The font map's
 * FcConfig therefore holds the very patterns of the faces that were used
 * (family, style, weight, languages: what fontconfig sorts by), with only
 * the file, face index and character set replaced by the subset's, and the
 * same rules (fonts/sumi-fonts.conf without its font folders). A character
 * is drawn by the first font in the sorted list that has it; every font that
 * lacks it now lacked it before too, and the font that drew it has it, so
 * each recorded character lands on the same face. HarfBuzz keeps the
 * advances (hmtx, vmtx) and the layout lookups (all features) of the kept
 * glyphs, so the glyphs land where they did. tests/lua checks both with a
 * trace drawn before and after. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <hb.h>
#include <lauxlib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "canvas.h"
#include "fonts.h"
#include "runlimits.h"

/* ---- recording ---- */

struct used_face {
    char *file; /* the face's font file and index, as fontconfig gave them */
    int index;
    hb_set_t *unicodes; /* characters set in it */
    hb_set_t *glyphs;   /* glyph ids drawn from it (ligatures, vertical forms) */
};

/* Created by c:record_fonts(), freed by sumi_font_use_free when its canvas
 * is released. */
struct sumi_font_use {
    struct used_face *faces;
    size_t count, cap;
    int failed; /* out of memory while recording: the record is incomplete */
};

void sumi_font_use_free(struct sumi_font_use *u) {
    if (u == NULL)
        return;
    for (size_t i = 0; i < u->count; i++) {
        free(u->faces[i].file);
        hb_set_destroy(u->faces[i].unicodes);
        hb_set_destroy(u->faces[i].glyphs);
    }
    free(u->faces);
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
    f->unicodes = hb_set_create();
    f->glyphs = hb_set_create();
    if (f->file == NULL || !hb_set_allocation_successful(f->unicodes) ||
        !hb_set_allocation_successful(f->glyphs)) {
        free(f->file);
        hb_set_destroy(f->unicodes);
        hb_set_destroy(f->glyphs);
        return NULL;
    }
    u->count++;
    return f;
}

void sumi_font_use_record(struct sumi_font_use *u, PangoLayout *layout) {
    const char *text = pango_layout_get_text(layout);
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        if (run == NULL || !PANGO_IS_FC_FONT(run->item->analysis.font))
            continue;
        FcPattern *p = pango_fc_font_get_pattern(PANGO_FC_FONT(run->item->analysis.font));
        FcChar8 *file = NULL;
        int index = 0;
        if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch)
            continue;
        FcPatternGetInteger(p, FC_INDEX, 0, &index);
        struct used_face *f = face_for(u, (const char *)file, index);
        if (f == NULL) {
            u->failed = 1;
            break;
        }
        const char *s = text + run->item->offset, *end = s + run->item->length;
        for (; s < end; s = g_utf8_next_char(s))
            hb_set_add(f->unicodes, g_utf8_get_char(s));
        for (int i = 0; i < run->glyphs->num_glyphs; i++) {
            PangoGlyph g = run->glyphs->glyphs[i].glyph;
            if (!(g & PANGO_GLYPH_UNKNOWN_FLAG) && g != PANGO_GLYPH_EMPTY)
                hb_set_add(f->glyphs, g);
        }
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
}

/* ---- the subset faces ---- */

/* Created by c:subset_fonts(), freed by sumi_font_subsets_free when its
 * canvas is released, after the surface is finished: cairo reads the files
 * when it embeds the fonts, at the end. */
struct sumi_font_subsets {
    PangoFontMap *map;
    char **paths; /* the subset files, removed when freed */
    size_t count;
};

void sumi_font_subsets_free(struct sumi_font_subsets *s) {
    if (s == NULL)
        return;
    if (s->map != NULL) {
        /* Pango 1.50 keeps its reference to the FcConfig when the map is
         * finalized (LeakSanitizer shows the subsets' patterns): taking the
         * config off the map first makes Pango drop it. */
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(s->map), NULL);
        g_object_unref(s->map);
    }
    for (size_t i = 0; i < s->count; i++) {
        g_unlink(s->paths[i]);
        g_free(s->paths[i]);
    }
    free(s->paths);
    free(s);
}

PangoFontMap *sumi_font_subsets_map(struct sumi_font_subsets *s) { return s->map; }

/* The pattern fontconfig listed the face with (not the one Pango rendered
 * with, which carries size, matrix and hinting), or NULL. */
static FcPattern *listed_pattern(FcConfig *config, const char *file, int index) {
    FcFontSet *set = FcConfigGetFonts(config, FcSetSystem);
    for (int i = 0; set != NULL && i < set->nfont; i++) {
        FcChar8 *f = NULL;
        int idx = 0;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &f) != FcResultMatch ||
            FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &idx) != FcResultMatch)
            continue;
        if (idx == index && strcmp((const char *)f, file) == 0)
            return set->fonts[i];
    }
    return NULL;
}

/* The subset with the original's BASE table put back. HarfBuzz 6 drops
 * BASE, but Pango aligns the runs of a line by their fonts' baselines: when
 * a line mixed a full face and a subset one, or two subsets, text moved by
 * 0.1 pt against the layout. BASE refers to glyphs only in BaseCoord format
 * 2, which the Noto CJK faces do not use. */
static hb_face_t *add_base_table(hb_face_t *subset, hb_face_t *orig) {
    /* A face made by a builder cannot list its tables (HarfBuzz 6): read
     * the subset back from its bytes. */
    hb_blob_t *bytes = hb_face_reference_blob(subset);
    hb_face_t *sub = hb_face_create(bytes, 0);
    hb_blob_destroy(bytes);
    hb_face_t *b = hb_face_builder_create();
    hb_tag_t tags[32];
    unsigned int start = 0, n;
    do {
        n = sizeof tags / sizeof tags[0];
        hb_face_get_table_tags(sub, start, &n, tags);
        for (unsigned int i = 0; i < n; i++) {
            hb_blob_t *t = hb_face_reference_table(sub, tags[i]);
            hb_face_builder_add_table(b, tags[i], t);
            hb_blob_destroy(t);
        }
        start += n;
    } while (n == sizeof tags / sizeof tags[0]);
    hb_blob_t *base = hb_face_reference_table(orig, HB_TAG('B', 'A', 'S', 'E'));
    if (hb_blob_get_length(base) > 0)
        hb_face_builder_add_table(b, HB_TAG('B', 'A', 'S', 'E'), base);
    hb_blob_destroy(base);
    hb_face_destroy(sub);
    return b;
}

/* Writes the subset of face f to a new private temporary file; its path in
 * *path. NULL or a message. */
static const char *write_subset(const struct used_face *f, char **path) {
    *path = NULL;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->file);
    if (blob == NULL)
        return "cannot read the font file";
    hb_face_t *face = hb_face_create(blob, (unsigned)f->index);
    hb_blob_destroy(blob);
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (input == NULL) {
        hb_face_destroy(face);
        return "out of memory";
    }
    hb_set_union(hb_subset_input_unicode_set(input), f->unicodes);
    hb_set_union(hb_subset_input_glyph_set(input), f->glyphs);
    /* Every layout feature (a script may ask for any: tnum, palt, vert...)
     * and every name: cairo names the embedded font from it. */
    static const hb_subset_sets_t all[] = {HB_SUBSET_SETS_LAYOUT_FEATURE_TAG,
                                           HB_SUBSET_SETS_NAME_ID, HB_SUBSET_SETS_NAME_LANG_ID};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        hb_set_clear(hb_subset_input_set(input, all[i]));
        hb_set_invert(hb_subset_input_set(input, all[i]));
    }
    /* Charstrings without subroutines: cairo copies every local subroutine
     * of each font dict it touches, so subroutines HarfBuzz kept for a few
     * glyphs would be embedded whole. The flagship's PDF is 130 KB this way
     * against 155 KB with subroutines (bench/RESULTS.md). */
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
    hb_face_t *sub = hb_subset_or_fail(face, input);
    hb_subset_input_destroy(input);
    if (sub == NULL) {
        hb_face_destroy(face);
        return "HarfBuzz cannot subset the face";
    }
    hb_face_t *with_base = add_base_table(sub, face);
    hb_face_destroy(sub);
    hb_face_destroy(face);
    hb_blob_t *out = hb_face_reference_blob(with_base);
    hb_face_destroy(with_base);
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

/* Puts the subset faces into config in place of the patterns fontconfig
 * made when scanning them: each gets the pattern of its original, with the
 * subset's file, index and characters. */
static const char *replace_patterns(FcConfig *config, FcConfig *original,
                                    const struct sumi_font_use *u) {
    FcFontSet *set = FcConfigGetFonts(config, FcSetApplication);
    if (set == NULL || (size_t)set->nfont != u->count)
        return "fontconfig did not take the subset faces";
    for (int i = 0; i < set->nfont; i++) {
        FcPattern *scanned = set->fonts[i];
        const struct used_face *f = &u->faces[i];
        FcPattern *orig = listed_pattern(original, f->file, f->index);
        FcChar8 *file = NULL;
        FcCharSet *chars = NULL;
        if (orig == NULL)
            return "a face is not one of the engine's fonts";
        if (FcPatternGetString(scanned, FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetCharSet(scanned, FC_CHARSET, 0, &chars) != FcResultMatch)
            return "fontconfig cannot read a subset face";
        FcPattern *p = FcPatternDuplicate(orig);
        if (p == NULL || !FcPatternDel(p, FC_FILE) || !FcPatternAddString(p, FC_FILE, file) ||
            (FcPatternDel(p, FC_INDEX), !FcPatternAddInteger(p, FC_INDEX, 0)) ||
            (FcPatternDel(p, FC_CHARSET), !FcPatternAddCharSet(p, FC_CHARSET, chars))) {
            if (p != NULL)
                FcPatternDestroy(p);
            return "out of memory";
        }
        FcPatternDestroy(scanned);
        set->fonts[i] = p;
    }
    return NULL;
}

static const char *make_subsets(const struct sumi_font_use *u, struct sumi_font_subsets *s,
                                lua_State *L) {
    FcConfig *original = sumi_fonts_config();
    if (original == NULL)
        return "the engine's font configuration did not load";
    s->paths = calloc(u->count ? u->count : 1, sizeof *s->paths);
    if (s->paths == NULL)
        return "out of memory";
    for (size_t i = 0; i < u->count; i++) {
        const char *err = write_subset(&u->faces[i], &s->paths[i]);
        if (err != NULL)
            return err;
        s->count++;
        /* A parent that kills this process for time removes the file. */
        sumi_limits_notify_temp(L, s->paths[i]);
    }
    FcConfig *config = sumi_fonts_rules_config();
    if (config == NULL)
        return "cannot load the engine's font rules";
    const char *err = NULL;
    for (size_t i = 0; i < s->count && err == NULL; i++)
        if (!FcConfigAppFontAddFile(config, (const FcChar8 *)s->paths[i]))
            err = "fontconfig cannot read a subset face";
    if (err == NULL)
        err = replace_patterns(config, original, u);
    if (err == NULL) {
        s->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
        if (s->map == NULL)
            err = "cannot create a font map";
        else
            pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(s->map), config);
    }
    FcConfigDestroy(config); /* the font map keeps its own reference */
    return err;
}

/* ---- methods ---- */

/* c:record_fonts(): from now on, c notes the faces and characters of the
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
 * now on, c sets text with subsets of the faces recorded on `recorded`. */
static int canvas_subset_fonts(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    sumi_canvas *rec = sumi_check_canvas(L, 2);
    if (rec->font_use == NULL)
        return luaL_argerror(L, 2, "the canvas did not record its fonts (call record_fonts first)");
    if (rec->font_use->failed)
        return luaL_error(L, "subset_fonts: out of memory while recording fonts");
    if (c->subsets != NULL)
        return luaL_error(L, "subset_fonts: the canvas already uses subset fonts");
    if (rec->subsets != NULL)
        return luaL_argerror(L, 2, "the recording canvas must use the engine's own fonts");
    /* Nothing was written: there is nothing to embed, and a font map
     * without fonts would only turn text drawn later into boxes. */
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
    /* Text measured so far used the full faces: the next text call makes a
     * context on the subset map. */
    g_clear_object(&c->pango);
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
    lua_pop(L, 1);
}
