-- sumi.numeric: sums, means, percentiles (numpy's linear method), ranks and
-- top_n on small arrays whose results are known, nulls skipped, and every
-- bad value refused with its position.
local check = require "check"
local numeric = require "sumi.numeric"
local test = check.test

-- The array as text, holes shown as nil: {1, nil, 3} -> "1 nil 3".
local function show(t)
  local parts = {}
  for i = 1, t.n or #t do parts[i] = tostring(t[i]) end
  return table.concat(parts, " ")
end

test("sum adds integers exactly and keeps them integers", function()
  check.equal(numeric.sum({1509, 2246}), 3755, "1509 + 2246")
  check.equal(math.type(numeric.sum({1, 2, 3})), "integer", "type of an integer sum")
  check.equal(numeric.sum({}), 0, "empty")
  check.equal(numeric.sum({1, 2.5}), 3.5, "mixed")
  check.equal(numeric.sum({9007199254740993, 1}), 9007199254740994, "beyond 2^53, exactly")
end)

test("an integer sum that would overflow goes on as a float", function()
  check.equal(math.type(numeric.sum({math.maxinteger, 1})), "float", "type")
  check.equal(numeric.sum({math.maxinteger, 1}), 2.0 ^ 63, "value")
end)

test("float sums are compensated", function()
  local tenths = {}
  for i = 1, 10 do tenths[i] = 0.1 end
  check.equal(numeric.sum(tenths), 1.0, "ten times 0.1")
  check.equal(numeric.sum({1e16, 1, -1e16}), 1.0, "1e16 + 1 - 1e16")
end)

test("nulls are skipped when n gives the length", function()
  local values = {10, nil, 30, nil, n = 4}
  check.equal(numeric.count(values), 2, "count")
  check.equal(numeric.sum(values), 40, "sum")
  check.equal(numeric.mean(values), 20.0, "mean")
  check.equal(numeric.count(table.pack(nil, nil)), 0, "all nil")
  check.equal(numeric.count({1, 2, 3, n = 2}), 2, "n shortens the array")
end)

test("mean, min, max and extent", function()
  check.equal(numeric.mean({1, 2, 3, 4}), 2.5, "mean")
  check.equal(numeric.min({3, -1, 2}), -1, "min")
  check.equal(numeric.max({3, -1, 2}), 3, "max")
  check.equal(math.type(numeric.max({3, -1, 2})), "integer", "max of integers")
  local low, high = numeric.extent({5, nil, -2, 7.5, n = 4})
  check.equal(low, -2, "extent low")
  check.equal(high, 7.5, "extent high")
  local at_low, at_high, count = numeric.extremes({5, nil, -2, 7.5, -2, 7.5, n = 6})
  check.equal(at_low, 3, "extremes: the first smallest")
  check.equal(at_high, 4, "extremes: the first largest")
  check.equal(count, 5, "extremes: values counted, nil left out")
  local none_low, none_high, none = numeric.extremes(table.pack(nil))
  check.equal(none_low, nil, "no values: no position")
  check.equal(none_high, nil, "no values: no position")
  check.equal(none, 0, "no values: count 0")
  local ds = require("sumi").data.read_csv("fixtures/daily_sales.csv", {types = {day = "date"}})
  local first, last, days = numeric.extremes(ds:view("day"))
  -- 2025-01-01 to 2025-03-31, a row a day in order
  check.equal(first, 1, "a date column's earliest")
  check.equal(last, 90, "a date column's latest")
  check.equal(days, 90, "every day counted")
end)

test("median of odd and even counts", function()
  check.equal(numeric.median({3, 1, 2}), 2.0, "odd")
  check.equal(numeric.median({4, 1, 3, 2}), 2.5, "even")
  check.equal(numeric.median({7}), 7.0, "one value")
end)

-- numpy.percentile([15, 20, 35, 40, 50], q) with the default method
-- ("linear"): q = 0, 5, 30, 40, 50, 100 -> 15, 16, 23, 29, 35, 50; and
-- numpy.percentile([1, 2, 3, 4], 25) -> 1.75, [1, 10], 33 -> 3.97.
test("percentile matches numpy's linear method", function()
  local x = {50, 15, 40, 20, 35}
  check.equal(numeric.percentile(x, 0), 15.0, "p0")
  check.equal(numeric.percentile(x, 5), 16.0, "p5")
  check.equal(numeric.percentile(x, 30), 23.0, "p30")
  check.equal(numeric.percentile(x, 40), 29.0, "p40")
  check.equal(numeric.percentile(x, 50), 35.0, "p50")
  check.equal(numeric.percentile(x, 100), 50.0, "p100")
  check.equal(numeric.percentile({1, 2, 3, 4}, 25), 1.75, "quartile")
  check.near(numeric.percentile({1, 10}, 33), 3.97, 1e-12, "between two")
  check.equal(numeric.percentile({4, 1, 3, 2}, 50), numeric.median({4, 1, 3, 2}), "p50 is the median")
end)

test("cumsum keeps positions, nulls stay nil", function()
  check.equal(show(numeric.cumsum({1, 2, 3, 4})), "1 3 6 10", "integers")
  check.equal(show(numeric.cumsum({1, nil, 3, n = 3})), "1 nil 4", "with a null")
  check.equal(numeric.cumsum({1, nil, n = 2}).n, 2, "n of the result")
  check.equal(#numeric.cumsum({}), 0, "empty")
end)

test("rank: 1 is the largest, ties share the lowest rank (SQL RANK)", function()
  check.equal(show(numeric.rank({10, 20, 20, 5})), "3 1 1 4", "min")
  check.equal(show(numeric.rank({10, 20, 20, 5}, {ties = "dense"})), "2 1 1 3", "dense")
  check.equal(show(numeric.rank({10, 20, 20, 5}, {ties = "first"})), "3 1 2 4", "first")
  check.equal(show(numeric.rank({10, 20, 20, 5}, {ascending = true})), "2 3 3 1", "ascending")
  check.equal(show(numeric.rank({3, nil, 1, n = 3})), "1 nil 2", "a null has no rank")
end)

test("order lists positions, largest first, stable", function()
  check.equal(show(numeric.order({10, 20, 20, 5})), "2 3 1 4", "descending")
  check.equal(show(numeric.order({10, 20, 20, 5}, {ascending = true})), "4 1 2 3", "ascending")
  check.equal(show(numeric.order({3, nil, 1, n = 3})), "1 3", "nulls left out")
end)

test("shares divide by the sum", function()
  check.equal(show(numeric.shares({1, 3})), "0.25 0.75", "quarters")
  check.errors(function() numeric.shares({1, -1}) end, "the values sum to 0", "zero sum")
end)

test("top_n keeps the largest rows and sums the rest as others", function()
  local rows = {
    {name = "A", value = 5}, {name = "B", value = 9}, {name = "C", value = 1},
    {name = "D", value = 9}, {name = "E", value = 2},
  }
  local top, others, folded = numeric.top_n(rows, 2)
  check.equal(#top, 3, "two rows and others")
  check.equal(top[1], rows[2], "the rows themselves, largest first")
  check.equal(top[2], rows[4], "ties keep their order")
  check.equal(top[3], others, "others comes last")
  check.equal(others.name, "その他", "default label")
  check.equal(others.value, 8, "5 + 1 + 2")
  check.equal(folded, 3, "three rows folded")
end)

test("top_n takes label = value pairs and its options", function()
  local top, others = numeric.top_n({US = 120, China = 71, UK = 10, France = 10}, 3,
    {by = "count", label = "country", others = "other"})
  check.equal(top[1].country .. top[2].country .. top[3].country, "USChinaFrance", "ties by label")
  check.equal(top[3].count, 10, "value field")
  check.equal(others.country, "other", "others label")
  check.equal(others.count, 10, "others value")
  local all, none = numeric.top_n({{name = "a", value = 1}}, 5)
  check.equal(#all, 1, "n beyond the rows")
  check.equal(none, nil, "nothing left for others")
  local cut, no_others, left = numeric.top_n({{value = 1}, {value = 2}}, 1, {others = false})
  check.equal(#cut, 1, "others = false")
  check.equal(no_others, nil, "no others row")
  check.equal(left, 1, "but the count of rows left out")
end)

test("bad values are refused with their position", function()
  check.errors(function() numeric.sum({1, 2, 0 / 0}) end, "value 3 is nan", "nan")
  check.errors(function() numeric.mean({1, math.huge}) end, "value 2 is inf", "inf")
  check.errors(function() numeric.max({-math.huge}) end, "value 1 is -inf", "-inf")
  check.errors(function() numeric.sum({1, "2"}) end, "value 2 is a string, not a number", "string")
  check.errors(function() numeric.sum("1, 2") end,
    "array of numbers or column view expected, got string", "not a table")
  check.errors(function() numeric.sum({n = -1}) end, "field 'n' must be a count", "bad n")
  check.errors(function() numeric.sum({1e308, 1e308}) end, "the sum is beyond the largest number", "overflow")
end)

test("summaries of nothing are errors, not nan", function()
  check.errors(function() numeric.mean({}) end, "no values: the array is empty", "mean of {}")
  check.errors(function() numeric.median({nil, n = 1}) end, "no values: every value is nil", "all nil")
  check.errors(function() numeric.min({}) end, "no values", "min of {}")
end)

test("options and arguments are checked", function()
  check.errors(function() numeric.percentile({1, 2}, 101) end, "p must be in [0, 100], got 101", "p")
  check.errors(function() numeric.percentile({1, 2}) end, "number expected, got no value", "no p")
  check.errors(function() numeric.rank({1}, {tie = "min"}) end, "unknown option 'tie'", "key")
  check.errors(function() numeric.rank({1}, {ties = "average"}) end,
    "stats.rank: option 'ties' must be one of min, dense, first; got string \"average\"", "ties")
  check.errors(function() numeric.top_n({{name = "a"}}, 1) end, "row 1's 'value' is nil", "nil value")
  check.errors(function() numeric.top_n({{value = "9"}}, 1) end, "row 1's 'value' is a string", "string")
  check.errors(function() numeric.top_n({a = 0 / 0}, 1) end, "the value of 'a' is nan", "nan pair")
  check.errors(function() numeric.top_n({{value = 1}}, -1) end, "n must be >= 0, got -1", "n")
  check.errors(function() numeric.top_n({{value = 1}}, 1, {others = 1}) end,
    "stats.top_n: option 'others' must be a string or false; got number 1", "others")
end)

check.done()
