#!/bin/bash
# Each list of accepted values docs/API.md gives is the list the code
# accepts: languages, themes, chart types, chart presets.
#   accepted_values.sh SUMI SOURCE_DIR WORK_DIR
set -u
sumi=$1 src=$2 work=$3
api=$src/docs/API.md
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# What the code accepts, one list a line: "name: a b c" (sorted).
cat > lists.lua <<'LUA'
local sumi = require "sumi"
local function line(name, items)
  table.sort(items)
  print(name .. ": " .. table.concat(items, " "))
end
line("languages", require("sumi.locale").tags())
local themes, kinds, presets = {}, {}, {}
for _, name in ipairs(sumi.theme.names) do themes[#themes + 1] = name end
for k, v in pairs(sumi.chart) do if type(v) == "function" then kinds[#kinds + 1] = k end end
for _, p in ipairs(require("sumi.runtime").chart_presets()) do presets[#presets + 1] = p.name end
line("themes", themes)
line("chart types", kinds)
line("presets", presets)
LUA
"$sumi" render lists.lua > code.txt 2> err.txt || { fail "lists.lua: $(cat err.txt)"; exit 1; }
code() { sed -n "s/^$1: //p" code.txt; }
sorted() { tr ' ' '\n' | grep . | sort | tr '\n' ' ' | sed 's/ $//'; }

# Languages: the tags of the table under "### Language: `lang`".
docs_languages=$(awk '/^### Language: `lang`/ {on = 1; next} on && /^#/ {exit}
  on && /^\| `"/ {split($0, c, "`"); gsub(/"/, "", c[2]); print c[2]}' "$api" | sorted)
[ "$docs_languages" = "$(code languages)" ] ||
  fail "languages: the docs list '$docs_languages', the code takes '$(code languages)'"
# Themes: the module table's row, and the chart option `theme`.
docs_themes=$(grep '^| `sumi.theme` |' "$api" | grep -oE '`[a-z]+`' | tr -d '`' | grep -v -x -e derive -e get | sorted)
[ "$docs_themes" = "$(code themes)" ] || fail "themes: the docs list '$docs_themes', the code has '$(code themes)'"
option_themes=$(grep '^| `theme` | `"print"` |' "$api" | head -1 | cut -d'|' -f4 | grep -oE '"[a-z]+"' | tr -d '"' | sorted)
[ "$option_themes" = "$(code themes)" ] || fail "the theme option lists '$option_themes'"
# Chart types: the sumi.chart row.
docs_kinds=$(grep '^| `sumi.chart` |' "$api" | cut -d'|' -f3 | sed 's/:.*//' | grep -oE '`[a-z_]+`' | tr -d '`' | sorted)
[ "$docs_kinds" = "$(code 'chart types')" ] ||
  fail "chart types: the docs list '$docs_kinds', sumi.chart has '$(code 'chart types')'"
# Presets: chart:save's `preset` option and sumi chart's --preset.
docs_presets=$(grep '^| `preset` |' "$api" | head -1 | cut -d'|' -f4 | grep -oE '`"[a-z0-9:-]+"`' | tr -d '`"' | sorted)
[ "$docs_presets" = "$(code presets)" ] || fail "presets: the docs list '$docs_presets', the code has '$(code presets)'"
cli_presets=$(grep '^| `--preset NAME` |' "$api" | cut -d'|' -f4 | sed 's/.*preset: //; s/;.*//' | grep -oE '`[a-z0-9:-]+`' | tr -d '`' | sorted)
[ "$cli_presets" = "$(code presets)" ] || fail "sumi chart --preset lists '$cli_presets'"

[ "$failures" -eq 0 ] && echo "docs lists match the code: $(wc -l < code.txt) lists"
exit $((failures > 0))
