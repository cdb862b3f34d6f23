#!/bin/bash
# Tagged PDF (PDF/UA-1 as the target), read back as a screen reader's
# tools would: the structure tree with `pdfinfo -struct-text` (poppler),
# the alternative texts, languages and catalog entries with `qpdf --json`.
#
#   tagged_pdf.sh SUMI REPO OUT
set -u
sumi=$1 repo=$2 out=$3
mkdir -p "$out"
cd "$out" || exit 1
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
export SOURCE_DATE_EPOCH=1754006400

# objects FILE JQ: the PDF's objects (qpdf's JSON), filtered by JQ
objects() { qpdf --json=1 --json-key=objects "$1" | jq -r ".objects | $2"; }
catalog() { objects "$1" 'to_entries[] | select(.value["/Type"]? == "/Catalog") | .value'; }
alts() { objects "$1" 'to_entries[] | select(.value["/S"]? == "/Figure") | .value["/Alt"]'; }
# The roles of the tree, one a line, indented by depth as pdfinfo prints them.
roles() { grep -E '^ *[A-Z][A-Za-z0-9]*( \((block|inline)\))?:?$' "$1" | sed -E 's/ \((block|inline)\)//; s/:$//'; }

"$sumi" render "$repo/scripts/china_ai_briefing.lua" -o briefing.pdf 2> err.txt ||
  { fail "the briefing did not render: $(cat err.txt)"; exit 1; }
pdfinfo -struct-text briefing.pdf > tree.txt || fail "pdfinfo -struct-text failed"
pdfinfo briefing.pdf > info.txt
grep -q '^Tagged: *yes$' info.txt || fail "pdfinfo does not call the briefing tagged"
grep -q '^Title: *中国AI産業ブリーフィング' info.txt || fail "title: $(grep Title info.txt)"

# The tree in reading order: the cover's KPI tiles, the key points, the
# contents, then the sections, each heading before what it heads.
roles tree.txt > roles.txt
[ "$(head -1 roles.txt)" = "Document" ] || fail "the root is $(head -1 roles.txt), not Document"
top=$(grep -E '^  [A-Z]' roles.txt | sed 's/^ *//' | head -12 | tr '\n' ' ')
[ "$top" = "P P Figure Figure Figure Figure Figure Figure Note H1 TOC H1 " ] ||
  fail "the first elements under Document: $top"
grep -q '^      Link$' roles.txt || fail "no Link inside a TOCI"
awk '/^  TOC$/{t=1; next} t && /^  [A-Z]/{exit} t' roles.txt | sed 's/^ *//' | sort -u | tr '\n' ' ' |
  grep -qx 'Link TOCI ' || fail "the contents hold something else than TOCI > Link"
# The headings in the tree are the contents' entries, in the same order.
# (The contents' and the sources' own headings are not listed.)
grep -A1 -E '^  H[12]' tree.txt | grep '^    "' | sed 's/^ *"//; s/"$//' | grep -v -x -e '目次' -e '出典一覧' \
  > headings.txt
awk '/^  TOC$/{t=1; next} t && /^  [A-Z]/{exit} t && /^        "/' tree.txt |
  sed -E 's/^ *"//; s/[0-9]+"$//' > contents.txt
[ -s headings.txt ] && cmp -s headings.txt contents.txt ||
  fail "headings and contents differ: $(diff headings.txt contents.txt | head -4)"
grep -q '^    "1　エグゼクティブサマリー"$' tree.txt || fail "H1 1 is missing"
# A list: L > LI > Lbl (its bullet) and LBody.
grep -A4 -E '^  L( \(block\))?$' tree.txt | tr -s ' \n' ' ' |
  grep -q 'L (block) LI (block) Lbl (block) "・" LBody (block)' || fail "a list is not L > LI > Lbl, LBody"
# A table: THead > TR > TH with its scope, TBody > TR > TD.
awk '/^  Table/{t=1} t' tree.txt | head -6 | tr -s ' \n' ' ' |
  grep -q 'Table (block) THead TR TH: /Scope /Column "企業・機関"' || fail "the players table has no column header cells"
awk '/^  Table/{t=1} t' tree.txt | grep -q '^    TBody$' || fail "the table has no TBody"
grep -B1 -A1 '^  Caption$' tree.txt | grep -q '"図1　中国の件数・企業数が世界全体に占める割合"' ||
  fail "figure 1's caption is not a Caption"
# Running heads, page numbers and rules are artifacts: in the text, not the tree.
pdftotext -f 2 -l 2 briefing.pdf page2.txt
grep -q '^2/5$' page2.txt || fail "pdftotext finds no page number on page 2"
grep -q '2/5\|2025年8月1日' tree.txt && fail "a page number or the running date is in the structure tree"

# Alternative texts come from the data, in the document's language.
alts briefing.pdf > alts.txt
grep -qx '世界に占める中国のシェア 最大はAI特許出願の約60%、最小はAI関連企業の約15%。' alts.txt ||
  fail "the share chart's alt text: $(grep シェア alts.txt)"
grep -qx '大規模AIモデル3,755個の内訳 最大の割合は中国以外の世界の59.8%、最小は中国の40.2%。' alts.txt ||
  fail "the models pie's alt text: $(grep 内訳 alts.txt)"
[ "$(grep -c . alts.txt)" -eq "$(grep -c '^ *Figure:$' tree.txt)" ] || fail "a Figure has no alt text"

