-- Draws the same page twice as PDF: once with the engine's faces as they
-- are (cairo subsets them itself) and once through sumi.subset.prepare,
-- which shows the same layouts with HarfBuzz subsets of the faces.
-- pdf_subsets.sh rasterises both and compares them. Everything the subset
-- renderer draws itself is here: colours and alpha from markup, underline,
-- strikethrough, background, a gradient, rotated and vertical text,
-- OpenType features, synthetic italics, ligatures, Chinese, a character
-- only the fallback face has and right-to-left Hebrew.
local canvas = require "sumi.canvas"
local locale = require "sumi.locale"
local runtime = require "sumi.runtime"
local subset = require "sumi.subset"

local full_path = runtime.default_output("pdf")
local subset_path = full_path:gsub("%.pdf$", "") .. "-subset.pdf"
local W, H = 420, 300
locale.define("he", {base = "en"}) -- a language of the script's own: Hebrew

local function draw(c)
  c:rect(0, 0, W, H)
  c:fill("white")
  c:text("2025年の売上 <span foreground=\"#c0392b\">1,509</span> 億円" ..
    "（<u>下線</u>・<s>取消線</s>・<span background=\"#f6e27f\">背景</span>）",
    12, 12, {markup = true, size = 13, features = "tnum palt"})
  c:text("<span foreground=\"#1f5fa8\" alpha=\"50%\">半透明の青</span> と " ..
    "<span underline=\"double\">二重下線</span>", 12, 40, {markup = true, size = 12})
  c:text("縦書きの「見出し」ー", 390, 12, {vertical = true, size = 14})
  c:text("斜体の日本語 Italic", 12, 70, {style = "italic", weight = "bold", size = 14})
  c:text("fi ffl ligatures ‽ ‱", 12, 100, {font = "serif", size = 14})
  c:text("中国人工智能产业规模超过7000亿元", 12, 130, {lang = "zh-cn", size = 12})
  c:text("שלום עולם 2025", 250, 130, {lang = "he", size = 12})
  c:text("回転した見出し 30°", 60, 240, {angle = -30, size = 14, weight = "bold"})
  c:text("グラデーションの文字", 200, 200, {size = 20, weight = "bold",
    color = canvas.linear_gradient(200, 0, 400, 0, {{0, "#c0392b"}, {1, "#1f5fa8"}})})
  c:text("折り返す段落：世界の大規模AIモデルの40.2%、AIユニコーン企業の26.2%を占める。",
    12, 160, {width = 170, size = 10, line_spacing = 1.3})
end

-- Text the recording never saw: its run is drawn from the whole face.
local function draw_unrecorded(c)
  c:text("not recorded: mono 0123", 12, 275, {font = "mono", size = 10})
end

local full = canvas.pdf(full_path, {width = W, height = H})
draw(full)
draw_unrecorded(full)
full:close()

local pdf = canvas.pdf(subset_path, {width = W, height = H})
subset.prepare(pdf, W, H, draw)
draw(pdf)
draw_unrecorded(pdf)
pdf:close()
