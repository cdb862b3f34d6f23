#!/bin/bash
# Shared helpers for the hostile-input cases. A reader's case script sets
# nothing itself: it sources this file, defines case_NAME functions, and
# ends with `hostile_main`.
#   SCRIPT SUMI SOURCE_DIR WORK_DIR CASE
# Each case runs in its own empty folder WORK_DIR/CASE.
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

# good_run ARGS...: renders report.lua to out/report.pdf, which must
# succeed, and keeps a copy of the PDF in good.pdf.
good_run() {
  run "$SUMI" render report.lua -o out/report.pdf "$@"
  expect_code 0
  [ -s out/report.pdf ] || fail "the good run wrote no out/report.pdf"
  cp out/report.pdf good.pdf
}

# hostile_run MESSAGE ARGS...: the same render with hostile input must exit
# 1 with MESSAGE on stderr, and leave the good PDF as it was, with no
# temporary file beside it.
hostile_run() {
  local message="$1"
  shift
  run "$SUMI" render report.lua -o out/report.pdf "$@"
  expect_code 1
  expect_contains "$ERR" "$message" "stderr"
  cmp -s good.pdf out/report.pdf || fail "the earlier good output was replaced"
  local leftovers
  leftovers=$(find out -type f ! -name report.pdf)
  [ -z "$leftovers" ] || fail "files left behind: $leftovers"
}

hostile_main() {
  declare -F "case_$CASE" >/dev/null || fail "no case named $CASE"
  "case_$CASE"
}
