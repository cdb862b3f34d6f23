-- The chart object and its composition: the shared frame (title,
-- subtitle, legend, source and notes), the value and category axes of bar,
-- line and combination charts, the plots of the one-figure charts (pie,
-- part of a whole, KPI tile), and the methods every chart has (compose,
-- layout, draw, annotate, save, alt_text). The constructors are in
-- sumi.chart, small multiples in sumi.internal.chart.facet, charts on a
-- continuous x in sumi.internal.xy, files in sumi.internal.export, the
-- alternative text in sumi.internal.chart.alt.
local alt = require "sumi.internal.chart.alt"
local annotate = require "sumi.internal.annotate"
local axis = require "sumi.axis"
local drawing = require "sumi.internal.drawing"
local unused = require "sumi.internal.unused"
local errors = require "sumi.internal.errors"
local export = require "sumi.internal.export"
local format = require "sumi.format"
local legend = require "sumi.legend"
local locale = require "sumi.locale"
local options = require "sumi.internal.options"
local runtime = require "sumi.runtime"
local scale = require "sumi.scale"
local base = require "sumi.internal.marks.base"
local bar_mark = require "sumi.internal.marks.bar"
local kpi_mark = require "sumi.internal.marks.kpi"
local line_mark = require "sumi.internal.marks.line"
local ends_mark = require "sumi.internal.marks.ends"
local part_mark = require "sumi.internal.marks.part"
local pie_mark = require "sumi.internal.marks.pie"
local xy = require "sumi.internal.xy"

local compose = {}
local Chart = {}
Chart.__index = Chart
compose.Chart = Chart

-- Every chart joins the run's list, which `sumi chart` exports; its name
-- (the file name there) defaults to chart-N, N its place in creation order.
local unregistered = 0 -- > 0 while a facet makes its panels, which are not charts of their own

--- compose.register(chart) -> chart, named and in the run's list.
function compose.register(self)
  if unregistered > 0 then return self end
  local n = runtime.register_chart(self)
  self.name = self.options.name or ("chart-" .. n)
  self.where = errors.where()
  -- a chart sumi render never draws shows nowhere (sumi chart exports
  -- every chart, and does not warn)
  unused.track(self, "chart." .. self.kind, errors.where(), nil,
    "is never drawn or saved: draw it, put it in a document, save it, or export it with sumi chart")
  return self
end

--- compose.set_source(chart, found, notes): the source and notes lines,
--- the data's (found, notes) unless the options name others.
function compose.set_source(self, found, notes)
  local o = self.options
  if o.source == true then self.source = found elseif o.source then self.source = o.source end
  if o.notes == true then self.notes = notes elseif o.notes then self.notes = o.notes end
end

--- compose.unregistered(fn) -> what pcall(fn) returns: the charts fn
--- makes (a facet's panels) stay out of the run's list.
function compose.unregistered(fn)
  unregistered = unregistered + 1
  local ok, err = pcall(fn)
  unregistered = unregistered - 1
  return ok, err
end

-- ---- layout

-- The value range the marks need: per-category sums when stacked. A
-- combination chart asks for its bars and its lines separately.
local function value_extent(self, series, domain)
  local own = domain == nil and (series == nil or series == self.bars)
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
  -- the value axis' own extent holds its reference lines and target
  if own then lo, hi = annotate.extent(self.annotations, lo, hi, self.options.y_log) end
  return lo, hi
end

local function value_axis_options(self, side)
  local o = self.options
  return {side = side, title = o.y_title, unit = o.unit, lang = o.lang, format = o.y_format,
          theme = self.theme, units = o.y_units, title_position = o.y_title_position}
end

-- The value labels' texts, function(value, i) -> text, or nil for none:
-- value_labels = true writes numbers in the value axis' units (shares on a
-- percent chart), a format name or a function as given.
local function label_texts(self, s)
  local labels = self.options.value_labels
  if not labels then return nil end
  if type(labels) == "function" then
    local fn, row = labels, self.data.row
    return function(v, i) return fn(v, row(i)) end
  end
  if labels == true and self.options.mode ~= "percent" then
    local _, _, _, divisor = axis.value_labels(s, value_axis_options(self, "left"))
    return function(v)
      local text = format.number(v / divisor, {decimals = divisor > 1 and 1 or 0})
      return (text:gsub("%.0$", ""))
    end
  end
  return self.value_format
end

