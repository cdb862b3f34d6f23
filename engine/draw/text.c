/* sumi.text: text set by Pango (HarfBuzz shaping, fontconfig fallback) and
 * drawn on a canvas. Every canvas has its two methods, c:text() and
 * c:measure_text(); the module offers the same as functions. Sizes are in points:
 * the Pango context runs at 72 dpi, so 1 pt is 1 user unit. */
#include <lauxlib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <string.h>

#include "canvas.h"
#include "color.h"
#include "fonts.h"
#include "options.h"
#include "job.h"
#include "lang.h"
#include "words.h"

/* The longest string one text or measure call takes, in bytes. */
#define TEXT_LIMIT (1 << 20)

static const char *const text_keys[] = {
    "font",  "size",     "weight", "style",        "color",          "markup",
    "width", "align",    "wrap",   "line_spacing", "letter_spacing", "features",
    "angle", "vertical", "anchor", "lang",         "keep_words",     NULL};

static const char *const anchors[] = {
    "top-left",    "top",    "top-right",    "left",          "center",   "right",
    "bottom-left", "bottom", "bottom-right", "baseline-left", "baseline", "baseline-right",
    NULL};

struct text_request {
    const char *lang; /* canonical tag */
    double angle;
    int vertical;
    int anchor;
};

/* ---- the layout cache ----
 *
 * A document lays its text out several times: every pass of the contents,
 * the drawing that records the fonts for the subsets, the PDF itself, and
 * the charts that measure a label before they draw it. Shaping is most of
 * that work, and a Pango layout, once its lines are made, is read-only to
 * everything here: layouts are kept and handed out again for the same text
 * and options. Contexts are never changed after they are made (one per
 * language and direction), so a kept layout never goes stale. Every canvas
 * sets text with the engine's font map; a PDF with font subsets draws these
 * same layouts with other faces (canvas_subset.c). */

/* The cache belongs to the run: a userdata in the lua_State's registry,
 * freed with the state (two runs never share layouts, and a batch job's
 * cache dies with it). Its size is bounded in bytes: past the bound it is
 * emptied, so a script that sets megabytes of distinct text does not keep
 * all of it laid out. A layout's bytes are estimated from its text: Pango
 * keeps per byte of text a log attribute, glyph infos and clusters, runs
 * and items (tens of bytes in all), beside its fixed objects. */
#define CACHE_MAX_BYTES ((size_t)64 << 20)
#define LAYOUT_FIXED_BYTES 1024
#define LAYOUT_BYTES_PER_TEXT_BYTE 64
#define CACHE_MAX_CONTEXTS 16

struct layout_cache {
    struct {
        PangoLanguage *lang;
        int vertical;
        PangoContext *ctx;
    } contexts[CACHE_MAX_CONTEXTS];
    int context_count;
    GHashTable *layouts; /* GBytes key -> PangoLayout */
    size_t bytes;        /* estimated, see above */
    unsigned generation; /* counts the times the layouts were let go */
};

static const char layout_cache_key = 'l'; /* registry: the run's cache */

static void cache_empty_layouts(struct layout_cache *cache) {
    if (cache->layouts != NULL)
        g_hash_table_remove_all(cache->layouts);
    cache->bytes = 0;
    cache->generation++;
}

static int cache_gc(lua_State *L) {
    struct layout_cache *cache = lua_touserdata(L, 1);
    if (cache->layouts != NULL)
        g_hash_table_unref(cache->layouts);
    for (int i = 0; i < cache->context_count; i++)
        g_object_unref(cache->contexts[i].ctx);
    memset(cache, 0, sizeof *cache);
    return 0;
}

/* The run's layout cache, made on first use. */
static struct layout_cache *cache_of(lua_State *L) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &layout_cache_key) == LUA_TUSERDATA) {
        struct layout_cache *cache = lua_touserdata(L, -1);
        lua_pop(L, 1);
        return cache;
    }
    lua_pop(L, 1);
    struct layout_cache *cache = lua_newuserdatauv(L, sizeof *cache, 0);
    memset(cache, 0, sizeof *cache);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, cache_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &layout_cache_key);
    return cache;
}

