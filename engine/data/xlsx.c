/* Excel workbooks (.xlsx): dataset:save_xlsx, and sumi.internal.xlsx, whose
 * write(path, sheets) writes the workbook a document's `workbook` option
 * asks for (engine/lua/sumi/internal/document/workbook.lua). Cells keep
 * their values (numbers as numbers, dates as dates); what the PDF shows is
 * an Excel number format, taken from sumi's named formats in the one table
 * in xlsx_format.c (named_formats) or given as an Excel code. docs/xlsx.md lists the
 * mapping and the fix-ups.
 *
 * Everything is checked before the workbook is made: sheet names as Excel
 * takes them, the sheet limits, the length of every text cell. The file is
 * then written by libxlsxwriter into the output's temporary file and
 * published with the run's other outputs (core/output.c, core/job.h): a
 * failed run leaves no workbook and keeps an earlier one. libxlsxwriter
 * 1.1.4 dates every zip entry 1980-01-01; the document's created date is
 * SOURCE_DATE_EPOCH when set, so reruns give the same bytes. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <inttypes.h>
#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <xlsxwriter.h>

#include "access.h"
#include "data.h"
#include "data_internal.h"
#include "job.h"
#include "lang.h"
#include "options.h"
#include "output.h"
#include "xlsx_internal.h"

/* Excel's limits on a sheet, in xlsx_internal.h with the cell and name
 * limits. */
#define FORMAT_CODE_LIMIT 255
/* Content-sized columns stop here (Excel's own limit is 255). */
#define WIDTH_MAX 80.0

/* opt_raise, for messages made with a va_list: p->fn is the running
 * function's public name, which opt_raise puts first. */
int plan_raise(lua_State *L, const struct plan *p, const char *fmt, ...) {
    (void)p;
    va_list ap;
    va_start(ap, fmt);
    const char *message = lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    return opt_raise(L, "%s", message);
}

/* A string kept alive by the plan's anchor. */
static const char *anchored(lua_State *L, const struct plan *p, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushvalue(L, idx);
    lua_rawseti(L, p->anchor, (lua_Integer)lua_rawlen(L, p->anchor) + 1);
    return lua_tostring(L, idx);
}

static void check_text(lua_State *L, const struct plan *p, const char *text, const char *what) {
    struct text_measure m = xlsx_measure(text);
    if (!m.valid)
        plan_raise(L, p, "%s is not valid UTF-8", what);
    if (m.units > CELL_TEXT_LIMIT)
        plan_raise(L, p, "%s is %I characters long; an Excel cell holds at most 32,767", what,
                   (lua_Integer)m.units);
}

/* The code a column's cells are written with, by the column's type. */
const char *cell_code(const struct plan *p, const struct plan_column *c, enum sumi_type type) {
    const struct column_format *f = &c->format;
    if (f->raw)
        return f->code;
    switch (type) {
    case SUMI_INTEGER:
        return f->date_kind ? NULL : f->code != NULL ? f->code : "#,##0";
    case SUMI_NUMBER:
        return f->date_kind ? NULL : f->code;
    case SUMI_DATE:
    case SUMI_MONTH:
        if (f->date_kind)
            return xlsx_date_code(f->date_kind, f->lang, type == SUMI_MONTH || f->month_only);
        return xlsx_date_code(p->lang ? K_DATE_LANG : K_DATE_ISO, p->lang, type == SUMI_MONTH);
    default:
        return NULL;
    }
}

/* An `excel` code: checked as far as Excel's grammar can be without
 * Excel, so that a typo is an error here rather than a file Excel repairs. */
