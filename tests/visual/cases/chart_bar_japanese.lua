-- A bar chart with long Japanese category labels: they wrap inside their
-- bands, value labels sit on the bars, the source line comes from the data.
local sumi = require "sumi"
local chart = require "sumi.chart"
local ds = sumi.data.from_rows({
  {name = "大規模AIモデル", share = 0.402}, {name = "AIユニコーン企業", share = 0.262},
  {name = "AI特許出願（概数）", share = 0.60}, {name = "AI関連企業（概数）", share = 0.15},
}, {order = {"name", "share"}, source = "WAIC 2025 / CAICT"})
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.bar(ds, {x = "name", y = "share", title = "世界に占める中国のシェア", value_labels = "pct1",
  y_format = "pct0"}):draw(c)
