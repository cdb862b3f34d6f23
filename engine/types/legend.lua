---@meta sumi.legend
-- Editor annotations for sumi.legend (engine/lua/sumi/legend.lua): a row
-- of swatches and names, wrapped into as many rows as the width needs.
-- Charts put it above the plot (the `legend` option); these are the
-- pieces they compose with, on a drawing list (what `c:compose` returns).

---Legends: `local legend = require "sumi.legend"`.
---@class sumi.legend
local legend = {}

---One entry of a legend.
---@class sumi.LegendItem
---@field label string The name written after the swatch.
---@field color string The swatch's colour.
---@field kind? "rect"|"line"|"marker" A square (default), a line (a line series) or a marker (a scatter group).
---@field dash? number[] A line swatch's dash pattern.
---@field shape? "circle"|"square"|"triangle"|"diamond"|"cross" A marker swatch's shape (default "circle").

---The height a legend of these items takes in `width` points: 1.6 times the theme's legend
---size per row.
---@param list sumi.DrawingList The drawing list (it measures the names).
---@param width number The width there is, in points.
---@param items sumi.LegendItem[]
---@param theme sumi.Theme
---@return number height
function legend.height(list, width, items, theme) end

---The width of a legend's widest row.
---@param list sumi.DrawingList The drawing list (it measures the names).
---@param width number The width there is, in points.
---@param items sumi.LegendItem[]
---@param theme sumi.Theme
---@return number width
function legend.width(list, width, items, theme) end

---Adds a legend to a drawing list, from the box's top left corner, wrapped at its width.
---@param list sumi.DrawingList
---@param box { x: number, y: number, width: number } Where the legend starts and the width there is.
---@param items sumi.LegendItem[]
---@param theme sumi.Theme
---@return sumi.ChartBox[] boxes The names' boxes.
function legend.add(list, box, items, theme) end

return legend
