-- A bar chart drawn on a trace canvas: every label is drawn once, in the
-- font that covers Japanese, where chart:layout() says it goes, and no two
-- text runs overlap.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"
local trace = require "trace"
local runtime = require "sumi.runtime"

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
local labels = {"大規模AIモデル", "AIユニコーン企業", "AI特許出願（概数）", "AI関連企業（概数）"}
local ds = sumi.data.from_rows({
  {name = labels[1], share = 0.402}, {name = labels[2], share = 0.262},
  {name = labels[3], share = 0.60}, {name = labels[4], share = 0.15},
}, {order = {"name", "share"}, source = "WAIC 2025 / CAICT"})
local title = "世界に占める中国のシェア"
local bar = chart.bar(ds, {x = "name", y = "share", title = title, value_labels = "pct1",
                           y_format = "pct0"})

local c = sumi.canvas.trace(out_dir .. "/chart.trace", {width = 360, height = 220})
local boxes = bar:layout(c)
bar:draw(c)
local t = trace.parse(c:close())

local function blocks_of(text)
  local out = {}
  for _, b in ipairs(t:select("block")) do
    if b[1] == text then out[#out + 1] = b end
  end
  return out
end

local function box_of(text)
  for _, b in ipairs(boxes) do
    if b.text == text then return b end
  end
end

check.test("the title and every category label are drawn once", function()
  check.equal(#blocks_of(title), 1, title)
  for _, label in ipairs(labels) do
    check.equal(#blocks_of(label), 1, label)
  end
end)

check.test("labels are set in Noto Sans CJK JP", function()
  for _, label in ipairs(labels) do
    for _, run in ipairs(t:runs_of(blocks_of(label)[1])) do
      check.equal(run.font, "Noto Sans CJK JP", label)
    end
  end
end)

check.test("labels sit where chart:layout() puts them (within 0.5 pt)", function()
  for _, label in ipairs(labels) do
    local box, block = box_of(label), blocks_of(label)[1]
    check.near(block.x, box.x, 0.5, label .. " block x")
    check.near(block.y, box.y, 0.5, label .. " block y")
    local first = t:runs_of(block)[1]
    check.near(first.x, box.x, 0.5, label .. " first run x")
    check.near(first.y - first.ascent, box.y, 0.5, label .. " first run top")
    check.is_true(first.y < box.y + box.height, label .. " baseline inside the box")
  end
end)

check.test("no two text runs overlap", function()
  local runs = t:select("text")
  check.is_true(#runs >= #labels + 1, "runs")
  for i = 1, #runs do
    check.equal(runs[i].angle, 0, "a horizontal chart draws horizontal text")
    for j = i + 1, #runs do
      if trace.overlap(runs[i], runs[j]) then
        check.is_true(false, ("runs %q and %q overlap"):format(runs[i][1], runs[j][1]))
      end
    end
  end
end)

check.test("every bar is one filled rectangle", function()
  local bars = 0
  for _, f in ipairs(t:select("fill")) do
    if f.shape == "rect" then bars = bars + 1 end
  end
  check.equal(bars, #labels, "bars")
end)

check.test("chart:save writes a .trace", function()
  bar:save(out_dir .. "/saved.trace", {preset = "slides"})
end)

check.done()
