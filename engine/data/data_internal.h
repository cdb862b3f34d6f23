/* Helpers shared by data.c (datasets as Lua values), data_ops.c and
 * data_group.c (the operations that make new datasets). Not used outside
 * sumi.data. */
#ifndef SUMI_DATA_INTERNAL_H
#define SUMI_DATA_INTERNAL_H

#include <lua.h>

#include "dataset.h"

/* A sumi_builder owned by a userdata, so that an error frees it. */
typedef struct {
    struct sumi_builder *b;
} builder_box;

void data_out_of_memory(lua_State *L);
/* Pushes a new, empty dataset whose metadata copies from's (from may be NULL). */
struct sumi_dataset *data_push_new_like(lua_State *L, const struct sumi_dataset *from);
/* Pushes a dataset: ds's columns with col as the column called name,
 * replacing a column of that name in place or added last (ds:calc and the
 * window operations). meta: the new column's, or NULL. */
void data_push_with_column(lua_State *L, const struct sumi_dataset *ds, const char *name,
                           struct sumi_coldata *col, const struct sumi_meta *meta);
/* A value as an unsigned key in the same order (ds:sort's radix sort): the
 * sign bit of a double flipped, or all its bits when negative; calendar
 * counts and integers offset by 2^63. */
uint64_t data_order_key(const struct sumi_coldata *col, size_t r);
/* A row and its order key, for the radix sort. */
struct radix_item {
    uint64_t key;
    size_t row;
};
/* rows[0..n) := the rows in col's order (ds:sort's): stable, nulls last in
 * row order whichever the direction. items holds 2 * n entries. */
void data_radix_sort_rows(const struct sumi_coldata *col, int descending, size_t *rows,
                          struct radix_item *items, size_t n);
/* Adds a column sharing data (the caller keeps its own reference). */
void data_add_column(lua_State *L, struct sumi_dataset *ds, const char *name,
                     struct sumi_coldata *data, const struct sumi_meta *meta);
/* Index of the column named by argument arg, or an error listing the columns. */
int data_check_column(lua_State *L, const struct sumi_dataset *ds, int arg);
int data_find_named(lua_State *L, const struct sumi_dataset *ds, const char *name);
void data_push_value(lua_State *L, const struct sumi_coldata *col, size_t row);
void data_push_row(lua_State *L, const struct sumi_dataset *ds, size_t row);
/* Puts the Lua value at idx into the builder's current row; `where` names it
 * in errors ("row 3 field 'value'"). */
void data_builder_put(lua_State *L, struct sumi_builder *b, int col, int idx, const char *where);
builder_box *data_push_builder(lua_State *L);
/* Finishes the builder in box and pushes the dataset. */
struct sumi_dataset *data_finish_builder(lua_State *L, builder_box *box);

/* data_ops.c, for itself and data_group.c */
/* Pushes a userdata that owns col's reference, so an error raised before
 * the column reaches a dataset still frees it. NULL col: out of memory. */
struct sumi_coldata *data_own(lua_State *L, struct sumi_coldata *col);
/* An index array owned by a userdata, freed if an error unwinds. */
size_t *data_push_index(lua_State *L, size_t n);
/* Pushes a dataset whose columns are ds's columns gathered at rows[0..n). */
struct sumi_dataset *data_push_gathered(lua_State *L, const struct sumi_dataset *ds,
                                        const size_t *rows, size_t n);
/* <0, 0, >0 for two non-null values of one column type. */
int data_compare_cells(const struct sumi_coldata *a, size_t ra, const struct sumi_coldata *b,
                       size_t rb);

/* data_ops.c */
int ds_select(lua_State *L);
int ds_rename(lua_State *L);
int ds_head(lua_State *L);
int ds_tail(lua_State *L);
int ds_filter(lua_State *L);
int ds_where(lua_State *L);
int ds_sort(lua_State *L);
int ds_derive(lua_State *L);
int ds_calc(lua_State *L);
/* data_group.c */
int ds_group_by(lua_State *L);
int ds_join(lua_State *L);
int ds_distinct(lua_State *L);
int ds_append(lua_State *L);
/* xlsx.c */
int ds_save_xlsx(lua_State *L);

#endif
