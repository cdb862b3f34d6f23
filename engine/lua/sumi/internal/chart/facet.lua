-- Small multiples (chart.facet): one panel per value of a column, every
-- panel a chart of the same kind made by sumi.chart's constructor, with one
-- value axis for all of them.
local alt = require "sumi.internal.chart.alt"
local compose = require "sumi.internal.chart.compose"
local unused = require "sumi.internal.unused"
local errors = require "sumi.internal.errors"
local locale = require "sumi.locale"
local options = require "sumi.internal.options"
local themes = require "sumi.theme"

local facet = {}

local Facet = setmetatable({}, {__index = compose.Chart})
Facet.__index = Facet

-- The facet's own options; every other option goes to each panel.
local facet_spec = {
  by = {default = false, type = "string"},
  chart = {default = "bar", type = "string"},
  columns = {default = false, type = "integer", min = 1},
  shared = {default = true, type = "boolean"},
  title = {default = false, type = "string"}, subtitle = {default = false, type = "string"},
  source = {default = true, type = "string|boolean"}, notes = {default = true, type = "string|boolean"},
  theme = false, lang = locale.option("ja"), name = false,
  legend = compose.legend_option, alt = alt.option,
}

-- The records of data split by the values of column `by`, in the order
-- the values first appear; a dataset gives only the columns the panels use.
local function split_rows(data, by, wanted, fn)
  local rows = {}
  local source, notes
  if type(data) == "userdata" then
    local names, have = data:names(), {}
    for _, name in ipairs(names) do have[name] = true end
    local columns, n = {}, 0
    for _, name in ipairs(wanted) do
      if not have[name] then
        errors.raise("%s: no column '%s' (columns: %s)", fn, name, table.concat(names, ", "))
      end
      columns[name], n = data:column(name)
    end
    for i = 1, n do
      local r = {}
      for _, name in ipairs(wanted) do r[name] = columns[name][i] end
      rows[i] = r
    end
    source, notes = data:meta().source, data:meta().notes
  elseif type(data) == "table" then
    rows = data
  else
    errors.raise("%s: data must be a dataset or an array of records; got %s", fn, type(data))
  end
  local groups, order = {}, {}
  for i, r in ipairs(rows) do
    local key = r[by]
    if key == nil then errors.raise("%s: row %d has no '%s'", fn, i, by) end
    key = tostring(key)
    if not groups[key] then
      groups[key] = {}
      order[#order + 1] = key
    end
    table.insert(groups[key], r)
  end
  return groups, order, source, notes
end

--- facet.new(chart, data, options, specs) -> chart.facet(data, options), the
--- panels made by chart[options.chart]: small multiples, one panel per
--- value of the column `by`, every panel the same kind of chart (option
--- chart: "bar", "line", ...) with the same value axis (shared = true) so
--- that panels compare at a glance. options: by, chart, columns (panels
--- per row; default from the count), shared, the frame's title, subtitle,
--- source, theme, lang, name, legend, alt; every other option goes to each
--- panel (x, y, mode, value_labels, ...). specs: the options spec of each
--- kind of panel, by name: an option that neither the facet nor its kind of
--- panel takes is an error listing both's.
function facet.new(chart, data, opts, specs)
  if type(opts) ~= "table" then
    errors.raise("chart.facet: options must be a table; got %s", errors.show(opts))
  end
  local kind = opts.chart == nil and facet_spec.chart.default or opts.chart
  local panel_spec = type(kind) == "string" and specs[kind]
  if not panel_spec then
    options.fail("chart.facet", "chart", "bar, line, combo, pie or another chart taking data", opts.chart)
  end
  local valid = options.merge(panel_spec, facet_spec)
  local unknown = options.unknown_key(opts, valid)
  if unknown ~= nil then
    errors.raise("chart.facet: unknown option '%s' (valid options: %s)", tostring(unknown),
      table.concat(options.sorted_keys(valid), ", "))
  end
  local own, panel_opts = {}, {}
  for k, v in pairs(opts) do
    if facet_spec[k] ~= nil and k ~= "theme" and k ~= "lang" then own[k] = v else panel_opts[k] = v end
    if k == "theme" or k == "lang" then own[k] = v end
  end
  local o = options.check("chart.facet", own, facet_spec)
  if not o.by then errors.raise("chart.facet: option 'by' is missing (the column that splits the panels)") end
  local make_panel = type(o.chart) == "string" and chart[o.chart]
  if type(make_panel) ~= "function" or o.chart == "facet" or o.chart == "kpi" or o.chart == "part" then
    options.fail("chart.facet", "chart", "bar, line, combo, pie or another chart taking data", o.chart)
  end
  local wanted = {o.by}
  for _, key in ipairs({"x", "y", "bars", "lines", "color", "label", "value", "size"}) do
    local v = panel_opts[key]
    if type(v) == "string" then wanted[#wanted + 1] = v end
    if type(v) == "table" then
      for _, c in ipairs(v) do wanted[#wanted + 1] = c end
    end
  end
  local groups, order, source, notes = split_rows(data, o.by, wanted, "chart.facet")
  if #order == 0 then errors.raise("chart.facet: no rows to split") end
  local self = setmetatable({kind = "facet", options = o, panels = {}, lang_given = own.lang ~= nil}, Facet)
  self.theme = themes.get(o.theme or nil, "chart.facet")
  self.data = {categories = {}, series = {}, n = 0}
  panel_opts.theme, panel_opts.lang = self.theme, o.lang
  panel_opts.source, panel_opts.notes = false, false
  -- The legend, once for the figure: above, below or at the right of the
  -- panels; "end" names each panel's lines at their ends instead. A pie
  -- has no legend to turn off: its slices carry their names.
  o.legend = compose.legend_place(o.legend)
  if o.legend == "end" and o.chart ~= "line" then
    options.fail("chart.facet", "legend", '"top", "bottom", "right", "none", true or false ("end" names the '
      .. "lines at their ends: panels of chart = \"line\" only)", "end")
  end
  if o.chart ~= "pie" then panel_opts.legend = o.legend == "end" and "end" or false end
  local ok, err = compose.unregistered(function()
    for _, key in ipairs(order) do
      local po = options.copy(panel_opts)
      po.title = key
      local panel = make_panel(groups[key], po)
      panel.panel = true
      self.panels[#self.panels + 1] = panel
    end
  end)
  if not ok then error(err, 0) end -- raised at the script's line already
  -- one value axis for all: the union of the panels' ranges
  if o.shared and self.panels[1].data.series[1] and self.panels[1].kind ~= "pie" then
    local lo, hi = math.huge, -math.huge
    for _, p in ipairs(self.panels) do
      local a, b = compose.value_extent(p)
      lo, hi = math.min(lo, a), math.max(hi, b)
    end
    for _, p in ipairs(self.panels) do
      if not p.options.y_domain then p.options.y_domain = {lo, hi} end
    end
  end
  local first = self.panels[1]
  -- the legend, once for all panels: the first panel's series or groups
  self.data.series, self.groups, self.bars = first.data.series, first.groups, first.bars
  self.legend_kind = first.kind
  compose.set_source(self, source, notes)
  return compose.register(self)
end

function Facet:compose(canvas, box)
  unused.used(self)
  box = compose.whole_box(canvas, box)
  local list = compose.figure_list(canvas, self.options.lang)
  local kind = self.kind
  self.kind = self.legend_kind -- the frame draws the panels' legend
  local area = compose.frame(self, list, box)
  self.kind = kind
  local n = #self.panels
  local columns = self.options.columns or (n <= 3 and n or n == 4 and 2 or 3)
  local rows = math.ceil(n / columns)
  local w, h = area.width / columns, area.height / rows
  for i, panel in ipairs(self.panels) do
    local col, row = (i - 1) % columns, (i - 1) // columns
    local sub = panel:compose(canvas, {x = area.x + col * w, y = area.y + row * h, width = w, height = h})
    for _, item in ipairs(sub.items) do list.items[#list.items + 1] = item end
  end
  return list
end


return facet
