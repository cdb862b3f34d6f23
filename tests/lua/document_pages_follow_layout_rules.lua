-- sumi.document lays blocks out on pages by the rules of docs/API.md
-- ("Documents"): tables repeat their header, headings are never last on a
-- page, figures keep their captions, paragraphs split by lines with widow
-- and orphan control and Japanese line-start rules, the contents print the
-- pages the headings landed on, and links and outline entries point at
-- destinations that exist. Each document is saved as a trace.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"
local trace = require "trace"
local runtime = require "sumi.runtime"
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
local saved = 0

local function save(doc)
  saved = saved + 1
  local info = doc:save(("%s/document-%d.trace"):format(out_dir, saved))
  return info, trace.parse(info.trace)
end

local function blocks_on(t, page)
  return t:select("block", page)
end

local filler = "人工知能の産業は各地で広がり、研究と応用の両面で投資が続いている。"

test("a long table splits between rows and repeats its header on every page", function()
  local doc = sumi.document.new{title = "表"}
  local rows = {}
  for i = 1, 120 do rows[i] = {name = ("企業%03d"):format(i), count = i * 7} end
  doc:table(rows, {columns = {{key = "name", title = "企業名"}, {key = "count", title = "件数"}},
    totals = true})
  local info, t = save(doc)
  check.is_true(info.pages >= 3, "the table needs several pages")
  local seen = {}
  for page = 1, info.pages do
    local header, first_row
    for _, b in ipairs(blocks_on(t, page)) do
      if b[1] == "企業名" then header = b end
      local n = b[1]:match("^企業(%d%d%d)$")
      if n and not first_row then first_row = b end
      if n then
        check.equal(seen[n], nil, "row " .. n .. " drawn once")
        seen[n] = page
      end
    end
    check.is_true(header, "header on page " .. page)
    check.less(header.y, first_row.y, "header above the first row on page " .. page)
  end
  for i = 1, 120 do check.is_true(seen[("%03d"):format(i)], "row " .. i .. " drawn") end
  local last = blocks_on(t, info.pages)
  local found_total = false
  for _, b in ipairs(last) do if b[1] == "合計" then found_total = true end end
  check.is_true(found_total, "totals row on the last page")
  check.is_true(seen["120"] == info.pages, "last row on the last page")
end)

