/* libFuzzer target for the JSON reader (engine/data/json.c), driven through Lua
 * as a script calls it: sumi.data.read_json(path, options). The first byte
 * of an input chooses the options (nested, path, a forced type), the rest
 * is the file. A read either gives a dataset that keeps the dataset API's
 * promises (equal column lengths, UTF-8 strings, finite numbers) or raises
 * an error that names the file; anything else aborts.
 *
 * Built with clang -fsanitize=fuzzer,address,undefined (CMakeLists.txt);
 * replay.c feeds committed inputs through it in every build. */
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_lua.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char harness[] =
    "local sumi = require 'sumi'\n"
    "local paths = {'data', 'records', 'data.items', 'results.0.rows'}\n"
    "local types = {'integer', 'number', 'string', 'boolean', 'date'}\n"
    "return function(data, path)\n"
    "  local a = data:byte(1) or 0\n"
    "  local opts = {}\n"
    "  if a & 1 ~= 0 then opts.nested = 'json' end\n"
    "  if a & 2 ~= 0 then opts.path = paths[(a >> 2) % 4 + 1] end\n"
    "  if a & 16 ~= 0 then opts.types = {a = types[(a >> 5) % 5 + 1]} end\n"
    "  local ok, ds = pcall(sumi.data.read_json, path, opts)\n"
    "  if not ok then\n"
    /* out of memory names no file; everything else does */
    "    if ds ~= 'not enough memory' then expected(ds, 'fuzz.json') end\n"
    "    return\n"
    "  end\n"
    "  local n = #ds\n"
    "  for _, name in ipairs(ds:names()) do\n"
    "    assert(utf8.len(name), 'broken promise: a column name that is not UTF-8')\n"
    "    local col, count = ds:column(name)\n"
    "    assert(count == n, 'broken promise: a column of another length')\n"
    "    for i = 1, n do\n"
    "      local v = col[i]\n"
    "      if type(v) == 'number' then\n"
    "        assert(v == v and v ~= math.huge and v ~= -math.huge, 'broken promise: not finite')\n"
    "      elseif type(v) == 'string' then\n"
    "        assert(utf8.len(v), 'broken promise: a string that is not UTF-8')\n"
    "      end\n"
    "    end\n"
    "  end\n"
    "end\n";

/* The folder and its file go when the process ends normally. */
static char folder[64];
static void remove_folder(void) {
    char file[96];
    snprintf(file, sizeof file, "%s/fuzz.json", folder);
    unlink(file);
    rmdir(folder);
}

/* The reader takes a path: each input is written to one file in a folder
 * of this process's own. */
static const char *input_path(void) {
    static char path[64];
    if (path[0] == '\0') {
        char dir[] = "/tmp/sumi-fuzz-json-XXXXXX";
        if (mkdtemp(dir) == NULL) {
            perror("mkdtemp");
            abort();
        }
        snprintf(folder, sizeof folder, "%s", dir);
        snprintf(path, sizeof path, "%s/fuzz.json", dir);
        atexit(remove_folder);
    }
    return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lua_State *L = fuzz_lua_state("json", harness);
    const char *path = input_path();
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        perror(path);
        abort();
    }
    if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1) {
        perror(path);
        abort();
    }
    fclose(f);
    fuzz_lua_run(L, "json", (const char *)data, size > 0 ? 1 : 0, path);
    return 0;
}
