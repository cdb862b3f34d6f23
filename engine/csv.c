/* sumi.data.read_csv: CSV (RFC 4180) read straight into typed columns. The
 * one parser the engine owns, because it sits on the hot path.
 *
 * How it reads: the input streams through one buffer (1 MiB; it grows only
 * for a record longer than half of it), so memory holds the columns, not
 * the file. A record is parsed where it lies in the buffer; when it runs
 * past the end, the buffer is refilled and the record parsed again from its
 * start (a field is used only once its end is seen, so a retry stores the
 * same values in the same row). Each field goes into its column's array at
 * once: a column takes the type of its first value and widens as values
 * come (integer -> number). A value no inferred type accepts ("n/a" in a
 * number column) makes the column text, and a second pass over the input
 * reads that column alone as text. Strings are interned per column while
 * they repeat, so a million rows of 100 categories hold 100 strings.
 *
 * Every byte is checked: UTF-8 (RFC 3629: no overlongs, surrogates or code
 * points past U+10FFFF) and no NUL. Errors name the input, the line, the
 * field and its column. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "csv.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <iconv.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUFFER_DEFAULT (1u << 20)
#define MAX_COLUMNS 16384 /* Excel's limit; wider is a hostile or broken file */
#define INTERN_MAX_LEN 64 /* longer strings rarely repeat */

/* What a column holds so far. EMPTY: only nulls; REREAD: turned to text,
 * read again in the second pass. */
enum state { ST_EMPTY, ST_INTEGER, ST_NUMBER, ST_BOOLEAN, ST_DATE, ST_STRING, ST_REREAD };

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
};

struct first_field {
    char *text;
    size_t len;
};

