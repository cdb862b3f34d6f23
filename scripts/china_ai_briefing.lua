-- China's AI industry after WAIC 2025: an investor briefing (first page).
--
--   sumi render scripts/china_ai_briefing.lua            -> reports/china_ai_briefing.pdf
--   sumi render scripts/china_ai_briefing.lua -p date=2025-08-01
--
-- Every number in the text is read from data/ or computed here; none is typed.
local sumi = require "sumi"

---------------------------------------------------------------- data

local data = sumi.data
local fill = sumi.template.fill

-- The headline figures: one row per figure, with who reported it.
local figures = data.read_csv("../data/waic2025_headline.csv", {
  title = "WAIC 2025 headline figures",
  columns = {value = {notes = "as reported; shares in percent"}},
})
-- The dataset's source line is the distinct sources of its rows.
local source_names = figures:distinct("source"):column("source")
figures = figures:with_meta{source = table.concat(source_names, " / ")}

-- Players and the fields unicorns work in, from the SQLite database that
-- bootstrap.sh builds from data/waic2025.sql.
local database = "../data/waic2025.db"
local function query(sql, params)
  local ok, result = pcall(data.query_sqlite, database, sql, params)
  if not ok then
    error(("%s (build the database with: sqlite3 data/waic2025.db < data/waic2025.sql)")
      :format(result), 2)
  end
  return result
end
local sources = query("SELECT id, name, description FROM sources ORDER BY id")
local players = query("SELECT company, models FROM players WHERE company IN (?, ?, ?, ?)",
  {"Alibaba", "Tencent", "Baidu", "SenseTime"})

