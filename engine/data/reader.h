/* What the typed readers (json.c, sql.c, postgres.c) share: a value as the
 * source gave it, before it goes into a sumi_builder, and the `types` option
 * that converts such values (`types = {published = "date"}`). Defined in
 * reader.c. csv.c converts its text itself (csv.h). */
#ifndef SUMI_READER_H
#define SUMI_READER_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"

enum reader_kind {
    READER_NULL,
    READER_INTEGER,
    READER_NUMBER,
    READER_STRING,
    READER_BOOLEAN,
    READER_DATE,
};

/* One value. s/len hold the text of a string (NUL-terminated at len, valid
 * UTF-8), and may hold the source's own spelling of a number ("1.50") so
 * that `types = {x = "string"}` keeps it; s is NULL when the source had
 * none. Nothing here is owned. */
struct reader_value {
    enum reader_kind kind;
    int64_t i; /* integers; booleans 0 or 1; dates as days since 1970-01-01 */
    double d;  /* numbers, always finite */
    const char *s;
    size_t len;
};

/* No override for a column: its type follows its values. */
#define READER_AS_IS (-1)

/* Checks the `types` option of the options table at opts (0: none): a table
 * of column name -> "integer", "number", "string", "boolean", "date",
 * "month" or "quarter".
 * Raises an error naming the calling function and the bad entry. */
void reader_check_types(lua_State *L, int opts);
/* The override for column name: a sumi_type, or READER_AS_IS. The option
 * must have been checked. */
int reader_type_of(lua_State *L, int opts, const char *name);
/* Raises "<function>: option 'types' names no column 'x' in WHERE; its
 * columns: a, b" when a column named in `types` is not in ds: a typo must
 * not pass silently. */
void reader_check_types_used(lua_State *L, int opts, const struct sumi_dataset *ds,
                             const char *where);

/* Finishes b (which it frees) and pushes the dataset; raises "WHERE: the
 * builder's message (the option 'types' can convert a column)" when the
 * values do not make one. */
struct sumi_dataset *reader_push_dataset(lua_State *L, struct sumi_builder *b, const char *where);

/* When column col of ds holds no value (no rows, or nulls only), gives it
 * type, which the source declared: the builder would make it a string
 * column. 0, or -1 when out of memory. */
int reader_set_null_type(struct sumi_dataset *ds, size_t col, enum sumi_type type);

/* Puts v into the builder's current row at col, converted to type (a
 * sumi_type or READER_AS_IS). 0; -1 out of memory; -2 when v does not
 * convert, with "expected a date (YYYY-MM-DD), got '2025-07'" in err. */
int reader_put(struct sumi_builder *b, int col, int type, const struct reader_value *v, char *err,
               size_t errlen);

/* An integer as data writes it: an optional sign and digits. 1 on
 * success; 0 for anything else, or out of range. Numbers: numtext_parse. */
int reader_parse_integer(const char *s, int64_t *out);

#endif
