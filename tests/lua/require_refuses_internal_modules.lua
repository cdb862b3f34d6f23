-- The engine's internal modules (sumi.internal.*) are not for scripts:
-- require refuses them however it is called, while the public modules
-- built on them load and work.
local check = require "check"
local test = check.test

test("a script cannot require an internal module", function()
  check.errors(function() return require "sumi.internal.options" end,
    "module 'sumi.internal.options' is internal to the engine")
end)

test("nor through pcall, once the engine has loaded it", function()
  local chart = require "sumi.chart" -- loads sumi.internal.options and others
  check.equal(type(chart.bar), "function", "the public module works")
  local ok, err = pcall(require, "sumi.internal.options")
  check.equal(ok, false, "pcall(require, ...) is refused")
  check.equal(err:find("is internal to the engine", 1, true) ~= nil, true, err)
end)

test("nor from a chunk named like an engine module", function()
  local ok, err = pcall(load, "return require 'sumi.internal.options'", "@sumi/chart.lua")
  check.equal(ok, false, "the engine's chunk names are reserved")
  check.equal(err:find("reserved", 1, true) ~= nil, true, err)
end)

check.done()
