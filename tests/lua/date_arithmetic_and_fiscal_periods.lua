-- sumi.date: dates, months and quarters as strings that sort; adding
-- days, months and years at the ends of months; differences; first and
-- last days; fiscal years and quarters in six languages; the Japanese era;
-- weeks. Every error names the value and is raised at this script's line.
local check = require "check"
local sumi = require "sumi"
local date = require "sumi.date"
local locale = require "sumi.locale"
local here, message_of = check.here, check.message_of
local test = check.test

-- The whole message of an error raised on the line where here() was
-- called: that line's "file:line: ", then `expected`.
local function raises(message, where, expected, what)
  check.is_true(where:find("date_arithmetic_and_fiscal_periods.lua:%d+: $"), "here() gives file:line")
  check.equal(message, where .. expected, what)
end

local function list(...) return table.concat({...}, " ") end

test("require \"sumi\".date is the module", function()
  check.equal(sumi.date, date, "sumi.date")
end)

test("values are strings that compare and sort as the calendar does", function()
  check.equal(type(date.month(2025, 3)), "string", "a month is a string")
  check.is_true(date.month(2025, 3) == "2025-03", "== with text written by hand")
  check.is_true("2024-12" < "2025-01" and "2024Q4" < "2025Q1" and "2025-02-28" < "2025-03-01", "<")
  check.is_true(date.quarter(2025, 1) < date.quarter(2025, 2), "quarters")
  local months = {"2025-10", "2024-12", "2025-02", "2025-01"}
  table.sort(months)
  check.equal(table.concat(months, " "), "2024-12 2025-01 2025-02 2025-10", "table.sort")
  local quarters = {"2025Q2", "2024Q4", "2025Q1"}
  table.sort(quarters)
  check.equal(table.concat(quarters, " "), "2024Q4 2025Q1 2025Q2", "quarters sort")
end)

test("parse writes a value canonically and says its kind", function()
  check.equal(list(date.parse("2025-03-31")), "2025-03-31 date", "date")
  check.equal(list(date.parse("2025-03")), "2025-03 month", "month")
  check.equal(list(date.parse("2025Q1")), "2025Q1 quarter", "quarter")
  check.equal(list(date.parse("2025-Q4")), "2025Q4 quarter", "YYYY-Qn")
  check.equal(date.kind("2024-02-29"), "date", "a leap day")
  check.equal(date.kind("2025-02-29"), nil, "no such date: no kind")
  check.equal(date.kind("2025-13"), nil, "no month 13")
  check.equal(date.kind("2025Q5"), nil, "no quarter 5")
  check.equal(date.kind(20250331), nil, "a number")
  check.equal(date.kind(nil), nil, "nil")
  check.equal(list(date.parts("2025-03-31")), "2025 3 31", "parts of a date")
  check.equal(list(date.parts("2025-03")), "2025 3", "parts of a month")
  check.equal(list(date.parts("2025-Q2")), "2025 2", "parts of a quarter")
  check.equal(math.type((date.parts("2025-03"))), "integer", "integers")
end)

test("constructors and the period of a value", function()
  check.equal(date.date(2024, 2, 29), "2024-02-29", "date")
  check.equal(date.date(1, 1, 1), "0001-01-01", "the first year")
  check.equal(date.month(2025, 3), "2025-03", "month")
  check.equal(date.month(2025.0, 3.0), "2025-03", "whole floats")
  check.equal(date.quarter(2025, 1), "2025Q1", "quarter")
  check.equal(date.month("2025-03-31"), "2025-03", "month of a date")
  check.equal(date.month("2025-03"), "2025-03", "month of a month")
  check.equal(date.quarter("2025-03-31"), "2025Q1", "quarter of a date")
  check.equal(date.quarter("2025-04"), "2025Q2", "quarter of a month")
  check.equal(date.quarter("2025-12"), "2025Q4", "December")
  check.equal(date.quarter("2025-Q3"), "2025Q3", "quarter of a quarter")
end)