static PangoContext *new_context(PangoFontMap *map, PangoLanguage *lang, int vertical) {
    PangoContext *ctx = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(ctx, 72);
    /* Unhinted, unrounded metrics: a layout measures the same on PDF, SVG and
     * PNG canvases and at every scale, so what fits in a preview fits on paper. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_context_set_language(ctx, lang);
    pango_context_set_base_gravity(ctx, vertical ? PANGO_GRAVITY_EAST : PANGO_GRAVITY_SOUTH);
    pango_context_set_gravity_hint(ctx, PANGO_GRAVITY_HINT_NATURAL);
    return ctx;
}

static PangoContext *context_for(struct layout_cache *cache, PangoFontMap *map, PangoLanguage *lang,
                                 int vertical) {
    for (int i = 0; i < cache->context_count; i++)
        if (cache->contexts[i].lang == lang && cache->contexts[i].vertical == vertical)
            return cache->contexts[i].ctx;
    if (cache->context_count == CACHE_MAX_CONTEXTS) { /* scripts of many languages */
        cache_empty_layouts(cache);
        for (int i = 0; i < cache->context_count; i++)
            g_object_unref(cache->contexts[i].ctx);
        cache->context_count = 0;
    }
    int i = cache->context_count++;
    cache->contexts[i].lang = lang;
    cache->contexts[i].vertical = vertical;
    cache->contexts[i].ctx = new_context(map, lang, vertical);
    return cache->contexts[i].ctx;
}

static PangoWeight parse_weight(lua_State *L, int opts) {
    if (opts == 0 || lua_getfield(L, opts, "weight") == LUA_TNIL) {
        if (opts != 0)
            lua_pop(L, 1);
        return PANGO_WEIGHT_NORMAL;
    }
    PangoWeight w;
    if (lua_type(L, -1) == LUA_TNUMBER) {
        lua_pop(L, 1);
        w = (PangoWeight)opt_number(L, opts, "weight", 400, 100, 1000);
        return w;
    }
    lua_pop(L, 1);
    static const char *const names[] = {"thin",     "light", "normal", "medium",
                                        "semibold", "bold",  "heavy",  NULL};
    static const PangoWeight values[] = {
        PANGO_WEIGHT_THIN,     PANGO_WEIGHT_LIGHT, PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_MEDIUM,
        PANGO_WEIGHT_SEMIBOLD, PANGO_WEIGHT_BOLD,  PANGO_WEIGHT_HEAVY};
    return values[opt_enum(L, opts, "weight", 2, names)];
}

/* "tnum palt" or {"tnum", "palt"} or "tnum=1, palt": Pango wants a
 * comma-separated CSS-style list. */
static const char *features_string(lua_State *L, int opts) {
    if (opts == 0 || lua_getfield(L, opts, "features") == LUA_TNIL) {
        if (opts != 0)
            lua_pop(L, 1);
        return NULL;
    }
    luaL_Buffer b;
    if (lua_type(L, -1) == LUA_TTABLE) {
        /* luaL_buffinit may push a placeholder: index the list by its
         * absolute position, never -1. */
        int list = lua_gettop(L);
        int n = (int)lua_rawlen(L, list);
        luaL_buffinit(L, &b);
        for (int i = 1; i <= n; i++) {
            lua_rawgeti(L, list, i);
            const char *f = lua_tostring(L, -1);
            if (f == NULL)
                opt_raise(L, "option 'features' must be a list of strings; feature %d is a %s", i,
                          luaL_typename(L, -1));
            lua_pop(L, 1);
            if (i > 1)
                luaL_addstring(&b, ", ");
            luaL_addstring(&b, f);
        }
        luaL_pushresult(&b);
    } else if (lua_type(L, -1) == LUA_TSTRING) {
        const char *s = lua_tostring(L, -1);
        luaL_buffinit(L, &b);
        int in_word = 0;
        for (const char *p = s; *p; p++) {
            if (*p == ' ' || *p == ',') {
                if (in_word && p[1] != ' ' && p[1] != ',' && p[1] != '\0' && p[1] != '=')
                    luaL_addstring(&b, ", ");
                in_word = 0;
                continue;
            }
            luaL_addchar(&b, *p);
            in_word = 1;
        }
        luaL_pushresult(&b);
    } else {
        opt_fail(L, "features", "a string or a list of strings", -1);
    }
    const char *out = lua_tostring(L, -1);
    /* Each feature tag is four letters, optionally =value. */
    for (const char *p = out; *p; p++)
        if (!(*p == ',' || *p == ' ' || *p == '=' || (*p >= 'a' && *p <= 'z') ||
              (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            opt_raise(L, "option 'features' must be OpenType tags like \"tnum palt\"; got \"%s\"",
                      out);
    lua_replace(L, -2);
    return out; /* stays on the stack */
}

/* Characters that must not begin a line in Japanese (JIS X 4051 line-start
 * prohibitions). Pango follows UAX #14, whose CJ class (small kana, ー)
 * allows a break before them, so "ロボット" could wrap as "ロボ / ット". */
static int forbidden_at_line_start(gunichar ch) {
    static const char set[] = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶー"
                              "ゝゞヽヾ々〻・、。，．：；？！）〕］｝〉》」』】〙〗〟’”";
    if (ch >= 0x31F0 && ch <= 0x31FF) /* katakana phonetic extensions (small ㇰ...) */
        return 1;
    for (const char *p = set; *p; p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) == ch)
            return 1;
    return 0;
}

/* A counter or unit written after a number ("2025年", "10月", "71社", "7,000億")
 * belongs to it: UAX #14 lets a line break between a digit and an ideograph,
 * which leaves "10" at a line's end and "月" at the next one's start. */
static int binds_to_number(gunichar prev, gunichar ch) {
    static const char counters[] = "年月日時分秒個社件名人円元億万兆倍％";
    if (!g_unichar_isdigit(prev))
        return 0;
    for (const char *p = counters; *p; p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) == ch)
            return 1;
    return 0;
}

/* Opening brackets and quotes, which must not end a line (JIS X 4051, and
 * the Chinese rules of GB/T 15834): UAX #14 keeps them with what follows,
 * but a label wrapped by character (wrap = "char") would not. */
static int forbidden_at_line_end(gunichar ch) {
    static const char set[] = "（《「『【〔［｛〈〘〖〝‘“";
    for (const char *p = set; *p; p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) == ch)
            return 1;
    return 0;
}

