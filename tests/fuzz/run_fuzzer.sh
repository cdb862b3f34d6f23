#!/bin/bash
# Runs one fuzz target for a bounded time from its committed corpus.
#   run_fuzzer.sh TARGET FUZZER SOURCE_DIR WORK_DIR [SECONDS [MAX_LEN]]
# TARGET names the folders corpus/TARGET and regressions/TARGET and the
# dictionary TARGET.dict (when there is one). FUZZER is empty when the build
# found no clang with libFuzzer: then the test is skipped (exit 77), but
# fails in CI, where it must run.
set -u
target=$1
fuzzer=$2
src=$3
work=$4
seconds=${5:-20}
max_len=${6:-16384}

if [ -z "$fuzzer" ] || [ ! -x "$fuzzer" ]; then
  msg="fuzz_$target: the libFuzzer target was not built: clang with libFuzzer is missing (Debian: apt install clang libclang-rt-14-dev, then configure again)"
  if [ "${CI:-}" = true ]; then
    echo "$msg" >&2
    exit 1
  fi
  echo "$msg; skipped"
  exit 77
fi

dict=()
[ -f "$src/$target.dict" ] && dict=(-dict="$src/$target.dict")
rm -rf "$work"
mkdir -p "$work/corpus" "$work/crashes"
# New inputs go to $work/corpus; the committed folders are only read.
# libFuzzer exits 77 on a crash by default, which ctest takes for "skipped"
# (SKIP_RETURN_CODE): a crash, a timeout or a leak must fail the test.
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$max_len" \
  -error_exitcode=1 -timeout_exitcode=1 \
  "${dict[@]}" -artifact_prefix="$work/crashes/" -print_final_stats=1 \
  "$work/corpus" "$src/corpus/$target" "$src/regressions/$target"
rc=$?
if [ $rc -ne 0 ]; then
  echo "fuzz_$target: a failing input is in $work/crashes/:" >&2
  ls -l "$work/crashes" >&2
  echo "fix the engine, then copy the input into tests/fuzz/regressions/$target/ under a name that says what broke" >&2
fi
exit $rc
