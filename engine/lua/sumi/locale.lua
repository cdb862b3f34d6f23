-- The words, units and dates of each language a report is set in, in one
-- place. Every module that writes a word of its own (a chart's source
-- line, a document's captions, contents, page numbers and notes, an axis
-- unit, a date) takes it from here, by the language tag it was given:
--
--   local locale = require "sumi.locale"
--   locale.tag("zh-CN")              --> "zh-Hans"
--   locale.get("zh-CN").source      --> "来源："
--   locale.get("ko").units[2]       --> {"억", 1e8}
--
-- sumi.format writes numbers in these units (format.units) and dates in
-- these forms (format.date).
--
-- Tags follow BCP 47 and are normalised by sumi.fonts.language (the C
-- table the text engine uses too): ja, zh-Hans, zh-Hant, zh-HK, ko, en, and
-- any language a script adds with locale.define.
local errors = require "sumi.internal.errors"
local fonts = require "sumi.fonts"
local options = require "sumi.internal.options"

local locale = {}

-- Each language's words. Patterns take the number with %d; quarters are
-- written year_quarter:format(year, quarter_names[q]) ("2025年第1四半期",
-- "2025 Q1"), a fiscal year fiscal_year:format(year) ("2025年度", "FY2025")
-- and a fiscal quarter fiscal_quarter:format(fiscal year, quarter name)
-- ("2025年度第1四半期", "FY2025 Q1"); fiscal_start is the month a fiscal
-- year starts in unless a script says otherwise (April in Japan, where
-- 2025年度 runs from 2025-04-01 to 2026-03-31). Units go from
-- the largest down, each {name, size}; unit_space goes between a number's
-- unit and the word after it ("7,000억 원": Korean spaces a counted noun);
-- mixed_space goes between the parts of a number in mixed units ("1兆2,864億",
-- "1조 2,864억"; a language without it, English, has no such form);
-- points follows a difference of shares in points ("+1.5ポイント", "+1.5pt");
-- open and close put a unit after a title ("売上（億円）", "Sales (bn)");
-- vertical says a side title is set vertically (Japanese and Traditional
-- Chinese) rather than turned (the others). The alt_ fields are the
-- sentence of a chart's alternative text (chart:alt_text), with the
-- placeholders alt_placeholders lists: each a clause without its full
-- stop (alt_end), alt_series and alt_panels wrapping another ({body}).
-- kpi_change names what a KPI tile's change compares with, and
-- kpi_change_line puts it beside the change ({change} {label}: "+3.2%
-- 前年比", "同比+3.2%"); target is the word before a chart's target value
-- ("目標 1,200億円"), alt_target the clause that names it in the
-- alternative text; tick_quarters are the quarters on a time axis
-- ("2025年Q1", "2025년 1분기").
local ja = {
  source = "出典: ", note = "注: ", note_mark = "注%d",
  figure = "図%d　", table = "表%d　", contents = "目次", sources = "出典", total = "合計", subtotal = "小計",
  others = "その他", page = "{page} / {pages}", heading_gap = "　",
  units = {{"兆", 1e12}, {"億", 1e8}, {"万", 1e4}}, unit_space = "", mixed_space = "", points = "ポイント",
  year = "%d年", month = "%d月", month_day = "%d月%d日", year_month = "%d年%d月", date = "%d年%d月%d日",
  weekdays = {"日", "月", "火", "水", "木", "金", "土"}, weekday = "（%s）",
  quarter_names = {"第1四半期", "第2四半期", "第3四半期", "第4四半期"}, year_quarter = "%d年%s",
  fiscal_start = 4, fiscal_year = "%d年度", fiscal_quarter = "%s%s",
  -- charts: a KPI's change, a target, quarters on a time axis
  kpi_change = "前年比", kpi_change_line = "{change} {label}", target = "目標", alt_target = "{label}は{value}",
  tick_quarters = {"Q1", "Q2", "Q3", "Q4"},
  open = "（", close = "）", currency = "円", vertical = true,
  -- a chart's alternative text (chart:alt_text): see alt_placeholders below
  alt_extremes = "最大は{max_label}の{max}、最小は{min_label}の{min}",
  alt_rise = "{first_label}の{first}から{last_label}の{last}へ増加し、最大は{max_label}の{max}、"
    .. "最小は{min_label}の{min}",
  alt_fall = "{first_label}の{first}から{last_label}の{last}へ減少し、最大は{max_label}の{max}、"
    .. "最小は{min_label}の{min}",
  alt_flat = "{first_label}から{last_label}まで{first}で横ばい、最大は{max_label}の{max}、"
    .. "最小は{min_label}の{min}",
  alt_rise_ends = "{first_label}の{first}（最小）から{last_label}の{last}（最大）へ増加",
  alt_fall_ends = "{first_label}の{first}（最大）から{last_label}の{last}（最小）へ減少",
  alt_shares = "最大の割合は{max_label}の{max}、最小は{min_label}の{min}",
  alt_one = "{label}の{value}のみ", alt_equal = "値はすべて{value}", alt_empty = "データがありません",
  alt_part = "{whole}のうち{part}（{share}）", alt_kpi = "{label}は{value}", alt_kpi_noted = "{value}（{label}）",
  alt_series = "{body}（{count}系列のうち「{series}」）", alt_panels = "{body}（全{count}パネル）",
  alt_panel_label = "{panel}・{label}", alt_end = "。",
}

local zh_hans = {
  source = "来源：", note = "注：", note_mark = "注%d",
  figure = "图%d　", table = "表%d　", contents = "目录", sources = "资料来源", total = "合计", subtotal = "小计",
  others = "其他", page = "第{page}页 / 共{pages}页", heading_gap = "　",
  units = {{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}}, unit_space = "", mixed_space = "", points = "个百分点",
  year = "%d年", month = "%d月", month_day = "%d月%d日", year_month = "%d年%d月", date = "%d年%d月%d日",
  weekdays = {"日", "一", "二", "三", "四", "五", "六"}, weekday = "（星期%s）",
  quarter_names = {"第一季度", "第二季度", "第三季度", "第四季度"}, year_quarter = "%d年%s",
  fiscal_start = 1, fiscal_year = "%d财年", fiscal_quarter = "%s%s",
  kpi_change = "同比", kpi_change_line = "{label}{change}", target = "目标", alt_target = "{label}为{value}",
  tick_quarters = {"Q1", "Q2", "Q3", "Q4"},
  open = "（", close = "）", currency = "元", vertical = false,
  alt_extremes = "最大为{max_label}的{max}，最小为{min_label}的{min}",
  alt_rise = "从{first_label}的{first}增至{last_label}的{last}，最大为{max_label}的{max}，"
    .. "最小为{min_label}的{min}",
  alt_fall = "从{first_label}的{first}降至{last_label}的{last}，最大为{max_label}的{max}，"
    .. "最小为{min_label}的{min}",
  alt_flat = "从{first_label}到{last_label}持平于{first}，最大为{max_label}的{max}，最小为{min_label}的{min}",
  alt_rise_ends = "从{first_label}的最小值{first}增至{last_label}的最大值{last}",
  alt_fall_ends = "从{first_label}的最大值{first}降至{last_label}的最小值{last}",
  alt_shares = "占比最大为{max_label}的{max}，最小为{min_label}的{min}",
  alt_one = "仅有{label}的{value}", alt_equal = "所有值均为{value}", alt_empty = "没有数据",
  alt_part = "{whole}中占{part}（{share}）", alt_kpi = "{label}为{value}", alt_kpi_noted = "{value}（{label}）",
  alt_series = "{body}（{count}个系列中的“{series}”）", alt_panels = "{body}（共{count}个分图）",
  alt_panel_label = "{panel}（{label}）", alt_end = "。",
}

local zh_hant = {
  source = "資料來源：", note = "註：", note_mark = "註%d",
  figure = "圖%d　", table = "表%d　", contents = "目錄", sources = "資料來源", total = "合計", subtotal = "小計",
  others = "其他", page = "第{page}頁 / 共{pages}頁", heading_gap = "　",
  units = {{"兆", 1e12}, {"億", 1e8}, {"萬", 1e4}}, unit_space = "", mixed_space = "", points = "個百分點",
  year = "%d年", month = "%d月", month_day = "%d月%d日", year_month = "%d年%d月", date = "%d年%d月%d日",
  weekdays = {"日", "一", "二", "三", "四", "五", "六"}, weekday = "（星期%s）",
  quarter_names = {"第一季", "第二季", "第三季", "第四季"}, year_quarter = "%d年%s",
  fiscal_start = 1, fiscal_year = "%d財年", fiscal_quarter = "%s%s",
  kpi_change = "同比", kpi_change_line = "{label}{change}", target = "目標", alt_target = "{label}為{value}",
  tick_quarters = {"Q1", "Q2", "Q3", "Q4"},
  open = "（", close = "）", currency = "元", vertical = true,
  alt_extremes = "最大為{max_label}的{max}，最小為{min_label}的{min}",
  alt_rise = "從{first_label}的{first}增至{last_label}的{last}，最大為{max_label}的{max}，"
    .. "最小為{min_label}的{min}",
  alt_fall = "從{first_label}的{first}降至{last_label}的{last}，最大為{max_label}的{max}，"
    .. "最小為{min_label}的{min}",
  alt_flat = "從{first_label}到{last_label}持平於{first}，最大為{max_label}的{max}，最小為{min_label}的{min}",
  alt_rise_ends = "從{first_label}的最小值{first}增至{last_label}的最大值{last}",
  alt_fall_ends = "從{first_label}的最大值{first}降至{last_label}的最小值{last}",
  alt_shares = "佔比最大為{max_label}的{max}，最小為{min_label}的{min}",
  alt_one = "僅有{label}的{value}", alt_equal = "所有值均為{value}", alt_empty = "沒有資料",
  alt_part = "{whole}中佔{part}（{share}）", alt_kpi = "{label}為{value}", alt_kpi_noted = "{value}（{label}）",
  alt_series = "{body}（{count}個系列中的「{series}」）", alt_panels = "{body}（共{count}個分圖）",
  alt_panel_label = "{panel}（{label}）", alt_end = "。",
}

local zh_hk = options.copy(zh_hant)
zh_hk.currency = "港元"
-- Hong Kong writes 第一季度 and 財政年度 where Taiwan writes 第一季 and 財年.
zh_hk.quarter_names = {"第一季度", "第二季度", "第三季度", "第四季度"}
zh_hk.fiscal_year = "%d財政年度"

local ko = {
  source = "출처: ", note = "주: ", note_mark = "주%d",
  figure = "그림 %d. ", table = "표 %d. ", contents = "목차", sources = "출처", total = "합계", subtotal = "소계",
  others = "기타", page = "{page} / {pages}", heading_gap = "  ",
  units = {{"조", 1e12}, {"억", 1e8}, {"만", 1e4}}, unit_space = " ", mixed_space = " ", points = "%p",
  year = "%d년", month = "%d월", month_day = "%d월 %d일", year_month = "%d년 %d월", date = "%d년 %d월 %d일",
  weekdays = {"일", "월", "화", "수", "목", "금", "토"}, weekday = " (%s)",
  quarter_names = {"1분기", "2분기", "3분기", "4분기"}, year_quarter = "%d년 %s",
  fiscal_start = 1, fiscal_year = "%d 회계연도", fiscal_quarter = "%s %s",
  kpi_change = "전년 대비", kpi_change_line = "{label} {change}", target = "목표", alt_target = "{label}: {value}",
  tick_quarters = {"1분기", "2분기", "3분기", "4분기"},
  open = "(", close = ")", currency = "원", vertical = false,
  alt_extremes = "최대는 {max_label}({max}), 최소는 {min_label}({min})입니다",
  alt_rise = "{first_label} {first}에서 {last_label} {last}까지 늘었으며, 최대는 {max_label}({max}), "
    .. "최소는 {min_label}({min})입니다",
  alt_fall = "{first_label} {first}에서 {last_label} {last}까지 줄었으며, 최대는 {max_label}({max}), "
    .. "최소는 {min_label}({min})입니다",
  alt_flat = "{first_label}부터 {last_label}까지 {first} 수준에서 보합이며, 최대는 {max_label}({max}), "
    .. "최소는 {min_label}({min})입니다",
  alt_rise_ends = "최소인 {first_label} {first}에서 최대인 {last_label} {last}까지 늘었습니다",
  alt_fall_ends = "최대인 {first_label} {first}에서 최소인 {last_label} {last}까지 줄었습니다",
  alt_shares = "비중이 가장 큰 것은 {max_label}({max}), 가장 작은 것은 {min_label}({min})입니다",
  alt_one = "값은 {label}({value}) 하나뿐입니다", alt_equal = "모든 값이 {value}입니다",
  alt_empty = "데이터가 없습니다", alt_part = "전체 {whole} 중 {part}({share})입니다", alt_kpi = "{label}: {value}",
  alt_kpi_noted = "{value}({label})",
  alt_series = "{count}개 계열 중 ‘{series}’ 기준으로 {body}", alt_panels = "{count}개 패널 전체에서 {body}",
  alt_panel_label = "{panel} {label}", alt_end = ".",
}

local en = {
  source = "Source: ", note = "Note: ", note_mark = "%d",
  figure = "Figure %d. ", table = "Table %d. ", contents = "Contents", sources = "Sources",
  total = "Total", subtotal = "Subtotal", others = "Others", page = "Page {page} of {pages}",
  heading_gap = "  ",
  units = {{"tn", 1e12}, {"bn", 1e9}, {"M", 1e6}, {"k", 1e3}}, unit_space = " ",
  points = "pt", -- and no mixed_space: English has no mixed units
  year_month = "%s %d", date = "%d %s %d",
  months = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"},
  weekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}, weekday = " (%s)",
  quarter_names = {"Q1", "Q2", "Q3", "Q4"}, year_quarter = "%d %s",
  fiscal_start = 1, fiscal_year = "FY%d", fiscal_quarter = "%s %s",
  kpi_change = "YoY", kpi_change_line = "{change} {label}", target = "Target",
  alt_target = "{label}: {value}",
  tick_quarters = {"Q1", "Q2", "Q3", "Q4"},
  open = " (", close = ")", currency = "US$", currency_before = true, vertical = false,
  alt_extremes = "Largest: {max_label}, {max}; smallest: {min_label}, {min}",
  alt_rise = "Rises from {first} ({first_label}) to {last} ({last_label}); largest: {max_label}, {max}; "
    .. "smallest: {min_label}, {min}",
  alt_fall = "Falls from {first} ({first_label}) to {last} ({last_label}); largest: {max_label}, {max}; "
    .. "smallest: {min_label}, {min}",
  alt_flat = "Flat from {first_label} to {last_label} at {first}; largest: {max_label}, {max}; "
    .. "smallest: {min_label}, {min}",
  alt_rise_ends = "Rises from its smallest, {first} ({first_label}), to its largest, {last} ({last_label})",
  alt_fall_ends = "Falls from its largest, {first} ({first_label}), to its smallest, {last} ({last_label})",
  alt_shares = "Largest share: {max_label}, {max}; smallest: {min_label}, {min}",
  alt_one = "Only one value: {label}, {value}", alt_equal = "All values are {value}", alt_empty = "No data",
  alt_part = "{part} of {whole} ({share})", alt_kpi = "{label}: {value}",
  alt_kpi_noted = "{value} ({label})",
  alt_series = "{body} ({series}, the first of {count} series)",
  alt_panels = "{body} (across {count} panels)", alt_panel_label = "{panel} ({label})", alt_end = ".",
}

