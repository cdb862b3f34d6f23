-- Small font subsets for a PDF (docs/API.md, "Font subsets"): what is to
-- be drawn is drawn first on a trace that records the faces and characters
-- Pango chose, then the PDF canvas is given HarfBuzz subsets of exactly
-- those, instead of cairo's subsets of the whole CJK faces.
local canvas = require "sumi.canvas"
local runtime = require "sumi.runtime"
local errors = require "sumi.internal.errors"

local subset = {}

-- The arguments, checked before anything is drawn: a bad one is an error
-- at the script's line, not at a line of this file.
local function check_arguments(pdf, width, height, draw)
  local ok = pcall(function() return pdf:kind() end)
  if not ok then
    errors.raise("subset.prepare: pdf must be an open canvas; got %s", errors.show(pdf))
  end
  for _, arg in ipairs({{"width", width}, {"height", height}}) do
    local v = arg[2]
    if type(v) ~= "number" or not (v >= 1 and v <= 1e6) then
      errors.raise("subset.prepare: %s must be a number in [1, 1000000]; got %s", arg[1], errors.show(v))
    end
  end
  if type(draw) ~= "function" then
    errors.raise("subset.prepare: draw must be a function; got %s", errors.show(draw))
  end
end

--- subset.prepare(pdf, width, height, draw): draw(trace) draws what the
--- PDF will hold on a recording trace of that size; the PDF canvas then
--- draws with subsets of the fonts it used. When the subsets cannot be made
--- the run warns and the PDF embeds the whole fonts.
function subset.prepare(pdf, width, height, draw)
  check_arguments(pdf, width, height, draw)
  -- <close>: an error in draw still lets the trace go at once.
  local scratch <close> = canvas.trace(false, {width = width, height = height})
  scratch:record_fonts()
  draw(scratch)
  local ok, err = pdf:subset_fonts(scratch)
  scratch:discard()
  if not ok then runtime.warn(err .. "; the PDF embeds the whole fonts") end
end

return subset
