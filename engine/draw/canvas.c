/* sumi.canvas: cairo surfaces (PDF, PNG, SVG), traces, and the drawing primitives on
 * them. Angles are in degrees; lengths in user units (points on PDF and SVG
 * canvases and mm-sized PNGs, pixels on pixel-sized PNGs).
 *
 * This file holds the surfaces, their life cycle, pages, state and the
 * module's tables; canvas_paint.c the paths, paint, gradients and images. */
#define _POSIX_C_SOURCE 200809L
#include "canvas.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib.h>
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "canvas_internal.h"
#include "color.h"
#include "numtext.h"
#include "options.h"
#include "fonts.h"
#include "pdf_finish.h"
#include "pdf_repair.h"
#include "access.h"
#include "job.h"
#include "sumi_png.h"

/* cairo keeps coordinates in 24.8 fixed point: beyond about 8 million device
 * units they wrap around silently. */
#define DEVICE_LIMIT 8.0e6
#define PNG_PIXEL_LIMIT 32767.0

static const double mm_to_pt = 72.0 / 25.4;

/* ---- life cycle ---- */

static sumi_canvas *push_closed_canvas(lua_State *L) {
    sumi_canvas *c = lua_newuserdatauv(L, sizeof *c, 0);
    memset(c, 0, sizeof *c);
    luaL_setmetatable(L, SUMI_CANVAS_TYPE);
    return c;
}

/* One idempotent release for close, discard, __gc and __close. */
static void free_meta(struct sumi_pdf_meta *m);

static void release(sumi_canvas *c) {
    if (c->cr != NULL) {
        cairo_destroy(c->cr);
        c->cr = NULL;
    }
    if (c->surface != NULL) {
        cairo_surface_finish(c->surface);
        cairo_surface_destroy(c->surface);
        c->surface = NULL;
    }
    sumi_sink_free(c->sink);
    c->sink = NULL;
    sumi_font_use_free(c->font_use);
    c->font_use = NULL;
    sumi_font_subsets_free(c->subsets);
    c->subsets = NULL;
    free_meta(c->pdf);
    c->pdf = NULL;
}

sumi_canvas *sumi_check_canvas(lua_State *L, int idx) {
    sumi_canvas *c = luaL_checkudata(L, idx, SUMI_CANVAS_TYPE);
    if (c->surface == NULL)
        luaL_error(L, "attempt to use a closed canvas");
    return c;
}

static const char *kind_name(const sumi_canvas *c) {
    static const char *const names[] = {"pdf", "png", "svg", "trace"};
    return names[c->kind];
}

/* Reports cairo's first error (cairo errors are sticky and silent). */
void canvas_check_status(lua_State *L, sumi_canvas *c) {
    cairo_status_t st = cairo_status(c->cr);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(c->surface);
    if (st != CAIRO_STATUS_SUCCESS)
        luaL_error(L, "drawing failed: %s", cairo_status_to_string(st));
    if (c->sink != NULL && sumi_sink_error(c->sink) != NULL)
        luaL_error(L, "drawing failed: %s", sumi_sink_error(c->sink));
}

