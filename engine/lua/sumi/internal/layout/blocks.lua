-- The blocks the flow layout (sumi.internal.layout.flow) stacks on pages:
-- paragraphs (and list items), headings, callouts, rows of KPI tiles and
-- figures. Tables are in sumi.internal.layout.table.
--
-- Every block answers the same questions, in points:
--   block:height(ctx, width [, frame_height]) -> how tall it is at this width
--   block:min_height(ctx, width)  -> the least of it that may start a page
--                                    (what a heading before it needs beside it)
--   block:split(ctx, width, room) -> first, rest: a first piece no taller
--                                    than room and the rest; nil when no
--                                    piece fits (only blocks that can split)
--   block:draw(ctx, x, y, width [, height])
-- and carries space_before, space_after and keep_with_next. ctx is
-- {canvas, style, lang, pages = {[destination] = page}, tags} from the
-- document; tags is true while a tagged PDF is drawn, when each block
-- marks what it draws with the structure it is (blocks.tag).
local compose = require "sumi.internal.chart.compose"
local markup = require "sumi.internal.layout.markup"

local blocks = {}

-- Text options for canvas:text and canvas:measure_text from a text style
-- ({font, size, weight, color, line_spacing, ...}) and the document's lang.
function blocks.text_options(ctx, style, extra)
  local o = {font = style.font or ctx.style.font, size = style.size, weight = style.weight,
             color = style.color, line_spacing = style.line_spacing, lang = style.lang or ctx.lang,
             style = style.style, align = style.align, features = style.features}
  for k, v in pairs(extra or {}) do o[k] = v end
  return o
end

-- Measurements cached per width: layouts run two or more passes.
local function measured(self, ctx, width, text)
  text = text or self.text
  self.cache = self.cache or {}
  local key = width .. "\0" .. text
  local m = self.cache[key]
  if not m then
    m = ctx.canvas:measure_text(text, blocks.text_options(ctx, self.style,
      {markup = true, width = math.max(1, width), keep_words = self.keep_words}))
    self.cache[key] = m
  end
  return m
end

---------------------------------------------------------------- structure

-- Structure tags of a tagged PDF (docs/API.md, "Tagged PDF"). Off a
-- tagged PDF they cost nothing.
function blocks.tag(ctx, role, opts)
  if ctx.tags then ctx.canvas:begin_tag(role, opts) end
end

function blocks.untag(ctx, role)
  if ctx.tags then ctx.canvas:end_tag(role) end
end

-- What is drawn only to look right (rules, fills, running heads): fn()
-- drawn as an artifact, outside the document's structure.
function blocks.artifact(ctx, fn, ...)
  blocks.tag(ctx, "Artifact")
  fn(...)
  blocks.untag(ctx, "Artifact")
end

-- An element that runs over several blocks (a list, a table over pages,
-- the contents): begun by its first block, ended when a block of another
-- group (or none) comes. A block says which with group = {role, id}.
function blocks.enter_group(ctx, group)
  local open = ctx.group
  if open and group and open.id == group.id then return end
  if open then blocks.untag(ctx, open.role) end
  ctx.group = group
  if group then blocks.tag(ctx, group.role) end
end

