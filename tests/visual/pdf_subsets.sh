#!/bin/bash
# A PDF drawn with font subsets looks and reads like the PDF drawn with the
# engine's whole faces: pdf_subsets.lua draws one page both ways; here both
# are rasterised (pdftoppm) and compared with imgdiff, their text
# (pdftotext) must be the same, and the subset PDF must embed only subset
# fonts with a Unicode map, in a fraction of the size.
#
#   pdf_subsets.sh SUMI IMGDIFF OUT_DIR
set -u
sumi=$1 imgdiff=$2 out=$3/pdf_subsets
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out"
cd "$out" || exit 1
"$sumi" render "$here/pdf_subsets.lua" -o "$out/page.pdf" || { echo "sumi failed"; exit 1; }
for dpi in 72 144; do
  pdftoppm -png -r "$dpi" page.pdf "full-$dpi" || exit 1
  pdftoppm -png -r "$dpi" page-subset.pdf "subset-$dpi" || exit 1
  "$imgdiff" "full-$dpi-1.png" "subset-$dpi-1.png" --diff "diff-$dpi.png" ||
    { echo "the subset PDF does not look like the full one at $dpi dpi"; exit 1; }
done
pdftotext page.pdf full.txt && pdftotext page-subset.pdf subset.txt || exit 1
for words in "グラデーションの文字" "שלום" "ligatures" "not recorded: mono"; do
  grep -q "$words" subset.txt || { echo "'$words' missing from the subset PDF's text"; exit 1; }
done
cmp full.txt subset.txt || { echo "the two PDFs read differently"; diff full.txt subset.txt; exit 1; }
pdffonts page-subset.pdf >fonts.txt || exit 1
cat fonts.txt
faces=$(tail -n +3 fonts.txt | wc -l)
[ "$faces" -ge 5 ] || { echo "expected at least 5 faces, got $faces"; exit 1; }
if tail -n +3 fonts.txt | grep -v 'yes yes yes' | grep -q .; then
  echo "a font is not an embedded subset with a Unicode map"; exit 1
fi
full=$(stat -c %s page.pdf) small=$(stat -c %s page-subset.pdf)
echo "full faces: $full bytes, subsets: $small bytes"
[ $((small * 3)) -lt "$full" ] || { echo "the subset PDF is not a third of the full one"; exit 1; }
echo "ok"