struct csv {
    const struct sumi_csv_options *o;
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

enum { REC_ROW, REC_BLANK, REC_END, REC_MORE, REC_ERROR };
enum { MODE_FIRST, MODE_SKIP, MODE_DATA };
enum { NUM_NONE, NUM_INT, NUM_FLOAT, NUM_HUGE };

static int fail(struct csv *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, c->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static int out_of_memory(struct csv *c) {
    return fail(c, "%s: out of memory after %zu rows", c->name, c->rows);
}

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
static const char *field_label(const struct csv *c, size_t f, char *buf, size_t size) {
    char name[64];
    if (c->cols != NULL && f < c->ncols)
        snprintf(buf, size, "field %zu ('%s')", f + 1, clip(c->cols[f].name, 56, name));
    else
        snprintf(buf, size, "field %zu", f + 1);
    return buf;
}

/* A value for a message: at most 40 bytes, cut between characters. */
static void excerpt(char *out, const char *s, size_t n) {
    size_t k = n > 40 ? 40 : n;
    while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    for (size_t i = 0; i < k; i++)
        out[i] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
    strcpy(out + k, k < n ? "..." : "");
}

/* ---- input ---- */

static int read_more(struct csv *c) {
    while (c->len < c->cap && !c->eof) {
        size_t want = c->cap - c->len;
        if (c->fd >= 0) {
            ssize_t got = read(c->fd, c->buf + c->len, want);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return fail(c, "cannot read '%s': %s", c->name, strerror(errno));
            if (got == 0)
                c->eof = 1;
            c->len += (size_t)got;
        } else {
            size_t n = c->mem_len - c->mem_pos < want ? c->mem_len - c->mem_pos : want;
            if (n > 0)
                memcpy(c->buf + c->len, c->mem + c->mem_pos, n);
            c->mem_pos += n;
            c->len += n;
            c->eof = c->mem_pos == c->mem_len;
        }
    }
    c->buf[c->len] = '\0'; /* the sentinel every scanning loop stops at */
    return 0;
}

/* Keeps the unparsed bytes (the record in progress), moved to the front,
 * and reads more after them; a record longer than half the buffer doubles
 * it. */
static int refill(struct csv *c) {
    size_t keep = c->len - c->pos;
    memmove(c->buf, c->buf + c->pos, keep);
    c->base += c->pos;
    c->len = keep;
    c->pos = 0;
    if (keep > c->cap / 2) {
        size_t cap = c->cap * 2;
        char *grown = cap > c->cap ? realloc(c->buf, cap + 1) : NULL;
        if (grown == NULL)
            return fail(c, "%s:%lu: out of memory for a record of %zu bytes", c->name, c->line,
                        keep);
        c->buf = grown;
        c->cap = cap;
    }
    return read_more(c);
}

static int start_input(struct csv *c) {
    if (c->fd >= 0 && lseek(c->fd, 0, SEEK_SET) != 0)
        return fail(c, "cannot read '%s' again: %s", c->name, strerror(errno));
    c->mem_pos = c->len = c->pos = c->base = c->line_start = 0;
    c->eof = 0;
    c->line = 1;
    if (read_more(c) != 0) /* the buffer holds at least 4 bytes */
        return -1;
    if (c->len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0) /* Excel's UTF-8 BOM */
        c->pos = 3;
    return 0;
}

/* ---- values ---- */

static const double powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* A decimal number as data writes it: [+-] digits [. digits] [e [+-] digits],
 * with "," between groups of three digits when thousands is set. strict
 * refuses leading zeros ("007" is a code, not 7). NUM_INT: *iv holds it (no
 * '.' or exponent, fits in int64); NUM_FLOAT: *dv; NUM_HUGE: a number too
 * large for a double. Never follows the machine's locale. */
static int parse_num_slow(const char *s, size_t n, int thousands, int strict, int64_t *iv,
                          double *dv) {
    const char *p = s, *end = s + n;
    int negative = 0;
    if (p < end && (*p == '+' || *p == '-'))
        negative = *p++ == '-';
    const char *digits = p;
    uint64_t mant = 0;
    int kept = 0, exp10 = 0, lost = 0, is_float = 0;
    size_t idigits = 0, fdigits = 0, group = 0, commas = 0;
    for (; p < end; p++) {
        unsigned d = (unsigned)(unsigned char)*p - '0';
        if (d < 10) {
            idigits++;
            group++;
            if (kept < 19) {
                if (mant != 0 || d != 0) {
                    mant = mant * 10 + d;
                    kept++;
                }
            } else {
                exp10++;
                lost |= d != 0;
            }
        } else if (*p == ',' && thousands) {
            if (commas == 0 ? group < 1 || group > 3 : group != 3)
                return NUM_NONE;
            commas++;
            group = 0;
        } else {
            break;
        }
    }
    if (commas > 0 && group != 3)
        return NUM_NONE;
    if (strict && idigits > 1 && digits[0] == '0')
        return NUM_NONE;
    if (p < end && *p == '.') {
        is_float = 1;
        for (p++; p < end && (unsigned)(unsigned char)*p - '0' < 10; p++) {
            unsigned d = (unsigned)(unsigned char)*p - '0';
            fdigits++;
            if (kept < 19) {
                if (mant != 0 || d != 0) {
                    mant = mant * 10 + d;
                    kept++;
                }
                exp10--;
            } else {
                lost |= d != 0;
            }
        }
    }
    if (idigits + fdigits == 0)
        return NUM_NONE;
    if (p < end && (*p == 'e' || *p == 'E')) {
        is_float = 1;
        int eneg = 0, e = 0;
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            eneg = *p++ == '-';
        if (p == end || (unsigned)(unsigned char)*p - '0' >= 10)
            return NUM_NONE;
        for (; p < end && (unsigned)(unsigned char)*p - '0' < 10; p++)
            if (e < 100000)
                e = e * 10 + (*p - '0');
        exp10 += eneg ? -e : e;
    }
    if (p != end)
        return NUM_NONE;
    if (!is_float && exp10 == 0) {
        if (!negative && mant <= (uint64_t)INT64_MAX) {
            *iv = (int64_t)mant;
            return NUM_INT;
        }
        if (negative && mant <= (uint64_t)INT64_MAX + 1) {
            *iv = mant == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mant;
            return NUM_INT; /* "-0" is 0 */
        }
    }
    double d;
    if (mant == 0) {
        d = 0;
    } else if (!lost && mant <= (UINT64_C(1) << 53) && exp10 >= -22 && exp10 <= 22) {
        /* Clinger's fast path: both factors exact, so one rounding. */
        d = exp10 < 0 ? (double)mant / powers_of_ten[-exp10] : (double)mant * powers_of_ten[exp10];
        if (negative)
            d = -d;
    } else { /* rare: many digits or a large exponent; g_ascii_strtod rounds right */
        char small[128];
        char *copy = n < sizeof small ? small : malloc(n + 1);
        if (copy == NULL)
            return NUM_NONE;
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] != ',')
                copy[k++] = s[i];
        copy[k] = '\0';
        d = g_ascii_strtod(copy, NULL);
        if (copy != small)
            free(copy);
    }
    if (!isfinite(d))
        return NUM_HUGE;
    *dv = d == 0 ? 0.0 : d; /* never -0 */
    return NUM_FLOAT;
}

/* The common forms first: -?digits and -?digits.digits, short enough to
 * be exact (15 significant digits < 2^53); anything else takes the full
 * parse above. */
static inline int parse_num(const char *s, size_t n, int thousands, int strict, int64_t *iv,
                            double *dv) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    int negative = p < end && *p == '-';
    p += negative;
    const unsigned char *digits = p;
    uint64_t m = 0;
    while (p < end && (unsigned)*p - '0' < 10)
        m = m * 10 + (*p++ - '0');
    size_t id = (size_t)(p - digits);
    if (id == 0 || id > 18 || (strict && id > 1 && *digits == '0'))
        return parse_num_slow(s, n, thousands, strict, iv, dv);
    if (p == end) {
        *iv = negative ? -(int64_t)m : (int64_t)m;
        return NUM_INT;
    }
    if (*p != '.')
        return parse_num_slow(s, n, thousands, strict, iv, dv);
    const unsigned char *fraction = ++p;
    while (p < end && (unsigned)*p - '0' < 10)
        m = m * 10 + (*p++ - '0');
    size_t fd = (size_t)(p - fraction);
    if (p != end || fd == 0 || id + fd > 15)
        return parse_num_slow(s, n, thousands, strict, iv, dv);
    double d = (double)m / powers_of_ten[fd];
    *dv = negative && m != 0 ? -d : d; /* never -0 */
    return NUM_FLOAT;
}

