/* `sumi render --watch`: render, then render again each time the script, a
 * module it required or a file it read changes.
 *
 * Each render runs in a child process (runlimits.c), which names every file
 * it reads on the notify pipe ("R path", sent by access.c); after the run
 * the watcher points inotify at the folders of those files. Folders, not
 * files: an editor saves by writing a new file and renaming it over the old
 * one, and a watch on the old file's inode would see nothing after the first
 * save. Events are then matched by name. */
#define _XOPEN_SOURCE 700 /* realpath, localtime_r */
#include "watch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

#include "fonts.h"
#include "output.h"
#include "runlimits.h"
#include "stop.h"

/* A burst of writes (an editor's save, a script regenerating a CSV) is one
 * change once the files have been quiet this long. */
#define QUIET_MS 200

/* IN_CLOSE_WRITE and IN_MODIFY: written in place (IN_MODIFY also catches a
 * writer that keeps the file open); IN_MOVED_TO, IN_CREATE: a new file
 * renamed or created under the name; IN_MOVED_FROM, IN_DELETE: it went
 * away; IN_ATTRIB: `touch`. The *_SELF events: the folder itself went. */
#define WATCH_MASK                                                                                 \
    (IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_CREATE | IN_MOVED_FROM | IN_DELETE |            \
     IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

/* One watched file. Owned by its list. */
struct file {
    char *dir;   /* canonical folder */
    char *name;  /* the name in it */
    char *shown; /* for the render line (shown_name) */
    int wd;      /* the folder's inotify watch, or -1 */
};

struct list {
    struct file *v;
    size_t n, cap;
};

/* The watcher's state, on sumi_watch's stack. */
struct watcher {
    int fd; /* inotify */
    const char *script;
    struct list files; /* watched now */
    struct list reads; /* named by the child of the render running */
    struct list made;  /* outputs of that render */
    char **changed;    /* shown names changed since the last render */
    size_t nchanged, capchanged;
    int fatal; /* the watch cannot go on (limit reached) */
};

static void list_free(struct list *l) {
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].dir);
        free(l->v[i].name);
        free(l->v[i].shown);
    }
    free(l->v);
    *l = (struct list){0};
}

static void list_put(struct list *l, const char *dir, const char *name, const char *shown) {
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].dir, dir) == 0 && strcmp(l->v[i].name, name) == 0)
            return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        struct file *v = realloc(l->v, cap * sizeof *v);
        if (v == NULL)
            return;
        l->v = v;
        l->cap = cap;
    }
    struct file f = {strdup(dir), strdup(name), strdup(shown), -1};
    if (f.dir == NULL || f.name == NULL || f.shown == NULL) {
        free(f.dir);
        free(f.name);
        free(f.shown);
        return;
    }
    l->v[l->n++] = f;
}

/* How a file is named in the render line: from the working folder when it
 * is under it ("data/models.csv", not "scripts/../data/models.csv"), else
 * by its absolute path. malloc'd. */
static char *shown_name(const char *real_dir, const char *name) {
    char cwd[PATH_MAX];
    const char *rel = NULL;
    if (getcwd(cwd, sizeof cwd) != NULL) {
        size_t n = strlen(cwd);
        if (strcmp(real_dir, cwd) == 0)
            rel = "";
        else if (strncmp(real_dir, cwd, n) == 0 && real_dir[n] == '/')
            rel = real_dir + n + 1;
        else if (strcmp(cwd, "/") == 0)
            rel = real_dir + 1;
    }
    if (rel == NULL)
        rel = real_dir;
    size_t size = strlen(rel) + strlen(name) + 2;
    char *shown = malloc(size);
    if (shown != NULL)
        snprintf(shown, size, "%s%s%s", rel, rel[0] != '\0' ? "/" : "", name);
    return shown;
}

/* Adds path under the canonical form of its folder; when the file is a
 * symlink, its target's folder and name too, so that an edit of the target
 * is seen. A file in a folder that does not exist cannot be watched. */
static void list_add_path(struct list *l, const char *path) {
    const char *slash = strrchr(path, '/');
    const char *name = slash != NULL ? slash + 1 : path;
    if (name[0] == '\0')
        return;
    char *dir = sumi_folder_of(path);
    char *real_dir = dir != NULL ? realpath(dir, NULL) : NULL;
    free(dir);
    if (real_dir == NULL)
        return;
    char *shown = shown_name(real_dir, name);
    if (shown == NULL) {
        free(real_dir);
        return;
    }
    list_put(l, real_dir, name, shown);
    char *target = realpath(path, NULL);
    if (target != NULL) {
        char *tslash = strrchr(target, '/');
        size_t dlen = strlen(real_dir);
        int same = (size_t)(tslash - target) == dlen && strncmp(target, real_dir, dlen) == 0 &&
                   strcmp(tslash + 1, name) == 0;
        if (!same && tslash != target) {
            *tslash = '\0';
            list_put(l, target, tslash + 1, shown);
        }
        free(target);
    }
    free(shown);
    free(real_dir);
}

