-- A KPI tile: the figure large, its label under it, and the change line:
-- the change (a ratio) signed and coloured by its sign, then what it
-- compares with ("+3.2% 前年比", in the language's order: "同比+3.2%").
--
--   kpi.fit(list, plot, data, opts) -> {figure, label}: the largest sizes
--     at which the tile fits its plot box
--   kpi.height(list, plot, data, opts) -> the height of its stack at opts.sizes
--   kpi.draw(list, plot, data, opts) -> the text boxes; opts.sizes (what
--     kpi.fit gave, or the smallest of a row's tiles) fixes the sizes and
--     opts.height the height of the stack centred in the box, so that
--     tiles side by side share one figure size and line up
--
-- data = {value (text), label (text or false), change (text or false),
-- change_label (text or false), change_first (the label before the
-- change), change_gap (a space between them), sign (-1, 0, 1)}; opts = {theme}: theme.positive and
-- theme.negative colour the change, muted when there is none.
--
-- A label breaks only between phrases: at spaces, after punctuation,
-- before an opening bracket, after a run of hiragana in Japanese (中国の /
-- AIユニコーン企業) and after 的 in Chinese, never inside a run of kanji or
-- katakana or a word: 目標達成率 stays whole, and a label with no room for
-- its longest phrase shrinks (down to the theme's min_label_size) rather
-- than break it. Only past that is a phrase broken where the text engine
-- breaks lines.
local kpi = {}

-- ---- phrases

local function code_points(text)
  local out = {}
  for _, c in utf8.codes(text) do out[#out + 1] = c end
  return out
end

local opening = {}
for _, c in utf8.codes("（「『【〔［｛〈《([{“‘") do opening[c] = true end
local closing = {}
for _, c in utf8.codes("）」』】〕］｝〉》)]}”’、。，．,.!?！？：；:;・…/") do closing[c] = true end

local function hiragana(c) return c >= 0x3041 and c <= 0x309F end
local function space(c) return c == 0x20 or c == 0x3000 end

--- kpi.phrases(text, lang) -> the pieces of text a line may break between.
function kpi.phrases(text, lang)
  local cps = code_points(text)
  local pieces, start = {}, 1
  local ja, zh = lang == "ja", lang ~= nil and lang:find("^zh") ~= nil
  for i = 2, #cps do
    local a, b = cps[i - 1], cps[i]
    local can = (space(a) and not space(b))
      or (closing[a] and not closing[b] and not space(b))
      or (opening[b] and not opening[a] and not space(a))
      or (ja and hiragana(a) and not hiragana(b) and not closing[b] and not space(b))
      or (zh and a == 0x7684 and not closing[b] and not space(b)) -- 的
    if can then
      pieces[#pieces + 1] = utf8.char(table.unpack(cps, start, i - 1))
      start = i
    end
  end
  if #cps >= start then pieces[#pieces + 1] = utf8.char(table.unpack(cps, start, #cps)) end
  return pieces
end

-- The lines of a text at a style, breaking only between its phrases
-- (spaces at a line's end dropped), or nil when a phrase is wider than
-- width or more than max_lines lines are needed.
local function phrase_lines(list, text, style, width, max_lines)
  local lines, line = {}, ""
  for _, p in ipairs(kpi.phrases(text, list.lang)) do
    local candidate = line .. p
    local trimmed = candidate:gsub("[ \u{3000}]+$", "")
    if line ~= "" and list:measure(trimmed, style) > width then
      lines[#lines + 1] = (line:gsub("[ \u{3000}]+$", ""))
      line = p
    else
      line = candidate
    end
    if list:measure((line:gsub("[ \u{3000}]+$", "")), style) > width then return nil end
  end
  if line ~= "" then lines[#lines + 1] = (line:gsub("[ \u{3000}]+$", "")) end
  if #lines > max_lines then return nil end
  return table.concat(lines, "\n")
end

-- ---- sizes

local function styles(theme, plot)
  local small = {font = theme.font, color = theme.muted, anchor = "top", align = "center"}
  local change = {font = theme.font, weight = "bold", features = "tnum", anchor = "top-left"}
  local words = {font = theme.font, color = theme.muted, anchor = "top-left"}
  local big = {font = theme.font, weight = "bold", color = theme.ink, features = "tnum", anchor = "top"}
  return small, change, words, big, plot.width
end

-- The label's text at a size (phrases on lines), its height, or nil when
-- no phrase-kept layout fits. Past the smallest size (last = true) the
-- text engine breaks it inside a phrase if it must.
local function label_at(list, data, style, width, size, last)
  style.size = size
  local text = phrase_lines(list, data.label, style, width, math.huge)
  if not text then
    if not last then return nil end
    local _, h = list:measure(data.label, {size = size, font = style.font, width = width, wrap = "word-char",
      keep_words = true})
    return {text = data.label, wrap = true}, h
  end
  local _, h = list:measure(text, style)
  return {text = text}, h
end

-- The change line at a size: its pieces' widths, and its height; two
-- lines (the change, then its words) when one is too wide.
local function change_at(list, data, change_style, words_style, width, size)
  change_style.size, words_style.size = size, size
  local cw, ch = list:measure(data.change, change_style)
  local ww, wh = 0, 0
  if data.change_label then ww, wh = list:measure(data.change_label, words_style) end
  local gap = (data.change_label and data.change_gap) and size * 0.3 or 0
  local one_line = cw + gap + ww <= width
  local height = one_line and math.max(ch, wh) or ch + wh
  return {one_line = one_line, cw = cw, ww = ww, gap = gap, ch = ch, wh = wh}, height
end

--- kpi.fit(list, plot, data, opts) -> {figure, label}: the largest figure
--- and label sizes at which the tile fits the plot box. The label and the change line shrink, down to the
--- theme's smallest label size, until they leave the figure room (at
--- least a title's size twice, or half the box); the figure then takes
--- the largest size that fits what is left.
function kpi.fit(list, plot, data, opts)
  local theme = opts.theme
  local small, change_style, words_style, big, width = styles(theme, plot)
  local min_size = theme.min_label_size
  local figure_floor = math.min(plot.height / 2, math.max(theme.sizes.title * 2, min_size))
  local size = theme.sizes.label * 1.2
  local rest
  while true do
    local last = size <= min_size
    rest = 0
    local ok = true
    if data.label then
      local label, h = label_at(list, data, small, width, size, last)
      if not label then ok = false else rest = rest + h + theme.gap end
    end
    if ok and data.change then
      local _, h = change_at(list, data, change_style, words_style, width, size)
      rest = rest + h + theme.gap
    end
    if last or (ok and rest + figure_floor <= plot.height) then break end
    size = math.max(size * 0.9, min_size)
  end
  local figure = math.max(theme.sizes.title * 4, min_size)
  big.size = figure
  local w, h = list:measure(data.value, big)
  -- The figure's box grows in proportion to its size, so the steps it would
  -- still overflow by more than 2% are taken without laying it out at each
  -- size (a new size is a new font to load): the loop below then ends on
  -- the size it would have reached from the top.
  local room = math.min(width / w, (plot.height - rest) / h)
  while room < 0.98 and figure * 0.9 > min_size do
    figure, room = figure * 0.9, room / 0.9
  end
  while true do
    big.size = figure
    w, h = list:measure(data.value, big)
    if (w <= width and h + rest <= plot.height) or figure <= min_size then break end
    figure = math.max(figure * 0.9, min_size)
  end
  return {figure = figure, label = size}
end

-- ---- drawing

-- The tile's parts at sizes: the figure's height, the label and the
-- change line with theirs, and the height of the whole stack.
local function parts(list, plot, data, theme, sizes)
  local small, change_style, words_style, big, width = styles(theme, plot)
  big.size = sizes.figure
  local _, h = list:measure(data.value, big)
  local label, label_h, line, line_h
  if data.label then label, label_h = label_at(list, data, small, width, sizes.label, true) end
  if data.change then line, line_h = change_at(list, data, change_style, words_style, width, sizes.label) end
  local stack = h + (label and theme.gap + label_h or 0) + (line and theme.gap + line_h or 0)
  return {small = small, change_style = change_style, words_style = words_style, big = big, width = width,
          h = h, label = label, line = line, stack = stack}
end

--- kpi.height(list, plot, data, opts) -> the height of the tile's stack
--- (figure, label, change line) at opts.sizes.
function kpi.height(list, plot, data, opts)
  return parts(list, plot, data, opts.theme, opts.sizes).stack
end

--- kpi.draw(list, plot, data, opts) -> the text boxes: the figure, the
--- label, the change and its words, at opts.sizes (default: kpi.fit's),
--- the stack opts.height tall centred in the box.
function kpi.draw(list, plot, data, opts)
  local theme = opts.theme
  local sizes = opts.sizes or kpi.fit(list, plot, data, opts)
  local p = parts(list, plot, data, theme, sizes)
  local small, change_style, words_style, big, width = p.small, p.change_style, p.words_style, p.big, p.width
  local h, label, line, stack = p.h, p.label, p.line, p.stack
  local cx = plot.x + plot.width / 2
  local y = plot.y + math.max(0, (plot.height - math.max(stack, opts.height or 0)) / 2)
  local boxes = {}
  boxes[#boxes + 1] = list:text(data.value, cx, y, big)
  y = y + h + theme.gap
  if label then
    small.size = sizes.label
    local style = small
    if label.wrap then
      style = {font = small.font, color = small.color, anchor = "top", align = "center", size = sizes.label,
               width = width, wrap = "word-char", keep_words = true}
    end
    local b = list:text(label.text, cx, y, style)
    boxes[#boxes + 1] = b
    y = y + b.height + theme.gap
  end
  if line then
    local color = theme.muted
    if data.sign > 0 then color = theme.positive end
    if data.sign < 0 then color = theme.negative end
    change_style.color = color
    local change_x, words_x, words_y = cx - line.cw / 2, cx - line.ww / 2, y + line.ch
    if line.one_line then
      local left = cx - (line.cw + line.gap + line.ww) / 2
      local first = data.change_first and data.change_label
      change_x = first and left + line.ww + line.gap or left
      words_x = first and left or left + line.cw + line.gap
      words_y = y + (math.max(line.ch, line.wh) - line.wh) / 2
      y = y + (math.max(line.ch, line.wh) - line.ch) / 2
    end
    local change_box = list:text(data.change, change_x, y, change_style)
    local words_box = data.change_label and list:text(data.change_label, words_x, words_y, words_style)
    if words_box and data.change_first and line.one_line then
      boxes[#boxes + 1] = words_box
      boxes[#boxes + 1] = change_box
    else
      boxes[#boxes + 1] = change_box
      boxes[#boxes + 1] = words_box or nil
    end
  end
  return boxes
end

return kpi