/* 1 or 0 for true or false in any case, -1 otherwise. */
static int parse_bool(const char *s, size_t n) {
    static const char t[] = "true", f[] = "false";
    const char *word = n == 4 ? t : n == 5 ? f : NULL;
    if (word == NULL)
        return -1;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != word[i])
            return -1;
    return n == 4;
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
        return fail(c,
                    "%s:1: not valid UTF-8 (byte 0x%02X at column 1, file offset 0): the file "
                    "starts with a UTF-16 byte order mark; save it as UTF-8 or pass "
                    "encoding = \"utf-16\"",
                    c->name, p[0]);
    return fail(c,
                "%s:%lu: not valid UTF-8 (byte 0x%02X at column %zu, file offset %zu); save the "
                "file as UTF-8 or pass encoding = \"...\" (\"cp932\" for Shift_JIS from Excel)",
                c->name, line, p[0], off - line_start + 1, off);
}

static int nul_error(struct csv *c, const unsigned char *p, unsigned long line, size_t line_start) {
    size_t off = offset_of(c, p);
    return fail(c,
                "%s:%lu: NUL byte at column %zu (file offset %zu): not a text file (if it is "
                "UTF-16, pass encoding = \"utf-16\")",
                c->name, line, off - line_start + 1, off);
}

/* ---- columns ---- */

static size_t element_size(int state) { return state == ST_BOOLEAN ? 1 : state == ST_DATE ? 4 : 8; }

/* A large column array is filled from end to end at once: ask for huge
 * pages (Linux, when transparent huge pages are set to "madvise"), one
 * fault per 2 MiB instead of per 4 KiB. Only advice; nothing depends on it. */
static void *huge_pages(void *p, size_t size) {
#ifdef MADV_HUGEPAGE
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t start = ((uintptr_t)p + huge - 1) & ~(huge - 1);
    uintptr_t end = ((uintptr_t)p + size) & ~(huge - 1);
    if (p != NULL && size >= 4 * huge && end > start)
        madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
    (void)size;
#endif
    return p;
}

static int grow_rows(struct csv *c, size_t cap) {
    for (size_t i = 0; i < c->ncols; i++) {
        struct column *col = &c->cols[i];
        if (col->values != NULL) {
            void *v = huge_pages(realloc(col->values, cap * element_size(col->state)),
                                 cap * element_size(col->state));
            if (v == NULL)
                return out_of_memory(c);
            col->values = v;
        }
        if (col->valid != NULL) {
            uint8_t *v = realloc(col->valid, cap);
            if (v == NULL)
                return out_of_memory(c);
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
        return out_of_memory(c);
    return grow_rows(c, cap);
}

static int start_column(struct csv *c, struct column *col, int state) {
    col->state = state;
    col->values =
        huge_pages(calloc(c->row_cap, element_size(state)), c->row_cap * element_size(state));
    return col->values == NULL ? out_of_memory(c) : 0;
}

static int set_null(struct csv *c, struct column *col, size_t r) {
    if (col->valid == NULL) {
        col->valid = malloc(c->row_cap);
        if (col->valid == NULL)
            return out_of_memory(c);
        memset(col->valid, 1, r); /* earlier rows all had values */
    }
    col->valid[r] = 0;
    if (col->values != NULL)
        memset((char *)col->values + r * element_size(col->state), 0, element_size(col->state));
    return 0;
}

/* An integer column meets its first decimal: rows [0, r) become doubles in
 * place (both 8 bytes). */
static void integers_to_numbers(struct column *col, size_t r) {
    char *v = col->values;
    for (size_t i = 0; i < r; i++) {
        int64_t x;
        memcpy(&x, v + i * 8, 8);
        double d = (double)x;
        memcpy(v + i * 8, &d, 8);
    }
    col->state = ST_NUMBER;
}

static void to_text_later(struct csv *c, struct column *col) {
    free(col->values);
    free(col->valid);
    col->values = NULL;
    col->valid = NULL;
    col->state = ST_REREAD;
    col->skip = 1;
    c->reread = 1;
}

static uint64_t mix64(uint64_t h) { /* splitmix64's finalizer: every bit moves every bit */
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBu;
    return h ^ (h >> 31);
}

static uint32_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15u ^ n, w = 0;
    size_t len = n;
    for (; n > 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = mix64(h ^ w);
    }
    /* The last 1 to 8 bytes by whole loads (overlapping when needed): a
     * byte-wise copy would stall on store-to-load forwarding. */
    if (len >= 8) {
        memcpy(&w, s + n - 8, 8);
    } else if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        w = (uint64_t)hi << 32 | lo;
    } else if (n > 0) {
        w = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 |
            (unsigned char)s[n - 1];
    }
    return (uint32_t)mix64(h ^ w);
}

static void intern_stop(struct column *col) {
    free(col->table);
    col->table = NULL;
    col->intern_off = 1;
}

static int intern_grow(struct column *col) {
    size_t size = col->table == NULL ? 16 : (col->mask + 1) * 2;
    struct slot *t = calloc(size, sizeof *t);
    if (t == NULL)
        return -1;
    for (size_t i = 0; col->table != NULL && i <= col->mask; i++)
        if (col->table[i].s != NULL) {
            size_t j = col->table[i].hash & (size - 1);
            while (t[j].s != NULL)
                j = (j + 1) & (size - 1);
            t[j] = col->table[i];
        }
    free(col->table);
    col->table = t;
    col->mask = size - 1;
    return 0;
}

