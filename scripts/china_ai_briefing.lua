-- China's AI industry after WAIC 2025: an investor briefing of a few A4
-- pages, laid out by sumi.document, in Japanese or in Simplified Chinese.
--
--   sumi render scripts/china_ai_briefing.lua            -> reports/china_ai_briefing.pdf
--   sumi render scripts/china_ai_briefing.lua -p date=2025-08-01
--   sumi render scripts/china_ai_briefing.lua -p recipient="東京本社 投資戦略部" -p confidential=社外秘
--   sumi render scripts/china_ai_briefing.lua -p lang=zh-Hans -o reports/china_ai_briefing_zh.pdf
--
-- Parameters (all optional):
--   lang          the edition: ja (default) or zh-Hans (zh-CN and zh also
--                 name it); its words are in china_ai_briefing_words.lua
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

local editions = require "china_ai_briefing_words"
local lang = sumi.fonts.language(sumi.params.lang or "ja") -- "zh-CN" is "zh-Hans"
if not editions[lang] then
  error(("parameter lang must be ja or zh-Hans, got '%s'"):format(sumi.params.lang))
end
-- The edition's words: a key it lacks is an error, never the other edition's word.
local W = setmetatable(editions[lang], {__index = function(_, key)
  error(("china_ai_briefing_words.lua: the %s edition has no '%s'"):format(lang, key), 2)
end})

local function report_date()
  local given = sumi.params.date
  if given then
    if not given:match("^%d%d%d%d%-%d%d%-%d%d$") then
      error("parameter date must be YYYY-MM-DD, got '" .. given .. "'")
    end
    return sumi.format.date(given, {lang = lang})
  end
  return sumi.format.date(sumi.epoch(), {lang = lang})
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
local players = query(([[SELECT %s AS name, %s AS models, founded, %s AS noted FROM players
  ORDER BY position]]):format(W.name_column, W.models_column, W.noted_column))
local fields = query([[SELECT f.field, s.name AS source FROM unicorn_fields f
  JOIN sources s ON s.id = f.source_id ORDER BY f.position]])

-- The headline figures: one row per figure, with who reported it.
local figures = waic.figures()

-- Source lines in the edition's language, built from the sources table and
-- the rows' outlet and month: the names are translated, the dates read from
-- data.
local source_by_name = {}
for _, row in ipairs(sources:rows()) do source_by_name[row.name] = row end

local function month_of(published)
  local year, month = published:match("^(%d+)%-(%d+)$")
  return fill(W.month, {y = tonumber(year), m = tonumber(month)})
end

-- "CAICT（CGTN報道、2025年7月）" for one source name as the figures cite it.
local function source_line(name, reported_by)
  local source = source_by_name[name]
  if not source then error(("source '%s' is not in the sources table"):format(name), 2) end
  return fill(W.source_line, {publisher = W.sources[source.id] or source.publisher,
    reported = reported_by and fill(W.reported_by, {outlet = reported_by}) or "",
    month = month_of(source.published)})
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
  return table.concat(lines, W.list_sep)
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