/* No break before a character that must not start a line, after one that
 * must not end a line, nor between a number and its counter: allow_breaks
 * off over the character and the one before it. */
static void forbid_line_start_breaks(PangoAttrList *attrs, const char *text, size_t len) {
    const char *prev = NULL;
    for (const char *p = text; p < text + len; p = g_utf8_next_char(p)) {
        gunichar ch = g_utf8_get_char(p);
        if (prev != NULL &&
            (forbidden_at_line_start(ch) || forbidden_at_line_end(g_utf8_get_char(prev)) ||
             binds_to_number(g_utf8_get_char(prev), ch))) {
            PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
            a->start_index = (guint)(prev - text);
            a->end_index = (guint)(g_utf8_next_char(p) - text);
            pango_attr_list_insert(attrs, a);
        }
        prev = p;
    }
}

/* ICU's name of a language: the tag with '_' for '-' ("zh_Hans"). */
static void icu_locale(const char *lang, char *out, size_t size) {
    snprintf(out, size, "%s", lang);
    for (char *p = out; *p; p++)
        if (*p == '-')
            *p = '_';
}

/* The words of Korean text: what lies between spaces and line ends. */
static void each_spaced_word(const char *text, size_t len, int min_chars,
                             void (*found)(size_t start, size_t end, void *data), void *data) {
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || text[i] == ' ' || text[i] == '\n') {
            if (g_utf8_strlen(text + start, (gssize)(i - start)) >= min_chars)
                found(start, i, data);
            start = i + 1;
        }
    }
}

struct word_attrs {
    PangoAttrList *attrs;
    PangoLayout *line; /* the text on one line, to measure words on */
    int width;         /* of a line, Pango units */
};

/* A word longer than a line is left to break as the rules allow. */
static void forbid_breaks_in(size_t start, size_t end, void *data) {
    struct word_attrs *w = data;
    PangoRectangle a, b;
    pango_layout_index_to_pos(w->line, (int)start, &a);
    pango_layout_index_to_pos(w->line, (int)end - 1, &b);
    if (b.x + b.width - a.x > w->width)
        return;
    PangoAttribute *attr = pango_attr_allow_breaks_new(FALSE);
    attr->start_index = (guint)start;
    attr->end_index = (guint)end;
    pango_attr_list_insert(w->attrs, attr);
}

/* No line break inside a word: between spaces (by_spaces: Korean), or as
 * ICU finds words in the language (Japanese and Chinese have no spaces).
 * ICU was opened before the layout was begun (build_layout). layout holds
 * the text, its attributes and its width. */
