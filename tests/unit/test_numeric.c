/* engine/data/numeric.c: sums, means, order statistics, ranks and top_n on
 * arrays of a million values, built in C and read through the module as a
 * script would call it. */
#include "support.h"

#include "numeric.h"

#define MILLION 1000000

static int setup(void **state) {
    lua_State *L = new_state();
    luaL_requiref(L, "numeric", luaopen_sumi_numeric, 1);
    lua_pop(L, 1);
    *state = L;
    return 0;
}

static int teardown(void **state) {
    lua_close(*state);
    return 0;
}

/* The global `big`: value(i) at positions 1..n. */
static void set_big(lua_State *L, size_t n, double (*value)(size_t i)) {
    lua_createtable(L, (int)n, 0);
    for (size_t i = 1; i <= n; i++) {
        lua_pushnumber(L, value(i));
        lua_rawseti(L, -2, (lua_Integer)i);
    }
    lua_setglobal(L, "big");
}

static void set_big_integers(lua_State *L, size_t n, lua_Integer (*value)(size_t i)) {
    lua_createtable(L, (int)n, 0);
    for (size_t i = 1; i <= n; i++) {
        lua_pushinteger(L, value(i));
        lua_rawseti(L, -2, (lua_Integer)i);
    }
    lua_setglobal(L, "big");
}

static lua_Integer counting(size_t i) { return (lua_Integer)i; }
static double tenth(size_t i) { return 0.1; }

/* 1..MILLION in a fixed shuffled order: i * 7919 mod MILLION visits every
 * residue once (7919 is prime and does not divide 10^6). */
static lua_Integer shuffled(size_t i) { return (lua_Integer)((i * 7919) % MILLION) + 1; }

/* 1e100, then a million ones, then -1e100 (a naive sum gives 0). */
static double cancelling(size_t i) {
    if (i == 1)
        return 1e100;
    if (i == MILLION + 2)
        return -1e100;
    return 1.0;
}

static lua_Integer result_integer(lua_State *L, const char *chunk) {
    run_ok(L, chunk);
    assert_true(lua_isinteger(L, -1));
    lua_Integer v = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return v;
}

