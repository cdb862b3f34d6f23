#!/bin/bash
# End-to-end tests of the `sumi` command as a user runs it.
#   cli_test.sh SUMI SOURCE_DIR WORK_DIR CASE
# Each case is a function below; it fails through `fail MESSAGE`.
source "$(dirname "$0")/../lib/case.sh"

write_script() { # path, then the script on stdin
  mkdir -p "$(dirname "$1")"
  cat >"$1"
}

flagship() { # renders the flagship into WORK/reports with a fixed date
  flagship_project
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render scripts/china_ai_briefing.lua "$@"
}

slides() { # renders the slide deck into WORK/reports with a fixed date
  flagship_project
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" "${1:-render}" scripts/china_ai_slides.lua "${@:2}"
}

# ---------------------------------------------------------------- sumi check

# sumi check finds a script's mistakes, statically (luacheck: undefined
# globals, fields the standard library lacks) and by running it with its
# outputs discarded; it writes nothing, not even a folder.
case_check_finds_mistakes_and_writes_nothing() {
  write_script good.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.from_rows{{name = "中国", n = 71}, {name = "米国", n = 131}}
sumi.chart.bar(ds, {x = "name", y = "n", title = "AIユニコーン企業"}):save("reports/chart.png")
local doc = sumi.document.new{title = "確認"}
doc:paragraph("本文")
doc:save()
LUA
  # A TMPDIR of its own: another sumi check running on the machine at the
  # same time has its scratch files in the shared one.
  mkdir -p scratch
  run env TMPDIR="$PWD/scratch" "$SUMI" check good.lua
  expect_code 0
  expect_contains "$OUT" "good.lua: no problems found" "stdout"
  [ ! -e reports ] || fail "sumi check wrote $(find reports)"
  [ -z "$(ls scratch)" ] || fail "a scratch file was left in TMPDIR: $(ls scratch)"
  # An earlier output stays as it was.
  run "$SUMI" render good.lua
  expect_code 0
  before=$(md5sum reports/good.pdf reports/chart.png)
  run "$SUMI" check good.lua
  [ "$(md5sum reports/good.pdf reports/chart.png)" = "$before" ] || fail "check touched an output"
  write_script bad.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.from_rows{{name = "中国", n = 71}}
local title = string.formt("%d社", 71)
local c = sumi.chart.barr(ds, {x = "name", y = "n", title = title})
pirnt(c)
LUA
  run "$SUMI" check bad.lua
  expect_code 1
  expect_contains "$ERR" "bad.lua:3:15: accessing undefined field 'formt' of global 'string'" "stderr"
  expect_contains "$ERR" "bad.lua:5:1: accessing undefined variable 'pirnt'" "stderr"
  expect_contains "$ERR" "bad.lua:3: attempt to call a nil value (field 'formt')" "stderr"
  write_script member.lua <<'LUA'
local sumi = require "sumi"
local ds = sumi.data.from_rows{{name = "中国", n = 71}}
local c = sumi.chart.barr(ds, {x = "name", y = "n"})
LUA
  run "$SUMI" check member.lua
  expect_code 1
  expect_contains "$ERR" "member.lua:3: sumi.chart has no 'barr'; did you mean 'bar'?" "stderr"
  # Read without running: a line the run never reaches, through every way a
  # script names a module; strings and comments are not code.
  write_script unreached.lua <<'LUA'
local sumi = require "sumi"
local chart = require("sumi.chart")
local fmt = sumi.format
if sumi.params.never == "yes" then
  chart.barr({}, {})
  print(fmt.numbr(3), sumi.formt.number(2), sumi.data.read_csvv("x"))
  print("sumi.chart.nope") -- sumi.chart.nope2
end
print(fmt.number(3), sumi.chart.bar ~= nil)
LUA
  run "$SUMI" check unreached.lua
  expect_code 1
  expect_contains "$ERR" "unreached.lua:5:9: sumi.chart has no 'barr'; did you mean 'bar'?" "stderr"
  expect_contains "$ERR" "unreached.lua:6:13: sumi.format has no 'numbr'; did you mean 'number'?" "stderr"
  expect_contains "$ERR" "unreached.lua:6:28: sumi has no 'formt'; did you mean 'format'?" "stderr"
  expect_contains "$ERR" "unreached.lua:6:55: sumi.data has no 'read_csvv'; did you mean 'read_csv'?" "stderr"
  [ "$(grep -c "has no" <<< "$ERR")" = 4 ] || fail "strings or comments read as code: $ERR"
  printf 'local x =\n' > syntax.lua
  run "$SUMI" check syntax.lua
  expect_code 1
  expect_contains "$ERR" "syntax.lua:2: unexpected symbol near <eof>" "stderr"
  run "$SUMI" check missing.lua
  expect_code 2
  # A manifest: each job's script with its parameters.
  write_script region.lua <<'LUA'
local sumi = require "sumi"
local sizes = {east = 3, west = 5}
local c = sumi.canvas.pdf(nil, {title = sumi.params.region})
c:text(("%d"):format(sizes[sumi.params.region]), 40, 40)
c:close()
LUA
  write_script regions.manifest.lua <<'LUA'
return {defaults = {script = "region.lua", output = "reports/{name}.pdf"},
  jobs = {{name = "east", params = {region = "east"}}, {name = "north", params = {region = "north"}}}}
LUA
  run "$SUMI" check regions.manifest.lua
  expect_code 1
  expect_contains "$ERR" "region.lua:4: bad argument #1 to 'format' (number expected, got nil)" "stderr"
  expect_contains "$ERR" "sumi check: job 'north'" "stderr"
  expect_contains "$ERR" "sumi check: 1 of 2 jobs have problems" "stderr"
  if ls reports/east.pdf reports/north.pdf 2>/dev/null; then fail "checking the manifest wrote its outputs"; fi
}

# The flagship and the slides pass; checking takes about what rendering does.
case_check_passes_the_flagship() {
  flagship_project
  run "$SUMI" check scripts/china_ai_briefing.lua -p date=2025-08-01
  expect_code 0
  expect_contains "$OUT" "no problems found" "stdout"
  [ -z "$(ls reports)" ] || fail "sumi check wrote $(ls reports)"
  run "$SUMI" check scripts/china_ai_slides.lua
  expect_code 0
}

# sumi new makes a starter folder that renders as it is, passes sumi
# check, and runs as a batch; it never writes over a folder in use.
case_new_makes_a_starter_that_renders_and_checks() {
  run "$SUMI" new monthly
  expect_code 0
  expect_contains "$OUT" "sumi render report.lua" "stdout"
  for f in report.lua data/sales.csv sales.manifest.lua .luarc.json README.md; do
    [ -s "monthly/$f" ] || fail "sumi new made no monthly/$f"
  done
  jq -e '.["runtime.version"] == "Lua 5.4"' monthly/.luarc.json >/dev/null || fail ".luarc.json"
  # The editor settings point at sumi's annotations (from the build folder,
  # the sources' engine/types).
  local types
  types=$(jq -r '.["workspace.library"][0]' monthly/.luarc.json)
  [ -s "$types/sumi.lua" ] && [ -s "$types/chart.lua" ] ||
    fail ".luarc.json names no annotations: $(cat monthly/.luarc.json)"
  cd monthly || fail "no folder"
  run "$SUMI" check report.lua
  expect_code 0
  run "$SUMI" render report.lua
  expect_code 0
  pdftotext reports/report.pdf - | tr -d '\n' > text.txt
  grep -q '月次売上レポート（全国）' text.txt || fail "no title in the starter's PDF"
  # the fiscal year so far (2026年度, April to September), in mixed units,
  # against the same months a year earlier; a fall as △ in the table
  grep -q '2026年度（2026年4月〜2026年9月）の売上合計は1億3,103万円で、前年同期比+5.5%' text.txt ||
    fail "the fiscal year's total: $(head -c 300 text.txt)"
  run "$SUMI" check sales.manifest.lua
  expect_code 0
  expect_contains "$OUT" "sales.manifest.lua: 3 jobs, no problems found" "stdout"
  run "$SUMI" batch sales.manifest.lua -j 2
  expect_code 0
  for r in all kanto kansai; do [ -s "reports/sales-$r.pdf" ] || fail "no reports/sales-$r.pdf"; done
  pdftotext reports/sales-kansai.pdf - | tr -d '\n' > kansai.txt
  grep -q '売上合計は5,510万円' kansai.txt || fail "the Kansai total: $(head -c 300 kansai.txt)"
  grep -q '△2.7%' kansai.txt || fail "Kansai's fall in August is not △2.7%"
  cd .. || fail "no parent"
  run "$SUMI" new monthly
  expect_code 1
  expect_contains "$ERR" "'monthly' already exists and is not empty" "stderr"
  run "$SUMI" new
  expect_code 2
}

