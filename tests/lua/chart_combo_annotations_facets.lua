-- Bars with lines on a secondary axis, annotations placed in data terms,
-- small multiples sharing one value axis, and bars coloured by a column.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"

local canvas = sumi.canvas.pdf(nil, {size = "A4"})
local box = {x = 40, y = 60, width = 440, height = 260}

local function overlaps(a, b)
  return a.x < b.x + b.width - 0.01 and b.x < a.x + a.width - 0.01 and
         a.y < b.y + b.height - 0.01 and b.y < a.y + a.height - 0.01
end

local function no_overlaps(boxes)
  for i, a in ipairs(boxes) do
    check.is_true(a.x >= box.x - 0.01 and a.x + a.width <= box.x + box.width + 0.01 and
      a.y >= box.y - 0.01 and a.y + a.height <= box.y + box.height + 0.01,
      ("'%s' inside the box"):format(a.text))
    for j = i + 1, #boxes do
      check.is_true(not overlaps(a, boxes[j]), ("'%s' clear of '%s'"):format(a.text, boxes[j].text))
    end
  end
end

local function find(boxes, text)
  for _, b in ipairs(boxes) do
    if b.text == text then return b end
  end
  return nil
end

local industry = {
  {year = "2021", size = 4.3e11, growth = 0.18},
  {year = "2022", size = 5.1e11, growth = 0.186},
  {year = "2023", size = 5.8e11, growth = 0.137},
  {year = "2024", size = 7.0e11, growth = 0.207},
}

