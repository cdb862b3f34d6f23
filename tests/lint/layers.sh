#!/bin/sh
# Checks that engine/'s layers only look down: a C file in one layer folder
# may include the headers of its own folder and of the layers below it,
# never one above (docs/ARCHITECTURE.md). The build enforces the same with
# each layer's include path; this names every offending line at once, and
# also catches an include by relative path ("../run/runtime.h").
#
#   sh tests/lint/layers.sh [ENGINE_DIR]     (default: engine)
#   sh tests/lint/layers.sh --self-test      plants an upward include in a
#                                            copy and expects it refused
set -eu
layers="core data draw run cli"

rank() {
  i=0
  for l in $layers; do
    [ "$l" = "$1" ] && { echo $i; return; }
    i=$((i + 1))
  done
  echo -1
}

check() {
  engine=$1
  bad=0
  for layer in $layers; do
    [ -d "$engine/$layer" ] || { echo "layers.sh: $engine/$layer is missing" >&2; return 2; }
  done
  # Every C file lives in a layer folder (engine/lua holds the Lua library).
  for f in $(find "$engine" -name '*.[ch]' | sort); do
    layer=$(basename "$(dirname "$f")")
    r=$(rank "$layer")
    if [ "$r" -lt 0 ]; then
      echo "$f: not in a layer folder ($layers)"
      bad=1
      continue
    fi
    # grep -n prints "line:#include ..."; the header's own name is the last
    # path component of what is included.
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" | while IFS= read -r hit; do
      line=${hit%%:*}
      inc=$(printf '%s\n' "$hit" | sed 's/^[^"]*"\([^"]*\)".*/\1/')
      name=$(basename "$inc")
      owner=""
      for l in $layers; do
        [ -f "$engine/$l/$name" ] && owner=$l
      done
      [ -n "$owner" ] || continue # a generated or system-like header
      if [ "$(rank "$owner")" -gt "$r" ]; then
        echo "$f:$line: $layer/ includes $owner/$name, a higher layer ($layers, lowest first)"
      fi
    done
  done >"${TMPDIR:-/tmp}/layers.$$"
  if [ -s "${TMPDIR:-/tmp}/layers.$$" ]; then
    cat "${TMPDIR:-/tmp}/layers.$$"
    bad=1
  fi
  rm -f "${TMPDIR:-/tmp}/layers.$$"
  return $bad
}

if [ "${1:-}" = "--self-test" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp -R engine "$tmp/engine"
  rm -rf "$tmp/engine/lua"
  check "$tmp/engine" >/dev/null || { echo "layers.sh: the tree itself fails"; exit 1; }
  printf '#include "runtime.h"\n' >>"$tmp/engine/data/csv.c"
  if out=$(check "$tmp/engine"); then
    echo "layers.sh: an upward include (data/csv.c -> run/runtime.h) was not refused"
    exit 1
  fi
  case $out in
    *"data/csv.c:"*"data/ includes run/runtime.h"*) echo "layers.sh: self-test ok" ;;
    *) echo "layers.sh: unexpected report: $out"; exit 1 ;;
  esac
  exit 0
fi

engine=${1:-engine}
if check "$engine"; then
  echo "layers.sh: every include in $engine looks down ($layers)"
else
  exit 1
fi
