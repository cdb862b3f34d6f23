-- chart:alt_text(): the alternative text of a chart in a tagged PDF is its
-- title and one sentence made from its data, in the chart's language: the
-- largest and smallest values as the chart writes them (unit and scale
-- included), the trend over an ordered x, the largest and smallest share of
-- a pie; the `alt` option replaces it, and an empty one is an error.
local check = require "check"
local here, message_of = check.here, check.message_of
local chart = require "sumi.chart"
local locale = require "sumi.locale"
local test = check.test

local models = {{k = "中国", v = 1509}, {k = "米国", v = 1200}, {k = "日本", v = 12}}

test("a bar chart: the largest and smallest, with their unit (ja, en)", function()
  local c = chart.bar(models, {x = "k", y = "v", unit = "件", title = "大規模AIモデル数"})
  check.equal(c:alt_text(), "大規模AIモデル数 最大は中国の1,509件、最小は日本の12件。", "ja")
  c = chart.bar({{k = "China", v = 1509}, {k = "USA", v = 1200}, {k = "Japan", v = 12}},
    {x = "k", y = "v", unit = "models", lang = "en", title = "Large AI models"})
  check.equal(c:alt_text(), "Large AI models Largest: China, 1,509 models; smallest: Japan, 12 models.", "en")
  c = chart.bar(models, {x = "k", y = "v", lang = "en"})
  check.equal(c:alt_text(), "Largest: 中国, 1,509; smallest: 日本, 12.", "no title, no unit")
end)

test("values are written in the value axis' scale and format", function()
  local rows = {{k = "北京", v = 5.8e11}, {k = "上海", v = 7e11}, {k = "深圳", v = 3e6}}
  check.equal(chart.bar(rows, {x = "k", y = "v", unit = "元"}):alt_text(),
    "最大は上海の7,000億元、最小は深圳の300万元。", "億 and 万")
  check.equal(chart.bar(rows, {x = "k", y = "v", unit = "원", lang = "ko"}):alt_text(),
    "최대는 上海(7,000억 원), 최소는 深圳(300만 원)입니다.", "억 원, spaced")
  check.equal(chart.bar(rows, {x = "k", y = "v", unit = "yuan", lang = "en"}):alt_text(),
    "Largest: 上海, 700bn yuan; smallest: 深圳, 3M yuan.", "bn")
  local shares = {{k = "a", v = 1509 / 3755}, {k = "b", v = 71 / 271}}
  check.equal(chart.bar(shares, {x = "k", y = "v", value_labels = "pct1", lang = "en"}):alt_text(),
    "Largest: a, 40.2%; smallest: b, 26.2%.", "value labels' format")
  check.equal(chart.bar(shares, {x = "k", y = "v", y_format = "pct", lang = "en"}):alt_text(),
    "Largest: a, 40.2%; smallest: b, 26.2%.", "percent axis")
  check.equal(chart.bar(shares, {x = "k", y = "v", lang = "en", value_labels = function(v, row)
    return row.k .. "≈" .. math.floor(v * 100) end}):alt_text(),
    "Largest: a, a≈40; smallest: b, b≈26.", "a value label function sees the row")
  check.equal(chart.bar(shares, {x = "k", y = "v", lang = "en", y_format = function() error("no") end})
    :alt_text(), "Largest: a, 0.402; smallest: b, 0.262.", "a failing format falls back to the number")
end)

test("a line rising over years (zh-Hans)", function()
  local rows = {{year = 2019, v = 120}, {year = 2020, v = 300}, {year = 2021, v = 250},
                {year = 2022, v = 1800}, {year = 2024, v = 1509}}
  local c = chart.line(rows, {x = "year", y = "v", unit = "件", lang = "zh-Hans", title = "大模型数量"})
  check.equal(c:alt_text(), "大模型数量 从2019的120件增至2024的1,509件，最大为2022的1,800件，"
    .. "最小为2019的120件。", "rise with the extremes")
  c = chart.line({{year = 2019, v = 120}, {year = 2024, v = 1509}}, {x = "year", y = "v", unit = "件",
    lang = "zh-Hans"})
  check.equal(c:alt_text(), "从2019的最小值120件增至2024的最大值1,509件。", "the ends are the extremes")
end)

