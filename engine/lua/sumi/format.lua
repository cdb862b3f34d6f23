-- Number and date formats for report text. Output never depends on the
-- machine's locale: the engine never calls setlocale, so string.format stays
-- in "C", and thousands are grouped here, not by the C library.
--
-- Rounding is to the nearest, a value exactly halfway away from zero
-- (四捨五入: 2.5 -> "3", 1234.5 yen -> "¥1,235"). Halfway means exactly, in
-- binary: 2.675 is stored as 2.67499999... and gives "2.67". A value that
-- rounds to zero never shows a sign ("0", "0.0%", never "-0").
local format = {}

-- ---- checking arguments (errors point at the caller of a public function)

-- nan, inf and -inf as they are written in messages (tostring gives "-nan").
local function show(value)
  if value ~= value then return "nan" end
  if value == math.huge then return "inf" end
  if value == -math.huge then return "-inf" end
  return tostring(value)
end

local function check_number(value, name)
  if type(value) ~= "number" then
    error(("bad argument to '%s' (number expected, got %s)"):format(name, type(value)), 3)
  end
  if value ~= value or value == math.huge or value == -math.huge then
    error(("bad argument to '%s' (finite number expected, got %s)"):format(name, show(value)), 3)
  end
end

-- opts may be nil; any key not in valid (a list) is an error listing them.
local function check_options(opts, name, valid)
  if opts == nil then return {} end
  if type(opts) ~= "table" then
    error(("bad argument to '%s' (options table expected, got %s)"):format(name, type(opts)), 3)
  end
  local known = {}
  for _, key in ipairs(valid) do known[key] = true end
  local unknown = {}
  for key in pairs(opts) do
    if not known[key] then unknown[#unknown + 1] = tostring(key) end
  end
  if #unknown > 0 then
    table.sort(unknown) -- the same message on every run
    error(("unknown option '%s' to '%s' (valid options: %s)"):format(unknown[1], name,
      table.concat(valid, ", ")), 3)
  end
  return opts
end

local function bad_option(name, key, expected, got)
  local shown = type(got) == "string" and ("'%s'"):format(got)
    or type(got) == "number" and tostring(got) or type(got)
  error(("bad option '%s' to '%s' (%s expected, got %s)"):format(key, name, expected, shown), 4)
end

local function option_decimals(opts, name, default)
  local d = opts.decimals
  if d == nil then return default end
  if math.type(d) ~= "integer" and not (math.type(d) == "float" and d == math.floor(d)) then
    bad_option(name, "decimals", "integer in [0, 20]", d)
  end
  if d < 0 or d > 20 then bad_option(name, "decimals", "integer in [0, 20]", d) end
  return math.tointeger(d)
end

local function option_string(opts, name, key, default)
  local s = opts[key]
  if s == nil then return default end
  if type(s) ~= "string" then bad_option(name, key, "string", s) end
  return s
end

local function option_boolean(opts, name, key, default)
  local b = opts[key]
  if b == nil then return default end
  if type(b) ~= "boolean" then bad_option(name, key, "boolean", b) end
  return b
end

-- ---- the one routine that turns a number into digits

local function group_thousands(digits, separator)
  local head = #digits % 3
  local parts = {}
  if head > 0 then parts[#parts + 1] = digits:sub(1, head) end
  for i = head + 1, #digits, 3 do parts[#parts + 1] = digits:sub(i, i + 2) end
  return table.concat(parts, separator)
end

-- "1299.5" -> "1300.5"-style: adds one unit in the last place of a string
-- of digits (with at most one '.').
local function increment(text)
  local bytes = {text:byte(1, -1)}
  for i = #bytes, 1, -1 do
    local c = bytes[i]
    if c ~= 46 then -- '.'
      if c < 57 then -- below '9'
        bytes[i] = c + 1
        return string.char(table.unpack(bytes))
      end
      bytes[i] = 48 -- '9' carries
    end
  end
  return "1" .. string.char(table.unpack(bytes))
end

-- x >= 0 (a float) rounded to decimals places, half away from zero (四捨五入:
-- 2.5 -> "3", 1234.5 -> "1235"). string.format rounds the exact binary value
-- correctly but sends exact ties to the even neighbour; a tie shows as a 5
-- followed by zeros in the exact expansion, which glibc prints in full. 40
-- more digits are enough to tell a tie from a near-tie for every double
-- that does not round to 0 (their distance is at least 1e-51 for 20 places).
local function round_half_away(x, decimals)
  local text = ("%." .. decimals .. "f"):format(x)
  local long = ("%." .. (decimals + 40) .. "f"):format(x)
  if not long:sub(-40):match("^50*$") then return text end
  local truncated = long:sub(1, -41):gsub("%.$", "")
  return increment(truncated)
end

-- |value| rounded to decimals places and grouped, and whether it is
-- negative once rounded (so -0.04 with 1 decimal is "0.0", not "-0.0").
-- Integers print exactly, even beyond 2^53.
local function digits(value, decimals, separator)
  local text
  if math.type(value) == "integer" and value ~= math.mininteger then
    text = ("%d"):format(math.abs(value))
    if decimals > 0 then text = text .. "." .. ("0"):rep(decimals) end
  else
    text = round_half_away(math.abs(value + 0.0), decimals)
  end
  local whole, fraction = text:match("^(%d+)(.*)$")
  local negative = value < 0 and text:find("[1-9]") ~= nil
  return group_thousands(whole, separator) .. fraction, negative
end

-- Up to `decimals` places, trailing zeros dropped: 14.0 -> "14", 14.5 -> "14.5".
local function digits_trimmed(value, decimals, separator)
  local text, negative = digits(value, decimals, separator)
  if text:find(".", 1, true) then text = text:gsub("0+$", ""):gsub("%.$", "") end
  return text, negative
end

-- value * factor for a percentage; beyond the doubles it is an error, not "inf%".
local function scaled(value, factor, name)
  local v = value * factor
  if v ~= v or v == math.huge or v == -math.huge then
    error(("bad argument to '%s' (value too large: %s)"):format(name, show(value)), 3)
  end
  return v
end

-- ---- numbers

--- 3755 -> "3,755"; format.number(1234.5, {decimals = 1}) -> "1,234.5"
function format.number(value, opts)
  check_number(value, "number")
  opts = check_options(opts, "number", {"decimals", "separator"})
  local text, negative = digits(value, option_decimals(opts, "number", 0),
    option_string(opts, "number", "separator", ","))
  return (negative and "-" or "") .. text
end

--- A sign always, except on zero: 1234 -> "+1,234", -5 -> "-5", 0 -> "0"
function format.signed(value, opts)
  check_number(value, "signed")
  opts = check_options(opts, "signed", {"decimals", "separator"})
  local text, negative = digits(value, option_decimals(opts, "signed", 0),
    option_string(opts, "signed", "separator", ","))
  if negative then return "-" .. text end
  return (text:find("[1-9]") and "+" or "") .. text
end

--- A ratio as a percentage: format.percent(1509 / 3755) -> "40.2%"
function format.percent(ratio, opts)
  check_number(ratio, "percent")
  opts = check_options(opts, "percent", {"decimals", "separator"})
  local text, negative = digits(scaled(ratio, 100, "percent"), option_decimals(opts, "percent", 1),
    option_string(opts, "percent", "separator", ","))
  return (negative and "-" or "") .. text .. "%"
end

--- A change as a signed percentage: format.change(0.2) -> "+20.0%"
function format.change(ratio, opts)
  check_number(ratio, "change")
  opts = check_options(opts, "change", {"decimals", "separator"})
  local text, negative = digits(scaled(ratio, 100, "change"), option_decimals(opts, "change", 1),
    option_string(opts, "change", "separator", ","))
  if negative then return "-" .. text .. "%" end
  return (text:find("[1-9]") and "+" or "") .. text .. "%"
end

-- ---- units: 万/億/兆 and k/M/bn/tn

local ja_scales = {{"兆", 1e12}, {"億", 1e8}, {"万", 1e4}}
local en_scales = {{"tn", 1e12}, {"bn", 1e9}, {"M", 1e6}, {"k", 1e3}}

-- The text of |value| in the largest scale not above it, or in the forced
-- one. When rounding carries into the next scale, that one is taken
-- (99,999,999 is "1億", never "10,000万").
local function in_scale(value, scales, forced, decimals, separator)
  local render = decimals and digits or digits_trimmed
  local places = decimals or 1
  local chosen -- index into scales
  for i, s in ipairs(scales) do
    if forced == s[1] or (not forced and not chosen and math.abs(value) >= s[2]) then chosen = i end
  end
  while chosen and chosen > 1 and not forced do
    local rounded = tonumber((digits(math.abs(value) / scales[chosen][2], places, "")))
    if rounded < scales[chosen - 1][2] / scales[chosen][2] then break end
    chosen = chosen - 1
  end
  if not chosen then
    local text, negative = render(value, places, separator)
    return text, negative, ""
  end
  local text, negative = render(value / scales[chosen][2], places, separator)
  return text, negative, scales[chosen][1]
end

local function scale_names(scales)
  local names = {}
  for _, s in ipairs(scales) do names[#names + 1] = ("'%s'"):format(s[1]) end
  names[#names + 1] = "''"
  return table.concat(names, ", ")
end

local function option_scale(opts, name, scales)
  local forced = opts.scale
  if forced == nil then return nil end
  if forced == "" then return "" end
  for _, s in ipairs(scales) do
    if s[1] == forced then return forced end
  end
  bad_option(name, "scale", "one of " .. scale_names(scales), forced)
end

--- Japanese units: format.ja_units(7e11, {unit = "元"}) -> "7,000億元";
--- 1.4e13 with unit "円" -> "14兆円"; {scale = "億"} forces a unit.
function format.ja_units(value, opts)
  check_number(value, "ja_units")
  opts = check_options(opts, "ja_units", {"unit", "scale", "decimals", "separator"})
  local unit = option_string(opts, "ja_units", "unit", "")
  local forced = option_scale(opts, "ja_units", ja_scales)
  local decimals = option_decimals(opts, "ja_units", nil)
  local separator = option_string(opts, "ja_units", "separator", ",")
  local text, negative, scale = in_scale(value, ja_scales, forced, decimals, separator)
  return (negative and "-" or "") .. text .. scale .. unit
end

--- English compact units: format.compact(1.2e9) -> "1.2bn"; k, M, bn, tn.
function format.compact(value, opts)
  check_number(value, "compact")
  opts = check_options(opts, "compact", {"scale", "decimals", "separator"})
  local forced = option_scale(opts, "compact", en_scales)
  local decimals = option_decimals(opts, "compact", nil)
  local separator = option_string(opts, "compact", "separator", ",")
  local text, negative, scale = in_scale(value, en_scales, forced, decimals, separator)
  return (negative and "-" or "") .. text .. scale
end

-- ---- currencies

-- Symbols as CLDR writes them in English (CN¥ tells the yuan from the yen);
-- decimals as each currency is quoted in reports.
local currencies = {
  USD = {symbol = "$", decimals = 2},
  EUR = {symbol = "€", decimals = 2},
  GBP = {symbol = "£", decimals = 2},
  JPY = {symbol = "¥", decimals = 0},
  CNY = {symbol = "CN¥", decimals = 0},
  KRW = {symbol = "₩", decimals = 0},
}
local currency_codes = {"CNY", "EUR", "GBP", "JPY", "KRW", "USD"}

--- format.currency(1234.5, "USD") -> "$1,234.50"; "JPY" -> "¥1,235";
--- "CNY" -> "CN¥1,235"; {compact = true}: format.currency(1.2e9, "USD", {compact = true}) -> "$1.2bn"
function format.currency(value, code, opts)
  check_number(value, "currency")
  local c = currencies[code]
  if not c then
    local got = type(code) == "string" and ("'%s'"):format(code) or type(code)
    error(("bad argument #2 to 'currency' (one of %s expected, got %s)"):format(
      table.concat(currency_codes, ", "), got), 2)
  end
  opts = check_options(opts, "currency", {"decimals", "compact", "symbol"})
  local symbol = option_string(opts, "currency", "symbol", c.symbol)
  local compact = option_boolean(opts, "currency", "compact", false)
  local text, negative, scale
  if compact then
    text, negative, scale = in_scale(value, en_scales, nil, option_decimals(opts, "currency", nil), ",")
  else
    text, negative = digits(value, option_decimals(opts, "currency", c.decimals), ",")
    scale = ""
  end
  return (negative and "-" or "") .. symbol .. text .. scale
end

-- ---- dates

-- Days since 1970-01-01 -> year, month, day (proleptic Gregorian), after
-- Howard Hinnant's civil_from_days: exact integer arithmetic, no time zone.
local function civil_from_days(days)
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

local function days_from_civil(year, month, day)
  year = month <= 2 and year - 1 or year
  local era = year // 400
  local yoe = year - era * 400
  local mp = month > 2 and month - 3 or month + 9
  local doy = (153 * mp + 2) // 5 + day - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function days_in_month(year, month)
  if month == 2 then
    local leap = (year % 4 == 0 and year % 100 ~= 0) or year % 400 == 0
    return leap and 29 or 28
  end
  return (month == 4 or month == 6 or month == 9 or month == 11) and 30 or 31
end

-- 0001-01-01 and 9999-12-31 in days since 1970: the years a date may have.
local first_day, last_day = -719162, 2932896

-- A date (seconds since 1970, UTC, or a "YYYY-MM-DD" string) as days since
-- 1970; errors name the public function `name`.
local function to_days(date, name)
  if type(date) == "string" then
    local y, m, d = date:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
    if not y then
      error(("bad argument to '%s' (date as \"YYYY-MM-DD\" expected, got '%s')"):format(name, date), 3)
    end
    y, m, d = tonumber(y), tonumber(m), tonumber(d)
    if y < 1 or m < 1 or m > 12 or d < 1 or d > days_in_month(y, m) then
      error(("bad argument to '%s' (no such date: '%s')"):format(name, date), 3)
    end
    return days_from_civil(y, m, d)
  end
  if type(date) ~= "number" then
    error(("bad argument to '%s' (number expected, got %s; a date is seconds since 1970 or a "
      .. "\"YYYY-MM-DD\" string)"):format(name, type(date)), 3)
  end
  if date ~= date or date == math.huge or date == -math.huge then
    error(("bad argument to '%s' (finite number expected, got %s)"):format(name, show(date)), 3)
  end
  local days = math.floor(date / 86400)
  if days < first_day or days > last_day then
    error(("bad argument to '%s' (date out of range: %s seconds is not in the years 1 to 9999)")
      :format(name, tostring(date)), 3)
  end
  return math.tointeger(days)
end

local weekdays_ja = {"日", "月", "火", "水", "木", "金", "土"}

--- format.date_ja(1753488000) or format.date_ja("2025-07-26") -> "2025年7月26日";
--- {weekday = true} -> "2025年7月26日（土）"
function format.date_ja(date, opts)
  local days = to_days(date, "date_ja")
  opts = check_options(opts, "date_ja", {"weekday"})
  local y, m, d = civil_from_days(days)
  local text = ("%d年%d月%d日"):format(y, m, d)
  if option_boolean(opts, "date_ja", "weekday", false) then
    text = text .. "（" .. weekdays_ja[(days + 4) % 7 + 1] .. "）" -- 1970-01-01 was a Thursday
  end
  return text
end

--- ISO 8601 date: format.date_iso(1753488000) -> "2025-07-26"
function format.date_iso(date)
  local y, m, d = civil_from_days(to_days(date, "date_iso"))
  return ("%04d-%02d-%02d"):format(y, m, d)
end

--- format.civil_from_days(days) -> year, month, day: the calendar date of
--- a day count since 1970-01-01 (what a dataset's date column holds).
format.civil_from_days = civil_from_days

--- format.days_from_civil(year, month, day) -> days since 1970-01-01.
format.days_from_civil = days_from_civil

--- format.days_in_month(year, month) -> 28 to 31.
format.days_in_month = days_in_month

return format