static cairo_status_t write_to_file(void *closure, const unsigned char *data, unsigned int length) {
    FILE *f = closure;
    return fwrite(data, 1, length, f) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

void sumi_canvas_check_point(lua_State *L, sumi_canvas *c, double x, double y) {
    if (!isfinite(x) || !isfinite(y))
        luaL_error(L, "coordinate is not a finite number");
    cairo_user_to_device(c->cr, &x, &y);
    if (fabs(x) > DEVICE_LIMIT || fabs(y) > DEVICE_LIMIT)
        luaL_error(L, "coordinate out of range (device position %f, %f; the limit is %f)", x, y,
                   DEVICE_LIMIT);
}

/* ---- creating canvases ---- */

static const char *const page_size_names[] = {"A3",     "A4",    "A5",   "B4",  "B5",
                                              "letter", "legal", "16:9", "4:3", NULL};
/* Width and height in points; B sizes are JIS (Japanese). 16:9 and 4:3 are
 * slide pages 10 inches wide. */
static const double page_sizes[][2] = {
    {297 * mm_to_pt, 420 * mm_to_pt},
    {210 * mm_to_pt, 297 * mm_to_pt},
    {148 * mm_to_pt, 210 * mm_to_pt},
    {257 * mm_to_pt, 364 * mm_to_pt},
    {182 * mm_to_pt, 257 * mm_to_pt},
    {612, 792},
    {612, 1008},
    {720, 405},
    {720, 540},
};

/* *w and *h come in as the size to start from (A4 for a new PDF, the current
 * page for new_page) and go out as the size the options ask for. */
static void read_page_size(lua_State *L, int opts, double *w, double *h) {
    if (opt_has(L, opts, "size")) {
        int size = opt_enum(L, opts, "size", 1, page_size_names);
        *w = page_sizes[size][0];
        *h = page_sizes[size][1];
    }
    if (opt_has(L, opts, "width") || opt_has(L, opts, "height")) {
        *w = opt_number(L, opts, "width", *w, 1, 14400); /* PDF 32000 Annex C.2: 200 in */
        *h = opt_number(L, opts, "height", *h, 1, 14400);
    }
    static const char *const orientations[] = {"portrait", "landscape", NULL};
    int landscape = opt_enum(L, opts, "orientation", -1, orientations);
    if ((landscape == 1 && *w < *h) || (landscape == 0 && *w > *h)) {
        double t = *w;
        *w = *h;
        *h = t;
    }
}

/* A size the caller must give: opt_number leaves an absent key at its
 * default without a range check, and a 0 default made a 0-pixel surface that
 * failed only at close(). */
static double required_size(lua_State *L, int opts, const char *key, double min, double max) {
    if (!opt_has(L, opts, key)) {
        opt_push_range(L, min, max);
        opt_raise(L, "option '%s' is missing (%s)", key, lua_tostring(L, -1));
    }
    return opt_number(L, opts, key, min, min, max);
}

/* Pushes the output path: the one given, or the run's default for ext
 * (the constructor's name too), once the run's file rules allow it. */
static const char *output_path(lua_State *L, int arg, const char *ext) {
    const char *path;
    if (lua_isnoneornil(L, arg)) {
        path = sumi_default_output(L, ext);
    } else {
        path = luaL_checkstring(L, arg);
        lua_pushstring(L, path);
    }
    sumi_check_write(L, path, ext);
    return path;
}

static void open_output(lua_State *L, sumi_canvas *c, const char *path) {
    char err[512];
    int failed = sumi_job_checking(L)
                     ? sumi_output_open_discarded(&c->output, path, err, sizeof err)
                     : sumi_output_open(&c->output, path, err, sizeof err);
    if (failed != 0)
        luaL_error(L, "%s", err);
    /* A parent that kills this process for time removes the file. */
    sumi_job_announce_temp(L, c->output.temp_path);
}

/* The canvas of an output file, pushed closed with its temporary file open:
 * the path from argument 1, or the run's default output for ext. */
static sumi_canvas *push_output_canvas(lua_State *L, const char *ext, enum sumi_canvas_kind kind) {
    const char *path = output_path(L, 1, ext);
    sumi_canvas *c = push_closed_canvas(L);
    open_output(L, c, path);
    c->kind = kind;
    return c;
}

/* canvas.png(false, ...), canvas.svg(false, ...), canvas.trace(false, ...):
 * no file; close() returns the bytes (the PowerPoint export embeds charts
 * this way). */
static int in_memory(lua_State *L) { return lua_isboolean(L, 1) && !lua_toboolean(L, 1); }

static sumi_canvas *push_canvas_or_memory(lua_State *L, const char *ext,
                                          enum sumi_canvas_kind kind) {
    if (!in_memory(L))
        return push_output_canvas(L, ext, kind);
    sumi_canvas *c = push_closed_canvas(L);
    c->kind = kind;
    return c;
}

static void finish_setup(lua_State *L, sumi_canvas *c, int canvas_idx) {
    c->cr = cairo_create(c->surface);
    cairo_status_t st = cairo_status(c->cr);
    if (st != CAIRO_STATUS_SUCCESS) {
        release(c);
        sumi_output_abort(&c->output);
        luaL_error(L, "cannot create canvas: %s", cairo_status_to_string(st));
    }
    cairo_scale(c->cr, c->device_scale, c->device_scale);
    c->pages = 1;
    if (c->output.file != NULL)
        sumi_pending_add(L, canvas_idx);
}

/* The date of a PDF: only SOURCE_DATE_EPOCH's, so reruns give the same
 * bytes; -1 for none. */
static long long pdf_date(void) {
    long long v;
    return sumi_source_date_epoch(&v) == 1 ? v : -1;
}

static void set_pdf_date(cairo_surface_t *surface, long long when) {
    /* Without a date cairo would stamp /CreationDate with the wall clock; a
     * date it cannot parse (the empty string) makes it leave the entry out,
     * which PDF 32000-1 14.3.3 allows: the file then carries no date. */
    char date[32] = "";
    time_t t = (time_t)when;
    struct tm tm;
    if (when >= 0 && gmtime_r(&t, &tm) != NULL)
        strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    if (date[0] != '\0')
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

char *sumi_canvas_copy_text(lua_State *L, const char *s) {
    char *copy = s != NULL ? strdup(s) : NULL;
    if (s != NULL && copy == NULL)
        luaL_error(L, "out of memory");
    return copy;
}

static void free_meta(struct sumi_pdf_meta *m) {
    if (m != NULL) {
        sumi_pdf_meta_free(m);
        free(m);
    }
}

/* What pdf_finish.c needs of a tagged or PDF/A canvas. Checked (make = 0)
 * before the canvas is made, so that a bad option leaves no output behind;
 * then made. NULL when it is neither. */
static struct sumi_pdf_meta *read_pdf_meta(lua_State *L, int opts, int make) {
    int tagged = opt_boolean(L, opts, "tagged", 0);
    int pdfa = opt_has(L, opts, "pdfa") ? opt_boolean(L, opts, "pdfa", 0) : sumi_job_pdfa(L);
    const char *fontconfig;
    const char *lang =
        opt_has(L, opts, "lang") ? sumi_fonts_lang_option(L, opts, NULL, &fontconfig) : NULL;
    /* The metadata goes into PDF text strings and XMP: UTF-8 only. */
    static const char *const texts[] = {"title", "author", "subject", "keywords", NULL};
    for (int i = 0; texts[i] != NULL; i++) {
        const char *v = opt_string(L, opts, texts[i], NULL);
        if (v != NULL && !g_utf8_validate(v, -1, NULL)) {
            lua_getfield(L, opts, texts[i]);
            opt_fail(L, texts[i], "UTF-8 text", -1);
        }
    }
    if (lang != NULL && !tagged && !pdfa)
        return opt_raise(L, "option 'lang' is the language of a tagged or PDF/A file; give "
                            "tagged = true or pdfa = true with it"),
               NULL;
    if (!tagged && !pdfa)
        return NULL;
    const char *title = opt_string(L, opts, "title", NULL);
    if (tagged && (title == NULL || title[0] == '\0'))
        return opt_raise(L, "a tagged PDF needs option 'title' (PDF/UA-1 shows it as the "
                            "window's title)"),
               NULL;
    if (tagged && lang == NULL)
        return opt_raise(L, "a tagged PDF needs option 'lang' (the language a screen reader "
                            "reads it in)"),
               NULL;
    if (!make)
        return NULL;
    struct sumi_pdf_meta *m = calloc(1, sizeof *m);
    if (m == NULL)
        luaL_error(L, "out of memory");
    m->tagged = tagged;
    m->pdfa = pdfa;
    m->date = -1; /* canvas.pdf sets it, from the date cairo is given */
    m->title = sumi_canvas_copy_text(L, opt_string(L, opts, "title", NULL));
    m->author = sumi_canvas_copy_text(L, opt_string(L, opts, "author", NULL));
    m->subject = sumi_canvas_copy_text(L, opt_string(L, opts, "subject", NULL));
    m->keywords = sumi_canvas_copy_text(L, opt_string(L, opts, "keywords", NULL));
    m->lang = sumi_canvas_copy_text(L, lang);
    return m;
}

static int canvas_pdf(lua_State *L) {
    static const char *const keys[] = {"size",   "width",  "height",  "orientation",
                                       "title",  "author", "subject", "keywords",
                                       "tagged", "lang",   "pdfa",    NULL};
    opt_check_keys(L, 2, keys);
    double w = page_sizes[1][0], h = page_sizes[1][1]; /* A4 */
    read_page_size(L, 2, &w, &h);
    const char *title = opt_string(L, 2, "title", NULL);
    const char *author = opt_string(L, 2, "author", NULL);
    const char *subject = opt_string(L, 2, "subject", NULL);
    const char *keywords = opt_string(L, 2, "keywords", NULL);
    read_pdf_meta(L, 2, 0);
    sumi_canvas *c = push_output_canvas(L, "pdf", SUMI_CANVAS_PDF);
    c->pdf = read_pdf_meta(L, 2, 1);
    long long date = pdf_date();
    if (c->pdf != NULL)
        c->pdf->date = date;
    int idx = lua_gettop(L);
    c->width = w;
    c->height = h;
    c->device_scale = 1;
    c->surface = cairo_pdf_surface_create_for_stream(write_to_file, c->output.file, w, h);
    cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_CREATOR, "sumi " SUMI_VERSION);
    if (title)
        cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_TITLE, title);
    if (author)
        cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_AUTHOR, author);
    if (subject)
        cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_SUBJECT, subject);
    if (keywords)
        cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
    set_pdf_date(c->surface, date);
    finish_setup(L, c, idx);
    return 1;
}

