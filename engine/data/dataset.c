/* Columnar datasets: storage, reference counting, building. The operations
 * that make new datasets from old ones (sort, group, join...) are in data.c,
 * next to the Lua functions that call them. */
#define _POSIX_C_SOURCE 200809L
#include "dataset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sumi_type_name(enum sumi_type type) {
    switch (type) {
    case SUMI_INTEGER:
        return "integer";
    case SUMI_NUMBER:
        return "number";
    case SUMI_STRING:
        return "string";
    case SUMI_BOOLEAN:
        return "boolean";
    case SUMI_DATE:
        return "date";
    case SUMI_MONTH:
        return "month";
    case SUMI_QUARTER:
        return "quarter";
    }
    return "?";
}

/* ---- metadata ---- */

void sumi_meta_free(struct sumi_meta *meta) {
    free(meta->title);
    free(meta->source);
    free(meta->unit);
    free(meta->notes);
    memset(meta, 0, sizeof *meta);
}

static int copy_string(char **dst, const char *src) {
    *dst = NULL;
    if (src == NULL)
        return 0;
    *dst = strdup(src);
    return *dst == NULL ? -1 : 0;
}

int sumi_meta_copy(struct sumi_meta *dst, const struct sumi_meta *src) {
    memset(dst, 0, sizeof *dst);
    if (copy_string(&dst->title, src->title) || copy_string(&dst->source, src->source) ||
        copy_string(&dst->unit, src->unit) || copy_string(&dst->notes, src->notes)) {
        sumi_meta_free(dst);
        return -1;
    }
    return 0;
}

/* 1 when text is one of the " / "-separated parts of list. */
static int has_part(const char *list, const char *text) {
    size_t n = strlen(text);
    for (const char *p = list; p != NULL;) {
        const char *end = strstr(p, " / ");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, text, n) == 0)
            return 1;
        p = end ? end + 3 : NULL;
    }
    return 0;
}

static int merge_list(char **dst, const char *src) {
    if (src == NULL)
        return 0;
    if (*dst == NULL)
        return copy_string(dst, src);
    /* Add each part of src that dst lacks. */
    for (const char *p = src; p != NULL;) {
        const char *end = strstr(p, " / ");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char *part = strndup(p, len);
        if (part == NULL)
            return -1;
        if (!has_part(*dst, part)) {
            size_t old = strlen(*dst);
            char *grown = realloc(*dst, old + 3 + len + 1);
            if (grown == NULL) {
                free(part);
                return -1;
            }
            memcpy(grown + old, " / ", 3);
            memcpy(grown + old + 3, part, len + 1);
            *dst = grown;
        }
        free(part);
        p = end ? end + 3 : NULL;
    }
    return 0;
}

int sumi_meta_merge(struct sumi_meta *dst, const struct sumi_meta *src) {
    if (dst->title == NULL && copy_string(&dst->title, src->title))
        return -1;
    if (dst->unit == NULL && copy_string(&dst->unit, src->unit))
        return -1;
    if (merge_list(&dst->source, src->source) || merge_list(&dst->notes, src->notes))
        return -1;
    return 0;
}

/* ---- arenas ---- */

struct arena_block {
    struct arena_block *next;
    size_t used, size;
    char bytes[];
};

struct sumi_arena {
    int refcount;
    struct arena_block *head;
};

struct sumi_arena *sumi_arena_new(void) {
    struct sumi_arena *a = calloc(1, sizeof *a);
    if (a != NULL)
        a->refcount = 1;
    return a;
}

void sumi_arena_ref(struct sumi_arena *arena) { arena->refcount++; }

void sumi_arena_unref(struct sumi_arena *arena) {
    if (arena == NULL || --arena->refcount > 0)
        return;
    for (struct arena_block *b = arena->head; b != NULL;) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(arena);
}

const char *sumi_arena_add(struct sumi_arena *arena, const char *s, size_t len) {
    struct arena_block *b = arena->head;
    if (b == NULL || b->size - b->used < len + 1) {
        size_t size = len + 1 > 65536 ? len + 1 : 65536;
        struct arena_block *nb = malloc(sizeof *nb + size);
        if (nb == NULL)
            return NULL;
        nb->used = 0;
        nb->size = size;
        /* A large string gets a block of its own behind the current one, so
         * the current block's free space stays in use. */
        if (b != NULL && len + 1 > 65536) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            arena->head = nb;
        }
        b = nb;
    }
    char *out = b->bytes + b->used;
    memcpy(out, s, len);
    out[len] = '\0';
    b->used += len + 1;
    return out;
}

