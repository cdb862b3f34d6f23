#!/bin/sh
# Regenerates the visual reference images: renders every tests/visual/cases
# script with BUILD_DIR/sumi and copies each rendering over its reference
# when any pixel changed (a PNG whose pixels are all the same is left alone,
# so a different zlib does not churn the repository). Prints what changed
# and where the diff images are; review them before committing.
#
#   tests/visual/update.sh BUILD_DIR
#
# Exit status: 0 done, 1 a case failed to render, 2 usage error.
set -u

if [ $# -ne 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    echo "usage: tests/visual/update.sh BUILD_DIR" >&2
    exit 2
fi
build=$1
sumi=$build/sumi
imgdiff=$build/tests/visual/imgdiff
for tool in "$sumi" "$imgdiff"; do
    if [ ! -x "$tool" ]; then
        echo "update.sh: no $tool (build first: cmake --build $build)" >&2
        exit 2
    fi
done

here=$(cd "$(dirname "$0")" && pwd)
out=$build/test-output/visual-update
mkdir -p "$out" "$here/reference" || exit 2

status=0
changed=0
for case in "$here"/cases/*.lua; do
    [ -e "$case" ] || continue
    name=$(basename "$case" .lua)
    ref=$here/reference/$name.png
    new=$out/$name.png
    rm -f "$new" "$out/$name-diff.png"
    # Warnings (a missing font, say) mean the rendering is not trustworthy.
    if ! "$sumi" render "$case" -o "$new" --allow-read "$here/fixtures" 2>"$out/$name.stderr" || [ -s "$out/$name.stderr" ]; then
        echo "FAILED     $name (reference left as it was):"
        sed 's/^/    /' "$out/$name.stderr"
        status=1
        continue
    fi
    if [ ! -f "$ref" ]; then
        cp "$new" "$ref"
        echo "new        $name"
        changed=$((changed + 1))
    elif "$imgdiff" "$ref" "$new" --tolerance 0 --max-share 0 \
        --diff "$out/$name-diff.png" >"$out/$name.txt" 2>&1; then
        echo "unchanged  $name"
    else
        rc=$?
        if [ $rc -ne 1 ]; then
            echo "FAILED     $name: imgdiff exit $rc"
            sed 's/^/    /' "$out/$name.txt"
            status=1
            continue
        fi
        # Would visual_$name have failed? If not, the change is within the
        # tolerance and the update only records rasteriser noise.
        note="(the test failed on it)"
        if "$imgdiff" "$ref" "$new" >/dev/null 2>&1; then
            note="(within the test's tolerance)"
        fi
        cp "$new" "$ref"
        echo "changed    $name $note"
        sed -n 's/^  /    /p' "$out/$name.txt"
        changed=$((changed + 1))
    fi
    size=$(wc -c <"$ref")
    if [ "$size" -gt 20480 ]; then
        echo "    warning: reference/$name.png is $size bytes (limit 20 KiB); make the case smaller"
    fi
done

# References whose case is gone.
for ref in "$here"/reference/*.png; do
    [ -e "$ref" ] || continue
    name=$(basename "$ref" .png)
    if [ ! -f "$here/cases/$name.lua" ]; then
        echo "stale      reference/$name.png has no case; remove it"
    fi
done

if [ $changed -gt 0 ]; then
    echo
    echo "$changed reference(s) written. Before committing, look at each new"
    echo "reference and at the diff images in $out"
    echo "(red = pixels that changed, over the faded new rendering)."
fi
exit $status
