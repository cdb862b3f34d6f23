#!/bin/bash
# Shared helpers for the hostile-input cases. A reader's case script sets
# nothing itself: it sources this file, defines case_NAME functions, and
# ends with `hostile_main`.
#   SCRIPT SUMI SOURCE_DIR WORK_DIR CASE
# Each case runs in its own empty folder WORK_DIR/CASE.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/case.sh"

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

hostile_main() { case_main; }
