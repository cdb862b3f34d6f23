-- Legends: a row of swatches and names, wrapped into as many rows as the
-- width needs. Charts put it outside the plot, so it never covers a mark.
local base = require "sumi.internal.marks.base"

local legend = {}

local function item_width(list, item, style, swatch)
  local w = list:measure(item.label, style)
  return swatch + 4 + w
end

local function rows(list, width, items, theme)
  local style = {size = theme.sizes.legend, font = theme.font, color = theme.ink}
  local swatch = theme.sizes.legend * 1.4
  local result, row, x = {}, {}, 0
  for _, item in ipairs(items) do
    local w = item_width(list, item, style, swatch)
    if #row > 0 and x + w > width then
      result[#result + 1] = row
      row, x = {}, 0
    end
    row[#row + 1] = {item = item, x = x, width = w}
    x = x + w + theme.sizes.legend * 1.5
  end
  if #row > 0 then result[#result + 1] = row end
  return result, style, swatch
end

--- legend.height(list, width, items, theme) -> the height the legend takes.
function legend.height(list, width, items, theme)
  local r = rows(list, width, items, theme)
  return #r * theme.sizes.legend * 1.6
end

--- legend.width(list, width, items, theme) -> the width of its widest row.
function legend.width(list, width, items, theme)
  local widest = 0
  for _, row in ipairs((rows(list, width, items, theme))) do
    local last = row[#row]
    widest = math.max(widest, last.x + last.width)
  end
  return widest
end

--- legend.add(list, box, items, theme) -> label boxes. items: {label,
--- color, kind = "rect" | "line" | "marker", dash, shape (a marker's:
--- see sumi.internal.marks.base.marker)}; box: {x, y, width}.
function legend.add(list, box, items, theme)
  local r, style, swatch = rows(list, box.width, items, theme)
  local line_h = theme.sizes.legend * 1.6
  local boxes = {}
  for i, row in ipairs(r) do
    local cy = box.y + (i - 0.5) * line_h
    for _, cell in ipairs(row) do
      local x = box.x + cell.x
      local item = cell.item
      if item.kind == "marker" then
        base.marker(list, item.shape or "circle", x + swatch / 2, cy,
          theme.sizes.legend * 0.4, item.color)
      elseif item.kind == "line" then
        list:line({x, cy, x + swatch, cy}, {color = item.color, width = theme.line_width,
          dash = item.dash or nil})
      else
        local s = theme.sizes.legend * 0.8
        list:rect(x + (swatch - s) / 2, cy - s / 2, s, s, item.color)
      end
      boxes[#boxes + 1] = list:text(item.label, x + swatch + 4, cy,
        {size = style.size, font = style.font, color = style.color, anchor = "left"})
    end
  end
  return boxes
end

return legend
