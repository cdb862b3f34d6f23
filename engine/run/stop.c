#define _POSIX_C_SOURCE 200809L
#include "stop.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define STOP_COUNT ((int)(sizeof stop_signals / sizeof stop_signals[0]))

/* A signal handler can only reach process-wide state: the recorded signal
 * and the pipe that wakes a poll() it interrupts too late. */
static volatile sig_atomic_t received;
static volatile int wake = -1;
static struct sigaction previous[STOP_COUNT];
static int caught[STOP_COUNT];
static int depth;

static void on_stop(int sig) {
    int saved = errno;
    received = sig;
    if (wake >= 0 && write(wake, "x", 1) < 0) {
        /* a full pipe already wakes the poll */
    }
    errno = saved;
}

void sumi_stop_catch(int wake_fd, int claim_ignored) {
    if (depth++ > 0)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    received = 0;
    wake = wake_fd;
    for (int i = 0; i < STOP_COUNT; i++)
        caught[i] =
            sigaction(stop_signals[i], NULL, &previous[i]) == 0 &&
            (previous[i].sa_handler != SIG_IGN || (claim_ignored && stop_signals[i] != SIGHUP)) &&
            sigaction(stop_signals[i], &sa, NULL) == 0;
}

/* Gives back the handlers the outermost catch found; in_child: a signal
 * claimed from ignored gets the default action, so the child can be
 * stopped by it. */
static void restore(int in_child) {
    for (int i = 0; i < STOP_COUNT; i++) {
        if (!caught[i])
            continue;
        if (in_child && previous[i].sa_handler == SIG_IGN)
            signal(stop_signals[i], SIG_DFL);
        else
            sigaction(stop_signals[i], &previous[i], NULL);
    }
    wake = -1;
}

int sumi_stop_release(void) {
    if (depth == 0 || --depth > 0)
        return 0;
    restore(0);
    return 1;
}

int sumi_stop_signal(void) { return received; }

void sumi_stop_child_defaults(void) {
    if (depth == 0)
        return;
    restore(1);
    depth = 0;
}

static void stop_set(sigset_t *set) {
    sigemptyset(set);
    for (int i = 0; i < STOP_COUNT; i++)
        sigaddset(set, stop_signals[i]);
}

void sumi_stop_hold(sigset_t *before) {
    sigset_t stops;
    stop_set(&stops);
    sigprocmask(SIG_BLOCK, &stops, before);
}

void sumi_stop_unhold_dropping(const sigset_t *before) {
    sigset_t stops, pending;
    stop_set(&stops);
    const struct timespec now = {0, 0};
    for (;;) {
        int any = 0;
        if (sigpending(&pending) == 0)
            for (int i = 0; i < STOP_COUNT; i++)
                any |= sigismember(&pending, stop_signals[i]) == 1;
        if (!any || sigtimedwait(&stops, NULL, &now) <= 0)
            break;
    }
    sigprocmask(SIG_SETMASK, before, NULL);
}

const char *sumi_stop_name(int sig) {
    static char other[32];
    switch (sig) {
    case SIGINT:
        return "SIGINT";
    case SIGTERM:
        return "SIGTERM";
    case SIGHUP:
        return "SIGHUP";
    default:
        snprintf(other, sizeof other, "signal %d", sig);
        return other;
    }
}
