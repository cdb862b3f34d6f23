-- chart.line over a numeric or date x: linear and time axes, the line
-- drawn by sumi.path.series from the dataset's columns, decimated. The
-- PNGs and PDF written here are compared by lua_chart_line_outputs_compare
-- (chart_line_compare.cmake): the decimated PDF must be small, and the
-- decimated PNG all but identical to the undecimated one.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"
local runtime = require "sumi.runtime"
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
local page = sumi.canvas.pdf(nil)
local box = {x = 0, y = 0, width = 480, height = 300}

local function texts(boxes)
  local t = {}
  for _, b in ipairs(boxes) do t[#t + 1] = b.text end
  return table.concat(t, "|")
end

local function find(boxes, text)
  for _, b in ipairs(boxes) do
    if b.text == text then return b end
  end
end

local function no_overlaps(boxes)
  for i = 1, #boxes do
    for j = i + 1, #boxes do
      local a, b = boxes[i], boxes[j]
      local apart = a.x + a.width <= b.x + 0.01 or b.x + b.width <= a.x + 0.01 or
                    a.y + a.height <= b.y + 0.01 or b.y + b.height <= a.y + 0.01
      check.is_true(apart, ("'%s' and '%s' overlap"):format(a.text, b.text))
    end
  end
end

test("numbers along x make a linear axis with ticks at their positions", function()
  local rows = {}
  for i = 0, 100 do rows[#rows + 1] = {t = i, v = i * i} end
  local c = chart.line(rows, {x = "t", y = "v", source = false})
  local boxes = c:layout(page, box)
  check.is_true(c.continuous, "continuous")
  local xs = c.scales.x
  -- the range starts just right of the plot's edge: the label 0 stays clear of the value axis
  check.is_true(xs:map(0) >= c.plot.x and xs:map(0) < c.plot.x + 6, "0 at the plot's left")
  check.near(xs:map(100), c.plot.x + c.plot.width, 1e-9, "100 at the plot's right")
  local forty = find(boxes, "40")
  check.is_true(forty ~= nil, "a tick label 40: " .. texts(boxes))
  check.near(forty.x + forty.width / 2, xs:map(0) + 0.4 * (xs:map(100) - xs:map(0)), 0.01, "40 at 40%")
  check.is_true(forty.y >= c.plot.y + c.plot.height, "x labels under the plot")
  no_overlaps(boxes)
end)

test("four-digit years are written without a separator, whole ticks only", function()
  local rows = {{y = 2019, v = 1}, {y = 2020, v = 2}, {y = 2021, v = 3}}
  local boxes = chart.line(rows, {x = "y", y = "v", source = false}):layout(page, box)
  check.is_true(find(boxes, "2020") ~= nil and find(boxes, "2,020") == nil, texts(boxes))
  check.is_true(find(boxes, "2019.5") == nil, "no half years")
end)

test("dates along x make a time axis with Japanese calendar labels", function()
  local rows = {}
  for m = 1, 12 do rows[m] = {d = ("2025-%02d-15"):format(m), v = m} end
  rows[13] = {d = "2026-02-01", v = 3}
  local c = chart.line(rows, {x = "d", y = "v", source = false})
  local boxes = c:layout(page, box)
  check.equal(c.scales.x.interval[1], "month", "monthly ticks")
  check.is_true(find(boxes, "2026年1月") ~= nil, "the year written where it begins: " .. texts(boxes))
  check.is_true(find(boxes, "5月") ~= nil, "months: " .. texts(boxes))
  no_overlaps(boxes)
  local en = chart.line(rows, {x = "d", y = "v", source = false, lang = "en"}):layout(page, box)
  check.is_true(find(en, "Jan 2026") ~= nil and find(en, "May") ~= nil, texts(en))
  local ym = chart.line({{m = "2025-01", v = 1}, {m = "2025-04", v = 3}, {m = "2025-09", v = 2}},
    {x = "m", y = "v", x_scale = "time", source = false})
  ym:layout(page, box)
  check.equal(ym.scales.x.interval[1], "month", "YYYY-MM with x_scale = \"time\"")
end)

test("a dataset's date column is read in place as days", function()
  local ds = sumi.data.read_csv("fixtures/daily_sales.csv", {types = {day = "date"}})
  check.equal(ds:type("day"), "date", "a date column")
  local c = chart.line(ds, {x = "day", y = "sales", source = false})
  local list = c:compose(page, box)
  check.equal(c.scales.x.interval[1], "week", "weekly ticks over 90 days")
  local boxes = list:boxes()
  local dated = 0
  for _, b in ipairs(boxes) do
    if b.text:match("^2025年1月%d+日$") then dated = dated + 1 end
    check.is_true(not b.text:match("^2025年[23]月"), "the year only on the first tick: " .. b.text)
  end
  check.equal(dated, 1, "the first tick has the year: " .. texts(boxes))
  check.near(c.scales.x:map((require("sumi.scale").date_days("2025-03-31"))), c.plot.x + c.plot.width, 1e-9,
    "the last day at the plot's right")
  list:draw()
  check.equal(list.path_points, 88, "90 days, two missing")
  no_overlaps(boxes)
end)

test("string columns and x_scale = \"category\" keep categories", function()
  local rows = {{k = "a", v = 1}, {k = "b", v = 2}}
  -- charts read, not drawn: discarded
  local strings = chart.line(rows, {x = "k", y = "v"})
  strings:discard()
  check.is_true(not strings.continuous, "strings")
  local years = chart.line({{k = 1, v = 1}, {k = 2, v = 2}}, {x = "k", y = "v", x_scale = "category"})
  years:discard()
  check.is_true(not years.continuous, "x_scale")
  check.errors(function() chart.line(rows, {x = "k", y = "v", x_title = "k"}) end,
    "chart.line: option 'x_title' is for a numeric or date x only ('k' holds categories)")
end)

test("a missing value breaks the line; a lone point is marked", function()
  local rows = {{t = 1, v = 1}, {t = 2, v = 2}, {t = 3}, {t = 4, v = 4}, {t = 5}, {t = 6, v = 2},
                {t = 7, v = 3}}
  local c = chart.line(rows, {x = "t", y = "v"})
  local list = c:compose(page, box)
  local circles = 0
  for _, item in ipairs(list.items) do
    if item.kind == "circle" then circles = circles + 1 end
  end
  check.equal(circles, 1, "the point at t = 4 stands alone")
  list:draw()
  check.equal(list.path_points, 5, "five points in the path, two gaps")
end)

test("markers only when asked, and only for a few points", function()
  local rows = {}
  for i = 1, 20 do rows[i] = {t = i, v = i % 3} end
  local function circles(c)
    local n = 0
    for _, item in ipairs(c:compose(page, box).items) do
      if item.kind == "circle" then n = n + 1 end
    end
    return n
  end
  check.equal(circles(chart.line(rows, {x = "t", y = "v"})), 0, "no markers")
  check.equal(circles(chart.line(rows, {x = "t", y = "v", markers = true})), 20, "markers")
  local long = {}
  for i = 1, 1500 do long[i] = {t = i, v = i % 7} end
  check.equal(circles(chart.line(long, {x = "t", y = "v", markers = true})), 0, "too many for markers")
end)

test("bad x values and options are errors naming the column and row", function()
  check.errors(function() chart.line({{t = 1, v = 1}, {t = "x", v = 2}}, {x = "t", y = "v"}) end,
    "chart.line: row 2 of 't' is 'x', but row 1 holds a number")
  check.errors(function() chart.line({{t = 1, v = 1}, {t = 2, v = 0 / 0}}, {x = "t", y = "v"}) end,
    "row 2 of 'v' is not a finite number")
  check.errors(function() chart.line({{t = "2025-01-01", v = 1}, {t = "2025-02-30", v = 2}},
    {x = "t", y = "v", x_scale = "time"}) end, "row 2 of 't' is '2025-02-30': no such date")
  check.errors(function() chart.line({{t = "a", v = 1}}, {x = "t", y = "v", x_scale = "linear"}) end,
    "row 1 of 't' is not a finite number ('a')")
  local ds = sumi.data.from_columns({"t", "v"}, {t = {1, 2}, v = {3, 4}})
  check.errors(function() chart.line(ds, {x = "t", y = "w"}) end, "chart.line: no column 'w' (columns: t, v)")
  check.errors(function() chart.line(ds, {x = "t", y = "v", decimate = "m4"}) end,
    "chart.line: option 'decimate' must be one of minmax, lttb, false; got string \"m4\"")
  check.errors(function() chart.line(ds, {x = "t", y = "v", x_scale = "log"}) end,
      "chart.line: option 'x_scale' must be one of")
  check.errors(function() chart.line(ds:head(0), {x = "t", y = "v"}) end, "chart.line: the data has no rows")
  check.errors(function() chart.line(ds, {x = "t", y = "v", value_labels = true}) end,
    "chart.line: option 'value_labels' must be false on a chart on a continuous x")
  check.errors(function() chart.line(ds, {x = "t", y = "v", x_fromat = "int"}) end,
    "chart.line: unknown option 'x_fromat' (valid options:")
end)

-- A million points: a sine plus noise, generated once in Lua; the chart
-- reads the dataset's columns in place.
local N = 1000000
local xs, ys = {}, {}
math.randomseed(7)
for i = 1, N do
  xs[i] = i - 1
  ys[i] = math.sin(i * 6 * math.pi / N) * 100 + (math.random() - 0.5) * 40
end
local big = sumi.data.from_columns({"t", "v"}, {t = xs, v = ys})
-- Rasterising every segment of a million takes cairo minutes: the pixel
-- comparison uses every 20th point (about 27 per pixel column at 1920 px).
local sx, sy = {}, {}
for i = 1, N // 20 do sx[i], sy[i] = xs[(i - 1) * 20 + 1], ys[(i - 1) * 20 + 1] end
local sample = sumi.data.from_columns({"t", "v"}, {t = sx, v = sy})
xs, ys, sx, sy = nil, nil, nil, nil -- luacheck: ignore (frees the arrays)

local function drawn(data, file, decimate)
  local c = chart.line(data, {x = "t", y = "v", decimate = decimate, source = false, title = "百万点"})
  local canvas
  if file:match("%.png$") then
    canvas = sumi.canvas.png(out_dir .. "/" .. file, {width = 1920, height = 1080})
  else
    canvas = sumi.canvas.pdf(out_dir .. "/" .. file, {size = "A4", orientation = "landscape"})
  end
  local list = c:compose(canvas)
  list:draw()
  canvas:close()
  return list.path_points, c, list.path_filled
end

test("a million-point column draws to PNG and PDF, decimated to the pixels", function()
  local kept, c, filled = drawn(big, "chart_line_million.png")
  -- a PNG fills the stroke's area: two points per 1/32 of a pixel column,
  -- and the round ends reach half the line's width (4 px) beyond the plot
  check.is_true(filled, "the dense line is filled as its stroke's area")
  check.less(kept, 64 * (c.plot.width + 8), "at most 64 outline points per pixel column")
  local pdf_kept, _, pdf_filled = drawn(big, "chart_line_million.pdf")
  check.is_true(not pdf_filled, "a PDF keeps the line and leaves the stroke to the viewer")
  check.less(pdf_kept, 16 * 842, "PDF: at most 16 points per point of width")
end)

test("the sampled series draws decimated and in full for the comparison", function()
  local _, _, filled = drawn(sample, "chart_line_sample_decimated.png")
  local all, _, full_filled = drawn(sample, "chart_line_sample_full.png", false)
  check.equal(all, N // 20, "every point without decimation")
  check.is_true(filled and not full_filled, "decimated: filled as the stroke's area; full: stroked")
  local lttb = drawn(sample, "chart_line_sample_lttb.pdf", "lttb")
  check.less(lttb, 2 * 842 + 2, "lttb keeps about twice the width")
end)

check.done()
