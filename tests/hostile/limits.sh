#!/bin/bash
# Runaway scripts through `sumi render` (see lib.sh): memory and time limits
# stop them with exit 1, a message naming the limit and the option that
# raises it, the earlier good PDF untouched and no temporary file left.
# Every case must end in seconds: a limit that does not hold shows up as
# the 120 s `run` timeout.
source "$(dirname "$0")/lib.sh"

# report.lua opens its PDF first (so a temporary file exists while the
# runaway part runs), then does what -p mode=NAME says.
setup() {
  cat >report.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.pdf(nil, {size = "A5"})
c:text("limits", 20, 20)
local mode = sumi.params.mode or "good"
local function grow()
  local t = {}
  for i = 1, math.huge do t[i] = string.rep("x", 1000) .. i end
end
local function spin() while true do end end
if mode == "grow" then
  grow()
elseif mode == "huge" then
  local s = string.rep("x", 2 ^ 30)
  print(#s)
elseif mode == "caught" then
  print(pcall(grow))
elseif mode == "caught_huge" then
  -- one refused allocation (lauxlib's buffer, which Lua does not retry),
  -- caught, then the canvas is closed as if nothing happened
  print(pcall(string.rep, "x", 2 ^ 30))
elseif mode == "spin" then
  spin()
elseif mode == "pcall" then
  while true do pcall(spin) end
elseif mode == "coroutine" then
  local co = coroutine.wrap(function()
    while true do pcall(spin) end
  end)
  while true do pcall(co) end
elseif mode == "sqlite" then
  -- A query that never ends: one C call, which SQLite's progress handler
  -- interrupts when the run's time is up.
  sumi.data.query_sqlite("endless.db", [[
    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)
    SELECT count(*) AS c FROM n]])
elseif mode == "longcall" then
  -- One string.find call that backtracks for minutes: no Lua instruction
  -- runs meanwhile, so only the watching parent can stop it.
  print(string.find(string.rep("a", 3e5), ".-.-.-.-.-b"))
end
c:close()
LUA
  good_run
}

# elapsed_below SECONDS CMD...: runs CMD and fails when it took longer.
elapsed_below() {
  local limit="$1" start end
  shift
  start=$(date +%s)
  "$@"
  end=$(date +%s)
  [ $((end - start)) -lt "$limit" ] || fail "took $((end - start)) s, expected under $limit s"
}

case_limit_growing_table_stops_at_max_memory() {
  setup
  elapsed_below 30 hostile_run "report.lua:7: memory limit 64 MiB exceeded; raise it with --max-memory" \
    -p mode=grow --max-memory 64
}

case_limit_one_huge_allocation_names_max_memory() {
  setup
  # A single 1 GiB block is refused at once; Lua's own "not enough memory"
  # becomes the limit's message.
  hostile_run "report.lua: memory limit 64 MiB exceeded; raise it with --max-memory" \
    -p mode=huge --max-memory 64
}

case_limit_caught_memory_error_still_fails_the_run() {
  setup
  hostile_run "memory limit 64 MiB exceeded" -p mode=caught --max-memory 64
}

case_limit_caught_huge_allocation_still_fails_the_run() {
  setup
  hostile_run "report.lua:20: memory limit 64 MiB exceeded" -p mode=caught_huge --max-memory 64
}

case_limit_endless_loop_stops_at_timeout() {
  setup
  elapsed_below 15 hostile_run "report.lua:9: time limit 2 s exceeded; raise it with --timeout" \
    -p mode=spin --timeout 2
}

case_limit_pcall_cannot_swallow_timeout() {
  setup
  elapsed_below 15 hostile_run "time limit 2 s exceeded; raise it with --timeout" \
    -p mode=pcall --timeout 2
}

case_limit_coroutine_cannot_swallow_timeout() {
  setup
  elapsed_below 15 hostile_run "time limit 2 s exceeded; raise it with --timeout" \
    -p mode=coroutine --timeout 2
}

case_limit_long_c_call_is_killed_and_leaves_no_temp_file() {
  setup
  # hostile_run also checks that out/ holds nothing but the good PDF: the
  # killed child's temporary file is removed by the parent.
  elapsed_below 15 hostile_run \
    "report.lua: time limit 2 s exceeded (stopped inside a long call); raise it with --timeout" \
    -p mode=longcall --timeout 2
}

case_limit_endless_sqlite_query_stops_at_timeout() {
  setup
  sqlite3 endless.db 'CREATE TABLE t (x INTEGER);' || fail "cannot make endless.db"
  # The query is interrupted inside SQLite, so the message has the script
  # line rather than the watching parent's "stopped inside a long call".
  elapsed_below 15 hostile_run \
    "report.lua:33: endless.db: time limit 2 s exceeded during the query; raise it with --timeout" \
    -p mode=sqlite --timeout 2
}

case_limit_options_are_checked() {
  setup
  for args in "--max-memory 0" "--max-memory abc" "--max-memory 15" "--timeout 0" \
    "--timeout 2x" "--max-memory 64 --max-memory 64" "--allow-read"; do
    # shellcheck disable=SC2086 # the words are meant to split
    run "$SUMI" render report.lua $args
    expect_code 2
    expect_contains "$ERR" "usage: sumi render" "stderr for $args"
  done
  run "$SUMI" chart report.lua --timeout -1
  expect_code 2
  run "$SUMI" render --help
  expect_contains "$OUT" "--max-memory MIB" "render --help"
  expect_contains "$OUT" "--timeout SECONDS" "render --help"
  expect_contains "$OUT" "--allow-read DIR" "render --help"
  expect_contains "$OUT" "--allow-write DIR" "render --help"
  expect_contains "$OUT" "--trusted" "render --help"
  run "$SUMI" chart --help
  expect_contains "$OUT" "--max-memory MIB" "chart --help"
  expect_contains "$OUT" "--trusted" "chart --help"
}

case_limit_trusted_run_says_so() {
  setup
  run "$SUMI" render report.lua -o ok/report.pdf --trusted
  expect_code 0
  expect_contains "$ERR" "--trusted: report.lua may read and write any file, and no memory or time limit applies" "stderr"
  # A limit given explicitly still holds.
  hostile_run "time limit 2 s exceeded" -p mode=spin --trusted --timeout 2
}

hostile_main
