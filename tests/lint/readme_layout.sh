#!/bin/sh
# The README's Layout section names every folder of engine/, and names no
# folder that is not there: a newcomer's first map must match the tree.
set -eu
layout=$(sed -n '/^## Layout$/,/^## /p' README.md)
[ -n "$layout" ] || { echo "readme_layout.sh: README.md has no Layout section"; exit 1; }
bad=0
for dir in $(find engine -mindepth 1 -maxdepth 1 -type d | sort); do
  case $layout in
    *"$dir/"*) ;;
    *) echo "readme_layout.sh: README.md's Layout does not name $dir/"; bad=1 ;;
  esac
done
for named in $(printf '%s\n' "$layout" | grep -o 'engine/[a-z_]*/' | sort -u); do
  [ -d "$named" ] || { echo "readme_layout.sh: README.md's Layout names $named, which does not exist"; bad=1; }
done
[ $bad -eq 0 ] && echo "readme_layout.sh: the Layout section matches engine/"
exit $bad
