#!/usr/bin/env bash
# Runs run_examples.sh on a Markdown file whose examples are marked
# `-- selftest: pass` or `-- selftest: fail`, and checks that the runner
# fails, and names the line of every "fail" example and of no other.
# usage: runner_selftest.sh SUMI OUTDIR FIXTURE.md
set -u
sumi=$1
outdir=$2
fixture=$3
here=$(cd "$(dirname "$0")" && pwd)

log=$(bash "$here/run_examples.sh" "$sumi" "$outdir" "$fixture" 2>&1)
rc=$?
status=0
if [ $rc -ne 1 ]; then
    echo "runner exited $rc on broken examples; 1 expected"
    status=1
fi

# Line of each ```lua fence, and what its block says it must do.
expected=$(awk '
    /^```lua[ \t]*$/ { fence = NR; next }
    fence && /^-- selftest: pass/ { print fence, "pass"; fence = 0 }
    fence && /^-- selftest: fail/ { print fence, "fail"; fence = 0 }
    /^```/ { fence = 0 }' "$fixture")
if [ -z "$expected" ]; then
    echo "no '-- selftest:' examples in $fixture"
    exit 1
fi
while read -r line verdict; do
    if grep -q "^$fixture:$line: " <<<"$log"; then
        reported=fail
    else
        reported=pass
    fi
    if [ "$reported" != "$verdict" ]; then
        echo "$fixture:$line: the runner says $reported, the example is marked $verdict"
        status=1
    fi
done <<<"$expected"

if [ $status -ne 0 ]; then
    echo "--- runner output:"
    echo "$log"
fi
exit $status
