/* The CSV reader: RFC 4180 input as analysts' tools write it (Excel's BOM
 * and CRLF, semicolons, embedded line breaks, Shift_JIS), typed columns
 * inferred per column, and errors that name the file, line and field.
 *
 * Most cases call sumi_csv_parse directly. Each input that parses is parsed
 * again with tiny buffers (4 to 64 bytes), which puts a buffer end inside
 * every field, quote and UTF-8 sequence: the result must not change. */
#include "support.h"

#include "csv.h"
#include "data.h"

/* ---- helpers ---- */

static int same_dataset(const struct sumi_dataset *a, const struct sumi_dataset *b) {
    if (a->rows != b->rows || a->column_count != b->column_count)
        return 0;
    for (size_t c = 0; c < a->column_count; c++) {
        const struct sumi_coldata *x = a->columns[c].data, *y = b->columns[c].data;
        if (strcmp(a->columns[c].name, b->columns[c].name) != 0 || x->type != y->type)
            return 0;
        for (size_t r = 0; r < a->rows; r++) {
            if (sumi_coldata_is_null(x, r) != sumi_coldata_is_null(y, r))
                return 0;
            if (sumi_coldata_is_null(x, r))
                continue;
            if (x->type == SUMI_STRING
                    ? strcmp(x->v.strings[r], y->v.strings[r]) != 0
                    : sumi_coldata_number_at(x, r) != sumi_coldata_number_at(y, r))
                return 0;
        }
    }
    return 1;
}

static struct sumi_csv_options defaults(void) {
    struct sumi_csv_options o;
    sumi_csv_options_init(&o);
    o.name = "t.csv";
    return o;
}

static const size_t small_buffers[] = {4, 5, 7, 13, 64};

/* Parses len bytes that must be a valid CSV; the caller unrefs. */
static struct sumi_dataset *parse_n(const char *bytes, size_t len, struct sumi_csv_options o) {
    char err[512];
    struct sumi_dataset *ds = sumi_csv_parse(bytes, len, &o, err, sizeof err);
    if (ds == NULL)
        fail_msg("parse failed: %s", err);
    for (size_t i = 0; i < sizeof small_buffers / sizeof *small_buffers; i++) {
        o.buffer_size = small_buffers[i];
        struct sumi_dataset *again = sumi_csv_parse(bytes, len, &o, err, sizeof err);
        if (again == NULL)
            fail_msg("parse with a %zu-byte buffer failed: %s", small_buffers[i], err);
        if (!same_dataset(ds, again))
            fail_msg("a %zu-byte buffer gives another dataset", small_buffers[i]);
        sumi_dataset_unref(again);
    }
    return ds;
}

#define PARSE(literal, o) parse_n(literal, sizeof literal - 1, o)

/* Parses bytes that must fail; returns the message (static storage). */
static const char *fails_n(const char *bytes, size_t len, struct sumi_csv_options o) {
    static char err[512];
    char again[512];
    struct sumi_dataset *ds = sumi_csv_parse(bytes, len, &o, err, sizeof err);
    if (ds != NULL)
        fail_msg("parse succeeded, an error was expected");
    for (size_t i = 0; i < sizeof small_buffers / sizeof *small_buffers; i++) {
        o.buffer_size = small_buffers[i];
        assert_null(sumi_csv_parse(bytes, len, &o, again, sizeof again));
        if (strcmp(err, again) != 0)
            fail_msg("a %zu-byte buffer gives another error:\n%s\n%s", small_buffers[i], err,
                     again);
    }
    return err;
}

#define FAILS(literal, o) fails_n(literal, sizeof literal - 1, o)

static const struct sumi_coldata *col(const struct sumi_dataset *ds, const char *name) {
    int i = sumi_dataset_find(ds, name);
    if (i < 0)
        fail_msg("no column '%s'", name);
    return ds->columns[i].data;
}

static void assert_type(const struct sumi_dataset *ds, const char *name, enum sumi_type type) {
    if (col(ds, name)->type != type)
        fail_msg("column '%s' is %s, expected %s", name, sumi_type_name(col(ds, name)->type),
                 sumi_type_name(type));
}

static void assert_string(const struct sumi_dataset *ds, const char *name, size_t row,
                          const char *expected) {
    const struct sumi_coldata *c = col(ds, name);
    assert_int_equal(c->type, SUMI_STRING);
    if (sumi_coldata_is_null(c, row))
        fail_msg("%s[%zu] is null, expected '%s'", name, row, expected);
    assert_string_equal(c->v.strings[row], expected);
}

static void assert_integer(const struct sumi_dataset *ds, const char *name, size_t row,
                           int64_t expected) {
    const struct sumi_coldata *c = col(ds, name);
    assert_int_equal(c->type, SUMI_INTEGER);
    assert_false(sumi_coldata_is_null(c, row));
    assert_true(c->v.integers[row] == expected);
}

static void assert_number(const struct sumi_dataset *ds, const char *name, size_t row,
                          double expected) {
    const struct sumi_coldata *c = col(ds, name);
    assert_int_equal(c->type, SUMI_NUMBER);
    assert_false(sumi_coldata_is_null(c, row));
    if (!(c->v.numbers[row] == expected && signbit(c->v.numbers[row]) == signbit(expected)))
        fail_msg("%s[%zu] is %.17g, expected %.17g", name, row, c->v.numbers[row], expected);
}

