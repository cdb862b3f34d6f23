-- sumi.data.query_sqlite errors: the database file, the SQL error, the
-- column and row of a value a dataset cannot hold; the database is only
-- read. Run with -p db=.../fixture.db.
local check = require "check"
local sumi = require "sumi"
local data = sumi.data
local test = check.test

local db = assert(sumi.params.db, "run with -p db=PATH")
local name = db:match("[^/]+$")

local function query(sql, params, options)
  return function() data.query_sqlite(db, sql, params, options) end
end

test("a syntax error names the database and the place in the query", function()
  check.errors(query("SELECT company FROMM models"),
    name .. ": SQL error: near \"models\": syntax error (at character 22 of the query)", "syntax")
end)

test("a missing table is an SQL error", function()
  check.errors(query("SELECT * FROM nosuch"), name .. ": SQL error: no such table: nosuch", "table")
end)

test("the message carries the script line", function()
  local message = check.errors(query("SELECT * FROM nosuch"), "no such table", "table")
  check.is_true(message:find("sql_sqlite_errors_are_clear.lua:%d+: ") ~= nil, "position in " .. message)
end)

test("a missing database is an error and is not created", function()
  check.errors(function() data.query_sqlite("no_such.db", "SELECT 1") end,
    "cannot open database 'no_such.db': No such file or directory", "missing")
  check.errors(function() data.query_sqlite("no_such.db", "SELECT 1") end,
    "No such file or directory", "still missing: the first call created nothing")
end)

test("a file that is not a database says so", function()
  check.errors(function() data.query_sqlite("check.lua", "SELECT * FROM models") end,
    "check.lua: SQL error: file is not a database", "not a database")
end)

test("one statement per call", function()
  check.errors(query("SELECT 1; SELECT 2"),
    name .. ": one SQL statement per query, but more follows at character 11", "two")
  check.errors(query("  "), name .. ": the query holds no SQL statement", "none")
end)

test("a statement that writes is refused", function()
  check.errors(query("DELETE FROM models"), name .. ": the query would change the database", "delete")
  check.errors(query("CREATE TABLE t (a)"), "the query would change the database", "create")
  check.errors(query("ATTACH 'other.db' AS other"), "too many attached databases - max 0", "attach")
  local after = data.query_sqlite(db, "SELECT count(*) AS n FROM models")
  check.equal(after:row(1).n, 4, "rows still there")
end)

test("the parameter count must match", function()
  check.errors(query("SELECT * FROM models WHERE id = ?"),
    name .. ": the query has 1 parameter, but no values were given", "none given")
  check.errors(query("SELECT * FROM models WHERE id = ?", {1, 2}),
    name .. ": the query has 1 parameter, but 2 values were given", "too many")
  check.errors(query("SELECT * FROM models WHERE id = ? AND share > ?", {1}),
    name .. ": the query has 2 parameters, but 1 value was given", "too few")
end)

test("named parameters must all be given and all be used", function()
  check.errors(query("SELECT * FROM models WHERE id = :id", {}),
    name .. ": no value given for parameter :id", "empty table")
  check.errors(query("SELECT * FROM models WHERE id = :id", {idd = 1}),
    name .. ": no value given for parameter :id", "missing name")
  check.errors(query("SELECT * FROM models WHERE id = :id", {id = 1, extra = 2}),
    name .. ": params names 'extra', which the query does not use", "unused name")
  check.errors(query("SELECT * FROM models WHERE id = :id", {1}),
    name .. ": the query names its parameters (:id): give params as a table of names", "array for names")
  check.errors(query("SELECT * FROM models WHERE id = ?", {id = 1}),
    name .. ": params has names, but the query's parameters are '?': give an array", "names for ?")
  check.errors(query("SELECT * FROM models WHERE id = ? OR id = :id", {id = 1}),
    name .. ": the query mixes ? and named parameters (:id): use one kind", "mixed kinds")
end)

test("a parameter must be a value SQLite holds", function()
  check.errors(query("SELECT ?", {{}}), name .. ": parameter 1 is a table", "table")
  check.errors(query("SELECT ?", {0 / 0}), name .. ": parameter 1 is nan", "nan")
end)

test("a column mixing integers and text names the column and rows", function()
  check.errors(query("SELECT mixed FROM odd ORDER BY id"),
    name .. ": column 'mixed': row 2 holds a string where row 1 holds an integer", "mixed")
end)

test("a blob is refused with what to do", function()
  check.errors(query("SELECT bytes FROM odd ORDER BY id"),
    name .. ": column 'bytes' row 1 holds a blob, which a dataset cannot hold (select hex(bytes)", "blob")
  local ds = data.query_sqlite(db, "SELECT hex(bytes) AS bytes FROM odd ORDER BY id")
  check.equal(ds:row(1).bytes, "00FF", "hex")
end)

test("an infinite number is refused", function()
  check.errors(query("SELECT big FROM odd ORDER BY id"),
    name .. ": column 'big' row 2: the number is infinite", "infinity")
end)

test("a declared DATE that is not a date names the column, row and value", function()
  check.errors(query("SELECT day FROM odd ORDER BY id"),
    name .. ": column 'day' row 1: expected a date (YYYY-MM-DD), got '2025-07' (the column is declared "
    .. "DATE; the option 'types' can read it otherwise)", "day")
  local ds = data.query_sqlite(db, "SELECT day FROM odd ORDER BY id", nil, {types = {day = "string"}})
  check.equal(ds:row(1).day, "2025-07", "types = string")
end)

test("a declared BOOLEAN holding 2 is an error", function()
  check.errors(query("SELECT flag FROM odd ORDER BY id"),
    name .. ": column 'flag' row 2: expected true or false, got 2", "flag")
end)

test("duplicate column names are refused", function()
  check.errors(query("SELECT id, id FROM models"),
    name .. ": the result has two columns named 'id' (rename one with AS)", "duplicate")
end)

test("options are checked", function()
  check.errors(query("SELECT 1 AS a", nil, {typos = {}}), "unknown option 'typos'", "unknown key")
  check.errors(query("SELECT 1 AS a", nil, {types = {b = "string"}}),
    "data.query_sqlite: option 'types' names no column 'b' in " .. db .. "; its columns: a",
    "types names no column")
  check.errors(function() data.query_sqlite(db, "SELECT 1", "x") end, "bad argument #3", "params type")
end)

check.done()
