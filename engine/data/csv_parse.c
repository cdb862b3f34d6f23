/* The CSV reader's records (csv.c describes the whole): finding the fields
 * of each record in the buffer (RFC 4180), the first record that names the
 * columns, and the passes from the first record to a dataset. */
#define _POSIX_C_SOURCE 200809L
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_internal.h"

#define MAX_COLUMNS 16384 /* Excel's limit; wider is a hostile or broken file */

enum { REC_ROW, REC_BLANK, REC_END, REC_MORE, REC_ERROR };
enum { MODE_FIRST, MODE_SKIP, MODE_DATA };

static size_t offset_of(const struct csv *c, const unsigned char *p) {
    return c->base + (size_t)(p - (const unsigned char *)c->buf);
}

/* s cut to at most max bytes between characters, "..." marking a cut. */
static const char *clip(const char *s, size_t max, char *out) {
    size_t n = strlen(s), k = n > max ? max : n;
    while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    memcpy(out, s, k);
    strcpy(out + k, k < n ? "..." : "");
    return out;
}

/* "field 3 ('count')", or "field 3" before the columns have names. */
const char *csv_field_label(const struct csv *c, size_t f, char *buf, size_t size) {
    char name[64];
    if (c->cols != NULL && f < c->ncols)
        snprintf(buf, size, "field %zu ('%s')", f + 1, clip(c->cols[f].name, 56, name));
    else
        snprintf(buf, size, "field %zu", f + 1);
    return buf;
}

/* Length of the UTF-8 sequence at p (RFC 3629 table 3.7), 0 if invalid.
 * Stops at the first bad byte, so it never reads past the sentinel. */
