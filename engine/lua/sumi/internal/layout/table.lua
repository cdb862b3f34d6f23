-- Tables for the flow layout: rows from a dataset or from Lua, one format
-- per column, figures in tabular digits lined up on their decimal point,
-- Japanese wrapped inside cells, zebra rows, cells coloured by a style
-- function, column groups under spanning titles, subtotal rows after each
-- group of rows and a totals row, and the header repeated on every page
-- the table runs onto. A table is a block (sumi.internal.layout.blocks)
-- that splits between rows. What it shows is read, and checked, by
-- sumi.internal.layout.table_rows.
local blocks = require "sumi.internal.layout.blocks"
local markup = require "sumi.internal.layout.markup"
local rows_of = require "sumi.internal.layout.table_rows"
local runtime = require "sumi.runtime"

local tables = {}

local Table = {kind = "table"}
Table.__index = Table

--- tables.new(data, opts, style) -> a table block. opts: doc:table's
--- options, checked, with zebra resolved (the call's, else the style's);
--- style: the document's table style (font size and colours).
function tables.new(data, opts, style)
  local t = rows_of.read(data, opts, style)
  local self = setmetatable({columns = t.columns, header = t.header, cells = t.cells, row_kind = t.kind,
    shade = t.shade, looks = t.looks, totals = t.totals, groups = t.groups, group_of = t.group_of,
    style = style, repeat_header = opts.repeat_header, space_before = style.space_before,
    space_after = style.space_after, cache = {}}, Table)
  -- the values themselves, for a document's workbook (document.new{workbook})
  self.data = data
  -- On a tagged PDF every piece of the table is one Table element.
  self.group = {role = "Table", id = {}}
  self.from, self.to = 1, #self.cells
  return self
end

-- Text options of a cell. `strong`: a header, subtotal or totals cell
-- (bold, wrapping between words); look: the cell's {weight} from the
-- table's style function.
local function cell_options(ctx, style, c, strong, scale, look)
  return {font = style.font or ctx.style.font, size = style.size * (scale or 1), lang = ctx.lang,
          markup = true, weight = look and look.weight or (strong and "bold" or nil),
          features = c.numeric and "tnum" or nil, keep_words = strong or nil}
end

-- The row's kind says how it is set: subtotal rows in bold.
local function strong_row(self, i)
  return self.row_kind[i] == "subtotal"
end

-- The smallest text a table shrinks to so that it fits its width.
local MIN_SIZE = 6

-- Where a figure's text lines up: the plain position of its decimal
-- point, or where the point would be (after the last digit: "1,234",
-- "1兆2,864億円", "(1,234)"), nil for a text without digits ("–").
local function anchor_of(plain)
  local point
  for at in plain:gmatch("%d()%.%d") do point = at end
  if point then return point end
  local last
  for at in plain:gmatch("%d()") do last = at end
  return last
end

-- The width of what follows a cell's anchor: its decimals and unit
-- (".5%", "億円", ")"); 0 for none.
local function after_width(ctx, text, opts)
  local plain = markup.plain(text)
  local at = anchor_of(plain)
  if not at or at > #plain then return 0 end
  return ctx.canvas:measure_text(markup.range(text, at), opts).width
end

-- For each column aligned on the decimal point, at one text scale: the
-- width after the anchor of each cell (rows by index, and the totals row)
-- and the widest before and after it. Rows cut between pages share their
-- table's.
function Table:decimals(ctx, scale)
  if self.widths_of then return self.widths_of:decimals(ctx, scale) end
  local key = "d" .. scale
  if self.cache[key] then return self.cache[key] end
  local d = {rows = {}, totals = {}, before = {}, after = {}}
  local canvas = ctx.canvas
  for k, c in ipairs(self.columns) do
    if c.align == "decimal" then
      local before, after = 0, 0
      local function add(text, strong, look)
        local opts = cell_options(ctx, self.style, c, strong, scale, look)
        local a = after_width(ctx, text, opts)
        before = math.max(before, canvas:measure_text(text, opts).width - a)
        after = math.max(after, a)
        return a
      end
      for i, cells in ipairs(self.cells) do
        d.rows[i] = d.rows[i] or {}
        d.rows[i][k] = add(cells[k], strong_row(self, i), self.looks[i] and self.looks[i][k])
      end
      if self.totals then d.totals[k] = add(self.totals[k], true) end
      d.before[k], d.after[k] = before, after
    end
  end
  self.cache[key] = d
  return d
end

