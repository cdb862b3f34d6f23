-- Annotations: what an analyst adds to a chart to make its point, given in
-- data terms (a value, a category), placed by the chart's own scales.
--
--   chart.bar(ds, {x = "year", y = "size", annotations = {
--     {kind = "line", y = 7000, label = "目標 7,000"},            -- a reference line
--     {kind = "band", x = {"2023", "2024"}, label = "予測"},       -- a shaded band
--     {kind = "text", x = "2021", y = 4300, text = "基準年"},     -- a note at a point
--     {kind = "arrow", x = "2024", y = 7000, text = "過去最高"},   -- a note with an arrow
--   }})
--
-- `y` is always the value axis and `x` the category (or continuous x)
-- axis, also in a horizontal bar chart where the values run across. A
-- line's or a band's `y` may name a column of the chart's data instead of
-- a number ({kind = "line", y = "target"}): its value, the same in every
-- row (or the one in row `row`), is read when the chart is made
-- (annotate.resolve). Lines and bands on the value axis widen it to show
-- them (annotate.extent).
local errors = require "sumi.internal.errors"
local options = require "sumi.internal.options"

local annotate = {}

local kinds = {"line", "band", "text", "arrow"}

local annotation_spec = {
  kind = {default = false, one_of = kinds}, x = false, y = false,
  label = {default = false, type = "string|number"}, text = {default = false, type = "string"},
  dx = {default = false, type = "number"}, dy = {default = false, type = "number"},
  color = {default = false, type = "string"},
  row = {default = false, type = "integer", min = 1},
}

--- annotate.check(specs, fn) -> the specs, each checked: an unknown
--- kind or key, or a missing position, is an error naming the entry
--- ("chart.bar: option 'annotations[2].kind' must be one of ...").
function annotate.check(specs, fn)
  if type(specs) ~= "table" then options.fail(fn, "annotations", "a list of annotations", specs) end
  local checked = {}
  for i, given in ipairs(specs) do
    local where = ("annotations[%d]"):format(i)
    local o = options.check(fn, given, annotation_spec, where)
    if o.kind == false then options.fail(fn, where .. ".kind", "one of " .. table.concat(kinds, ", "),
      o.kind) end
    local need_x = o.kind == "text" or o.kind == "arrow"
    local need_y = need_x
    if (o.kind == "line" or o.kind == "band") and not o.x and not o.y then
      errors.raise("%s: %s (%s) needs 'y' (a value) or 'x' (a category or x value)", fn, where, o.kind)
    end
    if (need_x and o.x == false) or (need_y and o.y == false) then
      errors.raise("%s: %s (%s) needs both 'x' and 'y'", fn, where, o.kind)
    end
    if o.kind == "band" then
      local range = o.x or o.y
      if type(range) ~= "table" or range[1] == nil or range[2] == nil then
        errors.raise("%s: %s (band): 'x' or 'y' must be a pair {from, to}", fn, where)
      end
    end
    if (o.kind == "text" or o.kind == "arrow") and type(o.text) ~= "string" then
      errors.raise("%s: %s (%s) needs 'text' (a string)", fn, where, o.kind)
    end
    checked[i] = o
  end
  return checked
end

local function finite(v) return type(v) == "number" and v == v and v ~= math.huge and v ~= -math.huge end

--- annotate.column_value(data, name, row, where, fn) -> the number column
--- `name` of data (a dataset or an array of records) holds: the one in row
--- `row`, or, with row nil, the one value every row holding a value has.
--- Errors name fn, the option (where), the column and the row.
function annotate.column_value(data, name, row, where, fn)
  local values, n
  if type(data) == "userdata" then
    local names, found = data:names(), false
    for _, c in ipairs(names) do found = found or c == name end
    if not found then
      errors.raise("%s: option '%s' names no column '%s' (columns: %s)", fn, where, name,
        table.concat(names, ", "))
    end
    values, n = data:column(name)
  elseif type(data) == "table" then
    values, n = {}, #data
    local found = false
    for i, r in ipairs(data) do
      if type(r) == "table" and r[name] ~= nil then values[i], found = r[name], true end
    end
    if not found then errors.raise("%s: option '%s' names no field '%s' of the rows", fn, where, name) end
  else
    errors.raise("%s: option '%s' names column '%s', but the chart has no data to read it from", fn, where,
      name)
  end
  if row then
    if row > n then
      errors.raise("%s: option '%s': row %d of '%s' does not exist (the data has %d rows)", fn, where, row,
        name, n)
    end
    local v = values[row]
    if not finite(v) then
      errors.raise("%s: option '%s': row %d of '%s' is not a finite number (%s)", fn, where, row, name,
        errors.show(v))
    end
    return v
  end
  local first, first_i
  for i = 1, n do
    local v = values[i]
    if v ~= nil then
      if not finite(v) then
        errors.raise("%s: option '%s': row %d of '%s' is not a finite number (%s)", fn, where, i, name,
          errors.show(v))
      end
      if first == nil then
        first, first_i = v, i
      elseif v ~= first then
        errors.raise("%s: option '%s': column '%s' holds more than one value (row %d: %s, row %d: %s); "
          .. "give a row to read one of them", fn, where, name, first_i, tostring(first), i, tostring(v))
      end
    end
  end
  if first == nil then errors.raise("%s: option '%s': column '%s' has no values", fn, where, name) end
  return first
