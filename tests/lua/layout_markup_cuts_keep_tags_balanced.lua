-- sumi.internal.layout.markup cuts Pango markup at positions of its plain text (the
-- positions measure_text gives in line_starts) with the tags on both sides
-- balanced, turns <a href> into spans with their plain ranges, and refuses
-- malformed markup with a message.
local check = require "check"
local markup = require "sumi.internal.layout.markup"
local test = check.test

test("range keeps the tags open at each end", function()
  check.equal(markup.range("<b>abc</b>def", 4), "def", "after a closed tag")
  check.equal(markup.range("<b>abc</b>def", 1, 4), "<b>abc</b>", "up to the close")
  check.equal(markup.range("abc<b>def</b>", 1, 4), "abc", "a tag opening at the cut stays out")
  check.equal(markup.range("abc<b>def</b>", 4), "<b>def</b>", "and goes to the rest")
  check.equal(markup.range("a<i>b<b>cd</b>e</i>f", 4), "<i><b>d</b>e</i>f", "nested, reopened")
  check.equal(markup.range("a<i>b<b>cd</b>e</i>f", 1, 4), "a<i>b<b>c</b></i>", "nested, closed")
end)

test("positions count entities and multibyte text as Pango does", function()
  check.equal(markup.range("A&amp;B<span foreground='red'>色々</span>", 3),
    "B<span foreground='red'>色々</span>", "one byte for &amp;")
  check.equal(markup.range("A&amp;B", 2, 3), "&amp;", "an entity whole")
  check.equal(markup.range("日本語", 4, 7), "本", "three bytes a kanji")
  check.equal(markup.plain("&lt;b&gt; &#x4E2D;&#25991;"), "<b> 中文", "plain text")
end)

test("links become spans with plain ranges", function()
  local s, links = markup.links('見る<a href="https://x.org/?a=1&amp;b=2">リンク</a>先',
    'underline="single"')
  check.equal(s, '見る<span underline="single">リンク</span>先', "span")
  check.equal(links[1].href, "https://x.org/?a=1&b=2", "href decoded")
  check.equal(links[1].from, 7, "from")
  check.equal(links[1].to, 16, "to")
end)

test("malformed markup is refused", function()
  check.errors(function() markup.check("<b>x") end, "bad markup: <b> is not closed")
  check.errors(function() markup.check("<b>x</i>") end, "bad markup: </i> without <i>")
  check.errors(function() markup.check("R&D") end, "bad markup: '&' without ';'")
  check.errors(function() markup.check("a &nbsp; b") end, "unknown entity &nbsp;")
  check.errors(function() markup.check("a < b") end, "'<' without '>'")
  check.errors(function() markup.links("<a>x</a>", "") end, "<a> without href")
  check.equal(markup.escape("R&D <2025>"), "R&amp;D &lt;2025&gt;", "escape")
end)

check.done()
