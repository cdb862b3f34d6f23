/* sumi.data.read_csv: RFC 4180 input as analysts' tools write it (Excel's
 * BOM and CRLF, semicolons, embedded line breaks), numbers inferred per
 * column, and errors that name the file and line. */
#include "support.h"

#include "modules.h"

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
static void given_csv(struct fixture *f, const char *name, const char *bytes, size_t len) {
    char *path = join_path(f->dir, name);
    write_file(path, bytes, len);
    set_global_string(f->L, "path", path);
    free(path);
}

#define GIVEN_CSV(f, name, literal) given_csv(f, name, literal, sizeof literal - 1)

static void csv_header_names_the_columns(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "a.csv", "region,sales\nTokyo,120\nOsaka,95\n");
    run_ok(f->L, "local rows, cols = data.read_csv(path)\n"
                 "assert(#cols == 2 and cols[1] == 'region' and cols[2] == 'sales')\n"
                 "assert(#rows == 2, #rows)\n"
                 "assert(rows[1].region == 'Tokyo' and rows[2].sales == 95)\n");
}

static void csv_quoted_field_keeps_its_comma(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "q.csv", "name,city\n\"Sato, Hanako\",Tokyo\n");
    run_ok(f->L, "local rows = data.read_csv(path)\n"
                 "assert(#rows == 1)\n"
                 "assert(rows[1].name == 'Sato, Hanako', rows[1].name)\n"
                 "assert(rows[1].city == 'Tokyo')\n");
}

static void csv_doubled_quote_is_one_quote(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "dq.csv", "id,note\n1,\"say \"\"hi\"\"\"\n2,\"\"\"\"\n");
    run_ok(f->L, "local rows = data.read_csv(path)\n"
                 "assert(rows[1].note == 'say \"hi\"', rows[1].note)\n"
                 "assert(rows[2].note == '\"', rows[2].note)\n");
}

static void csv_quoted_newline_keeps_row_count(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "nl.csv", "id,note\n1,\"first line\nsecond line\"\n2,plain\n3,\"a\r\nb\"\n");
    run_ok(f->L, "local rows = data.read_csv(path)\n"
                 "assert(#rows == 3, #rows)\n"
                 "assert(rows[1].note == 'first line\\nsecond line', rows[1].note)\n"
                 "assert(rows[2].id == 2 and rows[2].note == 'plain')\n"
                 /* Inside quotes the bytes are data: the CR stays. */
                 "assert(rows[3].note == 'a\\r\\nb')\n");
}

static void csv_line_numbers_count_quoted_newlines(void **state) {
    struct fixture *f = *state;
    /* The short record starts on line 4, after a field spanning lines 2-3. */
    GIVEN_CSV(f, "ln.csv", "id,note\n1,\"x\ny\"\n2\n");
    const char *msg = run_error(f->L, "data.read_csv(path)");
    assert_contains(msg, "ln.csv:4:");
}

static void csv_crlf_line_ends_are_not_data(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "crlf.csv", "id,name\r\n1,Tokyo\r\n2,\"Osaka\"\r\n");
    run_ok(f->L, "local rows, cols = data.read_csv(path)\n"
                 "assert(cols[2] == 'name', cols[2])\n"
                 "assert(#rows == 2)\n"
                 "assert(rows[1].name == 'Tokyo', rows[1].name)\n"
                 "assert(rows[2].name == 'Osaka', rows[2].name)\n"
                 "assert(math.type(rows[2].id) == 'integer')\n");
}

static void csv_utf8_bom_is_skipped(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "bom.csv", "\xEF\xBB\xBFid,地域\n1,東京\n");
    run_ok(f->L, "local rows, cols = data.read_csv(path)\n"
                 "assert(cols[1] == 'id', ('%q'):format(cols[1]))\n"
                 "assert(rows[1].id == 1 and rows[1]['地域'] == '東京')\n");
}

