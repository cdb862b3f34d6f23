-- Series names at the ends of their lines (a line chart's legend = "end"),
-- in place of a legend: each name in its series' colour, in a column at
-- the right of the plot, level with its line's last point, and pushed
-- apart from the others so that no two overlap and all stay between the
-- plot's top and bottom. A name moved off its line's end, or standing
-- away from it, is joined to it by a thin line in the series' colour.
--
--   ends.width(list, items, theme, max_width) -> the column's width
--   ends.add(list, plot, items, theme, column) -> the names' boxes, or nil
--     when they fit at no size down to the theme's min_label_size
--
-- items: {{label, color, x, y (the last point, on the page)}, ...}.
local ends = {}

local function style(theme, size, color, width)
  return {size = size, font = theme.font, color = color, weight = "bold", width = width, wrap = "word-char",
          keep_words = true, anchor = "left"}
end

--- ends.width(list, items, theme, max_width) -> the width of the column
--- the names need: the widest at the theme's legend size, at most
--- max_width (a longer name wraps between its words).
function ends.width(list, items, theme, max_width)
  local widest = 0
  for _, item in ipairs(items) do
    local w = list:measure(item.label, {size = theme.sizes.legend, font = theme.font, weight = "bold"})
    widest = math.max(widest, w)
  end
  return math.min(math.ceil(widest) + 1, max_width)
end

-- The tops of boxes of heights hs wanted at centres ys (sorted by ys),
-- kept `gap` apart inside [top, bottom]; nil when they do not fit.
local function spread(ys, hs, gap, top, bottom)
  local n, need = #ys, 0
  for i = 1, n do need = need + hs[i] end
  if need + gap * (n - 1) > bottom - top + 0.01 then return nil end
  local tops, last = {}, top - gap
  for i = 1, n do
    tops[i] = math.max(ys[i] - hs[i] / 2, last + gap, top)
    last = tops[i] + hs[i]
  end
  local limit = bottom
  for i = n, 1, -1 do
    tops[i] = math.min(tops[i], limit - hs[i])
    limit = tops[i] - gap
  end
  return tops
end

--- ends.add(list, plot, items, theme, column) -> the names' boxes, placed
--- in column {x, width} beside the plot, or nil when they fit at no size.
function ends.add(list, plot, items, theme, column)
  local order = {}
  for i = 1, #items do order[i] = i end
  table.sort(order, function(a, b)
    if items[a].y ~= items[b].y then return items[a].y < items[b].y end
    return a < b
  end)
  local gap = 1
  for size = theme.sizes.legend, theme.min_label_size, -0.5 do
    local ys, hs = {}, {}
    for k, i in ipairs(order) do
      ys[k] = items[i].y
      hs[k] = select(2, list:measure(items[i].label, style(theme, size, nil, column.width)))
    end
    local tops = spread(ys, hs, gap, plot.y - theme.sizes.tick * 0.5, plot.y + plot.height)
    if tops then
      local boxes = {}
      for k, i in ipairs(order) do
        local item, cy = items[i], tops[k] + hs[k] / 2
        -- a name off its line's level, or away from its end, gets a thin line to it
        if math.abs(cy - item.y) > 1.5 or column.x - item.x > theme.gap * 2 then
          list:line({item.x + theme.gap / 2, item.y, column.x - 2, cy}, {color = item.color, width = 0.6})
        end
        boxes[i] = list:text(item.label, column.x, cy, style(theme, size, item.color, column.width))
      end
      return boxes
    end
  end
  return nil
end

-- ---- for a chart: its series, its legend option

-- Whether the chart names its lines at their ends: legend = "end" (not
-- overridden after they fitted nowhere), several series, as a legend.
local function wanted(self)
  local place = self.legend_override or self.options.legend
  return place == "end" and #self.data.series >= 2
end

--- ends.chart_width(chart, list, area) -> the width the names at the ends
--- of a chart's lines take at the right of its plot, or 0 when it has
--- none.
function ends.chart_width(self, list, area)
  if not wanted(self) then return 0 end
  local items = {}
  for k, s in ipairs(self.data.series) do items[k] = {label = tostring(s.name)} end
  return ends.width(list, items, self.theme, area.width * 0.3)
end

--- ends.chart_add(chart, list, plot, points, width) -> true when the
--- names stand at the ends of the lines, false when they fit at no size
--- (the chart then lays itself out again with its legend above). points:
--- the last point {x, y} on the page of each series (nil for none).
function ends.chart_add(self, list, plot, points, width)
  local theme, items = self.theme, {}
  for k, s in ipairs(self.data.series) do
    local p = points[k]
    if p then
      items[#items + 1] = {label = tostring(s.name), color = theme.palette[(k - 1) % #theme.palette + 1],
                           x = p[1], y = p[2]}
    end
  end
  if #items == 0 then return true end
  return ends.add(list, plot, items, theme, {x = plot.x + plot.width + theme.gap, width = width}) ~= nil
end

return ends
