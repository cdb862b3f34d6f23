/* Atomic publication of an output file: everything is written to a temporary
 * file in the destination folder, which is renamed over the destination only
 * when complete, so a failed run never leaves half a file nor replaces an
 * earlier good one (rename(2) is atomic within one file system). */
#ifndef SUMI_OUTPUT_H
#define SUMI_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

/* Owned by whoever embeds it (a canvas); sumi_output_open fills it,
 * commit or abort empties it. Both are safe to call on an empty one. */
struct sumi_output {
    char *final_path;
    char *temp_path;
    FILE *file;
};

/* Creates missing parent folders and the temporary file. 0 on success, else
 * -1 with a message in err. */
int sumi_output_open(struct sumi_output *out, const char *path, char *err, size_t errlen);
/* Flushes, fsyncs, renames into place and fsyncs the folder. 0 or -1. */
int sumi_output_commit(struct sumi_output *out, char *err, size_t errlen);
/* Closes and removes the temporary file; the destination is untouched. */
void sumi_output_abort(struct sumi_output *out);

#endif
