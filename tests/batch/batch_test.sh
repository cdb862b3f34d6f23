#!/bin/bash
# End-to-end tests of `sumi batch` as an operator runs it.
#   batch_test.sh SUMI SOURCE_DIR WORK_DIR CASE
# Each case is a function below, run in an empty folder of its own.
source "$(dirname "$0")/../lib/case.sh"

# A report script: one small PDF saying its parameters. -p fail=yes makes
# it fail at line 7, -p exit=N ends it with os.exit(N), -p wait=S makes it
# spin S seconds of CPU first (with its PDF's temporary file already open).
job_script() {
  mkdir -p scripts
  cat >scripts/job.lua <<'EOF'
local sumi = require "sumi"
local p = sumi.params
local c = sumi.canvas.pdf(nil, {size = "A5"})
c:text(("job %s %s"):format(p.who or "-", p.n or "-"), 40, 60, {size = 14})
local t = os.clock()
while os.clock() - t < tonumber(p.wait or "0") do end
if p.fail == "yes" then error("no figures for " .. p.who) end
if p.exit then os.exit(tonumber(p.exit)) end
c:close()
EOF
}

# manifest FILE [EXTRA]: three jobs a, b, c of job.lua; EXTRA is Lua
# inserted into the jobs list entries' shared params.
manifest() {
  cat >"$1" <<EOF
return {
  date = "2025-07-28",
  defaults = {script = "scripts/job.lua", output = "reports/{name}.pdf", params = {${2:-}}},
  jobs = {
    {name = "a", params = {who = "ann"}},
    {name = "b", params = {who = "bob"${3:-}}},
    {name = "c", params = {who = "cy"}},
  },
}
EOF
}

# matrix FILE: 12 jobs from a 3 x 4 matrix.
matrix() {
  cat >"$1" <<'EOF'
return {
  date = "2025-07-28",
  defaults = {script = "scripts/job.lua", output = "out/{param.who}/{name}-{date}.pdf",
              name = "m-{param.who}-{param.n}"},
  matrix = {who = {"ann", "bob", "cy"}, n = {1, 2, 3, 4}},
}
EOF
}

sha() { sha256sum "$1" | cut -d' ' -f1; }

# Every output of a folder with its sha256, sorted by path.
tree_sums() { (cd "$1" && find . -name '*.pdf' -type f | sort | xargs sha256sum); }

no_temporaries() { # folder
  local left
  left=$(find "$1" -name '.*.??????' 2>/dev/null)
  [ -z "$left" ] || fail "temporary files left behind: $left"
}

report_field() { # report name field
  jq -r --arg n "$2" "select(.name == \$n) | .$3" "$1"
}

wait_for_temporary() { # folder: until a job has its output open
  for _ in $(seq 1 300); do
    [ -n "$(find "$1" -name '.*.??????' 2>/dev/null)" ] && return 0
    sleep 0.1
  done
  fail "no job started within 30 s"
}

# ---------------------------------------------------------------- cases

case_batch_failing_job_leaves_others_and_its_earlier_output() {
  job_script
  manifest m.lua
  run "$SUMI" batch m.lua -j2
  expect_code 0
  local before
  before=$(sha reports/b.pdf)
  # b now fails, at script line 7; c ends with os.exit(3) in a second run.
  manifest m.lua "" ', fail = "yes"'
  rm reports/a.pdf reports/c.pdf
  run "$SUMI" batch m.lua -j2 --keep-going --report r.jsonl
  expect_code 1
  [ -s reports/a.pdf ] && [ -s reports/c.pdf ] || fail "the good jobs did not publish"
  [ "$(sha reports/b.pdf)" = "$before" ] || fail "the failed job changed its earlier output"
  expect_contains "$ERR" "failed  b" "stderr"
  expect_contains "$(report_field r.jsonl b error)" "scripts/job.lua:7: no figures for bob" "b's error"
  [ "$(report_field r.jsonl a status)" = ok ] || fail "a is not ok: $(cat r.jsonl)"
  [ "$(report_field r.jsonl b status)" = failed ] || fail "b is not failed"
  [ "$(report_field r.jsonl b exit_code)" = 1 ] || fail "b's exit code"
  no_temporaries reports
  # A job that ends with os.exit(3) fails alone too.
  manifest m.lua "" ', exit = 3'
  run "$SUMI" batch m.lua --keep-going --report r.jsonl
  expect_code 1
  expect_contains "$(report_field r.jsonl b error)" "script ended with os.exit(3)" "b's error"
  [ "$(report_field r.jsonl c status)" = ok ] || fail "c did not run after b's os.exit"
}