test("days: first days of months and quarters, epoch and day counts", function()
  check.equal(date.days("1970-01-01"), 0, "epoch")
  check.equal(date.days("2025-07-26"), 20295, "a date")
  check.equal(date.days("2025-03"), date.days("2025-03-01"), "a month is its first day")
  check.equal(date.days("2025Q2"), date.days("2025-04-01"), "a quarter is its first day")
  check.equal(date.from_days(20295), "2025-07-26", "from_days")
  check.equal(date.from_days(-1), "1969-12-31", "before 1970")
  check.equal(date.from_epoch(1753488000), "2025-07-26", "from_epoch")
  check.equal(date.from_epoch(1753574399.5), "2025-07-26", "the day's last second")
  check.equal(date.from_epoch(-1), "1969-12-31", "a second before 1970")
end)

test("add_days crosses months, years and leap days", function()
  check.equal(date.add_days("2025-02-28", 1), "2025-03-01", "into March")
  check.equal(date.add_days("2024-02-28", 1), "2024-02-29", "a leap day")
  check.equal(date.add_days("2024-12-31", 1), "2025-01-01", "new year")
  check.equal(date.add_days("2025-03-01", -1), "2025-02-28", "back")
  check.equal(date.add_days("2025-01-01", 365), "2026-01-01", "a year of days")
  check.equal(date.add_days("2025-01-01", 0), "2025-01-01", "zero")
  check.equal(date.add_days("2025-01-01", 2.0), "2025-01-03", "a whole float")
end)

test("add_months keeps the day, or takes the month's last", function()
  check.equal(date.add_months("2025-01-31", 1), "2025-02-28", "Jan 31 + 1")
  check.equal(date.add_months("2024-01-31", 1), "2024-02-29", "in a leap year")
  check.equal(date.add_months("2025-01-31", 2), "2025-03-31", "Jan 31 + 2: from Jan 31, not from Feb 28")
  check.equal(date.add_months("2025-03-31", -1), "2025-02-28", "back")
  check.equal(date.add_months("2025-05-31", 1), "2025-06-30", "a 30-day month")
  check.equal(date.add_months("2025-11-15", 3), "2026-02-15", "into the next year")
  check.equal(date.add_months("2025-01-15", -13), "2023-12-15", "back a year and more")
  check.equal(date.add_months("2025-03", 10), "2026-01", "a month")
  check.equal(date.add_months("2025-01", -1), "2024-12", "a month back")
end)

test("add_quarters and add_years", function()
  check.equal(date.add_quarters("2025Q4", 1), "2026Q1", "a quarter")
  check.equal(date.add_quarters("2025Q1", -1), "2024Q4", "a quarter back")
  check.equal(date.add_quarters("2024-11-30", 1), "2025-02-28", "a date: 3 months, at the month's end")
  check.equal(date.add_quarters("2025-03", 2), "2025-09", "a month")
  check.equal(date.add_years("2024-02-29", 1), "2025-02-28", "Feb 29 + 1 year")
  check.equal(date.add_years("2024-02-29", 4), "2028-02-29", "+ 4 years")
  check.equal(date.add_years("2024-02-29", -1), "2023-02-28", "- 1 year")
  check.equal(date.add_years("2025-03", 1), "2026-03", "a month")
  check.equal(date.add_years("2025Q2", -3), "2022Q2", "a quarter")
  check.equal(date.add_years("9998-12-31", 1), "9999-12-31", "up to 9999")
end)

test("days_between and months_between", function()
  check.equal(date.days_between("2025-01-01", "2025-03-31"), 89, "89 days")
  check.equal(date.days_between("2025-03-31", "2025-01-01"), -89, "negative")
  check.equal(date.days_between("2024-02-28", "2024-03-01"), 2, "over a leap day")
  check.equal(date.months_between("2025-01-31", "2025-02-28"), 1, "a month, at February's end")
  check.equal(date.months_between("2025-01-31", "2025-02-27"), 0, "not yet a month")
  check.equal(date.months_between("2025-01-15", "2025-04-15"), 3, "three months")
  check.equal(date.months_between("2025-01-15", "2025-04-14"), 2, "a day short")
  check.equal(date.months_between("2025-03-31", "2025-02-28"), -1, "back a month")
  check.equal(date.months_between("2025-03-31", "2025-03-01"), 0, "within a month")
  check.equal(date.months_between("2023-07-26", "2025-07-26"), 24, "two years")
  check.equal(date.months_between("2024-11", "2025-03"), 4, "months")
  check.equal(date.months_between("2024Q4", "2025Q2"), 6, "quarters are 3 months")
end)

