-- KPI tiles in a row (chart.kpis, doc:kpis) share one figure size, the
-- largest at which every tile's figure fits its tile, and line their
-- figures up; a label breaks only between phrases (目標達成率 never as
-- 目標達成 / 率), shrinking rather than splitting one; the change line is
-- the change coloured by its sign and the words of the tile's language
-- ("+3.2% 前年比", "+3.2% YoY", "同比+3.2%", "전년 대비 +3.2%").
local check = require "check"
local here, message_of = check.here, check.message_of
local sumi = require "sumi"
local chart = require "sumi.chart"
local runtime = require "sumi.runtime"
local theme = require "sumi.theme"
local trace = require "trace"
local test = check.test

local page = sumi.canvas.trace(false, {width = 720, height = 200})

local function boxes_by_text(c, box)
  local all = {}
  for _, b in ipairs(c:layout(page, box)) do all[b.text] = b end
  return all
end

-- The drawn texts of a chart, by text: {box, color, size}.
local function items(c, box)
  local all = {}
  for _, item in ipairs(c:compose(page, box).items) do
    if item.kind == "text" then
      all[item.text] = {box = item.box, color = item.opts.color, size = item.opts.size}
    end
  end
  return all
end

local tiles = {
  {value = 12762223, unit = "台", label = "販売台数", change = 0.074},
  {value = 0.074, format = "pct1", label = "伸び率", change = 0.012},
  {value = 1.02, format = "pct1", label = "目標達成率", change = -0.031},
}

test("a row's figures: one size, the largest at which each fits, lined up", function()
  local box = {x = 0, y = 0, width = 480, height = 120}
  local row = chart.kpis(tiles, {gap = 12})
  local t = items(row, box)
  local big, small, pct = t["12,762,223台"], t["7.4%"], t["102.0%"]
  check.equal(big.size, small.size, "one figure size")
  check.equal(big.size, pct.size, "one figure size, third tile")
  check.near(big.box.y, small.box.y, 0.01, "figures at one height")
  local tile_width = (480 - 2 * 6 - 2 * 12) / 3 - 8
  check.less(big.box.width, tile_width + 0.01, "the widest figure fits its tile")
  -- alone, the short figure takes a larger size: the row is what holds it back
  local alone = items(chart.kpi(tiles[2]), {x = 0, y = 0, width = tile_width, height = 112})
  check.less(small.size + 1, alone["7.4%"].size, "alone, 7.4% would be larger")
  check.equal(row:alt_text(), "販売台数は12,762,223台（+7.4% 前年比）。伸び率は7.4%（+1.2% 前年比）。"
    .. "目標達成率は102.0%（-3.1% 前年比）。", "alt text: each tile")
end)

test("labels break between phrases only, and shrink rather than split one", function()
  local narrow = {x = 0, y = 0, width = 62, height = 110}
  local t = boxes_by_text(chart.kpi({value = 1.02, format = "pct1", label = "目標達成率"}), narrow)
  check.is_true(t["目標達成率"] ~= nil, "目標達成率 on one line (no break inside it)")
  check.less(t["目標達成率"].width, 62 - 12 + 0.01, "and inside the tile")
  local wide = boxes_by_text(chart.kpi({value = 1509, label = "中国のAIユニコーン企業"}),
    {x = 0, y = 0, width = 100, height = 110})
  check.is_true(wide["中国の\nAIユニコーン企業"] ~= nil, "broken after の, never inside ユニコーン")
  local en = boxes_by_text(chart.kpi({value = 71, label = "AI unicorn companies", lang = "en"}),
    {x = 0, y = 0, width = 90, height = 110})
  local found
  for text in pairs(en) do
    if text:find("unicorn", 1, true) then found = text end
  end
  check.is_true(found and not found:find("uni\n", 1, true), "English breaks at spaces: " .. tostring(found))
end)

