/* sumi.canvas (with sumi.text) in a bare lua_State: what is drawn lands in
 * the file, bad input is refused before it reaches cairo, and a closed canvas
 * refuses every use. Without the runtime there is no default output, so each
 * constructor gets an explicit path. */
#include "support.h"

#include <cairo.h>

#include "fonts.h"
#include "canvas.h"

struct fixture {
    lua_State *L;
    char *dir;
};

static int setup(void **state) {
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = make_temp_dir();
    f->L = new_state();
    luaL_requiref(f->L, "sumi.canvas", luaopen_sumi_canvas, 0);
    lua_setglobal(f->L, "canvas");
    luaL_requiref(f->L, "sumi.text", luaopen_sumi_text, 0);
    lua_setglobal(f->L, "text");
    set_global_string(f->L, "dir", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    struct fixture *f = *state;
    lua_close(f->L); /* collects any canvas a failed test left open */
    remove_tree(f->dir);
    free(f);
    return 0;
}

/* ---- reading pixels back ---- */

struct rgba8 {
    int r, g, b, a;
};

/* The pixel at (x, y), un-premultiplied to 8-bit channels. */
static struct rgba8 pixel_at(cairo_surface_t *img, int x, int y) {
    assert_true(x >= 0 && x < cairo_image_surface_get_width(img));
    assert_true(y >= 0 && y < cairo_image_surface_get_height(img));
    const unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    uint32_t p = *(const uint32_t *)(data + (size_t)y * (size_t)stride + (size_t)x * 4);
    struct rgba8 c = {(int)(p >> 16 & 0xff), (int)(p >> 8 & 0xff), (int)(p & 0xff), (int)(p >> 24)};
    if (cairo_image_surface_get_format(img) == CAIRO_FORMAT_RGB24)
        c.a = 255;
    else if (c.a > 0 && c.a < 255) {
        c.r = (c.r * 255 + c.a / 2) / c.a;
        c.g = (c.g * 255 + c.a / 2) / c.a;
        c.b = (c.b * 255 + c.a / 2) / c.a;
    }
    return c;
}

/* Each channel within 1 of the expected value (PNG rounding). */
static void assert_pixel(cairo_surface_t *img, int x, int y, int r, int g, int b, int a) {
    struct rgba8 c = pixel_at(img, x, y);
    if (abs(c.r - r) > 1 || abs(c.g - g) > 1 || abs(c.b - b) > 1 || abs(c.a - a) > 1)
        fail_msg("pixel (%d, %d) is (%d, %d, %d, %d), expected (%d, %d, %d, %d)", x, y, c.r, c.g,
                 c.b, c.a, r, g, b, a);
}

static cairo_surface_t *load_png(const char *path) {
    cairo_surface_t *img = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS)
        fail_msg("cannot read '%s': %s", path, cairo_status_to_string(cairo_surface_status(img)));
    return img;
}

/* ---- drawing reaches the file ---- */

static void canvas_png_filled_rect_has_expected_pixels(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "local c = canvas.png(dir .. '/rect.png', {width = 100, height = 80})\n"
                 "c:rect(10, 20, 30, 40)\n"
                 "c:fill('#ff0000')\n"
                 "c:rect(60, 10, 20, 20)\n"
                 "c:fill('#0000ff80')\n"
                 "c:close()\n");
    char *path = join_path(f->dir, "rect.png");
    cairo_surface_t *img = load_png(path);
    assert_int_equal(cairo_image_surface_get_width(img), 100);
    assert_int_equal(cairo_image_surface_get_height(img), 80);
    assert_pixel(img, 25, 40, 255, 0, 0, 255);     /* inside the red rect */
    assert_pixel(img, 10, 20, 255, 0, 0, 255);     /* its top-left pixel */
    assert_pixel(img, 39, 59, 255, 0, 0, 255);     /* its bottom-right pixel */
    assert_pixel(img, 40, 40, 255, 255, 255, 255); /* just right of it */
    assert_pixel(img, 25, 60, 255, 255, 255, 255); /* just below it */
    assert_pixel(img, 5, 5, 255, 255, 255, 255);   /* white background */
    assert_pixel(img, 70, 20, 127, 127, 255, 255); /* half-transparent blue on white */
    cairo_surface_destroy(img);
    assert_int_equal(count_entries(f->dir, ".rect.png."), 0);
    free(path);
}

