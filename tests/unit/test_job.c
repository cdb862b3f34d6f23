/* engine/core/job.h: the per-run context the data and drawing modules ask
 * instead of the runner. A bare state has no job and gets neutral answers;
 * a set-up job names outputs after its script, resolves inputs from the
 * script's folder, and publishes or discards its pending outputs at once. */
#include "support.h"

#include "job.h"

static lua_State *bare_state(void) {
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    return L;
}

static void job_bare_state_has_none(void **state) {
    (void)state;
    lua_State *L = bare_state();
    assert_null(sumi_job_of(L));
    assert_int_equal(sumi_job_time_up(sumi_job_of(L)), 0);
    assert_true(sumi_job_time_left(sumi_job_of(L)) < 0);
    assert_int_equal(sumi_publish_deferred(L), 0);
    assert_int_equal(sumi_strict_glyphs(L), 0);
    assert_null(sumi_job_script(L));
    sumi_job_announce_temp(L, "reports/.x.pdf.123456"); /* nowhere to go: no crash */
    assert_int_equal(lua_gettop(L), 0);
    lua_close(L);
}

static void job_attached_clock_runs_out(void **state) {
    (void)state;
    lua_State *L = bare_state();
    struct sumi_job job = {.timeout = 1, .notify_fd = -1};
    job.start = sumi_monotonic_now() - 2; /* armed two seconds ago */
    sumi_job_attach(L, &job);
    assert_ptr_equal(sumi_job_of(L), &job);
    assert_int_equal(sumi_job_time_up(sumi_job_of(L)), 1);
    assert_true(job.time_hit);
    assert_true(sumi_job_time_left(&job) == 0);
    job.timeout = 0; /* no limit */
    assert_true(sumi_job_time_left(&job) < 0);
    lua_close(L);
}

static void job_announces_on_its_pipe(void **state) {
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    lua_State *L = bare_state();
    struct sumi_job job = {.notify_fd = fds[1], .notify_reads = 1};
    sumi_job_attach(L, &job);
    sumi_job_announce_temp(L, "reports/.q3.pdf.abc123");
    sumi_job_announce_read(L, "data/sales.csv");
    sumi_job_announce_read(L, "bad\nname.csv"); /* cannot be one line: dropped */
    close(fds[1]);
    char buf[256] = {0};
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    assert_true(n > 0);
    assert_string_equal(buf, "T reports/.q3.pdf.abc123\nR data/sales.csv\n");
    lua_close(L);
}

static void job_names_outputs_after_its_script(void **state) {
    (void)state;
    const char *stem;
    size_t len = sumi_script_stem("scripts/q3_review.lua", &stem);
    assert_int_equal(len, 9);
    assert_memory_equal(stem, "q3_review", 9);
    len = sumi_script_stem("notes", &stem);
    assert_int_equal(len, 5);

    lua_State *L = bare_state();
    sumi_job_setup(L, "scripts/q3_review.lua", NULL, 1);
    assert_string_equal(sumi_job_script(L), "scripts/q3_review.lua");
    assert_int_equal(sumi_publish_deferred(L), 1);
    assert_int_equal(sumi_strict_glyphs(L), 1);
    assert_string_equal(sumi_default_output(L, "pdf"), "reports/q3_review.pdf");
    assert_string_equal(sumi_resolve_input(L, "data/x.csv"), "scripts/data/x.csv");
    assert_string_equal(sumi_resolve_input(L, "/srv/x.csv"), "/srv/x.csv");
    lua_pop(L, 3);
    assert_int_equal(lua_gettop(L), 0);
    lua_close(L);
}

static int call_default_output(lua_State *L) {
    sumi_default_output(L, lua_tostring(L, 1));
    return 1;
}

static void job_refuses_an_o_of_another_type(void **state) {
    (void)state;
    lua_State *L = bare_state();
    sumi_job_setup(L, "q3.lua", "out/q3.pdf", 0);
    lua_pushcfunction(L, call_default_output);
    lua_pushstring(L, "png");
    assert_int_equal(lua_pcall(L, 1, 1, 0), LUA_ERRRUN);
    assert_non_null(strstr(lua_tostring(L, -1), "output 'out/q3.pdf' given with -o is not a .png"));
    lua_pop(L, 1);
    assert_string_equal(sumi_default_output(L, "PDF"), "out/q3.pdf");
    lua_close(L);
}

/* Outputs stand in as userdata whose __publish / __discard count calls. */
static int published, discarded;
static int count_publish(lua_State *L) {
    (void)L;
    published++;
    return 0;
}
static int count_discard(lua_State *L) {
    (void)L;
    discarded++;
    return 0;
}

static void push_output(lua_State *L) {
    lua_newuserdatauv(L, 1, 0);
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, count_publish);
    lua_setfield(L, -2, "__publish");
    lua_pushcfunction(L, count_discard);
    lua_setfield(L, -2, "__discard");
    lua_setmetatable(L, -2);
}

static void job_publishes_all_or_discards_all(void **state) {
    (void)state;
    lua_State *L = bare_state();
    sumi_job_setup(L, "q3.lua", NULL, 0);
    published = discarded = 0;
    push_output(L);
    push_output(L);
    push_output(L);
    sumi_pending_add(L, 1);
    sumi_pending_add(L, 2);
    sumi_pending_add(L, 3);
    sumi_pending_remove(L, 2); /* closed and published on its own */
    assert_int_equal(sumi_job_finish_pending(L, 1), 0);
    assert_int_equal(published, 2);
    assert_int_equal(discarded, 0);
    /* Finished outputs are forgotten: a second finish touches nothing. */
    assert_int_equal(sumi_job_finish_pending(L, 0), 0);
    assert_int_equal(discarded, 0);
    sumi_pending_add(L, 1);
    assert_int_equal(sumi_job_finish_pending(L, 0), 0);
    assert_int_equal(discarded, 1);
    assert_int_equal(lua_gettop(L), 3);
    lua_close(L);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(job_bare_state_has_none),
        cmocka_unit_test(job_attached_clock_runs_out),
        cmocka_unit_test(job_announces_on_its_pipe),
        cmocka_unit_test(job_names_outputs_after_its_script),
        cmocka_unit_test(job_refuses_an_o_of_another_type),
        cmocka_unit_test(job_publishes_all_or_discards_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
