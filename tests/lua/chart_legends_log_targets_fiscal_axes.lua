-- Charts as a monthly briefing needs them: the legend above, below, at the
-- right or as names at the ends of the lines (kept apart, inside the box);
-- log value axes on bars and lines (bars from the axis' lower end, values
-- <= 0 refused by row); time axes over months and quarters labelled as
-- quarters, fiscal quarters or fiscal years (2025年度, FY2025); a target
-- line or band from a number or a column, labelled, the axis widened to
-- show it, and named by the alternative text. Bad values are errors at
-- the script's line naming the option and the value.
local check = require "check"
local here, message_of = check.here, check.message_of
local sumi = require "sumi"
local chart = require "sumi.chart"
local theme = require "sumi.theme"
local test = check.test

local page = sumi.canvas.trace(false, {width = 480, height = 270})
local box = {x = 0, y = 0, width = 480, height = 270}

local function exact(m, w, expected, what)
  check.is_true(w:find("chart_legends_log_targets_fiscal_axes.lua:%d+: $"), "here() gives file:line")
  check.equal(m, w .. expected, what)
end

-- The texts a chart places, by text (the last box of a text wins).
local function texts(c, b)
  local all = {}
  for _, t in ipairs(c:layout(page, b or box)) do all[t.text] = t end
  return all
end

