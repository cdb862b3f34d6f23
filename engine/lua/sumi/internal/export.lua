-- Charts as files of their own: the size presets and the file writing.
-- chart:save calls export.save; `sumi chart` (engine/run/runtime.c) calls
-- export.charts for every chart the script made. Nothing else writes a
-- chart to a file.
local canvas = require "sumi.canvas"
local errors = require "sumi.internal.errors"
local locale = require "sumi.locale"
local pptx = require "sumi.internal.pptx"
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
  format = {default = false, one_of = {"png", "svg", "pdf", "trace", "pptx"}},
}

local kinds = {png = true, svg = true, pdf = true, trace = true, pptx = true}

-- The kind of file to write: the path's extension, or for a nil path the
-- -o type (png, svg, pdf, trace or pptx, in that order of preference).
local function file_kind(path, o)
  if path then
    local ext = path:match("%.(%w+)$")
    ext = ext and ext:lower()
    if not kinds[ext] then
      errors.raise("chart:save: cannot tell the file type of '%s' (use .png, .svg, .pdf, .trace or .pptx)",
        path)
    end
    return ext
  end
  if o.format then return o.format end
  for _, ext in ipairs({"png", "svg", "pdf", "trace", "pptx"}) do
    if pcall(runtime.default_output, ext) then return ext end
  end
  return "png"
end

-- ---- PowerPoint

-- The deck's slide size: 4:3 for the 4:3 preset, else 16:9.
local function aspect_of(preset_name)
  return preset_name == "4:3" and "4:3" or "16:9"
end

-- The text of a chart's slide title: its title, a KPI tile's label, or the
-- name the script gave it. A chart with none of them cannot say on a slide
-- what it shows: that is an error at the line that made it.
local function slide_title(chart)
  local o = type(chart.options) == "table" and chart.options or {}
  local title = o.title or o.label or o.name
  if title == nil or title == false or tostring(title) == "" then
    error(("%s%s has no title: a slide's title is its chart's title (give it title = \"...\", or name = "
      .. "\"...\" for the slide to be called by its name)"):format(chart.where or "", chart.name
        or "the chart"), 0)
  end
  return tostring(title)
end

