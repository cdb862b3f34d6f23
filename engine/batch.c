/* `sumi batch MANIFEST`: runs the jobs of a manifest, each in a forked
 * process of its own, N at a time. The parent loads the fonts and compiles
 * the Lua library once; every job starts from a copy of that state, with the
 * limits and file rules of `sumi render`. A job's crash, os.exit or limit
 * ends its own process only.
 *
 * Each output is guarded by a lock file beside it ("<output>.lock", flock,
 * holding the PID), taken by the parent before the job starts and kept
 * until it ended: an overlapping run of the same manifest finds the lock and
 * fails that job instead of writing. The lock holder may remove temporary
 * files that a killed run left beside the output. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "fonts.h"
#include "output.h"
#include "runlimits.h"
#include "runtime.h"

#define EXIT_USAGE 2
/* A job's captured stderr and stdout: enough for any error and traceback;
 * a script printing megabytes keeps only its start. */
#define CAPTURE_MAX (64 * 1024)

static const char batch_usage[] =
    "usage: sumi batch MANIFEST [-j N] [--shard K/N | --shards N] [--keep-going]\n"
    "                  [--report FILE] [--dry-run] [--only PATTERN]...\n"
    "       sumi batch --merge-reports OUT REPORT...\n"
    "\n"
    "Runs every job of the manifest MANIFEST (a Lua file returning a table; see\n"
    "docs/batch.md), each in its own process with the limits of sumi render.\n"
    "Each output is published atomically and guarded by a lock file beside it.\n"
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

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- options ---- */

struct batch_options {
    const char *manifest, *report;
    const char **only;
    int only_count;
    int jobs, keep_going, dry_run;
    int shard, shards;       /* shards 0: every job */
    const char *shard_given; /* --shard as given, or NULL */
    long shards_given;       /* --shards, or 0 */
    /* as in sumi render; -1: not given */
    long max_memory, timeout, max_input;
    const char **allow_read, **allow_write;
    int nread, nwrite, trusted;
};

static int parse_long(const char *s, long min, long max, long *out) {
    char *end;
    if (*s < '0' || *s > '9')
        return 0;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || errno != 0 || v < min || v > max)
        return 0;
    *out = v;
    return 1;
}

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
    if (!parse_long(kbuf, 0, 1000000, &kv) || !parse_long(slash + 1, 1, 1000000, &nv) || kv >= nv)
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
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(batch_usage, stdout);
            return 0;
        } else if (strcmp(a, "--keep-going") == 0) {
            o->keep_going = 1;
            takes_value = 0;
        } else if (strcmp(a, "--dry-run") == 0) {
            o->dry_run = 1;
            takes_value = 0;
        } else if (strcmp(a, "--trusted") == 0) {
            o->trusted = 1;
            takes_value = 0;
        } else if (strncmp(a, "-j", 2) == 0 && a[2] != '\0') {
            if (!parse_long(a + 2, 1, 1024, &n))
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
             strcmp(a, "--shards") == 0 || strcmp(a, "--report") == 0 || strcmp(a, "--only") == 0 ||
             strcmp(a, "--max-memory") == 0 || strcmp(a, "--timeout") == 0 ||
             strcmp(a, "--max-input-size") == 0 || strcmp(a, "--allow-read") == 0 ||
             strcmp(a, "--allow-write") == 0))
            return usage_error("option '%s' needs a value", a);
        if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) {
            if (!parse_long(v, 1, 1024, &n))
                return usage_error("bad job count '%s' (a number from 1 to 1024 expected)", v);
            o->jobs = (int)n;
        } else if (strcmp(a, "--shard") == 0) {
            if (o->shard_given != NULL || !parse_shard(v, &o->shard, &o->shards))
                return usage_error("bad or repeated --shard '%s' (K/N with K from 0 to N-1, once)",
                                   v);
            o->shard_given = v;
        } else if (strcmp(a, "--shards") == 0) {
            if (o->shards_given != 0 || !parse_long(v, 1, 1000000, &o->shards_given))
                return usage_error("bad or repeated --shards '%s' (a count from 1 on, once)", v);
        } else if (strcmp(a, "--report") == 0) {
            if (o->report != NULL || v[0] == '\0')
                return usage_error("bad or repeated --report '%s' (one file)", v);
            o->report = v;
        } else if (strcmp(a, "--only") == 0) {
            o->only[o->only_count++] = v;
        } else if (strcmp(a, "--max-memory") == 0) {
            if (o->max_memory >= 0 || !parse_long(v, 16, 1L << 20, &o->max_memory))
                return usage_error("bad or repeated --max-memory '%s' (MiB from 16 to 1048576 "
                                   "expected, once)",
                                   v);
        } else if (strcmp(a, "--timeout") == 0) {
            if (o->timeout >= 0 || !parse_long(v, 1, 7L * 24 * 3600, &o->timeout))
                return usage_error(
                    "bad or repeated --timeout '%s' (seconds from 1 to 604800 expected, once)", v);
        } else if (strcmp(a, "--max-input-size") == 0) {
            if (o->max_input >= 0 || !parse_long(v, 1, 1L << 20, &o->max_input))
                return usage_error("bad or repeated --max-input-size '%s' (MiB from 1 to 1048576 "
                                   "expected, once)",
                                   v);
        } else if (strcmp(a, "--allow-read") == 0 || strcmp(a, "--allow-write") == 0) {
            if (v[0] == '\0')
                return usage_error("%s", "empty folder given to --allow-read or --allow-write");
            if (a[8] == 'r')
                o->allow_read[o->nread++] = v;
            else
                o->allow_write[o->nwrite++] = v;
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
        if (!parse_long(slurm, 0, 1L << 30, &index) ||
            (min_text != NULL && !parse_long(min_text, 0, 1L << 30, &min)) || index < min)
            return usage_error("bad SLURM_ARRAY_TASK_ID or SLURM_ARRAY_TASK_MIN ('%s')", slurm);
        if (o->shards_given != 0)
            count = o->shards_given;
        else if (count_text == NULL || !parse_long(count_text, 1, 1000000, &count))
            return usage_error("%s", "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is "
                                     "not (give the count with --shards N)");
        index -= min; /* --array=1-4 runs tasks 1..4 as shards 0..3 */
    } else if (k8s != NULL && k8s[0] != '\0') {
        if (!parse_long(k8s, 0, 1L << 30, &index))
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

/* ---- one job ---- */

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
};