# A failed run leaves no folder it made: the outputs' folders go with
# them when they are left empty; folders that were there stay.
case_failed_run_leaves_no_new_folder() {
  write_script fails.lua <<'LUA'
local sumi = require "sumi"
local a = sumi.canvas.pdf("reports/new/deep/a.pdf")
local b = sumi.canvas.png("reports/new/deep/b.png", {width = 10, height = 10})
local c = sumi.canvas.pdf("reports/kept/c.pdf")
a:close() b:close() c:close()
error("failed after drawing")
LUA
  mkdir -p reports/kept
  run "$SUMI" render fails.lua
  expect_code 1
  [ ! -e reports/new ] || fail "the failed run left $(find reports/new)"
  [ -d reports/kept ] && [ -z "$(ls -A reports/kept)" ] || fail "a folder that was there went, or holds $(ls -A reports/kept)"
  rmdir reports/kept reports
  run "$SUMI" render fails.lua
  [ ! -e reports ] || fail "the failed run left $(find reports)"
}

# What a document draws at save time is blamed on the line that added it:
# an image that cannot be read, a header's logo, a header function.
case_document_save_errors_name_the_line_that_added() {
  write_script figure.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "図"}
doc:paragraph("本文")
doc:figure("missing.png", {alt = "図"})
doc:save()
LUA
  run "$SUMI" render figure.lua -o out/figure.pdf
  expect_code 1
  expect_contains "$ERR" "figure.lua:4: cannot open image 'missing.png'" "stderr"
  write_script logo.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "ロゴ",
  logo = "missing-logo.png"}
doc:paragraph("本文")
doc:save()
LUA
  run "$SUMI" render logo.lua -o out/logo.pdf
  expect_code 1
  case "$ERR" in "logo.lua:2: cannot open image 'missing-logo.png'"*) ;;
    *) fail "the logo's error is not at document.new's line: $ERR" ;; esac
  [ ! -e out ] || fail "a failed run left $(find out)"
}

# A document built and never saved is a warning at its line; one saved or
# discarded is not.
case_document_never_saved_warns_at_its_line() {
  write_script forgot.lua <<'LUA'
local sumi = require "sumi"
local kept = sumi.document.new{title = "保存"}
kept:paragraph("本文")
local forgotten = sumi.document.new{title = "忘れた"}
forgotten:paragraph("本文")
local dropped = sumi.document.new{title = "破棄"}
dropped:paragraph("本文")
dropped:discard()
kept:save()
LUA
  run "$SUMI" render forgot.lua
  expect_code 0
  expect_contains "$ERR" "warning: forgot.lua:4: document.new made here is never saved: it writes nothing" "stderr"
  [ "$(grep -c 'never saved' stderr.txt)" -eq 1 ] || fail "more than one warning: $ERR"
}

# ---------------------------------------------------------------- usage

case_help_lists_commands_and_exits_0() {
  run "$SUMI" --help
  expect_code 0
  expect_contains "$OUT" "render SCRIPT" "--help output"
  expect_contains "$OUT" "fonts" "--help output"
  run "$SUMI" render --help
  expect_code 0
  expect_contains "$OUT" "-p, --param KEY=VALUE" "render --help output"
  run "$SUMI" fonts --help
  expect_code 0
}

