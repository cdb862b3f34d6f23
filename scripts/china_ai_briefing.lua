-- China's AI industry after WAIC 2025: a Japanese investor briefing of a
-- few A4 pages, laid out by sumi.document.
--
--   sumi render scripts/china_ai_briefing.lua            -> reports/china_ai_briefing.pdf
--   sumi render scripts/china_ai_briefing.lua -p date=2025-08-01
--   sumi render scripts/china_ai_briefing.lua -p recipient="東京本社 投資戦略部" -p confidential=社外秘
--
-- Parameters (all optional):
--   date          YYYY-MM-DD shown on the cover and in the footer (default:
--                 sumi.epoch(), i.e. SOURCE_DATE_EPOCH or today)
--   recipient     who the copy is for, shown on the cover as 配布先：...
--   confidential  a confidentiality line (社外秘, 社内限り ...) at the start
--                 of every page's footer
-- scripts/briefings.manifest.lua renders it for several recipients and dates
-- with `sumi batch`.
--
-- Every number in the text, the tiles, the charts and the tables is read
-- from data/ or computed here; none is typed. Every source line comes from
-- the data's sources table.
local sumi = require "sumi"
local chart = require "sumi.chart"

local data = sumi.data
local fill = sumi.template.fill

---------------------------------------------------------------- parameters

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
local date_text = report_date()

-- A recipient or confidentiality line is one short line of plain text.
local function text_param(name)
  local given = sumi.params[name]
  if given == nil then return nil end
  if given == "" or #given > 120 or given:find("[%c{}]") then
    error(("parameter %s must be one line of up to 120 bytes without { or }, got '%s'")
      :format(name, given))
  end
  return given
end
local recipient = text_param("recipient")
local confidential = text_param("confidential")

---------------------------------------------------------------- data

-- The players, the unicorn fields and the sources are in the SQLite
-- database that bootstrap.sh builds from data/waic2025.sql. It is read
-- first, so that a missing database fails before anything is drawn.
local waic = require "waic_data"
local query = waic.query
local sources = query("SELECT id, name, publisher, published FROM sources ORDER BY id")
local players = query([[SELECT name_ja, models_ja, founded, noted_for_ja FROM players
  ORDER BY position]])
local fields = query([[SELECT f.field, s.name AS source FROM unicorn_fields f
  JOIN sources s ON s.id = f.source_id ORDER BY f.position]])

-- The headline figures: one row per figure, with who reported it.
local figures = waic.figures()

-- Source lines in Japanese, built from the sources table and the rows'
-- outlet and month: the names are translated, the dates read from data.
local source_ja = {
  waic2025 = "WAIC 2025（世界人工知能大会、上海）",
  caict = "中国信息通信研究院（CAICT）",
  industry_analysis = "業界分析",
}
local source_by_name = {}
for _, row in ipairs(sources:rows()) do source_by_name[row.name] = row end

local function month_ja(published)
  local year, month = published:match("^(%d+)%-(%d+)$")
  return fill("{y:plain}年{m:plain}月", {y = tonumber(year), m = tonumber(month)})
end

-- "CAICT（CGTN報道、2025年7月）" for one source name as the figures cite it.
local function source_line(name, reported_by)
  local source = source_by_name[name]
  if not source then error(("source '%s' is not in the sources table"):format(name), 2) end
  local outlet = reported_by and (reported_by .. "報道、") or ""
  return (source_ja[source.id] or source.publisher) .. "（" .. outlet .. month_ja(source.published) .. "）"
end