test("a line falling (ko), over categories and over dates", function()
  local rows = {{y = "2022년", v = 900}, {y = "2023년", v = 1100}, {y = "2024년", v = 700},
                {y = "2025년", v = 400}}
  check.equal(chart.line(rows, {x = "y", y = "v", unit = "건", lang = "ko"}):alt_text(),
    "2022년 900건에서 2025년 400건까지 줄었으며, 최대는 2023년(1,100건), 최소는 2025년(400건)입니다.",
    "fall with the extremes")
  local months = {{d = "2024-01-01", v = 5e11}, {d = "2024-02-01", v = 4e11}, {d = "2024-03-01", v = 3e11}}
  check.equal(chart.line(months, {x = "d", y = "v", unit = "원", lang = "ko"}):alt_text(),
    "최대인 2024년 1월 5,000억 원에서 최소인 2024년 3월 3,000억 원까지 줄었습니다.", "monthly dates")
end)

test("bars over years have a trend, bars over names do not", function()
  local rows = {{y = "2022", v = 5}, {y = "2023", v = 7}, {y = "2024", v = 3}, {y = "2025", v = 5}}
  check.equal(chart.bar(rows, {x = "y", y = "v", lang = "en"}):alt_text(),
    "Flat from 2022 to 2025 at 5; largest: 2023, 7; smallest: 2024, 3.", "flat")
  check.equal(chart.bar(rows, {x = "y", y = "v"}):alt_text(),
    "2022から2025まで5で横ばい、最大は2023の7、最小は2024の3。", "flat, ja")
  rows[4].y = "2021" -- out of order: no longer a time axis
  check.equal(chart.bar(rows, {x = "y", y = "v", lang = "en"}):alt_text(),
    "Largest: 2023, 7; smallest: 2024, 3.", "no trend")
end)

test("a pie: the largest and smallest share (zh-Hant)", function()
  local rows = {{k = "美國", v = 150}, {k = "中國", v = 71}, {k = "英國", v = 12}, {k = "其他", v = 38}}
  local c = chart.pie(rows, {label = "k", value = "v", lang = "zh-Hant", title = "AI獨角獸企業"})
  check.equal(c:alt_text(), "AI獨角獸企業 佔比最大為美國的55.4%，最小為英國的4.4%。", "zh-Hant")
  c = chart.pie(rows, {label = "k", value = "v", lang = "en", value_labels = "pct0"})
  check.equal(c:alt_text(), "Largest share: 美國, 55%; smallest: 英國, 4%.", "the labels' percent format")
end)

test("the alt option replaces the text; an empty one is an error at the script's line", function()
  local c = chart.bar(models, {x = "k", y = "v", title = "大規模AIモデル数", alt = "中国が最多。"})
  check.equal(c:alt_text(), "中国が最多。", "alt")
  check.equal(chart.kpi({value = 71, alt = "71社"}):alt_text(), "71社", "kpi alt")
  local what = "must be a text that describes the chart (an empty alt text says nothing to a screen "
    .. "reader; mark a decorative image as decorative instead); got string \"\""
  local m, w = message_of(function() chart.bar(models, {x = "k", y = "v", alt = ""}) end), here()
  check.is_true(w:find("chart_alt_text_summarises_data.lua:%d+: $"), "here() gives file:line")
  check.equal(m, w .. "chart.bar: option 'alt' " .. what, "bar")
  m, w = message_of(function() chart.pie(models, {label = "k", value = "v", alt = ""}) end), here()
  check.equal(m, w .. "chart.pie: option 'alt' " .. what, "pie")
  m, w = message_of(function() chart.facet(models, {by = "k", x = "k", y = "v", alt = ""}) end), here()
  check.equal(m, w .. "chart.facet: option 'alt' " .. what, "facet")
  m, w = message_of(function() chart.kpi({value = 1, alt = 3}) end), here()
  check.equal(m, w .. "chart.kpi: option 'alt' must be a string; got number 3", "not a string")
end)

