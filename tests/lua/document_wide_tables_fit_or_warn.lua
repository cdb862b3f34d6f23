-- A table with more columns than the page is wide wraps the headers of its
-- figure columns and sets its text smaller until it fits; one that cannot
-- fit even at 6 pt is drawn all the same with one warning (checked on
-- stderr by run_expecting_warning.sh: exactly one, however many layouts
-- the contents take).
local check = require "check"
local sumi = require "sumi"
local trace = require "trace"
local runtime = require "sumi.runtime"

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."

local function months_table(doc, count)
  local cols, row = {{key = "name", title = "区分"}}, {name = "中国のAI関連企業"}
  for m = 1, count do
    cols[#cols + 1] = {key = "m" .. m, title = m .. "月の売上高"}
    row["m" .. m] = 1234567 * m
  end
  doc:table({row, row, row}, {columns = cols})
end

check.test("twelve figure columns fit the A4 text width", function()
  local doc = sumi.document.new{title = "wide"}
  months_table(doc, 12)
  local info = doc:save(out_dir .. "/wide-12.trace")
  local t = trace.parse(info.trace)
  local left, right = sumi.mm(20), 595.28 - sumi.mm(20)
  local figures, size = 0, nil
  for _, b in ipairs(t:select("block", 1)) do
    if b[1] == "14,814,804" then
      figures = figures + 1
      check.less(b.x + b.w, right + 0.5, "the last column inside the right margin")
    end
    check.less(left - 0.5, b.x, ("'%s' inside the left margin"):format(b[1]))
  end
  for _, r in ipairs(t:select("text", 1)) do
    if r[1] == "14,814,804" then size = r.size end
  end
  check.equal(figures, 3, "every row's last figure drawn")
  check.less(size, 9, "the text set smaller than the default")
  check.less(5.99, size, "but not below 6 pt")
end)

check.test("a table that cannot fit is drawn anyway, with one warning", function()
  local doc = sumi.document.new{title = "too wide"}
  doc:contents()
  doc:heading("表", 1)
  months_table(doc, 40)
  check.equal(doc:save(out_dir .. "/wide-40.trace").pages, 1, "one page")
end)

check.done()
