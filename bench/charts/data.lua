-- The data every case draws, shared by the sumi scripts of bench/charts.sh.
-- Made-up figures (regions and counts of AI models), the same in bar.py and
-- bench/floor/bar.h.
local M = {}

M.regions = {"北京", "上海", "広東", "浙江", "江蘇", "山東", "四川", "湖北"}
M.counts = {512, 389, 297, 154, 131, 78, 62, 45}

-- The bars of chart i of case (c): the same shape, other values.
function M.rows(i)
  local rows = {}
  for k, name in ipairs(M.regions) do
    rows[k] = {region = name, models = M.counts[k] + (i * 37 + k * 11) % 50}
  end
  return rows
end

M.bar_options = {x = "region", y = "models", title = "地域別の大規模AIモデル数",
  value_labels = "int", source = "ベンチマーク用の架空データ", theme = "slides"}

-- Case (b): n points of a noisy wave; x is the index.
function M.line_columns(n)
  local t, v = {}, {}
  local sin = math.sin
  for i = 1, n do
    t[i] = i
    v[i] = 50 * sin(i / 20000) + 10 * sin(i * 0.7) * sin(i * 0.013)
  end
  return t, v
end

return M
