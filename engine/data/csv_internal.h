/* The CSV reader's parser state, shared by its three files: csv.c (entry
 * points, input, iconv, the Lua binding), csv_parse.c (records and passes)
 * and csv_values.c (each field into its column). Not used outside them.
 *
 * The files are cut along the hot path: the byte loop (parse_record, with
 * utf8_len) is whole in csv_parse.c and the work on each field (csv_take and
 * all it calls) whole in csv_values.c, so the compiler can inline what runs
 * per byte or per field; calls between the files come once per field at
 * most.
 *
 * A file including this defines _POSIX_C_SOURCE first (struct stat's
 * st_mtim). */
#ifndef SUMI_CSV_INTERNAL_H
#define SUMI_CSV_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "csv.h"

/* What a column holds so far. EMPTY: only nulls; REREAD: turned to text,
 * read again in the second pass. */
enum state {
    ST_EMPTY,
    ST_INTEGER,
    ST_NUMBER,
    ST_BOOLEAN,
    ST_DATE,
    ST_MONTH,
    ST_QUARTER,
    ST_STRING,
    ST_REREAD
};

struct slot {
    const char *s;
    uint32_t len, hash;
};

/* Owned by the parser until finish() hands values, valid and name over. */
struct column {
    char *name;
    int state;
    int forced;         /* the type came from options.types */
    int skip;           /* the current pass leaves this column alone */
    void *values;       /* NULL until the first value; element size by state */
    uint8_t *valid;     /* NULL until the first null */
    struct slot *table; /* interned strings, or NULL */
    size_t mask, distinct, seen;
    int intern_off;
    /* A text column whose every value would be a number with thousands
     * separators read (a warning): not_number once one would not; the
     * first value with a ',' and its line (0: none yet). */
    int not_number;
    unsigned long grouped_line;
    char grouped_value[48];
};

struct first_field {
    char *text;
    size_t len;
};

/* Receives each warning of a read that succeeds ("NAME:LINE: field 2
 * ('count'): ..."): a column read as text whose values are all numbers
 * written with thousands separators. */
typedef void csv_warn_fn(void *ctx, const char *message);

/* One read: set up by csv_init() (csv.c) on the caller's stack, everything it
 * holds released by csv_free(). */
struct csv {
    const struct sumi_csv_options *o;
    csv_warn_fn *warn; /* NULL: no warnings */
    void *warn_ctx;
    const char *name;
    char *err;
    size_t errlen;
    char own_err[8];
    unsigned char special[256], special_quoted[256];
    unsigned char delim;
    size_t *null_len;
    /* input: a file descriptor, or bytes in memory */
    int fd;
    const char *mem;
    size_t mem_len, mem_pos, total;
    struct stat st;
    /* the buffer: bytes [0, len) read, buf[len] == '\0' */
    char *buf;
    size_t cap, len, base, pos;
    int eof;
    unsigned long line;
    size_t line_start; /* input offset of the current line's first byte */
    /* columns */
    struct column *cols;
    size_t ncols, rows, row_cap;
    int estimated, reread;
    struct sumi_arena *arena;
    char *scratch;
    size_t scratch_cap;
    struct first_field *first; /* the first record, until columns exist */
    size_t first_n, first_cap;
    unsigned long first_line;
};

/* csv.c */
/* sumi_csv_read, with warnings given to warn (read_csv's Lua binding). */
struct sumi_dataset *csv_read_warning(const char *path, const struct sumi_csv_options *o,
                                      csv_warn_fn *warn, void *warn_ctx, char *err, size_t errlen);
int csv_fail(struct csv *c, const char *fmt, ...);
int csv_out_of_memory(struct csv *c);
/* Keeps the record in progress, moves it to the front and reads more. */
int csv_refill(struct csv *c);
/* Starts (or restarts, for the second pass) reading at the first byte. */
int csv_start_input(struct csv *c);

/* csv_parse.c */
/* "field 3 ('count')", or "field 3" before the columns have names. */
const char *csv_field_label(const struct csv *c, size_t f, char *buf, size_t size);
void csv_clear_first(struct csv *c);
/* Both passes over the input, then the dataset; NULL with the message. */
struct sumi_dataset *csv_run(struct csv *c);

/* csv_values.c */
size_t csv_element_size(int state);
void *csv_huge_pages(void *p, size_t size);
int csv_start_column(struct csv *c, struct column *col, int state);
void csv_intern_stop(struct column *col);
/* The field's text with each "" made one quote, in c->scratch. */
const char *csv_unescape(struct csv *c, const char *s, size_t *n);
/* One field of a data record into its column, row c->rows. */
int csv_take(struct csv *c, size_t f, const char *s, size_t n, int escaped, unsigned long line);

#endif
