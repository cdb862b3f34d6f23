/* Lua stack discipline: a function that builds state or leaves values for
 * its caller marks the stack on entry and checks the balance on exit, as
 * mpv's player/lua.c does. The checks are compiled into debug and sanitizer
 * builds (SUMI_STACK_CHECKS), where a leak or an over-pop aborts at the
 * function that made it instead of corrupting a caller far away. */
#ifndef SUMI_STACK_H
#define SUMI_STACK_H

#include <lua.h>

#ifdef SUMI_STACK_CHECKS
#include <stdio.h>
#include <stdlib.h>
#define SUMI_STACK_MARK(L) const int sumi_stack_mark_ = lua_gettop(L)
#define SUMI_STACK_CHECK(L, pushed)                                                                \
    do {                                                                                           \
        if (lua_gettop(L) != sumi_stack_mark_ + (pushed)) {                                        \
            fprintf(stderr, "%s:%d: %s: Lua stack holds %d values, %d expected\n", __FILE__,       \
                    __LINE__, __func__, lua_gettop(L), sumi_stack_mark_ + (pushed));               \
            abort();                                                                               \
        }                                                                                          \
    } while (0)
#else
#define SUMI_STACK_MARK(L) ((void)0)
#define SUMI_STACK_CHECK(L, pushed) ((void)0)
#endif

#endif
