/* imgnoise: writes a copy of a PNG with every colour channel moved up or
 * down by at most N levels (default 1), from a fixed pseudo-random sequence.
 * The visual tests use it to prove that imgdiff's tolerance absorbs the
 * one-level rounding differences that separate cairo and pixman versions.
 *
 *   imgnoise IN.png OUT.png [--amplitude N]
 *
 * Exit status: 0 written, 2 usage or I/O error. */
#include <cairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* xorshift32: the same sequence on every platform, unlike rand(). */
static uint32_t next_random(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

int main(int argc, char **argv) {
    int amplitude = 1;
    if (argc == 5 && strcmp(argv[3], "--amplitude") == 0)
        amplitude = atoi(argv[4]);
    else if (argc != 3) {
        fputs("usage: imgnoise IN.png OUT.png [--amplitude N]\n", stderr);
        return 2;
    }
    if (amplitude < 0 || amplitude > 255) {
        fputs("imgnoise: --amplitude must be in [0, 255]\n", stderr);
        return 2;
    }
    cairo_surface_t *png = cairo_image_surface_create_from_png(argv[1]);
    if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "imgnoise: cannot read '%s': %s\n", argv[1],
                cairo_status_to_string(cairo_surface_status(png)));
        cairo_surface_destroy(png);
        return 2;
    }
    int w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(img);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_set_source_surface(cr, png, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(png);
    cairo_surface_flush(img);

    unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    uint32_t seed = 0x5eed1234u;
    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            uint32_t p = row[x];
            int a = (int)(p >> 24);
            uint32_t out = p & 0xff000000u;
            for (int shift = 0; shift < 24; shift += 8) {
                int c = (int)(p >> shift & 0xff);
                c += (int)(next_random(&seed) % (uint32_t)(2 * amplitude + 1)) - amplitude;
                /* Premultiplied: a colour channel never exceeds alpha. */
                c = c < 0 ? 0 : c > a ? a : c;
                out |= (uint32_t)c << shift;
            }
            row[x] = out;
        }
    }
    cairo_surface_mark_dirty(img);
    cairo_status_t st = cairo_surface_write_to_png(img, argv[2]);
    cairo_surface_destroy(img);
    if (st != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "imgnoise: cannot write '%s': %s\n", argv[2], cairo_status_to_string(st));
        return 2;
    }
    return 0;
}
