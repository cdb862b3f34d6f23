-- The legend below the plot (centred under the category labels) and at
-- the right of it (a column, one name a row, a long name wrapped between
-- its words): never over a mark, inside the chart's box.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {
  {q = "4月", east = 120, west = 95, north = 60}, {q = "5月", east = 132, west = 101, north = 64},
  {q = "6月", east = 128, west = 110, north = 71},
}
local c = sumi.canvas.png(nil, {width = 480, height = 200})
chart.bar(rows, {x = "q", y = {"east", "west", "north"}, names = {"東日本", "西日本", "北日本"},
  legend = "bottom", title = "地域別売上", source = false}):draw(c, {x = 0, y = 0, width = 240, height = 200})
chart.line(rows, {x = "q", y = {"east", "west", "north"}, names = {"東日本", "西日本", "北海道・東北地方"},
  legend = "right", markers = true, title = "地域別売上", source = false})
  :draw(c, {x = 240, y = 0, width = 240, height = 200})
