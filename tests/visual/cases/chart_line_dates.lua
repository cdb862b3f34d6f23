-- A line chart over dates: a time axis with Japanese month labels (the
-- year written where it begins), two series, a gap where values are
-- missing, the lines drawn by sumi.path.series.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {}
for w = 0, 51 do
  local day = 20089 + 7 * w -- weekly from 2025-01-01
  local date = sumi.format.date_iso(day * 86400)
  local a = 50 + 20 * math.sin(w / 8)
  local b = 40 + w * 0.6
  if w >= 20 and w <= 23 then b = nil end -- four weeks without figures: a gap
  rows[#rows + 1] = {week = date, a = a, b = b}
end
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.line(rows, {x = "week", y = {"a", "b"}, names = {"受注", "出荷"}, title = "週次の受注と出荷",
  y_title = "件数", source = "社内データ（例示）"}):draw(c)
