/* Locale-free number text: one formatter, one parser. Data and drawing
 * commands are written with '.', whatever locale a library may have set. */
#ifndef SUMI_NUMTEXT_H
#define SUMI_NUMTEXT_H

#include <stddef.h>

/* The forms of numtext_format besides a count of decimals. */
enum {
    /* The fewest "%.Ng" digits (N = 1..17) that read back as the value;
     * whole numbers below 1e17 in full ("20", not "2e+01"); NaN as "nan".
     * Option and argument messages. */
    NUMTEXT_SHORTEST = -1,
    /* The least N of 15..17 whose "%.Ng" reads back as the value. The data
     * readers' values and parameters. */
    NUMTEXT_DIGITS15 = -2,
};

/* Writes value into buf in form: NUMTEXT_SHORTEST, NUMTEXT_DIGITS15, or a
 * count of decimals >= 0 ("%.Nf" with trailing zeros and a bare '.' taken
 * off, and "-0" as "0": drawing commands). */
void numtext_format(char *buf, size_t size, double value, int form);

/* A decimal number as data writes it: [+-] digits [. digits] [e [+-]
 * digits], at least one digit before the exponent, nothing around it.
 * 1: *out holds its value (rounded to the nearest double, as strtod does);
 * 0: s is not such a number; -1: s is one, but beyond a double's range. */
int numtext_parse(const char *s, double *out);

#endif
