-- Report sentences with computed figures in them:
--
--   template.fill("世界全体{world}社の{share:pct1}を占める", {world = 271, share = 71 / 271})
--   --> "世界全体271社の26.2%を占める"
--
-- {name} takes values[name]: a number with thousands separators, a string
-- as it is. {name:format} passes it through a named format (template.formats,
-- which a script may extend, with format.formatter for one). {{ and }} are literal braces. A placeholder
-- with no value, an unknown format or a value a format cannot take is an
-- error at the line that called fill.
local errors = require "sumi.internal.errors"
local options = require "sumi.internal.options"
local locale = require "sumi.locale"
local format = require "sumi.format"

local template = {}

-- ---- the named formats

-- What each built-in format takes; fill checks it before calling one, so
-- that the message names the placeholder. A script's own formats take
-- anything and check for themselves.
local takes = {}

local function builtin(kind, fn)
  takes[fn] = kind
  return fn
end

local function number_format(fn) return builtin("number", fn) end

-- Numbers that are not whole print with as many places as needed, up to
-- 15 significant digits: a figure is never cut short silently. Choose a
-- format ({x:num1}, {x:pct1}) to round.
local function shortest(value, separator)
  if value == math.floor(value) then return format.number(value, {separator = separator}) end
  local magnitude = math.floor(math.log(math.abs(value), 10))
  local places = math.max(0, math.min(20, 14 - magnitude))
  local text = format.number(value, {decimals = places, separator = separator})
  return (text:gsub("0+$", ""):gsub("%.$", ""))
end

template.formats = {
  int = number_format(function(v) return format.number(v) end),
  num1 = number_format(function(v) return format.number(v, {decimals = 1}) end),
  num2 = number_format(function(v) return format.number(v, {decimals = 2}) end),
  plain = number_format(function(v) return shortest(v, "") end),
  pct0 = number_format(function(v) return format.percent(v, {decimals = 0}) end),
  pct1 = number_format(function(v) return format.percent(v, {decimals = 1}) end),
  pct2 = number_format(function(v) return format.percent(v, {decimals = 2}) end),
  change0 = number_format(function(v) return format.change(v, {decimals = 0}) end),
  change1 = number_format(function(v) return format.change(v, {decimals = 1}) end),
  change2 = number_format(function(v) return format.change(v, {decimals = 2}) end),
  signed = number_format(function(v) return format.signed(v) end),
  -- negatives as Japanese accounting writes them (△1,234, ▲1,234) or in parentheses
  tri0 = number_format(function(v) return format.number(v, {negative = "triangle"}) end),
  tri1 = number_format(function(v) return format.number(v, {decimals = 1, negative = "triangle"}) end),
  tri_black0 = number_format(function(v) return format.number(v, {negative = "black_triangle"}) end),
  tri_black1 = number_format(function(v)
    return format.number(v, {decimals = 1, negative = "black_triangle"})
  end),
  paren0 = number_format(function(v) return format.number(v, {negative = "parentheses"}) end),
  paren2 = number_format(function(v) return format.number(v, {decimals = 2, negative = "parentheses"}) end),
  tri_change1 = number_format(function(v) return format.change(v, {negative = "triangle"}) end),
  -- significant digits
  sig2 = number_format(function(v) return format.number(v, {digits = 2}) end),
  sig3 = number_format(function(v) return format.number(v, {digits = 3}) end),
  -- differences of shares in points (Japanese: +1.5ポイント; template.new{lang} for others)
  points0 = number_format(function(v) return format.points(v, {decimals = 0}) end),
  points1 = number_format(function(v) return format.points(v, {decimals = 1}) end),
  points2 = number_format(function(v) return format.points(v, {decimals = 2}) end),
  ja_units = number_format(function(v) return format.ja_units(v) end),
  mixed_units = number_format(function(v) return format.ja_units(v, {mixed = true}) end),
  compact = number_format(function(v) return format.compact(v) end),
  usd = number_format(function(v) return format.currency(v, "USD") end),
  jpy = number_format(function(v) return format.currency(v, "JPY") end),
  cny = number_format(function(v) return format.currency(v, "CNY") end),
  date_ja = builtin("date", function(v) return format.date_ja(v) end),
  date_iso = builtin("date", function(v) return format.date_iso(v) end),
}

-- ---- filling

local function is_finite(v) return v == v and v ~= math.huge and v ~= -math.huge end

local function show_number(v)
  if v ~= v then return "nan" end
  return v > 0 and "inf" or "-inf"
end

