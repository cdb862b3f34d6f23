-- Metrics for report text: shares, ratios, growth, and the summaries of a
-- list of numbers. Every figure a report prints is computed here or in
-- sumi.numeric, never typed by hand; a figure that cannot be computed (a
-- zero denominator, a missing value) is an error at the caller's line,
-- never an inf or a nan on the page.
local errors = require "sumi.internal.errors"
local numeric = require "sumi.numeric"

local stats = {}

-- ---- over a list of numbers: the loops run in C (sumi.numeric). They are
-- the C functions themselves, so their errors name the script's line.

-- docs/API.md documents them once, under sumi.stats, as the same functions
-- as sumi.numeric's (stats.sum == numeric.sum).
for _, name in ipairs({"sum", "count", "mean", "min", "max", "extent", "extremes", "median", "percentile",
                       "cumsum", "shares", "rank", "order", "top_n"}) do
  stats[name] = numeric[name]
end

-- ---- between two or three numbers

-- value, checked: a finite number, else "stats.NAME: WHAT ..." at the
-- script's line.
local function finite(name, what, value)
  if type(value) ~= "number" then
    errors.raise("stats.%s: %s must be a number; got %s", name, what, type(value))
  end
  if value ~= value then errors.raise("stats.%s: %s is nan", name, what) end
  if value == math.huge or value == -math.huge then
    errors.raise("stats.%s: %s is %s", name, what, value > 0 and "inf" or "-inf")
  end
  return value
end

-- A result that overflowed (1e300 / 1e-300) is an error, not inf.
local function result(name, value)
  if value ~= value or value == math.huge or value == -math.huge then
    errors.raise("stats.%s: the result is beyond the largest number (about 1.8e308)", name)
  end
  return value
end

-- share and ratio: a / b, checked, each naming its arguments.
local function quotient(name, a_name, b_name, zero)
  return function(a, b)
    finite(name, a_name, a)
    finite(name, b_name, b)
    if b == 0 then errors.raise("stats.%s: %s", name, zero) end
    return result(name, a / b)
  end
end

--- part / whole: stats.share(1509, 3755) -> 0.4018...
stats.share = quotient("share", "part", "whole", "the whole is 0")

--- a / b: stats.ratio(3755, 1509) -> 2.488...
stats.ratio = quotient("ratio", "a", "b", "b is 0")

--- (new - old) / old: stats.growth(120, 100) -> 0.2 (pandas calls it
--- pct_change; sumi has one name for it).
function stats.growth(new, old)
  local name = "growth"
  finite(name, "new", new)
  finite(name, "old", old)
  if old == 0 then errors.raise("stats.%s: old is 0", name) end
  -- From a negative base the sign of (new - old) / old reads backwards
  -- (a loss shrinking from -100 to -50 would be "-50%").
  if old < 0 then errors.raise("stats.%s: old is negative (%s)", name, old) end
  return result(name, (new - old) / old)
end

--- Compound annual growth rate: (last / first) ^ (1 / years) - 1.
--- stats.cagr(100, 121, 2) -> 0.1
function stats.cagr(first, last, years)
  finite("cagr", "first", first)
  finite("cagr", "last", last)
  finite("cagr", "years", years)
  if first <= 0 then errors.raise("stats.cagr: first must be > 0; got %s", first) end
  if last < 0 then errors.raise("stats.cagr: last must be >= 0; got %s", last) end
  if years <= 0 then errors.raise("stats.cagr: years must be > 0; got %s", years) end
  return result("cagr", (last / first) ^ (1 / years) - 1)
end

return stats
