---@meta sumi.runtime
-- Editor annotations for sumi.runtime (engine/run/runtime.c).
-- docs/API.md §20 is the manual.

---What the rest of the library is built on: what a script may know about its run. Most
---scripts do not need it: the report's date and warnings are `sumi.epoch()` and `sumi.warn()`.
---@class sumi.runtime
local runtime = {}

---A chart size `chart:save` and `sumi chart --preset` know.
---@class sumi.ChartPreset
---@field name string
---@field width number Points.
---@field height number Points.
---@field dpi integer The resolution a PNG is drawn at.

---The `-p key=value` parameters (the table `sumi.params` holds), strings keyed by name.
---@return table<string, string> params
function runtime.params() end

---The script's path as given on the command line.
---@return string path
function runtime.script() end

---The path a canvas given `nil` would write for extension `ext`: the `-o` path, or
---`reports/<script name>.<ext>`; an error when `-o` names another type.
---@param ext string "pdf", "png", "svg", ...
---@return string path
function runtime.default_output(ext) end

---Where a relative input path points: from the script's folder.
---@param path string
---@return string path
function runtime.resolve(path) end

---The report's time in seconds since 1970 (`sumi.epoch()`): SOURCE_DATE_EPOCH when set, else
---the current time.
---@return integer seconds
function runtime.epoch() end

---Writes a warning on stderr, naming the caller's file:line first (`sumi.warn()`).
---@param message string
function runtime.warn(message) end

---Internal plumbing of sumi.chart: counts the charts of the run and, in `sumi chart`, keeps
---the chart for export.
---@param chart table A chart (sumi.chart).
---@return integer n The chart's place in the run, from 1.
function runtime.register_chart(chart) end

---Whether a character no font has fails the run; `true` or `false` sets it for the rest of the
---run first. Starts as `--strict-glyphs` says.
---@param on? boolean
---@return boolean strict
function runtime.strict_glyphs(on) end

---Whether `sumi render --previews` asked for PNG pages beside each document's PDF.
---@return boolean previews
function runtime.previews() end

---Whether `sumi render --pdfa` asked for PDF/A files.
---@return boolean pdfa
function runtime.pdfa() end

---`fn(...)`'s results; while `fn` runs, warnings name `where` ("report.lua:12: "), and an error
---raised from inside sumi's library is reported there. A helper that draws later what a script
---gave earlier uses it to point at the line that gave it.
---@param where string A "file:line: " prefix.
---@param fn function
---@param ... any fn's arguments.
---@return any ...
function runtime.blame(where, fn, ...) end

---The chart sizes `chart:save` and `sumi chart --preset` know, in order.
---@return sumi.ChartPreset[] presets
function runtime.chart_presets() end

return runtime