static void csv_whole_numbers_stay_integers(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "n.csv",
              "count,share,big,neg,exp\n1509,0.25,9000000000000,-7,1e3\n"
              "20,1.5,1,+3,2E-2\n");
    run_ok(f->L, "local rows = data.read_csv(path)\n"
                 "local r = rows[1]\n"
                 "assert(math.type(r.count) == 'integer' and r.count == 1509)\n"
                 "assert(math.type(r.share) == 'float' and r.share == 0.25)\n"
                 "assert(math.type(r.big) == 'integer' and r.big == 9000000000000)\n"
                 "assert(math.type(r.neg) == 'integer' and r.neg == -7)\n"
                 /* An exponent means a measured value: a float. */
                 "assert(math.type(r.exp) == 'float' and r.exp == 1000)\n"
                 "assert(rows[2].neg == 3 and rows[2].exp == 0.02)\n"
                 "assert(tostring(r.count) == '1509')\n");
}

static void csv_numbers_are_inferred_per_column(void **state) {
    struct fixture *f = *state;
    /* One non-number makes the whole column text; empty cells are absent. */
    GIVEN_CSV(f, "mix.csv", "code,value\n001,12\nn/a,\n042,3.5\n");
    run_ok(f->L, "local rows = data.read_csv(path)\n"
                 "assert(rows[1].code == '001' and type(rows[1].code) == 'string')\n"
                 "assert(rows[3].code == '042')\n"
                 "assert(rows[1].value == 12 and math.type(rows[1].value) == 'integer')\n"
                 "assert(rows[2].value == nil)\n"
                 "assert(rows[3].value == 3.5)\n");
}

static void csv_numbers_false_keeps_text(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "t.csv", "zip\n0100001\n");
    run_ok(f->L, "local rows = data.read_csv(path, {numbers = false})\n"
                 "assert(rows[1].zip == '0100001')\n");
}

static void csv_semicolon_delimiter(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "semi.csv", "name;amount\n\"a;b\";1,5\nc;2\n");
    run_ok(f->L, "local rows, cols = data.read_csv(path, {delimiter = ';'})\n"
                 "assert(#cols == 2 and #rows == 2)\n"
                 "assert(rows[1].name == 'a;b')\n"
                 /* A decimal comma is not a number: the column stays text. */
                 "assert(rows[1].amount == '1,5' and rows[2].amount == '2')\n");
}

static void csv_tab_delimiter(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "tab.tsv", "a\tb c\n1\tx, y\n");
    run_ok(f->L, "local rows, cols = data.read_csv(path, {delimiter = '\\t'})\n"
                 "assert(cols[2] == 'b c')\n"
                 "assert(rows[1].a == 1 and rows[1]['b c'] == 'x, y')\n");
}

static void csv_blank_lines_and_missing_final_newline(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "blank.csv", "a,b\n1,2\n\n3,4");
    run_ok(f->L, "local rows = data.read_csv(path)\n"
                 "assert(#rows == 2, #rows)\n"
                 "assert(rows[2].a == 3 and rows[2].b == 4)\n");
}

static void csv_quoted_empty_field_is_a_row_not_a_blank_line(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "one.csv", "name\nA\n\"\"\nB\n");
    run_ok(f->L, "local rows = data.read_csv(path)\n"
                 "assert(#rows == 3, #rows)\n"
                 "assert(rows[2].name == nil and rows[3].name == 'B')\n");
}

static void csv_wrong_field_count_names_file_and_line(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "short.csv", "a,b,c\n1,2,3\n4,5\n");
    const char *msg = run_error(f->L, "data.read_csv(path)");
    assert_contains(msg, "short.csv:3:");
    assert_contains(msg, "fields");
    assert_contains(msg, "2 fields, but the header has 3");
    lua_pop(f->L, 1);
    GIVEN_CSV(f, "long.csv", "a,b\n1,2,3\n");
    msg = run_error(f->L, "data.read_csv(path)");
    assert_contains(msg, "long.csv:2: 3 fields");
}

