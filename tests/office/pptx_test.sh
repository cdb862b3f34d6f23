#!/bin/bash
# PowerPoint decks as the people who receive them open them: the package
# read as PowerPoint finds its way through it (pptx_read.py: relationships,
# content types, slides, pictures, notes), every XML part parsed by
# xmllint, and the deck converted to PDF by LibreOffice Impress, whose
# pages are read back with pdftotext and looked at in PNG.
#   pptx_test.sh SUMI SOURCE_DIR WORK_DIR CASE
source "$(dirname "$0")/../lib/case.sh"

PY=/usr/bin/python3 # Debian's, whatever python3 comes first on PATH

write_script() { # path, then the script on stdin
  mkdir -p "$(dirname "$1")"
  cat >"$1"
}

# read_deck DECK: the JSON of pptx_read.py in DECK.json, which q reads
# (DECK_JSON); every XML part well-formed for xmllint.
read_deck() {
  rm -rf parts && mkdir parts && (cd parts && unzip -q "../$1") || fail "unzip $1"
  while IFS= read -r -d '' part; do
    xmllint --noout "$part" 2> xmllint.txt || fail "xmllint: $(head -3 xmllint.txt)"
  done < <(find parts -type f \( -name '*.xml' -o -name '*.rels' \) -print0)
  # Every relationship's target is a part of the package, and every part
  # named in [Content_Types].xml is there (as xmllint reads them).
  local rels target folder
  while IFS= read -r -d '' rels; do
    folder=$(dirname "$(dirname "$rels")")
    while IFS= read -r target; do
      [ -n "$target" ] || continue
      [ -f "$(realpath -m "$folder/$target")" ] || fail "$rels: target $target is not in the package"
    done < <(xmllint --xpath '//*[local-name()="Relationship"][not(@TargetMode)]/@Target' "$rels" |
      sed -n 's/^ *Target="\(.*\)"$/\1/p')
  done < <(find parts -type f -name '*.rels' -print0)
  while IFS= read -r target; do
    [ -f "parts$target" ] || fail "[Content_Types].xml names $target, which is not in the package"
  done < <(xmllint --xpath '//*[local-name()="Override"]/@PartName' "parts/[Content_Types].xml" |
    sed -n 's/^ *PartName="\(.*\)"$/\1/p')
  $PY "$SRC/tests/office/pptx_read.py" "$1" > "$1.json" 2> read.txt ||
    fail "$1 is not a package PowerPoint opens: $(cat read.txt)"
  DECK_JSON=$1.json
}

q() { jq -r "$1" "$DECK_JSON"; }

# LibreOffice Impress, headless, in a profile of its own (two tests may
# convert at once), converts DECK to DECK's stem .pdf.
to_pdf() {
  timeout 180 soffice -env:UserInstallation=file://"$WORK/lo-profile" --headless \
    --convert-to pdf --outdir . "$1" > soffice.txt 2>&1 || fail "soffice: $(tail -3 soffice.txt)"
  local pdf
  pdf=$(basename "${1%.pptx}").pdf
  [ -s "$pdf" ] || fail "LibreOffice wrote no PDF: $(tail -3 soffice.txt)"
}

# The text of a PDF without the spaces LibreOffice puts between Latin and
# CJK characters (its Asian typography default), so that it compares with
# the script's text.
pdf_words() { pdftotext "$1" - | tr -d ' \n'; }

# ink_on_pages PDF: for each page, the share of its pixels that are not
# near white (at 20 dpi, from a PGM, in Python's standard library).
ink_on_pages() {
  pdftoppm -gray -r 20 "$1" page
  for f in page-*.pgm; do
    $PY - "$f" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
fields, pos = [], 0
while len(fields) < 4:
    while data[pos:pos + 1].isspace(): pos += 1
    start = pos
    while not data[pos:pos + 1].isspace(): pos += 1
    fields.append(data[start:pos])
pixels = data[pos + 1:]
print("%.3f" % (sum(1 for p in pixels if p < 200) / len(pixels)))
PY
  done
}

slides_project() {
  flagship_project
}

# ---------------------------------------------------------------- charts

