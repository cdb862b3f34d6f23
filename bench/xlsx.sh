#!/bin/bash
# A 100,000-row dataset to .xlsx: sumi's dataset:save_xlsx against openpyxl
# writing the same values with the same number formats (write-only mode
# and its normal mode). Run by hand (never in ctest); see bench/README.md.
#
#   bash bench/xlsx.sh [SUMI]        SUMI defaults to build/sumi
#   ROWS=20000 RUNS=3 bash bench/xlsx.sh
#
# Prints a Markdown table: median wall times from hyperfine (whole
# processes: reading the CSV and start-up count for every tool), the CPU
# time of the write alone measured inside each process, the file's size and peak
# memory from /usr/bin/time -v.
set -eu
cd "$(dirname "$0")/.."
sumi=$(realpath "${1:-build/sumi}")
rows=${ROWS:-100000}
runs=${RUNS:-7}
python=/usr/bin/python3 # Debian's, with python3-openpyxl; not whatever is first on PATH

for tool in hyperfine /usr/bin/time "$python" "$sumi"; do
  command -v "$tool" >/dev/null || { echo "xlsx.sh: $tool is missing" >&2; exit 2; }
done
"$python" -c 'import openpyxl' 2>/dev/null ||
  { echo "xlsx.sh: $python has no openpyxl (apt install python3-openpyxl)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sumi-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

# ---- the data: an id, an amount, a text (a fifth of them Japanese), a
# date, a share and a signed change; the same file on every run.
"$python" - "$rows" >sales.csv <<'PY'
import datetime, random, sys
random.seed(20250726)
start = datetime.date(2020, 1, 1)
out = sys.stdout
out.write("id,amount,name,day,share,change\n")
for i in range(int(sys.argv[1])):
    name = "店舗%d 東京都" % random.randrange(5000) if i % 5 == 0 else "store %d" % random.randrange(5000)
    out.write("%d,%.2f,%s,%s,%.4f,%d\n" % (i + 1, random.uniform(-1e6, 1e6), name,
                                          start + datetime.timedelta(days=i % 2000), random.random(),
                                          random.randrange(-5000, 5000)))
PY

# ---- the programs: each writes out.xlsx and prints the write's own seconds
cat >sumi.lua <<'LUA'
local ds = require("sumi.data").read_csv("sales.csv")
local t = os.clock()
ds:save_xlsx(nil, {formats = {id = "int", amount = "num2", share = "pct1", change = "tri0"}})
print(("write %.3f"):format(os.clock() - t))
LUA
cat >openpyxl_write.py <<'PY'
import csv, datetime, sys, time
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

write_only = sys.argv[1] == "write_only"
with open("sales.csv", newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = [(int(a), float(b), c, datetime.datetime.strptime(d, "%Y-%m-%d"), float(e), int(g))
            for a, b, c, d, e, g in reader]
formats = ["#,##0", "#,##0.00", "General", "yyyy-mm-dd", "#,##0.0%", '#,##0;"△"#,##0']
t = time.process_time()
wb = Workbook(write_only=write_only)
ws = wb.create_sheet("sales") if write_only else wb.active
ws.freeze_panes = "A2"
if write_only:
    bold = Font(bold=True)
    cells = []
    for h in header:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        cells.append(c)
    ws.append(cells)
    for row in rows:
        out = []
        for v, fmt in zip(row, formats):
            c = WriteOnlyCell(ws, value=v)
            c.number_format = fmt
            out.append(c)
        ws.append(out)
else:
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for k, (v, fmt) in enumerate(zip(row, formats), start=1):
            ws.cell(row=r, column=k, value=v).number_format = fmt
wb.save("out.xlsx")
print("write %.3f" % (time.process_time() - t))
PY

cmds=("$sumi render sumi.lua -o out.xlsx" "$python openpyxl_write.py write_only" "$python openpyxl_write.py normal")
names=("sumi dataset:save_xlsx" "openpyxl write_only" "openpyxl normal")

hyperfine --warmup 1 --runs "$runs" --export-json times.json "${cmds[@]}" >/dev/null

echo "$rows rows x 6 columns (integer, number, text, date, share, change), $(stat -c %s sales.csv) bytes of CSV; median of $runs runs"
echo
echo "| tool | wall (whole process) | the write alone | vs sumi | file size | peak memory |"
echo "|---|---|---|---|---|---|"
base=""
for i in "${!cmds[@]}"; do
  median=$("$python" -c 'import json, sys; print("%.3f" % json.load(open("times.json"))["results"][int(sys.argv[1])]["median"])' "$i")
  /usr/bin/time -v ${cmds[$i]} >write.txt 2>time.txt
  write=$(sed -n 's/^write //p' write.txt)
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' time.txt)
  size=$(stat -c %s out.xlsx)
  [ -n "$base" ] || base=$median
  ratio=$(awk -v m="$median" -v b="$base" 'BEGIN { printf "%.1fx", m / b }')
  printf '| %s | %s s | %s s | %s | %d KB | %d MB |\n' "${names[$i]}" "$median" "$write" "$ratio" \
    $((size / 1024)) $((rss / 1024))
done
