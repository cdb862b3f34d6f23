#!/bin/bash
# What `cmake --install` and `cpack -G DEB` ship, checked as a user gets it.
#   install_test.sh SUMI SOURCE_DIR BUILD_DIR WORK_DIR CASE
set -u
SUMI=$1 SRC=$2 BUILD=$3 WORK=$4 CASE=$5
failures=0
fail() { echo "FAIL $CASE: $*"; failures=$((failures + 1)); }
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1

commands="render chart batch check new fonts"

# The options a command's --help lists ("-o", "--output", ...).
help_options() {
  "$SUMI" "$1" --help | grep -oE '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u
}

case_install_ships_binary_man_pages_completion_docs() {
  cmake --install "$BUILD" --prefix "$WORK/prefix" > install.log 2>&1 || fail "cmake --install: $(tail -3 install.log)"
  local p=$WORK/prefix
  [ -x "$p/bin/sumi" ] || fail "no bin/sumi"
  for page in sumi $(printf 'sumi-%s ' $commands); do
    local man=$p/share/man/man1/$page.1
    [ -s "$man" ] || { fail "no man page $page.1"; continue; }
    MANWIDTH=80 man --warnings -l "$man" > "$page.txt" 2> "$page.err" || fail "man -l $page.1 failed"
    [ -s "$page.err" ] && fail "man -l $page.1 warns: $(head -2 "$page.err")"
    grep -q "^NAME" "$page.txt" && grep -qE "^ +$page +- " "$page.txt" || fail "$page.1 has no NAME line for $page"
  done
  # The pages say what --help says: every option of each command is in its page.
  for c in $commands; do
    for o in $(help_options "$c"); do
      grep -q -- "$o" "sumi-$c.txt" || fail "sumi-$c.1 lacks $o, which sumi $c --help lists"
    done
  done
  # Completion: bash and zsh files, each knowing every command and option.
  local bash_file=$p/share/bash-completion/completions/sumi zsh_file=$p/share/zsh/vendor-completions/_sumi
  [ -s "$bash_file" ] && [ -s "$zsh_file" ] || fail "completion files missing"
  bash -n "$bash_file" || fail "the bash completion does not parse"
  if command -v zsh > /dev/null; then zsh -n "$zsh_file" || fail "the zsh completion does not parse"; fi
  for c in $commands; do
    grep -q "$c)" "$bash_file" || fail "bash completion lacks the command $c"
    grep -q "$c" "$zsh_file" || fail "zsh completion lacks the command $c"
    for o in $(help_options "$c"); do
      [ "$o" = "-h" ] && continue
      grep -q -- "$o" "$bash_file" || fail "bash completion lacks $c $o"
      grep -q -- "$o" "$zsh_file" || fail "zsh completion lacks $c $o"
    done
  done
  # Completing: `sumi ch<TAB>` and `sumi render --pd<TAB>`.
  if [ -f /usr/share/bash-completion/bash_completion ]; then
    got=$(bash -c ". /usr/share/bash-completion/bash_completion; . '$bash_file'
      COMP_LINE='sumi ch'; COMP_POINT=7; COMP_WORDS=(sumi ch); COMP_CWORD=1; _sumi; echo \${COMPREPLY[*]}
      COMP_LINE='sumi render --pd'; COMP_POINT=16; COMP_WORDS=(sumi render --pd); COMP_CWORD=2
      _sumi; echo \${COMPREPLY[*]}")
    [ "$got" = "$(printf 'chart check\n--pdfa')" ] || fail "bash completion offers: $got"
  fi
  # The docs and the examples, and the examples run from there.
  for f in README.md docs/API.md docs/pdfa.md docs/batch.md examples/scripts/china_ai_briefing.lua \
    examples/data/waic2025.sql; do
    [ -s "$p/share/doc/sumi/$f" ] || fail "no share/doc/sumi/$f"
  done
  # The editor annotations, and sumi new pointing a folder's .luarc.json at
  # the installed copy (not the sources it was built from).
  [ -s "$p/share/sumi/types/sumi.lua" ] || fail "no share/sumi/types/sumi.lua"
  [ -s "$p/share/sumi/types/chart.lua" ] || fail "no share/sumi/types/chart.lua"
  "$p/bin/sumi" new starter > new.txt 2>&1 || fail "the installed sumi new: $(cat new.txt)"
  grep -q warning new.txt && fail "the installed sumi new warns: $(cat new.txt)"
  [ "$(jq -r '.["workspace.library"][0]' starter/.luarc.json)" = "$(realpath "$p/share/sumi/types")" ] ||
    fail "starter/.luarc.json does not name the installed annotations: $(cat starter/.luarc.json)"
  cp -r "$p/share/doc/sumi/examples" ex && cd ex || return
  sqlite3 -bail data/waic2025.db < data/waic2025.sql || fail "the example data does not build"
  "$p/bin/sumi" render scripts/china_ai_briefing.lua -o out/briefing.pdf 2> err.txt ||
    fail "the installed sumi cannot render the installed example: $(cat err.txt)"
  pdftotext out/briefing.pdf - | grep -q '中国AI産業の現在地' || fail "the example's PDF lacks its title"
}

# The .deb: its Depends, its files, and a fresh minimal Debian 12 (made
# with debootstrap, packages from the Debian archive) where it installs
# and renders the flagship.
case_deb_installs_and_renders_on_minimal_debian() {
  [ "$(id -u)" = 0 ] || { fail "debootstrap and chroot need root"; return; }
  (cd "$BUILD" && cpack -G DEB -B "$WORK/deb") > cpack.log 2>&1 || fail "cpack: $(tail -3 cpack.log)"
  local deb
  deb=$(ls "$WORK"/deb/sumi_*_amd64.deb 2> /dev/null | head -1)
  [ -n "$deb" ] || { fail "no .deb made"; return; }
  dpkg-deb -f "$deb" Depends > depends.txt
  for d in fonts-noto-cjk fonts-dejavu-core libcairo2 libpango-1.0-0 libharfbuzz-subset0 liblua5.4-0 \
    libjson-c5 libsqlite3-0 libzip4 libxlsxwriter; do
    grep -q "$d" depends.txt || fail "Depends lacks $d: $(cat depends.txt)"
  done
  dpkg-deb -f "$deb" Recommends | grep -q lua-check || fail "lua-check is not recommended"
  dpkg-deb -c "$deb" > contents.txt
  for f in ./usr/bin/sumi ./usr/share/man/man1/sumi-check.1 ./usr/share/bash-completion/completions/sumi \
    ./usr/share/doc/sumi/docs/API.md ./usr/share/sumi/types/sumi.lua ./usr/share/sumi/types/document.lua; do
    grep -q " $f$" contents.txt || fail "the .deb lacks $f"
  done
  local root=$WORK/root
  debootstrap --variant=minbase bookworm "$root" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
    > debootstrap.log 2>&1 || { fail "debootstrap: $(tail -3 debootstrap.log)"; return; }
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  cp "$deb" "$root/tmp/sumi.deb"
  { chroot "$root" apt-get update && DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y /tmp/sumi.deb; } \
    > apt.log 2>&1 || { fail "apt-get install: $(tail -5 apt.log)"; return; }
  chroot "$root" sh -c 'set -e; mkdir -p /tmp/w; cp -r /usr/share/doc/sumi/examples/scripts /usr/share/doc/sumi/examples/data /tmp/w/
    cd /tmp/w; sqlite3 -bail data/waic2025.db < data/waic2025.sql
    SOURCE_DATE_EPOCH=1754006400 sumi render scripts/china_ai_briefing.lua -o out/briefing.pdf
    sumi check scripts/china_ai_briefing.lua
    sumi new starter; grep -q "\"/usr/share/sumi/types\"" starter/.luarc.json' > render.log 2>&1 || fail "in the fresh root: $(tail -5 render.log)"
  local pdf=$root/tmp/w/out/briefing.pdf
  [ -s "$pdf" ] || { fail "no briefing rendered in the fresh root"; return; }
  [ "$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')" -ge 4 ] || fail "the briefing has too few pages"
  pdffonts "$pdf" | grep -q 'NotoSansCJKjp' || fail "the fresh root's briefing has no Noto Sans CJK JP"
  pdftotext "$pdf" - | grep -q '1,509' || fail "the fresh root's briefing lacks its figures"
  grep -q 'no problems found' render.log || fail "sumi check in the fresh root: $(cat render.log)"
}

declare -F "case_$CASE" > /dev/null || { echo "no case $CASE"; exit 1; }
"case_$CASE"
[ "$failures" -eq 0 ] && echo "ok $CASE"
exit $((failures > 0))
