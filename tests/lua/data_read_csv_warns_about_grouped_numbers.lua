-- A CSV column read as text only because its numbers group their
-- thousands with "," ("3,755") is read, with a warning naming the script's
-- line, the file's line of the first such value and the option that reads
-- them (run_expecting_warning.sh checks the warnings on stderr: exactly the
-- two below). thousands = true reads them as numbers, and a column given
-- the type "string" stays text, neither with a warning; a column with words
-- in it is text either way, and not warned about.
local check = require "check"
local sumi = require "sumi"
local test = check.test

test("two columns warned about, read as text", function()
  local t = sumi.data.read_csv("fixtures/csv_grouped.csv") -- the two warnings: this line
  check.equal(t:type("count"), "string", "count")
  check.equal(t:row(1).count, "3,755", "count's text")
  check.equal(t:type("late"), "string", "late, text from its third value")
  check.equal(t:type("note"), "string", "note: words, no warning")
end)

test("thousands = true reads them as numbers, without a warning", function()
  local t = sumi.data.read_csv("fixtures/csv_grouped.csv", {thousands = true})
  check.equal(t:type("count"), "integer", "count")
  check.equal(t:row(1).count, 3755, "3,755")
  check.equal(t:row(3).late, 12000, "12,000")
  check.equal(t:type("note"), "string", "note")
end)

test("a column typed string stays text, without a warning", function()
  local t = sumi.data.read_csv("fixtures/csv_grouped.csv", {types = {count = "string", late = "string"}})
  check.equal(t:row(2).count, "12", "count")
end)

check.done()
