-- y_domain fixes the value axis at 0-50: the bar of 100 and the line's
-- peak stop at the plot's top edge instead of running over the title.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {{k = "1月", v = 100, w = 20}, {k = "2月", v = 30, w = 90}, {k = "3月", v = 40, w = 35}}
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.combo(rows, {x = "k", bars = "v", lines = "w", y_domain = {0, 50}, title = "上限50で切る",
  source = false}):draw(c)
