-- Bytes that are not UTF-8 never reach Pango (it would draw a box per byte
-- and only warn) nor a dataset: the error says "not valid UTF-8".
local check = require "check"
local sumi = require "sumi"
local test = check.test

local c = sumi.canvas.pdf(nil)

test("c:text of invalid UTF-8 errors with 'not valid UTF-8'", function()
  check.errors(function() c:text("a\xffb", 0, 0) end, "not valid UTF-8", "text")
end)

test("c:measure_text of invalid UTF-8 errors with 'not valid UTF-8'", function()
  check.errors(function() c:measure_text("\xe4\xb8") end, "not valid UTF-8", "truncated sequence")
end)

test("read_csv of a file that is not UTF-8 errors with 'not valid UTF-8'", function()
  check.errors(function() sumi.data.read_csv("fixtures/latin1.csv") end,
               "fixtures/latin1.csv:3: not valid UTF-8", "latin1.csv")
end)

c:discard()
check.done()