test("first_day and last_day of months, quarters, years and weeks", function()
  check.equal(date.first_day("2025-05-15"), "2025-05-01", "a date's month by default")
  check.equal(date.last_day("2025-05-15"), "2025-05-31", "its last day")
  check.equal(date.last_day("2024-02"), "2024-02-29", "a month's")
  check.equal(date.last_day("2025-02"), "2025-02-28", "not a leap year")
  check.equal(date.first_day("2025Q2"), "2025-04-01", "a quarter's")
  check.equal(date.last_day("2025Q2"), "2025-06-30", "a quarter's last")
  check.equal(date.last_day("2025Q4"), "2025-12-31", "Q4")
  check.equal(date.first_day("2025-05-15", "quarter"), "2025-04-01", "a date's quarter")
  check.equal(date.last_day("2025-11", "quarter"), "2025-12-31", "a month's quarter")
  check.equal(date.first_day("2025-05-15", "year"), "2025-01-01", "year")
  check.equal(date.last_day("2025Q2", "year"), "2025-12-31", "a quarter's year")
  check.equal(date.first_day(2025, "year"), "2025-01-01", "a year as a number")
  check.equal(date.first_day("2025-07-26", "week"), "2025-07-21", "week: Monday")
  check.equal(date.last_day("2025-07-26", "week", {starts_on = "sunday"}), "2025-07-26", "week from Sunday")
end)

test("weeks: weekday, week_start, ISO weeks", function()
  check.equal(date.weekday("2025-07-26"), 6, "a Saturday")
  check.equal(date.weekday("2025-07-27"), 7, "a Sunday")
  check.equal(date.weekday("2025-07-21"), 1, "a Monday")
  check.equal(date.week_start("2025-07-26"), "2025-07-21", "Monday")
  check.equal(date.week_start("2025-07-27"), "2025-07-21", "a Sunday's Monday")
  check.equal(date.week_start("2025-07-26", {starts_on = "sunday"}), "2025-07-20", "Sunday")
  check.equal(date.week_start("2025-07-27", {starts_on = "sunday"}), "2025-07-27", "a Sunday starts its week")
  check.equal(date.week_start("2025-01-01"), "2024-12-30", "across a year")
  check.equal(list(date.iso_week("2025-07-26")), "30 2025", "week 30")
  check.equal(list(date.iso_week("2024-12-30")), "1 2025", "a Monday of week 1 of the next year")
  check.equal(list(date.iso_week("2021-01-03")), "53 2020", "a Sunday of week 53 of the year before")
  check.equal(list(date.iso_week("2026-12-31")), "53 2026", "2026 has 53 weeks")
  check.equal(list(date.iso_week("2025-01-01")), "1 2025", "new year's day")
end)

