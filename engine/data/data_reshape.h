/* Reshaping datasets (data_reshape.c: pivot_wider, pivot_longer) and the
 * window operations that add a column computed over groups of rows in an
 * order (data_window.c: cumsum, rolling, change, rank), with the helpers
 * the two files share: hashing rows into groups, reading column arguments
 * and options, and building columns. Not used outside sumi.data. */
#ifndef SUMI_DATA_RESHAPE_H
#define SUMI_DATA_RESHAPE_H

#include <lua.h>
#include <stddef.h>

#include "dataset.h"

/* The dataset methods (registered in data.c's dataset_methods). */
int ds_pivot_wider(lua_State *L);
int ds_pivot_longer(lua_State *L);
int ds_cumsum(lua_State *L);
int ds_rolling(lua_State *L);
int ds_change(lua_State *L);
int ds_rank(lua_State *L);

/* ---- shared by data_reshape.c and data_window.c. Every error is raised
 * with opt_raise: the script's file:line and the method's public name. */

/* Index of the column called name, or an error listing the columns (as
 * "option '<option>': no column ..." when option is not NULL). */
int reshape_column(lua_State *L, const struct sumi_dataset *ds, const char *name,
                   const char *option);
/* The column named by argument arg (counted as the script sees it: the
 * first after the dataset is 1); what names the argument in errors. */
int reshape_arg_column(lua_State *L, const struct sumi_dataset *ds, int arg, const char *what);
/* Option key of the table at opts (0: none): one column name or a list of
 * them, each once. Pushes an int array (userdata) of their indices into
 * *index and returns the count; 0 (and nothing pushed) when absent. */
int reshape_opt_columns(lua_State *L, const struct sumi_dataset *ds, int opts, const char *key,
                        int **index);
/* An integer option in [min, max] ("option 'n' must be an integer in
 * [1, 12]; got number 13"). */
lua_Integer reshape_opt_integer(lua_State *L, int opts, const char *key, lua_Integer def,
                                lua_Integer min, lua_Integer max);
/* Option 'name', the name of the new column: a non-empty string, or def
 * when absent. */
const char *reshape_opt_name(lua_State *L, int opts, const char *def);

/* Numbers the distinct tuples of cols[0..ncols) over rows 0..rows-1 in
 * order of first sight (nulls equal each other, as in SQL GROUP BY): row r
 * is in group (*group_of)[r]; (*firsts)[g] is group g's first row. No
 * columns: every row is in group 0. Pushes scratch blocks; returns the
 * count of groups. */
size_t reshape_push_groups(lua_State *L, const struct sumi_coldata *const *cols, int ncols,
                           size_t rows, size_t **group_of, size_t **firsts);
/* 1 when two cells of col hold the same value, or are both null. */
int reshape_cells_equal(const struct sumi_coldata *col, size_t a, size_t b);
/* Pushes a cell as a message shows it: strings in double quotes (when
 * quoted), integers in decimal, numbers in their shortest form, dates as
 * YYYY-MM-DD, nil for a null. Unquoted strings are the column names
 * pivot_wider makes. */
void reshape_push_cell(lua_State *L, const struct sumi_coldata *col, size_t row, int quoted);
/* Pushes `name "value" and name2 3` for the columns index[0..n) at row. */
void reshape_push_key_shown(lua_State *L, const struct sumi_dataset *ds, const int *index, int n,
                            size_t row);

/* Stable merge sort of items[0..n) (tmp: n more) by cmp(ctx, a, b) < 0. */
void reshape_merge_sort(size_t *items, size_t *tmp, size_t n,
                        int (*cmp)(const void *ctx, size_t a, size_t b), const void *ctx);

/* A column of n rows of type, every value zero and valid, for the caller
 * to fill through v and valid; NULL when out of memory. The caller owns the
 * reference (data_own). reshape_finish_column drops a null map without
 * nulls. */
struct sumi_coldata *reshape_new_column(enum sumi_type type, size_t n);
void reshape_finish_column(struct sumi_coldata *col);
#endif
