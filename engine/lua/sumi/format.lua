-- Number formats for report text. Output never depends on the machine's
-- locale: the engine never calls setlocale, so string.format stays in "C".
local format = {}

local function check_number(value, name)
  if type(value) ~= "number" then
    error(("bad argument to '%s' (number expected, got %s)"):format(name, type(value)), 3)
  end
  if value ~= value or value == math.huge or value == -math.huge then
    error(("bad argument to '%s' (finite number expected, got %s)"):format(name, tostring(value)), 3)
  end
end

local function group_thousands(digits, separator)
  local head = #digits % 3
  local parts = {}
  if head > 0 then parts[#parts + 1] = digits:sub(1, head) end
  for i = head + 1, #digits, 3 do parts[#parts + 1] = digits:sub(i, i + 2) end
  return table.concat(parts, separator)
end

--- 3755 -> "3,755"; format.number(1234.5, {decimals = 1}) -> "1,234.5"
function format.number(value, opts)
  check_number(value, "number")
  opts = opts or {}
  local decimals = opts.decimals or 0
  local separator = opts.separator or ","
  local text = ("%." .. decimals .. "f"):format(math.abs(value))
  local whole, fraction = text:match("^(%d+)(.*)$")
  local sign = (value < 0 and tonumber(text) ~= 0) and "-" or ""
  return sign .. group_thousands(whole, separator) .. fraction
end

--- A ratio as a percentage: format.percent(1509 / 3755) -> "40.2%"
function format.percent(ratio, opts)
  check_number(ratio, "percent")
  opts = opts or {}
  local decimals = opts.decimals or 1
  return format.number(ratio * 100, {decimals = decimals}) .. "%"
end

--- A date in Japanese: format.date_ja(os.time{year=2025, month=7, day=26}) -> "2025年7月26日"
function format.date_ja(epoch)
  check_number(epoch, "date_ja")
  local t = os.date("!*t", epoch)
  return ("%d年%d月%d日"):format(t.year, t.month, t.day)
end

--- ISO 8601 date: "2025-07-26"
function format.date_iso(epoch)
  check_number(epoch, "date_iso")
  return os.date("!%Y-%m-%d", epoch)
end

return format