/* The string's copy in the arena: the same pointer for a value seen before
 * in this column, while values repeat enough to pay for the lookup. */
static const char *store_text(struct csv *c, struct column *col, const char *s, size_t n) {
    if (col->intern_off || n > INTERN_MAX_LEN)
        return sumi_arena_add(c->arena, s, n);
    if (col->table == NULL && intern_grow(col) != 0)
        return NULL;
    uint32_t h = hash_bytes(s, n);
    size_t i = h & col->mask;
    col->seen++;
    for (int probes = 0; col->table[i].s != NULL; probes++) {
        const struct slot *e = &col->table[i];
        if (e->hash == h && e->len == n && memcmp(e->s, s, n) == 0)
            return e->s;
        if (probes > 32) { /* crafted collisions must not make this quadratic */
            intern_stop(col);
            return sumi_arena_add(c->arena, s, n);
        }
        i = (i + 1) & col->mask;
    }
    const char *copy = sumi_arena_add(c->arena, s, n);
    if (copy == NULL)
        return NULL;
    col->table[i] = (struct slot){copy, (uint32_t)n, h};
    col->distinct++;
    if (col->distinct >= 65536 || (col->seen >= 4096 && col->distinct * 2 > col->seen))
        intern_stop(col); /* mostly distinct values: lookups cost more than they save */
    else if (col->distinct * 2 > col->mask && intern_grow(col) != 0)
        intern_stop(col);
    return copy;
}

static int is_null(const struct csv *c, const char *s, size_t n) {
    if (c->o->nulls == NULL)
        return n == 0;
    for (size_t i = 0; i < c->o->null_count; i++)
        if (c->null_len[i] == n && memcmp(c->o->nulls[i], s, n) == 0)
            return 1;
    return 0;
}

/* The field's text with each "" made one quote (RFC 4180 2.7), in scratch. */
static const char *unescape(struct csv *c, const char *s, size_t *n) {
    if (*n + 1 > c->scratch_cap) {
        char *grown = realloc(c->scratch, *n + 1);
        if (grown == NULL)
            return NULL;
        c->scratch = grown;
        c->scratch_cap = *n + 1;
    }
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        c->scratch[k++] = s[i];
        if (s[i] == '"')
            i++;
    }
    *n = k;
    return c->scratch;
}

static int classify(const struct csv *c, const char *s, size_t n) {
    int64_t iv;
    double dv;
    int32_t days;
    if (!c->o->infer)
        return ST_STRING;
    switch (parse_num(s, n, c->o->thousands, 1, &iv, &dv)) {
    case NUM_INT:
        return ST_INTEGER;
    case NUM_FLOAT:
        return ST_NUMBER;
    }
    if (parse_bool(s, n) >= 0)
        return ST_BOOLEAN;
    if (sumi_date_parse(s, n, &days) == 0)
        return ST_DATE;
    return ST_STRING;
}

static int type_error(struct csv *c, size_t f, const char *s, size_t n, unsigned long line) {
    const struct column *col = &c->cols[f];
    char label[96], value[48];
    int64_t iv;
    double dv;
    int num = parse_num(s, n, 1, 0, &iv, &dv);
    size_t sign = n > 0 && (s[0] == '-' || s[0] == '+');
    const char *expected = "", *why = "";
    switch (col->state) {
    case ST_INTEGER:
        expected = "an integer";
        if (num == NUM_FLOAT && memchr(s, '.', n) == NULL && memchr(s, 'e', n) == NULL &&
            memchr(s, 'E', n) == NULL)
            why = " (it does not fit in 64 bits)";
        break;
    case ST_NUMBER:
        expected = "a number";
        if (num == NUM_HUGE)
            why = " (too large for a number)";
        else if (n >= 3 + sign &&
                 (strncasecmp(s + sign, "nan", 3) == 0 || strncasecmp(s + sign, "inf", 3) == 0))
            why = " (NaN and infinities are not data)";
        break;
    case ST_BOOLEAN:
        expected = "true or false";
        break;
    case ST_DATE:
        expected = "a date (YYYY-MM-DD)";
        break;
    }
    if (!c->o->thousands && num != NUM_NONE && memchr(s, ',', n) != NULL)
        why = " (pass thousands = true to read numbers written like 3,755)";
    excerpt(value, s, n);
    return fail(c, "%s:%lu: %s: expected %s, got '%s'%s", c->name, line,
                field_label(c, f, label, sizeof label), expected, value, why);
}

