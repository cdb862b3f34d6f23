#!/usr/bin/env bash
# The editor annotations (engine/types/*.lua) against the engine and the
# manual:
#   - annotations.lua reads the annotation files as the language server
#     would and fails on one it would read differently;
#   - api_matches_annotations.lua, run by sumi, compares them with what the
#     engine has and accepts, and drives every function with bad input;
#   - every annotated function and option is named in docs/API.md.
# usage: run.sh SUMI SOURCE_DIR OUTDIR [LUA]
set -eu
sumi=$1 src=$2 out=$3 lua=${4:-lua}
here=$src/tests/api
rm -rf "$out"
mkdir -p "$out/data"
cp -r "$here/api_matches_annotations.lua" "$here/probes" "$out/"

"$lua" "$here/annotations.lua" "$out/data" "$src"/engine/types/*.lua

# The public modules: the Lua ones outside internal/, and those made in C.
{
    echo module
    {
        echo sumi
        for f in "$src"/engine/lua/sumi/*.lua; do
            name=$(basename "$f" .lua)
            [ "$name" = init ] || echo "sumi.$name"
        done
        grep -o '{"sumi\.[a-z_]*", luaopen_' "$src/engine/run/runtime.c" | grep -o 'sumi\.[a-z_]*'
    } | sort -u
} > "$out/data/modules.csv"

# Names of C functions given to Lua: candidates for methods of objects made
# in C, whose metatables a script cannot see.
{
    echo name
    grep -ho '{"[a-z_][a-z_0-9]*", [a-z_0-9]*}' "$src"/engine/*/*.c | grep -o '^{"[a-z_0-9]*' | cut -c3- | sort -u
} > "$out/data/c_names.csv"

# sumi check's static pass follows names bound to these modules: its list
# (sumi.internal.members) must be the same.
listed=$(awk '/^members.modules = \{/,/^\}/' "$src/engine/lua/sumi/internal/members.lua" |
    grep -o '"sumi[a-z_.]*"' | tr -d '"' | sort | tr '\n' ' ')
public=$(tail -n +2 "$out/data/modules.csv" | sort | tr '\n' ' ')
status=0
if [ "$listed" != "$public" ]; then
    echo "not ok - sumi.internal.members lists '$listed', the public modules are '$public'"
    status=1
fi

cd "$out"
"$sumi" render api_matches_annotations.lua -o api.pdf || status=1

# Every annotated function is in the manual, by the name a script writes.
missing=$status
while IFS=, read -r owner call name _; do
    [ "$owner" = owner ] && continue
    if ! grep -q "[.:]$name\b" "$src/docs/API.md" && ! grep -q "\`$name\b" "$src/docs/API.md"; then
        echo "not ok - $owner$call$name is annotated but docs/API.md never names it"
        missing=1
    fi
done < data/functions.csv
# And every option of every annotated options table: as `name`, or in an
# options table written out (`{title, tone}`, `{dest, open = false}`).
while IFS=, read -r class field; do
    [ "$class" = class ] && continue
    if ! grep -qE "(\`|[{,] ?)$field( = |\`|,|})" "$src/docs/API.md"; then
        echo "not ok - option $field ($class) is annotated but docs/API.md never names it"
        missing=1
    fi
done < data/fields.csv
exit $missing