-- A format of the engine's raises at the script's line, the one that fill
-- itself names: strip it (where: errors.where() before the call).
local function strip_position(message, where)
  message = tostring(message)
  if where ~= "" and message:sub(1, #where) == where then return message:sub(#where + 1) end
  return message
end

local function known_formats(lookup)
  local names, seen = {}, {}
  for _, t in ipairs(lookup) do
    for name in pairs(t) do
      if not seen[name] then
        seen[name] = true
        names[#names + 1] = name
      end
    end
  end
  table.sort(names)
  return table.concat(names, ", ")
end

-- The text of one placeholder, or nil and a message.
local function expand(placeholder, name, format_name, values, lookup)
  local value = values[name]
  if value == nil then
    return nil, ("template.fill: no value for %s (values.%s is nil)"):format(placeholder, name)
  end
  if format_name == nil then
    if type(value) == "string" then return value end
    if type(value) ~= "number" then
      return nil, ("template.fill: %s is a %s; a number or a string expected"):format(placeholder,
        type(value))
    end
    if not is_finite(value) then
      return nil, ("template.fill: %s is %s"):format(placeholder, show_number(value))
    end
    return shortest(value, ",")
  end
  local fn
  for _, t in ipairs(lookup) do
    fn = fn or t[format_name]
  end
  if fn == nil then
    return nil, ("template.fill: unknown format '%s' in %s (known formats: %s)"):format(format_name,
      placeholder, known_formats(lookup))
  end
  local kind = takes[fn]
  if kind == "number" or (kind == "date" and type(value) ~= "string") then
    if type(value) ~= "number" then
      return nil, ("template.fill: %s is a %s; format '%s' takes a number"):format(placeholder, type(value),
        format_name)
    end
    if not is_finite(value) then
      return nil, ("template.fill: %s is %s"):format(placeholder, show_number(value))
    end
  end
  local where = errors.where()
  local ok, text = pcall(fn, value)
  if not ok then return nil, ("template.fill: %s: %s"):format(placeholder, strip_position(text, where)) end
  if type(text) ~= "string" then
    return nil, ("template.fill: format '%s' returned a %s for %s; it must return a string")
      :format(format_name, type(text), placeholder)
  end
  return text
end

-- The filled text, or nil and a message. lookup: format tables, first first.
local function render(text, values, lookup)
  if type(text) ~= "string" then
    return nil, ("template.fill: the template must be a string; got %s"):format(type(text))
  end
  if type(values) ~= "table" then
    return nil, ("template.fill: values must be a table; got %s"):format(type(values))
  end
  local out, pos = {}, 1
  while true do
    local at = text:find("[{}]", pos)
    if not at then
      out[#out + 1] = text:sub(pos)
      return table.concat(out)
    end
    out[#out + 1] = text:sub(pos, at - 1)
    local brace = text:sub(at, at)
    -- Positions are counted in characters, as an editor shows them.
    local column = (utf8.len(text, 1, at - 1) or at - 1) + 1
    if text:sub(at + 1, at + 1) == brace then
      out[#out + 1] = brace
      pos = at + 2
    elseif brace == "}" then
      return nil, ("template.fill: a lone '}' at character %d (write '}}' for a brace)"):format(column)
    else
      local close = text:find("}", at + 1, true)
      if not close then
        return nil, ("template.fill: '{' at character %d is never closed (write '{{' for a brace)")
          :format(column)
      end
      local placeholder = text:sub(at, close)
      local inner = text:sub(at + 1, close - 1)
      local name, format_name = inner:match("^([%a_][%w_]*):([%a_][%w_]*)$")
      name = name or inner:match("^([%a_][%w_]*)$")
      if not name then
        return nil, ("template.fill: bad placeholder %s at character %d (expected {name} or {name:format})")
          :format(placeholder, column)
      end
      local piece, message = expand(placeholder, name, format_name, values, lookup)
      if not piece then return nil, message end
      out[#out + 1] = piece
      pos = close + 1
    end
  end
end

--- template.fill(text, values) -> text with every {placeholder} filled.
function template.fill(text, values)
  local filled, message = render(text, values, {template.formats})
  if not filled then errors.raise(message) end
  return filled
end

local Template = {}
Template.__index = Template

--- t:fill(text, values): as template.fill, with t.formats before template.formats.
function Template:fill(text, values)
  local filled, message = render(text, values, {self.formats, template.formats})
  if not filled then errors.raise(message) end
  return filled
end

-- What is wrong with the formats option of template.new, if anything.
local function check_formats(t)
  for _, name in ipairs(options.sorted_keys(t)) do
    local fn = t[name]
    if type(name) ~= "string" or not name:match("^[%a_][%w_]*$") then
      return ("a table of formats whose names are names (not %s)"):format(errors.show(name))
    end
    if type(fn) ~= "function" then
      return ("a table of functions (format '%s' is a %s)"):format(name, type(fn))
    end
  end
end

local new_spec = {formats = {default = false, type = "table", check = check_formats},
                  lang = locale.option(false)}

--- template.new{formats = {name = function(value) return "..." end}, lang}
--- -> a template object whose own formats come before the shared ones.
--- With lang, it also has the formats of that language: units (large
--- numbers in its units: 7,000亿, 7,000억), mixed_units (1万2,864亿,
--- 1조 2,864억; an error in a language without them, en), points
--- (+1.5个百分点, +1.5pt), date and month (2025年7月26日, 2025년 7월).
function template.new(opts)
  local o = options.check("template.new", opts, new_spec)
  local formats = {}
  if o.lang then
    local lang = o.lang
    formats.units = number_format(function(v) return format.units(v, {lang = lang}) end)
    formats.mixed_units = number_format(function(v) return format.units(v, {lang = lang, mixed = true}) end)
    formats.points = number_format(function(v) return format.points(v, {lang = lang}) end)
    formats.date = builtin("date", function(v) return format.date(v, {lang = lang}) end)
    formats.month = builtin("date", function(v) return format.date(v, {lang = lang, day = false}) end)
  end
  for name, fn in pairs(o.formats or {}) do formats[name] = fn end
  return setmetatable({formats = formats}, Template)
end

return template