-- The source line of a set of figure rows: each distinct source once, in
-- the order the rows give them.
local function cite(rows)
  local seen, lines = {}, {}
  for _, row in ipairs(rows) do
    local line = source_line(row.source, row.reported_by)
    if not seen[line] then
      seen[line] = true
      lines[#lines + 1] = line
    end
  end
  return table.concat(lines, "、")
end

local figure, compared, versus = waic.figure, waic.compared, waic.versus()
local models = compared("large_ai_models")
local unicorns = compared("ai_unicorns")
local models_row = figure("large_ai_models")
local unicorns_row = figure("ai_unicorns")
local companies = figure("ai_companies")
local companies_share = figure("ai_companies_share_of_world")
local listed = figure("listed_ai_companies")
local listed_share = figure("listed_share_of_industry_revenue")
local patents_share = figure("ai_patent_applications_share_of_world")
local industry = figure("ai_industry_size")
local growth = figure("ai_industry_growth")
local unicorn_valuation = figure("unicorn_min_valuation", "world")

local approx = waic.approx

-- The figures in the words the text uses, each filled from the data once.
local say = {
  models = fill("{n}", {n = models.value}),
  models_world = fill("{n}", {n = models.world}),
  models_share = fill("{v:pct1}", {v = models.share}),
  models_rest = fill("{n}", {n = models.rest}),
  unicorns = fill("{n}", {n = unicorns.value}),
  unicorns_world = fill("{n}", {n = unicorns.world}),
  unicorns_share = fill("{v:pct1}", {v = unicorns.share}),
  unicorns_rest = fill("{n}", {n = unicorns.rest}),
  companies = approx(companies, fill("{n}社", {n = companies.value})),
  companies_share = approx(companies_share, fill("{n}%", {n = companies_share.value})),
  listed = approx(listed, fill("{n}社", {n = listed.value})),
  listed_share = approx(listed_share, fill("{n}%", {n = listed_share.value})),
  patents_share = approx(patents_share, fill("{n}%", {n = patents_share.value})),
  industry = approx(industry, fill("{n}億元", {n = industry.value / 1e8})),
  industry_year = fill("{y:plain}年", {y = tonumber(industry.period)}),
  growth = approx(growth, fill("年{n}%", {n = growth.value})),
  valuation = approx(unicorn_valuation,
    sumi.format.ja_units(unicorn_valuation.value, {unit = "ドル"})),
  field_count = fill("{n}", {n = #fields}),
  -- When WAIC 2025 was held: the month its figures were published.
  waic_month = month_ja(source_by_name[models_row.source].published),
  waic_year = fill("{y:plain}年", {y = tonumber(source_by_name[models_row.source].published:sub(1, 4))}),
}
local function text(template)
  return fill(template, say)
end

---------------------------------------------------------------- look

local colors = {
  ink = "#1b1f24", muted = "#5b6570", accent = "#b3261e", accent_light = "#e3a29c",
  navy = "#1f3a5f", rest = "#c9d1db", band = "#1b1f24",
}

local chart_theme = sumi.theme.derive("print", {ink = colors.ink, muted = colors.muted,
  palette = {colors.accent, colors.rest}, sizes = {label = 9.5, value = 9.5, legend = 8.5},
  value_weight = "bold"})
local kpi_theme = sumi.theme.derive("print", {ink = colors.ink, muted = colors.muted,
  palette = {colors.accent}})

local doc = sumi.document.new{
  size = "A4", lang = "ja",
  title = "中国AI産業ブリーフィング：WAIC 2025の数字から",
  author = "sumi",
  subject = "China's AI industry after WAIC 2025",
  keywords = "China, AI, WAIC 2025, CAICT, investor briefing",
  date = date_text,
  confidential = confidential or false,
  header = {left = "中国AI産業ブリーフィング", right = "{section}"},
  footer = {left = (confidential and "{confidential}｜" or "") .. "投資家向け資料　{date}",
            right = "{page} / {pages}"},
  -- The cover has a dark band of its own instead of the running header.
  first_page = {header = function(canvas, info)
    local page_w = canvas:size()
    canvas:rect(0, 0, page_w, sumi.mm(13))
    canvas:fill(colors.band)
    canvas:text("INVESTOR BRIEFING ｜ 投資家向けブリーフィング", info.x, sumi.mm(6.5),
      {size = 8.5, color = "#ffffff", anchor = "left", letter_spacing = 0.5})
    canvas:text(info.date, info.x + info.width, sumi.mm(6.5),
      {size = 8.5, color = "#ffffff", anchor = "right"})
  end},
  style = {heading = {{color = colors.ink, rule_color = colors.accent}, {color = colors.ink}},
           table = {header_fill = colors.ink}},
}

-- The sources list starts with each source of the figures once, in the
-- order the figures cite them; a chart drawing on several of them cites
-- them all in one line, the same line as the table of figures.
local all_sources = cite(figures:rows())
for _, row in ipairs(figures:rows()) do
  doc:source(source_line(row.source, row.reported_by)) -- each line once: doc:source skips repeats
end

---------------------------------------------------------------- cover

doc:paragraph('<span font_family="Noto Serif CJK JP" weight="bold">中国AI産業の現在地</span>',
  {size = 30, color = colors.ink})
doc:paragraph("WAIC 2025で示された数字から読む、モデル・企業・ユニコーンの勢力図",
  {size = 13, color = colors.muted})
if recipient then
  doc:paragraph("配布先：" .. recipient, {size = 11, color = colors.ink, markup = false})
end

-- Each tile: what is counted above the figure, and how it compares under it.
local function kpi(title, value, unit, label, format)
  return chart.kpi({title = title, value = value, unit = unit, label = label,
    format = format or "int", theme = kpi_theme})
end
local function about(row)
  return function(v) return approx(row, fill("{n}", {n = v})) end
end
doc:kpis({
  kpi("大規模AIモデル", models.value, "個", text("世界{models_world}個の{models_share}")),
  kpi("AIユニコーン企業", unicorns.value, "社", text("世界{unicorns_world}社の{unicorns_share}")),
  kpi("AI関連企業", companies.value, approx(companies, "社"), text("世界の{companies_share}")),
}, {height = 96})
doc:kpis({
  kpi("AI特許出願", patents_share.value, "%", "世界に占める中国の割合", about(patents_share)),
  kpi(text("AI産業規模（{industry_year}）"), industry.value / 1e8, approx(industry, "億元"),
    text("{growth}の成長")),
  kpi("上場AI企業", listed.value, approx(listed, "社"), text("産業収入の{listed_share}を占める")),
}, {height = 96})

doc:callout(text(table.concat({
  "中国は世界の大規模AIモデルの<b>{models_share}</b>、AIユニコーン企業の<b>{unicorns_share}</b>を占める。",
  "AI関連企業は{companies}、AI産業は{industry_year}に{industry}で、{growth}のペースで伸びている。",
  "低コストで高性能なモデル、中国語処理、マルチモーダル、オープンソース戦略が競争力の源泉であり、",
  "輸出規制とデータ規制が最大のリスクである。",
})), {title = "このブリーフィングの要点", tone = "key"})

doc:contents({levels = 2})
doc:page_break()

---------------------------------------------------------------- 1 summary

doc:heading("エグゼクティブサマリー", 1)
doc:paragraph(text(table.concat({
  "{waic_month}に上海で開かれたWAIC 2025（世界人工知能大会）で公表された数値によると、",
  "中国で公開された大規模AIモデルは{models}個で、世界全体{models_world}個の{models_share}を占める。",
  "中国のAIユニコーン企業（評価額{valuation}の未上場企業）は{unicorns}社で、",
  "世界全体{unicorns_world}社の{unicorns_share}にあたる。",
  "中国以外の世界の合計は、モデル{models_rest}個、ユニコーン{unicorns_rest}社である。",
})))
doc:paragraph(text(table.concat({
  "中国信息通信研究院（CAICT）によれば、中国のAI関連企業は{companies}で世界の{companies_share}。",
  "上場AI企業{listed}が産業収入の{listed_share}を占め、収益は上場大手に集中している。",
  "業界分析では、AI特許出願に占める中国の割合は{patents_share}、",
  "AI産業の規模は{industry_year}に{industry}（{growth}の成長）とされる。",
})))

-- China's share of the world: shares computed from WAIC counts in the
-- accent colour, approximate shares as reported in a lighter one.
local computed, reported = "WAIC 2025等の件数から算出", "公表された概数（約）"
local shares = data.from_rows({
  {label = "AI特許出願", share = patents_share.value / 100, kind = reported},
  {label = "大規模AIモデル", share = models.share, kind = computed},
  {label = "AIユニコーン企業", share = unicorns.share, kind = computed},
  {label = "AI関連企業", share = companies_share.value / 100, kind = reported},
}, {order = {"label", "share", "kind"},
    source = all_sources})
doc:figure(chart.bar(shares, {
  x = "label", y = "share", color = "kind", orientation = "horizontal",
  colors = {[computed] = colors.accent, [reported] = colors.accent_light},
  value_labels = function(v, row)
    return fill(row.kind == reported and "約{v:pct0}" or "{v:pct1}", {v = v})
  end,
  y_format = "pct", y_domain = {0, 1}, theme = chart_theme, name = "china-share",
  title = "世界に占める中国のシェア",
}), {caption = "中国の件数・企業数が世界全体に占める割合", height = 210})

doc:heading("投資判断の前提", 2)
doc:list({
  text("<b>規模</b>　モデル数で世界の{models_share}、ユニコーン企業数で{unicorns_share}。" ..
    "中国が世界のAI開発の中心の一つであることは、数字の上で明らかである。"),
  text("<b>成長</b>　AI産業は{industry_year}に{industry}、{growth}の成長。" ..
    "市場の拡大が新規参入と資金調達を支えている。"),
  text("<b>集中</b>　上場AI企業{listed}が産業収入の{listed_share}を占める。" ..
    "未上場のユニコーン{unicorns}社への投資機会は限られる。"),
  "<b>リスク</b>　半導体の輸出規制とデータ関連規制は、計算資源の調達と海外展開の前提を左右する。",
})

---------------------------------------------------------------- 2 models

doc:heading("モデルの勢力図", 1)
doc:paragraph(text(table.concat({
  "WAIC 2025時点で公開された大規模AIモデルは世界で{models_world}個。",
  "うち{models}個（{models_share}）が中国製で、中国以外の世界の合計{models_rest}個に迫る。",
  "CAICTのYu Xiaohui院長は、{waic_year}は基盤モデルの更新が速まり、新しい技術アプローチが次々に現れたと述べている。",
})))

local model_split = data.from_rows({
  {region = "中国", models = models.value},
  {region = "中国以外の世界", models = models.rest},
}, {order = {"region", "models"}, source = cite({models_row})})
doc:figure(chart.pie(model_split, {
  label = "region", value = "models", donut = 0.55, theme = chart_theme, name = "models-donut",
  title = text("大規模AIモデル{models_world}個の内訳"),
  value_labels = function(value, share)
    return fill("{v}個（{s:pct1}）", {v = value, s = share})
  end,
}), {caption = "世界の大規模AIモデルに占める中国", height = 165})

doc:heading("主要プレイヤーと代表モデル", 2)
doc:paragraph("大手テック企業、急成長するユニコーン、特定分野に強い専門企業、新興スタートアップが層をなす。" ..
  "主なプレイヤーと代表的なモデルは次のとおり（報道ベース）。")
-- Who was founded when, only where the sources say: "（2023年設立）".
local player_rows = {}
for i, row in ipairs(players:rows()) do
  local name = row.name_ja
  if row.founded then name = name .. fill("（{y:plain}年設立）", {y = row.founded}) end
  player_rows[i] = {company = name, models = row.models_ja or "—", noted = row.noted_for_ja or "—"}
end
local player_table = data.from_rows(player_rows, {order = {"company", "models", "noted"},
  source = "各社の発表と報道（企業・モデルの一覧、報道ベース）"})
doc:table(player_table, {
  columns = {
    {key = "company", title = "企業・機関", width = 120},
    {key = "models", title = "主なモデル・製品", width = 150},
    {key = "noted", title = "注目点"},
  },
  caption = "中国の主要AIプレイヤー",
})

doc:heading("競争力の源泉", 2)
doc:list({
  "<b>低コスト・高効率の開発</b>　DeepSeek-R1（DeepSeek-V3が基盤）は、限られた計算資源と低い学習費用で" ..
    "OpenAI o1に近い推論性能を示したとされる。",
  "<b>中国語処理</b>　バイドゥのERNIE Bot（文心一言）は中国語の処理能力で評価される。",
  "<b>マルチモーダル</b>　SenseNova（センスタイム）、Wudao 2.0（BAAI）、通義万相（アリババ）が競う。",
  "<b>オープンソース戦略</b>　モデルを公開し、開発者の裾野と採用を広げる。",
  "<b>新興勢力</b>　Moonshot AI（Kimi）、Z.ai（GLM）、MiniMax、StepFunが大手に挑む。",
})

---------------------------------------------------------------- 3 ecosystem

doc:heading("エコシステム", 1)
doc:paragraph(text(table.concat({
  "CAICTによれば中国のAI関連企業は{companies}で、世界のAI企業の{companies_share}にあたる。",
  "評価額{valuation}の未上場企業であるAIユニコーンは{unicorns}社、世界{unicorns_world}社の{unicorns_share}で、",
  "中国以外の世界には{unicorns_rest}社がある。",
})))

local unicorn_source = cite({unicorns_row})
doc:columns(2, {gap = 24}, function()
  doc:figure(chart.part({unicorns.value, unicorns.world}, {
    title = "世界のAIユニコーン企業に占める中国", cells = 100, theme = chart_theme,
    caption = "{part}社 / {whole}社（{share:pct1}）", source = unicorn_source, name = "unicorn-waffle",
  }), {caption = "AIユニコーン企業", height = 230})
  doc:figure(chart.part({listed_share.value, 100}, {
    title = text("上場AI企業{listed}の収入シェア"), style = "bar", theme = chart_theme,
    caption = text("産業収入の{listed_share}"), source = cite({listed_share}), name = "listed-share",
  }), {caption = "上場AI企業が産業収入に占める割合", height = 120})
  doc:paragraph(text("収益の{listed_share}が上場企業に集まる一方、成長の多くは未上場のユニコーンと" ..
    "スタートアップが担う。上場株だけでは中国AIの成長を捉えきれない点に注意が必要である。"))
end)

doc:heading(text("ユニコーンが集まる{field_count}分野"), 2)
-- Japanese names for the fields of data/waic2025.sql; a field the table
-- adds without a name here is an error, not an English word in the text.
local field_ja = {
  ["foundation models (large models)"] = "基盤モデル（大規模モデル）",
  ["autonomous driving"] = "自動運転",
  ["intelligent robots"] = "知能ロボット",
  ["business-intelligence applications"] = "ビジネスインテリジェンス応用",
  ["AI computing chips"] = "AI計算チップ",
}
local field_items = {}
for i, row in ipairs(fields:rows()) do
  field_items[i] = field_ja[row.field] or error(("no Japanese name for field '%s'"):format(row.field))
end
doc:paragraph(text("CAICTは、中国のAIユニコーンが集中する{field_count}分野を挙げている。" ..
  "分野別の企業数は公表されていない。"))
doc:list(field_items, {numbered = true})
doc:paragraph("本資料の見方では、基盤モデルと計算チップは輸出規制の影響を受けやすく、" ..
  "自動運転とロボットは製造業の基盤を生かせる分野である。")

---------------------------------------------------------------- 4 implications

doc:heading("投資家とエンジニアへの示唆", 1)
doc:heading("投資家にとって", 2)
doc:list({
  text("<b>分散した機会</b>　モデル{models}個、ユニコーン{unicorns}社と層が厚く、勝者は一社に絞られていない。" ..
    "基盤モデルに加え、自動運転、ロボット、計算チップのサプライチェーンを見る。"),
  text("<b>上場市場の偏り</b>　上場AI企業{listed}が産業収入の{listed_share}を持つ。" ..
    "上場大手はクラウドと既存事業の収益で投資を支えられる。"),
  "<b>コスト構造の変化</b>　低コストで高性能なモデルは、推論単価の下落とAI活用の拡大を促し、" ..
    "アプリケーション側の利益機会を広げる。",
  "<b>地政学リスク</b>　半導体の輸出規制、データの越境移転規制、制裁対象の変化を投資判断の前提に置く。",
})
doc:heading("エンジニアにとって", 2)
doc:list({
  "<b>オープンなモデルの活用</b>　公開された中国製モデルは評価と検証の対象になる。" ..
    "ライセンス、学習データ、安全性評価を確認した上で使う。",
  "<b>効率化の手法</b>　限られた計算資源で性能を引き出す学習・推論の工夫は、自社開発にも応用できる。",
  "<b>中国語とマルチモーダル</b>　中国語圏向けの製品では、中国語処理と画像・動画に強いモデルが選択肢になる。",
  "<b>規制への備え</b>　データの所在地と輸出管理の要件を設計段階から織り込む。",
})
doc:callout("本資料の数値は公表・報道された値をそのまま引用したもので、本資料はその正確さを保証しない。" ..
  "「約」「超」は発表元の表現である。投資判断はご自身の責任で行っていただきたい。",
  {title = "数値の扱いについて", tone = "warning"})

---------------------------------------------------------------- 5 data and sources

doc:heading("データと出典", 1)
doc:paragraph("本資料の数値の一覧。割合と「中国以外」の値は、中国と世界の公表値から算出した。")

local metric_ja = {
  large_ai_models = "大規模AIモデル（個）",
  ai_unicorns = "AIユニコーン企業（社）",
  ai_companies = "AI関連企業（社）",
  ai_companies_share_of_world = "AI関連企業の世界シェア（%）",
  listed_ai_companies = "上場AI企業（社）",
  listed_share_of_industry_revenue = "上場企業の産業収入シェア（%）",
  ai_patent_applications_share_of_world = "AI特許出願の世界シェア（%）",
  ai_industry_size = "AI産業規模（億元）",
  ai_industry_growth = "AI産業の成長率（%/年）",
}
local scale_of = {yuan = 1e8}
local figure_rows = {}
for _, row in ipairs(figures:where("scope", "==", "china"):rows()) do
  local label = metric_ja[row.metric] or error(("no Japanese name for metric '%s'"):format(row.metric))
  local match = versus:where("metric", "==", row.metric)
  local china = approx(row, fill("{n}", {n = row.value / (scale_of[row.unit] or 1)}))
  figure_rows[#figure_rows + 1] = {
    metric = label, china = china,
    world = #match == 1 and fill("{n}", {n = match:row(1).world}) or "—",
    share = #match == 1 and fill("{v:pct1}", {v = match:row(1).share}) or "—",
    source = source_line(row.source, row.reported_by),
  }
end
doc:table(data.from_rows(figure_rows, {order = {"metric", "china", "world", "share", "source"},
    source = all_sources}), {
  columns = {
    {key = "metric", title = "指標", width = 140},
    {key = "china", title = "中国", align = "right", width = 58},
    {key = "world", title = "世界", align = "right", width = 44},
    {key = "share", title = "中国の割合", align = "right", width = 62},
    {key = "source", title = "出典"},
  },
  caption = "WAIC 2025前後に公表された主な数値",
})

doc:sources({title = "出典一覧"})

doc:save()
