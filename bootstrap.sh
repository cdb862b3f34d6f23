#!/bin/sh
# Sets up a Debian 12 machine for sumi and builds it.
#
#   sh bootstrap.sh briefing   install what is missing, build, render the
#                              flagship to reports/china_ai_briefing.pdf
#   sh bootstrap.sh test       install what is missing (with the test tools),
#                              build, and run the whole suite through ctest,
#                              then again under AddressSanitizer and UBSan
#
# Run as root, or as a user with sudo. Installing is skipped for packages that
# are already there, so the second run only builds.
set -eu
cd "$(dirname "$0")"

mode="${1:-}"
case "$mode" in
  briefing|test) ;;
  *) echo "usage: sh bootstrap.sh briefing|test" >&2; exit 2 ;;
esac

# Build and run time; sqlite3 builds data/waic2025.db from its SQL text;
# icc-profiles-free has the sRGB profile compiled in for PDF/A; lua-check
# (luacheck) is what `sumi check` reads scripts with; help2man makes the man
# pages from --help; libzip packs PowerPoint decks and libxlsxwriter writes
# Excel workbooks.
packages="build-essential cmake pkg-config liblua5.4-dev libcairo2-dev libpango1.0-dev
  libharfbuzz-dev libfontconfig-dev libjson-c-dev libsqlite3-dev libpq-dev libpng-dev libicu-dev
  fonts-noto-cjk fonts-dejavu-core sqlite3 icc-profiles-free lua-check help2man
  libzip-dev libxlsxwriter-dev"
# Tests: cmocka for C, poppler for reading PDFs back, luacheck (above) and
# clang-format for lint, locales for the foreign-locale test, postgresql for
# the server the PostgreSQL tests start themselves (tests/pg/pg_fixture.sh
# makes a throwaway cluster as the package's `postgres` user; the package's
# own cluster is not used).
# clang and libclang-rt-14-dev (libFuzzer) build the fuzz targets (tests/fuzz).
# librsvg2-bin (rsvg-convert) and libxml2-utils (xmllint) check the SVGs.
# jq reads the JSON-lines reports of `sumi batch` (tests/batch) and runs the
# report queries of docs/scheduling.md; python3-yaml parses its Kubernetes
# CronJob. debootstrap makes the fresh Debian root the .deb is installed
# in (tests/install); man-db and bash-completion read the man pages and the
# completion as a user's shell does. slurmctld, slurmd, slurm-client and munge make the single-node
# Slurm cluster that tests/slurm starts itself (tests/slurm/cluster.sh); the
# packages' own services are not used. python3-openpyxl reads the Excel
# workbooks back and LibreOffice Impress converts the PowerPoint decks to PDF
# (tests/office), as the people who receive them would open them.
test_packages="libcmocka-dev poppler-utils qpdf mupdf-tools clang-format debootstrap man-db bash-completion locales postgresql
  clang libclang-rt-14-dev librsvg2-bin libxml2-utils jq python3-yaml
  python3-openpyxl libreoffice-impress
  slurmctld slurmd slurm-client munge"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  missing=""
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $p"
    fi
  done
  if [ -n "$missing" ]; then
    echo "bootstrap: installing$missing"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
}

# The seed database is built from data/waic2025.sql, never committed: again
# whenever the SQL is newer. Written aside and renamed, so a failed build
# never leaves half a database.
seed_database() {
  if [ ! -e data/waic2025.db ] || [ data/waic2025.sql -nt data/waic2025.db ]; then
    rm -f data/waic2025.db.tmp
    sqlite3 -bail data/waic2025.db.tmp < data/waic2025.sql
    mv data/waic2025.db.tmp data/waic2025.db
    echo "bootstrap: built data/waic2025.db"
  fi
}

build() { # build folder, extra cmake arguments...
  dir="$1"
  shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
  cmake --build "$dir" -j "$(nproc)"
}

if [ "$mode" = briefing ]; then
  install_missing $packages
  seed_database
  build build -DSUMI_TESTS=OFF
  build/sumi render scripts/china_ai_briefing.lua
  echo "bootstrap: wrote reports/china_ai_briefing.pdf"
  exit 0
fi

install_missing $packages $test_packages
seed_database
# A German locale, whose decimal comma must never reach a number we write.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  as_root localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi
# A Japanese locale, under which reruns must write the same bytes (tests/reruns).
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
  as_root localedef -i ja_JP -f UTF-8 ja_JP.UTF-8
fi

build build -DSUMI_TESTS=ON
(cd build && ctest --output-on-failure -j "$(nproc)")

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
build build-asan -DSUMI_TESTS=ON -DSUMI_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
(cd build-asan && ctest --output-on-failure -j "$(nproc)")
