-- The slides theme (large type for a 16:9 slide, laid out at 720 x 405 pt)
-- drawn at half size; bars coloured by a column, labels that see the row.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {
  {name = "AI特許出願", share = 0.60, kind = "公表された概数"},
  {name = "大規模AIモデル", share = 1509 / 3755, kind = "件数から算出"},
  {name = "AIユニコーン企業", share = 71 / 271, kind = "件数から算出"},
}
local c = sumi.canvas.png(nil, {width = 360, height = 203})
c:scale(0.5)
chart.bar(rows, {x = "name", y = "share", color = "kind", theme = "slides", orientation = "horizontal",
  title = "世界に占める中国のシェア", y_format = "pct", source = "WAIC 2025",
  value_labels = function(v, row)
    return sumi.template.fill(row.kind == "公表された概数" and "約{v:pct0}" or "{v:pct1}", {v = v})
  end}):draw(c, {x = 0, y = 0, width = 720, height = 405})
