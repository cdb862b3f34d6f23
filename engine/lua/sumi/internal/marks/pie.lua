-- Pie and donut slices, labelled inside when the label fits in its slice,
-- outside with a leader line otherwise. mark(list, plot, data, opts) with
-- opts = {theme, donut (hole share of the radius, 0..0.9), label
-- (function(i) -> text), shape (function(list, paint): records a filled
-- path drawn by paint(canvas))}. data.series[1].values are >= 0 with a
-- positive total (chart.pie checks). Returns the label boxes.
local base = require "sumi.internal.marks.base"

local function overlaps(a, b)
  return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.y + a.height
end

-- Is the page point (x, y) inside the ring slice from angle a0 to a1 (radians)?
local function in_slice(x, y, cx, cy, r0, r1, a0, a1)
  local dx, dy = x - cx, y - cy
  local d = math.sqrt(dx * dx + dy * dy)
  if d > r1 or d < r0 then return false end
  local a = math.atan(dy, dx)
  while a < a0 do a = a + 2 * math.pi end
  return a <= a1
end

local function box_in_slice(b, cx, cy, r0, r1, a0, a1)
  for i = 0, 4 do
    for _, y in ipairs({b.y, b.y + b.height / 2, b.y + b.height}) do
      if not in_slice(b.x + b.width * i / 4, y, cx, cy, r0, r1, a0, a1) then return false end
    end
  end
  return true
end

-- Outside labels of one side, sorted top to bottom: pushed apart, then back
-- inside [top, bottom]; the smallest slices lose their labels when they
-- cannot all fit.
local function stack(labels, top, bottom, gap)
  while true do
    table.sort(labels, function(a, b) return a.want < b.want end)
    local need = 0
    for _, l in ipairs(labels) do need = need + l.h + gap end
    if need - gap <= bottom - top or #labels == 0 then break end
    local smallest = 1
    for k, l in ipairs(labels) do if l.value < labels[smallest].value then smallest = k end end
    table.remove(labels, smallest)
  end
  local y = top
  for _, l in ipairs(labels) do
    l.y = math.max(y, l.want - l.h / 2)
    y = l.y + l.h + gap
  end
  local limit = bottom
  for k = #labels, 1, -1 do
    local l = labels[k]
    if l.y + l.h > limit then l.y = limit - l.h end
    limit = l.y - gap
  end
  return labels
end

local function pie(list, plot, data, opts)
  local theme = opts.theme
  local values = data.series[1].values
  local n = #data.categories
  local total = 0
  for i = 1, n do total = total + (values[i] or 0) end
  local style = {size = theme.sizes.label, font = theme.font}
  local texts, widths, heights, maxw, maxh = {}, {}, {}, 0, 0
  for i = 1, n do
    texts[i] = opts.label(i)
    widths[i], heights[i] = list:measure(texts[i], style)
    maxw, maxh = math.max(maxw, widths[i]), math.max(maxh, heights[i])
  end
  local gap = theme.gap
  local cx, cy = plot.x + plot.width / 2, plot.y + plot.height / 2
  -- room beside the circle for the widest outside label and its leader
  local r = math.min(plot.height / 2 - maxh / 2, plot.width / 2 - maxw - 3 * gap)
  r = math.max(r, math.min(plot.width, plot.height) / 6, 1)
  local r0 = r * opts.donut
  -- the slices
  local a = -math.pi / 2
  local slices = {}
  for i = 1, n do
    local share = (values[i] or 0) / total
    local a0, a1 = a, a + share * 2 * math.pi
    a = a1
    slices[i] = {a0 = a0, a1 = a1, mid = (a0 + a1) / 2, share = share}
    if share > 0 then
      local color, separate = base.color(opts, i), n > 1
      opts.shape(list, function(c)
        local d0, d1 = math.deg(a0), math.deg(a1)
        if r0 > 0 then
          c:arc(cx, cy, r, d0, d1)
          c:arc_negative(cx, cy, r0, d1, d0)
        else
          if share < 1 then c:move_to(cx, cy) end
          c:arc(cx, cy, r, d0, d1)
        end
        c:close_path()
        if separate then
          c:fill_stroke({fill = color, color = theme.background, width = 0.8})
        else
          c:fill(color)
        end
      end)
    end
  end
  -- labels: inside when they fit, else outside on the slice's side
  local boxes, inside, left, right = {}, {}, {}, {}
  for i = 1, n do
    local s = slices[i]
    if s.share > 0 then
      local rm = r0 > 0 and (r0 + r) / 2 or r * 0.62
      local x, y = cx + rm * math.cos(s.mid), cy + rm * math.sin(s.mid)
      local b = {x = x - widths[i] / 2, y = y - heights[i] / 2, width = widths[i], height = heights[i]}
      local fits = box_in_slice(b, cx, cy, r0, r, s.a0, s.a1)
      for _, other in ipairs(inside) do
        if fits and overlaps(b, other.box) then fits = false end
      end
      if fits then
        inside[#inside + 1] = {i = i, x = x, y = y, box = b}
      else
        local side = math.cos(s.mid) >= 0 and right or left
        side[#side + 1] = {i = i, want = cy + (r + gap) * math.sin(s.mid), h = heights[i],
                           value = values[i]}
      end
    end
  end
  for _, l in ipairs(inside) do
    boxes[#boxes + 1] = list:text(texts[l.i], l.x, l.y, {size = style.size, font = theme.font,
      color = "white", anchor = "center", features = "tnum"})
  end
  for _, side in ipairs({right, left}) do
    local east = side == right
    for _, l in ipairs(stack(side, plot.y, plot.y + plot.height, 1)) do
      local s = slices[l.i]
      local ex, ey = cx + r * math.cos(s.mid), cy + r * math.sin(s.mid)
      local kx, ky = cx + (r + gap) * math.cos(s.mid), cy + (r + gap) * math.sin(s.mid)
      local lx = east and cx + r + 2 * gap or cx - r - 2 * gap
      local ly = l.y + l.h / 2
      list:line({ex, ey, kx, ky, lx + (east and -1 or 1), ly},
        {color = theme.axis.color, width = theme.axis.width})
      boxes[#boxes + 1] = list:text(texts[l.i], lx, ly, {size = style.size, font = theme.font,
        color = theme.ink, anchor = east and "left" or "right", features = "tnum"})
    end
  end
  return boxes
end

return pie
