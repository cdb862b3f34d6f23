/* sumi.data: datasets as Lua values. A dataset is immutable: every operation
 * returns a new one, sharing the columns it does not change. The loops
 * (filtering by comparison, sorting, grouping, joining) run here in C. */
#define _POSIX_C_SOURCE 200809L
#include "data.h"
#include "data_internal.h"
#include "data_reshape.h"

#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "protect.h"
#include "scratch.h"

/* The userdata holds one reference to its dataset; __gc drops it. */
typedef struct {
    struct sumi_dataset *ds;
} dataset_box;

/* A column view holds one reference to its column data. */
typedef struct {
    struct sumi_coldata *data;
} column_box;

void sumi_push_dataset(lua_State *L, struct sumi_dataset *ds) {
    dataset_box *box = lua_newuserdatauv(L, sizeof *box, 0);
    box->ds = NULL;
    luaL_setmetatable(L, SUMI_DATASET_TYPE);
    box->ds = ds;
    /* The values live outside Lua's heap, so the collector sees a few bytes
     * per dataset; a step per large dataset keeps a loop that loads many
     * from piling them up before a collection runs. */
    size_t bytes = ds->rows * ds->column_count * 8;
    if (bytes > 256 * 1024)
        lua_gc(L, LUA_GCSTEP, (int)(bytes / 1024 > 1 << 20 ? 1 << 20 : bytes / 1024));
}

struct sumi_dataset *sumi_check_dataset(lua_State *L, int idx) {
    dataset_box *box = luaL_checkudata(L, idx, SUMI_DATASET_TYPE);
    if (box->ds == NULL)
        luaL_argerror(L, idx, "dataset is empty (collected)");
    return box->ds;
}

const struct sumi_coldata *sumi_test_column(lua_State *L, int idx) {
    column_box *box = luaL_testudata(L, idx, SUMI_COLUMN_TYPE);
    return box != NULL ? box->data : NULL;
}

void data_out_of_memory(lua_State *L) { luaL_error(L, "out of memory"); }

/* A new dataset userdata on the stack whose metadata copies from's. */
struct sumi_dataset *data_push_new_like(lua_State *L, const struct sumi_dataset *from) {
    struct sumi_dataset *ds = sumi_dataset_new();
    if (ds == NULL)
        data_out_of_memory(L);
    sumi_push_dataset(L, ds);
    if (from != NULL && sumi_meta_copy(&ds->meta, &from->meta) != 0)
        data_out_of_memory(L);
    return ds;
}

/* Adds a column to ds (on the stack), copying name and metadata from src
 * unless name is given. Takes no reference from the caller. */
void data_add_column(lua_State *L, struct sumi_dataset *ds, const char *name,
                     struct sumi_coldata *data, const struct sumi_meta *meta) {
    char err[256];
    if (sumi_dataset_add_column(ds, name, data, err, sizeof err) != 0)
        luaL_error(L, "%s", err);
    if (meta != NULL && sumi_meta_copy(&ds->columns[ds->column_count - 1].meta, meta) != 0)
        data_out_of_memory(L);
}

const char *sumi_push_column_names(lua_State *L, const struct sumi_dataset *ds) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (size_t c = 0; c < ds->column_count; c++) {
        if (c > 0)
            luaL_addstring(&b, ", ");
        luaL_addstring(&b, ds->columns[c].name);
    }
    luaL_pushresult(&b);
    return lua_tostring(L, -1);
}

int data_check_column(lua_State *L, const struct sumi_dataset *ds, int arg) {
    const char *name = luaL_checkstring(L, arg);
    int i = sumi_dataset_find(ds, name);
    if (i < 0)
        opt_raise(L, "no column '%s' (columns: %s)", name, sumi_push_column_names(L, ds));
    return i;
}

int data_find_named(lua_State *L, const struct sumi_dataset *ds, const char *name) {
    lua_pushstring(L, name);
    int i = data_check_column(L, ds, lua_gettop(L));
    lua_pop(L, 1);
    return i;
}

