/* The formats and names of Excel workbooks, for xlsx.c: sumi's named
 * formats as Excel number format codes (the one table of them), the
 * description of a format.formatter as a code, UTF-8 text measured as
 * Excel counts it and as wide as a spreadsheet shows it, and sheet names
 * checked or made into names Excel takes. docs/xlsx.md lists the mapping
 * and the fix-ups. */
#define _POSIX_C_SOURCE 200809L
#include "xlsx_internal.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lang.h"

/* ---- number formats ---- */

static const char *const negative_names[] = {"minus", "triangle", "black_triangle", "parentheses",
                                             NULL};

struct named_format {
    const char *name;
    enum kind kind;
    int decimals;
    enum negative negative;
    const char *symbol; /* before the number, or NULL */
};

/* sumi.template's named formats (template.formats), which document tables
 * and dataset:save_xlsx take by name: the one table mapping them to Excel. */
static const struct named_format named_formats[] = {
    {"int", K_NUMBER, 0, NEG_MINUS, NULL},        {"num1", K_NUMBER, 1, NEG_MINUS, NULL},
    {"num2", K_NUMBER, 2, NEG_MINUS, NULL},       {"plain", K_GENERAL, 0, NEG_MINUS, NULL},
    {"pct0", K_PERCENT, 0, NEG_MINUS, NULL},      {"pct1", K_PERCENT, 1, NEG_MINUS, NULL},
    {"pct2", K_PERCENT, 2, NEG_MINUS, NULL},      {"change0", K_CHANGE, 0, NEG_MINUS, NULL},
    {"change1", K_CHANGE, 1, NEG_MINUS, NULL},    {"change2", K_CHANGE, 2, NEG_MINUS, NULL},
    {"signed", K_SIGNED, 0, NEG_MINUS, NULL},     {"tri0", K_NUMBER, 0, NEG_TRIANGLE, NULL},
    {"tri1", K_NUMBER, 1, NEG_TRIANGLE, NULL},    {"tri_black0", K_NUMBER, 0, NEG_BLACK, NULL},
    {"tri_black1", K_NUMBER, 1, NEG_BLACK, NULL}, {"paren0", K_NUMBER, 0, NEG_PARENS, NULL},
    {"paren2", K_NUMBER, 2, NEG_PARENS, NULL},    {"tri_change1", K_CHANGE, 1, NEG_TRIANGLE, NULL},
    {"sig2", K_GENERAL, 0, NEG_MINUS, NULL},      {"sig3", K_GENERAL, 0, NEG_MINUS, NULL},
    {"points0", K_POINTS, 0, NEG_MINUS, NULL},    {"points1", K_POINTS, 1, NEG_MINUS, NULL},
    {"points2", K_POINTS, 2, NEG_MINUS, NULL},    {"ja_units", K_UNITS, 0, NEG_MINUS, NULL},
    {"mixed_units", K_UNITS, 0, NEG_MINUS, NULL}, {"compact", K_UNITS, 0, NEG_MINUS, NULL},
    {"usd", K_NUMBER, 2, NEG_MINUS, "$"},         {"jpy", K_NUMBER, 0, NEG_MINUS, "¥"},
    {"cny", K_NUMBER, 0, NEG_MINUS, "CN¥"},       {"date_ja", K_DATE_JA, 0, NEG_MINUS, NULL},
    {"date_iso", K_DATE_ISO, 0, NEG_MINUS, NULL},
};
#define NAMED_COUNT (sizeof named_formats / sizeof named_formats[0])

/* The functions of sumi.format that format.formatter makes formats of, with
 * their default decimals: a formatter's options refine these. */
static const struct named_format formatter_kinds[] = {
    {"number", K_NUMBER, 0, NEG_MINUS, NULL},     {"signed", K_SIGNED, 0, NEG_MINUS, NULL},
    {"percent", K_PERCENT, 1, NEG_MINUS, NULL},   {"change", K_CHANGE, 1, NEG_MINUS, NULL},
    {"points", K_POINTS, 1, NEG_MINUS, NULL},     {"ja_units", K_UNITS, 0, NEG_MINUS, NULL},
    {"units", K_UNITS, 0, NEG_MINUS, NULL},       {"money", K_UNITS, 0, NEG_MINUS, NULL},
    {"compact", K_UNITS, 0, NEG_MINUS, NULL},     {"currency", K_NUMBER, 0, NEG_MINUS, NULL},
    {"date", K_DATE_LANG, 0, NEG_MINUS, NULL},    {"date_ja", K_DATE_JA, 0, NEG_MINUS, NULL},
    {"date_iso", K_DATE_ISO, 0, NEG_MINUS, NULL},
};
#define FORMATTER_COUNT (sizeof formatter_kinds / sizeof formatter_kinds[0])

