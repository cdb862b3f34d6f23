-- Bugs found while the foundation was reviewed, one case each.
local check = require "check"
local sumi = require "sumi"
local canvas = sumi.canvas
local test = check.test

test("features given as a list are read (crashed: buffer placeholder on the stack)", function()
  local c = canvas.png("regression.png", {width = 100, height = 40})
  local listed = c:measure_text("1,509", {features = {"tnum", "palt"}})
  local spelled = c:measure_text("1,509", {features = "tnum palt"})
  check.equal(listed.width, spelled.width, "width with list and with string")
  c:discard()
end)

test("a centred paragraph anchored at top is centred on x", function()
  local c = canvas.png("regression.png", {width = 600, height = 200})
  local box = c:measure_text("abc", {width = 200, align = "center"})
  check.equal(box.width, 200, "box width is the paragraph width")
  local ink = box.ink
  check.near(ink.x + ink.width / 2, 100, 2, "ink centre inside the 200-wide box")
  c:discard()
end)

test("new_page with an orientation keeps the page size", function()
  local c = canvas.pdf(nil, {size = "letter"})
  c:new_page({orientation = "landscape"})
  local w, h = c:size()
  check.equal(w, 792, "landscape letter width")
  check.equal(h, 612, "landscape letter height")
  c:discard()
end)

test("a missing png size names the option and its range", function()
  check.errors(function() canvas.png(nil, {height = 10}) end,
    "canvas.png: option 'width' is missing (a number in [1, 32767])", "png without width")
end)

test("an image that is not a PNG says so", function()
  local c = canvas.png("regression.png", {width = 40, height = 40})
  check.errors(function() c:image("check.lua", 0, 0, 10, 10) end,
    "cannot read image 'check.lua': not a PNG file", "image of a Lua file")
  c:discard()
end)

test("a canvas has text methods without requiring sumi.text", function()
  local c = canvas.png("regression.png", {width = 40, height = 40})
  check.equal(type(c.text), "function", "c.text")
  check.equal(type(c.measure_text), "function", "c.measure_text")
  c:discard()
end)

test("math.random gives the same numbers on every run", function()
  -- The state is seeded with 0, so this sequence is fixed for Lua 5.4's xoshiro256**.
  local first = {math.random(1000), math.random(1000), math.random(1000)}
  math.randomseed(0)
  local again = {math.random(1000), math.random(1000), math.random(1000)}
  for i = 1, 3 do check.equal(again[i], first[i], "draw " .. i) end
end)

test("a document block's mistake found while measuring the pages names the block's line", function()
  local doc = sumi.document.new{title = "t"}
  doc:heading("見出し", 1)
  local where = check.here(); doc:paragraph("本文", {color = "nocolor"})
  local m = check.message_of(function() doc:save("regression-colour.pdf") end)
  check.equal(m:sub(1, #where), where, "the paragraph's line, not doc:save's")
  check.is_true(m:find("'color' must be a colour", 1, true) ~= nil, m)
  doc:discard()
end)

-- Found in the review of number styles, tables, KPI rows and chart options.
local review_page = canvas.trace(false, {width = 480, height = 270})

local function texts_of(c)
  local out = {}
  for _, b in ipairs(c:layout(review_page, {x = 0, y = 0, width = 480, height = 270})) do
    out[b.text] = true
  end
  return out
end

test("bars over 36 months are labelled by month, not each with its year", function()
  local rows = {}
  for m = 1, 36 do
    local i = 2023 * 12 + m - 1
    rows[m] = {month = ("%04d-%02d"):format(i // 12, i % 12 + 1), v = m}
  end
  local t = texts_of(sumi.chart.bar(rows, {x = "month", y = "v", source = false}))
  check.is_true(t["2023年1月"] and t["7月"] and t["2025年1月"], "months under the bars")
  check.is_true(not t["2024年"], "no bar labelled with its year alone")
end)

test("a band annotation that names columns leaves the script's table as it was", function()
  local band = {kind = "band", y = {"lo", "hi"}}
  sumi.chart.bar({{k = "a", v = 10, lo = 5, hi = 8}}, {x = "k", y = "v", annotations = {band}}):discard()
  check.equal(band.y[1] .. "," .. band.y[2], "lo,hi", "the spec, for the next chart")
end)

test("a target at 0 on a log axis is refused at the chart's line", function()
  local opts = {x = "k", y = "v", y_log = true, target = 0}
  check.errors(function() sumi.chart.bar({{k = "a", v = 10}}, opts) end,
    "chart.bar: option 'target' must be a number > 0 on a log axis (y_log = true); got number 0")
end)

test("KPI rows name the tile; a change label needs a change", function()
  check.errors(function() sumi.chart.kpis({{value = 1}, {label = "x"}}) end,
    "chart.kpis: tiles[2]: option 'value' must be a finite number; got nil")
  check.errors(function() sumi.chart.kpi({value = 1, change_label = "x"}) end,
    "chart.kpi: option 'change_label' names the change: give 'change' too")
end)

test("table totals of the first column and groups that are not a list are errors", function()
  local doc = sumi.document.new{title = "t"}
  local both = {columns = {"v", "w"}, totals = {columns = {"v", "w"}}}
  check.errors(function() doc:table({{v = 1, w = 2}}, both) end,
    "column 'v' is the table's first column, where the row's label goes")
  check.errors(function()
    doc:table({{v = 1, w = 2}}, {columns = {"v", "w"}, groups = {title = "G", columns = {"v", "w"}}})
  end, "document:table: groups must be a list of {title = ..., columns = {...}}")
  -- NaN in the column subtotals go by groups as a missing value does
  doc:table({{r = 0 / 0, k = "a", v = 1}, {r = 0 / 0, k = "b", v = 2}},
    {columns = {"k", "v"}, subtotals = {by = "r"}})
  doc:discard()
end)

check.done()
