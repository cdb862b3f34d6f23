-- Scales: functions from data values to positions on the page (or to
-- colours), with the ticks an axis draws.
--
--   local s = scale.linear{domain = {0, 3755}, range = {300, 0}}
--   s:map(1509)      --> a y position
--   s:ticks()        --> {0, 1000, 2000, 3000, 4000} (the domain made nice)
--
-- linear, log, band (categories), ordinal (categories to colours) and
-- color (numbers to colours: a heat scale).
local calendar = require "sumi.internal.calendar"
local date = require "sumi.date"
local color = require "sumi.internal.color"
local errors = require "sumi.internal.errors"
local options = require "sumi.internal.options"
local locale = require "sumi.locale"

local scale = {}

--- scale.limit: the largest magnitude a linear axis takes (1e300). Past it
--- the span of a domain (1e308 - -1e308) or its widening to whole ticks
--- overflows to inf, and a tick step of inf or nan has no position: the
--- chart is refused with an error rather than drawn wrong.
scale.limit = 1e300

-- The arguments of the functions and methods below, checked at the
-- script's line: a scale handed nil or a string would otherwise fail deep
-- inside the arithmetic, at a line of this file.
local function finite(v) return type(v) == "number" and v == v and v ~= math.huge and v ~= -math.huge end

local function check_finite(fn, name, v)
  if not finite(v) then errors.raise("%s: %s must be a finite number; got %s", fn, name, errors.show(v)) end
  return v
end

-- An optional tick count: nil, or a number >= 1.
local function check_count(fn, count)
  if count ~= nil and not (finite(count) and count >= 1) then
    errors.raise("%s: count must be a number >= 1; got %s", fn, errors.show(count))
  end
  return count
end

-- Rounds away the binary noise of k * step (0.1 * 3 is 0.30000000000000004).
local function clean(v)
  local r = tonumber(("%.12g"):format(v))
  if r == 0 then r = 0.0 end -- no negative zero
  if math.type(v) == "integer" then return v end
  return r
end