-- Widths at one text scale, and the width the table needs at least:
-- fixed columns as given, figures at their natural width, text columns at
-- three characters; the columns under a group title widened to it when
-- it is wider than they are (unless headers wrap).
local function widths_at(self, ctx, width, scale, wrap_headers)
  local pad, canvas, style = self.style.padding, ctx.canvas, self.style
  local natural, fixed_total, flexible = {}, 0, 0
  local narrowest = 3 * style.size * scale + 2 * pad
  local decimals = self:decimals(ctx, scale)
  for k, c in ipairs(self.columns) do
    local w = canvas:measure_text(self.header[k], cell_options(ctx, style, c, true, scale)).width
    if wrap_headers then w = math.min(w, narrowest - 2 * pad) end
    if c.align == "decimal" then
      w = math.max(w, decimals.before[k] + decimals.after[k])
    else
      for i, cells in ipairs(self.cells) do
        local look = self.looks[i] and self.looks[i][k]
        w = math.max(w, canvas:measure_text(cells[k], cell_options(ctx, style, c, strong_row(self, i), scale,
          look)).width)
      end
      if self.totals then
        w = math.max(w, canvas:measure_text(self.totals[k], cell_options(ctx, style, c, true, scale)).width)
      end
    end
    natural[k] = c.width or (w + 2 * pad)
  end
  for _, g in ipairs(not wrap_headers and self.groups or {}) do
    local title_options = cell_options(ctx, style, self.columns[g.first], true, scale)
    local need = canvas:measure_text(g.title, title_options).width + 2 * pad
    local have, free = 0, 0
    for k = g.first, g.last do
      have = have + natural[k]
      if not self.columns[k].width then free = free + 1 end
    end
    if need > have and free > 0 then
      for k = g.first, g.last do
        if not self.columns[k].width then natural[k] = natural[k] + (need - have) / free end
      end
    end
  end
  for k, c in ipairs(self.columns) do
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

-- The height of one row of cells; looks: its cells' {weight}, if any.
function Table:row_height(ctx, width, cells, strong, looks)
  local key = "r" .. width .. "\0" .. table.concat(cells, "\0") .. (strong and "b" or "")
  for k in ipairs(looks and self.columns or {}) do
    if looks[k] and looks[k].weight then key = key .. "\0" .. k .. looks[k].weight end
  end
  if self.cache[key] then return self.cache[key] end
  local widths, scale = self:widths(ctx, width)
  local pad, h = self.style.padding, 0
  for k, c in ipairs(self.columns) do
    local o = cell_options(ctx, self.style, c, strong, scale, looks and looks[k])
    o.width = math.max(1, widths[k] - 2 * pad)
    h = math.max(h, ctx.canvas:measure_text(cells[k], o).height)
  end
  self.cache[key] = h + 2 * pad
  return h + 2 * pad
end

-- Body row i's height.
function Table:body_height(ctx, width, i)
  return self:row_height(ctx, width, self.cells[i], strong_row(self, i), self.looks[i])
end

-- The column groups' x offsets and widths: {x, width} for each group.
local function group_spans(self, widths)
  local spans, x = {}, 0
  local starts = {}
  for k, w in ipairs(widths) do starts[k], x = x, x + w end
  for gi, g in ipairs(self.groups) do
    spans[gi] = {x = starts[g.first], width = starts[g.last] + widths[g.last] - starts[g.first]}
  end
  return spans
end

-- The height of the row of group titles above the column titles (0
-- without groups).
function Table:group_height(ctx, width)
  if not self.groups then return 0 end
  local key = "g" .. width
  if self.cache[key] then return self.cache[key] end
  local widths, scale = self:widths(ctx, width)
  local pad, h = self.style.padding, 0
  for gi, span in ipairs(group_spans(self, widths)) do
    local g = self.groups[gi]
    local o = cell_options(ctx, self.style, self.columns[g.first], true, scale)
    o.width = math.max(1, span.width - 2 * pad)
    h = math.max(h, ctx.canvas:measure_text(g.title, o).height)
  end
  self.cache[key] = h + 2 * pad
  return h + 2 * pad
end

function Table:header_height(ctx, width)
  if self.from > 1 and not self.repeat_header then return 0 end
  return self:group_height(ctx, width) + self:row_height(ctx, width, self.header, true)
end

function Table:height(ctx, width)
  local h = self:header_height(ctx, width)
  for i = self.from, self.to do h = h + self:body_height(ctx, width, i) end
  if self.totals and self.to == #self.cells then h = h + self:row_height(ctx, width, self.totals, true) end
  return h
end

-- A page may start with the header and this many rows (or all of them).
local MIN_ROWS = 2

