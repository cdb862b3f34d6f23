/* One way to read option tables everywhere: values range-checked, unknown
 * keys rejected with the list of valid ones (an option that only warned would
 * let a typo change a report silently). Errors carry the script's file:line
 * and name the public function first, in the style of the Lua modules
 * (sumi.internal.options):
 *   canvas.png: option 'width' must be a number in [1, 32767]; got number 0
 *   canvas:stroke: unknown option 'colour' (valid options: color, width, ...) */
#ifndef SUMI_OPTIONS_H
#define SUMI_OPTIONS_H

#include <lauxlib.h>
#include <lua.h>

/* Records "<owner><name>" ("canvas." or "canvas:" and "png") as the public
 * name of each function in functions; a function already named keeps its
 * first name (sumi.text.draw is canvas:text). Each luaopen_* calls it. */
void opt_name_functions(lua_State *L, const char *owner, const luaL_Reg *functions);
/* The public name of the running C function; Lua's own name for it, or "?",
 * when it has none. */
const char *opt_function_name(lua_State *L);
/* Raises "<file:line>: <function>: <message>" at the script's line. */
int opt_raise(lua_State *L, const char *fmt, ...);
/* Raises "<function>: option '<key>' must be <what>; got <value>", the value
 * being the one at value_idx. */
int opt_fail(lua_State *L, const char *key, const char *what, int value_idx);
/* Raises "<function>: options must be a table; got <value>" (shown as
 * opt_push_shown does) unless the value at idx is a table, nil or absent. */
void opt_check_table(lua_State *L, int idx);
/* Pushes names (NULL-terminated) joined with ", ". */
void opt_push_joined(lua_State *L, const char *const names[]);
/* Pushes the value at idx as messages show it, its type first: string "12"
 * (quoted, control characters as \ddd), number 3 (as Lua writes it; number
 * nan for NaN), boolean false, nil; anything else by its type alone
 * (table, function, userdata). */
void opt_push_shown(lua_State *L, int idx);
/* Pushes "a number in [min, max]" (or ">= min", "<= max" for an open end). */
void opt_push_range(lua_State *L, lua_Number min, lua_Number max);

/* Raises an error when the table at idx (if it is a table) holds a key not in
 * keys (NULL-terminated). A nil or absent idx is accepted as "no options";
 * anything else than a table is an error (opt_check_table). */
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
void set_boolean_field(lua_State *L, const char *key, int value);

#endif
