-- Structure tags (canvas_tags.c) and the options of tagged and PDF/A
-- canvases: every misuse is an error at the script's line that says what
-- to do, and a canvas that does not keep tags checks them all the same.
-- What the tags make of a PDF is read back by tests/pdf/tagged_pdf.sh.
local check = require "check"
local here = check.here
local sumi = require "sumi"
local runtime = require "sumi.runtime"
local canvas = sumi.canvas
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
local function tagged(name)
  return canvas.pdf(out_dir .. "/" .. name, {title = "タグ", lang = "ja", tagged = true})
end

test("a tagged PDF needs a title and a language; lang alone does nothing", function()
  check.errors(function() canvas.pdf(out_dir .. "/x.pdf", {tagged = true, lang = "ja"}) end,
    "canvas.pdf: a tagged PDF needs option 'title'")
  check.errors(function() canvas.pdf(out_dir .. "/x.pdf", {tagged = true, title = "t"}) end,
    "canvas.pdf: a tagged PDF needs option 'lang'")
  check.errors(function() canvas.pdf(out_dir .. "/x.pdf", {lang = "ja"}) end,
    "canvas.pdf: option 'lang' is the language of a tagged or PDF/A file")
  check.errors(function() canvas.pdf(out_dir .. "/x.pdf", {tagged = true, title = "t", lang = "xx"}) end,
    "canvas.pdf: option 'lang' must be")
  check.errors(function() canvas.pdf(out_dir .. "/x.pdf", {pdfa = "yes"}) end,
    "canvas.pdf: option 'pdfa' must be a boolean")
  check.errors(function() canvas.pdf(out_dir .. "/x.pdf", {tagged = true, title = "", lang = "ja"}) end,
    "canvas.pdf: a tagged PDF needs option 'title'")
  check.errors(function() canvas.pdf(out_dir .. "/x.pdf", {author = "a\xff"}) end,
    "canvas.pdf: option 'author' must be UTF-8 text")
end)

test("roles and their options are checked", function()
  local c <close> = tagged("checked.pdf")
  check.errors(function() c:begin_tag("Paragraph") end,
    "canvas:begin_tag: unknown role 'Paragraph' (valid: Document")
  check.errors(function() c:begin_tag("Figure") end, "canvas:begin_tag: a Figure needs option 'alt'")
  check.errors(function() c:begin_tag("Figure", {alt = ""}) end,
    "canvas:begin_tag: option 'alt' must be a non-empty UTF-8 string")
  check.errors(function() c:begin_tag("P", {alt = "x"}) end,
    "canvas:begin_tag: option 'alt' belongs to a Figure")
  check.errors(function() c:begin_tag("TD", {scope = "column"}) end,
    "canvas:begin_tag: option 'scope' belongs to a header cell (TH)")
  check.errors(function() c:begin_tag("TH", {scope = "diagonal"}) end,
    "canvas:begin_tag: option 'scope' must be one of")
  check.errors(function() c:begin_tag("P", {uri = "https://example.com"}) end,
    "canvas:begin_tag: option 'uri' belongs to a Link")
  check.errors(function() c:begin_tag("Link", {dest = "top"}) end,
    "canvas:begin_tag: a Link needs option 'box'")
  check.errors(function() c:begin_tag("Link", {box = {0, 0, 10, 10}}) end,
    "canvas:begin_tag: give exactly one of 'uri' and 'dest'")
  check.errors(function() c:begin_tag("Figure", {alt = "x", box = {0, 0}}) end,
    "canvas:begin_tag: option 'box' must be {x, y, width, height}")
  check.errors(function() c:begin_tag("P", {lang = "tlh"}) end, "canvas:begin_tag: option 'lang' must be")
  check.errors(function() c:begin_tag("P", {colour = "red"}) end, "canvas:begin_tag: unknown option 'colour'")
  c:discard()
end)

test("tags nest as they were begun, and nothing is tagged inside an artifact", function()
  local c = tagged("nesting.pdf")
  c:begin_tag("Document")
  c:begin_tag("P")
  local where, message = here(), check.errors(function() c:end_tag("H1") end, "'H1' ends, but")
  check.is_true(message:find(
    "canvas:end_tag: 'H1' ends, but the innermost open tag is 'P'", 1, true), message)
  check.is_true(message:find(where, 1, true) == 1, "the message starts with the script's line: " .. message)
  c:end_tag("P")
  c:begin_tag("Artifact")
  check.errors(function() c:begin_tag("P") end, "canvas:begin_tag: nothing is tagged inside an Artifact")
  check.errors(function() c:link(0, 0, 10, 10, {uri = "https://example.com"}) end,
    "canvas:link: a link inside an Artifact cannot be reached")
  c:end_tag("Artifact")
  check.errors(function() c:image("logo.png", 0, 0, 10, 10) end,
    "canvas:image: an image on a tagged PDF goes inside a Figure (with its alt text) or")
  check.errors(function() c:close() end, "canvas:close: tag 'Document' was begun but never ended")
  c:end_tag("Document")
  check.errors(function() c:end_tag("Document") end, "canvas:end_tag: no tag is open")
  c:close()
end)

test("PNG, SVG, trace and untagged PDF canvases check tags the same way and keep none", function()
  local png = canvas.png(out_dir .. "/tags.png", {width = 40, height = 40})
  png:begin_tag("Figure", {alt = "a square", box = {0, 0, 40, 40}})
  png:rect(0, 0, 40, 40)
  png:fill("black")
  check.errors(function() png:end_tag("P") end,
    "canvas:end_tag: 'P' ends, but the innermost open tag is 'Figure'")
  png:end_tag("Figure")
  png:close()
  local pdf = canvas.pdf(out_dir .. "/untagged.pdf", {width = 100, height = 100})
  check.errors(function() pdf:begin_tag("Figure") end, "canvas:begin_tag: a Figure needs option 'alt'")
  pdf:begin_tag("P")
  pdf:text("untagged", 10, 10)
  pdf:end_tag("P")
  pdf:close()
end)

test("documents: a tagged PDF needs a title, an image needs alt text or to be decorative", function()
  local doc = sumi.document.new{}
  doc:paragraph("本文")
  check.errors(function() doc:save(out_dir .. "/untitled.pdf") end,
    "document:save: a tagged PDF needs a title (PDF/UA-1)")
  local untagged = sumi.document.new{tagged = false}
  untagged:paragraph("本文")
  check.equal(untagged:save(out_dir .. "/untagged-doc.pdf").pages, 1, "an untagged document needs no title")
  local titled = sumi.document.new{title = "題"}
  check.errors(function() titled:figure("logo.png") end, "document:figure: an image needs option 'alt'")
  check.errors(function() titled:figure("logo.png", {alt = ""}) end, "document:figure: option 'alt' is empty")
  check.errors(function() titled:figure("logo.png", {alt = "x", decorative = true}) end,
    "document:figure: a decorative figure is not read, so it takes no 'alt'")
  check.errors(function() titled:paragraph("x", {lang = "tlh"}) end,
    "document:paragraph: option 'lang' must be")
end)

check.done()
