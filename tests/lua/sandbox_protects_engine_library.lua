-- A script cannot change the engine's Lua library under it: the string
-- metatable is read-only, strings' methods and the engine's modules use
-- copies of the standard libraries taken before the script ran, and the
-- engine's module tables refuse writes.
local check = require "check"
local test = check.test
local sumi = require "sumi"

test("getmetatable('') is a read-only view", function()
  local mt = getmetatable("")
  check.errors(function() mt.__index = {} end, "the engine's string metatable is read-only",
               "replacing __index")
  check.errors(function() mt.__index.format = nil end, "the engine's string library is read-only",
               "changing a method")
  check.errors(function() setmetatable(mt, nil) end, "cannot change a protected metatable",
               "setmetatable on the view")
  check.equal(mt.__index.upper("abc"), "ABC", "reading through the view")
  check.equal(("x"):rep(3), "xxx", "methods still work")
end)

test("the engine's modules refuse writes, raw ones too", function()
  check.errors(function() sumi.format.number = nil end, "the engine's module is read-only",
               "sumi.format.number = nil")
  check.errors(function() sumi.brand_new = 1 end, "the engine's module is read-only", "new key")
  check.errors(function() rawset(sumi.stats, "mean", print) end,
               "the engine's modules are read-only", "rawset")
  check.errors(function() setmetatable(sumi.canvas, nil) end,
               "cannot change a protected metatable", "setmetatable")
  check.equal(getmetatable(sumi.format), false, "getmetatable of a module")
  local t = {}
  check.equal(rawset(t, "k", 1), t, "rawset on a script's own table")
  check.equal(t.k, 1, "rawset stored")
end)

test("the engine's objects hide their metatables", function()
  local c = sumi.canvas.png("reports/hidden.png", {width = 4, height = 4})
  check.equal(getmetatable(c), false, "getmetatable of a canvas")
  local ds = sumi.data.from_rows({{a = 1}})
  check.equal(getmetatable(ds), false, "getmetatable of a dataset")
  check.equal(getmetatable(setmetatable({}, {__index = {}})).__index ~= nil, true,
              "a script's own table keeps its metatable")
  c:discard()
end)

test("modules still read as tables: pairs, identity, lazy loading", function()
  local names = {}
  for name, value in pairs(sumi.stats) do
    if type(value) == "function" then names[#names + 1] = name end
  end
  check.is_true(#names > 5, "pairs over sumi.stats")
  check.equal(sumi.format, require "sumi.format", "sumi.format is require 'sumi.format'")
  check.equal(type(sumi.chart.bar), "function", "sumi.chart loads on first use")
end)

-- This case overwrites standard library fields on purpose.
-- luacheck: push ignore 121 122
test("clobbered standard libraries do not reach the engine", function()
  local saved = {format = string.format, concat = table.concat, sort = table.sort,
                 floor = math.floor, tostring = tostring, gsub = string.gsub}
  string.format, string.gsub = nil, nil
  table.concat, table.sort = nil, nil
  math.floor = function() error("the script's math.floor was called") end
  tostring = nil
  local ok, err = pcall(function()
    local text = sumi.format.number(1234567.5, {decimals = 1})
    local ds = sumi.data.from_rows({{b = 1, a = 2}})
    local page = sumi.canvas.pdf(nil, {size = "A5"})
    local rows = {{name = "中国", share = 1509 / 3755}, {name = "other", share = 2246 / 3755}}
    local c = sumi.chart.bar(rows, {x = "name", y = "share", value_labels = "pct1",
                                    y_format = "pct0", source = false})
    local boxes = c:draw(page, {x = 10, y = 10, width = 260, height = 160})
    page:discard()
    return {text, ds:names()[1], #boxes}
  end)
  string.format, string.gsub = saved.format, saved.gsub
  table.concat, table.sort = saved.concat, saved.sort
  math.floor = saved.floor
  tostring = saved.tostring
  check.is_true(ok, "the engine ran with clobbered globals: " .. saved.tostring(err))
  check.equal(err[1], "1,234,567.5", "format.number")
  check.equal(err[2], "a", "from_rows sorts its columns with the engine's table.sort")
  check.is_true(err[3] > 0, "the chart drew its labels")
end)
-- luacheck: pop

check.done()
