#include "fonts.h"

#include <lauxlib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "lang.h"
#include "options.h"

/* Created once, on first use, and kept for the life of the process: loading
 * fonts is the costly part of start-up, and the configuration never changes
 * after it is built. */
static FcConfig *config;
static PangoFontMap *font_map;
static GHashTable *language_families; /* "family\nlang" -> "face,family" */

FcConfig *sumi_fonts_config(void) {
    if (config != NULL)
        return config;
    const struct sumi_embedded_file *conf = sumi_embedded_find("fonts.conf");
    FcConfig *c = FcConfigCreate();
    if (c == NULL || conf == NULL ||
        !FcConfigParseAndLoadFromMemory(c, (const FcChar8 *)conf->data, FcTrue) ||
        !FcConfigBuildFonts(c)) {
        fprintf(stderr, "sumi: cannot load the engine's font configuration\n");
        if (c != NULL)
            FcConfigDestroy(c);
        return NULL;
    }
    /* Anything that asks fontconfig for "the" configuration (cairo does, for
     * font options) gets ours, not the desktop's. */
    FcConfigSetCurrent(c);
    config = c;
    return config;
}

PangoFontMap *sumi_fonts_map(void) {
    if (font_map != NULL)
        return font_map;
    FcConfig *c = sumi_fonts_config();
    if (c == NULL)
        return NULL;
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (map == NULL)
        return NULL;
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), c);
    font_map = map;
    return font_map;
}

void sumi_fonts_shutdown(void) {
    /* The font map holds every Pango font and, through them, cairo's scaled
     * fonts. cairo_debug_reset_static_data() would free cairo's caches too,
     * but it aborts when any cache entry is still referenced, which happens
     * now and then (entries freed lazily); the caches are left to the exit. */
    if (font_map != NULL) {
        g_object_unref(font_map);
        font_map = NULL;
    }
    if (language_families != NULL) {
        g_hash_table_destroy(language_families);
        language_families = NULL;
    }
}

/* Sample text a face must hold to "cover" a language: kana and kanji for
 * Japanese, simplified or traditional hanzi for Chinese (with the Cantonese
 * characters of Hong Kong), Hangul for Korean. */
static const struct {
    const char *tag, *sample;
} samples[] = {
    {"ja", "あいうアイウ漢字日本語。、「」"},
    {"zh-Hans", "中国人工智能产业们这说发"},
    {"zh-Hant", "中國人工智慧產業們這說發"},
    {"zh-HK", "中國人工智能產業們這說發嘅咗"},
    {"ko", "한국어인공지능산업"},
    {"en", "The quick brown fox, 1.5%"},
};

static const char *sample_of(const char *tag) {
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
        if (strcmp(samples[i].tag, tag) == 0)
            return samples[i].sample;
    return NULL;
}

static int covers(FcCharSet *set, const char *utf8) {
    const FcChar8 *p = (const FcChar8 *)utf8;
    int len = (int)strlen(utf8);
    while (len > 0) {
        FcChar32 ch;
        int n = FcUtf8ToUcs4(p, &ch, len);
        if (n <= 0)
            return 0;
        if (!FcCharSetHasChar(set, ch))
            return 0;
        p += n;
        len -= n;
    }
    return 1;
}

struct resolved {
    char family[128];
    char file[512];
    int japanese, chinese, korean, language;
    int found;
};

/* lang is the name fontconfig knows the language by ("zh-cn"); sample is
 * what the face must hold to cover it (NULL: nothing asked). */