end

local target_spec = {
  value = {default = false, type = "number|string"}, low = {default = false, type = "number|string"},
  high = {default = false, type = "number|string"}, row = {default = false, type = "integer", min = 1},
  label = {default = true, type = "string|number|boolean"}, color = {default = false, type = "string"},
}

--- annotate.target(given, column_value, fn) -> the annotation a chart's
--- `target` option makes: a line at a value (a number, a column's value,
--- {value = ..., label, color, row}) or a band ({low, high, ...}), its
--- label true (the chart writes "目標 1,200億円" in its language), false
--- or a text. column_value(name, row, where) reads a column.
function annotate.target(given, column_value, fn)
  local t
  if type(given) == "table" then
    t = options.check(fn, given, target_spec, "target")
  else
    t = {value = given, low = false, high = false, row = false, label = true, color = false}
  end
  if t.value ~= false and (t.low ~= false or t.high ~= false) then
    errors.raise("%s: option 'target' takes a value (a line) or low and high (a band), not both", fn)
  end
  if t.value == false and (t.low == false or t.high == false) then
    errors.raise("%s: option 'target' needs a value (a line) or both low and high (a band)", fn)
  end
  local function number(key)
    local v = t[key]
    local where = type(given) == "table" and "target." .. key or "target"
    if type(v) == "string" then v = column_value(v, t.row or nil, where) end
    if not finite(v) then options.fail(fn, where, "a finite number or the name of a column", v) end
    return v
  end
  local spec = {color = t.color or false, target = true, label = t.label, x = false}
  if t.value ~= false then
    spec.kind, spec.y = "line", number("value")
  else
    spec.kind, spec.y = "band", {number("low"), number("high")}
    if spec.y[1] > spec.y[2] then spec.y = {spec.y[2], spec.y[1]} end
  end
  return spec
end

--- annotate.resolve(specs, column_value, fn): the `y` of each line or
--- band that names a column (a string, or a pair of them) becomes the
--- number column_value(name, row, where) reads from the chart's data;
--- where names the option ("annotations[2].y").
function annotate.resolve(specs, column_value, fn)
  for i, o in ipairs(specs) do
    local where = ("annotations[%d].y"):format(i)
    if o.kind == "line" and type(o.y) == "string" then
      o.y = column_value(o.y, o.row or nil, where)
    elseif o.kind == "band" and type(o.y) == "table" then
      o.y = {o.y[1], o.y[2]} -- the script's table stays as it was, for its next chart
      for k = 1, 2 do
        if type(o.y[k]) == "string" then o.y[k] = column_value(o.y[k], o.row or nil, where) end
      end
    end
    if o.kind == "line" or o.kind == "band" then
      local ys = o.kind == "band" and o.y or {o.y}
      for k = 1, 2 do
        local v = ys[k]
        if v ~= nil and v ~= false and not finite(v) then
          options.fail(fn, where, "a finite number or the name of a column", v)
        end
      end
    else
      if o.row then
        errors.raise("%s: annotations[%d].row goes with a line's or a band's y naming a column", fn, i)
      end
      if type(o.y) ~= "number" or o.y ~= o.y or o.y == math.huge or o.y == -math.huge then
        options.fail(fn, where, "a finite number (a value on the value axis)", o.y)
      end
    end
  end
end

--- annotate.extent(specs, lo, hi [, log]) -> lo, hi widened to hold the
--- values of the lines and bands on the value axis (a target above every
--- bar still shows); on a log axis (log true) values <= 0 are left out.
function annotate.extent(specs, lo, hi, log)
  for _, o in ipairs(specs or {}) do
    if (o.kind == "line" or o.kind == "band") and o.y ~= false then
      local ys = o.kind == "band" and o.y or {o.y}
      for k = 1, #ys do
        local v = ys[k]
        if type(v) == "number" and (not log or v > 0) then lo, hi = math.min(lo, v), math.max(hi, v) end
      end
    end
  end
  return lo, hi
end

local with = options.with

-- A note's text on a knock-out of the background, so that it stays legible
-- over bars and gridlines.
local function note(list, text, x, y, style, theme)
  local box = list:text_box(text, x, y, style)
  local pad = 1.5
  list:rect(box.x - pad, box.y - pad / 2, box.width + 2 * pad, box.height + pad, theme.annotation.knockout)
  return list:text(text, x, y, style)
end