-- One chart as a slide: its title in the title placeholder, the chart
-- (without its title and source, which are the slide's text) as an SVG
-- picture with a PNG fallback drawn at png_scale times 72 dpi, the notes
-- and source lines as text under it, the alternative text as the notes.
local function chart_slide(chart, aspect, png_scale, background)
  local width, height = table.unpack(pptx.sizes[aspect])
  local o = type(chart.options) == "table" and chart.options or {}
  local words = locale.get(o.lang)
  local theme = chart.theme or {}
  local muted = theme.muted or "#5b6570"
  local margin, top = 36, 86
  local foot = {}
  if chart.notes then foot[#foot + 1] = words.note .. chart.notes end
  if chart.source then foot[#foot + 1] = words.source .. chart.source end
  local foot_size = 12
  local foot_height = #foot > 0 and (#foot * foot_size * 1.3 + 12) or 0
  local box = {x = margin, y = top, width = width - 2 * margin,
    height = height - top - margin / 2 - foot_height}
  local title = slide_title(chart)
  local svg, png
  chart.on_slide = true
  local ok, err = pcall(function()
    local c = canvas.svg(false, {width = box.width, height = box.height, background = background})
    chart:draw(c, {x = 0, y = 0, width = box.width, height = box.height})
    svg = c:close()
    c = canvas.png(false, {width = math.floor(box.width * png_scale + 0.5),
      height = math.floor(box.height * png_scale + 0.5), background = background})
    c:scale(png_scale)
    chart:draw(c, {x = 0, y = 0, width = box.width, height = box.height})
    png = c:close()
  end)
  chart.on_slide = nil
  if not ok then error(err, 0) end
  local alt = chart:alt_text()
  local slide = {
    title = {text = title, x = margin, y = 18, width = width - 2 * margin, height = top - 26, size = 26,
      bold = true, color = theme.ink},
    pictures = {{svg = svg, png = png, name = chart.name, alt = alt,
      x = box.x, y = box.y, width = box.width, height = box.height}},
    notes = alt,
  }
  if #foot > 0 then
    slide.texts = {{name = "Source", x = margin, y = height - margin / 2 - foot_height + 6,
      width = width - 2 * margin, height = foot_height - 6,
      paragraphs = pptx.plain(table.concat(foot, "\n"), {size = foot_size, color = muted}), anchor = "b"}}
  end
  return slide
end

-- A deck of charts: lang and title from the first chart.
local function write_deck(charts, path, settings)
  local slides = {}
  local scale = (settings.dpi or 144) / 72
  local background = settings.background or "white"
  for i, chart in ipairs(charts) do
    slides[i] = chart_slide(chart, settings.aspect, scale, background)
  end
  local first = type(charts[1].options) == "table" and charts[1].options or {}
  pptx.write(path, {aspect = settings.aspect, lang = first.lang or "ja", title = settings.title
    or slides[1].title.text,
    date = runtime.epoch(), slides = slides})
end

--- export.save(chart, path, options) -> chart: draws the chart into a file
--- of its own, its type from the extension (png, svg, pdf, trace, pptx); a nil
--- path writes the -o path. options: preset ("print" | "slides" |
--- "slides-720" | "4:3"), width, height (pixels for PNG, points otherwise),
--- dpi (PNG), background (a colour or "transparent"), format (for a nil
--- path without -o).
local save_file

function export.save(chart, path, opts)
  local o = options.check("chart:save", opts, save_spec)
  local kind = file_kind(path, o)
  if kind == "pptx" then
    if o.width or o.height then
      errors.raise("chart:save: a .pptx slide is 16:9, or 4:3 with preset = \"4:3\"; width and height do not "
        .. "apply")
    end
    if opts and opts.preset == "print" then
      errors.raise("chart:save: a .pptx slide is 16:9 (preset \"slides\", the default) or 4:3 (preset "
        .. "\"4:3\"); preset \"print\" does not apply")
    end
    if o.dpi and (o.dpi < 36 or o.dpi > 600) then
      options.fail("chart:save", "dpi", "a number in [36, 600] for a .pptx (its pictures' PNG fallbacks)",
        o.dpi)
    end
    slide_title(chart)
    write_deck({chart}, path, {aspect = aspect_of(o.preset), dpi = o.dpi, background = o.background})
    return chart
  end
  return save_file(chart, path, o, kind)
end

save_file = function(chart, path, o, kind)
  local preset = presets[o.preset]
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
  local deck = false
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
      if format == "pptx" then
        deck = true
      else
        local path = dir .. sep .. name .. "." .. format
        written[#written + 1] = path
        local ok, err = pcall(chart.save, chart, path, command_options(settings, format))
        if not ok then error(("cannot export chart '%s' to %s: %s"):format(name, path, tostring(err)), 0) end
      end
    end
  end
  -- One deck of every chart, named after the script.
  if deck then
    -- A chart that cannot title its slide is named at its line, first.
    for _, chart in ipairs(charts) do slide_title(chart) end
    if settings.dpi and settings.dpi > 0 and (settings.dpi < 36 or settings.dpi > 600) then
      error(("--dpi %d: a deck's pictures have PNG fallbacks of 36 to 600 dpi"):format(settings.dpi), 0)
    end
    local stem = settings.script:match("([^/]+)$"):gsub("%.lua$", "")
    local path = dir .. sep .. stem .. ".pptx"
    written[#written + 1] = path
    local ok, err = pcall(write_deck, charts, path, {aspect = aspect_of(settings.preset),
      dpi = settings.dpi and settings.dpi > 0 and settings.dpi or nil, background = settings.background})
    if not ok then error(("cannot export the deck %s: %s"):format(path, tostring(err)), 0) end
  end
  return written
end

return export
