-- Case (b): a line of n points (default 1,000,000) through chart.line with
-- a numeric x column, drawn by the C decimator (sumi.path.series), to a
-- 1920x1080 PNG and a PDF. -p decimate=false draws every point,
-- -p decimate=lttb uses the other decimator; -p n=N points.
local sumi = require "sumi"
local chart = require "sumi.chart"
local data = require "data"
local params = sumi.params or {}
local decimate = ({["false"] = false, lttb = "lttb"})[params.decimate or ""]
if decimate == nil then decimate = "minmax" end
local n = tonumber(params.n or "1000000")

local ds
do -- the Lua arrays are garbage once the dataset holds the numbers
  local t, v = data.line_columns(n)
  ds = sumi.data.from_columns({"t", "v"}, {t = t, v = v})
end
local c = chart.line(ds, {x = "t", y = "v", title = "1,000,000点の折れ線", theme = "slides",
  source = false, decimate = decimate})
c:save("line.png", {preset = "slides"})
c:save("line.pdf", {preset = "slides"})
