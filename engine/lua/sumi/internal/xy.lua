-- Charts on a continuous x axis: chart.line over numbers or dates,
-- chart.scatter and chart.area. chart.lua makes the chart object (options,
-- theme, source, name) and calls this module to read the data (xy.read)
-- and to lay out the plot inside the chart's frame (xy.compose).
--
-- Long columns stay where they are: a dataset's columns are read through
-- column views, their extents found in C (sumi.path.extent), and a line is
-- drawn by sumi.path.series at draw time, so a 1,000,000-row column never
-- becomes a Lua table.
local errors = require "sumi.internal.errors"
local annotate = require "sumi.internal.annotate"
local axis = require "sumi.axis"
local drawing = require "sumi.internal.drawing"
local legend = require "sumi.legend"
local options = require "sumi.internal.options"
local records = require "sumi.internal.records"
local path = require "sumi.path"
local scale = require "sumi.scale"
local area_mark = require "sumi.internal.marks.area"
local ends_mark = require "sumi.internal.marks.ends"
local calendar = require "sumi.internal.calendar"
local mark_base = require "sumi.internal.marks.base"
local scatter_mark = require "sumi.internal.marks.scatter"
local series_mark = require "sumi.internal.marks.series"

local xy = {}

--- The options of the x axis on a continuous chart, and those each kind
--- takes besides sumi.chart's common ones (sumi.internal.options specs).
xy.x_options = {
  x_scale = {default = "auto", one_of = {"auto", "category", "linear", "time"}},
  x_title = {default = false, type = "string"}, x_format = {default = false, type = "string|function"},
  x_unit = {default = "", type = "string"}, x_units = {default = "auto", type = "string|boolean"},
}

-- The ticks of a date x: what they are labelled as (sumi.scale.periods),
-- and the fiscal year they count fiscal periods in.
local time_options = {
  x_ticks = {default = "auto", one_of = scale.periods},
  fiscal = {default = false, type = "table"},
}
local fiscal_spec = calendar.fiscal_spec

xy.line_options = options.merge(xy.x_options, time_options, {
  markers = {default = false, type = "boolean"}, zero = {default = false, type = "boolean"},
  decimate = {default = "minmax", one_of = {"minmax", "lttb", false}},
  y_log = {default = false, type = "boolean"},
})

-- scatter: no value labels and no series names (one y column)
xy.scatter_options = options.merge(xy.x_options, {
  size = {default = false, type = "string"}, color = {default = false, type = "string"},
  label = {default = false, type = "string"}, x_log = {default = false, type = "boolean"},
  y_log = {default = false, type = "boolean"}, size_title = {default = false, type = "string"},
  max_size = {default = false, type = "number",
              check = function(v) return not (v > 0 and v < math.huge) and "a radius > 0" or nil end},
})

xy.area_options = options.merge(xy.x_options, time_options, {
  mode = {default = "stacked", one_of = {"stacked", "overlap", "percent"}},
})

-- Point markers are drawn one by one in Lua: above this many points a line
-- chart leaves them out (the line itself shows nothing else at that density).
xy.marker_limit = 1000

local function finite(v) return type(v) == "number" and v == v and v ~= math.huge and v ~= -math.huge end

local function show(v)
  if type(v) == "string" then return "'" .. v .. "'" end
  if v ~= v then return "nan" end -- not "-nan", as C's printf may write it
  return tostring(v)
end

-- ---- reading columns

-- The named columns of a dataset or of an array of records, as
-- {values = a column view or a Lua array with n, type = "integer" |
-- "number" | "date" | "month" | "quarter" | "string" | "boolean" | "mixed"};
-- n the row count.
local function columns_of(data, names, fn)
  local out = {}
  if type(data) == "userdata" then
    local have, all = {}, data:names()
    for _, name in ipairs(all) do have[name] = true end
    for _, name in ipairs(names) do
      if not have[name] then
        errors.raise(("%s: no column '%s' (columns: %s)"):format(fn, name, table.concat(all, ", ")))
      end
      out[name] = {values = data:view(name), type = data:type(name), view = true}
    end
    return out, #data, data:meta().source, data:meta().notes
  elseif type(data) ~= "table" then
    errors.raise("%s: data must be a dataset or an array of records; got %s", fn, type(data))
  end
  local columns, n = records.columns(data, names, fn)
  for _, name in ipairs(names) do
    local values, kind = columns[name], nil
    for i = 1, n do
      local v = values[i]
      if v ~= nil then
        local t = math.type(v) or type(v)
        t = t == "float" and "number" or t
        if kind == nil then kind = t elseif kind ~= t then
          kind = (kind == "integer" or kind == "number") and (t == "integer" or t == "number") and "number"
            or "mixed"
        end
      end
    end
    out[name] = {values = values, type = kind or "number"}
  end
  return out, n