test("a table row taller than a page runs on between the lines of its cells", function()
  local doc = sumi.document.new{size = "A5", title = "長いセル"}
  doc:heading("長いセルのある表", 1)
  local long = filler:rep(70)
  doc:table({{name = "企業A", note = long}, {name = "企業B", note = "短い"}},
    {columns = {{key = "name", title = "企業名", width = 60}, {key = "note", title = "備考"}}})
  doc:paragraph("表の後の段落。")
  local info, t = save(doc)
  check.is_true(info.pages >= 3, "the long cell needs several pages")
  local bottom = 595.3 - sumi.mm(20) + 0.5
  local text, headers = {}, 0
  for page = 1, info.pages do
    for _, b in ipairs(blocks_on(t, page)) do
      if b[1] == "企業名" then headers = headers + 1 end
      if b[1]:find("人工知能", 1, true) or b[1]:find("続いている", 1, true) then
        text[#text + 1] = b[1]
        check.less(b.y + b.h, bottom, ("the cell inside the text area on page %d"):format(page))
      end
    end
  end
  check.equal(headers, info.pages, "the header on every page of the table")
  check.equal(table.concat(text):gsub("%s", ""), long, "the cell's text whole, in order, once")
  local heading_page, table_page = nil, nil
  for _, p in ipairs(info.placed) do
    if p.kind == "heading" then heading_page = p.page end
    if p.kind == "table" and not table_page then table_page = p.page end
  end
  check.equal(heading_page, table_page, "the heading stays with the start of the table")
end)

test("lists nest under the item before them, indented, with their own markers", function()
  local doc = sumi.document.new{}
  doc:list({"親の項目", {"子の項目", {"孫の項目"}}, "次の親", {numbered = true, "番号付きの子"}})
  local _, t = save(doc)
  local x = {}
  for _, b in ipairs(t:select("block", 1)) do x[b[1]] = b.x end
  check.less(x["親の項目"], x["子の項目"], "a child is indented from its parent")
  check.less(x["子の項目"], x["孫の項目"], "a grandchild from the child")
  check.equal(x["次の親"], x["親の項目"], "the list goes on at its own indent")
  for _, marker in ipairs({"・", "◦", "▪", "(1)"}) do
    check.is_true(x[marker], ("marker %s drawn"):format(marker))
  end
  check.less(x["(1)"], x["番号付きの子"], "the number hangs before its item")
  check.errors(function() sumi.document.new{}:list({{"子"}, "親"}) end,
    "must follow the item it belongs to")
  check.errors(function() sumi.document.new{}:list({"a", {"b", {"c", {"d", {"e"}}}}}) end,
    "lists nest at most 3 deep")
  check.errors(function() sumi.document.new{}:list({"a", {"b", numberd = true}}) end,
    "document:list: unknown option 'items[2].numberd'")
end)

test("figures in a table of Japanese cells wrap inside their columns", function()
  local doc = sumi.document.new{}
  doc:table({{name = ("人工知能関連の長い企業名"):rep(9), v = 1509}},
    {columns = {{key = "name", title = "名前"}, {key = "v", title = "値", format = "int"}}})
  local _, t = save(doc)
  local name, v
  for _, b in ipairs(t:select("block")) do
    if b[1]:find("人工知能", 1, true) then name = b end
    if b[1] == "1,509" then v = b end
  end
  check.is_true(name.lines >= 2, "long Japanese name wraps")
  check.less(name.x + name.w, v.x + 0.5, "name column ends before the figure column")
  local run = t:runs_of(v)[1]
  check.near(run.x + run.w, v.x + v.w, 0.5, "figure right-aligned in its cell")
end)

test("no heading is ever the last thing on a page", function()
  -- Headings at every position down the page: vary the text before them.
  for lead = 1, 24 do
    local doc = sumi.document.new{}
    doc:paragraph(filler:rep(lead))
    for k = 1, 4 do
      doc:heading("見出し" .. k, 1 + (k % 2))
      doc:paragraph(filler:rep(6))
    end
    local info = doc:save(("%s/headings-%d.trace"):format(out_dir, lead))
    local last_on = {}
    for _, p in ipairs(info.placed) do last_on[p.page] = p end
    for page, p in pairs(last_on) do
      check.is_true(p.kind ~= "heading",
        ("lead %d: heading '%s' last on page %d"):format(lead, tostring(p.label), page))
    end
  end
end)

test("a heading over a columns section is not left alone at the foot of a page", function()
  for lead = 40, 56 do
    local doc = sumi.document.new{}
    doc:paragraph(filler:rep(lead))
    doc:heading("二段組", 1)
    doc:columns(2, function() doc:paragraph(filler:rep(30)) end)
    local info = doc:save(("%s/heading-columns-%d.trace"):format(out_dir, lead))
    local heading, first_column
    for _, p in ipairs(info.placed) do
      if p.kind == "heading" then heading = p end
      if p.kind == "paragraph" and p.width < 300 and not first_column then first_column = p end
    end
    check.equal(first_column.page, heading.page, ("lead %d: columns start on the heading's page")
      :format(lead))
    check.less(heading.y, first_column.y, "below the heading")
  end
end)

test("a figure keeps its caption on its page", function()
  for lead = 10, 30, 4 do
    local doc = sumi.document.new{}
    doc:paragraph(filler:rep(lead))
    doc:figure(chart.bar({{k = "中国", v = 71}, {k = "米国", v = 150}}, {x = "k", y = "v"}),
      {caption = "ユニコーン企業数", height = 220})
    local info, t = save(doc)
    local figure
    for _, p in ipairs(info.placed) do if p.kind == "figure" then figure = p end end
    local caption
    for _, b in ipairs(t:select("block")) do
      if b[1]:find("ユニコーン企業数", 1, true) then caption = b end
    end
    local bars = t:select("fill", figure.page)
    check.equal(caption.page, figure.page, "caption on the figure's page")
    check.is_true(#bars > 0, "chart drawn on the figure's page")
    check.less(caption.y + caption.h, 841.9 - sumi.mm(20) + 0.5, "caption inside the text area")
  end
end)

test("a long Japanese paragraph splits by lines across pages", function()
  local doc = sumi.document.new{}
  doc:paragraph(filler:rep(6))
  local long = ("WAIC 2025では、大規模AIモデル1,509個、AI企業5,100社超、ユニコーン71社が" ..
    "報告された。「産業規模」は7,000億元を超え、年20％以上伸びている。"):rep(40)
  doc:paragraph(long)
  local info, t = save(doc)
  local pieces = {}
  for _, p in ipairs(info.placed) do
    if p.kind == "paragraph" and p.page >= 1 and (p.continued or #pieces > 0 or p.height > 300) then
      pieces[#pieces + 1] = p
    end
  end
  check.is_true(#pieces >= 2, "the paragraph is split")
  local text, seen_pages = {}, {}
  for _, b in ipairs(t:select("block")) do
    if b[1]:find("WAIC 2025では", 1, true) or b[1]:find("伸びている", 1, true) then
      text[#text + 1] = b[1]
      seen_pages[b.page] = true
      check.is_true(b.lines >= 2, "at least 2 lines of the paragraph on page " .. b.page)
      for _, ch in ipairs({"、", "。", "」", "ー", "％", "社", "個"}) do
        check.is_true(b[1]:sub(1, #ch) ~= ch, ("page %d starts with '%s'"):format(b.page, ch))
      end
    end
  end
  check.equal(table.concat(text), long, "the pieces put back together are the paragraph")
  check.is_true(seen_pages[1] and seen_pages[2], "pieces on pages 1 and 2")
  -- each piece's lines, as the trace shows them, obey the line-start rules
  for _, r in ipairs(t:select("text")) do
    for _, ch in ipairs({"、", "。", "」"}) do
      check.is_true(r[1]:sub(1, #ch) ~= ch, "a line starts with " .. ch)
    end
  end
end)

test("contents list the pages the headings landed on, with links and an outline", function()
  local doc = sumi.document.new{title = "目次の試験"}
  doc:contents()
  for k = 1, 6 do
    doc:heading("章" .. k, 1)
    doc:paragraph(filler:rep(12 + k * 3))
    doc:heading("節" .. k, 2)
    doc:paragraph(filler:rep(5))
  end
  local info, t = save(doc)
  local dest_page = {}
  for _, d in ipairs(t:select("destination")) do dest_page[d[1]] = d.page end
  -- the contents page: each entry's label block is followed by its number
  local records = t.records
  local entries = 0
  for i, r in ipairs(records) do
    local nxt
    for j = i + 1, #records do
      if records[j].kind == "block" then nxt = records[j]; break end
    end
    if r.kind == "block" and r.page == 1 and nxt and nxt.page == 1 and nxt[1]:match("^%d+$")
       and r[1]:match("^%d[%.%d]*　") then
      local heading
      for _, h in ipairs(info.headings) do if h.label == r[1] then heading = h end end
      check.equal(tonumber(nxt[1]), heading.page, "printed page of " .. r[1])
      check.equal(dest_page[heading.destination], heading.page, "destination page of " .. r[1])
      entries = entries + 1
    end
  end
  check.equal(entries, 12, "every heading has an entry")
  check.is_true(info.pages >= 3, "several pages")
  local outline = t:select("outline")
  check.equal(#outline, 12, "one outline entry per heading")
  check.equal(outline[1][1], "1　章1", "first outline entry")
  check.equal(outline[2].parent, outline[1].id, "a level-2 heading sits under its chapter")
  for _, o in ipairs(outline) do check.is_true(dest_page[o.dest], "outline target exists") end
  for _, l in ipairs(t:select("link")) do
    if l.dest then check.is_true(dest_page[l.dest], "link target " .. l.dest .. " exists") end
  end
end)

test("two columns flow left then right", function()
  local doc = sumi.document.new{}
  doc:columns(2, function()
    for k = 1, 8 do doc:paragraph(k .. filler:rep(4)) end
  end)
  doc:paragraph("after")
  local info = doc:save(out_dir .. "/columns.trace")
  local frames, after = {}, nil
  for _, p in ipairs(info.placed) do
    if p.page == 1 and p.kind == "paragraph" and p.width < 300 then frames[p.frame] = p end
    if p.label == nil and p.kind == "paragraph" then after = p end
  end
  check.is_true(frames[1] and frames[2], "both columns used on page 1")
  check.less(frames[1].x + frames[1].width, frames[2].x, "the second column is to the right")
  check.is_true(after ~= nil, "a paragraph after the columns")
end)

test("a short two-column section is balanced and what follows goes below it", function()
  local doc = sumi.document.new{}
  doc:paragraph("before")
  doc:columns(2, function()
    for k = 1, 3 do doc:paragraph(k .. filler:rep(3)) end
  end)
  doc:paragraph("after")
  local info = doc:save(out_dir .. "/balanced.trace")
  local bottom, lowest, after = {}, 0, nil
  for _, p in ipairs(info.placed) do
    if p.kind == "paragraph" and p.width < 300 then
      bottom[p.x] = math.max(bottom[p.x] or 0, p.y + p.height)
      lowest = math.max(lowest, p.y + p.height)
    end
    if p.label == nil and p.width > 300 and p.y > 100 then after = p end
  end
  local xs = {}
  for x in pairs(bottom) do xs[#xs + 1] = x end
  check.equal(#xs, 2, "both columns used")
  check.near(bottom[xs[1]], bottom[xs[2]], 30, "columns end within about a line of each other")
  check.equal(info.pages, 1, "one page")
  check.less(lowest, after.y, "the next paragraph starts below the columns")
end)

test("the last page of a long two-column section is balanced too", function()
  local doc = sumi.document.new{}
  doc:columns(2, function()
    for k = 1, 14 do doc:paragraph(k .. filler:rep(4)) end
  end)
  doc:paragraph("after")
  local info = doc:save(out_dir .. "/columns-long.trace")
  check.is_true(info.pages >= 2, "the section runs onto a second page")
  local bottom, after = {}, nil
  for _, p in ipairs(info.placed) do
    if p.page == info.pages and p.kind == "paragraph" and p.width < 300 then
      bottom[p.frame] = math.max(bottom[p.frame] or 0, p.y + p.height)
    end
    if p.label == nil and p.width > 300 then after = p end
  end
  check.is_true(bottom[1] and bottom[2], "both columns used on the last page")
  check.near(bottom[1], bottom[2], 30, "the last page's columns end within about a line of each other")
  check.less(bottom[1], 500, "the last page's columns stop well above the foot of the page")
  check.equal(after.page, info.pages, "what follows is on the section's last page")
  check.less(math.max(bottom[1], bottom[2]), after.y + 0.01, "and below its columns")
end)

test("page breaks, header and footer templates", function()
  local doc = sumi.document.new{title = "題名", confidential = "社外秘", date = 1753747200,
    footer = {left = "{confidential}", center = "{date}", right = "{page} of {pages}"},
    first_page = {header = false}}
  doc:paragraph("一ページ目")
  doc:page_break()
  doc:paragraph("二ページ目")
  local info, t = save(doc)
  check.equal(info.pages, 2, "two pages")
  local texts = {}
  for _, b in ipairs(t:select("block")) do texts[b.page .. ":" .. b[1]] = true end
  check.is_true(texts["1:1 of 2"] and texts["2:2 of 2"], "page N of M on each page")
  check.is_true(texts["1:社外秘"], "confidentiality line")
  check.is_true(not texts["1:題名"], "no header on the first page")
  check.is_true(texts["2:題名"], "header on the second page")
  check.is_true(texts["2:2025年7月29日"], "the date")
end)

test("PNG previews: one file per page", function()
  local doc = sumi.document.new{size = "16:9"}
  doc:paragraph("一")
  doc:page_break()
  doc:paragraph("二")
  local info = doc:save(out_dir .. "/preview.png", {dpi = 30})
  check.equal(#info.files, 2, "two PNG files")
  check.is_true(info.files[2]:find("preview%-2%.png$"), "named x-2.png")
end)

test("bold text and a link carry over a paragraph's page break", function()
  local doc = sumi.document.new{}
  doc:paragraph(filler:rep(40))
  local body = "<b>" .. filler:rep(8) .. "<a href=\"https://example.com/x\">" .. filler:rep(6) ..
    "</a></b>"
  doc:paragraph(body)
  doc:paragraph("注のある文" .. doc:note("注の本文"))
  doc:source("CAICT 報告書", "https://example.com/caict")
  doc:sources()
  local info, t = save(doc)
  local pages_with_bold, link_pages = {}, {}
  for _, r in ipairs(t:select("text")) do
    if r.weight == 700 then pages_with_bold[r.page] = true end
  end
  for _, l in ipairs(t:select("link")) do
    if l.uri == "https://example.com/x" then link_pages[l.page] = true end
  end
  local split
  for _, p in ipairs(info.placed) do if p.continued then split = p end end
  check.is_true(split, "the second paragraph is split")
  check.is_true(pages_with_bold[split.page - 1] and pages_with_bold[split.page], "bold on both pages")
  check.is_true(link_pages[split.page], "link area on the continuation's page")
  local source_link = false
  for _, l in ipairs(t:select("link")) do
    if l.uri == "https://example.com/caict" then source_link = true end
  end
  check.is_true(source_link, "a source's URL is a link")
  local note, marker = false, false
  for _, b in ipairs(t:select("block")) do
    if b[1] == "注の本文" then note = true end
    if b[1] == "注1" then marker = true end
  end
  check.is_true(note and marker, "the note is listed with its number")
end)

test("bad markup is reported at the script's line", function()
  local doc = sumi.document.new{}
  local message = check.errors(function() doc:paragraph("<b>open") end,
    "bad markup: <b> is not closed")
  check.is_true(message:find("document_pages_follow_layout_rules.lua:", 1, true), "names the script")
  check.errors(function() doc:paragraph("a & b") end, "bad markup")
  check.errors(function() doc:callout("</i>") end, "bad markup: </i> without <i>")
end)

test("a logo in the header from the second page, and a PNG figure with its caption", function()
  local doc = sumi.document.new{logo = sumi.params.image, title = "ロゴ", first_page = {header = false}}
  doc:paragraph("一ページ目")
  doc:page_break()
  doc:figure(sumi.params.image, {caption = "バッジ", height = 80, alt = "丸いバッジ"})
  local _, t = save(doc)
  check.equal(#t:select("image", 1), 0, "no header image on page 1")
  local images = t:select("image", 2)
  check.equal(#images, 2, "logo and figure on page 2")
  check.less(images[1].y + images[1].h, sumi.mm(22), "the logo sits in the top margin")
  check.less(sumi.mm(22) - 0.5, images[2].y, "the figure sits in the text area")
end)

test("options are checked", function()
  check.errors(function() sumi.document.new{sise = "A4"} end,
    "document.new: unknown option 'sise'")
  local message = check.errors(function() sumi.document.new{size = "A7"} end,
      "document.new: option 'size' must be")
  check.is_true(message:find("^[^:]*document_pages_follow_layout_rules%.lua:%d+:"),
    "the error names the script's line: " .. message)
  message = check.errors(function() sumi.document.new{footer = {right = "{pgae}"}} end,
    "unknown placeholder {pgae} in 'footer.right'")
  check.is_true(message:find("document_pages_follow_layout_rules%.lua:%d+:"), "script line")
  check.errors(function() sumi.document.new{header = {middle = "x"}} end,
      "document.new: unknown option 'header.middle'")
  check.errors(function() sumi.document.new{margins = {top = 1000}} end,
      "document.new: option 'margins.top' must be points from 0 to a third of the page; got number 1000")
  message = check.errors(function() sumi.document.new{style = {body = {sise = 3}}} end, "body.sise")
  check.is_true(message:find("document_pages_follow_layout_rules%.lua:%d+:"), "style error line")
  local doc = sumi.document.new{size = {400, 300}}
  check.errors(function() doc:heading("x", 4) end,
    "document:heading: the level must be 1, 2 or 3; got number 4")
  check.errors(function() doc:table({{a = 1}}, {colums = {}}) end, "unknown option 'colums'")
  check.errors(function() doc:table({{a = 1}}, {columns = {{key = "a", format = "pct9"}}}) end,
    "document:table: option 'columns[1].format' must be one of")
  check.errors(function() doc:paragraph("<a>x</a>") end, "<a> without href")
  check.errors(function() sumi.document.new{style = {body = {sise = 3}}} end,
      "document.new: unknown option 'style.body.sise' (valid options:")
end)

test("doc:sources{title = false} lists the sources without a heading of its own", function()
  local doc = sumi.document.new{}
  doc:heading("出典と注", 1)
  doc:source("WAIC 2025")
  doc:sources{title = false}
  local _, t = save(doc)
  local texts = {}
  for _, r in ipairs(t:select("block")) do texts[#texts + 1] = r[1] end
  local all = table.concat(texts, "|")
  check.is_true(all:find("WAIC 2025", 1, true), "the source is listed: " .. all)
  check.is_true(not all:find("false", 1, true), "no 'false' heading: " .. all)
  check.errors(function() doc:sources{title = 3} end,
      "document:sources: option 'title' must be a string or a boolean; got number 3")
end)

check.done()
