/* The CSV reader's fields (csv.c describes the whole): each field's text
 * into its column, row c->rows. Numbers, booleans, dates, months and
 * quarters are parsed
 * here, columns take and widen their type, and strings are interned.
 * csv_take() and everything it calls per field stay in this one file, so
 * that the compiler can inline them into it. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "csv_internal.h"
#include "numtext.h"

#define INTERN_MAX_LEN 64 /* longer strings rarely repeat */

enum { NUM_NONE, NUM_INT, NUM_FLOAT, NUM_HUGE };

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
    } else { /* rare: many digits or a large exponent; numtext_parse rounds right */
        char small[128];
        char *copy = n < sizeof small ? small : malloc(n + 1);
        if (copy == NULL)
            return NUM_NONE;
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] != ',')
                copy[k++] = s[i];
        copy[k] = '\0';
        int read = numtext_parse(copy, &d);
        if (copy != small)
            free(copy);
        if (read != 1) /* the text was checked above: only range fails */
            return read < 0 ? NUM_HUGE : NUM_NONE;
    }
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

/* ---- columns ---- */

size_t csv_element_size(int state) {
    return state == ST_BOOLEAN                                            ? 1
           : state == ST_DATE || state == ST_MONTH || state == ST_QUARTER ? 4
                                                                          : 8;
}

/* A large column array is filled from end to end at once: ask for huge
 * pages (Linux, when transparent huge pages are set to "madvise"), one
 * fault per 2 MiB instead of per 4 KiB. Only advice; nothing depends on it. */
void *csv_huge_pages(void *p, size_t size) {
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

int csv_start_column(struct csv *c, struct column *col, int state) {
    col->state = state;
    col->values = csv_huge_pages(calloc(c->row_cap, csv_element_size(state)),
                                 c->row_cap * csv_element_size(state));
    return col->values == NULL ? csv_out_of_memory(c) : 0;
}

static int set_null(struct csv *c, struct column *col, size_t r) {
    if (col->valid == NULL) {
        col->valid = malloc(c->row_cap);
        if (col->valid == NULL)
            return csv_out_of_memory(c);
        memset(col->valid, 1, r); /* earlier rows all had values */
    }
    col->valid[r] = 0;
    if (col->values != NULL)
        memset((char *)col->values + r * csv_element_size(col->state), 0,
               csv_element_size(col->state));
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

void csv_intern_stop(struct column *col) {
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
            csv_intern_stop(col);
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
        csv_intern_stop(col); /* mostly distinct values: lookups cost more than they save */
    else if (col->distinct * 2 > col->mask && intern_grow(col) != 0)
        csv_intern_stop(col);
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
const char *csv_unescape(struct csv *c, const char *s, size_t *n) {
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

/* A value for a message: at most 40 bytes, cut between characters. */
static void excerpt(char *out, const char *s, size_t n) {
    size_t k = n > 40 ? 40 : n;
    while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    for (size_t i = 0; i < k; i++)
        out[i] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
    strcpy(out + k, k < n ? "..." : "");
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
    if (sumi_month_parse(s, n, &days) == 0)
        return ST_MONTH;
    if (sumi_quarter_parse(s, n, &days) == 0)
        return ST_QUARTER;
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
    case ST_MONTH:
        expected = "a month (YYYY-MM)";
        break;
    case ST_QUARTER:
        expected = "a quarter (YYYYQn or YYYY-Qn)";
        break;
    }
    if (!c->o->thousands && num != NUM_NONE && memchr(s, ',', n) != NULL)
        why = " (pass thousands = true to read numbers written like 3,755)";
    excerpt(value, s, n);
    return csv_fail(c, "%s:%lu: %s: expected %s, got '%s'%s", c->name, line,
                    csv_field_label(c, f, label, sizeof label), expected, value, why);
}

/* A value of a text column: whether it is a number once ',' separates
 * thousands. A column that is text only because of such values is warned
 * about after the read (csv_parse.c); the first value that is no number
 * at all ends the watch, so a column of words costs one parse. */
static void watch_grouped(struct column *col, const char *s, size_t n, unsigned long line) {
    int64_t iv;
    double dv;
    int num = parse_num(s, n, 1, 1, &iv, &dv);
    if (num != NUM_INT && num != NUM_FLOAT)
        col->not_number = 1;
    else if (col->grouped_line == 0 && memchr(s, ',', n) != NULL) {
        col->grouped_line = line;
        excerpt(col->grouped_value, s, n);
    }
}

/* One field of a data record into its column, row c->rows. */
int csv_take(struct csv *c, size_t f, const char *s, size_t n, int escaped, unsigned long line) {
    struct column *col = &c->cols[f];
    if (col->skip)
        return 0;
    if (escaped && (s = csv_unescape(c, s, &n)) == NULL)
        return csv_out_of_memory(c);
    size_t r = c->rows;
    if (is_null(c, s, n))
        return set_null(c, col, r);
    if (col->valid != NULL)
        col->valid[r] = 1;
    if (col->state == ST_EMPTY && csv_start_column(c, col, classify(c, s, n)) != 0)
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
    case ST_MONTH:
        if (sumi_month_parse(s, n, &days) != 0)
            break;
        ((int32_t *)col->values)[r] = days; /* months */
        return 0;
    case ST_QUARTER:
        if (sumi_quarter_parse(s, n, &days) != 0)
            break;
        ((int32_t *)col->values)[r] = days; /* quarters */
        return 0;
    case ST_STRING: {
        if (c->warn != NULL && !col->not_number && !col->forced && c->o->infer && !c->o->thousands)
            watch_grouped(col, s, n, line);
        const char *text = store_text(c, col, s, n);
        if (text == NULL)
            return csv_out_of_memory(c);
        ((const char **)col->values)[r] = text;
        return 0;
    }
    }
    if (col->forced)
        return type_error(c, f, s, n, line);
    to_text_later(c, col);
    return 0;
}
