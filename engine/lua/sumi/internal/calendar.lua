-- The proleptic Gregorian calendar in whole days since 1970-01-01: what a
-- dataset's date column holds, what sumi.format writes and sumi.scale's
-- time axis places. No time zone, exact integer arithmetic.
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

--- calendar.days_in_month(year, month) -> 28 to 31.
function calendar.days_in_month(year, month)
  if month == 2 then
    local leap = (year % 4 == 0 and year % 100 ~= 0) or year % 400 == 0
    return leap and 29 or 28
  end
  return (month == 4 or month == 6 or month == 9 or month == 11) and 30 or 31
end

return calendar
