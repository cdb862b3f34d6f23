/* sumi check, the static half: luacheck (Debian's lua-check) reads the
 * script for what needs no run to find: syntax errors, undefined globals
 * (a misspelt `pirnt`), fields the standard library lacks (`string.formt`).
 * It is started before the script runs with its outputs discarded (the
 * other half, runtime.c) and read after, so the two take the time of the
 * slower. Without luacheck the check says so and runs the script alone. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int sumi_static_check_start(struct sumi_static_check *sc, const char *script) {
    memset(sc, 0, sizeof *sc);
    sc->fd = -1;
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    /* 011: syntax; 111-113: globals set, changed or read undefined; 143:
     * a field a standard library table lacks. The sandbox's globals are
     * Lua 5.4's; a script reaches sumi through require. */
    char *argv[] = {"luacheck", "--no-config", "--no-color", "--codes",      "--formatter", "plain",
                    "--std",    "lua54",       "--only",     "011",          "111",         "112",
                    "113",      "143",         "--",         (char *)script, NULL};
    int rc = posix_spawnp(&sc->pid, "luacheck", &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        return -1;
    }
    sc->fd = fds[0];
    sc->available = 1;
    return 0;
}

int sumi_static_check_finish(struct sumi_static_check *sc, int *syntax_error) {
    *syntax_error = 0;
    if (!sc->available)
        return 0;
    size_t len = 0, cap = 4096;
    char *text = malloc(cap);
    ssize_t n = 0;
    while (text != NULL) {
        if (len + 1024 > cap) {
            char *grown = realloc(text, cap *= 2);
            if (grown == NULL) {
                free(text);
                text = NULL;
                break;
            }
            text = grown;
        }
        n = read(sc->fd, text + len, cap - len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    close(sc->fd);
    int status = 0;
    while (waitpid(sc->pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (text == NULL)
        return 0;
    text[len] = '\0';
    /* "report.lua:3:1: (W113) accessing undefined variable 'pirnt'" */
    int findings = 0;
    for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        char *code = strstr(line, ": (");
        if (code == NULL || strlen(code) < 9 || code[7] != ')')
            continue;
        if (code[3] == 'E') { /* the run reports it too, in Lua's words */
            *syntax_error = 1;
            continue;
        }
        *code = '\0';
        fprintf(stderr, "%s: %s\n", line, code + 9);
        findings++;
    }
    free(text);
    if (WIFEXITED(status) && WEXITSTATUS(status) > 2 && findings == 0)
        fprintf(stderr, "sumi check: luacheck could not read the script (exit %d)\n",
                WEXITSTATUS(status));
    return findings;
}
