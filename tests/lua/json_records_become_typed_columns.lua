-- sumi.data.read_json: an array of records becomes a dataset whose columns
-- keep the JSON types; path finds the array inside a document; types,
-- nested and the metadata options.
local check = require "check"
local data = require "sumi.data"
local test = check.test

local models = data.read_json("fixtures/json_models.json")

test("fields become columns in order of first appearance", function()
  check.equal(table.concat(models:names(), ","), "company,models,share,open,released,founded,note",
    "columns")
  check.equal(#models, 4, "rows")
end)

test("JSON integers stay integers, other numbers are numbers", function()
  check.equal(models:type("models"), "integer", "type of models")
  check.equal(models:row(2).models, 12, "models 2")
  check.equal(math.type(models:row(2).models), "integer", "Lua type of models 2")
  check.equal(models:type("share"), "number", "type of share (0.25 and 1 together)")
  check.equal(models:row(4).share, 1.0, "share 4")
  check.equal(math.type(models:row(4).share), "float", "Lua type of share 4")
end)

test("booleans stay booleans", function()
  check.equal(models:type("open"), "boolean", "type of open")
  check.equal(models:row(3).open, false, "open 3")
end)

test("null and missing fields are nil", function()
  check.equal(models:row(3).share, nil, "share 3 is null")
  check.equal(models:row(1).note, nil, "note 1 is missing")
  check.equal(models:row(3).note, nil, "note 3 is null")
  check.equal(models:row(4).founded, nil, "founded 4 is null")
  check.equal(models:type("founded"), "integer", "a column with nulls keeps its type")
end)

test("strings keep their text, Japanese included", function()
  check.equal(models:row(3).company, "Moonshot AI, 月之暗面", "company 3")
  check.equal(models:row(2).note, "Qwen (通義千問)", "note 2")
end)

test("an ISO date string stays a string unless types says date", function()
  check.equal(models:type("released"), "string", "released without types")
  local dated = data.read_json("fixtures/json_models.json", {types = {released = "date"}})
  check.equal(dated:type("released"), "date", "released with types")
  check.equal(dated:row(1).released, "2025-01-20", "released 1")
end)

test("types converts text to integers, numbers, booleans and dates", function()
  local ds = data.read_json("fixtures/json_as_text.json", {
    types = {count = "integer", ratio = "number", day = "date", flag = "boolean", n = "string"}})
  local r = ds:row(1)
  check.equal(r.code, "007", "code stays text with its zeros")
  check.equal(r.count, 12, "count")
  check.equal(math.type(r.count), "integer", "Lua type of count")
  check.equal(r.ratio, 0.5, "ratio")
  check.equal(ds:type("day"), "date", "day")
  check.equal(r.flag, true, "flag")
  check.equal(r.n, "3", "an integer as text")
end)

test("types turns a number's text into a string as written", function()
  local ds = data.read_json("fixtures/json_models.json", {types = {share = "string"}})
  check.equal(ds:row(1).share, "0.25", "share 1")
  check.equal(ds:row(4).share, "1", "share 4")
end)

test("a column of nulls is a string column, unless types gives its type", function()
  check.equal(data.read_json("fixtures/json_nulls.json"):type("a"), "string", "a without types")
  local ds = data.read_json("fixtures/json_nulls.json", {types = {a = "integer"}})
  check.equal(ds:type("a"), "integer", "a with types")
  check.equal(ds:row(2).a, nil, "a 2")
end)

test("a value types cannot convert names record and field", function()
  check.errors(function()
    data.read_json("fixtures/json_models.json", {types = {note = "date"}})
  end, "json_models.json: record 2 field 'note': expected a date (YYYY-MM-DD), got 'Qwen (通義千問)'",
    "note as date")
end)

test("path names the array by keys and 0-based indexes", function()
  local rows = data.read_json("fixtures/json_wrapped.json", {path = "results.0.rows"})
  check.equal(#rows, 2, "rows")
  check.equal(rows:row(2).value, 3755, "value 2")
  local same = data.read_json("fixtures/json_wrapped.json", {path = {"results", 0, "rows"}})
  check.equal(same:row(1).scope, "china", "path as a table")
  local empty = data.read_json("fixtures/json_wrapped.json", {path = "results.1.rows"})
  check.equal(#empty, 0, "an empty array is an empty dataset")
  check.equal(#empty:names(), 0, "with no columns")
end)

test("nested values are refused unless nested = \"json\" keeps their text", function()
  check.errors(function() data.read_json("fixtures/json_wrapped.json", {path = "data.items"}) end,
    "json_wrapped.json: record 1 field 'tags' holds an array; a field must hold a number, string,"
    .. " boolean or null (the option nested = \"json\" keeps it as JSON text)", "nested array")
  local ds = data.read_json("fixtures/json_wrapped.json", {path = "data.items", nested = "json"})
  check.equal(ds:row(1).tags, '["CAICT","2025"]', "tags 1")
  check.equal(ds:row(2).tags, "[]", "tags 2")
  check.equal(ds:row(1).detail, '{"listed":false}', "detail 1")
  check.equal(ds:row(2).detail, nil, "detail 2 is null")
end)

test("metadata options label the dataset and its columns", function()
  local ds = data.read_json("fixtures/json_models.json", {
    title = "Models", source = "fixture", columns = {share = {unit = "share of models"}}})
  check.equal(ds:meta().title, "Models", "title")
  check.equal(ds:meta().source, "fixture", "source")
  check.equal(ds:meta("share").unit, "share of models", "column unit")
end)

test("a UTF-8 byte order mark is skipped", function()
  local ds = data.read_json("fixtures/json_bom.json")
  check.equal(ds:names()[1], "地域", "first column name")
  check.equal(ds:row(1)["地域"], "中国", "value")
end)

check.done()
