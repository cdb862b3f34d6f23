/* The CSV reader without Lua: bytes or a file in, a dataset out. csv.c's
 * read_csv uses it; so do the unit tests and the fuzz target.
 *
 * Ownership: the caller owns the returned dataset (one reference). Options
 * are only read during the call. */
#ifndef SUMI_CSV_H
#define SUMI_CSV_H

#include <stddef.h>

#include "dataset.h"

/* A column whose type the caller sets (read_csv's `types` option): a value
 * that does not parse as that type is an error, not a reason to fall back
 * to text. */
struct sumi_csv_type {
    const char *column;
    enum sumi_type type;
};

struct sumi_csv_options {
    const char *name;         /* the input as messages name it ("data/x.csv") */
    char delimiter;           /* ',' */
    int header;               /* 1: the first record names the columns */
    int infer;                /* 1: infer integer, number, boolean, date, month,
                                 quarter; 0: text */
    int thousands;            /* 1: "3,755" reads as 3755 */
    const char *const *nulls; /* markers read as null; NULL means {""} */
    size_t null_count;        /* with nulls != NULL; 0: nothing is null */
    const struct sumi_csv_type *types;
    size_t type_count;
    const char *encoding; /* NULL or "utf-8": none; else converted with iconv */
    size_t buffer_size;   /* bytes read at a time; 0: 1 MiB. Tests set small
                             values to put record ends at every position. */
};

/* The defaults: ',', a header, inference on, {""} as null, UTF-8. */
void sumi_csv_options_init(struct sumi_csv_options *o);

/* Parses len bytes (no NUL needed). NULL on failure, with the message in
 * err: "NAME:LINE: field 2 ('count'): expected an integer, got 'x'". */
struct sumi_dataset *sumi_csv_parse(const char *bytes, size_t len, const struct sumi_csv_options *o,
                                    char *err, size_t errlen);

/* Reads the file at path, streaming it through a buffer: memory holds the
 * columns, not the file. Messages name the input as o->name. */
struct sumi_dataset *sumi_csv_read(const char *path, const struct sumi_csv_options *o, char *err,
                                   size_t errlen);

#endif
