-- The second half of sumi.document: laying the blocks out on pages (again
-- until the table of contents settles), page headers and footers, the
-- outline, and writing the PDF, its PNG previews, a trace or a PowerPoint
-- deck (sumi.internal.document.deck).
local blocks = require "sumi.internal.layout.blocks"
local deck = require "sumi.internal.document.deck"
local flow = require "sumi.internal.layout.flow"
local markup = require "sumi.internal.layout.markup"
local options = require "sumi.internal.options"
local canvas = require "sumi.canvas"
local errors = require "sumi.internal.errors"
local format = require "sumi.format"
local runtime = require "sumi.runtime"
local subset = require "sumi.subset"
local unused = require "sumi.internal.unused"

local pages = {}

---------------------------------------------------------------- contents

local Contents = {kind = "contents"}
Contents.__index = Contents

-- One entry per listed heading: its label indented by level, a dotted
-- leader and the page number where the last layout put the heading.
local function entry_parts(self, ctx, width, h)
  local indent = (h.level - 1) * self.style.size * 1.5
  local number_w = self.style.size * 3
  local text_w = math.max(1, width - indent - number_w - 6)
  local m = ctx.canvas:measure_text(markup.escape(h.label), blocks.text_options(ctx, self.style,
    {markup = true, width = text_w, weight = h.level == 1 and "bold" or nil}))
  return indent, text_w, m
end

function Contents:entry_height(ctx, width, h)
  local _, _, m = entry_parts(self, ctx, width, h)
  return m.height + (h.level == 1 and 3 or 1)
end

function Contents:height(ctx, width)
  local total = 0
  for i = self.from, self.to do total = total + self:entry_height(ctx, width, self.entries[i]) end
  return total
end

function Contents:min_height(ctx, width)
  return self.from <= self.to and self:entry_height(ctx, width, self.entries[self.from]) or 0
end

function Contents:split(ctx, width, room)
  local h, last = 0, self.from - 1
  for i = self.from, self.to do
    local eh = self:entry_height(ctx, width, self.entries[i])
    if h + eh > room then break end
    h, last = h + eh, i
  end
  if last < self.from then return nil end
  local first = setmetatable(options.with(self, {to = last, space_after = 0}), Contents)
  local rest = setmetatable(options.with(self, {from = last + 1, space_before = 0}), Contents)
  return first, rest
end

function Contents:draw(ctx, x, y, width)
  local c = ctx.canvas
  for i = self.from, self.to do
    local h = self.entries[i]
    local indent, text_w, m = entry_parts(self, ctx, width, h)
    local opts = blocks.text_options(ctx, self.style, {weight = h.level == 1 and "bold" or nil})
    -- On a tagged PDF: a TOCI holding a Link around the entry's text,
    -- leader and page number.
    blocks.tag(ctx, "TOCI")
    blocks.tag(ctx, "Link", {box = {x, y, width, m.height}, dest = h.destination, text = h.label})
    c:text(markup.escape(h.label), x + indent, y, options.with(opts, {markup = true, width = text_w}))
    local page = tostring(ctx.pages[h.destination] or "")
    c:text(page, x + width, y, options.with(opts, {anchor = "top-right", features = "tnum"}))
    -- The leader runs from the end of a one-line entry to the number.
    if m.lines == 1 then
      local line_w = c:measure_text(markup.escape(h.label), options.with(opts, {markup = true})).width
      local page_w = c:measure_text(page, opts).width
      local base = y + m.baseline
      if x + width - page_w - 4 > x + indent + line_w + 4 then
        c:move_to(x + indent + line_w + 4, base)
        c:line_to(x + width - page_w - 4, base)
        c:stroke{color = self.style.leader, width = 0.8, dash = {0.8, 2.4}, cap = "round"}
      end
    end
    if ctx.tags then
      blocks.untag(ctx, "Link")
      blocks.untag(ctx, "TOCI")
    else
      c:link(x, y, width, m.height, {dest = h.destination, text = h.label})
    end
    y = y + self:entry_height(ctx, width, h)
  end
end

