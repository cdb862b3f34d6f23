-- An option a function accepts does what it says, or is refused at the
-- script's line with what it may be: a table column that names no column
-- of the data, a legend position that is not one of its places, a value axis
-- title above horizontal bars or a bottom axis. And what is accepted works:
-- value_labels = true on bars and on a line over categories, on a pie, the
-- side title on both axes of a combination chart.
local check = require "check"
local here, message_of = check.here, check.message_of
local sumi = require "sumi"
local axis = require "sumi.axis"
local chart = require "sumi.chart"
local scale = require "sumi.scale"
local test = check.test

local rows = {{k = "a", v = 1234, w = 2}, {k = "b", v = 2345, w = 3}}

local function exact(m, w, expected, what)
  check.is_true(w:find("table_and_chart_options_do_what_they_say.lua:%d+: $"), "here() gives file:line")
  check.equal(m, w .. expected, what)
end

-- A trace measures text as the PDF does, and writes nothing here.
local page = sumi.canvas.trace(false, {width = 400, height = 300})

-- The texts a chart places, by text, in a 400 x 300 box.
local function texts(c)
  local all = {}
  for _, b in ipairs(c:layout(page, {x = 0, y = 0, width = 400, height = 300})) do all[b.text] = b end
  return all
end

test("doc:table: a column key that is not a column of a dataset is an error listing them", function()
  local ds = sumi.data.from_rows(rows, {order = {"k", "v", "w"}})
  local doc = sumi.document.new{}
  local m, w = message_of(function() doc:table(ds, {columns = {{key = "k"}, {key = "yoy_pct"}}}) end), here()
  exact(m, w, "document:table: columns[2]: no column 'yoy_pct' in the data (its columns: k, v, w)", "dataset")
  m, w = message_of(function() doc:table(ds, {columns = {"k", "V"}}) end), here()
  exact(m, w, "document:table: columns[2]: no column 'V' in the data (its columns: k, v, w)", "a key alone")
  doc:discard()
end)

test("doc:table: a key no row of Lua records has is an error too; one some rows have is not", function()
  local doc = sumi.document.new{}
  local m, w = message_of(function() doc:table(rows, {columns = {"k", "yoy"}}) end), here()
  exact(m, w, "document:table: columns[2]: no row has a field 'yoy' (the rows' fields: k, v, w)", "records")
  m, w = message_of(function() doc:table({{1, 2}, {3, 4}}, {columns = {1, 3}}) end), here()
  exact(m, w, "document:table: columns[2]: no row has a field '3' (the rows' fields: 1, 2)", "arrays")
  local ok, err = pcall(doc.table, doc, {{k = "a"}, {k = "b", note = "x"}}, {columns = {"k", "note"}})
  check.is_true(ok, "a field only some rows have is a column: " .. tostring(err))
  doc:discard()
end)

test("legend: top, bottom, right, none or end, each where it says", function()
  local what = 'one of "top", "bottom", "right", "none", "end", true ("top") or false ("none")'
  for _, kind in ipairs({"bar", "line", "area", "scatter"}) do
    local opts = {x = "k", y = "v", legend = "left"}
    if kind == "scatter" then opts.x = "w" end
    local m, w = message_of(function() chart[kind](rows, opts) end), here()
    exact(m, w, ("chart.%s: option 'legend' must be %s; got string \"left\""):format(kind, what), kind)
  end
  local combo = {x = "k", bars = "v", lines = "w", legend = "above"}
  local m, w = message_of(function() chart.combo(rows, combo) end), here()
  exact(m, w, "chart.combo: option 'legend' must be " .. what .. "; got string \"above\"", "combo")
  -- names at the ends of lines: line charts only
  m, w = message_of(function() chart.bar(rows, {x = "k", y = {"v", "w"}, legend = "end"}) end), here()
  exact(m, w, 'chart.bar: option \'legend\' must be "top", "bottom", "right", "none", true or false ("end" '
    .. 'names the lines at their ends: line charts only); got string "end"', "end on bars")
  local shown = texts(chart.bar(rows, {x = "k", y = {"v", "w"}}))
  local top = texts(chart.bar(rows, {x = "k", y = {"v", "w"}, legend = "top"}))
  local bottom = texts(chart.bar(rows, {x = "k", y = {"v", "w"}, legend = "bottom"}))
  local right = texts(chart.bar(rows, {x = "k", y = {"v", "w"}, legend = "right"}))
  check.is_true(shown.v and shown.w, "legend = true names the series")
  check.equal(shown.v.y, top.v.y, "true is top")
  check.less(top.v.y, top["2,000"].y, "top: above the plot")
  check.less(bottom.a.y + bottom.a.height, bottom.v.y, "bottom: under the category labels")
  check.less(right["2,000"].x, right.v.x, "right: beside the plot")
  check.less(right.v.y, right.w.y, "right: one name a row")
  check.equal(right.v.x, right.w.x, "right: in one column")
  for _, hide in ipairs({false, "none"}) do
    local hidden = texts(chart.bar(rows, {x = "k", y = {"v", "w"}, legend = hide}))
    check.is_true(not hidden.v and not hidden.w, tostring(hide) .. " names none")
  end
end)

test("y_title_position: refused on horizontal bars and on a bottom axis, both titles on a combo", function()
  local m, w = message_of(function()
    chart.bar(rows, {x = "k", y = "v", orientation = "horizontal", y_title_position = "top"}) end), here()
  exact(m, w, "chart.bar: option 'y_title_position' must be \"side\" on horizontal bars (their value axis "
    .. "runs along the bottom, its title under it); got string \"top\"", "horizontal bars")
  local s = scale.linear{domain = {0, 10}, range = {20, 180}}
  local plot = {x = 20, y = 20, width = 160, height = 160}
  local top = {side = "bottom", title = "x", title_position = "top"}
  m, w = message_of(function() axis.draw(page, plot, s, top) end), here()
  exact(m, w, "axis.draw: option 'title_position' must be \"side\" on a bottom axis (its title is under "
    .. "it); got string \"top\"", "bottom axis")
  local boxes = axis.draw(page, plot, s, {side = "bottom", title = "x"})
  check.less(180, boxes[#boxes].y, "a bottom axis' title is under the plot by default")
  local side = texts(chart.combo(rows, {x = "k", bars = "v", lines = "w", y_title = "売上", y2_title = "率",
    y_title_position = "side"}))
  local above = texts(chart.combo(rows, {x = "k", bars = "v", lines = "w", y_title = "売上", y2_title = "率"}))
  check.less(above["率"].y + 40, side["率"].y, "the right axis' title moves beside it too")
end)

test("value_labels = true labels bars, a line over categories and a pie", function()
  local bars = texts(chart.bar(rows, {x = "k", y = "v", value_labels = true}))
  check.is_true(bars["1,234"] and bars["2,345"], "bars")
  local lines = texts(chart.line(rows, {x = "k", y = "v", value_labels = true}))
  check.is_true(lines["1,234"] and lines["2,345"], "a line over categories")
  check.is_true(lines["2,345"].y >= 0, "the top label stays inside the box")
  local formatted = texts(chart.line(rows, {x = "k", y = "v", value_labels = "int"}))
  check.is_true(formatted["1,234"], "a format name on a line")
  local pie = texts(chart.pie(rows, {label = "k", value = "v", value_labels = true}))
  check.is_true(pie["a 34.5%"] and pie["b 65.5%"], "a pie: true is pct1")
end)

page:discard()
check.done()
