-- Number styles of sumi.format: negatives as -1,234, △1,234, ▲1,234 or
-- (1,234) on every number format; a sign always shown (sign = true);
-- significant digits; large numbers in mixed units (1兆2,864億円,
-- 1万2,864亿元, 1조 2,864억 원); differences of shares in points in each
-- language; and one formatter (format.formatter) that a table, a chart's
-- value labels and ticks and a template all write the same.
local check = require "check"
local sumi = require "sumi"
local format, template, locale = sumi.format, sumi.template, sumi.locale
local runtime = require "sumi.runtime"
local trace = require "trace"
local here, message_of = check.here, check.message_of
local test = check.test

-- m is the message of an error raised on the line w names (check.here).
local function exact(m, w, expected, what)
  check.is_true(w:find("format_number_styles_and_points.lua:%d+: $"), "here() gives file:line")
  check.equal(m, w .. expected, what)
end

test("negative: minus, triangle, black_triangle, parentheses on every number format", function()
  local styles = {minus = "-1,234", triangle = "△1,234", black_triangle = "▲1,234", parentheses = "(1,234)"}
  for style, expected in pairs(styles) do
    check.equal(format.number(-1234, {negative = style}), expected, "number " .. style)
  end
  check.equal(format.signed(-1234, {negative = "triangle"}), "△1,234", "signed")
  check.equal(format.percent(-0.053, {negative = "parentheses"}), "(5.3%)", "percent: the % inside")
  check.equal(format.change(-0.053, {negative = "triangle"}), "△5.3%", "change")
  check.equal(format.change(0.032, {negative = "triangle"}), "+3.2%", "a rise keeps its +")
  check.equal(format.points(-0.015, {negative = "black_triangle"}), "▲1.5ポイント", "points")
  check.equal(format.ja_units(-7e11, {unit = "元", negative = "triangle"}), "△7,000億元", "ja_units")
  check.equal(format.units(-7e11, {lang = "ko", unit = "원", negative = "parentheses"}), "(7,000억 원)",
    "units: the unit inside")
  check.equal(format.money(-7e11, {negative = "triangle"}), "△7,000億円", "money")
  check.equal(format.money(-7e11, {lang = "en", negative = "parentheses"}), "(US$700bn)", "money before")
  check.equal(format.compact(-2.5e6, {negative = "black_triangle"}), "▲2.5M", "compact")
  check.equal(format.currency(-1234.5, "USD", {negative = "parentheses"}), "($1,234.50)", "currency")
  check.equal(format.currency(-1234.5, "JPY", {negative = "triangle"}), "△¥1,235", "the mark before ¥")
end)

test("a value that rounds to zero is never negative, in any style", function()
  check.equal(format.number(-0.4, {negative = "triangle"}), "0", "number")
  check.equal(format.number(-0.4, {negative = "parentheses"}), "0", "no (0)")
  check.equal(format.change(-0.00001, {negative = "triangle"}), "0.0%", "change")
  check.equal(format.points(-0.0004, {lang = "en"}), "0.0pt", "points")
  check.equal(format.number(0, {sign = true}), "0", "zero has no +")
end)

test("sign = true: a + before positive numbers", function()
  check.equal(format.number(1234, {sign = true}), "+1,234", "number")
  check.equal(format.percent(0.032, {sign = true}), "+3.2%", "percent")
  check.equal(format.ja_units(1.4e13, {unit = "円", sign = true}), "+14兆円", "ja_units")
  check.equal(format.money(7e11, {lang = "en", sign = true}), "+US$700bn", "money")
  check.equal(format.compact(1.2e9, {sign = true}), "+1.2bn", "compact")
  check.equal(format.currency(1234.5, "USD", {sign = true}), "+$1,234.50", "currency")
  check.equal(format.number(-1234, {sign = true, negative = "triangle"}), "△1,234",
    "a negative keeps its mark")
end)

test("digits: significant digits, trailing zeros kept, rounding left of the point", function()
  check.equal(format.number(12864, {digits = 3}), "12,900", "12,864")
  check.equal(format.number(12850, {digits = 3}), "12,900", "a tie goes away from zero")
  check.equal(format.number(-12849.99, {digits = 3}), "-12,800", "not a tie")
  check.equal(format.number(0.012345, {digits = 3}), "0.0123", "below 1")
  check.equal(format.number(1.5, {digits = 3}), "1.50", "zeros are significant")
  check.equal(format.number(0, {digits = 3}), "0.00", "zero")
  check.equal(format.number(9.996, {digits = 3}), "10.0", "rounding carries")
  check.equal(format.number(99960, {digits = 3}), "100,000", "carries left of the point")
  check.equal(format.number(9007199254740993, {digits = 3}), "9,010,000,000,000,000", "a large integer")
  check.equal(format.percent(1509 / 3755, {digits = 2}), "40%", "percent")
  check.equal(format.change(0.07391, {digits = 2}), "+7.4%", "change")
  check.equal(format.ja_units(1.2864e12, {digits = 3, unit = "円"}), "1.29兆円", "in a unit")
  check.equal(format.ja_units(99960000, {digits = 3}), "1.00億", "carries into the next unit")
  check.equal(format.compact(1.234e9, {digits = 2}), "1.2bn", "compact")
  check.equal(format.currency(1234.5, "USD", {digits = 2}), "$1,200", "currency")
end)