/* ---- column data ---- */

static size_t value_size(enum sumi_type type) {
    switch (type) {
    case SUMI_INTEGER:
        return sizeof(int64_t);
    case SUMI_NUMBER:
        return sizeof(double);
    case SUMI_STRING:
        return sizeof(const char *);
    case SUMI_BOOLEAN:
        return sizeof(uint8_t);
    case SUMI_DATE:
    case SUMI_MONTH:
    case SUMI_QUARTER:
        return sizeof(int32_t);
    }
    return 8;
}

struct sumi_coldata *sumi_coldata_new(enum sumi_type type, size_t capacity) {
    struct sumi_coldata *col = calloc(1, sizeof *col);
    if (col == NULL)
        return NULL;
    col->refcount = 1;
    col->type = type;
    if (sumi_coldata_reserve(col, capacity > 0 ? capacity : 16) != 0) {
        free(col);
        return NULL;
    }
    return col;
}

void sumi_coldata_ref(struct sumi_coldata *col) { col->refcount++; }

void sumi_coldata_unref(struct sumi_coldata *col) {
    if (col == NULL || --col->refcount > 0)
        return;
    free(col->valid);
    free(col->v.numbers); /* every member of the union is one malloc'ed array */
    for (int i = 0; i < col->arena_count; i++)
        sumi_arena_unref(col->arenas[i]);
    free(col->arenas);
    free(col);
}

int sumi_coldata_reserve(struct sumi_coldata *col, size_t capacity) {
    if (capacity <= col->capacity)
        return 0;
    size_t size = value_size(col->type);
    if (capacity > SIZE_MAX / size)
        return -1;
    void *values = realloc(col->v.numbers, capacity * size);
    if (values == NULL)
        return -1;
    col->v.numbers = values;
    if (col->valid != NULL) {
        uint8_t *valid = realloc(col->valid, capacity);
        if (valid == NULL)
            return -1;
        col->valid = valid;
    }
    col->capacity = capacity;
    return 0;
}

static int grow_for_one(struct sumi_coldata *col) {
    if (col->length < col->capacity)
        return 0;
    return sumi_coldata_reserve(col, col->capacity * 2);
}

/* Marks a row valid or null, creating the null map on the first null. */
static int set_valid(struct sumi_coldata *col, size_t row, int valid) {
    if (col->valid == NULL) {
        if (valid)
            return 0;
        col->valid = malloc(col->capacity);
        if (col->valid == NULL)
            return -1;
        memset(col->valid, 1, col->capacity);
    }
    col->valid[row] = (uint8_t)valid;
    return 0;
}

int sumi_coldata_push_null(struct sumi_coldata *col) {
    if (grow_for_one(col) != 0 || set_valid(col, col->length, 0) != 0)
        return -1;
    switch (col->type) {
    case SUMI_INTEGER:
        col->v.integers[col->length] = 0;
        break;
    case SUMI_NUMBER:
        col->v.numbers[col->length] = 0;
        break;
    case SUMI_STRING:
        col->v.strings[col->length] = NULL;
        break;
    case SUMI_BOOLEAN:
        col->v.booleans[col->length] = 0;
        break;
    case SUMI_DATE:
    case SUMI_MONTH:
    case SUMI_QUARTER:
        col->v.dates[col->length] = 0;
        break;
    }
    col->length++;
    return 0;
}

#define PUSH_BODY(member, value)                                                                   \
    if (grow_for_one(col) != 0 || set_valid(col, col->length, 1) != 0)                             \
        return -1;                                                                                 \
    col->v.member[col->length++] = (value);                                                        \
    return 0

int sumi_coldata_push_integer(struct sumi_coldata *col, int64_t value) {
    PUSH_BODY(integers, value);
}
int sumi_coldata_push_number(struct sumi_coldata *col, double value) { PUSH_BODY(numbers, value); }
int sumi_coldata_push_boolean(struct sumi_coldata *col, int value) {
    PUSH_BODY(booleans, value ? 1 : 0);
}
int sumi_coldata_push_date(struct sumi_coldata *col, int32_t count) { PUSH_BODY(dates, count); }

