-- The sumi library as a report script sees it: `local sumi = require "sumi"`.
local runtime = require "sumi.runtime"

local sumi = {
  canvas = require "sumi.canvas",
  text = require "sumi.text",
  version = "0.1.0",
}

-- The other modules load on first use (sumi.chart pulls in scales, axes,
-- legends, marks and themes): a script that only draws text does not pay
-- for them at start-up.
local lazy = {
  data = "sumi.data", fonts = "sumi.fonts", format = "sumi.format", stats = "sumi.stats",
  template = "sumi.template", chart = "sumi.chart", theme = "sumi.theme",
  document = "sumi.document", locale = "sumi.locale", date = "sumi.date",
}
setmetatable(sumi, {
  __index = function(t, key)
    local name = lazy[key]
    if name == nil then return nil end
    local module = require(name)
    rawset(t, key, module)
    return module
  end,
})

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