test("zero rows, one row, equal values, negatives, missing values", function()
  check.equal(chart.bar({}, {x = "k", y = "v"}):alt_text(), "データがありません。", "no rows, ja")
  check.equal(chart.bar({}, {x = "k", y = "v", lang = "en", title = "Models"}):alt_text(), "Models No data.",
    "no rows, en")
  check.equal(chart.bar({}, {x = "k", y = "v", lang = "ko"}):alt_text(), "데이터가 없습니다.", "no rows, ko")
  check.equal(chart.bar({{k = "中国", v = 71}}, {x = "k", y = "v", unit = "社"}):alt_text(), "中国の71社のみ。",
    "one row")
  check.equal(chart.line({{k = "Q1", v = 71}}, {x = "k", y = "v", lang = "en"}):alt_text(),
    "Only one value: Q1, 71.", "one point")
  local equal = {{k = "a", v = 5}, {k = "b", v = 5}, {k = "c", v = 5}}
  check.equal(chart.bar(equal, {x = "k", y = "v", unit = "件"}):alt_text(), "値はすべて5件。", "equal, ja")
  check.equal(chart.line(equal, {x = "k", y = "v", lang = "en"}):alt_text(), "All values are 5.", "equal, en")
  check.equal(chart.line(equal, {x = "k", y = "v", lang = "zh-Hans"}):alt_text(), "所有值均为5。", "equal, zh")
  check.equal(chart.bar({{k = "a", v = -3}, {k = "b", v = 2.5}, {k = "c"}, {k = "d", v = -0.25}},
    {x = "k", y = "v", lang = "en"}):alt_text(), "Largest: b, 2.5; smallest: a, -3.", "negatives")
  check.equal(chart.line({{k = "Q1", v = -1}, {k = "Q2", v = -5}, {k = "Q3", v = -0.5}},
    {x = "k", y = "v", unit = "%", lang = "zh-Hans"}):alt_text(),
    "从Q1的-1%增至Q3的-0.5%，最大为Q3的-0.5%，最小为Q2的-5%。", "a rise below zero")
end)

test("several series: the first is summarised and the count said", function()
  local rows = {{k = "a", v = 3, w = 4}, {k = "b", v = 5, w = 1}}
  check.equal(chart.bar(rows, {x = "k", y = {"v", "w"}, names = {"売上", "利益"}}):alt_text(),
    "最大はbの5、最小はaの3（2系列のうち「売上」）。", "ja")
  check.equal(chart.bar(rows, {x = "k", y = {"v", "w"}, names = {"Sales", "Profit"}, lang = "en",
    mode = "percent"}):alt_text(), "Largest: b, 83.3%; smallest: a, 42.9% (Sales, the first of 2 series).",
    "percent bars")
  check.equal(chart.bar(rows, {x = "k", y = {"v", "w"}, names = {"매출", "이익"}, lang = "ko"}):alt_text(),
    "2개 계열 중 ‘매출’ 기준으로 최대는 b(5), 최소는 a(3)입니다.", "ko")
end)

