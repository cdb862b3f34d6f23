/* imgdiff: compares a rendered PNG with its reference, allowing for the
 * small differences that rasterisers and font engines produce across
 * versions (see README.md). Links to cairo only.
 *
 *   imgdiff REFERENCE ACTUAL [--tolerance N] [--max-share F] [--diff OUT.png]
 *
 * A pixel differs when one of its channels (premultiplied A, R, G, B, as
 * cairo holds them) is more than N levels away from the reference. The images
 * match when their sizes agree and at most the share F of pixels differ.
 * Exit status: 0 match, 1 mismatch, 2 usage or I/O error. */
#define _POSIX_C_SOURCE 200809L
#include <cairo.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_MISMATCH 1
#define EXIT_TROUBLE 2

static const char usage[] =
    "usage: imgdiff REFERENCE ACTUAL [--tolerance N] [--max-share F] [--diff OUT.png]\n"
    "\n"
    "  --tolerance N    levels (0-255) a channel may differ by (default 2)\n"
    "  --max-share F    share of pixels (0-1) that may differ (default 0.002)\n"
    "  --diff OUT.png   on mismatch, write differing pixels in red over the\n"
    "                   faded actual image (removed when the images match)\n"
    "\n"
    "Exit status: 0 match, 1 mismatch, 2 usage or I/O error.\n";

static int usage_error(const char *msg, const char *arg) {
    fprintf(stderr, "imgdiff: %s%s%s\n%s", msg, arg ? " " : "", arg ? arg : "", usage);
    return EXIT_TROUBLE;
}

/* The PNG at path as an ARGB32 surface (PNGs without alpha load as RGB24,
 * grey ones are widened: converting makes every input comparable). NULL with
 * a message on failure. */
static cairo_surface_t *load_argb32(const char *path) {
    cairo_surface_t *png = cairo_image_surface_create_from_png(path);
    cairo_status_t st = cairo_surface_status(png);
    if (st != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "imgdiff: cannot read '%s': %s\n", path,
                st == CAIRO_STATUS_FILE_NOT_FOUND ? strerror(ENOENT) : cairo_status_to_string(st));
        cairo_surface_destroy(png);
        return NULL;
    }
    int w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
    cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(out);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_set_source_surface(cr, png, 0, 0);
    cairo_paint(cr);
    st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(png);
    if (st != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "imgdiff: cannot convert '%s': %s\n", path, cairo_status_to_string(st));
        cairo_surface_destroy(out);
        return NULL;
    }
    cairo_surface_flush(out);
    return out;
}

static uint32_t pixel(cairo_surface_t *s, int x, int y) {
    const unsigned char *row =
        cairo_image_surface_get_data(s) + (size_t)y * (size_t)cairo_image_surface_get_stride(s);
    return ((const uint32_t *)row)[x];
}

static int channel_difference(uint32_t a, uint32_t b) {
    int max = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        int d = abs((int)(a >> shift & 0xff) - (int)(b >> shift & 0xff));
        if (d > max)
            max = d;
    }
    return max;
}

/* The actual pixel washed towards white, so red marks stand out. Works on
 * premultiplied values: blending with opaque white keeps them valid. */
static uint32_t faded(uint32_t p) {
    uint32_t out = 0xff000000u;
    int a = (int)(p >> 24);
    for (int shift = 0; shift < 24; shift += 8) {
        int c = (int)(p >> shift & 0xff) + (255 - a); /* over white */
        c = 255 - (255 - c) / 4;
        out |= (uint32_t)c << shift;
    }
    return out;
}

struct comparison {
    long differing, total;
    int max_difference;
};

/* Compares over the union of both sizes: a pixel that only one image has
 * counts as differing. Fills diff (same union size) when it is not NULL. */
static struct comparison compare(cairo_surface_t *ref, cairo_surface_t *act, int tolerance,
                                 cairo_surface_t *diff) {
    int rw = cairo_image_surface_get_width(ref), rh = cairo_image_surface_get_height(ref);
    int aw = cairo_image_surface_get_width(act), ah = cairo_image_surface_get_height(act);
    int w = rw > aw ? rw : aw, h = rh > ah ? rh : ah;
    struct comparison c = {0, (long)w * h, 0};
    unsigned char *ddata = diff ? cairo_image_surface_get_data(diff) : NULL;
    int dstride = diff ? cairo_image_surface_get_stride(diff) : 0;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            int in_ref = x < rw && y < rh, in_act = x < aw && y < ah;
            int d = 255;
            uint32_t a = in_act ? pixel(act, x, y) : 0;
            if (in_ref && in_act)
                d = channel_difference(pixel(ref, x, y), a);
            if (d > c.max_difference)
                c.max_difference = d;
            int differs = d > tolerance;
            if (differs)
                c.differing++;
            if (ddata != NULL)
                ((uint32_t *)(ddata + (size_t)y * (size_t)dstride))[x] =
                    differs ? 0xffff0000u : faded(a);
        }
    }
    if (diff != NULL)
        cairo_surface_mark_dirty(diff);
    return c;
}

