-- Documents: multi-page reports built from headings, paragraphs, lists,
-- callouts, KPI tiles, figures and tables that flow onto pages
-- (sumi.internal.layout.flow), with page headers and footers, a table of contents,
-- a PDF outline, links and a list of sources. docs/API.md, "Documents".
--
--   local doc = sumi.document.new{size = "A4", title = "...", lang = "ja"}
--   doc:heading("概要", 1)
--   doc:paragraph("本文 <b>太字</b>")
--   doc:save()                      -- reports/<script>.pdf
local errors = require "sumi.internal.errors"
local blocks = require "sumi.internal.layout.blocks"
local markup = require "sumi.internal.layout.markup"
local locale = require "sumi.locale"
local tables = require "sumi.internal.layout.table"
local options = require "sumi.internal.options"
local style_of = require "sumi.internal.layout.style"
local canvas = require "sumi.canvas"
local runtime = require "sumi.runtime"
local unused = require "sumi.internal.unused"
local chart = require "sumi.chart"

local document = {}

local Document = {}
Document.__index = Document

local mm = canvas.mm

-- Page sizes in points, as canvas.pdf has them; "Letter" is accepted as
-- analysts write it.
local sizes = {
  A3 = {mm(297), mm(420)}, A4 = {mm(210), mm(297)}, A5 = {mm(148), mm(210)},
  B4 = {mm(257), mm(364)}, B5 = {mm(182), mm(257)}, letter = {612, 792}, Letter = {612, 792},
  legal = {612, 1008}, ["16:9"] = {720, 405}, ["4:3"] = {720, 540},
}

local text_option = {default = false, type = "string"}
local band_option = {default = true, type = "boolean|table|function"}

local new_spec = {
  size = {default = "A4", type = "string|table"}, margins = {default = false, type = "number|table"},
  title = text_option, author = text_option, subject = text_option, keywords = text_option,
  lang = locale.option("ja"), header = band_option,
  footer = band_option, first_page = {default = false, type = "table"}, date = {default = false,
    type = "number|string"},
  confidential = text_option, logo = text_option, numbering = {default = true, type = "boolean"},
  style = {default = false, type = "table"}, tagged = {default = true, type = "boolean"},
  pdfa = {default = false, type = "boolean"},
  workbook = {default = false, type = "boolean|string"},
}

local function page_size(size)
  if type(size) == "table" then
    local w, h = size[1] or size.width, size[2] or size.height
    if type(w) ~= "number" or type(h) ~= "number" or w < 72 or h < 72 or w > 14400 or h > 14400 then
      options.fail("document.new", "size", "{width, height} in points, 72 to 14400", size)
    end
    return w, h
  end
  local s = sizes[size]
  if not s then
    options.fail("document.new", "size",
      "one of A3, A4, A5, B4, B5, Letter, legal, 16:9, 4:3 or {width, height}",
      size)
  end
  return s[1], s[2]
end

local function read_margins(m, w, h)
  local slide = w > h
  local default = slide and 36 or mm(20)
  if m == false then
    return {top = slide and 40 or mm(22), right = default, bottom = slide and 36 or mm(20), left = default}
  end
  if type(m) == "number" then return {top = m, right = m, bottom = m, left = m} end
  local side = {default = default, type = "number", min = 0, max = math.min(w, h) / 3,
                what = "points from 0 to a third of the page"}
  return options.check("document.new", m, {top = side, right = side, bottom = side, left = side}, "margins")
end

local placeholders = {page = true, pages = true, title = true, date = true, section = true,
                      confidential = true}

-- A header or footer given as a table is checked here, so that a typo
-- ({pgae}) is an error at the script's line rather than when saving.
local function check_band(name, band)
  if type(band) == "boolean" or type(band) == "function" or band == nil then return end
  local parts = options.check("document.new", band,
    {left = text_option, center = text_option, right = text_option}, name)
  for _, key in ipairs({"left", "center", "right"}) do
    local text = parts[key]
    for placeholder in (text or ""):gmatch("{(%w+)}") do
      if not placeholders[placeholder] then
        errors.raise("document.new: unknown placeholder {%s} in '%s.%s' (valid: confidential, date, page, "
          .. "pages, section, title)", placeholder, name, key)
      end
    end
  end