test("mixed units: 1兆2,864億円, 1万2,864亿元, 1兆2,864億元, 1조 2,864억 원", function()
  check.equal(format.ja_units(1.2864e12, {mixed = true, unit = "円"}), "1兆2,864億円", "ja")
  check.equal(format.money(1.2864e12, {mixed = true}), "1兆2,864億円", "ja money")
  check.equal(format.units(1.2864e12, {lang = "zh-Hans", mixed = true, unit = "元"}), "1万2,864亿元",
    "zh-Hans: 万亿 before 亿 is 万")
  check.equal(format.money(1.2864e12, {lang = "zh-CN", mixed = true}), "1万2,864亿元", "zh-Hans money")
  check.equal(format.units(1.2864e12, {lang = "zh-Hant", mixed = true, unit = "元"}), "1兆2,864億元", "zh-Hant")
  check.equal(format.money(1.2864e12, {lang = "zh-HK", mixed = true}), "1兆2,864億港元", "zh-HK")
  check.equal(format.units(1.2864e12, {lang = "ko", mixed = true, unit = "원"}), "1조 2,864억 원",
    "ko: a space between the parts and before the word")
  check.equal(format.money(1.2864e12, {lang = "ko", mixed = true}), "1조 2,864억 원", "ko money")
  check.equal(format.units(1e12, {lang = "zh-Hans", mixed = true}), "1万亿", "zh-Hans: 万亿 alone")
  check.equal(format.ja_units(-1.2864e12, {mixed = true, unit = "円", negative = "triangle"}), "△1兆2,864億円",
    "negative")
end)

test("mixed units: parts, rounding in the smallest shown, parts of 0 left out", function()
  check.equal(format.ja_units(123456789, {mixed = true}), "1億2,346万", "two parts, the last rounded")
  check.equal(format.ja_units(123456789, {mixed = true, parts = 3}), "1億2,345万6,789", "three")
  check.equal(format.ja_units(1.28645e12, {mixed = true}), "1兆2,865億", "a tie rounds up")
  check.equal(format.ja_units(1.2864e12, {mixed = true, parts = 1}), "1兆", "one part")
  check.equal(format.ja_units(999999999999, {mixed = true, parts = 1}), "1兆", "rounding carries up a unit")
  check.equal(format.ja_units(9999.6, {mixed = true}), "1万", "ones carry into 万")
  check.equal(format.ja_units(1e12 + 5e7, {mixed = true, parts = 3}), "1兆5,000万", "a 0 part left out")
  check.equal(format.ja_units(2e12, {mixed = true, unit = "円"}), "2兆円", "whole")
  check.equal(format.ja_units(5678, {mixed = true}), "5,678", "below 1万")
  check.equal(format.ja_units(0, {mixed = true, unit = "円"}), "0円", "zero")
  check.equal(format.ja_units(1.2864e12, {mixed = true, digits = 2}), "1兆3,000億", "digits round first")
  check.equal(format.ja_units(-1.2864e12, {mixed = true, digits = 2, negative = "triangle"}), "△1兆3,000億",
    "digits keep the sign")
  check.equal(format.ja_units(1.2864e12, {mixed = true, separator = ""}), "1兆2864億", "separator")
end)

test("points: a difference of shares in each language's word", function()
  local expected = {ja = "+1.5ポイント", ["zh-Hans"] = "+1.5个百分点", ["zh-Hant"] = "+1.5個百分點",
                    ["zh-HK"] = "+1.5個百分點", ko = "+1.5%p", en = "+1.5pt"}
  for lang, text in pairs(expected) do
    check.equal(format.points(0.015, {lang = lang}), text, lang)
    check.equal(locale.get(lang).points, text:sub(5), lang .. " in sumi.locale")
  end
  check.equal(format.points(0.015), "+1.5ポイント", "ja by default")
  check.equal(format.points(0.402 - 0.385, {lang = "en"}), "+1.7pt", "from two shares")
  check.equal(format.points(-0.0123, {lang = "en", decimals = 2}), "-1.23pt", "decimals")
  check.equal(format.points(0.025, {lang = "en", decimals = 0}), "+3pt", "rounded half away")
end)

