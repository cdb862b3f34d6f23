---@meta sumi.numeric
-- Editor annotations for sumi.numeric (engine/data/numeric.c): the loops in
-- C behind sumi.stats' list functions, the same functions under the same
-- names (numeric.sum == stats.sum); their options classes are declared in
-- stats.lua. docs/API.md §15 ("Loops in C") is the manual.

---The C module behind `sumi.stats`' list functions: `require "sumi.numeric"`. Every function
---checks its whole input before it answers; a script normally uses `sumi.stats`.
---@class sumi.numeric
local numeric = {}

---The sum; 0 for no values. Integers sum exactly as integers (a float past ±2^63, never a
---wrapped integer); floats with a compensated sum. `nil` is a missing value: an array with
---holes gives its length in `n`. NaN, an infinity or a non-number is an error naming its position.
---@param numbers (number|nil)[]|sumi.Column
---@return number sum
function numeric.sum(numbers) end

---How many values are not `nil`.
---@param numbers (number|nil)[]|sumi.Column
---@return integer count
function numeric.count(numbers) end

---The mean (a float); an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number mean
function numeric.mean(numbers) end

---The smallest value; an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number min
function numeric.min(numbers) end

---The largest value; an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number max
function numeric.max(numbers) end

---The smallest and the largest value; an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number low
---@return number high
function numeric.extent(numbers) end

---Where the extremes are: the positions of the smallest and the largest value (the first of
---equal ones; `nil, nil` for no values), and the count of values. A date column's view too.
---@param numbers (number|nil)[]|sumi.Column
---@return integer? low
---@return integer? high
---@return integer count
function numeric.extremes(numbers) end

---The median (a float); an error for no values.
---@param numbers (number|nil)[]|sumi.Column
---@return number median
function numeric.median(numbers) end

---The `p`th percentile, interpolated linearly (numpy's default method): the value at position
---`(count - 1) * p / 100` of the sorted values. `percentile(x, 50)` is the median.
---@param numbers (number|nil)[]|sumi.Column
---@param p number In [0, 100].
---@return number percentile
function numeric.percentile(numbers, p) end

---An array: the running sum at each position (`nil` where the value is `nil`), with `n` set.
---@param numbers (number|nil)[]|sumi.Column
---@return (number|nil)[] sums
function numeric.cumsum(numbers) end

---An array: each value divided by the sum (an error when the sum is 0), with `n` set.
---@param numbers (number|nil)[]|sumi.Column
---@return (number|nil)[] shares
function numeric.shares(numbers) end

---An array: the rank of each value, 1 for the largest; nulls get none. Ties: "min" share the best
---rank and skip the next (SQL RANK: 1, 2, 2, 4); "dense" share it without skipping (DENSE_RANK:
---1, 2, 2, 3); "first" are ranked in their order (ROW_NUMBER: 1, 2, 3, 4).
---@param numbers (number|nil)[]|sumi.Column
---@param options? sumi.StatsRankOptions
---@return (integer|nil)[] ranks
function numeric.rank(numbers, options) end

---An array: the positions of the values, largest first; equal values keep their order and
---nulls are left out. Use it to sort labels that sit in a parallel array.
---@param numbers (number|nil)[]|sumi.Column
---@param options? sumi.StatsOrderOptions
---@return integer[] positions
function numeric.order(numbers, options) end

---The `n` largest rows, largest first, then, if any rows are left, one more record that sums
---the rest: `{name = "その他", value = <sum>}`. `rows` is an array of records, or a table of
---`label = value` pairs. A record whose value is `nil` is an error.
---@param rows table[]|table<string, number>
---@param n integer 0 or more.
---@param options? sumi.StatsTopNOptions
---@return table[] top The records (from pairs: new records), and the others record last.
---@return table? others The others record, or nil.
---@return integer folded How many rows the others record holds (or were left out).
function numeric.top_n(rows, n, options) end

return numeric
