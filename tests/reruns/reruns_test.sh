#!/bin/bash
# Byte-identical reruns: the same report gives the same PDF, PNG and SVG
# bytes (sha256) across reruns, time zones, locales, HOME unset and parallel
# jobs, with SOURCE_DATE_EPOCH and without it (a date parameter instead).
#   reruns_test.sh SUMI SOURCE_DIR WORK_DIR CASE
source "$(dirname "$0")/../lib/case.sh"

need_locale() { # name as `locale -a` lists it, e.g. ja_JP.utf8
  locale -a 2>/dev/null | grep -qix "$1" ||
    fail "locale $1 is not installed (bootstrap.sh test generates it)"
}

# The environments every output must not notice. Each entry is the
# arguments of `env` before the command; SOURCE_DATE_EPOCH or a date
# parameter is added by the case.
environments=(
  "TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8"
  "TZ=Asia/Tokyo LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8"
  "-u HOME TZ=America/New_York LANG=C.UTF-8 LC_ALL=C.UTF-8"
  "TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8"
)

# digests DIR: sha256 of every file under DIR by relative path, sorted;
# lock files aside (a batch removes its hidden locks when its jobs end;
# a killed one may leave them).
digests() {
  (cd "$1" && find . -type f ! -name '*.lock' -print0 | sort -z | xargs -0 -r sha256sum)
}

# same_in_every_environment LABEL CMD...: runs CMD (which writes into
# $OUTDIR, out/ unless set) once per environment, a second apart so that any
# clock reading shows, and fails unless every run wrote the same files with
# the same bytes. {j} in CMD's arguments is the run's -j: 1, 2, 1, 2 ...
OUTDIR=out
same_in_every_environment() {
  local label="$1" i first="" args a
  shift
  for i in "${!environments[@]}"; do
    rm -rf "$OUTDIR"
    args=()
    for a in "$@"; do args+=("${a//\{j\}/$((i % 2 + 1))}"); done
    # shellcheck disable=SC2086
    run env ${environments[$i]} "${args[@]}"
    expect_code 0
    [ -n "$(find "$OUTDIR" -type f)" ] || fail "$label wrote nothing into $OUTDIR/"
    digests "$OUTDIR" >"run$i.sha256"
    if [ -z "$first" ]; then
      first="run$i.sha256"
      cp -r "$OUTDIR" first-out
    elif ! cmp -s "$first" "run$i.sha256"; then
      fail "$label: run $i (${environments[$i]}) differs from run 0: $(diff "$first" "run$i.sha256")"
    fi
    sleep 1.1
  done
  # What leaks the moment or the machine into a file: a PNG tIME chunk, a
  # temporary path, the working folder.
  local f
  while IFS= read -r -d '' f; do
    if [ "${f##*.}" = png ] && grep -qa 'tIME' "$f"; then
      fail "$f has a tIME chunk"
    fi
    if grep -qaF "$PWD" "$f"; then
      fail "$f contains the working folder's path $PWD"
    fi
  done < <(find first-out -type f ! -name '*.lock' -print0)
}

case_flagship_pdf_same_bytes_across_tz_locale_and_home() {
  need_locale ja_jp.utf8
  flagship_project
  same_in_every_environment "the flagship" SOURCE_DATE_EPOCH=1753747200 \
    "$SUMI" render scripts/china_ai_briefing.lua -o out/briefing.pdf
  pdfinfo first-out/briefing.pdf >info.txt || fail "pdfinfo failed"
  grep -q 'CreationDate: *Tue Jul 29 00:00:00 2025 UTC' info.txt ||
    fail "CreationDate is not SOURCE_DATE_EPOCH's: $(grep Date info.txt)"
}

