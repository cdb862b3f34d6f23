---@meta sumi.date
-- Editor annotations for sumi.date (engine/lua/sumi/date.lua).
-- docs/API.md §15 ("Dates, months and quarters: sumi.date") is the manual.

---Dates, months and quarters as plain strings that compare and sort as the calendar does: a
---date "YYYY-MM-DD", a month "YYYY-MM", a quarter "YYYYQn" ("YYYY-Qn" is read too; results are
---written "YYYYQn"), the strings a dataset's date, month and quarter columns give. Years 0001 to
---9999. A value that does not exist ("2025-02-30", "2025-13", "2025Q5") is an error naming it.
---@class sumi.date
local date = {}

---@alias sumi.DateKind "date"|"month"|"quarter"

---@class sumi.DateFiscalOptions
---@field start_month? integer The month the fiscal year starts in, 1 to 12 (default: the language's: 4 for "ja", 1 for the others).
---@field named_by? "start"|"end" Which calendar year names a fiscal year: the one it starts in (2025年度, default) or ends in.
---@field lang? string A language tag (sumi.locale): its fiscal start month and, for labels, its words (default "ja").

---@class sumi.DateWeekOptions
---@field starts_on? "monday"|"sunday" The first day of a week (default "monday", as ISO 8601).

---@class sumi.DatePeriodOptions : sumi.DateFiscalOptions
---@field starts_on? "monday"|"sunday" Period "week" only: the first day of a week (default "monday").

---@class sumi.DateEraOptions
---@field form? "year"|"month"|"date" "year": 令和7年 (default); "month": 令和7年3月; "date": 令和7年3月31日.

---The value written canonically, and its kind: `date.parse("2025-Q1")` -> "2025Q1", "quarter".
---@param value string
---@return string value
---@return sumi.DateKind kind
function date.parse(value) end

---"date", "month", "quarter", or nil for anything else (a date that does not exist, a number):
---never raises.
---@param value any
---@return sumi.DateKind|nil kind
function date.kind(value) end

---A date from its parts: `date.date(2024, 2, 29)` -> "2024-02-29".
---@param year integer 1 to 9999
---@param month integer 1 to 12
---@param day integer 1 to the month's last day
---@return string date
function date.date(year, month, day) end

---A month from its parts (`date.month(2025, 3)` -> "2025-03"), or the month of a date
---(`date.month("2025-03-31")` -> "2025-03").
---@param year integer|string A year, or a date or month
---@param month? integer 1 to 12, with a year
---@return string month
function date.month(year, month) end

---A quarter from its parts (`date.quarter(2025, 1)` -> "2025Q1"), or the quarter of a date,
---month or quarter (`date.quarter("2025-11")` -> "2025Q4").
---@param year integer|string A year, or a date, month or quarter
---@param quarter? integer 1 to 4, with a year
---@return string quarter
function date.quarter(year, quarter) end

---The parts as integers: year, month, day (a date); year, month (a month); year, quarter (a quarter).
---@param value string
---@return integer year
---@return integer month_or_quarter
---@return integer|nil day
function date.parts(value) end

---Days since 1970-01-01 (a month's or quarter's first day): what `sumi.scale.time` places.
---@param value string
---@return integer days
function date.days(value) end

---The date `days` days after 1970-01-01.
---@param days integer
---@return string date
function date.from_days(days) end

---The UTC date of a moment in seconds since 1970: `date.from_epoch(sumi.epoch())`.
---@param seconds number
---@return string date
function date.from_epoch(seconds) end

---The date `n` days later (earlier for n < 0).
---@param value string A date
---@param n integer
---@return string date
function date.add_days(value, n) end

---A date or month `n` months later; a day past the end of the month it lands in becomes that
---month's last: "2025-01-31" plus 1 is "2025-02-28", plus 2 "2025-03-31".
---@param value string A date or a month
---@param n integer
---@return string value
function date.add_months(value, n) end

---A date, month or quarter `n` quarters (3n months) later.
---@param value string
---@param n integer
---@return string value
function date.add_quarters(value, n) end

---A date, month or quarter `n` years later: "2024-02-29" plus 1 is "2025-02-28".
---@param value string
---@param n integer
---@return string value
function date.add_years(value, n) end

---The days from date `a` to date `b` (negative when b is earlier).
---@param a string A date
---@param b string A date
---@return integer days
function date.days_between(a, b) end

---The whole months from `a` to `b`, both of one kind (quarters count 3 months). Between dates:
---the most months that, added to a as `add_months` adds, do not pass b.
---@param a string
---@param b string
---@return integer months
function date.months_between(a, b) end

---1 (Monday) to 7 (Sunday), as ISO 8601 numbers the days.
---@param value string A date
---@return integer weekday
function date.weekday(value) end

---The first day of the date's week: its Monday, or its Sunday with `starts_on = "sunday"`.
---@param value string A date
---@param options? sumi.DateWeekOptions
---@return string date
function date.week_start(value, options) end

---The ISO 8601 week (1 to 53) and the year it belongs to: "2024-12-30" -> 1, 2025.
---@param value string A date
---@return integer week
---@return integer year
function date.iso_week(value) end

---The fiscal year of a date, month or quarter, named by the year it starts in unless
---`named_by = "end"`: with April as the start (Japanese, the default), "2025-04-01" to
---"2026-03-31" are 2025.
---@param value string
---@param options? sumi.DateFiscalOptions
---@return integer year
function date.fiscal_year(value, options) end

---The fiscal year and the fiscal quarter (1 to 4) of a date, month or quarter.
---@param value string
---@param options? sumi.DateFiscalOptions
---@return integer year
---@return integer quarter
function date.fiscal_quarter(value, options) end

---The fiscal year in the language's words: "2025年度", "2025财年", "2025財年", "2025財政年度",
---"2025 회계연도", "FY2025". `value` may be a fiscal year as a number.
---@param value string|integer
---@param options? sumi.DateFiscalOptions
---@return string label
function date.fiscal_year_label(value, options) end

---The fiscal quarter in the language's words: "2025年度第1四半期", "2025财年第一季度", "FY2025 Q1".
---Give a date, month or quarter and options, or a fiscal year, a quarter and options.
---@param value string|integer
---@param quarter? integer|sumi.DateFiscalOptions The quarter (with a fiscal year), or the options
---@param options? sumi.DateFiscalOptions
---@return string label
function date.fiscal_quarter_label(value, quarter, options) end

---The first day of the period holding the value: period "month", "quarter", "year", "week",
---"fiscal_year" or "fiscal_quarter"; by default the value's own month or quarter (a date's
---month). A year, or a fiscal year, may be a number: `date.first_day(2025, "fiscal_year")` ->
---"2025-04-01".
---@param value string|integer
---@param period? "month"|"quarter"|"year"|"week"|"fiscal_year"|"fiscal_quarter"
---@param options? sumi.DatePeriodOptions Week options for "week", fiscal options for the fiscal periods
---@return string date
function date.first_day(value, period, options) end

---The last day of the period holding the value (as `first_day`): `date.last_day("2024-02")` ->
---"2024-02-29".
---@param value string|integer
---@param period? "month"|"quarter"|"year"|"week"|"fiscal_year"|"fiscal_quarter"
---@param options? sumi.DatePeriodOptions Week options for "week", fiscal options for the fiscal periods
---@return string date
function date.last_day(value, period, options) end

---The values from `first` to `last` (both of one kind), every `step` days, months or quarters;
---empty when last is before first.
---@param first string
---@param last string
---@param step? integer 1 or more (default 1)
---@return string[] values
function date.range(first, last, step) end

---The era's name and year of a date (of a month's or quarter's first day):
---`date.era_year("2025-03-31")` -> "令和", 7. From 1873-01-01 (明治6年) on.
---@param value string
---@return string era
---@return integer year
function date.era_year(value) end

---The Japanese era of a date (of a month's or quarter's first day), its first year written 元年:
---"2019-05-01" -> "令和元年", "2019-04-30" -> "平成31年". From 1873-01-01 (明治6年) on.
---@param value string
---@param options? sumi.DateEraOptions
---@return string text
function date.era(value, options) end

return date
