-- The look of a document as plain data: fonts, sizes, colours and spaces
-- of each kind of block. document.new{style = {...}} changes any of it;
-- the tables given are merged into these, key by key.
local errors = require "sumi.internal.errors"
local style = {}

local function defaults(scale)
  local body = 10 * scale
  return {
    font = "sans",
    orphans = 2, -- lines a paragraph leaves at least at the foot of a page
    widows = 2,  -- and at least at the top of the next
    body = {size = body, line_spacing = 1.55, color = "#222222", space_before = 0,
            space_after = body * 0.7},
    heading = {
      {size = body * 1.7, weight = "bold", color = "#1f3a5f", space_before = body * 1.8,
       space_after = body * 0.8, rule = 1.2, rule_color = "#1f3a5f"},
      {size = body * 1.3, weight = "bold", color = "#1f3a5f", space_before = body * 1.4,
       space_after = body * 0.5},
      {size = body * 1.1, weight = "bold", color = "#333333", space_before = body,
       space_after = body * 0.4},
    },
    link = 'foreground="#1f5fbf" underline="single"',
    callout = {size = body * 0.95, line_spacing = 1.45, color = "#222222", padding = 8,
               space_before = body * 0.8, space_after = body},
    figure = {size = body * 0.85, color = "#444444", caption_gap = 4,
              space_before = body * 0.8, space_after = body},
    caption_above = {size = body * 0.9, color = "#333333", space_before = body * 0.8,
                     space_after = 3},
    table = {size = body * 0.85, color = "#222222", padding = 3.5, header_fill = "#1f3a5f",
             header_color = "#ffffff", zebra_fill = "#f1f4f8", rule = "#c9d1db",
             space_before = body * 0.4, space_after = body, totals_label = false},
    contents = {size = body, color = "#222222", line_spacing = 1.3, leader = "#9aa5b1"},
    page = {size = body * 0.8, color = "#666666", rule = "#c9d1db"},
  }
end

local function merge(into, given, path)
  for k, v in pairs(given) do
    if into[k] == nil then
      local keys = {}
      for name in pairs(into) do keys[#keys + 1] = tostring(name) end
      table.sort(keys)
      errors.raise("document.new: unknown option 'style.%s%s' (valid options: %s)", path, tostring(k),
        table.concat(keys, ", "))
    end
    if type(v) == "table" and type(into[k]) == "table" then
      merge(into[k], v, path .. tostring(k) .. ".")
    else
      into[k] = v
    end
  end
end

--- style.new(given, scale) -> the default style (body size 10 pt times
--- scale) with the tables in given merged in.
function style.new(given, scale)
  local s = defaults(scale or 1)
  if given then
    merge(s, given, "")
  end
  return s
end

return style