# The catalog: language, marked, the title shown; links described.
catalog briefing.pdf > catalog.json
[ "$(jq -r '.["/Lang"]' catalog.json)" = "ja" ] || fail "/Lang is not ja"
[ "$(jq -r '.["/MarkInfo"]["/Marked"]' catalog.json)" = "true" ] || fail "/MarkInfo is not marked"
[ "$(jq -r '.["/ViewerPreferences"]["/DisplayDocTitle"]' catalog.json)" = "true" ] || fail "no DisplayDocTitle"
links=$(objects briefing.pdf '[.[] | select(.["/Subtype"]? == "/Link")] | length')
described=$(objects briefing.pdf '[.[] | select(.["/Subtype"]? == "/Link" and .["/Contents"]? != null)] | length')
[ "$links" -gt 10 ] && [ "$links" = "$described" ] || fail "$described of $links links have a /Contents"
objects briefing.pdf '.[] | select(.["/Subtype"]? == "/Link") | .["/Contents"]' | grep -qx '1　エグゼクティブサマリー' ||
  fail "a contents link does not say where it leads"
untabbed=$(objects briefing.pdf '[.[] | select(.["/Type"]? == "/Page" and .["/Annots"]? != null and .["/Tabs"]? != "/S")] | length')
[ "$untabbed" = 0 ] || fail "$untabbed pages with links lack /Tabs /S"

# The same briefing in Simplified Chinese: its language and its words.
"$sumi" render "$repo/scripts/china_ai_briefing.lua" -p lang=zh-Hans -o briefing-zh.pdf 2> err.txt ||
  fail "the Chinese briefing did not render: $(cat err.txt)"
[ "$(catalog briefing-zh.pdf | jq -r '.["/Lang"]')" = "zh-Hans" ] || fail "the Chinese briefing's /Lang"
alts briefing-zh.pdf | grep -q '最大为' || fail "the Chinese alt texts are not Chinese: $(alts briefing-zh.pdf | head -2)"

# A paragraph in another language is tagged with its own; a chart saved
# on its own is one Figure with its alt text.
cat > other.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "言語", lang = "ja", header = false, footer = false}
doc:paragraph("日本語の段落。")
doc:paragraph("An English paragraph.", {lang = "en"})
doc:save("other.pdf")
local ds = sumi.data.from_rows{{name = "中国", n = 71}, {name = "米国", n = 131}}
sumi.chart.bar(ds, {x = "name", y = "n", title = "AIユニコーン企業", unit = "社"}):save("chart.pdf")
LUA
"$sumi" render other.lua -o other.pdf 2> err.txt || fail "other.lua failed: $(cat err.txt)"
[ "$(objects other.pdf '.[] | select(.["/S"]? == "/P" and .["/Lang"]? == "en") | .["/Lang"]')" = "en" ] ||
  fail "the English paragraph has no /Lang en"
[ "$(objects other.pdf '[.[] | select(.["/S"]? == "/P" and .["/Lang"]? != null)] | length')" = 1 ] ||
  fail "a paragraph in the document's language carries a /Lang of its own"
pdfinfo -struct-text chart.pdf | roles /dev/stdin | tr -d ' ' | tr '\n' ' ' | grep -qx 'Document Figure ' ||
  fail "the chart's tree: $(pdfinfo -struct-text chart.pdf | head -3)"
[ "$(alts chart.pdf)" = "AIユニコーン企業 最大は米国の131社、最小は中国の71社。" ] || fail "the chart's alt: $(alts chart.pdf)"
pdfinfo chart.pdf | grep -q '^Title: *AIユニコーン企業$' || fail "the chart PDF's title"

# A table with a column group: the group's TH spans its columns, a column
# outside it spans both header rows (ColSpan, RowSpan); subtotal rows are
# rows of the body.
cat > groups.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "地域別売上", header = false, footer = false}
doc:table({{r = "関東", q1 = 10, q2 = 12}, {r = "関東", q1 = 7, q2 = 8}, {r = "関西", q1 = 5, q2 = 6}},
  {columns = {{key = "r", title = "地域"}, {key = "q1", title = "上期"}, {key = "q2", title = "下期"}},
   groups = {{title = "売上高", columns = {"q1", "q2"}}}, subtotals = {by = "r"}})
doc:save("groups.pdf")
LUA
"$sumi" render groups.lua -o groups.pdf 2> err.txt || fail "groups.lua failed: $(cat err.txt)"
pdfinfo -struct-text groups.pdf | tr -s ' \n' ' ' > groups.txt
grep -q 'THead TR TH: /Scope /Column /RowSpan 2 "地域" TH: /Scope /Column /ColSpan 2 "売上高" TR TH: /Scope /Column "上期" TH: /Scope /Column "下期" TBody' groups.txt ||
  fail "the grouped header's cells: $(head -c 400 groups.txt)"
[ "$(grep -o '"小計"' groups.txt | wc -l)" = 2 ] || fail "the subtotal rows are not in the tree"
qpdf --check groups.pdf > /dev/null || fail "qpdf finds groups.pdf damaged"

# Tagging keeps reruns byte-identical.
"$sumi" render "$repo/scripts/china_ai_briefing.lua" -o again.pdf 2> /dev/null
cmp -s briefing.pdf again.pdf || fail "two renders of the tagged briefing differ"

[ "$failures" -eq 0 ] && echo "tagged PDF: all checks passed"
exit $((failures > 0))
