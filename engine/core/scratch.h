/* Memory a Lua error cannot leak. A C function that allocates and then may
 * raise keeps what it allocates in a block owned by a userdata on the
 * stack: when an error longjmps past the function, the garbage collector
 * still calls the block's release function (__gc), the Lua 5.4 idiom. */
#ifndef SUMI_SCRATCH_H
#define SUMI_SCRATCH_H

#include <lua.h>
#include <stddef.h>

/* Frees what block holds; called once by __gc, and it may be called
 * before (an early release must leave the block so that a second call does
 * nothing, e.g. by setting the pointers it freed to NULL). */
typedef void (*sumi_scratch_release)(void *block);

/* Pushes a userdata of size bytes, zeroed, whose __gc calls release(block)
 * (NULL: nothing to release). The block is the userdata's memory itself, so
 * lua_touserdata and luaL_checkudata find it. tname names its metatable
 * (registry key, as luaL_newmetatable): a type that luaL_checkudata can
 * recognise, or NULL for a plain scratch block. A metatable made here holds
 * __gc alone; an existing one is used as it is. Raises only for memory. */
void *sumi_scratch_push(lua_State *L, size_t size, sumi_scratch_release release, const char *tname);

#endif
