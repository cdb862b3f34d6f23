-- The chart gallery: every chart type once, on the same small story.
--
--   sh scripts/gallery.sh     -> docs/gallery/*.png and docs/gallery.md
--
-- Each `-- gallery:` block below is complete on its own: gallery.sh copies
-- it into docs/gallery.md beside the picture it makes, and the docs test
-- runs it there. The charts are exported by `sumi chart` under their names.

-- gallery: bar | Bars with value labels: chart.bar
do
  local chart = require "sumi.chart"
  local rows = {
    {name = "大規模AIモデル", share = 1509 / 3755}, {name = "AIユニコーン企業", share = 71 / 271},
    {name = "AI特許出願", share = 0.60}, {name = "AI関連企業", share = 0.15},
  }
  chart.bar(rows, {x = "name", y = "share", value_labels = "pct1", title = "世界に占める中国のシェア",
    source = "WAIC 2025 / CAICT", name = "bar"})
end

-- gallery: bar-horizontal | Horizontal bars coloured by a column: chart.bar
do
  local chart = require "sumi.chart"
  local fill = require("sumi.template").fill
  local rows = {
    {name = "AI特許出願", share = 0.60, kind = "公表された概数"},
    {name = "大規模AIモデル", share = 1509 / 3755, kind = "件数から算出"},
    {name = "AIユニコーン企業", share = 71 / 271, kind = "件数から算出"},
    {name = "AI関連企業", share = 0.15, kind = "公表された概数"},
  }
  chart.bar(rows, {x = "name", y = "share", color = "kind", orientation = "horizontal", y_format = "pct",
    colors = {["公表された概数"] = "#e3a29c", ["件数から算出"] = "#b3261e"},
    value_labels = function(v, row)
      return fill(row.kind == "公表された概数" and "約{v:pct0}" or "{v:pct1}", {v = v})
    end,
    title = "世界に占める中国のシェア", source = "WAIC 2025 / CAICT", name = "bar-horizontal"})
end

-- gallery: bar-stacked | Stacked bars: chart.bar with mode = "stacked"
do
  local chart = require "sumi.chart"
  local rows = {
    {year = "2022", models = 120, apps = 260, chips = 90},
    {year = "2023", models = 210, apps = 300, chips = 110},
    {year = "2024", models = 330, apps = 340, chips = 150},
  }
  chart.bar(rows, {x = "year", y = {"models", "apps", "chips"}, names = {"モデル", "応用", "半導体"},
    mode = "stacked", value_labels = "int", title = "分野別の投資件数（例示）", source = "例示データ",
    name = "bar-stacked"})
end

-- gallery: bar-percent | 100% stacked bars: chart.bar with mode = "percent"
do
  local chart = require "sumi.chart"
  local rows = {
    {field = "AIモデル", china = 1509, world = 3755 - 1509},
    {field = "ユニコーン", china = 71, world = 271 - 71},
  }
  chart.bar(rows, {x = "field", y = {"china", "world"}, names = {"中国", "その他の世界"}, mode = "percent",
    value_labels = "pct0", orientation = "horizontal", title = "中国の割合", source = "WAIC 2025",
    name = "bar-percent"})
end

-- gallery: line | Lines with markers and a gap: chart.line
do
  local chart = require "sumi.chart"
  local rows = {
    {year = "2019", cn = 2.1e11, us = 3.3e11}, {year = "2020", cn = 2.6e11, us = 3.6e11},
    {year = "2021", cn = 3.4e11}, {year = "2022", cn = 4.5e11, us = 4.9e11},
    {year = "2023", cn = 5.8e11, us = 5.6e11}, {year = "2024", cn = 7.0e11, us = 6.4e11},
  }
  chart.line(rows, {x = "year", y = {"cn", "us"}, names = {"中国", "米国"}, markers = true, zero = true,
    y_title = "規模", unit = "元", title = "AI産業の規模（例示）", source = "業界推計（例示）", name = "line"})
end

-- gallery: line-dates | A long daily series on a time axis, drawn in C: chart.line
do
  local sumi = require "sumi"
  local chart = require "sumi.chart"
  -- three years of daily values in a dataset: the line is built in C from its columns
  local days, values = {}, {}
  for i = 1, 3 * 365 do
    days[i] = sumi.format.date_iso((19357 + i) * 86400)    -- from 2023-01-01
    values[i] = 100 + i * 0.05 + 12 * math.sin(i / 29) + 4 * math.sin(i / 9)
  end
  local ds = sumi.data.from_columns({"day", "calls"}, {day = days, calls = values},
    {source = "API利用ログ（例示）"})
  chart.line(ds, {x = "day", y = "calls", title = "1日あたりAPI呼び出し数（例示）", y_title = "呼び出し",
    unit = "万回", name = "line-dates"})
end

-- gallery: scatter | Bubbles with groups and labels: chart.scatter
do
  local chart = require "sumi.chart"
  local rows = {
    {name = "中国", gdp = 12.6, life = 78.6, pop = 1410, region = "アジア"},
    {name = "日本", gdp = 33.8, life = 84.5, pop = 124, region = "アジア"},
    {name = "インド", gdp = 2.5, life = 70.8, pop = 1430, region = "アジア"},
    {name = "米国", gdp = 81.6, life = 77.5, pop = 335, region = "米州"},
    {name = "ブラジル", gdp = 10.0, life = 75.8, pop = 216, region = "米州"},
    {name = "ドイツ", gdp = 53.5, life = 81.0, pop = 84, region = "欧州"},
    {name = "英国", gdp = 48.9, life = 81.3, pop = 68, region = "欧州"},
  }
  chart.scatter(rows, {x = "gdp", y = "life", size = "pop", color = "region", label = "name",
    size_title = "人口（百万）", x_title = "1人当たりGDP（千ドル）", y_title = "平均寿命（年）",
    title = "所得と平均寿命", source = "世界銀行（2023年、概数）", name = "scatter"})
end

-- gallery: area | Stacked areas: chart.area
do
  local chart = require "sumi.chart"
  local rows = {}
  for m = 1, 12 do
    rows[m] = {month = m .. "月", cloud = 12 + m * 1.5, device = 10 + m % 3, other = 6 + m % 4}
  end
  chart.area(rows, {x = "month", y = {"cloud", "device", "other"}, names = {"クラウド", "端末", "その他"},
    y_title = "売上", unit = "億円", title = "売上の内訳（例示）", source = "例示データ", name = "area"})
end

-- gallery: combo | Bars and a line on a secondary axis: chart.combo
do
  local chart = require "sumi.chart"
  local rows = {
    {year = "2021", size = 4.3e11, growth = 0.18}, {year = "2022", size = 5.1e11, growth = 0.186},
    {year = "2023", size = 5.8e11, growth = 0.137}, {year = "2024", size = 7.0e11, growth = 0.207},
  }
  chart.combo(rows, {x = "year", bars = "size", lines = "growth", names = {"産業規模", "成長率"},
    y_title = "産業規模", unit = "元", y2_title = "成長率", y2_format = "pct", title = "規模と成長率（例示）",
    source = "業界推計（例示）", name = "combo"})
end

-- gallery: annotations | Reference line, band and arrow: annotations
do
  local chart = require "sumi.chart"
  local rows = {{year = "2021", size = 4300}, {year = "2022", size = 5100}, {year = "2023", size = 5800},
                {year = "2024", size = 7000}}
  chart.bar(rows, {x = "year", y = "size", y_title = "産業規模", unit = "億元", title = "注釈の例",
    source = "業界推計（例示）", name = "annotations", annotations = {
      {kind = "band", x = {"2021", "2022"}, label = "基準期間"},
      {kind = "line", y = 4000, label = "目標 4,000億元"},
      {kind = "arrow", x = "2024", y = 7000, text = "過去最高", dx = -80, dy = 0},
    }})
end

-- gallery: facet | Small multiples sharing one axis: chart.facet
do
  local chart = require "sumi.chart"
  local rows = {}
  for i, city in ipairs({"北京", "上海", "深圳"}) do
    for year = 2022, 2024 do
      rows[#rows + 1] = {city = city, year = tostring(year), firms = i * 300 + (year - 2021) * 100 * i}
    end
  end
  chart.facet(rows, {by = "city", chart = "bar", x = "year", y = "firms", title = "都市別のAI企業数（例示）",
    source = "例示データ", name = "facet"})
end

-- gallery: pie | Donut with labels: chart.pie
do
  local chart = require "sumi.chart"
  local rows = {{field = "中国", n = 1509}, {field = "米国", n = 1200}, {field = "その他", n = 3755 - 2709}}
  chart.pie(rows, {label = "field", value = "n", donut = 0.55, title = "大規模AIモデルの国別内訳（例示）",
    source = "WAIC 2025（例示）", name = "pie"})
end

-- gallery: part | Part of a whole: chart.part
do
  local chart = require "sumi.chart"
  chart.part({71, 271}, {title = "世界のAIユニコーン企業のうち中国",
    caption = "{part}社 / {whole}社（{share:pct1}）", source = "WAIC 2025", name = "part"})
end

-- gallery: kpi | KPI tile: chart.kpi
do
  local chart = require "sumi.chart"
  chart.kpi({value = 1509, unit = "個", label = "中国の大規模AIモデル", change = 0.183, title = "KPI",
    name = "kpi"})
end

-- gallery: kpis | A row of KPI tiles at one figure size: chart.kpis
do
  local chart = require "sumi.chart"
  chart.kpis({
    {value = 12762223, unit = "台", label = "販売台数（累計）", change = 0.074},
    {value = 0.074, format = "pct1", label = "伸び率", change = 0.012},
    {value = 1.02, format = "pct1", label = "目標達成率", change = -0.031},
  }, {title = "月次KPI（例示）", name = "kpis"})
end

-- gallery: legend-bottom | Legend under the plot, a target line: chart.bar with legend = "bottom" and target
do
  local chart = require "sumi.chart"
  local rows = {
    {month = "4月", east = 3.2e9, west = 2.4e9, goal = 3.5e9},
    {month = "5月", east = 3.4e9, west = 2.6e9, goal = 3.5e9},
    {month = "6月", east = 3.1e9, west = 2.9e9, goal = 3.5e9},
  }
  chart.bar(rows, {x = "month", y = {"east", "west"}, names = {"東日本", "西日本"}, legend = "bottom",
    target = "goal", y_title = "売上", unit = "円", title = "地域別の月次売上（例示）", source = "例示データ",
    name = "legend-bottom"})
end

-- gallery: line-end-labels | Names at the lines' ends over fiscal quarters: chart.line with legend = "end"
do
  local chart = require "sumi.chart"
  local rows = {}
  for m = 1, 24 do -- April 2024 to March 2026: fiscal 2024 and 2025
    local index = 2024 * 12 + 3 + (m - 1)
    rows[m] = {month = ("%04d-%02d"):format(index // 12, index % 12 + 1), east = 120 + m * 3 + m % 3 * 4,
               west = 95 + m * 2.5, north = 60 + m * 2.8, south = 88 + m}
  end
  chart.line(rows, {x = "month", y = {"east", "west", "north", "south"},
    names = {"東日本", "西日本", "北日本", "南日本"}, legend = "end", x_ticks = "fiscal_quarter",
    y_title = "売上", unit = "億円", title = "地域別の月次売上（例示）", source = "例示データ", name = "line-end-labels"})
end

-- gallery: bar-log | A log value axis: chart.bar with y_log = true
do
  local chart = require "sumi.chart"
  local rows = {{city = "東京", n = 12762223}, {city = "大阪", n = 520000}, {city = "名古屋", n = 31000},
                {city = "福岡", n = 4800}}
  chart.bar(rows, {x = "city", y = "n", y_log = true, value_labels = "int", unit = "台", y_title = "販売台数",
    title = "都市別の販売台数（例示）", source = "例示データ", name = "bar-log"})
end

-- gallery: legend-right | Legend at the right of the plot: chart.area with legend = "right"
do
  local chart = require "sumi.chart"
  local rows = {}
  for q = 1, 8 do
    rows[q] = {quarter = ("%dQ%d"):format(2024 + (q - 1) // 4, (q - 1) % 4 + 1), cloud = 10 + q * 1.5,
               device = 8 + q % 2, service = 5 + q * 0.5}
  end
  chart.area(rows, {x = "quarter", y = {"cloud", "device", "service"}, names = {"クラウド", "端末", "保守サービス"},
    legend = "right", y_title = "売上", unit = "億円", title = "四半期別の売上構成（例示）", source = "例示データ",
    name = "legend-right"})
end

-- gallery: bar-zh-hans | Simplified Chinese: chart.bar with lang = "zh-Hans"
do
  local chart = require "sumi.chart"
  -- yuan as they are: the axis picks 亿 and says so in its title
  local rows = {{year = "2021", size = 4.3e11}, {year = "2022", size = 5.1e11},
    {year = "2023", size = 5.8e11}, {year = "2024", size = 7.0e11}}
  chart.bar(rows, {x = "year", y = "size", lang = "zh-Hans", y_title = "产业规模", unit = "元",
    title = "中国人工智能产业规模（例示）", source = "行业分析（例示数据）", name = "bar-zh-hans"})
end

-- gallery: bar-zh-hant | Traditional Chinese, a vertical side title: chart.bar with lang = "zh-Hant"
do
  local chart = require "sumi.chart"
  local rows = {{field = "基礎模型", n = 24}, {field = "自動駕駛", n = 15}, {field = "智慧機器人", n = 12},
    {field = "人工智慧晶片", n = 9}}
  chart.bar(rows, {x = "field", y = "n", lang = "zh-Hant", y_title = "企業數", y_title_position = "side",
    title = "獨角獸企業的領域（例示）", source = "例示資料", name = "bar-zh-hant"})
end

-- gallery: ko-bar | Korean: units in 억 and 조 with their spacing, words kept whole
do
  local chart = require "sumi.chart"
  local rows = {{k = "중국", v = 7.0e11}, {k = "미국", v = 1.2e12}, {k = "유럽 연합", v = 3.1e11},
    {k = "대한민국", v = 9.0e10}}
  chart.bar(rows, {x = "k", y = "v", lang = "ko", y_title = "시장 규모", unit = "원",
    value_labels = function(v) return require("sumi.format").units(v, {lang = "ko", unit = "원"}) end,
    title = "인공지능 시장 규모(예시)", source = "예시 데이터", name = "ko-bar"})
end

-- gallery: ko-line | Korean: a time axis in 년 and 월
do
  local chart = require "sumi.chart"
  local rows = {}
  for m = 1, 12 do
    rows[m] = {month = ("2025-%02d-01"):format(m), models = 900 + m * 50 + (m % 3) * 40}
  end
  chart.line(rows, {x = "month", y = "models", lang = "ko", markers = true,
    title = "공개된 대규모 모델 수(예시)", source = "예시 데이터", name = "ko-line"})
end

-- gallery: ko-kpi | Korean: a KPI tile
do
  local chart = require "sumi.chart"
  chart.kpi({value = 1509, unit = "개", label = "중국이 공개한 대규모 인공지능 모델", change = 0.183,
    title = "대규모 모델", lang = "ko", name = "ko-kpi"})
end
