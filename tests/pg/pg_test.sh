#!/usr/bin/env bash
# Runs a Lua test script against the cluster of the ctest fixture "postgres"
# (pg_fixture.sh), passing the connection as parameters.
#   pg_test.sh SUMI STATE SCRIPT OUTPUT
# Exit 77 (ctest: skipped) when the fixture found no PostgreSQL to start,
# except under CI=true, where that fails.
set -u
sumi=$1
state=$2
script=$3
out=$4
if [ -f "$state/unavailable" ]; then
    if [ "${CI:-}" = true ]; then
        echo "PostgreSQL unavailable under CI=true: $(cat "$state/unavailable")" >&2
        exit 1
    fi
    echo "skipped: PostgreSQL unavailable: $(cat "$state/unavailable")"
    exit 77
fi
if [ ! -f "$state/port" ]; then
    echo "no test cluster: the fixture test pg_start did not run or failed" >&2
    exit 1
fi
port=$(cat "$state/port")
exec "$sumi" render "$script" -o "$out" \
    -p conninfo="host=127.0.0.1 port=$port dbname=sumi_test user=postgres" \
    -p host=127.0.0.1 -p port="$port"
