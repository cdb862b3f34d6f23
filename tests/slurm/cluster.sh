#!/bin/bash
# A throwaway single-node Slurm cluster on the loopback interface, for tests.
#
#   cluster.sh start DIR   munged, slurmctld and slurmd with their key,
#                          configuration, state, spool and logs under DIR
#                          (created, must not exist yet); returns when sinfo
#                          shows the node idle. DIR/env holds the variables a
#                          client needs (source it: SLURM_CONF, ...).
#   cluster.sh stop DIR    cancels the cluster's jobs, stops every process
#                          the cluster started, and leaves DIR for the logs.
#
# Runs as root on Debian 12 with the slurmctld, slurmd, slurm-client and
# munge packages, without systemd and without cgroups: the daemons run in the
# foreground as children of this script's background jobs, with
# proctrack/linuxproc, task/none and jobacct_gather/none, so nothing depends
# on the machine's init system or cgroup mounts. The machine's own
# /etc/slurm and /etc/munge are never read: a test must not depend on, or
# disturb, a cluster that is configured there.
set -u

die() {
  echo "cluster.sh: $*" >&2
  exit 1
}

# A TCP port nobody listens on, from a range that Linux does not hand out as
# ephemeral ports (32768-60999), so a client socket cannot take it meanwhile.
free_port() {
  local p tries=0
  while [ $tries -lt 200 ]; do
    p=$((20000 + RANDOM % 12000))
    tries=$((tries + 1))
    [ "$p" = "${1:-}" ] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

# Every process of this cluster carries SUMI_SLURM_CLUSTER=DIR in its
# environment (the daemons get it from us, slurmstepd and the jobs from
# slurmd), so stop finds them all, and only them, through /proc.
cluster_pids() {
  local f pid
  for f in $(grep -lzxF "SUMI_SLURM_CLUSTER=$1" /proc/[0-9]*/environ 2>/dev/null); do
    pid=${f#/proc/}
    pid=${pid%/environ}
    [ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ] || echo "$pid"
  done
}

stop_cluster() {
  local dir="$1" pids i
  [ -d "$dir" ] || return 0
  if [ -e "$dir/env" ]; then
    # shellcheck disable=SC1091
    (. "$dir/env" && scancel --full --quiet --user="$(id -un)" 2>/dev/null) || true
  fi
  pids=$(cluster_pids "$dir")
  [ -n "$pids" ] || return 0
  kill -TERM $pids 2>/dev/null
  for i in $(seq 1 50); do
    pids=$(cluster_pids "$dir")
    [ -n "$pids" ] || return 0
    sleep 0.1
  done
  kill -KILL $pids 2>/dev/null
  sleep 0.2
  return 0
}

start_cluster() {
  local dir="$1"
  [ "$(id -u)" -eq 0 ] || die "must run as root (slurmd starts jobs as their user)"
  local prog
  for prog in munged mungekey slurmctld slurmd sinfo sbatch scancel; do
    command -v "$prog" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v "$prog" >/dev/null 2>&1 ||
      die "$prog not found: install the packages slurmctld, slurmd, slurm-client and munge"
  done
  export PATH="$PATH:/usr/sbin:/sbin"
  [ ! -e "$dir" ] || die "$dir exists already"
  mkdir -p "$dir" || die "cannot create $dir"
  dir=$(cd "$dir" && pwd)
  chmod 0700 "$dir"
  # Whatever fails from here on, nothing of the cluster is left running.
  trap 'stop_cluster "$dir"' EXIT
  export SUMI_SLURM_CLUSTER="$dir"
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log" "$dir/run"
  chmod 0700 "$dir/munge"

  # munge: its own key and socket, so the machine's munged (if any) is not used.
  mungekey --create --keyfile="$dir/munge/munge.key" >/dev/null 2>&1 ||
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 2>/dev/null ||
    die "cannot create a munge key"
  chmod 0600 "$dir/munge/munge.key"
  local socket="$dir/munge/munge.socket"
  munged --foreground --force --socket="$socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" \
    --seed-file="$dir/munge/munged.seed" </dev/null >"$dir/log/munged.out" 2>&1 &
  local i
  for i in $(seq 1 100); do
    [ -S "$socket" ] && break
    sleep 0.1
  done
  [ -S "$socket" ] || die "munged did not start: $(tail -n 5 "$dir/log/munged.log" "$dir/log/munged.out" 2>/dev/null)"

  local host ctld_port slurmd_port cpus
  host=$(hostname -s)
  ctld_port=$(free_port) || die "no free TCP port for slurmctld"
  slurmd_port=$(free_port "$ctld_port") || die "no free TCP port for slurmd"
  cpus=$(nproc)
  cat >"$dir/slurm.conf" <<EOF
# Written by tests/slurm/cluster.sh: one node, everything on 127.0.0.1.
ClusterName=sumitest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmdParameters=config_overrides
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=300
NodeName=sumi-node NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=sumi-node Default=YES MaxTime=INFINITE State=UP
EOF
  cat >"$dir/env" <<EOF
export SLURM_CONF='$dir/slurm.conf'
export SUMI_SLURM_CLUSTER='$dir'
export PATH="\$PATH:/usr/sbin:/sbin"
EOF
  export SLURM_CONF="$dir/slurm.conf"

  slurmctld -D -i -f "$SLURM_CONF" </dev/null >"$dir/log/slurmctld.out" 2>&1 &
  slurmd -D -N sumi-node -f "$SLURM_CONF" </dev/null >"$dir/log/slurmd.out" 2>&1 &

  # The node reports in within seconds; 60 s covers a loaded machine.
  local state=""
  for i in $(seq 1 120); do
    state=$(sinfo --noheader --nodes=sumi-node --format=%t 2>/dev/null | head -n 1)
    case "$state" in
      idle) break ;;
    esac
    if [ -z "$(cluster_pids "$dir")" ]; then
      break
    fi
    sleep 0.5
  done
  if [ "$state" != idle ]; then
    echo "cluster.sh: the node did not become idle (state '${state:-none}'); logs:" >&2
    tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmctld.out" \
      "$dir/log/slurmd.log" "$dir/log/slurmd.out" >&2 2>/dev/null
    exit 1
  fi
  trap - EXIT
  echo "cluster.sh: node sumi-node idle ($cpus CPUs); source $dir/env to use it"
}

case "${1:-}" in
  start)
    [ $# -eq 2 ] || die "usage: cluster.sh start|stop DIR"
    start_cluster "$2"
    ;;
  stop)
    [ $# -eq 2 ] || die "usage: cluster.sh start|stop DIR"
    stop_cluster "$(cd "$2" 2>/dev/null && pwd || echo "$2")"
    ;;
  *) die "usage: cluster.sh start|stop DIR" ;;
esac
