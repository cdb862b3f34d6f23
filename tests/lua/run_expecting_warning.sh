#!/usr/bin/env bash
# Runs a sumi script that must succeed and print exactly the given
# warnings, one per TEXT, each containing its TEXT.
# usage: run_expecting_warning.sh SUMI SCRIPT OUT TEXT...
set -u
sumi=$1 script=$2 out=$3
shift 3
log=$("$sumi" render "$script" -o "$out" 2>&1)
rc=$?
echo "$log"
if [ $rc -ne 0 ]; then
    echo "FAIL: exited $rc"
    exit 1
fi
count=$(grep -c "sumi: warning: " <<<"$log")
if [ "$count" -ne $# ]; then
    echo "FAIL: $count warnings, $# expected"
    exit 1
fi
for text in "$@"; do
    if ! grep -F "sumi: warning: " <<<"$log" | grep -qF -- "$text"; then
        echo "FAIL: no warning containing '$text'"
        exit 1
    fi
done
