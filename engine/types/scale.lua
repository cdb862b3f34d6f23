---@meta sumi.scale
-- Editor annotations for sumi.scale (engine/lua/sumi/scale.lua): data
-- values to page positions (or colours), with the ticks an axis draws.
-- docs/API.md §16 "Scales and axes" is the manual.

---Scales: `local scale = require "sumi.scale"`. linear, log, band (categories), time (dates),
---ordinal (categories to colours) and color (numbers to colours).
---@class sumi.scale
---@field limit number The largest magnitude a linear axis takes (1e300): past it a chart is refused.
local scale = {}

---A 1-2-5 step giving about `count` ticks between low and high (the rule d3 and
---matplotlib's MaxNLocator use): `scale.step(0, 3755, 5)` is 1000.
---@param low number
---@param high number
---@param count number About how many ticks.
---@return number step
function scale.step(low, high, count) end

---How many ticks suit an axis `length` long: one per `spacing` units, from 2 to 7.
---@param length number The axis length in points.
---@param spacing? number Points per tick (default 50).
---@return integer count
function scale.tick_count(length, spacing) end

---@class sumi.ScaleLinearOptions
---@field domain? number[] `{low, high}`, two numbers within ±1e300 (default {0, 1}).
---@field range? number[] `{a, b}`: the positions of low and high (default {0, 1}); b < a runs up the page.
---@field nice? boolean Widen the domain to whole ticks (default true).
---@field zero? boolean Stretch the domain to include 0, as bars need (default false).
---@field count? number About how many ticks, >= 1 (default 5).

---A linear scale: `scale.linear{domain = {0, 3755}, range = {300, 0}}`.
---@param options? sumi.ScaleLinearOptions
---@return sumi.LinearScale scale
function scale.linear(options) end

---@class sumi.ScaleLogOptions
---@field domain? number[] `{low, high}`, two numbers > 0 (default {1, 10}).
---@field range? number[] `{a, b}`: the positions of low and high (default {0, 1}).
---@field nice? boolean Widen the domain to powers of ten, or to 1-2-5 steps when the data spans less than two of them (default true).
---@field count? number About how many ticks, >= 1 (default 5).

---A log scale (powers of ten): `scale.log{domain = {3, 4500}, range = {0, 1}}`.
---@param options? sumi.ScaleLogOptions
---@return sumi.LogScale scale
function scale.log(options) end

---@class sumi.ScaleBandOptions
---@field domain? (string|number)[] The categories, in order (default {}).
---@field range? number[] `{a, b}`: the extent the bands share (default {0, 1}).
---@field padding? number The share of each step left empty between bands (default 0.2).
---@field outer? number The share of a step left before the first band and after the last (default padding / 2).

---A band scale: each category gets a band of the range.
---`scale.band{domain = {"a", "b", "c"}, range = {0, 300}, padding = 0.2}`.
---@param options? sumi.ScaleBandOptions
---@return sumi.BandScale scale
function scale.band(options) end

---@class sumi.ScaleOrdinalOptions
---@field domain? any[] The categories, in order (default {}).
---@field palette? string[] The colours; categories past its end cycle (default {"black"}).

---An ordinal scale: categories to colours; a category not in the domain takes the next colour.
---@param options? sumi.ScaleOrdinalOptions
---@return sumi.OrdinalScale scale
function scale.ordinal(options) end

---@class sumi.ScaleColorOptions
---@field domain? number[] Two or more numbers, increasing: `{lo, hi}`, or `{lo, mid, hi}` for a diverging scale (default {0, 1}).
---@field range? string[] A colour for each value of `domain` (default {"#ffffff", "#1f5fbf"}).

---A colour scale: numbers to colours mixed between the range's, clamped at the ends (a heat
---scale): `scale.color{domain = {-10, 0, 10}, range = {"#c0392b", "#ffffff", "#1f5fbf"}}`.
---@param options? sumi.ScaleColorOptions
---@return sumi.ColorScale scale
function scale.color(options) end