local words = {ja = ja, ["zh-Hans"] = zh_hans, ["zh-Hant"] = zh_hant, ["zh-HK"] = zh_hk, ko = ko, en = en}
for tag, w in pairs(words) do w.tag = tag end

-- The placeholders of each alt_ sentence (sumi.template texts, filled with
-- text: the labels and the values as the chart formats them).
local alt_placeholders = {
  alt_extremes = {"max_label", "max", "min_label", "min"},
  alt_rise = {"first_label", "first", "last_label", "last", "max_label", "max", "min_label", "min"},
  alt_rise_ends = {"first_label", "first", "last_label", "last"},
  alt_one = {"label", "value"}, alt_equal = {"value"}, alt_empty = {},
  alt_part = {"part", "whole", "share"}, alt_kpi = {"label", "value"}, alt_kpi_noted = {"label", "value"},
  alt_series = {"body", "series", "count"}, alt_panels = {"body", "count"},
  alt_panel_label = {"panel", "label"}, alt_target = {"label", "value"},
}
alt_placeholders.alt_fall, alt_placeholders.alt_flat = alt_placeholders.alt_rise, alt_placeholders.alt_rise
alt_placeholders.alt_fall_ends = alt_placeholders.alt_rise_ends
alt_placeholders.alt_shares = alt_placeholders.alt_extremes

