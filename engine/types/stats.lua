---@meta sumi.stats
-- Editor annotations for sumi.stats (engine/lua/sumi/stats.lua). The list
-- functions are sumi.numeric's, in C (stats.sum == numeric.sum): numeric.lua
-- describes them again under that module. docs/API.md §15 is the manual.

---Report metrics: shares, ratios and growth between figures, and the summaries of a list of
---numbers. A figure that cannot be computed (a zero denominator, a missing or NaN input) is an
---error at the script's line, never an inf or a nan on the page.
---@class sumi.stats
local stats = {}

---`part / whole`, a ratio (format it with `format.percent`): `stats.share(1509, 3755)` is 0.4018...
---An error when `whole` is 0; every argument must be a finite number.
---@param part number
---@param whole number
---@return number ratio
function stats.share(part, whole) end

---`a / b`: `stats.ratio(3755, 1509)` is 2.488... An error when `b` is 0.
---@param a number
---@param b number
---@return number ratio
function stats.ratio(a, b) end

---`(new - old) / old`: `stats.growth(120, 100)` is 0.2 (pandas' `pct_change`). An error when
---`old` is 0 or negative (from a negative base the sign would read backwards).
---@param new number
---@param old number
---@return number growth
function stats.growth(new, old) end

---The compound annual growth rate, `(last / first) ^ (1 / years) - 1`: `stats.cagr(100, 121, 2)`
---is 0.1. An error when `first` <= 0, `last` < 0 or `years` <= 0.
---@param first number
---@param last number
---@param years number
---@return number rate
function stats.cagr(first, last, years) end

---The sum; 0 for no values. Integers sum exactly as integers (a float past ±2^63, never a
---wrapped integer); floats with a compensated sum. `nil` is a missing value: an array with
---holes gives its length in `n`. NaN, an infinity or a non-number is an error naming its position.
---@param numbers (number|nil)[]|sumi.Column
---@return number sum
function stats.sum(numbers) end

---How many values are not `nil`.
---@param numbers (number|nil)[]|sumi.Column
---@return integer count
function stats.count(numbers) end

---The mean (a float); an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number mean
function stats.mean(numbers) end

---The smallest value; an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number min
function stats.min(numbers) end

---The largest value; an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number max
function stats.max(numbers) end

---The smallest and the largest value; an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number low
---@return number high
function stats.extent(numbers) end

---Where the extremes are: the positions of the smallest and the largest value (the first of
---equal ones; `nil, nil` for no values), and the count of values. A date column's view too.
---@param numbers (number|nil)[]|sumi.Column
---@return integer? low
---@return integer? high
---@return integer count
function stats.extremes(numbers) end

---The median (a float); an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number median
function stats.median(numbers) end

---The `p`th percentile, interpolated linearly (numpy's default method): the value at position
---`(count - 1) * p / 100` of the sorted values. `percentile(x, 50)` is the median.
---@param numbers (number|nil)[]|sumi.Column
---@param p number In [0, 100].
---@return number percentile
function stats.percentile(numbers, p) end

---An array: the running sum at each position (`nil` where the value is `nil`), with `n` set.
---@param numbers (number|nil)[]|sumi.Column
---@return (number|nil)[] sums
function stats.cumsum(numbers) end

---An array: each value divided by the sum (an error when the sum is 0), with `n` set.
---@param numbers (number|nil)[]|sumi.Column
---@return (number|nil)[] shares
function stats.shares(numbers) end

---@class sumi.StatsRankOptions
---@field ascending? boolean true: rank 1 is the smallest value (default false: the largest).
---@field ties? "min"|"dense"|"first" Equal values: 1, 2, 2, 4, or 1, 2, 2, 3, or 1, 2, 3, 4 (default "min").

---An array: the rank of each value, 1 for the largest; nulls get none. Ties: "min" share the best
---rank and skip the next (SQL RANK: 1, 2, 2, 4); "dense" share it without skipping (DENSE_RANK:
---1, 2, 2, 3); "first" are ranked in their order (ROW_NUMBER: 1, 2, 3, 4).
---@param numbers (number|nil)[]|sumi.Column
---@param options? sumi.StatsRankOptions
---@return (integer|nil)[] ranks
function stats.rank(numbers, options) end

---@class sumi.StatsOrderOptions
---@field ascending? boolean true: the smallest first (default false: the largest first).

---An array: the positions of the values, largest first; equal values keep their order and
---nulls are left out. Use it to sort labels that sit in a parallel array.
---@param numbers (number|nil)[]|sumi.Column
---@param options? sumi.StatsOrderOptions
---@return integer[] positions
function stats.order(numbers, options) end

---@class sumi.StatsTopNOptions
---@field by? string The field holding the number (default "value").
---@field label? string The field holding the label, in the others record and pairs' records (default "name").
---@field others? string|false The others record's label; false for no others record (default "その他").

---The `n` largest rows, largest first, then, if any rows are left, one more record that sums
---the rest: `{name = "その他", value = <sum>}`. `rows` is an array of records, or a table of
---`label = value` pairs. A record whose value is `nil` is an error.
---@param rows table[]|table<string, number>
---@param n integer 0 or more.
---@param options? sumi.StatsTopNOptions
---@return table[] top The records (from pairs: new records), and the others record last.
---@return table? others The others record, or nil.
---@return integer folded How many rows the others record holds (or were left out).
function stats.top_n(rows, n, options) end

return stats
