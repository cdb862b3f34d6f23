-- A document of 16:9 or 4:3 pages as a PowerPoint deck: a slide per page,
-- laid out as the PDF is. The page's first heading is the slide's title
-- (in the title placeholder), paragraphs and list items are text boxes in
-- the document's fonts, and what is drawn rather than written (charts, KPI
-- tiles, tables, callouts, the page's header and footer) is a picture each,
-- SVG with a PNG fallback. The alternative texts of a slide's charts are
-- its notes.
local blocks = require "sumi.internal.layout.blocks"
local canvas = require "sumi.canvas"
local errors = require "sumi.internal.errors"
local markup = require "sumi.internal.layout.markup"
local pptx = require "sumi.internal.pptx"

local deck = {}

-- The fallback PNGs' resolution, in multiples of 72 dpi: sharp on a 1080p
-- projector for a 720-point-wide slide.
local PNG_SCALE = 2

-- PresentationML's slide sides (ST_SlideSizeCoordinate): 1 to 56 inches.
local SLIDE_SIDE_MIN, SLIDE_SIDE_MAX = 72, 4032

local function aspect_of(doc)
  local ratio = doc.width / doc.height
  local aspect = math.abs(ratio - 16 / 9) < 0.01 and "16:9" or math.abs(ratio - 4 / 3) < 0.01 and "4:3"
  if not aspect then
    errors.raise("document:save: a .pptx deck is made of slides: give document.new{size = \"16:9\"} (or "
      .. "\"4:3\"); this document's pages are %g x %g pt", doc.width, doc.height)
  end
  if math.max(doc.width, doc.height) > SLIDE_SIDE_MAX or math.min(doc.width, doc.height) < SLIDE_SIDE_MIN then
    errors.raise("document:save: a slide's sides are %d to %d pt in PowerPoint; this document's pages are "
      .. "%g x %g pt", SLIDE_SIDE_MIN, SLIDE_SIDE_MAX, doc.width, doc.height)
  end
  return aspect
end

-- The drawing of draw(canvas) inside box, as an SVG and a PNG whose origin
-- is the box's corner.
local function picture(box, draw)
  local c = canvas.svg(false, {width = box.width, height = box.height})
  c:translate(-box.x, -box.y)
  draw(c)
  local svg = c:close()
  -- Sized in millimetres, the PNG canvas measures itself in points (a
  -- page band asks c:size() where its edges are), as the SVG does.
  c = canvas.png(false, {width_mm = box.width / canvas.mm(1), height_mm = box.height / canvas.mm(1),
    dpi = 72 * PNG_SCALE, background = "transparent"})
  c:translate(-box.x, -box.y)
  draw(c)
  return svg, c:close()
end

-- Whether draw(canvas) draws anything: its trace is more than blank, the
-- trace of nothing (the header alone).
local function draws_something(width, height, blank, draw)
  local c = canvas.trace(false, {width = width, height = height})
  draw(c)
  return c:close() ~= blank
end

local aligns = {left = "l", center = "ctr", right = "r", justify = "just"}
local bold_weights = {semibold = true, bold = true, heavy = true}

