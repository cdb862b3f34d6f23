-- Probes for sumi.format, sumi.template, sumi.locale, sumi.runtime,
-- sumi.numeric and sumi.stats (engine/types/{format,template,locale,
-- runtime,numeric,stats}.lua). Each call is wrapped in parentheses: a tail
-- call would leave no frame of this file for the error to name.
local format = require "sumi.format"
local locale = require "sumi.locale"
local numeric = require "sumi.numeric"
local runtime = require "sumi.runtime"
local stats = require "sumi.stats"
local template = require "sumi.template"

local nan = 0 / 0
local no_arguments = "takes no arguments: nothing to get wrong"

local calls = {
  ["sumi.format.number"] = function(o) return (format.number(1, o)) end,
  ["sumi.format.signed"] = function(o) return (format.signed(1, o)) end,
  ["sumi.format.percent"] = function(o) return (format.percent(0.5, o)) end,
  ["sumi.format.change"] = function(o) return (format.change(0.5, o)) end,
  ["sumi.format.points"] = function(o) return (format.points(0.015, o)) end,
  ["sumi.format.ja_units"] = function(o) return (format.ja_units(7e11, o)) end,
  ["sumi.format.units"] = function(o) return (format.units(7e11, o)) end,
  ["sumi.format.money"] = function(o) return (format.money(7e11, o)) end,
  ["sumi.format.compact"] = function(o) return (format.compact(1.2e9, o)) end,
  ["sumi.format.currency"] = function(o) return (format.currency(1234.5, "USD", o)) end,
  ["sumi.format.date_ja"] = function(o) return (format.date_ja("2025-07-26", o)) end,
  ["sumi.format.date"] = function(o) return (format.date("2025-07-26", o)) end,
  ["sumi.format.date_iso"] = function() return (format.date_iso("2025-02-30")) end,
  ["sumi.format.formatter"] = function() return (format.formatter("numbers")) end,

  ["sumi.template.fill"] = function() return (template.fill("{x}", {y = 1})) end,
  ["sumi.template.new"] = function(o) return (template.new(o)) end,
  ["sumi.Template:fill"] = function(t) return (t:fill("{x:pct1}", {x = "a"})) end,

  ["sumi.locale.tags"] = no_arguments,
  ["sumi.locale.tag"] = function() return (locale.tag("xx-not-a-language")) end,
  ["sumi.locale.option"] = function() return (locale.option("xx-not-a-language")) end,
  ["sumi.locale.get"] = function() return (locale.get(42)) end,
  ["sumi.locale.define"] = function(o) return (locale.define("fr", o)) end,

  ["sumi.runtime.params"] = no_arguments,
  ["sumi.runtime.script"] = no_arguments,
  ["sumi.runtime.default_output"] = function() return (runtime.default_output({})) end,
  ["sumi.runtime.resolve"] = function() return (runtime.resolve(nil)) end,
  ["sumi.runtime.epoch"] = no_arguments,
  ["sumi.runtime.warn"] = function() return (runtime.warn({})) end,
  ["sumi.runtime.register_chart"] = function() return (runtime.register_chart("chart")) end,
  ["sumi.runtime.strict_glyphs"] = function() return (runtime.strict_glyphs("yes")) end,
  ["sumi.runtime.previews"] = no_arguments,
  ["sumi.runtime.pdfa"] = no_arguments,
  ["sumi.runtime.blame"] = function() return (runtime.blame(nil, print)) end,
  ["sumi.runtime.chart_presets"] = no_arguments,

  ["sumi.stats.share"] = function() return (stats.share(nil, 3755)) end,
  ["sumi.stats.ratio"] = function() return (stats.ratio(3755, 0)) end,
  ["sumi.stats.growth"] = function() return (stats.growth(120, nan)) end,
  ["sumi.stats.cagr"] = function() return (stats.cagr(100, 121, 0)) end,
}

-- The list functions, in sumi.numeric and (the same functions) in sumi.stats.
for owner, module in pairs({["sumi.numeric"] = numeric, ["sumi.stats"] = stats}) do
  local probes = {
    sum = function() return (module.sum({1, 2, nan})) end,
    count = function() return (module.count({1, "2"})) end,
    mean = function() return (module.mean({})) end,
    min = function() return (module.min({n = 2})) end,
    max = function() return (module.max("1, 2")) end,
    extent = function() return (module.extent({1, math.huge})) end,
    extremes = function() return (module.extremes({1, nil, true, n = 3})) end,
    median = function() return (module.median({1, 2, n = -1})) end,
    percentile = function() return (module.percentile({1, 2}, 101)) end,
    cumsum = function() return (module.cumsum({1, {}})) end,
    shares = function() return (module.shares({1, -1})) end,
    rank = function(o) return (module.rank({1, 2}, o)) end,
    order = function(o) return (module.order({1, 2}, o)) end,
    top_n = function(o) return (module.top_n({{name = "a", value = 1}}, 1, o)) end,
  }
  for name, probe in pairs(probes) do calls[owner .. "." .. name] = probe end
end

return {
  objects = {
    ["sumi.Template"] = function() return template.new() end,
  },
  calls = calls,
}
