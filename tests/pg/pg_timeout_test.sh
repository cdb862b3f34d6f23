#!/bin/bash
# A PostgreSQL query that would outlive the run's --timeout is cancelled by
# the server (the statement_timeout sumi sets from the time left), so the
# run fails quickly with the limit's message and the script line, rather
# than being killed by the watching parent.
#   pg_timeout_test.sh SUMI STATE_DIR
sumi="$1"
state="$2"
if [ -f "$state/unavailable" ]; then
    echo "skipped: PostgreSQL unavailable: $(cat "$state/unavailable")"
    exit 77
fi
[ -f "$state/port" ] || { echo "no test cluster: pg_start did not run" >&2; exit 1; }
port=$(cat "$state/port")
work="$state/timeout"
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
cat >sleep.lua <<'LUA'
local sumi = require "sumi"
sumi.data.query_postgres(sumi.params.conninfo, "SELECT pg_sleep(60) AS s")
LUA
start=$(date +%s)
"$sumi" render sleep.lua --timeout 3 \
    -p conninfo="host=127.0.0.1 port=$port dbname=sumi_test user=postgres" 2>stderr.txt
code=$?
elapsed=$(($(date +%s) - start))
[ "$code" -eq 1 ] || { echo "exit code $code, expected 1: $(cat stderr.txt)" >&2; exit 1; }
grep -q "sleep.lua:2: .*time limit 3 s exceeded during the query; raise it with --timeout" stderr.txt ||
    { echo "unexpected message: $(cat stderr.txt)" >&2; exit 1; }
[ "$elapsed" -lt 10 ] || { echo "took $elapsed s" >&2; exit 1; }
echo "ok - the server cancelled the query after the run's time limit ($elapsed s)"
