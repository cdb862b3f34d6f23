-- Scales: functions from data values to positions on the page (or to
-- colours), with the ticks an axis draws.
--
--   local s = scale.linear{domain = {0, 3755}, range = {300, 0}}
--   s:map(1509)      --> a y position
--   s:ticks()        --> {0, 1000, 2000, 3000, 4000} (the domain made nice)
--
-- linear, log, band (categories) and ordinal (categories to colours).
local calendar = require "sumi.internal.calendar"
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

--- scale.log{domain = {lo, hi}, range = {a, b}, nice = true} -> scale.
--- The domain must be positive; nice widens it to powers of ten.
function scale.log(opts)
  local o = options.check("scale.log", opts, {domain = {default = {1, 10}, type = "table"}, range = range,
                                                nice = {default = true, type = "boolean"}})
  local lo, hi = o.domain[1], o.domain[2]
  if type(lo) ~= "number" or type(hi) ~= "number" or lo <= 0 or hi <= 0 then
    options.fail("scale.log", "domain", "two numbers > 0", o.domain)
  end
  if lo > hi then lo, hi = hi, lo end
  if o.nice then
    lo = 10 ^ math.floor(math.log(lo, 10) + 1e-9)
    hi = 10 ^ math.ceil(math.log(hi, 10) - 1e-9)
    if lo == hi then hi = lo * 10 end
  end
  return setmetatable({low = lo, high = hi, range = {o.range[1], o.range[2]}}, Log)
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

--- s:ticks() -> the powers of ten inside the domain.
function Log:ticks()
  local ticks = {}
  for e = math.ceil(math.log(self.low, 10) - 1e-9), math.floor(math.log(self.high, 10) + 1e-9) do
    local v = 10.0 ^ e
    if e >= 0 and e < 16 then v = math.tointeger(v) or v end
    ticks[#ticks + 1] = v
  end
  return ticks
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
-- the first whose ticks fit in the count is the one an axis shows.
local intervals = {
  {"day", 1, 1}, {"day", 2, 2}, {"week", 1, 7}, {"week", 2, 14},
  {"month", 1, 30.44}, {"month", 2, 60.9}, {"month", 3, 91.3}, {"month", 6, 182.6},
  {"year", 1, 365.25}, {"year", 2, 730.5}, {"year", 5, 1826}, {"year", 10, 3652},
  {"year", 20, 7305}, {"year", 50, 18262}, {"year", 100, 36525}, {"year", 200, 73050},
  {"year", 500, 182625}, {"year", 1000, 365250},
}

-- The tick days of one interval from lo to hi: calendar boundaries (the
-- 1st of a month, 1 January, a Monday), never arbitrary day counts.
local function calendar_ticks(unit, k, lo, hi)
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
  local y, m = calendar.civil_from_days(first)
  if unit == "year" then
    y, m = y - y % k, 1
  else
    m = m - (m - 1) % k
  end
  while true do
    local d = calendar.days_from_civil(y, m, 1)
    if d > last then break end
    if d >= first then ticks[#ticks + 1] = d end
    if unit == "year" then y = y + k else
      m = m + k
      if m > 12 then y, m = y + 1, m - 12 end
    end
  end
  return ticks
end

local Time = {}
Time.__index = Time

local month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

--- scale.time{domain = {first, last}, range = {a, b}, count = 5, lang = "ja",
--- nice = false} -> scale. The domain holds dates (strings "YYYY-MM-DD",
--- "YYYY-MM", "YYYYQn", "YYYY", or days since 1970); positions are linear
--- in days.
--- `nice` widens the domain to whole tick intervals.
function scale.time(opts)
  local o = options.check("scale.time", opts, {domain = {default = {0, 1}, type = "table"}, range = range,
    count = {default = 5, type = "number", min = 1}, lang = locale.option("ja"),
    nice = {default = false, type = "boolean"}})
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
                             lang = o.lang}, Time)
  if o.nice then
    local ticks = self:ticks()
    local unit, k = self.interval[1], self.interval[2]
    local before = calendar_ticks(unit, k, lo - self.interval[3] * 1.5, lo)
    local after = calendar_ticks(unit, k, hi, hi + self.interval[3] * 1.5)
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
--- chosen is in s.interval: {unit ("day" | "week" | "month" | "year"), k, days}.
function Time:ticks(count)
  count = check_count("scale:ticks", count) or self.count
  local span = self.high - self.low
  local chosen = intervals[#intervals]
  for _, iv in ipairs(intervals) do
    if span / iv[3] <= count then
      chosen = iv
      break
    end
  end
  self.interval = chosen
  local ticks = calendar_ticks(chosen[1], chosen[2], self.low, self.high)
  if #ticks == 0 and chosen ~= intervals[1] then
    -- a short domain between two boundaries: its ends are the ticks
    ticks = {self.low, self.high}
  end
  return ticks
end

--- s:tick_labels(ticks) -> texts for the ticks of the last s:ticks(), in
--- the scale's language: Japanese and Chinese "2025年", "3月", "3月5日" (the
--- year written on the first tick and where a year begins: "2025年1月");
--- Korean "2025년", "3월", "3월 5일"; English "2025", "Mar", "Mar 5"
--- ("Jan 2025", "Mar 5, 2025").
function Time:tick_labels(ticks)
  if type(ticks) ~= "table" then
    errors.raise("scale:tick_labels: ticks must be a list of day counts (from s:ticks()); got %s",
      errors.show(ticks))
  end
  for i, t in ipairs(ticks) do check_finite("scale:tick_labels", ("ticks[%d]"):format(i), t) end
  local unit = self.interval and self.interval[1] or "day"
  local w = locale.get(self.lang)
  local en = w.months ~= nil
  local labels, last_year = {}, nil
  for i, t in ipairs(ticks) do
    local y, m, d = calendar.civil_from_days(math.floor(t))
    local new_year = y ~= last_year
    last_year = y
    local text
    if unit == "year" then
      text = en and tostring(y) or w.year:format(y)
    elseif unit == "month" then
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
    labels[i] = text
    if i == 1 then last_year = y end
  end
  return labels
end

return scale
