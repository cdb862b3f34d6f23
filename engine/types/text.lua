---@meta sumi.text
-- Editor annotations for sumi.text (docs/API.md §11 and §12): the
-- functions behind c:text and c:measure_text, and the words a line keeps
-- whole. They describe; they do not run.

---Text as functions: `local text = require "sumi.text"` (also `sumi.text`).
---@class sumi.text
local text = {}

---The same function as `c:text`: sets s with Pango and HarfBuzz and draws it on the canvas
---with its anchor point (default the top-left corner of its box) at (x, y).
---@param canvas sumi.Canvas
---@param s string Valid UTF-8; "\n" starts a new line.
---@param x number
---@param y number
---@param options? sumi.CanvasTextOptions
---@return number width The text's box, before any rotation.
---@return number height
function text.draw(canvas, s, x, y, options) end

---The same function as `c:measure_text`: lays s out as `c:text` would, without drawing it.
---@param canvas sumi.Canvas
---@param s string Valid UTF-8.
---@param options? sumi.CanvasTextOptions
---@return sumi.TextMeasure measure
function text.measure(canvas, s, options) end

---The words of s, as the lines of a label that keeps its words whole (`keep_words`) see
---them: ICU's dictionary words in Japanese and Chinese, what lies between spaces in Korean.
---`text.words("大規模AIモデル")` is {"大規模", "AI", "モデル"}.
---@param s string Valid UTF-8.
---@param lang? string A language tag; default "ja".
---@return string[] words
function text.words(s, lang) end

return text
