-- -p KEY=VALUE values reach the script as strings, in sumi.params and in `...`.
-- Run with: -p count=3 -p name=東京 -p empty=
local check = require "check"
local sumi = require "sumi"
local test = check.test
local script_params = ...

test("a number given with -p arrives as a string", function()
  check.equal(sumi.params.count, "3", "count")
  check.equal(type(sumi.params.count), "string", "type of count")
end)

test("UTF-8 values and empty values arrive intact", function()
  check.equal(sumi.params.name, "東京", "name")
  check.equal(sumi.params.empty, "", "empty")
end)

test("a parameter not given is nil", function()
  check.equal(sumi.params.missing, nil, "missing")
end)

test("the script's ... is the same table as sumi.params", function()
  check.equal(script_params, sumi.params, "...")
end)

check.done()