case_version_prints_name_and_number() {
  run "$SUMI" --version
  expect_code 0
  [[ "$OUT" =~ ^sumi\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "version output '$OUT'"
}

case_usage_errors_exit_2_with_usage_line() {
  run "$SUMI"
  expect_code 2
  expect_contains "$ERR" "usage: sumi" "stderr"
  run "$SUMI" frobnicate
  expect_code 2
  expect_contains "$ERR" "unknown command 'frobnicate'" "stderr"
  run "$SUMI" render
  expect_code 2
  expect_contains "$ERR" "no script given" "stderr"
  run "$SUMI" render x.lua --bogus
  expect_code 2
  expect_contains "$ERR" "unknown option '--bogus'" "stderr"
  run "$SUMI" render x.lua -p novalue
  expect_code 2
  expect_contains "$ERR" "bad parameter 'novalue'" "stderr"
  run "$SUMI" render missing.lua
  expect_code 2
  expect_contains "$ERR" "cannot open script 'missing.lua'" "stderr"
}

# ---------------------------------------------------------------- fonts

case_fonts_resolve_with_cjk_coverage() {
  run "$SUMI" fonts
  expect_code 0
  expect_contains "$OUT" "Noto Sans CJK JP" "sumi fonts"
  expect_contains "$OUT" "Noto Serif CJK JP" "sumi fonts"
  expect_contains "$OUT" "DejaVu Sans Mono" "sumi fonts"
  for row in 'ja +sans +Noto Sans CJK JP +yes' 'zh-Hans +sans +Noto Sans CJK SC +yes' \
    'zh-Hant +serif +Noto Serif CJK TC +yes' 'zh-HK +sans +Noto Sans CJK HK +yes' \
    'ko +sans +Noto Sans CJK KR +yes' 'ko +mono +DejaVu Sans Mono +yes' 'en +sans +Noto Sans CJK JP +yes'; do
    grep -E "^$row" stdout.txt >/dev/null || fail "sumi fonts lacks the row '$row': $OUT"
  done
}

case_fonts_ignore_user_fontconfig() {
  # A user configuration that would turn every family into DejaVu Serif must
  # not reach the engine.
  mkdir -p home/.config/fontconfig
  cat >home/.config/fontconfig/fonts.conf <<'XML'
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><match target="pattern"><edit name="family" mode="prepend" binding="strong"><string>DejaVu Serif</string></edit></match></fontconfig>
XML
  run env HOME="$PWD/home" XDG_CONFIG_HOME="$PWD/home/.config" "$SUMI" fonts
  expect_code 0
  grep -E '^ja +sans +Noto Sans CJK JP' stdout.txt >/dev/null || fail "user fonts.conf changed sans: $OUT"
}

# ---------------------------------------------------------------- flagship

case_flagship_renders_a4_pdf() {
  flagship
  expect_code 0
  [ -s reports/china_ai_briefing.pdf ] || fail "no reports/china_ai_briefing.pdf"
  pdfinfo reports/china_ai_briefing.pdf >info.txt || fail "pdfinfo cannot read the PDF"
  grep -E '^Page size: +595\.2[0-9]* x 841\.8[0-9]* pts \(A4\)' info.txt >/dev/null ||
    fail "not an A4 page: $(cat info.txt)"
  grep -E '^Pages: +[4-8]$' info.txt >/dev/null || fail "not 4 to 8 pages: $(cat info.txt)"
  grep -E '^Title: +中国AI産業ブリーフィング' info.txt >/dev/null || fail "title missing"
  grep -E '^Creator: +sumi ' info.txt >/dev/null || fail "creator missing"
}

# Every page of the flagship, rasterised by poppler at 30 dpi, against
# tests/cli/reference/flagship-page-N.png (imgdiff's default tolerance;
# whole text-heavy pages, so about 30 KiB each: larger than the 20 KiB of a
# visual case). After an intended change, make them again and look at them:
#   SOURCE_DATE_EPOCH=1753747200 build/sumi render scripts/china_ai_briefing.lua -o reports/f.pdf
#   pdftoppm -png -r 30 reports/f.pdf tests/cli/reference/flagship-page
case_flagship_pages_match_reference_images() {
  flagship
  expect_code 0
  imgdiff=$(dirname "$SUMI")/tests/visual/imgdiff
  [ -x "$imgdiff" ] || fail "no imgdiff beside sumi ($imgdiff)"
  pdftoppm -png -r 30 reports/china_ai_briefing.pdf page || fail "pdftoppm failed"
  refs=$(find "$SRC/tests/cli/reference" -name 'flagship-page-*.png' | wc -l)
  made=$(find . -maxdepth 1 -name 'page-*.png' | wc -l)
  [ "$refs" -eq "$made" ] || fail "$made pages rendered, $refs reference images"
  for ref in "$SRC"/tests/cli/reference/flagship-page-*.png; do
    n=${ref##*flagship-page-}
    "$imgdiff" "$ref" "page-$n" --diff "diff-$n" >diff.txt 2>&1 ||
      fail "page ${n%.png} differs from its reference: $(cat diff.txt)"
  done
}

case_flagship_previews_write_png_pages() {
  flagship
  expect_code 0
  [ -z "$(find reports -name '*.png')" ] || fail "PNG pages without --previews: $(ls reports)"
  flagship --previews
  expect_code 0
  pages=$(pdfinfo reports/china_ai_briefing.pdf | awk '/^Pages:/ { print $2 }')
  for n in $(seq 1 "$pages"); do
    png=reports/china_ai_briefing-$n.png
    [ -s "$png" ] || fail "$png missing; reports: $(ls reports)"
    # A4 at 96 dpi: 794 x 1123 pixels (the PNG header's width and height)
    size=$(od -An -tu1 -j16 -N8 "$png" | awk '{ print $3 * 256 + $4 "x" $7 * 256 + $8 }')
    [ "$size" = "794x1123" ] || fail "$png is $size, not 794x1123"
  done
  [ ! -e "reports/china_ai_briefing-$((pages + 1)).png" ] || fail "more PNG pages than PDF pages"
}

case_flagship_chinese_edition_has_the_same_figures() {
  # -p lang=zh-Hans: the same briefing in Simplified Chinese, its text
  # recoverable, its faces the SC ones, and every figure the Japanese
  # edition prints printed too.
  flagship -o reports/ja.pdf
  expect_code 0
  flagship -p lang=zh-Hans -o reports/zh.pdf
  expect_code 0
  pdftotext reports/zh.pdf - | tr -d ' \n' >zh.txt
  for phrase in 中国人工智能产业现状 执行摘要 大模型格局 产业生态 对投资者与工程师的启示 数据与来源 \
    "中国已发布的大模型有1,509个，占全球3,755个的40.2%。" "有71家，占全球271家的26.2%" \
    "超过5,100家" "超过7,000亿元" 来源：2025世界人工智能大会 深度求索 阶跃星辰 余晓晖 第1页/共5页; do
    expect_contains "$(cat zh.txt)" "$phrase" "the Chinese edition"
  done
  pdffonts reports/zh.pdf >fonts.txt
  grep -q NotoSansCJKsc fonts.txt || fail "the Chinese edition lacks the SC face: $(cat fonts.txt)"
  ! grep -q NotoSansCJKjp fonts.txt || fail "the Chinese edition embeds the JP face: $(cat fonts.txt)"
  # The figures: every number of the Japanese edition is in the Chinese one.
  pdftotext reports/ja.pdf - | grep -oE '[0-9][0-9,]*(\.[0-9]+)?%?' | sort -u >ja-numbers.txt
  grep -oE '[0-9][0-9,]*(\.[0-9]+)?%?' zh.txt | sort -u >zh-numbers.txt
  missing=$(comm -23 ja-numbers.txt zh-numbers.txt | tr '\n' ' ')
  [ -z "$missing" ] || fail "figures of the Japanese edition missing from the Chinese one: $missing"
  [ "$(wc -l <ja-numbers.txt)" -gt 30 ] || fail "too few figures read from the Japanese edition"
  flagship -p lang=fr -o reports/fr.pdf
  expect_code 1
  expect_contains "$ERR" "parameter lang must be ja or zh-Hans, got 'fr'" "stderr"
}

case_flagship_text_has_computed_figures() {
  flagship
  expect_code 0
  pdftotext -layout reports/china_ai_briefing.pdf page.txt || fail "pdftotext failed"
  text=$(tr -d ' \n' <page.txt)
  expect_contains "$text" "中国AI産業の現在地" "page text"
  expect_contains "$text" "2025年7月29日" "page text (date from SOURCE_DATE_EPOCH)"
  expect_contains "$text" "大規模AIモデルは1,509個で、世界全体3,755個の40.2%を占める。" "page text"
  expect_contains "$text" "71社で、世界全体271社の26.2%にあたる。" "page text"
  expect_contains "$text" "モデル2,246個、ユニコーン200社" "page text"
  expect_contains "$text" "世界に占める中国のシェア" "page text"
  expect_contains "$text" "出典:" "page text"
  # The cover's tiles: each figure with its comparison, as the data give it.
  pdftotext -f 1 -l 1 -layout reports/china_ai_briefing.pdf cover.txt || fail "pdftotext failed"
  cover=$(tr -d ' \n' <cover.txt)
  for figure in "1,509個" "世界3,755個の40.2%" "71社" "世界271社の26.2%" "5,100社超" "世界の約15%" \
    "約60%" "7,000億元超" "年20%超の成長" "300社超" "産業収入の約70%"; do
    expect_contains "$cover" "$figure" "cover text"
  done
  # The charts' own labels and the players' table.
  expect_contains "$text" "中国1,509個（40.2%）" "donut label"
  expect_contains "$text" "中国以外の世界2,246個（59.8%）" "donut label"
  expect_contains "$text" "71社/271社（26.2%）" "waffle caption"
  for name in DeepSeek-R1 DeepSeek-V3 Qwen Hunyuan ERNIE SenseNova "Wudao2.0" MoonshotAI Zhipu \
    MiniMax StepFun; do
    expect_contains "$text" "$name" "players"
  done
}

case_flagship_has_every_section_on_4_to_8_pages() {
  flagship
  expect_code 0
  pages=$(pdfinfo reports/china_ai_briefing.pdf | awk '/^Pages:/ {print $2}')
  [ -n "$pages" ] && [ "$pages" -ge 4 ] && [ "$pages" -le 8 ] || fail "expected 4 to 8 pages, got '$pages'"
  pdftotext -layout reports/china_ai_briefing.pdf page.txt || fail "pdftotext failed"
  text=$(tr -d ' \n' <page.txt)
  for heading in 目次 1エグゼクティブサマリー 2モデルの勢力図 2.1主要プレイヤーと代表モデル \
    3エコシステム 3.1ユニコーンが集まる5分野 4投資家とエンジニアへの示唆 5データと出典 出典一覧; do
    expect_contains "$text" "$heading" "section headings"
  done
  for caption in 図1 図2 図3 図4; do expect_contains "$text" "$caption" "figure captions"; done
  # The sources list is gathered from the data's sources, not typed.
  expect_contains "$text" "中国信息通信研究院（CAICT）（CGTN報道、2025年7月）" "sources"
  expect_contains "$text" "業界分析（2025年10月）" "sources"
  # The last page is the sources list, and no page is left nearly empty.
  pdftotext -f "$pages" -l "$pages" reports/china_ai_briefing.pdf last.txt
  grep -q "出典一覧" last.txt || fail "the sources list is not on the last page"
  for ((p = 1; p <= pages; p++)); do
    chars=$(pdftotext -f $p -l $p reports/china_ai_briefing.pdf - | tr -d ' \n' | wc -m)
    [ "$chars" -ge 400 ] || fail "page $p holds only $chars characters"
  done
}

case_flagship_embeds_cjk_font_subsets() {
  flagship
  expect_code 0
  pdffonts reports/china_ai_briefing.pdf >fonts.txt || fail "pdffonts failed"
  grep -E 'NotoSansCJKjp-Regular +CID Type 0C +Identity-H +yes +yes +yes' fonts.txt >/dev/null ||
    fail "Noto Sans CJK JP not embedded as a subset: $(cat fonts.txt)"
  grep -E 'NotoSerifCJKjp-Bold' fonts.txt >/dev/null || fail "serif title font missing"
  if awk 'NR > 2 && $(NF-4) != "yes"' fonts.txt | grep . >/dev/null; then
    fail "a font is not embedded: $(cat fonts.txt)"
  fi
}

# The flagship embeds HarfBuzz subsets of its faces (docs/API.md, "Saving").
# With cairo's own subsets of the whole Noto CJK faces it was 1103 KB; the
# bound is the size of the same briefing made with ReportLab and matplotlib
# (bench/RESULTS.md, 323 KB), the target of issue 5 §8.
case_flagship_pdf_is_smaller_than_reportlab_peer() {
  mkdir -p tmp
  TMPDIR=$PWD/tmp flagship
  expect_code 0
  size=$(stat -c %s reports/china_ai_briefing.pdf)
  [ "$size" -le 330752 ] || fail "the briefing is $size bytes, more than 323 KB"
  pdffonts reports/china_ai_briefing.pdf >fonts.txt || fail "pdffonts failed"
  # Every font embedded and a subset (emb, sub, uni all "yes"), none Type 3.
  fonts=$(awk 'NR > 2' fonts.txt | wc -l)
  [ "$fonts" -ge 3 ] || fail "fewer fonts than Sans, Sans Bold and Serif Bold: $(cat fonts.txt)"
  if awk 'NR > 2 && !($(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes")' fonts.txt |
    grep . >/dev/null; then
    fail "a font is not an embedded subset with a Unicode map: $(cat fonts.txt)"
  fi
  grep -q "Type 3" fonts.txt && fail "a Type 3 font (cairo's fallback): $(cat fonts.txt)"
  pdftotext reports/china_ai_briefing.pdf text.txt || fail "pdftotext failed"
  expect_contains "$(tr -d ' \n' <text.txt)" "中国AI産業の現在地" "pdftotext output"
  leftovers=$(ls tmp)
  [ -z "$leftovers" ] || fail "subset fonts left in TMPDIR: $leftovers"
}

# A character only the fallback face has (U+203D, in DejaVu Sans, not in
# Noto Sans CJK) gets a subset of that face too: no tofu, no warning.
case_document_rare_character_keeps_its_fallback_font() {
  write_script rare.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "記号"}
doc:heading("珍しい記号", 1)
doc:paragraph("疑問と感嘆を兼ねる記号 ‽ は DejaVu にしかない。")
doc:save()
LUA
  run "$SUMI" render rare.lua -o out/rare.pdf
  expect_code 0
  [ -z "$ERR" ] || fail "stderr not empty: $ERR"
  pdffonts out/rare.pdf >fonts.txt || fail "pdffonts failed"
  grep -E '^[A-Z]{6}\+DejaVuSans +CID TrueType +Identity-H +yes +yes +yes' fonts.txt >/dev/null ||
    fail "DejaVu Sans not embedded as a subset: $(cat fonts.txt)"
  pdftotext out/rare.pdf text.txt || fail "pdftotext failed"
  expect_contains "$(cat text.txt)" "記号 ‽ は" "pdftotext output"
}

# The recording pass of doc:save draws every text too, but only the PDF's
# drawing warns about a character no font has: one warning, not two.
case_document_uncovered_character_warns_once() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "私用領域"}
doc:paragraph("私用領域 \u{E000} の文字")
doc:save()
LUA
  run "$SUMI" render report.lua -o out/report.pdf
  expect_code 0
  expect_contains "$ERR" "report.lua:3: no configured font has U+E000" "stderr"
  count=$(grep -c "no configured font has U+E000" stderr.txt)
  [ "$count" -eq 1 ] || fail "$count warnings for one character: $ERR"
}

