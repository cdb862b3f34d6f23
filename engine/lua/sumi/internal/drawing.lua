-- A drawing list: the marks a chart will draw, recorded before they are
-- drawn. Layout code adds rectangles, lines and text to a list; the list
-- knows the box of every text (measured on the canvas, so it is exactly
-- what c:text will draw), and then draws itself. Tests read the boxes
-- instead of pixels (chart:layout).
local drawing = {}
drawing.__index = drawing

--- drawing.new(canvas [, lang]) -> list: every text in it is set in lang
--- (its fonts, glyph forms and line breaking) unless its options say
--- otherwise.
function drawing.new(canvas, lang)
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

-- Measuring options: c:measure_text refuses nothing c:text takes, but
-- anchor and angle do not change a measurement.
local function measure_options(opts)
  local m = {}
  for k, v in pairs(opts) do
    if k ~= "anchor" and k ~= "angle" then m[k] = v end
  end
  return m
end

--- list:measure(s, opts) -> width, height, metrics
function drawing:measure(s, opts)
  local m = self.canvas:measure_text(s, measure_options(in_language(self, opts or {})))
  return m.width, m.height, m
end

--- The page box of text s drawn at (x, y) with opts: {x, y, width, height},
--- the axis-aligned box around the (possibly rotated) text box.
function drawing:text_box(s, x, y, opts)
  local w, h, m = self:measure(s, opts)
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
  opts = in_language(self, opts or {})
  local box = self:text_box(s, x, y, opts)
  self.items[#self.items + 1] = {kind = "text", text = s, x = x, y = y, opts = opts, box = box}
  return box
end

--- list:rect(x, y, w, h, fill)
function drawing:rect(x, y, w, h, fill)
  self.items[#self.items + 1] = {kind = "rect", x = x, y = y, w = w, h = h, fill = fill}
end

--- list:line(points, stroke): points {x1, y1, x2, y2, ...}; stroke is the
--- options of c:stroke ({color, width, dash, ...}).
function drawing:line(points, stroke)
  self.items[#self.items + 1] = {kind = "line", points = points, stroke = stroke}
end

--- list:circle(cx, cy, r, fill [, stroke])
function drawing:circle(cx, cy, r, fill, stroke)
  self.items[#self.items + 1] = {kind = "circle", x = cx, y = cy, r = r, fill = fill, stroke = stroke}
end

--- list:polygon(points, fill [, stroke]): a closed shape through points
--- {x1, y1, x2, y2, ...}, filled (an area, a marker).
function drawing:polygon(points, fill, stroke)
  self.items[#self.items + 1] = {kind = "polygon", points = points, fill = fill, stroke = stroke}
end

--- list:paint(fn): fn(canvas) draws at draw time. For marks built in C from
--- long columns (sumi.path.series): the list holds the call, not the points.
function drawing:paint(fn)
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
