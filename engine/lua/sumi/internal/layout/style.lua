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
    -- zebra: every other body row shaded unless doc:table says otherwise;
    -- group_rule: the line under a column group's title in the header;
    -- subtotal_fill: the band behind a subtotal row.
    table = {size = body * 0.85, color = "#222222", padding = 3.5, header_fill = "#1f3a5f",
             header_color = "#ffffff", zebra = true, zebra_fill = "#f1f4f8", rule = "#c9d1db",
             group_rule = "#8fa6c4", subtotal_fill = "#e3e9f1", space_before = body * 0.4,
             space_after = body, totals_label = false, subtotals_label = false},
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
    local have = into[k]
    if type(v) == "table" and type(have) == "table" then
      merge(have, v, path .. tostring(k) .. ".")
    else
      -- A value of the default's kind: a number for a size, a string
      -- for a colour, true or false for a switch; false or a text for a
      -- label the language gives by default; false for no rule under a
      -- heading.
      local want = have == false and "string" or type(have)
      local may_be_off = have == false or (k == "rule" and type(have) == "number")
      if type(v) ~= want and not (v == false and may_be_off) then
        local words = {number = "a number", string = "a string", boolean = "true or false",
                       table = "a table"}
        errors.raise("document.new: option 'style.%s%s' must be %s%s; got %s", path, tostring(k),
          words[want] or want, may_be_off and " or false" or "", errors.show(v))
      end
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
