-- Probes for sumi.chart, sumi.theme, sumi.scale, sumi.axis and sumi.legend
-- and the objects they make (engine/types/chart.lua, theme.lua, scale.lua,
-- axis.lua, legend.lua). Each call fails: an unknown option, or one bad
-- argument with the others valid.
local sumi = require "sumi"
local axis = require "sumi.axis"
local chart = require "sumi.chart"
local legend = require "sumi.legend"
local scale = require "sumi.scale"
local theme = require "sumi.theme"

local rows = {{k = "a", v = 1, w = 2, g = "x"}, {k = "b", v = 3, w = 4, g = "y"}}

local function page()
  return sumi.canvas.trace(false, {width = 400, height = 300})
end

local function bars()
  return chart.bar(rows, {x = "k", y = "v", source = false})
end

local function list()
  return bars():compose(page(), {x = 0, y = 0, width = 400, height = 300})
end

local plot = {x = 40, y = 20, width = 300, height = 200}
local function linear() return scale.linear{domain = {0, 10}, range = {220, 20}} end
local function band() return scale.band{domain = {"a", "b"}, range = {40, 340}} end
local function ordinal() return scale.ordinal{domain = {"a", "b"}, palette = {"#000000", "#ffffff"}} end
local function time() return scale.time{domain = {"2024-11-01", "2025-06-30"}, range = {0, 400}} end
local items = {{label = "a", color = "#2f5d8a"}, {label = "b", color = "#c0504d", kind = "line"}}

local no_arguments = "takes no arguments: nothing to get wrong"
local any_category = "any value is a category: one not in the domain gives nil, as documented"

