-- Axes: ticks, gridlines, tick labels and the axis title, for a numeric
-- scale (a value axis) or a band scale (a category axis).
--
--   local boxes = axis.draw(canvas, plot, s, {side = "left", title = "売上", unit = "円"})
--
-- Large values are shown in one unit picked from the axis range (万, 億, 兆
-- in Japanese; k, M, bn, tn in English), written once in the title:
-- "売上（億円）" over ticks 0, 2,000, 4,000 rather than "2,000億円" on each.
-- Every function returns the boxes of the labels it drew
-- ({text, x, y, width, height}), so callers and tests can check overlaps.
local drawing = require "sumi.internal.drawing"
local errors = require "sumi.internal.errors"
local format = require "sumi.format"
local locale = require "sumi.locale"
local options = require "sumi.internal.options"
local template = require "sumi.template"
local themes = require "sumi.theme"
local text = require "sumi.text"

local axis = {}

local show = errors.show

local function finite(v) return type(v) == "number" and v == v and v ~= math.huge and v ~= -math.huge end

-- The arguments the functions below share, checked at the script's line:
-- a drawing list (what chart:compose returns), a numeric scale of
-- sumi.scale, a box {x, y, width, height}.
local function check_list(fn, list)
  if type(list) ~= "table" or type(list.measure) ~= "function" or type(list.text) ~= "function" then
    errors.raise("%s: list must be a drawing list (what chart:compose returns); got %s", fn, show(list))
  end
end

local function check_scale(fn, s)
  if type(s) ~= "table" or type(s.map) ~= "function" or type(s.ticks) ~= "function"
      or type(s.domain) ~= "function" then
    errors.raise("%s: the scale must be a linear, log or time scale of sumi.scale; got %s", fn, show(s))
  end
end

local function check_box(fn, name, box)
  if type(box) ~= "table" then
    errors.raise("%s: %s must be a box {x, y, width, height}; got %s", fn, name, show(box))
  end
  for _, key in ipairs({"x", "y", "width", "height"}) do
    if not finite(box[key]) then
      errors.raise("%s: %s.%s must be a finite number; got %s", fn, name, key, show(box[key]))
    end
  end
end

--- axis.units(high, lang [, from]) -> name, divisor: the unit of the
--- language (sumi.locale) in which the largest value `high` reads best
--- ("億", 1e8 for 7e11 in Japanese, "亿" in Simplified Chinese, "억" in
--- Korean), or "", 1 below `from` (default 1e5: four-digit numbers stay as
--- they are).
function axis.units(high, lang, from)
  if type(high) ~= "number" or high ~= high then
    errors.raise("axis.units: high must be a number; got %s", show(high))
  end
  if from ~= nil and type(from) ~= "number" then
    errors.raise("axis.units: from must be a number; got %s", show(from))
  end
  high = math.abs(high)
  if high < (from or 1e5) then return "", 1 end
  for _, u in ipairs(locale.get(lang, "axis.units").units) do
    if high >= u[2] then return u[1], u[2] end
  end
  return "", 1
end

--- axis.title_text(title, unit, scale_name, lang) -> "売上（億円）",
--- "매출(억 원)", "Revenue (bn yuan)", or the title alone when there is no
--- unit.
function axis.title_text(title, unit, scale_name, lang)
  for i, arg in ipairs({{"title", title}, {"unit", unit}, {"scale_name", scale_name}}) do
    local v = arg[2]
    if v ~= nil and not (i == 1 and v == false) and type(v) ~= "string" then
      errors.raise("axis.title_text: %s must be a string%s; got %s", arg[1], i == 1 and ", false or nil" or
        " or nil", show(v))
    end
  end
  local w = locale.get(lang, "axis.title_text")
  local space = scale_name ~= "" and unit ~= "" and w.unit_space or ""
  local u = (scale_name or "") .. space .. (unit or "")
  if u == "" then return title end
  if not title then return w.open:match("^%s*(.-)$") .. u .. w.close end
  return title .. w.open .. u .. w.close
end

