#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runlimits.h"

int sumi_sandbox_init(struct sumi_sandbox_args *s, int argc) {
    *s = (struct sumi_sandbox_args){.max_memory = -1, .timeout = -1, .max_input = -1};
    s->allow_read = calloc((size_t)argc + 1, sizeof *s->allow_read);
    s->allow_write = calloc((size_t)argc + 1, sizeof *s->allow_write);
    return s->allow_read != NULL && s->allow_write != NULL;
}

void sumi_sandbox_free(struct sumi_sandbox_args *s) {
    free(s->allow_read);
    free(s->allow_write);
    s->allow_read = s->allow_write = NULL;
}

int sumi_parse_long(const char *s, long min, long max, long *out) {
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

int sumi_sandbox_option(struct sumi_sandbox_args *s, const char *option, const char *value,
                        char *err, size_t errlen) {
    int is_memory = strcmp(option, "--max-memory") == 0;
    int is_timeout = strcmp(option, "--timeout") == 0;
    int is_input = strcmp(option, "--max-input-size") == 0;
    int is_read = strcmp(option, "--allow-read") == 0;
    int is_write = strcmp(option, "--allow-write") == 0;
    if (strcmp(option, "--trusted") == 0) {
        s->trusted = 1;
        return 1;
    }
    if (!is_memory && !is_timeout && !is_input && !is_read && !is_write)
        return 0;
    if (value == NULL) {
        snprintf(err, errlen, "option '%s' needs a value", option);
        return -1;
    }
    if (is_memory && (s->max_memory >= 0 || !sumi_parse_long(value, 16, 1L << 20, &s->max_memory)))
        snprintf(err, errlen,
                 "bad or repeated --max-memory '%s' (MiB from 16 to 1048576 expected, once)",
                 value);
    else if (is_timeout &&
             (s->timeout >= 0 || !sumi_parse_long(value, 1, 7L * 24 * 3600, &s->timeout)))
        snprintf(err, errlen,
                 "bad or repeated --timeout '%s' (seconds from 1 to 604800 expected, once)", value);
    else if (is_input && (s->max_input >= 0 || !sumi_parse_long(value, 1, 1L << 20, &s->max_input)))
        snprintf(err, errlen,
                 "bad or repeated --max-input-size '%s' (MiB from 1 to 1048576 expected, once)",
                 value);
    else if ((is_read || is_write) && value[0] == '\0')
        snprintf(err, errlen, "empty folder given to --allow-read or --allow-write");
    else {
        if (is_read)
            s->allow_read[s->nread++] = value;
        else if (is_write)
            s->allow_write[s->nwrite++] = value;
        return 2;
    }
    return -1;
}

long sumi_sandbox_timeout(const struct sumi_sandbox_args *s) {
    return s->timeout >= 0 ? s->timeout : (s->trusted ? 0 : SUMI_DEFAULT_TIMEOUT_S);
}

void sumi_sandbox_apply(const struct sumi_sandbox_args *s, struct sumi_run_options *o) {
    o->max_memory_mib =
        s->max_memory >= 0 ? s->max_memory : (s->trusted ? 0 : SUMI_DEFAULT_MAX_MEMORY_MIB);
    o->timeout = sumi_sandbox_timeout(s);
    o->max_input_mib =
        s->max_input >= 0 ? s->max_input : (s->trusted ? 0 : SUMI_DEFAULT_MAX_INPUT_MIB);
    o->allow_read = s->allow_read;
    o->allow_read_count = s->nread;
    o->allow_write = s->allow_write;
    o->allow_write_count = s->nwrite;
    o->trusted = s->trusted;
}