---A date's day count since 1970-01-01, or nil and the reason: a day count (a number), or a
---string "YYYY-MM-DD", "YYYY-MM" (the month's first day), "YYYYQn" or "YYYY-Qn" (the
---quarter's first day) or "YYYY" (1 January).
---@param value string|number
---@return number|nil days
---@return string? reason Why value is no date: "no such date", "not a date (...)".
function scale.date_days(value) end

---@class sumi.ScaleTimeOptions
---@field domain? (string|number)[] `{first, last}`: dates ("YYYY-MM-DD", "YYYY-MM", "YYYYQn", "YYYY") or days since 1970 (default {0, 1}).
---@field range? number[] `{a, b}`: the positions of first and last (default {0, 1}).
---@field count? number About how many ticks, >= 1 (default 5).
---@field lang? string The language of the tick labels, a language tag (default "ja").
---@field nice? boolean Widen the domain to whole tick intervals (default false).
---@field period? "auto"|"month"|"quarter"|"year"|"fiscal_quarter"|"fiscal_year" What the ticks are: "auto" (default: days, months or years as the span needs), or months, quarters ("2025年Q1"), years, fiscal quarters ("2025年度Q1") or fiscal years ("2025年度", "FY2025").
---@field fiscal? sumi.ScaleFiscalOptions When fiscal years start and how they are named (the fiscal periods).

---When a fiscal year starts and which year names it, as `sumi.date`'s fiscal functions take them.
---@class sumi.ScaleFiscalOptions
---@field start_month? integer 1 to 12 (default: the language's: 4 in Japanese, else 1).
---@field named_by? "start"|"end" The calendar year a fiscal year starts in (default) or ends in.

---A time scale: dates mapped linearly in days, with calendar ticks (days, weeks, months,
---quarters, years) labelled in the scale's language.
---`scale.time{domain = {"2024-11-01", "2025-06-30"}, range = {0, 400}, count = 8}`.
---@param options? sumi.ScaleTimeOptions
---@return sumi.TimeScale scale
function scale.time(options) end

---A linear scale (scale.linear).
---@class sumi.LinearScale
---@field low number The domain's low end (after nice and zero).
---@field high number The domain's high end.
---@field range number[] `{a, b}`.
---@field count number About how many ticks.
---@field tick_step? number The step of the last `s:ticks()`.
local LinearScale = {}

---Widens the domain to multiples of the tick step.
---@param count? number About how many ticks (default: the scale's count).
---@return sumi.LinearScale scale
function LinearScale:nice(count) end

---The position of a value.
---@param value number
---@return number position
function LinearScale:map(value) end

---The value at a position.
---@param position number
---@return number value
function LinearScale:invert(position) end

---The tick values: multiples of a 1-2-5 step inside the domain (`{0, 1000, 2000, 3000, 4000}`);
---the step is then in `s.tick_step`.
---@param count? number About how many ticks (default: the scale's count).
---@return number[] ticks
function LinearScale:ticks(count) end

---The domain's ends.
---@return number low
---@return number high
function LinearScale:domain() end

---A log scale (scale.log).
---@class sumi.LogScale
---@field low number The domain's low end (a power of ten when nice).
---@field high number The domain's high end.
---@field range number[] `{a, b}`.
---@field count number About how many ticks.
---@field log true Marks a log scale (an axis writes its ticks in their own units).
local LogScale = {}

---The position of a value > 0.
---@param value number
---@return number position
function LogScale:map(value) end

---The value at a position.
---@param position number
---@return number value
function LogScale:invert(position) end

---The powers of ten inside the domain: `{1, 10, 100, 1000, 10000}` (every second, fifth, ...
---when there are far more than count), or, when fewer than three fall inside, 1-2-5 steps
---(`{100, 200, 500, 1000, 2000}`).
---@param count? number About how many ticks (default: the scale's count).
---@return number[] ticks
function LogScale:ticks(count) end

---The domain's ends.
---@return number low
---@return number high
function LogScale:domain() end

---A band scale (scale.band).
---@class sumi.BandScale
---@field categories (string|number)[] The domain.
---@field range number[] `{a, b}`.
---@field padding number The share of each step left between bands.
---@field outer number The share of a step before the first band and after the last.
---@field step number The distance from one band's start to the next's.
local BandScale = {}

---The start of a category's band; a whole number not in the domain is taken as an index;
---nil for an unknown category.
---@param category string|number
---@return number? position
function BandScale:map(category) end

---The width of one band.
---@return number width
function BandScale:bandwidth() end

---The middle of a category's band (nil for an unknown category).
---@param category string|number
---@return number? position
function BandScale:center(category) end

---The categories.
---@return (string|number)[] categories
function BandScale:ticks() end

---An ordinal scale (scale.ordinal): categories to colours.
---@class sumi.OrdinalScale
---@field domain any[] The categories seen so far, in order.
local OrdinalScale = {}

---The colour of a category; a new category takes the next colour of the palette.
---@param category any
---@return string color
function OrdinalScale:map(category) end

---A colour scale (scale.color): numbers to colours.
---@class sumi.ColorScale
---@field domain number[] The domain's values.
---@field range string[] Their colours.
local ColorScale = {}

---The colour at a value, "#rrggbb" ("#rrggbbaa" when not opaque); the end colours past the
---domain's ends; nil for nil or NaN.
---@param value number?
---@return string? color
function ColorScale:map(value) end

---A time scale (scale.time): positions linear in days since 1970.
---@class sumi.TimeScale
---@field low number The first day of the domain.
---@field high number The last day.
---@field range number[] `{a, b}`.
---@field count number About how many ticks.
---@field lang string The language of the tick labels.
---@field interval? (string|number)[] The step of the last `s:ticks()`: `{unit, k, days, label}`, unit "day", "week", "month" or "year", label how the ticks are written: "day", "month", "quarter", "year", "fiscal_quarter" or "fiscal_year" (`{"month", 3, 91.3, "quarter"}`).
---@field period string What the ticks are (the `period` option).
local TimeScale = {}

---The position of a date: "YYYY-MM-DD", "YYYY-MM", "YYYYQn", "YYYY", or days since 1970-01-01.
---@param date string|number
---@return number position
function TimeScale:map(date) end

---The day count at a position.
---@param position number
---@return number days
function TimeScale:invert(position) end

---The domain's ends, in days.
---@return number first
---@return number last
function TimeScale:domain() end

---The tick days: calendar boundaries (the 1st of a month, 1 January, a Monday) of the first
---step giving at most `count` ticks; the step is then in `s.interval`.
---@param count? number At most how many ticks (default: the scale's count).
---@return number[] ticks
function TimeScale:ticks(count) end

---Texts for the ticks of the last `s:ticks()`, in the scale's language: "2025年", "3月",
---"3月5日" (the year on the first tick and where a year begins), "Mar 5, 2025" in English;
---quarters "2025年Q1", "Q2"; fiscal quarters "2025年度Q1"; fiscal years "2025年度", "FY2025".
---@param ticks number[]
---@return string[] labels
function TimeScale:tick_labels(ticks) end

return scale
