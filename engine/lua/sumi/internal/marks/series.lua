-- Lines over a continuous x, built in C: each series is one drawing-list
-- item that calls sumi.path.series at draw time with the columns (views,
-- read in place) and both scales, so a 1,000,000-point column costs one
-- call and is decimated to what the device can show.
-- mark(list, plot, data, opts) with data = {x = {values}, series = {{values}},
-- n} and opts = {x, value (scales), theme, decimate ("minmax" | "lttb" |
-- false), markers, few (true when the points are few enough to look at one
-- by one in Lua: lone points between gaps are then marked)}; on a log
-- value axis (opts.value.log) each series draws its log_values. After
-- list:draw(), list.path_points holds the points the paths kept and
-- list.path_filled whether the last line was filled as its stroke's area
-- (tests check the decimation with them).
local base = require "sumi.internal.marks.base"
local path = require "sumi.path"
local scale = require "sumi.scale"

-- The x value of row i as a number: a date view gives "YYYY-MM-DD" strings.
local function x_at(xs, i)
  local v = xs[i]
  if type(v) == "string" then v = scale.date_days(v) end
  return v
end

local function series(list, _, data, opts)
  local theme, xs, ys = opts.theme, opts.x, opts.value
  local x_lo, x_hi = xs:domain()
  local y_lo, y_hi = ys:domain()
  -- a log value axis: the series hold their logarithms (log_values), mapped linearly
  if ys.log then y_lo, y_hi = math.log(y_lo, 10), math.log(y_hi, 10) end
  local spec = {x = {domain = {x_lo, x_hi}, range = {xs.range[1], xs.range[2]}},
                y = {domain = {y_lo, y_hi}, range = {ys.range[1], ys.range[2]}},
                decimate = opts.decimate}
  for k, s in ipairs(data.series) do
    local color = base.color(opts, k)
    local stroke = {color = color, width = theme.line_width, join = "round", cap = "round",
                    dash = base.dash(opts, k)}
    -- a solid line's stroke may come back as the area it covers (dense
    -- lines: far faster to fill than to stroke); a dashed one is stroked
    local line_spec = spec
    if not stroke.dash then
      line_spec = {x = spec.x, y = spec.y, decimate = spec.decimate, stroke_width = theme.line_width}
    end
    list:paint(function(c)
      c:new_path()
      local kept, filled = path.series(c, data.x.values, ys.log and s.log_values or s.values, line_spec)
      if filled then c:fill(color) else c:stroke(stroke) end
      list.path_points = (list.path_points or 0) + kept
      list.path_filled = filled
    end)
    if opts.few then
      -- a point between two gaps makes no line: it is marked, or it would vanish
      for i = 1, data.n do
        local x, v = x_at(data.x.values, i), s.values[i]
        if x ~= nil and v ~= nil then
          local alone = (i == 1 or s.values[i - 1] == nil or data.x.values[i - 1] == nil) and
                        (i == data.n or s.values[i + 1] == nil or data.x.values[i + 1] == nil)
          if opts.markers then
            list:circle(xs:map(x), ys:map(v), theme.marker_size, color,
              {color = "white", width = theme.line_width / 2})
          elseif alone then
            list:circle(xs:map(x), ys:map(v), theme.marker_size, color)
          end
        end
      end
    end
  end
  return {}
end

return series