# sumi chart --format pptx: one deck, a slide per named chart, each with
# its title as text in the title placeholder, the chart as SVG with a PNG
# fallback, the source line as text and the alt text as its notes.
case_chart_deck_has_a_slide_per_named_chart() {
  slides_project
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" chart scripts/china_ai_slides.lua --format pptx --out deck
  expect_code 0
  expect_contains "$OUT" "deck/china_ai_slides.pptx" "stdout"
  read_deck deck/china_ai_slides.pptx
  [ "$(q '.slides | length')" = 7 ] || fail "$(q '.slides | length') slides, expected 7"
  [ "$(q '.width') $(q '.height')" = "12192000 6858000" ] || fail "not 16:9: $(q '.width') x $(q '.height')"
  [ "$(q '.slides[0].title')" = "世界の大規模AIモデルに占める中国（1マス＝1%）" ] || fail "title 1: $(q '.slides[0].title')"
  [ "$(q '.slides[3].title')" = "AI産業規模（2024年）" ] || fail "a KPI tile's slide is titled by its label: $(q '.slides[3].title')"
  [ "$(q '[.slides[].pictures | length] | unique | join(",")')" = 1 ] || fail "a slide without exactly one picture"
  [ "$(q '[.slides[].pictures[0] | select(.svg != null and .png != null)] | length')" = 7 ] ||
    fail "a chart without its SVG and PNG"
  [ "$(q '.slides[0].pictures[0].name')" = "models-share" ] || fail "picture named $(q '.slides[0].pictures[0].name')"
  expect_contains "$(q '.slides[0].texts[0]')" "出典: WAIC 2025（CGTN報道、2025年7月）" "slide 1's source line"
  expect_contains "$(q '.slides[0].notes')" "3,755のうち1,509（40.2%）" "slide 1's notes"
  [ "$(q '.slides[0].notes')" = "$(q '.slides[0].pictures[0].alt')" ] || fail "notes and alt text differ"
  [ "$(q '.fonts | join(",")')" = "Noto Sans CJK JP" ] || fail "fonts: $(q '.fonts | join(",")')"
  [ "$(q '.langs | join(",")')" = "ja-JP" ] || fail "languages: $(q '.langs | join(",")')"
  # The title is the slide's, not drawn again in the picture; the SVG
  # keeps the chart's other text as text.
  svg=parts/$(q '.slides[0].pictures[0].svg' | sed 's|^ppt/|ppt/|')
  grep -q '1マス' "$svg" && fail "the chart's title is drawn in the picture too"
  grep -q '1,509個' "$svg" || fail "the SVG lacks the chart's caption as text"
}

# What LibreOffice Impress makes of the deck: a page per slide, the titles
# and sources as text, and a chart drawn on every page.
case_chart_deck_converts_in_libreoffice() {
  slides_project
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" chart scripts/china_ai_slides.lua --format pptx --out .
  expect_code 0
  to_pdf china_ai_slides.pptx
  [ "$(pdfinfo china_ai_slides.pdf | awk '/^Pages:/ {print $2}')" = 7 ] || fail "$(pdfinfo china_ai_slides.pdf)"
  pdfinfo china_ai_slides.pdf | grep -q 'Page size: *960' || fail "pages not 960 pt wide"
  words=$(pdf_words china_ai_slides.pdf)
  for t in "世界の大規模AIモデルに占める中国（1マス＝1%）" "中国の件数・企業数が世界全体に占める割合" \
    "出典:業界分析（2025年10月）" "上場AI企業300社超の収入シェア"; do
    expect_contains "$words" "$t" "the converted deck's text"
  done
  # Every page carries ink beyond its title and source line: the picture.
  ink_on_pages china_ai_slides.pdf > ink.txt
  while read -r share; do
    awk -v s="$share" 'BEGIN {exit !(s > 0.01)}' || fail "a page is nearly blank ($(tr '\n' ' ' < ink.txt))"
  done < ink.txt
}

case_chart_deck_is_4_3_with_the_4_3_preset() {
  slides_project
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" chart scripts/china_ai_slides.lua -f pptx --preset 4:3 -o .
  expect_code 0
  read_deck china_ai_slides.pptx
  [ "$(q '.width') $(q '.height')" = "9144000 6858000" ] || fail "not 4:3: $(q '.width') x $(q '.height')"
  # The picture keeps inside the slide.
  [ "$(q '[.slides[].pictures[0].cx | select(. > 9144000)] | length')" = 0 ] || fail "a picture wider than the slide"
}

case_chart_deck_same_bytes_on_rerun() {
  slides_project
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" chart scripts/china_ai_slides.lua -f pptx -o a
  expect_code 0
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" chart scripts/china_ai_slides.lua -f pptx -o b
  expect_code 0
  cmp -s a/china_ai_slides.pptx b/china_ai_slides.pptx || fail "two runs wrote different decks"
  # Every zip entry carries SOURCE_DATE_EPOCH's time (2025-07-29 00:00 UTC).
  unzip -l a/china_ai_slides.pptx | awk '$2 ~ /^[0-9][0-9][0-9][0-9]-/ {print $2}' | sort -u > dates.txt
  [ "$(cat dates.txt)" = "2025-07-29" ] || fail "entry dates: $(cat dates.txt)"
  grep -q 2025-07-29T00:00:00Z <(unzip -p a/china_ai_slides.pptx docProps/core.xml) || fail "core.xml date"
}

