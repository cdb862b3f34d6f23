/* Columnar datasets: typed columns with nulls and metadata, immutable once
 * built and shared by reference count, so select, rename, head and the like
 * copy no values. Plain C, no Lua: the readers (csv.c, json.c, sql.c,
 * postgres.c) build datasets, data.c exposes them to scripts, numeric.c
 * reads their numbers.
 *
 * Ownership: every sumi_* object here is reference-counted; *_new and
 * *_ref give a reference, *_unref drops one, the last frees. A dataset
 * holds one reference to each of its columns' data. */
#ifndef SUMI_DATASET_H
#define SUMI_DATASET_H

#include <stddef.h>
#include <stdint.h>

enum sumi_type {
    SUMI_INTEGER, /* int64_t */
    SUMI_NUMBER,  /* double, always finite: readers reject NaN and infinities */
    SUMI_STRING,  /* NUL-terminated UTF-8, validated by the reader */
    SUMI_BOOLEAN, /* uint8_t 0 or 1 */
    SUMI_DATE,    /* int32_t days since 1970-01-01 (proleptic Gregorian) */
    SUMI_MONTH,   /* int32_t months since 1970-01 (2025-03 is 662) */
    SUMI_QUARTER, /* int32_t quarters since 1970Q1 (2025Q1 is 220) */
};

/* Dates, months and quarters: one int32_t count each, in v.dates, which
 * orders them as the calendar does. Lua sees them as "YYYY-MM-DD",
 * "YYYY-MM" and "YYYYQn" strings. */
static inline int sumi_type_is_calendar(enum sumi_type type) {
    return type == SUMI_DATE || type == SUMI_MONTH || type == SUMI_QUARTER;
}

const char *sumi_type_name(enum sumi_type type); /* "integer", "number", ... */

/* Title, source, unit, notes: NULL when not set. Strings are owned. */
struct sumi_meta {
    char *title;
    char *source;
    char *unit;
    char *notes;
};

void sumi_meta_free(struct sumi_meta *meta);
/* 0, or -1 when out of memory. dst is overwritten (free it first). */
int sumi_meta_copy(struct sumi_meta *dst, const struct sumi_meta *src);
/* Merges src into dst: fields dst lacks are taken; different sources are
 * joined with " / " (each named once), so a joined dataset cites both. */
int sumi_meta_merge(struct sumi_meta *dst, const struct sumi_meta *src);

/* Append-only string storage; columns point into it. Shared between the
 * columns gathered from one another, so filtering copies pointers only. */
struct sumi_arena;
struct sumi_arena *sumi_arena_new(void);
void sumi_arena_ref(struct sumi_arena *arena);
void sumi_arena_unref(struct sumi_arena *arena);
/* Copies len bytes plus a NUL into the arena; NULL when out of memory. */
const char *sumi_arena_add(struct sumi_arena *arena, const char *s, size_t len);

/* The values of one column. */
struct sumi_coldata {
    int refcount;
    enum sumi_type type;
    size_t length;   /* rows */
    size_t capacity; /* rows allocated */
    uint8_t *valid;  /* NULL: no nulls; else valid[i] is 0 for null, 1 for a value */
    union {
        int64_t *integers;
        double *numbers;
        const char **strings; /* into the arenas below; NULL entries for nulls */
        uint8_t *booleans;
        int32_t *dates; /* dates, months and quarters (sumi_type_is_calendar) */
    } v;
    struct sumi_arena **arenas; /* strings only: the arenas strings point into */
    int arena_count;
};

struct sumi_coldata *sumi_coldata_new(enum sumi_type type, size_t capacity);
void sumi_coldata_ref(struct sumi_coldata *col);
void sumi_coldata_unref(struct sumi_coldata *col);
/* Makes room for capacity rows; 0 or -1. */
int sumi_coldata_reserve(struct sumi_coldata *col, size_t capacity);
/* Appends one value (a string is copied into the column's own arena); 0 or -1. */
int sumi_coldata_push_null(struct sumi_coldata *col);
int sumi_coldata_push_integer(struct sumi_coldata *col, int64_t value);
int sumi_coldata_push_number(struct sumi_coldata *col, double value);
int sumi_coldata_push_string(struct sumi_coldata *col, const char *s, size_t len);
int sumi_coldata_push_boolean(struct sumi_coldata *col, int value);
/* A date, month or quarter column's value: days, months or quarters since
 * 1970, as the column's type says. */
int sumi_coldata_push_date(struct sumi_coldata *col, int32_t count);
/* Adds an arena that pushed strings may already point into (a reader that
 * fills v.strings itself); takes a reference. 0 or -1. */
int sumi_coldata_adopt_arena(struct sumi_coldata *col, struct sumi_arena *arena);