static void check_excel_code(lua_State *L, const struct plan *p, const char *code,
                             const char *where) {
    struct text_measure m = xlsx_measure(code);
    int sections = 1, quoted = 0, bracket = 0;
    const char *problem = NULL;
    if (!m.valid)
        problem = "is not valid UTF-8";
    else if (code[0] == '\0')
        problem = "is empty";
    else if (m.units > FORMAT_CODE_LIMIT)
        problem = "is longer than Excel's 255 characters";
    for (const char *s = code; problem == NULL && *s != '\0'; s++) {
        if ((unsigned char)*s < 0x20)
            problem = "contains a control character";
        else if (quoted)
            quoted = *s != '"';
        else if (*s == '"')
            quoted = 1;
        else if (*s == '\\' && s[1] != '\0')
            s++;
        else if (*s == '[')
            bracket = bracket ? -1 : 1;
        else if (*s == ']')
            bracket = bracket == 1 ? 0 : -1;
        else if (*s == ';')
            sections++;
        if (bracket < 0)
            problem = "has unbalanced [ ]";
    }
    if (problem == NULL && (quoted || bracket))
        problem = quoted ? "has an unclosed quote" : "has an unclosed [";
    if (problem == NULL && sections > 4)
        problem = "has more than 4 sections (positive;negative;zero;text)";
    if (problem != NULL)
        plan_raise(L, p, "%s: the Excel format \"%s\" %s", where, code, problem);
}

/* Reads a column's format: a named format (string), a formatter's
 * description (table; only from the Lua side) or nothing. */
static void read_format(lua_State *L, const struct plan *p, int value, int tables_ok,
                        struct column_format *out, const char *where) {
    value = lua_absindex(L, value);
    switch (lua_type(L, value)) {
    case LUA_TNIL:
        return;
    case LUA_TSTRING: {
        if (!xlsx_format_named(L, lua_tostring(L, value), out, p->anchor)) {
            xlsx_push_format_names(L);
            plan_raise(L, p,
                       "%s: unknown format \"%s\" (named formats: %s; or give excel = "
                       "\"<Excel code>\")",
                       where, lua_tostring(L, value), lua_tostring(L, -1));
        }
        return;
    }
    case LUA_TFUNCTION:
        plan_raise(L, p,
                   "%s: a function cannot be written as an Excel format; give a named "
                   "format (int, pct1, tri0, ...) or excel = \"<Excel code>\"",
                   where);
        return;
    case LUA_TTABLE:
        if (tables_ok) {
            xlsx_format_from_formatter(L, lua_absindex(L, value), out, p->anchor);
            return;
        }
        /* fall through */
    default:
        opt_push_shown(L, value);
        plan_raise(L, p, "%s must be a named format (int, pct1, tri0, ...); got %s", where,
                   lua_tostring(L, -1));
    }
}

/* Reads the column entry at idx (a column name, or {key, title, format,
 * excel, width}) of the sheet's dataset. */
