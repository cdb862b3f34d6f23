#include "json_check.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct checker {
    const char *s;
    size_t len, pos;
    int max_depth, allow_duplicates;
    struct json_check_error *err;
    GString *key; /* the object key being read, decoded */
};

#define UNCLOSED "unexpected end of file (an array, object or string is not closed)"

static int fail_at(struct checker *c, size_t offset, const char *fmt, ...) {
    c->err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->what, sizeof c->err->what, fmt, ap);
    va_end(ap);
    return -1;
}

static int at_end(const struct checker *c) { return c->pos >= c->len; }
static char peek(const struct checker *c) { return at_end(c) ? '\0' : c->s[c->pos]; }

static void skip_space(struct checker *c) {
    while (!at_end(c)) {
        char ch = c->s[c->pos];
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
            break;
        c->pos++;
    }
}

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }

static int hex_value(char ch) {
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* \uXXXX at c->pos (after the backslash and the u): its code unit, or -1. */
static long read_hex4(struct checker *c) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = c->pos + (size_t)i < c->len ? hex_value(c->s[c->pos + (size_t)i]) : -1;
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    c->pos += 4;
    return v;
}

/* A string at c->pos (on its opening quote). With into, its decoded bytes
 * are appended there (object keys, compared for duplicates). */
static int check_string(struct checker *c, GString *into) {
    c->pos++;
    for (;;) {
        if (at_end(c))
            return fail_at(c, c->len, UNCLOSED);
        unsigned char ch = (unsigned char)c->s[c->pos];
        if (ch == '"') {
            c->pos++;
            return 0;
        }
        if (ch < 0x20)
            return fail_at(c, c->pos,
                           "a control character (U+%04X) inside a string; write it as an "
                           "escape (\\n, \\t, \\u00XX)",
                           ch);
        if (ch != '\\') {
            if (into != NULL)
                g_string_append_c(into, (char)ch);
            c->pos++;
            continue;
        }
        size_t escape = c->pos++;
        char e = peek(c);
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e != '\0' && simple != NULL) {
            static const char decoded[] = "\"\\/\b\f\n\r\t";
            if (into != NULL)
                g_string_append_c(into, decoded[simple - "\"\\/bfnrt"]);
            c->pos++;
            continue;
        }
        if (e != 'u')
            return fail_at(c, escape,
                           "an unknown escape '\\%c' (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                           "and \\uXXXX)",
                           e != '\0' ? e : ' ');
        c->pos++;
        long unit = read_hex4(c);
        if (unit < 0)
            return fail_at(c, escape, "\\u must be followed by four hexadecimal digits");
        gunichar cp = (gunichar)unit;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            /* a high surrogate: its low half must follow, as \uDC00-\uDFFF */
            long low = -1;
            if (c->pos + 1 < c->len && c->s[c->pos] == '\\' && c->s[c->pos + 1] == 'u') {
                c->pos += 2;
                low = read_hex4(c);
            }
            if (low < 0xDC00 || low > 0xDFFF)
                return fail_at(c, escape,
                               "\\u%04lX is the first half of a surrogate pair without its "
                               "second half",
                               unit);
            cp = 0x10000 + (gunichar)(((unit - 0xD800) << 10) | (low - 0xDC00));
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return fail_at(c, escape, "\\u%04lX is the second half of a surrogate pair alone",
                           unit);
        }
        if (into != NULL) {
            if (cp == 0)
                return fail_at(c, escape,
                               "an object key holds \\u0000 (a key is kept whole or refused, "
                               "never cut)");
            g_string_append_unichar(into, cp);
        }
    }
}

static int check_number(struct checker *c) {
    size_t start = c->pos;
    if (peek(c) == '-')
        c->pos++;
    if (peek(c) == '0') {
        c->pos++;
        if (is_digit(peek(c)))
            return fail_at(c, start, "a number has a leading zero");
    } else if (is_digit(peek(c))) {
        while (is_digit(peek(c)))
            c->pos++;
    } else if (g_ascii_isalpha(peek(c))) {
        return fail_at(c, start,
                       "unexpected '-%c...' (NaN, Infinity and other words are not JSON: true, "
                       "false and null are)",
                       peek(c));
    } else {
        return fail_at(c, start, "a number needs a digit before any point or exponent");
    }
    if (peek(c) == '.') {
        c->pos++;
        if (!is_digit(peek(c)))
            return fail_at(c, start, "a number needs a digit after its decimal point");
        while (is_digit(peek(c)))
            c->pos++;
    }
    if (peek(c) == 'e' || peek(c) == 'E') {
        c->pos++;
        if (peek(c) == '+' || peek(c) == '-')
            c->pos++;
        if (!is_digit(peek(c)))
            return fail_at(c, start, "a number needs a digit in its exponent");
        while (is_digit(peek(c)))
            c->pos++;
    }
    return 0;
}

