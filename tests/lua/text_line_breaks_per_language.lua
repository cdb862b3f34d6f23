-- Line breaking per language, at every wrapping width: the characters a
-- line must not start or end with, words kept whole when a break between
-- words exists (keep_words, chart labels, headings), Korean set word by
-- word.
local check = require "check"
local sumi = require "sumi"
local chart = require "sumi.chart"
local text = require "sumi.text"
local trace = require "trace"
local test = check.test

local c = sumi.canvas.pdf(nil)

local function set_of(chars)
  local s = {}
  for _, ch in utf8.codes(chars) do s[ch] = true end
  return s
end

-- The lines of s as measure_text breaks it with opts.
local function lines_of(s, opts)
  local m = c:measure_text(s, opts)
  local lines = {}
  for i, start in ipairs(m.line_starts) do
    local stop = m.line_starts[i + 1] and m.line_starts[i + 1] - 1 or #s
    lines[i] = s:sub(start, stop)
  end
  return lines, m
end

-- The byte positions where words start, and where they end (+1).
local function boundaries(s, lang)
  local starts, ends, from = {}, {}, 1
  for _, w in ipairs(text.words(s, lang)) do
    local i, j = s:find(w, from, true)
    starts[i], ends[j + 1], from = true, true, j + 1
  end
  return starts, ends
end

local function first_char(line) return utf8.codepoint(line:match("^%s*(.*)$") .. " ") end
local function last_char(line)
  local trimmed = line:match("^(.-)%s*$")
  local last
  for _, ch in utf8.codes(trimmed) do last = ch end
  return last
end

local chinese_no_start = set_of("，。、；：！？）》」』")
local chinese_no_end = set_of("（《「『")

test("Chinese: no line starts with ，。、；：！？）》」』 or ends with （《「『", function()
  local samples = {
    ["zh-Hans"] = "据《中国人工智能发展报告》显示，2024年产业规模接近7,000亿元，同比增长24%；企业数量超过4,500家！" ..
      "（数据来源：中国信通院）「大模型」备案数量达到302个。",
    ["zh-Hant"] = "據《中國人工智慧發展報告》顯示，2024年產業規模接近7,000億元，年增24%；企業數量超過4,500家！" ..
      "（資料來源：中國信通院）「大模型」備案數量達到302個。",
  }
  for lang, s in pairs(samples) do
    for width = 30, 300, 3 do
      local lines = lines_of(s, {size = 10, width = width, wrap = "char", lang = lang})
      for i, line in ipairs(lines) do
        if i > 1 then
          check.is_true(not chinese_no_start[first_char(line)],
            ("%s width %d: line %d starts with %s"):format(lang, width, i, utf8.char(first_char(line))))
        end
        if i < #lines then
          local last = last_char(line)
          check.is_true(not chinese_no_end[last],
            ("%s width %d: line %d ends with %s"):format(lang, width, i, utf8.char(last or 32)))
        end
      end
    end
  end
end)

test("Korean: lines break at the spaces between words, never before closing punctuation", function()
  local s = "중국의 인공지능 산업 규모는 7,000억 위안에 이르렀다(2024년). 기업 수는 4,500개를 넘었다!"
  local starts = boundaries(s, "ko")
  local widest = 0
  for _, w in ipairs(text.words(s, "ko")) do
    widest = math.max(widest, c:measure_text(w, {size = 10, lang = "ko"}).width)
  end
  for width = math.ceil(widest) + 1, 320, 3 do
    local _, m = lines_of(s, {size = 10, width = width, wrap = "char", lang = "ko"})
    for i = 2, #m.line_starts do
      local at = m.line_starts[i]
      check.is_true(starts[at], ("width %d: line %d starts inside a word: %s")
        :format(width, i, s:sub(at, at + 8)))
      check.is_true(not set_of(").,!?:;")[s:byte(at)], ("width %d: line %d starts with closing punctuation")
        :format(width, i))
    end
  end
  check.equal(table.concat(text.words("인공지능 산업, 규모", "ko"), "|"), "인공지능|산업,|규모", "words by spaces")
end)

