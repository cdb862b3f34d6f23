---@meta sumi.theme
-- Editor annotations for sumi.theme (engine/lua/sumi/theme.lua): chart
-- themes, plain data tables. docs/API.md §16 "Themes" is the manual.

---Chart themes: `local theme = require "sumi.theme"`. Plain tables of fonts, sizes in points,
---colours, palette and spacing; derive your own with `theme.derive`.
---@class sumi.theme
---@field print sumi.Theme The default: an A4 briefing, text at 7-12 pt, muted ink.
---@field slides sumi.Theme 16:9 slides (720 x 405 pt): large type read from the back of a room.
---@field colorblind sumi.Theme The print theme with the Okabe-Ito palette, safe for the common colour-vision deficiencies.
---@field mono sumi.Theme Black and greys for a black-and-white printer: series differ by lightness and dash pattern.
---@field names string[] The names of the themes: `{"print", "slides", "colorblind", "mono"}`.
local theme = {}

---A chart theme. Sizes and lengths are in the canvas's user units (points on a PDF page,
---an SVG and a chart saved as PNG); colours are colour strings (`"#2f5d8a"`, `"white"`).
---@class sumi.Theme
---@field name string The theme's name: "print", "slides", "colorblind", "mono", or your own.
---@field font string The font family of every text ("sans").
---@field background string The background colour ("white").
---@field ink string Titles and labels ("#222222").
---@field muted string Tick labels, subtitle and source line ("#666666").
---@field sizes sumi.ThemeSizes Text sizes in points.
---@field title_weight string The title's weight ("bold").
---@field value_weight string The value labels' weight ("normal").
---@field positive string A KPI's change upwards ("#2e7d32").
---@field negative string A KPI's change downwards ("#c0504d").
---@field palette string[] The series colours, in order.
---@field grid sumi.ThemeStroke Gridlines.
---@field axis sumi.ThemeStroke Axis lines.
---@field zero sumi.ThemeStroke The line at 0 on a value axis.
---@field annotation sumi.ThemeAnnotation Reference lines, bands, notes and arrows.
---@field tick_length number The length of a tick mark (3 pt).
---@field gap number The space between a label and what it labels (4 pt).
---@field padding number The space around the whole chart (6 pt).
---@field bar_padding number The share of a category's step left between bars (0.3).
---@field group_padding number The share of a group left between its bars (0.04).
---@field line_width number The width of a line series (1.6 pt).
---@field marker_size number A marker's radius (2.6 pt).
---@field dashes false|(false|number[])[] Per-series dash patterns (the mono theme's), or false for solid lines.
---@field min_label_size number The size labels shrink down to before the chart changes shape (6 pt).
local Theme = {}

---A theme's text sizes, in points.
---@class sumi.ThemeSizes
---@field title number The chart's title (12).
---@field subtitle number The subtitle (9).
---@field axis_title number Axis titles (8).
---@field tick number Tick labels (8).
---@field label number Category labels (8.5).
---@field value number Value labels and annotation texts (8).
---@field legend number Legend entries (8).
---@field source number The source and notes lines (7).

---A line of a theme: its colour and width.
---@class sumi.ThemeStroke
---@field color string The line's colour.
---@field width number The line's width in points.

---How a theme draws annotations.
---@class sumi.ThemeAnnotation
---@field color string Lines, notes and arrows ("#444444").
---@field width number The width of lines and arrows (0.8 pt).
---@field dash number[] The dash pattern of reference lines ({3, 2}).
---@field band string The fill of a shaded band ("#8c8c8c1f").
---@field head number The length of an arrow's head (5 pt).
---@field knockout string The background under a note's text ("#ffffffcc").

---The fields theme.derive changes: each as in sumi.Theme; nested tables (sizes, grid, axis,
---zero, annotation) are merged field by field, lists (palette, dashes) replaced.
---@class sumi.ThemeDeriveOptions
---@field name? string The new theme's name.
---@field font? string The font family of every text.
---@field background? string The background colour.
---@field ink? string Titles and labels.
---@field muted? string Tick labels, subtitle and source line.
---@field sizes? sumi.ThemeSizesChanges Text sizes in points, merged into the base's.
---@field title_weight? string The title's weight.
---@field value_weight? string The value labels' weight.
---@field positive? string A KPI's change upwards.
---@field negative? string A KPI's change downwards.
---@field palette? string[] The series colours, a non-empty list replacing the base's.
---@field grid? sumi.ThemeStrokeChanges Gridlines.
---@field axis? sumi.ThemeStrokeChanges Axis lines.
---@field zero? sumi.ThemeStrokeChanges The line at 0.
---@field annotation? sumi.ThemeAnnotationChanges Reference lines, bands, notes and arrows.
---@field tick_length? number The length of a tick mark, >= 0.
---@field gap? number The space between a label and what it labels, >= 0.
---@field padding? number The space around the whole chart, >= 0.
---@field bar_padding? number The share of a category's step left between bars, >= 0.
---@field group_padding? number The share of a group left between its bars, >= 0.
---@field line_width? number The width of a line series, >= 0.
---@field marker_size? number A marker's radius, >= 0.
---@field dashes? false|(false|number[])[] Per-series dash patterns, or false for none.
---@field min_label_size? number The size labels shrink down to, >= 0.

---Changes to a theme's text sizes (numbers >= 0, in points).
---@class sumi.ThemeSizesChanges
---@field title? number
---@field subtitle? number
---@field axis_title? number
---@field tick? number
---@field label? number
---@field value? number
---@field legend? number
---@field source? number

---Changes to a line of a theme.
---@class sumi.ThemeStrokeChanges
---@field color? string
---@field width? number

---Changes to how a theme draws annotations.
---@class sumi.ThemeAnnotationChanges
---@field color? string
---@field width? number
---@field dash? number[]
---@field band? string
---@field head? number
---@field knockout? string

---A new theme: `base` with the fields of `changes` replaced. Nested tables such as `sizes`
---are merged, lists such as `palette` replaced. Each change is checked against the base: an
---unknown field, a size that is not a number >= 0 or a colour that is not a string is an
---error at this line, not later when a chart is drawn.
---@param base "print"|"slides"|"colorblind"|"mono"|sumi.Theme The theme to start from.
---@param changes? sumi.ThemeDeriveOptions The fields to change.
---@return sumi.Theme theme
function theme.derive(base, changes) end

---The theme of a name, or the table itself; nil gives print. An unknown name is an error
---naming option 'theme' of the function `fn`.
---@param name_or_table? "print"|"slides"|"colorblind"|"mono"|sumi.Theme
---@param fn? string The public function errors name (default "theme.get"); the engine passes its own.
---@return sumi.Theme theme
function theme.get(name_or_table, fn) end

return theme