static void csv_unclosed_quote_is_an_error(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
    const char *msg = run_error(f->L, "data.read_csv(path)");
    assert_contains(msg, "open.csv:3:");
    assert_contains(msg, "quoted field never closed");
}

static void csv_quote_inside_unquoted_field_is_an_error(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "mid.csv", "a,b\n1,2 \"inch\"\n");
    assert_contains(run_error(f->L, "data.read_csv(path)"), "mid.csv:2: field 2: quote inside");
    lua_pop(f->L, 1);
    GIVEN_CSV(f, "after.csv", "a,b\n\"x\"y,2\n");
    assert_contains(run_error(f->L, "data.read_csv(path)"), "after.csv:2:");
}

static void csv_shift_jis_is_not_valid_utf8(void **state) {
    struct fixture *f = *state;
    /* 日本 in Shift_JIS is 93 FA 96 7B. */
    GIVEN_CSV(f, "sjis.csv", "id,name\n1,\x93\xFA\x96\x7B\n");
    const char *msg = run_error(f->L, "data.read_csv(path)");
    assert_contains(msg, "sjis.csv:2:");
    assert_contains(msg, "not valid UTF-8");
    assert_contains(msg, "0x93");
}

static void csv_header_errors_name_the_column(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "dup.csv", "id,id\n1,2\n");
    assert_contains(run_error(f->L, "data.read_csv(path)"), "dup.csv:1: column name 'id'");
    lua_pop(f->L, 1);
    GIVEN_CSV(f, "empty-name.csv", "id,,x\n1,2,3\n");
    assert_contains(run_error(f->L, "data.read_csv(path)"), "column 2 has an empty name");
    lua_pop(f->L, 1);
    GIVEN_CSV(f, "empty.csv", "");
    assert_contains(run_error(f->L, "data.read_csv(path)"), "empty file");
}

static void csv_bad_options_are_errors(void **state) {
    struct fixture *f = *state;
    GIVEN_CSV(f, "o.csv", "a\n1\n");
    const char *msg = run_error(f->L, "data.read_csv(path, {separator = ';'})");
    assert_contains(msg, "unknown option 'separator'");
    assert_contains(msg, "valid options: delimiter, numbers");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {delimiter = ';;'})"),
                    "bad option 'delimiter'");
    lua_pop(f->L, 1);
    assert_contains(run_error(f->L, "data.read_csv(path, {delimiter = '\"'})"),
                    "bad option 'delimiter'");
}

static void csv_missing_file_is_an_error(void **state) {
    struct fixture *f = *state;
    set_global_string(f->L, "path", "/nonexistent/sumi/none.csv");
    assert_contains(run_error(f->L, "data.read_csv(path)"), "cannot read '/nonexistent/");
}

int main(void) {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(csv_header_names_the_columns),
        T(csv_quoted_field_keeps_its_comma),
        T(csv_doubled_quote_is_one_quote),
        T(csv_quoted_newline_keeps_row_count),
        T(csv_line_numbers_count_quoted_newlines),
        T(csv_crlf_line_ends_are_not_data),
        T(csv_utf8_bom_is_skipped),
        T(csv_whole_numbers_stay_integers),
        T(csv_numbers_are_inferred_per_column),
        T(csv_numbers_false_keeps_text),
        T(csv_semicolon_delimiter),
        T(csv_tab_delimiter),
        T(csv_blank_lines_and_missing_final_newline),
        T(csv_quoted_empty_field_is_a_row_not_a_blank_line),
        T(csv_wrong_field_count_names_file_and_line),
        T(csv_unclosed_quote_is_an_error),
        T(csv_quote_inside_unquoted_field_is_an_error),
        T(csv_shift_jis_is_not_valid_utf8),
        T(csv_header_errors_name_the_column),
        T(csv_bad_options_are_errors),
        T(csv_missing_file_is_an_error),
    };
#undef T
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
