/* Running the jobs of `sumi batch`: each in a forked process of its own,
 * N at a time. The parent loads the fonts and compiles the Lua library once;
 * every job starts from a copy of that state, with the limits and file rules
 * of `sumi render`. A job's crash, os.exit or limit ends its own process only.
 *
 * Each output is guarded by a hidden lock file beside it (".<name>.lock",
 * flock, holding the PID), taken by the parent before the job starts and
 * removed when it ended: an overlapping run of the same manifest finds the
 * lock and fails that job instead of writing. The lock holder may remove
 * temporary files that a killed run left beside the output.
 *
 * Beside the output, because that folder is the one place every writer of
 * the output shares: another user's cron job, another node of a Slurm array
 * on a shared file system (flock works across NFS clients), where a lock in
 * XDG_RUNTIME_DIR or /tmp would be per user or per machine. Removing a lock
 * file is safe by the usual protocol: the holder unlinks it while it still
 * holds the lock, and whoever takes a lock checks that the file it locked is
 * still the one at the path, else it locked a removed file and tries again. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
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

#include "batch_internal.h"
#include "fonts.h"
#include "output.h"
#include "runlimits.h"
#include "runtime.h"
#include "stop.h"

/* A job's captured stderr and stdout: enough for any error and traceback;
 * a script printing megabytes keeps only its start. */
#define CAPTURE_MAX (64 * 1024)

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
    if (d != NULL) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (sumi_output_is_temp_of(e->d_name, base)) {
                char path[4096];
                snprintf(path, sizeof path, "%s/%s", folder != NULL ? folder : ".", e->d_name);
                unlink(path);
            }
        }
        closedir(d);
    }
    free(folder);
}

/* The lock file of an output: ".<name>.lock" in the output's folder. */
static void lock_path(const char *output, char *path, size_t size) {
    const char *slash = strrchr(output, '/');
    if (slash == NULL)
        snprintf(path, size, ".%s.lock", output);
    else
        snprintf(path, size, "%.*s/.%s.lock", (int)(slash - output), output, slash + 1);
}

/* Marks the job locked by the process whose PID the lock file fd holds. */
static void locked_by(struct run *run, int fd) {
    char pid[32] = "";
    ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
    pid[n > 0 ? n : 0] = '\0';
    pid[strcspn(pid, "\n")] = '\0';
    char msg[4200];
    snprintf(msg, sizeof msg, "%s: locked by PID %s (another run is writing it)",
             run->r.job->output, pid[0] ? pid : "?");
    set_error(run, "%s", msg);
    run->r.status = SUMI_JOB_LOCKED;
}

/* Removes "<output>.lock", the visible lock file that sumi batch kept beside
 * every output before it used hidden ones and removed them, unless a run of
 * such a version holds it: then the job is locked. Only a file that looks
 * like one (a PID or nothing) goes. 0, or -1 with the job marked locked. */
static int remove_old_lock(struct run *run) {
    char path[4096];
    snprintf(path, sizeof path, "%s.lock", run->r.job->output);
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC); /* a FIFO: no wait */
    if (fd < 0)
        return 0;
    struct stat st;
    char text[32] = "";
    ssize_t n = -1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (off_t)sizeof text)
        n = pread(fd, text, sizeof text - 1, 0);
    text[n > 0 ? n : 0] = '\0';
    size_t digits = strspn(text, "0123456789");
    int pid_or_nothing = text[digits] == '\0' || (digits > 0 && strcmp(text + digits, "\n") == 0);
    if (n < 0 || !pid_or_nothing) {
        close(fd);
        return 0; /* not a lock file of sumi batch */
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        locked_by(run, fd);
        close(fd);
        return -1;
    }
    unlink(path);
    close(fd);
    return 0;
}

