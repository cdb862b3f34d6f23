-- What a document table shows, read from doc:table's data and options
-- before anything is laid out, so that every mistake is an error at the
-- doc:table line naming the cell, option or rows it is about: the columns
-- (key, title, format, width, align, markup), the text of each cell (its
-- format applied, escaped or checked as markup), each body cell's look
-- from the `style` function, the column groups over the header, and the
-- subtotal and totals rows. sumi.internal.layout.table measures and draws
-- the result.
local color = require "sumi.internal.color"
local errors = require "sumi.internal.errors"
local format = require "sumi.format"
local markup = require "sumi.internal.layout.markup"
local options = require "sumi.internal.options"
local template = require "sumi.template"
local canvas = require "sumi.canvas"

local rows_of = {}

local FN = "document:table"

local column_spec = {key = {default = false, type = "string|number"},
                     title = {default = false, type = "string|number"},
                     format = {default = false, type = "string|function"},
                     width = {default = false, type = "number", min = 1, max = 14400},
                     align = {default = false, one_of = {"left", "center", "right", "decimal"}},
                     markup = {default = false, type = "boolean"}}

local totals_spec = {label = {default = false, type = "string"}, columns = {default = false, type = "table"}}

local subtotals_spec = {by = {default = false, type = "string|number"},
                        label = {default = false, type = "string|function"},
                        columns = {default = false, type = "table"}}

local group_spec = {title = {default = false, type = "string|number"},
                    columns = {default = false, type = "table"}}

local weights = {"thin", "light", "normal", "medium", "semibold", "bold", "heavy"}
local look_keys = {color = true, weight = true, background = true}

local function formatter(spec, where)
  if spec == false then return nil end
  if type(spec) == "function" then return spec end
  local fn = template.formats[spec]
  if not fn then
    local names = table.concat(options.sorted_keys(template.formats), ", ")
    options.fail(FN, where, ("one of %s, or a function"):format(names), spec)
  end
  return fn
end

local function default_text(v)
  if math.type(v) == "integer" then return format.number(v) end
  if type(v) == "number" then return format.number(v, {decimals = 1}) end
  return tostring(v)
end

-- The columns the data has, as a set, and their names joined for a
-- message, for refusing a column key that names none of them (a typo would
-- otherwise show a column of "–"): a dataset's names, or every key of any
-- row of Lua records or arrays (a field no row has is a typo, or a column
-- with nothing to show); nil when Lua rows hold nothing at all.
local function known_columns(data, rows, names)
  local have, shown = {}, {}
  if type(data) == "userdata" then
    for i, name in ipairs(names) do have[name], shown[i] = true, name end
  else
    for _, r in ipairs(rows) do
      for k in pairs(r) do have[k] = true end
    end
    if next(have) == nil then return nil end
    for i, k in ipairs(options.sorted_keys(have)) do shown[i] = tostring(k) end
  end
  return have, #shown > 0 and table.concat(shown, ", ") or "none"
end

-- A key the data has no column (or no row field) for: an error naming it.
local function check_key(data, have, have_shown, key, where)
  if not have or have[key] then return end
  if type(data) == "userdata" then
    errors.raise("%s: %s: no column '%s' in the data (its columns: %s)", FN, where, tostring(key), have_shown)
  end
  errors.raise("%s: %s: no row has a field '%s' (the rows' fields: %s)", FN, where, tostring(key), have_shown)
end