/* The background option, checked before the canvas is made: a bad colour
 * must not leave a half-made output behind. */
static struct sumi_rgba read_background(lua_State *L, int opts, const char *def) {
    const char *background = opt_string(L, opts, "background", def);
    struct sumi_rgba bg;
    if (!sumi_color_parse(background, &bg)) {
        lua_getfield(L, opts, "background");
        opt_fail(L, "background", "a colour (\"#rrggbb\", \"#rrggbbaa\" or a name)", -1);
    }
    return bg;
}

static void paint_background(sumi_canvas *c, struct sumi_rgba bg) {
    if (bg.a > 0) {
        cairo_save(c->cr);
        cairo_set_source_rgba(c->cr, bg.r, bg.g, bg.b, bg.a);
        if (c->sink != NULL)
            sumi_sink_paint(c->sink, c->cr);
        else
            cairo_paint(c->cr);
        cairo_restore(c->cr);
    }
}

static int canvas_png(lua_State *L) {
    static const char *const keys[] = {"width", "height",     "width_mm", "height_mm",
                                       "dpi",   "background", NULL};
    opt_check_keys(L, 2, keys);
    double px_w, px_h, scale = 1;
    if (opt_has(L, 2, "width_mm") || opt_has(L, 2, "height_mm")) {
        if (opt_has(L, 2, "width") || opt_has(L, 2, "height"))
            return opt_raise(L, "give either width and height (pixels) or width_mm and "
                                "height_mm, not both");
        double dpi = opt_number(L, 2, "dpi", 300, 10, 2400);
        double wmm = required_size(L, 2, "width_mm", 1, 5000);
        double hmm = required_size(L, 2, "height_mm", 1, 5000);
        /* User units stay points, so one drawing serves PDF and PNG alike. */
        scale = dpi / 72.0;
        px_w = ceil(wmm * mm_to_pt * scale);
        px_h = ceil(hmm * mm_to_pt * scale);
        if (px_w > PNG_PIXEL_LIMIT || px_h > PNG_PIXEL_LIMIT)
            return luaL_error(L, "png of %f x %f pixels is larger than %f a side", px_w, px_h,
                              PNG_PIXEL_LIMIT);
    } else {
        if (opt_has(L, 2, "dpi"))
            return opt_raise(L, "option 'dpi' goes with width_mm and height_mm; width and "
                                "height are already pixels");
        px_w = floor(required_size(L, 2, "width", 1, PNG_PIXEL_LIMIT));
        px_h = floor(required_size(L, 2, "height", 1, PNG_PIXEL_LIMIT));
    }
    if (px_w * px_h > PNG_AREA_LIMIT)
        return luaL_error(L,
                          "png of %d x %d pixels is past the limit of 100 million pixels "
                          "(400 MB of image); make it smaller or lower the dpi",
                          (int)px_w, (int)px_h);
    struct sumi_rgba background = read_background(L, 2, "white");
    sumi_canvas *c = push_canvas_or_memory(L, "png", SUMI_CANVAS_PNG);
    int idx = lua_gettop(L);
    c->device_scale = scale;
    c->width = px_w / scale;
    c->height = px_h / scale;
    c->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)px_w, (int)px_h);
    finish_setup(L, c, idx);
    paint_background(c, background);
    return 1;
}

