---@meta sumi.fonts
-- Editor annotations for sumi.fonts (docs/API.md §13): how font families
-- resolve per language, and the language tags text takes. They describe;
-- they do not run.

---The font a family resolves to first for text in a language (`sumi.fonts.resolve`).
---@class sumi.FontMatch
---@field family string The face's family name, e.g. "Noto Sans CJK JP".
---@field file string The face's font file.
---@field covers boolean The face and the fonts behind it hold the language's common characters.
---@field japanese boolean The face itself has kana and common kanji.
---@field chinese boolean The face itself has common simplified hanzi.
---@field korean boolean The face itself has Hangul.

---Fonts and languages: `local fonts = require "sumi.fonts"` (also `sumi.fonts`).
---@class sumi.fonts
local fonts = {}

---The font `family` resolves to first for text in `lang`.
---@param family string "sans", "serif", "mono" or a family name.
---@param lang? string A language tag; default "ja".
---@return sumi.FontMatch? font nil when nothing resolves.
---@return string? message Why, when font is nil.
function fonts.resolve(family, lang) end

---A language tag's canonical form and the name fontconfig knows the language by:
---`fonts.language("zh-CN")` is "zh-Hans", "zh-cn"; nil for a tag sumi does not know.
---@param tag string
---@return string? canonical
---@return string? fontconfig
function fonts.language(tag) end

---The canonical language tags: the engine's ("ja", "zh-Hans", "zh-Hant", "zh-HK", "ko",
---"en"), then those the run defined.
---@return string[] tags
function fonts.languages() end

---Adds a language of the script's own for the rest of the run, set with the fonts and line
---breaking of the engine's language `like` (default: the tag itself, as fontconfig knows it).
---`sumi.locale.define` calls it; scripts use that.
---@param tag string A tag the engine does not have.
---@param like? string One of the engine's language tags.
---@return string tag
function fonts.define_language(tag, like) end

return fonts
