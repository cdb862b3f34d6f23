-- Probes for sumi.canvas and the canvas's methods, sumi.text, sumi.fonts,
-- sumi.subset and sumi.path (engine/types/canvas.lua, text.lua, fonts.lua,
-- subset.lua, path.lua): each call fails, on a bad argument or (given the
-- options table the test passes) an unknown option.
local canvas = require "sumi.canvas"
local text = require "sumi.text"
local fonts = require "sumi.fonts"
local subset = require "sumi.subset"
local path = require "sumi.path"

-- A canvas that writes no file: a trace kept in memory.
local function fresh()
  return canvas.trace(false, {width = 200, height = 100})
end

local no_arguments = "takes no arguments: nothing to get wrong"
local nan = 0 / 0

return {
  objects = {
    ["sumi.Canvas"] = fresh,
  },
  calls = {
    -- sumi.canvas
    ["sumi.canvas.pdf"] = function(o) return canvas.pdf(nil, o) end,
    ["sumi.canvas.png"] = function(o)
      o.width, o.height = 20, 10
      return canvas.png(nil, o)
    end,
    ["sumi.canvas.svg"] = function(o)
      o.width, o.height = 20, 10
      return canvas.svg(nil, o)
    end,
    ["sumi.canvas.trace"] = function(o)
      o.width, o.height = 20, 10
      return canvas.trace(false, o)
    end,
    ["sumi.canvas.linear_gradient"] = function()
      return canvas.linear_gradient("left", 0, 100, 0, {{0, "white"}, {1, "black"}})
    end,
    ["sumi.canvas.radial_gradient"] = function()
      return canvas.radial_gradient(50, 50, -1, {{0, "white"}, {1, "black"}})
    end,
    ["sumi.canvas.mm"] = function() return canvas.mm("ten") end,

    -- life cycle and information
    ["sumi.Canvas:close"] = no_arguments,
    ["sumi.Canvas:discard"] = no_arguments,
    ["sumi.Canvas:size"] = no_arguments,
    ["sumi.Canvas:kind"] = no_arguments,
    ["sumi.Canvas:page_count"] = no_arguments,
    ["sumi.Canvas:new_page"] = function(c, o) return c:new_page(o) end,

    -- drawing state
    ["sumi.Canvas:save"] = no_arguments,
    ["sumi.Canvas:restore"] = function(c) return c:restore() end, -- without a save()
    ["sumi.Canvas:translate"] = function(c) return c:translate(nan, 0) end,
    ["sumi.Canvas:scale"] = function(c) return c:scale(0) end,
    ["sumi.Canvas:rotate"] = function(c) return c:rotate("right") end,
    ["sumi.Canvas:clip"] = no_arguments,
    ["sumi.Canvas:reset_clip"] = no_arguments,

    -- paths
    ["sumi.Canvas:move_to"] = function(c) return c:move_to(nil, 0) end,
    ["sumi.Canvas:line_to"] = function(c) return c:line_to(nan, 0) end,
    ["sumi.Canvas:curve_to"] = function(c) return c:curve_to(1, 2, 3, 4, 5) end,
    ["sumi.Canvas:arc"] = function(c) return c:arc(50, 50, -1, 0, 360) end,
    ["sumi.Canvas:arc_negative"] = function(c) return c:arc_negative(50, 50, "r", 0, 360) end,
    ["sumi.Canvas:rect"] = function(c) return c:rect(0, 0, "wide", 10) end,
    ["sumi.Canvas:rounded_rect"] = function(c) return c:rounded_rect(0, 0, 10, 10, -2) end,
    ["sumi.Canvas:polyline"] = function(c) return c:polyline({1, 2, 3}) end,
    ["sumi.Canvas:close_path"] = no_arguments,
    ["sumi.Canvas:new_path"] = no_arguments,

    -- paint
    ["sumi.Canvas:fill"] = function(c, o) return c:fill(o) end,
    ["sumi.Canvas:stroke"] = function(c, o) return c:stroke(o) end,
    ["sumi.Canvas:fill_stroke"] = function(c, o)
      o.fill = "white"
      return c:fill_stroke(o)
    end,
    ["sumi.Canvas:paint"] = function(c) return c:paint("not a colour") end,

    -- images and text
    ["sumi.Canvas:image"] = function(c, o) return c:image("logo.png", 0, 0, 40, 20, o) end,
    ["sumi.Canvas:text"] = function(c, o) return c:text("売上", 10, 10, o) end,
    ["sumi.Canvas:measure_text"] = function(c, o) return c:measure_text("売上", o) end,

    -- links, destinations, outline, tags
    ["sumi.Canvas:link"] = function(c, o)
      o.uri = "https://example.com/"
      return c:link(0, 0, 40, 10, o)
    end,
    ["sumi.Canvas:destination"] = function(c) return c:destination("no spaces", 0, 0) end,
    ["sumi.Canvas:outline"] = function(c, o)
      o.dest = "top"
      return c:outline("Top", o)
    end,
    ["sumi.Canvas:begin_tag"] = function(c, o) return c:begin_tag("P", o) end,
    ["sumi.Canvas:end_tag"] = function(c) return c:end_tag("P") end, -- none begun

    -- font subsets
    ["sumi.Canvas:record_fonts"] = no_arguments,
    ["sumi.Canvas:subset_fonts"] = function(c) return c:subset_fonts("recorded") end,

    -- sumi.text
    ["sumi.text.draw"] = function(o) return text.draw(fresh(), "売上", 10, 10, o) end,
    ["sumi.text.measure"] = function(o) return text.measure(fresh(), "売上", o) end,
    ["sumi.text.words"] = function() return text.words("人工知能", "fr") end,

    -- sumi.fonts
    ["sumi.fonts.resolve"] = function() return fonts.resolve(nil) end,
    ["sumi.fonts.language"] = function() return fonts.language({}) end,
    ["sumi.fonts.languages"] = no_arguments,
    ["sumi.fonts.define_language"] = function() return fonts.define_language("ja") end,

    -- sumi.subset
    -- not `return subset.prepare(...)`: a tail call to a Lua function leaves no frame of
    -- this file for the error to name
    ["sumi.subset.prepare"] = function() subset.prepare(nil, 100, 50, function() end) end,

    -- sumi.path
    ["sumi.path.series"] = function(o)
      o.x = {domain = {1, 3}, range = {0, 200}}
      o.y = {domain = {0, 1}, range = {100, 0}}
      return path.series(fresh(), {1, 2, 3}, {0, 0.5, 1}, o)
    end,
    ["sumi.path.extent"] = function() return path.extent("1, 2, 3") end,
  },
}