static void read_column(lua_State *L, const struct plan *p, const struct sumi_dataset *ds, int idx,
                        int tables_ok, struct plan_column *c, const char *where) {
    idx = lua_absindex(L, idx);
    memset(c, 0, sizeof *c);
    int key = idx;
    if (lua_type(L, idx) == LUA_TTABLE) {
        static const char *const keys[] = {"key", "title", "format", "excel", "width", NULL};
        lua_pushnil(L);
        while (lua_next(L, idx) != 0) {
            lua_pop(L, 1);
            int known = 0;
            for (int i = 0; keys[i] != NULL && lua_type(L, -1) == LUA_TSTRING; i++)
                known |= strcmp(keys[i], lua_tostring(L, -1)) == 0;
            if (!known) {
                opt_push_shown(L, -1);
                plan_raise(L, p,
                           "%s: unknown key %s (valid keys: key, title, format, excel, width)",
                           where, lua_tostring(L, -1));
            }
        }
        lua_getfield(L, idx, "key");
        key = lua_gettop(L);
    }
    if (lua_type(L, key) != LUA_TSTRING) {
        opt_push_shown(L, key);
        plan_raise(L, p, "%s must be a column name or {key = <column>, ...}; got %s", where,
                   lua_tostring(L, -1));
    }
    c->index = sumi_dataset_find(ds, lua_tostring(L, key));
    if (c->index < 0) {
        sumi_push_column_names(L, ds);
        plan_raise(L, p, "%s: no column '%s' (columns: %s)", where, lua_tostring(L, key),
                   lua_tostring(L, -1));
    }
    c->title = anchored(L, p, key);
    if (key == idx)
        return;
    if (lua_getfield(L, idx, "title") != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER) {
            opt_push_shown(L, -1);
            plan_raise(L, p, "%s.title must be a string; got %s", where, lua_tostring(L, -1));
        }
        c->title = anchored(L, p, -1);
        check_text(L, p, c->title, "a column title");
    }
    if (lua_getfield(L, idx, "excel") != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TSTRING) {
            opt_push_shown(L, -1);
            plan_raise(L, p, "%s.excel must be an Excel number format code; got %s", where,
                       lua_tostring(L, -1));
        }
        lua_getfield(L, idx, "format");
        if (!lua_isnil(L, -1))
            plan_raise(L, p, "%s: give format or excel, not both", where);
        lua_pop(L, 1);
        check_excel_code(L, p, lua_tostring(L, -1), where);
        c->format.code = anchored(L, p, -1);
        c->format.raw = 1;
    }
    lua_getfield(L, idx, "format");
    read_format(L, p, -1, tables_ok, &c->format, where);
    if (lua_getfield(L, idx, "width") != LUA_TNIL) {
        lua_Number w = lua_tonumber(L, -1);
        if (lua_type(L, -1) != LUA_TNUMBER || !(w >= 1 && w <= 255)) {
            opt_push_shown(L, -1);
            plan_raise(L, p, "%s.width must be a number in [1, 255] (characters); got %s", where,
                       lua_tostring(L, -1));
        }
        c->width = w;
    }
    lua_pop(L, 5);
}

/* The rows a sheet takes: header, data, then a blank row and the source
 * and notes lines. */
static size_t sheet_rows(const struct plan_sheet *s) {
    size_t below = s->source || s->notes ? 1 + (s->source != NULL) + (s->notes != NULL) : 0;
    return 1 + s->ds->rows + below;
}

/* Checks what Excel limits and sizes each column to its content. */
void measure_sheet(lua_State *L, const struct plan *p, struct plan_sheet *s) {
    if (s->column_count > COLUMN_LIMIT)
        plan_raise(L, p, "sheet '%s' has %d columns; an Excel sheet has at most 16,384", s->name,
                   s->column_count);
    if (sheet_rows(s) > ROW_LIMIT)
        plan_raise(L, p,
                   "sheet '%s' needs %I rows (the header, %I rows of data%s); an Excel sheet "
                   "has at most 1,048,576 rows: split the data%s",
                   s->name, (lua_Integer)sheet_rows(s), (lua_Integer)s->ds->rows,
                   sheet_rows(s) > 1 + s->ds->rows ? " and the source lines under them" : "",
                   sheet_rows(s) > 1 + s->ds->rows && 1 + s->ds->rows <= ROW_LIMIT
                       ? " or leave the source out (source = false)"
                       : "");
    for (int k = 0; k < s->column_count; k++) {
        struct plan_column *c = &s->columns[k];
        const struct sumi_column *col = &s->ds->columns[c->index];
        const struct sumi_coldata *d = col->data;
        c->code = cell_code(p, c, d->type);
        double w = xlsx_measure(c->title).width * 1.1 + 3; /* bold, and the filter button */
        double longest = 0, most = 0;
        for (size_t r = 0; r < s->ds->rows; r++) {
            if (sumi_coldata_is_null(d, r))
                continue;
            switch (d->type) {
            case SUMI_STRING: {
                struct text_measure m = xlsx_measure(d->v.strings[r]);
                if (!m.valid || m.units > CELL_TEXT_LIMIT) {
                    if (!m.valid)
                        plan_raise(L, p,
                                   "sheet '%s', row %I, column '%s': the text is not valid "
                                   "UTF-8",
                                   s->name, (lua_Integer)r + 1, col->name);
                    plan_raise(L, p,
                               "sheet '%s', row %I, column '%s': a text of %I characters; "
                               "an Excel cell holds at most 32,767",
                               s->name, (lua_Integer)r + 1, col->name, (lua_Integer)m.units);
                }
                if (m.width > longest)
                    longest = m.width;
                break;
            }
            case SUMI_INTEGER:
            case SUMI_NUMBER: {
                double v = sumi_coldata_number_at(d, r);
                if (!isfinite(v))
                    plan_raise(L, p,
                               "sheet '%s', row %I, column '%s': %s is not a number Excel "
                               "holds",
                               s->name, (lua_Integer)r + 1, col->name,
                               isnan(v) ? "nan" : "an infinity");
                if (fabs(v) > most)
                    most = fabs(v);
                break;
            }
            default:
                break;
            }
        }
        if (d->type == SUMI_INTEGER || d->type == SUMI_NUMBER) {
            /* the digits of the largest value, grouped, with what the code
             * adds (decimals, symbol, sign, %) */
            if (c->code != NULL && strchr(c->code, '%') != NULL)
                most *= 100;
            double digits = most >= 1 ? floor(log10(most)) + 1 : 1;
            longest = digits + floor((digits - 1) / 3) + 1;
            if (c->code != NULL) {
                const char *semi = strchr(c->code, ';');
                longest += (double)(semi ? (size_t)(semi - c->code) : strlen(c->code)) - 5;
            } else if (d->type == SUMI_NUMBER) {
                longest += 6; /* General shows up to about 10 digits */
            }
        } else if (d->type == SUMI_DATE || d->type == SUMI_MONTH) {
            longest = c->code != NULL ? xlsx_measure(c->code).width - 2 : 10;
            if (longest < 8)
                longest = 8;
        } else if (d->type == SUMI_QUARTER || d->type == SUMI_BOOLEAN) {
            longest = 6;
        }
        if (longest + 2 > w)
            w = longest + 2;
        if (c->width <= 0)
            c->width = w < WIDTH_MAX ? w : WIDTH_MAX;
    }
}