static void canvas_png_transparent_background_keeps_alpha(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "local c = canvas.png(dir .. '/t.png', {width = 20, height = 20,\n"
                 "                                       background = 'transparent'})\n"
                 "c:rect(0, 0, 10, 20)\n"
                 "c:fill('steelblue')\n"
                 "c:close()\n");
    char *path = join_path(f->dir, "t.png");
    cairo_surface_t *img = load_png(path);
    assert_pixel(img, 5, 10, 70, 130, 180, 255);
    assert_int_equal(pixel_at(img, 15, 10).a, 0);
    cairo_surface_destroy(img);
    free(path);
}

/* cairo holds colour premultiplied and PNG straight (engine/core/png.c): a
 * half-transparent red must come back as red at half alpha, not as a dark
 * red, and a pixel no drawing touched as fully transparent. (At alpha 128 an
 * 8-bit premultiplied channel keeps every other level, within the tolerance
 * of 1; lower alphas lose more in cairo itself, before writing.) */
static void canvas_png_half_transparent_rect_round_trips_its_alpha(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "local c = canvas.png(dir .. '/half.png', {width = 20, height = 20,\n"
                 "                                          background = 'transparent'})\n"
                 "c:rect(0, 0, 10, 20)\n"
                 "c:fill('#ff000080')\n"
                 "c:rect(10, 0, 10, 10)\n"
                 "c:fill('#3366cc80')\n"
                 "c:close()\n");
    char *path = join_path(f->dir, "half.png");
    cairo_surface_t *img = load_png(path);
    assert_int_equal(cairo_image_surface_get_format(img), CAIRO_FORMAT_ARGB32);
    assert_pixel(img, 5, 10, 255, 0, 0, 128);
    assert_pixel(img, 15, 5, 0x33, 0x66, 0xcc, 128);
    assert_int_equal(pixel_at(img, 15, 15).a, 0);
    cairo_surface_destroy(img);
    free(path);
}

/* An opaque canvas is written without an alpha channel (smaller, faster),
 * and the same drawing always gives the same bytes (no time chunk). */
static void canvas_png_opaque_is_rgb_and_deterministic(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "for _, name in ipairs({'/o1.png', '/o2.png'}) do\n"
                 "  local c = canvas.png(dir .. name, {width = 30, height = 20})\n"
                 "  c:rect(5, 5, 10, 10)\n"
                 "  c:fill('#00800080')\n"
                 "  c:close()\n"
                 "end\n");
    char *p1 = join_path(f->dir, "o1.png"), *p2 = join_path(f->dir, "o2.png");
    cairo_surface_t *img = load_png(p1);
    assert_int_equal(cairo_image_surface_get_format(img), CAIRO_FORMAT_RGB24);
    assert_pixel(img, 10, 10, 127, 191, 127, 255); /* half-transparent green on white */
    assert_pixel(img, 25, 15, 255, 255, 255, 255);
    cairo_surface_destroy(img);
    size_t n1, n2;
    char *b1 = read_file(p1, &n1), *b2 = read_file(p2, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(b1, b2, n1);
    free(b1);
    free(b2);
    free(p1);
    free(p2);
}

static void canvas_png_transforms_move_the_drawing(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "local c = canvas.png(dir .. '/tr.png', {width = 100, height = 100})\n"
                 "c:save()\n"
                 "c:translate(50, 50)\n"
                 "c:scale(2)\n"
                 "c:rect(0, 0, 10, 10)\n"
                 "c:fill('black')\n"
                 "c:restore()\n"
                 "c:rect(0, 0, 10, 10)\n" /* back to the identity transform */
                 "c:fill('#00ff00')\n"
                 "c:close()\n");
    char *path = join_path(f->dir, "tr.png");
    cairo_surface_t *img = load_png(path);
    assert_pixel(img, 65, 65, 0, 0, 0, 255);
    assert_pixel(img, 75, 75, 255, 255, 255, 255);
    assert_pixel(img, 5, 5, 0, 255, 0, 255);
    cairo_surface_destroy(img);
    free(path);
}

