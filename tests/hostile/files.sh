#!/bin/bash
# File rules through `sumi render` (see lib.sh): a script reads under its
# own folder, the data/ folder beside it, ./data, the output folders and
# --allow-read folders; it writes under the -o file's folder, ./reports and
# --allow-write folders. Anything else fails with exit 1, a message naming
# the call, the path and the option, and the earlier good PDF kept.
source "$(dirname "$0")/lib.sh"

# A folder beside the case's own, outside every folder the script may use.
OUTSIDE="$WORK.outside"

# report.lua reads -p csv=FILE when given, writes -p write=FILE when given,
# then its PDF.
setup() {
  rm -rf "$OUTSIDE"
  mkdir -p "$OUTSIDE" data
  printf 'secret\n42\n' >"$OUTSIDE/secret.csv"
  printf 'name,count\nmodels,1509\n' >data/models.csv
  cat >report.lua <<'LUA'
local sumi = require "sumi"
if sumi.params.csv then
  local ds = sumi.data.read_csv(sumi.params.csv)
  print(("rows=%d"):format(#ds))
end
if sumi.params.write then
  local extra = sumi.canvas.png(sumi.params.write, {width = 4, height = 4})
  extra:close()
end
local c = sumi.canvas.pdf(nil, {size = "A5"})
c:text("files", 20, 20)
c:close()
LUA
  good_run
}

case_files_reading_etc_passwd_is_refused() {
  setup
  hostile_run "report.lua:3: 'read_csv' may not read '/etc/passwd'" -p csv=/etc/passwd
  expect_contains "$ERR" "allow it with --allow-read /etc" "stderr"
}

case_files_symlink_out_of_script_folder_is_refused() {
  setup
  ln -s "$OUTSIDE/secret.csv" link.csv
  ln -s "$OUTSIDE" data/linked
  hostile_run "'read_csv' may not read 'link.csv' (it is '$OUTSIDE/secret.csv'" -p csv=link.csv
  hostile_run "'read_csv' may not read 'data/linked/secret.csv'" -p csv=data/linked/secret.csv
  # A module reached through a symlink is refused the same way.
  printf 'return 1\n' >"$OUTSIDE/evil.lua"
  ln -s "$OUTSIDE/evil.lua" evil.lua
  printf 'require "evil"\n' >uses_evil.lua
  run "$SUMI" render uses_evil.lua
  expect_code 1
  expect_contains "$ERR" "'require' may not read 'evil.lua'" "stderr"
}

case_files_dotdot_cannot_leave_the_data_folder() {
  setup
  local rel
  rel="data/../../$(basename "$OUTSIDE")/secret.csv"
  hostile_run "'read_csv' may not read '$rel'" -p "csv=$rel"
}

case_files_allow_read_opens_a_folder() {
  setup
  run "$SUMI" render report.lua -o ok/report.pdf -p "csv=$OUTSIDE/secret.csv" \
    --allow-read "$OUTSIDE"
  expect_code 0
  expect_contains "$OUT" "rows=1" "stdout"
  # Through a symlink too: both sides are compared after realpath.
  ln -s "$OUTSIDE/secret.csv" link.csv
  run "$SUMI" render report.lua -o ok/report.pdf -p csv=link.csv --allow-read "$OUTSIDE"
  expect_code 0
}

case_files_flagship_layout_reads_data_beside_scripts() {
  # scripts/report.lua reads ../data/models.csv, as the flagship does, and
  # ./data/models.csv from the working folder.
  setup
  mkdir -p scripts
  cp report.lua scripts/report.lua
  run "$SUMI" render scripts/report.lua -o ok/report.pdf -p csv=../data/models.csv
  expect_code 0
  expect_contains "$OUT" "rows=1" "stdout"
  mkdir -p elsewhere/scripts
  cp report.lua elsewhere/scripts/report.lua
  run "$SUMI" render elsewhere/scripts/report.lua -o ok/report.pdf -p "csv=$PWD/data/models.csv"
  expect_code 0
}

case_files_writing_outside_output_folders_is_refused() {
  setup
  hostile_run "report.lua:7: 'png' may not write '$OUTSIDE/x.png'" -p "write=$OUTSIDE/x.png"
  expect_contains "$ERR" "allow it with --allow-write $OUTSIDE" "stderr"
  [ ! -e "$OUTSIDE/x.png" ] || fail "$OUTSIDE/x.png written"
  hostile_run "'png' may not write '/tmp/sumi-x.png'" -p write=/tmp/sumi-x.png
  hostile_run "'png' may not write 'x.png'" -p write=x.png
  hostile_run "'png' may not write 'out/../x.png'" -p write=out/../x.png
  # The -o file's folder and reports/ are writable.
  run "$SUMI" render report.lua -o out/report.pdf -p write=out/extra.png
  expect_code 0
  run "$SUMI" render report.lua -o out/report.pdf -p write=reports/sub/extra.png
  expect_code 0
  [ -s reports/sub/extra.png ] || fail "reports/sub/extra.png missing"
}

case_files_allow_write_opens_a_folder() {
  setup
  run "$SUMI" render report.lua -o ok/report.pdf -p "write=$OUTSIDE/new/x.png" \
    --allow-write "$OUTSIDE"
  expect_code 0
  [ -s "$OUTSIDE/new/x.png" ] || fail "$OUTSIDE/new/x.png missing"
}

case_files_trusted_lifts_file_rules() {
  setup
  run "$SUMI" render report.lua -o ok/report.pdf -p csv=/etc/passwd --trusted
  # /etc/passwd is no CSV of ours, but it is read: the error is about its
  # content, not about the rules.
  case "$ERR" in *"may not read"*) fail "--trusted still refused: $ERR" ;; esac
  expect_contains "$ERR" "--trusted" "stderr"
  run "$SUMI" render report.lua -o ok/report.pdf -p "write=$OUTSIDE/t.png" --trusted
  expect_code 0
  [ -s "$OUTSIDE/t.png" ] || fail "$OUTSIDE/t.png missing"
}

hostile_main
