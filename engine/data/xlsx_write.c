/* Writing the workbook xlsx.c planned and checked: cells with their Excel
 * formats through libxlsxwriter, into the temporary file of an output of the
 * run (core/output.c), published with the run's other outputs. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <inttypes.h>
#include <lauxlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "access.h"
#include "data.h"
#include "data_internal.h"
#include "job.h"
#include "options.h"
#include "output.h"
#include "xlsx_internal.h"

#define XLSX_OUTPUT_TYPE "sumi.xlsx_output"

/* Excel serial of a date, or 0 when Excel cannot show it as one. */
static double excel_serial(int32_t days) {
    double serial = (double)days + EXCEL_EPOCH_DAYS;
    return serial >= EXCEL_FIRST_SERIAL && serial < 2958466 ? serial : 0; /* to 9999-12-31 */
}

struct format_cache {
    const char *codes[64];
    lxw_format *formats[64];
    int n;
};

static lxw_format *format_for(lxw_workbook *wb, struct format_cache *fc, const char *code) {
    if (code == NULL)
        return NULL;
    for (int i = 0; i < fc->n; i++)
        if (strcmp(fc->codes[i], code) == 0)
            return fc->formats[i];
    lxw_format *f = workbook_add_format(wb);
    format_set_num_format(f, code);
    if (fc->n < 64) {
        fc->codes[fc->n] = code;
        fc->formats[fc->n++] = f;
    }
    return f;
}

/* Excel reads "_xHHHH_" in a text as the character U+HHHH (ECMA-376 Part 1,
 * 22.9.2.19, ST_Xstring), and libxlsxwriter writes such text as it is: a
 * literal one keeps its meaning with its underscore written "_x005F_". */
static int is_xstring_escape(const char *p) {
    if (p[0] != '_' || p[1] != 'x')
        return 0;
    for (int i = 2; i < 6; i++) /* stops at the NUL, which is no digit */
        if (!isxdigit((unsigned char)p[i]))
            return 0;
    return p[6] == '_';
}

static lxw_error write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                            lxw_format *format) {
    size_t escapes = 0;
    for (const char *p = strstr(text, "_x"); p != NULL; p = strstr(p + 1, "_x"))
        escapes += is_xstring_escape(p);
    if (escapes == 0)
        return worksheet_write_string(ws, row, col, text, format);
    char *out = malloc(strlen(text) + escapes * 6 + 1);
    if (out == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    char *o = out;
    for (const char *p = text; *p != '\0'; p++) {
        if (is_xstring_escape(p)) {
            memcpy(o, "_x005F", 6);
            o += 6;
        }
        *o++ = *p;
    }
    *o = '\0';
    lxw_error err = worksheet_write_string(ws, row, col, out, format);
    free(out);
    return err;
}

/* Writes one sheet; the first libxlsxwriter error, or LXW_NO_ERROR. */
static lxw_error write_sheet(lxw_workbook *wb, struct format_cache *fc, lxw_format *bold,
                             lxw_format *italic, const struct plan_sheet *s) {
    lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);
    if (ws == NULL)
        return LXW_ERROR_SHEETNAME_ALREADY_USED;
    lxw_format **cell = calloc((size_t)s->column_count + 1, sizeof *cell);
    if (cell == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_error err = LXW_NO_ERROR;
    for (int k = 0; k < s->column_count && !err; k++) {
        cell[k] = format_for(wb, fc, s->columns[k].code);
        err = worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, s->columns[k].width, NULL);
    }
    size_t rows = s->ds->rows;
    if (!err && s->column_count > 0) {
        worksheet_freeze_panes(ws, 1, 0);
        err = worksheet_autofilter(ws, 0, 0, (lxw_row_t)rows, (lxw_col_t)(s->column_count - 1));
    }
    for (int k = 0; k < s->column_count && !err; k++)
        err = write_text(ws, 0, (lxw_col_t)k, s->columns[k].title, bold);
    char text[32];
    for (size_t r = 0; r < rows && !err; r++) {
        lxw_row_t row = (lxw_row_t)(r + 1);
        for (int k = 0; k < s->column_count && !err; k++) {
            const struct sumi_coldata *d = s->ds->columns[s->columns[k].index].data;
            lxw_col_t col = (lxw_col_t)k;
            if (sumi_coldata_is_null(d, r))
                continue;
            switch (d->type) {
            case SUMI_INTEGER: {
                /* Excel shows 15 significant digits and rounds the rest away
                 * (an 18-digit id would lose its last ones): such an integer
                 * is written as the text of its digits. */
                int64_t v = d->v.integers[r];
                if (v > EXCEL_EXACT_DIGITS || v < -EXCEL_EXACT_DIGITS) {
                    char digits[24];
                    snprintf(digits, sizeof digits, "%" PRId64, v);
                    err = worksheet_write_string(ws, row, col, digits, NULL);
                } else {
                    err = worksheet_write_number(ws, row, col, (double)v, cell[k]);
                }
                break;
            }
            case SUMI_NUMBER:
                err = worksheet_write_number(ws, row, col, d->v.numbers[r], cell[k]);
                break;
            case SUMI_STRING:
                err = write_text(ws, row, col, d->v.strings[r], cell[k]);
                break;
            case SUMI_BOOLEAN:
                err = worksheet_write_boolean(ws, row, col, d->v.booleans[r], cell[k]);
                break;
            case SUMI_DATE:
            case SUMI_MONTH: {
                int32_t day =
                    d->type == SUMI_DATE ? d->v.dates[r] : sumi_month_first_day(d->v.dates[r]);
                double serial = excel_serial(day);
                if (serial > 0) {
                    err = worksheet_write_number(ws, row, col, serial, cell[k]);
                } else {
                    if (d->type == SUMI_DATE)
                        sumi_date_format(day, text);
                    else
                        sumi_month_format(d->v.dates[r], text);
                    err = write_text(ws, row, col, text, NULL);
                }
                break;
            }
            case SUMI_QUARTER:
                sumi_quarter_format(d->v.dates[r], text);
                err = write_text(ws, row, col, text, cell[k]);
                break;
            }
        }
    }
    lxw_row_t below = (lxw_row_t)(rows + 2);
    if (!err && s->source != NULL)
        err = write_text(ws, below++, 0, s->source, italic);
    if (!err && s->notes != NULL)
        err = write_text(ws, below, 0, s->notes, NULL);
    free(cell);
    return err;
}

