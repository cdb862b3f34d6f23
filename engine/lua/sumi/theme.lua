-- Chart themes: plain data tables. A theme says which fonts, sizes,
-- colours and spacings a chart uses; it never changes how a chart is
-- composed. To make your own, derive one and change what you need:
--
--   local theme = require "sumi.theme"
--   local mine = theme.derive("print", {palette = {"#004c97", "#e37222"}, sizes = {title = 14}})
--   chart.bar(ds, {x = "name", y = "value", theme = mine})
--
-- Sizes are in the canvas's user units: points on a PDF page, on an SVG
-- and on a chart saved as PNG (chart:save draws PNGs in points at a dpi).
local options = require "sumi.internal.options"

local theme = {}

--- print (the default): an A4 briefing, text at 7-12 pt, muted ink.
theme.print = {
  name = "print",
  font = "sans",
  background = "white",
  ink = "#222222",        -- titles, labels
  muted = "#666666",      -- tick labels, subtitle, source
  sizes = {title = 12, subtitle = 9, axis_title = 8, tick = 8, label = 8.5,
           value = 8, legend = 8, source = 7},
  title_weight = "bold",
  value_weight = "normal",
  positive = "#2e7d32",    -- a KPI's change up
  negative = "#c0504d",    -- and down
  palette = {"#2f5d8a", "#c0504d", "#e0a030", "#5b8c5a", "#8064a2", "#4bacc6", "#7f7f7f"},
  grid = {color = "#e1e1e1", width = 0.5},
  axis = {color = "#8c8c8c", width = 0.6},
  zero = {color = "#444444", width = 0.8},
  annotation = {color = "#444444", width = 0.8, dash = {3, 2}, band = "#8c8c8c1f", head = 5,
                knockout = "#ffffffcc"},
  tick_length = 3,
  gap = 4,                -- between a label and what it labels
  padding = 6,            -- around the whole chart
  bar_padding = 0.3,      -- share of a category's step left between bars
  group_padding = 0.04,   -- share of a group left between its bars
  line_width = 1.6,
  marker_size = 2.6,      -- marker radius
  dashes = false,         -- per-series dash patterns (mono)
  min_label_size = 6,     -- labels shrink down to this before the chart changes shape
}

--- slides: 16:9 slides (720 x 405 pt), large type read from the back of a room.
theme.slides = options.copy(theme.print)
theme.slides.name = "slides"
theme.slides.sizes = {title = 24, subtitle = 16, axis_title = 14, tick = 14, label = 15,
                      value = 14, legend = 14, source = 11}
theme.slides.grid = {color = "#e6e6e6", width = 0.8}
theme.slides.axis = {color = "#8c8c8c", width = 1}
theme.slides.zero = {color = "#444444", width = 1.2}
theme.slides.annotation = {color = "#444444", width = 1.4, dash = {5, 3}, band = "#8c8c8c1f", head = 8,
                          knockout = "#ffffffcc"}
theme.slides.tick_length = 5
theme.slides.gap = 6
theme.slides.padding = 14
theme.slides.line_width = 3
theme.slides.marker_size = 4.5
theme.slides.min_label_size = 10

--- colorblind: the Okabe-Ito palette (Okabe & Ito 2008), safe for the
--- common colour-vision deficiencies.
theme.colorblind = options.copy(theme.print)
theme.colorblind.name = "colorblind"
theme.colorblind.palette = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9",
                            "#CC79A7", "#F0E442", "#000000"}

--- mono: black and greys for a black-and-white printer; series differ by
--- lightness (fills) and by dash pattern (lines).
theme.mono = options.copy(theme.print)
theme.mono.name = "mono"
theme.mono.palette = {"#222222", "#7a7a7a", "#b0b0b0", "#4d4d4d", "#d4d4d4", "#999999"}
theme.mono.dashes = {false, {5, 2}, {1.5, 1.5}, {6, 2, 1.5, 2}, {3, 3}}
theme.mono.zero = {color = "#000000", width = 0.8}
theme.mono.positive = "#222222" -- the sign says it; grey would read as "no change"
theme.mono.negative = "#222222"

theme.names = {"print", "slides", "colorblind", "mono"}

local function merge(base, changes)
  local result = options.copy(base)
  for k, v in pairs(changes) do
    if type(v) == "table" and type(result[k]) == "table" and #v == 0 and next(v) ~= nil then
      result[k] = merge(result[k], v)
    else
      result[k] = options.copy(v)
    end
  end
  return result
end

-- What a changed field must be: what the base theme holds there, so that a
-- typo such as sizes = {title = "14"} fails at the derive, not at a draw.
-- Numbers are lengths or shares (>= 0); a record (sizes, grid) is checked
-- field by field; a list (palette, dash) is replaced by a list of the same
-- kind of entries; dashes may be false.
local function check_changes(base, changes, prefix)
  for _, k in ipairs(options.sorted_keys(changes)) do
    local key, was, v = prefix .. tostring(k), base[k], changes[k]
    if k == "name" then
      options.value("theme.derive", key, v, {default = false, type = "string"})
    elseif type(was) == "number" then
      options.value("theme.derive", key, v, {default = false, type = "number", min = 0})
    elseif type(was) == "string" then
      options.value("theme.derive", key, v, {default = false, type = "string"})
    elseif k == "dashes" or (type(was) == "table" and #was > 0) then
      local entry = k == "dashes" and "table" or type(was[1])
      options.value("theme.derive", key, v, {default = false, type = "table", check = function(list)
        if #list == 0 then return "a non-empty list" end
        for i = 1, #list do
          local e = list[i]
          if not (type(e) == entry or (k == "dashes" and e == false)) then
            return ("a list of %ss (entry %d is a %s)"):format(entry, i, type(e))
          end
        end
      end})
    elseif type(was) == "table" then
      options.check("theme.derive", v, was, key)
      check_changes(was, v, key .. ".")
    end
  end
end

--- theme.derive(base, changes) -> a new theme: `base` (a name or a theme
--- table) with the fields of `changes` replaced; nested tables such as
--- `sizes` are merged, lists such as `palette` replaced. An unknown field
--- is an error listing the valid ones.
function theme.derive(base, changes)
  local b = theme.get(base, "theme.derive")
  options.check("theme.derive", changes, b)
  check_changes(b, changes or {}, "")
  return merge(b, changes or {})
end

--- theme.get(name_or_table [, fn]) -> the theme table; nil gives print.
--- An unknown name is an error naming option 'theme' of the public
--- function fn (default theme.get).
function theme.get(t, fn)
  if t == nil then return theme.print end
  if type(t) == "table" then return t end
  local found = type(t) == "string" and theme[t]
  if type(found) ~= "table" or found.name ~= t then
    options.fail(fn or "theme.get", "theme", "a theme table or one of " .. table.concat(theme.names, ", "), t)
  end
  return found
end

return theme
