---@meta sumi.axis
-- Editor annotations for sumi.axis (engine/lua/sumi/axis.lua): ticks,
-- gridlines, tick labels and the axis title of a value axis, and the
-- category labels under (or beside) bands. docs/API.md §16 "Scales and
-- axes" is the manual. Only axis.draw is meant for scripts drawing an axis
-- by itself; the others are the pieces charts compose with, on a drawing
-- list (what `c:compose` returns).

---Axes: `local axis = require "sumi.axis"`.
---@class sumi.axis
local axis = {}

---The unit of a language in which the largest value `high` reads best: `"億", 1e8` for 7e11
---in Japanese, `"bn", 1e9` in English; `"", 1` below `from` (four-digit numbers stay as they are).
---@param high number The largest value (its magnitude counts).
---@param lang string A language tag ("ja", "en", ...): its units.
---@param from? number The smallest value that gets a unit (default 1e5).
---@return string name The unit's name ("" for none).
---@return number divisor What the values are divided by (1 for none).
function axis.units(high, lang, from) end

---An axis title with its unit: "売上（億円）", "매출(억 원)", "Revenue (bn yuan)", or the
---title alone when there is no unit.
---@param title string|false|nil The title (nil or false: the unit alone, in brackets).
---@param unit? string The unit of the values ("円").
---@param scale_name? string The unit picked by axis.units ("億").
---@param lang string A language tag ("ja", "en", ...): its brackets and spacing.
---@return string|false|nil title
function axis.title_text(title, unit, scale_name, lang) end

---A format as a function: a named format of `sumi.template.formats` ("pct1", "int", ...) or a
---function (returned as it is); nil or false give nil. An unknown name is an error naming
---option `key` of the function `fn`.
---@param spec string|(fun(value: number): string)|false|nil
---@param fn? string The public function errors name (default "axis.formatter").
---@param key? string The option errors name (default "format").
---@return (fun(value: number): string)? format
function axis.formatter(spec, fn, key) end

---The options of a value axis.
---@class sumi.AxisDrawOptions
---@field side? "left"|"right"|"bottom" Where the axis is (default "left").
---@field title? string The axis title; the unit is added to it.
---@field unit? string The unit of the values, written once in the title ("円"; default "").
---@field lang? string A language tag: the units (万/億/兆, k/M/bn/tn) and fonts (default "ja").
---@field format? string|fun(value: number): string A format name of `sumi.template.formats`, "pct" (the decimals the ticks need) or a function; then no unit is picked.
---@field theme? "print"|"slides"|"colorblind"|"mono"|sumi.Theme The theme (default "print").
---@field grid? boolean Gridlines across the plot (default true).
---@field units? string|boolean "auto" (picked from the range; default), false (none), or a unit's name ("億", "bn").
---@field title_position? "top"|"side" Above the axis (default) or beside it (set vertically in Japanese); always "side" on a bottom axis, where "top" is an error.
---@field zero_line? boolean A line at 0 when the domain holds it (default true).
---@field ticks? number[] The tick values (default: the scale's ticks).

---What a value axis on the scale shows: its ticks, their labels, its title and the divisor
---of its unit.
---@param s sumi.LinearScale|sumi.LogScale|sumi.TimeScale The axis' scale.
---@param options? sumi.AxisDrawOptions
---@return number[] ticks
---@return string[] labels
---@return string? title The title with its unit, nil for none.
---@return number divisor
function axis.value_labels(s, options) end

---The room a value axis' tick labels need beside the plot (the width of a left or right
---axis, the height of a bottom one), and the height of its title when it sits above the plot.
---@param list sumi.DrawingList The drawing list the axis will be added to (it measures the texts).
---@param s sumi.LinearScale|sumi.LogScale|sumi.TimeScale The axis' scale.
---@param options? sumi.AxisDrawOptions
---@return number thickness
---@return number title_height
---@return number title_width
function axis.value_thickness(list, s, options) end

---Adds a value axis on the scale to a drawing list, along the plot box.
---@param list sumi.DrawingList
---@param plot sumi.ChartBox The plot box: `{x, y, width, height}`.
---@param s sumi.LinearScale|sumi.LogScale|sumi.TimeScale The axis' scale, its range along the plot.
---@param options? sumi.AxisDrawOptions
---@return sumi.ChartBox[] boxes The tick labels' and the title's boxes.
function axis.add(list, plot, s, options) end

---Draws a value axis by itself and returns its label boxes.
---`axis.draw(page, {x = 60, y = 40, width = 400, height = 200}, s, {side = "left", title = "売上", unit = "円"})`.
---@param canvas sumi.Canvas
---@param plot sumi.ChartBox The plot box: `{x, y, width, height}`.
---@param s sumi.LinearScale|sumi.LogScale|sumi.TimeScale The axis' scale, its range along the plot.
---@param options? sumi.AxisDrawOptions
---@return sumi.ChartBox[] boxes The tick labels' and the title's boxes.
function axis.draw(canvas, plot, s, options) end

---@class sumi.AxisFitCategoriesOptions
---@field theme? "print"|"slides"|"colorblind"|"mono"|sumi.Theme The theme: label sizes and the smallest size (default "print").
---@field max_lines? integer The most lines a wrapped label may take, >= 1 (default 3).
---@field max_height? number The room there is below the plot, in points (default: no limit).

---A plan for category labels under bands `step` wide, or nil when none fits: plain, smaller
---(down to the theme's min_label_size), wrapped between words, words split, or turned 45°.
---@param list sumi.DrawingList The drawing list (it measures the texts).
---@param labels string[] The category labels.
---@param step number The width of one category's band, in points.
---@param options? sumi.AxisFitCategoriesOptions
---@return sumi.AxisCategoryPlan? plan
function axis.fit_categories(list, labels, step, options) end

---How category labels are set (axis.fit_categories).
---@class sumi.AxisCategoryPlan
---@field mode? "plain"|"wrap"|"rotate" One line, wrapped at width, or turned by angle; required under the bands, not used beside them (wrapped at width).
---@field size number The text size in points.
---@field angle? number The turn of rotated labels, in degrees (-45).
---@field height? number The room the labels take below the plot.
---@field overhang? number How far the first label reaches left of its band's centre.
---@field width? number The width a label wraps at.

---@class sumi.AxisAddCategoriesOptions
---@field theme? "print"|"slides"|"colorblind"|"mono"|sumi.Theme The theme (default "print").
---@field side? "bottom"|"left" Under the bands (default) or beside them (horizontal bars).
---@field every? integer Label every nth category only, >= 1 (default 1).

---Adds category labels under (side "bottom") or beside (side "left") the bands of a band scale.
---@param list sumi.DrawingList
---@param plot sumi.ChartBox The plot box: `{x, y, width, height}`.
---@param band sumi.BandScale The categories' scale.
---@param labels string[] The category labels, in the band scale's order.
---@param plan sumi.AxisCategoryPlan How to set them (axis.fit_categories).
---@param options? sumi.AxisAddCategoriesOptions
---@return sumi.ChartBox[] boxes The labels' boxes.
function axis.add_categories(list, plot, band, labels, plan, options) end

return axis