/* A canvas drawn by the sink (svg.c or trace.c): cairo only builds paths
 * and keeps the state, on a scratch surface nothing reads. */
static void open_sink(lua_State *L, sumi_canvas *c, enum sumi_sink_format format) {
    c->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    c->sink = sumi_sink_new(format, c->width, c->height);
    if (c->sink == NULL || cairo_surface_status(c->surface) != CAIRO_STATUS_SUCCESS) {
        release(c);
        sumi_output_abort(&c->output);
        luaL_error(L, "cannot create canvas: out of memory");
    }
}

static int canvas_svg(lua_State *L) {
    static const char *const keys[] = {"width", "height", "background", "text", NULL};
    static const char *const text_modes[] = {"text", "outline", NULL};
    opt_check_keys(L, 2, keys);
    double w = required_size(L, 2, "width", 1, SIZE_LIMIT);
    double h = required_size(L, 2, "height", 1, SIZE_LIMIT);
    struct sumi_rgba background = read_background(L, 2, "transparent");
    int outline = opt_enum(L, 2, "text", 0, text_modes);
    if (outline && in_memory(L))
        return opt_raise(L,
                         "text = \"outline\" is cairo's own SVG, written to a file: give a path");
    sumi_canvas *c = push_canvas_or_memory(L, "svg", SUMI_CANVAS_SVG);
    int idx = lua_gettop(L);
    c->device_scale = 1;
    c->width = w;
    c->height = h;
    if (outline) {
        /* cairo's own SVG: every glyph an outline, as before "text" existed. */
        c->surface = cairo_svg_surface_create_for_stream(write_to_file, c->output.file, w, h);
        cairo_svg_surface_set_document_unit(c->surface, CAIRO_SVG_UNIT_PT);
    } else {
        open_sink(L, c, SUMI_SINK_SVG);
    }
    finish_setup(L, c, idx);
    paint_background(c, background);
    return 1;
}