static void assert_null_at(const struct sumi_dataset *ds, const char *name, size_t row) {
    if (!sumi_coldata_is_null(col(ds, name), row))
        fail_msg("%s[%zu] is not null", name, row);
}

/* ---- RFC 4180 ---- */

static void csv_header_names_the_columns(void **state) {
    struct sumi_dataset *ds = PARSE("region,sales\nTokyo,120\nOsaka,95\n", defaults());
    assert_int_equal(ds->column_count, 2);
    assert_string_equal(ds->columns[0].name, "region");
    assert_string_equal(ds->columns[1].name, "sales");
    assert_int_equal(ds->rows, 2);
    assert_string(ds, "region", 0, "Tokyo");
    assert_integer(ds, "sales", 1, 95);
    sumi_dataset_unref(ds);
}

static void csv_quoted_field_keeps_its_comma(void **state) {
    struct sumi_dataset *ds = PARSE("name,city\n\"Sato, Hanako\",Tokyo\n", defaults());
    assert_int_equal(ds->rows, 1);
    assert_string(ds, "name", 0, "Sato, Hanako");
    assert_string(ds, "city", 0, "Tokyo");
    sumi_dataset_unref(ds);
}

static void csv_doubled_quote_is_one_quote(void **state) {
    struct sumi_dataset *ds = PARSE("id,note\n1,\"say \"\"hi\"\"\"\n2,\"\"\"\"\n", defaults());
    assert_string(ds, "note", 0, "say \"hi\"");
    assert_string(ds, "note", 1, "\"");
    sumi_dataset_unref(ds);
}

static void csv_quoted_newline_keeps_row_count(void **state) {
    struct sumi_dataset *ds =
        PARSE("id,note\n1,\"first line\nsecond line\"\n2,plain\n3,\"a\r\nb\"\n", defaults());
    assert_int_equal(ds->rows, 3);
    assert_string(ds, "note", 0, "first line\nsecond line");
    assert_integer(ds, "id", 1, 2);
    assert_string(ds, "note", 2, "a\r\nb"); /* inside quotes the bytes are data */
    sumi_dataset_unref(ds);
}

static void csv_line_numbers_count_quoted_newlines(void **state) {
    /* The short record starts on line 4, after a field spanning lines 2-3. */
    assert_string_equal(FAILS("id,note\n1,\"x\ny\"\n2\n", defaults()),
                        "t.csv:4: 1 fields, but the header has 2");
}

static void csv_crlf_line_ends_are_not_data(void **state) {
    struct sumi_dataset *ds = PARSE("id,name\r\n1,Tokyo\r\n2,\"Osaka\"\r\n", defaults());
    assert_string_equal(ds->columns[1].name, "name");
    assert_int_equal(ds->rows, 2);
    assert_string(ds, "name", 0, "Tokyo");
    assert_string(ds, "name", 1, "Osaka");
    assert_integer(ds, "id", 1, 2);
    sumi_dataset_unref(ds);
}

static void csv_lone_cr_is_data(void **state) {
    struct sumi_dataset *ds = PARSE("a\nx\ry\n", defaults());
    assert_int_equal(ds->rows, 1);
    assert_string(ds, "a", 0, "x\ry");
    sumi_dataset_unref(ds);
}

/* Classic Mac line ends read as one header and no rows: refused instead. */
static void csv_lone_cr_in_first_record_is_refused(void **state) {
    assert_string_equal(FAILS("id,note\r1,a\r", defaults()),
                        "t.csv:1: carriage return without a line feed at column 8 (file offset 7) "
                        "in the first record: classic Mac line ends are not read; save the file "
                        "with \\n or \\r\\n line ends");
    struct sumi_csv_options o = defaults();
    o.header = 0;
    assert_non_null(strstr(FAILS("1,2\r3,4\r", o), "t.csv:1: carriage return"));
    struct sumi_dataset *ds = PARSE("a\n\"x\ry\"\n", defaults()); /* quoted: data */
    assert_string(ds, "a", 0, "x\ry");
    sumi_dataset_unref(ds);
}

static void csv_utf8_bom_is_skipped(void **state) {
    struct sumi_dataset *ds = PARSE("\xEF\xBB\xBFid,地域\n1,東京\n", defaults());
    assert_string_equal(ds->columns[0].name, "id");
    assert_integer(ds, "id", 0, 1);
    assert_string(ds, "地域", 0, "東京");
    sumi_dataset_unref(ds);
}

static void csv_semicolon_and_tab_delimiters(void **state) {
    struct sumi_csv_options o = defaults();
    o.delimiter = ';';
    struct sumi_dataset *ds = PARSE("name;amount\n\"a;b\";1,5\nc;2\n", o);
    assert_string(ds, "name", 0, "a;b");
    /* A decimal comma is not a number: the column stays text. */
    assert_string(ds, "amount", 0, "1,5");
    assert_string(ds, "amount", 1, "2");
    sumi_dataset_unref(ds);
    o.delimiter = '\t';
    ds = PARSE("a\tb c\n1\tx, y\n", o);
    assert_string_equal(ds->columns[1].name, "b c");
    assert_integer(ds, "a", 0, 1);
    assert_string(ds, "b c", 0, "x, y");
    sumi_dataset_unref(ds);
}

