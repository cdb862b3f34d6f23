-- Charts composed from scales, axes, legends and marks.
--
--   local chart = require "sumi.chart"
--   local c = chart.bar(ds, {x = "name", y = "value", title = "AI企業数"})
--   c:draw(page, {x = 40, y = 100, width = 400, height = 240})  -- on any canvas
--   c:save("chart.png", {preset = "slides"})                     -- a file of its own
--   c:layout(canvas, box)   -- every text box it would place (for tests)
--
-- A chart never knows about pages: it fills the box it is given.
local annotate = require "sumi.internal.annotate"
local axis = require "sumi.axis"
local drawing = require "sumi.internal.drawing"
local legend = require "sumi.legend"
local options = require "sumi.internal.options"
local records = require "sumi.internal.records"
local scale = require "sumi.scale"
local themes = require "sumi.theme"
local bar_mark = require "sumi.internal.marks.bar"
local line_mark = require "sumi.internal.marks.line"
local xy = require "sumi.internal.xy"

local chart = {}
local Chart = {}
local color_groups
Chart.__index = Chart

local common_defaults = {
  x = false, y = false, title = false, subtitle = false, source = true, theme = false,
  lang = "ja", unit = "", y_title = false, y_format = false, y_units = "auto",
  y_title_position = "top", names = false, legend = true, value_labels = false, name = false,
  y_domain = false, annotations = false, notes = true,
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
  local columns, n, source, notes, unit = {}, 0, nil, nil, nil
  local wanted = {o.x}
  for _, y in ipairs(ys) do wanted[#wanted + 1] = y end
  if o.color then wanted[#wanted + 1] = o.color end
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
    local meta = data:meta()
    source, notes = meta.source, meta.notes
    unit = data:meta(ys[1]).unit or meta.unit
  elseif type(data) == "table" then
    columns, n = records.columns(data, wanted, fn, level)
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
      if v ~= nil and math.abs(v) > scale.limit then
        error(("%s: row %d of '%s' is too large for an axis (%g; the limit is ±%g)")
          :format(fn, i, y, v, scale.limit), level)
      end
    end
    series[k] = {name = o.names and o.names[k] or y, values = values}
  end
  local rows = type(data) == "table" and data or nil
  -- row(i) -> the record a value label function sees: the chart's columns
  local function row(i)
    if rows then return rows[i] end
    local r = {}
    for _, name in ipairs(wanted) do r[name] = columns[name][i] end
    return r
  end
  return {categories = categories, series = series, n = n, source = source, notes = notes, unit = unit,
          row = row,
          groups = o.color and columns[o.color] or nil}
end

-- The options every chart with a value axis shares: annotations, y_domain
-- (errors at the caller of the chart's constructor).
local function check_extras(self, fn)
  local o = self.options
  if o.annotations then self.annotations = annotate.check(o.annotations, fn, 6) end
  if o.y_domain ~= false and (type(o.y_domain) ~= "table" or type(o.y_domain[1]) ~= "number"
      or type(o.y_domain[2]) ~= "number" or o.y_domain[1] >= o.y_domain[2]) then
    error(("bad option 'y_domain' to '%s' ({low, high} with low < high expected)"):format(fn), 5)
  end
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
  if o.notes == true then self.notes = self.data.notes elseif o.notes then self.notes = o.notes end
  -- the value column's unit from its metadata, unless the script names one
  if opts and opts.unit == nil and self.data.unit then o.unit = self.data.unit end
  check_extras(self, fn)
  self.value_format = o.value_labels and axis.formatter(o.value_labels ~= true and o.value_labels or nil, 4)
  -- values labelled as shares get a percent axis too (not 0.0 - 0.4)
  if not o.y_format and type(o.value_labels) == "string" and o.value_labels:find("^pct") then
    o.y_format = "pct"
  end
  if o.name ~= false and (type(o.name) ~= "string" or o.name == "" or o.name:find("^%.") or
      o.name:find("[/\\%c]")) then
    error(("bad option 'name' to '%s' (a file name without '/' expected, got %s)")
      :format(fn, type(o.name) == "string" and ("'" .. o.name .. "'") or type(o.name)), 3)
  end
  return self
end

-- Every chart joins the run's list, which `sumi chart` exports; its name
-- (the file name there) defaults to chart-N, N its place in creation order.
local unregistered = 0 -- > 0 while a facet makes its panels, which are not charts of their own

local function register(self)
  if unregistered > 0 then return self end
  local n = require("sumi.runtime").register_chart(self)
  self.name = self.options.name or ("chart-" .. n)
  return self
end

-- Bars coloured by a column (option color): each distinct value is a
-- group with its colour (options.colors[value], else the palette's next)
-- and a legend entry, in the order the values first appear.
color_groups = function(self, fn)
  local o = self.options
  if #self.data.series > 1 then
    error(("bad option 'color' to '%s' (one value column expected with a colour column, got %d)")
      :format(fn, #self.data.series), 4)
  end
  if o.colors and type(o.colors) ~= "table" then
    error(("bad option 'colors' to '%s' (a table of value = colour expected, got %s)")
      :format(fn, type(o.colors)), 4)
  end
  local order, color_of, palette = {}, {}, self.theme.palette
  for i = 1, self.data.n do
    local g = self.data.groups[i]
    g = g == nil and "" or tostring(g)
    if not color_of[g] then
      order[#order + 1] = g
      color_of[g] = o.colors and o.colors[g] or palette[(#order - 1) % #palette + 1]
    end
  end
  self.groups = {order = order, color = color_of}
  self.bar_color = function(i)
    local g = self.data.groups[i]
    return color_of[g == nil and "" or tostring(g)]
  end
end

--- chart.bar(data, options) -> chart. See docs/API.md §16 for the options.
function chart.bar(data, opts)
  local self = make("bar", data, opts,
    {orientation = "auto", mode = "grouped", color = false, colors = false}, "chart.bar")
  local o = self.options
  if o.color then color_groups(self, "chart.bar") end
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
    if not o.y_format then o.y_format = "pct" end
    if o.value_labels == true then self.value_format = axis.formatter("pct0") end
  end
  return register(self)
end

-- As make, for the charts on a continuous x (sumi.internal.xy): the data is read
-- by xy.read, which keeps a dataset's long columns as views.
local function make_xy(kind, data, opts, defaults_table, fn, x_kind)
  local o = options.check(fn, opts, defaults_table, 4)
  local self = setmetatable({kind = kind, options = o, continuous = true}, Chart)
  self.theme = themes.get(o.theme or nil, 4)
  if not x_kind then
    local mixed
    x_kind, mixed = xy.x_kind(data, o)
    if mixed then error(fn .. ": " .. mixed, 3) end
  end
  self.x_kind = x_kind
  xy.check(self, fn, 3)
  if not x_kind then xy.check_categorical(self, fn, 3) end
  self.data = xy.read(self, data, fn, 3)
  if o.source == true then self.source = self.data.source elseif o.source then self.source = o.source end
  if o.notes == true then self.notes = self.data.notes elseif o.notes then self.notes = o.notes end
  check_extras(self, fn)
  if o.name ~= false and (type(o.name) ~= "string" or o.name == "" or o.name:find("^%.") or
      o.name:find("[/\\%c]")) then
    error(("bad option 'name' to '%s' (a file name without '/' expected, got %s)")
      :format(fn, type(o.name) == "string" and ("'" .. o.name .. "'") or type(o.name)), 3)
  end
  return self
end

--- chart.line(data, options) -> chart: one line per y column, broken at
--- missing values. Extra options: markers (false), zero (false: the value
--- axis starts at 0 only if asked); a numeric or date x column makes a
--- linear or time x axis (x_scale, decimate, x_title, x_format, x_unit,
--- x_units: see docs/API.md §16), other columns categories.
function chart.line(data, opts)
  local kind, mixed
  if type(opts) == "table" then
    kind, mixed = xy.x_kind(data, options.check("chart.line", opts, defaults(xy.line_options), 3))
    if mixed then error("chart.line: " .. mixed, 2) end
  end
  if kind then return register(make_xy("line", data, opts, defaults(xy.line_options), "chart.line", kind)) end
  local self = make("line", data, opts, xy.line_options, "chart.line")
  options.one_of("chart.line", "x_scale", self.options.x_scale, {"auto", "category", "linear", "time"}, 3)
  xy.check_categorical(self, "chart.line", 3)
  return register(self)
end

--- chart.scatter(data, options) -> chart: one point per row on two numeric
--- axes; size (bubbles), color (groups) and label columns. See docs/API.md §16.
function chart.scatter(data, opts)
  local o = type(opts) == "table" and opts or {}
  return register(make_xy("scatter", data, opts, xy.scatter_options, "chart.scatter",
    o.x_log and "log" or "linear"))
end

--- chart.area(data, options) -> chart: stacked (default), overlapping or
--- percent areas, one per y column, over categories or a continuous x.
function chart.area(data, opts)
  local self = make_xy("area", data, opts, defaults(xy.area_options), "chart.area")
  if self.options.mode == "percent" and not self.options.y_format then self.options.y_format = "pct0" end
  return register(self)
end

local function column_list(v)
  if type(v) == "string" then return {v} end
  if type(v) == "table" and #v > 0 then return v end
  return nil
end

--- chart.combo(data, options) -> chart: bars and lines over the same
--- categories, the lines on a secondary axis at the right (y2 = true) or on
--- the bars' axis (y2 = false). options: bars, lines (a column or a list),
--- mode ("grouped" | "stacked" bars), y2_title, y2_unit, y2_format,
--- y2_units, y2_domain, y2_zero (false), and chart.bar's others.
function chart.combo(data, opts)
  if opts ~= nil and type(opts) ~= "table" then
    error(("bad argument #2 to 'chart.combo' (table expected, got %s)"):format(type(opts)), 2)
  end
  opts = opts or {}
  local bars, lines = column_list(opts.bars), column_list(opts.lines)
  if not bars then error("missing option 'bars' to 'chart.combo' (a value column or a list of them)", 2) end
  if not lines then error("missing option 'lines' to 'chart.combo' (a value column or a list of them)", 2) end
  if opts.y ~= nil then error("bad option 'y' to 'chart.combo' (give 'bars' and 'lines' instead)", 2) end
  local o = options.copy(opts)
  o.y = {}
  for _, c in ipairs(bars) do o.y[#o.y + 1] = c end
  for _, c in ipairs(lines) do o.y[#o.y + 1] = c end
  local self = make("combo", data, o, {bars = false, lines = false, mode = "grouped", y2 = true,
    y2_title = false, y2_unit = "", y2_format = false, y2_units = "auto", y2_domain = false, y2_zero = false},
    "chart.combo")
  options.one_of("chart.combo", "mode", self.options.mode, {"grouped", "stacked"}, 3)
  self.bars, self.lines = {}, {}
  for k, series in ipairs(self.data.series) do
    local into = k <= #bars and self.bars or self.lines
    into[#into + 1] = series
  end
  return register(self)
end

-- ---- layout

-- The value range the marks need: per-category sums when stacked. A
-- combination chart asks for its bars and its lines separately.
local function value_extent(self, series, domain)
  domain = domain or self.options.y_domain
  if domain then return domain[1], domain[2] end
  series = series or self.data.series
  local lo, hi = math.huge, -math.huge
  local stacked = (self.kind == "bar" or self.kind == "combo") and self.options.mode ~= "grouped"
      and series == (self.bars or self.data.series)
  for i = 1, self.data.n do
    local up, down = 0, 0
    for _, s in ipairs(series) do
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
  if type(self.options.value_labels) == "function" then
    local fn, row = self.options.value_labels, self.data.row
    return function(v, i) return fn(v, row(i)) end
  end
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
    -- a facet's panel is titled like a subtitle: the figure's title rules
    local b = list:text(o.title, x, top, {size = self.panel and theme.sizes.subtitle or theme.sizes.title,
      weight = theme.title_weight, font = theme.font, color = theme.ink, width = width})
    top = top + b.height + 2
  end
  if o.subtitle then
    local b = list:text(o.subtitle, x, top, {size = theme.sizes.subtitle, font = theme.font,
      color = theme.muted, width = width})
    top = top + b.height
  end
  if o.title or o.subtitle then top = top + theme.gap * 2 end
  -- the source line at the foot, notes above it
  for _, line in ipairs({{self.source, o.lang == "en" and "Source: " or "出典: "},
                         {self.notes, o.lang == "en" and "Note: " or "注: "}}) do
    if line[1] then
      local b = list:text(line[2] .. line[1], x, bottom, {size = theme.sizes.source, font = theme.font,
        color = theme.muted, width = width, anchor = "bottom-left"})
      bottom = bottom - b.height - (line[1] == self.source and self.notes and 1 or theme.gap)
    end
  end
  if o.legend and self.groups then
    local items = {}
    for k, g in ipairs(self.groups.order) do
      items[k] = {label = g, color = self.groups.color[g], kind = "rect"}
    end
    legend.add(list, {x = x, y = top, width = width}, items, theme)
    top = top + legend.height(list, width, items, theme) + theme.gap
  elseif o.legend and #self.data.series > 1 then
    local items = {}
    for k, s in ipairs(self.data.series) do
      local is_line = self.kind == "line" or (self.kind == "combo" and k > #self.bars)
      items[k] = {label = s.name, color = theme.palette[(k - 1) % #theme.palette + 1],
                  kind = is_line and "line" or "rect",
                  dash = is_line and theme.dashes and theme.dashes[(k - 1) % #theme.dashes + 1] or nil}
    end
    legend.add(list, {x = x, y = top, width = width}, items, theme)
    top = top + legend.height(list, width, items, theme) + theme.gap
  end
  return {x = x, y = top, width = width, height = bottom - top}
end

-- A value scale along `range`; a vertical axis (range running up the page)
-- stacks its tick labels, so it takes ticks closer together than a
-- horizontal one, whose labels sit side by side.
local function value_scale(self, lo, hi, range, length, zero)
  if zero == nil then zero = self.kind ~= "line" or self.options.zero end
  local spacing = self.theme.sizes.tick * (range[1] > range[2] and 3.5 or 5)
  return scale.linear{domain = {lo, hi}, range = range, zero = zero,
                      count = scale.tick_count(length, spacing)}
end

-- The secondary (right) axis of a combination chart: its scale over the
-- lines' values, the axis options, and the room its labels take.
local function secondary_axis(self, list, range, length)
  local o = self.options
  local lo, hi = value_extent(self, self.lines, o.y2_domain)
  local s = value_scale(self, lo, hi, range, length, o.y2_zero)
  local opts = {side = "right", title = o.y2_title, unit = o.y2_unit, lang = o.lang, format = o.y2_format,
                theme = self.theme, units = o.y2_units, grid = false, zero_line = false}
  local thickness, title_h = axis.value_thickness(list, s, opts)
  return s, opts, thickness, title_h
end

-- The chart's annotations over its marks, placed by its band (categories)
-- and value scales.
local function add_annotations(self, list, plot, band, s, horizontal, layer)
  if not self.annotations then return end
  local half_gap = band.step * band.padding / 2
  annotate.add(list, plot, {
    x = function(c) return band:center(tostring(c)) end,
    y = function(v) return s:map(v) end,
    x_span = function(c)
      local start = band:map(tostring(c))
      if start == nil then return nil end
      return start - half_gap, start + band:bandwidth() + half_gap
    end,
    horizontal = horizontal,
  }, self.annotations, self.theme, layer)
end

-- Vertical bars and lines: categories along the bottom. Returns false when
-- the category labels fit in no way (then bars turn horizontal).
local function compose_columns(self, list, area, force)
  local theme = self.theme
  local lo, hi = value_extent(self, self.bars)
  local s2, s2_opts, right_w = nil, nil, 0
  local y2 = self.lines and self.options.y2
  if self.lines and not y2 then -- one axis for both
    local lo2, hi2 = value_extent(self, self.lines)
    lo, hi = math.min(lo, lo2), math.max(hi, hi2)
  end
  local n = self.data.n
  local labels = self.data.categories
  local value_h = 0
  if self.value_format and self.kind ~= "line" then
    value_h = select(2, list:measure("0", {size = theme.sizes.value, font = theme.font})) + theme.gap / 2
  end
  local plot_h = area.height * 0.75
  local plot = {}
  local plan, s, every
  for _ = 1, 3 do
    s = value_scale(self, lo, hi, {plot_h, 0}, plot_h)
    local thickness, title_h = axis.value_thickness(list, s, value_axis_options(self, "left"))
    if y2 then
      local title2_h
      s2, s2_opts, right_w, title2_h = secondary_axis(self, list, {plot_h, 0}, plot_h)
      title_h = math.max(title_h, title2_h)
    end
    plot.x = area.x + thickness
    plot.y = area.y + title_h + value_h
    local right = area.x + area.width - (y2 and right_w or theme.gap)
    local band = scale.band{domain = labels, range = {plot.x, right},
                            padding = self.kind == "line" and 0 or theme.bar_padding,
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
                          padding = self.kind == "line" and 0 or theme.bar_padding,
                          outer = self.kind == "line" and 0 or false}
  -- the value axis first, so the marks draw over the gridlines
  axis.add(list, plot, s, value_axis_options(self, "left"))
  add_annotations(self, list, plot, band, s, false, "under")
  list:line({plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height}, theme.axis)
  local mark_opts = {band = band, value = s, mode = self.options.mode, theme = theme,
                     label = label_texts(self, s), markers = self.options.markers, bar_color = self.bar_color,
                     x = function(i) return band:center(i) end}
  if self.kind == "combo" then
    bar_mark(list, plot, {categories = labels, series = self.bars}, mark_opts)
    if y2 then
      local lo2, hi2 = value_extent(self, self.lines, self.options.y2_domain)
      s2 = value_scale(self, lo2, hi2, {plot.y + plot.height, plot.y}, plot.height, self.options.y2_zero)
      axis.add(list, plot, s2, s2_opts)
    end
    line_mark(list, plot, {categories = labels, series = self.lines},
      {value = s2 or s, theme = theme, markers = true, x = mark_opts.x, first_color = #self.bars + 1})
  elseif self.kind == "bar" then
    bar_mark(list, plot, self.data, mark_opts)
  else
    line_mark(list, plot, self.data, mark_opts)
  end
  add_annotations(self, list, plot, band, s, false, "over")
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
          local w = list:measure(fmt(v, i), {size = theme.sizes.value, font = theme.font})
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
  add_annotations(self, list, plot, band, s, true, "under")
  list:line({plot.x, plot.y, plot.x, plot.y + plot.height}, theme.axis)
  bar_mark(list, plot, self.data, {band = band, value = s, mode = self.options.mode, theme = theme,
                                   horizontal = true, label = label_texts(self, s),
                                   bar_color = self.bar_color})
  add_annotations(self, list, plot, band, s, true, "over")
  axis.add_categories(list, plot, band, labels, {size = size, width = label_w},
    {theme = theme, side = "left"})
end

-- The box a chart fills: the one given, or from its x, y (default 0) to
-- the canvas's far edges.
local function whole_box(canvas, box)
  box = box or {}
  if box.width then return box end
  local w, h = canvas:size()
  return {x = box.x or 0, y = box.y or 0, width = w - (box.x or 0), height = h - (box.y or 0)}
end

--- chart:compose(canvas, box) -> a drawing list (sumi.internal.drawing) of the chart
--- laid out in box; the chart's orientation after layout is in
--- chart.orientation.
function Chart:compose(canvas, box)
  box = whole_box(canvas, box)
  local list = drawing.new(canvas)
  local area = frame(self, list, box)
  if self.continuous then
    self.plot = xy.compose(self, list, area)
    return list
  end
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

--- chart:annotate(annotation, ...) -> the chart: adds annotations (tables
--- as in the `annotations` option: kind "line", "band", "text" or "arrow").
function Chart:annotate(...)
  local checked = annotate.check({...}, "chart:annotate", 3)
  self.annotations = self.annotations or {}
  for _, a in ipairs(checked) do self.annotations[#self.annotations + 1] = a end
  return self
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
      require("sumi.subset").prepare(c, w, h, function(trace)
        self:draw(trace, {x = 0, y = 0, width = w, height = h})
      end)
    end
  end
  self:draw(c, {x = 0, y = 0, width = w, height = h})
  c:close()
  return self
end

-- ---- one-figure charts: pie, part of a whole, KPI tile

local pie_mark = require "sumi.internal.marks.pie"
local part_mark = require "sumi.internal.marks.part"
local kpi_mark = require "sumi.internal.marks.kpi"
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
  box = whole_box(canvas, box)
  local list = figure_list(canvas)
  local area = frame(self, list, box)
  self:compose_plot(list, area)
  return list
end

local figure_defaults = {title = false, subtitle = false, source = true, notes = true, theme = false,
                         lang = "ja", name = false}

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

local function set_source(self, found, notes)
  local o = self.options
  if o.source == true then self.source = found elseif o.source then self.source = o.source end
  if o.notes == true then self.notes = notes elseif o.notes then self.notes = o.notes end
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
  set_source(self, read.source, read.notes)
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
  local meta = type(data) == "userdata" and data:meta() or {}
  set_source(self, meta.source, meta.notes)
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

-- ---- small multiples

local Facet = setmetatable({}, {__index = Chart})
Facet.__index = Facet

local facet_defaults = {by = false, chart = "bar", columns = false, shared = true, title = false,
                        subtitle = false, source = true, notes = true, theme = false, lang = "ja",
                        name = false, legend = true}

-- The records of data split by the values of column `by`, in the order
-- the values first appear; a dataset gives only the columns the panels use.
local function split_rows(data, by, wanted, fn)
  local rows = {}
  local source, notes
  if type(data) == "userdata" then
    local names, have = data:names(), {}
    for _, name in ipairs(names) do have[name] = true end
    local columns, n = {}, 0
    for _, name in ipairs(wanted) do
      if not have[name] then
        error(("%s: no column '%s' (columns: %s)"):format(fn, name, table.concat(names, ", ")), 4)
      end
      columns[name], n = data:column(name)
    end
    for i = 1, n do
      local r = {}
      for _, name in ipairs(wanted) do r[name] = columns[name][i] end
      rows[i] = r
    end
    source, notes = data:meta().source, data:meta().notes
  elseif type(data) == "table" then
    rows = data
  else
    error(("bad argument #1 to '%s' (dataset or array of records expected, got %s)")
      :format(fn, type(data)), 4)
  end
  local groups, order = {}, {}
  for i, r in ipairs(rows) do
    local key = r[by]
    if key == nil then error(("%s: row %d has no '%s'"):format(fn, i, by), 4) end
    key = tostring(key)
    if not groups[key] then
      groups[key] = {}
      order[#order + 1] = key
    end
    table.insert(groups[key], r)
  end
  return groups, order, source, notes
end

--- chart.facet(data, options) -> chart: small multiples, one panel per
--- value of the column `by`, every panel the same kind of chart (option
--- chart: "bar", "line", ...) with the same value axis (shared = true) so
--- that panels compare at a glance. options: by, chart, columns (panels
--- per row; default from the count), shared, the frame's title, subtitle,
--- source, theme, lang, name, legend; every other option goes to each
--- panel (x, y, mode, value_labels, ...).
function chart.facet(data, opts)
  if type(opts) ~= "table" then
    error(("bad argument #2 to 'chart.facet' (table expected, got %s)"):format(type(opts)), 2)
  end
  local own, panel_opts = {}, {}
  for k, v in pairs(opts) do
    if facet_defaults[k] ~= nil and k ~= "theme" and k ~= "lang" then own[k] = v else panel_opts[k] = v end
    if k == "theme" or k == "lang" then own[k] = v end
  end
  local o = options.check("chart.facet", own, facet_defaults, 3)
  if not o.by then error("missing option 'by' to 'chart.facet' (the column that splits the panels)", 2) end
  local make_panel = type(o.chart) == "string" and chart[o.chart]
  if type(make_panel) ~= "function" or o.chart == "facet" or o.chart == "kpi" or o.chart == "part" then
    error(("bad option 'chart' to 'chart.facet' (bar, line, combo, pie or another chart taking data "
      .. "expected, got %s)"):format(tostring(o.chart)), 2)
  end
  if o.columns ~= false and (math.type(o.columns) ~= "integer" or o.columns < 1) then
    error(("bad option 'columns' to 'chart.facet' (integer >= 1 expected, got %s)")
      :format(tostring(o.columns)), 2)
  end
  local wanted = {o.by}
  for _, key in ipairs({"x", "y", "bars", "lines", "color", "label", "value", "size"}) do
    local v = panel_opts[key]
    if type(v) == "string" then wanted[#wanted + 1] = v end
    if type(v) == "table" then
      for _, c in ipairs(v) do wanted[#wanted + 1] = c end
    end
  end
  local groups, order, source, notes = split_rows(data, o.by, wanted, "chart.facet")
  if #order == 0 then error("chart.facet: no rows to split", 2) end
  local self = setmetatable({kind = "facet", options = o, panels = {}}, Facet)
  self.theme = themes.get(o.theme or nil, 3)
  self.data = {categories = {}, series = {}, n = 0}
  panel_opts.theme, panel_opts.lang = self.theme, o.lang
  panel_opts.source, panel_opts.notes, panel_opts.legend = false, false, false
  unregistered = unregistered + 1
  local ok, err = pcall(function()
    for _, key in ipairs(order) do
      local po = options.copy(panel_opts)
      po.title = key
      local panel = make_panel(groups[key], po)
      panel.panel = true
      self.panels[#self.panels + 1] = panel
    end
  end)
  unregistered = unregistered - 1
  if not ok then error(err, 2) end
  -- one value axis for all: the union of the panels' ranges
  if o.shared and self.panels[1].data.series[1] and self.panels[1].kind ~= "pie" then
    local lo, hi = math.huge, -math.huge
    for _, p in ipairs(self.panels) do
      local a, b = value_extent(p)
      lo, hi = math.min(lo, a), math.max(hi, b)
    end
    for _, p in ipairs(self.panels) do
      if not p.options.y_domain then p.options.y_domain = {lo, hi} end
    end
  end
  local first = self.panels[1]
  -- the legend, once for all panels: the first panel's series or groups
  self.data.series, self.groups, self.bars = first.data.series, first.groups, first.bars
  self.legend_kind = first.kind
  if o.source == true then self.source = source elseif o.source then self.source = o.source end
  if o.notes == true then self.notes = notes elseif o.notes then self.notes = o.notes end
  return register(self)
end

function Facet:compose(canvas, box)
  box = whole_box(canvas, box)
  local list = figure_list(canvas)
  local kind = self.kind
  self.kind = self.legend_kind -- the frame draws the panels' legend
  local area = frame(self, list, box)
  self.kind = kind
  local n = #self.panels
  local columns = self.options.columns or (n <= 3 and n or n == 4 and 2 or 3)
  local rows = math.ceil(n / columns)
  local w, h = area.width / columns, area.height / rows
  for i, panel in ipairs(self.panels) do
    local col, row = (i - 1) % columns, (i - 1) // columns
    local sub = panel:compose(canvas, {x = area.x + col * w, y = area.y + row * h, width = w, height = h})
    for _, item in ipairs(sub.items) do list.items[#list.items + 1] = item end
  end
  return list
end

return chart