static void keep_words_whole(PangoAttrList *attrs, PangoLayout *layout, const char *text,
                             size_t len, int by_spaces, const char *lang, char *err,
                             size_t errlen) {
    struct word_attrs w = {attrs, pango_layout_copy(layout), pango_layout_get_width(layout)};
    pango_layout_set_width(w.line, -1);
    char locale[32];
    icu_locale(lang, locale, sizeof locale);
    if (by_spaces)
        each_spaced_word(text, len, 2, forbid_breaks_in, &w);
    else
        (void)sumi_words_each(text, len, locale, 2, forbid_breaks_in, &w, err, errlen);
    g_object_unref(w.line);
}

/* A span of markup tagged with a language of its own (<span lang="ko">)
 * gets that language's face, as the whole text gets its own. */
static void spans_in_their_languages(PangoAttrList *attrs, const char *family) {
    GSList *spans = pango_attr_list_get_attributes(attrs);
    for (GSList *l = spans; l != NULL; l = l->next) {
        PangoAttribute *a = l->data;
        if (a->klass->type == PANGO_ATTR_LANGUAGE) {
            const char *lang = pango_language_to_string(((PangoAttrLanguage *)a)->value);
            const char *canonical = sumi_lang_canonical(lang);
            const char *name = canonical ? sumi_lang_fontconfig(canonical) : lang;
            PangoAttribute *f = pango_attr_family_new(sumi_fonts_family_for(family, name));
            f->start_index = a->start_index;
            f->end_index = a->end_index;
            pango_attr_list_insert(attrs, f);
        }
        pango_attribute_destroy(a);
    }
    g_slist_free(spans);
}

/* Raises the message at the script's line, as the strict glyph error is:
 * the text of a chart's label or a document's paragraph reaches c:text
 * through the engine's Lua, whose lines luaL_error would name. */
static int raise_at_script(lua_State *L, const char *fmt, ...) {
    sumi_where_script(L);
    va_list ap;
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    lua_concat(L, 2);
    return lua_error(L);
}

/* Builds a layout for the text at arg `text_arg` with options at `opts`.
 * The caller unrefs it. */
