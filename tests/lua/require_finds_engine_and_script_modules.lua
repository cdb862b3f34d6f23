-- require: the engine's modules are compiled in and cannot be shadowed;
-- other names are .lua files in the script's folder.
local check = require "check"
local test = check.test

test("require of an unknown module errors with 'not found'", function()
  check.errors(function() require "no_such_module" end, "module 'no_such_module' not found",
               "unknown module")
end)

test("require refuses names that climb out of the script's folder", function()
  check.errors(function() require "..check" end, "not found", "'..check'")
  check.errors(function() require "/etc/passwd" end, "not found", "'/etc/passwd'")
end)

test("the engine's modules load by name", function()
  for _, name in ipairs{"sumi", "sumi.canvas", "sumi.text", "sumi.data", "sumi.fonts",
                        "sumi.format", "sumi.runtime"} do
    check.equal(type(require(name)), "table", name)
  end
end)

test("sumi.format comes from the engine, not from sumi/format.lua beside the script", function()
  -- tests/lua/sumi/format.lua is a decoy that returns {decoy = true}.
  local format = require "sumi.format"
  check.equal(format.decoy, nil, "decoy field")
  check.equal(type(format.number), "function", "format.number")
  check.equal(require("sumi").format, format, "sumi.format is the same table")
end)

test("a script-local module in a subfolder loads with dots as separators", function()
  local helper = require "fixtures.helper"
  check.equal(helper.answer, 42, "fixtures/helper.lua")
end)

test("a module runs once and its result is cached", function()
  check.equal(require "fixtures.helper", require "fixtures.helper", "same table")
  check.equal(require("fixtures.helper").loads, 1, "times loaded")
end)

test("a module that returns nothing gives true", function()
  check.equal(require "fixtures.returns_nothing", true, "result")
end)

check.done()
