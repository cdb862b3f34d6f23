/* png_settings: time and size of PNG encodings of the same pixels, cairo's
 * writer (libpng defaults) against engine/core/png.c at several zlib levels and
 * row filters. Built and run by bench/charts.sh:
 *
 *   cc bench/png_settings.c engine/core/png.c -Iengine/core $(pkg-config --cflags --libs cairo libpng)
 *   png_settings RUNS FILE.png...
 *
 * Prints one Markdown row per setting: median milliseconds and bytes for
 * each file. The files are read with cairo into ARGB32 surfaces, as a canvas
 * holds them. */
#define _POSIX_C_SOURCE 200809L
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sumi_png.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int length) {
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                      : CAIRO_STATUS_WRITE_ERROR;
}

/* One encoding into f (rewound first): its byte count, or -1. settings NULL
 * means cairo's own writer. */
static long encode(cairo_surface_t *s, FILE *f, const struct sumi_png_settings *settings) {
    rewind(f);
    if (settings == NULL) {
        if (cairo_surface_write_to_png_stream(s, to_file, f) != CAIRO_STATUS_SUCCESS)
            return -1;
    } else {
        char err[256];
        if (sumi_png_write(s, f, settings, err, sizeof err) != 0) {
            fprintf(stderr, "png_settings: %s\n", err);
            return -1;
        }
    }
    fflush(f);
    return ftell(f);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: png_settings RUNS FILE.png...\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    if (runs < 1 || runs > 1000)
        runs = 5;
    int nfiles = argc - 2;
    cairo_surface_t **img = calloc((size_t)nfiles, sizeof *img);
    for (int i = 0; i < nfiles; i++) {
        cairo_surface_t *png = cairo_image_surface_create_from_png(argv[i + 2]);
        if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
            fprintf(stderr, "png_settings: cannot read '%s'\n", argv[i + 2]);
            return 1;
        }
        int w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
        img[i] = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        cairo_t *cr = cairo_create(img[i]);
        cairo_set_source_surface(cr, png, 0, 0);
        cairo_paint(cr);
        cairo_destroy(cr);
        cairo_surface_destroy(png);
    }
    static const struct {
        const char *name;
        struct sumi_png_settings s;
    } settings[] = {
        {"level 6, all filters (libpng's defaults, as sumi)", {6, SUMI_PNG_FILTER_ALL, 0}},
        {"level 1, no filter", {1, SUMI_PNG_FILTER_NONE, 0}},
        {"level 1, SUB", {1, SUMI_PNG_FILTER_SUB, 0}},
        {"level 1, UP", {1, SUMI_PNG_FILTER_UP, 0}},
        {"level 1, PAETH", {1, SUMI_PNG_FILTER_PAETH, 0}},
        {"level 2, SUB", {2, SUMI_PNG_FILTER_SUB, 0}},
        {"level 2, UP", {2, SUMI_PNG_FILTER_UP, 0}},
        {"level 2, PAETH", {2, SUMI_PNG_FILTER_PAETH, 0}},
        {"level 3, SUB", {3, SUMI_PNG_FILTER_SUB, 0}},
        {"level 3, UP", {3, SUMI_PNG_FILTER_UP, 0}},
        {"level 3, PAETH", {3, SUMI_PNG_FILTER_PAETH, 0}},
        {"level 6, UP", {6, SUMI_PNG_FILTER_UP, 0}},
        {"Z_RLE, UP", {1, SUMI_PNG_FILTER_UP, 1}},
    };
    FILE *f = tmpfile();
    if (f == NULL) {
        perror("png_settings: tmpfile");
        return 1;
    }
    double *t = malloc((size_t)runs * sizeof *t);
    int nsettings = (int)(sizeof settings / sizeof settings[0]);
    for (int k = -1; k < nsettings; k++) {
        printf("| %s |", k < 0 ? "cairo_surface_write_to_png (RGBA, level 6, all filters)"
                               : settings[k].name);
        for (int i = 0; i < nfiles; i++) {
            long bytes = 0;
            for (int r = 0; r < runs; r++) {
                double start = now();
                bytes = encode(img[i], f, k < 0 ? NULL : &settings[k].s);
                t[r] = now() - start;
                if (bytes < 0)
                    return 1;
            }
            qsort(t, (size_t)runs, sizeof *t, cmp_double);
            printf(" %.1f ms, %.0f KB |", t[runs / 2] * 1000, bytes / 1024.0);
        }
        printf("\n");
    }
    fclose(f);
    free(t);
    for (int i = 0; i < nfiles; i++)
        cairo_surface_destroy(img[i]);
    free(img);
    return 0;
}
