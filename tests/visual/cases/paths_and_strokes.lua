-- Lines with each cap, a polyline with each join, a Bézier curve, arcs in
-- both directions, dashes and an even-odd fill. Grey hairlines mark where
-- each stroke's path ends, so the caps' overhang is visible.
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 240, height = 160})

-- Caps: butt stops at the end point, round and square go past it.
local caps = {"butt", "round", "square"}
for i, cap in ipairs(caps) do
  local y = 16 + (i - 1) * 18
  c:move_to(20, y)
  c:line_to(90, y)
  c:stroke({color = "#1f5fbf", width = 10, cap = cap})
end
c:move_to(20, 4)
c:line_to(20, 58)
c:move_to(90, 4)
c:line_to(90, 58)
c:stroke({color = "#999999", width = 1})

-- Joins on the same zigzag.
local joins = {"miter", "round", "bevel"}
for i, join in ipairs(joins) do
  local x = 110 + (i - 1) * 42
  c:polyline({x, 52, x + 14, 14, x + 28, 52})
  c:stroke({color = "#c0392b", width = 8, join = join})
end

-- A cubic Bézier curve with its control polygon.
c:move_to(20, 150)
c:curve_to(40, 80, 90, 160, 110, 90)
c:stroke({color = "#27ae60", width = 3})
c:polyline({20, 150, 40, 80, 90, 160, 110, 90})
c:stroke({color = "#999999", width = 1, dash = {2, 2}})

-- Arcs: clockwise (arc) and counter-clockwise (arc_negative) from 0 to 120
-- degrees around the same centre.
c:arc(160, 110, 24, 0, 120)
c:stroke({color = "#8e44ad", width = 4})
c:arc_negative(160, 110, 34, 0, 120)
c:stroke({color = "#f28c28", width = 4, cap = "round"})

-- Dashes with an offset.
c:move_to(130, 70)
c:line_to(230, 70)
c:stroke({color = "black", width = 2, dash = {8, 4, 2, 4}, dash_offset = 3})

-- Even-odd fill: the middle of the pentagram stays empty.
local pts = {}
for k = 0, 4 do
  local a = math.rad(-90 + k * 144)
  pts[#pts + 1] = 212 + 18 * math.cos(a)
  pts[#pts + 1] = 128 + 18 * math.sin(a)
end
c:polyline(pts, true)
c:fill({color = "#16a085", rule = "even_odd"})

c:close()
