#!/bin/bash
# Reshaping and window operations on 1,000,000 rows of long monthly sales:
# sumi's pivot_wider, pivot_longer, cumsum, rolling, change and rank against
# pandas' pivot, pivot_table, melt and groupby equivalents. Run by hand
# (never in ctest); see bench/README.md.
#
#   bash bench/pivot.sh [SUMI]        SUMI defaults to build/sumi
#   ROWS=200000 RUNS=3 bash bench/pivot.sh
#
# Prints a Markdown table: median wall times from hyperfine (whole
# processes, so interpreter start-up counts), each operation timed inside
# each process, and peak memory from /usr/bin/time -v.
set -eu
cd "$(dirname "$0")/.."
sumi=$(realpath "${1:-build/sumi}")
rows=${ROWS:-1000000}
runs=${RUNS:-7}
python=/usr/bin/python3 # Debian's, with python3-pandas; not whatever is first on PATH

for tool in hyperfine /usr/bin/time "$python" "$sumi"; do
  command -v "$tool" >/dev/null || { echo "pivot.sh: $tool is missing" >&2; exit 2; }
done
"$python" -c 'import pandas' 2>/dev/null ||
  { echo "pivot.sh: $python has no pandas (apt install python3-pandas)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sumi-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

# ---- the data: long monthly sales, one row per store and month (48 months
# from 2021-01), each store in one of 10 prefectures; the same file on every
# run (fixed seed), sorted by store then month as an export would be.
"$python" - "$rows" >long.csv <<'PY'
import random, sys
random.seed(20250726)
regions = ["北海道", "東京都", "神奈川県", "愛知県", "大阪府", "京都府", "兵庫県", "広島県",
           "福岡県", "沖縄県"]
months = 48
stores = (int(sys.argv[1]) + months - 1) // months
out = sys.stdout
out.write("store,region,month,sales\n")
for s in range(1, stores + 1):
    region = regions[s % len(regions)]
    base = random.randrange(1000, 100000)
    for m in range(months):
        out.write("%d,%s,%04d-%02d-01,%d\n" % (s, region, 2021 + m // 12, m % 12 + 1,
                                              base + random.randrange(-500, 500)))
PY
size=$(stat -c %s long.csv)
lines=$(($(wc -l <long.csv) - 1))

# ---- the programs. Each prints a number so that nothing is optimised away.
cat >pivot.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.read_csv("long.csv", {types = {month = "date"}})
print(#ds:pivot_wider("month", "sales", {id_cols = "store"}))
LUA
cat >pivot_sum.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.read_csv("long.csv", {types = {month = "date"}})
print(#ds:pivot_wider("month", "sales", {id_cols = "region", values_fn = "sum"}))
LUA
cat >pd_pivot.py <<'PY'
import pandas as pd
df = pd.read_csv("long.csv", parse_dates=["month"])
print(len(df.pivot(index="store", columns="month", values="sales")))
PY
cat >pd_pivot_sum.py <<'PY'
import pandas as pd
df = pd.read_csv("long.csv", parse_dates=["month"])
print(len(df.pivot_table(index="region", columns="month", values="sales", aggfunc="sum")))
PY
# In-process timings: os.clock (CPU seconds; the work is single-threaded).
# Lua frees a dataset only when its collector runs, where Python frees a
# DataFrame as soon as it is dropped: collect (untimed) before each run.
# os.clock ticks in steps of a few milliseconds on some kernels, as long as
# some of these operations take: each of the 5 samples is the mean of 10
# calls, whose ticks average out.
cat >inside.lua <<'LUA'
local sumi = require "sumi"
local function median(f)
  local t = {}
  for i = 1, 5 do
    local total = 0
    for _ = 1, 10 do
      collectgarbage()
      local start = os.clock()
      f()
      total = total + (os.clock() - start)
    end
    t[i] = total / 10
  end
  table.sort(t)
  return t[3]
end
local ds = sumi.data.read_csv("long.csv", {types = {month = "date"}})
local wide = ds:pivot_wider("month", "sales", {id_cols = "store"})
local months = wide:names()
table.remove(months, 1)
local t = {
  median(function() ds:pivot_wider("month", "sales", {id_cols = "store"}) end),
  median(function() ds:pivot_wider("month", "sales", {id_cols = "region", values_fn = "sum"}) end),
  median(function() wide:pivot_longer(months, "month", "sales") end),
  median(function() ds:cumsum("sales", {by = "store"}) end),
  median(function() ds:rolling("sales", 3, {by = "store"}) end),
  median(function() ds:change("sales", {date = "month", period = "month", by = "store"}) end),
  median(function() ds:rank("sales", {by = "month", descending = true}) end),
}
for i, v in ipairs(t) do t[i] = ("%.4f"):format(v) end
print(table.concat(t, " "))
LUA
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
df = pd.read_csv("long.csv", parse_dates=["month"])
wide = df.pivot(index="store", columns="month", values="sales").reset_index()
by_store = df.groupby("store")["sales"]
t = [
    median(lambda: df.pivot(index="store", columns="month", values="sales")),
    median(lambda: df.pivot_table(index="region", columns="month", values="sales", aggfunc="sum")),
    median(lambda: wide.melt(id_vars=["store"], var_name="month", value_name="sales")),
    median(lambda: df.groupby("store")["sales"].cumsum()),
    median(lambda: df.groupby("store")["sales"].rolling(3).mean()),
    # positional: the same as sumi's keyed comparison on complete, sorted months
    median(lambda: df.groupby("store")["sales"].pct_change(periods=12)),
    median(lambda: df.groupby("month")["sales"].rank(method="min", ascending=False)),
]
print(" ".join("%.4f" % v for v in t))
PY

# ---- measure
median() { # hyperfine JSON -> median seconds of each command, one per line
  "$python" -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]: print("%.4f" % r["median"])' "$1"
}
peak_mb() { # peak resident memory of one run of the command, in MB
  /usr/bin/time -v "$@" 2>&1 >/dev/null |
    awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }'
}

echo "pivot.sh: $lines rows, $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }') MB; $runs runs each" >&2
hyperfine --warmup 1 --runs "$runs" --export-json times.json --style none -N \
  "$sumi render pivot.lua -o out.pdf" "$python pd_pivot.py" \
  "$sumi render pivot_sum.lua -o out.pdf" "$python pd_pivot_sum.py" >/dev/null
mapfile -t t < <(median times.json)
read -r -a in_sumi < <("$sumi" render inside.lua -o out.pdf)
read -r -a in_pd < <("$python" pd_inside.py)
m_sumi_pivot=$(peak_mb "$sumi" render pivot.lua -o out.pdf)
m_pd_pivot=$(peak_mb "$python" pd_pivot.py)
m_sumi_sum=$(peak_mb "$sumi" render pivot_sum.lua -o out.pdf)
m_pd_sum=$(peak_mb "$python" pd_pivot_sum.py)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else printf "-" }'; }
ms() { awk -v s="$1" 'BEGIN { printf (s < 0.01 ? "%.1f ms" : "%.0f ms"), s * 1000 }'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b) ? "met" : "MISSED" }'; }
row() { # task, sumi seconds, pandas seconds, pandas' call
  echo "| $1 | $(ms "$2") | $(ms "$3") | $4 | $(ratio "$3" "$2") | $(verdict "$3" "$2") |"
}
stores=$(( (rows + 47) / 48 ))