end

-- A whole column as a Lua array (views are copied: for the charts whose
-- marks are drawn one by one in Lua anyway, scatter and area).
local function array_of(col, data, name)
  if not col.view then return col.values end
  local values, n = data:column(name)
  values.n = n
  return values
end

-- Checks that every value of a Lua array is a finite number or nil.
local function check_numbers(values, name, fn)
  for i = 1, values.n do
    local v = values[i]
    if v ~= nil and not finite(v) then
      errors.raise(("%s: row %d of '%s' is not a finite number (%s)"):format(fn, i, name, show(v)))
    end
    if v ~= nil and math.abs(v) > scale.limit then
      errors.raise(("%s: row %d of '%s' is too large for an axis (%g; the limit is ±%g)")
        :format(fn, i, name, v, scale.limit))
    end
  end
end

-- A column's extent on a linear axis: the views of a dataset's columns are
-- not checked value by value, so their extremes are checked here.
local function check_extent(lo, hi, name, fn)
  local worst = math.abs(lo) > math.abs(hi) and lo or hi
  if math.abs(worst) > scale.limit then
    errors.raise(("%s: column '%s' holds a value too large for an axis (%g; the limit is ±%g)")
      :format(fn, name, worst, scale.limit))
  end
end

-- A number column for a value axis: a view of a number column, or a
-- checked Lua array. Dates, strings and booleans are errors.
local function number_column(col, name, fn)
  if col.view then
    if col.type ~= "integer" and col.type ~= "number" then
      errors.raise(("%s: column '%s' holds %s values, numbers expected"):format(fn, name, col.type))
    end
    return col.values
  end
  check_numbers(col.values, name, fn)
  return col.values
end

-- Dates as text: a day "YYYY-MM-DD", a month "YYYY-MM" or a quarter
-- "YYYYQn" / "YYYY-Qn"; which of them, or nil.
local function date_text(v)
  if v:match("^%d%d%d%d%-%d%d%-%d%d$") then return "date" end
  if v:match("^%d%d%d%d%-%d%d$") then return "month" end
  if v:match("^%d%d%d%d%-?Q[1-4]$") then return "quarter" end
  return nil
end

--- xy.x_kind(data, o) -> "linear", "time" or nil (categories), and a
--- message when the x values mix numbers or dates with other things: what
--- x_scale = "auto" means for this x column. Numbers are linear, dates
--- (a dataset's date, month or quarter column, or records whose x values
--- are all "YYYY-MM-DD", "YYYY-MM" or "YYYYQn" strings) are time;
--- anything else stays categories.
function xy.x_kind(data, o)
  if o.x_scale ~= "auto" then return o.x_scale ~= "category" and o.x_scale or nil end
  if type(o.x) ~= "string" then return nil end
  if type(data) == "userdata" then
    local ok, t = pcall(data.type, data, o.x)
    if not ok then return nil end
    if t == "integer" or t == "number" then return "linear" end
    if t == "date" or t == "month" or t == "quarter" then return "time" end
    if t ~= "string" then return nil end
    -- dates read as text (from_rows, a CSV without types): the first
    -- values tell; a later value that is no date is then an error naming it
    local view, seen = data:view(o.x), 0
    for i = 1, #view do
      local v = view[i]
      if v ~= nil then
        if not date_text(v) then return nil end
        seen = seen + 1
        if seen == 20 then break end
      end
    end
    return seen > 0 and "time" or nil
  end
  if type(data) ~= "table" then return nil end
  local kind, first
  for i, row in ipairs(data) do
    local v = type(row) == "table" and row[o.x] or nil
    if v ~= nil then
      local k = type(v) == "number" and "linear"
        or (type(v) == "string" and date_text(v) and "time") or "category"
      if kind ~= nil and kind ~= k then
        if kind == "category" then return nil end
        -- numbers (or dates) then something else: a typo in the data, not categories
        return nil, ("row %d of '%s' is %s, but row %d holds %s (x_scale = \"category\" makes every x "
          .. "a category)"):format(i, o.x, show(v), first, kind == "linear" and "a number" or "a date")
      end
      kind, first = k, first or i
    end
  end
  return kind ~= "category" and kind or nil
end

