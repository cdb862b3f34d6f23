-- Tables for the flow layout: rows from a dataset or from Lua, one format
-- per column, figures right-aligned in tabular digits, Japanese wrapped
-- inside cells, zebra rows, a totals row, and the header row repeated on
-- every page the table runs onto. A table is a block (sumi.internal.layout.blocks)
-- that splits between rows.
local blocks = require "sumi.internal.layout.blocks"
local errors = require "sumi.internal.errors"
local template = require "sumi.template"
local format = require "sumi.format"
local markup = require "sumi.internal.layout.markup"
local options = require "sumi.internal.options"
local runtime = require "sumi.runtime"

local tables = {}

local Table = {kind = "table"}
Table.__index = Table

local column_spec = {key = {default = false, type = "string|number"}, title = {default = false,
  type = "string|number"},
                     format = {default = false, type = "string|function"},
                     width = {default = false, type = "number"},
                     align = {default = false, one_of = {"left", "center", "right"}}}

local totals_spec = {label = {default = false, type = "string"}, columns = {default = false, type = "table"}}

local function formatter(spec, where)
  if spec == false then return nil end
  if type(spec) == "function" then return spec end
  local fn = template.formats[spec]
  if not fn then
    local names = {}
    for name in pairs(template.formats) do names[#names + 1] = name end
    table.sort(names)
    options.fail("document:table", where, ("one of %s, or a function"):format(table.concat(names, ", ")),
      spec)
  end
  return fn
end

local function default_text(v)
  if v == nil then return "–" end
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

-- The columns and the rows as records, from a dataset, a list of records
-- (opts.columns required) or a list of arrays.
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
        errors.raise("document:table: row %d must be a table; got %s", i, errors.show(r))
      end
      rows[i] = r
    end
    if given == false then
      if rows[1] == nil or rows[1][1] == nil then
        errors.raise("document:table: give 'columns' for rows that are records")
      end
      for k = 1, #rows[1] do names[k] = k end
    end
  else
    errors.raise("document:table: the data must be a dataset or a table; got %s", errors.show(data))
  end
  local have, have_shown = known_columns(data, rows, names)
  local columns = {}
  for i, spec in ipairs(given or names) do
    if type(spec) ~= "table" then spec = {key = spec} end
    local c = options.check("document:table", spec, column_spec, ("columns[%d]"):format(i))
    if c.key == false then errors.raise(("document:table: column %d has no 'key'"):format(i)) end
    if have and not have[c.key] and type(data) == "userdata" then
      errors.raise("document:table: columns[%d]: no column '%s' in the data (its columns: %s)", i,
        tostring(c.key), have_shown)
    elseif have and not have[c.key] then
      errors.raise("document:table: columns[%d]: no row has a field '%s' (the rows' fields: %s)", i,
        tostring(c.key), have_shown)
    end
    c.title = c.title or tostring(c.key)
    c.format = formatter(c.format, ("columns[%d].format"):format(i))
    if numeric[c.key] == nil then
      local any, all = false, true
      for _, r in ipairs(rows) do
        local v = r[c.key]
        if v ~= nil then any = true; all = all and type(v) == "number" end
      end
      numeric[c.key] = any and all
    end
    c.numeric = numeric[c.key]
    c.align = c.align or (c.numeric and "right" or "left")
    columns[i] = c
  end
  return columns, rows
end

--- tables.new(data, opts, style) -> a table block. opts: columns, zebra,
--- totals, repeat_header, font size through style.
function tables.new(data, opts, style)
  local columns, rows = read_data(data, opts.columns)
  if type(opts.totals) == "table" then
    options.check("document:table", opts.totals, totals_spec, "totals")
  end
  local self = setmetatable({columns = columns, style = style, zebra = opts.zebra,
    repeat_header = opts.repeat_header, space_before = style.space_before,
    space_after = style.space_after, cache = {}}, Table)
  -- On a tagged PDF every piece of the table is one Table element.
  self.group = {role = "Table", id = {}}
  self.cells = {}
  for r, row in ipairs(rows) do
    local cells = {}
    for k, c in ipairs(columns) do
      local v = row[c.key]
      cells[k] = markup.escape(v == nil and "–" or (c.format and c.format(v) or default_text(v)))
    end
    self.cells[r] = cells
  end
  if opts.totals then
    local label = type(opts.totals) == "table" and opts.totals.label or style.totals_label
    local only = type(opts.totals) == "table" and opts.totals.columns
    local wanted = {}
    for _, key in ipairs(only or {}) do wanted[key] = true end
    local cells = {}
    for k, c in ipairs(columns) do
      cells[k] = ""
      if c.numeric and (only == nil or only == false or wanted[c.key]) and k > 1 then
        local sum = 0
        for _, row in ipairs(rows) do sum = sum + (row[c.key] or 0) end
        cells[k] = markup.escape(c.format and c.format(sum) or default_text(sum))
      end
    end
    cells[1] = markup.escape(label)
    self.totals = cells
  end
  self.header = {}
  for k, c in ipairs(columns) do self.header[k] = markup.escape(c.title) end
  self.from, self.to = 1, #self.cells
  return self
end

local function cell_options(ctx, style, c, bold, scale)
  return {font = style.font or ctx.style.font, size = style.size * (scale or 1), lang = ctx.lang,
          markup = true, weight = bold and "bold" or nil, features = c.numeric and "tnum" or nil,
          keep_words = bold or nil} -- headers wrap between words
end

-- The smallest text a table shrinks to so that it fits its width.
local MIN_SIZE = 6

-- Widths at one text scale, and the width the table needs at least:
-- fixed columns as given, figures at their natural width, text columns at
-- three characters.
local function widths_at(self, ctx, width, scale, wrap_headers)
  local pad, canvas = self.style.padding, ctx.canvas
  local natural, fixed_total, flexible = {}, 0, 0
  local narrowest = 3 * self.style.size * scale + 2 * pad
  for k, c in ipairs(self.columns) do
    local w = canvas:measure_text(self.header[k], cell_options(ctx, self.style, c, true, scale)).width
    if wrap_headers then w = math.min(w, narrowest - 2 * pad) end
    for _, cells in ipairs(self.cells) do
      w = math.max(w, canvas:measure_text(cells[k], cell_options(ctx, self.style, c, false, scale)).width)
    end
    if self.totals then
      w = math.max(w, canvas:measure_text(self.totals[k],
        cell_options(ctx, self.style, c, true, scale)).width)
    end
    natural[k] = c.width or (w + 2 * pad)
    if c.width or c.numeric then
      fixed_total = fixed_total + natural[k]
    else
      flexible = flexible + natural[k]
    end
  end
  local widths, need = {}, fixed_total
  local total = fixed_total + flexible
  for k, c in ipairs(self.columns) do
    if c.width then
      widths[k] = c.width
    elseif flexible > 0 then
      local share = c.numeric and natural[k] or (width - fixed_total) * natural[k] / flexible
      widths[k] = c.numeric and share or math.max(share, narrowest)
      if not c.numeric then need = need + math.min(natural[k], narrowest) end
    else
      widths[k] = natural[k] * width / total
    end
  end
  return widths, need
end

-- Column widths at this table width: fixed ones as given; the others from
-- their natural (unwrapped) widths, figures never squeezed, text columns
-- sharing what is left so that Japanese wraps inside them. A table that
-- cannot fit so (too many columns) wraps the headers of its figure
-- columns, then sets its text smaller, down to MIN_SIZE points, rather
-- than run off the page.
function Table:widths(ctx, width)
  if self.widths_of then return self.widths_of:widths(ctx, width) end
  local key = "w" .. width
  if self.cache[key] then return self.cache[key], self.cache["s" .. width] end
  local scale = 1
  local widths, need = widths_at(self, ctx, width, scale, false)
  if need > width + 0.01 then
    -- First the headers of figure columns wrap, then the text shrinks.
    widths, need = widths_at(self, ctx, width, scale, true)
    local least = math.min(1, MIN_SIZE / self.style.size)
    for _ = 1, 6 do
      if need <= width + 0.01 or scale <= least then break end
      scale = math.max(least, scale * width / need * 0.98)
      widths, need = widths_at(self, ctx, width, scale, true)
    end
  end
  if need > width + 0.01 and not ctx.quiet and not self.warned then
    self.warned = true
    runtime.warn(("a table is wider than its column even at %g pt (%.0f > %.0f pt): "
      .. "give it fewer or fixed-width columns"):format(MIN_SIZE, need, width))
  end
  self.cache[key], self.cache["s" .. width] = widths, scale
  return widths, scale
end

-- The height of one row of cells.
function Table:row_height(ctx, width, cells, bold)
  local key = "r" .. width .. "\0" .. table.concat(cells, "\0") .. (bold and "b" or "")
  if self.cache[key] then return self.cache[key] end
  local widths, scale = self:widths(ctx, width)
  local pad, h = self.style.padding, 0
  for k, c in ipairs(self.columns) do
    local o = cell_options(ctx, self.style, c, bold, scale)
    o.width = math.max(1, widths[k] - 2 * pad)
    h = math.max(h, ctx.canvas:measure_text(cells[k], o).height)
  end
  self.cache[key] = h + 2 * pad
  return h + 2 * pad
end

function Table:header_height(ctx, width)
  if self.from > 1 and not self.repeat_header then return 0 end
  return self:row_height(ctx, width, self.header, true)
end

function Table:height(ctx, width)
  local h = self:header_height(ctx, width)
  for r = self.from, self.to do h = h + self:row_height(ctx, width, self.cells[r]) end
  if self.totals and self.to == #self.cells then h = h + self:row_height(ctx, width, self.totals, true) end
  return h
end

-- A page may start with the header and this many rows (or all of them).
local MIN_ROWS = 2

function Table:min_height(ctx, width)
  local h = self:header_height(ctx, width)
  for r = self.from, math.min(self.to, self.from + MIN_ROWS - 1) do
    h = h + self:row_height(ctx, width, self.cells[r])
  end
  return h
end

function Table:piece(from, to)
  local p = setmetatable({}, Table)
  for k, v in pairs(self) do p[k] = v end
  p.from, p.to = from, to
  return p
end

-- Row r's cells cut where `avail` points of text end: each cell keeps the
-- whole lines that fit, the rest goes on. nil when no cell gains a line.
local function cut_row(self, ctx, width, cells, avail)
  local widths, scale = self:widths(ctx, width)
  local pad = self.style.padding
  local first, rest, gained = {}, {}, false
  for k, c in ipairs(self.columns) do
    local o = cell_options(ctx, self.style, c, false, scale)
    o.width = math.max(1, widths[k] - 2 * pad)
    local m = ctx.canvas:measure_text(cells[k], o)
    local lines = math.max(m.lines, 1)
    local n = math.floor((avail - 2 * pad) / (m.height / lines))
    if n >= lines or cells[k] == "" then
      first[k], rest[k] = cells[k], ""
    elseif n < 1 then
      first[k], rest[k] = "", cells[k]
    else
      local at = m.line_starts[n + 1]
      first[k], rest[k] = markup.range(cells[k], 1, at), markup.range(cells[k], at)
      gained = true
    end
  end
  if not gained then return nil end
  return first, rest
end

-- Splits between rows, at least MIN_ROWS on each side. `force` (the
-- table is at the top of a page and still does not fit) lifts that rule
-- and cuts a row taller than the room between lines of its cells, so a
-- long cell runs on onto the next page instead of off this one.
function Table:split(ctx, width, room, force)
  local h = self:header_height(ctx, width)
  local last = self.from - 1
  for r = self.from, self.to do
    local rh = self:row_height(ctx, width, self.cells[r])
    if h + rh > room then break end
    h, last = h + rh, r
  end
  local rows = self.to - self.from + 1
  local taken = last - self.from + 1
  if force and last < self.to then
    local r = last + 1
    local first_cells, rest_cells = cut_row(self, ctx, width, self.cells[r], room - h)
    if not first_cells then
      if taken == 0 then return nil end
    else
      local before, after = {}, {}
      for i, cells in pairs(self.cells) do before[i], after[i] = cells, cells end
      before[r], after[r] = first_cells, rest_cells
      local first = self:piece(self.from, r)
      first.cells, first.cache, first.space_after = before, {}, 0
      local rest = self:piece(r, self.to)
      rest.cells, rest.cache, rest.space_before, rest.continued = after, {}, 0, true
      -- The table's own widths, not ones recomputed from the cut cells.
      first.widths_of, rest.widths_of = self, self
      return first, rest
    end
  end
  -- At least MIN_ROWS on each side, unless the table is shorter than that.
  if not force and taken < math.min(MIN_ROWS, rows) then return nil end
  if not force and rows - taken < MIN_ROWS then last = self.to - MIN_ROWS end
  if last < self.from or (not force and last < self.from + math.min(MIN_ROWS, rows) - 1) then
    return nil
  end
  local rest = self:piece(last + 1, self.to)
  rest.space_before, rest.continued = 0, true
  local first = self:piece(self.from, last)
  first.space_after = 0
  return first, rest
end

-- A row of cells; on a tagged PDF a TR of cells of role cell_role (TH,
-- TD, or nil for none: a header repeated on a later page is an artifact).
function Table:draw_row(ctx, x, y, width, cells, bold, cell_role)
  local widths, scale = self:widths(ctx, width)
  local pad, c = self.style.padding, ctx.canvas
  local cx = x
  if cell_role then blocks.tag(ctx, "TR") end
  for k, col in ipairs(self.columns) do
    local o = cell_options(ctx, self.style, col, bold, scale)
    o.width = math.max(1, widths[k] - 2 * pad)
    o.align = col.align
    o.color = bold and self.header_color or self.style.color
    if cell_role then blocks.tag(ctx, cell_role, cell_role == "TH" and {scope = "column"} or nil) end
    c:text(cells[k], cx + pad, y + pad, o)
    if cell_role then blocks.untag(ctx, cell_role) end
    cx = cx + widths[k]
  end
  if cell_role then blocks.untag(ctx, "TR") end
end

local function rule(c, x, y, w, color, line_width)
  c:move_to(x, y)
  c:line_to(x + w, y)
  c:stroke{color = color, width = line_width}
end

function Table:draw(ctx, x, y, width)
  local c, s = ctx.canvas, self.style
  local widths = self:widths(ctx, width)
  local total_w = 0
  for _, w in ipairs(widths) do total_w = total_w + w end
  local hh = self:header_height(ctx, width)
  if hh > 0 then
    blocks.artifact(ctx, function()
      c:rect(x, y, total_w, hh)
      c:fill(s.header_fill)
    end)
    self.header_color = s.header_color
    -- The header again on a later page is an artifact: it was read once.
    local role = self.continued and "Artifact" or "THead"
    blocks.tag(ctx, role)
    self:draw_row(ctx, x, y, width, self.header, true, not self.continued and "TH" or nil)
    blocks.untag(ctx, role)
    y = y + hh
  end
  self.header_color = nil
  blocks.tag(ctx, "TBody")
  for r = self.from, self.to do
    local rh = self:row_height(ctx, width, self.cells[r])
    if self.zebra and r % 2 == 0 then
      blocks.artifact(ctx, function()
        c:rect(x, y, total_w, rh)
        c:fill(s.zebra_fill)
      end)
    end
    self:draw_row(ctx, x, y, width, self.cells[r], false, "TD")
    y = y + rh
    blocks.artifact(ctx, rule, c, x, y, total_w, s.rule, 0.5)
  end
  blocks.untag(ctx, "TBody")
  if self.totals and self.to == #self.cells then
    blocks.artifact(ctx, rule, c, x, y, total_w, s.color, 1)
    blocks.tag(ctx, "TFoot")
    self:draw_row(ctx, x, y, width, self.totals, true, "TD")
    blocks.untag(ctx, "TFoot")
  end
end

return tables