static void csv_blank_lines_and_missing_final_newline(void **state) {
    struct sumi_dataset *ds = PARSE("\na,b\n1,2\n\n\r\n3,4", defaults());
    assert_int_equal(ds->rows, 2);
    assert_integer(ds, "a", 1, 3);
    assert_integer(ds, "b", 1, 4);
    sumi_dataset_unref(ds);
}

static void csv_quoted_empty_field_is_a_row_not_a_blank_line(void **state) {
    struct sumi_dataset *ds = PARSE("name\nA\n\"\"\nB\n", defaults());
    assert_int_equal(ds->rows, 3);
    assert_null_at(ds, "name", 1);
    assert_string(ds, "name", 2, "B");
    sumi_dataset_unref(ds);
}

static void csv_ten_megabyte_field_reads_whole(void **state) {
    size_t big = 10u << 20;
    char *csv = malloc(big + 64);
    assert_non_null(csv);
    size_t n = (size_t)sprintf(csv, "id,text\n1,\"");
    for (size_t i = 0; i < big; i++)
        csv[n + i] = i % 1000 == 999 ? '\n' : i % 100 == 0 ? '"' : 'x';
    for (size_t i = 0; i < big; i += 100) /* every quote doubled */
        csv[n + i + 1] = '"';
    n += big;
    n += (size_t)sprintf(csv + n, "\"\n2,short\n");
    struct sumi_csv_options o = defaults();
    char err[512];
    struct sumi_dataset *ds = sumi_csv_parse(csv, n, &o, err, sizeof err);
    if (ds == NULL)
        fail_msg("%s", err);
    assert_int_equal(ds->rows, 2);
    const char *text = col(ds, "text")->v.strings[0];
    assert_int_equal(strlen(text), big - (big + 99) / 100); /* each "" is one quote */
    assert_string(ds, "text", 1, "short");
    sumi_dataset_unref(ds);
    o.buffer_size = 4096; /* the buffer grows to hold the record */
    ds = sumi_csv_parse(csv, n, &o, err, sizeof err);
    assert_non_null(ds);
    assert_int_equal(strlen(col(ds, "text")->v.strings[0]), big - (big + 99) / 100);
    sumi_dataset_unref(ds);
    free(csv);
}

/* ---- types ---- */

static void csv_whole_numbers_stay_integers(void **state) {
    struct sumi_dataset *ds = PARSE("count,share,big,neg,exp\n1509,0.25,9000000000000,-7,1e3\n"
                                    "20,1.5,1,+3,2E-2\n",
                                    defaults());
    assert_integer(ds, "count", 0, 1509);
    assert_number(ds, "share", 0, 0.25);
    assert_integer(ds, "big", 0, 9000000000000);
    assert_integer(ds, "neg", 0, -7);
    assert_integer(ds, "neg", 1, 3);
    assert_number(ds, "exp", 0, 1000); /* an exponent means a measured value */
    assert_number(ds, "exp", 1, 0.02);
    sumi_dataset_unref(ds);
}

static void csv_integers_widen_to_numbers(void **state) {
    struct sumi_dataset *ds = PARSE("v\n1\n-2\n\n2.5\n7\n", defaults());
    assert_number(ds, "v", 0, 1);
    assert_number(ds, "v", 1, -2);
    assert_number(ds, "v", 2, 2.5);
    assert_number(ds, "v", 3, 7);
    sumi_dataset_unref(ds);
}

static void csv_int64_limits(void **state) {
    struct sumi_dataset *ds = PARSE(
        "max,min,over\n9223372036854775807,-9223372036854775808,9223372036854775808\n", defaults());
    assert_integer(ds, "max", 0, INT64_MAX);
    assert_integer(ds, "min", 0, INT64_MIN);
    assert_number(ds, "over", 0, 9223372036854775808.0); /* past int64: a number */
    sumi_dataset_unref(ds);
}

static void csv_leading_zeros_keep_codes_as_strings(void **state) {
    struct sumi_dataset *ds =
        PARSE("code,pref,zero,neg,frac,padded\n007,01,0,-0,0.5,00.5\n100,13,0,5,1,1\n", defaults());
    assert_string(ds, "code", 0, "007");
    assert_string(ds, "code", 1, "100");
    assert_string(ds, "pref", 0, "01");
    assert_integer(ds, "zero", 0, 0);
    assert_integer(ds, "neg", 0, 0); /* -0 is 0 */
    assert_number(ds, "frac", 0, 0.5);
    assert_string(ds, "padded", 0, "00.5");
    sumi_dataset_unref(ds);
}

static void csv_late_text_turns_the_column_to_text(void **state) {
    /* "n/a" on the last row: the second pass gives back every field as
     * written, "+3" and "1.50" included. */
    struct sumi_dataset *ds = PARSE("a,b,c\n+3,1.50,x\n,2e1,y\nn/a,true,z\n", defaults());
    assert_string(ds, "a", 0, "+3");
    assert_null_at(ds, "a", 1);
    assert_string(ds, "a", 2, "n/a");
    assert_string(ds, "b", 0, "1.50");
    assert_string(ds, "b", 1, "2e1");
    assert_string(ds, "b", 2, "true");
    assert_string(ds, "c", 2, "z");
    sumi_dataset_unref(ds);
}

