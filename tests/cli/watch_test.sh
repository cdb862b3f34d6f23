#!/bin/bash
# End-to-end tests of `sumi render --watch` and `sumi chart --watch`.
#   watch_test.sh SUMI SOURCE_DIR WORK_DIR CASE
# Each case starts the watcher in the background on a script of its own,
# changes files and waits (bounded) for the line each render prints.
source "$(dirname "$0")/../lib/case.sh"

WPID=""
stop_watcher_on_exit() {
  [ -z "$WPID" ] || kill -KILL "$WPID" 2>/dev/null
}
trap stop_watcher_on_exit EXIT

start_watch() { # sumi arguments; stdout in watch.out, stderr in watch.err
  "$SUMI" "$@" >watch.out 2>watch.err &
  WPID=$!
}

renders() { grep -c '^\[[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\] ' watch.out; }

wait_renders() { # N: waits up to 15 s for the N-th render line
  for _ in $(seq 150); do
    [ "$(renders)" -ge "$1" ] && return 0
    kill -0 "$WPID" 2>/dev/null || fail "the watcher ended early; stderr: $(head -c 2000 watch.err)"
    sleep 0.1
  done
  fail "no render $1 within 15 s; stdout: $(cat watch.out); stderr: $(head -c 2000 watch.err)"
}

wait_text() { # FILE TEXT: waits up to 15 s for TEXT in FILE
  for _ in $(seq 150); do
    grep -qF -- "$2" "$1" && return 0
    sleep 0.1
  done
  fail "no '$2' in $1 within 15 s; stdout: $(cat watch.out); stderr: $(head -c 2000 watch.err)"
}

last_render() { grep '^\[' watch.out | tail -n 1; }

expect_last() { # what the last render line must contain
  expect_contains "$(last_render)" "$1" "render line"
}

sum() { sha256sum "$@" | cut -d' ' -f1 | tr '\n' ' '; }

stop_watch() { # SIGNAL: stops the watcher, expects exit 0 within 15 s
  kill "-$1" "$WPID"
  for _ in $(seq 150); do
    kill -0 "$WPID" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$WPID" 2>/dev/null && fail "the watcher still runs 15 s after SIG$1"
  wait "$WPID"
  local code=$?
  WPID=""
  [ "$code" -eq 0 ] || fail "the watcher exited $code after SIG$1; stderr: $(head -c 2000 watch.err)"
  case "$(cat watch.err)" in
    *"Sanitizer"* | *": runtime error: "*) fail "sanitizer report: $(head -c 2000 watch.err)" ;;
  esac
}

no_temporaries() { # folder
  local left
  left=$(find "$1" -name '.*.??????' -type f)
  [ -z "$left" ] || fail "temporary files left behind: $left"
}

# A script that reads a CSV and requires a module of its own, writing a
# PDF, a PNG and an SVG.
write_report() {
  mkdir -p w
  cat >w/report.lua <<'LUA'
local sumi = require "sumi"
local helper = require "helper"
local d = sumi.data.read_csv("data.csv")
local label = "Title 1 " .. helper.label .. " rows " .. d:nrows()
local pdf = sumi.canvas.pdf("reports/r.pdf", {size = "A5"})
pdf:text(label, 20, 20)
pdf:close()
local png = sumi.canvas.png("reports/r.png", {width = 240, height = 40})
png:text(label, 4, 4, {size = 12})
png:close()
local svg = sumi.canvas.svg("reports/r.svg", {width = 240, height = 40})
svg:text(label, 4, 4, {size = 12})
svg:close()
LUA
  echo 'return {label = "helper 1"}' >w/helper.lua
  printf 'region,count\nCN,1509\n' >w/data.csv
}

