-- A PDF document is drawn with HarfBuzz subsets of the faces its text used
-- (docs/API.md, "Saving"). The subsets must set every character on the same
-- face, at the same place, as the full faces did: a trace drawn with them
-- is the trace drawn without them, byte for byte, for Japanese, Chinese,
-- bold, synthetic italics, serif, mono, OpenType features, vertical text
-- and a character only the fallback font (DejaVu) has. (The layouts are
-- the same ones by construction; tests/visual/pdf_subsets.sh compares the
-- pixels of the two PDFs.)
local check = require "check"
local sumi = require "sumi"
local canvas = require "sumi.canvas"
local chart = require "sumi.chart"
local runtime = require "sumi.runtime"
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."

local function mixed_document()
  local doc = sumi.document.new{title = "フォントの部分集合", author = "sumi"}
  doc:contents()
  doc:heading("中国AI産業の現在地", 1)
  doc:paragraph("世界の大規模AIモデルの<b>40.2%</b>、AIユニコーン企業の<i>26.2%</i>を占める。" ..
    "<span font_family=\"serif\" weight=\"bold\">明朝の太字</span>と<tt>mono 0123</tt>、" ..
    "珍しい記号 ‽ と ‱ も並ぶ。")
  doc:paragraph("<span lang=\"zh-cn\">中国人工智能产业规模超过7000亿元，同比增长20%以上。</span>")
  doc:list({"<b>規模</b>　モデル数で世界の40.2%", "<b>成長</b>　年20%超の成長"})
  doc:callout("ロボット産業は「身体性AI」へ。ー・々〻")
  doc:table({{name = "DeepSeek", n = 1509}, {name = "通義千問", n = 271}},
    {columns = {{key = "name", title = "モデル"}, {key = "n", title = "件数"}}, totals = true})
  local c = chart.bar({{k = "中国", v = 1509}, {k = "その他", v = 2246}}, {x = "k", y = "v",
    title = "大規模AIモデル"})
  doc:figure(c, {caption = "世界の大規模AIモデル", height = 120})
  doc:sources()
  return doc
end

test("a trace drawn with the subsets is the trace drawn with the full faces", function()
  local doc = mixed_document()
  local full = doc:save(out_dir .. "/subsets-full.trace", {fonts = "full"})
  local subset = doc:save(out_dir .. "/subsets-subset.trace", {fonts = "subset"})
  check.is_true(#full.trace > 1000, "the trace holds the document")
  check.equal(subset.pages, full.pages, "pages")
  check.equal(subset.trace, full.trace, "trace with subsets")
  for _, face in ipairs({'font="Noto Sans CJK JP"', 'font="Noto Serif CJK JP"',
                         'font="Noto Sans CJK SC"', 'font="DejaVu Sans"', 'font="DejaVu Sans Mono"'}) do
    check.is_true(full.trace:find(face, 1, true) ~= nil, "the document uses " .. face)
  end
  -- and the PDF is written (its fonts and text are checked by tests/cli)
  check.equal(doc:save(out_dir .. "/subsets.pdf").pages, full.pages, "PDF pages")
end)

test("canvas text with features, vertical text and italics lands where it did", function()
  local function draw(c)
    c:text("2025年の売上 1,509 億円", 10, 10, {features = "tnum palt", size = 12})
    c:text("縦書きの「見出し」ー", 200, 10, {vertical = true, size = 14})
    c:text("斜体の日本語 Italic", 10, 60, {style = "italic", weight = "bold"})
    c:text("fi ffl ligatures ‽", 10, 90, {font = "serif"})
    c:text("中国人工智能产业规模", 10, 120, {lang = "zh-cn"})
  end
  local rec = canvas.trace(false, {width = 300, height = 300})
  rec:record_fonts()
  draw(rec)
  local full = rec:close()
  local again = canvas.trace(false, {width = 300, height = 300})
  again:record_fonts()
  draw(again)
  local sub = canvas.trace(false, {width = 300, height = 300})
  -- Sans JP, Sans JP Bold, Serif JP, DejaVu Serif (for the ‽) and Sans SC:
  -- the same file as Sans JP, another face in it.
  check.equal(sub:subset_fonts(again), 5, "faces")
  draw(sub)
  check.equal(sub:close(), full, "trace with subsets")
  again:discard()
end)

test("subset_fonts is checked", function()
  local a = canvas.trace(false, {width = 100, height = 100})
  local b = canvas.trace(false, {width = 100, height = 100})
  check.errors(function() a:subset_fonts(b) end, "did not record its fonts", "no recording")
  b:record_fonts()
  check.equal(a:subset_fonts(b), 0, "nothing drawn: no subsets")
  b:text("字", 10, 10)
  check.equal(a:subset_fonts(b), 1, "one face")
  check.errors(function() a:subset_fonts(b) end, "already uses subset fonts", "twice")
  check.errors(function() b:subset_fonts(a) end, "did not record its fonts", "from a subset canvas")
  a:discard()
  b:discard()
  check.errors(function() a:subset_fonts(b) end, "closed canvas", "closed")
end)

test("doc:save checks its fonts option", function()
  local doc = sumi.document.new{}
  doc:paragraph("本文")
  check.errors(function() doc:save(out_dir .. "/x.trace", {fonts = "some"}) end,
    "document:save: option 'fonts' must be one of subset, full; got string \"some\"", "bad value")
  check.errors(function() doc:save(out_dir .. "/x.png", {fonts = "subset"}) end,
    "is for PDF and trace output", "PNG")
end)
