/* The "floor" bar chart: what an expert writes by hand with cairo and Pango,
 * no library between. Shared by bar.c (case a) and many.c (case c) of
 * bench/charts.sh. It draws what sumi's chart.bar draws for the same data: a
 * title, gridlines with tick labels, 8 bars with value labels, category
 * labels and a source line; sizes in points. Only the layout a chart library
 * must do is done: measure each label once, place it. */
#ifndef FLOOR_BAR_H
#define FLOOR_BAR_H

#include <pango/pangocairo.h>
#include <stdio.h>

static const char *const floor_regions[8] = {"北京", "上海", "広東", "浙江",
                                             "江蘇", "山東", "四川", "湖北"};
static const int floor_counts[8] = {512, 389, 297, 154, 131, 78, 62, 45};

struct floor_sizes {
    double title, tick, label, source; /* points */
};

/* Draws text with its top-left (or top-centre) at x, y; returns its height. */
static inline double floor_text(cairo_t *cr, PangoLayout *layout, const char *text, double x,
                                double y, int centre) {
    int w, h;
    pango_layout_set_text(layout, text, -1);
    pango_layout_get_size(layout, &w, &h);
    cairo_move_to(cr, centre ? x - w / (2.0 * PANGO_SCALE) : x, y);
    pango_cairo_show_layout(cr, layout);
    return h / (double)PANGO_SCALE;
}

/* One chart of width x height points on cr, values[8]. */
static inline void floor_bar_draw(cairo_t *cr, double width, double height, const int *values,
                                  const struct floor_sizes *sz) {
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *font = pango_font_description_from_string("Noto Sans CJK JP");
    double margin = 0.04 * width;

    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);

    pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_font_description_set_absolute_size(font, sz->title * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    cairo_set_source_rgb(cr, 0.13, 0.13, 0.13);
    double top = margin + floor_text(cr, layout, "地域別の大規模AIモデル数", margin, margin, 0);
    top += sz->title;

    pango_font_description_set_weight(font, PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, sz->source * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    int sw, sh;
    pango_layout_set_text(layout, "出典: ベンチマーク用の架空データ", -1);
    pango_layout_get_size(layout, &sw, &sh);
    double source_y = height - margin - sh / (double)PANGO_SCALE;
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    cairo_move_to(cr, margin, source_y);
    pango_cairo_show_layout(cr, layout);

    /* The plot: left of it the tick labels, under it the category labels. */
    double bottom = source_y - 2.5 * sz->label;
    double left = margin + 2.5 * sz->tick;
    double right = width - margin;
    double vmax = 600;
    pango_font_description_set_absolute_size(font, sz->tick * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    char buf[32];
    for (int tick = 0; tick <= 600; tick += 200) {
        double y = bottom - (bottom - top) * tick / vmax;
        cairo_set_source_rgb(cr, 0.87, 0.87, 0.87);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, left, y);
        cairo_line_to(cr, right, y);
        cairo_stroke(cr);
        snprintf(buf, sizeof buf, "%d", tick);
        int tw, th;
        pango_layout_set_text(layout, buf, -1);
        pango_layout_get_size(layout, &tw, &th);
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
        cairo_move_to(cr, left - 6 - tw / (double)PANGO_SCALE, y - th / (2.0 * PANGO_SCALE));
        pango_cairo_show_layout(cr, layout);
    }
    double band = (right - left) / 8;
    pango_font_description_set_absolute_size(font, sz->label * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    for (int i = 0; i < 8; i++) {
        double x = left + band * i + band * 0.15;
        double y = bottom - (bottom - top) * values[i] / vmax;
        cairo_set_source_rgb(cr, 0.18, 0.37, 0.54);
        cairo_rectangle(cr, x, y, band * 0.7, bottom - y);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.13, 0.13, 0.13);
        snprintf(buf, sizeof buf, "%d", values[i]);
        floor_text(cr, layout, buf, x + band * 0.35, y - 1.5 * sz->label, 1);
        floor_text(cr, layout, floor_regions[i], x + band * 0.35, bottom + 0.4 * sz->label, 1);
    }
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, left, bottom);
    cairo_line_to(cr, right, bottom);
    cairo_stroke(cr);

    pango_font_description_free(font);
    g_object_unref(layout);
}

/* Exits with a message when cairo has failed: the floor checks, as sumi does. */
static inline void floor_check(cairo_status_t st, const char *what) {
    if (st != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "floor: %s: %s\n", what, cairo_status_to_string(st));
        exit(1);
    }
}

#endif
