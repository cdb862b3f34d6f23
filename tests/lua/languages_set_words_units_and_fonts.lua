-- One language model for the engine: tags normalised, unknown ones refused
-- by every API that takes a language, and each language's words, units,
-- dates and faces where charts and documents put them.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"
local format = require "sumi.format"
local locale = require "sumi.locale"
local scale = require "sumi.scale"
local test = check.test

local pdf = sumi.canvas.pdf(nil)
local box = {x = 0, y = 0, width = 480, height = 320}

local function texts(list)
  local found = {}
  for _, b in ipairs(list) do found[#found + 1] = b.text end
  return found
end

local function has(list, text)
  for _, t in ipairs(texts(list)) do
    if t == text then return true end
  end
  return false
end

test("tags are normalised as BCP 47 says, without regard to case", function()
  for given, canonical in pairs({ja = "ja", ["ja-JP"] = "ja", zh = "zh-Hans", ["zh-CN"] = "zh-Hans",
      ["zh-cn"] = "zh-Hans", ["zh-SG"] = "zh-Hans", ["ZH-HANS"] = "zh-Hans", ["zh-TW"] = "zh-Hant",
      ["zh-Hant-TW"] = "zh-Hant", ["zh-HK"] = "zh-HK", ["zh-MO"] = "zh-HK", ko = "ko", ["ko-KR"] = "ko",
      en = "en", ["en-GB"] = "en", ["en-US"] = "en"}) do
    check.equal(locale.tag(given), canonical, given)
  end
  check.equal(table.concat(locale.tags(), " "), "ja zh-Hans zh-Hant zh-HK ko en", "the engine's tags")
end)

test("an unknown tag is refused by every API that takes a language, naming it", function()
  local valid = "one of ja, zh-Hans, zh-Hant, zh-HK, ko, en; got string \"fr\""
  local rows = {{k = "a", v = 1}}
  local cases = {
    {"canvas:text", function() pdf:text("x", 0, 0, {lang = "fr"}) end},
    {"canvas:measure_text", function() pdf:measure_text("x", {lang = "fr"}) end},
    {"chart.bar", function() chart.bar(rows, {x = "k", y = "v", lang = "fr"}) end},
    {"chart.line", function() chart.line(rows, {x = "k", y = "v", lang = "fr"}) end},
    {"chart.kpi", function() chart.kpi({value = 1, label = "x", lang = "fr"}) end},
    {"chart.facet", function()
      chart.facet(rows, {by = "k", chart = "bar", x = "k", y = "v", lang = "fr"})
    end},
    {"scale.time", function() scale.time{domain = {0, 1}, lang = "fr"} end},
    {"document.new", function() sumi.document.new{lang = "fr"} end},
    {"format.units", function() format.units(1, {lang = "fr"}) end},
    {"format.date", function() format.date("2025-07-26", {lang = "fr"}) end},
    {"locale.get", function() locale.get("fr") end},
  }
  for _, c in ipairs(cases) do
    check.errors(c[2], c[1] .. ": option 'lang' must be a language tag: " .. valid, c[1])
  end
end)

test("a chart's source and notes take the words of its language", function()
  local rows = {{k = "A", v = 7e11}, {k = "B", v = 3e11}}
  local expected = {ja = {"出典: 統計局", "注: 速報値"}, ["zh-Hans"] = {"来源：统计局", "注：初步数据"},
    ["zh-Hant"] = {"資料來源：統計局", "註：初步數據"}, ko = {"출처: 통계청", "주: 잠정치"},
    en = {"Source: Bureau", "Note: preliminary"}}
  local given = {ja = {"統計局", "速報値"}, ["zh-Hans"] = {"统计局", "初步数据"},
    ["zh-Hant"] = {"統計局", "初步數據"}, ko = {"통계청", "잠정치"}, en = {"Bureau", "preliminary"}}
  for lang, words in pairs(expected) do
    local c = chart.bar(rows, {x = "k", y = "v", lang = lang, source = given[lang][1],
      notes = given[lang][2]})
    local list = c:layout(pdf, box)
    check.is_true(has(list, words[1]), lang .. " source line: " .. table.concat(texts(list), " | "))
    check.is_true(has(list, words[2]), lang .. " notes line")
  end
end)

test("an automatic unit is the language's own", function()
  local rows = {{k = "A", v = 7e11}, {k = "B", v = 3e11}}
  for lang, title in pairs({ja = "売上（億元）", ["zh-Hans"] = "売上（亿元）", ["zh-HK"] = "売上（億元）",
      ko = "売上(억 元)", en = "売上 (bn 元)"}) do
    local list = chart.bar(rows, {x = "k", y = "v", lang = lang, y_title = "売上", unit = "元"}):layout(pdf, box)
    check.is_true(has(list, title), lang .. ": " .. table.concat(texts(list), " | "))
  end
  check.equal(format.units(1.2e13, {lang = "zh-Hans"}), "12万亿", "万亿")
  check.equal(format.units(3e4, {lang = "zh-Hant", unit = "元"}), "3萬元", "萬")
  check.equal(format.units(7e11, {lang = "ko", unit = "원"}), "7,000억 원", "Korean spacing")
  check.equal(format.units(5000, {lang = "ko", unit = "원"}), "5,000원", "no unit, no space")
  check.equal(format.units(7e11, {lang = "ja", unit = "円"}), format.ja_units(7e11, {unit = "円"}), "ja_units")
  check.errors(function() format.units(1e9, {lang = "ko", scale = "億"}) end,
    "format.units: option 'scale' must be one of 조, 억, 만 or \"\" (none); got string \"億\"",
    "a unit of another language")
end)

test("money and templates take the language's words", function()
  for lang, text in pairs({ja = "7,000億円", ["zh-Hans"] = "7,000亿元", ["zh-Hant"] = "7,000億元",
      ["zh-HK"] = "7,000億港元", ko = "7,000억 원", en = "US$700bn"}) do
    check.equal(format.money(7e11, {lang = lang}), text, lang)
  end
  check.equal(format.money(-1234, {lang = "en"}), "-US$1.2k", "negative, currency before")
  local template = require "sumi.template"
  check.equal(template.new{lang = "ko"}:fill("{v:units} 원, {d:date}", {v = 7e11, d = "2025-07-26"}),
    "7,000억 원, 2025년 7월 26일", "a Korean template")
  check.errors(function() template.new{lang = "fr"} end, "template.new: option 'lang' must be a language tag",
    "template.new")
end)

test("dates on a time axis are written in the axis's language", function()
  local days = {scale.date_days("2024-11-01"), scale.date_days("2025-03-01")}
  for lang, first in pairs({ja = "2024年11月", ["zh-Hans"] = "2024年11月", ko = "2024년 11월", en = "Nov 2024"}) do
    local s = scale.time{domain = days, range = {0, 400}, count = 4, lang = lang}
    local labels = s:tick_labels(s:ticks())
    check.equal(labels[1], first, lang .. " first tick")
  end
  check.equal(format.date("2025-07-26", {lang = "zh-Hant", weekday = true}), "2025年7月26日（星期六）", "zh-Hant")
  check.equal(format.date("2025-07-26", {lang = "ko", day = false}), "2025년 7월", "ko month")
end)

test("a side axis title is vertical in Japanese and Traditional Chinese, turned in the others", function()
  local rows = {{k = "A", v = 1}, {k = "B", v = 2}}
  for lang, vertical in pairs({ja = true, ["zh-Hant"] = true, ["zh-HK"] = true, ["zh-Hans"] = false,
      ko = false, en = false}) do
    local list = chart.bar(rows, {x = "k", y = "v", lang = lang, y_title = "売上", y_title_position = "side"})
      :compose(pdf, box)
    local item
    for _, it in ipairs(list.items) do
      if it.kind == "text" and it.text == "売上" then item = it end
    end
    check.is_true(item, lang .. ": the side title")
    check.equal(item.opts.vertical == true, vertical, lang .. " vertical")
    check.equal(item.opts.angle == -90, not vertical, lang .. " turned")
  end
end)

test("every text of a chart is set in the chart's language", function()
  local list = chart.bar({{k = "直", v = 1}}, {x = "k", y = "v", lang = "zh-CN", title = "人工智能",
    source = "统计局"}):compose(pdf, box)
  local n = 0
  for _, it in ipairs(list.items) do
    if it.kind == "text" then
      n = n + 1
      check.equal(it.opts.lang, "zh-Hans", "text '" .. it.text .. "'")
    end
  end
  check.is_true(n >= 4, "title, label, ticks and source")
end)

test("a document's words and its charts follow its language", function()
  local doc = sumi.document.new{lang = "zh-CN", title = "报告"}
  check.equal(doc.lang, "zh-Hans", "the canonical tag")
  check.equal(doc.words.contents, "目录", "contents title")
  check.equal(doc.words.figure:format(1), "图1　", "figure caption")
  local fig = chart.bar({{k = "A", v = 1}}, {x = "k", y = "v", source = "统计局"})
  fig:discard()
  check.equal(fig.lang_given, false, "a chart without lang takes the document's")
  local given = chart.bar({{k = "A", v = 1}}, {x = "k", y = "v", lang = "en"})
  given:discard()
  check.equal(given.lang_given, true, "given")
end)

test("a script can add a language of its own, with its words and fonts", function()
  check.equal(locale.define("fr", {base = "en", source = "Source : ", fonts = "en"}), "fr", "defined")
  check.equal(locale.tag("FR"), "fr", "then a tag like the others")
  check.equal(locale.get("fr").contents, "Contents", "words from the base")
  local list = chart.bar({{k = "A", v = 1}}, {x = "k", y = "v", lang = "fr", source = "Insee"})
    :layout(pdf, box)
  check.is_true(has(list, "Source : Insee"), "the French source line")
  pdf:text("Bonjour", 10, 10, {lang = "fr"})
  check.errors(function() locale.define("not a tag", {}) end, "locale.define: the tag must be a BCP 47",
    "bad tag")
  check.errors(function() locale.define("de", {sourse = "Quelle"}) end,
    "locale.define: unknown option 'sourse'",
    "misspelt field")
  check.equal(locale.define("ko", {others = "그 외"}), "ko", "an engine language's words can change")
  check.equal(locale.get("ko").others, "그 외", "changed")
  check.equal(locale.get("ko").source, "출처: ", "the rest kept")
end)

test("a span of another language keeps its own face", function()
  local trace = require "trace"
  local c = sumi.canvas.trace(false, {width = 300, height = 100})
  c:text('角の<span lang="ko">각도</span>と<span lang="zh-Hant">角度</span>', 10, 10, {markup = true})
  local fonts = {}
  for _, r in ipairs(trace.parse(c:close()):select("text")) do fonts[r[1]] = r.font end
  check.equal(fonts["角の"], "Noto Sans CJK JP", "the paragraph's language")
  check.equal(fonts["각도"], "Noto Sans CJK KR", "a Korean span")
  check.equal(fonts["角度"], "Noto Sans CJK TC", "a Traditional Chinese span")
end)

test("fonts resolve per language", function()
  for lang, face in pairs({ja = "Noto Sans CJK JP", ["zh-Hans"] = "Noto Sans CJK SC",
      ["zh-Hant"] = "Noto Sans CJK TC",
      ["zh-HK"] = "Noto Sans CJK HK", ko = "Noto Sans CJK KR"}) do
    local r = sumi.fonts.resolve("sans", lang)
    check.equal(r.family, face, lang)
    check.equal(r.covers, true, lang .. " covered")
  end
  check.equal(sumi.fonts.resolve("serif", "ko-KR").family, "Noto Serif CJK KR", "serif ko")
  check.equal(sumi.fonts.resolve("sans", "ko").korean, true, "Hangul")
end)

check.done()
