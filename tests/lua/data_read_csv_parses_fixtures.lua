-- sumi.data.read_csv: RFC 4180 quoting, typed columns, options, and errors
-- that name the file, line and field.
local check = require "check"
local data = require "sumi.data"
local test = check.test

local ds = data.read_csv("fixtures/models.csv")
local rows = ds:rows()

test("read_csv returns a dataset whose columns are in file order", function()
  check.equal(tostring(ds), "dataset (3 rows, 7 columns)", "tostring")
  check.equal(table.concat(ds:names(), ","), "company,model,country,models,share,code,note", "names")
end)

test("every record is a row; blank lines are skipped", function()
  check.equal(#ds, 3, "rows")
end)

test("a quoted field keeps its comma", function()
  check.equal(rows[1].company, "Alibaba, Inc.", "company 1")
  check.equal(rows[3].note, "a, b", "note 3")
end)

test("a doubled quote inside quotes is one quote", function()
  check.equal(rows[2].model, 'DeepSeek-R1 "R1"', "model 2")
end)

test("a quoted field keeps its line break", function()
  check.equal(rows[3].model, "Kimi\n(long context)", "model 3")
end)

test("whole numbers make an integer column", function()
  check.equal(ds:type("models"), "integer", "type of models")
  check.equal(rows[1].models, 12, "models 1")
  check.equal(math.type(rows[1].models), "integer", "Lua type of models 1")
end)

test("decimals and exponents make a number column", function()
  check.equal(ds:type("share"), "number", "type of share")
  check.equal(rows[1].share, 0.25, "share 1")
  check.equal(math.type(rows[1].share), "float", "Lua type of share 1")
  check.equal(rows[3].share, 0.01, "share 3 (1e-2)")
end)

test("codes with leading zeros stay strings", function()
  check.equal(ds:type("code"), "string", "type of code")
  local codes = ds:column("code")
  check.equal(table.concat(codes, " "), "007 010 100", "codes")
end)

test("an empty field is nil", function()
  check.equal(rows[2].share, nil, "share 2")
  check.equal(rows[1].note, nil, "note 1")
  local notes, n = ds:column("note")
  check.equal(n, 3, "column length")
  check.equal(notes.n, 3, "column length in n")
end)

test("a column with any non-number is strings", function()
  local mixed = data.read_csv("fixtures/mixed.csv")
  check.equal(mixed:type("unicorns"), "string", "type")
  check.equal(mixed:row(1).unicorns, "71", "71 stays a string")
  check.equal(mixed:row(2).unicorns, "n/a", "n/a")
end)

test("numbers = false keeps every field a string", function()
  local raw = data.read_csv("fixtures/models.csv", {numbers = false})
  check.equal(raw:type("models"), "string", "type of models")
  check.equal(raw:row(1).models, "12", "models")
end)

test("delimiter reads other separators, and CRLF line ends", function()
  local r = data.read_csv("fixtures/semicolon.csv", {delimiter = ";"})
  check.equal(#r, 2, "rows")
  check.equal(r:row(2).region, "World", "region")
  check.equal(r:row(2).unicorns, 271, "unicorns")
end)

test("a byte order mark is skipped", function()
  check.equal(data.read_csv("fixtures/bom.csv"):names()[1], "name", "first column")
end)

test("booleans and dates are inferred; null and thousands are options", function()
  local t = data.read_csv("fixtures/csv_types.csv", {null = {"", "NA", "-"}, thousands = true})
  check.equal(t:type("count"), "integer", "type of count")
  check.equal(t:row(1).count, 3755, "3,755")
  check.equal(t:type("listed"), "boolean", "type of listed")
  check.equal(t:row(1).listed, true, "TRUE")
  check.equal(t:row(2).listed, false, "false")
  check.equal(t:type("day"), "date", "type of day")
  check.equal(t:row(2).day, "2025-07-27", "day 2")
  check.equal(t:row(1).note, nil, "NA is null")
  check.equal(t:row(2).note, nil, "- is null")
  -- without thousands, count is text, with a warning (data_read_csv_warns_about_grouped_numbers)
  local plain = data.read_csv("fixtures/csv_types.csv", {types = {count = "string"}})
  check.equal(plain:row(1).note, "NA", "NA without null")
end)

test("types forces a column's type", function()
  local t = data.read_csv("fixtures/csv_types.csv", {types = {code = "integer", share = "string"},
                                                     thousands = true})
  check.equal(t:row(1).code, 7, "007 forced to integer")
  check.equal(t:type("share"), "string", "type of share")
  check.equal(t:row(1).share, "0.402", "share as text")
  check.errors(function() data.read_csv("fixtures/csv_types.csv", {types = {count = "integer"}}) end,
               "fixtures/csv_types.csv:2: field 2 ('count'): expected an integer, got '3,755' " ..
               "(pass thousands = true", "3,755 without thousands")
  check.errors(function() data.read_csv("fixtures/csv_types.csv", {types = {region = "number"}}) end,
               "fixtures/csv_types.csv:2: field 1 ('region'): expected a number, got 'Tokyo'",
               "region as number")
end)

test("header = false names the columns column1, column2...", function()
  local t = data.read_csv("fixtures/mixed.csv", {header = false})
  check.equal(#t, 3, "rows")
  check.equal(t:row(1).column1, "region", "first field")
  check.equal(t:column("column2")[3], "n/a", "last field")
end)

test("encoding converts Shift_JIS; without it the error says which byte", function()
  local t = data.read_csv("fixtures/csv_sjis.csv", {encoding = "cp932"})
  check.equal(table.concat(t:names(), ","), "地域,件数", "names")
  check.equal(t:row(1)["地域"], "東京", "東京")
  check.equal(t:type("件数"), "integer", "type")
  check.errors(function() data.read_csv("fixtures/csv_sjis.csv") end,
               "fixtures/csv_sjis.csv:1: not valid UTF-8 (byte 0x92 at column 1, file offset 0); " ..
               "save the file as UTF-8 or pass encoding", "no encoding")
end)

test("metadata options describe the dataset and its columns", function()
  local t = data.read_csv("fixtures/semicolon.csv", {delimiter = ";", title = "AI unicorns",
    source = "CAICT", columns = {unicorns = {unit = "社"}}})
  check.equal(t:meta().title, "AI unicorns", "title")
  check.equal(t:meta().source, "CAICT", "source")
  check.equal(t:meta("unicorns").unit, "社", "unit")
end)

test("a row with more fields than the header names file and line", function()
  check.errors(function() data.read_csv("fixtures/ragged.csv") end,
               "fixtures/ragged.csv:3: 3 fields, but the header has 2", "ragged")
end)

test("an unclosed quote names file, line and field", function()
  check.errors(function() data.read_csv("fixtures/unclosed.csv") end,
               "fixtures/unclosed.csv:2: field 2 ('b'): quoted field never closed", "unclosed")
end)

test("a missing file names the file", function()
  check.errors(function() data.read_csv("fixtures/missing.csv") end,
               "cannot read 'fixtures/missing.csv'", "missing")
end)

test("options are checked", function()
  check.errors(function() data.read_csv("fixtures/models.csv", {delimiter = ";;"}) end,
               "data.read_csv: option 'delimiter' must be one character other than a quote or a " ..
               "line break; got string \";;\"", "two-character delimiter")
  check.errors(function() data.read_csv("fixtures/models.csv", {heading = true}) end,
               "data.read_csv: unknown option 'heading' (valid options: delimiter, header, types, " ..
               "null, numbers, thousands, encoding, title, source, unit, notes, columns)", "heading")
  check.errors(function() data.read_csv("fixtures/models.csv", {types = {model = "text"}}) end,
               "data.read_csv: option 'types.model' must be one of integer, number, string, boolean, " ..
               "date, month, quarter; got string \"text\"", "type name")
end)

check.done()
