-- Dates, months and quarters for report text: what a briefing counts in
-- (fiscal years, quarters, months since a launch) and how it names them
-- (2025年度第1四半期, FY2025 Q1, 令和7年).
--
--   local date = require "sumi.date"
--   date.add_months("2025-01-31", 1)             --> "2025-02-28"
--   date.fiscal_quarter_label("2025-06-30")      --> "2025年度第1四半期"
--   date.era("2019-05-01")                       --> "令和元年"
--
-- The values are plain strings, the ones a dataset's date, month and
-- quarter columns give: a date "YYYY-MM-DD", a month "YYYY-MM", a quarter
-- "YYYYQn" ("YYYY-Qn" is read too; results are always written "YYYYQn").
-- Strings, not objects: a cell goes into any function as it comes out of a
-- dataset, a value goes back into data.from_rows, a template or a chart
-- as it is, and == and < between two values of one kind compare them as
-- the calendar does (the years are four digits, 0001 to 9999), so a
-- script compares with "2025-03-31" written by hand and sorts with
-- table.sort. A function given a value that is not of its kinds, or that
-- does not exist ("2025-02-30", "2025-13", "2025Q5"), raises an error at
-- the script's line naming the value.
local calendar = require "sumi.internal.calendar"
local errors = require "sumi.internal.errors"
local locale = require "sumi.locale"
local options = require "sumi.internal.options"

local date = {}

local parse, civil, days_of = calendar.parse, calendar.civil_from_days, calendar.days_from_civil
local first_year, last_year = calendar.first_year, calendar.last_year

-- ---- checking values

local function fail(fn, what, value)
  errors.raise("date.%s: %s; got %s", fn, what, errors.show(value))
end

local shapes = {date = 'a date "YYYY-MM-DD"', month = 'a month "YYYY-MM"', quarter = 'a quarter "YYYYQn"'}
local ANY = {date = true, month = true, quarter = true}
local DATE = {date = true}
local DATE_MONTH = {date = true, month = true}