case_batch_stops_starting_jobs_after_a_failure_without_keep_going() {
  job_script
  manifest m.lua "" ', fail = "yes"'
  run "$SUMI" batch m.lua -j1 --report r.jsonl
  expect_code 1
  [ "$(report_field r.jsonl a status)" = ok ] || fail "a did not run"
  [ "$(report_field r.jsonl c status)" = not-run ] || fail "c ran after b failed"
  [ ! -e reports/c.pdf ] || fail "c wrote its output"
  expect_contains "$ERR" "not run: c" "stderr"
}

case_batch_job_limits_apply_per_job() {
  job_script
  manifest m.lua "" ', wait = "30"'
  run "$SUMI" batch m.lua -j2 --keep-going --timeout 1 --report r.jsonl
  expect_code 1
  expect_contains "$(report_field r.jsonl b error)" "time limit 1 s exceeded" "b's error"
  [ "$(report_field r.jsonl a status)" = ok ] && [ "$(report_field r.jsonl c status)" = ok ] ||
    fail "a limit hit by b touched the others: $(cat r.jsonl)"
  [ ! -e reports/b.pdf ] || fail "b published after its time limit"
}

case_batch_job_killed_by_a_signal_fails_alone() {
  # A crash, or the kernel's OOM killer, ends one job's process from outside.
  job_script
  manifest m.lua "" ', wait = "20"'
  "$SUMI" batch m.lua -j3 --keep-going --report r.jsonl >run.out 2>run.err &
  local pid=$!
  wait_for_temporary reports
  local victim=""
  for _ in $(seq 1 100); do
    for child in $(pgrep -P "$pid"); do
      # b's process has its temporary output open.
      if ls -l "/proc/$child/fd" 2>/dev/null | grep -q '/\.b\.pdf\.'; then victim=$child; fi
    done
    [ -n "$victim" ] && break
    sleep 0.1
  done
  [ -n "$victim" ] || fail "cannot find job b's process (test set-up)"
  kill -KILL "$victim"
  wait "$pid"
  local code=$?
  [ "$code" -eq 1 ] || fail "exit code $code: $(cat run.err)"
  expect_contains "$(report_field r.jsonl b error)" "scripts/job.lua: the job's process ended with signal 9 (Killed)" "b's error"
  [ "$(report_field r.jsonl a status)" = ok ] && [ "$(report_field r.jsonl c status)" = ok ] ||
    fail "the others did not complete: $(cat r.jsonl)"
  no_temporaries reports
  [ ! -e reports/b.pdf ] || fail "b published"
}

case_batch_bad_manifest_exits_2_before_anything_runs() {
  job_script
  cat >typo.lua <<'EOF'
return {
  defaults = {script = "scripts/job.lua"},
  jobs = {
    {name = "a", output = "reports/a.pdf"},
    {name = "b", output = "reports/b.pdf"},
    {name = "c", outptu = "reports/c.pdf"},
  },
}
EOF
  run "$SUMI" batch typo.lua --report r.jsonl
  expect_code 2
  expect_contains "$ERR" "sumi: typo.lua:6: jobs[3]: unknown key 'outptu' (valid keys: name, output, params, script)" "stderr"
  cat >dup.lua <<'EOF'
return {
  defaults = {script = "scripts/job.lua"},
  jobs = {{name = "a", output = "reports/a.pdf"}, {name = "b", output = "./reports/x/../a.pdf"}},
}
EOF
  run "$SUMI" batch dup.lua --report r.jsonl
  expect_code 2
  expect_contains "$ERR" "sumi: dup.lua: jobs 'a' and 'b' both write 'reports/a.pdf'" "stderr"
  cat >missing.lua <<'EOF'
return {
  defaults = {script = "scripts/job.lua", output = "reports/{name}.pdf"},
  jobs = {{name = "a"}, {name = "b", script = "scripts/nope.lua"}},
}
EOF
  run "$SUMI" batch missing.lua --report r.jsonl
  expect_code 2
  expect_contains "$ERR" "sumi: missing.lua: jobs[2]: script 'scripts/nope.lua' not found" "stderr"
  printf 'return {jobs = {{name = "a", script = "s.lua", output = "x.pdf"}}\n' >syntax.lua
  run "$SUMI" batch syntax.lua
  expect_code 2
  expect_contains "$ERR" "syntax.lua:2:" "stderr"
  # Data only: the manifest sees the pure library alone, and cannot loop
  # for ever, not even under pcall.
  printf 'return {jobs = {{name = os.getenv("HOME")}}}\n' >code.lua
  run "$SUMI" batch code.lua
  expect_code 2
  expect_contains "$ERR" "code.lua:1: 'os' is not available in a manifest" "stderr"
  printf 'while true do end\n' >loop.lua
  run "$SUMI" batch loop.lua
  expect_code 2
  expect_contains "$ERR" "loop.lua: the manifest runs more than" "stderr"
  printf 'while true do pcall(function() while true do end end) end\n' >loop.lua
  run "$SUMI" batch loop.lua
  expect_code 2
  expect_contains "$ERR" "loop.lua: the manifest runs more than 10000000 instructions" "stderr"
  printf 'return {defaults = {script = "scripts/job.lua", output = "r/{nmae}.pdf", name = "x"}, matrix = {n = {1}}}\n' >placeholder.lua
  run "$SUMI" batch placeholder.lua
  expect_code 2
  expect_contains "$ERR" "output: unknown placeholder '{nmae}'" "stderr"
  [ ! -e reports ] && [ ! -e r ] && [ ! -e r.jsonl ] || fail "a bad manifest wrote something: $(ls)"
}