test("every kind of chart has a sentence", function()
  local years = {{y = "2022", s = 5.1e11, g = 0.186}, {y = "2023", s = 5.8e11, g = 0.137}}
  check.equal(chart.combo(years, {x = "y", bars = "s", lines = "g", unit = "元", lang = "en"}):alt_text(),
    "Rises from its smallest, 510bn 元 (2022), to its largest, 580bn 元 (2023) (s, the first of 2 series).",
    "combo")
  check.equal(chart.scatter({{a = 1, b = 2, n = "x"}, {a = 3, b = 1, n = "y"}, {a = 2, b = 5, n = "z"}},
    {x = "a", y = "b", label = "n", lang = "en"}):alt_text(),
    "Falls from 2 (x) to 1 (y); largest: z, 5; smallest: y, 1.", "scatter with labels")
  check.equal(chart.scatter({{a = 1, b = 2}, {a = 100, b = 1}}, {x = "a", y = "b", x_title = "GDP"})
    :alt_text(), "GDP = 1の2（最大）からGDP = 100の1（最小）へ減少。", "scatter")
  check.equal(chart.area({{t = "2024-01-01", a = 2, b = 3}, {t = "2025-01-01", a = 1, b = 1}},
    {x = "t", y = {"a", "b"}, mode = "percent", lang = "en"}):alt_text(),
    "Rises from its smallest, 40% (2024), to its largest, 50% (2025) (a, the first of 2 series).", "area")
  check.equal(chart.part({71, 271}, {title = "世界のAIユニコーン企業に占める中国"}):alt_text(),
    "世界のAIユニコーン企業に占める中国 271のうち71（26.2%）。", "part")
  check.equal(chart.part({71, 271}, {lang = "en"}):alt_text(), "71 of 271 (26.2%).", "part, en")
  check.equal(chart.kpi({value = 71, unit = "社", label = "中国のAIユニコーン企業", change = 0.183}):alt_text(),
    "中国のAIユニコーン企業は71社（+18.3% 前年比）。", "kpi")
  check.equal(chart.kpi({value = 71, lang = "en", title = "Unicorns"}):alt_text(), "Unicorns 71.", "bare kpi")
  check.equal(chart.kpi({title = "大規模AIモデル", value = 1509, unit = "個", label = "世界3,755個の40.2%"}):alt_text(),
    "大規模AIモデル 1,509個（世界3,755個の40.2%）。", "a titled kpi's label notes its value")
  local rows = {}
  for i, city in ipairs({"北京", "上海", "深圳"}) do
    for year = 2022, 2024 do
      rows[#rows + 1] = {city = city, year = tostring(year), firms = i * 300 + (year - 2021) * 100 * i}
    end
  end
  check.equal(chart.facet(rows, {by = "city", x = "year", y = "firms", unit = "社", title = "都市別のAI企業数",
    subtitle = "2022〜2024年"}):alt_text(),
    "都市別のAI企業数 2022〜2024年 最大は深圳・2024の1,800社、最小は北京・2022の400社（全3パネル）。", "facet")
  check.equal(chart.facet(rows, {by = "city", chart = "line", x = "year", y = "firms", lang = "en"})
    :alt_text(),
    "Largest: 深圳 (2024), 1,800; smallest: 北京 (2022), 400 (across 3 panels).", "facet, en")
end)

test("a language a script defines takes its base's sentences, or its own", function()
  check.equal(locale.define("fr", {base = "en", alt_extremes = "Maximum : {max_label}, {max} ; "
    .. "minimum : {min_label}, {min}", fonts = "en"}), "fr", "defined")
  local rows = {{k = "a", v = 1}, {k = "b", v = 2}}
  check.equal(chart.bar(rows, {x = "k", y = "v", lang = "fr"}):alt_text(), "Maximum : b, 2 ; minimum : a, 1.",
    "its own sentence")
  check.equal(chart.bar({}, {x = "k", y = "v", lang = "fr"}):alt_text(), "No data.", "the base's")
  check.errors(function() locale.define("fr", {alt_extremes = "Max {maxi}"}) end,
    "locale.define: option 'alt_extremes' must be a text whose placeholders are among {max_label}, {max}, "
    .. "{min_label}, {min} ({{ and }} for braces); got string \"Max {maxi}\"", "an unknown placeholder")
  check.errors(function() locale.define("fr", {alt_one = "{label"}) end, "option 'alt_one' must be",
    "a lone {")
end)

check.done()