test("fiscal years start in April in Japanese, January elsewhere", function()
  check.equal(date.fiscal_year("2025-04-01"), 2025, "2025年度 begins")
  check.equal(date.fiscal_year("2026-03-31"), 2025, "2025年度 ends")
  check.equal(date.fiscal_year("2025-03-31"), 2024, "the year before")
  check.equal(date.fiscal_year("2025-03-31", {lang = "en"}), 2025, "English: the calendar year")
  check.equal(date.fiscal_year("2025-03-31", {lang = "zh-CN"}), 2025, "Chinese")
  check.equal(date.fiscal_year("2025-03-31", {lang = "ko"}), 2025, "Korean")
  check.equal(date.fiscal_year("2025-09-30", {start_month = 10}), 2024, "October start")
  check.equal(date.fiscal_year("2025-10-01", {start_month = 10, named_by = "end"}), 2026,
    "named by the year it ends in (US federal FY2026)")
  check.equal(date.fiscal_year("2025-06", {lang = "en", named_by = "end"}), 2025, "January start: one year")
  check.equal(date.first_day("2025-06-30", "fiscal_year"), "2025-04-01", "2025年度's first day")
  check.equal(date.last_day("2025-06-30", "fiscal_year"), "2026-03-31", "2025年度's last day")
  check.equal(date.first_day(2025, "fiscal_year"), "2025-04-01", "a fiscal year as a number")
  check.equal(date.last_day(2025, "fiscal_year", {start_month = 7, named_by = "end"}), "2025-06-30",
    "FY2025 ending in June")
  check.equal(date.last_day(2025, "fiscal_year", {lang = "en"}), "2025-12-31", "English")
end)

test("fiscal quarters", function()
  check.equal(list(date.fiscal_quarter("2025-04-01")), "2025 1", "April: Q1")
  check.equal(list(date.fiscal_quarter("2025-12-31")), "2025 3", "December: Q3")
  check.equal(list(date.fiscal_quarter("2026-03-31")), "2025 4", "March: Q4 of the year before")
  check.equal(list(date.fiscal_quarter("2025-03", {lang = "en"})), "2025 1", "English")
  check.equal(list(date.fiscal_quarter("2025Q1")), "2024 4", "a calendar quarter")
  check.equal(list(date.fiscal_quarter("2025-02-14", {start_month = 2})), "2025 1", "February start")
  check.equal(date.first_day("2025-08-15", "fiscal_quarter"), "2025-07-01", "first day")
  check.equal(date.last_day("2026-02", "fiscal_quarter"), "2026-03-31", "last day")
  check.equal(date.first_day("2025-02-14", "fiscal_quarter", {start_month = 2}), "2025-02-01", "Feb start")
end)

test("fiscal labels in each language's words", function()
  check.equal(date.fiscal_year_label("2025-06-30"), "2025年度", "ja")
  check.equal(date.fiscal_year_label(2025), "2025年度", "a number")
  check.equal(date.fiscal_quarter_label("2025-06-30"), "2025年度第1四半期", "ja quarter")
  check.equal(date.fiscal_quarter_label("2026-03-31"), "2025年度第4四半期", "ja Q4")
  check.equal(date.fiscal_quarter_label(2025, 2), "2025年度第2四半期", "numbers")
  local expected = {
    ["zh-Hans"] = {"2025财年", "2025财年第一季度"},
    ["zh-Hant"] = {"2025財年", "2025財年第一季"},
    ["zh-HK"] = {"2025財政年度", "2025財政年度第一季度"},
    ko = {"2025 회계연도", "2025 회계연도 1분기"},
    en = {"FY2025", "FY2025 Q1"},
  }
  for lang, words in pairs(expected) do
    check.equal(date.fiscal_year_label("2025-02-14", {lang = lang}), words[1], lang .. " year")
    check.equal(date.fiscal_quarter_label("2025-02-14", {lang = lang}), words[2], lang .. " quarter")
    check.equal(date.fiscal_quarter_label(2025, 1, {lang = lang}), words[2], lang .. " from numbers")
  end
  check.equal(date.fiscal_quarter_label("2025-06-30", {lang = "en", start_month = 4}), "FY2025 Q1",
    "English, April start")
  check.equal(date.fiscal_year_label("2025-06-30", {lang = "en", start_month = 7, named_by = "end"}),
    "FY2025", "ending June 2025")
end)

test("a language's fiscal start and words come from sumi.locale", function()
  check.equal(locale.get("ja").fiscal_start, 4, "ja")
  check.equal(locale.get("en").fiscal_start, 1, "en")
  local tag = locale.define("hi-IN", {fiscal_start = 4, fiscal_year = "FY%d",
    quarter_names = {"Q1", "Q2", "Q3", "Q4"}})
  check.equal(date.fiscal_year("2025-03-31", {lang = tag}), 2024, "India: April")
  check.equal(date.fiscal_quarter_label("2025-03-31", {lang = tag}), "FY2024 Q4", "label")
end)

