-- Charts as files of their own: the size presets and the file writing.
-- chart:save calls export.save; `sumi chart` (engine/run/runtime.c) calls
-- export.charts for every chart the script made. Nothing else writes a
-- chart to a file.
local canvas = require "sumi.canvas"
local errors = require "sumi.internal.errors"
local options = require "sumi.internal.options"
local runtime = require "sumi.runtime"
local subset = require "sumi.subset"

local export = {}

-- The presets, sizes in points and the dpi a PNG is drawn at, are defined
-- once in C (engine/core/presets.c), where `sumi chart --preset` checks them
-- before any Lua runs.
local presets, preset_names = {}, {}
for _, p in ipairs(runtime.chart_presets()) do
  presets[p.name] = {width = p.width, height = p.height, dpi = p.dpi}
  preset_names[#preset_names + 1] = p.name
end

local save_spec = {
  width = {default = false, type = "number"},
  height = {default = false, type = "number"},
  dpi = {default = false, type = "number", min = 1},
  background = {default = "white", type = "string"},
  preset = {default = "print", one_of = preset_names},
  format = {default = false, one_of = {"png", "svg", "pdf", "trace"}},
}

-- The kind of file to write: the path's extension, or for a nil path the
-- -o type (png, svg, pdf or trace, in that order of preference).
local function file_kind(path, o)
  if path then
    local ext = path:match("%.(%w+)$")
    ext = ext and ext:lower()
    if ext ~= "png" and ext ~= "svg" and ext ~= "pdf" and ext ~= "trace" then
      errors.raise("chart:save: cannot tell the file type of '%s' (use .png, .svg, .pdf or .trace)", path)
    end
    return ext
  end
  if o.format then return o.format end
  for _, ext in ipairs({"png", "svg", "pdf", "trace"}) do
    if pcall(runtime.default_output, ext) then return ext end
  end
  return "png"
end

--- export.save(chart, path, options) -> chart: draws the chart into a file
--- of its own, its type from the extension (png, svg, pdf, trace); a nil
--- path writes the -o path. options: preset ("print" | "slides" |
--- "slides-720" | "4:3"), width, height (pixels for PNG, points otherwise),
--- dpi (PNG), background (a colour or "transparent"), format (for a nil
--- path without -o).
function export.save(chart, path, opts)
  local o = options.check("chart:save", opts, save_spec)
  local preset = presets[o.preset]
  local kind = file_kind(path, o)
  local c, w, h
  if kind == "png" then
    local dpi = o.dpi or preset.dpi
    local px_w = o.width or math.floor(preset.width * dpi / 72 + 0.5)
    local px_h = o.height or math.floor(preset.height * dpi / 72 + 0.5)
    c = canvas.png(path, {width = px_w, height = px_h, background = o.background})
    c:scale(dpi / 72)
    w, h = px_w * 72 / dpi, px_h * 72 / dpi
  else
    w, h = o.width or preset.width, o.height or preset.height
    if kind == "svg" or kind == "trace" then
      c = canvas[kind](path, {width = w, height = h, background = o.background})
    else
      -- A tagged PDF of one Figure (PDF/UA-1): its alternative text the
      -- chart's own, the file's title the chart's (or that text).
      local alt = chart:alt_text()
      local chart_options = type(chart.options) == "table" and chart.options or {}
      local title = chart_options.title and tostring(chart_options.title) or alt
      c = canvas.pdf(path, {width = w, height = h, tagged = true, title = title,
        lang = chart_options.lang or "ja"})
      subset.prepare(c, w, h, function(trace)
        chart:draw(trace, {x = 0, y = 0, width = w, height = h})
      end)
      -- The background is part of the figure, not an artifact: an artifact
      -- would make the pass after cairo copy the page's drawing again.
      c:begin_tag("Document")
      c:begin_tag("Figure", {alt = alt, box = {0, 0, w, h}})
      if o.background ~= "transparent" then c:paint(o.background) end
      chart:draw(c, {x = 0, y = 0, width = w, height = h})
      c:end_tag("Figure")
      c:end_tag("Document")
      c:close()
      return chart
    end
  end
  chart:draw(c, {x = 0, y = 0, width = w, height = h})
  c:close()
  return chart
end

-- The chart:save options of `sumi chart` for one format. A --size is in
-- pixels: a PNG gets exactly that many, SVG and PDF the same page in points
-- (pixels * 72 / dpi), so every format shows the same layout.
local function command_options(settings, format)
  local preset = settings.preset
  local o = {preset = preset, background = settings.background}
  local dpi = settings.dpi and settings.dpi > 0 and settings.dpi or nil
  o.dpi = dpi
  local width, height = settings.width or 0, settings.height or 0
  if width > 0 then
    if format == "png" then
      o.width, o.height = width, height
    else
      local at = dpi or presets[preset].dpi
      o.width, o.height = width * 72 / at, height * 72 / at
    end
  end
  return o
end

--- export.charts(charts, settings) -> the paths written: what `sumi chart`
--- does once the script has run. Saves every chart of the list, in order,
--- as <directory>/<name>.<format> for each format. settings: script (its
--- path, for the message when it made no charts), directory, formats
--- ({"png", "svg", "pdf"}), preset (the C side fills in sumi chart's
--- default), width and height (--size in pixels; nil or 0: the preset's),
--- dpi (nil or 0: the preset's),
--- background (nil: white). Errors carry no position: the script has ended.
function export.charts(all, settings)
  local charts = {}
  for _, chart in ipairs(all) do
    if not chart.discarded then charts[#charts + 1] = chart end
  end
  if #charts == 0 then
    error(("%s created no charts (sumi chart exports the charts made with sumi.chart)")
      :format(settings.script), 0)
  end
  local dir = settings.directory
  local sep = (#dir > 0 and dir:sub(-1) == "/") and "" or "/"
  local seen, written = {}, {}
  for i, chart in ipairs(charts) do
    local name = chart.name
    if type(name) == "number" then name = tostring(name) end
    if type(name) ~= "string" then error(("chart %d has no name"):format(i), 0) end
    if seen[name] then
      error(("charts %d and %d are both named '%s' (give each its own 'name')"):format(seen[name], i, name),
        0)
    end
    seen[name] = i
    for _, format in ipairs(settings.formats) do
      local path = dir .. sep .. name .. "." .. format
      written[#written + 1] = path
      local ok, err = pcall(chart.save, chart, path, command_options(settings, format))
      if not ok then error(("cannot export chart '%s' to %s: %s"):format(name, path, tostring(err)), 0) end
    end
  end
  return written
end

return export