-- Value labels above the points of a line chart over categories, each
-- left out where it would cover one placed before it.
local function line_labels(list, data, opts)
  if not opts.label then return end
  local theme, placed = opts.theme, {}
  for _, series in ipairs(data.series) do
    for i = 1, series.values.n or #series.values do
      local v = series.values[i]
      if v ~= nil then
        local text = opts.label(v, i)
        local w, h = list:measure(text, {size = theme.sizes.value, font = theme.font})
        local x, y = opts.x(i) - w / 2, opts.value:map(v) - theme.marker_size - theme.gap / 2 - h
        local clear = true
        for _, b in ipairs(placed) do
          if x < b[1] + b[3] and b[1] < x + w and y < b[2] + b[4] and b[2] < y + h then clear = false end
        end
        if clear then
          placed[#placed + 1] = {x, y, w, h}
          base.value_label(list, text, opts.x(i), y + h, "bottom", opts)
        end
      end
    end
  end
end

--- compose.legend_option: the spec entry of a chart's legend option.
compose.legend_option = {default = true, one_of = {true, false, "top", "bottom", "right", "none", "end"},
  what = 'one of "top", "bottom", "right", "none", "end", true ("top") or false ("none")'}

--- compose.legend_place(value) -> where a legend option puts the legend:
--- "top" (true), "bottom", "right", "end" (names at the ends of the
--- lines), or false ("none").
function compose.legend_place(v)
  if v == true then return "top" end
  if v == false or v == nil or v == "none" then return false end
  return v
end

-- The legend's items: the colour groups, else the series when there are
-- several; nil for none.
local function legend_items(self)
  local theme, items = self.theme, {}
  if self.groups then
    for k, g in ipairs(self.groups.order) do
      items[k] = {label = g, color = self.groups.color[g], kind = "rect"}
    end
    return items
  end
  if #self.data.series < 2 then return nil end
  for k, s in ipairs(self.data.series) do
    local is_line = self.kind == "line" or (self.kind == "combo" and k > #self.bars)
    items[k] = {label = s.name, color = theme.palette[(k - 1) % #theme.palette + 1],
                kind = is_line and "line" or "rect",
                dash = is_line and theme.dashes and theme.dashes[(k - 1) % #theme.dashes + 1] or nil}
  end
  return items
end

--- compose.place_legend(list, items, place, box, theme) -> the box left:
--- the legend at the top of box {x, y, width, height}, centred at its
--- bottom, or in a column at its right (place "top", "bottom", "right").
function compose.place_legend(list, items, place, box, theme)
  local x, top, width, bottom = box.x, box.y, box.width, box.y + box.height
  if place == "top" then
    legend.add(list, {x = x, y = top, width = width}, items, theme)
    top = top + legend.height(list, width, items, theme) + theme.gap
  elseif place == "bottom" then
    local h = legend.height(list, width, items, theme, {align = "center"})
    legend.add(list, {x = x, y = bottom - h, width = width}, items, theme, {align = "center"})
    bottom = bottom - h - theme.gap * 2
  elseif place == "right" then
    -- a column at most 30% of the width; a longer name wraps between its words
    local column = legend.width(list, width * 0.3, items, theme, {direction = "column"})
    legend.add(list, {x = x + width - column, y = top, width = column}, items, theme, {direction = "column"})
    width = width - column - theme.gap * 2
  end
  return {x = x, y = top, width = width, height = bottom - top}
end

-- Title, subtitle, source and legend; returns the area left for the plot.
-- On a slide (chart.on_slide, set by the PowerPoint export) the title and
-- the source and notes lines are the slide's own text, not the picture's.
local function frame(self, list, box)
  local theme, o = self.theme, self.options
  local pad = theme.padding
  local x, width = box.x + pad, box.width - 2 * pad
  local top, bottom = box.y + pad, box.y + box.height - pad
  local on_slide = self.on_slide
  if o.title and not on_slide then
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
  if (o.title and not on_slide) or o.subtitle then top = top + theme.gap * 2 end
  -- the source line at the foot, notes above it
  local words = locale.get(o.lang)
  for _, line in ipairs({{self.source, words.source}, {self.notes, words.note}}) do
    if line[1] and not on_slide then
      local b = list:text(line[2] .. line[1], x, bottom, {size = theme.sizes.source, font = theme.font,
        color = theme.muted, width = width, anchor = "bottom-left"})
      bottom = bottom - b.height - (line[1] == self.source and self.notes and 1 or theme.gap)
    end
  end
  local area = {x = x, y = top, width = width, height = bottom - top}
  local place = self.legend_override or compose.legend_place(o.legend)
  local items = (place == "top" or place == "bottom" or place == "right") and legend_items(self)
  if items then area = compose.place_legend(list, items, place, area, theme) end
  return area
end

-- A value scale along `range`; a vertical axis (range running up the page)
-- stacks its tick labels, so it takes ticks closer together than a
-- horizontal one, whose labels sit side by side.
local function value_scale(self, lo, hi, range, length, zero)
  if zero == nil then zero = self.kind ~= "line" or self.options.zero end
  if self.options.y_log then
    -- no zero on a log axis: it starts at a power of ten (or 2 or 5 times one) at or below the data
    -- its ticks are decades apart: as many as their labels' heights allow
    local rows = self.theme.sizes.tick * (range[1] > range[2] and 2.2 or 5)
    if lo <= 0 then lo = hi > 0 and hi / 10 or 1 end -- no values: a decade below the highest
    if hi <= lo then hi = lo * 10 end
    return scale.log{domain = {lo, hi}, range = range, count = scale.tick_count(length, rows)}
  end
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
                theme = self.theme, units = o.y2_units, grid = false, zero_line = false,
                title_position = o.y_title_position}
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

--- compose.category_labels(chart) -> the texts under (or beside) the
--- categories: the categories themselves, or, for months and quarters,
--- what a time axis writes for them in the chart's language (2025年4月, 5月;
--- Apr 2025, May; 2025年Q1, Q2).
function compose.category_labels(self)
  local data = self.data
  if not data.period_kind then return data.categories end
  local s = scale.time{domain = {data.categories[1], data.categories[data.n]}, range = {0, 1},
    lang = self.options.lang or "ja", period = data.period_kind}
  -- every bar is labelled, so the labels are the period's own (a month,
  -- a quarter), whatever step s:ticks() would pick for a long span
  local quarter = data.period_kind == "quarter"
  s.interval = {"month", quarter and 3 or 1, quarter and 91.3 or 30.44, data.period_kind}
  local days = {}
  for i = 1, data.n do days[i] = scale.date_days(data.categories[i]) end
  return s:tick_labels(days)
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
  local shown = compose.category_labels(self)
  local value_h = 0
  if self.options.value_labels then -- room above the plot for the top label
    value_h = select(2, list:measure("0", {size = theme.sizes.value, font = theme.font})) + theme.gap / 2
    if self.kind == "line" then value_h = value_h + theme.marker_size end
  end
  local plot_h = area.height * 0.75
  local plot = {}
  local ends_w = ends_mark.chart_width(self, list, area)
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
      - (ends_w > 0 and ends_w + theme.gap or 0)
    local band = scale.band{domain = labels, range = {plot.x, right},
                            padding = self.kind == "line" and 0 or theme.bar_padding,
                            outer = self.kind == "line" and 0 or false}
    local max_h = (area.height - title_h - value_h) * 0.4
    every = 1
    plan = axis.fit_categories(list, shown, band.step, {theme = theme, max_height = max_h})
    if self.kind == "line" then
      while not plan or plan.mode ~= "plain" do -- a line chart thins its labels instead
        every = every + 1
        if every > n then break end
        plan = axis.fit_categories(list, shown, band.step * every - theme.gap,
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
          width = plan.width, wrap = "char", keep_words = true})))
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
                     x = function(i) return band:center(i) end, base = s.log and (s:domain()) or nil}
  if self.kind == "combo" and y2 then
    local lo2, hi2 = value_extent(self, self.lines, self.options.y2_domain)
    s2 = value_scale(self, lo2, hi2, {plot.y + plot.height, plot.y}, plot.height, self.options.y2_zero)
    axis.add(list, plot, s2, s2_opts)
  end
  base.clipped(list, plot, self.options, function()
    if self.kind == "combo" then
      bar_mark(list, plot, {categories = labels, series = self.bars}, mark_opts)
      line_mark(list, plot, {categories = labels, series = self.lines},
        {value = s2 or s, theme = theme, markers = true, x = mark_opts.x, first_color = #self.bars + 1})
    elseif self.kind == "bar" then
      bar_mark(list, plot, self.data, mark_opts)
    else
      line_mark(list, plot, self.data, mark_opts)
      line_labels(list, self.data, mark_opts)
    end
  end)
  if ends_w > 0 then
    local points = {}
    for k, series in ipairs(self.data.series) do
      for i = series.values.n or #series.values, 1, -1 do
        local v = series.values[i]
        if v ~= nil then
          points[k] = {band:center(i), s:map(v)}
          break
        end
      end
    end
    if not ends_mark.chart_add(self, list, plot, points, ends_w) then self.ends_failed = true end
  end
  add_annotations(self, list, plot, band, s, false, "over")
  axis.add_categories(list, plot, band, shown, plan, {theme = theme, side = "bottom", every = every})
  return true
end

-- Horizontal bars: categories down the left side, values along the bottom.
local function compose_rows(self, list, area)
  local theme = self.theme
  local lo, hi = value_extent(self)
  local labels = compose.category_labels(self)
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
      local _, h = list:measure(l, {size = sz, font = theme.font, width = label_w, wrap = "char",
        keep_words = true})
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
  base.clipped(list, plot, self.options, function()
    bar_mark(list, plot, self.data, {band = band, value = s, mode = self.options.mode, theme = theme,
                                     horizontal = true, label = label_texts(self, s),
                                     bar_color = self.bar_color, base = s.log and (s:domain()) or nil})
  end)
  add_annotations(self, list, plot, band, s, true, "over")
  axis.add_categories(list, plot, band, labels, {size = size, width = label_w},
    {theme = theme, side = "left"})
end

-- The canvas and box a chart is drawn on, checked at the script's line:
-- fn is the method messages name ("chart:draw").
local function check_target(fn, canvas, box)
  if type(canvas) ~= "userdata" then
    errors.raise("%s: canvas must be a canvas; got %s", fn, errors.show(canvas))
  end
  if box == nil then return end
  if type(box) ~= "table" then
    errors.raise("%s: box must be a table {x, y, width, height}; got %s", fn, errors.show(box))
  end
  for _, key in ipairs({"x", "y", "width", "height"}) do
    local v = box[key]
    if v ~= nil and (type(v) ~= "number" or v ~= v or v == math.huge or v == -math.huge) then
      errors.raise("%s: box.%s must be a finite number; got %s", fn, key, errors.show(v))
    end
  end
  if (box.width == nil) ~= (box.height == nil) then
    errors.raise("%s: box needs both width and height, or neither (then it reaches the page's far edges)",
      fn)
  end
end

-- The box a chart fills: the one given, or from its x, y (default 0) to
-- the canvas's far edges.
local function whole_box(canvas, box)
  check_target("chart:compose", canvas, box)
  box = box or {}
  if box.width then return box end
  local w, h = canvas:size()
  return {x = box.x or 0, y = box.y or 0, width = w - (box.x or 0), height = h - (box.y or 0)}
end

-- The plot of a chart over categories: columns, or rows of horizontal bars.
local function compose_values(self, list, area)
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
end

--- chart:compose(canvas, box) -> a drawing list (sumi.internal.drawing) of the chart
--- laid out in box; the chart's orientation after layout is in
--- chart.orientation.
function Chart:compose(canvas, box)
  unused.used(self)
  box = whole_box(canvas, box)
  local list = drawing.new(canvas, self.options.lang)
  local area = frame(self, list, box)
  if self.continuous then
    self.plot = xy.compose(self, list, area)
  else
    compose_values(self, list, area)
  end
  if self.ends_failed then
    -- the names at the lines' ends fit at no size: the legend goes above instead
    self.ends_failed, self.legend_override = nil, "top"
    local ok, result = pcall(self.compose, self, canvas, box)
    self.legend_override = nil
    if not ok then error(result, 0) end
    return result
  end
  return list
end

--- chart:annotate(annotation, ...) -> the chart: adds annotations (tables
--- as in the `annotations` option: kind "line", "band", "text" or "arrow").
function Chart:annotate(...)
  local checked = annotate.check({...}, "chart:annotate")
  annotate.resolve(checked, function(name, row, where)
    return annotate.column_value(self.input, name, row, where, "chart:annotate")
  end, "chart:annotate")
  self.annotations = self.annotations or {}
  for _, a in ipairs(checked) do self.annotations[#self.annotations + 1] = a end
  return self
end

--- chart:layout(canvas, box) -> every text box the chart would place:
--- {text, x, y, width, height}, in drawing order. Nothing is drawn.
function Chart:layout(canvas, box)
  check_target("chart:layout", canvas, box)
  return self:compose(canvas, box):boxes()
end

--- chart:draw(canvas [, box]) -> the text boxes: draws the chart in box
--- {x, y, width, height} (default: the whole page).
function Chart:draw(canvas, box)
  check_target("chart:draw", canvas, box)
  local list = self:compose(canvas, box)
  list:draw()
  return list:boxes()
end

--- chart:save(path, options) -> the chart: a file of its own (see
--- sumi.internal.export.save for the options).
function Chart:save(path, opts)
  return export.save(self, path, opts)
end

--- chart:discard(): drops a chart made only to be looked at (its
--- options, its layout): no warning that it is never drawn, and sumi chart
--- does not export it.
function Chart:discard()
  unused.used(self)
  self.discarded = true
end

--- chart:alt_text() -> the chart's alternative text for a tagged PDF: its
--- alt option, else its title, subtitle and one sentence summarising its
--- data in its language (sumi.internal.chart.alt).
function Chart:alt_text()
  unused.used(self)
  return alt.text(self)
end

-- ---- one-figure charts: pie, part of a whole, KPI tile

-- Charts without value axes: each kind composes its own plot inside the
-- common frame (title, subtitle, source). Its drawing list also takes
-- filled shapes, recorded as a function painting them on a canvas.
local Figure = setmetatable({}, {__index = Chart})
Figure.__index = Figure

local function add_shape(list, paint)
  list.items[#list.items + 1] = {kind = "shape", paint = paint}
end

local function figure_list(canvas, lang)
  local list = drawing.new(canvas, lang)
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

-- The plot of each kind of figure that is not an xy chart, kept off the
-- chart's methods: a script sees compose, not these.
local plot_composers = {}

function Figure:compose(canvas, box)
  unused.used(self)
  box = whole_box(canvas, box)
  local list = figure_list(canvas, self.options.lang)
  local area = frame(self, list, box)
  plot_composers[self.kind](self, list, area)
  return list
end

function plot_composers.pie(self, list, area)
  local values, fmt = self.data.series[1].values, self.value_format
  return pie_mark(list, area, self.data, {theme = self.theme, donut = self.options.donut,
    shape = add_shape, label = function(i)
      local name = self.data.categories[i]
      if not fmt then return name end
      return name .. " " .. fmt(values[i], values[i] / self.total)
    end})
end

-- The part and whole of chart.part: numbers, or columns of the first row.
function plot_composers.part(self, list, area)
  return part_mark(list, area, {part = self.part, whole = self.whole, filled = self.filled,
    cells = self.options.cells}, {theme = self.theme, style = self.options.style, caption = self.caption})
end

-- What a KPI tile shows, in its language now: the change's words (the
-- language's "前年比" unless the script named others) and their order.
local function kpi_data(self)
  local t = self.text
  local words = locale.get(self.options.lang)
  local label = t.change_label
  if label == true then label = words.kpi_change or false end
  local pattern = words.kpi_change_line or "{change} {label}"
  local at_label, at_change = pattern:find("{label}", 1, true), pattern:find("{change}", 1, true)
  local first = at_label ~= nil and at_change ~= nil and at_label < at_change
  local between = first and pattern:match("{label}(.-){change}") or pattern:match("{change}(.-){label}")
    or " "
  return {value = t.value, label = t.label, change = t.change, change_label = label, change_first = first,
          change_gap = between ~= "", sign = t.sign}
end

-- A KPI tile: the sizes its row shares (compose.share_kpi_sizes), or its own.
function plot_composers.kpi(self, list, area)
  local shared = self.kpi_shared
  return kpi_mark.draw(list, area, kpi_data(self), {theme = self.theme, sizes = shared and shared.sizes,
    height = shared and shared.height})
end

-- How a KPI tile fits a box: its figure and label sizes and its height.
local function kpi_fit(self, canvas, box)
  local list = figure_list(canvas, self.options.lang)
  local area = frame(self, list, whole_box(canvas, box))
  return kpi_mark.fit(list, area, kpi_data(self), {theme = self.theme})
end

--- compose.share_kpi_sizes(tiles, canvas, boxes, lang, fn): draws a row of
--- KPI tiles with fn(tile, box) (tile i in boxes[i]), every tile at one
--- figure size, the largest at which every tile's figure fits its box, and
--- one label size, the stacks lined up: figures the same height in a row.
--- lang: the language of the tiles that name none (a document's).
function compose.share_kpi_sizes(tiles, canvas, boxes, lang, fn)
  local sizes, height = {figure = math.huge, label = math.huge}, 0
  for i, tile in ipairs(tiles) do
    local fit = compose.in_language(tile, lang, kpi_fit, tile, canvas, boxes[i])
    sizes.figure, sizes.label = math.min(sizes.figure, fit.figure), math.min(sizes.label, fit.label)
  end
  for i, tile in ipairs(tiles) do
    -- the tallest stack at the shared sizes: every tile's is centred as it is
    local stack = compose.in_language(tile, lang, function()
      local list = figure_list(canvas, tile.options.lang)
      local area = frame(tile, list, whole_box(canvas, boxes[i]))
      return kpi_mark.height(list, area, kpi_data(tile), {theme = tile.theme, sizes = sizes})
    end)
    height = math.max(height, stack)
  end
  for _, tile in ipairs(tiles) do tile.kpi_shared = {sizes = sizes, height = height} end
  local ok, err = pcall(function()
    for i, tile in ipairs(tiles) do fn(tile, boxes[i]) end
  end)
  for _, tile in ipairs(tiles) do tile.kpi_shared = nil end
  if not ok then error(err, 0) end
end

--- compose.kpi_tiles(tiles, fn, make [, defaults]) -> the tiles of a row
--- as charts: each a chart.kpi (now part of the row: marked as used, not
--- exported on its own) or the options of one, made by make (chart.kpi)
--- with the defaults (theme, lang) it does not set; fn names the function
--- in messages.
function compose.kpi_tiles(tiles, fn, make, defaults)
  if type(tiles) ~= "table" or #tiles == 0 then
    errors.raise("%s: the tiles must be a list of chart.kpi charts or their options; got %s", fn,
      errors.show(tiles))
  end
  local charts = {}
  for i, t in ipairs(tiles) do
    if type(t) == "table" and getmetatable(t) == compose.Figure and t.kind == "kpi" then
      charts[i] = t
      t:discard() -- drawn in the row: sumi chart exports the row, not the tile
    elseif type(t) == "table" and getmetatable(t) == nil then
      local o = options.copy(t)
      for k, v in pairs(defaults or {}) do
        if o[k] == nil then o[k] = v end
      end
      local ok, err = compose.unregistered(function() charts[i] = make(o) end)
      if not ok then -- named as the row's mistake, at its tile
        local named = tostring(err):gsub("^(.-:%d+: )chart%.kpi: ", function(where)
          return ("%s%s: tiles[%d]: "):format(where, fn, i)
        end, 1)
        error(named, 0)
      end
    else
      errors.raise("%s: tiles[%d] must be a chart.kpi chart or its options; got %s", fn, i,
        type(t) == "table" and ("a chart.%s chart"):format(tostring(t.kind)) or errors.show(t))
    end
  end
  return charts
end

-- A row of KPI tiles (chart.kpis): each in an equal share of the width,
-- `gap` apart, bordered, at one figure size.
function plot_composers.kpis(self, list, area)
  local tiles, o = self.tiles, self.options
  local n = #tiles
  local w = (area.width - o.gap * (n - 1)) / n
  -- each tile inside its border, 4 points in
  local boxes = {}
  for i = 1, n do
    boxes[i] = {x = area.x + (i - 1) * (w + o.gap) + 4, y = area.y + 4, width = w - 8,
                height = area.height - 8}
  end
  compose.share_kpi_sizes(tiles, list.canvas, boxes, o.lang, function(tile, box)
    if o.border then
      add_shape(list, function(c)
        c:rect(box.x - 4, box.y - 4, box.width + 8, box.height + 8)
        c:stroke{color = o.border, width = 0.75}
      end)
    end
    local sub = compose.in_language(tile, o.lang, tile.compose, tile, list.canvas, box)
    for _, item in ipairs(sub.items) do list.items[#list.items + 1] = item end
  end)
end

compose.Figure = Figure
compose.value_extent = value_extent
compose.frame = frame
compose.whole_box = whole_box
compose.figure_list = figure_list

--- compose.in_language(chart, lang, fn, ...) -> what fn(...) returns, with
--- the chart (and a facet's panels) set in lang while fn runs, unless the
--- chart's own options named a language: a document's language is the
--- default of the charts in it.
function compose.in_language(chart, lang, fn, ...)
  if chart.lang_given or not lang or type(chart.options) ~= "table" then return fn(...) end
  local targets = {chart}
  for _, p in ipairs(chart.panels or chart.tiles or {}) do
    if not p.lang_given then targets[#targets + 1] = p end -- a tile that names its language keeps it
  end
  local saved = {}
  for i, t in ipairs(targets) do saved[i], t.options.lang = t.options.lang, lang end
  local results = table.pack(pcall(fn, ...))
  for i, t in ipairs(targets) do t.options.lang = saved[i] end
  if not results[1] then error(results[2], 0) end
  return table.unpack(results, 2, results.n)
end

return compose
