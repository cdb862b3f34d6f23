-- Case (a): one bar chart to a 1920x1080 PNG and to a PDF, in one process.
-- -p stage=empty|fonts|layout|draw|full (default full, through chart:save)
-- stops after a stage, for the time split in bench/charts.sh.
local sumi = require "sumi"
local chart = require "sumi.chart"
local data = require "data"
local stage = (sumi.params or {}).stage or "full"

local function rows()
  local r = {}
  for k, name in ipairs(data.regions) do r[k] = {region = name, models = data.counts[k]} end
  return r
end

if stage == "empty" then return end
if stage == "fonts" then
  local c = sumi.canvas.png("bar.png", {width = 16, height = 16})
  c:measure_text("地域", {size = 14})
  c:discard()
  return
end
local c = chart.bar(rows(), data.bar_options)
if stage == "full" then
  c:save("bar.png", {preset = "slides"})
  c:save("bar.pdf", {preset = "slides"})
  return
end
-- The same as chart:save's "slides" preset, stopping early.
local png = sumi.canvas.png("bar.png", {width = 1920, height = 1080})
png:scale(192 / 72)
local pdf = sumi.canvas.pdf("bar.pdf", {width = 720, height = 405})
pdf:paint("white")
local box = {x = 0, y = 0, width = 720, height = 405}
if stage == "layout" then
  c:layout(png, box)
  c:layout(pdf, box)
else
  c:draw(png, box)
  c:draw(pdf, box)
end
png:discard()
pdf:discard()
