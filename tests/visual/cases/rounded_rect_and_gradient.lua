-- Linear and radial gradient fills, a rounded rectangle filled and stroked in
-- one call, a radius larger than the box allows (clamped to a pill), and a
-- gradient used as a stroke paint.
local sumi = require "sumi"
local canvas = sumi.canvas
local c = canvas.png(nil, {width = 240, height = 160})

-- Left to right, white to dark blue.
local lin = canvas.linear_gradient(10, 0, 110, 0, {{0, "#ffffff"}, {1, "#1f3f7f"}})
c:rect(10, 10, 100, 50)
c:fill(lin)

-- Three stops, with a translucent end.
local lin3 = canvas.linear_gradient(0, 70, 0, 150,
  {{0, "#c0392b"}, {0.5, "#f1c40f"}, {1, "#27ae6040"}})
c:rect(10, 70, 40, 80)
c:fill(lin3)

-- Radial: light centre, dark rim.
local rad = canvas.radial_gradient(170, 45, 40, {{0, "#fdebd0"}, {1, "#a04000"}})
c:arc(170, 45, 40, 0, 360)
c:fill(rad)

-- Rounded rectangle, fill and stroke together.
c:rounded_rect(60, 75, 80, 50, 12)
c:fill_stroke({fill = "#d6eaf8", color = "#1f5fbf", width = 3})

-- Radius 100 on a 20 px high box: a pill.
c:rounded_rect(150, 100, 80, 20, 100)
c:fill_stroke({fill = "#f28c28", color = "black", width = 1})

-- A gradient as the stroke paint.
c:rounded_rect(60, 135, 170, 18, 4)
c:stroke({color = lin, width = 4})

c:close()
