-- Charts: long Japanese labels wrap, rotate or turn the chart horizontal,
-- and no text box overlaps another or leaves the chart's box.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"

local canvas = sumi.canvas.pdf(nil, {size = "A4"})
local box = {x = 40, y = 60, width = 420, height = 260}

local function overlaps(a, b)
  return a.x < b.x + b.width - 0.01 and b.x < a.x + a.width - 0.01 and
         a.y < b.y + b.height - 0.01 and b.y < a.y + a.height - 0.01
end

local function check_boxes(boxes)
  for i, a in ipairs(boxes) do
    check.is_true(a.x >= box.x - 0.01 and a.y >= box.y - 0.01 and
      a.x + a.width <= box.x + box.width + 0.01 and
      a.y + a.height <= box.y + box.height + 0.01, ("'%s' inside the box"):format(a.text))
    for j = i + 1, #boxes do
      local b = boxes[j]
      check.is_true(not overlaps(a, b), ("'%s' clear of '%s'"):format(a.text, b.text))
    end
  end
end

local long = {
  {name = "大規模AIモデルの登録件数", v = 1509}, {name = "AIユニコーン企業の数", v = 71},
  {name = "上場AI企業の産業収益に占める割合", v = 70}, {name = "AI特許出願件数の世界シェア", v = 60},
  {name = "AI関連企業数", v = 5100},
}

check.test("long Japanese labels wrap inside their bands", function()
  local c = chart.bar(long, {x = "name", y = "v", title = "中国のAI産業", source = "WAIC 2025",
    value_labels = "int"})
  local boxes = c:layout(canvas, box)
  check.equal(c.orientation, "vertical", "orientation")
  check_boxes(boxes)
  local found = false
  for _, b in ipairs(boxes) do
    if b.text == "出典: WAIC 2025" then found = true end
  end
  check.is_true(found, "source line")
end)

check.test("many long labels turn the chart horizontal", function()
  local rows = {}
  for i = 1, 14 do
    rows[i] = {name = ("第%d地域の人工知能関連企業とその研究機関"):format(i), v = i * 10}
  end
  local c = chart.bar(rows, {x = "name", y = "v", value_labels = "int"})
  local boxes = c:layout(canvas, box)
  check.equal(c.orientation, "horizontal", "orientation")
  check_boxes(boxes)
end)

check.test("explicit horizontal bars keep labels apart", function()
  local c = chart.bar(long, {x = "name", y = "v", orientation = "horizontal", value_labels = "int"})
  check_boxes(c:layout(canvas, box))
end)

check.test("stacked and percent bars: totals and shares", function()
  local rows = {{k = "A", x = 30, y = 10}, {k = "B", x = 5, y = 15}}
  local stacked = chart.bar(rows, {x = "k", y = {"x", "y"}, mode = "stacked"})
  stacked:layout(canvas, box)
  check.equal(stacked.data.series[1].values[1] + stacked.data.series[2].values[1], 40, "total A")
  local pct = chart.bar(rows, {x = "k", y = {"x", "y"}, mode = "percent", value_labels = true})
  check_boxes(pct:layout(canvas, box))
  check.near(pct.data.series[1].values[1], 0.75, 1e-12, "share of x in A")
  check.near(pct.data.series[2].values[2], 0.75, 1e-12, "share of y in B")
end)

check.test("a dataset's source is printed", function()
  local ds = sumi.data.from_rows({{k = "中国", v = 71}, {k = "世界", v = 271}}, {order = {"k", "v"},
    source = "CAICT"})
  local boxes = chart.bar(ds, {x = "k", y = "v"}):layout(canvas, box)
  check.equal(boxes[1].text, "出典: CAICT", "source")
end)

check.test("missing values make gaps in lines", function()
  local rows = {{yr = "2020", a = 1}, {yr = "2021", a = 2}, {yr = "2022"}, {yr = "2023", a = 4},
    {yr = "2024", a = 5}}
  local c = chart.line(rows, {x = "yr", y = "a"})
  local list = c:compose(canvas, box)
  local lines = 0
  for _, item in ipairs(list.items) do
    if item.kind == "line" and item.stroke.width == c.theme.line_width then lines = lines + 1 end
  end
  check.equal(lines, 2, "two runs of line")
  check_boxes(list:boxes())
end)

check.test("unknown chart options are errors listing the valid ones", function()
  check.errors(function() chart.bar(long, {x = "name", y = "v", colour = "red"}) end,
    "chart.bar: unknown option 'colour' (valid options:")
  check.errors(function() chart.bar(long, {x = "name", y = "value"}) end, "no field 'value'")
end)

check.done()
