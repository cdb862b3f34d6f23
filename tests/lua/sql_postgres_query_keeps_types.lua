-- sumi.data.query_postgres against the test cluster (tests/pg, fixture
-- "postgres"), which holds data/waic2025.sql and tests/pg/types.sql.
-- Run with -p conninfo=... -p host=... -p port=... by tests/pg/pg_test.sh.
local check = require "check"
local sumi = require "sumi"
local data = sumi.data
local test = check.test

local conninfo = assert(sumi.params.conninfo, "run with -p conninfo=...")
local host, port = sumi.params.host, sumi.params.port

local function query(sql, params, options)
  return data.query_postgres(conninfo, sql, params, options)
end

local samples = query("SELECT * FROM type_samples ORDER BY id")

test("integer types are integers, NULL is nil", function()
  for _, name in ipairs({"id", "small", "big"}) do
    check.equal(samples:type(name), "integer", "type of " .. name)
  end
  check.equal(samples:row(1).big, 700000000000, "bigint")
  check.equal(samples:row(2).big, math.mininteger, "smallest bigint")
  check.equal(samples:row(3).small, -32768, "smallint")
  check.equal(samples:row(2).small, nil, "NULL")
end)

test("float and numeric types are numbers", function()
  check.equal(samples:type("ratio"), "number", "double precision")
  check.equal(samples:type("real4"), "number", "real")
  check.equal(samples:type("amount"), "number", "numeric")
  check.equal(samples:row(1).ratio, 0.402, "0.402 exactly as written")
  check.equal(samples:row(3).ratio, 1e-300, "tiny")
  check.equal(samples:row(3).real4, -0.25, "real")
  check.equal(samples:row(1).amount, 12345678901234567890.0123456789, "numeric rounded to a double")
end)

test("numeric keeps its digits as text with types = string", function()
  local ds = query("SELECT amount FROM type_samples ORDER BY id", nil, {types = {amount = "string"}})
  check.equal(ds:row(1).amount, "12345678901234567890.0123456789", "all digits")
end)

test("boolean, date and text columns", function()
  check.equal(samples:type("flag"), "boolean", "boolean")
  check.equal(samples:row(2).flag, false, "false")
  check.equal(samples:row(3).flag, nil, "NULL")
  check.equal(samples:type("day"), "date", "date")
  check.equal(samples:row(1).day, "2025-07-26", "date value")
  check.equal(samples:row(3).day, "1970-01-01", "epoch")
  check.equal(samples:type("label"), "string", "text")
  check.equal(samples:row(1).label, "東京", "Japanese text")
  check.equal(samples:row(1).code, "007", "varchar keeps zeros")
  check.equal(samples:row(3).code, "", "empty string is not NULL")
end)

test("other types arrive as their text", function()
  check.equal(samples:type("stamp"), "string", "timestamp")
  check.equal(samples:row(1).stamp, "2025-07-26 09:30:00", "ISO timestamp")
  check.equal(samples:row(1).tags, "{a,b}", "array literal")
end)

