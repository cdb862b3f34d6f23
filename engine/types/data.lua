---@meta sumi.data
-- Editor annotations for sumi.data (engine/data/*.c): the readers, the
-- constructors, datasets (sumi.Dataset) and column views (sumi.Column).
-- docs/API.md §14 is the manual. The reshaping methods (pivot_wider,
-- pivot_longer, cumsum, rolling, change, rank) are in dataset_reshape.lua.

---Datasets and their readers: `local data = require "sumi.data"` (or `sumi.data`).
---@class sumi.data
local data = {}

---A dataset's or a column's metadata: fields not set are absent.
---@class sumi.DatasetMeta
---@field title? string
---@field source? string
---@field unit? string
---@field notes? string

---The metadata `ds:with_meta` sets: a dataset's, or one column's.
---@class sumi.DatasetMetaOptions : sumi.DatasetMeta

---The options every constructor and reader takes: the dataset's metadata.
---@class sumi.DataOptions : sumi.DatasetMetaOptions
---@field columns? table<string, sumi.DatasetMeta> Per-column metadata: `{value = {unit = "社"}}`.

---@class sumi.DataFromRowsOptions : sumi.DataOptions
---@field order? string[] The column order (default: the first row's keys, sorted).

---A dataset from an array of records: `data.from_rows({{scope = "china", count = 71}, ...})`.
---A column's type is settled from its values: integers and numbers together make a
---`number` column; a column that mixes strings with numbers is an error.
---@param rows table<string, string|number|boolean>[] One record per row.
---@param options? sumi.DataFromRowsOptions
---@return sumi.Dataset dataset
function data.from_rows(rows, options) end

---A dataset from a table of arrays: `data.from_columns({"scope", "count"}, {scope = {...}, count = {...}})`.
---An array with `nil` holes says its length in a field `n`.
---@param names string[] The column order.
---@param columns table<string, (string|number|boolean|nil)[]> One array of values per column name.
---@param options? sumi.DataOptions
---@return sumi.Dataset dataset
function data.from_columns(names, columns, options) end

---@class sumi.DataReadCsvOptions : sumi.DataOptions
---@field delimiter? string The field separator: one character, not a quote or a line break (default ",").
---@field header? boolean false: the first record is data, the columns column1, column2, ... (default true).
---@field types? table<string, "integer"|"number"|"string"|"boolean"|"date"|"month"|"quarter"> Column types.
---@field null? string[] The texts that mean "no value" (default {""}; the list replaces the default).
---@field numbers? boolean false: no inference: every column is string unless types says (default true).
---@field thousands? boolean true: numbers may group digits with ",", as in "3,755" (default false).
---@field encoding? string The file's encoding, as iconv names it: "cp932", "euc-jp", ... (default "utf-8").

---Reads a CSV file (RFC 4180) into a dataset: one typed column per field of the header,
---one row per record. `path` is relative to the script's folder. The whole file is read,
---or nothing: a bad file is an error naming its line and field.
---@param path string
---@param options? sumi.DataReadCsvOptions
---@return sumi.Dataset dataset
function data.read_csv(path, options) end

---@class sumi.DataReadJsonOptions : sumi.DataOptions
---@field path? string|(string|integer)[] Where the records are: "data.items" (default: the top).
---@field types? table<string, "integer"|"number"|"string"|"boolean"|"date"|"month"|"quarter"> Column types.
---@field nested? "error"|"json" "json" keeps an object or array in a field as JSON text (default "error").
---@field duplicate_keys? "error"|"last" "last": of a key twice in an object, keep the last (default "error").

---Reads a JSON file (RFC 8259) holding an array of records into a dataset: each record is a
---row, each field a column. `path` is relative to the script's folder. The option `path` names
---where the array of records is: keys and 0-based indexes joined with "." ("results.0.rows"), or a
---list of them for keys that hold a dot.
---@param path string
---@param options? sumi.DataReadJsonOptions
---@return sumi.Dataset dataset
function data.read_json(path, options) end

---@class sumi.DataQueryOptions : sumi.DataOptions
---@field types? table<string, "integer"|"number"|"string"|"boolean"|"date"|"month"|"quarter"> Column types.

---Runs one SQL query on an SQLite database file, opened read-only, and returns its result
---as a dataset. `db_path` is relative to the script's folder. `params` fills the query's
---placeholders: an array for `?`, a table of names for `:name`, `@name` and `$name`.
---@param db_path string
---@param sql string One statement.
---@param params? table An array for ?, or names for :name; an array holding nil gives its length in `n`.
---@param options? sumi.DataQueryOptions
---@return sumi.Dataset dataset
function data.query_sqlite(db_path, sql, params, options) end

---Connects to a PostgreSQL server, runs one query in a read-only transaction and returns its
---result as a dataset; the connection is closed before the call returns.
---@param conninfo string A libpq connection string: key=value settings or a postgresql:// URI.
---@param sql string One statement.
---@param params? (string|number|boolean|nil)[] Bound to $1, $2, ...; holding nil, it says its length in `n`.
---@param options? sumi.DataQueryOptions
---@return sumi.Dataset dataset
function data.query_postgres(conninfo, sql, params, options) end

---A table of typed columns that never changes: every operation returns a new dataset.
---`#ds` is the number of rows; `tostring(ds)` is "dataset (5 rows, 3 columns)". Dates, months and
---quarters come to Lua as "YYYY-MM-DD", "YYYY-MM" and "YYYYQn" strings.
---@class sumi.Dataset
---@operator len: integer
local Dataset = {}

---The dataset's metadata `{title, source, unit, notes}`, or a column's with `column`.
---@param column? string
---@return sumi.DatasetMeta meta
function Dataset:meta(column) end

---The same data with the dataset's metadata set: `ds:with_meta{source = "CAICT"}`;
---`ds:with_meta(column, {unit = "社"})` sets a column's.
---@param meta sumi.DatasetMetaOptions
---@return sumi.Dataset dataset
---@overload fun(self: sumi.Dataset, column: string, meta: sumi.DatasetMetaOptions): sumi.Dataset
function Dataset:with_meta(meta) end

---The number of rows (as `#ds`).
---@return integer rows
function Dataset:nrows() end

---The column names, in order.
---@return string[] names
function Dataset:names() end

---A column's type.
---@param name string
---@return "integer"|"number"|"string"|"boolean"|"date"|"month"|"quarter" type
function Dataset:type(name) end

---An array of the column's values (`nil` for nulls) with its length in `n`, and the length.
---@param name string
---@return (string|number|boolean|nil)[] values
---@return integer n
function Dataset:column(name) end

---An array of records `{name = value, ...}`, one per row.
---@return table<string, string|number|boolean>[] rows
function Dataset:rows() end

---Row `i` (1-based) as a record; an error past the end.
---@param i integer
---@return table<string, string|number|boolean> row
function Dataset:row(i) end

---A read-only view of the column: `#v`, `v[i]`, `v:type()`; C code (stats, charts) reads it
---in place without building a Lua table.
---@param name string
---@return sumi.Column view
function Dataset:view(name) end

---Those columns, in that order: `ds:select("a", "b")` or `ds:select{"a", "b"}`.
---@param ... string|string[]
---@return sumi.Dataset dataset
function Dataset:select(...) end

---The same columns, some renamed: `ds:rename{old = "new"}`.
---@param names table<string, string>
---@return sumi.Dataset dataset
function Dataset:rename(names) end

---The first `n` rows (default 5).
---@param n? integer
---@return sumi.Dataset dataset
function Dataset:head(n) end

---The last `n` rows (default 5).
---@param n? integer
---@return sumi.Dataset dataset
function Dataset:tail(n) end

---Rows for which the function returns a true value (one Lua call per row: prefer `where` on
---large data).
---@param keep fun(row: table<string, string|number|boolean>): any
---@return sumi.Dataset dataset
function Dataset:filter(keep) end

---Rows whose value compares true, in C; a null never matches; a date column compares with a
---"YYYY-MM-DD" string, a month column with "YYYY-MM", a quarter column with "YYYYQn".
---@param column string
---@param op "=="|"~="|"<"|"<="|">"|">="
---@param value string|number|boolean
---@return sumi.Dataset dataset
function Dataset:where(column, op, value) end

---A column of `ds:save_xlsx`: a column name, or `{key, title, format, excel, width}`.
---@class sumi.DatasetXlsxColumn
---@field key string The dataset's column.
---@field title? string The header cell (default the column's name).
---@field format? string A named format of sumi.template (`"int"`, `"pct1"`, `"tri0"`, `"usd"`...), written as the Excel format that shows the same.
---@field excel? string An Excel number format code, used as it is (`"#,##0.0;[Red]-#,##0.0"`).
---@field width? number The column's width in characters, 1 to 255 (default: from the content).

---@class sumi.DatasetSaveXlsxOptions
---@field sheet? string The sheet's name (default the dataset's title, made a name Excel takes, or "Sheet1"); a name Excel refuses is an error.
---@field columns? (string|sumi.DatasetXlsxColumn)[] The columns written, in order (default all, titled by their names).
---@field formats? table<string, string> A named format per column: `{share = "pct1", profit = "tri0"}`.
---@field source? string|false The line two rows under the table (default the dataset's source); false for none.
---@field lang? string The language of dates: "ja", "zh-Hans", "zh-Hant", "zh-HK" write 2025年7月26日, "ko" 2025년 7월 26일 (default: 2025-07-26).

---Writes the dataset as an Excel workbook of one sheet: numbers as numbers with the Excel
---format that shows what sumi's format shows, dates as dates, a bold frozen header with a
---filter, columns as wide as their content and the source line under the table. `path` nil:
---the run's default output (`sumi render x.lua -o out.xlsx`, or reports/<script>.xlsx). The
---file is published when the script succeeds.
---@param path? string
---@param options? sumi.DatasetSaveXlsxOptions
---@return string path
function Dataset:save_xlsx(path, options) end

---@class sumi.DatasetSortOptions
---@field descending? boolean Every key in descending order (default false).

---Rows in order: `keys` is a column name, or a list of names and `{name, "desc"}` pairs
---(`"asc"` too). The sort is stable and puts nulls last in both directions.
---@param keys string|(string|string[])[]
---@param options? sumi.DatasetSortOptions
---@return sumi.Dataset dataset
function Dataset:sort(keys, options) end

---One aggregate of `ds:group_by`: `{name, function, column}`, such as `{"total", "sum", "value"}`.
---`count` without a column counts rows; with one, non-null values.
---@class sumi.DatasetAggregate
---@field [1] string The new column's name.
---@field [2] "sum"|"mean"|"min"|"max"|"count"|"first"
---@field [3] string|nil The column it reads (not needed by "count").

---One row per distinct key, in order of first appearance: the key columns, then one column
---per aggregate. Nulls are skipped; a mean of no values is null; nulls in a key form their
---own group.
---@param keys string|string[]
---@param aggregates sumi.DatasetAggregate[]
---@return sumi.Dataset dataset
function Dataset:group_by(keys, aggregates) end

---A new (or replaced) column from a Lua function per row.
---@param name string
---@param compute fun(row: table<string, string|number|boolean>): string|number|boolean|nil
---@return sumi.Dataset dataset
function Dataset:derive(name, compute) end

---A new (or replaced) column `a op b`, `a` and `b` column names or numbers; nulls stay null;
---a zero divisor is an error naming the row; integers stay integers except for "/".
---@param name string
---@param a string|number
---@param op "+"|"-"|"*"|"/"
---@param b string|number
---@return sumi.Dataset dataset
function Dataset:calc(name, a, op, b) end

---@class sumi.DatasetJoinOptions
---@field how? "inner"|"left" "left" keeps unmatched rows of ds with nulls (default "inner").
---@field suffix? string Added to other's columns whose names clash (default "_right").

---Rows of `ds` matched with rows of `other` whose key columns are equal, as SQL does;
---`other`'s key columns are dropped; the sources of both are merged.
---@param other sumi.Dataset
---@param keys string|string[]
---@param options? sumi.DatasetJoinOptions
---@return sumi.Dataset dataset
function Dataset:join(other, keys, options) end

---First occurrences of each distinct row (of those columns only, when given).
---@param columns? string|string[]
---@return sumi.Dataset dataset
function Dataset:distinct(columns) end

---`other`'s rows after `ds`'s; columns are matched by name and must have the same types
---(integers and numbers make numbers).
---@param other sumi.Dataset
---@return sumi.Dataset dataset
function Dataset:append(other) end

---A read-only view of one column (`ds:view(name)`): `#v` is its length, `v[i]` its value at
---row `i` (`nil` for a null or past the end). sumi.stats and charts read it in place.
---@class sumi.Column
---@operator len: integer
---@field [integer] string|number|boolean|nil
local Column = {}

---The column's type.
---@return "integer"|"number"|"string"|"boolean"|"date"|"month"|"quarter" type
function Column:type() end

return data
