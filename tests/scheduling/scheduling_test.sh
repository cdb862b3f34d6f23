#!/bin/bash
# The recipes of docs/scheduling.md, run or checked as written.
#   scheduling_test.sh SUMI SOURCE_DIR WORK_DIR CASE
# The recipes name the checkout /srv/reports and the installed binary
# /usr/local/bin/sumi; the cases replace exactly those two strings with the
# test's folder and the built binary, and nothing else.
source "$(dirname "$0")/../lib/case.sh"
DOC="$SRC/docs/scheduling.md"
FILES="$SRC/docs/scheduling"

localize() { # the recipe's two machine-specific paths made this test's
  sed -e "s|/srv/reports|$PWD|g" -e "s|/usr/local/bin/sumi|$SUMI|g"
}

# fenced LANG: the lines of the doc's ```LANG blocks.
fenced() {
  awk -v lang="$1" '
    /^```/ { if (inside) { inside = 0; next } if ($0 == "```" lang) { inside = 1; next } }
    inside { print }' "$DOC"
}

case_doc_excerpts_match_the_files() {
  # The sbatch script shown is the file, line for line (its comments aside).
  fenced bash >shown.txt
  grep -v '^# \|^#$' "$FILES/briefings.sbatch" >file.txt
  diff file.txt shown.txt >diff.txt || fail "docs/scheduling.md's sbatch script is not briefings.sbatch: $(cat diff.txt)"
  # Every line of the units' excerpt is in the unit files.
  local line
  while IFS= read -r line; do
    case "$line" in "" | "#"*) continue ;; esac
    grep -qxF "$line" "$FILES/sumi-briefings.service" "$FILES/sumi-briefings.timer" ||
      fail "the doc shows '$line', which is in neither unit file"
  done < <(fenced ini)
  # The CronJob's command in the doc is the file's.
  grep -q 'completionMode: Indexed' "$FILES/briefings-cronjob.yaml" || fail "no completionMode: Indexed"
  [ "$(fenced crontab | wc -l)" -eq 1 ] || fail "expected one crontab line in the doc"
}

case_systemd_units_pass_systemd_analyze_verify() {
  if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "systemd-analyze is not installed: the units' syntax was NOT checked"
    exit 77
  fi
  mkdir units
  localize <"$FILES/sumi-briefings.service" >units/sumi-briefings.service
  cp "$FILES/sumi-briefings.timer" units/
  grep -qx 'Persistent=true' units/sumi-briefings.timer || fail "the timer is not Persistent=true"
  # verify prints unknown keys and bad values as warnings with exit 0: any
  # output at all is a failure.
  run systemd-analyze verify units/sumi-briefings.timer units/sumi-briefings.service
  expect_code 0
  [ -z "$OUT$ERR" ] || fail "systemd-analyze verify: $OUT $ERR"
  # The check itself works: a misspelt key is reported.
  sed 's/^Persistent=/Persistant=/' units/sumi-briefings.timer >units/bad.timer
  cp units/sumi-briefings.service units/bad.service
  run systemd-analyze verify units/bad.timer
  expect_contains "$OUT$ERR" "Unknown key" "systemd-analyze verify of a misspelt key"
}

case_kubernetes_cronjob_parses_as_yaml() {
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import yaml' 2>/dev/null ||
    fail "python3-yaml is missing (bootstrap.sh test installs it)"
  run /usr/bin/python3 - "$FILES/briefings-cronjob.yaml" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
job = doc["spec"]["jobTemplate"]["spec"]
cmd = job["template"]["spec"]["containers"][0]["command"]
print(doc["kind"], job["completionMode"], job["completions"], " ".join(cmd))
PY
  expect_code 0
  expect_contains "$OUT" "CronJob Indexed 4 sumi batch scripts/briefings.manifest.lua --shards 4" "parsed CronJob"
}

# The crontab line, exactly as the doc shows it, under cron's conditions:
# an empty environment but for cron's PATH=/usr/bin:/bin, SHELL, HOME and
# LOGNAME, /bin/sh, the home folder as working folder, no terminal (setsid:
# no controlling terminal; stdin from /dev/null).
case_crontab_line_runs_under_cron_environment() {
  flagship_project
  mkdir -p reports/batch home
  local line schedule command
  line=$(fenced crontab | localize)
  schedule=$(echo "$line" | awk '{print $1, $2, $3, $4, $5}')
  command=$(echo "$line" | cut -d ' ' -f 6-)
  [ "$schedule" = "30 6 * * 1-5" ] || fail "unexpected schedule '$schedule'"
  case "$command" in *%*) fail "a % in a crontab command is a newline to cron: $command" ;; esac
  # The sanitizer build's settings are the test's, not cron's: kept.
  local keep=() v
  for v in ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS; do
    [ -z "${!v:-}" ] || keep+=("$v=${!v}")
  done
  (cd home && run setsid --wait env -i PATH=/usr/bin:/bin SHELL=/bin/sh HOME="$PWD" \
    LOGNAME="$(id -un)" "${keep[@]}" /bin/sh -c "$command" </dev/null
    expect_code 0
    [ -z "$OUT$ERR" ] || fail "the line printed (cron would mail it): $OUT $ERR") || exit 1
  [ "$(find reports/briefings -name '*.pdf' | wc -l)" -eq 8 ] ||
    fail "expected 8 briefings: $(ls reports/briefings)"
  [ "$(jq -r .status reports/batch/briefings.jsonl | sort | uniq -c | awk '{print $1, $2}')" = "8 ok" ] ||
    fail "the report is not 8 ok jobs: $(cat reports/batch/briefings.jsonl)"
  # Without a terminal: one plain line per finished job, no live line.
  [ "$(grep -c '^sumi batch: \[[0-9]*/8\] ok ' reports/batch/cron.log)" -eq 8 ] ||
    fail "the log has not one line per job: $(cat reports/batch/cron.log)"
  if grep -q 'Sanitizer\|runtime error:' reports/batch/cron.log; then
    fail "sanitizer report in the log: $(head -c 2000 reports/batch/cron.log)"
  fi
  if grep -q $'\r\|\e' reports/batch/cron.log; then
    fail "the log has terminal control characters"
  fi
}

