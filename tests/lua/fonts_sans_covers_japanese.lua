-- sumi's own font configuration resolves the families API.md names.
local check = require "check"
local sumi = require "sumi"
local test = check.test

test("sumi.fonts.resolve('sans').japanese is true", function()
  local sans = check.is_true(sumi.fonts.resolve("sans"), "resolve('sans')")
  check.equal(sans.japanese, true, "japanese")
  check.equal(sans.chinese, true, "chinese")
  check.equal(sans.family, "Noto Sans CJK JP", "family")
  check.is_true(sans.file:find("/", 1, true), "file is a path")
end)

test("serif also covers Japanese", function()
  check.equal(sumi.fonts.resolve("serif").japanese, true, "serif")
end)

test("text tagged Chinese resolves to the SC and TC faces", function()
  check.equal(sumi.fonts.resolve("sans", "zh-cn").family, "Noto Sans CJK SC", "sans zh-cn")
  check.equal(sumi.fonts.resolve("serif", "zh-cn").family, "Noto Serif CJK SC", "serif zh-cn")
  check.equal(sumi.fonts.resolve("sans", "zh-tw").family, "Noto Sans CJK TC", "sans zh-tw")
end)

test("mono resolves to DejaVu Sans Mono", function()
  check.equal(sumi.fonts.resolve("mono").family, "DejaVu Sans Mono", "mono")
end)

test("a family the machine lacks falls back to sans", function()
  check.equal(sumi.fonts.resolve("No Such Family 123").family, "Noto Sans CJK JP", "fallback")
end)

check.done()
