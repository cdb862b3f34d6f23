-- Text input that cannot be set is refused with a message saying why.
local check = require "check"
local sumi = require "sumi"
local test = check.test

local c = sumi.canvas.pdf(nil)

test("bad markup errors with 'bad markup'", function()
  check.errors(function() c:text("<b>unclosed", 0, 0, {markup = true}) end, "bad markup", "text")
  check.errors(function() c:measure_text("a < b", {markup = true}) end, "bad markup", "measure")
end)

test("markup off draws tags as plain text", function()
  local plain = c:measure_text("<b>x</b>")
  local marked = c:measure_text("<b>x</b>", {markup = true})
  check.less(marked.width, plain.width, "markup removes the tags")
end)

test("an unknown text option lists the valid ones", function()
  check.errors(function() c:text("x", 0, 0, {colour = "red"}) end,
               "canvas:text: unknown option 'colour' (valid options: font, size, weight, style, " ..
               "color, markup, width, align, wrap, line_spacing, letter_spacing, features, " ..
               "angle, vertical, anchor, lang, keep_words)", "colour")
end)

test("option values are checked", function()
  check.errors(function() c:text("x", 0, 0, {anchor = "middle"}) end,
               "canvas:text: option 'anchor' must be one of top-left, top, top-right,", "anchor")
  check.errors(function() c:text("x", 0, 0, {align = "centre"}) end,
               "one of left, center, right, justify; got string \"centre\"", "align")
  check.errors(function() c:text("x", 0, 0, {wrap = "line"}) end,
               "option 'wrap' must be one of word, char, word-char; got string \"line\"", "wrap")
  check.errors(function() c:text("x", 0, 0, {weight = "black"}) end,
               "one of thin, light, normal, medium, semibold, bold, heavy; got string \"black\"", "weight")
  check.errors(function() c:text("x", 0, 0, {style = "slanted"}) end,
               "one of normal, italic, oblique; got string \"slanted\"", "style")
  check.errors(function() c:text("x", 0, 0, {size = 0}) end, "canvas:text: option 'size' must be a number in",
               "size")
  check.errors(function() c:text("x", 0, 0, {width = 0}) end, "canvas:text: option 'width'",
               "width")
  check.errors(function() c:text("x", 0, 0, {font = 3}) end,
               "canvas:text: option 'font' must be a string; got number 3", "font")
  check.errors(function() c:text("x", 0, 0, {vertical = "yes"}) end,
               "canvas:text: option 'vertical' must be a boolean; got string \"yes\"", "vertical")
  check.errors(function() c:text("x", 0, 0, {features = "tn-um"}) end,
               "canvas:text: option 'features' must be OpenType tags like \"tnum palt\"; got \"tn-um\"",
               "features")
end)

test("text and positions must be given", function()
  check.errors(function() c:text(nil, 0, 0) end, "string expected, got nil", "no text")
  check.errors(function() c:text("x", 0 / 0, 0) end, "number expected, got nan", "NaN x")
end)

test("every documented option is accepted", function()
  c:text("全部", 10, 10, {
    font = "serif", size = 12, weight = 700, style = "italic", color = "#c0392b",
    markup = false, width = 200, align = "justify", wrap = "char", line_spacing = 1.2,
    letter_spacing = 0.5, features = "tnum palt", angle = 15, vertical = false,
    anchor = "baseline", lang = "zh-cn",
  })
end)

c:discard()
check.done()
