#!/bin/bash
# What every shell test case shares (tests/cli, tests/hostile): its
# arguments, an empty folder of its own, and the checks.
#   SCRIPT SUMI SOURCE_DIR WORK_DIR CASE
# Each case runs in its own empty folder WORK_DIR/CASE; `case_main` calls
# the function case_CASE.
set -u
SUMI="$1"
SRC="$2"
WORK="$3/$4"
CASE="$4"
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1

fail() {
  echo "FAIL $CASE: $*" >&2
  exit 1
}

# run CMD...: stdout, stderr and exit code in OUT, ERR, CODE. A hang is a
# failure too: every run has a time limit.
run() {
  timeout 120 "$@" >stdout.txt 2>stderr.txt
  CODE=$?
  OUT=$(cat stdout.txt)
  ERR=$(cat stderr.txt)
  [ "$CODE" -ne 124 ] || fail "timed out after 120 s: $*"
  # A sanitizer report exits 1 too, the code of an ordinary failed run: a
  # hostile case that expects 1 must not take one for the other.
  case "$ERR" in
    *"Sanitizer"* | *": runtime error: "*) fail "sanitizer report: $(head -c 2000 stderr.txt)" ;;
  esac
}

expect_code() {
  [ "$CODE" -eq "$1" ] || fail "exit code $CODE, expected $1; stderr: $(head -c 2000 stderr.txt)"
}

expect_contains() { # haystack needle what
  case "$1" in
    *"$2"*) ;;
    *) fail "$3 lacks '$2'; got: $(printf '%s' "$1" | head -c 2000)" ;;
  esac
}

# The flagship's project in the case's folder: every script, the CSV files
# and the SQLite database built from data/waic2025.sql.
flagship_project() {
  mkdir -p scripts data reports
  cp "$SRC"/scripts/*.lua scripts/
  cp "$SRC"/data/*.csv data/
  [ -e data/waic2025.db ] || sqlite3 -bail data/waic2025.db <"$SRC/data/waic2025.sql" ||
    fail "cannot build data/waic2025.db from data/waic2025.sql"
}

case_main() {
  declare -F "case_$CASE" >/dev/null || fail "no case named $CASE"
  "case_$CASE"
}