function Table:min_height(ctx, width)
  local h = self:header_height(ctx, width)
  for i = self.from, math.min(self.to, self.from + MIN_ROWS - 1) do
    h = h + self:body_height(ctx, width, i)
  end
  return h
end

function Table:piece(from, to)
  local p = setmetatable({}, Table)
  for k, v in pairs(self) do p[k] = v end
  p.from, p.to = from, to
  return p
end

-- Row i's cells cut where `avail` points of text end: each cell keeps the
-- whole lines that fit, the rest goes on. nil when no cell gains a line.
local function cut_row(self, ctx, width, i, avail)
  local cells = self.cells[i]
  local widths, scale = self:widths(ctx, width)
  local pad = self.style.padding
  local first, rest, gained = {}, {}, false
  for k, c in ipairs(self.columns) do
    local o = cell_options(ctx, self.style, c, strong_row(self, i), scale, self.looks[i] and self.looks[i][k])
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

-- Splits between rows, at least MIN_ROWS on each side, and not between a
-- subtotal row and the row before it when another place will do. `force`
-- (the table is at the top of a page and still does not fit) lifts that
-- rule and cuts a row taller than the room between lines of its cells, so
-- a long cell runs on onto the next page instead of off this one.
function Table:split(ctx, width, room, force)
  local h = self:header_height(ctx, width)
  local last = self.from - 1
  for i = self.from, self.to do
    local rh = self:body_height(ctx, width, i)
    if h + rh > room then break end
    h, last = h + rh, i
  end
  local rows = self.to - self.from + 1
  local taken = last - self.from + 1
  if force and last < self.to then
    local r = last + 1
    local first_cells, rest_cells = cut_row(self, ctx, width, r, room - h)
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
  -- A subtotal row goes with the last row it sums.
  local before_subtotal = last < self.to and self.row_kind[last + 1] == "subtotal"
  if not force and before_subtotal and last - 1 >= self.from + MIN_ROWS - 1 then last = last - 1 end
  if last < self.from or (not force and last < self.from + math.min(MIN_ROWS, rows) - 1) then
    return nil
  end
  local rest = self:piece(last + 1, self.to)
  rest.space_before, rest.continued = 0, true
  local first = self:piece(self.from, last)
  first.space_after = 0
  return first, rest
end

-- The cell tags of a tagged PDF: role (TH, TD, or nil for none: a header
-- repeated on a later page is an artifact) and its attributes.
local function tagged_cell(ctx, role, attrs, draw)
  if role then blocks.tag(ctx, role, attrs) end
  draw()
  if role then blocks.untag(ctx, role) end
end

-- Draws cells[k] in column k of a row at y: its width, alignment (on the
-- decimal point: right-aligned, less the room the column keeps for what
-- follows the point that this cell lacks), weight and colour.
function Table:draw_cell(ctx, k, x, y, widths, scale, text, o)
  local pad, col = self.style.padding, self.columns[k]
  local to = cell_options(ctx, self.style, col, o.strong, scale, o.look)
  to.width = math.max(1, widths[k] - 2 * pad)
  to.align = col.align == "decimal" and "right" or col.align
  if col.align == "decimal" and o.after then
    local d = self:decimals(ctx, scale)
    to.width = math.max(1, to.width - (d.after[k] - (o.after[k] or 0)))
  end
  to.color = o.look and o.look.color or o.color
  ctx.canvas:text(text, x + pad, y + pad, to)
end

-- A row of cells; on a tagged PDF a TR of cells of role cell_role (TH,
-- TD, or nil for none). opts: strong, color, looks (by column), after
-- (by column: the widths after the decimal point).
function Table:draw_row(ctx, x, y, width, cells, cell_role, opts)
  local widths, scale = self:widths(ctx, width)
  local cx = x
  if cell_role then blocks.tag(ctx, "TR") end
  for k in ipairs(self.columns) do
    local attrs = cell_role == "TH" and {scope = "column"} or nil
    tagged_cell(ctx, cell_role, attrs, function()
      self:draw_cell(ctx, k, cx, y, widths, scale, cells[k], {strong = opts.strong, color = opts.color,
        look = opts.looks and opts.looks[k], after = opts.after})
    end)
    cx = cx + widths[k]
  end
  if cell_role then blocks.untag(ctx, "TR") end
end

local function rule(c, x, y, w, color, line_width)
  c:move_to(x, y)
  c:line_to(x + w, y)
  c:stroke{color = color, width = line_width}
end