int sumi_coldata_adopt_arena(struct sumi_coldata *col, struct sumi_arena *arena) {
    for (int i = 0; i < col->arena_count; i++)
        if (col->arenas[i] == arena)
            return 0;
    struct sumi_arena **grown =
        realloc(col->arenas, (size_t)(col->arena_count + 1) * sizeof *grown);
    if (grown == NULL)
        return -1;
    col->arenas = grown;
    col->arenas[col->arena_count++] = arena;
    sumi_arena_ref(arena);
    return 0;
}

int sumi_coldata_push_string(struct sumi_coldata *col, const char *s, size_t len) {
    if (col->arena_count == 0) {
        struct sumi_arena *a = sumi_arena_new();
        if (a == NULL || sumi_coldata_adopt_arena(col, a) != 0) {
            sumi_arena_unref(a);
            return -1;
        }
        sumi_arena_unref(a); /* the column holds it now */
    }
    /* The column's own strings go into its first arena. */
    const char *copy = sumi_arena_add(col->arenas[0], s, len);
    if (copy == NULL)
        return -1;
    PUSH_BODY(strings, copy);
}

double sumi_coldata_number_at(const struct sumi_coldata *col, size_t row) {
    if (sumi_coldata_is_null(col, row))
        return 0;
    switch (col->type) {
    case SUMI_INTEGER:
        return (double)col->v.integers[row];
    case SUMI_NUMBER:
        return col->v.numbers[row];
    case SUMI_BOOLEAN:
        return col->v.booleans[row];
    case SUMI_DATE:
    case SUMI_MONTH:
    case SUMI_QUARTER:
        return col->v.dates[row];
    case SUMI_STRING:
        return 0;
    }
    return 0;
}

struct sumi_coldata *sumi_coldata_gather(const struct sumi_coldata *col, const size_t *rows,
                                         size_t n) {
    struct sumi_coldata *out = sumi_coldata_new(col->type, n);
    if (out == NULL)
        return NULL;
    for (int i = 0; i < col->arena_count; i++)
        if (sumi_coldata_adopt_arena(out, col->arenas[i]) != 0) {
            sumi_coldata_unref(out);
            return NULL;
        }
    int any_null = 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i] == SIZE_MAX || sumi_coldata_is_null(col, rows[i]))
            any_null = 1;
    if (any_null) {
        out->valid = malloc(out->capacity);
        if (out->valid == NULL) {
            sumi_coldata_unref(out);
            return NULL;
        }
    }
    size_t size = value_size(col->type);
    char *dst = (char *)out->v.numbers;
    const char *src = (const char *)col->v.numbers;
    for (size_t i = 0; i < n; i++) {
        size_t r = rows[i];
        int is_null = r == SIZE_MAX || sumi_coldata_is_null(col, r);
        if (r == SIZE_MAX)
            memset(dst + i * size, 0, size);
        else
            memcpy(dst + i * size, src + r * size, size);
        if (any_null)
            out->valid[i] = !is_null;
    }
    out->length = n;
    return out;
}

/* ---- datasets ---- */

struct sumi_dataset *sumi_dataset_new(void) {
    struct sumi_dataset *ds = calloc(1, sizeof *ds);
    if (ds != NULL)
        ds->refcount = 1;
    return ds;
}

void sumi_dataset_ref(struct sumi_dataset *ds) { ds->refcount++; }

void sumi_dataset_unref(struct sumi_dataset *ds) {
    if (ds == NULL || --ds->refcount > 0)
        return;
    for (size_t i = 0; i < ds->column_count; i++) {
        free(ds->columns[i].name);
        sumi_meta_free(&ds->columns[i].meta);
        sumi_coldata_unref(ds->columns[i].data);
    }
    free(ds->columns);
    sumi_meta_free(&ds->meta);
    free(ds);
}

int sumi_dataset_find(const struct sumi_dataset *ds, const char *name) {
    for (size_t i = 0; i < ds->column_count; i++)
        if (strcmp(ds->columns[i].name, name) == 0)
            return (int)i;
    return -1;
}

