-- Charts composed from scales, axes, legends and marks.
--
--   local chart = require "sumi.chart"
--   local c = chart.bar(ds, {x = "name", y = "value", title = "AI企業数"})
--   c:draw(page, {x = 40, y = 100, width = 400, height = 240})  -- on any canvas
--   c:save("chart.png", {preset = "slides"})                     -- a file of its own
--   c:layout(canvas, box)   -- every text box it would place (for tests)
--
-- A chart never knows about pages: it fills the box it is given. This
-- module holds the constructors: each checks its options against a spec
-- (sumi.internal.options) and reads its data. The chart object, the frame
-- and the layout are in sumi.internal.chart.compose, small multiples in
-- sumi.internal.chart.facet, charts on a continuous x in sumi.internal.xy,
-- files in sumi.internal.export.
local alt = require "sumi.internal.chart.alt"
local annotate = require "sumi.internal.annotate"
local axis = require "sumi.axis"
local locale = require "sumi.locale"
local compose = require "sumi.internal.chart.compose"
local errors = require "sumi.internal.errors"
local facet = require "sumi.internal.chart.facet"
local options = require "sumi.internal.options"
local records = require "sumi.internal.records"
local date = require "sumi.date"
local scale = require "sumi.scale"
local template = require "sumi.template"
local themes = require "sumi.theme"
local xy = require "sumi.internal.xy"

local chart = {}
local register, set_source = compose.register, compose.set_source

local function finite(v) return type(v) == "number" and v == v and v ~= math.huge and v ~= -math.huge end

-- ---- options

local function file_name(v)
  if v == "" or v:find("^%.") or v:find("[/\\%c]") then return "a file name without '/'" end
end

-- The frame's options: every chart has them.
local frame_spec = {
  title = {default = false, type = "string|number"}, subtitle = {default = false, type = "string|number"},
  source = {default = true, type = "string|boolean"}, notes = {default = true, type = "string|boolean"},
  theme = {default = false, type = "string|table"}, lang = locale.option("ja"),
  name = {default = false, type = "string", check = file_name},
  alt = alt.option, -- the alternative text of a tagged PDF (chart:alt_text)
}

-- The options of every chart with a value axis.
local value_spec = options.merge(frame_spec, {
  x = {default = false, type = "string"}, y = {default = false, type = "string|table"},
  unit = {default = "", type = "string"}, y_title = {default = false, type = "string"},
  y_format = {default = false, type = "string|function"}, y_units = {default = "auto",
    type = "string|boolean"},
  y_title_position = {default = "top", one_of = {"top", "side"}},
  names = {default = false, type = "table"},
  legend = compose.legend_option,
  value_labels = {default = false, type = "boolean|string|function"},
  y_domain = {default = false, type = "table", check = function(d)
    if type(d[1]) ~= "number" or type(d[2]) ~= "number" or d[1] ~= d[1] or d[2] ~= d[2] or d[1] >= d[2] then
      return "{low, high} with low < high"
    end
  end},
  annotations = {default = false, type = "table"},
  target = {default = false, type = "number|string|table"},
})

local bar_spec = options.merge(value_spec, {
  orientation = {default = "auto", one_of = {"auto", "vertical", "horizontal"}},
  mode = {default = "grouped", one_of = {"grouped", "stacked", "percent"}},
  color = {default = false, type = "string"}, colors = {default = false, type = "table"},
  y_log = {default = false, type = "boolean"},
})

local line_spec = options.merge(value_spec, xy.line_options)

local scatter_spec = options.merge(value_spec, xy.scatter_options)
scatter_spec.names, scatter_spec.value_labels, scatter_spec.x_scale = nil, nil, nil

local area_spec = options.merge(value_spec, xy.area_options)