return {
  objects = {
    ["sumi.Chart"] = bars,
    ["sumi.DrawingList"] = list,
    ["sumi.LinearScale"] = linear,
    ["sumi.LogScale"] = function() return scale.log{domain = {3, 4500}, range = {0, 300}} end,
    ["sumi.BandScale"] = band,
    ["sumi.OrdinalScale"] = ordinal,
    ["sumi.ColorScale"] = function() return scale.color{domain = {0, 1}, range = {"#ffffff", "#1f5fbf"}} end,
    ["sumi.TimeScale"] = time,
  },
  calls = {
    -- sumi.chart: the options, each with the required ones given
    ["sumi.chart.bar"] = function(o) o.x, o.y = "k", "v" chart.bar(rows, o) end,
    ["sumi.chart.line"] = function(o) o.x, o.y = "k", "v" chart.line(rows, o) end,
    ["sumi.chart.scatter"] = function(o) o.x, o.y = "v", "w" chart.scatter(rows, o) end,
    ["sumi.chart.area"] = function(o) o.x, o.y = "k", "v" chart.area(rows, o) end,
    ["sumi.chart.combo"] = function(o) o.x, o.bars, o.lines = "k", "v", "w" chart.combo(rows, o) end,
    ["sumi.chart.facet"] = function(o) o.by, o.x, o.y = "g", "k", "v" chart.facet(rows, o) end,
    ["sumi.chart.pie"] = function(o) o.label, o.value = "k", "v" chart.pie(rows, o) end,
    ["sumi.chart.part"] = function(o) chart.part({71, 271}, o) end,
    ["sumi.chart.kpi"] = function(o) o.value = 71 chart.kpi(o) end,
    ["sumi.chart.kpis"] = function(o) chart.kpis({{value = 71}, {value = 1509}}, o) end,

    -- the chart's methods
    ["sumi.Chart:draw"] = function(c) c:draw("page") end,
    ["sumi.Chart:layout"] = function(c) c:layout(page(), {x = 0, y = 0, width = 400}) end,
    ["sumi.Chart:compose"] = function(c) c:compose(page(), {x = 0, y = 0, width = "400", height = 300}) end,
    ["sumi.Chart:save"] = function(c, o) c:save("probe.png", o) end,
    ["sumi.Chart:annotate"] = function(c) c:annotate({kind = "line"}) end,
    ["sumi.Chart:alt_text"] = no_arguments,
    ["sumi.Chart:discard"] = no_arguments,

    -- the drawing list c:compose returns
    -- the constructor reached through the list: as a method it takes the list for the canvas
    ["sumi.DrawingList:new"] = function(l) l:new("ja") end,
    ["sumi.DrawingList:measure"] = function(l, o) l:measure("売上", o) end,
    ["sumi.DrawingList:text_box"] = function(l, o) l:text_box("売上", 10, 10, o) end,
    ["sumi.DrawingList:text"] = function(l, o) l:text("売上", 10, 10, o) end,
    ["sumi.DrawingList:rect"] = function(l) l:rect(0, 0, 10, 10, 42) end,
    ["sumi.DrawingList:line"] = function(l, o) l:line({0, 0, 10, 10}, o) end,
    ["sumi.DrawingList:circle"] = function(l) l:circle(10, 10, -1, "#000") end,
    ["sumi.DrawingList:polygon"] = function(l) l:polygon({0, 0, 10}, "#000") end,
    ["sumi.DrawingList:paint"] = function(l) l:paint("not a function") end,
    ["sumi.DrawingList:boxes"] = no_arguments,
    ["sumi.DrawingList:draw"] = function(l) l:draw("page") end,

    -- sumi.theme
    ["sumi.theme.derive"] = function(o) theme.derive("print", o) end,
    ["sumi.theme.get"] = function() theme.get("pastel") end,

    -- sumi.scale and its scales
    ["sumi.scale.step"] = function() scale.step(0, "ten", 5) end,
    ["sumi.scale.tick_count"] = function() scale.tick_count(nil) end,
    ["sumi.scale.linear"] = function(o) scale.linear(o) end,
    ["sumi.scale.log"] = function(o) scale.log(o) end,
    ["sumi.scale.band"] = function(o) scale.band(o) end,
    ["sumi.scale.ordinal"] = function(o) scale.ordinal(o) end,
    ["sumi.scale.color"] = function(o) scale.color(o) end,
    ["sumi.ColorScale:map"] = function(s) s:map("high") end,
    ["sumi.scale.time"] = function(o) scale.time(o) end,
    ["sumi.scale.date_days"] = "a value that is no date is an expected failure: it returns nil and the "
      .. "reason, it raises nothing",
    ["sumi.LinearScale:nice"] = function(s) s:nice("five") end,
    ["sumi.LinearScale:map"] = function(s) s:map(nil) end,
    ["sumi.LinearScale:invert"] = function(s) s:invert(nil) end,
    ["sumi.LinearScale:ticks"] = function(s) s:ticks({}) end,
    ["sumi.LinearScale:domain"] = no_arguments,
    ["sumi.LogScale:map"] = function(s) s:map(nil) end,
    ["sumi.LogScale:invert"] = function(s) s:invert(nil) end,
    ["sumi.LogScale:ticks"] = function(s) s:ticks("five") end,
    ["sumi.LogScale:domain"] = no_arguments,
    ["sumi.BandScale:map"] = any_category,
    ["sumi.BandScale:bandwidth"] = no_arguments,
    ["sumi.BandScale:center"] = any_category,
    ["sumi.BandScale:ticks"] = no_arguments,
    ["sumi.OrdinalScale:map"] = function(s) s:map(nil) end,
    ["sumi.TimeScale:map"] = function(s) s:map("soon") end,
    ["sumi.TimeScale:invert"] = function(s) s:invert(nil) end,
    ["sumi.TimeScale:domain"] = no_arguments,
    ["sumi.TimeScale:ticks"] = function(s) s:ticks("five") end,
    ["sumi.TimeScale:tick_labels"] = function(s) s:tick_labels(nil) end,

    -- sumi.axis
    ["sumi.axis.units"] = function() axis.units("7e11", "ja") end,
    ["sumi.axis.title_text"] = function() axis.title_text("売上", {}, "億", "ja") end,
    ["sumi.axis.formatter"] = function() axis.formatter("pct9") end,
    ["sumi.axis.value_labels"] = function(o) axis.value_labels(linear(), o) end,
    ["sumi.axis.value_thickness"] = function(o) axis.value_thickness(list(), linear(), o) end,
    ["sumi.axis.add"] = function(o) axis.add(list(), plot, linear(), o) end,
    ["sumi.axis.draw"] = function(o) axis.draw(page(), plot, linear(), o) end,
    ["sumi.axis.fit_categories"] = function(o) axis.fit_categories(list(), {"a", "b"}, 150, o) end,
    ["sumi.axis.add_categories"] = function(o)
      axis.add_categories(list(), plot, band(), {"a", "b"}, {mode = "plain", size = 8}, o)
    end,

    -- sumi.legend
    ["sumi.legend.height"] = function(o) legend.height(list(), 300, items, theme.print, o) end,
    ["sumi.legend.width"] = function(o) legend.width(list(), 300, items, theme.print, o) end,
    ["sumi.legend.add"] = function(o)
      legend.add(list(), {x = 0, y = 0, width = 300}, items, theme.print, o)
    end,
  },
}
