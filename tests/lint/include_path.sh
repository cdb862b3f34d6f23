#!/bin/sh
# Proves the build's own wall between layers: with the include path of one
# layer's library, a header of that layer compiles and a header of the layer
# above does not.
#   sh tests/lint/include_path.sh CC OWN_HEADER HIGHER_HEADER -I... -I...
set -u
cc=$1 own=$2 higher=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#include <stddef.h>\n#include "%s"\n' "$own" >"$tmp/own.c"
printf '#include <stddef.h>\n#include "%s"\n' "$higher" >"$tmp/higher.c"
# shellcheck disable=SC2046
if ! "$cc" -fsyntax-only "$@" $(pkg-config --cflags lua5.4 pangocairo) "$tmp/own.c" 2>"$tmp/err"; then
  echo "include_path.sh: $own does not compile with its own layer's path:"
  cat "$tmp/err"
  exit 1
fi
# shellcheck disable=SC2046
if "$cc" -fsyntax-only "$@" $(pkg-config --cflags lua5.4 pangocairo) "$tmp/higher.c" 2>"$tmp/err"; then
  echo "include_path.sh: $higher compiled with a lower layer's include path"
  exit 1
fi
grep -q "$higher" "$tmp/err" || { echo "include_path.sh: unexpected error:"; cat "$tmp/err"; exit 1; }
echo "include_path.sh: $own compiles, $higher is out of reach"
