-- Legends: swatches and names, in rows wrapped into as many rows as the
-- width needs (a legend above or below the plot), or in one column, an
-- item a row (a legend at the right of the plot), each name wrapped
-- between its words to the column's width. Charts put it outside the
-- plot, so it never covers a mark.
local base = require "sumi.internal.marks.base"
local errors = require "sumi.internal.errors"
local options = require "sumi.internal.options"

local legend = {}

local show = errors.show

-- The options every function here takes last.
local layout_spec = {
  direction = {default = "row", one_of = {"row", "column"}},
  align = {default = "left", one_of = {"left", "center"}},
}

-- The arguments every function here takes, checked at the script's line:
-- a drawing list (what chart:compose returns), the width there is, the
-- items, a theme table and the layout options.
local function check(fn, list, width, items, theme, opts)
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
  return options.check(fn, opts, layout_spec)
end

-- The rows of the legend: {cells = {{item, x, width, text_width}}, width,
-- height}, and the text style and the swatch's width. A row of a column
-- legend holds one item, its name wrapped to the width left after the
-- swatch.
local function rows(list, width, items, theme, o)
  local style = {size = theme.sizes.legend, font = theme.font, color = theme.ink}
  local swatch = theme.sizes.legend * 1.4
  local line_h = theme.sizes.legend * 1.6
  local result, row, x = {}, nil, 0
  local function finish()
    if row and #row.cells > 0 then
      local last = row.cells[#row.cells]
      row.width = last.x + last.width
      result[#result + 1] = row
    end
    row, x = {cells = {}, height = line_h}, 0
  end
  finish()
  for _, item in ipairs(items) do
    local label = tostring(item.label)
    if o.direction == "column" then
      local room = math.max(1, width - swatch - 4)
      local w, h, m = list:measure(label, {size = style.size, font = style.font, width = room,
        wrap = "word-char", keep_words = true})
      row.cells[1] = {item = item, x = 0, width = swatch + 4 + math.min(w, room), text_width = room,
                      first_line = h / math.max(1, m.lines), text_height = h}
      row.height = math.max(line_h, h + theme.sizes.legend * 0.6)
      finish()
    else
      local w = swatch + 4 + list:measure(label, style)
      if #row.cells > 0 and x + w > width then finish() end
      row.cells[#row.cells + 1] = {item = item, x = x, width = w}
      x = x + w + theme.sizes.legend * 1.5
    end
  end
  finish()
  return result, style, swatch
end

--- legend.height(list, width, items, theme [, options]) -> the height the
--- legend takes. options: direction ("row": rows wrapped at the width, or
--- "column": one item a row), align ("left" or "center": each row centred
--- in the width).
function legend.height(list, width, items, theme, opts)
  local o = check("legend.height", list, width, items, theme, opts)
  local total = 0
  for _, row in ipairs((rows(list, width, items, theme, o))) do total = total + row.height end
  return total
end

--- legend.width(list, width, items, theme [, options]) -> the width of its
--- widest row.
function legend.width(list, width, items, theme, opts)
  local o = check("legend.width", list, width, items, theme, opts)
  local widest = 0
  for _, row in ipairs((rows(list, width, items, theme, o))) do widest = math.max(widest, row.width) end
  return widest
end

--- legend.add(list, box, items, theme [, options]) -> label boxes. items:
--- {label, color, kind = "rect" | "line" | "marker", dash, shape (a
--- marker's: see sumi.internal.marks.base.marker)}; box: {x, y, width}.
function legend.add(list, box, items, theme, opts)
  if type(box) ~= "table" or type(box.x) ~= "number" or type(box.y) ~= "number" then
    errors.raise("legend.add: box must be a table {x, y, width} of numbers; got %s", show(box))
  end
  local o = check("legend.add", list, box.width, items, theme, opts)
  local r, style, swatch = rows(list, box.width, items, theme, o)
  local boxes = {}
  local top = box.y
  for _, row in ipairs(r) do
    local cy = top + row.height / 2
    local shift = o.align == "center" and math.max(0, (box.width - row.width) / 2) or 0
    for _, cell in ipairs(row.cells) do
      local x = box.x + shift + cell.x
      local item = cell.item
      -- a wrapped name's swatch stands by its first line
      local sy = cy
      if cell.text_width then sy = cy - cell.text_height / 2 + cell.first_line / 2 end
      if item.kind == "marker" then
        base.marker(list, item.shape or "circle", x + swatch / 2, sy, theme.sizes.legend * 0.4, item.color)
      elseif item.kind == "line" then
        list:line({x, sy, x + swatch, sy}, {color = item.color, width = theme.line_width,
          dash = item.dash or nil})
      else
        local s = theme.sizes.legend * 0.8
        list:rect(x + (swatch - s) / 2, sy - s / 2, s, s, item.color)
      end
      local text_opts = {size = style.size, font = style.font, color = style.color, anchor = "left"}
      if cell.text_width then
        text_opts.width, text_opts.wrap, text_opts.keep_words = cell.text_width, "word-char", true
      end
      boxes[#boxes + 1] = list:text(tostring(item.label), x + swatch + 4, cy, text_opts)
    end
    top = top + row.height
  end
  return boxes
end

return legend