# The jq lines of the doc on a real report: one run of the flagship manifest
# with one job broken, so that each query has something to find.
case_jq_lines_read_a_real_report() {
  command -v jq >/dev/null || fail "jq is missing (bootstrap.sh test installs it)"
  flagship_project
  mkdir -p reports/batch
  run "$SUMI" batch scripts/briefings.manifest.lua -j 2 --keep-going --report reports/batch/briefings.jsonl
  expect_code 0
  # The osaka jobs fail on a second run: an empty recipient.
  sed -i 's|recipient = "大阪支社 法人営業部"|recipient = ""|' scripts/briefings.manifest.lua
  run "$SUMI" batch scripts/briefings.manifest.lua -j 2 --keep-going --report reports/batch/briefings.jsonl
  local lines=()
  mapfile -t lines < <(grep '^jq ' "$DOC")
  [ "${#lines[@]}" -eq 4 ] || fail "expected 4 jq lines in the doc, found ${#lines[@]}"
  run bash -c "${lines[0]}"
  expect_code 0
  [ "$(wc -l <stdout.txt)" -ge 1 ] || fail "jq line 1 found no failed job"
  expect_contains "$OUT" "osaka-" "jq line 1"
  expect_contains "$OUT" "failed" "jq line 1"
  expect_contains "$OUT" "parameter recipient must be one line" "jq line 1"
  run bash -c "${lines[1]}"
  expect_code 0
  expect_contains "$(echo "$OUT" | tr -d ' \n')" '"ok":' "jq line 2"
  expect_contains "$(echo "$OUT" | tr -d ' \n')" '"failed":' "jq line 2"
  run bash -c "${lines[2]}"
  expect_code 0
  [ "$(wc -l <stdout.txt)" -eq 3 ] || fail "jq line 3 printed not 3 lines: $OUT"
  [[ "$(head -n 1 stdout.txt)" =~ ^[0-9.]+s\ [0-9]+\ KiB\ [a-z]+-2025-[0-9-]+$ ]] ||
    fail "jq line 3: $(head -n 1 stdout.txt)"
  run bash -c "${lines[3]}"
  expect_code 0
  [ -z "$OUT" ] || fail "jq line 4 printed: $OUT"
  # ... and it notices a file that changed after the run.
  echo tampered >>"$(jq -r 'select(.status == "ok") | .output' reports/batch/briefings.jsonl | head -n 1)"
  run bash -c "${lines[3]}"
  [ "$CODE" -ne 0 ] || fail "jq line 4 did not notice a changed file"
}

# The CronJob's command, as its pods would run it: JOB_COMPLETION_INDEX 0 to
# 3 and --shards 4 split the manifest so that every job runs exactly once.
case_kubernetes_indexed_pods_split_the_manifest() {
  flagship_project
  mkdir -p reports/batch
  /usr/bin/python3 - "$FILES/briefings-cronjob.yaml" >command.txt <<'PY' || fail "cannot read the CronJob"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
print("\n".join(doc["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["command"]))
PY
  local cmd=() i
  mapfile -t cmd <command.txt
  [ "${cmd[0]}" = sumi ] || fail "the CronJob does not run sumi: ${cmd[*]}"
  for i in 0 1 2 3; do
    run env JOB_COMPLETION_INDEX=$i "$SUMI" "${cmd[@]:1}"
    expect_code 0
  done
  run "$SUMI" batch --merge-reports reports/batch/briefings.jsonl reports/batch/briefings-{0,1,2,3}.jsonl
  expect_code 0
  [ "$(jq -r .name reports/batch/briefings.jsonl | sort -u | wc -l)" -eq 8 ] ||
    fail "the pods did not run the 8 jobs once each: $(jq -r .name reports/batch/briefings.jsonl)"
  [ "$(wc -l <reports/batch/briefings.jsonl)" -eq 8 ] || fail "a job ran in two pods"
}

case_main
