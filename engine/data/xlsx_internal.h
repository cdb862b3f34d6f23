/* Shared by xlsx.c (dataset:save_xlsx, sumi.internal.xlsx) and
 * xlsx_format.c (formats, text and sheet names). Not used outside them. */
#ifndef SUMI_XLSX_INTERNAL_H
#define SUMI_XLSX_INTERNAL_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

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

#endif