static int parse_int(const char *s, int min, int max, int *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
        return 0;
    *out = (int)v;
    return 1;
}

static int parse_share(const char *s, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !(v >= 0 && v <= 1))
        return 0;
    *out = v;
    return 1;
}

int main(int argc, char **argv) {
    const char *paths[2] = {NULL, NULL};
    const char *diff_path = NULL;
    int npaths = 0, tolerance = 2;
    double max_share = 0.002;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--tolerance") == 0) {
            if (i + 1 >= argc || !parse_int(argv[i + 1], 0, 255, &tolerance))
                return usage_error("--tolerance needs a whole number in [0, 255], got",
                                   i + 1 < argc ? argv[i + 1] : "nothing");
            i++;
        } else if (strcmp(a, "--max-share") == 0) {
            if (i + 1 >= argc || !parse_share(argv[i + 1], &max_share))
                return usage_error("--max-share needs a number in [0, 1], got",
                                   i + 1 < argc ? argv[i + 1] : "nothing");
            i++;
        } else if (strcmp(a, "--diff") == 0) {
            if (i + 1 >= argc)
                return usage_error("--diff needs a path", NULL);
            diff_path = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option", a);
        } else if (npaths == 2) {
            return usage_error("unexpected argument", a);
        } else {
            paths[npaths++] = a;
        }
    }
    if (npaths != 2)
        return usage_error("two images expected: REFERENCE ACTUAL", NULL);

    cairo_surface_t *ref = load_argb32(paths[0]);
    cairo_surface_t *act = ref ? load_argb32(paths[1]) : NULL;
    if (ref == NULL || act == NULL) {
        cairo_surface_destroy(ref);
        return EXIT_TROUBLE;
    }
    int rw = cairo_image_surface_get_width(ref), rh = cairo_image_surface_get_height(ref);
    int aw = cairo_image_surface_get_width(act), ah = cairo_image_surface_get_height(act);
    cairo_surface_t *diff = NULL;
    if (diff_path != NULL)
        diff =
            cairo_image_surface_create(CAIRO_FORMAT_ARGB32, rw > aw ? rw : aw, rh > ah ? rh : ah);
    struct comparison c = compare(ref, act, tolerance, diff);
    double share = c.total > 0 ? (double)c.differing / (double)c.total : 0;
    int same_size = rw == aw && rh == ah;
    int match = same_size && share <= max_share;
    int status = match ? 0 : EXIT_MISMATCH;

    printf("%s: %s\n", match ? "match" : "MISMATCH", paths[1]);
    printf("  size: reference %dx%d, actual %dx%d%s\n", rw, rh, aw, ah,
           same_size ? "" : " (sizes differ)");
    printf("  differing pixels: %ld of %ld (share %.5f, allowed %.5f; tolerance %d per "
           "channel)\n",
           c.differing, c.total, share, max_share, tolerance);
    printf("  max channel difference: %d\n", c.max_difference);

    if (diff != NULL) {
        if (match) {
            /* A diff image left from an earlier failure would mislead. */
            if (unlink(diff_path) != 0 && errno != ENOENT) {
                fprintf(stderr, "imgdiff: cannot remove '%s': %s\n", diff_path, strerror(errno));
                status = EXIT_TROUBLE;
            }
        } else {
            cairo_status_t st = cairo_surface_write_to_png(diff, diff_path);
            if (st != CAIRO_STATUS_SUCCESS) {
                fprintf(stderr, "imgdiff: cannot write '%s': %s\n", diff_path,
                        cairo_status_to_string(st));
                status = EXIT_TROUBLE;
            } else {
                printf("  diff image: %s (red: differing pixels)\n", diff_path);
            }
        }
        cairo_surface_destroy(diff);
    }
    cairo_surface_destroy(ref);
    cairo_surface_destroy(act);
    return status;
}
