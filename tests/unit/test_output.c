/* engine/core/output.h: an output appears complete or not at all, and a failed
 * write never replaces an earlier good file. */
#include "support.h"

#include "output.h"

struct fixture {
    char *dir;
};

static int setup(void **state) {
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = make_temp_dir();
    *state = f;
    return 0;
}

static int teardown(void **state) {
    struct fixture *f = *state;
    remove_tree(f->dir);
    free(f);
    return 0;
}

static void write_text(struct sumi_output *out, const char *text) {
    assert_non_null(out->file);
    assert_int_equal(fwrite(text, 1, strlen(text), out->file), strlen(text));
}

static void assert_file_is(const char *path, const char *expected) {
    size_t len = 0;
    char *got = read_file(path, &len);
    if (got == NULL)
        fail_msg("'%s' does not exist", path);
    assert_int_equal(len, strlen(expected));
    assert_memory_equal(got, expected, len);
    free(got);
}

static void output_commit_publishes_the_written_bytes(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "report.pdf");
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    /* Nothing is at the destination until commit. */
    assert_false(file_exists(path));
    write_text(&out, "%PDF-1.7 complete");
    assert_int_equal(sumi_output_commit(&out, err, sizeof err), 0);
    assert_file_is(path, "%PDF-1.7 complete");
    assert_int_equal(count_entries(f->dir, ".report.pdf."), 0);
    assert_null(out.file);
    assert_null(out.temp_path);
    free(path);
}

static void output_commit_replaces_an_existing_file(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "report.pdf");
    write_file(path, "old", 3);
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    write_text(&out, "new contents");
    assert_file_is(path, "old"); /* still the old one while writing */
    assert_int_equal(sumi_output_commit(&out, err, sizeof err), 0);
    assert_file_is(path, "new contents");
    free(path);
}

static void output_abort_leaves_existing_file_byte_identical(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "chart.png");
    /* Bytes that a text-mode or truncating write would alter. */
    static const char old[] = "\x89PNG\r\n\x1a\n\0old good file\r\n";
    write_file(path, old, sizeof old - 1);
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    write_text(&out, "half a new file");
    assert_int_equal(count_entries(f->dir, ".chart.png."), 1);
    sumi_output_abort(&out);
    size_t len = 0;
    char *got = read_file(path, &len);
    assert_non_null(got);
    assert_int_equal(len, sizeof old - 1);
    assert_memory_equal(got, old, len);
    free(got);
    assert_int_equal(count_entries(f->dir, ".chart.png."), 0);
    free(path);
}

static void output_abort_without_destination_leaves_nothing(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "never.svg");
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    write_text(&out, "<svg");
    sumi_output_abort(&out);
    assert_false(file_exists(path));
    assert_int_equal(count_entries(f->dir, ""), 0);
    free(path);
}

/* finish + publish is commit in two steps, so `sumi render` can hold every
 * output of a run back until the whole script has succeeded. */
static void output_finish_leaves_destination_untouched_until_publish(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "two-step.pdf");
    write_file(path, "old", 3);
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    assert_false(sumi_output_is_finished(&out));
    write_text(&out, "new bytes");
    assert_int_equal(sumi_output_finish(&out, err, sizeof err), 0);
    assert_true(sumi_output_is_finished(&out));
    assert_file_is(path, "old");
    assert_int_equal(count_entries(f->dir, ".two-step.pdf."), 1);
    assert_int_equal(sumi_output_publish(&out, err, sizeof err), 0);
    assert_file_is(path, "new bytes");
    assert_int_equal(count_entries(f->dir, ".two-step.pdf."), 0);
    assert_false(sumi_output_is_finished(&out));
    free(path);
}

static void output_abort_after_finish_keeps_existing_file(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "held.png");
    write_file(path, "earlier", 7);
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    write_text(&out, "finished but never published");
    assert_int_equal(sumi_output_finish(&out, err, sizeof err), 0);
    sumi_output_abort(&out); /* the script failed after this output closed */
    assert_file_is(path, "earlier");
    assert_int_equal(count_entries(f->dir, ".held.png."), 0);
    free(path);
}

static void output_publish_before_finish_fails_with_a_message(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "early.svg");
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    assert_int_equal(sumi_output_publish(&out, err, sizeof err), -1);
    assert_contains(err, "not finished");
    assert_false(file_exists(path));
    sumi_output_abort(&out);
    assert_int_equal(count_entries(f->dir, ""), 0);
    free(path);
}

static void output_abort_and_commit_are_safe_on_an_empty_output(void **state) {
    struct sumi_output out;
    memset(&out, 0, sizeof out);
    sumi_output_abort(&out);
    sumi_output_abort(&out);
    char err[512] = "";
    assert_int_equal(sumi_output_commit(&out, err, sizeof err), -1);
    assert_contains(err, "already closed");
}

