-- Small multiples in the monochrome theme: one panel per city, one shared
-- value axis, the legend and the source once.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {}
for i, city in ipairs({"北京", "上海", "深圳"}) do
  for year = 2022, 2024 do
    rows[#rows + 1] = {city = city, year = tostring(year), firms = i * 300 + (year - 2021) * 100 * i,
                       models = i * 20 + (year - 2021) * 15}
  end
end
local c = sumi.canvas.png(nil, {width = 360, height = 220})
chart.facet(rows, {by = "city", chart = "line", x = "year", y = {"firms", "models"}, markers = true,
  names = {"企業数", "モデル数"}, theme = "mono", title = "都市別", source = "例示"}):draw(c)