static PangoLayout *build_layout(lua_State *L, sumi_canvas *c, int text_arg, int opts,
                                 struct text_request *req) {
    size_t len;
    const char *text = luaL_checklstring(L, text_arg, &len);
    /* Pango lays out a paragraph as a whole, in time that grows faster than
     * its length, and takes lengths as int: a label that is really a whole
     * file (a mistaken column) is refused here, before any of that. */
    if (len > TEXT_LIMIT)
        raise_at_script(L, "text of %I bytes is past the limit of %d bytes (1 MiB) for one call",
                        (lua_Integer)len, TEXT_LIMIT);
    opt_check_keys(L, opts, text_keys);
    if (opts != 0 && lua_isnoneornil(L, opts))
        opts = 0;
    /* Pango would draw a box for each bad byte and only warn: refuse instead. */
    const gchar *bad;
    if (!g_utf8_validate(text, (gssize)len, &bad)) {
        char byte[8]; /* lua_pushfstring has no %02X */
        snprintf(byte, sizeof byte, "0x%02X", (unsigned char)*bad);
        raise_at_script(L, "text is not valid UTF-8 (bad byte %s at offset %d)", byte,
                        (int)(bad - text));
    }
    const char *family = opt_string(L, opts, "font", "sans");
    double size = opt_number(L, opts, "size", 10, 0.5, 2000);
    static const char *const styles[] = {"normal", "italic", "oblique", NULL};
    int style = opt_enum(L, opts, "style", 0, styles);
    PangoWeight weight = parse_weight(L, opts);
    int markup = opt_boolean(L, opts, "markup", 0);
    double width = opt_number(L, opts, "width", -1, 1, 1e6);
    if (!opt_has(L, opts, "width"))
        width = -1;
    static const char *const aligns[] = {"left", "center", "right", "justify", NULL};
    int align = opt_enum(L, opts, "align", 0, aligns);
    static const char *const wraps[] = {"word", "char", "word-char", NULL};
    int wrap = opt_enum(L, opts, "wrap", 2, wraps);
    double line_spacing = opt_number(L, opts, "line_spacing", 0, 0, 10);
    double letter_spacing = opt_number(L, opts, "letter_spacing", 0, -100, 100);
    const char *fontconfig_lang;
    req->lang = sumi_fonts_lang_option(L, opts, "ja", &fontconfig_lang);
    req->angle = opt_number(L, opts, "angle", 0, -3600, 3600);
    req->vertical = opt_boolean(L, opts, "vertical", 0);
    req->anchor = opt_enum(L, opts, "anchor", 0, anchors);
    const char *features = features_string(L, opts);
    int keep_words = opt_boolean(L, opts, "keep_words", 0);
    if (opts != 0 && lua_getfield(L, opts, "color") != LUA_TNIL) {
        struct sumi_rgba rgba;
        if (!(lua_type(L, -1) == LUA_TSTRING && sumi_color_parse(lua_tostring(L, -1), &rgba)) &&
            luaL_testudata(L, -1, SUMI_GRADIENT_TYPE) == NULL)
            opt_fail(L, "color", "a colour or a gradient", -1);
    }
    if (opts != 0)
        lua_pop(L, 1);

    /* The key holds every option that changes the layout (not colour,
     * angle or anchor, which only place it), then the strings. */
    struct {
        double size, width, line_spacing, letter_spacing;
        PangoLanguage *lang;
        int style, weight, markup, align, wrap, vertical, keep_words;
    } shape;
    memset(&shape, 0, sizeof shape); /* padding too: the key is compared as bytes */
    shape.size = size;
    shape.width = width;
    shape.line_spacing = line_spacing;
    shape.letter_spacing = letter_spacing;
    shape.lang = pango_language_from_string(fontconfig_lang);
    shape.style = style;
    shape.weight = (int)weight;
    shape.markup = markup;
    shape.align = align;
    shape.wrap = wrap;
    shape.keep_words = keep_words;
    shape.vertical = req->vertical;
    size_t family_len = strlen(family) + 1, features_len = features ? strlen(features) + 1 : 1;
    size_t key_len = sizeof shape + family_len + features_len + len;
    PangoFontMap *map = sumi_fonts_map();
    if (map == NULL)
        luaL_error(L, "no fonts: the engine's font configuration did not load");
    struct layout_cache *cache = cache_of(L);
    if (cache->layouts == NULL)
        cache->layouts = g_hash_table_new_full(g_bytes_hash, g_bytes_equal,
                                               (GDestroyNotify)g_bytes_unref, g_object_unref);
    guchar *key = g_malloc(key_len);
    memcpy(key, &shape, sizeof shape);
    memcpy(key + sizeof shape, family, family_len);
    memcpy(key + sizeof shape + family_len, features ? features : "", features_len);
    memcpy(key + sizeof shape + family_len + features_len, text, len);
    GBytes *kept_key = g_bytes_new_take(key, key_len);
    PangoLayout *kept = g_hash_table_lookup(cache->layouts, kept_key);
    if (kept != NULL) {
        g_bytes_unref(kept_key);
        return g_object_ref(kept);
    }

    PangoAttrList *attrs = NULL;
    char *plain = NULL;
    if (markup) {
        GError *error = NULL;
        if (!pango_parse_markup(text, (int)len, 0, &attrs, &plain, NULL, &error)) {
            g_bytes_unref(kept_key);
            /* The message is copied to the stack before the GError goes. */
            lua_pushstring(L, error ? error->message : "unknown error");
            if (error)
                g_error_free(error);
            raise_at_script(L, "bad markup: %s", lua_tostring(L, -1));
        }
    }
    /* From here nothing raises until the layout is returned. */
    PangoLayout *layout = pango_layout_new(context_for(cache, map, shape.lang, req->vertical));
    PangoFontDescription *desc = pango_font_description_new();
    pango_font_description_set_family(desc, sumi_fonts_family_for(family, fontconfig_lang));
    pango_font_description_set_size(desc, (gint)lround(size * PANGO_SCALE));
    pango_font_description_set_weight(desc, weight);
    pango_font_description_set_style(desc, style == 0   ? PANGO_STYLE_NORMAL
                                           : style == 1 ? PANGO_STYLE_ITALIC
                                                        : PANGO_STYLE_OBLIQUE);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    if (attrs == NULL)
        attrs = pango_attr_list_new();
    if (features != NULL)
        pango_attr_list_insert_before(attrs, pango_attr_font_features_new(features));
    if (letter_spacing != 0)
        pango_attr_list_insert_before(
            attrs, pango_attr_letter_spacing_new((int)lround(letter_spacing * PANGO_SCALE)));
    if (markup)
        spans_in_their_languages(attrs, family);
    const char *final_text = plain != NULL ? plain : text;
    size_t final_len = plain != NULL ? strlen(plain) : len;
    forbid_line_start_breaks(attrs, final_text, final_len);
    pango_layout_set_text(layout, final_text, (int)final_len);
    if (width > 0) {
        pango_layout_set_width(layout, (int)lround(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, wrap == 0   ? PANGO_WRAP_WORD
                                      : wrap == 1 ? PANGO_WRAP_CHAR
                                                  : PANGO_WRAP_WORD_CHAR);
    }
    /* Words kept whole (keep_words, and Korean always, as Korean is set
     * word by word) while every line still fits: a word longer than the
     * width is broken where the rules allow, as it would be without. */
    int by_spaces = strcmp(fontconfig_lang, "ko") == 0;
    pango_layout_set_attributes(layout, attrs);
    /* Only text that wraps has words to keep: ICU is opened the first time
     * one does, and most runs never open it. */
    char words_error[256] = "";
    if (width > 0 && (keep_words || by_spaces) && pango_layout_is_wrapped(layout)) {
        PangoAttrList *words = pango_attr_list_copy(attrs);
        keep_words_whole(words, layout, final_text, final_len, by_spaces, req->lang, words_error,
                         sizeof words_error);
        pango_layout_set_attributes(layout, words);
        pango_attr_list_unref(words);
    }
    pango_attr_list_unref(attrs);
    g_free(plain);
    if (align == 3) {
        pango_layout_set_justify(layout, TRUE);
    } else {
        pango_layout_set_alignment(layout, align == 0   ? PANGO_ALIGN_LEFT
                                           : align == 1 ? PANGO_ALIGN_CENTER
                                                        : PANGO_ALIGN_RIGHT);
    }
    if (line_spacing > 0)
        pango_layout_set_line_spacing(layout, (float)line_spacing);
    size_t cost = LAYOUT_FIXED_BYTES + key_len + LAYOUT_BYTES_PER_TEXT_BYTE * len;
    if (cache->bytes + cost > CACHE_MAX_BYTES)
        cache_empty_layouts(cache);
    g_hash_table_insert(cache->layouts, kept_key, g_object_ref(layout));
    cache->bytes += cost;
    if (words_error[0] != '\0')
        sumi_warn(L, "words may be split: %s", words_error);
    return layout;
}

/* Finds the first character no configured font could draw (it would print
 * as an empty box, "tofu") and describes it in msg. Returns 1 when found. */
static int find_missing_glyph(PangoLayout *layout, char *msg, size_t size) {
    const char *text = pango_layout_get_text(layout);
    for (GSList *line = pango_layout_get_lines_readonly(layout); line != NULL; line = line->next) {
        for (GSList *r = ((PangoLayoutLine *)line->data)->runs; r != NULL; r = r->next) {
            const PangoGlyphItem *run = r->data;
            for (int i = 0; i < run->glyphs->num_glyphs; i++) {
                PangoGlyph g = run->glyphs->glyphs[i].glyph;
                if (!(g & PANGO_GLYPH_UNKNOWN_FLAG) || g == PANGO_GLYPH_EMPTY)
                    continue;
                gunichar ch = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
                if (ch < 0x20 || ch == 0x7f) /* control characters are not tofu */
                    continue;
                char utf8[8] = {0};
                g_unichar_to_utf8(ch, utf8);
                snprintf(msg, size, "no configured font has U+%04X '%s' (in text \"%.60s\")",
                         (unsigned)ch, utf8, text);
                return 1;
            }
        }
    }
    return 0;
}

struct box {
    double width, height, baseline; /* on the page, before angle */
};

static struct box layout_box(PangoLayout *layout, int vertical) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    struct box b;
    double w = (double)logical.width / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
    /* With a width, align places lines inside [0, width]: that is the box
     * the anchors refer to, or "top" would not centre a centred paragraph. */
    int set_width = pango_layout_get_width(layout);
    if (set_width > 0)
        w = fmax((double)set_width, (double)(logical.x + logical.width)) / PANGO_SCALE;
    b.baseline = (double)pango_layout_get_baseline(layout) / PANGO_SCALE;
    if (vertical) {
        /* The line runs down the page: the layout's width is the box height. */
        b.width = h;
        b.height = w;
        b.baseline = b.width / 2; /* vertical text centres on its column */
    } else {
        b.width = w;
        b.height = h;
    }
    return b;
}

