#!/bin/bash
# The flagship briefing (scripts/china_ai_briefing.lua, 5 A4 pages) against
# the same briefing made with ReportLab and matplotlib (bench/briefing/
# briefing.py). Run by hand (never in ctest); see bench/README.md.
#
#   bash bench/briefing.sh [SUMI]        SUMI defaults to build-rel/sumi
#   RUNS=3 bash bench/briefing.sh        (quicker)
#
# Prints a Markdown table: hyperfine medians (whole processes), CPU time and
# peak memory from /usr/bin/time, PDF sizes, ratios and each target met or
# MISSED; then sumi's time split and the fonts each PDF embeds.
# shellcheck disable=SC2086  # the command variables are split into words on purpose
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)
sumi=$(realpath "${1:-build-rel/sumi}")
runs=${RUNS:-5}
date=2025-08-01
python=/usr/bin/python3    # Debian's, with python3-reportlab and python3-matplotlib
noto=/usr/share/fonts/opentype/noto
# ReportLab reads only TrueType outlines; Noto CJK is CFF. otf2ttf.py makes
# TrueType copies once (about 2 minutes a face, untimed) and keeps them here.
font_dir=${FONT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sumi-bench/noto-cjk-ttf}

for tool in hyperfine pdfinfo pdffonts /usr/bin/time "$python" "$sumi"; do
  command -v "$tool" >/dev/null || { echo "briefing.sh: $tool is missing" >&2; exit 2; }
done
"$python" -c 'import reportlab, matplotlib, fontTools' 2>/dev/null ||
  { echo "briefing.sh: $python lacks reportlab or matplotlib (apt install python3-reportlab python3-matplotlib)" >&2; exit 2; }
[ -f data/waic2025.db ] ||
  { echo "briefing.sh: no data/waic2025.db (sqlite3 data/waic2025.db < data/waic2025.sql)" >&2; exit 2; }

bench_name=briefing.sh
. bench/briefing/peer_fonts.sh
peer_fonts

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sumi-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

s="$sumi render"
flagship="$s scripts/china_ai_briefing.lua -p date=$date"
py="$python bench/briefing/briefing.py $tmp/rl.pdf $font_dir $repo $date"

median() { # hyperfine JSON -> median seconds of each command, one per line
  "$python" -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]: print("%.4f" % r["median"])' "$1"
}
cpu() { # hyperfine JSON -> mean CPU seconds (user + system) of each command
  "$python" -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]: print("%.4f" % (r["user"] + r["system"]))' "$1"
}
usage() { # CPU seconds (user + system) and peak resident MB of one run
  /usr/bin/time -f "%U %S %M" "$@" 2>&1 >/dev/null | tail -n 1 |
    awk '{ printf "%.2f %.0f\n", $1 + $2, $3 / 1024 }'
}

# Warm fontconfig's and matplotlib's caches once, untimed.
$py >/dev/null 2>&1 || true
echo "briefing.sh: $runs runs of each" >&2
# Stages first, in the same hyperfine run as the two whole briefings.
hyperfine --warmup 1 --runs "$runs" --export-json "$tmp/h.json" --style none -N \
  "$flagship -o $tmp/sumi.pdf" "$py" \
  "$s bench/briefing/empty.lua -o $tmp/x.png" "$s bench/briefing/fonts.lua -o $tmp/x.png" \
  "$flagship -o $tmp/x.trace" >/dev/null
mapfile -t wall < <(median "$tmp/h.json")
mapfile -t hcpu < <(cpu "$tmp/h.json")

