-- Option tables, checked one way everywhere. A function that takes options
-- declares a spec, one entry per option:
--
--   local spec = {
--     title = false,                                  -- a default, any value
--     mode = {default = "grouped", one_of = {"grouped", "stacked", "percent"}},
--     width = {default = false, type = "number", min = 0},
--     name = {default = false, type = "string", check = function(v) ... end},
--   }
--   local o = options.check("chart.bar", given, spec)
--
-- An entry with a `default` field is checked when the option is given:
-- type ("number", "integer", "string", "boolean", "table", "function", or
-- several joined with "|"), one_of (a list of the values allowed), min and
-- max (numbers), check (function(value) -> nil, or what the value must be),
-- what (the words for what it must be, in place of those made from type),
-- convert (function(value) -> the value options.check returns in its place,
-- once checked: a language tag's canonical form).
-- false stands for "not set": it passes when the default is false, the
-- type allows booleans or one_of lists it. Any other entry is a default of
-- its own, unchecked (a plain data table such as a theme works as a spec).
--
-- Messages name the public function and the option, and are raised at the
-- script's line (sumi.internal.errors):
--   chart.bar: option 'mode' must be one of grouped, stacked, percent; got string "stack"
--   chart.bar: unknown option 'lgend' (valid options: legend, title, ...)
--   chart.bar: options must be a table; got string "x"
-- A value is shown by its type, then itself (errors.show): got string "12",
-- got number 3, got boolean false, got nil, got table.
local errors = require "sumi.internal.errors"

local options = {}
local show = errors.show

--- options.sorted_keys(t) -> the keys of t, sorted (messages and output
--- that must not depend on pairs() order).
function options.sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  return keys
end
local sorted_keys = options.sorted_keys

--- options.fail(fn, key, what, value): "<fn>: option '<key>' must be
--- <what>; got <value>", at the script's line, the value as errors.show
--- shows it. Pass the value the script gave (nil when it gave none), not
--- the spec's default standing in for it.
function options.fail(fn, key, what, value)
  errors.raise(("%s: option '%s' must be %s; got %s"):format(fn, tostring(key), what, show(value)))
end

local type_names = {number = "a number", integer = "an integer", string = "a string",
                    boolean = "a boolean", table = "a table", ["function"] = "a function"}

local function spec_entry(e)
  return type(e) == "table" and rawget(e, "default") ~= nil
end

-- What a value of entry e must be, in words.
local function describe(e)
  if e.what then return e.what end
  if e.one_of then
    local names = {}
    for i, v in ipairs(e.one_of) do names[i] = tostring(v) end
    return "one of " .. table.concat(names, ", ")
  end
  local words = {}
  for t in (e.type or ""):gmatch("[^|]+") do words[#words + 1] = type_names[t] or t end
  local what = table.concat(words, " or ")
  if e.min and e.max then
    what = ("%s in [%s, %s]"):format(what, tostring(e.min), tostring(e.max))
  elseif e.min then
    what = ("%s >= %s"):format(what, tostring(e.min))
  elseif e.max then
    what = ("%s <= %s"):format(what, tostring(e.max))
  end
  return what
end

local function has_type(v, types)
  for t in types:gmatch("[^|]+") do
    if t == "integer" then
      if math.type(v) == "integer" then return true end
    elseif type(v) == t then
      return true
    end
  end
  return false
end

--- options.unknown_key(given, valid) -> the first key of given (in sorted
--- order: the same message on every run) that valid has no entry for, or
--- nil. Data checked by hand, such as a batch manifest, uses it too.
function options.unknown_key(given, valid)
  local unknown = {}
  for k in pairs(given) do
    if valid[k] == nil then unknown[k] = true end
  end
  return sorted_keys(unknown)[1]
end

--- options.value(fn, key, value, entry) -> value, checked against one spec
--- entry (a value that is not set, nil, passes).
function options.value(fn, key, v, e)
  if v == nil then return v end
  if v == false and (e.default == false or (e.type and e.type:find("boolean", 1, true))) then return v end
  local ok = true
  if e.one_of then
    ok = false
    for _, c in ipairs(e.one_of) do
      if c == v then ok = true break end
    end
  end
  if ok and e.type then ok = has_type(v, e.type) end
  if ok and type(v) == "number" then
    if e.min and (v ~= v or v < e.min) then ok = false end
    if e.max and (v ~= v or v > e.max) then ok = false end
  end
  if not ok then options.fail(fn, key, describe(e), v) end
  if e.check then
    local what = e.check(v)
    if what then options.fail(fn, key, what, v) end
  end
  return v
end

--- options.check(fn, given, spec [, where]) -> a new table holding every
--- option of spec: the given value, checked, or the default. given may be
--- nil. where names a table of options inside another ("margins",
--- "annotations[2]"): messages then name the option 'margins.top'.
function options.check(fn, given, spec, where)
  local prefix = where and where .. "." or ""
  if given ~= nil and type(given) ~= "table" then
    if where then options.fail(fn, where, "a table", given) end
    errors.raise(("%s: options must be a table; got %s"):format(fn, show(given)))
  end
  local result = {}
  for k, e in pairs(spec) do
    if spec_entry(e) then result[k] = e.default else result[k] = e end
  end
  local unknown = options.unknown_key(given or {}, spec)
  if unknown ~= nil then
    errors.raise(("%s: unknown option '%s%s' (valid options: %s)"):format(fn, prefix, tostring(unknown),
      table.concat(sorted_keys(spec), ", ")))
  end
  for _, k in ipairs(sorted_keys(given or {})) do
    local v, e = given[k], spec[k]
    if spec_entry(e) then
      options.value(fn, prefix .. tostring(k), v, e)
      if e.convert and v ~= false then v = e.convert(v) end
    end
    result[k] = v
  end
  return result
end

--- options.one_of(fn, key, value, choices) -> value, which must be one of
--- choices.
function options.one_of(fn, key, value, choices)
  return options.value(fn, key, value, {default = choices[1], one_of = choices})
end

--- options.merge(...) -> a new spec: the entries of each table in turn, a
--- later one over an earlier.
function options.merge(...)
  local r = {}
  for i = 1, select("#", ...) do
    for k, v in pairs((select(i, ...))) do r[k] = v end
  end
  return r
end

--- options.copy(t): a deep copy of a plain data table.
function options.copy(t)
  if type(t) ~= "table" then return t end
  local c = {}
  for k, v in pairs(t) do c[k] = options.copy(v) end
  return c
end

--- options.with(t, extra) -> a new table: t's fields, then extra's over
--- them (a text style with one thing changed).
function options.with(t, extra)
  return options.merge(t, extra)
end

return options
