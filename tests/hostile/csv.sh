#!/bin/bash
# Hostile CSV input through `sumi render` (see lib.sh): a failed read exits
# 1 with the file, line and field in the message and keeps the earlier good
# PDF; awkward but valid input (a 10 MB field, Shift_JIS with its encoding,
# a BOM, CRLF) reads right. Large inputs are generated here, not committed.
source "$(dirname "$0")/lib.sh"

# report.lua reads -p csv=FILE with the options in -p opts='{...}', prints
# the row count and each column's type and first value, and writes a PDF.
setup() {
  cat >report.lua <<'LUA'
local sumi = require "sumi"
local opts = assert(load("return " .. (sumi.params.opts or "{}"), "opts", "t", {}))()
local ds = sumi.data.read_csv(sumi.params.csv, opts)
print(("rows=%d"):format(#ds))
for _, name in ipairs(ds:names()) do
  local first = ds:column(name)[1]
  if type(first) == "string" and #first > 40 then first = ("<%d bytes>"):format(#first) end
  print(("%s:%s=%s"):format(name, ds:type(name), tostring(first)))
end
local c = sumi.canvas.pdf(nil, {size = "A5"})
c:text(("%d rows"):format(#ds), 20, 20)
c:close()
LUA
  printf 'id,name\n1,東京\n' >good.csv
  good_run -p csv=good.csv
  expect_contains "$OUT" "name:string=東京" "good run"
}

# read_ok FILE [OPTS]: the read must succeed; OUT holds the summary. Its
# PDF goes elsewhere, so out/ keeps the good run's.
read_ok() {
  run "$SUMI" render report.lua -o ok/report.pdf -p "csv=$1" -p "opts=${2:-{\}}"
  expect_code 0
}

case_csv_ragged_row_fails_and_keeps_output() {
  setup
  printf 'name,count\nmodels,1509\nunicorns,71,extra\n' >bad.csv
  hostile_run "bad.csv:3: 3 fields, but the header has 2" -p csv=bad.csv
  printf 'a,b,c\n1,2,3\n4,5\n' >short.csv
  hostile_run "short.csv:3: 2 fields, but the header has 3" -p csv=short.csv
}

case_csv_unterminated_quote_fails_and_keeps_output() {
  setup
  printf 'id,note\n1,ok\n2,"never closed\n3,x\n' >bad.csv
  hostile_run "bad.csv:3: field 2 ('note'): quoted field never closed" -p csv=bad.csv
  printf 'id,note\n1,"x"y\n' >after.csv
  hostile_run "after.csv:2: field 2 ('note'): text after a closing quote" -p csv=after.csv
  printf 'id,note\n1,x"y\n' >inside.csv
  hostile_run "inside.csv:2: field 2 ('note'): quote inside an unquoted field" -p csv=inside.csv
}

case_csv_empty_file_fails_and_keeps_output() {
  setup
  : >empty.csv
  hostile_run "empty.csv: empty file (a header row is expected)" -p csv=empty.csv
  printf '\xEF\xBB\xBF\r\n\n' >blank.csv
  hostile_run "blank.csv: empty file" -p csv=blank.csv
}

case_csv_header_alone_gives_zero_rows() {
  setup
  printf 'region,count\r\n' >header.csv
  read_ok header.csv
  expect_contains "$OUT" "rows=0" "stdout"
  expect_contains "$OUT" "count:string=nil" "stdout"
}

case_csv_duplicate_column_names_fail_and_keep_output() {
  setup
  printf 'id,name,id\n1,a,2\n' >dup.csv
  hostile_run "dup.csv:1: column name 'id' appears twice" -p csv=dup.csv
  printf 'id,,x\n1,2,3\n' >unnamed.csv
  hostile_run "unnamed.csv:1: column 2 has an empty name" -p csv=unnamed.csv
}

case_csv_ten_megabyte_field_reads_whole() {
  setup
  { printf 'id,text\n1,"'; head -c 10485760 /dev/zero | tr '\0' 'x'; printf '"\n2,short\n'; } >big.csv
  read_ok big.csv
  expect_contains "$OUT" "rows=2" "stdout"
  expect_contains "$OUT" "text:string=<10485760 bytes>" "stdout"
}

case_csv_wide_header_is_refused() {
  setup
  awk 'BEGIN { for (i = 1; i <= 20000; i++) printf "c%d%s", i, i < 20000 ? "," : "\n" }' >wide.csv
  hostile_run "wide.csv:1: more than 16384 fields in the first record" -p csv=wide.csv
}

case_csv_quote_storm_fails_fast() {
  setup
  { printf 'a\n'; head -c 5000001 /dev/zero | tr '\0' '"'; } >storm.csv
  hostile_run "storm.csv:2: field 1 ('a'): quoted field never closed" -p csv=storm.csv
}

case_csv_nan_and_infinity_stay_text_and_negative_zero_is_zero() {
  setup
  printf 'nan,inf,huge,negzero,max\nNaN,Infinity,1e999,-0.0,1e308\n1,2,3,-0,-1e308\n' >special.csv
  read_ok special.csv
  expect_contains "$OUT" "nan:string=NaN" "stdout"
  expect_contains "$OUT" "inf:string=Infinity" "stdout"
  expect_contains "$OUT" "huge:string=1e999" "stdout"
  expect_contains "$OUT" "negzero:number=0.0" "stdout"
  expect_contains "$OUT" "max:number=1e+308" "stdout"
}

case_csv_forced_number_refuses_nan_infinity_and_overflow() {
  setup
  printf 'v\n1.5\nnan\n' >nan.csv
  hostile_run "nan.csv:3: field 1 ('v'): expected a number, got 'nan' (NaN and infinities are not data)" \
    -p csv=nan.csv -p 'opts={types = {v = "number"}}'
  printf 'v\n-inf\n' >inf.csv
  hostile_run "inf.csv:2: field 1 ('v'): expected a number, got '-inf'" \
    -p csv=inf.csv -p 'opts={types = {v = "number"}}'
  printf 'v\n1e308\n1e999\n' >huge.csv
  hostile_run "huge.csv:3: field 1 ('v'): expected a number, got '1e999' (too large for a number)" \
    -p csv=huge.csv -p 'opts={types = {v = "number"}}'
}

case_csv_forced_type_that_does_not_parse_fails() {
  setup
  printf 'region,count\nTokyo,12\n"Osaka\nKita",n/a\n' >bad.csv
  hostile_run "bad.csv:4: field 2 ('count'): expected an integer, got 'n/a'" \
    -p csv=bad.csv -p 'opts={types = {count = "integer"}}'
  printf 'day\n2025-02-30\n' >day.csv
  hostile_run "day.csv:2: field 1 ('day'): expected a date (YYYY-MM-DD), got '2025-02-30'" \
    -p csv=day.csv -p 'opts={types = {day = "date"}}'
  hostile_run "data.read_csv: option 'types' names no column 'cuont' in bad.csv" \
    -p csv=bad.csv -p 'opts={types = {cuont = "integer"}}'
}

case_csv_invalid_utf8_names_line_column_and_offset() {
  setup
  printf 'city,population\nTokyo,14\nK\xf6ln,1\n' >latin1.csv
  hostile_run "latin1.csv:3: not valid UTF-8 (byte 0xF6 at column 2, file offset 26); save the file as UTF-8 or pass encoding" \
    -p csv=latin1.csv
  printf 'a\n\xed\xa0\x80\n' >surrogate.csv
  hostile_run "surrogate.csv:2: not valid UTF-8 (byte 0xED at column 1, file offset 2)" -p csv=surrogate.csv
  printf 'a,b\n1,x\0y\n' >nul.csv
  hostile_run "nul.csv:2: NUL byte at column 4 (file offset 7)" -p csv=nul.csv
}

# 地域,件数 / 東京,3 / 大阪,2 in Shift_JIS (cp932), with CRLF as Excel writes
sjis() { printf '\x92\x6e\x88\xe6,\x8c\x8f\x90\x94\r\n\x93\x8c\x8b\x9e,3\r\n\x91\xe5\x8d\xe3,2\r\n'; }

case_csv_shift_jis_without_encoding_fails() {
  setup
  sjis >sjis.csv
  hostile_run "sjis.csv:1: not valid UTF-8 (byte 0x92 at column 1, file offset 0); save the file as UTF-8 or pass encoding" \
    -p csv=sjis.csv
}

case_csv_shift_jis_with_encoding_reads() {
  setup
  sjis >sjis.csv
  read_ok sjis.csv '{encoding = "cp932"}'
  expect_contains "$OUT" "rows=2" "stdout"
  expect_contains "$OUT" "地域:string=東京" "stdout"
  expect_contains "$OUT" "件数:integer=3" "stdout"
  read_ok sjis.csv '{encoding = "shift_jis"}'
  expect_contains "$OUT" "地域:string=東京" "stdout"
  { sjis; printf '\x93\x8c\xff,1\r\n'; } >broken.csv
  hostile_run "broken.csv:4: not valid cp932 (byte 0xFF at file offset 29)" \
    -p csv=broken.csv -p 'opts={encoding = "cp932"}'
  hostile_run "data.read_csv: option 'encoding' names an unknown encoding: \"sjis-x\"" \
    -p csv=sjis.csv -p 'opts={encoding = "sjis-x"}'
}

case_csv_utf16_is_named() {
  setup
  printf '\xff\xfea\0,\0b\0\n\0' >utf16.csv
  hostile_run "utf16.csv:1: not valid UTF-8 (byte 0xFF at column 1, file offset 0): the file starts with a UTF-16 byte order mark" \
    -p csv=utf16.csv
  read_ok utf16.csv '{encoding = "utf-16"}'
  expect_contains "$OUT" "rows=0" "stdout"
  expect_contains "$OUT" "b:string=nil" "stdout"
}

case_csv_bom_is_skipped() {
  setup
  printf '\xef\xbb\xbfname,count\nA,1\n' >bom.csv
  read_ok bom.csv
  expect_contains "$OUT" "name:string=A" "stdout"
  expect_contains "$OUT" "count:integer=1" "stdout"
}

case_csv_crlf_line_ends_are_not_data() {
  setup
  printf 'region;unicorns\r\nChina;71\r\n"World\r\nwide";271\r\n' >crlf.csv
  read_ok crlf.csv '{delimiter = ";"}'
  expect_contains "$OUT" "rows=2" "stdout"
  expect_contains "$OUT" "unicorns:integer=71" "stdout"
  printf 'a,b\r\n1,2\r\n3,4,5\r\n' >ragged.csv
  hostile_run "ragged.csv:3: 3 fields, but the header has 2" -p csv=ragged.csv
}

# An unclosed quote near the top of a big file: the reader scans to the end
# (the quote might close there), then names line 3, within a time bound.
case_csv_unclosed_quote_in_50mb_file_names_line_3() {
  setup
  { printf 'id,note\n1,ok\n2,"never closed\n'; yes '4,filler text for the rest of the file' | head -c 52428800; } >big.csv
  local start=$SECONDS
  hostile_run "big.csv:3: field 2 ('note'): quoted field never closed" -p csv=big.csv
  [ $((SECONDS - start)) -le 60 ] || fail "took $((SECONDS - start)) s for 50 MB"
}

case_csv_bom_only_file_is_empty() {
  setup
  printf '\xef\xbb\xbf' >bom_only.csv
  hostile_run "bom_only.csv: empty file (a header row is expected)" -p csv=bom_only.csv
}

# CRLF and LF mixed read as line ends, and CRLF inside quotes is data; a
# lone CR in a data row is data (so the row is ragged here), and in the
# first record (classic Mac line ends) an error naming line and column,
# never a silent file of one header and no rows.
case_csv_mixed_line_ends_read_and_lone_cr_is_named() {
  setup
  printf 'id,note\r\n1,"two\r\nlines"\n2,plain\r\n3,"cr\rinside"\n' >mixed.csv
  read_ok mixed.csv
  expect_contains "$OUT" "rows=3" "stdout"
  expect_contains "$OUT" "id:integer=1" "stdout"
  printf 'id,note\n1,a\r2,b\r\n' >lone.csv
  hostile_run "lone.csv:2: 3 fields, but the header has 2" -p csv=lone.csv
  printf 'id,note\r1,a\r2,b\r' >mac.csv
  hostile_run "mac.csv:1: carriage return without a line feed at column 8 (file offset 7) in the first record" \
    -p csv=mac.csv
}

# What odd numbers become: text when inferred (never null, never a guess),
# an error naming line and field when the column is forced to a number.
case_csv_odd_numbers_are_text_or_named_errors() {
  setup
  printf 'spaced,hex,huge,inf\n 42 ,0x1A,1e400,inf\n' >odd.csv
  read_ok odd.csv
  expect_contains "$OUT" "spaced:string= 42 " "stdout"
  expect_contains "$OUT" "hex:string=0x1A" "stdout"
  expect_contains "$OUT" "huge:string=1e400" "stdout"
  expect_contains "$OUT" "inf:string=inf" "stdout"
  hostile_run "odd.csv:2: field 1 ('spaced'): expected an integer, got ' 42 '" \
    -p csv=odd.csv -p 'opts={types = {spaced = "integer"}}'
  hostile_run "odd.csv:2: field 2 ('hex'): expected an integer, got '0x1A'" \
    -p csv=odd.csv -p 'opts={types = {hex = "integer"}}'
  hostile_run "odd.csv:2: field 3 ('huge'): expected a number, got '1e400' (too large for a number)" \
    -p csv=odd.csv -p 'opts={types = {huge = "number"}}'
}

hostile_main
