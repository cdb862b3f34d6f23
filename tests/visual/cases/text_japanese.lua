-- Horizontal Japanese text: a bold heading, mixed Japanese and Latin text,
-- and a paragraph wrapped in a box and centred. The grey frame is the box
-- the paragraph is given (width = 200).
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 240, height = 160})

c:text("売上報告 2024年度", 12, 10, {size = 18, weight = "bold"})
c:text("東京 Tokyo · 大阪 Osaka — 前年比 +12.5%", 12, 40, {size = 10, color = "#1f5fbf"})

local para = "東京・大阪・名古屋の三拠点で、売上は前年より一割以上増えました。" ..
  "特に第4四半期の伸びが大きく、新製品の寄与が目立ちます。"
c:rect(20, 62, 200, 88)
c:stroke({color = "#999999", width = 1})
c:text(para, 20, 68, {size = 11, width = 200, align = "center", line_spacing = 1.3})

c:close()