/* Takes the output's lock: 0, or -1 with the job marked locked or failed. */
static int take_lock(struct run *run) {
    const char *output = run->r.job->output;
    char path[4096];
    lock_path(output, path, sizeof path);
    char err[256];
    if (sumi_make_parents(path, err, sizeof err) != 0) {
        set_error(run, "cannot create the folder of '%s'", output);
        return -1;
    }
    /* A run that removed the lock file between our open and flock leaves us
     * holding a file nobody else will open: try again on the new one. */
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 100; attempt++) {
        fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0) {
            set_error(run, "cannot open the lock file '%s'", path);
            return -1;
        }
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            locked_by(run, fd);
            close(fd);
            return -1;
        }
        struct stat held, named;
        if (fstat(fd, &held) != 0 || stat(path, &named) != 0 || held.st_ino != named.st_ino ||
            held.st_dev != named.st_dev) {
            close(fd);
            fd = -1;
        }
    }
    if (fd < 0) {
        set_error(run, "cannot take the lock file '%s' (it is removed and made again)", path);
        return -1;
    }
    char pid[32];
    int len = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)len, 0) != len) {
        /* The lock holds without the PID; only the message loses it. */
    }
    run->lock_fd = fd;
    if (remove_old_lock(run) != 0) {
        unlink(path);
        close(fd);
        run->lock_fd = -1;
        return -1;
    }
    remove_stale_temporaries(output);
    return 0;
}

/* Removes the output's lock file, then lets the lock go: in that order, so
 * that no run can take the lock of a file that is about to be removed. */
static void release_lock(struct run *run) {
    if (run->lock_fd < 0)
        return;
    char path[4096];
    lock_path(run->r.job->output, path, sizeof path);
    unlink(path);
    close(run->lock_fd);
    run->lock_fd = -1;
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
    sumi_stop_child_defaults();
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
    const struct sumi_batch_job *job = run->r.job;
    struct sumi_run_options options = {
        .script_path = job->script,
        .output_path = job->output,
        .params = (const char *const *)job->params,
        .param_count = job->param_count,
        .leave_state = 1,
    };
    sumi_sandbox_apply(&o->sandbox, &options);
    if (options.timeout > 0)
        sumi_limits_child_setup(options.max_memory_mib, options.timeout);
    int code = sumi_run_in_state(b->preloaded, &options, pipes[0][1]);
    if (code == 0) {
        /* The job hashes its own output: the parent, which drains every
         * job's pipes, would hash one job's file while the others wait. */
        char line[2 + 64 + 2] = "H ";
        sumi_batch_sha256(job->output, line + 2);
        if (line[2] != '\0') {
            strcat(line, "\n");
            size_t done = 0, len = strlen(line);
            while (done < len) {
                ssize_t n = write(pipes[0][1], line + done, len - done);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    break;
                done += (size_t)n;
            }
        }
    }
    close(pipes[0][1]);
    fflush(stdout);
    fflush(stderr);
#if defined(__SANITIZE_ADDRESS__)
    sumi_fonts_shutdown();
    exit(code);
#else
    /* Every output is published or discarded by now: freeing the state,
     * the fonts and running exit handlers would only cost time. */
    _exit(code);
#endif
}

