/* Reading a "numbers" argument: a Lua array of numbers and nils, or a
 * dataset column view read in place. Shared by numeric.c (statistics) and
 * path.c (long series), so both accept the same inputs with the same
 * messages. */
#ifndef SUMI_NUMERIC_H
#define SUMI_NUMERIC_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

/* The numbers one call works on. The storage belongs to someone else: a
 * scratch userdata that sumi_read_numbers leaves on the Lua stack (Lua
 * arrays), or a column's own data (column views); either way it lives until
 * the C function returns. Exactly one of integers, doubles and dates is set. */
struct sumi_numbers {
    size_t n;                /* positions, nulls included */
    size_t count;            /* non-null values */
    const int64_t *integers; /* when every value is an integer */
    const double *doubles;   /* otherwise; never NaN or infinite */
    const int32_t *dates;    /* a date, month or quarter column: days since 1970 (a month's
                                or a quarter's first day; read_numbers_or_dates) */
    const uint8_t *valid;    /* NULL: no nulls; else valid[i] is 0 for a null */
};

/* Reads argument arg; raises "value 3 is nan" and the like. */
void sumi_read_numbers(lua_State *L, int arg, struct sumi_numbers *out);
/* As sumi_read_numbers, but a date, month or quarter column view is read
 * too, as days since 1970 (a month or a quarter at its first day): a chart's
 * time axis is linear in days. */
void sumi_read_numbers_or_dates(lua_State *L, int arg, struct sumi_numbers *out);

static inline double sumi_number_at(const struct sumi_numbers *x, size_t i) {
    if (x->integers != NULL)
        return (double)x->integers[i];
    return x->dates != NULL ? (double)x->dates[i] : x->doubles[i];
}

/* sumi.numeric (numeric.c). */
int luaopen_sumi_numeric(lua_State *L);

#endif