-- A spec entry for an alt_ sentence: a string whose placeholders are
-- those of the list, each {name} ({{ and }} are braces).
local function alt_entry(names)
  local allowed = {}
  for _, name in ipairs(names) do allowed[name] = true end
  local what = #names == 0 and "a text without placeholders ({{ and }} for braces)"
    or "a text whose placeholders are among {" .. table.concat(names, "}, {") .. "} ({{ and }} for braces)"
  return {default = false, type = "string", check = function(v)
    local rest = v:gsub("{{", ""):gsub("}}", "")
    local bad = false
    rest = rest:gsub("{([^{}]*)}", function(name)
      if not allowed[name] then bad = true end
      return ""
    end)
    if bad or rest:find("[{}]") then return what end
  end}
end

-- The fields a language defines, and what each must be.
local word_spec = {
  source = {default = false, type = "string"}, note = {default = false, type = "string"},
  note_mark = {default = false, type = "string"}, figure = {default = false, type = "string"},
  table = {default = false, type = "string"}, contents = {default = false, type = "string"},
  sources = {default = false, type = "string"}, total = {default = false, type = "string"},
  subtotal = {default = false, type = "string"},
  others = {default = false, type = "string"}, page = {default = false, type = "string"},
  heading_gap = {default = false, type = "string"}, units = {default = false, type = "table"},
  unit_space = {default = false, type = "string"}, mixed_space = {default = false, type = "string"},
  points = {default = false, type = "string"}, year_month = {default = false, type = "string"},
  date = {default = false, type = "string"}, months = {default = false, type = "table"},
  weekdays = {default = false, type = "table"}, weekday = {default = false, type = "string"},
  open = {default = false, type = "string"}, close = {default = false, type = "string"},
  currency = {default = false, type = "string"}, currency_before = {default = false, type = "boolean"},
  vertical = {default = false, type = "boolean"},
  quarter_names = {default = false, type = "table", what = "a list of four strings", check = function(v)
    if #v ~= 4 then return "a list of four strings" end
    for i = 1, 4 do
      if type(v[i]) ~= "string" then return "a list of four strings" end
    end
  end},
  year_quarter = {default = false, type = "string"}, fiscal_year = {default = false, type = "string"},
  fiscal_quarter = {default = false, type = "string"},
  fiscal_start = {default = false, type = "integer", min = 1, max = 12},
  -- charts: a KPI's change line, a target's word, quarters on a time axis
  kpi_change = {default = false, type = "string"}, target = {default = false, type = "string"},
  tick_quarters = {default = false, type = "table", what = "a list of four strings", check = function(v)
    if #v ~= 4 then return "a list of four strings" end
    for i = 1, 4 do
      if type(v[i]) ~= "string" then return "a list of four strings" end
    end
  end},
  base = {default = false, type = "string"}, fonts = {default = false, type = "string"},
  alt_end = {default = false, type = "string"},
}
for key, names in pairs(alt_placeholders) do word_spec[key] = alt_entry(names) end
word_spec.kpi_change_line = alt_entry({"change", "label"})

