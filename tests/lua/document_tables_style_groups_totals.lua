-- doc:table does what docs/API.md §17 "Tables" says of cells coloured by a
-- style function (and scale.color's heat colours), markup from a format,
-- column groups under spanning titles, subtotal rows, figures lined up on
-- their decimal point and zebra rows as a style: each checked on the trace
-- of the saved document (colours, weights, positions), and each mistake an
-- error at the doc:table line naming the row, column or option.
local check = require "check"
local sumi = require "sumi"
local scale = require "sumi.scale"
local format = require "sumi.format"
local trace = require "trace"
local runtime = require "sumi.runtime"
local here, message_of = check.here, check.message_of
local test = check.test

local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
local saved = 0

local function save(doc)
  saved = saved + 1
  local info = doc:save(("%s/tables-%d.trace"):format(out_dir, saved))
  return info, trace.parse(info.trace)
end

-- The first block whose text is `text` (on `page`), and its first run.
local function block(t, text, page)
  for _, b in ipairs(t:select("block", page)) do
    if b[1] == text then return b, t:runs_of(b)[1] end
  end
  error(("no block %q"):format(text), 2)
end

local function blocks_of(t, text, page)
  local found = {}
  for _, b in ipairs(t:select("block", page)) do
    if b[1] == text then found[#found + 1] = b end
  end
  return found
end

-- The fills of a colour (#RRGGBBAA).
local function fills(t, paint, page)
  local found = {}
  for _, f in ipairs(t:select("fill", page)) do
    if f.paint == paint then found[#found + 1] = f end
  end
  return found
end

-- The message doc:table(rows, opts) raises, and the "file:line: " of the
-- call, which the message must start with.
local function table_error(doc, rows, opts)
  local ok, m = pcall(doc.table, doc, rows, opts); local w = here()
  assert(not ok, "no error was raised")
  return m, w
end

local function exact(m, w, expected, what)
  check.is_true(w:find("document_tables_style_groups_totals.lua:%d+: $"), "here() gives file:line")
  check.equal(m, w .. expected, what)
end

local sales = {
  {region = "関東", company = "東京電子", q1 = 1284.5, q2 = 1320, change = 0.032},
  {region = "関東", company = "横浜精機", q1 = 864, q2 = 790.5, change = -0.085},
  {region = "関西", company = "大阪商事", q1 = 2210, q2 = 2405, change = 0.088},
  {region = "関西", company = "京都製作所", q1 = 530, q2 = 498, change = -0.06},
  {region = "九州", company = "福岡物産", q1 = 100, q2 = 112.5, change = 0.125},
}

test("a style function colours negatives red, sets weights and backgrounds, white text on dark", function()
  local doc = sumi.document.new{title = "表"}
  local seen = {}
  doc:table(sales, {columns = {"company", {key = "change", format = "pct1"}},
    style = function(v, row, key, index)
      seen[#seen + 1] = ("%s:%s:%d"):format(row.company, key, index)
      if key ~= "change" then return nil end
      if v < 0 then return {color = "#c0392b", weight = "bold"} end
      if v > 0.1 then return {background = "#1f3a5f"} end
    end})
  local _, t = save(doc)
  check.equal(#seen, 10, "called once for each body cell")
  check.equal(seen[4], "横浜精機:change:2", "with the value's row, the column's key and the row's number")
  local pct1 = sumi.template.formats.pct1
  local _, red = block(t, pct1(-0.085))
  check.equal(red.color, "#C0392BFF", "a negative change is red")
  check.equal(red.weight, 700, "and bold")
  local _, plain = block(t, pct1(0.032))
  check.equal(plain.color, "#222222FF", "a cell the function leaves alone has the table's colour")
  local b, white = block(t, pct1(0.125))
  check.equal(white.color, "#FFFFFFFF", "white text on a dark background the function chose")
  local under = fills(t, "#1F3A5FFF")
  local boxed = false
  for _, f in ipairs(under) do
    boxed = boxed or (f.x <= b.x and f.x + f.w >= b.x + b.w and f.y <= b.y and f.y + f.h >= b.y + b.h)
  end
  check.is_true(boxed, "the background fills the cell")
end)

test("scale.color mixes colours between its stops and clamps at the ends", function()
  local grey = scale.color{domain = {0, 10}, range = {"white", "black"}}
  check.equal(grey:map(5), "#808080", "halfway between white and black")
  check.equal(grey:map(-3), "#ffffff", "below the domain: the first colour")
  check.equal(grey:map(99), "#000000", "above it: the last")
  check.equal(grey:map(nil), nil, "a missing value has no colour")
  check.equal(grey:map(0 / 0), nil, "nor has NaN")
  local diverging = scale.color{domain = {-0.1, 0, 0.1}, range = {"#c0392b", "#ffffff", "#1f5fbf"}}
  check.equal(diverging:map(0), "#ffffff", "the midpoint's colour")
  check.equal(diverging:map(-0.05), "#e09c95", "halfway to the red end")
  check.equal(diverging:map(0.1), "#1f5fbf", "the blue end")
  check.equal(scale.color{range = {"#00000000", "#000000ff"}}:map(0.5), "#00000080", "alpha mixes too")
  local m, w = message_of(function() scale.color{domain = {0, 1}, range = {"#fff", "bleu"}} end), here()
  exact(m, w, 'scale.color: option \'range[2]\' must be a colour ("#rrggbb", "#rrggbbaa" or a name); '
    .. 'got string "bleu"', "a bad colour")
  m, w = message_of(function() scale.color{domain = {0, 1, 2}, range = {"#fff", "blue"}} end), here()
  exact(m, w, "scale.color: option 'range' must be a list of 3 colours, one for each value of 'domain'; "
    .. "got table", "one colour per domain value")
  m, w = message_of(function() scale.color{domain = {1, 0}, range = {"#fff", "blue"}} end), here()
  exact(m, w, "scale.color: option 'domain[2]' must be a number above domain[1] (1): the domain "
    .. "increases; got number 0", "an increasing domain")
  m, w = message_of(function() grey:map("high") end), here()
  exact(m, w, 'scale:map: the value must be a number; got string "high"', "map takes numbers")
end)

test("a style function's mistakes are errors at the doc:table line naming the cell", function()
  local doc = sumi.document.new{title = "表"}
  local rows = {{k = "東京", v = 1}, {k = "大阪", v = -3}}
  local function with(fn) return table_error(doc, rows, {columns = {"k", "v"}, style = fn}) end
  local m, w = with(function() return {colour = "red"} end)
  exact(m, w, "document:table: style gave an unknown key 'colour' for row 1, column 'k' (valid keys: "
    .. "background, color, weight)", "an unknown key")
  m, w = with(function(_, _, key, i) if i == 2 and key == "v" then return {color = "redd"} end end)
  exact(m, w, 'document:table: style\'s color for row 2, column \'v\' must be a colour ("#rrggbb", '
    .. '"#rrggbbaa" or a name); got string "redd"', "a bad colour")
  m, w = with(function() return {background = 12} end)
  exact(m, w, 'document:table: style\'s background for row 1, column \'k\' must be a colour ("#rrggbb", '
    .. '"#rrggbbaa" or a name); got number 12', "a background that is no colour")
  m, w = with(function() return {weight = "fat"} end)
  exact(m, w, "document:table: style's weight for row 1, column 'k' must be one of thin, light, normal, "
    .. 'medium, semibold, bold, heavy; got string "fat"', "a bad weight")
  m, w = with(function() return "red" end)
  exact(m, w, 'document:table: style gave string "red" for row 1, column \'k\'; it gives nil or {color, '
    .. "weight, background}", "not a table")
  m, w = message_of(function() doc:table(rows, {columns = {"k"}, style = "red"}) end), here()
  exact(m, w, 'document:table: option \'style\' must be a function; got string "red"', "not a function")
  doc:discard()
end)

-- Accounting negatives, as a format function with markup writes them.
local function triangle(v)
  if v < 0 then return '<span foreground="#cc0000">△' .. format.number(-v) .. "</span>" end
  return format.number(v)
end

test("a markup column shows its format's markup styled; a plain column prints it as written", function()
  local doc = sumi.document.new{title = "表"}
  doc:table({{k = "利益", v = -1234}, {k = "売上", v = 5678}}, {columns = {"k",
    {key = "v", title = "markup", format = triangle, markup = true}}})
  doc:table({{k = "利益", v = -1234}}, {columns = {"k", {key = "v", title = "plain", format = triangle}}})
  local _, t = save(doc)
  local _, run = block(t, "△1,234")
  check.equal(run.color, "#CC0000FF", "the span's colour")
  local literal = block(t, '<span foreground="#cc0000">△1,234</span>')
  check.is_true(literal, "without markup = true the text is shown as written")
end)

test("bad markup in a cell is an error at the doc:table line naming its column and row", function()
  local doc = sumi.document.new{title = "表"}
  local rows = {{k = "利益", v = 5}, {k = "売上", v = -3}}
  local function with(fn)
    return table_error(doc, rows, {columns = {"k", {key = "v", format = fn, markup = true}}})
  end
  local m, w = with(function(v) return v < 0 and "<b>△" .. -v or tostring(v) end)
  exact(m, w, "document:table: columns[2] ('v'), row 2: bad markup: <b> is not closed in string \"<b>△3\"",
    "a tag left open")
  m, w = with(function(v) return '<span colour="red">' .. v .. "</span>" end)
  check.is_true(m:find("document:table: columns[2] ('v'), row 1: bad markup: Attribute 'colour' is not "
    .. "allowed on the <span> tag", 1, true) == #w + 1, "an attribute Pango does not take: " .. m)
  m, w = with(function() return nil end)
  exact(m, w, "document:table: columns[2].format gave nil for row 1 (value number 5); a format gives a "
    .. "string",
    "a format that gives no text")
  doc:discard()
end)

test("column groups: a title centred over its columns, a rule under it, on every page", function()
  local doc = sumi.document.new{title = "表"}
  local rows = {}
  for i = 1, 90 do rows[i] = {company = ("企業%02d"):format(i), q1 = i * 10, q2 = i * 11, yoy = i / 1000} end
  doc:table(rows, {columns = {{key = "company", title = "企業"}, {key = "q1", title = "上期"},
    {key = "q2", title = "下期"}, {key = "yoy", title = "前年比", format = "pct1"}},
    groups = {{title = "売上高（億円）", columns = {"q1", "q2"}}}})
  local info, t = save(doc)
  check.is_true(info.pages >= 2, "the table runs onto a second page")
  local pad = 3.5
  for page = 1, info.pages do
    local group, run = block(t, "売上高（億円）", page)
    local first, second, alone = block(t, "上期", page), block(t, "下期", page), block(t, "前年比", page)
    local left, right = first.x - pad, second.x + second.w + pad
    check.near(run.x + run.w / 2, (left + right) / 2, 0.05,
      "the title centred over its columns, page " .. page)
    check.less(group.y + group.h, first.y, "above the column titles, page " .. page)
    check.equal(alone.y, first.y, "a column outside the group has its title on the same row")
    local ruled = false
    for _, s in ipairs(t:select("stroke", page)) do
      if s.paint == "#8FA6C4FF" and s.y > group.y + group.h and s.y < first.y then
        ruled = ruled or (math.abs(s.x - (left + pad)) < 0.05 and math.abs(s.x + s.w - (right - pad)) < 0.05)
      end
    end
    check.is_true(ruled, "a rule under the title spans the group's columns, page " .. page)
  end
end)

test("a grouped table over pages saves as a tagged PDF, its repeated header one artifact", function()
  local doc = sumi.document.new{title = "表"}
  local rows = {}
  for i = 1, 90 do rows[i] = {g = ("G%02d"):format((i - 1) // 4), q1 = i, q2 = i * 2} end
  doc:table(rows, {columns = {"g", "q1", "q2"}, groups = {{title = "売上高", columns = {"q1", "q2"}}},
    subtotals = {by = "g"}})
  local info = doc:save(out_dir .. "/tables-grouped.pdf")
  check.is_true(info.pages >= 3, "the table runs over pages")
end)

test("c:begin_tag takes colspan and rowspan for table cells only", function()
  local c <close> = sumi.canvas.trace(false, {width = 100, height = 100})
  c:begin_tag("Table")
  c:begin_tag("TR")
  c:begin_tag("TH", {scope = "column", colspan = 2, rowspan = 1})
  c:end_tag("TH")
  local m, w = message_of(function() c:begin_tag("TD", {colspan = 0}) end), here()
  exact(m, w, "canvas:begin_tag: option 'colspan' must be an integer in [1, 10000]; got number 0",
    "a span of 0")
  m, w = message_of(function() c:begin_tag("TD", {rowspan = 1.5}) end), here()
  exact(m, w, "canvas:begin_tag: option 'rowspan' must be an integer in [1, 10000]; got number 1.5",
    "half a row")
  m, w = message_of(function() c:begin_tag("P", {colspan = 2}) end), here()
  exact(m, w, "canvas:begin_tag: option 'colspan' belongs to a table cell (TH or TD)", "not a cell")
  c:end_tag("TR")
  c:end_tag("Table")
end)

test("groups' mistakes are errors naming the group", function()
  local doc = sumi.document.new{title = "表"}
  local rows = {{k = "a", q1 = 1, q2 = 2, q3 = 3}}
  local function with(groups)
    return table_error(doc, rows, {columns = {"k", "q1", "q2", "q3"}, groups = groups})
  end
  local m, w = with({{title = "売上", columns = {"q1", "q3"}}})
  exact(m, w, "document:table: groups[1]: its columns are not side by side (the table's columns in order: "
    .. "k, q1, q2, q3)", "columns apart")
  m, w = with({{title = "売上", columns = {"q1", "q4"}}})
  exact(m, w, "document:table: option 'groups[1].columns[2]' must be a column of the table (k, q1, q2, q3); "
    .. 'got string "q4"', "no such column")
  m, w = with({{title = "上", columns = {"q1", "q2"}}, {title = "下", columns = {"q2", "q3"}}})
  exact(m, w, "document:table: column 'q2' is in groups[1] and groups[2]: a column has one group at most",
    "a column in two groups")
  m, w = with({{columns = {"q1"}}})
  exact(m, w, "document:table: groups[1] has no 'title'", "no title")
  m, w = with({{title = "売上", cols = {"q1"}}})
  exact(m, w, "document:table: unknown option 'groups[1].cols' (valid options: columns, title)", "a typo")
  doc:discard()
end)

test("subtotal rows follow each group of rows with its sums, in bold", function()
  local doc = sumi.document.new{title = "表"}
  doc:table(sales, {columns = {{key = "region", title = "地域"}, {key = "company", title = "企業"},
    {key = "q1", title = "上期", format = "int"}, {key = "q2", title = "下期", format = "int"}},
    subtotals = {by = "region"}, totals = true})
  local _, t = save(doc)
  local labels = blocks_of(t, "小計")
  check.equal(#labels, 3, "a subtotal row for each region")
  local kanto_q1 = block(t, "2,149") -- 1,284.5 + 864 as "int"
  local yokohama = block(t, "横浜精機")
  local osaka = block(t, "大阪商事")
  check.less(yokohama.y, kanto_q1.y, "after the group's last row")
  check.less(kanto_q1.y, osaka.y, "before the next group")
  check.equal(labels[1].y, kanto_q1.y, "the label on the subtotal's row")
  check.equal(t:runs_of(kanto_q1)[1].weight, 700, "in bold")
  check.is_true(#fills(t, "#E3E9F1FF") == 3, "on the subtotal band")
  -- 1,284.5 + 864 + 2,210 + 530 + 100
  check.is_true(block(t, "4,989"), "the totals row sums the rows, not the subtotals")
end)

test("subtotals: a label function, the language's word, and rows out of group order refused", function()
  local doc = sumi.document.new{title = "Sales", lang = "en"}
  doc:table(sales, {columns = {"region", "q1"}, subtotals = {by = "region"}})
  doc:table(sales, {columns = {"region", "q1"}, subtotals = {by = "region", label = function(region)
    return region .. "計" end, columns = {"q1"}}})
  local _, t = save(doc)
  check.equal(#blocks_of(t, "Subtotal"), 3, "English says Subtotal")
  check.is_true(block(t, "関西計"), "the label function is given the group's value")
  local mixed = {{r = "関東", v = 1}, {r = "関西", v = 2}, {r = "関東", v = 3}, {r = "関東", v = 4}}
  local m, w = table_error(doc, mixed, {columns = {"r", "v"}, subtotals = {by = "r"}})
  exact(m, w, "document:table: subtotals: the rows of r '関東' are not together (row 1, then row 3): sort "
    .. "the rows by 'r' first", "rows out of order")
  m, w = table_error(doc, mixed, {columns = {"r", "v"}, subtotals = {by = "region"}})
  exact(m, w, "document:table: subtotals.by: no row has a field 'region' (the rows' fields: r, v)",
    "no such field")
  m, w = table_error(doc, mixed, {columns = {"r", "v"}, subtotals = {by = "r", columns = {"r"}}})
  exact(m, w, "document:table: option 'subtotals.columns[1]': column 'r' does not hold numbers, so it has "
    .. "no sum", "a text column summed")
  m, w = table_error(doc, mixed, {columns = {"r", "v"}, totals = {columns = {"w"}}})
  exact(m, w, "document:table: option 'totals.columns[1]' must be a column of the table (r, v); got string "
    .. '"w"', "totals of a column the table does not show")
  m, w = table_error(doc, mixed, {columns = {"r", "v"}, subtotals = {}})
  exact(m, w, "document:table: subtotals has no 'by' (the column whose groups it sums)", "no by")
end)

test("a subtotal row never starts a page without the last row it sums", function()
  local doc = sumi.document.new{title = "表"}
  local rows, n = {}, 0
  for g = 1, 60 do
    for _ = 1, g % 4 + 1 do
      n = n + 1
      rows[n] = {group = ("G%02d"):format(g), v = n}
    end
  end
  doc:table(rows, {columns = {"group", "v"}, subtotals = {by = "group"}})
  local info, t = save(doc)
  check.is_true(info.pages >= 3, "the table runs over pages")
  for page = 2, info.pages do
    local header = block(t, "group", page)
    local first
    for _, b in ipairs(t:select("block", page)) do
      if b.y > header.y + 1 and (not first or b.y < first.y) then first = b end
    end
    check.is_true(first[1] ~= "小計", "page " .. page .. " starts with a row, not its subtotal")
  end
end)

test("figures line up on the decimal point, whatever their decimals; align = 'right' does not", function()
  local values = {12.5, 3.25, 100, 1284.125, -7}
  local rows = {}
  for i, v in ipairs(values) do rows[i] = {k = "行" .. i, v = v, w = v} end
  local function text(v)
    local decimals = #(tostring(v):match("%.(%d+)$") or "")
    local shown = format.number(math.abs(v), {decimals = decimals})
    return v < 0 and "(" .. shown .. ")" or shown
  end
  local doc = sumi.document.new{title = "表"}
  doc:table(rows, {columns = {"k", {key = "v", title = "小数点", format = text},
    {key = "w", title = "右揃え", format = text, align = "right"}}})
  local _, t = save(doc)
  local probe <close> = sumi.canvas.trace(false, {width = 100, height = 100})
  local points, rights = {}, {}
  for _, v in ipairs(values) do
    local shown = text(v)
    local found = blocks_of(t, shown)
    check.equal(#found, 2, shown .. " in both columns")
    local run = t:runs_of(found[1])[1]
    local whole = shown:match("^[^.)]*")
    local before = probe:measure_text(whole, {size = run.size, lang = "ja", features = "tnum"}).width
    points[#points + 1] = run.x + before
    local other = t:runs_of(found[2])[1]
    rights[#rights + 1] = other.x + other.w
  end
  for i = 2, #values do
    check.near(points[i], points[1], 0.02, text(values[i]) .. "'s point (or its end) under 12.5's point")
    check.near(rights[i], rights[1], 0.02, text(values[i]) .. " flush right with align = 'right'")
  end
  local m, w = message_of(function() doc:table(rows, {columns = {{key = "v", align = "middle"}}}) end), here()
  exact(m, w, "document:table: option 'columns[1].align' must be one of left, center, right, decimal; got "
    .. 'string "middle"', "align's values")
end)

test("zebra rows: the document's style turns them off, doc:table's zebra on again", function()
  local rows = {}
  for i = 1, 6 do rows[i] = {k = "行" .. i, v = i} end
  local plain = sumi.document.new{title = "表", style = {table = {zebra = false}}}
  plain:table(rows, {columns = {"k", "v"}})
  local _, t = save(plain)
  check.equal(#fills(t, "#F1F4F8FF"), 0, "no stripes when the style says zebra = false")
  local striped = sumi.document.new{title = "表", style = {table = {zebra = false, zebra_fill = "#fff5e6"}}}
  striped:table(rows, {columns = {"k", "v"}, zebra = true})
  _, t = save(striped)
  check.equal(#fills(t, "#FFF5E6FF"), 3, "every other row in the style's colour when doc:table asks")
  local default = sumi.document.new{title = "表"}
  default:table(rows, {columns = {"k", "v"}})
  _, t = save(default)
  check.equal(#fills(t, "#F1F4F8FF"), 3, "stripes by default")
  local m, w = message_of(function() sumi.document.new{style = {table = {zebra = "no"}}} end), here()
  exact(m, w, "document.new: option 'style.table.zebra' must be true or false; got string \"no\"", "a switch")
  m, w = message_of(function() sumi.document.new{style = {table = {zebra_fill = 3}}} end), here()
  exact(m, w, "document.new: option 'style.table.zebra_fill' must be a string; got number 3", "a colour")
  m, w = message_of(function() sumi.document.new{style = {table = {rule = false}}} end), here()
  exact(m, w, "document.new: option 'style.table.rule' must be a string; got boolean false",
    "a rule's colour")
  local ok = pcall(sumi.document.new, {style = {heading = {{rule = false}}, table = {totals_label = "計"}}})
  check.is_true(ok, "false takes a heading's rule away; a label replaces the language's")
end)

check.done()
