/* engine/core/numtext.h: the one locale-free number formatter and parser,
 * in each of the forms its callers use. */
#include "support.h"

#include "numtext.h"

/* ---- numtext_format, NUMTEXT_SHORTEST ---- */

static void assert_formats(double value, const char *expected) {
    char buf[64];
    numtext_format(buf, sizeof buf, value, NUMTEXT_SHORTEST);
    assert_string_equal(buf, expected);
}

static void format_number_gives_shortest_form(void **state) {
    assert_formats(0.1, "0.1");
    assert_formats(3755, "3755");
    assert_formats(-2.5, "-2.5");
    assert_formats(1e20, "1e+20");
    assert_formats(0, "0");
    assert_formats(1, "1");
    assert_formats(1.5e-5, "1.5e-05");
}

/* Regression: the shortest "%.*g" of 20 is "2e+01", which reads back as 20
 * but is not how anyone writes twenty; messages said "expected, got 2e+01".
 * Whole numbers below 1e17 print in full, as "%.17g" would. */
static void format_number_whole_numbers_print_without_exponent(void **state) {
    assert_formats(20, "20");
    assert_formats(10, "10");
    assert_formats(100, "100");
    assert_formats(-300, "-300");
    assert_formats(1e15, "1000000000000000");
    assert_formats(0.0001, "0.0001");
    assert_formats(120.5, "120.5");
}

static void format_number_round_trips_every_double(void **state) {
    static const double values[] = {1.0 / 3, 0.1 + 0.2, 2.0 / 3 * 1e-300,      123456789.123456789,
                                    -1e-7,   5e-324,    1.7976931348623157e308};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        char buf[64];
        numtext_format(buf, sizeof buf, values[i], NUMTEXT_SHORTEST);
        if (strtod(buf, NULL) != values[i])
            fail_msg("'%s' does not read back as %.17g", buf, values[i]);
    }
    assert_formats(0.1 + 0.2, "0.30000000000000004");
}

static void format_number_uses_a_decimal_point(void **state) {
    char buf[64];
    numtext_format(buf, sizeof buf, 1234.5, NUMTEXT_SHORTEST);
    assert_string_equal(buf, "1234.5");
    assert_null(strchr(buf, ','));
}

static char *formatted(double value, int form) {
    static char buf[64];
    numtext_format(buf, sizeof buf, value, form);
    return buf;
}

static void format_shortest_writes_nan_and_infinities(void **state) {
    assert_string_equal(formatted(NAN, NUMTEXT_SHORTEST), "nan");
    assert_string_equal(formatted(-NAN, NUMTEXT_SHORTEST), "nan");
    assert_string_equal(formatted(INFINITY, NUMTEXT_SHORTEST), "inf");
    assert_string_equal(formatted(-INFINITY, NUMTEXT_SHORTEST), "-inf");
}

/* The data readers' form starts at 15 digits and keeps "%g"'s exponents. */
static void format_digits15_keeps_g_exponents(void **state) {
    assert_string_equal(formatted(0.1, NUMTEXT_DIGITS15), "0.1");
    assert_string_equal(formatted(1.5, NUMTEXT_DIGITS15), "1.5");
    assert_string_equal(formatted(0.1 + 0.2, NUMTEXT_DIGITS15), "0.30000000000000004");
    assert_string_equal(formatted(1e15, NUMTEXT_DIGITS15), "1e+15");
    assert_string_equal(formatted(123456789012345, NUMTEXT_DIGITS15), "123456789012345");
    assert_string_equal(formatted(1.5e-5, NUMTEXT_DIGITS15), "1.5e-05");
}

/* Drawing commands: fixed decimals, no trailing zeros, never "-0". */
static void format_decimals_drop_trailing_zeros_and_minus_zero(void **state) {
    assert_string_equal(formatted(12.5, 2), "12.5");
    assert_string_equal(formatted(12.0, 2), "12");
    assert_string_equal(formatted(1.0 / 3, 2), "0.33");
    assert_string_equal(formatted(-0.001, 2), "0");
    assert_string_equal(formatted(-0.0, 0), "0");
    assert_string_equal(formatted(100, 3), "100");
    assert_string_equal(formatted(2.5, 0), "2");
}

/* ---- numtext_parse ---- */

static void parse_reads_data_numbers(void **state) {
    double d = 0;
    assert_int_equal(numtext_parse("1.5", &d), 1);
    assert_true(d == 1.5);
    assert_int_equal(numtext_parse("-2e3", &d), 1);
    assert_true(d == -2000);
    assert_int_equal(numtext_parse("+.5", &d), 1);
    assert_true(d == 0.5);
    assert_int_equal(numtext_parse("7.", &d), 1);
    assert_true(d == 7);
    assert_int_equal(numtext_parse("0.1e-2", &d), 1);
    assert_true(d == 0.001);
}

static void parse_refuses_other_text(void **state) {
    static const char *const bad[] = {"",   "-",  ".",    "1e",  "1e+", "e5",    "1,5",
                                      " 1", "1 ", "0x10", "inf", "nan", "1.2.3", "--1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double d = 42;
        if (numtext_parse(bad[i], &d) != 0)
            fail_msg("'%s' read as a number", bad[i]);
    }
}

static void parse_says_when_out_of_range(void **state) {
    double d = 0;
    assert_int_equal(numtext_parse("1e999", &d), -1);
    assert_int_equal(numtext_parse("-1e999", &d), -1);
    assert_int_equal(numtext_parse("1e-999", &d), 1); /* underflow reads as 0 */
    assert_true(d == 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_number_gives_shortest_form),
        cmocka_unit_test(format_number_whole_numbers_print_without_exponent),
        cmocka_unit_test(format_number_round_trips_every_double),
        cmocka_unit_test(format_number_uses_a_decimal_point),
        cmocka_unit_test(format_shortest_writes_nan_and_infinities),
        cmocka_unit_test(format_digits15_keeps_g_exponents),
        cmocka_unit_test(format_decimals_drop_trailing_zeros_and_minus_zero),
        cmocka_unit_test(parse_reads_data_numbers),
        cmocka_unit_test(parse_refuses_other_text),
        cmocka_unit_test(parse_says_when_out_of_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