static int canvas_trace(lua_State *L) {
    static const char *const keys[] = {"width", "height", "background", NULL};
    opt_check_keys(L, 2, keys);
    double w = required_size(L, 2, "width", 1, SIZE_LIMIT);
    double h = required_size(L, 2, "height", 1, SIZE_LIMIT);
    struct sumi_rgba background = read_background(L, 2, "transparent");
    sumi_canvas *c = push_canvas_or_memory(L, "trace", SUMI_CANVAS_TRACE);
    int idx = lua_gettop(L);
    c->device_scale = 1;
    c->width = w;
    c->height = h;
    open_sink(L, c, SUMI_SINK_TRACE);
    finish_setup(L, c, idx);
    paint_background(c, background);
    return 1;
}

/* ---- closing ---- */

/* Finishes the drawing into the temporary file. Inside `sumi render` the file
 * is published when the whole script has succeeded; elsewhere right away. */
static int canvas_close(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    sumi_tags_check_closed(L, c);
    while (c->nesting > 0) { /* unbalanced save() is harmless at the end */
        cairo_restore(c->cr);
        c->nesting--;
    }
    cairo_status_t st = cairo_status(c->cr);
    int returns_text = 0;
    if (c->sink != NULL && st == CAIRO_STATUS_SUCCESS) {
        size_t len = 0;
        const char *bytes = sumi_sink_finish(c->sink, &len);
        if (bytes == NULL) {
            lua_pushfstring(L, "cannot finish canvas: %s", sumi_sink_error(c->sink));
            release(c);
            sumi_output_abort(&c->output);
            sumi_pending_remove(L, 1);
            return lua_error(L);
        }
        if (c->output.file != NULL && fwrite(bytes, 1, len, c->output.file) != len)
            st = CAIRO_STATUS_WRITE_ERROR;
        /* A trace is also the return value: a script may read its own
         * drawing before the file is published at the end of the run. */
        if (c->kind == SUMI_CANVAS_TRACE || c->output.file == NULL) {
            lua_pushlstring(L, bytes, len);
            returns_text = 1;
        }
    }
    if (c->kind == SUMI_CANVAS_PNG && st == CAIRO_STATUS_SUCCESS) {
        /* png.c, not cairo's writer: libpng's default settings made encoding
         * most of the time of a small chart (bench/RESULTS.md). */
        char err[256];
        char *memory = NULL;
        size_t memory_len = 0;
        FILE *f = c->output.file != NULL ? c->output.file : open_memstream(&memory, &memory_len);
        int failed = f == NULL;
        if (f == NULL)
            snprintf(err, sizeof err, "out of memory");
        else
            failed = sumi_png_write(c->surface, f, &sumi_png_default_settings, err, sizeof err);
        if (c->output.file == NULL && f != NULL) {
            failed = fclose(f) != 0 || failed;
            if (!failed) {
                lua_pushlstring(L, memory, memory_len);
                returns_text = 1;
            }
            free(memory);
        }
        if (failed) {
            /* The message first: aborting the output frees its path. */
            luaL_where(L, 1);
            lua_pushfstring(L, "cannot write '%s': %s",
                            c->output.final_path ? c->output.final_path : "a PNG in memory", err);
            lua_concat(L, 2);
            release(c);
            sumi_output_abort(&c->output);
            sumi_pending_remove(L, 1);
            return lua_error(L);
        }
    }
    /* Finishing a PDF or SVG surface writes the rest of the file. */
    if (st == CAIRO_STATUS_SUCCESS) {
        cairo_surface_finish(c->surface);
        st = cairo_surface_status(c->surface);
    }
    struct sumi_pdf_meta *meta = c->pdf; /* finished below, after cairo */
    c->pdf = NULL;
    release(c);
    if (st != CAIRO_STATUS_SUCCESS) {
        free_meta(meta);
        sumi_output_abort(&c->output);
        sumi_pending_remove(L, 1);
        return luaL_error(L, "cannot finish canvas: %s", cairo_status_to_string(st));
    }
    if (c->output.file == NULL) /* in memory */
        return returns_text;
    char err[512];
    int failed = c->kind == SUMI_CANVAS_PDF &&
                 (sumi_pdf_repair_xref(c->output.file, c->output.temp_path, err, sizeof err) != 0 ||
                  (meta != NULL && sumi_pdf_finish(c->output.file, c->output.temp_path, meta, err,
                                                   sizeof err) != 0));
    free_meta(meta);
    if (failed) {
        sumi_output_abort(&c->output);
        sumi_pending_remove(L, 1);
        return luaL_error(L, "%s", err);
    }
    sumi_output_written(L, 1, &c->output);
    return returns_text;
}

