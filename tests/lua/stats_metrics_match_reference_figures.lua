-- sumi.stats gives the WAIC 2025 briefing's computed figures, and refuses
-- to compute what has no answer (a zero denominator, a missing value).
local check = require "check"
local sumi = require "sumi"
local stats = sumi.stats
local format = sumi.format
local test = check.test

test("sumi.stats is the module, and its list functions are sumi.numeric's", function()
  check.equal(stats, require "sumi.stats", "sumi.stats")
  check.equal(stats.sum, require("sumi.numeric").sum, "stats.sum")
  check.equal(stats.top_n, require("sumi.numeric").top_n, "stats.top_n")
end)

test("1,509 of 3,755 models is 40.2%", function()
  check.equal(format.percent(stats.share(1509, 3755)), "40.2%", "share")
  check.equal(format.number(3755 - 1509), "2,246", "the rest of the world")
end)

test("71 of 271 unicorns is 26.2%", function()
  check.equal(format.percent(stats.share(71, 271)), "26.2%", "share")
  check.equal(271 - 71, 200, "unicorns outside China")
end)

test("ratio divides", function()
  check.near(stats.ratio(3755, 1509), 2.48840291583830, 1e-12, "world per China")
  check.equal(stats.ratio(0, 5), 0.0, "zero numerator")
end)

test("growth of 20% prints as +20.0%", function()
  check.near(stats.growth(120, 100), 0.2, 1e-15, "growth")
  check.equal(format.change(stats.growth(120, 100)), "+20.0%", "formatted")
  check.equal(format.change(stats.growth(80, 100)), "-20.0%", "a fall")
  check.equal(stats.growth(100, 100), 0.0, "no change")
end)

test("cagr of a known series", function()
  -- 100 -> 121 in two years is 10% a year; 7,000億 growing 20% a year for
  -- three years reaches 12,096億.
  check.near(stats.cagr(100, 121, 2), 0.1, 1e-12, "10% a year")
  check.near(stats.cagr(7000e8, 12096e8, 3), 0.2, 1e-12, "20% a year")
  check.equal(format.change(stats.cagr(7000e8, 12096e8, 3)), "+20.0%", "formatted")
  check.equal(stats.cagr(5, 5, 4), 0.0, "flat")
  check.equal(stats.cagr(5, 0, 1), -1.0, "to nothing")
end)

test("the summaries of a list", function()
  local models = {1509, 1200, 450, 300, 296}
  check.equal(stats.sum(models), 3755, "sum")
  check.equal(stats.mean(models), 751.0, "mean")
  check.equal(stats.median(models), 450.0, "median")
  check.equal(stats.percentile(models, 25), 300.0, "first quartile")
  check.equal(stats.cumsum(models)[5], 3755, "running total")
  check.equal(stats.rank(models)[3], 3, "rank")
end)

test("top_n with others", function()
  local rows = {
    {name = "中国", value = 71}, {name = "米国", value = 150}, {name = "英国", value = 20},
    {name = "インド", value = 10}, {name = "ドイツ", value = 10}, {name = "その他の国", value = 10},
  }
  local top, others, folded = stats.top_n(rows, 2, {others = "その他"})
  check.equal(#top, 3, "two and others")
  check.equal(top[1].name, "米国", "first")
  check.equal(top[2].name, "中国", "second")
  check.equal(others.name, "その他", "others label")
  check.equal(others.value, 50, "20 + 10 + 10 + 10")
  check.equal(folded, 4, "rows in others")
  check.equal(stats.sum({top[1].value, top[2].value, top[3].value}), 271, "the whole is kept")
end)

test("zero denominators are errors, never inf or nan", function()
  check.errors(function() stats.share(1, 0) end, "stats.share: the whole is 0", "share")
  check.errors(function() stats.ratio(1, 0) end, "stats.ratio: b is 0", "ratio")
  check.errors(function() stats.growth(5, 0) end, "stats.growth: old is 0", "growth")
  check.equal(stats.pct_change, nil, "one name for growth: no pct_change alias")
  check.errors(function() stats.share(0, 0) end, "stats.share: the whole is 0", "0 / 0")
end)

test("missing and non-finite inputs are errors", function()
  check.errors(function() stats.share(nil, 5) end, "stats.share: part must be a number; got nil", "nil part")
  check.errors(function() stats.share(1, "5") end, "stats.share: whole must be a number; got string",
      "string")
  check.errors(function() stats.share(0 / 0, 5) end, "stats.share: part is nan", "nan")
  check.errors(function() stats.ratio(1, math.huge) end, "stats.ratio: b is inf", "inf")
  check.errors(function() stats.growth(nil, 1) end, "stats.growth: new must be a number; got nil", "nil new")
  check.errors(function() stats.share(1e300, 1e-300) end, "stats.share: the result is beyond", "overflow")
end)

test("growth from a negative base and bad cagr inputs are errors", function()
  check.errors(function() stats.growth(-50, -100) end, "stats.growth: old is negative (-100)",
      "negative base")
  check.errors(function() stats.cagr(0, 10, 2) end, "stats.cagr: first must be > 0; got 0", "first 0")
  check.errors(function() stats.cagr(10, -1, 2) end, "stats.cagr: last must be >= 0; got -1", "last < 0")
  check.errors(function() stats.cagr(10, 20, 0) end, "stats.cagr: years must be > 0; got 0", "years 0")
end)

check.done()
