#!/bin/bash
# Slurm job arrays on a real single-node cluster (cluster.sh).
#
#   slurm_test.sh start STATE            the ctest fixture "slurm": starts the
#   slurm_test.sh stop STATE             cluster, and stops it whatever happened
#   slurm_test.sh SUMI SOURCE_DIR WORK_DIR CASE   one case, on that cluster
#
# The fixture keeps the cluster's folder (a fresh one under /tmp: munge's
# socket path must stay short) in STATE/cluster; stop removes it and keeps
# the daemons' logs in STATE/cluster-logs. When the cluster cannot
# start (no packages, not root), start writes the reason to STATE/unavailable
# and the cases report themselves skipped (exit 77) with it -- except under
# CI=true, where start fails and so does every case.
set -u
here=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" = start ] || [ "${1:-}" = stop ]; then
  state="$2"
  mkdir -p "$state"
  if [ "$1" = stop ]; then
    if [ -f "$state/cluster" ]; then
      cluster=$(cat "$state/cluster")
      bash "$here/cluster.sh" stop "$cluster"
      # The daemons' logs stay with the build's test output; the rest goes.
      rm -rf "$state/cluster-logs"
      [ -d "$cluster/log" ] && cp -r "$cluster/log" "$state/cluster-logs"
      case "$cluster" in /tmp/sumi-slurm.*) rm -rf "$cluster" ;; esac
    fi
    exit 0
  fi
  rm -f "$state/unavailable" "$state/cluster"
  unavailable() {
    echo "slurm_test: the Slurm cluster cannot start: $*" >&2
    if [ "${CI:-}" = true ]; then
      echo "slurm_test: CI=true: the Slurm tests must run" >&2
      exit 1
    fi
    echo "$*" >"$state/unavailable"
    exit 0
  }
  [ "$(id -u)" -eq 0 ] || unavailable "not root (slurmd must run as root)"
  for prog in munged slurmctld slurmd sbatch sinfo; do
    PATH="$PATH:/usr/sbin:/sbin" command -v "$prog" >/dev/null 2>&1 ||
      unavailable "$prog is missing (Debian packages slurmctld, slurmd, slurm-client, munge)"
  done
  cluster=$(mktemp -d /tmp/sumi-slurm.XXXXXX) || unavailable "cannot make a folder under /tmp"
  rmdir "$cluster"
  echo "$cluster" >"$state/cluster"
  bash "$here/cluster.sh" start "$cluster" || unavailable "cluster.sh start failed (logs in $cluster/log)"
  exit 0
fi

source "$here/../lib/case.sh"
STATE="${SUMI_SLURM_STATE:?SUMI_SLURM_STATE must name the folder of the slurm fixture}"

if [ -f "$STATE/unavailable" ]; then
  [ "${CI:-}" != true ] || fail "CI=true and no Slurm cluster: $(cat "$STATE/unavailable")"
  echo "skipped: no Slurm cluster: $(cat "$STATE/unavailable")"
  exit 77
fi
[ -f "$STATE/cluster" ] && [ -f "$(cat "$STATE/cluster")/env" ] ||
  fail "no Slurm cluster: the fixture test slurm_start did not run or failed"
# shellcheck disable=SC1091
. "$(cat "$STATE/cluster")/env"