/* Called by the runtime when the script has succeeded. */
static int canvas_publish(lua_State *L) {
    sumi_canvas *c = luaL_checkudata(L, 1, SUMI_CANVAS_TYPE);
    if (c->surface != NULL) {
        lua_pushcfunction(L, canvas_close);
        lua_pushvalue(L, 1);
        lua_call(L, 1, 0);
    }
    sumi_output_publish_written(L, &c->output);
    return 0;
}

static int canvas_discard(lua_State *L) {
    sumi_canvas *c = luaL_checkudata(L, 1, SUMI_CANVAS_TYPE);
    release(c);
    sumi_output_abort(&c->output);
    sumi_pending_remove(L, 1);
    return 0;
}

static int canvas_gc(lua_State *L) {
    sumi_canvas *c = luaL_checkudata(L, 1, SUMI_CANVAS_TYPE);
    release(c);
    sumi_output_abort(&c->output);
    return 0;
}

/* `local c <close> = canvas.pdf(...)`: publish when the block ends normally,
 * discard when it is left by an error. */
static int canvas_close_meta(lua_State *L) {
    sumi_canvas *c = luaL_checkudata(L, 1, SUMI_CANVAS_TYPE);
    if (c->surface == NULL)
        return 0;
    if (lua_isnil(L, 2)) {
        lua_settop(L, 1);
        return canvas_close(L);
    }
    lua_settop(L, 1);
    return canvas_discard(L);
}

