-- Bars on a log value axis (y_log): powers of ten written each in its own
-- unit (1万, 10万, 100万, ...), every bar from the axis' lower end, and a
-- target line with its label, the axis widened to reach it.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {{k = "東京", v = 12762223}, {k = "大阪", v = 520000}, {k = "名古屋", v = 31000},
              {k = "福岡", v = 4800}}
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.bar(rows, {x = "k", y = "v", y_log = true, unit = "台", y_title = "販売台数", target = 2e7,
  title = "都市別の販売台数", source = false}):draw(c)
