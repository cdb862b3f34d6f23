/* One way to read option tables everywhere: values range-checked, unknown
 * keys rejected with the list of valid ones (an option that only warned would
 * let a typo change a report silently). Errors carry the script's file:line. */
#ifndef SUMI_OPTIONS_H
#define SUMI_OPTIONS_H

#include <lua.h>

/* Raises an error when the table at idx (if it is a table) holds a key not in
 * keys (NULL-terminated). A nil or absent idx is accepted as "no options";
 * anything else than a table is an argument error. */
void opt_check_keys(lua_State *L, int idx, const char *const keys[]);

/* In all of these, idx 0 stands for "no options table": defaults apply. */
int opt_has(lua_State *L, int idx, const char *key);
lua_Number opt_number(lua_State *L, int idx, const char *key, lua_Number def, lua_Number min,
                      lua_Number max);
const char *opt_string(lua_State *L, int idx, const char *key, const char *def);
int opt_boolean(lua_State *L, int idx, const char *key, int def);
/* Index into names of the chosen value; def is the index used when absent. */
int opt_enum(lua_State *L, int idx, const char *key, int def, const char *const names[]);

/* A finite number argument in [min, max], for positional arguments. */
lua_Number check_number_in(lua_State *L, int arg, const char *what, lua_Number min, lua_Number max);
/* A finite number: NaN and infinities never reach cairo. */
lua_Number check_finite(lua_State *L, int arg);

/* Fields of the table on top of the stack, for C that hands Lua a table of
 * settings: a NULL string sets nothing. */
void set_string_field(lua_State *L, const char *key, const char *value);
void set_integer_field(lua_State *L, const char *key, lua_Integer value);
void set_number_field(lua_State *L, const char *key, double value);

#endif
