-- Canvas options: unknown keys list the valid ones, numbers are
-- range-checked, colours are parsed, and the messages say so.
-- Run with -o <name>.pdf.
local check = require "check"
local sumi = require "sumi"
local canvas = sumi.canvas
local test = check.test

test("an unknown option names itself and lists the valid options", function()
  check.errors(function() canvas.pdf(nil, {sise = "A4"}) end,
               "unknown option 'sise' to 'pdf' (valid options: size, width, height, " ..
               "orientation, title, author, subject, keywords)", "pdf{sise}")
  check.errors(function() canvas.png(nil, {widht = 10, height = 10}) end,
               "unknown option 'widht' to 'png' (valid options: width, height, width_mm, " ..
               "height_mm, dpi, background)", "png{widht}")
  check.errors(function() canvas.svg(nil, {width = 10, height = 10, bg = "red"}) end,
               "valid options: width, height, background", "svg{bg}")
end)

test("an out-of-range number gives the range and the value", function()
  check.errors(function() canvas.png(nil, {width = 0, height = 10}) end,
               "bad option 'width' to 'png' (value in [1, 32767] expected, got 0)", "png width 0")
  check.errors(function() canvas.pdf(nil, {width = 20000}) end,
               "bad option 'width' to 'pdf' (value in [1, 14400] expected, got 20000)", "pdf width")
  check.errors(function() canvas.pdf(nil, {height = 0.5}) end,
               "bad option 'height' to 'pdf' (value in [1, 14400] expected, got 0.5)", "pdf height")
  check.errors(function() canvas.png(nil, {width_mm = 10, height_mm = 10, dpi = 5}) end,
               "bad option 'dpi' to 'png' (value in [10, 2400] expected, got 5)", "png dpi")
end)

test("a png or svg without its size is refused when it is made", function()
  check.errors(function() canvas.png(nil, {height = 10}) end,
               "missing option 'width' (number in [1", "png without width")
  check.errors(function() canvas.png(nil, {width_mm = 10}) end,
               "missing option 'height_mm'", "png without height_mm")
  check.errors(function() canvas.svg(nil, {width = 10}) end, "missing option 'height'",
               "svg without height")
  check.errors(function() canvas.png(nil) end, "table expected", "png without options")
end)

test("a value outside a list names the choices", function()
  check.errors(function() canvas.pdf(nil, {size = "A7"}) end,
               "bad option 'size' to 'pdf' (one of 'A3', 'A4', 'A5', 'B4', 'B5', 'letter', " ..
               "'legal', '16:9', '4:3' expected, got 'A7')", "size A7")
  check.errors(function() canvas.pdf(nil, {orientation = "sideways"}) end,
               "one of 'portrait', 'landscape' expected, got 'sideways'", "orientation")
end)

test("an option of the wrong type says what was expected", function()
  check.errors(function() canvas.pdf(nil, {title = 3}) end,
               "bad option 'title' to 'pdf' (string expected, got number)", "title = 3")
end)

test("png sizes are pixels or millimetres, not both", function()
  check.errors(function() canvas.png(nil, {width = 10, height = 10, width_mm = 10, height_mm = 10}) end,
               "give either width and height (pixels) or width_mm and height_mm", "both")
  check.errors(function() canvas.png(nil, {width = 10, height = 10, dpi = 300}) end,
               "'dpi' goes with width_mm and height_mm", "dpi with pixels")
end)

test("a bad background colour is refused", function()
  check.errors(function() canvas.png(nil, {width = 10, height = 10, background = "nope"}) end,
               "bad option 'background' (colour expected, got 'nope')", "png background")
  check.errors(function() canvas.svg(nil, {width = 10, height = 10, background = "#12"}) end,
               "bad option 'background'", "svg background")
end)

test("-o of another type is refused by a canvas given no path", function()
  check.errors(function() canvas.svg(nil, {width = 10, height = 10}) end,
               "given with -o is not a .svg file", "svg with -o x.pdf")
end)

local c = canvas.pdf(nil)

test("a bad paint colour names the colour and the accepted forms", function()
  check.errors(function() c:fill("#12345") end,
               "bad colour '#12345' (expected \"#rrggbb\", \"#rrggbbaa\" or a colour name)", "fill")
  check.errors(function() c:stroke{color = "nocolour"} end, "bad color 'nocolour'", "stroke")
  check.errors(function() c:paint(42) end,
               "bad colour (colour string or gradient expected, got number)", "paint(42)")
  check.errors(function() c:text("x", 0, 0, {color = "#gg0000"}) end,
               "bad option 'color' (colour string or gradient expected, got #gg0000)", "text")
end)

test("colours in every documented form are accepted", function()
  for _, colour in ipairs{"#c0392b", "#c0392b80", "#c33", "steelblue", "white", "transparent", "none"} do
    c:rect(0, 0, 10, 10)
    c:fill(colour)
  end
end)

test("stroke and fill options are checked", function()
  check.errors(function() c:stroke{width = -1} end,
               "bad option 'width' to 'stroke' (value in [0, 1000] expected, got -1)", "width")
  check.errors(function() c:stroke{cap = "flat"} end,
               "bad option 'cap' to 'stroke' (one of 'butt', 'round', 'square' expected, got 'flat')",
               "cap")
  check.errors(function() c:stroke{dash = {0, 0}} end, "lengths must not all be 0", "dash zeros")
  check.errors(function() c:stroke{dash = "4 2"} end, "array of lengths expected", "dash string")
  check.errors(function() c:fill{colour = "red"} end,
               "unknown option 'colour' to 'fill' (valid options: color, rule, preserve)", "colour")
  check.errors(function() c:fill{rule = "odd"} end, "one of 'winding', 'even_odd'", "rule")
  check.errors(function() c:fill_stroke{color = "red"} end, "fill_stroke needs a 'fill' paint",
               "fill_stroke without fill")
end)

test("gradients need two stops with offsets in [0, 1]", function()
  check.errors(function() canvas.linear_gradient(0, 0, 10, 0, {{0, "red"}}) end,
               "at least two colour stops expected", "one stop")
  check.errors(function() canvas.linear_gradient(0, 0, 10, 0, {{0, "red"}, {2, "blue"}}) end,
               "bad colour stop 2 (offset in [0, 1] expected)", "offset 2")
  check.errors(function() canvas.radial_gradient(0, 0, 10, {{0, "red"}, {1, "nope"}}) end,
               "bad colour stop 2 (colour expected, got nope)", "bad colour")
  local g = canvas.linear_gradient(0, 0, 10, 0, {{0, "red"}, {1, "#0000ff80"}})
  c:rect(0, 0, 10, 10)
  c:fill(g)
end)

c:discard()
check.done()
