/* The dataset core in C: building, type settling, gathering, metadata and
 * dates, without Lua. */
#include "support.h"

#include "dataset.h"

static void builder_integers_and_numbers_make_a_number_column(void **state) {
    (void)state;
    struct sumi_builder *b = sumi_builder_new();
    int c = sumi_builder_add_column(b, "value");
    sumi_builder_integer(b, c, 1509);
    sumi_builder_end_row(b);
    sumi_builder_number(b, c, 0.5);
    sumi_builder_end_row(b);
    sumi_builder_end_row(b); /* a row without a value: null */
    char err[256];
    struct sumi_dataset *ds = sumi_builder_finish(b, err, sizeof err);
    assert_non_null(ds);
    assert_int_equal(ds->rows, 3);
    const struct sumi_coldata *col = ds->columns[0].data;
    assert_int_equal(col->type, SUMI_NUMBER);
    assert_true(col->v.numbers[0] == 1509.0);
    assert_true(col->v.numbers[1] == 0.5);
    assert_true(sumi_coldata_is_null(col, 2));
    assert_false(sumi_coldata_is_null(col, 0));
    sumi_dataset_unref(ds);
}

static void builder_mixed_string_and_number_names_column_and_rows(void **state) {
    (void)state;
    struct sumi_builder *b = sumi_builder_new();
    int c = sumi_builder_add_column(b, "count");
    sumi_builder_integer(b, c, 1);
    sumi_builder_end_row(b);
    sumi_builder_string(b, c, "n/a", 3);
    sumi_builder_end_row(b);
    char err[256];
    assert_null(sumi_builder_finish(b, err, sizeof err));
    assert_string_equal(err, "column 'count': row 2 holds a string where row 1 holds an integer");
}

static void builder_rejects_duplicate_column_names(void **state) {
    (void)state;
    struct sumi_builder *b = sumi_builder_new();
    assert_int_equal(sumi_builder_add_column(b, "a"), 0);
    assert_int_equal(sumi_builder_add_column(b, "a"), -1);
    sumi_builder_free(b);
}

static void all_null_column_is_a_string_column(void **state) {
    (void)state;
    struct sumi_builder *b = sumi_builder_new();
    int c = sumi_builder_add_column(b, "empty");
    sumi_builder_null(b, c);
    sumi_builder_end_row(b);
    char err[256];
    struct sumi_dataset *ds = sumi_builder_finish(b, err, sizeof err);
    assert_non_null(ds);
    assert_int_equal(ds->columns[0].data->type, SUMI_STRING);
    assert_true(sumi_coldata_is_null(ds->columns[0].data, 0));
    sumi_dataset_unref(ds);
}

static void gather_repeats_rows_and_makes_nulls(void **state) {
    (void)state;
    struct sumi_coldata *col = sumi_coldata_new(SUMI_STRING, 2);
    sumi_coldata_push_string(col, "北京", strlen("北京"));
    sumi_coldata_push_string(col, "上海", strlen("上海"));
    size_t rows[] = {1, 1, SIZE_MAX, 0};
    struct sumi_coldata *g = sumi_coldata_gather(col, rows, 4);
    sumi_coldata_unref(col); /* the gathered column keeps the strings alive */
    assert_int_equal(g->length, 4);
    assert_string_equal(g->v.strings[0], "上海");
    assert_string_equal(g->v.strings[1], "上海");
    assert_true(sumi_coldata_is_null(g, 2));
    assert_string_equal(g->v.strings[3], "北京");
    sumi_coldata_unref(g);
}

static void large_strings_survive_in_the_arena(void **state) {
    (void)state;
    struct sumi_coldata *col = sumi_coldata_new(SUMI_STRING, 1);
    size_t big = 200000;
    char *text = malloc(big);
    memset(text, 'x', big);
    sumi_coldata_push_string(col, "small", 5);
    sumi_coldata_push_string(col, text, big);
    sumi_coldata_push_string(col, "after", 5);
    assert_string_equal(col->v.strings[0], "small");
    assert_int_equal(strlen(col->v.strings[1]), big);
    assert_string_equal(col->v.strings[2], "after");
    free(text);
    sumi_coldata_unref(col);
}