local function approx(row, text) return waic.approx(row, text, W.qualifier) end

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
  companies = approx(companies, fill("{n}", {n = companies.value}) .. W.companies_unit),
  companies_share = approx(companies_share, fill("{n}%", {n = companies_share.value})),
  listed = approx(listed, fill("{n}", {n = listed.value}) .. W.companies_unit),
  listed_share = approx(listed_share, fill("{n}%", {n = listed_share.value})),
  patents_share = approx(patents_share, fill("{n}%", {n = patents_share.value})),
  industry = approx(industry, fill("{n}", {n = industry.value / 1e8}) .. W.yuan_unit),
  industry_year = fill(W.year, {y = tonumber(industry.period)}),
  growth = W.growth:find("{q}", 1, true)
    and fill(W.growth, {n = growth.value, q = (W.qualifier[growth.qualifier or ""] or {}).before or ""})
    or approx(growth, fill(W.growth, {n = growth.value})),
  valuation = approx(unicorn_valuation,
    sumi.format.units(unicorn_valuation.value, {lang = lang, unit = W.dollar_unit})),
  field_count = fill("{n}", {n = #fields}),
  -- When WAIC 2025 was held: the month its figures were published.
  waic_month = month_of(source_by_name[models_row.source].published),
  waic_year = fill(W.year, {y = tonumber(source_by_name[models_row.source].published:sub(1, 4))}),
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
  size = "A4", lang = lang,
  title = W.title,
  author = "sumi",
  subject = "China's AI industry after WAIC 2025",
  keywords = "China, AI, WAIC 2025, CAICT, investor briefing",
  date = date_text,
  confidential = confidential or false,
  header = {left = W.header, right = "{section}"},
  footer = {left = (confidential and "{confidential}" .. W.confidential_sep or "") .. W.footer,
            right = sumi.locale.get(lang).page},
  -- The cover has a dark band of its own instead of the running header.
  first_page = {header = function(canvas, info)
    local page_w = canvas:size()
    canvas:rect(0, 0, page_w, sumi.mm(13))
    canvas:fill(colors.band)
    canvas:text(W.band, info.x, sumi.mm(6.5),
      {size = 8.5, color = "#ffffff", anchor = "left", letter_spacing = 0.5, lang = lang})
    canvas:text(info.date, info.x + info.width, sumi.mm(6.5),
      {size = 8.5, color = "#ffffff", anchor = "right", lang = lang})
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

doc:paragraph(W.cover_title, {size = 30, color = colors.ink})
doc:paragraph(W.cover_subtitle, {size = 13, color = colors.muted})
if recipient then
  doc:paragraph(W.recipient .. recipient, {size = 11, color = colors.ink, markup = false})
end

-- Each tile: what is counted above the figure, and how it compares under it.
local function kpi(title, value, unit, label, format)
  return chart.kpi({title = title, value = value, unit = unit, label = label,
    format = format or "int", theme = kpi_theme})
end
local function about(row)
  return function(v) return approx(row, fill("{n}", {n = v})) end
end
-- A tile's unit and format for an approximate figure: the qualifier goes
-- after the unit in Japanese (5,100社超) and before the figure in Chinese
-- (超过5,100家).
local function qualified(row, unit)
  local q = W.qualifier[row.qualifier or ""]
  if q and q.before then return unit, about(row) end
  return approx(row, unit), nil
end
local tile = W.tiles
doc:kpis({
  kpi(tile[1][1], models.value, W.models_unit, text(tile[1][2])),
  kpi(tile[2][1], unicorns.value, W.companies_unit, text(tile[2][2])),
  kpi(tile[3][1], companies.value, select(1, qualified(companies, W.companies_unit)), text(tile[3][2]),
    select(2, qualified(companies, W.companies_unit))),
}, {height = 96})
doc:kpis({
  kpi(tile[4][1], patents_share.value, "%", text(tile[4][2]), about(patents_share)),
  kpi(text(tile[5][1]), industry.value / 1e8, select(1, qualified(industry, W.yuan_unit)), text(tile[5][2]),
    select(2, qualified(industry, W.yuan_unit))),
  kpi(tile[6][1], listed.value, select(1, qualified(listed, W.companies_unit)), text(tile[6][2]),
    select(2, qualified(listed, W.companies_unit))),
}, {height = 96})

doc:callout(text(W.key_points), {title = W.key_points_title, tone = "key"})

doc:contents({levels = 2})
doc:page_break()

---------------------------------------------------------------- 1 summary

doc:heading(W.summary, 1)
doc:paragraph(text(W.summary_1))
doc:paragraph(text(W.summary_2))

-- China's share of the world: shares computed from WAIC counts in the
-- accent colour, approximate shares as reported in a lighter one.
local computed, reported = W.computed, W.reported
local share_label = W.share_labels
local shares = data.from_rows({
  {label = share_label[1], share = patents_share.value / 100, kind = reported},
  {label = share_label[2], share = models.share, kind = computed},
  {label = share_label[3], share = unicorns.share, kind = computed},
  {label = share_label[4], share = companies_share.value / 100, kind = reported},
}, {order = {"label", "share", "kind"},
    source = all_sources})
doc:figure(chart.bar(shares, {
  x = "label", y = "share", color = "kind", orientation = "horizontal",
  colors = {[computed] = colors.accent, [reported] = colors.accent_light},
  value_labels = function(v, row)
    return fill(row.kind == reported and W.about_pct or "{v:pct1}", {v = v})
  end,
  y_format = "pct", y_domain = {0, 1}, theme = chart_theme, name = "china-share",
  title = W.share_title,
}), {caption = W.share_caption, height = 210})

-- A list of templates, each filled from the figures.
local function texts(list)
  local filled = {}
  for i, t in ipairs(list) do filled[i] = text(t) end
  return filled
end

doc:heading(W.premises, 2)
doc:list(texts(W.premises_list))

---------------------------------------------------------------- 2 models

doc:heading(W.models_heading, 1)
doc:paragraph(text(W.models_text))

local model_split = data.from_rows({
  {region = W.china, models = models.value},
  {region = W.rest_of_world, models = models.rest},
}, {order = {"region", "models"}, source = cite({models_row})})
doc:figure(chart.pie(model_split, {
  label = "region", value = "models", donut = 0.55, theme = chart_theme, name = "models-donut",
  title = text(W.donut_title),
  value_labels = function(value, share)
    return fill(W.donut_label, {v = value, s = share})
  end,
}), {caption = W.donut_caption, height = 165})

doc:heading(W.players_heading, 2)
doc:paragraph(W.players_text)
-- Who was founded when, only where the sources say: "（2023年設立）".
local player_rows = {}
for i, row in ipairs(players:rows()) do
  local name = row.name
  if row.founded then name = name .. fill(W.founded, {y = row.founded}) end
  player_rows[i] = {company = name, models = row.models or "—", noted = row.noted or "—"}
end
local player_table = data.from_rows(player_rows, {order = {"company", "models", "noted"},
  source = W.players_source})
doc:table(player_table, {
  columns = {
    {key = "company", title = W.players_columns[1], width = 120},
    {key = "models", title = W.players_columns[2], width = 150},
    {key = "noted", title = W.players_columns[3]},
  },
  caption = W.players_caption,
})

doc:heading(W.strengths, 2)
doc:list(W.strengths_list)

---------------------------------------------------------------- 3 ecosystem

doc:heading(W.ecosystem, 1)
doc:paragraph(text(W.ecosystem_text))

local unicorn_source = cite({unicorns_row})
doc:columns(2, {gap = 24}, function()
  doc:figure(chart.part({unicorns.value, unicorns.world}, {
    title = W.waffle_title, cells = 100, theme = chart_theme,
    caption = W.waffle_caption, source = unicorn_source, name = "unicorn-waffle",
  }), {caption = W.waffle_figure, height = 230})
  doc:figure(chart.part({listed_share.value, 100}, {
    title = text(W.listed_title), style = "bar", theme = chart_theme,
    caption = text(W.listed_caption), source = cite({listed_share}), name = "listed-share",
  }), {caption = W.listed_figure, height = 120})
  doc:paragraph(text(W.listed_text))
end)

doc:heading(text(W.fields_heading), 2)
-- The edition's names for the fields of data/waic2025.sql; a field the
-- table adds without a name there is an error, not an English word in the
-- text.
local field_items = {}
for i, row in ipairs(fields:rows()) do
  field_items[i] = W.fields[row.field] or error(("no %s name for field '%s'"):format(lang, row.field))
end
doc:paragraph(text(W.fields_text))
doc:list(field_items, {numbered = true})
doc:paragraph(W.fields_view)

---------------------------------------------------------------- 4 implications

doc:heading(W.implications, 1)
doc:heading(W.investors, 2)
doc:list(texts(W.investors_list))
doc:heading(W.engineers, 2)
doc:list(W.engineers_list)
doc:callout(W.caution, {title = W.caution_title, tone = "warning"})

---------------------------------------------------------------- 5 data and sources

doc:heading(W.data_heading, 1)
doc:paragraph(W.data_text)

local scale_of = {yuan = 1e8}
local figure_rows = {}
for _, row in ipairs(figures:where("scope", "==", "china"):rows()) do
  local label = W.metrics[row.metric] or error(("no %s name for metric '%s'"):format(lang, row.metric))
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
    {key = "metric", title = W.figures_columns[1], width = 140},
    {key = "china", title = W.figures_columns[2], align = "right", width = 58},
    {key = "world", title = W.figures_columns[3], align = "right", width = 44},
    {key = "share", title = W.figures_columns[4], align = "right", width = 62},
    {key = "source", title = W.figures_columns[5]},
  },
  caption = W.figures_caption,
})

doc:sources({title = W.sources_title})

doc:save()