case_watch_rerenders_after_script_csv_and_module_edits() {
  write_report
  start_watch render w/report.lua --watch
  wait_renders 1
  expect_last "start: ok"
  local before
  before=$(sum reports/r.png)
  # An editor's save: a new file renamed over the old one.
  sed 's/Title 1/Title 2/' w/report.lua >w/.report.lua.new && mv w/.report.lua.new w/report.lua
  wait_renders 2
  expect_last "changed w/report.lua: ok"
  [ "$(sum reports/r.png)" != "$before" ] || fail "the PNG did not change after the title edit"
  before=$(sum reports/r.png)
  printf 'region,count\nCN,1509\nUS,1000\n' >w/data.csv # written in place
  wait_renders 3
  expect_last "changed w/data.csv: ok"
  [ "$(sum reports/r.png)" != "$before" ] || fail "the PNG did not change after the CSV edit"
  before=$(sum reports/r.png)
  echo 'return {label = "helper 2"}' >w/helper.lua
  wait_renders 4
  expect_last "changed w/helper.lua: ok"
  [ "$(sum reports/r.png)" != "$before" ] || fail "the PNG did not change after the module edit"
  stop_watch TERM
  [ "$(renders)" -eq 4 ] || fail "expected 4 renders, got: $(cat watch.out)"
}

case_watch_failed_render_keeps_every_output_and_recovers() {
  write_report
  start_watch render w/report.lua --watch
  wait_renders 1
  local good
  good=$(sum reports/r.pdf reports/r.png reports/r.svg)
  echo 'local broken = = 1' >>w/report.lua
  wait_renders 2
  expect_last "changed w/report.lua: failed"
  expect_contains "$(cat watch.err)" "w/report.lua:14: unexpected symbol near '='" "stderr"
  [ "$(sum reports/r.pdf reports/r.png reports/r.svg)" = "$good" ] ||
    fail "a failed render replaced an output"
  # A run-time error in the module; every state on the way fails too.
  printf 'error("bad module")\n' >w/helper.lua
  sed -i '$d' w/report.lua
  wait_text watch.err "w/helper.lua:1: bad module"
  wait_renders 3
  expect_last "failed"
  [ "$(sum reports/r.pdf reports/r.png reports/r.svg)" = "$good" ] ||
    fail "a failed render replaced an output"
  no_temporaries reports
  # The fix renders again.
  printf 'return {label = "helper 3"}\n' >w/helper.lua
  wait_renders 4
  expect_last "changed w/helper.lua: ok"
  [ "$(sum reports/r.pdf)" != "$(echo "$good" | cut -d' ' -f1)" ] ||
    fail "the PDF did not change after the fix"
  stop_watch INT
}

case_watch_burst_of_writes_renders_once_or_twice() {
  write_report
  start_watch render w/report.lua --watch
  wait_renders 1
  for i in $(seq 20); do
    printf 'region,count\nCN,%d\n' "$i" >w/data.csv
  done
  wait_renders 2
  sleep 1.5 # a third render, if one came, would be printed by now
  local n
  n=$(renders)
  [ "$n" -le 3 ] || fail "20 quick writes gave $((n - 1)) renders: $(cat watch.out)"
  stop_watch TERM
}

case_watch_sees_a_module_required_from_the_next_run() {
  write_report
  start_watch render w/report.lua --watch
  wait_renders 1
  echo 'return "extra 1"' >w/extra.lua
  sed 's/^local label = .*/local label = require("extra")/' w/report.lua >w/new.lua &&
    mv w/new.lua w/report.lua
  wait_renders 2
  expect_last "ok"
  local before
  before=$(sum reports/r.png)
  echo 'return "extra 2"' >w/extra.lua
  wait_renders 3
  expect_last "changed w/extra.lua: ok"
  [ "$(sum reports/r.png)" != "$before" ] || fail "the PNG did not change after the new module's edit"
  stop_watch TERM
}

case_watch_own_output_read_back_does_not_render_again() {
  mkdir -p w reports
  cat >w/again.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.png("reports/again.png", {width = 40, height = 40})
c:image("../reports/seed.png", 0, 0, 40, 40)
local ok = pcall(c.image, c, "../reports/again.png", 0, 0, 40, 40) -- the previous run's output
c:rect(0, 0, 10, 10)
c:fill("#c00000")
c:close()
print(ok and "read back" or "first run")
LUA
  cp "$SRC/docs/flagship-page1.png" reports/seed.png
  start_watch render w/again.lua --watch
  wait_renders 1
  touch reports/seed.png
  wait_renders 2
  sleep 1.5 # a render caused by its own output would be printed by now
  [ "$(renders)" -eq 2 ] || fail "the render's own output made it render again: $(cat watch.out)"
  expect_contains "$(cat watch.out)" "read back" "stdout"
  stop_watch TERM
}