# The subset faces are private temporary files, removed when the PDF is
# finished, when the run fails after they were made, and when the run is
# killed for time inside a long call (the parent removes them).
case_font_subsets_leave_no_temporary_files() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local mode, drawn = sumi.params.mode, 0
-- The footer is drawn twice per page: on the recording trace, then on the
-- PDF, after the subsets exist.
local doc = sumi.document.new{title = "部分集合", footer = function(c, info)
  drawn = drawn + 1
  c:text(("%d / %d"):format(info.page, info.pages), info.x, info.y)
  if drawn == 2 and mode == "error" then error("the footer failed on the PDF") end
  if drawn == 2 and mode == "longcall" then
    print(string.find(string.rep("a", 3e5), ".-.-.-.-.-b"))
  end
end}
doc:paragraph("部分集合のフォント")
doc:save()
LUA
  mkdir -p tmp
  run env TMPDIR="$PWD/tmp" "$SUMI" render report.lua -o out/report.pdf
  expect_code 0
  [ -z "$(ls tmp)" ] || fail "left after a run: $(ls tmp)"
  run env TMPDIR="$PWD/tmp" "$SUMI" render report.lua -o out/report.pdf -p mode=error
  expect_code 1
  expect_contains "$ERR" "the footer failed on the PDF" "stderr"
  [ -z "$(ls tmp)" ] || fail "left after a failed run: $(ls tmp)"
  run env TMPDIR="$PWD/tmp" "$SUMI" render report.lua -o out/report.pdf -p mode=longcall \
    --timeout 2
  expect_code 1
  expect_contains "$ERR" "stopped inside a long call" "stderr"
  [ -z "$(ls tmp)" ] || fail "left after a killed run: $(ls tmp)"
}

# Without a temporary folder to write the subsets in, the PDF embeds the
# whole fonts, with a warning: the report is still right, only larger.
case_font_subsets_fall_back_to_whole_fonts_without_tmpdir() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "一時フォルダ"}
doc:paragraph("一時フォルダがない")
doc:save()
LUA
  run env TMPDIR="$PWD/missing" "$SUMI" render report.lua -o out/report.pdf
  expect_code 0
  expect_contains "$ERR" "warning: report.lua:4: cannot subset the fonts: cannot create a temporary file in TMPDIR; the PDF embeds the whole fonts" "stderr"
  pdftotext out/report.pdf text.txt || fail "pdftotext failed"
  expect_contains "$(cat text.txt)" "一時フォルダがない" "pdftotext output"
  pdffonts out/report.pdf >fonts.txt || fail "pdffonts failed"
  grep -E 'NotoSansCJKjp-Regular +CID Type 0C +Identity-H +yes +yes +yes' fonts.txt >/dev/null ||
    fail "Noto Sans CJK JP not embedded as a subset: $(cat fonts.txt)"
}

# chart:save to a PDF embeds subsets too: cairo's own subsets of the two
# Noto CJK faces made this chart 112 KB; with HarfBuzz's it is under 10 KB.
case_chart_pdf_embeds_small_font_subsets() {
  write_script chart.lua <<'LUA'
local chart = require "sumi.chart"
chart.bar({{k = "中国", v = 1509}, {k = "その他の世界", v = 2246}},
  {x = "k", y = "v", title = "大規模AIモデル"}):save()
LUA
  run "$SUMI" render chart.lua -o out/chart.pdf
  expect_code 0
  size=$(stat -c %s out/chart.pdf)
  [ "$size" -le 20000 ] || fail "the chart is $size bytes, more than 20 KB"
  pdffonts out/chart.pdf >fonts.txt || fail "pdffonts failed"
  grep -E 'NotoSansCJKjp-Regular +CID Type 0C +Identity-H +yes +yes +yes' fonts.txt >/dev/null ||
    fail "Noto Sans CJK JP not embedded as a subset: $(cat fonts.txt)"
  pdftotext out/chart.pdf text.txt || fail "pdftotext failed"
  for label in 大規模AIモデル 中国 その他の世界 2,000; do
    expect_contains "$(cat text.txt)" "$label" "pdftotext output"
  done
}

case_flagship_date_parameter_reaches_script() {
  flagship -p date=2025-08-01
  expect_code 0
  pdftotext reports/china_ai_briefing.pdf page.txt
  grep -q "2025年8月1日" page.txt || fail "date parameter not in page"
  flagship -p date=yesterday
  expect_code 1
  expect_contains "$ERR" "china_ai_briefing.lua:" "stderr"
  expect_contains "$ERR" "parameter date must be YYYY-MM-DD, got 'yesterday'" "stderr"
}

case_flagship_without_database_says_how_to_build_it() {
  flagship
  expect_code 0
  cp reports/china_ai_briefing.pdf good.pdf
  rm data/waic2025.db
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render scripts/china_ai_briefing.lua
  expect_code 1
  expect_contains "$ERR" "scripts/china_ai_briefing.lua:" "stderr"
  expect_contains "$ERR" "sqlite3 data/waic2025.db < data/waic2025.sql" "stderr"
  cmp -s good.pdf reports/china_ai_briefing.pdf || fail "the earlier briefing was replaced"
}

case_flagship_same_bytes_on_rerun() {
  flagship
  expect_code 0
  cp reports/china_ai_briefing.pdf first.pdf
  flagship
  expect_code 0
  cmp -s first.pdf reports/china_ai_briefing.pdf || fail "two runs with SOURCE_DATE_EPOCH differ"
}

case_flagship_numbers_ignore_locale() {
  if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    fail "locale de_DE.UTF-8 is not installed (bootstrap.sh test generates it)"
  fi
  flagship
  expect_code 0
  pdftotext reports/china_ai_briefing.pdf c.txt
  cp reports/china_ai_briefing.pdf c.pdf
  run env SOURCE_DATE_EPOCH=1753747200 LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 \
    "$SUMI" render scripts/china_ai_briefing.lua
  expect_code 0
  pdftotext reports/china_ai_briefing.pdf de.txt
  grep -q "40.2%" de.txt || fail "40.2% missing under de_DE"
  cmp -s c.pdf reports/china_ai_briefing.pdf || fail "PDF differs under LC_ALL=de_DE.UTF-8"
}

# ---------------------------------------------------------------- errors

case_error_objects_are_reported_with_their_line() {
  # Whatever an error object's __tostring does, the run says where it was
  # raised and what it can of the object, and a huge message is cut.
  local meta='error(setmetatable({}, {__tostring = function(o) '
  for case in \
    "${meta}return tostring(o) end}))|e.lua:2: (error object is a table value whose __tostring failed: C stack overflow)" \
    "${meta}return {} end}))|e.lua:2: (error object is a table value whose __tostring gave a table)" \
    "${meta}error(\"boom\") end}))|e.lua:2: (error object is a table value whose __tostring failed: e.lua:2: boom)" \
    "${meta}return \"custom\" end}))|e.lua:2: custom" \
    'error({})|e.lua:2: (error object is a table value)' \
    'error(string.rep("x", 2e8))|... (the message goes on: 200000009 bytes in all)'; do
    printf 'local _ = "an error object"\n%s\n' "${case%%|*}" >e.lua
    run "$SUMI" render e.lua
    expect_code 1
    expect_contains "$ERR" "${case#*|}" "stderr"
    [ "$(wc -c <stderr.txt)" -lt 10000 ] || fail "stderr is $(wc -c <stderr.txt) bytes: the message was not cut"
  done
}

case_script_error_reports_file_line_and_exits_1() {
  write_script scripts/broken.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 10, height = 10})