-- The x column of a continuous chart, as what sumi.path.series reads: a
-- view (numbers, or dates as days) or a Lua array of numbers (dates as days).
local function x_column(col, name, kind, data, fn)
  if col.view then
    if kind == "linear" and (col.type == "integer" or col.type == "number") then return col.values end
    -- months and quarters at their first days (sumi.path reads them so)
    if kind == "time" and (col.type == "date" or col.type == "month" or col.type == "quarter") then
      return col.values
    end
    if kind == "linear" then
      errors.raise(("%s: column '%s' holds %s values: a linear x needs numbers (x_scale = \"category\" "
        .. "treats them as categories)"):format(fn, name, col.type))
    end
    if col.type ~= "string" and col.type ~= "integer" and col.type ~= "number" then
      errors.raise(("%s: column '%s' holds %s values: a time x needs dates"):format(fn, name, col.type))
    end
    col = {values = array_of(col, data, name)}
  end
  local values, out = col.values, {n = col.values.n}
  for i = 1, values.n do
    local v = values[i]
    if v ~= nil then
      if kind == "linear" then
        if not finite(v) then
          errors.raise(("%s: row %d of '%s' is not a finite number (%s): a linear x needs numbers")
            :format(fn, i, name, show(v)))
        end
        if math.abs(v) > scale.limit then
          errors.raise(("%s: row %d of '%s' is too large for an axis (%g; the limit is ±%g)")
            :format(fn, i, name, v, scale.limit))
        end
        out[i] = v
      else
        local days, why = scale.date_days(v)
        if not days then
          errors.raise(("%s: row %d of '%s' is %s: %s"):format(fn, i, name, show(v), why))
        end
        out[i] = days
      end
    end
  end
  return out
end

-- Whether every x value is a whole number (years, counts): ticks then
-- stay whole, and four-digit ones are written without a separator.
local function whole_numbers(col, xs)
  if col.view then return col.type == "integer" end
  for i = 1, xs.n do
    local v = xs[i]
    if v ~= nil and math.type(v) ~= "integer" and v ~= math.floor(v) then return false end
  end
  return true
end

-- "quarter" when every x is a quarter (a quarter column, or "YYYYQn"
-- text): its ticks are then labelled as quarters, not as their first months.
local function quarters(col, data, name)
  if col.type == "quarter" then return "quarter" end
  if col.type ~= "string" and col.type ~= "mixed" then return nil end
  local values = array_of(col, data, name)
  local any = false
  for i = 1, values.n or #values do
    local v = values[i]
    if v ~= nil then
      if type(v) ~= "string" or date_text(v) ~= "quarter" then return nil end
      any = true
    end
  end
  return any and "quarter" or nil
end

