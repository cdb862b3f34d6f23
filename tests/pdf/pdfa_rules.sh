#!/bin/bash
# PDF/A-2 (ISO 19005-2): no validator is a Debian package, so each rule
# sumi relies on (docs/pdfa.md lists them, numbered as here) is checked on
# the flagship rendered with --pdfa, with qpdf, poppler and xmllint.
#
#   pdfa_rules.sh SUMI REPO OUT
set -u
sumi=$1 repo=$2 out=$3
mkdir -p "$out"
cd "$out" || exit 1
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
export SOURCE_DATE_EPOCH=1754006400

objects() { qpdf --json=1 --json-key=objects "$1" | jq -r ".objects | $2"; }

"$sumi" render "$repo/scripts/china_ai_briefing.lua" --pdfa -o briefing.pdf 2> err.txt ||
  { fail "the briefing did not render with --pdfa: $(cat err.txt)"; exit 1; }
pdf=briefing.pdf
qpdf --json=1 --json-key=objects "$pdf" | jq '.objects' > objects.json
catalog=$(jq -c 'to_entries[] | select(.value["/Type"]? == "/Catalog") | .value' objects.json)
info_ref=$(jq -r '.trailer["/Info"]' objects.json)
info() { jq -r --arg ref "$info_ref" --arg key "/$1" '.[$ref][$key] // ""' objects.json; }

# 1. The header: %PDF-1.n, then a comment of four bytes above 127 (6.1.2).
head -c 8 "$pdf" | grep -q '^%PDF-1\.[0-7]$' || fail "1: header $(head -c 8 "$pdf")"
second=$(sed -n 2p "$pdf" | head -c 5 | od -An -tu1 | tr -s ' ' | sed 's/^ //')
[ "$(head -1 "$pdf" | wc -c)" -eq 9 ] && [ "${second%% *}" = 37 ] &&
  [ "$(printf '%s\n' $second | tail -n +2 | awk '$1 > 127' | wc -l)" -eq 4 ] ||
  fail "1: no comment of four bytes above 127 on the second line: $second"
# 2. The last trailer has an /ID of two strings (6.1.3); the file ends at %%EOF.
[ "$(jq '.trailer["/ID"] | length' objects.json)" = 2 ] || fail "2: no /ID in the trailer"
[ "$(tail -c 6 "$pdf")" = "%%EOF" ] || [ "$(tail -c 7 "$pdf" | head -c 5)" = "%%EOF" ] || fail "2: data after %%EOF"
# 3. No encryption (6.1.3), no JavaScript, launch actions or embedded files
#    (6.5.1, 6.6.1, 6.8), no additional actions (6.5.2).
pdfinfo "$pdf" > info.txt
grep -q '^Encrypted: *no$' info.txt || fail "3: encrypted"
grep -q '^JavaScript: *no$' info.txt || fail "3: JavaScript"
grep -q -E '"/(JS|JavaScript|Launch|EmbeddedFiles|AA|Encrypt)"' objects.json && fail "3: a forbidden key is present"
# 4. XMP metadata in the catalog, not compressed, that parses as XML, names
#    PDF/A-2 level a, and agrees with the information dictionary (6.6.2,
#    6.6.3); its packet header has no bytes or encoding attribute (6.6.2.1).
meta_ref=$(printf '%s' "$catalog" | jq -r '.["/Metadata"]')
[ "$meta_ref" != null ] || fail "4: no /Metadata in the catalog"
num=${meta_ref%% *}
qpdf --show-object="$num" "$pdf" | grep -q '/Filter' && fail "4: the metadata stream is compressed"
qpdf --show-object="$num" --raw-stream-data "$pdf" > xmp.xml
xmllint --noout xmp.xml 2> xmllint.txt || fail "4: the XMP is not XML: $(head -2 xmllint.txt)"
head -1 xmp.xml | grep -q -E 'bytes=|encoding=' && fail "4: the xpacket header has bytes or encoding"
xmp() { xmllint --xpath "string(//*[local-name()='$1'])" xmp.xml; }
[ "$(xmp part | head -c 1)" = 2 ] || fail "4: pdfaid:part is $(xmp part)"
[ "$(xmp conformance)" = A ] || fail "4: pdfaid:conformance is $(xmp conformance), not A (the briefing is tagged)"
[ "$(xmp title)" = "$(info Title)" ] || fail "4: dc:title '$(xmp title)' vs Title '$(info Title)'"
[ "$(xmp creator)" = "$(info Author)" ] || fail "4: dc:creator vs Author"
[ "$(xmp description)" = "$(info Subject)" ] || fail "4: dc:description vs Subject"
[ "$(xmp Keywords)" = "$(info Keywords)" ] || fail "4: pdf:Keywords vs Keywords"
[ "$(xmp Producer)" = "$(info Producer)" ] || fail "4: pdf:Producer vs Producer"
[ "$(xmp CreatorTool)" = "$(info Creator)" ] || fail "4: xmp:CreatorTool vs Creator"
[ "$(xmp CreateDate)" = "2025-08-01T00:00:00+00:00" ] &&
  [ "$(info CreationDate)" = "D:20250801000000+00'00'" ] || fail "4: the creation dates differ"
[ "$(xmp ModifyDate)" = "2025-08-01T00:00:00+00:00" ] &&
  [ "$(info ModDate)" = "D:20250801000000+00'00'" ] || fail "4: the modification dates differ"
