-- Metrics for report text: shares, ratios, growth, and the summaries of a
-- list of numbers. Every figure a report prints is computed here or in
-- sumi.numeric, never typed by hand; a figure that cannot be computed (a
-- zero denominator, a missing value) is an error at the caller's line,
-- never an inf or a nan on the page.
local numeric = require "sumi.numeric"

local stats = {}

-- ---- over a list of numbers: the loops run in C (sumi.numeric). They are
-- the C functions themselves, so their errors name the script's line.

stats.sum = numeric.sum
stats.count = numeric.count
stats.mean = numeric.mean
stats.min = numeric.min
stats.max = numeric.max
stats.extent = numeric.extent
stats.median = numeric.median
stats.percentile = numeric.percentile
stats.cumsum = numeric.cumsum
stats.shares = numeric.shares
stats.rank = numeric.rank
stats.order = numeric.order
stats.top_n = numeric.top_n

-- ---- between two or three numbers

-- value, checked: a finite number, else "NAME: WHAT ..." at the line that
-- called the public function NAME (level 3 from here).
local function finite(name, what, value)
  if type(value) ~= "number" then
    error(("%s: %s must be a number, got %s"):format(name, what, type(value)), 3)
  end
  if value ~= value then error(("%s: %s is nan"):format(name, what), 3) end
  if value == math.huge or value == -math.huge then
    error(("%s: %s is %s"):format(name, what, value > 0 and "inf" or "-inf"), 3)
  end
  return value
end

-- A result that overflowed (1e300 / 1e-300) is an error, not inf.
local function result(name, value)
  if value ~= value or value == math.huge or value == -math.huge then
    error(("%s: the result is beyond the largest number (about 1.8e308)"):format(name), 3)
  end
  return value
end

--- part / whole: stats.share(1509, 3755) -> 0.4018...
function stats.share(part, whole)
  finite("share", "part", part)
  finite("share", "whole", whole)
  if whole == 0 then error("share: whole is 0", 2) end
  return result("share", part / whole)
end

--- a / b: stats.ratio(3755, 1509) -> 2.488...
function stats.ratio(a, b)
  finite("ratio", "a", a)
  finite("ratio", "b", b)
  if b == 0 then error("ratio: b is 0", 2) end
  return result("ratio", a / b)
end

-- growth and pct_change: one function under two names, each naming itself.
local function change(name)
  return function(new, old)
    finite(name, "new", new)
    finite(name, "old", old)
    if old == 0 then error(name .. ": old is 0", 2) end
    -- From a negative base the sign of (new - old) / old reads backwards
    -- (a loss shrinking from -100 to -50 would be "-50%").
    if old < 0 then error(("%s: old is negative (%s)"):format(name, old), 2) end
    return result(name, (new - old) / old)
  end
end

--- (new - old) / old: stats.growth(120, 100) -> 0.2
stats.growth = change("growth")
stats.pct_change = change("pct_change")

--- Compound annual growth rate: (last / first) ^ (1 / years) - 1.
--- stats.cagr(100, 121, 2) -> 0.1
function stats.cagr(first, last, years)
  finite("cagr", "first", first)
  finite("cagr", "last", last)
  finite("cagr", "years", years)
  if first <= 0 then error(("cagr: first must be > 0, got %s"):format(first), 2) end
  if last < 0 then error(("cagr: last must be >= 0, got %s"):format(last), 2) end
  if years <= 0 then error(("cagr: years must be > 0, got %s"):format(years), 2) end
  return result("cagr", (last / first) ^ (1 / years) - 1)
end

return stats
