/* sumi.data reader: CSV (RFC 4180), the one parser the engine owns. Errors
 * name the file, the line and the field. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <lauxlib.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "options.h"
#include "runtime.h"

/* Parsed fields of one record, pointing into a scratch buffer. */
struct record {
    char *buf; /* unescaped field bytes, NUL-separated */
    size_t buf_len, buf_cap;
    size_t *starts; /* offset of each field in buf */
    int count, cap;
    int line;       /* line where the record starts */
    int had_quotes; /* a quoted "" field makes a one-column row non-blank */
};

/* Owned by read_csv's userdata box so a Lua error frees everything (__gc). */
struct csv_state {
    char *content;
    struct record rec;
    char **names;
    char *numeric;              /* per column: every non-empty value reads as a number */
    struct sumi_coldata **text; /* per column: the fields as read */
    int ncols;
};

static void csv_state_free(struct csv_state *s) {
    free(s->content);
    free(s->rec.buf);
    free(s->rec.starts);
    if (s->names != NULL)
        for (int i = 0; i < s->ncols; i++)
            free(s->names[i]);
    free(s->names);
    free(s->numeric);
    if (s->text != NULL)
        for (int i = 0; i < s->ncols; i++)
            sumi_coldata_unref(s->text[i]);
    free(s->text);
    memset(s, 0, sizeof *s);
}

static int csv_state_gc(lua_State *L) {
    csv_state_free(lua_touserdata(L, 1));
    return 0;
}

static void rec_add_char(lua_State *L, struct record *r, char ch) {
    if (r->buf_len + 1 >= r->buf_cap) {
        size_t cap = r->buf_cap ? r->buf_cap * 2 : 256;
        char *nb = realloc(r->buf, cap);
        if (nb == NULL)
            luaL_error(L, "out of memory reading CSV");
        r->buf = nb;
        r->buf_cap = cap;
    }
    r->buf[r->buf_len++] = ch;
}

static void rec_start_field(lua_State *L, struct record *r) {
    if (r->count == r->cap) {
        int cap = r->cap ? r->cap * 2 : 16;
        size_t *ns = realloc(r->starts, (size_t)cap * sizeof *ns);
        if (ns == NULL)
            luaL_error(L, "out of memory reading CSV");
        r->starts = ns;
        r->cap = cap;
    }
    r->starts[r->count++] = r->buf_len;
}

/* Reads one record starting at *pos; returns 0 at end of input. */
static int next_record(lua_State *L, const char *path, const char *s, size_t len, size_t *pos,
                       int *line, char delim, struct record *r) {
    if (*pos >= len)
        return 0;
    r->buf_len = 0;
    r->count = 0;
    r->line = *line;
    r->had_quotes = 0;
    rec_start_field(L, r);
    size_t i = *pos;
    int quoted = 0, after_quote = 0, field_start = 1;
    while (i < len) {
        char ch = s[i];
        if (quoted) {
            if (ch == '"') {
                if (i + 1 < len && s[i + 1] == '"') { /* RFC 4180 §2.7: "" is a quote */
                    rec_add_char(L, r, '"');
                    i += 2;
                    continue;
                }
                quoted = 0;
                after_quote = 1;
                i++;
                continue;
            }
            if (ch == '\n')
                (*line)++;
            rec_add_char(L, r, ch);
            i++;
            continue;
        }
        if (ch == delim) {
            rec_add_char(L, r, '\0');
            rec_start_field(L, r);
            after_quote = 0;
            field_start = 1;
            i++;
            continue;
        }
        if (ch == '\r' && i + 1 < len && s[i + 1] == '\n') {
            i++;
            continue;
        }
        if (ch == '\n') {
            (*line)++;
            i++;
            break;
        }
        if (after_quote)
            luaL_error(L, "%s:%d: field %d: text after a closing quote", path, *line, r->count);
        if (ch == '"') {
            if (!field_start)
                luaL_error(L,
                           "%s:%d: field %d: quote inside an unquoted field (quote the "
                           "whole field and double the quote)",
                           path, *line, r->count);
            quoted = 1;
            r->had_quotes = 1;
            field_start = 0;
            i++;
            continue;
        }
        field_start = 0;
        rec_add_char(L, r, ch);
        i++;
    }
    if (quoted)
        luaL_error(L, "%s:%d: field %d: quoted field never closed", path, r->line, r->count);
    rec_add_char(L, r, '\0');
    *pos = i;
    return 1;
}

static const char *field(const struct record *r, int i) { return r->buf + r->starts[i]; }

/* A number as written in data: optional sign, digits, one '.', exponent. The
 * parse never follows the machine's locale. */
static int parse_number(const char *text, double *out) {
    if (*text == '\0')
        return 0;
    const char *p = text;
    if (*p == '+' || *p == '-')
        p++;
    int digits = 0;
    while (*p >= '0' && *p <= '9') {
        p++;
        digits++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            p++;
            digits++;
        }
    }
    if (digits == 0)
        return 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return 0;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p != '\0')
        return 0;
    *out = g_ascii_strtod(text, NULL);
    return 1;
}

static int is_blank_record(const struct record *r) {
    return r->count == 1 && field(r, 0)[0] == '\0' && !r->had_quotes;
}

