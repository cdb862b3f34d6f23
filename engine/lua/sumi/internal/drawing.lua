-- A drawing list: the marks a chart will draw, recorded before they are
-- drawn. Layout code adds rectangles, lines and text to a list; the list
-- knows the box of every text (measured on the canvas, so it is exactly
-- what c:text will draw), and then draws itself. Tests read the boxes
-- instead of pixels (chart:layout).
--
-- A script reaches a list too (chart:compose returns one), so every
-- method checks what it records when it is called: a bad mark is an error
-- at the line that added it (sumi.internal.errors), not later, at a line
-- of this file, when the list is drawn. What the canvas itself checks (a
-- colour's spelling, a stroke's width) is left to it: its errors name the
-- script's line too.
local errors = require "sumi.internal.errors"
local options = require "sumi.internal.options"

local drawing = {}
drawing.__index = drawing

local show = errors.show

local function check_canvas(fn, canvas)
  if type(canvas) ~= "userdata" then
    errors.raise("%s: canvas must be a canvas; got %s", fn, show(canvas))
  end
end

local function check_number(fn, name, v)
  if type(v) ~= "number" then errors.raise("%s: %s must be a number; got %s", fn, name, show(v)) end
end

local function check_options(fn, opts)
  if opts ~= nil and type(opts) ~= "table" then
    errors.raise("%s: options must be a table; got %s", fn, show(opts))
  end
end

-- A colour (a string: the canvas checks its spelling) or a gradient.
local function check_paint(fn, name, paint)
  if type(paint) ~= "string" and type(paint) ~= "userdata" then
    errors.raise("%s: %s must be a colour or a gradient; got %s", fn, name, show(paint))
  end
end