local total = nil
c:rect(0, 0, 5, total + 1)
LUA
  run "$SUMI" render scripts/broken.lua
  expect_code 1
  first=$(head -n 1 stderr.txt)
  expect_contains "$first" "scripts/broken.lua:4: attempt to perform arithmetic on a nil value (local 'total')" "first stderr line"
  expect_contains "$ERR" "stack traceback:" "stderr"
  [ ! -e reports/broken.png ] || fail "a failed run wrote reports/broken.png"
}

case_bad_option_error_points_at_script_line() {
  write_script s.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 10, height = 10})

c:stroke({colour = "red"})
LUA
  run "$SUMI" render s.lua -o out.png
  expect_code 1
  expect_contains "$ERR" "s.lua:4: canvas:stroke: unknown option 'colour' (valid options: color, width" "stderr"
}

case_failed_run_keeps_previous_output() {
  write_script report.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.pdf(nil, {size = "A5"})
c:text("版 " .. sumi.params.version, 20, 20)
c:close()
if sumi.params.fail == "yes" then error("the data went bad after the PDF was drawn") end
LUA
  run "$SUMI" render report.lua -o out/report.pdf -p version=1
  expect_code 0
  cp out/report.pdf good.pdf
  run "$SUMI" render report.lua -o out/report.pdf -p version=2 -p fail=yes
  expect_code 1
  expect_contains "$ERR" "report.lua:5: the data went bad" "stderr"
  cmp -s good.pdf out/report.pdf || fail "the earlier good output was replaced"
  leftovers=$(find out -name '.*' -type f)
  [ -z "$leftovers" ] || fail "temporary files left behind: $leftovers"
}

case_all_outputs_or_none() {
  write_script two.lua <<'LUA'
local sumi = require "sumi"
local a = sumi.canvas.png("reports/a.png", {width = 4, height = 4})
a:close()
local b = sumi.canvas.png("reports/b.png", {width = 4, height = 4})
b:rect(0, 0, 0 / 0, 1)
LUA
  run "$SUMI" render two.lua
  expect_code 1
  expect_contains "$ERR" "two.lua:5:" "stderr"
  expect_contains "$ERR" "nan" "stderr"
  [ ! -e reports/a.png ] || fail "reports/a.png written by a failed run"
  [ ! -e reports/b.png ] || fail "reports/b.png written by a failed run"
}

# A stop signal that comes while a run renames its outputs into place waits
# for the last of them: 400 outputs are all there, or (signal before the
# first) none. The signal goes to the whole process group, as Ctrl-C does.
case_stop_signal_while_publishing_keeps_all_outputs() {
  write_script many.lua <<'LUA'
local sumi = require "sumi"
for i = 1, 400 do
  local c = sumi.canvas.png(("reports/many/p-%03d.png"):format(i), {width = 4, height = 4})
  c:close()
end
LUA
  set -m # each background job in a process group of its own, as in a terminal
  local mode
  for mode in "" "--timeout 60"; do
    rm -rf reports/many
    # shellcheck disable=SC2086  # the mode's words are separate arguments
    "$SUMI" render many.lua $mode >/dev/null 2>err.txt &
    local pid=$! waited=0
    until [ -e reports/many/p-001.png ] || ! kill -0 "$pid" 2>/dev/null ||
          [ "$waited" -ge 20000 ]; do
      sleep 0.001
      waited=$((waited + 1))
    done
    kill -TERM -- "-$pid" 2>/dev/null
    wait "$pid"
    local code=$? n
    n=$(find reports/many -name 'p-*.png' 2>/dev/null | wc -l)
    [ "$n" = 0 ] || [ "$n" = 400 ] || fail "render $mode: $n of 400 outputs published"
    [ "$n" = 0 ] || [ "$code" = 0 ] ||
      fail "render $mode: exit code $code after publishing all; stderr: $(cat err.txt)"
    [ -z "$(find reports/many -name '.p-*' 2>/dev/null)" ] ||
      fail "render $mode: temporary files left: $(find reports/many -name '.p-*')"
  done
  # Stopped before it publishes: nothing written, and the exit status of
  # the signal (143), as before the child's parent waited for it.
  write_script slow.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.png("reports/slow.png", {width = 4, height = 4})
c:close()
local x = 0
for i = 1, 4e9 do x = x + i end
LUA
  "$SUMI" render slow.lua --timeout 60 >/dev/null 2>err.txt &
  local slow=$!
  sleep 0.5
  kill -TERM -- "-$slow" 2>/dev/null
  wait "$slow"
  local slow_code=$?
  [ "$slow_code" = 143 ] || fail "stopped render: exit code $slow_code, expected 143"
  [ ! -e reports/slow.png ] || fail "a stopped render published reports/slow.png"
  [ -z "$(find reports -name '.slow*' 2>/dev/null)" ] || fail "a stopped render left temporaries"
  set +m
}

# A render started with SIGHUP ignored (nohup, a job of a script) keeps it
# ignored, in its parent and in the child that runs the script.
case_ignored_hangup_is_still_ignored() {
  write_script busy.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.png("reports/busy.png", {width = 4, height = 4})
c:close()
local x = 0
for i = 1, 2e8 do x = x + i end
LUA
  (trap '' HUP; exec "$SUMI" render busy.lua --timeout 60 >/dev/null 2>err.txt) &
  local pid=$!
  sleep 0.3
  kill -HUP "$pid" 2>/dev/null
  pkill -HUP -P "$pid" 2>/dev/null
  wait "$pid"
  local code=$?
  [ "$code" = 0 ] || fail "render with SIGHUP ignored ended with $code; stderr: $(cat err.txt)"
  [ -s reports/busy.png ] || fail "reports/busy.png was not written"
}

case_output_option_sets_default_path() {
  write_script chart.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.svg(nil, {width = 100, height = 50})
c:rect(10, 10, 80, 30)
c:fill("#336699")
LUA
  run "$SUMI" render chart.lua -o slides/chart.svg
  expect_code 0
  grep -q "<svg" slides/chart.svg || fail "slides/chart.svg is not an SVG"
  run "$SUMI" render chart.lua
  expect_code 0
  [ -s reports/chart.svg ] || fail "default output reports/chart.svg missing"
  run "$SUMI" render chart.lua -o chart.png
  expect_code 1
  expect_contains "$ERR" "output 'chart.png' given with -o is not a .svg file" "stderr"
}

case_os_exit_ends_run_through_engine() {
  write_script ok.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 4, height = 4})
os.exit(0)
LUA
  run "$SUMI" render ok.lua -o ok.png
  expect_code 0
  [ -s ok.png ] || fail "os.exit(0) did not publish ok.png"
  write_script bad.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 4, height = 4})
os.exit(3)
LUA
  run "$SUMI" render bad.lua -o bad.png
  expect_code 1
  expect_contains "$ERR" "os.exit(3)" "stderr"
  [ ! -e bad.png ] || fail "os.exit(3) published bad.png"
}

case_sandbox_hides_process_and_file_access() {
  write_script probe.lua <<'LUA'
local names = {"io", "package", "debug", "dofile", "loadfile"}
for _, n in ipairs(names) do assert(_G[n] == nil, n .. " is reachable") end
for _, n in ipairs({"execute", "remove", "rename", "tmpname", "getenv", "setlocale"}) do
  assert(os[n] == nil, "os." .. n .. " is reachable")
end
assert(string.dump == nil, "string.dump is reachable")
local ok, err = pcall(require, "io")
assert(not ok and err:find("not found"), "require 'io' did not fail")
assert(load("return 1 + 1")() == 2, "load of text failed")
local f = load(string.char(27) .. "Lua")
assert(f == nil, "load accepted a binary chunk")
print("sandbox ok")
LUA
  run "$SUMI" render probe.lua
  expect_code 0
  expect_contains "$OUT" "sandbox ok" "stdout"
}

case_invalid_utf8_text_is_refused() {
  printf 'local sumi = require "sumi"\nlocal c = sumi.canvas.png(nil, {width = 40, height = 40})\nc:text("\\x82\\xa0 bad", 1, 1)\n' >u.lua
  run "$SUMI" render u.lua -o u.png
  expect_code 1
  expect_contains "$ERR" "u.lua:3: text is not valid UTF-8 (bad byte 0x82 at offset 0)" "stderr"
}

case_bad_csv_names_file_and_line() {
  mkdir -p data
  printf 'name,count\nmodels,1509\nunicorns,71,extra\n' >data/bad.csv
  write_script read.lua <<'LUA'
local sumi = require "sumi"
local rows = sumi.data.read_csv("data/bad.csv")
print(#rows)
LUA
  run "$SUMI" render read.lua
  expect_code 1
  expect_contains "$ERR" "data/bad.csv:3: 3 fields, but the header has 2" "stderr"
}

case_uncovered_character_warns_with_code_point_and_text() {
  # U+10000 (Linear B) is in no font sumi configures.
  write_script tofu.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 200, height = 40})
