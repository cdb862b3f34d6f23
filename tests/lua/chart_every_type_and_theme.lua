-- Every chart type in every theme, at the size the theme is made for: no
-- text box overlaps another or leaves the chart's box, and every title
-- and category label is there.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"

local function overlaps(a, b)
  return a.x < b.x + b.width - 0.01 and b.x < a.x + a.width - 0.01 and
         a.y < b.y + b.height - 0.01 and b.y < a.y + a.height - 0.01
end

local shares = {
  {name = "大規模AIモデル", share = 1509 / 3755, kind = "算出"},
  {name = "AIユニコーン企業", share = 71 / 271, kind = "算出"},
  {name = "AI特許出願", share = 0.60, kind = "概数"}, {name = "AI関連企業", share = 0.15, kind = "概数"},
}
local years = {
  {year = "2021", size = 4.3e11, growth = 0.18, us = 3.3e11}, {year = "2022", size = 5.1e11, growth = 0.186},
  {year = "2023", size = 5.8e11, growth = 0.137, us = 5.6e11}, {year = "2024", size = 7.0e11, growth = 0.207,
  us = 6.4e11},
}
local cities = {}
for i, city in ipairs({"北京", "上海", "深圳"}) do
  for y = 2022, 2024 do
    cities[#cities + 1] = {city = city, year = tostring(y), firms = i * 300 + (y - 2021) * 90}
  end
end

-- name -> function(theme) -> chart, and the labels it must show
local kinds = {
  {"bar", function(t)
    return chart.bar(shares, {x = "name", y = "share", value_labels = "pct1", title = "シェア", theme = t,
      source = "WAIC 2025"})
  end, {"シェア", "大規模AIモデル", "AI関連企業", "40.2%"}},
  {"bar horizontal by colour", function(t)
    return chart.bar(shares, {x = "name", y = "share", color = "kind", orientation = "horizontal",
      value_labels = "pct0", title = "シェア", theme = t})
  end, {"算出", "概数", "AIユニコーン企業"}},
  {"bar stacked", function(t)
    return chart.bar(years, {x = "year", y = {"size", "us"}, mode = "stacked", theme = t, title = "規模",
      unit = "元"})
  end, {"2021", "2024", "規模"}},
  {"bar percent", function(t)
    return chart.bar(years, {x = "year", y = {"size", "us"}, mode = "percent", value_labels = true,
      theme = t})
  end, {"2021", "100%"}},
  {"line", function(t)
    return chart.line(years, {x = "year", y = {"size", "us"}, markers = true, theme = t, title = "推移",
      y_title = "規模", unit = "元"})
  end, {"推移", "規模（億元）", "2023"}},
  {"combo", function(t)
    return chart.combo(years, {x = "year", bars = "size", lines = "growth", y_title = "規模", unit = "元",
      y2_title = "成長率", y2_format = "pct", theme = t, title = "規模と成長率"})
  end, {"成長率", "規模（億元）"}},
  {"annotated", function(t)
    return chart.bar(years, {x = "year", y = "size", theme = t, annotations = {
      {kind = "band", x = {"2021", "2022"}, label = "基準期間"}, {kind = "line", y = 4e11, label = "目標"},
      {kind = "arrow", x = "2024", y = 7e11, text = "最高", dx = -60, dy = 0}}})
  end, {"基準期間", "目標", "最高"}},
  {"facet", function(t)
    return chart.facet(cities, {by = "city", x = "year", y = "firms", theme = t, title = "都市別"})
  end, {"都市別", "北京", "上海", "深圳"}},
  {"pie", function(t)
    return chart.pie(shares, {label = "name", value = "share", theme = t, donut = 0.5, title = "内訳"})
  end, {"内訳"}},
  {"part", function(t)
    return chart.part({71, 271}, {theme = t, title = "ユニコーン"})
  end, {"ユニコーン", "71 / 271 (26.2%)"}},
  {"part bar", function(t)
    return chart.part({1509, 3755}, {theme = t, style = "bar", title = "モデル"})
  end, {"モデル"}},
  {"kpi", function(t)
    return chart.kpi({value = 1509, unit = "個", label = "モデル", change = -0.05, theme = t})
  end, {"1,509個", "モデル", "-5.0%"}},
}

local sizes = {print = {360, 220}, slides = {720, 405}, colorblind = {360, 220}, mono = {360, 220}}
local canvas = sumi.canvas.pdf(nil, {width = 800, height = 500})

for _, theme in ipairs({"print", "slides", "colorblind", "mono"}) do
  for _, kind in ipairs(kinds) do
    check.test(kind[1] .. " in " .. theme, function()
      local box = {x = 20, y = 30, width = sizes[theme][1], height = sizes[theme][2]}
      local boxes = kind[2](theme):layout(canvas, box)
      local texts = {}
      for i, a in ipairs(boxes) do
        texts[a.text] = true
        check.is_true(a.x >= box.x - 0.01 and a.x + a.width <= box.x + box.width + 0.01 and
          a.y >= box.y - 0.01 and a.y + a.height <= box.y + box.height + 0.01,
          ("'%s' inside the box"):format(a.text))
        for j = i + 1, #boxes do
          check.is_true(not overlaps(a, boxes[j]), ("'%s' clear of '%s'"):format(a.text, boxes[j].text))
        end
      end
      for _, wanted in ipairs(kind[3]) do check.is_true(texts[wanted], ("'%s' shown"):format(wanted)) end
    end)
  end
end

check.done()
