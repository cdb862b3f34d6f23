#!/bin/bash
# Loading, grouping and sorting a 1,000,000-row CSV: sumi against pandas and
# the sqlite3 shell. Run by hand (never in ctest); see bench/README.md.
#
#   bash bench/csv_load.sh [SUMI]        SUMI defaults to build/sumi
#   ROWS=200000 RUNS=3 bash bench/csv_load.sh
#
# Prints a Markdown table: median wall times from hyperfine (whole
# processes, so interpreter start-up counts), the same operations timed
# inside each process, and peak memory from /usr/bin/time -v.
set -eu
cd "$(dirname "$0")/.."
sumi=$(realpath "${1:-build/sumi}")
rows=${ROWS:-1000000}
runs=${RUNS:-7}
python=/usr/bin/python3 # Debian's, with python3-pandas; not whatever is first on PATH

for tool in hyperfine sqlite3 /usr/bin/time "$python" "$sumi"; do
  command -v "$tool" >/dev/null || { echo "csv_load.sh: $tool is missing" >&2; exit 2; }
done
"$python" -c 'import pandas' 2>/dev/null ||
  { echo "csv_load.sh: $python has no pandas (apt install python3-pandas)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sumi-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

# ---- the data: 6 columns; the same file on every run (fixed seed)
"$python" - "$rows" >data.csv <<'PY'
import datetime, random, sys
random.seed(20250726)
names = ["東京都", "大阪府", "株式会社サンプル", "深度求索", "月之暗面", "智譜華章", "百度",
         "阿里巴巴集団", "騰訊控股", "商湯科技", "科大訊飛", "華為技術", "字節跳動", "小米集団",
         "京東集団", "美団", "網易", "快手科技", "零一万物", "百川智能"]
start = datetime.date(2020, 1, 1)
out = sys.stdout
out.write("id,amount,name,category,date,count\n")
for i in range(1, int(sys.argv[1]) + 1):
    day = start + datetime.timedelta(days=random.randrange(2000))
    out.write("%d,%.2f,%s,group_%03d,%s,%d\n" % (
        i, random.uniform(0, 100000), random.choice(names), random.randrange(100),
        day.isoformat(), random.randrange(1000)))
PY
size=$(stat -c %s data.csv)

# ---- the programs. Each prints a number so that nothing is optimised away.
cat >load.lua <<'LUA'
local sumi = require "sumi"
print(#sumi.data.read_csv("data.csv"))
LUA
cat >group.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.read_csv("data.csv")
print(#ds:group_by("category", {{"amount", "sum", "amount"}, {"count", "sum", "count"}}))
LUA
cat >sort.lua <<'LUA'
local sumi = require "sumi"
print(#sumi.data.read_csv("data.csv"):sort("amount"))
LUA
# In-process timings: os.clock (CPU seconds; the work is single-threaded).
# Lua frees a dataset only when its collector runs, where Python frees a
# DataFrame as soon as it is dropped: collect (untimed) before each run.
cat >inside.lua <<'LUA'
local sumi = require "sumi"
local function median(f)
  local t = {}
  for i = 1, 5 do
    collectgarbage()
    local start = os.clock()
    f()
    t[i] = os.clock() - start
  end
  table.sort(t)
  return t[3]
end
local ds
local load = median(function() ds = sumi.data.read_csv("data.csv") end)
local group = median(function()
  ds:group_by("category", {{"amount", "sum", "amount"}, {"count", "sum", "count"}})
end)
local sort = median(function() ds:sort("amount") end)
print(("%.4f %.4f %.4f"):format(load, group, sort))
LUA
cat >pd_load.py <<'PY'
import pandas as pd
print(len(pd.read_csv("data.csv")))
PY
cat >pd_group.py <<'PY'
import pandas as pd
df = pd.read_csv("data.csv")
print(len(df.groupby("category")[["amount", "count"]].sum()))
PY
cat >pd_sort.py <<'PY'
import pandas as pd
print(len(pd.read_csv("data.csv").sort_values("amount", kind="stable")))
PY
cat >pd_inside.py <<'PY'
import statistics, time
import pandas as pd
def median(f):
    t = []
    for _ in range(5):
        start = time.perf_counter()
        f()
        t.append(time.perf_counter() - start)
    return statistics.median(t)
load = median(lambda: pd.read_csv("data.csv"))
df = pd.read_csv("data.csv")
group = median(lambda: df.groupby("category")[["amount", "count"]].sum())
sort = median(lambda: df.sort_values("amount", kind="stable"))
print("%.4f %.4f %.4f" % (load, group, sort))
PY

# ---- measure
median() { # hyperfine JSON -> median seconds of each command, one per line
  "$python" -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]: print("%.4f" % r["median"])' "$1"
}
peak_mb() { # peak resident memory of one run of the command, in MB
  /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1 / 1024}'
}

echo "csv_load.sh: $rows rows, $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }') MB; $runs runs each" >&2
hyperfine --warmup 1 --runs "$runs" --export-json times.json --style none -N \
  "$sumi render load.lua -o out.pdf" "$python pd_load.py" \
  "sqlite3 :memory: -cmd '.mode csv' '.import data.csv t' 'select count(*) from t'" \
  "$sumi render group.lua -o out.pdf" "$python pd_group.py" \
  "$sumi render sort.lua -o out.pdf" "$python pd_sort.py" >/dev/null
mapfile -t t < <(median times.json)
read -r in_sumi_load in_sumi_group in_sumi_sort < <("$sumi" render inside.lua -o out.pdf)
read -r in_pd_load in_pd_group in_pd_sort < <("$python" pd_inside.py)
m_sumi_load=$(peak_mb "$sumi" render load.lua -o out.pdf)
m_pd_load=$(peak_mb "$python" pd_load.py)
m_sqlite=$(peak_mb sqlite3 :memory: -cmd ".mode csv" ".import data.csv t" "select count(*) from t")
m_sumi_group=$(peak_mb "$sumi" render group.lua -o out.pdf)
m_pd_group=$(peak_mb "$python" pd_group.py)
m_sumi_sort=$(peak_mb "$sumi" render sort.lua -o out.pdf)
m_pd_sort=$(peak_mb "$python" pd_sort.py)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
verdict() { awk -v a="$1" -v b="$2" -v k="$3" 'BEGIN { print (a >= k * b) ? "met" : "MISSED" }'; }
file_mb=$(awk -v s="$size" 'BEGIN { printf "%.0f", s / 1048576 }')

cat <<EOF

| task | sumi | pandas | sqlite3 \`.import\` | pandas / sumi | target |
|---|---|---|---|---|---|
| load, whole process | $(ms "${t[0]}") | $(ms "${t[1]}") | $(ms "${t[2]}") | $(ratio "${t[1]}" "${t[0]}") (sqlite3: $(ratio "${t[2]}" "${t[0]}")) | ≥ 3x pandas, < sqlite3: $(verdict "${t[1]}" "${t[0]}" 3), $(verdict "${t[2]}" "${t[0]}" 1) |
| load, inside the process | $(ms "$in_sumi_load") | $(ms "$in_pd_load") | | $(ratio "$in_pd_load" "$in_sumi_load") | ≥ 3x: $(verdict "$in_pd_load" "$in_sumi_load" 3) |
| load + group_by (100 groups, 2 sums), whole process | $(ms "${t[3]}") | $(ms "${t[4]}") | | $(ratio "${t[4]}" "${t[3]}") | |
| group_by alone, inside the process | $(ms "$in_sumi_group") | $(ms "$in_pd_group") | | $(ratio "$in_pd_group" "$in_sumi_group") | faster: $(verdict "$in_pd_group" "$in_sumi_group" 1) |
| load + sort by a number, whole process | $(ms "${t[5]}") | $(ms "${t[6]}") | | $(ratio "${t[6]}" "${t[5]}") | |
| sort alone (stable), inside the process | $(ms "$in_sumi_sort") | $(ms "$in_pd_sort") | | $(ratio "$in_pd_sort" "$in_sumi_sort") | faster: $(verdict "$in_pd_sort" "$in_sumi_sort" 1) |
| peak memory, load | $m_sumi_load MB | $m_pd_load MB | $m_sqlite MB | $(ratio "$m_pd_load" "$m_sumi_load") | < 2x the file ($file_mb MB): $(awk -v m="$m_sumi_load" -v f="$file_mb" 'BEGIN { printf "%.2fx, %s", m / f, m < 2 * f ? "met" : "MISSED" }') |
| peak memory, load + group_by | $m_sumi_group MB | $m_pd_group MB | | $(ratio "$m_pd_group" "$m_sumi_group") | |
| peak memory, load + sort | $m_sumi_sort MB | $m_pd_sort MB | | $(ratio "$m_pd_sort" "$m_sumi_sort") | |

File: $rows rows, 6 columns (integer, number with 2 decimals, Japanese name from
20, category from 100, date, integer), $size bytes. Medians of $runs runs
(hyperfine, 1 warm-up) and of 5 runs inside each process.
EOF
echo
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, $(uname -sr)"
echo "versions: $("$sumi" --version), pandas $("$python" -c 'import pandas; print(pandas.__version__)'), python $("$python" -c 'import platform; print(platform.python_version())'), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(hyperfine --version)"