static void resolve(const char *generic, const char *lang, const char *sample, struct resolved *r) {
    memset(r, 0, sizeof *r);
    FcConfig *c = sumi_fonts_config();
    if (c == NULL)
        return;
    FcPattern *pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)generic);
    FcPatternAddString(pattern, FC_LANG, (const FcChar8 *)lang);
    FcConfigSubstitute(c, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern *match = FcFontMatch(c, pattern, &result);
    if (match != NULL) {
        FcChar8 *family = NULL, *file = NULL;
        FcCharSet *set = NULL;
        if (FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch)
            snprintf(r->family, sizeof r->family, "%s", (const char *)family);
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
            snprintf(r->file, sizeof r->file, "%s", (const char *)file);
        if (FcPatternGetCharSet(match, FC_CHARSET, 0, &set) == FcResultMatch) {
            r->japanese = covers(set, sample_of("ja"));
            r->chinese = covers(set, sample_of("zh-Hans"));
            r->korean = covers(set, sample_of("ko"));
        }
        r->found = family != NULL;
        FcPatternDestroy(match);
    }
    /* The language is covered when the fonts tried in turn hold it between
     * them, as Pango falls back from one to the next (mono's CJK). */
    FcCharSet *all = NULL;
    FcFontSet *sorted = FcFontSort(c, pattern, FcTrue, &all, &result);
    r->language = sample == NULL || (all != NULL && covers(all, sample));
    if (all != NULL)
        FcCharSetDestroy(all);
    if (sorted != NULL)
        FcFontSetDestroy(sorted);
    FcPatternDestroy(pattern);
}

int sumi_fonts_report(FILE *out) {
    static const char *const generics[] = {"sans", "serif", "mono"};
    int status = 0;
    if (sumi_fonts_config() == NULL)
        return 1;
    fprintf(out, "%-8s %-6s %-26s %-7s %s\n", "language", "family", "resolves to", "covers",
            "file");
    for (size_t l = 0; sumi_lang_tags[l] != NULL; l++) {
        const char *tag = sumi_lang_tags[l];
        for (size_t i = 0; i < 3; i++) {
            struct resolved r;
            resolve(generics[i], sumi_lang_fontconfig(tag), sample_of(tag), &r);
            fprintf(out, "%-8s %-6s %-26s %-7s %s\n", tag, generics[i],
                    r.found ? r.family : "(none)", r.language ? "yes" : "no", r.file);
            if (!r.found || !r.language)
                status = 1;
        }
    }
    return status;
}

const char *sumi_fonts_family_for(const char *family, const char *fontconfig_lang) {
    static const char *const generics[] = {"sans", "sans-serif", "serif", "mono", "monospace"};
    int generic = 0;
    for (size_t i = 0; i < sizeof generics / sizeof generics[0]; i++)
        if (g_ascii_strcasecmp(family, generics[i]) == 0)
            generic = 1;
    if (!generic || fontconfig_lang == NULL)
        return family;
    if (language_families == NULL)
        language_families = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    char *key = g_strconcat(family, "\n", fontconfig_lang, NULL);
    const char *found = g_hash_table_lookup(language_families, key);
    if (found != NULL) {
        g_free(key);
        return found;
    }
    struct resolved r;
    resolve(family, fontconfig_lang, NULL, &r);
    char *value = r.found ? g_strconcat(r.family, ",", family, NULL) : g_strdup(family);
    g_hash_table_insert(language_families, key, value);
    return value;
}

/* ---- languages ---- */

/* Languages a script defined (sumi.locale.define): lowercased tag -> {tag,
 * the language whose fonts it uses}, for the rest of the run. */
static const char REG_LANGUAGES[] = "sumi.languages";

static int push_defined_languages(lua_State *L) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_LANGUAGES) == LUA_TTABLE)
        return 1;
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_LANGUAGES);
    return 1;
}

static void push_lowercase(lua_State *L, const char *s) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (; *s; s++)
        luaL_addchar(&b, (char)g_ascii_tolower(*s));
    luaL_pushresult(&b);
}

const char *sumi_fonts_language(lua_State *L, const char *tag, const char **fontconfig) {
    const char *canonical = sumi_lang_canonical(tag);
    if (canonical != NULL) {
        *fontconfig = sumi_lang_fontconfig(canonical);
        return canonical;
    }
    *fontconfig = NULL;
    push_defined_languages(L);
    push_lowercase(L, tag);
    if (lua_rawget(L, -2) == LUA_TTABLE) {
        lua_rawgeti(L, -1, 1);
        canonical = lua_tostring(L, -1); /* kept alive by the registry */
        lua_rawgeti(L, -2, 2);
        *fontconfig = lua_tostring(L, -1);
        lua_pop(L, 2);
    }
    lua_pop(L, 2);
    return canonical;
}

static int fonts_languages(lua_State *L);

/* "ja, zh-Hans, ..., ko, en" and the run's own languages after them. */
static void push_language_list(lua_State *L) {
    fonts_languages(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -2);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -2, i);
        if (i > 1)
            luaL_addstring(&b, ", ");
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    lua_remove(L, -2);
}

