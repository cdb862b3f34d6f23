/* Floor for case (c) of bench/charts.sh: N small bar charts (600x400 px,
 * laid out in points at 96 dpi) to N PNG files, each written with
 * cairo_surface_write_to_png (the naive floor: libpng's defaults).
 *   many N */
#include <stdlib.h>

#include "bar.h"

int main(int argc, char **argv) {
    static const struct floor_sizes print = {12, 8, 8.5, 7};
    int n = argc > 1 ? atoi(argv[1]) : 200;
    char path[64];
    for (int i = 1; i <= n; i++) {
        int values[8];
        for (int k = 0; k < 8; k++) /* as data.lua's rows(i), k from 1 */
            values[k] = floor_counts[k] + (i * 37 + (k + 1) * 11) % 50;
        cairo_surface_t *png = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 600, 400);
        cairo_t *cr = cairo_create(png);
        cairo_scale(cr, 96.0 / 72, 96.0 / 72);
        floor_bar_draw(cr, 450, 300, values, &print);
        snprintf(path, sizeof path, "many/c%03d.png", i);
        floor_check(cairo_status(cr), path);
        cairo_destroy(cr);
        floor_check(cairo_surface_write_to_png(png, path), path);
        cairo_surface_destroy(png);
    }
    return 0;
}
