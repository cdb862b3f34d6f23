/* sumi_color_parse: the colour forms analysts write. */
#include "support.h"

#include "color.h"

/* Channels come from Pango as 16-bit values: 8-bit hex digits scale exactly
 * (0x33 -> 0x3333), so a tight epsilon holds. */
#define EPS 1e-6

static void assert_rgba(const char *text, double r, double g, double b, double a) {
    struct sumi_rgba c = {-1, -1, -1, -1};
    if (!sumi_color_parse(text, &c))
        fail_msg("'%s' was rejected", text);
    if (fabs(c.r - r) > EPS || fabs(c.g - g) > EPS || fabs(c.b - b) > EPS || fabs(c.a - a) > EPS)
        fail_msg("'%s' parsed as (%f, %f, %f, %f), expected (%f, %f, %f, %f)", text, c.r, c.g, c.b,
                 c.a, r, g, b, a);
}

static void assert_rejected(const char *text) {
    struct sumi_rgba c = {0.5, 0.5, 0.5, 0.5};
    if (sumi_color_parse(text, &c))
        fail_msg("'%s' was accepted as (%f, %f, %f, %f)", text ? text : "(null)", c.r, c.g, c.b,
                 c.a);
}

static void color_hex_rrggbb_is_opaque(void **state) {
    assert_rgba("#3366cc", 0x33 / 255.0, 0x66 / 255.0, 0xcc / 255.0, 1);
    assert_rgba("#000000", 0, 0, 0, 1);
    assert_rgba("#FFFFFF", 1, 1, 1, 1);
}

static void color_hex_rgb_doubles_each_digit(void **state) {
    assert_rgba("#f80", 1, 0x88 / 255.0, 0, 1);
    assert_rgba("#abc", 0xaa / 255.0, 0xbb / 255.0, 0xcc / 255.0, 1);
}

static void color_hex_rrggbbaa_reads_alpha(void **state) {
    assert_rgba("#ff000080", 1, 0, 0, 0x80 / 255.0);
    assert_rgba("#11223300", 0x11 / 255.0, 0x22 / 255.0, 0x33 / 255.0, 0);
    assert_rgba("#112233ff", 0x11 / 255.0, 0x22 / 255.0, 0x33 / 255.0, 1);
}

static void color_names_are_css_colours(void **state) {
    assert_rgba("red", 1, 0, 0, 1);
    assert_rgba("steelblue", 70 / 255.0, 130 / 255.0, 180 / 255.0, 1);
    assert_rgba("white", 1, 1, 1, 1);
}

static void color_transparent_has_zero_alpha(void **state) {
    assert_rgba("transparent", 0, 0, 0, 0);
    assert_rgba("none", 0, 0, 0, 0);
}

static void color_rejects_empty_and_null(void **state) {
    assert_rejected("");
    assert_rejected(NULL);
}

static void color_rejects_short_hex(void **state) {
    assert_rejected("#12");
    assert_rejected("#");
    assert_rejected("#12345");
}

static void color_rejects_unknown_names_and_bad_digits(void **state) {
    assert_rejected("notacolour");
    assert_rejected("#ggg");
    assert_rejected("#12345z");
}

static void color_rejected_text_leaves_output_unchanged(void **state) {
    struct sumi_rgba c = {0.25, 0.5, 0.75, 1};
    assert_false(sumi_color_parse("notacolour", &c));
    assert_true(c.r == 0.25 && c.g == 0.5 && c.b == 0.75 && c.a == 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(color_hex_rrggbb_is_opaque),
        cmocka_unit_test(color_hex_rgb_doubles_each_digit),
        cmocka_unit_test(color_hex_rrggbbaa_reads_alpha),
        cmocka_unit_test(color_names_are_css_colours),
        cmocka_unit_test(color_transparent_has_zero_alpha),
        cmocka_unit_test(color_rejects_empty_and_null),
        cmocka_unit_test(color_rejects_short_hex),
        cmocka_unit_test(color_rejects_unknown_names_and_bad_digits),
        cmocka_unit_test(color_rejected_text_leaves_output_unchanged),
    };
    return cmocka_run_group_tests_name("color", tests, NULL, NULL);
}