const char *sumi_fonts_lang_option(lua_State *L, int opts, const char *def,
                                   const char **fontconfig) {
    const char *tag = opt_string(L, opts, "lang", def);
    const char *canonical = sumi_fonts_language(L, tag, fontconfig);
    if (canonical == NULL) {
        push_language_list(L);
        lua_pushfstring(L, "a language tag: one of %s", lua_tostring(L, -1));
        lua_getfield(L, opts, "lang");
        opt_fail(L, "lang", lua_tostring(L, -2), -1);
    }
    return canonical;
}

/* ---- sumi.fonts ---- */

static int fonts_resolve(lua_State *L) {
    const char *family = luaL_checkstring(L, 1);
    const char *fontconfig, *tag = luaL_optstring(L, 2, "ja");
    const char *canonical = sumi_fonts_language(L, tag, &fontconfig);
    if (canonical == NULL) {
        push_language_list(L);
        lua_pushfstring(L, "the language must be a tag: one of %s", lua_tostring(L, -1));
        return luaL_argerror(L, 2, lua_tostring(L, -1));
    }
    struct resolved r;
    resolve(family, fontconfig, sample_of(canonical), &r);
    if (!r.found) {
        lua_pushnil(L);
        lua_pushfstring(L, "no font resolves for '%s'", family);
        return 2;
    }
    lua_createtable(L, 0, 6);
    set_string_field(L, "family", r.family);
    set_string_field(L, "file", r.file);
    set_boolean_field(L, "japanese", r.japanese);
    set_boolean_field(L, "chinese", r.chinese);
    set_boolean_field(L, "korean", r.korean);
    set_boolean_field(L, "covers", r.language);
    return 1;
}

/* fonts.language(tag) -> the canonical tag and the language fontconfig is
 * given, or nil. */
static int fonts_language(lua_State *L) {
    const char *fontconfig,
        *canonical = sumi_fonts_language(L, luaL_checkstring(L, 1), &fontconfig);
    if (canonical == NULL) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushstring(L, canonical);
    lua_pushstring(L, fontconfig);
    return 2;
}

/* fonts.languages() -> the canonical tags: the engine's, then the run's. */
static int fonts_languages(lua_State *L) {
    lua_newtable(L);
    lua_Integer n = 0;
    for (size_t i = 0; sumi_lang_tags[i] != NULL; i++) {
        lua_pushstring(L, sumi_lang_tags[i]);
        lua_rawseti(L, -2, ++n);
    }
    push_defined_languages(L);
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        lua_rawgeti(L, -1, 1);
        lua_rawseti(L, -5, ++n);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 1;
}

/* fonts.define_language(tag [, like]) -> tag: a language of the script's
 * own, set with the fonts and line breaking of the engine's language like
 * (default: the tag itself, as fontconfig knows it). */
static int fonts_define_language(lua_State *L) {
    const char *tag = luaL_checkstring(L, 1);
    const char *like = luaL_optstring(L, 2, NULL);
    const char *fontconfig = NULL;
    if (sumi_lang_canonical(tag) != NULL)
        return luaL_argerror(L, 1, "the engine already has this language");
    if (like != NULL) {
        const char *base = sumi_lang_canonical(like);
        if (base == NULL)
            return luaL_argerror(L, 2, "one of the engine's languages expected");
        fontconfig = sumi_lang_fontconfig(base);
    }
    push_defined_languages(L);
    push_lowercase(L, tag);
    lua_createtable(L, 2, 0);
    lua_pushstring(L, tag);
    lua_rawseti(L, -2, 1);
    if (fontconfig != NULL)
        lua_pushstring(L, fontconfig);
    else
        push_lowercase(L, tag);
    lua_rawseti(L, -2, 2);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    lua_pushstring(L, tag);
    return 1;
}

static const luaL_Reg fonts_functions[] = {
    {"resolve", fonts_resolve},
    {"language", fonts_language},
    {"languages", fonts_languages},
    {"define_language", fonts_define_language},
    {NULL, NULL},
};

int luaopen_sumi_fonts(lua_State *L) {
    luaL_newlib(L, fonts_functions);
    opt_name_functions(L, "fonts.", fonts_functions);
    return 1;
}