static void csv_nan_inf_and_overflow_are_not_numbers(void **state) {
    struct sumi_dataset *ds =
        PARSE("nan,inf,huge,max,negzero,tiny\n1,2,3,1e308,-0.0,1e-400\nnan,-Infinity,1e999,"
              "-1e308,-0e5,5e-324\n",
              defaults());
    assert_string(ds, "nan", 1, "nan");
    assert_string(ds, "inf", 1, "-Infinity");
    assert_string(ds, "huge", 1, "1e999");
    assert_number(ds, "max", 0, 1e308);
    assert_number(ds, "max", 1, -1e308);
    assert_number(ds, "negzero", 0, 0.0); /* +0, never -0 */
    assert_number(ds, "negzero", 1, 0.0);
    assert_number(ds, "tiny", 0, 0.0);
    assert_number(ds, "tiny", 1, 5e-324);
    sumi_dataset_unref(ds);
}

static void csv_numbers_round_correctly(void **state) {
    struct sumi_dataset *ds =
        PARSE("x\n0.1\n123456789012345678901234567890\n3.14159265358979323846\n"
              "1.7976931348623157e308\n.5\n5.\n-12.75\n",
              defaults());
    assert_number(ds, "x", 0, 0.1);
    assert_number(ds, "x", 1, 123456789012345678901234567890.0);
    assert_number(ds, "x", 2, 3.14159265358979323846);
    assert_number(ds, "x", 3, 1.7976931348623157e308);
    assert_number(ds, "x", 4, 0.5);
    assert_number(ds, "x", 5, 5.0);
    assert_number(ds, "x", 6, -12.75);
    sumi_dataset_unref(ds);
}

static void csv_booleans_and_dates_are_inferred(void **state) {
    struct sumi_dataset *ds =
        PARSE("ok,day,notday,mixed\ntrue,2024-02-29,2023-02-29,true\nFALSE,1970-01-01,x,1\n"
              "True,,2024-01-01,false\n",
              defaults());
    const struct sumi_coldata *ok = col(ds, "ok"), *day = col(ds, "day");
    assert_int_equal(ok->type, SUMI_BOOLEAN);
    assert_int_equal(ok->v.booleans[0], 1);
    assert_int_equal(ok->v.booleans[1], 0);
    assert_int_equal(ok->v.booleans[2], 1);
    assert_int_equal(day->type, SUMI_DATE);
    assert_int_equal(day->v.dates[1], 0);
    assert_int_equal(day->v.dates[0], 19782);
    assert_null_at(ds, "day", 2);
    assert_string(ds, "notday", 0, "2023-02-29");
    assert_string(ds, "mixed", 1, "1");
    sumi_dataset_unref(ds);
}

static void csv_all_null_column_and_header_alone_are_strings(void **state) {
    struct sumi_dataset *ds = PARSE("a,b\n1,\n2,\n", defaults());
    assert_type(ds, "b", SUMI_STRING);
    assert_null_at(ds, "b", 0);
    assert_null_at(ds, "b", 1);
    sumi_dataset_unref(ds);
    ds = PARSE("name,count\r\n", defaults());
    assert_int_equal(ds->rows, 0);
    assert_int_equal(ds->column_count, 2);
    assert_type(ds, "count", SUMI_STRING);
    sumi_dataset_unref(ds);
}

static void csv_numbers_false_keeps_text(void **state) {
    struct sumi_csv_options o = defaults();
    o.infer = 0;
    struct sumi_dataset *ds = PARSE("zip,n,ok\n0100001,12,true\n", o);
    assert_string(ds, "zip", 0, "0100001");
    assert_string(ds, "n", 0, "12");
    assert_string(ds, "ok", 0, "true");
    sumi_dataset_unref(ds);
}

static void csv_header_false_names_columns_by_position(void **state) {
    struct sumi_csv_options o = defaults();
    o.header = 0;
    struct sumi_dataset *ds = PARSE("Tokyo,1\nOsaka,2\n", o);
    assert_int_equal(ds->rows, 2);
    assert_string(ds, "column1", 0, "Tokyo");
    assert_integer(ds, "column2", 1, 2);
    sumi_dataset_unref(ds);
    assert_string_equal(FAILS("a,b\n1\n", o), "t.csv:2: 1 fields, but the first record has 2");
}

