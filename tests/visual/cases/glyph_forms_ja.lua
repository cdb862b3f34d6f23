-- The characters whose printed forms differ between the regions, set in
-- ja: the ja face of Noto Sans CJK, its own forms of 直 骨 角 化 述 次
-- (the glyph_forms_* references differ from each other; CMakeLists.txt
-- checks that they do).
local canvas = require "sumi.canvas"
local c = canvas.png(nil, {width = 240, height = 160})
c:text("直骨角", 120, 44, {size = 56, lang = "ja", anchor = "center"})
c:text("化述次", 120, 116, {size = 56, lang = "ja", anchor = "center"})
c:close()
