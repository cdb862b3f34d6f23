/* sumi.data reader: JSON, parsed by json-c. The file holds an array of
 * records (objects), at the top or at a path inside; each record is a row,
 * each field a column. Parse errors carry the file's line and column; value
 * errors name the record and field. */
#define _POSIX_C_SOURCE 200809L
#include <glib.h>
#include <json-c/json.h>
#include <lauxlib.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_check.h"
#include "data.h"
#include "options.h"
#include "reader.h"
#include "scratch.h"
#include "access.h"

/* Records are flat; the bound keeps a hostile file (a million '[') from
 * costing time and memory, and json-c from building a deep tree. */
#define JSON_MAX_DEPTH 64

/* Owned by read_json's userdata box, so a Lua error frees everything (__gc). */
struct json_state {
    char *content;
    struct json_tokener *tok;
    json_object *root;
    struct sumi_builder *b;
    int *types; /* per builder column: a sumi_type or READER_AS_IS */
    int types_cap;
};

static void json_state_release(void *block) {
    struct json_state *st = block;
    g_free(st->content);
    if (st->tok != NULL)
        json_tokener_free(st->tok);
    json_object_put(st->root);
    sumi_builder_free(st->b);
    free(st->types);
    memset(st, 0, sizeof *st);
}

/* 1-based line and column (in characters) of byte offset off in s. */
static void line_and_column(const char *s, size_t off, int *line, int *column) {
    *line = 1;
    const char *line_start = s;
    for (const char *p = s; p < s + off; p++)
        if (*p == '\n') {
            (*line)++;
            line_start = p + 1;
        }
    *column = 1;
    for (const char *p = line_start; p < s + off; p++)
        *column += ((unsigned char)*p & 0xC0) != 0x80;
}

static int parse_error(lua_State *L, const char *given, const char *s, size_t len,
                       enum json_tokener_error e, size_t off) {
    const char *what = json_tokener_error_desc(e);
    if (e == json_tokener_continue || e == json_tokener_error_parse_eof) {
        /* A byte order mark and nothing else is an empty file too, not an
         * unclosed value (RFC 8259 §8.1: the mark is no part of the text). */
        size_t i = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        while (i < len && g_ascii_isspace(s[i]))
            i++;
        if (i == len)
            return luaL_error(L, "%s: empty file (a JSON array of records expected)", given);
        what = "unexpected end of file (an array, object or string is not closed)";
        off = len;
    } else if (e == json_tokener_error_depth) {
        what = "nesting is too deep (more than 64 levels of arrays and objects)";
    }
    int line, column;
    line_and_column(s, off, &line, &column);
    return luaL_error(L, "%s:%d:%d: JSON parse error: %s", given, line, column, what);
}

static const char *json_kind(json_object *o) {
    switch (json_object_get_type(o)) {
    case json_type_null:
        return "null";
    case json_type_boolean:
        return "a boolean";
    case json_type_double:
    case json_type_int:
        return "a number";
    case json_type_string:
        return "a string";
    case json_type_object:
        return "an object";
    case json_type_array:
        return "an array";
    }
    return "a value";
}

/* Pushes the path option (stack index idx: nil, "data.items" or
 * {"data", "items", 0}) as an array of steps, and its text for messages. */
