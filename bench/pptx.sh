#!/bin/bash
# PowerPoint decks: the flagship's charts as one .pptx against the same
# charts as PNG files (what a presenter otherwise inserts one by one), and
# the slides document as a deck against the same document as a PDF. Run by
# hand (never in ctest); see bench/README.md.
#
#   bash bench/pptx.sh [SUMI]          SUMI defaults to build/sumi
#   RUNS=3 bash bench/pptx.sh          (quicker)
#
# A deck holds every chart twice, as SVG and as a PNG fallback at 144 dpi,
# against one 1920 x 1080 PNG (192 dpi) per chart for --format png: fewer
# pixels to draw and encode, plus the SVG text and the zip.
# Prints a Markdown table: hyperfine medians (whole processes), peak memory
# from /usr/bin/time, the ratio to the PNG export and the target (a deck in
# less time than the PNGs) met or MISSED.
set -eu
cd "$(dirname "$0")/.."
sumi=$(realpath "${1:-build/sumi}")
runs=${RUNS:-10}
python=/usr/bin/python3

for tool in hyperfine /usr/bin/time "$python" "$sumi"; do
  command -v "$tool" >/dev/null || { echo "pptx.sh: $tool is missing" >&2; exit 2; }
done
[ -e data/waic2025.db ] || { echo "pptx.sh: build data/waic2025.db first (sh bootstrap.sh briefing)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sumi-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1753747200

cmds=(
  "$sumi chart scripts/china_ai_briefing.lua --format png --out $tmp/png"
  "$sumi chart scripts/china_ai_briefing.lua --format svg --out $tmp/svg"
  "$sumi chart scripts/china_ai_briefing.lua --format pptx --out $tmp/pptx"
  "$sumi render scripts/china_ai_slides.lua -o $tmp/slides.pdf"
  "$sumi render scripts/china_ai_slides.lua -o $tmp/slides.pptx"
)
names=("flagship charts -> PNG (1920x1080)" "flagship charts -> SVG" "flagship charts -> one .pptx"
  "slides document -> PDF" "slides document -> .pptx")
hyperfine --warmup 2 --runs "$runs" --export-json "$tmp/times.json" "${cmds[@]}" > /dev/null 2>&1

mapfile -t medians < <("$python" -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]: print("%.4f" % r["median"])' "$tmp/times.json")
peak() { /usr/bin/time -f %M sh -c "$1 > /dev/null" 2>&1 | tail -1; }

charts=$(ls "$tmp/png" | wc -l)
echo "### PowerPoint decks ($charts charts of the flagship; medians of $runs runs)"
echo
echo "| case | median | peak memory | vs PNGs | size |"
echo "|---|---|---|---|---|"
for i in "${!cmds[@]}"; do
  ratio=$("$python" -c "print('%.2fx' % (${medians[$i]} / ${medians[0]}))")
  case $i in
    0) size=$(du -cb "$tmp"/png/*.png | tail -1 | cut -f1) ;;
    1) size=$(du -cb "$tmp"/svg/*.svg | tail -1 | cut -f1) ;;
    2) size=$(stat -c %s "$tmp"/pptx/china_ai_briefing.pptx) ;;
    3) size=$(stat -c %s "$tmp"/slides.pdf) ;;
    4) size=$(stat -c %s "$tmp"/slides.pptx) ;;
  esac
  [ "$i" -le 2 ] || ratio="—"
  printf '| %s | %.0f ms | %s MB | %s | %s KB |\n' "${names[$i]}" \
    "$("$python" -c "print(${medians[$i]} * 1000)")" \
    "$("$python" -c "print('%.0f' % ($(peak "${cmds[$i]}") / 1024))")" "$ratio" "$((size / 1024))"
done
echo
if "$python" -c "import sys; sys.exit(0 if ${medians[2]} < ${medians[0]} else 1)"; then
  echo "Target (a deck of the charts in less time than their PNGs): met"
else
  echo "Target (a deck of the charts in less time than their PNGs): MISSED"
fi
