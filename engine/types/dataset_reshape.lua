---@meta
-- Editor annotations for the reshaping and window methods of sumi.Dataset
-- (engine/data/data_reshape.c, data_window.c): pivot_wider, pivot_longer,
-- cumsum, rolling, change and rank. The class itself is in data.lua;
-- docs/API.md §14 is the manual. Every method returns a new dataset.

---@class sumi.Dataset
local Dataset = {}

---Options of `ds:pivot_wider`.
---@class sumi.DatasetPivotWiderOptions
---@field id_cols? string|string[] The columns that identify a row (default: every column but names_from and values_from); `{}` makes one row.
---@field values_fn? "sum"|"mean"|"min"|"max"|"count"|"first"|"last" Combines the rows that fall in one cell (default: none, and two such rows are an error naming them).
---@field fill? string|number|boolean The value of a combination no row has (default nil); a row whose value is nil stays nil.
---@field sort? boolean New columns in the order of their values, as ds:sort orders them (default false: first seen first).
---@field names_prefix? string Put before every new column's name ("sales_"; default "").

---Long to wide: one column per distinct value of `names_from` (first seen first), holding
---`values_from`; one row per distinct tuple of the id columns, in order of first appearance.
---New names are the values as text: integers in decimal, dates as "YYYY-MM-DD".
---@param names_from string The column whose values name the new columns (no nils).
---@param values_from string The column whose values fill them.
---@param options? sumi.DatasetPivotWiderOptions
---@return sumi.Dataset dataset
function Dataset:pivot_wider(names_from, values_from, options) end

---Options of `ds:pivot_longer`.
---@class sumi.DatasetPivotLongerOptions
---@field drop_nil? boolean Leave out the pairs whose value is nil (default false).

---Wide to long: each row becomes one row per listed column (in list order), holding the other
---columns, the column's name in `names_to` and its value in `values_to`. The listed columns
---must hold one type (integers and numbers make numbers).
---@param columns string|string[] The columns to stack.
---@param names_to? string The new column of names (default "name").
---@param values_to? string The new column of values (default "value").
---@param options? sumi.DatasetPivotLongerOptions
---@return sumi.Dataset dataset
function Dataset:pivot_longer(columns, names_to, values_to, options) end

---Options of `ds:cumsum`.
---@class sumi.DatasetCumsumOptions
---@field name? string The new column (default "<column>_cumsum"); a column of that name is replaced in place.
---@field by? string|string[] Group columns: the sum restarts in each group.
---@field order? string The column whose order the sum follows within a group (default: the rows' order); no nils, one row per value.

---The running sum of a column of integers or numbers, as SQL's SUM() OVER (... ROWS UNBOUNDED
---PRECEDING): a nil row holds the sum so far (nil before the group's first value).
---@param column string
---@param options? sumi.DatasetCumsumOptions
---@return sumi.Dataset dataset
function Dataset:cumsum(column, options) end

---Options of `ds:rolling`.
---@class sumi.DatasetRollingOptions
---@field fn? "sum"|"mean" What the window gives (default "mean").
---@field order? string The column whose order the windows follow within a group (default: the rows' order); no nils, one row per value.
---@field by? string|string[] Group columns: windows never cross groups.
---@field min_periods? integer The non-nil values a window needs, 1 to n (default n); fewer give nil.
---@field name? string The new column (default "<column>_<fn><n>", "sales_mean3").

---A moving sum or mean over the last `n` rows of each group (the row and the n - 1 before it).
---A missing month is no row: the window counts rows, not calendar time.
---@param column string A column of integers or numbers.
---@param n integer Rows in the window, >= 1.
---@param options? sumi.DatasetRollingOptions
---@return sumi.Dataset dataset
function Dataset:rolling(column, n, options) end

---Options of `ds:change`.
---@class sumi.DatasetChangeOptions
---@field date string The date column that places each row in its period (required).
---@field period "day"|"month"|"quarter"|"year"|"fiscal_quarter"|"fiscal_year" The period a row stands for (required).
---@field lag? "year"|"period" Compare with the same period a year earlier (default "year") or with the one before.
---@field as? "ratio"|"difference" new / old - 1 (default "ratio") or new - old.
---@field by? string|string[] Group columns: each group is compared with itself.
---@field fiscal_start? integer The month a fiscal year starts in, 1 to 12 (default 4: April, as 年度); fiscal periods only.
---@field name? string The new column (default "<column>_yoy", "_pop" with lag "period", then "_diff" for a difference).

---Year-over-year or period-over-period change of a column of integers or numbers. A missing
---period, a nil value or a previous value of 0 (for a ratio) give nil; two rows in one period
---of one group are an error naming them.
---@param column string
---@param options sumi.DatasetChangeOptions
---@return sumi.Dataset dataset
function Dataset:change(column, options) end

---Options of `ds:rank`.
---@class sumi.DatasetRankOptions
---@field method? "rank"|"dense_rank"|"row_number" Ties: 1,1,3 (default), 1,1,2, or 1,2,3 in row order.
---@field descending? boolean The largest value ranks 1 (default false).
---@field by? string|string[] Group columns: ranks restart in each group.
---@field name? string The new column (default "<column>_rank").

---The rank of each row's value within its group, as SQL's RANK, DENSE_RANK and ROW_NUMBER;
---nil values rank last (and tie with each other).
---@param column string
---@param options? sumi.DatasetRankOptions
---@return sumi.Dataset dataset
function Dataset:rank(column, options) end
