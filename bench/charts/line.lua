-- Case (b) as it is meant to run: a line of 1,000,000 points through
-- chart.line with a numeric x column, drawn by the C decimator
-- (sumi.path.series). -p decimate=false draws every point.
-- NOTE: needs the numeric-x chart.line (another branch); until it is
-- merged, bench/charts.sh measures line_standin.lua instead.
local sumi = require "sumi"
local chart = require "sumi.chart"
local data = require "data"
local decimate = (sumi.params or {}).decimate ~= "false"

local ds
do -- the Lua arrays are garbage once the dataset holds the numbers
  local t, v = data.line_columns(1000000)
  ds = sumi.data.from_columns({"t", "v"}, {t = t, v = v})
end
local c = chart.line(ds, {x = "t", y = "v", title = "1,000,000点の折れ線", theme = "slides",
  source = false, decimate = decimate})
c:save("line.png", {preset = "slides"})
c:save("line.pdf", {preset = "slides"})