static void on_read(void *ud, const char *path) {
    struct watcher *w = ud;
    list_add_path(&w->reads, path);
}

/* A temporary output stands for the output the render makes. */
static void on_temp(void *ud, const char *temp_path) {
    struct watcher *w = ud;
    char *final = sumi_output_of_temp(temp_path);
    if (final == NULL)
        return;
    list_add_path(&w->made, final);
    free(final);
}

static int in_list(const struct list *l, const struct file *f) {
    if (l == NULL)
        return 0;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].dir, f->dir) == 0 && strcmp(l->v[i].name, f->name) == 0)
            return 1;
    return 0;
}

static void note_changed(struct watcher *w, const char *shown) {
    for (size_t i = 0; i < w->nchanged; i++)
        if (strcmp(w->changed[i], shown) == 0)
            return;
    if (w->nchanged == w->capchanged) {
        size_t cap = w->capchanged ? w->capchanged * 2 : 8;
        char **v = realloc(w->changed, cap * sizeof *v);
        if (v == NULL)
            return;
        w->changed = v;
        w->capchanged = cap;
    }
    char *copy = strdup(shown);
    if (copy != NULL)
        w->changed[w->nchanged++] = copy;
}

static void clear_changed(struct watcher *w) {
    for (size_t i = 0; i < w->nchanged; i++)
        free(w->changed[i]);
    w->nchanged = 0;
}

/* Points inotify at the folders of the files the last render read (and the
 * script, which a failed load may not have reported); after a failed render
 * the files watched before are kept too, since a run that stopped early
 * named only some of them. Folders no file needs any more are dropped. */
static void rewatch(struct watcher *w, int failed) {
    struct list next = {0};
    list_add_path(&next, w->script);
    for (size_t i = 0; i < w->reads.n; i++)
        list_put(&next, w->reads.v[i].dir, w->reads.v[i].name, w->reads.v[i].shown);
    if (failed)
        for (size_t i = 0; i < w->files.n; i++)
            list_put(&next, w->files.v[i].dir, w->files.v[i].name, w->files.v[i].shown);
    list_free(&w->reads);
    for (size_t i = 0; i < next.n && !w->fatal; i++) {
        /* The same folder gives the same watch back. */
        next.v[i].wd = inotify_add_watch(w->fd, next.v[i].dir, WATCH_MASK);
        if (next.v[i].wd >= 0)
            continue;
        if (errno == ENOSPC) {
            fprintf(stderr,
                    "sumi: cannot watch '%s': the limit of inotify watches is reached (raise "
                    "it with sysctl fs.inotify.max_user_watches)\n",
                    next.v[i].dir);
            w->fatal = 1;
        } else if (errno != ENOENT) {
            fprintf(stderr, "sumi: warning: cannot watch '%s': %s\n", next.v[i].dir,
                    strerror(errno));
        }
    }
    for (size_t i = 0; i < w->files.n; i++) {
        int wd = w->files.v[i].wd, kept = wd < 0;
        for (size_t j = 0; j < next.n && !kept; j++)
            kept = next.v[j].wd == wd;
        for (size_t j = 0; j < i && !kept; j++)
            kept = w->files.v[j].wd == wd; /* removed already */
        if (!kept)
            inotify_rm_watch(w->fd, wd);
    }
    list_free(&w->files);
    w->files = next;
}

/* Reads the queued events; returns how many concern a watched file that is
 * not in ignore. */
static int take_events(struct watcher *w, const struct list *ignore) {
    /* inotify(7): the buffer must be aligned for struct inotify_event. */
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    int relevant = 0;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return relevant;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            p += sizeof *ev + ev->len;
            if (ev->mask & IN_Q_OVERFLOW) {
                note_changed(w, "(events lost: the queue overflowed)");
                relevant++;
                continue;
            }
            for (size_t i = 0; i < w->files.n; i++) {
                struct file *f = &w->files.v[i];
                if (f->wd != ev->wd)
                    continue;
                if (ev->mask & IN_IGNORED) {
                    f->wd = -1; /* the folder went: watched again after a render */
                } else if (ev->len > 0 ? strcmp(ev->name, f->name) == 0 && !in_list(ignore, f)
                                       : (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) != 0) {
                    note_changed(w, f->shown);
                    relevant++;
                }
            }
        }
    }
}

/* "a.lua, data.csv and 2 more" */
static void describe_changes(struct watcher *w, char *out, size_t size) {
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < w->nchanged && i < 3 && used < size; i++)
        used += (size_t)snprintf(out + used, size - used, "%s%s", i > 0 ? ", " : "", w->changed[i]);
    if (w->nchanged > 3 && used < size)
        snprintf(out + used, size - used, " and %zu more", w->nchanged - 3);
}