-- The blocks of the document with the contents and sources markers
-- replaced by what they hold now that every heading and source is known.
local function expand(doc)
  local out, made = {}, {}
  -- Destination names must be unique: a second contents gets "contents-2".
  local function unique(name)
    made[name] = (made[name] or 0) + 1
    return made[name] == 1 and name or ("%s-%d"):format(name, made[name])
  end
  for _, b in ipairs(doc.items) do
    if b.kind == "contents_marker" then
      local title = blocks.heading{label = b.title, title = b.title, level = 1,
        destination = unique("contents"), style = doc.style.heading[1]}
      title.unlisted = true
      out[#out + 1] = title
      local entries = {}
      for _, h in ipairs(doc.headings) do
        if h.level <= b.levels then entries[#entries + 1] = h end
      end
      out[#out + 1] = setmetatable({entries = entries, from = 1, to = #entries,
        style = doc.style.contents, space_before = 0, space_after = doc.style.body.space_after * 2,
        group = {role = "TOC", id = {}}}, Contents)
    elseif b.kind == "sources_marker" then
      if b.title then -- title = false: the list alone, under the script's own heading
        local title = blocks.heading{label = b.title, title = b.title, level = 2,
          destination = unique("sources"), style = doc.style.heading[2]}
        title.unlisted = true
        out[#out + 1] = title
      end
      local style = options.with(doc.style.body, {size = doc.style.body.size * 0.9,
        space_before = 1, space_after = 1})
      local list = {role = "L", id = {}}
      for i, s in ipairs(doc.source_list) do
        local text = markup.escape(s.text)
        if s.url then
          text = text .. " " .. ('<a href="%s">%s</a>'):format(markup.escape(s.url), markup.escape(s.url))
        end
        local converted, links = markup.links(text, doc.style.link)
        out[#out + 1] = blocks.paragraph(converted, style, {marker = ("[%d]"):format(i),
          indent = style.size * 2.2, links = links, group = list})
      end
      local notes = {role = "L", id = {}}
      for i, n in ipairs(doc.notes) do
        out[#out + 1] = blocks.paragraph(n.text, style, {links = n.links, group = notes,
          marker = doc.words.note_mark:format(i), indent = style.size * 2.2})
      end
    else
      out[#out + 1] = b
    end
  end
  return out
end

---------------------------------------------------------------- headers and footers

local function fill_placeholders(text, info)
  return (text:gsub("{(%w+)}", function(name)
    local v = info[name]
    if v == nil then
      error(("unknown placeholder {%s} in a page header or footer (valid: page, pages, title, " ..
        "date, section, confidential)"):format(name), 0)
    end
    return tostring(v)
  end))
end

local function default_band(doc, which)
  if which == "header" then
    return {left = doc.options.title and "{title}" or "", right = "{section}"}
  end
  return {left = doc.options.confidential and "{confidential}" or "", center = "{date}",
          right = doc.words.page}
end

-- Draws a header or footer: true for the default, a table {left, center,
-- right} of texts with placeholders, or a function (canvas, info) that
-- draws it itself.
local function band_contents(doc, ctx, band, which, info)
  local c, s, m = ctx.canvas, doc.style.page, doc.margins
  local box_x, box_w = m.left, doc.width - m.left - m.right
  local y = which == "header" and m.top - s.size * 2.6 or doc.height - m.bottom + s.size * 1.4
  if type(band) == "function" then
    band(c, options.with(info, {x = box_x, y = y, width = box_w}))
    return
  end
  if band == true then band = default_band(doc, which) end
  local parts = options.check("document.new", band, {left = false, center = false, right = false}, which)
  local text_opts = {size = s.size, color = s.color, lang = doc.lang, font = doc.style.font}
  local left_x = box_x
  if which == "header" and doc.options.logo then
    -- The logo is fitted (and centred) in a slot 7 text heights wide; the
    -- header text starts after the part of the slot it covers.
    local slot = s.size * 7
    local w = c:image(doc.options.logo, box_x, y - 2, slot, s.size * 1.8)
    left_x = box_x + (slot + w) / 2 + 6
  end
  if parts.left and parts.left ~= "" then
    c:text(fill_placeholders(parts.left, info), left_x, y, text_opts)
  end
  if parts.center and parts.center ~= "" then
    c:text(fill_placeholders(parts.center, info), box_x + box_w / 2, y,
      options.with(text_opts, {anchor = "top"}))
  end
  if parts.right and parts.right ~= "" then
    c:text(fill_placeholders(parts.right, info), box_x + box_w, y,
      options.with(text_opts, {anchor = "top-right"}))
  end
  local rule_y = which == "header" and y + s.size * 1.8 or y - s.size * 0.6
  c:move_to(box_x, rule_y)
  c:line_to(box_x + box_w, rule_y)
  c:stroke{color = s.rule, width = 0.5}
end

-- Running heads and page numbers are artifacts: not read as the text.
local function draw_band(doc, ctx, band, which, info)
  if band == false then return end
  if doc.where and doc.where ~= "" then
    runtime.blame(doc.where, blocks.artifact, ctx, band_contents, doc, ctx, band, which, info)
  else
    blocks.artifact(ctx, band_contents, doc, ctx, band, which, info)
  end
end

---------------------------------------------------------------- layout

local function text_area(doc)
  local m = doc.margins
  return function()
    return {x = m.left, y = m.top, width = doc.width - m.left - m.right,
            height = doc.height - m.top - m.bottom}
  end
end

-- Lays the document out until the page of every heading is the one the
-- contents printed: the contents can push headings onto later pages.
local function layout(doc, target)
  local ctx = {canvas = target, style = doc.style, lang = doc.lang, pages = {}}
  local list = expand(doc)
  local result
  for _ = 1, 6 do
    result = flow.paginate(ctx, list, text_area(doc))
    local found, changed = {}, false
    for _, page in ipairs(result) do
      for _, item in ipairs(page.items) do
        if item.block.kind == "heading" then found[item.block.destination] = page.number end
      end
    end
    for k, v in pairs(found) do if ctx.pages[k] ~= v then changed = true end end
    ctx.pages = found
    if not changed then return result, ctx end
  end
  runtime.warn("the table of contents did not settle after 6 layouts; its page numbers may be off")
  return result, ctx
end

local function band_for(doc, which, n)
  local first = doc.options.first_page
  if n == 1 and first then
    local v = first[which]
    if v ~= nil then return v end
  end
  return doc.options[which]
end

local function draw_pages(doc, ctx, result, page_canvas)
  local info = {pages = #result, title = doc.options.title or "",
    confidential = doc.options.confidential or "",
    date = type(doc.date) == "number" and (doc.lang == "en" and format.date_iso(doc.date)
      or format.date(doc.date, {lang = doc.lang})) or tostring(doc.date)}
  local section, last_outline, outline_canvas = "", {}, nil
  for _, page in ipairs(result) do
    ctx.canvas = page_canvas(page.number)
    if page.number == 1 then blocks.tag(ctx, "Document") end
    local headings, first_section = {}, nil
    for _, item in ipairs(page.items) do
      local b = item.block
      if b.kind == "heading" and not b.unlisted then
        headings[#headings + 1] = b
        if b.level == 1 and not first_section then first_section = b.title end
      end
    end
    -- The running head names the first section that starts on the page,
    -- or the one the page continues.
    info.page, info.section = page.number, first_section or section
    -- A deck (ctx.deck, sumi.internal.document.deck) draws the bands as the
    -- slide's background and each block as a shape of its own.
    local function draw_bands()
      draw_band(doc, ctx, band_for(doc, "header", page.number), "header", info)
      draw_band(doc, ctx, band_for(doc, "footer", page.number), "footer", info)
    end
    if ctx.deck then
      ctx.deck.page(page, function(c)
        ctx.canvas = c
        draw_bands()
      end)
    else
      draw_bands()
    end
    for _, item in ipairs(page.items) do
      local b = item.block
      if b.draw then
        local function draw_item()
          blocks.enter_group(ctx, b.group)
          if b.where and b.where ~= "" then
            runtime.blame(b.where, b.draw, b, ctx, item.x, item.y, item.width, item.height)
          else
            b:draw(ctx, item.x, item.y, item.width, item.height)
          end
        end
        if ctx.deck then
          ctx.deck.item(item, function(c)
            ctx.canvas = c
            draw_item()
          end, ctx)
        else
          draw_item()
        end
      end
    end
    -- Outline entries follow the headings' order; each under the nearest
    -- heading of a higher level before it. Outline ids belong to a canvas:
    -- PNG pages are a canvas each, so the parents start again on each.
    if ctx.canvas ~= outline_canvas then
      outline_canvas = ctx.canvas
      for l in pairs(last_outline) do last_outline[l] = nil end
    end
    for _, h in ipairs(ctx.deck and {} or headings) do -- a slide has no outline
      local parent = 0
      for l = h.level - 1, 1, -1 do
        if last_outline[l] then parent = last_outline[l]; break end
      end
      last_outline[h.level] = ctx.canvas:outline(h.label, {dest = h.destination, parent = parent})
      for l = h.level + 1, 3 do last_outline[l] = nil end
    end
    -- The running section is the last level-1 heading on this page.
    for _, h in ipairs(headings) do if h.level == 1 then section = h.title end end
  end
  blocks.enter_group(ctx, nil)
  if #result > 0 then blocks.untag(ctx, "Document") end
end

-- What was placed where: page, kind, y, height and a label, for tests
-- and for scripts that check their own layout.
local function summary(result, ctx)
  local placed = {}
  for _, page in ipairs(result) do
    for _, item in ipairs(page.items) do
      local b = item.block
      placed[#placed + 1] = {page = page.number, kind = b.kind, x = item.x, y = item.y,
        width = item.width, height = item.height, label = b.label or b.title,
        continued = b.continued or (b.from and b.from > 1) or false,
        frame = item.frame}
    end
  end
  return placed, ctx.pages
end

---------------------------------------------------------------- saving

-- document.new{workbook}: the tables' values as an Excel workbook beside
-- the saved file, too (the module, and libxlsxwriter's, only when asked).
local function add_workbook(doc, saved, files)
  if not doc.options.workbook then return end
  local book = require("sumi.internal.document.workbook").save(doc, saved)
  if book then files[#files + 1] = book end
end

local function heading_list(doc, heading_pages)
  local headings = {}
  for _, h in ipairs(doc.headings) do
    headings[#headings + 1] = {title = h.title, label = h.label, level = h.level,
      destination = h.destination, page = heading_pages[h.destination]}
  end
  return headings
end

local save_spec = {dpi = {default = 96, type = "number", min = 1},
                   format = {default = false, type = "string"},
                   fonts = {default = false, one_of = {"subset", "full"}}}

--- doc:save([path] [, {dpi, format, fonts}]) -> {pages, files, placed, headings}:
--- writes the document as a PDF, as PNG pages (x.png gives x-1.png,
--- x-2.png, ...) or as a trace, by the path's extension; fonts = "subset"
--- (a PDF's default) draws it with HarfBuzz subsets of the faces it uses.
local function save(doc, path, opts)
  if type(path) == "table" and opts == nil then path, opts = nil, path end
  local o = options.check("document:save", opts, save_spec)
  local ext = path and path:match("%.(%w+)$")
  if o.format and ext and ext:lower() ~= o.format:lower() then
    errors.raise("document:save: option 'format' is %q but the path '%s' names a .%s file; give the path "
      .. "its extension, or no format", o.format, path, ext)
  end
  local kind = o.format or ext
  if not kind then
    for _, candidate in ipairs({"pdf", "png", "trace", "pptx"}) do
      if pcall(runtime.default_output, candidate) then kind = candidate; break end
    end
  end
  kind = kind and kind:lower() or "pdf"
  options.one_of("document:save", "format", kind, {"pdf", "png", "trace", "pptx"})
  if kind == "pptx" then
    if opts ~= nil and (opts.fonts or opts.dpi) then
      errors.raise("document:save: a .pptx deck takes no 'fonts' or 'dpi' (its text is text, its"
        .. " pictures SVG "
        .. "with PNG fallbacks at 144 dpi)")
    end
    local result, ctx = layout(doc, canvas.trace(false, {width = doc.width, height = doc.height}))
    local file = path or runtime.default_output("pptx")
    deck.save(doc, path, function(hooks)
      ctx.deck, ctx.tags = hooks, false
      draw_pages(doc, ctx, result, function() return ctx.canvas end)
      ctx.deck = nil
    end)
    local files = {file}
    add_workbook(doc, file, files)
    local placed, heading_pages = summary(result, ctx)
    return {pages = #result, files = files, placed = placed, headings = heading_list(doc, heading_pages)}
  end
  -- PNG pages keep the full faces: nothing is embedded in a picture.
  local fonts = o.fonts or (kind == "pdf" and "subset" or "full")
  if kind == "png" and fonts == "subset" then
    options.fail("document:save", "fonts", "\"full\" for PNG pages (\"subset\" is for PDF and trace output)",
      fonts)
  end
  local meta = {title = doc.options.title or nil, author = doc.options.author or nil,
    subject = doc.options.subject or nil, keywords = doc.options.keywords or nil}
  local tagged = kind == "pdf" and doc.options.tagged
  if kind == "pdf" then
    if tagged and not meta.title then
      errors.raise("document:save: a tagged PDF needs a title (PDF/UA-1): give document.new{title = ...}, "
        .. "or tagged = false for an untagged PDF")
    end
    meta.tagged, meta.pdfa = tagged, doc.pdfa
    if tagged or doc.pdfa or (doc.pdfa == nil and runtime.pdfa()) then meta.lang = doc.lang end
  end
  local files = {}
  local page_canvas, first
  if kind == "png" then
    local base = path or runtime.default_output("png")
    local stem = base:gsub("%.[Pp][Nn][Gg]$", "")
    local made = {}
    page_canvas = function(n)
      if made[n] then return made[n] end
      if made[n - 1] then made[n - 1]:close() end
      local file = ("%s-%d.png"):format(stem, n)
      made[n] = canvas.png(file, {width_mm = doc.width / canvas.mm(1),
        height_mm = doc.height / canvas.mm(1), dpi = o.dpi})
      files[#files + 1] = file
      return made[n]
    end
    first = page_canvas(1)
  else
    local make = kind == "pdf" and canvas.pdf or canvas.trace
    local copts = kind == "pdf" and options.with(meta, {width = doc.width, height = doc.height})
                  or {width = doc.width, height = doc.height}
    first = make(path, copts)
    files[1] = path or runtime.default_output(kind)
    page_canvas = function(n)
      if n > 1 then first:new_page() end
      return first
    end
  end
  local result, ctx = layout(doc, first)
  if fonts == "subset" then
    -- A trace takes the option too, so tests can compare the two layouts.
    subset.prepare(first, doc.width, doc.height, function(scratch)
      draw_pages(doc, ctx, result, function(n)
        if n > 1 then scratch:new_page() end
        return scratch
      end)
    end)
  end
  ctx.tags, ctx.group = tagged, nil
  draw_pages(doc, ctx, result, page_canvas)
  local trace
  if kind == "png" then
    ctx.canvas:close()
  else
    trace = first:close()
  end
  add_workbook(doc, path or runtime.default_output(kind), files)
  -- `sumi render --previews`: the PDF's pages as PNGs beside it, too
  if kind == "pdf" and runtime.previews() then
    local pdf_path = path or runtime.default_output("pdf")
    local shown = save(doc, (pdf_path:gsub("%.[Pp][Dd][Ff]$", "")) .. ".png", {dpi = o.dpi})
    for _, file in ipairs(shown.files) do files[#files + 1] = file end
  end
  local placed, heading_pages = summary(result, ctx)
  return {pages = #result, files = files, placed = placed, headings = heading_list(doc, heading_pages),
    trace = trace}
end

function pages.save(doc, path, opts)
  unused.used(doc)
  -- What fails inside (a file the sandbox refuses, say) is reported at
  -- the doc:save line, unless a block blames its own.
  local where = errors.where()
  if where == "" then return save(doc, path, opts) end
  return runtime.blame(where, save, doc, path, opts)
end

function pages.extend(Document)
  Document.save = pages.save
end

return pages
