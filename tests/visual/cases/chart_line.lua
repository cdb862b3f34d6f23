-- A line chart of two series with markers, a gap where a value is missing,
-- and the legend above the plot. The years are categories here (x_scale):
-- numbers along x otherwise make a linear axis (see chart_line_dates).
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {
  {year = 2019, cn = 2.1e11, us = 3.3e11}, {year = 2020, cn = 2.6e11, us = 3.6e11},
  {year = 2021, cn = 3.4e11}, {year = 2022, cn = 4.5e11, us = 4.9e11},
  {year = 2023, cn = 5.8e11, us = 5.6e11}, {year = 2024, cn = 7e11, us = 6.4e11},
}
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.line(rows, {x = "year", x_scale = "category", y = {"cn", "us"}, names = {"中国", "米国"}, markers = true,
  title = "AI産業の規模", y_title = "規模", unit = "元", source = "業界推計（例示）"}):draw(c)