/* ---- dataset:save_xlsx(path, options) ---- */

static const char *meta_text(lua_State *L, const struct plan *p, const char *text,
                             const char *what) {
    if (text == NULL)
        return NULL;
    check_text(L, p, text, what);
    return text;
}

int ds_save_xlsx(lua_State *L) {
    struct sumi_dataset *ds = sumi_check_dataset(L, 1);
    if (lua_type(L, 2) == LUA_TTABLE && lua_isnone(L, 3)) { /* ds:save_xlsx{...} */
        lua_pushnil(L);
        lua_insert(L, 2);
    }
    lua_settop(L, 3);
    static const char *const keys[] = {"sheet", "columns", "formats", "source", "lang", NULL};
    opt_check_keys(L, 3, keys);
    int opts = lua_istable(L, 3) ? 3 : 0;
    lua_newtable(L);
    struct plan p = {.fn = opt_function_name(L), .anchor = lua_gettop(L), .sheet_count = 1};
    p.sheets = lua_newuserdatauv(L, sizeof *p.sheets, 0);
    memset(p.sheets, 0, sizeof *p.sheets);
    struct plan_sheet *s = p.sheets;
    s->ds = ds;

    const char *lang = opt_string(L, opts, "lang", NULL);
    if (lang != NULL && (p.lang = sumi_lang_canonical(lang)) == NULL) {
        lua_getfield(L, opts, "lang");
        opt_push_joined(L, sumi_lang_tags);
        opt_fail(L, "lang", lua_pushfstring(L, "one of %s", lua_tostring(L, -1)), -3);
    }
    if (opt_has(L, opts, "sheet")) {
        const char *name = opt_string(L, opts, "sheet", NULL);
        const char *problem = xlsx_sheet_name_problem(L, name);
        if (problem != NULL)
            return plan_raise(L, &p, "option 'sheet': the sheet name \"%s\" %s", name, problem);
        s->name = name;
    } else {
        s->name = xlsx_push_sanitized(L, ds->meta.title ? ds->meta.title : "Sheet1", "");
        anchored(L, &p, -1);
    }
    if (opt_has(L, opts, "source")) {
        lua_getfield(L, opts, "source");
        if (lua_type(L, -1) == LUA_TSTRING)
            s->source = meta_text(L, &p, anchored(L, &p, -1), "option 'source'");
        else if (!(lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1)))
            opt_fail(L, "source", "a string, or false for no source line", -1);
    } else {
        s->source = meta_text(L, &p, ds->meta.source, "the dataset's source");
    }
    s->notes = meta_text(L, &p, ds->meta.notes, "the dataset's notes");

    int given = opt_has(L, opts, "columns");
    if (given) {
        lua_getfield(L, opts, "columns");
        if (!lua_istable(L, -1) || lua_rawlen(L, -1) == 0)
            opt_fail(L, "columns", "a list of column names or {key, title, format, excel} tables",
                     -1);
    }
    int list = lua_gettop(L);
    s->column_count = given ? (int)luaL_len(L, list) : (int)ds->column_count;
    if (s->column_count > COLUMN_LIMIT)
        return plan_raise(L, &p, "%d columns; an Excel sheet has at most 16,384", s->column_count);
    s->columns = lua_newuserdatauv(L, sizeof *s->columns * ((size_t)s->column_count + 1), 0);
    for (int k = 0; k < s->column_count; k++) {
        char where[64];
        snprintf(where, sizeof where, "columns[%d]", k + 1);
        if (given) {
            lua_rawgeti(L, list, k + 1);
            read_column(L, &p, ds, -1, 0, &s->columns[k], where);
            lua_pop(L, 1);
        } else {
            lua_pushstring(L, ds->columns[k].name);
            read_column(L, &p, ds, -1, 0, &s->columns[k], where);
            lua_pop(L, 1);
        }
    }
    if (opt_has(L, opts, "formats")) {
        lua_getfield(L, opts, "formats");
        if (!lua_istable(L, -1))
            opt_fail(L, "formats", "a table {column = format}", -1);
        int formats = lua_gettop(L);
        lua_pushnil(L);
        while (lua_next(L, formats) != 0) {
            const char *name = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
            int k = 0;
            while (name != NULL && k < s->column_count &&
                   strcmp(ds->columns[s->columns[k].index].name, name) != 0)
                k++;
            if (name == NULL || k == s->column_count) {
                opt_push_shown(L, -2);
                return plan_raise(L, &p,
                                  "option 'formats' names %s, which is not a column "
                                  "written",
                                  lua_tostring(L, -1));
            }
            char where[96];
            snprintf(where, sizeof where, "formats.%s", name);
            if (s->columns[k].format.code != NULL || s->columns[k].format.date_kind)
                return plan_raise(L, &p, "%s: column '%s' has a format in 'columns' already", where,
                                  name);
            read_format(L, &p, -1, 0, &s->columns[k].format, where);
            lua_pop(L, 1);
        }
    }
    /* lang picks how dates without a format of their own are written: with
     * no such column it would do nothing. */
    int dated = 0;
    for (int k = 0; k < s->column_count; k++) {
        enum sumi_type type = ds->columns[s->columns[k].index].data->type;
        dated |= (type == SUMI_DATE || type == SUMI_MONTH) && !s->columns[k].format.date_kind &&
                 s->columns[k].format.code == NULL;
    }
    if (p.lang != NULL && !dated)
        return plan_raise(L, &p,
                          "option 'lang' sets how dates are written, and no column written is a "
                          "date or a month without a format of its own");
    return xlsx_write_workbook(L, &p, 2);
}

