-- Legends: a row of swatches and names, wrapped into as many rows as the
-- width needs. Charts put it outside the plot, so it never covers a mark.
local base = require "sumi.internal.marks.base"
local errors = require "sumi.internal.errors"
local options = require "sumi.internal.options"

local legend = {}

local show = errors.show

-- The arguments every function here takes, checked at the script's line:
-- a drawing list (what chart:compose returns), the width there is, the
-- items and a theme table.
local function check(fn, list, width, items, theme)
  if type(list) ~= "table" or type(list.measure) ~= "function" or type(list.text) ~= "function" then
    errors.raise("%s: list must be a drawing list (what chart:compose returns); got %s", fn, show(list))
  end
  if type(width) ~= "number" or width ~= width then
    errors.raise("%s: the width must be a number; got %s", fn, show(width))
  end
  if type(items) ~= "table" then
    errors.raise("%s: items must be a list of items; got %s", fn, show(items))
  end
  for i = 1, #items do
    local item = items[i]
    if type(item) ~= "table" then errors.raise("%s: items[%d] must be a table; got %s", fn, i, show(item)) end
    if type(item.label) ~= "string" and type(item.label) ~= "number" then
      errors.raise("%s: items[%d].label must be a string; got %s", fn, i, show(item.label))
    end
    if item.kind ~= nil then
      options.one_of(fn, ("items[%d].kind"):format(i), item.kind, {"rect", "line", "marker"})
    end
  end
  if type(theme) ~= "table" or type(theme.sizes) ~= "table" then
    errors.raise("%s: theme must be a theme table (sumi.theme); got %s", fn, show(theme))
  end
end

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
  check("legend.height", list, width, items, theme)
  local r = rows(list, width, items, theme)
  return #r * theme.sizes.legend * 1.6
end

--- legend.width(list, width, items, theme) -> the width of its widest row.
function legend.width(list, width, items, theme)
  check("legend.width", list, width, items, theme)
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
  if type(box) ~= "table" or type(box.x) ~= "number" or type(box.y) ~= "number" then
    errors.raise("legend.add: box must be a table {x, y, width} of numbers; got %s", show(box))
  end
  check("legend.add", list, box.width, items, theme)
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
