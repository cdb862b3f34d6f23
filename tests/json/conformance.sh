#!/bin/bash
# RFC 8259 conformance of sumi.data.read_json: each case is a file that must
# be read (y: no "JSON parse error"; a JSON value that is not an array of
# records may still be refused for that) or refused (n: "JSON parse error"
# with its file:line:column and the words given).
#
#   conformance.sh SUMI WORK_DIR
set -u
sumi=$(realpath "$1")
work=$2
rm -rf "$work" && mkdir -p "$work/data" && cd "$work" || exit 2
cat >read.lua <<'LUA'
local sumi = require "sumi"
local opts = sumi.params.dup and {duplicate_keys = sumi.params.dup} or nil
local ds = sumi.data.read_json(sumi.params.input, opts)
print(#ds)
LUA

failures=0 cases=0
# expect name json [words] [extra sumi arguments...]
expect() {
  local kind=$1 name=$2 json=$3 words=${4:-}
  shift 4 2>/dev/null || shift $#
  cases=$((cases + 1))
  printf '%b' "$json" >"data/$name.json"
  "$sumi" render read.lua -p input="data/$name.json" "$@" >out.txt 2>err.txt
  local status=$?
  if [ "$kind" = y ]; then
    if grep -q "JSON parse error" err.txt; then
      echo "not ok - y $name: refused: $(head -1 err.txt)"
      failures=$((failures + 1))
    fi
  else
    if [ $status -ne 1 ] || ! grep -qE "data/$name\.json:[0-9]+:[0-9]+: JSON parse error: " err.txt ||
      ! grep -qF -- "$words" err.txt; then
      echo "not ok - n $name: expected a JSON parse error with '$words'; got (exit $status): $(head -1 err.txt)"
      failures=$((failures + 1))
    fi
  fi
}

# numbers
expect y number_int '[{"v": 0}, {"v": -0}, {"v": 1509}, {"v": -42}]'
expect y number_frac '[{"v": 0.5}, {"v": -3.25}, {"v": 10.0}]'
expect y number_exp '[{"v": 1e3}, {"v": 1E3}, {"v": 2.5e-3}, {"v": -1E+2}, {"v": 0e0}]'
expect n number_leading_zero '[{"v": 01}]' "leading zero"
expect n number_minus_leading_zero '[{"v": -01}]' "leading zero"
expect n number_trailing_point '[{"v": 1.}]' "digit after its decimal point"
expect n number_point_exp '[{"v": 2.e3}]' "digit after its decimal point"
expect n number_leading_point '[{"v": .5}]' "digit before any point"
expect n number_minus_point '[{"v": -.5}]' "digit before any point"
expect n number_plus '[{"v": +1}]' "digit before any point"
expect n number_empty_exp '[{"v": 1e}]' "digit in its exponent"
expect n number_exp_sign_only '[{"v": 1e+}]' "digit in its exponent"
expect n number_hex '[{"v": 0x10}]' "a ',' or '}' must follow"
expect n number_nan '[{"v": NaN}]' "unexpected 'NaN'"
expect n number_infinity '[{"v": Infinity}]' "unexpected 'Infinity'"
expect n number_minus_infinity '[{"v": -Infinity}]' "unexpected '-I"
# strings and escapes
expect y string_escapes '[{"v": "\\" \\\\ \\/ \\b \\f \\n \\r \\t"}]'
expect y string_unicode_escape '[{"v": "\\u4e2d\\u56fd \\u00e9"}]'
expect y string_surrogate_pair '[{"v": "\\ud83d\\ude00"}]'
expect y string_utf8 '[{"v": "中国 인공지능 é"}]'
expect y string_escaped_nul_in_value '[{"v": "a\\u0000b"}]'
expect n string_single_quotes "[{'v': 1}]" "double quotes"
expect n string_single_quoted_value "[{\"v\": 'x'}]" "double quotes, not single"
expect n string_raw_tab '[{"v": "a\tb"}]' "control character (U+0009)"
expect n string_raw_newline '[{"v": "a\nb"}]' "control character (U+000A)"
expect n string_bad_escape '[{"v": "\\x41"}]' "unknown escape"
expect n string_short_unicode '[{"v": "\\u12"}]' "four hexadecimal digits"
expect n string_lone_high_surrogate '[{"v": "\\ud83d"}]' "first half of a surrogate pair"
expect n string_lone_low_surrogate '[{"v": "\\ude00"}]' "second half of a surrogate pair"
expect n string_unclosed '[{"v": "abc}]' "unexpected end of file"
# keys
expect n key_unquoted '[{v: 1}]' "double quotes"
expect n key_with_nul '[{"a\\u0000b": 1, "a": 2}]' "holds \\u0000"
expect n key_duplicate '[{"v": 1, "v": 2}]' 'the key "v" appears twice'
expect n key_duplicate_by_escape '[{"v": 1, "\\u0076": 2}]' 'the key "v" appears twice'
expect y key_duplicate_last '[{"v": 1, "v": 2}]' "" -p dup=last
expect y key_same_in_two_objects '[{"v": 1}, {"v": 2}]'
# structure
expect y structure_empty_array '[]'
expect y structure_nested '[{"a": {"b": [1, 2, {"c": null}]}}]' "" -p dup=error
expect n structure_trailing_comma_array '[{"v": 1},]' "a value is missing before ']'"
expect n structure_trailing_comma_object '[{"v": 1,}]' "double quotes"
expect n structure_missing_colon '[{"v" 1}]' "':' must follow"
expect n structure_missing_comma '[{"v": 1} {"v": 2}]' "a ',' or ']' must follow"
expect n structure_unclosed_array '[{"v": 1}' "unexpected end of file"
expect n structure_extra_close '[{"v": 1}]]' "text after the JSON value"
expect n structure_two_values '[] []' "text after the JSON value"
expect n structure_comment '[{"v": 1} /* no */]' "a ',' or ']' must follow"
expect n structure_literal_case '[{"v": True}]' "unexpected 'True'"
expect y structure_literals '[{"a": true, "b": false, "c": null}]'
# whitespace
expect y whitespace_all_four ' \t\r\n[ \t\r\n{ \t\r\n"v" \t\r\n: \t\r\n1 \t\r\n} \t\r\n] \t\r\n'
expect n whitespace_vertical_tab '[\v{"v": 1}]' "not JSON whitespace"
expect n whitespace_nbsp '[\xc2\xa0{"v": 1}]' "not JSON whitespace"
# encodings
expect y encoding_bom '\xef\xbb\xbf[{"v": 1}]'
expect n encoding_bom_twice '\xef\xbb\xbf\xef\xbb\xbf[{"v": 1}]' "not JSON whitespace"
# nesting
expect y nesting_64 "$(printf '%.0s[' $(seq 63))$(printf '%.0s]' $(seq 63))"
expect n nesting_65 "$(printf '%.0s[' $(seq 65))$(printf '%.0s]' $(seq 65))" "nesting is too deep"

# nested = "json": a nested value comes back as the file wrote it, or the
# read fails (an integer json-c would clamp to 64 bits)
cat >nested.lua <<'LUA'
local ds = require("sumi").data.read_json(require("sumi").params.input, {nested = "json"})
print(ds:row(1).t)
LUA
printf '[{"t": [12345678901234567890, 1.50, 2e3, -0.0, 1E+2, {"k": 0.1}]}]' >data/nested.json
cases=$((cases + 1))
out=$("$sumi" render nested.lua -p input=data/nested.json 2>&1)
[ "$out" = '[12345678901234567890,1.50,2e3,-0.0,1E+2,{"k":0.1}]' ] ||
  { echo "not ok - nested numbers not kept as written: $out"; failures=$((failures + 1)); }
printf '[{"t": [123456789012345678901234]}]' >data/nested_big.json
cases=$((cases + 1))
out=$("$sumi" render nested.lua -p input=data/nested_big.json 2>&1)
case $out in
*"integer beyond 64 bits"*) ;;
*) echo "not ok - an integer beyond 64 bits in a nested value: $out"; failures=$((failures + 1)) ;;
esac

echo "$cases cases, $failures failed"
[ "$failures" -eq 0 ]