case_batch_dry_run_lists_expanded_jobs_and_only_selects() {
  job_script
  matrix m.lua
  run "$SUMI" batch m.lua --dry-run
  expect_code 0
  [ "$(wc -l <stdout.txt)" -eq 12 ] || fail "12 jobs expected, got: $OUT"
  # Alphabetical keys, the first varying slowest: n, then who.
  [ "$(head -n 1 stdout.txt)" = "$(printf 'm-ann-1\tout/ann/m-ann-1-2025-07-28.pdf\tscripts/job.lua\tn=1\twho=ann')" ] ||
    fail "first job: $(head -n 1 stdout.txt)"
  [ "$(sed -n 2p stdout.txt | cut -f1)" = m-bob-1 ] || fail "second job: $(sed -n 2p stdout.txt)"
  [ ! -e out ] || fail "--dry-run wrote outputs"
  run "$SUMI" batch m.lua --dry-run --only 'm-bob-*' --only 'm-cy-4'
  expect_code 0
  [ "$(cut -f1 stdout.txt | tr '\n' ' ')" = "m-bob-1 m-bob-2 m-bob-3 m-bob-4 m-cy-4 " ] ||
    fail "--only selected: $OUT"
  run "$SUMI" batch m.lua --only 'm-bob-[12]' -j2
  expect_code 0
  [ "$(find out -name '*.pdf' | sort | tr '\n' ' ')" = "out/bob/m-bob-1-2025-07-28.pdf out/bob/m-bob-2-2025-07-28.pdf " ] ||
    fail "--only ran: $(find out -name '*.pdf')"
  run "$SUMI" batch m.lua --only 'zz*'
  expect_code 2
  expect_contains "$ERR" "no job of the manifest matches --only 'zz*'" "stderr"
}

case_batch_params_merge_defaults_then_job_then_matrix() {
  job_script
  cat >m.lua <<'EOF'
return {
  defaults = {script = "scripts/job.lua", output = "reports/{name}.pdf", name = "{param.who}-{param.n}",
              params = {who = "dflt", n = 0, wait = 0.5, fail = false}},
  matrix = {n = {1, 2}},
  jobs = {{params = {who = "ann", n = 9}}, {name = "x-{param.n}", params = {fail = true}}},
}
EOF
  run "$SUMI" batch m.lua --dry-run
  expect_code 0
  local want
  want=$(printf '%s\n' \
    "ann-1	reports/ann-1.pdf	scripts/job.lua	fail=false	n=1	wait=0.5	who=ann" \
    "ann-2	reports/ann-2.pdf	scripts/job.lua	fail=false	n=2	wait=0.5	who=ann" \
    "x-1	reports/x-1.pdf	scripts/job.lua	fail=true	n=1	wait=0.5	who=dflt" \
    "x-2	reports/x-2.pdf	scripts/job.lua	fail=true	n=2	wait=0.5	who=dflt")
  [ "$OUT" = "$want" ] || fail "expanded jobs: $OUT"
  expect_contains "$ERR" "4 jobs (date " "stderr"
  # A name template that does not tell the combinations apart.
  sed -i 's/name = "x-{param.n}"/name = "x"/' m.lua
  run "$SUMI" batch m.lua --dry-run
  expect_code 2
  expect_contains "$ERR" "two jobs are named 'x' (jobs[2] (n=1) and jobs[2] (n=2))" "stderr"
}

case_batch_progress_on_a_terminal_is_one_live_line() {
  job_script
  manifest m.lua 'wait = "0.3"'
  # script(1) gives the batch a terminal as stderr.
  script -qec "'$SUMI' batch m.lua" /dev/null >tty.txt 2>&1 || fail "exit code $?: $(cat tty.txt)"
  local text
  text=$(tr '\r' '\n' <tty.txt)
  expect_contains "$text" "sumi batch: 0/3 done, 0 failed, 1 running" "terminal output"
  expect_contains "$text" "about " "terminal output (time left)"
  expect_contains "$text" "3 jobs: 3 ok, 0 failed, 0 not run" "terminal output"
  case "$text" in *"[1/3] ok"*) fail "a line per job on a terminal: $text" ;; esac
  # Without a terminal: one plain line per job, and no escape sequences.
  run "$SUMI" batch m.lua
  expect_code 0
  [ "$(grep -c '^sumi batch: \[[1-3]/3\] ok ' stderr.txt)" -eq 3 ] || fail "plain lines: $ERR"
  ! grep -q $'\033' stderr.txt || fail "escape sequences without a terminal"
}

