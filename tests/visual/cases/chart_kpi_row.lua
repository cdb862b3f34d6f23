-- A row of KPI tiles (chart.kpis): every figure at one size, the largest
-- at which 12,762,223台 fits its tile, the figures level; 目標達成率 on
-- one line; the change lines coloured by sign with their words (前年比).
local sumi = require "sumi"
local chart = require "sumi.chart"
local c = sumi.canvas.png(nil, {width = 480, height = 120})
chart.kpis({
  {value = 12762223, unit = "台", label = "販売台数", change = 0.074},
  {value = 0.074, format = "pct1", label = "伸び率", change = 0.012},
  {value = 1.02, format = "pct1", label = "目標達成率", change = -0.031},
}, {gap = 8}):draw(c)
