#!/bin/bash
# Charts: sumi against matplotlib and against plain cairo + Pango C programs
# (the "floor"). Run by hand (never in ctest); see bench/README.md.
#
#   bash bench/charts.sh [SUMI]            SUMI defaults to build/sumi
#   RUNS=3 SLOW_RUNS=1 OFF_N=20000 COUNT=50 bash bench/charts.sh   (quicker)
#
# Cases: (a) a Japanese bar chart to a 1920x1080 PNG and a PDF; (b) a line
# of 1,000,000 points to PNG and PDF; (c) 200 small bar charts to 200 PNGs.
# Prints Markdown tables: hyperfine medians (whole processes), CPU time and
# peak memory from /usr/bin/time, ratios and each target met or MISSED; then
# sumi's time split for case (a) and the PNG encoder settings.
set -eu
cd "$(dirname "$0")/.."
sumi=$(realpath "${1:-build/sumi}")
runs=${RUNS:-7}            # (a)
slow_runs=${SLOW_RUNS:-3}  # (b) and (c)
off_n=${OFF_N:-100000}     # points of (b) without decimation (see README)
count=${COUNT:-200}        # charts of (c)
python=/usr/bin/python3    # Debian's, with python3-matplotlib; not whatever is first on PATH

for tool in hyperfine cc pkg-config /usr/bin/time "$python" "$sumi"; do
  command -v "$tool" >/dev/null || { echo "charts.sh: $tool is missing" >&2; exit 2; }
