-- Misusing a canvas raises an error that says what went wrong; a closed
-- canvas answers every call with "attempt to use a closed canvas".
local check = require "check"
local sumi = require "sumi"
local runtime = require "sumi.runtime"
local canvas = sumi.canvas
local test = check.test

-- Scratch files go beside the -o output, an absolute path, so that the
-- script can read them back with c:image.
local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."

test("new_page on a png or an svg errors", function()
  local p = canvas.png(out_dir .. "/scratch.png", {width = 10, height = 10})
  check.errors(function() p:new_page() end,
               "a png canvas has one page; only pdf and trace canvases take new_page", "png")
  p:discard()
  local s = canvas.svg(out_dir .. "/scratch.svg", {width = 10, height = 10})
  check.errors(function() s:new_page() end, "a svg canvas has one page", "svg")
  s:discard()
end)

test("restore without save errors", function()
  local c = canvas.pdf(nil)
  check.errors(function() c:restore() end, "restore() without a matching save()", "restore")
  c:save()
  c:restore()
  check.errors(function() c:restore() end, "restore() without a matching save()", "second restore")
  c:discard()
end)

test("new_page inside an unfinished save errors", function()
  local c = canvas.pdf(nil)
  c:save()
  check.errors(function() c:new_page() end, "new_page inside save() without restore() (1 open)",
               "new_page")
  c:restore()
  c:new_page()
  check.equal(c:page_count(), 2, "pages after restore")
  c:discard()
end)

test("a closed canvas errors with 'attempt to use a closed canvas'", function()
  local c = canvas.pdf(nil)
  c:discard()
  for _, call in ipairs{
    function() c:size() end,
    function() c:rect(0, 0, 1, 1) end,
    function() c:text("x", 0, 0) end,
    function() c:measure_text("x") end,
    function() c:close() end,
  } do
    check.errors(call, "attempt to use a closed canvas", "call after discard")
  end
  check.equal(tostring(c), "canvas (closed)", "tostring")
  c:discard() -- a second discard is harmless
end)

-- A name no earlier run has published (outputs appear when a run succeeds).
local function fresh_png_path(stem)
  return ("%s/%s-%d-%d.png"):format(out_dir, stem, os.time(), math.random(1, 1 << 30))
end

test("close finishes the canvas; a second close errors", function()
  local p = canvas.png(fresh_png_path("closed"), {width = 20, height = 10})
  p:close()
  check.errors(function() p:close() end, "attempt to use a closed canvas", "second close")
  p:discard()
end)

test("a closed canvas is not published before the run has succeeded", function()
  local path = fresh_png_path("closed")
  local p = canvas.png(path, {width = 20, height = 10})
  p:close()
  local c = canvas.pdf(nil)
  check.errors(function() c:image(path, 0, 0, 100, 100) end, "cannot open image",
               "reading the closed canvas's file")
  p:discard() -- withdraws it: nothing is left behind
  c:discard()
end)

test("a <close> variable closes at the end of its block, publishing later", function()
  local path = fresh_png_path("block")
  local kept
  do
    local p <close> = canvas.png(path, {width = 10, height = 10})
    p:paint("red")
    kept = p
  end
  check.equal(tostring(kept), "canvas (closed)", "closed after the block")
  local c = canvas.pdf(nil)
  check.errors(function() c:image(path, 0, 0, 10, 10) end, "cannot open image", "not yet published")
  kept:discard()
  c:discard()
end)

test("a discarded canvas writes nothing", function()
  local path = out_dir .. "/discarded.png"
  canvas.png(path, {width = 10, height = 10}):discard()
  local c = canvas.pdf(nil)
  check.errors(function() c:image(path, 0, 0, 10, 10) end, "cannot open image", "image")
  c:discard()
end)

test("coordinates must be finite and within cairo's range", function()
  local c = canvas.pdf(nil)
  check.errors(function() c:move_to(0 / 0, 0) end, "number expected, got nan", "NaN")
  check.errors(function() c:line_to(math.huge, 0) end, "finite number expected", "infinity")
  check.errors(function() c:move_to(1e9, 0) end, "coordinate out of range", "far away")
  check.errors(function() c:rect(0, 0, 1e7, 1) end, "width must be in", "huge rect")
  check.errors(function() c:polyline({0, 0, 10}) end, "an even count of numbers expected",
               "odd polyline")
  check.errors(function() c:polyline({0, 0, "x", 1}) end, "point 2 is not two numbers",
               "polyline point")
  check.errors(function() c:scale(0) end, "bad scale factors", "scale 0")
  check.errors(function() c:arc(0, 0, -1, 0, 90) end, "radius must be in", "negative radius")
  c:discard()
end)

test("an image that is missing or not a PNG errors", function()
  local c = canvas.pdf(nil)
  check.errors(function() c:image("missing.png", 0, 0, 10, 10) end,
               "cannot open image 'missing.png'", "missing")
  check.errors(function() c:image("check.lua", 0, 0, 10, 10) end,
               "cannot read image 'check.lua'", "not a PNG")
  check.errors(function() c:image("check.lua", 0, 0, 0, 10) end,
               "width and height must be > 0", "empty box")
  c:discard()
end)

check.done()
