-- A value in a message is shown by its type, then itself, alike in the Lua
-- library (sumi.internal.options, errors.show) and in the C modules
-- (core/options.c): got string "12", got number 3, got boolean false, got
-- nil, got table. A value left out reads nil, never the option's default
-- standing in for it. Every message starts at the script's file:line.
local check = require "check"
local here, message_of = check.here, check.message_of
local sumi = require "sumi"
local chart = require "sumi.chart"
local test = check.test

local rows = {{k = "a", v = 1}, {k = "b", v = 2}}

-- m is the message of an error raised on the line where w was taken.
local function exact(m, w, expected, what)
  check.is_true(w:find("messages_show_values_by_type.lua:%d+: $"), "here() gives file:line")
  check.equal(m, w .. expected, what)
end

test("a string where a number is wanted: got string \"12\", not got 12", function()
  local m, w = message_of(function() chart.kpi{value = "12"} end), here()
  exact(m, w, "chart.kpi: option 'value' must be a number; got string \"12\"", "Lua")
  m, w = message_of(function() sumi.canvas.png(nil, {width = "12", height = 10}) end), here()
  exact(m, w, "canvas.png: option 'width' must be a number in [1, 32767]; got string \"12\"", "C")
end)

test("a value left out: got nil, not the default false", function()
  local m, w = message_of(function() chart.kpi{label = "売上"} end), here()
  exact(m, w, "chart.kpi: option 'value' must be a finite number; got nil", "kpi without value")
end)

test("numbers: got number 3, got number nan", function()
  local m, w = message_of(function() chart.bar(rows, {x = 3, y = "v"}) end), here()
  exact(m, w, "chart.bar: option 'x' must be a string; got number 3", "Lua integer")
  m, w = message_of(function() chart.pie(rows, {label = "k", value = "v", donut = 0.95}) end), here()
  exact(m, w, "chart.pie: option 'donut' must be a number in [0, 0.9]; got number 0.95", "Lua float")
  m, w = message_of(function() chart.kpi{value = 0 / 0} end), here()
  exact(m, w, "chart.kpi: option 'value' must be a finite number; got number nan", "Lua nan")
  m, w = message_of(function() sumi.canvas.pdf(nil, {title = 3}) end), here()
  exact(m, w, "canvas.pdf: option 'title' must be a string; got number 3", "C integer")
  m, w = message_of(function() sumi.canvas.png(nil, {width = 0 / 0, height = 10}) end), here()
  exact(m, w, "canvas.png: option 'width' must be a number in [1, 32767]; got number nan", "C nan")
end)

test("booleans: got boolean false, got boolean true", function()
  local m, w = message_of(function() chart.pie(rows, {label = "k", value = "v", donut = false}) end), here()
  exact(m, w, "chart.pie: option 'donut' must be a number in [0, 0.9]; got boolean false", "Lua false")
  m, w = message_of(function() chart.kpi{value = true} end), here()
  exact(m, w, "chart.kpi: option 'value' must be a number; got boolean true", "Lua true")
  m, w = message_of(function() sumi.canvas.pdf(nil, {title = false}) end), here()
  exact(m, w, "canvas.pdf: option 'title' must be a string; got boolean false", "C false")
end)

test("tables and functions by their type alone", function()
  local m, w = message_of(function() chart.bar(rows, {x = "k", y = "v", title = {}}) end), here()
  exact(m, w, "chart.bar: option 'title' must be a string or a number; got table", "Lua table")
  m, w = message_of(function() sumi.canvas.pdf(nil, {title = print}) end), here()
  exact(m, w, "canvas.pdf: option 'title' must be a string; got function", "C function")
end)

test("options that are not a table show what they are", function()
  local m, w = message_of(function() chart.bar(rows, "x") end), here()
  exact(m, w, "chart.bar: options must be a table; got string \"x\"", "Lua")
  m, w = message_of(function() sumi.canvas.pdf(nil, "A4") end), here()
  exact(m, w, "canvas.pdf: options must be a table; got string \"A4\"", "C")
end)

test("a line break in a string is shown as \\10 by Lua and C alike", function()
  local m, w = message_of(function() chart.bar(rows, {x = "k", y = "v", mode = "a\nb"}) end), here()
  exact(m, w, "chart.bar: option 'mode' must be one of grouped, stacked, percent; got string "
    .. "\"a\\10b\"", "Lua")
  m, w = message_of(function() sumi.canvas.pdf(nil, {orientation = "a\nb"}) end), here()
  exact(m, w, "canvas.pdf: option 'orientation' must be one of portrait, landscape; got string "
    .. "\"a\\10b\"", "C")
end)

test("a value in a chart's data is shown the same way", function()
  local m, w = message_of(function() chart.bar({{k = "a", v = "12"}}, {x = "k", y = "v"}) end), here()
  exact(m, w, "chart.bar: row 1 of 'v' is not a finite number (string \"12\")", "a string in a column")
end)

check.done()
