-- sumi.template fills report sentences with computed, formatted figures.
local check = require "check"
local sumi = require "sumi"
local template = sumi.template
local test = check.test

test("the unicorn sentence", function()
  check.equal(template.fill("中国のAIユニコーンは{cn}社で、世界全体{world}社の{share:pct1}を占める",
      {cn = 71, world = 271, share = 71 / 271}),
    "中国のAIユニコーンは71社で、世界全体271社の26.2%を占める", "filled")
end)

test("the models sentence, computed with sumi.stats", function()
  local cn, world = 1509, 3755
  check.equal(template.fill("世界{world}個のうち{cn}個（{share:pct1}）、残り{rest}個",
      {world = world, cn = cn, share = sumi.stats.share(cn, world), rest = world - cn}),
    "世界3,755個のうち1,509個（40.2%）、残り2,246個", "filled")
end)

test("plain placeholders: numbers grouped, strings as they are", function()
  check.equal(template.fill("{n}", {n = 700000000000}), "700,000,000,000", "integer")
  check.equal(template.fill("{n}", {n = 3755.0}), "3,755", "whole float")
  check.equal(template.fill("{n}", {n = 1234.5}), "1,234.5", "not cut short")
  check.equal(template.fill("{n}", {n = 0.1 + 0.2}), "0.3", "15 significant digits")
  check.equal(template.fill("{n}", {n = -0.0}), "0", "no negative zero")
  check.equal(template.fill("{who}は{what}", {who = "DeepSeek", what = "R1"}), "DeepSeekはR1", "strings")
  check.equal(template.fill("{year:plain}年", {year = 2025}), "2025年", "plain: no separator")
  check.equal(template.fill("no placeholders", {}), "no placeholders", "none")
end)

test("every named format", function()
  local cases = {
    {"{x:int}", 1234.5, "1,235"}, {"{x:num1}", 1234.56, "1,234.6"}, {"{x:num2}", 2 / 3, "0.67"},
    {"{x:pct0}", 0.15, "15%"}, {"{x:pct1}", 1509 / 3755, "40.2%"}, {"{x:pct2}", 2246 / 3755, "59.81%"},
    {"{x:change0}", 0.2, "+20%"}, {"{x:change1}", 0.2, "+20.0%"}, {"{x:change2}", -0.05, "-5.00%"},
    {"{x:signed}", 1234, "+1,234"}, {"{x:ja_units}元", 7e11, "7,000億元"},
    {"{x:compact}", 1.2e9, "1.2bn"}, {"{x:usd}", 1234.5, "$1,234.50"}, {"{x:jpy}", 1234.5, "¥1,235"},
    {"{x:cny}", 1234.5, "CN¥1,235"}, {"{x:date_ja}", "2025-07-26", "2025年7月26日"},
    {"{x:date_ja}", 1753488000, "2025年7月26日"}, {"{x:date_iso}", 1753488000, "2025-07-26"},
    {"{x:plain}", 1234.5, "1234.5"},
  }
  for _, c in ipairs(cases) do
    check.equal(template.fill(c[1], {x = c[2]}), c[3], c[1])
  end
end)

test("doubled braces are literal braces", function()
  check.equal(template.fill("{{x}} = {x}", {x = 1}), "{x} = 1", "{{ and }}")
  check.equal(template.fill("}}{{", {}), "}{", "alone")
end)

test("a script registers its own formats", function()
  template.formats.oku = function(v) return sumi.format.ja_units(v, {scale = "億"}) end
  check.equal(template.fill("{x:oku}円", {x = 1.4e13}), "140,000億円", "shared format")
  template.formats.oku = nil
  local t = template.new{formats = {pct1 = function(v) return ("%.1f percent"):format(v * 100) end,
                                    shout = function(v) return v:upper() end}}
  check.equal(t:fill("{x:pct1} {s:shout}", {x = 0.5, s = "ai"}), "50.0 percent AI", "own formats first")
  check.equal(t:fill("{x:pct0}", {x = 0.5}), "50%", "shared formats too")
  check.equal(template.fill("{x:pct1}", {x = 0.5}), "50.0%", "the shared table is unchanged")
end)

test("errors name the placeholder", function()
  check.errors(function() template.fill("{cn}社", {}) end,
      "template.fill: no value for {cn} (values.cn is nil)", "nil")
  check.errors(function() template.fill("{x:pct3}", {x = 1}) end,
    "template.fill: unknown format 'pct3' in {x:pct3} (known formats: change0,", "unknown format")
  check.errors(function() template.fill("{x:pct1}", {x = "26%"}) end,
    "template.fill: {x:pct1} is a string; format 'pct1' takes a number", "string to a number format")
  check.errors(function() template.fill("{x}", {x = true}) end, "template.fill: {x} is a boolean", "boolean")
  check.errors(function() template.fill("{x}", {x = 0 / 0}) end, "template.fill: {x} is nan", "nan")
  check.errors(function() template.fill("{x:date_ja}", {x = "2025-13-01"}) end,
    "template.fill: {x:date_ja}: format.date_ja: no such date: string \"2025-13-01\"", "bad date")
  check.errors(function() template.fill("全体{x", {x = 1}) end,
    "template.fill: '{' at character 3 is never closed", "unclosed")
  check.errors(function() template.fill("a}b", {}) end, "template.fill: a lone '}' at character 2", "lone }")
  check.errors(function() template.fill("{ x }", {x = 1}) end, "template.fill: bad placeholder { x }",
      "spaces")
  check.errors(function() template.fill(nil, {}) end,
      "template.fill: the template must be a string; got nil", "text")
  check.errors(function() template.fill("{x}") end, "template.fill: values must be a table; got nil",
      "values")
  local t = template.new{formats = {bad = function() return 1 end}}
  check.errors(function() t:fill("{x:bad}", {x = 1}) end,
    "template.fill: format 'bad' returned a number for {x:bad}; it must return a string", "not a string")
  check.errors(function() template.new{format = {}} end,
      "template.new: unknown option 'format' (valid options: formats, lang)", "new")
  check.errors(function() template.new{formats = {x = 1}} end,
      "template.new: option 'formats' must be a table of functions (format 'x' is a number)", "new")
end)

check.done()