static int canvas_tostring(lua_State *L) {
    sumi_canvas *c = luaL_checkudata(L, 1, SUMI_CANVAS_TYPE);
    if (c->surface == NULL)
        lua_pushstring(L, "canvas (closed)");
    else
        lua_pushfstring(L, "%s canvas %f x %f", kind_name(c), c->width, c->height);
    return 1;
}

/* ---- pages and state ---- */

static int canvas_size(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    lua_pushnumber(L, c->width);
    lua_pushnumber(L, c->height);
    return 2;
}

static int canvas_kind(lua_State *L) {
    lua_pushstring(L, kind_name(sumi_check_canvas(L, 1)));
    return 1;
}

static int canvas_page_count(lua_State *L) {
    lua_pushinteger(L, sumi_check_canvas(L, 1)->pages);
    return 1;
}

static int canvas_new_page(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    static const char *const keys[] = {"size", "width", "height", "orientation", NULL};
    opt_check_keys(L, 2, keys);
    if (c->kind != SUMI_CANVAS_PDF && c->kind != SUMI_CANVAS_TRACE)
        return luaL_error(L, "a %s canvas has one page; only pdf and trace canvases take new_page",
                          kind_name(c));
    double w = c->width, h = c->height;
    if (lua_istable(L, 2))
        read_page_size(L, 2, &w, &h);
    if (c->nesting != 0)
        return luaL_error(L, "new_page inside save() without restore() (%d open)", c->nesting);
    if (c->pages >= PAGE_LIMIT)
        return luaL_error(L, "page limit reached: a canvas takes at most %d pages", PAGE_LIMIT);
    if (c->sink != NULL) {
        cairo_reset_clip(c->cr);
        cairo_new_path(c->cr);
        sumi_sink_page(c->sink, w, h);
        c->width = w;
        c->height = h;
        c->pages++;
        return 0;
    }
    cairo_show_page(c->cr);
    canvas_check_status(L, c);
    if (w != c->width || h != c->height) {
        cairo_pdf_surface_set_size(c->surface, w, h);
        c->width = w;
        c->height = h;
    }
    c->pages++;
    return 0;
}

static int canvas_save(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    if (c->sink != NULL && !sumi_sink_save(c->sink))
        return luaL_error(L, "save: out of memory");
    cairo_save(c->cr);
    c->nesting++;
    return 0;
}