-- "a date "YYYY-MM-DD" or a month "YYYY-MM"": what kinds allows.
local function describe(kinds)
  local list = {}
  for _, k in ipairs({"date", "month", "quarter"}) do
    if kinds[k] then list[#list + 1] = shapes[k] end
  end
  if #list == 1 then return list[1] end
  return table.concat(list, ", ", 1, #list - 1) .. " or " .. list[#list]
end

-- The kind and parts of value, which must be of one of kinds (the error
-- names function fn; hint says what to use instead for a kind refused).
local function read(value, fn, kinds, hint)
  local kind, y, a, b = parse(value)
  if not kind then
    if y then fail(fn, ("no such %s (%s)"):format(y, a), value) end
    fail(fn, "the value must be " .. describe(kinds), value)
  end
  if not kinds[kind] then
    fail(fn, "the value must be " .. describe(kinds) .. (hint and " (" .. hint .. ")" or ""), value)
  end
  return kind, y, a, b
end

-- n as an integer: a whole number (12.0 is 12), else an error naming what.
local function whole(n, fn, what)
  local i = math.type(n) == "integer" and n or (type(n) == "number" and math.tointeger(n))
  if not i then fail(fn, what .. " must be a whole number", n) end
  return i
end

-- An integer in [lo, hi] for a constructor's argument.
local function in_range(n, fn, what, lo, hi, note)
  local i = math.type(n) == "integer" and n or (type(n) == "number" and math.tointeger(n))
  if not i or i < lo or i > hi then
    fail(fn, ("%s must be an integer in [%d, %d]%s"):format(what, lo, hi, note or ""), n)
  end
  return i
end

-- ---- writing values

local function date_text(y, m, d) return ("%04d-%02d-%02d"):format(math.tointeger(y), m, d) end
local function month_text(y, m) return ("%04d-%02d"):format(y, m) end
local function quarter_text(y, q) return ("%04dQ%d"):format(y, q) end

-- A result must stay in the years 0001 to 9999; `how` says what was asked.
local function in_years(y, fn, how, n)
  if y < first_year or y > last_year then
    fail(fn, ("the result is outside the years 1 to 9999 (%s)"):format(how), n)
  end
end

-- Months are counted as year * 12 + (month - 1), quarters as year * 4 +
-- (quarter - 1): adding is adding to the count.
local function from_month_index(i) return i // 12, i % 12 + 1 end
local function from_quarter_index(i) return i // 4, i % 4 + 1 end

-- 0001-01-01 and 9999-12-31 in days since 1970.
local first_days, last_days = days_of(first_year, 1, 1), days_of(last_year, 12, 31)

local function date_of_days(days, fn, how, n)
  if days < first_days or days > last_days then in_years(days < first_days and 0 or 10000, fn, how, n) end
  return date_text(civil(days))
end

-- ---- making and reading values

--- date.parse(value) -> the value written canonically, and its kind
--- ("date", "month" or "quarter"): date.parse("2025-Q1") -> "2025Q1", "quarter".
function date.parse(value)
  local kind, y, a, b = read(value, "parse", ANY)
  if kind == "date" then return date_text(y, a, b), kind end
  if kind == "month" then return month_text(y, a), kind end
  return quarter_text(y, a), kind
end

--- date.kind(value) -> "date", "month", "quarter", or nil for anything
--- else (another string, a date that does not exist, a number): a test
--- that never raises.
function date.kind(value)
  return (parse(value))
end

--- date.date(year, month, day) -> "YYYY-MM-DD"
function date.date(year, month, day)
  local y = in_range(year, "date", "the year", first_year, last_year)
  local m = in_range(month, "date", "the month", 1, 12)
  local last = calendar.days_in_month(y, m)
  local d = in_range(day, "date", "the day", 1, last, (" (%s has %d days)"):format(month_text(y, m), last))
  return date_text(y, m, d)
end

--- date.month(year, month) -> "YYYY-MM"; date.month(value) -> the month
--- of a date (or the month itself).
function date.month(year, month)
  if type(year) == "string" then
    local _, y, m = read(year, "month", DATE_MONTH,
      "a quarter holds three months; date.first_day gives its first")
    return month_text(y, m)
  end
  local y = in_range(year, "month", "the year", first_year, last_year)
  return month_text(y, in_range(month, "month", "the month", 1, 12))
end

--- date.quarter(year, quarter) -> "YYYYQn"; date.quarter(value) -> the
--- quarter of a date or a month (or the quarter itself).
function date.quarter(year, quarter)
  if type(year) == "string" then
    local kind, y, a = read(year, "quarter", ANY)
    return quarter_text(y, kind == "quarter" and a or (a - 1) // 3 + 1)
  end
  local y = in_range(year, "quarter", "the year", first_year, last_year)
  return quarter_text(y, in_range(quarter, "quarter", "the quarter", 1, 4))
end

--- date.parts(value) -> year, month, day (a date); year, month (a month);
--- year, quarter (a quarter): integers.
function date.parts(value)
  local kind, y, a, b = read(value, "parts", ANY)
  if kind == "date" then return y, a, b end
  return y, a
end

--- date.days(value) -> days since 1970-01-01 (a month's or a quarter's
--- first day): what sumi.scale.time places.
function date.days(value)
  local kind, y, a, b = read(value, "days", ANY)
  if kind == "date" then return days_of(y, a, b) end
  if kind == "month" then return days_of(y, a, 1) end
  return days_of(y, (a - 1) * 3 + 1, 1)
end

--- date.from_days(days) -> the date days after 1970-01-01.
function date.from_days(days)
  local n = whole(days, "from_days", "the day count")
  return date_of_days(n, "from_days", ("%d days from 1970-01-01"):format(n), days)
end

--- date.from_epoch(seconds) -> the UTC date of a moment given in seconds
--- since 1970 (what sumi.epoch() gives): date.from_epoch(1753488000) -> "2025-07-26".
function date.from_epoch(seconds)
  if type(seconds) ~= "number" or seconds ~= seconds or seconds == math.huge or seconds == -math.huge then
    fail("from_epoch", "the time must be a finite number of seconds", seconds)
  end
  return date_of_days(seconds // 86400, "from_epoch", ("%s seconds"):format(tostring(seconds)), seconds)
end

-- ---- adding

--- date.add_days(d, n) -> the date n days after d (before, for n < 0).
function date.add_days(value, n)
  local _, y, m, d = read(value, "add_days", DATE, "date.add_months adds to a month")
  local k = whole(n, "add_days", "the number of days")
  return date_of_days(days_of(y, m, d) + k, "add_days", ("%s plus %d days"):format(value, k), n)
end

-- A date or month (kind, y, m, d) k months later, checked for function fn;
-- n is the count the script gave (for the message).
local function shift_months(kind, y, m, d, k, fn, how, n)
  if math.abs(k) > 12 * last_year then in_years(y + k // 12, fn, how, n) end
  local ny, nm, nd = calendar.add_months(y, m, d or 1, k)
  in_years(ny, fn, how, n)
  if kind == "month" then return month_text(ny, nm) end
  return date_text(ny, nm, nd)
end

--- date.add_months(value, n) -> a date or a month n months later. A day
--- past the end of the month it lands in becomes that month's last day:
--- "2025-01-31" plus one month is "2025-02-28", plus two "2025-03-31".
function date.add_months(value, n)
  local kind, y, m, d = read(value, "add_months", DATE_MONTH, "date.add_quarters adds to a quarter")
  local k = whole(n, "add_months", "the number of months")
  return shift_months(kind, y, m, d, k, "add_months", ("%s plus %d months"):format(value, k), n)
end

--- date.add_quarters(value, n) -> a date, month or quarter n quarters
--- (3n months) later.
function date.add_quarters(value, n)
  local kind, y, a, d = read(value, "add_quarters", ANY)
  local k = whole(n, "add_quarters", "the number of quarters")
  local how = ("%s plus %d quarters"):format(value, k)
  if kind ~= "quarter" then
    if math.abs(k) > 4 * last_year then in_years(y + k // 4, "add_quarters", how, n) end
    return shift_months(kind, y, a, d, k * 3, "add_quarters", how, n)
  end
  if math.abs(k) > 4 * last_year then in_years(y + k // 4, "add_quarters", how, n) end
  local ny, nq = from_quarter_index(y * 4 + a - 1 + k)
  in_years(ny, "add_quarters", how, n)
  return quarter_text(ny, nq)
end

--- date.add_years(value, n) -> a date, month or quarter n years later:
--- "2024-02-29" plus one year is "2025-02-28".
function date.add_years(value, n)
  local kind, y, a, d = read(value, "add_years", ANY)
  local k = whole(n, "add_years", "the number of years")
  local how = ("%s plus %d years"):format(value, k)
  in_years(y + k, "add_years", how, n)
  if kind == "quarter" then return quarter_text(y + k, a) end
  return shift_months(kind, y, a, d, k * 12, "add_years", how, n)
end

-- ---- differences

--- date.days_between(a, b) -> the days from date a to date b (negative
--- when b is before a): date.days_between("2025-01-01", "2025-03-31") -> 89.
function date.days_between(a, b)
  local _, ya, ma, da = read(a, "days_between", DATE)
  local _, yb, mb, db = read(b, "days_between", DATE)
  return days_of(yb, mb, db) - days_of(ya, ma, da)
end

--- date.months_between(a, b) -> the whole months from a to b, both dates,
--- both months or both quarters (3 months each). Between dates, the
--- largest count of months that added to a (as date.add_months adds) does
--- not pass b: "2025-01-31" to "2025-02-28" is 1, to "2025-02-27" is 0.
function date.months_between(a, b)
  local kind, ya, xa, da = read(a, "months_between", ANY)
  local kind_b, yb, xb, db = read(b, "months_between", ANY)
  if kind ~= kind_b then
    fail("months_between", ("both values must be of one kind (the first is %s)"):format(shapes[kind]), b)
  end
  if kind == "quarter" then return 3 * ((yb * 4 + xb) - (ya * 4 + xa)) end
  local k = (yb * 12 + xb) - (ya * 12 + xa)
  if kind == "month" then return k end
  local target = days_of(yb, xb, db)
  local function moved(n) return days_of(calendar.add_months(ya, xa, da, n)) end
  if k > 0 and moved(k) > target then k = k - 1 end
  if k < 0 and moved(k) < target then k = k + 1 end
  return k
end

-- ---- weeks

local week_spec = {starts_on = {default = "monday", one_of = {"monday", "sunday"}}}

--- date.weekday(d) -> 1 (Monday) to 7 (Sunday), as ISO 8601 numbers days.
function date.weekday(value)
  local _, y, m, d = read(value, "weekday", DATE)
  return calendar.weekday(days_of(y, m, d))
end

--- date.week_start(d [, {starts_on = "monday"}]) -> the first day of d's
--- week: its Monday, or its Sunday with starts_on = "sunday".
-- The first day (in days) of the week holding date value, for function fn.
local function week_first(value, opts, fn)
  local _, y, m, d = read(value, fn, DATE)
  local o = options.check("date." .. fn, opts, week_spec)
  local days = days_of(y, m, d)
  local weekday = calendar.weekday(days)
  return days - (o.starts_on == "sunday" and weekday % 7 or weekday - 1)
end

function date.week_start(value, opts)
  return date_of_days(week_first(value, opts, "week_start"), "week_start", value .. "'s week", value)
end

--- date.iso_week(d) -> week (1 to 53), year: the ISO 8601 week of a date
--- and the year it belongs to ("2024-12-30" is week 1 of 2025).
function date.iso_week(value)
  local _, y, m, d = read(value, "iso_week", DATE)
  return calendar.iso_week(days_of(y, m, d))
end

-- ---- fiscal years

local fiscal_spec = {
  start_month = {default = false, type = "integer", min = 1, max = 12},
  named_by = {default = "start", one_of = {"start", "end"}},
  lang = locale.option("ja"),
}

-- The fiscal options of function fn, checked: the start month (the
-- language's when not given) and the rest.
local function fiscal_options(fn, opts)
  local o = options.check("date." .. fn, opts, fiscal_spec)
  o.start = o.start_month or locale.get(o.lang, "date." .. fn).fiscal_start or 1
  return o
end

-- The fiscal year and quarter of a value: the month count of its fiscal
-- year's first month, the year's name and the quarter (1 to 4). A quarter
-- value must fit in one fiscal quarter.
local function fiscal_of(value, fn, o)
  local kind, y, a = read(value, fn, ANY)
  local index = kind == "quarter" and y * 12 + (a - 1) * 3 or y * 12 + a - 1
  if kind == "quarter" and (o.start - 1) % 3 ~= 0 then
    fail(fn, ("a quarter spans two fiscal quarters when the fiscal year starts in month %d"):format(o.start),
      value)
  end
  local first = index - (index - (o.start - 1)) % 12
  local name = first // 12
  if o.named_by == "end" and o.start ~= 1 then name = name + 1 end
  return first, name, (index - first) // 3 + 1
end

-- The month count of fiscal year `name`'s first month.
local function fiscal_first(name, o)
  if o.named_by == "end" and o.start ~= 1 then name = name - 1 end
  return name * 12 + o.start - 1
end

--- date.fiscal_year(value [, options]) -> the fiscal year of a date, month
--- or quarter, named by the calendar year it starts in: with April as the
--- start (Japanese, the default), "2025-04-01" to "2026-03-31" are 2025.
function date.fiscal_year(value, opts)
  local o = fiscal_options("fiscal_year", opts)
  local _, name = fiscal_of(value, "fiscal_year", o)
  return name
end

--- date.fiscal_quarter(value [, options]) -> fiscal year, quarter (1 to 4).
function date.fiscal_quarter(value, opts)
  local o = fiscal_options("fiscal_quarter", opts)
  local _, name, q = fiscal_of(value, "fiscal_quarter", o)
  return name, q
end

-- A fiscal year given as a whole number, checked.
local function fiscal_year_number(year, fn)
  return in_range(year, fn, "the fiscal year", first_year, last_year)
end

--- date.fiscal_year_label(value [, options]) -> "2025年度", "FY2025",
--- "2025财年", "2025 회계연도": the fiscal year of a date, month or quarter,
--- or a fiscal year given as a number, in the language's words.
function date.fiscal_year_label(value, opts)
  local o = fiscal_options("fiscal_year_label", opts)
  local name
  if type(value) == "number" then
    name = fiscal_year_number(value, "fiscal_year_label")
  else
    local _
    _, name = fiscal_of(value, "fiscal_year_label", o)
  end
  return locale.get(o.lang).fiscal_year:format(name)
end

--- date.fiscal_quarter_label(value [, options]) or (year, quarter [,
--- options]) -> "2025年度第1四半期", "FY2025 Q1", "2025财年第一季度".
function date.fiscal_quarter_label(value, quarter, opts)
  local name, q
  if type(value) == "number" then
    name = fiscal_year_number(value, "fiscal_quarter_label")
    q = in_range(quarter, "fiscal_quarter_label", "the quarter", 1, 4)
  else
    opts = quarter
  end
  local o = fiscal_options("fiscal_quarter_label", opts)
  if not name then
    local _
    _, name, q = fiscal_of(value, "fiscal_quarter_label", o)
  end
  local w = locale.get(o.lang)
  return w.fiscal_quarter:format(w.fiscal_year:format(name), w.quarter_names[q])
end

-- ---- periods: first and last days

local periods = {"month", "quarter", "year", "week", "fiscal_year", "fiscal_quarter"}

-- The first day of the period holding value, as days, and the days
-- after its last day; fn names the public function.
local function period_of(value, period, opts, fn)
  local full = "date." .. fn
  -- a misspelt option is named against every option the periods take;
  -- which of them this period takes is checked below
  if type(opts) == "table" then options.check(full, opts, options.merge(week_spec, fiscal_spec)) end
  if period == "fiscal_year" or period == "fiscal_quarter" then
    local o = fiscal_options(fn, opts)
    local first, q
    if type(value) == "number" and period == "fiscal_year" then
      first = fiscal_first(fiscal_year_number(value, fn), o)
    else
      local _
      first, _, q = fiscal_of(value, fn, o)
    end
    if period == "fiscal_quarter" then first = first + (q - 1) * 3 end
    local y, m = from_month_index(first)
    local ny, nm = from_month_index(first + (period == "fiscal_year" and 12 or 3))
    return days_of(y, m, 1), days_of(ny, nm, 1)
  end
  if opts ~= nil and period ~= "week" then
    errors.raise("%s: options are for the periods week, fiscal_year and fiscal_quarter; got %s for %s",
      full, errors.show(opts), period)
  end
  if period == "year" and type(value) == "number" then
    local y = in_range(value, fn, "the year", first_year, last_year)
    return days_of(y, 1, 1), days_of(y + 1, 1, 1)
  end
  if period == "week" then
    local start = week_first(value, opts, fn)
    return start, start + 7
  end
  local kind, y, a = read(value, fn, period == "month" and DATE_MONTH or ANY,
    "a quarter holds three months")
  local m = kind == "quarter" and (a - 1) * 3 + 1 or a
  if period == "month" then
    local ny, nm = from_month_index(y * 12 + m)
    return days_of(y, m, 1), days_of(ny, nm, 1)
  end
  if period == "quarter" then
    local qm = (m - 1) // 3 * 3 + 1
    local ny, nm = from_month_index(y * 12 + qm + 2)
    return days_of(y, qm, 1), days_of(ny, nm, 1)
  end
  return days_of(y, 1, 1), days_of(y + 1, 1, 1)
end

-- The period a first_day/last_day call asks for: given, or the value's own.
local function period_named(value, period, fn)
  if period == nil then
    local kind = parse(value)
    return kind == "quarter" and "quarter" or "month"
  end
  for _, p in ipairs(periods) do
    if p == period then return period end
  end
  errors.raise("date.%s: the period must be one of %s; got %s", fn, table.concat(periods, ", "),
    errors.show(period))
end

--- date.first_day(value [, period [, options]]) -> the first day of the
--- period holding a date, month or quarter: period "month", "quarter",
--- "year", "week" (options {starts_on}), "fiscal_year" or "fiscal_quarter"
--- (options as date.fiscal_year's); by default the value's own month or
--- quarter (a date's month). A year, or a fiscal year, may be a number:
--- date.first_day(2025, "fiscal_year") -> "2025-04-01".
function date.first_day(value, period, opts)
  period = period_named(value, period, "first_day")
  local first = period_of(value, period, opts, "first_day")
  return date_of_days(first, "first_day", "first day", value)
end

--- date.last_day(value [, period [, options]]) -> the last day of that
--- period: date.last_day("2024-02") -> "2024-02-29".
function date.last_day(value, period, opts)
  period = period_named(value, period, "last_day")
  local _, after = period_of(value, period, opts, "last_day")
  return date_of_days(after - 1, "last_day", "last day", value)
end

-- ---- sequences

--- date.range(first, last [, step]) -> the values from first to last
--- (both of one kind; last included when the steps reach it), every step
--- days, months or quarters (default 1): date.range("2025Q1", "2025Q4")
--- -> {"2025Q1", "2025Q2", "2025Q3", "2025Q4"}.
function date.range(first, last, step)
  local kind, y, a, b = read(first, "range", ANY)
  local kind_last, yl, al, bl = read(last, "range", ANY)
  if kind_last ~= kind then
    fail("range", ("both ends must be of one kind (the first is %s)"):format(shapes[kind]), last)
  end
  local k = step == nil and 1 or whole(step, "range", "the step")
  if k < 1 then fail("range", "the step must be 1 or more", step) end
  local from, to, write
  if kind == "date" then
    from, to = days_of(y, a, b), days_of(yl, al, bl)
    write = function(i) return date_text(civil(i)) end
  elseif kind == "month" then
    from, to = y * 12 + a - 1, yl * 12 + al - 1
    write = function(i) return month_text(from_month_index(i)) end
  else
    from, to = y * 4 + a - 1, yl * 4 + al - 1
    write = function(i) return quarter_text(from_quarter_index(i)) end
  end
  if (to - from) // k >= 1000000 then
    fail("range", "more than 1,000,000 values; a larger step gives fewer", step or 1)
  end
  local list = {}
  for i = from, to, k do list[#list + 1] = write(i) end
  return list
end

-- ---- the Japanese era (元号)

-- Each era from the day it began, latest first. Meiji counts from
-- 1873-01-01 (明治6年), when Japan took up the Gregorian calendar: its
-- earlier years ran by the lunisolar calendar, which these dates are not.
local eras = {
  {"令和", 2019, 5, 1}, {"平成", 1989, 1, 8}, {"昭和", 1926, 12, 25}, {"大正", 1912, 7, 30},
  {"明治", 1868, 1, 1, from = {1873, 1, 1}},
}

local era_spec = {form = {default = "year", one_of = {"year", "month", "date"}}}

-- The era and its year for a value's first day.
local function era_of(value, fn)
  local kind, y, a, b = read(value, fn, ANY)
  local m = kind == "quarter" and (a - 1) * 3 + 1 or a
  local days = days_of(y, m, kind == "date" and b or 1)
  for _, e in ipairs(eras) do
    local from = e.from or {e[2], e[3], e[4]}
    if days >= days_of(from[1], from[2], from[3]) then return e[1], y - e[2] + 1, kind, y, m, b end
  end
  fail(fn, "Japanese eras are counted here from 1873-01-01 (明治6年), when Japan took up the Gregorian "
    .. "calendar", value)
end

--- date.era_year(value) -> the era's name and year: date.era_year("2025-03-31") -> "令和", 7.
function date.era_year(value)
  local name, year = era_of(value, "era_year")
  return name, year
end

--- date.era(value [, {form = "year"}]) -> "令和7年": the Japanese era of a
--- date (of a month's or a quarter's first day), its first year written 元年
--- ("2019-05-01" is "令和元年", "2019-04-30" "平成31年"); form "month" adds
--- the month ("令和7年3月"), "date" the day ("令和7年3月31日").
function date.era(value, opts)
  local name, year, kind, _, m, d = era_of(value, "era")
  local o = options.check("date.era", opts, era_spec)
  if o.form == "date" and kind ~= "date" or o.form == "month" and kind == "quarter" then
    options.fail("date.era", "form", kind == "quarter" and "\"year\" for a quarter"
      or "\"year\" or \"month\" for a month", o.form)
  end
  local text = name .. (year == 1 and "元" or tostring(year)) .. "年"
  if o.form == "month" or o.form == "date" then text = text .. m .. "月" end
  if o.form == "date" then text = text .. d .. "日" end
  return text
end

return date
