#!/bin/bash
# Every PDF the suite wrote must pass `qpdf --check` without a warning and
# render with mutool without a warning: the flagship, the slides, the
# batch outputs, the docs examples and the tests' own.
#
#   check_all.sh DIR        every *.pdf below DIR
#   check_all.sh --self-test SCRATCH
#                           a damaged PDF (cross-reference entries for an
#                           object never written, as cairo 1.16 writes
#                           with links) must be refused
set -u

check() { # pdf -> 0 when both tools accept it, else prints why and 1
  local pdf=$1 out
  out=$(qpdf --check "$pdf" 2>&1)
  # qpdf exits 3 on warnings, 2 on errors; its all-clear line is required too
  if [ $? -ne 0 ] || printf '%s\n' "$out" | grep -qiE 'warning|damaged' ||
    ! printf '%s\n' "$out" | grep -q '^No syntax or stream encoding errors found'; then
    printf 'qpdf --check %s:\n%s\n' "$pdf" "$(printf '%s\n' "$out" | head -5)"
    return 1
  fi
  # (Debian's mupdf is built without colour management and says so on every
  # run: that line is about mutool, not the file.)
  out=$(mutool draw -q -r 10 -o /dev/null -F pnm "$pdf" 2>&1)
  local status=$?
  out=$(printf '%s\n' "$out" | grep -v '^warning: ICC support is not available$')
  if [ $status -ne 0 ] || [ -n "$out" ]; then
    printf 'mutool draw %s:\n%s\n' "$pdf" "$(printf '%s\n' "$out" | head -5)"
    return 1
  fi
  return 0
}

if [ "${1:-}" = --self-test ]; then
  dir=$2
  mkdir -p "$dir"
  # a page whose xref lists object 5, which the file never writes
  {
    printf '%%PDF-1.5\n'
    printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
    printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
    printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>\nendobj\n'
  } >"$dir/damaged.pdf"
  size=$(wc -c <"$dir/damaged.pdf")
  {
    printf 'xref\n0 6\n0000000000 65535 f \n'
    for o in 1 2 3; do
      off=$(grep -abo "^$o 0 obj" "$dir/damaged.pdf" | cut -d: -f1)
      printf '%010d 00000 n \n' "$off"
    done
    printf '%010d 00000 n \n' "$size" "$size"
    printf 'trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' "$size"
  } >>"$dir/damaged.pdf"
  if check "$dir/damaged.pdf" >/dev/null; then
    echo "check_all.sh: a damaged PDF passed the check" >&2
    exit 1
  fi
  echo "the damaged PDF is refused"
  exit 0
fi

dir=${1:?usage: check_all.sh DIR | --self-test SCRATCH}
n=0 bad=0
while IFS= read -r -d '' pdf; do
  n=$((n + 1))
  check "$pdf" || bad=$((bad + 1))
done < <(find "$dir" -name '*.pdf' -type f -print0 | sort -z)
echo "$n PDFs checked, $bad refused"
[ "$n" -gt 0 ] || { echo "check_all.sh: no PDF under $dir" >&2; exit 1; }
[ "$bad" -eq 0 ]
