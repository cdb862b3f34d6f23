---@meta sumi.locale
-- Editor annotations for sumi.locale (engine/lua/sumi/locale.lua).
-- docs/API.md §15 ("Languages") is the manual.

---The words the engine writes itself, in every language: chart source and note prefixes,
---captions, contents, page numbers, large-number units, date forms, the currency word.
---Tags follow BCP 47: ja, zh-Hans, zh-Hant, zh-HK, ko, en, and those a script defines.
---@class sumi.locale
local locale = {}

---The words of a language, each a field `locale.define` may set.
---@class sumi.LocaleFields
---@field source? string Before a chart's source: "出典: ", "Source: ".
---@field note? string Before a note: "注: ", "Note: ".
---@field note_mark? string A note's mark, %d the number: "注%d".
---@field figure? string A figure's caption, %d the number: "図%d　", "Figure %d. ".
---@field table? string A table's caption, %d the number: "表%d　", "Table %d. ".
---@field contents? string The contents title: "目次", "Contents".
---@field sources? string The source list's title: "出典", "Sources".
---@field total? string The totals label: "合計", "Total".
---@field subtotal? string A subtotal row's label: "小計", "Subtotal".
---@field others? string The label of the rest: "その他", "Others".
---@field page? string A page number: "{page} / {pages}", "Page {page} of {pages}".
---@field heading_gap? string Between a heading's number and its text.
---@field units? table[] Large-number units from the largest down, each {name, size}: {{"兆", 1e12}, ...}.
---@field unit_space? string Between a number's unit and the word after it (" " in Korean: "7,000억 원").
---@field mixed_space? string Between parts of mixed units: "" ("1兆2,864億"), " " ("1조 2,864억"); en: none.
---@field points? string After a difference of shares in points: "ポイント", "个百分点", "%p", "pt".
---@field year_month? string A month's form: "%d年%d月" (year, month), "%s %d" (month name, year).
---@field date? string A date's form: "%d年%d月%d日" (year, month, day), "%d %s %d" (day, month, year).
---@field months? string[] The month names, when the forms use them ("January", ...).
---@field weekdays? string[] The day names from Sunday: {"日", "月", ...}.
---@field weekday? string After a date, %s the day name: "（%s）", " (%s)".
---@field quarter_names? string[] The four quarters' names: {"第1四半期", ...}, {"Q1", ...}.
---@field year_quarter? string A quarter's form, %d the year, %s its name: "%d年%s", "%d %s".
---@field fiscal_year? string A fiscal year's form, %d the year: "%d年度", "FY%d".
---@field fiscal_quarter? string A fiscal quarter's form: the fiscal year, then the quarter's name: "%s%s".
---@field fiscal_start? integer The month a fiscal year starts in, 1 to 12 (4 in Japan: 2025年度 from April).
---@field kpi_change? string What a KPI tile's change compares with: "前年比", "YoY", "同比", "전년 대비".
---@field kpi_change_line? string The change line (sumi.template text): {change}, {label}: "{change} {label}", "{label}{change}".
---@field target? string The word before a chart's target value: "目標", "Target".
---@field alt_target? string Alternative text naming a target: {label}, {value}: "{label}は{value}".
---@field tick_quarters? string[] The four quarters on a time axis: {"Q1", ...}, {"1분기", ...}.
---@field open? string Before a unit after a title: "（", " (".
---@field close? string After a unit after a title: "）", ")".
---@field currency? string The local currency word: "円", "元", "港元", "원", "US$".
---@field currency_before? boolean The currency goes before the number (English: "US$700bn").
---@field vertical? boolean A side axis title is set vertically (ja, zh-Hant), else turned.
---@field alt_extremes? string Alternative text (sumi.template text): {max_label}, {max}, {min_label}, {min}.
---@field alt_rise? string Alternative text of a rise: the placeholders of alt_rise_ends and alt_extremes.
---@field alt_fall? string Alternative text of a fall: the placeholders of alt_rise.
---@field alt_flat? string Alternative text of a flat series: the placeholders of alt_rise.
---@field alt_rise_ends? string A rise from smallest to largest: {first_label}, {first}, {last_label}, {last}.
---@field alt_fall_ends? string A fall from the largest to the smallest: the placeholders of alt_rise_ends.
---@field alt_shares? string Alternative text of shares: the placeholders of alt_extremes.
---@field alt_one? string Only one value: {label}, {value}.
---@field alt_equal? string All values equal: {value}.
---@field alt_empty? string No data: no placeholders.
---@field alt_part? string Part of a whole: {part}, {whole}, {share}.
---@field alt_kpi? string A KPI tile: {label}, {value}.
---@field alt_kpi_noted? string A KPI tile with a note: {label}, {value}.
---@field alt_series? string Wraps another for one series of several: {body}, {series}, {count}.
---@field alt_panels? string Wraps another for small multiples: {body}, {count}.
---@field alt_panel_label? string A panel's label: {panel}, {label}.
---@field alt_end? string The full stop after alternative text: "。", ".".

---The words of a language (`locale.get`): a read-only view.
---@class sumi.LocaleWords : sumi.LocaleFields
---@field tag string The canonical tag.
---@field year? string A year's form: "%d年".
---@field month? string A month's form: "%d月".
---@field month_day? string A day's form within a year: "%d月%d日".

---@class sumi.LocaleDefineOptions : sumi.LocaleFields
---@field base? string The language whose words the others start from (default "en").
---@field fonts? string The language whose fonts and line breaking it uses (default: the tag itself).

---The tags a report may be set in, canonical: the engine's six, then those a script defined.
---@return string[] tags
function locale.tags() end

---The canonical tag: `locale.tag("zh-CN")` -> "zh-Hans". Any other tag is an error listing the
---valid ones; `fn` and `key` name the public function and option the message blames (the
---engine's modules pass them; default "locale.tag" and "lang").
---@param tag string
---@param fn? string
---@param key? string
---@return string tag
function locale.tag(tag, fn, key) end

---Internal plumbing of the engine's modules: an options spec entry (sumi.internal.options)
---for a `lang` option, checked and given back in its canonical form. `default` is "ja" when
---nil; false leaves the option unset.
---@param default? string|false
---@return table entry
function locale.option(default) end

---The words of a language (a read-only view); `fn` names the public function an unknown
---tag's message blames (default "locale.get").
---@param tag string
---@param fn? string
---@return sumi.LocaleWords words
function locale.get(tag, fn) end

---Adds a language, or changes the words of one, for the rest of the run; the tag is then valid
---wherever a language is taken: `locale.define("de", {source = "Quelle: "})`.
---@param tag string A BCP 47 language tag such as "fr" or "de-CH".
---@param fields sumi.LocaleDefineOptions
---@return string tag The canonical tag.
function locale.define(tag, fields) end

return locale
