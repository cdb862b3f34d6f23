#!/usr/bin/env bash
# Runs every ```lua example in the given Markdown files through `sumi render`
# and fails, naming the example's line, when one does not behave as written.
#
# usage: run_examples.sh SUMI OUTDIR [--files FILES] (FILE.md | DIR)...
#   SUMI    the sumi binary
#   OUTDIR  scratch folder (emptied first); each example runs in its own
#           folder OUTDIR/<doc>/<NNN>/ as a user runs it there, with
#           `sumi render example.lua` (and its -p parameters): a nil path
#           writes reports/example.EXT, and the sandbox's rules are a user's
#   FILES   a folder whose files are copied beside every example (binary
#           inputs such as a PNG for c:image)
#   DIR     every *.md file in it
#
# What the Markdown may say:
#   ```lua                  an example: a complete script that must exit 0
#                           without warnings
#   ```csv file=NAME        (any language) not an example but a file the
#                           examples read: written as NAME into every
#                           example's folder before it runs
#   ```sql file=NAME.db     SQL text from which the runner builds the SQLite
#                           database NAME.db (with the sqlite3 program), so
#                           a database is shown as the SQL that makes it
# Directives, as comment lines at the very top of an example:
#   -- expect-error: TEXT   must exit 1 with TEXT in its error output, and
#                           publish no output
#   -- expect-warning: TEXT must print a warning containing TEXT
#   -- output: png          the type of the file its nil path writes (otherwise
#                           it is found from the example's `.pdf(nil`,
#                           `.png()` ... calls; pdf when there are none)
#   -- params: k=v k2=v2    passed as -p k=v -p k2=v2
#   -- run with: sumi chart example.lua
#                           a chart script: run as `sumi chart example.lua
#                           --out reports`, it must export at least one file
# A document with the line `<!-- examples run with: sumi chart -->` holds
# chart scripts (the gallery): each example runs as
# `sumi chart example.lua --out reports` and must export at least one file
# into reports/.
# When the example writes through a nil path, reports/example.EXT must
# exist afterwards.
set -u

