-- Small font subsets for a PDF (docs/API.md, "Font subsets"): what is to
-- be drawn is drawn first on a trace that records the faces and characters
-- Pango chose, then the PDF canvas is given HarfBuzz subsets of exactly
-- those, instead of cairo's subsets of the whole CJK faces.
local canvas = require "sumi.canvas"
local runtime = require "sumi.runtime"

local subset = {}

--- subset.prepare(pdf, width, height, draw): draw(trace) draws what the
--- PDF will hold on a recording trace of that size; the PDF canvas then
--- draws with subsets of the fonts it used. When the subsets cannot be made
--- the run warns and the PDF embeds the whole fonts.
function subset.prepare(pdf, width, height, draw)
  -- <close>: an error in draw still lets the trace go at once.
  local scratch <close> = canvas.trace(false, {width = width, height = height})
  scratch:record_fonts()
  draw(scratch)
  local ok, err = pdf:subset_fonts(scratch)
  scratch:discard()
  if not ok then runtime.warn(err .. "; the PDF embeds the whole fonts") end
end

return subset