static void csv_forced_types_convert_or_fail(void **state) {
    struct sumi_csv_type types[] = {{"code", SUMI_STRING},
                                    {"n", SUMI_INTEGER},
                                    {"v", SUMI_NUMBER},
                                    {"ok", SUMI_BOOLEAN},
                                    {"day", SUMI_DATE}};
    struct sumi_csv_options o = defaults();
    o.types = types;
    o.type_count = 5;
    struct sumi_dataset *ds =
        PARSE("code,n,v,ok,day\n12,007,3,TRUE,2025-07-26\n,-5,0.5,false,\n", o);
    assert_string(ds, "code", 0, "12");
    assert_null_at(ds, "code", 1);
    assert_integer(ds, "n", 0, 7); /* forced: leading zeros are fine */
    assert_number(ds, "v", 0, 3);
    assert_int_equal(col(ds, "ok")->v.booleans[0], 1);
    assert_type(ds, "day", SUMI_DATE);
    sumi_dataset_unref(ds);
    assert_string_equal(FAILS("code,n,v,ok,day\n1,2,3,true,2025-01-01\n1,2.5,3,true,\n", o),
                        "t.csv:3: field 2 ('n'): expected an integer, got '2.5'");
    assert_string_equal(FAILS("code,n,v,ok,day\n1,99999999999999999999,3,true,\n", o),
                        "t.csv:2: field 2 ('n'): expected an integer, got "
                        "'99999999999999999999' (it does not fit in 64 bits)");
    assert_string_equal(FAILS("code,n,v,ok,day\n1,2,n/a,true,\n", o),
                        "t.csv:2: field 3 ('v'): expected a number, got 'n/a'");
    assert_string_equal(FAILS("code,n,v,ok,day\n1,2,3,yes,\n", o),
                        "t.csv:2: field 4 ('ok'): expected true or false, got 'yes'");
    assert_string_equal(FAILS("code,n,v,ok,day\n\"x\ny\",2,3,true,2025-02-30\n", o),
                        "t.csv:3: field 5 ('day'): expected a date (YYYY-MM-DD), got "
                        "'2025-02-30'");
    assert_string_equal(FAILS("code,n,v,ok,day\n1,\"3,755\",3,true,\n", o),
                        "t.csv:2: field 2 ('n'): expected an integer, got '3,755' (pass "
                        "thousands = true to read numbers written like 3,755)");
}

static void csv_forced_number_refuses_nan_inf_overflow(void **state) {
    struct sumi_csv_type types[] = {{"v", SUMI_NUMBER}};
    struct sumi_csv_options o = defaults();
    o.types = types;
    o.type_count = 1;
    assert_string_equal(FAILS("v\n1\nNaN\n", o), "t.csv:3: field 1 ('v'): expected a number, got "
                                                 "'NaN' (NaN and infinities are not data)");
    assert_string_equal(FAILS("v\n-inf\n", o), "t.csv:2: field 1 ('v'): expected a number, got "
                                               "'-inf' (NaN and infinities are not data)");
    assert_string_equal(FAILS("v\n1e999\n", o), "t.csv:2: field 1 ('v'): expected a number, got "
                                                "'1e999' (too large for a number)");
    struct sumi_dataset *ds = PARSE("v\n1e308\n-0\n", o);
    assert_number(ds, "v", 0, 1e308);
    assert_number(ds, "v", 1, 0.0);
    sumi_dataset_unref(ds);
}

static void csv_null_markers_replace_the_default(void **state) {
    const char *nulls[] = {"", "NA", "-"};
    struct sumi_csv_options o = defaults();
    o.nulls = nulls;
    o.null_count = 3;
    struct sumi_dataset *ds = PARSE("a,b\n1,x\nNA,-\n,\"NA\"\n3,y\n", o);
    assert_integer(ds, "a", 0, 1);
    assert_null_at(ds, "a", 1);
    assert_null_at(ds, "a", 2);
    assert_null_at(ds, "b", 1);
    assert_null_at(ds, "b", 2); /* quoting does not matter */
    sumi_dataset_unref(ds);
    const char *only_na[] = {"NA"};
    o.nulls = only_na;
    o.null_count = 1;
    ds = PARSE("a,b\n1,\nNA,x\n", o);
    assert_null_at(ds, "a", 1);
    assert_string(ds, "b", 0, ""); /* "" is no longer null */
    sumi_dataset_unref(ds);
}

static void csv_thousands_separators(void **state) {
    struct sumi_csv_options o = defaults();
    struct sumi_dataset *ds = PARSE("n\n\"3,755\"\n", o);
    assert_string(ds, "n", 0, "3,755"); /* off by default */
    sumi_dataset_unref(ds);
    o.thousands = 1;
    ds = PARSE(
        "n,v,bad,small\n\"3,755\",\"1,234,567.5\",\"1,5\",12\n\"-1,000\",2,\"12,34\",\"999\"\n", o);
    assert_integer(ds, "n", 0, 3755);
    assert_integer(ds, "n", 1, -1000);
    assert_number(ds, "v", 0, 1234567.5);
    assert_string(ds, "bad", 0, "1,5");
    assert_integer(ds, "small", 1, 999);
    sumi_dataset_unref(ds);
    ds = PARSE("n\n\"1,000,000,000,000,000,000,000\"\n", o);
    assert_number(ds, "n", 0, 1e21);
    sumi_dataset_unref(ds);
}

static void csv_repeated_strings_share_storage(void **state) {
    char csv[64 * 1024];
    size_t n = (size_t)sprintf(csv, "region,id\n");
    for (int i = 0; i < 1000; i++)
        n += (size_t)sprintf(csv + n, "%s,id%d\n", i % 3 == 0 ? "東京" : "大阪", i);
    struct sumi_dataset *ds = parse_n(csv, n, defaults());
    const struct sumi_coldata *region = col(ds, "region"), *id = col(ds, "id");
    assert_ptr_equal(region->v.strings[0], region->v.strings[3]);
    assert_string_equal(region->v.strings[1], "大阪");
    assert_string_equal(id->v.strings[999], "id999");
    sumi_dataset_unref(ds);
}

