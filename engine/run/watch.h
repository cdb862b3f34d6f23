/* `sumi render --watch` and `sumi chart --watch`: render, then render again
 * whenever the script or a file it read changes. */
#ifndef SUMI_WATCH_H
#define SUMI_WATCH_H

#include "runtime.h"

/* Runs options' script once, then after every change until SIGINT or
 * SIGTERM. Returns 0 when stopped by a signal, 1 when the files cannot be
 * watched (no inotify, the watch limit reached). A failing render is
 * reported and the watch goes on. */
int sumi_watch(const struct sumi_run_options *options);

#endif