/* Turns a column of text into integers or numbers. */
static struct sumi_coldata *to_numbers(const struct sumi_coldata *text) {
    int integral = 1;
    for (size_t r = 0; r < text->length; r++) {
        const char *v = text->v.strings[r];
        if (v != NULL && (strpbrk(v, ".eE") != NULL))
            integral = 0;
    }
    struct sumi_coldata *out =
        sumi_coldata_new(integral ? SUMI_INTEGER : SUMI_NUMBER, text->length);
    if (out == NULL)
        return NULL;
    for (size_t r = 0; r < text->length; r++) {
        const char *v = text->v.strings[r];
        double d = 0;
        int failed;
        if (v == NULL)
            failed = sumi_coldata_push_null(out);
        else if (parse_number(v, &d) && integral && d >= -9.0e15 && d <= 9.0e15)
            failed = sumi_coldata_push_integer(out, (int64_t)d);
        else
            failed = sumi_coldata_push_number(out, d);
        if (failed) {
            sumi_coldata_unref(out);
            return NULL;
        }
    }
    return out;
}

/* data.read_csv(path [, {delimiter = ",", numbers = true, title, source, unit, notes,
 * columns}]) -> dataset */
static int data_read_csv(lua_State *L) {
    const char *given = luaL_checkstring(L, 1);
    static const char *const keys[] = {"delimiter", "numbers", "title",   "source",
                                       "unit",      "notes",   "columns", NULL};
    opt_check_keys(L, 2, keys);
    const char *delim_s = opt_string(L, 2, "delimiter", ",");
    if (strlen(delim_s) != 1 || delim_s[0] == '"' || delim_s[0] == '\n' || delim_s[0] == '\r')
        return luaL_error(L,
                          "bad option 'delimiter' (one character other than a quote or "
                          "line break expected, got '%s')",
                          delim_s);
    char delim = delim_s[0];
    int infer_numbers = opt_boolean(L, 2, "numbers", 1);
    const char *path = sumi_resolve_input(L, given);

    struct csv_state *st = lua_newuserdatauv(L, sizeof *st, 0);
    memset(st, 0, sizeof *st);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, csv_state_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);

    gsize len = 0;
    GError *error = NULL;
    if (!g_file_get_contents(path, &st->content, &len, &error)) {
        lua_pushfstring(L, "cannot read '%s': %s", given, error->message);
        g_error_free(error);
        return lua_error(L);
    }
    const char *s = st->content;
    size_t pos = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    const gchar *bad;
    if (!g_utf8_validate(s + pos, (gssize)(len - pos), &bad)) {
        int line = 1;
        const char *line_start = s;
        for (const char *p = s; p < bad; p++)
            if (*p == '\n') {
                line++;
                line_start = p + 1;
            }
        char byte[8]; /* lua_pushfstring has no %02X */
        snprintf(byte, sizeof byte, "0x%02X", (unsigned char)*bad);
        return luaL_error(L,
                          "%s:%d: not valid UTF-8 (byte %s at column %d, file offset %d); "
                          "save the file as UTF-8",
                          given, line, byte, (int)(bad - line_start) + 1, (int)(bad - s));
    }
    int line = 1;
    if (!next_record(L, given, s, len, &pos, &line, delim, &st->rec))
        return luaL_error(L, "%s: empty file (a header row is expected)", given);
    st->ncols = st->rec.count;
    st->names = calloc((size_t)st->ncols, sizeof *st->names);
    st->text = calloc((size_t)st->ncols, sizeof *st->text);
    st->numeric = malloc((size_t)st->ncols);
    if (st->names == NULL || st->text == NULL || st->numeric == NULL)
        return luaL_error(L, "out of memory reading CSV");
    memset(st->numeric, infer_numbers, (size_t)st->ncols);
    for (int i = 0; i < st->ncols; i++) {
        const char *name = field(&st->rec, i);
        if (name[0] == '\0')
            return luaL_error(L, "%s:1: column %d has an empty name", given, i + 1);
        for (int j = 0; j < i; j++)
            if (strcmp(st->names[j], name) == 0)
                return luaL_error(L, "%s:1: column name '%s' appears twice", given, name);
        st->names[i] = strdup(name);
        st->text[i] = sumi_coldata_new(SUMI_STRING, 64);
        if (st->names[i] == NULL || st->text[i] == NULL)
            return luaL_error(L, "out of memory reading CSV");
    }
    while (next_record(L, given, s, len, &pos, &line, delim, &st->rec)) {
        if (is_blank_record(&st->rec))
            continue;
        if (st->rec.count != st->ncols)
            return luaL_error(L, "%s:%d: %d fields, but the header has %d", given, st->rec.line,
                              st->rec.count, st->ncols);
        for (int i = 0; i < st->ncols; i++) {
            const char *v = field(&st->rec, i);
            double d;
            int failed;
            if (v[0] == '\0') {
                failed = sumi_coldata_push_null(st->text[i]);
            } else {
                if (st->numeric[i] && !parse_number(v, &d))
                    st->numeric[i] = 0;
                failed = sumi_coldata_push_string(st->text[i], v, strlen(v));
            }
            if (failed)
                return luaL_error(L, "out of memory reading CSV");
        }
    }
    struct sumi_dataset *ds = sumi_dataset_new();
    if (ds == NULL)
        return luaL_error(L, "out of memory reading CSV");
    sumi_push_dataset(L, ds);
    for (int i = 0; i < st->ncols; i++) {
        struct sumi_coldata *col = st->text[i];
        int any_value = 0;
        for (size_t r = 0; r < col->length && !any_value; r++)
            any_value = col->v.strings[r] != NULL;
        struct sumi_coldata *typed = (st->numeric[i] && any_value) ? to_numbers(col) : col;
        if (typed == NULL)
            return luaL_error(L, "out of memory reading CSV");
        if (typed == col)
            sumi_coldata_ref(col);
        char err[256];
        int failed = sumi_dataset_add_column(ds, st->names[i], typed, err, sizeof err);
        sumi_coldata_unref(typed);
        if (failed)
            return luaL_error(L, "%s: %s", given, err);
    }
    sumi_apply_meta_options(L, 2, ds);
    csv_state_free(st);
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
