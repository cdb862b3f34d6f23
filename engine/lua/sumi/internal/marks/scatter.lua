-- Points and bubbles on two numeric axes, coloured by group, with labels
-- placed where they overlap no other label (and as few points as possible);
-- a label with no free place is dropped rather than drawn over another.
-- mark(list, plot, data, opts) with data = {x = {values}, series = {{values}},
-- sizes, groups, labels, n} and opts = {x, value (scales), theme, groups
-- (group -> index), max_size (the largest bubble's radius), size_max (the
-- value it stands for)}. Returns {dropped = labels left out, boxes = the
-- labels' boxes}.
local axis = require "sumi.axis"
local base = require "sumi.internal.marks.base"
local format = require "sumi.format"

local scatter = {}

--- scatter.shape(k) -> the marker shape of group k (the mono theme tells
--- groups apart by shape).
function scatter.shape(k)
  return base.shapes[(k - 1) % #base.shapes + 1]
end

local function overlaps(a, b)
  return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.y + a.height
end

local function inside(a, box)
  return a.x >= box.x and a.y >= box.y and a.x + a.width <= box.x + box.width and
         a.y + a.height <= box.y + box.height
end

-- Places the labels of points (biggest first): of the places around a
-- point, the one inside the plot, clear of every placed label, covering
-- the fewest other points.
local function place_labels(list, plot, points, theme)
  local style = {size = theme.sizes.value, font = theme.font, color = theme.ink}
  local placed, dropped = {}, 0
  local order = {}
  for j, p in ipairs(points) do
    if p.label and p.label ~= "" then order[#order + 1] = j end
  end
  table.sort(order, function(a, b)
    if points[a].r ~= points[b].r then return points[a].r > points[b].r end
    return a < b
  end)
  for _, j in ipairs(order) do
    local p = points[j]
    local d, q = p.r + 2, (p.r + 1) * 0.71
    local candidates = {
      {"left", d, 0}, {"right", -d, 0}, {"bottom", 0, -d}, {"top", 0, d},
      {"bottom-left", q, -q}, {"bottom-right", -q, -q}, {"top-left", q, q}, {"top-right", -q, q},
    }
    local best, best_cover
    for _, cand in ipairs(candidates) do
      local opts = {size = style.size, font = style.font, color = style.color, anchor = cand[1]}
      local box = list:text_box(p.label, p.x + cand[2], p.y + cand[3], opts)
      local ok = inside(box, plot)
      for _, other in ipairs(placed) do
        if not ok then break end
        if overlaps(box, other) then ok = false end
      end
      if ok then
        local cover = 0
        for m, o in ipairs(points) do
          if m ~= j and overlaps(box, {x = o.x - o.r, y = o.y - o.r, width = 2 * o.r, height = 2 * o.r}) then
            cover = cover + 1
          end
        end
        if not best or cover < best_cover then
          best, best_cover = {box = box, x = p.x + cand[2], y = p.y + cand[3], opts = opts}, cover
        end
        if cover == 0 then break end
      end
    end
    if best then
      placed[#placed + 1] = best.box
      list:text(p.label, best.x, best.y, best.opts)
    else
      dropped = dropped + 1
    end
  end
  return placed, dropped
end

local function mark(list, plot, data, opts)
  local theme, xs, ys = opts.theme, opts.x, opts.value
  local sizes, groups, labels = data.sizes, data.groups, data.labels
  local x_values, y_values = data.x.values, data.series[1].values
  local points = {}
  for i = 1, data.n do
    local x, y = x_values[i], y_values[i]
    local size = sizes and sizes[i]
    if x ~= nil and y ~= nil and (not sizes or size ~= nil) then
      local r = theme.marker_size
      if sizes then r = opts.size_max > 0 and opts.max_size * math.sqrt(size / opts.size_max) or 0 end
      local g = groups and groups[i] and opts.groups[groups[i]] or 1
      points[#points + 1] = {x = xs:map(x), y = ys:map(y), r = r, group = g,
                             label = labels and labels[i] or nil}
    end
  end
  -- big bubbles first, so the small ones stay visible on top of them
  local order = {}
  for j = 1, #points do order[j] = j end
  if sizes then table.sort(order, function(a, b)
    if points[a].r ~= points[b].r then return points[a].r > points[b].r end
    return a < b
  end) end
  for _, j in ipairs(order) do
    local p = points[j]
    local color = base.color(opts, p.group)
    local shape = theme.dashes and scatter.shape(p.group) or "circle"
    if p.r > 0 then
      base.marker(list, shape, p.x, p.y, p.r, sizes and color .. "b3" or color, -- bubbles 70% opaque
        {color = "white", width = sizes and 0.6 or 0.4})
    end
  end
  local boxes, dropped = place_labels(list, plot, points, theme)
  return {dropped = dropped, boxes = boxes}
end

-- 1-2-5 numbers at or below v: the values a size legend shows.
local function nice_below(v)
  local p = 10 ^ math.floor(math.log(v, 10) + 1e-9)
  local m = v / p
  return (m >= 5 and 5 or m >= 2 and 2 or 1) * p
end

--- scatter.size_legend(list, box, size_max, max_r, opts) -> its height and
--- width: a row of circles whose areas stand for round values (up to
--- size_max), each with its value. opts: theme, title, lang.
function scatter.size_legend(list, box, size_max, max_r, opts)
  local theme = opts.theme
  local values = {}
  local v = nice_below(size_max)
  for _ = 1, 3 do
    local r = max_r * math.sqrt(v / size_max)
    -- circles too small to read are left out, but never the largest
    if #values > 0 and (r < 1.5 or values[#values] == v) then break end
    values[#values + 1] = v
    v = nice_below(v / 4.01)
  end
  local style = {size = theme.sizes.legend, font = theme.font, color = theme.ink, anchor = "left"}
  local r1 = max_r * math.sqrt(values[1] / size_max)
  local height = math.max(2 * r1 + 2, theme.sizes.legend * 1.6)
  local cy = box.y + height / 2
  local x = box.x
  if opts.title then
    local b = list:text(tostring(opts.title), x, cy, {size = style.size, font = style.font,
      color = theme.muted, anchor = "left"})
    x = x + b.width + theme.sizes.legend
  end
  local name, divisor = axis.units(values[1], opts.lang)
  for _, value in ipairs(values) do
    local r = max_r * math.sqrt(value / size_max)
    list:circle(x + r, cy, r, "#ffffff00", {color = theme.muted, width = 0.6})
    local scaled = value / divisor
    local decimals = scaled < 1 and math.ceil(-math.log(scaled, 10) - 1e-9) or 0
    local text = format.number(scaled, {decimals = decimals})
    local b = list:text(text .. name, x + 2 * r + 3, cy, style)
    x = b.x + b.width + theme.sizes.legend
  end
  return height, x - theme.sizes.legend - box.x
end

return setmetatable(scatter, {__call = function(_, ...) return mark(...) end})
