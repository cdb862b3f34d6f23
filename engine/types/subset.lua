---@meta sumi.subset
-- Editor annotations for sumi.subset (docs/API.md §13, "Font subsets").
-- They describe; they do not run.

---Small font subsets for a PDF in one call: `local subset = require "sumi.subset"`.
---@class sumi.subset
local subset = {}

---Calls draw(trace) on a recording trace of the given size, then gives `pdf` HarfBuzz
---subsets of the faces it used (`c:record_fonts`, `c:subset_fonts`); draw what the PDF
---will hold, then draw it on `pdf`. When the subsets cannot be made the run warns and the
---PDF embeds the whole fonts.
---@param pdf sumi.Canvas The canvas to give the subsets to.
---@param width number The recording trace's width, points.
---@param height number The recording trace's height, points.
---@param draw fun(canvas: sumi.Canvas) Draws what the PDF will hold.
function subset.prepare(pdf, width, height, draw) end

return subset
