#!/bin/bash
# Runs the CSV fuzz target for a bounded time from the committed corpus.
#   run_fuzzer.sh FUZZER SOURCE_DIR WORK_DIR [SECONDS]
# FUZZER is empty when the build found no clang with libFuzzer: then the
# test is skipped (exit 77), but fails in CI, where it must run.
set -u
fuzzer=$1
src=$2
work=$3
seconds=${4:-20}

if [ -z "$fuzzer" ] || [ ! -x "$fuzzer" ]; then
  msg="fuzz_csv: the libFuzzer target was not built: clang with libFuzzer is missing (Debian: apt install clang libclang-rt-14-dev, then configure again)"
  if [ "${CI:-}" = true ]; then
    echo "$msg" >&2
    exit 1
  fi
  echo "$msg; skipped"
  exit 77
fi

rm -rf "$work"
mkdir -p "$work/corpus" "$work/crashes"
# New inputs go to $work/corpus; the committed folders are only read.
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=16384 \
  -dict="$src/csv.dict" -artifact_prefix="$work/crashes/" -print_final_stats=1 \
  "$work/corpus" "$src/corpus" "$src/regressions"
rc=$?
if [ $rc -ne 0 ]; then
  echo "fuzz_csv: a failing input is in $work/crashes/:" >&2
  ls -l "$work/crashes" >&2
  echo "fix the reader, then copy the input into tests/fuzz/regressions/ under a name that says what broke" >&2
fi
exit $rc
