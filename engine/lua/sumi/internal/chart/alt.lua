-- A chart's alternative text (chart:alt_text), for tagged PDFs (PDF/UA-1):
-- the chart's `alt` option, or its title and one sentence made from its
-- data, in its language, with the sentences of sumi.locale (the alt_
-- fields):
--
--   最大は中国の1,509件、最小は日本の12件。
--   Rises from 120 in 2019 to 1,509 in 2024; largest: ...; smallest: ...
--
-- The sentence names the largest and the smallest value of the first
-- series (a part-of-whole chart: the largest and smallest share), with
-- their labels and the values written as the chart writes them (its value
-- label or value axis format, its unit and scale: 5,800億元); over an
-- ordered x (lines, areas, scatter, bars over years or dates) it says how
-- the values go from the first point to the last. Several series: the
-- first is summarised and the count is said. The data is read once, in
-- Lua: charts are small (a long line's views are read in place).
local axis = require "sumi.axis"
local calendar = require "sumi.internal.calendar"
local format = require "sumi.format"
local locale = require "sumi.locale"
local numeric = require "sumi.numeric"
local template = require "sumi.template"

local alt = {}

--- alt.option: the spec entry of the `alt` option every chart takes.
alt.option = {default = false, type = "string", check = function(v)
  if v == "" then
    return "a text that describes the chart (an empty alt text says nothing to a screen reader; "
      .. "mark a decorative image as decorative instead)"
  end
end}

local function is_number(v) return type(v) == "number" and v == v end

-- A function's result as text, or nil when it fails or gives no text: a
-- script's format must not break an alternative text.
local function call_text(fn, ...)
  local ok, text = pcall(fn, ...)
  if not ok then return nil end
  if type(text) == "number" then text = tostring(text) end
  if type(text) ~= "string" or text == "" then return nil end
  return text
end

-- ---- numbers and labels as the chart writes them

-- x with at least three significant digits and every digit before the
-- point (1,509, 12.3, 0.186), trailing zeros dropped.
local function number_text(x)
  if x == math.floor(x) then return format.number(x) end
  local magnitude = math.floor(math.log(math.abs(x), 10))
  local text = format.number(x, {decimals = math.max(0, math.min(6, 2 - magnitude))})
  if text:find(".", 1, true) then text = text:gsub("0+$", ""):gsub("%.$", "") end
  return text
end

-- A number's text with its scale (億, bn) and unit, spaced as the language
-- spaces them: 5,800億元, 7,000억 원, 700bn yuan, 1,509 models, 1,509件.
local function with_unit(text, scale_name, unit, words)
  unit = unit or ""
  if scale_name ~= "" then
    return text .. scale_name .. (unit ~= "" and words.unit_space or "") .. unit
  end
  if unit == "" then return text end
  return text .. (words.unit_space ~= "" and unit:find("^%a") and " " or "") .. unit
end

local function percent_text(share)
  return (format.percent(share, {decimals = 1}):gsub("%.0%%$", "%%"))
end

-- The scale of the value axis (the divisor the units option or the
-- largest value picks), as axis.value_labels picks it.
local function value_scale(o, high)
  if o.y_units == "auto" then return axis.units(high, o.lang) end
  if o.y_units then
    for _, u in ipairs(locale.get(o.lang).units) do
      if u[1] == o.y_units then return u[1], u[2] end
    end
  end
  return "", 1
end

--- alt.value_formatter(chart, high) -> function(value, row) -> text: how
--- the chart writes a value of its first series: its value labels' format,
--- else its value axis' format, else the number in the axis' scale (picked
--- from high, the largest magnitude written; a value below that scale in
--- its own: 7,000億元 and 300万元, not 0.03億元) with the unit.
function alt.value_formatter(self, high)
  local o = self.options
  local words = locale.get(o.lang)
  local unit = o.unit or ""
  local name, divisor = value_scale(o, high)
  local function plain(v)
    local n, d = name, divisor
    if math.abs(v) < d then n, d = axis.units(v, o.lang) end
    return with_unit(number_text(v / d), n, unit, words)
  end
  local labels, fmt, pct = o.value_labels, nil, false
  if type(labels) == "function" and self.data.row then
    local row = self.data.row
    return function(v, i) return call_text(labels, v, row(i)) or plain(v) end
  elseif type(labels) == "string" and template.formats[labels] then
    fmt, pct = template.formats[labels], labels:find("^pct") ~= nil
  elseif o.y_format == "pct" then
    fmt, pct = percent_text, true
  elseif type(o.y_format) == "function" then
    fmt = o.y_format
  elseif type(o.y_format) == "string" and template.formats[o.y_format] then
    fmt, pct = template.formats[o.y_format], o.y_format:find("^pct") ~= nil
  end
  if not fmt then return plain end
  return function(v)
    local text = call_text(fmt, v)
    if not text then return plain(v) end
    return pct and text or with_unit(text, "", unit, words)
  end
end

-- A date (days since 1970, or "YYYY-MM-DD") at the grain of the chart's
-- dates: a year, a month or a day.
local function date_text(v, grain, lang)
  if type(v) == "string" then
    local y, m, d = v:match("^(%d+)%-(%d+)%-(%d+)")
    if not y then return v end
    v = calendar.days_from_civil(tonumber(y), tonumber(m), tonumber(d))
  end
  local words = locale.get(lang)
  if grain == "year" then
    local y = calendar.civil_from_days(math.floor(v))
    return words.year and words.year:format(y) or tostring(y)
  end
  return format.date(math.floor(v) * 86400, {lang = lang, day = grain == "day"})
end

-- The grain of a time x: "year" when every date is 1 January, "month"
-- when every one is the first of a month, else "day".
local function date_grain(xs, n)
  local grain = "year"
  for i = 1, n do
    local v = xs[i]
    local m, d
    if type(v) == "string" then
      m, d = tonumber(v:sub(6, 7)), tonumber(v:sub(9, 10))
    elseif is_number(v) then
      local _
      _, m, d = calendar.civil_from_days(math.floor(v))
    end
    if d and d ~= 1 then return "day" end
    if m and m ~= 1 then grain = "month" end
  end
  return grain
end

--- alt.label_of(chart) -> function(row) -> the text that names a point:
--- its category, its scatter label (else "x = 1.5", x named by its axis
--- title or column), or its x as the x axis writes it.
function alt.label_of(self)
  local data, o = self.data, self.options
  if self.kind == "scatter" then
    local by_x = alt.label_of({data = {x = data.x, n = data.n}, options = o})
    local name = o.x_title or tostring(o.x)
    return function(i)
      return data.labels and data.labels[i] or name .. " = " .. by_x(i)
    end
  end
  if not data.x then return function(i) return data.categories[i] or "" end end
  local xs, kind = data.x.values, data.x.kind
  local grain = kind == "time" and date_grain(xs, data.n)
  local fmt = o.x_format and axis.formatter(o.x_format)
  local words = locale.get(o.lang)
  local years = data.x.whole and data.x.low and data.x.low >= 1000 and data.x.high <= 2999
  return function(i)
    local v = xs[i]
    if v == nil then return "" end
    if kind == "time" and type(v) == "string" then
      local y, m, d = v:match("^(%d+)%-(%d+)%-(%d+)")
      if y and fmt then v = calendar.days_from_civil(tonumber(y), tonumber(m), tonumber(d)) end
    end
    local text = fmt and call_text(fmt, v)
    if text then return with_unit(text, "", o.x_unit, words) end
    if kind == "time" and data.x.period == "quarter" then
      -- a quarter by its name, not its first month: 2025年第1四半期, 2025 Q1
      local y, m
      if type(v) == "number" then
        y, m = calendar.civil_from_days(math.floor(v))
      else
        local what, year, a = calendar.parse(v)
        if not what then return tostring(v) end
        y, m = year, what == "quarter" and (a - 1) * 3 + 1 or a
      end
      return words.year_quarter:format(y, words.quarter_names[(m - 1) // 3 + 1])
    end
    if kind == "time" then return date_text(v, grain, o.lang) end
    if years then return tostring(math.tointeger(v) or v) end
    return with_unit(number_text(v), "", o.x_unit, words)
  end
end

-- ---- what the sentence speaks of

-- Whether categories read in time order: years or dates ("2024",
-- "FY2024", "2024年3月", "2024-03"), each after the one before.
local function dated(categories, n)
  if n < 2 then return false end
  local previous
  for i = 1, n do
    local c = tostring(categories[i] or ""):gsub("^[FC]Y", "")
    if not c:find("^[12]%d%d%d%f[%D]") then return false end
    local key = {}
    for digits in c:gmatch("%d+") do key[#key + 1] = tonumber(digits) end
    if previous then
      local after = nil
      for k = 1, math.max(#key, #previous) do
        local a, b = key[k] or -1, previous[k] or -1
        if a ~= b then
          after = a > b
          break
        end
      end
      if not after then return false end
    end
    previous = key
  end
  return true
end

-- Whether the chart's x is ordered: a line or area, any chart on a
-- continuous x, bars over years or dates.
local function ordered(self)
  if self.continuous or self.kind == "line" or self.kind == "area" then return true end
  return (self.kind == "bar" or self.kind == "combo") and dated(self.data.categories, self.data.n)
end

--- alt.scan(chart) -> what the sentence needs of the chart's first series:
--- {count, max, max_i, min, min_i, first_i, last_i, high (the largest
--- magnitude), shares (true: the values are shares of a whole)}; first and
--- last are by x on a continuous x, by row otherwise, nil when the x is
--- not ordered.
function alt.scan(self)
  local data = self.data
  local s = data.series[1]
  local r = {count = 0, high = 0}
  if not s then return r end
  local values, n = s.values, data.n or 0
  local share_of
  if self.kind == "pie" then
    local total = self.total
    share_of = function(v) return v / total end
    r.shares = true
  elseif self.kind == "area" and self.options.mode == "percent" then
    share_of = function(v, i)
      local total = 0
      for _, other in ipairs(data.series) do total = total + (other.values[i] or 0) end
      return total > 0 and v / total or nil
    end
  end
  local xs = self.continuous and data.x and data.x.values
  local in_order = ordered(self)
  r.value_of = function(i)
    local v = values[i]
    if share_of then v = share_of(v, i) end
    return v
  end
  -- A long series read in place from its dataset: the extremes found in C
  -- (a million points: 2 ms, not half a second of Lua) when no row is null.
  if not share_of and type(values) == "userdata" then
    local low, high, count = numeric.extremes(values)
    local x_low, x_high, x_count = nil, nil, count
    if xs then x_low, x_high, x_count = numeric.extremes(xs) end
    if count == n and x_count == n and low then
      r.count, r.min_i, r.max_i = n, low, high
      r.min, r.max = values[low], values[high]
      r.high = math.max(math.abs(r.min), math.abs(r.max))
      if in_order then r.first_i, r.last_i = xs and x_low or 1, xs and x_high or n end
      return r
    end
  end
  local first_x, last_x
  for i = 1, n do
    local v = values[i]
    if is_number(v) and share_of then v = share_of(v, i) end
    local x = xs and xs[i]
    if is_number(v) and (not xs or x ~= nil) then
      r.count = r.count + 1
      if r.max == nil or v > r.max then r.max, r.max_i = v, i end
      if r.min == nil or v < r.min then r.min, r.min_i = v, i end
      r.high = math.max(r.high, math.abs(v))
      if in_order and xs then
        if first_x == nil or x < first_x then first_x, r.first_i = x, i end
        if last_x == nil or x > last_x then last_x, r.last_i = x, i end
      elseif in_order then
        r.first_i = r.first_i or i
        r.last_i = i
      end
    end
  end
  return r
end

-- ---- the sentence

local function fill(words, key, values)
  return template.fill(words[key], values)
end

--- alt.body(words, r, text, label) -> the sentence (without its full
--- stop) for the scan r, text(value, row) and label(row) writing values
--- and labels.
function alt.body(words, r, text, label)
  if r.count == 0 then return fill(words, "alt_empty", {}) end
  local max, min = text(r.max, r.max_i), text(r.min, r.min_i)
  if r.count == 1 then return fill(words, "alt_one", {label = label(r.max_i), value = max}) end
  if max == min then return fill(words, "alt_equal", {value = max}) end
  local values = {max = max, max_label = label(r.max_i), min = min, min_label = label(r.min_i)}
  if r.shares then return fill(words, "alt_shares", values) end
  if r.first_i and r.last_i and r.first_i ~= r.last_i then
    local first_v, last_v = r.value_of(r.first_i), r.value_of(r.last_i)
    local first, last = text(first_v, r.first_i), text(last_v, r.last_i)
    values.first, values.first_label = first, label(r.first_i)
    values.last, values.last_label = last, label(r.last_i)
    if first == last then return fill(words, "alt_flat", values) end
    if last_v > first_v then
      return fill(words, first == min and last == max and "alt_rise_ends" or "alt_rise", values)
    end
    return fill(words, first == max and last == min and "alt_fall_ends" or "alt_fall", values)
  end
  return fill(words, "alt_extremes", values)
end

-- The text of a share of a pie: its value labels' percent format, or pct1.
local function share_formatter(self)
  local labels = self.options.value_labels
  local fmt = type(labels) == "string" and labels:find("^pct") and template.formats[labels]
  return function(share) return fmt and call_text(fmt, share) or percent_text(share) end
end

local function formatter(self, r)
  if r.shares then return share_formatter(self) end
  return alt.value_formatter(self, r.high)
end

-- Wraps a body in alt_series when the chart has several series.
local function with_series(self, words, body)
  local series = self.data.series
  if #series < 2 then return body end
  return fill(words, "alt_series", {body = body, series = tostring(series[1].name),
    count = tostring(#series)})
end

local function figure_body(self, words)
  if self.kind == "kpi" then
    local t = self.text
    local change = t.change
    local change_label = t.change_label == true and words.kpi_change or t.change_label
    if change and change_label then
      change = fill(words, "kpi_change_line", {change = change, label = change_label})
    end
    local value = t.value .. (change and words.open .. change .. words.close or "")
    if not t.label then return value end
    -- Under a title the label notes the value ("1,509個（世界の40.2%）");
    -- alone it names what the value counts.
    return fill(words, self.options.title and "alt_kpi_noted" or "alt_kpi", {label = t.label, value = value})
  end
  return fill(words, "alt_part", {part = number_text(self.part), whole = number_text(self.whole),
    share = percent_text(self.share)})
end

-- A facet: the largest and smallest of the panels' first series, each
-- named by its panel and label, and the panel count.
local function facet_body(self, words)
  local best = {count = 0, high = 0}
  local scans = {}
  for k, panel in ipairs(self.panels) do
    local r = alt.scan(panel)
    scans[k] = r
    best.high = math.max(best.high, r.high)
    best.shares = best.shares or r.shares
    if r.count > 0 then
      best.count = best.count + r.count
      if best.max == nil or r.max > best.max then best.max, best.max_at = r.max, {k, r.max_i} end
      if best.min == nil or r.min < best.min then best.min, best.min_at = r.min, {k, r.min_i} end
    end
  end
  local texts, labels = {}, {}
  for k, panel in ipairs(self.panels) do
    local f, l = formatter(panel, {shares = scans[k].shares, high = best.high}), alt.label_of(panel)
    texts[k] = f
    labels[k] = function(i)
      return fill(words, "alt_panel_label", {panel = tostring(panel.options.title or ""), label = l(i)})
    end
  end
  -- rows of the whole are {panel, row} pairs
  best.max_i, best.min_i = best.max_at, best.min_at
  local body = alt.body(words, best, function(v, at) return texts[at[1]](v, at[2]) end,
    function(at) return labels[at[1]](at[2]) end)
  local first = self.panels[1]
  if first and #first.data.series > 1 then body = with_series(first, words, body) end
  return fill(words, "alt_panels", {body = body, count = tostring(#self.panels)})
end

-- A second sentence naming the chart's target (its `target` option), as
-- the chart writes values: "目標は1,200億円。", " Target: 1.2bn yuan."; ""
-- for none.
local function target_sentence(self, words)
  local t = self.target
  if not t then return "" end
  local ys = t.kind == "band" and t.y or {t.y}
  local high = math.max(alt.scan(self).high or 0, math.abs(ys[1]), math.abs(ys[#ys]))
  local fmt = alt.value_formatter(self, high)
  local texts = {}
  for i, v in ipairs(ys) do texts[i] = fmt(v) end
  local label = (type(t.label) == "string" or type(t.label) == "number") and tostring(t.label) or words.target
  -- sentences ending in a full-width stop follow each other without a space
  local gap = words.alt_end:find("^[%.!?]") and " " or ""
  return gap .. fill(words, "alt_target", {label = label, value = table.concat(texts, "–")}) .. words.alt_end
end

--- alt.sentence(chart) -> the sentence that summarises the chart's data,
--- in its language, with its full stop, and one naming its target.
function alt.sentence(self)
  local words = locale.get(self.options.lang)
  local body
  if self.kind == "kpis" then
    -- a row of tiles: each tile's text, one after the other
    local gap = words.alt_end:find("^[%.!?]") and " " or ""
    local texts = {}
    for i, tile in ipairs(self.tiles) do
      -- in the row's language, unless the tile names its own
      local saved = tile.options.lang
      if not tile.lang_given then tile.options.lang = self.options.lang end
      local ok, text = pcall(alt.text, tile)
      tile.options.lang = saved
      if not ok then error(text, 0) end
      texts[i] = text
    end
    return table.concat(texts, gap)
  end
  if self.kind == "kpi" or self.kind == "part" then
    body = figure_body(self, words)
  elseif self.kind == "facet" then
    body = facet_body(self, words)
  else
    local r = alt.scan(self)
    body = with_series(self, words, alt.body(words, r, formatter(self, r), alt.label_of(self)))
  end
  return body .. words.alt_end .. target_sentence(self, words)
end

--- alt.text(chart) -> the chart's alternative text: its alt option, else
--- its title, subtitle and sentence, joined by spaces.
function alt.text(self)
  local o = self.options
  if o.alt then return o.alt end
  local parts = {}
  for _, key in ipairs({"title", "subtitle"}) do
    if o[key] then parts[#parts + 1] = tostring(o[key]) end
  end
  parts[#parts + 1] = alt.sentence(self)
  return table.concat(parts, " ")
end

return alt
