-- China's AI industry after WAIC 2025: the investor briefing as a 16:9
-- slide deck, one message per slide.
--
--   sumi render scripts/china_ai_slides.lua       -> reports/china_ai_slides.pdf
--   sumi render scripts/china_ai_slides.lua -p date=2025-08-01
--   sumi chart scripts/china_ai_slides.lua --format png --size 1920x1080 --out reports/slides
--                                                 -> one 1920x1080 PNG per named chart
--   sumi render scripts/china_ai_slides.lua -o reports/china_ai_slides.pptx
--                                                 -> the deck as PowerPoint, a slide per page
--   sumi chart scripts/china_ai_slides.lua --format pptx
--                                                 -> a PowerPoint slide per named chart
--
-- Every number on a slide is read from data/ or computed here; none is
-- typed. Every chart's source line comes from its dataset's metadata, which
-- is built from the source columns of the rows it shows.
local sumi = require "sumi"
local chart = require "sumi.chart"

local data = sumi.data
local fill = sumi.template.fill

---------------------------------------------------------------- data

local waic = require "waic_data"
local query = waic.query
local figures = waic.figures()

-- Players and the fields unicorns work in come from the SQLite database
-- that bootstrap.sh builds from data/waic2025.sql.
local sources = query("SELECT id, name FROM sources ORDER BY id")
local players = query("SELECT company, models, noted_for FROM players")
local fields = query("SELECT field FROM unicorn_fields ORDER BY position")

local figure, compared = waic.figure, waic.compared
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

local approx = waic.approx