case_batch_overlapping_run_finds_output_locked() {
  job_script
  manifest m.lua "" ', wait = "4"'
  "$SUMI" batch m.lua --only b >first.out 2>first.err &
  local first=$!
  wait_for_temporary reports
  run "$SUMI" batch m.lua --only b --report r.jsonl
  expect_code 1
  expect_contains "$ERR" "locked by PID $first" "second run's stderr"
  [ "$(report_field r.jsonl b status)" = locked ] || fail "status: $(cat r.jsonl)"
  wait "$first"
  local code=$?
  [ "$code" -eq 0 ] || fail "the first run failed ($code): $(cat first.err)"
  [ -s reports/b.pdf ] || fail "the first run did not publish"
  no_temporaries reports
}

# Every entry under a folder, hidden ones too, sorted.
entries() { (cd "$1" && find . -mindepth 1 | sort); }

# Locks are hidden while a job runs and gone when it ended, whether the
# batch succeeded or failed: folders people read hold the outputs only.
case_batch_output_folders_hold_only_the_outputs() {
  job_script
  matrix m.lua
  run "$SUMI" batch m.lua -j3
  expect_code 0
  local want
  want=$({ printf '%s\n' ./ann ./bob ./cy; for who in ann bob cy; do for n in 1 2 3 4; do
    echo "./$who/m-$who-$n-2025-07-28.pdf"; done; done; } | sort)
  [ "$(entries out)" = "$want" ] || fail "out/ holds more than the outputs: $(entries out)"
  # A failed batch too, and one that a failure stopped.
  sed -i 's/^  matrix = /  jobs = {{params = {fail = "yes"}}},\n  matrix = /' m.lua
  run "$SUMI" batch m.lua -j3 --keep-going
  expect_code 1
  [ "$(grep -c '\] failed ' stderr.txt)" -eq 12 ] || fail "12 failed jobs expected: $ERR"
  [ "$(entries out)" = "$want" ] || fail "a failed batch left files: $(entries out)"
  run "$SUMI" batch m.lua -j2
  expect_code 1
  [ "$(entries out)" = "$want" ] || fail "a batch stopped by a failure left files: $(entries out)"
  # While a job runs, its lock is a hidden file beside its output.
  manifest m.lua 'wait = "3"'
  "$SUMI" batch m.lua -j3 >run.out 2>run.err &
  local pid=$!
  wait_for_temporary reports
  [ -z "$(find reports -name '*.lock' ! -name '.*')" ] || fail "a visible lock file: $(entries reports)"
  for _ in $(seq 1 50); do [ -s reports/.b.pdf.lock ] && break; sleep 0.1; done
  [ "$(cat reports/.b.pdf.lock)" = "$pid" ] || fail "b's lock does not hold the batch's PID: $(entries reports)"
  wait "$pid" || fail "the batch failed: $(cat run.err)"
  [ "$(entries reports)" = "$(printf '%s\n' ./a.pdf ./b.pdf ./c.pdf)" ] ||
    fail "reports/ holds more than the outputs: $(entries reports)"
}

# A batch killed outright leaves its hidden locks (their processes are gone,
# so they hold nothing); an overlapping run still finds a held one, and the
# next run that takes each lock removes it.
case_batch_killed_run_leaves_hidden_locks_the_next_run_removes() {
  job_script
  manifest m.lua 'wait = "20"'
  "$SUMI" batch m.lua -j2 >run.out 2>run.err &
  local pid=$!
  wait_for_temporary reports
  for _ in $(seq 1 50); do [ -s reports/.a.pdf.lock ] && break; sleep 0.1; done
  run "$SUMI" batch m.lua --only a --report r.jsonl
  expect_code 1
  expect_contains "$ERR" "reports/a.pdf: locked by PID $pid (another run is writing it)" "stderr"
  [ "$(report_field r.jsonl a status)" = locked ] || fail "status: $(cat r.jsonl)"
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null
  sleep 0.5
  [ -e reports/.a.pdf.lock ] || fail "no lock left by the killed run (test set-up): $(entries reports)"
  manifest m.lua
  run "$SUMI" batch m.lua -j2
  expect_code 0
  [ "$(entries reports)" = "$(printf '%s\n' ./a.pdf ./b.pdf ./c.pdf)" ] ||
    fail "reports/ holds more than the outputs: $(entries reports)"
}