static void anchor_offset(int anchor, const struct box *b, double *ax, double *ay) {
    int column = anchor % 3, row = anchor / 3;
    *ax = column == 0 ? 0 : column == 1 ? b->width / 2 : b->width;
    *ay = row == 0 ? 0 : row == 1 ? b->height / 2 : row == 2 ? b->height : b->baseline;
}

static void push_measure(lua_State *L, PangoLayout *layout, const struct box *b) {
    lua_createtable(L, 0, 5);
    set_number_field(L, "width", b->width);
    set_number_field(L, "height", b->height);
    set_number_field(L, "baseline", b->baseline);
    set_integer_field(L, "lines", pango_layout_get_line_count(layout));
    /* Where each line starts, as a 1-based byte position in the text (for
     * checking line breaks: string.sub(text, pos) is the line). */
    GSList *lines = pango_layout_get_lines_readonly(layout);
    lua_createtable(L, (int)g_slist_length(lines), 0);
    int i = 0;
    for (GSList *l = lines; l != NULL; l = l->next) {
        lua_pushinteger(L, ((PangoLayoutLine *)l->data)->start_index + 1);
        lua_rawseti(L, -2, ++i);
    }
    lua_setfield(L, -2, "line_starts");
    PangoRectangle ink;
    pango_layout_get_extents(layout, &ink, NULL);
    lua_createtable(L, 0, 4);
    set_number_field(L, "x", (double)ink.x / PANGO_SCALE);
    set_number_field(L, "y", (double)ink.y / PANGO_SCALE);
    set_number_field(L, "width", (double)ink.width / PANGO_SCALE);
    set_number_field(L, "height", (double)ink.height / PANGO_SCALE);
    lua_setfield(L, -2, "ink");
}

