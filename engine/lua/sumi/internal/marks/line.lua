-- Lines: one polyline per series through the category (or x) positions,
-- broken where a value is missing, with optional markers.
-- mark(list, plot, data, opts) with opts = {x (function(i) -> position),
-- value (a numeric scale), markers, theme, first_color (1: the palette
-- entry of the first series)}.
local base = require "sumi.internal.marks.base"

local function line(list, _, data, opts)
  local theme = opts.theme
  for k, series in ipairs(data.series) do
    local index = k + (opts.first_color or 1) - 1 -- after a combination chart's bars
    local color, dash = base.color(opts, index), base.dash(opts, index)
    local stroke = {color = color, width = theme.line_width, join = "round", cap = "round", dash = dash}
    local run, singles = {}, {}
    local function finish()
      if #run >= 4 then
        list:line(run, stroke)
      elseif #run == 2 then
        singles[#singles + 1] = run -- a lone point between gaps: always marked
      end
      run = {}
    end
    local n = series.values.n or #series.values
    for i = 1, n do
      local v = series.values[i]
      if v == nil then
        finish()
      else
        run[#run + 1] = opts.x(i)
        run[#run + 1] = opts.value:map(v)
      end
    end
    finish()
    for i = 1, n do
      local v = series.values[i]
      if v ~= nil and opts.markers then
        list:circle(opts.x(i), opts.value:map(v), theme.marker_size, color,
          {color = "white", width = theme.line_width / 2})
      end
    end
    for _, p in ipairs(singles) do
      if not opts.markers then list:circle(p[1], p[2], theme.marker_size, color) end
    end
  end
  return {}
end

return line
