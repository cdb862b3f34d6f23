/* The engine's own font configuration: fonts/sumi-fonts.conf, compiled into
 * the binary and loaded as an FcConfig of its own, so that output never
 * depends on the desktop's fontconfig files. Created once per process (the
 * only process-wide state the engine keeps) and read-only afterwards. */
#ifndef SUMI_FONTS_H
#define SUMI_FONTS_H

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>
#include <stdio.h>

/* The configuration, or NULL with a message on stderr when it cannot load. */
FcConfig *sumi_fonts_config(void);
/* A PangoCairo font map over that configuration (FreeType fonts). */
PangoFontMap *sumi_fonts_map(void);
/* text.c: drops the layouts it keeps (and their contexts); called before
 * the font map is released. */
void sumi_text_forget_layouts(void);
/* Drops the engine's reference to the font map at process exit. */
void sumi_fonts_shutdown(void);
/* Prints what `sumi fonts` shows; returns 0 when sans, serif and mono all
 * resolve and sans covers Japanese and Chinese, else 1. */
int sumi_fonts_report(FILE *out);

#endif