test("the change line: signed, coloured by sign, in the language's words and order", function()
  local box = {x = 0, y = 0, width = 200, height = 120}
  local up = items(chart.kpi({value = 100, change = 0.032}), box)
  check.equal(up["+3.2%"].color, theme.print.positive, "up: the positive colour")
  check.equal(up["前年比"].color, theme.print.muted, "its words muted")
  check.less(up["+3.2%"].box.x + up["+3.2%"].box.width, up["前年比"].box.x, "ja: +3.2% 前年比")
  local down = items(chart.kpi({value = 100, change = -0.05}), box)
  check.equal(down["-5.0%"].color, theme.print.negative, "down: the negative colour")
  local en = items(chart.kpi({value = 100, change = 0.032, lang = "en"}), box)
  check.less(en["+3.2%"].box.x, en.YoY.box.x, "en: +3.2% YoY")
  local zh = items(chart.kpi({value = 100, change = 0.032, lang = "zh-Hans"}), box)
  check.less(zh["同比"].box.x, zh["+3.2%"].box.x, "zh-Hans: 同比+3.2%")
  check.near(zh["同比"].box.x + zh["同比"].box.width, zh["+3.2%"].box.x, 0.5, "zh-Hans: no space between")
  local ko = items(chart.kpi({value = 100, change = 0.032, lang = "ko"}), box)
  check.less(ko["전년 대비"].box.x, ko["+3.2%"].box.x, "ko: 전년 대비 +3.2%")
  local own = items(chart.kpi({value = 100, change = 0.032, change_label = "前月比"}), box)
  check.is_true(own["前月比"] and not own["前年比"], "change_label: the script's words")
  local bare = items(chart.kpi({value = 100, change = 0.032, change_label = false}), box)
  check.is_true(bare["+3.2%"] and not bare["前年比"], "change_label = false: the change alone")
  local points = items(chart.kpi({value = 100, change = 0.015, change_label = "前年差",
    change_format = function(v) return ("%+.1fpt"):format(v * 100) end}), box)
  check.is_true(points["+1.5pt"] ~= nil, "change_format: a function")
  local m, w = message_of(function() chart.kpi({value = 1, change = 0.1, change_label = 3}) end), here()
  check.equal(m, w .. "chart.kpi: option 'change_label' must be a string or a boolean; got number 3", "label")
  local nothing = {value = 1, change = 0.1, change_format = function() end}
  m, w = message_of(function() chart.kpi(nothing) end), here()
  check.equal(m, w .. "chart.kpi: option 'change_format' gave nil for 0.1; a text expected", "format")
end)

test("doc:kpis: one figure size across the row, in the document's language", function()
  local doc = sumi.document.new{title = "月次報告", lang = "en"}
  doc:kpis(tiles)
  local out = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
  local info = doc:save(out .. "/kpi-row.trace")
  local t = trace.parse(info.trace)
  local sizes = {}
  local yoy = 0
  for _, r in ipairs(t:select("text")) do
    if r[1] == "12,762,223台" or r[1] == "7.4%" or r[1] == "102.0%" then sizes[#sizes + 1] = r.size end
    if r[1] == "YoY" then yoy = yoy + 1 end
  end
  check.equal(#sizes, 3, "three figures")
  check.is_true(sizes[1] == sizes[2] and sizes[2] == sizes[3], "one size: " .. table.concat(sizes, ", "))
  check.equal(yoy, 3, "the change words in the document's language")
  local bars = chart.bar({{k = "a", v = 1}}, {x = "k", y = "v"})
  bars:discard()
  local m, w = message_of(function() doc:kpis({bars}) end), here()
  check.equal(m, w .. "document:kpis: tiles[1] must be a chart.kpi chart or its options; got a chart.bar "
    .. "chart", "a bar chart is no tile")
  m, w = message_of(function() chart.kpis({tiles[1], 42}) end), here()
  check.equal(m, w .. "chart.kpis: tiles[2] must be a chart.kpi chart or its options; got number 42", "tile")
  m, w = message_of(function() chart.kpis(tiles, {gap = -1}) end), here()
  check.equal(m, w .. "chart.kpis: option 'gap' must be a number in [0, 1000]; got number -1", "gap")
  m, w = message_of(function() chart.kpis(tiles, {border = true}) end), here()
  check.equal(m, w .. "chart.kpis: option 'border' must be a colour, or false for none; got boolean true",
    "border")
end)

page:discard()
check.done()
