/* sumi check's static half (check.c). */
#ifndef SUMI_CHECK_H
#define SUMI_CHECK_H

#include <sys/types.h>

struct sumi_static_check {
    pid_t pid;
    int fd;        /* luacheck's output */
    int available; /* 0: luacheck could not be started */
};

/* Starts luacheck on the script; -1 when it cannot be started (not
 * installed), the check then runs without it. */
int sumi_static_check_start(struct sumi_static_check *sc, const char *script);

/* Waits for luacheck and prints its findings to stderr as
 * "file:line:col: message"; returns how many. *syntax_error is 1 when the
 * script does not parse. */
int sumi_static_check_finish(struct sumi_static_check *sc, int *syntax_error);

#endif