check.test("combo: lines get their own axis on the right, in their own format", function()
  local c = chart.combo(industry, {x = "year", bars = "size", lines = "growth", names = {"産業規模", "成長率"},
    y_title = "産業規模", unit = "元", y2_title = "成長率", y2_format = "pct", source = "CAICT"})
  local boxes = c:layout(canvas, box)
  no_overlaps(boxes)
  local left_title, right_title = find(boxes, "産業規模（億元）"), find(boxes, "成長率")
  check.is_true(left_title ~= nil, "the bars' axis names its unit once")
  check.is_true(right_title ~= nil, "the right axis title")
  check.less(left_title.x + left_title.width, right_title.x, "titles on their sides")
  -- the right axis: percent ticks, right of every category label
  local pct = {}
  for _, b in ipairs(boxes) do
    if b.text:find("^%d+%%$") then pct[#pct + 1] = b end
  end
  check.less(2, #pct, "percent ticks on the right axis")
  local last_year = find(boxes, "2024")
  for _, b in ipairs(pct) do
    check.less(last_year.x + last_year.width, b.x, b.text .. " right of the plot")
  end
  check.is_true(find(boxes, "4,000") ~= nil, "bars in 億 on the left axis")
end)

check.test("combo: y2 = false puts the lines on the bars' axis", function()
  local rows = {{k = "a", b = 10, l = 30}, {k = "b", b = 20, l = 5}}
  local boxes = chart.combo(rows, {x = "k", bars = "b", lines = "l", y2 = false}):layout(canvas, box)
  check.is_true(find(boxes, "30") ~= nil, "the shared axis reaches the line's 30")
end)

check.test("combo: bad options are named", function()
  check.errors(function() chart.combo(industry, {x = "year", lines = "growth"}) end,
      "chart.combo: option 'bars' is missing")
  check.errors(function() chart.combo(industry, {x = "year", bars = "size"}) end,
      "chart.combo: option 'lines' is missing")
  check.errors(function() chart.combo(industry, {x = "year", bars = "size", lines = "nope"}) end,
    "no field 'nope'")
  check.errors(function()
    chart.combo(industry, {x = "year", bars = "size", lines = "growth", mode = "percent"})
  end, "chart.combo: option 'mode' must be one of grouped, stacked")
end)

local annotated = {
  {kind = "band", x = {"2023", "2024"}, label = "予測"},
  {kind = "line", y = 6e11, label = "目標"},
  {kind = "arrow", x = "2024", y = 7e11, text = "過去最高"},
  {kind = "text", x = "2021", y = 4.3e11, text = "基準年"},
}

check.test("annotations: placed by the scales, inside the plot, bands under the bars", function()
  local c = chart.bar(industry, {x = "year", y = "size", unit = "元", annotations = annotated})
  local list = c:compose(canvas, box)
  local boxes = list:boxes()
  no_overlaps(boxes)
  local tick_6000, target = find(boxes, "6,000"), find(boxes, "目標")
  check.is_true(target ~= nil, "the reference line's label")
  -- the label sits just above its line: its bottom near the 6,000 tick's middle
  check.near(target.y + target.height, tick_6000.y + tick_6000.height / 2, 4, "label at its value")
  local y2021, base = find(boxes, "2021"), find(boxes, "基準年")
  check.near(base.x + base.width / 2, y2021.x + y2021.width / 2, 0.5, "text note over its category")
  -- draw order: the band before the first bar, the arrow head after the last
  local band_at, first_bar, head_at
  for i, item in ipairs(list.items) do
    if item.kind == "rect" and item.fill == sumi.theme.print.annotation.band then band_at = band_at or i end
    if item.kind == "rect" and item.fill == sumi.theme.print.palette[1] then first_bar = first_bar or i end
    if item.kind == "polygon" then head_at = i end
  end
  check.is_true(band_at and first_bar and band_at < first_bar, "band under the bars")
  check.is_true(head_at and head_at > first_bar, "arrow over the bars")
end)

check.test("annotations: horizontal bars turn a value line upright", function()
  local c = chart.bar(industry, {x = "year", y = "size", orientation = "horizontal"})
  c:annotate({kind = "line", y = 6e11, label = "目標"})
  local list = c:compose(canvas, box)
  local upright = false
  for _, item in ipairs(list.items) do
    if item.kind == "line" and item.stroke.dash and item.points[1] == item.points[3] then upright = true end
  end
  check.is_true(upright, "a vertical reference line")
end)

check.test("annotations: mistakes are named", function()
  local function with(annotation)
    return function() chart.bar(industry, {x = "year", y = "size", annotations = {annotation}}) end
  end
  check.errors(with({kind = "circle"}),
      "chart.bar: option 'annotations[1].kind' must be one of line, band, text, arrow")
  check.errors(with({kind = "text", x = "2021"}), "annotations[1] (text) needs both 'x' and 'y'")
  check.errors(with({kind = "band", y = 3}), "must be a pair")
  local c = chart.bar(industry, {x = "year", y = "size"})
  c:discard()
  check.errors(function() c:annotate({kind = "line", y = 1, colour = 1}) end,
    "chart:annotate: unknown option 'annotations[1].colour'")
end)

local cities = {}
for r, name in ipairs({"北京", "上海", "深圳", "杭州"}) do
  for y = 2021, 2024 do
    cities[#cities + 1] = {city = name, year = tostring(y), firms = 100 * r + (y - 2020) * 40 * r}
  end
end

check.test("facets: one panel per value, one value axis, one chart to export", function()
  local first = chart.bar({{k = "a", v = 1}}, {x = "k", y = "v"})
  first:discard()
  local before = first.name
  local c = chart.facet(cities, {by = "city", chart = "bar", x = "year", y = "firms", title = "都市別",
    source = "架空"})
  check.equal(#c.panels, 4, "panels")
  local n = tonumber(before:match("%d+"))
  check.equal(c.name, "chart-" .. (n + 1), "the panels are not charts of their own")
  local boxes = c:layout(canvas, box)
  no_overlaps(boxes)
  for _, city in ipairs({"北京", "上海", "深圳", "杭州"}) do
    check.is_true(find(boxes, city) ~= nil, city .. " panel title")
  end
  -- every panel's value axis reads the same ticks
  local ticks = {}
  for _, b in ipairs(boxes) do
    if b.text:find("^[%d,]+$") and not b.text:find("^202%d$") then
      ticks[b.text] = (ticks[b.text] or 0) + 1
    end
  end
  check.equal(ticks["1,000"], 4, "1,000 on all four panels")
  check.equal(ticks["0"], 4, "0 on all four panels")
  check.is_true(find(boxes, "出典: 架空") ~= nil, "one source line")
end)

check.test("facets: datasets split too, and mistakes are named", function()
  local ds = sumi.data.from_rows(cities, {order = {"city", "year", "firms"}, source = "架空"})
  local c = chart.facet(ds, {by = "city", chart = "line", x = "year", y = "firms", columns = 4})
  c:discard()
  check.equal(#c.panels, 4, "panels from a dataset")
  check.errors(function() chart.facet(cities, {chart = "bar", x = "year", y = "firms"}) end,
    "chart.facet: option 'by' is missing")
  check.errors(function() chart.facet(cities, {by = "city", chart = "kpi"}) end,
      "chart.facet: option 'chart' must be bar, line, combo, pie")
  check.errors(function() chart.facet(ds, {by = "town", x = "year", y = "firms"}) end, "no column 'town'")
end)

check.test("bars coloured by a column, value labels that see the row", function()
  local rows = {
    {name = "特許", share = 0.6, kind = "概数"},
    {name = "モデル", share = 1509 / 3755, kind = "算出"},
  }
  local c = chart.bar(rows, {x = "name", y = "share", color = "kind", colors = {["概数"] = "#e3a29c"},
    value_labels = function(v, row)
      return (row.kind == "概数" and "約" or "") .. ("%.0f%%"):format(v * 100)
    end})
  local list = c:compose(canvas, box)
  local boxes = list:boxes()
  check.is_true(find(boxes, "約60%") ~= nil, "approximate label")
  check.is_true(find(boxes, "40%") ~= nil, "computed label")
  check.is_true(find(boxes, "概数") and find(boxes, "算出"), "a legend entry per colour group")
  local fills = {}
  for _, item in ipairs(list.items) do
    if item.kind == "rect" then fills[item.fill] = true end
  end
  check.is_true(fills["#e3a29c"] and fills[sumi.theme.print.palette[2]], "mapped and palette colours")
  check.errors(function() chart.bar(rows, {x = "name", y = {"share", "share"}, color = "kind"}) end,
    "chart.bar: option 'color' takes one value column; got 2")
end)

check.test("a share-labelled chart labels its axis in percent", function()
  local rows = {{k = "a", v = 0.26}, {k = "b", v = 0.4}}
  local boxes = chart.bar(rows, {x = "k", y = "v", value_labels = "pct1"}):layout(canvas, box)
  check.is_true(find(boxes, "40%") ~= nil, "40% tick")
  check.is_true(find(boxes, "0.4") == nil, "no 0.4 tick")
end)

check.test("theme.derive checks each changed field against the base theme", function()
  local derive = sumi.theme.derive
  check.errors(function() derive("print", {sizes = {title = "14"}}) end,
    "theme.derive: option 'sizes.title' must be a number >= 0; got string \"14\"", "size as a string")
  check.errors(function() derive("print", {line_width = -1}) end,
    "theme.derive: option 'line_width' must be a number >= 0; got number -1", "negative width")
  check.errors(function() derive("print", {ink = 3}) end,
    "theme.derive: option 'ink' must be a string; got number 3", "colour as a number")
  check.errors(function() derive("print", {palette = {"#ffffff", 3}}) end,
    "theme.derive: option 'palette' must be a list of strings (entry 2 is a number)", "palette entry")
  check.errors(function() derive("print", {palette = "red"}) end,
    "theme.derive: option 'palette' must be a table; got string \"red\"", "palette as a string")
  check.errors(function() derive("print", {grid = {colour = "red"}}) end,
    "theme.derive: unknown option 'grid.colour' (valid options: color, width)", "nested typo")
  check.errors(function() derive("print", {sizes = 3}) end,
    "theme.derive: option 'sizes' must be a table; got number 3", "record as a number")
  local mono = derive("mono", {dashes = {false, {2, 1}}, sizes = {title = 14}})
  check.equal(mono.sizes.title, 14, "a size changed")
  check.equal(mono.sizes.tick, 8, "the other sizes kept")
  check.equal(mono.dashes[2][1], 2, "dashes: false and lists")
end)

check.test("KPI change colours come from the theme", function()
  local mine = sumi.theme.derive("print", {positive = "#0000ff"})
  local list = chart.kpi({value = 71, label = "ユニコーン", change = 0.1, theme = mine}):compose(canvas, box)
  local coloured = false
  for _, item in ipairs(list.items) do
    if item.kind == "text" and item.opts.color == "#0000ff" then coloured = true end
  end
  check.is_true(coloured, "theme.positive colours a rise")
end)

check.test("notes and the unit come from the dataset's metadata", function()
  local ds = sumi.data.from_rows({{k = "a", v = 2e5}, {k = "b", v = 3e5}}, {order = {"k", "v"}})
    :with_meta{source = "CAICT", notes = "概数を含む"}
  local boxes = chart.bar(ds, {x = "k", y = "v", y_title = "規模"}):layout(canvas, box)
  local source, notes = find(boxes, "出典: CAICT"), find(boxes, "注: 概数を含む")
  check.is_true(source and notes, "source and notes lines")
  check.less(notes.y, source.y, "notes above the source line")
  check.is_true(find(boxes, "規模（万）") ~= nil, "no unit: the scale alone")
  local yuan = ds:with_meta("v", {unit = "元"})
  check.is_true(find(chart.bar(yuan, {x = "k", y = "v", y_title = "規模"}):layout(canvas, box), "規模（万元）"),
    "the value column's unit")
  local off = chart.bar(ds, {x = "k", y = "v", notes = false}):layout(canvas, box)
  check.is_true(find(off, "注: 概数を含む") == nil, "notes = false")
end)

check.test("annotations on a date axis and on a scatter plot", function()
  local rows = {}
  for m = 1, 12 do rows[m] = {d = ("2025-%02d-01"):format(m), v = m * 10} end
  local c = chart.line(rows, {x = "d", y = "v", annotations = {
    {kind = "band", x = {"2025-04-01", "2025-06-01"}, label = "第2四半期"},
    {kind = "line", y = 60, label = "目標"}}})
  local list = c:compose(canvas, box)
  local boxes = list:boxes()
  no_overlaps(boxes)
  local band
  for _, item in ipairs(list.items) do
    if item.kind == "rect" and item.fill == sumi.theme.print.annotation.band then band = item end
  end
  check.is_true(band ~= nil, "the band is drawn")
  local april = c.scales.x:map(require("sumi.scale").date_days("2025-04-01"))
  check.near(band.x, april, 0.01, "band starts on its date")
  local label = find(boxes, "目標")
  check.near(label.y + label.height, c.scales.y:map(60) - sumi.theme.print.gap / 2, 0.5, "line label on 60")
  local s = chart.scatter({{a = 1, b = 2}, {a = 3, b = 5}}, {x = "a", y = "b", y_domain = {0, 10},
    annotations = {{kind = "line", x = 2, label = "x = 2"}}})
  local sboxes = s:layout(canvas, box)
  check.is_true(find(sboxes, "x = 2") ~= nil, "scatter annotation")
  check.is_true(find(sboxes, "10") ~= nil, "y_domain reaches 10")
end)

check.test("a facet of pies: one pie a panel, each slice named on it", function()
  local rows = {}
  for _, city in ipairs({"北京", "上海"}) do
    for _, k in ipairs({"モデル", "企業", "特許"}) do rows[#rows + 1] = {city = city, k = k, v = #rows + 3} end
  end
  local c = chart.facet(rows, {chart = "pie", by = "city", label = "k", value = "v", title = "都市別"})
  check.equal(#c.panels, 2, "two panels")
  local boxes = c:draw(canvas, box)
  check.is_true(find(boxes, "北京") and find(boxes, "上海"), "each panel's title")
  check.is_true(find(boxes, "特許 41.7%"), "a slice's label with its share")
  check.equal(c:alt_text(), "都市別 最大の割合は北京・特許の41.7%、最小は北京・モデルの25.0%（全2パネル）。", "alt")
end)

check.done()