/* Pushes the Excel code of a number format. The PDF never signs a zero, so
 * a signed format has a zero section of its own; a negative shown as the
 * PDF shows it (△1,234, (1,234)) has a negative section. */
static void push_number_code(lua_State *L, enum kind kind, int decimals, enum negative neg,
                             int plus, const char *symbol, int group) {
    luaL_Buffer body;
    luaL_buffinit(L, &body);
    if (symbol != NULL && symbol[0] != '\0') {
        luaL_addchar(&body, '"');
        for (const char *s = symbol; *s != '\0'; s++)
            if (*s != '"') /* a quote cannot be in a quoted literal */
                luaL_addchar(&body, *s);
        luaL_addchar(&body, '"');
    }
    luaL_addstring(&body, group ? "#,##0" : "0");
    if (decimals > 0) {
        luaL_addchar(&body, '.');
        for (int i = 0; i < decimals; i++)
            luaL_addchar(&body, '0');
    }
    if (kind == K_PERCENT || kind == K_CHANGE || kind == K_POINTS)
        luaL_addchar(&body, '%');
    luaL_pushresult(&body);
    const char *b = lua_tostring(L, -1);
    plus = plus || kind == K_SIGNED || kind == K_CHANGE || kind == K_POINTS;
    static const char *const neg_open[] = {"-", "\"△\"", "\"▲\"", "("};
    if (!plus && neg == NEG_MINUS)
        return;
    lua_pushfstring(L, "%s%s%s%s", plus ? "+" : "", b, ";", neg_open[neg]);
    lua_pushfstring(L, "%s%s%s%s", b, neg == NEG_PARENS ? ")" : "", plus ? ";" : "", plus ? b : "");
    lua_concat(L, 2);
    lua_remove(L, -2);
}

static const struct named_format *find_format(const struct named_format *table, size_t n,
                                              const char *name) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

void xlsx_push_format_names(lua_State *L) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (size_t i = 0; i < NAMED_COUNT; i++) {
        if (i > 0)
            luaL_addstring(&b, ", ");
        luaL_addstring(&b, named_formats[i].name);
    }
    luaL_pushresult(&b);
}

static void from_named(lua_State *L, const struct named_format *f, struct column_format *out,
                       int anchor) {
    if (f->kind >= K_DATE_ISO) {
        out->date_kind = f->kind;
        out->lang = f->kind == K_DATE_JA ? "ja" : NULL;
        return;
    }
    if (f->kind == K_GENERAL)
        return;
    push_number_code(L, f->kind == K_UNITS ? K_NUMBER : f->kind, f->decimals, f->negative, 0,
                     f->symbol, 1);
    out->code = lua_tostring(L, -1);
    lua_rawseti(L, anchor, (lua_Integer)lua_rawlen(L, anchor) + 1);
}

/* A formatter's description from the Lua side (workbook.lua reads the
 * registry of format.formatter): {name = "percent", decimals =, digits =,
 * negative =, sign =, separator =, symbol =, compact =, lang =, day =}. */
