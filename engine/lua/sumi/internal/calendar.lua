-- The proleptic Gregorian calendar in whole days since 1970-01-01: what a
-- dataset's date column holds, what sumi.format writes, sumi.scale's time
-- axis places and sumi.date counts with. No time zone, exact integer
-- arithmetic. Months and quarters are the strings "YYYY-MM" and "YYYYQn"
-- (or "YYYY-Qn"), as a dataset's month and quarter columns give them.
local calendar = {}

-- Days since 1970-01-01 -> year, month, day (proleptic Gregorian), after
-- Howard Hinnant's civil_from_days: exact integer arithmetic, no time zone.
function calendar.civil_from_days(days)
  days = days + 719468
  local era = days // 146097
  local doe = days - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local day = doy - (153 * mp + 2) // 5 + 1
  local month = mp < 10 and mp + 3 or mp - 9
  local year = yoe + era * 400 + (month <= 2 and 1 or 0)
  return year, month, day
end

--- calendar.days_from_civil(year, month, day) -> days since 1970-01-01.
function calendar.days_from_civil(year, month, day)
  year = month <= 2 and year - 1 or year
  local era = year // 400
  local yoe = year - era * 400
  local mp = month > 2 and month - 3 or month + 9
  local doy = (153 * mp + 2) // 5 + day - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

--- calendar.is_leap(year) -> whether February has 29 days.
function calendar.is_leap(year)
  return (year % 4 == 0 and year % 100 ~= 0) or year % 400 == 0
end

--- calendar.days_in_month(year, month) -> 28 to 31.
function calendar.days_in_month(year, month)
  if month == 2 then return calendar.is_leap(year) and 29 or 28 end
  return (month == 4 or month == 6 or month == 9 or month == 11) and 30 or 31
end

--- calendar.first_year, calendar.last_year: the years a value may have
--- (four digits, as the texts write them, so that they sort as text).
calendar.first_year, calendar.last_year = 1, 9999

--- calendar.parse(text) -> kind, year, month (or quarter), day: kind is
--- "date" ("YYYY-MM-DD": year, month, day), "month" ("YYYY-MM": year,
--- month) or "quarter" ("YYYYQn" or "YYYY-Qn": year, quarter). For text
--- of none of these shapes: nil, nil; for one that has a shape but does
--- not exist: nil, the kind it has, and why ("2025-02 has 28 days").
function calendar.parse(text)
  if type(text) ~= "string" then return nil, nil end
  local kind, y, a, b
  y, a, b = text:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if y then
    kind = "date"
  else
    y, a = text:match("^(%d%d%d%d)%-(%d%d)$")
    if y then
      kind = "month"
    else
      y, a = text:match("^(%d%d%d%d)%-?Q(%d)$")
      if not y then return nil, nil end
      kind = "quarter"
    end
  end
  y, a, b = tonumber(y), tonumber(a), b and tonumber(b)
  if y < calendar.first_year then return nil, kind, "the year must be 0001 to 9999" end
  if kind == "quarter" then
    if a < 1 or a > 4 then return nil, kind, "the quarter must be 1 to 4" end
    return kind, y, a
  end
  if a < 1 or a > 12 then return nil, kind, "the month must be 01 to 12" end
  if kind == "month" then return kind, y, a end
  local last = calendar.days_in_month(y, a)
  if b < 1 or b > last then
    return nil, kind, ("%04d-%02d has %d days"):format(y, a, last)
  end
  return kind, y, a, b
end

--- calendar.weekday(days) -> 1 (Monday) to 7 (Sunday), as ISO 8601
--- numbers them (1970-01-01 was a Thursday).
function calendar.weekday(days)
  return (days + 3) % 7 + 1
end

--- calendar.add_months(year, month, day, n) -> year, month, day: n months
--- later (earlier when negative); a day past the end of the month it lands
--- in becomes that month's last day (2025-01-31 plus one month is
--- 2025-02-28).
function calendar.add_months(year, month, day, n)
  local index = year * 12 + (month - 1) + n
  local y, m = index // 12, index % 12 + 1
  return y, m, math.min(day, calendar.days_in_month(y, m))
end

--- calendar.iso_week(days) -> week (1 to 53), year: the ISO 8601 week of a
--- day and the year that week belongs to (2024-12-30 is in week 1 of 2025).
--- A week runs Monday to Sunday and belongs to the year of its Thursday.
function calendar.iso_week(days)
  local thursday = days - calendar.weekday(days) + 4
  local year = calendar.civil_from_days(thursday)
  return (thursday - calendar.days_from_civil(year, 1, 1)) // 7 + 1, year
end

--- calendar.fiscal_spec: the options spec (sumi.internal.options) of a
--- chart's or a time scale's `fiscal` option, {start_month, named_by};
--- the start month, when not given, is the language's.
calendar.fiscal_spec = {
  start_month = {default = false, type = "integer", min = 1, max = 12},
  named_by = {default = "start", one_of = {"start", "end"}},
}

return calendar