static void csv_categories_differing_in_their_last_bytes_are_shared(void **state) {
    /* Regression: a hash that ignored the last bytes made "group_001" to
     * "group_100" collide until interning gave up. */
    char *csv = malloc(20 * 10000 + 16);
    assert_non_null(csv);
    size_t n = (size_t)sprintf(csv, "category\n");
    for (int i = 0; i < 10000; i++)
        n += (size_t)sprintf(csv + n, "group_%03d\n", (i * 37) % 100);
    struct sumi_dataset *ds = parse_n(csv, n, defaults());
    const struct sumi_coldata *c = col(ds, "category");
    for (size_t r = 100; r < 10000; r++)
        if (c->v.strings[r] != c->v.strings[r - 100])
            fail_msg("row %zu: '%s' is not shared with row %zu", r, c->v.strings[r], r - 100);
    sumi_dataset_unref(ds);
    free(csv);
}

static void csv_many_rows_grow_the_columns(void **state) {
    size_t rows = 200000;
    char *csv = malloc(rows * 40 + 64);
    assert_non_null(csv);
    size_t n = (size_t)sprintf(csv, "i,x,s\n");
    for (size_t i = 0; i < rows; i++)
        n += (size_t)sprintf(csv + n, "%zu,%zu.5,s%zu\n", i, i % 1000, i % 7);
    n += (size_t)sprintf(csv + n, "n/a,1,x\n");
    struct sumi_csv_options o = defaults();
    char err[512];
    struct sumi_dataset *ds = sumi_csv_parse(csv, n, &o, err, sizeof err);
    if (ds == NULL)
        fail_msg("%s", err);
    assert_int_equal(ds->rows, rows + 1);
    assert_string(ds, "i", rows - 1, "199999"); /* turned to text on the last row */
    assert_string(ds, "i", rows, "n/a");
    assert_number(ds, "x", 1234, 234.5);
    assert_string(ds, "s", 13, "s6");
    sumi_dataset_unref(ds);
    free(csv);
}

/* ---- errors ---- */

static void csv_wrong_field_count_names_file_and_line(void **state) {
    assert_string_equal(FAILS("a,b,c\n1,2,3\n4,5\n", defaults()),
                        "t.csv:3: 2 fields, but the header has 3");
    assert_string_equal(FAILS("a,b\n1,2,3\n", defaults()),
                        "t.csv:2: 3 fields, but the header has 2");
}

static void csv_unclosed_quote_is_an_error(void **state) {
    assert_string_equal(FAILS("a,b\n1,2\n3,\"never closed\n4,5\n", defaults()),
                        "t.csv:3: field 2 ('b'): quoted field never closed");
}

static void csv_stray_quotes_are_errors(void **state) {
    assert_string_equal(FAILS("a,b\n1,2 \"inch\"\n", defaults()),
                        "t.csv:2: field 2 ('b'): quote inside an unquoted field (quote the whole "
                        "field and double the quote)");
    assert_string_equal(FAILS("a,b\n\"x\"y,2\n", defaults()),
                        "t.csv:2: field 1 ('a'): text after a closing quote (quote the whole "
                        "field and double the quotes inside)");
    assert_string_equal(FAILS("a,b\n\"x\"\r,2\n", defaults()),
                        "t.csv:2: field 1 ('a'): text after a closing quote (quote the whole "
                        "field and double the quotes inside)");
}

static void csv_invalid_utf8_names_line_column_and_offset(void **state) {
    /* 日本 in Shift_JIS is 93 FA 96 7B. */
    assert_string_equal(FAILS("id,name\n1,\x93\xFA\x96\x7B\n", defaults()),
                        "t.csv:2: not valid UTF-8 (byte 0x93 at column 3, file offset 10); save "
                        "the file as UTF-8 or pass encoding = \"...\" (\"cp932\" for Shift_JIS "
                        "from Excel)");
    /* overlong '/', a surrogate, past U+10FFFF, a truncated sequence at the
     * end, and inside quotes */
    assert_contains(FAILS("a\n\xC0\xAF\n", defaults()), "t.csv:2: not valid UTF-8 (byte 0xC0");
    assert_contains(FAILS("a\n\xED\xA0\x80\n", defaults()),
                    "(byte 0xED at column 1, file offset 2)");
    assert_contains(FAILS("a\n\xF4\x90\x80\x80\n", defaults()), "byte 0xF4");
    assert_contains(FAILS("a\nok\xE6\x97", defaults()),
                    "t.csv:2: not valid UTF-8 (byte 0xE6 at column 3");
    assert_contains(FAILS("a\n\"x\ny\xFF\"\n", defaults()),
                    "t.csv:3: not valid UTF-8 (byte 0xFF at column 2");
    assert_contains(FAILS("\xFF\xFE"
                          "a\0,\0",
                          defaults()),
                    "UTF-16 byte order mark");
    assert_string_equal(FAILS("a,b\n1,x\0y\n", defaults()),
                        "t.csv:2: NUL byte at column 4 (file offset 7): not a text file (if it is "
                        "UTF-16, pass encoding = \"utf-16\")");
    struct sumi_dataset *ds = PARSE("a\n\xF0\x9F\x98\x80\n\"\xE5\x87\xA1\"\n", defaults());
    assert_string(ds, "a", 0, "\xF0\x9F\x98\x80");
    sumi_dataset_unref(ds);
}

