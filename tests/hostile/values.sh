#!/bin/bash
# Awkward values reaching charts and sums (see lib.sh): NaN and infinities
# in a series, a pie of nothing and values too large for an axis are errors
# naming the chart, row and column, and keep the earlier good PDF; a
# constant series gets a sensible axis; an integer sum past 2^63 becomes a
# float instead of wrapping.
source "$(dirname "$0")/lib.sh"

# report.lua: -p case=NAME picks the values (computed in Lua, as a
# script's own arithmetic makes NaN and inf: the readers refuse them),
# draws the chart on a PDF page and prints the axis labels.
setup() {
  cat >report.lua <<'LUA'
local sumi = require "sumi"
local chart = require "sumi.chart"
local cases = {
  good = function() return chart.bar({{k = "a", v = 1}, {k = "b", v = 2}}, {x = "k", y = "v"}) end,
  nan_bar = function() return chart.bar({{k = "a", v = 1}, {k = "b", v = 0 / 0}}, {x = "k", y = "v"}) end,
  inf_line = function()
    return chart.line({{k = "a", v = 1}, {k = "b", v = 2}, {k = "c", v = -math.huge}}, {x = "k", y = "v"})
  end,
  inf_linear_x = function()
    return chart.line({{k = 1, v = 1}, {k = math.huge, v = 2}}, {x = "k", y = "v"})
  end,
  pie_zero = function() return chart.pie({{k = "a", v = 0}, {k = "b", v = 0}}, {label = "k", value = "v"}) end,
  bar_1e308 = function()
    return chart.bar({{k = "a", v = 1e308}, {k = "b", v = -1e308}}, {x = "k", y = "v"})
  end,
  line_1e308_dataset = function()
    local ds = sumi.data.from_rows({{k = 1, v = 1.7e308}, {k = 2, v = 1}}, {order = {"k", "v"}})
    return chart.line(ds, {x = "k", y = "v"})
  end,
  bar_1e300 = function()
    return chart.bar({{k = "a", v = 1e300}, {k = "b", v = -1e300}}, {x = "k", y = "v"})
  end,
  constant_line = function() return chart.line({{k = "a", v = 5}, {k = "b", v = 5}}, {x = "k", y = "v"}) end,
  zero_line = function() return chart.line({{k = "a", v = 0}, {k = "b", v = 0}}, {x = "k", y = "v"}) end,
  constant_x = function() return chart.line({{k = 3, v = 5}, {k = 3, v = 5}}, {x = "k", y = "v"}) end,
}
local c = sumi.canvas.pdf(nil, {size = "A5"})
local boxes = cases[sumi.params.case]():draw(c, {x = 20, y = 20, width = 360, height = 240})
local texts = {}
for _, b in ipairs(boxes) do
  assert(b.x == b.x and b.y == b.y and math.abs(b.x) < 1e4 and math.abs(b.y) < 1e4, "box off the page")
  texts[#texts + 1] = b.text
end
print("labels: " .. table.concat(texts, " "))
c:close()
LUA
  good_run -p case=good
}

case_chart_nan_and_infinity_in_a_series_fail_and_keep_output() {
  setup
  hostile_run "report.lua:28: chart.bar: row 2 of 'v' is not a finite number" -p case=nan_bar
  hostile_run "chart.line: row 3 of 'v' is not a finite number (number -inf)" -p case=inf_line
  hostile_run "chart.line: row 2 of 'k' is not a finite number (inf)" -p case=inf_linear_x
}

case_chart_pie_with_zero_total_fails_and_keeps_output() {
  setup
  hostile_run "chart.pie: the values of 'v' add up to 0: a pie needs a positive total" -p case=pie_zero
}

# cairo holds coordinates in 24.8 fixed point; a domain of ±1e308 has a span
# of inf, and its ticks nan. Values past ±1e300 are refused, naming them.
case_chart_values_past_1e300_are_refused_and_keep_output() {
  setup
  hostile_run "chart.bar: row 1 of 'v' is too large for an axis (1e+308; the limit is ±1e+300)" \
    -p case=bar_1e308
  hostile_run "chart.line: column 'v' holds a value too large for an axis (1.7e+308; the limit is ±1e+300)" \
    -p case=line_1e308_dataset
  run "$SUMI" render report.lua -o ok/report.pdf -p case=bar_1e300
  expect_code 0
  expect_contains "$OUT" "labels: " "stdout"
}

case_chart_constant_series_gets_a_sensible_axis() {
  setup
  run "$SUMI" render report.lua -o ok/report.pdf -p case=constant_line
  expect_code 0
  expect_contains "$OUT" "labels: 0 1 2 3 4 5 a b" "stdout"
  run "$SUMI" render report.lua -o ok/report.pdf -p case=zero_line
  expect_code 0
  expect_contains "$OUT" "labels: 0.0 0.2 0.4 0.6 0.8 1.0 a b" "stdout"
  run "$SUMI" render report.lua -o ok/report.pdf -p case=constant_x
  expect_code 0
  case "$OUT" in *nan* | *inf*) fail "an axis label is not a number: $OUT" ;; esac
}

# Integer sums are exact while they fit in 64 bits; past 2^63 they become
# floats (the whole aggregate column), never a wrapped negative number.
case_integer_sum_past_2_63_becomes_a_float() {
  setup
  printf 'g,n\na,9223372036854775807\na,9223372036854775807\nb,1\n' >big.csv
  cat >sum.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.read_csv(sumi.params.csv, {types = {n = "integer"}})
local sums = ds:group_by("g", {{"total", "sum", "n"}})
print(("%s %.17g %.17g"):format(sums:type("total"), sums:column("total")[1], sums:column("total")[2]))
local total = sumi.stats.sum(ds:column("n"))
print(("%s %.17g"):format(math.type(total), total))
local small = ds:filter(function(r) return r.g == "b" end):group_by("g", {{"total", "sum", "n"}})
print(("%s %s"):format(small:type("total"), small:column("total")[1]))
local c = sumi.canvas.pdf(nil, {size = "A5"})
c:close()
LUA
  run "$SUMI" render sum.lua -o ok/sum.pdf -p csv=big.csv
  expect_code 0
  expect_contains "$OUT" "number 1.8446744073709552e+19 1" "stdout"
  expect_contains "$OUT" "float 1.8446744073709552e+19" "stdout"
  expect_contains "$OUT" "integer 1" "stdout"
}

hostile_main
