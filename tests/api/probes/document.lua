-- Probes for sumi.document and the documents it makes
-- (engine/types/document.lua). Each call fails: an unknown option, or one
-- bad argument with the others valid. No `return f(...)`: sumi.document is
-- written in Lua, and a tail call drops this frame, so the error could
-- only name the harness's line.
local sumi = require "sumi"
local chart = require "sumi.chart"

local function new_doc()
  return sumi.document.new{title = "probe"}
end

local function bars()
  return chart.bar({{k = "a", v = 1}, {k = "b", v = 2}}, {x = "k", y = "v"})
end

return {
  objects = {["sumi.Document"] = new_doc},
  calls = {
    ["sumi.document.new"] = function(o) sumi.document.new(o) end,
    ["sumi.Document:heading"] = function(d, o) d:heading("概要", 1, o) end,
    ["sumi.Document:paragraph"] = function(d, o) d:paragraph("本文", o) end,
    ["sumi.Document:list"] = function(d, o) d:list({"一", "二"}, o) end,
    ["sumi.Document:callout"] = function(d, o) d:callout("注意", o) end,
    ["sumi.Document:kpis"] = function(d, o) d:kpis({{value = 1509, label = "モデル"}}, o) end,
    ["sumi.Document:figure"] = function(d, o)
      local figure = bars()
      figure:discard() -- the call fails: the chart is never drawn
      d:figure(figure, o)
    end,
    ["sumi.Document:table"] = function(d, o) d:table({{"a", 1}, {"b", 2}}, o) end,
    ["sumi.Document:columns"] = function(d, o) d:columns(2, o) end,
    ["sumi.Document:contents"] = function(d, o) d:contents(o) end,
    ["sumi.Document:sources"] = function(d, o) d:sources(o) end,
    ["sumi.Document:save"] = function(d, o) d:save("probe.pdf", o) end,
    ["sumi.Document:source"] = function(d) d:source("各社発表", 42) end,
    ["sumi.Document:note"] = function(d) d:note(nil) end,
    ["sumi.Document:page_break"] = "takes no arguments: nothing to get wrong",
    ["sumi.Document:end_columns"] = "takes no arguments: nothing to get wrong",
    ["sumi.Document:discard"] = "takes no arguments: nothing to get wrong",
  },
}