-- {x1, y1, x2, y2, ...}: pairs of numbers.
local function check_points(fn, points)
  if type(points) ~= "table" then
    errors.raise("%s: points must be a list {x1, y1, x2, y2, ...}; got %s", fn, show(points))
  end
  if #points % 2 ~= 0 then
    errors.raise("%s: points must be x, y pairs; got %d numbers", fn, #points)
  end
  for i = 1, #points do
    if type(points[i]) ~= "number" then
      errors.raise("%s: point %d is not two numbers (%s)", fn, (i + 1) // 2, show(points[i]))
    end
  end
end

-- The options of c:stroke (canvas_paint.c, stroke_keys): their names are
-- checked here, their values by the canvas.
local stroke_spec = {color = false, width = false, dash = false, dash_offset = false, cap = false,
                     join = false, miter_limit = false, preserve = false}

-- The outline of a circle or polygon: {color, width} (fill_shape).
local function check_outline(fn, stroke)
  if stroke ~= nil and type(stroke) ~= "table" then
    errors.raise("%s: stroke must be a table {color, width}; got %s", fn, show(stroke))
  end
end

--- drawing.new(canvas [, lang]) -> list: every text in it is set in lang
--- (its fonts, glyph forms and line breaking) unless its options say
--- otherwise.
function drawing.new(canvas, lang)
  check_canvas("drawing.new", canvas)
  if lang ~= nil and type(lang) ~= "string" then
    errors.raise("drawing.new: lang must be a language tag; got %s", show(lang))
  end
  return setmetatable({canvas = canvas, items = {}, lang = lang}, drawing)
end

-- opts with the list's language when they name none.
local function in_language(self, opts)
  if opts.lang or not self.lang then return opts end
  local o = {lang = self.lang}
  for k, v in pairs(opts) do o[k] = v end
  return o
end

local anchor_x = {
  ["top-left"] = 0, left = 0, ["bottom-left"] = 0, ["baseline-left"] = 0,
  top = 0.5, center = 0.5, bottom = 0.5, baseline = 0.5,
  ["top-right"] = 1, right = 1, ["bottom-right"] = 1, ["baseline-right"] = 1,
}
local anchor_y = {
  ["top-left"] = 0, top = 0, ["top-right"] = 0,
  left = 0.5, center = 0.5, right = 0.5,
  ["bottom-left"] = 1, bottom = 1, ["bottom-right"] = 1,
}

--- list:measure(s, opts) -> width, height, metrics. c:measure_text takes
--- everything c:text does (anchor and angle change nothing in a
--- measurement) and checks it: text_box relies on a valid anchor and angle.
function drawing:measure(s, opts)
  check_options("list:measure", opts)
  local m = self.canvas:measure_text(s, in_language(self, opts or {}))
  return m.width, m.height, m
end

--- The page box of text s drawn at (x, y) with opts: {x, y, width, height},
--- the axis-aligned box around the (possibly rotated) text box.
function drawing:text_box(s, x, y, opts)
  check_number("list:text_box", "x", x)
  check_number("list:text_box", "y", y)
  local w, h, m = self:measure(s, opts)
  opts = opts or {}
  local anchor = opts.anchor or "top-left"
  local ax = anchor_x[anchor] * w
  local ay = anchor_y[anchor]
  ay = ay and ay * h or m.baseline
  local angle = math.rad(opts.angle or 0)
  local cos, sin = math.cos(angle), math.sin(angle)
  local x0, y0, x1, y1 = math.huge, math.huge, -math.huge, -math.huge
  for _, corner in ipairs({{0, 0}, {w, 0}, {0, h}, {w, h}}) do
    local dx, dy = corner[1] - ax, corner[2] - ay
    local px, py = x + dx * cos - dy * sin, y + dx * sin + dy * cos
    x0, y0 = math.min(x0, px), math.min(y0, py)
    x1, y1 = math.max(x1, px), math.max(y1, py)
  end
  return {x = x0, y = y0, width = x1 - x0, height = y1 - y0}
end

--- list:text(s, x, y, opts) -> the text's box (as text_box); records it.
function drawing:text(s, x, y, opts)
  check_options("list:text", opts)
  opts = in_language(self, opts or {})
  local box = self:text_box(s, x, y, opts)
  self.items[#self.items + 1] = {kind = "text", text = s, x = x, y = y, opts = opts, box = box}
  return box
end

--- list:rect(x, y, w, h, fill)
function drawing:rect(x, y, w, h, fill)
  check_number("list:rect", "x", x)
  check_number("list:rect", "y", y)
  check_number("list:rect", "w", w)
  check_number("list:rect", "h", h)
  check_paint("list:rect", "fill", fill)
  self.items[#self.items + 1] = {kind = "rect", x = x, y = y, w = w, h = h, fill = fill}
end

--- list:line(points, stroke): points {x1, y1, x2, y2, ...}; stroke is the
--- options of c:stroke ({color, width, dash, ...}).
function drawing:line(points, stroke)
  check_points("list:line", points)
  if type(stroke) == "table" then
    options.check("list:line", stroke, stroke_spec)
  elseif stroke ~= nil then
    check_paint("list:line", "stroke", stroke)
  end
  self.items[#self.items + 1] = {kind = "line", points = points, stroke = stroke}
end

--- list:circle(cx, cy, r, fill [, stroke])
function drawing:circle(cx, cy, r, fill, stroke)
  check_number("list:circle", "cx", cx)
  check_number("list:circle", "cy", cy)
  check_number("list:circle", "r", r)
  if r < 0 then errors.raise("list:circle: r must be >= 0; got %s", show(r)) end
  check_paint("list:circle", "fill", fill)
  check_outline("list:circle", stroke)
  self.items[#self.items + 1] = {kind = "circle", x = cx, y = cy, r = r, fill = fill, stroke = stroke}
end

--- list:polygon(points, fill [, stroke]): a closed shape through points
--- {x1, y1, x2, y2, ...}, filled (an area, a marker).
function drawing:polygon(points, fill, stroke)
  check_points("list:polygon", points)
  check_paint("list:polygon", "fill", fill)
  check_outline("list:polygon", stroke)
  self.items[#self.items + 1] = {kind = "polygon", points = points, fill = fill, stroke = stroke}
end

--- list:paint(fn): fn(canvas) draws at draw time. For marks built in C from
--- long columns (sumi.path.series): the list holds the call, not the points.
function drawing:paint(fn)
  if type(fn) ~= "function" then
    errors.raise("list:paint: fn must be a function fn(canvas); got %s", show(fn))
  end
  self.items[#self.items + 1] = {kind = "paint", paint = fn}
end

--- list:boxes() -> every text's {text, x, y, width, height}, in drawing order.
function drawing:boxes()
  local out = {}
  for _, item in ipairs(self.items) do
    if item.kind == "text" then
      local b = item.box
      out[#out + 1] = {text = item.text, x = b.x, y = b.y, width = b.width, height = b.height}
    end
  end
  return out
end

-- Closes the current path and fills it, with an outline when the item
-- has a stroke (polygons and circles).
local function fill_shape(c, item)
  c:close_path()
  if item.stroke then
    c:fill_stroke({fill = item.fill, color = item.stroke.color, width = item.stroke.width})
  else
    c:fill(item.fill)
  end
end

--- list:draw([canvas]): draws every item, in order.
function drawing:draw(canvas)
  if canvas ~= nil then check_canvas("list:draw", canvas) end
  local c = canvas or self.canvas
  for _, item in ipairs(self.items) do
    if item.kind == "rect" then
      if item.w > 0 and item.h > 0 then
        c:rect(item.x, item.y, item.w, item.h)
        c:fill(item.fill)
      end
    elseif item.kind == "line" then
      c:polyline(item.points)
      c:stroke(item.stroke)
    elseif item.kind == "polygon" then
      c:polyline(item.points)
      fill_shape(c, item)
    elseif item.kind == "paint" then
      item.paint(c)
    elseif item.kind == "circle" then
      c:arc(item.x, item.y, item.r, 0, 360)
      fill_shape(c, item)
    else
      c:text(item.text, item.x, item.y, item.opts)
    end
  end
end

return drawing
