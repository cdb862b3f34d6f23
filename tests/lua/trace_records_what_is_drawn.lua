-- canvas.trace writes one line per drawing operation, in page coordinates
-- rounded to 2 decimals (docs/API.md, "Traces"); close() returns the text.
-- Run with -p image=PATH (a PNG).
local check = require "check"
local sumi = require "sumi"
local trace = require "trace"
local runtime = require "sumi.runtime"
local canvas = sumi.canvas
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
local image = runtime.params().image

local function traced(draw, opts)
  local c = canvas.trace(out_dir .. "/scratch.trace", opts or {width = 200, height = 100})
  draw(c)
  return c:close()
end

local function lines(text)
  local out = {}
  for line in text:gmatch("([^\n]*)\n") do out[#out + 1] = line end
  return out
end

test("header, page and background", function()
  local l = lines(traced(function() end, {width = 200.004, height = 100, background = "#ffffff"}))
  check.equal(l[1], "trace version=1 width=200 height=100", "header")
  check.equal(l[2], "page 1 width=200 height=100", "page")
  check.equal(l[3], "paint paint=#FFFFFFFF", "background")
  check.equal(#l, 3, "line count")
end)

test("a rectangle is a rect, in page coordinates after the CTM", function()
  local l = lines(traced(function(c)
    c:translate(10, 20)
    c:scale(2)
    c:rect(1, 1, 10, 5)
    c:fill("#ff000080")
  end))
  check.equal(l[3], "fill shape=rect x=12 y=22 w=20 h=10 paint=#FF000080", "rect")
end)

test("paths count their segments; strokes give width and dash", function()
  local l = lines(traced(function(c)
    c:polyline({0, 0, 10, 10, 20, 0}, true)
    c:fill({color = "blue", rule = "even_odd"})
    c:scale(2)
    c:move_to(5, 5)
    c:line_to(15, 5)
    c:stroke({color = "#00000080", width = 1.5, dash = {2, 1}, cap = "round"})
  end))
  check.equal(l[3], "fill shape=path segments=4 x=0 y=0 w=20 h=10 paint=#0000FFFF rule=evenodd",
              "triangle")
  check.equal(l[4], "stroke shape=path segments=2 x=10 y=10 w=20 h=0 paint=#00000080 width=3 "
              .. "dash=4,2 cap=round", "line")
end)

test("gradients show their points on the page and their stops", function()
  local g = canvas.linear_gradient(0, 0, 100, 0, {{0, "red"}, {1, "#0000ff80"}})
  local r = canvas.radial_gradient(50, 50, 20, {{0, "white"}, {1, "black"}})
  local l = lines(traced(function(c)
    c:translate(10, 0)
    c:rect(0, 0, 100, 10)
    c:fill(g)
    c:rect(0, 20, 100, 60)
    c:fill(r)
  end))
  check.equal(l[3], "fill shape=rect x=10 y=0 w=100 h=10 paint=linear(10,0,110,0;0:#FF0000FF,"
              .. "1:#0000FF80)", "linear")
  check.equal(l[4], "fill shape=rect x=10 y=20 w=100 h=60 paint=radial(60,50,20;0:#FFFFFFFF,"
              .. "1:#000000FF)", "radial")
end)

test("clips are shown, and lifted by restore and reset_clip", function()
  local t = trace.parse(traced(function(c)
    c:save()
    c:rect(0, 0, 50, 50)
    c:clip()
    c:arc(25, 25, 10, 0, 360)
    c:clip()
    c:restore()
    c:rect(0, 0, 10, 10)
    c:clip()
    c:reset_clip()
  end))
  local kinds = {}
  for _, r in ipairs(t.records) do kinds[#kinds + 1] = r.kind end
  check.equal(table.concat(kinds, " "), "page clip clip unclip unclip clip unclip", "sequence")
  check.equal(t.records[2].shape, "rect", "first clip")
  check.equal(t.records[3].shape, "path", "second clip")
  check.equal(t.records[3].segments, 5, "a circle: move and four curves")
end)

test("an image shows its box and its pixel size", function()
  local t = trace.parse(traced(function(c)
    c:image(image, 10, 10, 100, 50, {fit = "fill"})
  end))
  local clip, img = t.records[2], t.records[3]
  check.equal(clip.kind, "clip", "the image box clips")
  check.equal(img.kind, "image", "image")
  check.equal(img.x, 10, "x")
  check.equal(img.y, 10, "y")
  check.equal(img.w, 100, "w")
  check.equal(img.h, 50, "h")
  check.is_true(tostring(img.pixels):match("^%d+x%d+$"), "pixels WxH")
  check.equal(t.records[4].kind, "unclip", "the clip ends with the image")
end)

test("text: one block per call, one line per run, with the font Pango chose", function()
  local t = trace.parse(traced(function(c)
    c:text("東京 \"Tokyo\"", 10, 20, {size = 10, color = "#336699"})
    c:text("回転", 100, 50, {size = 10, angle = 90})
  end))
  local blocks, runs = t:select("block"), t:select("text")
  check.equal(#blocks, 2, "blocks")
  check.equal(blocks[1][1], "東京 \"Tokyo\"", "quoted text comes back unescaped")
  check.equal(blocks[1].x, 10, "block x")
  check.equal(blocks[1].y, 20, "block y")
  check.equal(#runs, 2, "runs")
  local r = runs[1]
  check.equal(r[1], "東京 \"Tokyo\"", "one run: kanji and Latin look the same")
  check.equal(r.x, 10, "baseline start x")
  check.near(r.y - r.ascent, 20, 0.01, "baseline minus ascent is the top")
  check.equal(r.font, "Noto Sans CJK JP", "font")
  check.equal(r.size, 10, "size")
  check.equal(r.weight, 400, "weight")
  check.equal(r.color, "#336699FF", "colour")
  check.equal(r.angle, 0, "angle")
  check.equal(runs[2].angle, 90, "rotated")
end)

test("text drawn while a path is begun goes where it is asked, and the path stays", function()
  local t = trace.parse(traced(function(c)
    c:rect(30, 40, 20, 10)
    c:text("途中", 100, 60, {size = 10})
    c:fill("#336699")
  end))
  local block = t:select("block")[1]
  check.equal(block.x, 100, "block x")
  check.equal(block.y, 60, "block y")
  local fill = t:select("fill")[1]
  check.equal(fill.shape, "rect", "the rectangle is filled after the text")
  check.equal(fill.x, 30, "rect x")
  check.equal(fill.w, 20, "rect w")
end)

test("a trace is the same text every time", function()
  local function draw(c)
    c:rect(0.001, 1 / 3, 10, 10)
    c:fill("black")
    c:text("同じ", 1 / 7, 2 / 3)
  end
  check.equal(traced(draw), traced(draw), "two traces")
end)

test("pages", function()
  local t = trace.parse(traced(function(c)
    c:new_page({width = 300, height = 150})
  end))
  check.equal(#t:select("page"), 2, "pages")
  check.equal(t:select("page")[2].width, 300, "second page width")
end)

check.done()
