---@meta sumi.template
-- Editor annotations for sumi.template (engine/lua/sumi/template.lua).
-- docs/API.md §15 ("Report sentences") is the manual.

---Report sentences with computed figures in them: `{name}` takes `values.name` (a number with
---thousands separators, a string as it is), `{name:format}` passes it through a named format,
---`{{` and `}}` are literal braces. A placeholder with no value, an unknown format or a value a
---format cannot take is an error at the line that called fill. The named formats: int, num1, num2,
---plain, pct0, pct1, pct2, change0, change1, change2, signed, tri0, tri1 (△1,234), tri_black0,
---tri_black1 (▲1,234), paren0, paren2 ((1,234)), tri_change1 (△5.3%), sig2, sig3 (significant
---digits), points0, points1, points2 (+1.5ポイント), ja_units, mixed_units (1兆2,864億), compact,
---usd, jpy, cny, date_ja, date_iso; `format.formatter` makes more.
---@class sumi.template
---@field formats table<string, fun(value: any): string> The named formats ({x:pct1}); a script may add some.
local template = {}

---The text with every `{placeholder}` filled:
---`template.fill("世界全体{world}社の{share:pct1}", {world = 271, share = 71 / 271})`.
---@param text string
---@param values table<string, any>
---@return string filled
function template.fill(text, values) end

---@class sumi.TemplateNewOptions
---@field formats? table<string, fun(value: any): string> Its own formats, found before template.formats.
---@field lang? string A language tag (sumi.locale): adds its formats units, mixed_units, points, date, month.

---A template object whose own formats come before the shared ones:
---`template.new{formats = {name = function(value) return "..." end}, lang = "zh-CN"}`.
---@param options? sumi.TemplateNewOptions
---@return sumi.Template template
function template.new(options) end

---A set of sentences with formats of its own (`template.new`).
---@class sumi.Template
---@field formats table<string, fun(value: any): string> Its own formats, looked up before template.formats.
local Template = {}

---As `template.fill`, looking a format up in `t.formats` first, then in `template.formats`.
---@param text string
---@param values table<string, any>
---@return string filled
function Template:fill(text, values) end

return template
