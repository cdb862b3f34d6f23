-- Bars and a line on a secondary axis: the bars' unit named once on the
-- left (億元), the line's percentages on the right, one legend.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {
  {year = "2021", size = 4.3e11, growth = 0.18}, {year = "2022", size = 5.1e11, growth = 0.186},
  {year = "2023", size = 5.8e11, growth = 0.137}, {year = "2024", size = 7.0e11, growth = 0.207},
}
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.combo(rows, {x = "year", bars = "size", lines = "growth", names = {"産業規模", "成長率"},
  y_title = "産業規模", unit = "元", y2_title = "成長率", y2_format = "pct", title = "中国AI産業の規模と成長率",
  source = "CAICT（例示）"}):draw(c)