static void push_path_steps(lua_State *L, int idx) {
    lua_newtable(L);
    int steps = lua_gettop(L);
    if (lua_type(L, idx) == LUA_TSTRING) {
        const char *p = lua_tostring(L, idx);
        int n = 0;
        for (; *p != '\0';) { /* "" is the top */
            const char *dot = strchr(p, '.');
            size_t len = dot ? (size_t)(dot - p) : strlen(p);
            if (len == 0)
                opt_fail(L, "path", "keys joined by dots, none empty", idx);
            lua_pushlstring(L, p, len);
            lua_rawseti(L, steps, ++n);
            if (dot == NULL)
                break;
            p = dot + 1;
        }
        lua_pushvalue(L, idx);
    } else if (lua_istable(L, idx)) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
        for (lua_Integer i = 1; i <= n; i++) {
            int t = lua_rawgeti(L, idx, i);
            if (!(t == LUA_TSTRING || lua_isinteger(L, -1)))
                opt_raise(L, "option 'path' must be a list of keys and indexes; entry %d is a %s",
                          (int)i, luaL_typename(L, -1));
            lua_rawseti(L, steps, i);
        }
        /* The text: the steps joined with '.', indexes written out. */
        lua_pushliteral(L, "");
        for (lua_Integer i = 1; i <= n; i++) {
            lua_pushstring(L, i > 1 ? "." : "");
            lua_rawgeti(L, steps, i);
            luaL_tolstring(L, -1, NULL);
            lua_remove(L, -2);
            lua_concat(L, 3);
        }
    } else if (lua_isnil(L, idx)) {
        lua_pushstring(L, "");
    } else {
        opt_fail(L, "path", "a string or a list of keys", idx);
    }
}

/* Lists the keys of an object (the first few) for a message. */
static const char *push_keys(lua_State *L, json_object *obj) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int n = 0;
    json_object_object_foreach(obj, key, val) {
        (void)val;
        if (n == 8) {
            luaL_addstring(&b, ", ...");
            break;
        }
        if (n++ > 0)
            luaL_addstring(&b, ", ");
        luaL_addstring(&b, key);
    }
    luaL_pushresult(&b);
    return lua_tostring(L, -1);
}

/* Adds to found the paths (below prefix) of arrays inside obj, a few
 * levels down: what the option path could name. */
static void find_arrays(json_object *obj, const char *prefix, int depth, GString *found,
                        int *count) {
    json_object_object_foreach(obj, key, val) {
        if (*count >= 3)
            return;
        char *path = prefix[0] ? g_strdup_printf("%s.%s", prefix, key) : g_strdup(key);
        if (json_object_is_type(val, json_type_array)) {
            g_string_append_printf(found, "%spath = \"%s\"", (*count)++ ? ", " : "", path);
        } else if (json_object_is_type(val, json_type_object) && depth < 4) {
            find_arrays(val, path, depth + 1, found, count);
        }
        g_free(path);
    }
}

static const char *push_array_hint(lua_State *L, json_object *obj, const char *prefix) {
    GString *found = g_string_new(NULL);
    int count = 0;
    find_arrays(obj, prefix, 0, found, &count);
    if (count == 0)
        lua_pushliteral(L, "it holds no array");
    else
        lua_pushfstring(L, "the option path names the array: %s", found->str);
    g_string_free(found, TRUE);
    return lua_tostring(L, -1);
}

/* Follows the steps (array at index steps) from root; path is their text. */
static json_object *follow_path(lua_State *L, const char *given, json_object *root, int steps,
                                const char *path) {
    json_object *at = root;
    lua_Integer n = (lua_Integer)lua_rawlen(L, steps);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, steps, i);
        if (json_object_is_type(at, json_type_object)) {
            const char *key = lua_tostring(L, -1);
            json_object *next;
            if (!json_object_object_get_ex(at, key, &next))
                luaL_error(L, "%s: path '%s': no key '%s' (keys there: %s)", given, path, key,
                           push_keys(L, at));
            at = next;
        } else if (json_object_is_type(at, json_type_array)) {
            lua_Integer index = -1;
            if (lua_isinteger(L, -1)) {
                index = lua_tointeger(L, -1);
            } else {
                const char *text = lua_tostring(L, -1);
                if (text[strspn(text, "0123456789")] == '\0' && strlen(text) < 10)
                    index = strtol(text, NULL, 10);
                else
                    luaL_error(L, "%s: path '%s': '%s' is not an index into an array", given, path,
                               text);
            }
            size_t len = json_object_array_length(at);
            if (index < 0 || (size_t)index >= len)
                luaL_error(L, "%s: path '%s': index %d is outside the array (%d items, from 0)",
                           given, path, (int)index, (int)len);
            at = json_object_array_get_idx(at, (size_t)index);
        } else {
            luaL_error(L, "%s: path '%s': step %d ('%s') goes into %s", given, path, (int)i,
                       lua_tostring(L, -1), json_kind(at));
        }
        lua_pop(L, 1);
    }
    return at;
}