static void canvas_png_size_in_mm_scales_user_units_to_points(void **state) {
    struct fixture *f = *state;
    /* 25.4 mm at 144 dpi is 144 px; user units stay points (72 per inch). */
    run_ok(f->L, "local c = canvas.png(dir .. '/mm.png', {width_mm = 25.4, height_mm = 25.4,\n"
                 "                                        dpi = 144})\n"
                 "local w, h = c:size()\n"
                 "assert(math.abs(w - 72) < 1e-9 and math.abs(h - 72) < 1e-9, w .. 'x' .. h)\n"
                 "c:rect(36, 0, 36, 72)\n"
                 "c:fill('black')\n"
                 "c:close()\n");
    char *path = join_path(f->dir, "mm.png");
    cairo_surface_t *img = load_png(path);
    assert_int_equal(cairo_image_surface_get_width(img), 144);
    assert_pixel(img, 70, 70, 255, 255, 255, 255);
    assert_pixel(img, 74, 70, 0, 0, 0, 255);
    cairo_surface_destroy(img);
    free(path);
}

static void canvas_pdf_and_svg_write_their_formats(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "local p = canvas.pdf(dir .. '/a.pdf', {size = 'A5', title = 'x'})\n"
                 "p:rect(10, 10, 50, 50) p:fill('red')\n"
                 "p:new_page() assert(p:page_count() == 2)\n"
                 "p:close()\n"
                 "local s = canvas.svg(dir .. '/a.svg', {width = 50, height = 50})\n"
                 "s:rect(10, 10, 20, 20) s:fill('red')\n"
                 "s:close()\n");
    char *pdf = join_path(f->dir, "a.pdf"), *svg = join_path(f->dir, "a.svg");
    char *bytes = read_file(pdf, NULL);
    assert_non_null(bytes);
    assert_memory_equal(bytes, "%PDF-", 5);
    free(bytes);
    bytes = read_file(svg, NULL);
    assert_non_null(bytes);
    assert_contains(bytes, "<svg");
    free(bytes);
    free(pdf);
    free(svg);
}

/* ---- closed canvases ---- */

static void canvas_closed_answers_every_method_with_an_error(void **state) {
    struct fixture *f = *state;
    /* Every method in the canvas's method table, including text and
     * measure_text added by sumi.text; only discard (idempotent, like the
     * release it runs) is allowed after close. */
    run_ok(f->L, "local c = canvas.png(dir .. '/closed.png', {width = 10, height = 10})\n"
                 "c:close()\n"
                 "local checked = 0\n"
                 "for name, method in pairs(getmetatable(c).__index) do\n"
                 "  if name ~= 'discard' then\n"
                 "    local ok, err = pcall(method, c, 1, 2, 3, 4, 5, 6)\n"
                 "    assert(not ok, name .. ' worked on a closed canvas')\n"
                 "    assert(tostring(err):find('attempt to use a closed canvas', 1, true),\n"
                 "           name .. ': ' .. tostring(err))\n"
                 "    checked = checked + 1\n"
                 "  end\n"
                 "end\n"
                 "assert(checked >= 28, 'only ' .. checked .. ' methods checked')\n"
                 "assert(tostring(c) == 'canvas (closed)')\n"
                 "c:discard()\n");
}

static void canvas_closed_error_points_at_the_script_line(void **state) {
    struct fixture *f = *state;
    const char *msg = run_error(f->L, "local c = canvas.png(dir .. '/closed.png', {width = 10,"
                                      " height = 10})\n"
                                      "c:close()\n"
                                      "c:rect(0, 0, 1, 1)\n");
    assert_contains(msg, ":3: attempt to use a closed canvas");
}

static void canvas_close_meta_publishes_on_normal_exit(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "do\n"
                 "  local c <close> = canvas.png(dir .. '/scoped.png', {width = 4, height = 4})\n"
                 "end\n");
    char *path = join_path(f->dir, "scoped.png");
    assert_true(file_exists(path));
    free(path);
}

static void canvas_close_meta_discards_on_error(void **state) {
    struct fixture *f = *state;
    const char *msg = run_error(f->L, "do\n"
                                      "  local c <close> = canvas.png(dir .. '/failed.png',"
                                      " {width = 4, height = 4})\n"
                                      "  error('report failed')\n"
                                      "end\n");
    assert_contains(msg, "report failed");
    assert_int_equal(count_entries(f->dir, ""), 0);
}

/* ---- bad coordinates and options ---- */

static void canvas_nan_coordinate_is_an_error(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "c = canvas.png(dir .. '/nan.png', {width = 10, height = 10})");
    assert_contains(run_error(f->L, "c:move_to(0/0, 1)"), "got nan");
    assert_contains(run_error(f->L, "c:rect(1, 0/0, 2, 2)"), "got nan");
    assert_contains(run_error(f->L, "c:line_to(math.huge, 1)"), "finite number expected");
    assert_contains(run_error(f->L, "c:arc(5, 5, 0/0, 0, 90)"), "got nan");
    assert_contains(run_error(f->L, "c:polyline({1, 2, 0/0, 4})"), "not a finite number");
    run_ok(f->L, "c:discard()");
}

