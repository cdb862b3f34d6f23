-- chart.scatter (points, bubbles, groups, labels, log axes) and chart.area
-- (stacked, overlapping and percent areas over categories or a continuous x).
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"
local test = check.test

local page = sumi.canvas.pdf(nil)
local box = {x = 0, y = 0, width = 480, height = 320}

local function find(boxes, text)
  for _, b in ipairs(boxes) do
    if b.text == text then return b end
  end
end

local function texts(boxes)
  local t = {}
  for _, b in ipairs(boxes) do t[#t + 1] = b.text end
  return table.concat(t, "|")
end

local function no_overlaps(boxes, what)
  for i = 1, #boxes do
    for j = i + 1, #boxes do
      local a, b = boxes[i], boxes[j]
      local apart = a.x + a.width <= b.x + 0.01 or b.x + b.width <= a.x + 0.01 or
                    a.y + a.height <= b.y + 0.01 or b.y + b.height <= a.y + 0.01
      check.is_true(apart, ("%s: '%s' and '%s' overlap"):format(what, a.text, b.text))
    end
  end
end

local function inside(boxes, outer)
  for _, b in ipairs(boxes) do
    check.is_true(b.x >= outer.x - 0.01 and b.y >= outer.y - 0.01 and
      b.x + b.width <= outer.x + outer.width + 0.01 and b.y + b.height <= outer.y + outer.height + 0.01,
      ("'%s' inside the box"):format(b.text))
  end
end

local countries = {
  {name = "中国", gdp = 17.8, life = 78.6, pop = 1410, region = "アジア"},
  {name = "インド", gdp = 3.6, life = 70.8, pop = 1430, region = "アジア"},
  {name = "日本", gdp = 4.2, life = 84.5, pop = 124, region = "アジア"},
  {name = "米国", gdp = 27.4, life = 77.5, pop = 335, region = "米州"},
  {name = "ブラジル", gdp = 2.2, life = 75.8, pop = 216, region = "米州"},
  {name = "ドイツ", gdp = 4.5, life = 81.0, pop = 84, region = "欧州"},
  {name = "英国", gdp = 3.3, life = 81.3, pop = 68, region = "欧州"},
  {name = "フランス", gdp = 3.0, life = 82.5, pop = 68, region = "欧州"},
}

local months = {}
for m = 1, 12 do months[m] = {m = m .. "月", a = m, b = 12 - m + 1, c = 3} end

test("points sit where both scales put them", function()
  local c = chart.scatter(countries, {x = "gdp", y = "life", source = false})
  local list = c:compose(page, box)
  local circles = {}
  for _, item in ipairs(list.items) do
    if item.kind == "circle" then circles[#circles + 1] = item end
  end
  check.equal(#circles, 8, "one point per row")
  check.near(circles[4].x, c.scales.x:map(27.4), 1e-9, "x of 米国")
  check.near(circles[4].y, c.scales.y:map(77.5), 1e-9, "y of 米国")
  for _, p in ipairs(circles) do
    check.is_true(p.x - p.r >= c.plot.x and p.x + p.r <= c.plot.x + c.plot.width, "inside the plot")
  end
  local boxes = list:boxes()
  check.is_true(find(boxes, "10") ~= nil and find(boxes, "80") ~= nil, "ticks on both axes: " .. texts(boxes))
  no_overlaps(boxes, "scatter")
end)

test("bubbles: area proportional to the size, a size legend", function()
  local c = chart.scatter(countries, {x = "gdp", y = "life", size = "pop", source = false, max_size = 20})
  local list = c:compose(page, box)
  local r = {}
  for _, item in ipairs(list.items) do
    if item.kind == "circle" and item.fill ~= "#ffffff00" then r[#r + 1] = item.r end
  end
  check.equal(#r, 8, "bubbles")
  table.sort(r)
  check.near(r[#r], 20, 1e-9, "the largest is max_size")
  check.near((r[1] / r[#r]) ^ 2, 68 / 1430, 1e-9, "areas in proportion")
  local boxes = list:boxes()
  check.is_true(find(boxes, "pop") ~= nil and find(boxes, "1,000") ~= nil, "size legend: " .. texts(boxes))
end)

test("a tiny max_size still gets a size legend", function()
  local c = chart.scatter(countries, {x = "gdp", y = "life", size = "pop", max_size = 1, source = false})
  local boxes = c:layout(page, box)
  check.is_true(find(boxes, "1,000") ~= nil, texts(boxes))
end)

test("colour groups get a legend, labels never overlap", function()
  local c = chart.scatter(countries, {x = "gdp", y = "life", size = "pop", color = "region", label = "name",
    source = false})
  local boxes = c:layout(page, box)
  for _, region in ipairs({"アジア", "米州", "欧州"}) do
    check.is_true(find(boxes, region) ~= nil, "legend " .. region)
  end
  no_overlaps(boxes, "labels")
  inside(boxes, box)
  local labelled = 0
  for _, row in ipairs(countries) do
    if find(boxes, row.name) then labelled = labelled + 1 end
  end
  check.equal(labelled + c.labels_dropped, 8, "each label drawn or counted as dropped")
end)

test("crowded labels are dropped rather than overlapped", function()
  local rows = {}
  for i = 1, 60 do rows[i] = {x = i % 6, y = i % 5, n = "ラベル" .. i} end
  local c = chart.scatter(rows, {x = "x", y = "y", label = "n", source = false})
  local boxes = c:layout(page, {x = 0, y = 0, width = 300, height = 200})
  no_overlaps(boxes, "crowded")
  check.is_true(c.labels_dropped > 0, "some dropped")
end)

test("log axes tick at powers of ten", function()
  local c = chart.scatter(countries, {x = "pop", y = "gdp", x_log = true, y_log = true, source = false})
  local boxes = c:layout(page, box)
  check.is_true(find(boxes, "100") ~= nil and find(boxes, "1,000") ~= nil and find(boxes, "10") ~= nil,
    texts(boxes))
  check.errors(function()
    chart.scatter({{x = 1, y = 0}}, {x = "x", y = "y", y_log = true})
  end, "chart.scatter: row 1 of 'y' is 0: a log axis needs values > 0")
end)

test("scatter errors name the column and row", function()
  local message = check.errors(function() chart.scatter(countries, {x = "gdp", y = "lfe"}) end,
    "no field 'lfe'")
  check.is_true(message:match("^[^:]*chart_scatter_and_area%.lua:%d+: ") ~= nil,
    "at the script's line: " .. message)
  message = check.errors(function() chart.area(months, {x = "m", y = "a", mode = "x"}) end,
    "chart.area: option 'mode' must be one of stacked, overlap, percent; got string \"x\"")
  check.is_true(message:match("^[^:]*chart_scatter_and_area%.lua:%d+: ") ~= nil,
    "at the script's line: " .. message)
  check.errors(function() chart.scatter({{x = 1, y = 2}, {x = "a", y = 3}}, {x = "x", y = "y"}) end,
    "chart.scatter: row 2 of 'x' is not a finite number ('a')")
  check.errors(function() chart.scatter({{x = 1, y = 0 / 0}}, {x = "x", y = "y"}) end,
    "row 1 of 'y' is not a finite number (nan)")
  check.errors(function() chart.scatter({{x = 1, y = 2, s = -1}}, {x = "x", y = "y", size = "s"}) end,
    "row 1 of 's' is negative")
  check.errors(function() chart.scatter({}, {x = "x", y = "y"}) end, "chart.scatter: the data has no rows")
  check.errors(function() chart.scatter(countries, {x = "gdp", y = "life", colour = "region"}) end,
    "chart.scatter: unknown option 'colour' (valid options:")
  local ds = sumi.data.from_rows(countries, {order = {"name", "gdp", "life", "pop", "region"}})
  check.errors(function() chart.scatter(ds, {x = "name", y = "life"}) end,
    "chart.scatter: column 'name' holds string values, numbers expected")
end)

test("stacked areas: each band on the one below", function()
  local c = chart.area(months, {x = "m", y = {"a", "b", "c"}, source = false})
  local list = c:compose(page, box)
  local polygons = {}
  for _, item in ipairs(list.items) do
    if item.kind == "polygon" then polygons[#polygons + 1] = item end
  end
  check.equal(#polygons, 3, "one band per series")
  -- the top band's top at the first category: 1 + 12 + 3 = 16
  check.near(polygons[3].points[2], c.scales.y:map(16), 1e-9, "stacked top")
  check.near(polygons[3].points[#polygons[3].points], c.scales.y:map(13), 1e-9, "its bottom")
  local boxes = list:boxes()
  check.is_true(find(boxes, "a") and find(boxes, "c") and find(boxes, "1月") and true, "legend, categories")
  no_overlaps(boxes, "area")
end)

test("percent areas fill to 100%, overlap areas are see-through", function()
  local c = chart.area(months, {x = "m", y = {"a", "b", "c"}, mode = "percent", source = false})
  local boxes = c:layout(page, box)
  check.is_true(find(boxes, "100%") ~= nil, "percent axis: " .. texts(boxes))
  local lo, hi = c.scales.y:domain()
  check.equal(lo == 0 and hi == 1, true, "0 to 1")
  local o = chart.area(months, {x = "m", y = {"a", "b"}, mode = "overlap", source = false})
  for _, item in ipairs(o:compose(page, box).items) do
    if item.kind == "polygon" then check.equal(#item.fill, 9, "a colour with alpha") end
  end
end)

test("areas over dates use a time axis", function()
  local rows = {}
  for m = 1, 12 do rows[m] = {d = ("2025-%02d-01"):format(m), a = m, b = 2} end
  local c = chart.area(rows, {x = "d", y = {"a", "b"}, source = false})
  local boxes = c:layout(page, box)
  check.equal(c.scales.x.interval[1], "month", "time axis")
  check.is_true(find(boxes, "2025年1月") ~= nil, texts(boxes))
  no_overlaps(boxes, "time area")
end)

test("area errors", function()
  check.errors(function() chart.area(months, {x = "m", y = "a", x_title = "月"}) end,
    "chart.area: option 'x_title' is for a numeric or date x only ('m' holds categories)")
  check.errors(function() chart.area(months, {x = "m", y = {"a", "z"}}) end, "no field 'z'")
  check.errors(function() chart.area(months, {x = "m", y = "a", mode = "stack"}) end,
    "chart.area: option 'mode' must be one of stacked, overlap, percent; got string \"stack\"")
  check.errors(function() chart.area({{m = "x", a = -1}}, {x = "m", y = "a"}) end,
    "chart.area: row 1 of 'a' is negative (-1): stacked areas need values >= 0")
end)

test("themes: mono tells groups apart by shape and dash", function()
  local c = chart.scatter(countries, {x = "gdp", y = "life", color = "region", theme = "mono",
    source = false})
  local shapes = 0
  for _, item in ipairs(c:compose(page, box).items) do
    if item.kind == "polygon" then shapes = shapes + 1 end
  end
  check.is_true(shapes >= 5, "squares and triangles besides circles")
  local a = chart.area(months, {x = "m", y = {"a", "b"}, theme = "mono", source = false})
  local dashed = 0
  for _, item in ipairs(a:compose(page, box).items) do
    if item.kind == "line" and item.stroke.dash then dashed = dashed + 1 end
  end
  check.equal(dashed, 1, "the second band's edge is dashed")
  for _, name in ipairs({"print", "slides", "colorblind"}) do
    no_overlaps(chart.scatter(countries, {x = "gdp", y = "life", label = "name", theme = name,
      source = false}):layout(page, box), name)
  end
end)

check.done()
