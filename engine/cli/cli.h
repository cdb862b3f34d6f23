/* What the commands share on their command lines: whole numbers in a
 * range, and the limit and file-rule options of render, chart and batch. */
#ifndef SUMI_CLI_H
#define SUMI_CLI_H

#include <stddef.h>

#include "runtime.h"

/* The limit and file-rule options as given; -1: a limit not given. */
struct sumi_sandbox_args {
    long max_memory, timeout, max_input;
    const char **allow_read, **allow_write; /* point into argv */
    int nread, nwrite;
    int trusted;
};

/* Room for every folder argc words could give. 0 when out of memory. */
int sumi_sandbox_init(struct sumi_sandbox_args *s, int argc);
void sumi_sandbox_free(struct sumi_sandbox_args *s);

/* Takes `option` (and `value`, the word after it, NULL if none) when it is
 * one of the sandbox options: 0 when it is not one, 1 for the flag
 * --trusted, 2 when the value was taken too; -1 for a missing, bad or
 * repeated value, with the message in err. */
int sumi_sandbox_option(struct sumi_sandbox_args *s, const char *option, const char *value,
                        char *err, size_t errlen);

/* Fills the run options: the default limits apply unless --trusted, which
 * keeps only the limits given explicitly. */
void sumi_sandbox_apply(const struct sumi_sandbox_args *s, struct sumi_run_options *o);
/* The time limit in seconds those options give (0: none). */
long sumi_sandbox_timeout(const struct sumi_sandbox_args *s);

/* s as a decimal number from min to max: 1 and *out set, or 0. */
int sumi_parse_long(const char *s, long min, long max, long *out);

#endif
