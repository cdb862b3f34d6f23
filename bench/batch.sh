#!/bin/bash
# sumi batch: (a) the engine's own cost per job, from 200 trivial jobs;
# (b) 50 flagship briefings with different parameters at -j1 and -j2,
# against a shell loop of 50 `sumi render` and the ReportLab + matplotlib
# peer of bench/briefing.sh run 50 times; (c) the peak memory of the batch's
# parent and of one job. Run by hand (never in ctest); see bench/README.md.
#
#   bash bench/batch.sh [SUMI]        SUMI defaults to build-rel/sumi
#   RUNS=1 bash bench/batch.sh        (quicker; default 3)
#   PEER=0 bash bench/batch.sh        (without the ReportLab peer)
#
# Prints a Markdown table with each target marked met or MISSED.
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)
sumi=$(realpath "${1:-build-rel/sumi}")
runs=${RUNS:-3}
peer=${PEER:-1}
python=/usr/bin/python3    # Debian's, with python3-reportlab and python3-matplotlib
noto=/usr/share/fonts/opentype/noto
font_dir=${FONT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sumi-bench/noto-cjk-ttf}

for tool in hyperfine jq strace /usr/bin/time "$python" "$sumi"; do
  command -v "$tool" >/dev/null || { echo "batch.sh: $tool is missing" >&2; exit 2; }
done
[ -f data/waic2025.db ] ||
  { echo "batch.sh: no data/waic2025.db (sqlite3 data/waic2025.db < data/waic2025.sql)" >&2; exit 2; }