static void canvas_huge_coordinate_is_out_of_range(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "c = canvas.png(dir .. '/huge.png', {width = 10, height = 10})");
    assert_contains(run_error(f->L, "c:move_to(1e9, 1)"), "out of range");
    assert_contains(run_error(f->L, "c:line_to(1, -1e9)"), "out of range");
    assert_contains(run_error(f->L, "c:rect(1e9, 0, 10, 10)"), "out of range");
    assert_contains(run_error(f->L, "c:curve_to(0, 0, 1, 1, 1e9, 1e9)"), "out of range");
    /* A scale makes a modest coordinate huge on the device. */
    run_ok(f->L, "c:scale(1e4)");
    assert_contains(run_error(f->L, "c:move_to(1e3, 0)"), "out of range");
    run_ok(f->L, "c:discard()");
}

static void canvas_png_unknown_option_lists_valid_options(void **state) {
    struct fixture *f = *state;
    const char *msg = run_error(f->L, "canvas.png(dir .. '/o.png', {width = 10, height = 10,"
                                      " colour = 'red'})");
    assert_contains(msg, "canvas.png: unknown option 'colour'");
    assert_contains(msg, "valid options: width, height, width_mm, height_mm, dpi, background");
    assert_int_equal(count_entries(f->dir, ""), 0);
}

static void canvas_png_out_of_range_size_is_an_error(void **state) {
    struct fixture *f = *state;
    assert_contains(run_error(f->L, "canvas.png(dir .. '/o.png', {width = 0, height = 10})"),
                    "canvas.png: option 'width' must be a number in [1, 32767]; got number 0");
    assert_contains(run_error(f->L, "canvas.png(dir .. '/o.png', {width = 10, height = 10,"
                                    " background = 'nope'})"),
                    "canvas.png: option 'background' must be a colour (\"#rrggbb\", "
                    "\"#rrggbbaa\" or a name); got string \"nope\"");
    assert_int_equal(count_entries(f->dir, ""), 0);
}

/* Regression: opt_number does not range-check its default, so a size left
 * out became 0 and the canvas failed only at close() with "error while
 * writing to output stream" (PNG) or wrote a 0 x 0 drawing (SVG). */
static void canvas_missing_size_is_an_error_at_creation(void **state) {
    struct fixture *f = *state;
    assert_contains(run_error(f->L, "canvas.png(dir .. '/o.png', {width = 10})"), "'height'");
    assert_contains(run_error(f->L, "canvas.png(dir .. '/o.png', {})"), "'width'");
    assert_contains(run_error(f->L, "canvas.png(dir .. '/o.png', {width_mm = 10})"), "'height_mm'");
    assert_contains(run_error(f->L, "canvas.svg(dir .. '/o.svg', {height = 10})"), "'width'");
    assert_int_equal(count_entries(f->dir, ""), 0);
}

static void canvas_without_runtime_needs_an_explicit_path(void **state) {
    struct fixture *f = *state;
    assert_contains(run_error(f->L, "canvas.png(nil, {width = 10, height = 10})"),
                    "no output path given");
}

static void canvas_bad_paint_is_an_error(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "c = canvas.png(dir .. '/paint.png', {width = 10, height = 10})");
    assert_contains(run_error(f->L, "c:rect(0, 0, 1, 1) c:fill('notacolour')"),
                    "canvas:fill: the paint must be a colour (\"#rrggbb\", \"#rrggbbaa\" or a "
                    "name) or a gradient; got string \"notacolour\"");
    assert_contains(run_error(f->L, "c:stroke({color = 'red', widht = 2})"),
                    "unknown option 'widht'");
    assert_contains(run_error(f->L, "c:stroke({dash = {0, 0}})"),
                    "option 'dash' must have a length above 0; all are 0");
    assert_contains(run_error(f->L, "canvas.linear_gradient(0, 0, 1, 1, {{0, 'red'}})"),
                    "at least two colour stops");
    run_ok(f->L, "c:discard()");
}

/* Regression: fill, stroke, fill_stroke and paint call cairo_save() before
 * reading their paint; a bad paint raised with that save still open, so a
 * script that caught the error had its next restore() pop the wrong state. */