/* ---- values between C and Lua ---- */

void data_push_value(lua_State *L, const struct sumi_coldata *col, size_t row) {
    if (sumi_coldata_is_null(col, row)) {
        lua_pushnil(L);
        return;
    }
    switch (col->type) {
    case SUMI_INTEGER:
        lua_pushinteger(L, (lua_Integer)col->v.integers[row]);
        break;
    case SUMI_NUMBER:
        lua_pushnumber(L, col->v.numbers[row]);
        break;
    case SUMI_STRING:
        lua_pushstring(L, col->v.strings[row]);
        break;
    case SUMI_BOOLEAN:
        lua_pushboolean(L, col->v.booleans[row]);
        break;
    case SUMI_DATE:
    case SUMI_MONTH:
    case SUMI_QUARTER: {
        char buf[16];
        if (col->type == SUMI_DATE)
            sumi_date_format(col->v.dates[row], buf);
        else if (col->type == SUMI_MONTH)
            sumi_month_format(col->v.dates[row], buf);
        else
            sumi_quarter_format(col->v.dates[row], buf);
        lua_pushstring(L, buf);
        break;
    }
    }
}

/* A Lua value into the builder's current row. Strings that read as ISO
 * dates, months ("2025-03") or quarters ("2025Q1") stay strings: date,
 * month and quarter columns come from the readers. */
void data_builder_put(lua_State *L, struct sumi_builder *b, int col, int idx, const char *where) {
    int failed = 0;
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        failed = sumi_builder_null(b, col);
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            failed = sumi_builder_integer(b, col, (int64_t)lua_tointeger(L, idx));
        } else {
            double d = lua_tonumber(L, idx);
            if (!isfinite(d))
                luaL_error(L, "%s is %s: datasets hold finite numbers only", where,
                           d != d ? "nan" : "infinite");
            failed = sumi_builder_number(b, col, d);
        }
        break;
    case LUA_TBOOLEAN:
        failed = sumi_builder_boolean(b, col, lua_toboolean(L, idx));
        break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        failed = sumi_builder_string(b, col, s, len);
        break;
    }
    default:
        luaL_error(L, "%s is a %s: datasets hold numbers, strings, booleans and nil", where,
                   luaL_typename(L, idx));
    }
    if (failed)
        data_out_of_memory(L);
}

static void builder_release(void *block) {
    builder_box *box = block;
    sumi_builder_free(box->b);
    box->b = NULL;
}

builder_box *data_push_builder(lua_State *L) {
    builder_box *box = sumi_scratch_push(L, sizeof *box, builder_release, NULL);
    box->b = sumi_builder_new();
    if (box->b == NULL)
        data_out_of_memory(L);
    return box;
}

/* Finishes the builder in box (on the stack at idx) and pushes the dataset. */
struct sumi_dataset *data_finish_builder(lua_State *L, builder_box *box) {
    char err[256];
    struct sumi_builder *b = box->b;
    box->b = NULL;
    struct sumi_dataset *ds = sumi_builder_finish(b, err, sizeof err);
    if (ds == NULL)
        luaL_error(L, "%s", err);
    sumi_push_dataset(L, ds);
    return ds;
}

/* ---- constructors ---- */

/* 1 when data_builder_put cannot fail on the value at idx for want of a
 * position, so the caller can skip formatting one: an snprintf per value was
 * a third of the time of data.from_columns on 1,000,000-row columns. */
static int put_cannot_fail(lua_State *L, int idx) {
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
    case LUA_TBOOLEAN:
    case LUA_TSTRING:
        return 1;
    case LUA_TNUMBER:
        return lua_isinteger(L, idx) || isfinite(lua_tonumber(L, idx));
    default:
        return 0;
    }
}

/* data.from_rows(rows [, {order = {...}}]) -> dataset. Column order is
 * `order` when given, else the first row's keys in sorted order. */
