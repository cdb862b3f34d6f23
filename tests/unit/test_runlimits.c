/* engine/run/runlimits.h: each Lua state counts its own memory against its own
 * limit, and a limit once hit cannot be caught and survived. */
#include "support.h"

#include "runlimits.h"

/* A counting state with the base and string libraries, armed. */
static lua_State *armed_state(long mib, long timeout) {
    lua_State *L = sumi_limits_state_new();
    assert_non_null(L);
    luaL_requiref(L, "_G", luaopen_base, 1);
    luaL_requiref(L, "string", luaopen_string, 1);
    lua_pop(L, 2);
    sumi_limits_arm(L, mib, timeout);
    return L;
}

/* Runs code; returns its error message (on L's stack) or NULL. */
static const char *run(lua_State *L, const char *code) {
    if (luaL_dostring(L, code) == LUA_OK)
        return NULL;
    return lua_tostring(L, -1);
}

static const char grow[] = "local t = {} for i = 1, math.huge do t[i] = ('x'):rep(1000) .. i end";

static void limits_each_state_counts_its_own_memory(void **state) {
    (void)state;
    lua_State *small = armed_state(16, 0);
    lua_State *free_state = armed_state(0, 0);
    assert_ptr_not_equal(sumi_limits_of(small), sumi_limits_of(free_state));
    luaL_requiref(small, "math", luaopen_math, 1);
    lua_pop(small, 1);
    const char *err = run(small, grow);
    assert_non_null(err);
    assert_non_null(strstr(err, "memory limit 16 MiB exceeded; raise it with --max-memory"));
    /* 32 MiB in the other state, at the same time: no shared count. */
    assert_null(run(free_state, "s = ('x'):rep(32 * 1024 * 1024)"));
    assert_true(sumi_limits_of(free_state)->used > 32u * 1024 * 1024);
    assert_true(sumi_limits_of(small)->used < 16u * 1024 * 1024 * 5 / 4);
    sumi_limits_state_close(small);
    sumi_limits_state_close(free_state);
}

static void limits_count_falls_when_memory_is_collected(void **state) {
    (void)state;
    lua_State *L = armed_state(64, 0);
    size_t before = sumi_limits_of(L)->used;
    assert_null(run(L, "s = ('x'):rep(8 * 1024 * 1024)"));
    assert_true(sumi_limits_of(L)->used >= before + 8u * 1024 * 1024);
    assert_null(run(L, "s = nil collectgarbage()"));
    assert_true(sumi_limits_of(L)->used < before + 1024 * 1024);
    sumi_limits_state_close(L);
}

static void limits_one_refused_block_is_explained(void **state) {
    (void)state;
    lua_State *L = armed_state(16, 0);
    const char *err = run(L, "local s = ('x'):rep(2^28)");
    assert_non_null(err);
    assert_string_equal(err, "not enough memory");
    assert_string_equal(sumi_limits_explain(L, err),
                        "memory limit 16 MiB exceeded; raise it with --max-memory");
    /* Other errors stay as they are. */
    assert_string_equal(sumi_limits_explain(L, "x.lua:1: boom"), "x.lua:1: boom");
    sumi_limits_state_close(L);
}

static void limits_time_limit_survives_pcall_and_coroutines(void **state) {
    (void)state;
    lua_State *L = armed_state(0, 1);
    luaL_requiref(L, "coroutine", luaopen_coroutine, 1);
    lua_pop(L, 1);
    const char *err = run(L, "local co = coroutine.wrap(function()\n"
                             "  while true do pcall(function() while true do end end) end\n"
                             "end)\n"
                             "while true do pcall(co) end");
    assert_non_null(err);
    assert_non_null(strstr(err, "time limit 1 s exceeded; raise it with --timeout"));
    assert_true(sumi_limits_of(L)->job.time_hit);
    sumi_limits_disarm(L);
    assert_null(run(L, "local x = 0 for i = 1, 100000 do x = x + i end"));
    sumi_limits_state_close(L);
}

static void limits_other_states_have_no_limits(void **state) {
    (void)state;
    lua_State *L = luaL_newstate();
    assert_null(sumi_limits_of(L));
    assert_string_equal(sumi_limits_explain(L, "not enough memory"), "not enough memory");
    assert_int_equal(sumi_job_time_up(sumi_job_of(L)), 0);
    lua_close(L);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(limits_each_state_counts_its_own_memory),
        cmocka_unit_test(limits_count_falls_when_memory_is_collected),
        cmocka_unit_test(limits_one_refused_block_is_explained),
        cmocka_unit_test(limits_time_limit_survives_pcall_and_coroutines),
        cmocka_unit_test(limits_other_states_have_no_limits),
    };
    return cmocka_run_group_tests_name("runlimits", tests, NULL, NULL);
}