static void csv_encoding_converts_to_utf8(void **state) {
    struct sumi_csv_options o = defaults();
    o.encoding = "shift_jis";
    /* 地域,件数 / 東京,3 in Shift_JIS */
    struct sumi_dataset *ds =
        PARSE("\x92\x6E\x88\xE6,\x8C\x8F\x90\x94\r\n\x93\x8C\x8B\x9E,3\r\n", o);
    assert_string(ds, "地域", 0, "東京");
    assert_integer(ds, "件数", 0, 3);
    sumi_dataset_unref(ds);
    o.encoding = "cp932"; /* NEC special characters: ① is 87 40 */
    ds = PARSE("a\n\x87\x40\n", o);
    assert_string(ds, "a", 0, "①");
    sumi_dataset_unref(ds);
    o.encoding = "euc-jp";
    ds = PARSE("a\n\xC5\xEC\xB5\xFE\n", o);
    assert_string(ds, "a", 0, "東京");
    sumi_dataset_unref(ds);
    o.encoding = "UTF-8";
    ds = PARSE("a\n東京\n", o);
    assert_string(ds, "a", 0, "東京");
    sumi_dataset_unref(ds);
    o.encoding = "utf-16";
    ds = PARSE("\xFF\xFE"
               "a\0\n\0\x71\x67\n\0",
               o);
    assert_string(ds, "a", 0, "東");
    sumi_dataset_unref(ds);
    o.encoding = "shift_jis";
    assert_string_equal(FAILS("a\nok\n\x93\x8C\x8B\xFF\n", o),
                        "t.csv:3: not valid shift_jis (byte 0x8B at file offset 7); is the file "
                        "in another encoding?");
    assert_string_equal(FAILS("a\n\x93", o), "t.csv:2: not valid shift_jis: the file ends "
                                             "inside a character (file offset 2)");
    o.encoding = "klingon";
    assert_contains(FAILS("a\n", o), "option 'encoding' names an unknown encoding: \"klingon\"");
}

static void csv_header_errors_name_the_column(void **state) {
    assert_string_equal(FAILS("id,id\n1,2\n", defaults()),
                        "t.csv:1: column name 'id' appears twice");
    assert_string_equal(FAILS("\nid,,x\n1,2,3\n", defaults()),
                        "t.csv:2: column 2 has an empty name");
    assert_string_equal(FAILS("", defaults()), "t.csv: empty file (a header row is expected)");
    assert_string_equal(FAILS("\xEF\xBB\xBF\r\n\n", defaults()),
                        "t.csv: empty file (a header row is expected)");
    size_t n = 16385 * 2;
    char *wide = malloc(n);
    assert_non_null(wide);
    for (size_t i = 0; i < n; i++)
        wide[i] = i % 2 ? ',' : 'a';
    wide[n - 1] = '\n';
    assert_string_equal(fails_n(wide, n, defaults()),
                        "t.csv:1: more than 16384 fields in the first record; sumi reads at most "
                        "16384 columns");
    free(wide);
}

static void csv_forced_type_of_a_missing_column_is_an_error(void **state) {
    struct sumi_csv_type types[] = {{"cuont", SUMI_INTEGER}};
    struct sumi_csv_options o = defaults();
    o.types = types;
    o.type_count = 1;
    assert_string_equal(FAILS("region,count\nx,1\n", o),
                        "data.read_csv: option 'types' names no column 'cuont' in t.csv; its "
                        "columns: region, count");
}

/* ---- files and Lua ---- */

struct fixture {
    lua_State *L;
    char *dir;
};

static int setup(void **state) {
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = make_temp_dir();
    f->L = new_state();
    luaL_requiref(f->L, "sumi.data", luaopen_sumi_data, 0);
    lua_setglobal(f->L, "data");
    *state = f;
    return 0;
}

static int teardown(void **state) {
    struct fixture *f = *state;
    lua_close(f->L);
    remove_tree(f->dir);
    free(f);
    return 0;
}

/* Writes the CSV bytes to dir/name and sets the global `path` to it. */
static char *given_csv(struct fixture *f, const char *name, const char *bytes, size_t len) {
    char *path = join_path(f->dir, name);
    write_file(path, bytes, len);
    set_global_string(f->L, "path", path);
    return path;
}

#define GIVEN_CSV(f, name, literal) free(given_csv(f, name, literal, sizeof literal - 1))

static void csv_file_reads_like_memory(void **state) {
    struct fixture *f = *state;
    /* A late "n/a" makes the second pass read the file again. */
    static const char csv[] = "\xEF\xBB\xBFid,v,name\r\n1,2.5,東京\r\n2,\"3\",\"大阪\r\n府\"\r\n"
                              "n/a,4,x\r\n";
    char *path = given_csv(f, "same.csv", csv, sizeof csv - 1);
    struct sumi_csv_options o = defaults();
    struct sumi_dataset *mem = PARSE(csv, o);
    for (size_t size = 4; size <= 64; size += 3) {
        char err[512];
        o.buffer_size = size;
        struct sumi_dataset *file = sumi_csv_read(path, &o, err, sizeof err);
        if (file == NULL)
            fail_msg("%s", err);
        assert_true(same_dataset(mem, file));
        sumi_dataset_unref(file);
    }
    assert_string(mem, "id", 2, "n/a");
    assert_string(mem, "name", 1, "大阪\r\n府");
    sumi_dataset_unref(mem);
    free(path);
}

