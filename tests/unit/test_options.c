/* engine/core/options.h: the option-table readers, called
 * the way the modules call them (from a C function run by lua_pcall). */
#include "support.h"

#include "options.h"

/* ---- opt_* through a lua_State ---- */

/* Each Lua test gets its own state, closed even when an assertion fails. */
static int setup(void **state) {
    *state = new_state();
    return 0;
}

static int teardown(void **state) {
    lua_close(*state);
    return 0;
}

static const char *const probe_keys[] = {"width", "height", "color", "align", "visible", NULL};
static const char *const aligns[] = {"left", "center", "right", NULL};

/* probe(opts): checks the keys, reads each option, returns them. */
static int probe(lua_State *L) {
    opt_check_keys(L, 1, probe_keys);
    lua_Number width = opt_number(L, 1, "width", 5, 1, 10);
    const char *color = opt_string(L, 1, "color", "black");
    int align = opt_enum(L, 1, "align", 0, aligns);
    int visible = opt_boolean(L, 1, "visible", 1);
    int has_height = opt_has(L, 1, "height");
    lua_pushnumber(L, width);
    lua_pushstring(L, color);
    lua_pushinteger(L, align);
    lua_pushboolean(L, visible);
    lua_pushboolean(L, has_height);
    return 5;
}

/* Calls fn with the table built by the Lua expression `table_expr` (or with
 * no argument when it is NULL). Returns the lua_pcall status; the results or
 * the error message are left on the stack. */
static int call_with(lua_State *L, lua_CFunction fn, const char *table_expr, int nresults) {
    lua_pushcfunction(L, fn);
    int nargs = 0;
    if (table_expr != NULL) {
        lua_pushfstring(L, "return %s", table_expr);
        const char *chunk = lua_tostring(L, -1);
        if (luaL_loadstring(L, chunk) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK)
            fail_msg("bad table expression: %s", lua_tostring(L, -1));
        lua_remove(L, -2); /* the chunk text */
        nargs = 1;
    }
    return lua_pcall(L, nargs, nresults, 0);
}

static const char *call_error(lua_State *L, lua_CFunction fn, const char *table_expr) {
    if (call_with(L, fn, table_expr, 0) == LUA_OK)
        fail_msg("no error for %s", table_expr ? table_expr : "(no options)");
    return lua_tostring(L, -1);
}

static void opt_defaults_apply_without_a_table(void **state) {
    lua_State *L = *state;
    assert_int_equal(call_with(L, probe, NULL, 5), LUA_OK);
    assert_true(lua_tonumber(L, 1) == 5);
    assert_string_equal(lua_tostring(L, 2), "black");
    assert_int_equal(lua_tointeger(L, 3), 0);
    assert_true(lua_toboolean(L, 4));
    assert_false(lua_toboolean(L, 5));
}

static void opt_values_are_read_from_the_table(void **state) {
    lua_State *L = *state;
    assert_int_equal(call_with(L, probe,
                               "{width = 7.5, color = 'red', align = 'right', visible = false, "
                               "height = 3}",
                               5),
                     LUA_OK);
    assert_true(lua_tonumber(L, 1) == 7.5);
    assert_string_equal(lua_tostring(L, 2), "red");
    assert_int_equal(lua_tointeger(L, 3), 2);
    assert_false(lua_toboolean(L, 4));
    assert_true(lua_toboolean(L, 5));
}

static void opt_range_limits_are_inclusive(void **state) {
    lua_State *L = *state;
    assert_int_equal(call_with(L, probe, "{width = 1}", 5), LUA_OK);
    assert_true(lua_tonumber(L, 1) == 1);
    lua_settop(L, 0);
    assert_int_equal(call_with(L, probe, "{width = 10}", 5), LUA_OK);
    assert_true(lua_tonumber(L, 1) == 10);
}

static void opt_unknown_key_error_lists_valid_keys(void **state) {
    lua_State *L = *state;
    const char *msg = call_error(L, probe, "{widht = 3}");
    assert_contains(msg, "unknown option 'widht'");
    assert_contains(msg, "valid options: width, height, color, align, visible");
}

static void opt_non_string_key_error_says_keys_must_be_names(void **state) {
    lua_State *L = *state;
    const char *msg = call_error(L, probe, "{3}");
    assert_contains(msg, "option keys must be names; got a number key");
    assert_contains(msg, "valid options: width");
}

static void opt_out_of_range_says_range_and_value(void **state) {
    lua_State *L = *state;
    const char *msg = call_error(L, probe, "{width = 20}");
    assert_contains(msg, "option 'width' must be a number in [1, 10]; got number 20");
    lua_settop(L, 0);
    msg = call_error(L, probe, "{width = 0.5}");
    assert_contains(msg, "option 'width' must be a number in [1, 10]; got number 0.5");
}

static void opt_nan_is_out_of_range(void **state) {
    lua_State *L = *state;
    const char *msg = call_error(L, probe, "{width = 0/0}");
    assert_contains(msg, "option 'width' must be a number in [1, 10]; got number nan");
}

