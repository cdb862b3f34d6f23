-- Japanese line breaking: no line starts with small kana, ー, closing
-- brackets or 、。 (JIS X 4051), at every wrapping width.
local check = require "check"
local sumi = require "sumi"
local test = check.test

local c = sumi.canvas.png("line_breaks.png", {width = 400, height = 200})

local forbidden = {}
for _, ch in utf8.codes("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶーゝゞヽヾ々・、。）」』】") do
  forbidden[ch] = true
end

-- The first character of every line of text set at every width from 24 to 240 pt.
local function check_all_widths(text, opts, what)
  for width = 24, 240, 2 do
    local o = {size = 12, width = width, wrap = "char"}
    for k, v in pairs(opts or {}) do o[k] = v end
    local plain = o.markup and text:gsub("<[^>]+>", "") or text
    local m = c:measure_text(text, o)
    check.equal(#m.line_starts, m.lines, what .. ": one start per line")
    for i = 2, #m.line_starts do
      local first = utf8.codepoint(plain, m.line_starts[i])
      check.is_true(not forbidden[first],
        ("%s: line %d starts with %s at width %d"):format(what, i, utf8.char(first), width))
    end
  end
end

test("small kana and ー never start a line (regression: ロボ / ット)", function()
  check_all_widths("インテリジェントロボット", nil, "katakana word")
  check_all_widths("ビジネスインテリジェンス応用とデータセンター", nil, "long label")
end)

test("closing brackets and 、。 never start a line in a paragraph", function()
  check_all_widths("中国のAI企業は5,100社を超え、世界の約15%を占める。「大規模モデル」は1,509個。",
    {wrap = "word-char"}, "paragraph")
end)

test("the rule holds in markup, whose tags are not text", function()
  check_all_widths("<b>インテリジェント</b>ロボット（<i>ヒューマノイド</i>）", {markup = true}, "markup")
end)

test("a number keeps its counter on its line (regression: 2025年10 / 月)", function()
  local text = "出典：業界分析（2025年10月）、CAICT（2025年7月）。企業数は5,100社、モデルは1,509個、約70%を占める。"
  for width = 24, 240, 2 do
    local m = c:measure_text(text, {size = 12, width = width, wrap = "word-char"})
    for i = 2, #m.line_starts do
      local at = m.line_starts[i]
      local first = utf8.codepoint(text, at)
      local before = text:sub(1, at - 1):match("([%z\1-\127\194-\244][\128-\191]*)$")
      local counter = ("年月社個"):find(utf8.char(first), 1, true)
      check.is_true(not (counter and before and before:match("%d$")),
        ("line %d starts with %s after a digit at width %d"):format(i, utf8.char(first), width))
    end
  end
end)

test("line_starts are byte positions of each line", function()
  local m = c:measure_text("一行目\n二行目", {size = 12})
  check.equal(m.lines, 2, "two lines")
  check.equal(m.line_starts[1], 1, "first line")
  check.equal(m.line_starts[2], #"一行目\n" + 1, "second line")
end)

c:discard()
check.done()