/* c:text(s, x, y [, opts]) -> width, height of the text's box */
static int text_draw(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    double x = check_finite(L, 3), y = check_finite(L, 4);
    sumi_canvas_check_point(L, c, x, y);
    if (!lua_isnoneornil(L, 5))
        luaL_checktype(L, 5, LUA_TTABLE);
    struct text_request req;
    int opts = lua_isnoneornil(L, 5) ? 0 : 5;
    /* build_layout checks everything (it may raise) before it makes any Pango
     * object; nothing below raises until the layout is released. */
    PangoLayout *layout = build_layout(L, c, 2, opts, &req);
    int strict = sumi_strict_glyphs(L);
    /* Text goes at (x, y), not where a path the script has begun ends
     * (pango_cairo_show_layout starts at the current point), and an
     * underline's fill must not take that path: it is set aside while the
     * text is drawn, and given back. */
    cairo_path_t *pending = cairo_copy_path(c->cr);
    cairo_new_path(c->cr);
    cairo_save(c->cr);
    if (opts != 0 && lua_getfield(L, opts, "color") != LUA_TNIL)
        sumi_canvas_set_paint(L, c, -1, "color");
    else
        cairo_set_source_rgb(c->cr, 0, 0, 0);
    if (opts != 0)
        lua_pop(L, 1);
    cairo_matrix_t source_ctm; /* cairo locks a gradient to this user space */
    cairo_get_matrix(c->cr, &source_ctm);
    struct box b = layout_box(layout, req.vertical);
    double ax, ay;
    anchor_offset(req.anchor, &b, &ax, &ay);
    cairo_translate(c->cr, x, y);
    if (req.angle != 0)
        cairo_rotate(c->cr, req.angle * G_PI / 180.0);
    cairo_translate(c->cr, -ax, -ay);
    if (req.vertical) {
        cairo_translate(c->cr, b.width, 0);
        cairo_rotate(c->cr, G_PI / 2);
    }
    if (c->font_use != NULL)
        sumi_font_use_record(c->font_use, layout, cache_of(L)->generation);
    char missing[256];
    int has_missing = find_missing_glyph(layout, missing, sizeof missing);
    /* Strict: nothing of the text is drawn, and the run fails below. */
    if (!(has_missing && strict)) {
        if (c->sink != NULL)
            sumi_sink_text(c->sink, c->cr, layout, &source_ctm);
        else if (c->subsets != NULL)
            sumi_font_subsets_show_layout(c->subsets, c->cr, layout);
        else
            pango_cairo_show_layout(c->cr, layout);
    }
    cairo_restore(c->cr);
    if (pending->status == CAIRO_STATUS_SUCCESS && pending->num_data > 0)
        cairo_append_path(c->cr, pending);
    cairo_path_destroy(pending);
    g_object_unref(layout);
    if (has_missing && strict) {
        sumi_where_script(L);
        lua_pushfstring(L, "%s (strict glyph coverage)", missing);
        lua_concat(L, 2);
        return lua_error(L);
    }
    /* A canvas that records fonts is a rehearsal of a drawing that follows
     * (doc:save's first pass): that drawing warns, once. */
    if (has_missing && c->font_use == NULL)
        sumi_warn(L, "%s", missing);
    if (c->sink != NULL && sumi_sink_error(c->sink) != NULL)
        return luaL_error(L, "drawing text failed: %s", sumi_sink_error(c->sink));
    cairo_status_t st = cairo_status(c->cr);
    if (st != CAIRO_STATUS_SUCCESS)
        return luaL_error(L, "drawing text failed: %s", cairo_status_to_string(st));
    lua_pushnumber(L, b.width);
    lua_pushnumber(L, b.height);
    return 2;
}