c:text("凡例 \u{10000} A", 4, 4)
c:text("カバーされる文字だけ", 4, 20)
LUA
  run "$SUMI" render tofu.lua -o tofu.png
  expect_code 0
  expect_contains "$ERR" "tofu.lua:3: no configured font has U+10000" "stderr"
  expect_contains "$ERR" "凡例" "stderr"
  [ "$(grep -c 'no configured font' stderr.txt)" -eq 1 ] || fail "expected one warning: $ERR"
}

# ---------------------------------------------------------------- sumi chart

# png_size FILE: "WIDTHxHEIGHT" from the PNG's IHDR chunk (bytes 16-23).
png_size() {
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $3 * 256 + $4, $7 * 256 + $8 }'
}

write_two_charts() { # two charts, one named, and a PDF of the script's own
  write_script scripts/deck.lua <<'LUA'
local sumi = require "sumi"
local chart = require "sumi.chart"
local rows = {{k = "中国", v = 71}, {k = "米国", v = 150}, {k = "その他", v = 50}}
chart.bar(rows, {x = "k", y = "v", title = "AIユニコーン企業数"})
chart.line(rows, {x = "k", y = "v", name = "trend"})
local page = sumi.canvas.pdf(nil)
page:text("the script's own report", 20, 20)
page:close()
if sumi.params.fail == "yes" then error("the data went bad after the charts were made") end
LUA
}

case_chart_exports_every_chart_in_each_format() {
  write_two_charts
  run "$SUMI" chart scripts/deck.lua --format png,svg
  expect_code 0
  for f in chart-1.png chart-1.svg trend.png trend.svg; do
    [ -s "reports/charts/deck/$f" ] || fail "reports/charts/deck/$f missing; stdout: $OUT"
    expect_contains "$OUT" "reports/charts/deck/$f" "stdout"
  done
  [ "$(find reports/charts -type f | wc -l)" -eq 4 ] || fail "not 4 files: $(find reports -type f)"
  [ "$(png_size reports/charts/deck/chart-1.png)" = 1920x1080 ] ||
    fail "chart-1.png is $(png_size reports/charts/deck/chart-1.png), not 1920x1080"
  [ "$(png_size reports/charts/deck/trend.png)" = 1920x1080 ] || fail "trend.png is not 1920x1080"
  grep -q 'width="720pt" height="405pt"' reports/charts/deck/chart-1.svg || fail "SVG not 720x405 pt"
  [ ! -e reports/deck.pdf ] || fail "the script's own PDF was written in chart mode"
}

case_chart_size_dpi_and_background_options() {
  write_two_charts
  run "$SUMI" chart scripts/deck.lua --size 1280x720 --background transparent --out out/
  expect_code 0
  [ "$(png_size out/chart-1.png)" = 1280x720 ] || fail "chart-1.png is $(png_size out/chart-1.png)"
  run "$SUMI" chart scripts/deck.lua --preset 4:3 --dpi 96 --out small
  expect_code 0
  [ "$(png_size small/trend.png)" = 960x720 ] || fail "trend.png is $(png_size small/trend.png)"
  run "$SUMI" chart scripts/deck.lua --format pdf --out pdf
  expect_code 0
  pdfinfo pdf/trend.pdf >info.txt || fail "pdfinfo cannot read pdf/trend.pdf"
  grep -E '^Page size: +720 x 405 pts' info.txt >/dev/null || fail "not 720 x 405 pt: $(cat info.txt)"
  pdftotext pdf/chart-1.pdf t.txt
  grep -q "AIユニコーン企業数" t.txt || fail "chart title not in the PDF text"
  [ ! -e pdf/chart-1.png ] || fail "--format pdf also wrote a PNG"
  [ ! -e reports/deck.pdf ] || fail "the script's own PDF was written in chart mode"
}

case_chart_script_error_writes_nothing() {
  write_two_charts
  run "$SUMI" chart scripts/deck.lua -p fail=yes --format png,svg,pdf
  expect_code 1
  expect_contains "$ERR" "scripts/deck.lua:9: the data went bad" "stderr"
  [ -z "$(find . -path ./scripts -prune -o -type f ! -name '*.txt' ! -name '*.lua' -print)" ] ||
    fail "a failed run wrote: $(find . -type f)"
  run "$SUMI" chart scripts/deck.lua --background nocolour
  expect_code 1
  expect_contains "$ERR" "cannot export chart 'chart-1'" "stderr"
  [ -z "$(find . -path ./scripts -prune -o -type f ! -name '*.txt' ! -name '*.lua' -print)" ] ||
    fail "a failed export wrote: $(find . -type f)"
  write_script same.lua <<'LUA'
local chart = require "sumi.chart"
chart.bar({{k = "a", v = 1}}, {x = "k", y = "v", name = "x"})
chart.line({{k = "a", v = 1}}, {x = "k", y = "v", name = "x"})
LUA
  run "$SUMI" chart same.lua
  expect_code 1
  expect_contains "$ERR" "charts 1 and 2 are both named 'x'" "stderr"
  [ -z "$(find . -path ./scripts -prune -o -type f ! -name '*.txt' ! -name '*.lua' -print)" ] ||
    fail "duplicate names wrote: $(find . -type f)"
}

write_labelled_chart() { # a bar chart with a title and Japanese labels
  write_script labels.lua <<'LUA'
local sumi = require "sumi"
local chart = require "sumi.chart"
chart.bar(sumi.data.from_rows({
  {name = "大規模AIモデル", n = 1509}, {name = "AIユニコーン企業", n = 71},
  {name = "AI関連企業 <&>", n = 5100},
}, {order = {"name", "n"}}), {x = "name", y = "n", title = "中国のAI産業 2025", name = "labels"})
LUA
}

case_chart_svg_and_pdf_keep_labels_as_text() {
  write_labelled_chart
  run "$SUMI" chart labels.lua --format svg,pdf,trace --out out
  expect_code 0
  xmllint --noout out/labels.svg 2>xml.txt || fail "out/labels.svg is not well-formed: $(cat xml.txt)"
  pdftotext out/labels.pdf pdf.txt || fail "pdftotext cannot read out/labels.pdf"
  for text in "中国のAI産業 2025" "大規模AIモデル" "AIユニコーン企業"; do
    grep -q ">$text</text>" out/labels.svg || fail "'$text' is not a <text> of the SVG"
    grep -qF "$text" pdf.txt || fail "pdftotext does not give back '$text'"
    grep -qF "block \"$text\"" out/labels.trace || fail "'$text' is not in the trace"
  done
  # Markup characters are escaped in the SVG, and come back as themselves.
  grep -qF '>AI関連企業 &lt;&amp;&gt;</text>' out/labels.svg || fail "label with <&> not escaped"
  grep -qF 'AI関連企業 <&>' pdf.txt || fail "pdftotext does not give back 'AI関連企業 <&>'"
  grep -q 'font-family="Noto Sans CJK JP"' out/labels.svg || fail "the SVG does not name the CJK font"
  head -1 out/labels.trace | grep -q '^trace version=1 width=720 height=405$' ||
    fail "trace header: $(head -1 out/labels.trace)"
  # -o x.trace: chart:save(nil) writes a trace, as it writes the other types.
  write_script save_nil.lua <<'LUA'
local chart = require "sumi.chart"
chart.bar({{k = "東京", v = 1}}, {x = "k", y = "v", title = "題"}):save(nil, {preset = "slides"})
LUA
  run "$SUMI" render save_nil.lua -o traced/x.trace
  expect_code 0
  grep -q '^block "東京" ' traced/x.trace || fail "traced/x.trace lacks the label: $(cat traced/x.trace)"
  # cairo's outline SVG is still there on request: no <text> in it.
  write_script outline.lua <<'LUA'
local c = require("sumi.canvas").svg("reports/outline.svg", {width = 100, height = 40, text = "outline"})
c:text("輪郭", 4, 4)
LUA
  run "$SUMI" render outline.lua
  expect_code 0
  [ -s reports/outline.svg ] || fail "reports/outline.svg missing"
  ! grep -q "<text" reports/outline.svg || fail "the outline SVG has <text> elements"
  # Characters XML cannot hold (a control character, U+FFFF) are left out
  # of the SVG, which stays well-formed; the rest is escaped.
  write_script hostile.lua <<'LUA'
local c = require("sumi.canvas").svg("reports/hostile.svg", {width = 100, height = 40})
c:text("a\u{FFFF}b\x01c]]><!--\"'&", 4, 4)
LUA
  run "$SUMI" render hostile.lua
  expect_code 0
  xmllint --noout reports/hostile.svg 2>xml.txt || fail "hostile.svg is not well-formed: $(cat xml.txt)"
  grep -qF '>abc]]&gt;&lt;!--&quot;&apos;&amp;</text>' reports/hostile.svg || fail "hostile text: $(grep '<text' reports/hostile.svg)"
}

