-- Stage "fonts" of bench/briefing.sh: sumi.document and sumi.chart loaded,
-- and one Japanese text measured in each of the briefing's three faces
-- (Noto Sans CJK JP regular and bold, Noto Serif CJK JP bold), so that
-- fontconfig, Pango and the font files are ready, as before the first
-- paragraph of the briefing.
local sumi = require "sumi"
local chart = require "sumi.chart" -- luacheck: ignore
local doc = sumi.document.new{size = "A4", lang = "ja"} -- luacheck: ignore
local c = sumi.canvas.png(nil, {width = 16, height = 16})
c:measure_text("中国AI産業の現在地", {size = 10})
c:measure_text("<b>中国AI産業の現在地</b>", {size = 10})
c:measure_text('<span font_family="Noto Serif CJK JP" weight="bold">中国AI産業の現在地</span>', {size = 30})
c:discard()