/* One field of a data record into its column, row c->rows. */
static int take(struct csv *c, size_t f, const char *s, size_t n, int escaped, unsigned long line) {
    struct column *col = &c->cols[f];
    if (col->skip)
        return 0;
    if (escaped && (s = unescape(c, s, &n)) == NULL)
        return out_of_memory(c);
    size_t r = c->rows;
    if (is_null(c, s, n))
        return set_null(c, col, r);
    if (col->valid != NULL)
        col->valid[r] = 1;
    if (col->state == ST_EMPTY && start_column(c, col, classify(c, s, n)) != 0)
        return -1;
    int64_t iv;
    double dv;
    int32_t days;
    int b;
    switch (col->state) {
    case ST_INTEGER:
        switch (parse_num(s, n, c->o->thousands, !col->forced, &iv, &dv)) {
        case NUM_INT:
            ((int64_t *)col->values)[r] = iv;
            return 0;
        case NUM_FLOAT:
            if (col->forced)
                break;
            integers_to_numbers(col, r);
            ((double *)col->values)[r] = dv;
            return 0;
        }
        break;
    case ST_NUMBER:
        switch (parse_num(s, n, c->o->thousands, !col->forced, &iv, &dv)) {
        case NUM_INT:
            ((double *)col->values)[r] = (double)iv;
            return 0;
        case NUM_FLOAT:
            ((double *)col->values)[r] = dv;
            return 0;
        }
        break;
    case ST_BOOLEAN:
        if ((b = parse_bool(s, n)) < 0)
            break;
        ((uint8_t *)col->values)[r] = (uint8_t)b;
        return 0;
    case ST_DATE:
        if (sumi_date_parse(s, n, &days) != 0)
            break;
        ((int32_t *)col->values)[r] = days;
        return 0;
    case ST_STRING: {
        const char *text = store_text(c, col, s, n);
        if (text == NULL)
            return out_of_memory(c);
        ((const char **)col->values)[r] = text;
        return 0;
    }
    }
    if (col->forced)
        return type_error(c, f, s, n, line);
    to_text_later(c, col);
    return 0;
}

static void clear_first(struct csv *c) {
    for (size_t i = 0; i < c->first_n; i++)
        free(c->first[i].text);
    c->first_n = 0;
}

/* A field of the first record, kept until it is known whether it names a
 * column or is data. */
static int keep_first(struct csv *c, const char *s, size_t n, int escaped) {
    if (c->first_n == MAX_COLUMNS)
        return fail(c,
                    "%s:%lu: more than %d fields in the first record; sumi reads at most %d "
                    "columns",
                    c->name, c->first_line, MAX_COLUMNS, MAX_COLUMNS);
    if (c->first_n == c->first_cap) {
        size_t cap = c->first_cap ? c->first_cap * 2 : 16;
        struct first_field *grown = realloc(c->first, cap * sizeof *grown);
        if (grown == NULL)
            return out_of_memory(c);
        c->first = grown;
        c->first_cap = cap;
    }
    if (escaped && (s = unescape(c, s, &n)) == NULL)
        return out_of_memory(c);
    char *text = malloc(n + 1);
    if (text == NULL)
        return out_of_memory(c);
    memcpy(text, s, n);
    text[n] = '\0';
    c->first[c->first_n++] = (struct first_field){text, n};
    return 0;
}

/* ---- records ---- */

static int deliver(struct csv *c, int mode, size_t f, const unsigned char *s,
                   const unsigned char *e, int escaped, unsigned long line) {
    if (mode == MODE_DATA)
        return f < c->ncols ? take(c, f, (const char *)s, (size_t)(e - s), escaped, line) : 0;
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
        clear_first(c);
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
                    fail(c, "%s:%lu: %s: quoted field never closed", c->name, field_line,
                         field_label(c, f, label, sizeof label));
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
                fail(c,
                     "%s:%lu: %s: text after a closing quote (quote the whole field and "
                     "double the quotes inside)",
                     c->name, line, field_label(c, f, label, sizeof label));
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
                    q++; /* a lone CR is data */
                } else if (*q == '"') {
                    fail(c,
                         "%s:%lu: %s: quote inside an unquoted field (quote the whole field "
                         "and double the quote)",
                         c->name, line, field_label(c, f, label, sizeof label));
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
        fail(c, "%s:%lu: %zu fields, but the %s has %zu", c->name, start_line, f,
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
        if (r == REC_MORE && refill(c) != 0)
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
            failed = fail(c, "%s:%lu: column %zu has an empty name", c->name, c->first_line, i + 1);
        else if (g_hash_table_contains(seen, name))
            failed = fail(c, "%s:%lu: column name '%s' appears twice", c->name, c->first_line,
                          clip(name, 60, shown));
        else
            g_hash_table_add(seen, (gpointer)name);
    }
    g_hash_table_destroy(seen);
    return failed;
}

static int set_types(struct csv *c) {
    static const int states[] = {[SUMI_INTEGER] = ST_INTEGER,
                                 [SUMI_NUMBER] = ST_NUMBER,
                                 [SUMI_STRING] = ST_STRING,
                                 [SUMI_BOOLEAN] = ST_BOOLEAN,
                                 [SUMI_DATE] = ST_DATE};
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
            return fail(c,
                        "bad option 'types' to 'read_csv' (no column '%s' in %s; its "
                        "columns: %s)",
                        clip(type->column, 60, wanted), c->name, names);
        }
        c->cols[i].forced = 1;
        if (start_column(c, &c->cols[i], states[type->type]) != 0)
            return -1;
    }
    return 0;
}