static void output_second_commit_fails_with_a_message(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "once.txt");
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    write_text(&out, "x");
    assert_int_equal(sumi_output_commit(&out, err, sizeof err), 0);
    assert_int_equal(sumi_output_commit(&out, err, sizeof err), -1);
    assert_contains(err, "already closed");
    assert_file_is(path, "x");
    free(path);
}

static void output_creates_missing_parent_folders(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "a/b/c/report.csv");
    struct sumi_output out;
    char err[512] = "";
    if (sumi_output_open(&out, path, err, sizeof err) != 0)
        fail_msg("open failed: %s", err);
    write_text(&out, "id\n1\n");
    assert_int_equal(sumi_output_commit(&out, err, sizeof err), 0);
    assert_file_is(path, "id\n1\n");
    free(path);
}

static void output_path_naming_a_folder_fails_with_a_message(void **state) {
    struct fixture *f = *state;
    struct sumi_output out;
    char err[512] = "";
    /* An existing folder. */
    assert_int_equal(sumi_output_open(&out, f->dir, err, sizeof err), -1);
    assert_contains(err, "is a folder");
    assert_contains(err, f->dir);
    assert_null(out.file);
    /* A path ending in '/'. */
    char *slash = join_path(f->dir, "sub/");
    err[0] = '\0';
    assert_int_equal(sumi_output_open(&out, slash, err, sizeof err), -1);
    assert_contains(err, "names a folder");
    free(slash);
    /* Nothing was left behind by either attempt. */
    assert_int_equal(count_entries(f->dir, "."), 0);
}

static void output_empty_path_fails_with_a_message(void **state) {
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, "", err, sizeof err), -1);
    assert_contains(err, "empty output path");
    assert_int_equal(sumi_output_open(&out, NULL, err, sizeof err), -1);
}

static void output_under_a_regular_file_fails_with_a_message(void **state) {
    struct fixture *f = *state;
    char *file = join_path(f->dir, "plain");
    write_file(file, "x", 1);
    char *path = join_path(f->dir, "plain/report.pdf");
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), -1);
    assert_contains(err, "report.pdf");
    assert_null(out.file);
    assert_file_is(file, "x");
    free(path);
    free(file);
}

static void output_file_mode_follows_umask(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "shared.pdf");
    mode_t old = umask(022);
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    write_text(&out, "x");
    assert_int_equal(sumi_output_commit(&out, err, sizeof err), 0);
    umask(old);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    /* Not mkstemp's 0600: others may read a report like any file. */
    assert_int_equal(st.st_mode & 0777, 0644);
    free(path);
}

/* The temporary's name is read back (watch, batch) by the helpers beside
 * the pattern: a real temporary maps to its output, other names do not. */
static void output_temporary_names_map_back_to_their_output(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "briefing.pdf");
    struct sumi_output out;
    char err[512] = "";
    assert_int_equal(sumi_output_open(&out, path, err, sizeof err), 0);
    char *back = sumi_output_of_temp(out.temp_path);
    assert_non_null(back);
    assert_string_equal(back, path);
    free(back);
    const char *name = strrchr(out.temp_path, '/') + 1;
    assert_true(sumi_output_is_temp_of(name, "briefing.pdf"));
    assert_false(sumi_output_is_temp_of(name, "briefing.pd"));
    assert_false(sumi_output_is_temp_of(name, "briefing.pdf.bak"));
    assert_false(sumi_output_is_temp_of("briefing.pdf", "briefing.pdf"));
    assert_false(sumi_output_is_temp_of(".briefing.pdf.lock", "briefing.pdf"));
    assert_null(sumi_output_of_temp("reports/briefing.pdf"));
    assert_null(sumi_output_of_temp("reports/.x"));
    back = sumi_output_of_temp(".a.b.XXXXXX");
    assert_non_null(back);
    assert_string_equal(back, "a.b");
    free(back);
    sumi_output_abort(&out);
    free(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(output_commit_publishes_the_written_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(output_commit_replaces_an_existing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(output_abort_leaves_existing_file_byte_identical, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(output_abort_without_destination_leaves_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(output_finish_leaves_destination_untouched_until_publish,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(output_abort_after_finish_keeps_existing_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(output_publish_before_finish_fails_with_a_message, setup,
                                        teardown),
        cmocka_unit_test(output_abort_and_commit_are_safe_on_an_empty_output),
        cmocka_unit_test_setup_teardown(output_second_commit_fails_with_a_message, setup, teardown),
        cmocka_unit_test_setup_teardown(output_creates_missing_parent_folders, setup, teardown),
        cmocka_unit_test_setup_teardown(output_path_naming_a_folder_fails_with_a_message, setup,
                                        teardown),
        cmocka_unit_test(output_empty_path_fails_with_a_message),
        cmocka_unit_test_setup_teardown(output_under_a_regular_file_fails_with_a_message, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(output_file_mode_follows_umask, setup, teardown),
        cmocka_unit_test_setup_teardown(output_temporary_names_map_back_to_their_output, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