static double result_number(lua_State *L, const char *chunk) {
    run_ok(L, chunk);
    assert_int_equal(lua_type(L, -1), LUA_TNUMBER);
    double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

static void sum_of_a_million_integers_is_exact_and_an_integer(void **state) {
    lua_State *L = *state;
    set_big_integers(L, MILLION, counting);
    assert_int_equal(result_integer(L, "return numeric.sum(big)"), 500000500000LL);
    assert_int_equal(result_integer(L, "return numeric.count(big)"), MILLION);
}

static void sum_of_a_million_tenths_is_exactly_100000(void **state) {
    lua_State *L = *state;
    set_big(L, MILLION, tenth);
    /* A loop of += gives 100000.00000133288; the compensated sum is the
     * double nearest the exact sum of the million doubles. */
    assert_true(result_number(L, "return numeric.sum(big)") == 100000.0);
    assert_true(result_number(L, "return numeric.mean(big)") == 0.1);
}

static void sum_survives_cancellation(void **state) {
    lua_State *L = *state;
    set_big(L, MILLION + 2, cancelling);
    assert_true(result_number(L, "return numeric.sum(big)") == (double)MILLION);
}

static void order_statistics_of_a_million_shuffled_values(void **state) {
    lua_State *L = *state;
    set_big_integers(L, MILLION, shuffled);
    assert_int_equal(result_integer(L, "return numeric.min(big)"), 1);
    assert_int_equal(result_integer(L, "return numeric.max(big)"), MILLION);
    assert_true(result_number(L, "return numeric.mean(big)") == 500000.5);
    assert_true(result_number(L, "return numeric.median(big)") == 500000.5);
    /* numpy: 1 + 0.9 * 999999 = 900000.1 */
    assert_true(fabs(result_number(L, "return numeric.percentile(big, 90)") - 900000.1) < 1e-6);
    assert_true(result_number(L, "return numeric.percentile(big, 0)") == 1);
    assert_true(result_number(L, "return numeric.percentile(big, 100)") == MILLION);
}

static void cumsum_and_rank_of_a_million_values(void **state) {
    lua_State *L = *state;
    set_big_integers(L, MILLION, counting);
    run_ok(L, "c = numeric.cumsum(big)");
    assert_int_equal(result_integer(L, "return c[1000]"), 500500);
    assert_int_equal(result_integer(L, "return c[#c]"), 500000500000LL);
    assert_int_equal(result_integer(L, "return c.n"), MILLION);
    set_big_integers(L, MILLION, shuffled);
    run_ok(L, "r = numeric.rank(big)");
    /* The largest value ranks 1: rank = MILLION + 1 - value, everywhere. */
    run_ok(L, "for i = 1, #big do assert(r[i] == 1000001 - big[i], i) end");
    run_ok(L, "o = numeric.order(big, {ascending = true})");
    assert_int_equal(result_integer(L, "return big[o[1]]"), 1);
    assert_int_equal(result_integer(L, "return big[o[#o]]"), MILLION);
}

static void top_n_over_many_records_sums_the_rest(void **state) {
    lua_State *L = *state;
    run_ok(L, "rows = {} for i = 1, 100000 do rows[i] = {name = 'r' .. i, value = i} end");
    run_ok(L, "top, others, folded = numeric.top_n(rows, 3)");
    assert_int_equal(result_integer(L, "return top[1].value"), 100000);
    assert_int_equal(result_integer(L, "return top[3].value"), 99998);
    /* 1 + ... + 99997 */
    assert_int_equal(result_integer(L, "return others.value"), 4999750003LL);
    assert_int_equal(result_integer(L, "return folded"), 99997);
}

static void nulls_are_skipped_when_n_is_given(void **state) {
    lua_State *L = *state;
    assert_int_equal(result_integer(L, "return numeric.sum({1, nil, 3, nil, n = 4})"), 4);
    assert_int_equal(result_integer(L, "return numeric.count({1, nil, 3, nil, n = 4})"), 2);
    assert_true(result_number(L, "return numeric.median({1, nil, 3, n = 3})") == 2);
    run_ok(L, "r = numeric.rank({5, nil, 7, n = 3})");
    assert_int_equal(result_integer(L, "return r[1]"), 2);
    run_ok(L, "assert(r[2] == nil and r.n == 3)");
}

static void an_integer_sum_that_overflows_goes_on_as_a_float(void **state) {
    lua_State *L = *state;
    assert_true(result_number(L, "return numeric.sum({math.maxinteger, math.maxinteger})") ==
                2 * 9223372036854775807.0);
    run_ok(L, "return math.type(numeric.sum({math.maxinteger, 1}))");
    assert_string_equal(lua_tostring(L, -1), "float");
    lua_pop(L, 1);
}

static void a_nan_deep_in_a_big_array_is_named_by_position(void **state) {
    lua_State *L = *state;
    set_big_integers(L, MILLION, counting);
    run_ok(L, "big[777777] = 0/0");
    assert_contains(run_error(L, "return numeric.sum(big)"),
                    "bad argument #1 to 'sum' (value 777777 is nan)");
    lua_pop(L, 1);
    run_ok(L, "big[777777] = -math.huge");
    assert_contains(run_error(L, "return numeric.percentile(big, 50)"), "value 777777 is -inf");
    lua_pop(L, 1);
    run_ok(L, "big[777777] = '1'");
    assert_contains(run_error(L, "return numeric.rank(big)"),
                    "value 777777 is a string, not a number");
    lua_pop(L, 1);
}

static void bad_arguments_have_clear_messages(void **state) {
    lua_State *L = *state;
    assert_contains(
        run_error(L, "numeric.sum(42)"),
        "bad argument #1 to 'sum' (array of numbers or column view expected, got number)");
    lua_pop(L, 1);
    assert_contains(run_error(L, "numeric.mean({})"), "no values: the array is empty");
    lua_pop(L, 1);
    assert_contains(run_error(L, "numeric.max({nil, nil, n = 2})"),
                    "no values: every value is nil");
    lua_pop(L, 1);
    assert_contains(run_error(L, "numeric.percentile({1, 2}, 100.5)"),
                    "bad argument #2 to 'percentile' (p must be in [0, 100], got 100.5)");
    lua_pop(L, 1);
    assert_contains(run_error(L, "numeric.sum({n = 'many'})"),
                    "field 'n' must be a count (an integer >= 0), got string");
    lua_pop(L, 1);
    assert_contains(run_error(L, "numeric.rank({1}, {order = 'asc'})"),
                    "stats.rank: unknown option 'order' (valid options: ascending, ties)");
    lua_pop(L, 1);
    assert_contains(run_error(L, "numeric.top_n({{name = 'a', value = 1}, 7}, 1)"),
                    "row 2 is a number, not a record (a table)");
    lua_pop(L, 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(sum_of_a_million_integers_is_exact_and_an_integer, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(sum_of_a_million_tenths_is_exactly_100000, setup, teardown),
        cmocka_unit_test_setup_teardown(sum_survives_cancellation, setup, teardown),
        cmocka_unit_test_setup_teardown(order_statistics_of_a_million_shuffled_values, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(cumsum_and_rank_of_a_million_values, setup, teardown),
        cmocka_unit_test_setup_teardown(top_n_over_many_records_sums_the_rest, setup, teardown),
        cmocka_unit_test_setup_teardown(nulls_are_skipped_when_n_is_given, setup, teardown),
        cmocka_unit_test_setup_teardown(an_integer_sum_that_overflows_goes_on_as_a_float, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_nan_deep_in_a_big_array_is_named_by_position, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(bad_arguments_have_clear_messages, setup, teardown),
    };
    return cmocka_run_group_tests_name("numeric", tests, NULL, NULL);
}
