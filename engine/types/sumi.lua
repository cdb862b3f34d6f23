---@meta sumi
-- Editor annotations for sumi's Lua API, read by the Lua language server
-- (completion, hover docs, type checks). They describe; they do not run.
-- docs/API.md is the manual; tests/api checks that these files, the code
-- and the manual name the same functions and options.

---The sumi library: `local sumi = require "sumi"`.
---@class sumi
---@field canvas sumi.canvas Canvases: `pdf`, `png`, `svg`, `trace`, gradients, `mm`.
---@field text sumi.text `draw`, `measure` and `words`: the functions behind `c:text` and `c:measure_text`.
---@field data sumi.data Datasets and their readers: `read_csv`, `read_json`, `query_sqlite`, `query_postgres`, `from_rows`, `from_columns`.
---@field stats sumi.stats Report metrics: `share`, `ratio`, `growth`, `cagr`, `top_n`, `mean`, `median`, ...
---@field template sumi.template `fill` and named formats for report sentences.
---@field chart sumi.chart Charts that draw on any canvas and save to PNG, SVG, PDF or a trace.
---@field document sumi.document Multi-page documents: `new`.
---@field theme sumi.theme Chart themes: `print`, `slides`, `colorblind`, `mono`, `derive`, `get`.
---@field fonts sumi.fonts Font resolution per language: `resolve`, `language`, `languages`, `define_language`.
---@field locale sumi.locale Each language's words, units and date forms.
---@field format sumi.format Number and date formats that never depend on the machine's locale.
---@field date sumi.date Dates, months ("2025-03") and quarters ("2025Q1"): arithmetic, fiscal years, eras.
---@field params table<string, string> The `-p key=value` parameters, strings keyed by name.
---@field version string The engine version, e.g. "0.1.0".
local sumi = {}

---Millimetres to points: `sumi.mm(210)` is the width of A4 in points.
---@param millimetres number
---@return number points
function sumi.mm(millimetres) end

---The report's time in seconds since 1970: SOURCE_DATE_EPOCH when set (so reruns
---give identical files), else the current time.
---@return integer seconds
function sumi.epoch() end

---Writes a warning on stderr, naming the caller's file:line first.
---@param message string
function sumi.warn(message) end

return sumi