/* ---- sumi.internal.xlsx ---- */

/* write(path, sheets): sheets[i] = {name, dataset, columns = {{key, title,
 * excel, format, width}...}, source, notes}. The names are final (the
 * caller sanitised them); a column's format may be a formatter's
 * description. */
static int xlsx_write(lua_State *L) {
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    lua_newtable(L);
    struct plan p = {.fn = opt_function_name(L), .anchor = lua_gettop(L)};
    p.sheet_count = (int)luaL_len(L, 2);
    if (p.sheet_count < 1)
        return plan_raise(L, &p, "a workbook needs at least one sheet");
    p.sheets = lua_newuserdatauv(L, sizeof *p.sheets * (size_t)p.sheet_count, 0);
    memset(p.sheets, 0, sizeof *p.sheets * (size_t)p.sheet_count);
    for (int i = 0; i < p.sheet_count; i++) {
        struct plan_sheet *s = &p.sheets[i];
        lua_rawgeti(L, 2, i + 1);
        int t = lua_gettop(L);
        luaL_checktype(L, t, LUA_TTABLE);
        lua_getfield(L, t, "dataset");
        s->ds = sumi_check_dataset(L, -1);
        lua_rawseti(L, p.anchor, (lua_Integer)lua_rawlen(L, p.anchor) + 1);
        lua_getfield(L, t, "name");
        s->name = anchored(L, &p, -1);
        const char *problem = s->name ? xlsx_sheet_name_problem(L, s->name) : "is missing";
        if (problem != NULL)
            return plan_raise(L, &p, "the sheet name \"%s\" %s", s->name ? s->name : "", problem);
        const char *key = xlsx_push_name_key(L, s->name);
        for (int j = 0; j < i; j++) {
            int same = strcmp(xlsx_push_name_key(L, p.sheets[j].name), key) == 0;
            lua_pop(L, 1);
            if (same)
                return plan_raise(L, &p,
                                  "two sheets are named \"%s\" (Excel does not tell "
                                  "upper from lower case)",
                                  s->name);
        }
        lua_pop(L, 1); /* key */
        lua_getfield(L, t, "source");
        s->source = lua_type(L, -1) == LUA_TSTRING ? anchored(L, &p, -1) : NULL;
        lua_getfield(L, t, "notes");
        s->notes = lua_type(L, -1) == LUA_TSTRING ? anchored(L, &p, -1) : NULL;
        meta_text(L, &p, s->source, "the source line");
        meta_text(L, &p, s->notes, "the notes line");
        lua_getfield(L, t, "columns");
        int list = lua_gettop(L);
        luaL_checktype(L, list, LUA_TTABLE);
        s->column_count = (int)luaL_len(L, list);
        if (s->column_count > COLUMN_LIMIT)
            return plan_raise(L, &p,
                              "sheet '%s' has %d columns; an Excel sheet has at most "
                              "16,384",
                              s->name, s->column_count);
        s->columns = lua_newuserdatauv(L, sizeof *s->columns * ((size_t)s->column_count + 1), 0);
        lua_rawseti(L, p.anchor, (lua_Integer)lua_rawlen(L, p.anchor) + 1);
        for (int k = 0; k < s->column_count; k++) {
            char where[96];
            snprintf(where, sizeof where, "sheet '%.40s', column %d", s->name, k + 1);
            lua_rawgeti(L, list, k + 1);
            read_column(L, &p, s->ds, -1, 1, &s->columns[k], where);
            lua_pop(L, 1);
        }
        lua_settop(L, p.anchor + 1);
    }
    return xlsx_write_workbook(L, &p, 1);
}

/* sheet_name(text [, suffix]) -> text made a name Excel takes, suffix kept
 * whole. */
static int l_sheet_name(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    const char *suffix = luaL_optstring(L, 2, "");
    xlsx_push_sanitized(L, name, suffix);
    return 1;
}

static int l_name_key(lua_State *L) {
    xlsx_push_name_key(L, luaL_checkstring(L, 1));
    return 1;
}

static const luaL_Reg xlsx_functions[] = {
    {"write", xlsx_write},
    {"sheet_name", l_sheet_name},
    {"name_key", l_name_key},
    {NULL, NULL},
};

/* The document's workbook is written at doc:save: its errors name that. */
static const luaL_Reg xlsx_public_names[] = {{"save", xlsx_write}, {NULL, NULL}};

int luaopen_sumi_internal_xlsx(lua_State *L) {
    xlsx_register_output_type(L);
    luaL_newlib(L, xlsx_functions);
    opt_name_functions(L, "document:", xlsx_public_names);
    return 1;
}
