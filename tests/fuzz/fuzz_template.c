/* libFuzzer target for report sentences and number formats
 * (engine/lua/sumi/template.lua, format.lua): template.fill with a template
 * and values taken from the input, and every format of sumi.format on a
 * double and an integer taken from its bytes (NaN, -0, 1e308, subnormals,
 * math.mininteger: whatever the fuzzer makes). A call returns valid UTF-8
 * or raises an error of the engine's own, never an internal Lua error
 * ("attempt to index a nil value") nor a string.format it did not check.
 *
 * Input: 8 bytes of a double, 8 of an integer, one byte choosing options,
 * then the template, a NUL, and a string value. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_lua.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char harness[] =
    "local sumi = require 'sumi'\n"
    "local template, format = sumi.template, sumi.format\n"
    "local codes = {'USD', 'JPY', 'CNY', 'EUR', 'XXX'}\n"
    "local text_in = true -- the template and string value are UTF-8\n"
    "local function try(f, ...)\n"
    "  local ok, r = pcall(f, ...)\n"
    "  if not ok then expected(r) return end\n"
    "  if type(r) ~= 'string' or (text_in and not utf8.len(r)) then\n"
    "    error('broken promise: a format gave ' .. type(r) .. ' that is not UTF-8 text', 0)\n"
    "  end\n"
    "end\n"
    "return function(data)\n"
    "  if #data < 17 then return end\n"
    "  local x = string.unpack('<d', data, 1)\n"
    "  local i = string.unpack('<i8', data, 9)\n"
    "  local o = data:byte(17)\n"
    "  local rest = data:sub(18)\n"
    "  local tmpl, s = rest:match('^(.-)%z(.*)$')\n"
    "  tmpl, s = tmpl or rest, s or ''\n"
    /* text that is not UTF-8 comes out as it went in: c:text refuses it */
    "  text_in = utf8.len(tmpl) ~= nil and utf8.len(s) ~= nil\n"
    "  local decimals = o % 24\n"
    "  local values = {x = x, i = i, s = s, n = (o & 1 == 1) and i or x, t = true}\n"
    "  try(template.fill, tmpl, values)\n"
    "  local custom = template.new{formats = {shout = function(v) return tostring(v) .. '!' end}}\n"
    "  try(custom.fill, custom, tmpl, values)\n"
    "  for _, v in ipairs({x, i}) do\n"
    "    try(format.number, v, {decimals = decimals, separator = (o & 2 == 2) and ' ' or ','})\n"
    "    try(format.signed, v, {decimals = decimals})\n"
    "    try(format.percent, v, {decimals = decimals})\n"
    "    try(format.change, v, {decimals = decimals})\n"
    "    try(format.ja_units, v)\n"
    "    try(format.compact, v)\n"
    "    try(format.currency, v, codes[o % 5 + 1], {compact = o & 4 == 4})\n"
    "    try(format.date_ja, v)\n"
    "    try(format.date_iso, v)\n"
    "  end\n"
    "  try(format.date_ja, s)\n"
    "  try(format.date_iso, s)\n"
    "  try(format.number, s)\n"
    "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lua_State *L = fuzz_lua_state("template", harness);
    fuzz_lua_run(L, "template", (const char *)data, size, NULL);
    return 0;
}