local combo_spec = options.merge(value_spec, {
  bars = {default = false, type = "string|table"}, lines = {default = false, type = "string|table"},
  mode = {default = "grouped", one_of = {"grouped", "stacked"}},
  y2 = {default = true, type = "boolean"}, y2_title = {default = false, type = "string"},
  y2_unit = {default = "", type = "string"}, y2_format = {default = false, type = "string|function"},
  y2_units = {default = "auto", type = "string|boolean"}, y2_domain = value_spec.y_domain,
  y2_zero = {default = false, type = "boolean"},
})

local pie_spec = options.merge(frame_spec, {
  label = {default = false, type = "string"}, value = {default = false, type = "string"},
  donut = {default = 0, type = "number", min = 0, max = 0.9},
  value_labels = {default = "pct1", type = "string|function|boolean"},
})

local part_spec = options.merge(frame_spec, {
  part = {default = false, type = "number|string"}, whole = {default = false, type = "number|string"},
  style = {default = "waffle", one_of = {"waffle", "bar"}},
  cells = {default = 100, type = "integer", min = 1, max = 400},
  caption = {default = "{part} / {whole} ({share:pct1})", type = "string"},
})

local finite_number = {default = false, type = "number",
                       check = function(v) return not finite(v) and "a finite number" or nil end}

local kpi_spec = options.merge(frame_spec, {
  value = finite_number, label = {default = false, type = "string|number"}, change = finite_number,
  format = {default = "int", type = "string|function"}, unit = {default = "", type = "string"},
  change_format = {default = "change1", type = "string|function"},
  change_label = {default = true, type = "string|boolean"},
  source = {default = false, type = "string|boolean"},
})

-- ---- data: a dataset or an array of records, read into arrays

local function read_data(data, o, fn)
  if o.x == false then errors.raise("%s: option 'x' is missing (the category column)", fn) end
  if o.y == false then
    errors.raise("%s: option 'y' is missing (a value column or a list of them)", fn)
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
        errors.raise("%s: no column '%s' (columns: %s)", fn, name, table.concat(names, ", "))
      end
      local values, count = data:column(name)
      columns[name], n = values, count
    end
    local meta = data:meta()
    source, notes = meta.source, meta.notes
    unit = data:meta(ys[1]).unit or meta.unit
  elseif type(data) == "table" then
    columns, n = records.columns(data, wanted, fn)
  else
    errors.raise("%s: data must be a dataset or an array of records; got %s", fn, errors.show(data))
  end
  local categories = {}
  for i = 1, n do
    local v = columns[o.x][i]
    categories[i] = v == nil and "" or tostring(v)
  end
  -- Months and quarters ("2025-04", "2025Q1", as a month or quarter
  -- column gives them) are labelled as a time axis labels them: 2025年4月,
  -- 5月, ... 2026年1月, in the chart's language when it is drawn
  -- (compose.category_labels). Annotations name them as they are stored.
  local kind = n > 0 and date.kind(categories[1]) or nil
  for i = 2, n do
    if kind and date.kind(categories[i]) ~= kind then kind = nil end
  end
  local period_kind = (kind == "month" or kind == "quarter") and kind or nil
  local series = {}
  for k, y in ipairs(ys) do
    local values = columns[y]
    for i = 1, n do
      local v = values[i]
      if v ~= nil and (type(v) ~= "number" or v ~= v or v == math.huge or v == -math.huge) then
        errors.raise("%s: row %d of '%s' is not a finite number (%s)", fn, i, y, errors.show(v))
      end
      if v ~= nil and math.abs(v) > scale.limit then
        errors.raise(("%s: row %d of '%s' is too large for an axis (%g; the limit is ±%g)")
          :format(fn, i, y, v, scale.limit))
      end
    end
    series[k] = {name = o.names and o.names[k] or y, column = y, values = values}
  end
  local rows = type(data) == "table" and data or nil
  -- row(i) -> the record a value label function sees: the chart's columns
  local function row(i)
    if rows then return rows[i] end
    local r = {}
    for _, name in ipairs(wanted) do r[name] = columns[name][i] end
    return r
  end
  return {categories = categories, period_kind = period_kind, series = series, n = n, source = source,
          notes = notes, unit = unit,
          row = row,
          groups = o.color and columns[o.color] or nil}