static int make_columns(struct csv *c) {
    c->ncols = c->first_n;
    c->cols = calloc(c->ncols, sizeof *c->cols);
    if (c->cols == NULL)
        return out_of_memory(c);
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
                return out_of_memory(c);
        }
    }
    if (c->o->header && check_names(c) != 0)
        return -1;
    if (set_types(c) != 0)
        return -1;
    if (!c->o->header) { /* the first record is row 1 */
        for (size_t i = 0; i < c->ncols; i++)
            if (take(c, i, c->first[i].text, c->first[i].len, 0, c->first_line) != 0)
                return -1;
        c->rows = 1;
    }
    clear_first(c);
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
            return out_of_memory(c);
    }
    c->rows = 0;
    c->estimated = 1;
    if (start_input(c) != 0)
        return -1;
    int r = next_record(c, c->o->header ? MODE_SKIP : MODE_DATA);
    while (r == REC_ROW)
        r = next_record(c, MODE_DATA);
    if (r == REC_ERROR)
        return -1;
    if (c->rows != rows)
        return fail(c,
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
        return fail(c,
                    "%s: the file changed while it was read; read it again once it is "
                    "complete",
                    c->name);
    return 0;
}

/* The columns as a dataset: their arrays are handed over, not copied. */
static struct sumi_dataset *finish(struct csv *c) {
    static const enum sumi_type types[] = {
        [ST_EMPTY] = SUMI_STRING,    [ST_INTEGER] = SUMI_INTEGER, [ST_NUMBER] = SUMI_NUMBER,
        [ST_BOOLEAN] = SUMI_BOOLEAN, [ST_DATE] = SUMI_DATE,       [ST_STRING] = SUMI_STRING};
    struct sumi_dataset *ds = sumi_dataset_new();
    if (ds == NULL)
        return out_of_memory(c), NULL;
    size_t n = c->rows > 0 ? c->rows : 1;
    for (size_t i = 0; i < c->ncols; i++) {
        struct column *col = &c->cols[i];
        intern_stop(col);
        size_t size = element_size(col->state);
        void *values = col->values == NULL ? calloc(n, size) : realloc(col->values, n * size);
        if (values != NULL)
            col->values = values; /* still the column's until data takes it */
        struct sumi_coldata *data = values != NULL ? sumi_coldata_new(types[col->state], 1) : NULL;
        if (data == NULL) {
            sumi_dataset_unref(ds);
            return out_of_memory(c), NULL;
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
                out_of_memory(c);
            sumi_coldata_unref(data);
            sumi_dataset_unref(ds);
            return NULL;
        }
        sumi_coldata_unref(data);
    }
    return ds;
}

static struct sumi_dataset *run(struct csv *c) {
    if (start_input(c) != 0)
        return NULL;
    int r = next_record(c, MODE_FIRST);
    if (r == REC_END)
        fail(c, "%s: empty file (%s)", c->name,
             c->o->header ? "a header row is expected" : "no records");
    if (r != REC_ROW || make_columns(c) != 0)
        return NULL;
    while ((r = next_record(c, MODE_DATA)) == REC_ROW)
        ;
    if (r == REC_ERROR || (c->reread && reread(c) != 0) || unchanged(c) != 0)
        return NULL;
    return finish(c);
}

/* ---- entry points ---- */

void sumi_csv_options_init(struct sumi_csv_options *o) {
    memset(o, 0, sizeof *o);
    o->delimiter = ',';
    o->header = 1;
    o->infer = 1;
}

static void csv_free(struct csv *c) {
    for (size_t i = 0; i < c->ncols; i++) {
        free(c->cols[i].name);
        free(c->cols[i].values);
        free(c->cols[i].valid);
        free(c->cols[i].table);
    }
    free(c->cols);
    clear_first(c);
    free(c->first);
    free(c->buf);
    free(c->scratch);
    free(c->null_len);
    sumi_arena_unref(c->arena);
    if (c->fd >= 0)
        close(c->fd);
}

static int csv_init(struct csv *c, const struct sumi_csv_options *o, char *err, size_t errlen) {
    memset(c, 0, sizeof *c);
    c->o = o;
    c->fd = -1;
    c->name = o->name != NULL ? o->name : "input";
    c->err = err != NULL && errlen > 0 ? err : c->own_err;
    c->errlen = err != NULL && errlen > 0 ? errlen : sizeof c->own_err;
    c->err[0] = '\0';
    unsigned char d = (unsigned char)o->delimiter;
    if (d == 0 || d == '"' || d == '\n' || d == '\r' || d >= 0x80)
        return fail(c, "bad option 'delimiter' to 'read_csv' (one character other than a quote "
                       "or line break expected)");
    c->delim = d;
    /* Bytes that end a run of plain field bytes: the sentinel NUL, line
     * ends, quotes, the delimiter outside quotes, and non-ASCII (checked). */
    for (int i = 0; i < 256; i++)
        c->special[i] = c->special_quoted[i] = i == 0 || i == '"' || i == '\n' || i >= 0x80;
    c->special['\r'] = c->special[d] = 1;
    c->cap = o->buffer_size > 0 ? (o->buffer_size < 4 ? 4 : o->buffer_size) : BUFFER_DEFAULT;
    c->buf = malloc(c->cap + 1);
    c->arena = sumi_arena_new();
    if (o->nulls != NULL && o->null_count > 0) {
        c->null_len = malloc(o->null_count * sizeof *c->null_len);
        for (size_t i = 0; c->null_len != NULL && i < o->null_count; i++)
            c->null_len[i] = strlen(o->nulls[i]);
    }
    if (c->buf == NULL || c->arena == NULL ||
        (o->nulls != NULL && o->null_count > 0 && c->null_len == NULL))
        return out_of_memory(c);
    return 0;
}