/* The output of a workbook: a userdata that owns the temporary file until
 * the run publishes or discards it (as a canvas's output). */
typedef struct {
    struct sumi_output output;
} xlsx_output;

static int output_publish(lua_State *L) {
    xlsx_output *o = luaL_checkudata(L, 1, XLSX_OUTPUT_TYPE);
    sumi_output_publish_written(L, &o->output);
    return 0;
}

static int output_discard(lua_State *L) {
    xlsx_output *o = luaL_checkudata(L, 1, XLSX_OUTPUT_TYPE);
    sumi_output_abort(&o->output);
    sumi_pending_remove(L, 1);
    return 0;
}

static int output_gc(lua_State *L) {
    xlsx_output *o = luaL_checkudata(L, 1, XLSX_OUTPUT_TYPE);
    sumi_output_abort(&o->output);
    return 0;
}

void xlsx_register_output_type(lua_State *L) {
    if (luaL_newmetatable(L, XLSX_OUTPUT_TYPE)) {
        lua_pushcfunction(L, output_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, output_publish);
        lua_setfield(L, -2, "__publish");
        lua_pushcfunction(L, output_discard);
        lua_setfield(L, -2, "__discard");
    }
    lua_pop(L, 1);
}

/* Writes the planned workbook to path (at path_idx: a string, or nil for
 * the run's default .xlsx output). Pushes the path written. */
int xlsx_write_workbook(lua_State *L, const struct plan *p, int path_idx) {
    const char *path;
    if (lua_isnoneornil(L, path_idx)) {
        path = sumi_default_output(L, "xlsx");
    } else {
        if (lua_type(L, path_idx) != LUA_TSTRING) {
            opt_push_shown(L, path_idx);
            plan_raise(L, p, "the path must be a string (an .xlsx file) or nil; got %s",
                       lua_tostring(L, -1));
        }
        path = lua_tostring(L, path_idx);
        lua_pushvalue(L, path_idx);
    }
    int path_top = lua_gettop(L);
    sumi_check_write(L, path, p->fn);
    for (int i = 0; i < p->sheet_count; i++)
        measure_sheet(L, p, &p->sheets[i]);

    /* Pushed closed, then opened: an error from here on leaves a userdata
     * whose __gc removes the temporary file. */
    xlsx_register_output_type(L);
    xlsx_output *o = lua_newuserdatauv(L, sizeof *o, 0);
    memset(o, 0, sizeof *o);
    luaL_setmetatable(L, XLSX_OUTPUT_TYPE);
    int out_idx = lua_gettop(L);
    char err[512];
    int failed = sumi_job_checking(L)
                     ? sumi_output_open_discarded(&o->output, path, err, sizeof err)
                     : sumi_output_open(&o->output, path, err, sizeof err);
    if (failed != 0)
        return plan_raise(L, p, "%s", err);
    sumi_job_announce_temp(L, o->output.temp_path);
    /* libxlsxwriter writes to a file name: it reopens the temporary file. */
    fclose(o->output.file);
    o->output.file = NULL;

    const char *tmpdir = getenv("TMPDIR");
    lxw_workbook_options wopts = {.constant_memory = 1,
                                  .tmpdir =
                                      tmpdir != NULL && tmpdir[0] != '\0' ? (char *)tmpdir : NULL,
                                  .use_zip64 = 0};
    lxw_error status = LXW_NO_ERROR;
    lxw_workbook *wb = workbook_new_opt(o->output.temp_path, &wopts);
    if (wb == NULL) {
        status = LXW_ERROR_MEMORY_MALLOC_FAILED;
    } else {
        lxw_doc_properties props = {0};
        props.created = (time_t)sumi_report_time();
        workbook_set_properties(wb, &props);
        lxw_format *bold = workbook_add_format(wb);
        format_set_bold(bold);
        lxw_format *italic = workbook_add_format(wb);
        format_set_italic(italic);
        struct format_cache fc = {.n = 0};
        for (int i = 0; i < p->sheet_count && !status; i++)
            status = write_sheet(wb, &fc, bold, italic, &p->sheets[i]);
        lxw_error closed = workbook_close(wb);
        if (!status)
            status = closed;
    }
    if (status == LXW_NO_ERROR) {
        o->output.file = fopen(o->output.temp_path, "r+b"); /* for finish's fsync */
        if (o->output.file == NULL)
            status = LXW_ERROR_CREATING_XLSX_FILE;
    }
    if (status != LXW_NO_ERROR) {
        lua_pushfstring(L, "cannot write '%s': %s", path, lxw_strerror(status));
        sumi_output_abort(&o->output);
        return plan_raise(L, p, "%s", lua_tostring(L, -1));
    }
    if (sumi_output_finish(&o->output, err, sizeof err) != 0)
        return plan_raise(L, p, "%s", err);
    if (sumi_publish_deferred(L)) {
        sumi_pending_add(L, out_idx);
    } else if (sumi_output_publish(&o->output, err, sizeof err) != 0) {
        return plan_raise(L, p, "%s", err);
    }
    lua_pushvalue(L, path_top);
    return 1;
}