-- The header: with column groups, a row of group titles (each over its
-- columns, a rule under it) above the column titles. Tagged, the first
-- TR holds each group's TH spanning its columns and the TH of each
-- column outside a group, spanning both rows; the second TR the TH of
-- each grouped column. cell_role nil: untagged (a repeated header).
function Table:draw_header(ctx, x, y, width, cell_role)
  local s, c = self.style, ctx.canvas
  if not self.groups then
    self:draw_row(ctx, x, y, width, self.header, cell_role, {strong = true, color = s.header_color})
    return
  end
  local widths, scale = self:widths(ctx, width)
  local gh = self:group_height(ctx, width)
  local spans = group_spans(self, widths)
  local pad = s.padding
  local o = {strong = true, color = s.header_color}
  local starts, cx = {}, x
  for k, w in ipairs(widths) do starts[k], cx = cx, cx + w end
  if cell_role then blocks.tag(ctx, "TR") end
  for k in ipairs(self.columns) do
    local gi = self.group_of[k]
    if gi == nil then
      tagged_cell(ctx, cell_role, {scope = "column", rowspan = 2}, function()
        self:draw_cell(ctx, k, starts[k], y + gh, widths, scale, self.header[k], o)
      end)
    elseif self.groups[gi].first == k then
      local g, span = self.groups[gi], spans[gi]
      local attrs = {scope = "column", colspan = g.last - g.first + 1}
      tagged_cell(ctx, cell_role, attrs, function()
        local to = cell_options(ctx, s, self.columns[k], true, scale)
        to.width, to.align, to.color = math.max(1, span.width - 2 * pad), "center", s.header_color
        c:text(g.title, x + span.x + pad, y + pad, to)
      end)
      -- an artifact of its own, unless the whole header is one
      local draw_rule = cell_role and blocks.artifact or function(_, fn, ...) fn(...) end
      draw_rule(ctx, rule, c, x + span.x + pad, y + gh - pad * 0.5, span.width - 2 * pad, s.group_rule, 0.75)
    end
  end
  if cell_role then
    blocks.untag(ctx, "TR")
    blocks.tag(ctx, "TR")
  end
  for k in ipairs(self.columns) do
    if self.group_of[k] then
      tagged_cell(ctx, cell_role, {scope = "column"}, function()
        self:draw_cell(ctx, k, starts[k], y + gh, widths, scale, self.header[k], o)
      end)
    end
  end
  if cell_role then blocks.untag(ctx, "TR") end
end

function Table:draw(ctx, x, y, width)
  local c, s = ctx.canvas, self.style
  local widths, scale = self:widths(ctx, width)
  local total_w = 0
  for _, w in ipairs(widths) do total_w = total_w + w end
  local hh = self:header_height(ctx, width)
  if hh > 0 then
    blocks.artifact(ctx, function()
      c:rect(x, y, total_w, hh)
      c:fill(s.header_fill)
    end)
    -- The header again on a later page is an artifact: it was read once.
    local role = self.continued and "Artifact" or "THead"
    blocks.tag(ctx, role)
    self:draw_header(ctx, x, y, width, not self.continued and "TH" or nil)
    blocks.untag(ctx, role)
    y = y + hh
  end
  local decimals = self:decimals(ctx, scale)
  blocks.tag(ctx, "TBody")
  for i = self.from, self.to do
    local rh = self:body_height(ctx, width, i)
    local subtotal = self.row_kind[i] == "subtotal"
    local fill = subtotal and s.subtotal_fill or (self.shade[i] and s.zebra_fill)
    local looks = self.looks[i]
    blocks.artifact(ctx, function()
      if fill then
        c:rect(x, y, total_w, rh)
        c:fill(fill)
      end
      local cx = x
      for k, w in ipairs(widths) do
        if looks and looks[k] and looks[k].background then
          c:rect(cx, y, w, rh)
          c:fill(looks[k].background)
        end
        cx = cx + w
      end
      if subtotal then rule(c, x, y, total_w, s.rule, 0.75) end
    end)
    self:draw_row(ctx, x, y, width, self.cells[i], "TD", {strong = subtotal, color = s.color, looks = looks,
      after = decimals.rows[i]})
    y = y + rh
    blocks.artifact(ctx, rule, c, x, y, total_w, s.rule, subtotal and 0.75 or 0.5)
  end
  blocks.untag(ctx, "TBody")
  if self.totals and self.to == #self.cells then
    blocks.artifact(ctx, rule, c, x, y, total_w, s.color, 1)
    blocks.tag(ctx, "TFoot")
    self:draw_row(ctx, x, y, width, self.totals, "TD",
      {strong = true, color = s.color, after = decimals.totals})
    blocks.untag(ctx, "TFoot")
  end
end

return tables
