#!/usr/bin/env bash
# Hostile input to the JSON, SQLite and PostgreSQL readers, through the
# `sumi` command as an operator runs it: each case first renders a good
# report, then feeds the bad input to the same script and output, and
# expects exit code 1, a message naming the file (and line, column or
# record), the good output left byte-identical, and no temporary file.
#   sql_hostile.sh SUMI SOURCE_DIR WORK_DIR CASE
source "$(dirname "$0")/../lib/case.sh"
mkdir -p data out

# The report: reads the input the parameters name and prints its size in a
# PDF. kind=json|sqlite|postgres; input; sql; args (comma-separated values
# bound as parameters).
cat >report.lua <<'LUA'
local sumi = require "sumi"
local p = sumi.params
local params
if p.args then
  params = {}
  for v in p.args:gmatch("[^,]+") do params[#params + 1] = math.tointeger(tonumber(v)) or v end
end
local ds
if p.kind == "json" then
  ds = sumi.data.read_json(p.input)
elseif p.kind == "sqlite" then
  ds = sumi.data.query_sqlite(p.input, p.sql, params)
else
  ds = sumi.data.query_postgres(p.input, p.sql, params)
end
local c = sumi.canvas.pdf(nil, {size = "A5"})
c:text(("%d rows, %d columns"):format(#ds, #ds:names()), 20, 20)
LUA

printf '[{"metric": "large_ai_models", "value": 1509}, {"metric": "ai_unicorns", "value": 71}]\n' \
  >data/good.json

# A good run whose output the bad run must leave alone.
good_run() { # -p arguments of the good input
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render report.lua -o out/report.pdf "$@"
  [ "$CODE" -eq 0 ] || fail "the good run failed ($CODE): $ERR"
  cp out/report.pdf good.pdf
}

# bad_run WANT -p...: exit 1, WANT and the script position in stderr, the
# good output intact, no temporary file left.
bad_run() {
  local want=$1
  shift
  local start=$SECONDS
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render report.lua -o out/report.pdf "$@"
  ELAPSED=$((SECONDS - start))
  [ "$CODE" -eq 1 ] || fail "exit code $CODE, expected 1; stderr: $ERR"
  expect_contains "$ERR" "$want" "stderr"
  expect_contains "$ERR" "report.lua:" "stderr (script position)"
  cmp -s good.pdf out/report.pdf || fail "the earlier good output was changed"
  local leftovers
  leftovers=$(find out -type f ! -name report.pdf)
  [ -z "$leftovers" ] || fail "files left behind: $leftovers"
}

sqlite_db() { # builds data/waic2025.db from the seed SQL
  command -v sqlite3 >/dev/null || fail "sqlite3 is not installed (bootstrap.sh installs it)"
  sqlite3 -bail data/waic2025.db <"$SRC/data/waic2025.sql" || fail "cannot build the database"
}

# ---------------------------------------------------------------- JSON

case_json_malformed_reports_line_and_column() {
  good_run -p kind=json -p input=data/good.json
  printf '[\n  {"metric": "large_ai_models", "value": 1509},\n  {"metric": "ai_unicorns", "value": 71,}\n]\n' \
    >data/bad.json
  bad_run "data/bad.json:3:41: JSON parse error: an object key must be a string in double quotes" \
    -p kind=json -p input=data/bad.json
  printf '[{"metric": "ai_unicorns", "value": 71}' >data/cut.json
  bad_run "data/cut.json:1:40: JSON parse error: unexpected end of file" -p kind=json \
    -p input=data/cut.json
}

case_json_deep_nesting_is_refused() {
  good_run -p kind=json -p input=data/good.json
  { head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; } >data/deep.json
  bad_run "data/deep.json:1:65: JSON parse error: nesting is too deep (more than 64 levels" \
    -p kind=json -p input=data/deep.json
  { head -c 100000 /dev/zero | sed 's/\x0/{"a":/g'; } >data/deep_objects.json
  bad_run "data/deep_objects.json:1:" -p kind=json -p input=data/deep_objects.json
  expect_contains "$ERR" "nesting is too deep" "stderr"
}

case_json_invalid_utf8_reports_line_and_offset() {
  good_run -p kind=json -p input=data/good.json
  printf '[{"region": "China", "value": 1509},\n {"region": "\x82\xa0", "value": 71}]\n' >data/sjis.json
  bad_run "data/sjis.json:2: not valid UTF-8 (byte 0x82 at column 14, file offset 50); save the file as UTF-8" \
    -p kind=json -p input=data/sjis.json
}

case_json_nan_is_refused() {
  good_run -p kind=json -p input=data/good.json
  printf '[{"metric": "growth", "value": 20},\n {"metric": "size", "value": NaN}]\n' >data/nan.json
  bad_run "data/nan.json:2:30: JSON parse error: unexpected 'NaN' (NaN, Infinity and other words are not JSON" \
    -p kind=json -p input=data/nan.json
  printf '[{"metric": "size", "value": -Infinity}]\n' >data/inf.json
  bad_run "data/inf.json:1:30: JSON parse error: unexpected '-I...' (NaN, Infinity" \
    -p kind=json -p input=data/inf.json
}

case_json_empty_and_bom_only_files_are_named() {
  good_run -p kind=json -p input=data/good.json
  : >data/empty.json
  bad_run "data/empty.json: empty file (a JSON array of records expected)" -p kind=json \
    -p input=data/empty.json
  printf '\xef\xbb\xbf \n' >data/bom.json
  bad_run "data/bom.json: empty file (a JSON array of records expected)" -p kind=json \
    -p input=data/bom.json
}

case_json_top_level_scalar_is_refused() {
  good_run -p kind=json -p input=data/good.json
  printf '42\n' >data/number.json
  bad_run "data/number.json: the value is a number, not an array of records" -p kind=json \
    -p input=data/number.json
  printf '"records"' >data/string.json
  bad_run "data/string.json: the value is a string, not an array of records" -p kind=json \
    -p input=data/string.json
  printf 'null' >data/null.json
  bad_run "data/null.json: the value is null, not an array of records" -p kind=json \
    -p input=data/null.json
  printf '[1, 2]' >data/numbers.json
  bad_run "data/numbers.json: record 1 is a number, not an object" -p kind=json \
    -p input=data/numbers.json
}

# ---------------------------------------------------------------- SQLite

case_sql_syntax_error_names_database() {
  sqlite_db
  good_run -p kind=sqlite -p input=data/waic2025.db -p "sql=SELECT * FROM headline"
  bad_run 'data/waic2025.db: SQL error: near "FORM": syntax error (at character 10 of the query)' \
    -p kind=sqlite -p input=data/waic2025.db -p "sql=SELECT * FORM headline"
  bad_run "data/waic2025.db: SQL error: no such table: headlines" \
    -p kind=sqlite -p input=data/waic2025.db -p "sql=SELECT * FROM headlines"
  bad_run "data/waic2025.db: one SQL statement per query" \
    -p kind=sqlite -p input=data/waic2025.db -p "sql=SELECT 1; DROP TABLE figures"
  sqlite3 data/waic2025.db "SELECT count(*) FROM figures" | grep -qx 12 || fail "figures changed"
}

case_sql_missing_database_is_not_created() {
  sqlite_db
  good_run -p kind=sqlite -p input=data/waic2025.db -p "sql=SELECT * FROM figures"
  bad_run "cannot open database 'data/waic2024.db': No such file or directory" \
    -p kind=sqlite -p input=data/waic2024.db -p "sql=SELECT * FROM figures"
  [ ! -e data/waic2024.db ] || fail "the missing database was created"
  printf 'metric,value\n' >data/not_a_db.db
  bad_run "data/not_a_db.db: SQL error: file is not a database" \
    -p kind=sqlite -p input=data/not_a_db.db -p "sql=SELECT * FROM figures"
}

case_sql_wrong_parameter_count_is_refused() {
  sqlite_db
  good_run -p kind=sqlite -p input=data/waic2025.db \
    -p "sql=SELECT * FROM figures WHERE scope = ? AND value > ?" -p args=china,100
  bad_run "data/waic2025.db: the query has 2 parameters, but 1 value was given" \
    -p kind=sqlite -p input=data/waic2025.db \
    -p "sql=SELECT * FROM figures WHERE scope = ? AND value > ?" -p args=china
  bad_run "data/waic2025.db: the query has 1 parameter, but 3 values were given" \
    -p kind=sqlite -p input=data/waic2025.db -p "sql=SELECT * FROM figures WHERE scope = ?" \
    -p args=china,world,x
}

# ---------------------------------------------------------------- PostgreSQL

case_sql_postgres_refused_connection_fails_fast() {
  good_run -p kind=json -p input=data/good.json
  # A loopback port nothing listens on: the connection is refused at once.
  local port
  for port in $(seq 59990 60010); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  bad_run "PostgreSQL connection failed: connection to server at \"127.0.0.1\", port $port failed: Connection refused" \
    -p kind=postgres -p "input=host=127.0.0.1 port=$port dbname=sumi user=reader password=s3cret-Pa55" \
    -p "sql=SELECT 1"
  [ "$ELAPSED" -le 5 ] || fail "a refused connection took $ELAPSED s"
  case "$ERR" in *s3cret-Pa55*) fail "the password is in the message: $ERR" ;; esac
}

case_main
