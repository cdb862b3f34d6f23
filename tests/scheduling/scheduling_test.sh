#!/bin/bash
# The recipes of docs/scheduling.md, run or checked as written.
#   scheduling_test.sh SUMI SOURCE_DIR WORK_DIR CASE
# The recipes name the checkout /srv/reports and the installed binary
# /usr/local/bin/sumi; the cases replace exactly those two strings with the
# test's folder and the built binary, and nothing else.
source "$(dirname "$0")/../lib/case.sh"
DOC="$SRC/docs/scheduling.md"
FILES="$SRC/docs/scheduling"

project() {
  mkdir -p scripts data reports
  cp "$SRC"/scripts/*.lua scripts/
  cp "$SRC"/data/*.csv data/
  sqlite3 -bail data/waic2025.db <"$SRC/data/waic2025.sql" ||
    fail "cannot build data/waic2025.db from data/waic2025.sql"
}

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

case_main
