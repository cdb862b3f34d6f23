#!/bin/bash
# Languages: what the Chinese edition of the flagship and ICU's word break
# cost. Run by hand (never in ctest); see bench/README.md.
#
#   bash bench/languages.sh [SUMI [BEFORE]]   SUMI defaults to build-rel/sumi
#   RUNS=10 bash bench/languages.sh
#
# Prints a Markdown table of hyperfine medians (whole processes), in one
# run: the Japanese flagship, the same briefing with -p lang=zh-Hans, a
# script that sets one label with keep_words (ICU opened) and the same
# label without it (ICU never opened). With BEFORE, a sumi binary built
# from an earlier commit, its Japanese flagship joins the run, for the
# before-and-after ratio the language work must keep within 10%.
# shellcheck disable=SC2086  # the command variables are split into words on purpose
set -eu
cd "$(dirname "$0")/.."
sumi=$(realpath "${1:-build-rel/sumi}")
before=${2:+$(realpath "$2")}
runs=${RUNS:-10}
python=/usr/bin/python3

for tool in hyperfine "$python" "$sumi"; do
  command -v "$tool" >/dev/null || { echo "languages.sh: $tool is missing" >&2; exit 2; }
done
[ -f data/waic2025.db ] ||
  { echo "languages.sh: no data/waic2025.db (sqlite3 data/waic2025.db < data/waic2025.sql)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sumi-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/words.lua" <<'LUA'
local c = require("sumi").canvas.pdf(nil)
c:measure_text("生成AIとイスラエルのサイバーセキュリティスタートアップ", {size = 17, width = 300, keep_words = true})
LUA
sed 's/, keep_words = true//' "$tmp/words.lua" >"$tmp/plain.lua"

export SOURCE_DATE_EPOCH=1753660800
names=("ja flagship" "zh-Hans flagship" "label, keep_words (ICU)" "label, no keep_words")
commands=("$sumi render scripts/china_ai_briefing.lua -o $tmp/ja.pdf"
  "$sumi render scripts/china_ai_briefing.lua -p lang=zh-Hans -o $tmp/zh.pdf"
  "$sumi render $tmp/words.lua -o $tmp/words.pdf"
  "$sumi render $tmp/plain.lua -o $tmp/plain.pdf")
if [ -n "$before" ]; then
  # the earlier binary with its own scripts: the flagship as it was then
  root=$(cd "$(dirname "$before")/.." && pwd)
  names+=("ja flagship, before")
  commands+=("$before render $root/scripts/china_ai_briefing.lua -o $tmp/before.pdf")
  [ -f "$root/data/waic2025.db" ] || sqlite3 -bail "$root/data/waic2025.db" <"$root/data/waic2025.sql"
fi
echo "languages.sh: $runs runs of each" >&2
hyperfine -N -w 2 -r "$runs" --export-json "$tmp/h.json" "${commands[@]}" >&2

"$python" - "$tmp/h.json" "${names[@]}" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
names = sys.argv[2:]
med = [r["median"] * 1000 for r in results]
print("| run | median ms | ratio |")
print("|---|---:|---|")
print("| %s | %.1f | |" % (names[0], med[0]))
print("| %s | %.1f | %.2f x the Japanese edition |" % (names[1], med[1], med[1] / med[0]))
print("| %s | %.1f | +%.1f ms for ICU |" % (names[2], med[2], med[2] - med[3]))
print("| %s | %.1f | |" % (names[3], med[3]))
if len(med) > 4:
    print("| %s | %.1f | now / before: %.3f |" % (names[4], med[4], med[0] / med[4]))
PY