static void dataset_rejects_length_mismatch_and_duplicates(void **state) {
    (void)state;
    struct sumi_dataset *ds = sumi_dataset_new();
    struct sumi_coldata *a = sumi_coldata_new(SUMI_INTEGER, 2);
    sumi_coldata_push_integer(a, 1);
    sumi_coldata_push_integer(a, 2);
    struct sumi_coldata *b = sumi_coldata_new(SUMI_INTEGER, 1);
    sumi_coldata_push_integer(b, 1);
    char err[256];
    assert_int_equal(sumi_dataset_add_column(ds, "a", a, err, sizeof err), 0);
    assert_int_equal(sumi_dataset_add_column(ds, "a", a, err, sizeof err), -1);
    assert_string_equal(err, "column name 'a' appears twice");
    assert_int_equal(sumi_dataset_add_column(ds, "b", b, err, sizeof err), -1);
    assert_string_equal(err, "column 'b' has 1 rows, the others 2");
    assert_int_equal(sumi_dataset_find(ds, "a"), 0);
    assert_int_equal(sumi_dataset_find(ds, "b"), -1);
    sumi_coldata_unref(a);
    sumi_coldata_unref(b);
    sumi_dataset_unref(ds);
}

static void meta_merge_joins_sources_once_each(void **state) {
    (void)state;
    struct sumi_meta a = {0}, b = {0}, c = {0};
    a.source = strdup("WAIC 2025");
    b.source = strdup("CAICT / WAIC 2025");
    b.unit = strdup("社");
    c.source = strdup("CAICT");
    assert_int_equal(sumi_meta_merge(&a, &b), 0);
    assert_int_equal(sumi_meta_merge(&a, &c), 0);
    assert_string_equal(a.source, "WAIC 2025 / CAICT");
    assert_string_equal(a.unit, "社");
    sumi_meta_free(&a);
    sumi_meta_free(&b);
    sumi_meta_free(&c);
}

static void dates_round_trip_through_days(void **state) {
    (void)state;
    static const char *const dates[] = {"1970-01-01", "2025-07-29", "2000-02-29",
                                        "1969-12-31", "2400-12-31", "1900-03-01"};
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        int32_t days;
        assert_int_equal(sumi_date_parse(dates[i], 10, &days), 0);
        char buf[16];
        sumi_date_format(days, buf);
        assert_string_equal(buf, dates[i]);
    }
    int32_t days;
    assert_int_equal(sumi_date_parse("1970-01-01", 10, &days), 0);
    assert_int_equal(days, 0);
    assert_int_equal(sumi_date_parse("2025-07-29", 10, &days), 0);
    assert_int_equal(days, 20298);
}

static void invalid_dates_are_refused(void **state) {
    (void)state;
    static const char *const bad[] = {"2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10",
                                      "2025-04-31", "2025/07/29", "25-07-29",   "2025-7-29"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int32_t days;
        assert_int_equal(sumi_date_parse(bad[i], strlen(bad[i]), &days), -1);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builder_integers_and_numbers_make_a_number_column),
        cmocka_unit_test(builder_mixed_string_and_number_names_column_and_rows),
        cmocka_unit_test(builder_rejects_duplicate_column_names),
        cmocka_unit_test(all_null_column_is_a_string_column),
        cmocka_unit_test(gather_repeats_rows_and_makes_nulls),
        cmocka_unit_test(large_strings_survive_in_the_arena),
        cmocka_unit_test(dataset_rejects_length_mismatch_and_duplicates),
        cmocka_unit_test(meta_merge_joins_sources_once_each),
        cmocka_unit_test(dates_round_trip_through_days),
        cmocka_unit_test(invalid_dates_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
