-- Areas: one filled band per series between its bottom and top values
-- (stacked: on the series below; overlap: on zero, see-through so every
-- series stays visible), with its top edge drawn as a line.
-- mark(list, plot, data, opts) with opts = {x (function(i) -> position or
-- nil), value (a numeric scale), theme, mode, bottoms, tops (per series,
-- per row; nil where the band breaks)}.
local base = require "sumi.internal.marks.base"

local function area(list, _, data, opts)
  local theme, ys = opts.theme, opts.value
  local overlap = opts.mode == "overlap"
  for k in ipairs(data.series) do
    local color = base.color(opts, k)
    local bottoms, tops = opts.bottoms[k], opts.tops[k]
    local fill = overlap and color .. "59" or color -- 35% opaque: the series behind shows through
    local edge
    if theme.dashes then -- mono: greys told apart by the edge's dash as well
      edge = {color = theme.ink, width = theme.line_width / 2, dash = base.dash(opts, k), join = "round"}
    elseif overlap then
      edge = {color = color, width = theme.line_width * 0.75, join = "round"}
    else
      edge = {color = "white", width = 0.6, join = "round"}
    end
    local run = {}
    local function finish()
      if #run >= 2 then
        local points, top = {}, {}
        for _, i in ipairs(run) do
          local x = opts.x(i)
          points[#points + 1], points[#points + 2] = x, ys:map(tops[i])
          top[#top + 1], top[#top + 2] = x, ys:map(tops[i])
        end
        for j = #run, 1, -1 do
          local i = run[j]
          points[#points + 1], points[#points + 2] = opts.x(i), ys:map(bottoms[i])
        end
        list:polygon(points, fill)
        list:line(top, edge)
      end
      run = {}
    end
    for i = 1, data.n do
      if tops[i] ~= nil and opts.x(i) ~= nil then run[#run + 1] = i else finish() end
    end
    finish()
  end
  return {}
end

return area
