-- STAND-IN for case (b) until the numeric-x chart.line is merged (see
-- line.lua): the same line drawn with sumi.path.series and the canvas
-- directly, with a title and no axes, as bench/floor/line.c draws it.
-- -p decimate=false draws every point, -p decimate=lttb uses sumi.path's
-- other decimator; -p n=N points (default 1,000,000).
local sumi = require "sumi"
local path = require "sumi.path"
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
local lo, hi = math.huge, -math.huge
for _, y in ipairs(ds:column("v")) do
  if y < lo then lo = y end
  if y > hi then hi = y end
end

local function draw(c)
  c:paint("white")
  c:text("1,000,000点の折れ線", 29, 29, {size = 24, weight = "bold", color = "#222222"})
  path.series(c, ds:view("t"), ds:view("v"), {
    x = {domain = {1, n}, range = {60, 690}},
    y = {domain = {lo, hi}, range = {370, 90}},
    decimate = decimate,
  })
  c:stroke{color = "#2e5e8a", width = 3, join = "round", cap = "round"}
  c:close()
end

local png = sumi.canvas.png("line.png", {width = 1920, height = 1080})
png:scale(192 / 72)
draw(png)
draw(sumi.canvas.pdf("line.pdf", {width = 720, height = 405}))
