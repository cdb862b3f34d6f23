-- Reshaping and window operations: pivot_wider, pivot_longer, cumsum,
-- rolling, change and rank give the values worked out by hand below (and
-- cross-checked with pandas), and every misuse is an error that names the
-- method and points at the script's line.
local check = require "check"
local sumi = require "sumi"
local data = sumi.data
local test, here, message_of = check.test, check.here, check.message_of

-- The values of a column as "1,nil,2.5": nulls included, floats as Lua
-- writes them (so 3 and 3.0 differ).
local function values(ds, name)
  local list, n = ds:column(name)
  local out = {}
  for i = 1, n do out[i] = tostring(list[i]) end
  return table.concat(out, ",")
end

local function names(ds) return table.concat(ds:names(), ",") end

-- fn() raises exactly expected, at the line where here() was called.
local function raises(where, fn, expected, what)
  check.equal(message_of(fn), where .. expected, what or expected)
end

-- Monthly sales, long: three months, two regions, one value nil and one
-- combination (2025-03, 大阪) missing.
local function long()
  return data.from_columns({"month", "region", "sales"}, {
    month = {"2025-01", "2025-01", "2025-02", "2025-02", "2025-03"},
    region = {"東京", "大阪", "東京", "大阪", "東京"},
    sales = {100, 80, 110, nil, 120, n = 5},
  }, {source = "POS", columns = {sales = {unit = "万円"}}})
end

-- The fixture: 16 rows of (region, day, sales) over 2023-2026, out of order.
local sales = data.read_csv("fixtures/reshape_sales.csv", {types = {day = "date"}})