void xlsx_format_from_formatter(lua_State *L, int t, struct column_format *out, int anchor) {
    lua_getfield(L, t, "name");
    const struct named_format *f =
        lua_type(L, -1) == LUA_TSTRING
            ? find_format(formatter_kinds, FORMATTER_COUNT, lua_tostring(L, -1))
            : NULL;
    lua_pop(L, 1);
    if (f == NULL)
        return; /* a function of the script's: General */
    int decimals = f->decimals;
    if (lua_getfield(L, t, "decimals") == LUA_TNUMBER)
        decimals = (int)lua_tointeger(L, -1);
    int digits = lua_getfield(L, t, "digits") == LUA_TNUMBER;
    enum negative neg = NEG_MINUS;
    if (lua_getfield(L, t, "negative") == LUA_TSTRING)
        for (int i = 0; negative_names[i] != NULL; i++)
            if (strcmp(negative_names[i], lua_tostring(L, -1)) == 0)
                neg = (enum negative)i;
    lua_getfield(L, t, "sign");
    int plus = lua_toboolean(L, -1);
    lua_getfield(L, t, "separator");
    int group = !(lua_type(L, -1) == LUA_TSTRING && lua_rawlen(L, -1) == 0);
    lua_getfield(L, t, "symbol");
    const char *symbol = lua_tostring(L, -1);
    lua_getfield(L, t, "compact");
    int compact = lua_toboolean(L, -1);
    lua_getfield(L, t, "lang");
    const char *lang =
        lua_type(L, -1) == LUA_TSTRING ? sumi_lang_canonical(lua_tostring(L, -1)) : NULL;
    lua_getfield(L, t, "day");
    out->month_only = lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1);
    if (f->kind >= K_DATE_ISO) {
        out->date_kind = f->kind;
        out->lang = f->kind == K_DATE_JA     ? "ja"
                    : f->kind == K_DATE_LANG ? (lang ? lang : "ja")
                                             : NULL;
        lua_pop(L, 9);
        return;
    }
    if (f->kind == K_GENERAL || digits || decimals < 0 || decimals > 20) {
        lua_pop(L, 9);
        return;
    }
    enum kind kind = f->kind == K_UNITS || compact ? K_NUMBER : f->kind;
    if (f->kind == K_UNITS || compact)
        decimals = 0;
    push_number_code(L, kind, decimals, neg, plus, symbol, group);
    out->code = lua_tostring(L, -1);
    lua_rawseti(L, anchor, (lua_Integer)lua_rawlen(L, anchor) + 1);
    lua_pop(L, 9);
}

const char *xlsx_date_code(enum kind kind, const char *lang, int month) {
    if (kind == K_DATE_ISO || lang == NULL || strcmp(lang, "en") == 0) {
        if (kind != K_DATE_ISO && lang != NULL)
            return month ? "mmmm yyyy" : "d mmmm yyyy";
        return month ? "yyyy-mm" : "yyyy-mm-dd";
    }
    if (strcmp(lang, "ko") == 0)
        return month ? "yyyy\"년\" m\"월\"" : "yyyy\"년\" m\"월\" d\"일\"";
    return month ? "yyyy\"年\"m\"月\"" : "yyyy\"年\"m\"月\"d\"日\"";
}

/* ---- text: UTF-8, its UTF-16 length and its width ---- */

/* East Asian wide and fullwidth characters (UAX #11, W and F), which take
 * two columns of a spreadsheet as of a terminal. */
static int wide(uint32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

/* Decodes one UTF-8 character at s (n bytes left): its length, or 0 when
 * the bytes are not UTF-8. */
static int utf8_next(const unsigned char *s, size_t n, uint32_t *cp) {
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    int len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (len == 0 || s[0] > 0xF4 || (size_t)len > n)
        return 0;
    uint32_t c = s[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (len == 4 && c < 0x10000) ||
        c > 0x10FFFF)
        return 0;
    *cp = c;
    return len;
}

struct text_measure xlsx_measure(const char *text) {
    struct text_measure m = {0, 0, 1};
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text);
    double line = 0;
    while (n > 0) {
        uint32_t c;
        int len = utf8_next(s, n, &c);
        if (len == 0) {
            m.valid = 0;
            return m;
        }
        m.units += c >= 0x10000 ? 2 : 1;
        if (c == '\n') {
            line = 0;
        } else {
            line += wide(c) ? 2 : 1;
            if (line > m.width)
                m.width = line;
        }
        s += len;
        n -= (size_t)len;
    }
    return m;
}

/* ---- sheet names ---- */

static const char forbidden[] = ":\\/?*[]";

/* What makes name one Excel refuses, or NULL (pushes nothing). Excel takes
 * at most 31 UTF-16 units, none of : \ / ? * [ ], no apostrophe at either
 * end, and keeps "History" for itself. */
