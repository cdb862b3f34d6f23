-- A part of a whole: a waffle (a grid of cells, the first `filled` of them
-- coloured, in reading order) or a single bar filled to the share.
-- mark(list, plot, data, opts) with data = {part, whole, filled, cells}
-- and opts = {theme, style ("waffle" | "bar"), caption (text)}. Returns the
-- caption's box.
local base = require "sumi.internal.marks.base"

local function part(list, plot, data, opts)
  local theme = opts.theme
  local style = {size = theme.sizes.label, font = theme.font, color = theme.ink, features = "tnum",
                 anchor = "top"}
  local _, caption_h = list:measure(opts.caption, style)
  local cx = plot.x + plot.width / 2
  local fill, empty = base.color(opts, 1), theme.grid.color
  local bottom
  if opts.style == "waffle" then
    local columns = math.ceil(math.sqrt(data.cells))
    local rows = math.ceil(data.cells / columns)
    local side = math.min(plot.width, plot.height - caption_h - theme.gap)
    local step = math.max(side, 0) / math.max(columns, rows)
    local x0 = cx - step * columns / 2
    local inset = math.min(1, step * 0.12)
    for k = 1, data.cells do
      local row, col = (k - 1) // columns, (k - 1) % columns
      list:rect(x0 + col * step + inset / 2, plot.y + row * step + inset / 2, step - inset, step - inset,
        k <= data.filled and fill or empty)
    end
    bottom = plot.y + rows * step
  else
    local h = math.min(theme.sizes.label * 2, math.max(plot.height - caption_h - theme.gap, 0))
    list:rect(plot.x, plot.y, plot.width, h, empty)
    list:rect(plot.x, plot.y, plot.width * data.part / data.whole, h, fill)
    bottom = plot.y + h
  end
  return list:text(opts.caption, cx, bottom + theme.gap, style)
end

return part