-- A point's page position: along the value axis and across it. A value or
-- category the scales cannot place (outside a band scale's domain) is nil.
local function place(scales, x, y)
  local px, py
  if x ~= false then px = scales.x(x) end
  if y ~= false then py = scales.y(y) end
  if scales.horizontal then return py, px end
  return px, py
end

--- annotate.add(list, plot, scales, specs, theme, layer) -> the label
--- boxes. layer "under" adds the bands (drawn before the marks), "over"
--- everything else.
--- scales: {x = function(category or number) -> position or nil,
--- y = function(value) -> position, x_span = function(category) -> from, to
--- (a band's edges), horizontal = true when the value axis runs across}.
function annotate.add(list, plot, scales, specs, theme, layer)
  local boxes = {}
  local style = theme.annotation
  local text_style = {size = theme.sizes.value, font = theme.font, color = style.color}
  local right, bottom = plot.x + plot.width, plot.y + plot.height
  local function unplaced(spec, what)
    error(("annotation (%s): cannot place %s on this chart's axes"):format(spec.kind, what), 0)
  end
  local mine = {}
  for _, spec in ipairs(specs) do
    if (spec.kind == "band") == (layer == "under") then mine[#mine + 1] = spec end
  end
  for _, spec in ipairs(mine) do
    local color = spec.color or style.color
    if spec.kind == "line" or spec.kind == "band" then
      local on_value = spec.y ~= false
      local a, b
      if on_value then
        local range = spec.kind == "band" and spec.y or {spec.y, spec.y}
        a, b = scales.y(range[1]), scales.y(range[2])
      else
        local range = spec.kind == "band" and spec.x or {spec.x, spec.x}
        if spec.kind == "band" and scales.x_span then
          a = scales.x_span(range[1])
          b = select(2, scales.x_span(range[2]))
        else
          a, b = scales.x(range[1]), scales.x(range[2])
        end
        if a == nil or b == nil then unplaced(spec, tostring(range[1]) .. " - " .. tostring(range[2])) end
      end
      -- across the plot: a horizontal line unless the axis runs across
      local across = on_value ~= (scales.horizontal == true)
      a, b = math.min(a, b), math.max(a, b)
      if spec.kind == "band" then
        if across then
          list:rect(plot.x, a, plot.width, b - a, style.band)
        else
          list:rect(a, plot.y, b - a, plot.height, style.band)
        end
      elseif across then
        list:line({plot.x, a, right, a}, {color = color, width = style.width, dash = style.dash})
      else
        list:line({a, plot.y, a, bottom}, {color = color, width = style.width, dash = style.dash})
      end
      local label = spec.label
      if type(label) == "function" then label = label() end -- a target's: in the chart's language now
      if label then
        local ts = with(text_style, {color = color})
        if across then -- at the right end, just above the line (or inside a band's top)
          local y = spec.kind == "band" and a + theme.gap / 2 or a - theme.gap / 2
          boxes[#boxes + 1] = note(list, label, right - theme.gap / 2, y,
            with(ts, {anchor = spec.kind == "band" and "top-right" or "bottom-right"}), theme)
        else -- at the top, just right of the line (or inside a band's left edge)
          boxes[#boxes + 1] = note(list, label, a + theme.gap / 2, plot.y + theme.gap / 2,
            with(ts, {anchor = "top-left"}), theme)
        end
      end
    else
      local px, py = place(scales, spec.x, spec.y)
      if px == nil or py == nil then unplaced(spec, tostring(spec.x)) end
      if spec.kind == "text" then
        boxes[#boxes + 1] = note(list, spec.text, px + (spec.dx or 0), py + (spec.dy or 0),
          with(text_style, {color = color, anchor = "bottom"}), theme)
      else
        -- the note sits off the point, towards the plot's centre by default
        local dx = spec.dx or (px > plot.x + plot.width / 2 and -36 or 36)
        local dy = spec.dy or (py > plot.y + plot.height / 2 and -28 or 28)
        local tx, ty = px + dx, py + dy
        local side = dx < 0 and "right" or "left"
        local anchor = dy == 0 and side or (dy < 0 and "bottom-" or "top-") .. side
        local ts = with(text_style, {color = color, anchor = anchor})
        local box = list:text_box(spec.text, tx, ty, ts)
        -- keep the note inside the plot
        tx = tx + math.max(0, plot.x - box.x) - math.max(0, box.x + box.width - right)
        ty = ty + math.max(0, plot.y - box.y) - math.max(0, box.y + box.height - bottom)
        box = note(list, spec.text, tx, ty, ts, theme)
        boxes[#boxes + 1] = box
        -- from the text's nearest corner to the point, stopping short of it
        local sx = dx < 0 and box.x + box.width or box.x
        local sy = dy == 0 and box.y + box.height / 2 or dy < 0 and box.y + box.height or box.y
        local vx, vy = px - sx, py - sy
        local length = math.sqrt(vx * vx + vy * vy)
        if length > style.head * 2 then
          local ux, uy = vx / length, vy / length
          local ex, ey = px - ux * theme.gap / 2, py - uy * theme.gap / 2
          list:line({sx + ux * 2, sy + uy * 2, ex - ux * style.head, ey - uy * style.head},
            {color = color, width = style.width})
          local hx, hy, w = ex - ux * style.head, ey - uy * style.head, style.head / 2
          list:polygon({ex, ey, hx - uy * w, hy + ux * w, hx + uy * w, hy - ux * w}, color)
        end
      end
    end
  end
  return boxes
end

return annotate