cat <<EOF

| task | sumi | pandas | pandas call | pandas / sumi | at least as fast |
|---|---|---|---|---|---|
$(row "load + pivot_wider ($stores stores × 48 months), whole process" "${t[0]}" "${t[1]}" "\`read_csv\` + \`pivot\`")
$(row "load + pivot_wider \`values_fn = \"sum\"\` (10 regions × 48 months), whole process" "${t[2]}" "${t[3]}" "\`read_csv\` + \`pivot_table(aggfunc=\"sum\")\`")
$(row "pivot_wider alone, inside the process" "${in_sumi[0]}" "${in_pd[0]}" "\`pivot\`")
$(row "pivot_wider \`values_fn = \"sum\"\` alone, inside" "${in_sumi[1]}" "${in_pd[1]}" "\`pivot_table(aggfunc=\"sum\")\`")
$(row "pivot_longer ($stores × 48 back to $lines rows), inside" "${in_sumi[2]}" "${in_pd[2]}" "\`melt\`")
$(row "cumsum by store, inside" "${in_sumi[3]}" "${in_pd[3]}" "\`groupby().cumsum()\`")
$(row "rolling mean of 3 by store, inside" "${in_sumi[4]}" "${in_pd[4]}" "\`groupby().rolling(3).mean()\`")
$(row "change year over year by store, inside" "${in_sumi[5]}" "${in_pd[5]}" "\`groupby().pct_change(12)\`")
$(row "rank by month, descending, inside" "${in_sumi[6]}" "${in_pd[6]}" "\`groupby().rank(method=\"min\")\`")
| peak memory, load + pivot_wider | $m_sumi_pivot MB | $m_pd_pivot MB | | $(ratio "$m_pd_pivot" "$m_sumi_pivot") | |
| peak memory, load + pivot_wider sum | $m_sumi_sum MB | $m_pd_sum MB | | $(ratio "$m_pd_sum" "$m_sumi_sum") | |

File: $lines rows (store, region from 10, month as a date, integer sales),
$size bytes, sorted by store then month. Medians of $runs runs (hyperfine, 1
warm-up) and, inside each process, of 5 runs (for sumi, each the mean of 10
calls). pandas' \`pct_change(12)\` compares rows 12 places apart, which matches
sumi's keyed comparison only because every store has every month, in order;
sumi finds the same month a year earlier by its date.
EOF
echo
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, $(uname -sr)"
echo "versions: $("$sumi" --version), pandas $("$python" -c 'import pandas; print(pandas.__version__)'), python $("$python" -c 'import platform; print(platform.python_version())'), $(hyperfine --version)"
