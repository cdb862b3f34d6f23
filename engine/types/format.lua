---@meta sumi.format
-- Editor annotations for sumi.format (engine/lua/sumi/format.lua).
-- docs/API.md §15 ("Formatting numbers and dates") is the manual.

---Number and date formats that never depend on the machine's locale: the decimal point is
---always ".", thousands are grouped by sumi. Rounding is to the nearest, exactly halfway away
---from zero (四捨五入); a value that rounds to zero has no sign. Negatives are "-1,234" unless
---`negative` says "△1,234", "▲1,234" or "(1,234)". Anything but a finite number is an error.
---@class sumi.format
local format = {}

---@class sumi.FormatSignedOptions
---@field decimals? integer Places after the point, 0 to 20 (default 0; 1 for percent, change and points).
---@field digits? integer Significant digits, 1 to 17, instead of decimals: 12864 -> "12,900" with 3.
---@field separator? string The thousands separator (default ",").
---@field negative? "minus"|"triangle"|"black_triangle"|"parentheses" "-1,234" (default), "△1,234", "(1,234)".

---@class sumi.FormatNumberOptions : sumi.FormatSignedOptions
---@field sign? boolean true: a "+" before a positive number too, as format.signed (default false).

---`x` rounded, thousands grouped: 3755 -> "3,755"; `format.number(1234.5, {decimals = 1})` ->
---"1,234.5". Integers are exact, even beyond 2^53.
---@param value number
---@param options? sumi.FormatNumberOptions
---@return string text
function format.number(value, options) end

---With a sign, except on zero: 1234 -> "+1,234", -5 -> "-5", 0 -> "0".
---@param value number
---@param options? sumi.FormatSignedOptions
---@return string text
function format.signed(value, options) end

---A ratio as a percentage: `format.percent(1509 / 3755)` -> "40.2%" (1 decimal by default).
---@param ratio number
---@param options? sumi.FormatNumberOptions
---@return string text
function format.percent(ratio, options) end

---A change as a signed percentage: 0.2 -> "+20.0%", -0.053 -> "-5.3%", 0 -> "0.0%".
---@param ratio number
---@param options? sumi.FormatSignedOptions
---@return string text
function format.change(ratio, options) end

---@class sumi.FormatPointsOptions : sumi.FormatSignedOptions
---@field lang? string A language tag (sumi.locale): its word for points (default "ja").

---A difference of two shares in points, signed: `format.points(0.015)` -> "+1.5ポイント";
---"en" -> "+1.5pt", "zh-Hans" -> "+1.5个百分点", "zh-Hant" -> "+1.5個百分點", "ko" -> "+1.5%p".
---`diff` is a difference of ratios (0.40 - 0.385 = 0.015 is 1.5 points).
---@param diff number
---@param options? sumi.FormatPointsOptions
---@return string text
function format.points(diff, options) end

---@class sumi.FormatJaUnitsOptions : sumi.FormatNumberOptions
---@field unit? string Text after the scale, such as "円" or "元" (default "").
---@field scale? "兆"|"億"|"万"|"" Force one scale; "" for none (default: the largest the number reaches).
---@field mixed? boolean true: in several units, "1兆2,864億" (default false); not with scale or decimals.
---@field parts? integer With mixed: at most this many parts, 1 to 5, the last rounded (default 2).

---In 万, 億 or 兆, the largest the number reaches: `format.ja_units(7e11, {unit = "元"})` ->
---"7,000億元"; 1.4e13 with unit "円" -> "14兆円". Without decimals, one decimal when there is one.
---@param value number
---@param options? sumi.FormatJaUnitsOptions
---@return string text
function format.ja_units(value, options) end

---@class sumi.FormatUnitsOptions : sumi.FormatNumberOptions
---@field unit? string Text after the scale, such as "元" (default "").
---@field scale? string Force one unit of the language; "" for none (default: the largest reached).
---@field lang? string A language tag (sumi.locale): "ja", "zh-Hans", "ko", "en", ... (default "ja").
---@field mixed? boolean true: in several units, "1万2,864亿", "1조 2,864억" (default false; not in en).
---@field parts? integer With mixed: at most this many parts, 1 to 5, the last rounded (default 2).

---Large numbers in the units of a language (sumi.locale): `format.units(7e11, {lang = "zh-Hans",
---unit = "元"})` -> "7,000亿元"; "ko" with unit "원" -> "7,000억 원"; "en" -> "700bn".
---@param value number
---@param options? sumi.FormatUnitsOptions
---@return string text
function format.units(value, options) end