case_watch_sigterm_mid_render_leaves_no_temporaries() {
  mkdir -p w
  cat >w/slow.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.pdf("reports/slow.pdf")
c:text("drawn before the long wait", 20, 20)
c:close()
local t = os.clock()
while os.clock() - t < 60 do end
LUA
  start_watch render w/slow.lua --watch
  for _ in $(seq 150); do
    [ -n "$(find reports -name '.slow.pdf.*' 2>/dev/null)" ] && break
    sleep 0.1
  done
  [ -n "$(find reports -name '.slow.pdf.*')" ] || fail "the render never wrote its temporary file"
  stop_watch TERM
  no_temporaries reports
  [ ! -e reports/slow.pdf ] || fail "a stopped render published its output"
  [ "$(renders)" -eq 0 ] || fail "a stopped render printed a result: $(cat watch.out)"
}

case_watch_chart_exports_again_after_an_edit() {
  mkdir -p w
  cat >w/deck.lua <<'LUA'
local sumi = require "sumi"
local d = sumi.data.read_csv("data.csv")
sumi.chart.bar(d, {x = "region", y = "count", name = "models"})
LUA
  printf 'region,count\nCN,1509\nUS,1000\n' >w/data.csv
  start_watch chart w/deck.lua --watch --format png,svg --size 320x180 --out charts
  wait_renders 1
  local before
  before=$(sum charts/models.png charts/models.svg)
  printf 'region,count\nCN,1509\nUS,1000\nEU,400\n' >w/data.csv
  wait_renders 2
  expect_last "changed w/data.csv: ok"
  [ "$(sum charts/models.png charts/models.svg)" != "$before" ] ||
    fail "the exported charts did not change after the CSV edit"
  stop_watch TERM
  no_temporaries charts
}

case_watch_option_is_in_render_and_chart_help() {
  run "$SUMI" render --help
  expect_code 0
  expect_contains "$OUT" "--watch          render, then render again" "render --help"
  run "$SUMI" chart --help
  expect_code 0
  expect_contains "$OUT" "--watch          export again" "chart --help"
}

case_watch_missing_script_exits_as_render_does() {
  run "$SUMI" render missing.lua --watch
  expect_code 2
  expect_contains "$ERR" "cannot open script 'missing.lua'" "stderr"
}

# A user namespace of its own whose inotify limit (/proc/sys/user/NAME) is 0:
# the machine's own limits are left alone.
run_with_inotify_limit_0() { # NAME, then the command
  if ! unshare -U -r true 2>/dev/null; then
    echo "SKIP: this kernel does not let a user namespace be made (unshare -U)"
    exit 77
  fi
  local limit="$1"
  shift
  run unshare -U -r bash -c 'echo 0 >"/proc/sys/user/$0" && exec "$@"' "$limit" "$@"
}

case_watch_without_inotify_exits_1() {
  write_report
  run_with_inotify_limit_0 max_inotify_instances "$SUMI" render w/report.lua --watch
  expect_code 1
  expect_contains "$ERR" "sumi: cannot watch files: inotify is unavailable" "stderr"
  expect_contains "$ERR" "fs.inotify.max_user_instances" "stderr"
  [ ! -e reports/r.pdf ] || fail "rendered although nothing could be watched"
}

case_watch_limit_reached_exits_1() {
  write_report
  run_with_inotify_limit_0 max_inotify_watches "$SUMI" render w/report.lua --watch
  expect_code 1
  expect_contains "$ERR" "the limit of inotify watches is reached" "stderr"
  expect_contains "$ERR" "fs.inotify.max_user_watches" "stderr"
  [ ! -e reports/r.pdf ] || fail "rendered although nothing could be watched"
}

case_main
