-- Month and quarter columns: read from CSV (inferred, or by `types`),
-- JSON and SQLite (declared MONTH and QUARTER, or `types`); Lua sees
-- "YYYY-MM" and "YYYYQn" strings; sort, where, group_by, distinct, join
-- and append order and match them as the calendar does; a chart's time
-- axis puts each at its first day. Run with -p db=.../fixture.db, built
-- from fixtures/sql_fixture.sql.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"
local data = sumi.data
local here, message_of = check.here, check.message_of
local test = check.test

local db = assert(sumi.params.db, "run with -p db=PATH")

-- The whole message of an error raised on the line where here() was called
-- (the line where the failing call starts).
local function raises(where, message, expected, what)
  check.is_true(where:find("month_and_quarter_columns.lua:%d+: $"), "here() gives file:line")
  check.equal(message, where .. expected, what)
end

-- A column's values as text, nulls as "nil".
local function values(ds, name)
  local list, n = ds:column(name)
  local out = {}
  for i = 1, n do out[i] = tostring(list[i]) end
  return table.concat(out, " ")
end

local periods = data.read_csv("fixtures/periods.csv")

test("CSV: columns of YYYY-MM are months, of YYYYQn or YYYY-Qn quarters", function()
  check.equal(periods:type("month"), "month", "month")
  check.equal(periods:type("quarter"), "quarter", "YYYYQn")
  check.equal(periods:type("quarter_dash"), "quarter", "YYYY-Qn")
  check.equal(periods:type("day"), "date", "dates stay dates")
  check.equal(periods:type("mixed"), "string", "months, dates and quarters mixed are text")
  check.equal(periods:type("not_month"), "string", "2025-13 is no month: text")
  check.equal(values(periods, "month"), "2025-03 2024-12 nil 2025-04 2024-12", "months, a null")
  check.equal(values(periods, "quarter"), "2025Q1 2024Q4 nil 2025Q2 2024Q4", "quarters")
  check.equal(values(periods, "quarter_dash"), "2025Q1 2024Q4 nil 2025Q2 2024Q4", "written YYYYQn")
  check.equal(values(periods, "mixed"), "2025-03 2024-12-31 nil 2025Q2 2024-12", "text as written")
  check.equal(periods:row(1).month, "2025-03", "row")
  check.equal(periods:view("quarter")[4], "2025Q2", "view")
  check.equal(periods:view("month"):type(), "month", "view type")
end)

test("CSV: types reads a column as months or quarters, or keeps it text", function()
  local ds = data.read_csv("fixtures/periods.csv", {types = {mixed = "string", not_month = "string",
    month = "string", quarter = "quarter"}})
  check.equal(ds:type("month"), "string", "types = string")
  check.equal(ds:row(1).month, "2025-03", "as text")
  local forced = data.read_csv("fixtures/periods.csv", {types = {revenue = "string"}})
  check.equal(forced:type("month"), "month", "others inferred")
  local raw = data.read_csv("fixtures/periods.csv", {numbers = false})
  check.equal(raw:type("month"), "string", "numbers = false: no inference")
  local bad = data.read_csv("fixtures/periods_bad.csv")
  check.equal(bad:type("period"), "string", "2025-3 makes the column text")
  local none = data.read_csv("fixtures/periods.csv", {types = {month = "quarter", quarter = "month"},
    null = {"", "2025-03", "2024-12", "2025-04", "2025Q1", "2024Q4", "2025Q2"}})
  check.equal(none:type("month") .. " " .. none:type("quarter"), "quarter month", "nulls only keep the type")
end)

test("CSV: a value that is no month or quarter is an error naming line and field", function()
  local csv, file = data.read_csv, "fixtures/periods.csv"
  raises(here(), message_of(function() csv("fixtures/periods_bad.csv", {types = {period = "month"}}) end),
    "fixtures/periods_bad.csv:3: field 1 ('period'): expected a month (YYYY-MM), got '2025-3'", "month")
  raises(here(), message_of(function() csv(file, {types = {month = "quarter"}}) end),
    "fixtures/periods.csv:2: field 1 ('month'): expected a quarter (YYYYQn or YYYY-Qn), got '2025-03'",
    "quarter")
  raises(here(), message_of(function() csv(file, {types = {not_month = "month"}}) end),
    "fixtures/periods.csv:2: field 6 ('not_month'): expected a month (YYYY-MM), got '2025-13'", "month 13")
  raises(here(), message_of(function() csv(file, {types = {month = "period"}}) end),
    "data.read_csv: option 'types.month' must be one of integer, number, string, boolean, date, month, "
    .. "quarter; got string \"period\"", "type name")
end)

test("sort orders months and quarters by the calendar, nulls last", function()
  check.equal(values(periods:sort("month"), "month"), "2024-12 2024-12 2025-03 2025-04 nil", "ascending")
  check.equal(values(periods:sort("quarter", {descending = true}), "quarter"),
    "2025Q2 2025Q1 2024Q4 2024Q4 nil", "descending")
  check.equal(values(periods:sort({"month", {"day", "desc"}}), "day"),
    "2024-12-31 2024-12-01 2025-03-31 2025-04-30 nil", "two keys")
end)

