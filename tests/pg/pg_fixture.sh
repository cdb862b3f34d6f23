#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (the ctest fixture "postgres").
#
#   pg_fixture.sh start STATE PORT SOURCE_DIR
#   pg_fixture.sh stop STATE
#
# start: initdb and pg_ctl (from the newest /usr/lib/postgresql/*/bin, or
# $SUMI_PG_BINDIR) make a cluster in a fresh folder under /tmp (short, so the
# socket path fits, and reachable by the `postgres` user whatever the build
# folder's permissions), listening on 127.0.0.1 only, at PORT or the next
# free port above it, with its socket in the cluster folder. Local connections are trusted, except
# for the role sumi_secret, which needs its password (the bad-password test).
# It loads data/waic2025.sql and tests/pg/types.sql into the database
# sumi_test, then writes STATE/port and STATE/cluster.
#
# As root (CI), initdb refuses to run: the cluster belongs to the `postgres`
# user the Debian package creates, and the server runs as that user.
#
# When the server cannot start, start writes the reason to STATE/unavailable
# and exits 0, so the tests that need it report themselves skipped (exit 77)
# -- except under CI=true, where it exits 1 and the suite fails.
set -u

die() {
    echo "pg_fixture: $*" >&2
    exit 1
}

unavailable() {
    echo "pg_fixture: PostgreSQL unavailable: $*" >&2
    if [ "${CI:-}" = true ]; then
        echo "pg_fixture: CI=true: the PostgreSQL tests must run" >&2
        exit 1
    fi
    echo "$*" >"$state/unavailable"
    exit 0
}

# run_pg CMD...: runs a PostgreSQL program as the cluster's owner.
run_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_cluster() {
    [ -f "$state/cluster" ] || return 0
    local cluster
    cluster=$(cat "$state/cluster")
    if [ -n "$cluster" ] && [ -d "$cluster" ]; then
        if [ -f "$cluster/data/postmaster.pid" ]; then
            local bin
            bin=$(cat "$state/bindir" 2>/dev/null)
            run_pg "${bin:-/usr/bin}/pg_ctl" stop -D "$cluster/data" -m immediate -w -t 30 \
                >/dev/null 2>&1 || {
                # pg_ctl gone or refusing: end the server by its own pid.
                local pid
                pid=$(head -n 1 "$cluster/data/postmaster.pid" 2>/dev/null)
                [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
            }
        fi
        rm -rf "$cluster"
    fi
    rm -f "$state/cluster" "$state/port" "$state/bindir"
}

cmd=${1:-}
state=${2:-}
[ -n "$state" ] || die "usage: pg_fixture.sh start STATE PORT SOURCE_DIR | stop STATE"
mkdir -p "$state" || die "cannot create $state"

case $cmd in
stop)
    stop_cluster
    exit 0
    ;;
start) ;;
*) die "usage: pg_fixture.sh start STATE PORT SOURCE_DIR | stop STATE" ;;
esac

port=${3:-55432}
src=${4:-}
[ -d "$src/data" ] || die "no source folder given (SOURCE_DIR/data/waic2025.sql is loaded)"

# A cluster left by an interrupted run goes first.
stop_cluster
rm -f "$state/unavailable"

# SUMI_PG_BINDIR names another installation's bin folder.
bindir=
for d in ${SUMI_PG_BINDIR:-$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r)}; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/psql" ]; then
        bindir=$d
        break
    fi
done
[ -n "$bindir" ] || unavailable "no PostgreSQL server in ${SUMI_PG_BINDIR:-/usr/lib/postgresql/*/bin} (bootstrap.sh test installs the package postgresql)"
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    unavailable "running as root, and there is no 'postgres' user to own the cluster"
fi
echo "$bindir" >"$state/bindir"

cluster=$(mktemp -d /tmp/sumi-pg.XXXXXX) || die "mktemp failed"
echo "$cluster" >"$state/cluster"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$cluster" || die "cannot give $cluster to postgres"
fi
chmod 700 "$cluster"
log=$cluster/server.log

# --no-sync: a test cluster need not survive a power cut; it starts in ~1 s.
if ! run_pg "$bindir/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --locale=C \
    --no-sync --no-instructions >"$state/initdb.log" 2>&1; then
    cat "$state/initdb.log" >&2
    stop_cluster
    unavailable "initdb failed (log above)"
fi
run_pg sh -c "cat >'$cluster/data/pg_hba.conf'" <<'HBA' || die "cannot write pg_hba.conf"
# TYPE  DATABASE  USER         ADDRESS       METHOD
local   all       all                        trust
host    all       sumi_secret  127.0.0.1/32  scram-sha-256
host    all       all          127.0.0.1/32  trust
HBA

listening() { # true when something accepts connections on 127.0.0.1:$1
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

started=
for try in $(seq 0 20); do
    p=$((port + try))
    listening "$p" && continue
    : >"$state/start.log"
    if run_pg "$bindir/pg_ctl" start -D "$cluster/data" -l "$log" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $p -k $cluster -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=20 -c shared_buffers=16MB" \
        >"$state/start.log" 2>&1; then
        started=$p
        break
    fi
    # Another server took the port between the check and the start: next one.
    grep -q "could not bind\|Address already in use" "$log" 2>/dev/null && continue
    cat "$state/start.log" "$log" >&2 2>/dev/null
    stop_cluster
    unavailable "pg_ctl start failed (log above)"
done
if [ -z "$started" ]; then
    stop_cluster
    unavailable "no free port in $port..$((port + 20))"
fi
echo "$started" >"$state/port"

psql() {
    run_pg "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$cluster" -p "$started" -U postgres "$@"
}
# The SQL files are read here (as this user) and fed on standard input, so
# the postgres user never needs to reach the source tree.
if ! { psql -d postgres -c "CREATE DATABASE sumi_test" &&
    psql -d postgres -c "CREATE ROLE sumi_secret LOGIN PASSWORD 'right-password-4711'" &&
    psql -d sumi_test <"$src/data/waic2025.sql" &&
    psql -d sumi_test <"$src/tests/pg/types.sql" &&
    psql -d sumi_test -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO sumi_secret"; } \
    >"$state/load.log" 2>&1; then
    cat "$state/load.log" >&2
    stop_cluster
    die "loading the test data failed (log above)"
fi
echo "pg_fixture: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$started, cluster $cluster"
