-- Charts composed from scales, axes, legends and marks.
--
--   local chart = require "sumi.chart"
--   local c = chart.bar(ds, {x = "name", y = "value", title = "AI企業数"})
--   c:draw(page, {x = 40, y = 100, width = 400, height = 240})  -- on any canvas
--   c:save("chart.png", {preset = "slides"})                     -- a file of its own
--   c:layout(canvas, box)   -- every text box it would place (for tests)
--
-- A chart never knows about pages: it fills the box it is given.
local axis = require "sumi.axis"
local drawing = require "sumi.drawing"
local legend = require "sumi.legend"
local options = require "sumi.options"
local scale = require "sumi.scale"
local themes = require "sumi.theme"
local bar_mark = require "sumi.marks.bar"
local line_mark = require "sumi.marks.line"

local chart = {}
local Chart = {}
Chart.__index = Chart

local common_defaults = {
  x = false, y = false, title = false, subtitle = false, source = true, theme = false,
  lang = "ja", unit = "", y_title = false, y_format = false, y_units = "auto",
  y_title_position = "top", names = false, legend = true, value_labels = false, name = false,
}

local function defaults(extra)
  local d = options.copy(common_defaults)
  for k, v in pairs(extra) do d[k] = v end
  return d
end

-- ---- data: a dataset or an array of records, read into arrays

