-- Annotations in the colour-blind-safe theme: a band under the bars, a
-- reference line, a note and an arrow over them on a knock-out.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {{year = "2021", size = 4300}, {year = "2022", size = 5100}, {year = "2023", size = 5800},
              {year = "2024", size = 7000}}
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.bar(rows, {x = "year", y = "size", y_title = "産業規模", unit = "億元", theme = "colorblind",
  title = "注釈", source = false, annotations = {
    {kind = "band", x = {"2024", "2024"}, label = "速報値"},
    {kind = "line", y = 6000, label = "目標"},
    {kind = "text", x = "2021", y = 4300, text = "基準年"},
    {kind = "arrow", x = "2024", y = 7000, text = "過去最高", dx = -60, dy = 10},
  }}):draw(c)