# A chart with neither title nor name cannot say on a slide what it shows.
case_chart_without_title_or_name_is_an_error_at_its_line() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.from_rows{{city = "東京", n = 3}, {city = "大阪", n = 2}}
local untitled = sumi.chart.bar(ds, {x = "city", y = "n"})
sumi.chart.bar(ds, {x = "city", y = "n", title = "拠点"}):save("reports/ok.pptx")
untitled:save("reports/untitled.pptx")
LUA
  run "$SUMI" render report.lua
  expect_code 1
  expect_contains "$ERR" "report.lua:3: chart-1 has no title" "stderr"
  [ ! -e reports/ok.pptx ] && [ ! -e reports/untitled.pptx ] || fail "a failed run published a deck"
  run "$SUMI" chart report.lua -f pptx -o out
  expect_code 1
  expect_contains "$ERR" "report.lua:3: chart-1 has no title" "stderr"
  [ ! -e out ] || fail "sumi chart wrote $(find out)"
}

case_chart_save_pptx_is_one_slide_in_the_chart_language() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.from_rows({{city = "서울", n = 3}, {city = "부산", n = 2}}, {source = "통계청"})
sumi.chart.bar(ds, {x = "city", y = "n", title = "도시별 지점 수", lang = "ko"}):save("reports/ko.pptx")
LUA
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render report.lua
  expect_code 0
  read_deck reports/ko.pptx
  [ "$(q '.slides | length')" = 1 ] || fail "$(q '.slides | length') slides"
  [ "$(q '.slides[0].title')" = "도시별 지점 수" ] || fail "title $(q '.slides[0].title')"
  [ "$(q '.fonts | join(",")')" = "Noto Sans CJK KR" ] || fail "fonts: $(q '.fonts | join(",")')"
  [ "$(q '.langs | join(",")')" = "ko-KR" ] || fail "languages: $(q '.langs | join(",")')"
  expect_contains "$(q '.slides[0].texts[0]')" "통계청" "the source line"
}

case_size_with_only_pptx_is_a_usage_error() {
  run "$SUMI" chart report.lua -f pptx --size 800x600
  expect_code 2
  expect_contains "$ERR" "--size does not apply to pptx" "stderr"
}

# An option that would do nothing for a deck is an error at its line.
case_options_a_deck_cannot_use_are_errors() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.chart.bar(sumi.data.from_rows{{k = "東京", v = 3}}, {x = "k", y = "v", title = "拠点"})
local p = sumi.params
if p.preset then c:save("reports/c.pptx", {preset = "print"}) end
if p.size then c:save("reports/c.pptx", {width = 800, height = 450}) end
if p.dpi then c:save("reports/c.pptx", {dpi = 100000}) end
if p.format then
  local doc = sumi.document.new{title = "週報", size = "16:9"}
  doc:paragraph("本文")
  doc:save("reports/weekly.pdf", {format = "pptx"})
end
c:discard()
LUA
  run "$SUMI" render report.lua -p preset=1
  expect_code 1
  expect_contains "$ERR" "report.lua:4: chart:save: a .pptx slide is 16:9" "stderr"
  run "$SUMI" render report.lua -p size=1
  expect_code 1
  expect_contains "$ERR" "report.lua:5: chart:save: a .pptx slide is 16:9, or 4:3" "stderr"
  run "$SUMI" render report.lua -p dpi=1
  expect_code 1
  expect_contains "$ERR" "report.lua:6: chart:save: option 'dpi' must be a number in [36, 600]" "stderr"
  run "$SUMI" render report.lua -p format=1
  expect_code 1
  expect_contains "$ERR" "report.lua:10: document:save: option 'format' is \"pptx\" but the path" "stderr"
  [ ! -e reports ] || fail "a failed run left $(find reports)"
}

# ---------------------------------------------------------------- documents