static volatile sig_atomic_t stop_signal;

static void on_stop(int sig) { stop_signal = sig; }

static void capture_add(struct capture *c, const char *buf, size_t n) {
    if (c->len >= CAPTURE_MAX)
        return;
    if (n > CAPTURE_MAX - c->len)
        n = CAPTURE_MAX - c->len;
    char *p = realloc(c->data, c->len + n + 1);
    if (p == NULL)
        return;
    memcpy(p + c->len, buf, n);
    c->len += n;
    p[c->len] = '\0';
    c->data = p;
}

static int make_parents(const char *path) {
    char *copy = strdup(path);
    if (copy == NULL)
        return -1;
    for (char *p = copy + 1; *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            free(copy);
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

static void set_error(struct run *run, const char *fmt, const char *arg) {
    char buf[4200];
    snprintf(buf, sizeof buf, fmt, arg);
    free(run->r.error);
    run->r.error = strdup(buf);
}

/* Removes what output.c leaves beside a destination when its process is
 * killed: ".<name>.XXXXXX". Only the lock holder may, as nobody else is
 * writing that output. */
static void remove_stale_temporaries(const char *output) {
    const char *slash = strrchr(output, '/');
    const char *base = slash ? slash + 1 : output;
    char *folder = slash ? strndup(output, (size_t)(slash - output + (slash == output))) : NULL;
    DIR *d = opendir(folder != NULL ? folder : ".");
    size_t blen = strlen(base);
    if (d != NULL) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            const char *n = e->d_name;
            if (n[0] == '.' && strlen(n) == blen + 8 && strncmp(n + 1, base, blen) == 0 &&
                n[blen + 1] == '.') {
                char path[4096];
                snprintf(path, sizeof path, "%s/%s", folder != NULL ? folder : ".", n);
                unlink(path);
            }
        }
        closedir(d);
    }
    free(folder);
}

