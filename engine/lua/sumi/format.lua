-- Number and date formats for report text. Output never depends on the
-- machine's locale: the engine never calls setlocale, so string.format stays
-- in "C", and thousands are grouped here, not by the C library.
--
-- Rounding is to the nearest, a value exactly halfway away from zero
-- (四捨五入: 2.5 -> "3", 1234.5 yen -> "¥1,235"). Halfway means exactly, in
-- binary: 2.675 is stored as 2.67499999... and gives "2.67". A value that
-- rounds to zero never shows a sign ("0", "0.0%", never "-0"). A negative
-- number is written -1,234 unless the option negative says otherwise:
-- △1,234 (Japanese accounting), ▲1,234 or (1,234).
local calendar = require "sumi.internal.calendar"
local errors = require "sumi.internal.errors"
local formatters = require "sumi.internal.formatters"
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
    errors.raise("format.%s: the value must be a number; got %s", name, errors.show(value))
  end
  if value ~= value or value == math.huge or value == -math.huge then
    errors.raise("format.%s: the value must be a finite number; got %s", name, show(value))
  end
end

-- The options of the functions below (sumi.internal.options specs).
local decimals_option = {default = false, type = "number", what = "an integer in [0, 20]", check = function(d)
  if d ~= math.floor(d) or d < 0 or d > 20 then return "an integer in [0, 20]" end
end}
local digits_option = {default = false, type = "number", what = "an integer in [1, 17]", check = function(d)
  if d ~= math.floor(d) or d < 1 or d > 17 then return "an integer in [1, 17]" end
end}
local negative_option = {default = "minus", one_of = {"minus", "triangle", "black_triangle", "parentheses"}}
local parts_option = {default = false, type = "number", what = "an integer in [1, 5]", check = function(n)
  if n ~= math.floor(n) or n < 1 or n > 5 then return "an integer in [1, 5]" end
end}
local separator_option = {default = ",", type = "string"}
-- signed, change and points always show a sign; the others take sign = true.
local signed_spec = {decimals = decimals_option, digits = digits_option, separator = separator_option,
                     negative = negative_option}
local number_spec = options.merge(signed_spec, {sign = {default = false, type = "boolean"}})
local mixed_spec = {mixed = {default = false, type = "boolean"}, parts = parts_option}
local ja_units_spec = options.merge(number_spec, mixed_spec, {unit = {default = "", type = "string"},
  scale = {default = false, one_of = {"兆", "億", "万", ""}, what = "one of '兆', '億', '万', ''"}})
local compact_spec = options.merge(number_spec, {
  scale = {default = false, one_of = {"tn", "bn", "M", "k", ""}, what = "one of tn, bn, M, k, ''"}})
local currency_spec = {decimals = decimals_option, digits = digits_option, negative = negative_option,
                       sign = number_spec.sign, symbol = {default = false, type = "string"},
                       compact = {default = false, type = "boolean"}}
local date_spec = {weekday = {default = false, type = "boolean"}}
local units_spec = options.merge(ja_units_spec, {scale = {default = false, type = "string"},
  lang = locale.option("ja")})
local money_spec = options.merge(number_spec, mixed_spec, {currency = {default = false, type = "string"},
  scale = {default = false, type = "string"}, lang = locale.option("ja")})
local points_spec = options.merge(signed_spec, {lang = locale.option("ja")})
local date_lang_spec = {weekday = {default = false, type = "boolean"},
  day = {default = true, type = "boolean"}, lang = locale.option("ja")}