test("locale: mixed_space and points, defined and checked like the other words", function()
  check.equal(locale.get("ko").mixed_space, " ", "ko")
  check.equal(locale.get("ja").mixed_space, "", "ja")
  check.equal(locale.get("en").mixed_space, nil, "en has no mixed units")
  local tag = locale.define("ja-x-points", {base = "ja", fonts = "ja", points = "pt"})
  check.equal(format.points(0.015, {lang = tag}), "+1.5pt", "a language's own word")
  check.equal(format.units(1.2864e12, {lang = tag, mixed = true}), "1兆2,864億", "mixed from its base")
  local m, w = message_of(function() locale.define("fr", {points = 2}) end), here()
  exact(m, w, "locale.define: option 'points' must be a string; got number 2", "points")
  m, w = message_of(function() locale.define("fr", {mixed_space = true}) end), here()
  exact(m, w, "locale.define: option 'mixed_space' must be a string; got boolean true", "mixed_space")
end)

test("bad options are errors at the script's line naming the option and the value", function()
  local m, w = message_of(function() format.number(1, {negative = "red"}) end), here()
  exact(m, w, "format.number: option 'negative' must be one of minus, triangle, black_triangle, parentheses; "
    .. "got string \"red\"", "negative")
  m, w = message_of(function() format.percent(1, {decimals = 1, digits = 2}) end), here()
  exact(m, w, "format.percent: options 'decimals' and 'digits' cannot both be given (decimals: places after "
    .. "the point; digits: significant digits)", "both")
  m, w = message_of(function() format.number(1, {digits = 0}) end), here()
  exact(m, w, "format.number: option 'digits' must be an integer in [1, 17]; got number 0", "digits")
  m, w = message_of(function() format.units(1, {lang = "en", mixed = true}) end), here()
  exact(m, w, "format.units: option 'mixed' must be false or left out in en (mixed units, 1兆2,864億, are "
    .. "written in ja, zh-Hans, zh-Hant, zh-HK, ko, ja-x-points); got boolean true", "en")
  m, w = message_of(function() format.ja_units(1, {parts = 2}) end), here()
  exact(m, w, "format.ja_units: option 'parts' must be left out unless mixed = true (it counts the units "
    .. "mixed units write); got number 2", "parts alone")
  m, w = message_of(function() format.money(1, {mixed = true, parts = 6}) end), here()
  exact(m, w, "format.money: option 'parts' must be an integer in [1, 5]; got number 6", "parts")
  m, w = message_of(function() format.ja_units(1, {mixed = true, decimals = 1}) end), here()
  exact(m, w, "format.ja_units: option 'decimals' must be left out with mixed = true (the smallest unit "
    .. "written is rounded to a whole number; digits gives significant digits); got number 1", "decimals")
  m, w = message_of(function() format.ja_units(1, {mixed = true, scale = "億"}) end), here()
  exact(m, w, "format.ja_units: option 'scale' must be left out with mixed = true (mixed units start at the "
    .. "largest unit reached); got string \"億\"", "scale")
  m, w = message_of(function() format.signed(1, {sign = true}) end), here()
  exact(m, w, "format.signed: unknown option 'sign' (valid options: decimals, digits, negative, separator)",
    "signed always has its sign")
  m, w = message_of(function() format.points("1.5") end), here()
  exact(m, w, "format.points: the value must be a number; got string \"1.5\"", "the value shown")
end)

