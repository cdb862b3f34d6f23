-- Datasets: building, reading values back, and every operation.
local check = require "check"
local sumi = require "sumi"
local data = sumi.data
local test = check.test

local function figures()
  return data.from_columns({"metric", "scope", "value"}, {
    metric = {"models", "models", "unicorns", "unicorns", "companies"},
    scope = {"china", "world", "china", "world", "china"},
    value = {1509, 3755, 71, 271, 5100},
  }, {title = "WAIC 2025", source = "WAIC 2025", columns = {value = {unit = "件"}}})
end

local function values(ds, name)
  local list = ds:column(name)
  return table.concat((function()
    local out = {}
    for i = 1, #ds do out[i] = tostring(list[i]) end
    return out
  end)(), ",")
end

test("from_columns keeps column order, types and metadata", function()
  local ds = figures()
  check.equal(#ds, 5, "rows")
  check.equal(ds:nrows(), 5, "nrows")
  check.equal(table.concat(ds:names(), ","), "metric,scope,value", "names")
  check.equal(ds:type("value"), "integer", "value type")
  check.equal(ds:type("metric"), "string", "metric type")
  check.equal(ds:meta().source, "WAIC 2025", "dataset source")
  check.equal(ds:meta("value").unit, "件", "column unit")
  check.equal(tostring(ds), "dataset (5 rows, 3 columns)", "tostring")
end)

test("from_rows settles types: integers with numbers make numbers, nil is null", function()
  local ds = data.from_rows({{a = 1, b = "x"}, {a = 2.5, b = "y"}, {b = "z"}})
  check.equal(ds:type("a"), "number", "a")
  local a, n = ds:column("a")
  check.equal(n, 3, "count")
  check.equal(a[2], 2.5, "a[2]")
  check.equal(a[3], nil, "a[3] is null")
  check.errors(function() data.from_rows({{a = 1}, {a = "x"}}) end,
    "column 'a': row 2 holds a string where row 1 holds an integer", "mixed types")
  check.errors(function() data.from_rows({{a = 0 / 0}}) end, "is nan", "nan refused")
  local extra = {{a = 1}, {a = 2, b = 3}}
  local where, m = check.here(), check.message_of(function() data.from_rows(extra, {order = {"a"}}) end)
  check.equal(m, where .. "data.from_rows: row 2 has a field 'b' that option 'order' leaves out "
    .. "(order names every column, in its order)", "order is named as the reason")
  where, m = check.here(), check.message_of(function() data.from_rows(extra) end)
  check.equal(m, where .. "data.from_rows: row 2 has a field 'b' that row 1 lacks (the columns are row 1's "
    .. "fields; give option 'order' to name them all)", "row 1 is named as the reason")
end)

test("row, rows and view read values back", function()
  local ds = figures()
  check.equal(ds:row(2).value, 3755, "row 2")
  check.equal(ds:rows()[5].metric, "companies", "rows()[5]")
  check.errors(function() ds:row(6) end, "row 6 out of range (the dataset has 5 rows)", "row 6")
  local v = ds:view("value")
  check.equal(#v, 5, "#view")
  check.equal(v[1], 1509, "view[1]")
  check.equal(v[9], nil, "view past the end")
  check.equal(v:type(), "integer", "view type")
end)

test("select, rename, head and tail share values and keep metadata", function()
  local ds = figures()
  local s = ds:select("value", "metric")
  check.equal(table.concat(s:names(), ","), "value,metric", "select order")
  check.equal(s:meta("value").unit, "件", "column meta survives select")
  local r = ds:rename{value = "count"}
  check.equal(table.concat(r:names(), ","), "metric,scope,count", "rename")
  check.equal(r:meta().source, "WAIC 2025", "meta survives rename")
  check.equal(values(ds:head(2), "value"), "1509,3755", "head")
  check.equal(values(ds:tail(2), "value"), "271,5100", "tail")
  check.equal(#ds:head(99), 5, "head past the end")
  check.errors(function() ds:select("nope") end, "no column 'nope' (columns: metric, scope, value)",
    "unknown column")
end)

test("where compares in C and never matches nulls", function()
  local ds = figures()
  check.equal(values(ds:where("value", ">", 1000), "value"), "1509,3755,5100", ">")
  check.equal(values(ds:where("scope", "==", "world"), "value"), "3755,271", "== on strings")
  check.equal(#ds:where("value", "~=", 71), 4, "~=")
  local with_null = data.from_rows({{v = 1}, {v = 5}, {w = 1}}, {order = {"v", "w"}})
  check.equal(#with_null:where("v", "<", 100), 2, "null never matches")
  check.errors(function() ds:where("value", "=>", 1) end, "invalid option '=>'", "bad operator")
end)

test("filter calls a Lua predicate per row", function()
  local ds = figures():filter(function(row) return row.scope == "china" and row.value < 2000 end)
  check.equal(values(ds, "metric"), "models,unicorns", "filtered")
end)

test("sort is stable, handles several keys, puts nulls last", function()
  local ds = figures()
  check.equal(values(ds:sort("value"), "value"), "71,271,1509,3755,5100", "ascending")
  check.equal(values(ds:sort("value", {descending = true}), "value"), "5100,3755,1509,271,71",
    "descending")
  check.equal(values(ds:sort{"scope", {"value", "desc"}}, "value"), "5100,1509,71,3755,271",
    "two keys")
  local stable = ds:sort("scope")
  check.equal(values(stable, "metric"), "models,unicorns,companies,models,unicorns", "stable")
  local nulls = data.from_rows({{v = 2}, {w = 1}, {v = 1}}, {order = {"v", "w"}})
  check.equal(values(nulls:sort("v"), "v"), "1,2,nil", "nulls last ascending")
  check.equal(values(nulls:sort("v", {descending = true}), "v"), "2,1,nil", "nulls last descending")
end)

test("one-key sorts order negatives, zeros, dates and ties like the comparison sort", function()
  local ds = data.from_columns({"v", "tag", "d"}, {
    v = {2.5, -1, nil, 0, -3.75, 2.5, -0.0, 1e300, n = 8},
    tag = {"a", "b", "c", "d", "e", "f", "g", "h"},
    d = {"2025-07-29", "1969-12-31", "2000-02-29", "2025-07-29", "1970-01-01", "1900-03-01",
         "2400-12-31", "2025-01-20"},
  }):calc("i", "v", "*", 1)
  check.equal(values(ds:sort("v"), "tag"), "e,b,d,g,a,f,h,c", "ascending, ties in row order")
  check.equal(values(ds:sort("v", {descending = true}), "tag"), "h,a,f,d,g,b,e,c",
    "descending, ties in row order, null last")
  local dates = data.from_columns({"d"}, {d = ds:column("d")}):rename{d = "text"}
  check.equal(dates:type("text"), "string", "dates given as text stay text")
  local ints = data.from_columns({"k"}, {k = {3, -9007199254740993, 0, 9007199254740993, -1}})
  check.equal(values(ints:sort("k"), "k"), "-9007199254740993,-1,0,3,9007199254740993",
    "large integers exactly")
  local flags = data.from_rows({{f = true, n = 1}, {f = false, n = 2}, {f = true, n = 3}})
  check.equal(values(flags:sort("f"), "n"), "2,1,3", "booleans false first, stable")
end)

test("group_by aggregates in C, groups in order of first appearance", function()
  local g = figures():group_by("scope", {
    {"total", "sum", "value"}, {"n", "count"}, {"biggest", "max", "value"},
    {"smallest", "min", "value"}, {"average", "mean", "value"}, {"first_metric", "first", "metric"},
  })
  check.equal(values(g, "scope"), "china,world", "groups")
  check.equal(values(g, "total"), "6680,4026", "sum")
  check.equal(g:type("total"), "integer", "sum of integers stays integer")
  check.equal(values(g, "n"), "3,2", "count")
  check.equal(values(g, "biggest"), "5100,3755", "max")
  check.equal(values(g, "smallest"), "71,271", "min")
  check.near(g:row(2).average, 2013, 1e-9, "mean")
  check.equal(values(g, "first_metric"), "models,models", "first")
  check.equal(g:meta("total").unit, "件", "aggregate keeps the column's unit")
  check.errors(function() figures():group_by("scope", {{"x", "median", "value"}}) end,
    "unknown function 'median'", "unknown aggregate")
  check.errors(function() figures():group_by("scope", {{"x", "sum", "metric"}}) end,
    "cannot sum column 'metric' of string values", "sum of strings")
end)

test("calc does arithmetic in C and refuses a zero divisor", function()
  local wide = data.from_columns({"cn", "world"}, {cn = {1509, 71}, world = {3755, 271}})
  local shares = wide:calc("share", "cn", "/", "world"):calc("rest", "world", "-", "cn")
  check.near(shares:row(1).share, 0.40186, 1e-5, "1509 / 3755")
  check.near(shares:row(2).share, 0.26199, 1e-5, "71 / 271")
  check.equal(values(shares, "rest"), "2246,200", "world minus China")
  check.equal(shares:type("rest"), "integer", "integer minus integer")
  check.equal(shares:calc("pct", "share", "*", 100):type("pct"), "number", "times a number")
  local zero = data.from_columns({"a", "b"}, {a = {1, 2}, b = {1, 0}})
  check.errors(function() zero:calc("r", "a", "/", "b") end,
    "calc 'r': row 2: division by zero (b is 0)", "zero divisor")
  check.errors(function() figures():calc("x", "metric", "+", 1) end,
    "column 'metric' holds string values, not numbers", "strings")
end)

test("derive adds or replaces a column from a Lua function", function()
  local ds = figures():derive("label", function(row) return row.metric .. "/" .. row.scope end)
  check.equal(ds:row(1).label, "models/china", "derived")
  local replaced = figures():derive("value", function(row) return row.value * 2 end)
  check.equal(table.concat(replaced:names(), ","), "metric,scope,value", "replaced in place")
  check.equal(replaced:row(3).value, 142, "doubled")
end)

test("join matches keys like SQL and merges sources", function()
  local cn = figures():where("scope", "==", "china"):select("metric", "value")
  local world = figures():where("scope", "==", "world"):select("metric", "value")
    :with_meta{source = "CAICT"}
  local j = cn:join(world, "metric")
  check.equal(table.concat(j:names(), ","), "metric,value,value_right", "names with suffix")
  check.equal(#j, 2, "inner join drops companies")
  check.equal(j:row(1).value_right, 3755, "models world")
  check.equal(j:meta().source, "WAIC 2025 / CAICT", "sources merged")
  local left = cn:join(world, "metric", {how = "left", suffix = "_world"})
  check.equal(#left, 3, "left join keeps companies")
  check.equal(left:row(3).value_world, nil, "no match is null")
end)

test("distinct keeps first occurrences; append stacks rows", function()
  local ds = figures()
  check.equal(values(ds:distinct("scope"), "scope"), "china,world", "distinct scope")
  check.equal(#ds:distinct(), 5, "all rows distinct")
  local twice = ds:append(ds)
  check.equal(#twice, 10, "appended")
  check.equal(#twice:distinct(), 5, "distinct after append")
  local mixed = data.from_rows({{value = 1.5}}):append(data.from_rows({{value = 2}}))
  check.equal(mixed:type("value"), "number", "integers join numbers")
  check.errors(function() ds:append(ds:select("metric")) end, "datasets have 3 and 1 columns",
    "different shapes")
end)

test("with_meta returns a new dataset and leaves the old one alone", function()
  local ds = figures()
  local cited = ds:with_meta{source = "CAICT", notes = "as reported"}
  check.equal(cited:meta().source, "CAICT", "new source")
  check.equal(ds:meta().source, "WAIC 2025", "old untouched")
  local unit = ds:with_meta("value", {unit = "社"})
  check.equal(unit:meta("value").unit, "社", "column meta")
  check.errors(function() ds:with_meta{sauce = "x"} end, "unknown option 'sauce'", "bad key")
end)

test("stats read a column view in place, skipping nulls", function()
  local ds = data.from_rows({{v = 1}, {v = 2}, {w = 3}, {v = 10}}, {order = {"v", "w"}})
  local numeric = require "sumi.numeric"
  check.equal(numeric.sum(ds:view("v")), 13, "sum")
  check.equal(numeric.count(ds:view("v")), 3, "count")
  check.equal(numeric.median(ds:view("v")), 2.0, "median")
  check.equal(sumi.stats.sum(figures():view("value")), 10706, "stats.sum on a view")
  check.errors(function() numeric.sum(figures():view("metric")) end,
    "column of numbers expected, got a column of string values", "string column")
end)

check.done()
