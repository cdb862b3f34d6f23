/* Shared by xlsx.c (dataset:save_xlsx, sumi.internal.xlsx: the plan and its
 * checks), xlsx_write.c (writing it with libxlsxwriter) and xlsx_format.c
 * (formats, text and sheet names). Not used outside them. */
#ifndef SUMI_XLSX_INTERNAL_H
#define SUMI_XLSX_INTERNAL_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"

/* Excel specifications and limits (Microsoft Support, "Excel specifications
 * and limits"): characters in a cell (UTF-16 units), in a sheet name. */
#define CELL_TEXT_LIMIT 32767
#define SHEET_NAME_LIMIT 31

enum kind {
    K_GENERAL,  /* no Excel format says what the PDF does: the number as it is */
    K_NUMBER,   /* #,##0.0 */
    K_SIGNED,   /* +#,##0 */
    K_PERCENT,  /* #,##0.0% */
    K_CHANGE,   /* +#,##0.0% */
    K_POINTS,   /* a difference of ratios, shown as a signed percentage */
    K_UNITS,    /* 億, 万, k, M: Excel scales by thousands only; the plain number */
    K_DATE_ISO, /* yyyy-mm-dd */
    K_DATE_JA,  /* yyyy"年"m"月"d"日" */
    K_DATE_LANG /* as the format's lang says */
};
enum negative { NEG_MINUS, NEG_TRIANGLE, NEG_BLACK, NEG_PARENS };
/* A format resolved for one column: numbers get code; dates, months get
 * the date form of date_kind in lang. */
struct column_format {
    const char *code; /* an Excel code for numbers, or NULL: the type's default */
    enum kind date_kind;
    const char *lang; /* canonical tag, or NULL: ISO */
    int month_only;   /* format.date's day = false */
    int raw;          /* an `excel` code: applied to every cell of the column */
};
struct text_measure {
    size_t units; /* UTF-16 code units: what Excel counts */
    double width; /* columns, wide characters counting 2, the widest line */
    int valid;
};

/* If name is one of the named formats, fills out (a code pushed into the
 * table at anchor keeps it alive) and returns 1; else 0. */
int xlsx_format_named(lua_State *L, const char *name, struct column_format *out, int anchor);
/* Pushes the named formats' names, "int, num1, ...". */
void xlsx_push_format_names(lua_State *L);
/* Fills out from the formatter description at t: {name = "percent",
 * decimals, digits, negative, sign, separator, symbol, compact, lang, day};
 * a name that is none of sumi.format's leaves out as it is (General). */
void xlsx_format_from_formatter(lua_State *L, int t, struct column_format *out, int anchor);
/* The Excel code of a date (or of a month, month != 0) in lang's form
 * (canonical tag; NULL: ISO). */
const char *xlsx_date_code(enum kind kind, const char *lang, int month);

struct text_measure xlsx_measure(const char *text);
/* What makes name a sheet name Excel refuses (may push the message), or
 * NULL. */
const char *xlsx_sheet_name_problem(lua_State *L, const char *name);
/* Pushes name made one Excel takes, suffix (" (2)") kept whole. */
const char *xlsx_push_sanitized(lua_State *L, const char *name, const char *suffix);
/* Pushes the form two sheet names are compared in: Excel takes names that
 * differ only in case as one ("Äpfel", "äpfel"), in every script. */
const char *xlsx_push_name_key(lua_State *L, const char *name);

/* Excel specifications and limits (Microsoft Support, "Excel specifications
 * and limits"): rows and columns of a worksheet. */
#define ROW_LIMIT 1048576
#define COLUMN_LIMIT 16384
/* The largest integer Excel shows with every digit (15 significant). */
#define EXCEL_EXACT_DIGITS 999999999999999LL
/* 1899-12-30 is Excel's day 0 (ECMA-376 Part 1, 18.17.4.1, with the 1900
 * leap-year bug): 25569 days before 1970-01-01. Days before 1900-03-01
 * (serial 61) fall on the bug, so those dates are written as ISO text. */
#define EXCEL_EPOCH_DAYS 25569
#define EXCEL_FIRST_SERIAL 61

/* The plan: what each sheet holds, checked (xlsx.c) before it is written
 * (xlsx_write.c). */

struct plan_column {
    int index; /* the dataset's column */
    const char *title;
    struct column_format format;
    const char *code; /* the code the column's cells get, or NULL: General */
    double width;     /* given (> 0), or from the content */
};

struct plan_sheet {
    const char *name;
    struct sumi_dataset *ds; /* borrowed: the caller keeps it on the stack */
    struct plan_column *columns;
    int column_count;
    const char *source, *notes;
};

struct plan {
    const char *fn; /* the public function, for messages */
    struct plan_sheet *sheets;
    int sheet_count;
    const char *lang; /* canonical, or NULL: dates in ISO form */
    int anchor;       /* a table keeping the strings below alive */
};

/* xlsx.c: raises "<file:line>: <function>: <message>"; the code a column's
 * cells of this type get (NULL: General); the column widths of a sheet,
 * and its limits checked. */
int plan_raise(lua_State *L, const struct plan *p, const char *fmt, ...);
const char *cell_code(const struct plan *p, const struct plan_column *c, enum sumi_type type);
void measure_sheet(lua_State *L, const struct plan *p, struct plan_sheet *s);
/* xlsx_write.c: writes the planned workbook to the path at path_idx (nil:
 * the run's default .xlsx output) as an output of the run; pushes the path. */
int xlsx_write_workbook(lua_State *L, const struct plan *p, int path_idx);
/* The metatable of the workbook outputs (made once, by luaopen). */
void xlsx_register_output_type(lua_State *L);

#endif
