-- sumi.data.query_sqlite: result values keep their SQLite types, declared
-- DATE and BOOLEAN columns become dates and booleans, parameters are bound
-- (positional and named), and `types` converts a column.
-- Run with -p db=.../fixture.db, built from fixtures/sql_fixture.sql.
local check = require "check"
local sumi = require "sumi"
local data = sumi.data
local test = check.test

local db = assert(sumi.params.db, "run with -p db=PATH")
local models = data.query_sqlite(db, "SELECT * FROM models ORDER BY id")

test("the result's columns and rows become the dataset's", function()
  check.equal(table.concat(models:names(), ","),
    "id,company,model,params_b,share,open,released,code,score", "columns")
  check.equal(#models, 4, "rows")
end)

test("integers stay integers, with NULLs as nil", function()
  check.equal(models:type("params_b"), "integer", "type of params_b")
  check.equal(models:row(1).params_b, 671, "params_b 1")
  check.equal(math.type(models:row(1).params_b), "integer", "Lua type")
  check.equal(models:row(2).params_b, nil, "params_b 2 is NULL")
end)

test("REAL values are numbers; an integer stored in a REAL column too", function()
  check.equal(models:type("share"), "number", "type of share")
  check.equal(models:row(4).share, 1.0, "share 4")
  check.equal(models:row(3).share, nil, "share 3 is NULL")
end)

test("a declared BOOLEAN column holding 0 and 1 is boolean", function()
  check.equal(models:type("open"), "boolean", "type of open")
  check.equal(models:row(1).open, true, "open 1")
  check.equal(models:row(3).open, false, "open 3")
  check.equal(models:row(4).open, nil, "open 4")
end)

test("a declared DATE column holding YYYY-MM-DD is a date column", function()
  check.equal(models:type("released"), "date", "type of released")
  check.equal(models:row(1).released, "2025-01-20", "released 1")
end)

test("a declared TEXT column keeps digits as text", function()
  check.equal(models:type("code"), "string", "type of code")
  check.equal(models:row(1).code, "007", "code 1")
  check.equal(models:row(2).model, "Qwen (通義千問)", "Japanese text")
end)

test("an undeclared column follows its values: integers and reals make numbers", function()
  check.equal(models:type("score"), "number", "type of score")
  check.equal(models:row(2).score, 2.5, "score 2")
end)

test("positional parameters bind to ?", function()
  local ds = data.query_sqlite(db, "SELECT company FROM models WHERE params_b > ? AND share < ?",
    {200, 0.3})
  check.equal(#ds, 1, "rows")
  check.equal(ds:row(1).company, "DeepSeek", "company")
end)

test("named parameters bind to :name, @name and $name", function()
  local ds = data.query_sqlite(db,
    "SELECT id FROM models WHERE company = :company OR model = @model OR id = $id ORDER BY id",
    {company = "Tencent", model = "Kimi", id = 1})
  check.equal(#ds, 3, "rows")
  check.equal(ds:row(3).id, 4, "id 3")
end)

test("a parameter may be called :n", function()
  local ds = data.query_sqlite(db, "SELECT company FROM models WHERE id = :n", {n = 2})
  check.equal(ds:row(1).company, "Alibaba", "company")
end)

test("strings, booleans and nil bind as text, 0/1 and NULL", function()
  local ds = data.query_sqlite(db, "SELECT ? AS s, ? AS b, ? IS NULL AS is_null, ? AS n",
    {n = 4, "東京", true, nil, 3})
  local r = ds:row(1)
  check.equal(r.s, "東京", "string")
  check.equal(r.b, 1, "true binds as 1")
  check.equal(r.is_null, 1, "nil binds as NULL")
  check.equal(r.n, 3, "integer")
end)

test("a parameter never becomes SQL", function()
  local ds = data.query_sqlite(db, "SELECT count(*) AS n FROM models WHERE company = ?",
    {"x' OR '1'='1"})
  check.equal(ds:row(1).n, 0, "the quote is data")
end)

test("types converts a column", function()
  local ds = data.query_sqlite(db, "SELECT code, released, share FROM models ORDER BY id", nil,
    {types = {code = "integer", released = "string", share = "string"}})
  check.equal(ds:row(1).code, 7, "code as integer")
  check.equal(ds:type("released"), "string", "released as string")
  check.equal(ds:row(1).released, "2025-01-20", "released text")
  check.equal(ds:row(2).share, "0.5", "share as text")
end)

test("types makes a mixed column one type", function()
  local ds = data.query_sqlite(db, "SELECT mixed FROM odd ORDER BY id", nil, {types = {mixed = "string"}})
  check.equal(ds:row(1).mixed, "1509", "1509 as text")
  check.equal(ds:row(2).mixed, "n/a", "n/a")
end)

test("an empty result keeps the columns and their declared types", function()
  local ds = data.query_sqlite(db, "SELECT * FROM empty_table")
  check.equal(#ds, 0, "rows")
  check.equal(ds:type("n"), "integer", "INTEGER")
  check.equal(ds:type("x"), "number", "REAL")
  check.equal(ds:type("t"), "string", "TEXT")
  check.equal(ds:type("d"), "date", "DATE")
  check.equal(ds:type("b"), "boolean", "BOOLEAN")
  check.equal(ds:type("any_value"), "string", "no declared type")
end)

test("metadata options label the dataset", function()
  local ds = data.query_sqlite(db, "SELECT company, share FROM models", nil,
    {title = "Models", source = "fixture", columns = {share = {unit = "share"}}})
  check.equal(ds:meta().title, "Models", "title")
  check.equal(ds:meta("share").unit, "share", "column unit")
end)

test("a trailing semicolon and comment are one statement", function()
  local ds = data.query_sqlite(db, "SELECT 1 AS one; -- the end\n")
  check.equal(ds:row(1).one, 1, "one")
end)

check.done()
