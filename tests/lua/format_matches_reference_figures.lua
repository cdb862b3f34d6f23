-- sumi.format gives the figures of the WAIC 2025 briefing exactly, whatever
-- the machine's locale.
local check = require "check"
local format = require "sumi.format"
local test = check.test

test("format.number(3755) is 3,755", function()
  check.equal(format.number(3755), "3,755", "3755")
end)

test("format.percent(1509 / 3755) is 40.2%", function()
  check.equal(format.percent(1509 / 3755), "40.2%", "1509 / 3755")
end)

test("format.percent(71 / 271) is 26.2%", function()
  check.equal(format.percent(71 / 271), "26.2%", "71 / 271")
end)

test("format.date_ja(0) is 1970年1月1日", function()
  check.equal(format.date_ja(0), "1970年1月1日", "epoch 0")
  check.equal(format.date_iso(0), "1970-01-01", "iso")
end)

test("dates are UTC dates", function()
  check.equal(format.date_ja(1753488000), "2025年7月26日", "2025-07-26 00:00 UTC")
  check.equal(format.date_ja(1753488000 - 1), "2025年7月25日", "one second earlier")
end)

test("number groups thousands and rounds to the given decimals", function()
  check.equal(format.number(0), "0", "0")
  check.equal(format.number(999), "999", "999")
  check.equal(format.number(1000), "1,000", "1000")
  check.equal(format.number(7000e8), "700,000,000,000", "7000e8")
  check.equal(format.number(1234.5, {decimals = 1}), "1,234.5", "1234.5")
  check.equal(format.number(-1234567.891, {decimals = 2}), "-1,234,567.89", "negative")
  check.equal(format.number(5100, {separator = " "}), "5 100", "separator")
  check.equal(format.number(-0.4), "0", "no negative zero")
end)

test("percent takes decimals", function()
  check.equal(format.percent(0.15, {decimals = 0}), "15%", "0 decimals")
  check.equal(format.percent(2246 / 3755, {decimals = 2}), "59.81%", "2 decimals")
end)

test("anything but a finite number is an error", function()
  check.errors(function() format.number("3755") end, "format.number: the value must be a number; got string",
      "string")
  check.errors(function() format.percent(0 / 0) end,
      "format.percent: the value must be a finite number; got nan", "NaN")
  check.errors(function() format.date_ja(nil) end,
      "format.date_ja: the date must be seconds since 1970 or a \"YYYY-MM-DD\" string; got nil",
    "nil date")
end)

check.done()
