-- measure_text: sizes that behave as a layout engine's must, the same
-- numbers as c:text, on every kind of canvas.
local check = require "check"
local sumi = require "sumi"
local runtime = require "sumi.runtime"
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
local c = sumi.canvas.pdf(nil)
local paragraph = ("中国のAI企業は5,100社を超え、世界の約15%を占める。"):rep(3)

test("width grows with the text's length", function()
  local previous = 0
  for _, s in ipairs{"A", "AI", "AI産業", "AI産業の規模", "AI産業の規模は7,000億元"} do
    local width = c:measure_text(s).width
    check.less(previous, width, ("width of %q"):format(s))
    previous = width
  end
end)

test("a paragraph wrapped to a narrow width reports more lines", function()
  local one = c:measure_text(paragraph)
  local wide = c:measure_text(paragraph, {width = 400})
  local narrow = c:measure_text(paragraph, {width = 100})
  check.equal(one.lines, 1, "lines without width")
  check.less(wide.lines, narrow.lines, "lines at 400 < lines at 100")
  check.less(wide.height, narrow.height, "height at 400 < height at 100")
  check.is_true(narrow.width <= 100, "narrow lines fit in 100")
end)

test("line_spacing makes a wrapped paragraph taller", function()
  local normal = c:measure_text(paragraph, {width = 100})
  local spaced = c:measure_text(paragraph, {width = 100, line_spacing = 2})
  check.equal(spaced.lines, normal.lines, "same lines")
  check.less(normal.height, spaced.height, "taller")
end)

test("a newline starts a new line", function()
  check.equal(c:measure_text("a\nb\nc").lines, 3, "lines")
end)

test("vertical = true swaps width and height compared with horizontal", function()
  local s = "人工知能産業"
  local h = c:measure_text(s, {size = 16})
  local v = c:measure_text(s, {size = 16, vertical = true})
  check.near(v.width, h.height, 1e-6, "vertical width = horizontal height")
  check.near(v.height, h.width, 1e-6, "vertical height = horizontal width")
  check.near(v.baseline, v.width / 2, 1e-6, "vertical baseline is the column's centre")
end)

test("size 20 text is about twice as wide as size 10", function()
  for _, s in ipairs{"Revenue", "大規模モデル", "1,509 / 3,755"} do
    local ten = c:measure_text(s, {size = 10}).width
    local twenty = c:measure_text(s, {size = 20}).width
    check.near(twenty / ten, 2, 0.02, ("ratio for %q"):format(s))
  end
end)

test("the default size is 10", function()
  check.equal(c:measure_text("abc").width, c:measure_text("abc", {size = 10}).width, "width")
end)

test("c:text returns the box that measure_text reports", function()
  local opts = {size = 12, width = 150}
  local m = c:measure_text(paragraph, opts)
  local w, h = c:text(paragraph, 10, 10, opts)
  check.equal(w, m.width, "width")
  check.equal(h, m.height, "height")
  check.equal(sumi.text.measure(c, paragraph, opts).height, m.height, "sumi.text.measure")
end)

test("the baseline lies inside the first line and the ink inside the box", function()
  local m = c:measure_text("Hello 世界", {size = 20})
  check.less(0, m.baseline, "baseline > 0")
  check.less(m.baseline, m.height, "baseline < height")
  check.less(0, m.ink.width, "ink width")
  check.is_true(m.ink.x >= 0 and m.ink.x + m.ink.width <= m.width + 0.5, "ink within width")
end)

test("angle and anchor do not change the measurement", function()
  local plain = c:measure_text("WAIC 2025")
  local turned = c:measure_text("WAIC 2025", {angle = 30, anchor = "center"})
  check.equal(turned.width, plain.width, "width")
  check.equal(turned.height, plain.height, "height")
end)

test("the same text measures the same on pdf, svg and mm-sized png", function()
  local s, opts = "中国のAI企業 Revenue 1,509", {size = 11}
  local expected = c:measure_text(s, opts)
  local svg = sumi.canvas.svg(out_dir .. "/m.svg", {width = 100, height = 100})
  local png = sumi.canvas.png(out_dir .. "/m.png", {width_mm = 50, height_mm = 20, dpi = 96})
  for _, other in ipairs{svg, png} do
    local m = other:measure_text(s, opts)
    check.near(m.width, expected.width, 1e-9, other:kind() .. " width")
    check.near(m.height, expected.height, 1e-9, other:kind() .. " height")
    other:discard()
  end
end)

test("palt makes Japanese punctuation narrower", function()
  local s = "「日本」、中国。"
  check.less(c:measure_text(s, {features = "palt"}).width, c:measure_text(s).width, "palt")
end)

-- The engine keeps the layouts it made (engine/draw/text.c) and hands them out
-- again for the same text and options: every option that changes a layout
-- must give another one, and a kept layout must measure as a new one did.
test("kept layouts: each option that shapes text gives its own layout", function()
  local s = "「AI産業」、2025年 fi 骨直"
  local base = c:measure_text(s, {size = 12})
  local variants = {
    size = {size = 13}, weight = {size = 12, weight = "bold"},
    style = {size = 12, style = "italic"}, font = {size = 12, font = "serif"},
    letter_spacing = {size = 12, letter_spacing = 1}, features = {size = 12, features = "palt"},
    lang = {size = 12, lang = "zh-cn"}, width = {size = 12, width = 40},
    vertical = {size = 12, vertical = true},
  }
  for key, opts in pairs(variants) do
    local m = c:measure_text(s, opts)
    -- (a slant leaves the advances alone and moves the ink)
    check.is_true(m.width ~= base.width or m.height ~= base.height or m.lines ~= base.lines
      or m.ink.width ~= base.ink.width, "option " .. key .. " changes the measurement")
    -- and asking again gives the same numbers
    local again = c:measure_text(s, opts)
    check.equal(again.width, m.width, key .. ": width again")
    check.equal(again.height, m.height, key .. ": height again")
  end
  check.equal(c:measure_text(s, {size = 12}).width, base.width, "the first layout is kept")
  -- markup changes the text that is set
  local plain = c:measure_text("<b>太字</b>", {size = 12})
  local marked = c:measure_text("<b>太字</b>", {size = 12, markup = true})
  check.less(marked.width, plain.width, "markup tags are not set as text")
end)

test("kept layouts: thousands of distinct texts still measure as new", function()
  local first = c:measure_text("測定 0", {size = 9}).width
  for i = 1, 9000 do c:measure_text("測定 " .. i, {size = 9}) end
  check.equal(c:measure_text("測定 0", {size = 9}).width, first, "width after the cache filled")
  check.less(first, c:measure_text("測定 8999", {size = 9}).width, "longer text is wider")
end)

c:discard()
check.done()

