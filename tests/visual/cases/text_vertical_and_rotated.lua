-- Vertical Japanese text (a title running down the right edge), a label
-- turned by -30 degrees about its centre, and the anchors: each small cross
-- marks the point given to c:text, and the anchor says which part of the
-- text's box sits on it.
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 240, height = 160})

local function cross(x, y)
  c:move_to(x - 4, y)
  c:line_to(x + 4, y)
  c:move_to(x, y - 4)
  c:line_to(x, y + 4)
  c:stroke({color = "#c0392b", width = 1})
end

-- Vertical title, its top-right corner at (228, 10).
c:text("縦書きの見出し", 228, 10, {size = 16, vertical = true, anchor = "top-right",
  weight = "bold"})
cross(228, 10)

-- A label rotated -30 degrees about its centre.
c:text("売上 +12%", 150, 40, {size = 14, angle = -30, anchor = "center", color = "#1f5fbf"})
cross(150, 40)

-- Anchors along one line.
local anchors = {
  {"top-left", 20, 80}, {"center", 95, 80}, {"bottom-right", 180, 80},
  {"baseline-left", 20, 130}, {"baseline", 95, 130}, {"right", 180, 130},
}
for _, a in ipairs(anchors) do
  c:text(a[1], a[2], a[3], {size = 9, anchor = a[1], font = "sans"})
  cross(a[2], a[3])
end

c:close()