-- The runs cut where links start and end, each piece inside a link
-- carrying its href (links: {href, from, to} in plain-text bytes, to
-- excluded). Links inside the document (#destination) stay text.
local function with_links(runs, links)
  local out, at = {}, 1
  for _, run in ipairs(runs) do
    local from, text = at, run.text
    at = at + #text
    local cuts = {1, #text + 1}
    for _, l in ipairs(links) do
      for _, p in ipairs({l.from, l.to}) do
        if p > from and p < at then cuts[#cuts + 1] = p - from + 1 end
      end
    end
    table.sort(cuts)
    for i = 1, #cuts - 1 do
      if cuts[i + 1] > cuts[i] then
        local piece = setmetatable({text = text:sub(cuts[i], cuts[i + 1] - 1)}, {__index = run})
        local start = from + cuts[i] - 1
        for _, l in ipairs(links) do
          if l.href:sub(1, 1) ~= "#" and start >= l.from and start < l.to then
            piece.href, piece.underline = l.href, true
          end
        end
        out[#out + 1] = piece
      end
    end
  end
  return out
end

-- A paragraph block's text as runs in its style: sizes in points, the
-- style's colour and weight where the markup sets none. A list item's
-- marker hangs before its text as the PDF draws it, right-aligned 4 pt
-- before the text (marker_width measures it).
local function paragraph_of(block, font, marker_width)
  local style = block.style
  local base = {size = style.size, color = style.color, bold = bold_weights[style.weight] or false,
    font = font}
  local runs, hanging = {}, nil
  if block.marker and not block.continued then
    runs[1] = setmetatable({text = block.marker .. "\t"}, {__index = base})
    hanging = marker_width(block) + 4
  end
  local texts = {}
  for _, run in ipairs(markup.runs(block.text)) do
    local bold = base.bold
    if run.bold ~= nil then bold = run.bold end
    texts[#texts + 1] = {text = run.text, size = run.points or style.size * (run.scale or 1),
      color = run.color or style.color, bold = bold, italic = run.italic, underline = run.underline,
      baseline = run.baseline, font = font}
  end
  for _, run in ipairs(with_links(texts, block.links or {})) do runs[#runs + 1] = run end
  return {runs = runs, align = aligns[style.align or "left"], line_spacing = style.line_spacing,
    margin = block.indent or 0, hanging = hanging}
end

local text_kinds = {paragraph = true, heading = true}

--- deck.save(doc, path, draw): writes the laid-out document
--- to path (nil: the run's .pptx output).
--- draw(hooks) draws every page through hooks.page(page, draw_bands) and
--- hooks.item(item, draw_block), each drawing function taking a canvas.
function deck.save(doc, path, draw)
  local aspect = aspect_of(doc)
  local font = doc.style.font
  if font == nil or font == "sans" or font == "serif" then
    local fonts = require "sumi.fonts"
    local match = fonts.resolve(font or "sans", doc.lang)
    font = match and match.family or nil
  end
  local slides, slide = {}, nil
  local measure = canvas.trace(false, {width = doc.width, height = doc.height})
  local blank = canvas.trace(false, {width = doc.width, height = doc.height}):close()
  local hooks = {}
  function hooks.page(page, draw_bands)
    slide = {pictures = {}, texts = {}, rules = {}, alts = {}}
    slides[page.number] = slide
    if draws_something(doc.width, doc.height, blank, draw_bands) then
      local box = {x = 0, y = 0, width = doc.width, height = doc.height}
      local svg, png = picture(box, draw_bands)
      slide.pictures[1] = {svg = svg, png = png, name = "Page", alt = "", x = 0, y = 0, width = doc.width,
        height = doc.height, background = true}
    end
  end
  function hooks.item(item, draw_block, ctx)
    local b = item.block
    local box = {x = item.x, y = item.y, width = item.width, height = item.height}
    if text_kinds[b.kind] then
      local para = paragraph_of(b, font, function(block)
        return measure:measure_text(block.marker, blocks.text_options(ctx, block.style)).width
      end)
      local shape = {x = box.x, y = box.y, width = box.width, height = box.height, paragraphs = {para}}
      -- Lines the layout did not wrap stay unwrapped: another program's
      -- metrics (or LibreOffice's spaces between Latin and CJK text) must
      -- not push a one-line headline onto a second line over what follows.
      local indent = b.indent or 0
      local m = measure:measure_text(b.text, blocks.text_options(ctx, b.style,
        {markup = true, width = math.max(1, box.width - indent), keep_words = b.keep_words}))
      local _, breaks = markup.plain(b.text):gsub("\n", "")
      shape.no_wrap = m.lines <= breaks + 1
      -- A heading's rule, under its text as Heading:draw puts it.
      if b.kind == "heading" and b.style.rule then
        slide.rules[#slide.rules + 1] = {x = box.x, y = box.y + m.height + 2, width = box.width,
          height = b.style.rule, color = b.style.rule_color or b.style.color}
      end
      if b.kind == "heading" and not slide.title then
        shape.anchor = "t"
        slide.title = shape
      else
        slide.texts[#slide.texts + 1] = shape
      end
      return
    end
    -- Drawn blocks keep a margin: strokes and bars reach past their box.
    local pad = 3
    local framed = {x = box.x - pad, y = box.y - pad, width = box.width + 2 * pad,
      height = box.height + 2 * pad}
    local svg, png = picture(framed, draw_block)
    local alt = ""
    if b.kind == "figure" and b.chart then
      alt = b.alt or blocks.alt_text({lang = doc.lang}, b.chart)
    elseif b.kind == "kpi_row" then
      local alts = {}
      for i, chart in ipairs(b.charts) do alts[i] = blocks.alt_text({lang = doc.lang}, chart) end
      alt = table.concat(alts, "\n")
    elseif b.caption then
      alt = markup.plain(b.caption)
    end
    if alt ~= "" then slide.alts[#slide.alts + 1] = alt end
    slide.pictures[#slide.pictures + 1] = {svg = svg, png = png, alt = alt,
      name = (b.chart and b.chart.name) or b.kind, x = framed.x, y = framed.y, width = framed.width,
      height = framed.height}
  end
  draw(hooks)
  measure:close()
  for _, s in ipairs(slides) do
    if #s.alts > 0 then s.notes = table.concat(s.alts, "\n") end
    -- A page without a heading (a title page) is titled by its largest
    -- text, when that is larger than the body's.
    if not s.title then
      local largest, at = doc.style.body.size * 1.2, nil
      for i, shape in ipairs(s.texts) do
        for _, run in ipairs(shape.paragraphs[1].runs) do
          if (run.size or 0) > largest and run.text:find("%S") then largest, at = run.size, i end
        end
      end
      if at then
        s.title = table.remove(s.texts, at)
        s.title.anchor = "t"
      end
    end
  end
  local o = doc.options
  pptx.write(path, {size = {doc.width, doc.height}, aspect = aspect, lang = doc.lang, font = font,
    title = o.title or nil, author = o.author or nil, subject = o.subject or nil,
    date = type(doc.date) == "number" and doc.date or nil, slides = slides})
end

return deck