/* One render and its line: the time, what changed, the result, the
 * seconds. Returns 0, or 1 when the watch cannot go on. */
static int render(struct watcher *w, const struct sumi_run_options *run) {
    char what[1024];
    if (w->nchanged == 0)
        snprintf(what, sizeof what, "start");
    else {
        char list[900];
        describe_changes(w, list, sizeof list);
        snprintf(what, sizeof what, "changed %s", list);
    }
    clear_changed(w);
    double start = sumi_monotonic_now();
    int code = sumi_run_script(run);
    double seconds = sumi_monotonic_now() - start;
    if (sumi_stop_signal() && code != 0) {
        list_free(&w->reads);
        list_free(&w->made);
        return 0; /* stopped mid-render: the outputs are as they were */
    }
    /* Watched before the line is printed: whoever waits for the line may
     * edit a file at once. */
    rewatch(w, code != 0);
    /* What changed while the render ran is due next (matched against the
     * files this render read), except the render's own outputs: a script
     * that reads its previous output would otherwise render for ever. */
    take_events(w, &w->made);
    list_free(&w->made);
    time_t now = time(NULL);
    struct tm tm;
    char clock[16] = "--:--:--";
    if (localtime_r(&now, &tm) != NULL)
        strftime(clock, sizeof clock, "%H:%M:%S", &tm);
    printf("[%s] %s: %s in %.2f s%s\n", clock, what, code == 0 ? "ok" : "failed", seconds,
           code == 0 ? "" : ", the last good outputs are kept");
    fflush(stdout);
    return w->fatal;
}

/* Waits for a change to a watched file, then for QUIET_MS without one.
 * Returns 0 when a render is due, -1 when a signal ended the watch. */
static int wait_for_change(struct watcher *w, int wake) {
    /* Changes seen during the last render start the wait at once. */
    double quiet_until = w->nchanged > 0 ? sumi_monotonic_now() + QUIET_MS / 1000.0 : -1;
    for (;;) {
        if (sumi_stop_signal())
            return -1;
        int ms = -1;
        if (quiet_until >= 0) {
            double left = quiet_until - sumi_monotonic_now();
            if (left <= 0)
                return 0;
            ms = (int)(left * 1000) + 1;
        }
        struct pollfd p[2] = {{.fd = w->fd, .events = POLLIN}, {.fd = wake, .events = POLLIN}};
        int r = poll(p, 2, ms);
        if (r < 0 && errno != EINTR) {
            fprintf(stderr, "sumi: cannot wait for changes: %s\n", strerror(errno));
            w->fatal = 1;
            return -1;
        }
        if (r > 0 && (p[0].revents & POLLIN) && take_events(w, NULL) > 0)
            quiet_until = sumi_monotonic_now() + QUIET_MS / 1000.0;
    }
}

int sumi_watch(const struct sumi_run_options *options) {
    struct watcher w = {.fd = -1, .script = options->script_path};
    int pipe_fds[2] = {-1, -1};
    w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w.fd < 0) {
        fprintf(stderr, "sumi: cannot watch files: inotify is unavailable (%s)%s\n",
                strerror(errno),
                errno == EMFILE ? "; the limit of open files or of inotify instances (sysctl "
                                  "fs.inotify.max_user_instances) is reached"
                                : "");
        return 1;
    }
    if (pipe(pipe_fds) != 0 || fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK) != 0 ||
        fcntl(pipe_fds[1], F_SETFL, O_NONBLOCK) != 0) {
        fprintf(stderr, "sumi: cannot create a pipe: %s\n", strerror(errno));
        close(w.fd);
        if (pipe_fds[0] >= 0) {
            close(pipe_fds[0]);
            close(pipe_fds[1]);
        }
        return 1;
    }
    /* A stop signal ends the watch (and the render under way, unless it is
     * publishing); it also wakes the poll() it interrupts too late. */
    sumi_stop_catch(pipe_fds[1], 1);
    /* Loaded once here, inherited by every render's process. */
    sumi_fonts_config();
    struct sumi_child_watch child = {.on_read = on_read, .on_temp = on_temp, .ud = &w};
    struct sumi_run_options run = *options;
    run.watch = &child;
    /* The script's folder is watched from the start: a limit is reported
     * before anything runs, and an edit during the first render is seen. */
    rewatch(&w, 1);
    if (!w.fatal)
        fprintf(stderr, "sumi: watching %s and the files it reads; Ctrl-C stops\n",
                options->script_path);
    int code = w.fatal ? 1 : render(&w, &run);
    while (code == 0 && wait_for_change(&w, pipe_fds[0]) == 0)
        code = render(&w, &run);
    if (w.fatal)
        code = 1;
    sumi_stop_release();
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    close(w.fd);
    list_free(&w.files);
    list_free(&w.reads);
    list_free(&w.made);
    clear_changed(&w);
    free(w.changed);
    if (code == 0)
        fprintf(stderr, "sumi: watch stopped\n");
    return code;
}