read -r cpu_s mem_s < <(usage $flagship -o "$tmp/sumi.pdf")
read -r cpu_p mem_p < <(usage $py)
read -r _ mem_trace < <(usage $flagship -o "$tmp/x.trace")
read -r _ mem_fonts < <(usage $s bench/briefing/fonts.lua -o "$tmp/x.png")
pdf_s=$(stat -c %s "$tmp/sumi.pdf")
pdf_p=$(stat -c %s "$tmp/rl.pdf")
pages_s=$(pdfinfo "$tmp/sumi.pdf" | awk '/^Pages:/ { print $2 }')
pages_p=$(pdfinfo "$tmp/rl.pdf" | awk '/^Pages:/ { print $2 }')
size_s=$(pdfinfo "$tmp/sumi.pdf" | sed -n 's/^Page size: *//p')
size_p=$(pdfinfo "$tmp/rl.pdf" | sed -n 's/^Page size: *//p')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.0f KB", b / 1024 }'; }
minus() { awk -v x="$1" -v y="$2" 'BEGIN { print x - y }'; }
share() { awk -v x="$1" -v y="$2" -v t="${hcpu[0]}" 'BEGIN { printf "%.0f%%", 100 * (x - y) / t }'; }
at_least() { awk -v a="$1" -v b="$2" -v k="$3" 'BEGIN { print (a >= k * b) ? "met" : "MISSED" }'; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? "met" : "MISSED" }'; }
no_larger() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "met" : "MISSED" }'; }

cat <<EOF

| measure | sumi | ReportLab + matplotlib | theirs / sumi | target |
|---|---|---|---|---|
| wall, whole process | $(ms "${wall[0]}") | $(ms "${wall[1]}") | $(ratio "${wall[1]}" "${wall[0]}") | ≥ 10x faster: $(at_least "${wall[1]}" "${wall[0]}" 10) |
| CPU (user + system), hyperfine mean | $(ms "${hcpu[0]}") | $(ms "${hcpu[1]}") | $(ratio "${hcpu[1]}" "${hcpu[0]}") | ≥ 10x: $(at_least "${hcpu[1]}" "${hcpu[0]}" 10) |
| CPU, one run under /usr/bin/time | ${cpu_s} s | ${cpu_p} s | $(ratio "$cpu_p" "$cpu_s") | |
| peak RSS | $mem_s MB | $mem_p MB | $(ratio "$mem_p" "$mem_s") | < 100 MB: $(below "$mem_s" 100) |
| PDF size | $(kb "$pdf_s") | $(kb "$pdf_p") | $(ratio "$pdf_p" "$pdf_s") | ≤ theirs: $(no_larger "$pdf_s" "$pdf_p") |
| pages, page size | $pages_s, $size_s | $pages_p, $size_p | | same |

Wall: hyperfine medians after 1 warm-up, $runs runs, all commands (these two
and the stages below) in one hyperfine run. CPU and peak RSS: /usr/bin/time,
one run. The date is fixed (-p date=$date) for both.

sumi's time split, by subtracting the mean CPU time (hyperfine) of each
variant from the next: CPU time, because wall times on a shared machine are
noisy.

| stage | CPU time | share | peak RSS |
|---|---|---|---|
| start-up (bench/briefing/empty.lua) | $(ms "${hcpu[2]}") | $(share "${hcpu[2]}" 0) | |
| sumi.document, sumi.chart and the three faces (bench/briefing/fonts.lua) | $(ms "$(minus "${hcpu[3]}" "${hcpu[2]}")") | $(share "${hcpu[3]}" "${hcpu[2]}") | $mem_fonts MB |
| data, layout and a text trace of every page (the flagship, -o x.trace) | $(ms "$(minus "${hcpu[4]}" "${hcpu[3]}")") | $(share "${hcpu[4]}" "${hcpu[3]}") | $mem_trace MB |
| the pages drawn on a recording trace, the fonts cut by HarfBuzz, the pages drawn by cairo and the PDF written | $(ms "$(minus "${hcpu[0]}" "${hcpu[4]}")") | $(share "${hcpu[0]}" "${hcpu[4]}") | $mem_s MB |
| whole briefing | $(ms "${hcpu[0]}") | 100% | |

Fonts embedded (pdffonts), sumi:

\`\`\`
$(pdffonts "$tmp/sumi.pdf")
\`\`\`

ReportLab + matplotlib:

\`\`\`
$(pdffonts "$tmp/rl.pdf")
\`\`\`
EOF
echo
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, $(uname -sr)"
echo "versions: $("$sumi" --version), cairo $(pkg-config --modversion cairo), pango $(pkg-config --modversion pango), reportlab $("$python" -c 'import reportlab; print(reportlab.Version)'), matplotlib $("$python" -c 'import matplotlib; print(matplotlib.__version__)'), python $("$python" -c 'import platform; print(platform.python_version())'), $(hyperfine --version)"