end

-- Bars coloured by a column (option color): each distinct value is a
-- group with its colour (options.colors[value], else the palette's next)
-- and a legend entry, in the order the values first appear.
local function color_groups(self, fn)
  local o = self.options
  if #self.data.series > 1 then
    errors.raise("%s: option 'color' takes one value column; got %d", fn, #self.data.series)
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

-- The options of the value axis and the legend that their specs cannot
-- check alone: the legend's place ("end": line charts only), a log axis'
-- range and modes.
local function check_value_options(o, kind, fn, given)
  if o.legend ~= nil then
    o.legend = compose.legend_place(o.legend)
    if o.legend == "end" and kind ~= "line" then
      options.fail(fn, "legend", '"top", "bottom", "right", "none", true or false ("end" names the lines at '
        .. "their ends: line charts only)", "end")
    end
  end
  if o.y_log then
    if o.y_domain and o.y_domain[1] <= 0 then
      options.fail(fn, "y_domain", "{low, high} with 0 < low < high on a log axis (y_log = true)", o.y_domain)
    end
    if o.zero then
      options.fail(fn, "zero", "false on a log axis (y_log = true: a log axis has no 0)", o.zero)
    end
    if kind == "bar" and o.mode ~= "grouped" then
      options.fail(fn, "y_log", ("false with mode = %q (stacked bars add up lengths, which a log axis does "
        .. "not have)"):format(o.mode), given.y_log)
    end
  end
end

-- A log value axis over categories: every value > 0, else an error naming
-- the row and the column.
local function positive_values(self, fn)
  for _, s in ipairs(self.data.series) do xy.check_positive(s.values, self.data.n, s.column or s.name, fn) end
end

-- The default label of a target: the language's word and the value (a
-- band: both ends) as the chart writes its values, "目標 1,200億円".
local function target_label(self, target)
  local words = locale.get(self.options.lang)
  local ys = target.kind == "band" and target.y or {target.y}
  local high = math.max(math.abs(ys[1]), math.abs(ys[#ys]), alt.scan(self).high or 0)
  local fmt = alt.value_formatter(self, high)
  local texts = {}
  for i, v in ipairs(ys) do texts[i] = fmt(v) end
  return words.target .. " " .. table.concat(texts, "–")
end

--- make(kind, data, options, spec, fn, how) -> a chart of that kind: its
--- options checked against spec, its theme, data, source and notes. how:
--- nil for categories along x (data read into arrays), {xy = true [,
--- x_kind]} for a continuous x (data read by sumi.internal.xy, which keeps
--- a dataset's long columns as views), {figure = true} for the one-figure
--- charts, which read their own data.
local function make(kind, data, opts, spec, fn, how)
  how = how or {}
  local o = options.check(fn, opts, spec)
  check_value_options(o, kind, fn, opts)
  local lang_given = type(opts) == "table" and opts.lang ~= nil
  local self = setmetatable({kind = kind, options = o, lang_given = lang_given},
    how.figure and compose.Figure or compose.Chart)
  self.theme = themes.get(o.theme or nil, fn)
  if how.figure then
    o.legend = false
    self.data = {categories = {}, series = {}, n = 0}
    return self
  end
  if how.xy then
    local x_kind = how.x_kind
    if not x_kind then
      local mixed
      x_kind, mixed = xy.x_kind(data, o)
      if mixed then errors.raise("%s: %s", fn, mixed) end
    end
    self.continuous, self.x_kind = true, x_kind
    xy.check(self, fn)
    if not x_kind then xy.check_categorical(self, fn) end
    self.data = xy.read(self, data, fn)
  else
    self.data = read_data(data, o, fn)
    -- the value column's unit from its metadata, unless the script names one
    if opts and opts.unit == nil and self.data.unit then o.unit = self.data.unit end
  end
  set_source(self, self.data.source, self.data.notes)
  if o.y_log and not how.xy then positive_values(self, fn) end
  self.input = data -- the columns annotations and targets name are read from it
  local function column_value(name, row, where) return annotate.column_value(data, name, row, where, fn) end
  if o.annotations then
    self.annotations = annotate.check(o.annotations, fn)
    annotate.resolve(self.annotations, column_value, fn)
  end
  if o.target then
    local target = annotate.target(o.target, column_value, fn)
    if target.label == true then target.label = function() return target_label(self, target) end end
    self.target = target
    self.annotations = self.annotations or {}
    table.insert(self.annotations, target)
  end
  if o.y_log then -- a reference at 0 or below has no place on a log axis
    for i, a in ipairs(self.annotations or {}) do
      local ys = a.kind == "band" and a.y or a.kind == "line" and {a.y} or {}
      for _, v in ipairs(ys) do
        if type(v) == "number" and v <= 0 then
          options.fail(fn, a == self.target and "target" or ("annotations[%d].y"):format(i),
            "a number > 0 on a log axis (y_log = true)", v)
        end
      end
    end
  end
  if not how.xy then
    local labels = o.value_labels ~= true and o.value_labels or nil
    self.value_format = o.value_labels and axis.formatter(labels, fn, "value_labels")
    -- values labelled as shares get a percent axis too (not 0.0 - 0.4)
    if not o.y_format and type(o.value_labels) == "string" and o.value_labels:find("^pct") then
      o.y_format = "pct"
    end
  end
  return self
end

-- ---- charts with a value axis

--- chart.bar(data, options) -> chart. See docs/API.md §16 for the options.
function chart.bar(data, opts)
  local self = make("bar", data, opts, bar_spec, "chart.bar")
  local o = self.options
  if o.orientation == "horizontal" and type(opts) == "table" and opts.y_title_position == "top" then
    options.fail("chart.bar", "y_title_position",
      "\"side\" on horizontal bars (their value axis runs along the bottom, its title under it)",
      opts.y_title_position)
  end
  if o.color then color_groups(self, "chart.bar") end
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

--- chart.line(data, options) -> chart: one line per y column, broken at
--- missing values. Extra options: markers (false), zero (false: the value
--- axis starts at 0 only if asked); a numeric or date x column makes a
--- linear or time x axis (x_scale, decimate, x_title, x_format, x_unit,
--- x_units: see docs/API.md §16), other columns categories.
function chart.line(data, opts)
  local kind, mixed
  if type(opts) == "table" then
    kind, mixed = xy.x_kind(data, options.check("chart.line", opts, line_spec))
    if mixed then errors.raise("chart.line: %s", mixed) end
  end
  if kind then return register(make("line", data, opts, line_spec, "chart.line", {xy = true,
    x_kind = kind})) end
  local self = make("line", data, opts, line_spec, "chart.line")
  xy.check_categorical(self, "chart.line")
  return register(self)
end

--- chart.scatter(data, options) -> chart: one point per row on two numeric
--- axes; size (bubbles), color (groups) and label columns. See docs/API.md §16.
function chart.scatter(data, opts)
  local o = type(opts) == "table" and opts or {}
  return register(make("scatter", data, opts, scatter_spec, "chart.scatter",
    {xy = true, x_kind = o.x_log and "log" or "linear"}))
end

--- chart.area(data, options) -> chart: stacked (default), overlapping or
--- percent areas, one per y column, over categories or a continuous x.
function chart.area(data, opts)
  local self = make("area", data, opts, area_spec, "chart.area", {xy = true})
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
  local o = options.check("chart.combo", opts, combo_spec)
  local bars, lines = column_list(o.bars), column_list(o.lines)
  for _, given in ipairs({{"bars", bars}, {"lines", lines}}) do
    local key, list = given[1], given[2]
    if not list then
      errors.raise("chart.combo: option '%s' is missing (a value column or a list of them)", key)
    end
  end
  if o.y ~= false then options.fail("chart.combo", "y", "left out (give 'bars' and 'lines' instead)", o.y) end
  o = options.copy(opts)
  o.y = {}
  for _, c in ipairs(bars) do o.y[#o.y + 1] = c end
  for _, c in ipairs(lines) do o.y[#o.y + 1] = c end
  local self = make("combo", data, o, combo_spec, "chart.combo")
  self.bars, self.lines = {}, {}
  for k, series in ipairs(self.data.series) do
    local into = k <= #bars and self.bars or self.lines
    into[#into + 1] = series
  end
  return register(self)
end

-- ---- one-figure charts: pie, part of a whole, KPI tile

--- chart.pie(data, options) -> chart: one slice per row, its share of the
--- total. Options: label (the name column), value (the value column), donut
--- (0: the hole's share of the radius, up to 0.9), value_labels ("pct1":
--- a format name, false, or function(value, share) -> text), and the
--- frame's title, subtitle, source, theme, lang, name.
function chart.pie(data, opts)
  local self = make("pie", data, opts, pie_spec, "chart.pie", {figure = true})
  local o = self.options
  if not o.label then errors.raise("chart.pie: option 'label' is missing (the name column)") end
  if not o.value then errors.raise("chart.pie: option 'value' is missing (the value column)") end
  local read = read_data(data, {x = o.label, y = o.value}, "chart.pie")
  local values, total = read.series[1].values, 0
  for i = 1, read.n do
    local v = values[i]
    if v == nil then errors.raise("chart.pie: row %d of '%s' has no value", i, o.value) end
    if v < 0 then
      errors.raise("chart.pie: row %d of '%s' is negative (%s): a pie shows parts of a total", i, o.value,
        tostring(v))
    end
    total = total + v
  end
  if total <= 0 then
    errors.raise("chart.pie: the values of '%s' add up to %s: a pie needs a positive total", o.value,
      tostring(total))
  end
  self.data, self.total = read, total
  set_source(self, read.source, read.notes)
  if o.value_labels then
    local spec = o.value_labels == true and pie_spec.value_labels.default or o.value_labels
    if type(spec) == "function" then
      self.value_format = spec
    else
      local f = axis.formatter(spec, "chart.pie", "value_labels")
      local of_share = type(spec) == "string" and spec:find("^pct") ~= nil
      self.value_format = function(v, share) return f(of_share and share or v) end
    end
  end
  return register(self)
end

-- The part and whole of chart.part: numbers, or columns of the first row.
local function part_numbers(data, o)
  local function read(key)
    local v = o[key]
    if type(v) == "string" then
      local row = type(data) == "table" and data[1] or nil
      if type(data) == "userdata" then
        local ok, values = pcall(data.column, data, v)
        if not ok then errors.raise("chart.part: no column '%s'", v) end
        row = {[v] = values[1]}
      end
      if type(row) ~= "table" or row[v] == nil then
        errors.raise("chart.part: no field '%s' in the first row", v)
      end
      v = row[v]
    elseif v == false and type(data) == "table" then
      v = data[key == "part" and 1 or 2]
    end
    if not finite(v) then
      errors.raise("chart.part: the %s must be a finite number; got %s", key, errors.show(v))
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
  local self = make("part", data, opts, part_spec, "chart.part", {figure = true})
  local o = self.options
  local part, whole = part_numbers(data, o)
  if whole <= 0 then errors.raise("chart.part: the whole must be > 0; got %s", errors.show(whole)) end
  if part < 0 or part > whole then
    errors.raise("chart.part: the part must be in [0, whole]; got %s of %s", tostring(part), tostring(whole))
  end
  self.part, self.whole, self.share = part, whole, part / whole
  self.filled = math.floor(o.cells * part / whole + 0.5)
  self.caption = template.fill(o.caption, {part = part, whole = whole, share = part / whole})
  local meta = type(data) == "userdata" and data:meta() or {}
  set_source(self, meta.source, meta.notes)
  return register(self)
end

--- chart.kpi(options) -> chart: a KPI tile. Options: value (a number),
--- label, change (a ratio: 0.12 is +12.0%), format ("int": a format
--- name or function), unit (after the figure), change_format ("change1"),
--- change_label (true: the language's "前年比", "YoY"; a text; false:
--- none), and the frame's title, subtitle, source (none), theme, lang,
--- name.
function chart.kpi(opts)
  local self = make("kpi", nil, opts, kpi_spec, "chart.kpi", {figure = true})
  local o = self.options
  if o.value == false then -- the value the script gave (nil), not the spec's false standing in for it
    local given
    if type(opts) == "table" then given = opts.value end
    options.fail("chart.kpi", "value", "a finite number", given)
  end
  local fmt, change_fmt = axis.formatter(o.format, "chart.kpi", "format"),
    axis.formatter(o.change_format, "chart.kpi", "change_format")
  if o.change == false and type(opts) == "table" and opts.change_label ~= nil then
    errors.raise("chart.kpi: option 'change_label' names the change: give 'change' too")
  end
  if o.change_label == "" then o.change_label = false end
  local change = o.change and change_fmt(o.change)
  if type(change) == "number" then change = tostring(change) end
  if o.change and type(change) ~= "string" then
    errors.raise("chart.kpi: option 'change_format' gave %s for %s; a text expected", errors.show(change),
      tostring(o.change))
  end
  local value = fmt(o.value)
  if type(value) ~= "string" and type(value) ~= "number" then
    errors.raise("chart.kpi: option 'format' gave %s for %s; a text expected", errors.show(value),
      tostring(o.value))
  end
  self.text = {value = value .. o.unit, label = o.label and tostring(o.label) or false,
               change = change or false, change_label = o.change and o.change_label or false,
               sign = o.change and (o.change > 0 and 1 or o.change < 0 and -1 or 0) or 0}
  set_source(self, nil)
  return register(self)
end

local kpis_spec = options.merge(frame_spec, {
  gap = {default = 10, type = "number", min = 0, max = 1000},
  border = {default = "#d5dbe3", type = "string|boolean", check = function(v)
    if v == true then return "a colour, or false for none" end
  end},
  source = {default = false, type = "string|boolean"},
})

--- chart.kpis(tiles, options) -> chart: KPI tiles side by side in one
--- figure, each a chart.kpi or the options of one, every figure at one
--- size (the largest at which every tile's fits) and the stacks lined
--- up. Options: gap (10 points between tiles), border (a colour, or false),
--- and the frame's title, subtitle, source (none), theme, lang, name, alt.
function chart.kpis(tiles, opts)
  local self = make("kpis", nil, opts, kpis_spec, "chart.kpis", {figure = true})
  local given = type(opts) == "table" and opts or {}
  self.tiles = compose.kpi_tiles(tiles, "chart.kpis", chart.kpi, {theme = given.theme, lang = given.lang})
  set_source(self, nil)
  return register(self)
end

-- The options of each kind of chart a facet's panels may be: an unknown
-- option of chart.facet is one that neither the facet nor its panels take.
local panel_specs = {bar = bar_spec, line = line_spec, scatter = scatter_spec, area = area_spec,
                     combo = combo_spec, pie = pie_spec}

--- chart.facet(data, options) -> chart: small multiples, one panel per
--- value of the column `by`, every panel the same kind of chart (option
--- chart: "bar", "line", ...) with the same value axis (shared = true) so
--- that panels compare at a glance. See sumi.internal.chart.facet.
function chart.facet(data, opts)
  return facet.new(chart, data, opts, panel_specs)
end

return chart
