#define _POSIX_C_SOURCE 200809L
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void release(struct sumi_output *out) {
    free(out->final_path);
    free(out->temp_path);
    free(out->made_folder);
    out->made_folder = NULL;
    out->final_path = NULL;
    out->temp_path = NULL;
    out->file = NULL;
    out->discard = 0;
}

/* mkdir -p of path's folder; *first_made (when given) gets the highest
 * folder this call made, or NULL when all were there. */
static int make_parents_noting(const char *path, char *err, size_t errlen, char **first_made) {
    char *copy = strdup(path);
    if (copy == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (char *p = copy + 1; *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) == 0) {
            if (first_made != NULL && *first_made == NULL)
                *first_made = strdup(copy);
        } else if (errno != EEXIST) {
            snprintf(err, errlen, "cannot create folder '%s': %s", copy, strerror(errno));
            free(copy);
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

int sumi_make_parents(const char *path, char *err, size_t errlen) {
    return make_parents_noting(path, err, errlen, NULL);
}

void sumi_remove_made_folders(const char *path, const char *first_made) {
    char *folder = sumi_folder_of(path);
    size_t top = strlen(first_made);
    /* From the file's folder up to the first one made; rmdir leaves any
     * that is not empty (another output's, a file the user put there). */
    while (folder != NULL && strlen(folder) >= top && strncmp(folder, first_made, top) == 0) {
        if (rmdir(folder) != 0)
            break;
        int last = strcmp(folder, first_made) == 0;
        char *up = sumi_folder_of(folder);
        free(folder);
        folder = last ? NULL : up;
        if (last)
            free(up);
    }
    free(folder);
}

char *sumi_folder_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* mkstemp's six characters, after a dot */
#define TEMP_SUFFIX ".XXXXXX"
#define TEMP_SUFFIX_LEN (sizeof TEMP_SUFFIX - 1)

int sumi_output_is_temp_of(const char *name, const char *base) {
    size_t blen = strlen(base);
    return name[0] == '.' && strlen(name) == 1 + blen + TEMP_SUFFIX_LEN &&
           strncmp(name + 1, base, blen) == 0 && name[1 + blen] == '.';
}

char *sumi_output_of_temp(const char *temp_path) {
    const char *slash = strrchr(temp_path, '/');
    const char *name = slash != NULL ? slash + 1 : temp_path;
    size_t len = strlen(name);
    if (name[0] != '.' || len < 2 + TEMP_SUFFIX_LEN || name[len - TEMP_SUFFIX_LEN] != '.')
        return NULL;
    size_t dir_len = (size_t)(name - temp_path), base_len = len - 1 - TEMP_SUFFIX_LEN;
    char *final = malloc(dir_len + base_len + 1);
    if (final == NULL)
        return NULL;
    memcpy(final, temp_path, dir_len);
    memcpy(final + dir_len, name + 1, base_len);
    final[dir_len + base_len] = '\0';
    return final;
}

int sumi_output_open(struct sumi_output *out, const char *path, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    if (path == NULL || path[0] == '\0') {
        snprintf(err, errlen, "empty output path");
        return -1;
    }
    size_t len = strlen(path);
    if (path[len - 1] == '/') {
        snprintf(err, errlen, "output path '%s' names a folder, not a file", path);
        return -1;
    }
    if (make_parents_noting(path, err, errlen, &out->made_folder) != 0)
        return -1;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "output path '%s' is a folder", path);
        return -1;
    }
    out->final_path = strdup(path);
    char *folder = sumi_folder_of(path);
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t tlen = (folder ? strlen(folder) : 0) + strlen(base) + 32;
    out->temp_path = malloc(tlen);
    if (out->final_path == NULL || folder == NULL || out->temp_path == NULL) {
        free(folder);
        release(out);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* A dot file beside the destination: same file system, so rename is
     * atomic. The pattern is read back by sumi_output_is_temp_of. */
    snprintf(out->temp_path, tlen, "%s/.%s" TEMP_SUFFIX, folder, base);
    free(folder);
    int fd = mkstemp(out->temp_path);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
        release(out);
        return -1;
    }
    /* mkstemp makes 0600; outputs are ordinary files for the user's umask. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    out->file = fdopen(fd, "wb");
    if (out->file == NULL) {
        snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
        close(fd);
        unlink(out->temp_path);
        release(out);
        return -1;
    }
    return 0;
}

int sumi_output_open_discarded(struct sumi_output *out, const char *path, char *err,
                               size_t errlen) {
    memset(out, 0, sizeof *out);
    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";
    size_t tlen = strlen(tmp) + 32;
    out->final_path = strdup(path);
    out->temp_path = malloc(tlen);
    if (out->final_path == NULL || out->temp_path == NULL) {
        release(out);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(out->temp_path, tlen, "%s/sumi-check" TEMP_SUFFIX, tmp);
    int fd = mkstemp(out->temp_path);
    out->file = fd >= 0 ? fdopen(fd, "w+b") : NULL;
    if (out->file == NULL) {
        snprintf(err, errlen, "cannot make a scratch file for '%s' in %s: %s", path, tmp,
                 strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(out->temp_path);
        }
        release(out);
        return -1;
    }
    out->discard = 1;
    return 0;
}

int sumi_output_finish(struct sumi_output *out, char *err, size_t errlen) {
    if (out->file == NULL) {
        snprintf(err, errlen, "output already closed");
        return -1;
    }
    int failed = fflush(out->file) != 0 || ferror(out->file) ||
                 (!out->discard && fsync(fileno(out->file)) != 0);
    int saved = errno;
    if (fclose(out->file) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    out->file = NULL;
    if (failed) {
        snprintf(err, errlen, "cannot write '%s': %s", out->final_path, strerror(saved));
        unlink(out->temp_path);
        release(out);
        return -1;
    }
    return 0;
}

int sumi_output_is_finished(const struct sumi_output *out) {
    return out->file == NULL && out->temp_path != NULL;
}

int sumi_output_publish(struct sumi_output *out, char *err, size_t errlen) {
    if (!sumi_output_is_finished(out)) {
        snprintf(err, errlen, "output not finished");
        return -1;
    }
    if (out->discard) {
        unlink(out->temp_path);
        release(out);
        return 0;
    }
    if (rename(out->temp_path, out->final_path) != 0) {
        snprintf(err, errlen, "cannot replace '%s': %s", out->final_path, strerror(errno));
        unlink(out->temp_path);
        release(out);
        return -1;
    }
    /* The rename itself is durable only once the folder is synced. */
    char *folder = sumi_folder_of(out->final_path);
    if (folder != NULL) {
        int dfd = open(folder, O_RDONLY | O_DIRECTORY);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
        free(folder);
    }
    release(out);
    return 0;
}

int sumi_output_commit(struct sumi_output *out, char *err, size_t errlen) {
    if (sumi_output_finish(out, err, errlen) != 0)
        return -1;
    return sumi_output_publish(out, err, errlen);
}

void sumi_output_abort(struct sumi_output *out) {
    if (out->file != NULL) {
        fclose(out->file);
        out->file = NULL;
    }
    if (out->temp_path != NULL)
        unlink(out->temp_path);
    if (out->made_folder != NULL && out->final_path != NULL)
        sumi_remove_made_folders(out->final_path, out->made_folder);
    release(out);
}