static int utf8_len(const unsigned char *p) {
    unsigned c = p[0], c1 = p[1];
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return (c1 & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (c == 0xE0   ? c1 < 0xA0 || c1 > 0xBF
            : c == 0xED ? c1 < 0x80 || c1 > 0x9F
                        : (c1 & 0xC0) != 0x80)
            return 0;
        return (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c < 0xF5) {
        if (c == 0xF0   ? c1 < 0x90 || c1 > 0xBF
            : c == 0xF4 ? c1 < 0x80 || c1 > 0x8F
                        : (c1 & 0xC0) != 0x80)
            return 0;
        if ((p[2] & 0xC0) != 0x80)
            return 0;
        return (p[3] & 0xC0) == 0x80 ? 4 : 0;
    }
    return 0;
}

static int utf8_error(struct csv *c, const unsigned char *p, unsigned long line,
                      size_t line_start) {
    size_t off = offset_of(c, p);
    if (off == 0 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
        return csv_fail(c,
                        "%s:1: not valid UTF-8 (byte 0x%02X at column 1, file offset 0): the file "
                        "starts with a UTF-16 byte order mark; save it as UTF-8 or pass "
                        "encoding = \"utf-16\"",
                        c->name, p[0]);
    return csv_fail(
        c,
        "%s:%lu: not valid UTF-8 (byte 0x%02X at column %zu, file offset %zu); save the "
        "file as UTF-8 or pass encoding = \"...\" (\"cp932\" for Shift_JIS from Excel)",
        c->name, line, p[0], off - line_start + 1, off);
}

static int nul_error(struct csv *c, const unsigned char *p, unsigned long line, size_t line_start) {
    size_t off = offset_of(c, p);
    return csv_fail(c,
                    "%s:%lu: NUL byte at column %zu (file offset %zu): not a text file (if it is "
                    "UTF-16, pass encoding = \"utf-16\")",
                    c->name, line, off - line_start + 1, off);
}

/* A CR alone in a data field is data, but in the first record it means a
 * file with classic Mac line ends (CR only, as Excel for Mac 2011 saved
 * "CSV (Macintosh)"): read as is, the whole file became one header row and
 * no data, silently. RFC 4180 §2 ends records with CRLF; we take LF too. */
static int lone_cr_error(struct csv *c, const unsigned char *p, unsigned long line,
                         size_t line_start) {
    size_t off = offset_of(c, p);
    return csv_fail(c,
                    "%s:%lu: carriage return without a line feed at column %zu (file offset "
                    "%zu) in the first record: classic Mac line ends are not read; save the "
                    "file with \\n or \\r\\n line ends",
                    c->name, line, off - line_start + 1, off);
}

static int grow_rows(struct csv *c, size_t cap) {
    for (size_t i = 0; i < c->ncols; i++) {
        struct column *col = &c->cols[i];
        if (col->values != NULL) {
            void *v = csv_huge_pages(realloc(col->values, cap * csv_element_size(col->state)),
                                     cap * csv_element_size(col->state));
            if (v == NULL)
                return csv_out_of_memory(c);
            col->values = v;
        }
        if (col->valid != NULL) {
            uint8_t *v = realloc(col->valid, cap);
            if (v == NULL)
                return csv_out_of_memory(c);
            col->valid = v;
        }
    }
    c->row_cap = cap;
    return 0;
}

/* Room for row c->rows. The first time, the row count is estimated from
 * the input size, so a large file grows its columns once. */
static int ensure_row(struct csv *c) {
    if (c->rows < c->row_cap)
        return 0;
    size_t cap = c->row_cap * 2;
    if (!c->estimated && c->total > 0) {
        c->estimated = 1;
        double used = (double)(c->base + c->pos);
        double guess = used > 0 ? (double)c->total / used * (double)c->rows * 1.05 + 16 : 0;
        if (guess > (double)cap && guess < 1e12)
            cap = (size_t)guess;
    }
    if (cap <= c->row_cap || cap > SIZE_MAX / 8)
        return csv_out_of_memory(c);
    return grow_rows(c, cap);
}

void csv_clear_first(struct csv *c) {
    for (size_t i = 0; i < c->first_n; i++)
        free(c->first[i].text);
    c->first_n = 0;
}

/* A field of the first record, kept until it is known whether it names a
 * column or is data. */
static int keep_first(struct csv *c, const char *s, size_t n, int escaped) {
    if (c->first_n == MAX_COLUMNS)
        return csv_fail(c,
                        "%s:%lu: more than %d fields in the first record; sumi reads at most %d "
                        "columns",
                        c->name, c->first_line, MAX_COLUMNS, MAX_COLUMNS);
    if (c->first_n == c->first_cap) {
        size_t cap = c->first_cap ? c->first_cap * 2 : 16;
        struct first_field *grown = realloc(c->first, cap * sizeof *grown);
        if (grown == NULL)
            return csv_out_of_memory(c);
        c->first = grown;
        c->first_cap = cap;
    }
    if (escaped && (s = csv_unescape(c, s, &n)) == NULL)
        return csv_out_of_memory(c);
    char *text = malloc(n + 1);
    if (text == NULL)
        return csv_out_of_memory(c);
    memcpy(text, s, n);
    text[n] = '\0';
    c->first[c->first_n++] = (struct first_field){text, n};
    return 0;
}

/* ---- records ---- */

static int deliver(struct csv *c, int mode, size_t f, const unsigned char *s,
                   const unsigned char *e, int escaped, unsigned long line) {
    if (mode == MODE_DATA)
        return f < c->ncols ? csv_take(c, f, (const char *)s, (size_t)(e - s), escaped, line) : 0;
    if (mode == MODE_FIRST)
        return keep_first(c, (const char *)s, (size_t)(e - s), escaped);
    return 0;
}

/* Parses the record at c->pos. REC_MORE: it runs past the bytes read so far
 * (nothing is consumed; refill and call again). */
static int parse_record(struct csv *c, int mode) {
    const unsigned char *buf = (const unsigned char *)c->buf;
    const unsigned char *p = buf + c->pos, *lim = buf + c->len;
    const unsigned char *special = c->special, *special_q = c->special_quoted;
    const unsigned char delim = c->delim;
    const int eof = c->eof;
    unsigned long line = c->line, start_line = c->line;
    size_t line_start = c->line_start, f = 0;
    char label[96];

    if (p == lim)
        return eof ? REC_END : REC_MORE;
    if (*p == '\r' && p + 1 == lim && !eof)
        return REC_MORE;
    if (*p == '\n' || (*p == '\r' && p[1] == '\n')) { /* a blank line is no record */
        p += *p == '\r' ? 2 : 1;
        c->pos = (size_t)(p - buf);
        c->line++;
        c->line_start = offset_of(c, p);
        return REC_BLANK;
    }
    if (mode == MODE_FIRST) {
        csv_clear_first(c);
        c->first_line = start_line;
    } else if (mode == MODE_DATA && ensure_row(c) != 0) {
        return REC_ERROR;
    }
    for (;;) {
        const unsigned char *s, *e;
        unsigned long field_line = line;
        int escaped = 0, len;
        if (*p == '"') {
            const unsigned char *q = p + 1;
            for (;;) {
                while (!special_q[*q])
                    q++;
                if (*q == '"') {
                    if (q[1] == '"') { /* RFC 4180 2.7: "" inside quotes is a quote */
                        escaped = 1;
                        q += 2;
                        continue;
                    }
                    if (q + 1 == lim && !eof)
                        return REC_MORE;
                    break;
                }
                if (*q == '\n') {
                    line++;
                    line_start = offset_of(c, ++q);
                } else if (*q == '\0') {
                    if (q != lim)
                        return nul_error(c, q, line, line_start), REC_ERROR;
                    if (!eof)
                        return REC_MORE;
                    csv_fail(c, "%s:%lu: %s: quoted field never closed", c->name, field_line,
                             csv_field_label(c, f, label, sizeof label));
                    return REC_ERROR;
                } else if ((len = utf8_len(q)) > 0) {
                    q += len;
                } else {
                    if (lim - q < 4 && !eof)
                        return REC_MORE;
                    return utf8_error(c, q, line, line_start), REC_ERROR;
                }
            }
            s = p + 1;
            e = q;
            p = q + 1;
            if (p == lim && !eof)
                return REC_MORE;
            if (*p == '\r' && p + 1 == lim && !eof)
                return REC_MORE;
            if (p != lim && *p != delim && *p != '\n' && !(*p == '\r' && p[1] == '\n')) {
                csv_fail(c,
                         "%s:%lu: %s: text after a closing quote (quote the whole field and "
                         "double the quotes inside)",
                         c->name, line, csv_field_label(c, f, label, sizeof label));
                return REC_ERROR;
            }
        } else {
            const unsigned char *q = p;
            for (;;) {
                while (!special[*q])
                    q++;
                if (*q == delim || *q == '\n')
                    break;
                if (*q == '\r') {
                    if (q[1] == '\n')
                        break;
                    if (q + 1 == lim && !eof)
                        return REC_MORE;
                    if (mode == MODE_FIRST)
                        return lone_cr_error(c, q, line, line_start), REC_ERROR;
                    q++; /* a lone CR in a later record is data */
                } else if (*q == '"') {
                    csv_fail(c,
                             "%s:%lu: %s: quote inside an unquoted field (quote the whole field "
                             "and double the quote)",
                             c->name, line, csv_field_label(c, f, label, sizeof label));
                    return REC_ERROR;
                } else if (*q == '\0') {
                    if (q != lim)
                        return nul_error(c, q, line, line_start), REC_ERROR;
                    if (!eof)
                        return REC_MORE;
                    break;
                } else if ((len = utf8_len(q)) > 0) {
                    q += len;
                } else {
                    if (lim - q < 4 && !eof)
                        return REC_MORE;
                    return utf8_error(c, q, line, line_start), REC_ERROR;
                }
            }
            s = p;
            e = p = q;
        }
        if (deliver(c, mode, f, s, e, escaped, field_line) != 0)
            return REC_ERROR;
        f++;
        if (p == lim || *p != delim)
            break;
        p++;
    }
    if (p != lim) { /* at "\n" or "\r\n" */
        p += *p == '\r' ? 2 : 1;
        line++;
        line_start = offset_of(c, p);
    }
    if (mode != MODE_FIRST && f != c->ncols) {
        csv_fail(c, "%s:%lu: %zu fields, but the %s has %zu", c->name, start_line, f,
                 c->o->header ? "header" : "first record", c->ncols);
        return REC_ERROR;
    }
    c->pos = (size_t)(p - buf);
    c->line = line;
    c->line_start = line_start;
    if (mode == MODE_DATA)
        c->rows++;
    return REC_ROW;
}

static int next_record(struct csv *c, int mode) {
    for (;;) {
        int r = parse_record(c, mode);
        if (r == REC_MORE && csv_refill(c) != 0)
            return REC_ERROR;
        if (r != REC_MORE && r != REC_BLANK)
            return r;
    }
}

/* ---- from the first record to a dataset ---- */

static int check_names(struct csv *c) {
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    char shown[64];
    int failed = 0;
    for (size_t i = 0; i < c->ncols && !failed; i++) {
        const char *name = c->cols[i].name;
        if (name[0] == '\0')
            failed =
                csv_fail(c, "%s:%lu: column %zu has an empty name", c->name, c->first_line, i + 1);
        else if (g_hash_table_contains(seen, name))
            failed = csv_fail(c, "%s:%lu: column name '%s' appears twice", c->name, c->first_line,
                              clip(name, 60, shown));
        else
            g_hash_table_add(seen, (gpointer)name);
    }
    g_hash_table_destroy(seen);
    return failed;
}

static int set_types(struct csv *c) {
    static const int states[] = {
        [SUMI_INTEGER] = ST_INTEGER, [SUMI_NUMBER] = ST_NUMBER, [SUMI_STRING] = ST_STRING,
        [SUMI_BOOLEAN] = ST_BOOLEAN, [SUMI_DATE] = ST_DATE,     [SUMI_MONTH] = ST_MONTH,
        [SUMI_QUARTER] = ST_QUARTER};
    for (size_t t = 0; t < c->o->type_count; t++) {
        const struct sumi_csv_type *type = &c->o->types[t];
        size_t i = 0;
        while (i < c->ncols && strcmp(c->cols[i].name, type->column) != 0)
            i++;
        if (i == c->ncols) {
            char names[160] = "", one[64], wanted[64];
            for (size_t j = 0; j < c->ncols; j++) {
                size_t k = strlen(names);
                if (k + 70 > sizeof names) {
                    strcpy(names + k, ", ...");
                    break;
                }
                snprintf(names + k, sizeof names - k, "%s%s", j ? ", " : "",
                         clip(c->cols[j].name, 60, one));
            }
            return csv_fail(c,
                            "data.read_csv: option 'types' names no column '%s' in %s; its "
                            "columns: %s",
                            clip(type->column, 60, wanted), c->name, names);
        }
        c->cols[i].forced = 1;
        if (csv_start_column(c, &c->cols[i], states[type->type]) != 0)
            return -1;
    }
    return 0;
}

static int make_columns(struct csv *c) {
    c->ncols = c->first_n;
    c->cols = calloc(c->ncols, sizeof *c->cols);
    if (c->cols == NULL)
        return csv_out_of_memory(c);
    size_t cap = 65536 / c->ncols;
    c->row_cap = cap < 16 ? 16 : cap > 1024 ? 1024 : cap;
    for (size_t i = 0; i < c->ncols; i++) {
        if (c->o->header) {
            c->cols[i].name = c->first[i].text;
            c->first[i].text = NULL;
        } else {
            char name[32];
            snprintf(name, sizeof name, "column%zu", i + 1);
            if ((c->cols[i].name = strdup(name)) == NULL)
                return csv_out_of_memory(c);
        }
    }
    if (c->o->header && check_names(c) != 0)
        return -1;
    if (set_types(c) != 0)
        return -1;
    if (!c->o->header) { /* the first record is row 1 */
        for (size_t i = 0; i < c->ncols; i++)
            if (csv_take(c, i, c->first[i].text, c->first[i].len, 0, c->first_line) != 0)
                return -1;
        c->rows = 1;
    }
    csv_clear_first(c);
    return 0;
}

/* Second pass: the columns that turned to text read their fields again. */
static int reread(struct csv *c) {
    size_t rows = c->rows;
    for (size_t i = 0; i < c->ncols; i++) {
        struct column *col = &c->cols[i];
        col->skip = col->state != ST_REREAD;
        if (col->skip)
            continue;
        col->state = ST_STRING;
        col->values = calloc(c->row_cap, sizeof(char *));
        if (col->values == NULL)
            return csv_out_of_memory(c);
    }
    c->rows = 0;
    c->estimated = 1;
    if (csv_start_input(c) != 0)
        return -1;
    int r = next_record(c, c->o->header ? MODE_SKIP : MODE_DATA);
    while (r == REC_ROW)
        r = next_record(c, MODE_DATA);
    if (r == REC_ERROR)
        return -1;
    if (c->rows != rows)
        return csv_fail(c,
                        "%s: the file changed while it was read; read it again once it is "
                        "complete",
                        c->name);
    return 0;
}

static int unchanged(struct csv *c) {
    struct stat now;
    if (c->fd < 0)
        return 0;
    if (fstat(c->fd, &now) != 0 || now.st_size != c->st.st_size ||
        now.st_mtim.tv_sec != c->st.st_mtim.tv_sec || now.st_mtim.tv_nsec != c->st.st_mtim.tv_nsec)
        return csv_fail(c,
                        "%s: the file changed while it was read; read it again once it is "
                        "complete",
                        c->name);
    return 0;
}

/* The columns as a dataset: their arrays are handed over, not copied. */
static struct sumi_dataset *finish(struct csv *c) {
    static const enum sumi_type types[] = {
        [ST_EMPTY] = SUMI_STRING,    [ST_INTEGER] = SUMI_INTEGER, [ST_NUMBER] = SUMI_NUMBER,
        [ST_BOOLEAN] = SUMI_BOOLEAN, [ST_DATE] = SUMI_DATE,       [ST_MONTH] = SUMI_MONTH,
        [ST_QUARTER] = SUMI_QUARTER, [ST_STRING] = SUMI_STRING};
    struct sumi_dataset *ds = sumi_dataset_new();
    if (ds == NULL)
        return csv_out_of_memory(c), NULL;
    size_t n = c->rows > 0 ? c->rows : 1;
    for (size_t i = 0; i < c->ncols; i++) {
        struct column *col = &c->cols[i];
        csv_intern_stop(col);
        size_t size = csv_element_size(col->state);
        void *values = col->values == NULL ? calloc(n, size) : realloc(col->values, n * size);
        if (values != NULL)
            col->values = values; /* still the column's until data takes it */
        struct sumi_coldata *data = values != NULL ? sumi_coldata_new(types[col->state], 1) : NULL;
        if (data == NULL) {
            sumi_dataset_unref(ds);
            return csv_out_of_memory(c), NULL;
        }
        free(data->v.numbers); /* coldata holds each array as one malloc'ed block */
        data->v.numbers = values;
        col->values = NULL;
        data->valid = col->valid;
        if (data->valid != NULL) {
            uint8_t *shrunk = realloc(data->valid, n);
            data->valid = shrunk != NULL ? shrunk : data->valid;
        }
        col->valid = NULL;
        data->capacity = n;
        data->length = c->rows;
        int failed = data->type == SUMI_STRING && sumi_coldata_adopt_arena(data, c->arena) != 0;
        if (failed || sumi_dataset_add_column(ds, col->name, data, c->err, c->errlen) != 0) {
            if (failed)
                csv_out_of_memory(c);
            sumi_coldata_unref(data);
            sumi_dataset_unref(ds);
            return NULL;
        }
        sumi_coldata_unref(data);
    }
    return ds;
}

/* A column read as text only because its numbers group their thousands
 * with ',': a warning naming its first such value, and the option. */
static void warn_grouped(struct csv *c) {
    for (size_t i = 0; i < c->ncols; i++) {
        const struct column *col = &c->cols[i];
        if (col->state != ST_STRING || col->not_number || col->grouped_line == 0)
            continue;
        char label[96], message[512];
        snprintf(message, sizeof message,
                 "%s:%lu: %s: read as text because of '%s', a number with thousands separators "
                 "(pass thousands = true to read numbers written like 3,755; a \"string\" type in "
                 "types keeps the column text)",
                 c->name, col->grouped_line, csv_field_label(c, i, label, sizeof label),
                 col->grouped_value);
        c->warn(c->warn_ctx, message);
    }
}

struct sumi_dataset *csv_run(struct csv *c) {
    if (csv_start_input(c) != 0)
        return NULL;
    int r = next_record(c, MODE_FIRST);
    if (r == REC_END)
        csv_fail(c, "%s: empty file (%s)", c->name,
                 c->o->header ? "a header row is expected" : "no records");
    if (r != REC_ROW || make_columns(c) != 0)
        return NULL;
    while ((r = next_record(c, MODE_DATA)) == REC_ROW)
        ;
    if (r == REC_ERROR || (c->reread && reread(c) != 0) || unchanged(c) != 0)
        return NULL;
    struct sumi_dataset *ds = finish(c);
    if (ds != NULL && c->warn != NULL)
        warn_grouped(c);
    return ds;
}
