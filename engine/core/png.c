/* PNG output for image canvases: libpng called directly, with settings
 * chosen for charts (see sumi_png.h and bench/RESULTS.md). */
#include "sumi_png.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Level 3 with the UP filter: about 4x faster than cairo's writer (level 6,
 * adaptive filters) on a 1920x1080 and a 600x400 chart, for files 5-30%
 * larger; SUB and PAETH were slower and no smaller (bench/RESULTS.md, "PNG
 * settings"). Flat areas and vertical edges, what charts are made of, leave
 * UP rows mostly zero. */
const struct sumi_png_settings sumi_png_default_settings = {3, SUMI_PNG_FILTER_UP, 0};

/* libpng reports errors through a callback that must not return: the
 * message goes here, then back to the setjmp in sumi_png_write. */
struct png_job {
    FILE *file;
    char *err;
    size_t errlen;
};

static void on_error(png_structp png, png_const_charp msg) {
    struct png_job *job = png_get_error_ptr(png);
    snprintf(job->err, job->errlen, "%s", msg);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg) {
    /* Warnings (none are expected for the chunks written here) change
     * nothing in the file: not worth failing a report over. */
    (void)png;
    (void)msg;
}

static void on_write(png_structp png, png_bytep data, size_t length) {
    struct png_job *job = png_get_io_ptr(png);
    if (fwrite(data, 1, length, job->file) != length)
        png_error(png, errno != 0 ? strerror(errno) : "write error");
}

/* The file is flushed once, when the output is finished (output.c). */
static void on_flush(png_structp png) { (void)png; }

static int is_opaque(const unsigned char *data, int width, int height, int stride) {
    for (int y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < width; x++)
            if ((row[x] >> 24) != 0xff)
                return 0;
    }
    return 1;
}

/* cairo's ARGB32 is one native-endian 32-bit word a pixel: A in the top
 * byte, then R, G, B. */
static void row_to_rgb(const uint32_t *src, unsigned char *dst, int width) {
    for (int x = 0; x < width; x++) {
        uint32_t p = src[x];
        dst[0] = (unsigned char)(p >> 16);
        dst[1] = (unsigned char)(p >> 8);
        dst[2] = (unsigned char)p;
        dst += 3;
    }
}

/* Un-premultiplies with rounding, as cairo's own PNG writer does, so a
 * colour read back and premultiplied again lands on the value it had. */
static void row_to_rgba(const uint32_t *src, unsigned char *dst, int width) {
    for (int x = 0; x < width; x++) {
        uint32_t p = src[x];
        unsigned a = p >> 24;
        unsigned r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        if (a == 0) {
            r = g = b = 0;
        } else if (a != 0xff) {
            r = (r * 255 + a / 2) / a;
            g = (g * 255 + a / 2) / a;
            b = (b * 255 + a / 2) / a;
        }
        dst[0] = (unsigned char)r;
        dst[1] = (unsigned char)g;
        dst[2] = (unsigned char)b;
        dst[3] = (unsigned char)a;
        dst += 4;
    }
}

static int filter_mask(enum sumi_png_filter filter) {
    switch (filter) {
    case SUMI_PNG_FILTER_NONE:
        return PNG_FILTER_NONE;
    case SUMI_PNG_FILTER_SUB:
        return PNG_FILTER_SUB;
    case SUMI_PNG_FILTER_UP:
        return PNG_FILTER_UP;
    case SUMI_PNG_FILTER_AVG:
        return PNG_FILTER_AVG;
    case SUMI_PNG_FILTER_PAETH:
        return PNG_FILTER_PAETH;
    case SUMI_PNG_FILTER_ALL:
        break;
    }
    return PNG_ALL_FILTERS;
}

int sumi_png_write(cairo_surface_t *surface, FILE *f, const struct sumi_png_settings *settings,
                   char *err, size_t errlen) {
    if (cairo_surface_get_type(surface) != CAIRO_SURFACE_TYPE_IMAGE) {
        snprintf(err, errlen, "not an image surface");
        return -1;
    }
    cairo_format_t format = cairo_image_surface_get_format(surface);
    if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24) {
        snprintf(err, errlen, "unsupported pixel format %d", (int)format);
        return -1;
    }
    if (settings->level < 0 || settings->level > 9) {
        snprintf(err, errlen, "compression level %d out of range [0, 9]", settings->level);
        return -1;
    }
    cairo_surface_flush(surface); /* drawing may still be pending in cairo */
    const unsigned char *data = cairo_image_surface_get_data(surface);
    int width = cairo_image_surface_get_width(surface);
    int height = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    if (data == NULL || width <= 0 || height <= 0) {
        snprintf(err, errlen, "empty image");
        return -1;
    }
    /* Opaque charts (the usual white background) drop the alpha channel: a
     * quarter less to filter and compress, and smaller files. */
    int rgb = format == CAIRO_FORMAT_RGB24 || is_opaque(data, width, height, stride);
    size_t channels = rgb ? 3 : 4;

    struct png_job job = {f, err, errlen};
    /* Allocated before setjmp, so the longjmp cannot leak it. */
    unsigned char *row = malloc((size_t)width * channels);
    if (row == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &job, on_error, on_warning);
    png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        free(row);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row);
        return -1; /* on_error wrote the message */
    }
    png_set_write_fn(png, &job, on_write, on_flush);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 rgb ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, settings->level);
    png_set_compression_strategy(png, settings->rle ? Z_RLE : Z_DEFAULT_STRATEGY);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filter_mask(settings->filter));
    /* Bigger IDAT chunks: fewer calls and chunk headers than libpng's 8 KiB. */
    png_set_compression_buffer_size(png, 1 << 16);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        const uint32_t *src = (const uint32_t *)(data + (size_t)y * (size_t)stride);
        if (rgb)
            row_to_rgb(src, row, width);
        else
            row_to_rgba(src, row, width);
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(row);
    return 0;
}