# Overlapping runs of the same jobs, again and again: each job of each run
# is ok or locked, never an error of the lock files that the runs remove
# (a run that locked a file just removed takes the new one instead).
case_batch_overlapping_runs_are_ok_or_locked_and_leave_no_locks() {
  job_script
  matrix m.lua
  for round in 1 2 3; do
    local pids=""
    for k in 1 2 3; do
      "$SUMI" batch m.lua -j4 --keep-going --report "r-$round-$k.jsonl" >"run-$k.out" 2>"run-$k.err" &
      pids="$pids $!"
    done
    for p in $pids; do wait "$p"; done
    local statuses
    statuses=$(cat r-"$round"-*.jsonl | jq -r .status | sort -u | tr '\n' ' ')
    case "$statuses" in
      "ok " | "locked ok ") ;;
      *) fail "round $round: $(cat r-"$round"-*.jsonl | jq -c 'select(.status != "ok" and .status != "locked")')" ;;
    esac
    [ -z "$(find out -name '*.lock')" ] || fail "round $round left lock files: $(find out -name '*.lock')"
  done
  no_temporaries out
}

# The lock files that sumi batch kept beside every output before
# (OUTPUT.lock) go once a run takes the output's lock; one that a run of
# such a version still holds makes the job locked; a file of that name that
# is not a lock stays.
case_batch_removes_visible_lock_files_of_earlier_versions() {
  job_script
  manifest m.lua
  mkdir reports
  printf '4242\n' >reports/a.pdf.lock
  printf '777\n' >reports/b.pdf.lock
  printf 'my notes\n' >reports/c.pdf.lock
  # An earlier version's run holding b's lock: a process with the file open
  # and flock'ed, as sumi batch did.
  (exec 9<reports/b.pdf.lock && flock 9 && exec sleep 30) &
  local holder=$!
  for _ in $(seq 1 50); do flock -n reports/b.pdf.lock true || break; sleep 0.1; done
  run "$SUMI" batch m.lua --keep-going --report r.jsonl
  kill "$holder" 2>/dev/null
  wait "$holder" 2>/dev/null
  expect_code 1
  [ "$(report_field r.jsonl b status)" = locked ] || fail "b is not locked: $(cat r.jsonl)"
  expect_contains "$ERR" "reports/b.pdf: locked by PID 777" "stderr"
  [ ! -e reports/a.pdf.lock ] || fail "a's old lock file stayed"
  [ "$(cat reports/c.pdf.lock)" = "my notes" ] || fail "a file that is not a lock was removed"
  run "$SUMI" batch m.lua
  expect_code 0
  [ "$(entries reports)" = "$(printf '%s\n' ./a.pdf ./b.pdf ./c.pdf ./c.pdf.lock)" ] ||
    fail "reports/: $(entries reports)"
}