# The slides example saved as .pptx: a slide per page, each page's first
# heading (or on the title page its largest text) in the title placeholder,
# the headlines as text, the charts, tiles and table as pictures.
case_document_deck_has_a_slide_per_page() {
  slides_project
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render scripts/china_ai_slides.lua -o reports/slides.pptx
  expect_code 0
  read_deck reports/slides.pptx
  [ "$(q '.slides | length')" = 8 ] || fail "$(q '.slides | length') slides, expected 8"
  [ "$(q '.width') $(q '.height')" = "9144000 5143500" ] || fail "not the document's 720 x 405 pt pages"
  [ "$(q '.slides[0].title')" = "中国AI産業の現在地" ] || fail "title slide: $(q '.slides[0].title')"
  [ "$(q '.slides[1].title')" = "大規模AIモデル" ] || fail "slide 2: $(q '.slides[1].title')"
  expect_contains "$(q '.slides[1].texts | join("|")')" "中国の大規模AIモデルは1,509個" "slide 2's headline"
  expect_contains "$(q '.slides[1].notes')" "1,509" "slide 2's notes (the chart's alt text)"
  [ "$(q '.slides[4].pictures | map(.name) | join(",")')" = "Page,kpi_row,kpi_row" ] ||
    fail "slide 5's pictures: $(q '.slides[4].pictures | map(.name) | join(",")')"
  to_pdf reports/slides.pptx
  [ "$(pdfinfo slides.pdf | awk '/^Pages:/ {print $2}')" = 8 ] || fail "LibreOffice made $(pdfinfo slides.pdf)"
  words=$(pdf_words slides.pdf)
  for t in "中国AI産業の現在地" "中国の大規模AIモデルは1,509個" "投資家への示唆" "数値は公表・報道ベース"; do
    expect_contains "$words" "$t" "the converted deck's text"
  done
  pdftoppm -png -r 60 slides.pdf look # for a person to look at when it fails
}

# A deck with a workbook of its tables: both written, both published.
case_document_deck_with_workbook_writes_both() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "週報", size = "16:9", workbook = true, numbering = false}
doc:heading("拠点別", 1)
doc:table({{"東京", 120, 0.052}, {"大阪", 80, -0.013}}, {columns = {{key = 1, title = "拠点"},
  {key = 2, title = "売上", format = "int"}, {key = 3, title = "前週比", format = "tri_change1"}}})
local saved = doc:save("reports/weekly.pptx")
assert(saved.files[1] == "reports/weekly.pptx" and saved.files[2] == "reports/weekly.xlsx")
LUA
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render report.lua
  expect_code 0
  read_deck reports/weekly.pptx
  [ "$(q '.slides[0].title')" = "拠点別" ] || fail "title $(q '.slides[0].title')"
  [ "$(q '.slides[0].pictures | map(.name) | join(",")')" = "Page,table" ] ||
    fail "pictures: $(q '.slides[0].pictures | map(.name) | join(",")')"
  $PY - reports/weekly.xlsx > cells.txt <<'PY' || fail "openpyxl cannot read the workbook"
import sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(sheet.title, sheet["B2"].value, sheet["C3"].value, sheet["C3"].number_format)
PY
  [ "$(cat cells.txt)" = '拠点別 120 -0.013 +#,##0.0%;"△"#,##0.0%;#,##0.0%' ] || fail "cells: $(cat cells.txt)"
}

# What the PDF shows stays in the deck: the page's band behind the title,
# the running head's section on a page the section continues on, links,
# nested list levels, colours named as the canvas takes them, and the
# weight of ordinary text.
case_document_deck_keeps_heads_links_lists_and_colours() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "週報", size = "16:9", numbering = false}
doc:heading("売上の推移", 1)
doc:paragraph("詳しくは<a href=\"https://example.com/weekly\">社内サイト</a>を参照。" ..
  "<span foreground='red'>赤字</span>の拠点はない。")
doc:list({"東京", {"新宿", {"西新宿"}}, "大阪"})
doc:paragraph(("売上は前週から増えた。"):rep(60))
doc:save("reports/weekly.pptx")
doc:save("reports/weekly.pdf")
LUA
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render report.lua
  expect_code 0
  read_deck reports/weekly.pptx
  pages=$(pdfinfo reports/weekly.pdf | awk '/^Pages:/ {print $2}')
  [ "$(q '.slides | length')" = "$pages" ] || fail "$(q '.slides | length') slides for $pages pages"
  [ "$pages" -ge 2 ] || fail "the test wants the section to run onto a second page"
  [ "$(q '.slides[0].order[0:2] | join(",")')" = "picture Page,title" ] ||
    fail "slide 1 stacks $(q '.slides[0].order | join(",")')"
  [ "$(q '.slides[0].links | join(",")')" = "https://example.com/weekly" ] || fail "links: $(q '.slides[0].links')"
  slide1=parts/ppt/slides/slide1.xml
  grep -q 'srgbClr val="FF0000"' "$slide1" || fail "the red span lost its colour"
  [ "$(grep -o 'marL="[0-9]*"' "$slide1" | sort -u | wc -l)" -ge 3 ] || fail "list levels flattened"
  grep -q '<a:hlinkClick r:id=' "$slide1" || fail "no hlinkClick on the link's run"
  # The second page continues the section: its running head names it.
  svg=parts/$(q '.slides[1].pictures[] | select(.name == "Page") | .svg')
  grep -q '売上の推移' "$svg" || fail "page 2's running head lost its section"
  # A body paragraph's runs are not bold (the title style is).
  grep -q 'b="1"[^>]*>.*売上は前週から増えた' parts/ppt/slides/slide2.xml && fail "body text is bold"
  return 0
}