static void csv_read_csv_returns_a_dataset(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "a.csv", "region,sales,code\nTokyo,120,007\nOsaka,NA,010\n");
    run_ok(f->L,
           "local ds = data.read_csv(path, {null = {'', 'NA'}, types = {sales = 'number'},\n"
           "  title = 'Sales', source = 'HQ', columns = {sales = {unit = 'JPY'}}})\n"
           "assert(#ds == 2 and ds:type('sales') == 'number' and ds:type('code') == 'string')\n"
           "local rows = ds:rows()\n"
           "assert(rows[1].sales == 120.0 and rows[2].sales == nil and rows[2].code == '010')\n"
           "assert(ds:meta().title == 'Sales' and ds:meta('sales').unit == 'JPY')\n"
           "local h = data.read_csv(path, {header = false, numbers = false})\n"
           "assert(#h == 3 and h:column('column2')[2] == '120')\n");
}

static void csv_bad_options_are_errors(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "o.csv", "a\n1\n");
    const char *msg = run_error(f->L, "data.read_csv(path, {separator = ';'})");
    assert_contains(msg, "unknown option 'separator'");
    assert_contains(msg, "valid options: delimiter, header, types, null, numbers, thousands, "
                         "encoding, title, source, unit, notes, columns");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {delimiter = ';;'})"),
                    "data.read_csv: option 'delimiter' must be one character other than a quote "
                    "or a line break; got string \";;\"");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {delimiter = '\"'})"),
                    "option 'delimiter' must be one character");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {types = {a = 'float'}})"),
                    "data.read_csv: option 'types.a' must be one of integer, number, string, "
                    "boolean, date, month, quarter; got string \"float\"");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {types = {b = 'integer'}})"),
                    "option 'types' names no column 'b' in");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {null = 'NA'})"),
                    "data.read_csv: option 'null' must be a list of strings, such as {\"\", "
                    "\"NA\"}; got string \"NA\"");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {null = {'NA', 3}})"),
                    "option 'null' must be a list of strings");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {encoding = 'klingon'})"),
                    "data.read_csv: option 'encoding' names an unknown encoding: \"klingon\"");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {header = 'yes'})"),
                    "data.read_csv: option 'header' must be a boolean; got string \"yes\"");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {columns = {b = {unit = 'x'}}})"),
                    "no column 'b'");
}

static void csv_missing_file_is_an_error(void **state) {
    struct fixture *f = *state;
    set_global_string(f->L, "path", "/nonexistent/sumi/none.csv");
    assert_contains(run_error(f->L, "data.read_csv(path)"),
                    "cannot read '/nonexistent/sumi/none.csv': No such file or directory");
    lua_pop(f->L, 1);
    set_global_string(f->L, "path", f->dir);
    assert_contains(run_error(f->L, "data.read_csv(path)"), "it is a folder");
}

int main(void) {
#define T(name) cmocka_unit_test(name)
#define L(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(csv_header_names_the_columns),
        T(csv_quoted_field_keeps_its_comma),
        T(csv_doubled_quote_is_one_quote),
        T(csv_quoted_newline_keeps_row_count),
        T(csv_line_numbers_count_quoted_newlines),
        T(csv_crlf_line_ends_are_not_data),
        T(csv_lone_cr_is_data),
        T(csv_lone_cr_in_first_record_is_refused),
        T(csv_utf8_bom_is_skipped),
        T(csv_semicolon_and_tab_delimiters),
        T(csv_blank_lines_and_missing_final_newline),
        T(csv_quoted_empty_field_is_a_row_not_a_blank_line),
        T(csv_ten_megabyte_field_reads_whole),
        T(csv_whole_numbers_stay_integers),
        T(csv_integers_widen_to_numbers),
        T(csv_int64_limits),
        T(csv_leading_zeros_keep_codes_as_strings),
        T(csv_late_text_turns_the_column_to_text),
        T(csv_nan_inf_and_overflow_are_not_numbers),
        T(csv_numbers_round_correctly),
        T(csv_booleans_and_dates_are_inferred),
        T(csv_all_null_column_and_header_alone_are_strings),
        T(csv_numbers_false_keeps_text),
        T(csv_header_false_names_columns_by_position),
        T(csv_forced_types_convert_or_fail),
        T(csv_forced_number_refuses_nan_inf_overflow),
        T(csv_null_markers_replace_the_default),
        T(csv_thousands_separators),
        T(csv_repeated_strings_share_storage),
        T(csv_categories_differing_in_their_last_bytes_are_shared),
        T(csv_many_rows_grow_the_columns),
        T(csv_wrong_field_count_names_file_and_line),
        T(csv_unclosed_quote_is_an_error),
        T(csv_stray_quotes_are_errors),
        T(csv_invalid_utf8_names_line_column_and_offset),
        T(csv_encoding_converts_to_utf8),
        T(csv_header_errors_name_the_column),
        T(csv_forced_type_of_a_missing_column_is_an_error),
        L(csv_file_reads_like_memory),
        L(csv_read_csv_returns_a_dataset),
        L(csv_bad_options_are_errors),
        L(csv_missing_file_is_an_error),
    };
#undef T
#undef L
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
