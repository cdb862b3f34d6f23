-- Scales and axes of sumi.chart: nice 1-2-5 ticks, band positions, and the
-- one unit a value axis picks for large numbers.
local check = require "check"
local scale = require "sumi.scale"
local axis = require "sumi.axis"

local function list(t) return table.concat(t, ",") end

check.test("0..3755 gives ticks 0 to 4000 by 1000", function()
  local s = scale.linear{domain = {0, 3755}, range = {300, 0}}
  check.equal(list(s:ticks()), "0,1000,2000,3000,4000", "ticks")
  check.equal(s:map(4000), 0.0, "top of the range")
end)

check.test("0..0.6 gives ticks by 0.1 without binary noise", function()
  local s = scale.linear{domain = {0, 0.6}, range = {0, 1}}
  check.equal(list(s:ticks()), "0.0,0.1,0.2,0.3,0.4,0.5,0.6", "ticks")
end)

check.test("zero stretches the domain to 0", function()
  local s = scale.linear{domain = {120, 180}, range = {0, 1}, zero = true}
  local low = s:domain()
  check.equal(low, 0, "low")
end)

check.test("tick count suits the axis length", function()
  check.equal(scale.tick_count(100, 40), 2, "short axis")
  check.equal(scale.tick_count(240, 40), 6, "longer axis")
  check.equal(scale.tick_count(400, 40), 7, "long axis: at most 7")
end)

check.test("log ticks are powers of ten", function()
  local s = scale.log{domain = {3, 4500}, range = {0, 1}}
  check.equal(list(s:ticks()), "1,10,100,1000,10000", "ticks")
  check.near(s:map(100), 0.5, 1e-12, "100 is half way")
end)

check.test("band positions, bandwidth and centres", function()
  local b = scale.band{domain = {"a", "b", "c"}, range = {0, 300}, padding = 0.2}
  check.near(b:map("a"), 10, 1e-9, "first band")
  check.near(b:bandwidth(), 80, 1e-9, "bandwidth")
  check.near(b:center("c"), 250, 1e-9, "last centre")
  check.equal(b:map("z"), nil, "unknown category")
end)

check.test("ordinal colours cycle through the palette", function()
  local c = scale.ordinal{domain = {"x", "y"}, palette = {"red", "blue"}}
  check.equal(c:map("x"), "red", "x")
  check.equal(c:map("y"), "blue", "y")
  check.equal(c:map("z"), "red", "z wraps")
end)

check.test("7e11 reads in 億 with the unit in the title once", function()
  local s = scale.linear{domain = {0, 7e11}, range = {300, 0}, count = 4}
  local _, labels, title = axis.value_labels(s, {title = "産業規模", unit = "元", lang = "ja",
    units = "auto", format = false})
  check.equal(list(labels), "0,2,000,4,000,6,000,8,000", "tick labels")
  check.equal(title, "産業規模（億元）", "axis title")
end)

check.test("English picks bn", function()
  local name, divisor = axis.units(7e11, "en")
  check.equal(name, "bn", "unit")
  check.equal(divisor, 1e9, "divisor")
  check.equal(axis.title_text("Revenue", "yuan", "bn", "en"), "Revenue (bn yuan)", "title")
end)

check.test("small numbers keep no unit", function()
  check.equal((axis.units(3755, "ja")), "", "no unit")
end)

check.test("unknown scale options are errors listing the valid ones", function()
  check.errors(function() scale.linear{domian = {0, 1}} end,
    "scale.linear: unknown option 'domian' (valid options:")
end)

check.done()
