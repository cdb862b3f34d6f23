-- An error in sumi.stats, sumi.numeric, sumi.format, sumi.template or the
-- charts and documents names the script's file and the line of the call,
-- not a line in the engine, however deep in the library it is found.
local check = require "check"
local here, message_of = check.here, check.message_of
local sumi = require "sumi"
local numeric = require "sumi.numeric"
local test = check.test

-- Each case calls here() on the same line as the failing call.
local function starts_at(message, where, what)
  check.is_true(where:find("metrics_errors_point_at_the_script_line.lua:%d+: $"), "here() gives file:line")
  check.equal(message:sub(1, #where), where, what)
end

test("stats: share with a zero whole", function()
  local m, w = message_of(function() sumi.stats.share(1, 0) end), here()
  starts_at(m, w, "share")
  check.is_true(m:find("stats.share: the whole is 0", 1, true), "message")
end)

test("stats: cagr with no years", function()
  local m, w = message_of(function() sumi.stats.cagr(1, 2, 0) end), here()
  starts_at(m, w, "cagr")
end)

test("stats and numeric: a nan in a list", function()
  local m, w = message_of(function() sumi.stats.mean({1, 0 / 0}) end), here()
  starts_at(m, w, "mean")
  check.is_true(m:find("bad argument #1 to 'mean' (value 2 is nan)", 1, true), "message")
  m, w = message_of(function() numeric.percentile({1}, -1) end), here()
  starts_at(m, w, "percentile")
end)

test("stats: top_n with a missing value", function()
  local m, w = message_of(function() sumi.stats.top_n({{name = "x"}}, 1) end), here()
  starts_at(m, w, "top_n")
end)

test("format: a bad option and a bad date", function()
  local m, w = message_of(function() sumi.format.ja_units(1, {scale = "x"}) end), here()
  starts_at(m, w, "ja_units")
  m, w = message_of(function() sumi.format.date_ja("2025-02-30") end), here()
  starts_at(m, w, "date_ja")
  m, w = message_of(function() sumi.format.currency(1, "ABC") end), here()
  starts_at(m, w, "currency")
end)

test("template: a nil value, an unknown format, a bad value", function()
  local m, w = message_of(function() sumi.template.fill("{cn}社", {}) end), here()
  starts_at(m, w, "nil value")
  m, w = message_of(function() sumi.template.fill("{x:nope}", {x = 1}) end), here()
  starts_at(m, w, "unknown format")
  m, w = message_of(function() sumi.template.fill("{x:date_iso}", {x = "July"}) end), here()
  starts_at(m, w, "bad date through a format")
  check.is_true(not m:find("sumi/", 1, true), "no engine position inside the message")
  local t = sumi.template.new()
  m, w = message_of(function() t:fill("{x}", {}) end), here()
  starts_at(m, w, "method")
end)

test("charts: an option, a panel of a facet, a caught call", function()
  local rows = {{k = "a", v = 1}, {k = "b", v = 2}}
  local m, w = message_of(function() sumi.chart.bar(rows, {x = "k", y = "v", legend = "left"}) end), here()
  starts_at(m, w, "bar option")
  check.is_true(m:find("chart.bar: option 'legend' must be one of \"top\", \"bottom\", \"right\", \"none\", "
    .. "\"end\", true (\"top\") or false (\"none\"); got string \"left\"", 1, true), m)
  m, w = message_of(function() sumi.chart.facet(rows, {by = "k", x = "k", y = "nope"}) end), here()
  starts_at(m, w, "facet panel")
  check.is_true(not m:find("sumi/", 1, true), "no engine position inside the message: " .. m)
  local ok
  ok, m = pcall(sumi.chart.pie, rows, {label = "k"}); w = here()
  check.is_true(not ok, "pie without value")
  starts_at(m, w, "pcall of the constructor itself")
end)

test("documents: a nested option", function()
  local m, w = message_of(function() sumi.document.new{margins = {top = -1}} end), here()
  starts_at(m, w, "margins.top")
end)

check.done()
