/* The JSON-lines report of `sumi batch` (one object per job) and
 * `--merge-reports`, which joins the reports of a sharded run into one. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <glib.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "output.h"

const char *sumi_job_status_name(enum sumi_job_status s) {
    switch (s) {
    case SUMI_JOB_OK:
        return "ok";
    case SUMI_JOB_FAILED:
        return "failed";
    case SUMI_JOB_LOCKED:
        return "locked";
    default:
        return "not-run";
    }
}

void sumi_batch_sha256(const char *path, char out[65]) {
    out[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return;
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        g_checksum_update(sum, buf, (gssize)n);
    if (!ferror(f))
        snprintf(out, 65, "%s", g_checksum_get_string(sum));
    g_checksum_free(sum);
    fclose(f);
}

static json_object *string_or_null(const char *s) {
    return s != NULL && s[0] != '\0' ? json_object_new_string(s) : NULL;
}

int sumi_batch_write_report(FILE *out, const struct sumi_job_result *results, int count) {
    for (int i = 0; i < count; i++) {
        const struct sumi_job_result *r = &results[i];
        const struct sumi_batch_job *job = r->job;
        json_object *o = json_object_new_object();
        json_object *params = json_object_new_object();
        for (int k = 0; k < job->param_count; k++) {
            const char *eq = strchr(job->params[k], '=');
            char *key = strndup(job->params[k], (size_t)(eq - job->params[k]));
            if (key != NULL)
                json_object_object_add(params, key, json_object_new_string(eq + 1));
            free(key);
        }
        int ran = r->status != SUMI_JOB_NOT_RUN || r->exit_code >= 0;
        json_object_object_add(o, "name", json_object_new_string(job->name));
        json_object_object_add(o, "params", params);
        json_object_object_add(o, "status",
                               json_object_new_string(sumi_job_status_name(r->status)));
        json_object_object_add(o, "exit_code",
                               r->exit_code >= 0 ? json_object_new_int(r->exit_code) : NULL);
        /* Milliseconds are all a scheduler needs; json-c would print 17
         * digits of a double. */
        char seconds[32];
        snprintf(seconds, sizeof seconds, "%.3f", r->seconds);
        json_object_object_add(o, "seconds",
                               ran ? json_object_new_double_s(r->seconds, seconds) : NULL);
        json_object_object_add(o, "peak_memory_kib",
                               r->peak_kib >= 0 ? json_object_new_int64(r->peak_kib) : NULL);
        json_object_object_add(o, "output", json_object_new_string(job->output));
        json_object_object_add(o, "output_sha256", string_or_null(r->sha256));
        json_object_object_add(o, "error", string_or_null(r->error));
        fprintf(out, "%s\n",
                json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
                                                      JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(o);
    }
    return ferror(out) ? -1 : 0;
}

/* ---- --merge-reports ---- */

struct merged_line {
    char *name;
    char *text;
    const char *file;
    int ok;
};

static int by_name(const void *a, const void *b) {
    return strcmp(((const struct merged_line *)a)->name, ((const struct merged_line *)b)->name);
}

static void free_lines(struct merged_line *lines, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free(lines[i].name);
        free(lines[i].text);
    }
    free(lines);
}

/* Reads one report into lines; 0, or -1 with the message printed. */
static int read_report(const char *file, struct merged_line **lines, size_t *n, size_t *cap) {
    FILE *f = fopen(file, "r");
    if (f == NULL) {
        fprintf(stderr, "sumi: cannot read report '%s': %s\n", file, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    int status = 0;
    for (long number = 1; status == 0 && (len = getline(&line, &size, f)) >= 0; number++) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        json_object *o = json_tokener_parse(line);
        json_object *name = NULL, *st = NULL;
        if (o == NULL || !json_object_is_type(o, json_type_object) ||
            !json_object_object_get_ex(o, "name", &name) ||
            !json_object_is_type(name, json_type_string)) {
            fprintf(stderr, "sumi: %s:%ld: not a job of a sumi batch report\n", file, number);
            json_object_put(o);
            status = -1;
            break;
        }
        if (*n == *cap) {
            size_t grown = *cap ? *cap * 2 : 64;
            struct merged_line *p = realloc(*lines, grown * sizeof *p);
            if (p == NULL) {
                json_object_put(o);
                status = -1;
                fprintf(stderr, "sumi: out of memory\n");
                break;
            }
            *lines = p;
            *cap = grown;
        }
        struct merged_line *m = &(*lines)[*n];
        m->name = strdup(json_object_get_string(name));
        m->text = strdup(line);
        m->file = file;
        /* A status that is not a string (null, say) is not "ok". */
        m->ok = json_object_object_get_ex(o, "status", &st) &&
                json_object_is_type(st, json_type_string) &&
                strcmp(json_object_get_string(st), "ok") == 0;
        json_object_put(o);
        if (m->name == NULL || m->text == NULL) {
            free(m->name);
            free(m->text);
            fprintf(stderr, "sumi: out of memory\n");
            status = -1;
            break;
        }
        (*n)++;
    }
    free(line);
    if (status == 0 && ferror(f)) {
        fprintf(stderr, "sumi: cannot read report '%s': %s\n", file, strerror(errno));
        status = -1;
    }
    fclose(f);
    return status;
}

int sumi_batch_merge_reports(const char *out, char **reports, int count) {
    struct merged_line *lines = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < count; i++)
        if (read_report(reports[i], &lines, &n, &cap) != 0) {
            free_lines(lines, n);
            return 1;
        }
    if (n > 1)
        qsort(lines, n, sizeof *lines, by_name);
    for (size_t i = 1; i < n; i++)
        if (strcmp(lines[i - 1].name, lines[i].name) == 0) {
            fprintf(stderr, "sumi: job '%s' is in two reports ('%s' and '%s'); nothing written\n",
                    lines[i].name, lines[i - 1].file, lines[i].file);
            free_lines(lines, n);
            return 1;
        }
    struct sumi_output o;
    char err[512];
    if (sumi_output_open(&o, out, err, sizeof err) != 0) {
        fprintf(stderr, "sumi: %s\n", err);
        free_lines(lines, n);
        return 1;
    }
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        fprintf(o.file, "%s\n", lines[i].text);
        failed += !lines[i].ok;
    }
    free_lines(lines, n);
    if (sumi_output_commit(&o, err, sizeof err) != 0) {
        fprintf(stderr, "sumi: %s\n", err);
        return 1;
    }
    fprintf(stderr, "sumi: %s: %zu jobs, %zu ok, %zu not ok\n", out, n, n - failed, failed);
    return failed > 0 ? 1 : 0;
}