-- How a function rounds, from its checked options o: {digits = n}
-- (significant digits) or {decimals = n}; trim drops trailing zeros (the
-- units' default: "14兆", "14.5兆"). fn names the public function.
local function precision_of(o, fn, default, trim)
  if o.decimals and o.digits then
    errors.raise("%s: options 'decimals' and 'digits' cannot both be given (decimals: places after the "
      .. "point; digits: significant digits)", fn)
  end
  if o.digits then return {digits = math.tointeger(o.digits)} end
  if o.decimals then return {decimals = math.tointeger(o.decimals)} end
  return {decimals = default, trim = trim}
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

-- |value| to n significant digits, half away from zero, trailing zeros
-- kept (they are significant: 1.5 to 3 digits is "1.50"; 0 is "0.00"),
-- and whether it is negative. Digits left of the point beyond the n-th
-- are zeros: 12,864 to 3 digits is "12,900". At most 20 places.
local function significant(value, n, separator)
  local x = math.abs(value + 0.0)
  if x == 0 then return digits(value, n - 1, separator) end
  -- the exponent once rounded to n digits: 9.996 to 3 digits is 1.00e+01
  local e = tonumber(("%." .. (n - 1) .. "e"):format(x):match("e([-+]%d+)$"))
  local places = n - 1 - e
  if places >= 0 then return digits(value, math.min(places, 20), separator) end
  -- Rounding left of the point: on the exact integer part, where the first
  -- dropped digit decides (the fraction cannot turn a 4 into a tie).
  local k = -places
  local whole
  if math.type(value) == "integer" and value ~= math.mininteger then
    whole = ("%d"):format(math.abs(value))
  else
    whole = ("%.0f"):format(math.floor(x))
  end
  local kept = whole:sub(1, #whole - k)
  if whole:byte(#whole - k + 1) >= 53 then kept = increment(kept) end -- '5' or more
  return group_thousands(kept .. ("0"):rep(k), separator), value < 0
end

-- |value| as precision p says (precision_of), and whether it is negative.
local function rounded(value, p, separator)
  if p.digits then return significant(value, p.digits, separator) end
  if p.trim then return digits_trimmed(value, p.decimals, separator) end
  return digits(value, p.decimals, separator)
end

-- value * factor for a percentage; beyond the doubles it is an error, not "inf%".
local function scaled(value, factor, name)
  local v = value * factor
  if v ~= v or v == math.huge or v == -math.huge then
    errors.raise("format.%s: the value is too large (%s)", name, show(value))
  end
  return v
end

-- ---- signs: -1,234, △1,234, ▲1,234, (1,234), +1,234

local marks = {minus = "-", triangle = "△", black_triangle = "▲"}

-- body (the number with its symbol, unit or %) with its sign: a negative
-- one as style writes it (o.negative), the parentheses around it all; a
-- positive one with "+" when plus; zero (number: its digits) never signed.
local function with_sign(body, negative, number, style, plus)
  if negative then
    if style == "parentheses" then return "(" .. body .. ")" end
    return marks[style] .. body
  end
  if plus and number:find("[1-9]") then return "+" .. body end
  return body
end

-- ---- numbers

--- 3755 -> "3,755"; format.number(1234.5, {decimals = 1}) -> "1,234.5";
--- {negative = "triangle"}: -1234 -> "△1,234"; {digits = 3}: 12864 -> "12,900"
function format.number(value, opts)
  check_number(value, "number")
  local o = options.check("format.number", opts, number_spec)
  local text, negative = rounded(value, precision_of(o, "format.number", 0), o.separator)
  return with_sign(text, negative, text, o.negative, o.sign)
end

--- A sign always, except on zero: 1234 -> "+1,234", -5 -> "-5", 0 -> "0"
function format.signed(value, opts)
  check_number(value, "signed")
  local o = options.check("format.signed", opts, signed_spec)
  local text, negative = rounded(value, precision_of(o, "format.signed", 0), o.separator)
  return with_sign(text, negative, text, o.negative, true)
end

--- A ratio as a percentage: format.percent(1509 / 3755) -> "40.2%"
function format.percent(ratio, opts)
  check_number(ratio, "percent")
  local o = options.check("format.percent", opts, number_spec)
  local text, negative = rounded(scaled(ratio, 100, "percent"), precision_of(o, "format.percent", 1),
    o.separator)
  return with_sign(text .. "%", negative, text, o.negative, o.sign)
end

--- A change as a signed percentage: format.change(0.2) -> "+20.0%"
function format.change(ratio, opts)
  check_number(ratio, "change")
  local o = options.check("format.change", opts, signed_spec)
  local text, negative = rounded(scaled(ratio, 100, "change"), precision_of(o, "format.change", 1),
    o.separator)
  return with_sign(text .. "%", negative, text, o.negative, true)
end

--- A difference of two shares in points, signed, in the language's word:
--- format.points(0.015) -> "+1.5ポイント"; {lang = "en"} -> "+1.5pt",
--- "zh-Hans" -> "+1.5个百分点", "ko" -> "+1.5%p". diff is a difference of
--- ratios (0.40 - 0.385 = 0.015 is 1.5 points).
function format.points(diff, opts)
  check_number(diff, "points")
  local o = options.check("format.points", opts, points_spec)
  local words = locale.get(o.lang, "format.points")
  local text, negative = rounded(scaled(diff, 100, "points"), precision_of(o, "format.points", 1),
    o.separator)
  return with_sign(text .. (words.points or "pt"), negative, text, o.negative, true)
end

-- ---- units: 万/億/兆 and k/M/bn/tn

local en_scales = locale.get("en").units

-- The text of |value| in the largest scale not above it, or in the forced
-- one, rounded as p says (precision_of). When rounding carries into the
-- next scale, that one is taken (99,999,999 is "1億", never "10,000万").
local function in_scale(value, scales, forced, p, separator)
  local chosen -- index into scales
  for i, s in ipairs(scales) do
    if forced == s[1] or (not forced and not chosen and math.abs(value) >= s[2]) then chosen = i end
  end
  while chosen and chosen > 1 and not forced do
    local r = tonumber((rounded(math.abs(value) / scales[chosen][2], p, "")))
    if r < scales[chosen - 1][2] / scales[chosen][2] then break end
    chosen = chosen - 1
  end
  if not chosen then
    local text, negative = rounded(value, p, separator)
    return text, negative, ""
  end
  local text, negative = rounded(value / scales[chosen][2], p, separator)
  return text, negative, scales[chosen][1]
end

-- The languages that write mixed units, for a message.
local function mixed_languages()
  local tags = {}
  for _, tag in ipairs(locale.tags()) do
    if locale.get(tag).mixed_space then tags[#tags + 1] = tag end
  end
  return table.concat(tags, ", ")
end

-- |value| in mixed units (scales: a language's, the largest first): the
-- largest unit it reaches, then the units below, `parts` at most counting
-- the ones below the smallest unit, rounded half away in the smallest
-- written; parts that are 0 are left out. 1.28645e12 in Japanese with 2
-- parts: "1兆2,865億". A unit whose name ends in the name of the unit
-- written next drops that ending: 万亿 before 亿 is 万 ("1万2,865亿",
-- 12,865亿 as Chinese writes it). Gives the text, whether the value is
-- negative once rounded, and the last unit written ("" for ones).
local function mixed_text(value, scales, parts, space, separator)
  local list = {}
  for i, s in ipairs(scales) do list[i] = s end
  list[#list + 1] = {"", 1}
  local x = math.abs(value)
  local top = #list
  for i = #list - 1, 1, -1 do
    if x >= list[i][2] then top = i end
  end
  local last, count
  while true do
    last = math.min(top + parts - 1, #list)
    count = tonumber((digits(x / list[last][2], 0, "")))
    -- rounding carried into the unit above (9,999.6億 with one part is 1兆)
    if top == 1 or count * list[last][2] < list[top - 1][2] then break end
    top = top - 1
  end
  count = math.tointeger(count) or count
  if count == 0 then return "0", false, "" end
  local pieces, rest = {}, count
  for i = top, last do
    local size = list[i][2] / list[last][2]
    size = math.tointeger(size) or size
    local q = rest // size
    rest = rest - q * size
    if q > 0 then pieces[#pieces + 1] = {digits(q, 0, separator), list[i][1]} end
  end
  local out = {}
  for i, piece in ipairs(pieces) do
    local name, after = piece[2], pieces[i + 1] and pieces[i + 1][2] or ""
    if after ~= "" and #name > #after and name:sub(-#after) == after then name = name:sub(1, -#after - 1) end
    out[i] = piece[1] .. name
  end
  return table.concat(out, space), value < 0, pieces[#pieces][2]
end

-- The number of format.units, ja_units or money (o checked, words the
-- language's, fn the public function): its text with the unit's name,
-- whether it is negative, and the unit's name ("" for none).
local function units_text(value, o, words, fn)
  if o.parts and not o.mixed then
    options.fail(fn, "parts", "left out unless mixed = true (it counts the units mixed units write)", o.parts)
  end
  if not o.mixed then
    local text, negative, scale = in_scale(value, words.units, o.scale or nil, precision_of(o, fn, 1, true),
      o.separator)
    return text .. scale, negative, scale, text
  end
  if not words.mixed_space then
    options.fail(fn, "mixed", ("false or left out in %s (mixed units, 1兆2,864億, are written in %s)")
      :format(words.tag, mixed_languages()), true)
  end
  if o.decimals then
    options.fail(fn, "decimals", "left out with mixed = true (the smallest unit written is rounded to a "
      .. "whole number; digits gives significant digits)", o.decimals)
  end
  if o.scale then
    options.fail(fn, "scale", "left out with mixed = true (mixed units start at the largest unit reached)",
      o.scale)
  end
  if o.digits then -- rounded first, its sign kept
    local sign = value < 0 and -1 or 1
    value = sign * tonumber((significant(value, math.tointeger(o.digits), "")))
  end
  local parts = math.tointeger(o.parts or 2)
  local text, negative, scale = mixed_text(value, words.units, parts, words.mixed_space, o.separator)
  return text, negative, scale, text
end

--- Japanese units: format.ja_units(7e11, {unit = "元"}) -> "7,000億元";
--- 1.4e13 with unit "円" -> "14兆円"; {scale = "億"} forces a unit;
--- {mixed = true}: 1.2864e12 -> "1兆2,864億".
function format.ja_units(value, opts)
  check_number(value, "ja_units")
  local o = options.check("format.ja_units", opts, ja_units_spec)
  local text, negative, _, number = units_text(value, o, locale.get("ja"), "format.ja_units")
  return with_sign(text .. o.unit, negative, number, o.negative, o.sign)
end

-- The scale option of format.units or money, checked against the units of
-- the language (words).
local function check_scale(fn, scale, words)
  if not scale then return end
  local names = {}
  for _, u in ipairs(words.units) do names[#names + 1] = u[1] end
  names[#names + 1] = ""
  options.value(fn, "scale", scale, {default = "", one_of = names,
    what = ("one of %s or \"\" (none)"):format(table.concat(names, ", ", 1, #names - 1))})
end

-- The text of format.units for checked options o (fn: the public function).
local function units_of(value, o, fn, unit)
  local words = locale.get(o.lang, fn)
  check_scale(fn, o.scale, words)
  local text, negative, scale, number = units_text(value, o, words, fn)
  local space = scale ~= "" and unit ~= "" and words.unit_space or ""
  return text .. space .. unit, negative, number
end

--- Large numbers in the units of a language (sumi.locale): format.units(7e11,
--- {lang = "zh-Hans", unit = "元"}) -> "7,000亿元"; "ko" with unit "원" ->
--- "7,000억 원"; "en" -> "700bn"; {scale = "億"} forces a unit of the
--- language ("" for none); {mixed = true}: "1兆2,864億", "1조 2,864억 원".
function format.units(value, opts)
  check_number(value, "units")
  local o = options.check("format.units", opts, units_spec)
  local text, negative, number = units_of(value, o, "format.units", o.unit)
  return with_sign(text, negative, number, o.negative, o.sign)
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
  if words.currency_before then -- the sign goes before the currency: -US$1.2k
    local text, negative, number = units_of(value, o, "format.money", "")
    return with_sign(currency .. text, negative, number, o.negative, o.sign)
  end
  local text, negative, number = units_of(value, o, "format.money", currency)
  return with_sign(text, negative, number, o.negative, o.sign)
end

--- English compact units: format.compact(1.2e9) -> "1.2bn"; k, M, bn, tn.
function format.compact(value, opts)
  check_number(value, "compact")
  local o = options.check("format.compact", opts, compact_spec)
  local text, negative, scale = in_scale(value, en_scales, o.scale or nil,
    precision_of(o, "format.compact", 1, true), o.separator)
  return with_sign(text .. scale, negative, text, o.negative, o.sign)
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
    text, negative, scale = in_scale(value, en_scales, nil, precision_of(o, "format.currency", 1, true), ",")
  else
    text, negative = rounded(value, precision_of(o, "format.currency", c.decimals), ",")
    scale = ""
  end
  return with_sign(symbol .. text .. scale, negative, text, o.negative, o.sign)
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

-- ---- formatters: a format with its options, for tables, charts and templates

-- The functions a formatter may be made of, in the order messages list them.
local formattable = {"number", "signed", "percent", "change", "points", "ja_units", "units", "money",
                     "compact", "currency", "date", "date_ja", "date_iso"}

--- format.formatter(name, ...) -> function(value) -> text: the format
--- format[name] with the arguments after the value fixed, checked now
--- (an unknown option is an error here, not at the first value). Tables
--- (column format), charts (value_labels, y_format, format of a KPI tile)
--- and templates (template.formats) take it wherever they take a format:
--- format.formatter("number", {negative = "triangle"}) writes -1234 as
--- "△1,234"; format.formatter("currency", "USD", {negative = "parentheses"}).
--- Arguments after the value (a chart's row) are ignored.
function format.formatter(name, ...)
  local known = false
  for _, n in ipairs(formattable) do known = known or n == name end
  if not known then
    errors.raise("format.formatter: the format must be one of %s; got %s", table.concat(formattable, ", "),
      errors.show(name))
  end
  local fn, args = format[name], table.pack(...)
  for i = 1, args.n do args[i] = options.copy(args[i]) end
  fn(0, table.unpack(args, 1, args.n)) -- checks the options now, at the line that made the formatter
  local made = function(value) return fn(value, table.unpack(args, 1, args.n)) end
  formatters.record(made, name, args)
  return made
end

return format