static int data_from_rows(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    static const char *const keys[] = {"order", "title",   "source", "unit",
                                       "notes", "columns", NULL};
    opt_check_keys(L, 2, keys);
    builder_box *box = data_push_builder(L);
    int box_idx = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
    if (opt_has(L, 2, "order")) {
        lua_getfield(L, 2, "order");
        if (!lua_istable(L, -1))
            opt_fail(L, "order", "a list of column names", -1);
        for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, -1); i++) {
            lua_rawgeti(L, -1, i);
            const char *name = lua_tostring(L, -1);
            if (name == NULL || sumi_builder_add_column(box->b, name) < 0)
                return opt_raise(L,
                                 "option 'order' must be a list of new column names; entry %d "
                                 "is not",
                                 (int)i);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    } else if (n > 0) {
        /* Sorted, so the order does not depend on Lua's hash order. */
        lua_newtable(L);
        int names = lua_gettop(L);
        lua_rawgeti(L, 1, 1);
        if (!lua_istable(L, -1))
            return luaL_error(L, "bad argument #1 to 'from_rows' (row 1 is not a table)");
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            lua_pop(L, 1);
            if (lua_type(L, -1) != LUA_TSTRING)
                return opt_raise(L, "row 1 has a key that is not a column name (a %s)",
                                 luaL_typename(L, -1));
            lua_pushvalue(L, -1);
            lua_rawseti(L, names, (lua_Integer)lua_rawlen(L, names) + 1);
        }
        lua_pop(L, 1);
        sumi_push_library(L, "table"); /* not the script's: it may have changed it */
        lua_getfield(L, -1, "sort");
        lua_pushvalue(L, names);
        lua_call(L, 1, 0);
        lua_pop(L, 1);
        for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, names); i++) {
            lua_rawgeti(L, names, i);
            sumi_builder_add_column(box->b, lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    for (lua_Integer r = 1; r <= n; r++) {
        if (lua_rawgeti(L, 1, r) != LUA_TTABLE)
            return luaL_error(L, "bad argument #1 to 'from_rows' (row %d is not a table)", (int)r);
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
            int col = key ? sumi_builder_find(box->b, key) : -1;
            if (col < 0) {
                const char *field = key ? key : luaL_typename(L, -2);
                if (opt_has(L, 2, "order"))
                    return opt_raise(L,
                                     "row %d has a field '%s' that option 'order' leaves out "
                                     "(order names every column, in its order)",
                                     (int)r, field);
                return opt_raise(L,
                                 "row %d has a field '%s' that row 1 lacks (the columns are "
                                 "row 1's fields; give option 'order' to name them all)",
                                 (int)r, field);
            }
            char where[96] = "";
            if (!put_cannot_fail(L, -1))
                snprintf(where, sizeof where, "row %d field '%.40s'", (int)r, key);
            data_builder_put(L, box->b, col, lua_gettop(L), where);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        sumi_builder_end_row(box->b);
    }
    struct sumi_dataset *ds = data_finish_builder(L, box);
    sumi_apply_meta_options(L, 2, ds);
    lua_remove(L, box_idx);
    return 1;
}

/* data.from_columns(names, columns [, opts]) -> dataset:
 * data.from_columns({"region", "value"}, {region = {...}, value = {...}}) */
static int data_from_columns(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const keys[] = {"title", "source", "unit", "notes", "columns", NULL};
    opt_check_keys(L, 3, keys);
    builder_box *box = data_push_builder(L);
    int box_idx = lua_gettop(L);
    int ncols = (int)lua_rawlen(L, 1);
    lua_Integer rows = -1;
    for (int c = 1; c <= ncols; c++) {
        lua_rawgeti(L, 1, c);
        const char *name = lua_tostring(L, -1);
        if (name == NULL || sumi_builder_add_column(box->b, name) < 0)
            return luaL_error(L,
                              "bad argument #1 to 'from_columns' (name %d: a new column name "
                              "expected)",
                              c);
        if (lua_getfield(L, 2, name) != LUA_TTABLE)
            return luaL_error(L, "from_columns: no array of values for column '%s'", name);
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        lua_getfield(L, -1, "n"); /* arrays with nil holes say their length in n */
        if (lua_isinteger(L, -1))
            n = lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (rows >= 0 && n != rows)
            return luaL_error(L, "from_columns: column '%s' has %d values, the first column %d",
                              name, (int)n, (int)rows);
        rows = n;
        lua_pop(L, 2);
    }
    /* The value arrays once on the stack, not looked up by name per value. */
    luaL_checkstack(L, ncols + 2, "too many columns");
    int arrays = lua_gettop(L);
    for (int c = 1; c <= ncols; c++) {
        lua_rawgeti(L, 1, c);
        lua_gettable(L, 2);
    }
    for (lua_Integer r = 1; r <= rows; r++) {
        for (int c = 1; c <= ncols; c++) {
            lua_rawgeti(L, arrays + c, r);
            char where[96] = "";
            if (!put_cannot_fail(L, -1)) {
                lua_rawgeti(L, 1, c);
                snprintf(where, sizeof where, "column '%.40s' value %d", lua_tostring(L, -1),
                         (int)r);
                lua_pop(L, 1);
            }
            data_builder_put(L, box->b, c - 1, lua_gettop(L), where);
            lua_pop(L, 1);
        }
        sumi_builder_end_row(box->b);
    }
    lua_settop(L, arrays);
    struct sumi_dataset *ds = data_finish_builder(L, box);
    sumi_apply_meta_options(L, 3, ds);
    lua_remove(L, box_idx);
    return 1;
}

/* ---- metadata ---- */

static void set_meta_field(lua_State *L, int t, const char *key, char **field) {
    if (lua_getfield(L, t, key) != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TSTRING)
            opt_fail(L, key, "a string", -1);
        char *copy = strdup(lua_tostring(L, -1));
        if (copy == NULL)
            data_out_of_memory(L);
        free(*field);
        *field = copy;
    }
    lua_pop(L, 1);
}