static void start_job(struct batch *b, struct run *run) {
    run->state = DONE;
    run->start = sumi_monotonic_now();
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
        release_lock(run);
        sumi_temps_free(run->temps, 0);
        run->temps = NULL;
        return;
    }
    for (int k = 0; k < 3; k++)
        run->fd[k] = pipes[k][0];
    run->pid = pid;
    run->state = RUNNING;
    long timeout = sumi_sandbox_timeout(&b->o->sandbox);
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
    const struct sumi_batch_job *job = run->r.job;
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
    const struct sumi_batch_job *job = run->r.job;
    run->state = DONE;
    b->running--;
    run->r.seconds = sumi_monotonic_now() - run->start;
    b->job_seconds += run->r.seconds;
    run->r.peak_kib = ru->ru_maxrss;
    int code;
    char why[512];
    run->r.status = SUMI_JOB_FAILED;
    /* Ctrl-C reaches the jobs too (one process group): a job that died of
     * it before the batch stopped it was stopped all the same. */
    if (sumi_stop_signal() && WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == sumi_stop_signal())
        run->stopped = 1;
    if (run->stopped && !(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0)) {
        code = 1;
        run->r.status = SUMI_JOB_NOT_RUN;
        char sig[32];
        snprintf(sig, sizeof sig, "%d", sumi_stop_signal());
        set_error(run, "stopped by signal %s before it finished", sig);
    } else if (sumi_limits_describe_end(why, sizeof why, job->script, "job's", wstatus,
                                        run->timed_out, sumi_sandbox_timeout(&b->o->sandbox))) {
        set_error(run, "%s", why);
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
        } else if (sumi_temps_sha256(run->temps) != NULL) {
            memcpy(run->r.sha256, sumi_temps_sha256(run->temps), 65);
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
        /* Published outputs were renamed away; what is left (subset fonts
         * of a canvas the script never closed: jobs end with _exit) goes. */
        sumi_temps_free(run->temps, 1);
    }
    run->temps = NULL;
    release_lock(run);
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

/* A job caught renaming its finished outputs into place is let finish
 * (for up to 30 s, as with a time limit), so its outputs stay all or
 * nothing; the job itself holds a stop signal back while it publishes. */
static void stop_all(struct batch *b) {
    double now = sumi_monotonic_now();
    if (b->stopping_since == 0)
        b->stopping_since = now;
    for (int i = 0; i < b->count; i++) {
        struct run *run = &b->runs[i];
        if (run->state != RUNNING || run->stopped)
            continue;
        if (sumi_temps_publishing(run->temps) && now - b->stopping_since < 30)
            continue;
        run->stopped = 1;
        kill(run->pid, SIGKILL);
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
    double t = sumi_monotonic_now(), wait = b->tty ? 0.25 : 1.0;
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
    t = sumi_monotonic_now();
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
    snprintf(err, sizeof err, "%s", "a write failed");
    if (sumi_batch_write_report(report->file, results, b->count) != 0 ||
        sumi_output_commit(report, err, sizeof err) != 0) {
        fprintf(stderr, "sumi: cannot write the report: %s\n", err);
        sumi_output_abort(report);
        status = 1;
    }
    free(results);
    return status;
}

int sumi_batch_run_all(struct batch *b, struct sumi_output *report) {
    /* Stopped, the batch stops its jobs (one that is publishing finishes)
     * and reports what did not run; the process ends with the batch. */
    sumi_stop_catch(-1, 1);
    /* Fonts and the Lua library once, in the parent: every job's process
     * starts from them. */
    sumi_fonts_map();
    b->preloaded = sumi_state_preloaded();
    if (b->o->sandbox.trusted)
        fprintf(stderr, "sumi: --trusted: every job may read and write any file%s\n",
                b->o->sandbox.max_memory >= 0 || b->o->sandbox.timeout >= 0
                    ? ""
                    : ", and no memory or time limit applies");
    b->tty = isatty(STDERR_FILENO);
    b->started = sumi_monotonic_now();
    int next = 0, halted = 0;
    while (next < b->count || b->running > 0) {
        while (!sumi_stop_signal() && !halted && b->running < b->o->jobs && next < b->count) {
            struct run *run = &b->runs[next++];
            start_job(b, run);
            if (run->state == DONE) {
                report_finished(b, run);
                halted = !b->o->keep_going;
            }
        }
        if (b->running == 0 && (sumi_stop_signal() || halted || next >= b->count))
            break;
        poll_jobs(b);
        if (sumi_stop_signal())
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
            b->count - ok - not_run, not_run, sumi_monotonic_now() - b->started);
    if (not_run > 0) {
        fprintf(stderr, "sumi batch: %s%s; not run:",
                sumi_stop_signal() ? "stopped by " : "stopped after a failure",
                sumi_stop_signal() ? sumi_stop_name(sumi_stop_signal())
                                   : " (--keep-going runs the rest)");
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