---@class sumi.FormatMoneyOptions : sumi.FormatNumberOptions
---@field currency? string Another word for the currency (default: the language's: 円, 元, 원, US$).
---@field scale? string Force one unit of the language; "" for none (default: the largest reached).
---@field lang? string A language tag (sumi.locale) (default "ja").
---@field mixed? boolean true: in several units, "1兆2,864億円" (default false; not in en).
---@field parts? integer With mixed: at most this many parts, 1 to 5, the last rounded (default 2).

---Money in a language's own form, in its large units and with its currency word:
---`format.money(7e11)` -> "7,000億円"; `{lang = "zh-Hans"}` -> "7,000亿元"; "en" -> "US$700bn".
---@param value number
---@param options? sumi.FormatMoneyOptions
---@return string text
function format.money(value, options) end

---@class sumi.FormatCompactOptions : sumi.FormatNumberOptions
---@field scale? "tn"|"bn"|"M"|"k"|"" Force one scale; "" for none (default: the largest the number reaches).

---In k, M, bn or tn: `format.compact(1.2e9)` -> "1.2bn", 5.6e6 -> "5.6M".
---@param value number
---@param options? sumi.FormatCompactOptions
---@return string text
function format.compact(value, options) end

---@class sumi.FormatCurrencyOptions
---@field decimals? integer Places after the point, 0 to 20 (default: 2 for USD, EUR, GBP; 0 for the others).
---@field digits? integer Significant digits, 1 to 17, instead of decimals.
---@field negative? "minus"|"triangle"|"black_triangle"|"parentheses" "-$1.00" (default), "△$1.00", "($1.00)".
---@field sign? boolean true: a "+" before a positive amount too (default false).
---@field symbol? string Another symbol, such as "US$" (default: the currency's, as CLDR writes it).
---@field compact? boolean true: in k, M, bn, tn, as format.compact: "$1.2bn" (default false).

---Money with the currency's symbol before the number, rounded to the places the currency is
---quoted in: `format.currency(1234.5, "USD")` -> "$1,234.50"; "JPY" -> "¥1,235"; "CNY" -> "CN¥1,235".
---@param value number
---@param code "USD"|"EUR"|"GBP"|"JPY"|"CNY"|"KRW"
---@param options? sumi.FormatCurrencyOptions
---@return string text
function format.currency(value, code, options) end

---@class sumi.FormatDateJaOptions
---@field weekday? boolean true: adds the day of the week: "2025年7月26日（土）" (default false).

---A date in Japanese: "2025年7月26日". `date` is seconds since 1970-01-01 UTC (what
---`sumi.epoch()` gives) or a "YYYY-MM-DD" string that is a real date; the years 1 to 9999.
---@param date integer|string
---@param options? sumi.FormatDateJaOptions
---@return string text
function format.date_ja(date, options) end

---@class sumi.FormatDateOptions
---@field lang? string A language tag (sumi.locale) (default "ja").
---@field weekday? boolean true: adds the day of the week: "（土）", " (Sat)" (default false).
---@field day? boolean false: the month alone: "2025年7月", "July 2025" (default true).

---A date as the language writes it: "2025年7月26日", "2025년 7월 26일", "26 July 2025".
---`date` is seconds since 1970-01-01 UTC or a "YYYY-MM-DD" string.
---@param date integer|string
---@param options? sumi.FormatDateOptions
---@return string text
function format.date(date, options) end

---ISO 8601 date: `format.date_iso(1753488000)` -> "2025-07-26". `date` is seconds since
---1970-01-01 UTC or a "YYYY-MM-DD" string.
---@param date integer|string
---@return string text
function format.date_iso(date) end

---A format with its arguments after the value fixed and checked now, for a table's column
---format, a chart's value_labels, y_format or KPI format and template.formats:
---`format.formatter("number", {negative = "triangle"})` writes -1234 as "△1,234";
---`format.formatter("currency", "USD", {negative = "parentheses"})`. `name` is one of number,
---signed, percent, change, points, ja_units, units, money, compact, currency, date, date_ja,
---date_iso. Arguments after the value (a chart's row) are ignored.
---@param name string
---@param ... any The arguments the format takes after the value: its options (a code first for currency).
---@return fun(value: any): string formatter
function format.formatter(name, ...) end

return format