-- The rows as records and the columns shown, from a dataset, a list of
-- records (opts.columns required) or a list of arrays.
local function read_data(data, given)
  local rows, names, numeric = {}, {}, {}
  if type(data) == "userdata" then
    rows = data:rows()
    for _, name in ipairs(data:names()) do
      names[#names + 1] = name
      local t = data:type(name)
      numeric[name] = t == "integer" or t == "number"
    end
  elseif type(data) == "table" then
    for i, r in ipairs(data) do
      if type(r) ~= "table" then
        errors.raise("%s: row %d must be a table; got %s", FN, i, errors.show(r))
      end
      rows[i] = r
    end
    if given == false then
      if rows[1] == nil or rows[1][1] == nil then
        errors.raise("%s: give 'columns' for rows that are records", FN)
      end
      for k = 1, #rows[1] do names[k] = k end
    end
  else
    errors.raise("%s: the data must be a dataset or a table; got %s", FN, errors.show(data))
  end
  local have, have_shown = known_columns(data, rows, names)
  local columns = {}
  for i, spec in ipairs(given or names) do
    if type(spec) ~= "table" then spec = {key = spec} end
    local where = ("columns[%d]"):format(i)
    local c = options.check(FN, spec, column_spec, where)
    if c.key == false then errors.raise(("%s: column %d has no 'key'"):format(FN, i)) end
    check_key(data, have, have_shown, c.key, where)
    c.title = c.title or tostring(c.key)
    c.format = formatter(c.format, where .. ".format")
    c.where = where
    if numeric[c.key] == nil then
      local any, all = false, true
      for _, r in ipairs(rows) do
        local v = r[c.key]
        if v ~= nil then any = true; all = all and type(v) == "number" end
      end
      numeric[c.key] = any and all
    end
    c.numeric = numeric[c.key]
    -- Figures line up on their decimal point (or where it would be) unless
    -- told otherwise.
    c.align = c.align or (c.numeric and "decimal" or "left")
    columns[i] = c
  end
  return columns, rows, {data = data, have = have, have_shown = have_shown}
end

-- A scratch canvas for what only Pango can check (markup attributes),
-- opened when first needed and closed by the caller.
local function scratch_of(state)
  if not state.scratch then state.scratch = canvas.trace(false, {width = 10, height = 10}) end
  return state.scratch
end

-- The text of a cell: the value through the column's format (a missing
-- value is "–"), escaped, or for a markup column checked as markup: its
-- tags balanced and every attribute one Pango takes.
local function cell_text(state, c, v, place)
  local text
  if v == nil then
    text = "–"
  elseif c.format then
    text = c.format(v)
    if type(text) == "number" then text = tostring(text) end
    if type(text) ~= "string" then
      errors.raise("%s: %s.format gave %s for %s (value %s); a format gives a string", FN, c.where,
        errors.show(text), place, errors.show(v))
    end
  else
    text = default_text(v)
  end
  if not c.markup then return markup.escape(text) end
  local ok, err = pcall(markup.check, text)
  if ok then
    local scratch = scratch_of(state)
    ok, err = pcall(scratch.measure_text, scratch, text, {markup = true})
    if not ok then
      local where = errors.where()
      err = tostring(err)
      if err:sub(1, #where) == where then err = err:sub(#where + 1) end
    end
  end
  if not ok then
    errors.raise("%s: %s ('%s'), %s: %s in %s", FN, c.where, tostring(c.key), place, tostring(err),
      errors.show(text))
  end
  return text
end

local function colour_or_fail(value, what)
  if not color.parse(value) then
    errors.raise('%s: %s must be a colour ("#rrggbb", "#rrggbbaa" or a name); got %s', FN, what,
      errors.show(value))
  end
  return value
end

-- The text colour that reads best on a background: the table's own, or
-- white on a dark fill (the larger WCAG contrast ratio).
local function text_on(background, text_color)
  local r, g, b, a = color.parse(background)
  -- a see-through background shows the row under it: no guess at white
  if a ~= nil and a < 255 then return text_color end
  local lb = color.luminance(r, g, b, a)
  local lt = color.luminance(color.parse(text_color))
  local with_text = (math.max(lb, lt) + 0.05) / (math.min(lb, lt) + 0.05)
  local with_white = 1.05 / (lb + 0.05)
  return with_white > with_text and "#ffffff" or text_color
end

-- The look style(value, row, key, index) gives one body cell: nil, or
-- {color, weight, background}, each checked.
local function read_look(fn, v, row, c, index, text_color)
  local look = fn(v, row, c.key, index)
  if look == nil then return nil end
  local place = ("row %d, column '%s'"):format(index, tostring(c.key))
  if type(look) ~= "table" then
    errors.raise("%s: style gave %s for %s; it gives nil or {color, weight, background}", FN,
      errors.show(look), place)
  end
  local unknown = options.unknown_key(look, look_keys)
  if unknown ~= nil then
    errors.raise("%s: style gave an unknown key '%s' for %s (valid keys: background, color, weight)", FN,
      tostring(unknown), place)
  end
  local what = "style's %s for " .. place
  if look.color ~= nil then colour_or_fail(look.color, what:format("color")) end
  if look.background ~= nil then colour_or_fail(look.background, what:format("background")) end
  if look.weight ~= nil then
    local ok = false
    for _, w in ipairs(weights) do ok = ok or look.weight == w end
    if not ok then
      errors.raise("%s: %s must be one of %s; got %s", FN, what:format("weight"), table.concat(weights, ", "),
        errors.show(look.weight))
    end
  end
  local out = {color = look.color, weight = look.weight, background = look.background}
  if out.background and not out.color then out.color = text_on(out.background, text_color) end
  return out
end

-- The columns a totals or subtotals row sums (a set of column indexes):
-- every number column but the first, or those `keys` names, each a number
-- column of the table.
local function summed(columns, keys, where)
  local set = {}
  if not keys then
    for k, c in ipairs(columns) do
      if c.numeric and k > 1 then set[k] = true end
    end
    return set
  end
  local shown = {}
  for k, c in ipairs(columns) do shown[k] = tostring(c.key) end
  for i, key in ipairs(keys) do
    local found
    for k, c in ipairs(columns) do
      if c.key == key then found = k end
    end
    local at = ("%s.columns[%d]"):format(where, i)
    if not found then
      options.fail(FN, at, ("a column of the table (%s)"):format(table.concat(shown, ", ")), key)
    end
    if not columns[found].numeric then
      errors.raise("%s: option '%s': column '%s' does not hold numbers, so it has no sum", FN, at,
        tostring(key))
    end
    if found == 1 then
      errors.raise("%s: option '%s': column '%s' is the table's first column, where the row's label "
        .. "goes: its sum would not be shown", FN, at, tostring(key))
    end
    set[found] = true
  end
  return set
end

-- A row of sums of rows[from..to] in the columns of `set`, `label` in the
-- first cell.
local function sum_row(state, columns, rows, from, to, set, label, place)
  local cells = {}
  for k, c in ipairs(columns) do
    cells[k] = ""
    if set[k] then
      local sum = 0
      for r = from, to do sum = sum + (rows[r][c.key] or 0) end
      cells[k] = cell_text(state, c, sum, place)
    end
  end
  cells[1] = markup.escape(label)
  return cells
end

-- The runs of rows with the same value of `by`, in order: {value, from,
-- to}. A value met again after another is an error naming the rows.
local function runs_of(rows, by)
  local runs, seen = {}, {}
  for r, row in ipairs(rows) do
    local v = row[by]
    local key = (v == nil or v ~= v) and seen or v -- missing values (and NaN) group together
    local last = runs[#runs]
    if last and last.key == key then
      last.to = r
    else
      local before = seen[key]
      if before then
        local rows_before = before.from == before.to and ("row %d"):format(before.from)
          or ("rows %d to %d"):format(before.from, before.to)
        errors.raise("%s: subtotals: the rows of %s '%s' are not together (%s, then row %d): "
          .. "sort the rows by '%s' first", FN, tostring(by), v == nil and "–" or tostring(v), rows_before, r,
          tostring(by))
      end
      runs[#runs + 1] = {key = key, value = v, from = r, to = r}
      seen[key] = runs[#runs]
    end
  end
  return runs
end

-- The column groups: {title, first, last} by column position, each
-- group's columns side by side, each column in one group at most.
local function read_groups(given, columns)
  if #given == 0 or next(given, #given > 0 and #given or nil) ~= nil then
    local key = next(given)
    errors.raise("%s: groups must be a list of {title = ..., columns = {...}}; got %s", FN,
      key == nil and "an empty table" or ("a table with key '%s'"):format(tostring(key)))
  end
  local position, shown = {}, {}
  for k, c in ipairs(columns) do position[c.key], shown[k] = k, tostring(c.key) end
  local groups, owner = {}, {}
  for i, g in ipairs(given) do
    local where = ("groups[%d]"):format(i)
    local o = options.check(FN, g, group_spec, where)
    if o.title == false then errors.raise("%s: %s has no 'title'", FN, where) end
    if o.columns == false or #o.columns == 0 then
      options.fail(FN, where .. ".columns", "a list of the columns the group spans", o.columns or nil)
    end
    local first, last = math.huge, 0
    for j, key in ipairs(o.columns) do
      local k = position[key]
      if not k then
        options.fail(FN, ("%s.columns[%d]"):format(where, j),
          ("a column of the table (%s)"):format(table.concat(shown, ", ")), key)
      end
      if owner[k] then
        errors.raise("%s: column '%s' is in groups[%d] and %s: a column has one group at most", FN,
          tostring(key), owner[k], where)
      end
      owner[k] = i
      first, last = math.min(first, k), math.max(last, k)
    end
    if last - first + 1 ~= #o.columns then
      errors.raise("%s: %s: its columns are not side by side (the table's columns in order: %s)", FN, where,
        table.concat(shown, ", "))
    end
    groups[i] = {title = markup.escape(o.title), first = first, last = last}
  end
  table.sort(groups, function(a, b) return a.first < b.first end)
  local of = {}
  for gi, g in ipairs(groups) do
    for k = g.first, g.last do of[k] = gi end
  end
  return groups, of
end

--- rows_of.read(data, opts, style) -> {columns, header, cells, kind,
--- shade, looks, totals, groups, group_of}: the table's content. opts are
--- doc:table's options (checked); style the document's table style.
--- cells[i] is the i-th row shown (a body or a subtotal row, kind[i]
--- says which), each a list of markup texts by column; shade[i] says a
--- body row is zebra-shaded; looks[i][k] is a body cell's {color, weight,
--- background} from opts.style.
function rows_of.read(data, opts, style)
  local columns, rows, source = read_data(data, opts.columns)
  local state = {}
  local _ <close> = setmetatable({}, {__close = function()
    if state.scratch then state.scratch:close() end
  end})
  local t = {columns = columns, cells = {}, kind = {}, shade = {}, looks = {}}
  local subtotals, runs
  if opts.subtotals then
    subtotals = options.check(FN, opts.subtotals, subtotals_spec, "subtotals")
    if subtotals.by == false then
      errors.raise("%s: subtotals has no 'by' (the column whose groups it sums)", FN)
    end
    check_key(source.data, source.have, source.have_shown, subtotals.by, "subtotals.by")
    subtotals.set = summed(columns, subtotals.columns, "subtotals")
    runs = runs_of(rows, subtotals.by)
  else
    runs = {{from = 1, to = #rows}}
  end
  for _, run in ipairs(runs) do
    for r = run.from, run.to do
      local row, cells, looks = rows[r], {}, nil
      for k, c in ipairs(columns) do
        cells[k] = cell_text(state, c, row[c.key], ("row %d"):format(r))
        if opts.style then
          local look = read_look(opts.style, row[c.key], row, c, r, style.color)
          if look then
            looks = looks or {}
            looks[k] = look
          end
        end
      end
      local i = #t.cells + 1
      t.cells[i], t.kind[i], t.looks[i] = cells, "body", looks
      t.shade[i] = opts.zebra and (r - run.from) % 2 == 1
    end
    if subtotals and #rows > 0 then
      local label = subtotals.label or style.subtotals_label
      if type(label) == "function" then
        local value = label(run.value)
        if type(value) ~= "string" and type(value) ~= "number" then
          errors.raise("%s: subtotals.label gave %s for %s '%s'; it gives a string", FN, errors.show(value),
            tostring(subtotals.by), tostring(run.value))
        end
        label = tostring(value)
      end
      local i = #t.cells + 1
      t.cells[i] = sum_row(state, columns, rows, run.from, run.to, subtotals.set, label,
        ("the subtotal of rows %d to %d"):format(run.from, run.to))
      t.kind[i] = "subtotal"
    end
  end
  if opts.totals then
    local given = type(opts.totals) == "table" and options.check(FN, opts.totals, totals_spec, "totals") or {}
    t.totals = sum_row(state, columns, rows, 1, #rows, summed(columns, given.columns or nil, "totals"),
      given.label or style.totals_label, "the totals row")
  end
  t.header = {}
  for k, c in ipairs(columns) do t.header[k] = markup.escape(c.title) end
  if opts.groups then
    t.groups, t.group_of = read_groups(opts.groups, columns)
  end
  return t
end

return rows_of
