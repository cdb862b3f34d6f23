-- A monthly sales report: a chart, key figures and a short document from
-- data/sales.csv (sales in 万円 by month and region, since April 2025).
-- Render it:   sumi render report.lua               (reports/report.pdf)
-- Check it:    sumi check report.lua
-- One region:  sumi render report.lua -p region=関西
local sumi = require "sumi"
local date, format = sumi.date, sumi.format

local region = sumi.params.region or "全国"
local sales = sumi.data.read_csv("data/sales.csv") -- month is a month column: "2026-09"
if region ~= "全国" then sales = sales:where("region", "==", region) end

-- Months of this fiscal year (年度: April to March) so far, and the same
-- months a year earlier.
local monthly = sales:group_by("month", {{"sales", "sum", "sales"}}):sort("month")
  :change("sales", {date = "month", period = "month", name = "yoy"}) -- 前年同月比
local months = monthly:column("month")
local latest = months[#months]
local year = date.fiscal_year(latest)
local first = date.month(date.first_day(year, "fiscal_year"))
local this_year = monthly:where("month", ">=", first)
local last_year = monthly:where("month", ">=", date.add_years(first, -1))
  :where("month", "<=", date.add_years(latest, -1))
local total = sumi.stats.sum(this_year:column("sales"))
local growth = sumi.stats.growth(total, sumi.stats.sum(last_year:column("sales")))
local period = ("%s（%s〜%s）"):format(date.fiscal_year_label(year), format.date(first), format.date(latest))

-- 万円 to 円, in mixed units: 1億3,103万円.
local yen = format.formatter("ja_units", {unit = "円", mixed = true})
local function man_yen(v) return yen(v * 1e4) end

-- One line per region over every month, its name at its end.
local by_region = sales:pivot_wider("region", "sales", {sort = true})
local regions = by_region:names()
table.remove(regions, 1) -- the month column
local trend = sumi.chart.line(by_region, {
  x = "month", y = regions, unit = "万円", legend = "end", x_ticks = "fiscal_quarter",
  title = ("月別売上（%s）"):format(region), source = "社内販売データ",
})

local doc = sumi.document.new{
  title = ("月次売上レポート（%s）"):format(region),
  author = "分析チーム",
  lang = "ja",
}
doc:heading("概要", 1)
doc:kpis({
  {value = total, label = date.fiscal_year_label(year) .. "累計売上", change = growth, format = man_yen},
  {value = this_year:row(#this_year).sales, label = format.date(latest) .. "の売上",
   change = this_year:row(#this_year).yoy, format = man_yen},
})
doc:paragraph(("%sの売上合計は<b>%s</b>で、前年同期比%sでした。"):format(period, man_yen(total),
  format.change(growth, {negative = "triangle"})))
doc:figure(trend, {caption = "地域別の月別売上"})
doc:heading("明細", 1)
doc:table(this_year, {
  columns = {{key = "month", title = "月", format = format.date},
             {key = "sales", title = "売上（万円）"},
             {key = "yoy", title = "前年同月比", format = "tri_change1"}},
  style = function(value, _, key)
    if key == "yoy" and value and value < 0 then return {color = "#c0392b"} end
  end,
  totals = {columns = {"sales"}},
})
doc:save()
