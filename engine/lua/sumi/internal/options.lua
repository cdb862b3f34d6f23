-- Option tables checked against their documented defaults: an unknown key
-- is an error that lists the valid ones, and a missing key takes its
-- default (false stands for "not set"). Shared by scale, axis, legend, marks and chart.
local options = {}

--- options.sorted_keys(t) -> the keys of t, sorted (messages and output
--- that must not depend on pairs() order).
function options.sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return keys
end
local sorted_keys = options.sorted_keys

--- options.check(name, given, defaults [, level]) -> a new table holding
--- every key of defaults, given values first. `given` may be nil. The error
--- is raised at `level` (default 3: the caller of the function that checks).
function options.check(name, given, defaults, level)
  level = level or 3
  if given ~= nil and type(given) ~= "table" then
    error(("bad options to '%s' (table expected, got %s)"):format(name, type(given)), level)
  end
  local result = {}
  for k, v in pairs(defaults) do result[k] = v end
  for k, v in pairs(given or {}) do
    if defaults[k] == nil then
      error(("unknown option '%s' to '%s' (valid options: %s)"):format(tostring(k), name,
        table.concat(sorted_keys(defaults), ", ")), level)
    end
    result[k] = v
  end
  return result
end

--- options.one_of(name, key, value, choices, level): value must be in choices.
function options.one_of(name, key, value, choices, level)
  for _, c in ipairs(choices) do
    if c == value then return value end
  end
  error(("bad option '%s' to '%s' (one of %s expected, got %s)"):format(key, name,
    table.concat(choices, ", "), tostring(value)), (level or 3))
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
  local r = {}
  for k, v in pairs(t) do r[k] = v end
  for k, v in pairs(extra) do r[k] = v end
  return r
end

return options
