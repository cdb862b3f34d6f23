/* JSON as RFC 8259 defines it, checked before json-c parses it: json-c
 * (0.16) is lenient even in its strict mode (numbers such as -01, 1. and
 * .5, single-quoted strings, raw control characters in strings, NaN), cuts
 * an object key at \u0000 and keeps the last of duplicate keys. This pass
 * reads the text once and stops at the first thing the grammar rules out,
 * so what json-c then builds is exactly what the file says. */
#ifndef SUMI_JSON_CHECK_H
#define SUMI_JSON_CHECK_H

#include <stddef.h>

/* What the check found: the byte offset of the fault in the text and what
 * it is, in words ("a number has a leading zero"). */
struct json_check_error {
    size_t offset;
    char what[160];
};

/* Checks text[start..len) (valid UTF-8, checked before) as one JSON value
 * with whitespace around it, nested at most max_depth levels. Duplicate
 * keys in an object are an error unless allow_duplicates. 0 when it is
 * JSON, else -1 with err filled. */
int json_check(const char *text, size_t len, size_t start, int max_depth, int allow_duplicates,
               struct json_check_error *err);

#endif
