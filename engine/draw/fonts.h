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
/* Prints what `sumi fonts` shows; returns 0 when sans, serif and mono all
 * resolve and sans covers Japanese and Chinese, else 1. */
int sumi_fonts_report(FILE *out);

/* sumi.fonts. */
int luaopen_sumi_fonts(lua_State *L);

#endif
