-- What every mark shares. A mark is a function with one signature:
--
--   mark(list, plot, data, opts)
--
-- list: a drawing list (sumi.internal.drawing) the mark adds to; plot: the plot box
-- {x, y, width, height}; data: {categories = {...}, series = {{name =,
-- values = {..., n =}}, ...}}; opts: the scales and theme the chart chose.
local base = {}

--- base.color(opts, i) -> the colour of series i.
function base.color(opts, i)
  local palette = opts.theme.palette
  return palette[(i - 1) % #palette + 1]
end

--- base.dash(opts, i) -> the dash pattern of series i (mono theme), or nil.
function base.dash(opts, i)
  local dashes = opts.theme.dashes
  if not dashes then return nil end
  return dashes[(i - 1) % #dashes + 1] or nil
end

--- base.value_label(list, text, x, y, anchor, opts) -> box: a value label.
function base.value_label(list, text, x, y, anchor, opts)
  local theme = opts.theme
  return list:text(text, x, y, {size = theme.sizes.value, font = theme.font, color = theme.ink,
    anchor = anchor, features = "tnum", weight = theme.value_weight})
end

-- Marker shapes for series told apart without colour (the mono theme):
-- each as points around (0, 0) for a radius of 1, the same area as the
-- circle roughly, so no shape looks heavier than another.
local shapes = {
  square = {-0.89, -0.89, 0.89, -0.89, 0.89, 0.89, -0.89, 0.89},
  triangle = {0, -1.3, 1.15, 0.7, -1.15, 0.7},
  diamond = {0, -1.25, 1.25, 0, 0, 1.25, -1.25, 0},
  cross = {-0.35, -1.1, 0.35, -1.1, 0.35, -0.35, 1.1, -0.35, 1.1, 0.35, 0.35, 0.35, 0.35, 1.1,
           -0.35, 1.1, -0.35, 0.35, -1.1, 0.35, -1.1, -0.35, -0.35, -0.35},
}

--- base.clipped(list, plot, options, fn): fn() adds marks to list; when
--- the script fixed the value axis' range (y_domain, y2_domain), what they
--- draw is clipped to the plot, so a bar or line past that range stops at
--- the plot's edge instead of running over the title or off the chart.
function base.clipped(list, plot, options, fn)
  if not (options.y_domain or options.y2_domain) then return fn() end
  list:paint(function(c)
    c:save()
    c:rect(plot.x, plot.y, plot.width, plot.height)
    c:clip()
  end)
  local result = fn()
  list:paint(function(c) c:restore() end)
  return result
end

--- base.shapes: the marker shapes in the order series get them.
base.shapes = {"circle", "square", "triangle", "diamond", "cross"}

--- base.marker(list, shape, x, y, r, fill [, stroke]): a marker of radius r.
function base.marker(list, shape, x, y, r, fill, stroke)
  local unit = shapes[shape]
  if not unit then
    list:circle(x, y, r, fill, stroke)
    return
  end
  local points = {}
  for i = 1, #unit, 2 do
    points[i], points[i + 1] = x + unit[i] * r, y + unit[i + 1] * r
  end
  list:polygon(points, fill, stroke)
end

return base