case_strict_glyphs_makes_uncovered_character_an_error() {
  # U+E000 (Private Use Area) is in no font sumi configures.
  write_script tofu.lua <<'LUA'
local sumi = require "sumi"
local c = sumi.canvas.png(nil, {width = 200, height = 40})
c:text("凡例 \u{E000} A", 4, 4)
LUA
  run "$SUMI" render tofu.lua -o tofu.png
  expect_code 0
  expect_contains "$ERR" "tofu.lua:3: no configured font has U+E000" "stderr"
  [ -s tofu.png ] || fail "tofu.png not written without --strict-glyphs"
  cp tofu.png before.png
  run "$SUMI" render tofu.lua -o tofu.png --strict-glyphs
  expect_code 1
  expect_contains "$ERR" "tofu.lua:3: no configured font has U+E000" "stderr"
  expect_contains "$ERR" "凡例" "stderr"
  expect_contains "$ERR" "strict glyph coverage" "stderr"
  cmp -s before.png tofu.png || fail "a failed strict run changed tofu.png"
  # Set by the script itself.
  write_script strict.lua <<'LUA'
local runtime = require "sumi.runtime"
assert(runtime.strict_glyphs() == false)
runtime.strict_glyphs(true)
local c = require("sumi.canvas").svg(nil, {width = 100, height = 40})
c:text("\u{E000}", 4, 4)
LUA
  run "$SUMI" render strict.lua -o strict.svg
  expect_code 1
  expect_contains "$ERR" "strict.lua:5: no configured font has U+E000" "stderr"
  [ ! -e strict.svg ] || fail "a failed strict run wrote strict.svg"
  # sumi chart takes the option too.
  write_script chart.lua <<'LUA'
local chart = require "sumi.chart"
chart.bar({{k = "東京\u{E000}", v = 1}}, {x = "k", y = "v"})
LUA
  run "$SUMI" chart chart.lua --format svg --out charts
  expect_code 0
  run "$SUMI" chart chart.lua --format svg --out charts2 --strict-glyphs
  expect_code 1
  expect_contains "$ERR" "U+E000" "stderr"
  # A chart label is reported where the script makes the chart.
  write_script chart_save.lua <<'LUA'
local chart = require "sumi.chart"
local c = chart.bar({{k = "東京\u{E000}", v = 1}}, {x = "k", y = "v"})
c:save("reports/c.svg", {preset = "slides"})
LUA
  run "$SUMI" render chart_save.lua --strict-glyphs
  expect_code 1
  expect_contains "$ERR" "chart_save.lua:3: no configured font has U+E000" "stderr"
  [ ! -e reports/c.svg ] || fail "a failed strict run wrote reports/c.svg"
  [ ! -e charts2 ] || [ -z "$(ls charts2)" ] || fail "a failed strict chart run wrote: $(ls charts2)"
}

case_chart_usage_errors_exit_2() {
  write_two_charts
  for args in "--size 0x10" "--size 1920" "--format gif" "--format png,,svg" "--bogus" \
    "--preset huge" "--dpi 0" "--size 800x600 --preset slides"; do
    # shellcheck disable=SC2086 # args split on purpose
    run "$SUMI" chart scripts/deck.lua $args
    expect_code 2
    expect_contains "$ERR" "usage: sumi chart SCRIPT" "stderr for $args"
  done
  [ -z "$(find . -path ./scripts -prune -o -type f ! -name '*.txt' ! -name '*.lua' -print)" ] ||
    fail "a usage error wrote: $(find . -type f)"
  run "$SUMI" chart --help
  expect_code 0
  expect_contains "$OUT" "--format LIST" "chart --help"
  run "$SUMI" --help
  expect_contains "$OUT" "chart SCRIPT" "--help output"
}

# ---------------------------------------------------------------- documents

document_example() { # renders scripts/document_example.lua with a fixed date
  mkdir -p scripts data
  cp "$SRC/scripts/document_example.lua" scripts/
  cp "$SRC/data/"*.csv data/
  run env SOURCE_DATE_EPOCH=1753747200 "$SUMI" render scripts/document_example.lua "$@"
}

case_languages_embed_their_own_faces() {
  # A chart and a document per language: the PDF embeds that language's face
  # for its CJK text and no other region's, and gives back its words.
  write_script lang.lua <<'LUA'
local sumi = require "sumi"
local lang = sumi.params.lang
local text = {["zh-Hans"] = {"人工智能产业", "统计局", "概述"}, ["zh-Hant"] = {"人工智慧產業", "統計處", "概述"},
  ["zh-HK"] = {"人工智能產業", "統計處", "概述"}, ko = {"인공지능 산업", "통계청", "개요"},
  ja = {"人工知能産業", "統計局", "概要"}}
local t = text[lang] or text.ja
local rows = {{k = t[1], v = 7e11}, {k = "B", v = 3e11}}
sumi.chart.bar(rows, {x = "k", y = "v", title = t[1], source = t[2], lang = lang}):save("reports/chart.pdf")
local doc = sumi.document.new{lang = lang, title = t[1]}
doc:contents()
doc:heading(t[3])
doc:paragraph(t[1] .. "。")
doc:figure(sumi.chart.bar(rows, {x = "k", y = "v", source = t[2]}), {caption = t[1], height = 200})
doc:sources()
doc:save("reports/doc.pdf")
LUA
  for case in "zh-Hans sc 来源：统计局 目录 图1 资料来源" "zh-Hant tc 資料來源：統計處 目錄 圖1 資料來源" \
    "zh-HK hk 資料來源：統計處 目錄 圖1 資料來源" "ko kr 출처:통계청 목차 그림1. 출처" "ja jp 出典:統計局 目次 図1 出典"; do
    set -- $case
    lang=$1 face=$2
    run "$SUMI" render lang.lua -p lang="$lang"
    expect_code 0
    for pdf in reports/chart.pdf reports/doc.pdf; do
      pdffonts "$pdf" >fonts.txt || fail "pdffonts cannot read $pdf"
      grep -qE "NotoSansCJK$face-" fonts.txt || fail "$lang: $pdf lacks the $face face: $(cat fonts.txt)"
      others=$(grep -oE 'NotoSansCJK[a-z]+-' fonts.txt | grep -v "NotoSansCJK$face-" || true)
      [ -z "$others" ] || fail "$lang: $pdf embeds another region's face: $others"
    done
    pdftotext reports/chart.pdf - | tr -d ' \n' >chart.txt
    expect_contains "$(cat chart.txt)" "$3" "$lang chart source line"
    pdftotext reports/doc.pdf - | tr -d ' \n' >doc.txt
    # the words, and the source line of the chart that named no language
    for word in "$4" "$5" "$6" "$3"; do
      expect_contains "$(cat doc.txt)" "$word" "$lang document words"
    done
  done
  run "$SUMI" render lang.lua -p lang=fr
  expect_code 1
  expect_contains "$ERR" "lang.lua:8: chart.bar: option 'lang' must be a language tag: one of ja, zh-Hans, zh-Hant, zh-HK, ko, en; got string \"fr\"" "stderr"
}

case_document_pdf_has_metadata_fonts_and_every_heading() {
  document_example
  expect_code 0
  pdf=reports/document_example.pdf
  pdfinfo "$pdf" >info.txt || fail "pdfinfo cannot read $pdf"
  for field in 'Title: +中国AI産業の現在地（ドキュメント例）' 'Author: +sumi' \
    'Subject: +WAIC 2025 の公表値' 'Keywords: +AI, WAIC 2025, 中国' 'Creator: +sumi [0-9]' \
    'CreationDate: +Tue Jul 29 00:00:00 2025 UTC' 'Pages: +3'; do
    grep -E "^$field" info.txt >/dev/null || fail "pdfinfo lacks '$field': $(cat info.txt)"
  done
  pdffonts "$pdf" >fonts.txt || fail "pdffonts failed"
  grep -E 'NotoSansCJKjp-Regular +CID Type 0C +Identity-H +yes +yes' fonts.txt >/dev/null ||
    fail "Noto Sans CJK JP not embedded as a subset: $(cat fonts.txt)"
  if awk 'NR > 2 && $(NF-4) != "yes"' fonts.txt | grep . >/dev/null; then
    fail "a font is not embedded: $(cat fonts.txt)"
  fi
  pdftotext "$pdf" text.txt || fail "pdftotext failed"
  text=$(tr -d ' \n' <text.txt)
  # (pdftotext gives the ideographic space after a number as a space)
  for heading in 目次 1概要 1.1読み方 2世界との比較 2.1公表値の一覧 3二段組の例 出典 \
    図1世界に占める中国のシェア; do
    expect_contains "$text" "$heading" "pdftotext output"
  done
  expect_contains "$text" "中国は1,509個（40.2%）を占める" "pdftotext output"
  cp "$pdf" first.pdf
  document_example
  expect_code 0
  cmp -s first.pdf "$pdf" || fail "two runs with SOURCE_DATE_EPOCH differ"
}

