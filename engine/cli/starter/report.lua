-- A monthly sales report: a chart and a short document from data/sales.csv.
-- Render it:   sumi render report.lua               (reports/report.pdf)
-- Check it:    sumi check report.lua
-- One region:  sumi render report.lua -p region=関西
local sumi = require "sumi"

local region = sumi.params.region or "全国"
local sales = sumi.data.read_csv("data/sales.csv")
if region ~= "全国" then sales = sales:where("region", "==", region) end
local by_month = sales:group_by("month", {{"sales", "sum", "sales"}}):sort("month")

local chart = sumi.chart.bar(by_month, {
  x = "month", y = "sales", unit = "万円",
  title = ("月別売上（%s）"):format(region),
  source = "社内販売データ",
})

local doc = sumi.document.new{
  title = ("月次売上レポート（%s）"):format(region),
  author = "分析チーム",
  lang = "ja",
}
doc:heading("概要", 1)
local total = sumi.stats.sum(by_month:column("sales"))
doc:paragraph(("%dか月の売上合計は<b>%s万円</b>でした。"):format(#by_month:column("sales"),
  sumi.format.number(total)))
doc:figure(chart, {caption = "月別の売上"})
doc:heading("明細", 1)
doc:table(by_month, {columns = {{key = "month", title = "月"}, {key = "sales", title = "売上（万円）"}},
  totals = true})
doc:save()