const char *xlsx_sheet_name_problem(lua_State *L, const char *name) {
    struct text_measure m = xlsx_measure(name);
    size_t len = strlen(name);
    if (!m.valid)
        return "is not valid UTF-8";
    if (len == 0)
        return "is empty";
    if (m.units > SHEET_NAME_LIMIT)
        return lua_pushfstring(L, "is %I characters long (UTF-16 units); Excel allows at most %d",
                               (lua_Integer)m.units, SHEET_NAME_LIMIT);
    for (const char *p = name; *p != '\0'; p++) {
        if (strchr(forbidden, *p) != NULL)
            return lua_pushfstring(L,
                                   "contains '%c', which Excel forbids in a sheet name "
                                   "(: \\ / ? * [ ])",
                                   *p);
        if ((unsigned char)*p < 0x20)
            return "contains a control character";
    }
    if (name[0] == '\'' || name[len - 1] == '\'')
        return "begins or ends with an apostrophe, which Excel forbids";
    if (strcasecmp(name, "History") == 0)
        return "is 'History', which Excel keeps for itself";
    return NULL;
}

/* Pushes name made one Excel takes, with suffix (" (2)") kept whole: the
 * forbidden characters and control characters become '_', apostrophes at
 * the ends go, the name is cut at a character boundary so that it and the
 * suffix fit 31 UTF-16 units; an empty result is "Sheet". Invalid UTF-8 is
 * cut where it starts. */
const char *xlsx_push_sanitized(lua_State *L, const char *name, const char *suffix) {
    size_t room = SHEET_NAME_LIMIT - xlsx_measure(suffix).units;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    const unsigned char *s = (const unsigned char *)name;
    size_t n = strlen(name), units = 0;
    while (*s == '\'') {
        s++;
        n--;
    }
    while (n > 0) {
        uint32_t c;
        int len = utf8_next(s, n, &c);
        if (len == 0)
            break;
        size_t u = c >= 0x10000 ? 2 : 1;
        if (units + u > room)
            break;
        units += u;
        if (c < 0x20 || (c < 0x80 && strchr(forbidden, (int)c) != NULL))
            luaL_addchar(&b, '_');
        else
            luaL_addlstring(&b, (const char *)s, (size_t)len);
        s += len;
        n -= (size_t)len;
    }
    luaL_pushresult(&b);
    size_t len;
    const char *out = lua_tolstring(L, -1, &len);
    while (len > 0 && out[len - 1] == '\'')
        len--;
    lua_pushlstring(L, out, len);
    lua_remove(L, -2);
    if (len == 0 || strcasecmp(lua_tostring(L, -1), "History") == 0) {
        lua_pushstring(L, len == 0 ? "Sheet" : "History_");
        lua_remove(L, -2);
    }
    lua_pushfstring(L, "%s%s", lua_tostring(L, -1), suffix);
    lua_remove(L, -2);
    return lua_tostring(L, -1);
}

int xlsx_format_named(lua_State *L, const char *name, struct column_format *out, int anchor) {
    const struct named_format *f = find_format(named_formats, NAMED_COUNT, name);
    if (f == NULL)
        return 0;
    from_named(L, f, out, anchor);
    return 1;
}

/* The lower case of the capitals sheet names are most likely to hold:
 * Latin (ASCII, Latin-1, Latin Extended-A), Greek, Cyrillic and fullwidth
 * Latin. CJK has no case. */
static uint32_t fold_case(uint32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
        (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x410 && c <= 0x42F) ||
        (c >= 0xFF21 && c <= 0xFF3A))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c == 0x178)
        return 0xFF;
    if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0)
        return c + 1;
    if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && c % 2 == 1)
        return c + 1;
    return c;
}

const char *xlsx_push_name_key(lua_State *L, const char *name) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    const unsigned char *p = (const unsigned char *)name;
    while (*p != '\0') {
        /* Names are valid UTF-8 here (checked where they came in). */
        int len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        uint32_t c = len == 1 ? *p : (uint32_t)(*p & (0x7F >> len));
        for (int i = 1; i < len && p[i] != '\0'; i++)
            c = (c << 6) | (p[i] & 0x3F);
        char out[8];
        int n = 0;
        c = fold_case(c);
        if (c < 0x80) {
            out[n++] = (char)c;
        } else if (c < 0x800) {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[n++] = (char)(0xE0 | (c >> 12));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[n++] = (char)(0xF0 | (c >> 18));
            out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        }
        luaL_addlstring(&b, out, (size_t)n);
        for (int i = 0; i < len && *p != '\0'; i++)
            p++;
    }
    luaL_pushresult(&b);
    return lua_tostring(L, -1);
}