-- A paragraph's text with its links. cairo marks the text of an element
-- only while it has no child elements, so text with links goes in a Span
-- and each link follows it as a Link of its own (with the link's text).
local function text_with_links(ctx, draw_text, links, areas)
  if #links == 0 or not ctx.tags then
    draw_text()
    for _, area in ipairs(areas and areas() or {}) do blocks.link(ctx, area) end
    return
  end
  blocks.tag(ctx, "Span")
  draw_text()
  blocks.untag(ctx, "Span")
  for _, area in ipairs(areas()) do blocks.link(ctx, area) end
end

---------------------------------------------------------------- paragraphs

local Paragraph = {kind = "paragraph"}
Paragraph.__index = Paragraph

--- blocks.paragraph(text, style, opts) -> a paragraph of Pango markup.
--- opts: marker (a list item's bullet or number), indent (the text's left
--- indent, points), links ({href, from, to} from markup.links), continued,
--- role (its structure element: "P", the default, or "Caption"), group
--- (a list's {role = "L", id}: the item is an LI of it).
function blocks.paragraph(text, style, opts)
  opts = opts or {}
  return setmetatable({text = text, style = style, marker = opts.marker, indent = opts.indent or 0,
    links = opts.links or {}, space_before = opts.space_before or style.space_before or 0,
    space_after = opts.space_after or style.space_after or 0, label = opts.label,
    role = opts.role or "P", group = opts.group}, Paragraph)
end

function Paragraph:height(ctx, width)
  return measured(self, ctx, width - self.indent).height
end

-- A paragraph may be split between pages by lines, never leaving fewer
-- than `orphans` lines at the foot of a page or `widows` at the top of the
-- next (the document's style sets both, 2 by default).
function Paragraph:min_height(ctx, width)
  local m = measured(self, ctx, width - self.indent)
  local keep = math.min(m.lines, ctx.style.orphans)
  if keep >= m.lines then return m.height end
  return m.height * keep / m.lines + 0.5
end

-- The piece of this paragraph from plain position `from` up to `to`.
function Paragraph:piece(from, to)
  local links = {}
  for _, l in ipairs(self.links) do
    local a, b = math.max(l.from, from), math.min(l.to, to or math.huge)
    if a < b then links[#links + 1] = {href = l.href, from = a - from + 1, to = b - from + 1} end
  end
  local p = blocks.paragraph(markup.range(self.text, from, to), self.style,
    {marker = from == 1 and self.marker or nil, indent = self.indent, links = links,
     space_before = from == 1 and self.space_before or 0,
     space_after = to == nil and self.space_after or 0, label = self.label})
  p.continued = from > 1
  return p
end

function Paragraph:split(ctx, width, room)
  local m = measured(self, ctx, width - self.indent)
  local orphans, widows = ctx.style.orphans, ctx.style.widows
  local per_line = m.height / m.lines
  local k = math.min(m.lines - widows, math.floor(room / per_line))
  local plain = markup.plain(self.text)
  while k >= orphans do
    local cut = m.line_starts[k + 1]
    -- A forced line break ends the first piece: drop it, or Pango would
    -- add an empty line there.
    local to = plain:sub(cut - 1, cut - 1) == "\n" and cut - 1 or cut
    local first = self:piece(1, to)
    if first:height(ctx, width) <= room then
      local rest = self:piece(cut)
      return first, rest
    end
    k = k - 1
  end
  return nil
end

-- The link areas of the paragraph drawn at (x, y): each link's part on
-- each line, measured from the start of its line (left-aligned text).
local function link_areas(self, ctx, x, y, width, m)
  local areas = {}
  local line_height = m.height / m.lines
  local starts = m.line_starts
  local opts = blocks.text_options(ctx, self.style, {markup = true})
  for _, l in ipairs(self.links) do
    for i = 1, m.lines do
      local line_from, line_to = starts[i], starts[i + 1] or math.huge
      local a, b = math.max(l.from, line_from), math.min(l.to, line_to)
      if a < b then
        local before = a > line_from and
          ctx.canvas:measure_text(markup.range(self.text, line_from, a), opts).width or 0
        local w = ctx.canvas:measure_text(markup.range(self.text, a, b), opts).width
        areas[#areas + 1] = {x = x + before, y = y + (i - 1) * line_height,
                             width = math.min(w, width - before), height = line_height,
                             href = l.href, text = markup.plain(markup.range(self.text, l.from, l.to))}
      end
    end
  end
  return areas
end

function blocks.link(ctx, area)
  if area.width <= 0 or area.height <= 0 then return end
  local text = area.text ~= "" and area.text or nil
  if area.href:sub(1, 1) == "#" then
    ctx.canvas:link(area.x, area.y, area.width, area.height, {dest = area.href:sub(2), text = text})
  else
    ctx.canvas:link(area.x, area.y, area.width, area.height, {uri = area.href, text = text})
  end
end

function Paragraph:draw(ctx, x, y, width)
  local text_x, text_w = x + self.indent, width - self.indent
  local item = self.group ~= nil
  blocks.tag(ctx, item and "LI" or self.role, self.style.lang and {lang = self.style.lang} or nil)
  if self.marker and not self.continued then
    blocks.tag(ctx, "Lbl")
    ctx.canvas:text(self.marker, text_x - 4, y,
      blocks.text_options(ctx, self.style, {anchor = "top-right"}))
    blocks.untag(ctx, "Lbl")
  end
  if item then blocks.tag(ctx, "LBody") end
  text_with_links(ctx, function()
    ctx.canvas:text(self.text, text_x, y,
      blocks.text_options(ctx, self.style, {markup = true, width = math.max(1, text_w)}))
  end, self.links, function()
    return link_areas(self, ctx, text_x, y, text_w, measured(self, ctx, text_w))
  end)
  if item then blocks.untag(ctx, "LBody") end
  blocks.untag(ctx, item and "LI" or self.role)
end

---------------------------------------------------------------- headings

local Heading = {kind = "heading", keep_with_next = true}
Heading.__index = Heading

--- blocks.heading{label, title, level, destination, style}: a heading
--- (label: its number and title as printed), kept on the page of what
--- follows it.
function blocks.heading(h)
  h.text = markup.escape(h.label)
  h.space_before, h.space_after = h.style.space_before, h.style.space_after
  h.keep_words = true -- a heading wraps between words, never inside one that fits a line
  return setmetatable(h, Heading)
end

function Heading:height(ctx, width)
  local h = measured(self, ctx, width).height
  return h + (self.style.rule and self.style.rule + 3 or 0)
end

Heading.min_height = Heading.height

function Heading:draw(ctx, x, y, width)
  local c = ctx.canvas
  c:destination(self.destination, x, y)
  local role = "H" .. math.min(self.level or 1, 6)
  blocks.tag(ctx, role)
  c:text(self.text, x, y, blocks.text_options(ctx, self.style, {markup = true, width = width,
    keep_words = true}))
  blocks.untag(ctx, role)
  if self.style.rule then
    local h = measured(self, ctx, width).height
    blocks.artifact(ctx, function()
      c:rect(x, y + h + 2, width, self.style.rule)
      c:fill(self.style.rule_color or self.style.color)
    end)
  end
end

---------------------------------------------------------------- callouts

local Callout = {kind = "callout"}
Callout.__index = Callout

--- blocks.callout(text, style, opts): markup text in a tinted box with a
--- bar on its left; opts.title in bold above it. Never split.
function blocks.callout(text, style, opts)
  return setmetatable({text = text, title = opts.title and markup.escape(opts.title), style = style,
    fill = opts.fill, bar = opts.bar, links = opts.links or {},
    space_before = style.space_before, space_after = style.space_after}, Callout)
end

function Callout:parts(ctx, width)
  local pad = self.style.padding
  local inner = width - 2 * pad - 4
  local body = measured(self, ctx, inner)
  local title = self.title and measured(self, ctx, inner, "<b>" .. self.title .. "</b>")
  return pad, inner, body, title
end

function Callout:height(ctx, width)
  local pad, _, body, title = self:parts(ctx, width)
  return 2 * pad + body.height + (title and title.height + 2 or 0)
end

Callout.min_height = Callout.height

function Callout:draw(ctx, x, y, width)
  local c = ctx.canvas
  local pad, inner, body, title = self:parts(ctx, width)
  local h = self:height(ctx, width)
  blocks.artifact(ctx, function()
    c:rect(x, y, width, h)
    c:fill(self.fill)
    c:rect(x, y, 4, h)
    c:fill(self.bar)
  end)
  local ty = y + pad
  local opts = blocks.text_options(ctx, self.style, {markup = true, width = inner})
  blocks.tag(ctx, "Note")
  if title then
    blocks.tag(ctx, "P")
    c:text("<b>" .. self.title .. "</b>", x + 4 + pad, ty, opts)
    blocks.untag(ctx, "P")
    ty = ty + title.height + 2
  end
  blocks.tag(ctx, "P")
  text_with_links(ctx, function() c:text(self.text, x + 4 + pad, ty, opts) end, self.links, function()
    local me = setmetatable({text = self.text, style = self.style, links = self.links}, Paragraph)
    return link_areas(me, ctx, x + 4 + pad, ty, inner, body)
  end)
  blocks.untag(ctx, "P")
  blocks.untag(ctx, "Note")
end

---------------------------------------------------------------- KPI tiles

local KpiRow = {kind = "kpi_row"}
KpiRow.__index = KpiRow

--- blocks.kpi_row(charts, opts): chart.kpi tiles side by side, each in an
--- equal share of the width (opts.height tall, opts.gap apart), all
--- figures at one size.
function blocks.kpi_row(charts, opts)
  return setmetatable({charts = charts, tile_height = opts.height, gap = opts.gap,
    border = opts.border, space_before = opts.space_before, space_after = opts.space_after},
    KpiRow)
end

function KpiRow:height() return self.tile_height end
KpiRow.min_height = KpiRow.height

-- Every tile at one figure size, the largest at which each fits its
-- tile (compose.share_kpi_sizes), each a Figure of its own.
function KpiRow:draw(ctx, x, y, width)
  local n = #self.charts
  local w = (width - self.gap * (n - 1)) / n
  local boxes = {}
  for i = 1, n do
    boxes[i] = {x = x + (i - 1) * (w + self.gap) + 4, y = y + 4, width = w - 8, height = self.tile_height - 8}
  end
  compose.share_kpi_sizes(self.charts, ctx.canvas, boxes, ctx.lang, function(chart, box)
    local tx = box.x - 4
    if self.border then
      blocks.artifact(ctx, function()
        ctx.canvas:rect(tx, y, w, self.tile_height)
        ctx.canvas:stroke{color = self.border, width = 0.75}
      end)
    end
    blocks.tag(ctx, "Figure", ctx.tags and {alt = blocks.alt_text(ctx, chart),
      box = {tx, y, w, self.tile_height}} or nil)
    compose.in_language(chart, ctx.lang, chart.draw, chart, ctx.canvas, box)
    blocks.untag(ctx, "Figure")
  end)
end

---------------------------------------------------------------- figures

-- A chart's alternative text in the document's language (chart:alt_text:
-- its title and a sentence on its data, or its alt option).
function blocks.alt_text(ctx, chart)
  return compose.in_language(chart, ctx.lang, chart.alt_text, chart)
end

local Figure = {kind = "figure"}
Figure.__index = Figure

--- blocks.figure{chart | image, height, caption, style}: a chart drawn as
--- vectors (or a PNG) with its caption under it, never parted from it.
function blocks.figure(f)
  f.space_before, f.space_after = f.style.space_before, f.style.space_after
  return setmetatable(f, Figure)
end

function Figure:caption_height(ctx, width)
  if not self.caption then return 0 end
  return measured(self, ctx, width, self.caption).height + self.style.caption_gap
end

-- A figure taller than the frame shrinks to fit it: a chart is vectors
-- and lays itself out again in the smaller box.
function Figure:body_height(ctx, width, frame_height)
  local body = self.figure_height or width * 0.5
  if frame_height then
    body = math.min(body, frame_height - self:caption_height(ctx, width))
  end
  return math.max(body, 20)
end

function Figure:height(ctx, width, frame_height)
  return self:body_height(ctx, width, frame_height) + self:caption_height(ctx, width)
end

Figure.min_height = Figure.height

function Figure:draw(ctx, x, y, width, height)
  local caption_h = self:caption_height(ctx, width)
  local body = (height or self:height(ctx, width)) - caption_h
  local c = ctx.canvas
  if self.decorative then
    blocks.tag(ctx, "Artifact")
  else
    blocks.tag(ctx, "Figure", ctx.tags and {alt = self.alt or blocks.alt_text(ctx, self.chart),
      box = {x, y, width, body}} or nil)
  end
  if self.chart then
    compose.in_language(self.chart, ctx.lang, self.chart.draw, self.chart, c,
      {x = x, y = y, width = width, height = body})
  else
    c:image(self.image, x, y, width, body, {fit = "contain"})
  end
  blocks.untag(ctx, self.decorative and "Artifact" or "Figure")
  if self.caption then
    blocks.tag(ctx, "Caption")
    c:text(self.caption, x, y + body + self.style.caption_gap,
      blocks.text_options(ctx, self.style, {markup = true, width = width}))
    blocks.untag(ctx, "Caption")
  end
end

return blocks
