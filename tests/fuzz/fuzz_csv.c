/* libFuzzer target for the CSV reader (engine/csv*.c). The first two bytes
 * of an input choose the options, the rest is the CSV. Each input is parsed
 * twice, once with the default buffer and once with a tiny one (which puts
 * a buffer end inside fields, quotes and UTF-8 sequences): both must agree,
 * and a dataset must hold what the dataset API promises (equal column
 * lengths, valid UTF-8 strings, finite numbers, no -0). A broken promise
 * aborts, which libFuzzer reports as a crash.
 *
 * Built with clang -fsanitize=fuzzer,address,undefined (CMakeLists.txt);
 * replay.c feeds committed inputs through the same function in the
 * normal build. */
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "fuzz_csv: broken promise: %s\n", what);
        abort();
    }
}

static void check_dataset(const struct sumi_dataset *ds) {
    check(ds->column_count > 0, "a dataset has columns");
    for (size_t c = 0; c < ds->column_count; c++) {
        const struct sumi_coldata *col = ds->columns[c].data;
        check(col->length == ds->rows, "every column has the dataset's length");
        check(g_utf8_validate(ds->columns[c].name, -1, NULL), "column names are UTF-8");
        for (size_t r = 0; r < col->length; r++) {
            int is_null = sumi_coldata_is_null(col, r);
            switch (col->type) {
            case SUMI_STRING:
                check(is_null == (col->v.strings[r] == NULL),
                      "null strings and only they are NULL");
                check(is_null || g_utf8_validate(col->v.strings[r], -1, NULL), "strings are UTF-8");
                break;
            case SUMI_NUMBER:
                check(isfinite(col->v.numbers[r]), "numbers are finite");
                check(col->v.numbers[r] != 0 || !signbit(col->v.numbers[r]), "no -0");
                break;
            case SUMI_BOOLEAN:
                check(col->v.booleans[r] <= 1, "booleans are 0 or 1");
                break;
            default:
                break;
            }
        }
    }
}

static int same(const struct sumi_dataset *a, const struct sumi_dataset *b) {
    if (a->rows != b->rows || a->column_count != b->column_count)
        return 0;
    for (size_t c = 0; c < a->column_count; c++) {
        const struct sumi_coldata *x = a->columns[c].data, *y = b->columns[c].data;
        if (x->type != y->type || strcmp(a->columns[c].name, b->columns[c].name) != 0)
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char delimiters[] = {',', ';', '\t', '|'};
    static const char *const nulls[] = {"", "NA", "-"};
    static const enum sumi_type types[] = {SUMI_INTEGER, SUMI_NUMBER, SUMI_STRING, SUMI_BOOLEAN,
                                           SUMI_DATE};
    if (size < 2)
        return 0;
    uint8_t a = data[0], b = data[1];
    struct sumi_csv_options o;
    sumi_csv_options_init(&o);
    o.name = "fuzz.csv";
    o.delimiter = delimiters[a & 3];
    o.header = !(a & 4);
    o.infer = !(a & 8);
    o.thousands = (a & 16) != 0;
    if (a & 32) {
        o.nulls = nulls;
        o.null_count = 3;
    }
    if (a & 64)
        o.encoding = (b & 128) ? "cp932" : "utf-16";
    struct sumi_csv_type forced = {o.header ? "a" : "column1", types[(b >> 4) % 5]};
    if (b & 8) {
        o.types = &forced;
        o.type_count = 1;
    }
    const char *bytes = (const char *)data + 2;
    size_t len = size - 2;
    char err1[512], err2[512];
    struct sumi_dataset *one = sumi_csv_parse(bytes, len, &o, err1, sizeof err1);
    o.buffer_size = 4 + (b & 7) * 3;
    struct sumi_dataset *two = sumi_csv_parse(bytes, len, &o, err2, sizeof err2);
    check((one == NULL) == (two == NULL), "the buffer size does not decide success");
    if (one == NULL) {
        check(err1[0] != '\0', "a failure has a message");
        check(strcmp(err1, err2) == 0, "the buffer size does not change the message");
        return 0;
    }
    check_dataset(one);
    check(same(one, two), "the buffer size does not change the dataset");
    sumi_dataset_unref(one);
    sumi_dataset_unref(two);
    return 0;
}
