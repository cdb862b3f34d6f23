-- Bars: grouped, stacked or percent-stacked, vertical or horizontal.
-- mark(list, plot, data, opts) with opts = {band, value (a numeric
-- scale), mode, horizontal, theme, label (function(value, i) -> text, or
-- nil), bar_color (function(i) -> colour, or nil: the series' colour), base
-- (where a bar starts: 0, or a log axis' lower end)}. Returns the value
-- labels' boxes.
local base = require "sumi.internal.marks.base"

local function bar(list, _, data, opts)
  local band, value, theme = opts.band, opts.value, opts.theme
  local nseries = #data.series
  local stacked = opts.mode ~= "grouped"
  local boxes = {}
  local bw = band:bandwidth()
  local sub = stacked and bw or bw / nseries
  local inner = stacked and 0 or sub * theme.group_padding
  for i = 1, #data.categories do
    local start = band:map(i)
    local up, down = 0, 0 -- running sums of positive and negative values
    for k, series in ipairs(data.series) do
      local v = series.values[i]
      if v ~= nil then
        local from, to
        if stacked then
          if v >= 0 then from, to, up = up, up + v, up + v else from, to, down = down, down + v, down + v end
        else
          from, to = opts.base or 0, v
        end
        local p0, p1 = value:map(from), value:map(to)
        local offset = stacked and 0 or (k - 1) * sub
        local x, y, w, h
        if opts.horizontal then
          x, w = math.min(p0, p1), math.abs(p1 - p0)
          y, h = start + offset + inner / 2, sub - inner
        else
          y, h = math.min(p0, p1), math.abs(p1 - p0)
          x, w = start + offset + inner / 2, sub - inner
        end
        list:rect(x, y, w, h, opts.bar_color and opts.bar_color(i) or base.color(opts, k))
        if opts.label then
          local text = opts.label(series.raw and series.raw[i] or v, i)
          local tw, th = list:measure(text, {size = theme.sizes.value, font = theme.font})
          if stacked then
            -- inside the segment, when it fits
            if tw + 2 <= w and th + 1 <= h then
              local b = list:text(text, x + w / 2, y + h / 2, {size = theme.sizes.value, font = theme.font,
                color = "white", anchor = "center", features = "tnum"})
              boxes[#boxes + 1] = b
            end
          elseif opts.horizontal then
            local ax = v >= 0 and p1 + theme.gap / 2 or p1 - theme.gap / 2
            local anchor = v >= 0 and "left" or "right"
            boxes[#boxes + 1] = base.value_label(list, text, ax, y + h / 2, anchor, opts)
          elseif tw <= sub + (nseries > 1 and inner or theme.gap) then
            local ay = v >= 0 and p1 - theme.gap / 2 or p1 + theme.gap / 2
            local anchor = v >= 0 and "bottom" or "top"
            boxes[#boxes + 1] = base.value_label(list, text, x + w / 2, ay, anchor, opts)
          end
        end
      end
    end
  end
  return boxes
end

return bar
