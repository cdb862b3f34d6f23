-- Number and date formats for report text. Output never depends on the
-- machine's locale: the engine never calls setlocale, so string.format stays
-- in "C", and thousands are grouped here, not by the C library.
--
-- Rounding is to the nearest, a value exactly halfway away from zero
-- (四捨五入: 2.5 -> "3", 1234.5 yen -> "¥1,235"). Halfway means exactly, in
-- binary: 2.675 is stored as 2.67499999... and gives "2.67". A value that
-- rounds to zero never shows a sign ("0", "0.0%", never "-0").
local calendar = require "sumi.internal.calendar"
local errors = require "sumi.internal.errors"
local locale = require "sumi.locale"
local options = require "sumi.internal.options"
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
    errors.raise("format.%s: the value must be a number; got %s", name, type(value))
  end
  if value ~= value or value == math.huge or value == -math.huge then
    errors.raise("format.%s: the value must be a finite number; got %s", name, show(value))
  end
end

-- The options of the functions below (sumi.internal.options specs).
local decimals_option = {default = false, type = "number", what = "an integer in [0, 20]", check = function(d)
  if d ~= math.floor(d) or d < 0 or d > 20 then return "an integer in [0, 20]" end
end}
local separator_option = {default = ",", type = "string"}
local number_spec = {decimals = decimals_option, separator = separator_option}
local ja_units_spec = options.merge(number_spec, {unit = {default = "", type = "string"},
  scale = {default = false, one_of = {"兆", "億", "万", ""}, what = "one of '兆', '億', '万', ''"}})
local compact_spec = options.merge(number_spec, {
  scale = {default = false, one_of = {"tn", "bn", "M", "k", ""}, what = "one of tn, bn, M, k, ''"}})
local currency_spec = {decimals = decimals_option, symbol = {default = false, type = "string"},
                       compact = {default = false, type = "boolean"}}
local date_spec = {weekday = {default = false, type = "boolean"}}
local units_spec = options.merge(number_spec, {unit = {default = "", type = "string"},
  scale = {default = false, type = "string"}, lang = locale.option("ja")})
local money_spec = options.merge(number_spec, {currency = {default = false, type = "string"},
  scale = {default = false, type = "string"}, lang = locale.option("ja")})
local date_lang_spec = {weekday = {default = false, type = "boolean"},
  day = {default = true, type = "boolean"}, lang = locale.option("ja")}

-- The decimals option as an integer, or the default.
local function decimals_of(o, default)
  if o.decimals then return math.tointeger(o.decimals) end
  return default
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
    errors.raise("format.%s: the value is too large (%s)", name, show(value))
  end
  return v
end

-- ---- numbers

--- 3755 -> "3,755"; format.number(1234.5, {decimals = 1}) -> "1,234.5"
function format.number(value, opts)
  check_number(value, "number")
  local o = options.check("format.number", opts, number_spec)
  local text, negative = digits(value, decimals_of(o, 0), o.separator)
  return (negative and "-" or "") .. text
end

--- A sign always, except on zero: 1234 -> "+1,234", -5 -> "-5", 0 -> "0"
function format.signed(value, opts)
  check_number(value, "signed")
  local o = options.check("format.signed", opts, number_spec)
  local text, negative = digits(value, decimals_of(o, 0), o.separator)
  if negative then return "-" .. text end
  return (text:find("[1-9]") and "+" or "") .. text
end

--- A ratio as a percentage: format.percent(1509 / 3755) -> "40.2%"
function format.percent(ratio, opts)
  check_number(ratio, "percent")
  local o = options.check("format.percent", opts, number_spec)
  local text, negative = digits(scaled(ratio, 100, "percent"), decimals_of(o, 1), o.separator)
  return (negative and "-" or "") .. text .. "%"
end

--- A change as a signed percentage: format.change(0.2) -> "+20.0%"
function format.change(ratio, opts)
  check_number(ratio, "change")
  local o = options.check("format.change", opts, number_spec)
  local text, negative = digits(scaled(ratio, 100, "change"), decimals_of(o, 1), o.separator)
  if negative then return "-" .. text .. "%" end
  return (text:find("[1-9]") and "+" or "") .. text .. "%"
