-- scale.time: dates (strings or day counts) to positions, ticks on
-- calendar boundaries chosen for the span, labels in Japanese or English.
local check = require "check"
local scale = require "sumi.scale"
local format = require "sumi.format"

local function list(t) return table.concat(t, ",") end

local function labels(domain, count, lang)
  local s = scale.time{domain = domain, range = {0, 400}, count = count, lang = lang}
  local ticks = s:ticks()
  return list(s:tick_labels(ticks)), s, ticks
end

check.test("dates map linearly in days", function()
  local s = scale.time{domain = {"2025-01-01", "2025-01-11"}, range = {0, 100}}
  check.near(s:map(scale.date_days("2025-01-06")), 50, 1e-9, "mid-way")
  check.equal(scale.date_days("2025-01-01"), 20089, "days since 1970")
  check.equal(scale.date_days("2025-03"), scale.date_days("2025-03-01"), "YYYY-MM is the 1st")
  check.equal(scale.date_days("2025"), scale.date_days("2025-01-01"), "YYYY is 1 January")
  check.equal(scale.date_days(20089), 20089, "a day count")
end)

check.test("a few weeks tick on Mondays", function()
  local text, s, ticks = labels({"2025-01-01", "2025-01-26"}, 5)
  check.equal(s.interval[1], "week", "interval")
  check.equal(text, "2025年1月6日,1月13日,1月20日", "labels")
  for _, t in ipairs(ticks) do check.equal((t + 3) % 7, 0, "a Monday") end
end)

check.test("a year ticks on months, the year written where it begins", function()
  local text, s = labels({"2024-11-01", "2025-06-30"}, 8)
  check.equal(s.interval[1] .. s.interval[2], "month1", "interval")
  check.equal(text, "2024年11月,12月,2025年1月,2月,3月,4月,5月,6月", "labels")
end)

check.test("two years tick on quarters or half years", function()
  local text = labels({"2024-01-01", "2025-12-31"}, 8)
  check.equal(text, "2024年1月,4月,7月,10月,2025年1月,4月,7月,10月", "quarters")
  check.equal((labels({"2024-01-01", "2025-12-31"}, 5)), "2024年1月,7月,2025年1月,7月", "half years")
end)

check.test("decades tick on years and multi-year steps", function()
  check.equal((labels({"2000", "2025"}, 6)), "2000年,2005年,2010年,2015年,2020年,2025年", "5 years")
  check.equal((labels({"2019", "2024"}, 8)), "2019年,2020年,2021年,2022年,2023年,2024年", "years")
  check.equal((labels({"1900", "2025"}, 6)), "1900年,1950年,2000年", "50 years")
end)

check.test("English labels", function()
  check.equal((labels({"2024-11-01", "2025-03-31"}, 8, "en")), "Nov 2024,Dec,Jan 2025,Feb,Mar", "months")
  check.equal((labels({"2025-01-01", "2025-01-26"}, 5, "en")), "Jan 6, 2025,Jan 13,Jan 20", "weeks")
  check.equal((labels({"2000", "2010"}, 3, "en")), "2000,2005,2010", "years")
end)

check.test("nice widens the domain to whole intervals", function()
  local s = scale.time{domain = {"2025-01-10", "2025-11-20"}, range = {0, 1}, count = 6, nice = true}
  local lo, hi = s:domain()
  check.equal(format.date_iso(lo * 86400), "2025-01-01", "low")
  check.equal(format.date_iso(hi * 86400), "2026-01-01", "high")
end)

check.test("bad dates are errors", function()
  check.errors(function() scale.time{domain = {"2025-02-30", "2025-03-01"}} end,
    "scale.time: option 'domain' must be dates (value 1: no such date); got string \"2025-02-30\"")
  check.errors(function() scale.time{domain = {"2025/01/01", "2025-03-01"}} end, "not a date")
  check.errors(function() scale.time{domain = {0, 1}, lang = "fr"} end,
      "scale.time: option 'lang' must be a language tag: one of ja, zh-Hans, zh-Hant, zh-HK, ko, en; " ..
    "got string \"fr\"")
end)

check.done()