test("where compares with a month or a quarter written as text", function()
  check.equal(#periods:where("month", "==", "2024-12"), 2, "==")
  check.equal(values(periods:where("month", ">=", "2025-01"), "month"), "2025-03 2025-04", ">=")
  check.equal(values(periods:where("quarter", "<", "2025Q1"), "quarter"), "2024Q4 2024Q4", "<")
  check.equal(#periods:where("quarter", "==", "2025-Q2"), 1, "YYYY-Qn")
  check.equal(#periods:where("month", "~=", "2024-12"), 2, "~=: a null never matches")
  raises(here(), message_of(function() periods:where("month", "==", "2025-3") end),
    "bad argument #3 to 'where' (month \"YYYY-MM\" expected)", "a bad month")
  raises(here(), message_of(function() periods:where("quarter", "==", "2025Q5") end),
    "bad argument #3 to 'where' (quarter \"YYYYQn\" expected)", "a bad quarter")
end)

test("group_by, distinct, min and max keep months and quarters", function()
  local by = periods:group_by("quarter", {{"revenue", "sum", "revenue"}, {"first", "min", "month"},
    {"last", "max", "month"}})
  check.equal(by:type("quarter"), "quarter", "key type")
  check.equal(values(by, "quarter"), "2025Q1 2024Q4 nil 2025Q2", "keys in order of appearance")
  check.equal(values(by, "revenue"), "120 155 80 130", "sums")
  check.equal(by:type("first"), "month", "min keeps the type")
  check.equal(values(by, "first"), "2025-03 2024-12 nil 2025-04", "min")
  local distinct = periods:distinct({"month"})
  check.equal(values(distinct, "month"), "2025-03 2024-12 nil 2025-04", "distinct")
  check.equal(distinct:type("month"), "month", "distinct type")
end)

test("join matches months with months; a month never matches a date", function()
  local known = periods:where("month", ">=", "0001-01")
  local targets = known:group_by("month", {{"target", "first", "revenue"}})
  local joined = known:select("month", "revenue"):join(targets, "month")
  check.equal(#joined, 4, "matched rows")
  check.equal(values(joined, "month"), "2025-03 2024-12 2025-04 2024-12", "months")
  check.equal(values(joined, "target"), "120 95 130 95", "targets")
  local ints = data.from_rows({{k = 1, x = "a"}, {k = 2, x = "b"}})
  local floats = data.from_rows({{k = 1.0, y = "c"}, {k = 2.5, y = "d"}})
  check.equal(values(ints:join(floats, "k"), "y"), "c", "keys of one type: an integer 1 finds a number 1.0")
  local as_dates = periods:select("day", "revenue"):rename{day = "month"}
  raises(here(), message_of(function() periods:join(as_dates, "month") end),
    "dataset:join: key 'month' holds month values in the first dataset and date in the second",
    "month and date")
end)

test("append joins month columns; a month column does not take dates", function()
  local both = periods:select("month"):append(periods:select("month"))
  check.equal(#both, 10, "rows")
  check.equal(both:type("month"), "month", "type")
  check.equal(both:column("month")[6], "2025-03", "value")
  local days = periods:select("day"):rename{day = "month"}
  raises(here(), message_of(function() periods:select("month"):append(days) end),
    "append: column 'month' holds month values in one dataset and date in the other", "append")
end)

test("months and quarters are not numbers", function()
  raises(here(), message_of(function() periods:calc("x", "month", "+", 1) end),
    "calc: column 'month' holds month values, not numbers", "calc")
  local m, w = message_of(function() sumi.stats.sum(periods:view("quarter")) end), here()
  check.equal(m:sub(1, #w), w, "stats: at the script's line")
  check.is_true(m:find("column of numbers expected, got a column of quarter values", 1, true), "stats")
  raises(here(), message_of(function() periods:group_by("month", {{"s", "sum", "quarter"}}) end),
    "aggregate 's': cannot sum column 'quarter' of quarter values", "sum of quarters")
end)

test("from_rows and from_columns keep such strings as strings", function()
  local ds = data.from_rows({{m = "2025-03"}, {m = "2025-04"}})
  check.equal(ds:type("m"), "string", "from_rows")
  check.equal(data.from_columns({"q"}, {q = {"2025Q1"}}):type("q"), "string", "from_columns")
  local back = data.from_rows(periods:select("month", "quarter"):rows(), {order = {"month", "quarter"}})
  check.equal(back:row(2).quarter, "2024Q4", "a dataset's rows go back in as text")
end)

test("JSON: types reads text as months and quarters", function()
  local ds = data.read_json("fixtures/json_periods.json", {types = {month = "month", quarter = "quarter"}})
  check.equal(ds:type("month") .. " " .. ds:type("quarter"), "month quarter", "types")
  check.equal(values(ds, "quarter"), "2025Q1 2024Q4 nil 1969Q4 0001Q1 9999Q4", "YYYY-Qn written YYYYQn")
  check.equal(values(ds, "month"), "2025-03 2024-12 nil 1969-12 0001-01 9999-12",
    "before 1970, years 1 and 9999")
  check.equal(values(ds:sort("month"), "value"), "2 1 95 120 3 80", "sorted by the calendar")
  check.equal(values(ds:sort("quarter", {descending = true}), "value"), "3 120 95 1 2 80", "descending")
  check.equal(data.read_json("fixtures/json_periods.json"):type("month"), "string", "JSON text stays text")
  local json = data.read_json
  raises(here(), message_of(function() json("fixtures/json_periods.json", {types = {value = "month"}}) end),
    "fixtures/json_periods.json: record 1 field 'value': expected a month (YYYY-MM), got 120", "json")
end)

test("SQLite: columns declared MONTH and QUARTER", function()
  local ds = data.query_sqlite(db, "SELECT * FROM periods ORDER BY id")
  check.equal(ds:type("month"), "month", "MONTH")
  check.equal(ds:type("quarter"), "quarter", "QUARTER")
  check.equal(ds:type("as_text"), "string", "TEXT stays text")
  check.equal(values(ds, "month"), "2025-03 2024-12 nil 2025-04", "months")
  check.equal(values(ds, "quarter"), "2025Q1 2024Q4 nil 2025Q2", "quarters, 2024-Q4 written 2024Q4")
  check.equal(values(ds:sort("month"), "id"), "2 1 4 3", "sorted")
  local typed = data.query_sqlite(db, "SELECT as_text FROM periods WHERE id IN (1, 4) ORDER BY id", nil,
    {types = {as_text = "month"}})
  check.equal(typed:type("as_text"), "month", "types on a text column")
  local empty = data.query_sqlite(db, "SELECT * FROM empty_periods")
  check.equal(empty:type("month") .. " " .. empty:type("quarter"), "month quarter",
    "no rows: the declaration")
  local text = data.query_sqlite(db, "SELECT month FROM bad_periods ORDER BY id", nil,
    {types = {month = "string"}})
  check.equal(values(text, "month"), "2025-03 2025-13", "types = string reads it as text")
end)

test("SQLite: a declared MONTH or QUARTER that is not one names the column, row and value", function()
  local q = data.query_sqlite
  local months = "SELECT month FROM bad_periods ORDER BY id"
  local quarters = "SELECT quarter FROM bad_periods ORDER BY id"
  raises(here(), message_of(function() q(db, months) end),
    db .. ": column 'month' row 2: expected a month (YYYY-MM), got '2025-13' (the column is declared "
    .. "MONTH; the option 'types' can read it otherwise)", "month")
  raises(here(), message_of(function() q(db, quarters) end),
    db .. ": column 'quarter' row 2: expected a quarter (YYYYQn), got '2025Q5' (the column is declared "
    .. "QUARTER; the option 'types' can read it otherwise)", "quarter")
  local text = "SELECT as_text FROM periods WHERE id = 2"
  raises(here(), message_of(function() q(db, text, nil, {types = {as_text = "month"}}) end),
    db .. ": column 'as_text' row 1: expected a month (YYYY-MM), got '2024Q4'", "types")
end)

-- The x positions of a line chart's points, and its ticks.
local function layout(ds, x)
  local c = chart.line(ds, {x = x, y = "revenue", source = false, markers = true})
  local texts = {}
  for _, b in ipairs(c:layout(sumi.canvas.pdf(nil), {x = 0, y = 0, width = 400, height = 240})) do
    texts[#texts + 1] = b.text
  end
  local lo, hi = c.scales.x:domain()
  return table.concat(texts, " "), lo, hi, c
end

test("a line chart puts a month or a quarter at its first day", function()
  local months = periods:group_by("month", {{"revenue", "first", "revenue"}}):where("month", ">=", "0001-01")
    :sort("month")
  local dates = data.from_columns({"day", "revenue"}, {day = {"2024-12-01", "2025-03-01", "2025-04-01"},
    revenue = months:column("revenue")})
  local month_text, lo, hi = layout(months, "month")
  local date_text, dlo, dhi = layout(dates, "day")
  check.equal(month_text, date_text, "the same axis as the first days as dates")
  check.equal(lo, dlo, "domain low")
  check.equal(hi, dhi, "domain high")
  check.equal(lo, sumi.date.days("2024-12"), "low: December's first day")
  local quarters = periods:group_by("quarter", {{"revenue", "first", "revenue"}})
    :where("quarter", ">=", "0001Q1"):sort("quarter")
  local _, qlo, qhi = layout(quarters, "quarter")
  check.equal(qlo, sumi.date.days("2024-10-01"), "2024Q4 at October 1st")
  check.equal(qhi, sumi.date.days("2025-04-01"), "2025Q2 at April 1st")
  local path = require "sumi.path"
  check.equal(select(2, path.extent(quarters:view("quarter"))), sumi.date.days("2025Q2"), "path reads days")
end)

check.done()
