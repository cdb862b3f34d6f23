-- Stacked areas over month categories in the mono theme: grey bands told
-- apart by the dash of their edges as well, and the legend above.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {}
local a = {12, 14, 15, 17, 18, 21, 22, 24, 25, 27, 30, 33}
for m = 1, 12 do rows[m] = {m = m .. "月", a = a[m], b = 10 + m % 3, c = 6 + m / 2} end
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.area(rows, {x = "m", y = {"a", "b", "c"}, names = {"クラウド", "端末", "その他"}, theme = "mono",
  title = "売上の内訳", y_title = "売上", unit = "億円", source = false}):draw(c)
