#!/bin/bash
# Draws a visual case into an SVG (canvas.svg, text kept as text) instead of
# its PNG, checks that the SVG is well-formed XML (xmllint), rasterises it
# with librsvg (rsvg-convert, 1 pt = 1 px) and compares the result with the
# case's PNG reference using imgdiff.
#
#   svg_case.sh SUMI IMGDIFF CASE REFERENCE OUT_DIR [IMGDIFF OPTIONS...]
#
# The case's `canvas.png(nil, {` becomes `canvas.svg(nil, {background =
# "white", `: a PNG's default background is white, an SVG's transparent (a
# background the case gives itself comes later in the table and wins).
#
# Tolerance: librsvg 2.54 puts each glyph on a whole pixel while cairo keeps
# sub-pixel positions (a line of text drawn at x + 0.5 differs on 2% of its
# pixels at --tolerance 96, at x + 0 on none), so text edges differ by up to
# ~130 levels on a few pixels; cairo's own outline SVG (text = "outline")
# through rsvg differs from the PNG by the same amount. Shapes, gradients, clips and images match to 0 pixels at the
# default tolerance. A case with text passes --tolerance 96 --max-share
# 0.004: the bar chart's labels come out at 0.0013, and moving every label
# down by 1 pt gives 0.013, three times the limit.
set -u
sumi=$1 imgdiff=$2 case=$3 reference=$4 out=$5
shift 5
name=$(basename "$case" .lua)
dir=$out/svg/$name
rm -rf "$dir"
mkdir -p "$dir/cases"
# Relative inputs (../fixtures/badge.png) resolve from the script's folder.
cp -r "$(dirname "$case")/../fixtures" "$dir/" 2>/dev/null
sed -E 's/canvas\.png\(nil, \{/canvas.svg(nil, {background = "white", /' "$case" >"$dir/cases/$name.lua"
grep -q 'canvas.svg(nil' "$dir/cases/$name.lua" || { echo "no canvas.png(nil, {...}) in $case"; exit 1; }
"$sumi" render "$dir/cases/$name.lua" -o "$dir/$name.svg" || { echo "sumi failed"; exit 1; }
xmllint --noout "$dir/$name.svg" || { echo "$dir/$name.svg is not well-formed XML"; exit 1; }
rsvg-convert --dpi-x 72 --dpi-y 72 "$dir/$name.svg" -o "$dir/$name.png" || exit 1
"$imgdiff" "$reference" "$dir/$name.png" --diff "$dir/$name-diff.png" "$@"