static void read_meta(lua_State *L, int t, struct sumi_meta *meta) {
    set_meta_field(L, t, "title", &meta->title);
    set_meta_field(L, t, "source", &meta->source);
    set_meta_field(L, t, "unit", &meta->unit);
    set_meta_field(L, t, "notes", &meta->notes);
}

void sumi_apply_meta_options(lua_State *L, int opts, struct sumi_dataset *ds) {
    if (opts == 0 || !lua_istable(L, opts))
        return;
    opts = lua_absindex(L, opts);
    read_meta(L, opts, &ds->meta);
    if (lua_getfield(L, opts, "columns") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            if (lua_type(L, -2) != LUA_TSTRING || !lua_istable(L, -1))
                opt_raise(L, "option 'columns' must be a table {name = {unit = ..., ...}}");
            int c = data_find_named(L, ds, lua_tostring(L, -2));
            static const char *const keys[] = {"title", "source", "unit", "notes", NULL};
            opt_check_keys(L, lua_gettop(L), keys);
            read_meta(L, lua_gettop(L), &ds->columns[c].meta);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

static void push_meta(lua_State *L, const struct sumi_meta *m) {
    lua_createtable(L, 0, 4);
    if (m->title) {
        lua_pushstring(L, m->title);
        lua_setfield(L, -2, "title");
    }
    if (m->source) {
        lua_pushstring(L, m->source);
        lua_setfield(L, -2, "source");
    }
    if (m->unit) {
        lua_pushstring(L, m->unit);
        lua_setfield(L, -2, "unit");
    }
    if (m->notes) {
        lua_pushstring(L, m->notes);
        lua_setfield(L, -2, "notes");
    }
}

/* A copy of ds (sharing all column data) on the stack. */
static struct sumi_dataset *push_copy(lua_State *L, const struct sumi_dataset *ds) {
    struct sumi_dataset *out = data_push_new_like(L, ds);
    for (size_t c = 0; c < ds->column_count; c++)
        data_add_column(L, out, ds->columns[c].name, ds->columns[c].data, &ds->columns[c].meta);
    out->rows = ds->rows;
    return out;
}

static int ds_meta(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    if (lua_isnoneornil(L, 2)) {
        push_meta(L, &ds->meta);
        return 1;
    }
    push_meta(L, &ds->columns[data_check_column(L, ds, 2)].meta);
    return 1;
}

/* ds:with_meta{title=, source=, unit=, notes=} or ds:with_meta(column, {...}) */
static int ds_with_meta(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    static const char *const keys[] = {"title", "source", "unit", "notes", NULL};
    int column = -1, t = 2;
    if (lua_type(L, 2) == LUA_TSTRING) {
        column = data_check_column(L, ds, 2);
        t = 3;
    }
    luaL_checktype(L, t, LUA_TTABLE);
    opt_check_keys(L, t, keys);
    struct sumi_dataset *out = push_copy(L, ds);
    read_meta(L, t, column < 0 ? &out->meta : &out->columns[column].meta);
    return 1;
}

/* ---- reading values ---- */

static int ds_len(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)sumi_check_dataset(L, 1)->rows);
    return 1;
}