local function figure(metric, scope)
  local rows = figures:where("metric", "==", metric):where("scope", "==", scope or "china")
  if #rows ~= 1 then
    error(("data/waic2025_headline.csv has %d rows for '%s' (%s)"):format(#rows, metric, scope), 2)
  end
  return rows:row(1)
end

-- China beside the world, for the figures reported for both: shares and
-- the rest of the world are computed here, never typed.
local world = figures:where("scope", "==", "world"):select("metric", "value"):rename{value = "world"}
local versus = figures:where("scope", "==", "china"):select("metric", "value")
  :join(world, "metric")
  :calc("share", "value", "/", "world")
  :calc("rest", "world", "-", "value")
local function compared(metric)
  local rows = versus:where("metric", "==", metric)
  return rows:row(1)
end
local models = compared("large_ai_models")
local unicorns = compared("ai_unicorns")
local companies = figure("ai_companies")
local companies_share = figure("ai_companies_share_of_world")
local listed = figure("listed_ai_companies")
local listed_share = figure("listed_share_of_industry_revenue")
local patents_share = figure("ai_patent_applications_share_of_world")
local industry = figure("ai_industry_size")
local growth = figure("ai_industry_growth")
local unicorn_valuation = figure("unicorn_min_valuation", "world")

-- Japanese for the qualifiers the sources use: "about 15" -> 約15, "more than 5,100" -> 5,100超.
local qualifier_ja = {["more than"] = "超", ["above"] = "超", ["about"] = "約", ["at least"] = "以上"}
local function approx(row, text)
  local q = qualifier_ja[row.qualifier or ""]
  if q == "約" then return q .. text end
  return text .. (q or "")
end

local function report_date()
  local given = sumi.params.date
  if given then
    if not given:match("^%d%d%d%d%-%d%d%-%d%d$") then
      error("parameter date must be YYYY-MM-DD, got '" .. given .. "'")
    end
    return sumi.format.date_ja(given)
  end
  return sumi.format.date_ja(sumi.epoch())
end

---------------------------------------------------------------- page

local theme = {
  ink = "#1b1f24", muted = "#5b6570", rule = "#d5dae0", accent = "#b3261e",
  bar = "#b3261e", bar_reported = "#e3a29c", band = "#f4f1ec",
}

local doc = sumi.canvas.pdf(nil, {
  size = "A4",
  title = "中国AI産業ブリーフィング：WAIC 2025の数字から",
  author = "sumi",
  subject = "China's AI industry after WAIC 2025",
  keywords = "China, AI, WAIC 2025, CAICT, investor briefing",
})
local page_w = doc:size()
local margin = sumi.mm(18)
local content_w = page_w - 2 * margin

-- Header band
doc:rect(0, 0, page_w, sumi.mm(12))
doc:fill(theme.ink)
doc:text("INVESTOR BRIEFING ｜ 投資家向けブリーフィング", margin, sumi.mm(6),
  {size = 8, color = "#ffffff", anchor = "left", letter_spacing = 0.5})
doc:text(report_date(), page_w - margin, sumi.mm(6),
  {size = 8, color = "#ffffff", anchor = "right"})

-- Title
local y = sumi.mm(24)
local _, title_h = doc:text("中国AI産業の現在地", margin, y,
  {font = "serif", size = 26, weight = "bold", color = theme.ink})
y = y + title_h + 4
local _, sub_h = doc:text("WAIC 2025で示された数字から読む、モデル・企業・ユニコーンの勢力図",
  margin, y, {size = 11.5, color = theme.muted, width = content_w})
y = y + sub_h + sumi.mm(6)

-- KPI cards: every figure filled in from the data by a template.
local kpis = {
  {label = "大規模AIモデル", value = fill("{n}", {n = models.value}), unit = "個",
   note = fill("世界{world}個の{share:pct1}", models)},
  {label = "AIユニコーン企業", value = fill("{n}", {n = unicorns.value}), unit = "社",
   note = fill("世界{world}社の{share:pct1}", unicorns)},
  {label = "AI関連企業", value = fill("{n}", {n = companies.value}), unit = approx(companies, "社"),
   note = "世界の" .. approx(companies_share, fill("{n}%", {n = companies_share.value}))},
  {label = fill("AI産業規模（{year:plain}年）", {year = tonumber(industry.period)}),
   value = fill("{n}", {n = industry.value / 1e8}), unit = approx(industry, "億元"),
   note = fill("年{n}%超の成長", {n = growth.value})},
}
local gap = sumi.mm(4)
local card_w = (content_w - gap * (#kpis - 1)) / #kpis
local card_h = sumi.mm(27)
for i, kpi in ipairs(kpis) do
  local x = margin + (i - 1) * (card_w + gap)
  doc:rounded_rect(x, y, card_w, card_h, 4)
  doc:fill(theme.band)
  doc:rect(x, y, 3, card_h)
  doc:fill(theme.accent)
  doc:text(kpi.label, x + 10, y + 8, {size = 8, color = theme.muted})
  local value_style = {size = 20, weight = "bold", color = theme.ink, features = "tnum"}
  local value_w = doc:text(kpi.value, x + 10, y + 20, value_style)
  local baseline = y + 20 + doc:measure_text(kpi.value, value_style).baseline
  doc:text(kpi.unit, x + 13 + value_w, baseline, {size = 9, color = theme.ink,
    anchor = "baseline-left"})
  doc:text(kpi.note, x + 10, y + card_h - 8, {size = 8, color = theme.accent, anchor = "bottom-left"})
end
y = y + card_h + sumi.mm(8)

-- Summary paragraph: one template, every number computed above.
local summary = fill(table.concat({
  "WAIC 2025（世界人工知能大会、上海）で公表された数値によると、中国で公開された大規模AIモデルは",
  "{models}個で、世界全体{models_world}個の{models_share:pct1}を占める。",
  "中国のAIユニコーン企業（評価額{valuation}の未上場企業）は{unicorns}社で、",
  "世界全体{unicorns_world}社の{unicorns_share:pct1}にあたる。",
  "中国以外の世界の合計は、モデル{models_rest}個、ユニコーン{unicorns_rest}社である。",
  "中国信息通信研究院（CAICT）によれば、中国のAI関連企業は{companies}社を超え、",
  "上場AI企業{listed}社超が産業収入の約{listed_share}%を占める。",
}), {
  models = models.value, models_world = models.world, models_share = models.share,
  models_rest = models.rest,
  unicorns = unicorns.value, unicorns_world = unicorns.world, unicorns_share = unicorns.share,
  unicorns_rest = unicorns.rest,
  companies = companies.value, listed = listed.value, listed_share = listed_share.value,
  valuation = approx(unicorn_valuation, sumi.format.ja_units(unicorn_valuation.value, {unit = "ドル"})),
})
doc:text("概要", margin, y, {size = 13, weight = "bold", color = theme.ink})
y = y + 22
local _, para_h = doc:text(summary, margin, y,
  {size = 10.5, width = content_w, line_spacing = 1.5, color = theme.ink, align = "justify"})
y = y + para_h + sumi.mm(9)

---------------------------------------------------------------- chart

-- China's share of the world: figures sumi computed from WAIC counts in
-- the accent colour, approximate figures as reported in a lighter one.
local computed, reported = "WAIC 2025の件数からsumiが算出", "公表された概数（約）"
local bars = {
  {label = "AI特許出願", value = patents_share.value / 100, kind = reported},
  {label = "大規模AIモデル", value = models.share, kind = computed},
  {label = "AIユニコーン企業", value = unicorns.share, kind = computed},
  {label = "AI関連企業", value = companies_share.value / 100, kind = reported},
}

doc:text("世界に占める中国のシェア", margin, y, {size = 13, weight = "bold", color = theme.ink})
y = y + 20
doc:text("中国の件数・企業数が世界全体に占める割合（%）", margin, y, {size = 9, color = theme.muted})
y = y + 18

local chart_theme = sumi.theme.derive("print", {ink = theme.ink, muted = theme.muted,
  sizes = {label = 9.5, value = 9.5, legend = 8}, value_weight = "bold", padding = 0})
local share_chart = sumi.chart.bar(bars, {
  x = "label", y = "value", color = "kind", orientation = "horizontal",
  colors = {[computed] = theme.bar, [reported] = theme.bar_reported},
  value_labels = function(v, row)
    return fill(row.kind == reported and "約{v:pct0}" or "{v:pct1}", {v = v})
  end,
  y_format = "pct", y_domain = {0, 1}, source = false, theme = chart_theme, name = "china-share",
})
local chart_h = 160
share_chart:draw(doc, {x = margin, y = y, width = content_w, height = chart_h})
y = y + chart_h + 10

-- Source line: the sources of the figures in the chart, from the database's
-- sources table, with the outlet and month each figure was reported in.
local source_ja = {
  waic2025 = "WAIC 2025（上海）",
  caict = "中国信息通信研究院（CAICT）",
  industry_analysis = "業界分析",
}
local source_id = {}
for _, row in ipairs(sources:rows()) do source_id[row.name] = row.id end
local seen, cited = {}, {}
local function cite(row)
  local name = source_ja[source_id[row.source]] or row.source
  local year, month = row.published:match("^(%d+)%-(%d+)$")
  local when = fill("{y:plain}年{m:plain}月", {y = tonumber(year), m = tonumber(month)})
  local outlet = row.reported_by and (row.reported_by .. "報道、") or ""
  local text = name .. "（" .. outlet .. when .. "）"
  if not seen[text] then
    seen[text] = true
    cited[#cited + 1] = text
  end
end
cite(figure("large_ai_models"))
cite(companies)
cite(patents_share)
local _, source_h = doc:text("出典: " .. table.concat(cited, "、") .. "。数値は報道ベース。",
  margin, y, {size = 8, color = theme.muted, width = content_w})
y = y + source_h + sumi.mm(9)

-- What the rest of the briefing takes up. The model names come from the
-- players table: the first name in each company's models column.
local model_names = {}
for _, row in ipairs(players:sort("company"):rows()) do
  model_names[#model_names + 1] = row.models:match("^([%w%-]+)")
end
local points = {
  {"低コスト・高効率の開発", "DeepSeek-R1は限られた計算資源と低い学習費用でo1級の推論性能を示したとされる。"},
  {"中国語処理とマルチモーダル", table.concat(model_names, "、") .. "が中国語と画像・動画で競う。"},
  {"オープンソース戦略", "主要モデルの公開が開発者の裾野と採用を広げている。"},
  {"地政学リスク", "輸出規制とデータ規制は投資判断の前提条件となる。"},
}
local box_top = y
local box_pad = 12
local inner_x = margin + box_pad
local inner_w = content_w - 2 * box_pad
y = y + box_pad
local _, head_h = doc:text("投資家が押さえるべき論点", inner_x, y,
  {size = 11, weight = "bold", color = theme.ink})
y = y + head_h + 6
local point_y = {}
for i, point in ipairs(points) do
  point_y[i] = y
  local _, h = doc:text(("<b>%s</b>　%s"):format(point[1], point[2]), inner_x + 12, y,
    {size = 9.5, markup = true, width = inner_w - 12, color = theme.ink, line_spacing = 1.4})
  y = y + h + 4
end
y = y + box_pad - 4
doc:rounded_rect(margin, box_top, content_w, y - box_top, 4)
doc:stroke({color = theme.rule, width = 0.8})
for _, py in ipairs(point_y) do
  doc:arc(inner_x + 3, py + 7.5, 2.2, 0, 360)
  doc:fill(theme.accent)
end

-- Footer
local page_h = select(2, doc:size())
doc:move_to(margin, page_h - sumi.mm(14))
doc:line_to(page_w - margin, page_h - sumi.mm(14))
doc:stroke({color = theme.rule, width = 0.5})
doc:text("sumi " .. sumi.version .. " で作成", margin, page_h - sumi.mm(10),
  {size = 7.5, color = theme.muted})
doc:text(fill("{page} / {pages}", {page = doc:page_count(), pages = doc:page_count()}),
  page_w - margin, page_h - sumi.mm(10),
  {size = 7.5, color = theme.muted, anchor = "top-right"})

doc:close()
