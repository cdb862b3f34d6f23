-- sumi.data.read_csv: RFC 4180 quoting, numbers, options and errors that
-- name the file and line.
local check = require "check"
local data = require "sumi.data"
local test = check.test

local rows, columns = data.read_csv("fixtures/models.csv")

test("the header gives the columns, in file order", function()
  check.equal(table.concat(columns, ","), "company,model,country,models,share,code,note", "columns")
end)

test("every record is a row; blank lines are skipped", function()
  check.equal(#rows, 3, "rows")
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

test("whole numbers become integers", function()
  check.equal(rows[1].models, 12, "models 1")
  check.equal(math.type(rows[1].models), "integer", "type of models 1")
  check.equal(math.type(rows[3].code), "integer", "type of code 3")
  check.equal(rows[1].code, 7, "code 007")
end)

test("decimals and exponents become floats", function()
  check.equal(rows[1].share, 0.25, "share 1")
  check.equal(math.type(rows[1].share), "float", "type of share 1")
  check.equal(rows[3].share, 0.01, "share 3 (1e-2)")
end)

test("an empty field is nil", function()
  check.equal(rows[2].share, nil, "share 2")
  check.equal(rows[1].note, nil, "note 1")
end)

test("a column with any non-number stays strings", function()
  check.equal(rows[2].note, "open weights", "note 2")
  local mixed = data.read_csv("fixtures/mixed.csv")
  check.equal(mixed[1].unicorns, "71", "71 stays a string")
  check.equal(mixed[2].unicorns, "n/a", "n/a")
end)

test("numbers = false keeps every field a string", function()
  local raw = data.read_csv("fixtures/models.csv", {numbers = false})
  check.equal(raw[1].code, "007", "code keeps its zeros")
  check.equal(raw[1].models, "12", "models")
end)

test("delimiter reads other separators, and CRLF line ends", function()
  local r = data.read_csv("fixtures/semicolon.csv", {delimiter = ";"})
  check.equal(#r, 2, "rows")
  check.equal(r[2].region, "World", "region")
  check.equal(r[2].unicorns, 271, "unicorns")
end)

test("a byte order mark is skipped", function()
  local _, cols = data.read_csv("fixtures/bom.csv")
  check.equal(cols[1], "name", "first column")
end)

test("a row with more fields than the header names file and line", function()
  check.errors(function() data.read_csv("fixtures/ragged.csv") end,
               "fixtures/ragged.csv:3: 3 fields, but the header has 2", "ragged")
end)

test("an unclosed quote names file and line", function()
  check.errors(function() data.read_csv("fixtures/unclosed.csv") end,
               "fixtures/unclosed.csv:2: field 2: quoted field never closed", "unclosed")
end)

test("a missing file names the file", function()
  check.errors(function() data.read_csv("fixtures/missing.csv") end,
               "cannot read 'fixtures/missing.csv'", "missing")
end)

test("options are checked", function()
  check.errors(function() data.read_csv("fixtures/models.csv", {delimiter = ";;"}) end,
               "bad option 'delimiter'", "two-character delimiter")
  check.errors(function() data.read_csv("fixtures/models.csv", {header = true}) end,
               "unknown option 'header' to 'read_csv' (valid options: delimiter, numbers)", "header")
end)

check.done()
