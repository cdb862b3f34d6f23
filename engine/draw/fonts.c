#include "fonts.h"

#include <lauxlib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "options.h"

/* Created once, on first use, and kept for the life of the process: loading
 * fonts is the costly part of start-up, and the configuration never changes
 * after it is built. */
static FcConfig *config;
static PangoFontMap *font_map;

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
}

/* Sample text a face must hold to "cover" a language: kana and kanji for
 * Japanese, simplified hanzi for Chinese. */
static const char japanese_sample[] = "あいうアイウ漢字日本語。、「」";
static const char chinese_sample[] = "中国人工智能产业们这说发";

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
    int japanese, chinese;
    int found;
};

static void resolve(const char *generic, const char *lang, struct resolved *r) {
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
            r->japanese = covers(set, japanese_sample);
            r->chinese = covers(set, chinese_sample);
        }
        r->found = family != NULL;
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
}

int sumi_fonts_report(FILE *out) {
    static const char *const generics[] = {"sans", "serif", "mono"};
    int status = 0;
    if (sumi_fonts_config() == NULL)
        return 1;
    fprintf(out, "%-6s %-24s %-9s %-8s %s\n", "family", "resolves to", "Japanese", "Chinese",
            "file");
    for (size_t i = 0; i < 3; i++) {
        struct resolved r;
        resolve(generics[i], "ja", &r);
        struct resolved zh;
        resolve(generics[i], "zh-cn", &zh);
        fprintf(out, "%-6s %-24s %-9s %-8s %s\n", generics[i], r.found ? r.family : "(none)",
                r.japanese ? "yes" : "no", zh.chinese ? "yes" : "no", r.file);
        if (!r.found)
            status = 1;
        if (i == 0 && !(r.japanese && zh.chinese))
            status = 1;
        if (zh.found && strcmp(zh.family, r.family) != 0)
            fprintf(out, "%-6s %-24s (for text tagged zh-cn) %s\n", "", zh.family, zh.file);
    }
    return status;
}

/* ---- sumi.fonts ---- */

static int fonts_resolve(lua_State *L) {
    const char *family = luaL_checkstring(L, 1);
    const char *lang = luaL_optstring(L, 2, "ja");
    struct resolved r;
    resolve(family, lang, &r);
    if (!r.found) {
        lua_pushnil(L);
        lua_pushfstring(L, "no font resolves for '%s'", family);
        return 2;
    }
    lua_createtable(L, 0, 4);
    lua_pushstring(L, r.family);
    lua_setfield(L, -2, "family");
    lua_pushstring(L, r.file);
    lua_setfield(L, -2, "file");
    lua_pushboolean(L, r.japanese);
    lua_setfield(L, -2, "japanese");
    lua_pushboolean(L, r.chinese);
    lua_setfield(L, -2, "chinese");
    return 1;
}

static const luaL_Reg fonts_functions[] = {
    {"resolve", fonts_resolve},
    {NULL, NULL},
};

int luaopen_sumi_fonts(lua_State *L) {
    luaL_newlib(L, fonts_functions);
    opt_name_functions(L, "fonts.", fonts_functions);
    return 1;
}
