-- What every mark shares. A mark is a function with one signature:
--
--   mark(list, plot, data, opts)
--
-- list: a drawing list (sumi.drawing) the mark adds to; plot: the plot box
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

return base