/* Takes "<output>.lock": 0, or -1 with the job marked locked or failed. */
static int take_lock(struct run *run) {
    const char *output = run->r.job->output;
    char path[4096];
    snprintf(path, sizeof path, "%s.lock", output);
    if (make_parents(path) != 0) {
        set_error(run, "cannot create the folder of '%s'", output);
        return -1;
    }
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        set_error(run, "cannot open the lock file '%s'", path);
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char pid[32] = "";
        ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
        pid[n > 0 ? n : 0] = '\0';
        pid[strcspn(pid, "\n")] = '\0';
        close(fd);
        set_error(run, "%s: locked by PID ", output);
        char *msg = run->r.error ? malloc(strlen(run->r.error) + strlen(pid) + 40) : NULL;
        if (msg != NULL) {
            sprintf(msg, "%s%s (another run is writing it)", run->r.error, pid[0] ? pid : "?");
            free(run->r.error);
            run->r.error = msg;
        }
        run->r.status = SUMI_JOB_LOCKED;
        return -1;
    }
    char pid[32];
    int len = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)len, 0) != len) {
        /* The lock holds without the PID; only the message loses it. */
    }
    run->lock_fd = fd;
    remove_stale_temporaries(output);
    return 0;
}

static void close_fd(int *fd) {
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* In the forked child: becomes the job, never returns. */
static void run_child(struct batch *b, struct run *run, int pipes[3][2]) {
    pid_t parent = getppid();
    /* A job whose batch is killed (SIGKILL, out of memory) must not go on
     * writing under a lock nobody holds any more. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    for (int i = 0; i < b->count; i++) {
        struct run *other = &b->runs[i];
        if (other->state == RUNNING || other == run) {
            for (int k = 0; k < 3; k++)
                close_fd(&other->fd[k]);
            close_fd(&other->lock_fd);
        }
    }
    close(pipes[0][0]);
    close(pipes[1][0]);
    close(pipes[2][0]);
    dup2(pipes[1][1], STDOUT_FILENO);
    dup2(pipes[2][1], STDERR_FILENO);
    close(pipes[1][1]);
    close(pipes[2][1]);
    if (!b->m.epoch_is_env) {
        char epoch[32];
        snprintf(epoch, sizeof epoch, "%lld", b->m.epoch);
        setenv("SOURCE_DATE_EPOCH", epoch, 1);
    }
    struct batch_options *o = b->o;
    const struct sumi_job *job = run->r.job;
    struct sumi_run_options options = {
        .script_path = job->script,
        .output_path = job->output,
        .params = (const char *const *)job->params,
        .param_count = job->param_count,
        .max_memory_mib =
            o->max_memory >= 0 ? o->max_memory : (o->trusted ? 0 : SUMI_DEFAULT_MAX_MEMORY_MIB),
        .timeout = o->timeout >= 0 ? o->timeout : (o->trusted ? 0 : SUMI_DEFAULT_TIMEOUT_S),
        .max_input_mib =
            o->max_input >= 0 ? o->max_input : (o->trusted ? 0 : SUMI_DEFAULT_MAX_INPUT_MIB),
        .allow_read = o->allow_read,
        .allow_read_count = o->nread,
        .allow_write = o->allow_write,
        .allow_write_count = o->nwrite,
        .trusted = o->trusted,
    };
    if (options.timeout > 0)
        sumi_limits_child_setup(options.max_memory_mib, options.timeout);
    int code = sumi_run_in_state(b->preloaded, &options, pipes[0][1]);
    close(pipes[0][1]);
    fflush(stdout);
    fflush(stderr);
    sumi_fonts_shutdown();
    exit(code);
}

static void start_job(struct batch *b, struct run *run) {
    run->state = DONE;
    run->start = now();
    if (take_lock(run) != 0) {
        run->r.exit_code = 1;
        if (run->r.status != SUMI_JOB_LOCKED)
            run->r.status = SUMI_JOB_FAILED;
        return;
    }
    run->existed = stat(run->r.job->output, &run->before) == 0;
    int pipes[3][2];
    int made = 0;
    for (; made < 3; made++)
        if (pipe(pipes[made]) != 0)
            break;
    run->temps = sumi_temps_new();
    pid_t pid = -1;
    if (made == 3 && run->temps != NULL) {
        fflush(stdout);
        fflush(stderr);
        pid = fork();
    }
    if (pid == 0)
        run_child(b, run, pipes);
    for (int k = 0; k < made; k++)
        close(pipes[k][1]);
    if (pid < 0) {
        for (int k = 0; k < made; k++)
            close(pipes[k][0]);
        set_error(run, "cannot start the job's process: %s", strerror(errno));
        run->r.status = SUMI_JOB_FAILED;
        run->r.exit_code = 1;
        close_fd(&run->lock_fd);
        sumi_temps_free(run->temps, 0);
        run->temps = NULL;
        return;
    }
    for (int k = 0; k < 3; k++)
        run->fd[k] = pipes[k][0];
    run->pid = pid;
    run->state = RUNNING;
    long timeout =
        b->o->timeout >= 0 ? b->o->timeout : (b->o->trusted ? 0 : SUMI_DEFAULT_TIMEOUT_S);
    run->deadline = timeout > 0 ? run->start + (double)(timeout + sumi_limits_grace(timeout)) : 0;
    b->running++;
}

/* The job's first error line: its stderr without warnings. */
static void first_error_line(struct run *run) {
    if (run->r.error != NULL || run->err.data == NULL)
        return;
    const char *p = run->err.data;
    while (*p) {
        size_t len = strcspn(p, "\n");
        if (len > 0 && strncmp(p, "sumi: warning:", 14) != 0) {
            run->r.error = strndup(p, len);
            return;
        }
        p += len + (p[len] == '\n');
    }
}

static void print_captured(struct batch *b, struct run *run) {
    if (run->out.len > 0) {
        fwrite(run->out.data, 1, run->out.len, stdout);
        fflush(stdout);
    }
    if (run->err.len > 0 && (run->r.status != SUMI_JOB_OK || strstr(run->err.data, "warning"))) {
        const char *p = run->err.data;
        while (*p) {
            size_t len = strcspn(p, "\n");
            fprintf(stderr, "  %s| %.*s\n", run->r.job->name, (int)len, p);
            p += len + (p[len] == '\n');
        }
    }
    (void)b;
}

static void report_finished(struct batch *b, struct run *run) {
    const struct sumi_job *job = run->r.job;
    b->done++;
    if (run->r.status != SUMI_JOB_OK)
        b->failed++;
    if (b->tty)
        fputs("\r\033[K", stderr);
    if (!b->tty || run->r.status != SUMI_JOB_OK) {
        fprintf(stderr, "sumi batch: [%d/%d] %-7s %s  %.2f s  %s", b->done, b->count,
                sumi_job_status_name(run->r.status), job->name, run->r.seconds, job->output);
        if (run->r.error != NULL && run->r.status != SUMI_JOB_OK)
            fprintf(stderr, "  %s", run->r.error);
        fputc('\n', stderr);
    }
    print_captured(b, run);
}

static void finish_job(struct batch *b, struct run *run, int wstatus, const struct rusage *ru) {
    const struct sumi_job *job = run->r.job;
    run->state = DONE;
    b->running--;
    run->r.seconds = now() - run->start;
    b->job_seconds += run->r.seconds;
    run->r.peak_kib = ru->ru_maxrss;
    int code;
    run->r.status = SUMI_JOB_FAILED;
    /* Ctrl-C reaches the jobs too (one process group): a job that died of
     * it before the batch stopped it was stopped all the same. */
    if (stop_signal && WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == stop_signal)
        run->stopped = 1;
    if (run->stopped && !(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0)) {
        code = 1;
        run->r.status = SUMI_JOB_NOT_RUN;
        char sig[32];
        snprintf(sig, sizeof sig, "%d", (int)stop_signal);
        set_error(run, "stopped by signal %s before it finished", sig);
    } else if (run->timed_out) {
        char msg[256];
        snprintf(msg, sizeof msg,
                 "%.150s: time limit %ld s exceeded (stopped inside a long call); raise it with "
                 "--timeout",
                 job->script, b->o->timeout >= 0 ? b->o->timeout : (long)SUMI_DEFAULT_TIMEOUT_S);
        set_error(run, "%s", msg);
        code = 1;
    } else if (WIFSIGNALED(wstatus)) {
        int sig = WTERMSIG(wstatus);
        char msg[256];
        snprintf(msg, sizeof msg, "%.150s: the job's process ended with signal %d (%s)",
                 job->script, sig, strsignal(sig));
        set_error(run, "%s", msg);
        code = 1;
    } else {
        code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 1;
    }
    if (code == 0) {
        struct stat after;
        int replaced = stat(job->output, &after) == 0 &&
                       (!run->existed || after.st_ino != run->before.st_ino ||
                        after.st_dev != run->before.st_dev);
        if (!replaced) {
            set_error(run,
                      "the job succeeded but did not write '%s' (does its script write "
                      "to the path given with -o, a canvas or document saved to nil?)",
                      job->output);
            code = 1;
        } else {
            sumi_batch_sha256(job->output, run->r.sha256);
        }
    }
    run->r.exit_code = code;
    if (code != 0) {
        first_error_line(run);
        sumi_temps_free(run->temps, 1);
        remove_stale_temporaries(job->output);
    } else {
        run->r.status = SUMI_JOB_OK;
        sumi_temps_free(run->temps, 0);
    }
    run->temps = NULL;
    close_fd(&run->lock_fd);
    report_finished(b, run);
}

static void progress(struct batch *b) {
    if (!b->tty)
        return;
    char left[48] = "";
    if (b->done > 0) {
        int remaining = b->count - b->done;
        double per_job = b->job_seconds / b->done;
        int parallel = b->o->jobs < remaining ? b->o->jobs : (remaining > 0 ? remaining : 1);
        snprintf(left, sizeof left, ", about %.0f s left", per_job * remaining / parallel);
    }
    fprintf(stderr, "\r\033[Ksumi batch: %d/%d done, %d failed, %d running%s", b->done, b->count,
            b->failed, b->running, left);
    fflush(stderr);
}

static void stop_all(struct batch *b) {
    for (int i = 0; i < b->count; i++)
        if (b->runs[i].state == RUNNING && !b->runs[i].stopped) {
            b->runs[i].stopped = 1;
            kill(b->runs[i].pid, SIGKILL);
        }
}

/* Reads what is ready on the running jobs' pipes; reaps the jobs whose
 * pipes all closed. */
static void poll_jobs(struct batch *b) {
    struct pollfd *p = calloc((size_t)b->running * 3 + 1, sizeof *p);
    struct run **owner = calloc((size_t)b->running * 3 + 1, sizeof *owner);
    int *which = calloc((size_t)b->running * 3 + 1, sizeof *which);
    if (p == NULL || owner == NULL || which == NULL) {
        free(p);
        free(owner);
        free(which);
        return;
    }
    int n = 0;
    double t = now(), wait = b->tty ? 0.25 : 1.0;
    for (int i = 0; i < b->count; i++) {
        struct run *run = &b->runs[i];
        if (run->state != RUNNING)
            continue;
        if (run->deadline > 0 && run->deadline - t < wait)
            wait = run->deadline - t > 0 ? run->deadline - t : 0;
        for (int k = 0; k < 3; k++)
            if (run->fd[k] >= 0) {
                p[n] = (struct pollfd){.fd = run->fd[k], .events = POLLIN};
                owner[n] = run;
                which[n++] = k;
            }
    }
    int r = poll(p, (nfds_t)n, (int)(wait * 1000) + 1);
    for (int i = 0; r > 0 && i < n; i++) {
        if (p[i].revents == 0)
            continue;
        struct run *run = owner[i];
        char buf[8192];
        ssize_t got = read(p[i].fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            close_fd(&run->fd[which[i]]);
            continue;
        }
        if (which[i] == 0)
            sumi_temps_feed(run->temps, buf, (size_t)got);
        else
            capture_add(which[i] == 1 ? &run->out : &run->err, buf, (size_t)got);
    }
    free(p);
    free(owner);
    free(which);
    t = now();
    for (int i = 0; i < b->count; i++) {
        struct run *run = &b->runs[i];
        if (run->state != RUNNING)
            continue;
        if (run->fd[0] < 0 && run->fd[1] < 0 && run->fd[2] < 0) {
            int status = 0;
            struct rusage ru = {0};
            while (wait4(run->pid, &status, 0, &ru) < 0 && errno == EINTR)
                ;
            finish_job(b, run, status, &ru);
        } else if (run->deadline > 0 && t >= run->deadline && !run->timed_out) {
            /* As in sumi render: a job caught renaming its finished files
             * gets a little longer, so its outputs stay all or nothing. */
            if (sumi_temps_publishing(run->temps) && !run->extended) {
                run->extended = 1;
                run->deadline += 30;
            } else {
                run->timed_out = 1;
                kill(run->pid, SIGKILL);
            }
        }
    }
}

static int write_report(struct batch *b, struct sumi_output *report) {
    struct sumi_job_result *results = calloc((size_t)b->count + 1, sizeof *results);
    if (results == NULL)
        return 1;
    for (int i = 0; i < b->count; i++)
        results[i] = b->runs[i].r;
    char err[512];
    int status = 0;
    if (sumi_batch_write_report(report->file, results, b->count) != 0 ||
        sumi_output_commit(report, err, sizeof err) != 0) {
        fprintf(stderr, "sumi: cannot write the report: %s\n", err);
        sumi_output_abort(report);
        status = 1;
    }
    free(results);
    return status;
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

static int selected(const struct batch_options *o, const struct sumi_job *job) {
    if (o->only_count > 0) {
        int match = 0;
        for (int i = 0; i < o->only_count && !match; i++)
            match = fnmatch(o->only[i], job->name, 0) == 0;
        if (!match)
            return 0;
    }
    return o->shards == 0 || shard_hash(job->name) % (uint64_t)o->shards == (uint64_t)o->shard;
}

static int dry_run(struct batch *b) {
    for (int i = 0; i < b->count; i++) {
        const struct sumi_job *job = b->runs[i].r.job;
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

static int run_all(struct batch *b, struct sumi_output *report) {
    struct sigaction sa = {0};
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    /* Fonts and the Lua library once, in the parent: every job's process
     * starts from them. */
    sumi_fonts_map();
    b->preloaded = sumi_state_preloaded();
    if (b->o->trusted)
        fprintf(stderr, "sumi: --trusted: every job may read and write any file%s\n",
                b->o->max_memory >= 0 || b->o->timeout >= 0
                    ? ""
                    : ", and no memory or time limit applies");
    b->tty = isatty(STDERR_FILENO);
    b->started = now();
    int next = 0, halted = 0;
    while (next < b->count || b->running > 0) {
        while (!stop_signal && !halted && b->running < b->o->jobs && next < b->count) {
            struct run *run = &b->runs[next++];
            start_job(b, run);
            if (run->state == DONE) {
                report_finished(b, run);
                halted = !b->o->keep_going;
            }
        }
        if (b->running == 0 && (stop_signal || halted || next >= b->count))
            break;
        poll_jobs(b);
        if (stop_signal)
            stop_all(b);
        if (b->failed > 0 && !b->o->keep_going)
            halted = 1;
        progress(b);
    }
    if (b->tty)
        fputs("\r\033[K", stderr);
    int not_run = 0;
    for (int i = 0; i < b->count; i++)
        not_run += b->runs[i].r.status == SUMI_JOB_NOT_RUN;
    int ok = 0;
    for (int i = 0; i < b->count; i++)
        ok += b->runs[i].r.status == SUMI_JOB_OK;
    fprintf(stderr, "sumi batch: %d jobs: %d ok, %d failed, %d not run (%.1f s)\n", b->count, ok,
            b->count - ok - not_run, not_run, now() - b->started);
    if (not_run > 0) {
        fprintf(stderr, "sumi batch: %s; not run:",
                stop_signal ? (stop_signal == SIGINT ? "stopped by SIGINT" : "stopped by SIGTERM")
                            : "stopped after a failure (--keep-going runs the rest)");
        for (int i = 0; i < b->count; i++)
            if (b->runs[i].r.status == SUMI_JOB_NOT_RUN)
                fprintf(stderr, " %s", b->runs[i].r.job->name);
        fputc('\n', stderr);
    }
    int status = ok == b->count ? 0 : 1;
    if (report->file != NULL && write_report(b, report) != 0)
        status = 1;
    if (b->preloaded != NULL)
        sumi_state_close(b->preloaded);
    return status;
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
        struct sumi_job *job = &b.m.jobs[i];
        int only_ok = 1;
        if (o->only_count > 0) {
            only_ok = 0;
            for (int k = 0; k < o->only_count && !only_ok; k++)
                only_ok = fnmatch(o->only[k], job->name, 0) == 0;
        }
        matched += only_ok;
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
        status = run_all(&b, &report);
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
    struct batch_options o = {.jobs = 1, .max_memory = -1, .timeout = -1, .max_input = -1};
    o.only = calloc((size_t)argc + 1, sizeof *o.only);
    o.allow_read = calloc((size_t)argc + 1, sizeof *o.allow_read);
    o.allow_write = calloc((size_t)argc + 1, sizeof *o.allow_write);
    int status = 1;
    if (o.only != NULL && o.allow_read != NULL && o.allow_write != NULL) {
        status = parse_options(argc, argv, &o);
        if (status < 0)
            status = batch_run(&o);
    }
    free(o.only);
    free(o.allow_read);
    free(o.allow_write);
    return status;
}