static inline int sumi_coldata_is_null(const struct sumi_coldata *col, size_t row) {
    return col->valid != NULL && !col->valid[row];
}
/* The value as a double (integers, numbers, booleans; dates, months and
 * quarters as their counts since 1970); 0 for
 * strings and nulls: check type and nulls first. */
double sumi_coldata_number_at(const struct sumi_coldata *col, size_t row);

/* A new column holding rows[0..n) of col in that order (row indices may
 * repeat; SIZE_MAX stands for a null). Strings share col's arenas. */
struct sumi_coldata *sumi_coldata_gather(const struct sumi_coldata *col, const size_t *rows,
                                         size_t n);

/* A named column: the name and metadata belong to the dataset's column
 * entry; the data is shared. */
struct sumi_column {
    char *name;
    struct sumi_meta meta;
    struct sumi_coldata *data;
};

struct sumi_dataset {
    int refcount;
    size_t rows;
    size_t column_count;
    struct sumi_column *columns;
    struct sumi_meta meta;
};

/* An empty dataset (0 columns, 0 rows). */
struct sumi_dataset *sumi_dataset_new(void);
void sumi_dataset_ref(struct sumi_dataset *ds);
void sumi_dataset_unref(struct sumi_dataset *ds);
/* Adds a column (taking a reference to data). The first column sets the row
 * count; later ones must match it. 0, or -1 with a message in err (a
 * duplicate name, a length mismatch, out of memory). */
int sumi_dataset_add_column(struct sumi_dataset *ds, const char *name, struct sumi_coldata *data,
                            char *err, size_t errlen);
/* Index of the column called name, or -1. */
int sumi_dataset_find(const struct sumi_dataset *ds, const char *name);

/* ---- building row by row, for readers whose values come typed (JSON, SQL)
 * or from Lua tables. A column's type settles at finish: integers and
 * numbers together make a number column; a column holding strings and
 * other values is an error naming the first row that disagrees, unless
 * the reader asked for text; an all-null column is a string column. */
struct sumi_builder;
struct sumi_builder *sumi_builder_new(void);
void sumi_builder_free(struct sumi_builder *b);
/* Index of the new column, or -1 for a duplicate name (or out of memory). */
int sumi_builder_add_column(struct sumi_builder *b, const char *name);
int sumi_builder_find(const struct sumi_builder *b, const char *name);
/* Values go into the current row; a column not given a value in a row is
 * null in it. Each returns 0 or -1 (out of memory). */
int sumi_builder_null(struct sumi_builder *b, int col);
int sumi_builder_integer(struct sumi_builder *b, int col, int64_t value);
int sumi_builder_number(struct sumi_builder *b, int col, double value);
int sumi_builder_boolean(struct sumi_builder *b, int col, int value);
int sumi_builder_string(struct sumi_builder *b, int col, const char *s, size_t len);
int sumi_builder_date(struct sumi_builder *b, int col, int32_t days);
int sumi_builder_month(struct sumi_builder *b, int col, int32_t months);
int sumi_builder_quarter(struct sumi_builder *b, int col, int32_t quarters);
/* Ends the current row. 0 or -1. */
int sumi_builder_end_row(struct sumi_builder *b);
/* The dataset, or NULL with a message in err ("column 'x': row 3 holds a
 * string where earlier rows hold numbers"). The builder is freed either way. */
struct sumi_dataset *sumi_builder_finish(struct sumi_builder *b, char *err, size_t errlen);

/* ---- dates ---- */

/* "YYYY-MM-DD" -> days since 1970-01-01; 0 on success, -1 if not a valid
 * calendar date. */
int sumi_date_parse(const char *s, size_t len, int32_t *days);
/* days -> "YYYY-MM-DD" (buf of at least 16 bytes, for years past 9999). */
void sumi_date_format(int32_t days, char *buf);

/* ---- months and quarters ---- */

/* "YYYY-MM" -> months since 1970-01; 0, or -1 if not a month (01 to 12). */
int sumi_month_parse(const char *s, size_t len, int32_t *months);
/* "YYYYQn" or "YYYY-Qn" (n 1 to 4) -> quarters since 1970Q1; 0 or -1. */
int sumi_quarter_parse(const char *s, size_t len, int32_t *quarters);
/* months -> "YYYY-MM"; quarters -> "YYYYQn" (buf of at least 16 bytes). */
void sumi_month_format(int32_t months, char *buf);
void sumi_quarter_format(int32_t quarters, char *buf);
/* The first day of a month or a quarter, in days since 1970-01-01: where a
 * time axis places it. */
int32_t sumi_month_first_day(int32_t months);
int32_t sumi_quarter_first_day(int32_t quarters);
/* A date's month (when the date is its month's first day): 0 and the
 * month, or -1. Likewise a quarter's first day. */
int sumi_month_of_first_day(int32_t days, int32_t *months);
int sumi_quarter_of_first_day(int32_t days, int32_t *quarters);

#endif
