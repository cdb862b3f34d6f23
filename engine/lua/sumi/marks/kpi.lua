-- A KPI tile: the figure large, its label under it, and the change (a
-- ratio) signed and coloured by its sign. mark(list, plot, data, opts) with
-- data = {value (text), label (text or false), change (text or false),
-- sign (-1, 0, 1)} and opts = {theme}: theme.positive and theme.negative
-- colour the change, muted when there is none. The figure shrinks until it fits the
-- plot's width. Returns the text boxes.

local function kpi(list, plot, data, opts)
  local theme = opts.theme
  local small = {size = theme.sizes.label * 1.2, font = theme.font, color = theme.muted, anchor = "top"}
  local change_style = {size = theme.sizes.label * 1.2, font = theme.font, weight = "bold",
                        features = "tnum", anchor = "top"}
  local rest = 0
  if data.label then rest = rest + select(2, list:measure(data.label, small)) + theme.gap end
  if data.change then rest = rest + select(2, list:measure(data.change, change_style)) + theme.gap end
  local big = {font = theme.font, weight = "bold", color = theme.ink, features = "tnum", anchor = "top"}
  local size = math.max(theme.sizes.title * 4, theme.min_label_size)
  local w, h
  while true do
    big.size = size
    w, h = list:measure(data.value, big)
    if (w <= plot.width and h + rest <= plot.height) or size <= theme.min_label_size then break end
    size = math.max(size * 0.9, theme.min_label_size)
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
