-- sumi.format beyond numbers and percentages: signs, 万/億/兆 and k/M/bn,
-- currencies and dates, rounded half away from zero and never "-0".
local check = require "check"
local format = require "sumi.format"
local test = check.test

test("ja_units: 7e11 元 is 7,000億元 and 1.4e13 円 is 14兆円", function()
  check.equal(format.ja_units(7e11, {unit = "元"}), "7,000億元", "7e11")
  check.equal(format.ja_units(1.4e13, {unit = "円"}), "14兆円", "1.4e13")
end)

test("ja_units picks the largest unit that leaves at least 1", function()
  check.equal(format.ja_units(1.45e13), "14.5兆", "one decimal when there is one")
  check.equal(format.ja_units(5e4), "5万", "万")
  check.equal(format.ja_units(123456789), "1.2億", "億")
  check.equal(format.ja_units(9999), "9,999", "below 1万")
  check.equal(format.ja_units(0, {unit = "円"}), "0円", "zero")
  check.equal(format.ja_units(-7e11, {unit = "元"}), "-7,000億元", "negative")
end)

test("ja_units moves up when rounding reaches the next unit", function()
  check.equal(format.ja_units(99999999), "1億", "not 10,000万")
  check.equal(format.ja_units(999999999999.9, {decimals = 0}), "1兆", "not 10,000億")
end)

test("ja_units takes a forced scale and decimals", function()
  check.equal(format.ja_units(1.4e13, {scale = "億", unit = "円"}), "140,000億円", "億 forced")
  check.equal(format.ja_units(7e11, {scale = "兆"}), "0.7兆", "兆 forced below 1")
  check.equal(format.ja_units(1.4e13, {scale = ""}), "14,000,000,000,000", "no unit")
  check.equal(format.ja_units(123456789, {decimals = 2}), "1.23億", "2 decimals")
  check.equal(format.ja_units(1.4e13, {decimals = 1, unit = "円"}), "14.0兆円", "fixed decimals")
end)

test("compact: k, M, bn, tn", function()
  check.equal(format.compact(1.2e9), "1.2bn", "1.2e9")
  check.equal(format.compact(1234), "1.2k", "k")
  check.equal(format.compact(5.6e6), "5.6M", "M")
  check.equal(format.compact(3e12), "3tn", "tn")
  check.equal(format.compact(999), "999", "below 1k")
  check.equal(format.compact(999999), "1M", "not 1,000k")
  check.equal(format.compact(-2.5e6), "-2.5M", "negative")
  check.equal(format.compact(1.2e9, {scale = "M"}), "1,200M", "forced")
end)

test("signed and change show a sign, except on zero", function()
  check.equal(format.signed(1234), "+1,234", "positive")
  check.equal(format.signed(-1234), "-1,234", "negative")
  check.equal(format.signed(0), "0", "zero")
  check.equal(format.signed(-0.3), "0", "rounds to zero")
  check.equal(format.change(0.2), "+20.0%", "+20%")
  check.equal(format.change(-0.053), "-5.3%", "a fall")
  check.equal(format.change(0), "0.0%", "no change")
  check.equal(format.change(-0.00001), "0.0%", "never -0.0%")
  check.equal(format.change(0.25, {decimals = 0}), "+25%", "decimals")
end)

test("rounding: halfway goes away from zero, carries, no negative zero", function()
  check.equal(format.percent(0.9995), "100.0%", "0.9995")
  check.equal(format.number(2.5), "3", "2.5")
  check.equal(format.number(-2.5), "-3", "-2.5")
  check.equal(format.number(999.5), "1,000", "carry into a new group")
  check.equal(format.number(0.125, {decimals = 2}), "0.13", "exact tie")
  check.equal(format.number(2.675, {decimals = 2}), "2.67", "2.675 is below the tie in binary")
  check.equal(format.number(-0.0), "0", "-0.0")
  check.equal(format.percent(-0.0004), "0.0%", "tiny negative percent")
  check.equal(format.number(9007199254740993), "9,007,199,254,740,993", "integers exactly")
end)

test("currencies", function()
  check.equal(format.currency(1234.5, "USD"), "$1,234.50", "USD")
  check.equal(format.currency(1234.5, "JPY"), "¥1,235", "JPY")
  check.equal(format.currency(1234.5, "CNY"), "CN¥1,235", "CNY")
  check.equal(format.currency(-1234.5, "EUR"), "-€1,234.50", "negative EUR")
  check.equal(format.currency(0, "GBP"), "£0.00", "zero")
  check.equal(format.currency(1.2e9, "USD", {compact = true}), "$1.2bn", "compact")
  check.equal(format.currency(5.6e6, "USD", {compact = true}), "$5.6M", "5.6M")
  check.equal(format.currency(1234.5, "CNY", {decimals = 2}), "CN¥1,234.50", "decimals")
  check.equal(format.currency(1234, "CNY", {symbol = "RMB "}), "RMB 1,234", "symbol")
end)

test("dates from epoch seconds or ISO strings", function()
  check.equal(format.date_ja(1753488000), "2025年7月26日", "epoch")
  check.equal(format.date_ja("2025-07-26"), "2025年7月26日", "ISO string")
  check.equal(format.date_iso("2025-07-26"), "2025-07-26", "ISO to ISO")
  check.equal(format.date_iso(1753488000 + 86399), "2025-07-26", "last second of the day")
  check.equal(format.date_iso(-1), "1969-12-31", "before 1970")
  check.equal(format.date_iso("2024-02-29"), "2024-02-29", "leap day")
  check.equal(format.date_ja("2025-07-26", {weekday = true}), "2025年7月26日（土）", "weekday")
  check.equal(format.date_ja(0, {weekday = true}), "1970年1月1日（木）", "1970 was a Thursday")
end)

test("bad input is an error naming the function", function()
  check.errors(function() format.date_ja("2025-02-30") end,
    "format.date_ja: no such date: string \"2025-02-30\"", "Feb 30")
  check.errors(function() format.date_ja("2023-02-29") end, "no such date", "not a leap year")
  check.errors(function() format.date_iso("2025/07/26") end,
      "format.date_iso: the date must be a \"YYYY-MM-DD\" string; got",
    "slashes")
  check.errors(function() format.date_iso(1e300) end, "format.date_iso: the date is out of range",
      "far future")
  check.errors(function() format.currency(1, "XYZ") end, "format.currency: the currency must be one of",
      "code")
  check.errors(function() format.ja_units(1, {scale = "千"}) end,
    "format.ja_units: option 'scale' must be one of '兆', '億', '万', ''; got string \"千\"", "scale")
  check.errors(function() format.number(1, {decimal = 1}) end,
    "format.number: unknown option 'decimal' (valid options: decimals, digits, negative, separator, sign)",
    "misspelt option")
  check.errors(function() format.number(1, {decimals = 1.5}) end,
    "format.number: option 'decimals' must be an integer in [0, 20]; got number 1.5", "decimals")
  check.errors(function() format.change(0 / 0) end,
      "format.change: the value must be a finite number; got nan", "nan")
  check.errors(function() format.percent(1e307) end, "format.percent: the value is too large", "overflow")
end)

check.done()