case_document_contents_match_destinations_and_links_resolve() {
  document_example
  expect_code 0
  pdf=reports/document_example.pdf
  pdfinfo -dests "$pdf" >dests.txt || fail "pdfinfo -dests failed"
  # Each contents line (pdftotext -layout: "1.1 読み方 .... 1") names the page
  # of that heading's destination.
  pdftotext -layout -f 1 -l 1 "$pdf" contents.txt
  # number|title|page|destination, in the order of the document
  for entry in '1|概要|1|section-1' '1.1|読み方|1|section-2' '2|世界との比較|2|section-3' \
    '2.1|公表値の一覧|2|section-4' '3|二段組の例|2|section-5'; do
    IFS='|' read -r number title page dest <<<"$entry"
    grep -E "^ *$number +$title +$page\$" contents.txt >/dev/null ||
      fail "contents line '$number $title ... $page' missing: $(cat contents.txt)"
    grep -E "^ +$page \[.*\] \"$dest\"\$" dests.txt >/dev/null ||
      fail "destination $dest is not on page $page: $(cat dests.txt)"
    pdftotext -f "$page" -l "$page" "$pdf" page.txt
    grep -qF "$title" page.txt || fail "'$title' is not on page $page"
  done
  # Every internal link names a destination that exists; the external one is there.
  # (The objects are in compressed object streams: qpdf writes them out plain.)
  qpdf --qdf --object-streams=disable "$pdf" plain.pdf || fail "qpdf cannot rewrite $pdf"
  pdf=plain.pdf
  grep -ao '/Dest (section-[0-9]*)' "$pdf" | sort -u | sed 's/.*(\(.*\))/\1/' >links.txt
  [ -s links.txt ] || fail "no internal links"
  while read -r d; do
    grep -F "\"$d\"" dests.txt >/dev/null || fail "link to missing destination $d"
  done <links.txt
  grep -aF '/URI (https://www.worldaic.com.cn/)' "$pdf" >/dev/null || fail "external link missing"
  grep -aF '/Outlines' "$pdf" >/dev/null || fail "no outline"
}

case_document_table_repeats_header_on_each_page() {
  write_script long_table.lua <<'LUA'
local sumi = require "sumi"
local doc = sumi.document.new{title = "長い表"}
local rows = {}
for i = 1, 150 do rows[i] = {name = ("企業%03d"):format(i), count = i} end
doc:table(rows, {columns = {{key = "name", title = "企業名"}, {key = "count", title = "件数"}}})
local info = doc:save()
print(info.pages)
LUA
  run "$SUMI" render long_table.lua -o out/long_table.pdf
  expect_code 0
  pages=$OUT
  [ "$pages" -ge 3 ] || fail "expected 3 or more pages, got $pages"
  for page in $(seq 1 "$pages"); do
    pdftotext -f "$page" -l "$page" out/long_table.pdf p.txt
    grep -qF 企業名 p.txt || fail "page $page lacks the header row"
  done
  pdftotext -f "$pages" -l "$pages" out/long_table.pdf p.txt
  grep -qF 企業150 p.txt || fail "the last row is not on the last page"
}

case_document_png_previews_one_file_per_page() {
  document_example -p preview=1
  expect_code 0
  for i in 1 2 3; do
    [ -s "reports/document_example-$i.png" ] || fail "no reports/document_example-$i.png"
  done
  [ ! -e reports/document_example-4.png ] || fail "a fourth preview page"
}

# ---------------------------------------------------------------- slides

# The deck's slides, in order: the title, five messages, the players, the
# investors' points, the sources.
SLIDES=8

case_slides_render_16_9_pages() {
  slides
  expect_code 0
  pdf=reports/china_ai_slides.pdf
  [ -s "$pdf" ] || fail "no $pdf"
  pdfinfo "$pdf" >info.txt || fail "pdfinfo cannot read the PDF"
  grep -E '^Page size: +720 x 405 pts' info.txt >/dev/null || fail "not a 16:9 page: $(cat info.txt)"
  grep -E "^Pages: +$SLIDES\$" info.txt >/dev/null || fail "not $SLIDES slides: $(cat info.txt)"
  # Every page, not only the first, is 16:9.
  pdfinfo -f 1 -l "$SLIDES" "$pdf" | grep -E '^Page +[0-9]+ size:' >sizes.txt
  [ "$(grep -c '720 x 405 pts' sizes.txt)" -eq "$SLIDES" ] || fail "a page is not 720x405: $(cat sizes.txt)"
  grep -E '^Title: +中国AI産業の現在地' info.txt >/dev/null || fail "title missing"
  cp "$pdf" first.pdf
  slides
  expect_code 0
  cmp -s first.pdf "$pdf" || fail "two runs with SOURCE_DATE_EPOCH differ"
}

case_slides_text_has_headline_figures() {
  slides
  expect_code 0
  pdf=reports/china_ai_slides.pdf
  # slide|what its text holds (spaces and line ends removed): the counts,
  # and the shares and rest of the world the script computes from them.
  for entry in '1|中国AI産業の現在地' '1|2025年7月29日' \
    '2|中国の大規模AIモデルは1,509個世界3,755個の40.2%を占める' '2|出典:WAIC2025' \
    '3|中国のAIユニコーン企業は71社世界271社の26.2%にあたる' '3|中国以外200社（73.8%）' \
    '3|出典:CAICT' \
    '4|AI特許出願では世界の約60%、企業数では約15%' '4|40.2%' '4|26.2%' \
    '5|AI産業は7,000億元超（2024年）、年20%超で成長' '5|上場300社超が産業収入の約70%を生む' \
    '5|5,100社超' \
    '6|10社が競う：DeepSeek、Qwen、Hunyuan、ERNIE' '6|Qwen（通義千問）' '6|StepFun' \
    '7|年20%超で伸びる市場' '7|地政学リスク' \
    '8|出典と注記' '8|中国信息通信研究院（CAICT）' '8|業界分析（2025年10月）'; do
    IFS='|' read -r page needle <<<"$entry"
    pdftotext -f "$page" -l "$page" "$pdf" page.txt || fail "pdftotext failed on slide $page"
    text=$(tr -d ' \n' <page.txt)
    expect_contains "$text" "$needle" "slide $page"
  done
  # Slide numbers in the footer: the title slide has none.
  pdftotext -f 2 -l 2 "$pdf" page.txt
  expect_contains "$(tr -d ' \n' <page.txt)" "2/$SLIDES" "slide 2"
  pdftotext -f 1 -l 1 "$pdf" page.txt
  if tr -d ' \n' <page.txt | grep -q "1/$SLIDES"; then fail "the title slide has a slide number"; fi
}

case_slides_embed_cjk_font_subsets() {
  slides
  expect_code 0
  pdffonts reports/china_ai_slides.pdf >fonts.txt || fail "pdffonts failed"
  grep -E 'NotoSansCJKjp-Regular +CID Type 0C +Identity-H +yes +yes +yes' fonts.txt >/dev/null ||
    fail "Noto Sans CJK JP not embedded as a subset: $(cat fonts.txt)"
  grep -E 'NotoSansCJKjp-Bold +CID Type 0C +Identity-H +yes +yes +yes' fonts.txt >/dev/null ||
    fail "the bold headlines' font is not embedded as a subset: $(cat fonts.txt)"
  if awk 'NR > 2 && $(NF-4) != "yes"' fonts.txt | grep . >/dev/null; then
    fail "a font is not embedded: $(cat fonts.txt)"
  fi
}

case_slides_chart_exports_one_png_per_named_chart() {
  slides chart --format png --size 1920x1080 --out reports/slides
  expect_code 0
  names=(models-share unicorns-share china-share kpi-industry-size kpi-industry-growth
    kpi-ai-companies kpi-listed-share)
  for name in "${names[@]}"; do
    f=reports/slides/$name.png
    [ -s "$f" ] || fail "$f missing; stdout: $OUT"
    expect_contains "$OUT" "$f" "stdout"
    [ "$(png_size "$f")" = 1920x1080 ] || fail "$f is $(png_size "$f"), not 1920x1080"
  done
  [ "$(find reports/slides -type f | wc -l)" -eq "${#names[@]}" ] ||
    fail "not one PNG per named chart: $(find reports/slides -type f)"
  [ ! -e reports/china_ai_slides.pdf ] || fail "the deck's PDF was written in chart mode"
  mv reports/slides first
  slides chart --format png --size 1920x1080 --out reports/slides
  expect_code 0
  for name in "${names[@]}"; do
    cmp -s "first/$name.png" "reports/slides/$name.png" ||
      fail "$name.png differs between two runs with SOURCE_DATE_EPOCH"
  done
}

case_main
