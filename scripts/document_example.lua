-- A short multi-page document built with sumi.document: contents, headings,
-- paragraphs, KPI tiles, a chart, a table, two columns and sources.
--
--   sumi render scripts/document_example.lua         -> reports/document_example.pdf
--   sumi render scripts/document_example.lua -p preview=1   (also PNG pages)
--
-- Every number in the text is read from data/ or computed here.
local sumi = require "sumi"
local chart = require "sumi.chart"
local fill = sumi.template.fill

local figures = sumi.data.read_csv("../data/waic2025_headline.csv")
local source_names = figures:distinct("source"):column("source")
figures = figures:with_meta{source = table.concat(source_names, " / ")}

local function value(metric, scope)
  local rows = figures:where("metric", "==", metric):where("scope", "==", scope or "china")
  assert(#rows == 1, ("one row expected for %s (%s), got %d"):format(metric, scope, #rows))
  return rows:row(1).value
end

local models, models_world = value("large_ai_models"), value("large_ai_models", "world")
local unicorns, unicorns_world = value("ai_unicorns"), value("ai_unicorns", "world")
local companies = value("ai_companies")

local doc = sumi.document.new{
  size = "A4", lang = "ja",
  title = "中国AI産業の現在地（ドキュメント例）", author = "sumi", subject = "WAIC 2025 の公表値",
  keywords = "AI, WAIC 2025, 中国",
  confidential = "社外秘（サンプル）",
  first_page = {header = false},
}

doc:paragraph("中国AI産業の現在地", {size = 22, weight = "bold", color = "#1f3a5f"})
doc:paragraph(fill("WAIC 2025 の公表値による概観　{date:date_ja}", {date = sumi.epoch()}),
  {color = "#555555"})
doc:contents()

doc:heading("概要", 1)
doc:paragraph(fill("世界の大規模AIモデル{world:int}個のうち、中国は<b>{china:int}個</b>" ..
  "（{share:pct1}）を占める。AIユニコーン企業は{u:int}社で、世界{uw:int}社の{us:pct1}にあたる。" ..
  "AI関連企業は{c:int}社を超える。",
  {world = models_world, china = models, share = models / models_world, u = unicorns,
   uw = unicorns_world, us = unicorns / unicorns_world, c = companies}))
doc:kpis({
  {value = models, unit = "個", label = "大規模AIモデル"},
  {value = unicorns, unit = "社", label = "AIユニコーン企業"},
  {value = companies, unit = "社超", label = "AI関連企業"},
})

doc:heading("読み方", 2)
doc:list({
  "数値はすべて data/waic2025_headline.csv から読み、比率はこの場で計算している。",
  "世界に占める割合は、同じ時点・同じ定義の世界全体の数値で割ったもの。",
  "企業数は「超」「約」などの修飾を含む公表値で、厳密な集計ではない。",
}, {numbered = true})
doc:callout("公表値は主催者と業界団体の発表に基づく。定義の違いに注意して比較すること。" ..
  "詳しくは<a href=\"https://www.worldaic.com.cn/\">WAIC の公式サイト</a>を参照。",
  {title = "注意", tone = "warning"})

doc:heading("世界との比較", 1)
local shares = sumi.data.from_rows({
  {name = "大規模AIモデル", share = models / models_world},
  {name = "AIユニコーン企業", share = unicorns / unicorns_world},
}, {order = {"name", "share"}, source = "WAIC 2025 / CAICT"})
doc:figure(chart.bar(shares, {x = "name", y = "share", value_labels = "pct1", y_format = "pct0"}),
  {caption = "世界に占める中国のシェア", height = 190})

doc:heading("公表値の一覧", 2)
doc:table(figures:select("metric", "scope", "value", "unit"), {
  columns = {
    {key = "metric", title = "指標"},
    {key = "scope", title = "範囲", width = 50},
    {key = "value", title = "値", format = "int"},
    {key = "unit", title = "単位"},
  },
  caption = "WAIC 2025 で公表された主な数値",
})

doc:heading("二段組の例", 1)
doc:columns(2, function()
  doc:paragraph(("二段組の本文は左の段から右の段へ流れる。日本語の行分割の規則は段の中でも守られ、" ..
    "句読点が行頭に来ることはない。2025年のような数字と単位も分かれない。"):rep(2))
  doc:paragraph("短い段組は左右の段の高さを揃える。段が尽きると次のページの左の段に続く。")
end)
doc:sources()

local info = doc:save()
if sumi.params.preview then
  doc:save("reports/document_example.png", {dpi = 60})
end
print(("%d pages"):format(info.pages))
