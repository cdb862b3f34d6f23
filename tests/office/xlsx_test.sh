#!/bin/bash
# Excel workbooks (dataset:save_xlsx, document.new{workbook}) read back by
# openpyxl, as the people who receive them open them.
#   xlsx_test.sh SUMI SOURCE_DIR WORK_DIR CASE
# Each case is a function below; it fails through `fail MESSAGE`.
source "$(dirname "$0")/../lib/case.sh"

# Debian's python has python3-openpyxl; a python first on PATH may not.
PYTHON=/usr/bin/python3
READ="$SRC/tests/office/xlsx_read.py"

write_script() { # path, then the script on stdin
  mkdir -p "$(dirname "$1")"
  cat >"$1"
}

dump() { # FILE: the workbook as xlsx_read.py dump writes it, in DUMP
  DUMP=$("$PYTHON" "$READ" dump "$1") || fail "openpyxl cannot read $1: $DUMP"
}

expect_line() { # a line of DUMP, exactly
  printf '%s\n' "$DUMP" | grep -qxF -- "$1" || fail "the workbook lacks the line '$1'; it reads:
$DUMP"
}

width_of() { # column letter -> its width in DUMP
  printf '%s\n' "$DUMP" | sed -n "s/^width $1 //p" | head -1
}

# A dataset of every kind of value, with the formats a report gives them.
write_sales() {
  cat >sales.csv <<'CSV'
region,units,revenue,share,profit,day,month,quarter,listed
東京都,1234567,98765.25,0.4019,-1234,2025-07-26,2025-03,2025Q1,true
Osaka,42,-0.5,0.0512,5678,2024-02-29,2024-12,2024Q4,false
名古屋市中区の長い地域名,-7,1e-3,1,0,1999-12-31,1999-01,1999Q2,
CSV
}

# ---------------------------------------------------------------- datasets

# Values come back as the dataset holds them (numbers as numbers, dates as
# dates, booleans, empty cells), each column with the Excel format that
# shows what the named format shows in a PDF; the header is bold and
# frozen with a filter, columns are as wide as their content (Japanese
# counting double) and the source line is two rows under the table.
case_xlsx_dataset_values_and_formats_round_trip() {
  write_sales
  write_script report.lua <<'LUA'
local data = require "sumi.data"
local ds = data.read_csv("sales.csv", {title = "Sales: 2025", source = "出典：社内集計"})
local path = ds:save_xlsx("reports/sales.xlsx", {formats = {share = "pct1", profit = "tri0",
  revenue = "usd", units = "int"}, lang = "ja"})
assert(path == "reports/sales.xlsx", path)
LUA
  run "$SUMI" render report.lua
  expect_code 0
  run "$PYTHON" "$READ" compare reports/sales.xlsx "Sales_ 2025" sales.csv
  expect_code 0
  dump reports/sales.xlsx
  expect_line "sheet Sales_ 2025"
  expect_line "freeze A2"
  expect_line "filter A1:I4"
  expect_line "A1	str region	General bold"
  expect_line "A2	str 東京都	General"
  expect_line "B2	int 1234567	#,##0"
  expect_line "C3	float -0.5	\"\$\"#,##0.00"
  expect_line "D2	float 0.4019	#,##0.0%"
  expect_line "E2	int -1234	#,##0;\"△\"#,##0"
  expect_line "F2	date 2025-07-26	yyyy\"年\"m\"月\"d\"日\""
  expect_line "F3	date 2024-02-29	yyyy\"年\"m\"月\"d\"日\""
  expect_line "G2	date 2025-03-01	yyyy\"年\"m\"月\""
  expect_line "H2	str 2025Q1	General"
  expect_line "I2	bool true	General"
  expect_line "A6	str 出典：社内集計	General"
  printf '%s\n' "$DUMP" | grep -q '^I4' && fail "an empty value is not an empty cell: $DUMP"
  local region units quarter
  region=$(width_of A) units=$(width_of B) quarter=$(width_of H)
  [ -n "$region" ] && [ -n "$units" ] && [ -n "$quarter" ] || fail "columns without widths: $DUMP"
  # 12 Japanese characters are 24 columns wide; 1,234,567 about 9
  awk -v a="$region" -v b="$units" -v h="$quarter" 'BEGIN { exit !(a >= 24 && b > 9 && a > b && b > h && h > 0) }' ||
    fail "widths not from the content: region $region, units $units, quarter $quarter"

  # ISO dates without lang; columns in the order given, with titles and raw Excel codes
  write_script plain.lua <<'LUA'
local ds = require("sumi.data").read_csv("sales.csv")
ds:save_xlsx("reports/plain.xlsx", {sheet = "売上", source = false, columns = {"day", {key = "share",
  title = "シェア", excel = "0.00%"}, {key = "revenue", title = "売上高", format = "num2", width = 30}}})
LUA
  run "$SUMI" render plain.lua
  expect_code 0
  dump reports/plain.xlsx
  expect_line "sheet 売上"
  expect_line "A1	str day	General bold"
  expect_line "B1	str シェア	General bold"
  expect_line "A2	date 2025-07-26	yyyy-mm-dd"
  expect_line "B2	float 0.4019	0.00%"
  expect_line "C2	float 98765.25	#,##0.00"
  expect_line "width C 30.7"
  printf '%s\n' "$DUMP" | grep -q '^A6' && fail "source = false still writes a source line: $DUMP"
  true
}