test("pivot_wider makes a column per name, in first-seen order", function()
  local wide = long():pivot_wider("region", "sales")
  check.equal(names(wide), "month,東京,大阪", "names")
  check.equal(#wide, 3, "one row per month")
  check.equal(values(wide, "month"), "2025-01,2025-02,2025-03", "id column")
  check.equal(values(wide, "東京"), "100,110,120", "東京")
  check.equal(values(wide, "大阪"), "80,nil,nil", "a nil value and a missing combination")
  check.equal(wide:type("東京"), "integer", "type kept")
  check.equal(wide:meta("東京").unit, "万円", "unit kept")
  check.equal(wide:meta().source, "POS", "dataset metadata kept")
end)

test("pivot_wider options: fill, sort, names_prefix, id_cols", function()
  local ds = long()
  local filled = ds:pivot_wider("region", "sales", {fill = 0})
  check.equal(values(filled, "大阪"), "80,nil,0", "fill only the missing combination")
  check.equal(filled:type("大阪"), "integer", "an integer fill keeps integers")
  local half = ds:pivot_wider("region", "sales", {fill = 0.5})
  check.equal(half:type("大阪"), "number", "a float fill makes numbers")
  check.equal(values(half, "大阪"), "80.0,nil,0.5", "float fill")
  check.equal(names(ds:pivot_wider("region", "sales", {sort = true})), "month,大阪,東京",
    "sorted as ds:sort sorts strings")
  check.equal(names(ds:pivot_wider("region", "sales", {names_prefix = "sales_"})),
    "month,sales_東京,sales_大阪", "prefix")
  local one = ds:pivot_wider("region", "sales", {id_cols = {}, values_fn = "sum"})
  check.equal(#one, 1, "no id columns: one row")
  check.equal(names(one), "東京,大阪", "only the new columns")
  check.equal(values(one, "東京"), "330", "sum over every month")
  local text = data.from_columns({"k", "name", "note"}, {
    k = {1, 1, 2}, name = {"a", "b", "a"}, note = {"x", "y", "z"}})
  local wide = text:pivot_wider("name", "note", {fill = "-"})
  check.equal(values(wide, "a") .. "|" .. values(wide, "b"), "x,z|y,-", "string values and fill")
end)

test("pivot_wider names columns from integers, numbers, booleans and dates", function()
  local ds = data.from_columns({"id", "year", "rate", "flag", "v"}, {
    id = {1, 1, 2}, year = {2024, 2025, 2024}, rate = {1.5, 0.1, 1.5},
    flag = {true, false, true}, v = {7, 8, 9}})
  check.equal(names(ds:pivot_wider("year", "v", {id_cols = "id"})), "id,2024,2025", "integers")
  check.equal(names(ds:pivot_wider("rate", "v", {id_cols = "id"})), "id,1.5,0.1", "numbers")
  check.equal(names(ds:pivot_wider("flag", "v", {id_cols = "id"})), "id,true,false", "booleans")
  local tokyo = sales:where("region", "==", "東京"):head(2)
  local by_day = tokyo:pivot_wider("day", "sales", {id_cols = "region"})
  check.equal(names(by_day), "region,2024-01-15,2024-02-10", "dates as YYYY-MM-DD")
  check.equal(by_day:row(1)["2024-02-10"], 110, "value under a date name")
end)

test("pivot_wider values_fn combines rows that share a cell", function()
  local ds = long():append(data.from_columns({"month", "region", "sales"}, {
    month = {"2025-01"}, region = {"東京"}, sales = {5}}))
  local function cell(fn, region)
    return values(ds:pivot_wider("region", "sales", {values_fn = fn}), region)
  end
  check.equal(cell("sum", "東京"), "105,110,120", "sum")
  check.equal(cell("sum", "大阪"), "80,nil,nil", "a sum of only nils is nil, as SQL's SUM")
  check.equal(cell("mean", "東京"), "52.5,110.0,120.0", "mean")
  check.equal(cell("min", "東京"), "5,110,120", "min")
  check.equal(cell("max", "東京"), "100,110,120", "max")
  check.equal(cell("count", "東京"), "2,1,1", "count")
  check.equal(cell("count", "大阪"), "1,0,nil", "count: 0 for only nils, nil when no row")
  check.equal(cell("first", "東京"), "100,110,120", "first")
  check.equal(cell("last", "東京"), "5,110,120", "last")
  local counted = ds:pivot_wider("region", "sales", {values_fn = "count"})
  check.equal(counted:meta("東京").unit, nil, "a count has no unit")
  local big = data.from_columns({"k", "v"}, {k = {"a", "a"}, v = {math.maxinteger, 1}})
  local wide = big:pivot_wider("k", "v", {id_cols = {}, values_fn = "sum"})
  check.equal(wide:type("a"), "number", "an integer sum past 2^63 becomes a number")
  check.equal(wide:row(1).a, 2.0 ^ 63, "never wrapped round")
end)

test("pivot_wider errors name the function, the key and the fix", function()
  local ds = long()
  local twice = ds:append(data.from_columns({"month", "region", "sales"}, {
    month = {"2025-03"}, region = {"東京"}, sales = {1}}))
  raises(here(), function() twice:pivot_wider("region", "sales") end,
    'dataset:pivot_wider: 2 rows for month "2025-03" and region "東京"; pass values_fn = "sum" '
    .. "(or mean, min, max, count, first, last) to combine them")
  raises(here(), function() twice:pivot_wider("region", "sales", {id_cols = {}}) end,
    'dataset:pivot_wider: 4 rows for region "東京"; pass values_fn = "sum" (or mean, min, max, '
    .. "count, first, last) to combine them", "no id columns")
  raises(here(), function() ds:pivot_wider("region", "sales", {values_fn = "median"}) end,
    "dataset:pivot_wider: option 'values_fn' must be one of sum, mean, min, max, count, first, "
    .. 'last; got string "median"')
  raises(here(), function() ds:pivot_wider("sales", "region", {values_fn = "sum"}) end,
    'dataset:pivot_wider: values_fn "sum" needs numbers; column \'region\' holds string values')
  raises(here(), function() ds:pivot_wider("region", "sales", {colour = 1}) end,
    "dataset:pivot_wider: unknown option 'colour' (valid options: id_cols, values_fn, fill, sort, "
    .. "names_prefix)")
  raises(here(), function() ds:pivot_wider("region", "sales", {fill = "x"}) end,
    "dataset:pivot_wider: option 'fill' must be a finite number (the new columns hold integers); "
    .. 'got string "x"')
  raises(here(), function() ds:pivot_wider("region", "sales", {fill = 0 / 0}) end,
    "dataset:pivot_wider: option 'fill' must be a finite number (the new columns hold integers); "
    .. "got number nan", "NaN never enters a dataset")
  raises(here(), function() ds:pivot_wider("region", "region") end,
    "dataset:pivot_wider: names_from and values_from are both column 'region'")
  raises(here(), function() ds:pivot_wider("area", "sales") end,
    "dataset:pivot_wider: no column 'area' (columns: month, region, sales)")
  raises(here(), function() ds:pivot_wider(nil, "sales") end,
    "dataset:pivot_wider: argument 1 (names_from) must be a column name; got nil")
  raises(here(), function() ds:pivot_wider("region", "sales", {id_cols = {"region"}}) end,
    "dataset:pivot_wider: option 'id_cols' names column 'region', which is names_from")
  raises(here(), function() ds:pivot_wider("region", "sales", {id_cols = {"month", "month"}}) end,
    "dataset:pivot_wider: option 'id_cols' names column 'month' twice")
  raises(here(), function() ds:pivot_wider("region", "sales", {sort = 1}) end,
    "dataset:pivot_wider: option 'sort' must be a boolean; got number 1")
  local clash = data.from_columns({"month", "k", "v"}, {month = {"a"}, k = {"month"}, v = {1}})
  raises(here(), function() clash:pivot_wider("k", "v") end,
    "dataset:pivot_wider: the new column 'month' (from column 'k') has the name of a column that "
    .. "stays; pass names_prefix")
  local holes = data.from_columns({"k", "v"}, {k = {"a", nil, "b", n = 3}, v = {1, 2, 3}})
  raises(here(), function() holes:pivot_wider("k", "v") end,
    "dataset:pivot_wider: column 'k' is nil in row 2: a new column needs a name (filter those rows "
    .. "out first)")
  raises(here(), function() ds:pivot_wider("region", "sales", "sum") end,
    'dataset:pivot_wider: options must be a table; got string "sum"')
  local ids = {}
  for i = 1, 10001 do ids[i] = i end
  local by_id = data.from_columns({"k", "v"}, {k = ids, v = ids})
  raises(here(), function() by_id:pivot_wider("k", "v") end,
    "dataset:pivot_wider: column 'k' holds 10001 distinct values: at most 10000 new columns")
  local id, name = {}, {} -- 10001 ids with name 0, then id 0 with names 1 to 9999
  for i = 1, 20000 do
    id[i], name[i] = i <= 10001 and i or 0, i <= 10001 and 0 or i - 10001
  end
  local sparse = data.from_columns({"id", "name", "v"}, {id = id, name = name, v = id})
  raises(here(), function() sparse:pivot_wider("name", "v") end,
    "dataset:pivot_wider: the wide table would have 10002 rows and 10000 new columns: at most "
    .. "100000000 cells")
end)

test("pivot_longer stacks columns back, row by row", function()
  local wide = long():pivot_wider("region", "sales")
  local back = wide:pivot_longer({"東京", "大阪"}, "region", "sales")
  check.equal(names(back), "month,region,sales", "names")
  check.equal(values(back, "month"), "2025-01,2025-01,2025-02,2025-02,2025-03,2025-03", "ids")
  check.equal(values(back, "region"), "東京,大阪,東京,大阪,東京,大阪", "names in list order")
  check.equal(values(back, "sales"), "100,80,110,nil,120,nil", "values")
  check.equal(back:type("sales"), "integer", "type")
  check.equal(back:meta("sales").unit, "万円", "a unit every stacked column shares")
  local dropped = wide:pivot_longer({"東京", "大阪"}, "region", "sales", {drop_nil = true})
  check.equal(values(dropped, "sales"), "100,80,110,120", "drop_nil")
  local default = wide:pivot_longer("東京")
  check.equal(names(default), "month,大阪,name,value", "default names; other columns stay")
  local mixed = data.from_columns({"id", "a", "b"}, {id = {1, 2}, a = {1, 2}, b = {0.5, 1.5}})
  local stacked = mixed:pivot_longer({"a", "b"})
  check.equal(stacked:type("value"), "number", "integers and numbers make numbers")
  check.equal(values(stacked, "value"), "1.0,0.5,2.0,1.5", "widened")
  check.equal(#mixed:head(0):pivot_longer({"a", "b"}), 0, "no rows")
end)

test("pivot_longer errors", function()
  local ds = data.from_columns({"id", "a", "b", "when"}, {id = {1}, a = {1}, b = {"x"}, when = {"y"}})
  raises(here(), function() ds:pivot_longer({"a", "b"}) end,
    "dataset:pivot_longer: the columns to stack must hold one type (integers and numbers make "
    .. "numbers); got 'a' (integer), 'b' (string)")
  raises(here(), function() ds:pivot_longer({"b", "when"}, "id") end,
    "dataset:pivot_longer: names_to 'id' is the name of a column that stays; choose another")
  raises(here(), function() ds:pivot_longer({"b", "when"}, "x", "x") end,
    "dataset:pivot_longer: names_to and values_to are both 'x'")
  raises(here(), function() ds:pivot_longer({}) end,
    "dataset:pivot_longer: argument 1 (columns) must name at least one column")
  raises(here(), function() ds:pivot_longer({"a", "a"}) end,
    "dataset:pivot_longer: argument 1 (columns) names column 'a' twice")
  raises(here(), function() ds:pivot_longer({"a", "zz"}) end,
    "dataset:pivot_longer: no column 'zz' (columns: id, a, b, when)")
  raises(here(), function() ds:pivot_longer(3) end,
    "dataset:pivot_longer: argument 1 (columns) must be a column name or a list of them; got number 3")
  raises(here(), function() ds:pivot_longer({"b"}, "n", "v", {drop = true}) end,
    "dataset:pivot_longer: unknown option 'drop' (valid options: drop_nil)")
  raises(here(), function() ds:pivot_longer({"b"}, "") end,
    'dataset:pivot_longer: argument 2 (names_to) must be a column name; got string ""')
end)

-- Groups a and b; t orders rows within a group; v has a nil in group a.
local function series()
  return data.from_columns({"region", "t", "v", "x"}, {
    region = {"a", "b", "a", "a", "b", "a"},
    t = {1, 1, 3, 2, 2, 4},
    v = {1, 10, nil, 2, 20, 4, n = 6},
    x = {0.5, 0.25, 1, 0.125, nil, 2, n = 6},
  }, {columns = {v = {unit = "件"}}})
end

test("cumsum runs over the dataset's order, by group, or in another column's order", function()
  local ds = series()
  local all = ds:cumsum("v")
  check.equal(names(all), "region,t,v,x,v_cumsum", "default name, added last")
  check.equal(values(all, "v_cumsum"), "1,11,11,13,33,37", "a nil row holds the sum so far")
  check.equal(all:type("v_cumsum"), "integer", "integers stay integers")
  check.equal(all:meta("v_cumsum").unit, "件", "unit kept")
  check.equal(values(ds:cumsum("v", {by = "region"}), "v_cumsum"), "1,10,1,3,30,7", "by region")
  check.equal(values(ds:cumsum("v", {by = {"region"}, order = "t"}), "v_cumsum"), "1,10,3,3,30,7",
    "by region in t order")
  check.equal(values(ds:cumsum("x", {by = "region"}), "x_cumsum"), "0.5,0.25,1.5,1.625,0.25,3.625",
    "numbers")
  local lead = data.from_columns({"v"}, {v = {nil, 2, 3, n = 3}})
  check.equal(values(lead:cumsum("v"), "v_cumsum"), "nil,2,5", "nil before the first value")
  local replaced = ds:cumsum("v", {name = "v"})
  check.equal(names(replaced), "region,t,v,x", "a name in use is replaced in place")
  check.equal(values(replaced, "v"), "1,11,11,13,33,37", "replaced values")
  local big = data.from_columns({"v"}, {v = {math.maxinteger, 1}}):cumsum("v")
  check.equal(big:type("v_cumsum"), "number", "past 2^63 the column becomes numbers")
  check.equal(big:row(2).v_cumsum, 2.0 ^ 63, "never wrapped round")
  local tenths = {}
  for i = 1, 100000 do tenths[i] = 0.1 end
  local total = data.from_columns({"v"}, {v = tenths}):cumsum("v"):row(100000).v_cumsum
  check.equal(total, 10000.0, "compensated: 100,000 tenths make 10000 exactly")
end)

test("cumsum errors", function()
  local ds = series()
  raises(here(), function() ds:cumsum("region") end,
    "dataset:cumsum: column 'region' holds string values, not numbers")
  raises(here(), function() ds:cumsum("v", {by = "zone"}) end,
    "dataset:cumsum: option 'by': no column 'zone' (columns: region, t, v, x)")
  raises(here(), function() ds:cumsum("v", {by = 3}) end,
    "dataset:cumsum: option 'by' must be a column name or a list of column names; got number 3")
  raises(here(), function() ds:cumsum("v", {name = ""}) end,
    "dataset:cumsum: option 'name' must be a non-empty string; got string \"\"")
  raises(here(), function() ds:cumsum("v", {order = "x"}) end,
    "dataset:cumsum: option 'order': column 'x' is nil in row 5; every row needs a place in the order")
  raises(here(), function() ds:cumsum("v", {order = "t"}) end,
    "dataset:cumsum: 2 rows for t 1; option 'order' needs one row per value in each group (add the "
    .. "column that tells them apart to option 'by', or combine them first with group_by)")
  raises(here(), function() ds:cumsum("v", {sort = true}) end,
    "dataset:cumsum: unknown option 'sort' (valid options: name, by, order)")
  raises(here(), function() ds:cumsum() end,
    "dataset:cumsum: argument 1 (column) must be a column name; got no value")
end)

local function windows()
  return data.from_columns({"g", "t", "v"}, {
    g = {"a", "a", "a", "a", "a", "b", "b"},
    t = {1, 2, 3, 4, 5, 1, 2},
    v = {1, 2, nil, 4, 8, 10, 20, n = 7},
  })
end

test("rolling means and sums over the last n rows", function()
  local ds = windows()
  check.equal(values(ds:rolling("v", 2), "v_mean2"), "nil,1.5,nil,nil,6.0,9.0,15.0",
    "mean of 2, min_periods 2 by default, across groups without by")
  check.equal(values(ds:rolling("v", 2, {by = "g"}), "v_mean2"), "nil,1.5,nil,nil,6.0,nil,15.0",
    "by group")
  check.equal(values(ds:rolling("v", 2, {by = "g", min_periods = 1}), "v_mean2"),
    "1.0,1.5,2.0,4.0,6.0,10.0,15.0", "min_periods 1")
  local sums = ds:rolling("v", 3, {fn = "sum", by = "g", min_periods = 1})
  check.equal(values(sums, "v_sum3"), "1,3,3,6,12,10,30", "sums of 3; nils count for nothing")
  check.equal(sums:type("v_sum3"), "integer", "integer sums stay integers")
  -- The same windows when the rows come in another order: order = "t".
  local shuffled = ds:sort("v", {descending = true})
  local rolled = shuffled:rolling("v", 2, {by = "g", order = "t", min_periods = 1})
    :sort({"g", "t"})
  check.equal(values(rolled, "v_mean2"), "1.0,1.5,2.0,4.0,6.0,10.0,15.0", "order = t")
  check.equal(values(shuffled:rolling("v", 2, {name = "avg"}):sort({"g", "t"}), "avg"),
    "1.5,3.0,nil,6.0,9.0,15.0,nil", "without order: the rows as they stand")
  -- Adding and taking out 100,000 values leaves no drift.
  local v = {}
  for i = 1, 100000 do v[i] = (i % 7) / 10 + 1e6 * (i % 2) end
  local long_series = data.from_columns({"v"}, {v = v}):rolling("v", 3, {fn = "sum"})
  local last = long_series:row(100000).v_sum3
  check.near(last, v[99998] + v[99999] + v[100000], 1e-6, "last window")
end)

test("rolling errors", function()
  local ds = windows()
  raises(here(), function() ds:rolling("v", 0) end,
    "dataset:rolling: argument 2 (n) must be an integer >= 1 (rows in the window); got number 0")
  raises(here(), function() ds:rolling("v", 2.5) end,
    "dataset:rolling: argument 2 (n) must be an integer >= 1 (rows in the window); got number 2.5")
  raises(here(), function() ds:rolling("v", "3") end,
    'dataset:rolling: argument 2 (n) must be an integer >= 1 (rows in the window); got string "3"')
  raises(here(), function() ds:rolling("v", 2, {min_periods = 3}) end,
    "dataset:rolling: option 'min_periods' must be an integer in [1, 2]; got number 3")
  raises(here(), function() ds:rolling("v", 2, {fn = "median"}) end,
    "dataset:rolling: option 'fn' must be one of sum, mean; got string \"median\"")
  raises(here(), function() ds:rolling("g", 2) end,
    "dataset:rolling: column 'g' holds string values, not numbers")
  raises(here(), function() ds:rolling("v", 2, {order = "t"}) end,
    "dataset:rolling: 2 rows for t 1; option 'order' needs one row per value in each group (add "
    .. "the column that tells them apart to option 'by', or combine them first with group_by)")
  raises(here(), function() ds:rolling("v", 2, {by = "g", order = "g"}) end,
    "dataset:rolling: column 'g' is in both option 'by' and option 'order'")
  raises(here(), function() ds:rolling("v", 2, {window = 3}) end,
    "dataset:rolling: unknown option 'window' (valid options: fn, order, by, min_periods, name)")
end)

-- The fixture's sales, in file order, as hand-worked changes.
test("change: year over year by month, and month over month", function()
  local yoy = sales:change("sales", {date = "day", period = "month", by = "region"})
  check.equal(names(yoy), "region,day,sales,sales_yoy", "default name")
  check.equal(yoy:type("sales_yoy"), "number", "ratios are numbers")
  local r = yoy:column("sales_yoy")
  local expected = {nil, nil, nil, nil, nil, 0.25, 120 / 100 - 1, 0.25, 99 / 110 - 1, nil, nil, -1.0,
                    nil, 12 / 10 - 1, nil, nil}
  for i = 1, 16 do
    check.equal(r[i], expected[i], "row " .. i)
  end
  check.equal(yoy:meta("sales_yoy").unit, nil, "a ratio has no unit")
  local pop = sales:change("sales", {date = "day", period = "month", by = "region", lag = "period",
                                     as = "difference"})
  check.equal(values(pop, "sales_pop_diff"), "nil,nil,10,nil,nil,nil,nil,nil,-21,nil,-40,nil,15,nil,"
    .. "nil,-1", "differences, integers kept; a missing month gives nil")
  check.equal(pop:type("sales_pop_diff"), "integer", "integer differences")
  local diff = sales:change("sales", {date = "day", period = "month", by = "region",
                                      as = "difference", name = "vs_last_year"})
  check.equal(values(diff, "vs_last_year"), "nil,nil,nil,nil,nil,2,20,20,-11,nil,nil,-130,nil,2,50,nil",
    "a previous 0 is fine for a difference (row 15)")
end)

test("change by day: a year earlier is the same date, Feb 29 looks at Feb 28", function()
  local yoy = sales:change("sales", {date = "day", period = "day", by = "region"})
  check.equal(values(yoy, "sales_yoy"), "nil,nil,nil,nil,nil,0.25,nil,nil,nil,nil,nil,nil,nil,nil,"
    .. "nil,nil", "2024-02-29 against 2023-02-28; 2025-02-28 finds no 2024-02-28")
  local pop = sales:change("sales", {date = "day", period = "day", by = "region", lag = "period",
                                     as = "difference"})
  check.equal(pop:row(16).sales_pop_diff, -1, "2024-03-01 against 2024-02-29")
end)

test("change by fiscal year and fiscal quarter", function()
  local april = sales:filter(function(row)
    return row.region == "東京" and row.day:sub(6, 7) == "04"
  end)
  check.equal(values(april, "day"), "2024-04-01,2025-04-30,2026-04-01", "fixture rows")
  local fy = april:change("sales", {date = "day", period = "fiscal_year"})
  check.equal(values(fy, "sales_yoy"), "nil,-1.0,nil", "FY2025 against FY2024; a previous 0 gives nil")
  local fyd = april:change("sales", {date = "day", period = "fiscal_year", fiscal_start = 1,
                                     as = "difference"})
  check.equal(values(fyd, "sales_yoy_diff"), "nil,-130,50", "calendar years")
  local three = sales:filter(function(row)
    return row.region == "東京" and (row.day == "2024-01-15" or row.day == "2024-04-01"
      or row.day == "2025-01-05")
  end)
  local fq = three:change("sales", {date = "day", period = "fiscal_quarter", fiscal_start = 2})
  check.equal(values(fq, "sales_yoy"), "nil,nil," .. tostring(120 / 100 - 1),
    "FY2024Q4 against FY2023Q4")
  local fqp = three:change("sales", {date = "day", period = "fiscal_quarter", lag = "period",
                                     as = "difference"})
  check.equal(values(fqp, "sales_pop_diff"), "nil,30,nil", "FY2024Q1 after FY2023Q4")
end)

test("change: two rows in one period name the group and the period", function()
  local function dup(options)
    local m = message_of(function() sales:change("sales", options) end)
    return (m:gsub("^.-: dataset:change: ", ""):gsub("; change needs.*", ""))
  end
  check.equal(dup({date = "day", period = "month"}), "2 rows in month 2024-01", "no groups")
  check.equal(dup({date = "day", period = "quarter", by = "region"}),
    '2 rows for region "東京" in quarter 2024Q1', "quarter")
  check.equal(dup({date = "day", period = "year", by = "region"}),
    '3 rows for region "東京" in year 2024', "year")
  check.equal(dup({date = "day", period = "fiscal_year", by = "region"}),
    '2 rows for region "東京" in fiscal year FY2023', "April start: Jan and Feb 2024 are FY2023")
  check.equal(dup({date = "day", period = "fiscal_year", by = "region", fiscal_start = 1}),
    '3 rows for region "東京" in fiscal year FY2024', "January start: calendar years")
  check.equal(dup({date = "day", period = "fiscal_year", by = "region", fiscal_start = 12}),
    '3 rows for region "東京" in fiscal year FY2023', "December start")
  check.equal(dup({date = "day", period = "fiscal_quarter", by = "region"}),
    '2 rows for region "東京" in fiscal quarter FY2023Q4', "April start: January is Q4")
  check.equal(dup({date = "day", period = "fiscal_quarter", by = "region", fiscal_start = 2}),
    '2 rows for region "東京" in fiscal quarter FY2024Q1', "February start: Feb to Apr is Q1")
  raises(here(), function() sales:change("sales", {date = "day", period = "month"}) end,
    "dataset:change: 2 rows in month 2024-01; change needs one row per period in each group "
    .. "(combine them first with group_by, or add the column that tells them apart to option 'by')")
end)

-- Month and quarter columns place rows in periods as dates do, each at its
-- first day.
local periods = data.read_csv("fixtures/reshape_periods.csv")

test("change reads month and quarter columns", function()
  check.equal(periods:type("month") .. "," .. periods:type("quarter"), "month,quarter", "column types")
  local by_month = periods:change("sales", {date = "month", period = "month"})
  check.equal(values(by_month, "sales_yoy"), "nil,nil,0.5,-0.1", "a year earlier, month by month")
  local by_quarter = periods:change("sales", {date = "quarter", period = "quarter"})
  check.equal(values(by_quarter, "sales_yoy"), "nil,nil,0.5,-0.1", "by quarter column")
  local pop = periods:change("sales", {date = "quarter", period = "fiscal_quarter", lag = "period",
    as = "difference"})
  check.equal(values(pop, "sales_pop_diff"), "nil,100,nil,30", "fiscal quarters from quarters")
  raises(here(), function() periods:change("sales", {date = "quarter", period = "month"}) end,
    "dataset:change: option 'date': column 'quarter' holds quarter values, and period \"month\" cannot "
    .. "be read from it (a quarter column has no days or months)")
  local odd = {date = "quarter", period = "fiscal_quarter", fiscal_start = 2}
  raises(here(), function() periods:change("sales", odd) end, "dataset:change: option 'date': column "
    .. "'quarter' holds quarter values, and period \"fiscal_quarter\" cannot be read from it (a "
    .. "quarter column cannot be cut into fiscal quarters that start in another month than January, "
    .. "April, July or October)")
end)

test("change errors", function()
  local function fiscal(start)
    return {date = "day", period = "fiscal_year", fiscal_start = start}
  end
  raises(here(), function() sales:change("sales", {date = "day", period = "year", fiscal_start = 13}) end,
    "dataset:change: option 'fiscal_start' applies to period \"fiscal_quarter\" or "
    .. "\"fiscal_year\", not \"year\"")
  raises(here(), function() sales:change("sales", fiscal(13)) end,
    "dataset:change: option 'fiscal_start' must be an integer in [1, 12]; got number 13")
  raises(here(), function() sales:change("sales", fiscal(0)) end,
    "dataset:change: option 'fiscal_start' must be an integer in [1, 12]; got number 0")
  raises(here(), function() sales:change("sales", fiscal(4.5)) end,
    "dataset:change: option 'fiscal_start' must be an integer in [1, 12]; got number 4.5")
  raises(here(), function() sales:change("sales", {period = "month"}) end,
    "dataset:change: option 'date' is required: the date column that places each row in its period")
  raises(here(), function() sales:change("sales", {date = "day"}) end,
    "dataset:change: option 'period' is required: one of day, month, quarter, year, fiscal_quarter, "
    .. "fiscal_year")
  raises(here(), function() sales:change("sales", {date = "day", period = "week"}) end,
    "dataset:change: option 'period' must be one of day, month, quarter, year, fiscal_quarter, "
    .. 'fiscal_year; got string "week"')
  raises(here(), function() sales:change("sales", {date = "region", period = "month"}) end,
    "dataset:change: option 'date': column 'region' holds string values, not dates (read it as "
    .. 'dates with types = {region = "date"})')
  raises(here(), function() periods:change("sales", {date = "month", period = "day"}) end,
    "dataset:change: option 'date': column 'month' holds month values, and period \"day\" cannot be "
    .. "read from it (a month column has no days)")
  raises(here(), function() sales:change("sales", {date = "when", period = "month"}) end,
    "dataset:change: option 'date': no column 'when' (columns: region, day, sales)")
  raises(here(), function() sales:change("sales", {date = "day", period = "month", lag = "month"}) end,
    "dataset:change: option 'lag' must be one of year, period; got string \"month\"")
  raises(here(), function() sales:change("sales", {date = "day", period = "month", as = "percent"}) end,
    "dataset:change: option 'as' must be one of ratio, difference; got string \"percent\"")
  raises(here(), function() sales:change("region", {date = "day", period = "month"}) end,
    "dataset:change: column 'region' holds string values, not numbers")
  raises(here(), function() sales:change("sales") end,
    "dataset:change: option 'date' is required: the date column that places each row in its period")
end)

test("rank ties as SQL's RANK, DENSE_RANK and ROW_NUMBER, nils last", function()
  local ds = data.from_columns({"g", "v"}, {g = {"a", "a", "a", "b", "b", "a"},
                                            v = {10, 20, 10, nil, 5, 30, n = 6}})
  check.equal(values(ds:rank("v"), "v_rank"), "2,4,2,6,1,5", "rank: 1,2,2,4; nil last")
  check.equal(values(ds:rank("v", {method = "dense_rank"}), "v_rank"), "2,3,2,5,1,4", "dense_rank")
  check.equal(values(ds:rank("v", {method = "row_number"}), "v_rank"), "2,4,3,6,1,5",
    "row_number: ties in row order")
  check.equal(values(ds:rank("v", {descending = true}), "v_rank"), "3,2,3,6,5,1",
    "descending; nil still last")
  check.equal(values(ds:rank("v", {by = "g", descending = true, name = "place"}), "place"),
    "3,2,3,2,1,1", "by group")
  check.equal(ds:rank("v"):type("v_rank"), "integer", "integers")
  local nils = data.from_columns({"v"}, {v = {nil, 1, nil, n = 3}})
  check.equal(values(nils:rank("v"), "v_rank"), "2,1,2", "nils tie with each other")
  check.equal(values(nils:rank("v", {method = "row_number"}), "v_rank"), "2,1,3", "or in row order")
  local text = data.from_columns({"s"}, {s = {"b", "a", "c", "a"}})
  check.equal(values(text:rank("s"), "s_rank"), "3,1,4,1", "strings by bytes")
  check.equal(values(sales:rank("day"), "day_rank"), "2,3,4,5,8,6,9,10,12,1,11,15,14,13,16,7",
    "dates")
end)

test("rank errors", function()
  local ds = data.from_columns({"v"}, {v = {1}})
  raises(here(), function() ds:rank("v", {method = "percent"}) end,
    "dataset:rank: option 'method' must be one of rank, dense_rank, row_number; got string "
    .. '"percent"')
  raises(here(), function() ds:rank("v", {descending = "yes"}) end,
    'dataset:rank: option \'descending\' must be a boolean; got string "yes"')
  raises(here(), function() ds:rank("w") end, "dataset:rank: no column 'w' (columns: v)")
  raises(here(), function() ds:rank("v", {ties = "min"}) end,
    "dataset:rank: unknown option 'ties' (valid options: method, descending, by, name)")
end)

test("thousands of groups and names", function()
  local id, name, v = {}, {}, {}
  for i = 1, 9000 do
    id[i] = (i - 1) % 3000 -- rows 1, 3001 and 6001 share an id
    name[i] = "n" .. (i - 1) // 3000
    v[i] = i
  end
  local ds = data.from_columns({"id", "name", "v"}, {id = id, name = name, v = v})
  local sums = ds:cumsum("v", {by = "id"})
  check.equal(sums:row(6001).v_cumsum, 1 + 3001 + 6001, "third row of id 0")
  check.equal(sums:row(9000).v_cumsum, 3000 + 6000 + 9000, "third row of id 2999")
  local wide = ds:pivot_wider("name", "v")
  check.equal(#wide, 3000, "one row per id")
  check.equal(names(wide), "id,n0,n1,n2", "three names")
  check.equal(wide:row(3000).n2, 9000, "last cell")
  local across = ds:pivot_wider("id", "v", {id_cols = "name"})
  check.equal(#across:names(), 3001, "3000 new columns")
  check.equal(across:row(3)["2999"], 9000, "a cell far out")
  check.equal(across:row(1)["0"], 1, "a cell at the start")
  local ranked = ds:rank("v", {by = "id", descending = true})
  check.equal(values(ranked:head(3), "v_rank"), "3,3,3", "oldest rows rank last in each id")
end)

test("every operation leaves its dataset as it was", function()
  local ds = series()
  ds:cumsum("v"); ds:rolling("v", 2); ds:rank("v"); ds:pivot_wider("region", "v", {values_fn = "sum"})
  check.equal(names(ds), "region,t,v,x", "names")
  check.equal(values(ds, "v"), "1,10,nil,2,20,4", "values")
end)

check.done()
