-- save/restore around translate, rotate and scale, and a clip that limits
-- drawing to a circle until it is restored. The same 30x20 box is drawn under
-- each transform; the grey outline is the untransformed box.
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 240, height = 160})

local function box(color)
  c:rect(0, 0, 30, 20)
  c:fill(color)
end

-- The untransformed reference position, outlined.
c:rect(20, 20, 30, 20)
c:stroke({color = "#999999", width = 1})

c:save()
c:translate(20, 20)
box("#1f5fbf")                 -- over the outline
c:save()
c:translate(50, 0)
c:rotate(30)                   -- degrees, clockwise on screen
box("#c0392b")
c:restore()
c:save()
c:translate(0, 40)
c:scale(2, 1.5)
box("#27ae60")
c:restore()
c:translate(100, 50)
c:rotate(-45)
c:scale(0.5)
box("#8e44ad")
c:restore()

-- After restore the transform is the identity again.
c:rect(5, 140, 10, 10)
c:fill("black")

-- Clip to a circle, then paint stripes across a larger area.
c:save()
c:arc(185, 80, 45, 0, 360)
c:clip()
for i = 0, 12 do
  c:rect(130 + i * 10, 20, 5, 120)
  c:fill(i % 2 == 0 and "#f28c28" or "#16a085")
end
c:restore()

-- The clip is gone: this line crosses the circle's edge.
c:move_to(130, 150)
c:line_to(235, 150)
c:stroke({color = "black", width = 2})

c:close()
