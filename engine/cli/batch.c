/* `sumi batch MANIFEST`: reads the manifest, picks this process's shard and
 * the jobs --only selects, and hands them to batch_jobs.c; and
 * `sumi batch --merge-reports` (batch_report.c). */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_internal.h"

#define EXIT_USAGE 2

static const char batch_usage[] =
    "usage: sumi batch MANIFEST [-j N] [--shard K/N | --shards N] [--keep-going]\n"
    "                  [--report FILE] [--dry-run] [--only PATTERN]...\n"
    "       sumi batch --merge-reports OUT REPORT...\n"
    "\n"
    "Runs every job of the manifest MANIFEST (a Lua file returning a table; see\n"
    "docs/batch.md), each in its own process with the limits of sumi render.\n"
    "Each output is published atomically, guarded while its job runs by a hidden\n"
    "lock file beside it (.NAME.lock, removed when the job ends).\n"
    "\n"
    "  -j, --jobs N         run N jobs at once (default: 1)\n"
    "      --shard K/N      run only the jobs of shard K of N (K from 0 to N-1):\n"
    "                       a job's shard comes from a hash of its name\n"
    "      --shards N       the shard count when the shard index comes from\n"
    "                       SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX\n"
    "      --keep-going     after a job failed, start the remaining jobs anyway\n"
    "                       (default: start no new jobs, finish the running ones)\n"
    "      --report FILE    write a JSON-lines report, one object per job;\n"
    "                       {shard} in FILE is replaced by the shard index\n"
    "      --dry-run        list the jobs and their outputs; run nothing\n"
    "      --only PATTERN   only the jobs whose name matches the shell pattern\n"
    "                       (repeatable)\n"
    "      --merge-reports OUT REPORT...  join the reports of shards into OUT\n"
    "  -h, --help           show this help\n"
    "\n"
    "Limits and files, for each job (as in sumi render):\n"
    "      --max-memory MIB, --timeout SECONDS, --max-input-size MIB,\n"
    "      --allow-read DIR, --allow-write DIR, --trusted\n"
    "\n"
    "Exit codes: 0 every job succeeded, 1 a job failed (after the others ended),\n"
    "2 bad command line or manifest (nothing ran).\n";

static int usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, "sumi: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%.*s", (int)strcspn(batch_usage, "\n") + 1, batch_usage);
    fprintf(stderr, "Try 'sumi batch --help' for more information.\n");
    return EXIT_USAGE;
}

/* ---- options ---- */

/* "K/N" with 0 <= K < N. */
static int parse_shard(const char *s, int *k, int *n) {
    const char *slash = strchr(s, '/');
    if (slash == NULL || slash == s)
        return 0;
    char kbuf[24];
    if ((size_t)(slash - s) >= sizeof kbuf)
        return 0;
    memcpy(kbuf, s, (size_t)(slash - s));
    kbuf[slash - s] = '\0';
    long kv, nv;
    if (!sumi_parse_long(kbuf, 0, 1000000, &kv) || !sumi_parse_long(slash + 1, 1, 1000000, &nv) ||
        kv >= nv)
        return 0;
    *k = (int)kv;
    *n = (int)nv;
    return 1;
}

