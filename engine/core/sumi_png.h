/* engine/png.c. (Not png.h: engine/ is on the include path, and that name
 * would hide libpng's own header.)
 *
 * Writing a cairo image surface as PNG with libpng directly, for speed:
 * cairo_surface_write_to_png_stream uses libpng's defaults (zlib level 6,
 * an adaptive choice among all five filters on every row), which dominate
 * the time of a run that writes many small charts. Used by canvas.c; pure C
 * (no Lua), so bench/ can link it to compare settings. */
#ifndef SUMI_SUMI_PNG_H
#define SUMI_SUMI_PNG_H

#include <cairo.h>
#include <stddef.h>
#include <stdio.h>

/* The row filter (PNG spec, clause 9.2): one of filter types 0-4, or all of
 * them with libpng choosing per row (what cairo gets by default). */
enum sumi_png_filter {
    SUMI_PNG_FILTER_NONE,
    SUMI_PNG_FILTER_SUB,
    SUMI_PNG_FILTER_UP,
    SUMI_PNG_FILTER_AVG,
    SUMI_PNG_FILTER_PAETH,
    SUMI_PNG_FILTER_ALL,
};

struct sumi_png_settings {
    int level; /* zlib compression level, 0-9 */
    enum sumi_png_filter filter;
    int rle; /* 1: zlib's Z_RLE strategy (runs only, no string matches) */
};

/* What canvas.c writes with; the measurements that chose it are in
 * bench/RESULTS.md ("PNG settings"). */
extern const struct sumi_png_settings sumi_png_default_settings;

/* Writes an ARGB32 or RGB24 image surface to f. An ARGB32 surface whose
 * every pixel is opaque is written as 8-bit RGB, otherwise as RGBA with the
 * alpha un-premultiplied (cairo stores premultiplied colour; PNG's is
 * straight, clause 4.3). No time or text chunks: the same pixels always give
 * the same bytes. Returns 0, or -1 with a message in err. */
int sumi_png_write(cairo_surface_t *surface, FILE *f, const struct sumi_png_settings *settings,
                   char *err, size_t errlen);

#endif
