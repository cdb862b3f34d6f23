/* The drawing sink (engine/draw/sink.c) driven directly with a cairo context:
 * numbers, shapes, clips and the two writers' output. */
#include "support.h"

#include <cairo.h>

#include "sink.h"
#include "sink_internal.h"

static char *number(double v, int decimals) {
    static char buf[64];
    GString *s = g_string_new(NULL);
    sink_number(s, v, decimals);
    snprintf(buf, sizeof buf, "%s", s->str);
    g_string_free(s, TRUE);
    return buf;
}

static void sink_numbers_are_short_and_stable(void **state) {
    assert_string_equal(number(12.5, 2), "12.5");
    assert_string_equal(number(12.0, 2), "12");
    assert_string_equal(number(1.0 / 3, 2), "0.33");
    assert_string_equal(number(-0.001, 2), "0"); /* never "-0" */
    assert_string_equal(number(-2.675, 3), "-2.675");
    assert_string_equal(number(100, 3), "100");
}

/* A sink plus a cairo context on a scratch surface, as canvas.c makes them. */
struct fixture {
    cairo_surface_t *surface;
    cairo_t *cr;
    struct sumi_sink *sink;
};

static void open_fixture(struct fixture *f, enum sumi_sink_format format) {
    f->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    f->cr = cairo_create(f->surface);
    f->sink = sumi_sink_new(format, 100, 50);
    assert_non_null(f->sink);
}

static const char *finish(struct fixture *f) {
    size_t len = 0;
    const char *out = sumi_sink_finish(f->sink, &len);
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    return out;
}

static void close_fixture(struct fixture *f) {
    sumi_sink_free(f->sink);
    cairo_destroy(f->cr);
    cairo_surface_destroy(f->surface);
}

static void sink_trace_tells_rectangles_from_paths(void **state) {
    struct fixture f;
    open_fixture(&f, SUMI_SINK_TRACE);
    cairo_set_source_rgba(f.cr, 1, 0, 0, 0.5);
    cairo_rectangle(f.cr, 1, 2, 3, 4);
    sumi_sink_fill(f.sink, f.cr);
    cairo_new_path(f.cr);
    cairo_move_to(f.cr, 0, 0);
    cairo_line_to(f.cr, 10, 0);
    cairo_line_to(f.cr, 10, 10);
    cairo_line_to(f.cr, 5, 20); /* four points, not a rectangle */
    cairo_close_path(f.cr);
    sumi_sink_fill(f.sink, f.cr);
    cairo_new_path(f.cr);
    cairo_rotate(f.cr, G_PI / 4); /* a turned square is a path */
    cairo_rectangle(f.cr, 0, 0, 10, 10);
    sumi_sink_fill(f.sink, f.cr);
    const char *out = finish(&f);
    assert_non_null(strstr(out, "fill shape=rect x=1 y=2 w=3 h=4 paint=#FF000080\n"));
    assert_non_null(strstr(out, "fill shape=path segments=5 x=0 y=0 w=10 h=20 paint=#FF000080\n"));
    assert_non_null(strstr(out, "fill shape=path segments=5 x=-7.07 y=0 w=14.14 h=14.14"));
    close_fixture(&f);
}

static void sink_restore_lifts_every_clip_since_save(void **state) {
    struct fixture f;
    open_fixture(&f, SUMI_SINK_TRACE);
    assert_true(sumi_sink_save(f.sink));
    cairo_rectangle(f.cr, 0, 0, 10, 10);
    sumi_sink_clip(f.sink, f.cr);
    cairo_clip(f.cr);
    cairo_rectangle(f.cr, 0, 0, 5, 5);
    sumi_sink_clip(f.sink, f.cr);
    cairo_clip(f.cr);
    sumi_sink_restore(f.sink);
    sumi_sink_restore(f.sink); /* unbalanced: ignored */
    const char *out = finish(&f);
    const char *first = strstr(out, "unclip\n");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "unclip\n"));
    assert_null(strstr(strstr(first + 1, "unclip\n") + 1, "unclip"));
    close_fixture(&f);
}

static void sink_svg_nests_clips_and_scales_strokes(void **state) {
    struct fixture f;
    open_fixture(&f, SUMI_SINK_SVG);
    cairo_rectangle(f.cr, 0, 0, 10, 10);
    sumi_sink_clip(f.sink, f.cr);
    cairo_clip(f.cr);
    cairo_arc(f.cr, 5, 5, 20, 0, G_PI);
    sumi_sink_clip(f.sink, f.cr);
    cairo_clip(f.cr);
    cairo_scale(f.cr, 2, 2);
    cairo_set_line_width(f.cr, 1.5);
    double dash[] = {1, 2};
    cairo_set_dash(f.cr, dash, 2, 0);
    cairo_move_to(f.cr, 0, 0);
    cairo_line_to(f.cr, 5, 0);
    sumi_sink_stroke(f.sink, f.cr);
    const char *out = finish(&f);
    assert_non_null(strstr(out, "<clipPath id=\"c0\""));
    assert_non_null(strstr(out, "<clipPath id=\"c1\""));
    assert_non_null(strstr(out,
                           "<g clip-path=\"url(#c1)\"><g clip-path=\"url(#c0)\"><path d=\"M 0 0 "
                           "L 10 0\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3\""));
    assert_non_null(strstr(out, "stroke-dasharray=\"2 4\""));
    assert_non_null(strstr(out, "</svg>\n"));
    close_fixture(&f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sink_numbers_are_short_and_stable),
        cmocka_unit_test(sink_trace_tells_rectangles_from_paths),
        cmocka_unit_test(sink_restore_lifts_every_clip_since_save),
        cmocka_unit_test(sink_svg_nests_clips_and_scales_strokes),
    };
    return cmocka_run_group_tests_name("sink", tests, NULL, NULL);
}