/* Returns -1 to go on, else the exit code. */
static int parse_options(int argc, char **argv, struct batch_options *o) {
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        long n;
        int takes_value = 1;
        char err[256];
        int sandboxed = sumi_sandbox_option(&o->sandbox, a, v, err, sizeof err);
        if (sandboxed < 0)
            return usage_error("%s", err);
        if (sandboxed > 0) {
            i += sandboxed - 1; /* 2: the value was taken too */
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(batch_usage, stdout);
            return 0;
        } else if (strcmp(a, "--keep-going") == 0) {
            o->keep_going = 1;
            takes_value = 0;
        } else if (strcmp(a, "--dry-run") == 0) {
            o->dry_run = 1;
            takes_value = 0;
        } else if (strncmp(a, "-j", 2) == 0 && a[2] != '\0') {
            if (!sumi_parse_long(a + 2, 1, 1024, &n))
                return usage_error("bad job count '%s' (a number from 1 to 1024 expected)", a + 2);
            o->jobs = (int)n;
            takes_value = 0;
        } else if (a[0] != '-' || a[1] == '\0') {
            if (o->manifest != NULL)
                return usage_error("unexpected argument '%s' (one manifest per run)", a);
            o->manifest = a;
            takes_value = 0;
        }
        if (!takes_value)
            continue;
        if (v == NULL &&
            (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0 || strcmp(a, "--shard") == 0 ||
             strcmp(a, "--shards") == 0 || strcmp(a, "--report") == 0 || strcmp(a, "--only") == 0))
            return usage_error("option '%s' needs a value", a);
        if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) {
            if (!sumi_parse_long(v, 1, 1024, &n))
                return usage_error("bad job count '%s' (a number from 1 to 1024 expected)", v);
            o->jobs = (int)n;
        } else if (strcmp(a, "--shard") == 0) {
            if (o->shard_given != NULL || !parse_shard(v, &o->shard, &o->shards))
                return usage_error("bad or repeated --shard '%s' (K/N with K from 0 to N-1, once)",
                                   v);
            o->shard_given = v;
        } else if (strcmp(a, "--shards") == 0) {
            if (o->shards_given != 0 || !sumi_parse_long(v, 1, 1000000, &o->shards_given))
                return usage_error("bad or repeated --shards '%s' (a count from 1 on, once)", v);
        } else if (strcmp(a, "--report") == 0) {
            if (o->report != NULL || v[0] == '\0')
                return usage_error("bad or repeated --report '%s' (one file)", v);
            o->report = v;
        } else if (strcmp(a, "--only") == 0) {
            o->only[o->only_count++] = v;
        } else if (strcmp(a, "--merge-reports") == 0) {
            return usage_error("%s", "--merge-reports comes first: sumi batch --merge-reports "
                                     "OUT REPORT...");
        } else {
            return usage_error("unknown option '%s'", a);
        }
        i++;
    }
    if (o->manifest == NULL)
        return usage_error("%s", "no manifest given");
    return -1;
}

/* The shard this process runs: --shard, else a Slurm array task, else a
 * Kubernetes indexed job with --shards. Returns -1 to go on, or 2. */
static int choose_shard(struct batch_options *o) {
    if (o->shard_given != NULL) {
        if (o->shards_given != 0)
            return usage_error("%s", "give --shard K/N or --shards N, not both");
        return -1;
    }
    const char *slurm = getenv("SLURM_ARRAY_TASK_ID");
    const char *k8s = getenv("JOB_COMPLETION_INDEX");
    long index, count, min = 0;
    if (slurm != NULL && slurm[0] != '\0') {
        const char *min_text = getenv("SLURM_ARRAY_TASK_MIN");
        const char *count_text = getenv("SLURM_ARRAY_TASK_COUNT");
        if (!sumi_parse_long(slurm, 0, 1L << 30, &index) ||
            (min_text != NULL && !sumi_parse_long(min_text, 0, 1L << 30, &min)) || index < min)
            return usage_error("bad SLURM_ARRAY_TASK_ID or SLURM_ARRAY_TASK_MIN ('%s')", slurm);
        if (o->shards_given != 0)
            count = o->shards_given;
        else if (count_text == NULL || !sumi_parse_long(count_text, 1, 1000000, &count))
            return usage_error("%s", "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is "
                                     "not (give the count with --shards N)");
        index -= min; /* --array=1-4 runs tasks 1..4 as shards 0..3 */
    } else if (k8s != NULL && k8s[0] != '\0') {
        if (!sumi_parse_long(k8s, 0, 1L << 30, &index))
            return usage_error("bad JOB_COMPLETION_INDEX '%s'", k8s);
        if (o->shards_given == 0)
            return usage_error("%s", "JOB_COMPLETION_INDEX is set: give the completion count "
                                     "with --shards N");
        count = o->shards_given;
    } else {
        if (o->shards_given != 0)
            return usage_error("%s", "--shards N takes the shard index from SLURM_ARRAY_TASK_ID "
                                     "or JOB_COMPLETION_INDEX, and neither is set");
        return -1;
    }
    if (index >= count) {
        char text[64];
        snprintf(text, sizeof text, "%ld of %ld", index, count);
        return usage_error("shard index %s is out of range (0 to the count - 1)", text);
    }
    o->shard = (int)index;
    o->shards = (int)count;
    return -1;
}

/* The shard of a job: FNV-1a (64 bits) of its name, through MurmurHash3's
 * fmix64 finaliser, modulo the shard count. Fixed, so a job's shard depends
 * on its name alone, on every machine and in every version. The finaliser
 * matters: FNV's prime is 1 modulo 3, so FNV-1a alone modulo 3 hardly mixes
 * names that differ in a digit or two. */
