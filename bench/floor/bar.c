/* Floor for case (a) of bench/charts.sh: the bar chart to a 1920x1080 PNG
 * (written by cairo_surface_write_to_png) and to a 720x405 pt PDF. */
#include <cairo-pdf.h>
#include <stdlib.h>

#include "bar.h"

int main(void) {
    static const struct floor_sizes slides = {24, 14, 15, 11};
    cairo_surface_t *png = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1920, 1080);
    cairo_t *cr = cairo_create(png);
    cairo_scale(cr, 192.0 / 72, 192.0 / 72);
    floor_bar_draw(cr, 720, 405, floor_counts, &slides);
    floor_check(cairo_status(cr), "bar.png");
    cairo_destroy(cr);
    floor_check(cairo_surface_write_to_png(png, "bar.png"), "bar.png");
    cairo_surface_destroy(png);

    cairo_surface_t *pdf = cairo_pdf_surface_create("bar.pdf", 720, 405);
    cr = cairo_create(pdf);
    floor_bar_draw(cr, 720, 405, floor_counts, &slides);
    floor_check(cairo_status(cr), "bar.pdf");
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    floor_check(cairo_surface_status(pdf), "bar.pdf");
    cairo_surface_destroy(pdf);
    return 0;
}
