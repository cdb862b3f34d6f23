/* The sumi.data module is one Lua module written in several C files: data.c
 * (datasets and their operations), csv.c, json.c, sql.c and postgres.c (the
 * readers). Each reader adds its functions to the module table through a
 * register function called from luaopen_sumi_data. */
#ifndef SUMI_DATA_H
#define SUMI_DATA_H

#include <lua.h>

#include "dataset.h"

#define SUMI_DATASET_TYPE "sumi.dataset"
#define SUMI_COLUMN_TYPE "sumi.column"

/* Pushes a dataset userdata; takes over the caller's reference to ds (the
 * reference is dropped if pushing fails). */
void sumi_push_dataset(lua_State *L, struct sumi_dataset *ds);
/* The dataset at idx (borrowed), or an argument error. */
struct sumi_dataset *sumi_check_dataset(lua_State *L, int idx);
/* The column view at idx (borrowed), or NULL when idx is not one. */
const struct sumi_coldata *sumi_test_column(lua_State *L, int idx);
/* Pushes ds's column names as "a, b, c", for messages, and returns them. */
const char *sumi_push_column_names(lua_State *L, const struct sumi_dataset *ds);

/* Dataset and column metadata from reader options: title, source, unit,
 * notes, and columns = {name = {unit = ..., ...}}. Keys the reader does not
 * know are the reader's to check. Raises on wrong types. */
void sumi_apply_meta_options(lua_State *L, int opts, struct sumi_dataset *ds);

void sumi_data_register_csv(lua_State *L, int module);
void sumi_data_register_json(lua_State *L, int module);
void sumi_data_register_sql(lua_State *L, int module);

/* sumi.data (data.c). */
int luaopen_sumi_data(lua_State *L);
/* sumi.internal.xlsx (xlsx.c): the writer of a document's workbook. */
int luaopen_sumi_internal_xlsx(lua_State *L);

#endif
