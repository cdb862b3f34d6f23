#!/bin/sh
# docs/gallery.md and docs/gallery/*.png are what scripts/gallery.sh makes
# from scripts/gallery.lua today: the page word for word, every picture
# within imgdiff's default tolerance, and no picture without its chart.
#   gallery_current.sh SUMI IMGDIFF SOURCE_DIR OUT_DIR
set -eu
sumi=$1 imgdiff=$2 src=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
sh "$src/scripts/gallery.sh" "$sumi" "$out"
if ! diff -u "$src/docs/gallery.md" "$out/gallery.md"; then
    echo "docs/gallery.md is stale: run sh scripts/gallery.sh" >&2
    exit 1
fi
status=0
for made in "$out"/gallery/*.png; do
    name=$(basename "$made")
    if [ ! -f "$src/docs/gallery/$name" ]; then
        echo "docs/gallery/$name missing: run sh scripts/gallery.sh" >&2
        status=1
    elif ! "$imgdiff" "$src/docs/gallery/$name" "$made" --diff "$out/diff-$name"; then
        echo "docs/gallery/$name differs from what gallery.lua draws (diff: $out/diff-$name)" >&2
        status=1
    fi
done
for kept in "$src"/docs/gallery/*.png; do
    [ -f "$out/gallery/$(basename "$kept")" ] || {
        echo "docs/gallery/$(basename "$kept") has no chart in scripts/gallery.lua" >&2
        status=1
    }
done
exit $status