case_a4_document_as_pptx_is_an_error_at_save() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "月報"}
doc:paragraph("本文")
doc:save("reports/monthly.pptx")
LUA
  run "$SUMI" render report.lua
  expect_code 1
  expect_contains "$ERR" "report.lua:4: document:save: a .pptx deck is made of slides" "stderr"
  [ ! -e reports ] || fail "a failed run left $(find reports)"
  write_script huge.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "大判", size = {4800, 2700}}
doc:paragraph("本文")
doc:save("reports/huge.pptx")
LUA
  run "$SUMI" render huge.lua
  expect_code 1
  expect_contains "$ERR" "huge.lua:4: document:save: a slide's sides are 72 to 4032 pt" "stderr"
}

case_failed_run_keeps_earlier_deck() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "週報", size = "16:9"}
doc:heading("売上", 1)
doc:paragraph("前週比 <b>+3.2%</b>")
doc:save("reports/weekly.pptx")
if sumi.params.fail then error("the data of this week is missing") end
LUA
  run "$SUMI" render report.lua
  expect_code 0
  before=$(md5sum < reports/weekly.pptx)
  run "$SUMI" render report.lua -p fail=1
  expect_code 1
  expect_contains "$ERR" "report.lua:6: the data of this week is missing" "stderr"
  [ "$(md5sum < reports/weekly.pptx)" = "$before" ] || fail "the earlier deck changed"
  [ -z "$(ls -A reports | grep -v '^weekly.pptx$')" ] || fail "temporaries left: $(ls -A reports)"
}

# ---------------------------------------------------------------- batch

# A manifest asks for decks as for any output: each job's deck is
# published whole, and a rerun writes the same bytes (the manifest's date
# is the run's SOURCE_DATE_EPOCH, zip entry times included).
case_batch_publishes_decks_and_workbooks_same_bytes_on_rerun() {
  slides_project
  write_script scripts/figures.lua <<'LUA'
local sumi = require "sumi"
local figures = sumi.data.read_csv("../data/waic2025_headline.csv")
figures:save_xlsx(nil, {sheet = "WAIC 2025"})
LUA
  write_script scripts/decks.manifest.lua <<'LUA'
return {
  date = "2025-08-29",
  defaults = {script = "china_ai_slides.lua", output = "../reports/decks/{name}.pptx"},
  jobs = {
    {name = "july", params = {date = "2025-07-31"}},
    {name = "august", params = {date = "2025-08-29"}},
    {name = "figures", script = "figures.lua", output = "../reports/decks/{name}.xlsx"},
  },
}
LUA
  run "$SUMI" batch scripts/decks.manifest.lua -j 2
  expect_code 0
  $PY - reports/decks/figures.xlsx > sheets.txt <<'PY' || fail "openpyxl cannot read the batch workbook"
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
print(book.sheetnames, book.active.max_row > 5)
PY
  [ "$(cat sheets.txt)" = "['WAIC 2025'] True" ] || fail "the batch workbook: $(cat sheets.txt)"
  for job in july august; do
    read_deck reports/decks/$job.pptx
    [ "$(q '.slides | length')" = 8 ] || fail "$job: $(q '.slides | length') slides"
  done
  unzip -p reports/decks/july.pptx ppt/slides/slide1.xml ppt/media/*.svg | grep -q '2025年7月31日' ||
    fail "the july deck does not carry its date"
  md5sum reports/decks/*.pptx reports/decks/*.xlsx > first.txt
  run "$SUMI" batch scripts/decks.manifest.lua -j 2
  expect_code 0
  md5sum -c --quiet first.txt || fail "a rerun changed a deck or the workbook"
  [ -z "$(find reports -name '.*')" ] || fail "temporaries left: $(find reports -name '.*')"
}

case_main