test("the Japanese era, from Meiji 6 (1873) on", function()
  local cases = {
    {"1873-01-01", "明治6年"}, {"1912-07-29", "明治45年"}, {"1912-07-30", "大正元年"},
    {"1926-12-24", "大正15年"}, {"1926-12-25", "昭和元年"}, {"1989-01-07", "昭和64年"},
    {"1989-01-08", "平成元年"}, {"2019-04-30", "平成31年"}, {"2019-05-01", "令和元年"},
    {"2025-03-31", "令和7年"}, {"2019-05", "令和元年"}, {"2019-04", "平成31年"}, {"2019Q2", "平成31年"},
  }
  for _, c in ipairs(cases) do check.equal(date.era(c[1]), c[2], c[1]) end
  check.equal(date.era("2025-03-31", {form = "month"}), "令和7年3月", "form month")
  check.equal(date.era("2025-03-31", {form = "date"}), "令和7年3月31日", "form date")
  check.equal(date.era("2019-05-01", {form = "date"}), "令和元年5月1日", "元年 with the date")
  check.equal(date.era("2025-03", {form = "month"}), "令和7年3月", "a month")
  check.equal(list(date.era_year("2025-03-31")), "令和 7", "era_year")
  check.equal(list(date.era_year("2019-05-01")), "令和 1", "era_year gives 1, not 元")
end)