test("an empty result keeps the column types", function()
  local ds = query("SELECT id, ratio, flag, day, label FROM type_samples WHERE false")
  check.equal(#ds, 0, "rows")
  check.equal(ds:type("id"), "integer", "id")
  check.equal(ds:type("ratio"), "number", "ratio")
  check.equal(ds:type("flag"), "boolean", "flag")
  check.equal(ds:type("day"), "date", "day")
end)

test("the WAIC figures, selected with bound parameters", function()
  local ds = query([[SELECT metric, value FROM figures
                     WHERE scope = $1 AND value > $2 AND unit = $3 ORDER BY position]],
    {"china", 100, "companies"})
  check.equal(#ds, 2, "rows")
  check.equal(ds:row(1).metric, "ai_companies", "metric 1")
  check.equal(ds:row(1).value, 5100, "value 1")
  check.equal(ds:row(2).value, 300, "value 2")
end)

test("parameters of every kind, written without the locale", function()
  local ds = query("SELECT $1::int AS i, $2::float8 AS f, $3::bool AS b, $4::text AS n, $5::date AS d",
    {n = 5, 42, 0.1, true, nil, "2025-07-26"})
  local r = ds:row(1)
  check.equal(r.i, 42, "integer")
  check.equal(r.f, 0.1, "float round trip")
  check.equal(r.b, true, "boolean")
  check.equal(r.n, nil, "nil is NULL")
  check.equal(r.d, "2025-07-26", "date")
end)

test("a parameter never becomes SQL", function()
  local ds = query("SELECT count(*) AS n FROM figures WHERE metric = $1", {"x' OR '1'='1"})
  check.equal(ds:row(1).n, 0, "quote is data")
end)

test("China's share of models is computed from the table", function()
  local ds = query([[SELECT c.value AS china, w.value AS world FROM figures c
                     JOIN figures w ON w.metric = c.metric AND w.scope = 'world'
                     WHERE c.scope = 'china' AND c.metric = $1]], {"large_ai_models"})
  check.equal(("%.1f%%"):format(100 * ds:row(1).china / ds:row(1).world), "40.2%", "share")
end)

test("an SQL error gives the server's message, SQLSTATE and position", function()
  check.errors(function() query("SELECT * FROM nosuch") end,
    "PostgreSQL database 'sumi_test': SQL error 42P01: relation \"nosuch\" does not exist "
    .. "(at character 15 of the query)", "missing table")
  check.errors(function() query("SELEC 1") end, "SQL error 42601: syntax error at or near \"SELEC\"",
    "syntax")
  check.errors(function() query("SELECT 1; SELECT 2") end,
    "cannot insert multiple commands into a prepared statement", "two statements")
  check.errors(function() query("SELECT $1::int, $2::int", {1}) end,
    "bind message supplies 1 parameters, but prepared statement \"\" requires 2", "parameter count")
end)

test("queries only read", function()
  check.errors(function() query("CREATE TABLE t (a int)") end,
    "SQL error 25006: cannot execute CREATE TABLE in a read-only transaction", "create")
  check.errors(function() query("DELETE FROM figures") end, "read-only transaction", "delete")
  check.equal(query("SELECT count(*) AS n FROM figures"):row(1).n, 12, "figures still there")
end)

test("values a dataset cannot hold name the column and row", function()
  local function odd(what) return function() query("SELECT * FROM odd_values WHERE what = $1", {what}) end end
  check.errors(odd("nan"), "column 'num' row 1: NaN is not a finite number", "NaN")
  check.errors(odd("infinity"), "column 'num' row 1: Infinity is not a finite number", "Infinity")
  check.errors(odd("day_infinity"), "column 'day' row 1: date 'infinity' is outside the years", "date")
  check.errors(odd("day_bc"), "column 'day' row 1: date '0044-03-15 BC'", "BC")
  check.errors(odd("dec_nan"), "column 'dec' row 1: NaN is not a finite number", "numeric NaN")
end)

test("a wrong password fails without showing it", function()
  local message = check.errors(function()
    data.query_postgres(("host=%s port=%s dbname=sumi_test user=sumi_secret password=wrong-secret-123")
      :format(host, port), "SELECT 1")
  end, "PostgreSQL connection failed: connection to server at \"" .. host .. "\", port " .. port
    .. " failed: FATAL:  password authentication failed for user \"sumi_secret\"", "wrong password")
  check.equal(message:find("wrong-secret-123", 1, true), nil, "password in the message")
  local uri = ("postgresql://sumi_secret:wrong-secret-123@%s:%s/sumi_test"):format(host, port)
  message = check.errors(function() data.query_postgres(uri, "SELECT 1") end,
    "password authentication failed", "URI")
  check.equal(message:find("wrong-secret-123", 1, true), nil, "password from a URI in the message")
end)

test("the right password connects", function()
  local ds = data.query_postgres(
    ("host=%s port=%s dbname=sumi_test user=sumi_secret password=right-password-4711"):format(host, port),
    "SELECT count(*) AS n FROM players")
  check.equal(ds:row(1).n, 10, "players")
end)

test("an unreadable connection string does not echo it", function()
  local message = check.errors(function() data.query_postgres("host=x password", "SELECT 1") end,
    "PostgreSQL connection failed: the connection string cannot be read", "bad conninfo")
  check.equal(message:find("password", 1, true), nil, "the string in the message")
end)

check.done()