static int ds_names(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    lua_createtable(L, (int)ds->column_count, 0);
    for (size_t c = 0; c < ds->column_count; c++) {
        lua_pushstring(L, ds->columns[c].name);
        lua_rawseti(L, -2, (lua_Integer)c + 1);
    }
    return 1;
}

static int ds_type(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    lua_pushstring(L, sumi_type_name(ds->columns[data_check_column(L, ds, 2)].data->type));
    return 1;
}

/* ds:column(name) -> array (nil for nulls), count */
static int ds_column(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    const struct sumi_coldata *col = ds->columns[data_check_column(L, ds, 2)].data;
    lua_createtable(L, (int)col->length, 1);
    for (size_t r = 0; r < col->length; r++) {
        data_push_value(L, col, r);
        lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    lua_pushinteger(L, (lua_Integer)col->length);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "n");
    return 2;
}

void data_push_row(lua_State *L, const struct sumi_dataset *ds, size_t r) {
    lua_createtable(L, 0, (int)ds->column_count);
    for (size_t c = 0; c < ds->column_count; c++) {
        data_push_value(L, ds->columns[c].data, r);
        lua_setfield(L, -2, ds->columns[c].name);
    }
}

static int ds_rows(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    lua_createtable(L, (int)ds->rows, 0);
    for (size_t r = 0; r < ds->rows; r++) {
        data_push_row(L, ds, r);
        lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    return 1;
}

static int ds_row(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    lua_Integer i = luaL_checkinteger(L, 2);
    if (i < 1 || (size_t)i > ds->rows)
        return luaL_error(L, "row %d out of range (the dataset has %d rows)", (int)i,
                          (int)ds->rows);
    data_push_row(L, ds, (size_t)i - 1);
    return 1;
}

/* ds:view(name) -> a read-only column view that C code reads in place */
static int ds_view(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    struct sumi_coldata *data = ds->columns[data_check_column(L, ds, 2)].data;
    column_box *box = lua_newuserdatauv(L, sizeof *box, 0);
    box->data = NULL;
    luaL_setmetatable(L, SUMI_COLUMN_TYPE);
    sumi_coldata_ref(data);
    box->data = data;
    return 1;
}

static int ds_tostring(lua_State *L) {
    dataset_box *box = luaL_checkudata(L, 1, SUMI_DATASET_TYPE);
    if (box->ds == NULL)
        lua_pushstring(L, "dataset (collected)");
    else
        lua_pushfstring(L, "dataset (%d rows, %d columns)", (int)box->ds->rows,
                        (int)box->ds->column_count);
    return 1;
}

static int ds_gc(lua_State *L) {
    dataset_box *box = luaL_checkudata(L, 1, SUMI_DATASET_TYPE);
    sumi_dataset_unref(box->ds);
    box->ds = NULL;
    return 0;
}

/* ---- column views ---- */

static int col_len(lua_State *L) {
    column_box *box = luaL_checkudata(L, 1, SUMI_COLUMN_TYPE);
    lua_pushinteger(L, (lua_Integer)box->data->length);
    return 1;
}

static int col_index(lua_State *L) {
    column_box *box = luaL_checkudata(L, 1, SUMI_COLUMN_TYPE);
    if (lua_type(L, 2) == LUA_TSTRING) { /* methods */
        lua_getmetatable(L, 1);
        lua_getfield(L, -1, "methods");
        lua_getfield(L, -1, lua_tostring(L, 2));
        return 1;
    }
    lua_Integer i = luaL_checkinteger(L, 2);
    if (i < 1 || (size_t)i > box->data->length) {
        lua_pushnil(L);
        return 1;
    }
    data_push_value(L, box->data, (size_t)i - 1);
    return 1;
}

static int col_type(lua_State *L) {
    column_box *box = luaL_checkudata(L, 1, SUMI_COLUMN_TYPE);
    lua_pushstring(L, sumi_type_name(box->data->type));
    return 1;
}

static int col_gc(lua_State *L) {
    column_box *box = luaL_checkudata(L, 1, SUMI_COLUMN_TYPE);
    sumi_coldata_unref(box->data);
    box->data = NULL;
    return 0;
}

static const luaL_Reg data_functions[] = {
    {"from_rows", data_from_rows},
    {"from_columns", data_from_columns},
    {NULL, NULL},
};

static const luaL_Reg dataset_methods[] = {
    {"meta", ds_meta},
    {"with_meta", ds_with_meta},
    {"nrows", ds_len},
    {"names", ds_names},
    {"type", ds_type},
    {"column", ds_column},
    {"rows", ds_rows},
    {"row", ds_row},
    {"view", ds_view},
    {"select", ds_select},
    {"rename", ds_rename},
    {"head", ds_head},
    {"tail", ds_tail},
    {"filter", ds_filter},
    {"where", ds_where},
    {"sort", ds_sort},
    {"group_by", ds_group_by},
    {"derive", ds_derive},
    {"calc", ds_calc},
    {"join", ds_join},
    {"distinct", ds_distinct},
    {"append", ds_append},
    {"pivot_wider", ds_pivot_wider},
    {"pivot_longer", ds_pivot_longer},
    {"cumsum", ds_cumsum},
    {"rolling", ds_rolling},
    {"change", ds_change},
    {"rank", ds_rank},
    {"save_xlsx", ds_save_xlsx},
    {NULL, NULL},
};

int luaopen_sumi_data(lua_State *L) {
    if (luaL_newmetatable(L, SUMI_DATASET_TYPE)) {
        lua_pushcfunction(L, ds_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, ds_len);
        lua_setfield(L, -2, "__len");
        lua_pushcfunction(L, ds_tostring);
        lua_setfield(L, -2, "__tostring");
        luaL_newlib(L, dataset_methods);
        opt_name_functions(L, "dataset:", dataset_methods);
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
    if (luaL_newmetatable(L, SUMI_COLUMN_TYPE)) {
        lua_pushcfunction(L, col_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, col_len);
        lua_setfield(L, -2, "__len");
        lua_pushcfunction(L, col_index);
        lua_setfield(L, -2, "__index");
        lua_createtable(L, 0, 1);
        lua_pushcfunction(L, col_type);
        lua_setfield(L, -2, "type");
        lua_setfield(L, -2, "methods");
    }
    lua_pop(L, 1);
    luaL_newlib(L, data_functions);
    opt_name_functions(L, "data.", data_functions);
    int module = lua_gettop(L);
    sumi_data_register_csv(L, module);
    sumi_data_register_json(L, module);
    sumi_data_register_sql(L, module);
    return 1;
}
