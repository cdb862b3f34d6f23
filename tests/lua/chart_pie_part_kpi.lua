-- Pie, part-of-whole and KPI charts: labels never overlap or leave the
-- box, bad totals are clear errors, the waffle fills the rounded share.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"

local canvas = sumi.canvas.pdf(nil, {size = "A4"})

local function overlaps(a, b)
  return a.x < b.x + b.width - 0.01 and b.x < a.x + a.width - 0.01 and
         a.y < b.y + b.height - 0.01 and b.y < a.y + a.height - 0.01
end

local function check_boxes(boxes, box)
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

local countries = {
  {name = "米国", v = 150}, {name = "中国", v = 71}, {name = "英国", v = 12}, {name = "ドイツ", v = 9},
  {name = "フランス", v = 8}, {name = "イスラエル", v = 7}, {name = "カナダ", v = 5}, {name = "インド", v = 4},
  {name = "韓国", v = 3}, {name = "日本", v = 2},
}

check.test("pie labels with many thin slices stay apart and inside", function()
  for _, box in ipairs({{x = 40, y = 60, width = 420, height = 260},
                        {x = 10, y = 10, width = 240, height = 200},
                        {x = 0, y = 0, width = 200, height = 120}}) do
    for _, donut in ipairs({0, 0.55}) do
      local c = chart.pie(countries, {label = "name", value = "v", donut = donut, title = "AIユニコーン企業",
        source = "WAIC 2025"})
      local boxes = c:layout(canvas, box)
      check.is_true(#boxes >= 5, "most labels placed")
      check_boxes(boxes, box)
    end
  end
end)

check.test("pie labels inside large slices, outside small ones", function()
  local c = chart.pie({{k = "中国", v = 71}, {k = "その他", v = 200}, {k = "小", v = 1}},
    {label = "k", value = "v", source = false})
  local boxes = c:layout(canvas, {x = 0, y = 0, width = 400, height = 240})
  check_boxes(boxes, {x = 0, y = 0, width = 400, height = 240})
  local texts = {}
  for _, b in ipairs(boxes) do texts[b.text] = b end
  check.is_true(texts["中国 26.1%"] ~= nil, "share label of 中国")
  check.is_true(texts["その他 73.5%"] ~= nil, "share label of その他")
  check.is_true(texts["小 0.4%"] ~= nil, "label of the thin slice")
  local n = 0
  for _, item in ipairs(c:compose(canvas, {x = 0, y = 0, width = 400, height = 240}).items) do
    if item.kind == "line" then n = n + 1 end
  end
  check.is_true(n >= 1, "a leader line for the thin slice")
end)

check.test("pie value_labels take a format name or a function", function()
  local c = chart.pie({{k = "a", v = 3}, {k = "b", v = 1}}, {label = "k", value = "v", value_labels = "int"})
  local boxes = c:layout(canvas, {x = 0, y = 0, width = 300, height = 200})
  check.equal(boxes[1].text, "a 3", "int label")
  c = chart.pie({{k = "a", v = 3}, {k = "b", v = 1}}, {label = "k", value = "v",
    value_labels = function(v, share) return ("%d (%.0f%%)"):format(v, share * 100) end})
  check.equal(c:layout(canvas, {x = 0, y = 0, width = 300, height = 200})[1].text, "a 3 (75%)", "function")
end)

check.test("pie totals of zero, negative and NaN values are errors", function()
  check.errors(function() chart.pie({{k = "a", v = 0}, {k = "b", v = 0}}, {label = "k", value = "v"}) end,
    "chart.pie: the values of 'v' add up to 0: a pie needs a positive total")
  check.errors(function() chart.pie({}, {label = "k", value = "v"}) end, "add up to 0")
  check.errors(function() chart.pie({{k = "a", v = 5}, {k = "b", v = -1}}, {label = "k", value = "v"}) end,
    "chart.pie: row 2 of 'v' is negative (-1)")
  check.errors(function() chart.pie({{k = "a", v = 0 / 0}}, {label = "k", value = "v"}) end,
    "row 1 of 'v' is not a finite number")
  check.errors(function() chart.pie({{k = "a", v = 1}}, {label = "k", value = "v", donut = 0.95}) end,
    "chart.pie: option 'donut' must be a number in [0, 0.9]; got number 0.95")
  check.errors(function() chart.pie({{k = "a", v = 1}}, {value = "v"}) end,
      "chart.pie: option 'label' is missing (the name column)")
  check.errors(function() chart.pie({{k = "a", v = 1}}, {label = "k", value = "v", x = "k"}) end,
    "chart.pie: unknown option 'x'")
end)

check.test("waffle fills 26 cells for 71 of 271", function()
  local c = chart.part({71, 271}, {title = "AIユニコーン企業"})
  check.equal(c.filled, 26, "filled")
  local box = {x = 20, y = 20, width = 240, height = 260}
  local list = c:compose(canvas, box)
  local filled, empty = 0, 0
  for _, item in ipairs(list.items) do
    if item.kind == "rect" then
      if item.fill == c.theme.palette[1] then filled = filled + 1 else empty = empty + 1 end
      check.is_true(item.x >= box.x and item.y >= box.y and item.x + item.w <= box.x + box.width and
        item.y + item.h <= box.y + box.height, "cell inside the box")
    end
  end
  check.equal(filled, 26, "filled cells drawn")
  check.equal(empty, 74, "empty cells drawn")
  local boxes = list:boxes()
  check_boxes(boxes, box)
  check.equal(boxes[#boxes].text, "71 / 271 (26.2%)", "caption")
end)

check.test("part reads columns, draws a bar, and checks its numbers", function()
  local c = chart.part({{cn = 71, world = 271}}, {part = "cn", whole = "world", style = "bar"})
  check.equal(c.caption, "71 / 271 (26.2%)", "caption from columns")
  local bar_box = {x = 0, y = 0, width = 200, height = 80}
  check_boxes(c:layout(canvas, bar_box), bar_box)
  local cells = chart.part(nil, {part = 1, whole = 3, cells = 9})
  cells:discard() -- read, not drawn
  check.equal(cells.filled, 3, "nine cells")
  check.errors(function() chart.part({1, 0}) end, "chart.part: the whole must be > 0; got number 0")
  check.errors(function() chart.part({5, 3}) end, "the part must be in [0, whole]")
  check.errors(function() chart.part({0 / 0, 3}) end, "chart.part: the part must be a finite number; got")
  check.errors(function() chart.part({1, 3}, {style = "pie"}) end,
      "chart.part: option 'style' must be one of waffle, bar; got string \"pie\"")
end)

check.test("kpi shows the figure, label and signed change", function()
  local box = {x = 0, y = 0, width = 200, height = 140}
  local c = chart.kpi({value = 71, label = "AIユニコーン企業", change = 0.183, unit = "社"})
  local boxes = c:layout(canvas, box)
  check.equal(boxes[1].text, "71社", "figure")
  check.equal(boxes[2].text, "AIユニコーン企業", "label")
  check.equal(boxes[3].text, "+18.3%", "change")
  check_boxes(boxes, box)
  local color
  for _, item in ipairs(c:compose(canvas, box).items) do
    if item.text == "+18.3%" then color = item.opts.color end
  end
  local down = chart.kpi({value = 0.262, format = "pct1", change = -0.05})
  local down_color
  for _, item in ipairs(down:compose(canvas, box).items) do
    if item.text == "-5.0%" then down_color = item.opts.color end
  end
  check.is_true(color ~= nil and down_color ~= nil and color ~= down_color, "colour by sign")
  check.equal(down:layout(canvas, box)[1].text, "26.2%", "pct1 figure")
  local wide = chart.kpi({value = 123456789012, label = "x"})
  local small = {x = 0, y = 0, width = 80, height = 60}
  check_boxes(wide:layout(canvas, small), small)
  -- A label longer than the tile wraps inside it, under the figure.
  local long = chart.kpi({value = 1509, change = 0.402,
    label = "中国で公開された大規模AIモデル（WAIC 2025時点、世界3,755のうち）"})
  local narrow = {x = 0, y = 0, width = 150, height = 140}
  local long_boxes = long:layout(canvas, narrow)
  check.equal(#long_boxes, 4, "figure, label, change and its words (前年比)")
  check_boxes(long_boxes, narrow)
  local one_line = canvas:measure_text("中国", {size = 12}).height
  check.is_true(long_boxes[2].height > 1.5 * one_line, "the long label wraps onto more lines")
  check.is_true(long_boxes[2].y >= long_boxes[1].y + long_boxes[1].height, "label under the figure")
  check.errors(function() chart.kpi({value = 0 / 0}) end,
      "chart.kpi: option 'value' must be a finite number; got number nan")
  check.errors(function() chart.kpi({value = 1, change = "up"}) end,
      "chart.kpi: option 'change' must be a number; got string \"up\"")
end)

check.test("pie, part and kpi register for sumi chart", function()
  local tile = chart.kpi({value = 1, name = "tile"})
  tile:discard()
  check.equal(tile.name, "tile", "name")
  check.errors(function() chart.pie({{k = "a", v = 1}}, {label = "k", value = "v", name = "a/b"}) end,
    "chart.pie: option 'name' must be a file name without '/'; got string \"a/b\"")
end)

check.done()