if [ "$peer" = 1 ]; then
  "$python" -c 'import reportlab, matplotlib, fontTools' 2>/dev/null ||
    { echo "batch.sh: $python lacks reportlab or matplotlib (or run with PEER=0)" >&2; exit 2; }
  bench_name=batch.sh
  . bench/briefing/peer_fonts.sh
  peer_fonts
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sumi-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# A project folder of its own: the scripts, the data and the manifests.
mkdir -p "$tmp/p/scripts" "$tmp/p/data"
cp scripts/*.lua "$tmp/p/scripts/"
cp data/*.csv data/waic2025.db "$tmp/p/data/"
cd "$tmp/p"

cat >scripts/trivial.lua <<'LUA'
-- A job with almost no work of its own: an 8x8 PNG.
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 8, height = 8})
c:rect(0, 0, 8, 8)
c:fill("#1b1f24")
LUA
trivial_manifest() { # count
  cat <<LUA
local n = {}
for i = 1, $1 do n[i] = i end
return {
  date = "2025-08-01",
  defaults = {script = "trivial.lua", output = "../out/trivial$1/{name}.png"},
  matrix = {i = n},
  jobs = {{name = "t{param.i}"}},
}
LUA
}
trivial_manifest 200 >scripts/trivial200.manifest.lua
trivial_manifest 1 >scripts/trivial1.manifest.lua

# 50 briefings: 5 recipients x 10 dates.
recipients=("東京本社 投資戦略部" "大阪支社 法人営業部" "シンガポール拠点 アジア株式チーム"
  "取締役会" "ロンドン拠点 欧州株式チーム")
dates=(2025-07-01 2025-07-04 2025-07-08 2025-07-11 2025-07-15 2025-07-18 2025-07-22
  2025-07-25 2025-07-29 2025-07-31)
{
  echo 'return {'
  echo '  date = "2025-08-01",'
  echo '  defaults = {script = "china_ai_briefing.lua", output = "../out/batch/{name}.pdf"},'
  printf '  matrix = {date = {'; printf '"%s", ' "${dates[@]}"; echo '}},'
  echo '  jobs = {'
  for i in "${!recipients[@]}"; do
    echo "    {name = \"r$i-{param.date}\", params = {recipient = \"${recipients[$i]}\"}},"
  done
  echo '  },'
  echo '}'
} >scripts/briefings50.manifest.lua
{
  echo 'set -e'
  for i in "${!recipients[@]}"; do
    for d in "${dates[@]}"; do
      echo "'$sumi' render scripts/china_ai_briefing.lua -p date=$d -p 'recipient=${recipients[$i]}' -o out/loop/r$i-$d.pdf"
    done
  done
} >loop.sh
{
  echo 'set -e'
  for i in "${!recipients[@]}"; do
    for d in "${dates[@]}"; do
      echo "'$python' '$repo/bench/briefing/briefing.py' out/peer/r$i-$d.pdf '$font_dir' '$repo' $d"
    done
  done
} >peer.sh
mkdir -p out/loop out/peer
export SOURCE_DATE_EPOCH=1754006400

b="$sumi batch"
echo "batch.sh: $runs runs of each; the checks first" >&2
$b scripts/briefings50.manifest.lua -j 2 --report check.jsonl 2>/dev/null
[ "$(jq -r 'select(.status == "ok") | .name' check.jsonl | wc -l)" -eq 50 ] ||
  { echo "batch.sh: the 50 briefings did not all succeed" >&2; exit 1; }

median() { # hyperfine JSON -> median seconds of each command, one per line
  jq -r '.results[].median' "$1"
}
hyperfine --warmup 1 --runs "$runs" --export-json h1.json --style none -N \
  "$b scripts/trivial1.manifest.lua" "$b scripts/trivial200.manifest.lua" \
  "$sumi render scripts/trivial.lua -o out/one.png" >/dev/null 2>&1
mapfile -t t < <(median h1.json)
hyperfine --runs "$runs" --export-json h2.json --style none \
  "$b scripts/briefings50.manifest.lua -j 1" "$b scripts/briefings50.manifest.lua -j 2" \
  "bash loop.sh" >/dev/null 2>&1
mapfile -t f < <(median h2.json)
if [ "$peer" = 1 ]; then
  "$python" "$repo/bench/briefing/briefing.py" out/peer/warm.pdf "$font_dir" "$repo" 2025-08-01 >/dev/null 2>&1
  hyperfine --runs 1 --export-json h3.json --style none "bash peer.sh" >/dev/null 2>&1
  p=$(median h3.json)
fi

# (c) The parent's peak: its VmHWM, read until it exits; a job's: the
# largest peak_memory_kib of the report (the kernel's maxrss of the child).
$b scripts/briefings50.manifest.lua -j 2 --report mem.jsonl 2>/dev/null &
pid=$!
hwm=0
while kill -0 "$pid" 2>/dev/null; do
  v=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$v" ] && hwm=$v
  sleep 0.05
done
wait "$pid"
job_kib=$(jq -s 'map(.peak_memory_kib) | max' mem.jsonl)

# No font rescanning per job: the font files opened by the parent and by
# all 200 jobs (strace follows the forks).
strace -f -qq -e trace=openat -o trace.txt $b scripts/trivial200.manifest.lua 2>/dev/null
parent=$(head -n 1 trace.txt | awk '{ print $1 }')
fc_parent=$(grep -E 'fontconfig/.*\.cache-|fonts/|\.(ttc|otf|ttf)"' trace.txt | awk -v p="$parent" '$1 == p' | wc -l)
fc_jobs=$(grep -E 'fontconfig/.*\.cache-|fonts/|\.(ttc|otf|ttf)"' trace.txt | awk -v p="$parent" '$1 != p' | wc -l)

ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
sec() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }
per_job() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 199 * 1000 }'; }
rate() { awk -v s="$1" 'BEGIN { printf "%.1f/s", 50 / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
cost=$(per_job "${t[0]}" "${t[1]}")

cat <<EOF

| measure | result | target |
|---|---|---|
| (a) 200 trivial jobs, -j1 | $(sec "${t[1]}") | |
| (a) 1 trivial job, -j1 (the batch's fixed cost) | $(ms "${t[0]}") | |
| (a) engine cost per job: (200 jobs - 1 job) / 199 | $cost ms | < 10 ms: $(awk -v c="$cost" 'BEGIN { print (c < 10) ? "met" : "MISSED" }') |
| (a) the same trivial script as its own process (sumi render) | $(ms "${t[2]}") | |
| (a) font folders, fontconfig caches and font files opened (strace): parent / all 200 jobs | $fc_parent / $fc_jobs | no rescanning per job (jobs 0): $([ "$fc_jobs" -eq 0 ] && echo met || echo MISSED) |
| (b) 50 briefings, sumi batch -j1 | $(sec "${f[0]}") ($(rate "${f[0]}")) | |
| (b) 50 briefings, sumi batch -j2 | $(sec "${f[1]}") ($(rate "${f[1]}")) | ≥ 1.8x -j1: $(ratio "${f[0]}" "${f[1]}"), $(awk -v a="${f[0]}" -v b="${f[1]}" 'BEGIN { print (a >= 1.8 * b) ? "met" : "MISSED" }') |
| (b) 50 briefings, a shell loop of sumi render | $(sec "${f[2]}") ($(rate "${f[2]}")) | batch -j1 is $(ratio "${f[2]}" "${f[0]}") faster |
EOF
if [ "$peer" = 1 ]; then
  echo "| (b) 50 briefings, ReportLab + matplotlib (bench/briefing/briefing.py) in a loop | $(sec "$p") ($(rate "$p")) | batch -j1 is $(ratio "$p" "${f[0]}") faster, -j2 $(ratio "$p" "${f[1]}") |"
fi
cat <<EOF
| (c) peak RSS of the batch's parent (VmHWM), 50 briefings -j2 | $(mb "$hwm") | |
| (c) peak RSS of one job (largest of the 50) | $(mb "$job_kib") | |

Wall times: hyperfine medians, $runs runs ((a) after 1 warm-up); the
ReportLab loop once. SOURCE_DATE_EPOCH fixed; every run writes into a
fresh-enough folder of its own (outputs are replaced atomically).
EOF
echo
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, load $(cut -d ' ' -f 1-3 /proc/loadavg) at the end, $(uname -sr)"
echo "versions: $("$sumi" --version), $(hyperfine --version)"
