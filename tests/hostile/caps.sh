#!/bin/bash
# Caps on what one call may ask for (docs/API.md §4, "Caps"): each fails
# fast with a message naming the cap, exit code 1, and the earlier good PDF
# kept. Big inputs are generated here, never committed.
source "$(dirname "$0")/lib.sh"

# report.lua runs the Lua in -p code=... after a good PDF page is begun,
# so a failure must discard the whole output.
setup() {
  cat >report.lua <<'LUA'
local sumi = require "sumi"
local page = sumi.canvas.pdf(nil, {size = "A5"})
page:text("report", 20, 20)
local code = sumi.params.code or ""
assert(load(code, "=code", "t", setmetatable({sumi = sumi, page = page}, {__index = _G})))()
page:close()
LUA
  good_run
}

# within SECONDS CMD...: fails when the last run took longer.
elapsed_at_most() {
  [ $((SECONDS - START)) -le "$1" ] || fail "took $((SECONDS - START)) s, more than $1 s"
}

case_cap_png_pixel_count_fails_fast() {
  setup
  START=$SECONDS
  hostile_run "canvas.png: option 'width' must be a number in [1, 32767]; got number 100000" \
    -p 'code=sumi.canvas.png("out/big.png", {width = 100000, height = 100000})'
  hostile_run "png of 20000 x 20000 pixels is past the limit of 100 million pixels (400 MB of image)" \
    -p 'code=sumi.canvas.png("out/big.png", {width = 20000, height = 20000})'
  hostile_run "png of 9922 x 14032 pixels is past the limit of 100 million pixels" \
    -p 'code=sumi.canvas.png("out/big.png", {width_mm = 210, height_mm = 297, dpi = 1200})'
  elapsed_at_most 20
  run "$SUMI" render report.lua -o ok/report.pdf \
    -p 'code=sumi.canvas.png("ok/wide.png", {width = 32767, height = 100}):close()'
  expect_code 0
}

case_cap_pdf_page_count_is_10000() {
  setup
  START=$SECONDS
  hostile_run "code:1: page limit reached: a canvas takes at most 10000 pages" \
    -p 'code=for i = 1, 1e9 do page:new_page() end'
  elapsed_at_most 30
}

case_cap_text_past_1_mib_is_refused() {
  setup
  START=$SECONDS
  hostile_run "code:1: text of 1200000 bytes is past the limit of 1048576 bytes (1 MiB) for one call" \
    -p 'code=page:text(string.rep("あ", 400000), 20, 40, {width = 300})'
  hostile_run "text of 1048577 bytes is past the limit" \
    -p 'code=page:measure_text(string.rep("x", 1048577))'
  elapsed_at_most 20
  run "$SUMI" render report.lua -o ok/report.pdf \
    -p 'code=page:text(string.rep("markup <b>&lt;</b> ", 5000), 20, 40, {width = 300})'
  expect_code 0
}

case_cap_input_file_size_and_kind() {
  setup
  mkdir -p data
  { echo "id,text"; yes '1,some filler text for a file of three mebibytes' | head -c 3145728; } >data/big.csv
  run "$SUMI" render report.lua -o ok/report.pdf -p 'code=sumi.data.read_csv("data/big.csv")'
  expect_code 0
  START=$SECONDS
  hostile_run "'read_csv': 'data/big.csv' is more than 3 MiB, past the input size limit of 2 MiB; raise it with --max-input-size" \
    -p 'code=sumi.data.read_csv("data/big.csv")' --max-input-size 2
  { printf '['; yes '{"a": 1},' | head -c 3145728; printf '{"a": 2}]'; } >data/big.json
  hostile_run "'read_json': 'data/big.json' is more than 3 MiB, past the input size limit of 2 MiB" \
    -p 'code=sumi.data.read_json("data/big.json")' --max-input-size 2
  mkfifo data/fifo.csv
  hostile_run "'read_csv' reads regular files only ('data/fifo.csv' is a pipe)" \
    -p 'code=sumi.data.read_csv("data/fifo.csv")'
  hostile_run "'read_json' reads regular files only ('/dev/zero' is a character device)" \
    -p 'code=sumi.data.read_json("/dev/zero")' --trusted
  elapsed_at_most 30
  run "$SUMI" render report.lua -o ok/report.pdf --max-input-size 0
  expect_code 2
  expect_contains "$ERR" "bad or repeated --max-input-size '0' (MiB from 1 to 1048576 expected, once)" "stderr"
}

# The database is opened read-only, defensive, with an untrusted schema:
# a view cannot run functions with side effects, nothing can be attached.
case_cap_sqlite_schema_is_untrusted_and_read_only() {
  setup
  command -v sqlite3 >/dev/null || fail "sqlite3 is not installed (bootstrap.sh installs it)"
  mkdir -p data
  sqlite3 data/trap.db "CREATE TABLE f(a); INSERT INTO f VALUES (1);
    CREATE VIEW v AS SELECT load_extension('/tmp/evil') AS x;
    CREATE VIEW w AS SELECT fts3_tokenizer('simple') AS x;" || fail "cannot build the database"
  hostile_run "data/trap.db: SQL error: unsafe use of load_extension()" \
    -p 'code=sumi.data.query_sqlite("data/trap.db", "SELECT * FROM v")'
  hostile_run "data/trap.db: SQL error: unsafe use of fts3_tokenizer()" \
    -p 'code=sumi.data.query_sqlite("data/trap.db", "SELECT * FROM w")'
  hostile_run "data/trap.db: SQL error: too many attached databases - max 0" \
    -p "code=sumi.data.query_sqlite('data/trap.db', \"ATTACH 'data/trap.db' AS x\")"
  hostile_run "data/trap.db: the query would change the database" \
    -p 'code=sumi.data.query_sqlite("data/trap.db", "DELETE FROM f")'
  [ "$(sqlite3 data/trap.db 'SELECT count(*) FROM f')" = 1 ] || fail "the database changed"
}

# A PNG of a few bytes may declare 60000 x 60000 pixels (14 GB decoded):
# its size is read from IHDR and refused before libpng allocates anything.
case_cap_png_image_bomb_is_refused_before_decoding() {
  setup
  mkdir -p data
  { printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\xea\x60\x00\x00\xea\x60'
    printf '\x08\x06\x00\x00\x00\x00\x00\x00\x00'; } >data/bomb.png
  START=$SECONDS
  hostile_run "cannot read image 'data/bomb.png': it declares 60000 x 60000 pixels (from 1 to 32767 a side and 100 million in all expected)" \
    -p 'code=page:image("data/bomb.png", 0, 0, 100, 100)'
  { printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x00\x00\x00\x00\x01'; } >data/empty.png
  hostile_run "cannot read image 'data/empty.png': it declares 0 x 1 pixels" \
    -p 'code=page:image("data/empty.png", 0, 0, 100, 100)'
  printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIEND' >data/no_ihdr.png
  hostile_run "cannot read image 'data/no_ihdr.png': not a PNG file (no IHDR chunk first)" \
    -p 'code=page:image("data/no_ihdr.png", 0, 0, 100, 100)'
  elapsed_at_most 20
  run "$SUMI" render report.lua -o out2/report.pdf \
    -p 'code=sumi.canvas.png("out2/small.png", {width = 40, height = 30}):close()'
  expect_code 0
  cp out2/small.png data/small.png
  run "$SUMI" render report.lua -o ok/report.pdf -p 'code=page:image("data/small.png", 0, 0, 100, 100)'
  expect_code 0
}

hostile_main
