/* A `sumi batch` manifest read into its jobs (engine/lua/sumi/internal/manifest.lua
 * does the expansion; this side loads the file as data and checks what Lua
 * cannot see, such as whether each script exists). */
#ifndef SUMI_MANIFEST_H
#define SUMI_MANIFEST_H

/* Owned by the manifest: every string is malloc'd and freed by
 * sumi_manifest_free. */
struct sumi_batch_job {
    char *name;
    char *script;  /* taken from the manifest's folder */
    char *output;  /* likewise */
    char **params; /* "key=value", sorted by key */
    int param_count;
    char *where; /* "jobs[3] (lang=ja)": where the job comes from, for messages */
};

struct sumi_manifest {
    char *path;
    char date[11];    /* YYYY-MM-DD: the run's date, {date} in templates */
    long long epoch;  /* SOURCE_DATE_EPOCH for the jobs */
    int epoch_is_env; /* 1: the environment set it, so jobs inherit it as is */
    struct sumi_batch_job *jobs;
    int count;
};

/* Reads and expands the manifest at path. 0 on success; otherwise prints
 * "sumi: PATH: message" on stderr and returns 2 (a bad manifest is a usage
 * error: nothing has run). */
int sumi_manifest_load(const char *path, struct sumi_manifest *m);
void sumi_manifest_free(struct sumi_manifest *m);

#endif