if [ $# -lt 3 ]; then
    echo "usage: $0 SUMI OUTDIR [--files FILES] (FILE.md | DIR)..." >&2
    exit 2
fi
sumi=$1
outdir=$2
shift 2
files_dir=
if [ "${1:-}" = "--files" ]; then
    files_dir=$2
    shift 2
    if [ ! -d "$files_dir" ]; then
        echo "$0: no such folder '$files_dir'" >&2
        exit 2
    fi
fi
case $sumi in /*) ;; *) sumi=$PWD/$sumi ;; esac
if [ ! -x "$sumi" ]; then
    echo "$0: '$sumi' is not an executable" >&2
    exit 2
fi

docs=()
for arg in "$@"; do
    if [ -d "$arg" ]; then
        for f in "$arg"/*.md; do
            [ -e "$f" ] && docs+=("$f")
        done
    elif [ -f "$arg" ]; then
        docs+=("$arg")
    else
        echo "$0: no such file or folder '$arg'" >&2
        exit 2
    fi
done

rm -rf "$outdir"
mkdir -p "$outdir" || exit 2

total=0
failed=0

# fail DOC LINE N REASON [LOG...]: one failure, with the logs indented.
fail() {
    local doc=$1 line=$2 n=$3 reason=$4
    shift 4
    failed=$((failed + 1))
    echo "$doc:$line: example $n: $reason"
    local log
    for log in "$@"; do
        if [ -s "$log" ]; then
            echo "  --- $(basename "$log"):"
            head -n 30 "$log" | sed 's/^/  | /'
        fi
    done
}

# directive FILE NAME: the value of `-- NAME: value` among the leading
# comment lines of the example, or nothing.
directive() {
    awk -v name="$2" '
        !/^--/ { exit }
        {
            prefix = "-- " name ":"
            if (substr($0, 1, length(prefix)) == prefix) {
                v = substr($0, length(prefix) + 1)
                sub(/^[ \t]+/, "", v)
                sub(/[ \t]+$/, "", v)
                print v
                exit
            }
        }' "$1"
}

for doc in "${docs[@]}"; do
    base=$(basename "$doc" .md)
    command=render
    grep -qx '<!-- examples run with: sumi chart -->' "$doc" && command=chart
    work=$outdir/$base
    mkdir -p "$work/src" "$work/files"
    # Split the document: examples to src/NNN.lua (index: NNN LINE), files
    # named with file=NAME to files/NAME.
    if ! awk -v src="$work/src" -v files="$work/files" -v doc="$doc" '
        function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
        BEGIN { inblock = 0; n = 0; bad = 0 }
        {
            if (!inblock) {
                if (substr($0, 1, 3) != "```")
                    next
                info = trim(substr($0, 4))
                inblock = 1
                start = NR
                out = ""
                if (info == "lua") {
                    n++
                    out = sprintf("%s/%03d.lua", src, n)
                    printf "%03d %d\n", n, NR > (src "/index")
                    printf "" > out
                } else if (info ~ /(^|[ \t])file=/) {
                    name = info
                    sub(/^.*file=/, "", name)
                    sub(/[ \t].*$/, "", name)
                    if (name !~ /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/) {
                        printf "%s:%d: bad file name \"%s\" in a file= block\n", doc, NR, name > "/dev/stderr"
                        bad = 1
                    } else {
                        out = files "/" name
                        printf "" > out
                    }
                }
                next
            }
            if ($0 ~ /^```[ \t]*$/) {
                if (out != "")
                    close(out)
                inblock = 0
                next
            }
            if (out != "")
                print $0 > out
        }
        END {
            if (inblock) {
                printf "%s:%d: code block never closed\n", doc, start > "/dev/stderr"
                bad = 1
            }
            exit bad
        }' "$doc"; then
        failed=$((failed + 1))
        continue
    fi
    # A file= block named *.db holds SQL: build the database from it.
    db_failed=0
    for db in "$work/files"/*.db; do
        [ -e "$db" ] || continue
        mv "$db" "$db.sql"
        if ! sqlite3 -bail "$db" <"$db.sql" >"$db.log" 2>&1; then
            echo "$doc: cannot build $(basename "$db") from its sql block (is sqlite3 installed?)"
            sed 's/^/  | /' "$db.log"
            db_failed=1
        fi
        rm -f "$db.sql" "$db.log"
    done
    if [ $db_failed -ne 0 ]; then
        failed=$((failed + 1))
        continue
    fi
    [ -f "$work/src/index" ] || continue

    while read -r n line; do
        total=$((total + 1))
        dir=$work/$n
        mkdir -p "$dir"
        cp "$work/src/$n.lua" "$dir/example.lua"
        [ -n "$files_dir" ] && cp -R "$files_dir/." "$dir/"
        cp -R "$work/files/." "$dir/"
        script=$dir/example.lua

        expect_error=$(directive "$script" expect-error)
        expect_warning=$(directive "$script" expect-warning)
        ext=$(directive "$script" output)
        params_line=$(directive "$script" params)
        checked_output=1
        if [ -z "$ext" ]; then
            kinds=$(grep -oE '\.(pdf|png|svg)[[:space:]]*\([[:space:]]*(nil|\))' "$script" |
                sed -E 's/^\.(pdf|png|svg).*/\1/' | sort -u)
            case $(printf '%s\n' "$kinds" | grep -c .) in
                0) ext=pdf; checked_output=0 ;;
                1) ext=$kinds ;;
                *)
                    fail "$doc" "$line" "$n" "nil paths of several types ($(tr '\n' ' ' <<<"$kinds")); add '-- output: EXT'"
                    continue
                    ;;
            esac
        fi
        case $ext in
            pdf | png | svg | pptx | xlsx) ;;
            *)
                fail "$doc" "$line" "$n" "bad '-- output: $ext' (pdf, png, svg, pptx or xlsx)"
                continue
                ;;
        esac
        run_with=$(directive "$script" "run with")
        example_command=$command
        case $run_with in
            "") ;;
            "sumi chart example.lua") example_command=chart ;;
            *)
                fail "$doc" "$line" "$n" "bad '-- run with: $run_with' (sumi chart example.lua)"
                continue
                ;;
        esac
        if [ $example_command = chart ]; then
            args=(chart example.lua --out reports)
        else
            args=(render example.lua)
        fi
        for p in $params_line; do
            args+=(-p "$p")
        done

        (cd "$dir" && timeout 120 "$sumi" "${args[@]}" >stdout.txt 2>stderr.txt)
        rc=$?
        out=$dir/reports/example.$ext
        if [ $example_command = chart ]; then
            # whatever it exported; none at all is a failure below
            out=$(find "$dir/reports" -type f 2>/dev/null | head -1)
            checked_output=1
            [ -n "$out" ] || out=$dir/reports/nothing-exported
        fi
        logs=("$dir/stderr.txt" "$dir/stdout.txt")

        if [ -n "$expect_error" ]; then
            if [ $rc -eq 0 ]; then
                fail "$doc" "$line" "$n" "exited 0, but an error containing '$expect_error' was expected" "${logs[@]}"
                continue
            elif [ $rc -ne 1 ]; then
                fail "$doc" "$line" "$n" "exited $rc (a failed report exits 1)" "${logs[@]}"
                continue
            elif ! grep -qF -- "$expect_error" "$dir/stderr.txt"; then
                fail "$doc" "$line" "$n" "the error does not contain '$expect_error'" "${logs[@]}"
                continue
            elif [ $checked_output -eq 1 ] && [ -e "$out" ]; then
                fail "$doc" "$line" "$n" "failed, yet published reports/example.$ext" "${logs[@]}"
                continue
            fi
        elif [ $rc -ne 0 ]; then
            fail "$doc" "$line" "$n" "exited $rc" "${logs[@]}"
            continue
        elif [ $checked_output -eq 1 ] && [ ! -s "$out" ]; then
            fail "$doc" "$line" "$n" "wrote no reports/example.$ext through its nil path" "${logs[@]}"
            continue
        fi
        if [ -n "$expect_warning" ]; then
            if ! grep -F -- "warning:" "$dir/stderr.txt" | grep -qF -- "$expect_warning"; then
                fail "$doc" "$line" "$n" "no warning containing '$expect_warning'" "${logs[@]}"
            fi
        elif grep -q "warning:" "$dir/stderr.txt"; then
            fail "$doc" "$line" "$n" "printed a warning (mark it with '-- expect-warning:' if meant)" "${logs[@]}"
        fi
    done <"$work/src/index"
done

if [ $total -eq 0 ] && [ $failed -eq 0 ]; then
    echo "no \`\`\`lua examples found in: ${docs[*]}"
    exit 1
fi
echo "$total examples, $failed failed"
[ $failed -eq 0 ]