--- axis.formatter(spec [, fn, key]) -> function(value) -> string: a named
--- format of sumi.template.formats ("pct1", "int", ...), a function, or
--- nil. A value axis also takes "pct": percentages with the decimals its
--- ticks need. An unknown name is an error naming option key of the public
--- function fn (default: axis.formatter's own spec).
function axis.formatter(spec, fn, key)
  if spec == nil or spec == false then return nil end
  if type(spec) == "function" then return spec end
  local f = template.formats[spec]
  if not f then
    local names = {}
    for k in pairs(template.formats) do names[#names + 1] = k end
    table.sort(names)
    options.fail(fn or "axis.formatter", key or "format",
      ("a function or a format name (known formats: %s)"):format(table.concat(names, ", ")), spec)
  end
  return f
end

-- The options of a value axis (axis.draw, and axis.add and
-- axis.value_thickness under it).
local value_spec = {
  side = {default = "left", one_of = {"left", "right", "bottom"}}, title = {default = false, type = "string"},
  unit = {default = "", type = "string"}, lang = locale.option("ja"),
  format = {default = false, type = "string|function"}, theme = {default = false, type = "string|table"},
  grid = {default = true, type = "boolean"}, units = {default = "auto", type = "string|boolean"},
  title_position = {default = "top", one_of = {"top", "side"}},
  zero_line = {default = true, type = "boolean"}, ticks = {default = false, type = "table"},
}

-- The options of a value axis, checked, messages naming fn. A bottom axis
-- has its title under it (title_position "side"): "top" there would set an
-- x axis' title above the plot, so it is refused when given and not the
-- default.
local function value_options(opts, fn)
  local o = options.check(fn, opts, value_spec)
  if o.side == "bottom" then
    if type(opts) == "table" and opts.title_position == "top" then
      options.fail(fn, "title_position", "\"side\" on a bottom axis (its title is under it)", "top")
    end
    o.title_position = "side"
  end
  return o
end

-- A number with the decimals it needs and no more (0.02, 5, 1,000).
local function plain_number(v)
  local a = math.abs(v)
  local decimals = 0
  if a > 0 and a < 1 then decimals = math.min(20, math.ceil(-math.log(a, 10) - 1e-9)) end
  local written = format.number(v, {decimals = decimals})
  if decimals > 0 then written = written:gsub("0+$", ""):gsub("%.$", "") end
  return written
end

-- The labels of a log axis' ticks (1-2-5 steps or powers of ten), and
-- its title and divisor: one unit for every tick when the lowest tick
-- reaches it (ticks 500, 1,000, 2,000 under "（億円）"), else each tick in
-- its own (1,000万, 1億, 10億: decades apart, no one unit reads well).
local function log_labels(ticks, opts, labels)
  local name, divisor, each = "", 1, false
  if opts.units == "auto" and #ticks > 0 then
    name, divisor = axis.units(ticks[#ticks], opts.lang)
    if divisor > 1 and ticks[1] < divisor then name, divisor, each = "", 1, true end
  elseif opts.units then
    for _, u in ipairs(locale.get(opts.lang).units) do
      if u[1] == opts.units then name, divisor = u[1], u[2] end
    end
  end
  for i, t in ipairs(ticks) do
    if each then
      local n, d = axis.units(t, opts.lang, 1)
      labels[i] = plain_number(t / d) .. n
    else
      labels[i] = plain_number(t / divisor)
    end
  end
  local title = axis.title_text(opts.title or nil, opts.unit, name, opts.lang)
  return labels, title, divisor
end

-- axis.value_labels with its options checked already (fn: the public
-- function messages name).
local function labels_of(s, opts, fn)
  local ticks = opts.ticks or s:ticks()
  local fmt
  if opts.format == "pct" then
    -- shares: as many decimals as the tick step needs (0.025 -> 2.5%)
    local decimals = math.max(0, math.ceil(-math.log((s.tick_step or 0.1) * 100, 10) - 1e-9))
    fmt = function(v) return format.percent(v, {decimals = math.min(decimals, 6)}) end
  else
    fmt = axis.formatter(opts.format, fn, "format")
  end
  local labels, name, divisor = {}, "", 1
  if not fmt and s.log then
    return ticks, log_labels(ticks, opts, labels)
  end
  if not fmt then
    local low, high = s:domain()
    if opts.units == "auto" then
      name, divisor = axis.units(math.max(math.abs(low), math.abs(high)), opts.lang)
    elseif opts.units then
      for _, u in ipairs(locale.get(opts.lang).units) do
        if u[1] == opts.units then name, divisor = u[1], u[2] end
      end
    end
    local step = (s.tick_step or 1) / divisor
    local decimals = math.max(0, math.ceil(-math.log(step, 10) - 1e-9))
    fmt = function(v) return format.number(v / divisor, {decimals = math.min(decimals, 20)}) end
  end
  for i, t in ipairs(ticks) do labels[i] = fmt(t) end
  local title = axis.title_text(opts.title or nil, opts.unit, name, opts.lang)
  return ticks, labels, title, divisor
end

--- axis.value_labels(s, opts) -> ticks, labels, title, divisor: what a
--- value axis on the numeric scale s shows (opts as axis.draw).
function axis.value_labels(s, opts)
  opts = value_options(opts, "axis.value_labels")
  check_scale("axis.value_labels", s)
  return labels_of(s, opts, "axis.value_labels")
end

local function tick_style(theme)
  return {size = theme.sizes.tick, color = theme.muted, font = theme.font, features = "tnum"}
end

local with = options.with

-- How far above the plot a title on top of a vertical axis sits: clear of
-- the top tick label, which is centred on the plot's top edge.
local function title_lift(theme, tick_height)
  return math.max(theme.gap, tick_height / 2 + theme.gap / 2)
end

-- axis.value_thickness with its arguments checked already.
local function thickness_of(list, s, opts, fn)
  local theme = themes.get(opts.theme or nil, fn)
  local _, labels, title = labels_of(s, opts, fn)
  local style = tick_style(theme)
  local size, tick_h = 0, 0
  for _, l in ipairs(labels) do
    local w, h = list:measure(l, style)
    size = math.max(size, opts.side == "bottom" and h or w)
    tick_h = math.max(tick_h, h)
  end
  local title_h, title_w = 0, 0
  if title then
    title_w, title_h = list:measure(title, {size = theme.sizes.axis_title, font = theme.font})
  end
  local thickness = size + theme.tick_length + theme.gap
  if title and opts.title_position == "side" then
    thickness = thickness + title_h + theme.gap
    title_h = 0
  end
  return thickness, title_h + (title_h > 0 and title_lift(theme, tick_h) or 0), title_w
end

--- axis.value_thickness(list, s, opts) -> the room the tick labels need
--- beside the plot (width for a left axis, height for a bottom one), and the
--- title's height when it sits above the plot.
function axis.value_thickness(list, s, opts)
  opts = value_options(opts, "axis.value_thickness")
  check_list("axis.value_thickness", list)
  check_scale("axis.value_thickness", s)
  return thickness_of(list, s, opts, "axis.value_thickness")
end

-- axis.add with its arguments checked already.
local function add(list, plot, s, opts, fn)
  local theme = themes.get(opts.theme or nil, fn)
  local ticks, labels, title = labels_of(s, opts, fn)
  local style = tick_style(theme)
  local boxes = {}
  local left, right = opts.side == "left", opts.side == "right"
  local vertical = left or right
  -- a line across the plot at position p of the value axis
  local function across(p, rule)
    if vertical then
      list:line({plot.x, p, plot.x + plot.width, p}, rule)
    else
      list:line({p, plot.y, p, plot.y + plot.height}, rule)
    end
  end
  for i, t in ipairs(ticks) do
    local p = s:map(t)
    if opts.grid then across(p, theme.grid) end
    local box
    if left then
      box = list:text(labels[i], plot.x - theme.tick_length - theme.gap / 2, p,
        with(style, {anchor = "right"}))
    elseif right then
      box = list:text(labels[i], plot.x + plot.width + theme.tick_length + theme.gap / 2, p,
        with(style, {anchor = "left"}))
    else
      box = list:text(labels[i], p, plot.y + plot.height + theme.tick_length + theme.gap / 2,
        with(style, {anchor = "top"}))
    end
    boxes[#boxes + 1] = box
  end
  local low, high = s:domain()
  if opts.zero_line and low <= 0 and high >= 0 then across(s:map(0), theme.zero) end
  if title then
    local tstyle = {size = theme.sizes.axis_title, font = theme.font, color = theme.muted}
    local tick_h = 0
    for _, b in ipairs(boxes) do tick_h = math.max(tick_h, b.height) end
    local lift = vertical and title_lift(theme, tick_h) or theme.gap
    if opts.title_position == "side" then
      local thickness = thickness_of(list, s, opts, fn)
      if vertical then
        local _, th = list:measure(title, tstyle)
        local x = left and plot.x - thickness + th / 2 or plot.x + plot.width + thickness - th / 2
        if not locale.get(opts.lang).vertical then
          boxes[#boxes + 1] = list:text(title, x, plot.y + plot.height / 2,
            with(tstyle, {anchor = "center", angle = -90}))
        else
          boxes[#boxes + 1] = list:text(title, x, plot.y + plot.height / 2,
            with(tstyle, {anchor = "center", vertical = true}))
        end
      else
        boxes[#boxes + 1] = list:text(title, plot.x + plot.width / 2, plot.y + plot.height + thickness,
          with(tstyle, {anchor = "bottom"}))
      end
    else
      if right then
        boxes[#boxes + 1] = list:text(title, plot.x + plot.width + thickness_of(list, s, opts, fn),
          plot.y - lift, with(tstyle, {anchor = "bottom-right"}))
      else
        local x = left and plot.x - thickness_of(list, s, opts, fn) or plot.x
        boxes[#boxes + 1] = list:text(title, x, plot.y - lift, with(tstyle, {anchor = "bottom-left"}))
      end
    end
  end
  return boxes
end

--- axis.add(list, plot, s, opts): adds a value axis on the numeric scale s
--- to a drawing list, along the plot box {x, y, width, height}. Returns the
--- label boxes. opts as axis.draw.
function axis.add(list, plot, s, opts)
  opts = value_options(opts, "axis.add")
  check_list("axis.add", list)
  check_box("axis.add", "plot", plot)
  check_scale("axis.add", s)
  return add(list, plot, s, opts, "axis.add")
end

--- axis.draw(canvas, plot, s, opts) -> label boxes: draws a value axis at
--- once. opts (defaults): side ("left" | "right" | "bottom"), title, unit (text after
--- the scale, "円"), lang ("ja" | "en"), format (a template format name,
--- "pct" or a function; then no unit is picked), theme, grid (true), units ("auto",
--- false, or "億", "bn", ...), title_position ("top" | "side": beside the
--- axis, vertical in Japanese; always "side" on a bottom axis), zero_line
--- (true), ticks (the values).
function axis.draw(canvas, plot, s, opts)
  local o = value_options(opts, "axis.draw")
  if type(canvas) ~= "userdata" then
    errors.raise("axis.draw: canvas must be a canvas; got %s", show(canvas))
  end
  check_box("axis.draw", "plot", plot)
  check_scale("axis.draw", s)
  local list = drawing.new(canvas, type(opts) == "table" and opts.lang or nil)
  local boxes = add(list, plot, s, o, "axis.draw")
  list:draw()
  return boxes
end

-- ---- category labels

-- The words of each label, in the list's language.
local function words_of(list, labels)
  local all = {}
  for i, l in ipairs(labels) do all[i] = text.words(l, list.lang or "ja") end
  return all
end

-- The options of axis.fit_categories and axis.add_categories.
local fit_spec = {
  theme = {default = false, type = "string|table"},
  max_lines = {default = 3, type = "integer", min = 1},
  max_height = {default = false, type = "number", min = 0},
}
local categories_spec = {
  theme = {default = false, type = "string|table"},
  side = {default = "bottom", one_of = {"bottom", "left"}},
  every = {default = 1, type = "integer", min = 1},
}

-- A list of category labels: strings (numbers are written as text).
local function check_labels(fn, labels)
  if type(labels) ~= "table" then
    errors.raise("%s: labels must be a list of strings; got %s", fn, show(labels))
  end
  for i = 1, #labels do
    if type(labels[i]) ~= "string" then
      errors.raise("%s: labels[%d] must be a string; got %s", fn, i, show(labels[i]))
    end
  end
end

-- A plan that wraps every label to `room` at `size`, or nil when a label
-- takes more than max_lines lines, runs past room or below max_height.
-- Lines break between words; with words (each label's), each word must fit
-- on a line, so that none is split, else only a word longer than a line is.
local function wrapped(list, labels, words, size, room, opts)
  local theme = opts.theme
  if room <= size * 1.5 then return nil end
  local style = {size = size, font = theme.font, width = room, wrap = "char", keep_words = true}
  if words then
    for _, list_of in ipairs(words) do
      for _, w in ipairs(list_of) do
        if list:measure(w, {size = size, font = theme.font}) > room then return nil end
      end
    end
  end
  local high = 0
  for _, l in ipairs(labels) do
    local _, h, m = list:measure(l, style)
    if m.lines > opts.max_lines or m.ink.width > room + 0.5 then return nil end
    high = math.max(high, h)
  end
  if high > (opts.max_height or math.huge) then return nil end
  return {mode = "wrap", size = size, height = high, overhang = room / 2, width = room}
end

--- axis.fit_categories(list, labels, step, opts) -> a plan for labels under
--- bands `step` wide, or nil when none fits: {mode = "plain" | "wrap" |
--- "rotate", size, angle, height (room below the plot), overhang (how far
--- the first label reaches left of its band's centre)}. opts:
--- theme (print), max_lines (3), max_height (the room there is below the
--- plot; default no limit).
--- A label shrinks (down to the theme's min_label_size) or wraps between
--- its words before a word of it is split: "フランス" stays whole.
function axis.fit_categories(list, labels, step, opts)
  local fn = "axis.fit_categories"
  opts = options.check(fn, opts, fit_spec)
  check_list(fn, list)
  check_labels(fn, labels)
  -- a step narrower than the gap (crowded bands) is no error: nothing fits
  if not finite(step) then errors.raise("%s: step must be a finite number; got %s", fn, show(step)) end
  local theme = themes.get(opts.theme or nil, fn)
  opts.theme = theme
  local room = step - theme.gap
  local sizes = {}
  for size = theme.sizes.label, theme.min_label_size, -0.5 do sizes[#sizes + 1] = size end
  local words -- found when first needed: most labels fit without wrapping
  for _, size in ipairs(sizes) do
    local style = {size = size, font = theme.font}
    local widest, tallest = 0, 0
    for _, l in ipairs(labels) do
      local w, h = list:measure(l, style)
      widest, tallest = math.max(widest, w), math.max(tallest, h)
    end
    if widest <= room then
      return {mode = "plain", size = size, height = tallest, overhang = widest / 2, width = room}
    end
    words = words or words_of(list, labels)
    local plan = wrapped(list, labels, words, size, room, opts)
    if plan then return plan end
  end
  -- no size keeps every word whole: split the words longer than a line
  for _, size in ipairs(sizes) do
    local plan = wrapped(list, labels, nil, size, room, opts)
    if plan then return plan end
  end
  -- rotated 45 degrees: neighbours sit step * sin(45) apart across the text
  local size = theme.sizes.label
  local style = {size = size, font = theme.font}
  local widest, tallest = 0, 0
  for _, l in ipairs(labels) do
    local w, h = list:measure(l, style)
    widest, tallest = math.max(widest, w), math.max(tallest, h)
  end
  local s45 = math.sqrt(0.5)
  local height = (widest + tallest) * s45
  if tallest + theme.gap <= step * s45 and height <= (opts.max_height or math.huge) then
    return {mode = "rotate", size = size, angle = -45, height = height, overhang = widest * s45}
  end
  return nil
end

--- axis.add_categories(list, plot, band, labels, plan, opts) -> label boxes:
--- category labels under (side "bottom") or beside (side "left") the bands.
--- opts: theme (print), side ("bottom"), every (1: label every nth
--- category only).
function axis.add_categories(list, plot, band, labels, plan, opts)
  local fn = "axis.add_categories"
  opts = options.check(fn, opts, categories_spec)
  check_list(fn, list)
  check_box(fn, "plot", plot)
  if type(band) ~= "table" or type(band.center) ~= "function" then
    errors.raise("%s: band must be a band scale (sumi.scale.band); got %s", fn, show(band))
  end
  check_labels(fn, labels)
  if type(plan) ~= "table" then
    errors.raise("%s: plan must be a table (axis.fit_categories); got %s", fn, show(plan))
  end
  if not finite(plan.size) or plan.size <= 0 then
    errors.raise("%s: plan.size must be a number > 0; got %s", fn, show(plan.size))
  end
  if opts.side == "bottom" then
    options.one_of(fn, "plan.mode", plan.mode, {"plain", "wrap", "rotate"})
    if plan.mode == nil then options.fail(fn, "plan.mode", "one of plain, wrap, rotate", nil) end
  end
  local theme = themes.get(opts.theme or nil, fn)
  local boxes = {}
  local style = {size = plan.size, font = theme.font, color = theme.ink}
  local every = opts.every
  for i, l in ipairs(labels) do
    local c = band:center(i)
    local box
    if (i - 1) % every ~= 0 then
      box = nil
    elseif opts.side == "left" then
      box = list:text(l, plot.x - theme.gap, c, with(style, {anchor = "right", width = plan.width,
        wrap = "char", align = "right", keep_words = true}))
    elseif plan.mode == "plain" then
      box = list:text(l, c, plot.y + plot.height + theme.gap, with(style, {anchor = "top"}))
    elseif plan.mode == "wrap" then
      box = list:text(l, c, plot.y + plot.height + theme.gap, with(style, {anchor = "top",
        width = plan.width, wrap = "char", align = "center", keep_words = true}))
    else
      box = list:text(l, c, plot.y + plot.height + theme.gap, with(style, {anchor = "top-right",
        angle = plan.angle}))
    end
    boxes[#boxes + 1] = box
  end
  return boxes
end

return axis
