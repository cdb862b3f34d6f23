/* `sumi batch`: many report jobs from one manifest, each in its own
 * process (batch.c), and their JSON-lines reports (batch_report.c). */
#ifndef SUMI_BATCH_H
#define SUMI_BATCH_H

#include <stdio.h>

#include "manifest.h"

/* The `sumi batch` command; argv holds the arguments after "batch".
 * Returns the exit code: 0 every job ok, 1 a job failed, 2 usage. */
int sumi_batch_main(int argc, char **argv);

enum sumi_job_status { SUMI_JOB_OK, SUMI_JOB_FAILED, SUMI_JOB_LOCKED, SUMI_JOB_NOT_RUN };

/* What one job came to, for the report. Owned by the batch run. */
struct sumi_job_result {
    const struct sumi_batch_job *job;
    enum sumi_job_status status;
    int exit_code;   /* -1: the job did not run */
    double seconds;  /* wall time, 0 when not run */
    long peak_kib;   /* the process's peak resident memory (wait4), -1: unknown */
    char sha256[65]; /* of the published output; "" when none */
    char *error;     /* the job's first error line, or NULL */
};

const char *sumi_job_status_name(enum sumi_job_status s);

/* Writes one JSON object per result, one per line, to out. */
int sumi_batch_write_report(FILE *out, const struct sumi_job_result *results, int count);

/* The sha256 of a file in hex, or "" (out[0] == 0) when it cannot be read. */
void sumi_batch_sha256(const char *path, char out[65]);

/* `sumi batch --merge-reports OUT REPORT...`: exit code as documented. */
int sumi_batch_merge_reports(const char *out, char **reports, int count);

#endif