int sumi_dataset_add_column(struct sumi_dataset *ds, const char *name, struct sumi_coldata *data,
                            char *err, size_t errlen) {
    if (sumi_dataset_find(ds, name) >= 0) {
        snprintf(err, errlen, "column name '%s' appears twice", name);
        return -1;
    }
    if (ds->column_count > 0 && data->length != ds->rows) {
        snprintf(err, errlen, "column '%s' has %zu rows, the others %zu", name, data->length,
                 ds->rows);
        return -1;
    }
    struct sumi_column *grown = realloc(ds->columns, (ds->column_count + 1) * sizeof *ds->columns);
    if (grown == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    ds->columns = grown;
    struct sumi_column *c = &ds->columns[ds->column_count];
    memset(c, 0, sizeof *c);
    c->name = strdup(name);
    if (c->name == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    c->data = data;
    sumi_coldata_ref(data);
    ds->rows = data->length;
    ds->column_count++;
    return 0;
}

/* ---- builder ---- */

enum cell_kind {
    CELL_NULL,
    CELL_INTEGER,
    CELL_NUMBER,
    CELL_STRING,
    CELL_BOOLEAN,
    CELL_DATE,
    CELL_MONTH,
    CELL_QUARTER
};

struct cell {
    uint8_t kind;
    union {
        int64_t i;
        double d;
        const char *s;
        int32_t date; /* dates, months and quarters */
    } u;
};

struct builder_column {
    char *name;
    struct cell *cells;
    size_t count, capacity;
};

struct sumi_builder {
    struct builder_column *columns;
    int column_count;
    size_t rows; /* completed rows */
    struct sumi_arena *arena;
};

struct sumi_builder *sumi_builder_new(void) {
    struct sumi_builder *b = calloc(1, sizeof *b);
    if (b == NULL)
        return NULL;
    b->arena = sumi_arena_new();
    if (b->arena == NULL) {
        free(b);
        return NULL;
    }
    return b;
}

void sumi_builder_free(struct sumi_builder *b) {
    if (b == NULL)
        return;
    for (int i = 0; i < b->column_count; i++) {
        free(b->columns[i].name);
        free(b->columns[i].cells);
    }
    free(b->columns);
    sumi_arena_unref(b->arena);
    free(b);
}

int sumi_builder_find(const struct sumi_builder *b, const char *name) {
    for (int i = 0; i < b->column_count; i++)
        if (strcmp(b->columns[i].name, name) == 0)
            return i;
    return -1;
}

static int put_cell(struct builder_column *c, size_t row, struct cell cell) {
    /* Rows this column missed are null. */
    size_t need = row + 1;
    if (need > c->capacity) {
        size_t cap = c->capacity ? c->capacity : 16;
        while (cap < need)
            cap *= 2;
        struct cell *grown = realloc(c->cells, cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        c->cells = grown;
        c->capacity = cap;
    }
    while (c->count < row)
        c->cells[c->count++].kind = CELL_NULL;
    if (c->count == row)
        c->count++;
    c->cells[row] = cell;
    return 0;
}

int sumi_builder_add_column(struct sumi_builder *b, const char *name) {
    if (sumi_builder_find(b, name) >= 0)
        return -1;
    struct builder_column *grown =
        realloc(b->columns, (size_t)(b->column_count + 1) * sizeof *grown);
    if (grown == NULL)
        return -1;
    b->columns = grown;
    struct builder_column *c = &b->columns[b->column_count];
    memset(c, 0, sizeof *c);
    c->name = strdup(name);
    if (c->name == NULL)
        return -1;
    return b->column_count++;
}

int sumi_builder_null(struct sumi_builder *b, int col) {
    return put_cell(&b->columns[col], b->rows, (struct cell){.kind = CELL_NULL});
}
int sumi_builder_integer(struct sumi_builder *b, int col, int64_t value) {
    return put_cell(&b->columns[col], b->rows, (struct cell){.kind = CELL_INTEGER, .u.i = value});
}
int sumi_builder_number(struct sumi_builder *b, int col, double value) {
    return put_cell(&b->columns[col], b->rows, (struct cell){.kind = CELL_NUMBER, .u.d = value});
}
int sumi_builder_boolean(struct sumi_builder *b, int col, int value) {
    return put_cell(&b->columns[col], b->rows,
                    (struct cell){.kind = CELL_BOOLEAN, .u.i = value ? 1 : 0});
}
int sumi_builder_date(struct sumi_builder *b, int col, int32_t days) {
    return put_cell(&b->columns[col], b->rows, (struct cell){.kind = CELL_DATE, .u.date = days});
}
int sumi_builder_month(struct sumi_builder *b, int col, int32_t months) {
    return put_cell(&b->columns[col], b->rows, (struct cell){.kind = CELL_MONTH, .u.date = months});
}
int sumi_builder_quarter(struct sumi_builder *b, int col, int32_t quarters) {
    return put_cell(&b->columns[col], b->rows,
                    (struct cell){.kind = CELL_QUARTER, .u.date = quarters});
}
int sumi_builder_string(struct sumi_builder *b, int col, const char *s, size_t len) {
    const char *copy = sumi_arena_add(b->arena, s, len);
    if (copy == NULL)
        return -1;
    return put_cell(&b->columns[col], b->rows, (struct cell){.kind = CELL_STRING, .u.s = copy});
}

int sumi_builder_end_row(struct sumi_builder *b) {
    b->rows++;
    return 0;
}

static const char *cell_kind_name(int kind) {
    static const char *const names[] = {"null",      "an integer", "a number", "a string",
                                        "a boolean", "a date",     "a month",  "a quarter"};
    return names[kind];
}

struct sumi_dataset *sumi_builder_finish(struct sumi_builder *b, char *err, size_t errlen) {
    struct sumi_dataset *ds = sumi_dataset_new();
    if (ds == NULL) {
        snprintf(err, errlen, "out of memory");
        sumi_builder_free(b);
        return NULL;
    }
    for (int ci = 0; ci < b->column_count; ci++) {
        struct builder_column *c = &b->columns[ci];
        /* Settle the type: the first non-null kind, integers widening to
         * numbers; anything else that disagrees is an error. */
        int kind = CELL_NULL;
        size_t first_row = 0;
        for (size_t r = 0; r < c->count; r++) {
            int k = c->cells[r].kind;
            if (k == CELL_NULL)
                continue;
            if (kind == CELL_NULL) {
                kind = k;
                first_row = r;
            } else if (k != kind) {
                if ((k == CELL_NUMBER && kind == CELL_INTEGER) ||
                    (k == CELL_INTEGER && kind == CELL_NUMBER)) {
                    kind = CELL_NUMBER;
                } else {
                    snprintf(err, errlen, "column '%s': row %zu holds %s where row %zu holds %s",
                             c->name, r + 1, cell_kind_name(k), first_row + 1,
                             cell_kind_name(kind));
                    sumi_dataset_unref(ds);
                    sumi_builder_free(b);
                    return NULL;
                }
            }
        }
        enum sumi_type type = kind == CELL_INTEGER   ? SUMI_INTEGER
                              : kind == CELL_NUMBER  ? SUMI_NUMBER
                              : kind == CELL_BOOLEAN ? SUMI_BOOLEAN
                              : kind == CELL_DATE    ? SUMI_DATE
                              : kind == CELL_MONTH   ? SUMI_MONTH
                              : kind == CELL_QUARTER ? SUMI_QUARTER
                                                     : SUMI_STRING;
        struct sumi_coldata *data = sumi_coldata_new(type, b->rows);
        int failed = data == NULL;
        if (!failed && type == SUMI_STRING)
            failed = sumi_coldata_adopt_arena(data, b->arena) != 0;
        for (size_t r = 0; r < b->rows && !failed; r++) {
            struct cell cell = r < c->count ? c->cells[r] : (struct cell){.kind = CELL_NULL};
            if (cell.kind == CELL_NULL) {
                failed = sumi_coldata_push_null(data) != 0;
                continue;
            }
            switch (type) {
            case SUMI_INTEGER:
                failed = sumi_coldata_push_integer(data, cell.u.i) != 0;
                break;
            case SUMI_NUMBER:
                failed = sumi_coldata_push_number(data, cell.kind == CELL_INTEGER ? (double)cell.u.i
                                                                                  : cell.u.d) != 0;
                break;
            case SUMI_BOOLEAN:
                failed = sumi_coldata_push_boolean(data, (int)cell.u.i) != 0;
                break;
            case SUMI_DATE:
            case SUMI_MONTH:
            case SUMI_QUARTER:
                failed = sumi_coldata_push_date(data, cell.u.date) != 0;
                break;
            case SUMI_STRING:
                /* Points into the builder's arena, which the column adopted. */
                if (grow_for_one(data) != 0 || set_valid(data, data->length, 1) != 0)
                    failed = 1;
                else
                    data->v.strings[data->length++] = cell.u.s;
                break;
            }
        }
        if (failed || sumi_dataset_add_column(ds, c->name, data, err, errlen) != 0) {
            if (failed)
                snprintf(err, errlen, "out of memory");
            sumi_coldata_unref(data);
            sumi_dataset_unref(ds);
            sumi_builder_free(b);
            return NULL;
        }
        sumi_coldata_unref(data);
    }
    ds->rows = b->rows;
    sumi_builder_free(b);
    return ds;
}

/* ---- dates: days from civil, after H. Hinnant's public-domain algorithm ---- */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int sumi_date_parse(const char *s, size_t len, int32_t *days) {
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    unsigned m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
    unsigned d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
    static const unsigned month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return -1;
    unsigned max = month_days[m - 1] + (m == 2 && is_leap(y));
    if (d > max)
        return -1;
    *days = (int32_t)days_from_civil(y, m, d);
    return 0;
}

void sumi_date_format(int32_t days, char *buf) {
    int64_t z = (int64_t)days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    snprintf(buf, 16, "%04d-%02u-%02u", (int)y, m, d);
}

/* ---- months and quarters ---- */

/* a // b rounded down, for counts before 1970. */
static int32_t floor_div(int32_t a, int32_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int four_digits(const char *s, int *year) {
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return -1;
    *year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    return 0;
}

int sumi_month_parse(const char *s, size_t len, int32_t *months) {
    int y;
    if (len != 7 || s[4] != '-' || four_digits(s, &y) != 0 || s[5] < '0' || s[5] > '9' ||
        s[6] < '0' || s[6] > '9')
        return -1;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    if (m < 1 || m > 12)
        return -1;
    *months = (int32_t)((y - 1970) * 12 + m - 1);
    return 0;
}

int sumi_quarter_parse(const char *s, size_t len, int32_t *quarters) {
    int y;
    size_t at = len == 6 ? 4 : 5; /* the Q of "YYYYQn" or of "YYYY-Qn" */
    if ((len != 6 && len != 7) || (len == 7 && s[4] != '-') || s[at] != 'Q' ||
        four_digits(s, &y) != 0)
        return -1;
    int q = s[at + 1] - '0';
    if (q < 1 || q > 4)
        return -1;
    *quarters = (int32_t)((y - 1970) * 4 + q - 1);
    return 0;
}

void sumi_month_format(int32_t months, char *buf) {
    int32_t y = floor_div(months, 12);
    unsigned m = (unsigned)(months - y * 12) % 12u + 1; /* 1 to 12 */
    snprintf(buf, 16, "%04d-%02u", (int)(1970 + y), m);
}

void sumi_quarter_format(int32_t quarters, char *buf) {
    int32_t y = floor_div(quarters, 4);
    unsigned q = (unsigned)(quarters - y * 4) % 4u + 1; /* 1 to 4 */
    snprintf(buf, 16, "%04dQ%u", (int)(1970 + y), q);
}

int32_t sumi_month_first_day(int32_t months) {
    int32_t y = floor_div(months, 12);
    return (int32_t)days_from_civil(1970 + y, (unsigned)(months - y * 12 + 1), 1);
}

int32_t sumi_quarter_first_day(int32_t quarters) { return sumi_month_first_day(quarters * 3); }

int sumi_month_of_first_day(int32_t days, int32_t *months) {
    char buf[16];
    sumi_date_format(days, buf);
    if (strcmp(buf + 7, "-01") != 0 || sumi_month_parse(buf, 7, months) != 0)
        return -1;
    return 0;
}

int sumi_quarter_of_first_day(int32_t days, int32_t *quarters) {
    int32_t months;
    if (sumi_month_of_first_day(days, &months) != 0 || floor_div(months, 3) * 3 != months)
        return -1;
    *quarters = floor_div(months, 3);
    return 0;
}