local function list_of(c, b)
  local out = {}
  for _, t in ipairs(c:layout(page, b or box)) do out[#out + 1] = t.text end
  return table.concat(out, " ")
end

local function overlap(a, b)
  return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.y + a.height
end

local function inside(t, b, what)
  check.is_true(t.x >= b.x - 0.5 and t.y >= b.y - 0.5 and t.x + t.width <= b.x + b.width + 0.5
    and t.y + t.height <= b.y + b.height + 0.5, what .. " inside the box")
end

-- 24 months from April 2024 (fiscal 2024 and 2025 in Japan), five regions.
local months = {}
for m = 1, 24 do
  local index = 2024 * 12 + 3 + (m - 1)
  months[m] = {month = ("%04d-%02d"):format(index // 12, index % 12 + 1), east = 100 + m * 5,
               west = 100 + m * 4.9, north = 100 + m * 5.1, south = 60 + m, central = 220 - m}
end
local regions = {"east", "west", "north", "south", "central"}
local names = {"東日本", "西日本", "北日本", "南日本", "中部"}

test("legend = \"end\": each name at its line's end, apart, in the box, in its colour", function()
  -- east, west and north end within 5 of each other: their names must be pushed apart
  local c = chart.line(months, {x = "month", y = regions, names = names, legend = "end", source = false})
  local list = c:compose(page, box)
  local found = {}
  for _, item in ipairs(list.items) do
    if item.kind == "text" then
      for k, name in ipairs(names) do
        if item.text == name then found[k] = item end
      end
    end
  end
  for k = 1, #names do
    check.is_true(found[k] ~= nil, names[k] .. " is written")
    check.equal(found[k].opts.color, theme.print.palette[k], names[k] .. " in its series' colour")
    inside(found[k].box, box, names[k])
    check.less(c.plot.x + c.plot.width, found[k].box.x, names[k] .. " right of the plot")
    for j = 1, k - 1 do
      check.is_true(not overlap(found[k].box, found[j].box), names[k] .. " clear of " .. names[j])
    end
  end
  -- south ends far from the others: level with its last point
  local last = months[#months].south
  local y = c.scales.y:map(last)
  check.near(found[4].box.y + found[4].box.height / 2, y, 1, "南日本 level with its last point")
  -- no legend above
  local top = texts(c)
  check.less(c.plot.y, top["東日本"].y, "no legend row above the plot")
end)

test("legend = \"end\" over categories, and a fallback when the names fit nowhere", function()
  local rows = {{k = "1月", a = 10, b = 10.2}, {k = "2月", a = 12, b = 12.1}, {k = "3月", a = 15, b = 15}}
  local c = chart.line(rows, {x = "k", y = {"a", "b"}, names = {"計画", "実績"}, legend = "end"})
  local t = texts(c)
  check.is_true(t["計画"] and t["実績"], "both named")
  check.is_true(not overlap(t["計画"], t["実績"]), "equal last values: names apart")
  check.less(t["3月"].x + t["3月"].width, t["計画"].x + 1, "names right of the last category")
  -- 40 lines in a box 80 points tall: no size fits the names; the legend goes above
  local many, ys = {}, {}
  for i = 1, 40 do ys[i] = "s" .. i end
  for r = 1, 2 do
    many[r] = {k = tostring(r)}
    for i = 1, 40 do many[r]["s" .. i] = r + i / 100 end
  end
  local crowded = chart.line(many, {x = "k", y = ys, legend = "end", source = false})
  local small = {x = 0, y = 0, width = 480, height = 80}
  local boxes = crowded:layout(page, small)
  local s1
  for _, b in ipairs(boxes) do
    if b.text == "s1" then s1 = b end
  end
  check.is_true(s1 ~= nil and s1.y < 20, "the names moved to a legend above")
end)

test("legends below and at the right: bars, scatter, a facet", function()
  local rows = {{k = "a", v = 1, w = 2, g = "x", s = 3}, {k = "b", v = 3, w = 4, g = "y", s = 5}}
  local below = {x = "v", y = "w", color = "g", legend = "bottom", source = false}
  local scatter = texts(chart.scatter(rows, below))
  check.less(scatter["3.0"].y, scatter.x.y, "scatter: groups under the x axis")
  local right = texts(chart.scatter(rows, {x = "v", y = "w", color = "g", size = "s", legend = "right",
    source = false}))
  check.less(right["3.0"].x, right.x.x, "scatter: groups at the right")
  check.less(right.x.y, right.y.y, "scatter: one group a row")
  local under = {by = "g", x = "k", y = {"v", "w"}, legend = "bottom", source = false}
  local facet = texts(chart.facet(rows, under))
  check.is_true(facet.v and facet.w and facet.v.y > 200, "facet: the legend once, at the bottom")
  local lines = chart.facet({{g = "x", k = "1", v = 1, w = 2}, {g = "x", k = "2", v = 2, w = 3}},
    {by = "g", chart = "line", x = "k", y = {"v", "w"}, legend = "end", source = false})
  local t = texts(lines)
  check.is_true(t.v and t.w and t.v.x > 300, "facet of lines: names at the panels' line ends")
  local bars_end = {by = "g", x = "k", y = "v", legend = "end"}
  local m, w = message_of(function() chart.facet(rows, bars_end) end), here()
  exact(m, w, 'chart.facet: option \'legend\' must be "top", "bottom", "right", "none", true or false '
    .. '("end" names the lines at their ends: panels of chart = "line" only); got string "end"',
    "facet of bars")
end)

test("y_log on bars: powers of ten, bars from the axis' lower end, values > 0", function()
  local rows = {{k = "東京", v = 12762223}, {k = "大阪", v = 500000}, {k = "名古屋", v = 30000}}
  local c = chart.bar(rows, {x = "k", y = "v", y_log = true, source = false})
  local list = c:compose(page, box)
  local t = {}
  for _, b in ipairs(list:boxes()) do t[#t + 1] = b.text end
  check.equal(table.concat(t, " "), "1万 10万 100万 1,000万 1億 東京 大阪 名古屋", "ticks in their own units")
  local bottoms = {}
  for _, item in ipairs(list.items) do
    if item.kind == "rect" then bottoms[#bottoms + 1] = item.y + item.h end
  end
  check.equal(#bottoms, 3, "three bars")
  check.near(bottoms[1], bottoms[3], 0.01, "every bar starts at the axis' lower end")
  -- a narrow range: 1-2-5 steps, one unit in the title
  local narrow = list_of(chart.bar({{k = "a", v = 5.2e10}, {k = "b", v = 3.1e11}},
    {x = "k", y = "v", y_log = true, unit = "円", y_title = "売上", source = false}))
  check.equal(narrow, "500 1,000 2,000 5,000 売上（億円） a b", "1-2-5 ticks in 億")
  local zero = {{k = "a", v = 3}, {k = "b", v = 0}}
  local m, w = message_of(function() chart.bar(zero, {x = "k", y = "v", y_log = true}) end), here()
  exact(m, w, "chart.bar: row 2 of 'v' is 0: a log axis (y_log = true) needs values > 0", "zero")
  local stacked = {x = "k", y = {"v", "v"}, y_log = true, mode = "stacked"}
  m, w = message_of(function() chart.bar(rows, stacked) end), here()
  exact(m, w, 'chart.bar: option \'y_log\' must be false with mode = "stacked" (stacked bars add up lengths, '
    .. "which a log axis does not have); got boolean true", "stacked")
  local from_zero = {x = "k", y = "v", y_log = true, y_domain = {0, 10}}
  m, w = message_of(function() chart.bar(rows, from_zero) end), here()
  exact(m, w, "chart.bar: option 'y_domain' must be {low, high} with 0 < low < high on a log axis "
    .. "(y_log = true); got table", "domain from 0")
  m, w = message_of(function() chart.bar(rows, {x = "k", y = "v", y_log = "yes"}) end), here()
  exact(m, w, "chart.bar: option 'y_log' must be a boolean; got string \"yes\"", "not a boolean")
end)

test("y_log on lines: over categories and over dates, long columns included", function()
  local rows = {{k = "2021", v = 3}, {k = "2022", v = 30}, {k = "2023", v = 300}, {k = "2024", v = 3000}}
  check.equal(list_of(chart.line(rows, {x = "k", y = "v", y_log = true, source = false})),
    "1 10 100 1,000 10,000 2021 2022 2023 2024", "categories")
  local days, values = {}, {}
  for i = 1, 2000 do
    days[i] = sumi.date.add_days("2020-01-01", i)
    values[i] = 10 ^ (i / 500)
  end
  local ds = sumi.data.from_columns({"day", "v"}, {day = days, v = values})
  local c = chart.line(ds, {x = "day", y = "v", y_log = true, source = false})
  local list = c:compose(page, box)
  list:draw()
  check.is_true(c.scales.y.log, "a log scale")
  check.near(c.scales.y:map(10), c.plot.y + c.plot.height * 3 / 4, 1, "10 a quarter up (1 to 10^4)")
  check.is_true(list.path_points > 0, "the line is drawn")
  local negative = {{t = 1, v = 2}, {t = 2, v = -1}}
  local m, w = message_of(function() chart.line(negative, {x = "t", y = "v", y_log = true}) end), here()
  exact(m, w, "chart.line: row 2 of 'v' is -1: a log axis (y_log = true) needs values > 0", "negative")
  local from_zero = {x = "k", y = "v", y_log = true, zero = true}
  m, w = message_of(function() chart.line(rows, from_zero) end), here()
  exact(m, w, "chart.line: option 'zero' must be false on a log axis (y_log = true: a log axis has no 0); "
    .. "got boolean true", "zero")
end)

test("months and quarters on a time axis: quarters, fiscal quarters, fiscal years", function()
  -- "YYYY-MM" text is a time axis now, not 24 categories
  local c = chart.line(months, {x = "month", y = "east", source = false})
  c:discard()
  check.is_true(c.continuous and c.x_kind == "time", "months as text make a time axis")
  local fy = list_of(chart.line(months, {x = "month", y = "east", x_ticks = "fiscal_year", source = false}))
  check.is_true(fy:find("2024年度 2025年度", 1, true) ~= nil, fy)
  local en = list_of(chart.line(months, {x = "month", y = "east", x_ticks = "fiscal_year", lang = "en",
    fiscal = {start_month = 4, named_by = "end"}, source = false}))
  check.is_true(en:find("FY2025 FY2026", 1, true) ~= nil, en)
  local year = {table.unpack(months, 1, 12)}
  local fq = list_of(chart.line(year, {x = "month", y = "east", x_ticks = "fiscal_quarter", source = false}))
  check.is_true(fq:find("2024年度Q1 Q2 Q3 Q4", 1, true) ~= nil, fq)
  local quarters = {}
  for i = 1, 8 do quarters[i] = {q = ("%dQ%d"):format(2024 + (i - 1) // 4, (i - 1) % 4 + 1), v = i} end
  local q = list_of(chart.line(quarters, {x = "q", y = "v", source = false}))
  check.is_true(q:find("2024年Q1 Q2 Q3 Q4 2025年Q1 Q2 Q3 Q4", 1, true) ~= nil, "quarters, not months: " .. q)
  local named = chart.line(quarters, {x = "q", y = "v", unit = "億円", source = false})
  named:discard()
  check.equal(named:alt_text(), "2024年第1四半期の1億円（最小）から2025年第4四半期の8億円（最大）へ増加。",
    "the alternative text names quarters")
  local ds = sumi.data.read_csv("fixtures/periods.csv"):sort("quarter")
  local qko = list_of(chart.line(ds, {x = "quarter", y = "revenue", lang = "ko", source = false}))
  check.is_true(qko:find("2024년 4분기 2025년 1분기 2분기", 1, true) ~= nil, "a quarter column, in Korean: " .. qko)
  local fy_ticks = {x = "month", y = "east", x_ticks = "fy"}
  local m, w = message_of(function() chart.line(months, fy_ticks) end), here()
  exact(m, w, "chart.line: option 'x_ticks' must be one of auto, month, quarter, year, fiscal_quarter, "
    .. "fiscal_year; got string \"fy\"", "unknown period")
  local categories = {{k = "a", v = 1}, {k = "b", v = 2}}
  m, w = message_of(function() chart.line(categories, {x = "k", y = "v", x_ticks = "quarter"}) end), here()
  exact(m, w, "chart.line: option 'x_ticks' is for a numeric or date x only ('k' holds categories)",
    "categories")
  local alone = {x = "month", y = "east", fiscal = {start_month = 4}}
  m, w = message_of(function() chart.line(months, alone) end), here()
  exact(m, w, "chart.line: option 'fiscal' must be given with x_ticks = \"fiscal_year\" or "
    .. "\"fiscal_quarter\" (it says when their years start); got table", "fiscal alone")
  local thirteen = {x = "month", y = "east", x_ticks = "fiscal_year", fiscal = {start_month = 13}}
  m, w = message_of(function() chart.line(months, thirteen) end), here()
  exact(m, w, "chart.line: option 'fiscal.start_month' must be an integer in [1, 12]; got number 13",
    "start month")
end)

test("bars over a month or quarter column are labelled as a time axis labels them", function()
  local ds = sumi.data.read_csv("fixtures/reshape_periods.csv")
  local bars = chart.bar(ds, {x = "month", y = "sales", source = false})
  local t = texts(bars)
  for _, label in ipairs({"2024年3月", "4月", "2025年3月"}) do
    check.is_true(t[label] ~= nil, label .. " under its bar: " .. list_of(bars))
  end
  check.is_true(t["2024-03"] == nil, "not the stored text")
  local en = chart.bar(ds, {x = "quarter", y = "sales", source = false, lang = "en"})
  local en_texts = texts(en)
  check.is_true(en_texts["2024 Q1"] ~= nil and en_texts["Q2"] ~= nil, "quarters in English: " .. list_of(en))
  -- annotations name a category as it is stored
  local marked = chart.bar(ds, {x = "month", y = "sales", source = false,
    annotations = {{kind = "text", x = "2025-03", y = 150, text = "最高"}}})
  check.is_true(texts(marked)["最高"] ~= nil, "the annotation at 2025-03")
  local mixed = chart.bar({{k = "2025-03", v = 1}, {k = "その他", v = 2}}, {x = "k", y = "v", source = false})
  check.is_true(texts(mixed)["2025-03"] ~= nil, "a column that is not all months keeps its text")
end)

test("target: a line or band from a number or a column, labelled, the axis widened", function()
  local rows = {{k = "4月", v = 5800, goal = 7500, lo = 6000, hi = 6500}, {k = "5月", v = 6100, goal = 7500}}
  local c = chart.bar(rows, {x = "k", y = "v", unit = "億円", target = 7500, source = false})
  local t = texts(c)
  check.is_true(t["目標 7,500億円"] ~= nil, "labelled in the chart's words and unit: " .. list_of(c))
  check.is_true(t["8,000"] ~= nil, "the axis reaches the target")
  check.equal(c:alt_text(), "最大は5月の6,100億円、最小は4月の5,800億円。目標は7,500億円。", "alt text")
  local en = chart.bar(rows, {x = "k", y = "v", target = "goal", lang = "en", source = false})
  check.is_true(texts(en)["Target 7,500"] ~= nil, "from a column, in English: " .. list_of(en))
  check.equal(en:alt_text(), "Largest: 5月, 6,100; smallest: 4月, 5,800. Target: 7,500.", "alt text en")
  local band = texts(chart.bar(rows, {x = "k", y = "v", target = {low = "lo", high = "hi", label = "目標レンジ"},
    source = false}))
  check.is_true(band["目標レンジ"] ~= nil, "a band's own label")
  local line = chart.line(months, {x = "month", y = "east", target = {value = 300, label = false},
    source = false})
  line:layout(page, box)
  local low, high = line.scales.y:domain()
  check.is_true(low <= 105 and high >= 300, "a line chart's axis reaches the target")
  -- annotations name columns too
  local plan = {{kind = "line", y = "goal", label = "計画"}}
  local a = texts(chart.bar(rows, {x = "k", y = "v", annotations = plan, source = false}))
  check.is_true(a["計画"] ~= nil and a["8,000"] ~= nil, "an annotation at a column's value")
  local m, w = message_of(function() chart.bar(rows, {x = "k", y = "v", target = "v"}) end), here()
  exact(m, w, "chart.bar: option 'target': column 'v' holds more than one value (row 1: 5800, row 2: 6100); "
    .. "give a row to read one of them", "a varying column")
  check.is_true(texts(chart.bar(rows, {x = "k", y = "v", target = {value = "v", row = 2}}))["目標 6,100"],
    "a row picks one")
  m, w = message_of(function() chart.bar(rows, {x = "k", y = "v", target = "plan"}) end), here()
  exact(m, w, "chart.bar: option 'target' names no field 'plan' of the rows", "no such field")
  local colour = {x = "k", y = "v", target = {value = 1, colour = "red"}}
  m, w = message_of(function() chart.bar(rows, colour) end), here()
  exact(m, w, "chart.bar: unknown option 'target.colour' (valid options: color, high, label, low, row, "
    .. "value)", "unknown key")
  m, w = message_of(function() chart.bar(rows, {x = "k", y = "v", target = 0 / 0}) end), here()
  exact(m, w, "chart.bar: option 'target' must be a finite number or the name of a column; got number nan",
    "nan")
  m, w = message_of(function() chart.bar(rows, {x = "k", y = "v", target = {low = 1}}) end), here()
  exact(m, w, "chart.bar: option 'target' needs a value (a line) or both low and high (a band)",
    "half a band")
  local ds = sumi.data.from_rows({{k = "4月", v = 5800, goal = 7500}}, {order = {"k", "v", "goal"}})
  local bars = chart.bar(ds, {x = "k", y = "v", source = false})
  bars:discard()
  m, w = message_of(function() bars:annotate({kind = "line", y = "plan"}) end), here()
  exact(m, w, "chart:annotate: option 'annotations[1].y' names no column 'plan' (columns: k, v, goal)",
    "annotate, dataset")
end)

page:discard()
check.done()
