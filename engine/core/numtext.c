/* Locale-free number text (numtext.h). glib's g_ascii_formatd and
 * g_ascii_strtod are printf and strtod in the "C" locale. */
#include "numtext.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "%.<digits><conversion>" of value, with '.' as the decimal point. */
static void put(char *buf, size_t size, int digits, char conversion, double value) {
    char format[16];
    snprintf(format, sizeof format, "%%.%d%c", digits, conversion);
    g_ascii_formatd(buf, (gint)size, format, value);
}

void numtext_format(char *buf, size_t size, double value, int form) {
    if (form >= 0) {
        put(buf, size, form, 'f', value);
        if (strchr(buf, '.') != NULL) {
            size_t n = strlen(buf);
            while (buf[n - 1] == '0')
                buf[--n] = '\0';
            if (buf[n - 1] == '.')
                buf[--n] = '\0';
        }
        if (strcmp(buf, "-0") == 0)
            snprintf(buf, size, "0");
        return;
    }
    if (form == NUMTEXT_SHORTEST && isnan(value)) {
        snprintf(buf, size, "nan");
        return;
    }
    for (int digits = form == NUMTEXT_SHORTEST ? 1 : 15; digits <= 17; digits++) {
        put(buf, size, digits, 'g', value);
        if (g_ascii_strtod(buf, NULL) == value)
            break;
    }
    if (form != NUMTEXT_SHORTEST)
        return;
    /* "%g" takes an exponent once it reaches the precision, so the shortest
     * form of 20 is "2e+01". Whole numbers below 1e17 print in full, as they
     * would with "%.17g". */
    const char *e = strchr(buf, 'e');
    if (e != NULL && isfinite(value)) {
        int exponent = atoi(e + 1);
        if (exponent >= 0 && exponent < 17)
            put(buf, size, 0, 'f', value);
    }
}

int numtext_parse(const char *s, double *out) {
    const char *p = s + (*s == '-' || *s == '+');
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        digits++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits++;
    if (digits == 0)
        return 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        p += *p == '-' || *p == '+';
        if (*p < '0' || *p > '9')
            return 0;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p != '\0')
        return 0;
    *out = g_ascii_strtod(s, NULL);
    return isfinite(*out) ? 1 : -1;
}
