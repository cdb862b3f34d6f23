-- Case (c): -p count=N small bar charts (600x400 px) to N PNG files.
local sumi = require "sumi"
local chart = require "sumi.chart"
local data = require "data"
local count = tonumber((sumi.params or {}).count or "200")

local opts = {}
for k, v in pairs(data.bar_options) do opts[k] = v end
opts.theme = "print"
for i = 1, count do
  chart.bar(data.rows(i), opts):save(("many/c%03d.png"):format(i),
    {width = 600, height = 400, dpi = 96})
end