[ -n "$(info Title)" ] || fail "4: no title"
# 5. An sRGB output intent whose profile is an RGB monitor profile of 3
#    components (6.2.3).
intent_ref=$(printf '%s' "$catalog" | jq -r '.["/OutputIntents"][0] // ""')
[ -n "$intent_ref" ] || fail "5: no /OutputIntents"
[ "$(jq -r --arg r "$intent_ref" '.[$r]["/S"]' objects.json)" = /GTS_PDFA1 ] || fail "5: the intent is not GTS_PDFA1"
profile=$(jq -r --arg r "$intent_ref" '.[$r]["/DestOutputProfile"]' objects.json)
qpdf --show-object="${profile%% *}" "$pdf" | grep -q '/N 3' || fail "5: the profile is not of 3 components"
qpdf --show-object="${profile%% *}" --filtered-stream-data "$pdf" > profile.icc
[ "$(dd if=profile.icc bs=1 skip=12 count=8 2> /dev/null)" = "mntrRGB " ] || fail "5: not an RGB monitor profile"
[ "$(dd if=profile.icc bs=1 skip=36 count=4 2> /dev/null)" = "acsp" ] || fail "5: not an ICC profile"
# 6. Every font embedded (6.2.11.4), with a ToUnicode map (level a, 6.2.11.7).
pdffonts "$pdf" | tail -n +3 > fonts.txt
[ -s fonts.txt ] || fail "6: no fonts listed"
awk '$(NF-4) != "yes" || $(NF-2) != "yes" {print}' fonts.txt | grep -q . &&
  fail "6: a font not embedded or without ToUnicode: $(awk '$(NF-4) != "yes" || $(NF-2) != "yes"' fonts.txt)"
# 7. Annotations: printed, not hidden (flag 4 alone, 6.3.2); links only
#    (no annotation that needs an appearance, 6.3.3).
bad=$(jq '[.[] | select(.["/Type"]? == "/Annot" and (.["/F"] != 4 or .["/Subtype"] != "/Link"))] | length' objects.json)
[ "$bad" = 0 ] || fail "7: $bad annotations without /F 4 or not links"
# 8. No image asks to be interpolated (6.2.8).
grep -q '"/Interpolate": true' objects.json && fail "8: an image with /Interpolate true"
# 9. Transparency: blend modes are PDF/A's (6.2.10); cairo writes Normal.
jq -r '.. | objects | .["/BM"]? // empty' objects.json | grep -v -x -e /Normal -e /Compatible | grep -q . &&
  fail "9: a blend mode other than Normal"
# 10. Level a: tagged, marked, with the document's language (6.7).
[ "$(printf '%s' "$catalog" | jq -r '.["/MarkInfo"]["/Marked"]')" = true ] || fail "10: not marked"
[ "$(printf '%s' "$catalog" | jq -r '.["/StructTreeRoot"]')" != null ] || fail "10: no structure tree"
[ "$(printf '%s' "$catalog" | jq -r '.["/Lang"]')" = ja ] || fail "10: no /Lang"
# 11. qpdf finds nothing wrong (6.1: the file structure).
qpdf --check "$pdf" > check.txt 2>&1 && ! grep -qi warning check.txt || fail "11: qpdf --check: $(head -3 check.txt)"

# Without tags the level is b; without --pdfa there is no PDF/A claim; a
# script's pdfa = false wins over the flag.
cat > canvas.lua <<'LUA'
local sumi = require "sumi"
local mode = sumi.params.mode
local c = sumi.canvas.pdf("canvas.pdf", {title = "PDF/A", pdfa = mode == "a" or nil,
  tagged = false})
c:text("アーカイブ", 40, 40)
c:close()
local opts = {title = "文書"}
if mode == "off" then opts.pdfa = false end
local doc = sumi.document.new(opts)
doc:paragraph("本文")
doc:save("doc.pdf")
LUA
xmp_of() { # pdf -> the XMP packet, or nothing
  local ref
  ref=$(objects "$1" 'to_entries[] | select(.value["/Type"]? == "/Catalog") | .value["/Metadata"] // ""')
  [ -n "$ref" ] && qpdf --show-object="${ref%% *}" --raw-stream-data "$1"
}
"$sumi" render canvas.lua -p mode=a -o canvas.pdf 2> err.txt || fail "canvas.lua: $(cat err.txt)"
xmp_of canvas.pdf | grep -q '<pdfaid:conformance>B</pdfaid:conformance>' || fail "an untagged PDF/A is not level b"
xmp_of doc.pdf | grep -q '<pdfaid:part>' && fail "a document claims PDF/A without --pdfa"
xmp_of doc.pdf | grep -q '<pdfuaid:part>1</pdfuaid:part>' || fail "a tagged document does not claim PDF/UA-1"
"$sumi" render canvas.lua -p mode=off --pdfa -o canvas.pdf 2> err.txt || fail "canvas.lua --pdfa: $(cat err.txt)"
xmp_of canvas.pdf | grep -q '<pdfaid:part>2</pdfaid:part>' || fail "--pdfa does not reach a canvas"
xmp_of doc.pdf | grep -q '<pdfaid:part>' && fail "document.new{pdfa = false} does not win over --pdfa"

[ "$failures" -eq 0 ] && echo "PDF/A-2: all rules hold"
exit $((failures > 0))
