/* libFuzzer target for text on a canvas (engine/draw/text.c, through Pango and
 * cairo): c:text and c:measure_text on a small PNG canvas, with the options
 * taken from the first four bytes of an input (markup on and off, a width
 * and wrap mode, size, alignment, angle, vertical text, language, letter
 * spacing, font) and the rest as the text. Each call draws or raises an
 * error of the engine's own; a measurement is finite; nothing crashes.
 *
 * Input: 4 bytes of options, then the text. */
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_lua.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char harness[] =
    "local sumi = require 'sumi'\n"
    "local wraps = {'word', 'char', 'word-char'}\n"
    "local aligns = {'left', 'center', 'right', 'justify'}\n"
    "local langs = {'ja', 'en', 'zh', 'ar'}\n"
    "local fonts = {'sans', 'serif', 'monospace', 'Noto Sans CJK JP'}\n"
    "local anchors = {'top-left', 'center', 'bottom-right', 'baseline-left'}\n"
    "local function finite(v) return type(v) == 'number' and v == v and math.abs(v) < math.huge "
    "end\n"
    "return function(data, path)\n"
    "  if #data < 4 then return end\n"
    "  local a, b, c, d = data:byte(1, 4)\n"
    "  local text = data:sub(5)\n"
    "  local opts = {markup = a & 1 == 1, size = 0.5 + (b & 63) * 2,\n"
    "    wrap = wraps[(a >> 1) % 3 + 1], align = aligns[(a >> 3) % 4 + 1],\n"
    "    vertical = a & 32 ~= 0, angle = (c & 7) * 45, lang = langs[(c >> 3) % 4 + 1],\n"
    "    letter_spacing = (d & 15) - 8, font = fonts[(d >> 4) % 4 + 1],\n"
    "    anchor = anchors[(a >> 6) + 1], weight = (c & 64 ~= 0) and 'bold' or nil}\n"
    "  if b & 64 ~= 0 then opts.width = 1 + (c >> 3) * 10 end\n"
    "  if b & 128 ~= 0 then opts.line_spacing = (d >> 4) / 4 end\n"
    "  local canvas = sumi.canvas.png(path, {width = 120, height = 60})\n"
    "  local ok, err = pcall(canvas.text, canvas, text, 10, 10, opts)\n"
    "  if not ok then expected(err) end\n"
    "  local okm, m = pcall(canvas.measure_text, canvas, text, opts)\n"
    "  if okm then\n"
    "    assert(finite(m.width) and finite(m.height) and finite(m.baseline),\n"
    "      'broken promise: a measurement that is not finite')\n"
    "    assert(m.lines >= 0, 'broken promise: a negative line count')\n"
    "  else\n"
    "    expected(m)\n"
    "  end\n"
    "  canvas:discard()\n"
    "end\n";

/* The folder and its file go when the process ends normally. */
static char folder[64];
static void remove_folder(void) {
    char file[96];
    snprintf(file, sizeof file, "%s/text.png", folder);
    unlink(file);
    rmdir(folder);
}

static const char *output_path(void) {
    static char path[64];
    if (path[0] == '\0') {
        char dir[] = "/tmp/sumi-fuzz-text-XXXXXX";
        if (mkdtemp(dir) == NULL) {
            perror("mkdtemp");
            abort();
        }
        snprintf(folder, sizeof folder, "%s", dir);
        snprintf(path, sizeof path, "%s/text.png", dir);
        atexit(remove_folder);
    }
    return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lua_State *L = fuzz_lua_state("text", harness);
    fuzz_lua_run(L, "text", (const char *)data, size, output_path());
    return 0;
}