static void canvas_failed_paint_keeps_save_restore_balanced(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "local c = canvas.png(dir .. '/bal.png', {width = 100, height = 20})\n"
                 "c:save()\n"
                 "c:translate(50, 0)\n"
                 "assert(not pcall(c.fill, c, 'notacolour'))\n"
                 "assert(not pcall(c.stroke, c, {colour = 'red'}))\n"
                 "assert(not pcall(c.fill_stroke, c, {color = 'red'}))\n"
                 "assert(not pcall(c.paint, c, 42))\n"
                 "c:restore()\n" /* back to no translation */
                 "c:rect(0, 0, 10, 10)\n"
                 "c:fill('black')\n"
                 "c:close()\n");
    char *path = join_path(f->dir, "bal.png");
    cairo_surface_t *img = load_png(path);
    assert_pixel(img, 5, 5, 0, 0, 0, 255);
    assert_pixel(img, 55, 5, 255, 255, 255, 255);
    cairo_surface_destroy(img);
    free(path);
}

static void canvas_restore_without_save_is_an_error(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "c = canvas.png(dir .. '/r.png', {width = 10, height = 10})");
    assert_contains(run_error(f->L, "c:restore()"), "without a matching save");
    run_ok(f->L, "c:discard()");
}

/* Regression: c:image() removed its path argument from the stack and then
 * kept using the C string, which the garbage collector could free (a
 * heap-use-after-free under the sanitizers; garbage in the message else). */
static void canvas_image_path_survives_garbage_collection(void **state) {
    struct fixture *f = *state;
    /* The path is a temporary (no local holds it) longer than Lua's short
     * strings, and the collector runs a step at every allocation. */
    run_ok(f->L, "collectgarbage('incremental', 1, 1000)\n"
                 "local c = canvas.png(dir .. '/img.png', {width = 10, height = 10})\n"
                 "local long = string.rep('x', 60)\n"
                 "for i = 1, 300 do\n"
                 "  local ok, err = pcall(c.image, c, dir .. '/' .. long .. i .. '.png', 0, 0, 10,"
                 " 10)\n"
                 "  assert(not ok)\n"
                 "  local want = \"cannot open image '\" .. dir .. '/' .. long .. i .. '.png'\n"
                 "  assert(err:find(want, 1, true), err)\n"
                 "end\n"
                 "collectgarbage('incremental', 200, 100)\n"
                 "c:discard()\n");
}

static void canvas_image_missing_file_is_an_error(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "c = canvas.png(dir .. '/i.png', {width = 10, height = 10})");
    assert_contains(run_error(f->L, "c:image(dir .. '/none.png', 0, 0, 5, 5)"),
                    "cannot open image");
    assert_contains(
        run_error(f->L, "c:image(dir .. '/none.png', 0, 0, 5, 5, {fit = 'crop'})"),
        "canvas:image: option 'fit' must be one of contain, cover, fill; got string \"crop\"");
    assert_contains(run_error(f->L, "c:image(dir .. '/none.png', 0, 0, 0, 5)"),
                    "width and height must be > 0");
    run_ok(f->L, "c:discard()");
}

/* ---- discard and collection ---- */

static void canvas_discard_leaves_no_file(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "local c = canvas.png(dir .. '/gone.png', {width = 10, height = 10})\n"
                 "c:rect(0, 0, 5, 5) c:fill('red')\n"
                 "c:discard()\n"
                 "c:discard()\n"); /* a second discard is harmless */
    assert_int_equal(count_entries(f->dir, ""), 0);
}

static void canvas_discard_keeps_an_existing_file(void **state) {
    struct fixture *f = *state;
    char *path = join_path(f->dir, "keep.png");
    write_file(path, "earlier good file", 17);
    run_ok(f->L, "local c = canvas.png(dir .. '/keep.png', {width = 10, height = 10})\n"
                 "c:discard()\n");
    size_t len = 0;
    char *bytes = read_file(path, &len);
    assert_int_equal(len, 17);
    assert_memory_equal(bytes, "earlier good file", 17);
    free(bytes);
    assert_int_equal(count_entries(f->dir, ""), 1);
    free(path);
}

static void canvas_collected_while_open_leaves_no_file(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "canvas.png(dir .. '/dropped.png', {width = 10, height = 10})\n");
    assert_int_equal(count_entries(f->dir, ".dropped.png."), 1);
    /* The pending-output registry holds it until the state closes. */
    lua_close(f->L);
    f->L = new_state();
    assert_int_equal(count_entries(f->dir, ""), 0);
}

