#define _POSIX_C_SOURCE 200809L
#include "runlimits.h"

#include <errno.h>
#include <lauxlib.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fonts.h"
#include "job.h"
#include "stop.h"

/* The hook runs every HOOK_COUNT VM instructions: a few microseconds of
 * script time, so a limit is noticed at once, while the clock read it costs
 * is lost in the noise. */
#define HOOK_COUNT 10000

/* Lua may go this far past max_memory before the allocator refuses: the hook
 * then raises the limit error at the script line (with a traceback) instead
 * of a bare "not enough memory" from deep inside an allocation. */
#define SLACK_FRACTION 4

/* Address space the engine needs beyond the Lua heap: the binary and its
 * libraries, fontconfig's caches, cairo surfaces, datasets (malloc'd outside
 * Lua), glibc's per-thread arenas. */
#define AS_MARGIN_MIB 2048

/* lua_Alloc (Lua 5.4 manual §4.6): for a new block ptr is NULL and osize is
 * a type tag, not a size. */
static void limits_hook(lua_State *L, lua_Debug *ar);

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    struct sumi_limits *lim = ud;
    size_t old = ptr != NULL ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        lim->used -= old;
        return NULL;
    }
    if (lim->max_memory != 0 && nsize > old) {
        size_t hard = lim->max_memory + lim->max_memory / SLACK_FRACTION;
        size_t grow = nsize - old;
        if (lim->used > hard || grow > hard - lim->used) {
            /* Lua collects garbage and retries once before it raises "not
             * enough memory", which sumi_limits_explain then translates.
             * The retry refused too, the run is over: a script that catches
             * the error with pcall must not go on, so the hook raises again
             * at its next instruction (lua_sethook is safe to call at any
             * time, signal handlers included). */
            if (lim->main != NULL)
                lua_sethook(lim->main, limits_hook, LUA_MASKCOUNT, 1);
            lim->refused = 1;
            lim->refusal_pending = 1;
            lim->refused_ptr = ptr;
            lim->refused_size = nsize;
            return NULL;
        }
    }
    void *p = realloc(ptr, nsize);
    if (p == NULL)
        return NULL;
    if (lim->refusal_pending && ptr == lim->refused_ptr && nsize == lim->refused_size)
        lim->refusal_pending = 0; /* the retry after a collection fitted */
    lim->used = lim->used - old + nsize;
    return p;
}

lua_State *sumi_limits_state_new(void) {
    struct sumi_limits *lim = calloc(1, sizeof *lim);
    if (lim == NULL)
        return NULL;
    lim->job.notify_fd = -1;
    lua_State *L = lua_newstate(counting_alloc, lim);
    if (L == NULL) {
        free(lim);
    } else {
        lim->main = L;
        sumi_job_attach(L, &lim->job);
    }
    return L;
}

struct sumi_limits *sumi_limits_of(lua_State *L) {
    void *ud = NULL;
    if (lua_getallocf(L, &ud) != counting_alloc)
        return NULL;
    return ud;
}

void sumi_limits_state_close(lua_State *L) {
    struct sumi_limits *lim = sumi_limits_of(L);
    lua_close(L);
    free(lim);
}

static int raise_limit(lua_State *L, struct sumi_limits *lim) {
    /* Stay armed: from now on every instruction of this thread raises again,
     * so no pcall, coroutine or handler can catch the error and go on. */
    lua_sethook(L, lua_gethook(L), LUA_MASKCOUNT, 1);
    /* Level 0: inside a hook that is the Lua function it interrupted, whose
     * line the user wants (luaL_error would name its caller's). */
    luaL_where(L, 0);
    if (lim->memory_hit)
        lua_pushfstring(L, "memory limit %d MiB exceeded; raise it with --max-memory",
                        (int)lim->max_memory_mib);
    else
        lua_pushfstring(L, "time limit %d s exceeded; raise it with --timeout",
                        (int)lim->job.timeout);
    lua_concat(L, 2);
    return lua_error(L);
}

static void limits_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    struct sumi_limits *lim = sumi_limits_of(L);
    if (lim == NULL)
        return;
    if (lim->refusal_pending)
        lim->memory_hit = 1;
    if (lim->memory_hit || lim->job.time_hit)
        raise_limit(L, lim);
    if (lua_gethookcount(L) != HOOK_COUNT) /* armed by a refusal that was retried */
        lua_sethook(L, limits_hook, LUA_MASKCOUNT, HOOK_COUNT);
    if (lim->max_memory != 0 && lim->used > lim->max_memory) {
        /* Garbage counts until collected: only live data past the limit is
         * an error. */
        lua_gc(L, LUA_GCCOLLECT);
        if (lim->used > lim->max_memory) {
            lim->memory_hit = 1;
            raise_limit(L, lim);
        }
    }
    if (sumi_job_time_up(&lim->job))
        raise_limit(L, lim);
}

