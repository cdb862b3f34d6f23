-- sumi.data.query_postgres and month and quarter columns: PostgreSQL has
-- no such types, so a query gives them as text (to_char) or as the date of
-- their first day (date_trunc), and `types` reads either as months and
-- quarters. Run against the test cluster (tests/pg, fixture "postgres")
-- with -p conninfo=... by tests/pg/pg_test.sh.
local check = require "check"
local sumi = require "sumi"
local here, message_of = check.here, check.message_of
local test = check.test

local conninfo = assert(sumi.params.conninfo, "run with -p conninfo=...")
local q = sumi.data.query_postgres

-- Three rows, one of them NULL: as text, as the first days, as the dates.
local sql = [[
  SELECT to_char(d, 'YYYY-MM') AS month, to_char(d, 'YYYY"Q"Q') AS quarter,
         date_trunc('month', d)::date AS month_start, date_trunc('quarter', d)::date AS quarter_start,
         d AS day, v
  FROM (VALUES (DATE '2025-03-31', 120), (DATE '2024-12-15', 95), (NULL, 80)) AS t(d, v)]]
local types = {month = "month", quarter = "quarter", month_start = "month", quarter_start = "quarter"}

local function values(ds, name)
  local list, n = ds:column(name)
  local out = {}
  for i = 1, n do out[i] = tostring(list[i]) end
  return table.concat(out, " ")
end

test("text of months and quarters becomes month and quarter columns", function()
  local ds = q(conninfo, sql, nil, {types = types})
  check.equal(ds:type("month") .. " " .. ds:type("quarter"), "month quarter", "types")
  check.equal(values(ds, "month"), "2025-03 2024-12 nil", "months")
  check.equal(values(ds, "quarter"), "2025Q1 2024Q4 nil", "quarters")
  check.equal(values(ds:sort("month"), "v"), "95 120 80", "sorted by the calendar, the null last")
end)

test("a date on a month's or a quarter's first day reads as that month or quarter", function()
  local ds = q(conninfo, sql, nil, {types = types})
  check.equal(ds:type("month_start") .. " " .. ds:type("quarter_start"), "month quarter", "types")
  check.equal(values(ds, "month_start"), "2025-03 2024-12 nil", "date_trunc('month')")
  check.equal(values(ds, "quarter_start"), "2025Q1 2024Q4 nil", "date_trunc('quarter')")
  check.equal(ds:type("day"), "date", "other dates stay dates")
  local plain = q(conninfo, sql)
  check.equal(plain:type("month") .. " " .. plain:type("month_start"), "string date", "without types")
end)

test("an empty result keeps the types asked for", function()
  local ds = q(conninfo, sql .. " WHERE false", nil, {types = types})
  check.equal(#ds, 0, "rows")
  check.equal(ds:type("month") .. " " .. ds:type("quarter_start"), "month quarter", "types")
end)

test("a value that is no month or quarter names the column, row and value", function()
  local m, w = message_of(function() q(conninfo, sql, nil, {types = {day = "month"}}) end), here()
  check.equal(m, w .. "PostgreSQL database 'sumi_test': column 'day' row 1: expected a month (YYYY-MM), "
    .. "got 2025-03-31", "a date that is not a first day")
  m, w = message_of(function() q(conninfo, sql, nil, {types = {month = "quarter"}}) end), here()
  check.equal(m, w .. "PostgreSQL database 'sumi_test': column 'month' row 1: expected a quarter (YYYYQn), "
    .. "got '2025-03'", "a month as a quarter")
  m, w = message_of(function() q(conninfo, sql, nil, {types = {month_start = "quarter"}}) end), here()
  check.equal(m, w .. "PostgreSQL database 'sumi_test': column 'month_start' row 1: expected a quarter "
    .. "(YYYYQn), got 2025-03-01", "March 1st is no quarter's first day")
end)

check.done()