--- locale.tags() -> the tags a report may be set in, canonical: the
--- engine's six, then those a script defined.
function locale.tags()
  return fonts.languages()
end

-- What a language option must be, in words (the run's languages too).
local function valid_tags()
  return "a language tag: one of " .. table.concat(fonts.languages(), ", ")
end

--- locale.tag(tag [, fn, key]) -> the canonical tag ("zh-CN" -> "zh-Hans").
--- Any other tag is an error naming option key (default 'lang') of the
--- public function fn and listing the valid tags.
function locale.tag(tag, fn, key)
  local canonical = type(tag) == "string" and fonts.language(tag) or nil
  if not canonical then options.fail(fn or "locale.tag", key or "lang", valid_tags(), tag) end
  return canonical
end

--- locale.option([default]) -> an options spec entry for a `lang` option:
--- checked, and given back in its canonical form ("zh-CN" -> "zh-Hans").
--- default is "ja" when nil; false leaves the option unset.
function locale.option(default)
  if default == nil then default = "ja" end
  -- false: no default language (a chart in a document takes the document's)
  if default ~= false then default = locale.tag(default, "locale.option", "default") end
  return {default = default, type = "string",
          check = function(v)
            if not fonts.language(v) then return valid_tags() end
          end,
          convert = function(v) return (fonts.language(v)) end}
end

--- locale.get(tag [, fn]) -> the words of a language (a read-only view;
--- see locale.define for the fields).
function locale.get(tag, fn)
  return words[locale.tag(tag, fn or "locale.get")]
end

--- locale.define(tag, fields) adds a language, or changes the words of
--- one: `base` names the language whose words the others start from
--- (default en), `fonts` the language whose fonts and line breaking it
--- uses (default: the tag itself, as fontconfig knows it). For the rest of
--- the run, tag is valid wherever a language is taken.
function locale.define(tag, fields)
  local well_formed = type(tag) == "string" and tag:find("^%a%a%a?%f[%A][%w%-]*$") and not tag:find("%-%-")
    and not tag:find("%-$")
  if not well_formed then
    errors.raise("locale.define: the tag must be a BCP 47 language tag such as \"fr\" or \"de-CH\"; got %s",
      errors.show(tag))
  end
  local o = options.check("locale.define", fields, word_spec)
  local canonical = fonts.language(tag)
  local base = words[o.base and locale.tag(o.base, "locale.define", "base") or canonical or "en"]
  local w = options.copy(base)
  for k, v in pairs(o) do
    if v ~= false and k ~= "base" and k ~= "fonts" then w[k] = options.copy(v) end
  end
  if not canonical then
    canonical = fonts.define_language(tag, o.fonts and locale.tag(o.fonts, "locale.define", "fonts") or nil)
  end
  w.tag = canonical
  words[canonical] = w
  return canonical
end

return locale
