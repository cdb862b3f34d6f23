---@meta sumi.path
-- Editor annotations for sumi.path (docs/API.md §16, "Long series"):
-- long numeric series drawn from C. They describe; they do not run.

---A linear map from data values to user units, one axis of `path.series`.
---@class sumi.PathAxis
---@field domain number[] {min, max}: two finite, different data values.
---@field range number[] {a, b}: where they go, in user units (y usually {bottom, top}).

---Options of `path.series`.
---@class sumi.PathSeriesOptions
---@field x sumi.PathAxis The x scale (required).
---@field y sumi.PathAxis The y scale (required).
---@field decimate? "minmax"|"lttb"|boolean "minmax" (default, or true): above 16 points per device pixel column, the first, lowest, highest and last point of each quarter column; "lttb": largest triangle three buckets, down to `points`; false: every point.
---@field points? integer With decimate = "lttb": the points to keep, 3 to 10 million; default twice the x range's width in device pixels.
---@field stroke_width? number The width the line will be stroked with (round joins and caps), 0 to 10000: a dense line on a PNG canvas then comes back as the area its stroke covers, to fill.

---Long series in one call: `local path = require "sumi.path"`.
---@class sumi.path
local path = {}

---Appends the line through (xs[i], ys[i]) to the canvas's current path, mapped by the
---options' linear scales and decimated to what the device can show; a nil or null starts
---a new sub-path (a gap). NaN, unequal lengths, zero spans and out-of-range coordinates
---are errors.
---@param canvas sumi.Canvas
---@param xs sumi.Column|number[] Numbers, or a number or date column's view (`ds:view(name)`, dates as days since 1970), read in place.
---@param ys sumi.Column|number[] Numbers, or a number column's view, as long as xs.
---@param options sumi.PathSeriesOptions
---@return integer points The points emitted.
---@return boolean filled true when the path is the stroke's area (`stroke_width`): fill it with the line's colour instead of stroking it.
function path.series(canvas, xs, ys, options) end

---The lowest and highest value and the count of the non-null ones, read in place.
---@param values sumi.Column|number[] Numbers, or a number or date column's view.
---@return number? lowest nil when there is no value.
---@return number? highest
---@return integer count
function path.extent(values) end

return path