void sumi_limits_arm(lua_State *L, long max_memory_mib, long timeout) {
    struct sumi_limits *lim = sumi_limits_of(L);
    if (lim == NULL)
        return;
    lim->max_memory_mib = max_memory_mib;
    lim->max_memory = (size_t)max_memory_mib * 1024 * 1024;
    lim->job.timeout = timeout;
    lim->job.start = sumi_monotonic_now();
    if (max_memory_mib > 0 || timeout > 0)
        lua_sethook(L, limits_hook, LUA_MASKCOUNT, HOOK_COUNT);
}

void sumi_limits_disarm(lua_State *L) {
    struct sumi_limits *lim = sumi_limits_of(L);
    lua_sethook(L, NULL, 0, 0);
    if (lim != NULL)
        lim->max_memory = 0;
}

const char *sumi_limits_explain(lua_State *L, const char *msg) {
    struct sumi_limits *lim = sumi_limits_of(L);
    if (lim == NULL || msg == NULL)
        return msg;
    if ((lim->memory_hit || (lim->refused && strstr(msg, "not enough memory") != NULL)) &&
        strstr(msg, "memory limit") == NULL)
        return lua_pushfstring(L, "memory limit %d MiB exceeded; raise it with --max-memory",
                               (int)lim->max_memory_mib);
    if (lim->job.time_hit && strstr(msg, "time limit") == NULL)
        return lua_pushfstring(L, "time limit %d s exceeded; raise it with --timeout",
                               (int)lim->job.timeout);
    return msg;
}

void sumi_limits_notify_publish(lua_State *L) {
    struct sumi_limits *lim = sumi_limits_of(L);
    if (lim != NULL)
        sumi_job_notify(&lim->job, "P\n");
}

/* ---- the watching parent ---- */

static void set_limit(int resource, rlim_t soft, rlim_t hard) {
    struct rlimit rl;
    if (getrlimit(resource, &rl) != 0)
        return;
    /* Never above what the process already has: an unprivileged process
     * cannot raise its hard limit. */
    if (rl.rlim_max != RLIM_INFINITY && hard > rl.rlim_max)
        hard = rl.rlim_max;
    if (soft > hard)
        soft = hard;
    rl.rlim_cur = soft;
    rl.rlim_max = hard;
    setrlimit(resource, &rl);
}

long sumi_limits_grace(long timeout) { return 2 + timeout / 10; }

void sumi_limits_child_setup(long max_memory_mib, long timeout) {
    long grace = sumi_limits_grace(timeout);
#if !defined(__SANITIZE_ADDRESS__)
    /* AddressSanitizer reserves terabytes of shadow address space: an
     * RLIMIT_AS would stop it before main. */
    if (max_memory_mib > 0) {
        rlim_t as = (rlim_t)(max_memory_mib + max_memory_mib / SLACK_FRACTION + AS_MARGIN_MIB) *
                    1024 * 1024;
        set_limit(RLIMIT_AS, as, as);
    }
#else
    (void)max_memory_mib;
#endif
    /* CPU time can only trail wall time in this single-threaded engine, so
     * this fires only if the parent failed to; SIGXCPU first, SIGKILL 5 s on. */
    if (timeout == 0)
        return;
    rlim_t cpu = (rlim_t)(timeout + grace + 1);
    set_limit(RLIMIT_CPU, cpu, cpu + 5);
}

struct sumi_temp_list {
    char **paths;
    size_t count, cap;
    char line[4096 + 8];
    size_t len;
    int publishing;
    char sha256[65];                      /* "H" line; empty when none came */
    const struct sumi_child_watch *watch; /* NULL: "R" lines are ignored */
};

static void take_line(struct sumi_temp_list *t) {
    t->line[t->len] = '\0';
    if (strcmp(t->line, "P") == 0) {
        t->publishing = 1;
    } else if (strncmp(t->line, "H ", 2) == 0 && strlen(t->line + 2) == 64) {
        memcpy(t->sha256, t->line + 2, 65);
    } else if (strncmp(t->line, "R ", 2) == 0) {
        if (t->watch != NULL && t->watch->on_read != NULL)
            t->watch->on_read(t->watch->ud, t->line + 2);
    } else if (strncmp(t->line, "T ", 2) == 0) {
        if (t->watch != NULL && t->watch->on_temp != NULL)
            t->watch->on_temp(t->watch->ud, t->line + 2);
        if (t->count == t->cap) {
            size_t cap = t->cap ? t->cap * 2 : 16;
            char **p = realloc(t->paths, cap * sizeof *p);
            if (p == NULL) {
                t->len = 0;
                return;
            }
            t->paths = p;
            t->cap = cap;
        }
        char *copy = strdup(t->line + 2);
        if (copy != NULL)
            t->paths[t->count++] = copy;
    }
    t->len = 0;
}

void sumi_temps_feed(struct sumi_temp_list *t, const char *buf, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (buf[i] == '\n')
            take_line(t);
        else if (t->len < sizeof t->line - 1)
            t->line[t->len++] = buf[i];
    }
}

struct sumi_temp_list *sumi_temps_new(void) {
    return calloc(1, sizeof(struct sumi_temp_list));
}

int sumi_temps_publishing(const struct sumi_temp_list *t) { return t->publishing; }

const char *sumi_temps_sha256(const struct sumi_temp_list *t) {
    return t->sha256[0] != '\0' ? t->sha256 : NULL;
}