test("range lists the values from first to last", function()
  check.equal(table.concat(date.range("2024Q3", "2025Q2"), " "), "2024Q3 2024Q4 2025Q1 2025Q2", "quarters")
  check.equal(table.concat(date.range("2024-11", "2025-02"), " "), "2024-11 2024-12 2025-01 2025-02",
    "months")
  check.equal(table.concat(date.range("2024-02-27", "2024-03-01"), " "),
    "2024-02-27 2024-02-28 2024-02-29 2024-03-01", "dates")
  check.equal(table.concat(date.range("2025-01", "2025-12", 3), " "), "2025-01 2025-04 2025-07 2025-10",
    "step")
  check.equal(#date.range("2025-03", "2025-01"), 0, "last before first: none")
  check.equal(#date.range("2025-01", "2025-01"), 1, "one")
end)

test("format.date and format.date_ja write months and quarters", function()
  local format = sumi.format
  check.equal(format.date_ja("2025-03"), "2025年3月", "date_ja of a month")
  check.equal(format.date_ja("2025Q1"), "2025年第1四半期", "date_ja of a quarter")
  check.equal(format.date_ja("2025-Q1"), "2025年第1四半期", "YYYY-Qn")
  check.equal(format.date("2025-03", {lang = "en"}), "March 2025", "en month, as day = false writes it")
  check.equal(format.date("2025Q1", {lang = "en"}), "2025 Q1", "en quarter")
  check.equal(format.date("2025Q3", {lang = "zh-Hans"}), "2025年第三季度", "zh-Hans")
  check.equal(format.date("2025Q3", {lang = "zh-Hant"}), "2025年第三季", "zh-Hant")
  check.equal(format.date("2025Q3", {lang = "zh-HK"}), "2025年第三季度", "zh-HK")
  check.equal(format.date("2025Q4", {lang = "ko"}), "2025년 4분기", "ko")
  check.equal(format.date("2025-03", {lang = "ko"}), "2025년 3월", "ko month")
  check.equal(format.date("2025-03", {day = false}), "2025年3月", "day = false changes nothing")
  check.equal(format.date_ja(date.add_months("2025-01-31", 1)), "2025年2月28日", "a date still")
  check.equal(sumi.template.fill("{q:date_ja}の売上", {q = "2025Q2"}), "2025年第2四半期の売上", "template")
end)

test("scale.time places months and quarters at their first days", function()
  local scale = require "sumi.scale"
  check.equal(scale.date_days("2025Q2"), scale.date_days("2025-04-01"), "quarter")
  check.equal(scale.date_days("2025-Q2"), scale.date_days("2025-04-01"), "YYYY-Qn")
  check.equal(scale.date_days("2025-03"), date.days("2025-03"), "month")
  local s = scale.time{domain = {"2024Q1", "2025Q4"}, range = {0, 400}, count = 8}
  check.equal(s.low, date.days("2024-01-01"), "domain from the first quarter's first day")
  check.equal(s.high, date.days("2025-10-01"), "to the last quarter's first day")
  check.equal(select(2, scale.date_days("2025Q5")), "no such quarter", "reason")
end)

-- ---- errors: each names the value, at the line of the call

test("a date, month or quarter that does not exist", function()
  raises(message_of(function() date.parse("2025-02-30") end), here(),
    'date.parse: no such date (2025-02 has 28 days); got string "2025-02-30"', "Feb 30")
  raises(message_of(function() date.add_days("2023-02-29", 1) end), here(),
    'date.add_days: no such date (2023-02 has 28 days); got string "2023-02-29"', "not a leap year")
  raises(message_of(function() date.parse("2025-13") end), here(),
    'date.parse: no such month (the month must be 01 to 12); got string "2025-13"', "month 13")
  raises(message_of(function() date.parse("2025-00-10") end), here(),
    'date.parse: no such date (the month must be 01 to 12); got string "2025-00-10"', "month 0")
  raises(message_of(function() date.quarter("2025Q5") end), here(),
    'date.quarter: no such quarter (the quarter must be 1 to 4); got string "2025Q5"', "quarter 5")
  raises(message_of(function() date.parse("0000-01-01") end), here(),
    'date.parse: no such date (the year must be 0001 to 9999); got string "0000-01-01"', "year 0")
  raises(message_of(function() date.parse("2025/03/31") end), here(),
    'date.parse: the value must be a date "YYYY-MM-DD", a month "YYYY-MM" or a quarter "YYYYQn"; '
    .. 'got string "2025/03/31"', "another shape")
  raises(message_of(function() date.days(nil) end), here(),
    'date.days: the value must be a date "YYYY-MM-DD", a month "YYYY-MM" or a quarter "YYYYQn"; got nil',
    "nil")
  raises(message_of(function() date.fiscal_year(20250331) end), here(),
    'date.fiscal_year: the value must be a date "YYYY-MM-DD", a month "YYYY-MM" or a quarter "YYYYQn"; '
    .. 'got number 20250331', "a number")
end)

test("constructors name the part that is out of range", function()
  raises(message_of(function() date.date(2025, 2, 30) end), here(),
    'date.date: the day must be an integer in [1, 28] (2025-02 has 28 days); got number 30', "Feb 30")
  raises(message_of(function() date.month(2025, 13) end), here(),
    'date.month: the month must be an integer in [1, 12]; got number 13', "month 13")
  raises(message_of(function() date.quarter(2025, 5) end), here(),
    'date.quarter: the quarter must be an integer in [1, 4]; got number 5', "quarter 5")
  raises(message_of(function() date.date(0, 1, 1) end), here(),
    'date.date: the year must be an integer in [1, 9999]; got number 0', "year 0")
  raises(message_of(function() date.month(2025.5, 1) end), here(),
    'date.month: the year must be an integer in [1, 9999]; got number 2025.5', "a fraction")
  raises(message_of(function() date.month("2025Q1") end), here(),
    'date.month: the value must be a date "YYYY-MM-DD" or a month "YYYY-MM" (a quarter holds three months; '
    .. 'date.first_day gives its first); got string "2025Q1"', "the month of a quarter")
  raises(message_of(function() date.fiscal_quarter_label(2025, 5) end), here(),
    'date.fiscal_quarter_label: the quarter must be an integer in [1, 4]; got number 5', "fiscal Q5")
end)

test("a value of the wrong kind, a count that is not whole", function()
  raises(message_of(function() date.add_days("2025-03", 1) end), here(),
    'date.add_days: the value must be a date "YYYY-MM-DD" (date.add_months adds to a month); got string '
    .. '"2025-03"', "add_days to a month")
  raises(message_of(function() date.add_months("2025Q1", 1) end), here(),
    'date.add_months: the value must be a date "YYYY-MM-DD" or a month "YYYY-MM" (date.add_quarters adds '
    .. 'to a quarter); got string "2025Q1"', "add_months to a quarter")
  raises(message_of(function() date.add_days("2025-03-01", 1.5) end), here(),
    'date.add_days: the number of days must be a whole number; got number 1.5', "1.5 days")
  raises(message_of(function() date.add_months("2025-03", "1") end), here(),
    'date.add_months: the number of months must be a whole number; got string "1"', "a string")
  raises(message_of(function() date.add_years("9999-06-30", 1) end), here(),
    'date.add_years: the result is outside the years 1 to 9999 (9999-06-30 plus 1 years); got number 1',
    "past 9999")
  raises(message_of(function() date.add_days("0001-01-01", -1) end), here(),
    'date.add_days: the result is outside the years 1 to 9999 (0001-01-01 plus -1 days); got number -1',
    "before year 1")
  raises(message_of(function() date.add_months("2025-01", math.maxinteger) end), here(),
    ('date.add_months: the result is outside the years 1 to 9999 (2025-01 plus %d months); got number %d')
      :format(math.maxinteger, math.maxinteger), "a huge count")
  raises(message_of(function() date.months_between("2025-03", "2025-03-31") end), here(),
    'date.months_between: both values must be of one kind (the first is a month "YYYY-MM"); got string '
    .. '"2025-03-31"', "mixed kinds")
  raises(message_of(function() date.days_between("2025-01", "2025-03") end), here(),
    'date.days_between: the value must be a date "YYYY-MM-DD"; got string "2025-01"', "days between months")
  raises(message_of(function() date.weekday("2025-03") end), here(),
    'date.weekday: the value must be a date "YYYY-MM-DD"; got string "2025-03"', "weekday of a month")
  raises(message_of(function() date.from_epoch(0 / 0) end), here(),
    'date.from_epoch: the time must be a finite number of seconds; got number nan', "nan")
  raises(message_of(function() date.from_days(3e6) end), here(),
    'date.from_days: the result is outside the years 1 to 9999 (3000000 days from 1970-01-01); got number '
    .. '3000000.0',
    "too far")
end)

test("fiscal options are checked", function()
  raises(message_of(function() date.fiscal_year("2025-01-01", {start_month = 13}) end), here(),
    "date.fiscal_year: option 'start_month' must be an integer in [1, 12]; got number 13", "month 13")
  raises(message_of(function() date.fiscal_quarter("2025-01-01", {start_month = 0}) end), here(),
    "date.fiscal_quarter: option 'start_month' must be an integer in [1, 12]; got number 0", "month 0")
  raises(message_of(function() date.fiscal_year_label("2025-01-01", {start_month = "4"}) end), here(),
    "date.fiscal_year_label: option 'start_month' must be an integer in [1, 12]; got string \"4\"",
    "a string")
  raises(message_of(function() date.first_day("2025-01-01", "fiscal_year", {start_month = 4.5}) end), here(),
    "date.first_day: option 'start_month' must be an integer in [1, 12]; got number 4.5", "first_day")
  raises(message_of(function() date.fiscal_year("2025-01-01", {named_by = "middle"}) end), here(),
    "date.fiscal_year: option 'named_by' must be one of start, end; got string \"middle\"", "named_by")
  raises(message_of(function() date.fiscal_year("2025-01-01", {start = 4}) end), here(),
    "date.fiscal_year: unknown option 'start' (valid options: lang, named_by, start_month)", "unknown option")
  local m, w = message_of(function() date.fiscal_year("2025-01-01", {lang = "xx"}) end), here()
  local lang = "date.fiscal_year: option 'lang' must be a language tag: one of ja, zh-Hans"
  check.equal(m:sub(1, #w + #lang), w .. lang, "lang")
  check.is_true(m:find('; got string "xx"$'), "the value")
  raises(message_of(function() date.fiscal_quarter("2025Q1", {start_month = 2}) end), here(),
    'date.fiscal_quarter: a quarter spans two fiscal quarters when the fiscal year starts in month 2; got '
    .. 'string "2025Q1"', "a quarter across fiscal quarters")
  raises(message_of(function() locale.define("en-ZA", {fiscal_start = 13}) end), here(),
    "locale.define: option 'fiscal_start' must be an integer in [1, 12]; got number 13", "locale")
  raises(message_of(function() locale.define("en-NZ", {quarter_names = {"Q1", "Q2"}}) end), here(),
    "locale.define: option 'quarter_names' must be a list of four strings; got table", "quarter names")
end)

test("periods, weeks, eras and ranges check what they are given", function()
  raises(message_of(function() date.first_day("2025-03-31", "decade") end), here(),
    'date.first_day: the period must be one of month, quarter, year, week, fiscal_year, fiscal_quarter; '
    .. 'got string "decade"', "unknown period")
  raises(message_of(function() date.last_day("2025-03-31", "month", {start_month = 4}) end), here(),
    "date.last_day: options are for the periods week, fiscal_year and fiscal_quarter; got table for month",
    "options for a month")
  raises(message_of(function() date.first_day("2025Q1", "month") end), here(),
    'date.first_day: the value must be a date "YYYY-MM-DD" or a month "YYYY-MM" (a quarter holds three '
    .. 'months); got string "2025Q1"', "a quarter's month")
  raises(message_of(function() date.first_day("2025-03", "week") end), here(),
    'date.first_day: the value must be a date "YYYY-MM-DD"; got string "2025-03"', "a month's week")
  raises(message_of(function() date.week_start("2025-03-31", {starts_on = "friday"}) end), here(),
    "date.week_start: option 'starts_on' must be one of monday, sunday; got string \"friday\"", "friday")
  raises(message_of(function() date.era("1872-12-31") end), here(),
    'date.era: Japanese eras are counted here from 1873-01-01 (明治6年), when Japan took up the Gregorian '
    .. 'calendar; got string "1872-12-31"', "before 1873")
  raises(message_of(function() date.era("2025-03", {form = "date"}) end), here(),
    "date.era: option 'form' must be \"year\" or \"month\" for a month; got string \"date\"", "a month's day")
  raises(message_of(function() date.era("2025Q1", {form = "month"}) end), here(),
    "date.era: option 'form' must be \"year\" for a quarter; got string \"month\"", "a quarter's month")
  raises(message_of(function() date.range("2025-01", "2025Q4") end), here(),
    'date.range: both ends must be of one kind (the first is a month "YYYY-MM"); got string "2025Q4"',
    "kinds")
  raises(message_of(function() date.range("2025-01", "2025-12", 0) end), here(),
    "date.range: the step must be 1 or more; got number 0", "step 0")
  raises(message_of(function() date.range("0001-01-01", "9999-12-31") end), here(),
    "date.range: more than 1,000,000 values; a larger step gives fewer; got number 1", "too many")
end)

test("format refuses a month 13, a quarter 5 and a month's weekday", function()
  raises(message_of(function() sumi.format.date_ja("2025-13") end), here(),
    'format.date_ja: no such month: string "2025-13"', "month 13")
  raises(message_of(function() sumi.format.date("2025Q5", {lang = "en"}) end), here(),
    'format.date: no such quarter: string "2025Q5"', "quarter 5")
  raises(message_of(function() sumi.format.date_ja("2025-03", {weekday = true}) end), here(),
    "format.date_ja: option 'weekday' must be false for a month, which has no weekday; got boolean true",
    "weekday of a month")
  raises(message_of(function() sumi.format.date("2025/03", {lang = "ko"}) end), here(),
    'format.date: the date must be a "YYYY-MM-DD" string, a month "YYYY-MM" or a quarter "YYYYQn"; got '
    .. 'string "2025/03"', "another shape")
end)

check.done()