test("keep_words: a Japanese or Chinese word is not split when it fits a line", function()
  local samples = {
    ja = "中国 米国 英国 インド ドイツ フランス イスラエル その他の国々とサウジアラビア",
    ["zh-Hans"] = "人工智能产业规模持续扩大，大模型数量位居世界前列",
    ["zh-Hant"] = "人工智慧產業規模持續擴大，大模型數量位居世界前列",
  }
  for lang, s in pairs(samples) do
    local starts = boundaries(s, lang)
    local widths = {}
    for _, w in ipairs(text.words(s, lang)) do
      widths[#widths + 1] = c:measure_text(w, {size = 10, lang = lang}).width
    end
    table.sort(widths)
    local split_seen = false
    for width = math.ceil(widths[#widths]) + 1, 300, 2 do
      local _, m = lines_of(s, {size = 10, width = width, wrap = "char", lang = lang, keep_words = true})
      for i = 2, #m.line_starts do
        local at = m.line_starts[i]
        -- a line may also start after a space or a comma, which are not words
        local after_separator = s:sub(1, at - 1):match("[ ，]$") ~= nil
        check.is_true(starts[at] or after_separator,
          ("%s width %d: line %d starts inside a word: %s"):format(lang, width, i, s:sub(at, at + 11)))
      end
      -- without keep_words, some width splits a word: the option does something
      local _, plain = lines_of(s, {size = 10, width = width, wrap = "char", lang = lang})
      for i = 2, #plain.line_starts do
        if not starts[plain.line_starts[i]] then split_seen = true end
      end
    end
    check.is_true(split_seen, lang .. ": without keep_words a word is split at some width")
  end
  -- a word longer than the line still breaks (no text runs past its width)
  local m = c:measure_text("イスラエル", {size = 10, width = 30, wrap = "char", keep_words = true})
  check.is_true(m.lines >= 2, "a word longer than the line breaks")
  check.is_true(m.ink.width <= 30.5, "and stays inside the width")
end)

test("chart labels shrink before a word is split (regression: フラン/ス, イスラ/エル)", function()
  local rows = {}
  for i, k in ipairs({"中国", "米国", "英国", "インド", "ドイツ", "フランス", "イスラエル", "その他"}) do
    rows[i] = {k = k, v = 10 * i}
  end
  for _, width in ipairs({640, 600, 560, 520}) do
    local list = chart.bar(rows, {x = "k", y = "v", theme = "slides"})
      :compose(c, {x = 0, y = 0, width = width, height = width * 9 / 16})
    local labels = 0
    for _, it in ipairs(list.items) do
      if it.kind == "text" and (it.text == "フランス" or it.text == "イスラエル") then
        labels = labels + 1
        check.equal(c:measure_text(it.text, it.opts).lines, 1, ("%s at %d pt"):format(it.text, width))
        check.is_true(it.opts.size >= 10, "not below the theme's minimum")
      end
    end
    check.equal(labels, 2, "both labels drawn")
  end
end)

test("chart labels that must wrap break between words", function()
  local rows = {{k = "大規模AIモデル", v = 1}, {k = "AIユニコーン企業", v = 2}, {k = "生成AIサービス", v = 3},
    {k = "自動運転タクシー", v = 4}}
  for _, case in ipairs({{"vertical", 200, 160}, {"horizontal", 160, 200}}) do
    local list = chart.bar(rows, {x = "k", y = "v", orientation = case[1]})
      :compose(c, {x = 0, y = 0, width = case[2], height = case[3]})
    local wrapped = 0
    for _, it in ipairs(list.items) do
      if it.kind == "text" and it.opts.width then
        local starts = boundaries(it.text, "ja")
        local _, m = lines_of(it.text, it.opts)
        for i = 2, #m.line_starts do
          wrapped = wrapped + 1
          check.is_true(starts[m.line_starts[i]],
            ("%s: '%s' is split inside a word"):format(case[1], it.text))
        end
      end
    end
    check.is_true(wrapped > 0, case[1] .. ": the labels wrapped")
  end
end)

test("a heading wraps between words", function()
  local title = "生成AIとイスラエルのサイバーセキュリティスタートアップの資金調達動向"
  local doc = sumi.document.new{size = "A5", header = false, footer = false}
  doc:heading(title)
  local t = trace.parse(doc:save("heading.trace").trace)
  local starts = boundaries(title, "ja")
  local in_heading, lines, last_y = false, 0, nil
  for _, r in ipairs(t.records) do
    if r.kind == "block" then in_heading = r[1]:find(title, 1, true) ~= nil end
    if in_heading and r.kind == "text" and r.y ~= last_y then
      lines, last_y = lines + 1, r.y
      if lines > 1 then
        local at = title:find(r[1], 1, true)
        check.is_true(at and starts[at],
          ("the heading's line %d starts inside a word: %s"):format(lines, r[1]))
      end
    end
  end
  check.is_true(lines >= 2, "the heading wrapped")
end)

check.done()