local function read_data(data, o, fn, level)
  if o.x == false then error(("missing option 'x' to '%s' (the category column)"):format(fn), level) end
  if o.y == false then
    error(("missing option 'y' to '%s' (a value column or a list of them)"):format(fn), level)
  end
  local ys = type(o.y) == "table" and o.y or {o.y}
  local columns, n, source = {}, 0, nil
  local wanted = {o.x}
  for _, y in ipairs(ys) do wanted[#wanted + 1] = y end
  if type(data) == "userdata" then
    local names, have = data:names(), {}
    for _, name in ipairs(names) do have[name] = true end
    for _, name in ipairs(wanted) do
      if not have[name] then
        error(("%s: no column '%s' (columns: %s)"):format(fn, name, table.concat(names, ", ")), level)
      end
      local values, count = data:column(name)
      columns[name], n = values, count
    end
    source = data:meta().source
  elseif type(data) == "table" then
    n = #data
    local seen = {}
    for _, row in ipairs(data) do
      for k in pairs(row) do seen[k] = true end
    end
    for _, name in ipairs(wanted) do
      if n > 0 and not seen[name] then
        local keys = {}
        for k in pairs(seen) do keys[#keys + 1] = tostring(k) end
        table.sort(keys)
        error(("%s: no field '%s' in the records (fields: %s)"):format(fn, name, table.concat(keys, ", ")),
          level)
      end
      local values = {n = n}
      for i, row in ipairs(data) do values[i] = row[name] end
      columns[name] = values
    end
  else
    error(("bad argument #1 to '%s' (dataset or array of records expected, got %s)"):format(fn, type(data)),
      level)
  end
  local categories = {}
  for i = 1, n do
    local v = columns[o.x][i]
    categories[i] = v == nil and "" or tostring(v)
  end
  local series = {}
  for k, y in ipairs(ys) do
    local values = columns[y]
    for i = 1, n do
      local v = values[i]
      if v ~= nil and (type(v) ~= "number" or v ~= v or v == math.huge or v == -math.huge) then
        error(("%s: row %d of '%s' is not a finite number (%s)"):format(fn, i, y, tostring(v)), level)
      end
    end
    series[k] = {name = o.names and o.names[k] or y, values = values}
  end
  return {categories = categories, series = series, n = n, source = source}
end

local function make(kind, data, opts, extra, fn)
  local o = options.check(fn, opts, defaults(extra), 4)
  local self = setmetatable({kind = kind, options = o}, Chart)
  self.theme = themes.get(o.theme or nil, 4)
  self.data = read_data(data, o, fn, 4)
  if o.source == true then
    self.source = self.data.source
  elseif o.source then
    self.source = o.source
  end
  self.value_format = o.value_labels and axis.formatter(o.value_labels ~= true and o.value_labels or nil, 4)
  if o.name ~= false and (type(o.name) ~= "string" or o.name == "" or o.name:find("^%.") or
      o.name:find("[/\\%c]")) then
    error(("bad option 'name' to '%s' (a file name without '/' expected, got %s)")
      :format(fn, type(o.name) == "string" and ("'" .. o.name .. "'") or type(o.name)), 3)
  end
  return self
end

-- Every chart joins the run's list, which `sumi chart` exports; its name
-- (the file name there) defaults to chart-N, N its place in creation order.
local function register(self)
  local n = require("sumi.runtime").register_chart(self)
  self.name = self.options.name or ("chart-" .. n)
  return self
end

--- chart.bar(data, options) -> chart. See docs/charts.md for the options.
function chart.bar(data, opts)
  local self = make("bar", data, opts, {orientation = "auto", mode = "grouped"}, "chart.bar")
  local o = self.options
  options.one_of("chart.bar", "orientation", o.orientation, {"auto", "vertical", "horizontal"}, 3)
  options.one_of("chart.bar", "mode", o.mode, {"grouped", "stacked", "percent"}, 3)
  if o.mode == "percent" then
    for i = 1, self.data.n do
      local total = 0
      for _, s in ipairs(self.data.series) do total = total + math.abs(s.values[i] or 0) end
      for _, s in ipairs(self.data.series) do
        s.shares = s.shares or {n = self.data.n}
        if s.values[i] ~= nil and total > 0 then s.shares[i] = s.values[i] / total end
      end
    end
    for _, s in ipairs(self.data.series) do s.values = s.shares or {n = self.data.n} end
    if not o.y_format then o.y_format = "pct0" end
    if o.value_labels == true then self.value_format = axis.formatter("pct0") end
  end
  return register(self)
end

--- chart.line(data, options) -> chart: one line per y column, broken at
--- missing values. Extra options: markers (false), zero (false: the value
--- axis starts at 0 only if asked).
function chart.line(data, opts)
  return register(make("line", data, opts, {markers = false, zero = false}, "chart.line"))
end

-- ---- layout

-- The value range the marks need: per-category sums when stacked.
local function value_extent(self)
  local lo, hi = math.huge, -math.huge
  local stacked = self.kind == "bar" and self.options.mode ~= "grouped"
  for i = 1, self.data.n do
    local up, down = 0, 0
    for _, s in ipairs(self.data.series) do
      local v = s.values[i]
      if v ~= nil then
        if stacked then
          if v >= 0 then up = up + v else down = down + v end
          lo, hi = math.min(lo, down), math.max(hi, up)
        else
          lo, hi = math.min(lo, v), math.max(hi, v)
        end
      end
    end
  end
  if lo == math.huge then lo, hi = 0, 1 end
  if self.kind == "bar" and self.options.mode == "percent" then hi = math.min(hi, 1) end
  return lo, hi
end

local function value_axis_options(self, side)
  local o = self.options
  return {side = side, title = o.y_title, unit = o.unit, lang = o.lang, format = o.y_format,
          theme = self.theme, units = o.y_units, title_position = o.y_title_position}
end

local function label_texts(self, s)
  if not self.value_format then return nil end
  local _, _, _, divisor = axis.value_labels(s, value_axis_options(self, "left"))
  local fmt = self.value_format
  if self.options.value_labels == true and self.options.mode ~= "percent" then
    fmt = function(v)
      local text = require("sumi.format").number(v / divisor, {decimals = divisor > 1 and 1 or 0})
      return (text:gsub("%.0$", ""))
    end
  end
  return fmt
end

-- Title, subtitle, source and legend; returns the area left for the plot.
local function frame(self, list, box)
  local theme, o = self.theme, self.options
  local pad = theme.padding
  local x, width = box.x + pad, box.width - 2 * pad
  local top, bottom = box.y + pad, box.y + box.height - pad
  if o.title then
    local b = list:text(o.title, x, top, {size = theme.sizes.title, weight = theme.title_weight,
      font = theme.font, color = theme.ink, width = width})
    top = top + b.height + 2
  end
  if o.subtitle then
    local b = list:text(o.subtitle, x, top, {size = theme.sizes.subtitle, font = theme.font,
      color = theme.muted, width = width})
    top = top + b.height
  end
  if o.title or o.subtitle then top = top + theme.gap * 2 end
  if self.source then
    local text = (o.lang == "en" and "Source: " or "出典: ") .. self.source
    local b = list:text(text, x, bottom, {size = theme.sizes.source, font = theme.font, color = theme.muted,
      width = width, anchor = "bottom-left"})
    bottom = bottom - b.height - theme.gap
  end
  if o.legend and #self.data.series > 1 then
    local items = {}
    for k, s in ipairs(self.data.series) do
      items[k] = {label = s.name, color = theme.palette[(k - 1) % #theme.palette + 1],
                  kind = self.kind == "line" and "line" or "rect",
                  dash = self.kind == "line" and theme.dashes and theme.dashes[(k - 1) % #theme.dashes + 1]
                    or nil}
    end
    legend.add(list, {x = x, y = top, width = width}, items, theme)
    top = top + legend.height(list, width, items, theme) + theme.gap
  end
  return {x = x, y = top, width = width, height = bottom - top}
end

local function value_scale(self, lo, hi, range, length)
  return scale.linear{domain = {lo, hi}, range = range, zero = self.kind == "bar" or self.options.zero,
                      count = scale.tick_count(length, self.theme.sizes.tick * 5)}
end

-- Vertical bars and lines: categories along the bottom. Returns false when
-- the category labels fit in no way (then bars turn horizontal).
local function compose_columns(self, list, area, force)
  local theme = self.theme
  local lo, hi = value_extent(self)
  local n = self.data.n
  local labels = self.data.categories
  local value_h = 0
  if self.value_format and self.kind == "bar" then
    value_h = select(2, list:measure("0", {size = theme.sizes.value, font = theme.font})) + theme.gap / 2
  end
  local plot_h = area.height * 0.75
  local plot = {}
  local plan, s, every
  for _ = 1, 3 do
    s = value_scale(self, lo, hi, {plot_h, 0}, plot_h)
    local thickness, title_h = axis.value_thickness(list, s, value_axis_options(self, "left"))
    plot.x = area.x + thickness
    plot.y = area.y + title_h + value_h
    local right = area.x + area.width - theme.gap
    local band = scale.band{domain = labels, range = {plot.x, right},
                            padding = self.kind == "bar" and theme.bar_padding or 0,
                            outer = self.kind == "line" and 0 or false}
    local max_h = (area.height - title_h - value_h) * 0.4
    every = 1
    plan = axis.fit_categories(list, labels, band.step, {theme = theme, max_height = max_h})
    if self.kind == "line" then
      while not plan or plan.mode ~= "plain" do -- a line chart thins its labels instead
        every = every + 1
        if every > n then break end
        plan = axis.fit_categories(list, labels, band.step * every - theme.gap,
          {theme = theme, max_height = max_h})
      end
      plan = plan or {mode = "plain", size = theme.min_label_size, height = theme.sizes.label * 1.5,
                      overhang = 0}
    end
    if not plan then
      if not force then return false end
      plan = {mode = "wrap", size = theme.min_label_size, width = band.step - theme.gap, overhang = 0}
      local high = 0
      for _, l in ipairs(labels) do
        high = math.max(high, select(2, list:measure(l, {size = plan.size, font = theme.font,
          width = plan.width, wrap = "char"})))
      end
      plan.height = high
    end
    -- a label reaching left of the chart's box pushes the plot right
    local first = band:center(1) or plot.x
    if first - plan.overhang < area.x then
      plot.x = plot.x + (area.x - (first - plan.overhang)) + 1
    end
    plot.width = right - plot.x
    plot.height = area.y + area.height - plan.height - theme.gap - plot.y
    plot_h = plot.height
  end
  s = value_scale(self, lo, hi, {plot.y + plot.height, plot.y}, plot.height)
  local band = scale.band{domain = labels, range = {plot.x, plot.x + plot.width},
                          padding = self.kind == "bar" and theme.bar_padding or 0,
                          outer = self.kind == "line" and 0 or false}
  -- the value axis first, so the marks draw over the gridlines
  axis.add(list, plot, s, value_axis_options(self, "left"))
  list:line({plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height}, theme.axis)
  local mark_opts = {band = band, value = s, mode = self.options.mode, theme = theme,
                     label = label_texts(self, s), markers = self.options.markers,
                     x = function(i) return band:center(i) end}
  if self.kind == "bar" then
    bar_mark(list, plot, self.data, mark_opts)
  else
    line_mark(list, plot, self.data, mark_opts)
  end
  axis.add_categories(list, plot, band, labels, plan, {theme = theme, side = "bottom", every = every})
  return true
end

-- Horizontal bars: categories down the left side, values along the bottom.
local function compose_rows(self, list, area)
  local theme = self.theme
  local lo, hi = value_extent(self)
  local labels = self.data.categories
  local n = math.max(1, self.data.n)
  local max_w = area.width * 0.35
  local size, label_w
  for sz = theme.sizes.label, theme.min_label_size, -0.5 do
    size, label_w = sz, 0
    local fits = true
    for _, l in ipairs(labels) do
      local w = list:measure(l, {size = sz, font = theme.font})
      label_w = math.max(label_w, math.min(w, max_w))
    end
    local step = area.height * 0.85 / n
    for _, l in ipairs(labels) do
      local _, h = list:measure(l, {size = sz, font = theme.font, width = label_w, wrap = "char"})
      if h + 2 > step then fits = false end
    end
    if fits then break end
  end
  local plot = {x = area.x + label_w + theme.gap, y = area.y}
  local s = value_scale(self, lo, hi, {plot.x, area.x + area.width}, area.width - label_w)
  local fmt = label_texts(self, s)
  local right = 0
  if fmt then
    for _, series in ipairs(self.data.series) do
      for i = 1, self.data.n do
        local v = series.values[i]
        if v ~= nil then
          local w = list:measure(fmt(v), {size = theme.sizes.value, font = theme.font})
          right = math.max(right, w + theme.gap)
        end
      end
    end
  end
  local vopts = value_axis_options(self, "bottom")
  vopts.title_position = "side"
  local thickness = axis.value_thickness(list, s, vopts)
  -- the last tick label is centred on the plot's right end: keep it inside
  right = math.max(right, theme.sizes.tick * 2)
  plot.width = area.x + area.width - right - plot.x
  plot.height = area.y + area.height - thickness - plot.y
  s = value_scale(self, lo, hi, {plot.x, plot.x + plot.width}, plot.width)
  local band = scale.band{domain = labels, range = {plot.y, plot.y + plot.height},
                          padding = theme.bar_padding}
  axis.add(list, plot, s, vopts)
  list:line({plot.x, plot.y, plot.x, plot.y + plot.height}, theme.axis)
  bar_mark(list, plot, self.data, {band = band, value = s, mode = self.options.mode, theme = theme,
                                   horizontal = true, label = label_texts(self, s)})
  axis.add_categories(list, plot, band, labels, {size = size, width = label_w},
    {theme = theme, side = "left"})
end

--- chart:compose(canvas, box) -> a drawing list (sumi.drawing) of the chart
--- laid out in box; the chart's orientation after layout is in
--- chart.orientation.
function Chart:compose(canvas, box)
  box = box or {}
  if not box.width then
    local w, h = canvas:size()
    box = {x = box.x or 0, y = box.y or 0, width = w - (box.x or 0), height = h - (box.y or 0)}
  end
  local list = drawing.new(canvas)
  local area = frame(self, list, box)
  local o = self.options
  local orientation = o.orientation or "vertical"
  if self.kind == "line" or orientation ~= "horizontal" then
    local mark = #list.items
    local ok = compose_columns(self, list, area, self.kind == "line" or orientation == "vertical")
    if not ok then
      for i = #list.items, mark + 1, -1 do list.items[i] = nil end
      orientation = "horizontal"
    else
      orientation = "vertical"
    end
  end
  if orientation == "horizontal" and self.kind == "bar" then compose_rows(self, list, area) end
  self.orientation = orientation
  return list
end

--- chart:layout(canvas, box) -> every text box the chart would place:
--- {text, x, y, width, height}, in drawing order. Nothing is drawn.
function Chart:layout(canvas, box)
  return self:compose(canvas, box):boxes()
end

--- chart:draw(canvas [, box]) -> the text boxes: draws the chart in box
--- {x, y, width, height} (default: the whole page).
function Chart:draw(canvas, box)
  local list = self:compose(canvas, box)
  list:draw()
  return list:boxes()
end

-- Sizes in points, and the dpi a PNG is drawn at.
local presets = {
  print = {width = 453.54, height = 255.12, dpi = 300},   -- 160 x 90 mm
  slides = {width = 720, height = 405, dpi = 192},        -- 1920 x 1080 px
  ["slides-720"] = {width = 720, height = 405, dpi = 128}, -- 1280 x 720 px
  ["4:3"] = {width = 720, height = 540, dpi = 144},        -- 1440 x 1080 px
}

local save_defaults = {width = false, height = false, dpi = false, background = "white", preset = "print",
                       format = false}

-- The kind of file to write: the path's extension, or for a nil path the
-- -o type (png, svg, pdf or trace, in that order of preference).
local function file_kind(path, o)
  if path then
    local ext = path:match("%.(%w+)$")
    ext = ext and ext:lower()
    if ext ~= "png" and ext ~= "svg" and ext ~= "pdf" and ext ~= "trace" then
      error(("chart:save: cannot tell the file type of '%s' (use .png, .svg, .pdf or .trace)")
        :format(path), 3)
    end
    return ext
  end
  if o.format then return o.format end
  local runtime = require "sumi.runtime"
  for _, ext in ipairs({"png", "svg", "pdf", "trace"}) do
    if pcall(runtime.default_output, ext) then return ext end
  end
  return "png"
end

--- chart:save(path, options) -> draws the chart into a file of its own,
--- its type from the extension (png, svg, pdf, trace); a nil path writes the -o
--- path. options: preset ("print" | "slides" | "slides-720" | "4:3"),
--- width, height (pixels for PNG, points otherwise), dpi (PNG), background
--- (a colour or "transparent"), format (for a nil path without -o).
function Chart:save(path, opts)
  local o = options.check("chart:save", opts, save_defaults)
  local preset = presets[o.preset]
  if not preset then
    error(("bad option 'preset' to 'chart:save' (one of print, slides, slides-720, 4:3 expected, got %s)")
      :format(tostring(o.preset)), 2)
  end
  local kind = file_kind(path, o)
  local canvas = require "sumi.canvas"
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
      c = canvas.pdf(path, {width = w, height = h})
      if o.background ~= "transparent" then c:paint(o.background) end
    end
  end
  self:draw(c, {x = 0, y = 0, width = w, height = h})
  c:close()
  return self
end

-- ---- one-figure charts: pie, part of a whole, KPI tile

local pie_mark = require "sumi.marks.pie"
local part_mark = require "sumi.marks.part"
local kpi_mark = require "sumi.marks.kpi"
local template = require "sumi.template"

-- Charts without value axes: each kind composes its own plot inside the
-- common frame (title, subtitle, source). Its drawing list also takes
-- filled shapes, recorded as a function painting them on a canvas.
local Figure = setmetatable({}, {__index = Chart})
Figure.__index = Figure

local function add_shape(list, paint)
  list.items[#list.items + 1] = {kind = "shape", paint = paint}
end

local function figure_list(canvas)
  local list = drawing.new(canvas)
  function list.draw(self, target)
    local c = target or self.canvas
    for _, item in ipairs(self.items) do
      if item.kind == "shape" then
        item.paint(c)
      else
        drawing.draw({canvas = c, items = {item}}, c)
      end
    end
  end
  return list
end

function Figure:compose(canvas, box)
  box = box or {}
  if not box.width then
    local w, h = canvas:size()
    box = {x = box.x or 0, y = box.y or 0, width = w - (box.x or 0), height = h - (box.y or 0)}
  end
  local list = figure_list(canvas)
  local area = frame(self, list, box)
  self:compose_plot(list, area)
  return list
end

local figure_defaults = {title = false, subtitle = false, source = true, theme = false, lang = "ja",
                         name = false}

-- As make, for the charts that take their own options: checks them, the
-- theme, the source and the name (errors at the caller of fn's caller).
local function make_figure(kind, opts, extra, fn)
  local d = options.copy(figure_defaults)
  for k, v in pairs(extra) do d[k] = v end
  local o = options.check(fn, opts, d, 4)
  local self = setmetatable({kind = kind, options = o}, Figure)
  self.theme = themes.get(o.theme or nil, 4)
  o.legend = false
  self.data = {categories = {}, series = {}, n = 0}
  if o.name ~= false and (type(o.name) ~= "string" or o.name == "" or o.name:find("^%.") or
      o.name:find("[/\\%c]")) then
    error(("bad option 'name' to '%s' (a file name without '/' expected, got %s)")
      :format(fn, type(o.name) == "string" and ("'" .. o.name .. "'") or type(o.name)), 3)
  end
  return self
end

local function set_source(self, found)
  local o = self.options
  if o.source == true then self.source = found elseif o.source then self.source = o.source end
end

local function finite(v) return type(v) == "number" and v == v and v ~= math.huge and v ~= -math.huge end

--- chart.pie(data, options) -> chart: one slice per row, its share of the
--- total. Options: label (the name column), value (the value column), donut
--- (0: the hole's share of the radius, up to 0.9), value_labels ("pct1":
--- a format name, false, or function(value, share) -> text), and the
--- frame's title, subtitle, source, theme, lang, name.
function chart.pie(data, opts)
  local self = make_figure("pie", opts, {label = false, value = false, donut = 0, value_labels = "pct1"},
    "chart.pie")
  local o = self.options
  if not o.label then error("missing option 'label' to 'chart.pie' (the name column)", 2) end
  if not o.value then error("missing option 'value' to 'chart.pie' (the value column)", 2) end
  if not finite(o.donut) or o.donut < 0 or o.donut > 0.9 then
    error(("bad option 'donut' to 'chart.pie' (value in [0, 0.9] expected, got %s)")
      :format(tostring(o.donut)), 2)
  end
  local read = read_data(data, {x = o.label, y = o.value}, "chart.pie", 3)
  local values, total = read.series[1].values, 0
  for i = 1, read.n do
    local v = values[i]
    if v == nil then error(("chart.pie: row %d of '%s' has no value"):format(i, o.value), 2) end
    if v < 0 then
      error(("chart.pie: row %d of '%s' is negative (%s): a pie shows parts of a total"):format(i, o.value,
        tostring(v)), 2)
    end
    total = total + v
  end
  if total <= 0 then
    error(("chart.pie: the values of '%s' add up to %s: a pie needs a positive total")
      :format(o.value, tostring(total)), 2)
  end
  self.data, self.total = read, total
  set_source(self, read.source)
  if o.value_labels then
    local spec = o.value_labels
    if type(spec) == "function" then
      self.value_format = spec
    else
      local f = axis.formatter(spec, 3)
      local of_share = type(spec) == "string" and spec:find("^pct") ~= nil
      self.value_format = function(v, share) return f(of_share and share or v) end
    end
  end
  return register(self)
end

function Figure.compose_plot_pie(self, list, area)
  local values, fmt = self.data.series[1].values, self.value_format
  return pie_mark(list, area, self.data, {theme = self.theme, donut = self.options.donut,
    shape = add_shape, label = function(i)
      local name = self.data.categories[i]
      if not fmt then return name end
      return name .. " " .. fmt(values[i], values[i] / self.total)
    end})
end

-- The part and whole of chart.part: numbers, or columns of the first row.
local function part_numbers(data, o)
  local function read(key)
    local v = o[key]
    if type(v) == "string" then
      local row = type(data) == "table" and data[1] or nil
      if type(data) == "userdata" then
        local ok, values = pcall(data.column, data, v)
        if not ok then error(("chart.part: no column '%s'"):format(v), 4) end
        row = {[v] = values[1]}
      end
      if type(row) ~= "table" or row[v] == nil then
        error(("chart.part: no field '%s' in the first row"):format(v), 4)
      end
      v = row[v]
    elseif v == false and type(data) == "table" then
      v = data[key == "part" and 1 or 2]
    end
    if not finite(v) then
      error(("chart.part: '%s' must be a finite number, got %s"):format(key, tostring(v)), 4)
    end
    return v
  end
  return read("part"), read("whole")
end

--- chart.part(data, options) -> chart: a part of a whole, as a waffle of
--- `cells` squares or a bar, with a caption "71 / 271 (26.2%)". data: {part,
--- whole} numbers, or a dataset / records whose first row holds the columns
--- named by part and whole; numbers may also be given as the part and
--- whole options (data nil). Options: style ("waffle" | "bar"), cells (100),
--- caption (a sumi.template text with {part}, {whole}, {share}), and the
--- frame's title, subtitle, source, theme, lang, name.
function chart.part(data, opts)
  local self = make_figure("part", opts, {part = false, whole = false, style = "waffle", cells = 100,
    caption = "{part} / {whole} ({share:pct1})"}, "chart.part")
  local o = self.options
  options.one_of("chart.part", "style", o.style, {"waffle", "bar"}, 3)
  if math.type(o.cells) ~= "integer" or o.cells < 1 or o.cells > 400 then
    error(("bad option 'cells' to 'chart.part' (integer in [1, 400] expected, got %s)")
      :format(tostring(o.cells)), 2)
  end
  local part, whole = part_numbers(data, o)
  if whole <= 0 then error(("chart.part: the whole must be > 0, got %s"):format(tostring(whole)), 2) end
  if part < 0 or part > whole then
    error(("chart.part: the part must be in [0, whole], got %s of %s")
      :format(tostring(part), tostring(whole)), 2)
  end
  self.part, self.whole, self.share = part, whole, part / whole
  self.filled = math.floor(o.cells * part / whole + 0.5)
  self.caption = template.fill(o.caption, {part = part, whole = whole, share = part / whole})
  set_source(self, type(data) == "userdata" and data:meta().source or nil)
  return register(self)
end

function Figure.compose_plot_part(self, list, area)
  return part_mark(list, area, {part = self.part, whole = self.whole, filled = self.filled,
    cells = self.options.cells}, {theme = self.theme, style = self.options.style, caption = self.caption})
end

--- chart.kpi(options) -> chart: a KPI tile. Options: value (a number),
--- label, change (a ratio: 0.12 is +12.0%), format ("int": a format
--- name or function), unit (after the figure), change_format ("change1"),
--- and the frame's title, subtitle, source (none), theme, lang, name.
function chart.kpi(opts)
  local self = make_figure("kpi", opts, {value = false, label = false, change = false, format = "int",
    unit = "", change_format = "change1", source = false}, "chart.kpi")
  local o = self.options
  if not finite(o.value) then
    error(("bad option 'value' to 'chart.kpi' (a finite number expected, got %s)")
      :format(tostring(o.value)), 2)
  end
  if o.change ~= false and not finite(o.change) then
    error(("bad option 'change' to 'chart.kpi' (a finite number expected, got %s)")
      :format(tostring(o.change)), 2)
  end
  local fmt, change_fmt = axis.formatter(o.format, 3), axis.formatter(o.change_format, 3)
  self.text = {value = fmt(o.value) .. o.unit, label = o.label and tostring(o.label) or false,
               change = o.change and change_fmt(o.change) or false,
               sign = o.change and (o.change > 0 and 1 or o.change < 0 and -1 or 0) or 0}
  set_source(self, nil)
  return register(self)
end

function Figure.compose_plot_kpi(self, list, area)
  return kpi_mark(list, area, self.text, {theme = self.theme})
end

function Figure:compose_plot(list, area)
  return Figure["compose_plot_" .. self.kind](self, list, area)
end

return chart
