-- A bubble chart: areas proportional to the population, colours by
-- region with a legend, a size legend, and country labels placed clear
-- of each other.
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {
  {name = "中国", gdp = 12.6, life = 78.6, pop = 1410, region = "アジア"},
  {name = "インド", gdp = 2.5, life = 70.8, pop = 1430, region = "アジア"},
  {name = "日本", gdp = 33.8, life = 84.5, pop = 124, region = "アジア"},
  {name = "米国", gdp = 81.6, life = 77.5, pop = 335, region = "米州"},
  {name = "ブラジル", gdp = 10.2, life = 75.8, pop = 216, region = "米州"},
  {name = "ドイツ", gdp = 53.5, life = 81.0, pop = 84, region = "欧州"},
  {name = "英国", gdp = 48.9, life = 81.3, pop = 68, region = "欧州"},
}
local c = sumi.canvas.png(nil, {width = 360, height = 240})
chart.scatter(rows, {x = "gdp", y = "life", size = "pop", color = "region", label = "name",
  size_title = "人口（百万）", title = "所得と平均寿命", x_title = "1人当たりGDP（千ドル）", y_title = "平均寿命（年）",
  source = "例示"}):draw(c)