/* 1 when a nested value holds a number that cannot be written back as the
 * file wrote it: not finite, or an integer json-c clamped to 64 bits (it
 * keeps no text for integers, so the limits themselves are refused too,
 * as they are in a field). */
static int has_nonfinite(json_object *o) {
    switch (json_object_get_type(o)) {
    case json_type_double:
        return !isfinite(json_object_get_double(o));
    case json_type_int: {
        int64_t i = json_object_get_int64(o);
        uint64_t u = json_object_get_uint64(o);
        /* json-c holds a value past INT64_MAX as unsigned: only UINT64_MAX,
         * INT64_MIN and INT64_MAX itself are (or may be) clamped */
        return u == UINT64_MAX || i == INT64_MIN || (i == INT64_MAX && u == (uint64_t)INT64_MAX);
    }
    case json_type_array:
        for (size_t i = 0; i < json_object_array_length(o); i++)
            if (has_nonfinite(json_object_array_get_idx(o, i)))
                return 1;
        return 0;
    case json_type_object: {
        json_object_object_foreach(o, key, val) {
            (void)key;
            if (has_nonfinite(val))
                return 1;
        }
        return 0;
    }
    default:
        return 0;
    }
}

/* The column for a field, added (with its `types` entry) on first sight. */
static int field_column(lua_State *L, struct json_state *st, int opts, const char *given,
                        size_t record, const char *key) {
    int col = sumi_builder_find(st->b, key);
    if (col >= 0)
        return col;
    if (key[0] == '\0')
        luaL_error(L, "%s: record %d has a field with an empty name", given, (int)record);
    col = sumi_builder_add_column(st->b, key);
    if (col >= st->types_cap) {
        int cap = st->types_cap ? st->types_cap * 2 : 16;
        int *grown = realloc(st->types, (size_t)cap * sizeof *grown);
        if (grown == NULL)
            col = -1;
        else {
            st->types = grown;
            st->types_cap = cap;
        }
    }
    if (col < 0)
        luaL_error(L, "out of memory reading JSON");
    st->types[col] = reader_type_of(L, opts, key);
    return col;
}

/* A field's value as a reader_value, or an error naming record and field. */
static void field_value(lua_State *L, const char *given, size_t record, const char *key,
                        json_object *val, int keep_json, struct reader_value *v) {
    memset(v, 0, sizeof *v);
    switch (json_object_get_type(val)) {
    case json_type_null:
        v->kind = READER_NULL;
        return;
    case json_type_boolean:
        v->kind = READER_BOOLEAN;
        v->i = json_object_get_boolean(val) ? 1 : 0;
        return;
    case json_type_int:
        /* json-c saturates integers beyond 64 bits at the limits: a value at
         * a limit may have been larger, and is refused rather than changed. */
        v->kind = READER_INTEGER;
        v->i = json_object_get_int64(val);
        if (v->i == INT64_MAX || v->i == INT64_MIN)
            luaL_error(L, "%s: record %d field '%s': integer out of the 64-bit range", given,
                       (int)record, key);
        return;
    case json_type_double:
        v->kind = READER_NUMBER;
        v->d = json_object_get_double(val);
        v->s = json_object_get_string(val); /* as written: "1.50" */
        v->len = strlen(v->s);
        if (!isfinite(v->d))
            luaL_error(L, "%s: record %d field '%s': %s is not a finite number", given, (int)record,
                       key, v->s);
        return;
    case json_type_string:
        v->kind = READER_STRING;
        v->s = json_object_get_string(val);
        v->len = (size_t)json_object_get_string_len(val);
        if (memchr(v->s, '\0', v->len) != NULL)
            luaL_error(L, "%s: record %d field '%s': the string holds a NUL character (\\u0000)",
                       given, (int)record, key);
        if (!g_utf8_validate(v->s, (gssize)v->len, NULL))
            luaL_error(L, "%s: record %d field '%s': the string is not valid UTF-8", given,
                       (int)record, key);
        return;
    case json_type_object:
    case json_type_array:
        if (!keep_json)
            luaL_error(L,
                       "%s: record %d field '%s' holds %s; a field must hold a number, string, "
                       "boolean or null (the option nested = \"json\" keeps it as JSON text)",
                       given, (int)record, key, json_kind(val));
        if (has_nonfinite(val))
            luaL_error(L,
                       "%s: record %d field '%s' holds a number that is not finite, or an "
                       "integer beyond 64 bits (or at their limit), which cannot be kept as "
                       "written",
                       given, (int)record, key);
        v->kind = READER_STRING;
        v->s = json_object_to_json_string_ext(val, JSON_C_TO_STRING_PLAIN |
                                                       JSON_C_TO_STRING_NOSLASHESCAPE);
        if (v->s == NULL)
            luaL_error(L, "out of memory reading JSON");
        v->len = strlen(v->s);
        return;
    }
}