static int canvas_restore(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    if (c->nesting == 0)
        return luaL_error(L, "restore() without a matching save()");
    cairo_restore(c->cr);
    if (c->sink != NULL)
        sumi_sink_restore(c->sink);
    c->nesting--;
    return 0;
}

static int canvas_translate(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    double dx = check_number_in(L, 2, "dx", -SIZE_LIMIT, SIZE_LIMIT);
    double dy = check_number_in(L, 3, "dy", -SIZE_LIMIT, SIZE_LIMIT);
    cairo_translate(c->cr, dx, dy);
    return 0;
}

static int canvas_scale(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    double sx = check_finite(L, 2);
    double sy = lua_isnoneornil(L, 3) ? sx : check_finite(L, 3);
    if (sx == 0 || sy == 0 || fabs(sx) > 1e4 || fabs(sy) > 1e4 || fabs(sx) < 1e-4 ||
        fabs(sy) < 1e-4)
        return luaL_error(L, "bad scale factors (each must be non-zero, between 1e-4 and 1e4 "
                             "in size)");
    cairo_scale(c->cr, sx, sy);
    return 0;
}

static int canvas_rotate(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    double degrees = check_finite(L, 2);
    cairo_rotate(c->cr, degrees * G_PI / 180.0);
    return 0;
}

/* ---- units ---- */

static int canvas_mm(lua_State *L) {
    lua_pushnumber(L, check_finite(L, 1) * mm_to_pt);
    return 1;
}

static const luaL_Reg canvas_functions[] = {
    {"pdf", canvas_pdf},
    {"png", canvas_png},
    {"svg", canvas_svg},
    {"trace", canvas_trace},
    {"linear_gradient", canvas_linear_gradient},
    {"radial_gradient", canvas_radial_gradient},
    {"mm", canvas_mm},
    {NULL, NULL},
};

static const luaL_Reg canvas_methods[] = {
    {"close", canvas_close},
    {"discard", canvas_discard},
    {"size", canvas_size},
    {"kind", canvas_kind},
    {"page_count", canvas_page_count},
    {"new_page", canvas_new_page},
    {"save", canvas_save},
    {"restore", canvas_restore},
    {"translate", canvas_translate},
    {"scale", canvas_scale},
    {"rotate", canvas_rotate},
    {"move_to", canvas_move_to},
    {"line_to", canvas_line_to},
    {"curve_to", canvas_curve_to},
    {"arc", canvas_arc},
    {"arc_negative", canvas_arc_negative},
    {"rect", canvas_rect},
    {"rounded_rect", canvas_rounded_rect},
    {"polyline", canvas_polyline},
    {"close_path", canvas_close_path},
    {"new_path", canvas_new_path},
    {"fill", canvas_fill},
    {"stroke", canvas_stroke},
    {"fill_stroke", canvas_fill_stroke},
    {"paint", canvas_paint},
    {"clip", canvas_clip},
    {"reset_clip", canvas_reset_clip},
    {"image", canvas_image},
    {NULL, NULL},
};

static const luaL_Reg canvas_metamethods[] = {
    {"__gc", canvas_gc},
    {"__close", canvas_close_meta},
    {"__tostring", canvas_tostring},
    {"__publish", canvas_publish},
    {"__discard", canvas_discard},
    {"__index", NULL},
    {NULL, NULL},
};

int luaopen_sumi_canvas(lua_State *L) {
    if (luaL_newmetatable(L, SUMI_CANVAS_TYPE)) {
        luaL_setfuncs(L, canvas_metamethods, 0);
        luaL_newlib(L, canvas_methods);
        opt_name_functions(L, "canvas:", canvas_methods);
        sumi_text_add_methods(L, -1);
        sumi_nav_add_methods(L, -1);
        sumi_tags_add_methods(L, -1);
        sumi_subset_add_methods(L, -1);
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
    luaL_newlib(L, canvas_functions);
    opt_name_functions(L, "canvas.", canvas_functions);
    return 1;
}
