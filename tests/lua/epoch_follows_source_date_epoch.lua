-- sumi.epoch() is SOURCE_DATE_EPOCH when set (ctest sets 1753488000,
-- 2025-07-26 00:00 UTC), so reruns can give the same bytes.
local check = require "check"
local sumi = require "sumi"
local test = check.test

test("sumi.epoch() returns SOURCE_DATE_EPOCH as an integer", function()
  check.equal(sumi.epoch(), 1753488000, "epoch")
  check.equal(math.type(sumi.epoch()), "integer", "type")
end)

test("the report date follows it", function()
  check.equal(sumi.format.date_ja(sumi.epoch()), "2025年7月26日", "date_ja")
  check.equal(sumi.format.date_iso(sumi.epoch()), "2025-07-26", "date_iso")
end)

check.done()