/* A finished run renamed or removed its temporary files already, so a
 * missing one is no error. */
void sumi_temps_free(struct sumi_temp_list *t, int remove) {
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->count; i++) {
        if (remove)
            unlink(t->paths[i]);
        free(t->paths[i]);
    }
    free(t->paths);
    free(t);
}

int sumi_limits_describe_end(char *msg, size_t size, const char *script, const char *process,
                             int status, int killed_at_limit, long timeout) {
    if (killed_at_limit)
        snprintf(msg, size,
                 "%.200s: time limit %ld s exceeded (stopped inside a long call); raise it with "
                 "--timeout",
                 script, timeout);
    else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
        snprintf(msg, size, "%.200s: CPU time limit exceeded; raise it with --timeout", script);
    else if (WIFSIGNALED(status))
        snprintf(msg, size, "%.200s: the %s process ended with signal %d (%s)", script, process,
                 WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        return 0;
    return 1;
}

int sumi_limits_run_child_watched(long max_memory_mib, long timeout, const char *script,
                                  int (*run)(void *arg, int notify_fd), void *arg,
                                  const struct sumi_child_watch *watch) {
    long grace = sumi_limits_grace(timeout);
    int fds[2];
    if (pipe(fds) != 0) {
        fprintf(stderr, "sumi: cannot create a pipe: %s\n", strerror(errno));
        return 1;
    }
    /* A stop signal that reaches a render's parent: the child is asked to
     * stop and waited for, so a child renaming its outputs into place
     * finishes first and the shell gets its prompt back only when the
     * outputs are whole. Under --watch the watcher has caught them already. */
    sumi_stop_catch(-1, 0);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "sumi: cannot start the script's process: %s\n", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        sumi_stop_release();
        return 1;
    }
    if (pid == 0) {
        close(fds[0]);
        /* The parent's handlers only record a stop: a child that kept
         * them could not be interrupted by Ctrl-C or SIGTERM. */
        sumi_stop_child_defaults();
        sumi_limits_child_setup(max_memory_mib, timeout);
        int code = run(arg, fds[1]);
        close(fds[1]);
        fflush(stdout);
        fflush(stderr);
#if defined(__SANITIZE_ADDRESS__)
        sumi_fonts_shutdown();
        exit(code); /* the leak check runs at exit */
#else
        /* Every output is published or discarded by now, and the parent
         * removes the temporary files a canvas never closed leaves: freeing
         * the state and the fonts and running every library's exit handlers
         * would only cost time (a sixth of an empty script's run). */
        _exit(code);
#endif
    }
    close(fds[1]);
    struct sumi_temp_list *temps = sumi_temps_new();
    if (temps == NULL) {
        fprintf(stderr, "sumi: out of memory\n");
        kill(pid, SIGKILL);
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
            ;
        close(fds[0]);
        sumi_stop_release();
        return 1;
    }
    temps->watch = watch;
    double deadline = sumi_monotonic_now() + (double)(timeout + grace);
    int killed = 0, extended = 0, stopped = 0;
    for (;;) {
        double left = timeout > 0 ? deadline - sumi_monotonic_now() : 3600;
        if (sumi_stop_signal() && !stopped && !temps->publishing) {
            /* The pipe's end (the child gone) ends the loop. */
            kill(pid, SIGTERM);
            stopped = 1;
        }
        /* A stop request is looked at every 100 ms: a signal that came just
         * before poll() would otherwise wait for the child's end. */
        if (left > 0.1)
            left = 0.1;
        if (timeout > 0 && deadline - sumi_monotonic_now() <= 0) {
            /* Renaming finished files takes milliseconds: a child caught
             * publishing is let finish, so a report stays all or nothing. */
            if (temps->publishing && !extended) {
                extended = 1;
                deadline += 30;
                continue;
            }
            kill(pid, SIGKILL);
            killed = 1;
            break;
        }
        struct pollfd p = {.fd = fds[0], .events = POLLIN};
        int r = poll(&p, 1, (int)(left * 1000) + 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            continue;
        char buf[4096];
        ssize_t n = read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; /* the child ended */
        sumi_temps_feed(temps, buf, (size_t)n);
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int code;
    /* Ctrl-C reaches the child too, which may end before the loop saw the
     * parent's flag. */
    if (sumi_stop_signal())
        stopped = 1;
    char why[512];
    if (stopped && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        code = 1; /* the watcher ends: nothing to report */
    } else if (sumi_limits_describe_end(why, sizeof why, script, "script's", status, killed,
                                        timeout)) {
        fprintf(stderr, "%s\n", why);
        code = 1;
    } else {
        code = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    }
    /* What the child announced and is still there is a temporary file:
     * published outputs were renamed away, and a child that ended early,
     * or with _exit, left the rest. */
    sumi_temps_free(temps, 1);
    int sig = sumi_stop_signal();
    /* Stopped before its outputs were out: end as the signal would have
     * ended this process (130 after Ctrl-C, 143 after SIGTERM); a watcher
     * that caught the signal ends by itself. */
    if (sumi_stop_release() && stopped && code != 0 && sig != 0)
        raise(sig);
    return code;
}
