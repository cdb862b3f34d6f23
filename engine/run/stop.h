/* Stop signals (Ctrl-C's SIGINT, SIGTERM, SIGHUP), handled in one place for
 * every process that waits on others: `sumi render` with a time limit,
 * `--watch` and `sumi batch`. While caught, a stop signal only records
 * itself (and wakes a poll() through an optional pipe); the waiting loop
 * then asks its children to stop and lets one that is publishing finish,
 * so a report is never half new and half old. A signal the process was
 * started ignoring (nohup, a background job of a shell script) stays
 * ignored, in the process and in the children it forks, unless the command
 * claims it: `--watch` and `sumi batch` are stopped with SIGINT or SIGTERM
 * even from the background (SIGHUP under nohup stays ignored). */
#ifndef SUMI_STOP_H
#define SUMI_STOP_H

#include <signal.h>

/* Catches the stop signals, remembering what was there; claim_ignored: also
 * SIGINT and SIGTERM when ignored. Nested calls only count: the outermost
 * catch owns the handlers and its wake pipe (wake_fd: -1, or a pipe's write
 * end that gets one byte per signal). */
void sumi_stop_catch(int wake_fd, int claim_ignored);
/* Undoes one sumi_stop_catch. Returns 1 when that was the outermost, which
 * restores the previous handlers (the recorded signal stays readable). */
int sumi_stop_release(void);
/* The stop signal received since the outermost catch, or 0. */
int sumi_stop_signal(void);
/* In a forked child: the handlers the process had before the outermost
 * catch (the default, or ignored), so the child can be stopped; a signal
 * claimed from ignored gets the default action. */
void sumi_stop_child_defaults(void);
/* Blocks the stop signals around something that must not be cut in half
 * (renaming outputs into place); release drops the ones that came
 * meanwhile: the work, having finished, ends as it would have. */
void sumi_stop_hold(sigset_t *before);
void sumi_stop_unhold_dropping(const sigset_t *before);
/* "SIGINT", "SIGTERM", "SIGHUP", or "signal N". */
const char *sumi_stop_name(int sig);

#endif
