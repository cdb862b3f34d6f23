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
 * field and its column.
 *
 * The reader is three files sharing csv_internal.h: csv.c (the entry points,
 * the input, iconv and the Lua binding), csv_parse.c (records, the first
 * record, the passes) and csv_values.c (each field into its column). */
#define _POSIX_C_SOURCE 200809L
#include "csv.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_internal.h"

#define BUFFER_DEFAULT (1u << 20)

int csv_fail(struct csv *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, c->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

int csv_out_of_memory(struct csv *c) {
    return csv_fail(c, "%s: out of memory after %zu rows", c->name, c->rows);
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
                return csv_fail(c, "cannot read '%s': %s", c->name, strerror(errno));
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
int csv_refill(struct csv *c) {
    size_t keep = c->len - c->pos;
    memmove(c->buf, c->buf + c->pos, keep);
    c->base += c->pos;
    c->len = keep;
    c->pos = 0;
    if (keep > c->cap / 2) {
        size_t cap = c->cap * 2;
        char *grown = cap > c->cap ? realloc(c->buf, cap + 1) : NULL;
        if (grown == NULL)
            return csv_fail(c, "%s:%lu: out of memory for a record of %zu bytes", c->name, c->line,
                            keep);
        c->buf = grown;
        c->cap = cap;
    }
    return read_more(c);
}

int csv_start_input(struct csv *c) {
    if (c->fd >= 0 && lseek(c->fd, 0, SEEK_SET) != 0)
        return csv_fail(c, "cannot read '%s' again: %s", c->name, strerror(errno));
    c->mem_pos = c->len = c->pos = c->base = c->line_start = 0;
    c->eof = 0;
    c->line = 1;
    if (read_more(c) != 0) /* the buffer holds at least 4 bytes */
        return -1;
    if (c->len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0) /* Excel's UTF-8 BOM */
        c->pos = 3;
    return 0;
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
    csv_clear_first(c);
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
        return csv_fail(c, "data.read_csv: option 'delimiter' must be one character other than a "
                           "quote or a line break");
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
        return csv_out_of_memory(c);
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
        return csv_fail(c, "data.read_csv: option 'encoding' names an unknown encoding: \"%s\"",
                        encoding),
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
                csv_fail(c,
                         "%s:%lu: not valid %s: the file ends inside a character (file offset %zu)",
                         c->name, line, encoding, off);
            else
                csv_fail(c,
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
            csv_out_of_memory(c);
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
    struct sumi_dataset *ds = csv_run(c);
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
            csv_fail(c, "cannot read '%s': %s", c->name, strerror(errno));
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
    csv_out_of_memory(c);
    return NULL;
}

struct sumi_dataset *sumi_csv_read(const char *path, const struct sumi_csv_options *o, char *err,
                                   size_t errlen) {
    return csv_read_warning(path, o, NULL, NULL, err, errlen);
}

struct sumi_dataset *csv_read_warning(const char *path, const struct sumi_csv_options *o,
                                      csv_warn_fn *warn, void *warn_ctx, char *err, size_t errlen) {
    struct csv c;
    struct sumi_dataset *ds = NULL;
    if (csv_init(&c, o, err, errlen) != 0) {
        csv_free(&c);
        return NULL;
    }
    c.warn = warn;
    c.warn_ctx = warn_ctx;
    c.fd = open(path, O_RDONLY | O_CLOEXEC);
    if (c.fd < 0 || fstat(c.fd, &c.st) != 0) {
        csv_fail(&c, "cannot read '%s': %s", c.name, strerror(errno));
    } else if (S_ISDIR(c.st.st_mode)) {
        csv_fail(&c, "cannot read '%s': it is a folder", c.name);
    } else if (S_ISREG(c.st.st_mode) && is_utf8(o->encoding)) {
        c.total = (size_t)c.st.st_size;
        ds = csv_run(&c);
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
#include "access.h"
#include "job.h"
#include "reader.h"

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
        opt_fail(L, "null", "a list of strings, such as {\"\", \"NA\"}", -1);
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
    reader_check_types(L, opts);
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
        const char *column = lua_tostring(L, -2);
        types[i++] =
            (struct sumi_csv_type){column, (enum sumi_type)reader_type_of(L, opts, column)};
        lua_pop(L, 1);
    }
    o->types = types;
    o->type_count = n;
}

/* A warning of the read, at the script's line of read_csv. */
static void warn_script(void *ctx, const char *message) {
    lua_State *L = ctx;
    sumi_warn(L, "%s: %s", opt_function_name(L), message);
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
        (unsigned char)delim[0] >= 0x80) {
        lua_getfield(L, opts, "delimiter"); /* only a given delimiter can be wrong */
        return opt_fail(L, "delimiter", "one character other than a quote or a line break", -1);
    }
    o.delimiter = delim[0];
    o.header = opt_boolean(L, opts, "header", 1);
    o.infer = opt_boolean(L, opts, "numbers", 1);
    o.thousands = opt_boolean(L, opts, "thousands", 0);
    o.encoding = opt_string(L, opts, "encoding", NULL);
    if (!is_utf8(o.encoding)) {
        iconv_t cd = iconv_open("UTF-8", o.encoding);
        if (cd == (iconv_t)-1)
            return opt_raise(L,
                             "option 'encoding' names an unknown encoding: \"%s\" (names as iconv "
                             "knows them: \"cp932\", \"shift_jis\", \"euc-jp\", \"gb18030\", "
                             "\"utf-16\"...)",
                             o.encoding);
        iconv_close(cd);
    }
    if (opts != 0) {
        read_nulls(L, opts, &o);
        read_types(L, opts, &o);
    }
    const char *path = sumi_resolve_read(L, given, "read_csv");
    sumi_check_input_file(L, path, given, "read_csv");
    char err[512];
    struct sumi_dataset *ds = csv_read_warning(path, &o, warn_script, L, err, sizeof err);
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
    opt_name_functions(L, "data.", csv_functions);
    lua_pop(L, 1);
}
#endif