static void canvas_pending_registry_tracks_open_canvases(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "c = canvas.png(dir .. '/p.png', {width = 10, height = 10})\n"
                 "local pending = debug.getregistry()['sumi.pending']\n"
                 "assert(pending[#pending] == c, 'open canvas not pending')\n"
                 "c:close()\n"
                 "for _, v in ipairs(pending) do assert(v ~= c, 'closed canvas still pending')"
                 " end\n");
}

/* ---- text ---- */

static void canvas_text_draws_ink_and_measures_it(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "local c = canvas.png(dir .. '/text.png', {width = 120, height = 40})\n"
                 "local m = c:measure_text('日本語 Report', {size = 16})\n"
                 "assert(m.width > 40 and m.width < 120, 'width ' .. m.width)\n"
                 "assert(m.height > 10 and m.height < 40, 'height ' .. m.height)\n"
                 "assert(m.lines == 1)\n"
                 "local w, h = c:text('日本語 Report', 4, 4, {size = 16, color = 'black'})\n"
                 "assert(math.abs(w - m.width) < 1e-9 and math.abs(h - m.height) < 1e-9)\n"
                 "c:close()\n");
    char *path = join_path(f->dir, "text.png");
    cairo_surface_t *img = load_png(path);
    int dark = 0;
    for (int y = 0; y < 40; y++)
        for (int x = 0; x < 120; x++)
            if (pixel_at(img, x, y).r < 128)
                dark++;
    assert_true(dark > 50); /* glyphs were drawn */
    assert_pixel(img, 118, 38, 255, 255, 255, 255);
    cairo_surface_destroy(img);
    free(path);
}

static void canvas_text_unknown_option_lists_valid_options(void **state) {
    struct fixture *f = *state;
    run_ok(f->L, "c = canvas.png(dir .. '/t.png', {width = 10, height = 10})");
    const char *msg = run_error(f->L, "c:text('x', 0, 0, {colour = 'red'})");
    assert_contains(msg, "unknown option 'colour'");
    assert_contains(msg, "valid options: font, size");
    assert_contains(run_error(f->L, "c:text('ab\\x82\\xa0', 0, 0)"),
                    "not valid UTF-8 (bad byte 0x82 at offset 2)");
    run_ok(f->L, "c:discard()");
}

int main(void) {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(canvas_png_filled_rect_has_expected_pixels),
        T(canvas_png_transparent_background_keeps_alpha),
        T(canvas_png_half_transparent_rect_round_trips_its_alpha),
        T(canvas_png_opaque_is_rgb_and_deterministic),
        T(canvas_png_transforms_move_the_drawing),
        T(canvas_png_size_in_mm_scales_user_units_to_points),
        T(canvas_pdf_and_svg_write_their_formats),
        T(canvas_closed_answers_every_method_with_an_error),
        T(canvas_closed_error_points_at_the_script_line),
        T(canvas_close_meta_publishes_on_normal_exit),
        T(canvas_close_meta_discards_on_error),
        T(canvas_nan_coordinate_is_an_error),
        T(canvas_huge_coordinate_is_out_of_range),
        T(canvas_png_unknown_option_lists_valid_options),
        T(canvas_png_out_of_range_size_is_an_error),
        T(canvas_missing_size_is_an_error_at_creation),
        T(canvas_without_runtime_needs_an_explicit_path),
        T(canvas_bad_paint_is_an_error),
        T(canvas_failed_paint_keeps_save_restore_balanced),
        T(canvas_restore_without_save_is_an_error),
        T(canvas_image_path_survives_garbage_collection),
        T(canvas_image_missing_file_is_an_error),
        T(canvas_discard_leaves_no_file),
        T(canvas_discard_keeps_an_existing_file),
        T(canvas_collected_while_open_leaves_no_file),
        T(canvas_pending_registry_tracks_open_canvases),
        T(canvas_text_draws_ink_and_measures_it),
        T(canvas_text_unknown_option_lists_valid_options),
    };
#undef T
    int failed = cmocka_run_group_tests_name("canvas", tests, NULL, NULL);
    /* As main.c does: the process-wide font map goes before exit, so the
     * sanitizer build sees only real leaks. */
    sumi_fonts_shutdown();
    return failed;
}
