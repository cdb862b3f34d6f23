-- A character no configured font has is drawn, with a warning that names it
-- (run by run_expecting_warning.sh, which checks stderr).
local check = require "check"
local sumi = require "sumi"

local c = sumi.canvas.pdf(nil)
check.test("Japanese, Chinese and Latin text draws without a warning", function()
  c:text("日本語 简体中文 繁體中文 Latin 1,509 → ✓ €", 10, 10)
end)
check.done()
-- Last, so that nothing above can fail after the warnings are printed.
c:text("private use: \u{E000}", 10, 40)
sumi.warn("a warning from the script")