# A manifest may build its jobs with the pure standard library: string,
# table, math, utf8 and the basic functions.
case_batch_manifest_builds_jobs_with_string_table_and_math() {
  job_script
  cat >m.lua <<'EOF'
local regions = {"tokyo", "osaka", "nagoya"}
local jobs = {}
for i = 1, 12 do
  local region = regions[(i - 1) % #regions + 1]
  local name = table.concat({region, string.format("%02d", i), ("q%d"):format(math.ceil(i / 3))}, "-")
  jobs[#jobs + 1] = {name = name, params = {who = region:upper(), n = math.floor(i / 2), len = utf8.len("東京")}}
end
assert(#jobs == 12 and select("#", table.unpack(jobs)) == 12 and type(next(jobs)) == "number")
local ok, err = pcall(error, "caught", 0)
assert(not ok and tostring(err) == "caught" and tonumber("12") == 12 and rawlen(jobs) == 12)
string.format = nil -- the manifest's own copy: the engine's stays
return {
  date = "2025-07-28",
  defaults = {script = "scripts/job.lua", output = "out/{name}.pdf"},
  jobs = jobs,
}
EOF
  run "$SUMI" batch m.lua --dry-run
  expect_code 0
  [ "$(wc -l <stdout.txt)" -eq 12 ] || fail "12 jobs expected: $OUT"
  [ "$(head -n 1 stdout.txt)" = "$(printf 'tokyo-01-q1\tout/tokyo-01-q1.pdf\tscripts/job.lua\tlen=2\tn=0\twho=TOKYO')" ] ||
    fail "first job: $(head -n 1 stdout.txt)"
  [ "$(tail -n 1 stdout.txt | cut -f1)" = nagoya-12-q4 ] || fail "last job: $(tail -n 1 stdout.txt)"
  run "$SUMI" batch m.lua -j4
  expect_code 0
  [ "$(find out -name '*.pdf' | wc -l)" -eq 12 ] || fail "12 outputs expected: $(find out)"
}

# Anything else in a manifest is an error that names it, at its line, and
# nothing runs (exit 2, as for any bad manifest).
case_batch_manifest_outside_the_pure_library_fails_naming_it() {
  job_script
  local may="(manifests may use string, table, math, utf8 and the basic functions: assert, error, ipairs, next, pairs, pcall, rawequal, rawget, rawlen, select, tonumber, tostring, type)"
  local use name
  while IFS='|' read -r use name; do
    printf 'local jobs = {}\nfor i = 1, 3 do\n  jobs[i] = {name = "j" .. i, script = "scripts/job.lua", output = "out/{name}.pdf"}\nend\nlocal x = %s\nreturn {jobs = jobs}\n' \
      "$use" >bad.lua
    run "$SUMI" batch bad.lua --report r.jsonl
    expect_code 2
    [ "$ERR" = "sumi: bad.lua:5: '$name' is not available in a manifest $may" ] ||
      fail "$use: stderr: $ERR"
  done <<'EOF'
os.time()|os
io.open("/etc/passwd")|io
require "sumi"|require
load("return 1")|load
dofile("x.lua")|dofile
string.dump(print)|string.dump
math.random(6)|math.random
getmetatable("").__index|getmetatable
print("hi")|print
coroutine.wrap(print)|coroutine
collectgarbage()|collectgarbage
debug|debug
package.loaded|package
EOF
  # Strings' methods are the engine's, without dump either.
  printf 'return ("x"):dump()\n' >bad.lua
  run "$SUMI" batch bad.lua
  expect_code 2
  expect_contains "$ERR" "bad.lua:1: attempt to call a nil value (method 'dump')" "stderr"
  [ ! -e out ] && [ ! -e r.jsonl ] || fail "a bad manifest wrote something: $(ls)"
}

# Runs a batch of three 20-second jobs (after a first run that published
# their outputs), sends the batch signal $1 once a job is writing, and checks
# that the batch exits 1, removes its temporaries, leaves the earlier
# outputs as they were and says it was stopped by SIG$1.
stop_batch_with() {
  job_script
  manifest m.lua
  run "$SUMI" batch m.lua
  expect_code 0
  local sums
  sums=$(tree_sums reports)
  manifest m.lua 'wait = "20"'
  "$SUMI" batch m.lua -j2 --report r.jsonl >run.out 2>run.err &
  local pid=$!
  wait_for_temporary reports
  kill -"$1" "$pid"
  wait "$pid"
  local code=$?
  [ "$code" -eq 1 ] || fail "exit code $code after SIG$1: $(cat run.err)"
  no_temporaries reports
  [ "$(tree_sums reports)" = "$sums" ] || fail "earlier outputs changed"
  expect_contains "$(cat run.err)" "stopped by SIG$1; not run: a b c" "stderr"
}

case_batch_sigterm_stops_jobs_and_reports_not_run() {
  stop_batch_with TERM
  for job in a b c; do
    [ "$(report_field r.jsonl $job status)" = not-run ] || fail "$job: $(cat r.jsonl)"
  done
  expect_contains "$(report_field r.jsonl a error)" "stopped by signal 15" "a's error"
}

# A closed terminal (SIGHUP) stops a batch as SIGTERM does: the stop
# signals are handled in one place (engine/run/stop.c) for every command.
case_batch_sighup_stops_jobs_like_sigterm() {
  stop_batch_with HUP
}

case_batch_sigkill_of_parent_leaves_temporaries_that_next_run_cleans() {
  job_script
  manifest m.lua 'wait = "20"'
  "$SUMI" batch m.lua -j2 >run.out 2>run.err &
  local pid=$!
  wait_for_temporary reports
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null
  sleep 0.5
  [ -n "$(find reports -name '.*.??????')" ] || fail "no stale temporary to clean (test set-up)"
  manifest m.lua
  run "$SUMI" batch m.lua -j2
  expect_code 0
  no_temporaries reports
  [ -s reports/a.pdf ] && [ -s reports/b.pdf ] && [ -s reports/c.pdf ] || fail "outputs missing"
}

case_batch_shard_union_equals_whole_run() {
  job_script
  matrix m.lua
  mkdir whole shards
  cp -R scripts m.lua whole/
  cp -R scripts m.lua shards/
  cd whole || fail "cd"
  run "$SUMI" batch m.lua -j2 --report r.jsonl
  expect_code 0
  cd ../shards || fail "cd"
  for k in 0 1 2; do
    run "$SUMI" batch m.lua --shard $k/3 --report 'r-{shard}.jsonl'
    expect_code 0
  done
  cd .. || fail "cd"
  [ "$(tree_sums whole/out)" = "$(tree_sums shards/out)" ] || fail "shard outputs differ from the whole run"
  [ "$(tree_sums whole/out | wc -l)" -eq 12 ] || fail "12 outputs expected"
  # Each job in exactly one shard; every shard gets some of the 12.
  local names
  names=$(cat shards/r-0.jsonl shards/r-1.jsonl shards/r-2.jsonl | jq -r .name | sort)
  [ "$names" = "$(jq -r .name whole/r.jsonl | sort)" ] || fail "shards ran: $names"
  for k in 0 1 2; do
    [ -s shards/r-$k.jsonl ] || fail "shard $k ran no job"
  done
  # A Slurm array 1-3 and a Kubernetes indexed job give the same shards.
  run "$SUMI" batch whole/m.lua --shard 1/3 --dry-run
  local by_option=$OUT
  run env SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=3 "$SUMI" batch whole/m.lua --dry-run
  [ "$OUT" = "$by_option" ] || fail "Slurm task 2 of 1-3 is not shard 1/3: $OUT"
  run env JOB_COMPLETION_INDEX=1 "$SUMI" batch whole/m.lua --shards 3 --dry-run
  [ "$OUT" = "$by_option" ] || fail "completion index 1 is not shard 1/3: $OUT"
  run env JOB_COMPLETION_INDEX=1 "$SUMI" batch whole/m.lua --dry-run
  expect_code 2
  expect_contains "$ERR" "give the completion count with --shards N" "stderr"
}

case_batch_j1_and_j2_write_identical_bytes() {
  job_script
  matrix m.lua
  mkdir one two
  cp -R scripts m.lua one/
  cp -R scripts m.lua two/
  cd one || fail "cd"
  run env TZ=UTC LANG=C "$SUMI" batch m.lua -j1
  expect_code 0
  cd ../two || fail "cd"
  run env -u HOME TZ=Asia/Tokyo LANG=ja_JP.UTF-8 LC_ALL=de_DE.UTF-8 "$SUMI" batch m.lua -j2
  expect_code 0
  cd .. || fail "cd"
  [ "$(tree_sums one/out)" = "$(tree_sums two/out)" ] || fail "-j1 and -j2 outputs differ"
  # The same bytes as sumi render with the manifest's date as SOURCE_DATE_EPOCH.
  cd one || fail "cd"
  run env SOURCE_DATE_EPOCH=1753660800 "$SUMI" render scripts/job.lua -p n=2 -p who=bob -o single/x.pdf
  expect_code 0
  cd .. || fail "cd"
  [ "$(sha one/single/x.pdf)" = "$(sha one/out/bob/m-bob-2-2025-07-28.pdf)" ] ||
    fail "batch output differs from sumi render's"
}

case_batch_report_fields_and_merge_reports() {
  job_script
  manifest m.lua "" ', fail = "yes"'
  run "$SUMI" batch m.lua --keep-going --report 'reports/run-{shard}.jsonl'
  expect_code 1
  local r=reports/run-all.jsonl
  [ "$(wc -l <$r)" -eq 3 ] || fail "3 lines expected: $(cat $r)"
  jq -e -s '.[] | select(.name == "a") | .params == {"who": "ann"} and .status == "ok" and .exit_code == 0
    and (.seconds | type) == "number" and .peak_memory_kib > 1000 and .output == "reports/a.pdf"
    and .error == null' $r >/dev/null || fail "job a's fields: $(head -n 1 $r)"
  [ "$(report_field $r a output_sha256)" = "$(sha reports/a.pdf)" ] || fail "a's sha256"
  jq -e -s '.[] | select(.name == "b") | .status == "failed" and .exit_code == 1 and .output_sha256 == null' \
    $r >/dev/null || fail "job b's fields: $(sed -n 2p $r)"
  [ "$(jq -r 'keys_unsorted | join(",")' $r | sort -u)" = \
    "name,params,status,exit_code,seconds,peak_memory_kib,output,output_sha256,error" ] ||
    fail "report keys: $(jq -r 'keys_unsorted | join(",")' $r | sort -u)"
  # Merging: sorted by name; a failed job makes the merge exit 1; a job in
  # two reports is an error and nothing is written.
  jq -c 'select(.name != "a")' $r >s1.jsonl
  jq -c 'select(.name == "a")' $r >s0.jsonl
  run "$SUMI" batch --merge-reports all.jsonl s1.jsonl s0.jsonl
  expect_code 1
  [ "$(jq -r .name all.jsonl | tr '\n' ' ')" = "a b c " ] || fail "merged: $(cat all.jsonl)"
  expect_contains "$ERR" "3 jobs, 2 ok, 1 not ok" "stderr"
  jq -c 'select(.name != "b")' $r >good.jsonl
  run "$SUMI" batch --merge-reports good-all.jsonl good.jsonl
  expect_code 0
  run "$SUMI" batch --merge-reports dup.jsonl s0.jsonl $r
  expect_code 1
  expect_contains "$ERR" "job 'a' is in two reports" "stderr"
  [ ! -e dup.jsonl ] || fail "a failed merge wrote its output"
  printf 'not json\n' >bad.jsonl
  run "$SUMI" batch --merge-reports x.jsonl bad.jsonl
  expect_code 1
  expect_contains "$ERR" "bad.jsonl:1: not a job of a sumi batch report" "stderr"
  # A status that is not a string counts as a job not ok, not a crash.
  printf '{"name":"z","status":null}\n' >null-status.jsonl
  run "$SUMI" batch --merge-reports z.jsonl null-status.jsonl
  expect_code 1
  expect_contains "$ERR" "1 jobs, 0 ok, 1 not ok" "stderr"
}

case_batch_usage_errors_exit_2() {
  job_script
  manifest m.lua
  run "$SUMI" batch
  expect_code 2
  expect_contains "$ERR" "no manifest given" "stderr"
  run "$SUMI" batch m.lua -j 0
  expect_code 2
  expect_contains "$ERR" "bad job count '0'" "stderr"
  run "$SUMI" batch m.lua --shard 3/3
  expect_code 2
  expect_contains "$ERR" "bad or repeated --shard '3/3'" "stderr"
  run "$SUMI" batch m.lua --shards 3
  expect_code 2
  expect_contains "$ERR" "neither is set" "stderr"
  run "$SUMI" batch m.lua --bogus
  expect_code 2
  expect_contains "$ERR" "unknown option '--bogus'" "stderr"
  run "$SUMI" batch missing.lua
  expect_code 2
  expect_contains "$ERR" "cannot open manifest 'missing.lua'" "stderr"
  run "$SUMI" batch --merge-reports out.jsonl
  expect_code 2
  run "$SUMI" batch --help
  expect_code 0
  expect_contains "$OUT" "--shard K/N" "--help"
  [ ! -e reports ] || fail "a usage error wrote outputs"
}

case_batch_docs_example_runs() {
  # docs/batch.md: its ```lua file=NAME blocks are written out and its
  # manifest run as the page says.
  awk '/^```lua file=/ { name = $2; sub(/^file=/, "", name); out = name; next }
       /^```/ { out = ""; next }
       out != "" { f = out; if (f ~ /\//) { d = f; sub(/\/[^\/]*$/, "", d); system("mkdir -p " d) }
                   print > f }' "$SRC/docs/batch.md"
  [ -f quarterly.manifest.lua ] || fail "docs/batch.md has no quarterly.manifest.lua block"
  run "$SUMI" batch quarterly.manifest.lua -j2 --report reports/quarterly.jsonl
  expect_code 0
  [ "$(jq -s length reports/quarterly.jsonl)" -eq 4 ] || fail "4 jobs expected: $(cat reports/quarterly.jsonl)"
  [ -s reports/quarterly/summary-ja-2025-Q1.pdf ] || fail "outputs: $(find reports)"
  pdftotext reports/quarterly/summary-ja-2025-Q2.pdf - | grep -q "2025-Q2" || fail "the PDF lacks its quarter"
  # The manifest that builds its jobs in a loop.
  run "$SUMI" batch branches.manifest.lua --dry-run
  expect_code 0
  [ "$(wc -l <stdout.txt)" -eq 60 ] || fail "60 jobs expected: $OUT"
  [ "$(sed -n 12p stdout.txt)" = "$(printf 'tokyo-2025-12\treports/branches/tokyo-2025-12.pdf\tquarterly.lua\tlang=ja\tquarter=2025-Q4')" ] ||
    fail "job 12: $(sed -n 12p stdout.txt)"
  run "$SUMI" batch branches.manifest.lua --only 'sapporo-2025-0[12]'
  expect_code 0
  [ "$(entries reports/branches)" = "$(printf '%s\n' ./sapporo-2025-01.pdf ./sapporo-2025-02.pdf)" ] ||
    fail "reports/branches: $(entries reports/branches)"
}

case_batch_flagship_manifest_renders_8_briefings() {
  mkdir -p scripts data
  cp "$SRC/scripts/china_ai_briefing.lua" "$SRC/scripts/china_ai_briefing_words.lua" "$SRC/scripts/waic_data.lua" \
    "$SRC/scripts/briefings.manifest.lua" scripts/
  cp "$SRC/data/"*.csv data/
  sqlite3 -bail data/waic2025.db <"$SRC/data/waic2025.sql" || fail "cannot build the database"
  run "$SUMI" batch scripts/briefings.manifest.lua -j2 --report reports/briefings/report.jsonl
  expect_code 0
  [ "$(find reports/briefings -name '*.pdf' | wc -l)" -eq 8 ] || fail "8 PDFs expected: $(ls reports/briefings)"
  local text
  text=$(pdftotext reports/briefings/board-2025-07-31.pdf -)
  expect_contains "$text" "配布先：取締役会" "the board's copy"
  expect_contains "$text" "取締役会限り｜投資家向け資料" "the board's copy"
  expect_contains "$text" "2025年7月31日" "the board's copy"
  expect_contains "$(pdftotext reports/briefings/osaka-2025-08-29.pdf -)" "配布先：大阪支社 法人営業部" "Osaka's copy"
  [ "$(jq -r .status reports/briefings/report.jsonl | sort -u)" = ok ] || fail "report: $(cat reports/briefings/report.jsonl)"
}

case_main
