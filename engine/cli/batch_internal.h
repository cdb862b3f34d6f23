/* What `sumi batch` (batch.c: the command line, the manifest, shards) and
 * its runner (batch_jobs.c: processes, locks, progress) share. */
#ifndef SUMI_BATCH_INTERNAL_H
#define SUMI_BATCH_INTERNAL_H

#include <lua.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "batch.h"
#include "manifest.h"
#include "output.h"

#include "cli.h"

struct sumi_temp_list;

struct batch_options {
    const char *manifest, *report;
    const char **only;
    int only_count;
    int jobs, keep_going, dry_run;
    int shard, shards;                /* shards 0: every job */
    const char *shard_given;          /* --shard as given, or NULL */
    long shards_given;                /* --shards, or 0 */
    struct sumi_sandbox_args sandbox; /* limits and file rules, as in sumi render */
};

enum job_state { PENDING, RUNNING, DONE };

struct capture {
    char *data;
    size_t len;
};

/* A job in this run. The parent owns the lock, the pipes and the list of
 * temporary files the child announced; all are released when it ends. */
struct run {
    struct sumi_job_result r;
    enum job_state state;
    pid_t pid;
    int lock_fd;
    int fd[3]; /* the child's notify pipe, stdout, stderr; -1 once closed */
    struct sumi_temp_list *temps;
    struct capture out, err;
    double start, deadline; /* deadline 0: none */
    int extended, timed_out, stopped;
    struct stat before; /* the output before the run, to see it replaced */
    int existed;
};

struct batch {
    struct batch_options *o;
    struct sumi_manifest m;
    struct run *runs;
    int count; /* runs selected */
    lua_State *preloaded;
    int tty;
    int running, done, failed;
    double started, job_seconds;
    double stopping_since; /* when a stop signal came; 0 before */
};

/* Runs the jobs in b->runs, b->o->jobs at a time, and writes the report to
 * report when report->file is open. Returns 0 when every job succeeded,
 * else 1. */
int sumi_batch_run_all(struct batch *b, struct sumi_output *report);

#endif
