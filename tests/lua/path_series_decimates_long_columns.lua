-- sumi.path.series: a million-point column drawn from C, decimated to what
-- the device can show. The PNGs and PDFs written here are compared by the
-- ctest test lua_path_series_outputs_compare (path_series_compare.cmake):
-- the decimated PDF must be much smaller, and the decimated PNG all but
-- identical to the full one (imgdiff, tolerance 8 levels).
local check = require "check"
local sumi = require "sumi"
local path = require "sumi.path"
local runtime = require "sumi.runtime"
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
local N = 1000000

-- A sine plus noise, built once in Lua; the drawing reads the columns in place.
local xs, ys = {}, {}
math.randomseed(42)
for i = 1, N do
  xs[i] = i - 1
  ys[i] = math.sin(i * 6 * math.pi / N) + (math.random() - 0.5) * 0.4
end
local ds = sumi.data.from_columns({"x", "y"}, {x = xs, y = ys})
xs, ys = nil, nil -- luacheck: ignore (frees the arrays)
local X, Y = ds:view("x"), ds:view("y")

-- Rasterising a million crossing segments takes cairo minutes, so the
-- pixel comparison uses every 20th point (still 26 per pixel column).
local M = N // 20
local sx, sy = {}, {}
for i = 1, M do
  sx[i] = (i - 1) * 20
  sy[i] = ds:row((i - 1) * 20 + 1).y
end

local function options(width, height, decimate)
  return {x = {domain = {0, N - 1}, range = {0, width}},
          y = {domain = {-1.5, 1.5}, range = {height, 0}}, decimate = decimate}
end

local function png(name, xv, yv, decimate)
  local c = sumi.canvas.png(out_dir .. "/" .. name .. ".png", {width = 1920, height = 1080})
  local n = path.series(c, xv, yv, options(1920, 1080, decimate))
  c:stroke{color = "#1f4e79", width = 1}
  c:close()
  return n
end

local function pdf(name, decimate)
  local c = sumi.canvas.pdf(out_dir .. "/" .. name .. ".pdf", {size = "A4", orientation = "landscape"})
  local w, h = c:size()
  local n = path.series(c, X, Y, options(w, h, decimate))
  c:stroke{color = "#1f4e79", width = 0.5}
  c:close()
  return n
end

-- minmax keeps at most 4 points per quarter pixel column: 16 per column.
test("a million points decimate to at most sixteen per pixel column", function()
  local c = sumi.canvas.png(out_dir .. "/path_series_scratch.png", {width = 1920, height = 1080})
  local n = path.series(c, X, Y, options(1920, 1080, "minmax"))
  check.less(12 * 1920, n, "decimated points (some per quarter column)")
  check.is_true(n <= 16 * 1920, "decimated points <= 16 x 1920, got " .. n)
  c:stroke{color = "#1f4e79", width = 1}
  check.equal(path.series(c, X, Y, options(1920, 1080, false)), N, "undecimated points")
  c:new_path()
  c:discard()
end)

test("the decimated and the full png are drawn for comparison", function()
  local n = png("path_series_decimated", sx, sy, nil)
  check.is_true(n <= 16 * 1920, "decimated points <= 16 x 1920, got " .. n)
  check.less(n, M * 0.6, "decimated points (fewer than the full " .. M .. ")")
  check.equal(png("path_series_full", sx, sy, false), M, "points")
end)

test("a pdf decimates by its points: 1 pt is the pixel", function()
  local n = pdf("path_series_decimated", nil)
  check.is_true(n <= 16 * 842, "decimated points <= 16 x 842 pt, got " .. n)
  check.equal(pdf("path_series_full", false), N, "points")
end)

test("lttb keeps the number of points asked for", function()
  local c = sumi.canvas.svg(out_dir .. "/path_series_scratch.svg", {width = 400, height = 300})
  check.equal(path.series(c, X, Y, {x = {domain = {0, N - 1}, range = {0, 400}},
                                    y = {domain = {-1.5, 1.5}, range = {300, 0}},
                                    decimate = "lttb", points = 500}), 500, "points")
  check.equal(path.series(c, X, Y, {x = {domain = {0, N - 1}, range = {0, 400}},
                                    y = {domain = {-1.5, 1.5}, range = {300, 0}},
                                    decimate = "lttb"}), 800, "points: 2 x the width")
  c:discard()
end)