-- A source line in Japanese for figure rows: who published, then the
-- outlet and month, sources reported together joined ("WAIC 2025・CAICT
-- （CGTN報道、2025年7月）"), so that a chart's line fits on one line of a
-- slide. Charts get it as their dataset's metadata. The sources slide
-- uses the long names.
local source_ja = {
  waic2025 = {"WAIC 2025", "WAIC 2025（世界人工知能大会、上海）"},
  caict = {"CAICT", "中国信息通信研究院（CAICT）"},
  industry_analysis = {"業界分析", "業界分析"},
}
local source_id = {}
for _, row in ipairs(sources:rows()) do source_id[row.name] = row.id end
local function cite(rows, long)
  local groups, order = {}, {}
  for _, row in ipairs(rows) do
    local names = source_ja[source_id[row.source]]
    local name = names and names[long and 2 or 1] or row.source
    local year, month = row.published:match("^(%d+)%-(%d+)$")
    local when = fill("{y:plain}年{m:plain}月", {y = tonumber(year), m = tonumber(month)})
    local key = (row.reported_by and (row.reported_by .. "報道、") or "") .. when
    local group = groups[key]
    if not group then
      group = {names = {}, seen = {}}
      groups[key] = group
      order[#order + 1] = key
    end
    if not group.seen[name] then
      group.seen[name] = true
      group.names[#group.names + 1] = name
    end
  end
  local cited = {}
  for i, key in ipairs(order) do
    cited[i] = table.concat(groups[key].names, "・") .. "（" .. key .. "）"
  end
  return table.concat(cited, "、")
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

---------------------------------------------------------------- deck

local ink, muted, accent, light = "#1b1f24", "#5b6570", "#b3261e", "#e3a29c"
local title = "中国AI産業の現在地：WAIC 2025の数字から"

local doc = sumi.document.new{
  size = "16:9",
  title = title,
  author = "sumi",
  subject = "China's AI industry after WAIC 2025 (investor slides)",
  keywords = "China, AI, WAIC 2025, CAICT, investor briefing, slides",
  date = report_date(),
  numbering = false,
  margins = {top = 28, right = 40, bottom = 30, left = 40},
  -- Large type: read from the back of a room, as the charts' slides theme is.
  style = {
    body = {size = 17, color = ink, line_spacing = 1.15},
    heading = {{size = 13, color = accent, rule = false, space_before = 0, space_after = 4}},
    figure = {space_before = 10, space_after = 0},
    table = {size = 13, header_fill = ink, padding = 3},
    page = {size = 10, color = muted},
  },
  header = false,
  footer = {left = "{title}", right = "{page} / {pages}"},
  -- The title slide has a panel of its own (drawn under the text) and no footer.
  first_page = {
    header = function(c, info)
      local w, h = c:size()
      c:rect(0, 0, w, h)
      c:fill(ink)
      c:rect(0, h - 12, w, 12)
      c:fill(accent)
      c:text(info.date, info.x, h - 44, {size = 14, color = "#c9cfd6"})
    end,
    footer = false,
  },
}

-- A slide's big headline: one sentence in at most two lines, broken by
-- hand ("\n") where the message breaks, its figures in the accent colour.
local function headline(text)
  doc:paragraph(text, {size = 24, weight = "bold", color = ink})
end
-- Text from the data goes into Pango markup escaped.
local function escape(text)
  return (text:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"))
end
local function hi(text) return "<span foreground='" .. accent .. "'>" .. text .. "</span>" end

-- The charts' own titles are smaller than the slide's headline, which
-- carries the message; China is the accent colour on every slide, the rest
-- of the world grey. The rest is the slides theme as it is.
local deck = {theme = sumi.theme.derive("slides", {sizes = {title = 17, subtitle = 14},
  palette = {accent, "#c5cbd3"}})}

---------------------------------------------------------------- 1 title

-- A blank line of large type lowers the title block towards the middle of the panel.
doc:paragraph(" ", {size = 40})
doc:paragraph("INVESTOR BRIEFING ｜ 投資家向けブリーフィング", {size = 14, color = light})
doc:paragraph("中国AI産業の現在地", {size = 44, weight = "bold", color = "#ffffff"})
doc:paragraph("WAIC 2025の数字から読む、モデル・企業・ユニコーンの勢力図",
  {size = 19, color = "#e6e9ed"})

---------------------------------------------------------------- 2 models

doc:page_break()
doc:heading("大規模AIモデル", 1)
headline(fill("中国の大規模AIモデルは" .. hi("{n}個") .. "\n世界{w}個の" .. hi("{s:pct1}") .. "を占める",
  {n = models.value, w = models.world, s = models.share}))
local model_rows = figures:where("metric", "==", "large_ai_models")
local models_chart = chart.part(
  data.from_rows({{china = models.value, world = models.world}},
    {order = {"china", "world"}, source = cite(model_rows:rows())}),
  {part = "china", whole = "world", cells = 100, theme = deck.theme, name = "models-share",
   title = "世界の大規模AIモデルに占める中国（1マス＝1%）",
   caption = "中国 {part}個 / 世界 {whole}個（{share:pct1}）"})
doc:figure(models_chart, {height = 228})

---------------------------------------------------------------- 3 unicorns

doc:page_break()
doc:heading("AIユニコーン企業", 1)
headline(fill("中国のAIユニコーン企業は" .. hi("{n}社") .. "\n世界{w}社の" .. hi("{s:pct1}") .. "にあたる",
  {n = unicorns.value, w = unicorns.world, s = unicorns.share}))
-- The fields are named in the subtitle: CAICT published no per-field counts.
local field_ja = {
  ["foundation models (large models)"] = "基盤モデル", ["autonomous driving"] = "自動運転",
  ["intelligent robots"] = "知能ロボット", ["business-intelligence applications"] = "BI応用",
  ["AI computing chips"] = "AIチップ",
}
local field_names = {}
for _, row in ipairs(fields:rows()) do field_names[#field_names + 1] = field_ja[row.field] or row.field end
local unicorn_rows = figures:where("metric", "==", "ai_unicorns")
local unicorns_chart = chart.pie(
  data.from_rows({{who = "中国", n = unicorns.value}, {who = "中国以外", n = unicorns.rest}},
    {order = {"who", "n"}, source = cite(unicorn_rows:rows()),
     notes = fill("ユニコーンは評価額{v}の未上場企業", {v = approx(unicorn_valuation,
       sumi.format.ja_units(unicorn_valuation.value, {unit = "ドル"}))})}),
  {label = "who", value = "n", donut = 0.55, theme = deck.theme, name = "unicorns-share",
   value_labels = function(v, share) return fill("{v}社（{s:pct1}）", {v = v, s = share}) end,
   title = "世界のAIユニコーン企業",
   subtitle = "中国の注力分野：" .. table.concat(field_names, "・")})
doc:figure(unicorns_chart, {height = 228})

---------------------------------------------------------------- 4 shares

doc:page_break()
doc:heading("世界に占める中国のシェア", 1)
headline(fill("AI特許出願では世界の" .. hi("{p}") .. "、企業数では" .. hi("{c}") ..
  "\n世界に占めるシェアは分野で大きく異なる",
  {p = approx(patents_share, fill("{v}%", {v = patents_share.value})),
   c = approx(companies_share, fill("{v}%", {v = companies_share.value}))}))
-- Shares sumi computed from WAIC counts in the accent colour, approximate
-- shares as reported in a lighter one, as in the briefing.
local computed, reported = "WAIC 2025の件数から算出", "公表された概数（約）"
local share_chart = chart.bar(
  data.from_rows({
    {label = "AI特許出願", value = patents_share.value / 100, kind = reported},
    {label = "大規模AIモデル", value = models.share, kind = computed},
    {label = "AIユニコーン企業", value = unicorns.share, kind = computed},
    {label = "AI関連企業", value = companies_share.value / 100, kind = reported},
  }, {order = {"label", "value", "kind"},
      source = cite({patents_share, figure("large_ai_models"), companies})}),
  {x = "label", y = "value", color = "kind", orientation = "horizontal",
   colors = {[computed] = accent, [reported] = light},
   value_labels = function(v, row)
     return fill(row.kind == reported and "約{v:pct0}" or "{v:pct1}", {v = v})
   end,
   y_format = "pct", y_domain = {0, 1}, theme = deck.theme, name = "china-share",
   title = "中国の件数・企業数が世界全体に占める割合"})
doc:figure(share_chart, {height = 228})

---------------------------------------------------------------- 5 industry

doc:page_break()
doc:heading("産業規模と成長", 1)
local size_oku = approx(industry, sumi.format.ja_units(industry.value, {scale = "億"}) .. "元")
headline(fill("AI産業は" .. hi("{size}") .. "（{year:plain}年）、年" .. hi("{g}%超") ..
  "で成長\n上場{l}社超が産業収入の" .. hi("約{ls}%") .. "を生む",
  {size = size_oku, year = tonumber(industry.period), g = growth.value, l = listed.value,
   ls = listed_share.value}))
-- One tile per figure, its source line cited from the figure's row: a
-- tile exported alone (sumi chart) still says where its number is from.
-- Labels a little smaller than the charts' so that the figure gets the
-- tile's height.
local kpi_theme = sumi.theme.derive(deck.theme, {sizes = {label = 12}, padding = 8})
local function tile(row, opts)
  return chart.kpi{value = opts.value, format = opts.format or "int", unit = opts.unit,
    label = opts.label, theme = kpi_theme, name = opts.name, source = cite({row})}
end
local tiles = {
  tile(industry, {value = industry.value / 1e8, unit = approx(industry, "億元"),
    label = fill("AI産業規模（{y:plain}年）", {y = tonumber(industry.period)}), name = "kpi-industry-size"}),
  tile(growth, {value = growth.value, unit = approx(growth, "%"), label = "年成長率（近年）",
    name = "kpi-industry-growth"}),
  tile(companies, {value = companies.value, unit = approx(companies, "社"), label = "AI関連企業",
    name = "kpi-ai-companies"}),
  tile(listed_share, {value = listed_share.value, unit = "%",
    format = function(v) return approx(listed_share, fill("{v}", {v = v})) end,
    label = fill("上場AI企業{n}社超の収入シェア", {n = listed.value}), name = "kpi-listed-share"}),
}
-- Two rows of two: in a row of four the longer figures (7,000億元超) shrink
-- well below the shorter ones and the labels outgrow their tiles.
doc:kpis({tiles[1], tiles[2]}, {height = 110, gap = 14})
doc:kpis({tiles[3], tiles[4]}, {height = 110, gap = 14})
for _, t in ipairs(tiles) do doc:source(t.source) end

---------------------------------------------------------------- 6 players

doc:page_break()
doc:heading("主要プレーヤー", 1)
-- A model's first name, with its Chinese name when the database gives one:
-- "Qwen (通義千問), 通義万相 ..." -> "Qwen（通義千問）".
local function first_model(models_text)
  if not models_text then return "—" end
  local name, rest = models_text:match("^([^(,;]-)%s*(%b())")
  if not name then return (models_text:match("^([^,;]+)")) end
  local inner = rest:sub(2, -2)
  if inner:find("[\128-\255]") and not inner:find(",") then return name .. "（" .. inner .. "）" end
  return name
end
-- Short Japanese names, and what each is noted for in Japanese without
-- figures (the figures stay in the database's noted_for column). A company
-- the database notes nothing for gets a dash, not a claim of ours.
local player_ja = {
  DeepSeek = {"DeepSeek", "低コストで o1 級の推論（R1）"},
  Alibaba = {"アリババ", "クラウド・AI基盤へ大型投資"},
  Tencent = {"テンセント", "チャットボット「元宝」が無料アプリ首位"},
  Baidu = {"百度（バイドゥ）", "中国語能力"},
  SenseTime = {"センスタイム", "マルチモーダル"},
  ["BAAI (Beijing Academy of Artificial Intelligence)"] = {"BAAI（北京智源）", "中国初の大規模マルチモーダル"},
  ["Moonshot AI (月之暗面)"] = {"Moonshot AI（月之暗面）", "数学に強いモデル"},
  ["Z.ai (formerly Zhipu AI, 智譜AI)"] = {"Z.ai（旧 智譜AI）"},
  ["MiniMax (稀宇科技)"] = {"MiniMax（稀宇科技）"},
  StepFun = {"StepFun", "AGI を目指す新興企業"},
}
local player_rows, names = {}, {}
for _, row in ipairs(players:rows()) do
  local ja = player_ja[row.company] or {row.company}
  local model = first_model(row.models)
  player_rows[#player_rows + 1] = {company = ja[1], model = model,
    noted = row.noted_for and ja[2] or "—"}
  -- The headline names the first four models by their brand: "ERNIE Bot" -> "ERNIE".
  if row.models and #names < 4 then names[#names + 1] = model:match("^[%w]+") end
end
headline(fill("{n}社が競う：", {n = #player_rows}) .. hi(escape(table.concat(names, "、"))) .. "……")
-- The database's players table names no source: the deck says so.
local players_source = "各社の発表と報道（data/waic2025.sql の players 表、出典の記載なし）"
doc:table(data.from_rows(player_rows, {order = {"company", "model", "noted"}, source = players_source}),
  {columns = {{key = "company", title = "企業", width = 190}, {key = "model", title = "主なモデル", width = 180},
              {key = "noted", title = "特徴"}}})

---------------------------------------------------------------- 7 investors

doc:page_break()
doc:heading("投資家への示唆", 1)
headline(fill("年" .. hi("{g}%超") .. "で伸びる市場\nただし規制リスクが投資判断の前提条件", {g = growth.value}))
local function point(head, text)
  return "<b>" .. head .. "</b>\n<span foreground='" .. muted .. "' size='88%'>" .. text .. "</span>"
end
doc:list({
  point("低コスト・高効率の開発", "DeepSeek-R1 は限られた計算資源で o1 級の推論性能を示したとされる"),
  point("中国語処理とマルチモーダル", escape(table.concat(names, "、")) .. " が中国語と画像・動画で競う"),
  point("オープンソース戦略", "主要モデルの公開が開発者の裾野と採用を広げている"),
  point("地政学リスク", "輸出規制とデータ規制が計算資源の調達と市場アクセスを左右する"),
}, {marker = "■"})

---------------------------------------------------------------- 8 sources

-- Each source once, with the figures the deck took from it: the list is
-- built from the source columns of the figure rows, not typed.
doc:page_break()
doc:heading("出典と注記", 1)
local metric_ja = {
  large_ai_models = "大規模AIモデル数", ai_companies = "AI関連企業数",
  ai_companies_share_of_world = "企業数の世界シェア", ai_unicorns = "AIユニコーン企業数",
  listed_ai_companies = "上場AI企業数", listed_share_of_industry_revenue = "上場企業の収入シェア",
  ai_patent_applications_share_of_world = "AI特許出願の世界シェア", ai_industry_size = "AI産業規模",
  ai_industry_growth = "成長率", unicorn_min_valuation = "ユニコーンの定義",
}
local by_source, order = {}, {}
for _, row in ipairs(figures:rows()) do
  local key = cite({row}, true)
  if not by_source[key] then
    by_source[key] = {}
    order[#order + 1] = key
  end
  local what = metric_ja[row.metric] or row.metric
  local list = by_source[key]
  if list[#list] ~= what then list[#list + 1] = what end
end
local items = {}
for _, key in ipairs(order) do
  items[#items + 1] = "<b>" .. escape(key) .. "</b>\n<span foreground='" .. muted ..
    "' size='88%'>" .. table.concat(by_source[key], "、") .. "</span>"
end
items[#items + 1] = "<b>主要プレーヤー</b>\n<span foreground='" .. muted .. "' size='88%'>" ..
  escape(players_source) .. "</span>"
doc:list(items, {numbered = true})
doc:paragraph("数値は公表・報道ベースで、sumi は引用するのみ（「約」「超」は公表時の表現）。" ..
  "シェアと「中国以外」は件数から sumi が算出。", {size = 13, color = muted})

doc:save()