end

--- document.new(options) -> a document. Options: size, margins, title,
--- author, subject, keywords, lang, header, footer, first_page, date,
--- confidential, logo, numbering, style, tagged, pdfa, workbook (true: an
--- Excel workbook of every doc:table beside the saved file, with its stem;
--- a string: the workbook's path).
function document.new(opts)
  local o = options.check("document.new", opts, new_spec)
  local w, h = page_size(o.size)
  check_band("header", o.header)
  check_band("footer", o.footer)
  if o.first_page ~= false then
    local first = options.check("document.new", o.first_page,
      {header = band_option, footer = band_option}, "first_page")
    if o.first_page.header ~= nil then check_band("first_page.header", first.header) end
    if o.first_page.footer ~= nil then check_band("first_page.footer", first.footer) end
  end
  local self = setmetatable({options = o, width = w, height = h, lang = o.lang,
    margins = read_margins(o.margins, w, h), style = style_of.new(o.style, w < h and 1 or 1.1),
    items = {}, headings = {}, figures = 0, source_list = {}, source_seen = {}, notes = {},
    counters = {0, 0, 0}},
    Document)
  self.words = locale.get(o.lang)
  -- nil: as `sumi render --pdfa` says
  if opts ~= nil and opts.pdfa ~= nil then self.pdfa = o.pdfa end
  if not self.style.table.totals_label then self.style.table.totals_label = self.words.total end
  if not self.style.table.subtotals_label then self.style.table.subtotals_label = self.words.subtotal end
  self.date = o.date or runtime.epoch()
  self.where = errors.where()
  unused.track(self, "document.new", self.where, function(doc) return #doc.items > 0 end)
  return self
end

local function add(self, block)
  -- What goes wrong when the block is drawn, at save time, is reported at
  -- the line that added it (runtime.blame).
  block.where = errors.where()
  self.items[#self.items + 1] = block
  return block
end

local function check_text(text, what)
  if type(text) ~= "string" then
    errors.raise("%s: the text must be a string; got %s", what, type(text))
  end
end

--- doc:heading(text, level [, {numbered}]) -> the heading's destination
--- name (for links: <a href="#NAME">).
function Document:heading(text, level, opts)
  check_text(text, "document:heading")
  level = level or 1
  if level ~= 1 and level ~= 2 and level ~= 3 then
    errors.raise("document:heading: the level must be 1, 2 or 3; got %s", errors.show(level))
  end
  local o = options.check("document:heading", opts, {numbered = {default = self.options.numbering,
    type = "boolean"}})
  local number
  if o.numbered then
    self.counters[level] = self.counters[level] + 1
    for l = level + 1, 3 do self.counters[l] = 0 end
    local parts = {}
    for l = 1, level do parts[l] = tostring(self.counters[l]) end
    number = table.concat(parts, ".")
  end
  local sep = self.words.heading_gap
  local h = blocks.heading{title = text, level = level, number = number,
    label = number and number .. sep .. text or text,
    destination = ("section-%d"):format(#self.headings + 1), style = self.style.heading[level]}
  self.headings[#self.headings + 1] = h
  add(self, h)
  return h.destination
end

-- Markup checked where the script adds it (the error at the script's
-- line), links turned into spans.
local function read_markup(self, text)
  local ok, converted, links = pcall(function()
    return markup.links(markup.check(text), self.style.link)
  end)
  if not ok then errors.raise(converted) end
  return converted, links
end

local function paragraph_block(self, text, style, opts)
  local converted, links = read_markup(self, text)
  return blocks.paragraph(converted, style, {links = links, marker = opts.marker,
    indent = opts.indent, group = opts.group})
end

--- doc:paragraph(text [, {size, color, align, weight, markup, lang}]):
--- Pango markup (markup = false for plain text), with <a href="URL">
--- links; lang for a paragraph in another language than the document's.
function Document:paragraph(text, opts)
  check_text(text, "document:paragraph")
  -- align, weight and size as the canvas takes them (sumi.text), checked
  -- here: a typo is an error at this line, not when the document is saved.
  local o = options.check("document:paragraph", opts, {
    size = {default = false, type = "number", min = 0.5, max = 2000},
    color = {default = false, type = "string"},
    align = {default = false, one_of = {"left", "center", "right", "justify"}},
    weight = {default = false, one_of = {"thin", "light", "normal", "medium", "semibold", "bold", "heavy"}},
    markup = {default = true, type = "boolean"}, lang = locale.option(false)})
  -- lang: a paragraph in another language than the document's, set with
  -- its fonts and line breaking and tagged with its language.
  local style = options.with(self.style.body, {size = o.size or nil, color = o.color or nil,
    align = o.align or nil, weight = o.weight or nil, lang = o.lang or nil})
  add(self, paragraph_block(self, o.markup and text or markup.escape(text), style, {}))
end

-- Bullets and number formats by depth: a nested list is told apart from
-- its parent at a glance.
local list_bullets = {"・", "◦", "▪"}
local list_numbers = {"%d.", "(%d)", "%d)"}
local list_keys = {numbered = {default = false, type = "boolean"}, start = {default = 1, type = "integer"},
                   marker = {default = false, type = "string"}}

local function add_list(self, items, o, depth, outer_indent, where)
  if depth > 3 then errors.raise("%s: lists nest at most 3 deep", where) end
  local style = options.with(self.style.body, {space_before = 1, space_after = 1})
  local indent = outer_indent + self.style.body.size * (o.numbered and 2 or 1.4)
  local number = o.start
  local blocks_added = {}
  -- One L element for the list and the lists nested in it.
  o.group = o.group or {role = "L", id = {}}
  for i, item in ipairs(items) do
    if type(item) == "table" then
      if i == 1 then
        errors.raise("%s: item 1 is a nested list: it must follow the item it belongs to", where)
      end
      local sub = {}
      for k, v in pairs(item) do if type(k) ~= "number" then sub[k] = v end end
      local so = options.check(where, sub, list_keys, ("items[%d]"):format(i))
      so.group = o.group
      for _, b in ipairs(add_list(self, item, so, depth + 1, indent, where)) do
        blocks_added[#blocks_added + 1] = b
      end
    else
      check_text(item, where)
      local marker = o.numbered and list_numbers[depth]:format(number) or o.marker or list_bullets[depth]
      number = number + 1
      local b = paragraph_block(self, item, style, {marker = marker, indent = indent, group = o.group})
      blocks_added[#blocks_added + 1] = b
    end
  end
  return blocks_added
end

--- doc:list(items [, {numbered, start, marker}]): one paragraph per item,
--- its bullet (or number) hanging in the margin. An item that is itself a
--- list (with its own numbered, start, marker) nests under the item before
--- it, up to three deep.
function Document:list(items, opts)
  if type(items) ~= "table" then
    errors.raise("document:list: the items must be a table; got %s", type(items))
  end
  local o = options.check("document:list", opts, list_keys)
  -- Added once the whole list is read: a bad item adds nothing.
  local added = add_list(self, items, o, 1, 0, "document:list")
  for _, b in ipairs(added) do add(self, b) end
  if #added > 0 then
    added[1].space_before = self.style.body.space_after
    added[#added].space_after = self.style.body.space_after
  end
end

local tones = {note = {"#eef3fa", "#1f5fbf"}, key = {"#edf7ef", "#2e8b57"},
               warning = {"#fdf3e6", "#d9822b"}}

--- doc:callout(text [, {title, tone = "note" | "key" | "warning"}]): a
--- boxed note that is never split between pages.
function Document:callout(text, opts)
  check_text(text, "document:callout")
  local o = options.check("document:callout", opts, {title = text_option,
    tone = {default = "note", one_of = {"note", "key", "warning"}}})
  local converted, links = read_markup(self, text)
  add(self, blocks.callout(converted, self.style.callout, {title = o.title or nil,
    fill = tones[o.tone][1], bar = tones[o.tone][2], links = links}))
end

--- doc:kpis(tiles [, {height, gap, border}]): KPI tiles side by side;
--- each tile is a chart.kpi or its options. Every figure of the row takes
--- one size, the largest at which each fits its tile.
function Document:kpis(tiles, opts)
  if type(tiles) ~= "table" or #tiles == 0 then
    errors.raise("document:kpis: the tiles must be a list of chart.kpi options or charts")
  end
  local o = options.check("document:kpis", opts, {
    height = {default = 86, type = "number", min = 20, max = 2000},
    gap = {default = 10, type = "number", min = 0, max = 1000},
    border = {default = "#d5dbe3", type = "string"}})
  local charts = {}
  for i, t in ipairs(tiles) do
    if type(t) == "table" and getmetatable(t) and t.draw then
      if t.kind ~= "kpi" then
        errors.raise("document:kpis: tiles[%d] must be a chart.kpi chart or its options; got a chart.%s "
          .. "chart", i, tostring(t.kind))
      end
      charts[i] = t
    elseif type(t) == "table" then
      charts[i] = chart.kpi(t)
    else
      errors.raise("document:kpis: tiles[%d] must be a chart.kpi chart or its options; got %s", i,
        errors.show(t))
    end
    unused.used(charts[i])
  end
  add(self, blocks.kpi_row(charts, {height = o.height, gap = o.gap, border = o.border or nil,
    space_before = self.style.figure.space_before, space_after = self.style.figure.space_after}))
end

local function note_source(self, text, url)
  if type(text) ~= "string" or text == "" or self.source_seen[text] then return end
  self.source_seen[text] = true
  self.source_list[#self.source_list + 1] = {text = text, url = url}
end

--- doc:figure(chart_or_png [, {caption, height, numbered}]): a chart (drawn
--- as vectors) or a PNG file, its caption kept on its page.
function Document:figure(what, opts)
  local o = options.check("document:figure", opts, {caption = text_option, height = {default = false,
    type = "number"},
    numbered = {default = true, type = "boolean"}, alt = text_option,
    decorative = {default = false, type = "boolean"}})
  if o.alt == "" then
    errors.raise("document:figure: option 'alt' is empty; describe the figure, or give decorative = true "
      .. "for a picture that says nothing")
  end
  if o.alt and o.decorative then
    errors.raise("document:figure: a decorative figure is not read, so it takes no 'alt'")
  end
  local f = {style = self.style.figure, figure_height = o.height or nil, alt = o.alt or nil,
    decorative = o.decorative}
  if type(what) == "string" then
    f.image = what
    if not o.alt and not o.decorative and self.options.tagged then
      errors.raise("document:figure: an image needs option 'alt' (what a screen reader says for it) "
        .. "or decorative = true in a tagged document")
    end
  elseif type(what) == "table" and what.draw then
    f.chart = what
    unused.used(what) -- the document draws it, or warns that it never will
    note_source(self, what.source)
  else
    errors.raise("document:figure: the figure must be a chart or a PNG path; got %s", type(what))
  end
  if o.caption then
    local caption = markup.escape(o.caption)
    if o.numbered then
      self.figures = self.figures + 1
      local prefix = self.words.figure:format(self.figures)
      caption = "<b>" .. prefix .. "</b>" .. caption
    end
    f.caption = caption
  end
  add(self, blocks.figure(f))
end

--- doc:table(data [, options]): a dataset or Lua rows as a table that
--- repeats its header on every page it runs onto. Options: columns
--- ({key, title, format, width, align, markup} each), zebra (default: the
--- style's table.zebra), totals, subtotals ({by, label, columns}), groups
--- ({title, columns} each), style (function(value, row, key, index) ->
--- nil or {color, weight, background}), repeat_header, caption, size.
function Document:table(data, opts)
  local o = options.check("document:table", opts, {columns = {default = false, type = "table"},
    zebra = {default = false, type = "boolean"}, totals = {default = false, type = "boolean|table"},
    subtotals = {default = false, type = "table"}, groups = {default = false, type = "table"},
    style = {default = false, type = "function"},
    repeat_header = {default = true, type = "boolean"}, caption = text_option,
    size = {default = false, type = "number", min = 1, max = 200}})
  local style = o.size and options.with(self.style.table, {size = o.size}) or self.style.table
  -- zebra: as the call says, else as the document's style does
  if opts == nil or opts.zebra == nil then o.zebra = style.zebra end
  local block = tables.new(data, o, style)
  if o.caption then
    local caption = blocks.paragraph("<b>" .. markup.escape(o.caption) .. "</b>", self.style.caption_above,
      {role = "Caption"})
    caption.keep_with_next = true
    add(self, caption)
  end
  add(self, block)
  if type(data) == "userdata" then note_source(self, data:meta().source) end
end

--- doc:discard(): the document is dropped: nothing is written, and the
--- end of the run does not warn that it was never saved.
function Document:discard()
  unused.used(self)
end

--- doc:page_break(): what follows starts a new page.
function Document:page_break()
  add(self, {kind = "page_break"})
end

--- doc:columns(count [, {gap, balance}] [, fn]): what follows flows in
--- columns until doc:end_columns() (or until fn, when given, returns);
--- balanced (columns ending level) when the section fits on its page.
function Document:columns(count, opts, fn)
  if type(opts) == "function" then opts, fn = nil, opts end
  if math.type(count) ~= "integer" or count < 1 or count > 4 then
    errors.raise("document:columns: the count must be 1 to 4; got %s", errors.show(count))
  end
  local o = options.check("document:columns", opts, {gap = {default = 18, type = "number"},
    balance = {default = true, type = "boolean"}})
  add(self, {kind = "columns", count = count, gap = o.gap, balance = o.balance,
             space_before = self.style.body.space_after})
  if fn then
    fn()
    self:end_columns()
  end
end

function Document:end_columns()
  add(self, {kind = "end_columns", space_before = self.style.body.space_after})
end

--- doc:source(text [, url]): adds a line to the sources list (datasets'
--- sources and charts' are added by doc:table and doc:figure).
function Document:source(text, url)
  check_text(text, "document:source")
  if url ~= nil and type(url) ~= "string" then
    errors.raise("document:source: the url must be a string; got %s", errors.show(url))
  end
  note_source(self, text, url)
end

--- doc:note(text) -> a marker to put in a paragraph ("<sup>注1</sup>"):
--- the note itself is printed, numbered, in the list of doc:sources().
function Document:note(text)
  check_text(text, "document:note")
  local converted, links = read_markup(self, text)
  self.notes[#self.notes + 1] = {text = converted, links = links}
  local n = #self.notes
  return ("<sup>%s</sup>"):format(self.words.note_mark:format(n))
end

--- doc:contents([{title, levels}]): the table of contents, here.
function Document:contents(opts)
  local o = options.check("document:contents", opts, {
    title = {default = self.words.contents, type = "string|boolean"},
    levels = {default = 2, type = "integer", min = 1, max = 3}})
  add(self, {kind = "contents_marker", title = o.title, levels = o.levels})
end

--- doc:sources([{title}]): the list of sources (gathered from the whole
--- document) and then the notes of doc:note.
function Document:sources(opts)
  local o = options.check("document:sources", opts, {
    title = {default = self.words.sources, type = "string|boolean"}})
  add(self, {kind = "sources_marker", title = o.title})
end

require("sumi.internal.document.pages").extend(Document, document)

return document
