-- A 48x32 PNG (fixtures/badge.png) placed in three 60x60 boxes: contain
-- (whole picture, bands above and below), cover (fills the box, sides
-- cropped) and fill (stretched), and once in a wide box with contain
-- (bands left and right). Grey frames are the boxes given.
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 240, height = 160})

local picture = "../fixtures/badge.png" -- relative to this script
local boxes = {
  {10, 10, 60, 60, "contain"},
  {90, 10, 60, 60, "cover"},
  {170, 10, 60, 60, "fill"},
  {10, 90, 220, 60, "contain"},
}
for _, b in ipairs(boxes) do
  local x, y, w, h, fit = b[1], b[2], b[3], b[4], b[5]
  c:rect(x, y, w, h)
  c:fill("#eeeeee")
  c:image(picture, x, y, w, h, {fit = fit})
  c:rect(x - 0.5, y - 0.5, w + 1, h + 1)
  c:stroke({color = "#999999", width = 1})
end

c:close()
