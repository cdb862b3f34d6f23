---@meta sumi.chart
-- Editor annotations for sumi.chart (engine/lua/sumi/chart.lua and the
-- chart object of engine/lua/sumi/internal/chart/compose.lua): the chart
-- constructors, their options, the chart's methods, annotations and the
-- drawing list `c:compose` returns. docs/API.md §16 is the manual.

---Charts: `local chart = require "sumi.chart"`. A chart fills whatever box it is given, on any
---canvas (a PDF page, a PNG, an SVG), or saves itself as a file of its own.
---@class sumi.chart
local chart = {}

---A box on the page, in points: `{x, y, width, height}`.
---@class sumi.ChartBox
---@field x number
---@field y number
---@field width number
---@field height number

---The box of a text a chart placed, in page units: tests assert on them.
---@class sumi.LabelBox
---@field text string
---@field x number
---@field y number
---@field width number
---@field height number

---The frame every chart has: title, subtitle, source and notes lines, theme and language.
---@class sumi.ChartFrameOptions
---@field title? string|number The text above the chart (default none).
---@field subtitle? string|number The text under the title (default none).
---@field source? string|boolean The source line, after the language's prefix (`出典: `, `Source: `); default true: the dataset's `meta().source`; false for none.
---@field notes? string|boolean The notes line above the source (`注: `, `Note: `); default true: the dataset's `meta().notes`; false for none.
---@field theme? "print"|"slides"|"colorblind"|"mono"|sumi.Theme The theme (default "print").
---@field lang? string A language tag: fonts, units (万/億/兆, k/M/bn/tn), dates, the source prefix (default "ja"; in a document, the document's).
---@field name? string The chart's file name for `sumi chart`, without '/' and not starting with a dot (default "chart-N", N its place in creation order).
---@field alt? string The alternative text in a tagged PDF, in place of `c:alt_text()`'s sentence; not "".

---The options of every chart with a value axis.
---@class sumi.ChartValueAxisOptions : sumi.ChartFrameOptions
---@field x string The category column (or a numeric or date column on a continuous x).
---@field y string|string[] The value column, or a list of columns (one series each).
---@field unit? string The unit of the values ("円", "元"), written once in the axis title (default: the value column's metadata unit, or "").
---@field y_title? string The value axis title; the unit is added to it: `売上（億円）`.
---@field y_format? string|fun(value: number): string A format name of `sumi.template.formats`, "pct", or a function for the tick labels (then no unit is picked).
---@field y_units? string|boolean The scale of the tick labels: "auto" (default: 万/億/兆, k/M/bn/tn from 100,000 up), false, or one of those names.
---@field y_title_position? "top"|"side" Above the axis (default) or beside it (set vertically in Japanese).
---@field legend? boolean|"top"|"bottom"|"right"|"none"|"end" Where the legend goes when there are several series or colour groups: "top" (default; true), "bottom" (centred under the plot), "right" (a column beside it), "none" (false), or "end" (line charts: each name at the end of its line, kept apart from the others).
---@field y_domain? number[] The value axis range `{low, high}`, low < high (default: from the data).
---@field annotations? (sumi.ChartLineAnnotation|sumi.ChartBandAnnotation|sumi.ChartTextAnnotation|sumi.ChartArrowAnnotation)[] Reference lines, bands, notes and arrows in data terms.
---@field target? number|string|sumi.ChartTarget A target: a number, a column holding one value, or `{value = ..., label, color, row}` (a line) or `{low, high, ...}` (a band); labelled "目標 7,500億円" in the chart's language, the value axis widened to show it, named by the alternative text.

---A chart's target: a dashed line at a value (or a shaded band from low to high), labelled.
---@class sumi.ChartTarget
---@field value? number|string The target, or the name of a column holding it.
---@field low? number|string A band's low end, or a column.
---@field high? number|string A band's high end, or a column.
---@field row? integer The row to read a column's value from (default: the one value the column holds).
---@field label? string|number|boolean true (default): the language's word and the value ("目標 7,500億円", "Target 7,500"); a text; false: none.
---@field color? string The line's and label's colour (default: the theme's annotation colour).

---The options of the charts with series: names and value labels.
---@class sumi.ChartSeriesOptions : sumi.ChartValueAxisOptions
---@field names? string[] Series names for the legend, in the order of `y` (default: the column names).
---@field value_labels? boolean|string|fun(value: number, row: table): string `true` (numbers in the axis' units), a format name ("int", "pct1", ...) or `f(value, row)`; default false. Only over categories.

---The x axis of a chart on a numeric or date x.
---@class sumi.ChartXAxisOptions
---@field x_title? string The x axis title, under the axis; `x_unit` is added to it.
---@field x_format? string|fun(value: number): string A format name or function for the x tick labels (then no unit is picked).
---@field x_unit? string The unit of the x values (default "").
---@field x_units? string|boolean As `y_units`, for a linear x axis (default "auto").

---@class sumi.ChartBarOptions : sumi.ChartSeriesOptions
---@field orientation? "auto"|"vertical"|"horizontal" "auto" (default): horizontal when the category labels fit under the bars in no way.
---@field mode? "grouped"|"stacked"|"percent" Side by side (default), stacked, or each category's values as shares of its total.
---@field color? string A column of groups: each bar takes its group's colour (one value column only).
---@field colors? table<string, string> The colour of each group of `color`; other groups take the palette's next.
---@field y_log? boolean A log value axis (powers of ten, or 1-2-5 steps over a narrow range); bars start at its lower end; values must be > 0; grouped bars only (default false).

---Bars: one bar per row (per row and series), over categories.
---`chart.bar(ds, {x = "name", y = "value", title = "AI企業数"})`.
---@param data sumi.Dataset|table[] A dataset or an array of records.
---@param options sumi.ChartBarOptions
---@return sumi.Chart chart
function chart.bar(data, options) end

---@class sumi.ChartLineOptions : sumi.ChartSeriesOptions, sumi.ChartXAxisOptions
---@field x_scale? "auto"|"category"|"linear"|"time" "auto" (default: numbers linear, dates time, anything else categories), or one of those.
---@field markers? boolean A dot at each value (default false; at most 1,000 points on a continuous x).
---@field zero? boolean Start the value axis at 0 (default false).
---@field decimate? "minmax"|"lttb"|false How a long line keeps what the device can show: "minmax" (default), "lttb", or false (every point).
---@field y_log? boolean A log value axis (powers of ten, or 1-2-5 steps over a narrow range); values must be > 0 (default false).
---@field x_ticks? "auto"|"month"|"quarter"|"year"|"fiscal_quarter"|"fiscal_year" What a date x axis' ticks are: "auto" (default: quarters over a quarter column, else days, months or years as the span needs), months, quarters ("2025年Q1"), years, fiscal quarters ("2025年度Q1") or fiscal years ("2025年度", "FY2025").
---@field fiscal? sumi.ScaleFiscalOptions When fiscal years start (default: the language's, April in Japanese) and which year names them; with x_ticks "fiscal_quarter" or "fiscal_year" only.

---Lines: one per y column, broken at missing values. A numeric or date x column makes a
---linear or time x axis, drawn from the dataset's columns in place (long series stay in C).
---@param data sumi.Dataset|table[] A dataset or an array of records.
---@param options sumi.ChartLineOptions
---@return sumi.Chart chart
function chart.line(data, options) end

---@class sumi.ChartScatterOptions : sumi.ChartValueAxisOptions, sumi.ChartXAxisOptions
---@field y string The numeric y column.
---@field size? string A column of values >= 0: bubble areas.
---@field color? string A column of groups (any values, shown as text): a colour each and a legend.
---@field label? string A column of point labels, placed where they overlap nothing.
---@field x_log? boolean A log x axis (powers of ten); values must be > 0 (default false).
---@field y_log? boolean A log y axis (default false).
---@field size_title? string The text before the size legend (default: the size column's name).
---@field max_size? number The largest bubble's radius in points (default 5 × the theme's marker_size).

---Scatter and bubbles: one point per row on two numeric axes.
---@param data sumi.Dataset|table[] A dataset or an array of records.
---@param options sumi.ChartScatterOptions
---@return sumi.Chart chart
function chart.scatter(data, options) end

---@class sumi.ChartAreaOptions : sumi.ChartSeriesOptions, sumi.ChartXAxisOptions
---@field x_scale? "auto"|"category"|"linear"|"time" As for chart.line.
---@field mode? "stacked"|"overlap"|"percent" Stacked (default), overlapping from zero, or shares of each x's total.
---@field x_ticks? "auto"|"month"|"quarter"|"year"|"fiscal_quarter"|"fiscal_year" As for chart.line.
---@field fiscal? sumi.ScaleFiscalOptions As for chart.line.

---Areas: one band per y column over categories or a continuous x; the value axis starts at 0.
---@param data sumi.Dataset|table[] A dataset or an array of records.
---@param options sumi.ChartAreaOptions
---@return sumi.Chart chart
function chart.area(data, options) end

---@class sumi.ChartComboOptions : sumi.ChartSeriesOptions
---@field y? nil Not taken: give `bars` and `lines` (an error when set).
---@field bars string|string[] The bars' value column or columns.
---@field lines string|string[] The lines' value column or columns.
---@field mode? "grouped"|"stacked" The bars side by side (default) or stacked.
---@field y2? boolean The lines on their own axis at the right (default true); false: on the bars' axis.
---@field y2_title? string As `y_title`, for the right axis.
---@field y2_unit? string As `unit`, for the right axis (default "").
---@field y2_format? string|fun(value: number): string As `y_format`, for the right axis.
---@field y2_units? string|boolean As `y_units`, for the right axis (default "auto").
---@field y2_domain? number[] The right axis's range `{low, high}`.
---@field y2_zero? boolean Whether the right axis starts at 0 (default false).

---Bars and lines over the same categories, the lines on a secondary axis at the right.
---@param data sumi.Dataset|table[] A dataset or an array of records.
---@param options sumi.ChartComboOptions
---@return sumi.Chart chart
function chart.combo(data, options) end

---@class sumi.ChartFacetOptions : sumi.ChartBarOptions
---@field by string The column whose values make the panels, in the order they first appear.
---@field chart? "bar"|"line"|"scatter"|"area"|"combo"|"pie" The panels' kind (default "bar"); the other options are that kind's.
---@field columns? integer Panels per row, >= 1 (default 1 to 3 from the count).
---@field shared? boolean One value range for all panels (default true).

---Small multiples: one panel per value of the column `by`, every panel the same kind of chart,
---sharing one value axis; the title, legend and source line appear once. Every option but
---`by`, `chart`, `columns` and `shared` goes to each panel too (`x`, `y`, `mode`, ...).
---@param data sumi.Dataset|table[] A dataset or an array of records.
---@param options sumi.ChartFacetOptions
---@return sumi.Chart chart Its panels in `c.panels`.
function chart.facet(data, options) end

---@class sumi.ChartPieOptions : sumi.ChartFrameOptions
---@field label string The name column.
---@field value string The value column (numbers >= 0, a positive total).
---@field donut? number The hole, as a share of the radius, 0 to 0.9 (default 0).
---@field value_labels? string|boolean|fun(value: number, share: number): string "pct1" (default; pct formats show the share, others the value), true (the same), false (names only), or a function.

---A pie or donut: one slice per row, clockwise from the top.
---@param data sumi.Dataset|table[] A dataset or an array of records.
---@param options sumi.ChartPieOptions
---@return sumi.Chart chart
function chart.pie(data, options) end

---@class sumi.ChartPartOptions : sumi.ChartFrameOptions
---@field part? string|number A column of the first row, or the number itself.
---@field whole? string|number A column of the first row, or the number itself (> 0).
---@field style? "waffle"|"bar" A waffle of `cells` squares (default) or a bar.
---@field cells? integer The waffle's cells, 1 to 400 (default 100).
---@field caption? string A `sumi.template` text with {part}, {whole}, {share} (default "{part} / {whole} ({share:pct1})").

---A part of a whole, as a waffle or a bar, with a caption "71 / 271 (26.2%)".
---`chart.part({71, 271}, {title = "..."})`.
---@param data sumi.Dataset|table[]|number[]|nil `{part, whole}` numbers, a dataset or records whose first row holds the columns named by `part` and `whole`, or nil (the numbers in the options).
---@param options? sumi.ChartPartOptions
---@return sumi.Chart chart `c.filled` cells, `c.caption`.
function chart.part(data, options) end

---@class sumi.ChartKpiOptions : sumi.ChartFrameOptions
---@field value number The figure, a finite number.
---@field label? string|number The text under the figure.
---@field change? number A ratio: 0.183 shows "+18.3%", coloured by its sign.
---@field format? string|fun(value: number): string A format name or function for the figure (default "int").
---@field unit? string Written after the figure (default "").
---@field change_format? string|fun(value: number): string A format name or function for the change (default "change1").
---@field change_label? string|boolean What the change compares with, beside it: true (default: the language's "前年比", "YoY", "同比", "전년 대비"), a text ("前月比"), or false (the change alone).
---@field source? string|boolean The source line (default none).

---A KPI tile: one figure large, its label under it (broken between phrases only, never inside
---a word: 目標達成率 stays whole), the change line "+3.2% 前年比" coloured by its sign.
---@param options sumi.ChartKpiOptions
---@return sumi.Chart chart
function chart.kpi(options) end

---@class sumi.ChartKpisOptions : sumi.ChartFrameOptions
---@field gap? number Points between tiles, 0 to 1000 (default 10).
---@field border? string|false The tiles' border colour (default "#d5dbe3"), or false for none.
---@field source? string|boolean The source line (default none).

---KPI tiles side by side in one figure, each in an equal share of the width: every figure at
---one size, the largest at which every tile's fits, the stacks lined up. Tiles given as charts
---become part of the row (`sumi chart` exports the row, not each tile).
---`chart.kpis({{value = 12762223, unit = "台", label = "販売台数", change = 0.074}, ...}, {title = "..."})`.
---@param tiles (sumi.Chart|sumi.ChartKpiOptions)[] Each a `chart.kpi` or the options for one (made with the row's theme and lang unless they name their own).
---@param options? sumi.ChartKpisOptions
---@return sumi.Chart chart
function chart.kpis(tiles, options) end

---A reference line across the plot, its label at the right end (or the top).
---@class sumi.ChartLineAnnotation
---@field kind "line"
---@field y? number|string A value on the value axis, or a column holding one (the value every row holds, or row `row`'s).
---@field row? integer The row of `y`'s column to read (default: the one value it holds).
---@field x? string|number A category (or an x value): a line across the categories instead.
---@field label? string|number
---@field color? string (default: the theme's annotation colour)

---A shaded band under the marks, its label inside its top right (or top left) corner.
---@class sumi.ChartBandAnnotation
---@field kind "band"
---@field y? (number|string)[] `{from, to}` on the value axis (numbers, or columns as a line's `y`).
---@field row? integer The row of `y`'s columns to read.
---@field x? (string|number)[] `{first, last}` categories (or x values).
---@field label? string|number
---@field color? string

---A text centred just above a point, moved by dx, dy points.
---@class sumi.ChartTextAnnotation
---@field kind "text"
---@field x string|number A category (or an x value).
---@field y number A value.
---@field text string
---@field dx? number
---@field dy? number
---@field color? string

---A text off a point (towards the plot's middle by default) and an arrow to it.
---@class sumi.ChartArrowAnnotation
---@field kind "arrow"
---@field x string|number A category (or an x value).
---@field y number A value.
---@field text string
---@field dx? number
---@field dy? number
---@field color? string

---A chart, from any constructor of sumi.chart.
---@class sumi.Chart
---@field name string Its file name for `sumi chart` (the `name` option, else "chart-N").
---@field orientation? "vertical"|"horizontal" A bar chart's orientation after layout.
---@field plot? sumi.ChartBox The plot box, after `c:layout` or `c:draw` of a chart on a continuous x.
---@field scales? { x: sumi.LinearScale|sumi.LogScale|sumi.TimeScale|sumi.BandScale, y: sumi.LinearScale|sumi.LogScale } The scales used, after layout of a chart on a continuous x.
---@field labels_dropped? integer A scatter chart's point labels left out for lack of room, after layout.
---@field panels? sumi.Chart[] A facet's panels.
---@field filled? integer A part-of-whole chart's filled cells.
---@field caption? string A part-of-whole chart's caption.
local Chart = {}

---Draws the chart in the box (default: the whole page) and returns its text boxes.
---`c:draw(page, {x = 40, y = 100, width = 400, height = 240})`.
---@param canvas sumi.Canvas Any canvas: a PDF page, a PNG, an SVG, a trace.
---@param box? sumi.ChartBox|{ x?: number, y?: number } The box (default: the whole page; x, y alone: from there to the page's far edges).
---@return sumi.LabelBox[] boxes Every text box, in drawing order.
function Chart:draw(canvas, box) end

---Every text box the chart would place in the box; nothing is drawn.
---@param canvas sumi.Canvas The canvas that measures the texts.
---@param box? sumi.ChartBox|{ x?: number, y?: number } The box (default: the whole page).
---@return sumi.LabelBox[] boxes
function Chart:layout(canvas, box) end

---The chart laid out in the box, as a drawing list: `list:draw()` draws it, `list.path_points`
---is then the points its lines kept.
---@param canvas sumi.Canvas The canvas that measures the texts and that the list draws on.
---@param box? sumi.ChartBox|{ x?: number, y?: number } The box (default: the whole page).
---@return sumi.DrawingList list
function Chart:compose(canvas, box) end

---@class sumi.ChartSaveOptions
---@field preset? "print"|"slides"|"slides-720"|"4:3" The size: "print" (default; 160 × 90 mm, PNG at 300 dpi), "slides" (720 × 405 pt, PNG 1920 × 1080), "slides-720" (PNG 1280 × 720), "4:3" (720 × 540 pt, PNG 1440 × 1080).
---@field width? number Pixels for a PNG, points for SVG, PDF and trace (default: the preset's).
---@field height? number Pixels for a PNG, points otherwise (default: the preset's).
---@field dpi? number PNG only, >= 1: the chart is laid out in points and drawn at this resolution (default: the preset's).
---@field background? string A colour, or "transparent" (default "white").
---@field format? "png"|"svg"|"pdf"|"trace"|"pptx" The file type for a nil path without `-o`.

---Saves the chart as a file of its own, its type from the extension (.png, .svg, .pdf, .trace,
---.pptx); a nil path writes the `-o` path. A PDF is tagged, the chart its Figure with `c:alt_text()`.
---A .pptx is a one-slide deck: the title as the slide's title, the chart as SVG with a PNG
---fallback, the source line as text, the alt text as the notes (16:9, or 4:3 with preset "4:3").
---@param path string|nil
---@param options? sumi.ChartSaveOptions
---@return sumi.Chart chart
function Chart:save(path, options) end

---Adds annotations, as in the `annotations` option; returns the chart.
---`c:annotate({kind = "arrow", x = "2024", y = 7000, text = "過去最高"})`.
---@param ... sumi.ChartLineAnnotation|sumi.ChartBandAnnotation|sumi.ChartTextAnnotation|sumi.ChartArrowAnnotation
---@return sumi.Chart chart
function Chart:annotate(...) end

---The chart's alternative text for a tagged PDF: its `alt` option, else its title, subtitle and
---one sentence summarising its data, in its language.
---@return string text
function Chart:alt_text() end

---Drops a chart made only to be looked at (its options, its layout): no warning that it is
---never drawn, and `sumi chart` does not export it.
function Chart:discard() end

---A drawing list: the marks a chart will draw, recorded before they are drawn (`c:compose`).
---Every text's box is measured on the canvas, so it is exactly what `c:text` will draw.
---@class sumi.DrawingList
---@field canvas sumi.Canvas The canvas that measures the texts and that `list:draw()` draws on.
---@field items table[] The recorded marks, in drawing order.
---@field lang? string The language every text is set in unless its options name another.
---@field path_points? integer After `list:draw()`: the points the lines drawn from long series kept.
local DrawingList = {}

---Internal plumbing: the constructor of drawing lists (sumi.internal.drawing's `new`), reachable
---through a list's metatable. Called as a method it takes the list itself for the canvas and
---fails ("drawing.new: canvas must be a canvas"): a script gets its lists from `c:compose`.
---@param lang? string A language tag for every text in the new list.
---@return sumi.DrawingList list
function DrawingList:new(lang) end

---Measures a text as `c:measure_text` does, in the list's language.
---@param s string
---@param options? sumi.CanvasTextOptions
---@return number width
---@return number height
---@return sumi.TextMeasure measure
function DrawingList:measure(s, options) end

---The page box of a text drawn at (x, y): the axis-aligned box around the (possibly rotated) text.
---@param s string
---@param x number
---@param y number
---@param options? sumi.CanvasTextOptions
---@return sumi.ChartBox box
function DrawingList:text_box(s, x, y, options) end

---Records a text, as `c:text` will draw it; returns its box.
---@param s string
---@param x number
---@param y number
---@param options? sumi.CanvasTextOptions
---@return sumi.ChartBox box
function DrawingList:text(s, x, y, options) end

---Records a filled rectangle.
---@param x number
---@param y number
---@param w number
---@param h number
---@param fill string|sumi.Gradient
function DrawingList:rect(x, y, w, h, fill) end

---Records a line through points `{x1, y1, x2, y2, ...}`, stroked as `c:stroke` strokes: with
---its options, or a paint (colour or gradient; default black).
---@param points number[]
---@param stroke? sumi.CanvasStrokeOptions
---@overload fun(self: sumi.DrawingList, points: number[], paint: string|sumi.Gradient)
function DrawingList:line(points, stroke) end

---Records a filled circle, with an outline when `stroke` is given.
---@param cx number
---@param cy number
---@param r number The radius, >= 0.
---@param fill string|sumi.Gradient
---@param stroke? sumi.ThemeStroke The outline's colour and width.
function DrawingList:circle(cx, cy, r, fill, stroke) end

---Records a closed shape through points `{x1, y1, x2, y2, ...}`, filled, with an outline when
---`stroke` is given.
---@param points number[]
---@param fill string|sumi.Gradient
---@param stroke? sumi.ThemeStroke The outline's colour and width.
function DrawingList:polygon(points, fill, stroke) end

---Records a function that draws at draw time: `fn(canvas)`.
---@param fn fun(canvas: sumi.Canvas)
function DrawingList:paint(fn) end

---Every text's `{text, x, y, width, height}`, in drawing order.
---@return sumi.LabelBox[] boxes
function DrawingList:boxes() end

---Draws every item, in order, on the list's canvas or another.
---@param canvas? sumi.Canvas
function DrawingList:draw(canvas) end

return chart