# Every named format of sumi.template has its Excel code: a format added
# there and not to xlsx_format.c's table would be an error here.
case_xlsx_every_named_format_has_an_excel_code() {
  write_script formats.lua <<'LUA'
local sumi = require "sumi"
local names, values, columns = {}, {}, {}
for name in pairs(sumi.template.formats) do names[#names + 1] = name end
table.sort(names)
for i, name in ipairs(names) do
  values[name] = {-1234.5}
  columns[i] = {key = name, format = name}
end
sumi.data.from_columns(names, values):save_xlsx("reports/formats.xlsx", {columns = columns})
print(#names)
LUA
  run "$SUMI" render formats.lua
  expect_code 0
  dump reports/formats.xlsx
  [ "$(printf '%s\n' "$DUMP" | grep -c '^[A-Z]*2	')" -eq "$OUT" ] || fail "not one cell per format: $DUMP"
}

# ---------------------------------------------------------------- documents

# document.new{workbook = true}: beside the PDF, one sheet per table named
# after its caption or the heading it follows (made a name Excel takes),
# the tables' values with the formats their columns use, formatters too.
case_xlsx_document_workbook_has_a_sheet_per_table() {
  write_sales
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local format = sumi.format
local ds = sumi.data.read_csv("sales.csv", {source = "出典：社内集計"})
local doc = sumi.document.new{title = "売上報告", workbook = true}
doc:heading("地域別の売上: 2025年上期", 1)
doc:table(ds, {columns = {{key = "region", title = "地域"}, {key = "share", title = "構成比", format = "pct1"},
  {key = "profit", title = "利益", format = "tri0"}, {key = "revenue", title = "売上高"},
  {key = "day", title = "日付", format = "date_ja"}}})
doc:heading("前年比", 2)
doc:table({{"AI", 0.2345, -1234.5}, {"EV", -0.05, 99}},
  {caption = "成長率 [前年比]", columns = {{key = 1, title = "分野"},
    {key = 2, title = "伸び率", format = format.formatter("change", {decimals = 2})},
    {key = 3, title = "金額", format = format.formatter("currency", "USD", {negative = "parentheses"})}}})
doc:table({{"x", 3}}, {columns = {{key = 1, title = "名前"},
  {key = 2, title = "値", format = function(v) return v .. "件" end}}})
doc:heading("前年比", 2)
doc:table({{"y", 4}}, {columns = {{key = 1, title = "名前"}, {key = 2, title = "値", format = "paren0"}}})
local saved = doc:save()
assert(saved.files[#saved.files] == "reports/report.xlsx", saved.files[#saved.files])
LUA
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render report.lua
  expect_code 0
  [ -s reports/report.pdf ] || fail "no PDF"
  dump reports/report.xlsx
  [ "$(printf '%s\n' "$DUMP" | grep -c '^sheet ')" -eq 4 ] || fail "not 4 sheets: $DUMP"
  expect_line "sheet 地域別の売上_ 2025年上期"
  expect_line "sheet 成長率 _前年比_"
  expect_line "sheet 前年比"
  expect_line "sheet 前年比 (2)"
  expect_line "A1	str 地域	General bold"
  expect_line "B2	float 0.4019	#,##0.0%"
  expect_line "C2	int -1234	#,##0;\"△\"#,##0"
  expect_line "D2	float 98765.25	#,##0.0"
  expect_line "E2	date 2025-07-26	yyyy\"年\"m\"月\"d\"日\""
  expect_line "A6	str 出典：社内集計	General"
  expect_line "B2	float 0.2345	+#,##0.00%;-#,##0.00%;#,##0.00%"
  expect_line "C2	float -1234.5	\"\$\"#,##0.00;(\"\$\"#,##0.00)"
  expect_line "B2	int 3	General"
  expect_line "B2	int 4	#,##0;(#,##0)"
  "$PYTHON" - reports/report.xlsx <<'PY' || fail "sheet order or frozen headers wrong"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["地域別の売上_ 2025年上期", "成長率 _前年比_", "前年比", "前年比 (2)"], wb.sheetnames
assert all(ws.freeze_panes == "A2" for ws in wb.worksheets)
PY

  # A path of its own; no table at all is an error, not a silent nothing
  write_script none.lua <<'LUA'
local doc = require("sumi").document.new{title = "表なし", workbook = "reports/book.xlsx"}
doc:paragraph("本文")
doc:save()
LUA
  run "$SUMI" render none.lua
  expect_code 1
  expect_contains "$ERR" "none.lua:3: document:save: workbook = \"reports/book.xlsx\" but the document has no table" \
    "stderr"
  [ ! -e reports/none.pdf ] && [ ! -e reports/book.xlsx ] || fail "a failed run left files: $(ls reports)"
}

# ---------------------------------------------------------------- bad input

# A sheet name Excel refuses is an error at the script's line naming the
# rule, and nothing is written.
case_xlsx_bad_sheet_name_is_an_error_at_the_line() {
  local name rule
  for pair in "a/b|contains '/', which Excel forbids" "Q1[draft]|contains '['" \
    "'quoted'|apostrophe" "History|keeps for itself" "|is empty" \
    "三十二文字の名前三十二文字の名前三十二文字の名前三十二文字の名前|is 32 characters long (UTF-16 units); Excel allows at most 31"; do
    name=${pair%%|*} rule=${pair#*|}
    write_script bad.lua <<LUA
local ds = require("sumi.data").from_rows({{a = 1}})

ds:save_xlsx("reports/bad.xlsx", {sheet = "$name"})
LUA
    run "$SUMI" render bad.lua
    expect_code 1
    expect_contains "$ERR" "bad.lua:3: dataset:save_xlsx: option 'sheet': the sheet name" "stderr"
    expect_contains "$ERR" "$rule" "stderr"
    [ ! -e reports/bad.xlsx ] || fail "a workbook was written for sheet '$name'"
  done
  # 31 UTF-16 units is the limit: a character beyond the BMP counts two
  write_script ok.lua <<'LUA'
local ds = require("sumi.data").from_rows({{a = 1}})
ds:save_xlsx("reports/ok.xlsx", {sheet = string.rep("x", 29) .. "😀"})
LUA
  run "$SUMI" render ok.lua
  expect_code 0
  write_script long.lua <<'LUA'
local ds = require("sumi.data").from_rows({{a = 1}})
ds:save_xlsx("reports/long.xlsx", {sheet = string.rep("x", 30) .. "😀"})
LUA
  run "$SUMI" render long.lua
  expect_code 1
  expect_contains "$ERR" "is 32 characters long" "stderr"
  # A title that is no sheet name is fixed up, not refused: it is no option
  write_script title.lua <<'LUA'
local ds = require("sumi.data").from_rows({{a = 1}}, {title = "'Q1/Q2: 売上 [速報]'"})
ds:save_xlsx("reports/title.xlsx")
LUA
  run "$SUMI" render title.lua
  expect_code 0
  dump reports/title.xlsx
  expect_line "sheet Q1_Q2_ 売上 _速報_"
}

# A sheet past Excel's rows is an error naming the limit, checked before
# anything is written; a text past a cell's 32,767 characters names its
# row and column.
case_xlsx_too_many_rows_is_an_error() {
  write_script rows.lua <<'LUA'
local n = {}
for i = 1, 1048576 do n[i] = i end
local ds = require("sumi.data").from_columns({"n"}, {n = n})
ds:save_xlsx("reports/rows.xlsx", {source = false})
LUA
  run "$SUMI" render rows.lua
  expect_code 1
  expect_contains "$ERR" "rows.lua:4: dataset:save_xlsx: sheet 'Sheet1' needs 1048577 rows" "stderr"
  expect_contains "$ERR" "at most 1,048,576 rows" "stderr"
  [ ! -e reports/rows.xlsx ] || fail "a workbook was written"
  # The source line counts: one row fewer fits only without it
  write_script source.lua <<'LUA'
local n = {}
for i = 1, 1048574 do n[i] = i end
local ds = require("sumi.data").from_columns({"n"}, {n = n}, {source = "出典"})
ds:save_xlsx("reports/source.xlsx")
LUA
  run "$SUMI" render source.lua
  expect_code 1
  expect_contains "$ERR" "source.lua:4: dataset:save_xlsx: sheet 'Sheet1' needs 1048577 rows" "stderr"
  expect_contains "$ERR" "source = false" "stderr"
  write_script text.lua <<'LUA'
local ds = require("sumi.data").from_rows({{id = 1, memo = "短い"}, {id = 2, memo = string.rep("長", 32768)}},
  {order = {"id", "memo"}})
ds:save_xlsx("reports/text.xlsx")
LUA
  run "$SUMI" render text.lua
  expect_code 1
  expect_contains "$ERR" "text.lua:3: dataset:save_xlsx: sheet 'Sheet1', row 2, column 'memo': a text of 32768 characters; an Excel cell holds at most 32,767" "stderr"
  [ ! -e reports/text.xlsx ] || fail "a workbook was written"
}

# ---------------------------------------------------------------- the run's outputs

# With SOURCE_DATE_EPOCH, a rerun writes the same bytes (the zip's dates
# and the document's created date included), for datasets and documents.
case_xlsx_same_bytes_on_rerun_with_source_date_epoch() {
  write_sales
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.read_csv("sales.csv", {source = "出典：社内集計"})
ds:save_xlsx("reports/data.xlsx", {formats = {share = "pct1"}})
local doc = sumi.document.new{title = "売上", workbook = true}
doc:table(ds)
doc:save()
LUA
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render report.lua
  expect_code 0
  mkdir first
  cp reports/data.xlsx reports/report.xlsx first/
  sleep 1.1
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render report.lua
  expect_code 0
  cmp first/data.xlsx reports/data.xlsx || fail "dataset workbook differs on rerun"
  cmp first/report.xlsx reports/report.xlsx || fail "document workbook differs on rerun"
  "$PYTHON" -c 'import sys, openpyxl; c = openpyxl.load_workbook(sys.argv[1]).properties.created
assert c.strftime("%Y-%m-%d") == "2025-07-29", c' reports/data.xlsx || fail "created date is not SOURCE_DATE_EPOCH's"
}

# A run that fails after save_xlsx publishes nothing: the workbook of an
# earlier run stays as it was, and no temporary file is left.
case_xlsx_failed_run_keeps_earlier_workbook() {
  write_sales
  write_script report.lua <<'LUA'
local ds = require("sumi.data").read_csv("sales.csv")
ds:head(1):save_xlsx("reports/sales.xlsx")
LUA
  write_script fails.lua <<'LUA'
local ds = require("sumi.data").read_csv("sales.csv")
ds:save_xlsx("reports/sales.xlsx")
error("the report fails after saving")
LUA
  run "$SUMI" render report.lua
  expect_code 0
  cp reports/sales.xlsx before.xlsx
  run "$SUMI" render fails.lua
  expect_code 1
  expect_contains "$ERR" "fails.lua:3: the report fails after saving" "stderr"
  cmp before.xlsx reports/sales.xlsx || fail "the failed run replaced the earlier workbook"
  [ -z "$(ls -A reports | grep -v '^sales.xlsx$')" ] || fail "left behind: $(ls -A reports)"
}

# `sumi render x.lua -o out/x.xlsx`: save_xlsx without a path writes the
# -o file; without -o, reports/<script>.xlsx. sumi check writes nothing
# (its scratch copy is in TMPDIR and removed).
case_xlsx_render_o_xlsx_default_output() {
  write_sales
  write_script x.lua <<'LUA'
local ds = require("sumi.data").read_csv("sales.csv")
print(ds:save_xlsx())
LUA
  run "$SUMI" render x.lua -o out/x.xlsx
  expect_code 0
  expect_contains "$OUT" "out/x.xlsx" "stdout"
  dump out/x.xlsx
  expect_line "sheet Sheet1"
  run "$SUMI" render x.lua
  expect_code 0
  [ -s reports/x.xlsx ] || fail "no reports/x.xlsx"
  run "$SUMI" render x.lua -o out/x.pdf
  expect_code 1
  expect_contains "$ERR" "not a .xlsx file" "stderr"
  rm -rf out reports
  mkdir scratch
  run env TMPDIR="$PWD/scratch" "$SUMI" check x.lua
  expect_code 0
  [ ! -e out ] && [ ! -e reports ] && [ -z "$(ls -A scratch)" ] || fail "sumi check wrote: $(ls -AR)"
}

# Text that looks like Excel's own escape (_xHHHH_) stays the text it is,
# an id longer than Excel's 15 digits keeps every digit (as text), and
# lang with no date to write is an option that would do nothing.
case_xlsx_escapes_and_long_ids_keep_their_text() {
  write_script x.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.from_rows({{code = "_x0041_ bond", id = 123456789012345678, n = 999999999999999}},
  {order = {"code", "id", "n"}})
ds:save_xlsx("reports/ids.xlsx", {source = false})
if sumi.params.lang then ds:save_xlsx("reports/lang.xlsx", {lang = "ja"}) end
LUA
  run "$SUMI" render x.lua
  expect_code 0
  dump reports/ids.xlsx
  # Excel decodes _x005F_ back to "_" (ECMA-376 ST_Xstring);
  # openpyxl reads the text as stored.
  expect_line $'A2\tstr _x005F_x0041_ bond\tGeneral'
  expect_line $'B2\tstr 123456789012345678\tGeneral'
  expect_line $'C2\tint 999999999999999\t#,##0'
  run "$SUMI" render x.lua -p lang=1
  expect_code 1
  expect_contains "$ERR" "x.lua:5: dataset:save_xlsx: option 'lang' sets how dates are written" "stderr"
}

# Excel takes sheet names that differ only in case as one, in every
# script: the second table under "äpfel" gets a name of its own.
case_xlsx_sheet_names_differing_in_case_get_their_own() {
  write_script x.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "Obst", lang = "en", workbook = true, numbering = false}
for _, title in ipairs({"Äpfel", "äpfel", "ΑΓΟΡΑ", "αγορα"}) do
  doc:heading(title, 1)
  doc:table({{"Bern", 12}}, {columns = {{key = 1, title = "Stadt"}, {key = 2, title = "Kisten"}}})
end
doc:save("reports/obst.pdf")
LUA
  run "$SUMI" render x.lua
  expect_code 0
  dump reports/obst.xlsx
  expect_line "sheet Äpfel"
  expect_line "sheet äpfel (2)"
  expect_line "sheet ΑΓΟΡΑ"
  expect_line "sheet αγορα (2)"
}

case_main