test("format.formatter: checked when made, bad values named when called", function()
  local m, w = message_of(function() format.formatter("numbers") end), here()
  exact(m, w, "format.formatter: the format must be one of number, signed, percent, change, points, "
    .. "ja_units, units, money, compact, currency, date, date_ja, date_iso; got string \"numbers\"", "name")
  m, w = message_of(function() format.formatter("number", {negativ = "triangle"}) end), here()
  exact(m, w, "format.number: unknown option 'negativ' (valid options: decimals, digits, negative, "
    .. "separator, sign)", "an option, when made")
  m, w = message_of(function() format.formatter("currency", "XYZ") end), here()
  check.equal(m:sub(1, #w), w, "a currency code, when made")
  local tri = format.formatter("number", {negative = "triangle"})
  m, w = message_of(function() tri("n/a") end), here()
  exact(m, w, "format.number: the value must be a number; got string \"n/a\"", "a value")
  check.equal(tri(-1234, {region = "九州"}), "△1,234", "arguments after the value are ignored")
  local usd = format.formatter("currency", "USD", {negative = "parentheses"})
  check.equal(usd(-1234.5), "($1,234.50)", "a currency")
  local opts = {lang = "en"}
  local pts = format.formatter("points", opts)
  opts.lang = "ko"
  check.equal(pts(0.015), "+1.5pt", "the options are copied when made")
  check.equal(format.formatter("date", {lang = "en", day = false})("2025-07-26"), "July 2025", "a date")
end)

test("template: the named formats of the new styles", function()
  local values = {a = -1234.56, c = -0.053, p = 0.015, u = 1.2864e12, s = 12864}
  local cases = {
    {"{a:tri0}", "△1,235"}, {"{a:tri1}", "△1,234.6"}, {"{a:tri_black0}", "▲1,235"},
    {"{a:tri_black1}", "▲1,234.6"}, {"{a:paren0}", "(1,235)"}, {"{a:paren2}", "(1,234.56)"},
    {"{c:tri_change1}", "△5.3%"}, {"{s:sig2}", "13,000"}, {"{s:sig3}", "12,900"},
    {"{p:points0}", "+2ポイント"}, {"{p:points1}", "+1.5ポイント"}, {"{p:points2}", "+1.50ポイント"},
    {"{u:mixed_units}円", "1兆2,864億円"},
  }
  for _, case in ipairs(cases) do check.equal(template.fill(case[1], values), case[2], case[1]) end
  local zh = template.new{lang = "zh-CN"}
  check.equal(zh:fill("规模{u:mixed_units}元，份额{p:points}", values), "规模1万2,864亿元，份额+1.5个百分点", "zh")
  local ko = template.new{lang = "ko"}
  check.equal(ko:fill("{u:mixed_units} 원, {p:points}", values), "1조 2,864억 원, +1.5%p", "ko")
  local en = template.new{lang = "en"}
  check.equal(en:fill("{p:points}", values), "+1.5pt", "en points")
  local m, w = message_of(function() en:fill("{u:mixed_units}", values) end), here()
  check.equal(m:sub(1, #w), w, "en mixed units: an error at the line of fill")
  check.is_true(m:find("template.fill: {u:mixed_units}: format.units: option 'mixed' must be false", 1, true),
    "naming the placeholder: " .. m)
  m, w = message_of(function() template.fill("{x:tri0}", {x = "12"}) end), here()
  exact(m, w, "template.fill: {x:tri0} is a string; format 'tri0' takes a number", "a string")
end)

-- ---- one formatter everywhere numbers are shown

local tri = format.formatter("number", {negative = "triangle"})
local rows = {{region = "関東", profit = 1234}, {region = "関西", profit = -567}, {region = "九州", profit = -1500}}

test("the formatter writes a chart's value labels and its value axis' ticks", function()
  local c = sumi.chart.bar(rows, {x = "region", y = "profit", value_labels = tri, y_format = tri,
                                  title = "地域別営業利益"})
  local page = sumi.canvas.trace(false, {width = 400, height = 300})
  local texts = {}
  for _, b in ipairs(c:layout(page, {x = 0, y = 0, width = 400, height = 300})) do
    texts[b.text] = (texts[b.text] or 0) + 1
  end
  check.equal(texts["△567"], 1, "a value label")
  check.equal(texts["1,234"], 1, "a positive value label")
  check.equal(texts["△1,500"], 2, "the lowest tick and the value label of 九州")
  check.equal(texts["△500"], 1, "a tick")
  check.equal(texts["-567"], nil, "no minus sign anywhere")
  c:discard()
end)

test("the formatter writes a table's cells and totals and a sentence", function()
  local doc = sumi.document.new{title = "営業利益"}
  doc:table(rows, {columns = {{key = "region", title = "地域"}, {key = "profit", title = "営業利益", format = tri}},
                   totals = true})
  doc:paragraph(template.new{formats = {tri = tri}}:fill("九州は{p:tri}百万円", {p = -1500}))
  local out_dir = runtime.default_output("pdf"):match("^(.*)/[^/]*$") or "."
  local t = trace.parse(doc:save(out_dir .. "/format-number-styles.trace").trace)
  local drawn = {}
  for _, r in ipairs(t:select("text")) do drawn[r[1]] = (drawn[r[1]] or 0) + 1 end
  check.equal(drawn["△567"], 1, "a cell")
  check.equal(drawn["△1,500"], 1, "a cell")
  check.equal(drawn["1,234"], 1, "a positive cell")
  check.equal(drawn["△833"], 1, "the totals row")
  check.equal(drawn["九州は△1,500百万円"], 1, "the sentence")
end)

check.done()
