-- Page sizes, orientation, units and page counts are what API.md says.
local check = require "check"
local sumi = require "sumi"
local runtime = require "sumi.runtime"
local canvas = sumi.canvas
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
local mm = sumi.mm

test("sumi.mm converts millimetres to points", function()
  check.equal(mm(25.4), 72.0, "25.4 mm")
  check.near(mm(210), 595.2756, 1e-3, "210 mm")
  check.equal(sumi.mm, canvas.mm, "sumi.mm is canvas.mm")
end)

test("a pdf is A4 portrait unless told otherwise", function()
  local c = canvas.pdf(nil)
  local w, h = c:size()
  check.near(w, mm(210), 1e-9, "width")
  check.near(h, mm(297), 1e-9, "height")
  check.equal(c:kind(), "pdf", "kind")
  check.equal(c:page_count(), 1, "pages")
  c:discard()
end)

test("named sizes match their millimetres, B sizes being JIS", function()
  local sizes = {A3 = {297, 420}, A5 = {148, 210}, B4 = {257, 364}, B5 = {182, 257}}
  for name, dims in pairs(sizes) do
    local c = canvas.pdf(nil, {size = name})
    local w, h = c:size()
    check.near(w, mm(dims[1]), 1e-9, name .. " width")
    check.near(h, mm(dims[2]), 1e-9, name .. " height")
    c:discard()
  end
  local slides = {letter = {612, 792}, legal = {612, 1008}, ["16:9"] = {720, 405}, ["4:3"] = {720, 540}}
  for name, dims in pairs(slides) do
    local c = canvas.pdf(nil, {size = name})
    local w, h = c:size()
    check.equal(w, dims[1], name .. " width")
    check.equal(h, dims[2], name .. " height")
    c:discard()
  end
end)

test("orientation swaps the sides when needed", function()
  local c = canvas.pdf(nil, {size = "letter", orientation = "landscape"})
  check.equal(select(1, c:size()), 792, "landscape letter width")
  c:discard()
  c = canvas.pdf(nil, {size = "16:9", orientation = "portrait"})
  check.equal(select(1, c:size()), 405, "portrait 16:9 width")
  c:discard()
end)

test("width and height override one side of the size", function()
  local c = canvas.pdf(nil, {width = 300})
  local w, h = c:size()
  check.equal(w, 300, "width")
  check.near(h, mm(297), 1e-9, "height stays A4")
  c:discard()
end)

test("new_page keeps the size, or takes a new one, and counts pages", function()
  local c = canvas.pdf(nil, {size = "A5"})
  c:new_page()
  check.near(select(1, c:size()), mm(148), 1e-9, "same size")
  c:new_page{size = "A4", orientation = "landscape"}
  check.near(select(1, c:size()), mm(297), 1e-9, "landscape A4")
  check.equal(c:page_count(), 3, "pages")
  c:discard()
end)

test("a pixel png measures in pixels", function()
  local p = canvas.png(out_dir .. "/px.png", {width = 640.9, height = 480})
  local w, h = p:size()
  check.equal(w, 640, "width (fractions dropped)")
  check.equal(h, 480, "height")
  check.equal(p:kind(), "png", "kind")
  p:discard()
end)

test("a png sized in millimetres measures in points at any dpi", function()
  for _, dpi in ipairs{72, 150, 300} do
    local p = canvas.png(out_dir .. "/mm.png", {width_mm = 80, height_mm = 50, dpi = dpi})
    local w, h = p:size()
    -- The pixel count is rounded up, so the page may be a pixel larger.
    check.near(w, mm(80), 72 / dpi, "width at " .. dpi .. " dpi")
    check.near(h, mm(50), 72 / dpi, "height at " .. dpi .. " dpi")
    p:discard()
  end
end)

test("an svg measures in points", function()
  local s = canvas.svg(out_dir .. "/s.svg", {width = 400, height = 300})
  local w, h = s:size()
  check.equal(w, 400, "width")
  check.equal(h, 300, "height")
  check.equal(s:kind(), "svg", "kind")
  s:discard()
end)

test("tostring names the kind and size", function()
  local s = canvas.svg(out_dir .. "/s.svg", {width = 400, height = 300})
  check.equal(tostring(s), "svg canvas 400.0 x 300.0", "tostring")
  s:discard()
end)

check.done()
