-- legend = "end": each series' name at the end of its line, in its
-- colour; three lines ending close together are pushed apart (thin lines
-- join a moved name to its line's end), all inside the chart's box.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {}
for m = 1, 12 do
  rows[m] = {month = ("2025-%02d"):format(m), east = 100 + m * 5, west = 101 + m * 4.9, north = 99 + m * 5.1,
             south = 70 + m * 2}
end
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.line(rows, {x = "month", y = {"east", "west", "north", "south"},
  names = {"東日本", "西日本", "北日本", "南日本"}, legend = "end", title = "地域別売上", source = false}):draw(c)
