-- A KPI tile: the figure large, its label under it, and the change (a
-- ratio) signed and coloured by its sign. mark(list, plot, data, opts) with
-- data = {value (text), label (text or false), change (text or false),
-- sign (-1, 0, 1)} and opts = {theme}: theme.positive and theme.negative
-- colour the change, muted when there is none. The label and the change wrap
-- to the tile's width (Japanese lines break where JIS X 4051 allows) and
-- shrink, down to the theme's smallest label size, until they leave the
-- figure room; the figure then shrinks until it fits what is left.
-- Returns the text boxes.

local function kpi(list, plot, data, opts)
  local theme = opts.theme
  local small_size = theme.sizes.label * 1.2
  local small = {font = theme.font, color = theme.muted, anchor = "top", width = plot.width,
                 align = "center", wrap = "word-char", keep_words = true}
  local change_style = {font = theme.font, weight = "bold", features = "tnum", anchor = "top",
                        width = plot.width, align = "center", wrap = "word-char"}
  local min_size = theme.min_label_size
  -- The figure keeps at least this much height: a tile is about its number.
  local figure_floor = math.min(plot.height / 2, math.max(theme.sizes.title * 2, min_size))
  local rest
  while true do
    small.size, change_style.size = small_size, small_size
    rest = 0
    if data.label then rest = rest + select(2, list:measure(data.label, small)) + theme.gap end
    if data.change then rest = rest + select(2, list:measure(data.change, change_style)) + theme.gap end
    if rest + figure_floor <= plot.height or small_size <= min_size then break end
    small_size = math.max(small_size * 0.9, min_size)
  end
  local big = {font = theme.font, weight = "bold", color = theme.ink, features = "tnum", anchor = "top"}
  local size = math.max(theme.sizes.title * 4, min_size)
  big.size = size
  local w, h = list:measure(data.value, big)
  -- The figure's box grows in proportion to its size, so the steps it would
  -- still overflow by more than 2% are taken without laying it out at each
  -- size (a new size is a new font to load): the loop below then ends on
  -- the size it would have reached from the top.
  local room = math.min(plot.width / w, (plot.height - rest) / h)
  while room < 0.98 and size * 0.9 > min_size do
    size, room = size * 0.9, room / 0.9
  end
  while true do
    big.size = size
    w, h = list:measure(data.value, big)
    if (w <= plot.width and h + rest <= plot.height) or size <= min_size then break end
    size = math.max(size * 0.9, min_size)
  end
  local cx = plot.x + plot.width / 2
  local y = plot.y + math.max(0, (plot.height - h - rest) / 2)
  local boxes = {}
  boxes[#boxes + 1] = list:text(data.value, cx, y, big)
  y = y + h + theme.gap
  if data.label then
    local b = list:text(data.label, cx, y, small)
    boxes[#boxes + 1] = b
    y = y + b.height + theme.gap
  end
  if data.change then
    local color = theme.muted
    if data.sign > 0 then color = theme.positive end
    if data.sign < 0 then color = theme.negative end
    change_style.color = color
    boxes[#boxes + 1] = list:text(data.change, cx, y, change_style)
  end
  return boxes
end

return kpi