--- scale.step(low, high, count) -> a 1-2-5 step giving about `count` ticks
--- between low and high (the rule d3 and matplotlib's MaxNLocator use).
function scale.step(low, high, count)
  check_finite("scale.step", "low", low)
  check_finite("scale.step", "high", high)
  check_finite("scale.step", "count", count)
  local span = high - low
  if span <= 0 then return 1 end
  local raw = span / math.max(1, count)
  local power = 10 ^ math.floor(math.log(raw, 10))
  local e = raw / power
  local factor = e >= 50 ^ 0.5 and 10 or e >= 10 ^ 0.5 and 5 or e >= 2 ^ 0.5 and 2 or 1
  return clean(factor * power)
end

--- scale.tick_count(length [, spacing]) -> how many ticks suit an axis
--- `length` long: one per `spacing` (default 50) units, from 2 to 7 (a nice
--- 1-2-5 step can give half as many again: more gridlines are noise).
function scale.tick_count(length, spacing)
  check_finite("scale.tick_count", "length", length)
  if spacing ~= nil and not (finite(spacing) and spacing > 0) then
    errors.raise("scale.tick_count: spacing must be a number > 0; got %s", errors.show(spacing))
  end
  return math.max(2, math.min(7, math.floor(length / (spacing or 50))))
end

-- ---- linear

local Linear = {}
Linear.__index = Linear

local range = {default = {0, 1}, type = "table"}
local linear_spec = {domain = {default = {0, 1}, type = "table"}, range = range,
                     nice = {default = true, type = "boolean"}, zero = {default = false, type = "boolean"},
                     count = {default = 5, type = "number", min = 1}}

--- scale.linear{domain = {lo, hi}, range = {a, b}, nice = true, zero = false,
--- count = 5} -> scale. `zero` stretches the domain to include 0 (bars);
--- `nice` widens it to whole ticks; `count` is about how many ticks.
function scale.linear(opts)
  local o = options.check("scale.linear", opts, linear_spec)
  local lo, hi = o.domain[1], o.domain[2]
  if type(lo) ~= "number" or type(hi) ~= "number" or lo ~= lo or hi ~= hi then
    options.fail("scale.linear", "domain", "two numbers", o.domain)
  end
  if lo > hi then lo, hi = hi, lo end
  if math.abs(lo) > scale.limit or math.abs(hi) > scale.limit then
    options.fail("scale.linear", "domain", ("within ±%g (values beyond cannot be placed on an axis)")
      :format(scale.limit), math.abs(lo) > scale.limit and lo or hi)
  end
  if o.zero then lo, hi = math.min(lo, 0), math.max(hi, 0) end
  if lo == hi then -- one value: a unit around it
    if lo == 0 then hi = 1 else lo, hi = math.min(lo, 0), math.max(hi, 0) end
  end
  local self = setmetatable({low = lo, high = hi, range = {o.range[1], o.range[2]},
                             count = o.count}, Linear)
  if o.nice then self:nice(o.count) end
  return self
end

--- s:nice([count]): widens the domain to multiples of the tick step.
function Linear:nice(count)
  count = check_count("scale:nice", count) or self.count
  for _ = 1, 2 do -- a second pass settles a step the first widening changed
    local step = scale.step(self.low, self.high, count)
    self.low = clean(math.floor(self.low / step + 1e-9) * step)
    self.high = clean(math.ceil(self.high / step - 1e-9) * step)
  end
  return self
end

--- s:map(value) -> position
function Linear:map(v)
  if type(v) ~= "number" then
    errors.raise("scale:map: the value must be a number; got %s", errors.show(v))
  end
  local t = (v - self.low) / (self.high - self.low)
  return self.range[1] + t * (self.range[2] - self.range[1])
end

--- s:invert(position) -> value
function Linear:invert(p)
  check_finite("scale:invert", "the position", p)
  local t = (p - self.range[1]) / (self.range[2] - self.range[1])
  return self.low + t * (self.high - self.low)
end

--- s:ticks([count]) -> the tick values: multiples of a 1-2-5 step inside
--- the domain; also s.tick_step after the call.
function Linear:ticks(count)
  count = check_count("scale:ticks", count) or self.count
  local step = scale.step(self.low, self.high, count)
  local ticks = {}
  local first, last = math.ceil(self.low / step - 1e-9), math.floor(self.high / step + 1e-9)
  for k = first, last do
    local v = clean(k * step)
    if step >= 1 and v == math.floor(v) and math.abs(v) < 2 ^ 53 then v = math.tointeger(v) end
    ticks[#ticks + 1] = v
  end
  self.tick_step = step
  return ticks
end

--- s:domain() -> low, high
function Linear:domain() return self.low, self.high end

-- ---- log

local Log = {}
Log.__index = Log

-- m * 10^e written exactly (0.01, not 0.010000000000000002), an integer
-- from 1 up to 10^15.
local function decimal(m, e)
  local v = tonumber(("%de%d"):format(m, e))
  if e >= 0 and e < 16 then v = math.tointeger(v) or v end
  return v
end

-- The values m * 10^e (m from mantissas) from lo to hi, in order.
local function log_steps(lo, hi, mantissas)
  local out = {}
  for e = math.floor(math.log(lo, 10)) - 1, math.ceil(math.log(hi, 10)) + 1 do
    for _, m in ipairs(mantissas) do
      local v = decimal(m, e)
      if v >= lo * (1 - 1e-9) and v <= hi * (1 + 1e-9) then out[#out + 1] = v end
    end
  end
  return out
end

-- The nearest 1-2-5 value at or below v (down) or at or above it.
local function step_125(v, down)
  local e = math.floor(math.log(v, 10) + 1e-9)
  local best
  for k = e - 1, e + 1 do
    for _, m in ipairs({1, 2, 5}) do
      local c = decimal(m, k)
      if down and c <= v * (1 + 1e-9) and (best == nil or c > best) then best = c end
      if not down and c >= v * (1 - 1e-9) and (best == nil or c < best) then best = c end
    end
  end
  return best
end

--- scale.log{domain = {lo, hi}, range = {a, b}, nice = true, count = 5} ->
--- scale. The domain must be positive; nice widens it to powers of ten,
--- or, when the data spans less than two of them, to 1-2-5 steps (100 to
--- 2,000 for 120 to 1,509). count: about how many ticks.
function scale.log(opts)
  local o = options.check("scale.log", opts, {domain = {default = {1, 10}, type = "table"}, range = range,
                                                nice = {default = true, type = "boolean"},
                                                count = {default = 5, type = "number", min = 1}})
  local lo, hi = o.domain[1], o.domain[2]
  local function positive(v) return type(v) == "number" and v > 0 and v < math.huge end
  if not positive(lo) or not positive(hi) then
    options.fail("scale.log", "domain", "two finite numbers > 0", o.domain)
  end
  if lo > hi then lo, hi = hi, lo end
  if o.nice then
    if hi / lo >= 100 then
      lo = decimal(1, math.floor(math.log(lo, 10) + 1e-9))
      hi = decimal(1, math.ceil(math.log(hi, 10) - 1e-9))
    else
      lo, hi = step_125(lo, true), step_125(hi, false)
    end
    if lo == hi then hi = lo * 10 end
  elseif lo == hi then
    lo, hi = lo / 10 ^ 0.5, hi * 10 ^ 0.5 -- one value: half a decade either side
  end
  return setmetatable({low = lo, high = hi, range = {o.range[1], o.range[2]}, count = o.count, log = true},
    Log)
end

function Log:map(v)
  if type(v) ~= "number" or v ~= v or v <= 0 then
    errors.raise("scale:map: the value must be a number > 0 on a log scale; got %s", errors.show(v))
  end
  local t = (math.log(v, 10) - math.log(self.low, 10)) / (math.log(self.high, 10) - math.log(self.low, 10))
  return self.range[1] + t * (self.range[2] - self.range[1])
end

function Log:invert(p)
  check_finite("scale:invert", "the position", p)
  local t = (p - self.range[1]) / (self.range[2] - self.range[1])
  local a, b = math.log(self.low, 10), math.log(self.high, 10)
  return 10 ^ (a + t * (b - a))
end

--- s:ticks([count]) -> the powers of ten inside the domain (every second,
--- fifth, ... when there are far more than count), or, when fewer than
--- three powers of ten fall inside, the 1-2-5 steps (100, 200, 500, 1000).
function Log:ticks(count)
  count = check_count("scale:ticks", count) or self.count or 5
  local powers = log_steps(self.low, self.high, {1})
  if #powers >= 3 then
    local every = 1
    while (#powers - 1) // every + 1 > count + 2 do every = every + 1 end
    if every == 1 then return powers end
    local kept = {}
    for i = 1, #powers, every do kept[#kept + 1] = powers[i] end
    return kept
  end
  local steps = log_steps(self.low, self.high, {1, 2, 5})
  if #steps > count * 2 then steps = log_steps(self.low, self.high, {1, 3}) end
  return steps
end

function Log:domain() return self.low, self.high end

-- ---- band

local Band = {}
Band.__index = Band

--- scale.band{domain = {"a", "b", ...}, range = {a, b}, padding = 0.2,
--- outer = padding / 2} -> scale. Each category gets a band of the range;
--- `padding` is the share of each step left empty between bands, `outer`
--- the share of a step left before the first band and after the last.
function scale.band(opts)
  local o = options.check("scale.band", opts, {domain = {default = {}, type = "table"}, range = range,
    padding = {default = 0.2, type = "number"}, outer = {default = false, type = "number"}})
  local n = #o.domain
  local outer = o.outer or o.padding / 2
  local a, b = o.range[1], o.range[2]
  local step = n > 0 and (b - a) / (n + 2 * outer - o.padding) or 0
  local self = setmetatable({categories = o.domain, range = {a, b}, padding = o.padding,
                             outer = outer, step = step, index = {}}, Band)
  for i, c in ipairs(o.domain) do
    if self.index[c] == nil then self.index[c] = i end
  end
  return self
end

--- s:map(category) -> the start of its band (nil for an unknown category).
function Band:map(c)
  local i = type(c) == "number" and math.type(c) == "integer" and self.index[c] == nil and c or self.index[c]
  if i == nil then return nil end
  return self.range[1] + self.step * (self.outer + (i - 1))
end

--- s:bandwidth() -> the width of one band.
function Band:bandwidth() return self.step * (1 - self.padding) end

--- s:center(category) -> the middle of its band.
function Band:center(c)
  local start = self:map(c)
  return start and start + self:bandwidth() / 2
end

function Band:ticks() return self.categories end

-- ---- ordinal colours

local Ordinal = {}
Ordinal.__index = Ordinal

--- scale.ordinal{domain = {"a", ...}, palette = {"#..", ...}} -> scale whose
--- map(category) gives a colour; categories past the palette's end cycle.
function scale.ordinal(opts)
  local o = options.check("scale.ordinal", opts, {domain = {default = {}, type = "table"},
                                                    palette = {default = {"black"}, type = "table"}})
  local index, order = {}, {}
  for _, c in ipairs(o.domain) do
    if index[c] == nil then
      order[#order + 1] = c
      index[c] = #order
    end
  end
  return setmetatable({domain = order, index = index, palette = o.palette}, Ordinal)
end

--- s:map(category) -> its colour; a category not seen before takes the
--- next colour of the palette (past its end they cycle).
function Ordinal:map(c)
  if c == nil or c ~= c then
    errors.raise("scale:map: the category must be a value; got %s", errors.show(c))
  end
  local i = self.index[c]
  if i == nil then
    self.domain[#self.domain + 1] = c
    i = #self.domain
    self.index[c] = i
  end
  return self.palette[(i - 1) % #self.palette + 1]
end

-- ---- color: numbers to colours

local Color = {}
Color.__index = Color

--- scale.color{domain = {lo, [mid, ...] hi}, range = {colour, ...}} ->
--- scale whose map(value) gives the colour mixed between the range's
--- colours (one per domain value), clamped at the ends: a heat scale, two
--- colours for a sequential one, three around a midpoint for a diverging
--- one (d3's scaleLinear with colours; ReportLab's
--- linearlyInterpolatedColor).
function scale.color(opts)
  local fn = "scale.color"
  local o = options.check(fn, opts, {domain = {default = {0, 1}, type = "table"},
                                     range = {default = {"#ffffff", "#1f5fbf"}, type = "table"}})
  local domain, stops = o.domain, {}
  if #domain < 2 then options.fail(fn, "domain", "a list of two or more numbers, increasing", domain) end
  for i, v in ipairs(domain) do
    if type(v) ~= "number" or v ~= v or math.abs(v) == math.huge then
      options.fail(fn, ("domain[%d]"):format(i), "a finite number", v)
    end
    if i > 1 and v <= domain[i - 1] then
      options.fail(fn, ("domain[%d]"):format(i), ("a number above domain[%d] (%s): the domain increases")
        :format(i - 1, tostring(domain[i - 1])), v)
    end
  end
  if #o.range ~= #domain then
    options.fail(fn, "range", ("a list of %d colours, one for each value of 'domain'"):format(#domain),
      o.range)
  end
  for i, c in ipairs(o.range) do
    local r, g, b, a = color.parse(c)
    if not r then
      options.fail(fn, ("range[%d]"):format(i), 'a colour ("#rrggbb", "#rrggbbaa" or a name)', c)
    end
    stops[i] = {domain[i], r, g, b, a}
  end
  return setmetatable({domain = {table.unpack(domain)}, range = {table.unpack(o.range)}, stops = stops},
    Color)
end

--- s:map(value) -> "#rrggbb" ("#rrggbbaa" when a colour mixed is not
--- opaque): the colour at value, the end colours past the domain's ends;
--- nil for nil or NaN (a missing value has no colour).
function Color:map(v)
  if v == nil or v ~= v then return nil end
  if type(v) ~= "number" then
    errors.raise("scale:map: the value must be a number; got %s", errors.show(v))
  end
  local stops = self.stops
  if v <= stops[1][1] then return color.hex(table.unpack(stops[1], 2)) end
  for i = 2, #stops do
    local a, b = stops[i - 1], stops[i]
    if v <= b[1] then
      local t = (v - a[1]) / (b[1] - a[1])
      return color.hex(a[2] + (b[2] - a[2]) * t, a[3] + (b[3] - a[3]) * t, a[4] + (b[4] - a[4]) * t,
        a[5] + (b[5] - a[5]) * t)
    end
  end
  return color.hex(table.unpack(stops[#stops], 2))
end

-- ---- time


--- scale.date_days(value) -> days since 1970-01-01, or nil and a reason:
--- value is a day count (a number), or a string "YYYY-MM-DD", "YYYY-MM"
--- (the month's first day), "YYYYQn" or "YYYY-Qn" (the quarter's first
--- day) or "YYYY" (1 January). A month or a quarter sits at its first day,
--- where the time axis puts its tick and label ("3月" under March's point,
--- as under a date column's "2025-03-01"); in the middle of the month it
--- would stand between two labels and belong to neither.
function scale.date_days(value)
  if type(value) == "number" then
    if value ~= value or value == math.huge or value == -math.huge then return nil, "not a finite number" end
    return value
  end
  if type(value) ~= "string" then return nil, "not a date" end
  local kind, y, a, d = calendar.parse(value)
  if kind == "date" then return calendar.days_from_civil(y, a, d) end
  if kind == "month" then return calendar.days_from_civil(y, a, 1) end
  if kind == "quarter" then return calendar.days_from_civil(y, (a - 1) * 3 + 1, 1) end
  if y then return nil, "no such " .. y end
  local year = tonumber(value:match("^(%d%d%d%d)$"))
  if year and year >= calendar.first_year then return calendar.days_from_civil(year, 1, 1) end
  if year then return nil, "no such date" end
  return nil, "not a date (\"YYYY-MM-DD\", \"YYYY-MM\", \"YYYYQn\" or \"YYYY\" expected)"
end

-- Calendar steps from a day to a century, and about how many days each is:
-- the first whose ticks fit in the count is the one an axis shows. The
-- fourth field says how the ticks are labelled; `fiscal` steps count from
-- the fiscal year's first month.
local years = {{"year", 1, 365.25}, {"year", 2, 730.5}, {"year", 5, 1826}, {"year", 10, 3652},
  {"year", 20, 7305}, {"year", 50, 18262}, {"year", 100, 36525}, {"year", 200, 73050},
  {"year", 500, 182625}, {"year", 1000, 365250}}

local function steps(first, rest, label, fiscal)
  local list = {}
  for _, iv in ipairs(first) do list[#list + 1] = {iv[1], iv[2], iv[3], iv[4] or label, fiscal = fiscal} end
  for _, iv in ipairs(rest or {}) do
    list[#list + 1] = {iv[1], iv[2], iv[3], fiscal and "fiscal_year" or "year", fiscal = fiscal}
  end
  return list
end

local month_steps = {{"month", 1, 30.44}, {"month", 2, 60.9}, {"month", 3, 91.3}, {"month", 6, 182.6}}
local quarter_steps = {{"month", 3, 91.3}, {"month", 6, 182.6}}

-- The steps of each period a time axis may be labelled in.
local period_steps = {
  auto = steps({{"day", 1, 1, "day"}, {"day", 2, 2, "day"}, {"week", 1, 7, "day"}, {"week", 2, 14, "day"},
    {"month", 1, 30.44, "month"}, {"month", 2, 60.9, "month"}, {"month", 3, 91.3, "month"},
    {"month", 6, 182.6, "month"}}, years),
  month = steps(month_steps, years, "month"),
  quarter = steps(quarter_steps, years, "quarter"),
  year = steps({}, years),
  fiscal_quarter = steps(quarter_steps, years, "fiscal_quarter", true),
  fiscal_year = steps({}, years, nil, true),
}

--- scale.periods: what the ticks of a time axis may be labelled as:
--- "auto" (days, months or years, as the span needs), "month", "quarter",
--- "year", "fiscal_quarter", "fiscal_year".
scale.periods = {"auto", "month", "quarter", "year", "fiscal_quarter", "fiscal_year"}

-- The tick days of one interval from lo to hi: calendar boundaries (the
-- 1st of a month, 1 January, a Monday), never arbitrary day counts.
-- Months and years count from `anchor` months after January (a fiscal
-- year's first month - 1); a year k years apart starts where its name
-- (its calendar year, plus `shift` when fiscal years are named by the
-- year they end in) is a multiple of k.
local function calendar_ticks(unit, k, lo, hi, anchor, shift)
  local ticks = {}
  local first, last = math.ceil(lo - 1e-9), math.floor(hi + 1e-9)
  if unit == "day" or unit == "week" then
    local step = unit == "day" and k or 7 * k
    -- 1970-01-05 (day 4) was a Monday: weeks count from there
    local origin = unit == "week" and 4 or 0
    local d = origin + math.ceil((first - origin) / step) * step
    while d <= last do
      ticks[#ticks + 1] = math.tointeger(d)
      d = d + step
    end
    return ticks
  end
  anchor, shift = anchor or 0, shift or 0
  local y, m = calendar.civil_from_days(first)
  local index, step = y * 12 + m - 1, k -- months since year 0
  if unit == "year" then
    step = 12 * k
    index = index - (index - anchor) % 12 -- the latest year start at or before the first day
    index = index - ((index // 12 + shift) % k) * 12
  else
    index = index - (index - anchor) % k
  end
  while true do
    local d = calendar.days_from_civil(index // 12, index % 12 + 1, 1)
    if d > last then break end
    if d >= first then ticks[#ticks + 1] = d end
    index = index + step
  end
  return ticks
end

local Time = {}
Time.__index = Time

local month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

local fiscal_spec = calendar.fiscal_spec

-- The `fiscal` option of scale.time, checked: {start_month, named_by},
-- the start month the language's when not given (April in Japanese).
local function fiscal_options(given, lang)
  local o = options.check("scale.time", given or nil, fiscal_spec, "fiscal")
  o.start_month = o.start_month or locale.get(lang).fiscal_start or 1
  return o
end

-- The month the ticks of an interval count from, and the shift of the
-- years' names: fiscal ones from the fiscal year's start.
local function anchor_of(self, iv)
  if not iv.fiscal then return 0, 0 end
  local start = self.fiscal.start_month
  return start - 1, (self.fiscal.named_by == "end" and start ~= 1) and 1 or 0
end

--- scale.time{domain = {first, last}, range = {a, b}, count = 5, lang = "ja",
--- nice = false, period = "auto", fiscal = {start_month, named_by}} ->
--- scale. The domain holds dates (strings "YYYY-MM-DD", "YYYY-MM",
--- "YYYYQn", "YYYY", or days since 1970); positions are linear in days.
--- `nice` widens the domain to whole tick intervals; `period` says what
--- the ticks are (scale.periods): quarters (2025年Q1), fiscal quarters
--- (2025年度Q1) or fiscal years (2025年度), whose start month and naming
--- `fiscal` gives (as sumi.date's fiscal functions take them).
function scale.time(opts)
  local o = options.check("scale.time", opts, {domain = {default = {0, 1}, type = "table"}, range = range,
    count = {default = 5, type = "number", min = 1}, lang = locale.option("ja"),
    nice = {default = false, type = "boolean"}, period = {default = "auto", one_of = scale.periods},
    fiscal = {default = false, type = "table"}})
  local fiscal = fiscal_options(o.fiscal, o.lang)
  local ends = {}
  for i = 1, 2 do
    local d, why = scale.date_days(o.domain[i])
    if not d then
      options.fail("scale.time", "domain", ("dates (value %d: %s)"):format(i, why), o.domain[i])
    end
    ends[i] = d
  end
  local lo, hi = math.min(ends[1], ends[2]), math.max(ends[1], ends[2])
  if lo == hi then lo, hi = lo - 1, hi + 1 end -- one day: a day either side
  local self = setmetatable({low = lo, high = hi, range = {o.range[1], o.range[2]}, count = o.count,
                             lang = o.lang, period = o.period, fiscal = fiscal}, Time)
  if o.nice then
    local ticks = self:ticks()
    local iv = self.interval
    local anchor, shift = anchor_of(self, iv)
    local before = calendar_ticks(iv[1], iv[2], lo - iv[3] * 1.5, lo, anchor, shift)
    local after = calendar_ticks(iv[1], iv[2], hi, hi + iv[3] * 1.5, anchor, shift)
    self.low = before[#before] or ticks[1] or lo
    self.high = after[1] or ticks[#ticks] or hi
  end
  return self
end

--- s:map(date) -> position: a date, month, quarter or year as scale.time's
--- domain takes them, or a day count.
function Time:map(v)
  local d, why = scale.date_days(v)
  if not d then
    errors.raise("scale:map: the value must be a date or a day count (%s); got %s", why, errors.show(v))
  end
  local t = (d - self.low) / (self.high - self.low)
  return self.range[1] + t * (self.range[2] - self.range[1])
end

Time.invert = Linear.invert
Time.domain = Linear.domain

--- s:ticks([count]) -> the tick days (calendar boundaries); the interval
--- chosen is in s.interval: {unit ("day" | "week" | "month" | "year"), k,
--- days, label ("day" | "month" | "quarter" | "year" | "fiscal_quarter" |
--- "fiscal_year": how s:tick_labels writes them)}.
function Time:ticks(count)
  count = check_count("scale:ticks", count) or self.count
  local span = self.high - self.low
  local list = period_steps[self.period or "auto"]
  local chosen = list[#list]
  for _, iv in ipairs(list) do
    if span / iv[3] <= count then
      chosen = iv
      break
    end
  end
  self.interval = chosen
  local anchor, shift = anchor_of(self, chosen)
  local ticks = calendar_ticks(chosen[1], chosen[2], self.low, self.high, anchor, shift)
  if #ticks == 0 and chosen ~= list[1] then
    -- a short domain between two boundaries: its ends are the ticks
    ticks = {self.low, self.high}
  end
  return ticks
end

-- The fiscal year's name and the fiscal quarter (1 to 4) of month m of
-- year y, as sumi.date names them.
local function fiscal_of(self, y, m)
  local months = (m - 1 - (self.fiscal.start_month - 1)) % 12
  local start_year = y - ((m - 1) < self.fiscal.start_month - 1 and 1 or 0)
  local shift = select(2, anchor_of(self, {fiscal = true}))
  return start_year + shift, months // 3 + 1
end

--- s:tick_labels(ticks) -> texts for the ticks of the last s:ticks(), in
--- the scale's language: Japanese and Chinese "2025年", "3月", "3月5日" (the
--- year written on the first tick and where a year begins: "2025年1月");
--- Korean "2025년", "3월", "3월 5일"; English "2025", "Mar", "Mar 5"
--- ("Jan 2025", "Mar 5, 2025"). Quarters "2025年Q1", "Q2" ("2025 Q1");
--- fiscal quarters "2025年度Q1", "Q2" ("FY2025 Q1"); fiscal years
--- "2025年度" ("FY2025"), as sumi.date.fiscal_year_label writes them.
function Time:tick_labels(ticks)
  if type(ticks) ~= "table" then
    errors.raise("scale:tick_labels: ticks must be a list of day counts (from s:ticks()); got %s",
      errors.show(ticks))
  end
  for i, t in ipairs(ticks) do check_finite("scale:tick_labels", ("ticks[%d]"):format(i), t) end
  local label = self.interval and self.interval[4] or "day"
  local w = locale.get(self.lang)
  local en = w.months ~= nil
  local quarters = w.tick_quarters or {"Q1", "Q2", "Q3", "Q4"}
  local labels, last_year = {}, nil
  for i, t in ipairs(ticks) do
    local y, m, d = calendar.civil_from_days(math.floor(t))
    local text
    if label == "fiscal_year" or label == "fiscal_quarter" then
      local name, q = fiscal_of(self, y, m)
      local year_text = date.fiscal_year_label(name, {lang = self.lang})
      if label == "fiscal_year" then
        text = year_text
      else
        local first = i == 1 or name ~= last_year
        text = first and w.fiscal_quarter:format(year_text, quarters[q]) or quarters[q]
      end
      last_year = name
    else
      local new_year = y ~= last_year
      last_year = y
      if label == "year" then
        text = en and tostring(y) or w.year:format(y)
      elseif label == "quarter" then
        local q = (m - 1) // 3 + 1
        text = new_year and w.year_quarter:format(y, quarters[q]) or quarters[q]
      elseif label == "month" then
        if en then
          text = new_year and (month_names[m] .. " " .. y) or month_names[m]
        else
          text = new_year and w.year_month:format(y, m) or w.month:format(m)
        end
      else
        if en then
          text = month_names[m] .. " " .. d .. (new_year and (", " .. y) or "")
        else
          text = new_year and w.date:format(y, m, d) or w.month_day:format(m, d)
        end
      end
    end
    labels[i] = text
  end
  return labels
end

return scale
