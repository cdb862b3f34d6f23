-- The sumi library as a report script sees it: `local sumi = require "sumi"`.
local runtime = require "sumi.runtime"

local sumi = {
  canvas = require "sumi.canvas",
  text = require "sumi.text",
  data = require "sumi.data",
  fonts = require "sumi.fonts",
  format = require "sumi.format",
  stats = require "sumi.stats",
  template = require "sumi.template",
  chart = require "sumi.chart",
  theme = require "sumi.theme",
  version = "0.1.0",
}

--- Parameters given with `sumi render -p key=value` (strings).
sumi.params = runtime.params()

--- Millimetres to points: sumi.mm(210) is the width of A4 in points.
sumi.mm = sumi.canvas.mm

--- The report's date as seconds since 1970: SOURCE_DATE_EPOCH when set (so
--- reruns give identical files), else the current time.
sumi.epoch = runtime.epoch

--- Writes a warning on stderr with the caller's file:line.
sumi.warn = runtime.warn

return sumi