# The project as an operator's checkout: scripts, data and the seed database.
project() {
  mkdir -p scripts data reports docs/scheduling bin
  cp "$SRC"/scripts/*.lua scripts/
  cp "$SRC"/data/*.csv data/
  sqlite3 -bail data/waic2025.db <"$SRC/data/waic2025.sql" ||
    fail "cannot build data/waic2025.db from data/waic2025.sql"
  # sumi on the PATH, as `cmake --install` puts it; sbatch passes the
  # submitting environment (PATH too) to every task.
  ln -sf "$SUMI" bin/sumi
  export PATH="$PWD/bin:$PATH"
}

# sha256 of every file under DIR, by path relative to DIR, sorted.
digests() {
  (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
}

# submit SCRIPT [ARGS]...: sbatch --wait, failing with the tasks' logs.
submit() {
  timeout 110 sbatch --wait --quiet "$@" >sbatch.out 2>&1
  local code=$?
  if [ $code -ne 0 ]; then
    fail "sbatch $* exited $code: $(cat sbatch.out); task logs: $(tail -n 20 logs/* reports/slurm-*.log 2>/dev/null)"
  fi
}

# ---------------------------------------------------------------- cases

# Four array tasks each render the flagship for one date into a shared
# folder; the files equal those of the same renders on this machine.
case_array_tasks_render_like_one_machine() {
  project
  mkdir -p logs
  cat >render.sbatch <<'SH'
#!/bin/bash
#SBATCH --output=logs/render-%A_%a.log
set -eu
dates=(2025-07-26 2025-08-01 2025-09-01 2025-10-01)
d=${dates[$SLURM_ARRAY_TASK_ID]}
exec sumi render scripts/china_ai_briefing.lua -p date="$d" -o "reports/briefings/briefing-$d.pdf"
SH
  export SOURCE_DATE_EPOCH=1753747200
  submit --array=0-3 render.sbatch
  for d in 2025-07-26 2025-08-01 2025-09-01 2025-10-01; do
    run sumi render scripts/china_ai_briefing.lua -p date="$d" -o "local/briefing-$d.pdf"
    expect_code 0
  done
  [ "$(find reports/briefings -type f | wc -l)" -eq 4 ] ||
    fail "expected 4 files from the array, got: $(find reports/briefings -type f)"
  digests reports/briefings >cluster.sha256
  digests local >local.sha256
  diff local.sha256 cluster.sha256 >/dev/null ||
    fail "the array's files differ from one machine's: $(diff local.sha256 cluster.sha256)"
  grep -q "2025年10月1日" <(pdftotext reports/briefings/briefing-2025-10-01.pdf -) ||
    fail "task 3 did not render its own date"
}

# docs/scheduling/briefings.sbatch as docs/scheduling.md submits it: four
# shards of the flagship manifest into one shared folder, each task with its
# own report, then --merge-reports. The union of the shards' PDFs must be
# the PDFs of one `sumi batch -j2` on one machine, byte for byte, and every
# job must be in the merged report exactly once.
case_sharded_batch_equals_single_machine() {
  project
  cp "$SRC/docs/scheduling/briefings.sbatch" docs/scheduling/
  export SOURCE_DATE_EPOCH=1753747200
  submit --array=0-3 docs/scheduling/briefings.sbatch
  local reports
  reports=$(find reports/batch -name 'briefings-*.jsonl' | sort)
  [ "$(echo "$reports" | wc -l)" -eq 4 ] || fail "expected 4 shard reports, got: $reports"
  # shellcheck disable=SC2086
  run sumi batch --merge-reports reports/batch/briefings.jsonl $reports
  expect_code 0
  mv reports/briefings cluster
  mkdir -p logs
  run sumi batch scripts/briefings.manifest.lua -j 2 --report single.jsonl
  expect_code 0
  # Lock files hold the PID of their last user: only the PDFs are outputs.
  (cd cluster && sha256sum -- *.pdf) >cluster.sha256
  (cd reports/briefings && sha256sum -- *.pdf) >single.sha256
  [ "$(wc -l <single.sha256)" -eq 8 ] || fail "the single run wrote $(wc -l <single.sha256) PDFs, not 8"
  diff single.sha256 cluster.sha256 >diff.txt ||
    fail "the shards' PDFs differ from one machine's: $(cat diff.txt)"
  # Every job once in the merged report, ok, with the sha256 of its file.
  jq -r '.name' reports/batch/briefings.jsonl | sort >merged-names.txt
  jq -r '.name' single.jsonl | sort >single-names.txt
  [ -z "$(uniq -d merged-names.txt)" ] || fail "jobs twice in the merged report: $(uniq -d merged-names.txt)"
  diff single-names.txt merged-names.txt >diff.txt ||
    fail "the merged report's jobs are not the manifest's: $(cat diff.txt)"
  [ "$(jq -r 'select(.status != "ok") | .name' reports/batch/briefings.jsonl)" = "" ] ||
    fail "jobs not ok in the merged report"
  jq -r '"\(.output_sha256)  \(.output | sub("reports/briefings/"; ""))"' \
    reports/batch/briefings.jsonl | sort -k 2 >reported.sha256
  diff <(sort -k 2 cluster.sha256) reported.sha256 >diff.txt ||
    fail "the merged report's sha256 are not the files': $(cat diff.txt)"
  # Each task really ran a shard of its own: no task ran every job.
  local r
  for r in $reports; do
    [ "$(wc -l <"$r")" -lt 8 ] || fail "$r holds every job: the task did not take its shard"
  done
}

# What docs/scheduling.md says to alert on, on the cluster: a failing job
# makes its task and `sbatch --wait` fail, the other tasks' and jobs' files
# are still written, and the merged report names the failed jobs (exit 1).
case_failed_job_fails_sbatch_wait_and_the_merge() {
  project
  cp "$SRC/docs/scheduling/briefings.sbatch" docs/scheduling/
  sed -i 's|recipient = "大阪支社 法人営業部"|recipient = ""|' scripts/briefings.manifest.lua
  export SOURCE_DATE_EPOCH=1753747200
  timeout 110 sbatch --wait --quiet --array=0-3 docs/scheduling/briefings.sbatch >sbatch.out 2>&1
  CODE=$?
  [ "$CODE" -ne 124 ] || fail "sbatch timed out"
  [ "$CODE" -ne 0 ] || fail "sbatch --wait exited 0 with a failed job"
  [ "$(find reports/batch -name 'briefings-*.jsonl' | wc -l)" -eq 4 ] ||
    fail "a task with a failed job wrote no report: $(ls reports/batch)"
  run sumi batch --merge-reports reports/batch/briefings.jsonl reports/batch/briefings-*.jsonl
  expect_code 1
  [ "$(jq -r 'select(.status == "failed") | .name' reports/batch/briefings.jsonl | sort | tr '\n' ' ')" = \
    "osaka-2025-07-31 osaka-2025-08-29 " ] || fail "not the osaka jobs failed: $(cat reports/batch/briefings.jsonl)"
  [ "$(find reports/briefings -name '*.pdf' | wc -l)" -eq 6 ] ||
    fail "the 6 good jobs' files are not all there: $(ls reports/briefings)"
}

case_main