--- xy.read(self, data, fn) -> the chart's data: {n, x = {values,
--- kind, low, high, whole}, series = {{name, values, low, high}, ...},
--- source, ...}. Errors name the column and row, at `level`.
function xy.read(self, data, fn)
  local o, kind = self.options, self.kind
  if o.x == false then errors.raise("%s: option 'x' is missing (the x column)", fn) end
  if o.y == false then
    errors.raise("%s: option 'y' is missing (a value column%s)", fn,
      kind == "scatter" and "" or " or a list of them")
  end
  local ys = type(o.y) == "table" and o.y or {o.y}
  if kind == "scatter" and #ys ~= 1 then
    options.fail(fn, "y", "one column name", o.y)
  end
  local wanted = {o.x}
  for _, y in ipairs(ys) do wanted[#wanted + 1] = y end
  for _, key in ipairs({"size", "color", "label"}) do
    if kind == "scatter" and o[key] then wanted[#wanted + 1] = o[key] end
  end
  local cols, n, source, notes = columns_of(data, wanted, fn)
  if n == 0 then errors.raise(("%s: the data has no rows"):format(fn)) end
  local result = {n = n, source = source, notes = notes, series = {}, categories = {}}

  if self.x_kind == nil then -- categories along x (area only)
    local values = array_of(cols[o.x], data, o.x)
    for i = 1, n do result.categories[i] = values[i] == nil and "" or tostring(values[i]) end
  elseif kind == "scatter" then
    local xs = array_of(cols[o.x], data, o.x)
    if cols[o.x].view then
      number_column(cols[o.x], o.x, fn)
    else
      check_numbers(xs, o.x, fn)
    end
    result.x = {values = xs, kind = self.x_kind}
  else
    local xs = x_column(cols[o.x], o.x, self.x_kind, data, fn)
    result.x = {values = xs, kind = self.x_kind,
                whole = self.x_kind == "linear" and whole_numbers(cols[o.x], xs),
                period = self.x_kind == "time" and quarters(cols[o.x], data, o.x) or nil}
  end
  if result.x then
    local lo, hi, count = path.extent(result.x.values)
    if count == 0 then errors.raise(("%s: column '%s' has no values"):format(fn, o.x)) end
    result.x.low, result.x.high = lo, hi
    if result.x.kind == "linear" then check_extent(lo, hi, o.x, fn) end
  end

  local any = false
  for k, y in ipairs(ys) do
    local values = number_column(cols[y], y, fn)
    if kind ~= "line" then
      values = array_of(cols[y], data, y)
    end
    local lo, hi, count = path.extent(values)
    any = any or count > 0
    if count > 0 then check_extent(lo, hi, y, fn) end
    result.series[k] = {name = o.names and o.names[k] or y, column = y, values = values, low = lo, high = hi}
  end
  if not any then
    errors.raise(("%s: column%s '%s' ha%s no values"):format(fn, #ys > 1 and "s" or "", table.concat(ys,
      "', '"),
      #ys > 1 and "ve" or "s"))
  end

  -- a line on a log axis: its values checked and their logarithms read
  -- into Lua (sumi.path.series maps linearly: it draws the logarithms)
  if kind == "line" and o.y_log then
    for _, s in ipairs(result.series) do
      xy.check_positive(s.values, n, s.column, fn)
      local values, logs = s.values, {n = n}
      for i = 1, n do
        if values[i] ~= nil then logs[i] = math.log(values[i], 10) end
      end
      s.log_values = logs
    end
  end

  if kind == "area" and o.mode ~= "overlap" then
    for _, s in ipairs(result.series) do
      for i = 1, n do
        local v = s.values[i]
        if v ~= nil and v < 0 then
          errors.raise(("%s: row %d of '%s' is negative (%s): %s areas need values >= 0"):format(fn, i,
            s.column,
            show(v), o.mode))
        end
      end
    end
  end

  if kind == "scatter" then
    if o.size then
      local sizes = array_of(cols[o.size], data, o.size)
      if cols[o.size].view then number_column(cols[o.size], o.size, fn) end
      check_numbers(sizes, o.size, fn)
      for i = 1, n do
        if sizes[i] ~= nil and sizes[i] < 0 then
          errors.raise(("%s: row %d of '%s' is negative (%s): a bubble's area shows a size >= 0")
            :format(fn, i, o.size, show(sizes[i])))
        end
      end
      result.sizes = sizes
    end
    for _, key in ipairs({"color", "label"}) do
      if o[key] then
        local values = array_of(cols[o[key]], data, o[key])
        local texts = {n = n}
        for i = 1, n do texts[i] = values[i] ~= nil and tostring(values[i]) or nil end
        result[key == "color" and "groups" or "labels"] = texts
      end
    end
    if o.x_log or o.y_log then
      for _, axis_key in ipairs({"x", "y"}) do
        local values = axis_key == "x" and result.x.values or result.series[1].values
        local name = axis_key == "x" and o.x or ys[1]
        if o[axis_key .. "_log"] then
          for i = 1, n do
            if values[i] ~= nil and values[i] <= 0 then
              errors.raise(("%s: row %d of '%s' is %s: a log axis needs values > 0"):format(fn, i, name,
                show(values[i])))
            end
          end
        end
      end
    end
  end
  return result
end

-- ---- axes

local function value_axis_options(self, side)
  local o = self.options
  return {side = side, title = o.y_title, unit = o.unit, lang = o.lang, format = o.y_format,
          theme = self.theme, units = o.y_units, title_position = o.y_title_position}
end

-- The x axis' options for axis.add, its ticks and their labels, for a
-- scale s, at most `count` ticks.
local function x_axis(self, s, count)
  local o, x = self.options, self.data.x
  local ticks = s:ticks(count)
  local opts = {side = "bottom", title = o.x_title, unit = o.x_unit, lang = o.lang, theme = self.theme,
                units = o.x_units, title_position = "side", zero_line = false, format = o.x_format}
  if x.kind == "time" and not o.x_format then
    local labels, by_day = s:tick_labels(ticks), {}
    for i, t in ipairs(ticks) do by_day[t] = labels[i] end
    opts.format = function(v) return by_day[v] end
  elseif x.whole and x.kind ~= "log" then
    local kept = {}
    for _, t in ipairs(ticks) do
      if t == math.floor(t) then kept[#kept + 1] = math.tointeger(t) or t end
    end
    ticks = kept
    -- years read 2025, not 2,025
    if not o.x_format and x.low >= 1000 and x.high <= 2999 then
      opts.format = function(v) return tostring(math.tointeger(v) or v) end
    end
  end
  opts.ticks = ticks
  local _, labels = axis.value_labels(s, opts)
  return opts, ticks, labels
end

-- Whether tick labels centred at their ticks keep a gap between them.
local function labels_apart(list, s, ticks, labels, theme)
  local style = {size = theme.sizes.tick, font = theme.font, features = "tnum"}
  local right = -math.huge
  for i, t in ipairs(ticks) do
    local w = list:measure(labels[i], style)
    local p = s:map(t)
    if p - w / 2 < right + theme.gap * 2 then return false end
    right = p + w / 2
  end
  return true
end

-- The x scale over the plot's horizontal extent [left, right].
local function x_scale(self, left, right, count)
  local x, o = self.data.x, self.options
  if x.kind == "time" then
    local period = o.x_ticks and o.x_ticks ~= "auto" and o.x_ticks or x.period or "auto"
    return scale.time{domain = {x.low, x.high}, range = {left, right}, count = count, lang = o.lang,
                      period = period, fiscal = o.fiscal or nil}
  elseif x.kind == "log" then
    return scale.log{domain = {x.low, x.high}, range = {left, right}, count = count}
  end
  return scale.linear{domain = {x.low, x.high}, range = {left, right}, count = count,
                      nice = self.kind == "scatter"}
end

local function y_scale(self, lo, hi, bottom, top)
  if self.y_log then
    return scale.log{domain = {lo, hi}, range = {bottom, top},
                     count = scale.tick_count(bottom - top, self.theme.sizes.tick * 2.2)}
  end
  local zero = self.kind == "area" or self.options.zero == true
  return scale.linear{domain = {lo, hi}, range = {bottom, top}, zero = zero,
                      count = scale.tick_count(bottom - top, self.theme.sizes.tick * 3.5)}
end

-- Lays out a plot with a value axis on the left and a continuous x axis
-- below: returns the plot box and both scales. pad insets the scales'
-- ranges from the plot's edges (room for bubbles).
local function continuous_plot(self, list, area, lo, hi, pad)
  local theme = self.theme
  local plot = {x = area.x, y = area.y, width = area.width, height = area.height}
  local ys, xs, x_opts, ticks, labels
  -- left_in: how far the x range starts right of the plot's left edge, so
  -- the first x label stays clear of the value axis' labels
  local left_in, right_over = 0, 0
  local style = {size = theme.sizes.tick, font = theme.font, features = "tnum"}
  for _ = 1, 3 do
    ys = y_scale(self, lo, hi, plot.y + plot.height - pad, plot.y + pad)
    local yopts = value_axis_options(self, "left")
    local thickness, title_h = axis.value_thickness(list, ys, yopts)
    plot.x = area.x + thickness
    -- the top tick label is centred on the plot's top: keep it off the legend
    plot.y = area.y + math.max(title_h, theme.sizes.tick * 0.7)
    plot.width = area.x + area.width - math.max(theme.gap, right_over) - plot.x
    -- the most ticks whose labels keep apart
    local count = scale.tick_count(plot.width, theme.sizes.tick * 6)
    repeat
      xs = x_scale(self, plot.x + pad + left_in, plot.x + plot.width - pad, count)
      x_opts, ticks, labels = x_axis(self, xs, count)
      count = count - 1
    until count < 2 or labels_apart(list, xs, ticks, labels, theme)
    local x_thickness = axis.value_thickness(list, xs, x_opts)
    plot.height = area.y + area.height - x_thickness - plot.y
    -- labels at the ends may reach past the plot: move the range in
    right_over = 0
    if #ticks > 0 then
      local first_w = list:measure(labels[1], style)
      local last_w = list:measure(labels[#labels], style)
      local first_left = xs:map(ticks[1]) - first_w / 2
      if first_left < plot.x then left_in = left_in + (plot.x - first_left) end
      right_over = xs:map(ticks[#ticks]) + last_w / 2 - (plot.x + plot.width) + theme.gap / 2
    end
  end
  ys = y_scale(self, lo, hi, plot.y + plot.height - pad, plot.y + pad)
  return plot, xs, ys, x_opts
end

-- The chart's annotations ("under": bands, before the marks; "over": the
-- rest), placed by its x scale (numbers, dates or categories) and y scale.
local function annotations(self, list, plot, xs, ys, layer)
  if not self.annotations then return end
  local function x_of(v)
    if xs.center then return xs:center(tostring(v)) end
    if type(v) == "string" then v = scale.date_days(v) end
    return type(v) == "number" and xs:map(v) or nil
  end
  annotate.add(list, plot, {x = x_of, y = function(v) return ys:map(v) end}, self.annotations, self.theme,
    layer)
end

local function draw_axes(self, list, plot, xs, ys, x_opts)
  local yopts = value_axis_options(self, "left")
  axis.add(list, plot, ys, yopts)
  axis.add(list, plot, xs, x_opts)
  list:line({plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height}, self.theme.axis)
end

-- ---- composing each kind

-- The last point of each series on the page, {x, y} (nil for a series
-- with no point): where its name stands with legend = "end".
local function last_points(self, xs, ys)
  local points, xv = {}, self.data.x.values
  for k, s in ipairs(self.data.series) do
    for i = self.data.n, 1, -1 do
      local x, v = xv[i], s.values[i]
      if type(x) == "string" then x = scale.date_days(x) end
      if x ~= nil and v ~= nil then
        points[k] = {xs:map(x), ys:map(v)}
        break
      end
    end
  end
  return points
end

local function compose_line(self, list, area)
  local lo, hi = math.huge, -math.huge
  for _, s in ipairs(self.data.series) do
    if s.low then lo, hi = math.min(lo, s.low), math.max(hi, s.high) end
  end
  if self.options.y_domain then
    lo, hi = self.options.y_domain[1], self.options.y_domain[2]
  else
    lo, hi = annotate.extent(self.annotations, lo, hi, self.y_log)
  end
  -- names at the lines' ends: a column at the right of the plot
  local ends_w = ends_mark.chart_width(self, list, area)
  local room = area
  if ends_w > 0 then room = {x = area.x, y = area.y, width = area.width - ends_w - self.theme.gap,
                             height = area.height} end
  local plot, xs, ys, x_opts = continuous_plot(self, list, room, lo, hi, 0)
  draw_axes(self, list, plot, xs, ys, x_opts)
  annotations(self, list, plot, xs, ys, "under")
  local o = self.options
  mark_base.clipped(list, plot, o, function()
    series_mark(list, plot, self.data, {x = xs, value = ys, theme = self.theme, decimate = o.decimate,
      markers = o.markers and self.data.n <= xy.marker_limit, few = self.data.n <= xy.marker_limit})
  end)
  annotations(self, list, plot, xs, ys, "over")
  if ends_w > 0 and not ends_mark.chart_add(self, list, plot, last_points(self, xs, ys), ends_w) then
    self.ends_failed = true
  end
  self.scales = {x = xs, y = ys}
  return plot
end

local function compose_scatter(self, list, area)
  local o, theme, data = self.options, self.theme, self.data
  local groups, order = {}, {}
  if data.groups then
    for i = 1, data.n do
      local g = data.groups[i]
      if g ~= nil and not groups[g] then
        order[#order + 1] = g
        groups[g] = #order
      end
    end
  end
  local max_r = o.max_size or theme.marker_size * 5
  local items = {}
  for k, g in ipairs(order) do
    items[k] = {label = g, color = theme.palette[(k - 1) % #theme.palette + 1], kind = "marker",
                shape = theme.dashes and scatter_mark.shape(k) or "circle"}
  end
  local size_max = 0
  if data.sizes then
    for i = 1, data.n do size_max = math.max(size_max, data.sizes[i] or 0) end
  end
  local place = o.legend -- "top", "bottom", "right" or false
  local colours = place and #items > 1
  local sizes = data.sizes and place and size_max > 0
  local size_opts = {theme = theme, title = o.size_title or o.size, lang = o.lang}
  local room = {x = area.x, y = area.y, width = area.width, height = area.height}
  local size_h, size_w = 0, 0
  if sizes then
    local sizes_list = drawing.new(list.canvas, list.lang)
    size_h, size_w = scatter_mark.size_legend(sizes_list, {x = 0, y = 0, width = area.width},
      size_max, max_r, size_opts)
  end
  if place == "right" and (colours or sizes) then
    -- a column at the right: the groups one a row, the sizes under them
    local column_opts = {direction = "column"}
    local column = sizes and size_w or 0
    if colours then
      column = math.max(column, legend.width(list, area.width * 0.3, items, theme, column_opts))
    end
    local x, y = area.x + area.width - column, area.y
    if colours then
      legend.add(list, {x = x, y = y, width = column}, items, theme, column_opts)
      y = y + legend.height(list, column, items, theme, column_opts) + theme.gap
    end
    if sizes then
      scatter_mark.size_legend(list, {x = x, y = y, width = column}, size_max, max_r, size_opts)
    end
    room.width = area.width - column - theme.gap * 2
  elseif colours or sizes then
    -- above or below the plot: the size legend beside a one-row colour
    -- legend when both fit, else under it
    local colour_h = colours and legend.height(list, area.width, items, theme) or 0
    local colour_w = colours and legend.width(list, area.width, items, theme) or 0
    local beside = colours and sizes and colour_h <= theme.sizes.legend * 1.6 + 0.01
      and colour_w + theme.sizes.legend * 3 + size_w <= area.width
    local block
    if beside then
      block = math.max(colour_h, size_h)
    else
      block = colour_h + size_h + (colours and sizes and theme.gap or 0)
    end
    local top = place == "top" and area.y or area.y + area.height - block
    if beside then
      legend.add(list, {x = area.x, y = top + (block - colour_h) / 2, width = area.width}, items, theme)
      local size_box = {x = area.x + colour_w + theme.sizes.legend * 3, y = top + (block - size_h) / 2,
                        width = area.width}
      scatter_mark.size_legend(list, size_box, size_max, max_r, size_opts)
    else
      local y = top
      if colours then
        legend.add(list, {x = area.x, y = y, width = area.width}, items, theme)
        y = y + colour_h + theme.gap
      end
      if sizes then
        scatter_mark.size_legend(list, {x = area.x, y = y, width = area.width}, size_max, max_r, size_opts)
      end
    end
    if place == "top" then
      room.y = area.y + block + theme.gap
      room.height = area.y + area.height - room.y
    else
      room.height = area.height - block - theme.gap * 2
    end
  end
  local y = data.series[1]
  local low, high = y.low, y.high
  if o.y_domain then
    low, high = o.y_domain[1], o.y_domain[2]
  else
    low, high = annotate.extent(self.annotations, low, high, self.y_log)
  end
  local plot, xs, ys, x_opts = continuous_plot(self, list, room, low, high,
    data.sizes and max_r + 1 or theme.marker_size + 1)
  draw_axes(self, list, plot, xs, ys, x_opts)
  annotations(self, list, plot, xs, ys, "under")
  local result = mark_base.clipped(list, plot, self.options, function()
    return scatter_mark(list, plot, data, {x = xs, value = ys, theme = theme, groups = groups,
      max_size = max_r, size_max = size_max})
  end)
  annotations(self, list, plot, xs, ys, "over")
  self.labels_dropped = result.dropped
  self.scales = {x = xs, y = ys}
  return plot
end

-- Area values: stacked bottoms and tops, or shares when percent.
local function stack(self)
  local data, mode = self.data, self.options.mode
  local lo, hi = 0, 0
  local bottoms, tops = {}, {}
  local running = {}
  for k, s in ipairs(data.series) do
    bottoms[k], tops[k] = {}, {}
    for i = 1, data.n do
      local v = s.values[i]
      if mode == "overlap" then
        if v ~= nil then
          bottoms[k][i], tops[k][i] = 0, v
          lo, hi = math.min(lo, v), math.max(hi, v)
        end
      else
        local base = running[i] or 0
        bottoms[k][i], tops[k][i] = base, base + (v or 0)
        running[i] = base + (v or 0)
        hi = math.max(hi, running[i])
      end
    end
  end
  if mode == "percent" then
    for k = 1, #data.series do
      for i = 1, data.n do
        local total = running[i]
        bottoms[k][i] = total > 0 and bottoms[k][i] / total or 0
        tops[k][i] = total > 0 and tops[k][i] / total or 0
      end
    end
    hi = 1
  end
  if hi == lo then hi = lo + 1 end
  return bottoms, tops, lo, hi
end

-- Categories along x for an area chart: evenly spaced points, the labels
-- thinned (every 2nd, 3rd, ...) until they fit on one line, as chart.line does.
local function category_plot(self, list, area, lo, hi)
  local theme, labels = self.theme, self.data.categories
  local yopts = value_axis_options(self, "left")
  local ys = y_scale(self, lo, hi, area.y + area.height, area.y)
  local thickness, title_h = axis.value_thickness(list, ys, yopts)
  local plot = {x = area.x + thickness, y = area.y + math.max(title_h, theme.sizes.tick * 0.7)}
  plot.width = area.x + area.width - theme.gap - plot.x
  local band = scale.band{domain = labels, range = {plot.x, plot.x + plot.width}, padding = 0, outer = 0}
  local plan, every = nil, 1
  while every <= #labels do
    plan = axis.fit_categories(list, labels, band.step * every - theme.gap,
      {theme = theme, max_height = area.height * 0.3})
    if plan and plan.mode == "plain" then break end
    plan, every = nil, every + 1
  end
  plan = plan or {mode = "plain", size = theme.min_label_size, height = theme.sizes.label * 1.5, overhang = 0}
  plot.height = area.y + area.height - plan.height - theme.gap - plot.y
  ys = y_scale(self, lo, hi, plot.y + plot.height, plot.y)
  axis.add(list, plot, ys, yopts)
  list:line({plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height}, theme.axis)
  axis.add_categories(list, plot, band, labels, plan, {theme = theme, side = "bottom", every = every})
  return plot, band, ys
end

local function compose_area(self, list, area)
  local theme, data = self.theme, self.data
  local bottoms, tops, lo, hi = stack(self)
  if self.options.y_domain then
    lo, hi = self.options.y_domain[1], self.options.y_domain[2]
  else
    lo, hi = annotate.extent(self.annotations, lo, hi)
  end
  local plot, xs, ys, position
  if data.x then
    local x_opts
    plot, xs, ys, x_opts = continuous_plot(self, list, area, lo, hi, 0)
    draw_axes(self, list, plot, xs, ys, x_opts)
    local values = data.x.values
    position = function(i)
      local v = values[i]
      if type(v) == "string" then v = scale.date_days(v) end
      return v ~= nil and xs:map(v) or nil
    end
  else
    plot, xs, ys = category_plot(self, list, area, lo, hi)
    position = function(i) return xs:center(i) end
  end
  annotations(self, list, plot, xs, ys, "under")
  mark_base.clipped(list, plot, self.options, function()
    area_mark(list, plot, data, {x = position, value = ys, theme = theme, mode = self.options.mode,
      bottoms = bottoms, tops = tops})
  end)
  annotations(self, list, plot, xs, ys, "over")
  self.scales = {x = xs, y = ys}
  return plot
end

--- xy.check_positive(values, n, column, fn): every value of a series on
--- a log axis is > 0, else an error naming the row and the column (lines
--- here, and the charts over categories in sumi.chart).
function xy.check_positive(values, n, column, fn)
  for i = 1, n do
    local v = values[i]
    if v ~= nil and v <= 0 then
      errors.raise("%s: row %d of '%s' is %s: a log axis (y_log = true) needs values > 0", fn, i,
        tostring(column), tostring(v))
    end
  end
end

--- xy.compose(self, list, area) -> the plot box: lays out the chart's axes
--- and marks inside area (what the frame left). The scales used are in
--- self.scales ({x, y}).
function xy.compose(self, list, area)
  if self.kind == "scatter" then return compose_scatter(self, list, area) end
  if self.kind == "area" then return compose_area(self, list, area) end
  return compose_line(self, list, area)
end

--- xy.check_categorical(self, fn): the x axis options of a
--- continuous chart are errors on categories, rather than ignored.
function xy.check_categorical(self, fn)
  local o = self.options
  for _, key in ipairs({"x_title", "x_format", "x_unit", "x_units", "decimate", "x_ticks", "fiscal"}) do
    if o[key] ~= nil and o[key] ~= xy.line_options[key].default then
      errors.raise("%s: option '%s' is for a numeric or date x only ('%s' holds categories)", fn, key,
        tostring(o.x))
    end
  end
end

--- xy.check(self, fn): the options of a continuous chart that its spec
--- does not check.
function xy.check(self, fn)
  local o = self.options
  self.y_log = o.y_log == true
  if o.x_ticks and o.x_ticks ~= "auto" and self.x_kind and self.x_kind ~= "time" then
    errors.raise("%s: option 'x_ticks' is for a date x only ('%s' holds numbers)", fn, tostring(o.x))
  end
  if o.fiscal then
    options.check(fn, o.fiscal, fiscal_spec, "fiscal")
    if o.x_ticks ~= "fiscal_year" and o.x_ticks ~= "fiscal_quarter" then
      options.fail(fn, "fiscal", 'given with x_ticks = "fiscal_year" or "fiscal_quarter" (it says when their '
        .. "years start)", o.fiscal)
    end
  end
  if self.kind ~= "scatter" and o.value_labels then
    options.fail(fn, "value_labels", "false on a chart on a continuous x (" .. (self.kind == "line"
      and "use x_scale = \"category\" for labels" or "value labels would cover the areas") .. ")",
        o.value_labels)
  end
  if o.x_format then axis.formatter(o.x_format, fn, "x_format") end
end

return xy
