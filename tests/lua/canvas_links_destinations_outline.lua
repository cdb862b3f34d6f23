-- Links, named destinations and outline entries (canvas_nav.c): a trace
-- records them in page coordinates, PNG and SVG canvases accept and ignore
-- them, and their arguments are checked before anything is written.
local check = require "check"
local sumi = require "sumi"
local trace = require "trace"
local runtime = require "sumi.runtime"
local canvas = sumi.canvas
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."

test("a trace records links, destinations and outline entries on the page", function()
  local c = canvas.trace(out_dir .. "/nav.trace", {width = 200, height = 200})
  c:translate(10, 20)
  c:link(0, 0, 50, 12, {dest = "part-2"})
  c:link(0, 20, 50, 12, {uri = "https://example.com/?q=a'b"})
  c:new_page()
  c:destination("part-2", 5, 6)
  local top = c:outline("第2部 概要", {dest = "part-2"})
  local child = c:outline("2.1", {dest = "part-2", parent = top, open = true})
  check.equal(top, 1, "first id")
  check.equal(child, 2, "second id")
  local t = trace.parse(c:close())
  local links = t:select("link", 1)
  check.equal(#links, 2, "links on page 1")
  check.equal(links[1].x, 10, "link x follows the translate")
  check.equal(links[1].y, 20, "link y follows the translate")
  check.equal(links[1].w, 50, "link width")
  check.equal(links[1].dest, "part-2", "internal target")
  check.equal(links[2].uri, "https://example.com/?q=a'b", "external target")
  local dests = t:select("destination", 2)
  check.equal(#dests, 1, "destination on page 2 (new_page keeps no transform)")
  check.equal(dests[1][1], "part-2", "destination name")
  local outline = t:select("outline")
  check.equal(outline[1][1], "第2部 概要", "outline title")
  check.equal(outline[2].parent, 1, "child's parent")
end)

test("png and svg canvases ignore navigation", function()
  local p = canvas.png(out_dir .. "/nav.png", {width = 10, height = 10})
  p:link(0, 0, 5, 5, {uri = "https://example.com"})
  p:destination("a", 0, 0)
  check.equal(p:outline("x", {dest = "a"}), 1, "ids still count")
  p:discard()
end)

test("bad navigation arguments are clear errors", function()
  local c = canvas.pdf(out_dir .. "/nav-errors.pdf")
  check.errors(function() c:link(0, 0, 10, 10, {}) end, "give exactly one of 'uri' and 'dest'")
  check.errors(function() c:link(0, 0, 10, 10, {uri = "a", dest = "b"}) end,
               "give exactly one of 'uri' and 'dest'")
  check.errors(function() c:link(0, 0, 10, 10, {url = "a"}) end,
               "unknown option 'url'")
  check.errors(function() c:link(0, 0, -1, 10, {uri = "a"}) end, "width")
  check.errors(function() c:link(0, 0, 10, 10, {uri = "a b"}) end, "spaces")
  check.errors(function() c:destination("bad name", 0, 0) end, "destination name may hold only")
  check.errors(function() c:outline("t", {dest = "a", parent = 3}) end, "parent")
  check.errors(function() c:outline("t", {}) end,
    "canvas:outline: option 'dest' is missing (a destination name)")
  check.errors(function() c:outline("a\xff", {dest = "a"}) end, "not valid UTF-8")
  c:discard()
  check.errors(function() c:link(0, 0, 10, 10, {uri = "https://example.com"}) end,
               "attempt to use a closed canvas")
  check.errors(function() c:outline("t", {dest = "a"}) end, "attempt to use a closed canvas")
end)

check.done()
