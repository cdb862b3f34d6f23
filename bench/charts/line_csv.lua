-- Case (b) as an analyst's data arrives: the same 1,000,000 points read
-- from line.csv (written by charts.sh before timing), then chart.line.
local sumi = require "sumi"
local chart = require "sumi.chart"
local ds = sumi.data.read_csv("line.csv")
local c = chart.line(ds, {x = "t", y = "v", title = "1,000,000点の折れ線", theme = "slides", source = false})
c:save("line.png", {preset = "slides"})
c:save("line.pdf", {preset = "slides"})