/* data.read_json(path [, {path, types, nested, title, source, unit, notes,
 * columns}]) -> dataset */
static int data_read_json(lua_State *L) {
    const char *given = luaL_checkstring(L, 1);
    static const char *const keys[] = {"path",   "types", "nested", "duplicate_keys", "title",
                                       "source", "unit",  "notes",  "columns",        NULL};
    opt_check_keys(L, 2, keys);
    int opts = lua_istable(L, 2) ? 2 : 0;
    reader_check_types(L, opts);
    static const char *const nested_modes[] = {"error", "json", NULL};
    int keep_json = opt_enum(L, opts, "nested", 0, nested_modes);
    static const char *const duplicate_modes[] = {"error", "last", NULL};
    int keep_last = opt_enum(L, opts, "duplicate_keys", 0, duplicate_modes);
    lua_settop(L, 2);
    if (opts)
        lua_getfield(L, 2, "path");
    else
        lua_pushnil(L);
    push_path_steps(L, 3); /* 4: steps, 5: path text */
    const char *path_text = lua_tostring(L, 5);
    const char *file = sumi_resolve_read(L, given, "read_json");
    sumi_check_input_file(L, file, given, "read_json");

    struct json_state *st = sumi_scratch_push(L, sizeof *st, json_state_release, NULL);

    gsize len = 0;
    GError *error = NULL;
    if (!g_file_get_contents(file, &st->content, &len, &error)) {
        lua_pushfstring(L, "cannot read '%s': %s", given, error->message);
        g_error_free(error);
        return lua_error(L);
    }
    const char *s = st->content;
    size_t pos = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) /* RFC 8259 §8.1 lets a parser skip it */
        pos = 3;
    const gchar *bad;
    if (!g_utf8_validate(s + pos, (gssize)(len - pos), &bad)) {
        int line, column;
        line_and_column(s, (size_t)(bad - s), &line, &column);
        char byte[8]; /* lua_pushfstring has no %02X */
        snprintf(byte, sizeof byte, "0x%02X", (unsigned char)*bad);
        return luaL_error(L,
                          "%s:%d: not valid UTF-8 (byte %s at column %d, file offset %d); "
                          "save the file as UTF-8",
                          given, line, byte, column, (int)(bad - s));
    }
    if (len - pos >= INT_MAX)
        return luaL_error(L, "%s: file too large for the JSON parser (2 GiB at most)", given);
    struct json_check_error bad_json;
    if (json_check(s, len, pos, JSON_MAX_DEPTH, keep_last, &bad_json) != 0) {
        int line, column;
        line_and_column(s, bad_json.offset, &line, &column);
        if (bad_json.offset >= len && len - pos == strspn(s + pos, " \t\r\n"))
            return luaL_error(L, "%s: empty file (a JSON array of records expected)", given);
        return luaL_error(L, "%s:%d:%d: JSON parse error: %s", given, line, column, bad_json.what);
    }
    st->tok = json_tokener_new_ex(JSON_MAX_DEPTH);
    if (st->tok == NULL)
        return luaL_error(L, "out of memory reading JSON");
    json_tokener_set_flags(st->tok, JSON_TOKENER_STRICT);
    /* The terminating NUL goes in too: it ends a top-level number or literal
     * (g_file_get_contents adds it; the file itself holds none, as valid
     * UTF-8 was checked with its length). */
    st->root = json_tokener_parse_ex(st->tok, s + pos, (int)(len - pos) + 1);
    enum json_tokener_error e = json_tokener_get_error(st->tok);
    size_t end = pos + json_tokener_get_parse_end(st->tok);
    if (e != json_tokener_success)
        return parse_error(L, given, s, len, e, end);
    while (end < len && g_ascii_isspace(s[end]))
        end++;
    if (end < len) { /* strict mode refuses these already; kept as a guard */
        int line, column;
        line_and_column(s, end, &line, &column);
        return luaL_error(L, "%s:%d:%d: JSON parse error: text after the JSON value", given, line,
                          column);
    }

    json_object *records = follow_path(L, given, st->root, 4, path_text);
    if (!json_object_is_type(records, json_type_array)) {
        const char *at = path_text[0] ? lua_pushfstring(L, " at path '%s'", path_text) : "";
        if (json_object_is_type(records, json_type_object))
            return luaL_error(L, "%s: the value%s is an object, not an array of records (%s)",
                              given, at, push_array_hint(L, records, path_text));
        return luaL_error(L, "%s: the value%s is %s, not an array of records", given, at,
                          json_kind(records));
    }

    st->b = sumi_builder_new();
    if (st->b == NULL)
        return luaL_error(L, "out of memory reading JSON");
    size_t n = json_object_array_length(records);
    for (size_t i = 0; i < n; i++) {
        json_object *rec = json_object_array_get_idx(records, i);
        size_t record = i + 1; /* records count from 1, as rows do */
        if (!json_object_is_type(rec, json_type_object))
            return luaL_error(L, "%s: record %d is %s, not an object", given, (int)record,
                              json_kind(rec));
        json_object_object_foreach(rec, key, val) {
            int col = field_column(L, st, opts, given, record, key);
            struct reader_value v;
            field_value(L, given, record, key, val, keep_json, &v);
            char err[128];
            int r = reader_put(st->b, col, st->types[col], &v, err, sizeof err);
            if (r == -1)
                return luaL_error(L, "out of memory reading JSON");
            if (r == -2)
                return luaL_error(L, "%s: record %d field '%s': %s", given, (int)record, key, err);
        }
        if (sumi_builder_end_row(st->b) != 0)
            return luaL_error(L, "out of memory reading JSON");
    }

    struct sumi_builder *b = st->b;
    st->b = NULL;
    json_state_release(st);
    struct sumi_dataset *ds = reader_push_dataset(L, b, given);
    for (size_t c = 0; c < ds->column_count; c++) { /* a column of nulls takes its `types` type */
        int type = reader_type_of(L, opts, ds->columns[c].name);
        if (type != READER_AS_IS && reader_set_null_type(ds, c, (enum sumi_type)type) != 0)
            return luaL_error(L, "out of memory reading JSON");
    }
    if (ds->rows > 0) /* no record, no columns: nothing to convert */
        reader_check_types_used(L, opts, ds, given);
    sumi_apply_meta_options(L, opts, ds);
    return 1;
}

static const luaL_Reg json_functions[] = {
    {"read_json", data_read_json},
    {NULL, NULL},
};

void sumi_data_register_json(lua_State *L, int module) {
    lua_pushvalue(L, module);
    luaL_setfuncs(L, json_functions, 0);
    opt_name_functions(L, "data.", json_functions);
    lua_pop(L, 1);
}