end

-- ---- units: 万/億/兆 and k/M/bn/tn

local ja_scales = locale.get("ja").units
local en_scales = locale.get("en").units

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

--- Japanese units: format.ja_units(7e11, {unit = "元"}) -> "7,000億元";
--- 1.4e13 with unit "円" -> "14兆円"; {scale = "億"} forces a unit.
function format.ja_units(value, opts)
  check_number(value, "ja_units")
  local o = options.check("format.ja_units", opts, ja_units_spec)
  local text, negative, scale = in_scale(value, ja_scales, o.scale or nil, decimals_of(o), o.separator)
  return (negative and "-" or "") .. text .. scale .. o.unit
end

--- Large numbers in the units of a language (sumi.locale): format.units(7e11,
--- {lang = "zh-Hans", unit = "元"}) -> "7,000亿元"; "ko" with unit "원" ->
--- "7,000억 원"; "en" -> "700bn"; {scale = "億"} forces a unit of the
--- language ("" for none).
function format.units(value, opts)
  check_number(value, "units")
  local o = options.check("format.units", opts, units_spec)
  local words = locale.get(o.lang, "format.units")
  if o.scale then
    local names = {}
    for _, u in ipairs(words.units) do names[#names + 1] = u[1] end
    names[#names + 1] = ""
    options.value("format.units", "scale", o.scale, {default = "", one_of = names,
      what = ("one of %s or \"\" (none)"):format(table.concat(names, ", ", 1, #names - 1))})
  end
  local text, negative, scale = in_scale(value, words.units, o.scale or nil, decimals_of(o), o.separator)
  local space = scale ~= "" and o.unit ~= "" and words.unit_space or ""
  return (negative and "-" or "") .. text .. scale .. space .. o.unit
end

--- Money in a language's own form (sumi.locale): format.money(7e11) ->
--- "7,000億円"; {lang = "zh-Hans"} -> "7,000亿元"; "zh-HK" -> "7,000億港元";
--- "ko" -> "7,000억 원"; "en" -> "US$700bn". currency puts another word
--- for the currency ({lang = "ja", currency = "元"} -> "7,000億元"); the
--- other options are those of format.units.
function format.money(value, opts)
  check_number(value, "money")
  local o = options.check("format.money", opts, money_spec)
  local words = locale.get(o.lang, "format.money")
  local currency = o.currency or words.currency
  local units = {lang = o.lang, scale = o.scale or nil, decimals = o.decimals or nil, separator = o.separator}
  if words.currency_before then -- the sign goes before the currency: -US$1.2k
    local sign, text = format.units(value, units):match("^(%-?)(.*)$")
    return sign .. currency .. text
  end
  units.unit = currency
  return format.units(value, units)
end

--- English compact units: format.compact(1.2e9) -> "1.2bn"; k, M, bn, tn.
function format.compact(value, opts)
  check_number(value, "compact")
  local o = options.check("format.compact", opts, compact_spec)
  local text, negative, scale = in_scale(value, en_scales, o.scale or nil, decimals_of(o), o.separator)
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
    errors.raise("format.currency: the currency must be one of %s; got %s", table.concat(currency_codes,
      ", "),
      errors.show(code))
  end
  local o = options.check("format.currency", opts, currency_spec)
  local symbol = o.symbol or c.symbol
  local text, negative, scale
  if o.compact then
    text, negative, scale = in_scale(value, en_scales, nil, decimals_of(o), ",")
  else
    text, negative = digits(value, decimals_of(o, c.decimals), ",")
    scale = ""
  end
  return (negative and "-" or "") .. symbol .. text .. scale
end

-- ---- dates

local civil_from_days, days_from_civil = calendar.civil_from_days, calendar.days_from_civil

-- 0001-01-01 and 9999-12-31 in days since 1970: the years a date may have.
local first_day, last_day = -719162, 2932896

-- A date (seconds since 1970, UTC, or a "YYYY-MM-DD" string) as days since
-- 1970; errors name the public function `name`. With periods, a month
-- "YYYY-MM" or a quarter "YYYYQn" ("YYYY-Qn") is taken too: the result is
-- then the kind ("date", "month" or "quarter") and its parts.
local function to_days(date, name, periods)
  if type(date) == "string" then
    local kind, y, a, d = calendar.parse(date)
    if kind == "date" or (periods and kind) then
      if kind == "date" then return days_from_civil(y, a, d), kind end
      return nil, kind, y, a
    end
    if y == "date" or (periods and y) then
      errors.raise("format.%s: no such %s: %s", name, y, errors.show(date))
    end
    if periods then
      errors.raise("format.%s: the date must be a \"YYYY-MM-DD\" string, a month \"YYYY-MM\" or a quarter "
        .. "\"YYYYQn\"; got %s", name, errors.show(date))
    end
    errors.raise("format.%s: the date must be a \"YYYY-MM-DD\" string; got %s", name, errors.show(date))
  end
  if type(date) ~= "number" then
    errors.raise("format.%s: the date must be seconds since 1970 or a \"YYYY-MM-DD\" string; got %s", name,
      type(date))
  end
  if date ~= date or date == math.huge or date == -math.huge then
    errors.raise("format.%s: the date must be a finite number; got %s", name, show(date))
  end
  local days = math.floor(date / 86400)
  if days < first_day or days > last_day then
    errors.raise("format.%s: the date is out of range (%s seconds is not in the years 1 to 9999)", name,
      tostring(date))
  end
  return math.tointeger(days), "date"
end

-- A month or a quarter in the words of w (locale.get).
local function period_text(w, kind, y, a)
  if kind == "quarter" then return w.year_quarter:format(y, w.quarter_names[a]) end
  if w.months then return w.year_month:format(w.months[a], y) end
  return w.year_month:format(y, a)
end

-- The text of format.date(date, o) for the function called `name`.
local function date_text(date, o, name)
  local days, kind, y, a = to_days(date, name, true)
  local w = locale.get(o.lang, "format." .. name)
  if kind ~= "date" then
    if o.weekday then
      options.fail("format." .. name, "weekday", "false for a " .. kind .. ", which has no weekday", true)
    end
    return period_text(w, kind, y, a)
  end
  local d
  y, a, d = civil_from_days(days)
  local text
  if not o.day then
    text = period_text(w, "month", y, a)
  elseif w.months then
    text = w.date:format(d, w.months[a], y)
  else
    text = w.date:format(y, a, d)
  end
  if o.weekday then
    if not o.day then options.fail("format." .. name, "weekday", "false when day is false", true) end
    text = text .. w.weekday:format(w.weekdays[(days + 4) % 7 + 1]) -- 1970-01-01 was a Thursday
  end
  return text
end

--- format.date_ja(1753488000) or format.date_ja("2025-07-26") -> "2025年7月26日";
--- {weekday = true} -> "2025年7月26日（土）"; a month "2025-03" ->
--- "2025年3月", a quarter "2025Q1" -> "2025年第1四半期"
function format.date_ja(date, opts)
  to_days(date, "date_ja", true)
  local o = options.check("format.date_ja", opts, date_spec)
  return date_text(date, {lang = "ja", weekday = o.weekday, day = true}, "date_ja")
end

--- format.date(date [, {lang = "ja", weekday = false, day = true}]): a date as
--- the language writes it: "2025年7月26日", "2025년 7월 26일", "26 July 2025";
--- day = false gives the month ("2025年7月", "July 2025"). A month
--- ("2025-03") is written as its month ("2025年3月", "March 2025"), a
--- quarter ("2025Q1") as its quarter ("2025年第1四半期", "2025 Q1",
--- "2025年第一季度", "2025년 1분기").
function format.date(date, opts)
  to_days(date, "date", true)
  local o = options.check("format.date", opts, date_lang_spec)
  return date_text(date, o, "date")
end

--- ISO 8601 date: format.date_iso(1753488000) -> "2025-07-26"
function format.date_iso(date)
  local y, m, d = civil_from_days(to_days(date, "date_iso"))
  return ("%04d-%02d-%02d"):format(y, m, d)
end

return format