done
"$python" -c 'import matplotlib, numpy' 2>/dev/null ||
  { echo "charts.sh: $python has no matplotlib (apt install python3-matplotlib)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sumi-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp bench/charts/* "$tmp"/
mkdir "$tmp/bin"
# The floor and the encoder comparison, optimised (-O2) like a release build.
flags="-O2 -std=c11 -Wall -Wextra"
for p in bar line many; do
  # shellcheck disable=SC2046,SC2086
  cc $flags -o "$tmp/bin/$p" "bench/floor/$p.c" $(pkg-config --cflags --libs pangocairo cairo-pdf) -lm
done
# shellcheck disable=SC2046,SC2086
cc $flags -Iengine/core -o "$tmp/bin/png_settings" bench/png_settings.c engine/core/png.c \
  $(pkg-config --cflags --libs cairo libpng)
cd "$tmp"

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
hf() { # json runs command...
  local json=$1 n=$2
  shift 2
  hyperfine --warmup 1 --runs "$n" --export-json "$json" --style none -N "$@" >/dev/null
}

s="$sumi render"
py="$python"
echo "charts.sh: $runs runs for (a), $slow_runs for (b) and (c)" >&2
# Warm fontconfig's and matplotlib's caches once, untimed.
$py bar.py >/dev/null 2>&1 || true
mkdir -p many
echo "charts.sh: (a) bar chart" >&2
hf a.json "$runs" "$s bar.lua -o x.pdf" "bin/bar" \
  "$s bar.lua -p stage=empty -o x.pdf" "$s bar.lua -p stage=fonts -o x.pdf" \
  "$s bar.lua -p stage=layout -o x.pdf" "$s bar.lua -p stage=draw -o x.pdf" "$py bar.py"
echo "charts.sh: (b) 1,000,000-point line" >&2
hf b.json "$slow_runs" "$s line.lua -o x.pdf" "$py line.py" \
  "$s line.lua -p decimate=lttb -o x.pdf"
$s line.lua -p decimate=lttb -o x.pdf && pdf_lttb=$(stat -c %s line.pdf)
$s line.lua -o x.pdf && pdf_sumi=$(stat -c %s line.pdf) png_sumi=$(stat -c %s line.png)
$py line.py && pdf_py=$(stat -c %s line.pdf) png_py=$(stat -c %s line.png)
echo "charts.sh: (b) from a CSV file" >&2
# The same points as a file (untimed), read by sumi.data.read_csv and by
# pandas.read_csv: how an analyst's million rows arrive.
"$python" -c 'import numpy as np
i = np.arange(1, 1_000_001, dtype=np.float64)
v = 50 * np.sin(i / 20000) + 10 * np.sin(i * 0.7) * np.sin(i * 0.013)
with open("line.csv", "w") as f:
    f.write("t,v\n")
    np.savetxt(f, np.column_stack([i, v]), fmt=["%d", "%.6f"], delimiter=",")'
hf b_csv.json "$slow_runs" "$s line_csv.lua -o x.pdf" "$py line_csv.py"
echo "charts.sh: (b) $off_n points, no decimation" >&2
hf b_off.json "$slow_runs" "$s line.lua -p decimate=false -p n=$off_n -o x.pdf" "bin/line $off_n"
echo "charts.sh: (c) $count small charts" >&2
# One hyperfine run for the three, so that they share the machine's state;
# matplotlib's 200 charts take about 40 s a run, hence slow_runs.
hf c.json "$slow_runs" "$s many.lua -p count=$count -o x.pdf" "bin/many $count" "$py many.py $count"

mapfile -t a < <(median a.json)
mapfile -t a_cpu < <(cpu a.json)
a_py=${a[6]}
mapfile -t b < <(median b.json)
mapfile -t b_off < <(median b_off.json)
mapfile -t b_csv < <(median b_csv.json)
mapfile -t c < <(median c.json)
c_py=${c[2]}

read -r cpu_a_s mem_a_s < <(usage $s bar.lua -o x.pdf)
read -r cpu_a_f mem_a_f < <(usage bin/bar)
read -r cpu_a_p mem_a_p < <(usage $py bar.py)
read -r cpu_b_s mem_b_s < <(usage $s line.lua -o x.pdf)
read -r cpu_b_p mem_b_p < <(usage $py line.py)
read -r cpu_bc_s mem_bc_s < <(usage $s line_csv.lua -o x.pdf)
read -r cpu_bc_p mem_bc_p < <(usage $py line_csv.py)
read -r cpu_bo_s mem_bo_s < <(usage $s line.lua -p decimate=false -p n="$off_n" -o x.pdf)
read -r cpu_bo_f mem_bo_f < <(usage bin/line "$off_n")
read -r cpu_c_s mem_c_s < <(usage $s many.lua -p count="$count" -o x.pdf)
read -r cpu_c_f mem_c_f < <(usage bin/many "$count")
read -r cpu_c_p mem_c_p < <(usage $py many.py "$count")
read -r _ mem_c1_s < <(usage $s many.lua -p count=1 -o x.pdf)
read -r _ mem_c1_f < <(usage bin/many 1)
read -r _ mem_c1_p < <(usage $py many.py 1)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
ratio2() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.0f KB", b / 1024 }'; }
minus() { awk -v x="$1" -v y="$2" 'BEGIN { print x - y }'; }
share() { awk -v x="$1" -v y="$2" -v t="${a_cpu[0]}" 'BEGIN { printf "%.0f%%", 100 * (x - y) / t }'; }
at_least() { awk -v a="$1" -v b="$2" -v k="$3" 'BEGIN { print (a >= k * b) ? "met" : "MISSED" }'; }
# sumi no slower than the floor, allowing 3% of noise (the ratio is printed as is).
no_slower() { awk -v s="$1" -v f="$2" 'BEGIN { print (s <= 1.03 * f) ? "met" : "MISSED" }'; }
flat() { awk -v one="$1" -v many="$2" 'BEGIN { print (many <= 1.1 * one) ? "met" : "MISSED" }'; }

cat <<EOF

| case | measure | sumi | floor (C) | matplotlib | sumi / floor | matplotlib / sumi | target |
|---|---|---|---|---|---|---|---|
| (a) bar chart, 1920x1080 PNG + PDF | wall | $(ms "${a[0]}") | $(ms "${a[1]}") | $(ms "$a_py") | $(ratio2 "${a[0]}" "${a[1]}") | $(ratio "$a_py" "${a[0]}") | ≤ floor: $(no_slower "${a[0]}" "${a[1]}"); ≥ 5x matplotlib: $(at_least "$a_py" "${a[0]}" 5) |
| | CPU | ${cpu_a_s} s | ${cpu_a_f} s | ${cpu_a_p} s | $(ratio2 "$cpu_a_s" "$cpu_a_f") | $(ratio "$cpu_a_p" "$cpu_a_s") | |
| | peak RSS | $mem_a_s MB | $mem_a_f MB | $mem_a_p MB | $(ratio2 "$mem_a_s" "$mem_a_f") | $(ratio "$mem_a_p" "$mem_a_s") | ≤ floor + 10%: $(awk -v s="$mem_a_s" -v f="$mem_a_f" 'BEGIN { print (s <= 1.1 * f) ? "met" : "MISSED" }') |
| (b) 1,000,000-point line, decimated ("minmax") (chart.line, slides theme, with axes) | wall | $(ms "${b[0]}") | | $(ms "${b[1]}") | | $(ratio "${b[1]}" "${b[0]}") | ≥ 5x matplotlib: $(at_least "${b[1]}" "${b[0]}" 5) |
| | CPU | ${cpu_b_s} s | | ${cpu_b_p} s | | $(ratio "$cpu_b_p" "$cpu_b_s") | |
| | peak RSS | $mem_b_s MB | | $mem_b_p MB | | $(ratio "$mem_b_p" "$mem_b_s") | |
| | PDF size | $(kb "$pdf_sumi") | | $(kb "$pdf_py") | | $(ratio "$pdf_py" "$pdf_sumi") | ≤ matplotlib's: $(awk -v s="$pdf_sumi" -v p="$pdf_py" 'BEGIN { print (s <= p) ? "met" : "MISSED" }') |
| | PNG size | $(kb "$png_sumi") | | $(kb "$png_py") | | | |
| (b) the same, read from a 1,000,000-row CSV file (read_csv / pandas.read_csv) | wall | $(ms "${b_csv[0]}") | | $(ms "${b_csv[1]}") | | $(ratio "${b_csv[1]}" "${b_csv[0]}") | ≥ 5x matplotlib: $(at_least "${b_csv[1]}" "${b_csv[0]}" 5) |
| | CPU | ${cpu_bc_s} s | | ${cpu_bc_p} s | | $(ratio "$cpu_bc_p" "$cpu_bc_s") | |
| | peak RSS | $mem_bc_s MB | | $mem_bc_p MB | | $(ratio "$mem_bc_p" "$mem_bc_s") | |
| (b) the same with \`decimate = "lttb"\` (3,360 points) | wall | $(ms "${b[2]}") | | $(ms "${b[1]}") | | $(ratio "${b[1]}" "${b[2]}") | ≥ 5x matplotlib: $(at_least "${b[1]}" "${b[2]}" 5) |
| | PDF size | $(kb "$pdf_lttb") | | $(kb "$pdf_py") | | $(ratio "$pdf_py" "$pdf_lttb") | |
| (b) $off_n points, no decimation (chart.line, decimate = false) | wall | $(ms "${b_off[0]}") | $(ms "${b_off[1]}") | | $(ratio2 "${b_off[0]}" "${b_off[1]}") | | ≤ floor: $(no_slower "${b_off[0]}" "${b_off[1]}") |
| | CPU | ${cpu_bo_s} s | ${cpu_bo_f} s | | $(ratio2 "$cpu_bo_s" "$cpu_bo_f") | | |
| | peak RSS | $mem_bo_s MB | $mem_bo_f MB | | $(ratio2 "$mem_bo_s" "$mem_bo_f") | | |
| (c) $count bar charts, 600x400 PNGs | wall | $(ms "${c[0]}") | $(ms "${c[1]}") | $(ms "$c_py") | $(ratio2 "${c[0]}" "${c[1]}") | $(ratio "$c_py" "${c[0]}") | ≥ 10x matplotlib: $(at_least "$c_py" "${c[0]}" 10) |
| | CPU | ${cpu_c_s} s | ${cpu_c_f} s | ${cpu_c_p} s | $(ratio2 "$cpu_c_s" "$cpu_c_f") | $(ratio "$cpu_c_p" "$cpu_c_s") | |
| | peak RSS, 1 chart → $count | $mem_c1_s → $mem_c_s MB | $mem_c1_f → $mem_c_f MB | $mem_c1_p → $mem_c_p MB | | | flat (≤ +10%): $(flat "$mem_c1_s" "$mem_c_s") |

Wall: hyperfine medians after 1 warm-up, $runs runs for (a), $slow_runs for (b) and (c);
the programs of a case in one hyperfine run. CPU (user + system) and peak RSS:
/usr/bin/time, one run. The floor writes PNGs with cairo_surface_write_to_png.

sumi's time split for (a), by subtracting the mean CPU time (user + system,
from hyperfine) of each variant of bar.lua from the next: CPU time, because
on a shared machine differences of wall times drown in noise. A discarded
PDF canvas is still finished by cairo (fonts subset and written), so the PDF's
encoding falls under "drawing"; the last stage is the PNG's encoding and the
publishing of both files.

| stage | CPU time | share |
|---|---|---|
| start-up (an empty script) | $(ms "${a_cpu[2]}") | $(share "${a_cpu[2]}" 0) |
| fonts (one text measured) | $(ms "$(minus "${a_cpu[3]}" "${a_cpu[2]}")") | $(share "${a_cpu[3]}" "${a_cpu[2]}") |
| layout (chart:layout on the PNG and the PDF canvas) | $(ms "$(minus "${a_cpu[4]}" "${a_cpu[3]}")") | $(share "${a_cpu[4]}" "${a_cpu[3]}") |
| drawing (chart:draw on both, then discard: the PDF is finished) | $(ms "$(minus "${a_cpu[5]}" "${a_cpu[4]}")") | $(share "${a_cpu[5]}" "${a_cpu[4]}") |
| PNG encoding, publishing both files | $(ms "$(minus "${a_cpu[0]}" "${a_cpu[5]}")") | $(share "${a_cpu[0]}" "${a_cpu[5]}") |
| whole script | $(ms "${a_cpu[0]}") | 100% |

PNG encoder settings, on sumi's own (a) and (c) charts (median of 9 encodings
in one process; engine/core/png.c unless named):

| setting | 1920x1080 bar chart | 600x400 bar chart |
|---|---|---|
EOF
$s bar.lua -o x.pdf
$s many.lua -p count=1 -o x.pdf
bin/png_settings 9 bar.png many/c001.png
echo
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, $(uname -sr)"
echo "versions: $("$sumi" --version), cairo $(pkg-config --modversion cairo), pango $(pkg-config --modversion pango), libpng $(pkg-config --modversion libpng), matplotlib $("$python" -c 'import matplotlib; print(matplotlib.__version__)'), python $("$python" -c 'import platform; print(platform.python_version())'), $(cc --version | head -n 1), $(hyperfine --version)"