static int is_utf8(const char *encoding) {
    return encoding == NULL || strcasecmp(encoding, "utf-8") == 0 ||
           strcasecmp(encoding, "utf8") == 0;
}

/* The input converted to UTF-8 by iconv (malloc'ed; *len becomes its
 * length), or NULL with the message. */
static char *to_utf8(struct csv *c, const char *in, size_t *len) {
    const char *encoding = c->o->encoding;
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1)
        return fail(c, "bad option 'encoding' to 'read_csv' (unknown encoding '%s')", encoding),
               NULL;
    size_t cap = *len + *len / 2 + 64, left = *len, room = cap;
    char *out = malloc(cap + 1), *ip = (char *)in, *op = out;
    int flushing = 0, bad = 0;
    while (out != NULL) {
        size_t r = flushing ? iconv(cd, NULL, NULL, &op, &room) : iconv(cd, &ip, &left, &op, &room);
        if (r != (size_t)-1) { /* all input taken; then the shift state is flushed */
            if (flushing)
                break;
            flushing = 1;
        } else if (errno == E2BIG) {
            size_t used = (size_t)(op - out);
            char *grown = realloc(out, cap * 2 + 1);
            if (grown == NULL) {
                free(out);
                out = NULL;
                break;
            }
            out = grown;
            op = out + used;
            cap *= 2;
            room = cap - used;
        } else { /* EILSEQ, or EINVAL: the input ends inside a character */
            unsigned long line = 1;
            for (const char *q = out; q < op; q++)
                line += *q == '\n';
            size_t off = (size_t)(ip - in);
            if (errno == EINVAL)
                fail(c, "%s:%lu: not valid %s: the file ends inside a character (file offset %zu)",
                     c->name, line, encoding, off);
            else
                fail(c,
                     "%s:%lu: not valid %s (byte 0x%02X at file offset %zu); is the file in "
                     "another encoding?",
                     c->name, line, encoding, (unsigned char)*ip, off);
            bad = 1;
            free(out);
            out = NULL;
        }
    }
    iconv_close(cd);
    if (out == NULL) {
        if (!bad)
            out_of_memory(c);
        return NULL;
    }
    *len = (size_t)(op - out);
    return out;
}

static struct sumi_dataset *parse_memory(struct csv *c, const char *bytes, size_t len) {
    char *converted = NULL;
    if (!is_utf8(c->o->encoding) && (converted = to_utf8(c, bytes, &len)) == NULL)
        return NULL;
    c->mem = converted != NULL ? converted : bytes;
    c->mem_len = c->total = len;
    struct sumi_dataset *ds = run(c);
    c->mem = NULL;
    free(converted);
    return ds;
}

struct sumi_dataset *sumi_csv_parse(const char *bytes, size_t len, const struct sumi_csv_options *o,
                                    char *err, size_t errlen) {
    struct csv c;
    struct sumi_dataset *ds = NULL;
    if (csv_init(&c, o, err, errlen) == 0)
        ds = parse_memory(&c, bytes, len);
    csv_free(&c);
    return ds;
}

/* The rest of the open file, for inputs that cannot be read twice (a pipe)
 * or that are converted first. */
static char *read_all(struct csv *c, size_t *len) {
    size_t cap = c->st.st_size > 0 ? (size_t)c->st.st_size + 1 : 65536, n = 0;
    char *all = malloc(cap);
    while (all != NULL) {
        if (n == cap) {
            char *grown = realloc(all, cap * 2);
            if (grown == NULL)
                break;
            all = grown;
            cap *= 2;
        }
        ssize_t got = read(c->fd, all + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            fail(c, "cannot read '%s': %s", c->name, strerror(errno));
            free(all);
            return NULL;
        }
        if (got == 0) {
            *len = n;
            return all;
        }
        n += (size_t)got;
    }
    free(all);
    out_of_memory(c);
    return NULL;
}

struct sumi_dataset *sumi_csv_read(const char *path, const struct sumi_csv_options *o, char *err,
                                   size_t errlen) {
    struct csv c;
    struct sumi_dataset *ds = NULL;
    if (csv_init(&c, o, err, errlen) != 0) {
        csv_free(&c);
        return NULL;
    }
    c.fd = open(path, O_RDONLY | O_CLOEXEC);
    if (c.fd < 0 || fstat(c.fd, &c.st) != 0) {
        fail(&c, "cannot read '%s': %s", c.name, strerror(errno));
    } else if (S_ISDIR(c.st.st_mode)) {
        fail(&c, "cannot read '%s': it is a folder", c.name);
    } else if (S_ISREG(c.st.st_mode) && is_utf8(o->encoding)) {
        c.total = (size_t)c.st.st_size;
        ds = run(&c);
    } else {
        size_t len = 0;
        char *all = read_all(&c, &len);
        close(c.fd);
        c.fd = -1;
        if (all != NULL)
            ds = parse_memory(&c, all, len);
        free(all);
    }
    csv_free(&c);
    return ds;
}

#ifndef SUMI_CSV_NO_LUA /* the fuzz target builds the reader without Lua */
#include <lauxlib.h>

#include "data.h"
#include "options.h"
#include "runtime.h"