# Without SOURCE_DATE_EPOCH the PDF used to carry the wall clock as its
# /CreationDate, so two runs a second apart differed.
case_pdf_without_source_date_epoch_carries_no_clock_time() {
  need_locale ja_jp.utf8
  flagship_project
  unset SOURCE_DATE_EPOCH
  same_in_every_environment "the flagship with -p date" \
    "$SUMI" render scripts/china_ai_briefing.lua -p date=2025-08-01 -o out/briefing.pdf
  pdfinfo first-out/briefing.pdf >info.txt || fail "pdfinfo failed"
  if grep -qE '^(CreationDate|ModDate):' info.txt; then
    fail "a date without SOURCE_DATE_EPOCH: $(grep Date info.txt)"
  fi
  pdftotext first-out/briefing.pdf - | grep -q "2025年8月1日" ||
    fail "the date parameter did not reach the text"
}

case_chart_png_svg_pdf_same_bytes_across_tz_locale_and_home() {
  need_locale ja_jp.utf8
  flagship_project
  same_in_every_environment "sumi chart of the slides" SOURCE_DATE_EPOCH=1753747200 \
    "$SUMI" chart scripts/china_ai_slides.lua --format png,svg,pdf --out out
  for ext in png svg pdf; do
    [ "$(find first-out -name "*.$ext" | wc -l)" -eq 7 ] ||
      fail "expected 7 .$ext charts: $(ls first-out)"
  done
}

# sumi batch of the flagship manifest, -j1 and -j2 by turns: the manifest's
# date, not the clock, dates the PDFs (no SOURCE_DATE_EPOCH).
case_batch_same_bytes_across_jobs_tz_locale_and_home() {
  need_locale ja_jp.utf8
  flagship_project
  unset SOURCE_DATE_EPOCH
  OUTDIR=reports/briefings
  same_in_every_environment "sumi batch -j{j}" \
    "$SUMI" batch scripts/briefings.manifest.lua -j '{j}' --report report.jsonl
  [ "$(find first-out -name '*.pdf' | wc -l)" -eq 8 ] || fail "expected 8 briefings: $(ls first-out)"
  pdfinfo first-out/tokyo-2025-07-31.pdf >info.txt || fail "pdfinfo failed"
  grep -q 'CreationDate: *Fri Aug 29 00:00:00 2025 UTC' info.txt ||
    fail "CreationDate is not the manifest's date: $(grep Date info.txt)"
}

# PNG and SVG through sumi batch, -j1 and -j2 by turns, with SOURCE_DATE_EPOCH.
case_batch_png_and_svg_same_bytes_across_jobs_tz_locale_and_home() {
  need_locale ja_jp.utf8
  flagship_project
  cat >scripts/share.lua <<'LUA'
local sumi = require "sumi"
local chart = require "sumi.chart"
local ds = sumi.data.from_rows({
  {name = "大規模AIモデル", share = 1509 / 3755},
  {name = "AIユニコーン企業", share = 71 / 271},
}, {order = {"name", "share"}, source = "WAIC 2025"})
local size = {width = 640, height = 360, background = "white"}
local canvas = sumi.params.kind == "svg" and sumi.canvas.svg(nil, size) or sumi.canvas.png(nil, size)
chart.bar(ds, {x = "name", y = "share", title = "世界に占める中国のシェア",
  value_labels = "pct1", y_format = "pct0"}):draw(canvas)
LUA
  cat >scripts/charts.manifest.lua <<'LUA'
return {
  defaults = {script = "share.lua", output = "../out/{name}.{param.kind}"},
  matrix = {kind = {"png", "svg"}},
  jobs = {{name = "share-a-{param.kind}"}, {name = "share-b-{param.kind}"}},
}
LUA
  same_in_every_environment "sumi batch of charts -j{j}" SOURCE_DATE_EPOCH=1753747200 \
    "$SUMI" batch scripts/charts.manifest.lua -j '{j}'
  [ "$(find first-out -name '*.png' | wc -l)" -eq 2 ] && [ "$(find first-out -name '*.svg' | wc -l)" -eq 2 ] ||
    fail "expected 2 PNGs and 2 SVGs: $(ls first-out)"
  cmp -s first-out/share-a-png.png first-out/share-b-png.png || fail "two jobs of one chart differ"
}

case_main
