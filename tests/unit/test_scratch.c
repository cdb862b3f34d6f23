/* engine/core/scratch.h: a block's release function runs when an error
 * unwinds past the function that pushed it, and only once. */
#include "support.h"

#include "scratch.h"

static int releases;

struct block {
    char *memory;
    double payload[3];
};

static void release_block(void *p) {
    struct block *b = p;
    if (b->memory != NULL)
        releases++;
    free(b->memory);
    b->memory = NULL;
}

static int allocate_then_fail(lua_State *L) {
    struct block *b = sumi_scratch_push(L, sizeof *b, release_block, NULL);
    b->memory = malloc(16);
    return luaL_error(L, "failed after allocating");
}

static void scratch_is_released_when_an_error_unwinds(void **state) {
    lua_State *L = new_state();
    releases = 0;
    lua_pushcfunction(L, allocate_then_fail);
    assert_int_not_equal(lua_pcall(L, 0, 0, 0), LUA_OK);
    assert_string_equal(lua_tostring(L, -1), "failed after allocating");
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT);
    assert_int_equal(releases, 1);
    lua_close(L);
}

static void scratch_block_is_zeroed_and_released_early_once(void **state) {
    lua_State *L = new_state();
    releases = 0;
    struct block *b = sumi_scratch_push(L, sizeof *b, release_block, NULL);
    assert_null(b->memory);
    assert_true(b->payload[0] == 0 && b->payload[2] == 0);
    assert_ptr_equal(lua_touserdata(L, -1), b);
    b->memory = malloc(16);
    release_block(b);
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT);
    assert_int_equal(releases, 1);
    lua_close(L);
}

static void scratch_with_a_type_name_is_that_type(void **state) {
    lua_State *L = new_state();
    void *b = sumi_scratch_push(L, 8, NULL, "sumi.test_type");
    assert_ptr_equal(luaL_testudata(L, -1, "sumi.test_type"), b);
    assert_null(luaL_testudata(L, -1, "sumi.other_type"));
    lua_close(L);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scratch_is_released_when_an_error_unwinds),
        cmocka_unit_test(scratch_block_is_zeroed_and_released_early_once),
        cmocka_unit_test(scratch_with_a_type_name_is_that_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
