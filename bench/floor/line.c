/* Floor for case (b) of bench/charts.sh: a line of N points (default
 * 1,000,000), every point drawn (no decimation), to a 1920x1080 PNG and a
 * 720x405 pt PDF, with a title; round joins and caps and the width of sumi's
 * slides theme. The data is made in the process, as the sumi and matplotlib
 * scripts make it.
 *   line [N] */
#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>

#include "bar.h" /* floor_check */

static int N = 1000000;

static void draw(cairo_t *cr, const double *v, double vmin, double vmax) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *font = pango_font_description_from_string("Noto Sans CJK JP Bold 24");
    pango_font_description_set_absolute_size(font, 24 * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    cairo_set_source_rgb(cr, 0.13, 0.13, 0.13);
    floor_text(cr, layout, "1,000,000点の折れ線", 29, 29, 0);
    pango_font_description_free(font);
    g_object_unref(layout);

    double left = 60, right = 690, top = 90, bottom = 370;
    for (int i = 0; i < N; i++) {
        double x = left + (right - left) * i / (N - 1.0);
        double y = bottom - (bottom - top) * (v[i] - vmin) / (vmax - vmin);
        if (i == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
    cairo_set_source_rgb(cr, 0.18, 0.37, 0.54);
    cairo_set_line_width(cr, 3);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr);
}

int main(int argc, char **argv) {
    if (argc > 1)
        N = atoi(argv[1]);
    if (N < 2)
        N = 2;
    double *v = malloc((size_t)N * sizeof *v);
    double vmin = INFINITY, vmax = -INFINITY;
    for (int i = 1; i <= N; i++) { /* as data.lua's line_columns */
        double y = 50 * sin(i / 20000.0) + 10 * sin(i * 0.7) * sin(i * 0.013);
        v[i - 1] = y;
        vmin = fmin(vmin, y);
        vmax = fmax(vmax, y);
    }
    cairo_surface_t *png = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1920, 1080);
    cairo_t *cr = cairo_create(png);
    cairo_scale(cr, 192.0 / 72, 192.0 / 72);
    draw(cr, v, vmin, vmax);
    floor_check(cairo_status(cr), "line.png");
    cairo_destroy(cr);
    floor_check(cairo_surface_write_to_png(png, "line.png"), "line.png");
    cairo_surface_destroy(png);

    cairo_surface_t *pdf = cairo_pdf_surface_create("line.pdf", 720, 405);
    cr = cairo_create(pdf);
    draw(cr, v, vmin, vmax);
    floor_check(cairo_status(cr), "line.pdf");
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    floor_check(cairo_surface_status(pdf), "line.pdf");
    cairo_surface_destroy(pdf);
    free(v);
    return 0;
}