static int check_word(struct checker *c, const char *word) {
    size_t n = strlen(word);
    if (c->len - c->pos < n || memcmp(c->s + c->pos, word, n) != 0)
        return -1;
    c->pos += n;
    return 0;
}

static int check_value(struct checker *c, int depth);

static int check_object(struct checker *c, int depth) {
    c->pos++;
    GHashTable *seen =
        c->allow_duplicates ? NULL : g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    int status = 0;
    skip_space(c);
    if (peek(c) == '}') {
        c->pos++;
        goto done;
    }
    for (;;) {
        skip_space(c);
        if (peek(c) != '"') {
            status = at_end(c)
                         ? fail_at(c, c->len, UNCLOSED)
                         : fail_at(c, c->pos, "an object key must be a string in double quotes");
            goto done;
        }
        size_t key_at = c->pos;
        g_string_truncate(c->key, 0);
        if ((status = check_string(c, c->key)) != 0)
            goto done;
        if (seen != NULL) {
            if (g_hash_table_contains(seen, c->key->str)) {
                status = fail_at(c, key_at,
                                 "the key \"%.60s\" appears twice in one object (read_json's "
                                 "option duplicate_keys = \"last\" keeps the last)",
                                 c->key->str);
                goto done;
            }
            g_hash_table_add(seen, g_strdup(c->key->str));
        }
        skip_space(c);
        if (peek(c) != ':') {
            status = fail_at(c, c->pos, "a ':' must follow an object key");
            goto done;
        }
        c->pos++;
        if ((status = check_value(c, depth)) != 0)
            goto done;
        skip_space(c);
        if (peek(c) == ',') {
            c->pos++;
            continue;
        }
        if (peek(c) == '}') {
            c->pos++;
            goto done;
        }
        status = at_end(c) ? fail_at(c, c->len, UNCLOSED)
                           : fail_at(c, c->pos, "a ',' or '}' must follow a value in an object");
        goto done;
    }
done:
    if (seen != NULL)
        g_hash_table_destroy(seen);
    return status;
}

static int check_array(struct checker *c, int depth) {
    c->pos++;
    skip_space(c);
    if (peek(c) == ']') {
        c->pos++;
        return 0;
    }
    for (;;) {
        if (check_value(c, depth) != 0)
            return -1;
        skip_space(c);
        if (peek(c) == ',') {
            c->pos++;
            continue;
        }
        if (peek(c) == ']') {
            c->pos++;
            return 0;
        }
        return at_end(c) ? fail_at(c, c->len, UNCLOSED)
                         : fail_at(c, c->pos, "a ',' or ']' must follow a value in an array");
    }
}

static int check_value(struct checker *c, int depth) {
    skip_space(c);
    if (at_end(c))
        return fail_at(c, c->len, UNCLOSED);
    char ch = peek(c);
    if (ch == '{' || ch == '[') {
        if (depth >= c->max_depth)
            return fail_at(c, c->pos,
                           "nesting is too deep (more than %d levels of arrays and objects)",
                           c->max_depth);
        return ch == '{' ? check_object(c, depth + 1) : check_array(c, depth + 1);
    }
    if (ch == '"')
        return check_string(c, NULL);
    if (ch == '-' || is_digit(ch))
        return check_number(c);
    if (check_word(c, "true") == 0 || check_word(c, "false") == 0 || check_word(c, "null") == 0)
        return 0;
    if (ch == '\'')
        return fail_at(c, c->pos, "a string must be in double quotes, not single ones");
    if (ch == '.' || ch == '+')
        return fail_at(c, c->pos, "a number needs a digit before any point or exponent");
    if (ch == ']' || ch == '}' || ch == ',')
        return fail_at(c, c->pos, "a value is missing before '%c'", ch);
    gunichar u = g_utf8_get_char(c->s + c->pos);
    if (u < 0x20 || g_unichar_isspace(u) || u == 0xFEFF)
        return fail_at(c, c->pos,
                       "U+%04X is not JSON whitespace (space, tab, CR and LF are; a byte order "
                       "mark only at the start)",
                       (unsigned)u);
    /* up to eight characters of what stands there, cut between characters */
    const char *end = c->s + c->pos;
    for (int i = 0; i < 8 && end < c->s + c->len && !strchr(" \t\r\n,]}", *end); i++)
        end = g_utf8_next_char(end);
    return fail_at(c, c->pos,
                   "unexpected '%.*s' (NaN, Infinity and other words are not JSON: true, false "
                   "and null are)",
                   (int)(end - (c->s + c->pos)), c->s + c->pos);
}

int json_check(const char *text, size_t len, size_t start, int max_depth, int allow_duplicates,
               struct json_check_error *err) {
    struct checker c = {text, len, start, max_depth, allow_duplicates, err, g_string_new(NULL)};
    int status = check_value(&c, 0);
    if (status == 0) {
        skip_space(&c);
        if (!at_end(&c))
            status = fail_at(&c, c.pos, "text after the JSON value");
    }
    g_string_free(c.key, TRUE);
    return status;
}