static void opt_wrong_type_names_expected_and_given(void **state) {
    lua_State *L = *state;
    assert_contains(call_error(L, probe, "{width = '7'}"),
                    "option 'width' must be a number in [1, 10]; got string \"7\"");
    assert_contains(call_error(L, probe, "{color = 12}"),
                    "option 'color' must be a string; got number 12");
    assert_contains(call_error(L, probe, "{visible = 1}"),
                    "option 'visible' must be a boolean; got number 1");
    assert_contains(call_error(L, probe, "{color = {}}"),
                    "option 'color' must be a string; got table");
}

static void opt_enum_error_lists_the_choices(void **state) {
    lua_State *L = *state;
    const char *msg = call_error(L, probe, "{align = 'middle'}");
    assert_contains(msg,
                    "option 'align' must be one of left, center, right; got string \"middle\"");
}

static void opt_options_that_are_not_a_table_are_an_error(void **state) {
    lua_State *L = *state;
    assert_contains(call_error(L, probe, "'wide'"), "options must be a table; got string");
}

static void opt_error_names_the_calling_function(void **state) {
    /* Without a public name, the message uses Lua's name for the function. */
    lua_State *L = *state;
    lua_register(L, "probe", probe);
    const char *msg = run_error(L, "probe{width = 20}");
    assert_contains(msg, "probe: option 'width' must be a number in [1, 10]; got number 20");
    /* ... and where in the script the call is. */
    assert_contains(msg, "[string \"probe{width = 20}\"]:1: probe: ");
}

static void opt_error_names_the_public_name_whatever_the_call(void **state) {
    /* With one, even a call Lua cannot name (pcall, an alias) is named. */
    lua_State *L = *state;
    static const luaL_Reg functions[] = {{"probe", probe}, {NULL, NULL}};
    luaL_newlib(L, functions);
    opt_name_functions(L, "widgets.", functions);
    lua_setglobal(L, "widgets");
    const char *msg = run_error(L, "local ok, e = pcall(widgets.probe, {width = 20})\nerror(e, 0)");
    assert_contains(msg,
                    "widgets.probe: option 'width' must be a number in [1, 10]; got number 20");
    msg = run_error(L, "local p = widgets.probe\np{color = true}");
    assert_contains(msg, "[string \"local p = widgets.probe...\"]:2: widgets.probe: option 'color' "
                         "must be a string; got boolean true");
}

/* ---- positional arguments ---- */

static int probe_args(lua_State *L) {
    lua_pushnumber(L, check_number_in(L, 1, "radius", 0, 100));
    lua_pushnumber(L, check_finite(L, 2));
    return 2;
}

static void check_number_in_says_range_and_value(void **state) {
    lua_State *L = *state;
    lua_register(L, "probe_args", probe_args);
    assert_contains(run_error(L, "probe_args(-1, 0)"),
                    "bad argument #1 to 'probe_args' (radius must be in [0, 100], got -1)");
    run_ok(L, "return probe_args(100, 1e300)");
    assert_true(lua_tonumber(L, -2) == 100);
}

static void check_finite_rejects_nan_and_infinity(void **state) {
    lua_State *L = *state;
    lua_register(L, "probe_args", probe_args);
    assert_contains(run_error(L, "probe_args(1, 0/0)"), "number expected, got nan");
    assert_contains(run_error(L, "probe_args(1, math.huge)"), "finite number expected");
    assert_contains(run_error(L, "probe_args(1, -math.huge)"), "finite number expected");
    assert_contains(run_error(L, "probe_args(0/0, 1)"), "got nan");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(opt_defaults_apply_without_a_table, setup, teardown),
        cmocka_unit_test_setup_teardown(opt_values_are_read_from_the_table, setup, teardown),
        cmocka_unit_test_setup_teardown(opt_range_limits_are_inclusive, setup, teardown),
        cmocka_unit_test_setup_teardown(opt_unknown_key_error_lists_valid_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(opt_non_string_key_error_says_keys_must_be_names, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(opt_out_of_range_says_range_and_value, setup, teardown),
        cmocka_unit_test_setup_teardown(opt_nan_is_out_of_range, setup, teardown),
        cmocka_unit_test_setup_teardown(opt_wrong_type_names_expected_and_given, setup, teardown),
        cmocka_unit_test_setup_teardown(opt_enum_error_lists_the_choices, setup, teardown),
        cmocka_unit_test_setup_teardown(opt_options_that_are_not_a_table_are_an_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(opt_error_names_the_calling_function, setup, teardown),
        cmocka_unit_test_setup_teardown(opt_error_names_the_public_name_whatever_the_call, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(check_number_in_says_range_and_value, setup, teardown),
        cmocka_unit_test_setup_teardown(check_finite_rejects_nan_and_infinity, setup, teardown),
    };
    return cmocka_run_group_tests_name("options", tests, NULL, NULL);
}