local small = {x = {domain = {1, 5}, range = {0, 100}}, y = {domain = {0, 10}, range = {100, 0}}}

test("nils break the line into sub-paths", function()
  local c = sumi.canvas.svg(out_dir .. "/path_series_scratch.svg", {width = 100, height = 100})
  check.equal(path.series(c, {1, 2, 3, 4, 5}, {1, 2, nil, 4, 5, n = 5}, small), 4, "points")
  -- the same gap from a column view with a null
  local g = sumi.data.from_columns({"x", "y"}, {x = {1, 2, 3, 4, 5}, y = {1, nil, 3, nil, 5, n = 5}})
  check.equal(path.series(c, g:view("x"), g:view("y"), small), 3, "points from columns")
  c:discard()
end)

test("bad input is an error naming what is wrong", function()
  local c = sumi.canvas.svg(out_dir .. "/path_series_scratch.svg", {width = 100, height = 100})
  check.errors(function() path.series(c, {1, 2, 3}, {1, 0 / 0, 3}, small) end, "value 2 is nan")
  check.errors(function() path.series(c, {1, 2, 3}, {1, 2}, small) end, "lengths must match")
  check.errors(function()
    path.series(c, {1}, {1}, {x = {domain = {1, 1}, range = {0, 1}}, y = small.y})
  end, "path.series: option 'x.domain' must span more than zero; both ends are 1.0")
  check.errors(function()
    path.series(c, {1}, {1}, {x = {domain = {0, 1 / 0}, range = {0, 1}}, y = small.y})
  end, "two finite numbers")
  check.errors(function() path.series(c, {1}, {1}, {x = small.x, y = small.y, decimate = "fast"}) end,
    "path.series: option 'decimate' must be one of minmax, lttb; got string \"fast\"")
  check.errors(function() path.series(c, {1}, {1}, {x = small.x, y = small.y, colour = 1}) end,
    "unknown option 'colour'")
  check.errors(function() path.series(c, {1, 1e12}, {1, 2}, small) end, "out of range")
  check.errors(function() path.series(c, {"a"}, {1}, small) end, "is a string")
  c:discard()
end)

test("stroke_width: a dense line on a PNG comes back as its stroke's area", function()
  local c = sumi.canvas.png(out_dir .. "/stroke_band.png", {width = 400, height = 200})
  local o = options(400, 200)
  o.stroke_width = 3
  local kept, filled = path.series(c, X, Y, o)
  check.is_true(filled, "filled")
  check.less(kept, 2 * 32 * (400 + 4), "two outline points per 1/32 column at most")
  c:fill("#1f4e79")
  -- not where x goes back, not on a PDF (the viewer strokes), not when sparse
  local back = {}
  for i = 1, 5000 do back[i] = (i * 7919) % 5000 end
  local ys5 = {}
  for i = 1, 5000 do ys5[i] = math.sin(i) end
  c:new_path()
  local _, refused = path.series(c, back, ys5, {x = {domain = {0, 5000}, range = {0, 400}},
    y = {domain = {-1, 1}, range = {200, 0}}, stroke_width = 3})
  check.is_true(not refused, "unordered x is stroked")
  c:new_path()
  local page = sumi.canvas.pdf(out_dir .. "/stroke_band.pdf")
  local _, on_pdf = path.series(page, X, Y, o)
  check.is_true(not on_pdf, "a PDF keeps the line")
  local _, sparse = path.series(c, {1, 2, 3}, {1, 2, 3}, {x = {domain = {1, 3}, range = {0, 400}},
    y = {domain = {1, 3}, range = {200, 0}}, stroke_width = 3})
  check.is_true(not sparse, "a sparse line is stroked")
  check.errors(function() path.series(c, X, Y, {x = o.x, y = o.y, stroke_width = -1}) end, "stroke_width")
  c:discard()
  page:discard()
end)

check.done()
