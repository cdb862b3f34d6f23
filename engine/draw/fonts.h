/* The engine's own font configuration: fonts/sumi-fonts.conf, compiled into
 * the binary and loaded as an FcConfig of its own, so that output never
 * depends on the desktop's fontconfig files. Created once per process (the
 * only process-wide state the engine keeps) and read-only afterwards; the
 * layouts made with it belong to each run (text.c). */
#ifndef SUMI_FONTS_H
#define SUMI_FONTS_H

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>
#include <lua.h>
#include <stdio.h>

/* The configuration, or NULL with a message on stderr when it cannot load. */
FcConfig *sumi_fonts_config(void);
/* A PangoCairo font map over that configuration (FreeType fonts). */
PangoFontMap *sumi_fonts_map(void);
/* Drops the engine's reference to the font map at process exit. */
void sumi_fonts_shutdown(void);
/* Prints what `sumi fonts` shows, per language; returns 0 when sans, serif
 * and mono all resolve and cover every language (with the fonts behind the
 * first), else 1. */
int sumi_fonts_report(FILE *out);

/* The family to ask Pango for: a generic family (sans, serif, mono) with
 * the face text in the language takes first put before it ("Noto Sans CJK
 * KR,sans"). Pango tags the Han characters of Korean or Chinese text with a
 * language of its own choosing, which would give them Japanese forms; the
 * face named first keeps them in the language's. A named family is given
 * back as it is. The string lives as long as the process. */
const char *sumi_fonts_family_for(const char *family, const char *fontconfig_lang);

/* The canonical tag of tag (one of the engine's languages or of those the
 * script defined) and in *fontconfig the language fontconfig and Pango are
 * given for it, or NULLs when the run knows no such language. The strings
 * stay valid for the run. */
const char *sumi_fonts_language(lua_State *L, const char *tag, const char **fontconfig);

/* The `lang` option of the options table at opts (0: none): its canonical
 * tag (lang.h, or a language the script defined), and in *fontconfig the
 * language fontconfig and Pango are given. Any other tag is an error that
 * names it and lists the valid ones. */
const char *sumi_fonts_lang_option(lua_State *L, int opts, const char *def,
                                   const char **fontconfig);

/* sumi.fonts. */
int luaopen_sumi_fonts(lua_State *L);

#endif
