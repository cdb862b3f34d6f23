#!/bin/sh
# Makes the chart gallery: exports every chart of scripts/gallery.lua as a
# small PNG into OUT/gallery/ and writes OUT/gallery.md, each picture beside
# the Lua block that made it.
#
#   sh scripts/gallery.sh [SUMI [OUT]]     defaults: build/sumi, docs
#
# tests/docs runs it into a scratch folder and compares the result with
# docs/, so the gallery cannot drift from the code.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sumi=${1:-$here/../build/sumi}
out=${2:-$here/../docs}
if [ ! -x "$sumi" ]; then
    echo "gallery.sh: no $sumi (build first: cmake --build build)" >&2
    exit 2
fi
mkdir -p "$out/gallery"
# 360 x 202.5 pt (127 x 71 mm) charts drawn at 96 dpi
"$sumi" chart "$here/gallery.lua" --format png --size 480x270 --dpi 96 --out "$out/gallery" >/dev/null

awk '
BEGIN {
    print "# Chart gallery"
    print ""
    print "Every chart type of `sumi.chart`, drawn by `scripts/gallery.lua` at"
    print "127 × 71 mm (PNG at 96 dpi) with the default theme. The Lua beside each"
    print "picture is the whole script that made it; `sh scripts/gallery.sh` makes"
    print "this page and its pictures again. Options: [API.md §16](API.md#16-charts)."
    print "(This page is generated: edit scripts/gallery.lua instead.) Each script"
    print "is a chart script: `sumi chart example.lua` exports its chart."
    print ""
    print "<!-- examples run with: sumi chart -->"
}
/^-- gallery: / {
    line = substr($0, 13)
    split(line, parts, " [|] ")
    name = parts[1]; title = parts[2]
    print ""
    print "## " title
    print ""
    print "![" title "](gallery/" name ".png)"
    print ""
    print "```lua"
    inside = 0
    next
}
/^do$/ { inside = 1; next }
/^end$/ && inside { print "```"; inside = 0; next }
inside { sub(/^  /, ""); print }
' "$here/gallery.lua" >"$out/gallery.md"