/* null = {"", "NA", "-"}: the markers, anchored by the options table. */
static void read_nulls(lua_State *L, int opts, struct sumi_csv_options *o) {
    int t = lua_getfield(L, opts, "null");
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    size_t n = t == LUA_TTABLE ? lua_rawlen(L, -1) : 0, count = 0;
    if (t == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            size_t len;
            const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
            count = s != NULL && strlen(s) == len ? count + 1 : SIZE_MAX - 1;
            lua_pop(L, 1);
        }
    }
    if (t != LUA_TTABLE || count != n)
        luaL_error(L, "bad option 'null' to 'read_csv' (list of strings expected, such as "
                      "{\"\", \"NA\"})");
    const char **list = lua_newuserdatauv(L, (n > 0 ? n : 1) * sizeof *list, 0);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, -2, (lua_Integer)i + 1);
        list[i] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    o->nulls = list;
    o->null_count = n;
    /* table and list stay on the stack until read_csv returns */
}

/* types = {count = "integer", code = "string"} */
static void read_types(lua_State *L, int opts, struct sumi_csv_options *o) {
    if (lua_getfield(L, opts, "types") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!lua_istable(L, -1))
        luaL_error(L, "bad option 'types' to 'read_csv' (table expected, got %s)",
                   luaL_typename(L, -1));
    int table = lua_gettop(L);
    size_t n = 0;
    lua_pushnil(L);
    while (lua_next(L, table) != 0) {
        lua_pop(L, 1);
        n++;
    }
    struct sumi_csv_type *types = lua_newuserdatauv(L, (n > 0 ? n : 1) * sizeof *types, 0);
    size_t i = 0;
    lua_pushnil(L);
    while (lua_next(L, table) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "bad option 'types' to 'read_csv' (keys must be column names, got a %s)",
                       luaL_typename(L, -2));
        const char *column = lua_tostring(L, -2), *name = lua_tostring(L, -1);
        int type = -1;
        for (int k = SUMI_INTEGER; name != NULL && lua_type(L, -1) == LUA_TSTRING && k <= SUMI_DATE;
             k++)
            if (strcmp(name, sumi_type_name((enum sumi_type)k)) == 0)
                type = k;
        if (type < 0)
            luaL_error(L,
                       "bad option 'types' to 'read_csv' (column '%s': one of 'integer', "
                       "'number', 'string', 'boolean', 'date' expected, got %s%s%s)",
                       column, name != NULL ? "'" : "", name != NULL ? name : luaL_typename(L, -1),
                       name != NULL ? "'" : "");
        types[i++] = (struct sumi_csv_type){column, (enum sumi_type)type};
        lua_pop(L, 1);
    }
    o->types = types;
    o->type_count = n;
}

/* data.read_csv(path [, options]) -> dataset */
static int data_read_csv(lua_State *L) {
    const char *given = luaL_checkstring(L, 1);
    static const char *const keys[] = {"delimiter", "header",   "types", "null",   "numbers",
                                       "thousands", "encoding", "title", "source", "unit",
                                       "notes",     "columns",  NULL};
    opt_check_keys(L, 2, keys);
    int opts = lua_istable(L, 2) ? 2 : 0;
    struct sumi_csv_options o;
    sumi_csv_options_init(&o);
    o.name = given;
    const char *delim = opt_string(L, opts, "delimiter", ",");
    if (strlen(delim) != 1 || delim[0] == '"' || delim[0] == '\n' || delim[0] == '\r' ||
        (unsigned char)delim[0] >= 0x80)
        return luaL_error(L,
                          "bad option 'delimiter' to 'read_csv' (one character other than a "
                          "quote or line break expected, got '%s')",
                          delim);
    o.delimiter = delim[0];
    o.header = opt_boolean(L, opts, "header", 1);
    o.infer = opt_boolean(L, opts, "numbers", 1);
    o.thousands = opt_boolean(L, opts, "thousands", 0);
    o.encoding = opt_string(L, opts, "encoding", NULL);
    if (!is_utf8(o.encoding)) {
        iconv_t cd = iconv_open("UTF-8", o.encoding);
        if (cd == (iconv_t)-1)
            return luaL_error(L,
                              "bad option 'encoding' to 'read_csv' (unknown encoding '%s'; "
                              "names as iconv knows them: \"cp932\", \"shift_jis\", \"euc-jp\", "
                              "\"gb18030\", \"utf-16\"...)",
                              o.encoding);
        iconv_close(cd);
    }
    if (opts != 0) {
        read_nulls(L, opts, &o);
        read_types(L, opts, &o);
    }
    const char *path = sumi_resolve_input(L, given);
    char err[512];
    struct sumi_dataset *ds = sumi_csv_read(path, &o, err, sizeof err);
    if (ds == NULL)
        return luaL_error(L, "%s", err);
    sumi_push_dataset(L, ds);
    sumi_apply_meta_options(L, opts, ds);
    return 1;
}

static const luaL_Reg csv_functions[] = {
    {"read_csv", data_read_csv},
    {NULL, NULL},
};

void sumi_data_register_csv(lua_State *L, int module) {
    lua_pushvalue(L, module);
    luaL_setfuncs(L, csv_functions, 0);
    lua_pop(L, 1);
}
#endif
