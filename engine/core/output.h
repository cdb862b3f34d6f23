/* Atomic publication of an output file: everything is written to a temporary
 * file in the destination folder, which is renamed over the destination only
 * when complete, so a failed run never leaves half a file nor replaces an
 * earlier good one (rename(2) is atomic within one file system). */
#ifndef SUMI_OUTPUT_H
#define SUMI_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

/* Owned by whoever embeds it (a canvas); sumi_output_open fills it,
 * publish, commit or abort empties it. Both are safe to call on an empty one. */
struct sumi_output {
    char *final_path;
    char *temp_path;
    FILE *file;
    int discard; /* sumi check: the temporary is in TMPDIR and never published */
    /* The highest folder opening this output made, or NULL: aborting the
     * output removes the folders it made (those left empty). */
    char *made_folder;
};

/* Creates missing parent folders and the temporary file. 0 on success, else
 * -1 with a message in err. */
int sumi_output_open(struct sumi_output *out, const char *path, char *err, size_t errlen);
/* As sumi_output_open, for a run whose outputs are all discarded (sumi
 * check): the file is written in TMPDIR, no folder is made, and publishing
 * removes it instead of renaming it: nothing is written where path says. */
int sumi_output_open_discarded(struct sumi_output *out, const char *path, char *err, size_t errlen);
/* Flushes, fsyncs and closes the temporary file; the destination is not yet
 * touched. 0 or -1 (the temporary file is then removed). */
int sumi_output_finish(struct sumi_output *out, char *err, size_t errlen);
/* Renames a finished temporary file into place and fsyncs the folder. */
int sumi_output_publish(struct sumi_output *out, char *err, size_t errlen);
/* finish, then publish. */
int sumi_output_commit(struct sumi_output *out, char *err, size_t errlen);
/* 1 when finished but not yet published. */
int sumi_output_is_finished(const struct sumi_output *out);
/* Closes and removes the temporary file; the destination is untouched. */
void sumi_output_abort(struct sumi_output *out);

/* An output's temporary file is ".NAME.XXXXXX" beside it. Whether the file
 * name `name` (no folder) is a temporary of the output named `base`: */
int sumi_output_is_temp_of(const char *name, const char *base);
/* The output a temporary file's path stands for (same folder), newly
 * allocated; NULL when the path is not a temporary's or out of memory. */
char *sumi_output_of_temp(const char *temp_path);

/* The folder part of path ("." for a bare name, "/" for the root), newly
 * allocated; NULL when out of memory. */
char *sumi_folder_of(const char *path);
/* mkdir -p for the folder part of path: 0, or -1 with the message in err. */
int sumi_make_parents(const char *path, char *err, size_t errlen);
/* rmdir of path's folder and its parents up to first_made, while empty. */
void sumi_remove_made_folders(const char *path, const char *first_made);

#endif
