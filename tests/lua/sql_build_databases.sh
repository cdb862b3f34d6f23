#!/bin/sh
# Builds the SQLite databases of the sql_* Lua tests from their SQL text (the
# ctest fixture "sqlite_databases"): databases are never committed.
#   sql_build_databases.sh OUT_DIR SOURCE_DIR
set -eu
out=$1
src=$2
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "sqlite3 is not installed (Debian package sqlite3; bootstrap.sh installs it)" >&2
  exit 1
fi
mkdir -p "$out"
build() { # db sql
  rm -f "$1" "$1.tmp"
  sqlite3 -bail "$1.tmp" <"$2"
  mv "$1.tmp" "$1"
}
build "$out/fixture.db" "$src/tests/lua/fixtures/sql_fixture.sql"
build "$out/waic2025.db" "$src/data/waic2025.sql"
echo "built $out/fixture.db and $out/waic2025.db"
