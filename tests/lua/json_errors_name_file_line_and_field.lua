-- sumi.data.read_json errors: parse errors give file:line:column, value
-- errors the record and field, and options are checked.
local check = require "check"
local data = require "sumi.data"
local test = check.test

local function read(file, options)
  return function() data.read_json("fixtures/" .. file, options) end
end

test("a syntax error gives the line and column", function()
  check.errors(read("json_syntax_error.json"),
    "json_syntax_error.json:3:28: JSON parse error: a ',' or '}' must follow a value in an object", "syntax")
end)

test("the message carries the script line of the call", function()
  local message = check.errors(function() data.read_json("fixtures/json_syntax_error.json") end,
    "JSON parse error", "syntax")
  check.is_true(message:find("json_errors_name_file_line_and_field.lua:%d+: ") ~= nil,
    "script position in " .. message)
end)

test("NaN names the record and field", function()
  check.errors(read("json_nan.json"), "json_nan.json:3:33: JSON parse error: unexpected 'NaN'",
    "NaN")
end)

test("invalid UTF-8 gives the line, byte, column and offset", function()
  check.errors(read("json_latin1.json"),
    "json_latin1.json:2: not valid UTF-8 (byte 0xE9 at column 17, file offset 51); save the file as UTF-8",
    "latin-1")
end)

test("a column holding numbers and strings names both rows", function()
  check.errors(read("json_mixed.json"),
    "json_mixed.json: column 'value': row 2 holds a string where row 1 holds an integer", "mixed")
  local ds = data.read_json("fixtures/json_mixed.json", {types = {value = "string"}})
  check.equal(ds:row(1).value, "1509", "types = string reads both")
  check.equal(ds:row(2).value, "1,509", "value 2")
end)

test("an object at the top says where the arrays are", function()
  check.errors(read("json_wrapped.json"),
    "json_wrapped.json: the value is an object, not an array of records (the option path names the "
    .. "array: path = \"results\", path = \"data.items\")", "object")
end)

test("a wrong path names the missing key or index", function()
  check.errors(read("json_wrapped.json", {path = "data.itemz"}),
    "json_wrapped.json: path 'data.itemz': no key 'itemz' (keys there: items)", "key")
  check.errors(read("json_wrapped.json", {path = "results.2.rows"}),
    "json_wrapped.json: path 'results.2.rows': index 2 is outside the array (2 items, from 0)", "index")
  check.errors(read("json_wrapped.json", {path = "meta.count.x"}),
    "json_wrapped.json: path 'meta.count.x': step 3 ('x') goes into a number", "scalar")
  check.errors(read("json_wrapped.json", {path = "meta"}),
    "json_wrapped.json: the value at path 'meta' is an object, not an array of records (it holds no array)",
    "not an array")
end)

test("records must be objects", function()
  check.errors(read("json_wrapped.json", {path = "data.items.0.tags"}),
    "json_wrapped.json: record 1 is a string, not an object", "array of strings")
end)

test("a missing file names it", function()
  check.errors(read("no_such_file.json"), "cannot read 'fixtures/no_such_file.json'", "missing")
end)

test("options are checked", function()
  check.errors(read("json_models.json", {pth = "x"}), "unknown option 'pth'", "unknown key")
  check.errors(read("json_models.json", {types = {models = "int"}}),
    "data.read_json: option 'types.models' must be one of integer, number, string, boolean, date, month, "
    .. "quarter; got string \"int\"",
    "bad type name")
  check.errors(read("json_models.json", {types = {modles = "integer"}}),
    "data.read_json: option 'types' names no column 'modles' in fixtures/json_models.json; its columns: "
    .. "company, models, share,",
    "types names a column no record has")
  check.errors(read("json_models.json", {nested = "keep"}), "option 'nested'", "nested")
  check.errors(read("json_models.json", {path = 3}),
    "data.read_json: option 'path' must be a string or a list of keys; got number 3", "path type")
  check.errors(read("json_models.json", {path = "a..b"}),
    "option 'path' must be keys joined by dots, none empty; got string \"a..b\"",
    "empty key")
end)

check.done()