/* c:measure_text(s [, opts]) -> {width, height, baseline, lines, ink = {...}} */
static int text_measure(lua_State *L) {
    sumi_canvas *c = sumi_check_canvas(L, 1);
    if (!lua_isnoneornil(L, 3))
        luaL_checktype(L, 3, LUA_TTABLE);
    struct text_request req;
    PangoLayout *layout = build_layout(L, c, 2, lua_isnoneornil(L, 3) ? 0 : 3, &req);
    /* Measured text is recorded too: a drawing that measures text it then
     * leaves out (a label too long for its place) must measure it the same
     * way again when it is drawn with the subsets. */
    if (c->font_use != NULL)
        sumi_font_use_record(c->font_use, layout, cache_of(L)->generation);
    struct box b = layout_box(layout, req.vertical);
    push_measure(L, layout, &b);
    g_object_unref(layout);
    return 1;
}

static void push_word(size_t start, size_t end, void *data) {
    lua_State *L = data;
    lua_pushlstring(L, lua_tostring(L, 1) + start, end - start);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
}

/* text.words(s [, lang]) -> the words of s, as the lines of a label
 * that keeps its words whole see them: ICU's dictionary words in Japanese
 * and Chinese, what lies between spaces in Korean. */
static int text_words(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *fontconfig, *tag = luaL_optstring(L, 2, "ja");
    const char *canonical = sumi_fonts_language(L, tag, &fontconfig);
    if (canonical == NULL)
        return luaL_argerror(L, 2, lua_pushfstring(L, "unknown language '%s'", tag));
    if (!g_utf8_validate(s, (gssize)len, NULL))
        return luaL_argerror(L, 1, "text is not valid UTF-8");
    lua_settop(L, 2);
    lua_newtable(L);
    if (strcmp(fontconfig, "ko") == 0) {
        each_spaced_word(s, len, 1, push_word, L);
        return 1;
    }
    char locale[32], err[256];
    icu_locale(canonical, locale, sizeof locale);
    if (sumi_words_each(s, len, locale, 1, push_word, L, err, sizeof err) != 0)
        return luaL_error(L, "%s", err);
    return 1;
}

static const luaL_Reg text_functions[] = {
    {"draw", text_draw},
    {"measure", text_measure},
    {"words", text_words},
    {NULL, NULL},
};

static const luaL_Reg text_methods[] = {
    {"text", text_draw},
    {"measure_text", text_measure},
    {NULL, NULL},
};

void sumi_text_add_methods(lua_State *L, int methods) {
    lua_pushvalue(L, methods);
    luaL_setfuncs(L, text_methods, 0);
    opt_name_functions(L, "canvas:", text_methods);
    lua_pop(L, 1);
}

int luaopen_sumi_text(lua_State *L) {
    /* The canvas methods c:text and c:measure_text are added by
     * luaopen_sumi_canvas; here they are offered as functions too. */
    luaL_requiref(L, "sumi.canvas", luaopen_sumi_canvas, 0);
    lua_pop(L, 1);
    luaL_newlib(L, text_functions);
    opt_name_functions(L, "text.", text_functions);
    return 1;
}
