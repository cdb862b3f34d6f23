-- Canvas options: unknown keys list the valid ones, numbers are
-- range-checked, colours are parsed, and the messages say so.
-- Run with -o <name>.pdf.
local check = require "check"
local sumi = require "sumi"
local canvas = sumi.canvas
local test = check.test

test("an unknown option names itself and lists the valid options", function()
  check.errors(function() canvas.pdf(nil, {sise = "A4"}) end,
               "canvas.pdf: unknown option 'sise' (valid options: size, width, height, " ..
               "orientation, title, author, subject, keywords, tagged, lang, pdfa)", "pdf{sise}")
  check.errors(function() canvas.png(nil, {widht = 10, height = 10}) end,
               "canvas.png: unknown option 'widht' (valid options: width, height, width_mm, " ..
               "height_mm, dpi, background)", "png{widht}")
  check.errors(function() canvas.svg(nil, {width = 10, height = 10, bg = "red"}) end,
               "valid options: width, height, background", "svg{bg}")
end)

test("an out-of-range number gives the range and the value", function()
  check.errors(function() canvas.png(nil, {width = 0, height = 10}) end,
               "canvas.png: option 'width' must be a number in [1, 32767]; got number 0", "png width 0")
  check.errors(function() canvas.pdf(nil, {width = 20000}) end,
               "canvas.pdf: option 'width' must be a number in [1, 14400]; got number 20000", "pdf width")
  check.errors(function() canvas.pdf(nil, {height = 0.5}) end,
               "canvas.pdf: option 'height' must be a number in [1, 14400]; got number 0.5", "pdf height")
  check.errors(function() canvas.png(nil, {width_mm = 10, height_mm = 10, dpi = 5}) end,
               "canvas.png: option 'dpi' must be a number in [10, 2400]; got number 5", "png dpi")
end)

test("a png or svg without its size is refused when it is made", function()
  check.errors(function() canvas.png(nil, {height = 10}) end,
               "canvas.png: option 'width' is missing (a number in [1, 32767])", "png without width")
  check.errors(function() canvas.png(nil, {width_mm = 10}) end,
               "canvas.png: option 'height_mm' is missing", "png without height_mm")
  check.errors(function() canvas.svg(nil, {width = 10}) end, "canvas.svg: option 'height' is missing",
               "svg without height")
  check.errors(function() canvas.png(nil) end, "canvas.png: option 'width' is missing",
               "png without options")
  check.errors(function() canvas.png(nil, "wide") end, "canvas.png: options must be a table; got string",
               "png with a string for options")
end)

test("a value outside a list names the choices", function()
  check.errors(function() canvas.pdf(nil, {size = "A7"}) end,
               "canvas.pdf: option 'size' must be one of A3, A4, A5, B4, B5, letter, legal, 16:9, " ..
               "4:3; got string \"A7\"", "size A7")
  check.errors(function() canvas.pdf(nil, {orientation = "sideways"}) end,
               "canvas.pdf: option 'orientation' must be one of portrait, landscape; got string \"sideways\"",
               "orientation")
end)

test("an option of the wrong type says what was expected", function()
  check.errors(function() canvas.pdf(nil, {title = 3}) end,
               "canvas.pdf: option 'title' must be a string; got number 3", "title = 3")
end)

test("png sizes are pixels or millimetres, not both", function()
  check.errors(function() canvas.png(nil, {width = 10, height = 10, width_mm = 10, height_mm = 10}) end,
               "canvas.png: give either width and height (pixels) or width_mm and height_mm",
               "both")
  check.errors(function() canvas.png(nil, {width = 10, height = 10, dpi = 300}) end,
               "canvas.png: option 'dpi' goes with width_mm and height_mm",
               "dpi with pixels")
end)

test("a bad background colour is refused", function()
  check.errors(function() canvas.png(nil, {width = 10, height = 10, background = "nope"}) end,
               "canvas.png: option 'background' must be a colour (\"#rrggbb\", \"#rrggbbaa\" or a name); " ..
               "got string \"nope\"", "png background")
  check.errors(function() canvas.svg(nil, {width = 10, height = 10, background = "#12"}) end,
               "canvas.svg: option 'background' must be a colour", "svg background")
end)

test("-o of another type is refused by a canvas given no path", function()
  check.errors(function() canvas.svg(nil, {width = 10, height = 10}) end,
               "given with -o is not a .svg file", "svg with -o x.pdf")
end)

local c = canvas.pdf(nil)

test("a bad paint colour names the colour and the accepted forms", function()
  check.errors(function() c:fill("#12345") end,
               "canvas:fill: the paint must be a colour (\"#rrggbb\", \"#rrggbbaa\" or a name) or " ..
               "a gradient; got string \"#12345\"", "fill")
  check.errors(function() c:stroke{color = "nocolour"} end,
               "canvas:stroke: option 'color' must be a colour (\"#rrggbb\", \"#rrggbbaa\" or a " ..
               "name) or a gradient; got string \"nocolour\"", "stroke")
  check.errors(function() c:paint(42) end, "canvas:paint: the paint must be a colour", "paint(42)")
  check.errors(function() c:paint({}) end, "or a gradient; got table", "paint({})")
  check.errors(function() c:text("x", 0, 0, {color = "#gg0000"}) end,
               "canvas:text: option 'color' must be a colour or a gradient; got string \"#gg0000\"", "text")
end)

test("colours in every documented form are accepted", function()
  for _, colour in ipairs{"#c0392b", "#c0392b80", "#c33", "steelblue", "white", "transparent", "none"} do
    c:rect(0, 0, 10, 10)
    c:fill(colour)
  end
end)

test("stroke and fill options are checked", function()
  check.errors(function() c:stroke{width = -1} end,
               "canvas:stroke: option 'width' must be a number in [0, 1000]; got number -1", "width")
  check.errors(function() c:stroke{cap = "flat"} end,
               "canvas:stroke: option 'cap' must be one of butt, round, square; got string \"flat\"", "cap")
  check.errors(function() c:stroke{dash = {0, 0}} end, "option 'dash' must have a length above 0; all are 0",
               "dash zeros")
  check.errors(function() c:stroke{dash = "4 2"} end,
               "option 'dash' must be a list of lengths; got string \"4 2\"", "dash string")
  check.errors(function() c:fill{colour = "red"} end,
               "canvas:fill: unknown option 'colour' (valid options: color, rule, preserve)", "colour")
  check.errors(function() c:fill{rule = "odd"} end,
               "option 'rule' must be one of winding, even_odd; got string \"odd\"", "rule")
  check.errors(function() c:fill_stroke{color = "red"} end, "canvas:fill_stroke: option 'fill' is missing",
               "fill_stroke without fill")
end)

test("gradients need two stops with offsets in [0, 1]", function()
  check.errors(function() canvas.linear_gradient(0, 0, 10, 0, {{0, "red"}}) end,
               "at least two colour stops expected", "one stop")
  check.errors(function() canvas.linear_gradient(0, 0, 10, 0, {{0, "red"}, {2, "blue"}}) end,
               "canvas.linear_gradient: colour stop 2 must have an offset in [0, 1]", "offset 2")
  check.errors(function() canvas.radial_gradient(0, 0, 10, {{0, "red"}, {1, "nope"}}) end,
               "canvas.radial_gradient: colour stop 2 must have a colour; got string \"nope\"", "bad colour")
  local g = canvas.linear_gradient(0, 0, 10, 0, {{0, "red"}, {1, "#0000ff80"}})
  c:rect(0, 0, 10, 10)
  c:fill(g)
end)

c:discard()
check.done()
