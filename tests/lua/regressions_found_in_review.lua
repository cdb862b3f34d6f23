-- Bugs found while the foundation was reviewed, one case each.
local check = require "check"
local sumi = require "sumi"
local canvas = sumi.canvas
local test = check.test

test("features given as a list are read (crashed: buffer placeholder on the stack)", function()
  local c = canvas.png("regression.png", {width = 100, height = 40})
  local listed = c:measure_text("1,509", {features = {"tnum", "palt"}})
  local spelled = c:measure_text("1,509", {features = "tnum palt"})
  check.equal(listed.width, spelled.width, "width with list and with string")
  c:discard()
end)

test("a centred paragraph anchored at top is centred on x", function()
  local c = canvas.png("regression.png", {width = 600, height = 200})
  local box = c:measure_text("abc", {width = 200, align = "center"})
  check.equal(box.width, 200, "box width is the paragraph width")
  local ink = box.ink
  check.near(ink.x + ink.width / 2, 100, 2, "ink centre inside the 200-wide box")
  c:discard()
end)

test("new_page with an orientation keeps the page size", function()
  local c = canvas.pdf(nil, {size = "letter"})
  c:new_page({orientation = "landscape"})
  local w, h = c:size()
  check.equal(w, 792, "landscape letter width")
  check.equal(h, 612, "landscape letter height")
  c:discard()
end)

test("a missing png size names the option and its range", function()
  check.errors(function() canvas.png(nil, {height = 10}) end,
    "canvas.png: option 'width' is missing (a number in [1, 32767])", "png without width")
end)

test("an image that is not a PNG says so", function()
  local c = canvas.png("regression.png", {width = 40, height = 40})
  check.errors(function() c:image("check.lua", 0, 0, 10, 10) end,
    "cannot read image 'check.lua': not a PNG file", "image of a Lua file")
  c:discard()
end)

test("a canvas has text methods without requiring sumi.text", function()
  local c = canvas.png("regression.png", {width = 40, height = 40})
  check.equal(type(c.text), "function", "c.text")
  check.equal(type(c.measure_text), "function", "c.measure_text")
  c:discard()
end)

test("math.random gives the same numbers on every run", function()
  -- The state is seeded with 0, so this sequence is fixed for Lua 5.4's xoshiro256**.
  local first = {math.random(1000), math.random(1000), math.random(1000)}
  math.randomseed(0)
  local again = {math.random(1000), math.random(1000), math.random(1000)}
  for i = 1, 3 do check.equal(again[i], first[i], "draw " .. i) end
end)

test("a document block's mistake found while measuring the pages names the block's line", function()
  local doc = sumi.document.new{title = "t"}
  doc:heading("見出し", 1)
  local where = check.here(); doc:paragraph("本文", {color = "nocolor"})
  local m = check.message_of(function() doc:save("regression-colour.pdf") end)
  check.equal(m:sub(1, #where), where, "the paragraph's line, not doc:save's")
  check.is_true(m:find("'color' must be a colour", 1, true) ~= nil, m)
  doc:discard()
end)

check.done()
