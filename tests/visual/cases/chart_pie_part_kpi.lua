-- A donut with inside and outside (leader-line) labels, a 71-of-271
-- waffle and a KPI tile, side by side: labels clear of each other and of
-- the edges, 26 filled cells, the change in the positive colour (its words
-- "前年比" are left out here: chart_kpi_row shows them).
local sumi = require "sumi"
local chart = require "sumi.chart"
local c = sumi.canvas.png(nil, {width = 720, height = 300})
chart.pie({{k = "米国", v = 150}, {k = "中国", v = 71}, {k = "英国", v = 12}, {k = "その他", v = 38}},
  {label = "k", value = "v", donut = 0.5, source = false})
  :draw(c, {x = 0, y = 0, width = 300, height = 300})
chart.part({71, 271}, {source = false}):draw(c, {x = 300, y = 0, width = 210, height = 300})
chart.kpi({value = 71, unit = "社", label = "中国のAIユニコーン企業", change = 0.183, change_label = false})
  :draw(c, {x = 510, y = 0, width = 210, height = 300})
