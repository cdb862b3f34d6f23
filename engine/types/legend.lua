---@meta sumi.legend
-- Editor annotations for sumi.legend (engine/lua/sumi/legend.lua): rows
-- of swatches and names, wrapped into as many rows as the width needs, or
-- one column. Charts put it above, below or at the right of the plot (the
-- `legend` option); these are the pieces they compose with, on a drawing
-- list (what `c:compose` returns).

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

---How a legend is laid out.
---@class sumi.LegendOptions
---@field direction? "row"|"column" Rows wrapped at the width (default), or one item a row, each name wrapped between its words to the width (a legend at the right of a plot).
---@field align? "left"|"center" Each row from the left (default) or centred in the width.

---The height a legend of these items takes in `width` points: 1.6 times the theme's legend
---size per row (more for a name wrapped in a column).
---@param list sumi.DrawingList The drawing list (it measures the names).
---@param width number The width there is, in points.
---@param items sumi.LegendItem[]
---@param theme sumi.Theme
---@param options? sumi.LegendOptions
---@return number height
function legend.height(list, width, items, theme, options) end

---The width of a legend's widest row.
---@param list sumi.DrawingList The drawing list (it measures the names).
---@param width number The width there is, in points.
---@param items sumi.LegendItem[]
---@param theme sumi.Theme
---@param options? sumi.LegendOptions
---@return number width
function legend.width(list, width, items, theme, options) end

---Adds a legend to a drawing list, from the box's top left corner, wrapped at its width.
---@param list sumi.DrawingList
---@param box { x: number, y: number, width: number } Where the legend starts and the width there is.
---@param items sumi.LegendItem[]
---@param theme sumi.Theme
---@param options? sumi.LegendOptions
---@return sumi.ChartBox[] boxes The names' boxes.
function legend.add(list, box, items, theme, options) end

return legend