static uint64_t shard_hash(const char *s) {
    uint64_t h = 14695981039346656037ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* The report path with {shard} replaced. */
static char *report_path(const struct batch_options *o) {
    char shard[24];
    if (o->shards > 0)
        snprintf(shard, sizeof shard, "%d", o->shard);
    else
        snprintf(shard, sizeof shard, "all");
    size_t len = strlen(o->report) + 1;
    for (const char *p = strstr(o->report, "{shard}"); p; p = strstr(p + 7, "{shard}"))
        len += strlen(shard);
    char *out = malloc(len);
    if (out == NULL)
        return NULL;
    out[0] = '\0';
    const char *p = o->report, *q;
    while ((q = strstr(p, "{shard}")) != NULL) {
        strncat(out, p, (size_t)(q - p));
        strcat(out, shard);
        p = q + 7;
    }
    strcat(out, p);
    return out;
}

/* Whether --only lets the job through (every job without --only). */
static int only_matches(const struct batch_options *o, const char *name) {
    if (o->only_count == 0)
        return 1;
    for (int i = 0; i < o->only_count; i++)
        if (fnmatch(o->only[i], name, 0) == 0)
            return 1;
    return 0;
}

static int selected(const struct batch_options *o, const struct sumi_batch_job *job) {
    if (!only_matches(o, job->name))
        return 0;
    return o->shards == 0 || shard_hash(job->name) % (uint64_t)o->shards == (uint64_t)o->shard;
}

static int dry_run(struct batch *b) {
    for (int i = 0; i < b->count; i++) {
        const struct sumi_batch_job *job = b->runs[i].r.job;
        printf("%s\t%s\t%s", job->name, job->output, job->script);
        for (int k = 0; k < job->param_count; k++)
            printf("\t%s", job->params[k]);
        putchar('\n');
    }
    if (b->o->shards > 0)
        fprintf(stderr, "sumi batch: %d of %d jobs in shard %d/%d (date %s)\n", b->count,
                b->m.count, b->o->shard, b->o->shards, b->m.date);
    else
        fprintf(stderr, "sumi batch: %d jobs (date %s)\n", b->count, b->m.date);
    return 0;
}

static int batch_run(struct batch_options *o) {
    struct batch b = {.o = o};
    int status = sumi_manifest_load(o->manifest, &b.m);
    if (status != 0) {
        sumi_manifest_free(&b.m); /* what was read before the error */
        return status;
    }
    status = choose_shard(o);
    b.runs = calloc((size_t)b.m.count + 1, sizeof *b.runs);
    if (status < 0 && b.runs == NULL)
        status = 1;
    int matched = 0;
    for (int i = 0; status < 0 && i < b.m.count; i++) {
        struct sumi_batch_job *job = &b.m.jobs[i];
        matched += only_matches(o, job->name);
        if (!selected(o, job))
            continue;
        struct run *run = &b.runs[b.count++];
        run->r.job = job;
        run->r.status = SUMI_JOB_NOT_RUN;
        run->r.exit_code = -1;
        run->r.peak_kib = -1;
        run->lock_fd = -1;
        run->fd[0] = run->fd[1] = run->fd[2] = -1;
    }
    if (status < 0 && o->only_count > 0 && matched == 0)
        status = usage_error("no job of the manifest matches --only '%s'", o->only[0]);
    struct sumi_output report = {0};
    char *path = NULL;
    if (status < 0 && o->dry_run)
        status = dry_run(&b);
    if (status < 0 && o->report != NULL) {
        char err[512];
        path = report_path(o);
        if (path == NULL || sumi_output_open(&report, path, err, sizeof err) != 0) {
            fprintf(stderr, "sumi: cannot write the report: %s\n", path ? err : "out of memory");
            status = EXIT_USAGE;
        }
    }
    if (status < 0)
        status = sumi_batch_run_all(&b, &report);
    for (int i = 0; i < b.count; i++) {
        free(b.runs[i].r.error);
        free(b.runs[i].out.data);
        free(b.runs[i].err.data);
    }
    free(path);
    free(b.runs);
    sumi_manifest_free(&b.m);
    return status;
}

int sumi_batch_main(int argc, char **argv) {
    if (argc >= 1 && strcmp(argv[0], "--merge-reports") == 0) {
        if (argc < 3)
            return usage_error("%s", "--merge-reports needs OUT and at least one REPORT");
        return sumi_batch_merge_reports(argv[1], argv + 2, argc - 2);
    }
    struct batch_options o = {.jobs = 1};
    o.only = calloc((size_t)argc + 1, sizeof *o.only);
    int status = 1;
    if (sumi_sandbox_init(&o.sandbox, argc) && o.only != NULL) {
        status = parse_options(argc, argv, &o);
        if (status < 0)
            status = batch_run(&o);
    }
    free(o.only);
    sumi_sandbox_free(&o.sandbox);
    return status;
}
